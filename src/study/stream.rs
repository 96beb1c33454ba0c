//! Table files as byte streams, with the caps that keep a hostile file from taking the machine
//! (docs/robustness.md): a plain file, a `.gz` (decompressed as it is read), or one entry of a
//! `.zip` (`workload.zip`, or `workload.zip#2023/workload.csv` to name the entry), never spooled.
//!
//! - A compressed stream that fails to decompress, or a zip entry whose CRC-32 or size differs
//!   from the archive's directory, is a [`Fault::Damaged`] file, not a CSV problem.
//! - A compressed stream that expands to more than [`MAX_EXPANSION`] times the compressed bytes
//!   read (beyond the first [`EXPANSION_FLOOR`] bytes) is refused ([`Fault::Expansion`]): real
//!   CSV and JSON exports compress 5 to 30 times; a decompression bomb, 1 000 times.
//! - A reader that knows where its rows end (CSV, DHIS2 JSON) wraps the stream in a
//!   [`RowGuard`]: a row of more than [`MAX_ROW_BYTES`] is refused ([`Fault::RowTooLong`]), so one
//!   endless field (an unclosed quote over a gigabyte) never sits in memory.

use crate::diag::Code;
use std::cell::Cell;
use std::fmt;
use std::fs::File;
use std::io::{self, BufReader, Read, Seek};
use std::path::Path;
use std::rc::Rc;

use crate::diag::{Location, Msg, Problem};
use crate::messages::reader as msg;

/// The largest row (record, data value) a table may hold: 1 MiB.
pub const MAX_ROW_BYTES: u64 = 1 << 20;
/// The largest expansion of a compressed table over the compressed bytes read.
pub const MAX_EXPANSION: u64 = 250;
/// Decompressed bytes always allowed, whatever the ratio (a tiny, very repetitive file).
pub const EXPANSION_FLOOR: u64 = 16 << 20;

/// Why a stream stopped: carried inside an `io::Error` so that it crosses the CSV and JSON
/// parsers, then turned into a located problem by [`fault_problem`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// The compressed data or the archive is damaged (cut short, bit rot, CRC mismatch).
    Damaged(Msg),
    /// A decompression bomb: `out` bytes from `input` compressed bytes.
    Expansion { out: u64, input: u64 },
    /// A row longer than [`MAX_ROW_BYTES`].
    RowTooLong,
}

impl Fault {
    /// What went wrong, in both languages.
    pub fn msg(&self) -> Msg {
        match self {
            Fault::Damaged(why) => msg::damaged(why),
            Fault::Expansion { out, input } => msg::expansion(MAX_EXPANSION, *out, *input),
            Fault::RowTooLong => msg::row_too_long(MAX_ROW_BYTES),
        }
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.msg().en())
    }
}

impl std::error::Error for Fault {}

fn fault(f: Fault) -> io::Error {
    io::Error::other(f)
}

/// The [`Fault`] an I/O error carries, if any.
pub fn fault_of(e: &io::Error) -> Option<&Fault> {
    e.get_ref().and_then(|inner| inner.downcast_ref::<Fault>())
}

/// A located problem for a fault met while reading `display` (at `row` when known).
pub fn fault_problem(f: &Fault, display: &str, row: Option<usize>) -> Problem {
    let mut at = Location::file(display);
    at.row = row;
    match f {
        Fault::Damaged(_) => Problem::error(Code::DamagedFile, msg::cannot_be_read(&f.msg()))
            .at(at)
            .hint(msg::damaged_hint()),
        Fault::Expansion { .. } => {
            Problem::error(Code::DecompressionBomb, msg::cannot_be_read(&f.msg()))
                .at(at)
                .hint(msg::expansion_hint())
        }
        Fault::RowTooLong => Problem::error(Code::RowTooLong, msg::cannot_be_read(&f.msg()))
            .at(at)
            .hint(msg::row_too_long_hint()),
    }
}

/// A problem for any I/O error met while reading a table stream.
pub fn read_problem(
    e: &io::Error,
    display: &str,
    row: Option<usize>,
    hint: impl Into<crate::diag::Msg>,
) -> Problem {
    match fault_of(e) {
        Some(f) => fault_problem(f, display, row),
        None => {
            let mut at = Location::file(display);
            at.row = row;
            Problem::error(Code::CannotRead, msg::cannot_be_read_io(&e.to_string()))
                .at(at)
                .hint(hint)
        }
    }
}

/// Opens a table file as a byte stream (see the module documentation). `display` is the name
/// the user gave; for a zip it may name the entry after `#`.
pub fn open_stream(path: &Path, display: &str) -> Result<Box<dyn Read>, Problem> {
    let file = open_file(path, display)?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if name.ends_with(".gz") {
        let counted = Counting::new(file);
        let input = counted.count.clone();
        let decoder = flate2::read::MultiGzDecoder::new(BufReader::with_capacity(1 << 16, counted));
        return Ok(Box::new(Inflated::new(decoder, input)));
    }
    if name.ends_with(".zip") {
        return open_zip_entry(file, display);
    }
    Ok(Box::new(file))
}

/// Opens a file, telling a folder and a missing file apart.
pub fn open_file(path: &Path, display: &str) -> Result<File, Problem> {
    if path.is_dir() {
        return Err(Problem::error(Code::IsAFolder, msg::is_a_folder())
            .at(Location::file(display))
            .hint(msg::is_a_folder_hint()));
    }
    File::open(path).map_err(|e| {
        let (code, what, hint) = if e.kind() == io::ErrorKind::NotFound {
            (
                Code::NotFound,
                msg::does_not_exist(),
                msg::does_not_exist_hint(),
            )
        } else {
            (
                Code::CannotOpen,
                msg::cannot_be_opened(&e.to_string()),
                msg::cannot_be_opened_hint(),
            )
        };
        Problem::error(code, what)
            .at(Location::file(display))
            .hint(hint)
    })
}

/// The entry named after `.zip#` in a table argument (`workload.zip#2023/workload.csv`).
pub fn zip_entry_of(display: &str) -> Option<&str> {
    let lower = display.to_ascii_lowercase();
    let at = lower.rfind(".zip#")?;
    Some(&display[at + 5..])
}

/// The path of the archive in a `FILE.zip#entry` argument.
pub fn zip_path_of(arg: &str) -> Option<&str> {
    let lower = arg.to_ascii_lowercase();
    let at = lower.rfind(".zip#")?;
    Some(&arg[..at + 4])
}

fn is_table_entry(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    let base = n.rsplit('/').next().unwrap_or(&n);
    !n.starts_with("__macosx/")
        && !base.starts_with("._")
        && [".csv", ".txt", ".tsv", ".json"]
            .iter()
            .any(|e| n.ends_with(e))
}

/// One entry of a zip archive as a stream: the archive's directory gives where the entry's
/// data starts and how it is compressed; the file is then read from there through a deflate
/// decoder (never unpacked to disk or memory), checking the CRC-32 and size at its end.
fn open_zip_entry(file: File, display: &str) -> Result<Box<dyn Read>, Problem> {
    let bad = |e: Msg| {
        Problem::error(Code::BadZip, msg::bad_zip(&e))
            .at(Location::file(display))
            .hint(msg::bad_zip_hint())
    };
    let mut archive = zip::ZipArchive::new(BufReader::new(file))
        .map_err(|e| bad(msg::verbatim(e.to_string())))?;
    let mut candidates = Vec::new();
    let mut all = Vec::new();
    for i in 0..archive.len() {
        let Ok(f) = archive.by_index_raw(i) else {
            continue;
        };
        if !f.is_file() {
            continue;
        }
        all.push((i, f.name().to_string()));
        if is_table_entry(f.name()) {
            candidates.push((i, f.name().to_string()));
        }
    }
    let archive_name = zip_path_of(display).unwrap_or(display);
    let list = |names: &[(usize, String)]| {
        names
            .iter()
            .map(|(_, n)| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let index = match zip_entry_of(display) {
        Some(wanted) => {
            let found = all.iter().find(|(_, n)| n == wanted).or_else(|| {
                all.iter()
                    .find(|(_, n)| n.rsplit('/').next() == Some(wanted))
            });
            match found {
                Some((i, _)) => *i,
                None => {
                    return Err(Problem::error(
                        Code::NoZipEntry,
                        msg::no_zip_entry(wanted, &list(&all)),
                    )
                    .at(Location::file(archive_name))
                    .hint(msg::no_zip_entry_hint(
                        archive_name,
                        all.first().map_or("table.csv", |(_, n)| n.as_str()),
                    )))
                }
            }
        }
        None => match candidates.as_slice() {
            [] => return Err(bad(msg::zip_no_table())),
            [(i, _)] => *i,
            [first, ..] => {
                return Err(Problem::error(
                    Code::AmbiguousZip,
                    msg::ambiguous_zip(candidates.len(), &list(&candidates)),
                )
                .at(Location::file(display))
                .hint(msg::ambiguous_zip_hint(display, &first.1)))
            }
        },
    };
    let (start, size, expected_size, crc, method, encrypted) = {
        let entry = archive
            .by_index_raw(index)
            .map_err(|e| bad(msg::verbatim(e.to_string())))?;
        (
            entry.data_start(),
            entry.compressed_size(),
            entry.size(),
            entry.crc32(),
            entry.compression(),
            entry.encrypted(),
        )
    };
    if encrypted {
        return Err(bad(msg::zip_encrypted()));
    }
    let mut file = archive.into_inner().into_inner();
    let real = file.metadata().map(|m| m.len()).unwrap_or(u64::MAX);
    if start.saturating_add(size) > real {
        return Err(damaged_problem(display, msg::zip_cut_short()));
    }
    file.seek(io::SeekFrom::Start(start))
        .map_err(|e| bad(msg::verbatim(e.to_string())))?;
    let counted = Counting::new(file);
    let input = counted.count.clone();
    let raw = BufReader::with_capacity(1 << 16, counted).take(size);
    let checked = |r: Box<dyn Read>| -> Box<dyn Read> {
        Box::new(Checked {
            inner: r,
            crc: flate2::Crc::new(),
            seen: 0,
            expected_crc: crc,
            expected_size,
        })
    };
    match method {
        zip::CompressionMethod::Stored => Ok(checked(Box::new(raw))),
        zip::CompressionMethod::Deflated => Ok(checked(Box::new(Inflated::new(
            flate2::read::DeflateDecoder::new(raw),
            input,
        )))),
        other => Err(bad(msg::zip_method(&other.to_string()))),
    }
}

fn damaged_problem(display: &str, why: Msg) -> Problem {
    fault_problem(&Fault::Damaged(why), display, None)
}

/// Counts the bytes read through it.
struct Counting<R> {
    inner: R,
    count: Rc<Cell<u64>>,
}

impl<R> Counting<R> {
    fn new(inner: R) -> Self {
        Counting {
            inner,
            count: Rc::new(Cell::new(0)),
        }
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.set(self.count.get() + n as u64);
        Ok(n)
    }
}

/// A decompressing reader: its errors are damage; its expansion is capped.
struct Inflated<R> {
    inner: R,
    input: Rc<Cell<u64>>,
    out: u64,
}

impl<R> Inflated<R> {
    fn new(inner: R, input: Rc<Cell<u64>>) -> Self {
        Inflated {
            inner,
            input,
            out: 0,
        }
    }
}

impl<R: Read> Read for Inflated<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = match self.inner.read(buf) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return Err(e),
            Err(e) => {
                let why = match e.kind() {
                    io::ErrorKind::UnexpectedEof => msg::compressed_ends_early(),
                    _ => msg::compressed_corrupt(&e.to_string()),
                };
                return Err(fault(Fault::Damaged(why)));
            }
        };
        self.out += n as u64;
        let input = self.input.get().max(1);
        if self.out > EXPANSION_FLOOR && self.out > input.saturating_mul(MAX_EXPANSION) {
            return Err(fault(Fault::Expansion {
                out: self.out,
                input,
            }));
        }
        Ok(n)
    }
}

/// A zip entry's data, checked against the CRC-32 and size of the archive's directory at its
/// end (what `unzip -t` does).
struct Checked {
    inner: Box<dyn Read>,
    crc: flate2::Crc,
    seen: u64,
    expected_crc: u32,
    expected_size: u64,
}

impl Read for Checked {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.crc.update(&buf[..n]);
        self.seen += n as u64;
        if self.seen > self.expected_size {
            return Err(fault(Fault::Damaged(msg::zip_more_than_declared(
                self.expected_size,
            ))));
        }
        if n == 0 && !buf.is_empty() {
            if self.seen != self.expected_size {
                return Err(fault(Fault::Damaged(msg::zip_size_mismatch(
                    self.seen,
                    self.expected_size,
                ))));
            }
            if self.crc.sum() != self.expected_crc {
                return Err(fault(Fault::Damaged(msg::zip_crc_mismatch(
                    &format!("{:08x}", self.expected_crc),
                    &format!("{:08x}", self.crc.sum()),
                ))));
            }
        }
        Ok(n)
    }
}

/// Where the reader above marks the end of each row, for [`RowGuard`].
#[derive(Clone, Default)]
pub struct RowMark {
    delivered: Rc<Cell<u64>>,
    mark: Rc<Cell<u64>>,
}

impl RowMark {
    /// A row ended: the bytes handed out so far belong to finished rows (or to the read-ahead
    /// buffer of the parser).
    pub fn row_done(&self) {
        self.mark.set(self.delivered.get());
    }
}

/// Refuses a row longer than [`MAX_ROW_BYTES`]: the parser above buffers at most
/// `read_ahead` bytes beyond the last row it finished, so when more than `MAX_ROW_BYTES +
/// read_ahead` bytes were handed out since, the row in progress is too long.
pub struct RowGuard<R> {
    inner: R,
    marks: RowMark,
    read_ahead: u64,
}

impl<R> RowGuard<R> {
    pub fn new(inner: R, read_ahead: u64) -> (Self, RowMark) {
        let marks = RowMark::default();
        (
            RowGuard {
                inner,
                marks: marks.clone(),
                read_ahead,
            },
            marks,
        )
    }
}

impl<R: Read> Read for RowGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let since = self.marks.delivered.get() - self.marks.mark.get();
        if since > MAX_ROW_BYTES + self.read_ahead {
            return Err(fault(Fault::RowTooLong));
        }
        let n = self.inner.read(buf)?;
        self.marks
            .delivered
            .set(self.marks.delivered.get() + n as u64);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zip_entry_names() {
        assert_eq!(zip_entry_of("w.zip#a/b.csv"), Some("a/b.csv"));
        assert_eq!(zip_entry_of("W.ZIP#x.csv"), Some("x.csv"));
        assert_eq!(zip_entry_of("w.zip"), None);
        assert_eq!(zip_path_of("dir/w.zip#x.csv"), Some("dir/w.zip"));
    }

    #[test]
    fn a_row_guard_stops_an_endless_row() {
        let data = vec![b'a'; 3 << 20];
        let (mut guard, _marks) = RowGuard::new(&data[..], 1 << 16);
        // Read as the CSV parser does, in 64 KiB chunks.
        let mut total = 0;
        let mut buf = vec![0u8; 1 << 16];
        let e = loop {
            match guard.read(&mut buf) {
                Ok(n) => total += n,
                Err(e) => break e,
            }
        };
        assert_eq!(fault_of(&e), Some(&Fault::RowTooLong));
        assert!(total < (MAX_ROW_BYTES as usize) + (1 << 18), "{total}");
    }
}
