//! COVID-19 treatment sites: surge staffing (wisn-method §7), pure.
//!
//! ```text
//! load      = Σ_severity patients_s / patients_per_staff(cadre, s)     (staff needed on duty at once)
//!           = Σ_severity patients_s × hours_per_patient_day(cadre, s) / 24
//! on_duty   = max(ceil(load), min_on_duty(cadre)) when the site has patients, else 0
//! headcount = on_duty × 24 × 365 / AWT_hours(cadre)
//! available = assigned × (1 − absence_rate)
//! ```
//! then difference, ratio and status of `available` against `headcount` as in §5
//! ([`super::outcome`]). `ceil` is exact: a load within 1e-9 of a whole number is that number, so
//! 3/2 + 3/2 is 3 on duty, not 4.
//!
//! Admissions become a census with a length of stay per severity: a patient admitted on day d is
//! counted on days d … d + LOS − 1 ([`census_from_admissions`]).

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use super::results::{outcome, Bands, Outcome};

/// Hours in a day: a staff member covering `p` patients on a shift gives each `24 / p` hours of
/// care per patient-day.
pub const HOURS_PER_DAY: f64 = 24.0;
/// Hours in a year of round-the-clock cover: 24 × 365.
pub const HOURS_PER_YEAR: f64 = 24.0 * 365.0;
/// How far from a whole number a load may be and still be that number.
pub const CEIL_TOLERANCE: f64 = 1e-9;

/// The clinical severity of COVID-19 patients (WHO clinical management classes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Mild,
    Moderate,
    Severe,
    Critical,
}

impl Severity {
    /// In output order (`patients_mild` … `patients_critical`).
    pub const ALL: [Severity; 4] = [
        Severity::Mild,
        Severity::Moderate,
        Severity::Severe,
        Severity::Critical,
    ];

    /// The English machine word (`mild`, ...).
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::Mild => "mild",
            Severity::Moderate => "moderate",
            Severity::Severe => "severe",
            Severity::Critical => "critical",
        }
    }

    /// The French word (`légère`, ...).
    pub fn french(&self) -> &'static str {
        match self {
            Severity::Mild => "légère",
            Severity::Moderate => "modérée",
            Severity::Severe => "sévère",
            Severity::Critical => "critique",
        }
    }

    /// Index in [`Severity::ALL`].
    pub fn index(&self) -> usize {
        *self as usize
    }

    /// Reads a severity from an already normalised name (see [`crate::names::normalise`]):
    /// English or French, singular or plural, masculine or feminine (`legere`, `leger`,
    /// `moderee`, `severe`, `grave`, `critique`), optionally prefixed by `patients_`, `cas_`,
    /// `nb_`, `nombre_`, `forme_`, `admitted_` or `admis_` (headers of a wide census).
    pub fn parse_normalised(normalised: &str) -> Option<Severity> {
        let mut name = normalised;
        for prefix in [
            "patients_",
            "patient_",
            "cas_",
            "nb_",
            "nombre_de_",
            "nombre_",
            "formes_",
            "forme_",
            "admitted_",
            "admissions_",
            "admis_",
        ] {
            if let Some(rest) = name.strip_prefix(prefix) {
                name = rest;
                break;
            }
        }
        match name {
            "mild" | "legere" | "leger" | "legeres" | "legers" => Some(Severity::Mild),
            "moderate" | "moderee" | "modere" | "moderees" | "moderes" => Some(Severity::Moderate),
            "severe" | "severes" | "grave" | "graves" => Some(Severity::Severe),
            "critical" | "critique" | "critiques" => Some(Severity::Critical),
            _ => None,
        }
    }

    /// Reads a severity as written (normalises first).
    pub fn parse(text: &str) -> Option<Severity> {
        Severity::parse_normalised(&crate::names::normalise(text))
    }
}

/// Patients (or admissions) by severity, indexed by [`Severity::index`].
pub type BySeverity = [f64; 4];

/// `patients_per_staff` from `hours_per_patient_day`: `p = 24 / h`.
pub fn patients_per_staff_from_hours(hours_per_patient_day: f64) -> f64 {
    HOURS_PER_DAY / hours_per_patient_day
}

/// The staff needed on duty at once: `Σ patients_s / patients_per_staff_s`. A severity without
/// a standard (`None`) adds 0; so does an infinite ratio (0 care hours per patient-day).
pub fn load(patients: &BySeverity, patients_per_staff: &[Option<f64>; 4]) -> f64 {
    patients
        .iter()
        .zip(patients_per_staff)
        .map(|(n, p)| match p {
            Some(p) if p.is_finite() => n / p,
            _ => 0.0,
        })
        .sum()
}

/// `ceil`, exact: a value within [`CEIL_TOLERANCE`] of a whole number is that number
/// (floating-point noise such as 3.0000000000000004 does not add a person).
pub fn exact_ceil(value: f64) -> f64 {
    let nearest = value.round();
    if (value - nearest).abs() <= CEIL_TOLERANCE {
        nearest
    } else {
        value.ceil()
    }
}

/// Staff on duty: `max(ceil(load), min_on_duty)` when the site has patients, else 0.
pub fn on_duty(load: f64, min_on_duty: f64, has_patients: bool) -> f64 {
    if !has_patients {
        return 0.0;
    }
    exact_ceil(load).max(min_on_duty)
}

/// People needed to keep `on_duty` staff on duty round the clock all year:
/// `on_duty × 24 × 365 / AWT_hours`.
pub fn headcount(on_duty: f64, awt_hours: f64) -> f64 {
    on_duty * HOURS_PER_YEAR / awt_hours
}

/// Staff available: `assigned × (1 − absence_rate)`.
pub fn available(assigned: f64, absence_rate: f64) -> f64 {
    assigned * (1.0 - absence_rate)
}

/// Difference, ratio and status of the available staff against the headcount needed
/// (wisn-method §5: ratio `None` when needed is 0; status `excess` then if staff are available,
/// else none).
pub fn compare(available: f64, needed: f64, bands: &Bands) -> Outcome {
    outcome(available, needed, bands)
}

/// A site's census from its admissions: a patient admitted on day d with severity s is counted
/// on days d … d + LOS_s − 1. The days run from the first admissions row to the last day a
/// patient is still counted (every day in between, 0 when nobody is in; never before the first
/// row). Errors with the first severity that has admissions but no length of stay.
pub fn census_from_admissions(
    admissions: &BTreeMap<NaiveDate, BySeverity>,
    length_of_stay: &[Option<u32>; 4],
) -> Result<BTreeMap<NaiveDate, BySeverity>, Severity> {
    let mut census: BTreeMap<NaiveDate, BySeverity> = BTreeMap::new();
    let Some(first) = admissions.keys().next().copied() else {
        return Ok(census);
    };
    // Every day from the first admissions row to the later of the last admissions row and the
    // last day a patient is still counted (study-format §5): a last row of 0 admissions counts.
    let mut last = admissions.keys().next_back().copied().unwrap_or(first);
    for (&day, admitted) in admissions {
        for s in Severity::ALL {
            let n = admitted[s.index()];
            if n <= 0.0 {
                continue;
            }
            let los = match length_of_stay[s.index()] {
                Some(los) if los > 0 => los,
                _ => return Err(s),
            };
            for k in 0..u64::from(los) {
                let Some(d) = day.checked_add_days(Days::new(k)) else {
                    break;
                };
                census.entry(d).or_insert([0.0; 4])[s.index()] += n;
                last = last.max(d);
            }
        }
    }
    let mut day = first;
    while day <= last {
        census.entry(day).or_insert([0.0; 4]);
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    Ok(census)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn ceil_is_exact() {
        // 3/2 + 3/2 = 3 on duty, whatever the rounding of the sum.
        assert_eq!(exact_ceil(1.5 + 1.5), 3.0);
        assert_eq!(exact_ceil(0.1 + 0.2 + 2.7), 3.0); // 3.0000000000000004
        assert_eq!(exact_ceil(3.0 + 2e-9), 4.0);
        assert_eq!(exact_ceil(2.9999999995), 3.0);
        assert_eq!(exact_ceil(0.0), 0.0);
        assert_eq!(exact_ceil(0.01), 1.0);
    }

    #[test]
    fn load_and_on_duty() {
        // 10 moderate at 4 per nurse + 3 severe at 2 per nurse = 2.5 + 1.5 = 4.
        let l = load(&[0.0, 10.0, 3.0, 0.0], &[None, Some(4.0), Some(2.0), None]);
        assert_eq!(l, 4.0);
        assert_eq!(on_duty(l, 0.0, true), 4.0);
        // A severity without a standard adds 0; min_on_duty only when there are patients.
        let l = load(&[5.0, 0.0, 0.0, 0.0], &[None, Some(4.0), Some(2.0), None]);
        assert_eq!(l, 0.0);
        assert_eq!(on_duty(l, 2.0, true), 2.0);
        assert_eq!(on_duty(0.0, 2.0, false), 0.0);
        // h = 6 hours per patient-day is 24 / 6 = 4 patients per staff.
        assert_eq!(patients_per_staff_from_hours(6.0), 4.0);
        assert_eq!(
            load(
                &[0.0, 1.0, 0.0, 0.0],
                &[None, Some(f64::INFINITY), None, None]
            ),
            0.0
        );
    }

    #[test]
    fn headcount_and_availability() {
        // 4 on duty × 8760 h / 1752 h = 20 people.
        assert_eq!(headcount(4.0, 1752.0), 20.0);
        assert_eq!(available(20.0, 0.1), 18.0);
        let o = compare(18.0, 20.0, &Bands::default());
        assert_eq!(o.ratio, Some(0.9));
        assert_eq!(compare(0.0, 0.0, &Bands::default()).status, None);
    }

    #[test]
    fn severities_in_both_languages() {
        for (text, s) in [
            ("mild", Severity::Mild),
            ("Légère", Severity::Mild),
            ("modérée", Severity::Moderate),
            ("MODERATE", Severity::Moderate),
            ("sévère", Severity::Severe),
            ("critique", Severity::Critical),
            ("Patients critiques", Severity::Critical),
            ("patients_moderate", Severity::Moderate),
        ] {
            assert_eq!(Severity::parse(text), Some(s), "{text}");
        }
        assert_eq!(Severity::parse("asymptomatique"), None);
        assert_eq!(Severity::parse(""), None);
    }

    #[test]
    fn admissions_with_length_of_stay() {
        // 2 moderate admitted on 1 June with LOS 3: counted 1, 2, 3 June. 1 severe on 2 June
        // with LOS 2: counted 2, 3 June. The census runs 1 … 3 June.
        let mut adm = BTreeMap::new();
        adm.insert(d(2020, 6, 1), [0.0, 2.0, 0.0, 0.0]);
        adm.insert(d(2020, 6, 2), [0.0, 0.0, 1.0, 0.0]);
        let los = [None, Some(3), Some(2), None];
        let c = census_from_admissions(&adm, &los).unwrap();
        assert_eq!(
            c.into_iter().collect::<Vec<_>>(),
            vec![
                (d(2020, 6, 1), [0.0, 2.0, 0.0, 0.0]),
                (d(2020, 6, 2), [0.0, 2.0, 1.0, 0.0]),
                (d(2020, 6, 3), [0.0, 2.0, 1.0, 0.0]),
            ]
        );
        // Severe admissions without a length of stay.
        assert_eq!(
            census_from_admissions(&adm, &[None, Some(3), None, None]),
            Err(Severity::Severe)
        );
        // A gap between admissions is filled with days of 0.
        let mut adm = BTreeMap::new();
        adm.insert(d(2020, 6, 1), [1.0, 0.0, 0.0, 0.0]);
        adm.insert(d(2020, 6, 5), [1.0, 0.0, 0.0, 0.0]);
        let c = census_from_admissions(&adm, &[Some(1), None, None, None]).unwrap();
        assert_eq!(c.len(), 5);
        assert_eq!(c[&d(2020, 6, 3)], [0.0; 4]);
    }
}
