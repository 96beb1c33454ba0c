//! `wisn compute STUDY`: read the study, compute, print or write the results.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::common::{open_output, print_error, report_errors, PresentationArgs, StudyArgs};
use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE};
use crate::engine::{ComputeOptions, Level};
use crate::messages::cli as m;
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
    #[arg(long, value_name = "LOW,HIGH", default_value = "0.9,1.1", value_parser = super::common::parse_bands)]
    pub bands: Bands,
    /// Worker threads (default and at most: one per core). Results are identical whatever the
    /// number.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Scenarios (a table `scenario`: volume_factor, standard_factor, staff_change with
    /// selectors): the baseline results, then each scenario's, with the change in required staff.
    /// A file, or FILE#Sheet of a workbook.
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<String>,
    /// Uncertainty of the standards: N draws of every standard with a range (standard_low,
    /// standard_high, or --standard-spread) from a triangular distribution; adds required_p05,
    /// required_p50, required_p95 and p_shortage.
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub uncertainty: Option<i64>,
    /// Seed of the draws: the same seed gives the same numbers, whatever --jobs.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// Range of every standard without standard_low/standard_high: ±P % (with --uncertainty).
    #[arg(
        long,
        value_name = "P",
        allow_hyphen_values = true,
        requires = "uncertainty"
    )]
    pub standard_spread: Option<f64>,
    #[command(flatten)]
    pub presentation: PresentationArgs,
}

pub fn run(args: ComputeArgs) -> anyhow::Result<ExitCode> {
    let lang = args.presentation.lang();
    if let Err(e) = args.study.check() {
        print_error(lang, &e);
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    if args.by.contains(&Level::Facility) {
        print_error(lang, &m::by_facility());
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    if let Some(out) = args.output.as_deref() {
        let known = args.format.is_some() || Format::from_path(out).is_some();
        let inputs = super::guards::input_files(&args.study.read_options(), &[]);
        if let Err(e) = super::guards::check_output(out, known, &inputs) {
            print_error(lang, &e);
            return Ok(ExitCode::from(EXIT_USAGE));
        }
    }
    // Decide the format and open the output first: a bad path fails before the long work.
    let (format, output) =
        match open_output::<ComputeReport>(lang, args.format, args.output.as_deref()) {
            Ok(o) => o,
            Err(code) => return Ok(code),
        };
    if let Err(e) = crate::report::compute::dhis2::check_args(format, args.study.period.as_deref())
    {
        print_error(lang, &e);
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    let planning = args.scenario.is_some() || args.uncertainty.is_some();
    if planning && matches!(format, Format::Dhis2Csv | Format::Dhis2Json) {
        print_error(lang, &m::dhis2_with_planning());
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    let uncertainty = match args.uncertainty {
        None => None,
        Some(n) => {
            let o = crate::uncertainty::UncertaintyOptions {
                draws: usize::try_from(n).unwrap_or(0),
                seed: args.seed,
                spread: args.standard_spread,
            };
            if let Err(e) = crate::uncertainty::check(&o) {
                print_error(lang, &e);
                return Ok(ExitCode::from(EXIT_FAILED));
            }
            Some(o)
        }
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(super::common::worker_threads(args.jobs))
        .build()?;
    let read = args.study.read_options();
    // `--by national --by national` is one roll-up, not two.
    let mut by: Vec<Level> = Vec::new();
    for level in &args.by {
        if !by.contains(level) {
            by.push(*level);
        }
    }
    let options = ComputeOptions {
        bands: args.bands,
        rounding: args.round,
        by,
    };
    let spinner = super::progress::Spinner::start(std::io::stderr().is_terminal(), lang);
    let (builder, mut diag) = pool.install(|| crate::study::load(&read));
    super::common::release_freed_memory();
    spinner.computing();
    if diag.has_errors() {
        spinner.finish();
        report_errors(lang, &diag);
        return Ok(ExitCode::from(EXIT_FAILED));
    }
    let scenario_rows = match &args.scenario {
        Some(arg) => {
            let table =
                crate::study::discover::table_arg_for(arg, Some(&crate::study::schema::SCENARIO));
            let rows =
                crate::study::scenario::read_scenarios(&table, read.csv, &builder, &mut diag);
            if diag.has_errors() {
                spinner.finish();
                report_errors(lang, &diag);
                return Ok(ExitCode::from(EXIT_FAILED));
            }
            Some(rows)
        }
        None => None,
    };
    let study = builder.study;
    let dhis2 = matches!(format, Format::Dhis2Csv | Format::Dhis2Json);
    if let Some(e) = dhis2
        .then(|| super::guards::period_mismatch(args.study.period.as_deref(), &study))
        .flatten()
    {
        print_error(lang, &e);
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    let computed = pool.install(|| crate::engine::compute(&study, &options, &mut diag));
    super::common::release_freed_memory();
    spinner.finish();
    let results = match super::common::computed(lang, computed) {
        Ok(r) => r,
        Err(code) => return Ok(code),
    };
    // A scenario that adds tables reads the study again with them (history kept, so that the
    // months of both reads are counted together).
    let load = |added: &[(&'static str, String)]| {
        let mut o = read.clone();
        o.keep_history = true;
        o.added_tables = added.to_vec();
        let (b, d) = crate::study::load(&o);
        if d.has_errors() {
            return Err(d.errors().cloned().collect::<Vec<_>>());
        }
        let mut s = b.study;
        s.workload.history = None;
        Ok((s, d))
    };
    let plan = if planning {
        let planned = pool.install(|| {
            crate::plan::plan(
                &study,
                &results,
                scenario_rows.as_deref(),
                uncertainty.as_ref(),
                &options,
                &load,
                &mut diag,
            )
        });
        match super::common::computed(lang, planned) {
            Ok(p) => Some(p),
            Err(code) => return Ok(code),
        }
    } else {
        None
    };
    let Ok(warnings) = args.presentation.report_warnings(&diag) else {
        return Ok(ExitCode::from(EXIT_FAILED));
    };
    let settings = ReportSettings {
        rounding: args.round,
        period: args.study.period.clone(),
        study_name: args
            .study
            .study
            .as_deref()
            .map(crate::report::study_name)
            .unwrap_or_default(),
        ..args.presentation.settings(&output, args.bands)
    };
    if let Some(plan) = &plan {
        let title = if args.scenario.is_some() {
            m::title_scenarios()
        } else {
            m::title_uncertainty()
        };
        let title = title.get(lang);
        let report = crate::report::planning::PlanReport {
            table: plan.table(),
            warnings,
            settings: &settings,
            title,
        };
        pool.install(|| {
            output.write_with(|out| crate::report::serialize_to(&report, format, out))
        })?;
        return Ok(ExitCode::from(EXIT_OK));
    }
    let report = ComputeReport {
        study: &study,
        results: &results,
        warnings,
        settings: &settings,
    };
    // In the pool: the CSV writer formats blocks of rows on its threads (`--jobs`).
    pool.install(|| output.write_with(|out| crate::report::serialize_to(&report, format, out)))?;
    drop(report);
    super::common::free_later((results, study));
    Ok(ExitCode::from(EXIT_OK))
}
