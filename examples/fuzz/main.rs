//! An in-repo fuzz harness that runs under stable Rust (`cargo fuzz` needs nightly): mutates seed
//! files from tests/data and data/ and runs them through one reader, watching for panics (also
//! those the workbook reader's last line of defence catches), allocations over a cap, and inputs
//! that take too long. Documented in docs/robustness.md.
//!
//! ```sh
//! cargo run --release --example fuzz -- all 30        # every target, 30 s each
//! cargo run --release --example fuzz -- xls 120 7     # one target, 120 s, seed 7
//! ```
//!
//! Each target runs in a child process (this program with `--child`), so an abort (an
//! allocation over the cap) or a runaway input is caught by the parent, which saves the input
//! under `target/fuzz/crashes/` and restarts the child for the rest of the budget.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

mod engine;

/// One allocation larger than this, or more than this live at once, is a finding: the inputs
/// are seed-sized (under 400 KB), so no legitimate read comes near it.
const ALLOC_CAP: usize = 512 << 20;
/// An input that runs longer than this is a finding.
const EXEC_TIMEOUT: Duration = Duration::from_secs(10);

struct Capped;
static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Capped {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.size() > ALLOC_CAP || LIVE.load(Ordering::Relaxed) + layout.size() > 2 * ALLOC_CAP
        {
            // A null return makes Rust abort with "memory allocation of N bytes failed": the
            // parent sees the abort and keeps the input.
            return std::ptr::null_mut();
        }
        let p = System.alloc(layout);
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > ALLOC_CAP
            || LIVE.load(Ordering::Relaxed) + new_size.saturating_sub(layout.size()) > 2 * ALLOC_CAP
        {
            return std::ptr::null_mut();
        }
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            LIVE.fetch_add(new_size, Ordering::Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Capped = Capped;

fn work_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz")
}

/// Where inputs are written for the readers (which take paths): memory-backed when the system
/// has /dev/shm, as writing a file per input to disk would dominate the run.
fn scratch_dir(target: &str) -> PathBuf {
    let shm = Path::new("/dev/shm");
    let base = if shm.is_dir() {
        shm.join(format!(
            "wisn-fuzz-{}",
            std::env::var("USER").unwrap_or_default()
        ))
    } else {
        work_dir().join("scratch")
    };
    base.join(target)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        let target = &args[1];
        let seconds: u64 = args[2].parse().unwrap();
        let seed: u64 = args[3].parse().unwrap();
        child(target, seconds, seed);
        return;
    }
    if args.first().map(String::as_str) == Some("--replay") {
        // Runs one saved input through a target, with the panic and allocation messages.
        let target = &args[1];
        let input = std::fs::read(&args[2]).expect("the input file");
        let dir = scratch_dir(target);
        std::fs::create_dir_all(&dir).unwrap();
        println!(
            "{} (panics caught by the workbook guard: {})",
            engine::run(target, &input, &dir),
            wisn::study::workbook::GUARDED_PANICS.load(Ordering::Relaxed)
        );
        return;
    }
    let target = args.first().cloned().unwrap_or_else(|| "all".into());
    let seconds: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(30);
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let targets: Vec<&str> = if target == "all" {
        engine::TARGETS.to_vec()
    } else {
        vec![target.as_str()]
    };
    println!("target     budget  execs  panics  caught  aborts  timeouts");
    for t in targets {
        supervise(t, seconds, seed);
    }
}

/// Runs a target's children for the budget, keeping the inputs that crash them.
fn supervise(target: &str, seconds: u64, seed: u64) {
    let dir = scratch_dir(target);
    std::fs::create_dir_all(&dir).unwrap();
    let crashes = work_dir().join("crashes");
    std::fs::create_dir_all(&crashes).unwrap();
    let start = Instant::now();
    let (mut execs, mut panics, mut caught, mut aborts, mut timeouts) =
        (0u64, 0u64, 0u64, 0u64, 0u64);
    let mut round = 0u64;
    while start.elapsed().as_secs() < seconds {
        let left = seconds - start.elapsed().as_secs();
        let out = Command::new(std::env::current_exe().unwrap())
            .args([
                "--child",
                target,
                &left.to_string(),
                &(seed * 1000 + round).to_string(),
            ])
            .output()
            .expect("the fuzz child starts");
        round += 1;
        let stdout = String::from_utf8_lossy(&out.stdout);
        for line in stdout.lines() {
            if let Some(rest) = line.strip_prefix("stats ") {
                let n: Vec<u64> = rest.split(' ').filter_map(|x| x.parse().ok()).collect();
                if n.len() == 3 {
                    execs += n[0];
                    panics += n[1];
                    caught += n[2];
                }
            }
        }
        if out.status.success() {
            continue;
        }
        let current = dir.join("current.bin");
        let kind = if out.status.code() == Some(99) {
            timeouts += 1;
            "timeout"
        } else {
            aborts += 1;
            "abort"
        };
        execs += stdout
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix("progress "))
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or(0);
        let saved = crashes.join(format!("{target}-{kind}-{round}.bin"));
        std::fs::copy(&current, &saved).ok();
        let err = String::from_utf8_lossy(&out.stderr);
        eprintln!(
            "{target}: {kind}, input saved as {} ({})",
            saved.display(),
            err.lines().last().unwrap_or("")
        );
    }
    println!(
        "{target:<10} {seconds:>4} s {execs:>7} {panics:>7} {caught:>7} {aborts:>7} {timeouts:>9}"
    );
}

static EXEC_STARTED_MS: AtomicU64 = AtomicU64::new(0);

fn child(target: &str, seconds: u64, seed: u64) {
    let dir = scratch_dir(target);
    std::fs::create_dir_all(&dir).unwrap();
    let seeds = engine::seeds(target);
    assert!(!seeds.is_empty(), "no seeds for {target}");
    let epoch = Instant::now();
    // The watchdog: an input running longer than EXEC_TIMEOUT ends the child with status 99.
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_millis(200));
        let started = EXEC_STARTED_MS.load(Ordering::Relaxed);
        if started > 0
            && (epoch.elapsed().as_millis() as u64).saturating_sub(started)
                > EXEC_TIMEOUT.as_millis() as u64
        {
            let _ = std::io::stdout().flush();
            std::process::exit(99);
        }
    });
    // A panic is a finding: the hook saves the input (the harness goes on).
    let panics = std::sync::Arc::new(AtomicU64::new(0));
    {
        let panics = panics.clone();
        let crashes = work_dir().join("crashes");
        let dir = dir.clone();
        let target = target.to_string();
        std::panic::set_hook(Box::new(move |info| {
            let n = panics.fetch_add(1, Ordering::Relaxed);
            if n < 20 {
                let saved = crashes.join(format!("{target}-panic-{seed}-{n}.bin"));
                std::fs::copy(dir.join("current.bin"), &saved).ok();
                eprintln!("{target}: panic {info}, input saved as {}", saved.display());
            }
        }));
    }
    let mut rng = engine::Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut execs = 0u64;
    let current = dir.join("current.bin");
    while Instant::now() < deadline {
        let input = engine::mutate(&mut rng, target, &seeds);
        let input = engine::wrap(target, input, &mut rng);
        write_current(&current, &input);
        EXEC_STARTED_MS.store(epoch.elapsed().as_millis() as u64 + 1, Ordering::Relaxed);
        let before = wisn::study::workbook::GUARDED_PANICS.load(Ordering::Relaxed);
        let _ = std::panic::catch_unwind(|| engine::run(target, &input, &dir));
        EXEC_STARTED_MS.store(0, Ordering::Relaxed);
        let after = wisn::study::workbook::GUARDED_PANICS.load(Ordering::Relaxed);
        if after > before && after <= 20 {
            let saved = work_dir()
                .join("crashes")
                .join(format!("{target}-caught-{seed}-{after}.bin"));
            std::fs::copy(&current, &saved).ok();
            eprintln!(
                "{target}: a panic caught by the workbook guard, input saved as {}",
                saved.display()
            );
        }
        execs += 1;
        if execs % 256 == 0 {
            println!("progress {execs}");
        }
    }
    let caught = wisn::study::workbook::GUARDED_PANICS.load(Ordering::Relaxed) as u64;
    println!("stats {execs} {} {caught}", panics.load(Ordering::Relaxed));
}

fn write_current(path: &Path, input: &[u8]) {
    std::fs::write(path, input).unwrap();
}
