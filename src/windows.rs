//! What differs on Windows and needs the system itself: the user's language (Windows has no
//! `LANG`). Everything else Windows-specific (paths, devices such as `NUL`, Windows-1252 names,
//! CRLF) is ordinary code elsewhere, testable on any system.

/// The user's locale name as Windows gives it (`fr-FR`, `fr-ML`, `en-US`), for the default
/// language when none of `LC_ALL`, `LC_MESSAGES`, `LANG` is set; `None` on other systems.
pub fn user_locale() -> Option<String> {
    #[cfg(windows)]
    {
        // kernel32's GetUserDefaultLocaleName (Windows Vista and later).
        #[link(name = "kernel32")]
        extern "system" {
            fn GetUserDefaultLocaleName(name: *mut u16, len: i32) -> i32;
        }
        const LOCALE_NAME_MAX_LENGTH: usize = 85;
        let mut buf = [0u16; LOCALE_NAME_MAX_LENGTH];
        // SAFETY: the buffer is LOCALE_NAME_MAX_LENGTH wide characters, the length we pass; the
        // function writes at most that many and returns how many it wrote (0 on failure),
        // counting the final NUL.
        let n = unsafe { GetUserDefaultLocaleName(buf.as_mut_ptr(), buf.len() as i32) };
        let n = usize::try_from(n)
            .ok()
            .filter(|&n| n > 0 && n <= buf.len())?;
        String::from_utf16(&buf[..n - 1]).ok()
    }
    #[cfg(not(windows))]
    {
        None
    }
}

/// Whether this program has its console window to itself: on Windows, started by a double-click
/// in the File Explorer (Windows made a console just for it, which closes when it exits) rather
/// than typed in a Command Prompt or PowerShell. Always false elsewhere.
pub fn started_by_double_click() -> bool {
    #[cfg(windows)]
    {
        // kernel32's GetConsoleProcessList (Windows XP and later): the processes attached to this
        // console; just this one when Windows opened the console for it.
        #[link(name = "kernel32")]
        extern "system" {
            fn GetConsoleProcessList(list: *mut u32, count: u32) -> u32;
        }
        let mut ids = [0u32; 4];
        // SAFETY: the buffer holds `ids.len()` process ids, the count we pass; the function
        // writes at most that many and returns how many processes there are (0 on failure).
        let n = unsafe { GetConsoleProcessList(ids.as_mut_ptr(), ids.len() as u32) };
        n == 1
    }
    #[cfg(not(windows))]
    {
        false
    }
}

/// What a double-click on wisn.exe shows before its window closes: how to use it from a terminal.
/// (In French and English here until the message catalogue holds it.)
pub fn double_click_help(lang: crate::i18n::Lang) -> &'static str {
    match lang {
        crate::i18n::Lang::Fr => {
            "wisn se lance dans un terminal, pas d'un double-clic.\n\
             Ouvrez le dossier de l'étude dans l'Explorateur, tapez cmd dans\n\
             la barre d'adresse et appuyez sur Entrée. Dans la fenêtre qui\n\
             s'ouvre, tapez par exemple :\n\n\
             \x20   wisn compute etude.xlsx\n\
             \x20   wisn compute etude.xlsx -o rapport.xlsx --lang fr\n\
             \x20   wisn --help\n\n\
             Appuyez sur Entrée pour fermer cette fenêtre."
        }
        crate::i18n::Lang::En => {
            "wisn runs in a terminal, not by a double-click.\n\
             Open the study's folder in the File Explorer, type cmd in the\n\
             address bar and press Enter. In the window that opens, type for\n\
             example:\n\n\
             \x20   wisn compute study.xlsx\n\
             \x20   wisn compute study.xlsx -o report.xlsx\n\
             \x20   wisn --help\n\n\
             Press Enter to close this window."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn never_a_double_click_elsewhere() {
        if cfg!(not(windows)) {
            assert!(!started_by_double_click());
            assert_eq!(user_locale(), None);
        }
    }

    #[test]
    fn double_click_help_fits_a_console() {
        for lang in [Lang::En, Lang::Fr] {
            let text = double_click_help(lang);
            assert!(text.contains("cmd") && text.contains("wisn compute"));
            assert!(text.lines().all(|l| l.chars().count() <= 76), "{text}");
        }
    }
}
