//! Real spreadsheets: workbooks (.xlsx .xls .ods, generated and saved by LibreOffice) and French
//! CSV. Every fixture holds the sample study (or some of its tables) as an analyst's file would
//! hold it, and must give exactly the results of the clean study; every bad file must give a
//! located error, exit 1 and no output file.

use std::path::{Path, PathBuf};

use crate::util::*;

fn s(p: &Path) -> String {
    p.to_str().unwrap().to_string()
}

fn data(name: &str) -> PathBuf {
    root().join("data").join(name)
}

fn libreoffice(name: &str) -> PathBuf {
    fixture("libreoffice").join(name)
}

const ALL_LEVELS: [&str; 8] = [
    "--by",
    "district",
    "--by",
    "region",
    "--by",
    "facility_type",
    "--by",
    "national",
];

/// The clean study's results, with every roll-up.
fn clean() -> Vec<std::collections::BTreeMap<String, String>> {
    let mut args = vec![s(&sample())];
    args.extend(ALL_LEVELS.iter().map(|a| a.to_string()));
    compute_csv(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

/// Asserts that a study (and table options) gives the clean study's results.
fn assert_twin(args: &[String]) {
    let mut all: Vec<String> = args.to_vec();
    all.extend(ALL_LEVELS.iter().map(|a| a.to_string()));
    let ours = compute_csv(&all.iter().map(String::as_str).collect::<Vec<_>>());
    assert_same_results(&ours, &clean());
}

/// The sample study with some tables given on their own: `--facilities FILE` ...
fn with_tables(tables: &[(&str, PathBuf)]) -> Vec<String> {
    let mut args = vec![s(&sample())];
    for (option, path) in tables {
        args.push(format!("--{option}"));
        args.push(s(path));
    }
    args
}

/// Runs `wisn compute ARGS -o out.csv`, expecting failure: returns stderr; checks exit 1 and
/// that no output file was written.
fn compute_fails(args: &[String]) -> String {
    let dir = Dir::new();
    let out_file = dir.join("out.csv");
    let out = wisn()
        .arg("compute")
        .args(args)
        .arg("-o")
        .arg(&out_file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "exit 1 on bad input");
    assert!(!out_file.exists(), "nothing written on bad input");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(leftovers.is_empty(), "no temporary file left behind");
    String::from_utf8(out.stderr).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Whole studies: the sample as a workbook and its messy twins.

#[test]
fn the_sample_as_a_workbook_gives_the_same_results() {
    assert_twin(&[s(&data("sikasso.xlsx"))]);
}

#[test]
fn the_messy_workbook_gives_the_same_results() {
    // Title rows above headers, a table starting in column B, merged district and region
    // cells, numbers stored as text (decimal commas, thousands separators), periods as date
    // cells, a formula (=7/2), blank rows, extra columns and sheets.
    assert_twin(&[s(&data("sikasso_messy.xlsx"))]);
}

#[test]
fn the_messy_workbook_saved_by_libreoffice_as_ods_gives_the_same_results() {
    assert_twin(&[s(&libreoffice("sikasso_messy.ods"))]);
}

#[test]
fn the_french_csv_folder_gives_the_same_results() {
    // `;`, decimal commas, French file names and headers, Windows-1252, a title row holding a
    // comma, thousands separators, MM/YYYY periods (read through the UTF-8 → Windows-1252
    // fallback here; with --encoding windows-1252 in tests/samples.rs).
    assert_twin(&[s(&data("sikasso_fr"))]);
}

#[test]
fn the_french_csv_folder_without_encoding_warns_about_each_windows_1252_file() {
    let out = wisn()
        .args(["compute", &s(&data("sikasso_fr")), "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    for file in [
        "structures.csv",
        "temps_de_travail.csv",
        "normes.csv",
        "alias_cadres.csv",
        "charge_de_travail.csv",
        "effectifs.csv",
    ] {
        assert!(
            stderr.contains(&format!("{file}: is not valid UTF-8: read as Windows-1252")),
            "{file}: {stderr}"
        );
    }
    // Nothing else: the fallback is the folder's only warning (study-format §3), and
    // --encoding windows-1252 silences it (tests/samples.rs).
    assert_eq!(stderr.lines().count(), 6, "{stderr}");
}

#[test]
fn a_folder_mixing_csv_ods_xlsx_and_xls_saved_by_libreoffice() {
    assert_twin(&[s(&libreoffice("mixed_folder"))]);
}

#[test]
fn a_folder_holding_a_workbook_for_some_tables() {
    // facilities.csv and staff.csv in the folder; the other tables from a workbook there.
    let d = Dir::new();
    std::fs::copy(sample().join("facilities.csv"), d.join("facilities.csv")).unwrap();
    std::fs::copy(sample().join("staff.csv"), d.join("staff.csv")).unwrap();
    std::fs::copy(data("sikasso.xlsx"), d.join("etude.xlsx")).unwrap();
    // Excel's lock file next to an open workbook is not a workbook.
    d.write("~$etude.xlsx", "locked by analyste");
    assert_twin(&[s(d.path())]);
}

#[test]
fn a_workbook_with_two_sheets_for_one_table() {
    let d = Dir::new();
    let mut book = rust_xlsxwriter::Workbook::new();
    for name in ["Normes", "Normes d'activité"] {
        book.add_worksheet().set_name(name).unwrap();
    }
    book.save(d.join("etude.xlsx")).unwrap();
    let stderr = compute_fails(&[s(&d.join("etude.xlsx"))]);
    assert!(
        stderr.contains("etude.xlsx: holds the `standards` table twice: sheets \"Normes\" and \"Normes d'activité\""),
        "{stderr}"
    );
}

// ---------------------------------------------------------------------------------------------
// One table at a time: a fixture per case.

#[test]
fn merged_district_cells() {
    for file in [
        fixture("merged_district_cells.xlsx"),
        libreoffice("merged_district_cells.ods"),
        libreoffice("merged_district_cells.xls"),
    ] {
        assert_twin(&with_tables(&[("facilities", file)]));
    }
}

#[test]
fn title_rows_above_header() {
    for file in [
        fixture("title_rows_above_header.xlsx"),
        libreoffice("title_rows_above_header.ods"),
    ] {
        assert_twin(&with_tables(&[("standards", file)]));
    }
}

#[test]
fn numbers_as_text() {
    let book = fixture("numbers_as_text.xlsx");
    assert_twin(&with_tables(&[
        ("working-time", book.clone()),
        ("standards", book.clone()),
        ("workload", book),
    ]));
}

#[test]
fn bom_tab() {
    assert_twin(&with_tables(&[("staff", fixture("bom_tab.tsv"))]));
}

#[test]
fn nbsp_thousands() {
    assert_twin(&with_tables(&[("workload", fixture("nbsp_thousands.csv"))]));
}

#[test]
fn fr_semicolon_cp1252() {
    // normes.csv and temps_de_travail.csv (with 1,5 h and 3,5 days) in the folder, the other
    // tables given on their own.
    let mut args = vec![s(&fixture("fr_semicolon_cp1252"))];
    for (option, file) in [
        ("facilities", "facilities.csv"),
        ("workload", "workload.csv"),
        ("staff", "staff.csv"),
        ("cadre-aliases", "cadre_aliases.csv"),
    ] {
        args.push(format!("--{option}"));
        args.push(s(&sample().join(file)));
    }
    assert_twin(&args);
}

#[test]
fn a_sheet_by_name() {
    let book = data("sikasso.xlsx");
    for sheet in ["effectifs", "Effectifs", "EFFECTIFS "] {
        let arg = PathBuf::from(format!("{}#{sheet}", s(&book)));
        assert_twin(&with_tables(&[("staff", arg)]));
    }
    // Without #Sheet, the sheet named after the table.
    assert_twin(&with_tables(&[
        ("staff", book.clone()),
        ("standards", book),
    ]));
}

#[test]
fn a_sheet_that_does_not_exist() {
    let args = with_tables(&[(
        "staff",
        PathBuf::from(format!("{}#Personnel", s(&data("sikasso.xlsx")))),
    )]);
    let stderr = compute_fails(&args);
    assert!(
        stderr.contains(
            "sikasso.xlsx: has no sheet named \"Personnel\"; its sheets are: \"structures\""
        ),
        "{stderr}"
    );
}

#[test]
fn a_sheet_whose_declared_range_is_absurd() {
    // The sheet declares A1:Z1048576 (a formatted cell and a lone space at Z1048576): a dense
    // read would take about 850 MB (measured with calamine's worksheet_range); it is streamed.
    assert_twin(&with_tables(&[("staff", fixture("huge_dimension.xlsx"))]));
}

#[cfg(target_os = "linux")]
#[test]
fn a_sheet_whose_declared_range_is_absurd_is_read_in_little_memory() {
    let bin = assert_cmd::cargo::cargo_bin("wisn");
    let script = format!(
        "ulimit -v 400000 && MALLOC_ARENA_MAX=2 exec '{}' compute '{}' --staff '{}' --format csv -q -j 1",
        bin.display(),
        s(&sample()),
        s(&fixture("huge_dimension.xlsx"))
    );
    let out = std::process::Command::new("sh")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "within 400 MB of address space: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

// ---------------------------------------------------------------------------------------------
// Bad workbooks: a located error, exit 1, nothing written.

#[test]
fn error_cells_are_errors_that_name_the_cell() {
    for (file, div0) in [
        (fixture("error_cell.xlsx"), "#DIV/0!"),
        // LibreOffice computed the formula again: C17 is text, so #VALUE!.
        (libreoffice("error_cell.ods"), "#VALUE!"),
    ] {
        let stderr = compute_fails(&with_tables(&[("workload", file)]));
        assert!(
            stderr.contains(&format!(
                "sheet \"charge_de_travail\", cell D17, row 17, column \"volume\": \"{div0}\" is a spreadsheet error cell (fix: "
            )),
            "{stderr}"
        );
        assert!(
            stderr.contains(
                "cell D30, row 30, column \"volume\": \"#N/A\" is a spreadsheet error cell"
            ),
            "{stderr}"
        );
    }
}

#[test]
fn a_csv_file_named_xlsx() {
    let stderr = compute_fails(&with_tables(&[("staff", fixture("csv_renamed.xlsx"))]));
    assert!(
        stderr.contains("csv_renamed.xlsx: cannot be read as a workbook: it is a text file (CSV?) with a workbook name (fix: rename it"),
        "{stderr}"
    );
}

#[test]
fn a_truncated_workbook() {
    let stderr = compute_fails(&with_tables(&[("facilities", fixture("truncated.xlsx"))]));
    assert!(
        stderr.contains(
            "truncated.xlsx: cannot be read as a workbook: the file is damaged or incomplete"
        ),
        "{stderr}"
    );
}

#[test]
fn an_html_page_named_xls() {
    let stderr = compute_fails(&with_tables(&[("staff", fixture("html_export.xls"))]));
    assert!(
        stderr.contains("html_export.xls: cannot be read as a workbook: it is an HTML page"),
        "{stderr}"
    );
}

#[test]
fn an_empty_file_named_xlsx_as_the_study() {
    let d = Dir::new();
    d.write("etude.xlsx", "");
    let stderr = compute_fails(&[s(&d.join("etude.xlsx"))]);
    assert!(
        stderr.contains("etude.xlsx: cannot be read as a workbook: the file is empty"),
        "{stderr}"
    );
}

#[test]
fn a_workbook_named_csv() {
    let d = Dir::new();
    std::fs::copy(
        fixture("merged_district_cells.xlsx"),
        d.join("facilities.csv"),
    )
    .unwrap();
    let stderr = compute_fails(&with_tables(&[("facilities", d.join("facilities.csv"))]));
    assert!(
        stderr.contains("looks like a workbook (xlsx/xls), not a CSV text file"),
        "{stderr}"
    );
}

/// Writes a small staff workbook with rust_xlsxwriter: a title, a blank row, the header on row 3,
/// then the sample's rows, with `bad` written at the given cell.
fn staff_book(d: &Dir, bad: (u32, u16, &str)) -> PathBuf {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Effectifs").unwrap();
    sheet.write_string(0, 0, "Effectifs au 31/12/2023").unwrap();
    for (c, h) in ["Code structure", "Catégorie", "Effectif"]
        .iter()
        .enumerate()
    {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    let text = std::fs::read_to_string(sample().join("staff.csv")).unwrap();
    for (i, line) in text.lines().skip(1).enumerate() {
        let f: Vec<&str> = line.split(',').collect();
        let r = 3 + i as u32;
        sheet.write_string(r, 0, f[0]).unwrap();
        sheet.write_string(r, 1, f[1]).unwrap();
        sheet
            .write_number(r, 2, f[2].parse::<f64>().unwrap())
            .unwrap();
    }
    sheet.write_string(bad.0, bad.1, bad.2).unwrap();
    let path = d.join("effectifs.xlsx");
    book.save(&path).unwrap();
    path
}

#[test]
fn a_bad_number_in_a_workbook_names_sheet_cell_row_and_column() {
    let d = Dir::new();
    let book = staff_book(&d, (6, 2, "douze"));
    let stderr = compute_fails(&with_tables(&[("staff", book)]));
    assert!(
        stderr.contains("effectifs.xlsx, sheet \"Effectifs\", cell C7, row 7, column \"Effectif\": \"douze\" is not a number"),
        "{stderr}"
    );
}

#[test]
fn numbers_as_text_in_a_workbook_read_with_decimal_comma_and_thousands() {
    // "1 234,5" as text in a count: 1234.5 staff. Validate shows it is read, not refused.
    let d = Dir::new();
    let book = staff_book(&d, (3, 2, "1\u{a0}234,5"));
    let out = wisn()
        .args([
            "compute",
            &s(&sample()),
            "--staff",
            &s(&book),
            "--format",
            "csv",
            "-q",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = csv_rows(&String::from_utf8(out.stdout).unwrap());
    let eph = rows
        .iter()
        .find(|r| r["facility_id"] == "SIK-EPH" && r["cadre"] == "Médecin")
        .unwrap();
    assert_eq!(eph["current_staff"], "1234.5");
}

#[test]
fn validate_lists_every_bad_cell_of_a_workbook() {
    let d = Dir::new();
    let book = staff_book(&d, (6, 2, "douze"));
    let out = wisn()
        .args([
            "validate",
            &s(&sample()),
            "--staff",
            &s(&book),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let p = doc["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "bad_number")
        .unwrap();
    assert_eq!(p["sheet"], "Effectifs");
    assert_eq!(p["cell"], "C7");
    assert_eq!(p["row"], 7);
    assert_eq!(p["column"], "Effectif");
    assert_eq!(p["value"], "douze");
    assert_eq!(doc["tables"]["staff"], format!("{}#Effectifs", s(&book)));
}

// ---------------------------------------------------------------------------------------------
// CSV options and encodings.

#[test]
fn decimal_comma_option_in_a_comma_file() {
    let d = Dir::new();
    d.copy_from(&sample());
    let text = std::fs::read_to_string(d.join("standards.csv")).unwrap();
    d.write("standards.csv", &text.replace(",1.5,", ",\"1,5\","));
    let p = s(d.path());
    assert_same_results(
        &compute_csv(&[&p, "--decimal-comma"]),
        &compute_csv(&[&s(&sample())]),
    );
    // Without it, a located error that suggests it.
    let stderr = compute_fails(&[p]);
    assert!(stderr.contains("\"1,5\" has a comma in a number (fix: this file uses '.' for decimals; if 12,5 means 12.5 give --decimal-comma"), "{stderr}");
}

#[test]
fn decimal_comma_in_a_semicolon_file_is_never_split() {
    let d = Dir::new();
    d.copy_from(&sample());
    let text = std::fs::read_to_string(d.join("working_time.csv")).unwrap();
    d.write(
        "working_time.csv",
        &text.replace(',', ";").replace("3.5", "3,5"),
    );
    assert_same_results(
        &compute_csv(&[&s(d.path())]),
        &compute_csv(&[&s(&sample())]),
    );
}

#[test]
fn delimiter_option() {
    // A `|`-separated study: only --delimiter reads it.
    let d = Dir::new();
    for entry in std::fs::read_dir(sample()).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        d.write(
            path.file_name().unwrap().to_str().unwrap(),
            &text.replace(',', "|"),
        );
    }
    let p = s(d.path());
    assert_same_results(
        &compute_csv(&[&p, "--delimiter", "|"]),
        &compute_csv(&[&s(&sample())]),
    );
    let stderr = compute_fails(&[p]);
    assert!(stderr.contains("staff.csv"), "{stderr}");
}

#[test]
fn encoding_option() {
    // Every file in Windows-1252 (the option applies to every CSV file read).
    let d = Dir::new();
    for entry in std::fs::read_dir(sample()).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        d.write_bytes(&name, &encoding_rs::WINDOWS_1252.encode(&text).0);
    }
    let out = wisn()
        .args([
            "compute",
            &s(d.path()),
            "--encoding",
            "cp1252",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8(out.stderr)
        .unwrap()
        .contains("not valid UTF-8"));
    assert_same_results(
        &csv_rows(&String::from_utf8(out.stdout).unwrap()),
        &compute_csv(&[&s(&sample())]),
    );
}

#[test]
fn utf16_unicode_text() {
    // Excel's "Unicode text": UTF-16 LE with BOM, tab-separated.
    let d = Dir::new();
    d.copy_from(&sample());
    let text = std::fs::read_to_string(d.join("staff.csv"))
        .unwrap()
        .replace(',', "\t");
    std::fs::remove_file(d.join("staff.csv")).unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    d.write_bytes("staff.txt", &bytes);
    assert_same_results(
        &compute_csv(&[&s(d.path())]),
        &compute_csv(&[&s(&sample())]),
    );
}

#[test]
fn excel_sep_line() {
    let d = Dir::new();
    d.copy_from(&sample());
    let text = std::fs::read_to_string(d.join("staff.csv")).unwrap();
    d.write("staff.csv", &format!("sep=;\n{}", text.replace(',', ";")));
    assert_same_results(
        &compute_csv(&[&s(d.path())]),
        &compute_csv(&[&s(&sample())]),
    );
}
