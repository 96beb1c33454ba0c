//! `wisn completions bash|zsh|fish|powershell|elvish`: the shell's completion script for `wisn`,
//! generated from the command line definition (clap_complete), so it never lags behind the
//! options. Printed, or written with `-o FILE` (atomically).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::{Cli, EXIT_FAILED, EXIT_OK};
use crate::output::Output;

#[derive(Debug, Args)]
#[command(after_help = "Install (one of):
  bash        wisn completions bash > ~/.local/share/bash-completion/completions/wisn
  zsh         wisn completions zsh > ~/.zfunc/_wisn   (with fpath+=(~/.zfunc) before compinit)
  fish        wisn completions fish > ~/.config/fish/completions/wisn.fish
  PowerShell  wisn completions powershell | Out-String | Invoke-Expression
              (add that line to the file $PROFILE names to keep it)")]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: Shell,
    /// Write to this file instead of printing.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The completion script of `shell`.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut bytes = Vec::new();
    clap_complete::generate(shell, &mut cmd, "wisn", &mut bytes);
    bytes
}

pub fn run(args: CompletionsArgs) -> anyhow::Result<ExitCode> {
    let output = match Output::prepare(args.output.as_deref()) {
        Ok(o) => o,
        Err(e) => {
            super::common::print_anyhow(crate::i18n::Lang::from_env(), &e);
            return Ok(ExitCode::from(EXIT_FAILED));
        }
    };
    output.finish(&script(args.shell))?;
    Ok(ExitCode::from(EXIT_OK))
}
