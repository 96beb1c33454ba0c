//! Memory given back to the system at the points where a run has freed a lot of it.

/// Gives the memory the study's reader has freed (its chunk buffers, the per-thread tables)
/// back to the system before the results are built, and the computation's transient blocks
/// before the output is written: glibc keeps freed memory in each thread's arena, and at
/// national scale that was 10–20 MB of the peak (docs/benchmarks.md). Elsewhere (other
/// systems, other C libraries) nothing to do.
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's own free lists; no pointer is given.
    unsafe {
        libc::malloc_trim(0);
    }
}
