//! `wisn compute STUDY`: read the study, compute, print or write the results.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::common::{print_problems, report_errors, PresentationArgs, StudyArgs};
use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE};
use crate::engine::{ComputeOptions, Level};
use crate::method::{Bands, Rounding};
use crate::output::Output;
use crate::report::{Format, Report, ReportSettings};

#[derive(Debug, Args)]
pub struct ComputeArgs {
    #[command(flatten)]
    pub study: StudyArgs,
    /// Output format (default: table, or what the -o file name says: .csv, .json, .xlsx, .html).
    /// xlsx and html need -o (or a pipe).
    #[arg(long, short = 'f', value_enum)]
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
    if let Err(e) = args.study.check() {
        eprintln!("error: {e}");
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    if args.by.contains(&Level::Facility) {
        eprintln!("error: --by facility: facility rows are always written; --by takes district, region, facility_type or national");
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(Format::from_path))
        .unwrap_or(Format::Table);
    let lang = args.presentation.lang();
    let to_stdout = args
        .output
        .as_deref()
        .map_or(true, |p| p == std::path::Path::new("-"));
    if format.needs_file() && to_stdout && std::io::stdout().is_terminal() {
        let ext = if format == Format::Xlsx {
            "xlsx"
        } else {
            "html"
        };
        eprintln!("error: --format {ext} writes a file, not text for the terminal: give a file name (-o rapport.{ext}) or redirect the output");
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    if let Err(e) = crate::report::dhis2::check_args(format, args.study.period.as_deref()) {
        eprintln!("error: {e}");
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    let planning = args.scenario.is_some() || args.uncertainty.is_some();
    if planning && matches!(format, Format::Dhis2Csv | Format::Dhis2Json) {
        eprintln!("error: --format dhis2-csv|dhis2-json writes compute results only: leave out --scenario and --uncertainty, or choose csv, json, xlsx, html or table");
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
                eprintln!("error: {e}");
                return Ok(ExitCode::from(EXIT_FAILED));
            }
            Some(o)
        }
    };
    // Open the output first: a bad path fails before the long work.
    let output = match Output::prepare(args.output.as_deref()) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e:#}");
            return Ok(ExitCode::from(EXIT_FAILED));
        }
    };
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
    let scenario_rows = match &args.scenario {
        Some(arg) => {
            let table =
                crate::study::discover::table_arg_for(arg, Some(&crate::study::schema::SCENARIO));
            let rows =
                crate::study::scenario::read_scenarios(&table, read.csv, &builder, &mut diag);
            if diag.has_errors() {
                spinner.finish();
                report_errors(&diag);
                return Ok(ExitCode::from(EXIT_FAILED));
            }
            Some(rows)
        }
        None => None,
    };
    let study = builder.study;
    let computed = pool.install(|| crate::engine::compute(&study, &options, &mut diag));
    spinner.finish();
    let results = match computed {
        Ok(r) => r,
        Err(problems) => {
            print_problems(&problems);
            return Ok(ExitCode::from(EXIT_FAILED));
        }
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
        match pool.install(|| {
            crate::plan::plan(
                &study,
                &results,
                scenario_rows.as_deref(),
                uncertainty.as_ref(),
                &options,
                &load,
                &mut diag,
            )
        }) {
            Ok(p) => Some(p),
            Err(problems) => {
                print_problems(&problems);
                return Ok(ExitCode::from(EXIT_FAILED));
            }
        }
    } else {
        None
    };
    let Ok(warnings) = args.presentation.report_warnings(&diag) else {
        return Ok(ExitCode::from(EXIT_FAILED));
    };
    let to_terminal = matches!(output, Output::Stdout) && std::io::stdout().is_terminal();
    let settings = ReportSettings {
        color: to_terminal && std::env::var_os("NO_COLOR").is_none(),
        width: if to_terminal { terminal_width() } else { None },
        french_csv: args.presentation.french_csv(),
        lang,
        bands: args.bands,
        rounding: args.round,
        period: args.study.period.clone(),
    };
    if let Some(plan) = &plan {
        let table = plan.table();
        let title = if args.scenario.is_some() {
            "WISN — scenarios"
        } else {
            "WISN — uncertainty of the standards"
        };
        let bytes =
            crate::report::planning::serialize(&table, format, &settings, &warnings, title)?;
        output.finish(&bytes)?;
        return Ok(ExitCode::from(EXIT_OK));
    }
    let report = Report {
        study: &study,
        results: &results,
        warnings,
        settings: &settings,
    };
    let bytes = format.exporter().serialize(&report)?;
    output.finish(&bytes)?;
    Ok(ExitCode::from(EXIT_OK))
}

/// `COLUMNS` when set; otherwise comfy-table asks the terminal itself.
fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok())
}
