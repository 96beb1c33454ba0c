//! The parallel chunked reader of plain CSV text (issue 12: national scale). The common case of
//! a national workload export (UTF-8, no quotes, `\n` or `\r\n` line ends) is read in large
//! chunks cut at line ends, and each chunk is split into lines and fields on its own thread; for
//! the long-form workload table the facility and activity names are interned per chunk as raw
//! bytes (foldhash) and the volume and period parsed there too. The rows are then handed to the
//! table reader one by one, in file order, on the calling thread, through the same [`Row`]
//! trait as the `csv` reader's rows, with the same cells and the same line numbers: everything
//! the table reader and the workload parser say (messages, first-seen order, row numbers) is
//! decided by the same code as before, and the work done in parallel is only what cannot differ.
//!
//! A chunk that holds anything the `csv` crate would read differently from a plain split (a
//! quote, a lone carriage return, bytes that are not UTF-8, a byte-order mark at the very start)
//! is not read here: the `csv` reader takes over from that chunk's first byte and line to the
//! end of the file (see `CsvSource::for_each_row`).

use std::cell::OnceCell;
use std::collections::HashMap;
use std::io::Read;
use std::rc::Rc;

use super::source::{Cell, Flow, Row};
use crate::numbers::{parse_number, DecimalStyle};
use crate::period::{parse_period, Period};

/// The columns of a long-form workload table, known once its header is read.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub facility: usize,
    pub activity: usize,
    pub volume: usize,
    pub period: Option<usize>,
    pub style: DecimalStyle,
}

/// Where the workload parser puts the layout when it has read the header.
pub type LayoutSlot = Rc<OnceCell<Layout>>;

/// What a chunk worker found in a clean long-form row: the facility and activity as indices
/// into the chunk's own tables of distinct raw names (`chunk` tells chunks apart), the volume
/// (parsed, not blank, not negative) and the period (parsed, or none when blank). Rows with
/// anything else carry no `Pre` and are read cell by cell, as the `csv` reader's rows are.
#[derive(Debug, Clone, Copy)]
pub struct Pre {
    pub chunk: u64,
    pub facility: u32,
    pub activity: u32,
    pub volume: f64,
    pub period: Option<Period>,
}

/// Bytes read per chunk. The first chunk is small, so the header is read (and the layout
/// known) before the big chunks are parsed.
pub const CHUNK: usize = 2 << 20;
pub const FIRST_CHUNK: usize = 64 << 10;
/// Lines longer than this are left to the csv path (which refuses rows over
/// `stream::MAX_ROW_BYTES`, counting what its buffer read ahead).
const LONG_LINE: usize = 64 << 10;

struct Rec {
    start: u32,
    end: u32,
    /// Line ends of the chunk before the end of the previous row of the chunk (`u32::MAX` for
    /// the chunk's first row). The `csv` reader numbers a row by the line ends read before it
    /// started reading the row: up to the end of the previous row, the `\r` of a `\r\n` end
    /// (its `\n` is read with the next row), blank lines between them not counted.
    after: u32,
    fields: u32,
    blank: bool,
    pre: Option<Pre>,
}

#[derive(Default)]
struct Chunk {
    bytes: Vec<u8>,
    recs: Vec<Rec>,
    newlines: usize,
    /// Line ends read up to the end of the last row, and whether it ended with `\r\n`.
    last_end: Option<(u32, bool)>,
    /// Where the bytes after the last row (blank lines) start.
    tail: usize,
    clean: bool,
    serial: u64,
    /// Not cut at a line end (one line longer than the csv path accepts).
    uncut: bool,
}

/// Reads about `limit` more bytes (or to the end) into `buf` after `carry`, then cuts at the
/// last line end: the bytes after it go back to `carry`. Returns false at the end of the stream
/// with nothing read.
fn read_chunk(
    stream: &mut dyn Read,
    carry: &mut Vec<u8>,
    buf: &mut Vec<u8>,
    limit: usize,
    uncut: &mut bool,
) -> std::io::Result<bool> {
    *uncut = false;
    buf.clear();
    buf.append(carry);
    let mut target = limit;
    loop {
        let mut eof = false;
        while buf.len() < target {
            let old = buf.len();
            buf.resize(target, 0);
            let n = loop {
                match stream.read(&mut buf[old..]) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        buf.truncate(old);
                        return Err(e);
                    }
                }
            };
            buf.truncate(old + n);
            if n == 0 {
                eof = true;
                break;
            }
        }
        if eof {
            return Ok(!buf.is_empty());
        }
        if let Some(i) = memchr::memrchr(b'\n', buf) {
            carry.extend_from_slice(&buf[i + 1..]);
            buf.truncate(i + 1);
            return Ok(true);
        }
        // One line longer than a chunk: read on, up to a line the csv path would refuse (it
        // then gets the chunk, uncut, and says so).
        if buf.len() as u64 > super::stream::MAX_ROW_BYTES {
            *uncut = true;
            return Ok(true);
        }
        target = buf.len() + limit;
    }
}

type Names<'a> = HashMap<&'a [u8], u32, foldhash::fast::FixedState>;

/// The chunk's index of a raw name (the last one asked is checked first: rows come grouped).
fn intern<'a>(map: &mut Names<'a>, last: &mut (&'a [u8], u32), key: &'a [u8]) -> u32 {
    if last.1 != u32::MAX && last.0 == key {
        return last.1;
    }
    let n = map.len() as u32;
    let i = *map.entry(key).or_insert(n);
    *last = (key, i);
    i
}

/// Splits a chunk into rows (and, with a layout, pre-parses its long-form rows).
fn parse(chunk: &mut Chunk, delimiter: u8, layout: Option<Layout>, first: bool) {
    chunk.recs.clear();
    chunk.newlines = 0;
    chunk.last_end = None;
    chunk.tail = 0;
    let bytes = &chunk.bytes[..];
    let utf8 = std::str::from_utf8(bytes);
    chunk.clean = !chunk.uncut
        && bytes.len() < u32::MAX as usize
        && !(first && bytes.starts_with(b"\xEF\xBB\xBF"))
        && memchr::memchr(b'"', bytes).is_none()
        && utf8.is_ok()
        && memchr::memchr_iter(b'\r', bytes).all(|i| bytes.get(i + 1) == Some(&b'\n'));
    let (true, Ok(all)) = (chunk.clean, utf8) else {
        chunk.clean = false;
        return;
    };
    let mut facilities = Names::default();
    let mut activities = Names::default();
    let mut last_facility: (&[u8], u32) = (&[], u32::MAX);
    let mut last_activity: (&[u8], u32) = (&[], u32::MAX);
    let mut at = 0usize;
    let mut line = 0u32;
    let mut after = u32::MAX;
    let mut fields: [&str; 4] = [""; 4];
    while at < bytes.len() {
        let end_nl = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        let mut end = end_nl;
        let crlf = end > at && bytes[end - 1] == b'\r';
        if crlf {
            end -= 1;
        }
        // Cut at ASCII bytes (line ends, delimiters): always between characters.
        let text = &all[at..end];
        if text.len() > LONG_LINE {
            // Left to the csv path and its limit on rows.
            chunk.recs.clear();
            chunk.clean = false;
            return;
        }
        if !text.is_empty() {
            let mut n = 0u32;
            let mut blank = true;
            let mut field_start = 0usize;
            let wanted = layout.map(|l| {
                [
                    l.facility,
                    l.activity,
                    l.volume,
                    l.period.unwrap_or(usize::MAX),
                ]
            });
            let mut got = [false; 4];
            for i in memchr::memchr_iter(delimiter, text.as_bytes()) {
                let f = &text[field_start..i];
                blank &= f.bytes().all(|b| b.is_ascii_whitespace());
                keep(wanted, n, f, &mut fields, &mut got);
                n += 1;
                field_start = i + 1;
            }
            let f = &text[field_start..];
            blank &= f.bytes().all(|b| b.is_ascii_whitespace());
            keep(wanted, n, f, &mut fields, &mut got);
            n += 1;
            let pre =
                match layout {
                    Some(l) if !blank && got[0] && got[1] && got[2] => pre_parse(
                        &fields,
                        got[3] || l.period.is_none(),
                        l,
                    )
                    .map(|(volume, period)| Pre {
                        chunk: chunk.serial,
                        facility: intern(&mut facilities, &mut last_facility, fields[0].as_bytes()),
                        activity: intern(&mut activities, &mut last_activity, fields[1].as_bytes()),
                        volume,
                        period,
                    }),
                    _ => None,
                };
            chunk.recs.push(Rec {
                start: at as u32,
                end: end as u32,
                after,
                fields: n,
                blank,
                pre,
            });
            after = if end_nl < bytes.len() && !crlf {
                line + 1
            } else {
                line
            };
            chunk.last_end = Some((after, crlf));
            chunk.tail = (end_nl + 1).min(bytes.len());
        }
        if end_nl < bytes.len() {
            line += 1;
        }
        at = end_nl + 1;
    }
    chunk.newlines = line as usize;
}

/// Keeps field `n` when the layout wants it.
fn keep<'a>(
    wanted: Option<[usize; 4]>,
    n: u32,
    f: &'a str,
    fields: &mut [&'a str; 4],
    got: &mut [bool; 4],
) {
    if let Some(w) = wanted {
        for k in 0..4 {
            if w[k] == n as usize {
                fields[k] = f;
                got[k] = true;
            }
        }
    }
}

/// The volume and period of a clean long-form row, when the row needs nothing but them: the
/// facility and activity not blank, the volume a number not below 0, the period blank or one
/// `parse_period` reads. Anything else is left to the cell-by-cell path (and its messages).
fn pre_parse(fields: &[&str; 4], has_period: bool, l: Layout) -> Option<(f64, Option<Period>)> {
    if fields[0].trim().is_empty() || fields[1].trim().is_empty() {
        return None;
    }
    if fields[2].is_empty() {
        return None;
    }
    let volume = parse_number(fields[2], l.style).ok()??;
    if volume < 0.0 {
        return None;
    }
    let period = match l.period {
        Some(_) if has_period => {
            let t = fields[3].trim();
            if t.is_empty() {
                None
            } else {
                Some(parse_period(t)?)
            }
        }
        // The period column is beyond the row's fields: a blank cell.
        Some(_) => None,
        None => None,
    };
    Some((volume, period))
}

/// A row of a clean chunk, as the `csv` reader would give it.
struct FastRow<'a> {
    text: &'a [u8],
    delimiter: u8,
    line: usize,
    fields: usize,
    blank: bool,
    pre: Option<Pre>,
}

impl Row for FastRow<'_> {
    fn number(&self) -> usize {
        self.line
    }
    fn len(&self) -> usize {
        self.fields
    }
    fn is_blank(&self) -> bool {
        self.blank
    }
    fn cell(&self, index: usize) -> Cell<'_> {
        let Some(bytes) = self.text.split(|&b| b == self.delimiter).nth(index) else {
            return Cell::Empty;
        };
        if bytes.is_empty() {
            return Cell::Empty;
        }
        match std::str::from_utf8(bytes) {
            Ok(t) => Cell::Text(std::borrow::Cow::Borrowed(t)),
            // Not reached: a clean chunk is valid UTF-8, cut at ASCII delimiters.
            Err(_) => Cell::Text(String::from_utf8_lossy(bytes)),
        }
    }
    fn pre(&self) -> Option<Pre> {
        self.pre
    }
}

/// How the chunked read ended.
pub enum Ended {
    /// Every row was visited (or the visitor stopped).
    Done,
    /// From `rest` (then the rest of the stream) the `csv` reader must go on, adding
    /// `line_offset` to its line numbers, and not visiting its first row when `skip_first`.
    Rest {
        rest: Vec<u8>,
        line_offset: usize,
        skip_first: bool,
        /// The line of the last row visited (0 when none).
        last_line: usize,
    },
}

/// Where the chunked read is, for the line numbers and for the `csv` reader to take over.
#[derive(Default)]
struct Place {
    /// Line ends in the chunks visited.
    base: usize,
    /// Line ends read up to the end of the last row visited, and whether it ended with `\r\n`.
    last_end: Option<(usize, bool)>,
    /// The bytes after the last row visited (blank lines).
    pending: Vec<u8>,
    last_line: usize,
}

/// Reads `stream` (UTF-8 text after any byte-order mark) in chunks on `threads` threads and
/// visits its rows in order. `layout` is read after each chunk (the workload parser fills it
/// when it reads the header).
pub fn read(
    stream: &mut dyn Read,
    delimiter: u8,
    layout: &LayoutSlot,
    (first_size, chunk_size): (usize, usize),
    threads: usize,
    visit: &mut dyn FnMut(&dyn Row) -> Flow,
) -> std::io::Result<Ended> {
    let mut carry = Vec::new();
    let mut serial = 0u64;
    let mut at = Place::default();
    // Visits a parsed chunk; Some(end) when the reading ends there.
    let mut consume = |chunk: &Chunk, at: &mut Place| -> Option<Ended> {
        if !chunk.clean {
            return Some(Ended::Rest {
                rest: Vec::new(),
                line_offset: 0,
                skip_first: false,
                last_line: 0,
            });
        }
        for r in &chunk.recs {
            let before = if r.after == u32::MAX {
                at.last_end.map_or(0, |(n, _)| n)
            } else {
                at.base + r.after as usize
            };
            let row = FastRow {
                text: &chunk.bytes[r.start as usize..r.end as usize],
                delimiter,
                line: before + 1,
                fields: r.fields as usize,
                blank: r.blank,
                pre: r.pre,
            };
            at.last_line = row.line;
            if let Flow::Stop = visit(&row) {
                return Some(Ended::Done);
            }
        }
        match chunk.last_end {
            Some((n, crlf)) => {
                at.last_end = Some((at.base + n as usize, crlf));
                at.pending.clear();
                at.pending.extend_from_slice(&chunk.bytes[chunk.tail..]);
            }
            None => at.pending.extend_from_slice(&chunk.bytes),
        }
        at.base += chunk.newlines;
        None
    };
    // What the csv reader must read from `chunks[0]` on: a row that ends as the last row read
    // did (its reader is then where the whole file's would be; the row is not visited), the
    // blank lines after that row, the chunks, the bytes read after them.
    let rest_from = |chunks: &[Chunk], carry: &[u8], at: &Place| -> Ended {
        let (mut rest, line_offset) = match at.last_end {
            None => (Vec::new(), 0),
            Some((n, false)) => (b"x\n".to_vec(), n - 1),
            Some((n, true)) => (b"x\r\n".to_vec(), n),
        };
        rest.extend_from_slice(&at.pending);
        for c in chunks {
            rest.extend_from_slice(&c.bytes);
        }
        rest.extend_from_slice(carry);
        Ended::Rest {
            rest,
            line_offset,
            skip_first: at.last_end.is_some(),
            last_line: at.last_line,
        }
    };

    // The first, small chunk: the header.
    let mut first = Chunk::default();
    if !read_chunk(
        stream,
        &mut carry,
        &mut first.bytes,
        first_size,
        &mut first.uncut,
    )? {
        return Ok(Ended::Done);
    }
    parse(&mut first, delimiter, layout.get().copied(), true);
    match consume(&first, &mut at) {
        Some(Ended::Done) => return Ok(Ended::Done),
        Some(Ended::Rest { .. }) => {
            return Ok(rest_from(std::slice::from_ref(&first), &carry, &at))
        }
        None => {}
    }
    let threads = threads.max(1);
    let mut spare: Vec<Chunk> = vec![first];
    let read_batch = |stream: &mut dyn Read,
                      carry: &mut Vec<u8>,
                      spare: &mut Vec<Chunk>,
                      serial: &mut u64|
     -> std::io::Result<Vec<Chunk>> {
        let mut batch = Vec::with_capacity(threads);
        for _ in 0..threads {
            let mut c = spare.pop().unwrap_or_default();
            if !read_chunk(stream, carry, &mut c.bytes, chunk_size, &mut c.uncut)? {
                spare.push(c);
                break;
            }
            *serial += 1;
            c.serial = *serial;
            batch.push(c);
        }
        Ok(batch)
    };
    let parse_all = |batch: &mut [Chunk], layout: Option<Layout>| {
        if batch.len() <= 1 {
            for c in batch.iter_mut() {
                parse(c, delimiter, layout, false);
            }
            return;
        }
        std::thread::scope(|s| {
            let (head, tail) = batch.split_at_mut(1);
            for c in tail.iter_mut() {
                s.spawn(move || parse(c, delimiter, layout, false));
            }
            parse(&mut head[0], delimiter, layout, false);
        });
    };
    let lay = layout.get().copied();
    let mut current = read_batch(stream, &mut carry, &mut spare, &mut serial)?;
    parse_all(&mut current, lay);
    loop {
        if current.is_empty() {
            return Ok(Ended::Done);
        }
        let mut next = read_batch(stream, &mut carry, &mut spare, &mut serial)?;
        // The next batch is parsed while this one is visited (one thread less for parsing when
        // there is only one: then nothing overlaps).
        let ended = if threads == 1 {
            let mut ended = None;
            for (i, c) in current.iter().enumerate() {
                if let Some(e) = consume(c, &mut at) {
                    ended = Some((i, e));
                    break;
                }
            }
            if ended.is_none() {
                parse_all(&mut next, lay);
            }
            ended
        } else {
            std::thread::scope(|s| {
                let next = &mut next;
                let worker = s.spawn(move || parse_all(next, lay));
                let mut ended = None;
                for (i, c) in current.iter().enumerate() {
                    if let Some(e) = consume(c, &mut at) {
                        ended = Some((i, e));
                        break;
                    }
                }
                let _ = worker.join();
                ended
            })
        };
        match ended {
            Some((_, Ended::Done)) => return Ok(Ended::Done),
            Some((i, Ended::Rest { .. })) => {
                let mut chunks: Vec<Chunk> = current.drain(i..).collect();
                chunks.append(&mut next);
                return Ok(rest_from(&chunks, &carry, &at));
            }
            None => {}
        }
        spare.append(&mut current);
        current = next;
    }
}
