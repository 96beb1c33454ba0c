//! Arguments shared by the subcommands that read a study, and how problems are printed.

use crate::diag::Reported;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::diag::{Diagnostics, Msg, Problem, Severity};
use crate::i18n::Lang;
use crate::messages::cli as m;
use crate::output::Output;
use crate::report::{Format, ReportSettings};
use crate::study::{parse_encoding, CsvOptions, ReadOptions};

/// Where the study is and how to read it.
#[derive(Debug, Clone, Args)]
pub struct StudyArgs {
    /// The study: a folder with one file per table, or a workbook with one sheet per table.
    pub study: Option<PathBuf>,
    /// The facilities table on its own (a workbook sheet as FILE#Sheet).
    #[arg(long, value_name = "FILE")]
    pub facilities: Option<String>,
    /// The standards table on its own.
    #[arg(long, value_name = "FILE")]
    pub standards: Option<String>,
    /// The working_time table on its own.
    #[arg(long, value_name = "FILE")]
    pub working_time: Option<String>,
    /// The workload table on its own.
    #[arg(long, value_name = "FILE")]
    pub workload: Option<String>,
    /// The staff table on its own.
    #[arg(long, value_name = "FILE")]
    pub staff: Option<String>,
    /// The cadre_aliases table on its own.
    #[arg(long, value_name = "FILE")]
    pub cadre_aliases: Option<String>,
    #[command(flatten)]
    pub dialect: DialectArgs,
    /// Scale each facility's volumes by 12 / months reported when it reported fewer than 12.
    #[arg(long)]
    pub annualize: bool,
    /// Keep the workload periods of this year (202301, 2023Q1, 2023W05, 2023; a quarter or week
    /// counts in the year it starts in).
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1900..=2200))]
    pub year: Option<i32>,
    /// DHIS2 org-unit export (id, name, level, path; CSV or JSON): fills facilities' district and
    /// region, and adds facilities absent from the facilities table.
    #[arg(long, value_name = "FILE")]
    pub orgunits: Option<String>,
    /// Org-unit level of districts in the --orgunits hierarchy [default: 3].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub district_level: Option<u32>,
    /// Org-unit level of regions in the --orgunits hierarchy [default: 2].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub region_level: Option<u32>,
    /// The dhis2_mapping table on its own (DHIS2 data element → activity).
    #[arg(long, value_name = "FILE")]
    pub dhis2_mapping: Option<String>,
    /// The dhis2_export table on its own (result → DHIS2 data element).
    #[arg(long, value_name = "FILE")]
    pub dhis2_export: Option<String>,
    /// DHIS2 period of the values that --format dhis2-csv|dhis2-json writes (2023, 2023Q4, 202312).
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
}

/// How the CSV files and staff lists of a study are read: declared once, flattened into every
/// command that reads a study, and converted once ([`DialectArgs::read_options`]).
#[derive(Debug, Clone, Args)]
pub struct DialectArgs {
    /// CSV delimiter (default: sniffed from the header line among , ; tab).
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
    /// Read 12,5 as 12.5 in CSV files (automatic when the delimiter is ;).
    #[arg(long)]
    pub decimal_comma: bool,
    /// CSV encoding (default: UTF-8, falling back to Windows-1252 with a warning).
    #[arg(long, value_name = "NAME", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Staff-list statuses that count as in post (comma-separated; default: en poste,actif,active).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub active_status: Vec<String>,
}

impl DialectArgs {
    /// The read options of a study given as a folder or workbook and tables on their own
    /// (`(table name, --table argument)`); the options of one command only are left default.
    pub fn read_options(
        &self,
        study: Option<PathBuf>,
        tables: &[(&'static str, &Option<String>)],
    ) -> ReadOptions {
        let overrides = tables
            .iter()
            .filter_map(|(name, value)| value.as_ref().map(|v| (*name, v.clone())))
            .collect();
        ReadOptions {
            study,
            overrides,
            csv: CsvOptions {
                delimiter: self.delimiter,
                decimal_comma: self.decimal_comma,
                encoding: self.encoding,
            },
            active_status: self.active_status.clone(),
            ..Default::default()
        }
    }
}

pub fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "tab" | "\\t" | "\t" | "TAB" => Ok(b'\t'),
        _ if s.len() == 1 && s.is_ascii() => Ok(s.as_bytes()[0]),
        _ => Err(m::not_one_character(s)
            .get(super::messages_lang())
            .to_string()),
    }
}

/// `--bands LOW,HIGH`, its error in the run's language.
pub fn parse_bands(s: &str) -> Result<crate::method::Bands, String> {
    use crate::method::results::BandsError;
    s.parse().map_err(|e| {
        match e {
            BandsError::NotTwo(s) => m::bands_not_two(&s),
            BandsError::NotANumber(s) => m::not_a_number(&s),
            BandsError::Order(low, high) => m::bands_order(low, high),
        }
        .get(super::messages_lang())
        .to_string()
    })
}

impl StudyArgs {
    pub fn read_options(&self) -> ReadOptions {
        let read = self.dialect.read_options(
            self.study.clone(),
            &[
                ("facilities", &self.facilities),
                ("standards", &self.standards),
                ("working_time", &self.working_time),
                ("workload", &self.workload),
                ("staff", &self.staff),
                ("cadre_aliases", &self.cadre_aliases),
                ("dhis2_mapping", &self.dhis2_mapping),
                ("dhis2_export", &self.dhis2_export),
                ("orgunits", &self.orgunits),
            ],
        );
        ReadOptions {
            annualize: self.annualize,
            year: self.year,
            district_level: self.district_level,
            region_level: self.region_level,
            ..read
        }
    }

    /// A study folder or workbook, or at least the tables given on their own.
    pub fn check(&self) -> Result<(), Msg> {
        if self.study.is_none() && self.working_time.is_none() {
            return Err(m::give_a_study());
        }
        Ok(())
    }
}

/// `error: ` / `erreur : ` (the word of the severity and the colon, as each language writes
/// it), coloured when `color`.
pub fn lead(severity: Severity, lang: Lang, color: bool) -> String {
    let word = severity.word(lang);
    let colon = match lang {
        Lang::En => ": ",
        Lang::Fr => " : ",
    };
    if color {
        let code = match severity {
            Severity::Error => "31",
            Severity::Warning => "33",
            Severity::Note => "36",
        };
        format!("\x1b[1;{code}m{word}\x1b[0m{colon}")
    } else {
        format!("{word}{colon}")
    }
}

fn stderr_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Prints problems on stderr in `lang`, `error:`/`warning:`/`note:` first (`erreur :`,
/// `avertissement :`, `note :`), coloured on a terminal.
pub fn print_problems<'a>(lang: Lang, problems: impl IntoIterator<Item = &'a Problem>) {
    let color = stderr_color();
    for p in problems {
        eprintln!("{}{}", lead(p.severity, lang, color), p.render(lang));
    }
}

/// Prints a message of the catalogue on stderr as an error (`error: …` / `erreur : …`).
pub fn print_error(lang: Lang, message: &Msg) {
    eprintln!(
        "{}{}",
        lead(Severity::Error, lang, false),
        message.get(lang)
    );
}

/// Prints a note (`note: …` / `note : …`).
pub fn print_note(lang: Lang, message: &Msg) {
    eprintln!("{}{}", lead(Severity::Note, lang, false), message.get(lang));
}

/// Prints an error and its causes (`error: a: b`), the catalogue's messages in `lang`.
pub fn print_anyhow(lang: Lang, err: &anyhow::Error) {
    eprintln!(
        "{}{}",
        lead(Severity::Error, lang, false),
        crate::diag::error_text(err, lang)
    );
}

/// Prints the errors of a failed read and says how many there were.
pub fn report_errors(lang: Lang, diag: &Diagnostics) {
    const SHOWN: usize = 30;
    let errors: Vec<&Problem> = diag.errors().collect();
    print_problems(lang, errors.iter().take(SHOWN).copied());
    if errors.len() > SHOWN {
        eprintln!("{}", m::more_errors(errors.len() - SHOWN).get(lang));
    }
}

/// How results and problems are presented: shared by `compute` and `surge`.
#[derive(Debug, Clone, Args)]
pub struct PresentationArgs {
    /// Treat warnings as errors (exit 1, nothing written).
    #[arg(long)]
    pub strict: bool,
    /// Do not print warnings on stderr.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Also print notes (e.g. how cadre names were matched).
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// CSV for French Excel: ';' delimiter, decimal commas, UTF-8 BOM.
    #[arg(long, value_name = "LOCALE", value_parser = ["fr", "en"])]
    pub locale: Option<String>,
    /// Same as --locale fr.
    #[arg(long, conflicts_with = "locale")]
    pub excel_fr: bool,
    /// Language of the words people read (table headers, status words, report sheets, chart
    /// labels); never of machine column names or CSV/JSON values. Default: from LC_ALL,
    /// LC_MESSAGES or LANG (fr… gives French; on Windows the Windows language), else English.
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<crate::i18n::Lang>,
}

impl PresentationArgs {
    /// `--excel-fr` or `--locale fr`.
    pub fn french_csv(&self) -> bool {
        self.excel_fr || self.locale.as_deref() == Some("fr")
    }

    /// The presentation settings of a run written to `output`: colour and width when it is a
    /// terminal, `--excel-fr`, `--lang`, and the run's status bands.
    pub fn settings(&self, output: &Output, bands: crate::method::Bands) -> ReportSettings {
        let (color, width) = terminal_settings(output);
        ReportSettings {
            color,
            width,
            french_csv: self.french_csv(),
            lang: self.lang(),
            bands,
            ..Default::default()
        }
    }

    /// `--lang`, else the environment's language.
    pub fn lang(&self) -> crate::i18n::Lang {
        self.lang.unwrap_or_else(crate::i18n::Lang::from_env)
    }

    /// Prints the warnings (and, with -v, the notes) unless -q, and returns the warnings; with
    /// --strict and any warning, prints them and returns `Err` (the run must write nothing).
    pub fn report_warnings<'a>(&self, diag: &'a Diagnostics) -> Result<Vec<&'a Problem>, Reported> {
        let warnings: Vec<&Problem> = diag.warnings().collect();
        let lang = self.lang();
        if self.strict && !warnings.is_empty() {
            print_problems(lang, warnings.iter().copied());
            print_error(lang, &m::strict_warnings(warnings.len()));
            return Err(Reported);
        }
        if !self.quiet {
            print_problems(
                lang,
                diag.problems.iter().filter(|p| {
                    p.severity == Severity::Warning
                        || (self.verbose && p.severity == Severity::Note)
                }),
            );
        }
        Ok(warnings)
    }
}

/// The output of a run, decided before the work starts: the format (`--format`, else `-o`'s
/// extension, else the command's default; one the command does not write is a command-line
/// error naming the ones it does), and the output opened (atomic `-o FILE`, `-o -` or nothing:
/// stdout), so that a bad path fails at once. `Err` is the exit code, the error printed.
pub fn open_output<R: crate::report::Report>(
    lang: Lang,
    format: Option<Format>,
    output: Option<&Path>,
) -> Result<(Format, Output), ExitCode> {
    // `-o resultats.xls` (an extension that names no format) for every command (cli::guards).
    if let (None, Some(out)) = (format, output) {
        if let Err(e) = super::guards::check_output(out, Format::from_path(out).is_some(), &[]) {
            print_error(lang, &e);
            return Err(ExitCode::from(super::EXIT_USAGE));
        }
    }
    let format = match Format::choose(format, output, R::FORMATS) {
        Ok(f) => f,
        Err(e) => {
            print_error(lang, &e);
            return Err(ExitCode::from(super::EXIT_USAGE));
        }
    };
    let to_stdout = output.map_or(true, |p| p == Path::new("-"));
    if format.needs_file() && to_stdout && std::io::stdout().is_terminal() {
        print_error(lang, &m::format_needs_file(format.name()));
        return Err(ExitCode::from(super::EXIT_USAGE));
    }
    match Output::prepare(output) {
        Ok(o) => Ok((format, o)),
        Err(e) => {
            print_anyhow(lang, &e);
            Err(ExitCode::from(super::EXIT_FAILED))
        }
    }
}

/// Whether the output is a terminal: status words coloured (unless `NO_COLOR`) and the table
/// fitted to `COLUMNS` when set (otherwise comfy-table asks the terminal itself).
pub fn terminal_settings(output: &Output) -> (bool, Option<u16>) {
    let to_terminal = matches!(output, Output::Stdout) && std::io::stdout().is_terminal();
    let color = to_terminal && std::env::var_os("NO_COLOR").is_none();
    let width = if to_terminal {
        std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok())
    } else {
        None
    };
    (color, width)
}

/// The results of a computation, or the exit code after printing the problems that stopped it.
pub fn computed<T>(lang: Lang, result: Result<T, Vec<Problem>>) -> Result<T, ExitCode> {
    result.map_err(|problems| {
        print_problems(lang, &problems);
        ExitCode::from(super::EXIT_FAILED)
    })
}

/// The worker threads for `--jobs N`: N, but never more than the machine's cores (a thread
/// per core is all the work can use; `--jobs 100000` would otherwise start 100 000 threads).
/// 0 (no `--jobs`) lets the pool take one per core. The results do not depend on it.
pub fn worker_threads(jobs: Option<usize>) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    jobs.map_or(0, |n| n.min(cores))
}

/// Frees a command's big values (the study, the results) on another thread once the output is
/// written: freeing 150 000 result rows and the study's tables took 0.05–0.07 s of a national
/// run's wall time, after the last byte was written. The process exits without waiting for it
/// (its memory goes back to the system anyway); a program that calls the command in-process
/// gets the memory back a little later, as it would have.
pub fn free_later<T: Send + 'static>(value: T) {
    let spawned = std::thread::Builder::new()
        .name("wisn-free".into())
        .spawn(move || drop(value));
    // No thread to be had: the value was dropped with the closure, here.
    drop(spawned);
}

pub use crate::memory::release_freed_memory;
