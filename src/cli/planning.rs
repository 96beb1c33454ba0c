//! What `wisn allocate` and `wisn redistribute` share on the command line: the study and its
//! reading options (as `compute`), the output format and file, and reading + computing the study.

use crate::diag::Reported;
use std::path::PathBuf;

use clap::Args;

use super::common::{report_errors, PresentationArgs, StudyArgs};
use crate::diag::{Diagnostics, Msg, Problem};
use crate::engine::{ComputeOptions, Results};
use crate::i18n::Lang;
use crate::method::{Bands, Rounding};
use crate::output::Output;
use crate::planning::report::AllocateReport;
use crate::report::{Format, Report, ReportSettings};
use crate::study::Builder;

/// The options both planning commands take.
#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub study: StudyArgs,
    /// Output format (default: table, or what the -o file name says: .csv, .json, .xlsx, .html).
    /// xlsx and html need -o (or a pipe).
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = Format::parser(AllocateReport::FORMATS))]
    pub format: Option<Format>,
    /// Write to this file (atomically: nothing is written when the run fails).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// How required_rounded (the target of a facility) rounds the requirement.
    #[arg(long, value_enum, default_value_t = Rounding::Nearest)]
    pub round: Rounding,
    /// Ratio bands of the status: shortage below LOW, excess above HIGH.
    #[arg(long, value_name = "LOW,HIGH", default_value = "0.9,1.1", value_parser = super::common::parse_bands)]
    pub bands: Bands,
    /// Worker threads (default and at most: one per core). Results are identical whatever the
    /// number.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// The costs table on its own (cadre, annual_cost).
    #[arg(long, value_name = "FILE")]
    pub costs: Option<String>,
    #[command(flatten)]
    pub presentation: PresentationArgs,
}

/// A usage problem (exit 2), a failure already printed (exit 1), or an exit code decided.
pub enum Stop {
    Usage(Msg),
    Failed,
    /// Problems to print as errors (exit 1).
    Problems(Vec<Problem>),
    /// An error to print (exit 1).
    Error(anyhow::Error),
    Code(std::process::ExitCode),
}

impl PlanArgs {
    /// The format of the run and the output, opened before the work (a bad path fails at
    /// once).
    pub fn open_output(&self) -> Result<(Format, Output), Stop> {
        super::common::open_output::<AllocateReport>(
            self.presentation.lang(),
            self.format,
            self.output.as_deref(),
        )
        .map_err(Stop::Code)
    }

    /// How the rows are presented.
    pub fn settings(&self, output: &Output) -> ReportSettings {
        let (color, width) = super::common::terminal_settings(output);
        ReportSettings {
            color,
            width,
            french_csv: self.presentation.french_csv(),
            lang: self.presentation.lang(),
            bands: self.bands,
            rounding: self.round,
            period: None,
            study_name: self
                .study
                .study
                .as_deref()
                .map(crate::report::study_name)
                .unwrap_or_default(),
        }
    }

    /// The read options, with `--costs`.
    pub fn read_options(&self) -> crate::study::ReadOptions {
        let mut read = self.study.read_options();
        if let Some(c) = &self.costs {
            read.overrides.insert("costs", c.clone());
        }
        read
    }
}

/// A study read and computed (facility rows only), with the `costs` table when it has one.
pub struct Computed {
    pub builder: Builder,
    pub results: Results,
    pub diag: Diagnostics,
    pub costs: Option<crate::planning::inputs::Costs>,
    /// The pool of `--jobs` threads: the output is formatted on it too.
    pub pool: rayon::ThreadPool,
}

/// Reads the study (and its `costs` table) and computes the facility rows, on `jobs` threads.
pub fn load_and_compute(args: &PlanArgs) -> Result<Computed, Stop> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(super::common::worker_threads(args.jobs))
        .build()
        .map_err(|e| Stop::Usage(crate::messages::planning::jobs_failed(e.to_string())))?;
    let read = args.read_options();
    let (builder, mut diag) = pool.install(|| crate::study::load(&read));
    let costs = if diag.has_errors() {
        None
    } else {
        crate::planning::inputs::study_costs(&read, &builder, &mut diag)
    };
    if diag.has_errors() {
        report_errors(args.presentation.lang(), &diag);
        return Err(Stop::Failed);
    }
    let options = ComputeOptions {
        bands: args.bands,
        rounding: args.round,
        by: Vec::new(),
    };
    let results = pool
        .install(|| crate::engine::compute(&builder.study, &options, &mut diag))
        .map_err(Stop::Problems)?;
    Ok(Computed {
        builder,
        results,
        diag,
        costs,
        pool,
    })
}

/// Prints problems as errors and fails the run.
pub fn fail(problems: &[Problem]) -> Stop {
    Stop::Problems(problems.to_vec())
}

/// `Stop` → exit code, printing the usage message, problems or error in `lang`.
pub fn exit(lang: Lang, stop: Stop) -> std::process::ExitCode {
    match stop {
        Stop::Usage(m) => {
            super::common::print_error(lang, &m);
            std::process::ExitCode::from(super::EXIT_USAGE)
        }
        Stop::Failed => std::process::ExitCode::from(super::EXIT_FAILED),
        Stop::Problems(problems) => {
            super::common::print_problems(lang, &problems);
            std::process::ExitCode::from(super::EXIT_FAILED)
        }
        Stop::Error(e) => {
            super::common::print_anyhow(lang, &e);
            std::process::ExitCode::from(super::EXIT_FAILED)
        }
        Stop::Code(code) => code,
    }
}

/// Prints the warnings (unless -q); with --strict and a warning, fails.
pub fn warnings<'a>(
    presentation: &PresentationArgs,
    diag: &'a Diagnostics,
) -> Result<Vec<&'a Problem>, Stop> {
    presentation
        .report_warnings(diag)
        .map_err(|Reported| Stop::Failed)
}
