//! `wisn validate`: one test per message, each on a copy of the sample study with one thing
//! broken, checking the problem's code, severity and place (file, row, column, value), and that
//! one run lists every problem at once.

use serde_json::Value;

use crate::util::*;

/// A copy of the sample study to break.
fn study() -> Dir {
    let d = Dir::new();
    d.copy_from(&sample());
    d
}

/// Replaces line `n` (1-based, the header is line 1) of a file of the study.
fn set_line(d: &Dir, file: &str, n: usize, line: &str) {
    let text = std::fs::read_to_string(d.join(file)).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[n - 1] = line.to_string();
    d.write(file, &(lines.join("\n") + "\n"));
}

fn append(d: &Dir, file: &str, line: &str) {
    let mut text = std::fs::read_to_string(d.join(file)).unwrap();
    text.push_str(line);
    text.push('\n');
    d.write(file, &text);
}

/// Runs `wisn validate PATH --format json ARGS`: (exit code, document).
fn validate(path: &std::path::Path, args: &[&str]) -> (i32, Value) {
    let out = wisn()
        .arg("validate")
        .arg(path)
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap(), doc)
}

/// The problems of a code.
fn with_code<'a>(doc: &'a Value, code: &str) -> Vec<&'a Value> {
    doc["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["code"] == code)
        .collect()
}

/// The one problem of a code (fails when there is none or several).
fn one<'a>(doc: &'a Value, code: &str) -> &'a Value {
    let found = with_code(doc, code);
    assert_eq!(
        found.len(),
        1,
        "expected one `{code}` problem, got {}: {}",
        found.len(),
        serde_json::to_string_pretty(&doc["problems"]).unwrap()
    );
    found[0]
}

/// Checks a problem's severity and place: file name, row, column header, value.
fn assert_at(p: &Value, severity: &str, file: &str, row: Option<u64>, column: Option<&str>) {
    assert_eq!(p["severity"], severity, "{p}");
    assert!(
        p["file"].as_str().unwrap_or("").ends_with(file),
        "file of {p}"
    );
    assert_eq!(p["row"].as_u64(), row, "row of {p}");
    assert_eq!(p["column"].as_str(), column, "column of {p}");
    if severity == "error" {
        assert!(p["hint"].is_string(), "every error says how to fix it: {p}");
    }
}

fn check_error(d: &Dir, code: &str, file: &str, row: Option<u64>, column: Option<&str>) -> Value {
    let (status, doc) = validate(d.path(), &[]);
    assert_eq!(status, 1, "errors exit 1");
    assert_eq!(doc["valid"], false);
    let p = one(&doc, code).clone();
    assert_at(&p, "error", file, row, column);
    p
}

// ---------------------------------------------------------------------------------------------
// A clean study, and the warnings the sample carries on purpose.

#[test]
fn the_sample_is_clean_and_its_former_problems_warn() {
    // Since issue 10 the sample itself has no warning (only notes)...
    let (status, doc) = validate(&sample(), &[]);
    assert_eq!(status, 0);
    assert_eq!(doc["valid"], true);
    assert_eq!(
        (doc["errors"].clone(), doc["warnings"].clone()),
        (0.into(), 0.into())
    );
    // ...the problems it used to carry on purpose still warn, on a copy that has them back.
    let old = sample_with_warnings();
    let (status, doc) = validate(old.path(), &[]);
    assert_eq!(status, 0);
    assert_eq!(doc["valid"], true);
    assert_eq!(doc["errors"], 0);
    assert_eq!(doc["counts"]["facilities"], 24);
    assert!(doc["tables"]["workload"]
        .as_str()
        .unwrap()
        .ends_with("workload.csv"));
    // Staff of a cadre with no standards, at the staff table.
    let staff = with_code(&doc, "staff_without_standards");
    assert_eq!(staff.len(), 2);
    assert_at(staff[0], "warning", "staff.csv", None, None);
    assert!(staff[0]["message"]
        .as_str()
        .unwrap()
        .contains("\"Technicien de laboratoire\" has staff (10 at 3 facilities)"));
    // A workload activity with no standard.
    let p = one(&doc, "activity_without_standard");
    assert_at(p, "warning", "workload.csv", None, None);
    assert!(p["message"].as_str().unwrap().contains("\"Dépistage VIH\""));
    // Facilities with incomplete months.
    let p = one(&doc, "incomplete_months");
    assert_at(p, "warning", "workload.csv", None, None);
    assert!(p["message"]
        .as_str()
        .unwrap()
        .contains("SIK-CSCOM-09 (10/12), SIK-CSCOM-14 (9/12)"));
    // Cadre names matched after folding or through aliases, with the mapping: notes (listed in
    // JSON, in text with -v), not warnings.
    let mapped = with_code(&doc, "cadre_mapped");
    let messages: Vec<&str> = mapped
        .iter()
        .map(|p| p["message"].as_str().unwrap())
        .collect();
    assert!(mapped.iter().all(|p| p["severity"] == "note"));
    assert!(messages
        .iter()
        .any(|m| m.contains("\"S/F\" read as \"Sage-femme\" (through cadre_aliases")));
    assert!(messages.iter().any(|m| m.contains(
        "\"MEDECIN\" read as \"Médecin\" (same name up to case, accents and separators"
    )));
    // Cadre names matched are notes now, not counted among the warnings.
    assert_eq!(doc["warnings"], 2 + 1 + 1);
}

#[test]
fn text_output_lists_problems_and_tables_on_stdout() {
    let d = study();
    set_line(&d, "working_time.csv", 5, "Matrone,,5,8,12,22,5,huit");
    append(&d, "workload.csv", "SIK-EPH,Dépistage VIH,2023-01,40"); // and a warning
    let out = wisn().arg("validate").arg(d.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("error: "), "{text}");
    assert!(text.contains(
        "working_time.csv, row 5, column \"other_leave\": \"huit\" is not a number (fix: "
    ));
    assert!(text.contains("warning: "));
    assert!(text.contains("table staff: "));
    assert!(text
        .trim_end()
        .lines()
        .last()
        .unwrap()
        .starts_with("invalid: 24 facilities"));
}

#[test]
fn every_problem_is_listed_in_one_run() {
    // Four errors in three tables, and a CAS over 100 % that only the method's check finds.
    let d = study();
    set_line(
        &d,
        "workload.csv",
        3,
        "SIK-EPH,Consultation curative,2023-02,beaucoup",
    );
    set_line(&d, "staff.csv", 2, "SIK-EPH,Médecin,-17");
    set_line(
        &d,
        "workload.csv",
        2,
        "SIK-EPH,Consultation curative,2023-13,407",
    );
    set_line(
        &d,
        "standards.csv",
        7,
        "Médecin,,support,Formation continue et documentation,96,%,",
    );
    set_line(
        &d,
        "facilities.csv",
        3,
        "SIK-EPH,CSRéf de Sikasso,CSRéf,Sikasso,Sikasso",
    );
    append(&d, "workload.csv", "SIK-EPH,Dépistage VIH,2023-01,40");
    let (status, doc) = validate(d.path(), &[]);
    assert_eq!(status, 1);
    for code in [
        "bad_number",
        "negative",
        "bad_period",
        "cas_over_100",
        "duplicate_facility",
    ] {
        assert_eq!(with_code(&doc, code).len(), 1, "{code}");
    }
    assert_eq!(doc["errors"], 5);
    // Warnings are still listed after errors (the sample has none since issue 10: one is added).
    assert!(!with_code(&doc, "activity_without_standard").is_empty());
    let severities: Vec<&str> = doc["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["severity"].as_str().unwrap())
        .collect();
    let first_warning = severities.iter().position(|s| *s == "warning").unwrap();
    assert!(severities[..first_warning].iter().all(|s| *s == "error"));
    assert!(severities[first_warning..].iter().all(|s| *s != "error"));
}

// ---------------------------------------------------------------------------------------------
// Errors, one test per message.

#[test]
fn bad_number() {
    let d = study();
    set_line(&d, "working_time.csv", 5, "Matrone,,5,8,12,22,5,huit");
    let p = check_error(
        &d,
        "bad_number",
        "working_time.csv",
        Some(5),
        Some("other_leave"),
    );
    assert_eq!(p["value"], "huit");
}

#[test]
fn decimal_comma_in_a_comma_file_is_a_bad_number_that_says_why() {
    let d = study();
    set_line(
        &d,
        "standards.csv",
        3,
        "Médecin,,service,Césarienne,\"1,5\",h,",
    );
    let p = check_error(&d, "bad_number", "standards.csv", Some(3), Some("standard"));
    assert_eq!(p["value"], "1,5");
    assert!(p["hint"].as_str().unwrap().contains("--decimal-comma"));
}

#[test]
fn negative_count() {
    let d = study();
    set_line(&d, "staff.csv", 2, "SIK-EPH,Médecin,-17");
    let p = check_error(&d, "negative", "staff.csv", Some(2), Some("count"));
    assert_eq!(p["value"], "-17");
}

#[test]
fn negative_volume() {
    let d = study();
    set_line(
        &d,
        "workload.csv",
        3,
        "SIK-EPH,Consultation curative,2023-02,-370",
    );
    check_error(&d, "negative", "workload.csv", Some(3), Some("volume"));
}

#[test]
fn unknown_unit() {
    let d = study();
    set_line(
        &d,
        "standards.csv",
        2,
        "Médecin,,service,Consultation médicale,20,minutes/semaine,",
    );
    let p = check_error(&d, "unknown_unit", "standards.csv", Some(2), Some("unit"));
    assert_eq!(p["value"], "minutes/semaine");
}

#[test]
fn unknown_component() {
    let d = study();
    set_line(
        &d,
        "standards.csv",
        5,
        "Médecin,,soutient,Réunions du personnel,2,h/month,",
    );
    let p = check_error(
        &d,
        "unknown_component",
        "standards.csv",
        Some(5),
        Some("component"),
    );
    assert_eq!(p["value"], "soutient");
}

#[test]
fn percent_for_an_additional_activity() {
    let d = study();
    set_line(
        &d,
        "standards.csv",
        8,
        "Médecin,,additional,Administration générale du centre,6,%,1",
    );
    check_error(
        &d,
        "percent_additional",
        "standards.csv",
        Some(8),
        Some("unit"),
    );
}

#[test]
fn standard_of_zero() {
    let d = study();
    set_line(
        &d,
        "standards.csv",
        2,
        "Médecin,,service,Consultation médicale,0,min,",
    );
    check_error(
        &d,
        "bad_standard",
        "standards.csv",
        Some(2),
        Some("standard"),
    );
}

#[test]
fn percentage_of_100_or_more_on_one_row() {
    let d = study();
    set_line(
        &d,
        "standards.csv",
        7,
        "Médecin,,support,Formation continue et documentation,100,%,",
    );
    let p = check_error(
        &d,
        "bad_standard",
        "standards.csv",
        Some(7),
        Some("standard"),
    );
    assert!(p["message"].as_str().unwrap().contains("percentage"));
}

#[test]
fn cas_of_100_percent_or_more() {
    // Médecin, AWT 209 days × 8 h = 1,672 h: 96 % + 2 h/month (2 × 209 / 21.667 = 19.29 h,
    // 1.1538 %) + 30 min/day (0.5 × 209 = 104.5 h, 6.25 %) = 103.4038 % ≥ 100.
    let d = study();
    set_line(
        &d,
        "standards.csv",
        7,
        "Médecin,,support,Formation continue et documentation,96,%,",
    );
    // Reported once, though the blank-type rows apply at CSCom and CSRéf.
    let p = check_error(&d, "cas_over_100", "standards.csv", None, None);
    let message = p["message"].as_str().unwrap();
    assert!(message.contains("cadre \"Médecin\""), "{message}");
    assert!(message.contains("103.4"), "{message}");
    assert!(p["hint"].as_str().unwrap().contains("row 5, row 6, row 7"));
}

#[test]
fn missing_column() {
    let d = study();
    set_line(
        &d,
        "standards.csv",
        1,
        "cadre,facility_type,component,activity,standard,unite_de_mesure,staff",
    );
    let p = check_error(&d, "missing_column", "standards.csv", Some(1), None);
    assert!(p["message"]
        .as_str()
        .unwrap()
        .contains("has no `unit` column"));
}

#[test]
fn missing_table() {
    let d = study();
    std::fs::remove_file(d.join("staff.csv")).unwrap();
    let p = check_error(&d, "missing_table", "", None, None);
    assert!(p["message"].as_str().unwrap().contains("`staff`"));
    assert!(p["hint"].as_str().unwrap().contains("effectifs"));
}

#[test]
fn duplicate_standard() {
    let d = study();
    append(
        &d,
        "standards.csv",
        "Médecin,,service,consultation medicale,25,min,",
    );
    let p = check_error(
        &d,
        "duplicate_standard",
        "standards.csv",
        Some(60),
        Some("activity"),
    );
    assert!(p["message"].as_str().unwrap().contains("first on row 2"));
}

#[test]
fn duplicate_header() {
    let d = study();
    set_line(
        &d,
        "facilities.csv",
        1,
        "facility_id,facility_name,facility_type,district,code_structure",
    );
    check_error(
        &d,
        "duplicate_header",
        "facilities.csv",
        Some(1),
        Some("code_structure"),
    );
}

#[test]
fn duplicate_facility() {
    let d = study();
    append(
        &d,
        "facilities.csv",
        "SIK-EPH,Hôpital bis,EPH,Sikasso,Sikasso",
    );
    let p = check_error(
        &d,
        "duplicate_facility",
        "facilities.csv",
        Some(26),
        Some("facility_id"),
    );
    assert_eq!(p["value"], "SIK-EPH");
}

#[test]
fn duplicate_working_time() {
    let d = study();
    append(&d, "working_time.csv", "MATRONE,,5,8,12,22,5,8");
    check_error(
        &d,
        "duplicate_working_time",
        "working_time.csv",
        Some(9),
        None,
    );
}

#[test]
fn cadre_with_standards_but_no_working_time() {
    let d = study();
    set_line(&d, "working_time.csv", 5, "");
    let p = check_error(&d, "no_working_time", "standards.csv", Some(43), None);
    assert!(p["message"].as_str().unwrap().contains("\"Matrone\""));
}

#[test]
fn impossible_working_time() {
    let d = study();
    set_line(&d, "working_time.csv", 2, "Médecin,,8,8,12,22,5,12");
    check_error(&d, "bad_working_time", "working_time.csv", Some(2), None);
}

#[test]
fn blank_cell() {
    let d = study();
    set_line(&d, "staff.csv", 4, ",Sage-femme,2");
    check_error(&d, "blank_cell", "staff.csv", Some(4), Some("facility_id"));
}

#[test]
fn bad_period() {
    let d = study();
    set_line(
        &d,
        "workload.csv",
        2,
        "SIK-EPH,Consultation curative,2023-13,407",
    );
    let p = check_error(&d, "bad_period", "workload.csv", Some(2), Some("period"));
    assert_eq!(p["value"], "2023-13");
}

#[test]
fn no_header_row() {
    let d = study();
    d.write("cadre_aliases.csv", "S/F,Sage-femme\nIO,Sage-femme\n");
    check_error(&d, "no_header", "cadre_aliases.csv", None, None);
}

#[test]
fn alias_mapped_twice() {
    let d = study();
    append(&d, "cadre_aliases.csv", "s/f,Infirmier");
    let p = check_error(&d, "alias_conflict", "cadre_aliases.csv", Some(11), None);
    assert_eq!(p["value"], "s/f");
}

#[test]
fn workload_without_activities() {
    let d = study();
    d.write("workload.csv", "facility_id,district\nSIK-EPH,Sikasso\n");
    check_error(&d, "no_activities", "workload.csv", Some(1), None);
}

#[test]
fn table_given_twice_in_a_folder() {
    let d = study();
    std::fs::copy(
        fixture("merged_district_cells.xlsx"),
        d.join("structures.xlsx"),
    )
    .unwrap();
    let (status, doc) = validate(d.path(), &[]);
    assert_eq!(status, 1);
    let p = one(&doc, "duplicate_table");
    assert!(p["message"].as_str().unwrap().contains("facilities.csv"));
    assert!(p["message"].as_str().unwrap().contains("structures.xlsx"));
}

#[test]
fn study_not_found() {
    let (status, doc) = validate(std::path::Path::new("no/such/study"), &[]);
    assert_eq!(status, 1);
    one(&doc, "not_found");
}

#[test]
fn a_file_that_is_not_a_study() {
    let (status, doc) = validate(&sample().join("staff.csv"), &[]);
    assert_eq!(status, 1);
    one(&doc, "not_a_study");
}

// ---------------------------------------------------------------------------------------------
// Warnings, one test per message.

fn check_warning(d: &Dir, code: &str) -> Value {
    let (status, doc) = validate(d.path(), &[]);
    assert_eq!(status, 0, "warnings alone exit 0: {doc}");
    assert_eq!(doc["valid"], true);
    let p = one(&doc, code).clone();
    assert_eq!(p["severity"], "warning");
    p
}

#[test]
fn facility_not_in_facilities() {
    let d = study();
    append(&d, "staff.csv", "SIK-CSCOM-99,Matrone,1");
    let p = check_warning(&d, "facility_not_listed");
    assert_at(&p, "warning", "staff.csv", Some(118), Some("facility_id"));
    assert_eq!(p["value"], "SIK-CSCOM-99");
}

#[test]
fn facility_in_workload_not_in_facilities() {
    let d = study();
    append(&d, "workload.csv", "KAD-CSCOM-99,Vaccination,2023-01,12");
    let p = check_warning(&d, "facility_not_listed");
    assert_at(
        &p,
        "warning",
        "workload.csv",
        Some(3986),
        Some("facility_id"),
    );
}

#[test]
fn working_time_of_a_cadre_without_standards() {
    let d = study();
    append(&d, "working_time.csv", "Pharmacien,,5,8,12,22,5,8");
    let p = check_warning(&d, "unused_cadre");
    assert!(p["message"].as_str().unwrap().contains("\"Pharmacien\""));
    assert!(p["file"].as_str().unwrap().ends_with("working_time.csv"));
}

#[test]
fn windows_1252_file() {
    let d = study();
    let text = std::fs::read_to_string(d.join("staff.csv")).unwrap();
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    d.write_bytes("staff.csv", &bytes);
    let p = check_warning(&d, "encoding_fallback");
    assert!(p["file"].as_str().unwrap().ends_with("staff.csv"));
    // The names read back right: same results as the UTF-8 file.
    assert_same_results(
        &compute_csv(&[d.path().to_str().unwrap()]),
        &compute_csv(&[sample().to_str().unwrap()]),
    );
}

#[test]
fn percentage_stored_as_a_fraction() {
    let d = study();
    set_line(
        &d,
        "standards.csv",
        7,
        "Médecin,,support,Formation continue et documentation,0.05,%,",
    );
    let p = check_warning(&d, "percent_as_fraction");
    assert_at(&p, "warning", "standards.csv", Some(7), Some("standard"));
    assert_eq!(p["value"], "0.05");
}

#[test]
fn periods_that_are_not_months() {
    let d = study();
    set_line(
        &d,
        "workload.csv",
        2,
        "SIK-EPH,Consultation curative,2023,407",
    );
    let p = check_warning(&d, "periods_not_monthly");
    assert!(p["file"].as_str().unwrap().ends_with("workload.csv"));
}

#[test]
fn more_than_twelve_months() {
    let d = study();
    set_line(
        &d,
        "workload.csv",
        2,
        "SIK-EPH,Consultation curative,2022-12,407",
    );
    let p = check_warning(&d, "more_than_12_months");
    assert!(p["message"]
        .as_str()
        .unwrap()
        .contains("SIK-EPH (13 months)"));
}

#[test]
fn staff_not_in_post() {
    let d = study();
    let text = std::fs::read_to_string(d.join("staff.csv")).unwrap();
    let mut out = String::from("facility_id,cadre,count,statut\n");
    for (i, line) in text.lines().skip(1).enumerate() {
        out += &format!("{line},{}\n", if i == 0 { "retraité" } else { "en poste" });
    }
    d.write("staff.csv", &out);
    let p = check_warning(&d, "staff_status_dropped");
    assert!(p["message"].as_str().unwrap().contains("retraité (1)"));
}

#[test]
fn staff_without_any_workload() {
    let d = study();
    append(
        &d,
        "facilities.csv",
        "SIK-CSCOM-20,CSCom de Test,CSCom,Sikasso,Sikasso",
    );
    append(&d, "staff.csv", "SIK-CSCOM-20,Matrone,1");
    let p = check_warning(&d, "staff_without_workload");
    assert!(p["message"].as_str().unwrap().contains("SIK-CSCOM-20"));
}

#[test]
fn cadre_without_workload_at_a_facility() {
    // SIK-CSCOM-05 has no médecin and none of his activities.
    let d = study();
    append(&d, "staff.csv", "SIK-CSCOM-05,Médecin,1");
    let p = check_warning(&d, "cadre_without_workload");
    assert!(p["message"].as_str().unwrap().contains("SIK-CSCOM-05"));
}

#[test]
fn a_study_with_both_standards_tables_is_checked_as_wisn_unless_surge_is_given() {
    // The sample study with a COVID-19 standards table (and census, staff) copied in: without
    // --surge it is a WISN study; --surge checks the surge tables, with the working_time and
    // facilities they share.
    let d = study();
    let covid = root().join("data/covid");
    for table in ["covid_standards.csv", "census.csv", "covid_staff.csv"] {
        std::fs::copy(covid.join(table), d.join(table)).unwrap();
    }
    let (code, doc) = validate(d.path(), &[]);
    assert_eq!(code, 0, "{}", doc["problems"]);
    assert!(doc["counts"]["standards"].as_u64().unwrap() > 0);
    assert!(doc["tables"]["covid_standards"].is_null());
    let (_, doc) = validate(d.path(), &["--surge"]);
    assert!(doc["counts"]["sites"].is_u64(), "{doc}");
    assert!(doc["tables"]["covid_standards"].is_string());
    assert!(doc["tables"]["standards"].is_null());
    // --length-of-stay means nothing to a WISN study: a command-line error.
    let out = wisn()
        .arg("validate")
        .arg(d.path())
        .args(["--length-of-stay", "severe=5"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--surge"));
}
