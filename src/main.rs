//! The `wisn` binary: parse, run, map errors to exit codes. Everything else is in the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    // Windows consoles show colour escapes only once asked to (Windows 10 and later); where they
    // cannot, or when an output is redirected, no colours rather than `←[1;33m` in the text.
    if anstyle_query::windows::enable_ansi_colors() == Some(false) {
        std::env::set_var("NO_COLOR", "1");
    }
    // wisn.exe double-clicked in the Explorer: say how to use it before the window closes.
    if std::env::args_os().len() == 1 && wisn::windows::started_by_double_click() {
        eprintln!(
            "{}",
            wisn::windows::double_click_help(wisn::i18n::Lang::from_env())
        );
        let _ = std::io::stdin().read_line(&mut String::new());
        return ExitCode::from(wisn::cli::EXIT_USAGE);
    }
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language of the messages: `--lang`, else the environment (as for the help).
    let lang = if wisn::cli::help_fr::wants_french(&args) {
        wisn::i18n::Lang::Fr
    } else {
        wisn::i18n::Lang::En
    };
    match wisn::cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            // `wisn compute ... | head` closes the pipe early: not an error.
            if err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            // Each message of the catalogue in the chain in the user's language.
            wisn::cli::common::print_anyhow(lang, &err);
            ExitCode::from(wisn::cli::EXIT_FAILED)
        }
    }
}
