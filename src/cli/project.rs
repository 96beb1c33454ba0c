//! `wisn project STUDY --to YEAR | --years Y1,Y2 [--growth P]`: requirements for coming years
//! from the monthly workload history (study-format §7.5). The work is in [`crate::project`].

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::common::{print_problems, report_errors, PresentationArgs, StudyArgs};
use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE};
use crate::engine::{ComputeOptions, Level};
use crate::method::{Bands, Rounding};
use crate::output::Output;
use crate::project::{Method, ProjectOptions, Years};
use crate::report::planning::{Extra, PlanRow, PlanTable};
use crate::report::{Format, ReportSettings};

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
    #[arg(long, short = 'f', value_enum)]
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
    #[arg(long, value_name = "LOW,HIGH", default_value = "0.9,1.1")]
    pub bands: Bands,
    /// Worker threads (default: one per core). Results are identical whatever the number.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    #[command(flatten)]
    pub presentation: PresentationArgs,
}

pub fn run(args: ProjectArgs) -> anyhow::Result<ExitCode> {
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
    if matches!(format, Format::Dhis2Csv | Format::Dhis2Json) {
        eprintln!(
            "error: wisn project writes csv, json, xlsx, html or table, not the DHIS2 formats"
        );
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    let to_stdout = args
        .output
        .as_deref()
        .map_or(true, |p| p == std::path::Path::new("-"));
    if format.needs_file() && to_stdout && std::io::stdout().is_terminal() {
        eprintln!("error: --format xlsx|html writes a file, not text for the terminal: give a file name (-o projection.xlsx) or redirect the output");
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    if let Some(p) = args.growth {
        if !(p.is_finite() && p > -100.0) {
            eprintln!("error: --growth {p}: the growth is a percentage a year above −100 (e.g. 3 for +3 % a year)");
            return Ok(ExitCode::from(EXIT_FAILED));
        }
    }
    let years = match (&args.to, &args.years) {
        (Some(to), _) => Years::To(*to),
        (None, Some(list)) => Years::List(list.clone()),
        (None, None) => unreachable!("clap requires --to or --years"),
    };
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
    let mut read = args.study.read_options();
    read.keep_history = true;
    let lang = args.presentation.lang();
    let (builder, mut diag) = pool.install(|| crate::study::load(&read));
    // Months per facility over the whole history are what compute warns about; projection
    // counts them per year and says which years it left out.
    diag.problems
        .retain(|p| !matches!(p.code, "more_than_12_months" | "incomplete_months"));
    if diag.has_errors() {
        report_errors(&diag);
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
    let projected =
        match pool.install(|| crate::project::project(&study, &options, &compute, &mut diag)) {
            Ok(p) => p,
            Err(problems) => {
                print_problems(&problems);
                return Ok(ExitCode::from(EXIT_FAILED));
            }
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
    let to_terminal = matches!(output, Output::Stdout) && std::io::stdout().is_terminal();
    let settings = ReportSettings {
        color: false,
        width: if to_terminal {
            std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok())
        } else {
            None
        },
        french_csv: args.presentation.french_csv(),
        lang,
        bands: args.bands,
        rounding: args.round,
        period: None,
    };
    let bytes = crate::report::planning::serialize(
        &table,
        format,
        &settings,
        &warnings,
        "WISN — projection",
    )?;
    output.finish(&bytes)?;
    Ok(ExitCode::from(EXIT_OK))
}
