//! The write phase of `wisn compute` alone: reads and computes a study once, then writes its
//! result rows as CSV (`--excel-fr` CSV, JSON) several times to a file, timing each write (wall
//! time, and the process's CPU time, user + system, from `getrusage`), on a thread pool of
//! `--jobs` threads as `wisn compute` does. Prints the best run of each format.
//!
//! ```text
//! cargo run --release --example write_bench -- /tmp/wisn-bench/national --jobs 2 --runs 3
//! ```

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};

const HELP: &str = "\
write_bench: time the output of `wisn compute` (CSV, --excel-fr CSV, JSON) on a study

USAGE:
    write_bench STUDY [--jobs N] [--runs R] [--out FILE] [--format csv|excel-fr|json]...

The study is read and computed once; each format is then written R times (default 3) to FILE
(default /tmp/write_bench.out) on a pool of N threads (default: one per core). Prints the best
wall time and the CPU time (user + system) of that run.
";

fn main() {
    if let Err(e) = run() {
        eprintln!("write_bench: {e:#}");
        std::process::exit(1);
    }
}

fn cpu_seconds() -> f64 {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: getrusage fills the struct it is given.
        let mut u: libc::rusage = unsafe { std::mem::zeroed() };
        unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
        let t = |v: libc::timeval| v.tv_sec as f64 + v.tv_usec as f64 / 1e6;
        t(u.ru_utime) + t(u.ru_stime)
    }
    #[cfg(not(target_os = "linux"))]
    {
        0.0
    }
}

fn run() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let mut study = None;
    let mut jobs = None;
    let mut runs = 3;
    let mut out = PathBuf::from("/tmp/write_bench.out");
    let mut formats = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(());
            }
            "--jobs" => jobs = Some(args.next().context("--jobs N")?.parse::<usize>()?),
            "--runs" => runs = args.next().context("--runs R")?.parse::<usize>()?,
            "--out" => out = PathBuf::from(args.next().context("--out FILE")?),
            "--format" => formats.push(args.next().context("--format F")?),
            s if s.starts_with('-') => bail!("unknown option {s}\n\n{HELP}"),
            s => study = Some(PathBuf::from(s)),
        }
    }
    let Some(study) = study else {
        bail!("give a study\n\n{HELP}");
    };
    if formats.is_empty() {
        formats = vec!["csv".into(), "excel-fr".into(), "json".into()];
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(wisn::cli::common::worker_threads(jobs))
        .build()?;
    let read = wisn::study::ReadOptions {
        study: Some(study.clone()),
        ..Default::default()
    };
    let (builder, mut diag) = pool.install(|| wisn::study::load(&read));
    if diag.has_errors() {
        bail!(
            "the study has errors: run wisn validate {}",
            study.display()
        );
    }
    let study = builder.study;
    let options = wisn::engine::ComputeOptions::default();
    let results = pool
        .install(|| wisn::engine::compute(&study, &options, &mut diag))
        .map_err(|p| anyhow::anyhow!("{} problems computing", p.len()))?;
    println!(
        "{} result rows, {} threads",
        results.rows.len(),
        pool.current_num_threads()
    );
    for format in &formats {
        let (f, french) = match format.as_str() {
            "csv" => (wisn::report::Format::Csv, false),
            "excel-fr" => (wisn::report::Format::Csv, true),
            "json" => (wisn::report::Format::Json, false),
            other => bail!("unknown format {other}"),
        };
        let settings = wisn::report::ReportSettings {
            french_csv: french,
            ..Default::default()
        };
        let report = wisn::report::ComputeReport {
            study: &study,
            results: &results,
            warnings: Vec::new(),
            settings: &settings,
        };
        let mut best: Option<(f64, f64)> = None;
        for _ in 0..runs {
            let (cpu, start) = (cpu_seconds(), Instant::now());
            let file = std::fs::File::create(&out)?;
            let mut w = std::io::BufWriter::with_capacity(256 * 1024, file);
            pool.install(|| wisn::report::serialize_to(&report, f, &mut w))?;
            w.flush()?;
            drop(w);
            let (wall, cpu) = (start.elapsed().as_secs_f64(), cpu_seconds() - cpu);
            if best.map_or(true, |(b, _)| wall < b) {
                best = Some((wall, cpu));
            }
        }
        let (wall, cpu) = best.unwrap_or_default();
        let bytes = std::fs::metadata(&out)?.len();
        println!(
            "{format:>8}: {wall:.3} s wall, {cpu:.3} s CPU (best of {runs}), {:.1} MB",
            bytes as f64 / 1e6
        );
    }
    Ok(())
}
