//! Reading one table: finding its header row, resolving its columns by name and alias, and
//! turning cells into typed values with located problems. Every table parser goes through here,
//! so header rules (title rows above the header, duplicated headers, missing columns) and the
//! wording of bad-value messages are decided once.

use crate::diag::Code;
use crate::diag::Reported;
use std::collections::HashMap;

use super::schema::TableDef;
use super::source::{Cell, Flow, Row, RowSource};
use crate::diag::{Diagnostics, Location, Msg, Problem};
use crate::messages::study as msg;
use crate::names::normalise;
use crate::numbers::{parse_number, DecimalStyle};

/// The resolved header of a table.
#[derive(Debug, Clone)]
pub struct Header {
    /// Canonical column name → index.
    pub columns: HashMap<&'static str, usize>,
    /// The header text of each column as written.
    pub names: Vec<String>,
    /// Normalised header of each column.
    pub normalised: Vec<String>,
    /// The header's row number.
    pub row: usize,
}

impl Header {
    pub fn get(&self, name: &str) -> Option<usize> {
        self.columns.get(name).copied()
    }
    pub fn has(&self, name: &str) -> bool {
        self.columns.contains_key(name)
    }
    /// Columns that are not known columns of the table (and not blank).
    pub fn unknown_columns(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.names.len())
            .filter(|i| !self.normalised[*i].is_empty() && !self.columns.values().any(|c| c == i))
    }
}

/// Everything a parser needs to read cells of a table and report problems at their place.
pub struct Fields {
    pub header: Header,
    pub location: Location,
    pub style: DecimalStyle,
}

impl Fields {
    /// The location of a column in a row.
    pub fn at(&self, row: &dyn Row, col: usize) -> Location {
        let mut l = self.location.clone();
        l.row = Some(row.number());
        l.column = self.header.names.get(col).cloned();
        l.cell = row.cell_name(col);
        l
    }

    /// The location of a row.
    pub fn at_row(&self, row: &dyn Row) -> Location {
        let mut l = self.location.clone();
        l.row = Some(row.number());
        l
    }

    /// Trimmed text of a column (`None` when the column is absent or the cell blank). Error
    /// cells are reported and read as blank.
    pub fn text(&self, row: &dyn Row, name: &str, diag: &mut Diagnostics) -> Option<String> {
        let col = self.header.get(name)?;
        self.text_at(row, col, diag)
    }

    pub fn text_at(&self, row: &dyn Row, col: usize, diag: &mut Diagnostics) -> Option<String> {
        let cell = row.cell(col);
        if let Cell::Error(e) = &cell {
            diag.error(error_cell(self.at(row, col), e));
            return None;
        }
        let text = cell.to_text();
        let trimmed = trim_cell(&text);
        (!trimmed.is_empty()).then(|| trimmed.to_string())
    }

    /// [`Fields::text`] into a buffer the caller reuses (no allocation a row on the big tables):
    /// false (and `buf` empty) when the column is absent or the cell blank or an error cell
    /// (reported, as by `text`).
    pub fn text_into(
        &self,
        row: &dyn Row,
        name: &str,
        diag: &mut Diagnostics,
        buf: &mut String,
    ) -> bool {
        buf.clear();
        let Some(col) = self.header.get(name) else {
            return false;
        };
        self.text_into_at(row, col, diag, buf)
    }

    /// [`Fields::text_into`] of a column found once for the whole table.
    pub fn text_into_at(
        &self,
        row: &dyn Row,
        col: usize,
        diag: &mut Diagnostics,
        buf: &mut String,
    ) -> bool {
        buf.clear();
        let cell = row.cell(col);
        if let Cell::Error(e) = &cell {
            diag.error(error_cell(self.at(row, col), e));
            return false;
        }
        let text = cell.to_text();
        buf.push_str(trim_cell(&text));
        !buf.is_empty()
    }

    /// A number in a column: `Ok(None)` when blank or the column is absent, `Err(Reported)` when the
    /// cell is bad (the problem is already in `diag`).
    pub fn number(
        &self,
        row: &dyn Row,
        name: &str,
        diag: &mut Diagnostics,
    ) -> Result<Option<f64>, Reported> {
        match self.header.get(name) {
            Some(col) => self.number_at(row, col, diag),
            None => Ok(None),
        }
    }

    pub fn number_at(
        &self,
        row: &dyn Row,
        col: usize,
        diag: &mut Diagnostics,
    ) -> Result<Option<f64>, Reported> {
        match row.cell(col) {
            Cell::Empty => Ok(None),
            Cell::Number(v) if v.is_finite() => Ok(Some(v)),
            Cell::Number(v) => {
                diag.error(bad_number(
                    self.at(row, col),
                    &v.to_string(),
                    msg::not_a_finite_number(),
                    msg::write_a_finite_number(),
                ));
                Err(Reported)
            }
            Cell::Text(t) => match parse_number(&t, self.style) {
                Ok(v) => Ok(v),
                Err(p) => {
                    let (what, hint) = msg::number_problem(&p);
                    diag.error(bad_number(self.at(row, col), &t, what, hint));
                    Err(Reported)
                }
            },
            Cell::Error(e) => {
                diag.error(error_cell(self.at(row, col), &e));
                Err(Reported)
            }
            other => {
                diag.error(bad_number(
                    self.at(row, col),
                    &other.to_text(),
                    msg::not_a_number(),
                    msg::write_a_number(),
                ));
                Err(Reported)
            }
        }
    }

    /// A number that may not be negative.
    pub fn non_negative(
        &self,
        row: &dyn Row,
        name: &str,
        diag: &mut Diagnostics,
    ) -> Result<Option<f64>, Reported> {
        match self.header.get(name) {
            Some(col) => self.non_negative_at(row, col, diag),
            None => Ok(None),
        }
    }

    /// [`Fields::non_negative`] of a column found once for the whole table.
    pub fn non_negative_at(
        &self,
        row: &dyn Row,
        col: usize,
        diag: &mut Diagnostics,
    ) -> Result<Option<f64>, Reported> {
        let v = self.number_at(row, col, diag)?;
        if let Some(v) = v {
            if v < 0.0 {
                diag.error(
                    Problem::error(Code::Negative, msg::negative())
                        .at(self.at(row, col))
                        .value(crate::numbers::full_precision(v))
                        .hint(msg::negative_hint()),
                );
                return Err(Reported);
            }
        }
        Ok(v)
    }
}

/// A cell's text without the spaces (and byte-order mark) around it.
fn trim_cell(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

pub fn bad_number(at: Location, value: &str, what: Msg, hint: Msg) -> Problem {
    Problem::error(Code::BadNumber, what)
        .at(at)
        .value(value)
        .hint(hint)
}

pub fn error_cell(at: Location, error: &str) -> Problem {
    Problem::error(Code::ErrorCell, msg::error_cell())
        .at(at)
        .value(error)
        .hint(msg::error_cell_hint())
}

/// How many cells of a row name known columns of the table.
fn known_cells(row: &dyn Row, def: &TableDef) -> (usize, usize) {
    let mut known = 0;
    let mut non_blank = 0;
    for i in 0..row.len() {
        let cell = row.cell(i);
        if cell.is_blank() {
            continue;
        }
        non_blank += 1;
        let n = normalise(&cell.to_text());
        if def.columns.iter().any(|c| c.matches(&n)) {
            known += 1;
        }
    }
    (known, non_blank)
}

/// Resolves a header row: every cell that names a known column (by name or alias, normalised).
/// A column named twice is an error.
pub fn resolve_header(
    row: &dyn Row,
    def: &TableDef,
    location: &Location,
    diag: &mut Diagnostics,
) -> Header {
    let mut columns: HashMap<&'static str, usize> = HashMap::new();
    let mut names: Vec<String> = Vec::with_capacity(row.len());
    let mut normalised = Vec::with_capacity(row.len());
    for i in 0..row.len() {
        let text = row.cell(i).to_text().trim().to_string();
        let n = normalise(&text);
        if let Some(col) = def.columns.iter().find(|c| c.matches(&n)) {
            if let Some(&first) = columns.get(col.name) {
                let mut at = location.clone();
                at.row = Some(row.number());
                at.column = Some(text.clone());
                at.cell = row.cell_name(i);
                diag.error(
                    Problem::error(
                        Code::DuplicateHeader,
                        msg::duplicate_header(col.name, &names[first]),
                    )
                    .at(at)
                    .hint(msg::duplicate_header_hint()),
                );
            } else {
                columns.insert(col.name, i);
            }
        }
        names.push(text);
        normalised.push(n);
    }
    Header {
        columns,
        names,
        normalised,
        row: row.number(),
    }
}

/// Reads a table: skips blank rows and title rows above the header, resolves the header, then
/// calls `on_row` with each non-blank data row. Returns `None` (with a problem in `diag`) when no
/// header row is found or the file cannot be read.
pub fn read_table<F>(
    source: &mut dyn RowSource,
    def: &TableDef,
    diag: &mut Diagnostics,
    mut on_header: impl FnMut(&Header, &Fields, &mut Diagnostics) -> bool,
    mut on_row: F,
) -> Option<Header>
where
    F: FnMut(&Fields, &dyn Row, &mut Diagnostics),
{
    let location = source.location();
    let style = source.decimal_style();
    let delimited = source.delimited();
    let first_problem = diag.problems.len();
    let mut fields: Option<Fields> = None;
    let mut proceed = true;
    let mut scanned = 0usize;
    let mut example_col: Option<usize> = None;
    let mut width = 0usize;
    let mut examples: Vec<usize> = Vec::new();
    let mut example_count = 0usize;
    let result = source.for_each_row(&mut |row: &dyn Row| {
        if let Some(f) = &fields {
            if let Some(chunk) = row.chunk() {
                // A chunk summed up by the chunked reader: the workload parser may take it whole
                // when each of its rows would pass here without a word (as many fields as the
                // header, no example column); else its rows come one by one.
                if example_col.is_some() || (delimited && chunk.summary().fields as usize != width)
                {
                    chunk.refuse();
                } else {
                    on_row(f, row, diag);
                    if chunk.taken() {
                        crate::progress::rows_read_add(chunk.summary().rows as u64);
                        return Flow::Continue;
                    }
                    // Not taken: `on_row` read the first row as any other.
                    crate::progress::row_read();
                    return Flow::Continue;
                }
            }
            if !row.is_blank() {
                if delimited && !field_count_ok(f, row, width, diag) {
                    return Flow::Continue;
                }
                if example_col.is_some_and(|c| !row.cell(c).is_blank()) {
                    example_count += 1;
                    if examples.len() < 10 {
                        examples.push(row.number());
                    }
                    return Flow::Continue;
                }
                on_row(f, row, diag);
                crate::progress::row_read();
            }
            return Flow::Continue;
        }
        if row.is_blank() {
            return Flow::Continue;
        }
        scanned += 1;
        let (known, non_blank) = known_cells(row, def);
        if known >= 2 || (known >= 1 && non_blank >= 2) {
            let header = resolve_header(row, def, &location, diag);
            width = header
                .names
                .iter()
                .rposition(|n| !n.is_empty())
                .map_or(0, |i| i + 1);
            example_col = header
                .normalised
                .iter()
                .position(|n| super::schema::EXAMPLE_COLUMNS.contains(&n.as_str()));
            let f = Fields {
                header,
                location: location.clone(),
                style,
            };
            proceed = on_header(&f.header, &f, diag);
            fields = Some(f);
            if !proceed {
                return Flow::Stop;
            }
        } else if scanned > 50 {
            return Flow::Stop;
        }
        Flow::Continue
    });
    for n in source.take_notes() {
        diag.push(n);
    }
    if !examples.is_empty() {
        let rows: Vec<String> = examples.iter().map(|r| r.to_string()).collect();
        diag.warn(
            Problem::warning(
                Code::ExampleRows,
                msg::example_rows(
                    example_count,
                    &rows.join(", "),
                    if example_count > 10 { ", …" } else { "" },
                ),
            )
            .at(location.clone())
            .hint(msg::example_rows_hint()),
        );
    }
    if let Err(problem) = result {
        // What the reader said about rows at or after the place the file broke follows from
        // the break (an unclosed quote makes one long row): only the break is reported.
        if let Some(line) = problem.location.as_ref().and_then(|l| l.row) {
            let mut k = 0;
            diag.problems.retain(|p| {
                k += 1;
                k <= first_problem
                    || p.location.as_ref().map_or(true, |l| {
                        l.file != location.file || l.row.map_or(true, |r| r < line)
                    })
            });
        }
        diag.error(problem);
        return None;
    }
    if fields.is_none() {
        let expected: Vec<&str> = def.columns.iter().map(|c| c.name).collect();
        diag.error(
            Problem::error(Code::NoHeader, msg::no_header(def.name))
                .at(location)
                .hint(msg::no_header_hint(&expected.join(", "))),
        );
    }
    if !proceed {
        return None;
    }
    fields.map(|f| f.header)
}

/// A CSV data row must have as many fields as the header (study-format §4): a row with one
/// field too many (`…,2024-03,1,200`) or too few would put values under the wrong columns.
/// Trailing empty fields (Excel pads rows to the widest line) are not counted.
fn field_count_ok(f: &Fields, row: &dyn Row, width: usize, diag: &mut Diagnostics) -> bool {
    if row.len() == width {
        return true;
    }
    let used = (0..row.len())
        .rev()
        .find(|&i| !row.cell(i).is_blank())
        .map_or(0, |i| i + 1);
    if used <= width && row.len() >= width {
        return true;
    }
    let (what, hint) = if used > width {
        (
            msg::field_count(used, f.header.row, width),
            msg::field_count_extra_hint(),
        )
    } else {
        (
            msg::field_count(row.len(), f.header.row, width),
            msg::field_count_missing_hint(),
        )
    };
    diag.error(
        Problem::error(Code::FieldCount, what)
            .at(f.at_row(row))
            .hint(hint),
    );
    false
}

/// Reports required columns that the header lacks. Returns false when any is missing.
pub fn require_columns(
    header: &Header,
    fields: &Fields,
    def: &TableDef,
    required: &[&str],
    diag: &mut Diagnostics,
) -> bool {
    let mut ok = true;
    for name in required {
        if !header.has(name) {
            ok = false;
            let col = def.column(name);
            let mut at = fields.location.clone();
            at.row = Some(header.row);
            let aliases = if col.aliases.is_empty() {
                Msg::default()
            } else {
                msg::column_aliases(&col.aliases.join(", "))
            };
            diag.error(
                Problem::error(
                    Code::MissingColumn,
                    msg::missing_column(
                        name,
                        &aliases,
                        &header
                            .names
                            .iter()
                            .filter(|n| !n.is_empty())
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                )
                .at(at)
                .hint(msg::missing_column_hint(name)),
            );
        }
    }
    ok
}
