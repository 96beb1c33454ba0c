//! The progress indicator of long runs: a spinner on stderr with the rows read so far, drawn only
//! when stderr is a terminal and only once the run has taken more than a moment (short runs and
//! pipelines never see it). It polls [`crate::progress::rows_read`] from its own thread, so the
//! reading loop pays one atomic add per row and nothing else.

use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::i18n::{Lang, Text};

/// How long a run goes before the spinner shows.
const DELAY: Duration = Duration::from_millis(400);
const TICK: Duration = Duration::from_millis(100);

/// The phases the spinner names.
const READING: u8 = 0;
const COMPUTING: u8 = 1;

pub struct Spinner {
    stop: Arc<AtomicBool>,
    phase: Arc<AtomicU8>,
    handle: Option<JoinHandle<()>>,
}

impl Spinner {
    /// Starts the spinner thread when `enabled` (stderr is a terminal); otherwise does nothing.
    pub fn start(enabled: bool, lang: Lang) -> Spinner {
        let stop = Arc::new(AtomicBool::new(false));
        let phase = Arc::new(AtomicU8::new(READING));
        let handle = enabled.then(|| {
            let (stop, phase) = (stop.clone(), phase.clone());
            std::thread::spawn(move || run(&stop, &phase, lang))
        });
        Spinner {
            stop,
            phase,
            handle,
        }
    }

    /// The study is read: now computing.
    pub fn computing(&self) {
        self.phase.store(COMPUTING, Ordering::Relaxed);
    }

    /// Stops and erases the spinner (before anything else is printed).
    pub fn finish(mut self) {
        self.stop_thread();
    }

    fn stop_thread(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.handle.take() {
            h.join().ok();
        }
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        self.stop_thread();
    }
}

fn run(stop: &AtomicBool, phase: &AtomicU8, lang: Lang) {
    let mut waited = Duration::ZERO;
    while waited < DELAY {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        std::thread::sleep(TICK / 2);
        waited += TICK / 2;
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    while !stop.load(Ordering::Relaxed) {
        let rows = crate::progress::rows_read();
        let msg = if phase.load(Ordering::Relaxed) == READING {
            format!(
                "{}{} {rows} {}",
                lang.t(Text::ReadingStudy),
                if lang == Lang::Fr { " :" } else { ":" },
                lang.t(Text::RowsRead)
            )
        } else {
            format!("{}…", lang.t(Text::Computing))
        };
        bar.set_message(msg);
        bar.tick();
        std::thread::sleep(TICK);
    }
    bar.finish_and_clear();
}
