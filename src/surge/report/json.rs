//! JSON output: `{"rows": [ {column: value, ...} ], "warnings": [ "...", ... ]}`; every row has
//! every column, `null` where it does not apply; numbers are JSON numbers at full precision,
//! dates `"YYYY-MM-DD"`.

use serde_json::{Map, Value as Json};

use crate::report::json::{document, number};

use super::{values, SurgeExporter, SurgeReport, Value, COLUMNS};
use crate::surge::compute::SurgeRow;

pub struct JsonExporter;

pub fn row_object(row: &SurgeRow) -> Json {
    let mut object = Map::with_capacity(COLUMNS.len());
    for (name, v) in COLUMNS.iter().zip(values(row)) {
        let json = match v {
            Value::Null => Json::Null,
            Value::Text(t) => Json::String(t.to_string()),
            Value::Number(n) => number(n),
            Value::Integer(i) => Json::Number(i.into()),
            Value::Date(_) => Json::String(v.to_text()),
        };
        object.insert((*name).to_string(), json);
    }
    Json::Object(object)
}

impl SurgeExporter for JsonExporter {
    fn serialize(&self, report: &SurgeReport) -> anyhow::Result<Vec<u8>> {
        let rows: Vec<Json> = report.results.rows.iter().map(row_object).collect();
        document(rows, &report.warnings)
    }
}
