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
