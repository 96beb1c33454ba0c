//! The xlsx report: sheet `surge` holds every row with the columns of [`super::COLUMNS`] (numbers
//! at full precision, dates as Excel dates shown `yyyy-mm-dd`); sheet `summary` the peak and the
//! shortages per site and cadre; sheet `charts` (shown on opening) the headcount needed against
//! the staff assigned over time, all sites together, one native Excel line chart per cadre, with
//! the data the charts are drawn from.
//!
//! In French (`--lang fr`) the sheets are *Lignes*, *Synthèse* and *Graphiques*, and the data
//! sheets have the machine column names on a hidden row 1 and French labels on row 2 (data from
//! row 3), as compute's workbook; the English workbook is as above.

use rust_xlsxwriter::{
    Chart, ChartFont, ChartLegendPosition, ChartLine, ChartLineDashType, ChartType, Color, Format,
    Workbook, XlsxError,
};

use super::{values, SurgeReport, COLUMNS};
use crate::i18n::{Lang, Text};
use crate::report::{sheet, Value};
use crate::surge::compute::SurgeLevel;

const NEEDED_COLOR: u32 = 0xC0392B;
const ASSIGNED_COLOR: u32 = 0x1F4E79;
const AVAILABLE_COLOR: u32 = 0x2E86C1;

fn rows_sheet(
    wb: &mut Workbook,
    report: &SurgeReport,
    bold: &Format,
    date: &Format,
) -> anyhow::Result<()> {
    let lang = report.settings.lang;
    let ws = wb.add_worksheet();
    ws.set_name(lang.t(Text::SurgeSheetRows))?;
    if lang == Lang::En {
        sheet::data_sheet(ws, &report.surge_rows(), bold, date)?;
    } else {
        sheet::labelled_data_sheet(ws, &report.surge_rows(), bold, date, lang)?;
    }
    ws.set_column_width(1, 11)?;
    ws.set_column_width(3, 28)?;
    ws.set_column_width(6, 24)?;
    Ok(())
}

fn summary_sheet(
    wb: &mut Workbook,
    report: &SurgeReport,
    bold: &Format,
    date: &Format,
) -> Result<(), XlsxError> {
    let lang = report.settings.lang;
    let ws = wb.add_worksheet();
    ws.set_name(lang.t(Text::SurgeSheetSummary))?;
    // English: machine names on row 1, data from row 2; otherwise machine names on a hidden
    // row 1, labels on row 2, data from row 3.
    let first: u32 = if lang == Lang::En { 1 } else { 2 };
    let header = [
        "facility_id",
        "facility_name",
        "district",
        "region",
        "cadre",
        "assigned",
        "available",
        "peak_date",
        "peak_headcount",
        "days_in_shortage",
        "largest_shortage",
    ];
    for (c, name) in header.iter().enumerate() {
        if lang == Lang::En {
            ws.write_string_with_format(0, c as u16, *name, bold)?;
        } else {
            ws.write_string(0, c as u16, *name)?;
            ws.write_string_with_format(1, c as u16, lang.column(name), bold)?;
        }
    }
    if lang != Lang::En {
        ws.set_row_hidden(0)?;
    }
    for (r, row) in (first..).zip(report.results.rows_of(SurgeLevel::Summary)) {
        let all = values(row);
        let pick = |name: &str| {
            COLUMNS
                .iter()
                .position(|c| *c == name)
                .map(|i| all[i].clone())
                .unwrap_or(Value::Null)
        };
        for (c, name) in header.iter().enumerate() {
            sheet::write_value(ws, r, c as u16, &pick(name), None, date)?;
        }
    }
    ws.set_freeze_panes(first, 0)?;
    ws.set_column_width(1, 32)?;
    ws.set_column_width(4, 24)?;
    ws.set_column_width(7, 11)?;
    Ok(())
}

fn line(color: u32, dashed: bool) -> ChartLine {
    let mut l = ChartLine::new();
    l.set_color(Color::RGB(color)).set_width(2.25);
    if dashed {
        l.set_dash_type(ChartLineDashType::Dash);
    }
    l
}

fn charts_sheet(
    wb: &mut Workbook,
    report: &SurgeReport,
    bold: &Format,
    date: &Format,
) -> Result<(), XlsxError> {
    let results = report.results;
    let lang = report.settings.lang;
    let with_available = results.options.absence_rate != 0.0;
    let per_cadre: u16 = if with_available { 3 } else { 2 };
    let name = lang.t(Text::SurgeSheetCharts);
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    ws.set_active(true);
    // The charts on the left, one under the other; their data on the right of them: one date
    // column, then needed / assigned (/ available) per cadre.
    const DATA: u16 = 11;
    ws.write_string_with_format(0, DATA, lang.column("date").to_lowercase(), bold)?;
    let mut dates: Vec<chrono::NaiveDate> = results
        .series
        .iter()
        .flat_map(|s| s.iter().map(|p| p.date))
        .collect();
    dates.sort();
    dates.dedup();
    for (i, d) in dates.iter().enumerate() {
        ws.write_date_with_format(i as u32 + 1, DATA, sheet::excel_date(*d)?, date)?;
    }
    ws.set_column_width(DATA, 11)?;
    let last_row = dates.len() as u32;
    for (ci, (cadre, series)) in results.cadres.iter().zip(&results.series).enumerate() {
        let col = DATA + 1 + per_cadre * ci as u16;
        ws.write_string_with_format(0, col, lang.series_name(cadre, Text::Needed), bold)?;
        ws.write_string_with_format(0, col + 1, lang.series_name(cadre, Text::Assigned), bold)?;
        if with_available {
            ws.write_string_with_format(
                0,
                col + 2,
                lang.series_name(cadre, Text::Available),
                bold,
            )?;
        }
        for p in series {
            let r = dates.binary_search(&p.date).unwrap_or(0) as u32 + 1;
            ws.write_number(r, col, p.needed)?;
            ws.write_number(r, col + 1, p.assigned)?;
            if with_available {
                ws.write_number(r, col + 2, p.available)?;
            }
        }
        if last_row == 0 {
            continue;
        }
        let mut chart = Chart::new(ChartType::Line);
        chart
            .title()
            .set_name(&format!("{cadre}: {}", lang.t(Text::ChartTitle)))
            .set_font(ChartFont::new().set_size(12).set_bold());
        chart
            .add_series()
            .set_name((name, 0, col))
            .set_categories((name, 1, DATA, last_row, DATA))
            .set_values((name, 1, col, last_row, col))
            .set_format(&mut line(NEEDED_COLOR, false));
        chart
            .add_series()
            .set_name((name, 0, col + 1))
            .set_categories((name, 1, DATA, last_row, DATA))
            .set_values((name, 1, col + 1, last_row, col + 1))
            .set_format(&mut line(ASSIGNED_COLOR, false));
        if with_available {
            chart
                .add_series()
                .set_name((name, 0, col + 2))
                .set_categories((name, 1, DATA, last_row, DATA))
                .set_values((name, 1, col + 2, last_row, col + 2))
                .set_format(&mut line(AVAILABLE_COLOR, true));
        }
        chart
            .x_axis()
            .set_date_axis(true)
            .set_num_format("dd/mm/yyyy");
        chart.y_axis().set_name(lang.t(Text::StaffAxis)).set_min(0);
        chart.legend().set_position(ChartLegendPosition::Bottom);
        chart.set_width(640).set_height(300);
        ws.insert_chart(ci as u32 * 16, 0, &chart)?;
    }
    Ok(())
}

/// The workbook of a surge run.
pub fn write(report: &SurgeReport) -> anyhow::Result<Vec<u8>> {
    {
        let mut wb = Workbook::new();
        let bold = Format::new().set_bold();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        rows_sheet(&mut wb, report, &bold, &date)?;
        summary_sheet(&mut wb, report, &bold, &date)?;
        charts_sheet(&mut wb, report, &bold, &date)?;
        Ok(wb.save_to_buffer()?)
    }
}
