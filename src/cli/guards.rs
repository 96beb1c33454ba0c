//! Checks of the command line that need the study (or the file system): where `-o` may write,
//! and whether `--period` fits the data. Shared by `compute`, `surge` and `validate`; a failed
//! check is a command-line error (exit 2). docs/mistakes.md lists them.

use std::path::{Path, PathBuf};

/// `-o`: an extension that names no format (`resultats.xls`, `.ods`, `.pdf`) is refused (writing
/// the terminal table under that name would mislead), unless `--format` chose the format
/// (`known`); so is one of the study's input files (`inputs`), which the report would replace.
pub fn check_output(
    output: &Path,
    known: bool,
    inputs: &[PathBuf],
) -> Result<(), crate::diag::Msg> {
    if output == Path::new("-") {
        return Ok(());
    }
    if let (false, Some(ext)) = (known, output.extension()) {
        return Err(crate::messages::cli::unknown_output_extension(
            output.display(),
            &ext.to_string_lossy(),
        ));
    }
    crate::output::check_not_input(output, inputs)
}

/// The files a study reads: its workbook, its tables' files (of `COMPUTE_TABLES` and `extra`),
/// the tables given on their own, and every file of a study folder named like a table.
pub fn input_files(
    read: &crate::study::ReadOptions,
    extra: &[crate::study::schema::TableDef],
) -> Vec<PathBuf> {
    use crate::study::TableRef;
    let mut files = Vec::new();
    if let Some(study) = read.study.as_ref().filter(|s| s.is_file()) {
        files.push(study.clone());
    }
    for defs in [crate::study::schema::COMPUTE_TABLES, extra] {
        if let Ok(tables) = crate::study::locate_tables(read, defs) {
            for t in tables.values() {
                match t {
                    TableRef::Text { path, .. }
                    | TableRef::Json { path, .. }
                    | TableRef::Sheet { path, .. } => files.push(path.clone()),
                }
            }
        }
    }
    for arg in read.overrides.values() {
        let file = arg.split_once('#').map_or(arg.as_str(), |(f, _)| f);
        files.push(PathBuf::from(file));
    }
    if let Some(dir) = read.study.as_ref().filter(|s| s.is_dir()) {
        // Every table file of the folder, including the DHIS2 ones.
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let name = e.file_name().to_string_lossy().to_ascii_lowercase();
            let stem = name.split('.').next().unwrap_or("");
            if crate::study::schema::find_table(&crate::names::normalise(stem)).is_some()
                || ["dhis2", "correspondance", "datavalue"]
                    .iter()
                    .any(|p| stem.starts_with(p))
            {
                files.push(e.path());
            }
        }
    }
    files
}

/// `--period` against the years of the workload: `--period 2021` on results computed from 2023
/// workload would label them 2021 in DHIS2.
pub fn period_mismatch(
    period: Option<&str>,
    study: &crate::model::Study,
) -> Option<crate::diag::Msg> {
    let p = crate::study::dhis2::parse_period(period?)?;
    let years = &study.workload.years;
    if years.is_empty() || years.contains(&p.start_year) {
        return None;
    }
    let list: Vec<String> = years.iter().map(|y| y.to_string()).collect();
    Some(crate::messages::cli::period_mismatch(
        period.unwrap_or(""),
        &list.join(", "),
        p.start_year,
        list.last().map(String::as_str).unwrap_or(""),
    ))
}
