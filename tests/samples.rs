//! Every sample meant to be clean stays clean: `wisn compute --strict` (and `wisn validate`,
//! `project`, `surge`, the scenario and uncertainty runs) exits 0 with nothing on stderr, with
//! the command data/README.md documents for it. Issue 10: the samples are clean under
//! `--strict`, so a warning in them is a regression (of the data or of a rule), never noise.
//! The samples that show problems on purpose are listed in data/README.md ("Clean under
//! `--strict`?"); the warnings themselves are tested on fixtures of their own (and on
//! `util::sample_with_warnings`).

use crate::util::*;

/// Runs `wisn ARGS` from the repository root; expects exit 0 and an empty stderr.
fn assert_clean(args: &[&str]) -> Vec<u8> {
    let out = wisn().current_dir(root()).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.is_empty(),
        "`wisn {}` is not clean (exit {:?}):\n{stderr}",
        args.join(" "),
        out.status.code()
    );
    out.stdout
}

/// The study samples and the options data/README.md gives for each.
const STUDIES: &[(&str, &[&str])] = &[
    ("data/sikasso", &[]),
    ("data/sikasso.xlsx", &[]),
    ("data/sikasso_messy.xlsx", &[]),
    ("data/sikasso_fr", &["--encoding", "windows-1252"]),
    ("data/sikasso-dhis2", &["--year", "2023"]),
    ("data/sikasso-history", &["--year", "2023"]),
    ("tests/data/libreoffice/mixed_folder", &[]),
    ("tests/data/libreoffice/sikasso_messy.ods", &[]),
];

#[test]
fn every_clean_sample_computes_under_strict_without_a_warning() {
    for (study, options) in STUDIES {
        let mut args = vec!["compute", study, "--strict", "-f", "csv"];
        args.extend_from_slice(options);
        assert!(!assert_clean(&args).is_empty(), "{study}: no output");
    }
}

#[test]
fn every_clean_sample_validates_with_no_warning() {
    for (study, options) in STUDIES {
        let mut args = vec!["validate", study, "-f", "json"];
        args.extend_from_slice(options);
        let doc: serde_json::Value = serde_json::from_slice(&assert_clean(&args)).unwrap();
        assert_eq!(doc["valid"], true, "{study}");
        assert_eq!(doc["errors"], 0, "{study}");
        assert_eq!(doc["warnings"], 0, "{study}: {}", doc["problems"]);
    }
}

#[test]
fn the_surge_sample_validates_with_no_warning() {
    // data/covid has a covid_standards table and no standards table: validate checks it as
    // `wisn surge` would.
    let doc: serde_json::Value =
        serde_json::from_slice(&assert_clean(&["validate", "data/covid", "-f", "json"])).unwrap();
    assert_eq!(doc["valid"], true);
    assert_eq!(doc["warnings"], 0, "{}", doc["problems"]);
    assert_eq!(doc["counts"]["sites"], 4);
    assert!(doc["tables"]["covid_standards"].is_string());
}

#[test]
fn the_planning_samples_run_under_strict_without_a_warning() {
    assert_clean(&[
        "project",
        "data/sikasso-history",
        "--to",
        "2027",
        "--strict",
    ]);
    assert_clean(&[
        "compute",
        "data/sikasso",
        "--scenario",
        "data/scenarios/covid/scenario.csv",
        "--strict",
    ]);
    assert_clean(&[
        "compute",
        "data/sikasso",
        "--standards",
        "data/scenarios/covid/standards.csv",
        "--workload",
        "data/scenarios/covid/workload.csv",
        "--strict",
    ]);
    assert_clean(&[
        "compute",
        "data/sikasso",
        "--uncertainty",
        "100",
        "--standard-spread",
        "20",
        "--strict",
    ]);
    assert_clean(&["surge", "data/covid", "--strict"]);
}

#[test]
fn the_french_csv_folder_read_as_windows_1252_gives_the_sample_results() {
    let fr = assert_clean(&[
        "compute",
        "data/sikasso_fr",
        "--encoding",
        "windows-1252",
        "--strict",
        "-f",
        "csv",
    ]);
    let base = assert_clean(&["compute", "data/sikasso", "--strict", "-f", "csv"]);
    assert_eq!(
        String::from_utf8(fr).unwrap(),
        String::from_utf8(base).unwrap()
    );
}
