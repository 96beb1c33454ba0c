//! The output layer as every command sees it: each command lists the formats it writes (another
//! one is a command-line error, exit 2, naming them), `-o FILE` is atomic and `-o -` is stdout,
//! for compute, surge, explain, validate and template alike.

use crate::util::*;

#[test]
fn a_format_a_command_does_not_write_is_a_usage_error_naming_the_ones_it_does() {
    let out = wisn()
        .current_dir(root())
        .args(["surge", "data/covid", "-f", "dhis2-csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("table") && err.contains("html"), "{err}");

    let out = wisn()
        .current_dir(root())
        .args(["explain", "data/sikasso", "--facility", "SIK-CSCOM-04"])
        .args(["--cadre", "Sage-femme", "-o", "steps.xlsx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("text, json") && err.contains(".txt, .json"),
        "{err}"
    );

    let out = wisn()
        .current_dir(root())
        .args(["validate", "data/sikasso", "-f", "table"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("text, json, csv"));
}

#[test]
fn explain_and_validate_write_files_too() {
    let dir = Dir::new();
    let steps = dir.join("steps.json");
    wisn()
        .current_dir(root())
        .args(["explain", "data/sikasso", "--facility", "SIK-CSCOM-04"])
        .args(["--cadre", "Sage-femme", "-o"])
        .arg(&steps)
        .assert()
        .success()
        .stdout("");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&steps).unwrap()).unwrap();
    assert!(json.is_object());

    let problems = dir.join("problems.csv");
    let study = sample_with_warnings(); // the sample has no warning since issue 10
    wisn()
        .current_dir(root())
        .arg("validate")
        .arg(study.path())
        .arg("-o")
        .arg(&problems)
        .assert()
        .success();
    let rows = csv_rows(&std::fs::read_to_string(&problems).unwrap());
    assert!(!rows.is_empty());
    // Warnings and notes (CSV and JSON list the notes too: how cadre names were matched, …).
    assert!(rows
        .iter()
        .all(|r| r["severity"] == "warning" || r["severity"] == "note"));
    assert!(rows
        .iter()
        .any(|r| r["code"] == "staff_without_standards" && r["file"].ends_with("staff.csv")));
}

#[test]
fn dash_is_stdout_for_every_command() {
    for args in [
        &["compute", "data/sikasso", "-f", "csv", "-q", "-o", "-"][..],
        &["surge", "data/covid", "-f", "json", "-q", "-o", "-"],
        &["validate", "data/sikasso", "-f", "json", "-o", "-"],
        &["template", "--lang", "en", "-o", "-"],
        &[
            "explain",
            "data/sikasso",
            "--facility",
            "SIK-CSCOM-04",
            "--cadre",
            "Sage-femme",
            "-o",
            "-",
        ],
    ] {
        let out = wisn().current_dir(root()).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        assert!(!out.stdout.is_empty(), "{args:?}");
    }
}

/// Output is written as a stream (docs/benchmarks.md): a reader that closes the pipe early
/// (`wisn compute … | head`) is still not an error, and a full disk names the file.
#[test]
fn a_streamed_output_to_a_closed_pipe_or_a_full_disk() {
    use std::io::Read;
    let dir = crate::reports::mid_size_study();
    for format in ["csv", "json", "table"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_wisn"))
            .args(["compute", dir.path().to_str().unwrap(), "-f", format, "-q"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 100];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The pipe is closed here, long before the 2 400 rows are written.
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{format}: {out:?}");
        assert!(
            out.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    if std::path::Path::new("/dev/full").exists() {
        let out = wisn()
            .args([
                "compute",
                dir.path().to_str().unwrap(),
                "-f",
                "json",
                "-q",
                "-o",
                "/dev/full",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("/dev/full: cannot write"), "{err}");
    }
}
