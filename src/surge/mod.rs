//! `wisn surge`: COVID-19 treatment sites (study-format §5, wisn-method §7). From the patients
//! of each site by severity, each day, the staff each cadre needs on duty and the headcount that
//! keeps them there round the clock, against the staff assigned to the site.
//!
//! - [`schema`]: the tables `covid_standards`, `census`, `admissions`, `covid_staff`.
//! - [`dates`]: the dates of the census (`2020-06-01`, `01/06/2020`, ISO week `2020W23`).
//! - [`read`]: reading and checking a surge study (CSV or workbook, through the ordinary reader).
//! - [`compute`]: rows per date × site × cadre, roll-ups, summaries (formulas in
//!   [`crate::method::surge`]).
//! - [`report`]: table, CSV, JSON, xlsx and html (with a line chart per cadre).
//!
//! ```no_run
//! use wisn::surge;
//! let read = wisn::study::ReadOptions { study: Some("data/covid".into()), ..Default::default() };
//! let (study, diag) = surge::read::load(&read, &[None; 4]);
//! assert!(!diag.has_errors());
//! let results = surge::compute::compute(&study, &Default::default()).unwrap();
//! for row in results.rows_of(surge::compute::SurgeLevel::Summary) {
//!     println!("{:?} {} peak {:?}", row.facility_id, row.cadre, row.peak_headcount);
//! }
//! ```

pub mod compute;
pub mod dates;
pub mod read;
pub mod report;
pub mod schema;

use crate::diag::Diagnostics;
use crate::study::ReadOptions;

/// Every check `wisn surge` makes before it writes anything, in one list: the reader's (every
/// table, the date, span and stay bounds), then, when the study reads without error, the
/// computation's (a cadre without working time for a site's type) and the non-finite check
/// ([`compute::non_finite`]) on the results of `options`. Returns the results when there is no
/// error. `wisn surge` runs it with its options and writes the results; `wisn validate` runs it
/// with the default options on a surge study and only lists the problems.
pub fn check(
    read: &ReadOptions,
    length_of_stay: &[Option<u32>; 4],
    options: &compute::SurgeOptions,
) -> (read::SurgeStudy, Option<compute::SurgeResults>, Diagnostics) {
    let (study, mut diag) = read::load(read, length_of_stay);
    if diag.has_errors() {
        return (study, None, diag);
    }
    let results = match compute::compute(&study, options) {
        Ok(r) => r,
        Err(problems) => {
            for p in problems {
                diag.error(p);
            }
            return (study, None, diag);
        }
    };
    if let Some(problem) = compute::non_finite(&results) {
        diag.error(problem);
        return (study, None, diag);
    }
    (study, Some(results), diag)
}
