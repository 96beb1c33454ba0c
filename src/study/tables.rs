//! Parsers of the small tables (facilities, working_time, standards, staff, cadre_aliases) and the
//! checks across tables once all are read.

use std::collections::{BTreeMap, HashMap};

use super::schema::{TableDef, CADRE_ALIASES, FACILITIES, STAFF, STANDARDS, WORKING_TIME};
use super::source::{Row, RowSource};
use super::table::{read_table, require_columns, Fields};
use super::{Builder, CadreMatch, ReadOptions, DEFAULT_ACTIVE_STATUS};
use crate::diag::{Diagnostics, Location, Problem};
use crate::method::{AllowanceUnit, ServiceUnit, WorkingTime};
use crate::model::{Component, Facility, Standard, StandardUnit, WorkingTimeRow};
use crate::names::{closest, key, normalise};
use crate::numbers::full_precision;

/// A required cell left blank.
pub(crate) fn blank_cell(fields: &Fields, row: &dyn Row, column: &str, what: &str) -> Problem {
    let col = fields.header.get(column).unwrap_or(0);
    Problem::error("blank_cell", format!("is blank: every row needs {what}"))
        .at(fields.at(row, col))
        .hint(format!("fill in the {column} or delete the row"))
}

/// The cadre (required) and facility-type key (blank: every type) of a working_time or
/// standards row.
fn cadre_and_type(f: &Fields, row: &dyn Row, d: &mut Diagnostics) -> Option<(String, String)> {
    let Some(cadre) = f.text(row, "cadre", d) else {
        d.error(blank_cell(f, row, "cadre", "a cadre"));
        return None;
    };
    let type_key = f
        .text(row, "facility_type", d)
        .as_deref()
        .map(key)
        .unwrap_or_default();
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
                    "alias_conflict",
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
                        "duplicate_facility",
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
            let Some((cadre_name, type_key)) = cadre_and_type(f, row, d) else {
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
                    Problem::error("unknown_component", "is not a component")
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
                            Problem::error("percent_additional", "is not a unit for an additional (IAS) activity")
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
                        "unknown_unit",
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
                        "bad_standard",
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
                        "percent_as_fraction",
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
                    Err(()) => return,
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
                        "duplicate_standard",
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
) -> Result<Option<(f64, f64)>, ()> {
    let low = f.number(row, "standard_low", d)?;
    let high = f.number(row, "standard_high", d)?;
    let col = |name: &str| f.header.get(name).unwrap_or(0);
    let bad = |d: &mut Diagnostics, name: &str, v: f64, what: &str| {
        d.error(
            Problem::error("bad_range", what.to_string())
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
                Err(())
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
                    "bad_range",
                    format!("gives one end of the standard's range but no {missing}"),
                )
                .at(f.at_row(row))
                .hint("give both standard_low and standard_high, or neither"),
            );
            Err(())
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
            let Some((cadre_name, type_key)) = cadre_and_type(f, row, d) else {
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
                    Err(()) => ok = false,
                }
            }
            if !ok {
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
            if let Err(e) = time.awt() {
                d.error(
                    Problem::error("bad_working_time", e.to_string())
                        .at(f.at_row(row))
                        .hint("check days per week (≤ 7), hours per day and the days of leave (they are days per year)"),
                );
                return;
            }
            let cadre = b.cadre(&cadre_name);
            if let Some(first) = seen.insert((cadre, type_key.clone()), row.number()) {
                d.error(
                    Problem::error("duplicate_working_time", format!("is a second working-time row for this cadre and facility type (first on row {first})"))
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
    read_table(
        source,
        def,
        diag,
        |h, f, d| {
            let mut ok = require_columns(h, f, def, &["facility_id"], d);
            if !h.has("cadre") && !h.has("job") {
                ok &= require_columns(h, f, def, &["cadre"], d);
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
                    Err(()) => return,
                }
            } else {
                1.0
            };
            let facility = b.facility_at(&id, table, || {
                f.at(row, f.header.get("facility_id").unwrap_or(0))
            });
            let cadre = b.cadre(&cadre_name);
            *out.entry((facility, cadre)).or_insert(0.0) += count;
        },
    );
    if !dropped.is_empty() {
        let list: Vec<String> = dropped
            .iter()
            .map(|(s, n)| format!("{} ({n})", if s.is_empty() { "blank" } else { s }))
            .collect();
        diag.warn(
            Problem::warning(
                "staff_status_dropped",
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

/// Checks across tables, once everything is read: the warnings of study-format §4 and the
/// completeness of monthly workload.
pub fn check_study(b: &mut Builder, options: &ReadOptions, diag: &mut Diagnostics) {
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
        if has_standards[i] && !has_time[i] {
            let at = study
                .standards
                .iter()
                .find(|s| s.cadre == i)
                .map(|s| s.location.clone());
            let mut p = Problem::error("no_working_time", format!("cadre \"{}\" has standards but no working_time row", cadre.name))
                .hint("add a working_time row for this cadre (days per week, hours per day, holidays and leave)");
            if let Some(at) = at {
                p = p.at(at);
            }
            diag.error(p);
        }
        if has_time[i] && !has_standards[i] {
            diag.warn(Problem::warning(
                "unused_cadre",
                format!("cadre \"{}\" has a working_time row but no standards: nothing is computed for it", cadre.name),
            ));
        }
    }
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
        let hint = match closest(&cadre.key, standard_keys.iter().copied()) {
            Some(k) => {
                let name = &study.cadres.iter().find(|c| c.key == k).map(|c| c.name.clone()).unwrap_or_default();
                format!("did you mean \"{name}\"? add a cadre_aliases row: {},{name}", cadre.name)
            }
            None => "add standards for this cadre, or map the name to a cadre of the standards in cadre_aliases".into(),
        };
        diag.warn(
            Problem::warning(
                "staff_without_standards",
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
        for (a, v) in volumes.iter().enumerate() {
            if v.is_some() {
                reported[a] += 1;
            }
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
            let hint = match closest(&activity.key, activity_keys.iter().copied()) {
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
                    "activity_without_standard",
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
                "facility_not_listed",
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
    for ((raw, c), (how, rows)) in &b.cadre_matches {
        let how = match how {
            CadreMatch::Spelling => "same name up to case, accents and separators",
            CadreMatch::Alias => "through cadre_aliases",
        };
        diag.note(Problem::warning(
            "cadre_mapped",
            format!(
                "cadre \"{raw}\" read as \"{}\" ({how}; {rows} rows)",
                b.study.cadres[*c].name
            ),
        ));
    }
    // Completeness of monthly workload, and --annualize.
    completeness(b, options, diag);
    too_large(b, diag);
}

/// Volumes and staff that add up (or, with --annualize, scale) beyond what a number can hold.
/// Found by the robustness fuzz: `1e308` in one month, annualized, became infinity.
fn too_large(b: &Builder, diag: &mut Diagnostics) {
    let study = &b.study;
    for (f, volumes) in study.workload.volumes.iter().enumerate() {
        for (a, v) in volumes.iter().enumerate() {
            if v.is_some_and(|v| !v.is_finite()) {
                diag.error(
                    Problem::error(
                        "too_large",
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
                    "too_large",
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
        let reported = workload
            .volumes
            .get(f)
            .is_some_and(|v| v.iter().any(Option::is_some));
        if !reported {
            continue;
        }
        if months < 12 {
            short.push(format!("{} ({months}/12)", facility.id));
            if options.annualize && months > 0 {
                let scale = 12.0 / f64::from(months);
                for v in workload.volumes[f].iter_mut().flatten() {
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
            "incomplete_months",
            format!(
                "{n} facilities reported fewer than 12 months of workload: {}; {action}",
                short.join(", ")
            ),
        ));
    }
    if !over.is_empty() {
        diag.warn(Problem::warning(
            "more_than_12_months",
            format!(
                "workload covers more than 12 distinct months at {} facilities ({}): volumes are summed over all of them",
                over.len(),
                over.iter().take(10).cloned().collect::<Vec<_>>().join(", ")
            ),
        ).hint("keep one year of data in the workload table"));
    }
}
