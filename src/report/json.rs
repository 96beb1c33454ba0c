//! JSON, for every command's rows: `{"rows": [ {column: value, ...} ], "warnings": [ "...", ... ]}`;
//! every row has every column, `null` where it does not apply; numbers are JSON numbers at full
//! precision, dates `"YYYY-MM-DD"`. Warnings are the messages as printed on stderr (strings).

use serde_json::{Map, Number, Value as Json};

use super::{Rows, Value};
use crate::diag::Problem;

/// A number at full precision (`-0` written as `0`); a non-finite one, which the engine never
/// produces, as `null`.
pub fn number(n: f64) -> Json {
    Number::from_f64(if n == 0.0 { 0.0 } else { n })
        .map(Json::Number)
        .unwrap_or(Json::Null)
}

/// A cell as JSON.
pub fn value(v: &Value) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Text(t) => Json::String(t.to_string()),
        Value::Number(n) => number(*n),
        Value::Integer(i) => Json::Number((*i).into()),
        Value::Date(_) => Json::String(v.to_text(false)),
    }
}

/// A cell serialized as [`value`]'s JSON is, without building it (no `String` per text cell).
struct Cell<'a, 'c>(&'a Value<'c>);

impl serde::Serialize for Cell<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Null => s.serialize_unit(),
            Value::Text(t) => s.serialize_str(t),
            Value::Number(n) if n.is_finite() => s.serialize_f64(if *n == 0.0 { 0.0 } else { *n }),
            Value::Number(_) => s.serialize_unit(),
            Value::Integer(i) => s.serialize_i64(*i),
            Value::Date(_) => s.serialize_str(&self.0.to_text(false)),
        }
    }
}

/// Every row as an object `{column: value}`, columns in order.
pub fn objects(rows: &dyn Rows) -> anyhow::Result<Vec<Json>> {
    let columns = rows.columns();
    let mut out = Vec::with_capacity(rows.len());
    rows.each(&mut |cells| {
        let mut object = Map::with_capacity(columns.len());
        for (name, v) in columns.iter().zip(cells) {
            object.insert(name.to_string(), value(v));
        }
        out.push(Json::Object(object));
        Ok(())
    })?;
    Ok(out)
}

/// A JSON document, pretty-printed, with a final newline.
pub fn pretty(doc: &Json) -> anyhow::Result<Vec<u8>> {
    let mut out = serde_json::to_vec_pretty(doc)?;
    out.push(b'\n');
    Ok(out)
}

/// The document the JSON output of a command's rows is: `{"rows": [...], "warnings":
/// ["...", ...]}`, warnings as the messages printed on stderr.
pub fn write(rows: &dyn Rows, warnings: &[&Problem]) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    write_to(rows, warnings, &mut out)?;
    Ok(out)
}

/// [`write`], streamed to `out`: the same bytes as `serde_json::to_vec_pretty` of the whole
/// document and a final newline (a property test compares them), without building the
/// document (at national scale its tree took 600 MB). serde_json's pretty layout is written by
/// hand around each cell's JSON (serde_json's own), so that the rows can be formatted in blocks
/// on the threads of the pool ([`super::blocks`]): two spaces a level, `"key": value`, a row
/// object on its own lines, `[]` and `{}` when empty.
pub fn write_to(
    rows: &dyn Rows,
    warnings: &[&Problem],
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let warnings: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
    write_document(rows, &warnings, out)
}

/// [`write_to`] with the warnings as their text.
fn write_document(
    rows: &dyn Rows,
    warnings: &[String],
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    // Each column's `"name": ` on its line inside a row object (three levels in).
    let keys: Vec<Vec<u8>> = rows
        .columns()
        .iter()
        .map(|name| {
            let mut key = b"      ".to_vec();
            serde_json::to_writer(&mut key, name.as_ref())?;
            key.extend_from_slice(b": ");
            Ok(key)
        })
        .collect::<Result<_, serde_json::Error>>()?;
    out.write_all(b"{\n  \"rows\": [")?;
    super::blocks::write_rows(rows, out, &|buf, i, cells| {
        buf.extend_from_slice(if i == 0 { b"\n    {" } else { b",\n    {" });
        let mut first = true;
        for (key, v) in keys.iter().zip(cells) {
            buf.extend_from_slice(if first { b"\n" } else { b",\n" });
            first = false;
            buf.extend_from_slice(key);
            serde_json::to_writer(&mut *buf, &Cell(v))?;
        }
        if !first {
            buf.extend_from_slice(b"\n    ");
        }
        buf.push(b'}');
        Ok(())
    })?;
    out.write_all(if rows.is_empty() { b"]" } else { b"\n  ]" })?;
    out.write_all(b",\n  \"warnings\": [")?;
    let mut buf = Vec::new();
    for (i, w) in warnings.iter().enumerate() {
        buf.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
        serde_json::to_writer(&mut buf, w)?;
    }
    if !warnings.is_empty() {
        buf.extend_from_slice(b"\n  ");
    }
    buf.extend_from_slice(b"]\n}\n");
    out.write_all(&buf)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::RowSlice;
    use proptest::prelude::*;
    use std::borrow::Cow;

    /// The document as serde_json writes it: `{"rows": [...], "warnings": [...]}` pretty, and a
    /// newline.
    fn reference(rows: &dyn Rows, warnings: &[String]) -> String {
        let mut doc = Map::new();
        doc.insert("rows".into(), Json::Array(objects(rows).unwrap()));
        doc.insert(
            "warnings".into(),
            Json::Array(warnings.iter().cloned().map(Json::String).collect()),
        );
        String::from_utf8(pretty(&Json::Object(doc)).unwrap()).unwrap()
    }

    #[test]
    fn many_rows_on_several_threads() {
        let rows = crate::report::csv::tests::many_rows(5 * crate::report::blocks::BLOCK_ROWS + 3);
        let slice = RowSlice {
            columns: crate::report::csv::tests::MANY_COLUMNS,
            rows: &rows,
        };
        let expected = reference(&slice, &["a \"warning\"".to_string()]);
        for threads in [1, 2, 3] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let mut out = Vec::new();
            pool.install(|| write_document(&slice, &["a \"warning\"".to_string()], &mut out))
                .unwrap();
            assert!(
                String::from_utf8(out).unwrap() == expected,
                "{threads} threads"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// A cell written straight to the serializer is the JSON of its `serde_json::Value`.
        #[test]
        fn a_cell_is_written_as_its_json_value(
            v in prop_oneof![
                Just(Value::Null),
                ".{0,6}".prop_map(|t| Value::Text(Cow::Owned(t))),
                proptest::num::f64::ANY.prop_map(Value::Number),
                Just(Value::Number(-0.0)),
                (-1e6f64..1e6).prop_map(Value::Number),
                any::<i64>().prop_map(Value::Integer),
                (1900i32..2100, 1u32..365).prop_map(|(y, d)| Value::Date(
                    chrono::NaiveDate::from_yo_opt(y, d).unwrap()
                )),
            ],
        ) {
            prop_assert_eq!(
                serde_json::to_string_pretty(&Cell(&v)).unwrap(),
                serde_json::to_string_pretty(&value(&v)).unwrap()
            );
        }

        /// The document written by hand is serde_json's pretty document, byte for byte.
        #[test]
        fn the_same_bytes_as_serde_json(
            (columns, rows) in crate::report::csv::tests::table(),
            warnings in proptest::collection::vec(".{0,8}", 0..3),
        ) {
            let slice = RowSlice { columns: &columns, rows: &rows };
            let mut ours = Vec::new();
            write_document(&slice, &warnings, &mut ours).unwrap();
            prop_assert_eq!(String::from_utf8(ours).unwrap(), reference(&slice, &warnings));
        }
    }
}
