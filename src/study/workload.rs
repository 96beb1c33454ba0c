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
use crate::diag::{Diagnostics, Msg, Problem};
use crate::messages::reader as msg;
use crate::messages::Dec;

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

/// The study's indices of the names a chunk of the chunked reader interned (its own numbering),
/// filled the first time each is met in the chunk.
#[derive(Default)]
struct LocalIds {
    chunk: u64,
    facilities: Vec<usize>,
    activities: Vec<usize>,
}

impl LocalIds {
    fn chunk(&mut self, chunk: u64) {
        if chunk != self.chunk {
            self.chunk = chunk;
            self.facilities.clear();
            self.activities.clear();
        }
    }

    fn facility(&mut self, i: u32, resolve: impl FnOnce() -> Option<usize>) -> Option<usize> {
        Self::get(&mut self.facilities, i, resolve)
    }

    fn activity(&mut self, i: u32, resolve: impl FnOnce() -> Option<usize>) -> Option<usize> {
        Self::get(&mut self.activities, i, resolve)
    }

    /// True when every name of the summed chunk has its study index (always, as a summed
    /// chunk's rows have a facility and an activity; checked all the same, never indexed blind).
    fn has_all(&self, s: &super::fast::Summary) -> bool {
        let all =
            |v: &[usize], len: usize| v.len() >= len && v[..len].iter().all(|&i| i != usize::MAX);
        all(&self.facilities, s.facilities.len()) && all(&self.activities, s.activities.len())
    }

    fn get(ids: &mut Vec<usize>, i: u32, resolve: impl FnOnce() -> Option<usize>) -> Option<usize> {
        let i = i as usize;
        if let Some(&id) = ids.get(i) {
            if id != usize::MAX {
                return Some(id);
            }
        }
        let id = resolve()?;
        if ids.len() <= i {
            ids.resize(i + 1, usize::MAX);
        }
        ids[i] = id;
        Some(id)
    }
}

/// Whether every volume added so far is a whole number below [`super::fast::WHOLE_MAX`], and
/// their total: while it is and the total stays below 2^53, every sum of them is exact, whatever
/// the order it is made in, so a chunk's summed volumes ([`super::fast::Summary`]) may be added
/// in one go and give the very same `f64` as the rows one by one.
struct Exact {
    ok: bool,
    total: f64,
}

/// 2^53: whole numbers below it are exact in an `f64`.
const EXACT_MAX: f64 = 9_007_199_254_740_992.0;

impl Exact {
    fn note(&mut self, v: f64) {
        self.ok &= v.fract() == 0.0 && (0.0..super::fast::WHOLE_MAX).contains(&v);
        self.total += v;
    }
    fn room_for(&self, total: f64) -> bool {
        self.ok && self.total + total < EXACT_MAX
    }
}

/// Chunks added from their summary (tests check that the property tests exercise it).
#[cfg(test)]
static SUMMED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

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

/// The layout a long-form workload table has when `cells` (its first line) is its header, as
/// [`read_workload`] finds it ([`super::source::EarlyGuess`]): chunks are read ahead with it, and
/// read again if the header read in full says otherwise.
pub fn guess_layout(
    cells: &[&str],
    style: crate::numbers::DecimalStyle,
) -> Option<super::fast::Layout> {
    let mut columns: HashMap<&'static str, usize> = HashMap::new();
    for (i, cell) in cells.iter().enumerate() {
        let n = crate::names::normalise(cell.trim());
        if let Some(col) = WORKLOAD.columns.iter().find(|c| c.matches(&n)) {
            columns.entry(col.name).or_insert(i);
        }
    }
    Some(super::fast::Layout {
        facility: *columns.get("facility_id")?,
        activity: *columns.get("activity")?,
        volume: *columns.get("volume")?,
        period: columns.get("period").copied(),
        style,
    })
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
    // The chunked parallel reader (plain CSV text): it pre-parses long-form rows once the
    // header says where the columns are; the names it interns per chunk are mapped to the
    // study's indices here, the first time each is met in a chunk, by the same code as any row.
    let layout = super::fast::LayoutSlot::default();
    source.use_fast_reader(layout.clone());
    let mut local = LocalIds::default();
    let mut exact = Exact {
        ok: true,
        total: 0.0,
    };
    for v in b.study.workload.volumes.iter().flat_map(|m| m.values()) {
        exact.note(v);
    }
    let header = read_table(
        source,
        &WORKLOAD,
        diag,
        |h, f, d| {
            if !require_columns(h, f, &WORKLOAD, &["facility_id"], d) {
                return false;
            }
            if h.has("activity") || h.has("volume") {
                let ok = require_columns(h, f, &WORKLOAD, &["activity", "volume"], d);
                if let (true, Some(facility), Some(activity), Some(volume)) =
                    (ok, h.get("facility_id"), h.get("activity"), h.get("volume"))
                {
                    let _ = layout.set(super::fast::Layout {
                        facility,
                        activity,
                        volume,
                        period: h.get("period"),
                        style: f.style,
                    });
                }
                return ok;
            }
            if wide_columns(h).is_empty() {
                let mut at = f.location.clone();
                at.row = Some(h.row);
                d.error(
                    Problem::error(Code::NoActivities, msg::no_activities())
                        .at(at)
                        .hint(msg::no_activities_hint()),
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
            // A chunk the chunked reader summed up: its names are resolved in the order its
            // rows give them (as the rows one by one would), then its sums are added in one go
            // when that gives the very same study (see `Exact`, and the repeats: their messages
            // name rows, so while fewer than REPEATS_KEPT are known a chunk with any is read row
            // by row). Otherwise the rows are read one by one (the first one right here).
            if let (Some(c), Shape::Long { activity, .. }, Some(_)) =
                (row.chunk(), &*shape, period_col)
            {
                let s = c.summary();
                // Under --year, rows of other years resolve no activity: one by one.
                if options.year.map_or(true, |y| y == s.year) {
                    local.chunk(s.chunk);
                    for (i, &rec) in s.facilities.iter().enumerate() {
                        c.with_row(rec, &mut |r| {
                            local.facility(i as u32, || {
                                facility_of(&mut caches, b, f, r, facility_col, d)
                            });
                        });
                    }
                    for (i, &rec) in s.activities.iter().enumerate() {
                        c.with_row(rec, &mut |r| {
                            local.activity(i as u32, || {
                                activity_of(&mut caches, b, f, r, *activity, d)
                            });
                        });
                    }
                    if b.study.workload.history.is_none()
                        && local.has_all(s)
                        && exact.room_for(s.total)
                        && seen.keys.year.map_or(true, |y| y == s.year)
                        && (seen.repeats.len() >= REPEATS_KEPT
                            || (s.repeats == 0 && seen.fresh(&local, s)))
                    {
                        let mut months = vec![0u16; s.facilities.len()];
                        for k in &s.keys {
                            let fac = local.facilities[k.facility as usize];
                            let act = local.activities[k.activity as usize];
                            add(b, fac, act, k.volume);
                            let again = seen.keys.add_months(fac, act, s.year, k.months);
                            seen.total += again.count_ones() as usize;
                            months[k.facility as usize] |= k.months;
                        }
                        seen.total += s.repeats as usize;
                        for (i, &mask) in months.iter().enumerate() {
                            let fac = local.facilities[i];
                            if month_sets.len() <= fac {
                                month_sets.resize_with(fac + 1, Vec::new);
                            }
                            let set = &mut month_sets[fac];
                            for m in 0..12u32 {
                                let code = s.year as u32 * 12 + m;
                                if mask & (1 << m) != 0 && !set.contains(&code) {
                                    set.push(code);
                                }
                            }
                        }
                        exact.total += s.total;
                        kept_in_year += s.rows as u64;
                        periods.any = true;
                        b.study.workload.rows += s.rows as u64;
                        if last_year != Some(s.year) {
                            last_year = Some(s.year);
                            b.study.workload.years.insert(s.year);
                        }
                        #[cfg(test)]
                        SUMMED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        c.take();
                        return;
                    }
                }
            }
            let pre = row.pre();
            if let Some(p) = pre {
                local.chunk(p.chunk);
            }
            let facility = match pre {
                Some(p) => local.facility(p.facility, || {
                    facility_of(&mut caches, b, f, row, facility_col, d)
                }),
                None => facility_of(&mut caches, b, f, row, facility_col, d),
            };
            let Some(facility) = facility else {
                return;
            };
            let mut period = None;
            let month = match period_col {
                Some(col) => {
                    match pre.map_or_else(|| period_of(f, row, col, d), |p| Ok(p.period)) {
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
                    }
                }
                None => None,
            };
            let mut reported = false;
            match shape {
                Shape::Long {
                    activity, volume, ..
                } => {
                    let v = match pre {
                        Some(p) => Ok(Some(p.volume)),
                        None => volume_of(f, row, *volume, d),
                    };
                    let Ok(v) = v else {
                        return;
                    };
                    let Some(v) = v else { return };
                    let a = match pre {
                        Some(p) => local.activity(p.activity, || {
                            activity_of(&mut caches, b, f, row, *activity, d)
                        }),
                        None => activity_of(&mut caches, b, f, row, *activity, d),
                    };
                    let Some(a) = a else {
                        return;
                    };
                    add(b, facility, a, v);
                    exact.note(v);
                    seen.check(facility, a, period, row.number(), v);
                    add_month(b, facility, a, month, v);
                    reported = true;
                }
                Shape::Wide { activities, .. } => {
                    for &(col, a) in activities.iter() {
                        if let Ok(Some(v)) = volume_of(f, row, col, d) {
                            add(b, facility, a, v);
                            exact.note(v);
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
                Problem::warning(Code::YearWithoutPeriods, msg::year_without_periods(y))
                    .at(source.location())
                    .hint(msg::year_without_periods_hint()),
            );
        } else if kept_in_year == 0 && !outside_year.is_empty() {
            let years: Vec<Msg> = outside_year
                .iter()
                .map(|(y, n)| msg::year_rows(*y, *n))
                .collect();
            let years = crate::messages::study::list(&years, ", ");
            diag.error(
                Problem::error(Code::YearWithoutData, msg::year_without_data(y, &years))
                    .at(source.location())
                    .value(y.to_string())
                    .hint(msg::year_without_data_hint()),
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
                    msg::outside_year(total, y, &years.join(", ")),
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
                msg::blank_period(
                    blank_period_count,
                    &rows.join(", "),
                    if blank_period_count > 10 { ", …" } else { "" },
                ),
            )
            .at(source.location())
            .hint(msg::blank_period_hint()),
        );
    }
    let workload = &mut b.study.workload;
    workload.monthly = has_period_column && periods.any && periods.all_monthly;
    if has_period_column && periods.any && !periods.all_monthly {
        diag.warn(Problem::warning(
            Code::PeriodsNotMonthly,
            msg::periods_not_monthly(),
        ));
    }
    for (f, set) in month_sets.iter().enumerate() {
        workload.months[f] = set.len() as u32;
    }
}

/// Adds a volume to a facility's activity (shared with the DHIS2 reader).
pub(crate) fn add(b: &mut Builder, facility: usize, activity: usize, volume: f64) {
    b.study.workload.volumes[facility].add(activity, volume);
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
                Problem::error(Code::BlankCell, msg::workload_blank_facility())
                    .at(f.at(row, col))
                    .hint(msg::workload_blank_facility_hint()),
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
            Problem::error(Code::BlankCell, msg::workload_blank_activity())
                .at(f.at(row, col))
                .hint(msg::workload_blank_activity_hint()),
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
                Problem::error(Code::BadPeriod, msg::not_a_period())
                    .at(f.at(row, col))
                    .value(text.as_ref())
                    .hint(msg::not_a_period_hint()),
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
                Problem::error(Code::Negative, msg::negative_volume())
                    .at(f.at(row, col))
                    .value(crate::numbers::full_precision(v))
                    .hint(msg::negative_volume_hint()),
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
    /// True when no key of the chunk was met before, and no two of its keys are the same
    /// facility and activity of the study (names written two ways): its rows repeat nothing.
    fn fresh(&self, local: &LocalIds, s: &super::fast::Summary) -> bool {
        let distinct = |ids: &[usize]| {
            let mut v = ids.to_vec();
            v.sort_unstable();
            v.windows(2).all(|w| w[0] != w[1])
        };
        if !local.has_all(s)
            || !distinct(&local.facilities[..s.facilities.len()])
            || !distinct(&local.activities[..s.activities.len()])
        {
            return false;
        }
        s.keys.iter().all(|k| {
            let fac = local.facilities[k.facility as usize];
            let act = local.activities[k.activity as usize];
            self.keys.months_of(fac, act) & k.months == 0
        })
    }

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
    /// The months of the main year met for a facility and item (bit `m - 1` for month `m`).
    fn months_of(&self, facility: usize, item: usize) -> u16 {
        match self.months.get(facility) {
            Some(Months::Dense(v, _)) => v.get(item).copied().unwrap_or(0),
            Some(Months::Sparse(map)) => map.get(&item).copied().unwrap_or(0),
            None => 0,
        }
    }

    /// Records months of `year` (the main year, or the first met) for a facility and item, as
    /// [`KeySet::repeated`] would one by one; returns those that were there already.
    fn add_months(&mut self, facility: usize, item: usize, year: i32, months: u16) -> u16 {
        debug_assert_eq!(*self.year.get_or_insert(year), year);
        if self.months.len() <= facility {
            self.months.resize_with(facility + 1, Months::default);
        }
        let slot = self.months[facility].slot(item);
        let again = *slot & months;
        *slot |= months;
        again
    }

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

fn period_text(p: Option<Period>) -> Msg {
    let text = match p {
        None => return msg::no_period(),
        Some(Period::Year(y)) => format!("{y}"),
        Some(Period::Quarter(y, q)) => format!("{y}Q{q}"),
        Some(Period::Month(y, m)) => format!("{y}-{m:02}"),
        Some(Period::Week(y, w)) => format!("{y}W{w:02}"),
    };
    msg::verbatim(text)
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
        let what = msg::repeated_what(
            &b.study.facilities[*fac].id,
            &b.study.activities[*a].name,
            &period_text(*period),
        );
        let (code, message, hint) = if first_volume == *volume {
            (
                Code::DuplicateRow,
                msg::repeated_row(
                    first_row,
                    &what,
                    &Dec(crate::numbers::full_precision(*volume)),
                ),
                msg::repeated_row_hint(),
            )
        } else {
            (
                Code::DuplicateKey,
                msg::repeated_key(
                    &what,
                    first_row,
                    &Dec(crate::numbers::full_precision(first_volume)),
                    &Dec(crate::numbers::full_precision(*volume)),
                ),
                msg::repeated_key_hint(),
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
                msg::more_repeats(seen.total - seen.repeats.len()),
            )
            .at(location),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::csv_source::{CsvOptions, CsvSource};
    use crate::study::source::RowSource;
    use proptest::prelude::*;

    /// The `csv` path alone: forwards everything but the request for the chunked reader.
    struct Exact(CsvSource);

    impl RowSource for Exact {
        fn location(&self) -> crate::diag::Location {
            self.0.location()
        }
        fn decimal_style(&self) -> crate::numbers::DecimalStyle {
            self.0.decimal_style()
        }
        fn for_each_row(
            &mut self,
            visit: &mut dyn FnMut(&dyn Row) -> Flow,
        ) -> Result<(), crate::diag::Problem> {
            self.0.for_each_row(visit)
        }
        fn take_notes(&mut self) -> Vec<crate::diag::Problem> {
            self.0.take_notes()
        }
        fn delimited(&self) -> bool {
            true
        }
    }

    /// Everything a read leaves behind, as text.
    fn read(source: &mut dyn RowSource, year: Option<i32>) -> String {
        let mut b = Builder::default();
        let mut diag = Diagnostics::default();
        let options = ReadOptions {
            year,
            ..Default::default()
        };
        read_workload(source, &mut b, &mut diag, &options);
        let w = &b.study.workload;
        let ids: Vec<&str> = b.study.facilities.iter().map(|f| f.id.as_str()).collect();
        let acts: Vec<&str> = b.study.activities.iter().map(|a| a.name.as_str()).collect();
        let volumes: Vec<Vec<(usize, u64)>> = w
            .volumes
            .iter()
            .map(|v| v.iter().map(|(a, x)| (a, x.to_bits())).collect())
            .collect();
        format!(
            "{ids:?}\n{acts:?}\n{volumes:?}\n{:?} {} {} {:?}\n{:?}\n{:?}",
            w.months, w.monthly, w.rows, w.years, b.unlisted, diag.problems
        )
    }

    /// Asks `source` to read ahead (`Early`): with the layout the header gives (1, 3), with a
    /// wrong one, which the reader must find out and read the chunks again (2, 4), or not (0);
    /// stopped when the rows are visited (1, 2: it may have read nothing) or after all it reads
    /// (3, 4).
    fn read_ahead(source: &mut CsvSource, how: u8, threads: usize) {
        source.early_wait(how >= 3);
        fn wrong(
            cells: &[&str],
            style: crate::numbers::DecimalStyle,
        ) -> Option<crate::study::fast::Layout> {
            let right = guess_layout(cells, style)?;
            Some(crate::study::fast::Layout {
                facility: right.activity,
                activity: right.facility,
                ..right
            })
        }
        match how {
            1 | 3 => source.start_early(threads, guess_layout),
            2 | 4 => source.start_early(threads, wrong),
            _ => {}
        }
    }

    /// Found by the property test: a reader stopped before it read a chunk left nothing to
    /// visit (the table seemed to have no header). Stopped at once, the reader may or may not
    /// have read a chunk (the thread's timing decides): either way, the same study.
    #[test]
    fn read_ahead_stopped_at_once_reads_the_file_as_usual() {
        let mut text = b"facility_id,activity,period,volume\r\nML01,ML01,ML01,ML01".to_vec();
        let at = text.len() * 2 / 3;
        text.insert(at, 0xE9);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("workload.csv");
        std::fs::write(&path, &text).unwrap();
        let source = || CsvSource::new(&path, "workload.csv".into(), CsvOptions::default());
        let exact = read(&mut Exact(source()), None);
        let mut fast = source();
        fast.fast_tuning(1, 1, 2);
        read_ahead(&mut fast, 1, 2);
        let chunked = read(&mut fast, None);
        assert_eq!(exact, chunked);
    }

    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            8 => prop::sample::select(vec![
                "ML01", "ML02", " ML03 ", "Sikasso-é", "Activité 01", "Activité 02", "Vaccination",
                "Ségou n°2", "2023-01", "2023-12", "2023-02", "2024-03", "2023Q1", "2023", "",
                "12", "0", "3.5", "1,5", "-2", " 7 ", "abc", "1e3", "  ",
            ])
            .prop_map(str::to_string),
            1 => prop::sample::select(vec![
                "\"Act, x\"", "\"multi\nline\"", "\"open", "a\rb", "caf\u{e9}\u{301}",
                "\u{feff}x", "\"\"", "x\"y", "\u{1F600}",
            ])
            .prop_map(str::to_string),
        ]
    }

    fn line() -> impl Strategy<Value = Vec<String>> {
        prop_oneof![
            12 => prop::collection::vec(cell(), 4..=4),
            1 => prop::collection::vec(cell(), 0..=6),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        /// The chunked reader and the `csv` path give the same study and the same messages on
        /// random workload tables (quotes, CR LF and lone CR, multibyte and invalid UTF-8, blank
        /// lines, bad values, wrong field counts), cut at random chunk sizes, on 1 to 3 threads.
        #[test]
        fn chunked_reader_matches_the_csv_path(
            lines in prop::collection::vec((line(), 0u8..12), 0..60),
            semicolon in any::<bool>(),
            latin1 in 0u8..8,
            first in 1usize..200,
            chunk in 1usize..300,
            threads in 1usize..4,
            ahead in 0u8..5,
            year in prop::option::of(prop::sample::select(vec![2023, 2024])),
            header in prop::sample::select(vec![
                "facility_id,activity,period,volume",
                "facility_id,activity,volume",
                "Titre du tableau\nfacility_id,period,activity,volume",
                "structure,activite,periode,volume",
            ]),
        ) {
            let d = if semicolon { ";" } else { "," };
            let mut text = header.replace(',', d).into_bytes();
            for (cells, end) in &lines {
                text.extend_from_slice(match end {
                    0 => b"\r\n",
                    1 => b"\n\n",
                    2 => b"\r\n\r\n",
                    _ => b"\n",
                });
                text.extend_from_slice(cells.join(d).as_bytes());
            }
            if latin1 == 0 && text.len() > 40 {
                // A byte that is not UTF-8 (é in Windows-1252) somewhere in the data.
                let at = text.len() * 2 / 3;
                text.insert(at, 0xE9);
            }
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("workload.csv");
            std::fs::write(&path, &text).unwrap();
            let source = || CsvSource::new(&path, "workload.csv".into(), CsvOptions::default());
            let exact = read(&mut Exact(source()), year);
            let mut fast = source();
            fast.fast_tuning(first, chunk, threads);
            read_ahead(&mut fast, ahead, threads);
            let chunked = read(&mut fast, year);
            prop_assert_eq!(exact, chunked);
        }
    }

    /// A long-form row of the common case (mostly months of 2023 and whole volumes), now and
    /// then something that stops a chunk from being summed up.
    fn summed_row() -> impl Strategy<Value = String> {
        let facility =
            prop::sample::select(vec!["ML01", "ML02", "ML03", " ML01 ", "ml02", "Ségou"]);
        let activity = prop::sample::select(vec![
            "Activité 01",
            "Activité 02",
            "activite 01",
            "Vacc",
            "ANC",
        ]);
        let period = prop_oneof![
            200 => (1u32..=4).prop_map(|m| format!("2023-{m:02}")),
            1 => prop::sample::select(vec!["2024-03", "2023Q1", "", "2023-13", "2023"])
                .prop_map(str::to_string),
        ];
        let volume = prop_oneof![
            200 => (0u64..40).prop_map(|v| v.to_string()),
            3 => prop::sample::select(vec!["3.5", "abc", "-2", "", "4294967296", "1e3", " 7 ", "0.1", "4503599627370495.5"])
                .prop_map(str::to_string),
        ];
        (facility, activity, period, volume, 0u16..400).prop_map(|(f, a, p, v, odd)| match odd {
            0 => format!("{f},{a},{p},{v},extra"),
            1 => format!("{f},{a},{p}"),
            2 => String::new(),
            3 => format!(",{a},{p},{v}"),
            _ => format!("{f},{a},{p},{v}"),
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// Chunks the reader sums up (monthly periods of one year, whole volumes) give the same
        /// study and messages as the `csv` path, row numbers and repeats included (more than
        /// the 200 repeats kept by name), whatever the chunk sizes and threads.
        #[test]
        fn summed_chunks_match_the_csv_path(
            rows in prop::collection::vec(summed_row(), 0..700),
            first in 1usize..400,
            chunk in 1usize..4000,
            threads in 1usize..4,
            ahead in 0u8..5,
            crlf in any::<bool>(),
            year in prop::option::of(prop::sample::select(vec![2023, 2024])),
        ) {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut text = String::from("facility_id,activity,period,volume");
            for r in &rows {
                text.push_str(end);
                text.push_str(r);
            }
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("workload.csv");
            std::fs::write(&path, &text).unwrap();
            let source = || CsvSource::new(&path, "workload.csv".into(), CsvOptions::default());
            let exact = read(&mut Exact(source()), year);
            let mut fast = source();
            fast.fast_tuning(first, chunk, threads);
            read_ahead(&mut fast, ahead, threads);
            let chunked = read(&mut fast, year);
            prop_assert_eq!(exact, chunked);
        }
    }

    #[test]
    fn a_clean_monthly_workload_is_summed_up_by_chunks() {
        let mut text = String::from("facility_id,activity,period,volume\n");
        for f in 0..20 {
            for m in 1..=12 {
                text.push_str(&format!("F{f},Act {},2023-{m:02},{}\n", f % 3, f + m));
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("workload.csv");
        std::fs::write(&path, &text).unwrap();
        let source = || CsvSource::new(&path, "workload.csv".into(), CsvOptions::default());
        let exact = read(&mut Exact(source()), None);
        let before = SUMMED.load(std::sync::atomic::Ordering::Relaxed);
        let mut fast = source();
        fast.fast_tuning(100, 700, 2);
        let chunked = read(&mut fast, None);
        assert_eq!(exact, chunked);
        assert!(SUMMED.load(std::sync::atomic::Ordering::Relaxed) > before);
    }

    #[test]
    fn a_volume_that_is_not_whole_stops_the_summing() {
        // 2^52 - 0.5, then 1 and 1: one by one the sum rounds twice (to even), at once it
        // rounds once, to another number.
        let mut text = String::from("facility_id,activity,period,volume\n");
        text.push_str("F,A,2023-01,4503599627370495.5\n");
        for _ in 0..20 {
            text.push_str("G,A,2023-01,1\n");
        }
        text.push_str("F,A,2023-02,1\nF,A,2023-03,1\n");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("workload.csv");
        std::fs::write(&path, &text).unwrap();
        let source = || CsvSource::new(&path, "workload.csv".into(), CsvOptions::default());
        let exact = read(&mut Exact(source()), None);
        for chunk in [40, 100, 1000] {
            let mut fast = source();
            fast.fast_tuning(50, chunk, 2);
            assert_eq!(exact, read(&mut fast, None), "chunks of {chunk}");
        }
    }

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
