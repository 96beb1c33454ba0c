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

/// Workload aggregated while it was read: annual volume per facility and activity.
#[derive(Debug, Clone, Default)]
pub struct Workload {
    /// `volumes[facility]`: activity → volume, for the activities some row reported (sparse: a
    /// workload of many facilities × many activities reports few of the pairs).
    pub volumes: Vec<std::collections::BTreeMap<usize, f64>>,
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
        self.volumes.get(facility)?.get(&activity).copied()
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
