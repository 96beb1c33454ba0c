//! OpenDocument sheets (.ods), read here from `content.xml` with quick-xml rather than through
//! calamine, whose 0.31 reader (a) misplaces the cells of a sheet that does not start in column A
//! once a blank row occurs (every later row shifts right), (b) reads LibreOffice's error cells
//! (`#DIV/0!` saved as an empty string marked `calcext:value-type="error"`) as blank, (c) does
//! not expose merged cells, and (d) loads every sheet of the workbook into memory. This reader
//! streams one sheet, counting rows and columns with their `number-rows-repeated` /
//! `number-columns-repeated`, and hands each cell to the row [`Assembler`].

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use calamine::Dimensions;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{iso_date, Assembler};
use crate::diag::Msg;
use crate::messages::reader::verbatim;
use crate::messages::workbook as msg;
use crate::study::source::Cell;

/// A library's error (zip, quick-xml), shown as it is inside a message of the catalogue.
fn lib(e: impl ToString) -> Msg {
    verbatim(e.to_string())
}

/// Excel's limits; a repeated row or cell is never expanded beyond them.
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLS: u32 = 16_384;
/// The most cells a sheet may gain from repeats of non-empty cells and rows
/// (`table:number-rows-repeated`, `table:number-columns-repeated`): an 800-byte file can declare
/// a value repeated over all 17 billion cells of a sheet (docs/robustness.md).
pub const MAX_REPEATED_CELLS: u64 = 1_000_000;

type Archive = zip::ZipArchive<BufReader<File>>;

fn open(path: &Path) -> Result<Archive, Msg> {
    let file = File::open(path).map_err(lib)?;
    let mut archive = zip::ZipArchive::new(BufReader::new(file)).map_err(lib)?;
    if let Ok(mut manifest) = archive.by_name("META-INF/manifest.xml") {
        let mut text = String::new();
        manifest.read_to_string(&mut text).ok();
        if text.contains("encryption-data") {
            return Err(msg::password());
        }
    }
    Ok(archive)
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    let a = e.try_get_attribute(name).ok().flatten()?;
    let raw = String::from_utf8_lossy(&a.value);
    match quick_xml::escape::unescape(&raw) {
        Ok(v) => Some(v.into_owned()),
        Err(_) => Some(raw.into_owned()),
    }
}

fn count(e: &BytesStart<'_>, name: &[u8]) -> u32 {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| std::str::from_utf8(&a.value).ok()?.trim().parse().ok())
        .unwrap_or(1)
        .max(1)
}

/// The sheet names of an .ods file, in order.
pub fn sheet_names(path: &Path) -> Result<Vec<String>, Msg> {
    let mut archive = open(path)?;
    let content = archive
        .by_name("content.xml")
        .map_err(|e| verbatim(format!("content.xml: {e}")))?;
    let mut xml = Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    let mut names = Vec::new();
    let mut depth = 0usize;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).map_err(lib)? {
            Event::Start(e) if e.name().as_ref() == b"table:table" => {
                if depth == 0 {
                    names.push(attr(&e, b"table:name").unwrap_or_default());
                }
                depth += 1;
            }
            Event::Empty(e) if e.name().as_ref() == b"table:table" && depth == 0 => {
                names.push(attr(&e, b"table:name").unwrap_or_default());
            }
            Event::End(e) if e.name().as_ref() == b"table:table" => depth = depth.saturating_sub(1),
            Event::Eof => return Ok(names),
            _ => {}
        }
    }
}

/// A cell being read: its position, how often it repeats, its value (from attributes) and the
/// text of its paragraphs.
struct Pending {
    col: u32,
    repeat: u32,
    kind: Kind,
    text: String,
    paragraphs: usize,
}

enum Kind {
    Empty,
    Value(Cell<'static>),
    /// A string (or an untyped cell): the text content.
    Text,
    /// LibreOffice's error cell: the text content is the error (`#DIV/0!`).
    Error,
}

fn value_of(e: &BytesStart<'_>) -> Kind {
    if attr(e, b"calcext:value-type").as_deref() == Some("error") {
        return Kind::Error;
    }
    let Some(kind) = attr(e, b"office:value-type") else {
        return Kind::Text;
    };
    let number = |name: &[u8]| attr(e, name).and_then(|v| v.trim().parse::<f64>().ok());
    match kind.as_str() {
        "float" | "percentage" | "currency" => match number(b"office:value") {
            Some(v) => Kind::Value(Cell::Number(v)),
            None => Kind::Text,
        },
        "date" => match attr(e, b"office:date-value") {
            Some(d) => Kind::Value(iso_date(&d).unwrap_or(Cell::Text(Cow::Owned(d)))),
            None => Kind::Text,
        },
        "time" => match attr(e, b"office:time-value") {
            Some(t) => Kind::Value(Cell::Text(Cow::Owned(t))),
            None => Kind::Text,
        },
        "boolean" => match attr(e, b"office:boolean-value").as_deref() {
            Some("true") => Kind::Value(Cell::Bool(true)),
            Some("false") => Kind::Value(Cell::Bool(false)),
            _ => Kind::Text,
        },
        "void" => Kind::Empty,
        _ => match attr(e, b"office:string-value") {
            Some(s) if !s.is_empty() => Kind::Value(Cell::Text(Cow::Owned(s))),
            _ => Kind::Text,
        },
    }
}

/// Streams the sheet `sheet` into `rows`. `Ok(false)` when the workbook has no such sheet.
pub(super) fn read(path: &Path, sheet: &str, rows: &mut Assembler<'_>) -> Result<bool, Msg> {
    let mut archive = open(path)?;
    let content = archive
        .by_name("content.xml")
        .map_err(|e| verbatim(format!("content.xml: {e}")))?;
    let mut xml = Reader::from_reader(BufReader::new(content));
    xml.config_mut().trim_text(false);
    let mut buf = Vec::new();
    let mut in_sheet = false;
    // Nesting inside the sheet of elements whose content is not cell text: sub-tables, cell
    // comments (office:annotation).
    let mut skip = 0usize;
    let mut row = 0u32;
    let mut row_repeat = 1u32;
    let mut col = 0u32;
    let mut row_cells: Vec<(u32, u32, Cell<'static>)> = Vec::new();
    let mut cell: Option<Pending> = None;
    // Depth of text:p / text:h: only their text is cell text (not the indentation between
    // elements of a pretty-printed file).
    let mut in_p = 0usize;
    // Cells gained from repeats so far (see MAX_REPEATED_CELLS).
    let mut repeated = 0u64;
    loop {
        buf.clear();
        let event = xml.read_event_into(&mut buf).map_err(lib)?;
        match event {
            Event::Eof => return Ok(in_sheet),
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.name();
                let name = name.as_ref();
                if !in_sheet {
                    if name == b"table:table"
                        && !empty
                        && attr(e, b"table:name").as_deref() == Some(sheet)
                    {
                        in_sheet = true;
                    }
                    continue;
                }
                if skip > 0 {
                    if !empty {
                        skip += 1;
                    }
                    continue;
                }
                match name {
                    b"table:table" | b"office:annotation" | b"draw:frame" if !empty => skip = 1,
                    b"table:table-row" => {
                        row_repeat = count(e, b"table:number-rows-repeated");
                        col = 0;
                        row_cells.clear();
                        if empty {
                            row = row.saturating_add(row_repeat);
                        }
                    }
                    b"table:table-cell" | b"table:covered-table-cell" => {
                        let repeat = count(e, b"table:number-columns-repeated");
                        let covered = name == b"table:covered-table-cell";
                        if !covered {
                            let span_rows = count(e, b"table:number-rows-spanned");
                            let span_cols = count(e, b"table:number-columns-spanned");
                            if span_rows > 1 || span_cols > 1 {
                                rows.merge(Dimensions::new(
                                    (row, col),
                                    (row + span_rows - 1, col + span_cols - 1),
                                ));
                            }
                        }
                        let pending = Pending {
                            col,
                            repeat,
                            kind: if covered { Kind::Empty } else { value_of(e) },
                            text: String::new(),
                            paragraphs: 0,
                        };
                        col = col.saturating_add(repeat);
                        if empty {
                            finish_cell(pending, &mut row_cells);
                        } else {
                            cell = Some(pending);
                        }
                    }
                    b"text:p" | b"text:h" => {
                        if !empty {
                            in_p += 1;
                        }
                        if let Some(c) = &mut cell {
                            if c.paragraphs > 0 {
                                c.text.push('\n');
                            }
                            c.paragraphs += 1;
                        }
                    }
                    b"text:s" => {
                        if let Some(c) = &mut cell {
                            let n = count(e, b"text:c").min(1000) as usize;
                            c.text.push_str(&" ".repeat(n));
                        }
                    }
                    b"text:tab" => {
                        if let Some(c) = &mut cell {
                            c.text.push('\t');
                        }
                    }
                    b"text:line-break" => {
                        if let Some(c) = &mut cell {
                            c.text.push('\n');
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(ref t) if in_sheet && skip == 0 && in_p > 0 => {
                if let Some(c) = &mut cell {
                    c.text.push_str(&t.xml10_content().map_err(lib)?);
                }
            }
            Event::GeneralRef(ref r) if in_sheet && skip == 0 && in_p > 0 => {
                if let Some(c) = &mut cell {
                    let name = r.decode().map_err(lib)?;
                    let ch = match name.as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => r.resolve_char_ref().ok().flatten(),
                    };
                    if let Some(ch) = ch {
                        c.text.push(ch);
                    }
                }
            }
            Event::End(ref e) => {
                if !in_sheet {
                    continue;
                }
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                match e.name().as_ref() {
                    b"table:table" => return Ok(true),
                    b"text:p" | b"text:h" => in_p = in_p.saturating_sub(1),
                    b"table:table-cell" | b"table:covered-table-cell" => {
                        if let Some(c) = cell.take() {
                            finish_cell(c, &mut row_cells);
                        }
                    }
                    b"table:table-row" => {
                        if !row_cells.is_empty() {
                            // A row repeated with values is that many rows of the same values.
                            let last = row.saturating_add(row_repeat).min(MAX_ROWS);
                            let per_row: u64 = row_cells
                                .iter()
                                .map(|(c0, n, _)| {
                                    u64::from(
                                        c0.saturating_add(*n).min(MAX_COLS).saturating_sub(*c0),
                                    )
                                })
                                .sum();
                            let cells = per_row * u64::from(last.saturating_sub(row));
                            let written = row_cells.len() as u64;
                            repeated += cells.saturating_sub(written);
                            if repeated > MAX_REPEATED_CELLS {
                                return Err(msg::ods_repeats(row as u64 + 1, MAX_REPEATED_CELLS));
                            }
                            for r in row..last {
                                for (c0, n, value) in &row_cells {
                                    for c in *c0..c0.saturating_add(*n).min(MAX_COLS) {
                                        if !rows.push(r, c, value.clone()) {
                                            return Ok(true);
                                        }
                                    }
                                }
                            }
                        }
                        row = row.saturating_add(row_repeat);
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

fn finish_cell(c: Pending, row_cells: &mut Vec<(u32, u32, Cell<'static>)>) {
    let value = match c.kind {
        Kind::Empty => return,
        Kind::Value(v) => v,
        Kind::Text => {
            if c.text.is_empty() {
                return;
            }
            Cell::Text(Cow::Owned(c.text))
        }
        Kind::Error => {
            let t = c.text.trim();
            Cell::Error(if t.is_empty() {
                "#ERROR".into()
            } else {
                t.to_string()
            })
        }
    };
    row_cells.push((c.col, c.repeat, value));
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;
    use crate::study::source::{Flow, Row};

    /// An .ods file holding `body` as its content.xml.
    fn ods(body: &str) -> tempfile::NamedTempFile {
        let file = tempfile::Builder::new().suffix(".ods").tempfile().unwrap();
        let mut zip = zip::ZipWriter::new(file.reopen().unwrap());
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("mimetype", options).unwrap();
        zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .unwrap();
        zip.start_file("content.xml", options).unwrap();
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0">
  <office:body>
    <office:spreadsheet>
      <table:table table:name="Autre"><table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>
      {body}
    </office:spreadsheet>
  </office:body>
</office:document-content>"#
        );
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap();
        file
    }

    fn rows(path: &Path, sheet: &str) -> Vec<(usize, Vec<(String, String)>)> {
        let mut out = Vec::new();
        let mut visit = |row: &dyn Row| {
            let cells = (0..row.len())
                .filter(|&i| !row.cell(i).is_blank())
                .map(|i| {
                    let c = row.cell(i);
                    let shown = match &c {
                        Cell::Error(e) => format!("error {e}"),
                        Cell::Date(..) => format!("date {}", c.to_text()),
                        Cell::Number(_) => format!("number {}", c.to_text()),
                        _ => c.to_text().into_owned(),
                    };
                    (row.cell_name(i).unwrap(), shown)
                })
                .collect();
            out.push((row.number(), cells));
            Flow::Continue
        };
        let mut a = Assembler::new(&mut visit, Vec::new());
        assert!(read(path, sheet, &mut a).unwrap());
        a.flush();
        out
    }

    fn cells(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn reads_what_libreoffice_and_other_programs_write() {
        // Pretty-printed XML; a title merged across; a blank row repeated; a table starting in
        // column B; a district merged down three rows; a comment; repeated values; spaces
        // written as text:s; an error cell; a date; entities; a sub-table that is not data.
        let file = ods(r#"<table:table table:name="Structures">
        <table:table-row>
          <table:table-cell/>
          <table:table-cell table:number-columns-spanned="3" office:value-type="string">
            <text:p>Liste des structures</text:p>
          </table:table-cell>
          <table:covered-table-cell table:number-columns-repeated="2"/>
        </table:table-row>
        <table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
        <table:table-row>
          <table:table-cell/>
          <table:table-cell office:value-type="string"><text:p>district</text:p></table:table-cell>
          <table:table-cell office:value-type="string"><text:p>code</text:p><office:annotation><text:p>note</text:p></office:annotation></table:table-cell>
          <table:table-cell office:value-type="string"><text:p>n</text:p></table:table-cell>
        </table:table-row>
        <table:table-row>
          <table:table-cell/>
          <table:table-cell table:number-rows-spanned="3" office:value-type="string"><text:p>Sikasso</text:p></table:table-cell>
          <table:table-cell office:value-type="string"><text:p>A<text:s text:c="2"/>&amp; B</text:p></table:table-cell>
          <table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>
        </table:table-row>
        <table:table-row table:number-rows-repeated="2">
          <table:table-cell/>
          <table:covered-table-cell/>
          <table:table-cell office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell>
          <table:table-cell office:value-type="date" office:date-value="2023-03-01"><text:p>mars 23</text:p></table:table-cell>
        </table:table-row>
        <table:table-row>
          <table:table-cell table:number-columns-repeated="2"/>
          <table:table-cell><table:table table:name="sub"><table:table-row><table:table-cell office:value-type="string"><text:p>not data</text:p></table:table-cell></table:table-row></table:table></table:table-cell>
          <table:table-cell office:value-type="percentage" office:value="0.05"><text:p>5 %</text:p></table:table-cell>
        </table:table-row>
        <table:table-row table:number-rows-repeated="1048560"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
      </table:table>"#);
        assert_eq!(sheet_names(file.path()).unwrap(), ["Autre", "Structures"]);
        assert_eq!(
            rows(file.path(), "Structures"),
            vec![
                (1, cells(&[("B1", "Liste des structures")])),
                (4, cells(&[("B4", "district"), ("C4", "code"), ("D4", "n")])),
                (
                    5,
                    cells(&[("B5", "Sikasso"), ("C5", "A  & B"), ("D5", "error #DIV/0!")])
                ),
                (
                    6,
                    cells(&[
                        ("B6", "Sikasso"),
                        ("C6", "number 7"),
                        ("D6", "date 2023-03-01")
                    ])
                ),
                (
                    7,
                    cells(&[
                        ("B7", "Sikasso"),
                        ("C7", "number 7"),
                        ("D7", "date 2023-03-01")
                    ])
                ),
                (8, cells(&[("D8", "number 0.05")])),
            ]
        );
    }

    #[test]
    fn a_missing_sheet() {
        let file = ods("");
        let mut visit = |_: &dyn Row| Flow::Continue;
        let mut a = Assembler::new(&mut visit, Vec::new());
        assert!(!read(file.path(), "Structures", &mut a).unwrap());
    }
}
