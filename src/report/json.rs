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
    let warnings: Vec<Json> = warnings
        .iter()
        .map(|w| Json::String(w.to_string()))
        .collect();
    let mut doc = Map::new();
    doc.insert("rows".into(), Json::Array(objects(rows)?));
    doc.insert("warnings".into(), Json::Array(warnings));
    pretty(&Json::Object(doc))
}
