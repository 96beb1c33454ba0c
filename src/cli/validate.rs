//! `wisn validate STUDY`: read everything and list every problem at once, each with its place.
//! Exit 0 when there is no error (warnings allowed), 1 otherwise. `--format json` for pipelines.
//!
//! Beyond what `wisn compute` checks while reading, validate
//! - runs the method's checks (CAS ≥ 100 %, a cadre without working time at a facility type) on
//!   whatever could be read, even when other tables have errors, so one run lists them all;
//! - lists each facility met in staff or workload but not in facilities with the place where it
//!   was first met;
//! - with `-v`, lists the notes too: the cadre names that matched a cadre of the standards only
//!   after case, accent and separator folding or through cadre_aliases, with the mapping used
//!   (notes are not warnings: `--strict` ignores them; `--format json` always lists them);
//! - says which file or sheet each table was read from.
//!
//! A surge study (`wisn surge`: covid_standards, census or admissions, covid_staff) is checked as
//! `wisn surge` checks it, through [`crate::surge::check`] with the default options: the reader's
//! checks (dates, spans, stays), then the computation's and the non-finite check. It is
//! recognised by its `covid_standards` table when it has no `standards` table; `--surge` checks
//! a study that has both as a surge study (without it, such a study is checked as a WISN study).

use crate::diag::Code;
use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use serde_json::json;

use super::common::{open_output, print_error, terminal_settings, StudyArgs};
use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE};
use crate::diag::{Diagnostics, Msg, Problem, Severity};
use crate::engine::ComputeOptions;
use crate::i18n::Lang;
use crate::messages::cli as m;
use crate::model::Study;
use crate::report::problems::PROBLEM_COLUMNS;
use crate::report::{Format, Report, ReportSettings, Rows};
use crate::study::{schema, Builder};
use crate::surge::read::SurgeStudy;

#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub study: StudyArgs,
    /// `text` (default), `json` (the summary and every problem) or `csv` (one row per problem).
    #[arg(long, short = 'f', value_name = "FORMAT", value_parser = Format::parser(ValidateReport::FORMATS))]
    pub format: Option<Format>,
    /// Write to this file (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also list notes (how each cadre name was matched, values left out by --year, ...): in the
    /// text format; JSON and CSV always list them.
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// Check the study as a surge study (`wisn surge`) even when it also has a standards table.
    /// A study with a covid_standards table and no standards table is one without it.
    #[arg(long)]
    pub surge: bool,
    /// A surge study read from admissions: days a patient stays, per severity, as given to
    /// `wisn surge` (moderate=7,severe=10).
    #[arg(long, value_name = "SEVERITY=DAYS,...", value_delimiter = ',', value_parser = super::surge::parse_stay)]
    pub length_of_stay: Vec<(crate::method::surge::Severity, u32)>,
    /// Language of the report and of the problems' messages and fixes (text, and the `message`
    /// and `hint` of JSON and CSV; codes and every other field never change). Default: from
    /// LC_ALL, LC_MESSAGES or LANG (fr… gives French), else English.
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
}

/// What `wisn validate` writes: the problems (errors first), where each table was read from,
/// and what was read.
pub struct ValidateReport<'a> {
    pub problems: &'a [Problem],
    pub tables: &'a BTreeMap<&'static str, crate::study::TableRef>,
    /// What was read, by name (`workload_rows` is written `workload rows` in the text format).
    pub counts: Vec<(&'static str, u64)>,
    pub errors: usize,
    pub warnings: usize,
    /// Notes in the text format too (`-v`).
    pub verbose: bool,
    pub settings: ReportSettings,
}

impl Report for ValidateReport<'_> {
    const FORMATS: &'static [Format] = &[Format::Text, Format::Json, Format::Csv];

    fn settings(&self) -> &ReportSettings {
        &self.settings
    }

    fn rows(&self) -> Option<Box<dyn Rows + '_>> {
        Some(Box::new(ProblemRows {
            problems: self.problems,
            lang: self.settings.lang,
        }))
    }

    fn json(&self) -> anyhow::Result<Vec<u8>> {
        let problems = crate::report::json::objects(self.rows().expect("rows").as_ref())?;
        let doc = json!({
            "valid": self.errors == 0,
            "errors": self.errors,
            "warnings": self.warnings,
            "tables": self.tables.iter().map(|(k, v)| (k.to_string(), json!(v.display()))).collect::<serde_json::Map<_, _>>(),
            "counts": self.counts.iter().map(|(k, v)| (k.to_string(), json!(v))).collect::<serde_json::Map<_, _>>(),
            "problems": problems,
        });
        crate::report::json::pretty(&doc)
    }

    fn write(&self, format: Format) -> anyhow::Result<Vec<u8>> {
        if format != Format::Text {
            return Err(crate::report::unsupported(format));
        }
        let mut out = Vec::new();
        let lang = self.settings.lang;
        let errors = self.errors;
        for p in self.problems {
            if p.severity == Severity::Note && !self.verbose {
                continue;
            }
            let lead = super::common::lead(p.severity, lang, self.settings.color);
            writeln!(out, "{lead}{}", p.render(lang))?;
        }
        for (name, table) in self.tables {
            writeln!(
                out,
                "{}",
                m::table_read_from(name, table.display().to_string()).get(lang)
            )?;
        }
        let counts = self
            .counts
            .iter()
            .map(|(k, v)| count_text(k, *v))
            .reduce(|a, b| a.join(", ", &b))
            .unwrap_or_default();
        let (e, w) = (m::n_errors(errors), m::n_warnings(self.warnings));
        let line = if errors == 0 {
            m::validate_valid(&counts, &e, &w)
        } else {
            m::validate_invalid(&counts, &e, &w)
        };
        writeln!(out, "{}", line.get(lang))?;
        Ok(out)
    }
}

/// `12 facilities`, `1 workload row`: what was read, with its plural right, in both languages.
fn count_text(name: &str, n: u64) -> Msg {
    match name {
        "facilities" => m::n_facilities(n),
        "cadres" => m::n_cadres(n),
        "standards" => m::n_standards(n),
        "workload_rows" => m::n_workload_rows(n),
        "sites" => m::n_sites(n),
        "census_days" => m::n_census_days(n),
        // The counts are the closed list of `summary_counts` below: every name is matched
        // above; a name added there without its entry shows as its machine name.
        other => {
            let text = format!("{n} {}", other.replace('_', " "));
            Msg::new(text.clone(), text)
        }
    }
}

/// The problems as rows of `--format json|csv`, their `message` and `hint` in `lang`.
struct ProblemRows<'a> {
    problems: &'a [Problem],
    lang: Lang,
}

impl Rows for ProblemRows<'_> {
    fn columns(&self) -> Vec<std::borrow::Cow<'static, str>> {
        PROBLEM_COLUMNS
            .iter()
            .map(|c| std::borrow::Cow::Borrowed(*c))
            .collect()
    }
    fn len(&self) -> usize {
        self.problems.len()
    }
    fn each(
        &self,
        f: &mut dyn FnMut(&[crate::report::Value<'_>]) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let mut cells = Vec::new();
        for p in self.problems {
            cells.clear();
            crate::report::problems::cells(p, self.lang, &mut cells);
            f(&cells)?;
        }
        Ok(())
    }
}

/// What was read from a WISN study, for the summary line and JSON `counts`.
fn study_counts(s: &Study) -> Vec<(&'static str, u64)> {
    vec![
        ("facilities", s.facilities.len() as u64),
        ("cadres", s.cadres.len() as u64),
        ("standards", s.standards.len() as u64),
        ("workload_rows", s.workload.rows),
    ]
}

/// What was read from a surge study: the sites of the census, the cadres with COVID-19
/// standards, and the site × date rows of the census (admissions: once expanded).
fn surge_counts(s: &SurgeStudy) -> Vec<(&'static str, u64)> {
    vec![
        ("sites", s.sites.len() as u64),
        ("cadres", s.standards.len() as u64),
        (
            "census_days",
            s.sites.iter().map(|site| site.census.len() as u64).sum(),
        ),
    ]
}

/// A surge study: every problem `wisn surge` would stop on or warn about (with the default
/// options), nothing computed written.
fn check_surge(
    read: &crate::study::ReadOptions,
    length_of_stay: &[Option<u32>; 4],
) -> (Vec<(&'static str, u64)>, Diagnostics) {
    let options = crate::surge::compute::SurgeOptions::default();
    let (study, _, diag) = crate::surge::check(read, length_of_stay, &options);
    (surge_counts(&study), diag)
}

/// The method's checks on every (cadre, facility type) the study needs: CAS ≥ 100 %, a cadre
/// with standards but no working time for a type. A missing working time already reported for
/// the cadre by the reader is not repeated.
fn method_checks(
    study: &Study,
    rejected_working_time: &std::collections::HashSet<usize>,
    diag: &mut Diagnostics,
) {
    let mut types: Vec<&str> = study
        .facilities
        .iter()
        .map(|f| f.type_key.as_str())
        .collect();
    if types.is_empty() {
        types.push("");
    }
    types.sort_unstable();
    types.dedup();
    let mut seen = HashSet::new();
    for t in types {
        for c in 0..study.cadres.len() {
            let Err(p) = crate::engine::build_profile(study, c, t) else {
                continue;
            };
            // The reader already said `no_working_time` for a cadre with standards and no
            // working_time row at all (study::small_tables::check_study): the same condition, not
            // the message's text.
            let reported = study.standards.iter().any(|s| s.cadre == c)
                && !study.working_time.iter().any(|w| w.cadre == c);
            if p.code == Code::NoWorkingTime && (reported || rejected_working_time.contains(&c)) {
                continue;
            }
            // The same support rows over 100 % at several types are one problem: their hint
            // names the rows.
            let key = match (p.code, &p.hint) {
                (Code::CasOver100, Some(h)) => h.en().to_string(),
                _ => p.message.en().to_string(),
            };
            if seen.insert(key) {
                diag.error(p);
            }
        }
    }
}

/// One warning per facility met in staff or workload but not in facilities, at its first place
/// (instead of the reader's one summary).
fn unlisted_facilities(builder: &Builder, diag: &mut Diagnostics) {
    if builder.unlisted_at.is_empty() {
        return;
    }
    diag.problems.retain(|p| p.code != Code::FacilityNotListed);
    for (id, at) in &builder.unlisted_at {
        let table = builder.unlisted.get(id).map(|(t, _)| *t).unwrap_or("staff");
        let rows = builder.unlisted.get(id).map(|(_, n)| *n).unwrap_or(1);
        diag.warn(
            Problem::warning(Code::FacilityNotListed, m::unlisted_facility(table, rows))
                .at(at.clone())
                .value(id.clone())
                .hint(m::add_the_facility()),
        );
    }
}

/// The table a located-less problem is about, by its code.
fn table_of(code: Code) -> Option<&'static str> {
    Some(match code {
        Code::StaffWithoutStandards | Code::StaffStatusDropped => "staff",
        Code::ActivityWithoutStandard
        | Code::IncompleteMonths
        | Code::MoreThan12Months
        | Code::PeriodsNotMonthly
        | Code::StaffWithoutWorkload
        | Code::CadreWithoutWorkload => "workload",
        Code::UnusedCadre => "working_time",
        _ => return None,
    })
}

/// Gives problems that the reader could only place in a table (not a row) the table's file and
/// sheet.
fn place_in_tables(
    tables: &std::collections::BTreeMap<&'static str, crate::study::TableRef>,
    diag: &mut Diagnostics,
) {
    use crate::study::TableRef;
    for p in &mut diag.problems {
        if p.location.is_some() {
            continue;
        }
        let Some(table) = table_of(p.code).and_then(|t| tables.get(t)) else {
            continue;
        };
        p.location = Some(match table {
            TableRef::Sheet { display, sheet, .. } => {
                let mut l = crate::diag::Location::file(display);
                l.sheet = Some(sheet.clone());
                l
            }
            TableRef::Text { display, .. } | TableRef::Json { display, .. } => {
                crate::diag::Location::file(display)
            }
        });
    }
}

pub fn run(args: ValidateArgs) -> anyhow::Result<ExitCode> {
    let lang = args.lang.unwrap_or_else(Lang::from_env);
    if let Err(e) = args.study.check() {
        print_error(lang, &e);
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    let (format, output) =
        match open_output::<ValidateReport>(lang, args.format, args.output.as_deref()) {
            Ok(o) => o,
            Err(code) => return Ok(code),
        };
    let length_of_stay = match super::surge::stays(&args.length_of_stay) {
        Ok(l) => l,
        Err(e) => {
            print_error(lang, &e);
            return Ok(ExitCode::from(EXIT_USAGE));
        }
    };
    let mut read = args.study.read_options();
    let tables = crate::study::locate_tables(&read, schema::COMPUTE_TABLES).unwrap_or_default();
    let surge_tables =
        crate::study::locate_tables(&read, crate::surge::schema::SURGE_TABLES).unwrap_or_default();
    let surge = args.surge
        || (surge_tables.contains_key("covid_standards") && !tables.contains_key("standards"));
    if !surge && !args.length_of_stay.is_empty() {
        print_error(lang, &crate::messages::cli::length_of_stay_for_surge());
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    let (tables, counts, mut diag) = if surge {
        // The tables a surge study does not read (--standards, --workload, --staff) are left out.
        read.overrides
            .retain(|name, _| surge_tables.contains_key(name));
        let (counts, diag) = check_surge(&read, &length_of_stay);
        (surge_tables, counts, diag)
    } else {
        let (counts, diag) = check_wisn(&args, &read, &tables);
        (tables, counts, diag)
    };
    // Errors first, then warnings, then notes; in the order met within each.
    diag.problems.sort_by_key(|p| std::cmp::Reverse(p.severity));
    let errors = diag.error_count();
    let warnings = diag.warnings().count();
    let (color, width) = terminal_settings(&output);
    let report = ValidateReport {
        problems: &diag.problems,
        tables: &tables,
        counts,
        errors,
        warnings,
        verbose: args.verbose,
        settings: ReportSettings {
            color,
            width,
            lang,
            ..Default::default()
        },
    };
    let bytes = crate::report::serialize(&report, format)?;
    output.finish(&bytes)?;
    Ok(ExitCode::from(if errors == 0 {
        EXIT_OK
    } else {
        EXIT_FAILED
    }))
}

/// A WISN study: the reader's checks, the method's, the costs table's, the computation's warnings.
fn check_wisn(
    args: &ValidateArgs,
    read: &crate::study::ReadOptions,
    tables: &BTreeMap<&'static str, crate::study::TableRef>,
) -> (Vec<(&'static str, u64)>, Diagnostics) {
    let (builder, mut diag) = crate::study::load(read);
    if !crate::study::small_tables::table_failed(&diag) {
        method_checks(&builder.study, &builder.rejected_working_time, &mut diag);
    }
    if !builder.study.standards.is_empty() {
        // The planning commands' costs table, when the study has one (cadres need standards).
        crate::planning::inputs::study_costs(read, &builder, &mut diag);
    }
    if !diag.has_errors() {
        // The computation's own warnings (staff without workload, ...).
        if let Err(problems) =
            crate::engine::compute(&builder.study, &ComputeOptions::default(), &mut diag)
        {
            diag.problems.extend(problems);
        }
    }
    if let Some(e) = super::guards::period_mismatch(args.study.period.as_deref(), &builder.study) {
        diag.error(crate::diag::Problem::error(Code::PeriodMismatch, e));
    }
    unlisted_facilities(&builder, &mut diag);
    place_in_tables(tables, &mut diag);
    (study_counts(&builder.study), diag)
}
