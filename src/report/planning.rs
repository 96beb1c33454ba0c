//! Outputs of the planning results that are compute rows with columns around them (study-format
//! §7.4–7.6): `compute --scenario` (a first column `scenario`, last columns
//! `baseline_required_staff`, `required_change`), `wisn project` (a first column `year`) and
//! `--uncertainty` (last columns `required_p05`, `required_p50`, `required_p95`, `p_shortage`).
//!
//! The compute columns in the middle are [`super::COLUMNS`] with [`super::values`], so a column
//! added to compute rows appears here too. CSV and JSON follow the compute writers exactly
//! (full precision, blank/`null` where a value does not apply, `--excel-fr`); the terminal table,
//! the workbook and the page are for people: the requirement with its interval
//! ("16,0 [14,2 – 18,1]") and a `?` after a status that could change within it, and, for
//! `project`, a line chart per cadre of required staff and staff in post by year.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};

use super::Format;
use super::{unsupported, Report, ReportSettings, Row, Rows, Value, COLUMNS};
use crate::diag::Problem;
use crate::engine::{Level, ResultRow};
use crate::i18n::Lang;
use crate::method::Bands;

/// A computed cell of the columns around the compute columns.
#[derive(Debug, Clone, PartialEq)]
pub enum Extra {
    Null,
    Text(String),
    Number(f64),
    Integer(i64),
}

impl Extra {
    fn value(&self) -> Value<'_> {
        match self {
            Extra::Null => Value::Null,
            Extra::Text(t) => Value::text(t),
            Extra::Number(n) => Value::Number(*n),
            Extra::Integer(i) => Value::Integer(*i),
        }
    }
    pub fn opt(v: Option<f64>) -> Extra {
        v.map_or(Extra::Null, Extra::Number)
    }
}

/// One output row: cells before, a compute row, cells after.
#[derive(Debug, Clone)]
pub struct PlanRow<'a> {
    pub before: Vec<Extra>,
    pub row: &'a ResultRow,
    pub after: Vec<Extra>,
    /// The uncertainty interval (for people: the table, workbook and page show it).
    pub interval: Option<crate::uncertainty::Interval>,
}

/// The rows and their column names.
#[derive(Debug, Clone)]
pub struct PlanTable<'a> {
    pub before: Vec<&'static str>,
    pub after: Vec<&'static str>,
    pub rows: Vec<PlanRow<'a>>,
}

/// The uncertainty columns, in order.
pub const UNCERTAINTY_COLUMNS: [&str; 4] =
    ["required_p05", "required_p50", "required_p95", "p_shortage"];
/// The scenario columns after the compute columns, in order.
pub const SCENARIO_COLUMNS: [&str; 2] = ["baseline_required_staff", "required_change"];

impl Row for PlanRow<'_> {
    fn cells<'a>(&'a self, out: &mut Vec<Value<'a>>) {
        out.extend(self.before.iter().map(Extra::value));
        self.row.cells(out);
        out.extend(self.after.iter().map(Extra::value));
    }
}

impl Rows for PlanTable<'_> {
    fn columns(&self) -> Vec<Cow<'static, str>> {
        self.before
            .iter()
            .chain(COLUMNS.iter())
            .chain(self.after.iter())
            .map(|c| Cow::Borrowed(*c))
            .collect()
    }
    fn len(&self) -> usize {
        self.rows.len()
    }
    fn each(&self, f: &mut dyn FnMut(&[Value<'_>]) -> anyhow::Result<()>) -> anyhow::Result<()> {
        super::each_row(&self.rows, self.width(), f)
    }
    fn each_in(
        &self,
        range: std::ops::Range<usize>,
        f: &mut dyn FnMut(&[Value<'_>]) -> anyhow::Result<()>,
    ) -> Option<anyhow::Result<()>> {
        let rows = self.rows.get(range)?;
        Some(super::each_row(rows, self.width(), f))
    }
}

impl PlanTable<'_> {
    /// The number of columns.
    fn width(&self) -> usize {
        self.before.len() + COLUMNS.len() + self.after.len()
    }
}

/// The output of `compute --scenario/--uncertainty` and of `project`.
pub struct PlanReport<'a> {
    pub table: PlanTable<'a>,
    pub warnings: Vec<&'a Problem>,
    pub settings: &'a ReportSettings,
    /// The page's title.
    pub title: &'a str,
}

impl Report for PlanReport<'_> {
    const FORMATS: &'static [Format] = &[
        Format::Table,
        Format::Csv,
        Format::Json,
        Format::Xlsx,
        Format::Html,
    ];

    fn settings(&self) -> &ReportSettings {
        self.settings
    }

    fn warnings(&self) -> &[&Problem] {
        &self.warnings
    }

    fn rows(&self) -> Option<Box<dyn Rows + '_>> {
        Some(Box::new(&self.table))
    }

    fn write(&self, format: Format) -> anyhow::Result<Vec<u8>> {
        let lang = self.settings.lang;
        let bands = &self.settings.bands;
        match format {
            Format::Table => Ok(self.table.table(self.settings)),
            Format::Xlsx => xlsx(&self.table, lang, bands, &self.warnings),
            Format::Html => Ok(html(
                &self.table,
                lang,
                bands,
                &self.warnings,
                self.title,
                &super::page::study_line(self.settings),
            )),
            other => Err(unsupported(other)),
        }
    }
}

impl<T: Rows + ?Sized> Rows for &T {
    fn columns(&self) -> Vec<Cow<'static, str>> {
        (**self).columns()
    }
    fn len(&self) -> usize {
        (**self).len()
    }
    fn each(&self, f: &mut dyn FnMut(&[Value<'_>]) -> anyhow::Result<()>) -> anyhow::Result<()> {
        (**self).each(f)
    }
    fn each_in(
        &self,
        range: std::ops::Range<usize>,
        f: &mut dyn FnMut(&[Value<'_>]) -> anyhow::Result<()>,
    ) -> Option<anyhow::Result<()>> {
        (**self).each_in(range, f)
    }
}

impl PlanTable<'_> {
    /// Every column name, in order.
    pub fn column_names(&self) -> Vec<&'static str> {
        self.before
            .iter()
            .chain(COLUMNS.iter())
            .chain(self.after.iter())
            .copied()
            .collect()
    }

    /// The terminal table: the columns around the compute ones, identity, cadre, staff,
    /// required (with its interval), difference, ratio, status.
    pub fn table(&self, settings: &ReportSettings) -> Vec<u8> {
        let (lang, bands, width) = (settings.lang, &settings.bands, settings.width);
        let mut t = Table::new();
        t.load_preset(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic);
        if let Some(w) = width {
            t.set_width(w);
        }
        let mut header: Vec<String> = self.before.iter().map(|c| label(lang, c)).collect();
        for c in [
            "level",
            "facility_name",
            "cadre",
            "current_staff",
            "required_staff",
            "difference",
            "wisn_ratio",
            "status",
        ] {
            header.push(lang.column(c));
        }
        if self.after.contains(&"required_change") {
            header.push(label(lang, "required_change"));
        }
        if self.rows.iter().any(|r| r.interval.is_some()) {
            header.push(label(lang, "p_shortage"));
        }
        t.set_header(header);
        for r in &self.rows {
            let right = |s: String| Cell::new(s).set_alignment(CellAlignment::Right);
            let mut cells: Vec<Cell> = r
                .before
                .iter()
                .map(|e| match e {
                    Extra::Text(s) => Cell::new(s),
                    Extra::Integer(i) => Cell::new(i),
                    Extra::Number(n) => right(lang.num(*n, 1)),
                    Extra::Null => Cell::new(""),
                })
                .collect();
            cells.push(Cell::new(lang.level(r.row.level)));
            cells.push(Cell::new(identity(r.row)));
            cells.push(Cell::new(&r.row.cadre));
            cells.push(right(lang.num(r.row.current_staff, 1)));
            cells.push(right(required_text(lang, r)));
            cells.push(right(lang.num(r.row.difference, 1)));
            cells.push(right(
                r.row.wisn_ratio.map_or("—".into(), |x| lang.num(x, 2)),
            ));
            let flag = match r.interval {
                Some(iv) if iv.status_could_change(r.row, bands) => " ?",
                _ => "",
            };
            cells.push(if flag.is_empty() {
                super::terminal::status_cell(r.row.status, settings)
            } else {
                // A status that could change: the word (shortage in capitals, as the kit writes
                // it) and a `?`, uncoloured.
                let word = status_text(lang, r, bands);
                Cell::new(if r.row.status == Some(crate::method::Status::Shortage) {
                    word.to_uppercase()
                } else {
                    word
                })
            });
            if self.after.contains(&"required_change") {
                let i = self.after.iter().position(|c| *c == "required_change");
                let v = i.and_then(|i| match r.after.get(i) {
                    Some(Extra::Number(n)) => Some(*n),
                    _ => None,
                });
                cells.push(right(v.map_or("—".into(), |v| signed(lang, v))));
            }
            if let Some(iv) = r.interval {
                cells.push(right(format!("{} %", lang.num(iv.p_shortage * 100.0, 0))));
            }
            t.add_row(cells);
        }
        let mut s = t.to_string();
        s.push('\n');
        s.into_bytes()
    }
}

fn signed(lang: Lang, v: f64) -> String {
    let s = lang.num(v, 1);
    if v > 0.0 {
        format!("+{s}")
    } else {
        s
    }
}

/// Labels of the planning columns for people ([`Lang::column`]).
pub fn label(lang: Lang, column: &str) -> String {
    lang.column(column)
}

fn identity(r: &ResultRow) -> String {
    match r.level {
        Level::Facility => r
            .facility_name
            .as_deref()
            .or(r.facility_id.as_deref())
            .unwrap_or_default()
            .to_string(),
        Level::District => r.district.as_deref().unwrap_or_default().to_string(),
        Level::Region => r.region.as_deref().unwrap_or_default().to_string(),
        Level::FacilityType => r.facility_type.as_deref().unwrap_or_default().to_string(),
        Level::National => String::new(),
    }
}

/// "16,0 [14,2 – 18,1]" with an interval, else the requirement.
pub fn required_text(lang: Lang, r: &PlanRow) -> String {
    match r.interval {
        Some(iv) => format!(
            "{} [{} – {}]",
            lang.num(r.row.required_staff, 1),
            lang.num(iv.required_p05, 1),
            lang.num(iv.required_p95, 1)
        ),
        None => lang.num(r.row.required_staff, 1),
    }
}

/// The status word, with `?` when it could change within the interval.
pub fn status_text(lang: Lang, r: &PlanRow, bands: &Bands) -> String {
    let word = r.row.status.map_or("", |s| lang.status(s)).to_string();
    match r.interval {
        Some(iv) if iv.status_could_change(r.row, bands) => format!("{word} ?"),
        _ => word,
    }
}

/// For `project`: per cadre, (year, required, staff) of the national total of facility rows.
pub fn by_cadre_and_year(table: &PlanTable) -> BTreeMap<String, Vec<(i64, f64, f64)>> {
    let mut acc: BTreeMap<String, BTreeMap<i64, (f64, f64)>> = BTreeMap::new();
    for r in &table.rows {
        let Some(Extra::Integer(year)) = r.before.first() else {
            continue;
        };
        if r.row.level != Level::Facility {
            continue;
        }
        let e = acc
            .entry(r.row.cadre.to_string())
            .or_default()
            .entry(*year)
            .or_default();
        e.0 += r.row.required_staff;
        e.1 += r.row.current_staff;
    }
    acc.into_iter()
        .map(|(c, m)| (c, m.into_iter().map(|(y, (r, s))| (y, r, s)).collect()))
        .collect()
}

/// The workbook: a sheet of every row (machine columns, full precision), and for `project` a
/// sheet with a line chart per cadre.
pub fn xlsx(
    table: &PlanTable,
    lang: Lang,
    bands: &Bands,
    warnings: &[&Problem],
) -> anyhow::Result<Vec<u8>> {
    use rust_xlsxwriter::{Chart, ChartType, Format, Workbook};
    let build = || -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        let mut wb = Workbook::new();
        let bold = Format::new().set_bold();
        let columns = table.column_names();
        let ws = wb.add_worksheet();
        ws.set_name(if lang == Lang::Fr {
            "Résultats"
        } else {
            "Results"
        })?;
        let people = table.rows.iter().any(|r| r.interval.is_some());
        // English: the machine names on row 1, data from row 2. French: the machine names on a
        // hidden row 1 (scripts read them there), French labels on row 2, data from row 3.
        let head: u32 = if lang == Lang::En { 0 } else { 1 };
        let mut col = 0u16;
        for c in &columns {
            if lang == Lang::En {
                ws.write_string_with_format(0, col, *c, &bold)?;
            } else {
                ws.write_string(0, col, *c)?;
                ws.write_string_with_format(1, col, label(lang, c), &bold)?;
            }
            col += 1;
        }
        if head > 0 {
            ws.set_row_hidden(0)?;
        }
        if people {
            ws.write_string_with_format(
                head,
                col,
                label(lang, "required_staff") + " [P5 – P95]",
                &bold,
            )?;
            ws.write_string_with_format(head, col + 1, lang.column("status"), &bold)?;
        }
        let date = Format::new().set_num_format("yyyy-mm-dd");
        let mut cells = Vec::new();
        for (i, r) in table.rows.iter().enumerate() {
            let row = i as u32 + head + 1;
            cells.clear();
            r.cells(&mut cells);
            for (j, v) in cells.iter().enumerate() {
                super::sheet::write_value(ws, row, j as u16, v, None, &date)?;
            }
            if people {
                ws.write_string(row, col, required_text(lang, r))?;
                ws.write_string(row, col + 1, status_text(lang, r, bands))?;
            }
        }
        ws.set_freeze_panes(head + 1, 0)?;
        let per_cadre = by_cadre_and_year(table);
        if table.before.first() == Some(&"year") && !per_cadre.is_empty() {
            let name = if lang == Lang::Fr {
                "Graphiques"
            } else {
                "Charts"
            };
            let ws = wb.add_worksheet();
            ws.set_name(name)?;
            let mut top = 0u32;
            for (cadre, points) in &per_cadre {
                ws.write_string_with_format(top, 0, cadre, &bold)?;
                ws.write_string_with_format(top + 1, 0, label(lang, "year"), &bold)?;
                ws.write_string_with_format(top + 1, 1, lang.column("required_staff"), &bold)?;
                ws.write_string_with_format(top + 1, 2, lang.column("current_staff"), &bold)?;
                for (k, (y, req, staff)) in points.iter().enumerate() {
                    let r = top + 2 + k as u32;
                    ws.write_number(r, 0, *y as f64)?;
                    ws.write_number(r, 1, *req)?;
                    ws.write_number(r, 2, *staff)?;
                }
                let first = top + 2;
                let last = top + 1 + points.len() as u32;
                let mut chart = Chart::new(ChartType::Line);
                for c in [1u16, 2] {
                    chart
                        .add_series()
                        .set_categories((name, first, 0, last, 0))
                        .set_values((name, first, c, last, c))
                        .set_name((name, top + 1, c));
                }
                chart.title().set_name(cadre);
                chart.y_axis().set_min(0.0);
                chart.set_width(560).set_height(300);
                ws.insert_chart(top, 4, &chart)?;
                top += (points.len() as u32 + 3).max(17);
            }
        }
        let ws = wb.add_worksheet();
        ws.set_name(if lang == Lang::Fr {
            "Avertissements"
        } else {
            "Warnings"
        })?;
        for (i, w) in warnings.iter().enumerate() {
            ws.write_string(i as u32, 0, w.render(lang))?;
        }
        wb.save_to_buffer()
    };
    build().map_err(|e| {
        anyhow::Error::new(crate::messages::output::cannot_build_workbook(
            e.to_string(),
        ))
    })
}

fn esc(s: &str) -> String {
    super::page::escape(s)
}

/// An inline SVG line chart of required staff and staff in post by year.
fn svg_chart(cadre: &str, points: &[(i64, f64, f64)], lang: Lang) -> String {
    let (w, h, pad) = (520.0, 240.0, 40.0);
    let max = points
        .iter()
        .map(|p| p.1.max(p.2))
        .fold(0.0f64, f64::max)
        .max(1.0);
    let n = points.len().max(2) as f64 - 1.0;
    let x = |i: usize| pad + (w - 2.0 * pad) * i as f64 / n;
    let y = |v: f64| h - pad - (h - 2.0 * pad) * v / max;
    let line = |pick: &dyn Fn(&(i64, f64, f64)) -> f64| {
        points
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{:.1},{:.1}", x(i), y(pick(p))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut s = format!(
        "<figure><figcaption>{}</figcaption><svg viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\">",
        esc(cadre)
    );
    let _ = write!(
        s,
        "<line x1=\"{pad}\" y1=\"{0}\" x2=\"{1}\" y2=\"{0}\" stroke=\"#999\"/><text x=\"4\" y=\"{2}\" font-size=\"11\">{3}</text>",
        h - pad,
        w - pad,
        pad,
        lang.num(max, 0)
    );
    for (i, p) in points.iter().enumerate() {
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{}</text>",
            x(i),
            h - pad + 16.0,
            p.0
        );
    }
    let _ = write!(
        s,
        "<polyline fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\" points=\"{}\"/><polyline fill=\"none\" stroke=\"#2471a3\" stroke-width=\"2\" stroke-dasharray=\"5 3\" points=\"{}\"/>",
        line(&|p| p.1),
        line(&|p| p.2)
    );
    let _ = write!(
        s,
        "<text x=\"{pad}\" y=\"14\" font-size=\"11\" fill=\"#c0392b\">{}</text><text x=\"{}\" y=\"14\" font-size=\"11\" fill=\"#2471a3\">{}</text></svg></figure>",
        esc(&lang.column("required_staff")),
        pad + 160.0,
        esc(&lang.column("current_staff"))
    );
    s
}

/// One self-contained page: for `project` a chart per cadre, then the rows for people.
pub fn html(
    table: &PlanTable,
    lang: Lang,
    bands: &Bands,
    warnings: &[&Problem],
    title: &str,
    study_line: &str,
) -> Vec<u8> {
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>body{{font-family:sans-serif;margin:1.5em}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:2px 6px}}td.n{{text-align:right}}figure{{display:inline-block;margin:0 1em 1em 0}}</style></head><body><h1>{}</h1>\n",
        lang.code(),
        esc(title),
        esc(title)
    );
    s.push_str(study_line);
    if table.before.first() == Some(&"year") {
        for (cadre, points) in by_cadre_and_year(table) {
            s.push_str(&svg_chart(&cadre, &points, lang));
        }
    }
    s.push_str("<table><thead><tr>");
    let mut heads: Vec<String> = table.before.iter().map(|c| label(lang, c)).collect();
    for c in [
        "level",
        "facility_name",
        "cadre",
        "current_staff",
        "required_staff",
        "difference",
        "wisn_ratio",
        "status",
    ] {
        heads.push(lang.column(c));
    }
    heads.extend(table.after.iter().map(|c| label(lang, c)));
    for h in heads {
        let _ = write!(s, "<th>{}</th>", esc(&h));
    }
    s.push_str("</tr></thead><tbody>\n");
    for r in &table.rows {
        s.push_str("<tr>");
        let extra = |e: &Extra| match e {
            Extra::Text(t) => format!("<td>{}</td>", esc(t)),
            Extra::Integer(i) => format!("<td>{i}</td>"),
            Extra::Number(n) => format!("<td class=\"n\">{}</td>", lang.num(*n, 2)),
            Extra::Null => "<td></td>".to_string(),
        };
        for e in &r.before {
            s.push_str(&extra(e));
        }
        let _ = write!(
            s,
            "<td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td>",
            esc(lang.level(r.row.level)),
            esc(&identity(r.row)),
            esc(&r.row.cadre),
            lang.num(r.row.current_staff, 1),
            esc(&required_text(lang, r)),
            lang.num(r.row.difference, 1),
            r.row.wisn_ratio.map_or("—".into(), |x| lang.num(x, 2)),
            esc(&status_text(lang, r, bands)),
        );
        for e in &r.after {
            s.push_str(&extra(e));
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody></table>\n");
    if !warnings.is_empty() {
        let _ = write!(s, "<h2>{}</h2><ul>", lang.t(crate::i18n::Text::Warnings));
        for w in warnings {
            let _ = write!(s, "<li>{}</li>", esc(&w.render(lang)));
        }
        s.push_str("</ul>");
    }
    s.push_str("</body></html>\n");
    s.into_bytes()
}
