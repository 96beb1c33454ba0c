//! From a read [`Study`] to result rows (study-format §4), pure: no I/O.
//!
//! The method's per-cadre quantities (AWT, standard workloads, CAF, IAF) depend only on the cadre
//! and the facility type, so they are computed once per (cadre, type) as a [`Profile`]; each
//! facility then only sums its volumes over standard workloads (A). Facilities are computed in
//! parallel with rayon; rows come out in the study's order whatever the number of threads.

use crate::diag::Code;
use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use crate::diag::{Diagnostics, Problem};
use crate::messages::engine as m;
use crate::method::{
    self, allowance::allowance_hours, outcome, round_staff, AllowanceUnit, Awt, Bands, Requirement,
    Rounding, Status,
};
use crate::model::{Component, StandardUnit, Study};
use crate::names::key;

/// The levels of result rows.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum, serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Not a roll-up (facility rows are always written): hidden from `compute --by`'s values,
    /// which reject it with an explanation.
    #[value(hide = true)]
    Facility,
    District,
    Region,
    #[value(name = "facility_type", alias = "facility-type", alias = "type")]
    FacilityType,
    National,
}

impl Level {
    pub fn as_str(&self) -> &'static str {
        match self {
            Level::Facility => "facility",
            Level::District => "district",
            Level::Region => "region",
            Level::FacilityType => "facility_type",
            Level::National => "national",
        }
    }
}

/// Options of the computation.
#[derive(Debug, Clone, Default)]
pub struct ComputeOptions {
    pub bands: Bands,
    pub rounding: Rounding,
    /// Roll-up levels, in the order asked (`--by`).
    pub by: Vec<Level>,
}

/// One service activity of a profile.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceLine {
    /// Index into `study.standards`.
    pub standard: usize,
    pub activity: usize,
    /// Standard workload: units one staff member can do in a year.
    pub standard_workload: f64,
}

/// One support (CAS) or additional (IAS) item of a profile.
#[derive(Debug, Clone, PartialEq)]
pub struct AllowanceLine {
    pub standard: usize,
    /// Hours a year per person (`None` for a `%` item).
    pub annual_hours: Option<f64>,
    /// Support: CAS in % of working time. Additional: hours a year × staff.
    pub value: f64,
}

/// The method's quantities for one cadre at one facility type.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub cadre: usize,
    pub type_key: String,
    /// Index into `study.working_time`.
    pub working_time: usize,
    pub awt: Awt,
    pub services: Vec<ServiceLine>,
    pub support: Vec<AllowanceLine>,
    pub cas_total_pct: f64,
    pub caf: f64,
    pub additional: Vec<AllowanceLine>,
    pub ias_total_hours: f64,
    pub iaf: f64,
}

impl Profile {
    /// A at a facility: Σ volume / SW over the cadre's service activities.
    pub fn service_staff(&self, study: &Study, facility: usize) -> f64 {
        method::service_staff(self.services.iter().map(|s| {
            (
                study.workload.volume(facility, s.activity).unwrap_or(0.0),
                s.standard_workload,
            )
        }))
    }
    pub fn requirement(&self, study: &Study, facility: usize) -> Requirement {
        Requirement {
            service_staff: self.service_staff(study, facility),
            caf: self.caf,
            iaf: self.iaf,
        }
    }
}

/// A name shared by many result rows (a facility's five cadre rows hold one copy of its id,
/// name, type, district and region; every row of a cadre one copy of its name): cloning it
/// copies a pointer, not the text. At national scale (150 000 rows) this is what keeps the
/// results at about 40 MB instead of 80 (docs/benchmarks.md).
pub type Name = std::sync::Arc<str>;

/// One result row, with the spec's columns.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultRow {
    pub level: Level,
    pub facility_id: Option<Name>,
    pub facility_name: Option<Name>,
    pub facility_type: Option<Name>,
    pub district: Option<Name>,
    pub region: Option<Name>,
    pub cadre: Name,
    pub current_staff: f64,
    pub required_staff: f64,
    pub required_rounded: f64,
    pub difference: f64,
    pub wisn_ratio: Option<f64>,
    pub workload_pressure_pct: f64,
    pub status: Option<Status>,
    pub awt_hours: Option<f64>,
    pub service_staff: Option<f64>,
    pub caf: Option<f64>,
    pub iaf: Option<f64>,
    pub completeness: Option<f64>,
    /// Group rows: the mean of the group's facility ratios (study-format §7.1); `None` on
    /// facility rows and when no facility of the group has a ratio.
    pub mean_facility_ratio: Option<f64>,
    /// Indexes for callers that want the detail (facility rows only).
    pub facility_index: Option<usize>,
    pub cadre_index: usize,
}

/// The results of `wisn compute`.
#[derive(Debug, Clone, Default)]
pub struct Results {
    pub rows: Vec<ResultRow>,
    /// Profiles by (cadre, facility type key).
    pub profiles: HashMap<(usize, String), Profile>,
}

/// The standards of a cadre at a facility type, with precedence: rows naming the type replace
/// all of the cadre's blank-type rows.
/// ([`method::precedence::standards_rows`]).
pub fn standards_for(study: &Study, cadre: usize, type_key: &str) -> Vec<usize> {
    let own = study
        .standards
        .iter()
        .enumerate()
        .filter(|(_, s)| s.cadre == cadre)
        .map(|(i, s)| (i, s.type_key.as_str()));
    method::precedence::standards_rows(own, type_key)
}

/// In [`crate::model`], beside the study it reads: `wisn surge` needs it too.
pub use crate::model::working_time_for;

/// Builds the profile of a cadre at a facility type. `Ok(None)` when the cadre has no standards
/// there.
pub fn build_profile(
    study: &Study,
    cadre: usize,
    type_key: &str,
) -> Result<Option<Profile>, Problem> {
    let rows = standards_for(study, cadre, type_key);
    let wt = working_time_for(study, cadre, type_key);
    build_profile_of(study, cadre, type_key, rows, wt)
}

/// The standards and working-time rows of each cadre, so that building every profile is linear
/// in the study (10 000 cadres × 10 000 standards scanned per profile took minutes).
struct ByCadre {
    standards: Vec<Vec<usize>>,
    working_time: Vec<Vec<usize>>,
}

impl ByCadre {
    fn new(study: &Study) -> Self {
        let n = study.cadres.len();
        let mut standards = vec![Vec::new(); n];
        for (i, s) in study.standards.iter().enumerate() {
            if let Some(v) = standards.get_mut(s.cadre) {
                v.push(i);
            }
        }
        let mut working_time = vec![Vec::new(); n];
        for (i, w) in study.working_time.iter().enumerate() {
            if let Some(v) = working_time.get_mut(w.cadre) {
                v.push(i);
            }
        }
        ByCadre {
            standards,
            working_time,
        }
    }

    /// As [`standards_for`] and [`working_time_for`], over the cadre's own rows.
    fn rows(&self, study: &Study, cadre: usize, type_key: &str) -> (Vec<usize>, Option<usize>) {
        let standards = self.standards[cadre]
            .iter()
            .map(|&i| (i, study.standards[i].type_key.as_str()));
        let working_time = self.working_time[cadre]
            .iter()
            .map(|&i| (i, study.working_time[i].type_key.as_str()));
        (
            method::precedence::standards_rows(standards, type_key),
            method::precedence::working_time_row(working_time, type_key),
        )
    }
}

fn build_profile_of(
    study: &Study,
    cadre: usize,
    type_key: &str,
    rows: Vec<usize>,
    wt: Option<usize>,
) -> Result<Option<Profile>, Problem> {
    if rows.is_empty() {
        return Ok(None);
    }
    let cadre_name = &study.cadres[cadre].name;
    let type_label = if type_key.is_empty() {
        m::any_type()
    } else {
        let name = type_name(study, type_key);
        crate::diag::Msg::new(name.clone(), name)
    };
    let Some(wt) = wt else {
        return Err(Problem::error(
            Code::NoWorkingTime,
            m::no_working_time(cadre_name, &type_label),
        )
        .hint(m::add_working_time()));
    };
    let wt_row = &study.working_time[wt];
    let awt = wt_row.time.awt().map_err(|e| {
        Problem::error(Code::BadWorkingTime, m::method_error(&e)).at(wt_row.location.clone())
    })?;
    let mut profile = Profile {
        cadre,
        type_key: type_key.to_string(),
        working_time: wt,
        awt,
        services: Vec::new(),
        support: Vec::new(),
        cas_total_pct: 0.0,
        caf: 1.0,
        additional: Vec::new(),
        ias_total_hours: 0.0,
        iaf: 0.0,
    };
    for i in rows {
        let s = &study.standards[i];
        let located = |e: method::MethodError| {
            Problem::error(Code::BadStandard, m::method_error(&e)).at(s.location.clone())
        };
        match (s.component, s.unit) {
            (Component::Service, StandardUnit::Service(unit)) => {
                let sw = method::standard_workload(&awt, s.value, unit).map_err(located)?;
                let Some(activity) = s.activity else {
                    return Err(inconsistent(s, m::service_without_activity()));
                };
                profile.services.push(ServiceLine {
                    standard: i,
                    activity,
                    standard_workload: sw,
                });
            }
            (Component::Support, StandardUnit::Allowance(unit)) => {
                let pct = method::cas_percent(&awt, s.value, unit).map_err(located)?;
                profile.cas_total_pct += pct;
                profile.support.push(AllowanceLine {
                    standard: i,
                    annual_hours: allowance_hours(&awt, s.value, unit),
                    value: pct,
                });
            }
            (Component::Additional, StandardUnit::Allowance(unit @ AllowanceUnit::Time(..))) => {
                let hours = allowance_hours(&awt, s.value, unit).unwrap_or(0.0);
                let total = hours * s.staff;
                profile.ias_total_hours += total;
                profile.additional.push(AllowanceLine {
                    standard: i,
                    annual_hours: Some(hours),
                    value: total,
                });
            }
            // The reader never builds these; a Study made by hand might.
            _ => {
                return Err(inconsistent(
                    s,
                    m::unit_of_another_component(s.component.as_str()),
                ))
            }
        }
    }
    profile.caf = method::caf(profile.cas_total_pct).map_err(|e| {
        let rows = m::list(&profile.support, ", ", |l| {
            m::row_n(study.standards[l.standard].location.row.unwrap_or(0))
        });
        let mut p = Problem::error(
            Code::CasOver100,
            m::cas_over_100(cadre_name, &type_label, &m::method_error(&e)),
        )
        .hint(m::check_support_standards(&rows));
        if let Some(first) = profile.support.first() {
            let mut at = study.standards[first.standard].location.clone();
            at.row = None;
            p = p.at(at);
        }
        p
    })?;
    profile.iaf = method::iaf(profile.ias_total_hours, &awt);
    Ok(Some(profile))
}

fn inconsistent(s: &crate::model::Standard, what: crate::diag::Msg) -> Problem {
    Problem::error(Code::InconsistentStandard, what)
        .at(s.location.clone())
        .value(s.activity_name.clone())
        .hint(m::units_by_component())
}

fn row_is_finite(r: &ResultRow) -> bool {
    [
        r.current_staff,
        r.required_staff,
        r.difference,
        r.workload_pressure_pct,
    ]
    .into_iter()
    .chain(r.wisn_ratio)
    .all(f64::is_finite)
}

/// The display name of a facility type key: its first spelling among the facilities.
pub fn type_name(study: &Study, type_key: &str) -> String {
    study
        .facilities
        .iter()
        .find(|f| f.type_key == type_key)
        .and_then(|f| f.facility_type.clone())
        .unwrap_or_else(|| type_key.to_string())
}

/// Computes every facility row and the roll-ups. Problems that stop the computation (CAS ≥ 100,
/// a missing working time) are returned as errors; warnings go to `diag`.
pub fn compute(
    study: &Study,
    options: &ComputeOptions,
    diag: &mut Diagnostics,
) -> Result<Results, Vec<Problem>> {
    // Profiles for every (cadre, type) that a facility needs.
    let mut type_keys: Vec<String> = study
        .facilities
        .iter()
        .map(|f| f.type_key.clone())
        .collect();
    type_keys.sort();
    type_keys.dedup();
    let mut profiles = HashMap::new();
    let mut errors = Vec::new();
    let by_cadre = ByCadre::new(study);
    for t in &type_keys {
        for c in 0..study.cadres.len() {
            if by_cadre.standards[c].is_empty() {
                continue;
            }
            let (rows, wt) = by_cadre.rows(study, c, t);
            match build_profile_of(study, c, t, rows, wt) {
                Ok(Some(p)) => {
                    profiles.insert((c, t.clone()), p);
                }
                Ok(None) => {}
                Err(e) => errors.push(e),
            }
        }
    }
    if !errors.is_empty() {
        errors.dedup_by(|a, b| a.message == b.message);
        return Err(errors);
    }
    let ncadres = study.cadres.len();
    let cadre_names: Vec<Name> = study
        .cadres
        .iter()
        .map(|c| Name::from(c.name.as_str()))
        .collect();
    // The profile of each (facility type, cadre), looked up once per type rather than with a
    // cloned key per facility × cadre.
    let type_profiles: HashMap<&str, Vec<Option<&Profile>>> = type_keys
        .iter()
        .map(|t| {
            let of_type = (0..ncadres)
                .map(|c| profiles.get(&(c, t.clone())))
                .collect();
            (t.as_str(), of_type)
        })
        .collect();
    // The cadres of a facility that get a row (study-format §4: staff or workload).
    let row_cadres = |f: usize| {
        let facility = &study.facilities[f];
        let of_type = &type_profiles[facility.type_key.as_str()];
        (0..ncadres).filter_map(move |c| {
            let profile = of_type[c]?;
            let staff = study.staff.get(&(f, c)).copied();
            let has_workload = profile
                .services
                .iter()
                .any(|s| study.workload.volume(f, s.activity).is_some());
            method::precedence::has_result_row(staff.is_some(), has_workload)
                .then_some((c, profile, staff))
        })
    };
    // One copy of the rows: counted first (cheap), then computed in blocks of facilities in
    // parallel and appended in the study's order to a vector of the exact size (collecting
    // per-facility vectors and flattening them held the rows twice).
    let nfacilities = study.facilities.len();
    let count: usize = (0..nfacilities)
        .into_par_iter()
        .map(|f| row_cadres(f).count())
        .sum();
    let mut rows: Vec<ResultRow> = Vec::with_capacity(count);
    // Small blocks: each is a transient copy of its rows (about 1.4 MB).
    const BLOCK: usize = 1024;
    for start in (0..nfacilities).step_by(BLOCK) {
        let end = (start + BLOCK).min(nfacilities);
        let block: Vec<Vec<ResultRow>> = (start..end)
            .into_par_iter()
            .map(|f| {
                let facility = &study.facilities[f];
                let name = |s: &Option<String>| s.as_deref().map(Name::from);
                let id = Name::from(facility.id.as_str());
                let (facility_name, facility_type) =
                    (name(&facility.name), name(&facility.facility_type));
                let (district, region) = (name(&facility.district), name(&facility.region));
                let completeness = study.workload.completeness(f);
                row_cadres(f)
                    .map(|(c, profile, staff)| {
                        let req = profile.requirement(study, f);
                        let required = req.required();
                        let current = staff.unwrap_or(0.0);
                        let o = outcome(current, required, &options.bands);
                        ResultRow {
                            level: Level::Facility,
                            facility_id: Some(id.clone()),
                            facility_name: facility_name.clone(),
                            facility_type: facility_type.clone(),
                            district: district.clone(),
                            region: region.clone(),
                            cadre: cadre_names[c].clone(),
                            current_staff: current,
                            required_staff: required,
                            required_rounded: round_staff(required, options.rounding),
                            difference: o.difference,
                            wisn_ratio: o.ratio,
                            workload_pressure_pct: o.pressure_pct,
                            status: o.status,
                            awt_hours: Some(profile.awt.hours()),
                            service_staff: Some(req.service_staff),
                            caf: Some(req.caf),
                            iaf: Some(req.iaf),
                            completeness,
                            mean_facility_ratio: None,
                            facility_index: Some(f),
                            cadre_index: c,
                        }
                    })
                    .collect()
            })
            .collect();
        for facility_rows in block {
            rows.extend(facility_rows);
        }
    }
    warn_missing_workload(study, &rows, &profiles, diag);
    warn_implausible_ratios(study, &rows, &profiles, diag);
    let mut groups = Vec::new();
    for level in &options.by {
        groups.extend(roll_up(study, &rows, *level, options));
    }
    // Exactly: `extend` alone would double the capacity of the facility rows (42 MB of address
    // space at national scale, untouched, so not in the peak RSS) for a few hundred group rows.
    rows.reserve_exact(groups.len());
    rows.extend(groups);
    // Finite inputs can still overflow (a count near 1e308 over a requirement below 1, or sums
    // of huge volumes): refuse rather than write infinities.
    if let Some(r) = rows.iter().find(|r| !row_is_finite(r)) {
        let place = match &r.facility_id {
            Some(id) => m::at_facility(id),
            None => m::in_roll_up(r.level.as_str()),
        };
        return Err(vec![Problem::error(
            Code::TooLarge,
            m::result_too_large(&r.cadre, &place),
        )
        .hint(m::check_counts_and_volumes())]);
    }
    Ok(Results { rows, profiles })
}

/// Ratios outside what any real staffing gives (below 0.1 or above 10 with staff in post) are
/// usually one mistyped standard (a delivery time typed in h instead of min makes the requirement
/// 60 times too large): a warning per standard names it and the facilities it affects.
pub const RATIO_PLAUSIBLE: (f64, f64) = (0.1, 10.0);

fn warn_implausible_ratios(
    study: &Study,
    rows: &[ResultRow],
    profiles: &HashMap<(usize, String), Profile>,
    diag: &mut Diagnostics,
) {
    // standard → (facility, ratio, share of A) for the low ratios; cadre → facilities for high.
    let mut low: BTreeMap<usize, Vec<(String, f64, f64)>> = BTreeMap::new();
    let mut high: BTreeMap<usize, Vec<(String, f64)>> = BTreeMap::new();
    for r in rows {
        let (Some(f), Some(ratio)) = (r.facility_index, r.wisn_ratio) else {
            continue;
        };
        if r.current_staff <= 0.0 || (RATIO_PLAUSIBLE.0..=RATIO_PLAUSIBLE.1).contains(&ratio) {
            continue;
        }
        let facility = &study.facilities[f];
        let Some(p) = profiles.get(&(r.cadre_index, facility.type_key.clone())) else {
            continue;
        };
        if ratio > RATIO_PLAUSIBLE.1 {
            // No workload for the cadre's services at all is said by its own warnings
            // (staff_without_workload, cadre_without_workload).
            if p.service_staff(study, f) <= 0.0 {
                continue;
            }
            high.entry(r.cadre_index)
                .or_default()
                .push((facility.id.clone(), ratio));
            continue;
        }
        let a = p.service_staff(study, f);
        if a <= 0.0 {
            continue;
        }
        let top = p
            .services
            .iter()
            .map(|s| {
                let v = study.workload.volume(f, s.activity).unwrap_or(0.0);
                (s.standard, v / s.standard_workload / a)
            })
            .max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((standard, share)) = top.filter(|t| t.1 >= 0.5) {
            low.entry(standard)
                .or_default()
                .push((facility.id.clone(), ratio, share));
        }
    }
    for (standard, hits) in low {
        let s = &study.standards[standard];
        let list = m::list(hits.iter().take(10), "; ", |(id, ratio, share)| {
            m::low_ratio_item(id, *ratio, share * 100.0)
        });
        diag.warn(
            Problem::warning(
                Code::ImplausibleRatio,
                m::implausible_low(
                    &crate::numbers::full_precision(s.value),
                    &match &s.unit {
                        crate::model::StandardUnit::Service(u) => u.as_str().to_string(),
                        crate::model::StandardUnit::Allowance(u) => u.as_string(),
                    },
                    RATIO_PLAUSIBLE.0,
                    hits.len(),
                    &list,
                    &if hits.len() > 10 {
                        crate::diag::Msg::new("; …", " ; …")
                    } else {
                        crate::diag::Msg::default()
                    },
                ),
            )
            .at(s.location.clone())
            .value(s.activity_name.clone())
            .hint(m::check_standard_unit()),
        );
    }
    for (c, hits) in high {
        let list = m::list(hits.iter().take(10), ", ", |(id, ratio)| {
            m::high_ratio_item(id, *ratio)
        });
        diag.warn(
            Problem::warning(
                Code::ImplausibleRatio,
                m::implausible_high(
                    &study.cadres[c].name,
                    RATIO_PLAUSIBLE.1,
                    hits.len(),
                    &list,
                    &if hits.len() > 10 {
                        crate::diag::Msg::new(", …", ", …")
                    } else {
                        crate::diag::Msg::default()
                    },
                ),
            )
            .hint(m::check_cadre_standards()),
        );
    }
}

fn warn_missing_workload(
    study: &Study,
    rows: &[ResultRow],
    profiles: &HashMap<(usize, String), Profile>,
    diag: &mut Diagnostics,
) {
    let has_any: Vec<bool> = study
        .workload
        .volumes
        .iter()
        .map(|v| !v.is_empty())
        .collect();
    let mut staff_no_workload: Vec<&str> = Vec::new();
    let mut by_cadre: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    let mut seen_facility = vec![false; study.facilities.len()];
    for r in rows {
        let Some(f) = r.facility_index else { continue };
        let facility = &study.facilities[f];
        if !has_any.get(f).copied().unwrap_or(false) {
            if !seen_facility[f] {
                seen_facility[f] = true;
                staff_no_workload.push(&facility.id);
            }
            continue;
        }
        let p = &profiles[&(r.cadre_index, facility.type_key.clone())];
        if !p.services.is_empty() && r.service_staff == Some(0.0) {
            by_cadre
                .entry(r.cadre_index)
                .or_default()
                .push(&facility.id);
        }
    }
    let list = |ids: &[&str]| {
        let s = ids.iter().take(20).copied().collect::<Vec<_>>().join(", ");
        if ids.len() > 20 {
            m::and_more(ids.len() - 20).map(|more| format!("{s}{more}"))
        } else {
            crate::diag::Msg::new(s.clone(), s)
        }
    };
    if !staff_no_workload.is_empty() {
        diag.warn(
            Problem::warning(
                Code::StaffWithoutWorkload,
                m::staff_without_workload(staff_no_workload.len(), &list(&staff_no_workload)),
            )
            .hint(m::add_their_workload()),
        );
    }
    for (c, ids) in by_cadre {
        diag.warn(Problem::warning(
            Code::CadreWithoutWorkload,
            m::cadre_without_workload(&study.cadres[c].name, ids.len(), &list(&ids)),
        ));
    }
}

/// Group rows of one level: current and unrounded required summed over the group's facility rows,
/// ratio and difference of the sums. Groups sorted by name, cadres in the study's order.
pub fn roll_up(
    study: &Study,
    rows: &[ResultRow],
    level: Level,
    options: &ComputeOptions,
) -> Vec<ResultRow> {
    #[derive(Default)]
    struct Acc {
        sums: method::rollup::GroupSums,
        regions: Vec<Option<Name>>,
        type_name: Option<Name>,
    }
    let mut groups: BTreeMap<(Option<Name>, usize), Acc> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.level == Level::Facility) {
        let group = match level {
            Level::Facility => continue,
            Level::District => r.district.clone(),
            Level::Region => r.region.clone(),
            Level::FacilityType => r.facility_type.as_deref().map(|t| Name::from(key(t))),
            Level::National => None,
        };
        let acc = groups.entry((group, r.cadre_index)).or_default();
        acc.sums
            .add(r.current_staff, r.required_staff, r.wisn_ratio);
        if !acc.regions.contains(&r.region) {
            acc.regions.push(r.region.clone());
        }
        if acc.type_name.is_none() {
            acc.type_name = r.facility_type.clone();
        }
    }
    groups
        .into_iter()
        .map(|((group, c), acc)| {
            let o = acc.sums.outcome(&options.bands);
            let (district, region, facility_type) = match level {
                Level::District => {
                    let region = if acc.regions.len() == 1 {
                        acc.regions[0].clone()
                    } else {
                        None
                    };
                    (group, region, None)
                }
                Level::Region => (None, group, None),
                Level::FacilityType => (None, None, acc.type_name),
                _ => (None, None, None),
            };
            ResultRow {
                level,
                facility_id: None,
                facility_name: None,
                facility_type,
                district,
                region,
                cadre: Name::from(study.cadres[c].name.as_str()),
                current_staff: acc.sums.current,
                required_staff: acc.sums.required,
                required_rounded: round_staff(acc.sums.required, options.rounding),
                difference: o.difference,
                wisn_ratio: o.ratio,
                workload_pressure_pct: o.pressure_pct,
                status: o.status,
                awt_hours: None,
                service_staff: None,
                caf: None,
                iaf: None,
                completeness: None,
                mean_facility_ratio: acc.sums.mean_facility_ratio(),
                facility_index: None,
                cadre_index: c,
            }
        })
        .collect()
}
