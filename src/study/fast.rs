//! The parallel chunked reader of plain CSV text (issue 12: national scale). The common case of
//! a national workload export (UTF-8, no quotes, `\n` or `\r\n` line ends) is read in large
//! chunks cut at line ends, and each chunk is split into lines and fields on its own thread; for
//! the long-form workload table the facility and activity names are interned per chunk as raw
//! bytes (foldhash) and the volume and period parsed there too. The rows are then handed to the
//! table reader one by one, in file order, on the calling thread, through the same [`Row`]
//! trait as the `csv` reader's rows, with the same cells and the same line numbers: everything
//! the table reader and the workload parser say (messages, first-seen order, row numbers) is
//! decided by the same code as before, and the work done in parallel is only what cannot differ.
//! A chunk of clean monthly rows with whole volumes is also summed up per facility × activity on
//! its thread ([`Summary`]); the workload parser may add the sums instead of visiting the rows
//! (see `Exact` in `workload.rs` for when that gives the very same study).
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
#[derive(Debug, Clone, Copy, PartialEq)]
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
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pre {
    pub chunk: u64,
    pub facility: u32,
    pub activity: u32,
    pub volume: f64,
    pub period: Option<Period>,
}

/// What a chunk worker summed of a chunk whose non-blank rows are all clean long-form rows
/// (each with a [`Pre`]) with the same number of fields, a month of one year as period and a
/// whole volume below 2^32: per distinct (facility, activity) of the chunk, the sum of its
/// volumes and the months it was given. Whole numbers below 2^53 add up exactly in any order,
/// so the table reader may add these sums instead of the rows (when the running total stays
/// below 2^53 and every volume before was whole too: `workload.rs` decides, and otherwise
/// visits the rows one by one as before).
#[derive(Debug, Default, PartialEq)]
pub struct Summary {
    /// As [`Pre::chunk`].
    pub chunk: u64,
    /// The non-blank rows.
    pub rows: u32,
    /// The fields of every non-blank row.
    pub fields: u32,
    pub year: i32,
    /// For each facility of the chunk (in its own numbering, first seen first), the index of
    /// the row (in [`ChunkRows::with_row`]'s numbering) it is first met in.
    pub facilities: Vec<u32>,
    /// The same for the activities.
    pub activities: Vec<u32>,
    /// The distinct (facility, activity) of the chunk, first seen first.
    pub keys: Vec<Key>,
    /// Rows that gave a (facility, activity, month) an earlier row of the chunk gave.
    pub repeats: u64,
    /// The sum of every volume of the chunk.
    pub total: f64,
}

impl Summary {
    /// Empty, for another chunk (its vectors keep their room).
    fn clear(&mut self) {
        self.rows = 0;
        self.fields = 0;
        self.facilities.clear();
        self.activities.clear();
        self.keys.clear();
        self.repeats = 0;
        self.total = 0.0;
    }
}

/// One (facility, activity) of a [`Summary`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Key {
    pub facility: u32,
    pub activity: u32,
    /// Bit `m - 1` for month `m` of the summary's year.
    pub months: u16,
    pub volume: f64,
}

/// The rows of a summarised chunk, offered with its first row ([`Row::chunk`]): a reader that
/// can use the [`Summary`] takes it (and the other rows are not visited), any other reader
/// reads the first row as any row and gets the others one by one.
pub trait ChunkRows {
    fn summary(&self) -> &Summary;
    /// Calls `f` with row `rec` of the chunk (its number as any row of the file has it).
    fn with_row(&self, rec: u32, f: &mut dyn FnMut(&dyn Row));
    /// The summary is used: the chunk's rows are not visited.
    fn take(&self);
    /// The summary may not be used (the table reader says so): [`Row::chunk`] is then `None`.
    fn refuse(&self);
    fn taken(&self) -> bool;
}

/// Bytes read per chunk. The first chunk is small, so the header is read (and the layout
/// known) before the big chunks are parsed.
pub const CHUNK: usize = 1 << 20;
pub const FIRST_CHUNK: usize = 64 << 10;
/// Lines longer than this are left to the csv path (which refuses rows over
/// `stream::MAX_ROW_BYTES`, counting what its buffer read ahead).
const LONG_LINE: usize = 64 << 10;

#[derive(Debug, PartialEq)]
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

/// A chunk's text: the first `len` bytes of a buffer that keeps its length between chunks, so
/// reading a chunk into it does not clear the megabyte first (`Vec::resize` would, each time:
/// 0.09 s of the reading thread's 0.45 s on the national study). The buffer is zeroed once,
/// when it grows.
#[derive(Default)]
struct Text {
    buf: Vec<u8>,
    len: usize,
}

impl Text {
    fn clear(&mut self) {
        self.len = 0;
    }

    fn extend_from_slice(&mut self, bytes: &[u8]) {
        let end = self.len + bytes.len();
        self.room(end);
        self.buf[self.len..end].copy_from_slice(bytes);
        self.len = end;
    }

    /// Makes the buffer at least `size` bytes long (zeroing only what it grows by).
    fn room(&mut self, size: usize) {
        if self.buf.len() < size {
            self.buf.resize(size, 0);
        }
    }

    fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }
}

impl std::ops::Deref for Text {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

impl From<Vec<u8>> for Text {
    fn from(buf: Vec<u8>) -> Self {
        let len = buf.len();
        Text { buf, len }
    }
}

#[derive(Default)]
struct Chunk {
    bytes: Text,
    recs: Vec<Rec>,
    newlines: usize,
    /// Line ends read up to the end of the last row, and whether it ended with `\r\n`.
    last_end: Option<(u32, bool)>,
    /// Where the bytes after the last row (blank lines) start.
    tail: usize,
    clean: bool,
    serial: u64,
    summary: Option<Summary>,
    /// Not cut at a line end (one line longer than the csv path accepts).
    uncut: bool,
    /// `recs` holds only the rows a summary needs (the first, the first of each name, the
    /// last): the fast lane read the chunk. Its other rows are read again if the summary is
    /// refused.
    sparse: bool,
}

/// Reads about `limit` more bytes (or to the end) into `buf` after `carry`, then cuts at the
/// last line end: the bytes after it go back to `carry`. Returns false at the end of the stream
/// with nothing read.
fn read_chunk(
    stream: &mut dyn Read,
    carry: &mut Vec<u8>,
    buf: &mut Text,
    limit: usize,
    uncut: &mut bool,
) -> std::io::Result<bool> {
    *uncut = false;
    buf.clear();
    buf.extend_from_slice(carry);
    carry.clear();
    let mut target = limit;
    loop {
        let mut eof = false;
        while buf.len() < target {
            let old = buf.len;
            buf.room(target);
            let n = loop {
                match stream.read(&mut buf.buf[old..target]) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                }
            };
            buf.len = old + n.min(target - old);
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

/// The chunk's index of a raw name (the last one asked is checked first: rows come grouped),
/// and whether it is new. The check of the last one is inlined (two a row: a call each cost
/// 40 instructions, 15 % of the fast lane), the map out of line.
#[inline(always)]
fn intern<'a>(map: &mut Names<'a>, last: &mut (&'a [u8], u32), key: &'a [u8]) -> (u32, bool) {
    if last.1 != u32::MAX && same(last.0, key) {
        return (last.1, false);
    }
    intern_other(map, last, key)
}

#[inline(never)]
fn intern_other<'a>(map: &mut Names<'a>, last: &mut (&'a [u8], u32), key: &'a [u8]) -> (u32, bool) {
    let n = map.len() as u32;
    let i = *map.entry(key).or_insert(n);
    *last = (key, i);
    (i, i == n)
}

/// `a == b`, without a call to `memcmp` for names of 8 to 16 bytes (most codes and activity
/// names): two word compares. Called twice a row.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if (8..=16).contains(&n) {
        let word = |s: &[u8], i: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&s[i..i + 8]);
            u64::from_ne_bytes(w)
        };
        return word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8);
    }
    a == b
}

/// Adds the rows of a chunk to its [`Summary`]: one (facility, activity) key per distinct pair,
/// found by hash unless it is the pair of the row before (rows come grouped).
struct Sums {
    keys: HashMap<u64, u32, foldhash::fast::FixedState>,
    last: (u64, u32),
}

impl Default for Sums {
    fn default() -> Self {
        Sums {
            keys: HashMap::default(),
            last: (u64::MAX, 0),
        }
    }
}

impl Sums {
    /// Adds a row of `fields` fields: `volume` for month `m` (1 to 12) of the summary's year.
    #[inline(always)]
    fn add(
        &mut self,
        sum: &mut Summary,
        fields: u32,
        facility: u32,
        activity: u32,
        m: u32,
        volume: f64,
    ) {
        sum.rows += 1;
        sum.fields = fields;
        sum.total += volume;
        let key = (facility as u64) << 32 | activity as u64;
        let i = if self.last.0 == key {
            self.last.1
        } else {
            let fresh = sum.keys.len() as u32;
            let i = *self.keys.entry(key).or_insert(fresh);
            if i == fresh {
                sum.keys.push(Key {
                    facility,
                    activity,
                    months: 0,
                    volume: 0.0,
                });
            }
            self.last = (key, i);
            i
        };
        let k = &mut sum.keys[i as usize];
        let bit = 1u16 << (m - 1);
        if k.months & bit != 0 {
            sum.repeats += 1;
        }
        k.months |= bit;
        k.volume += volume;
    }
}

/// Splits a chunk into rows (and, with a layout, pre-parses its long-form rows and sums them up
/// in a [`Summary`] when it can). One pass over the bytes: each delimiter and line end is found
/// once (`memchr2`), a field is looked at only when the layout wants it or the row may still be
/// blank, and nothing is allocated per row.
fn parse(chunk: &mut Chunk, delimiter: u8, layout: Option<Layout>, first: bool) {
    parse_with(chunk, delimiter, layout, first, true)
}

/// [`parse`]; `fast_lane` false reads every chunk with the general loop (tests compare both).
fn parse_with(
    chunk: &mut Chunk,
    delimiter: u8,
    layout: Option<Layout>,
    first: bool,
    fast_lane: bool,
) {
    chunk.recs.clear();
    chunk.sparse = false;
    chunk.newlines = 0;
    chunk.last_end = None;
    chunk.tail = 0;
    let mut sum = chunk.summary.take().unwrap_or_default();
    let bytes = &chunk.bytes[..];
    // The same answer as `std::str::from_utf8`, several times faster on text with accents.
    let utf8 = simdutf8::basic::from_utf8(bytes);
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
    // Field number → which of facility, activity, volume, period it is (4: none of them).
    const NONE: u8 = 4;
    let mut slot = [NONE; 64];
    let layout = layout.filter(|l| {
        let cols = [l.facility, l.activity, l.volume, l.period.unwrap_or(0)];
        cols.iter().all(|&c| c < slot.len())
    });
    if let Some(l) = layout {
        slot[l.facility] = 0;
        slot[l.activity] = 1;
        slot[l.volume] = 2;
        if let Some(p) = l.period {
            slot[p] = 3;
        }
    }
    sum.chunk = chunk.serial;
    sum.clear();
    let mut summing = layout.is_some_and(|l| l.period.is_some());
    if let (true, false, Some(l)) = (fast_lane && summing, first, layout) {
        if memchr::memchr(b'\r', bytes).is_none() {
            if let Some((newlines, last_end, tail)) =
                parse_summing(bytes, chunk.serial, delimiter, l, &mut chunk.recs, &mut sum)
            {
                chunk.newlines = newlines;
                chunk.last_end = Some(last_end);
                chunk.tail = tail;
                chunk.summary = Some(sum);
                chunk.sparse = true;
                return;
            }
            // Not every row is one the fast lane reads: the general loop reads them all.
            chunk.recs.clear();
            sum.clear();
        }
    }
    let mut year: Option<i32> = None;
    let mut sums = Sums::default();

    let mut facilities = Names::default();
    let mut activities = Names::default();
    let mut last_facility: (&[u8], u32) = (&[], u32::MAX);
    let mut last_activity: (&[u8], u32) = (&[], u32::MAX);
    let mut line = 0u32;
    let mut after = u32::MAX;
    let mut fields: [&str; 4] = [""; 4];
    let mut got = [false; 4];
    let mut n = 0u32;
    let mut blank = true;
    let mut at = 0usize;
    let mut field_start = 0usize;
    let mut ends = Ends::new(bytes, delimiter);
    loop {
        let next = ends.next();
        let pos = next.map_or(bytes.len(), |(p, _)| p);
        if next.is_none() && at == bytes.len() {
            break;
        }
        let is_line_end = next.map_or(true, |(_, line_end)| line_end);
        if !is_line_end {
            let f = &all[field_start..pos];
            if blank {
                blank = f.bytes().all(|b| b.is_ascii_whitespace());
            }
            if let Some(&k) = slot.get(n as usize) {
                if k != NONE {
                    fields[k as usize] = f;
                    got[k as usize] = true;
                }
            }
            n += 1;
            field_start = pos + 1;
            continue;
        }
        let end_nl = pos;
        let mut end = end_nl;
        let crlf = end > at && bytes[end - 1] == b'\r';
        if crlf {
            end -= 1;
        }
        if end - at > LONG_LINE {
            // Left to the csv path and its limit on rows.
            chunk.recs.clear();
            chunk.clean = false;
            return;
        }
        if end > at {
            // Cut at ASCII bytes (line ends, delimiters): always between characters.
            let f = &all[field_start.min(end)..end];
            if blank {
                blank = f.bytes().all(|b| b.is_ascii_whitespace());
            }
            if let Some(&k) = slot.get(n as usize) {
                if k != NONE {
                    fields[k as usize] = f;
                    got[k as usize] = true;
                }
            }
            n += 1;
            let pre = match layout {
                Some(l) if !blank && got[0] && got[1] && got[2] => {
                    pre_parse(&fields, got[3] || l.period.is_none(), l).map(|(volume, period)| {
                        let (facility, new_facility) =
                            intern(&mut facilities, &mut last_facility, fields[0].as_bytes());
                        let (activity, new_activity) =
                            intern(&mut activities, &mut last_activity, fields[1].as_bytes());
                        if new_facility {
                            sum.facilities.push(chunk.recs.len() as u32);
                        }
                        if new_activity {
                            sum.activities.push(chunk.recs.len() as u32);
                        }
                        Pre {
                            chunk: chunk.serial,
                            facility,
                            activity,
                            volume,
                            period,
                        }
                    })
                }
                _ => None,
            };
            if summing && !blank {
                summing = match pre {
                    Some(Pre {
                        facility,
                        activity,
                        volume,
                        period: Some(Period::Month(y, m)),
                        ..
                    }) if (1..=12).contains(&m)
                        && *year.get_or_insert(y) == y
                        && (sum.rows == 0 || sum.fields == n)
                        && volume.fract() == 0.0
                        && volume < WHOLE_MAX =>
                    {
                        sums.add(&mut sum, n, facility, activity, m, volume);
                        true
                    }
                    _ => false,
                };
            }
            // The summary is offered with the chunk's first row: it must be a data row.
            summing &= !(chunk.recs.is_empty() && blank);
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
        field_start = at;
        n = 0;
        blank = true;
        got = [false; 4];
        if next.is_none() {
            break;
        }
    }
    chunk.newlines = line as usize;
    if summing && sum.rows > 0 {
        sum.year = year.unwrap_or(0);
        chunk.summary = Some(sum);
    }
}

/// The common case of a national export in one tight loop: every line a row of the same
/// number of fields (at most 64), ended by `\n` (the caller checked there is no `\r`), with a
/// facility and an activity that start with a printable ASCII character, a volume of plain
/// digits ([`whole`]) and a period `YYYY-MM` (or `YYYY/MM`) of one year. It gives what the
/// general loop of [`parse_with`] gives for such a chunk (the same summary and line ends, and of
/// its rows only those a summary needs: the first, the first of each facility and activity, the
/// last, with the summary's row indices into them: a test compares them on random chunks), and
/// `None` at the first line that is not such a row (the general loop then reads the chunk).
/// Each field is looked at only when the layout wants it; no record is written for the other
/// rows (70 bytes a row, 1.3 GB of writes on the national study).
#[inline(never)]
fn parse_summing(
    bytes: &[u8],
    serial: u64,
    delimiter: u8,
    l: Layout,
    recs: &mut Vec<Rec>,
    sum: &mut Summary,
) -> Option<(usize, (u32, bool), usize)> {
    let period_col = l.period?;
    let width = l.facility.max(l.activity).max(l.volume).max(period_col) + 1;
    let mut year: Option<i32> = None;
    let mut sums = Sums::default();
    let mut facilities = Names::default();
    let mut activities = Names::default();
    let mut last_facility: (&[u8], u32) = (&[], u32::MAX);
    let mut last_activity: (&[u8], u32) = (&[], u32::MAX);
    // starts[k]: where field k of the current line starts.
    let mut starts = [0usize; 65];
    // The record of the last row read, when it was not kept.
    let mut last: Option<Rec> = None;
    let mut n = 0usize;
    let mut line = 0u32;
    let mut after = u32::MAX;
    let mut at = 0usize;
    let len = bytes.len();
    let mut ends = Ends::new(bytes, delimiter);
    loop {
        let pos = match ends.next() {
            Some((pos, false)) => {
                n += 1;
                if n >= 64 {
                    return None;
                }
                starts[n] = pos + 1;
                continue;
            }
            Some((pos, true)) => pos,
            // The last line, without a line end.
            None if at < len => len,
            None => break,
        };
        // A line: [at, pos).
        let end = pos;
        let fields = n + 1;
        if end == at || end - at > LONG_LINE || fields < width {
            return None;
        }
        if sum.rows > 0 && sum.fields != fields as u32 {
            return None;
        }
        let field = |k: usize| -> &[u8] {
            let e = if k + 1 < fields {
                starts[k + 1] - 1
            } else {
                end
            };
            &bytes[starts[k]..e]
        };
        let printable = |f: &[u8]| matches!(f.first(), Some(&b) if b > b' ' && b < 0x80);
        let (fac, act) = (field(l.facility), field(l.activity));
        if !printable(fac) || !printable(act) {
            return None;
        }
        let volume = whole(field(l.volume)).filter(|&v| v < WHOLE_MAX)?;
        let code = month(field(period_col));
        if code == 0 || code == u32::MAX {
            return None;
        }
        let (y, m) = ((code >> 4) as i32, code & 15);
        if *year.get_or_insert(y) != y {
            return None;
        }
        let (facility, new_facility) = intern(&mut facilities, &mut last_facility, fac);
        let (activity, new_activity) = intern(&mut activities, &mut last_activity, act);
        // The row's record is kept when the summary names it (the first row is the first of its
        // facility).
        let keep = new_facility || new_activity;
        if new_facility {
            sum.facilities.push(recs.len() as u32);
        }
        if new_activity {
            sum.activities.push(recs.len() as u32);
        }
        sums.add(sum, fields as u32, facility, activity, m, volume);
        let rec = Rec {
            start: at as u32,
            end: end as u32,
            after,
            fields: fields as u32,
            blank: false,
            pre: Some(Pre {
                chunk: serial,
                facility,
                activity,
                volume,
                period: Some(Period::Month(y, m)),
            }),
        };
        if keep {
            recs.push(rec);
            last = None;
        } else {
            last = Some(rec);
        }
        let ended = end < bytes.len();
        after = if ended { line + 1 } else { line };
        if ended {
            line += 1;
        }
        at = end + 1;
        n = 0;
        starts[0] = at;
        if pos == len {
            break;
        }
    }
    // The last row, for its line.
    recs.extend(last);
    sum.year = year?;
    Some((line as usize, (after, false), at.min(bytes.len())))
}

/// Whether this processor has AVX2 (asked once; the answer is cached).
fn avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avx2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// For the first 64 bytes of `text` (fewer at its end: the missing bytes are neither), bit i
/// set when byte i is the delimiter (first mask) or `\n` (second). Two compares of 32 bytes
/// each with AVX2 (`simd`, when [`avx2`] says so), else a loop the compiler vectorises.
#[inline]
fn block_masks(text: &[u8], delimiter: u8, simd: bool) -> (u64, u64) {
    let mut block = [0u8; 64];
    let n = text.len().min(64);
    let bytes: &[u8; 64] = match text.first_chunk::<64>() {
        Some(b) => b,
        None => {
            block[..n].copy_from_slice(&text[..n]);
            &block
        }
    };
    let (mut dm, mut nm) = if simd {
        masks_simd(bytes, delimiter)
    } else {
        masks_plain(bytes, delimiter)
    };
    if n < 64 {
        // The padding is not text.
        let keep = (1u64 << n) - 1;
        dm &= keep;
        nm &= keep;
    }
    (dm, nm)
}

fn masks_plain(bytes: &[u8; 64], delimiter: u8) -> (u64, u64) {
    let (mut dm, mut nm) = (0u64, 0u64);
    for (i, &b) in bytes.iter().enumerate() {
        dm |= u64::from(b == delimiter) << i;
        nm |= u64::from(b == b'\n') << i;
    }
    (dm, nm)
}

#[cfg(target_arch = "x86_64")]
#[inline]
fn masks_simd(bytes: &[u8; 64], delimiter: u8) -> (u64, u64) {
    /// # Safety
    /// Only on a processor with AVX2. (An `unsafe fn`, with `unsafe` blocks inside: a safe
    /// `#[target_feature]` function needs Rust 1.86, after the project's 1.80.)
    #[target_feature(enable = "avx2")]
    unsafe fn masks(bytes: &[u8; 64], delimiter: u8) -> (u64, u64) {
        use std::arch::x86_64::*;
        // SAFETY: the two loads read 32 bytes each at offsets 0 and 32 of a 64-byte array
        // (unaligned loads: any address is allowed); the other intrinsics only need AVX2,
        // which the caller vouches for.
        unsafe {
            let lo = _mm256_loadu_si256(bytes.as_ptr().cast::<__m256i>());
            let hi = _mm256_loadu_si256(bytes.as_ptr().add(32).cast::<__m256i>());
            let d = _mm256_set1_epi8(delimiter as i8);
            let nl = _mm256_set1_epi8(b'\n' as i8);
            let dm_lo = _mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, d)) as u32 as u64;
            let dm_hi = _mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, d)) as u32 as u64;
            let nm_lo = _mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, nl)) as u32 as u64;
            let nm_hi = _mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, nl)) as u32 as u64;
            (dm_lo | dm_hi << 32, nm_lo | nm_hi << 32)
        }
    }
    // SAFETY: called only when `avx2()` said the processor has AVX2 (`simd`).
    unsafe { masks(bytes, delimiter) }
}

#[cfg(not(target_arch = "x86_64"))]
fn masks_simd(bytes: &[u8; 64], delimiter: u8) -> (u64, u64) {
    masks_plain(bytes, delimiter)
}

/// The delimiters and line ends (`\n`) of a chunk, in order, as (place, is a line end): found 64
/// bytes at a time ([`block_masks`]). Fields are short, so this is cheaper than a search started
/// per field. Both loops of [`parse_with`] split with it.
struct Ends<'a> {
    bytes: &'a [u8],
    delimiter: u8,
    simd: bool,
    /// Where the current block starts, and where the next one does.
    base: usize,
    next_block: usize,
    /// Bit i: a delimiter (`dm`) or a line end (`nm`) at `base + i`, not yet given.
    dm: u64,
    nm: u64,
}

impl<'a> Ends<'a> {
    fn new(bytes: &'a [u8], delimiter: u8) -> Self {
        Ends {
            bytes,
            delimiter,
            simd: avx2(),
            base: 0,
            next_block: 0,
            dm: 0,
            nm: 0,
        }
    }
}

impl Iterator for Ends<'_> {
    type Item = (usize, bool);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, bool)> {
        while self.dm | self.nm == 0 {
            if self.next_block >= self.bytes.len() {
                return None;
            }
            self.base = self.next_block;
            (self.dm, self.nm) = block_masks(&self.bytes[self.base..], self.delimiter, self.simd);
            self.next_block += 64;
        }
        let bit = (self.dm | self.nm).trailing_zeros();
        let one = 1u64 << bit;
        let line_end = self.nm & one != 0;
        self.dm &= !one;
        self.nm &= !one;
        Some((self.base + bit as usize, line_end))
    }
}

/// Volumes summed in a [`Summary`] are whole and below this.
pub const WHOLE_MAX: f64 = 4_294_967_296.0;
/// The volume and period of a clean long-form row, when the row needs nothing but them: the
/// facility and activity not blank, the volume a number not below 0, the period blank or one
/// `parse_period` reads. Anything else is left to the cell-by-cell path (and its messages).
fn pre_parse(fields: &[&str; 4], has_period: bool, l: Layout) -> Option<(f64, Option<Period>)> {
    if blank(fields[0]) || blank(fields[1]) {
        return None;
    }
    if fields[2].is_empty() {
        return None;
    }
    let volume = match whole(fields[2].as_bytes()) {
        Some(v) => v,
        None => parse_number(fields[2], l.style).ok()??,
    };
    if volume < 0.0 {
        return None;
    }
    let period = match l.period {
        Some(_) if has_period => {
            let t = fields[3];
            match month(t.as_bytes()) {
                // Built here, not passed through an `Option<Period>` from a function: that
                // copy cost a store-forwarding stall a row (11 % of the parse).
                u32::MAX => return None,
                0 if blank(t) => None,
                0 => Some(parse_period(t)?),
                code => Some(Period::Month((code >> 4) as i32, code & 15)),
            }
        }
        // The period column is beyond the row's fields: a blank cell.
        Some(_) => None,
        None => None,
    };
    Some((volume, period))
}

/// True when the text is blank (whitespace only); one byte is looked at in the common case.
fn blank(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(&b) if b > b' ' && b < 0x80 => false,
        _ => s.trim().is_empty(),
    }
}

/// The common month shape as one number (`year × 16 + month`; a plain number, not a
/// `Period`, so that it stays in a register), `u32::MAX` when it has that shape but is not a
/// month `parse_period` reads, 0 when it has another shape.
#[inline]
fn month(b: &[u8]) -> u32 {
    if b.len() != 7 || !(b[4] == b'-' || b[4] == b'/') {
        return 0;
    }
    let d = |i: usize| b[i].wrapping_sub(b'0') as u32;
    if [d(0), d(1), d(2), d(3), d(5), d(6)].iter().any(|&x| x > 9) {
        return 0;
    }
    let y = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
    let m = d(5) * 10 + d(6);
    if (1900..=2200).contains(&y) && (1..=12).contains(&m) {
        y << 4 | m
    } else {
        u32::MAX
    }
}

/// A volume of 1 to 15 ASCII digits, as `parse_number` reads it (such a whole number is exact
/// in an `f64`, whatever way it is read); `None` for anything else.
fn whole(b: &[u8]) -> Option<f64> {
    if b.is_empty() || b.len() > 15 {
        return None;
    }
    let mut n = 0u64;
    for &c in b {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        n = n * 10 + d as u64;
    }
    Some(n as f64)
}

/// A row of a clean chunk, as the `csv` reader would give it.
struct FastRow<'a> {
    text: &'a [u8],
    delimiter: u8,
    line: usize,
    fields: usize,
    blank: bool,
    pre: Option<Pre>,
    /// The chunk's summary, offered with its first row.
    view: Option<&'a ChunkView<'a>>,
}

/// A summarised chunk, as its first row offers it.
struct ChunkView<'a> {
    chunk: &'a Chunk,
    summary: &'a Summary,
    delimiter: u8,
    base: usize,
    last_end: Option<(usize, bool)>,
    /// 0: offered, 1: refused, 2: taken.
    state: std::cell::Cell<u8>,
}

/// The line number of a row of a chunk, from the line ends before the chunk (`base`) and at the
/// end of the last row before it (`last_end`).
fn line_of(r: &Rec, base: usize, last_end: Option<(usize, bool)>) -> usize {
    let before = if r.after == u32::MAX {
        last_end.map_or(0, |(n, _)| n)
    } else {
        base + r.after as usize
    };
    before + 1
}

impl<'a> ChunkView<'a> {
    fn row(&'a self, rec: &'a Rec, offer: bool) -> FastRow<'a> {
        FastRow {
            text: &self.chunk.bytes[rec.start as usize..rec.end as usize],
            delimiter: self.delimiter,
            line: line_of(rec, self.base, self.last_end),
            fields: rec.fields as usize,
            blank: rec.blank,
            pre: rec.pre,
            view: offer.then_some(self),
        }
    }
}

impl ChunkRows for ChunkView<'_> {
    fn summary(&self) -> &Summary {
        self.summary
    }
    fn with_row(&self, rec: u32, f: &mut dyn FnMut(&dyn Row)) {
        if let Some(r) = self.chunk.recs.get(rec as usize) {
            f(&self.row(r, false));
        }
    }
    fn take(&self) {
        self.state.set(2);
    }
    fn refuse(&self) {
        self.state.set(1);
    }
    fn taken(&self) -> bool {
        self.state.get() == 2
    }
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
    fn chunk(&self) -> Option<&dyn ChunkRows> {
        match self.view {
            Some(v) if v.state.get() == 0 => Some(v),
            _ => None,
        }
    }
}

/// Chunks read and parsed ahead on a thread of their own ([`Early::start`]), while the caller
/// reads the study's other tables: on 2 cores, the second one sat idle while the facilities and
/// staff tables were read (0.1 s on the national study). At most [`EARLY_CHUNKS`] chunks and
/// [`EARLY_BYTES`] are read ahead (memory stays flat), parsed with the layout the first line of
/// the file gives;
/// [`read`] checks it against the layout the workload parser finds and parses again any chunk
/// read with another one.
pub struct Early {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<Option<EarlyRead>>>,
}

/// Chunks read ahead: at most this many (about 1 MiB each).
pub const EARLY_CHUNKS: usize = 64;
/// And at most this many bytes (a chunk of long lines may be longer than [`CHUNK`]).
pub const EARLY_BYTES: usize = 64 << 20;

/// What an [`Early`] thread read: the stream, at the place it stopped, and its chunks.
pub struct EarlyRead {
    pub stream: EarlyStream,
    pub delimiter: u8,
    pub chunks: EarlyChunks,
}

/// The chunks of an [`EarlyRead`], for [`read`].
pub struct EarlyChunks {
    /// In file order, from the first (small, header) chunk.
    chunks: Vec<Chunk>,
    /// The bytes read after the last chunk's last line end.
    carry: Vec<u8>,
    /// The layout the chunks after the first were parsed with.
    guess: Layout,
    /// Where reading stopped: the end of the stream, or an error.
    eof: bool,
    error: Option<std::io::Error>,
}

/// The stream an [`Early`] thread reads: the text after any byte-order mark.
pub type EarlyStream = Box<dyn Read + Send>;

impl Early {
    /// Starts reading ahead: `open` (on the new thread) gives the stream, its delimiter and the
    /// layout its first line gives, or `None` (nothing is read ahead then).
    pub fn start(
        open: impl FnOnce() -> Option<(EarlyStream, u8, Layout)> + Send + 'static,
        (first_size, chunk_size): (usize, usize),
    ) -> Option<Early> {
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopped = stop.clone();
        let thread = std::thread::Builder::new()
            .name("wisn-early".into())
            .spawn(move || {
                let (mut stream, delimiter, guess) = open()?;
                let chunks = read_early(
                    &mut stream,
                    delimiter,
                    guess,
                    (first_size.max(1), chunk_size.max(1)),
                    &stopped,
                );
                Some(EarlyRead {
                    stream,
                    delimiter,
                    chunks,
                })
            })
            .ok()?;
        Some(Early {
            stop,
            thread: Some(thread),
        })
    }

    /// Stops reading ahead (or, `wait`, lets it read all it would: tests) and takes what was
    /// read (`None` when nothing could be: the stream is then read from its start as usual).
    pub fn take(mut self, wait: bool) -> Option<EarlyRead> {
        if !wait {
            self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        self.thread.take()?.join().ok().flatten()
    }
}

impl Drop for Early {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The reading of an [`Early`] thread: the first chunk as [`read`] reads it, then chunks parsed
/// with `guess`, until [`EARLY_CHUNKS`] or [`EARLY_BYTES`], the end, an error, a chunk the `csv`
/// reader must read (no use reading past it), or `stop`.
fn read_early(
    stream: &mut dyn Read,
    delimiter: u8,
    guess: Layout,
    (first_size, chunk_size): (usize, usize),
    stop: &std::sync::atomic::AtomicBool,
) -> EarlyChunks {
    let mut e = EarlyChunks {
        chunks: Vec::new(),
        carry: Vec::new(),
        guess,
        eof: false,
        error: None,
    };
    let mut size = first_size;
    let mut serial = 0u64;
    let mut bytes = 0usize;
    while e.chunks.len() <= EARLY_CHUNKS
        && bytes < EARLY_BYTES
        && !stop.load(std::sync::atomic::Ordering::Relaxed)
    {
        let mut c = Chunk::default();
        match read_chunk(stream, &mut e.carry, &mut c.bytes, size, &mut c.uncut) {
            Ok(true) => {}
            Ok(false) => {
                e.eof = true;
                break;
            }
            Err(err) => {
                e.error = Some(err);
                break;
            }
        }
        if e.chunks.is_empty() {
            // As `read` parses it: before the header is read, no layout.
            parse(&mut c, delimiter, None, true);
            size = chunk_size;
        } else {
            serial += 1;
            c.serial = serial;
            parse_guarded(&mut c, delimiter, Some(guess));
        }
        let clean = c.clean;
        bytes += c.bytes.len();
        e.chunks.push(c);
        if !clean {
            break;
        }
    }
    e
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
    early: Option<EarlyChunks>,
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
        let empty = Summary::default();
        // The rows of a sparse chunk whose summary is not taken, read again in full.
        let full: OnceCell<Vec<Rec>> = OnceCell::new();
        let view = ChunkView {
            chunk,
            summary: chunk.summary.as_ref().unwrap_or(&empty),
            delimiter,
            base: at.base,
            last_end: at.last_end,
            state: std::cell::Cell::new(0),
        };
        let mut recs: &[Rec] = &chunk.recs;
        let mut k = 0;
        while let Some(r) = recs.get(k) {
            let row = view.row(r, k == 0 && chunk.summary.is_some());
            at.last_line = row.line;
            if let Flow::Stop = visit(&row) {
                return Some(Ended::Done);
            }
            if k == 0 && view.taken() {
                if let Some(last) = recs.last() {
                    at.last_line = line_of(last, at.base, at.last_end);
                }
                break;
            }
            if k == 0 && chunk.sparse {
                // The summary is refused: every row, read by the general loop (the same rows
                // and first row: the fast lane's test says so).
                recs = full.get_or_init(|| {
                    let mut again = Chunk {
                        bytes: chunk.bytes.to_vec().into(),
                        serial: chunk.serial,
                        uncut: chunk.uncut,
                        ..Default::default()
                    };
                    parse_with(&mut again, delimiter, layout.get().copied(), false, false);
                    again.recs
                });
            }
            k += 1;
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

    // The first, small chunk: the header. Then the chunks read ahead, if any (`Early`).
    let mut first = Chunk::default();
    let mut backlog: std::collections::VecDeque<Chunk> = Default::default();
    let mut early_end = false;
    let mut early_error = None;
    let mut guess = None;
    // (Stopped before it read a chunk, the thread read nothing: the stream is read from here.)
    let early = early.filter(|e| !e.chunks.is_empty() || e.eof || e.error.is_some());
    match early {
        Some(e) => {
            carry = e.carry;
            let mut chunks = e.chunks.into_iter();
            match chunks.next() {
                Some(c) => first = c,
                None => return e.error.map_or(Ok(Ended::Done), Err),
            }
            backlog.extend(chunks);
            serial = backlog.back().map_or(0, |c| c.serial);
            early_end = e.eof;
            early_error = e.error;
            guess = Some(e.guess);
        }
        None => {
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
        }
    }
    match consume(&first, &mut at) {
        Some(Ended::Done) => return Ok(Ended::Done),
        Some(Ended::Rest { .. }) => {
            let mut chunks = vec![first];
            chunks.extend(backlog);
            return Ok(rest_from(&chunks, &carry, &at));
        }
        None => {}
    }
    if let Some(e) = early_error {
        return Err(e);
    }
    let lay = layout.get().copied();
    // Chunks read ahead with a layout that is not the header's: parsed again.
    if guess.is_some() && guess != lay {
        for c in backlog.iter_mut() {
            parse_guarded(c, delimiter, lay);
        }
    }
    // Buffers kept for reuse: as many as can be in flight (those read ahead are freed, and
    // given back to the system once the last is visited: they were allocated by another thread,
    // whose arena glibc would otherwise keep through the whole read).
    let keep = 2 * threads + 3;
    let mut early_last = backlog.back().map(|c| c.serial);
    let mut spare: Vec<Chunk> = vec![first];
    if threads <= 1 {
        // One thread: read, parse and visit each chunk in turn.
        loop {
            let c = match backlog.pop_front() {
                Some(c) => c,
                None if early_end => return Ok(Ended::Done),
                None => {
                    let mut c = spare.pop().unwrap_or_default();
                    if !read_chunk(stream, &mut carry, &mut c.bytes, chunk_size, &mut c.uncut)? {
                        return Ok(Ended::Done);
                    }
                    serial += 1;
                    c.serial = serial;
                    parse_guarded(&mut c, delimiter, lay);
                    c
                }
            };
            match consume(&c, &mut at) {
                Some(Ended::Done) => return Ok(Ended::Done),
                Some(Ended::Rest { .. }) => {
                    let mut chunks = vec![c];
                    chunks.extend(backlog);
                    return Ok(rest_from(&chunks, &carry, &at));
                }
                None => {
                    if early_last == Some(c.serial) {
                        early_last = None;
                        backlog.shrink_to_fit();
                        drop(c);
                        crate::memory::release_freed_memory();
                    } else if spare.len() < keep {
                        spare.push(c);
                    }
                }
            }
        }
    }
    // Several threads: `threads` workers parse chunks as they come; this thread reads the
    // chunks (the stream is its own), hands them out, and visits the parsed ones in file
    // order. A few chunks are in flight at a time (memory stays flat); no thread waits for
    // another's batch.
    let window = 2 * threads + 2;
    let (work_tx, work_rx) = std::sync::mpsc::channel::<Chunk>();
    let work_rx = std::sync::Mutex::new(work_rx);
    let (done_tx, done_rx) = std::sync::mpsc::channel::<Chunk>();
    std::thread::scope(|s| {
        // Owned here: the workers stop when this closure returns and drops it.
        let work_tx = work_tx;
        let mut workers = 0;
        // This thread parses too, whenever the next chunk in order is not parsed yet: `threads`
        // threads in all, not one more that mostly waits (on 2 cores, 3 threads took turns).
        for _ in 1..threads {
            let work_rx = &work_rx;
            let done_tx = done_tx.clone();
            let spawned = std::thread::Builder::new().spawn_scoped(s, move || loop {
                let next = match work_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok(mut c) = next else { return };
                parse_guarded(&mut c, delimiter, lay);
                if done_tx.send(c).is_err() {
                    return;
                }
            });
            workers += usize::from(spawned.is_ok());
        }
        drop(done_tx);
        // No thread could be started (a limit of the system): this thread parses each chunk.
        let inline = workers == 0;
        // Parsed chunks that came before their turn, by serial (with those read ahead).
        let mut next_serial = backlog.front().map_or(serial + 1, |c| c.serial);
        let mut ready: std::collections::BTreeMap<u64, Chunk> =
            backlog.drain(..).map(|c| (c.serial, c)).collect();
        let mut eof = early_end;
        loop {
            while !eof && serial + 1 - next_serial < window as u64 {
                let mut c = spare.pop().unwrap_or_default();
                if !read_chunk(stream, &mut carry, &mut c.bytes, chunk_size, &mut c.uncut)? {
                    spare.push(c);
                    eof = true;
                    break;
                }
                serial += 1;
                c.serial = serial;
                if inline {
                    parse_guarded(&mut c, delimiter, lay);
                    ready.insert(c.serial, c);
                } else if let Err(std::sync::mpsc::SendError(mut c)) = work_tx.send(c) {
                    // Every worker is gone (they only stop when this thread stops sending):
                    // this thread parses the chunk.
                    parse_guarded(&mut c, delimiter, lay);
                    ready.insert(c.serial, c);
                }
            }
            if next_serial > serial {
                return Ok(Ended::Done);
            }
            let c = loop {
                if let Some(c) = ready.remove(&next_serial) {
                    break c;
                }
                if let Ok(c) = done_rx.try_recv() {
                    ready.insert(c.serial, c);
                    continue;
                }
                // A chunk no worker has taken yet: parse it here rather than wait. (A worker
                // waiting for work holds the lock: the queue is then empty.)
                let waiting = work_rx.try_lock().ok().and_then(|rx| rx.try_recv().ok());
                if let Some(mut c) = waiting {
                    parse_guarded(&mut c, delimiter, lay);
                    ready.insert(c.serial, c);
                    continue;
                }
                match done_rx.recv() {
                    Ok(c) => {
                        ready.insert(c.serial, c);
                    }
                    Err(_) => return Err(std::io::Error::other("chunk workers stopped")),
                }
            };
            next_serial += 1;
            match consume(&c, &mut at) {
                Some(Ended::Done) => return Ok(Ended::Done),
                Some(Ended::Rest { .. }) => {
                    // The csv reader goes on from this chunk: the chunks after it (parsed or
                    // not) are its text too, in order.
                    drop(work_tx);
                    let mut chunks = vec![c];
                    while next_serial <= serial {
                        if let Some(c) = ready.remove(&next_serial) {
                            chunks.push(c);
                            next_serial += 1;
                            continue;
                        }
                        match done_rx.recv() {
                            Ok(c) => {
                                ready.insert(c.serial, c);
                            }
                            Err(_) => return Err(std::io::Error::other("chunk workers stopped")),
                        }
                    }
                    return Ok(rest_from(&chunks, &carry, &at));
                }
                None => {
                    if early_last == Some(c.serial) {
                        early_last = None;
                        drop(c);
                        crate::memory::release_freed_memory();
                    } else if spare.len() < keep {
                        spare.push(c);
                    }
                }
            }
        }
    })
}

/// [`parse`], where a panic (a bug: parsing a chunk has no failure) only makes the chunk one
/// the `csv` reader reads, as a chunk with a quote is.
fn parse_guarded(chunk: &mut Chunk, delimiter: u8, layout: Option<Layout>) {
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        parse(chunk, delimiter, layout, false)
    }));
    if parsed.is_err() {
        chunk.clean = false;
        chunk.recs.clear();
        chunk.summary = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// One line of a random chunk: mostly rows the fast lane reads, some it must leave to the
    /// general loop.
    fn line_text(kind: u8, f: u8, a: u8, m: u8, v: u32) -> String {
        let (fac, act, per, vol) = (
            format!("ML{:06}", f % 5),
            format!("Activité {:02}", a % 4),
            format!("2023-{:02}", m % 12 + 1),
            v.to_string(),
        );
        match kind % 24 {
            0 => String::new(),
            1 => format!("{fac},{act},{per},{vol},extra"),
            2 => format!("{fac},{act},{per},{vol}.5"),
            3 => format!("{fac},{act},2024-{:02},{vol}", m % 12 + 1),
            4 => format!(" {fac},{act},{per},{vol}"),
            5 => format!("{fac},,{per},{vol}"),
            6 => format!("{fac},{act},2023Q1,{vol}"),
            7 => format!("{fac},{act},2023-13,{vol}"),
            8 => format!("{fac},{act},{per}"),
            9 => format!("{fac},{act},{per}, {vol}"),
            10 => format!("Éta,{act},{per},{vol}"),
            _ => format!("{fac},{act},{per},{vol}"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// The fast lane gives what the general loop gives, on chunks it reads and on chunks
        /// it gives up (where the general loop then reads them).
        #[test]
        fn fast_lane_reads_as_the_general_loop(
            lines in proptest::collection::vec(
                (0u8..40, any::<u8>(), any::<u8>(), any::<u8>(), 0u32..100_000), 1..60),
            clean_only in any::<bool>(),
            final_newline in any::<bool>(),
        ) {
            let mut text = String::new();
            for (i, &(kind, f, a, m, v)) in lines.iter().enumerate() {
                let kind = if clean_only { 23 } else { kind };
                text.push_str(&line_text(kind, f, a, m, v));
                if i + 1 < lines.len() || final_newline {
                    text.push('\n');
                }
            }
            let layout = Layout {
                facility: 0,
                activity: 1,
                volume: 3,
                period: Some(2),
                style: DecimalStyle::Point,
            };
            let run = |fast: bool| {
                let mut c = Chunk {
                    bytes: text.as_bytes().to_vec().into(),
                    serial: 7,
                    ..Default::default()
                };
                parse_with(&mut c, b',', Some(layout), false, fast);
                c
            };
            let (a, b) = (run(true), run(false));
            // What the fast lane keeps of the general loop's rows when it reads the chunk: the
            // rows the summary names and the last, the summary's indices into them.
            let sparse_of = |c: &Chunk| -> (Vec<usize>, Summary) {
                let sum = c.summary.as_ref().expect("a summary");
                let mut kept: Vec<usize> = sum.facilities.iter().chain(&sum.activities)
                    .map(|&i| i as usize).collect();
                kept.push(c.recs.len() - 1);
                kept.sort_unstable();
                kept.dedup();
                let at = |i: &u32| kept.binary_search(&(*i as usize)).unwrap() as u32;
                let summary = Summary {
                    facilities: sum.facilities.iter().map(at).collect(),
                    activities: sum.activities.iter().map(at).collect(),
                    keys: sum.keys.clone(),
                    ..*sum
                };
                (kept, summary)
            };
            if a.sparse {
                let (kept, summary) = sparse_of(&b);
                prop_assert_eq!(a.recs.len(), kept.len());
                for (r, &i) in a.recs.iter().zip(&kept) {
                    prop_assert_eq!(r, &b.recs[i]);
                }
                prop_assert_eq!(a.summary.as_ref(), Some(&summary));
            } else {
                prop_assert_eq!(&a.recs, &b.recs);
                prop_assert_eq!(&a.summary, &b.summary);
            }
            prop_assert_eq!(a.newlines, b.newlines);
            prop_assert_eq!(a.last_end, b.last_end);
            prop_assert_eq!(a.tail, b.tail);
            prop_assert_eq!(a.clean, b.clean);
            if clean_only {
                // The fast lane itself read these (not the general loop after it gave up).
                prop_assert!(a.sparse);
            }
        }
    }

    #[test]
    fn ends_finds_every_delimiter_and_line_end() {
        let long: Vec<u8> = (0..300u32)
            .map(|i| b"ab,;\n\t\xC3\xA9x"[(i * 7 % 9) as usize])
            .collect();
        let texts: [&[u8]; 7] = [
            b"",
            b",",
            b"a,b\nc;d,,\n\n",
            "é,\u{80},\u{ff}\n\u{2c}x,,,,,,,,,,,,,,,,\n".as_bytes(),
            &[0, 44, 10, 255, 44, 44, 0, 10, 128, 1, 44],
            b"abcdefgh,ijklmnop\nqrstuvw,",
            &long,
        ];
        for t in texts {
            for d in [b',', b';', b'\t', 0] {
                let want: Vec<(usize, bool)> = (0..t.len())
                    .filter(|&i| t[i] == d || t[i] == b'\n')
                    .map(|i| (i, t[i] == b'\n'))
                    .collect();
                assert_eq!(Ends::new(t, d).collect::<Vec<_>>(), want, "{t:?}");
            }
        }
    }

    #[test]
    fn same_is_equality() {
        let texts: Vec<Vec<u8>> = (0..20)
            .flat_map(|n| {
                let base: Vec<u8> = (0..n).map(|i| b'a' + i as u8).collect();
                let mut v = vec![base.clone()];
                for i in 0..n {
                    let mut t = base.clone();
                    t[i] = b'Z';
                    v.push(t);
                }
                v
            })
            .collect();
        for a in &texts {
            for b in &texts {
                assert_eq!(same(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn block_masks_agree_with_and_without_simd() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for round in 0..2000 {
            let len = round % 150;
            let text: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    [b',', b';', b'\n', b'a', 0, 0xC3, b'\t'][(state % 7) as usize]
                })
                .collect();
            for d in [b',', b';', b'\t', 0] {
                let want: (u64, u64) =
                    text.iter()
                        .take(64)
                        .enumerate()
                        .fold((0, 0), |(dm, nm), (i, &b)| {
                            (dm | u64::from(b == d) << i, nm | u64::from(b == b'\n') << i)
                        });
                assert_eq!(block_masks(&text, d, false), want, "{text:?}");
                if avx2() {
                    assert_eq!(block_masks(&text, d, true), want, "{text:?}");
                }
            }
        }
    }

    /// What `pre_parse` reads of a period that is not blank.
    fn period(t: &str) -> Option<Period> {
        match month(t.as_bytes()) {
            0 => parse_period(t),
            u32::MAX => None,
            code => Some(Period::Month((code >> 4) as i32, code & 15)),
        }
    }

    #[test]
    fn months_read_as_parse_period_reads_them() {
        for y in (0..10000).step_by(7).chain(1895..2205) {
            for m in 0..100 {
                for sep in ['-', '/', '.'] {
                    let t = format!("{y:04}{sep}{m:02}");
                    assert_eq!(period(&t), parse_period(&t), "{t}");
                }
            }
        }
        for t in [
            " 2023-01", "2023-1", "2023-01 ", "2023-0a", "2023Q1", "202301", "2023",
        ] {
            assert_eq!(period(t), parse_period(t), "{t}");
        }
    }

    #[test]
    fn whole_volumes_read_as_parse_number_reads_them() {
        for t in [
            "0",
            "7",
            "007",
            "42",
            "999999999999999",
            "4294967296",
            "1234567890123",
            "12a",
            "",
            "1.5",
            " 7",
            "1e3",
            "-2",
            "+3",
            "1000000000000000",
        ] {
            match whole(t.as_bytes()) {
                Some(v) => assert_eq!(
                    Some(v.to_bits()),
                    parse_number(t, DecimalStyle::Point)
                        .unwrap()
                        .map(f64::to_bits),
                    "{t}"
                ),
                None => assert!(
                    !t.bytes().all(|b| b.is_ascii_digit()) || t.is_empty() || t.len() > 15,
                    "{t}"
                ),
            }
        }
        assert!(blank("") && blank("  ") && blank("\u{a0}") && !blank("a") && !blank(" a"));
    }
}
