//! Every message of the study reader has its French (issue 16): each fixture that fails or
//! warns is read, and every problem's message and fix must differ in French from the English
//! (no English left); one message is checked word for word.
//!
//! The reader is called as a library (`wisn::study::load`), as `wisn validate` calls it, for
//! the reader's messages on their own (every reader fixture given as each table); then the
//! whole of `wisn validate --lang fr --format json` on the mistakes fixtures.

use std::path::{Path, PathBuf};

use wisn::diag::{Diagnostics, Problem};
use wisn::i18n::Lang;
use wisn::study::{load, ReadOptions};

use crate::util::{fixture, sample};

/// Reads `study` (with `overrides`) and returns what the reader said.
fn read(study: &Path, overrides: &[(&'static str, String)]) -> Diagnostics {
    let options = ReadOptions {
        study: Some(study.to_path_buf()),
        overrides: overrides.iter().cloned().collect(),
        ..Default::default()
    };
    load(&options).1
}

/// Problems whose French is missing: the message or the fix is the same in both languages.
fn english_left(problems: &[Problem]) -> Vec<String> {
    let mut out = Vec::new();
    for p in problems {
        if p.message.fr() == p.message.en() {
            out.push(format!("{}: message {:?}", p.code, p.message.en()));
        }
        if let Some(h) = &p.hint {
            if h.fr() == h.en() {
                out.push(format!("{}: fix {:?}", p.code, h.en()));
            }
        }
    }
    out
}

/// The fixtures of tests/data/mistakes that are studies (folders and workbooks).
fn mistakes() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(fixture("mistakes"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    out.sort();
    out
}

#[test]
fn every_mistake_is_told_in_french() {
    let mut missing = Vec::new();
    let mut told = 0;
    for study in mistakes() {
        let diag = read(&study, &[]);
        told += diag.problems.len();
        for m in english_left(&diag.problems) {
            missing.push(format!("{}: {m}", study.display()));
        }
    }
    assert!(told > 20, "the mistakes fixtures gave only {told} problems");
    assert!(
        missing.is_empty(),
        "messages without French:\n{}",
        missing.join("\n")
    );
}

/// The reader fixtures of tests/data (a workbook or table file each), given in place of each
/// table of the sample study in turn: a table read as another gives missing columns, unknown
/// units, bad numbers, not-a-workbook errors, ...
#[test]
fn every_reader_fixture_is_told_in_french() {
    let files = [
        "bom_tab.tsv",
        "csv_renamed.xlsx",
        "error_cell.xlsx",
        "html_export.xls",
        "huge_dimension.xlsx",
        "merged_district_cells.xlsx",
        "nbsp_thousands.csv",
        "numbers_as_text.xlsx",
        "title_rows_above_header.xlsx",
        "truncated.xlsx",
    ];
    let tables = [
        "facilities",
        "standards",
        "working_time",
        "workload",
        "staff",
    ];
    let mut missing = Vec::new();
    let mut told = 0;
    for file in files {
        let path = fixture(file).display().to_string();
        for table in tables {
            let diag = read(&sample(), &[(table, path.clone())]);
            told += diag.problems.len();
            for m in english_left(&diag.problems) {
                missing.push(format!("{file} as {table}: {m}"));
            }
        }
    }
    for study in ["dhis2", "fr_semicolon_cp1252", "libreoffice"] {
        let diag = read(&fixture(study), &[]);
        told += diag.problems.len();
        for m in english_left(&diag.problems) {
            missing.push(format!("{study}: {m}"));
        }
    }
    assert!(told > 50, "the reader fixtures gave only {told} problems");
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "messages without French:\n{}",
        missing.join("\n")
    );
}

#[test]
fn a_mistake_reads_naturally_in_french() {
    let diag = read(&fixture("mistakes").join("hours_per_day_25"), &[]);
    let p = diag
        .problems
        .iter()
        .find(|p| p.code.name() == "bad_working_time")
        .expect("hours_per_day_25 gives bad_working_time");
    let place = Path::new("tests")
        .join("data")
        .join("mistakes")
        .join("hours_per_day_25")
        .join("working_time.csv");
    let rendered = p.render(Lang::Fr);
    let from_place = &rendered[rendered.find(&*place.display().to_string()).unwrap()..];
    assert_eq!(
        from_place,
        format!(
            "{}, ligne 2, colonne \"hours_per_day\" : \"25\" est plus d'heures qu'une journée n'en compte \
             (correction : hours_per_day est le nombre d'heures d'une journée de travail \
             (8 pour une semaine de 40 heures sur 5 jours ; 12 pour une garde de 12 heures))",
            place.display()
        )
    );
    // The same problem in English is as it always was.
    assert!(p.render(Lang::En).ends_with(
        "\"25\" is more hours than a day has (fix: hours_per_day is the hours of one working day \
         (8 for a 40-hour week of 5 days; 12 for a 12-hour shift))"
    ));
}

#[test]
fn counts_agree_with_their_number_in_french() {
    // Two cadres in staff with no standards (cadre_spelling_variants): "dans 1 structure", not
    // "dans 1 structures".
    let mut texts = Vec::new();
    for study in mistakes() {
        for p in read(&study, &[]).problems {
            texts.push(p.message.fr().to_string());
        }
    }
    for t in &texts {
        for bad in [" 1 structures", " 1 lignes", " 1 valeurs"] {
            assert!(!t.contains(bad), "{bad:?} in {t:?}");
        }
    }
}

/// The messages of `wisn validate --format json` in `lang`, for `study`.
fn validate_messages(study: &Path, lang: &str) -> Vec<(String, String, Option<String>)> {
    let out = crate::util::wisn()
        .arg("validate")
        .arg(study)
        .args(["--lang", lang, "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{}: no JSON ({e}): {}",
            study.display(),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    doc["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["code"].as_str().unwrap().to_string(),
                p["message"].as_str().unwrap().to_string(),
                p["hint"].as_str().map(str::to_string),
            )
        })
        .collect()
}

/// The whole of `wisn validate` (the reader's, the method's, the engine's and surge's
/// messages): every message and fix differs between `--lang fr` and `--lang en`.
#[test]
fn validate_in_french_leaves_no_english() {
    let mut missing = Vec::new();
    for study in mistakes() {
        let en = validate_messages(&study, "en");
        let fr = validate_messages(&study, "fr");
        assert_eq!(en.len(), fr.len(), "{}", study.display());
        for ((code, en_msg, en_hint), (_, fr_msg, fr_hint)) in en.iter().zip(&fr) {
            if en_msg == fr_msg {
                missing.push(format!("{}: {code}: {en_msg}", study.display()));
            }
            if en_hint.is_some() && en_hint == fr_hint {
                missing.push(format!("{}: {code}: fix {en_hint:?}", study.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "messages without French:\n{}",
        missing.join("\n")
    );
}
