//! The xlsx kit: a cell of any command's rows written to a worksheet, and a data sheet of rows
//! (machine column names in bold, one line per row, frozen header and a filter), which every
//! command's workbook can hold beside its own summary sheets.

use rust_xlsxwriter::{ExcelDateTime, Format, Worksheet, XlsxError};

use super::{Rows, Value};

/// A date as Excel stores it.
pub fn excel_date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// Writes one cell: text as text, numbers as numbers (`-0` as `0`), dates as Excel dates with
/// `date_format`, nothing for null. `format`, when given, applies to the other cells.
pub fn write_value(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: &Value,
    format: Option<&Format>,
    date_format: &Format,
) -> Result<(), XlsxError> {
    let number = |n: f64| if n == 0.0 { 0.0 } else { n };
    match (v, format) {
        (Value::Null, _) => {}
        (Value::Text(t), Some(f)) => {
            ws.write_string_with_format(row, col, t.as_ref(), f)?;
        }
        (Value::Text(t), None) => {
            ws.write_string(row, col, t.as_ref())?;
        }
        (Value::Number(n), Some(f)) => {
            ws.write_number_with_format(row, col, number(*n), f)?;
        }
        (Value::Number(n), None) => {
            ws.write_number(row, col, number(*n))?;
        }
        (Value::Integer(i), Some(f)) => {
            ws.write_number_with_format(row, col, *i as f64, f)?;
        }
        (Value::Integer(i), None) => {
            ws.write_number(row, col, *i as f64)?;
        }
        (Value::Date(d), _) => {
            ws.write_date_with_format(row, col, excel_date(*d)?, date_format)?;
        }
    }
    Ok(())
}

/// Writes every row on `ws`: the machine column names in `header` format on the first line,
/// then one line per row; freezes the header and filters the columns. Returns the number of rows.
pub fn data_sheet(
    ws: &mut Worksheet,
    rows: &dyn Rows,
    header: &Format,
    date_format: &Format,
) -> anyhow::Result<u32> {
    let columns = rows.columns();
    for (c, name) in columns.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, name.as_ref(), header)?;
    }
    let mut r = 0u32;
    rows.each(&mut |cells| {
        r += 1;
        for (c, v) in cells.iter().enumerate() {
            write_value(ws, r, c as u16, v, None, date_format)?;
        }
        Ok(())
    })?;
    ws.set_freeze_panes(1, 0)?;
    if r > 0 && !columns.is_empty() {
        ws.autofilter(0, 0, r, columns.len() as u16 - 1)?;
    }
    Ok(r)
}

/// [`data_sheet`] for people reading another language than the machine names: the machine
/// column names on row 1, hidden (scripts still find them there), the labels of `lang` on row 2
/// (in `header` format, the autofilter on them), data from row 3. Returns the number of rows.
pub fn labelled_data_sheet(
    ws: &mut Worksheet,
    rows: &dyn Rows,
    header: &Format,
    date_format: &Format,
    lang: crate::i18n::Lang,
) -> anyhow::Result<u32> {
    let columns = rows.columns();
    for (c, name) in columns.iter().enumerate() {
        ws.write_string(0, c as u16, name.as_ref())?;
        ws.write_string_with_format(1, c as u16, lang.column(name.as_ref()), header)?;
    }
    ws.set_row_hidden(0)?;
    let mut r = 1u32;
    rows.each(&mut |cells| {
        r += 1;
        for (c, v) in cells.iter().enumerate() {
            write_value(ws, r, c as u16, v, None, date_format)?;
        }
        Ok(())
    })?;
    ws.set_freeze_panes(2, 0)?;
    if r > 1 && !columns.is_empty() {
        ws.autofilter(1, 0, r, columns.len() as u16 - 1)?;
    }
    Ok(r - 1)
}
