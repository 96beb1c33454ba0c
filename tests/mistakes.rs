//! Issue 10, "no silent wrong numbers": every ordinary mistake in a study is caught and named.
//! Each case has a fixture under tests/data/mistakes named for it (written by make.py there);
//! each test checks the exit status, that the message names the place (file, row, column, value)
//! and the fix, that nothing is written, and that `wisn validate` reports it too.

use crate::util::*;

/// The fixture study copied into a temporary folder (outputs are written next to it).
fn case(name: &str) -> Dir {
    let d = Dir::new();
    d.copy_from(&fixture(&format!("mistakes/{name}")));
    d
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs `wisn <command> STUDY ARGS -o out/report.csv` and checks the exit status, that stderr
/// holds every needle, and that neither the report nor a temporary file was written.
fn refuses(command: &str, d: &Dir, args: &[&str], code: i32, needles: &[&str]) -> String {
    let out_dir = d.join("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    let out_file = out_dir.join("report.csv");
    let out = wisn()
        .arg(command)
        .arg(d.path())
        .args(args)
        .arg("-o")
        .arg(&out_file)
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "stderr: {stderr}");
    for n in needles {
        assert!(stderr.contains(n), "expected {n:?} in:\n{stderr}");
    }
    assert!(!out_file.exists(), "an output file was written");
    let leftovers: Vec<_> = std::fs::read_dir(&out_dir).unwrap().collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    stderr
}

/// `wisn validate STUDY ARGS`: exit status and every needle on stdout.
fn validate_lists(d: &Dir, args: &[&str], code: i32, needles: &[&str]) -> String {
    let out = wisn()
        .arg("validate")
        .arg(d.path())
        .args(args)
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(code), "stdout: {stdout}");
    for n in needles {
        assert!(stdout.contains(n), "expected {n:?} in:\n{stdout}");
    }
    stdout
}

/// An error: compute exits 1 and writes nothing; validate exits 1 and lists it.
fn error_case(name: &str, args: &[&str], needles: &[&str]) {
    let d = case(name);
    refuses("compute", &d, args, 1, needles);
    validate_lists(&d, args, 1, needles);
}

/// A warning: compute warns (exit 0) and, with --strict, exits 1 and writes nothing; validate
/// lists it as a warning (exit 0).
fn warning_case(name: &str, args: &[&str], needles: &[&str]) {
    let d = case(name);
    let out = wisn()
        .arg("compute")
        .arg(d.path())
        .args(args)
        .args(["-f", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    for n in needles {
        assert!(stderr.contains(n), "expected {n:?} in:\n{stderr}");
    }
    let mut strict = args.to_vec();
    strict.push("--strict");
    refuses("compute", &d, &strict, 1, needles);
    validate_lists(&d, args, 0, needles);
}

#[test]
fn the_clean_base_is_clean_under_strict() {
    let d = case("clean_base");
    let out = wisn()
        .args([
            "compute",
            d.path().to_str().unwrap(),
            "--strict",
            "-f",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    validate_lists(&d, &[], 0, &["0 errors, 0 warnings"]);
}

#[test]
fn a_count_header_that_is_not_recognised_is_not_a_person_list() {
    // `Quantité` is not a count alias: read as a person list, every count would become 1.
    error_case(
        "staff_count_header_unknown",
        &[],
        &[
            "staff.csv, row 1",
            "has no `count` column",
            "Quantité",
            "nb_agents",
            "person column",
            "fix:",
        ],
    );
}

#[test]
fn a_staff_table_without_count_or_person_column_is_an_error() {
    error_case(
        "staff_without_count_column",
        &[],
        &[
            "staff.csv, row 1",
            "has no `count` column",
            "facility_id, cadre",
            "fix:",
        ],
    );
}

#[test]
fn known_count_aliases_and_person_lists_still_read() {
    let d = case("clean_base");
    d.write(
        "staff.csv",
        "facility_id,cadre,Nombre d'agents\nF1,Sage-femme,1\nF1,Infirmier,1\nF2,Sage-femme,2\nF2,Infirmier,2\n",
    );
    let rows = compute_csv(&[d.path().to_str().unwrap()]);
    let f2: Vec<_> = rows.iter().filter(|r| r["facility_id"] == "F2").collect();
    assert!(f2.iter().all(|r| r["current_staff"] == "2"), "{f2:?}");
    // A person list (matricule, nom): one row per person.
    d.write(
        "staff.csv",
        "Matricule,Nom,facility_id,cadre\nA1,Diarra,F1,Sage-femme\nA2,Koné,F1,Infirmier\nA3,Traoré,F2,Sage-femme\nA4,Coulibaly,F2,Sage-femme\nA5,Keita,F2,Infirmier\n",
    );
    let rows = compute_csv(&[d.path().to_str().unwrap()]);
    let sf = rows
        .iter()
        .find(|r| r["facility_id"] == "F2" && r["cadre"] == "Sage-femme")
        .unwrap();
    assert_eq!(sf["current_staff"], "2");
}

#[test]
fn a_row_with_an_extra_field_is_an_error() {
    // `…,2023-03,1,200` would give a volume of 1.
    error_case(
        "csv_row_with_extra_field",
        &[],
        &[
            "workload.csv, row 4",
            "has 5 fields but the header (line 1) has 4",
            "fix:",
        ],
    );
}

#[test]
fn a_row_with_a_missing_field_is_an_error() {
    error_case(
        "csv_row_with_missing_field",
        &[],
        &[
            "staff.csv, row 5",
            "has 2 fields but the header (line 1) has 3",
            "fix:",
        ],
    );
}

#[test]
fn trailing_empty_fields_are_fine() {
    let d = case("clean_base");
    d.write(
        "staff.csv",
        "facility_id,cadre,count,,\nF1,Sage-femme,1,,\nF1,Infirmier,1,,\nF2,Sage-femme,2,,\nF2,Infirmier,2,,\n",
    );
    assert_eq!(compute_csv(&[d.path().to_str().unwrap()]).len(), 4);
}

#[test]
fn an_unclosed_quote_names_the_line_where_it_starts() {
    let d = case("csv_unclosed_quote");
    let stderr = refuses(
        "compute",
        &d,
        &[],
        1,
        &["workload.csv, row 10", "never closes", "fix:"],
    );
    // One error, not a cascade of follow-ons from the swallowed lines.
    assert_eq!(stderr.matches("error:").count(), 1, "{stderr}");
    validate_lists(&d, &[], 1, &["workload.csv, row 10", "never closes"]);
}

#[test]
fn a_staff_row_pasted_twice_is_named() {
    warning_case(
        "staff_row_pasted_twice",
        &[],
        &["staff.csv, row 6", "repeats row 2", "summed", "fix:"],
    );
}

#[test]
fn a_workload_month_given_twice_is_named() {
    warning_case(
        "workload_month_twice_same_value",
        &[],
        &[
            "workload.csv, row 74",
            "repeats row 4",
            "2023-03",
            "volume 30",
        ],
    );
    warning_case(
        "workload_month_twice_different_value",
        &[],
        &[
            "workload.csv, row 74",
            "facility F1, activity \"Accouchement normal\", 2023-03 a second time",
            "row 4: 30, here: 27",
        ],
    );
}

#[test]
fn a_dhis2_value_given_twice_is_an_error() {
    error_case(
        "dhis2_value_twice",
        &[],
        &[
            "workload.csv, row 74",
            "repeats a value already given",
            "DEaccouch01",
            "202305",
            "fix:",
        ],
    );
    // The same export without the repeat is clean.
    let d = case("dhis2_clean");
    let out = wisn()
        .args([
            "compute",
            d.path().to_str().unwrap(),
            "--strict",
            "-f",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn impossible_working_time_is_an_error() {
    let stderr = {
        let d = case("hours_per_day_25");
        refuses(
            "compute",
            &d,
            &[],
            1,
            &[
                "working_time.csv, row 2, column \"hours_per_day\"",
                "\"25\"",
                "more hours than a day has",
                "fix:",
            ],
        )
    };
    // The refused row is not reported again as a missing working time.
    assert!(!stderr.contains("no working_time row"), "{stderr}");
    validate_lists(
        &case("hours_per_day_25"),
        &[],
        1,
        &["more hours than a day has"],
    );
    error_case(
        "days_per_week_8",
        &[],
        &["working_time.csv, row 2", "days per week are 8", "fix:"],
    );
}

#[test]
fn an_implausible_awt_is_a_warning_that_says_what_to_check() {
    warning_case(
        "awt_implausible",
        &[],
        &[
            "working_time.csv, row 3",
            "\"Infirmier\"",
            "633 hours a year",
            "800 to 2600",
            "fix: check hours per day",
        ],
    );
}

#[test]
fn a_standard_typed_in_hours_instead_of_minutes_is_named() {
    warning_case(
        "standard_in_hours_not_minutes",
        &[],
        &[
            "standards.csv, row 2",
            "\"Accouchement normal\"",
            "240 h",
            "ratios below 0.1",
            "F1: ratio 0.02",
            "min or h?",
        ],
    );
}

#[test]
fn a_facility_type_no_typed_row_covers_is_named() {
    warning_case(
        "facility_type_not_covered",
        &[],
        &[
            "standards.csv: has rows for facility type \"EPH\" (rows 6, 7) but no facility has that type",
            "facilities.csv: facility types \"CSCom\" (F1), \"Hopital\" (F2)",
            "match no facility",
        ],
    );
}

#[test]
fn digits_grouped_other_than_by_three_are_an_error() {
    error_case(
        "digit_grouping_not_three",
        &[],
        &[
            "staff.csv, row 3, column \"count\"",
            "\"1 7\"",
            "not groups of three",
            "fix:",
        ],
    );
}

#[test]
fn a_year_without_data_is_an_error() {
    error_case(
        "clean_base",
        &["--year", "2022"],
        &[
            "workload.csv",
            "has no workload for --year 2022",
            "2023 (72 rows)",
            "fix:",
        ],
    );
}

#[test]
fn blank_periods_are_not_counted_under_year() {
    warning_case(
        "workload_blank_period_with_year",
        &["--year", "2023"],
        &[
            "workload.csv",
            "1 workload row has a blank period",
            "row 74",
        ],
    );
    // Not counted: F2's consultations are the 12 months' 7,200, not 12,200.
    let d = case("workload_blank_period_with_year");
    let with_year = compute_csv(&[d.path().to_str().unwrap(), "--year", "2023"]);
    let base = compute_csv(&[case("clean_base").path().to_str().unwrap()]);
    assert_same_results(&with_year, &base);
}

#[test]
fn week_53_of_a_52_week_year_is_an_error() {
    error_case(
        "workload_week_53",
        &[],
        &[
            "workload.csv, row 74, column \"period\"",
            "\"2023W53\"",
            "is not a period",
        ],
    );
}

#[test]
fn a_dhis2_period_that_disagrees_with_the_data_is_refused() {
    let d = case("clean_base");
    refuses(
        "compute",
        &d,
        &["-f", "dhis2-csv", "--period", "2021"],
        2,
        &["--period 2021", "workload of 2023"],
    );
    validate_lists(
        &d,
        &["--period", "2021"],
        1,
        &["--period 2021", "workload of 2023"],
    );
}

#[test]
fn an_unknown_output_extension_is_a_command_line_error() {
    for name in ["resultats.xls", "resultats.ods", "resultats.pdf"] {
        let d = case("clean_base");
        let target = d.join(name);
        let out = wisn()
            .args(["compute", d.path().to_str().unwrap(), "-o"])
            .arg(&target)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains(name) && stderr.contains(".csv, .json, .xlsx, .html"),
            "{stderr}"
        );
        assert!(!target.exists());
    }
}

#[test]
fn the_output_may_not_be_an_input_file() {
    let d = case("clean_base");
    let staff = d.join("staff.csv");
    let before = std::fs::read(&staff).unwrap();
    let out = wisn()
        .args(["compute", d.path().to_str().unwrap(), "-o"])
        .arg(&staff)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("is one of the study's input files"));
    assert_eq!(std::fs::read(&staff).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn an_output_symlink_is_written_through() {
    let d = case("clean_base");
    let target = d.join("reports").join("results.csv");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::write(&target, "old").unwrap();
    let link = d.join("latest.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = wisn()
        .args(["compute", d.path().to_str().unwrap(), "-o"])
        .arg(&link)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .starts_with("level,"));
}

#[test]
fn a_roll_up_level_given_twice_is_one() {
    let d = case("clean_base");
    let rows = compute_csv(&[
        d.path().to_str().unwrap(),
        "--by",
        "national",
        "--by",
        "national",
    ]);
    assert_eq!(rows.iter().filter(|r| r["level"] == "national").count(), 2);
}

#[test]
fn excel_bound_csv_makes_formula_text_inert() {
    let d = case("facility_name_formula");
    let out = wisn()
        .args([
            "compute",
            d.path().to_str().unwrap(),
            "-f",
            "csv",
            "--excel-fr",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let csv = text(&out.stdout);
    assert!(csv.contains(";\"'=HYPERLINK("), "{csv}");
    // Machine CSV keeps the value as it is.
    let rows = compute_csv(&[d.path().to_str().unwrap()]);
    assert!(rows[0]["facility_name"].starts_with("=HYPERLINK("));
}

#[test]
fn a_formula_without_a_saved_result_is_an_error() {
    let d = Dir::new();
    let book = d.join("etude.xlsx");
    std::fs::copy(fixture("mistakes/formula_without_result.xlsx"), &book).unwrap();
    let out_file = d.join("out.csv");
    let out = wisn()
        .arg("compute")
        .arg(&book)
        .arg("-o")
        .arg(&out_file)
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for n in [
        "sheet \"effectifs\", cell C2",
        "\"=1+1\"",
        "formula with no saved result",
        "open it in Excel or LibreOffice and save it",
    ] {
        assert!(stderr.contains(n), "{n:?} in {stderr}");
    }
    assert!(!out_file.exists());
    let v = wisn().arg("validate").arg(&book).output().unwrap();
    assert_eq!(v.status.code(), Some(1));
    assert!(text(&v.stdout).contains("formula with no saved result"));
}

#[test]
fn a_missing_column_gives_one_error_and_no_follow_ons() {
    let d = case("working_time_missing_column");
    let stderr = refuses(
        "compute",
        &d,
        &[],
        1,
        &[
            "working_time.csv, row 1",
            "has no `hours_per_day` column",
            "heures",
        ],
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let stdout = validate_lists(&d, &[], 1, &["1 error, 0 warnings"]);
    assert_eq!(stdout.matches("error:").count(), 1, "{stdout}");
}

#[test]
fn cadre_spellings_matched_are_notes_not_warnings() {
    let d = case("cadre_spelling_variants");
    validate_lists(&d, &[], 0, &["0 errors, 0 warnings"]);
    validate_lists(
        &d,
        &["-v"],
        0,
        &["note: cadre \"SAGE FEMME\" read as \"Sage-femme\""],
    );
    let out = wisn()
        .args([
            "compute",
            d.path().to_str().unwrap(),
            "--strict",
            "-f",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn surge_never_writes_a_non_finite_number() {
    let d = case("surge_infinite_load");
    refuses(
        "surge",
        &d,
        &[],
        1,
        &[
            "S1",
            "\"Infirmier\"",
            "2020-06-01",
            "larger than a number can hold",
            "fix:",
        ],
    );
    // `wisn validate` recognises the surge study (its covid_standards table) and runs the same
    // checks, the computation's included.
    validate_lists(
        &d,
        &[],
        1,
        &[
            "error: the results of S1 for cadre \"Infirmier\" on 2020-06-01",
            "larger than a number can hold",
            "1 error,",
        ],
    );
}

#[test]
fn surge_bounds_dates_and_stays() {
    let d = case("surge_admission_year_2200");
    refuses(
        "surge",
        &d,
        &["--length-of-stay", "severe=5"],
        1,
        &[
            "admissions.csv, row 3, column \"date\"",
            "\"2200-06-02\"",
            "2000 to 2099",
            "fix:",
        ],
    );
    let stdout = validate_lists(
        &d,
        &["--length-of-stay", "severe=5"],
        1,
        &[
            "error: ",
            "admissions.csv, row 3, column \"date\"",
            "\"2200-06-02\"",
            "2000 to 2099",
            "1 error,",
        ],
    );
    // Every format validate has: CSV, one row per problem with its place.
    let out = wisn()
        .args(["validate", d.path().to_str().unwrap()])
        .args(["--length-of-stay", "severe=5", "-f", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let rows = csv_rows(&text(&out.stdout));
    assert!(
        rows.iter().any(|r| r["code"] == "date_out_of_range"
            && r["file"].ends_with("admissions.csv")
            && r["row"] == "3"
            && r["column"] == "date"
            && r["value"] == "2200-06-02"),
        "{rows:?}"
    );
    // Without --length-of-stay, validate says the stay is missing too, as surge would.
    validate_lists(
        &d,
        &[],
        1,
        &["2000 to 2099", "--length-of-stay gives no stay for severe"],
    );
    let d = case("surge_admissions_after_last_stay");
    refuses(
        "surge",
        &d,
        &["--length-of-stay", "severe=1000000000"],
        2,
        &["longer than wisn accepts (365 days)"],
    );
    // The stay is a command-line value, not a cell: validate refuses it as surge does (exit 2,
    // the same parser), and validates the study with a stay it accepts.
    let out = wisn()
        .args(["validate", d.path().to_str().unwrap()])
        .args(["--length-of-stay", "severe=1000000000"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("longer than wisn accepts (365 days)"));
    validate_lists(
        &d,
        &["--length-of-stay", "severe=5"],
        0,
        &["valid: 1 site, 1 cadre, 20 census days; 0 errors"],
    );
}

#[test]
fn surge_admissions_run_to_their_last_row() {
    // Admitted 1 June (stay 5 days: to 5 June), a row of 0 admissions on 20 June: the days run
    // to 20 June (study-format §5).
    let d = case("surge_admissions_after_last_stay");
    let out = wisn()
        .args([
            "surge",
            d.path().to_str().unwrap(),
            "--length-of-stay",
            "severe=5",
            "-f",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows = csv_rows(&text(&out.stdout));
    let dates: Vec<&str> = rows
        .iter()
        .filter(|r| r["level"] == "site")
        .map(|r| r["date"].as_str())
        .collect();
    assert_eq!(dates.len(), 20);
    assert_eq!(dates.last(), Some(&"2020-06-20"));
}

#[test]
fn a_narrow_terminal_table_says_which_columns_it_hid() {
    use wisn::engine::{compute, ComputeOptions};
    use wisn::report::{serialize, ComputeReport, Format, ReportSettings};
    use wisn::study::{load, ReadOptions};
    let read = ReadOptions {
        study: Some(fixture("mistakes/clean_base")),
        ..Default::default()
    };
    let (builder, mut diag) = load(&read);
    let results = compute(&builder.study, &ComputeOptions::default(), &mut diag).unwrap();
    let text = |width: Option<u16>| {
        let settings = ReportSettings {
            width,
            ..Default::default()
        };
        let report = ComputeReport {
            study: &builder.study,
            results: &results,
            warnings: Vec::new(),
            settings: &settings,
        };
        String::from_utf8(serialize(&report, Format::Table).unwrap()).unwrap()
    };
    let narrow = text(Some(70));
    assert!(
        narrow.contains("Columns hidden to fit the terminal: ")
            && narrow.contains("-o results.csv"),
        "{narrow}"
    );
    assert!(!text(None).contains("Columns hidden"));
}

#[test]
fn surge_output_names_are_checked_too() {
    let d = case("surge_admissions_after_last_stay");
    for (target, needle) in [
        (d.join("vague.pdf"), "does not write .pdf files"),
        (
            d.join("admissions.csv"),
            "is one of the study's input files",
        ),
    ] {
        let before = std::fs::read(&target).ok();
        let out = wisn()
            .args([
                "surge",
                d.path().to_str().unwrap(),
                "--length-of-stay",
                "severe=5",
                "-o",
            ])
            .arg(&target)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        assert!(text(&out.stderr).contains(needle), "{}", text(&out.stderr));
        assert_eq!(std::fs::read(&target).ok(), before);
    }
}

mod repeated_keys {
    use proptest::prelude::*;
    use std::collections::{HashMap, HashSet};

    const ACTIVITIES: [&str; 2] = ["Accouchement normal", "CPN"];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
        /// Whatever rows repeat (same facility, activity and month, in any order, over two
        /// years), every repeat is reported once, and the volumes are still summed.
        #[test]
        fn every_repeat_is_reported_and_summed(
            rows in proptest::collection::vec(
                (0usize..3, 0usize..2, 2022i32..2024, 1u32..=12, 0u32..50), 1..60)
        ) {
            let dir = tempfile::tempdir().unwrap();
            for name in ["facilities.csv", "working_time.csv", "standards.csv", "staff.csv"] {
                std::fs::copy(
                    crate::util::fixture("mistakes/clean_base").join(name),
                    dir.path().join(name),
                )
                .unwrap();
            }
            let mut workload = String::from("facility_id,activity,period,volume\n");
            let mut distinct = HashSet::new();
            let mut totals: HashMap<(String, &str), f64> = HashMap::new();
            for (f, a, y, m, v) in &rows {
                let activity = ACTIVITIES[*a];
                workload.push_str(&format!("F{f},{activity},{y}-{m:02},{v}\n"));
                distinct.insert((*f, *a, *y, *m));
                *totals.entry((format!("F{f}"), activity)).or_default() += f64::from(*v);
            }
            std::fs::write(dir.path().join("workload.csv"), workload).unwrap();
            let read = wisn::study::ReadOptions {
                study: Some(dir.path().to_path_buf()),
                ..Default::default()
            };
            let (builder, diag) = wisn::study::load(&read);
            let reported = diag
                .problems
                .iter()
                .filter(|p| p.code == wisn::diag::Code::DuplicateRow || p.code == wisn::diag::Code::DuplicateKey)
                .count();
            prop_assert_eq!(reported, rows.len() - distinct.len());
            let study = &builder.study;
            for ((facility, activity), total) in totals {
                let f = study.facilities.iter().position(|x| x.id == facility).unwrap();
                let a = study.activities.iter().position(|x| x.name == activity).unwrap();
                prop_assert_eq!(study.workload.volume(f, a), Some(total));
            }
        }
    }
}
