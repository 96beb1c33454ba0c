//! `wisn compute` end to end on the sample study and on hand-made studies.

use crate::util::*;

#[test]
fn sample_matches_the_independent_oracle() {
    let ours = compute_csv(&[
        sample().to_str().unwrap(),
        "--by",
        "district",
        "--by",
        "region",
        "--by",
        "facility_type",
        "--by",
        "national",
    ]);
    let expected = csv_rows(&std::fs::read_to_string(fixture("sikasso_expected.csv")).unwrap());
    assert_same_results(&ours, &expected);
}

#[test]
fn table_is_the_default_and_shows_status() {
    // The sample with the warnings it had before issue 10 (it is clean now).
    let study = sample_with_warnings();
    let out = wisn()
        .args([
            "compute",
            study.path().to_str().unwrap(),
            "--by",
            "district",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Facilities\n"));
    assert!(text.contains("By district"));
    assert!(
        text.contains("CSCom de Kaboïla") && text.contains("SHORTAGE") && text.contains("excess")
    );
    assert!(!text.contains("\x1b["), "no colour when piped");
    // Warnings go to stderr, not into the table.
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("warning: workload activity \"Dépistage VIH\""));
    assert!(err.contains("SIK-CSCOM-14 (9/12)"));
}

#[test]
fn results_do_not_depend_on_the_number_of_threads() {
    let run = |jobs: &str| {
        wisn()
            .args([
                "compute",
                sample().to_str().unwrap(),
                "-f",
                "json",
                "--by",
                "district",
                "-j",
                jobs,
            ])
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("2"));
    assert_eq!(one, run("4"));
}

#[test]
fn json_has_rows_and_warnings_with_numbers_as_numbers() {
    let out = wisn()
        .args([
            "compute",
            sample().to_str().unwrap(),
            "--format",
            "json",
            "--by",
            "national",
        ])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = doc["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 111 + 5);
    assert!(rows[0]["required_staff"].is_f64());
    assert!(rows[0]["required_rounded"].is_i64());
    let national = rows.iter().find(|r| r["level"] == "national").unwrap();
    assert!(national["facility_id"].is_null() && national["awt_hours"].is_null());
    // The sample is clean under --strict since issue 10: the list is there, and empty.
    assert!(doc["warnings"].as_array().unwrap().is_empty());
}

#[test]
fn round_and_bands() {
    let d = Dir::new();
    // 1.25 staff required: 260 days × 8 h = 2,080 h; 60 min × 2,600 = 2,600 h → 1.25.
    d.write(
        "working_time.csv",
        "cadre,days_per_week,hours_per_day\nInfirmier,5,8\n",
    )
    .write(
        "standards.csv",
        "cadre,component,activity,standard,unit\nInfirmier,service,Soins,60,min\n",
    )
    .write(
        "workload.csv",
        "facility_id,activity,volume\nF,Soins,2600\n",
    )
    .write("staff.csv", "facility_id,cadre,count\nF,Infirmier,1\n");
    let p = d.path().to_str().unwrap();
    assert_eq!(compute_csv(&[p])[0]["required_rounded"], "1");
    assert_eq!(
        compute_csv(&[p, "--round", "up"])[0]["required_rounded"],
        "2"
    );
    assert_eq!(
        compute_csv(&[p, "--round", "down"])[0]["required_rounded"],
        "1"
    );
    // Ratio 0.8: shortage by default, balanced with bands 0.75,1.25.
    assert_eq!(compute_csv(&[p])[0]["status"], "shortage");
    assert_eq!(
        compute_csv(&[p, "--bands", "0.75,1.25"])[0]["status"],
        "balanced"
    );
    assert_eq!(
        compute_csv(&[p])[0]["workload_pressure_pct"]
            .parse::<f64>()
            .unwrap()
            .round(),
        20.0
    );
}

#[test]
fn monthly_completeness_and_annualize() {
    let d = Dir::new();
    // 6 months of 130 → 780 a year as reported; annualized: × 12/6 = 1,560.
    let mut wl = String::from("facility_id,activity,period,volume\n");
    for m in 1..=6 {
        wl.push_str(&format!("F,Soins,2023-{m:02},130\n"));
    }
    d.write(
        "working_time.csv",
        "cadre,days_per_week,hours_per_day\nInfirmier,5,8\n",
    )
    .write(
        "standards.csv",
        "cadre,component,activity,standard,unit\nInfirmier,service,Soins,60,min\n",
    )
    .write("workload.csv", &wl)
    .write("staff.csv", "facility_id,cadre,count\nF,Infirmier,1\n");
    let p = d.path().to_str().unwrap();
    let plain = &compute_csv(&[p])[0];
    assert_eq!(plain["completeness"], "0.5");
    assert_eq!(
        plain["required_staff"].parse::<f64>().unwrap(),
        780.0 / 2080.0
    );
    let scaled = &compute_csv(&[p, "--annualize"])[0];
    assert_eq!(
        scaled["required_staff"].parse::<f64>().unwrap(),
        1560.0 / 2080.0
    );
    assert_eq!(scaled["completeness"], "0.5");
}

#[test]
fn wide_workload_and_person_list_staff_give_the_same_results() {
    let long = Dir::new();
    long.write("working_time.csv", "cadre,days_per_week,hours_per_day\nSage-femme,5,8\nMatrone,5,8\n")
        .write("standards.csv", "cadre,component,activity,standard,unit\nSage-femme,service,Accouchement,120,min\nSage-femme,service,CPN,20,min\nMatrone,service,Accouchement,120,min\n")
        .write("workload.csv", "facility_id,activity,volume\nA,Accouchement,300\nA,CPN,900\nB,Accouchement,150\nB,CPN,400\n")
        .write("staff.csv", "facility_id,cadre,count\nA,Sage-femme,2\nA,Matrone,1\nB,Sage-femme,1\n");
    let wide = Dir::new();
    wide.copy_from(long.path())
        .write("workload.csv", "facility_id,facility_name,Accouchement,CPN\nA,CSCom A,300,900\nB,CSCom B,150,400\n")
        .write("staff.csv", "facility_id,cadre,name\nA,Sage-femme,Awa\nA,SAGE FEMME,Fanta\nA,Matrone,Kadia\nB,sage-femme,Mariam\n");
    assert_same_results(
        &compute_csv(&[wide.path().to_str().unwrap()]),
        &compute_csv(&[long.path().to_str().unwrap()]),
    );
}

#[test]
fn tables_given_on_their_own_override_the_study() {
    let d = Dir::new();
    d.write(
        "staff.csv",
        "facility_id,cadre,count\nSIK-CSCOM-04,Sage-femme,5\n",
    );
    let rows = compute_csv(&[
        sample().to_str().unwrap(),
        "--staff",
        d.join("staff.csv").to_str().unwrap(),
    ]);
    let kaboila: Vec<_> = rows
        .iter()
        .filter(|r| r["facility_id"] == "SIK-CSCOM-04")
        .collect();
    let sf = kaboila.iter().find(|r| r["cadre"] == "Sage-femme").unwrap();
    assert_eq!(sf["current_staff"], "5");
}

#[test]
fn title_rows_and_blank_rows_above_the_header_are_skipped() {
    let d = Dir::new();
    d.write("working_time.csv", "Temps de travail disponible 2023;;;\n;;;\ncadre;days_per_week;hours_per_day\nInfirmier;5;8\n\n")
        .write("standards.csv", "cadre,component,activity,standard,unit\nInfirmier,service,Soins,60,min\n")
        .write("workload.csv", "facility_id,activity,volume\n\nF,Soins,2080\n")
        .write("staff.csv", "facility_id,cadre,count\nF,Infirmier,1\n");
    let rows = compute_csv(&[d.path().to_str().unwrap()]);
    assert_eq!(rows[0]["required_staff"], "1");
}
