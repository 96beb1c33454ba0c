//! The workload table, streamed (study-format §2): long form (facility, activity, volume,
//! optional period) or wide form (facility, optional period, one column per activity), told apart
//! by the headers. Rows are aggregated into per-facility annual volumes while they are read, so a
//! national export of millions of rows takes memory in proportion to facilities × activities, not
//! to rows.

use crate::diag::Code;
use crate::diag::Reported;
use std::collections::HashMap;

use super::period::{parse_period, Period};
use super::schema::{WIDE_WORKLOAD_IGNORED, WORKLOAD};
use super::source::{Cell, Flow, Row, RowSource};
use super::table_reader::{read_table, require_columns, Fields};
use super::{Builder, ReadOptions};
use crate::diag::{Diagnostics, Problem};

enum Shape {
    Long {
        facility: usize,
        activity: usize,
        volume: usize,
        period: Option<usize>,
    },
    Wide {
        facility: usize,
        activities: Vec<(usize, usize)>,
        period: Option<usize>,
    },
}

/// Raw text → index, normalising each distinct text once. Consecutive rows usually repeat the
/// same facility and activity, so the last answer is checked before the map.
#[derive(Default)]
struct NameCache {
    map: HashMap<String, usize>,
    last: Option<(String, usize)>,
}

impl NameCache {
    fn get_or_insert_with(
        &mut self,
        text: std::borrow::Cow<'_, str>,
        make: impl FnOnce(&str) -> usize,
    ) -> usize {
        if let Some((last, i)) = &self.last {
            if last == text.as_ref() {
                return *i;
            }
        }
        let i = match self.map.get(text.as_ref()) {
            Some(&i) => i,
            None => {
                let i = make(&text);
                self.map.insert(text.to_string(), i);
                i
            }
        };
        self.last = Some((text.into_owned(), i));
        i
    }
}

/// The interning caches of one read.
#[derive(Default)]
struct Caches {
    facility: NameCache,
    activity: NameCache,
}

/// What the periods of the table look like.
#[derive(Default)]
struct PeriodState {
    all_monthly: bool,
    any: bool,
}

fn wide_columns(h: &super::table_reader::Header) -> Vec<usize> {
    h.unknown_columns()
        .filter(|&i| !WIDE_WORKLOAD_IGNORED.contains(&h.normalised[i].as_str()))
        .collect()
}

fn shape_of(h: &super::table_reader::Header, b: &mut Builder) -> Shape {
    let facility = h.get("facility_id").unwrap_or(0);
    let period = h.get("period");
    if h.has("activity") {
        Shape::Long {
            facility,
            activity: h.get("activity").unwrap_or(0),
            volume: h.get("volume").unwrap_or(0),
            period,
        }
    } else {
        let activities = wide_columns(h)
            .into_iter()
            .map(|i| (i, b.activity(&h.names[i])))
            .collect();
        Shape::Wide {
            facility,
            activities,
            period,
        }
    }
}

pub fn read_workload(
    source: &mut dyn RowSource,
    b: &mut Builder,
    diag: &mut Diagnostics,
    options: &ReadOptions,
) {
    let mut shape: Option<Shape> = None;
    // `--year`: rows of other years are left out (counted by year for a note).
    let mut outside_year: std::collections::BTreeMap<i32, u64> = Default::default();
    let mut caches = Caches::default();
    let mut periods = PeriodState {
        all_monthly: true,
        ..Default::default()
    };
    // Distinct months per facility (a facility reports at most a few dozen).
    let mut month_sets: Vec<Vec<u32>> = Vec::new();
    let mut seen = SeenKeys::default();
    // Rows with a blank period under --year: how many, and the first few (not every row).
    let mut blank_periods: Vec<usize> = Vec::new();
    let mut blank_period_count = 0u64;
    let mut kept_in_year = 0u64;
    let mut last_year: Option<i32> = None;
    let header = read_table(
        source,
        &WORKLOAD,
        diag,
        |h, f, d| {
            if !require_columns(h, f, &WORKLOAD, &["facility_id"], d) {
                return false;
            }
            if h.has("activity") || h.has("volume") {
                return require_columns(h, f, &WORKLOAD, &["activity", "volume"], d);
            }
            if wide_columns(h).is_empty() {
                let mut at = f.location.clone();
                at.row = Some(h.row);
                d.error(
                    Problem::error(Code::NoActivities, "has neither an activity and a volume column (long form) nor activity columns (wide form)")
                        .at(at)
                        .hint("use columns facility_id, activity, volume[, period], or facility_id and one column per activity"),
                );
                return false;
            }
            true
        },
        |f, row, d| {
            let shape = shape.get_or_insert_with(|| shape_of(&f.header, b));
            let (facility_col, period_col) = match shape {
                Shape::Long {
                    facility, period, ..
                }
                | Shape::Wide {
                    facility, period, ..
                } => (*facility, *period),
            };
            let Some(facility) = facility_of(&mut caches, b, f, row, facility_col, d) else {
                return;
            };
            let mut period = None;
            let month = match period_col {
                Some(col) => match period_of(f, row, col, d) {
                    Ok(p) => {
                        period = p;
                        if let (Some(p), Some(y)) = (p, options.year) {
                            if p.year() != y {
                                *outside_year.entry(p.year()).or_default() += 1;
                                return;
                            }
                        }
                        if p.is_none() && options.year.is_some() {
                            // A row with no period is in no year: not counted under --year.
                            blank_period_count += 1;
                            if blank_periods.len() < 10 {
                                blank_periods.push(row.number());
                            }
                            return;
                        }
                        kept_in_year += 1;
                        if let Some(p) = p {
                            periods.any = true;
                            if p.month_code().is_none() {
                                periods.all_monthly = false;
                            }
                        } else {
                            periods.all_monthly = false;
                        }
                        p.and_then(|p| p.month_code())
                    }
                    Err(Reported) => return,
                },
                None => None,
            };
            let mut reported = false;
            match shape {
                Shape::Long {
                    activity, volume, ..
                } => {
                    let Ok(v) = volume_of(f, row, *volume, d) else {
                        return;
                    };
                    let Some(v) = v else { return };
                    let Some(a) = activity_of(&mut caches, b, f, row, *activity, d) else {
                        return;
                    };
                    add(b, facility, a, v);
                    seen.check(facility, a, period, row.number(), v);
                    add_month(b, facility, a, month, v);
                    reported = true;
                }
                Shape::Wide { activities, .. } => {
                    for &(col, a) in activities.iter() {
                        if let Ok(Some(v)) = volume_of(f, row, col, d) {
                            add(b, facility, a, v);
                            seen.check(facility, a, period, row.number(), v);
                            add_month(b, facility, a, month, v);
                            reported = true;
                        }
                    }
                }
            }
            if reported {
                b.study.workload.rows += 1;
                if let Some(p) = period {
                    if last_year != Some(p.year()) {
                        last_year = Some(p.year());
                        b.study.workload.years.insert(p.year());
                    }
                }
                if let Some(m) = month {
                    if month_sets.len() <= facility {
                        month_sets.resize_with(facility + 1, Vec::new);
                    }
                    let set = &mut month_sets[facility];
                    if !set.contains(&m) {
                        set.push(m);
                    }
                }
            }
        },
    );
    if let (false, Some(h)) = (seen.repeats.is_empty(), header.as_ref()) {
        let wide = match &shape {
            Some(Shape::Wide { activities, .. }) => activities.clone(),
            _ => Vec::new(),
        };
        repeated_rows(source, h, &wide, b, &caches, &seen, options, diag);
    }
    let has_period_column = header.as_ref().is_some_and(|h| h.has("period"));
    if let Some(y) = options.year {
        if header.is_some() && !has_period_column {
            diag.warn(
                Problem::warning(
                    Code::YearWithoutPeriods,
                    format!("--year {y} has no effect: the workload table has no period column"),
                )
                .at(source.location())
                .hint("add a period column, or leave out --year"),
            );
        } else if kept_in_year == 0 && !outside_year.is_empty() {
            let years: Vec<String> = outside_year
                .iter()
                .map(|(y, n)| format!("{y} ({n} rows)"))
                .collect();
            diag.error(
                Problem::error(
                    Code::YearWithoutData,
                    format!(
                        "has no workload for --year {y}: its periods are of {}",
                        years.join(", ")
                    ),
                )
                .at(source.location())
                .value(y.to_string())
                .hint(
                    "give --year with a year the table holds, or the workload export of that year",
                ),
            );
        } else if !outside_year.is_empty() {
            let total: u64 = outside_year.values().sum();
            let years: Vec<String> = outside_year
                .iter()
                .map(|(y, n)| format!("{y}: {n}"))
                .collect();
            diag.note(
                Problem::warning(
                    Code::OutsideYear,
                    format!(
                        "{total} workload rows of periods outside {y} were left out ({})",
                        years.join(", ")
                    ),
                )
                .at(source.location()),
            );
        }
    }
    if !blank_periods.is_empty() {
        let rows: Vec<String> = blank_periods
            .iter()
            .take(10)
            .map(|r| r.to_string())
            .collect();
        diag.warn(
            Problem::warning(
                Code::BlankPeriod,
                format!(
                    "{} workload rows have a blank period and are in no year: they are not counted under --year (rows {}{})",
                    blank_period_count,
                    rows.join(", "),
                    if blank_period_count > 10 { ", …" } else { "" }
                ),
            )
            .at(source.location())
            .hint("fill in the period of those rows (2023-01, 2023Q1, 2023), or leave out --year"),
        );
    }
    let workload = &mut b.study.workload;
    workload.monthly = has_period_column && periods.any && periods.all_monthly;
    if has_period_column && periods.any && !periods.all_monthly {
        diag.warn(Problem::warning(
            Code::PeriodsNotMonthly,
            "workload periods are not all months (or some are blank): completeness is not computed",
        ));
    }
    for (f, set) in month_sets.iter().enumerate() {
        workload.months[f] = set.len() as u32;
    }
}

/// Adds a volume to a facility's activity (shared with the DHIS2 reader).
pub(crate) fn add(b: &mut Builder, facility: usize, activity: usize, volume: f64) {
    *b.study.workload.volumes[facility]
        .entry(activity)
        .or_insert(0.0) += volume;
}

/// Adds a monthly volume to the history, when the read keeps one (`wisn project`).
pub(crate) fn add_month(
    b: &mut Builder,
    facility: usize,
    activity: usize,
    month: Option<u32>,
    volume: f64,
) {
    let (Some(history), Some(m)) = (b.study.workload.history.as_mut(), month) else {
        return;
    };
    *history
        .totals
        .entry((facility, activity, (m / 12) as i32))
        .or_default() += volume;
    history.months.entry(facility).or_default().insert(m);
}

fn text_of<'r>(row: &'r dyn Row, col: usize) -> Option<std::borrow::Cow<'r, str>> {
    match row.cell(col) {
        Cell::Text(std::borrow::Cow::Borrowed(t)) => {
            let t = t.trim();
            (!t.is_empty()).then_some(std::borrow::Cow::Borrowed(t))
        }
        Cell::Empty | Cell::Error(_) => None,
        other => {
            let t = other.to_text().trim().to_string();
            (!t.is_empty()).then_some(std::borrow::Cow::Owned(t))
        }
    }
}

fn facility_of(
    c: &mut Caches,
    b: &mut Builder,
    f: &Fields,
    row: &dyn Row,
    col: usize,
    d: &mut Diagnostics,
) -> Option<usize> {
    let Some(id) = text_of(row, col) else {
        if let Cell::Error(e) = row.cell(col) {
            d.error(super::table_reader::error_cell(f.at(row, col), &e));
        } else {
            d.error(
                Problem::error(
                    Code::BlankCell,
                    "is blank: every workload row needs a facility code",
                )
                .at(f.at(row, col))
                .hint("fill in the facility code or delete the row"),
            );
        }
        return None;
    };
    Some(
        c.facility
            .get_or_insert_with(id, |id| b.facility_at(id, "workload", || f.at(row, col))),
    )
}

fn activity_of(
    c: &mut Caches,
    b: &mut Builder,
    f: &Fields,
    row: &dyn Row,
    col: usize,
    d: &mut Diagnostics,
) -> Option<usize> {
    let Some(name) = text_of(row, col) else {
        d.error(
            Problem::error(
                Code::BlankCell,
                "is blank: a workload row with a volume needs its activity",
            )
            .at(f.at(row, col))
            .hint("fill in the activity or delete the row"),
        );
        return None;
    };
    Some(c.activity.get_or_insert_with(name, |n| b.activity(n)))
}

fn period_of(
    f: &Fields,
    row: &dyn Row,
    col: usize,
    d: &mut Diagnostics,
) -> Result<Option<Period>, Reported> {
    let cell = row.cell(col);
    if let Cell::Date(y, m, _) = cell {
        return Ok(Some(Period::Month(y, m)));
    }
    if let Cell::Error(e) = &cell {
        d.error(super::table_reader::error_cell(f.at(row, col), e));
        return Err(Reported);
    }
    let Some(text) = text_of(row, col) else {
        return Ok(None);
    };
    match parse_period(&text) {
        Some(p) => Ok(Some(p)),
        None => {
            d.error(
                Problem::error(Code::BadPeriod, "is not a period")
                    .at(f.at(row, col))
                    .value(text.as_ref())
                    .hint(
                        "write a month as 2023-01 or 202301, a quarter as 2023Q1, a year as 2023",
                    ),
            );
            Err(Reported)
        }
    }
}

fn volume_of(
    f: &Fields,
    row: &dyn Row,
    col: usize,
    d: &mut Diagnostics,
) -> Result<Option<f64>, Reported> {
    let v = f.number_at(row, col, d)?;
    if let Some(v) = v {
        if v < 0.0 {
            d.error(
                Problem::error(Code::Negative, "is a negative volume")
                    .at(f.at(row, col))
                    .value(crate::numbers::full_precision(v))
                    .hint(
                        "volumes count activities done: correct the value or leave the cell blank",
                    ),
            );
            return Err(Reported);
        }
    }
    Ok(v)
}

/// Facility × activity × period keys met so far, to find a value given twice (study-format §4:
/// identical repeated rows are summed with a warning naming them). Cheap on national exports:
/// monthly periods set a bit in a 12-bit mask per facility × activity × year (no set of rows is
/// kept); other periods (years, quarters, weeks, none) fall back to a set of keys, which holds
/// about a twelfth as many entries. Only when a key repeats is anything about the row kept.
#[derive(Default)]
struct SeenKeys {
    keys: KeySet,
    /// The repeats: key, row, volume (the first [`REPEATS_KEPT`]), and how many in all.
    repeats: Vec<(usize, usize, Option<Period>, usize, f64)>,
    total: usize,
}

const REPEATS_KEPT: usize = 200;

impl SeenKeys {
    fn check(
        &mut self,
        facility: usize,
        activity: usize,
        period: Option<Period>,
        row: usize,
        volume: f64,
    ) {
        let month = match period {
            Some(Period::Month(y, m)) => Some((y, m)),
            _ => None,
        };
        if self.keys.repeated(facility, activity, month, || period) {
            self.total += 1;
            if self.repeats.len() < REPEATS_KEPT {
                self.repeats.push((facility, activity, period, row, volume));
            }
        }
    }
}

/// A set of (facility, item, period) keys, small on national exports: the months of one year
/// (the first met) are bits of a 12-bit mask per facility × item, 2 bytes each, in one flat
/// vector per facility; other periods (other years' months, quarters, weeks, none) fall back to
/// a set of hashed keys. Shared by the workload and DHIS2 readers.
#[derive(Default)]
pub(crate) struct KeySet {
    year: Option<i32>,
    /// facility → item → months of `year` seen.
    months: Vec<Months>,
    other: std::collections::HashSet<(usize, usize, u64)>,
}

impl KeySet {
    /// Records the key; true when it was there already. `other` gives the period when it is
    /// not a month of the main year (hashed).
    pub(crate) fn repeated<P: std::hash::Hash>(
        &mut self,
        facility: usize,
        item: usize,
        month: Option<(i32, u32)>,
        other: impl FnOnce() -> P,
    ) -> bool {
        if let Some((y, m)) = month {
            if (1..=12).contains(&m) && *self.year.get_or_insert(y) == y {
                if self.months.len() <= facility {
                    self.months.resize_with(facility + 1, Months::default);
                }
                let slot = self.months[facility].slot(item);
                let bit = 1u16 << (m - 1);
                let had = *slot & bit != 0;
                *slot |= bit;
                return had;
            }
            use std::hash::{BuildHasher, BuildHasherDefault};
            let h = BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default()
                .hash_one((y, m));
            return !self.other.insert((facility, item, h));
        }
        use std::hash::{BuildHasher, BuildHasherDefault};
        let h = BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default()
            .hash_one(other());
        !self
            .other
            .insert((facility, item, h ^ 0x9e37_79b9_7f4a_7c15))
    }
}

/// The month masks of one facility: a flat vector by item while it stays dense, a map once it
/// would be mostly empty (a workload where each facility reports its own activities would
/// otherwise cost facilities × activities: docs/robustness.md).
enum Months {
    Dense(Vec<u16>, usize),
    Sparse(HashMap<usize, u16>),
}

impl Default for Months {
    fn default() -> Self {
        Months::Dense(Vec::new(), 0)
    }
}

impl Months {
    fn slot(&mut self, item: usize) -> &mut u16 {
        if let Months::Dense(v, used) = self {
            if v.len() <= item {
                if item < 64 || item < 4 * (*used + 1) {
                    v.resize(item + 1, 0);
                } else {
                    let map = v
                        .iter()
                        .enumerate()
                        .filter(|(_, m)| **m != 0)
                        .map(|(i, m)| (i, *m))
                        .collect();
                    *self = Months::Sparse(map);
                }
            }
        }
        match self {
            Months::Dense(v, used) => {
                if v[item] == 0 {
                    *used += 1;
                }
                &mut v[item]
            }
            Months::Sparse(map) => map.entry(item).or_insert(0),
        }
    }
}

fn period_text(p: Option<Period>) -> String {
    match p {
        None => "no period".into(),
        Some(Period::Year(y)) => format!("{y}"),
        Some(Period::Quarter(y, q)) => format!("{y}Q{q}"),
        Some(Period::Month(y, m)) => format!("{y}-{m:02}"),
        Some(Period::Week(y, w)) => format!("{y}W{w:02}"),
    }
}

/// A second pass over the table, only when some facility × activity × period came twice: finds
/// the row that gave each repeated key first, and warns about each repeat with both rows and
/// volumes. The values stay summed (the contract's rule); `--strict` refuses them.
#[allow(clippy::too_many_arguments)] // the state of the first pass, passed whole
fn repeated_rows(
    source: &mut dyn RowSource,
    header: &super::table_reader::Header,
    wide: &[(usize, usize)],
    b: &Builder,
    caches: &Caches,
    seen: &SeenKeys,
    options: &ReadOptions,
    diag: &mut Diagnostics,
) {
    type Key = (usize, usize, Option<Period>);
    let wanted: std::collections::HashSet<Key> =
        seen.repeats.iter().map(|r| (r.0, r.1, r.2)).collect();
    let mut first: HashMap<Key, (usize, f64)> = HashMap::new();
    let mut scratch = Diagnostics::default();
    let f = Fields {
        header: header.clone(),
        location: source.location(),
        style: source.decimal_style(),
    };
    let h = &f.header;
    // Rows are read again only up to the last first occurrence wanted.
    let _ = source.for_each_row(&mut |row: &dyn Row| {
        if row.number() <= h.row || row.is_blank() {
            return Flow::Continue;
        }
        let d = &mut scratch;
        let Some(fac) = h
            .get("facility_id")
            .and_then(|c| text_of(row, c))
            .and_then(|t| caches.facility.map.get(t.as_ref()).copied())
        else {
            return Flow::Continue;
        };
        let period = match h.get("period") {
            Some(c) => match period_of(&f, row, c, d) {
                Ok(p) => p,
                Err(Reported) => return Flow::Continue,
            },
            None => None,
        };
        if let (Some(p), Some(y)) = (period, options.year) {
            if p.year() != y {
                return Flow::Continue;
            }
        }
        let mut visit = |a: usize, col: usize, d: &mut Diagnostics| {
            let key = (fac, a, period);
            if wanted.contains(&key) && !first.contains_key(&key) {
                if let Ok(Some(v)) = volume_of(&f, row, col, d) {
                    first.insert(key, (row.number(), v));
                }
            }
        };
        match (h.get("activity"), h.get("volume")) {
            (Some(ac), Some(vc)) => {
                if let Some(a) =
                    text_of(row, ac).and_then(|t| caches.activity.map.get(t.as_ref()).copied())
                {
                    visit(a, vc, d);
                }
            }
            _ => {
                for &(col, a) in wide {
                    visit(a, col, d);
                }
            }
        }
        if first.len() == wanted.len() {
            Flow::Stop
        } else {
            Flow::Continue
        }
    });
    let location = source.location();
    for (fac, a, period, row, volume) in &seen.repeats {
        let Some(&(first_row, first_volume)) = first.get(&(*fac, *a, *period)) else {
            continue;
        };
        let what = format!(
            "facility {}, activity \"{}\", {}",
            b.study.facilities[*fac].id,
            b.study.activities[*a].name,
            period_text(*period)
        );
        let (code, message, hint) = if first_volume == *volume {
            (
                Code::DuplicateRow,
                format!(
                    "repeats row {first_row} ({what}, volume {}): the two are summed",
                    crate::numbers::full_precision(*volume)
                ),
                "delete the repeated row if it was pasted twice (--strict makes this an error)",
            )
        } else {
            (
                Code::DuplicateKey,
                format!(
                    "gives {what} a second time (row {first_row}: {}, here: {}): the two are summed",
                    crate::numbers::full_precision(first_volume),
                    crate::numbers::full_precision(*volume)
                ),
                "keep one row per facility, activity and period (correct the period or the facility of one of them); if both are real parts of the total, add them up in one row",
            )
        };
        let mut at = location.clone();
        at.row = Some(*row);
        diag.warn(Problem::warning(code, message).at(at).hint(hint));
    }
    if seen.total > seen.repeats.len() {
        diag.warn(
            Problem::warning(
                Code::DuplicateRow,
                format!(
                    "... and {} more workload rows repeat a facility, activity and period already given",
                    seen.total - seen.repeats.len()
                ),
            )
            .at(location),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_set_finds_repeats_of_every_period_kind() {
        let mut k = KeySet::default();
        let none = || None::<Period>;
        // Months of the first year met: bits.
        assert!(!k.repeated(3, 7, Some((2023, 1)), none));
        assert!(!k.repeated(3, 7, Some((2023, 12)), none));
        assert!(k.repeated(3, 7, Some((2023, 1)), none));
        // The same month at another facility or activity, or of another year, is another key.
        assert!(!k.repeated(2, 7, Some((2023, 1)), none));
        assert!(!k.repeated(3, 6, Some((2023, 1)), none));
        assert!(!k.repeated(3, 7, Some((2024, 1)), none));
        assert!(k.repeated(3, 7, Some((2024, 1)), none));
        // Quarters, years and no period fall back to the hashed set.
        assert!(!k.repeated(3, 7, None, || Some(Period::Quarter(2023, 1))));
        assert!(k.repeated(3, 7, None, || Some(Period::Quarter(2023, 1))));
        assert!(!k.repeated(3, 7, None, || Some(Period::Year(2023))));
        assert!(!k.repeated(3, 7, None, none));
        assert!(k.repeated(3, 7, None, none));
    }
}
