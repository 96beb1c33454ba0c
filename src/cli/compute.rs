//! `wisn compute STUDY`: read the study, compute, print or write the results.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::common::{open_output, report_errors, PresentationArgs, StudyArgs};
use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE};
use crate::engine::{ComputeOptions, Level};
use crate::method::{Bands, Rounding};
use crate::report::{ComputeReport, Format, Report, ReportSettings};

#[derive(Debug, Args)]
pub struct ComputeArgs {
    #[command(flatten)]
    pub study: StudyArgs,
    /// Output format (default: table, or what the -o file name says: .csv, .json, .xlsx, .html).
    /// xlsx and html need -o (or a pipe).
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = Format::parser(ComputeReport::FORMATS))]
    pub format: Option<Format>,
    /// Write to this file (atomically: nothing is written when the run fails).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Add roll-up rows by district, region, facility_type or national (repeatable).
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub by: Vec<Level>,
    /// How required_rounded rounds the requirement.
    #[arg(long, value_enum, default_value_t = Rounding::Nearest)]
    pub round: Rounding,
    /// Ratio bands of the status: shortage below LOW, excess above HIGH.
    #[arg(long, value_name = "LOW,HIGH", default_value = "0.9,1.1")]
    pub bands: Bands,
    /// Worker threads (default: one per core). Results are identical whatever the number.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    #[command(flatten)]
    pub presentation: PresentationArgs,
}

pub fn run(args: ComputeArgs) -> anyhow::Result<ExitCode> {
    if let Err(e) = args.study.check() {
        eprintln!("error: {e}");
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    if args.by.contains(&Level::Facility) {
        eprintln!("error: --by facility: facility rows are always written; --by takes district, region, facility_type or national");
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    let lang = args.presentation.lang();
    // Decide the format and open the output first: a bad path fails before the long work.
    let (format, output) = match open_output::<ComputeReport>(args.format, args.output.as_deref()) {
        Ok(o) => o,
        Err(code) => return Ok(code),
    };
    if let Err(e) = crate::report::compute::dhis2::check_args(format, args.study.period.as_deref())
    {
        eprintln!("error: {e}");
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()?;
    let read = args.study.read_options();
    let options = ComputeOptions {
        bands: args.bands,
        rounding: args.round,
        by: args.by.clone(),
    };
    let spinner = super::progress::Spinner::start(std::io::stderr().is_terminal(), lang);
    let (builder, mut diag) = pool.install(|| crate::study::load(&read));
    spinner.computing();
    if diag.has_errors() {
        spinner.finish();
        report_errors(&diag);
        return Ok(ExitCode::from(EXIT_FAILED));
    }
    let study = builder.study;
    let computed = pool.install(|| crate::engine::compute(&study, &options, &mut diag));
    spinner.finish();
    let results = match super::common::computed(computed) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    let Ok(warnings) = args.presentation.report_warnings(&diag) else {
        return Ok(ExitCode::from(EXIT_FAILED));
    };
    let settings = ReportSettings {
        rounding: args.round,
        period: args.study.period.clone(),
        ..args.presentation.settings(&output, args.bands)
    };
    let report = ComputeReport {
        study: &study,
        results: &results,
        warnings,
        settings: &settings,
    };
    let bytes = crate::report::serialize(&report, format)?;
    output.finish(&bytes)?;
    Ok(ExitCode::from(EXIT_OK))
}
