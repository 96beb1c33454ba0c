//! The temporary file behind an atomic `-o` write. On Linux it is an unnamed file
//! (`O_TMPFILE`) in the target's folder: it has no name until the report is complete, so a run
//! killed with `kill -9` during a long write leaves nothing behind. When the report is
//! complete, the file is linked under a hidden name (`.wisn-XXXXXX.tmp`) and renamed over the
//! target at once. Where `O_TMPFILE` is not available (other systems, some file systems), a
//! named temporary file is used, as before (docs/robustness.md).

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

/// A temporary file in the target's folder.
pub enum TempFile {
    /// Linux `O_TMPFILE`: no name yet.
    #[cfg(target_os = "linux")]
    Unnamed {
        file: File,
        dir: std::path::PathBuf,
    },
    Named(tempfile::NamedTempFile),
}

impl TempFile {
    /// Creates the temporary file in `dir`.
    pub fn new_in(dir: &Path) -> io::Result<TempFile> {
        #[cfg(target_os = "linux")]
        {
            use std::os::unix::fs::OpenOptionsExt;
            let unnamed = std::fs::OpenOptions::new()
                .write(true)
                .mode(0o644)
                .custom_flags(libc::O_TMPFILE)
                .open(dir);
            if let Ok(file) = unnamed {
                return Ok(TempFile::Unnamed {
                    file,
                    dir: dir.to_path_buf(),
                });
            }
        }
        tempfile::Builder::new()
            .prefix(".wisn-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map(TempFile::Named)
    }

    fn file(&self) -> &File {
        match self {
            #[cfg(target_os = "linux")]
            TempFile::Unnamed { file, .. } => file,
            TempFile::Named(t) => t.as_file(),
        }
    }

    /// Writes the bytes, then puts the file in place of `target` (atomically: a rename).
    pub fn persist_with(mut self, bytes: &[u8], target: &Path) -> io::Result<()> {
        self.write_all(bytes)?;
        self.file().sync_all().ok();
        match self {
            #[cfg(target_os = "linux")]
            TempFile::Unnamed { file, dir } => {
                use std::os::unix::ffi::OsStrExt;
                use std::os::unix::io::AsRawFd;
                let source = std::ffi::CString::new(format!("/proc/self/fd/{}", file.as_raw_fd()))
                    .map_err(io::Error::other)?;
                // A free hidden name, linked, then renamed over the target.
                for attempt in 0..16u32 {
                    let name = dir.join(format!(".wisn-{}-{attempt}.tmp", std::process::id()));
                    let dest = std::ffi::CString::new(name.as_os_str().as_bytes())
                        .map_err(io::Error::other)?;
                    // SAFETY: both paths are NUL-terminated C strings that outlive the call.
                    let rc = unsafe {
                        libc::linkat(
                            libc::AT_FDCWD,
                            source.as_ptr(),
                            libc::AT_FDCWD,
                            dest.as_ptr(),
                            libc::AT_SYMLINK_FOLLOW,
                        )
                    };
                    if rc != 0 {
                        let e = io::Error::last_os_error();
                        if e.kind() == io::ErrorKind::AlreadyExists {
                            continue;
                        }
                        return Err(e);
                    }
                    return std::fs::rename(&name, target).inspect_err(|_| {
                        std::fs::remove_file(&name).ok();
                    });
                }
                Err(io::Error::other("no free temporary name"))
            }
            TempFile::Named(temp) => {
                #[cfg(unix)]
                {
                    // A report is an ordinary file (tempfile creates 0600).
                    use std::os::unix::fs::PermissionsExt;
                    std::fs::set_permissions(temp.path(), std::fs::Permissions::from_mode(0o644))
                        .ok();
                }
                temp.persist(target).map(|_| ()).map_err(|e| e.error)
            }
        }
    }
}

impl Write for TempFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            #[cfg(target_os = "linux")]
            TempFile::Unnamed { file, .. } => file.write(buf),
            TempFile::Named(t) => t.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            #[cfg(target_os = "linux")]
            TempFile::Unnamed { file, .. } => file.flush(),
            TempFile::Named(t) => t.flush(),
        }
    }
}
