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
                    Problem::error(
                        Code::NoChangeColumn,
                        "has no change column: a scenario needs volume_factor, standard_factor, staff_change, add_standards or add_workload",
                    )
                    .at(at)
                    .hint("add a volume_factor (workload × f), standard_factor (time per unit × f) or staff_change (staff + d) column"),
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
            Problem::error(
                Code::BlankCell,
                "is blank: every scenario row needs its scenario's name",
            )
            .at(f.at(row, col("scenario")))
            .hint("fill in the scenario's name or delete the row"),
        );
        return None;
    };
    if crate::names::normalise(&name) == "baseline" {
        d.error(
            Problem::error(
                Code::ReservedScenario,
                "is not a scenario name: `baseline` names the results without any scenario",
            )
            .at(f.at(row, col("scenario")))
            .value(name)
            .hint("give the scenario another name"),
        );
        return None;
    }
    let mut ok = true;
    let mut factor = |d: &mut Diagnostics, name: &str, positive: bool| -> Option<f64> {
        let c = f.header.get(name)?;
        match f.number_at(row, c, d) {
            Ok(Some(v)) if positive && v <= 0.0 => {
                d.error(
                    Problem::error(
                        Code::BadFactor,
                        "is not above 0: a factor multiplies, so it must be > 0",
                    )
                    .at(f.at(row, c))
                    .value(full_precision(v))
                    .hint("write 1.3 for +30 %, 0.8 for −20 %; leave the cell blank for no change"),
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
                Problem::error(Code::NotFound, "names a table file that does not exist")
                    .at(f.at(row, col(name)))
                    .value(path.display().to_string())
                    .hint("give the file's path relative to the scenario file (a workbook sheet as FILE#Sheet)"),
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
            Problem::error(
                Code::NoChange,
                "changes nothing: volume_factor, standard_factor, staff_change, add_standards and add_workload are all blank",
            )
            .at(at)
            .hint("fill in one of them, or delete the row"),
        );
        return None;
    }
    // A selector the row's change cannot use.
    let refuse = |d: &mut Diagnostics, change: &str, selector: &str, why: &str| {
        d.error(
            Problem::error(
                Code::BadSelector,
                format!("selects by {selector}, which a {change} cannot use: {why}"),
            )
            .at(at.clone().with_column(
                f.header
                    .names
                    .get(col(selector))
                    .cloned()
                    .unwrap_or_default(),
            ))
            .hint(format!(
                "leave {selector} blank on this row, or put the {change} on a row of its own"
            )),
        );
    };
    let errors_before = d.error_count();
    if volume_factor.is_some() && cadre.is_some() {
        refuse(
            d,
            "volume_factor",
            "cadre",
            "workload volumes belong to facilities and activities, not to a cadre",
        );
    }
    if standard_factor.is_some() {
        for sel in ["facility_id", "district", "region"] {
            if f.text(row, sel, d).is_some() {
                refuse(
                    d,
                    "standard_factor",
                    sel,
                    "standards are set per cadre, activity and facility type",
                );
            }
        }
    }
    if staff_change.is_some() {
        if cadre.is_none() {
            d.error(
                Problem::error(
                    Code::BadSelector,
                    "has a staff_change but no cadre: staff are counted per cadre",
                )
                .at(at.clone())
                .hint("fill in the cadre whose staff change"),
            );
            ok = false;
        }
        if activity.is_some() {
            refuse(
                d,
                "staff_change",
                "activity",
                "staff are counted per facility and cadre",
            );
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
