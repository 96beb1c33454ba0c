//! Scenarios (study-format §7.4): the baseline results, then each scenario's, computed by the
//! ordinary engine on a copy of the study that the scenario changed.
//!
//! A scenario changes the study, never the method: volumes × `volume_factor`, service standards
//! with their time per unit × `standard_factor` ([`crate::method::scenario`]), staff in post +
//! `staff_change`. A factor of 1 multiplies by 1.0, which leaves every number as it was, so such
//! a scenario gives the baseline bit for bit.
//!
//! A `facility_type` selector on a `standard_factor` row scales the standards *in force* at
//! facilities of that type: when the cadre has no rows of its own for that type, its blank-type
//! rows are first copied as rows of that type (the same set, so the same results), and the copies
//! are scaled; other types keep the blank rows unchanged.

use crate::diag::Code;
use std::collections::HashMap;

use crate::diag::{Diagnostics, Location, Problem};
use crate::engine::{self, ComputeOptions, Level, ResultRow, Results};
use crate::messages::planning as m;
use crate::method::scenario::{apply_staff_change, scaled_standard};
use crate::model::{Component, StandardUnit, Study};
use crate::names::key;

/// A selector of a scenario row: the text as written and what it names in the study (`None`
/// when it names nothing there: the row then matches nothing, with a warning).
#[derive(Debug, Clone, PartialEq)]
pub struct Selector {
    pub text: String,
    pub index: Option<usize>,
}

/// One row of the `scenario` table.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioRow {
    pub scenario: String,
    pub facility_id: Option<String>,
    pub facility_type: Option<String>,
    pub district: Option<String>,
    pub region: Option<String>,
    pub cadre: Option<Selector>,
    pub activity: Option<Selector>,
    pub volume_factor: Option<f64>,
    pub standard_factor: Option<f64>,
    pub staff_change: Option<f64>,
    /// `add_standards`: a standards table (path, or `FILE#Sheet`) whose rows the scenario adds.
    pub add_standards: Option<String>,
    /// `add_workload`: a workload table whose rows the scenario adds.
    pub add_workload: Option<String>,
    pub location: Location,
}

impl ScenarioRow {
    /// Whether the row's facility selectors (id, type, district, region; blank = any) take a
    /// facility; all compared normalised.
    fn takes_facility(&self, f: &crate::model::Facility) -> bool {
        let same = |sel: &Option<String>, value: &Option<String>| match sel {
            None => true,
            Some(s) => value.as_deref().is_some_and(|v| key(v) == key(s)),
        };
        self.facility_id
            .as_ref()
            .map_or(true, |id| key(id) == key(&f.id))
            && self
                .facility_type
                .as_ref()
                .map_or(true, |t| key(t) == f.type_key)
            && same(&self.district, &f.district)
            && same(&self.region, &f.region)
    }
    fn takes_cadre(&self, c: usize) -> bool {
        self.cadre.as_ref().map_or(true, |s| s.index == Some(c))
    }
    fn takes_activity(&self, a: usize) -> bool {
        self.activity.as_ref().map_or(true, |s| s.index == Some(a))
    }
}

/// The scenarios' names in table order of first appearance.
pub fn names(rows: &[ScenarioRow]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in rows {
        if !out.contains(&r.scenario) {
            out.push(r.scenario.clone());
        }
    }
    out
}

fn no_match(row: &ScenarioRow, change: &str) -> Problem {
    Problem::warning(
        Code::ScenarioMatchesNothing,
        m::matches_nothing(&row.scenario, change),
    )
    .at(row.location.clone())
    .hint(m::check_selectors())
}

/// The study as scenario `name` makes it. `baseline` gives the facility × cadre rows that exist
/// (a staff change applies only to those). Warnings (a row that matches nothing, staff clamped
/// at 0) go to `diag`.
pub fn apply(
    study: &Study,
    rows: &[ScenarioRow],
    name: &str,
    baseline: &[ResultRow],
    diag: &mut Diagnostics,
) -> Study {
    let mut s = study.clone();
    let rows: Vec<&ScenarioRow> = rows.iter().filter(|r| r.scenario == name).collect();
    // Volumes.
    for r in rows.iter().filter(|r| r.volume_factor.is_some()) {
        let factor = r.volume_factor.unwrap_or(1.0);
        let mut matched = false;
        for (f, facility) in study.facilities.iter().enumerate() {
            if !r.takes_facility(facility) {
                continue;
            }
            for (a, v) in s.workload.volumes[f].iter_mut() {
                if r.takes_activity(a) {
                    *v *= factor;
                    matched = true;
                }
            }
        }
        if !matched {
            diag.warn(no_match(r, "volume_factor"));
        }
    }
    // Standards: first the copies that a facility_type selector needs, then the factors.
    for r in rows.iter().filter(|r| r.standard_factor.is_some()) {
        let Some(t) = r.facility_type.as_deref().map(key) else {
            continue;
        };
        for c in 0..s.cadres.len() {
            if !r.takes_cadre(c) || s.standards.iter().any(|x| x.cadre == c && x.type_key == t) {
                continue;
            }
            let copies: Vec<_> = s
                .standards
                .iter()
                .filter(|x| x.cadre == c && x.type_key.is_empty())
                .cloned()
                .map(|mut x| {
                    x.type_key = t.clone();
                    x
                })
                .collect();
            s.standards.extend(copies);
        }
    }
    for r in rows.iter().filter(|r| r.standard_factor.is_some()) {
        let factor = r.standard_factor.unwrap_or(1.0);
        let t = r.facility_type.as_deref().map(key);
        let mut matched = false;
        for x in s.standards.iter_mut() {
            let StandardUnit::Service(unit) = x.unit else {
                continue;
            };
            if x.component != Component::Service
                || !r.takes_cadre(x.cadre)
                || !x.activity.is_some_and(|a| r.takes_activity(a))
                || t.as_ref().is_some_and(|t| &x.type_key != t)
            {
                continue;
            }
            x.value = scaled_standard(x.value, unit, factor);
            if let Some((low, high)) = x.range.as_mut() {
                *low = scaled_standard(*low, unit, factor);
                *high = scaled_standard(*high, unit, factor);
                if *low > *high {
                    std::mem::swap(low, high);
                }
            }
            matched = true;
        }
        if !matched {
            diag.warn(no_match(r, "standard_factor"));
        }
    }
    // Staff: changes summed per facility × cadre row, then clamped at 0.
    let mut changes: HashMap<(usize, usize), Vec<f64>> = HashMap::new();
    for r in rows.iter().filter(|r| r.staff_change.is_some()) {
        let d = r.staff_change.unwrap_or(0.0);
        let mut matched = false;
        for row in baseline.iter().filter(|x| x.level == Level::Facility) {
            let Some(f) = row.facility_index else {
                continue;
            };
            if r.takes_facility(&study.facilities[f]) && r.takes_cadre(row.cadre_index) {
                changes.entry((f, row.cadre_index)).or_default().push(d);
                matched = true;
            }
        }
        if !matched {
            diag.warn(no_match(r, "staff_change"));
        }
    }
    let mut clamped: Vec<String> = Vec::new();
    let mut keys: Vec<_> = changes.keys().copied().collect();
    keys.sort_unstable();
    for k in keys {
        let current = s.staff.get(&k).copied().unwrap_or(0.0);
        let (after, clamp) = apply_staff_change(current, changes[&k].iter().copied());
        if clamp {
            clamped.push(format!(
                "{} ({})",
                study.facilities[k.0].id, study.cadres[k.1].name
            ));
        }
        s.staff.insert(k, after);
    }
    if !clamped.is_empty() {
        diag.warn(Problem::warning(
            Code::StaffBelowZero,
            m::staff_below_zero(name, clamped.join(", ")),
        ));
    }
    s
}

/// Reads the study again with tables added (`add_standards`, `add_workload`), as
/// (table name, `FILE[#Sheet]`): the study and the problems of the read (`Err` when it has
/// errors).
pub type Loader<'a> =
    dyn Fn(&[(&'static str, String)]) -> Result<(Study, Diagnostics), Vec<Problem>> + 'a;

/// The tables scenario `name` adds, in table order: standards first, then workload.
pub fn added_tables(rows: &[ScenarioRow], name: &str) -> Vec<(&'static str, String)> {
    let rows: Vec<&ScenarioRow> = rows.iter().filter(|r| r.scenario == name).collect();
    let standards = rows
        .iter()
        .filter_map(|r| r.add_standards.clone())
        .map(|t| ("standards", t));
    let workload = rows
        .iter()
        .filter_map(|r| r.add_workload.clone())
        .map(|t| ("workload", t));
    standards.chain(workload).collect()
}

/// The identity of a row across runs: level, facility, group names and cadre.
pub type RowKey = (
    Level,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    usize,
);

pub fn row_key(r: &ResultRow) -> RowKey {
    (
        r.level,
        r.facility_id.as_deref().map(String::from),
        r.facility_type.as_deref().map(key),
        r.district.as_deref().map(String::from),
        r.region.as_deref().map(String::from),
        r.cadre_index,
    )
}

/// Every scenario's results after the baseline's, each scenario's study computed by
/// [`engine::compute`]. Errors of a scenario's computation (a standard factor that makes CAS
/// reach 100 % cannot happen, but a number can overflow) name the scenario.
pub fn run(
    study: &Study,
    baseline: &Results,
    rows: &[ScenarioRow],
    options: &ComputeOptions,
    load: &Loader<'_>,
    diag: &mut Diagnostics,
) -> Result<Vec<(String, Study, Results)>, Vec<Problem>> {
    let mut out = Vec::new();
    for name in names(rows) {
        let added = added_tables(rows, &name);
        let s = if added.is_empty() {
            apply(study, rows, &name, &baseline.rows, diag)
        } else {
            let (with_added, problems) = load(&added).map_err(|problems| {
                problems
                    .into_iter()
                    .map(|mut p| {
                        p.message = p.message.after(&m::scenario_prefix(&name));
                        p
                    })
                    .collect::<Vec<_>>()
            })?;
            merge_new(diag, problems);
            apply(&with_added, rows, &name, &baseline.rows, diag)
        };
        let mut scratch = Diagnostics::default();
        let computed = engine::compute(&s, options, &mut scratch);
        merge_new(diag, scratch);
        let results = computed.map_err(|problems| {
            problems
                .into_iter()
                .map(|mut p| {
                    p.message = p.message.after(&m::scenario_prefix(&name));
                    p
                })
                .collect::<Vec<_>>()
        })?;
        out.push((name, s, results));
    }
    Ok(out)
}

/// Adds the problems of `other` that `diag` does not hold yet (the same warning from every
/// scenario's or year's computation is said once).
pub fn merge_new(diag: &mut Diagnostics, other: Diagnostics) {
    for p in other.problems {
        if !diag.problems.iter().any(|q| q.to_string() == p.to_string()) {
            diag.push(p);
        }
    }
}
