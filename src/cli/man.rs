//! `wisn man [COMMAND]`: the manual page (roff) of `wisn` or of one of its commands, generated
//! from the command line definition (clap_mangen), so it says what `--help` says. Printed, or
//! written with `-o FILE` (atomically).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory};

use super::{Cli, EXIT_FAILED, EXIT_OK, EXIT_USAGE};
use crate::output::Output;

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  wisn man | man -l -                      read it now
  wisn man -o ~/.local/share/man/man1/wisn.1
  wisn man compute -o ~/.local/share/man/man1/wisn-compute.1")]
pub struct ManArgs {
    /// The page of this command (compute, explain, validate, …) instead of wisn's.
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
    /// Write to this file instead of printing.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The page of `wisn`, or of `wisn COMMAND` (`None` when there is no such command).
pub fn page(command: Option<&str>) -> Option<Vec<u8>> {
    let mut cmd = Cli::command();
    cmd.build();
    let cmd = match command {
        None => cmd,
        Some(name) => {
            let sub = cmd.find_subcommand(name)?.clone();
            // Named as its page is: `wisn-compute`, with `wisn compute` as the usage's name.
            // (clap's names are `&'static str`: one small leak in a process that then exits.)
            let full: &'static str = Box::leak(format!("wisn-{}", sub.get_name()).into_boxed_str());
            sub.name(full)
        }
    };
    let mut bytes = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut bytes).ok()?;
    Some(bytes)
}

pub fn run(args: ManArgs) -> anyhow::Result<ExitCode> {
    let Some(bytes) = page(args.command.as_deref()) else {
        let names: Vec<String> = Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect();
        super::common::print_error(
            crate::i18n::Lang::from_env(),
            &crate::messages::cli::no_such_command(
                &args.command.unwrap_or_default(),
                &names.join(", "),
            ),
        );
        return Ok(ExitCode::from(EXIT_USAGE));
    };
    let output = match Output::prepare(args.output.as_deref()) {
        Ok(o) => o,
        Err(e) => {
            super::common::print_anyhow(crate::i18n::Lang::from_env(), &e);
            return Ok(ExitCode::from(EXIT_FAILED));
        }
    };
    output.finish(&bytes)?;
    Ok(ExitCode::from(EXIT_OK))
}
