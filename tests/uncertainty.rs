//! `wisn compute --uncertainty N` (study-format §7.6): the triangular distribution's quantiles,
//! the same numbers whatever --jobs, the collapse to the point value, and bad ranges.

use std::collections::BTreeMap;

use crate::util::{compute_csv, sample, wisn, Dir};

type Row = BTreeMap<String, String>;

fn num(r: &Row, c: &str) -> f64 {
    r[c].parse().unwrap_or_else(|_| panic!("{c} = {:?}", r[c]))
}

/// One cadre, one activity: 5 days × 8 h, no leave → AWT 260 × 8 = 2,080 h. 62,400 visits a year
/// at s minutes each → A = 62,400 s / (2,080 × 60) = s / 2 staff; no allowances, so required =
/// s / 2. Staff in post: 10.
fn one_activity(dir: &Dir, standard: &str) {
    let (s, range) = standard.split_once(',').unwrap();
    dir.write(
        "working_time.csv",
        "cadre,days_per_week,hours_per_day,public_holidays,annual_leave,sick_leave,other_leave\nInfirmier,5,8,0,0,0,0\n",
    )
    .write(
        "standards.csv",
        &format!("cadre,component,activity,standard,unit,standard_low,standard_high\nInfirmier,service,Consultation,{s},min,{range}\n"),
    )
    .write("workload.csv", "facility_id,activity,volume\nF1,Consultation,62400\n")
    .write("staff.csv", "facility_id,cadre,count\nF1,Infirmier,10\n");
}

/// The triangular distribution's quantile function (the exact quantiles).
fn tri(a: f64, c: f64, b: f64, p: f64) -> f64 {
    if p < (c - a) / (b - a) {
        a + (p * (b - a) * (c - a)).sqrt()
    } else {
        b - ((1.0 - p) * (b - a) * (b - c)).sqrt()
    }
}

#[test]
fn one_activity_agrees_with_the_triangular_quantiles() {
    let dir = Dir::new();
    one_activity(&dir, "20,10,40");
    let rows = compute_csv(&[
        dir.path().to_str().unwrap(),
        "--uncertainty",
        "20000",
        "--seed",
        "7",
    ]);
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!(num(r, "required_staff"), 10.0);
    // Standard (10, 20, 40) min: P5 = 10 + √15, P50 = 40 − √300, P95 = 40 − √30; required = s / 2.
    // Monte Carlo standard error of a quantile: √(p(1 − p)/N) / density there, in minutes 0.060
    // (P5), 0.061 (P50), 0.084 (P95) for N = 20,000; allowed: 4.5 of them, halved (s / 2).
    for (col, p, se) in [
        ("required_p05", 0.05, 0.060),
        ("required_p50", 0.5, 0.061),
        ("required_p95", 0.95, 0.084),
    ] {
        let exact = tri(10.0, 20.0, 40.0, p) / 2.0;
        let got = num(r, col);
        assert!(
            (got - exact).abs() < 4.5 * se / 2.0,
            "{col}: {got} vs {exact}"
        );
    }
    // Shortage: 10 / (s/2) < 0.9 ⇔ s > 200/9; P = (40 − 200/9)² / (30 × 20) = 0.52675.
    let exact = (40.0f64 - 200.0 / 9.0).powi(2) / 600.0;
    assert!(
        (num(r, "p_shortage") - exact).abs() < 0.02,
        "{}",
        r["p_shortage"]
    );
}

#[test]
fn the_same_seed_gives_the_same_numbers_whatever_jobs() {
    let s = sample();
    let run = |jobs: &str| {
        wisn()
            .args([
                "compute",
                s.to_str().unwrap(),
                "--uncertainty",
                "300",
                "--standard-spread",
                "25",
            ])
            .args([
                "--seed", "11", "--by", "district", "--by", "national", "-f", "csv", "-q",
            ])
            .args(["--jobs", jobs])
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("2"));
    let other = wisn()
        .args([
            "compute",
            s.to_str().unwrap(),
            "--uncertainty",
            "300",
            "--standard-spread",
            "25",
        ])
        .args([
            "--seed", "12", "--by", "district", "--by", "national", "-f", "csv", "-q",
        ])
        .output()
        .unwrap()
        .stdout;
    assert_ne!(one, other, "another seed gives other draws");
}

#[test]
fn low_equal_high_equal_standard_collapses_to_the_point_value() {
    let dir = Dir::new();
    one_activity(&dir, "20,20,20");
    let rows = compute_csv(&[dir.path().to_str().unwrap(), "--uncertainty", "50"]);
    for c in ["required_p05", "required_p50", "required_p95"] {
        assert_eq!(rows[0][c], rows[0]["required_staff"], "{c}");
    }
    assert_eq!(rows[0]["p_shortage"], "0");
    // The whole sample with a spread of 0: every quantile is the point value, groups too.
    let rows = compute_csv(&[
        sample().to_str().unwrap(),
        "--uncertainty",
        "20",
        "--standard-spread",
        "0",
        "--by",
        "region",
    ]);
    for r in &rows {
        for c in ["required_p05", "required_p50", "required_p95"] {
            assert_eq!(r[c], r["required_staff"], "{c} {r:?}");
        }
        let short = if r["status"] == "shortage" { "1" } else { "0" };
        assert_eq!(r["p_shortage"], short);
    }
}

#[test]
fn columns_follow_compute_and_groups_have_intervals() {
    let out = wisn()
        .args([
            "compute",
            sample().to_str().unwrap(),
            "--uncertainty",
            "200",
            "--standard-spread",
            "20",
        ])
        .args(["--by", "national", "-f", "csv", "-q"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    assert_eq!(header[0], "level");
    assert_eq!(
        &header[header.len() - 4..],
        &["required_p05", "required_p50", "required_p95", "p_shortage"]
    );
    for r in crate::util::csv_rows(&text) {
        let (lo, mid, hi) = (
            num(&r, "required_p05"),
            num(&r, "required_p50"),
            num(&r, "required_p95"),
        );
        assert!(lo <= mid && mid <= hi, "{r:?}");
        let p = num(&r, "p_shortage");
        assert!((0.0..=1.0).contains(&p));
        if r["level"] == "national" {
            assert!(hi > lo, "a group's interval has a width");
        }
    }
}

#[test]
fn the_table_shows_the_interval_and_flags_a_status_that_could_change() {
    let out = wisn()
        .args([
            "compute",
            sample().to_str().unwrap(),
            "--uncertainty",
            "500",
            "--standard-spread",
            "20",
        ])
        .args(["--by", "national", "--lang", "fr"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(" [") && text.contains(" – "), "{text}");
    assert!(text.contains(" ?"), "a status that could change is flagged");
    assert!(text.contains(','), "French numbers");
}

fn refused(dir: &Dir, args: &[&str], needles: &[&str]) {
    let out_file = dir.join("out.csv");
    let out = wisn()
        .arg("compute")
        .arg(dir.path())
        .args(args)
        .arg("-o")
        .arg(&out_file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
    assert!(!out_file.exists());
    for n in needles {
        assert!(stderr.contains(n), "{n:?} not in {stderr}");
    }
}

#[test]
fn bad_ranges_and_options_are_refused() {
    let dir = Dir::new();
    one_activity(&dir, "20,25,40");
    refused(
        &dir,
        &["--uncertainty", "10"],
        &["row 2", "standard_low", "above the standard"],
    );
    one_activity(&dir, "20,10,15");
    refused(
        &dir,
        &["--uncertainty", "10"],
        &["row 2", "standard_high", "below the standard"],
    );
    one_activity(&dir, "20,10,");
    refused(&dir, &["--uncertainty", "10"], &["row 2", "standard_high"]);
    one_activity(&dir, "20,10,30");
    refused(&dir, &["--uncertainty", "0"], &["--uncertainty 0"]);
    refused(&dir, &["--uncertainty", "-3"], &["at least 1"]);
    refused(
        &dir,
        &["--uncertainty", "10", "--standard-spread", "-5"],
        &["spread"],
    );
    refused(
        &dir,
        &["--uncertainty", "10", "--standard-spread", "100"],
        &["spread"],
    );
}
