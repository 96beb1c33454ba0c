//! Every class of error: exit code (1 input/computation, 2 command line), a message that names
//! the place (file, row, column, value) and the fix, and no output file.

use crate::util::*;

const WT: &str = "cadre,days_per_week,hours_per_day,public_holidays,annual_leave,sick_leave,other_leave\nInfirmier,5,8,10,22,5,5\n";
const STD: &str = "cadre,component,activity,standard,unit\nInfirmier,service,Consultation,20,min\nInfirmier,support,Réunions,5,%\n";
const WL: &str = "facility_id,activity,period,volume\nF1,Consultation,2023-01,100\n";
const STAFF: &str = "facility_id,cadre,count\nF1,Infirmier,2\n";

/// A valid study with one table replaced.
fn study_with(table: &str, contents: &str) -> Dir {
    let d = Dir::new();
    for (name, body) in [
        ("working_time.csv", WT),
        ("standards.csv", STD),
        ("workload.csv", WL),
        ("staff.csv", STAFF),
    ] {
        d.write(name, if name == table { contents } else { body });
    }
    d
}

/// Runs compute with -o and checks: exit 1, stderr holds every needle, no output file.
fn fails_with(d: &Dir, needles: &[&str]) {
    let out_file = d.join("out").join("report.csv");
    std::fs::create_dir_all(d.join("out")).unwrap();
    let out = wisn()
        .args([
            "compute",
            d.path().to_str().unwrap(),
            "-o",
            out_file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    for n in needles {
        assert!(stderr.contains(n), "expected {n:?} in:\n{stderr}");
    }
    assert!(!out_file.exists(), "an output file was written");
    let leftovers: Vec<_> = std::fs::read_dir(d.join("out")).unwrap().collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn the_valid_base_study_computes() {
    let d = study_with("", "");
    wisn()
        .args(["compute", d.path().to_str().unwrap()])
        .assert()
        .success();
}

#[test]
fn bad_number_names_file_row_column_value_and_fix() {
    let d = study_with(
        "staff.csv",
        "facility_id,cadre,count\nF1,Infirmier,2\nF1,Infirmier,deux\n",
    );
    fails_with(
        &d,
        &[
            "staff.csv",
            "row 3",
            "column \"count\"",
            "\"deux\"",
            "is not a number",
            "fix:",
        ],
    );
}

#[test]
fn decimal_comma_in_a_comma_file_is_explained() {
    let d = study_with(
        "staff.csv",
        "facility_id,cadre,count\nF1,Infirmier,\"2,5\"\n",
    );
    fails_with(&d, &["row 2", "\"2,5\"", "--decimal-comma"]);
}

#[test]
fn nan_and_infinity_are_refused() {
    let d = study_with(
        "workload.csv",
        "facility_id,activity,volume\nF1,Consultation,NaN\n",
    );
    fails_with(&d, &["workload.csv", "row 2", "\"NaN\"", "finite"]);
    let d = study_with(
        "workload.csv",
        "facility_id,activity,volume\nF1,Consultation,inf\n",
    );
    fails_with(&d, &["\"inf\""]);
}

#[test]
fn negative_volume_and_count() {
    let d = study_with(
        "workload.csv",
        "facility_id,activity,volume\nF1,Consultation,-5\n",
    );
    fails_with(
        &d,
        &[
            "workload.csv",
            "row 2",
            "column \"volume\"",
            "\"-5\"",
            "negative",
        ],
    );
    let d = study_with("staff.csv", "facility_id,cadre,count\nF1,Infirmier,-1\n");
    fails_with(&d, &["staff.csv", "row 2", "negative"]);
}

#[test]
fn cas_of_100_percent_or_more() {
    let d = study_with("standards.csv", "cadre,component,activity,standard,unit\nInfirmier,service,Consultation,20,min\nInfirmier,support,Réunions,60,%\nInfirmier,support,Rapports,45,%\n");
    fails_with(&d, &["Infirmier", "105", "below 100"]);
}

#[test]
fn no_working_days() {
    let d = study_with("working_time.csv", "cadre,days_per_week,hours_per_day,public_holidays,annual_leave,sick_leave,other_leave\nInfirmier,5,8,200,60,0,0\n");
    fails_with(&d, &["working_time.csv", "row 2", "working days"]);
}

#[test]
fn standard_of_zero() {
    let d = study_with(
        "standards.csv",
        "cadre,component,activity,standard,unit\nInfirmier,service,Consultation,0,min\n",
    );
    fails_with(
        &d,
        &["standards.csv", "row 2", "column \"standard\"", "\"0\""],
    );
}

#[test]
fn unknown_unit_and_component() {
    let d = study_with("standards.csv", "cadre,component,activity,standard,unit\nInfirmier,service,Consultation,20,minutes par mois\n");
    fails_with(
        &d,
        &[
            "standards.csv",
            "row 2",
            "column \"unit\"",
            "not a unit",
            "min, h",
        ],
    );
    let d = study_with(
        "standards.csv",
        "cadre,component,activity,standard,unit\nInfirmier,services de soins,Consultation,20,min\n",
    );
    fails_with(&d, &["row 2", "column \"component\"", "not a component"]);
    let d = study_with(
        "standards.csv",
        "cadre,component,activity,standard,unit\nInfirmier,additional,Supervision,10,%\n",
    );
    fails_with(&d, &["row 2", "additional"]);
}

#[test]
fn cadre_with_standards_but_no_working_time() {
    let d = study_with("standards.csv", "cadre,component,activity,standard,unit\nInfirmier,service,Consultation,20,min\nMatrone,service,Accouchement,60,min\n");
    fails_with(&d, &["Matrone", "no working_time row"]);
}

#[test]
fn missing_table_column_and_duplicated_header() {
    let d = study_with("", "");
    std::fs::remove_file(d.join("staff.csv")).unwrap();
    fails_with(&d, &["no `staff` table", "effectifs"]);
    let d = study_with("staff.csv", "facility_id,count\nF1,2\n");
    fails_with(&d, &["staff.csv", "no `cadre` column", "categorie"]);
    let d = study_with(
        "staff.csv",
        "facility_id,cadre,count,effectif\nF1,Infirmier,2,2\n",
    );
    fails_with(
        &d,
        &["staff.csv", "row 1", "column \"effectif\"", "second time"],
    );
}

#[test]
fn duplicate_standard_and_facility() {
    let d = study_with("standards.csv", "cadre,component,activity,standard,unit\nInfirmier,service,Consultation,20,min\nINFIRMIER,service,consultation,25,min\n");
    fails_with(&d, &["standards.csv", "row 3", "first on row 2"]);
    let d = study_with("", "");
    d.write("facilities.csv", "facility_id,facility_name\nF1,A\nF1,B\n");
    fails_with(&d, &["facilities.csv", "row 3", "listed twice"]);
}

#[test]
fn bad_period() {
    let d = study_with(
        "workload.csv",
        "facility_id,activity,period,volume\nF1,Consultation,2023-13,100\n",
    );
    fails_with(
        &d,
        &[
            "workload.csv",
            "row 2",
            "column \"period\"",
            "\"2023-13\"",
            "2023-01",
        ],
    );
}

#[test]
fn every_error_is_listed_not_just_the_first() {
    let d = study_with(
        "staff.csv",
        "facility_id,cadre,count\nF1,Infirmier,x\nF1,Infirmier,y\nF1,Infirmier,-3\n",
    );
    fails_with(&d, &["row 2", "row 3", "row 4"]);
}

#[test]
fn study_that_does_not_exist() {
    let out = wisn().args(["compute", "no/such/study"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/study: does not exist"));
}

#[test]
fn output_folder_that_does_not_exist_fails_before_the_work() {
    let d = study_with("", "");
    let out = wisn()
        .args([
            "compute",
            d.path().to_str().unwrap(),
            "-o",
            d.join("missing/r.csv").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing/r.csv"));
}

#[test]
fn strict_turns_warnings_into_errors() {
    // Staff of a cadre with no standards is a warning...
    let d = study_with(
        "staff.csv",
        "facility_id,cadre,count\nF1,Infirmier,2\nF1,Chauffeur,1\n",
    );
    let out = wisn()
        .args(["compute", d.path().to_str().unwrap(), "-f", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning: cadre \"Chauffeur\" has staff"));
    // ...and an error with --strict, with nothing written.
    fails_with_args(&d, &["--strict"], &["Chauffeur", "--strict"]);
}

fn fails_with_args(d: &Dir, args: &[&str], needles: &[&str]) {
    let target = d.join("r.csv");
    let out = wisn()
        .args([
            "compute",
            d.path().to_str().unwrap(),
            "-o",
            target.to_str().unwrap(),
        ])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for n in needles {
        assert!(stderr.contains(n), "expected {n:?} in {stderr}");
    }
    assert!(!target.exists());
}

#[test]
fn command_line_errors_exit_2() {
    let d = study_with("", "");
    let p = d.path().to_str().unwrap();
    for args in [
        vec!["compute", p, "--bands", "1.2,0.8"],
        vec!["compute", p, "--bands", "x"],
        vec!["compute", p, "--by", "village"],
        vec!["compute", p, "--round", "sideways"],
        vec!["compute", p, "--no-such-flag"],
        vec!["compute", p, "--format", "pdf"],
        vec!["compute"],
        vec!["frobnicate"],
    ] {
        let out = wisn().args(&args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Regression: `-o /dev/null` (or a FIFO) was written through a temporary file renamed over the
/// target, which replaced the device node with a regular file. Special files are written in place.
#[cfg(unix)]
#[test]
fn output_to_a_fifo_is_written_in_place_not_replaced() {
    let d = study_with("", "");
    let fifo = d.join("pipe");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    wisn()
        .args([
            "compute",
            d.path().to_str().unwrap(),
            "-f",
            "csv",
            "-o",
            fifo.to_str().unwrap(),
        ])
        .assert()
        .success();
    let text = reader.join().unwrap();
    assert!(text.starts_with("level,facility_id"), "{text}");
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::metadata(&fifo).unwrap().file_type().is_fifo(),
        "the FIFO was replaced"
    );
}

#[test]
fn output_file_is_complete_and_readable() {
    let d = study_with("", "");
    let target = d.join("r.json");
    wisn()
        .args([
            "compute",
            d.path().to_str().unwrap(),
            "-o",
            target.to_str().unwrap(),
        ])
        .assert()
        .success();
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(doc["rows"].as_array().unwrap().len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&target).unwrap().permissions().mode() & 0o777,
            0o644
        );
    }
}
