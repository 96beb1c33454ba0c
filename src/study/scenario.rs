//! The `scenario` table of `wisn compute --scenario F` (study-format §7.4): named scenarios of
//! volume factors, standard factors and staff changes, each row with its selectors. Every check
//! that needs only the row is made here (a row without a change, a factor ≤ 0 or not a number, a
//! selector its change cannot use); what a selector matches is decided in [`crate::scenario`].

use super::discover::TableRef;
use super::schema::SCENARIO;
use super::source::Row;
use super::table_reader::{read_table, Fields};
use super::Builder;
use crate::diag::Code;
use crate::diag::Reported;
use crate::diag::{Diagnostics, Problem};
use crate::messages::study as msg;
use crate::numbers::full_precision;
use crate::scenario::{ScenarioRow, Selector};

const CHANGES: [&str; 5] = [
    "volume_factor",
    "standard_factor",
    "staff_change",
    "add_standards",
    "add_workload",
];

/// Reads the scenario table at `table` (a file, or `FILE#Sheet`). Problems go to `diag`.
pub fn read_scenarios(
    table: &TableRef,
    csv: super::csv_source::CsvOptions,
    b: &Builder,
    diag: &mut Diagnostics,
) -> Vec<ScenarioRow> {
    let mut rows = Vec::new();
    // Tables added by a scenario are named relative to the scenario file.
    let base = match table {
        TableRef::Text { path, .. }
        | TableRef::Sheet { path, .. }
        | TableRef::Json { path, .. } => path
            .parent()
            .map(std::path::Path::to_path_buf)
            .unwrap_or_default(),
    };
    let mut source = super::open_source(table, csv);
    read_table(
        source.as_mut(),
        &SCENARIO,
        diag,
        |h, f, d| {
            let mut ok = super::table_reader::require_columns(h, f, &SCENARIO, &["scenario"], d);
            if !CHANGES.iter().any(|c| h.has(c)) {
                let mut at = f.location.clone();
                at.row = Some(h.row);
                d.error(
                    Problem::error(Code::NoChangeColumn, msg::no_change_column())
                        .at(at)
                        .hint(msg::no_change_column_hint()),
                );
                ok = false;
            }
            ok
        },
        |f, row, d| {
            if let Some(r) = read_row(f, row, b, &base, d) {
                rows.push(r);
            }
        },
    );
    rows
}

fn read_row(
    f: &Fields,
    row: &dyn Row,
    b: &Builder,
    base: &std::path::Path,
    d: &mut Diagnostics,
) -> Option<ScenarioRow> {
    let col = |name: &str| f.header.get(name).unwrap_or(0);
    let Some(name) = f.text(row, "scenario", d) else {
        d.error(
            Problem::error(Code::BlankCell, msg::scenario_blank_name())
                .at(f.at(row, col("scenario")))
                .hint(msg::scenario_blank_name_hint()),
        );
        return None;
    };
    if crate::names::normalise(&name) == "baseline" {
        d.error(
            Problem::error(Code::ReservedScenario, msg::reserved_scenario())
                .at(f.at(row, col("scenario")))
                .value(name)
                .hint(msg::reserved_scenario_hint()),
        );
        return None;
    }
    let mut ok = true;
    let mut factor = |d: &mut Diagnostics, name: &str, positive: bool| -> Option<f64> {
        let c = f.header.get(name)?;
        match f.number_at(row, c, d) {
            Ok(Some(v)) if positive && v <= 0.0 => {
                d.error(
                    Problem::error(Code::BadFactor, msg::bad_factor())
                        .at(f.at(row, c))
                        .value(full_precision(v))
                        .hint(msg::bad_factor_hint()),
                );
                ok = false;
                None
            }
            Ok(v) => v,
            Err(Reported) => {
                ok = false;
                None
            }
        }
    };
    let volume_factor = factor(d, "volume_factor", true);
    let standard_factor = factor(d, "standard_factor", true);
    let staff_change = factor(d, "staff_change", false);
    if !ok {
        return None;
    }
    let at = f.at_row(row);
    let text = |d: &mut Diagnostics, name: &str| f.text(row, name, d);
    let facility_id = text(d, "facility_id");
    let facility_type = text(d, "facility_type");
    let district = text(d, "district");
    let region = text(d, "region");
    let cadre = text(d, "cadre").map(|t| {
        let index = b.find_cadre(&t);
        Selector { text: t, index }
    });
    let activity = text(d, "activity").map(|t| {
        let index = b.find_activity(&t);
        Selector { text: t, index }
    });
    let mut added = |d: &mut Diagnostics, name: &str| -> Option<String> {
        let text = f.text(row, name, d)?;
        let (file, sheet) = match text.rsplit_once('#') {
            Some((file, sheet)) => (file.to_string(), Some(sheet.to_string())),
            None => (text.clone(), None),
        };
        let path = base.join(&file);
        if !path.is_file() {
            d.error(
                Problem::error(Code::NotFound, msg::added_table_not_found())
                    .at(f.at(row, col(name)))
                    .value(path.display().to_string())
                    .hint(msg::added_table_not_found_hint()),
            );
            ok = false;
            return None;
        }
        let p = path.display().to_string();
        Some(match sheet {
            Some(s) => format!("{p}#{s}"),
            None => p,
        })
    };
    let add_standards = added(d, "add_standards");
    let add_workload = added(d, "add_workload");
    if !ok {
        return None;
    }
    if volume_factor.is_none()
        && standard_factor.is_none()
        && staff_change.is_none()
        && add_standards.is_none()
        && add_workload.is_none()
    {
        d.error(
            Problem::error(Code::NoChange, msg::no_change())
                .at(at)
                .hint(msg::no_change_hint()),
        );
        return None;
    }
    // A selector the row's change cannot use.
    let refuse = |d: &mut Diagnostics, change: &str, selector: &str, why: crate::diag::Msg| {
        d.error(
            Problem::error(Code::BadSelector, msg::bad_selector(selector, change, &why))
                .at(at.clone().with_column(
                    f.header
                        .names
                        .get(col(selector))
                        .cloned()
                        .unwrap_or_default(),
                ))
                .hint(msg::bad_selector_hint(selector, change)),
        );
    };
    let errors_before = d.error_count();
    if volume_factor.is_some() && cadre.is_some() {
        refuse(d, "volume_factor", "cadre", msg::volume_by_cadre());
    }
    if standard_factor.is_some() {
        for sel in ["facility_id", "district", "region"] {
            if f.text(row, sel, d).is_some() {
                refuse(d, "standard_factor", sel, msg::standard_by_place());
            }
        }
    }
    if staff_change.is_some() {
        if cadre.is_none() {
            d.error(
                Problem::error(Code::BadSelector, msg::staff_change_without_cadre())
                    .at(at.clone())
                    .hint(msg::staff_change_without_cadre_hint()),
            );
            ok = false;
        }
        if activity.is_some() {
            refuse(d, "staff_change", "activity", msg::staff_by_activity());
        }
    }
    if !ok || d.error_count() > errors_before {
        return None;
    }
    Some(ScenarioRow {
        scenario: name,
        facility_id,
        facility_type,
        district,
        region,
        cadre,
        activity,
        volume_factor,
        standard_factor,
        staff_change,
        add_standards,
        add_workload,
        location: at,
    })
}
