//! Where rows come from. One trait, [`RowSource`], streams the rows of one table whatever holds
//! it (a CSV file, a workbook sheet); the table parsers above it never know which. Cells come as
//! [`Cell`]s: text from CSV, typed values from workbooks.

use std::borrow::Cow;

use crate::diag::{Location, Problem};
use crate::numbers::DecimalStyle;

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Empty,
    Text(Cow<'a, str>),
    Number(f64),
    Bool(bool),
    /// A date cell of a workbook, as (year, month, day).
    Date(i32, u32, u32),
    /// An error cell of a workbook (`#DIV/0!`, `#N/A`, `#REF!`).
    Error(String),
}

impl Cell<'_> {
    /// True for an empty cell or blank text.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, as a person would read it (numbers without a trailing `.0`).
    pub fn to_text(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(t) => Cow::Borrowed(t.as_ref()),
            Cell::Number(v) => Cow::Owned(crate::numbers::full_precision(*v)),
            Cell::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
            Cell::Date(y, m, d) => Cow::Owned(format!("{y:04}-{m:02}-{d:02}")),
            Cell::Error(e) => Cow::Borrowed(e.as_str()),
        }
    }
}

/// A row handed to a table parser.
pub trait Row {
    /// The row number a spreadsheet program shows (in a CSV file, the line).
    fn number(&self) -> usize;
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn cell(&self, index: usize) -> Cell<'_>;
    /// The spreadsheet cell name (`D17`) of a column in this row, for workbooks.
    fn cell_name(&self, _index: usize) -> Option<String> {
        None
    }
    /// True when every cell is blank.
    fn is_blank(&self) -> bool {
        (0..self.len()).all(|i| self.cell(i).is_blank())
    }
    /// What the chunked CSV reader already parsed of a clean long-form workload row.
    fn pre(&self) -> Option<super::fast::Pre> {
        None
    }
    /// The chunked CSV reader offers, with the first row of a chunk it could sum up, the whole
    /// chunk ([`super::fast::ChunkRows`]): a reader that takes it is not given the other rows.
    fn chunk(&self) -> Option<&dyn super::fast::ChunkRows> {
        None
    }
}

/// Whether the reader should go on.
pub enum Flow {
    Continue,
    Stop,
}

/// The rows of one table, streamed.
pub trait RowSource {
    /// Where the table is (file, sheet), for messages.
    fn location(&self) -> Location;
    /// How numbers stored as text are written in this source.
    fn decimal_style(&self) -> DecimalStyle;
    /// Calls `visit` with each row in order, until it says stop or the rows end. A problem in
    /// the file itself (unreadable, not the format it claims) ends the reading with an error.
    fn for_each_row(&mut self, visit: &mut dyn FnMut(&dyn Row) -> Flow) -> Result<(), Problem>;
    /// Problems met while reading that are not fatal (an encoding fallback, say).
    fn take_notes(&mut self) -> Vec<Problem> {
        Vec::new()
    }
    /// True for delimited text (CSV): a data row must then have as many fields as the header
    /// (study-format §4), which a workbook row always has.
    fn delimited(&self) -> bool {
        false
    }
    /// Asks for the chunked parallel reader (CSV text only; others ignore it): the workload
    /// parser fills `layout` when it has read a long-form header.
    fn use_fast_reader(&mut self, _layout: super::fast::LayoutSlot) {}
    /// Starts reading and parsing the first chunks of a long-form workload table on another
    /// thread, while the caller reads other tables (CSV text of some size only; others ignore
    /// it). `guess` gives the layout of a first line (the header), or `None` (then nothing is
    /// read ahead). The rows are visited by `for_each_row` as usual.
    fn start_early(&mut self, _threads: usize, _guess: EarlyGuess) {}
}

/// The layout of a workload table from its first line's cells and decimal style (`None`: not a
/// long-form header).
pub type EarlyGuess = fn(&[&str], DecimalStyle) -> Option<super::fast::Layout>;
