//! Finding the tables of a study (study-format §1): a folder with one file per table, named after
//! the table (any of .csv .tsv .txt .xlsx .xlsm .xls .ods, and .gz/.zip/.json by their stem), or a
//! workbook with one sheet per table; any table may be overridden by `--staff F` (or `F#Sheet`).

use crate::diag::Code;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::schema::TableDef;
use crate::diag::{Location, Problem};
use crate::messages::study as msg;
use crate::names::normalise;

/// Where one table is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableRef {
    /// A text file (CSV, TSV, TXT, possibly .gz or .zip).
    Text { path: PathBuf, display: String },
    /// A sheet of a workbook.
    Sheet {
        path: PathBuf,
        display: String,
        sheet: String,
    },
    /// A JSON file (DHIS2 dataValueSets).
    Json { path: PathBuf, display: String },
}

impl TableRef {
    pub fn display(&self) -> String {
        match self {
            TableRef::Text { display, .. } | TableRef::Json { display, .. } => display.clone(),
            TableRef::Sheet { display, sheet, .. } => format!("{display}#{sheet}"),
        }
    }
}

pub const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "xlsb", "ods"];
const TEXT_EXTENSIONS: &[&str] = &["csv", "tsv", "txt"];

fn lower_name(path: &Path) -> String {
    path.file_name()
        .map(os_text)
        .unwrap_or_default()
        .to_lowercase()
}

/// A file or folder name as text. Names that are not UTF-8 are Windows-1252 bytes: a study copied
/// from Windows by an old zip tool or a FAT-formatted USB stick keeps `établissements.csv` as the
/// byte 0xE9 followed by `tablissements.csv`, which Linux shows as `�tablissements.csv`; decoded,
/// the table is found and named properly in messages. (On Windows every name is Unicode.)
pub fn os_text(name: &std::ffi::OsStr) -> String {
    if let Some(s) = name.to_str() {
        return s.to_string();
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(name.as_bytes())
            .0
            .into_owned()
    }
    #[cfg(not(unix))]
    {
        name.to_string_lossy().into_owned()
    }
}

pub fn is_workbook(path: &Path) -> bool {
    let name = lower_name(path);
    WORKBOOK_EXTENSIONS
        .iter()
        .any(|e| name.ends_with(&format!(".{e}")))
}

/// The table stem of a file name and whether it is text, JSON or a workbook.
fn classify(path: &Path) -> Option<(String, Kind)> {
    let name = lower_name(path);
    let mut stem = name.as_str();
    let mut compressed = false;
    for ext in [".gz", ".zip"] {
        if let Some(s) = stem.strip_suffix(ext) {
            stem = s;
            compressed = true;
        }
    }
    if let Some((s, ext)) = stem.rsplit_once('.') {
        if TEXT_EXTENSIONS.contains(&ext) {
            return Some((s.to_string(), Kind::Text));
        }
        if ext == "json" {
            return Some((s.to_string(), Kind::Json));
        }
        if !compressed && WORKBOOK_EXTENSIONS.contains(&ext) {
            return Some((s.to_string(), Kind::Workbook));
        }
    }
    // `workload.zip` holding a CSV: the stem is the table.
    if compressed && !stem.contains('.') {
        return Some((stem.to_string(), Kind::Text));
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Json,
    Workbook,
}

/// A path as messages show it, each part decoded as [`os_text`] does.
fn display_path(path: &Path) -> String {
    match path.to_str() {
        Some(s) => s.to_string(),
        None => path
            .iter()
            .map(os_text)
            .collect::<PathBuf>()
            .display()
            .to_string(),
    }
}

/// Parses a `FILE#Sheet` table argument.
pub fn table_arg(arg: &str) -> TableRef {
    table_arg_for(arg, None)
}

/// Parses a `FILE#Sheet` argument given for a table: a workbook without `#Sheet` gives its sheet
/// named after the table (normalised, French names accepted), else its first sheet.
pub fn table_arg_for(arg: &str, table: Option<&TableDef>) -> TableRef {
    // `workload.zip#2023/workload.csv`: one entry of an archive (docs/robustness.md).
    if let Some(zip) = super::stream::zip_path_of(arg) {
        let path = PathBuf::from(zip);
        let display = arg.to_string();
        return if arg.to_ascii_lowercase().ends_with(".json") {
            TableRef::Json { path, display }
        } else {
            TableRef::Text { path, display }
        };
    }
    if let Some((file, sheet)) = arg.rsplit_once('#') {
        let path = PathBuf::from(file);
        if is_workbook(&path) {
            return TableRef::Sheet {
                display: display_path(&path),
                path,
                sheet: sheet.to_string(),
            };
        }
    }
    let path = PathBuf::from(arg);
    file_ref(&path, table)
}

/// A table file given on its own: a workbook's first sheet whose name is the table's (or the
/// first sheet), or a text/JSON file.
fn file_ref(path: &Path, table: Option<&TableDef>) -> TableRef {
    let display = display_path(path);
    match classify(path).map(|(_, k)| k) {
        Some(Kind::Workbook) => {
            let sheet = super::workbook::sheet_names(path)
                .ok()
                .and_then(|names| {
                    let wanted = names
                        .iter()
                        .find(|n| table.is_some_and(|t| t.matches(&normalise(n))));
                    wanted.or(names.first()).cloned()
                })
                .unwrap_or_default();
            TableRef::Sheet {
                path: path.to_path_buf(),
                display,
                sheet,
            }
        }
        Some(Kind::Json) => TableRef::Json {
            path: path.to_path_buf(),
            display,
        },
        _ => TableRef::Text {
            path: path.to_path_buf(),
            display,
        },
    }
}

/// Finds the tables among `defs` in a study folder or workbook. Two files for one table are an
/// error (which one was meant?).
pub fn discover(
    study: &Path,
    defs: &[TableDef],
) -> Result<BTreeMap<&'static str, TableRef>, Vec<Problem>> {
    let mut found: BTreeMap<&'static str, TableRef> = BTreeMap::new();
    let mut problems = Vec::new();
    if study.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(study) {
            Ok(rd) => rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect(),
            Err(e) => {
                return Err(vec![Problem::error(
                    Code::CannotOpen,
                    msg::cannot_be_listed(&e.to_string()),
                )
                .at(Location::file(display_path(study)))]);
            }
        };
        entries.sort();
        let mut workbooks = Vec::new();
        for path in &entries {
            // `~$etude.xlsx` is the lock file Excel keeps next to an open workbook.
            if lower_name(path).starts_with("~$") {
                continue;
            }
            let Some((stem, kind)) = classify(path) else {
                continue;
            };
            let n = normalise(&stem);
            if let Some(def) = defs.iter().find(|d| d.matches(&n)) {
                let r = file_ref(path, Some(def));
                if let Some(previous) = found.get(def.name) {
                    problems.push(
                        Problem::error(
                            Code::DuplicateTable,
                            msg::table_twice_files(def.name, &previous.display(), &r.display()),
                        )
                        .at(Location::file(display_path(study)))
                        .hint(msg::table_twice_files_hint()),
                    );
                    continue;
                }
                found.insert(def.name, r);
            } else if kind == Kind::Workbook {
                workbooks.push(path.clone());
            }
        }
        // A workbook in the folder may hold the tables that have no file of their own.
        for wb in workbooks {
            match sheets_of(&wb, defs) {
                Ok(sheets) => {
                    for (name, r) in sheets {
                        found.entry(name).or_insert(r);
                    }
                }
                Err(p) => problems.push(p),
            }
        }
    } else if study.is_file() && is_workbook(study) {
        match sheets_of(study, defs) {
            Ok(sheets) => found.extend(sheets),
            Err(p) => problems.push(p),
        }
    } else if study.exists() {
        problems.push(
            Problem::error(Code::NotAStudy, msg::not_a_study())
                .at(Location::file(display_path(study)))
                .hint(msg::not_a_study_hint()),
        );
    } else {
        problems.push(
            Problem::error(Code::NotFound, msg::study_not_found())
                .at(Location::file(display_path(study)))
                .hint(msg::study_not_found_hint()),
        );
    }
    if problems.is_empty() {
        Ok(found)
    } else {
        Err(problems)
    }
}

fn sheets_of(path: &Path, defs: &[TableDef]) -> Result<Vec<(&'static str, TableRef)>, Problem> {
    let names = super::workbook::sheet_names(path)?;
    let display = display_path(path);
    let mut out: Vec<(&'static str, TableRef)> = Vec::new();
    for sheet in names {
        let n = normalise(&sheet);
        if let Some(def) = defs.iter().find(|d| d.matches(&n)) {
            if let Some((_, TableRef::Sheet { sheet: first, .. })) =
                out.iter().find(|(t, _)| *t == def.name)
            {
                return Err(Problem::error(
                    Code::DuplicateTable,
                    msg::table_twice_sheets(def.name, first, &sheet),
                )
                .at(Location::file(display.clone()))
                .hint(msg::table_twice_sheets_hint()));
            }
            if out.iter().all(|(t, _)| *t != def.name) {
                out.push((
                    def.name,
                    TableRef::Sheet {
                        path: path.to_path_buf(),
                        display: display.clone(),
                        sheet,
                    },
                ));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        assert_eq!(
            classify(Path::new("x/workload.csv.gz")),
            Some(("workload".into(), Kind::Text))
        );
        assert_eq!(
            classify(Path::new("workload.zip")),
            Some(("workload".into(), Kind::Text))
        );
        assert_eq!(
            classify(Path::new("Effectifs.XLSX")),
            Some(("effectifs".into(), Kind::Workbook))
        );
        assert_eq!(
            classify(Path::new("workload.json")),
            Some(("workload".into(), Kind::Json))
        );
        assert_eq!(classify(Path::new("README.md")), None);
        assert!(
            matches!(table_arg("book.xlsx#Effectifs"), TableRef::Sheet { sheet, .. } if sheet == "Effectifs")
        );
        assert!(matches!(table_arg("dir/staff.csv"), TableRef::Text { .. }));
    }

    /// `--staff C:\Users\Awa\etude.xlsx#Personnel` as typed in a Windows terminal: the sheet is
    /// after the last `#`, the drive letter's `:` is part of the file (runs on every system).
    #[test]
    fn windows_table_arguments() {
        match table_arg(r"C:\Users\Awa\Études\etude.xlsx#Personnel") {
            TableRef::Sheet { path, sheet, .. } => {
                assert_eq!(path, PathBuf::from(r"C:\Users\Awa\Études\etude.xlsx"));
                assert_eq!(sheet, "Personnel");
            }
            other => panic!("{other:?}"),
        }
        // A `#` in a folder name with a text file: the whole argument is the file.
        match table_arg(r"D:\etudes #2\effectifs.csv") {
            TableRef::Text { path, display } => {
                assert_eq!(path, PathBuf::from(r"D:\etudes #2\effectifs.csv"));
                assert_eq!(display, r"D:\etudes #2\effectifs.csv");
            }
            other => panic!("{other:?}"),
        }
        assert!(is_workbook(Path::new(r"C:\etude\SIKASSO.XLSX")));
        assert!(!is_workbook(Path::new(r"C:\etude.xlsx\staff.csv")));
    }

    /// A name in Windows-1252 bytes (not UTF-8) is decoded as such.
    #[cfg(unix)]
    #[test]
    fn windows_1252_file_names() {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"\xc9tablissements.csv");
        assert_eq!(os_text(name), "Établissements.csv");
        assert_eq!(
            classify(Path::new(name)),
            Some(("établissements".into(), Kind::Text))
        );
        let path = Path::new(std::ffi::OsStr::from_bytes(
            b"/tmp/S\xe9gou/\xe9tablissements.csv",
        ));
        assert_eq!(display_path(path), "/tmp/Ségou/établissements.csv");
        assert_eq!(
            os_text(std::ffi::OsStr::new("effectifs.csv")),
            "effectifs.csv"
        );
    }
}
