//! `wisn explain`: the calculation of one result, step by step, that reproduces `wisn compute`
//! to the last decimal.

use std::path::PathBuf;

use crate::util::*;

fn small() -> String {
    fixture("reports_small").to_str().unwrap().to_string()
}

fn explain(args: &[&str]) -> std::process::Output {
    wisn().arg("explain").args(args).output().unwrap()
}

/// Runs in tests/data with a relative study path, so that the paths in the text are the same on
/// every machine.
fn explain_here(args: &[&str]) -> std::process::Output {
    wisn()
        .current_dir(fixture(""))
        .arg("explain")
        .arg("reports_small")
        .args(args)
        .output()
        .unwrap()
}

fn explain_json_text(study: &str, facility: &str, cadre: &str) -> String {
    let out = explain(&[
        study,
        "--facility",
        facility,
        "--cadre",
        cadre,
        "-f",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn explain_json(study: &str, facility: &str, cadre: &str) -> serde_json::Value {
    serde_json::from_str(&explain_json_text(study, facility, cadre)).unwrap()
}

/// A top-level number of the JSON as written, parsed by Rust (serde_json's default parser may be
/// one unit in the last place off: it is the output that must be exact).
fn raw_number(json: &str, key: &str) -> f64 {
    let at = json
        .find(&format!("\n  \"{key}\": "))
        .unwrap_or_else(|| panic!("{key}"));
    let rest = &json[at + key.len() + 7..];
    let end = rest.find([',', '\n']).unwrap();
    rest[..end].parse().unwrap()
}

#[test]
fn explanation_in_english() {
    let out = explain_here(&["--facility", "CS-A", "--cadre", "Infirmier", "--lang", "en"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    // The numbers of tests/data/reports_small/README.md.
    for expected in [
        "= AWT (hours a year)",
        "1760",
        "1760 × 60 / 20 = 5280",
        "10560 / 5280 = 2",
        "4 h × 10.153846 working months = 40.615385",
        "CAF = 1 / (1 − 2.307692 / 100) = 1.023622",
        "2 h × 44 working weeks = 88",
        "88 × 2 = 176",
        "IAF = 176 / 1760 = 0.1",
        "= 2.147244",
        "Status = balanced",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    insta::assert_snapshot!("explain_en", text);
}

#[test]
fn explanation_in_french() {
    let out = explain_here(&[
        "--facility",
        "CS-B",
        "--cadre",
        "Sage-femme",
        "--lang",
        "fr",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Statut = pénurie"), "{text}");
    assert!(
        text.contains("FAC = 1 / (1 − 10 / 100) = 1,111111"),
        "{text}"
    );
    insta::assert_snapshot!("explain_fr", text);
}

#[test]
fn hand_computed_steps_in_json() {
    let e = explain_json(&small(), "CS-A", "Infirmier");
    assert_eq!(e["working_time"]["working_days"], 220.0);
    assert_eq!(e["working_time"]["awt_hours"], 1760.0);
    assert_eq!(e["services"][0]["standard_workload"], 5280.0);
    assert_eq!(e["services"][0]["staff"], 2.0);
    assert_eq!(e["service_staff"], 2.0);
    let caf = e["caf"].as_f64().unwrap();
    assert!((caf - 130.0 / 127.0).abs() < 1e-12, "{caf}");
    assert_eq!(e["additional"][0]["total_hours"], 176.0);
    assert_eq!(e["iaf"], 0.1);
    assert_eq!(e["status"], "balanced");
    assert_eq!(e["working_time"]["source"]["row"], 2);
}

/// Every facility × cadre of the sample: explain's required staff is the CSV's, bit for bit.
#[test]
fn reproduces_compute_to_the_last_decimal() {
    let sample: PathBuf = sample();
    let study = sample.to_str().unwrap();
    let rows = compute_csv(&[study]);
    assert!(rows.len() > 100);
    // Every row of a few facilities of each type (each process reads the whole sample).
    let picked: Vec<_> = rows
        .iter()
        .filter(|r| {
            ["SIK-EPH", "SIK-CSREF", "SIK-CSCOM-09", "KAD-CSREF"]
                .contains(&r["facility_id"].as_str())
        })
        .collect();
    assert!(picked.len() >= 15);
    for r in picked {
        let text = explain_json_text(study, &r["facility_id"], &r["cadre"]);
        let e: serde_json::Value = serde_json::from_str(&text).unwrap();
        for (json, csv) in [
            ("required_staff", "required_staff"),
            ("service_staff", "service_staff"),
            ("caf", "caf"),
            ("iaf", "iaf"),
            ("current_staff", "current_staff"),
            ("difference", "difference"),
        ] {
            let want: f64 = r[csv].parse().unwrap();
            let got = raw_number(&text, json);
            assert_eq!(
                got.to_bits(),
                want.to_bits(),
                "{} {}: {json} {got} vs the CSV's {want}",
                r["facility_id"],
                r["cadre"]
            );
        }
        assert_eq!(
            e["required_rounded"].as_f64().unwrap().to_string(),
            r["required_rounded"]
        );
        assert_eq!(e["status"].as_str().unwrap_or(""), r["status"]);
    }
}

#[test]
fn text_shows_the_full_precision_requirement() {
    let rows = compute_csv(&[&small()]);
    let out = explain(&[
        &small(),
        "--facility",
        "CS-B",
        "--cadre",
        "Infirmier",
        "--lang",
        "en",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    let want = &rows
        .iter()
        .find(|r| r["facility_id"] == "CS-B" && r["cadre"] == "Infirmier")
        .unwrap()["required_staff"];
    assert!(
        text.contains(&format!("(full precision: {want})")),
        "{want} not in:\n{text}"
    );
}

#[test]
fn facility_by_name_and_cadre_by_alias() {
    let sample = sample();
    let study = sample.to_str().unwrap();
    // S/F is an alias of Sage-femme in the sample's cadre_aliases.
    let e = explain_json(study, "CSRéf de Sikasso", "S/F");
    assert_eq!(e["facility_id"], "SIK-CSREF");
    assert_eq!(e["cadre"], "Sage-femme");
    let e = explain_json(study, "sik-csref", "sage femme");
    assert_eq!(e["facility_id"], "SIK-CSREF");
}

#[test]
fn unknown_facility_is_located_with_a_suggestion() {
    let out = explain(&[&small(), "--facility", "CS-C", "--cadre", "Infirmier"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("facilities.csv"), "{err}");
    assert!(err.contains("column \"facility_id\""), "{err}");
    assert!(err.contains("\"CS-C\""), "{err}");
    assert!(err.contains("did you mean \"CS-"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn unknown_cadre_is_located_with_a_suggestion() {
    let out = explain(&[&small(), "--facility", "CS-A", "--cadre", "Infirmiere"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("standards.csv"), "{err}");
    assert!(err.contains("column \"cadre\""), "{err}");
    assert!(err.contains("did you mean \"Infirmier\"?"), "{err}");
}

/// Issue 16: `--cadre Technicien` named no cadre and suggested nothing, though the study has
/// "Technicien de laboratoire": a shortened name suggests the cadres it starts.
#[test]
fn shortened_cadre_suggests_the_full_name() {
    // The sample as it was, with its laboratory technicians (staff, no standards).
    let study = sample_with_warnings();
    let out = explain(&[
        study.path().to_str().unwrap(),
        "--facility",
        "SIK-CSREF",
        "--cadre",
        "Technicien",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("did you mean \"Technicien de laboratoire\"?"),
        "{err}"
    );
}

/// Part of a facility's name suggests it too.
#[test]
fn part_of_a_facility_name_suggests_it() {
    let out = explain(&[
        sample().to_str().unwrap(),
        "--facility",
        "Kaboila",
        "--cadre",
        "Médecin",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("did you mean \"CSCom de Kaboïla\"?"), "{err}");
}

#[test]
fn no_result_says_why() {
    // "Technicien de laboratoire" has staff but no standards (in the sample before issue 10).
    let study = sample_with_warnings();
    let sample = study.path().to_path_buf();
    let staff = std::fs::read_to_string(sample.join("staff.csv")).unwrap();
    let line = staff
        .lines()
        .find(|l| l.contains("Technicien de laboratoire"))
        .unwrap();
    let facility = line.split(',').next().unwrap();
    let out = explain(&[
        sample.to_str().unwrap(),
        "--facility",
        facility,
        "--cadre",
        "Technicien de laboratoire",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("has no standards"), "{err}");
}

#[test]
fn missing_options_are_usage_errors() {
    let out = explain(&[&small(), "--facility", "CS-A"]);
    assert_eq!(out.status.code(), Some(2));
}
