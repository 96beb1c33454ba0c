//! The generator of the spreadsheet fixtures: every generated workbook and messy CSV file in
//! data/ and tests/data/ is made here, from the clean sample study (data/sikasso/*.csv), so that
//! each one is reproducible and holds the same study as its clean twin.
//!
//! Regenerate them with
//!
//! ```text
//! cargo test --test tests fixtures::regenerate -- --ignored
//! ```
//!
//! and commit the result; `committed_fixtures_are_what_the_generator_makes` fails when a
//! committed file differs from what this code makes. The files saved by LibreOffice (which hide
//! nothing a generated file hides) are made by `tests/data/libreoffice/make.sh`.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, Formula, Workbook, Worksheet, XlsxError,
};
use wisn::template::{Lang, Template};

use crate::util::root;

/// A CSV table: header and records.
pub struct Table {
    pub header: Vec<String>,
    pub records: Vec<Vec<String>>,
}

impl Table {
    pub fn read(path: &Path) -> Table {
        let mut r = csv::Reader::from_path(path).unwrap();
        let header = r.headers().unwrap().iter().map(str::to_string).collect();
        let records = r
            .records()
            .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
            .collect();
        Table { header, records }
    }
    pub fn sample(name: &str) -> Table {
        Table::read(&root().join("data/sikasso").join(format!("{name}.csv")))
    }
}

const TABLES: [&str; 6] = [
    "facilities",
    "working_time",
    "standards",
    "workload",
    "staff",
    "cadre_aliases",
];

fn props() -> DocProperties {
    DocProperties::new()
        .set_author("wisn fixtures")
        .set_creation_datetime(&ExcelDateTime::from_ymd(2024, 1, 15).unwrap())
}

fn new_book() -> Workbook {
    let mut book = Workbook::new();
    book.set_properties(&props());
    book
}

/// Thousands separators of the study format, in turn: space, no-break space, narrow no-break.
fn with_thousands(n: &str, i: usize) -> String {
    if n.len() <= 3 || !n.bytes().all(|b| b.is_ascii_digit()) {
        return n.to_string();
    }
    let sep = [" ", "\u{a0}", "\u{202f}"][i % 3];
    let (head, tail) = n.split_at(n.len() - 3);
    format!("{head}{sep}{tail}")
}

fn french_decimal(n: &str) -> String {
    n.replace('.', ",")
}

/// Writes a cell: a number when the text is one, else text.
fn write_value(sheet: &mut Worksheet, r: u32, c: u16, v: &str) -> Result<(), XlsxError> {
    if v.is_empty() {
        return Ok(());
    }
    match v.parse::<f64>() {
        Ok(x) => sheet.write_number(r, c, x)?,
        Err(_) => sheet.write_string(r, c, v)?,
    };
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// data/

/// data/sikasso.xlsx: the sample study as the French template filled in.
fn sikasso_xlsx() -> Vec<u8> {
    let mut t = Template::new(Lang::Fr);
    t.created = Some((2024, 1, 15));
    for name in TABLES {
        let table = Table::sample(name);
        t = t.with_records(name, &table.header, &table.records);
    }
    t.to_bytes().unwrap()
}

/// The French spellings the messy twins use for components and units.
fn french_component(c: &str) -> &str {
    match c {
        "service" => "prestation",
        "support" => "soutien",
        "additional" => "supplémentaire",
        other => other,
    }
}

fn french_unit(u: &str) -> String {
    match u {
        "per_hour" => "par heure".into(),
        "per_day" => "par jour".into(),
        other => other
            .replace("/day", "/jour")
            .replace("/week", "/semaine")
            .replace("/month", "/mois")
            .replace("/year", "/an")
            .replace("days/", "jours/"),
    }
}

fn cp1252(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable, "not representable in Windows-1252: {text}");
    bytes.into_owned()
}

/// A `;` line with French decimals.
fn semicolon_line(fields: &[String]) -> String {
    fields.join(";") + "\r\n"
}

/// data/sikasso_fr/: the sample study as French Excel saves CSV ("CSV (séparateur: point-virgule)"):
/// `;`, decimal commas, French file names and headers, Windows-1252 (every file: the documented
/// command is `wisn compute data/sikasso_fr --encoding windows-1252`, clean under `--strict`;
/// without it each file is read through the fallback, with a warning), a title row above one
/// header, thousands separators (space, U+00A0), `MM/YYYY` periods. UTF-8 with and without BOM
/// and U+202F are covered by tests/data/bom_tab.tsv and tests/data/nbsp_thousands.csv.
fn sikasso_fr() -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    // structures.csv: cp1252, a title row holding a comma, then a blank line.
    let f = Table::sample("facilities");
    let mut text = String::from("Liste des structures, région de Sikasso\r\n;;;;\r\n");
    text += &semicolon_line(&[
        "Code structure".into(),
        "Nom de la structure".into(),
        "Type".into(),
        "District sanitaire".into(),
        "Région sanitaire".into(),
    ]);
    for r in &f.records {
        text += &semicolon_line(r);
    }
    files.push(("structures.csv".into(), cp1252(&text)));
    // temps_de_travail.csv: cp1252, decimal commas (3,5 days a week).
    let w = Table::sample("working_time");
    let mut text = semicolon_line(
        &[
            "Catégorie",
            "Type de structure",
            "Jours par semaine",
            "Heures par jour",
            "Jours fériés",
            "Congés annuels",
            "Congés maladie",
            "Autres absences",
        ]
        .map(String::from),
    );
    for r in &w.records {
        let fields: Vec<String> = r.iter().map(|v| french_decimal(v)).collect();
        text += &semicolon_line(&fields);
    }
    files.push(("temps_de_travail.csv".into(), cp1252(&text)));
    // normes.csv: cp1252, French components and units, decimal commas (1,5 h).
    let s = Table::sample("standards");
    let mut text = semicolon_line(
        &[
            "Catégorie professionnelle",
            "Type structure",
            "Composante",
            "Activité",
            "Norme",
            "Unité",
            "Nombre d'agents",
        ]
        .map(String::from),
    );
    for r in &s.records {
        let fields = vec![
            r[0].clone(),
            r[1].clone(),
            french_component(&r[2]).to_string(),
            r[3].clone(),
            french_decimal(&r[4]),
            french_unit(&r[5]),
            r[6].clone(),
        ];
        text += &semicolon_line(&fields);
    }
    files.push(("normes.csv".into(), cp1252(&text)));
    // charge_de_travail.csv: cp1252, thousands separators (space, no-break space), MM/YYYY.
    let l = Table::sample("workload");
    let mut text =
        semicolon_line(&["Code structure", "Activité", "Mois", "Nombre"].map(String::from));
    for (i, r) in l.records.iter().enumerate() {
        let (y, m) = r[2].split_once('-').unwrap();
        let fields = vec![
            r[0].clone(),
            r[1].clone(),
            format!("{m}/{y}"),
            // U+202F has no Windows-1252 byte: space and U+00A0 only.
            with_thousands(&r[3], i % 2),
        ];
        text += &semicolon_line(&fields);
    }
    files.push(("charge_de_travail.csv".into(), cp1252(&text)));
    // effectifs.csv: cp1252.
    let st = Table::sample("staff");
    let mut text = semicolon_line(&["Code structure", "Catégorie", "Effectif"].map(String::from));
    for r in &st.records {
        text += &semicolon_line(r);
    }
    files.push(("effectifs.csv".into(), cp1252(&text)));
    // alias_cadres.csv: cp1252.
    let a = Table::sample("cadre_aliases");
    let mut text = semicolon_line(&["Variante".into(), "Catégorie".into()]);
    for r in &a.records {
        text += &semicolon_line(r);
    }
    files.push(("alias_cadres.csv".into(), cp1252(&text)));
    files
}

/// data/sikasso_messy.xlsx: the sample study as a district analyst's workbook: title rows above
/// the headers, a table that starts in column B, merged district and region cells, numbers
/// stored as text (decimal commas, thousands separators), periods as real date cells, a formula,
/// blank rows, extra columns, a sheet that is not a table.
fn sikasso_messy() -> Vec<u8> {
    let mut book = new_book();
    let title = Format::new().set_bold().set_font_size(14);
    let header = Format::new().set_bold().set_text_wrap();
    let merged = Format::new().set_align(FormatAlign::VerticalCenter);
    let month = Format::new().set_num_format("mmm-yy");
    let text_fmt = Format::new().set_num_format("@");

    // A sheet that is not a table, first.
    let s = book.add_worksheet();
    s.set_name("Lisez-moi").unwrap();
    s.write_string(
        0,
        0,
        "Étude WISN, districts de Sikasso et Kadiolo (données d'exemple)",
    )
    .unwrap();

    // Structures: title merged across, header on row 4, district and region merged down.
    let f = Table::sample("facilities");
    let s = book.add_worksheet();
    s.set_name("Structures").unwrap();
    s.merge_range(0, 0, 0, 5, "Liste des formations sanitaires", &title)
        .unwrap();
    s.write_string(1, 0, "Source : DRS Sikasso, 2023").unwrap();
    let top = 3u32;
    for (c, h) in [
        "Région sanitaire",
        "District sanitaire",
        "Code FOSA",
        "Nom de la structure",
        "Niveau",
        "Observations",
    ]
    .iter()
    .enumerate()
    {
        s.write_string_with_format(top, c as u16, *h, &header)
            .unwrap();
    }
    let first = top + 1;
    let last = first + f.records.len() as u32 - 1;
    s.merge_range(first, 0, last, 0, &f.records[0][4], &merged)
        .unwrap();
    let mut start = 0usize;
    while start < f.records.len() {
        let district = &f.records[start][3];
        let mut end = start;
        while end + 1 < f.records.len() && f.records[end + 1][3] == *district {
            end += 1;
        }
        s.merge_range(
            first + start as u32,
            1,
            first + end as u32,
            1,
            district,
            &merged,
        )
        .unwrap();
        start = end + 1;
    }
    for (i, r) in f.records.iter().enumerate() {
        let row = first + i as u32;
        s.write_string(row, 2, &r[0]).unwrap();
        s.write_string(row, 3, &r[1]).unwrap();
        s.write_string(row, 4, &r[2]).unwrap();
    }
    s.write_string(first + 1, 5, "ancien code SIK-CH").unwrap();

    // Temps de travail: starts in column B, the EPH rota as a formula (=7/2), text numbers.
    let w = Table::sample("working_time");
    let s = book.add_worksheet();
    s.set_name("Temps de travail").unwrap();
    s.write_string_with_format(0, 1, "Temps de travail disponible", &title)
        .unwrap();
    for (c, h) in [
        "Catégorie",
        "Type de structure",
        "Jours par semaine",
        "Heures par jour",
        "Jours fériés",
        "Congés annuels",
        "Congés maladie",
        "Autres absences",
    ]
    .iter()
    .enumerate()
    {
        s.write_string_with_format(2, 1 + c as u16, *h, &header)
            .unwrap();
    }
    for (i, r) in w.records.iter().enumerate() {
        let row = 3 + i as u32;
        s.write_string(row, 1, &r[0]).unwrap();
        write_value(s, row, 2, &r[1]).unwrap();
        for (k, v) in r.iter().enumerate().skip(2) {
            let c = 1 + k as u16;
            if v == "3.5" {
                s.write_formula(row, c, Formula::new("=7/2").set_result("3.5"))
                    .unwrap();
            } else if k % 2 == 0 {
                s.write_string_with_format(row, c, french_decimal(v), &text_fmt)
                    .unwrap();
            } else {
                write_value(s, row, c, v).unwrap();
            }
        }
    }

    // Normes: two title rows, a blank row, numbers as text with decimal commas, a blank row
    // between cadres, French components and units.
    let st = Table::sample("standards");
    let s = book.add_worksheet();
    s.set_name("Normes").unwrap();
    s.merge_range(0, 0, 0, 6, "Normes d'activité", &title)
        .unwrap();
    s.write_string(1, 0, "Version de travail, à valider")
        .unwrap();
    for (c, h) in [
        "Catégorie professionnelle",
        "Type structure",
        "Composante",
        "Activité",
        "Norme",
        "Unité",
        "Nb agents",
    ]
    .iter()
    .enumerate()
    {
        s.write_string_with_format(3, c as u16, *h, &header)
            .unwrap();
    }
    let mut row = 4u32;
    let mut previous = String::new();
    for r in &st.records {
        if !previous.is_empty() && previous != r[0] {
            row += 1; // a blank row between cadres
        }
        previous = r[0].clone();
        s.write_string(row, 0, &r[0]).unwrap();
        write_value(s, row, 1, &r[1]).unwrap();
        s.write_string(row, 2, french_component(&r[2])).unwrap();
        s.write_string(row, 3, &r[3]).unwrap();
        s.write_string_with_format(row, 4, french_decimal(&r[4]), &text_fmt)
            .unwrap();
        s.write_string(row, 5, french_unit(&r[5])).unwrap();
        write_value(s, row, 6, &r[6]).unwrap();
        row += 1;
    }

    // Charge de travail: a title row, periods as date cells, volumes partly text with
    // thousands separators.
    let l = Table::sample("workload");
    let s = book.add_worksheet();
    s.set_name("Charge de travail").unwrap();
    s.write_string_with_format(0, 0, "Statistiques de service 2023 (RMA)", &title)
        .unwrap();
    for (c, h) in ["Code structure", "Activité", "Période", "Valeur"]
        .iter()
        .enumerate()
    {
        s.write_string_with_format(1, c as u16, *h, &header)
            .unwrap();
    }
    for (i, r) in l.records.iter().enumerate() {
        let row = 2 + i as u32;
        s.write_string(row, 0, &r[0]).unwrap();
        s.write_string(row, 1, &r[1]).unwrap();
        let (y, m) = r[2].split_once('-').unwrap();
        let date = ExcelDateTime::from_ymd(y.parse().unwrap(), m.parse().unwrap(), 1).unwrap();
        s.write_datetime_with_format(row, 2, &date, &month).unwrap();
        if i % 2 == 0 {
            s.write_string(row, 3, with_thousands(&r[3], i)).unwrap();
        } else {
            write_value(s, row, 3, &r[3]).unwrap();
        }
    }

    // Effectifs: counts as text on every third row.
    let e = Table::sample("staff");
    let s = book.add_worksheet();
    s.set_name("Effectifs").unwrap();
    for (c, h) in ["Code structure", "Catégorie", "Effectif"]
        .iter()
        .enumerate()
    {
        s.write_string_with_format(0, c as u16, *h, &header)
            .unwrap();
    }
    for (i, r) in e.records.iter().enumerate() {
        let row = 1 + i as u32;
        s.write_string(row, 0, &r[0]).unwrap();
        s.write_string(row, 1, &r[1]).unwrap();
        if i % 3 == 0 {
            s.write_string(row, 2, &r[2]).unwrap();
        } else {
            write_value(s, row, 2, &r[2]).unwrap();
        }
    }

    // Alias cadres.
    let a = Table::sample("cadre_aliases");
    let s = book.add_worksheet();
    s.set_name("Alias cadres").unwrap();
    s.write_string_with_format(0, 0, "Variante", &header)
        .unwrap();
    s.write_string_with_format(0, 1, "Catégorie", &header)
        .unwrap();
    for (i, r) in a.records.iter().enumerate() {
        s.write_string(1 + i as u32, 0, &r[0]).unwrap();
        s.write_string(1 + i as u32, 1, &r[1]).unwrap();
    }
    book.save_to_buffer().unwrap()
}

// ---------------------------------------------------------------------------------------------
// tests/data/: one fixture per case, each holding one or two tables of the sample study.

/// A plain sheet of a table: header row 1, values typed.
fn plain_sheet(book: &mut Workbook, sheet: &str, table: &Table) {
    let s = book.add_worksheet();
    s.set_name(sheet).unwrap();
    for (c, h) in table.header.iter().enumerate() {
        s.write_string(0, c as u16, h).unwrap();
    }
    for (i, r) in table.records.iter().enumerate() {
        for (c, v) in r.iter().enumerate() {
            let id_column = matches!(table.header[c].as_str(), "facility_id" | "period");
            if id_column {
                s.write_string(1 + i as u32, c as u16, v).unwrap();
            } else {
                write_value(s, 1 + i as u32, c as u16, v).unwrap();
            }
        }
    }
}

/// merged_district_cells.xlsx: facilities with district and region merged down their blocks.
fn merged_district_cells() -> Vec<u8> {
    let f = Table::sample("facilities");
    let mut book = new_book();
    let s = book.add_worksheet();
    s.set_name("structures").unwrap();
    let merged = Format::new().set_align(FormatAlign::VerticalCenter);
    for (c, h) in f.header.iter().enumerate() {
        s.write_string(0, c as u16, h).unwrap();
    }
    let n = f.records.len() as u32;
    s.merge_range(1, 4, n, 4, &f.records[0][4], &merged)
        .unwrap();
    let mut start = 0usize;
    while start < f.records.len() {
        let mut end = start;
        while end + 1 < f.records.len() && f.records[end + 1][3] == f.records[start][3] {
            end += 1;
        }
        s.merge_range(
            1 + start as u32,
            3,
            1 + end as u32,
            3,
            &f.records[start][3],
            &merged,
        )
        .unwrap();
        start = end + 1;
    }
    for (i, r) in f.records.iter().enumerate() {
        for (c, v) in r.iter().take(3).enumerate() {
            s.write_string(1 + i as u32, c as u16, v).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

/// title_rows_above_header.xlsx: standards under a merged title, a subtitle and a blank row.
fn title_rows_above_header() -> Vec<u8> {
    let t = Table::sample("standards");
    let mut book = new_book();
    let s = book.add_worksheet();
    s.set_name("normes").unwrap();
    let title = Format::new().set_bold();
    s.merge_range(0, 0, 0, 6, "Normes d'activité, district de Sikasso", &title)
        .unwrap();
    s.write_string(1, 0, "Établies par l'équipe cadre de district, juin 2023")
        .unwrap();
    for (c, h) in t.header.iter().enumerate() {
        s.write_string(3, c as u16, h).unwrap();
    }
    for (i, r) in t.records.iter().enumerate() {
        for (c, v) in r.iter().enumerate() {
            write_value(s, 4 + i as u32, c as u16, v).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

/// numbers_as_text.xlsx: working_time, standards and workload with every number stored as text
/// (decimal commas, thousands separators).
fn numbers_as_text() -> Vec<u8> {
    let mut book = new_book();
    for (sheet, name) in [
        ("temps_de_travail", "working_time"),
        ("normes", "standards"),
        ("charge_de_travail", "workload"),
    ] {
        let t = Table::sample(name);
        let s = book.add_worksheet();
        s.set_name(sheet).unwrap();
        for (c, h) in t.header.iter().enumerate() {
            s.write_string(0, c as u16, h).unwrap();
        }
        for (i, r) in t.records.iter().enumerate() {
            for (c, v) in r.iter().enumerate() {
                let text = if v.parse::<f64>().is_ok() && t.header[c] != "period" {
                    with_thousands(&french_decimal(v), i)
                } else {
                    v.clone()
                };
                if !text.is_empty() {
                    s.write_string(1 + i as u32, c as u16, &text).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// error_cell.xlsx: the workload with a `#DIV/0!` formula result in D17 and `#N/A` in D30.
fn error_cell() -> Vec<u8> {
    let t = Table::sample("workload");
    let mut book = new_book();
    plain_sheet(&mut book, "charge_de_travail", &t);
    let s = book.worksheet_from_name("charge_de_travail").unwrap();
    s.write_formula(16, 3, Formula::new("=C17/0").set_result("#DIV/0!"))
        .unwrap();
    s.write_formula(29, 3, Formula::new("=NA()").set_result("#N/A"))
        .unwrap();
    book.save_to_buffer().unwrap()
}

/// huge_dimension.xlsx: the staff table, plus a formatted empty cell and a cell holding one
/// space at Z1048576, so the sheet's declared range is A1:Z1048576 (27 million cells).
fn huge_dimension() -> Vec<u8> {
    let t = Table::sample("staff");
    let mut book = new_book();
    plain_sheet(&mut book, "effectifs", &t);
    let s = book.worksheet_from_name("effectifs").unwrap();
    let yellow = Format::new().set_background_color(rust_xlsxwriter::Color::Yellow);
    s.write_blank(1_048_575, 24, &yellow).unwrap();
    s.write_string(1_048_575, 25, " ").unwrap();
    book.save_to_buffer().unwrap()
}

/// bom_tab.tsv: the staff table, tab-separated, UTF-8 with BOM.
fn bom_tab() -> Vec<u8> {
    let t = Table::sample("staff");
    let mut text = String::from("\u{feff}");
    text += &(t.header.join("\t") + "\r\n");
    for r in &t.records {
        text += &(r.join("\t") + "\r\n");
    }
    text.into_bytes()
}

/// nbsp_thousands.csv: the workload, comma-separated, with volumes of 1,000 or more written
/// with a space, a no-break space (U+00A0) or a narrow no-break space (U+202F).
fn nbsp_thousands() -> Vec<u8> {
    let t = Table::sample("workload");
    let mut text = t.header.join(",") + "\n";
    for (i, r) in t.records.iter().enumerate() {
        let mut fields = r.clone();
        fields[3] = with_thousands(&r[3], i);
        text += &(fields.join(",") + "\n");
    }
    text.into_bytes()
}

/// csv_renamed.xlsx: a CSV file saved with a workbook name.
fn csv_renamed() -> Vec<u8> {
    std::fs::read(root().join("data/sikasso/staff.csv")).unwrap()
}

/// truncated.xlsx: the first 3,000 bytes of a workbook (a copy cut short).
fn truncated() -> Vec<u8> {
    let mut bytes = merged_district_cells();
    bytes.truncate(3000);
    bytes
}

/// html_export.xls: an HTML table saved with an .xls name, as some web exports do.
fn html_export() -> Vec<u8> {
    let mut html = String::from(
        "<html><head><meta charset=\"utf-8\"></head><body><table>\n<tr><th>facility_id</th><th>cadre</th><th>count</th></tr>\n",
    );
    for r in Table::sample("staff").records.iter().take(5) {
        html += &format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            r[0], r[1], r[2]
        );
    }
    html += "</table></body></html>\n";
    html.into_bytes()
}

/// fr_semicolon_cp1252/: standards and working time as French Excel saves "CSV (separator:
/// semicolon)": Windows-1252, `;`, decimal commas, French headers.
fn fr_semicolon_cp1252() -> Vec<(String, Vec<u8>)> {
    sikasso_fr()
        .into_iter()
        .filter(|(name, _)| name == "normes.csv" || name == "temps_de_travail.csv")
        .collect()
}

/// Every generated file, by path relative to the repository root.
pub fn generate() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = vec![
        ("data/sikasso.xlsx".into(), sikasso_xlsx()),
        ("data/sikasso_messy.xlsx".into(), sikasso_messy()),
        (
            "tests/data/merged_district_cells.xlsx".into(),
            merged_district_cells(),
        ),
        (
            "tests/data/title_rows_above_header.xlsx".into(),
            title_rows_above_header(),
        ),
        ("tests/data/numbers_as_text.xlsx".into(), numbers_as_text()),
        ("tests/data/error_cell.xlsx".into(), error_cell()),
        ("tests/data/huge_dimension.xlsx".into(), huge_dimension()),
        ("tests/data/bom_tab.tsv".into(), bom_tab()),
        ("tests/data/nbsp_thousands.csv".into(), nbsp_thousands()),
        ("tests/data/csv_renamed.xlsx".into(), csv_renamed()),
        ("tests/data/truncated.xlsx".into(), truncated()),
        ("tests/data/html_export.xls".into(), html_export()),
    ];
    for (name, bytes) in sikasso_fr() {
        files.push((PathBuf::from("data/sikasso_fr").join(name), bytes));
    }
    for (name, bytes) in fr_semicolon_cp1252() {
        files.push((
            PathBuf::from("tests/data/fr_semicolon_cp1252").join(name),
            bytes,
        ));
    }
    files
}

#[test]
#[ignore = "writes the fixtures into the repository: run it on purpose"]
fn regenerate() {
    for (path, bytes) in generate() {
        let target = root().join(&path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(&target, bytes).unwrap();
        println!("wrote {}", path.display());
    }
}

/// The entries of a zip file (an .xlsx), decompressed: workbooks are compared by content, so a
/// different deflate backend does not make a difference.
fn entries(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).ok()?;
        let mut content = Vec::new();
        f.read_to_end(&mut content).ok()?;
        out.push((f.name().to_string(), content));
    }
    Some(out)
}

#[test]
fn committed_fixtures_are_what_the_generator_makes() {
    for (path, bytes) in generate() {
        let committed = std::fs::read(root().join(&path)).unwrap_or_else(|_| {
            panic!(
                "{} is missing: run cargo test --test tests fixtures::regenerate -- --ignored",
                path.display()
            )
        });
        let same = committed == bytes
            || matches!((entries(&committed), entries(&bytes)), (Some(a), Some(b)) if a == b);
        assert!(
            same,
            "{} differs from what tests/fixtures.rs makes: run cargo test --test tests fixtures::regenerate -- --ignored",
            path.display()
        );
    }
}
