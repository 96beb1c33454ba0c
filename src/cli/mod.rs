//! The command line (clap derive): one module per subcommand, each with its argument struct and
//! its `run`. [`run`] is what `main` calls; it returns the exit code (0 done, 1 the input or the
//! computation failed, 2 the command line is wrong: study-format §4).

pub mod allocate;
pub mod clap_fr;
pub mod common;
pub mod completions;
pub mod compute;
pub mod explain;
pub mod guards;
pub mod help_fr;
pub mod man;
pub mod planning;
pub mod progress;
pub mod project;
pub mod redistribute;
pub mod surge;
pub mod template;
pub mod validate;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

/// wisn: WHO Workload Indicators of Staffing Need, from facility spreadsheets to staffing needs.
#[derive(Debug, Parser)]
#[command(
    name = "wisn",
    version,
    about,
    long_about = None,
    propagate_version = true,
    after_help = "Examples:
  wisn compute data/sikasso --by district          table on the terminal, with district roll-ups
  wisn compute etude.xlsx -o resultats.csv --excel-fr
  wisn compute data/sikasso -o rapport.xlsx --lang fr
  wisn explain data/sikasso --facility SIK-CSCOM-04 --cadre Sage-femme
  wisn validate etude.xlsx                         every problem at once, with its place
  wisn template --lang fr -o etude.xlsx            a blank study workbook to fill in
  wisn surge data/covid                            COVID-19 treatment-site staffing
  wisn compute data/sikasso --scenario data/scenarios/covid/scenario.csv --by national
  wisn project data/sikasso-history --to 2027 --by region
  wisn compute data/sikasso --uncertainty 10000 --standard-spread 20 --by district
  wisn allocate data/sikasso --posts Sage-femme=10 where 10 new midwife posts should go
  wisn redistribute data/sikasso                   transfers from excess to shortage

Exit status: 0 done, 1 the input or the computation failed, 2 the command line is wrong.
Help in French: wisn --lang fr --help (or LANG=fr_FR.UTF-8)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compute WISN requirements, ratios, shortages and workload pressure per facility and cadre.
    Compute(compute::ComputeArgs),
    /// Show the calculation of one result (a facility and a cadre) step by step.
    Explain(explain::ExplainArgs),
    /// Read a study and list every problem at once, each with its place (exit 0 clean, 1 errors).
    Validate(validate::ValidateArgs),
    /// Write a blank study workbook (.xlsx) to fill in: one sheet per table, drop-down lists,
    /// an example row per sheet and a notes sheet.
    Template(template::TemplateArgs),
    /// COVID-19 treatment sites: staff needed on duty and headcount per date, site and cadre,
    /// against the staff assigned (peak, shortages, what-if).
    Surge(surge::SurgeArgs),
    /// Requirements for coming years from the monthly workload history: least-squares trend per
    /// facility and activity, or --growth P; rows per year.
    Project(project::ProjectArgs),
    /// Where new posts should go: each post to the facility with the lowest WISN ratio, up to
    /// its rounded requirement (national or regional pools, or a budget).
    Allocate(allocate::AllocateArgs),
    /// Transfers from facilities in excess to facilities in shortage, within a district (or a
    /// region, or nationally), donors never below their requirement.
    Redistribute(redistribute::RedistributeArgs),
    /// Print the shell completion script for bash, zsh, fish, powershell or elvish.
    Completions(completions::CompletionsArgs),
    /// Print the manual page (roff) of wisn, or of one command: `wisn man compute`.
    Man(man::ManArgs),
}

/// Exit statuses.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FAILED: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

/// Whether this run's messages are French, set by [`run`] before the arguments are parsed (the
/// value parsers, e.g. `--scale-census`, have no other way to know).
static FRENCH: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The language of this run's messages as [`run`] found it (`--lang`, else the environment):
/// for the value parsers' messages.
pub fn messages_lang() -> crate::i18n::Lang {
    if FRENCH.load(std::sync::atomic::Ordering::Relaxed) {
        crate::i18n::Lang::Fr
    } else {
        crate::i18n::Lang::En
    }
}

/// Parses the arguments and runs the command.
pub fn run<I, T>(args: I) -> anyhow::Result<ExitCode>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    let mut cmd = Cli::command();
    let french = help_fr::wants_french(&args);
    FRENCH.store(french, std::sync::atomic::Ordering::Relaxed);
    if french {
        cmd = help_fr::localize(cmd);
    }
    let args = help_fr::hoist_lang(args, &cmd);
    let parsed = cmd
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
            if french && e.use_stderr() {
                // clap's own words in French (the help and version are printed as they are).
                e.apply::<clap_fr::French>().print().ok();
            } else {
                e.print().ok();
            }
            return Ok(ExitCode::from(code));
        }
    };
    match cli.command {
        Command::Compute(args) => compute::run(args),
        Command::Validate(args) => validate::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Template(args) => template::run(args),
        Command::Surge(args) => surge::run(args),
        Command::Project(args) => project::run(args),
        Command::Allocate(args) => allocate::run(args),
        Command::Redistribute(args) => redistribute::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
    }
}
