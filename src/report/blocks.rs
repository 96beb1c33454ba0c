//! Rows formatted into bytes by blocks, on the threads of the current rayon pool, and written in
//! order: the CSV and JSON writers give the bytes of one row ([`write_rows`]), this module
//! decides where each row is formatted.
//!
//! Rows that can be reached by index ([`Rows::each_in`]) are formatted in blocks of
//! [`BLOCK_ROWS`] on the threads of the pool the writer runs in (`wisn compute`'s, sized by
//! `--jobs`), a few blocks at a time (waves of two blocks a thread: two waves in memory, the
//! one being written and the next), and written in order by the calling thread while the next
//! wave is formatted: the same bytes whatever the number of threads, never the whole output in
//! memory. With one thread, few rows, or rows reached in order only, one buffer on the calling
//! thread.

use std::io::Write;

use super::{Rows, Value};

/// The rows of one block formatted by one thread.
pub const BLOCK_ROWS: usize = 1024;

/// How a writer formats one row: appends the bytes of the row of index `i` (in `0..len()`), its
/// cells given, to the buffer.
pub type FormatRow<'f> =
    dyn Fn(&mut Vec<u8>, usize, &[Value<'_>]) -> anyhow::Result<()> + Sync + 'f;

/// Every row formatted by `row` and written to `out`, in order.
pub fn write_rows(rows: &dyn Rows, out: &mut dyn Write, row: &FormatRow<'_>) -> anyhow::Result<()> {
    let threads = rayon::current_num_threads();
    let by_index = rows.each_in(0..0, &mut |_| Ok(())).is_some();
    if threads < 2 || rows.len() <= BLOCK_ROWS || !by_index {
        let mut buffer = Vec::with_capacity(64 * 1024);
        let mut i = 0;
        rows.each(&mut |cells| {
            row(&mut buffer, i, cells)?;
            i += 1;
            if buffer.len() >= 64 * 1024 {
                out.write_all(&buffer)?;
                buffer.clear();
            }
            Ok(())
        })?;
        out.write_all(&buffer)?;
        return Ok(());
    }
    in_blocks(rows, 2 * threads, out, row)
}

/// A block of rows formatted by one thread: its bytes, or the error that stopped it.
#[derive(Default)]
struct Block {
    bytes: Vec<u8>,
    error: Option<anyhow::Error>,
}

/// The rows written in blocks of [`BLOCK_ROWS`], `wave` blocks formatted at once on the current
/// pool while the calling thread writes the wave before (and then helps format).
fn in_blocks(
    rows: &dyn Rows,
    wave: usize,
    out: &mut dyn Write,
    row: &FormatRow<'_>,
) -> anyhow::Result<()> {
    let len = rows.len();
    let blocks = len.div_ceil(BLOCK_ROWS);
    let mut current: Vec<Block> = (0..wave).map(|_| Block::default()).collect();
    let mut next: Vec<Block> = (0..wave).map(|_| Block::default()).collect();
    rayon::in_place_scope(|scope| spawn_wave(scope, rows, row, 0, &mut current));
    let mut first = wave;
    loop {
        let more = first < blocks;
        let written = rayon::in_place_scope(|scope| {
            if more {
                spawn_wave(scope, rows, row, first, &mut next);
            }
            for block in &mut current {
                if let Some(e) = block.error.take() {
                    return Err(e);
                }
                out.write_all(&block.bytes)?;
            }
            Ok(())
        });
        written?;
        if !more {
            return Ok(());
        }
        std::mem::swap(&mut current, &mut next);
        first += wave;
    }
}

/// Spawns the formatting of the blocks `first..first + wave.len()` on `scope`, each into its
/// [`Block`].
fn spawn_wave<'s>(
    scope: &rayon::Scope<'s>,
    rows: &'s dyn Rows,
    row: &'s FormatRow<'s>,
    first: usize,
    wave: &'s mut [Block],
) {
    let len = rows.len();
    for (i, block) in wave.iter_mut().enumerate() {
        block.bytes.clear();
        block.error = None;
        let start = (first + i) * BLOCK_ROWS;
        if start >= len {
            continue;
        }
        let range = start..(start + BLOCK_ROWS).min(len);
        scope.spawn(move |_| {
            let Block { bytes, error } = block;
            let mut i = range.start;
            let done = rows
                .each_in(range, &mut |cells| {
                    row(bytes, i, cells)?;
                    i += 1;
                    Ok(())
                })
                .unwrap_or_else(|| {
                    Err(anyhow::Error::new(
                        crate::messages::output::rows_not_by_index(),
                    ))
                });
            *error = done.err();
        });
    }
}
