//! The one CSV reader configuration (study-format §3): delimiter sniffed from the header line
//! among `,` `;` tab (or `--delimiter`), UTF-8 with or without BOM, UTF-16 with BOM (Excel's
//! "Unicode text"), Windows-1252 fallback per field with a warning (or `--encoding`), decimal comma
//! when the delimiter is `;` or `--decimal-comma` is given, `.gz` and `.zip` read as streams.
//! Rows are streamed: a national workload file is never held in memory.

use crate::diag::Code;
use std::borrow::Cow;
use std::cell::Cell as Flag;
use std::io::{self, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use super::source::{Cell, Flow, Row, RowSource};
use crate::diag::{Location, Problem};
use crate::messages::reader as msg;
use crate::numbers::DecimalStyle;

/// How to read CSV files: the one place where the dialect is decided.
#[derive(Debug, Clone, Copy, Default)]
pub struct CsvOptions {
    /// `--delimiter`: overrides the sniffed one.
    pub delimiter: Option<u8>,
    /// `--decimal-comma`: `12,5` is 12.5 whatever the delimiter.
    pub decimal_comma: bool,
    /// `--encoding`: forces an encoding instead of UTF-8 with Windows-1252 fallback.
    pub encoding: Option<&'static Encoding>,
}

/// Reads an `--encoding` name (`utf-8`, `cp1252`, `windows-1252`, `latin1`, `utf-16`, ...).
pub fn parse_encoding(name: &str) -> Result<&'static Encoding, crate::diag::Msg> {
    let lowered = name.trim().to_ascii_lowercase();
    let label = match lowered.as_str() {
        "cp1252" | "ansi" | "latin1" | "latin-1" | "iso-8859-1" => "windows-1252",
        "utf16" | "utf-16" => "utf-16le",
        other => other,
    };
    Encoding::for_label(label.as_bytes()).ok_or_else(|| msg::unknown_encoding(name))
}

/// A CSV (or TSV, or compressed CSV) table file.
pub struct CsvSource {
    path: PathBuf,
    display: String,
    options: CsvOptions,
    /// The delimiter, once sniffed (or given). Table readers ask for the decimal style before
    /// the rows, so it is sniffed from a peek at the file when asked first.
    delimiter: Flag<Option<u8>>,
    notes: Vec<Problem>,
    /// Set when the table is read by the chunked parallel reader (the workload table).
    fast: Option<super::fast::LayoutSlot>,
    /// The chunked reader's first and later chunk sizes and threads (tests set them).
    tuning: Option<(usize, usize, usize)>,
    /// The first chunks, read ahead on another thread ([`RowSource::start_early`]), and the last
    /// bytes of the text read through it.
    early: Option<(super::fast::Early, Tail)>,
    /// Tests: the chunks are read ahead as far as they would be before the rows are visited.
    early_wait: bool,
}

/// The last bytes of a table's text (see [`TailReader`]).
type Tail = std::sync::Arc<std::sync::Mutex<Vec<u8>>>;

/// Files smaller than this are not read ahead (the thread would cost more than it saves).
const EARLY_MIN_BYTES: u64 = 16 << 20;

const SNIFF_BYTES: usize = 64 * 1024;

impl CsvSource {
    pub fn new(path: &Path, display: String, options: CsvOptions) -> Self {
        CsvSource {
            path: path.to_path_buf(),
            display,
            options,
            delimiter: Flag::new(options.delimiter),
            notes: Vec::new(),
            fast: None,
            tuning: None,
            early: None,
            early_wait: false,
        }
    }

    /// The delimiter: given, sniffed already, or sniffed now from the first bytes of the file
    /// (decoded when the file is UTF-16 or in a forced encoding). `,` when the file cannot be read
    /// (reading it will report why).
    fn delimiter(&self) -> u8 {
        if let Some(d) = self.delimiter.get() {
            return d;
        }
        let d = self
            .peek()
            .map(|head| sniff_delimiter(&head))
            .unwrap_or(b',');
        self.delimiter.set(Some(d));
        d
    }

    /// The first bytes of the table's text, as UTF-8 when the encoding is known to differ.
    fn peek(&self) -> Option<Vec<u8>> {
        let mut sample = Vec::with_capacity(SNIFF_BYTES);
        open_stream(&self.path, &self.display)
            .ok()?
            .take(SNIFF_BYTES as u64)
            .read_to_end(&mut sample)
            .ok()?;
        let bom = Encoding::for_bom(&sample).map(|(enc, _)| enc);
        match self.options.encoding.or(bom).filter(|e| *e != UTF_8) {
            Some(enc) => Some(enc.decode(&sample).0.into_owned().into_bytes()),
            None => Some(sample),
        }
    }

    /// Sets the chunked reader's first and later chunk sizes (bytes) and threads: the tests
    /// cut random studies at random places with it.
    #[doc(hidden)]
    pub fn fast_tuning(&mut self, first: usize, chunk: usize, threads: usize) {
        self.tuning = Some((first, chunk, threads));
    }

    /// Lets the chunks read ahead ([`RowSource::start_early`]) be read as far as they would
    /// be before the rows are visited: the tests read the same files both ways.
    #[doc(hidden)]
    pub fn early_wait(&mut self, wait: bool) {
        self.early_wait = wait;
    }

    fn open_stream(&self) -> Result<Box<dyn Read>, Problem> {
        open_stream(&self.path, &self.display)
    }
}

/// Opens a table file as a byte stream: plain, `.gz` or one entry of a `.zip`, decompressed as
/// it is read, with the caps of [`super::stream`]. Shared by the CSV reader and the DHIS2 JSON
/// reader.
pub fn open_stream(path: &Path, display: &str) -> Result<Box<dyn Read>, Problem> {
    super::stream::open_stream(path, display)
}

/// Picks the delimiter among `,` `;` tab (outside quotes) from the header line and the lines
/// below it: the one that splits the most lines into the same number of fields. Lines without
/// any of the three (titles, blank lines) are passed over, and a title line holding a comma
/// above a `;` table does not decide (Excel pads such a line with `;` anyway). Ties go to tab,
/// then `;`, then `,`. Excel's `sep=;` first line is obeyed.
pub fn sniff_delimiter(sample: &[u8]) -> u8 {
    const CANDIDATES: [u8; 3] = [b'\t', b';', b','];
    let start = sample.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(sample);
    if let Some(rest) = start.strip_prefix(b"sep=") {
        if let Some(&d) = rest.first() {
            if CANDIDATES.contains(&d) || d == b'|' {
                return d;
            }
        }
    }
    let mut lines: Vec<[usize; 3]> = Vec::new();
    for line in sample.split(|&b| b == b'\n') {
        let mut counts = [0usize; 3];
        let mut quoted = false;
        for &b in line {
            match b {
                b'"' => quoted = !quoted,
                b'\t' if !quoted => counts[0] += 1,
                b';' if !quoted => counts[1] += 1,
                b',' if !quoted => counts[2] += 1,
                _ => {}
            }
        }
        if counts.iter().any(|&c| c > 0) {
            lines.push(counts);
            if lines.len() >= 30 {
                break;
            }
        }
    }
    let mut best = (0usize, 0usize, b',');
    for (i, &d) in CANDIDATES.iter().enumerate() {
        // The most frequent non-zero count (the larger on a tie) and how many lines have it.
        let mut freq: Vec<(usize, usize)> = Vec::new();
        for counts in &lines {
            let c = counts[i];
            if c == 0 {
                continue;
            }
            match freq.iter_mut().find(|(k, _)| *k == c) {
                Some(e) => e.1 += 1,
                None => freq.push((c, 1)),
            }
        }
        let Some(&(mode, score)) = freq.iter().max_by_key(|(k, n)| (*n, *k)) else {
            continue;
        };
        if (score, mode) > (best.0, best.1) {
            best = (score, mode, d);
        }
    }
    best.2
}

enum Decoding {
    /// UTF-8, falling back to Windows-1252 for a field that is not valid UTF-8.
    Utf8OrCp1252,
    /// Already transcoded to UTF-8 (forced encoding or UTF-16 with BOM); invalid bytes replaced.
    Utf8Lossy,
}

struct CsvRow<'a> {
    record: &'a csv::ByteRecord,
    /// The same record as text, when all of it is UTF-8 (checked once for the row, not once a
    /// cell: the usual case, and a table reader asks for some cells twice).
    text: Option<&'a csv::StringRecord>,
    line: usize,
    decoding: &'a Decoding,
    fell_back: &'a Flag<bool>,
}

impl Row for CsvRow<'_> {
    fn number(&self) -> usize {
        self.line
    }
    fn is_blank(&self) -> bool {
        self.record.as_slice().iter().all(u8::is_ascii_whitespace)
    }
    fn len(&self) -> usize {
        self.record.len()
    }
    fn cell(&self, index: usize) -> Cell<'_> {
        if let Some(text) = self.text {
            return match text.get(index) {
                None | Some("") => Cell::Empty,
                Some(t) => Cell::Text(Cow::Borrowed(t)),
            };
        }
        let Some(bytes) = self.record.get(index) else {
            return Cell::Empty;
        };
        if bytes.is_empty() {
            return Cell::Empty;
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => Cell::Text(Cow::Borrowed(text)),
            Err(_) => match self.decoding {
                Decoding::Utf8OrCp1252 => {
                    self.fell_back.set(true);
                    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
                    Cell::Text(Cow::Owned(text.into_owned()))
                }
                Decoding::Utf8Lossy => Cell::Text(String::from_utf8_lossy(bytes)),
            },
        }
    }
}

impl RowSource for CsvSource {
    fn location(&self) -> Location {
        Location::file(&self.display)
    }

    fn decimal_style(&self) -> DecimalStyle {
        if self.options.decimal_comma || self.delimiter() == b';' {
            DecimalStyle::Comma
        } else {
            DecimalStyle::Point
        }
    }

    fn for_each_row(&mut self, visit: &mut dyn FnMut(&dyn Row) -> Flow) -> Result<(), Problem> {
        // Chunks read ahead: the chunked reader goes on from where they stopped.
        if let Some((early, tail)) = self.early.take() {
            if let (Some(layout), Some(read)) = (self.fast.clone(), early.take(self.early_wait)) {
                return self.for_each_row_early(read, tail, &layout, visit);
            }
        }
        let mut stream = self.open_stream()?;
        let read_error = |e: io::Error| {
            super::stream::read_problem(&e, &self.display, None, msg::csv_read_hint())
        };
        // Read a sample to find the encoding (BOM) and the delimiter, then chain it back.
        let mut sample = Vec::with_capacity(SNIFF_BYTES);
        (&mut stream)
            .take(SNIFF_BYTES as u64)
            .read_to_end(&mut sample)
            .map_err(read_error)?;
        if sample.starts_with(b"PK\x03\x04") || sample.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(Problem::error(Code::NotCsv, msg::looks_like_workbook())
                .at(Location::file(&self.display))
                .hint(msg::looks_like_workbook_hint()));
        }
        let bom_encoding = Encoding::for_bom(&sample).map(|(enc, _)| enc);
        let forced = self
            .options
            .encoding
            .or(bom_encoding.filter(|e| *e != UTF_8));
        let (decoding, reader): (Decoding, Box<dyn Read>) = match forced {
            Some(enc) if enc != UTF_8 || self.options.encoding.is_some() => {
                let joined = Cursor::new(sample).chain(stream);
                let decoder = encoding_rs_io::DecodeReaderBytesBuilder::new()
                    .encoding(Some(enc))
                    .bom_override(true)
                    .build(joined);
                (Decoding::Utf8Lossy, Box::new(decoder))
            }
            _ => {
                let skip = if sample.starts_with(&[0xEF, 0xBB, 0xBF]) {
                    3
                } else {
                    0
                };
                let joined = Cursor::new(sample.split_off(skip)).chain(stream);
                (Decoding::Utf8OrCp1252, Box::new(joined))
            }
        };
        // The last bytes of the text, to tell a quoted field that never closes (study-format §4).
        let tail = Tail::default();
        let reader: Box<dyn Read> = Box::new(TailReader {
            inner: reader,
            tail: tail.clone(),
        });
        // Sniff on decoded text: for UTF-16 the raw bytes would mislead.
        let mut reader = BufReader::with_capacity(1 << 16, reader);
        let head = {
            use std::io::BufRead;
            reader.fill_buf().map_err(read_error)?.to_vec()
        };
        let delimiter = match self.delimiter.get() {
            Some(d) => d,
            None => {
                let d = sniff_delimiter(&head);
                self.delimiter.set(Some(d));
                d
            }
        };
        // The chunked parallel reader, for UTF-8 text (the common case); it hands back the rest
        // of the text at the first chunk the csv reader must read, from that chunk's line.
        let mut line_offset = 0usize;
        let mut skip_first = false;
        let mut record_line = 0usize;
        let reader: Box<dyn Read> = match (&self.fast, &decoding) {
            (Some(layout), Decoding::Utf8OrCp1252) => {
                let (first, chunk, threads) = self.tuning.unwrap_or((
                    super::fast::FIRST_CHUNK,
                    super::fast::CHUNK,
                    rayon::current_num_threads(),
                ));
                let sizes = (first.max(1), chunk.max(1));
                match super::fast::read(&mut reader, delimiter, layout, sizes, threads, None, visit)
                {
                    Err(e) => return Err(read_error(e)),
                    Ok(super::fast::Ended::Done) => {
                        // Every line was clean: no quote, so no field can be left open.
                        return Ok(());
                    }
                    Ok(super::fast::Ended::Rest {
                        rest,
                        line_offset: offset,
                        skip_first: skip,
                        last_line,
                    }) => {
                        line_offset = offset;
                        skip_first = skip;
                        record_line = last_line;
                        Box::new(Cursor::new(rest).chain(reader))
                    }
                }
            }
            _ => Box::new(reader),
        };
        let at = CsvPlace {
            line_offset,
            skip_first,
            record_line,
        };
        self.read_csv(reader, delimiter, decoding, &tail, at, visit)
    }

    fn take_notes(&mut self) -> Vec<Problem> {
        std::mem::take(&mut self.notes)
    }

    fn delimited(&self) -> bool {
        true
    }

    fn use_fast_reader(&mut self, layout: super::fast::LayoutSlot) {
        self.fast = Some(layout);
    }

    fn start_early(&mut self, threads: usize, guess: super::source::EarlyGuess) {
        let (first, chunk, threads) =
            self.tuning
                .unwrap_or((super::fast::FIRST_CHUNK, super::fast::CHUNK, threads));
        // Plain files of some size, in UTF-8 (with or without BOM): what the chunked reader reads.
        let plain = self.path.extension().map_or(true, |e| {
            let e = e.to_ascii_lowercase();
            e != "gz" && e != "zip"
        });
        let big = std::fs::metadata(&self.path).is_ok_and(|m| m.len() >= EARLY_MIN_BYTES)
            || self.tuning.is_some();
        if threads < 2 || !plain || !big || self.options.encoding.is_some() {
            return;
        }
        let path = self.path.clone();
        let given = self.options.delimiter;
        let decimal_comma = self.options.decimal_comma;
        let tail = Tail::default();
        let kept = tail.clone();
        let open = move || -> Option<(super::fast::EarlyStream, u8, super::fast::Layout)> {
            let mut file = std::fs::File::open(&path).ok()?;
            let mut sample = Vec::with_capacity(SNIFF_BYTES);
            (&mut file)
                .take(SNIFF_BYTES as u64)
                .read_to_end(&mut sample)
                .ok()?;
            // As `for_each_row` reads it: UTF-8 after any UTF-8 BOM; anything else is left to it.
            if sample.starts_with(b"PK\x03\x04") || sample.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
                return None;
            }
            if Encoding::for_bom(&sample).is_some_and(|(enc, _)| enc != UTF_8) {
                return None;
            }
            let skip = if sample.starts_with(&[0xEF, 0xBB, 0xBF]) {
                3
            } else {
                0
            };
            let joined = Cursor::new(sample.split_off(skip)).chain(file);
            let mut reader = BufReader::with_capacity(
                1 << 16,
                TailReader {
                    inner: joined,
                    tail,
                },
            );
            let head = {
                use std::io::BufRead;
                reader.fill_buf().ok()?.to_vec()
            };
            let delimiter = given.unwrap_or_else(|| sniff_delimiter(&head));
            let style = if decimal_comma || delimiter == b';' {
                DecimalStyle::Comma
            } else {
                DecimalStyle::Point
            };
            // The first line's cells (a header in quotes is left to the usual reading).
            let end = memchr::memchr(b'\n', &head)?;
            let line = std::str::from_utf8(&head[..end]).ok()?;
            if line.contains('"') {
                return None;
            }
            let cells: Vec<&str> = line
                .trim_end_matches('\r')
                .split(char::from(delimiter))
                .collect();
            let layout = guess(&cells, style)?;
            Some((Box::new(reader), delimiter, layout))
        };
        if let Some(early) = super::fast::Early::start(open, (first, chunk)) {
            self.early = Some((early, kept));
        }
    }
}

/// Where the `csv` reader starts: what the chunked reader read before it.
#[derive(Default)]
struct CsvPlace {
    line_offset: usize,
    skip_first: bool,
    record_line: usize,
}

impl CsvSource {
    /// The chunked reader from the chunks read ahead, then the `csv` reader from where it stops
    /// (as `for_each_row` reads a UTF-8 file).
    fn for_each_row_early(
        &mut self,
        read: super::fast::EarlyRead,
        tail: Tail,
        layout: &super::fast::LayoutSlot,
        visit: &mut dyn FnMut(&dyn Row) -> Flow,
    ) -> Result<(), Problem> {
        let super::fast::EarlyRead {
            stream,
            delimiter,
            chunks,
        } = read;
        if self.delimiter.get().is_none() {
            self.delimiter.set(Some(delimiter));
        }
        let mut reader: Box<dyn Read> = stream;
        let (first, chunk, threads) = self.tuning.unwrap_or((
            super::fast::FIRST_CHUNK,
            super::fast::CHUNK,
            rayon::current_num_threads(),
        ));
        let sizes = (first.max(1), chunk.max(1));
        let ended = super::fast::read(
            &mut reader,
            delimiter,
            layout,
            sizes,
            threads,
            Some(chunks),
            visit,
        )
        .map_err(|e| super::stream::read_problem(&e, &self.display, None, msg::csv_read_hint()))?;
        match ended {
            super::fast::Ended::Done => Ok(()),
            super::fast::Ended::Rest {
                rest,
                line_offset,
                skip_first,
                last_line,
            } => {
                let at = CsvPlace {
                    line_offset,
                    skip_first,
                    record_line: last_line,
                };
                let reader = Box::new(Cursor::new(rest).chain(reader));
                self.read_csv(reader, delimiter, Decoding::Utf8OrCp1252, &tail, at, visit)
            }
        }
    }

    /// The `csv` reader over `reader` (the rest of the text), visiting its rows.
    fn read_csv(
        &mut self,
        reader: Box<dyn Read>,
        delimiter: u8,
        decoding: Decoding,
        tail: &Tail,
        at: CsvPlace,
        visit: &mut dyn FnMut(&dyn Row) -> Flow,
    ) -> Result<(), Problem> {
        let CsvPlace {
            line_offset,
            mut skip_first,
            mut record_line,
        } = at;
        // A row longer than 1 MiB is refused before it is buffered (docs/robustness.md).
        let (reader, rows_done) = super::stream::RowGuard::new(reader, 2 << 16);
        let mut csv_reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(1 << 16)
            .from_reader(reader);
        let fell_back = Flag::new(false);
        // The record's buffer, handed back after each row (as bytes or as text, the same buffer).
        let mut buffer = Some(csv::ByteRecord::new());
        // The line of the last record when its last field spans lines (a quoted field that may
        // never close: the csv reader then reads everything to the end of the file into it).
        let mut open_quote: Option<usize> = None;
        loop {
            let mut record = buffer.take().unwrap_or_default();
            match csv_reader.read_byte_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    let line = e.position().map(|p| p.line() as usize + line_offset);
                    if let csv::ErrorKind::Io(io) = e.kind() {
                        let line = line.or(Some(record_line + 1));
                        return Err(super::stream::read_problem(
                            io,
                            &self.display,
                            line,
                            msg::csv_read_hint(),
                        ));
                    }
                    let mut location = Location::file(&self.display);
                    location.row = line;
                    return Err(Problem::error(Code::BadCsv, msg::bad_csv(&e.to_string()))
                        .at(location)
                        .hint(msg::bad_csv_hint()));
                }
            }
            rows_done.row_done();
            if std::mem::take(&mut skip_first) {
                buffer = Some(record);
                continue;
            }
            let line = record
                .position()
                .map(|p| p.line() as usize + line_offset)
                .unwrap_or(0);
            record_line = line;
            open_quote = record
                .iter()
                .next_back()
                .is_some_and(|f| f.contains(&b'\n'))
                .then_some(line);
            let (flow, record) = match csv::StringRecord::from_byte_record(record) {
                Ok(text) => {
                    let flow = visit(&CsvRow {
                        record: text.as_byte_record(),
                        text: Some(&text),
                        line,
                        decoding: &decoding,
                        fell_back: &fell_back,
                    });
                    (flow, text.into_byte_record())
                }
                Err(not_utf8) => {
                    let record = not_utf8.into_byte_record();
                    let flow = visit(&CsvRow {
                        record: &record,
                        text: None,
                        line,
                        decoding: &decoding,
                        fell_back: &fell_back,
                    });
                    (flow, record)
                }
            };
            buffer = Some(record);
            if let Flow::Stop = flow {
                break;
            }
        }
        if let Some(line) = open_quote {
            let closed = tail.lock().is_ok_and(|t| !unclosed_at_end(&t));
            if !closed {
                let mut location = Location::file(&self.display);
                location.row = Some(line);
                return Err(Problem::error(Code::UnclosedQuote, msg::unclosed_quote())
                    .at(location)
                    .hint(msg::unclosed_quote_hint()));
            }
        }
        if fell_back.get() {
            self.notes.push(
                Problem::warning(Code::EncodingFallback, msg::encoding_fallback())
                    .at(Location::file(&self.display))
                    .hint(msg::encoding_fallback_hint()),
            );
        }
        Ok(())
    }
}

/// Passes bytes through, keeping the last few: at the end of the file they tell a quoted field
/// that closed (`"` last, blanks aside) from one that never did.
struct TailReader<R> {
    inner: R,
    tail: Tail,
}

impl<R: Read> Read for TailReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n > 0 {
            if let Ok(mut tail) = self.tail.lock() {
                tail.extend_from_slice(&buf[n.saturating_sub(16)..n]);
                let excess = tail.len().saturating_sub(16);
                tail.drain(..excess);
            }
        }
        Ok(n)
    }
}

/// True when the text does not end with a closing quote (blanks and line ends aside).
fn unclosed_at_end(tail: &[u8]) -> bool {
    tail.iter()
        .rev()
        .find(|b| !b.is_ascii_whitespace() && **b != 0)
        .map_or(true, |&b| b != b'"')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_the_header_line() {
        assert_eq!(sniff_delimiter(b"a;b;c\n1,5;2;3\n"), b';');
        assert_eq!(sniff_delimiter(b"a,b,c\n"), b',');
        assert_eq!(sniff_delimiter(b"a\tb\tc\n"), b'\t');
        assert_eq!(sniff_delimiter(b"Titre\n\na;b\n"), b';');
        assert_eq!(sniff_delimiter(b"\"x,y\";b\n"), b';');
        assert_eq!(sniff_delimiter(b"single\n"), b',');
        // A title line with a comma above a `;` table.
        assert_eq!(
            sniff_delimiter(b"Liste des structures, Sikasso\r\n\r\ncode;nom;type\r\nA;B;C\r\n"),
            b';'
        );
        // Decimal commas in every data row do not outvote the `;` of the header.
        assert_eq!(sniff_delimiter(b"a;b\nx;1,5\ny;2,5\nz;3\n"), b';');
        assert_eq!(sniff_delimiter(b"a\tb\tc\n1,5\t2,5\t3\n"), b'\t');
        assert_eq!(sniff_delimiter(b"sep=;\na,b;c\n"), b';');
        assert_eq!(sniff_delimiter(b"\xEF\xBB\xBFa,b,c\n1;2,3,4\n"), b',');
    }

    #[test]
    fn encodings_by_name() {
        assert_eq!(parse_encoding("cp1252").unwrap(), WINDOWS_1252);
        assert_eq!(parse_encoding("UTF-8").unwrap(), UTF_8);
        assert_eq!(parse_encoding("latin1").unwrap(), WINDOWS_1252);
        assert!(parse_encoding("klingon").is_err());
    }
}
