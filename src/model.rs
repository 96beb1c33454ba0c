//! Plain data: a study once read, in typed form. No I/O and no formatting here; the readers in
//! [`crate::study`] build it and the engine in [`crate::engine`] computes from it.

use std::collections::HashMap;

use crate::diag::Location;
use crate::method::{AllowanceUnit, ServiceUnit, WorkingTime};

/// A health facility (CSCom, CSRéf, hospital, ...).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facility {
    pub id: String,
    pub name: Option<String>,
    /// The type as written (`CSRéf`).
    pub facility_type: Option<String>,
    /// The type's comparison key (`csref`); empty when unknown.
    pub type_key: String,
    pub district: Option<String>,
    pub region: Option<String>,
    /// DHIS2 org unit, when the facilities table gives one.
    pub orgunit: Option<String>,
    /// True when the facility is in the facilities table (not only met in staff or workload).
    pub listed: bool,
}

/// A staff category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cadre {
    /// Display name: the spelling of the standards table (else the first met).
    pub name: String,
    /// Comparison key, see [`crate::names::key`].
    pub key: String,
}

/// A health-service activity (the key between standards and workload).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub name: String,
    /// Normalised name.
    pub key: String,
}

/// The three components of activity standards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Component {
    /// Health-service activity, with a service standard.
    Service,
    /// Support activity of the whole cadre: category allowance standard (CAS).
    Support,
    /// Additional activity of some staff: individual allowance standard (IAS).
    Additional,
}

impl Component {
    /// Reads a component name, English or French.
    pub fn parse(normalised: &str) -> Option<Component> {
        match normalised {
            "service" | "services" | "prestation" | "prestations" | "soins"
            | "activite_de_sante" | "activites_de_sante" | "health_service" | "sante" => {
                Some(Component::Service)
            }
            "support" | "soutien" | "cas" | "category_allowance" | "activite_de_soutien" => {
                Some(Component::Support)
            }
            "additional"
            | "supplementaire"
            | "additionnelle"
            | "additionnel"
            | "individuelle"
            | "ias"
            | "individual"
            | "individual_allowance"
            | "activite_supplementaire" => Some(Component::Additional),
            _ => None,
        }
    }
    pub fn as_str(&self) -> &'static str {
        match self {
            Component::Service => "service",
            Component::Support => "support",
            Component::Additional => "additional",
        }
    }
}

/// The unit of a standard, by component.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StandardUnit {
    Service(ServiceUnit),
    Allowance(AllowanceUnit),
}

/// One row of the standards table.
#[derive(Debug, Clone, PartialEq)]
pub struct Standard {
    pub cadre: usize,
    /// Facility-type key; empty for a row that applies to every type.
    pub type_key: String,
    pub component: Component,
    pub activity_name: String,
    /// The activity index for service rows.
    pub activity: Option<usize>,
    pub value: f64,
    pub unit: StandardUnit,
    /// Staff doing an additional activity (default 1).
    pub staff: f64,
    /// `standard_low`, `standard_high` (same unit; low ≤ value ≤ high), when the row gives them:
    /// the range of the uncertainty analysis (study-format §7.6).
    pub range: Option<(f64, f64)>,
    pub location: Location,
}

/// One row of the working_time table.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkingTimeRow {
    pub cadre: usize,
    pub type_key: String,
    pub time: WorkingTime,
    pub location: Location,
}

/// The volumes of one facility: activity → volume, in activity order (as a `BTreeMap` gives
/// them). Most facilities report most of a study's few activities, in any order (the study
/// numbers activities as the standards name them, grouped by cadre; a workload lists them by
/// code): the volumes are then a vector indexed by activity, found and added without a search
/// (a `BTreeMap` here was 0.09 s of the national read's merge; a vector sorted by activity, with
/// its inserts in the middle, 170 instructions an activity). The vector holds activities below
/// 64, or below four times its entries; a facility whose activities are few among many (each
/// facility its own, say) keeps them in a vector sorted by activity instead, and past 256 met out
/// of order in a `BTreeMap`: never facilities × activities, never O(n²).
#[derive(Clone, Default)]
pub struct Volumes(VolumeRepr);

#[derive(Clone)]
enum VolumeRepr {
    /// By activity index, and how many are there.
    Dense(Vec<Option<f64>>, usize),
    Sorted(Vec<(usize, f64)>),
    Tree(std::collections::BTreeMap<usize, f64>),
}

impl Default for VolumeRepr {
    fn default() -> Self {
        VolumeRepr::Dense(Vec::new(), 0)
    }
}

/// Above this many activities a facility's volumes, met out of order, go into a `BTreeMap`.
const SORTED_MAX: usize = 256;

/// A dense vector grows to an activity index below this, or below four times its entries.
const DENSE_MIN: usize = 64;

/// The (activity, volume) of a [`Volumes`], in activity order.
pub struct VolumeIter<'a>(IterRepr<'a>);

enum IterRepr<'a> {
    Dense(std::iter::Enumerate<std::slice::Iter<'a, Option<f64>>>),
    Sorted(std::slice::Iter<'a, (usize, f64)>),
    Tree(std::collections::btree_map::Iter<'a, usize, f64>),
}

impl Iterator for VolumeIter<'_> {
    type Item = (usize, f64);
    fn next(&mut self) -> Option<(usize, f64)> {
        match &mut self.0 {
            IterRepr::Dense(it) => it.find_map(|(a, x)| x.map(|x| (a, x))),
            IterRepr::Sorted(it) => it.next().copied(),
            IterRepr::Tree(it) => it.next().map(|(a, x)| (*a, *x)),
        }
    }
}

/// The (activity, volume) of a [`Volumes`], in activity order, the volumes to change.
pub struct VolumeIterMut<'a>(IterMutRepr<'a>);

enum IterMutRepr<'a> {
    Dense(std::iter::Enumerate<std::slice::IterMut<'a, Option<f64>>>),
    Sorted(std::slice::IterMut<'a, (usize, f64)>),
    Tree(std::collections::btree_map::IterMut<'a, usize, f64>),
}

impl<'a> Iterator for VolumeIterMut<'a> {
    type Item = (usize, &'a mut f64);
    fn next(&mut self) -> Option<(usize, &'a mut f64)> {
        match &mut self.0 {
            IterMutRepr::Dense(it) => it.find_map(|(a, x)| x.as_mut().map(|x| (a, x))),
            IterMutRepr::Sorted(it) => it.next().map(|(a, x)| (*a, x)),
            IterMutRepr::Tree(it) => it.next().map(|(a, x)| (*a, x)),
        }
    }
}

impl Volumes {
    /// The volume of an activity.
    pub fn get(&self, activity: usize) -> Option<f64> {
        match &self.0 {
            VolumeRepr::Dense(v, _) => v.get(activity).copied().flatten(),
            VolumeRepr::Sorted(v) => v
                .binary_search_by_key(&activity, |e| e.0)
                .ok()
                .map(|i| v[i].1),
            VolumeRepr::Tree(t) => t.get(&activity).copied(),
        }
    }

    /// The volumes of many activities at once: `out[i]` = `self.get(activities[i])`, for
    /// `activities` sorted ascending (repeats allowed). Looked up by index in a dense vector; one
    /// walk of the sorted vector when it is
    /// not much longer than `activities` (the engine asks for a facility type's service
    /// activities: a facility's 50 volumes against its 50 activities were 50 binary searches,
    /// 31 % of the computation's own time nationally); else a binary search of what remains after
    /// the previous hit, so a facility with 10^5 volumes costs a few searches, not a walk.
    pub fn get_sorted(&self, activities: &[usize], out: &mut [Option<f64>]) {
        assert_eq!(activities.len(), out.len(), "one answer per activity");
        match &self.0 {
            VolumeRepr::Dense(v, _) => {
                for (a, o) in activities.iter().zip(out.iter_mut()) {
                    *o = v.get(*a).copied().flatten();
                }
            }
            VolumeRepr::Sorted(v) if v.len() <= 4 * activities.len() + 16 => {
                // Most often a facility reports exactly the activities asked: compare, copy.
                if v.len() == activities.len() && v.iter().zip(activities).all(|(e, a)| e.0 == *a) {
                    for (o, e) in out.iter_mut().zip(v) {
                        *o = Some(e.1);
                    }
                    return;
                }
                let mut i = 0;
                for (a, o) in activities.iter().zip(out.iter_mut()) {
                    while i < v.len() && v[i].0 < *a {
                        i += 1;
                    }
                    *o = v.get(i).filter(|e| e.0 == *a).map(|e| e.1);
                }
            }
            VolumeRepr::Sorted(v) => {
                let mut rest: &[(usize, f64)] = v;
                for (a, o) in activities.iter().zip(out.iter_mut()) {
                    let at = rest.partition_point(|e| e.0 < *a);
                    rest = &rest[at..];
                    *o = rest.first().filter(|e| e.0 == *a).map(|e| e.1);
                }
            }
            VolumeRepr::Tree(t) => {
                for (a, o) in activities.iter().zip(out.iter_mut()) {
                    *o = t.get(a).copied();
                }
            }
        }
    }

    /// The entry of an activity, added with volume 0 when new.
    fn slot(&mut self, activity: usize) -> &mut f64 {
        // Leaves the dense vector when the activity is far past its entries.
        if let VolumeRepr::Dense(v, n) = &self.0 {
            if activity >= v.len() && activity >= DENSE_MIN && activity >= 4 * (n + 1) {
                let sorted = v
                    .iter()
                    .enumerate()
                    .filter_map(|(a, x)| x.map(|x| (a, x)))
                    .collect();
                self.0 = VolumeRepr::Sorted(sorted);
            }
        }
        // Where in the sorted vector (None: it becomes a tree first).
        let at = match &self.0 {
            VolumeRepr::Sorted(v) => match v.last() {
                None => Some(0),
                Some(&(a, _)) if a < activity => Some(v.len()),
                Some(&(a, _)) if a == activity => Some(v.len() - 1),
                _ => match v.binary_search_by_key(&activity, |e| e.0) {
                    Ok(i) => Some(i),
                    Err(i) => (v.len() < SORTED_MAX).then_some(i),
                },
            },
            _ => Some(0),
        };
        if at.is_none() {
            if let VolumeRepr::Sorted(v) = &self.0 {
                self.0 = VolumeRepr::Tree(v.iter().copied().collect());
            }
        }
        match &mut self.0 {
            VolumeRepr::Dense(v, n) => {
                if v.len() <= activity {
                    // To the next power of two: 64 slots for a study's 50 activities, not the
                    // 82 that doubling 41 gives (12 MB on the national study).
                    let want = (activity + 1).next_power_of_two();
                    v.reserve_exact(want - v.len());
                    v.resize(activity + 1, None);
                }
                let e = &mut v[activity];
                if e.is_none() {
                    *n += 1;
                }
                e.get_or_insert(0.0)
            }
            VolumeRepr::Sorted(v) => {
                let at = at.unwrap_or(v.len()).min(v.len());
                if v.get(at).map_or(true, |e| e.0 != activity) {
                    v.insert(at, (activity, 0.0));
                }
                &mut v[at].1
            }
            VolumeRepr::Tree(t) => t.entry(activity).or_insert(0.0),
        }
    }

    /// Adds a volume to an activity's (0 when new), as `*map.entry(a).or_insert(0.0) += v`.
    pub fn add(&mut self, activity: usize, volume: f64) {
        *self.slot(activity) += volume;
    }

    /// Sets an activity's volume.
    pub fn insert(&mut self, activity: usize, volume: f64) {
        *self.slot(activity) = volume;
    }

    pub fn clear(&mut self) {
        self.0 = VolumeRepr::default();
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn len(&self) -> usize {
        match &self.0 {
            VolumeRepr::Dense(_, n) => *n,
            VolumeRepr::Sorted(v) => v.len(),
            VolumeRepr::Tree(t) => t.len(),
        }
    }

    /// (activity, volume) in activity order.
    pub fn iter(&self) -> VolumeIter<'_> {
        VolumeIter(match &self.0 {
            VolumeRepr::Dense(v, _) => IterRepr::Dense(v.iter().enumerate()),
            VolumeRepr::Sorted(v) => IterRepr::Sorted(v.iter()),
            VolumeRepr::Tree(t) => IterRepr::Tree(t.iter()),
        })
    }

    /// (activity, volume) in activity order, the volumes to change.
    pub fn iter_mut(&mut self) -> VolumeIterMut<'_> {
        VolumeIterMut(match &mut self.0 {
            VolumeRepr::Dense(v, _) => IterMutRepr::Dense(v.iter_mut().enumerate()),
            VolumeRepr::Sorted(v) => IterMutRepr::Sorted(v.iter_mut()),
            VolumeRepr::Tree(t) => IterMutRepr::Tree(t.iter_mut()),
        })
    }

    pub fn keys(&self) -> impl Iterator<Item = usize> + '_ {
        self.iter().map(|(a, _)| a)
    }

    pub fn values(&self) -> impl Iterator<Item = f64> + '_ {
        self.iter().map(|(_, x)| x)
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut f64> + '_ {
        self.iter_mut().map(|(_, x)| x)
    }
}

impl PartialEq for Volumes {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl std::fmt::Debug for Volumes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl FromIterator<(usize, f64)> for Volumes {
    /// Later entries of an activity replace earlier ones, as in a map.
    fn from_iter<I: IntoIterator<Item = (usize, f64)>>(iter: I) -> Self {
        let mut v = Volumes::default();
        for (a, x) in iter {
            v.insert(a, x);
        }
        v
    }
}

impl<const N: usize> From<[(usize, f64); N]> for Volumes {
    fn from(entries: [(usize, f64); N]) -> Self {
        entries.into_iter().collect()
    }
}

impl<'a> IntoIterator for &'a Volumes {
    type Item = (usize, f64);
    type IntoIter = VolumeIter<'a>;
    fn into_iter(self) -> VolumeIter<'a> {
        self.iter()
    }
}

/// Workload aggregated while it was read: annual volume per facility and activity.
#[derive(Debug, Clone, Default)]
pub struct Workload {
    /// `volumes[facility]`: activity → volume, for the activities some row reported (sparse: a
    /// workload of many facilities × many activities reports few of the pairs).
    pub volumes: Vec<Volumes>,
    /// Distinct months reported per facility (only meaningful when `monthly`).
    pub months: Vec<u32>,
    /// True when the table has periods and every period is a month.
    pub monthly: bool,
    /// Rows read.
    pub rows: u64,
    /// The years of the periods counted (empty when the table has no periods).
    pub years: std::collections::BTreeSet<i32>,
    /// Monthly history, kept only when the read asked for it (`wisn project`).
    pub history: Option<History>,
}

/// Workload by calendar year, for projection (study-format §7.5): kept while the workload is
/// read, from its monthly rows only.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// (facility, activity, year) → volume summed over that year's months.
    pub totals: std::collections::BTreeMap<(usize, usize, i32), f64>,
    /// Facility → the distinct months it reported (`year × 12 + month − 1`), any activity.
    pub months: std::collections::BTreeMap<usize, std::collections::BTreeSet<u32>>,
}

impl History {
    /// Months a facility reported in a year.
    pub fn months_in(&self, facility: usize, year: i32) -> u32 {
        let Ok(y) = u32::try_from(year) else { return 0 };
        self.months
            .get(&facility)
            .map_or(0, |set| set.range(y * 12..(y + 1) * 12).count() as u32)
    }
    /// The latest year with a monthly row anywhere.
    pub fn last_year(&self) -> Option<i32> {
        self.months
            .values()
            .filter_map(|s| s.last())
            .max()
            .map(|m| (m / 12) as i32)
    }
}

impl Workload {
    pub fn volume(&self, facility: usize, activity: usize) -> Option<f64> {
        self.volumes.get(facility)?.get(activity)
    }
    /// Completeness of a facility: months reported / 12 (when periods are monthly).
    pub fn completeness(&self, facility: usize) -> Option<f64> {
        self.monthly
            .then(|| f64::from(self.months.get(facility).copied().unwrap_or(0)) / 12.0)
    }
}

/// A study, read and checked, ready to compute.
#[derive(Debug, Clone, Default)]
pub struct Study {
    pub facilities: Vec<Facility>,
    pub cadres: Vec<Cadre>,
    pub activities: Vec<Activity>,
    pub working_time: Vec<WorkingTimeRow>,
    pub standards: Vec<Standard>,
    pub workload: Workload,
    /// Staff in post per (facility, cadre); a key present with 0 is a staff row of 0. Hashed
    /// with foldhash (150 000 pairs nationally, filled and read once a row): the keys are indices,
    /// never chosen by someone to collide, so SipHash's protection buys nothing here.
    pub staff: HashMap<(usize, usize), f64, foldhash::fast::FixedState>,
    /// Whether the study has a facilities table.
    pub has_facilities_table: bool,
    /// The `dhis2_export` table (study-format §6), when the study has one.
    pub dhis2_export: Option<Vec<Dhis2ExportRule>>,
}

/// One row of the `dhis2_export` table: which result of which cadre goes to which DHIS2 data
/// element (and category option combo).
#[derive(Debug, Clone, PartialEq)]
pub struct Dhis2ExportRule {
    /// The output column exported: `required_staff`, `current_staff`, `difference`,
    /// `wisn_ratio`, `workload_pressure_pct` or `required_rounded`.
    pub indicator: &'static str,
    pub cadre: usize,
    pub data_element: String,
    pub category_option_combo: Option<String>,
}

/// The working-time row of a cadre at a facility type: the type's own row, else the blank one.
pub fn working_time_for(study: &Study, cadre: usize, type_key: &str) -> Option<usize> {
    let own = study
        .working_time
        .iter()
        .enumerate()
        .filter(|(_, w)| w.cadre == cadre)
        .map(|(i, w)| (i, w.type_key.as_str()));
    crate::method::precedence::working_time_row(own, type_key)
}

#[cfg(test)]
mod tests {
    use super::Volumes;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    proptest! {
        /// `Volumes` answers as the `BTreeMap` it replaced, whether it stays a sorted vector
        /// (activities met mostly in order) or becomes a tree (many met out of order).
        #[test]
        fn volumes_behave_as_a_btreemap(
            ops in proptest::collection::vec((0usize..600, -5i32..50, 0u8..4), 0..1500),
            ascending in any::<bool>(),
        ) {
            let mut ops = ops;
            if ascending {
                ops.sort_by_key(|o| o.0);
            }
            let mut v = Volumes::default();
            let mut m: BTreeMap<usize, f64> = BTreeMap::new();
            for (a, x, op) in ops {
                let x = f64::from(x) / 4.0;
                match op {
                    0 | 1 => {
                        v.add(a, x);
                        *m.entry(a).or_insert(0.0) += x;
                    }
                    2 => {
                        v.insert(a, x);
                        m.insert(a, x);
                    }
                    _ => {
                        for (_, y) in v.iter_mut() {
                            *y *= 2.0;
                        }
                        for y in m.values_mut() {
                            *y *= 2.0;
                        }
                    }
                }
                prop_assert_eq!(v.get(a), m.get(&a).copied());
            }
            prop_assert_eq!(v.len(), m.len());
            prop_assert_eq!(v.is_empty(), m.is_empty());
            let got: Vec<(usize, u64)> = v.iter().map(|(a, x)| (a, x.to_bits())).collect();
            let want: Vec<(usize, u64)> = m.iter().map(|(a, x)| (*a, x.to_bits())).collect();
            prop_assert_eq!(&got, &want);
            let by_ref: Vec<(usize, u64)> = (&v).into_iter().map(|(a, x)| (a, x.to_bits())).collect();
            prop_assert_eq!(&by_ref, &want);
            prop_assert_eq!(v.keys().collect::<Vec<_>>(), m.keys().copied().collect::<Vec<_>>());
            for a in 0..600 {
                prop_assert_eq!(v.get(a), m.get(&a).copied());
            }
            let rebuilt: Volumes = m.iter().map(|(a, x)| (*a, *x)).collect();
            prop_assert_eq!(&rebuilt, &v);
        }
    }

    proptest! {
        /// `get_sorted` answers as `get` for every activity asked, on short and long vectors
        /// (the walk and the searches) and on trees, with repeats and activities absent.
        #[test]
        fn get_sorted_answers_as_get(
            entries in proptest::collection::vec((0usize..400, -5i32..50), 0..600),
            asked in proptest::collection::vec(0usize..420, 0..80),
            reversed in any::<bool>(),
            exactly in any::<bool>(),
        ) {
            let mut entries = entries;
            if reversed {
                entries.sort_by_key(|e| std::cmp::Reverse(e.0));
            }
            let mut v = Volumes::default();
            for (a, x) in entries {
                v.add(a, f64::from(x));
            }
            let mut asked = asked;
            if exactly {
                // The fast path: exactly the facility's activities.
                asked = v.keys().collect();
            }
            asked.sort_unstable();
            let mut out = vec![Some(-1.0); asked.len()];
            v.get_sorted(&asked, &mut out);
            let want: Vec<Option<f64>> = asked.iter().map(|&a| v.get(a)).collect();
            prop_assert_eq!(out, want);
        }
    }

    #[test]
    fn volumes_take_the_shape_their_activities_ask_for() {
        // Many activities met out of order, far past the entries: a tree.
        let mut v = Volumes::default();
        for a in (0..1000).rev() {
            v.add(a, 1.0);
        }
        assert!(matches!(v.0, super::VolumeRepr::Tree(_)));
        assert_eq!(v.keys().collect::<Vec<_>>(), (0..1000).collect::<Vec<_>>());
        // The study's few activities, in any order: a dense vector.
        let mut w = Volumes::default();
        for a in (0..60).map(|a| (a * 7) % 60) {
            w.add(a, 1.0);
        }
        assert!(matches!(w.0, super::VolumeRepr::Dense(..)));
        assert_eq!(w.keys().collect::<Vec<_>>(), (0..60).collect::<Vec<_>>());
        // Then more, in order: still dense (never more than 4 slots an entry).
        for a in 60..1000 {
            w.add(a, 1.0);
        }
        assert!(matches!(w.0, super::VolumeRepr::Dense(..)));
        assert_eq!(v, w);
        // A few activities among many: a sorted vector.
        let mut x = Volumes::default();
        for a in (0..100).map(|a| a * 1000) {
            x.add(a, 1.0);
        }
        assert!(matches!(x.0, super::VolumeRepr::Sorted(_)));
        assert_eq!(x.len(), 100);
        assert_eq!(x.get(5000), Some(1.0));
        assert_eq!(x.get(5001), None);
    }
}
