//! Baseline for the benchmarks: the cheapest honest way to read a `workload.csv` with the `csv`
//! crate. It parses every record into one reused `csv::ByteRecord` and sums the `volume` column
//! as `f64` (so the work cannot be optimised away), then prints rows, sum, elapsed time and
//! throughput. `wisn compute` does strictly more work than this (normalisation, validation,
//! aggregation, the WISN computation, output), so its time divided by this one is the overhead.
//!
//! ```text
//! cargo run --release --example bare_parse -- /tmp/wisn-bench/national/workload.csv
//! ```

use std::time::Instant;

use anyhow::{bail, Context, Result};

const HELP: &str = "\
bare_parse: baseline csv-crate parse of a workload.csv (sums the volume column)

USAGE:
    bare_parse PATH/workload.csv

Prints: rows, sum of volume, elapsed seconds, rows/s and MB/s (MB = 10^6 bytes of file).
";

fn main() {
    // Plain messages (anyhow would print a backtrace under RUST_BACKTRACE=1).
    if let Err(e) = run() {
        eprintln!("bare_parse: {e:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let mut path = None;
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(());
            }
            _ if path.is_none() => path = Some(a),
            _ => bail!("unexpected argument `{a}` (see --help)"),
        }
    }
    let Some(path) = path else {
        bail!("usage: bare_parse PATH/workload.csv (see --help)")
    };
    let bytes = std::fs::metadata(&path)
        .with_context(|| format!("cannot open {path}"))?
        .len();

    let t0 = Instant::now();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_path(&path)
        .with_context(|| format!("cannot open {path}"))?;
    let headers = rdr.byte_headers()?.clone();
    let vol_col = headers
        .iter()
        .position(|h| h.eq_ignore_ascii_case(b"volume"))
        .with_context(|| format!("{path}: no `volume` column in the header"))?;

    let mut rec = csv::ByteRecord::new();
    let mut rows: u64 = 0;
    let mut sum = 0.0f64;
    while rdr.read_byte_record(&mut rec)? {
        rows += 1;
        let field = rec.get(vol_col).unwrap_or(b"");
        let s = std::str::from_utf8(field)
            .with_context(|| format!("{path}: line {}: volume is not UTF-8", rows + 1))?;
        let v: f64 = s
            .trim()
            .parse()
            .with_context(|| format!("{path}: line {}: volume `{s}` is not a number", rows + 1))?;
        sum += v;
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "rows {rows}  sum {sum}  elapsed {secs:.3} s  {:.2} M rows/s  {:.1} MB/s  ({:.1} MB)",
        rows as f64 / secs / 1e6,
        bytes as f64 / secs / 1e6,
        bytes as f64 / 1e6
    );
    Ok(())
}
