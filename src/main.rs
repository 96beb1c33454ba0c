//! The `wisn` binary: parse, run, map errors to exit codes. Everything else is in the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    match wisn::cli::run(std::env::args_os()) {
        Ok(code) => code,
        Err(err) => {
            // `wisn compute ... | head` closes the pipe early: not an error.
            if err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {err:#}");
            ExitCode::from(wisn::cli::EXIT_FAILED)
        }
    }
}
