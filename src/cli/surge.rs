//! `wisn surge STUDY`: COVID-19 treatment sites. Read the census (or admissions), the COVID-19
//! standards, the working time and the staff assigned; print or write, per date, site and cadre,
//! the staff needed on duty and the headcount, against the staff assigned.

use crate::diag::{Code, Msg};
use crate::messages::cli as m;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::common::{open_output, report_errors, DialectArgs, PresentationArgs};
use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE};
use crate::method::surge::Severity;
use crate::method::Bands;
use crate::report::{Format, Report};
use crate::study::ReadOptions;
use crate::surge::compute::{GroupLevel, SurgeOptions};
use crate::surge::report::SurgeReport;

#[derive(Debug, Args)]
pub struct SurgeArgs {
    /// The study: a folder with one file per table (covid_standards, census or admissions,
    /// covid_staff, working_time, facilities), or a workbook with one sheet per table.
    pub study: Option<PathBuf>,
    /// The covid_standards table on its own (a workbook sheet as FILE#Sheet).
    #[arg(long, value_name = "FILE")]
    pub covid_standards: Option<String>,
    /// The census table on its own (patients present per date, site and severity).
    #[arg(long, value_name = "FILE")]
    pub census: Option<String>,
    /// The admissions table on its own (instead of a census; needs --length-of-stay).
    #[arg(long, value_name = "FILE")]
    pub admissions: Option<String>,
    /// The covid_staff table on its own (staff assigned to COVID-19 care).
    #[arg(long, value_name = "FILE")]
    pub covid_staff: Option<String>,
    /// The working_time table on its own.
    #[arg(long, value_name = "FILE")]
    pub working_time: Option<String>,
    /// The facilities table on its own.
    #[arg(long, value_name = "FILE")]
    pub facilities: Option<String>,
    /// The cadre_aliases table on its own.
    #[arg(long, value_name = "FILE")]
    pub cadre_aliases: Option<String>,
    /// Days a patient admitted stays, per severity: moderate=7,severe=10 (no defaults: every
    /// severity admitted needs one). A patient admitted on day d is counted on d … d+LOS−1.
    #[arg(long, value_name = "SEVERITY=DAYS,...", value_delimiter = ',', value_parser = parse_stay)]
    pub length_of_stay: Vec<(Severity, u32)>,
    /// Multiply every census count (1.5: a surge 50 % larger).
    #[arg(long, value_name = "F", default_value = "1", value_parser = parse_scale)]
    pub scale_census: f64,
    /// Share of assigned staff off sick or isolated (0 ≤ R < 1): available = assigned × (1 − R).
    #[arg(long, value_name = "R", default_value = "0", value_parser = parse_rate)]
    pub absence_rate: f64,
    /// Add roll-up rows per date by district, region or national (repeatable).
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub by: Vec<GroupLevel>,
    /// Ratio bands of the status: shortage below LOW, excess above HIGH.
    #[arg(long, value_name = "LOW,HIGH", default_value = "0.9,1.1", value_parser = super::common::parse_bands)]
    pub bands: Bands,
    /// Output format (default: table, or what the -o file name says: .csv .json .xlsx .html).
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = Format::parser(SurgeReport::FORMATS))]
    pub format: Option<Format>,
    /// Write to this file (atomically: nothing is written when the run fails).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// In the table format, also list every date (site rows and roll-ups).
    #[arg(long)]
    pub daily: bool,
    #[command(flatten)]
    pub dialect: DialectArgs,
    #[command(flatten)]
    pub presentation: PresentationArgs,
}

/// A value parser's message in the run's language.
fn said(msg: Msg) -> String {
    msg.get(super::messages_lang()).to_string()
}

fn number(s: &str) -> Result<f64, String> {
    let t = s.trim().replace(',', ".");
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(said(m::not_a_number(s))),
    }
}

fn parse_scale(s: &str) -> Result<f64, String> {
    let v = number(s)?;
    if v < 0.0 {
        return Err(said(m::scale_below_zero(s)));
    }
    Ok(v)
}

fn parse_rate(s: &str) -> Result<f64, String> {
    let v = match s.trim().strip_suffix('%') {
        Some(pct) => number(pct)? / 100.0,
        None => number(s)?,
    };
    if !(0.0..1.0).contains(&v) {
        return Err(said(m::not_a_share(s)));
    }
    Ok(v)
}

pub(super) fn parse_stay(s: &str) -> Result<(Severity, u32), String> {
    let Some((name, days)) = s.split_once(['=', ':']) else {
        return Err(said(m::not_severity_days(s)));
    };
    let severity = Severity::parse(name).ok_or_else(|| said(m::not_a_severity(name)))?;
    let days: u32 = days
        .trim()
        .parse()
        .ok()
        .filter(|d| *d >= 1)
        .ok_or_else(|| said(m::not_whole_days(days)))?;
    if days > crate::surge::read::MAX_STAY_DAYS {
        return Err(said(m::stay_too_long(
            days,
            crate::surge::read::MAX_STAY_DAYS,
        )));
    }
    Ok((severity, days))
}

impl SurgeArgs {
    pub fn read_options(&self) -> ReadOptions {
        self.dialect.read_options(
            self.study.clone(),
            &[
                ("covid_standards", &self.covid_standards),
                ("census", &self.census),
                ("admissions", &self.admissions),
                ("covid_staff", &self.covid_staff),
                ("working_time", &self.working_time),
                ("facilities", &self.facilities),
                ("cadre_aliases", &self.cadre_aliases),
            ],
        )
    }

    /// `--length-of-stay` by severity; an error when a severity is given two different stays.
    pub fn length_of_stay(&self) -> Result<[Option<u32>; 4], Msg> {
        stays(&self.length_of_stay)
    }
}

/// `--length-of-stay` (of `wisn surge` and `wisn validate`) by severity; an error when a severity
/// is given two different stays.
pub(super) fn stays(given: &[(Severity, u32)]) -> Result<[Option<u32>; 4], Msg> {
    let mut out = [None; 4];
    for &(s, days) in given {
        match out[s.index()] {
            Some(d) if d != days => {
                return Err(crate::messages::cli::two_stays(s.as_str(), d, days))
            }
            _ => out[s.index()] = Some(days),
        }
    }
    Ok(out)
}

fn usage(lang: crate::i18n::Lang, message: &Msg) -> anyhow::Result<ExitCode> {
    super::common::print_error(lang, message);
    Ok(ExitCode::from(EXIT_USAGE))
}

pub fn run(args: SurgeArgs) -> anyhow::Result<ExitCode> {
    let lang = args.presentation.lang();
    if args.study.is_none() && args.covid_standards.is_none() {
        return usage(lang, &crate::messages::cli::give_a_surge_study());
    }
    let length_of_stay = match args.length_of_stay() {
        Ok(l) => l,
        Err(e) => return usage(lang, &e),
    };
    if let Some(out) = args.output.as_deref() {
        let known = args.format.is_some() || crate::report::Format::from_path(out).is_some();
        let inputs =
            super::guards::input_files(&args.read_options(), crate::surge::schema::SURGE_TABLES);
        if let Err(e) = super::guards::check_output(out, known, &inputs) {
            return usage(lang, &e);
        }
    }
    // Decide the format and open the output first: a bad path fails before the work.
    let (format, output) =
        match open_output::<SurgeReport>(lang, args.format, args.output.as_deref()) {
            Ok(o) => o,
            Err(code) => return Ok(code),
        };
    let read = args.read_options();
    let options = SurgeOptions {
        scale_census: args.scale_census,
        absence_rate: args.absence_rate,
        bands: args.bands,
        by: args.by.iter().fold(Vec::new(), |mut by, level| {
            if !by.contains(level) {
                by.push(*level);
            }
            by
        }),
    };
    // The same checks as `wisn validate` on a surge study (crate::surge::check).
    let (study, results, mut diag) = crate::surge::check(&read, &length_of_stay, &options);
    let Some(results) = results else {
        report_errors(lang, &diag);
        return Ok(ExitCode::from(EXIT_FAILED));
    };
    if !args.length_of_stay.is_empty() && study.source == crate::surge::read::CensusSource::Census {
        diag.warn(crate::diag::Problem::warning(
            Code::LengthOfStayUnused,
            crate::messages::cli::length_of_stay_unused(),
        ));
    }
    let Ok(warnings) = args.presentation.report_warnings(&diag) else {
        return Ok(ExitCode::from(EXIT_FAILED));
    };
    let settings = args.presentation.settings(&output, args.bands);
    // The study's name, never its absolute path (the HTML title shows it).
    let study_name = args
        .study
        .as_deref()
        .map(crate::report::study_name)
        .or_else(|| {
            let file = args.covid_standards.as_deref()?;
            let file = file.split('#').next().unwrap_or(file);
            Some(crate::report::study_name(std::path::Path::new(file)))
        })
        .unwrap_or_default();
    let report = SurgeReport {
        results: &results,
        warnings,
        settings: &settings,
        study_name,
        daily: args.daily,
    };
    let bytes = crate::report::serialize(&report, format)?;
    output.finish(&bytes)?;
    Ok(ExitCode::from(EXIT_OK))
}
