//! Times `engine::compute` alone on a study read once: the wall time of each of N runs on
//! `--jobs` threads, and a checksum of the rows (so two builds can be compared).
//!
//! ```text
//! cargo run --release --example engine_time -- /tmp/wisn-bench/national [RUNS] [JOBS] [--by]
//! ```

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(study) = args.get(1) else {
        eprintln!("usage: engine_time STUDY [RUNS] [JOBS] [--by]");
        std::process::exit(2);
    };
    let runs: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(10);
    let jobs: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(2);
    let by = args.iter().any(|a| a == "--by");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .expect("pool");
    let read = wisn::study::ReadOptions {
        study: Some(study.into()),
        ..Default::default()
    };
    let (builder, diag) = pool.install(|| wisn::study::load(&read));
    assert!(!diag.has_errors(), "the study has errors");
    let s = builder.study;
    let options = wisn::engine::ComputeOptions {
        by: if by {
            vec![wisn::engine::Level::District, wisn::engine::Level::Region]
        } else {
            vec![]
        },
        ..Default::default()
    };
    let mut times = Vec::new();
    for _ in 0..runs {
        let mut d = wisn::diag::Diagnostics::default();
        let t = Instant::now();
        let r = pool.install(|| wisn::engine::compute(&s, &options, &mut d));
        let el = t.elapsed().as_secs_f64() * 1e3;
        let r = r.expect("computed");
        let sum: u64 = r.rows.iter().fold(0u64, |h, x| {
            h.rotate_left(5)
                ^ x.required_staff.to_bits()
                ^ x.current_staff.to_bits()
                ^ x.cadre.len() as u64
        });
        let t2 = Instant::now();
        drop(r);
        let drop_ms = t2.elapsed().as_secs_f64() * 1e3;
        times.push(el);
        println!(
            "compute {el:.1} ms, drop {drop_ms:.1} ms, checksum {sum:016x}, warnings {}",
            d.problems.len()
        );
    }
    times.sort_by(f64::total_cmp);
    println!(
        "min {:.1} ms, median {:.1} ms",
        times[0],
        times[times.len() / 2]
    );
}
