//! `wisn redistribute STUDY [--within district|region|national]`: transfers from facilities in
//! excess to facilities in shortage (study-format §7.3). The work is
//! [`crate::planning::redistribute`].

use std::process::ExitCode;

use clap::Args;

use super::planning::{exit, load_and_compute, warnings, PlanArgs, Stop};
use super::EXIT_OK;
use crate::planning::redistribute::redistribute;
use crate::planning::report::{RedistributePlan, RedistributeReport};
use crate::planning::Within;

#[derive(Debug, Args)]
pub struct RedistributeArgs {
    /// The group inside which staff may move.
    #[arg(long, value_enum, default_value_t = Within::District)]
    pub within: Within,
    #[command(flatten)]
    pub plan: PlanArgs,
}

pub fn run(args: RedistributeArgs) -> anyhow::Result<ExitCode> {
    let lang = args.plan.presentation.lang();
    match run_inner(args) {
        Ok(code) => Ok(code),
        Err(stop) => Ok(exit(lang, stop)),
    }
}

fn run_inner(args: RedistributeArgs) -> Result<ExitCode, Stop> {
    if let Err(e) = args.plan.study.check() {
        return Err(Stop::Usage(e));
    }
    let (format, output) = args.plan.open_output()?;
    let mut computed = load_and_compute(&args.plan)?;
    let plan = redistribute(
        &computed.builder.study,
        &computed.results.rows,
        args.within,
        &args.plan.bands,
    );
    for w in &plan.warnings {
        computed.diag.warn(w.clone());
    }
    let warned = warnings(&args.plan.presentation, &computed.diag)?;
    let settings = args.plan.settings(&output);
    let report = RedistributeReport {
        plan: RedistributePlan {
            redistribution: &plan,
            within: args.within,
        },
        warnings: warned,
        settings: &settings,
    };
    // In the pool: big outputs are formatted in blocks on its threads (`--jobs`).
    let bytes = computed
        .pool
        .install(|| crate::report::serialize(&report, format))
        .map_err(Stop::Error)?;
    output.finish(&bytes).map_err(Stop::Error)?;
    Ok(ExitCode::from(EXIT_OK))
}
