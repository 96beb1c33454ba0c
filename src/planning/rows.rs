//! The machine columns of the planning rows (study-format §7.2, §7.3), in the contract's order,
//! as [`Row`]s of the output layer: CSV and JSON are written by the layer for every command
//! (numbers at full precision, blank/`null` where a value does not apply, names never
//! translated; `--excel-fr` gives `;`, decimal commas and a BOM).

use super::allocate::AllocateRow;
use super::redistribute::RedistributeRow;
use crate::report::{Row, Value};

fn text(s: &Option<String>) -> Value<'_> {
    Value::opt_text(s.as_deref())
}
fn num(v: Option<f64>) -> Value<'static> {
    Value::opt_number(v)
}
fn int(v: Option<u64>) -> Value<'static> {
    v.map(|n| Value::Integer(n as i64)).unwrap_or(Value::Null)
}
fn status(s: Option<crate::method::Status>) -> Value<'static> {
    Value::opt_text(s.map(|s| s.as_str()))
}

/// The columns of `wisn allocate` (study-format §7.2), in order.
pub const ALLOCATE_COLUMNS: &[&str] = &[
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

impl Row for AllocateRow {
    fn cells<'a>(&'a self, out: &mut Vec<Value<'a>>) {
        out.extend([
            Value::text(self.level),
            text(&self.facility_id),
            text(&self.facility_name),
            text(&self.facility_type),
            text(&self.district),
            text(&self.region),
            Value::text(&self.cadre),
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
        ]);
    }
}

/// The columns of `wisn redistribute` (study-format §7.3), in order.
pub const REDISTRIBUTE_COLUMNS: &[&str] = &[
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

impl Row for RedistributeRow {
    fn cells<'a>(&'a self, out: &mut Vec<Value<'a>>) {
        out.extend([
            Value::text(self.level),
            text(&self.district),
            text(&self.region),
            Value::text(&self.cadre),
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
        ]);
    }
}
