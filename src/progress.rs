//! A counter of table rows read, for the progress indicator of the command line. The readers
//! bump it (one relaxed atomic add per row: nothing next to parsing a row); the command line
//! polls it from another thread and draws a spinner on stderr when stderr is a terminal. The
//! library itself never draws anything.

use std::sync::atomic::{AtomicU64, Ordering};

static ROWS_READ: AtomicU64 = AtomicU64::new(0);

/// Counts one data row read (any table).
#[inline]
pub fn row_read() {
    ROWS_READ.fetch_add(1, Ordering::Relaxed);
}

/// Counts `n` data rows read at once (a chunk summed up by the chunked reader).
#[inline]
pub fn rows_read_add(n: u64) {
    ROWS_READ.fetch_add(n, Ordering::Relaxed);
}

/// Data rows read so far by this process.
pub fn rows_read() -> u64 {
    ROWS_READ.load(Ordering::Relaxed)
}
