//! The outputs of `wisn compute`: its rows ([`COLUMNS`], one [`ResultRow`] per facility × cadre
//! and per roll-up group × cadre) and its formats for people (the terminal table, the xlsx and
//! html reports) and for DHIS2. CSV and JSON are the layer's ([`crate::report::csv`],
//! [`crate::report::json`]).
//!
//! The machine-readable column names ([`COLUMNS`]) are the contract of the output (see
//! docs/study-format.md, "The output columns") and never change with `--lang`.

pub mod dhis2;
pub mod html;
pub mod summary;
pub mod table;
pub mod xlsx;

use super::Format::{self, *};
use super::{unsupported, Report, ReportSettings, Row, RowSlice, Rows, Value};
use crate::diag::Problem;
use crate::engine::{ResultRow, Results};
use crate::model::Study;

/// The output columns of `wisn compute`, in order.
pub const COLUMNS: &[&str] = &[
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
    "difference",
    "wisn_ratio",
    "workload_pressure_pct",
    "status",
    "awt_hours",
    "service_staff",
    "caf",
    "iaf",
    "completeness",
    "mean_facility_ratio",
];

impl Row for ResultRow {
    fn cells<'a>(&'a self, out: &mut Vec<Value<'a>>) {
        let num = Value::opt_number;
        out.extend([
            Value::text(self.level.as_str()),
            Value::opt_text(self.facility_id.as_deref()),
            Value::opt_text(self.facility_name.as_deref()),
            Value::opt_text(self.facility_type.as_deref()),
            Value::opt_text(self.district.as_deref()),
            Value::opt_text(self.region.as_deref()),
            Value::text(&self.cadre),
            Value::Number(self.current_staff),
            Value::Number(self.required_staff),
            Value::Integer(self.required_rounded as i64),
            Value::Number(self.difference),
            num(self.wisn_ratio),
            Value::Number(self.workload_pressure_pct),
            Value::opt_text(self.status.map(|s| s.as_str())),
            num(self.awt_hours),
            num(self.service_staff),
            num(self.caf),
            num(self.iaf),
            num(self.completeness),
            num(self.mean_facility_ratio),
        ]);
    }
}

/// The result columns of [`COLUMNS`] that every level has: `cadre` to `status`.
pub fn result_columns() -> &'static [&'static str] {
    let start = COLUMNS.iter().position(|c| *c == "cadre").unwrap_or(0);
    let end = COLUMNS
        .iter()
        .position(|c| *c == "status")
        .map_or(COLUMNS.len(), |i| i + 1);
    &COLUMNS[start..end]
}

/// The cells of a row in [`COLUMNS`] order.
pub fn values(row: &ResultRow) -> Vec<Value<'_>> {
    let mut out = Vec::with_capacity(COLUMNS.len());
    row.cells(&mut out);
    out
}

/// Everything an output format of `wisn compute` may show.
pub struct ComputeReport<'a> {
    pub study: &'a Study,
    pub results: &'a Results,
    pub warnings: Vec<&'a Problem>,
    pub settings: &'a ReportSettings,
}

impl ComputeReport<'_> {
    /// The result rows with [`COLUMNS`].
    pub fn result_rows(&self) -> RowSlice<'_, ResultRow> {
        RowSlice {
            columns: COLUMNS,
            rows: &self.results.rows,
        }
    }
}

impl Report for ComputeReport<'_> {
    const FORMATS: &'static [Format] = &[Table, Csv, Json, Xlsx, Html, Dhis2Csv, Dhis2Json];

    fn settings(&self) -> &ReportSettings {
        self.settings
    }

    fn warnings(&self) -> &[&Problem] {
        &self.warnings
    }

    fn rows(&self) -> Option<Box<dyn Rows + '_>> {
        Some(Box::new(self.result_rows()))
    }

    fn json_to(&self, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
        super::json::write_to(&self.result_rows(), &self.warnings, out)
    }

    fn write_to(&self, format: Format, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
        match format {
            Table => table::write_to(self, out),
            other => {
                out.write_all(&self.write(other)?)?;
                Ok(())
            }
        }
    }

    fn write(&self, format: Format) -> anyhow::Result<Vec<u8>> {
        match format {
            Table => table::write(self),
            Xlsx => xlsx::write(self),
            Html => html::write(self),
            Dhis2Csv | Dhis2Json => dhis2::write(self, format == Dhis2Json),
            other => Err(unsupported(other)),
        }
    }
}
