//! The blank study workbook of `wisn template`: one sheet per table with its headers (French with
//! `--lang fr`), drop-down lists for `component` and `unit`, one example row per sheet, column
//! widths, a note on every header cell and a `notes` sheet explaining each column.
//!
//! Every sheet name and header written here is a name or alias of the study format, so
//! `wisn compute` reads the workbook unchanged (tests/template.rs checks it). The same builder,
//! given rows instead of the example rows, writes the sample study as a workbook
//! (`data/sikasso.xlsx`, see `tests/fixtures.rs`).

use std::collections::BTreeMap;

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format,
    FormatAlign, FormatBorder, Note, Workbook, Worksheet, XlsxError,
};

/// The language of sheet names, headers and notes: French sheet names and headers (aliases of
/// the study format), or the canonical English names.
pub use crate::i18n::Lang;

/// A cell of a filled template: the output layer's cell (null, text or number here).
pub use crate::report::Value;

/// A CSV field as a cell: a number when it reads as one, else text.
pub fn from_field(field: &str) -> Value<'static> {
    let t = field.trim();
    if t.is_empty() {
        return Value::Null;
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() && !t.starts_with('+') => Value::Number(v),
        _ => Value::Text(t.to_string().into()),
    }
}

/// Example cell of a column: the same in both languages, or translated.
#[derive(Debug, Clone, Copy)]
pub enum Example {
    Blank,
    Text(&'static str),
    Words { en: &'static str, fr: &'static str },
    Number(f64),
}

/// A column of a template sheet.
#[derive(Debug, Clone, Copy)]
pub struct TemplateColumn {
    /// Canonical name (the English header).
    pub name: &'static str,
    /// French header; its normalised form is an alias of the column.
    pub fr: &'static str,
    pub required: bool,
    pub width: f64,
    pub example: Example,
    pub note_en: &'static str,
    pub note_fr: &'static str,
}

/// A sheet of the template.
#[derive(Debug, Clone, Copy)]
pub struct TemplateTable {
    /// Canonical table name (the English sheet name).
    pub name: &'static str,
    /// French sheet name (the spec's French table name).
    pub fr: &'static str,
    pub required: bool,
    pub columns: &'static [TemplateColumn],
    pub note_en: &'static str,
    pub note_fr: &'static str,
}

impl TemplateTable {
    pub fn sheet_name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.name,
        }
    }
}

impl TemplateColumn {
    pub fn header(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.name,
        }
    }
    fn note(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.note_fr,
            Lang::En => self.note_en,
        }
    }
}

const fn col(
    name: &'static str,
    fr: &'static str,
    required: bool,
    width: f64,
    example: Example,
    note_en: &'static str,
    note_fr: &'static str,
) -> TemplateColumn {
    TemplateColumn {
        name,
        fr,
        required,
        width,
        example,
        note_en,
        note_fr,
    }
}

const FACILITY_ID_EN: &str =
    "Facility code: the key that staff and workload rows use. Any text (CSCOM-01).";
const FACILITY_ID_FR: &str = "Code de la structure : la clé reprise dans les effectifs et la charge de travail. Un texte (CSCOM-01).";
const CADRE_EN: &str = "Cadre (staff category), spelled as in the standards sheet; other spellings go in cadre_aliases.";
const CADRE_FR: &str = "Catégorie professionnelle, écrite comme dans la feuille normes ; les autres écritures vont dans alias_cadres.";
const TYPE_EN: &str =
    "Facility type (CSCom, CSRéf, EPH). Leave blank for a row that applies to every type.";
const TYPE_FR: &str = "Type de structure (CSCom, CSRéf, EPH). Laisser vide pour une ligne valable pour tous les types.";

/// The sheets of the template, in order (study-format §2).
pub const TABLES: &[TemplateTable] = &[
    TemplateTable {
        name: "facilities",
        fr: "structures",
        required: false,
        note_en: "One row per facility. Optional: without it facilities are taken from staff and workload, type unknown.",
        note_fr: "Une ligne par structure. Facultative : sans elle, les structures sont prises des effectifs et de la charge de travail, sans type.",
        columns: &[
            col("facility_id", "Code structure", true, 16.0, Example::Text("CSCOM-01"), FACILITY_ID_EN, FACILITY_ID_FR),
            col("facility_name", "Nom structure", false, 28.0, Example::Words { en: "CSCom example", fr: "CSCom exemple" }, "Display name of the facility.", "Nom de la structure, pour l'affichage."),
            col("facility_type", "Type structure", false, 16.0, Example::Text("CSCom"), "Facility type (CSCom, CSRéf, EPH): selects the standards and working time of that type.", "Type de structure (CSCom, CSRéf, EPH) : choisit les normes et le temps de travail de ce type."),
            col("district", "District sanitaire", false, 20.0, Example::Text("Sikasso"), "Health district, for --by district.", "District sanitaire, pour --by district."),
            col("region", "Région sanitaire", false, 20.0, Example::Text("Sikasso"), "Health region, for --by region.", "Région sanitaire, pour --by region."),
        ],
    },
    TemplateTable {
        name: "working_time",
        fr: "temps_de_travail",
        required: true,
        note_en: "Available working time: one row per cadre (optionally per facility type; a row with a blank type applies to the other types).",
        note_fr: "Temps de travail disponible : une ligne par catégorie (éventuellement par type de structure ; une ligne sans type vaut pour les autres types).",
        columns: &[
            col("cadre", "Catégorie professionnelle", true, 26.0, Example::Text("Sage-femme"), CADRE_EN, CADRE_FR),
            col("facility_type", "Type structure", false, 16.0, Example::Blank, TYPE_EN, TYPE_FR),
            col("days_per_week", "Jours par semaine", true, 12.0, Example::Number(5.0), "Working days per week (4.5 allowed).", "Jours de travail par semaine (4,5 permis)."),
            col("hours_per_day", "Heures par jour", true, 12.0, Example::Number(8.0), "Working hours per day.", "Heures de travail par jour."),
            col("public_holidays", "Jours fériés", false, 12.0, Example::Number(12.0), "Public holidays, days per year.", "Jours fériés, jours par an."),
            col("annual_leave", "Congés annuels", false, 12.0, Example::Number(22.0), "Annual leave, working days per year.", "Congés annuels, jours ouvrables par an."),
            col("sick_leave", "Congés maladie", false, 12.0, Example::Number(5.0), "Sick leave, days per year.", "Absences pour maladie, jours par an."),
            col("other_leave", "Autres absences", false, 12.0, Example::Number(10.0), "Other absence (training, workshops), days per year.", "Autres absences (formations, ateliers), jours par an."),
        ],
    },
    TemplateTable {
        name: "standards",
        fr: "normes",
        required: true,
        note_en: "Activity standards: service standards, support (CAS) and additional (IAS) activities, one row per activity of a cadre.",
        note_fr: "Normes d'activité : activités de prestation, de soutien (CAS) et supplémentaires (IAS), une ligne par activité d'une catégorie.",
        columns: &[
            col("cadre", "Catégorie professionnelle", true, 26.0, Example::Text("Sage-femme"), CADRE_EN, CADRE_FR),
            col("facility_type", "Type structure", false, 16.0, Example::Blank, "Facility type; rows naming a type replace ALL the cadre's blank-type rows at that type. Blank: every type.", "Type de structure ; les lignes d'un type remplacent TOUTES les lignes sans type de la catégorie pour ce type. Vide : tous les types."),
            col("component", "Composante", true, 16.0, Example::Words { en: "service", fr: "prestation" }, "service (health-service activity), support (CAS) or additional (IAS): pick from the list.", "prestation (activité de santé), soutien (CAS) ou supplémentaire (IAS) : choisir dans la liste."),
            col("activity", "Activité", true, 32.0, Example::Text("Accouchement normal"), "Activity name; for service rows it must match the activity of the workload sheet.", "Nom de l'activité ; pour une prestation, il doit être celui de la feuille charge_de_travail."),
            col("standard", "Norme", true, 10.0, Example::Number(240.0), "The standard, a number (its unit in the next column).", "La norme, un nombre (son unité dans la colonne suivante)."),
            col("unit", "Unité", true, 14.0, Example::Text("min"), "service: min or h per unit, per_hour, per_day. support: % or a time per period. additional: a time per period (h/month, days/year).", "prestation : min ou h par acte, par_heure, par_jour. soutien : % ou un temps par période. supplémentaire : un temps par période (h/mois, jours/an)."),
            col("staff", "Nombre agents", false, 12.0, Example::Blank, "Additional rows only: how many staff of the cadre do it at one facility (default 1).", "Lignes supplémentaires seulement : combien d'agents de la catégorie la font dans une structure (1 par défaut)."),
        ],
    },
    TemplateTable {
        name: "workload",
        fr: "charge_de_travail",
        required: true,
        note_en: "Annual service statistics: one row per facility and activity (and period). Rows of one facility and activity are summed.",
        note_fr: "Statistiques annuelles de service : une ligne par structure et activité (et période). Les lignes d'une même structure et activité sont additionnées.",
        columns: &[
            col("facility_id", "Code structure", true, 16.0, Example::Text("CSCOM-01"), FACILITY_ID_EN, FACILITY_ID_FR),
            col("activity", "Activité", true, 32.0, Example::Text("Accouchement normal"), "Activity, as named in the standards sheet.", "Activité, comme dans la feuille normes."),
            col("period", "Période", false, 12.0, Example::Blank, "Optional: 2023-01 (a month), 2023Q1, 2023. With months, completeness is counted. Blank: the volume is the year's.", "Facultative : 2023-01 (un mois), 2023T1, 2023. Avec des mois, la complétude est comptée. Vide : le volume est celui de l'année."),
            col("volume", "Valeur", true, 12.0, Example::Number(400.0), "Count of units of the activity in the period.", "Nombre d'actes de l'activité dans la période."),
        ],
    },
    TemplateTable {
        name: "staff",
        fr: "effectifs",
        required: true,
        note_en: "Current staff: one row per facility and cadre (rows of one facility and cadre are summed).",
        note_fr: "Effectifs en poste : une ligne par structure et catégorie (les lignes d'une même structure et catégorie sont additionnées).",
        columns: &[
            col("facility_id", "Code structure", true, 16.0, Example::Text("CSCOM-01"), FACILITY_ID_EN, FACILITY_ID_FR),
            col("cadre", "Catégorie professionnelle", true, 26.0, Example::Text("Sage-femme"), CADRE_EN, CADRE_FR),
            col("count", "Effectif", false, 10.0, Example::Number(1.0), "Staff in post (decimals for part-time). Without this column every row is one person.", "Agents en poste (décimales pour les temps partiels). Sans cette colonne, chaque ligne compte une personne."),
        ],
    },
    TemplateTable {
        name: "cadre_aliases",
        fr: "alias_cadres",
        required: false,
        note_en: "Optional: local spellings of cadres (S/F, IO) and the cadre of the standards they stand for.",
        note_fr: "Facultative : écritures locales des catégories (S/F, IO) et la catégorie des normes qu'elles désignent.",
        columns: &[
            col("alias", "Alias", true, 26.0, Example::Text("S/F"), "A spelling met in staff or working time.", "Une écriture rencontrée dans les effectifs ou le temps de travail."),
            col("cadre", "Cadre", true, 26.0, Example::Text("Sage-femme"), "The cadre as the standards sheet spells it.", "La catégorie, écrite comme dans la feuille normes."),
        ],
    },
];

/// The drop-down list of the `component` column.
pub fn components(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &["service", "support", "additional"],
        Lang::Fr => &["prestation", "soutien", "supplémentaire"],
    }
}

/// The drop-down list of the `unit` column (every unit of study-format §2).
pub fn units(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "min",
            "h",
            "per_hour",
            "per_day",
            "%",
            "min/day",
            "min/week",
            "min/month",
            "min/year",
            "h/day",
            "h/week",
            "h/month",
            "h/year",
            "days/year",
        ],
        Lang::Fr => &[
            "min",
            "h",
            "par_heure",
            "par_jour",
            "%",
            "min/jour",
            "min/semaine",
            "min/mois",
            "min/an",
            "h/jour",
            "h/semaine",
            "h/mois",
            "h/an",
            "jours/an",
        ],
    }
}

/// True for the columns that hold numbers.
pub fn is_numeric(column: &str) -> bool {
    matches!(
        column,
        "days_per_week"
            | "hours_per_day"
            | "public_holidays"
            | "annual_leave"
            | "sick_leave"
            | "other_leave"
            | "standard"
            | "staff"
            | "volume"
            | "count"
    )
}

/// Rows the drop-down lists cover (row 2 to this row).
pub const LIST_ROWS: u32 = 5000;

/// A template workbook, with its example rows or with given rows.
#[derive(Debug, Clone)]
pub struct Template {
    pub lang: Lang,
    /// Canonical table name → rows, cells in the order of [`TemplateTable::columns`].
    rows: BTreeMap<&'static str, Vec<Vec<Value<'static>>>>,
    /// Fixed creation time (for reproducible files); `None`: now.
    pub created: Option<(u16, u8, u8)>,
}

impl Template {
    pub fn new(lang: Lang) -> Template {
        Template {
            lang,
            rows: BTreeMap::new(),
            created: None,
        }
    }

    /// Rows for a table instead of its example row (cells in the template's column order).
    pub fn with_rows(mut self, table: &str, rows: Vec<Vec<Value<'static>>>) -> Template {
        if let Some(t) = TABLES.iter().find(|t| t.name == table) {
            self.rows.insert(t.name, rows);
        }
        self
    }

    /// Rows for a table from a header and records (a CSV file, say): columns are matched by
    /// name or alias, numeric columns become numbers, the others stay text (so a code `007`
    /// keeps its zeros). Columns the template does not have are dropped.
    pub fn with_records(self, table: &str, header: &[String], records: &[Vec<String>]) -> Template {
        let Some(t) = TABLES.iter().find(|t| t.name == table) else {
            return self;
        };
        let Some(def) = crate::study::schema::find_table(table) else {
            return self;
        };
        let positions: Vec<Option<usize>> = t
            .columns
            .iter()
            .map(|c| {
                header.iter().position(|h| {
                    let n = crate::names::normalise(h);
                    def.columns
                        .iter()
                        .any(|d| d.name == c.name && d.matches(&n))
                })
            })
            .collect();
        let rows = records
            .iter()
            .map(|record| {
                t.columns
                    .iter()
                    .zip(&positions)
                    .map(|(c, p)| {
                        let field = p
                            .and_then(|i| record.get(i))
                            .map(|s| s.trim())
                            .unwrap_or("");
                        if field.is_empty() {
                            Value::Null
                        } else if is_numeric(c.name) {
                            from_field(field)
                        } else {
                            Value::Text(field.to_string().into())
                        }
                    })
                    .collect()
            })
            .collect();
        self.with_rows(table, rows)
    }

    /// The workbook as .xlsx bytes.
    pub fn to_bytes(&self) -> Result<Vec<u8>, XlsxError> {
        let lang = self.lang;
        let mut book = Workbook::new();
        let mut props = DocProperties::new()
            .set_title(match lang {
                Lang::Fr => "Étude WISN",
                Lang::En => "WISN study",
            })
            .set_author("wisn");
        if let Some((y, m, d)) = self.created {
            props = props.set_creation_datetime(&ExcelDateTime::from_ymd(y, m, d)?);
        }
        book.set_properties(&props);
        let header = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xDDEBF7))
            .set_border_bottom(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::Top);
        let example = Format::new()
            .set_italic()
            .set_font_color(Color::RGB(0x595959));
        let text = Format::new().set_num_format("@");
        for table in TABLES {
            let sheet = book.add_worksheet();
            sheet.set_name(table.sheet_name(lang))?;
            for (c, column) in table.columns.iter().enumerate() {
                let c = c as u16;
                sheet.set_column_width(c, column.width)?;
                sheet.write_string_with_format(0, c, column.header(lang), &header)?;
                let mut note = Note::new(column.note(lang)).set_author("wisn");
                note = note.set_width(300).set_height(90);
                sheet.insert_note(0, c, &note)?;
                if column.name == "period" || column.name == "facility_id" {
                    // Codes and periods are text: Excel must not turn 2023-01 into a date or
                    // drop the leading zeros of a code.
                    sheet.set_column_format(c, &text)?;
                }
            }
            sheet.set_freeze_panes(1, 0)?;
            match self.rows.get(table.name) {
                Some(rows) => write_rows(sheet, rows)?,
                None => {
                    write_example(sheet, table, lang, &example)?;
                    // The example row is marked in a last column: wisn leaves marked rows out
                    // (with a warning naming them), so an example left in is never computed.
                    let c = table.columns.len() as u16;
                    let (head, mark, note) = match lang {
                        Lang::Fr => ("Exemple", "exemple", "Une ligne marquée ici est un exemple : wisn la laisse de côté (avec un avertissement). Remplacez-la par vos données, ou supprimez-la."),
                        Lang::En => ("Example", "example", "A row marked here is an example: wisn leaves it out (with a warning). Replace it with your data, or delete it."),
                    };
                    sheet.set_column_width(c, 10.0)?;
                    sheet.write_string_with_format(0, c, head, &header)?;
                    sheet.insert_note(0, c, &Note::new(note).set_author("wisn"))?;
                    sheet.write_string_with_format(1, c, mark, &example)?;
                }
            }
            if table.name == "standards" {
                add_list(sheet, table, "component", components(lang), lang)?;
                add_list(sheet, table, "unit", units(lang), lang)?;
            }
        }
        write_notes(book.add_worksheet(), lang, &header)?;
        book.save_to_buffer()
    }
}

fn write_rows(sheet: &mut Worksheet, rows: &[Vec<Value>]) -> Result<(), XlsxError> {
    let date = Format::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            crate::report::sheet::write_value(sheet, r as u32 + 1, c as u16, value, None, &date)?;
        }
    }
    Ok(())
}

fn write_example(
    sheet: &mut Worksheet,
    table: &TemplateTable,
    lang: Lang,
    format: &Format,
) -> Result<(), XlsxError> {
    for (c, column) in table.columns.iter().enumerate() {
        let c = c as u16;
        match column.example {
            Example::Blank => {}
            Example::Text(t) => {
                sheet.write_string_with_format(1, c, t, format)?;
            }
            Example::Words { en, fr } => {
                let t = if lang == Lang::Fr { fr } else { en };
                sheet.write_string_with_format(1, c, t, format)?;
            }
            Example::Number(v) => {
                sheet.write_number_with_format(1, c, v, format)?;
            }
        }
    }
    Ok(())
}

fn add_list(
    sheet: &mut Worksheet,
    table: &TemplateTable,
    column: &str,
    values: &[&str],
    lang: Lang,
) -> Result<(), XlsxError> {
    let Some(c) = table.columns.iter().position(|c| c.name == column) else {
        return Ok(());
    };
    let (title, message) = match (lang, column) {
        (Lang::Fr, "component") => (
            "Composante",
            "Choisir dans la liste : prestation, soutien ou supplémentaire.",
        ),
        (Lang::Fr, _) => (
            "Unité",
            "Choisir dans la liste. Une autre écriture connue (minutes, heures/mois) est acceptée.",
        ),
        (Lang::En, "component") => (
            "Component",
            "Pick from the list: service, support or additional.",
        ),
        (Lang::En, _) => (
            "Unit",
            "Pick from the list. Another known spelling (minutes, hours/month) is accepted.",
        ),
    };
    let validation = DataValidation::new()
        .allow_list_strings(values)?
        .set_input_title(title)?
        .set_input_message(message)?
        .set_error_title(title)?
        .set_error_message(match lang {
            Lang::Fr => "Cette valeur n'est pas dans la liste : wisn la refusera si elle n'est pas une écriture connue.",
            Lang::En => "This value is not in the list: wisn refuses it unless it is a known spelling.",
        })?
        // A warning, not a stop: other spellings of the study format are accepted.
        .set_error_style(DataValidationErrorStyle::Warning);
    sheet.add_data_validation(1, c as u16, LIST_ROWS, c as u16, &validation)?;
    Ok(())
}

fn write_notes(sheet: &mut Worksheet, lang: Lang, header: &Format) -> Result<(), XlsxError> {
    sheet.set_name("notes")?;
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let bold = Format::new().set_bold();
    let (intro, titles): (&[&str], [&str; 5]) = match lang {
        Lang::Fr => (
            &[
                "Étude WISN : remplir une feuille par table, puis lancer  wisn compute etude.xlsx  (ou  wisn validate etude.xlsx  pour lister les problèmes).",
                "La première ligne de chaque feuille est la ligne d'en-tête : ne pas renommer les colonnes (les noms anglais du format sont acceptés aussi). Les colonnes en plus sont ignorées.",
                "Les lignes en italique gris sont des exemples : les remplacer ou les supprimer. Les nombres peuvent s'écrire 12,5 ou 12.5 ; les lignes vides sont ignorées.",
                "Feuilles obligatoires : temps_de_travail, normes, charge_de_travail, effectifs. Facultatives : structures, alias_cadres. Cette feuille (notes) est ignorée.",
            ],
            ["Feuille", "Colonne", "Obligatoire", "Signification", "Exemple"],
        ),
        Lang::En => (
            &[
                "WISN study: fill in one sheet per table, then run  wisn compute study.xlsx  (or  wisn validate study.xlsx  to list every problem).",
                "The first row of each sheet is the header row: do not rename the columns (the French names of the format are accepted too). Extra columns are ignored.",
                "Rows in grey italics are examples: replace or delete them. Blank rows are ignored.",
                "Required sheets: working_time, standards, workload, staff. Optional: facilities, cadre_aliases. This sheet (notes) is ignored.",
            ],
            ["Sheet", "Column", "Required", "Meaning", "Example"],
        ),
    };
    for (r, line) in intro.iter().enumerate() {
        let plain = Format::new();
        sheet.write_string_with_format(r as u32, 0, *line, if r == 0 { &bold } else { &plain })?;
    }
    let top = intro.len() as u32 + 1;
    for (c, (t, w)) in titles
        .iter()
        .zip([20.0, 26.0, 12.0, 90.0, 22.0])
        .enumerate()
    {
        sheet.write_string_with_format(top, c as u16, *t, header)?;
        sheet.set_column_width(c as u16, w)?;
    }
    let (yes, no) = match lang {
        Lang::Fr => ("oui", "non"),
        Lang::En => ("yes", "no"),
    };
    let mut r = top + 1;
    for table in TABLES {
        sheet.write_string_with_format(r, 0, table.sheet_name(lang), &bold)?;
        sheet.write_string(r, 1, "")?;
        sheet.write_string(r, 2, if table.required { yes } else { no })?;
        sheet.write_string_with_format(
            r,
            3,
            match lang {
                Lang::Fr => table.note_fr,
                Lang::En => table.note_en,
            },
            &wrap,
        )?;
        r += 1;
        for column in table.columns {
            sheet.write_string(r, 0, table.sheet_name(lang))?;
            sheet.write_string(r, 1, column.header(lang))?;
            sheet.write_string(r, 2, if column.required { yes } else { no })?;
            sheet.write_string_with_format(r, 3, column.note(lang), &wrap)?;
            let ex = match column.example {
                Example::Blank => String::new(),
                Example::Text(t) => t.to_string(),
                Example::Words { en, fr } => (if lang == Lang::Fr { fr } else { en }).to_string(),
                Example::Number(v) => crate::numbers::full_precision(v),
            };
            sheet.write_string(r, 4, &ex)?;
            r += 1;
        }
    }
    r += 1;
    let lists = match lang {
        Lang::Fr => [
            ("Composantes", components(lang).join(", ")),
            ("Unités", units(lang).join(", ")),
        ],
        Lang::En => [
            ("Components", components(lang).join(", ")),
            ("Units", units(lang).join(", ")),
        ],
    };
    for (title, list) in lists {
        sheet.write_string_with_format(r, 0, title, &bold)?;
        sheet.write_string_with_format(r, 3, &list, &wrap)?;
        r += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::{AllowanceUnit, ServiceUnit};
    use crate::model::Component;
    use crate::names::normalise;
    use crate::study::schema;

    #[test]
    fn every_sheet_and_header_is_a_name_of_the_format() {
        for lang in [Lang::Fr, Lang::En] {
            for table in TABLES {
                let def = schema::find_table(&normalise(table.sheet_name(lang)))
                    .unwrap_or_else(|| panic!("sheet {}", table.sheet_name(lang)));
                assert_eq!(def.name, table.name);
                for column in table.columns {
                    let n = normalise(column.header(lang));
                    let found = def.columns.iter().find(|c| c.matches(&n));
                    assert_eq!(
                        found.map(|c| c.name),
                        Some(column.name),
                        "{} / {}",
                        table.name,
                        column.header(lang)
                    );
                }
            }
        }
    }

    #[test]
    fn every_listed_value_is_understood() {
        for lang in [Lang::Fr, Lang::En] {
            for c in components(lang) {
                assert!(Component::parse(&normalise(c)).is_some(), "{c}");
            }
            for u in units(lang) {
                assert!(
                    ServiceUnit::parse(u).is_some() || AllowanceUnit::parse(u).is_some(),
                    "{u}"
                );
            }
            // Excel's limit for a literal list is 255 characters.
            assert!(units(lang).join(",").len() < 255);
        }
    }

    #[test]
    fn fields_become_numbers_or_text() {
        assert_eq!(from_field(" 12.5 "), Value::Number(12.5));
        assert_eq!(from_field(""), Value::Null);
        assert_eq!(from_field("2023-01"), Value::Text("2023-01".into()));
        assert_eq!(from_field("CSCOM-01"), Value::Text("CSCOM-01".into()));
    }
}
