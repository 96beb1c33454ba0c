//! A text for people in both languages ([`Msg`]), and the [`catalogue!`](crate::catalogue)
//! macro every message of `wisn` is written with (src/messages/).
//!
//! A message is formatted in English and in French when it is made (both are short), and the
//! language is chosen when it is shown: `wisn compute --lang fr` prints the French one on
//! stderr, in its reports and in `wisn validate`'s JSON `message`; the codes
//! ([`Code`](super::Code)) never change with the language.
//!
//! In a template, a value is shown as people of the language write it: text as it is, whole
//! numbers as they are, decimals with a decimal comma in French (`12,5`; the `{x:.1}`
//! precision is kept); [`Grouped`] counts with a space between thousands (`1 234 567`, the SI
//! way, which reads right in both languages and is never taken for a decimal point or comma).

use std::fmt;

use crate::i18n::Lang;

/// A text for people, in English and in French.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Msg {
    en: String,
    fr: String,
}

impl Msg {
    /// A message from its two texts (the catalogue's functions call this; so may code that
    /// joins two messages).
    pub fn new(en: impl Into<String>, fr: impl Into<String>) -> Msg {
        Msg {
            en: en.into(),
            fr: fr.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }

    /// The English text (what `Display` shows).
    pub fn en(&self) -> &str {
        &self.en
    }

    /// The French text.
    pub fn fr(&self) -> &str {
        &self.fr
    }

    /// This message with `other` after it, separated by `sep` (the same in both languages).
    pub fn join(&self, sep: &str, other: &Msg) -> Msg {
        Msg {
            en: format!("{}{sep}{}", self.en, other.en),
            fr: format!("{}{sep}{}", self.fr, other.fr),
        }
    }

    /// `prefix` (a message) then this one: `scenario "x": …`.
    pub fn after(&self, prefix: &Msg) -> Msg {
        prefix.join("", self)
    }

    /// Applies `f` to both texts (e.g. to append a list of names that is the same in both).
    pub fn map(&self, mut f: impl FnMut(&str) -> String) -> Msg {
        Msg {
            en: f(&self.en),
            fr: f(&self.fr),
        }
    }
}

/// The English text: what tests, `anyhow` chains and logs see when no language is at hand.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// A message of the catalogue can be an error of its own (`anyhow::Error::new(msg)`); the
/// command line prints it in the user's language (it downcasts to `Msg`).
impl std::error::Error for Msg {}

/// A value shown in a message, written as people of each language write it.
pub trait Localize {
    fn fmt_en(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
    fn fmt_fr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

macro_rules! same_in_both {
    ($($t:ty),*) => {
        $(impl Localize for $t {
            fn fmt_en(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self, f)
            }
            fn fmt_fr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self, f)
            }
        })*
    };
}
same_in_both!(
    str,
    String,
    char,
    u8,
    u16,
    u32,
    u64,
    usize,
    i8,
    i16,
    i32,
    i64,
    isize,
    std::path::Display<'_>,
    super::Code
);

fn fr_decimal(v: f64, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let s = match f.precision() {
        Some(p) => format!("{v:.p$}"),
        None => v.to_string(),
    };
    let s = s.replace('.', ",");
    // width and alignment as asked; the precision was applied above.
    match f.width() {
        Some(w) => write!(f, "{s:>w$}"),
        None => f.write_str(&s),
    }
}

impl Localize for f64 {
    fn fmt_en(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
    fn fmt_fr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fr_decimal(*self, f)
    }
}

impl Localize for f32 {
    fn fmt_en(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
    fn fmt_fr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fr_decimal(f64::from(*self), f)
    }
}

impl<T: Localize + ?Sized> Localize for &T {
    fn fmt_en(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt_en(f)
    }
    fn fmt_fr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt_fr(f)
    }
}

/// A message inside a message: its own text in each language.
impl Localize for Msg {
    fn fmt_en(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.en)
    }
    fn fmt_fr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.fr)
    }
}

/// A count with thousands grouped by spaces: `1 234 567` (in both languages: a comma would be a
/// decimal comma to a French reader, a point a decimal point to an English one).
#[derive(Debug, Clone, Copy)]
pub struct Grouped(pub u64);

impl Localize for Grouped {
    fn fmt_en(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&group(self.0, ' '))
    }
    fn fmt_fr(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&group(self.0, ' '))
    }
}

fn group(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// What `one(n)` in a [`catalogue!`](crate::catalogue) entry counts.
pub trait Count {
    fn count(&self) -> u64;
}
macro_rules! counts {
    ($($t:ty),*) => {
        $(impl Count for $t {
            fn count(&self) -> u64 {
                u64::try_from(*self).unwrap_or(u64::MAX)
            }
        })*
    };
}
counts!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);
impl Count for Grouped {
    fn count(&self) -> u64 {
        self.0
    }
}
impl<T: Count + ?Sized> Count for &T {
    fn count(&self) -> u64 {
        (**self).count()
    }
}

/// Shows a [`Localize`] value in English (used by [`catalogue!`](crate::catalogue)).
pub struct En<'a, T: ?Sized>(pub &'a T);
/// Shows a [`Localize`] value in French (used by [`catalogue!`](crate::catalogue)).
pub struct Fr<'a, T: ?Sized>(pub &'a T);

impl<T: Localize + ?Sized> fmt::Display for En<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_en(f)
    }
}
impl<T: Localize + ?Sized> fmt::Display for Fr<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_fr(f)
    }
}

/// One entry of the catalogue as written (for the tests that keep it complete).
#[derive(Debug, Clone, Copy)]
pub struct Template {
    /// The function's name.
    pub name: &'static str,
    pub en: &'static str,
    pub fr: &'static str,
}

/// Defines messages: one function per message, returning a [`Msg`], and a `TEMPLATES` table
/// of every template (the tests check that each has a French text that is not the English one
/// and names the same values).
///
/// ```ignore
/// catalogue! {
///     /// A cadre with staff and no standards.
///     cadre_without_standards(cadre: &str, staff: f64) {
///         en: "cadre {cadre} has {staff} staff but no standards",
///         fr: "la catégorie {cadre} a {staff} agents mais aucune norme",
///     }
///     rows_skipped(n: usize) {
///         en: "{n} rows skipped", fr: "{n} lignes ignorées",
///         one(n): en: "{n} row skipped", fr: "{n} ligne ignorée",
///     }
/// }
/// ```
/// `one(n)` gives the singular forms, used for `n == 1` in English and `n <= 1` in French (as
/// French grammar has it: `0 ligne`). Arguments can be anything [`Localize`]: `&str`,
/// `String`, integers, `f64` (a decimal comma in French), [`Grouped`], another [`Msg`].
#[macro_export]
macro_rules! catalogue {
    ($(
        $(#[$meta:meta])*
        $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) {
            en: $en:literal, fr: $fr:literal
            $(, one($n:ident): en: $en1:literal, fr: $fr1:literal)?
            $(,)?
        }
    )*) => {
        $(
            $(#[$meta])*
            #[allow(unused_variables, clippy::too_many_arguments)]
            pub fn $name($($arg: $ty),*) -> $crate::diag::Msg {
                let count: Option<u64> = None $( .or(Some($crate::diag::msg::Count::count(&$n))) )?;
                let en = {
                    $( let $arg = $crate::diag::msg::En(&$arg); )*
                    let one: Option<String> = None;
                    $( let one = if count == Some(1) { Some(format!($en1)) } else { None }; )?
                    one.unwrap_or_else(|| format!($en))
                };
                let fr = {
                    $( let $arg = $crate::diag::msg::Fr(&$arg); )*
                    let one: Option<String> = None;
                    $( let one = if matches!(count, Some(0 | 1)) { Some(format!($fr1)) } else { None }; )?
                    one.unwrap_or_else(|| format!($fr))
                };
                $crate::diag::Msg::new(en, fr)
            }
        )*

        /// Every template of this part of the catalogue, as written.
        pub const TEMPLATES: &[$crate::diag::msg::Template] = &[
            $(
                $crate::diag::msg::Template { name: stringify!($name), en: $en, fr: $fr },
                $( $crate::diag::msg::Template { name: concat!(stringify!($name), " (one ", stringify!($n), ")"), en: $en1, fr: $fr1 }, )?
            )*
        ];
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    mod sample {
        crate::catalogue! {
            /// A test entry.
            cadre_without_standards(cadre: &str, staff: f64) {
                en: "cadre {cadre} has {staff:.1} staff but no standards",
                fr: "la catégorie {cadre} a {staff:.1} agents mais aucune norme",
            }
            rows_skipped(n: usize) {
                en: "{n} rows skipped", fr: "{n} lignes ignorées",
                one(n): en: "{n} row skipped", fr: "{n} ligne ignorée",
            }
            many(n: super::Grouped, inner: &super::Msg) {
                en: "{n} more: {inner}", fr: "{n} de plus : {inner}",
            }
        }
    }

    #[test]
    fn both_languages_with_numbers_as_people_write_them() {
        let m = sample::cadre_without_standards("Sage-femme", 12.5);
        assert_eq!(
            m.get(Lang::En),
            "cadre Sage-femme has 12.5 staff but no standards"
        );
        assert_eq!(
            m.get(Lang::Fr),
            "la catégorie Sage-femme a 12,5 agents mais aucune norme"
        );
        assert_eq!(m.to_string(), m.en());
    }

    #[test]
    fn plurals() {
        let en = |n| sample::rows_skipped(n).en().to_string();
        let fr = |n| sample::rows_skipped(n).fr().to_string();
        assert_eq!(en(0), "0 rows skipped");
        assert_eq!(en(1), "1 row skipped");
        assert_eq!(en(2), "2 rows skipped");
        assert_eq!(fr(0), "0 ligne ignorée");
        assert_eq!(fr(1), "1 ligne ignorée");
        assert_eq!(fr(2), "2 lignes ignorées");
        assert_eq!(sample::TEMPLATES.len(), 4);
    }

    #[test]
    fn grouped_counts_and_nested_messages() {
        let inner = sample::rows_skipped(3);
        let m = sample::many(Grouped(1_234_567), &inner);
        assert_eq!(m.en(), "1 234 567 more: 3 rows skipped");
        assert_eq!(m.fr(), "1 234 567 de plus : 3 lignes ignorées");
    }
}
