//! Writing results: to stdout, or to a file atomically (a temporary file in the same folder,
//! renamed over the target when complete), so that a failed run never leaves a half-written
//! report. The temporary file is created before the computation starts, so a bad path fails at
//! once.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diag::ContextMsg;
use crate::messages::output as m;

/// Where the output goes.
pub enum Output {
    Stdout,
    File {
        target: PathBuf,
        /// Unnamed until complete where the system allows (see [`crate::output_temp`]).
        temp: crate::output_temp::TempFile,
    },
    /// An existing file that is not a regular file (`/dev/null`, a FIFO, `/dev/stdout`): written
    /// in place, since renaming over it would replace the device with a file.
    Special {
        target: PathBuf,
    },
}

/// The file a symbolic link (or a chain of them) points to; the path itself otherwise. A link to
/// a file that does not exist yet resolves to where it points.
fn resolve_link(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::read_link(&current) {
            Ok(to) => {
                current = match current.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            Err(_) => return current,
        }
    }
    current
}

/// The output must not be one of the study's input files: `-o staff.csv` in the study folder
/// would replace the data with the report. `inputs` are the files the study reads.
pub fn check_not_input(output: &Path, inputs: &[PathBuf]) -> Result<(), crate::diag::Msg> {
    if output == Path::new("-") {
        return Ok(());
    }
    let Ok(target) = std::fs::canonicalize(resolve_link(output)) else {
        return Ok(());
    };
    for input in inputs {
        if std::fs::canonicalize(input).is_ok_and(|i| i == target) {
            return Err(m::output_is_input(output.display(), input.display()));
        }
    }
    Ok(())
}

impl Output {
    /// Prepares the output: for a file, checks the folder and creates the temporary file now.
    pub fn prepare(path: Option<&Path>) -> anyhow::Result<Output> {
        let Some(path) = path else {
            return Ok(Output::Stdout);
        };
        if path == Path::new("-") {
            return Ok(Output::Stdout);
        }
        // A symbolic link is written through: the file it points to gets the report, the link
        // stays (renaming over the link would replace it with a file).
        let resolved = resolve_link(path);
        let path = resolved.as_path();
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if path.is_dir() {
            return Err(m::output_is_folder(path.display()).into());
        }
        if cfg!(windows) && is_windows_device(path) {
            return Ok(Output::Special {
                target: path.to_path_buf(),
            });
        }
        if let Ok(meta) = std::fs::metadata(path) {
            if !meta.file_type().is_file() {
                return Ok(Output::Special {
                    target: path.to_path_buf(),
                });
            }
        }
        let temp = crate::output_temp::TempFile::new_in(&dir)
            .msg_context(|| m::cannot_write_here(path.display()))?;
        Ok(Output::File {
            target: path.to_path_buf(),
            temp,
        })
    }

    /// Writes the bytes and, for a file, renames it into place.
    pub fn finish(self, bytes: &[u8]) -> anyhow::Result<()> {
        match self {
            Output::Stdout => {
                let mut out = std::io::stdout().lock();
                out.write_all(bytes)?;
                out.flush()?;
                Ok(())
            }
            Output::Special { target } => {
                let mut f = std::fs::OpenOptions::new()
                    .write(true)
                    .open(&target)
                    .msg_context(|| m::cannot_write(target.display()))?;
                f.write_all(bytes)
                    .msg_context(|| m::cannot_write(target.display()))?;
                Ok(())
            }
            Output::File { target, temp } => {
                temp.persist_with(bytes, &target).map_err(|e| {
                    anyhow::Error::new(m::cannot_write_because(
                        target.display(),
                        e.to_string(),
                        &open_elsewhere_hint(&e),
                    ))
                })?;
                Ok(())
            }
        }
    }
}

impl Output {
    /// Writes the output as a stream: `write` is given a buffered writer (to stdout, or to the
    /// temporary file, renamed into place only when `write` has succeeded), so a large report
    /// is never held in memory whole. On an error nothing is put in place of the target. An
    /// error of the file or pipe itself is returned as that `std::io::Error` (whatever writer
    /// wrapped it: csv, serde_json), so that a closed pipe (`wisn compute | head`) stays quiet
    /// and a full disk names the file.
    pub fn write_with(
        self,
        write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        fn stream<W: Write>(
            to: W,
            write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
        ) -> Result<(), Failure> {
            let mut out = Watched {
                inner: std::io::BufWriter::with_capacity(256 * 1024, to),
                error: None,
            };
            let done = write(&mut out).and_then(|()| out.flush().map_err(anyhow::Error::from));
            match (done, out.error.take()) {
                (Ok(()), _) => Ok(()),
                (Err(_), Some(io)) => Err(Failure::Io(io)),
                (Err(e), None) => Err(Failure::Other(e)),
            }
        }
        match self {
            Output::Stdout => stream(std::io::stdout().lock(), write).map_err(|f| match f {
                Failure::Io(e) => anyhow::Error::from(e),
                Failure::Other(e) => e,
            }),
            Output::Special { target } => {
                let f = std::fs::OpenOptions::new()
                    .write(true)
                    .open(&target)
                    .msg_context(|| m::cannot_write(target.display()))?;
                stream(f, write).map_err(|f| match f {
                    Failure::Io(e) => anyhow::Error::new(crate::diag::MsgContext {
                        msg: m::cannot_write(target.display()),
                        source: e.into(),
                    }),
                    Failure::Other(e) => e,
                })
            }
            Output::File { target, mut temp } => {
                let cannot = |e: &std::io::Error| {
                    anyhow::Error::new(m::cannot_write_because(
                        target.display(),
                        e.to_string(),
                        &open_elsewhere_hint(e),
                    ))
                };
                stream(&mut temp, write).map_err(|f| match f {
                    Failure::Io(e) => cannot(&e),
                    Failure::Other(e) => e,
                })?;
                temp.persist_with(&[], &target).map_err(|e| cannot(&e))
            }
        }
    }
}

/// Why a streamed output failed: the file or pipe, or the report itself.
enum Failure {
    Io(std::io::Error),
    Other(anyhow::Error),
}

/// A writer that keeps the first error of the writer under it.
struct Watched<W: Write> {
    inner: W,
    error: Option<std::io::Error>,
}

impl<W: Write> Watched<W> {
    fn keep<T>(&mut self, r: std::io::Result<T>) -> std::io::Result<T> {
        if let Err(e) = &r {
            if self.error.is_none() {
                self.error = Some(match e.raw_os_error() {
                    Some(code) => std::io::Error::from_raw_os_error(code),
                    None => std::io::Error::new(e.kind(), e.to_string()),
                });
            }
        }
        r
    }
}

impl<W: Write> Write for Watched<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let r = self.inner.write(buf);
        self.keep(r)
    }
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        let r = self.inner.write_all(buf);
        self.keep(r)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        let r = self.inner.flush();
        self.keep(r)
    }
}

/// On Windows a file open in Excel cannot be replaced (access denied, sharing or lock violation):
/// say what to do.
fn open_elsewhere_hint(e: &std::io::Error) -> crate::diag::Msg {
    if cfg!(windows) && matches!(e.raw_os_error(), Some(5 | 32 | 33)) {
        m::close_the_file()
    } else {
        crate::diag::Msg::default()
    }
}

/// `NUL`, `CON`, `COM1`, … (any case, any extension, in any folder): Windows devices, which exist
/// in every folder and cannot be renamed over (`-o NUL` is Windows' `-o /dev/null`).
pub fn is_windows_device(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    // On Windows `C:\x\nul.txt` has the file name `nul.txt`; elsewhere the whole text is tested.
    let name = name.rsplit(['\\', '/']).next().unwrap_or(name);
    let stem = name
        .split('.')
        .next()
        .unwrap_or(name)
        .trim_end()
        .to_ascii_uppercase();
    matches!(
        stem.as_str(),
        "NUL" | "CON" | "PRN" | "AUX" | "CONIN$" | "CONOUT$"
    ) || ((stem.starts_with("COM") || stem.starts_with("LPT"))
        && stem.len() == 4
        && matches!(stem.as_bytes()[3], b'1'..=b'9'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_devices() {
        for device in [
            "NUL",
            "nul",
            "Nul.csv",
            r"C:\temp\NUL",
            "con",
            "COM1",
            "lpt9.txt",
            "CONOUT$",
        ] {
            assert!(is_windows_device(Path::new(device)), "{device}");
        }
        for file in [
            "null.csv",
            "nul_report.csv",
            "COM0",
            "COM10",
            "console.csv",
            "resultats.csv",
            r"C:\NUL\x.csv",
        ] {
            assert!(!is_windows_device(Path::new(file)), "{file}");
        }
    }
}
