//! `wisn template`: the blank study workbook. It must be read by `wisn compute` unchanged (with
//! its example rows, or filled in), carry drop-down lists, widths and notes, and never replace a
//! file without `--force`.

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader};

use crate::util::*;

fn template(dir: &Dir, name: &str, args: &[&str]) -> std::process::Output {
    wisn()
        .arg("template")
        .args(args)
        .arg("-o")
        .arg(dir.join(name))
        .output()
        .unwrap()
}

/// The XML of a worksheet of an .xlsx file (sheets numbered from 1 in workbook order).
fn sheet_xml(path: &Path, n: usize) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut text = String::new();
    zip.by_name(&format!("xl/worksheets/sheet{n}.xml"))
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn rows_of(path: &Path, sheet: &str) -> Vec<Vec<Data>> {
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

#[test]
fn the_template_example_rows_are_left_out() {
    // Left in, the example rows (a Sage-femme at CSCOM-01, in district "Sikasso") would be
    // computed as a real facility: they are marked in a last column and left out with a warning
    // naming them, sheet and row.
    for (lang, name, mark) in [
        ("fr", "etude.xlsx", "Exemple"),
        ("en", "study.xlsx", "Example"),
    ] {
        let d = Dir::new();
        let out = template(&d, name, &["--lang", lang]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let path = d.join(name);
        let sheet = if lang == "fr" { "effectifs" } else { "staff" };
        let rows = rows_of(&path, sheet);
        assert_eq!(rows[0].last().unwrap().to_string(), mark);
        let out = wisn()
            .args(["compute", path.to_str().unwrap(), "-f", "csv"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!(
                "{name}, sheet \"{sheet}\": row 2 is marked as an example"
            )),
            "{stderr}"
        );
        assert!(csv_rows(&String::from_utf8_lossy(&out.stdout)).is_empty());
        let v = wisn().arg("validate").arg(&path).output().unwrap();
        let text = String::from_utf8(v.stdout).unwrap();
        assert!(text.contains("0 errors, 6 warnings"), "{text}");
        // --strict refuses to compute on a template still holding its examples.
        let strict = wisn()
            .args(["compute", path.to_str().unwrap(), "--strict"])
            .output()
            .unwrap();
        assert_eq!(strict.status.code(), Some(1));
    }
}

#[test]
fn the_filled_template_is_the_sample_study() {
    // data/sikasso.xlsx is the French template filled with the sample (tests/fixtures.rs).
    let book = root().join("data/sikasso.xlsx");
    assert_same_results(
        &compute_csv(&[book.to_str().unwrap()]),
        &compute_csv(&[sample().to_str().unwrap()]),
    );
}

#[test]
fn sheets_headers_and_example_rows() {
    let d = Dir::new();
    template(&d, "etude.xlsx", &[]);
    template(&d, "study.xlsx", &["--lang", "en"]);
    let fr = d.join("etude.xlsx");
    let book: calamine::Xlsx<_> = calamine::open_workbook(&fr).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "structures",
            "temps_de_travail",
            "normes",
            "charge_de_travail",
            "effectifs",
            "alias_cadres",
            "notes"
        ]
    );
    let normes = rows_of(&fr, "normes");
    let header: Vec<String> = normes[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(
        header,
        [
            "Catégorie professionnelle",
            "Type structure",
            "Composante",
            "Activité",
            "Norme",
            "Unité",
            "Nombre agents",
            "Exemple"
        ]
    );
    assert_eq!(normes[1][2], Data::String("prestation".into()));
    assert_eq!(normes[1][4], Data::Float(240.0));
    let charge = rows_of(&fr, "charge_de_travail");
    assert_eq!(
        charge[0].iter().map(|c| c.to_string()).collect::<Vec<_>>(),
        ["Code structure", "Activité", "Période", "Valeur", "Exemple"]
    );
    // Every table sheet has one example row.
    for sheet in [
        "structures",
        "temps_de_travail",
        "normes",
        "charge_de_travail",
        "effectifs",
        "alias_cadres",
    ] {
        assert_eq!(rows_of(&fr, sheet).len(), 2, "{sheet}");
    }
    let en = d.join("study.xlsx");
    let book: calamine::Xlsx<_> = calamine::open_workbook(&en).unwrap();
    assert_eq!(
        book.sheet_names()[..6],
        [
            "facilities",
            "working_time",
            "standards",
            "workload",
            "staff",
            "cadre_aliases"
        ]
    );
    let standards = rows_of(&en, "standards");
    assert_eq!(standards[0][2], Data::String("component".into()));
    assert_eq!(standards[1][2], Data::String("service".into()));
}

#[test]
fn drop_down_lists_for_component_and_unit() {
    let d = Dir::new();
    template(&d, "etude.xlsx", &[]);
    template(&d, "study.xlsx", &["--lang", "en"]);
    // normes / standards is the third sheet.
    let fr = sheet_xml(&d.join("etude.xlsx"), 3);
    assert!(
        fr.contains(r#"sqref="C2:C5001"><formula1>"prestation,soutien,supplémentaire"</formula1>"#),
        "{fr}"
    );
    assert!(fr.contains(r#"sqref="F2:F5001"><formula1>"min,h,par_heure,par_jour,%,min/jour,min/semaine,min/mois,min/an,h/jour,h/semaine,h/mois,h/an,jours/an"</formula1>"#));
    // A warning, not a stop: other known spellings stay allowed.
    assert_eq!(fr.matches(r#"type="list" errorStyle="warning""#).count(), 2);
    let en = sheet_xml(&d.join("study.xlsx"), 3);
    assert!(en.contains(r#"<formula1>"service,support,additional"</formula1>"#));
    assert!(en.contains("per_hour,per_day,%,min/day"));
}

#[test]
fn column_widths_and_notes() {
    let d = Dir::new();
    template(&d, "etude.xlsx", &[]);
    let path = d.join("etude.xlsx");
    for n in 1..=6 {
        let xml = sheet_xml(&path, n);
        assert!(
            xml.contains("customWidth=\"1\""),
            "sheet {n} has set widths"
        );
        assert!(xml.contains("<legacyDrawing"), "sheet {n} has header notes");
    }
    // The notes sheet explains every column of every sheet.
    let notes = rows_of(&path, "notes");
    let text: Vec<String> = notes
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect();
    for table in wisn::template::TABLES {
        for column in table.columns {
            assert!(
                text.iter()
                    .any(|l| l.starts_with(&format!("{} | {} | ", table.fr, column.fr))),
                "{} / {}",
                table.fr,
                column.fr
            );
        }
    }
    assert!(text
        .iter()
        .any(|l| l.contains("prestation, soutien, supplémentaire")));
}

#[test]
fn an_existing_file_is_not_replaced_without_force() {
    let d = Dir::new();
    d.write("etude.xlsx", "a filled-in study");
    let out = template(&d, "etude.xlsx", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(d.join("etude.xlsx")).unwrap(),
        "a filled-in study"
    );
    let out = template(&d, "etude.xlsx", &["--force"]);
    assert!(out.status.success());
    assert!(std::fs::read(d.join("etude.xlsx"))
        .unwrap()
        .starts_with(b"PK"));
}

#[test]
fn the_output_must_be_an_xlsx_file_in_a_writable_folder() {
    let d = Dir::new();
    let out = template(&d, "etude.csv", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!d.join("etude.csv").exists());
    let out = template(&d, "no/such/folder/etude.xlsx", &[]);
    assert_eq!(out.status.code(), Some(1));
    let out = wisn()
        .args(["template", "--lang", "de", "-o"])
        .arg(d.join("x.xlsx"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        std::fs::read_dir(d.path()).unwrap().next().is_none(),
        "nothing written"
    );
}
