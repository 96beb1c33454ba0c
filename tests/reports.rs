//! The reports people read: the terminal table, CSV (default and French Excel), JSON, XLSX and
//! HTML, in English and French. Snapshots (insta) are taken on tests/data/reports_small, a study
//! small enough to check by hand (its README has the arithmetic).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};

use crate::util::*;

fn small() -> PathBuf {
    fixture("reports_small")
}

/// Runs wisn and returns (stdout, stderr), asserting success.
fn run(args: &[&str]) -> (Vec<u8>, String) {
    let out = wisn().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "wisn {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (out.stdout, String::from_utf8(out.stderr).unwrap())
}

fn run_text(args: &[&str]) -> String {
    String::from_utf8(run(args).0).unwrap()
}

fn small_str() -> String {
    small().to_str().unwrap().to_string()
}

#[test]
fn table_in_english() {
    let s = small_str();
    let out = run_text(&[
        "compute", &s, "--by", "district", "--by", "national", "--lang", "en",
    ]);
    // Piped: no colour codes.
    assert!(!out.contains('\x1b'));
    insta::assert_snapshot!("table_en", out);
}

#[test]
fn table_in_french() {
    let s = small_str();
    let out = run_text(&[
        "compute", &s, "--by", "district", "--by", "national", "--lang", "fr",
    ]);
    assert!(out.contains("PÉNURIE") && out.contains("équilibre") && out.contains("excédent"));
    assert!(out.contains("Écart") && out.contains("2,15"));
    insta::assert_snapshot!("table_fr", out);
}

#[test]
fn language_from_the_environment() {
    let s = small_str();
    let french = |lc_all: &str, lang: &str| {
        let out = wisn()
            .env("LC_ALL", lc_all)
            .env("LANG", lang)
            .args(["compute", &s])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap().contains("Effectif")
    };
    assert!(french("", "fr_ML.UTF-8"));
    assert!(french("fr_FR.UTF-8", "en_US.UTF-8"));
    assert!(!french("C", "fr_FR.UTF-8"), "LC_ALL wins over LANG");
    assert!(!french("", "en_GB.UTF-8"));
    // --lang wins over the environment.
    let out = wisn()
        .env("LC_ALL", "fr_FR.UTF-8")
        .args(["compute", &s, "--lang", "en"])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("Staff"));
}

#[test]
fn csv_default_and_machine_names_never_translated() {
    let s = small_str();
    let en = run_text(&["compute", &s, "-f", "csv", "--lang", "en"]);
    let fr = run_text(&["compute", &s, "-f", "csv", "--lang", "fr"]);
    assert_eq!(en, fr, "--lang changes nothing in CSV");
    assert!(!en.starts_with('\u{feff}'));
    assert!(en.starts_with("level,facility_id,"));
    insta::assert_snapshot!("csv_default", en);
}

#[test]
fn csv_for_french_excel() {
    let s = small_str();
    let (bytes, _) = run(&["compute", &s, "-f", "csv", "--locale", "fr"]);
    let (same, _) = run(&["compute", &s, "-f", "csv", "--excel-fr"]);
    assert_eq!(bytes, same, "--excel-fr is --locale fr");
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 BOM for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    // What French Excel needs to see numbers: ';' between fields, ',' as the decimal sign, no
    // thousands separator, no exponent, plain '-' for negatives.
    for line in text.lines().skip(1) {
        for field in line.split(';') {
            assert!(!field.contains('.') || field.contains(' '), "{field}");
            assert!(!field.contains('e') || field.chars().any(char::is_alphabetic));
        }
    }
    assert!(text.contains(";2,147244094488189;"));
    assert!(text.contains(";-0,14724409448818898;"));
    // The same numbers as the default CSV, read back.
    let fr_rows: Vec<BTreeMap<String, String>> = {
        let mut r = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(text.as_bytes());
        let headers = r.headers().unwrap().clone();
        r.records()
            .map(|rec| {
                let rec = rec.unwrap();
                headers
                    .iter()
                    .zip(rec.iter())
                    .map(|(h, v)| (h.to_string(), v.replace(',', ".")))
                    .collect()
            })
            .collect()
    };
    let en_rows = compute_csv(&[&s]);
    assert_eq!(fr_rows, en_rows);
    insta::assert_snapshot!("csv_french_excel", text);
}

#[test]
fn json_report() {
    let s = small_str();
    let en = run_text(&[
        "compute", &s, "-f", "json", "--by", "national", "--lang", "en",
    ]);
    let fr = run_text(&[
        "compute", &s, "-f", "json", "--by", "national", "--lang", "fr",
    ]);
    assert_eq!(en, fr, "--lang changes nothing in JSON");
    insta::assert_snapshot!("json", en);
}

/// The page without its style and script (the skeleton a reader sees).
fn skeleton(html: &str) -> String {
    let mut out = html.to_string();
    for (open, close) in [("<style>", "</style>"), ("<script>", "</script>")] {
        let mut from = 0;
        while let Some(a) = out[from..].find(open).map(|i| i + from + open.len()) {
            let b = a + out[a..].find(close).unwrap();
            out.replace_range(a..b, "…");
            from = a;
        }
    }
    out
}

#[test]
fn html_report_skeleton() {
    let dir = Dir::new();
    let path = dir.join("rapport.html");
    let s = small_str();
    run(&["compute", &s, "-o", path.to_str().unwrap(), "--lang", "fr"]);
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"fr\">"));
    // Self-contained: nothing loaded from elsewhere.
    for bad in ["src=\"http", "href=\"http", "src=\"//", "@import", "url("] {
        assert!(!html.contains(bad), "{bad}");
    }
    assert_eq!(html.matches("<svg ").count(), 2);
    assert_eq!(html.matches("class=\"target\"").count(), 2, "the 1.0 line");
    assert!(html.contains("@page { size: A4"));
    assert!(html.contains("id=\"facility-table\""));
    insta::assert_snapshot!("html_skeleton", skeleton(&html));
}

#[test]
fn html_in_a_real_browser() {
    let script = root().join("scripts").join("check-html.sh");
    let has_browser = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .any(|b| which(b).is_some());
    if !has_browser && std::env::var_os("CHROMIUM").is_none() {
        println!(
            "skipped: html_in_a_real_browser: no Chromium installed (apt-get install -y chromium)"
        );
        return;
    }
    let dir = Dir::new();
    let path = dir.join("rapport.html");
    let sample = sample();
    run(&[
        "compute",
        sample.to_str().unwrap(),
        "-q",
        "-o",
        path.to_str().unwrap(),
        "--lang",
        "fr",
    ]);
    let out = std::process::Command::new("bash")
        .arg(&script)
        .arg(&path)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if out.status.code() == Some(77) {
        println!("skipped: html_in_a_real_browser: the browser did not start:\n{text}");
        return;
    }
    assert!(out.status.success(), "browser check failed:\n{text}");
    assert!(text.contains("check-html: PASS"), "{text}");
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    })
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn zip_entry(path: &Path, name: &str) -> Option<String> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut f = z.by_name(name).ok()?;
    let mut s = String::new();
    f.read_to_string(&mut s).unwrap();
    Some(s)
}

#[test]
fn xlsx_report_reads_back() {
    let dir = Dir::new();
    let path = dir.join("rapport.xlsx");
    let s = small_str();
    // The format comes from the file name.
    run(&["compute", &s, "-o", path.to_str().unwrap(), "--lang", "fr"]);
    let mut wb: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "Synthèse",
            "Graphiques",
            "Structures",
            "Paramètres",
            "Avertissements"
        ]
    );

    // Facilities: row 1 the spec's names in order (+ status_label), row 2 French labels, then the
    // CSV's values at full precision.
    let range = wb.worksheet_range("Structures").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(cell_text).collect())
        .collect();
    let mut expected_header: Vec<String> = wisn::report::COLUMNS
        .iter()
        .map(|c| c.to_string())
        .collect();
    expected_header.push("status_label".into());
    assert_eq!(rows[0], expected_header);
    assert_eq!(rows[1][8], "Effectif requis");
    assert_eq!(rows[1][13], "Statut");
    let csv = compute_csv(&[&s]);
    assert_eq!(rows.len() - 2, csv.len());
    let data_rows: Vec<&[Data]> = range.rows().skip(2).collect();
    for (row, expected) in data_rows.iter().zip(&csv) {
        for (c, name) in wisn::report::COLUMNS.iter().enumerate() {
            let want = &expected[*name];
            match &row[c] {
                Data::Float(v) => assert_eq!(
                    *v,
                    want.parse::<f64>().unwrap(),
                    "column {name}: the number at full precision"
                ),
                Data::Int(v) => assert_eq!(v.to_string(), *want, "column {name}"),
                Data::Empty => assert_eq!(want, "", "column {name}"),
                other => assert_eq!(cell_text(other), *want, "column {name}"),
            }
        }
    }
    // Machine words stay; the label column says it in French.
    assert_eq!(cell_text(&data_rows[1][13]), "shortage");
    assert_eq!(
        cell_text(&data_rows[1][wisn::report::COLUMNS.len()]),
        "pénurie"
    );

    // Summary: national, region, district and facility-type rows, whatever --by said.
    let range = wb.worksheet_range("Synthèse").unwrap();
    let levels: Vec<String> = range.rows().skip(2).map(|r| cell_text(&r[0])).collect();
    let count = |l: &str| levels.iter().filter(|x| *x == l).count();
    assert_eq!(
        (
            count("national"),
            count("region"),
            count("district"),
            count("facility_type")
        ),
        (2, 2, 4, 2)
    );
    let header: Vec<String> = range.rows().next().unwrap().iter().map(cell_text).collect();
    assert_eq!(header[0], "level");
    assert_eq!(header[9], "wisn_ratio");
    // National Sage-femme: 2 in post, required 1.5 × 10/9 + 2 × 10/9 = 3.888889.
    let national_sf = range
        .rows()
        .find(|r| cell_text(&r[0]) == "national" && cell_text(&r[4]) == "Sage-femme")
        .unwrap();
    match national_sf[6] {
        Data::Float(v) => assert!((v - 35.0 / 9.0).abs() < 1e-12, "{v}"),
        ref other => panic!("{other:?}"),
    }

    // Parameters: AWT, CAF and IAF per cadre.
    let range = wb.worksheet_range("Paramètres").unwrap();
    let row = range
        .rows()
        .find(|r| cell_text(&r[0]) == "Infirmier")
        .unwrap();
    let num = |d: &Data| match d {
        Data::Float(v) => *v,
        Data::Int(v) => *v as f64,
        other => panic!("{other:?}"),
    };
    assert_eq!(num(&row[9]), 1760.0, "AWT");
    assert!((num(&row[11]) - 130.0 / 127.0).abs() < 1e-12, "CAF");
    assert!((num(&row[13]) - 0.1).abs() < 1e-12, "IAF");

    // The package has the native charts and the colour scale.
    assert!(zip_entry(&path, "xl/charts/chart1.xml").is_some());
    assert!(zip_entry(&path, "xl/charts/chart2.xml").is_some());
    let chart1 = zip_entry(&path, "xl/charts/chart1.xml").unwrap();
    assert!(chart1.contains("<c:barChart>") && chart1.contains("<c:lineChart>"));
    let summary = zip_entry(&path, "xl/worksheets/sheet1.xml").unwrap();
    assert!(summary.contains("<conditionalFormatting"));
    assert!(summary.contains("<colorScale>"));
    assert!(summary.contains("<autoFilter"));
    assert!(summary.contains("state=\"frozen\""));
    let facilities = zip_entry(&path, "xl/worksheets/sheet3.xml").unwrap();
    assert!(facilities.contains("<conditionalFormatting"));
}

#[test]
fn xlsx_sheet_names_in_english() {
    let dir = Dir::new();
    let path = dir.join("report.xlsx");
    let s = small_str();
    run(&["compute", &s, "-o", path.to_str().unwrap(), "--lang", "en"]);
    let wb: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["Summary", "Charts", "Facilities", "Parameters", "Warnings"]
    );
}

#[test]
fn xlsx_and_html_go_to_a_file_or_a_pipe() {
    let s = small_str();
    // Piped stdout is fine (the bytes of a workbook).
    let (bytes, _) = run(&["compute", &s, "-f", "xlsx"]);
    assert_eq!(&bytes[..2], b"PK");
    let (bytes, _) = run(&["compute", &s, "-f", "html"]);
    assert!(bytes.starts_with(b"<!DOCTYPE html>"));
}

/// A terminal on stdout: `script` gives the command a pseudo-terminal.
#[test]
fn xlsx_to_a_terminal_is_a_usage_error() {
    if which("script").is_none() {
        println!("skipped: xlsx_to_a_terminal_is_a_usage_error: no `script` command");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("wisn");
    let command = format!(
        "{} compute {} -f xlsx; echo \"exit=$?\"",
        bin.display(),
        small_str()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("LC_ALL", "C")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("exit=2"), "{text}");
    assert!(text.contains("-o rapport.xlsx"), "{text}");
    assert!(!text.contains("PK"), "{text}");
}

#[test]
fn no_progress_output_when_stderr_is_not_a_terminal() {
    let sample = sample();
    let (_, stderr) = run(&["compute", sample.to_str().unwrap(), "-q", "-f", "csv"]);
    assert!(stderr.is_empty(), "{stderr}");
}

/// The French workbook for people: the machine names' row hidden (scripts still read it as row
/// 1), one visible status column (the French one), whole staff counts as whole numbers, the wide
/// facility sheet not shrunk to one page but printed with its headers and identifying columns
/// repeated, the narrow summary fitted to the width.
#[test]
fn xlsx_for_people_hides_machine_names_and_prints_readably() {
    let dir = Dir::new();
    let path = dir.join("rapport.xlsx");
    let s = small_str();
    run(&["compute", &s, "-o", path.to_str().unwrap(), "--lang", "fr"]);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut xml = |name: &str| {
        let mut text = String::new();
        zip.by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let workbook = xml("xl/workbook.xml");
    // Sheet 3 is Structures, sheet 1 Synthèse.
    let facilities = xml("xl/worksheets/sheet3.xml");
    let summary = xml("xl/worksheets/sheet1.xml");
    let styles = xml("xl/styles.xml");
    // The Facilities sheet is a low-memory worksheet: its rows have no `spans` (an optional
    // hint of the format).
    assert!(
        facilities.contains("<row r=\"1\" hidden=\"1\">"),
        "{facilities:.600}"
    );
    let status = 1 + wisn::report::COLUMNS
        .iter()
        .position(|c| *c == "status")
        .unwrap();
    assert!(
        facilities.contains(&format!(
            "<col min=\"{status}\" max=\"{status}\" width=\"12.7109375\" hidden=\"1\""
        )),
        "the machine status column is hidden"
    );
    assert!(
        !facilities.contains("fitToWidth"),
        "the facility sheet is not shrunk to a page"
    );
    assert!(facilities.contains("scale=\"85\""), "{facilities}");
    assert!(
        workbook.contains("Structures!$A:$G,Structures!$1:$2"),
        "{workbook}"
    );
    assert!(
        summary.contains("fitToPage=\"1\""),
        "the summary fits to the width"
    );
    // A whole-number format ("0") is used for staff counts, beside "0.00".
    assert!(styles.contains("formatCode=\"0.00\""));
    let mut wb: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let range = wb.worksheet_range("Structures").unwrap();
    let current = wisn::report::COLUMNS
        .iter()
        .position(|c| *c == "current_staff")
        .unwrap();
    assert!(range
        .rows()
        .skip(2)
        .any(|r| matches!(r[current], Data::Float(v) if v.fract() == 0.0)));
}

/// The planning and surge workbooks in French: machine names on row 1 (hidden), French labels
/// on row 2, data from row 3; French sheet names.
#[test]
fn planning_and_surge_workbooks_in_french_label_their_columns() {
    let dir = Dir::new();
    let cases: [(&str, Vec<&str>, &str, &str, &str); 2] = [
        (
            "a.xlsx",
            vec!["allocate", "data/sikasso", "--posts", "Sage-femme=2"],
            "Lignes",
            "level",
            "Niveau",
        ),
        (
            "s.xlsx",
            vec!["surge", "data/covid"],
            "Lignes",
            "level",
            "Niveau",
        ),
    ];
    for (file, args, sheet, machine, label) in cases {
        let path = dir.join(file);
        let mut all = args.clone();
        all.extend(["--lang", "fr", "-o", path.to_str().unwrap()]);
        wisn().current_dir(root()).args(&all).assert().success();
        let mut wb: Xlsx<_> = calamine::open_workbook(&path).unwrap();
        let range = wb.worksheet_range(sheet).unwrap();
        let rows: Vec<Vec<String>> = range
            .rows()
            .take(3)
            .map(|r| r.iter().map(cell_text).collect())
            .collect();
        assert_eq!(rows[0][0], machine, "{file}");
        assert_eq!(rows[1][0], label, "{file}");
        assert_ne!(rows[2][0], label, "{file}: data from row 3");
    }
}

/// A generated study bigger than the page's caps: 800 facilities × 3 cadres (2 400 facility
/// rows, over the HTML table's 2 000 and three of the terminal table's blocks of 1 000) in 25 districts
/// (over the district chart's 20), staff spread so that every status occurs.
pub(crate) fn mid_size_study() -> Dir {
    let dir = Dir::new();
    let cadres = ["Médecin", "Sage-femme", "Infirmier"];
    let mut facilities = String::from("facility_id,facility_name,facility_type,district,region\n");
    let mut staff = String::from("facility_id,cadre,count\n");
    let mut workload = String::from("facility_id,activity,period,volume\n");
    let mut seed: u64 = 7;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    for f in 0..800 {
        let district = f % 25;
        let kind = if f % 10 == 0 { "CSRéf" } else { "CSCom" };
        facilities.push_str(&format!(
            "F{f:04},{kind} n°{f},{kind},District-{district:02},Region-{}\n",
            district % 5
        ));
        for c in cadres {
            staff.push_str(&format!("F{f:04},{c},{}\n", next(5)));
        }
        for a in 1..=3 {
            for m in 1..=12 {
                workload.push_str(&format!("F{f:04},Act {a},2023-{m:02},{}\n", 50 + next(400)));
            }
        }
    }
    let mut working_time = String::from(
        "cadre,facility_type,days_per_week,hours_per_day,public_holidays,annual_leave,sick_leave,other_leave\n",
    );
    let mut standards =
        String::from("cadre,facility_type,component,activity,standard,unit,staff\n");
    for (i, c) in cadres.iter().enumerate() {
        working_time.push_str(&format!("{c},,5,8,13,30,8,5\n"));
        standards.push_str(&format!("{c},,service,Act {},40,min,\n", i + 1));
    }
    dir.write("facilities.csv", &facilities)
        .write("staff.csv", &staff)
        .write("workload.csv", &workload)
        .write("working_time.csv", &working_time)
        .write("standards.csv", &standards);
    dir
}

#[test]
fn a_large_study_gets_a_bounded_html_page_that_says_so() {
    let dir = mid_size_study();
    let study = dir.path().to_str().unwrap();
    let csv = compute_csv(&[study]);
    assert_eq!(csv.len(), 2400);
    for (lang, words) in [
        (
            "en",
            ["2000 of the 2400", "results.csv", "20 of the 25 districts"],
        ),
        (
            "fr",
            ["2000 des 2400", "resultats.csv", "20 des 25 districts"],
        ),
    ] {
        let html = run_text(&["compute", study, "-f", "html", "--lang", lang]);
        let table = &html[html.find("id=\"facility-table\"").unwrap()..];
        let body = &table[table.find("<tbody>").unwrap()..table.find("</tbody>").unwrap()];
        assert_eq!(body.matches("<tr>").count(), 2000, "the cap");
        for w in words {
            assert!(html.contains(w), "{lang}: {w}");
        }
        assert!(
            html.contains("id=\"facility-table-cap\"")
                && html.contains("id=\"district-chart-cap\"")
        );
        // The chart draws 20 districts, each with its cadres' bars.
        let chart = &html[html.find("id=\"chart-district\"").unwrap()..];
        let chart = &chart[..chart.find("</svg>").unwrap()];
        assert_eq!(chart.matches("font-weight=\"bold\">District-").count(), 20);
        // Shortage rows first, the lowest ratio first.
        let ratios: Vec<(bool, f64)> = body
            .split("<tr>")
            .skip(1)
            .map(|row| {
                let short = row.contains("s-shortage");
                let ratio = row
                    .split("data-v=\"")
                    .nth(5)
                    .and_then(|v| v.split('"').next())
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(f64::INFINITY);
                (short, ratio)
            })
            .collect();
        assert!(ratios[0].0, "a shortage first");
        for w in ratios.windows(2) {
            assert!(w[0].0 >= w[1].0, "shortages before the rest");
            if w[0].0 == w[1].0 {
                assert!(w[0].1 <= w[1].1, "lowest ratio first: {w:?}");
            }
        }
    }
    // The CSV names the worst row the page shows first.
    let worst = csv
        .iter()
        .filter(|r| r["status"] == "shortage")
        .map(|r| r["wisn_ratio"].parse::<f64>().unwrap())
        .fold(f64::INFINITY, f64::min);
    let html = run_text(&["compute", study, "-f", "html"]);
    let table = &html[html.find("<tbody>\n<tr><td>F").unwrap()..];
    let first_row = &table[..table.find("</tr>").unwrap()];
    assert!(
        first_row.contains(&format!(
            "data-v=\"{}\"",
            wisn::numbers::full_precision(worst)
        )),
        "{first_row}"
    );
}

#[test]
fn a_large_study_gets_the_same_workbook_cells_and_terminal_table() {
    let dir = mid_size_study();
    let study = dir.path().to_str().unwrap();
    let csv = compute_csv(&[study]);
    // XLSX: the Facilities sheet (written row by row in a low-memory worksheet) holds the CSV's
    // cells, under the hidden machine-name row and the label row.
    let path = dir.join("rapport.xlsx");
    run(&[
        "compute",
        study,
        "-o",
        path.to_str().unwrap(),
        "--lang",
        "fr",
    ]);
    let mut wb: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let range = wb.worksheet_range("Structures").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows.len(), 2 + csv.len());
    assert_eq!(cell_text(&rows[0][0]), "level");
    assert_eq!(cell_text(&rows[1][8]), "Effectif requis");
    for (row, expected) in rows[2..].iter().zip(&csv) {
        for (c, name) in wisn::report::COLUMNS.iter().enumerate() {
            let want = &expected[*name];
            match &row[c] {
                Data::Float(v) => assert_eq!(*v, want.parse::<f64>().unwrap(), "{name}"),
                Data::Empty => assert_eq!(want, "", "{name}"),
                other => assert_eq!(cell_text(other), *want, "{name}"),
            }
        }
    }
    let sheet = zip_entry(&path, "xl/worksheets/sheet3.xml").unwrap();
    assert!(sheet.contains("<row r=\"1\" hidden=\"1\">"));
    assert!(sheet.contains("<row r=\"2\" ht=\"30\" customHeight=\"1\">"));
    // The workbook reads back as a study's results would (the round trip of a report).
    assert!(wb.worksheet_range("Synthèse").is_ok());

    // The terminal table of 2 400 rows is written in three blocks: one table all the same, every
    // line as wide as the header, one top border, one header rule, one bottom border.
    let text = run_text(&["compute", study, "-f", "table"]);
    let facilities = &text[..text.find("\n\n").unwrap()];
    let lines: Vec<&str> = facilities
        .lines()
        .filter(|l| l.starts_with(['┌', '│', '╞', '└']))
        .collect();
    let width = lines[0].chars().count();
    assert!(lines.iter().all(|l| l.chars().count() == width));
    assert_eq!(lines.iter().filter(|l| l.starts_with('┌')).count(), 1);
    assert_eq!(lines.iter().filter(|l| l.starts_with('╞')).count(), 1);
    assert_eq!(lines.iter().filter(|l| l.starts_with('└')).count(), 1);
    assert_eq!(
        lines.iter().filter(|l| l.starts_with('│')).count(),
        2400 + 1
    );
}
