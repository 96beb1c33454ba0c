//! Parsers of the small tables (facilities, working_time, standards, staff, cadre_aliases) and the
//! checks across tables once all are read.

use crate::diag::Code;
use crate::diag::Reported;
use std::collections::{BTreeMap, HashMap};

use super::schema::{TableDef, CADRE_ALIASES, FACILITIES, STAFF, STANDARDS, WORKING_TIME};
use super::source::{Row, RowSource};
use super::table_reader::{read_table, require_columns, Fields};
use super::{Builder, CadreMatch, FastMap, ReadOptions, DEFAULT_ACTIVE_STATUS};
use crate::diag::{Diagnostics, Location, Problem, Severity};
use crate::messages::study as msg;
use crate::messages::Dec;
use crate::method::{AllowanceUnit, ServiceUnit, WorkingTime};
use crate::model::{Component, Facility, Standard, StandardUnit, WorkingTimeRow};
use crate::names::{closest, key, normalise};
use crate::numbers::full_precision;

/// Available working time (hours a year) that any full-time health worker has: outside it, a
/// working_time row is probably mistyped (a warning says what to check).
pub const AWT_PLAUSIBLE: (f64, f64) = (800.0, 2600.0);

/// A required cell left blank.
pub(crate) fn blank_cell(
    fields: &Fields,
    row: &dyn Row,
    column: &str,
    what: impl Into<crate::diag::Msg>,
) -> Problem {
    let col = fields.header.get(column).unwrap_or(0);
    Problem::error(Code::BlankCell, msg::blank_cell(&what.into()))
        .at(fields.at(row, col))
        .hint(msg::blank_cell_hint(column))
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
        d.error(blank_cell(f, row, "cadre", msg::blank_what_cadre()));
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
                (None, Some(_)) => d.error(blank_cell(f, row, "alias", msg::blank_what_alias())),
                (Some(_), None) => {
                    d.error(blank_cell(f, row, "cadre", msg::blank_what_alias_cadre()))
                }
                (None, None) => {}
            }
        },
    );
    for (alias, cadre, at) in rows {
        if let Err(why) = b.add_alias(&alias, &cadre) {
            diag.error(
                Problem::error(Code::AliasConflict, msg::alias_conflict(&cadre, &why))
                    .at(at)
                    .value(alias)
                    .hint(msg::alias_conflict_hint()),
            );
        }
    }
}

pub fn read_facilities(source: &mut dyn RowSource, b: &mut Builder, diag: &mut Diagnostics) {
    // The row of each facility in this table, by facility index (`None`: not in this table yet):
    // the duplicate check looks the id up once, in the builder's own index.
    let mut first_row: Vec<Option<usize>> = Vec::new();
    // Facility-type text → its key: a national table has 30 000 rows and a handful of types.
    let mut type_keys: FastMap<String, String> = FastMap::default();
    // The columns, found once for the whole table (the header does not change).
    let mut cols: Option<[Option<usize>; 6]> = None;
    read_table(
        source,
        &FACILITIES,
        diag,
        |h, f, d| require_columns(h, f, &FACILITIES, &["facility_id"], d),
        |f, row, d| {
            let [id_col, type_col, name_col, district_col, region_col, orgunit_col] = *cols
                .get_or_insert_with(|| {
                    [
                        "facility_id",
                        "facility_type",
                        "facility_name",
                        "district",
                        "region",
                        "orgunit",
                    ]
                    .map(|n| f.header.get(n))
                });
            let text =
                |col: Option<usize>, d: &mut Diagnostics| col.and_then(|c| f.text_at(row, c, d));
            let Some(id) = text(id_col, d) else {
                d.error(blank_cell(
                    f,
                    row,
                    "facility_id",
                    msg::blank_what_facility_code(),
                ));
                return;
            };
            let known = b.facility_by_exact_id(&id);
            if let Some(first) = known.and_then(|i| first_row.get(i).copied().flatten()) {
                d.error(
                    Problem::error(Code::DuplicateFacility, msg::facility_twice(first))
                        .at(f.at(row, id_col.unwrap_or(0)))
                        .value(id)
                        .hint(msg::facility_twice_hint()),
                );
                return;
            }
            // The cells in the order they always were read (an error cell of each is reported).
            let facility_type = text(type_col, d);
            let type_key = match facility_type.as_deref() {
                Some(t) => match type_keys.get(t) {
                    Some(k) => k.clone(),
                    None => {
                        let k = key(t);
                        type_keys.insert(t.to_string(), k.clone());
                        k
                    }
                },
                None => String::new(),
            };
            let facility = Facility {
                type_key,
                facility_type,
                id,
                name: text(name_col, d),
                district: text(district_col, d),
                region: text(region_col, d),
                orgunit: text(orgunit_col, d),
                listed: true,
            };
            // A facility already met (not in this table) stays as it is, as `add_facility` does.
            let i = match known {
                Some(i) => i,
                None => b.push_facility(facility),
            };
            if first_row.len() <= i {
                first_row.resize(i + 1, None);
            }
            first_row[i] = Some(row.number());
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
                d.error(blank_cell(f, row, "component", msg::blank_what_component()));
                return;
            };
            let Some(component) = Component::parse(&normalise(&comp_text)) else {
                d.error(
                    Problem::error(Code::UnknownComponent, msg::not_a_component())
                        .at(f.at(row, comp_col))
                        .value(comp_text)
                        .hint(msg::not_a_component_hint()),
                );
                return;
            };
            let activity_name = f.text(row, "activity", d).unwrap_or_default();
            if activity_name.is_empty() && component == Component::Service {
                d.error(blank_cell(f, row, "activity", msg::blank_what_activity()));
                return;
            }
            let std_col = f.header.get("standard").unwrap_or(0);
            let Ok(value) = f.number(row, "standard", d) else {
                return;
            };
            let Some(value) = value else {
                d.error(blank_cell(f, row, "standard", msg::blank_what_standard()));
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
                            Problem::error(Code::PercentAdditional, msg::percent_additional())
                                .at(f.at(row, unit_col))
                                .value(unit_text)
                                .hint(msg::percent_additional_hint()),
                        );
                        return;
                    }
                    other => other.map(StandardUnit::Allowance),
                },
            };
            let Some(unit) = unit else {
                let hint = match component {
                    Component::Service => msg::unknown_unit_service_hint(),
                    _ => msg::unknown_unit_allowance_hint(),
                };
                d.error(
                    Problem::error(Code::UnknownUnit, msg::unknown_unit(component.as_str()))
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
                            msg::percent_not_between()
                        } else {
                            msg::standard_not_above_zero()
                        },
                    )
                    .at(f.at(row, std_col))
                    .value(full_precision(value))
                    .hint(msg::bad_standard_hint()),
                );
                return;
            }
            if percent && value < 1.0 {
                // Excel stores a cell typed "5 %" (percentage format) as 0.05.
                d.warn(
                    Problem::warning(Code::PercentAsFraction, msg::percent_as_fraction())
                        .at(f.at(row, std_col))
                        .value(full_precision(value))
                        .hint(msg::percent_as_fraction_hint()),
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
                        msg::duplicate_standard(component.as_str(), *first),
                    )
                    .at(f.at(row, col))
                    .value(activity_name)
                    .hint(msg::duplicate_standard_hint()),
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
    let bad = |d: &mut Diagnostics, name: &str, v: f64, what: crate::diag::Msg| {
        d.error(
            Problem::error(Code::BadRange, what)
                .at(f.at(row, col(name)))
                .value(full_precision(v))
                .hint(msg::range_hint()),
        );
    };
    match (low, high) {
        (None, None) => Ok(None),
        (Some(low), Some(high)) => {
            let mut ok = true;
            if low <= 0.0 {
                bad(d, "standard_low", low, msg::range_not_above_zero());
                ok = false;
            } else if low > value {
                bad(
                    d,
                    "standard_low",
                    low,
                    msg::range_above_standard(&Dec(full_precision(value))),
                );
                ok = false;
            }
            if high < value {
                bad(
                    d,
                    "standard_high",
                    high,
                    msg::range_below_standard(&Dec(full_precision(value))),
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
                Problem::error(Code::BadRange, msg::range_one_end(missing))
                    .at(f.at_row(row))
                    .hint(msg::range_one_end_hint()),
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
                        d.error(blank_cell(f, row, name, msg::blank_what_days_hours()));
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
                    Problem::error(Code::BadWorkingTime, msg::more_hours_than_a_day())
                        .at(f.at(row, col))
                        .value(full_precision(time.hours_per_day))
                        .hint(msg::more_hours_than_a_day_hint()),
                );
                let c = b.cadre(&cadre_name);
                b.rejected_working_time.insert(c);
                return;
            }
            let awt = match time.awt() {
                Ok(a) => a,
                Err(e) => {
                    d.error(
                        Problem::error(Code::BadWorkingTime, msg::method_error(&e))
                            .at(f.at_row(row))
                            .hint(msg::bad_working_time_hint()),
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
                        msg::implausible_awt(hours, AWT_PLAUSIBLE.0, AWT_PLAUSIBLE.1),
                    )
                    .at(f.at_row(row))
                    .value(cadre_name.clone())
                    .hint(msg::implausible_awt_hint()),
                );
            }
            let cadre = b.cadre(&cadre_name);
            if let Some(first) = seen.insert((cadre, type_key.clone()), row.number()) {
                d.error(
                    Problem::error(
                        Code::DuplicateWorkingTime,
                        msg::duplicate_working_time(first),
                    )
                    .at(f.at_row(row))
                    .value(cadre_name)
                    .hint(msg::duplicate_working_time_hint()),
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
    if b.study.staff.is_empty() {
        // Summed straight into the study: each pair starts at 0 and adds its rows in order, the
        // very sums a table read apart then added to an empty map would give.
        let mut staff = std::mem::take(&mut b.study.staff);
        read_staff_sums(source, &STAFF, b, diag, options, &mut staff);
        b.study.staff = staff;
        return;
    }
    let mut sums = FastMap::default();
    read_staff_sums(source, &STAFF, b, diag, options, &mut sums);
    for (k, n) in sums {
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
    let mut sums = FastMap::default();
    read_staff_sums(source, def, b, diag, options, &mut sums);
    sums.into_iter().collect()
}

/// The columns of a staff table, found once for the whole table.
#[derive(Clone, Copy)]
struct StaffColumns {
    status: Option<usize>,
    facility_id: Option<usize>,
    cadre: Option<usize>,
    job: Option<usize>,
    count: Option<usize>,
}

/// [`read_staff_counts`], each row's count added to its (facility, cadre) in `out` (a pair
/// met first starts at 0).
fn read_staff_sums(
    source: &mut dyn RowSource,
    def: &TableDef,
    b: &mut Builder,
    diag: &mut Diagnostics,
    options: &ReadOptions,
    out: &mut FastMap<(usize, usize), f64>,
) {
    let table = def.name;
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
    // Whether a status text counts, for each distinct text met (an iHRIS list has one row per
    // person and a handful of statuses).
    let mut status_counts: FastMap<String, bool> = FastMap::default();
    let mut dropped: BTreeMap<String, usize> = BTreeMap::new();
    let mut repeats = Repeats::default();
    // Reused for every row: a national staff table has 150 000 rows.
    let mut status = String::new();
    let mut id = String::new();
    let mut cadre_name = String::new();
    let mut cadres = CadreCache::default();
    let mut last_id = String::new();
    let mut last_facility: Option<usize> = None;
    let mut cols: Option<StaffColumns> = None;
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
                        p.message = msg::staff_without_count(&p.message);
                        p.hint = Some(msg::staff_without_count_hint());
                    }
                }
            }
            ok
        },
        |f, row, d| {
            let c = *cols.get_or_insert_with(|| StaffColumns {
                status: f.header.get("status"),
                facility_id: f.header.get("facility_id"),
                cadre: f.header.get("cadre"),
                job: f.header.get("job"),
                count: f.header.get("count"),
            });
            // The status first: a person who is not in post needs no facility or cadre.
            if let Some(col) = c.status {
                f.text_into_at(row, col, d, &mut status);
                let counts = match status_counts.get(status.as_str()) {
                    Some(&counts) => counts,
                    None => {
                        let counts = active.contains(&key(&status));
                        status_counts.insert(status.clone(), counts);
                        counts
                    }
                };
                if !counts {
                    match dropped.get_mut(status.as_str()) {
                        Some(n) => *n += 1,
                        None => {
                            dropped.insert(status.clone(), 1);
                        }
                    }
                    return;
                }
            }
            let text_into = |col: Option<usize>, d: &mut Diagnostics, buf: &mut String| match col {
                Some(col) => f.text_into_at(row, col, d, buf),
                None => {
                    buf.clear();
                    false
                }
            };
            if !text_into(c.facility_id, d, &mut id) {
                d.error(blank_cell(
                    f,
                    row,
                    "facility_id",
                    msg::blank_what_facility_code(),
                ));
                return;
            }
            if !(text_into(c.cadre, d, &mut cadre_name) || text_into(c.job, d, &mut cadre_name)) {
                d.error(blank_cell(
                    f,
                    row,
                    if c.cadre.is_some() { "cadre" } else { "job" },
                    msg::blank_what_cadre(),
                ));
                return;
            }
            let count = match c.count {
                Some(col) => match f.non_negative_at(row, col, d) {
                    Ok(v) => v.unwrap_or(0.0),
                    Err(Reported) => return,
                },
                None => 1.0,
            };
            // The rows of a facility follow each other: the same exact id as the row before is
            // the same facility, with nothing to record (`facility_at` of a known id); a known
            // exact id is one lookup.
            let facility = match last_facility {
                Some(i) if last_id == id => i,
                _ => {
                    // A staff table listed in the facilities table's order: the facility after
                    // the one before, checked (an id is the id of one facility only).
                    let next = last_facility
                        .map(|i| i + 1)
                        .filter(|&i| b.study.facilities.get(i).is_some_and(|f| f.id == id));
                    let (i, exact) = match next.or_else(|| b.facility_by_exact_id(&id)) {
                        Some(i) => (i, true),
                        None => {
                            let i =
                                b.facility_at(&id, table, || f.at(row, c.facility_id.unwrap_or(0)));
                            (i, b.facility_by_exact_id(&id) == Some(i))
                        }
                    };
                    last_facility = exact.then_some(i);
                    last_id.clear();
                    last_id.push_str(&id);
                    i
                }
            };
            let cadre = cadres.cadre(b, &cadre_name);
            *out.entry((facility, cadre)).or_insert(0.0) += count;
            repeats.check(f, row);
        },
    );
    cadres.flush(b);
    repeats.report(table, &msg::rule_summed(), diag);
    if !dropped.is_empty() {
        let list = msg::status_blank().map(|blank| {
            dropped
                .iter()
                .map(|(s, n)| format!("{} ({n})", if s.is_empty() { blank } else { s }))
                .collect::<Vec<_>>()
                .join(", ")
        });
        diag.warn(
            Problem::warning(
                Code::StaffStatusDropped,
                msg::staff_status_dropped(table, &list, &active_given.join(", ")),
            )
            .at(source.location())
            .hint(msg::staff_status_dropped_hint()),
        );
        super::ihris::unknown_statuses(&dropped, &active_given, source.location(), diag);
    }
}

/// The cadre of each distinct cadre text met in a table, so that a row costs one hash lookup by
/// the borrowed text instead of normalising it ([`Builder::cadre`]). Every call still counts as
/// `Builder::cadre` would: a text that counted a spelling or alias match the first time counts
/// one more for each later row (kept here, added to `cadre_matches` by [`CadreCache::flush`]).
/// The answers hold while the builder's cadres stay the same; when a new cadre appears (which
/// could give a text another meaning, e.g. an alias whose target is itself an alias), the cache
/// is flushed and emptied.
#[derive(Default)]
pub(crate) struct CadreCache {
    /// Raw text → (cadre, counted a match, later rows that count one more).
    by_raw: FastMap<String, (usize, bool, usize)>,
    /// The builder's number of cadres when the entries were made.
    cadres: usize,
}

impl CadreCache {
    /// [`Builder::cadre`], with the same cadre and counts.
    pub(crate) fn cadre(&mut self, b: &mut Builder, raw: &str) -> usize {
        if b.study.cadres.len() != self.cadres {
            self.flush(b);
        }
        if let Some((i, counted, later)) = self.by_raw.get_mut(raw) {
            if *counted {
                *later += 1;
            }
            return *i;
        }
        let (i, counted) = b.cadre_counted(raw);
        if b.study.cadres.len() != self.cadres {
            self.flush(b);
        }
        self.by_raw.insert(raw.to_string(), (i, counted, 0));
        i
    }

    /// Adds the counts kept here to the builder's `cadre_matches` and empties the cache.
    pub(crate) fn flush(&mut self, b: &mut Builder) {
        for (raw, (i, counted, later)) in self.by_raw.drain() {
            if counted && later > 0 {
                if let Some(m) = b.cadre_matches.get_mut(&(raw, i)) {
                    m.1 += later;
                }
            }
        }
        self.cadres = b.study.cadres.len();
    }
}

/// Rows of a small tidy table that repeat an earlier row cell for cell (a row pasted twice).
/// The table's rule (summed) still applies; each repeat is a warning naming both rows, so
/// `--strict` refuses it. Keeps every row's text: for the small tables only (workload has its
/// own, cheaper check).
///
/// A row is its trimmed cells, trailing blank ones left out, each written as its length (a
/// LEB128 varint) then its text, so two different rows never give the same bytes. The first row
/// of each hash of those bytes is kept in one buffer, all rows one after the other, and always
/// compared byte for byte: no allocation a row (a national staff table has 150 000 rows). A row
/// whose hash an earlier, different row has (all but never: 64 bits) is kept on its own.
pub(crate) struct Repeats {
    /// The bytes of the rows in `kept`, one after the other, then the row being checked.
    bytes: Vec<u8>,
    /// The first row of each hash: where its bytes start in `bytes` (they end where the next
    /// kept row's start), its row number.
    kept: Vec<(usize, usize)>,
    /// Hash of a row's bytes → the first row of that hash, in `kept`.
    by_hash: FastMap<u64, usize>,
    /// Rows whose hash belongs to an earlier, different row: bytes → the first row of them.
    collided: FastMap<Box<[u8]>, usize>,
    hasher: foldhash::fast::FixedState,
    /// Bits of the hash kept: all, but for the tests, which keep few to make rows collide.
    mask: u64,
    found: Vec<(Location, usize)>,
}

impl Default for Repeats {
    fn default() -> Self {
        Repeats {
            bytes: Vec::new(),
            kept: Vec::new(),
            by_hash: FastMap::default(),
            collided: FastMap::default(),
            hasher: Default::default(),
            mask: u64::MAX,
            found: Vec::new(),
        }
    }
}

impl Repeats {
    pub(crate) fn check(&mut self, f: &Fields, row: &dyn Row) {
        use std::collections::hash_map::Entry;
        use std::hash::BuildHasher;
        let start = self.bytes.len();
        let mut used = start;
        for i in 0..row.len() {
            let cell = row.cell(i);
            let text = cell.to_text();
            let t = text.trim();
            let mut len = t.len();
            while len >= 0x80 {
                self.bytes.push((len & 0x7f) as u8 | 0x80);
                len >>= 7;
            }
            self.bytes.push(len as u8);
            self.bytes.extend_from_slice(t.as_bytes());
            if !t.is_empty() {
                used = self.bytes.len();
            }
        }
        self.bytes.truncate(used);
        let hash = self.hasher.hash_one(&self.bytes[start..]) & self.mask;
        let first = match self.by_hash.entry(hash) {
            Entry::Vacant(e) => {
                e.insert(self.kept.len());
                self.kept.push((start, row.number()));
                return;
            }
            Entry::Occupied(e) => {
                let k = *e.get();
                let (seen, number) = self.kept[k];
                let end = self.kept.get(k + 1).map_or(start, |next| next.0);
                if self.bytes[seen..end] == self.bytes[start..] {
                    Some(number)
                } else {
                    match self.collided.entry(self.bytes[start..].into()) {
                        Entry::Occupied(e) => Some(*e.get()),
                        Entry::Vacant(e) => {
                            e.insert(row.number());
                            None
                        }
                    }
                }
            }
        };
        self.bytes.truncate(start);
        if let Some(first) = first {
            self.found.push((f.at_row(row), first));
        }
    }

    pub(crate) fn report(self, table: &str, rule: &crate::diag::Msg, diag: &mut Diagnostics) {
        const SHOWN: usize = 20;
        let n = self.found.len();
        for (at, first) in self.found.into_iter().take(SHOWN) {
            diag.warn(
                Problem::warning(Code::DuplicateRow, msg::duplicate_row(first, table, rule))
                    .at(at)
                    .hint(msg::duplicate_row_hint()),
            );
        }
        if n > SHOWN {
            diag.warn(Problem::warning(
                Code::DuplicateRow,
                msg::more_duplicate_rows(n - SHOWN, table),
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
            let mut p = Problem::error(Code::NoWorkingTime, msg::no_working_time(&cadre.name))
                .hint(msg::no_working_time_hint());
            if let Some(at) = at {
                p = p.at(at);
            }
            diag.error(p);
        }
        if has_time[i] && !has_standards[i] {
            diag.warn(Problem::warning(
                Code::UnusedCadre,
                msg::unused_cadre(&cadre.name),
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
                let name = &study
                    .cadres
                    .iter()
                    .find(|c| c.key == k)
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                msg::staff_without_standards_guess(name, &cadre.name)
            }
            None => msg::staff_without_standards_hint(),
        };
        diag.warn(
            Problem::warning(
                Code::StaffWithoutStandards,
                msg::staff_without_standards(&cadre.name, &Dec(full_precision(n)), facilities),
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
        for a in volumes.keys() {
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
                Some(k) => msg::activity_guess(
                    study
                        .activities
                        .iter()
                        .find(|x| x.key == k)
                        .map(|x| x.name.as_str())
                        .unwrap_or(k),
                ),
                None => msg::activity_without_standard_hint(),
            };
            diag.warn(
                Problem::warning(
                    Code::ActivityWithoutStandard,
                    msg::activity_without_standard(&activity.name, reported[a]),
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
                msg::facilities_not_listed(
                    b.unlisted.len(),
                    &list.join(", "),
                    &if more > 0 {
                        msg::and_more(more)
                    } else {
                        crate::diag::Msg::default()
                    },
                ),
            )
            .hint(msg::facilities_not_listed_hint()),
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
            CadreMatch::Spelling => msg::matched_by_spelling(),
            CadreMatch::Alias => msg::matched_by_alias(),
        };
        diag.note(Problem::warning(
            Code::CadreMapped,
            msg::cadre_mapped(raw, &b.study.cadres[*c].name, &how, *rows),
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
    let type_list = |types: &BTreeMap<&str, (&str, Vec<&str>)>| -> crate::diag::Msg {
        if types.is_empty() {
            msg::type_list_none()
        } else {
            let list = types
                .values()
                .map(|(t, _)| *t)
                .collect::<Vec<_>>()
                .join(", ");
            crate::messages::reader::verbatim(list)
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
            Some(k) => msg::facility_type_guess(types[k].0),
            None => msg::facility_type_hint(&type_list(&types)),
        };
        let mut p = Problem::warning(
            Code::UnusedFacilityType,
            msg::unused_facility_type(
                b.type_names.get(*t).map_or(*t, String::as_str),
                &names.join(", "),
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
            msg::facility_type_fallback(&fallback.join(", "), &unused_names.join(", ")),
        )
        .at(b.facilities_location.clone().unwrap_or_default())
        .hint(msg::facility_type_fallback_hint(
            &msg::or_word().map(|or| unused_names.join(or)),
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
        for (a, v) in volumes {
            if !v.is_finite() {
                diag.error(
                    Problem::error(
                        Code::TooLarge,
                        msg::workload_too_large(&study.activities[a].name, &study.facilities[f].id),
                    )
                    .hint(msg::workload_too_large_hint())
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
                    msg::staff_too_large(&study.cadres[c].name, &study.facilities[f].id),
                )
                .hint(msg::staff_too_large_hint())
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
    let mut over: Vec<(String, u32)> = Vec::new();
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
            over.push((facility.id.clone(), months));
        }
    }
    if !short.is_empty() {
        let n = short.len();
        short.truncate(30);
        let action = if options.annualize {
            msg::annualized()
        } else {
            msg::not_annualized()
        };
        diag.warn(Problem::warning(
            Code::IncompleteMonths,
            msg::incomplete_months(n, &short.join(", "), &action),
        ));
    }
    if !over.is_empty() {
        let list: Vec<crate::diag::Msg> = over
            .iter()
            .take(10)
            .map(|(id, months)| msg::months_of(*months).map(|m| format!("{id} ({m})")))
            .collect();
        let over_list = msg::list(&list, ", ");
        diag.warn(
            Problem::warning(
                Code::MoreThan12Months,
                msg::more_than_12_months(over.len(), &over_list),
            )
            .hint(msg::more_than_12_months_hint()),
        );
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

    /// A builder as after the standards and cadre_aliases tables: two cadres, an alias to one,
    /// an alias to a cadre that no table names yet, and an alias whose target is itself an alias
    /// (so a new cadre can change what a text means).
    fn cadre_builder() -> Builder {
        let mut b = Builder::default();
        b.cadre("Sage-femme");
        b.cadre("Infirmier");
        for (alias, cadre) in [
            ("SF", "Sage-femme"),
            ("IDE", "Infirmier d'État"),
            ("Aide", "Matrone"),
            ("Matrone", "Accoucheuse"),
        ] {
            b.add_alias(alias, cadre).unwrap();
        }
        b
    }

    /// Cadre texts of a staff table: exact, misspelled (case, accents, separators, spaces),
    /// aliases, alias chains and unknown names.
    const CADRE_TEXTS: &[&str] = &[
        "Sage-femme",
        "sage femme",
        "SAGE-FEMME",
        "Infirmier",
        "infirmier",
        "Infirmièr",
        "SF",
        "sf",
        "IDE",
        "Infirmier d'État",
        "infirmier d'etat",
        "Aide",
        "Matrone",
        "matrone",
        "Accoucheuse",
        "Médecin",
        "medecin",
        "Technicien labo",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// The cache gives every row the cadre `Builder::cadre` gives, and leaves the same
        /// cadres and the same spelling and alias counts.
        #[test]
        fn cadre_cache_is_builder_cadre(
            picks in proptest::collection::vec(0..CADRE_TEXTS.len(), 0..60)
        ) {
            let mut plain = cadre_builder();
            let mut cached = cadre_builder();
            let mut cache = CadreCache::default();
            for &p in &picks {
                let raw = CADRE_TEXTS[p];
                proptest::prop_assert_eq!(plain.cadre(raw), cache.cadre(&mut cached, raw));
            }
            cache.flush(&mut cached);
            proptest::prop_assert_eq!(&plain.study.cadres, &cached.study.cadres);
            proptest::prop_assert_eq!(&plain.cadre_matches, &cached.cadre_matches);
        }
    }

    #[test]
    fn cadre_cache_counts_each_row_and_follows_new_cadres() {
        let mut plain = cadre_builder();
        let mut cached = cadre_builder();
        let mut cache = CadreCache::default();
        // "Matrone" is first an alias (to Accoucheuse); "Aide" then adds the cadre Matrone (its
        // alias target), after which "Matrone" means that cadre: a cache kept across the new
        // cadre would still answer Accoucheuse.
        let rows = [
            "Matrone", "sf", "sf", "Aide", "Matrone", "matrone", "Aide", "sf", "Médecin",
            "medecin", "medecin",
        ];
        let a: Vec<usize> = rows.iter().map(|r| plain.cadre(r)).collect();
        let b: Vec<usize> = rows.iter().map(|r| cache.cadre(&mut cached, r)).collect();
        cache.flush(&mut cached);
        assert_eq!(a, b);
        assert_eq!(plain.study.cadres, cached.study.cadres);
        assert_eq!(plain.cadre_matches, cached.cadre_matches);
        assert_ne!(b[0], b[4], "Matrone changed meaning");
        let sf = plain.find_cadre("Sage-femme").unwrap();
        assert_eq!(
            cached.cadre_matches.get(&("sf".to_string(), sf)),
            Some(&(CadreMatch::Alias, 3))
        );
        let medecin = cached.find_cadre("Médecin").unwrap();
        assert_eq!(
            cached.cadre_matches.get(&("medecin".to_string(), medecin)),
            Some(&(CadreMatch::Spelling, 2))
        );
    }

    /// A table of text rows (row 1 the header), as a CSV file gives them.
    struct TextTable(Vec<Vec<String>>);

    struct TextRow<'a>(usize, &'a [String]);

    impl Row for TextRow<'_> {
        fn number(&self) -> usize {
            self.0
        }
        fn len(&self) -> usize {
            self.1.len()
        }
        fn cell(&self, index: usize) -> Cell<'_> {
            match self.1.get(index) {
                Some(t) if !t.is_empty() => Cell::Text(t.as_str().into()),
                _ => Cell::Empty,
            }
        }
    }

    impl RowSource for TextTable {
        fn location(&self) -> Location {
            Location::file("table.csv")
        }
        fn decimal_style(&self) -> crate::numbers::DecimalStyle {
            crate::numbers::DecimalStyle::Point
        }
        fn for_each_row(
            &mut self,
            visit: &mut dyn FnMut(&dyn Row) -> crate::study::source::Flow,
        ) -> Result<(), Problem> {
            for (i, cells) in self.0.iter().enumerate() {
                if let crate::study::source::Flow::Stop = visit(&TextRow(i + 1, cells)) {
                    break;
                }
            }
            Ok(())
        }
        fn delimited(&self) -> bool {
            true
        }
    }

    fn table(header: &[&str], rows: Vec<Vec<String>>) -> TextTable {
        let mut all = vec![header.iter().map(|h| h.to_string()).collect()];
        all.extend(rows);
        TextTable(all)
    }

    /// Repeats the way the rule says it: each row's trimmed cells, trailing blank ones left out,
    /// against every row before it.
    fn repeats_by_hand(rows: &[Vec<&str>]) -> Vec<(usize, usize)> {
        let cells = |r: &Vec<&str>| -> Vec<String> {
            let mut c: Vec<String> = r.iter().map(|t| t.trim().to_string()).collect();
            while c.last().is_some_and(String::is_empty) {
                c.pop();
            }
            c
        };
        let mut found = Vec::new();
        for (i, r) in rows.iter().enumerate() {
            if let Some(j) = (0..i).find(|&j| cells(&rows[j]) == cells(r)) {
                found.push((i + 2, j + 2));
            }
        }
        found
    }

    const CELL_TEXTS: &[&str] = &["", " ", "a", " a", "a ", "b", "ab", "é", "1", "12"];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// The repeats found are those of the rule, whatever the hashes: all 64 bits kept, or
        /// so few that most rows share a hash with a different row.
        #[test]
        fn repeats_are_found_by_their_cells(
            picks in proptest::collection::vec(
                proptest::collection::vec(0..CELL_TEXTS.len() + 1, 0..5),
                0..40,
            ),
            mask in proptest::sample::select(vec![u64::MAX, 3, 1, 0]),
        ) {
            let long = "x".repeat(200);
            let rows: Vec<Vec<&str>> = picks
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|&i| CELL_TEXTS.get(i).copied().unwrap_or(long.as_str()))
                        .collect()
                })
                .collect();
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
            let mut r = Repeats {
                mask,
                ..Default::default()
            };
            for (i, cells) in rows.iter().enumerate() {
                let owned: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
                r.check(&f, &TextRow(i + 2, &owned));
            }
            let found: Vec<(usize, usize)> = r
                .found
                .iter()
                .map(|(at, first)| (at.row.unwrap(), *first))
                .collect();
            proptest::prop_assert_eq!(found, repeats_by_hand(&rows));
        }
    }

    /// Facility ids of the tests: listed ones, the same up to case and separators, and others.
    const IDS: &[&str] = &[
        "F1", "F2", "F3", "F10", "f1", "F-2", " F3 ", "Z9", "z9", "Z-9", "", "F1 ",
    ];
    const TYPES: &[&str] = &["CSCom", "CSRéf", "cscom", "", "Hôpital"];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(150))]
        /// The facilities table gives the facilities (type keys and all) and the duplicate-id
        /// errors that one `add_facility` a new id and a map of the ids met gave.
        #[test]
        fn facilities_read_as_one_map_of_ids_did(
            rows in proptest::collection::vec((0..IDS.len(), 0..TYPES.len()), 0..30),
            before in proptest::option::of(0..IDS.len()),
        ) {
            let mut b = Builder::default();
            let mut expected = Builder::default();
            // A facility met before the table (as `wisn surge` may) is kept as it is.
            for x in [&mut b, &mut expected] {
                if let Some(i) = before {
                    x.add_facility(Facility {
                        id: IDS[i].trim().to_string(),
                        ..Default::default()
                    });
                }
            }
            let mut first_row: HashMap<String, usize> = HashMap::new();
            let mut duplicates = Vec::new();
            for (n, &(i, t)) in rows.iter().enumerate() {
                let id = IDS[i].trim();
                let number = n + 2;
                if id.is_empty() {
                    continue;
                }
                if let Some(first) = first_row.get(id) {
                    let mut at = Location::file("table.csv");
                    at.row = Some(number);
                    at.column = Some("facility_id".into());
                    duplicates.push(
                        Problem::error(Code::DuplicateFacility, msg::facility_twice(*first))
                            .at(at)
                            .value(id)
                            .hint(msg::facility_twice_hint()),
                    );
                    continue;
                }
                first_row.insert(id.to_string(), number);
                let ty = Some(TYPES[t].trim()).filter(|t| !t.is_empty()).map(String::from);
                expected.add_facility(Facility {
                    type_key: ty.as_deref().map(key).unwrap_or_default(),
                    facility_type: ty,
                    id: id.to_string(),
                    name: Some(format!("Nom {id}")),
                    listed: true,
                    ..Default::default()
                });
            }
            let mut source = table(
                &["facility_id", "facility_type", "facility_name"],
                rows.iter()
                    .map(|&(i, t)| {
                        vec![
                            IDS[i].to_string(),
                            TYPES[t].to_string(),
                            format!("Nom {}", IDS[i].trim()),
                        ]
                    })
                    .collect(),
            );
            let mut d = Diagnostics::default();
            read_facilities(&mut source, &mut b, &mut d);
            proptest::prop_assert_eq!(&b.study.facilities, &expected.study.facilities);
            for f in &expected.study.facilities {
                proptest::prop_assert_eq!(b.find_facility(&f.id), expected.find_facility(&f.id));
            }
            let found: Vec<&Problem> = d
                .problems
                .iter()
                .filter(|p| p.code == Code::DuplicateFacility)
                .collect();
            proptest::prop_assert_eq!(found, duplicates.iter().collect::<Vec<_>>());
        }

        /// The staff table gives the staff, facilities (listed, unlisted and where first met),
        /// cadres and cadre matches that `facility_at` and `Builder::cadre` of every row give,
        /// whatever the order of the rows (runs of one facility, the facilities table's order,
        /// or mixed).
        #[test]
        fn staff_read_as_each_row_looked_up(
            listed in proptest::collection::vec(0..4usize, 0..4),
            rows in proptest::collection::vec(
                (0..IDS.len(), 0..CADRE_TEXTS.len(), 0..3u32, 0..3usize),
                0..40,
            ),
            sorted in proptest::bool::ANY,
        ) {
            let mut rows = rows;
            if sorted {
                rows.sort_by_key(|r| r.0);
            }
            let statuses = ["En poste", "", "Retraité"];
            let mut b = cadre_builder();
            let mut expected = cadre_builder();
            for x in [&mut b, &mut expected] {
                x.study.has_facilities_table = true;
                for &i in &listed {
                    x.add_facility(Facility {
                        id: IDS[i].to_string(),
                        listed: true,
                        ..Default::default()
                    });
                }
            }
            let mut staff: HashMap<(usize, usize), f64> = HashMap::new();
            for (n, &(i, c, count, s)) in rows.iter().enumerate() {
                let id = IDS[i].trim();
                if statuses[s] != "En poste" || id.is_empty() {
                    continue;
                }
                let at = || {
                    let mut l = Location::file("table.csv");
                    l.row = Some(n + 2);
                    l.column = Some("facility_id".into());
                    l
                };
                let f = expected.facility_at(id, "staff", at);
                let c = expected.cadre(CADRE_TEXTS[c]);
                *staff.entry((f, c)).or_insert(0.0) += f64::from(count);
            }
            let mut source = table(
                &["facility_id", "cadre", "count", "status"],
                rows.iter()
                    .map(|&(i, c, count, s)| {
                        vec![
                            IDS[i].to_string(),
                            CADRE_TEXTS[c].to_string(),
                            count.to_string(),
                            statuses[s].to_string(),
                        ]
                    })
                    .collect(),
            );
            let mut d = Diagnostics::default();
            read_staff(&mut source, &mut b, &mut d, &ReadOptions::default());
            let mut got: Vec<_> = b.study.staff.iter().map(|(k, v)| (*k, *v)).collect();
            let mut want: Vec<_> = staff.into_iter().collect();
            got.sort_by_key(|x| x.0);
            want.sort_by_key(|x| x.0);
            proptest::prop_assert_eq!(got, want);
            proptest::prop_assert_eq!(&b.study.facilities, &expected.study.facilities);
            proptest::prop_assert_eq!(&b.unlisted, &expected.unlisted);
            proptest::prop_assert_eq!(&b.unlisted_at, &expected.unlisted_at);
            proptest::prop_assert_eq!(&b.study.cadres, &expected.study.cadres);
            proptest::prop_assert_eq!(&b.cadre_matches, &expected.cadre_matches);
        }
    }
}
