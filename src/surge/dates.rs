//! Dates of the census and admissions tables (study-format §5): `2020-06-01`, `01/06/2020`
//! (day first, as in French), an ISO week `2020W23` (its Monday), and workbook date cells.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::study::source::Cell;

/// Why a cell is not a date, worded for the analyst who must fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    /// Text in no known shape.
    NotADate,
    /// The right shape, but no such day (31/02/2020, week 54).
    NoSuchDay,
    /// A number (a workbook cell not formatted as a date, or a typed serial).
    Number,
}

impl DateProblem {
    pub fn what(&self) -> crate::diag::Msg {
        use crate::messages::surge as m;
        match self {
            DateProblem::NotADate => m::not_a_date(),
            DateProblem::NoSuchDay => m::no_such_day(),
            DateProblem::Number => m::number_not_date(),
        }
    }
    pub fn hint(&self) -> crate::diag::Msg {
        use crate::messages::surge as m;
        match self {
            DateProblem::NotADate | DateProblem::NoSuchDay => m::write_date(),
            DateProblem::Number => m::format_as_dates(),
        }
    }
}

fn digits(text: &str, len: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (len.contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn ymd(y: u32, m: u32, d: u32) -> Result<NaiveDate, DateProblem> {
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(DateProblem::NoSuchDay)
}

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// An ISO week `2020W23`, `2020-W23`, `2020 w23` (its Monday) or `2020-W23-3` (that weekday).
fn iso_week(text: &str) -> Option<Result<NaiveDate, DateProblem>> {
    let upper = text.to_ascii_uppercase();
    let (year, rest) = upper.split_once('W')?;
    let year = digits(year.trim_end_matches(['-', ' ']), 4..=4)?;
    let (week, day) = match rest.split_once('-') {
        Some((w, d)) => (w, Some(d)),
        None => (rest, None),
    };
    let week = digits(week, 1..=2)?;
    let weekday = match day {
        None => Weekday::Mon,
        Some(d) => match digits(d, 1..=1) {
            Some(n @ 1..=7) => WEEKDAYS[n as usize - 1],
            _ => return Some(Err(DateProblem::NoSuchDay)),
        },
    };
    Some(NaiveDate::from_isoywd_opt(year as i32, week, weekday).ok_or(DateProblem::NoSuchDay))
}

/// Reads a date written as text.
pub fn parse_date_text(text: &str) -> Result<NaiveDate, DateProblem> {
    let t = text.trim();
    // A time after the date (`2020-06-01 00:00:00`, `2020-06-01T08:00`) is dropped.
    let t = match t.split_once(['T', ' ']) {
        Some((date, time)) if time.trim().contains(':') => date,
        _ => t,
    };
    if let Some(week) = iso_week(t) {
        return week;
    }
    // DHIS2 daily period: 20200601.
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        let (y, m, d) = (&t[..4], &t[4..6], &t[6..]);
        return ymd(
            y.parse().map_err(|_| DateProblem::NotADate)?,
            m.parse().map_err(|_| DateProblem::NotADate)?,
            d.parse().map_err(|_| DateProblem::NotADate)?,
        );
    }
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(DateProblem::NotADate);
    };
    if let (Some(y), Some(m), Some(d)) = (digits(a, 4..=4), digits(b, 1..=2), digits(c, 1..=2)) {
        return ymd(y, m, d);
    }
    if let (Some(d), Some(m), Some(y)) = (digits(a, 1..=2), digits(b, 1..=2), digits(c, 4..=4)) {
        return ymd(y, m, d);
    }
    Err(DateProblem::NotADate)
}

/// Reads a date cell.
pub fn parse_date(cell: &Cell) -> Result<NaiveDate, DateProblem> {
    match cell {
        Cell::Date(y, m, d) => NaiveDate::from_ymd_opt(*y, *m, *d).ok_or(DateProblem::NoSuchDay),
        Cell::Text(t) => parse_date_text(t),
        Cell::Number(_) => Err(DateProblem::Number),
        _ => Err(DateProblem::NotADate),
    }
}

/// `YYYY-MM-DD`.
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn shapes() {
        for (text, date) in [
            ("2020-06-01", d(2020, 6, 1)),
            ("2020/6/1", d(2020, 6, 1)),
            ("01/06/2020", d(2020, 6, 1)),
            ("1-6-2020", d(2020, 6, 1)),
            ("01.06.2020", d(2020, 6, 1)),
            ("20200601", d(2020, 6, 1)),
            ("2020-06-01 00:00:00", d(2020, 6, 1)),
            ("2020-06-01T08:30", d(2020, 6, 1)),
            // ISO week 23 of 2020 starts on Monday 1 June 2020.
            ("2020W23", d(2020, 6, 1)),
            ("2020-W23", d(2020, 6, 1)),
            ("2020w23", d(2020, 6, 1)),
            ("2020-W23-3", d(2020, 6, 3)),
            // Week 1 of 2021 starts on Monday 4 January 2021; 2020 has a week 53.
            ("2021W01", d(2021, 1, 4)),
            ("2020W53", d(2020, 12, 28)),
        ] {
            assert_eq!(parse_date_text(text), Ok(date), "{text}");
        }
        for (text, why) in [
            ("31/02/2020", DateProblem::NoSuchDay),
            ("2021W53", DateProblem::NoSuchDay),
            ("06/13/2020", DateProblem::NoSuchDay),
            ("hier", DateProblem::NotADate),
            ("2020-06", DateProblem::NotADate),
            ("01/06/20", DateProblem::NotADate),
            ("", DateProblem::NotADate),
        ] {
            assert_eq!(parse_date_text(text), Err(why), "{text}");
        }
        assert_eq!(parse_date(&Cell::Date(2020, 6, 1)), Ok(d(2020, 6, 1)));
        assert_eq!(parse_date(&Cell::Number(43983.0)), Err(DateProblem::Number));
        assert_eq!(iso(d(2020, 6, 1)), "2020-06-01");
    }
}
