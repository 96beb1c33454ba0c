//! DHIS2 and iHRIS (study-format §6): workload exports of every shape give the results of their
//! tidy twin, the org-unit hierarchy, the staff status filter, `--year`, the dataValueSets output
//! read back, and the sample study from DHIS2 + iHRIS. Fixtures: tests/data/dhis2 (made by
//! tests/data/dhis2/make.py) and data/sikasso-dhis2 (made by scripts/sikasso_dhis2.py).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use crate::util::*;

type Rows = Vec<BTreeMap<String, String>>;

fn twin() -> std::path::PathBuf {
    fixture("dhis2/twin")
}

fn twin_results() -> Rows {
    compute_csv(&[twin().to_str().unwrap()])
}

/// The twin study with its tidy workload replaced by a DHIS2 export (written as `name`).
fn study_with_export(export: &str, name: &str, mapping: &str) -> Dir {
    let d = Dir::new();
    d.copy_from(&twin());
    std::fs::remove_file(d.join("workload.csv")).unwrap();
    std::fs::copy(fixture("dhis2").join(mapping), d.join("dhis2_mapping.csv")).unwrap();
    std::fs::copy(fixture("dhis2/exports").join(export), d.join(name)).unwrap();
    d
}

fn run(args: &[&str]) -> std::process::Output {
    wisn().args(args).output().unwrap()
}

fn stdout_rows(out: &std::process::Output) -> Rows {
    csv_rows(&String::from_utf8_lossy(&out.stdout))
}

/// What the command said: stderr, then stdout (`wisn validate` lists problems on stdout).
fn stderr(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn zip(entry: &str, bytes: &[u8], stored: bool) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(if stored {
        zip::CompressionMethod::Stored
    } else {
        zip::CompressionMethod::Deflated
    });
    w.add_directory("export/", options).unwrap();
    w.start_file(entry, options).unwrap();
    w.write_all(bytes).unwrap();
    w.finish().unwrap().into_inner()
}

#[test]
fn every_export_shape_gives_the_results_of_its_tidy_twin() {
    let expected = twin_results();
    for (export, name) in [
        ("dvs_2_20_import.csv", "workload.csv"),
        ("dvs_short_names.csv", "workload.csv"),
        ("dvs_2_25_export.csv", "workload.csv"),
        ("dvs_2_30_export.csv", "workload.csv"),
        ("dvs_2_38_deleted.csv", "workload.csv"),
        ("dvs_camel_case.csv", "dataValueSets.csv"),
        ("dvs_bulk.json", "workload.json"),
        ("dvs_top_level.json", "workload.json"),
        ("dvs_top_level_last.json", "statistiques.json"),
        ("analytics_dx_pe_ou.csv", "workload.csv"),
        ("analytics_with_co.csv", "workload.csv"),
        ("analytics_hierarchy.csv", "workload.csv"),
    ] {
        let d = study_with_export(export, name, "dhis2_mapping.csv");
        let out = run(&["compute", d.path().to_str().unwrap(), "-f", "csv", "-v"]);
        assert!(out.status.success(), "{export}: {}", stderr(&out));
        let rows = stdout_rows(&out);
        println!("{export}");
        assert_same_results(&rows, &expected);
        // The malaria data element is in every export and in no mapping row.
        assert!(
            stderr(&out).contains("that dhis2_mapping does not name were ignored: mAlaria0001"),
            "{export}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn an_export_by_names_maps_through_names() {
    let d = study_with_export("dvs_names.csv", "workload.csv", "dhis2_mapping_names.csv");
    assert_same_results(&compute_csv(&[d.path().to_str().unwrap()]), &twin_results());
}

#[test]
fn compressed_exports_are_streamed() {
    let expected = twin_results();
    let csv = std::fs::read(fixture("dhis2/exports/dvs_2_38_deleted.csv")).unwrap();
    let json = std::fs::read(fixture("dhis2/exports/dvs_bulk.json")).unwrap();
    for (name, bytes) in [
        ("workload.csv.gz", gzip(&csv)),
        ("workload.zip", zip("export/dataValueSets.csv", &csv, false)),
        ("workload.csv.zip", zip("dataValueSets.csv", &csv, true)),
        ("workload.json.gz", gzip(&json)),
        ("workload.json.zip", zip("dataValueSets.json", &json, false)),
        // A zip named like a CSV table that holds JSON: recognised by its content.
        (
            "workload.zip",
            zip("export/dataValueSets.json", &json, false),
        ),
    ] {
        let d = study_with_export("dvs_2_38_deleted.csv", "workload.csv", "dhis2_mapping.csv");
        std::fs::remove_file(d.join("workload.csv")).unwrap();
        d.write_bytes(name, &bytes);
        let out = run(&["compute", d.path().to_str().unwrap(), "-f", "csv", "-q"]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        println!("{name}");
        assert_same_results(&stdout_rows(&out), &expected);
    }
}

/// The F1 × Infirmier row of a result.
fn f1_nurse(rows: &Rows) -> &BTreeMap<String, String> {
    rows.iter()
        .find(|r| r["facility_id"] == "F1" && r["cadre"] == "Infirmier")
        .unwrap()
}

#[test]
fn a_blank_combo_sums_every_combo_and_a_named_combo_filters() {
    // F1's nurse: AWT = 5 × 52 = 260 days × 8 h = 2,080 h (no leave). Consultation at 60 min:
    // SW = 2,080 × 60 / 60 = 2,080 a year; Pansement at 30 min: SW = 4,160. CAF 1, IAF 0.
    // Summed combos: consultations 40+60 + 50+70 + 30+60 = 310, pansements 30+25+0 = 55:
    //   required = 310/2,080 + 55/4,160 = (620 + 55)/4,160 = 675/4,160 = 0.162259615...
    // Under-5 combo only: consultations 40+50+30 = 120:
    //   required = 120/2,080 + 55/4,160 = (240 + 55)/4,160 = 295/4,160 = 0.070913461...
    let sum = study_with_export("dvs_2_30_export.csv", "workload.csv", "dhis2_mapping.csv");
    let rows = compute_csv(&[sum.path().to_str().unwrap()]);
    let required: f64 = f1_nurse(&rows)["required_staff"].parse().unwrap();
    assert!((required - 675.0 / 4160.0).abs() < 1e-12, "{required}");

    let filter = study_with_export(
        "dvs_2_30_export.csv",
        "workload.csv",
        "dhis2_mapping_under5.csv",
    );
    let out = run(&["compute", filter.path().to_str().unwrap(), "-f", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = stdout_rows(&out);
    let required: f64 = f1_nurse(&rows)["required_staff"].parse().unwrap();
    assert!((required - 295.0 / 4160.0).abs() < 1e-12, "{required}");
    // The 5+ values are ignored, and said so.
    let err = stderr(&out);
    assert!(
        err.contains("values of mapped data elements were ignored because dhis2_mapping names other category option combos: cOnsult0001 × cocOver5aaa (8)"),
        "{err}"
    );
}

#[test]
fn deleted_values_are_skipped_and_noted() {
    // The deleted rows add 9,999 consultations and 480 pansements to F3: the results would
    // differ from the twin's if they were counted (they are compared in the test above).
    let d = study_with_export("dvs_2_38_deleted.csv", "workload.csv", "dhis2_mapping.csv");
    let out = run(&["validate", "-v", d.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("2 values marked deleted were skipped"),
        "{}",
        stderr(&out)
    );
}

/// The twin with district and region left to the org-unit hierarchy.
fn twin_without_groups() -> Dir {
    let d = study_with_export("dvs_2_30_export.csv", "workload.csv", "dhis2_mapping.csv");
    d.write(
        "facilities.csv",
        "facility_id,facility_name,facility_type,district,region,orgunit\n\
         F1,CSCom de Bamba,CSCom,,,kJq2mPzTa01\n\
         F2,CSCom de Kafo,CSCom,,,kJq2mPzTa02\n\
         F3,CSRéf de Dioro,CSRéf,,,kJq2mPzTa03\n",
    );
    d
}

#[test]
fn district_and_region_come_from_the_orgunit_levels() {
    let expected = compute_csv(&[
        twin().to_str().unwrap(),
        "--by",
        "district",
        "--by",
        "region",
    ]);
    for orgunits in ["orgunits.csv", "orgunits.json"] {
        let d = twin_without_groups();
        let file = fixture("dhis2").join(orgunits);
        let rows = compute_csv(&[
            d.path().to_str().unwrap(),
            "--orgunits",
            file.to_str().unwrap(),
            "--by",
            "district",
            "--by",
            "region",
        ]);
        assert_same_results(&rows, &expected);
    }
    // The hierarchy as a table of the study, one level up: districts are regions (Ségou) and
    // regions the country.
    let d = twin_without_groups();
    std::fs::copy(fixture("dhis2/orgunits.csv"), d.join("orgunits.csv")).unwrap();
    let rows = compute_csv(&[
        d.path().to_str().unwrap(),
        "--district-level",
        "2",
        "--region-level",
        "1",
    ]);
    assert!(rows
        .iter()
        .all(|r| r["district"] == "Ségou" && r["region"] == "Mali"));
    // Without it, they stay blank.
    let d = twin_without_groups();
    let rows = compute_csv(&[d.path().to_str().unwrap()]);
    assert!(rows.iter().all(|r| r["district"].is_empty()));
}

#[test]
fn facilities_absent_from_the_facilities_table_come_from_the_hierarchy() {
    let d = twin_without_groups();
    let mut export = std::fs::read_to_string(d.join("workload.csv")).unwrap();
    // CSCom de Tamani (kJq2mPzTa04) is in the hierarchy, not in facilities.csv.
    export.push_str(
        "cOnsult0001,202301,kJq2mPzTa04,cocUnder5aa,HllvX50cXC0,208,tamani,2023-04-05T10:12:31.000,,false\n",
    );
    d.write("workload.csv", &export);
    let file = fixture("dhis2/orgunits.csv");
    let out = run(&[
        "compute",
        d.path().to_str().unwrap(),
        "--orgunits",
        file.to_str().unwrap(),
        "-f",
        "csv",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = stdout_rows(&out);
    let tamani = rows
        .iter()
        .find(|r| r["facility_id"] == "kJq2mPzTa04")
        .expect("a row for the facility from the hierarchy");
    assert_eq!(tamani["facility_name"], "CSCom de Tamani");
    assert_eq!(tamani["district"], "Dioro");
    assert_eq!(tamani["region"], "Ségou");
    assert_eq!(tamani["facility_type"], "");
    assert_eq!(tamani["cadre"], "Infirmier");
    // 208 consultations at 2,080 a year: 0.1 nurse.
    let required: f64 = tamani["required_staff"].parse().unwrap();
    assert!((required - 0.1).abs() < 1e-12);
    assert!(
        stderr(&out).contains("taken from the org-unit export (name, district and region known, type unknown): kJq2mPzTa04 (workload)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_ihris_person_list_counts_the_people_in_post() {
    let d = Dir::new();
    d.copy_from(&twin());
    std::fs::remove_file(d.join("staff.csv")).unwrap();
    // The twin's staff (F1: 1 nurse, 1 midwife; F2: 2 nurses; F3: 2 nurses, 3 midwives), one
    // row per person, with job titles through cadre_aliases and statuses.
    d.write(
        "cadre_aliases.csv",
        "alias,cadre\nIDE,Infirmier\nInfirmier d'Etat,Infirmier\nSFE,Sage-femme\n",
    );
    d.write(
        "personnel.csv",
        "Matricule,Nom,Fonction,Code structure,Statut du poste\n\
         M1,Traoré,IDE,F1,En poste\n\
         M2,Diarra,Sage-femme,F1,Actif\n\
         M3,Koné,Infirmier d'Etat,F2,en poste\n\
         M4,Sidibé,IDE,F2,EN POSTE\n\
         M5,Keïta,IDE,F2,Retraité\n\
         M6,Touré,IDE,F3,En poste\n\
         M7,Dembélé,Infirmier,F3,Active\n\
         M8,Sanogo,SFE,F3,En poste\n\
         M9,Maïga,SFE,F3,En poste\n\
         M10,Camara,SFE,F3,En poste\n\
         M11,Doumbia,SFE,F3,En formation\n\
         M12,Bagayoko,SFE,F3,En formation\n\
         M13,Konaté,IDE,F3,Intérim\n\
         M14,Berthé,IDE,,Décédé\n",
    );
    let out = run(&["compute", d.path().to_str().unwrap(), "-f", "csv", "-v"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_same_results(&stdout_rows(&out), &twin_results());
    let err = stderr(&out);
    assert!(
        err.contains("staff rows not counted because their status is not active: Décédé (1), En formation (2), Intérim (1), Retraité (1)"),
        "{err}"
    );
    assert!(
        err.contains(
            "staff statuses never seen before, so not counted as in post: \"Intérim\" (1 row)"
        ),
        "{err}"
    );
    // Counting the interim nurse: F3 has 3 nurses.
    let rows = compute_csv(&[
        d.path().to_str().unwrap(),
        "--active-status",
        "en poste,actif,active,intérim",
    ]);
    let f3 = rows
        .iter()
        .find(|r| r["facility_id"] == "F3" && r["cadre"] == "Infirmier")
        .unwrap();
    assert_eq!(f3["current_staff"], "3");
}

#[test]
fn year_keeps_the_periods_that_start_in_it() {
    let d = study_with_export("dvs_2_30_export.csv", "workload.csv", "dhis2_mapping.csv");
    let mut export = std::fs::read_to_string(d.join("workload.csv")).unwrap();
    for (period, value) in [
        ("202212", 500),
        ("2022Q4", 900),
        ("2024W1", 70),
        ("2022", 4000),
    ] {
        export.push_str(&format!(
            "cOnsult0001,{period},kJq2mPzTa01,cocUnder5aa,HllvX50cXC0,{value},x,2023-04-05,,false\n"
        ));
    }
    d.write("workload.csv", &export);
    let path = d.path().to_str().unwrap();
    let out = run(&["compute", path, "--year", "2023", "-f", "csv", "-v"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_same_results(&stdout_rows(&out), &twin_results());
    assert!(
        stderr(&out)
            .contains("4 mapped values of periods outside 2023 were left out (2022: 3, 2024: 1)"),
        "{}",
        stderr(&out)
    );
    // Without --year the years are summed, with a warning.
    let out = run(&["compute", path, "-f", "csv"]);
    assert!(stderr(&out).contains("holds values of several years (2022, 2023, 2024)"));

    // A week counts in the year it starts in: ISO week 1 of 2026 starts on 29 December 2025.
    let d = study_with_export("dvs_2_30_export.csv", "workload.csv", "dhis2_mapping.csv");
    d.write(
        "workload.csv",
        "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value\n\
         cOnsult0001,2026W1,kJq2mPzTa01,cocUnder5aa,HllvX50cXC0,2080\n",
    );
    let rows = compute_csv(&[d.path().to_str().unwrap(), "--year", "2025"]);
    // 2,080 consultations at 2,080 a year: one nurse.
    assert_eq!(f1_nurse(&rows)["required_staff"], "1");
    let out = run(&[
        "compute",
        d.path().to_str().unwrap(),
        "--year",
        "2026",
        "-f",
        "csv",
    ]);
    // No data for the year is an error: computing on nothing would call every facility "excess".
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("holds no mapped value of --year 2026: its values are of 2025"));
}

#[test]
fn validate_names_what_does_not_fit() {
    let d = study_with_export("dvs_2_30_export.csv", "workload.csv", "dhis2_mapping.csv");
    let mut export = std::fs::read_to_string(d.join("workload.csv")).unwrap();
    export.push_str(
        "pAnsement01,202301,zZzUnknown1,HllvX50cXC0,HllvX50cXC0,12,x,2023-04-05,,false\n",
    );
    export.push_str(
        "pAnsement01,202212,kJq2mPzTa01,HllvX50cXC0,HllvX50cXC0,12,x,2023-04-05,,false\n",
    );
    d.write("workload.csv", &export);
    std::fs::remove_file(d.join("staff.csv")).unwrap();
    d.write(
        "staff.csv",
        "facility_id,cadre,statut\nF1,Infirmier,En poste\nF1,Infirmier,En post\nF2,Sage-femme,Retraité\n",
    );
    let out = run(&[
        "validate",
        d.path().to_str().unwrap(),
        "--year",
        "2023",
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let problems = doc["problems"].as_array().unwrap();
    let find = |code: &str| {
        problems
            .iter()
            .find(|p| p["code"] == code)
            .unwrap_or_else(|| panic!("no {code} in {doc:#}"))["message"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(find("dhis2_unmapped").contains("mAlaria0001 (8)"));
    assert!(find("dhis2_orgunit_unmatched").contains("zZzUnknown1 (1 values)"));
    assert!(find("dhis2_outside_year").contains("2022: 1"));
    let status = find("staff_status_unknown");
    assert!(status.contains("\"En post\" (1 row)"), "{status}");
    assert!(!status.contains("Retraité"), "{status}");
    assert!(
        problems.iter().any(|p| p["code"] == "staff_status_unknown"
            && p["hint"]
                .as_str()
                .unwrap()
                .contains("looks like \"en poste\"")),
        "{doc:#}"
    );
}

#[test]
fn bad_values_and_missing_mapping_are_located_errors() {
    let d = study_with_export("dvs_2_30_export.csv", "workload.csv", "dhis2_mapping.csv");
    let mut export = std::fs::read_to_string(d.join("workload.csv")).unwrap();
    export.push_str(
        "pAnsement01,202301,kJq2mPzTa02,HllvX50cXC0,HllvX50cXC0,douze,x,2023-04-05,,false\n",
    );
    export.push_str(
        "pAnsement01,2023-13,kJq2mPzTa02,HllvX50cXC0,HllvX50cXC0,12,x,2023-04-05,,false\n",
    );
    // Text in a data element nobody maps is no concern.
    export.push_str(
        "mAlaria0001,202301,kJq2mPzTa02,HllvX50cXC0,HllvX50cXC0,oui,x,2023-04-05,,false\n",
    );
    d.write("workload.csv", &export);
    let out = run(&["compute", d.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines = export.lines().count();
    assert!(
        err.contains(&format!(
            "workload.csv, row {}, column \"value\": \"douze\" is not a number",
            lines - 2
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "workload.csv, row {}, column \"period\": \"2023-13\" is not a DHIS2 period",
            lines - 1
        )),
        "{err}"
    );
    assert!(!err.contains("oui"), "{err}");

    std::fs::remove_file(d.join("dhis2_mapping.csv")).unwrap();
    let out = run(&["compute", d.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .contains("is a DHIS2 dataValueSets CSV export: it needs a dhis2_mapping table"),
        "{}",
        stderr(&out)
    );

    // A JSON export that is cut short names its line.
    let d = study_with_export("dvs_bulk.json", "workload.json", "dhis2_mapping.csv");
    let text = std::fs::read_to_string(d.join("workload.json")).unwrap();
    d.write("workload.json", &text[..text.len() / 2]);
    let out = run(&["compute", d.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is not readable as DHIS2 JSON"),
        "{}",
        stderr(&out)
    );
}

// --- The sample study from DHIS2 and iHRIS.

fn sample_dhis2() -> std::path::PathBuf {
    root().join("data").join("sikasso-dhis2")
}

#[test]
fn the_sample_from_dhis2_and_ihris_gives_the_tidy_results() {
    let by = [
        "--by",
        "district",
        "--by",
        "region",
        "--by",
        "facility_type",
        "--by",
        "national",
    ];
    let tidy = compute_csv(&[&[sample().to_str().unwrap()][..], &by[..]].concat());
    let dhis2 = compute_csv(
        &[
            &[sample_dhis2().to_str().unwrap(), "--year", "2023"][..],
            &by[..],
        ]
        .concat(),
    );
    assert_same_results(&dhis2, &tidy);
    let expected = csv_rows(&std::fs::read_to_string(fixture("sikasso_expected.csv")).unwrap());
    assert_same_results(&dhis2, &expected);
}

/// facility_id by org unit, and (cadre, column) by (data element, combo), from the sample.
/// (data element, combo) → (cadre, result column).
type Targets = BTreeMap<(String, String), (String, String)>;

fn export_keys() -> (BTreeMap<String, String>, Targets) {
    let dir = sample_dhis2();
    let facilities = csv_rows(&std::fs::read_to_string(dir.join("facilities.csv")).unwrap());
    let by_orgunit = facilities
        .iter()
        .map(|f| (f["orgunit"].clone(), f["facility_id"].clone()))
        .collect();
    let export = csv_rows(&std::fs::read_to_string(dir.join("dhis2_export.csv")).unwrap());
    let by_target = export
        .iter()
        .map(|r| {
            (
                (
                    r["data_element"].clone(),
                    r["category_option_combo"].clone(),
                ),
                (r["cadre"].clone(), r["indicator"].clone()),
            )
        })
        .collect();
    (by_orgunit, by_target)
}

/// Checks that each DHIS2 value is the result it stands for (rounded to 2 decimals), and that
/// every facility row has its values.
fn check_values(values: &[(String, String, String, String, String)]) {
    let results = compute_csv(&[sample_dhis2().to_str().unwrap()]);
    let (by_orgunit, by_target) = export_keys();
    let mut seen = 0;
    for (de, period, ou, coc, value) in values {
        assert_eq!(period, "2023");
        let facility = &by_orgunit[ou];
        let (cadre, column) = &by_target[&(de.clone(), coc.clone())];
        let row = results
            .iter()
            .find(|r| {
                r["level"] == "facility" && &r["facility_id"] == facility && &r["cadre"] == cadre
            })
            .unwrap_or_else(|| panic!("no result for {facility} {cadre}"));
        let result: f64 = row[column].parse().unwrap();
        let value: f64 = value.parse().unwrap();
        assert!(
            (value - (result * 100.0).round() / 100.0).abs() < 1e-9,
            "{facility} {cadre} {column}: {value} for {result}"
        );
        seen += 1;
    }
    // 111 facility rows × 4 indicators, no null ratio in the sample.
    let with_ratio = results
        .iter()
        .filter(|r| !r["wisn_ratio"].is_empty())
        .count();
    assert_eq!(seen, results.len() * 3 + with_ratio);
    assert_eq!(seen, 444);
}

#[test]
fn dhis2_csv_holds_the_results_it_stands_for() {
    let d = Dir::new();
    let file = d.join("wisn-2023.csv");
    let out = run(&[
        "compute",
        sample_dhis2().to_str().unwrap(),
        "--format",
        "dhis2-csv",
        "--period",
        "2023",
        "-o",
        file.to_str().unwrap(),
        "-q",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&file).unwrap();
    // DHIS2 skips the first line: the documented header.
    assert!(text.starts_with(
        "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value\n"
    ));
    let values: Vec<_> = csv_rows(&text)
        .into_iter()
        .map(|r| {
            assert_eq!(r["attributeoptioncombo"], "");
            (
                r["dataelement"].clone(),
                r["period"].clone(),
                r["orgunit"].clone(),
                r["categoryoptioncombo"].clone(),
                r["value"].clone(),
            )
        })
        .collect();
    check_values(&values);
}

#[test]
fn dhis2_json_holds_the_results_it_stands_for() {
    let out = run(&[
        "compute",
        sample_dhis2().to_str().unwrap(),
        "-f",
        "dhis2-json",
        "--period",
        "2023",
        "-q",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let values: Vec<_> = doc["dataValues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            let s = |k: &str| v[k].as_str().unwrap().to_string();
            (
                s("dataElement"),
                s("period"),
                s("orgUnit"),
                s("categoryOptionCombo"),
                s("value"),
            )
        })
        .collect();
    check_values(&values);
}

#[test]
fn dhis2_formats_need_a_period_and_an_export_table() {
    let dhis2 = sample_dhis2();
    let out = run(&["compute", dhis2.to_str().unwrap(), "-f", "dhis2-csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("need --period"));
    let out = run(&[
        "compute",
        dhis2.to_str().unwrap(),
        "-f",
        "dhis2-json",
        "--period",
        "2023-12",
    ]);
    assert_eq!(out.status.code(), Some(2));
    // The tidy sample has no dhis2_export table: nothing is written.
    let d = Dir::new();
    let file = d.join("out.csv");
    let out = run(&[
        "compute",
        sample().to_str().unwrap(),
        "-f",
        "dhis2-csv",
        "--period",
        "2023",
        "-o",
        file.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no dhis2_export table"),
        "{}",
        stderr(&out)
    );
    assert!(!Path::new(&file).exists());
}

#[test]
fn a_null_ratio_writes_no_value() {
    // A facility with staff but no workload: required 0, ratio null.
    let d = Dir::new();
    d.copy_from(&twin());
    d.write(
        "staff.csv",
        "facility_id,cadre,count\nF1,Infirmier,1\nF1,Sage-femme,1\nF2,Infirmier,2\nF3,Infirmier,2\nF3,Sage-femme,3\nF9,Infirmier,1\n",
    );
    d.write(
        "dhis2_export.csv",
        "indicator,cadre,data_element\nwisn_ratio,Infirmier,rAtioInf001\nrequired_rounded,Infirmier,rEquisInf01\n",
    );
    let out = run(&[
        "compute",
        d.path().to_str().unwrap(),
        "-f",
        "dhis2-csv",
        "--period",
        "2023Q1",
        "-q",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("rEquisInf01,2023Q1,F9,,,0\n"), "{text}");
    assert!(!text.contains("rAtioInf001,2023Q1,F9"), "{text}");
    // F1's nurse: required 675/4,160 = 0.16 (rounds to 0 staff); ratio 1 / 0.1623 = 6.16.
    assert!(
        text.contains("rAtioInf001,2023Q1,kJq2mPzTa01,,,6.16\n"),
        "{text}"
    );
}

#[test]
fn analytics_by_names_with_hierarchy_paths_resolve_through_the_orgunits() {
    // showHierarchy writes org units as name paths, and outputIdScheme=NAME writes names: the
    // last part of the path is found in the hierarchy, the names through a mapping by names.
    let source = csv_rows(
        &std::fs::read_to_string(fixture("dhis2/exports/analytics_hierarchy.csv")).unwrap(),
    );
    let mut text = String::from("Data,Category option combo,Period,Organisation unit,Value\n");
    for r in &source {
        text.push_str(&format!(
            "{},{},{},/{}/{}/{}/{},{}\n",
            r["Data"],
            r["Category option combo"],
            r["Period"],
            r["orgunitlevel1"],
            r["orgunitlevel2"],
            r["orgunitlevel3"],
            r["orgunitlevel4"],
            r["Value"]
        ));
    }
    let d = study_with_export(
        "dvs_2_30_export.csv",
        "workload.csv",
        "dhis2_mapping_names.csv",
    );
    d.write("workload.csv", &text);
    let orgunits = fixture("dhis2/orgunits.csv");
    let rows = compute_csv(&[
        d.path().to_str().unwrap(),
        "--orgunits",
        orgunits.to_str().unwrap(),
    ]);
    assert_same_results(&rows, &twin_results());
}

#[test]
fn year_filters_a_tidy_workload_too() {
    let d = Dir::new();
    d.copy_from(&twin());
    let mut workload = std::fs::read_to_string(d.join("workload.csv")).unwrap();
    workload.push_str("F1,Consultation,2022-12,5000\nF1,Consultation,2020W01,5000\n");
    d.write("workload.csv", &workload);
    let path = d.path().to_str().unwrap();
    let out = run(&["compute", path, "--year", "2023", "-f", "csv", "-v"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_same_results(&stdout_rows(&out), &twin_results());
    // 2020W01 starts on 30 December 2019.
    assert!(
        stderr(&out)
            .contains("2 workload rows of periods outside 2023 were left out (2019: 1, 2022: 1)"),
        "{}",
        stderr(&out)
    );
    // Without periods, --year cannot choose.
    d.write(
        "workload.csv",
        "facility_id,activity,volume\nF1,Consultation,310\n",
    );
    let out = run(&["compute", path, "--year", "2023", "-f", "csv"]);
    assert!(
        stderr(&out).contains("--year 2023 has no effect"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_orgunit_belongs_to_one_facility_and_json_holds_only_dhis2_exports() {
    let d = study_with_export("dvs_2_30_export.csv", "workload.csv", "dhis2_mapping.csv");
    d.write(
        "facilities.csv",
        "facility_id,facility_name,facility_type,district,region,uid\n\
         F1,CSCom de Bamba,CSCom,Bamba,Ségou,kJq2mPzTa01\n\
         F2,CSCom de Kafo,CSCom,Bamba,Ségou,kJq2mPzTa01\n\
         F3,CSRéf de Dioro,CSRéf,Dioro,Ségou,kJq2mPzTa03\n",
    );
    let out = run(&["compute", d.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("orgunit kJq2mPzTa01 is given to two facilities, F1 and F2"),
        "{}",
        stderr(&out)
    );
    let d = study_with_export("dvs_bulk.json", "workload.json", "dhis2_mapping.csv");
    std::fs::remove_file(d.join("staff.csv")).unwrap();
    d.write("staff.json", "[{\"facility_id\": \"F1\"}]");
    let out = run(&["compute", d.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is JSON: only the workload (a DHIS2 dataValueSets export) and the org units may be JSON, not the `staff` table"),
        "{}",
        stderr(&out)
    );
}
