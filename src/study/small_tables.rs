//! Parsers of the small tables (facilities, working_time, standards, staff, cadre_aliases) and the
//! checks across tables once all are read.

use crate::diag::Code;
use crate::diag::Reported;
use std::collections::{BTreeMap, HashMap};

use super::schema::{TableDef, CADRE_ALIASES, FACILITIES, STAFF, STANDARDS, WORKING_TIME};
use super::source::{Row, RowSource};
use super::table_reader::{read_table, require_columns, Fields};
use super::{Builder, CadreMatch, ReadOptions, DEFAULT_ACTIVE_STATUS};
use crate::diag::{Diagnostics, Location, Problem, Severity};
use crate::method::{AllowanceUnit, ServiceUnit, WorkingTime};
use crate::model::{Component, Facility, Standard, StandardUnit, WorkingTimeRow};
use crate::names::{closest, key, normalise};
use crate::numbers::full_precision;

/// Available working time (hours a year) that any full-time health worker has: outside it, a
/// working_time row is probably mistyped (a warning says what to check).
pub const AWT_PLAUSIBLE: (f64, f64) = (800.0, 2600.0);

/// A required cell left blank.
pub(crate) fn blank_cell(fields: &Fields, row: &dyn Row, column: &str, what: &str) -> Problem {
    let col = fields.header.get(column).unwrap_or(0);
    Problem::error(Code::BlankCell, format!("is blank: every row needs {what}"))
        .at(fields.at(row, col))
        .hint(format!("fill in the {column} or delete the row"))
}

/// The cadre (required) and facility-type key (blank: every type) of a working_time or
/// standards row.
fn cadre_and_type(
    f: &Fields,
    row: &dyn Row,
    b: &mut Builder,
    d: &mut Diagnostics,
) -> Option<(String, String)> {
    let Some(cadre) = f.text(row, "cadre", d) else {
        d.error(blank_cell(f, row, "cadre", "a cadre"));
        return None;
    };
    let written = f.text(row, "facility_type", d);
    let type_key = written.as_deref().map(key).unwrap_or_default();
    if let Some(w) = written {
        b.type_names.entry(type_key.clone()).or_insert(w);
    }
    Some((cadre, type_key))
}

pub fn read_cadre_aliases(source: &mut dyn RowSource, b: &mut Builder, diag: &mut Diagnostics) {
    let mut rows: Vec<(String, String, Location)> = Vec::new();
    read_table(
        source,
        &CADRE_ALIASES,
        diag,
        |h, f, d| require_columns(h, f, &CADRE_ALIASES, &["alias", "cadre"], d),
        |f, row, d| {
            let alias = f.text(row, "alias", d);
            let cadre = f.text(row, "cadre", d);
            match (alias, cadre) {
                (Some(a), Some(c)) => rows.push((a, c, f.at_row(row))),
                (None, Some(_)) => d.error(blank_cell(f, row, "alias", "an alias")),
                (Some(_), None) => d.error(blank_cell(
                    f,
                    row,
                    "cadre",
                    "the cadre the alias stands for",
                )),
                (None, None) => {}
            }
        },
    );
    for (alias, cadre, at) in rows {
        if let Err(why) = b.add_alias(&alias, &cadre) {
            diag.error(
                Problem::error(
                    Code::AliasConflict,
                    format!("maps the alias to \"{cadre}\" but it {why}"),
                )
                .at(at)
                .value(alias)
                .hint("keep one row per alias"),
            );
        }
    }
}

pub fn read_facilities(source: &mut dyn RowSource, b: &mut Builder, diag: &mut Diagnostics) {
    let mut first_row: HashMap<String, usize> = HashMap::new();
    read_table(
        source,
        &FACILITIES,
        diag,
        |h, f, d| require_columns(h, f, &FACILITIES, &["facility_id"], d),
        |f, row, d| {
            let Some(id) = f.text(row, "facility_id", d) else {
                d.error(blank_cell(f, row, "facility_id", "a facility code"));
                return;
            };
            if let Some(first) = first_row.get(&id) {
                let col = f.header.get("facility_id").unwrap_or(0);
                d.error(
                    Problem::error(
                        Code::DuplicateFacility,
                        format!("is listed twice (first on row {first})"),
                    )
                    .at(f.at(row, col))
                    .value(id)
                    .hint("keep one row per facility; give the other facility its own code"),
                );
                return;
            }
            first_row.insert(id.clone(), row.number());
            let facility_type = f.text(row, "facility_type", d);
            b.add_facility(Facility {
                type_key: facility_type.as_deref().map(key).unwrap_or_default(),
                facility_type,
                id,
                name: f.text(row, "facility_name", d),
                district: f.text(row, "district", d),
                region: f.text(row, "region", d),
                orgunit: f.text(row, "orgunit", d),
                listed: true,
            });
        },
    );
}

pub fn read_standards(source: &mut dyn RowSource, b: &mut Builder, diag: &mut Diagnostics) {
    let mut seen: HashMap<(usize, String, Component, String), usize> = HashMap::new();
    read_table(
        source,
        &STANDARDS,
        diag,
        |h, f, d| {
            require_columns(
                h,
                f,
                &STANDARDS,
                &["cadre", "component", "activity", "standard", "unit"],
                d,
            )
        },
        |f, row, d| {
            let Some((cadre_name, type_key)) = cadre_and_type(f, row, b, d) else {
                return;
            };
            let comp_col = f.header.get("component").unwrap_or(0);
            let Some(comp_text) = f.text(row, "component", d) else {
                d.error(blank_cell(
                    f,
                    row,
                    "component",
                    "a component (service, support or additional)",
                ));
                return;
            };
            let Some(component) = Component::parse(&normalise(&comp_text)) else {
                d.error(
                    Problem::error(Code::UnknownComponent, "is not a component")
                        .at(f.at(row, comp_col))
                        .value(comp_text)
                        .hint("write service (prestation, soins), support (soutien) or additional (supplémentaire, individuelle)"),
                );
                return;
            };
            let activity_name = f.text(row, "activity", d).unwrap_or_default();
            if activity_name.is_empty() && component == Component::Service {
                d.error(blank_cell(
                    f,
                    row,
                    "activity",
                    "the activity (its name is the key into workload)",
                ));
                return;
            }
            let std_col = f.header.get("standard").unwrap_or(0);
            let Ok(value) = f.number(row, "standard", d) else {
                return;
            };
            let Some(value) = value else {
                d.error(blank_cell(f, row, "standard", "a standard"));
                return;
            };
            let unit_col = f.header.get("unit").unwrap_or(0);
            let unit_text = f.text(row, "unit", d).unwrap_or_default();
            let unit = match component {
                Component::Service => ServiceUnit::parse(&unit_text).map(StandardUnit::Service),
                Component::Support => AllowanceUnit::parse(&unit_text).map(StandardUnit::Allowance),
                Component::Additional => match AllowanceUnit::parse(&unit_text) {
                    Some(AllowanceUnit::Percent) => {
                        d.error(
                            Problem::error(Code::PercentAdditional, "is not a unit for an additional (IAS) activity")
                                .at(f.at(row, unit_col))
                                .value(unit_text)
                                .hint("additional activities are a time per period, e.g. h/month or jours/an; put % activities in support"),
                        );
                        return;
                    }
                    other => other.map(StandardUnit::Allowance),
                },
            };
            let Some(unit) = unit else {
                let hint = match component {
                    Component::Service => "a service standard is in min, h (per unit), per_hour or per_day",
                    _ => "write % or a time per period: min/day, h/week, h/month, h/year, days/year (min/jour, h/semaine, h/mois, h/an, jours/an)",
                };
                d.error(
                    Problem::error(
                        Code::UnknownUnit,
                        format!("is not a unit of a {} standard", component.as_str()),
                    )
                    .at(f.at(row, unit_col))
                    .value(unit_text)
                    .hint(hint),
                );
                return;
            };
            let percent = matches!(unit, StandardUnit::Allowance(AllowanceUnit::Percent));
            if value <= 0.0 || (percent && value >= 100.0) {
                d.error(
                    Problem::error(
                        Code::BadStandard,
                        if percent {
                            "is not a percentage between 0 and 100"
                        } else {
                            "is not above 0: a standard of 0 or less cannot be used"
                        },
                    )
                    .at(f.at(row, std_col))
                    .value(full_precision(value))
                    .hint("correct the standard, or delete the row if the activity is not done"),
                );
                return;
            }
            if percent && value < 1.0 {
                // Excel stores a cell typed "5 %" (percentage format) as 0.05.
                d.warn(
                    Problem::warning(
                        Code::PercentAsFraction,
                        "is a percentage below 1 %: a cell in Excel's percentage format holds 5 % as 0.05",
                    )
                    .at(f.at(row, std_col))
                    .value(full_precision(value))
                    .hint("if 5 % is meant, write 5 in a cell with the standard number format (the unit column already says %); if it really is below 1 %, ignore this warning"),
                );
            }
            let staff = if component == Component::Additional {
                match f.non_negative(row, "staff", d) {
                    Ok(v) => v.unwrap_or(1.0),
                    Err(Reported) => return,
                }
            } else {
                1.0
            };
            let Ok(range) = standard_range(f, row, value, d) else {
                return;
            };
            let cadre = b.cadre(&cadre_name);
            let activity_key = normalise(&activity_name);
            let dup_key = (cadre, type_key.clone(), component, activity_key);
            if let Some(first) = seen.get(&dup_key) {
                let col = f.header.get("activity").unwrap_or(0);
                d.error(
                    Problem::error(
                        Code::DuplicateStandard,
                        format!("is a second {} standard for this cadre and facility type (first on row {first})", component.as_str()),
                    )
                    .at(f.at(row, col))
                    .value(activity_name)
                    .hint("keep one row per cadre, facility type and activity"),
                );
                return;
            }
            seen.insert(dup_key, row.number());
            let activity = (component == Component::Service).then(|| b.activity(&activity_name));
            b.study.standards.push(Standard {
                cadre,
                type_key,
                component,
                activity_name,
                activity,
                value,
                unit,
                staff,
                range,
                location: f.at_row(row),
            });
        },
    );
}

/// `standard_low` and `standard_high` of a standards row (study-format §7.6): both or neither,
/// above 0, low ≤ standard ≤ high. A blank pair is no range.
fn standard_range(
    f: &Fields,
    row: &dyn Row,
    value: f64,
    d: &mut Diagnostics,
) -> Result<Option<(f64, f64)>, Reported> {
    let low = f.number(row, "standard_low", d)?;
    let high = f.number(row, "standard_high", d)?;
    let col = |name: &str| f.header.get(name).unwrap_or(0);
    let bad = |d: &mut Diagnostics, name: &str, v: f64, what: &str| {
        d.error(
            Problem::error(Code::BadRange, what.to_string())
                .at(f.at(row, col(name)))
                .value(full_precision(v))
                .hint("the range of a standard is low ≤ standard ≤ high, both above 0 and in the standard's unit"),
        );
    };
    match (low, high) {
        (None, None) => Ok(None),
        (Some(low), Some(high)) => {
            let mut ok = true;
            if low <= 0.0 {
                bad(d, "standard_low", low, "is not above 0");
                ok = false;
            } else if low > value {
                bad(
                    d,
                    "standard_low",
                    low,
                    &format!("is above the standard ({})", full_precision(value)),
                );
                ok = false;
            }
            if high < value {
                bad(
                    d,
                    "standard_high",
                    high,
                    &format!("is below the standard ({})", full_precision(value)),
                );
                ok = false;
            }
            if ok {
                Ok(Some((low, high)))
            } else {
                Err(Reported)
            }
        }
        (Some(_), None) | (None, Some(_)) => {
            let missing = if low.is_none() {
                "standard_low"
            } else {
                "standard_high"
            };
            d.error(
                Problem::error(
                    Code::BadRange,
                    format!("gives one end of the standard's range but no {missing}"),
                )
                .at(f.at_row(row))
                .hint("give both standard_low and standard_high, or neither"),
            );
            Err(Reported)
        }
    }
}

pub fn read_working_time(source: &mut dyn RowSource, b: &mut Builder, diag: &mut Diagnostics) {
    let mut seen: HashMap<(usize, String), usize> = HashMap::new();
    read_table(
        source,
        &WORKING_TIME,
        diag,
        |h, f, d| {
            require_columns(
                h,
                f,
                &WORKING_TIME,
                &["cadre", "days_per_week", "hours_per_day"],
                d,
            )
        },
        |f, row, d| {
            let Some((cadre_name, type_key)) = cadre_and_type(f, row, b, d) else {
                return;
            };
            let mut values = [0.0; 6];
            let mut ok = true;
            for (i, name) in [
                "days_per_week",
                "hours_per_day",
                "public_holidays",
                "annual_leave",
                "sick_leave",
                "other_leave",
            ]
            .iter()
            .enumerate()
            {
                match f.non_negative(row, name, d) {
                    Ok(Some(v)) => values[i] = v,
                    Ok(None) if i < 2 => {
                        d.error(blank_cell(f, row, name, "days per week and hours per day"));
                        ok = false;
                    }
                    Ok(None) => {}
                    Err(Reported) => ok = false,
                }
            }
            if !ok {
                let c = b.cadre(&cadre_name);
                b.rejected_working_time.insert(c);
                return;
            }
            let time = WorkingTime {
                days_per_week: values[0],
                hours_per_day: values[1],
                public_holidays: values[2],
                annual_leave: values[3],
                sick_leave: values[4],
                other_leave: values[5],
            };
            if time.hours_per_day > 24.0 {
                let col = f.header.get("hours_per_day").unwrap_or(0);
                d.error(
                    Problem::error(Code::BadWorkingTime, "is more hours than a day has")
                        .at(f.at(row, col))
                        .value(full_precision(time.hours_per_day))
                        .hint("hours_per_day is the hours of one working day (8 for a 40-hour week of 5 days; 12 for a 12-hour shift)"),
                );
                let c = b.cadre(&cadre_name);
                b.rejected_working_time.insert(c);
                return;
            }
            let awt = match time.awt() {
                Ok(a) => a,
                Err(e) => {
                    d.error(
                        Problem::error(Code::BadWorkingTime, e.to_string())
                            .at(f.at_row(row))
                            .hint("check days per week (≤ 7), hours per day and the days of leave (they are days per year)"),
                    );
                    let c = b.cadre(&cadre_name);
                    b.rejected_working_time.insert(c);
                    return;
                }
            };
            let hours = awt.hours();
            if !(AWT_PLAUSIBLE.0..=AWT_PLAUSIBLE.1).contains(&hours) {
                d.warn(
                    Problem::warning(
                        Code::ImplausibleAwt,
                        format!(
                            "gives an available working time of {hours:.0} hours a year, outside what a full-time health worker has (about {} to {} h)",
                            AWT_PLAUSIBLE.0,
                            AWT_PLAUSIBLE.1
                        ),
                    )
                    .at(f.at_row(row))
                    .value(cadre_name.clone())
                    .hint("check hours per day (hours of one day), days per week, and that holidays and leave are days per year (not hours, not per month)"),
                );
            }
            let cadre = b.cadre(&cadre_name);
            if let Some(first) = seen.insert((cadre, type_key.clone()), row.number()) {
                d.error(
                    Problem::error(Code::DuplicateWorkingTime, format!("is a second working-time row for this cadre and facility type (first on row {first})"))
                        .at(f.at_row(row))
                        .value(cadre_name)
                        .hint("keep one row per cadre (and facility type)"),
                );
                return;
            }
            b.study.working_time.push(WorkingTimeRow {
                cadre,
                type_key,
                time,
                location: f.at_row(row),
            });
        },
    );
}

/// Reads the staff table into `study.staff`.
pub fn read_staff(
    source: &mut dyn RowSource,
    b: &mut Builder,
    diag: &mut Diagnostics,
    options: &ReadOptions,
) {
    for (k, n) in read_staff_counts(source, &STAFF, b, diag, options) {
        *b.study.staff.entry(k).or_insert(0.0) += n;
    }
}

/// Reads a table shaped like `staff` (`staff`, `covid_staff`): counts, or one row per person,
/// with the `--active-status` filter on a `status` column; rows with the same facility and
/// cadre are summed. Returns the staff per (facility, cadre).
pub fn read_staff_counts(
    source: &mut dyn RowSource,
    def: &TableDef,
    b: &mut Builder,
    diag: &mut Diagnostics,
    options: &ReadOptions,
) -> HashMap<(usize, usize), f64> {
    let table = def.name;
    let mut out: HashMap<(usize, usize), f64> = HashMap::new();
    let active_given: Vec<String> = if options.active_status.is_empty() {
        DEFAULT_ACTIVE_STATUS
            .iter()
            .map(|s| s.to_string())
            .collect()
    } else {
        options
            .active_status
            .iter()
            .map(|s| s.trim().to_string())
            .collect()
    };
    let active: Vec<String> = active_given.iter().map(|s| key(s)).collect();
    let mut dropped: BTreeMap<String, usize> = BTreeMap::new();
    let mut repeats = Repeats::default();
    read_table(
        source,
        def,
        diag,
        |h, f, d| {
            let mut ok = require_columns(h, f, def, &["facility_id"], d);
            if !h.has("cadre") && !h.has("job") {
                ok &= require_columns(h, f, def, &["cadre"], d);
            }
            // Without a count, the table is a person list only when it looks like one: a
            // header such as `Nombre d'agents` that is not recognised must not turn every
            // count into 1.
            let person = h
                .normalised
                .iter()
                .any(|n| super::schema::PERSON_COLUMNS.contains(&n.as_str()));
            if !h.has("count") && !person && !h.has("status") {
                ok &= require_columns(h, f, def, &["count"], d);
                if let Some(p) = d.problems.last_mut() {
                    if p.code == Code::MissingColumn {
                        p.message = p.message.map(|m| format!("{m}; a table without a count is read as one row per person only when it has a person column (name, nom, matricule, person_id, id) or a status column"));
                        p.hint = Some("rename the column that holds the staff counts to `count` (or effectif, nombre, nb_agents), or add a person column (matricule, nom) if the table lists one person per row".into());
                    }
                }
            }
            ok
        },
        |f, row, d| {
            // The status first: a person who is not in post needs no facility or cadre.
            if f.header.has("status") {
                let status = f.text(row, "status", d).unwrap_or_default();
                if !active.contains(&key(&status)) {
                    *dropped.entry(status).or_default() += 1;
                    return;
                }
            }
            let Some(id) = f.text(row, "facility_id", d) else {
                d.error(blank_cell(f, row, "facility_id", "a facility code"));
                return;
            };
            let Some(cadre_name) = f.text(row, "cadre", d).or_else(|| f.text(row, "job", d)) else {
                d.error(blank_cell(
                    f,
                    row,
                    if f.header.has("cadre") {
                        "cadre"
                    } else {
                        "job"
                    },
                    "a cadre",
                ));
                return;
            };
            let count = if f.header.has("count") {
                match f.non_negative(row, "count", d) {
                    Ok(v) => v.unwrap_or(0.0),
                    Err(Reported) => return,
                }
            } else {
                1.0
            };
            let facility = b.facility_at(&id, table, || {
                f.at(row, f.header.get("facility_id").unwrap_or(0))
            });
            let cadre = b.cadre(&cadre_name);
            *out.entry((facility, cadre)).or_insert(0.0) += count;
            repeats.check(f, row);
        },
    );
    repeats.report(table, "summed", diag);
    if !dropped.is_empty() {
        let list: Vec<String> = dropped
            .iter()
            .map(|(s, n)| format!("{} ({n})", if s.is_empty() { "blank" } else { s }))
            .collect();
        diag.warn(
            Problem::warning(
                Code::StaffStatusDropped,
                format!(
                    "{table} rows not counted because their status is not active: {} (active statuses: {})",
                    list.join(", "),
                    active_given.join(", ")
                ),
            )
            .at(source.location())
            .hint("give --active-status with every status that means in post"),
        );
        super::ihris::unknown_statuses(&dropped, &active_given, source.location(), diag);
    }
    out
}

/// Rows of a small tidy table that repeat an earlier row cell for cell (a row pasted twice).
/// The table's rule (summed) still applies; each repeat is a warning naming both rows, so
/// `--strict` refuses it. Keeps every row's text: for the small tables only (workload has its
/// own, cheaper check).
#[derive(Default)]
pub(crate) struct Repeats {
    /// Each row's trimmed cells, trailing blank ones left out, in one buffer: each cell's
    /// length (8 bytes) then its text, so two different rows never give the same bytes. One
    /// allocation a row (a national staff table has 150 000 rows).
    seen: HashMap<Vec<u8>, usize, foldhash::fast::FixedState>,
    found: Vec<(Location, usize)>,
}

impl Repeats {
    pub(crate) fn check(&mut self, f: &Fields, row: &dyn Row) {
        let mut cells: Vec<u8> = Vec::new();
        let mut used = 0;
        for i in 0..row.len() {
            let cell = row.cell(i);
            let text = cell.to_text();
            let t = text.trim();
            cells.extend_from_slice(&(t.len() as u64).to_le_bytes());
            cells.extend_from_slice(t.as_bytes());
            if !t.is_empty() {
                used = cells.len();
            }
        }
        cells.truncate(used);
        match self.seen.get(&cells) {
            Some(&first) => self.found.push((f.at_row(row), first)),
            None => {
                self.seen.insert(cells, row.number());
            }
        }
    }

    pub(crate) fn report(self, table: &str, rule: &str, diag: &mut Diagnostics) {
        const SHOWN: usize = 20;
        let n = self.found.len();
        for (at, first) in self.found.into_iter().take(SHOWN) {
            diag.warn(
                Problem::warning(
                    Code::DuplicateRow,
                    format!("repeats row {first} of the {table} table cell for cell: the two rows are {rule}"),
                )
                .at(at)
                .hint("delete the repeated row if it was pasted twice (--strict makes this an error)"),
            );
        }
        if n > SHOWN {
            diag.warn(Problem::warning(
                Code::DuplicateRow,
                format!(
                    "... and {} more repeated rows in the {table} table",
                    n - SHOWN
                ),
            ));
        }
    }
}

/// True when a table could not be read (no header, a missing column, a broken file): every check
/// across tables would then be a follow-on of that one error, so they are left out until it is
/// fixed.
pub fn table_failed(diag: &Diagnostics) -> bool {
    const TABLE_FAILED: &[Code] = &[
        Code::MissingColumn,
        Code::NoHeader,
        Code::NoActivities,
        Code::UnclosedQuote,
        Code::BadCsv,
        Code::NotCsv,
        Code::CannotOpen,
        Code::CannotRead,
        Code::BadWorkbook,
        Code::NoSheet,
        Code::DuplicateHeader,
    ];
    diag.problems
        .iter()
        .any(|p| p.severity == Severity::Error && TABLE_FAILED.contains(&p.code))
}

/// Checks across tables, once everything is read: the warnings of study-format §4 and the
/// completeness of monthly workload.
pub fn check_study(b: &mut Builder, options: &ReadOptions, diag: &mut Diagnostics) {
    if table_failed(diag) {
        return;
    }
    let study = &b.study;
    let ncadres = study.cadres.len();
    let mut has_standards = vec![false; ncadres];
    for s in &study.standards {
        has_standards[s.cadre] = true;
    }
    let mut has_time = vec![false; ncadres];
    for w in &study.working_time {
        has_time[w.cadre] = true;
    }
    for (i, cadre) in study.cadres.iter().enumerate() {
        if has_standards[i] && !has_time[i] && !b.rejected_working_time.contains(&i) {
            let at = study
                .standards
                .iter()
                .find(|s| s.cadre == i)
                .map(|s| s.location.clone());
            let mut p = Problem::error(Code::NoWorkingTime, format!("cadre \"{}\" has standards but no working_time row", cadre.name))
                .hint("add a working_time row for this cadre (days per week, hours per day, holidays and leave)");
            if let Some(at) = at {
                p = p.at(at);
            }
            diag.error(p);
        }
        if has_time[i] && !has_standards[i] {
            diag.warn(Problem::warning(
                Code::UnusedCadre,
                format!("cadre \"{}\" has a working_time row but no standards: nothing is computed for it", cadre.name),
            ));
        }
    }
    facility_types(b, diag);
    let study = &b.study;
    // Staff of cadres with no standards.
    let standard_keys: Vec<&str> = study
        .cadres
        .iter()
        .enumerate()
        .filter(|(i, _)| has_standards[*i])
        .map(|(_, c)| c.key.as_str())
        .collect();
    let mut staff_without: BTreeMap<usize, (f64, usize)> = BTreeMap::new();
    for (&(_, c), &n) in &study.staff {
        if !has_standards[c] {
            let e = staff_without.entry(c).or_default();
            e.0 += n;
            e.1 += 1;
        }
    }
    for (c, (n, facilities)) in staff_without {
        let cadre = &study.cadres[c];
        // A name close to (or holding) a cadre of the standards is probably that cadre,
        // misspelled: the warning says which (study-format §4: cadres that nothing uses give
        // warnings, whatever their name).
        let guess = closest(&cadre.key, standard_keys.iter().copied())
            .or_else(|| related(&cadre.key, standard_keys.iter().copied()));
        let hint = match guess {
            Some(k) => {
                let name = &study.cadres.iter().find(|c| c.key == k).map(|c| c.name.clone()).unwrap_or_default();
                format!("did you mean \"{name}\"? add a cadre_aliases row: {},{name}", cadre.name)
            }
            None => "add standards for this cadre, or map the name to a cadre of the standards in cadre_aliases".into(),
        };
        diag.warn(
            Problem::warning(
                Code::StaffWithoutStandards,
                format!(
                    "cadre \"{}\" has staff ({} at {facilities} facilities) but no standards: it is left out of the results",
                    cadre.name,
                    full_precision(n)
                ),
            )
            .hint(hint),
        );
    }
    // Workload activities without a service standard.
    let mut used = vec![false; study.activities.len()];
    for s in &study.standards {
        if let Some(a) = s.activity {
            used[a] = true;
        }
    }
    let mut reported = vec![0usize; study.activities.len()];
    for volumes in &study.workload.volumes {
        for &a in volumes.keys() {
            reported[a] += 1;
        }
    }
    let activity_keys: Vec<&str> = study
        .activities
        .iter()
        .enumerate()
        .filter(|(i, _)| used[*i])
        .map(|(_, a)| a.key.as_str())
        .collect();
    for (a, activity) in study.activities.iter().enumerate() {
        if !used[a] && reported[a] > 0 {
            let guess = closest(&activity.key, activity_keys.iter().copied())
                .or_else(|| related(&activity.key, activity_keys.iter().copied()));
            let hint = match guess {
                Some(k) => format!(
                    "did you mean \"{}\"? rename it in workload or standards",
                    study
                        .activities
                        .iter()
                        .find(|x| x.key == k)
                        .map(|x| x.name.as_str())
                        .unwrap_or(k)
                ),
                None => {
                    "add a service standard for it if some cadre does it, or ignore this warning"
                        .into()
                }
            };
            diag.warn(
                Problem::warning(
                    Code::ActivityWithoutStandard,
                    format!(
                        "workload activity \"{}\" (at {} facilities) has no service standard: it is not counted",
                        activity.name, reported[a]
                    ),
                )
                .hint(hint),
            );
        }
    }
    // Facilities met in staff or workload but not in the facilities table.
    if !b.unlisted.is_empty() {
        let list: Vec<String> = b
            .unlisted
            .iter()
            .take(20)
            .map(|(id, (t, _))| format!("{id} ({t})"))
            .collect();
        let more = b.unlisted.len().saturating_sub(20);
        diag.warn(
            Problem::warning(
                Code::FacilityNotListed,
                format!(
                    "{} facilities are in staff or workload but not in the facilities table (type, district and region unknown): {}{}",
                    b.unlisted.len(),
                    list.join(", "),
                    if more > 0 { format!(" and {more} more") } else { String::new() }
                ),
            )
            .hint("add them to the facilities table, or correct their codes"),
        );
    }
    // Cadre names matched through spelling or alias.
    note_cadre_matches(b, diag);
    // Completeness of monthly workload, and --annualize.
    completeness(b, options, diag);
    too_large(b, diag);
}

/// A note per cadre name read as another through its spelling or `cadre_aliases` (`wisn compute`
/// and `wisn surge` alike).
pub fn note_cadre_matches(b: &Builder, diag: &mut Diagnostics) {
    for ((raw, c), (how, rows)) in &b.cadre_matches {
        let how = match how {
            CadreMatch::Spelling => "same name up to case, accents and separators",
            CadreMatch::Alias => "through cadre_aliases",
        };
        diag.note(Problem::warning(
            Code::CadreMapped,
            format!(
                "cadre \"{raw}\" read as \"{}\" ({how}; {rows} rows)",
                b.study.cadres[*c].name
            ),
        ));
    }
}

/// Facility types and the typed rows of standards and working_time (a hospital typed `Hopital`
/// while the typed standards say `EPH` would silently get the blank-type, CSCom, standards):
/// typed rows whose type no facility has are a warning naming them; so is a facility type that
/// falls back to the blank-type rows while typed rows go unused, with a did-you-mean.
fn facility_types(b: &Builder, diag: &mut Diagnostics) {
    let study = &b.study;
    // Facility types met: key → (as written, facilities).
    let mut types: BTreeMap<&str, (&str, Vec<&str>)> = BTreeMap::new();
    for f in &study.facilities {
        if !f.type_key.is_empty() {
            let e = types
                .entry(f.type_key.as_str())
                .or_insert((f.facility_type.as_deref().unwrap_or(""), Vec::new()));
            e.1.push(f.id.as_str());
        }
    }
    // Typed rows: (table, type key) → rows.
    let mut typed: BTreeMap<(&str, &str), Vec<&Location>> = BTreeMap::new();
    for s in &study.standards {
        if !s.type_key.is_empty() {
            typed
                .entry(("standards", s.type_key.as_str()))
                .or_default()
                .push(&s.location);
        }
    }
    for w in &study.working_time {
        if !w.type_key.is_empty() {
            typed
                .entry(("working_time", w.type_key.as_str()))
                .or_default()
                .push(&w.location);
        }
    }
    let type_list = |types: &BTreeMap<&str, (&str, Vec<&str>)>| -> String {
        if types.is_empty() {
            "none".into()
        } else {
            types
                .values()
                .map(|(t, _)| *t)
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let mut unused: Vec<&str> = Vec::new();
    for ((table, t), rows) in &typed {
        if types.contains_key(t) {
            continue;
        }
        if !unused.contains(t) {
            unused.push(t);
        }
        let names: Vec<String> = rows
            .iter()
            .take(8)
            .filter_map(|l| l.row.map(|r| r.to_string()))
            .collect();
        let hint = match closest(t, types.keys().copied()) {
            Some(k) => format!(
                "did you mean \"{}\"? write the type as the facilities table does (compared normalised)",
                types[k].0
            ),
            None => format!(
                "write the type as the facilities table does (its types: {}), or delete the rows",
                type_list(&types)
            ),
        };
        let mut p = Problem::warning(
            Code::UnusedFacilityType,
            format!(
                "has rows for facility type \"{}\" (rows {}) but no facility has that type: they are not used",
                b.type_names.get(*t).map_or(*t, String::as_str),
                names.join(", ")
            ),
        )
        .hint(hint);
        if let Some(l) = rows.first() {
            let mut at = (*l).clone();
            at.row = None;
            at.column = None;
            p = p.at(at);
        }
        let _ = table;
        diag.warn(p);
    }
    if unused.is_empty() {
        return;
    }
    let fallback: Vec<String> = types
        .iter()
        .filter(|(key, _)| !typed.keys().any(|(_, t)| t == *key))
        .map(|(_, (name, ids))| {
            format!(
                "\"{name}\" ({}{})",
                ids.iter().take(5).copied().collect::<Vec<_>>().join(", "),
                if ids.len() > 5 { ", …" } else { "" }
            )
        })
        .collect();
    if fallback.is_empty() {
        return;
    }
    let unused_names: Vec<String> = unused
        .iter()
        .map(|t| format!("\"{}\"", b.type_names.get(*t).map_or(*t, String::as_str)))
        .collect();
    diag.warn(
        Problem::warning(
            Code::FacilityTypeFallback,
            format!(
                "facility types {} have no typed standards or working_time rows and get the blank-type ones, while the rows typed {} match no facility",
                fallback.join(", "),
                unused_names.join(", ")
            ),
        )
        .at(b.facilities_location.clone().unwrap_or_default())
        .hint(format!(
            "if one of these types is meant to be {}, write one spelling in facilities and in standards/working_time (compared normalised); if the blank-type rows are right for them, ignore this warning",
            unused_names.join(" or ")
        )),
    );
}

/// A candidate whose key holds `name`, or is held in it (`infirmierdetat` and `infirmier`):
/// related names that the edit distance of [`closest`] misses. Keys shorter than 4 characters
/// are too short to tell.
fn related<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let name = name.replace('_', "");
    // Over a bounded set, as `closest` (10 000 unknown names × 10 000 cadres: docs/robustness.md).
    candidates
        .into_iter()
        .take(crate::names::MAX_CANDIDATES)
        .find(|c| {
            let c_key = c.replace('_', "");
            c_key.len() >= 4 && name.len() >= 4 && (name.contains(&c_key) || c_key.contains(&name))
        })
}

/// Volumes and staff that add up (or, with --annualize, scale) beyond what a number can hold.
/// Found by the robustness fuzz: `1e308` in one month, annualized, became infinity.
fn too_large(b: &Builder, diag: &mut Diagnostics) {
    let study = &b.study;
    for (f, volumes) in study.workload.volumes.iter().enumerate() {
        for (&a, v) in volumes {
            if !v.is_finite() {
                diag.error(
                    Problem::error(
                        Code::TooLarge,
                        format!(
                            "the workload of \"{}\" at facility {} adds up to more than a number can hold",
                            study.activities[a].name, study.facilities[f].id
                        ),
                    )
                    .hint("check the volumes of that activity and facility: one is far too large")
                    .at(b.workload_location.clone().unwrap_or_default()),
                );
            }
        }
    }
    for (&(f, c), n) in &study.staff {
        if !n.is_finite() {
            diag.error(
                Problem::error(
                    Code::TooLarge,
                    format!(
                        "the staff of \"{}\" at facility {} add up to more than a number can hold",
                        study.cadres[c].name, study.facilities[f].id
                    ),
                )
                .hint("check the counts of that cadre and facility: one is far too large")
                .at(b.staff_location.clone().unwrap_or_default()),
            );
        }
    }
}

fn completeness(b: &mut Builder, options: &ReadOptions, diag: &mut Diagnostics) {
    let workload = &mut b.study.workload;
    if !workload.monthly {
        return;
    }
    let mut short: Vec<String> = Vec::new();
    let mut over: Vec<String> = Vec::new();
    for (f, facility) in b.study.facilities.iter().enumerate() {
        let months = workload.months.get(f).copied().unwrap_or(0);
        let reported = workload.volumes.get(f).is_some_and(|v| !v.is_empty());
        if !reported {
            continue;
        }
        if months < 12 {
            short.push(format!("{} ({months}/12)", facility.id));
            if let Some(scale) =
                crate::method::projection::annualize_scale(months).filter(|_| options.annualize)
            {
                for v in workload.volumes[f].values_mut() {
                    *v *= scale;
                }
            }
        } else if months > 12 {
            over.push(format!("{} ({months} months)", facility.id));
        }
    }
    if !short.is_empty() {
        let n = short.len();
        short.truncate(30);
        let action = if options.annualize {
            "their volumes were scaled by 12 / months reported (--annualize)"
        } else {
            "their volumes are not scaled (the completeness column shows it; --annualize scales them by 12 / months reported)"
        };
        diag.warn(Problem::warning(
            Code::IncompleteMonths,
            format!(
                "{n} facilities reported fewer than 12 months of workload: {}; {action}",
                short.join(", ")
            ),
        ));
    }
    if !over.is_empty() {
        diag.warn(Problem::warning(
            Code::MoreThan12Months,
            format!(
                "workload covers more than 12 distinct months at {} facilities ({}): volumes are summed over all of them",
                over.len(),
                over.iter().take(10).cloned().collect::<Vec<_>>().join(", ")
            ),
        ).hint("keep one year of data in the workload table"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::source::Cell;
    use crate::study::table_reader::Header;

    struct Cells(usize, Vec<&'static str>);

    impl Row for Cells {
        fn number(&self) -> usize {
            self.0
        }
        fn len(&self) -> usize {
            self.1.len()
        }
        fn cell(&self, index: usize) -> Cell<'_> {
            match self.1.get(index) {
                Some(t) if !t.is_empty() => Cell::Text((*t).into()),
                _ => Cell::Empty,
            }
        }
    }

    #[test]
    fn repeats_are_rows_with_the_same_trimmed_cells() {
        let f = Fields {
            header: Header {
                columns: HashMap::new(),
                names: Vec::new(),
                normalised: Vec::new(),
                row: 1,
            },
            location: Location::file("staff.csv"),
            style: crate::numbers::DecimalStyle::Point,
        };
        let rows = [
            vec!["F1", "Infirmier", "2"],
            vec!["F1", "Infirmier", "2", ""],
            vec![" F1 ", "Infirmier", "2"],
            vec!["F1", "Infirmier", "", "2"],
            vec!["F1", "Infirmier", "", "2", " "],
            vec!["F1Infirmier", "2"],
            vec!["F1", "Infirmier2"],
            vec!["F1", "Infirmier", "3"],
            vec![],
            vec!["", ""],
        ];
        let mut r = Repeats::default();
        for (i, cells) in rows.into_iter().enumerate() {
            r.check(&f, &Cells(i + 2, cells));
        }
        let found: Vec<(usize, usize)> = r
            .found
            .iter()
            .map(|(at, first)| (at.row.unwrap(), *first))
            .collect();
        assert_eq!(found, vec![(3, 2), (4, 2), (6, 5), (11, 10)]);
    }
}
