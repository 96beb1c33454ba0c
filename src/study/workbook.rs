//! Workbooks (.xlsx .xlsm .xls .xlsb .ods) through calamine: one sheet is one table.
//!
//! What a row handed to the table parsers looks like (study-format §3):
//! - cells are typed as the workbook stores them: numbers, text, booleans, dates (a date cell is
//!   `Cell::Date`, so a period column of real Excel dates reads as months), error cells
//!   (`#DIV/0!`, `#N/A`, `#REF!`: reported with their cell by the parsers);
//! - formula cells give the result the spreadsheet program saved with the file;
//! - row numbers and cell names (`D17`) are the ones the spreadsheet program shows, whatever the
//!   first used row or column of the sheet;
//! - merged cells are filled **down** from their top-left value (a district merged over a block
//!   of facilities), not across (a title merged over the width of the table stays one cell); a
//!   row that holds nothing but a merged value stays blank;
//! - .xlsx/.xlsm and .xlsb sheets are streamed cell by cell, so a sheet whose declared range is
//!   absurd (`<dimension ref="A1:Z1048576">`, a formatted cell at row 1,048,576) costs memory in
//!   proportion to one row, not to its declared size. .xls and .ods sheets are read whole by
//!   calamine (.xls is bounded by 65,536 × 256 cells).
//!
//! The kind of workbook is decided by the file's content, not its name: a CSV file or an HTML
//! page saved with an .xlsx/.xls name is an error that says what the file really is.

use crate::diag::Code;
use std::borrow::Cow;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use calamine::{DataRef, Dimensions, Reader};

mod ods;
mod xls_check;
mod zip_check;

use super::source::{Cell, Flow, Row, RowSource};
use crate::diag::{Location, Msg, Problem};
use crate::messages::reader::verbatim;
use crate::messages::workbook as msg;
use crate::names::normalise;
use crate::numbers::DecimalStyle;

/// What a workbook file really is, from its first bytes (and, for zip files, their entries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

/// The sheet names of a workbook, in order.
pub fn sheet_names(path: &Path) -> Result<Vec<String>, Problem> {
    let display = path.display().to_string();
    let mut book = Book::open(path, &display)?;
    Ok(book.sheet_names())
}

/// Decides the kind of a workbook by its content; a file that is not a workbook is a located
/// error saying what it looks like.
pub fn sniff(path: &Path, display: &str) -> Result<Kind, Problem> {
    let mut head = [0u8; 512];
    let n = File::open(path)
        .and_then(|mut f| read_up_to(&mut f, &mut head))
        .map_err(|e| {
            Problem::error(Code::CannotOpen, msg::cannot_be_opened(&e.to_string()))
                .at(Location::file(display))
                .hint(msg::cannot_be_opened_hint())
        })?;
    let head = &head[..n];
    if head.is_empty() {
        return Err(not_a_workbook(display, &msg::empty_file()).hint(msg::empty_file_hint()));
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Ok(Kind::Xls);
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return zip_kind(path, display);
    }
    let text = String::from_utf8_lossy(head);
    let trimmed = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let lower = trimmed.to_ascii_lowercase();
    if lower.starts_with('<') {
        let what = if lower.contains("<html")
            || lower.starts_with("<!doctype")
            || lower.contains("<table")
        {
            msg::html_page()
        } else {
            msg::xml_text()
        };
        return Err(not_a_workbook(display, &what).hint(msg::markup_hint()));
    }
    let printable = head
        .iter()
        .filter(|&&b| b == b'\n' || b == b'\r' || b == b'\t' || b >= 0x20)
        .count();
    if printable * 10 >= head.len() * 9 {
        return Err(not_a_workbook(display, &msg::text_file()).hint(msg::text_file_hint()));
    }
    Err(not_a_workbook(display, &msg::unknown_kind()).hint(msg::not_a_workbook_hint()))
}

fn read_up_to(f: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

fn zip_kind(path: &Path, display: &str) -> Result<Kind, Problem> {
    let damaged = |why: Msg| {
        not_a_workbook(display, &msg::damaged_or_incomplete(&why))
            .hint(msg::damaged_or_incomplete_hint())
    };
    let file = File::open(path).map_err(|e| damaged(lib(e)))?;
    let mut archive = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| damaged(lib(e)))?;
    let has = |name: &str| archive.file_names().any(|n| n == name);
    let kind = if has("xl/workbook.xml") {
        Some(Kind::Xlsx)
    } else if has("xl/workbook.bin") {
        Some(Kind::Xlsb)
    } else if has("content.xml") {
        Some(Kind::Ods)
    } else {
        None
    };
    if let Some(kind) = kind {
        if !already_checked(path) {
            zip_check::check(&mut archive, kind == Kind::Xlsx).map_err(damaged)?;
            remember_checked(path);
        }
        Ok(kind)
    } else if has("word/document.xml") {
        Err(not_a_workbook(display, &msg::word_document()).hint(msg::word_document_hint()))
    } else {
        Err(not_a_workbook(display, &msg::other_zip()).hint(msg::other_zip_hint()))
    }
}

/// Workbooks already checked by [`zip_check`] in this run (by path, size and modification time):
/// the check decompresses the whole file, and each table of a study opens the workbook again.
static CHECKED: std::sync::Mutex<Vec<(PathBuf, u64, Option<std::time::SystemTime>)>> =
    std::sync::Mutex::new(Vec::new());

fn identity(path: &Path) -> Option<(PathBuf, u64, Option<std::time::SystemTime>)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((path.to_path_buf(), meta.len(), meta.modified().ok()))
}

fn already_checked(path: &Path) -> bool {
    let Some(id) = identity(path) else {
        return false;
    };
    CHECKED.lock().is_ok_and(|c| c.contains(&id))
}

/// Forgets the workbooks already checked (for a harness that rewrites one file many times a
/// second, faster than modification times change).
pub fn forget_checked() {
    if let Ok(mut c) = CHECKED.lock() {
        c.clear();
    }
}

fn remember_checked(path: &Path) {
    if let (Some(id), Ok(mut c)) = (identity(path), CHECKED.lock()) {
        if c.len() > 64 {
            c.clear();
        }
        c.push(id);
    }
}

fn not_a_workbook(display: &str, why: &Msg) -> Problem {
    Problem::error(Code::BadWorkbook, msg::not_a_workbook(why))
        .at(Location::file(display))
        .hint(msg::not_a_workbook_hint())
}

type Buffered = BufReader<File>;

/// An open workbook of any kind.
enum Book {
    Xlsx(calamine::Xlsx<Buffered>),
    Xlsb(calamine::Xlsb<Buffered>),
    Xls(calamine::Xls<Buffered>),
    /// Read by [`ods`], not calamine (see there why).
    Ods(PathBuf),
}

impl Book {
    fn open(path: &Path, display: &str) -> Result<Book, Problem> {
        let kind = sniff(path, display)?;
        let failed = |e: Msg| {
            let lower = e.en().to_ascii_lowercase();
            if lower.contains("password") || lower.contains("encrypt") {
                not_a_workbook(display, &msg::password()).hint(msg::password_hint())
            } else {
                not_a_workbook(display, &msg::damaged(&e)).hint(msg::not_a_workbook_hint())
            }
        };
        if kind == Kind::Xls {
            let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
            if size > xls_check::MAX_XLS_BYTES {
                return Err(not_a_workbook(
                    display,
                    &msg::xls_too_large(xls_check::MAX_XLS_BYTES >> 20),
                )
                .hint(msg::xls_too_large_hint()));
            }
            let checked = std::fs::read(path)
                .map_err(lib)
                .and_then(|bytes| xls_check::check(&bytes));
            if let Err(e) = checked {
                if holds_encrypted_package(path) {
                    return Err(failed(msg::password()));
                }
                return Err(failed(e));
            }
        }
        let book = guard(|| match kind {
            Kind::Xlsx => calamine::open_workbook::<calamine::Xlsx<_>, _>(path)
                .map(Book::Xlsx)
                .map_err(lib),
            Kind::Xlsb => calamine::open_workbook::<calamine::Xlsb<_>, _>(path)
                .map(Book::Xlsb)
                .map_err(lib),
            Kind::Xls => calamine::open_workbook::<calamine::Xls<_>, _>(path)
                .map(Book::Xls)
                .map_err(lib),
            Kind::Ods => ods::sheet_names(path).map(|_| Book::Ods(path.to_path_buf())),
        });
        match book {
            Ok(Ok(b)) => Ok(b),
            Ok(Err(e)) | Err(e) => {
                // An .xlsx saved with a password is an OLE container holding an
                // "EncryptedPackage" stream, so it looks like an .xls that fails to open.
                if kind == Kind::Xls && holds_encrypted_package(path) {
                    return Err(failed(msg::password()));
                }
                Err(failed(e))
            }
        }
    }

    fn sheet_names(&mut self) -> Vec<String> {
        match self {
            Book::Xlsx(b) => b.sheet_names(),
            Book::Xlsb(b) => b.sheet_names(),
            Book::Xls(b) => b.sheet_names(),
            Book::Ods(path) => ods::sheet_names(path).unwrap_or_default(),
        }
    }
}

/// True when an OLE file holds the stream of an encrypted Office document.
fn holds_encrypted_package(path: &Path) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    std::fs::read(path).is_ok_and(|bytes| bytes.windows(name.len()).any(|w| w == name))
}

/// How many panics [`guard`] caught (the fuzz harness counts them as findings: the aim is that
/// the checks before calamine leave it nothing to catch).
pub static GUARDED_PANICS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

thread_local! {
    /// How deep this thread is in [`guard`]: a panic there is reported as a located error, so the
    /// panic hook stays quiet.
    static GUARDED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Installs (once) a panic hook that says nothing for panics caught by [`guard`] and defers to
/// the previous hook for the others.
fn quiet_panics_in_guard() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if GUARDED.with(|g| g.get()) == 0 {
                previous(info);
            }
        }));
    });
}

/// Runs calamine code, turning a panic on a malformed file into an error message: a damaged
/// workbook must be a located error, never a crash.
fn guard<T>(f: impl FnOnce() -> T) -> Result<T, Msg> {
    quiet_panics_in_guard();
    GUARDED.with(|g| g.set(g.get() + 1));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(g.get() - 1));
    if result.is_err() {
        GUARDED_PANICS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .map(verbatim)
            .unwrap_or_else(msg::reader_stopped)
    })
}

/// A library's error (calamine, zip, std), shown as it is inside a message of the catalogue.
fn lib(e: impl ToString) -> Msg {
    verbatim(e.to_string())
}

/// A1-style name of a cell from 0-based row and column.
pub fn cell_name(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), row as u64 + 1)
}

/// Column letters (`A`, `Z`, `AA`, `XFD`) of a 0-based column.
pub fn column_letters(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        letters.push(b'A' + r);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// A cell value of calamine as a [`Cell`].
fn convert(value: DataRef<'_>) -> Cell<'static> {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::Int(i) => Cell::Number(i as f64),
        DataRef::Float(f) => Cell::Number(f),
        DataRef::String(s) => Cell::Text(Cow::Owned(s)),
        DataRef::SharedString(s) => Cell::Text(Cow::Owned(s.to_string())),
        DataRef::Bool(b) => Cell::Bool(b),
        DataRef::DateTime(dt) => {
            if dt.is_duration() {
                Cell::Number(dt.as_f64())
            } else {
                let (y, m, d, ..) = dt.to_ymd_hms_milli();
                Cell::Date(i32::from(y), u32::from(m), u32::from(d))
            }
        }
        DataRef::DateTimeIso(s) => iso_date(&s).unwrap_or(Cell::Text(Cow::Owned(s))),
        DataRef::DurationIso(s) => Cell::Text(Cow::Owned(s)),
        DataRef::Error(e) => Cell::Error(e.to_string()),
    }
}

fn convert_owned(value: &calamine::Data) -> Cell<'static> {
    use calamine::Data;
    match value {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) => Cell::Text(Cow::Owned(s.clone())),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => convert(DataRef::DateTime(*dt)),
        Data::DateTimeIso(s) => iso_date(s).unwrap_or_else(|| Cell::Text(Cow::Owned(s.clone()))),
        Data::DurationIso(s) => Cell::Text(Cow::Owned(s.clone())),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// `2023-01-15` or `2023-01-15T00:00:00` as a date cell.
fn iso_date(s: &str) -> Option<Cell<'static>> {
    let date = s.get(..10)?;
    let b = date.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i32 = date[..4].parse().ok()?;
    let m: u32 = date[5..7].parse().ok()?;
    let d: u32 = date[8..10].parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(Cell::Date(y, m, d))
}

/// One row of a sheet: its non-empty cells, sparse, in column order.
struct SheetRow {
    /// 0-based row index.
    row: u32,
    cells: Vec<(u32, Cell<'static>)>,
}

impl SheetRow {
    fn get(&self, col: u32) -> Option<&Cell<'static>> {
        self.cells
            .binary_search_by_key(&col, |(c, _)| *c)
            .ok()
            .map(|i| &self.cells[i].1)
    }
}

impl Row for SheetRow {
    fn number(&self) -> usize {
        self.row as usize + 1
    }
    fn len(&self) -> usize {
        self.cells.last().map(|(c, _)| *c as usize + 1).unwrap_or(0)
    }
    fn cell(&self, index: usize) -> Cell<'_> {
        let Ok(col) = u32::try_from(index) else {
            return Cell::Empty;
        };
        match self.get(col) {
            None => Cell::Empty,
            Some(Cell::Text(t)) => Cell::Text(Cow::Borrowed(t.as_ref())),
            Some(other) => other.clone(),
        }
    }
    fn cell_name(&self, index: usize) -> Option<String> {
        u32::try_from(index).ok().map(|c| cell_name(self.row, c))
    }
    fn is_blank(&self) -> bool {
        self.cells.iter().all(|(_, c)| c.is_blank())
    }
}

/// Merged regions of a sheet and the values their top-left cells hold.
struct Merges {
    /// Regions sorted by first row.
    pending: Vec<Dimensions>,
    next: usize,
    /// Regions that cover the current row or lie ahead, with their top-left value once seen.
    active: Vec<(Dimensions, Option<Cell<'static>>)>,
}

impl Merges {
    fn new(mut regions: Vec<Dimensions>) -> Self {
        // Only regions taller than one row are filled (down, in their first column).
        regions.retain(|d| d.end.0 > d.start.0);
        regions.sort_by_key(|d| (d.start.0, d.start.1));
        Merges {
            pending: regions,
            next: 0,
            active: Vec::new(),
        }
    }

    /// Called before the cells of `row` arrive: regions starting at or above it become active,
    /// regions that ended above it are dropped.
    fn enter_row(&mut self, row: u32) {
        self.active.retain(|(d, _)| d.end.0 >= row);
        while self.next < self.pending.len() && self.pending[self.next].start.0 <= row {
            let d = self.pending[self.next];
            self.next += 1;
            if d.end.0 >= row {
                self.active.push((d, None));
            }
        }
    }

    /// Remembers the value of a top-left cell.
    fn see(&mut self, row: u32, col: u32, cell: &Cell<'static>) {
        for (d, value) in &mut self.active {
            if d.start == (row, col) {
                *value = Some(cell.clone());
            }
        }
    }

    /// Fills the covered cells of a row (below the top-left, first column) that are blank.
    fn fill(&self, row: &mut SheetRow) {
        if self.active.is_empty() || row.is_blank() {
            return;
        }
        for (d, value) in &self.active {
            let Some(value) = value else { continue };
            if row.row <= d.start.0 || row.row > d.end.0 {
                continue;
            }
            let col = d.start.1;
            match row.cells.binary_search_by_key(&col, |(c, _)| *c) {
                Ok(i) => {
                    if row.cells[i].1.is_blank() {
                        row.cells[i].1 = value.clone();
                    }
                }
                Err(i) => row.cells.insert(i, (col, value.clone())),
            }
        }
    }
}

/// Assembles cells, which arrive in row order, into rows and hands them to the visitor.
struct Assembler<'v> {
    visit: &'v mut dyn FnMut(&dyn Row) -> Flow,
    merges: Merges,
    current: Option<SheetRow>,
    stopped: bool,
}

impl<'v> Assembler<'v> {
    fn new(visit: &'v mut dyn FnMut(&dyn Row) -> Flow, merges: Vec<Dimensions>) -> Self {
        Assembler {
            visit,
            merges: Merges::new(merges),
            current: None,
            stopped: false,
        }
    }

    /// Adds a cell; returns false once the visitor has asked to stop.
    fn push(&mut self, row: u32, col: u32, cell: Cell<'static>) -> bool {
        if self.stopped {
            return false;
        }
        let new_row = self.current.as_ref().map_or(true, |r| r.row != row);
        if new_row {
            self.flush();
            if self.stopped {
                return false;
            }
            self.merges.enter_row(row);
            self.current = Some(SheetRow {
                row,
                cells: Vec::new(),
            });
        }
        if matches!(cell, Cell::Empty) {
            return true;
        }
        self.merges.see(row, col, &cell);
        let current = self.current.as_mut().expect("a current row");
        match current.cells.last() {
            Some((last, _)) if *last >= col => {
                // Out of order (not written by Excel or LibreOffice, but allowed): keep sorted.
                match current.cells.binary_search_by_key(&col, |(c, _)| *c) {
                    Ok(i) => current.cells[i].1 = cell,
                    Err(i) => current.cells.insert(i, (col, cell)),
                }
            }
            _ => current.cells.push((col, cell)),
        }
        true
    }

    /// A merged region met while reading (its top-left cell comes next).
    fn merge(&mut self, region: Dimensions) {
        if region.end.0 > region.start.0 {
            self.merges.active.push((region, None));
        }
    }

    fn flush(&mut self) {
        if let Some(mut row) = self.current.take() {
            if self.stopped || row.cells.is_empty() {
                return;
            }
            self.merges.fill(&mut row);
            if let Flow::Stop = (self.visit)(&row) {
                self.stopped = true;
            }
        }
    }
}

/// One sheet of a workbook.
pub struct WorkbookSource {
    path: PathBuf,
    display: String,
    sheet: String,
    /// Formula cells read without a saved result: (row, column, formula), 0-based.
    unsaved: std::cell::RefCell<Vec<(u32, u32, String)>>,
}

/// How many blank cells of one sheet are remembered to be checked for a formula without a saved
/// result (beyond it, the check covers the first ones only).
const BLANK_CELLS_CHECKED: usize = 100_000;

impl WorkbookSource {
    pub fn new(path: &Path, display: String, sheet: String) -> Self {
        WorkbookSource {
            path: path.to_path_buf(),
            display,
            sheet,
            unsaved: Default::default(),
        }
    }

    fn file_location(&self) -> Location {
        Location::file(&self.display)
    }

    /// The sheet's name as the workbook spells it: exact, else the same name normalised.
    fn resolve_sheet(&self, names: &[String]) -> Result<String, Problem> {
        if let Some(n) = names.iter().find(|n| **n == self.sheet) {
            return Ok(n.clone());
        }
        let wanted = normalise(&self.sheet);
        if let Some(n) = names.iter().find(|n| normalise(n) == wanted) {
            return Ok(n.clone());
        }
        let list = names
            .iter()
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let hint = match crate::names::closest(
            &wanted,
            names
                .iter()
                .map(|n| normalise(n))
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str),
        ) {
            Some(k) => {
                let name = names
                    .iter()
                    .find(|n| normalise(n) == k)
                    .cloned()
                    .unwrap_or_default();
                msg::sheet_guess(&name)
            }
            None => msg::sheet_hint(),
        };
        let what = if self.sheet.is_empty() {
            msg::no_sheet()
        } else {
            msg::no_sheet_named(&self.sheet, &list)
        };
        Err(Problem::error(Code::NoSheet, what)
            .at(self.file_location())
            .hint(hint))
    }

    fn read(
        &self,
        book: &mut Book,
        sheet: &str,
        visit: &mut dyn FnMut(&dyn Row) -> Flow,
    ) -> Result<(), Msg> {
        match book {
            Book::Xlsx(b) => {
                let merges = match b.worksheet_merge_cells(sheet) {
                    Some(Ok(m)) => m,
                    Some(Err(e)) => return Err(lib(e)),
                    None => Vec::new(),
                };
                let mut rows = Assembler::new(visit, merges);
                let mut reader = match b.worksheet_cells_reader(sheet) {
                    Ok(r) => r,
                    Err(calamine::XlsxError::NotAWorksheet(typ)) => {
                        return Err(msg::not_a_worksheet(&typ.to_string()))
                    }
                    Err(e) => return Err(lib(e)),
                };
                // A formula cell without a saved result (a workbook written by a script and
                // never opened in a spreadsheet program) reads as blank: such cells are found
                // after the rows, by a second pass over the formulas, only when blanks were met.
                let mut blanks: Vec<(u32, u32)> = Vec::new();
                while let Some(cell) = reader.next_cell().map_err(lib)? {
                    let (r, c) = cell.get_position();
                    let value = convert(cell.get_value().clone());
                    if matches!(value, Cell::Empty) && blanks.len() < BLANK_CELLS_CHECKED {
                        blanks.push((r, c));
                    }
                    if !rows.push(r, c, value) {
                        return Ok(());
                    }
                }
                rows.flush();
                drop(reader);
                if !blanks.is_empty() && sheet_may_hold_formulas(&self.path, sheet) {
                    blanks.sort_unstable();
                    let mut formulas = b.worksheet_cells_reader(sheet).map_err(lib)?;
                    let mut unsaved = self.unsaved.borrow_mut();
                    while let Some(cell) = formulas.next_formula().map_err(lib)? {
                        let (r, c) = cell.get_position();
                        if !cell.get_value().is_empty() && blanks.binary_search(&(r, c)).is_ok() {
                            unsaved.push((r, c, cell.get_value().clone()));
                        }
                    }
                }
                Ok(())
            }
            Book::Xlsb(b) => {
                let mut rows = Assembler::new(visit, Vec::new());
                let mut reader = b.worksheet_cells_reader(sheet).map_err(lib)?;
                while let Some(cell) = reader.next_cell().map_err(lib)? {
                    let (r, c) = cell.get_position();
                    let value = convert(cell.get_value().clone());
                    if !rows.push(r, c, value) {
                        return Ok(());
                    }
                }
                rows.flush();
                Ok(())
            }
            Book::Xls(b) => {
                let merges = b.worksheet_merge_cells(sheet).unwrap_or_default();
                let range = b.worksheet_range(sheet).map_err(lib)?;
                push_range(&range, Assembler::new(visit, merges));
                Ok(())
            }
            Book::Ods(path) => {
                let mut rows = Assembler::new(visit, Vec::new());
                if ods::read(path, sheet, &mut rows)? {
                    rows.flush();
                }
                Ok(())
            }
        }
    }
}

/// Whether the XML of an .xlsx sheet holds a formula element (`<f>`, `<f t="shared" …>`): a scan
/// of the decompressed bytes, much cheaper than parsing the sheet again, so that the formula pass
/// runs only on sheets that have formulas. True whenever it cannot tell (the pass then runs).
fn sheet_may_hold_formulas(path: &Path, sheet: &str) -> bool {
    fn entry_text(zip: &mut zip::ZipArchive<BufReader<File>>, name: &str) -> Option<String> {
        let mut text = String::new();
        zip.by_name(name).ok()?.read_to_string(&mut text).ok()?;
        Some(text)
    }
    let find = || -> Option<bool> {
        let mut zip = zip::ZipArchive::new(BufReader::new(File::open(path).ok()?)).ok()?;
        let book = entry_text(&mut zip, "xl/workbook.xml")?;
        let rels = entry_text(&mut zip, "xl/_rels/workbook.xml.rels")?;
        let escaped = sheet
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&apos;");
        let start = book.find(&format!("name=\"{escaped}\""))?;
        let tag = &book[book[..start].rfind('<')?..start + book[start..].find('>')?];
        let rid = tag.split("r:id=\"").nth(1)?.split('"').next()?;
        let rel = rels
            .split("<Relationship ")
            .find(|r| r.contains(&format!("Id=\"{rid}\"")))?;
        let target = rel.split("Target=\"").nth(1)?.split('"').next()?;
        let name = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        };
        let mut entry = zip.by_name(&name).ok()?;
        let mut buf = vec![0u8; 1 << 16];
        let mut carry: Vec<u8> = Vec::new();
        loop {
            let n = entry.read(&mut buf).ok()?;
            if n == 0 {
                return Some(false);
            }
            carry.extend_from_slice(&buf[..n]);
            if carry
                .windows(3)
                // `<f>`, `<f t=…>`, and with a namespace prefix (`<x:f>`).
                .any(|w| matches!(w, b"<f>" | b"<f " | b"<f/" | b":f>" | b":f "))
            {
                return Some(true);
            }
            let keep = carry.len().saturating_sub(2);
            carry.drain(..keep);
        }
    };
    find().unwrap_or(true)
}

/// Hands the cells of a range (an .xls sheet) to the assembler.
fn push_range(range: &calamine::Range<calamine::Data>, mut rows: Assembler<'_>) {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    for (r, c, value) in range.used_cells() {
        if !rows.push(r0 + r as u32, c0 + c as u32, convert_owned(value)) {
            return;
        }
    }
    rows.flush();
}

impl RowSource for WorkbookSource {
    fn location(&self) -> Location {
        let mut l = Location::file(&self.display);
        l.sheet = Some(self.sheet.clone());
        l
    }

    /// Numbers stored as text in a workbook are French-style: `12,5` is 12.5 (and `12.5` too).
    fn decimal_style(&self) -> DecimalStyle {
        DecimalStyle::Comma
    }

    fn for_each_row(&mut self, visit: &mut dyn FnMut(&dyn Row) -> Flow) -> Result<(), Problem> {
        let mut book = Book::open(&self.path, &self.display)?;
        let names = book.sheet_names();
        let sheet = self.resolve_sheet(&names)?;
        self.sheet = sheet.clone();
        let result = guard(|| self.read(&mut book, &sheet, visit));
        let unsaved = std::mem::take(&mut *self.unsaved.borrow_mut());
        if let Some((r, c, formula)) = unsaved.first() {
            let mut at = self.location();
            at.row = Some(*r as usize + 1);
            at.cell = Some(cell_name(*r, *c));
            let more = if unsaved.len() > 1 {
                msg::formula_cells_in_all(unsaved.len())
            } else {
                Msg::default()
            };
            return Err(Problem::error(
                Code::FormulaWithoutResult,
                msg::formula_without_result(&more),
            )
            .at(at)
            .value(format!("={formula}"))
            .hint(msg::formula_without_result_hint()));
        }
        match result {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) | Err(e) => Err(Problem::error(Code::BadWorkbook, msg::sheet_damaged(&e))
                .at(self.location())
                .hint(msg::sheet_damaged_hint())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(16, 3), "D17");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(column_letters(16383), "XFD");
        assert_eq!(cell_name(1_048_575, 25), "Z1048576");
    }

    #[test]
    fn iso_dates() {
        assert_eq!(iso_date("2023-01-15"), Some(Cell::Date(2023, 1, 15)));
        assert_eq!(
            iso_date("2023-03-01T00:00:00"),
            Some(Cell::Date(2023, 3, 1))
        );
        assert_eq!(iso_date("12:00:00"), None);
        assert_eq!(iso_date("2023-13-01"), None);
    }

    fn collect(
        cells: Vec<(u32, u32, Cell<'static>)>,
        merges: Vec<Dimensions>,
    ) -> Vec<(usize, Vec<String>)> {
        let mut out = Vec::new();
        let mut visit = |row: &dyn Row| {
            out.push((
                row.number(),
                (0..row.len())
                    .map(|i| row.cell(i).to_text().into_owned())
                    .collect(),
            ));
            Flow::Continue
        };
        let mut a = Assembler::new(&mut visit, merges);
        for (r, c, v) in cells {
            a.push(r, c, v);
        }
        a.flush();
        out
    }

    fn t(s: &str) -> Cell<'static> {
        Cell::Text(Cow::Owned(s.to_string()))
    }

    #[test]
    fn merged_cells_fill_down_not_across() {
        // Row 1: a title merged A1:C1. Row 2: header. Rows 3-5: district merged A3:A5.
        // Row 6: blank apart from the covered district cell (A3:A6 would reach it).
        let cells = vec![
            (0, 0, t("Titre")),
            (1, 0, t("district")),
            (1, 1, t("code")),
            (2, 0, t("Sikasso")),
            (2, 1, t("A")),
            (3, 0, Cell::Empty),
            (3, 1, t("B")),
            (4, 1, t("C")),
            (5, 0, Cell::Empty),
        ];
        let merges = vec![
            Dimensions::new((0, 0), (0, 2)),
            Dimensions::new((2, 0), (5, 0)),
        ];
        let rows = collect(cells, merges);
        assert_eq!(
            rows,
            vec![
                (1, vec!["Titre".to_string()]),
                (2, vec!["district".into(), "code".into()]),
                (3, vec!["Sikasso".into(), "A".into()]),
                (4, vec!["Sikasso".into(), "B".into()]),
                (5, vec!["Sikasso".into(), "C".into()]),
            ]
        );
    }

    #[test]
    fn rows_keep_their_sheet_numbers_and_stop() {
        let cells = vec![(9, 2, t("x")), (20, 3, Cell::Number(1.0)), (30, 0, t("y"))];
        let mut seen = Vec::new();
        let mut visit = |row: &dyn Row| {
            seen.push((row.number(), row.len(), row.cell_name(row.len() - 1)));
            Flow::Stop
        };
        let mut a = Assembler::new(&mut visit, Vec::new());
        for (r, c, v) in cells {
            if !a.push(r, c, v) {
                break;
            }
        }
        a.flush();
        assert_eq!(seen, vec![(10, 3, Some("C10".to_string()))]);
    }
}
