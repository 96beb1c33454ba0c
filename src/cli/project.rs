//! `wisn project STUDY --to YEAR | --years Y1,Y2 [--growth P]`: requirements for coming years
//! from the monthly workload history (study-format §7.5). The work is in [`crate::project`].

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::common::{open_output, print_error, report_errors, PresentationArgs, StudyArgs};
use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE};
use crate::diag::Code;
use crate::engine::{ComputeOptions, Level};
use crate::method::{Bands, Rounding};
use crate::project::{Method, ProjectOptions, Years};
use crate::report::planning::{Extra, PlanReport, PlanRow, PlanTable};
use crate::report::{Format, Report, ReportSettings};

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("years_wanted").required(true).args(["to", "years"])))]
pub struct ProjectArgs {
    #[command(flatten)]
    pub study: StudyArgs,
    /// Project every year after the last observed year up to this one.
    #[arg(long, value_name = "YEAR")]
    pub to: Option<i32>,
    /// Project these years (comma-separated).
    #[arg(long, value_name = "Y1,Y2", value_delimiter = ',')]
    pub years: Option<Vec<i32>>,
    /// Instead of the least-squares trend: the last complete year's volumes grown by P % a year.
    #[arg(long, value_name = "P", allow_hyphen_values = true)]
    pub growth: Option<f64>,
    /// Output format (default: table, or what the -o file name says: .csv, .json, .xlsx, .html).
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = Format::parser(PlanReport::FORMATS))]
    pub format: Option<Format>,
    /// Write to this file (atomically: nothing is written when the run fails).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Add roll-up rows per year by district, region, facility_type or national (repeatable).
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub by: Vec<Level>,
    /// How required_rounded rounds the requirement.
    #[arg(long, value_enum, default_value_t = Rounding::Nearest)]
    pub round: Rounding,
    /// Ratio bands of the status: shortage below LOW, excess above HIGH.
    #[arg(long, value_name = "LOW,HIGH", default_value = "0.9,1.1", value_parser = super::common::parse_bands)]
    pub bands: Bands,
    /// Worker threads (default and at most: one per core). Results are identical whatever the
    /// number.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    #[command(flatten)]
    pub presentation: PresentationArgs,
}

pub fn run(args: ProjectArgs) -> anyhow::Result<ExitCode> {
    let lang = args.presentation.lang();
    if let Err(e) = args.study.check() {
        print_error(lang, &e);
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    if args.by.contains(&Level::Facility) {
        print_error(lang, &crate::messages::cli::by_facility());
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    if let Some(p) = args.growth {
        if !(p.is_finite() && p > -100.0) {
            print_error(lang, &crate::messages::cli::bad_growth(p));
            return Ok(ExitCode::from(EXIT_FAILED));
        }
    }
    let years = match (&args.to, &args.years) {
        (Some(to), _) => Years::To(*to),
        (None, Some(list)) => Years::List(list.clone()),
        (None, None) => unreachable!("clap requires --to or --years"),
    };
    let (format, output) =
        match open_output::<PlanReport>(lang, args.format, args.output.as_deref()) {
            Ok(o) => o,
            Err(code) => return Ok(code),
        };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(super::common::worker_threads(args.jobs))
        .build()?;
    let mut read = args.study.read_options();
    read.keep_history = true;
    let (builder, mut diag) = pool.install(|| crate::study::load(&read));
    // Months per facility over the whole history are what compute warns about; projection
    // counts them per year and says which years it left out.
    diag.problems
        .retain(|p| !matches!(p.code, Code::MoreThan12Months | Code::IncompleteMonths));
    if diag.has_errors() {
        report_errors(lang, &diag);
        return Ok(ExitCode::from(EXIT_FAILED));
    }
    let study = builder.study;
    let compute = ComputeOptions {
        bands: args.bands,
        rounding: args.round,
        by: args.by.clone(),
    };
    let options = ProjectOptions {
        years,
        method: args.growth.map_or(Method::Trend, Method::Growth),
        annualize: args.study.annualize,
    };
    let projected = pool.install(|| crate::project::project(&study, &options, &compute, &mut diag));
    let projected = match super::common::computed(lang, projected) {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let Ok(warnings) = args.presentation.report_warnings(&diag) else {
        return Ok(ExitCode::from(EXIT_FAILED));
    };
    let table = PlanTable {
        before: vec!["year"],
        after: Vec::new(),
        rows: projected
            .iter()
            .flat_map(|(year, results)| {
                results.rows.iter().map(move |row| PlanRow {
                    before: vec![Extra::Integer(i64::from(*year))],
                    row,
                    after: Vec::new(),
                    interval: None,
                })
            })
            .collect(),
    };
    let settings = ReportSettings {
        rounding: args.round,
        study_name: args
            .study
            .study
            .as_deref()
            .map(crate::report::study_name)
            .unwrap_or_default(),
        ..args.presentation.settings(&output, args.bands)
    };
    let report = PlanReport {
        table,
        warnings,
        settings: &settings,
        title: "WISN — projection",
    };
    // In the pool: big outputs are formatted in blocks on its threads (`--jobs`).
    let bytes = pool.install(|| crate::report::serialize(&report, format))?;
    output.finish(&bytes)?;
    Ok(ExitCode::from(EXIT_OK))
}
