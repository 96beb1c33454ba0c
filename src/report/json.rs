//! JSON output: `{"rows": [ {column: value, ...} ], "warnings": [ "...", ... ]}`; every row has
//! every column of the spec, `null` where it does not apply; numbers are JSON numbers at full
//! precision. Warnings are the messages as printed on stderr (strings).

use serde_json::{Map, Number, Value as Json};

use super::{values, Exporter, Report, Value, COLUMNS};
use crate::diag::Problem;

pub struct JsonExporter;

/// A number at full precision (`-0` written as `0`); a non-finite one, which the engine never
/// produces, as `null`.
pub fn number(n: f64) -> Json {
    Number::from_f64(if n == 0.0 { 0.0 } else { n })
        .map(Json::Number)
        .unwrap_or(Json::Null)
}

/// The document every JSON output of `wisn` writes: `{"rows": [...], "warnings": ["...", ...]}`,
/// warnings as the messages printed on stderr.
pub fn document(rows: Vec<Json>, warnings: &[&Problem]) -> anyhow::Result<Vec<u8>> {
    let warnings: Vec<Json> = warnings
        .iter()
        .map(|w| Json::String(w.to_string()))
        .collect();
    let mut doc = Map::new();
    doc.insert("rows".into(), Json::Array(rows));
    doc.insert("warnings".into(), Json::Array(warnings));
    let mut out = serde_json::to_vec_pretty(&Json::Object(doc))?;
    out.push(b'\n');
    Ok(out)
}

pub fn row_object(row: &crate::engine::ResultRow) -> Json {
    let mut object = Map::with_capacity(COLUMNS.len());
    for (name, v) in COLUMNS.iter().zip(values(row)) {
        let json = match v {
            Value::Null => Json::Null,
            Value::Text(t) => Json::String(t.to_string()),
            Value::Number(n) => number(n),
            Value::Integer(i) => Json::Number(i.into()),
        };
        object.insert((*name).to_string(), json);
    }
    Json::Object(object)
}

impl Exporter for JsonExporter {
    fn serialize(&self, report: &Report) -> anyhow::Result<Vec<u8>> {
        let rows: Vec<Json> = report.results.rows.iter().map(row_object).collect();
        document(rows, &report.warnings)
    }
}
