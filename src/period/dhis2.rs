//! DHIS2 ISO periods (`2023`, `202301`, `2023Q1`, `2023W5`, `2023AprilS1`, ...): what the DHIS2
//! workload reader (`--year`, completeness) and the DHIS2 writer (`--period`) both need.

use super::iso_week_start;

/// What `wisn` needs of a DHIS2 period: the year it starts in (for `--year`) and, for a month,
/// its month code (for completeness).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodInfo {
    pub start_year: i32,
    /// `year × 12 + month − 1` when the period is a calendar month.
    pub month: Option<u32>,
}

/// Reads a DHIS2 ISO period: `2023` (year), `202301` (month), `20230115` (day), `202301B`
/// (bi-month), `2023Q1` (quarter), `2023S1` (six-month), `2023AprilS1`, `2023NovS1`, `2023April`,
/// `2023July`, `2023Sep`, `2023Oct`, `2023Nov` (financial), `2023W5` (ISO week), `2023BiW1`,
/// `2023WedW5`, `2023ThuW5`, `2023SatW5`, `2023SunW5`. Anything else is tried as a tidy period
/// (`2023-01`, `janvier 2023`). A week or quarter counts in the year it starts in.
pub fn parse_period(text: &str) -> Option<PeriodInfo> {
    let t = text.trim();
    let b = t.as_bytes();
    let tidy = || {
        super::parse_period(t).map(|p| PeriodInfo {
            start_year: p.year(),
            month: p.month_code(),
        })
    };
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return tidy();
    }
    let y: i32 = t[..4].parse().ok()?;
    if !(1900..=2200).contains(&y) {
        return None;
    }
    let rest = &t[4..];
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    let number = |s: &str, max: u32| -> Option<u32> {
        (digits(s) && s.len() <= 2)
            .then(|| s.parse().ok())
            .flatten()
            .filter(|n| (1..=max).contains(n))
    };
    let year_only = |sy: i32| {
        Some(PeriodInfo {
            start_year: sy,
            month: None,
        })
    };
    let week_start = |week: u32, shift: i64| -> Option<PeriodInfo> {
        let (wy, wm, wd) = iso_week_start(y, week)?;
        let monday = chrono::NaiveDate::from_ymd_opt(wy, wm, wd)?;
        let start = monday + chrono::Duration::days(shift);
        use chrono::Datelike;
        year_only(start.year())
    };
    match rest {
        "" => year_only(y),
        r if r.len() == 2 && digits(r) => {
            let m = number(r, 12)?;
            Some(PeriodInfo {
                start_year: y,
                month: Some(y as u32 * 12 + m - 1),
            })
        }
        r if r.len() == 4 && digits(r) => {
            let (m, d) = (number(&r[..2], 12)?, number(&r[2..], 31)?);
            chrono::NaiveDate::from_ymd_opt(y, m, d)?;
            year_only(y)
        }
        r if r.len() == 3 && r.ends_with('B') => {
            number(&r[..2], 6)?;
            year_only(y)
        }
        _ => {
            let upper = rest.to_ascii_uppercase();
            let after = |prefix: &str| upper.strip_prefix(prefix);
            for (prefix, shift) in [("WEDW", 2), ("THUW", 3), ("SATW", 5), ("SUNW", -1)] {
                if let Some(n) = after(prefix) {
                    return week_start(number(n, 53)?, shift);
                }
            }
            if let Some(n) = after("APRILS") {
                number(n, 2)?;
                year_only(y)
            } else if let Some(n) = after("NOVS") {
                // Six months from November: S1 is Nov–Apr, S2 starts in May of the next year.
                year_only(if number(n, 2)? == 2 { y + 1 } else { y })
            } else if ["APRIL", "JULY", "SEP", "OCT", "NOV"].contains(&upper.as_str()) {
                year_only(y)
            } else if let Some(n) = after("BIW") {
                week_start(number(n, 27)? * 2 - 1, 0)
            } else if let Some(n) = after("W") {
                week_start(number(n, 53)?, 0)
            } else if let Some(n) = after("Q") {
                number(n, 4)?;
                year_only(y)
            } else if let Some(n) = after("S") {
                number(n, 2)?;
                year_only(y)
            } else {
                tidy()
            }
        }
    }
}
