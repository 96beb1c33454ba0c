//! The terminal table (the default output): one table for the facility rows and one per roll-up
//! level, numbers rounded for reading (the machine formats keep full precision), status words
//! coloured when writing to a terminal.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, Color, ContentArrangement, Table};

use super::{Exporter, Report};
use crate::engine::{Level, ResultRow};
use crate::method::Status;

pub struct TableExporter;

fn num(v: f64, decimals: usize) -> Cell {
    Cell::new(format!("{v:.decimals$}")).set_alignment(CellAlignment::Right)
}

fn status_cell(status: Option<Status>, color: bool) -> Cell {
    let Some(s) = status else {
        return Cell::new("");
    };
    let (word, c) = match s {
        Status::Shortage => ("SHORTAGE", Color::Red),
        Status::Balanced => ("balanced", Color::Green),
        Status::Excess => ("excess", Color::Yellow),
    };
    let cell = Cell::new(word);
    if color {
        cell.fg(c)
    } else {
        cell
    }
}

fn level_title(level: Level) -> &'static str {
    match level {
        Level::Facility => "Facilities",
        Level::District => "By district",
        Level::Region => "By region",
        Level::FacilityType => "By facility type",
        Level::National => "National",
    }
}

fn table_of(rows: &[&ResultRow], level: Level, report: &Report) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = report.settings.width {
        t.set_width(w);
    }
    let mut header: Vec<&str> = match level {
        Level::Facility => vec!["Facility", "Type", "District"],
        Level::District => vec!["District", "Region"],
        Level::Region => vec!["Region"],
        Level::FacilityType => vec!["Type"],
        Level::National => vec![],
    };
    header.extend([
        "Cadre",
        "Staff",
        "Required",
        "Rounded",
        "Difference",
        "Ratio",
        "Pressure",
        "Status",
    ]);
    if level == Level::Facility && rows.iter().any(|r| r.completeness.is_some_and(|c| c < 1.0)) {
        header.push("Months");
    }
    t.set_header(header.clone());
    let dash = |s: &Option<String>| s.clone().unwrap_or_else(|| "—".into());
    for r in rows {
        let mut cells: Vec<Cell> = match level {
            Level::Facility => vec![
                Cell::new(
                    r.facility_name
                        .clone()
                        .or_else(|| r.facility_id.clone())
                        .unwrap_or_default(),
                ),
                Cell::new(dash(&r.facility_type)),
                Cell::new(dash(&r.district)),
            ],
            Level::District => vec![Cell::new(dash(&r.district)), Cell::new(dash(&r.region))],
            Level::Region => vec![Cell::new(dash(&r.region))],
            Level::FacilityType => vec![Cell::new(dash(&r.facility_type))],
            Level::National => vec![],
        };
        cells.extend([
            Cell::new(&r.cadre),
            num(
                r.current_staff,
                if r.current_staff.fract() == 0.0 { 0 } else { 1 },
            ),
            num(r.required_staff, 2),
            num(r.required_rounded, 0),
            num(r.difference, 2),
            match r.wisn_ratio {
                Some(v) => num(v, 2),
                None => Cell::new("n/a").set_alignment(CellAlignment::Right),
            },
            Cell::new(if r.workload_pressure_pct > 0.0 {
                format!("{:.0} %", r.workload_pressure_pct)
            } else {
                String::new()
            })
            .set_alignment(CellAlignment::Right),
            status_cell(r.status, report.settings.color),
        ]);
        if header.last() == Some(&"Months") {
            cells.push(Cell::new(
                r.completeness
                    .map(|c| format!("{:.0}/12", c * 12.0))
                    .unwrap_or_default(),
            ));
        }
        t.add_row(cells);
    }
    t
}

impl Exporter for TableExporter {
    fn serialize(&self, report: &Report) -> anyhow::Result<Vec<u8>> {
        let mut out = String::new();
        let mut levels: Vec<Level> = Vec::new();
        for r in &report.results.rows {
            if !levels.contains(&r.level) {
                levels.push(r.level);
            }
        }
        for level in levels {
            let rows: Vec<&ResultRow> = report
                .results
                .rows
                .iter()
                .filter(|r| r.level == level)
                .collect();
            out.push_str(level_title(level));
            out.push('\n');
            out.push_str(&table_of(&rows, level, report).to_string());
            out.push('\n');
            let count = |s: Status| rows.iter().filter(|r| r.status == Some(s)).count();
            out.push_str(&format!(
                "{} rows: {} shortage, {} balanced, {} excess\n\n",
                rows.len(),
                count(Status::Shortage),
                count(Status::Balanced),
                count(Status::Excess)
            ));
        }
        if report.results.rows.is_empty() {
            out.push_str("No results: no facility has both standards for a cadre and staff or workload for it.\n");
        }
        Ok(out.into_bytes())
    }
}
