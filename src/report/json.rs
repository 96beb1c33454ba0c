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

/// [`write`], streamed to `out` one row at a time: the same bytes as
/// `serde_json::to_vec_pretty` of the whole document and a final newline, without building the
/// document (at national scale its tree took 600 MB).
pub fn write_to(
    rows: &dyn Rows,
    warnings: &[&Problem],
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    use serde::ser::{Error as _, SerializeMap, SerializeSeq};
    struct Document<'a> {
        rows: &'a dyn Rows,
        warnings: Vec<String>,
    }
    struct AllRows<'a>(&'a dyn Rows);
    struct Object<'a, 'c> {
        columns: &'a [std::borrow::Cow<'static, str>],
        cells: &'a [Value<'c>],
    }
    impl serde::Serialize for Object<'_, '_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(Some(self.columns.len()))?;
            for (name, v) in self.columns.iter().zip(self.cells) {
                map.serialize_entry(name.as_ref(), &Cell(v))?;
            }
            map.end()
        }
    }
    impl serde::Serialize for AllRows<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let columns = self.0.columns();
            let mut seq = s.serialize_seq(Some(self.0.len()))?;
            let mut failed = None;
            let walked = self.0.each(&mut |cells| {
                seq.serialize_element(&Object {
                    columns: &columns,
                    cells,
                })
                .map_err(|e| {
                    let message = e.to_string();
                    failed = Some(e);
                    anyhow::anyhow!(message)
                })
            });
            if let Some(e) = failed {
                return Err(e);
            }
            walked.map_err(S::Error::custom)?;
            seq.end()
        }
    }
    impl serde::Serialize for Document<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(Some(2))?;
            map.serialize_entry("rows", &AllRows(self.rows))?;
            map.serialize_entry("warnings", &self.warnings)?;
            map.end()
        }
    }
    let doc = Document {
        rows,
        warnings: warnings.iter().map(|w| w.to_string()).collect(),
    };
    let mut ser = serde_json::Serializer::pretty(&mut *out);
    serde::Serialize::serialize(&doc, &mut ser)?;
    out.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::borrow::Cow;

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
    }
}
