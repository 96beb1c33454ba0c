//! The Excel report (`--format xlsx`, or `-o rapport.xlsx`), for directors and partners who read
//! results in Excel, and for scripts that read them back.
//!
//! Sheets, in this order (names follow `--lang`):
//! 1. *Summary / Synthèse*: national, region, district and facility-type rows by cadre (whatever
//!    `--by` asked);
//! 2. *Charts / Graphiques*: the WISN ratio by district (columns by cadre, the 1.0 target as a
//!    line) and the shortage by cadre, as native Excel charts, with the tables they draw;
//! 3. *Facilities / Structures*: one row per facility × cadre with every output column;
//! 4. *Parameters / Paramètres*: AWT, CAS, CAF, IAS, IAF and each standard used, per cadre and
//!    facility type;
//! 5. *Warnings / Avertissements*.
//!
//! The data sheets (Summary, Facilities, Parameters, Warnings) have the machine column names in
//! row 1 (for Summary and Facilities, the spec's output names in the spec's order, as in the CSV)
//! and the labels of `--lang` in row 2; data start on row 3. Cells hold full-precision numbers
//! and the machine words (`shortage`, `district`), exactly as the CSV does; a last column
//! `status_label` gives the status in `--lang`, coloured. Number formats round for display only.

use rust_xlsxwriter::{
    Chart, ChartLegendPosition, ChartLine, ChartLineDashType, ChartSolidFill, ChartType, Color,
    ConditionalFormat3ColorScale, ConditionalFormatType, DocProperties, Format, FormatAlign,
    FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::summary::{summarise, Summary};
use super::{values, ComputeReport as Report, COLUMNS};
use crate::engine::{type_name, Profile, ResultRow};
use crate::i18n::{Lang, Text};
use crate::method::Status;
use crate::model::{Component, StandardUnit, Study};

/// The columns of the Summary sheet: the group's place, then [`super::result_columns`].
pub fn summary_columns() -> Vec<&'static str> {
    let mut columns = vec!["level", "district", "region", "facility_type"];
    columns.extend(super::result_columns());
    columns
}

/// The extra column after the output columns: the status in `--lang`.
pub const STATUS_LABEL: &str = "status_label";

/// Columns of the working-time part of the Parameters sheet.
pub const PROFILE_COLUMNS: &[&str] = &[
    "cadre",
    "facility_type",
    "days_per_week",
    "hours_per_day",
    "public_holidays",
    "annual_leave",
    "sick_leave",
    "other_leave",
    "working_days",
    "awt_hours",
    "cas_total_pct",
    "caf",
    "ias_total_hours",
    "iaf",
    "source",
];

/// Columns of the standards part of the Parameters sheet.
pub const STANDARD_COLUMNS: &[&str] = &[
    "cadre",
    "facility_type",
    "component",
    "activity",
    "standard",
    "unit",
    "staff",
    "standard_workload",
    "annual_hours",
    "cas_pct",
    "ias_hours",
    "source",
];

/// Columns of the Warnings sheet.
pub const WARNING_COLUMNS: &[&str] = &[
    "severity", "code", "message", "file", "sheet", "row", "column", "value", "hint",
];

const RED: u32 = 0xC0392B;
const GREY: u32 = 0x808080;
const HEADER_FILL: u32 = 0xDCE6F1;

struct Formats {
    machine: Format,
    label: Format,
    title: Format,
    note: Format,
    code: Format,
    text: Format,
    staff: Format,
    integer: Format,
    ratio: Format,
    pressure: Format,
    share: Format,
    factor: Format,
    status: [Format; 3],
}

impl Formats {
    fn new() -> Formats {
        let status = |fill: u32, font: u32| {
            Format::new()
                .set_background_color(Color::RGB(fill))
                .set_font_color(Color::RGB(font))
        };
        Formats {
            machine: Format::new()
                .set_font_size(8)
                .set_italic()
                .set_font_color(Color::RGB(GREY)),
            label: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(HEADER_FILL))
                .set_border_bottom(FormatBorder::Thin),
            title: Format::new().set_bold().set_font_size(13),
            note: Format::new().set_italic().set_font_color(Color::RGB(GREY)),
            code: Format::new().set_font_color(Color::RGB(GREY)),
            text: Format::new(),
            staff: Format::new().set_num_format("0.00"),
            integer: Format::new().set_num_format("0"),
            ratio: Format::new().set_num_format("0.00"),
            // The value is a percentage already (11.2 for 11.2 %): a literal sign, no scaling.
            pressure: Format::new().set_num_format("0\" %\""),
            share: Format::new().set_num_format("0 %"),
            factor: Format::new().set_num_format("0.0000"),
            // Excel's own Bad / Good / Neutral colours.
            status: [
                status(0xFFC7CE, 0x9C0006),
                status(0xC6EFCE, 0x006100),
                status(0xFFEB9C, 0x9C5700),
            ],
        }
    }

    /// The display format of a machine column.
    fn of(&self, column: &str) -> &Format {
        match column {
            "required_rounded" => &self.integer,
            "wisn_ratio" => &self.ratio,
            "workload_pressure_pct" => &self.pressure,
            "completeness" => &self.share,
            "caf" | "iaf" => &self.factor,
            "current_staff" | "required_staff" | "difference" | "awt_hours" | "service_staff"
            | "standard_workload" | "annual_hours" | "ias_hours" | "ias_total_hours" => &self.staff,
            "cas_pct" | "cas_total_pct" => &self.factor,
            _ => &self.text,
        }
    }

    fn status(&self, s: Status) -> &Format {
        match s {
            Status::Shortage => &self.status[0],
            Status::Balanced => &self.status[1],
            Status::Excess => &self.status[2],
        }
    }
}

type Res<T> = Result<T, XlsxError>;

/// Row 1 machine names (hidden: they are for scripts reading the workbook back, people read
/// the labels), row 2 labels (`lines` lines high), at `row`. Returns the next row.
fn header(
    ws: &mut Worksheet,
    row: u32,
    names: &[&str],
    lines: u32,
    lang: Lang,
    f: &Formats,
) -> Res<u32> {
    // Row by row, the row options first: the Facilities sheet is written in row order (a
    // low-memory worksheet flushes a row when the next one starts).
    ws.set_row_hidden(row)?;
    ws.set_row_height(row + 1, 15 * lines)?;
    for (c, name) in names.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *name, &f.machine)?;
    }
    for (c, name) in names.iter().enumerate() {
        ws.write_string_with_format(row + 1, c as u16, lang.column(name), &f.label)?;
    }
    Ok(row + 2)
}

/// Writes result rows with the given machine columns (a subset of [`COLUMNS`]) and the status
/// label; returns the last row written.
fn result_rows(
    ws: &mut Worksheet,
    first: u32,
    rows: &[&ResultRow],
    columns: &[&str],
    lang: Lang,
    f: &Formats,
) -> Res<u32> {
    let index: Vec<usize> = columns
        .iter()
        .map(|c| COLUMNS.iter().position(|x| x == c).expect("a spec column"))
        .collect();
    let mut r = first;
    for row in rows {
        let v = values(row);
        for (c, &i) in index.iter().enumerate() {
            let format = match columns[c] {
                // Machine words (as in the CSV), shown discreetly: status_label is for people.
                "level" | "status" if lang != Lang::En => &f.code,
                name => f.of(name),
            };
            // Staff counts show as whole numbers where they are whole (37, not 37.00).
            let format = match v[i] {
                crate::report::Value::Number(n)
                    if std::ptr::eq(format, &f.staff) && n.fract() == 0.0 =>
                {
                    &f.integer
                }
                _ => format,
            };
            crate::report::sheet::write_value(ws, r, c as u16, &v[i], Some(format), format)?;
        }
        if let Some(s) = row.status {
            ws.write_string_with_format(r, columns.len() as u16, lang.status(s), f.status(s))?;
        }
        r += 1;
    }
    Ok(r.saturating_sub(1).max(first))
}

/// The red–amber–green colour scale of the WISN ratio: red at 0.5 and below, amber at the
/// shortage band edge, green from 1.0.
fn ratio_scale(low: f64) -> ConditionalFormat3ColorScale {
    ConditionalFormat3ColorScale::new()
        .set_minimum(ConditionalFormatType::Number, 0.5)
        .set_midpoint(ConditionalFormatType::Number, low.min(0.99))
        .set_maximum(ConditionalFormatType::Number, 1.0)
        .set_minimum_color(Color::RGB(0xF8696B))
        .set_midpoint_color(Color::RGB(0xFFEB84))
        .set_maximum_color(Color::RGB(0x63BE7B))
}

/// The widest sheet (sum of column widths, in Excel's character units) fitted to one A4
/// landscape page wide: about 135 characters print at 100 %, so up to 190 prints at 70 % or more,
/// still readable. A wider sheet is not shrunk: it prints at 85 % over several pages, with its
/// header rows and its identifying columns repeated on each.
const FIT_WIDTH: f64 = 190.0;

fn print_setup(
    ws: &mut Worksheet,
    repeat: Option<(u32, u32)>,
    width: f64,
    repeat_columns: Option<(u16, u16)>,
) -> Res<()> {
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    if width <= FIT_WIDTH {
        ws.set_print_fit_to_pages(1, 0);
    } else {
        ws.set_print_scale(85);
        if let Some((a, b)) = repeat_columns {
            ws.set_repeat_columns(a, b)?;
        }
    }
    if let Some((a, b)) = repeat {
        ws.set_repeat_rows(a, b)?;
    }
    Ok(())
}

/// A data sheet of result rows: headers, rows, frozen headers, autofilter, colour scale.
fn results_sheet(
    ws: &mut Worksheet,
    rows: &[&ResultRow],
    columns: &[&str],
    report: &Report,
    f: &Formats,
) -> Res<()> {
    let lang = report.settings.lang;
    let mut names: Vec<&str> = columns.to_vec();
    names.push(STATUS_LABEL);
    let first = header(ws, 0, &names, 2, lang, f)?;
    let last = result_rows(ws, first, rows, columns, lang, f)?;
    ws.set_freeze_panes(first, 0)?;
    ws.autofilter(1, 0, last, (names.len() - 1) as u16)?;
    if !rows.is_empty() {
        let ratio = columns.iter().position(|c| *c == "wisn_ratio").unwrap() as u16;
        ws.add_conditional_format(
            first,
            ratio,
            last,
            ratio,
            &ratio_scale(report.settings.bands.low),
        )?;
    }
    let facility_rows = columns.contains(&"facility_id");
    let mut total = 0.0;
    for (c, name) in names.iter().enumerate() {
        let width = match *name {
            "facility_name" => 28.0,
            "facility_id" | "cadre" | "district" | "region" | "facility_type" => 16.0,
            "level" | "status" | "status_label" => 12.0,
            _ => 12.5,
        };
        ws.set_column_width(c as u16, width)?;
        // People read the status in `--lang` (status_label, coloured); the machine `status`
        // stays in its cells for scripts, hidden. So does `level` on the facility sheet
        // (always `facility`).
        let hidden = *name == "status" || (*name == "level" && facility_rows);
        if hidden {
            ws.set_column_hidden(c as u16)?;
        } else {
            total += width;
        }
    }
    // Repeated on each printed page of a wide sheet: what names the row (facility and cadre,
    // or the group and cadre).
    let cadre = columns.iter().position(|c| *c == "cadre").unwrap_or(0) as u16;
    print_setup(ws, Some((0, 1)), total, Some((0, cadre)))
}

fn charts_sheet(ws: &mut Worksheet, sheet: &str, s: &Summary, lang: Lang, f: &Formats) -> Res<()> {
    let label = |name: &str| lang.column(name);
    ws.set_column_width(0, 22)?;
    ws.write_string_with_format(0, 0, lang.t(Text::ChartRatioByDistrict), &f.title)?;
    ws.write_string_with_format(1, 0, lang.t(Text::ChartRatioNote), &f.note)?;
    // The ratio table: districts down, cadres across, then the 1.0 target.
    let top = 3u32;
    let ncad = s.cadres.len() as u16;
    ws.write_string_with_format(top, 0, lang.t(Text::District), &f.label)?;
    for (c, name) in s.cadres.iter().enumerate() {
        ws.write_string_with_format(top, c as u16 + 1, name, &f.label)?;
        ws.set_column_width(c as u16 + 1, 12)?;
    }
    ws.write_string_with_format(top, ncad + 1, label("target"), &f.label)?;
    ws.set_row_height(top, 30)?;
    ws.set_column_width(ncad + 1, 12)?;
    let mut r = top + 1;
    for (district, ratios) in &s.ratio_by_district {
        ws.write_string(r, 0, district)?;
        for (c, v) in ratios.iter().enumerate() {
            if let Some(v) = v {
                ws.write_number_with_format(r, c as u16 + 1, *v, &f.ratio)?;
            }
        }
        ws.write_number_with_format(r, ncad + 1, 1.0, &f.ratio)?;
        r += 1;
    }
    let last = r - 1;
    let chart_col = ncad + 3;
    if !s.ratio_by_district.is_empty() {
        let mut chart = Chart::new(ChartType::Column);
        for c in 0..ncad {
            chart
                .add_series()
                .set_name((sheet, top, c + 1))
                .set_categories((sheet, top + 1, 0, last, 0))
                .set_values((sheet, top + 1, c + 1, last, c + 1));
        }
        let mut target = Chart::new(ChartType::Line);
        target
            .add_series()
            .set_name((sheet, top, ncad + 1))
            .set_categories((sheet, top + 1, 0, last, 0))
            .set_values((sheet, top + 1, ncad + 1, last, ncad + 1))
            .set_format(
                ChartLine::new()
                    .set_color(Color::RGB(RED))
                    .set_width(2.0)
                    .set_dash_type(ChartLineDashType::Dash),
            );
        chart.combine(&target);
        chart.title().set_name(lang.t(Text::ChartRatioByDistrict));
        chart.y_axis().set_min(0.0).set_num_format("0.0");
        chart.y_axis().set_name(lang.t(Text::Ratio));
        chart.legend().set_position(ChartLegendPosition::Bottom);
        chart.set_width(760).set_height(380);
        ws.insert_chart(top, chart_col, &chart)?;
    }

    // The shortage table: one row per cadre.
    let top2 = (last + 3).max(top + 22);
    ws.write_string_with_format(top2, 0, lang.t(Text::ChartShortageByCadre), &f.title)?;
    ws.write_string_with_format(top2 + 1, 0, lang.t(Text::ShortageNote), &f.note)?;
    let head = top2 + 3;
    let names = [
        "cadre",
        "current_staff",
        "required_staff",
        "wisn_ratio",
        "shortage_sum",
        "net_shortage",
    ];
    for (c, name) in names.iter().enumerate() {
        ws.write_string_with_format(head, c as u16, label(name), &f.label)?;
    }
    ws.set_row_height(head, 45)?;
    let mut r = head + 1;
    for t in &s.by_cadre {
        ws.write_string(r, 0, &t.cadre)?;
        let whole = if t.current.fract() == 0.0 {
            &f.integer
        } else {
            &f.staff
        };
        ws.write_number_with_format(r, 1, t.current, whole)?;
        ws.write_number_with_format(r, 2, t.required, &f.staff)?;
        if let Some(v) = t.ratio {
            ws.write_number_with_format(r, 3, v, &f.ratio)?;
        }
        ws.write_number_with_format(r, 4, t.shortage_sum, &f.staff)?;
        ws.write_number_with_format(r, 5, t.net_shortage, &f.staff)?;
        r += 1;
    }
    if !s.by_cadre.is_empty() {
        let last = r - 1;
        let mut chart = Chart::new(ChartType::Column);
        for (c, color) in [(4u16, RED), (5u16, 0xE67E22)] {
            chart
                .add_series()
                .set_name((sheet, head, c))
                .set_categories((sheet, head + 1, 0, last, 0))
                .set_values((sheet, head + 1, c, last, c))
                .set_format(ChartSolidFill::new().set_color(Color::RGB(color)));
        }
        chart.title().set_name(lang.t(Text::ChartShortageByCadre));
        chart.y_axis().set_min(0.0).set_num_format("0");
        chart.legend().set_position(ChartLegendPosition::Bottom);
        chart.set_width(760).set_height(380);
        ws.insert_chart(top2 + 3, chart_col, &chart)?;
    }
    print_setup(ws, None, 0.0, None)
}

fn type_label(study: &Study, type_key: &str, lang: Lang) -> String {
    if type_key.is_empty() {
        lang.t(Text::AnyType).to_string()
    } else {
        type_name(study, type_key)
    }
}

/// Profiles sorted by facility type, then cadre in the study's order.
pub fn sorted_profiles<'a>(report: &Report<'a>) -> Vec<&'a Profile> {
    let mut profiles: Vec<&Profile> = report.results.profiles.values().collect();
    profiles.sort_by(|a, b| {
        (type_name(report.study, &a.type_key), a.cadre)
            .cmp(&(type_name(report.study, &b.type_key), b.cadre))
    });
    profiles
}

fn parameters_sheet(ws: &mut Worksheet, report: &Report, f: &Formats) -> Res<()> {
    let lang = report.settings.lang;
    let study = report.study;
    let profiles = sorted_profiles(report);
    ws.write_string_with_format(0, 0, lang.t(Text::WorkingTimeTable), &f.title)?;
    let mut r = header(ws, 1, PROFILE_COLUMNS, 3, lang, f)?;
    for p in &profiles {
        let wt = &study.working_time[p.working_time];
        let t = &wt.time;
        ws.write_string(r, 0, &study.cadres[p.cadre].name)?;
        ws.write_string(r, 1, type_label(study, &p.type_key, lang))?;
        let numbers = [
            (2, t.days_per_week, &f.text),
            (3, t.hours_per_day, &f.text),
            (4, t.public_holidays, &f.text),
            (5, t.annual_leave, &f.text),
            (6, t.sick_leave, &f.text),
            (7, t.other_leave, &f.text),
            (8, p.awt.working_days, &f.text),
            (9, p.awt.hours(), &f.staff),
            (10, p.cas_total_pct, &f.factor),
            (11, p.caf, &f.factor),
            (12, p.ias_total_hours, &f.staff),
            (13, p.iaf, &f.factor),
        ];
        for (c, v, format) in numbers {
            ws.write_number_with_format(r, c, v, format)?;
        }
        ws.write_string(r, 14, wt.location.to_string())?;
        r += 1;
    }
    r += 2;
    ws.write_string_with_format(r, 0, lang.t(Text::StandardsTable), &f.title)?;
    let head = r + 1;
    r = header(ws, head, STANDARD_COLUMNS, 3, lang, f)?;
    let first = r;
    for p in &profiles {
        let cadre = &study.cadres[p.cadre].name;
        let tl = type_label(study, &p.type_key, lang);
        let mut line = |standard: usize, sw: Option<f64>, hours: Option<f64>, pct, ias| {
            let s = &study.standards[standard];
            ws.write_string(r, 0, cadre)?;
            ws.write_string(r, 1, &tl)?;
            ws.write_string(r, 2, s.component.as_str())?;
            ws.write_string(r, 3, &s.activity_name)?;
            ws.write_number(r, 4, s.value)?;
            ws.write_string(r, 5, unit_text(&s.unit))?;
            if s.component == Component::Additional {
                ws.write_number(r, 6, s.staff)?;
            }
            for (c, v, format) in [
                (7, sw, &f.staff),
                (8, hours, &f.staff),
                (9, pct, &f.factor),
                (10, ias, &f.staff),
            ] {
                if let Some(v) = v {
                    ws.write_number_with_format(r, c, v, format)?;
                }
            }
            ws.write_string(r, 11, s.location.to_string())?;
            r += 1;
            Ok::<(), XlsxError>(())
        };
        for l in &p.services {
            line(l.standard, Some(l.standard_workload), None, None, None)?;
        }
        for l in &p.support {
            line(l.standard, None, l.annual_hours, Some(l.value), None)?;
        }
        for l in &p.additional {
            line(l.standard, None, l.annual_hours, None, Some(l.value))?;
        }
    }
    ws.autofilter(head + 1, 0, r.saturating_sub(1).max(first), 11)?;
    ws.set_freeze_panes(0, 2)?;
    ws.set_column_width(0, 16)?;
    ws.set_column_width(1, 14)?;
    ws.set_column_width(2, 12)?;
    ws.set_column_width(3, 30)?;
    for c in 4..=13 {
        ws.set_column_width(c, 12)?;
    }
    ws.set_column_width(14, 30)?;
    // 16 + 14 + 12 + 30 + 10 × 12 + 30 = 222: too wide to fit, the first two columns repeat.
    print_setup(ws, None, 222.0, Some((0, 1)))
}

/// The canonical spelling of a standard's unit.
pub fn unit_text(unit: &StandardUnit) -> String {
    match unit {
        StandardUnit::Service(u) => u.as_str().to_string(),
        StandardUnit::Allowance(u) => u.as_string(),
    }
}

fn warnings_sheet(ws: &mut Worksheet, report: &Report, f: &Formats) -> Res<()> {
    let lang = report.settings.lang;
    let mut r = header(ws, 0, WARNING_COLUMNS, 2, lang, f)?;
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let top = Format::new().set_align(FormatAlign::Top);
    const WIDTHS: [u16; 9] = [12, 22, 80, 20, 12, 8, 14, 14, 50];
    for p in &report.warnings {
        let l = p.location.as_ref();
        let severity = match p.severity {
            crate::diag::Severity::Error => "error",
            crate::diag::Severity::Warning => "warning",
            crate::diag::Severity::Note => "note",
        };
        let cells: [Option<String>; 9] = [
            Some(severity.into()),
            Some(p.code.name().into()),
            Some(p.message.get(lang).to_string()),
            l.map(|l| l.file.clone()),
            l.and_then(|l| l.sheet.clone()),
            None,
            l.and_then(|l| l.column.clone()),
            p.value.clone(),
            p.hint.as_ref().map(|h| h.get(lang).to_string()),
        ];
        // Rows do not grow by themselves for wrapped text: as many lines as the longest cell
        // needs at its column's width.
        let mut lines = 1;
        for (c, v) in cells.iter().enumerate() {
            if let Some(v) = v {
                let wrapped = c == 2 || c == 8;
                ws.write_string_with_format(r, c as u16, v, if wrapped { &wrap } else { &top })?;
                if wrapped {
                    let per_line = usize::from(WIDTHS[c]).max(1) + 2;
                    lines = lines.max(v.chars().count().div_ceil(per_line));
                }
            }
        }
        if let Some(row) = l.and_then(|l| l.row) {
            ws.write_number_with_format(r, 5, row as f64, &top)?;
        }
        ws.set_row_height(r, 15 * lines as u32)?;
        r += 1;
    }
    ws.set_freeze_panes(2, 0)?;
    ws.autofilter(1, 0, r.saturating_sub(1).max(2), 8)?;
    for (c, w) in WIDTHS.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let total = WIDTHS.iter().map(|w| f64::from(*w)).sum();
    print_setup(ws, Some((0, 1)), total, Some((0, 0)))
}

fn build(report: &Report) -> Res<Vec<u8>> {
    let lang = report.settings.lang;
    let f = Formats::new();
    let s = summarise(report);
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(lang.t(Text::ReportTitle))
            .set_subject(lang.t(Text::ReportSubtitle)),
    );
    let groups: Vec<&ResultRow> = s.groups.iter().collect();
    let ws = wb.add_worksheet();
    ws.set_name(lang.t(Text::SheetSummary))?;
    results_sheet(ws, &groups, &summary_columns(), report, &f)?;

    let charts = lang.t(Text::SheetCharts);
    let ws = wb.add_worksheet();
    ws.set_name(charts)?;
    charts_sheet(ws, charts, &s, lang, &f)?;

    // One row per facility × cadre (150 000 at national scale): a low-memory worksheet keeps
    // one row in memory and writes the others to a temporary file as it goes (the cells are the
    // same; strings stay in the shared-string table, as in the other sheets). Rows must then be
    // written in order, which `results_sheet` does.
    let ws = wb.add_worksheet_with_low_memory();
    ws.set_name(lang.t(Text::SheetFacilities))?;
    results_sheet(ws, &s.facilities, COLUMNS, report, &f)?;

    let ws = wb.add_worksheet();
    ws.set_name(lang.t(Text::SheetParameters))?;
    parameters_sheet(ws, report, &f)?;

    let ws = wb.add_worksheet();
    ws.set_name(lang.t(Text::SheetWarnings))?;
    warnings_sheet(ws, report, &f)?;

    wb.save_to_buffer()
}

/// The workbook of a compute run.
pub fn write(report: &Report) -> anyhow::Result<Vec<u8>> {
    build(report).map_err(|e| {
        anyhow::Error::new(crate::messages::output::cannot_build_workbook(
            e.to_string(),
        ))
    })
}
