//! `wisn explain STUDY --facility ID --cadre NAME`: the calculation of one result step by step
//! (see [`crate::explain`]); `--format json` gives the same numbers at full precision for scripts.

use crate::diag::Code;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::common::{
    open_output, print_error, print_note, print_problems, report_errors, StudyArgs,
};
use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE};
use crate::diag::{Location, Problem};
use crate::engine::ComputeOptions;
use crate::i18n::Lang;
use crate::messages::cli as m;
use crate::method::{Bands, Rounding};
use crate::names::{closest, did_you_mean, normalise};
use crate::report::{Format, Report, ReportSettings};
use crate::study::{locate_tables, schema, Builder, ReadOptions};

#[derive(Debug, Args)]
pub struct ExplainArgs {
    #[command(flatten)]
    pub study: StudyArgs,
    /// The facility: its facility_id (or its name).
    #[arg(long, value_name = "ID")]
    pub facility: String,
    /// The cadre, as the standards or staff tables name it (aliases work).
    #[arg(long, value_name = "NAME")]
    pub cadre: String,
    /// `text` (default) or `json` (every number at full precision).
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = Format::parser(ExplainReport::FORMATS))]
    pub format: Option<Format>,
    /// Write to this file (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of the text (default: from LC_ALL, LC_MESSAGES or LANG, else English).
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
    /// How the rounded requirement rounds (as `wisn compute --round`).
    #[arg(long, value_enum, default_value_t = Rounding::Nearest)]
    pub round: Rounding,
    /// Ratio bands of the status (as `wisn compute --bands`).
    #[arg(long, value_name = "LOW,HIGH", default_value = "0.9,1.1", value_parser = super::common::parse_bands)]
    pub bands: Bands,
}

/// What `wisn explain` writes: the steps of one result.
pub struct ExplainReport<'a> {
    pub explanation: &'a crate::explain::Explanation,
    pub settings: ReportSettings,
}

impl Report for ExplainReport<'_> {
    const FORMATS: &'static [Format] = &[Format::Text, Format::Json];

    fn settings(&self) -> &ReportSettings {
        &self.settings
    }

    /// The explanation as one JSON document (not rows): every number at full precision.
    fn json(&self) -> anyhow::Result<Vec<u8>> {
        let mut s = serde_json::to_vec_pretty(self.explanation)?;
        s.push(b'\n');
        Ok(s)
    }

    /// The steps as text for people.
    fn write(&self, format: Format) -> anyhow::Result<Vec<u8>> {
        match format {
            Format::Text => {
                Ok(crate::explain::render(self.explanation, self.settings.lang).into_bytes())
            }
            other => Err(crate::report::unsupported(other)),
        }
    }
}

/// Where a name was looked up, for the error message: the table's file, and the column.
fn table_location(read: &ReadOptions, tables: &[&str], column: &str) -> Location {
    let found = locate_tables(read, schema::COMPUTE_TABLES).ok();
    let file = found
        .as_ref()
        .and_then(|t| tables.iter().find_map(|name| t.get(name)))
        .map(|t| t.display())
        .or_else(|| read.study.as_ref().map(|p| p.display().to_string()))
        .unwrap_or_default();
    Location::file(file).with_column(column)
}

fn find_facility(b: &Builder, text: &str) -> Result<usize, Option<crate::diag::Msg>> {
    if let Some(i) = b.find_facility(text.trim()) {
        return Ok(i);
    }
    // By name, when exactly one facility has it.
    let n = normalise(text);
    let by_name: Vec<usize> = b
        .study
        .facilities
        .iter()
        .enumerate()
        .filter(|(_, f)| f.name.as_deref().map(normalise).as_deref() == Some(n.as_str()))
        .map(|(i, _)| i)
        .collect();
    if let [i] = by_name.as_slice() {
        return Ok(*i);
    }
    let ids = b.study.facilities.iter().map(|f| f.id.as_str());
    let suggestion = closest(text.trim(), ids).map(m::did_you_mean).or_else(|| {
        // A misspelt name, or part of one (`Kaboïla` for `CSCom de Kaboïla`).
        let names: Vec<&str> = b
            .study
            .facilities
            .iter()
            .filter_map(|f| f.name.as_deref())
            .collect();
        did_you_mean(text.trim(), &names)
    });
    Err(suggestion)
}

pub fn run(args: ExplainArgs) -> anyhow::Result<ExitCode> {
    let lang = args.lang.unwrap_or_else(Lang::from_env);
    if let Err(e) = args.study.check() {
        print_error(lang, &e);
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    let (format, output) =
        match open_output::<ExplainReport>(lang, args.format, args.output.as_deref()) {
            Ok(o) => o,
            Err(code) => return Ok(code),
        };
    let read = args.study.read_options();
    let spinner = super::progress::Spinner::start(std::io::stderr().is_terminal(), lang);
    let (builder, mut diag) = crate::study::load(&read);
    spinner.finish();
    if diag.has_errors() {
        report_errors(lang, &diag);
        return Ok(ExitCode::from(EXIT_FAILED));
    }
    let facility = match find_facility(&builder, &args.facility) {
        Ok(i) => i,
        Err(suggestion) => {
            let mut p = Problem::error(Code::UnknownFacility, m::no_such_facility())
                .at(table_location(
                    &read,
                    &["facilities", "staff", "workload"],
                    "facility_id",
                ))
                .value(args.facility.clone());
            p = p.hint(suggestion.unwrap_or_else(m::give_a_facility_id));
            print_problems(lang, [&p]);
            return Ok(ExitCode::from(EXIT_FAILED));
        }
    };
    let Some(cadre) = builder.find_cadre(&args.cadre) else {
        let names: Vec<&str> = builder
            .study
            .cadres
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        let suggestion = did_you_mean(&args.cadre, &names);
        let p = Problem::error(Code::UnknownCadre, m::no_such_cadre())
            .at(table_location(&read, &["standards", "staff"], "cadre"))
            .value(args.cadre.clone())
            .hint(suggestion.unwrap_or_else(|| m::the_cadres_are(&names.join(", "))));
        print_problems(lang, [&p]);
        return Ok(ExitCode::from(EXIT_FAILED));
    };
    let options = ComputeOptions {
        bands: args.bands,
        rounding: args.round,
        by: Vec::new(),
    };
    let study = builder.study;
    let results = match crate::engine::compute(&study, &options, &mut diag) {
        Ok(r) => r,
        Err(problems) => {
            print_problems(lang, &problems);
            return Ok(ExitCode::from(EXIT_FAILED));
        }
    };
    let explanation = match crate::explain::explain(&study, &results, facility, cadre, &options) {
        Ok(e) => e,
        Err(p) => {
            print_problems(lang, [&p]);
            return Ok(ExitCode::from(EXIT_FAILED));
        }
    };
    let warnings = diag.warnings().count();
    if warnings > 0 {
        print_note(lang, &m::warnings_while_reading(warnings));
    }
    let report = ExplainReport {
        explanation: &explanation,
        settings: ReportSettings {
            lang,
            ..Default::default()
        },
    };
    let bytes = crate::report::serialize(&report, format)?;
    output.finish(&bytes)?;
    Ok(ExitCode::from(EXIT_OK))
}
