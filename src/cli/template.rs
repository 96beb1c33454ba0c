//! `wisn template [--lang fr|en] -o etude.xlsx`: a blank study workbook for an analyst to fill in
//! (see [`crate::template`]). Written atomically; an existing file is not replaced without
//! `--force` (it may be a filled-in study).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::common::open_output;
use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE};
use crate::messages::cli as m;
use crate::report::{Format, Report, ReportSettings};
use crate::template::{Lang, Template};

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// Language of sheet names, headers and notes [default: fr]; of the messages too (default:
    /// the environment's).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// The workbook to write (.xlsx; `-` for stdout, not a terminal).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: PathBuf,
    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// What `wisn template` writes: one workbook.
pub struct TemplateReport {
    pub lang: Lang,
    pub settings: ReportSettings,
}

impl Report for TemplateReport {
    const FORMATS: &'static [Format] = &[Format::Xlsx];

    fn settings(&self) -> &ReportSettings {
        &self.settings
    }

    fn xlsx(&self) -> anyhow::Result<Vec<u8>> {
        Ok(Template::new(self.lang).to_bytes()?)
    }
}

pub fn run(args: TemplateArgs) -> anyhow::Result<ExitCode> {
    // The workbook is French unless asked otherwise (the DRH's analysts read French); the
    // messages are in the language asked, else the environment's.
    let said = args.lang.unwrap_or_else(Lang::from_env);
    let book = args.lang.unwrap_or(Lang::Fr);
    let to_stdout = args.output == Path::new("-");
    let is_xlsx = args
        .output
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if !is_xlsx && !to_stdout {
        super::common::print_error(said, &m::template_is_xlsx(args.output.display()));
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    if args.output.exists() && !args.force && !to_stdout {
        super::common::print_error(said, &m::template_exists(args.output.display()));
        return Ok(ExitCode::from(EXIT_FAILED));
    }
    let (format, output) =
        match open_output::<TemplateReport>(said, Some(Format::Xlsx), Some(&args.output)) {
            Ok(o) => o,
            Err(code) => return Ok(code),
        };
    let report = TemplateReport {
        lang: book,
        settings: ReportSettings::default(),
    };
    let bytes = crate::report::serialize(&report, format)?;
    output.finish(&bytes)?;
    if to_stdout {
        return Ok(ExitCode::from(EXIT_OK));
    }
    eprintln!(
        "{}: {}",
        args.output.display(),
        match said {
            Lang::Fr => "modèle d'étude écrit ; remplir les feuilles puis lancer wisn validate et wisn compute",
            Lang::En => "study template written; fill in the sheets, then run wisn validate and wisn compute",
        }
    );
    Ok(ExitCode::from(EXIT_OK))
}
