//! The WISN method, pure: no I/O, no formatting. This is the module an analyst audits against
//! the WHO manual and `docs/wisn-method.md`; the names are the manual's names.
//!
//! - [`awt`]: available working time (AWT) from the working-time row of a cadre.
//! - [`units`]: the units of activity standards and how a time per period becomes hours a year.
//! - [`allowance`]: standard workload (SW), health-service staff (A), category allowance (CAS →
//!   CAF) and individual allowance (IAS → IAF).
//! - [`results`]: required staff, difference, WISN ratio, workload pressure, status, rounding, and
//!   the mean of facility ratios.
//! - [`rollup`]: group rows as a ratio of sums (district, region, facility type, national).
//! - [`precedence`]: facility-type precedence of standards and working time, and which
//!   facility × cadre rows exist.
//! - [`allocate`]: where new posts go (study-format §7.2): max-min, one post at a time.
//! - [`redistribute`]: transfers from excess to shortage (study-format §7.3).
//! - [`surge`]: COVID-19 treatment sites (wisn-method §7): load, staff on duty, headcount.
//! - [`scenario`]: what a scenario's factors and staff changes do (study-format §7.4).
//! - [`projection`]: least-squares trend and compound growth of annual workload (§7.5), and the
//!   12 / months scale of `--annualize`.
//! - [`uncertainty`]: triangular draws of the standards and exact quantiles (§7.6).

pub mod allocate;
pub mod allowance;
pub mod awt;
pub mod precedence;
pub mod projection;
pub mod redistribute;
pub mod results;
pub mod rollup;
pub mod scenario;
pub mod surge;
pub mod uncertainty;
pub mod units;

pub use allowance::{caf, cas_percent, iaf, service_staff, standard_workload, Requirement};
pub use awt::{Awt, WorkingTime};
pub use results::{mean_of_ratios, outcome, round_staff, Bands, Outcome, Rounding, Status};
pub use units::{AllowanceUnit, Period, ServiceUnit, TimeUnit};

/// A computation the method refuses, rather than produce a guess, `NaN` or infinity.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MethodError {
    #[error(
        "working days are {0} (≤ 0): days per week × 52 minus holidays and leave must be positive"
    )]
    NoWorkingDays(f64),
    #[error("hours per day are {0} (≤ 0)")]
    NoHoursPerDay(f64),
    #[error("days per week are {0} (must be above 0 and at most 7)")]
    BadDaysPerWeek(f64),
    #[error("a standard of {0} is not usable (standards must be above 0)")]
    StandardNotPositive(f64),
    #[error("the support activities (CAS) add up to {0:.4} % of working time: they must stay below 100 %")]
    CasAtLeast100(f64),
    #[error("a negative value ({0}) is not allowed here")]
    Negative(f64),
}
