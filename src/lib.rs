//! # wisn
//!
//! The WHO **WISN** method (Workload Indicators of Staffing Need) as a library and a command-line
//! tool: read a study (facilities, working time, activity standards, workload, staff) from CSV
//! files or workbooks, compute per facility and cadre the staff required, the difference, the
//! WISN ratio, the workload pressure and the status, and roll them up by district, region,
//! facility type or nationally.
//!
//! - [`method`]: the formulas, pure (AWT, SW, A, CAS/CAF, IAS/IAF, ratio, status).
//! - [`study`]: reading a study (tables, aliases, CSV dialects, workbooks), collecting located
//!   problems in [`diag::Diagnostics`].
//! - [`engine`]: from a study to result rows, in parallel.
//! - [`report`]: the output layer (rows, formats, CSV/JSON for every command). [`cli`]: the
//!   command line. [`period`]: workload and DHIS2 periods.
//! - [`surge`]: COVID-19 treatment sites, surge staffing (`wisn surge`).
//!
//! Comments cite `study-format §N` (docs/study-format.md: the input tables and the outputs) and
//! `wisn-method §N` (docs/wisn-method.md: the formulas); docs/architecture.md says where to add
//! a format, an input source, a formula or a command.
//!
//! ```no_run
//! let read = wisn::study::ReadOptions { study: Some("data/sikasso".into()), ..Default::default() };
//! let (builder, mut diag) = wisn::study::load(&read);
//! assert!(!diag.has_errors());
//! let results = wisn::engine::compute(&builder.study, &Default::default(), &mut diag).unwrap();
//! for row in &results.rows {
//!     println!("{} {} {:.2}", row.facility_id.as_deref().unwrap_or(""), row.cadre, row.required_staff);
//! }
//! ```

// Problems travel on the error path only, where their size does not matter (`Err(Reported)`
// means "the problem is already recorded in the Diagnostics": diag::Reported).
#![allow(clippy::result_large_err)]

pub mod cli;
pub mod diag;
pub mod engine;
pub mod explain;
pub mod i18n;
pub mod memory;
pub mod messages;
pub mod method;
pub mod model;
pub mod names;
pub mod numbers;
pub mod output;
pub mod output_temp;
pub mod period;
pub mod plan;
pub mod planning;
pub mod progress;
pub mod project;
pub mod report;
pub mod scenario;
pub mod study;
pub mod surge;
pub mod template;
pub mod uncertainty;
pub mod windows;
