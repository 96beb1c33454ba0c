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

/// Staff in post of each facility, by cadre: the study's (facility, cadre) map laid out by
/// facility once (offsets into one vector, each facility's entries sorted by cadre), so that the
/// rows of a facility read its staff in one short walk. A hash lookup per facility × cadre, made
/// twice (to count the rows, then to build them), was 56 % of the row building's own time on
/// the national study (cache misses on a 150 000-entry map). Its size is the map's: never
/// facilities × cadres (a study may have 10^6 facilities and 10^3 cadres).
#[derive(Debug, Clone, PartialEq)]
pub struct StaffByFacility {
    /// `entries[starts[f]..starts[f + 1]]` are facility f's.
    starts: Vec<usize>,
    /// (cadre, staff in post).
    entries: Vec<(usize, f64)>,
}

impl StaffByFacility {
    /// The entries of facilities `0..nfacilities` (others are left out: no row asks for them).
    pub fn new<S>(staff: &HashMap<(usize, usize), f64, S>, nfacilities: usize) -> Self {
        let mut starts = vec![0usize; nfacilities + 1];
        for &(f, _) in staff.keys() {
            if f < nfacilities {
                starts[f + 1] += 1;
            }
        }
        for f in 0..nfacilities {
            starts[f + 1] += starts[f];
        }
        let mut next = starts.clone();
        let mut entries = vec![(0usize, 0.0f64); starts[nfacilities]];
        for (&(f, c), &x) in staff {
            if f < nfacilities {
                entries[next[f]] = (c, x);
                next[f] += 1;
            }
        }
        for w in starts.windows(2) {
            entries[w[0]..w[1]].sort_unstable_by_key(|e| e.0);
        }
        StaffByFacility { starts, entries }
    }

    /// A facility's (cadre, staff in post), by cadre ascending.
    pub fn of(&self, facility: usize) -> &[(usize, f64)] {
        match self.starts.get(facility..facility + 2) {
            Some(w) => &self.entries[w[0]..w[1]],
            None => &[],
        }
    }
}

/// What the rows of the facilities of one type need: the cadres with a profile there (by cadre
/// ascending), and the service activities of those profiles, sorted and distinct, so that a
/// facility's volumes are read in one walk ([`crate::model::Volumes::get_sorted`]) rather than by
/// a binary search per service line, twice (31 % of the row building's own time nationally).
struct TypePlan<'p> {
    cadres: Vec<CadrePlan<'p>>,
    activities: Vec<usize>,
}

struct CadrePlan<'p> {
    cadre: usize,
    profile: &'p Profile,
    /// Per service line of the profile, in its order: where its activity is in
    /// [`TypePlan::activities`].
    slots: Vec<usize>,
}

impl<'p> TypePlan<'p> {
    /// From the profiles of one type, by cadre ascending.
    fn new(profiles: impl Iterator<Item = &'p Profile>) -> Self {
        let profiles: Vec<&Profile> = profiles.collect();
        let mut activities: Vec<usize> = profiles
            .iter()
            .flat_map(|p| p.services.iter().map(|s| s.activity))
            .collect();
        activities.sort_unstable();
        activities.dedup();
        let cadres = profiles
            .into_iter()
            .map(|profile| CadrePlan {
                cadre: profile.cadre,
                profile,
                slots: profile
                    .services
                    .iter()
                    .map(|s| activities.partition_point(|&a| a < s.activity))
                    .collect(),
            })
            .collect();
        TypePlan { cadres, activities }
    }

    fn profile(&self, cadre: usize) -> Option<&'p Profile> {
        let at = self.cadres.binary_search_by_key(&cadre, |c| c.cadre).ok()?;
        Some(self.cadres[at].profile)
    }
}

/// The distinct facility type keys, sorted, and each facility's index among them (one hash a
/// facility, no key cloned).
fn facility_types(study: &Study) -> (Vec<&str>, Vec<usize>) {
    let mut first_seen: HashMap<&str, usize, foldhash::fast::FixedState> = HashMap::default();
    let of_facility: Vec<usize> = study
        .facilities
        .iter()
        .map(|f| {
            let n = first_seen.len();
            *first_seen.entry(f.type_key.as_str()).or_insert(n)
        })
        .collect();
    let mut keys: Vec<(&str, usize)> = first_seen.into_iter().collect();
    keys.sort_unstable();
    let mut sorted_index = vec![0; keys.len()];
    for (i, (_, seen)) in keys.iter().enumerate() {
        sorted_index[*seen] = i;
    }
    let of_facility = of_facility.into_iter().map(|i| sorted_index[i]).collect();
    (keys.into_iter().map(|(k, _)| k).collect(), of_facility)
}

/// Facilities computed together on one thread, and the rows of a block of them held at once
/// before they are appended (each block is a transient copy of its rows, about 1.4 MB
/// nationally: blocks of 2 048 facilities added 2-3 MB to the national run's peak RSS, for no
/// measurable time).
const PIECE: usize = 256;
const BLOCK: usize = 4 * PIECE;

/// Computes every facility row and the roll-ups. Problems that stop the computation (CAS ≥ 100,
/// a missing working time) are returned as errors; warnings go to `diag`.
pub fn compute(
    study: &Study,
    options: &ComputeOptions,
    diag: &mut Diagnostics,
) -> Result<Results, Vec<Problem>> {
    // Profiles for every (cadre, type) that a facility needs, by type then cadre.
    let (type_keys, facility_type) = facility_types(study);
    let mut built: Vec<(usize, Profile)> = Vec::new();
    let mut errors = Vec::new();
    let by_cadre = ByCadre::new(study);
    for (ti, t) in type_keys.iter().enumerate() {
        for c in 0..study.cadres.len() {
            if by_cadre.standards[c].is_empty() {
                continue;
            }
            let (rows, wt) = by_cadre.rows(study, c, t);
            match build_profile_of(study, c, t, rows, wt) {
                Ok(Some(p)) => built.push((ti, p)),
                Ok(None) => {}
                Err(e) => errors.push(e),
            }
        }
    }
    if !errors.is_empty() {
        errors.dedup_by(|a, b| a.message == b.message);
        return Err(errors);
    }
    let mut plans: Vec<TypePlan> = Vec::with_capacity(type_keys.len());
    let mut rest = &built[..];
    for ti in 0..type_keys.len() {
        let n = rest.iter().take_while(|(t, _)| *t == ti).count();
        plans.push(TypePlan::new(rest[..n].iter().map(|(_, p)| p)));
        rest = &rest[n..];
    }
    let staff = StaffByFacility::new(&study.staff, study.facilities.len());
    let facility_rows = |range: std::ops::Range<usize>| {
        facility_rows(study, options, &plans, &facility_type, &staff, range)
    };
    let profile_of = |f: usize, c: usize| plans[facility_type[f]].profile(c);
    let mut checks = Checks::new(options);
    // Blocks of facilities computed in parallel, pieces of each appended in the study's order:
    // the rows are computed once, and held once (with one block's transient copy).
    let nfacilities = study.facilities.len();
    let mut rows: Vec<ResultRow> = Vec::new();
    for start in (0..nfacilities).step_by(BLOCK) {
        let end = (start + BLOCK).min(nfacilities);
        let pieces: Vec<Vec<ResultRow>> = (start..end)
            .step_by(PIECE)
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|p| facility_rows(p..(p + PIECE).min(end)))
            .collect();
        let n: usize = pieces.iter().map(Vec::len).sum();
        reserve_rows(&mut rows, n, end, nfacilities);
        // Moved in parallel, each piece to its place after the rows so far: a copy of 42 MB on
        // one thread nationally (and the first touch of the vector's pages) was a third of the
        // computation's wall time.
        let held = rows.len();
        let mut free = &mut rows.spare_capacity_mut()[..n];
        let mut moves = Vec::with_capacity(pieces.len());
        for piece in pieces {
            let (to, rest) = free.split_at_mut(piece.len());
            moves.push((to, piece));
            free = rest;
        }
        moves.into_par_iter().for_each(|(to, piece)| {
            for (slot, row) in to.iter_mut().zip(piece) {
                slot.write(row);
            }
        });
        // SAFETY: the `n` slots after the first `held` were each written just above: the pieces'
        // lengths sum to `n`, and each piece filled the slots of its own length.
        unsafe { rows.set_len(held + n) };
        for r in &rows[held..] {
            checks.add(study, r, &profile_of);
        }
    }
    let (groups, not_finite) = checks.finish(study, diag);
    // Finite inputs can still overflow (a count near 1e308 over a requirement below 1, or sums
    // of huge volumes): refuse rather than write infinities. The first such row, facility rows
    // first (as they come before the group rows).
    if let Some(r) = not_finite.or_else(|| groups.iter().find(|r| !row_is_finite(r)).cloned()) {
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
    // Exactly: `extend` alone could double the capacity of the facility rows (42 MB of address
    // space at national scale, untouched, so not in the peak RSS) for a few hundred group rows.
    rows.reserve_exact(groups.len());
    rows.extend(groups);
    drop(plans);
    let profiles = built
        .into_iter()
        .map(|(ti, p)| ((p.cadre, type_keys[ti].to_string()), p))
        .collect();
    Ok(Results { rows, profiles })
}

/// Room for `more` rows after the facilities `..done` of `total`: the rows so far tell how many
/// the whole study will have (every national facility has its five), so the vector is sized
/// once, not doubled and copied as it grows; the guess is bounded (twice the rows held, plus
/// 64 MB) for a study whose first facilities have many more rows than the rest.
fn reserve_rows(rows: &mut Vec<ResultRow>, more: usize, done: usize, total: usize) {
    if rows.capacity() - rows.len() >= more {
        return;
    }
    let have = rows.len() + more;
    if done >= total {
        rows.reserve_exact(more);
        return;
    }
    let estimate = (have as u128 * total as u128 / done.max(1) as u128) as usize;
    let estimate = estimate.saturating_add(estimate / 32);
    let bound = have
        .saturating_mul(2)
        .saturating_add((64 << 20) / std::mem::size_of::<ResultRow>().max(1));
    let target = estimate.max(have + have / 8).min(bound).max(have);
    rows.reserve_exact(target - rows.len());
}

/// The rows of facilities `range`, in their order (study-format §4: a row per cadre with a
/// profile at the facility's type and staff or workload).
fn facility_rows<'s>(
    study: &'s Study,
    options: &ComputeOptions,
    plans: &[TypePlan],
    facility_type: &[usize],
    staff: &StaffByFacility,
    range: std::ops::Range<usize>,
) -> Vec<ResultRow> {
    // This piece's own copies of the cadre names and of the facilities' types, districts and
    // regions: clones of a name touch its count, and a name shared by both threads made its
    // cache line go back and forth between the cores.
    let mut cadre_names: HashMap<usize, Name, foldhash::fast::FixedState> = HashMap::default();
    let mut places: HashMap<&str, Name, foldhash::fast::FixedState> = HashMap::default();
    let mut place = |s: &'s Option<String>| -> Option<Name> {
        let s = s.as_deref()?;
        Some(places.entry(s).or_insert_with(|| Name::from(s)).clone())
    };
    let width = plans.iter().map(|p| p.activities.len()).max().unwrap_or(0);
    let mut volumes: Vec<Option<f64>> = vec![None; width];
    let mut rows = Vec::with_capacity(range.len() * 5);
    for f in range {
        let facility = &study.facilities[f];
        let plan = &plans[facility_type[f]];
        let volumes = &mut volumes[..plan.activities.len()];
        match study.workload.volumes.get(f) {
            Some(v) => v.get_sorted(&plan.activities, volumes),
            None => volumes.fill(None),
        }
        let mut staff_of = staff.of(f).iter().peekable();
        let mut shared: Option<[Option<Name>; 5]> = None;
        for line in &plan.cadres {
            let c = line.cadre;
            while staff_of.next_if(|e| e.0 < c).is_some() {}
            let staff = staff_of.next_if(|e| e.0 == c).map(|e| e.1);
            let has_workload = line.slots.iter().any(|&s| volumes[s].is_some());
            if !method::precedence::has_result_row(staff.is_some(), has_workload) {
                continue;
            }
            let profile = line.profile;
            let req = Requirement {
                service_staff: method::service_staff(
                    profile
                        .services
                        .iter()
                        .zip(&line.slots)
                        .map(|(s, &slot)| (volumes[slot].unwrap_or(0.0), s.standard_workload)),
                ),
                caf: profile.caf,
                iaf: profile.iaf,
            };
            let required = req.required();
            let current = staff.unwrap_or(0.0);
            let o = outcome(current, required, &options.bands);
            let [id, facility_name, facility_type, district, region] =
                shared.get_or_insert_with(|| {
                    [
                        Some(Name::from(facility.id.as_str())),
                        facility.name.as_deref().map(Name::from),
                        place(&facility.facility_type),
                        place(&facility.district),
                        place(&facility.region),
                    ]
                });
            rows.push(ResultRow {
                level: Level::Facility,
                facility_id: id.clone(),
                facility_name: facility_name.clone(),
                facility_type: facility_type.clone(),
                district: district.clone(),
                region: region.clone(),
                cadre: cadre_names
                    .entry(c)
                    .or_insert_with(|| Name::from(study.cadres[c].name.as_str()))
                    .clone(),
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
                completeness: study.workload.completeness(f),
                mean_facility_ratio: None,
                facility_index: Some(f),
                cadre_index: c,
            });
        }
    }
    rows
}

/// What is learnt from the facility rows as they are appended, in their order: the warnings
/// about missing workload and implausible ratios, and the roll-ups asked for. One pass over the
/// rows while they are in the cache, rather than one pass each over all of them afterwards.
struct Checks<'s> {
    missing: MissingWorkload<'s>,
    implausible: ImplausibleRatios,
    roll_ups: Vec<RollUp>,
    /// The first row with a number that is not finite.
    not_finite: Option<ResultRow>,
}

impl<'s> Checks<'s> {
    fn new(options: &ComputeOptions) -> Self {
        Checks {
            missing: MissingWorkload::default(),
            implausible: ImplausibleRatios::default(),
            roll_ups: options
                .by
                .iter()
                .map(|&level| RollUp::new(level, options))
                .collect(),
            not_finite: None,
        }
    }

    fn add<'p>(
        &mut self,
        study: &'s Study,
        r: &ResultRow,
        profile_of: &impl Fn(usize, usize) -> Option<&'p Profile>,
    ) {
        self.missing.add(study, r, profile_of);
        self.implausible.add(study, r, profile_of);
        for roll_up in &mut self.roll_ups {
            roll_up.add(r);
        }
        if self.not_finite.is_none() && !row_is_finite(r) {
            self.not_finite = Some(r.clone());
        }
    }

    /// The warnings; the group rows of each level in the order asked, and the first facility row
    /// that is not finite.
    fn finish(self, study: &Study, diag: &mut Diagnostics) -> (Vec<ResultRow>, Option<ResultRow>) {
        self.missing.finish(study, diag);
        self.implausible.finish(study, diag);
        let groups = self
            .roll_ups
            .into_iter()
            .flat_map(|r| r.finish(study))
            .collect();
        (groups, self.not_finite)
    }
}

/// Ratios outside what any real staffing gives (below 0.1 or above 10 with staff in post) are
/// usually one mistyped standard (a delivery time typed in h instead of min makes the requirement
/// 60 times too large): a warning per standard names it and the facilities it affects.
pub const RATIO_PLAUSIBLE: (f64, f64) = (0.1, 10.0);

/// The rows of ratios outside [`RATIO_PLAUSIBLE`], gathered in the rows' order.
#[derive(Default)]
struct ImplausibleRatios {
    /// standard → (facility, ratio, share of A) for the low ratios.
    low: BTreeMap<usize, Vec<(String, f64, f64)>>,
    /// cadre → (facility, ratio) for the high ones.
    high: BTreeMap<usize, Vec<(String, f64)>>,
}

impl ImplausibleRatios {
    fn add<'p>(
        &mut self,
        study: &Study,
        r: &ResultRow,
        profile_of: &impl Fn(usize, usize) -> Option<&'p Profile>,
    ) {
        let (Some(f), Some(ratio)) = (r.facility_index, r.wisn_ratio) else {
            return;
        };
        if r.current_staff <= 0.0 || (RATIO_PLAUSIBLE.0..=RATIO_PLAUSIBLE.1).contains(&ratio) {
            return;
        }
        let facility = &study.facilities[f];
        let Some(p) = profile_of(f, r.cadre_index) else {
            return;
        };
        if ratio > RATIO_PLAUSIBLE.1 {
            // No workload for the cadre's services at all is said by its own warnings
            // (staff_without_workload, cadre_without_workload).
            if p.service_staff(study, f) <= 0.0 {
                return;
            }
            self.high
                .entry(r.cadre_index)
                .or_default()
                .push((facility.id.clone(), ratio));
            return;
        }
        let a = p.service_staff(study, f);
        if a <= 0.0 {
            return;
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
            self.low
                .entry(standard)
                .or_default()
                .push((facility.id.clone(), ratio, share));
        }
    }

    fn finish(self, study: &Study, diag: &mut Diagnostics) {
        for (standard, hits) in self.low {
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
        for (c, hits) in self.high {
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
}

/// Facilities with staff but no workload at all, and cadres whose service activities have no
/// workload at a facility, gathered in the rows' order.
#[derive(Default)]
struct MissingWorkload<'s> {
    staff_no_workload: Vec<&'s str>,
    /// The last facility put in `staff_no_workload` (a facility's rows are consecutive).
    last: Option<usize>,
    by_cadre: BTreeMap<usize, Vec<&'s str>>,
}

impl<'s> MissingWorkload<'s> {
    fn add<'p>(
        &mut self,
        study: &'s Study,
        r: &ResultRow,
        profile_of: &impl Fn(usize, usize) -> Option<&'p Profile>,
    ) {
        let Some(f) = r.facility_index else { return };
        let facility = &study.facilities[f];
        let has_any = study.workload.volumes.get(f).is_some_and(|v| !v.is_empty());
        if !has_any {
            if self.last != Some(f) {
                self.last = Some(f);
                self.staff_no_workload.push(&facility.id);
            }
            return;
        }
        if r.service_staff == Some(0.0)
            && profile_of(f, r.cadre_index).is_some_and(|p| !p.services.is_empty())
        {
            self.by_cadre
                .entry(r.cadre_index)
                .or_default()
                .push(&facility.id);
        }
    }

    fn finish(self, study: &Study, diag: &mut Diagnostics) {
        let list = |ids: &[&str]| {
            let s = ids.iter().take(20).copied().collect::<Vec<_>>().join(", ");
            if ids.len() > 20 {
                m::and_more(ids.len() - 20).map(|more| format!("{s}{more}"))
            } else {
                crate::diag::Msg::new(s.clone(), s)
            }
        };
        if !self.staff_no_workload.is_empty() {
            diag.warn(
                Problem::warning(
                    Code::StaffWithoutWorkload,
                    m::staff_without_workload(
                        self.staff_no_workload.len(),
                        &list(&self.staff_no_workload),
                    ),
                )
                .hint(m::add_their_workload()),
            );
        }
        for (c, ids) in self.by_cadre {
            diag.warn(Problem::warning(
                Code::CadreWithoutWorkload,
                m::cadre_without_workload(&study.cadres[c].name, ids.len(), &list(&ids)),
            ));
        }
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
    let mut r = RollUp::new(level, options);
    for row in rows {
        r.add(row);
    }
    r.finish(study)
}

/// The sums of the groups of one level, added one facility row at a time in the rows' order
/// (so every sum is the same, bit for bit, however the rows were made). A group is found by a
/// hash of its name, without cloning it; sorted by name once at the end.
struct RollUp {
    level: Level,
    bands: Bands,
    rounding: Rounding,
    /// Group name → its index in `names`.
    index: HashMap<Option<Name>, usize, foldhash::fast::FixedState>,
    names: Vec<Option<Name>>,
    /// (group, cadre) → sums.
    accs: HashMap<(usize, usize), GroupAcc, foldhash::fast::FixedState>,
    /// Facility type as written → its key (the facility-type level groups by key).
    type_keys: HashMap<Name, Name, foldhash::fast::FixedState>,
}

#[derive(Default)]
struct GroupAcc {
    sums: method::rollup::GroupSums,
    regions: Vec<Option<Name>>,
    type_name: Option<Name>,
}

impl RollUp {
    fn new(level: Level, options: &ComputeOptions) -> Self {
        RollUp {
            level,
            bands: options.bands,
            rounding: options.rounding,
            index: HashMap::default(),
            names: Vec::new(),
            accs: HashMap::default(),
            type_keys: HashMap::default(),
        }
    }

    fn group(&mut self, name: &Option<Name>) -> usize {
        if let Some(&g) = self.index.get(name) {
            return g;
        }
        let g = self.names.len();
        self.names.push(name.clone());
        self.index.insert(name.clone(), g);
        g
    }

    fn add(&mut self, r: &ResultRow) {
        if r.level != Level::Facility {
            return;
        }
        let g = match self.level {
            Level::Facility => return,
            Level::District => self.group(&r.district),
            Level::Region => self.group(&r.region),
            Level::FacilityType => {
                let k = r
                    .facility_type
                    .as_ref()
                    .map(|t| match self.type_keys.get(t) {
                        Some(k) => k.clone(),
                        None => {
                            let k = Name::from(key(t));
                            self.type_keys.insert(t.clone(), k.clone());
                            k
                        }
                    });
                self.group(&k)
            }
            Level::National => self.group(&None),
        };
        let acc = self.accs.entry((g, r.cadre_index)).or_default();
        acc.sums
            .add(r.current_staff, r.required_staff, r.wisn_ratio);
        if !acc.regions.contains(&r.region) {
            acc.regions.push(r.region.clone());
        }
        if acc.type_name.is_none() {
            acc.type_name = r.facility_type.clone();
        }
    }

    fn finish(self, study: &Study) -> Vec<ResultRow> {
        let RollUp {
            level,
            bands,
            rounding,
            names,
            accs,
            ..
        } = self;
        let mut groups: Vec<((usize, usize), GroupAcc)> = accs.into_iter().collect();
        groups
            .sort_unstable_by(|((g, c), _), ((h, d), _)| names[*g].cmp(&names[*h]).then(c.cmp(d)));
        groups
            .into_iter()
            .map(|((g, c), acc)| {
                let group = names[g].clone();
                let o = acc.sums.outcome(&bands);
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
                    required_rounded: round_staff(acc.sums.required, rounding),
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
}

#[cfg(test)]
mod tests {
    //! The structures of [`compute`] (staff by facility, volumes read in one walk, rows built in
    //! pieces and blocks, warnings and roll-ups as accumulators) against the plain lookups and
    //! the passes over all the rows that they replaced.
    use super::*;
    use crate::method::{ServiceUnit, WorkingTime};
    use crate::model::{Activity, Cadre, Facility, Standard, Volumes, WorkingTimeRow};
    use proptest::prelude::*;

    /// A small deterministic generator (xorshift), so that one seed is one study.
    struct Rng(u64);
    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n.max(1) as u64) as usize
        }
    }

    fn standard(
        cadre: usize,
        type_key: &str,
        component: Component,
        activity: Option<usize>,
        value: f64,
        unit: StandardUnit,
    ) -> Standard {
        Standard {
            cadre,
            type_key: type_key.into(),
            component,
            activity_name: format!("{activity:?}"),
            activity,
            value,
            unit,
            staff: 1.0,
            range: None,
            location: Default::default(),
        }
    }

    /// A random study of `nfacilities` facilities: cadres without standards, with support only,
    /// with rows for one type only; facilities of three types (two spellings of one), some
    /// without volumes, some volumes 0; staff rows for facilities and cadres out of range too.
    fn random_study(seed: u64, nfacilities: usize) -> Study {
        let mut r = Rng(seed | 1);
        let ncadres = 1 + r.below(6);
        let nactivities = 1 + r.below(12);
        let mut s = Study::default();
        for c in 0..ncadres {
            s.cadres.push(Cadre {
                name: format!("Cadre {c}"),
                key: format!("cadre{c}"),
            });
            s.working_time.push(WorkingTimeRow {
                cadre: c,
                type_key: String::new(),
                time: WorkingTime {
                    days_per_week: 5.0,
                    hours_per_day: 8.0,
                    public_holidays: 10.0,
                    annual_leave: 22.0,
                    sick_leave: 5.0,
                    other_leave: 5.0,
                },
                location: Default::default(),
            });
        }
        for a in 0..nactivities {
            s.activities.push(Activity {
                name: format!("A{a}"),
                key: format!("a{a}"),
            });
        }
        let service = StandardUnit::Service(ServiceUnit::MinutesPerUnit);
        for c in 0..ncadres {
            if r.below(5) == 0 {
                continue;
            }
            let blank = r.below(4) != 0;
            for _ in 0..r.below(5) {
                let t = if blank { "" } else { "b" };
                s.standards.push(standard(
                    c,
                    t,
                    Component::Service,
                    Some(r.below(nactivities)),
                    1.0 + r.below(60) as f64,
                    service,
                ));
            }
            if r.below(3) == 0 {
                for _ in 0..1 + r.below(2) {
                    s.standards.push(standard(
                        c,
                        "a",
                        Component::Service,
                        Some(r.below(nactivities)),
                        1.0 + r.below(60) as f64,
                        service,
                    ));
                }
            }
            if r.below(2) == 0 {
                s.standards.push(standard(
                    c,
                    "",
                    Component::Support,
                    None,
                    5.0,
                    StandardUnit::Allowance(AllowanceUnit::Percent),
                ));
            }
        }
        let types = [
            ("", None),
            ("a", Some("A")),
            ("a", Some("a ")),
            ("b", Some("B")),
        ];
        for f in 0..nfacilities {
            let (type_key, spelling) = types[r.below(types.len())];
            s.facilities.push(Facility {
                id: format!("F{f}"),
                name: (r.below(3) != 0).then(|| format!("Facility {f}")),
                facility_type: spelling.map(str::to_string),
                type_key: type_key.into(),
                district: (r.below(6) != 0).then(|| format!("D{}", r.below(5))),
                region: (r.below(6) != 0).then(|| format!("R{}", r.below(3))),
                ..Default::default()
            });
        }
        let with_volumes = nfacilities.saturating_sub(r.below(3));
        for _ in 0..with_volumes {
            let mut v = Volumes::default();
            for _ in 0..r.below(nactivities + 2) {
                let x = if r.below(8) == 0 {
                    0.0
                } else {
                    r.below(5000) as f64 / 4.0
                };
                v.add(r.below(nactivities), x);
            }
            s.workload.volumes.push(v);
        }
        s.workload.monthly = r.below(2) == 0;
        s.workload.months = (0..with_volumes).map(|_| r.below(13) as u32).collect();
        for _ in 0..r.below(nfacilities * ncadres + 3) {
            let key = (r.below(nfacilities + 2), r.below(ncadres + 1));
            s.staff.insert(key, r.below(30) as f64);
        }
        s
    }

    /// The rows as the plain lookups give them: every facility, every cadre, the staff map and
    /// a binary search per service line.
    fn plain_rows(s: &Study, results: &Results) -> Vec<(usize, usize, u64, u64, u64, Option<u64>)> {
        let mut want = Vec::new();
        for (f, facility) in s.facilities.iter().enumerate() {
            for c in 0..s.cadres.len() {
                let Some(p) = results.profiles.get(&(c, facility.type_key.clone())) else {
                    continue;
                };
                let staff = s.staff.get(&(f, c)).copied();
                let has_workload = p
                    .services
                    .iter()
                    .any(|l| s.workload.volume(f, l.activity).is_some());
                if !method::precedence::has_result_row(staff.is_some(), has_workload) {
                    continue;
                }
                let req = p.requirement(s, f);
                let current = staff.unwrap_or(0.0);
                want.push((
                    f,
                    c,
                    current.to_bits(),
                    req.required().to_bits(),
                    req.service_staff.to_bits(),
                    s.workload.completeness(f).map(f64::to_bits),
                ));
            }
        }
        want
    }

    /// The passes over all the rows that `Checks` replaced, as they were.
    fn plain_checks(
        study: &Study,
        rows: &[ResultRow],
        profiles: &HashMap<(usize, String), Profile>,
        options: &ComputeOptions,
    ) -> (Vec<Problem>, Vec<ResultRow>) {
        let mut diag = Diagnostics::default();
        let has_any: Vec<bool> = study
            .workload
            .volumes
            .iter()
            .map(|v| !v.is_empty())
            .collect();
        let mut staff_no_workload: Vec<&str> = Vec::new();
        let mut by_cadre: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
        let mut seen_facility = vec![false; study.facilities.len()];
        let mut implausible = ImplausibleRatios::default();
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
        let missing = MissingWorkload {
            staff_no_workload,
            last: None,
            by_cadre,
        };
        missing.finish(study, &mut diag);
        let profile_of =
            |f: usize, c: usize| profiles.get(&(c, study.facilities[f].type_key.clone()));
        for r in rows {
            implausible.add(study, r, &profile_of);
        }
        implausible.finish(study, &mut diag);
        let mut groups = Vec::new();
        for level in &options.by {
            groups.extend(plain_roll_up(study, rows, *level, options));
        }
        (diag.problems, groups)
    }

    /// `roll_up` as it was: a `BTreeMap` by (group name, cadre).
    fn plain_roll_up(
        study: &Study,
        rows: &[ResultRow],
        level: Level,
        options: &ComputeOptions,
    ) -> Vec<ResultRow> {
        let mut groups: BTreeMap<(Option<Name>, usize), GroupAcc> = BTreeMap::new();
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
                    Level::District => (
                        group,
                        if acc.regions.len() == 1 {
                            acc.regions[0].clone()
                        } else {
                            None
                        },
                        None,
                    ),
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

    /// `compute` on a random study gives the plain lookups' rows, names, warnings and group
    /// rows, bit for bit.
    fn check_against_plain(seed: u64, nfacilities: usize) -> Result<(), TestCaseError> {
        let s = random_study(seed, nfacilities);
        let options = ComputeOptions {
            by: vec![
                Level::Region,
                Level::FacilityType,
                Level::District,
                Level::National,
            ],
            ..Default::default()
        };
        let mut diag = Diagnostics::default();
        let results = compute(&s, &options, &mut diag).expect("computed");
        let facility_rows: Vec<ResultRow> = results
            .rows
            .iter()
            .filter(|r| r.level == Level::Facility)
            .cloned()
            .collect();
        let got: Vec<_> = facility_rows
            .iter()
            .map(|r| {
                (
                    r.facility_index.unwrap(),
                    r.cadre_index,
                    r.current_staff.to_bits(),
                    r.required_staff.to_bits(),
                    r.service_staff.unwrap().to_bits(),
                    r.completeness.map(f64::to_bits),
                )
            })
            .collect();
        prop_assert_eq!(got, plain_rows(&s, &results));
        for r in &facility_rows {
            let f = &s.facilities[r.facility_index.unwrap()];
            prop_assert_eq!(r.facility_id.as_deref(), Some(f.id.as_str()));
            prop_assert_eq!(r.facility_name.as_deref(), f.name.as_deref());
            prop_assert_eq!(r.facility_type.as_deref(), f.facility_type.as_deref());
            prop_assert_eq!(r.district.as_deref(), f.district.as_deref());
            prop_assert_eq!(r.region.as_deref(), f.region.as_deref());
            prop_assert_eq!(&*r.cadre, s.cadres[r.cadre_index].name.as_str());
        }
        let (problems, groups) = plain_checks(&s, &facility_rows, &results.profiles, &options);
        prop_assert_eq!(diag.problems, problems);
        prop_assert_eq!(&results.rows[facility_rows.len()..], &groups[..]);
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn rows_warnings_and_groups_as_the_plain_lookups(seed in any::<u64>(), n in 0usize..40) {
            check_against_plain(seed, n)?;
        }

        /// A facility's entries are the map's, by cadre; a facility out of range has none.
        #[test]
        fn staff_by_facility_holds_the_map(
            entries in proptest::collection::vec(((0usize..25, 0usize..9), 0u8..20), 0..120),
            nfacilities in 0usize..22,
        ) {
            let map: HashMap<(usize, usize), f64> = entries.into_iter().map(|(k, x)| (k, f64::from(x))).collect();
            let view = StaffByFacility::new(&map, nfacilities);
            for f in 0..nfacilities + 5 {
                let mut want: Vec<(usize, f64)> = if f < nfacilities {
                    map.iter().filter(|(k, _)| k.0 == f).map(|(k, x)| (k.1, *x)).collect()
                } else {
                    Vec::new()
                };
                want.sort_by_key(|e| e.0);
                prop_assert_eq!(view.of(f), &want[..]);
            }
        }
    }

    /// Across blocks and pieces: more facilities than a block holds, the rows in order.
    #[test]
    fn many_facilities_as_the_plain_lookups() {
        for seed in [3, 41] {
            check_against_plain(seed, 2 * BLOCK + 300).unwrap();
        }
    }

    /// A study of one cadre (one service activity, `minutes` a unit) and facilities with these
    /// (staff, volume).
    fn one_cadre(minutes: f64, facilities: &[(f64, f64)]) -> Study {
        let mut s = random_study(1, 0);
        s.cadres = vec![Cadre {
            name: "Sage-femme".into(),
            key: "sage_femme".into(),
        }];
        s.working_time.truncate(1);
        s.activities = vec![Activity {
            name: "A0".into(),
            key: "a0".into(),
        }];
        let unit = StandardUnit::Service(ServiceUnit::MinutesPerUnit);
        s.standards = vec![standard(0, "", Component::Service, Some(0), minutes, unit)];
        s.staff.clear();
        for (f, &(staff, volume)) in facilities.iter().enumerate() {
            s.facilities.push(Facility {
                id: format!("F{f}"),
                ..Default::default()
            });
            s.workload.volumes.push([(0, volume)].into());
            s.staff.insert((f, 0), staff);
        }
        s
    }

    fn too_large(place: crate::diag::Msg) -> Vec<Problem> {
        vec![
            Problem::error(Code::TooLarge, m::result_too_large("Sage-femme", &place))
                .hint(m::check_counts_and_volumes()),
        ]
    }

    /// The first row that is not finite is refused, facility rows before group rows.
    #[test]
    fn the_first_infinite_row_is_refused() {
        // 10^7 minutes a unit: a standard workload below 1, so 1e308 units overflow.
        let s = one_cadre(1e7, &[(1.0, 10.0), (1.0, 1e308), (1.0, 1e308)]);
        let err = compute(&s, &ComputeOptions::default(), &mut Diagnostics::default()).unwrap_err();
        assert_eq!(err, too_large(m::at_facility("F1")));
        // Each facility finite, their national sum not.
        let s = one_cadre(1e7, &[(1e10, 1e306), (1e10, 1e306)]);
        let options = ComputeOptions {
            by: vec![Level::District, Level::National],
            ..Default::default()
        };
        let mut diag = Diagnostics::default();
        assert!(compute(&s, &ComputeOptions::default(), &mut diag).is_ok());
        let err = compute(&s, &options, &mut diag).unwrap_err();
        assert_eq!(err, too_large(m::in_roll_up("district")));
    }

    /// The vector is sized from the rows so far, never below what it must hold, and never far
    /// beyond twice that for a study whose first facilities have many more rows than the rest.
    #[test]
    fn reserve_rows_guesses_within_bounds() {
        let mut rows: Vec<ResultRow> = Vec::new();
        reserve_rows(&mut rows, 5 * BLOCK, BLOCK, 20 * BLOCK);
        assert!(
            rows.capacity() >= 5 * 20 * BLOCK,
            "every facility like the first"
        );
        assert!(rows.capacity() <= 5 * 20 * BLOCK * 33 / 32 + 1);
        let mut rows: Vec<ResultRow> = Vec::new();
        reserve_rows(&mut rows, 1000, 1, 1_000_000_000);
        let bound = 2000 + (64 << 20) / std::mem::size_of::<ResultRow>();
        assert!(rows.capacity() >= 1000 && rows.capacity() <= bound + 16);
        let mut rows: Vec<ResultRow> = Vec::new();
        reserve_rows(&mut rows, 7, 10, 10);
        assert!(rows.capacity() >= 7);
    }
}
