//! `wisn surge` end to end: hand-computed cases (the arithmetic is in the comments), the rules of
//! study-format §5, the errors, the output formats and the COVID-19 sample.
//!
//! Working time used throughout (unless said otherwise):
//! - Infirmier: 5 days × 52 = 260 − (10 + 26 + 5 + 0) = 219 days × 8 h = 1,752 h, so one nurse on
//!   duty round the clock is 24 × 365 / 1,752 = 8,760 / 1,752 = **5** people.
//! - Médecin: 219 days × 10 h = 2,190 h, so 8,760 / 2,190 = **4** people per doctor on duty.

use std::collections::BTreeMap;

use crate::util::*;

type Row = BTreeMap<String, String>;

const WORKING_TIME: &str = "\
cadre,days_per_week,hours_per_day,public_holidays,annual_leave,sick_leave,other_leave
Infirmier,5,8,10,26,5,0
Médecin,5,10,10,26,5,0
";

/// A study folder with the working time above and the given tables.
fn study(tables: &[(&str, &str)]) -> Dir {
    let dir = Dir::new();
    dir.write("working_time.csv", WORKING_TIME);
    for (name, text) in tables {
        dir.write(name, text);
    }
    dir
}

/// Runs `wisn surge DIR ARGS --format csv` and returns the rows.
fn surge_csv(dir: &Dir, args: &[&str]) -> Vec<Row> {
    let out = wisn()
        .arg("surge")
        .arg(dir.path())
        .args(args)
        .args(["--format", "csv", "-q"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "wisn surge failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    csv_rows(&String::from_utf8(out.stdout).unwrap())
}

/// Runs `wisn surge` and expects exit 1; returns stderr.
fn surge_fails(dir: &Dir, args: &[&str]) -> String {
    let out = wisn()
        .arg("surge")
        .arg(dir.path())
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(
        out.status.code(),
        Some(1),
        "expected exit 1; stderr: {stderr}"
    );
    assert!(out.stdout.is_empty(), "nothing is written on failure");
    stderr
}

/// The row of a level, date, site (facility_id, or the group's district/region) and cadre.
fn row<'a>(rows: &'a [Row], level: &str, date: &str, place: &str, cadre: &str) -> &'a Row {
    rows.iter()
        .find(|r| {
            r["level"] == level
                && r["date"] == date
                && (r["facility_id"] == place || r["district"] == place || r["region"] == place)
                && r["cadre"] == cadre
        })
        .unwrap_or_else(|| panic!("no {level} row {date} {place} {cadre}"))
}

fn num(r: &Row, column: &str) -> f64 {
    r[column]
        .parse()
        .unwrap_or_else(|_| panic!("{column} = {:?} is not a number", r[column]))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[track_caller]
fn assert_num(r: &Row, column: &str, expected: f64) {
    let v = num(r, column);
    assert!(close(v, expected), "{column}: {v} ≠ {expected} in {r:?}");
}

const STANDARDS: &str = "\
cadre,severity,patients_per_staff,min_on_duty
Infirmier,moderate,2,
Infirmier,severe,2,2
Médecin,critical,4,1
";

const CENSUS: &str = "\
date,facility_id,severity,patients
2020-06-01,S1,moderate,3
2020-06-01,S1,severe,3
2020-06-02,S1,moderate,1
2020-06-02,S1,mild,4
2020-06-03,S1,moderate,
";

const STAFF: &str = "\
facility_id,cadre,count
S1,Infirmier,12
";

#[test]
fn load_ceil_minimum_no_patients_and_headcount() {
    let dir = study(&[
        ("covid_standards.csv", STANDARDS),
        ("census.csv", CENSUS),
        ("covid_staff.csv", STAFF),
    ]);
    let rows = surge_csv(&dir, &[]);
    // 3 dates × 2 cadres + 2 summary rows.
    assert_eq!(rows.len(), 8);

    // 1 June, Infirmier: load = 3/2 + 3/2 = 3 → ceil 3 (not 4), above the minimum 2 →
    // 3 on duty × 5 = 15 people. 12 assigned: difference 12 − 15 = −3, ratio 12/15 = 0.8 →
    // shortage (below 0.9).
    let r = row(&rows, "site", "2020-06-01", "S1", "Infirmier");
    assert_num(r, "patients_moderate", 3.0);
    assert_num(r, "patients_severe", 3.0);
    assert_num(r, "patients_mild", 0.0);
    assert_num(r, "load", 3.0);
    assert_eq!(r["on_duty"], "3");
    assert_num(r, "headcount_needed", 15.0);
    assert_num(r, "assigned", 12.0);
    assert_num(r, "available", 12.0);
    assert_num(r, "difference", -3.0);
    assert_num(r, "ratio", 0.8);
    assert_eq!(r["status"], "shortage");
    assert_num(r, "awt_hours", 1752.0);
    // Summary-only columns are blank on site rows.
    assert_eq!(r["peak_date"], "");
    assert_eq!(r["days_in_shortage"], "");

    // 1 June, Médecin: no critical patients, load 0; the site has patients, so the minimum
    // applies: 1 on duty × 4 = 4 people; none assigned: ratio 0/4 = 0, shortage.
    let r = row(&rows, "site", "2020-06-01", "S1", "Médecin");
    assert_num(r, "load", 0.0);
    assert_eq!(r["on_duty"], "1");
    assert_num(r, "headcount_needed", 4.0);
    assert_num(r, "ratio", 0.0);
    assert_eq!(r["status"], "shortage");

    // 2 June, Infirmier: 1 moderate / 2 = 0.5 (4 mild patients have no nurse standard: + 0)
    // → ceil 1, minimum 2 → 2 on duty × 5 = 10; ratio 12/10 = 1.2 → excess.
    let r = row(&rows, "site", "2020-06-02", "S1", "Infirmier");
    assert_num(r, "patients_mild", 4.0);
    assert_num(r, "load", 0.5);
    assert_eq!(r["on_duty"], "2");
    assert_num(r, "headcount_needed", 10.0);
    assert_num(r, "difference", 2.0);
    assert_num(r, "ratio", 1.2);
    assert_eq!(r["status"], "excess");

    // 3 June: a blank count is 0, no patients → 0 on duty whatever min_on_duty says; needed 0:
    // ratio null, status excess with 12 nurses available, blank with no doctor.
    let r = row(&rows, "site", "2020-06-03", "S1", "Infirmier");
    assert_num(r, "patients_moderate", 0.0);
    assert_eq!(r["on_duty"], "0");
    assert_num(r, "headcount_needed", 0.0);
    assert_eq!(r["ratio"], "");
    assert_eq!(r["status"], "excess");
    let r = row(&rows, "site", "2020-06-03", "S1", "Médecin");
    assert_eq!(r["on_duty"], "0");
    assert_eq!(r["ratio"], "");
    assert_eq!(r["status"], "");
}

#[test]
fn ceil_is_exact_with_hours_per_patient_day() {
    // h = 7.2 care hours per patient-day is p = 24 / 7.2 = 3.33… patients per nurse;
    // 10 moderate patients: load = 10 × 7.2 / 24 = 3 (3.0000000000000004 in floating point),
    // which is 3 on duty, not 4: headcount 3 × 5 = 15.
    let dir = study(&[
        (
            "covid_standards.csv",
            "cadre,severity,hours_per_patient_day\nInfirmier,moderate,7.2\n",
        ),
        (
            "census.csv",
            "date,facility_id,severity,patients\n2020-06-01,S1,moderate,10\n",
        ),
        ("covid_staff.csv", STAFF),
    ]);
    let rows = surge_csv(&dir, &[]);
    let r = row(&rows, "site", "2020-06-01", "S1", "Infirmier");
    assert_num(r, "load", 3.0);
    assert_eq!(r["on_duty"], "3");
    assert_num(r, "headcount_needed", 15.0);
}

#[test]
fn rows_cover_every_cadre_site_and_census_date_without_gap_filling() {
    // S1 has 1 June (written three ways, summed: the ISO week 2020W23 is Monday 1 June) and
    // 3 June; S2 has 2 June only. Rows: 2 cadres × (2 + 1) dates = 6, then 4 summaries.
    let dir = study(&[
        ("covid_standards.csv", STANDARDS),
        (
            "census.csv",
            "date,facility_id,severity,patients\n\
             2020-06-01,S1,moderate,1\n\
             01/06/2020,S1,moderate,2\n\
             2020W23,S1,moderate,3\n\
             2020-06-03,S1,severe,1\n\
             2020-06-02,S2,severe,4\n",
        ),
        ("covid_staff.csv", STAFF),
    ]);
    let rows = surge_csv(&dir, &[]);
    let site: Vec<(&str, &str, &str)> = rows
        .iter()
        .filter(|r| r["level"] == "site")
        .map(|r| {
            (
                r["date"].as_str(),
                r["facility_id"].as_str(),
                r["cadre"].as_str(),
            )
        })
        .collect();
    // Date by date, then site, then cadre in covid_standards order.
    assert_eq!(
        site,
        vec![
            ("2020-06-01", "S1", "Infirmier"),
            ("2020-06-01", "S1", "Médecin"),
            ("2020-06-02", "S2", "Infirmier"),
            ("2020-06-02", "S2", "Médecin"),
            ("2020-06-03", "S1", "Infirmier"),
            ("2020-06-03", "S1", "Médecin"),
        ]
    );
    // 1 + 2 + 3 = 6 moderate on 1 June: 6 / 2 = 3 on duty.
    let r = row(&rows, "site", "2020-06-01", "S1", "Infirmier");
    assert_num(r, "patients_moderate", 6.0);
    assert_eq!(r["on_duty"], "3");
    // S2 has no staff: assigned 0 (the staff table names S1 only).
    let r = row(&rows, "site", "2020-06-02", "S2", "Infirmier");
    assert_num(r, "assigned", 0.0);
    assert_eq!(rows.iter().filter(|r| r["level"] == "summary").count(), 4);
}

#[test]
fn wide_census_with_french_names_and_decimal_commas() {
    // A French Excel export: `;`, dd/mm/yyyy, one column per severity, blank cells = 0.
    // covid_standards with French severities and decimal commas: légère 12 patients per nurse,
    // modérée 2,5, sévère 1,25; critique for the doctor.
    // 1 June: 6 légère / 12 + 5 modérée / 2.5 + 0 = 0.5 + 2 = 2.5 → 3 on duty → 15 people.
    let dir = study(&[
        (
            "normes_covid.csv",
            "Cadre;Sévérité;Patients par agent;Minimum de garde\n\
             Infirmier;Légère;12;\n\
             Infirmier;Modérée;2,5;\n\
             Infirmier;Sévère;1,25;\n\
             Médecin;Critique;4;1\n",
        ),
        (
            "occupation.csv",
            "Date;Site;Légère;Modérée;Sévère;Critique\n01/06/2020;S1;6;5;;\n",
        ),
        ("effectifs_covid.csv", STAFF),
    ]);
    let rows = surge_csv(&dir, &[]);
    let r = row(&rows, "site", "2020-06-01", "S1", "Infirmier");
    assert_num(r, "patients_mild", 6.0);
    assert_num(r, "patients_moderate", 5.0);
    assert_num(r, "patients_severe", 0.0);
    assert_num(r, "load", 2.5);
    assert_eq!(r["on_duty"], "3");
    assert_num(r, "headcount_needed", 15.0);
}

#[test]
fn admissions_become_a_census_with_the_length_of_stay() {
    // S1: 2 moderate admitted on 1 June (stay 3 days: counted 1, 2, 3 June) and 1 severe on
    // 3 June (stay 2 days: 3, 4 June); a row of 0 admissions on 10 June counts nobody, but the
    // days run from 1 June (first row) to the later of the last row (10 June) and the last day a
    // patient is counted (4 June): study-format §5. 5 to 10 June have no patients (0 on duty).
    // Nurses (2 moderate or 2 severe per nurse, minimum 2 when there are patients):
    //   1 June: 2/2 = 1 → min 2 → 10 people;  2 June: same;
    //   3 June: 2/2 + 1/2 = 1.5 → 2 → 10;     4 June: 1/2 = 0.5 → 1 → min 2 → 10.
    // Doctors: no critical, minimum 1 → 4 people each day.
    let dir = study(&[
        ("covid_standards.csv", STANDARDS),
        (
            "admissions.csv",
            "date,facility_id,severity,admitted\n\
             2020-06-01,S1,moderate,2\n\
             2020-06-03,S1,severe,1\n\
             2020-06-10,S1,moderate,0\n",
        ),
        ("covid_staff.csv", STAFF),
    ]);
    let rows = surge_csv(&dir, &["--length-of-stay", "moderate=3,severe=2"]);
    let dates: Vec<&str> = rows
        .iter()
        .filter(|r| r["level"] == "site" && r["cadre"] == "Infirmier")
        .map(|r| r["date"].as_str())
        .collect();
    assert_eq!(
        dates,
        [
            "2020-06-01",
            "2020-06-02",
            "2020-06-03",
            "2020-06-04",
            "2020-06-05",
            "2020-06-06",
            "2020-06-07",
            "2020-06-08",
            "2020-06-09",
            "2020-06-10"
        ]
    );
    assert_eq!(
        row(&rows, "site", "2020-06-10", "S1", "Infirmier")["on_duty"],
        "0"
    );
    for (date, moderate, severe, load) in [
        ("2020-06-01", 2.0, 0.0, 1.0),
        ("2020-06-02", 2.0, 0.0, 1.0),
        ("2020-06-03", 2.0, 1.0, 1.5),
        ("2020-06-04", 0.0, 1.0, 0.5),
    ] {
        let r = row(&rows, "site", date, "S1", "Infirmier");
        assert_num(r, "patients_moderate", moderate);
        assert_num(r, "patients_severe", severe);
        assert_num(r, "load", load);
        assert_eq!(r["on_duty"], "2", "{date}");
        assert_num(r, "headcount_needed", 10.0);
        assert_num(
            row(&rows, "site", date, "S1", "Médecin"),
            "headcount_needed",
            4.0,
        );
    }
    // French names work in --length-of-stay too; a stay given per severity admitted is needed.
    let rows = surge_csv(
        &dir,
        &[
            "--length-of-stay",
            "modérée=3",
            "--length-of-stay",
            "sévère=2",
        ],
    );
    assert_eq!(rows.iter().filter(|r| r["level"] == "site").count(), 20);
    let err = surge_fails(&dir, &["--length-of-stay", "moderate=3"]);
    assert!(err.contains("admissions.csv"), "{err}");
    assert!(err.contains("row 3"), "{err}");
    assert!(err.contains("severe admissions"), "{err}");
    assert!(err.contains("--length-of-stay severe="), "{err}");
}

#[test]
fn scaling_and_absence_rate() {
    // --scale-census 1.5: 3 moderate → 4.5 patients; 4.5 / 2 = 2.25 → 3 on duty × 5 = 15.
    // --absence-rate 0.2: 12 assigned × (1 − 0.2) = 9.6 available; 9.6 − 15 = −5.4;
    // 9.6 / 15 = 0.64 → shortage.
    let dir = study(&[
        ("covid_standards.csv", STANDARDS),
        (
            "census.csv",
            "date,facility_id,severity,patients\n2020-06-01,S1,moderate,3\n",
        ),
        ("covid_staff.csv", STAFF),
    ]);
    let base = surge_csv(&dir, &[]);
    // Without the options: 3 / 2 = 1.5 → 2 on duty × 5 = 10; 12 / 10 = 1.2, excess.
    let r = row(&base, "site", "2020-06-01", "S1", "Infirmier");
    assert_eq!(r["on_duty"], "2");
    assert_num(r, "available", 12.0);
    assert_eq!(r["status"], "excess");
    let rows = surge_csv(&dir, &["--scale-census", "1.5", "--absence-rate", "0.2"]);
    let r = row(&rows, "site", "2020-06-01", "S1", "Infirmier");
    assert_num(r, "patients_moderate", 4.5);
    assert_num(r, "load", 2.25);
    assert_eq!(r["on_duty"], "3");
    assert_num(r, "headcount_needed", 15.0);
    assert_num(r, "assigned", 12.0);
    assert_num(r, "available", 9.6);
    assert_num(r, "difference", -5.4);
    assert_num(r, "ratio", 0.64);
    assert_eq!(r["status"], "shortage");
    // The summary rows carry assigned and available too.
    let s = rows
        .iter()
        .find(|r| r["level"] == "summary" && r["cadre"] == "Infirmier")
        .unwrap();
    assert_num(s, "available", 9.6);
    // 10% written as a percentage is the same rate; 1 (everyone absent) is refused (exit 2).
    let pct = surge_csv(&dir, &["--scale-census", "1.5", "--absence-rate", "20%"]);
    assert_eq!(pct, rows);
    wisn()
        .arg("surge")
        .arg(dir.path())
        .args(["--absence-rate", "1"])
        .assert()
        .code(2);
}

const FACILITIES: &str = "\
facility_id,facility_name,facility_type,district,region
S1,Site un,CHU,D1,R
S2,Site deux,EPH,D1,R
S3,Site trois,CSRéf,D2,R
";

#[test]
fn roll_ups_sum_needed_and_available_across_sites() {
    // Nurses (2 moderate per nurse, minimum 2 with patients), 5 people per nurse on duty.
    // 1 June: S1 4 moderate → 2 → 10 needed, 12 assigned; S2 6 → 3 → 15, 6 assigned;
    //         S3 1 → ceil 0.5 = 1, min 2 → 10, 4 assigned.
    // 2 June: S2 only, 8 → 4 → 20 needed, 6 assigned.
    let dir = study(&[
        ("facilities.csv", FACILITIES),
        ("covid_standards.csv", STANDARDS),
        (
            "census.csv",
            "date,facility_id,severity,patients\n\
             2020-06-01,S1,moderate,4\n\
             2020-06-01,S2,moderate,6\n\
             2020-06-01,S3,moderate,1\n\
             2020-06-02,S2,moderate,8\n",
        ),
        (
            "covid_staff.csv",
            "facility_id,cadre,count\nS1,Infirmier,12\nS2,Infirmier,6\nS3,Infirmier,4\n",
        ),
    ]);
    let rows = surge_csv(&dir, &["--by", "district", "--by", "national"]);
    // District D1, 1 June: needed 10 + 15 = 25, available 12 + 6 = 18; 18 − 25 = −7;
    // 18 / 25 = 0.72 → shortage (ratio of the sums, not a mean of ratios).
    let r = row(&rows, "district", "2020-06-01", "D1", "Infirmier");
    assert_eq!(r["region"], "R");
    assert_eq!(r["facility_id"], "");
    assert_num(r, "patients_moderate", 10.0);
    assert_eq!(r["on_duty"], "5");
    assert_num(r, "headcount_needed", 25.0);
    assert_num(r, "available", 18.0);
    assert_num(r, "difference", -7.0);
    assert_num(r, "ratio", 0.72);
    assert_eq!(r["status"], "shortage");
    // District D2, 1 June: S3 alone, 4 / 10 = 0.4.
    assert_num(
        row(&rows, "district", "2020-06-01", "D2", "Infirmier"),
        "ratio",
        0.4,
    );
    // National, 1 June: needed 10 + 15 + 10 = 35, available 12 + 6 + 4 = 22; 22/35.
    let r = rows
        .iter()
        .find(|r| {
            r["level"] == "national" && r["date"] == "2020-06-01" && r["cadre"] == "Infirmier"
        })
        .unwrap();
    assert_num(r, "headcount_needed", 35.0);
    assert_num(r, "available", 22.0);
    assert_num(r, "ratio", 22.0 / 35.0);
    // 2 June: only S2 has a census that day, so only S2 is summed: 20 needed, 6 available.
    let r = rows
        .iter()
        .find(|r| {
            r["level"] == "national" && r["date"] == "2020-06-02" && r["cadre"] == "Infirmier"
        })
        .unwrap();
    assert_num(r, "headcount_needed", 20.0);
    assert_num(r, "available", 6.0);
    // Order: site rows, then district, then national, then summaries.
    let levels: Vec<&str> = rows.iter().map(|r| r["level"].as_str()).collect();
    let mut sorted = levels.clone();
    let rank = |l: &str| {
        ["site", "district", "national", "summary"]
            .iter()
            .position(|x| *x == l)
    };
    sorted.sort_by_key(|l| rank(l));
    assert_eq!(levels, sorted);
}

#[test]
fn summary_rows_peak_shortage_days_and_largest_shortage() {
    // S1 nurses over four days (2 moderate per nurse, min 2; 5 people per nurse on duty;
    // 12 assigned):
    //   1 June 2 moderate → 1 → min 2 → 10 needed, ratio 1.2 excess;
    //   2 June 6 → 3 → 15, ratio 0.8 shortage;
    //   3 June 5 → 2.5 → 3 → 15 (ties with 2 June: the peak is the earliest, 2 June), shortage;
    //   4 June 0 → 0 → 0.
    // Peak 15 on 2020-06-02, 2 days in shortage, largest shortage 15 − 12 = 3.
    let dir = study(&[
        ("facilities.csv", FACILITIES),
        ("covid_standards.csv", STANDARDS),
        (
            "census.csv",
            "date,facility_id,severity,patients\n\
             2020-06-01,S1,moderate,2\n\
             2020-06-02,S1,moderate,6\n\
             2020-06-03,S1,moderate,5\n\
             2020-06-04,S1,moderate,0\n",
        ),
        ("covid_staff.csv", STAFF),
    ]);
    let rows = surge_csv(&dir, &[]);
    let s = rows
        .iter()
        .find(|r| r["level"] == "summary" && r["cadre"] == "Infirmier")
        .unwrap();
    assert_eq!(s["facility_id"], "S1");
    assert_eq!(s["facility_name"], "Site un");
    assert_eq!(s["district"], "D1");
    assert_eq!(s["region"], "R");
    assert_eq!(s["peak_date"], "2020-06-02");
    assert_num(s, "peak_headcount", 15.0);
    assert_eq!(s["days_in_shortage"], "2");
    assert_num(s, "largest_shortage", 3.0);
    assert_num(s, "assigned", 12.0);
    assert_num(s, "available", 12.0);
    // Per-day columns are null on summary rows.
    for column in [
        "date",
        "patients_mild",
        "patients_moderate",
        "load",
        "on_duty",
        "headcount_needed",
        "difference",
        "ratio",
        "status",
    ] {
        assert_eq!(s[column], "", "{column}");
    }
    // The doctor: 1 on duty (minimum) while there are patients, none assigned: peak 4 on the
    // first day, 3 days in shortage (the 4th has no patients: needed 0, status blank).
    let s = rows
        .iter()
        .find(|r| r["level"] == "summary" && r["cadre"] == "Médecin")
        .unwrap();
    assert_eq!(s["peak_date"], "2020-06-01");
    assert_num(s, "peak_headcount", 4.0);
    assert_eq!(s["days_in_shortage"], "3");
    assert_num(s, "largest_shortage", 4.0);
}

#[test]
fn json_has_every_column_and_nulls() {
    let dir = study(&[
        ("covid_standards.csv", STANDARDS),
        ("census.csv", CENSUS),
        ("covid_staff.csv", STAFF),
    ]);
    let out = wisn()
        .arg("surge")
        .arg(dir.path())
        .args(["--format", "json", "-q"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = doc["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 8);
    for r in rows {
        assert_eq!(r.as_object().unwrap().len(), 25);
    }
    let r = rows
        .iter()
        .find(|r| r["date"] == "2020-06-03" && r["cadre"] == "Médecin")
        .unwrap();
    assert!(r["ratio"].is_null());
    assert!(r["status"].is_null());
    assert_eq!(r["on_duty"], 0);
    assert_eq!(r["headcount_needed"], 0.0);
    let s = rows.iter().find(|r| r["level"] == "summary").unwrap();
    assert!(s["date"].is_null() && s["load"].is_null());
    assert_eq!(s["peak_date"], "2020-06-01");
    assert!(doc["warnings"].is_array());
}

#[test]
fn no_covid_staff_means_zero_assigned_with_a_warning() {
    let dir = study(&[("covid_standards.csv", STANDARDS), ("census.csv", CENSUS)]);
    let out = wisn()
        .arg("surge")
        .arg(dir.path())
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("covid_staff"), "{stderr}");
    let rows = csv_rows(&String::from_utf8(out.stdout).unwrap());
    assert!(rows.iter().all(|r| r["assigned"] == "0"));
}

// ---- errors: exit 1, located, nothing written ----

#[test]
fn patients_per_staff_must_be_above_zero() {
    for bad in ["0", "-1"] {
        let dir = study(&[
            (
                "covid_standards.csv",
                &format!("cadre,severity,patients_per_staff\nInfirmier,moderate,2\nInfirmier,severe,{bad}\n"),
            ),
            ("census.csv", CENSUS),
        ]);
        let err = surge_fails(&dir, &[]);
        assert!(
            err.contains("covid_standards.csv, row 3, column \"patients_per_staff\""),
            "{err}"
        );
        assert!(err.contains(&format!("\"{bad}\"")), "{err}");
        assert!(err.contains("must be > 0"), "{err}");
    }
}

#[test]
fn unknown_severities_are_errors_in_both_tables() {
    let dir = study(&[
        (
            "covid_standards.csv",
            "cadre,severity,patients_per_staff\nInfirmier,modérée,2\nInfirmier,asymptomatique,8\n",
        ),
        (
            "census.csv",
            "date,facility_id,severity,patients\n2020-06-01,S1,very bad,2\n",
        ),
    ]);
    let err = surge_fails(&dir, &[]);
    assert!(
        err.contains(
            "covid_standards.csv, row 3, column \"severity\": \"asymptomatique\" is not a severity"
        ),
        "{err}"
    );
    assert!(
        err.contains("census.csv, row 2, column \"severity\": \"very bad\" is not a severity"),
        "{err}"
    );
    assert!(err.contains("légère, modérée, sévère, critique"), "{err}");
}

#[test]
fn dates_that_do_not_parse_are_named_with_row_and_value() {
    let dir = study(&[
        ("covid_standards.csv", STANDARDS),
        (
            "census.csv",
            "date,facility_id,severity,patients\n\
             2020-06-01,S1,moderate,1\n\
             31/02/2020,S1,moderate,1\n\
             hier,S1,moderate,1\n",
        ),
    ]);
    let err = surge_fails(&dir, &[]);
    assert!(
        err.contains(
            "census.csv, row 3, column \"date\": \"31/02/2020\" is not a day of the calendar"
        ),
        "{err}"
    );
    assert!(
        err.contains("census.csv, row 4, column \"date\": \"hier\" is not a date"),
        "{err}"
    );
    assert!(
        err.contains("2020W23"),
        "the hint shows the accepted shapes: {err}"
    );
}

#[test]
fn census_and_admissions_exactly_one() {
    let both = study(&[
        ("covid_standards.csv", STANDARDS),
        ("census.csv", CENSUS),
        (
            "admissions.csv",
            "date,facility_id,severity,admitted\n2020-06-01,S1,moderate,1\n",
        ),
    ]);
    let err = surge_fails(&both, &["--length-of-stay", "moderate=3"]);
    assert!(err.contains("both a census"), "{err}");
    let neither = study(&[("covid_standards.csv", STANDARDS)]);
    let err = surge_fails(&neither, &[]);
    assert!(err.contains("neither a `census` table"), "{err}");
    // The census given on its own with the study's admissions: still both.
    let dir = study(&[
        ("covid_standards.csv", STANDARDS),
        (
            "admissions.csv",
            "date,facility_id,severity,admitted\n2020-06-01,S1,moderate,1\n",
        ),
        ("other/census.csv", CENSUS),
    ]);
    let census = dir.join("other/census.csv");
    let err = surge_fails(&dir, &["--census", census.to_str().unwrap()]);
    assert!(err.contains("both a census"), "{err}");
}

#[test]
fn negative_counts_and_bad_minimums_are_errors() {
    let dir = study(&[
        (
            "covid_standards.csv",
            "cadre,severity,patients_per_staff,min_on_duty\nInfirmier,moderate,2,1.5\nMédecin,critical,4,-1\n",
        ),
        (
            "census.csv",
            "date,facility_id,severity,patients\n2020-06-01,S1,moderate,-3\n",
        ),
    ]);
    let err = surge_fails(&dir, &[]);
    assert!(
        err.contains("census.csv, row 2, column \"patients\": \"-3\" is negative"),
        "{err}"
    );
    assert!(
        err.contains(
            "covid_standards.csv, row 2, column \"min_on_duty\": \"1.5\" is not a whole number"
        ),
        "{err}"
    );
    assert!(
        err.contains("row 3, column \"min_on_duty\": \"-1\""),
        "{err}"
    );
}

#[test]
fn a_cadre_without_working_time_is_an_error() {
    let dir = study(&[
        (
            "covid_standards.csv",
            "cadre,severity,patients_per_staff\nInfirmier,moderate,2\nHygiéniste,moderate,20\n",
        ),
        ("census.csv", CENSUS),
    ]);
    let err = surge_fails(&dir, &[]);
    assert!(err.contains("covid_standards.csv, row 3"), "{err}");
    assert!(
        err.contains("\"Hygiéniste\" has COVID-19 standards but no working_time row"),
        "{err}"
    );
}

#[test]
fn the_largest_min_on_duty_applies_and_hours_equal_24_over_p() {
    // Infirmier given as hours: moderate 12 h per patient-day = 24 / 12 = 2 patients per nurse;
    // min_on_duty 1 on one row and 3 on another: 3 applies. 1 moderate: 1/2 → 1 → min 3 → 15.
    let dir = study(&[
        (
            "covid_standards.csv",
            "cadre,severity,patients_per_staff,hours_per_patient_day,min_on_duty\n\
             Infirmier,moderate,,12,1\n\
             Infirmier,severe,1,24,3\n",
        ),
        (
            "census.csv",
            "date,facility_id,severity,patients\n2020-06-01,S1,moderate,1\n",
        ),
    ]);
    let rows = surge_csv(&dir, &[]);
    let r = row(&rows, "site", "2020-06-01", "S1", "Infirmier");
    assert_num(r, "load", 0.5);
    assert_eq!(r["on_duty"], "3");
    assert_num(r, "headcount_needed", 15.0);
    // p and h that disagree on one row are an error.
    let dir = study(&[
        (
            "covid_standards.csv",
            "cadre,severity,patients_per_staff,hours_per_patient_day\nInfirmier,moderate,3,12\n",
        ),
        ("census.csv", CENSUS),
    ]);
    let err = surge_fails(&dir, &[]);
    assert!(err.contains("disagree"), "{err}");
}

// ---- formats and the sample ----

fn covid_sample() -> std::path::PathBuf {
    root().join("data").join("covid")
}

#[test]
fn covid_sample_prints_peak_and_shortages_per_site_and_cadre() {
    let out = wisn().arg("surge").arg(covid_sample()).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Peak and shortages per site and cadre"),
        "{text}"
    );
    for site in [
        "CHU du Point G",
        "Hôpital du Mali",
        "Hôpital de Sikasso",
        "CSRéf de Kadiolo",
    ] {
        assert!(text.contains(site), "{site} missing:\n{text}");
    }
    for cadre in [
        "Médecin",
        "Infirmier",
        "Aide-soignant",
        "Technicien de laboratoire",
        "Hygiéniste",
    ] {
        assert!(text.contains(cadre), "{cadre} missing");
    }
    assert!(text.contains("SHORTAGE"));
    // 4 sites × 5 cadres summary rows; the census rises to a peak and falls.
    let rows = compute_surge_csv(&[covid_sample().to_str().unwrap(), "--by", "national"]);
    let summaries: Vec<&Row> = rows.iter().filter(|r| r["level"] == "summary").collect();
    assert_eq!(summaries.len(), 20);
    let national: Vec<f64> = rows
        .iter()
        .filter(|r| r["level"] == "national" && r["cadre"] == "Infirmier")
        .map(|r| num(r, "headcount_needed"))
        .collect();
    assert_eq!(national.len(), 56);
    let peak = national.iter().cloned().fold(0.0, f64::max);
    assert!(national[0] < peak / 2.0 && national[55] < peak / 2.0);
}

fn compute_surge_csv(args: &[&str]) -> Vec<Row> {
    let out = wisn()
        .arg("surge")
        .args(args)
        .args(["--format", "csv", "-q"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    csv_rows(&String::from_utf8(out.stdout).unwrap())
}

#[test]
fn xlsx_report_has_every_row_and_a_line_chart_per_cadre() {
    let dir = Dir::new();
    let path = dir.join("surge.xlsx");
    wisn()
        .arg("surge")
        .arg(covid_sample())
        .args(["-q", "--absence-rate", "0.1", "-o"])
        .arg(&path)
        .assert()
        .success();
    // Native Excel line charts, one per cadre, on the `charts` sheet.
    let file = std::fs::File::open(&path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let charts: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with("xl/charts/chart"))
        .map(String::from)
        .collect();
    assert_eq!(charts.len(), 5, "{charts:?}");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/charts/chart1.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("<c:lineChart>"), "{xml}");
    assert!(xml.contains("<c:dateAx>"), "a date axis");
    // needed, assigned and (with an absence rate) available.
    assert_eq!(xml.matches("<c:ser>").count(), 3);
    // The rows sheet has the CSV's rows and columns.
    use calamine::{open_workbook, Reader, Xlsx};
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(wb.sheet_names(), vec!["surge", "summary", "charts"]);
    let range = wb.worksheet_range("surge").unwrap();
    let csv = compute_surge_csv(&[covid_sample().to_str().unwrap(), "--absence-rate", "0.1"]);
    assert_eq!(range.height(), csv.len() + 1);
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header.len(), 25);
    assert_eq!(header[0], "level");
    assert_eq!(header[13], "headcount_needed");
}

#[test]
fn html_report_is_self_contained_with_svg_charts() {
    let dir = Dir::new();
    let path = dir.join("surge.html");
    wisn()
        .arg("surge")
        .arg(covid_sample())
        .args(["-q", "--by", "region", "-o"])
        .arg(&path)
        .assert()
        .success();
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<svg").count(), 5);
    // Two lines per chart: needed and assigned.
    assert_eq!(html.matches("<polyline class=\"needed\"").count(), 5);
    assert_eq!(html.matches("<polyline class=\"assigned\"").count(), 5);
    assert!(html.contains("Peak and shortages per region and cadre"));
    assert!(html.contains("CSRéf de Kadiolo (unité d&#39;isolement)"));
    assert!(!html.contains("<script"));
}

#[test]
fn a_failed_run_writes_nothing() {
    let dir = study(&[
        (
            "covid_standards.csv",
            "cadre,severity,patients_per_staff\nInfirmier,moderate,0\n",
        ),
        ("census.csv", CENSUS),
    ]);
    let out = dir.join("out.csv");
    wisn()
        .arg("surge")
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1);
    assert!(!out.exists());
}

// ---- COVID-19 workload inside ordinary WISN (data/scenarios/covid) ----

fn scenario(name: &str) -> std::path::PathBuf {
    root()
        .join("data")
        .join("scenarios")
        .join("covid")
        .join(name)
}

fn by_facility_and_cadre(rows: Vec<Row>) -> BTreeMap<(String, String), Row> {
    rows.into_iter()
        .filter(|r| r["level"] == "facility")
        .map(|r| ((r["facility_id"].clone(), r["cadre"].clone()), r))
        .collect()
}

#[test]
fn covid_scenario_needs_more_staff_at_cscom_and_csref() {
    let sample = sample();
    let base = by_facility_and_cadre(compute_csv(&[sample.to_str().unwrap()]));
    let covid = by_facility_and_cadre(compute_csv(&[
        sample.to_str().unwrap(),
        "--standards",
        scenario("standards.csv").to_str().unwrap(),
        "--workload",
        scenario("workload.csv").to_str().unwrap(),
    ]));
    assert_eq!(
        base.keys().collect::<Vec<_>>(),
        covid.keys().collect::<Vec<_>>()
    );
    let mut cscom = 0;
    let mut csref = 0;
    for (k, b) in &base {
        let c = &covid[k];
        // Completeness does not change: COVID rows only in months the facility reported.
        assert_eq!(b["completeness"], c["completeness"], "{k:?}");
        match k.1.as_str() {
            // Screening, samples, vaccination and home follow-up are nurses' work, the
            // disinfection of the triage area the aides-soignants'.
            "Infirmier" | "Aide-soignant" => {
                assert!(
                    num(c, "required_staff") > num(b, "required_staff") + 1e-9,
                    "{k:?} needs more staff with COVID-19 work"
                );
                match b["facility_type"].as_str() {
                    "CSCom" => cscom += 1,
                    "CSRéf" => csref += 1,
                    _ => {}
                }
            }
            _ => assert_eq!(b["required_staff"], c["required_staff"], "{k:?} unchanged"),
        }
    }
    assert!(
        cscom >= 20 && csref == 4,
        "{cscom} CSCom rows, {csref} CSRéf rows"
    );

    // Hand check, Infirmier at the CSCom de Kadiolo Central (KAD-CSCOM-01), AWT 211 days × 8 h =
    // 1,688 h. Its COVID-19 volumes for 2023 (sums of the 12 monthly rows of the scenario):
    // 334 screenings × 48 min + 100 samples × 10 min + 397 doses × 10 min = 21,002 min
    // = 350.03 h → A grows by 21,002 / 60 / 1,688 = 0.2073657…
    // Home follow-up 3 h/week × (211 / 5) working weeks = 126.6 h = 7.5 % of 1,688 h, so
    // 1 / CAF falls by 0.075. IAF is unchanged, and required = A × CAF + IAF.
    let k = ("KAD-CSCOM-01".to_string(), "Infirmier".to_string());
    let (b, c) = (&base[&k], &covid[&k]);
    let volumes = std::fs::read_to_string(scenario("workload.csv")).unwrap();
    let sum = |activity: &str| -> f64 {
        volumes
            .lines()
            .filter(|l| l.starts_with("KAD-CSCOM-01,") && l.contains(activity))
            .map(|l| l.rsplit(',').next().unwrap().parse::<f64>().unwrap())
            .sum()
    };
    assert_eq!(sum("Dépistage et triage"), 334.0);
    assert_eq!(sum("Prélèvement d'échantillons COVID-19"), 100.0);
    assert_eq!(sum("Vaccination contre la COVID-19"), 397.0);
    assert!(close(
        num(c, "service_staff") - num(b, "service_staff"),
        21002.0 / 60.0 / 1688.0
    ));
    assert!(close(1.0 / num(b, "caf") - 1.0 / num(c, "caf"), 0.075));
    assert_eq!(b["iaf"], c["iaf"]);
    assert!(close(
        num(c, "required_staff"),
        num(c, "service_staff") * num(c, "caf") + num(c, "iaf")
    ));
}

#[test]
fn covid_scenario_files_are_the_base_files_plus_covid_rows() {
    // The scenario is generated by data/scenarios/covid/make_scenario.py; if this test fails,
    // run `python3 data/scenarios/covid/make_scenario.py` and commit the two files.
    let read = |p: std::path::PathBuf| std::fs::read_to_string(p).unwrap();
    let base_standards = read(sample().join("standards.csv"));
    let additions = read(scenario("additions/standards.csv"));
    let (_, added_rows) = additions.split_once('\n').unwrap();
    assert_eq!(
        read(scenario("standards.csv")),
        format!("{base_standards}{added_rows}"),
        "standards.csv is stale: run python3 data/scenarios/covid/make_scenario.py"
    );
    let base_workload = read(sample().join("workload.csv"));
    let workload = read(scenario("workload.csv"));
    let extra = workload
        .strip_prefix(base_workload.as_str())
        .expect("workload.csv is stale: run python3 data/scenarios/covid/make_scenario.py");
    // Each month of "Consultation curative" c gives round(0.10 c) screenings,
    // round(0.30 × screenings) samples and round(0.12 c) doses (halves up).
    let mut expected = String::new();
    for line in base_workload.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        if cells[1] != "Consultation curative" {
            continue;
        }
        let c: f64 = cells[3].parse().unwrap();
        let screened = (c * 0.10 + 0.5).floor();
        let samples = (screened * 0.30 + 0.5).floor();
        let doses = (c * 0.12 + 0.5).floor();
        for (activity, v) in [
            ("Dépistage et triage des cas suspects de COVID-19", screened),
            ("Prélèvement d'échantillons COVID-19", samples),
            ("Vaccination contre la COVID-19 (doses)", doses),
        ] {
            let activity = if activity.contains(',') || activity.contains('"') {
                format!("\"{activity}\"")
            } else {
                activity.to_string()
            };
            expected.push_str(&format!("{},{activity},{},{v}\n", cells[0], cells[2]));
        }
    }
    assert_eq!(
        extra, expected,
        "workload.csv is stale: run python3 data/scenarios/covid/make_scenario.py"
    );
}

#[test]
fn a_workbook_study_reads_like_csv() {
    // The tables of `load_ceil_minimum_no_patients_and_headcount` as sheets of one workbook, with
    // French sheet names, a date cell, a French date and an ISO week as text.
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let dir = Dir::new();
    let path = dir.join("covid.xlsx");
    let mut wb = Workbook::new();
    let sheet = |wb: &mut Workbook, name: &str, text: &str| {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        for (r, line) in text.lines().enumerate() {
            for (c, cell) in line.split(',').enumerate() {
                match cell.parse::<f64>() {
                    Ok(v) => ws.write_number(r as u32, c as u16, v).unwrap(),
                    Err(_) if cell.is_empty() => ws,
                    Err(_) => ws.write_string(r as u32, c as u16, cell).unwrap(),
                };
            }
        }
    };
    sheet(&mut wb, "temps_de_travail", WORKING_TIME);
    sheet(&mut wb, "normes_covid", STANDARDS);
    sheet(&mut wb, "effectifs_covid", STAFF);
    let ws = wb.add_worksheet();
    ws.set_name("occupation").unwrap();
    for (c, h) in ["date", "facility_id", "severity", "patients"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let rows: [(&str, &str, f64); 5] = [
        ("cell", "moderate", 3.0),
        ("01/06/2020", "severe", 3.0),
        ("2020-06-02", "moderate", 1.0),
        ("2020W23", "mild", 0.0),
        ("03/06/2020", "moderate", 0.0),
    ];
    for (i, (d, severity, n)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        if *d == "cell" {
            ws.write_date_with_format(r, 0, ExcelDateTime::from_ymd(2020, 6, 1).unwrap(), &date)
                .unwrap();
        } else {
            ws.write_string(r, 0, *d).unwrap();
        }
        ws.write_string(r, 1, "S1").unwrap();
        ws.write_string(r, 2, *severity).unwrap();
        ws.write_number(r, 3, *n).unwrap();
    }
    wb.save(&path).unwrap();
    let out = wisn()
        .arg("surge")
        .arg(&path)
        .args(["--format", "csv", "-q"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let rows = csv_rows(&String::from_utf8(out.stdout).unwrap());
    // 1 June (date cell + French text date + ISO week, summed): 3 moderate + 3 severe →
    // 3/2 + 3/2 = 3 on duty → 15 people; 2 June: 1 moderate → min 2 → 10; 3 June: 0.
    let r = row(&rows, "site", "2020-06-01", "S1", "Infirmier");
    assert_eq!(r["on_duty"], "3");
    assert_num(r, "headcount_needed", 15.0);
    assert_eq!(
        row(&rows, "site", "2020-06-02", "S1", "Infirmier")["on_duty"],
        "2"
    );
    assert_eq!(
        row(&rows, "site", "2020-06-03", "S1", "Infirmier")["on_duty"],
        "0"
    );
    assert_eq!(rows.len(), 8);
}

#[test]
fn french_words_with_lang_fr_machine_names_unchanged() {
    let out = wisn()
        .arg("surge")
        .arg(covid_sample())
        .args(["--lang", "fr", "-q"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Pic et déficits par site et catégorie"),
        "{text}"
    );
    assert!(
        text.contains("Sites de prise en charge COVID-19 : 4 sites"),
        "{text}"
    );
    assert!(text.contains("PÉNURIE"), "{text}");
    // CSV keeps its column names and status words whatever the language.
    let rows = compute_surge_csv(&[covid_sample().to_str().unwrap(), "--lang", "fr"]);
    assert!(rows.iter().any(|r| r["status"] == "shortage"));
    assert!(rows[0].contains_key("headcount_needed"));
}
