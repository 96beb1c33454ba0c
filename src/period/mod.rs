//! Periods, for every module that needs them (the study readers and the DHIS2 writer): workload
//! periods (study-format §2, §6): `2020`, `202003`, `2020-03`, `2020/03`, `03/2020`,
//! `2020Q1`, `2020W05`, `mars 2020`, a date `2020-03-15` (its month), and workbook date cells.

pub mod dhis2;

use crate::names::normalise;

/// A reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    Year(i32),
    Quarter(i32, u32),
    Month(i32, u32),
    Week(i32, u32),
}

impl Period {
    /// A month as one number (`year × 12 + month − 1`) for counting distinct months.
    pub fn month_code(&self) -> Option<u32> {
        match *self {
            Period::Month(y, m) => Some((y as u32) * 12 + m - 1),
            _ => None,
        }
    }
    /// The year the period starts in (study-format §6: a quarter or week counts in the year it
    /// starts in, so ISO week `2020W01`, which starts on Monday 30 December 2019, is in 2019).
    pub fn year(&self) -> i32 {
        match *self {
            Period::Year(y) | Period::Quarter(y, _) | Period::Month(y, _) => y,
            Period::Week(y, w) => iso_week_start(y, w).map_or(y, |(sy, _, _)| sy),
        }
    }
}

/// The Monday an ISO week starts on, as (year, month, day); `None` when the year has no such
/// week (week 53 of a 52-week year).
pub fn iso_week_start(year: i32, week: u32) -> Option<(i32, u32, u32)> {
    use chrono::Datelike;
    let d = chrono::NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)?;
    Some((d.year(), d.month(), d.day()))
}

const MONTHS: &[(&str, u32)] = &[
    ("janvier", 1),
    ("janv", 1),
    ("jan", 1),
    ("january", 1),
    ("fevrier", 2),
    ("fevr", 2),
    ("fev", 2),
    ("feb", 2),
    ("february", 2),
    ("mars", 3),
    ("mar", 3),
    ("march", 3),
    ("avril", 4),
    ("avr", 4),
    ("apr", 4),
    ("april", 4),
    ("mai", 5),
    ("may", 5),
    ("juin", 6),
    ("jun", 6),
    ("june", 6),
    ("juillet", 7),
    ("juil", 7),
    ("jul", 7),
    ("july", 7),
    ("aout", 8),
    ("aug", 8),
    ("august", 8),
    ("septembre", 9),
    ("sept", 9),
    ("sep", 9),
    ("september", 9),
    ("octobre", 10),
    ("oct", 10),
    ("october", 10),
    ("novembre", 11),
    ("nov", 11),
    ("november", 11),
    ("decembre", 12),
    ("dec", 12),
    ("december", 12),
];

fn year(text: &str) -> Option<i32> {
    (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
        .filter(|y| (1900..=2200).contains(y))
}

fn small(text: &str, max: u32) -> Option<u32> {
    (1..=2)
        .contains(&text.len())
        .then(|| text.parse().ok())
        .flatten()
        .filter(|v| (1..=max).contains(v))
}

/// Reads a period; `None` when the text is not one.
pub fn parse_period(text: &str) -> Option<Period> {
    let t = text.trim();
    let b = t.as_bytes();
    // Fast paths for the common shapes.
    if b.len() == 4 {
        return year(t).map(Period::Year);
    }
    if b.len() == 6 && b.iter().all(u8::is_ascii_digit) {
        return Some(Period::Month(year(&t[..4])?, small(&t[4..], 12)?));
    }
    if b.len() == 7 && (b[4] == b'-' || b[4] == b'/') && b[5].is_ascii_digit() {
        return Some(Period::Month(year(&t[..4])?, small(&t[5..], 12)?));
    }
    let upper = t.to_ascii_uppercase();
    for (sep, max, make) in [
        ('Q', 4, Period::Quarter as fn(i32, u32) -> Period),
        ('W', 53, Period::Week as fn(i32, u32) -> Period),
        ('T', 4, Period::Quarter as fn(i32, u32) -> Period),
        ('S', 53, Period::Week as fn(i32, u32) -> Period),
    ] {
        if let Some((y, n)) = upper.split_once(sep) {
            let y = y.trim_end_matches('-');
            if let (Some(y), Some(n)) = (year(y), small(n, max)) {
                // Week 53 exists only in years that have it (2020 does, 2023 does not).
                if max == 53 && iso_week_start(y, n).is_none() {
                    return None;
                }
                return Some(make(y, n));
            }
        }
    }
    // Dates: 2020-03-15 or 15/03/2020: their month.
    let parts: Vec<&str> = t
        .split(['-', '/', '.', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [y, m] if year(y).is_some() => return Some(Period::Month(year(y)?, small(m, 12)?)),
        [m, y] if year(y).is_some() && small(m, 12).is_some() => {
            return Some(Period::Month(year(y)?, small(m, 12)?))
        }
        [y, m, d] if year(y).is_some() && small(d, 31).is_some() => {
            return Some(Period::Month(year(y)?, small(m, 12)?))
        }
        [d, m, y] if year(y).is_some() && small(d, 31).is_some() => {
            return Some(Period::Month(year(y)?, small(m, 12)?))
        }
        _ => {}
    }
    // Month names: `mars 2020`, `Janv-2023`.
    let n = normalise(t);
    let words: Vec<&str> = n.split('_').collect();
    if let [m, y] = words.as_slice() {
        let month = MONTHS.iter().find(|(name, _)| name == m).map(|(_, v)| *v)?;
        return Some(Period::Month(year(y)?, month));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use Period::*;

    #[test]
    fn shapes() {
        for (t, p) in [
            ("2020", Year(2020)),
            ("202003", Month(2020, 3)),
            ("2020-03", Month(2020, 3)),
            ("2020/3", Month(2020, 3)),
            ("03/2020", Month(2020, 3)),
            ("2020Q1", Quarter(2020, 1)),
            ("2020-Q4", Quarter(2020, 4)),
            ("2023W05", Week(2023, 5)),
            ("2020-03-15", Month(2020, 3)),
            ("15/03/2020", Month(2020, 3)),
            ("mars 2020", Month(2020, 3)),
            ("Février 2023", Month(2023, 2)),
            ("janv-2023", Month(2023, 1)),
            (" 202312 ", Month(2023, 12)),
        ] {
            assert_eq!(parse_period(t), Some(p), "{t}");
        }
        for t in ["", "2020-13", "202013", "20", "hier", "2020Q5", "13/2020"] {
            assert_eq!(parse_period(t), None, "{t}");
        }
    }

    #[test]
    fn weeks_count_in_the_year_they_start_in() {
        // ISO week 1 of 2020 starts on Monday 30 December 2019; of 2023, on Monday 2 January.
        assert_eq!(Week(2020, 1).year(), 2019);
        assert_eq!(Week(2020, 2).year(), 2020);
        assert_eq!(Week(2023, 1).year(), 2023);
        assert_eq!(Week(2020, 53).year(), 2020); // 28 December 2020
        assert_eq!(Quarter(2023, 4).year(), 2023);
        assert_eq!(iso_week_start(2021, 53), None);
        assert_eq!(parse_period("2023W53"), None);
        assert_eq!(parse_period("2020W53"), Some(Week(2020, 53)));
    }
}
