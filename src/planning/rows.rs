//! The machine columns of the planning rows (study-format §7.2, §7.3), in the contract's order,
//! and their CSV and JSON documents: numbers at full precision, blank/`null` where a value does
//! not apply, names never translated. CSV and JSON are written by the same code as compute's
//! (`--excel-fr` gives `;`, decimal commas and a BOM).

use serde_json::{Map, Value as Json};

use super::allocate::AllocateRow;
use super::redistribute::RedistributeRow;
use crate::diag::Problem;
use crate::numbers::full_precision;
use crate::report::json::{document, number};
use crate::report::Value;

/// A row with named columns.
pub trait PlanRow {
    /// The column names, in order.
    const COLUMNS: &'static [&'static str];
    /// The cells, in [`PlanRow::COLUMNS`] order.
    fn values(&self) -> Vec<Value<'_>>;
}

fn text(s: &Option<String>) -> Value<'_> {
    s.as_deref().map(Value::Text).unwrap_or(Value::Null)
}
fn num(v: Option<f64>) -> Value<'static> {
    v.map(Value::Number).unwrap_or(Value::Null)
}
fn int(v: Option<u64>) -> Value<'static> {
    v.map(|n| Value::Integer(n as i64)).unwrap_or(Value::Null)
}
fn status(s: Option<crate::method::Status>) -> Value<'static> {
    s.map(|s| Value::Text(s.as_str())).unwrap_or(Value::Null)
}

impl PlanRow for AllocateRow {
    const COLUMNS: &'static [&'static str] = &[
        "level",
        "facility_id",
        "facility_name",
        "facility_type",
        "district",
        "region",
        "cadre",
        "current_staff",
        "required_staff",
        "required_rounded",
        "posts",
        "staff_after",
        "ratio_before",
        "ratio_after",
        "status_after",
        "cost",
        "posts_unallocated",
        "min_ratio_before",
        "min_ratio_after",
    ];
    fn values(&self) -> Vec<Value<'_>> {
        vec![
            Value::Text(self.level),
            text(&self.facility_id),
            text(&self.facility_name),
            text(&self.facility_type),
            text(&self.district),
            text(&self.region),
            Value::Text(&self.cadre),
            Value::Number(self.current_staff),
            Value::Number(self.required_staff),
            Value::Integer(self.required_rounded as i64),
            Value::Integer(self.posts as i64),
            Value::Number(self.staff_after),
            num(self.ratio_before),
            num(self.ratio_after),
            status(self.status_after),
            num(self.cost),
            int(self.posts_unallocated),
            num(self.min_ratio_before),
            num(self.min_ratio_after),
        ]
    }
}

impl PlanRow for RedistributeRow {
    const COLUMNS: &'static [&'static str] = &[
        "level",
        "district",
        "region",
        "cadre",
        "from_facility_id",
        "to_facility_id",
        "persons",
        "facility_id",
        "facility_name",
        "facility_type",
        "current_staff",
        "required_staff",
        "staff_after",
        "ratio_before",
        "ratio_after",
        "status_after",
        "shortage_before",
        "shortage_after",
    ];
    fn values(&self) -> Vec<Value<'_>> {
        vec![
            Value::Text(self.level),
            text(&self.district),
            text(&self.region),
            Value::Text(&self.cadre),
            text(&self.from_facility_id),
            text(&self.to_facility_id),
            int(self.persons),
            text(&self.facility_id),
            text(&self.facility_name),
            text(&self.facility_type),
            num(self.current_staff),
            num(self.required_staff),
            num(self.staff_after),
            num(self.ratio_before),
            num(self.ratio_after),
            status(self.status_after),
            num(self.shortage_before),
            num(self.shortage_after),
        ]
    }
}

/// CSV of rows: the header, then one record per row. `french`: `;`, decimal commas, BOM.
pub fn csv<R: PlanRow>(rows: &[R], french: bool) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    if french {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(if french { b';' } else { b',' })
        .from_writer(out);
    w.write_record(R::COLUMNS)?;
    for row in rows {
        let record: Vec<String> = row
            .values()
            .into_iter()
            .map(|v| match v {
                Value::Null => String::new(),
                Value::Text(t) => t.to_string(),
                Value::Number(n) => {
                    let s = full_precision(n);
                    if french {
                        s.replace('.', ",")
                    } else {
                        s
                    }
                }
                Value::Integer(i) => i.to_string(),
            })
            .collect();
        w.write_record(&record)?;
    }
    w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}

/// One row as a JSON object with every column.
pub fn json_object<R: PlanRow>(row: &R) -> Json {
    let mut object = Map::with_capacity(R::COLUMNS.len());
    for (name, v) in R::COLUMNS.iter().zip(row.values()) {
        let value = match v {
            Value::Null => Json::Null,
            Value::Text(t) => Json::String(t.to_string()),
            Value::Number(n) => number(n),
            Value::Integer(i) => Json::Number(i.into()),
        };
        object.insert((*name).to_string(), value);
    }
    Json::Object(object)
}

/// `{"rows": [...], "warnings": [...]}`.
pub fn json<R: PlanRow>(rows: &[R], warnings: &[&Problem]) -> anyhow::Result<Vec<u8>> {
    document(rows.iter().map(json_object).collect(), warnings)
}
