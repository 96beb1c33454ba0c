//! `wisn project` (study-format §7.5): the least-squares trend and growth, rows per year, the
//! sample with three years of history, and what it refuses.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::util::{csv_rows, root, wisn, Dir};

type Row = BTreeMap<String, String>;

fn num(r: &Row, c: &str) -> f64 {
    r[c].parse().unwrap_or_else(|_| panic!("{c} = {:?}", r[c]))
}

/// One cadre, one activity at two facilities: AWT 260 days × 8 h = 2,080 h, 60 min a visit, so
/// A = visits / 2,080 and required = A. `totals` are F1's annual visits from 2020 on, spread
/// over 12 monthly rows (a twelfth each); F2 reports every month the same 2,080 visits a year.
fn study(dir: &Dir, totals: &[f64], months: u32) {
    dir.write(
        "working_time.csv",
        "cadre,days_per_week,hours_per_day,public_holidays,annual_leave,sick_leave,other_leave\nInfirmier,5,8,0,0,0,0\n",
    )
    .write(
        "standards.csv",
        "cadre,component,activity,standard,unit\nInfirmier,service,Consultation,60,min\n",
    )
    .write(
        "facilities.csv",
        "facility_id,facility_name,facility_type,district,region\nF1,Un,CSCom,D1,R1\nF2,Deux,CSCom,D1,R1\n",
    )
    .write("staff.csv", "facility_id,cadre,count\nF1,Infirmier,2\nF2,Infirmier,1\n");
    let mut w = String::from("facility_id,activity,period,volume\n");
    for (i, t) in totals.iter().enumerate() {
        let y = 2020 + i;
        for m in 1..=months {
            writeln!(w, "F1,Consultation,{y}-{m:02},{}", t / 12.0).unwrap();
        }
        for m in 1..=12 {
            writeln!(w, "F2,Consultation,{y}-{m:02},{}", 2080.0 / 12.0).unwrap();
        }
    }
    dir.write("workload.csv", &w);
}

fn project(dir: &Dir, args: &[&str]) -> Vec<Row> {
    let out = wisn()
        .arg("project")
        .arg(dir.path())
        .args(args)
        .args(["-f", "csv", "-q"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    csv_rows(&String::from_utf8(out.stdout).unwrap())
}

fn at<'a>(rows: &'a [Row], year: &str, facility: &str) -> &'a Row {
    rows.iter()
        .find(|r| r["year"] == year && r["facility_id"] == facility)
        .unwrap()
}

#[test]
fn an_exactly_linear_history_is_continued_on_its_line() {
    let dir = Dir::new();
    // 4,160, 6,240, 8,320 visits (2020–2022): +2,080 a year, so A = 2, 3, 4 and, on the line,
    // 5 in 2023, 6 in 2024, 7 in 2025.
    study(&dir, &[4160.0, 6240.0, 8320.0], 12);
    let rows = project(&dir, &["--to", "2025"]);
    let years: Vec<&str> = rows.iter().map(|r| r["year"].as_str()).collect();
    assert_eq!(years, ["2023", "2023", "2024", "2024", "2025", "2025"]);
    for (year, a) in [("2023", 5.0), ("2024", 6.0), ("2025", 7.0)] {
        let r = at(&rows, year, "F1");
        assert!(
            (num(r, "required_staff") - a).abs() < 1e-9,
            "{year}: {}",
            r["required_staff"]
        );
        assert_eq!(r["current_staff"], "2");
        assert_eq!(r["completeness"], "", "projected rows have no completeness");
        // A flat history stays flat.
        assert!((num(at(&rows, year, "F2"), "required_staff") - 1.0).abs() < 1e-9);
    }
}

#[test]
fn a_falling_line_stops_at_zero() {
    let dir = Dir::new();
    study(&dir, &[6240.0, 4160.0, 2080.0], 12);
    let rows = project(&dir, &["--years", "2024,2023"]);
    assert!((num(at(&rows, "2023", "F1"), "required_staff")).abs() < 1e-9);
    assert_eq!(num(at(&rows, "2024", "F1"), "required_staff"), 0.0);
    assert_eq!(rows[0]["year"], "2023", "years in order");
}

#[test]
fn growth_compounds_from_the_last_complete_year() {
    let dir = Dir::new();
    study(&dir, &[4160.0, 6240.0, 8320.0], 12);
    let rows = project(&dir, &["--to", "2024", "--growth", "10"]);
    // 8,320 × 1.1 = 9,152 (A = 4.4) in 2023, × 1.1² = 10,067.2 (A = 4.84) in 2024.
    assert!((num(at(&rows, "2023", "F1"), "required_staff") - 4.4).abs() < 1e-9);
    assert!((num(at(&rows, "2024", "F1"), "required_staff") - 4.84).abs() < 1e-9);
}

#[test]
fn incomplete_years_do_not_count_unless_annualized() {
    let dir = Dir::new();
    // F1 reports 9 months a year: no complete year, left out with a warning.
    study(&dir, &[4160.0, 6240.0, 8320.0], 9);
    let out = wisn()
        .arg("project")
        .arg(dir.path())
        .args(["--to", "2023", "-f", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("F1 / Consultation") && stderr.contains("no complete year"),
        "{stderr}"
    );
    let rows = csv_rows(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(num(at(&rows, "2023", "F1"), "required_staff"), 0.0);
    // --annualize: 9 months × 12/9; the totals were written as twelfths, so 3/4 of each year
    // was reported, scaled back to the whole: the line of 2, 3, 4 again.
    let rows = project(&dir, &["--to", "2023", "--annualize"]);
    assert!((num(at(&rows, "2023", "F1"), "required_staff") - 5.0).abs() < 1e-9);
}

#[test]
fn roll_ups_per_year() {
    let dir = Dir::new();
    study(&dir, &[4160.0, 6240.0, 8320.0], 12);
    let rows = project(
        &dir,
        &["--to", "2024", "--by", "district", "--by", "national"],
    );
    let national: Vec<&Row> = rows.iter().filter(|r| r["level"] == "national").collect();
    assert_eq!(national.len(), 2);
    assert!((num(national[0], "required_staff") - 6.0).abs() < 1e-9);
    assert!((num(national[1], "required_staff") - 7.0).abs() < 1e-9);
    assert_eq!(national[1]["year"], "2024");
}

fn refused(dir: &Dir, args: &[&str], needle: &str) {
    let out_file = dir.join("out.csv");
    let out = wisn()
        .arg("project")
        .arg(dir.path())
        .args(args)
        .arg("-o")
        .arg(&out_file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
    assert!(!out_file.exists());
    assert!(stderr.contains(needle), "{needle:?} not in {stderr}");
}

#[test]
fn what_project_refuses() {
    let dir = Dir::new();
    study(&dir, &[4160.0, 6240.0, 8320.0], 12);
    refused(
        &dir,
        &["--to", "2021"],
        "not after the last observed year (2022)",
    );
    refused(&dir, &["--to", "2022"], "not after the last observed year");
    refused(&dir, &["--to", "2025", "--growth", "-100"], "--growth");
    // No complete year anywhere.
    let short = Dir::new();
    study(&short, &[4160.0], 5);
    short.write("staff.csv", "facility_id,cadre,count\nF1,Infirmier,2\n");
    let w = std::fs::read_to_string(short.join("workload.csv")).unwrap();
    let w: String = w
        .lines()
        .filter(|l| !l.starts_with("F2"))
        .map(|l| format!("{l}\n"))
        .collect();
    short.write("workload.csv", &w);
    refused(&short, &["--to", "2025"], "no complete year");
    // Yearly periods are not monthly history; neither is a workload without periods.
    let yearly = Dir::new();
    study(&yearly, &[4160.0], 12);
    yearly.write(
        "workload.csv",
        "facility_id,activity,period,volume\nF1,Consultation,2022,100\n",
    );
    refused(&yearly, &["--to", "2025"], "monthly");
    yearly.write(
        "workload.csv",
        "facility_id,activity,volume\nF1,Consultation,100\n",
    );
    refused(&yearly, &["--to", "2025"], "monthly");
    // --to or --years is required: a usage error.
    wisn().arg("project").arg(dir.path()).assert().code(2);
}

#[test]
fn the_sample_history_has_three_years_and_2023_is_the_sample() {
    let history = root().join("data").join("sikasso-history");
    let base = std::fs::read_to_string(root().join("data/sikasso/workload.csv")).unwrap();
    let hist = std::fs::read_to_string(history.join("workload.csv")).unwrap();
    let of_2023: Vec<&str> = hist.lines().filter(|l| l.contains(",2023-")).collect();
    let base_rows: Vec<&str> = base.lines().skip(1).collect();
    assert_eq!(of_2023, base_rows, "2023 is data/sikasso/workload.csv");
    for y in ["2021", "2022"] {
        assert!(
            hist.lines()
                .filter(|l| l.contains(&format!(",{y}-")))
                .count()
                > 3000
        );
    }
    for t in [
        "facilities",
        "standards",
        "working_time",
        "staff",
        "cadre_aliases",
    ] {
        assert_eq!(
            std::fs::read(history.join(format!("{t}.csv"))).unwrap(),
            std::fs::read(root().join("data/sikasso").join(format!("{t}.csv"))).unwrap(),
            "{t}.csv is stale: run python3 scripts/make_sikasso_history.py"
        );
    }
    let out = wisn()
        .arg("project")
        .arg(&history)
        .args(["--to", "2026", "--by", "national", "-f", "csv", "-q"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows = csv_rows(&String::from_utf8(out.stdout).unwrap());
    let years: std::collections::BTreeSet<&str> = rows.iter().map(|r| r["year"].as_str()).collect();
    assert_eq!(
        years.into_iter().collect::<Vec<_>>(),
        ["2024", "2025", "2026"]
    );
    // Volumes grow (0–8 % a year by construction): so does the national requirement.
    let nat = |y: &str, c: &str| {
        num(
            rows.iter()
                .find(|r| r["year"] == y && r["level"] == "national" && r["cadre"] == c)
                .unwrap(),
            "required_staff",
        )
    };
    assert!(nat("2026", "Sage-femme") > nat("2024", "Sage-femme"));
}

#[test]
fn project_writes_json_xlsx_and_html_with_a_chart_per_cadre() {
    let dir = Dir::new();
    study(&dir, &[4160.0, 6240.0, 8320.0], 12);
    let out = wisn()
        .arg("project")
        .arg(dir.path())
        .args(["--to", "2024", "-f", "json", "-q"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["rows"][0]["year"], 2023);
    assert!(doc["rows"][0]["completeness"].is_null());
    let html = dir.join("p.html");
    wisn()
        .arg("project")
        .arg(dir.path())
        .args(["--to", "2024", "-q", "-o"])
        .arg(&html)
        .assert()
        .success();
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<svg") && page.contains("Infirmier"));
    let xlsx = dir.join("p.xlsx");
    wisn()
        .arg("project")
        .arg(dir.path())
        .args(["--to", "2024", "-q", "-o"])
        .arg(&xlsx)
        .assert()
        .success();
    let bytes = std::fs::read(&xlsx).unwrap();
    assert!(bytes.starts_with(b"PK"));
}

#[test]
fn a_dhis2_export_projects_as_the_same_study_in_csv() {
    // data/sikasso-dhis2 is data/sikasso as DHIS2 and iHRIS exports (monthly dataValueSets).
    let run = |study: &str| {
        wisn()
            .args([
                "project", study, "--to", "2025", "--by", "district", "-f", "csv", "-q",
            ])
            .current_dir(root())
            .output()
            .unwrap()
    };
    let dhis2 = run("data/sikasso-dhis2");
    assert!(
        dhis2.status.success(),
        "{}",
        String::from_utf8_lossy(&dhis2.stderr)
    );
    assert_eq!(dhis2.stdout, run("data/sikasso").stdout);
}
