//! The workload table, streamed (study-format §2): long form (facility, activity, volume,
//! optional period) or wide form (facility, optional period, one column per activity), told apart
//! by the headers. Rows are aggregated into per-facility annual volumes while they are read, so a
//! national export of millions of rows takes memory in proportion to facilities × activities, not
//! to rows.

use std::collections::HashMap;

use super::period::{parse_period, Period};
use super::schema::{WIDE_WORKLOAD_IGNORED, WORKLOAD};
use super::source::{Cell, Row, RowSource};
use super::table::{read_table, require_columns, Fields};
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

fn wide_columns(h: &super::table::Header) -> Vec<usize> {
    h.unknown_columns()
        .filter(|&i| !WIDE_WORKLOAD_IGNORED.contains(&h.normalised[i].as_str()))
        .collect()
}

fn shape_of(h: &super::table::Header, b: &mut Builder) -> Shape {
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
                    Problem::error("no_activities", "has neither an activity and a volume column (long form) nor activity columns (wide form)")
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
            let month = match period_col {
                Some(col) => match period_of(f, row, col, d) {
                    Ok(p) => {
                        if let (Some(p), Some(y)) = (p, options.year) {
                            if p.year() != y {
                                *outside_year.entry(p.year()).or_default() += 1;
                                return;
                            }
                        }
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
                    Err(()) => return,
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
                    add_month(b, facility, a, month, v);
                    reported = true;
                }
                Shape::Wide { activities, .. } => {
                    for &(col, a) in activities.iter() {
                        if let Ok(Some(v)) = volume_of(f, row, col, d) {
                            add(b, facility, a, v);
                            add_month(b, facility, a, month, v);
                            reported = true;
                        }
                    }
                }
            }
            if reported {
                b.study.workload.rows += 1;
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
    let has_period_column = header.as_ref().is_some_and(|h| h.has("period"));
    if let Some(y) = options.year {
        if header.is_some() && !has_period_column {
            diag.warn(
                Problem::warning(
                    "year_without_periods",
                    format!("--year {y} has no effect: the workload table has no period column"),
                )
                .at(source.location())
                .hint("add a period column, or leave out --year"),
            );
        } else if !outside_year.is_empty() {
            let total: u64 = outside_year.values().sum();
            let years: Vec<String> = outside_year
                .iter()
                .map(|(y, n)| format!("{y}: {n}"))
                .collect();
            diag.note(
                Problem::warning(
                    "outside_year",
                    format!(
                        "{total} workload rows of periods outside {y} were left out ({})",
                        years.join(", ")
                    ),
                )
                .at(source.location()),
            );
        }
    }
    let workload = &mut b.study.workload;
    workload.monthly = has_period_column && periods.any && periods.all_monthly;
    if has_period_column && periods.any && !periods.all_monthly {
        diag.warn(Problem::warning(
            "periods_not_monthly",
            "workload periods are not all months (or some are blank): completeness is not computed",
        ));
    }
    for (f, set) in month_sets.iter().enumerate() {
        workload.months[f] = set.len() as u32;
    }
}

/// Adds a volume to a facility's activity (shared with the DHIS2 reader).
pub(crate) fn add(b: &mut Builder, facility: usize, activity: usize, volume: f64) {
    let volumes = &mut b.study.workload.volumes[facility];
    if volumes.len() <= activity {
        volumes.resize(activity + 1, None);
    }
    *volumes[activity].get_or_insert(0.0) += volume;
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
            d.error(super::table::error_cell(f.at(row, col), &e));
        } else {
            d.error(
                Problem::error(
                    "blank_cell",
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
                "blank_cell",
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
) -> Result<Option<Period>, ()> {
    let cell = row.cell(col);
    if let Cell::Date(y, m, _) = cell {
        return Ok(Some(Period::Month(y, m)));
    }
    if let Cell::Error(e) = &cell {
        d.error(super::table::error_cell(f.at(row, col), e));
        return Err(());
    }
    let Some(text) = text_of(row, col) else {
        return Ok(None);
    };
    match parse_period(&text) {
        Some(p) => Ok(Some(p)),
        None => {
            d.error(
                Problem::error("bad_period", "is not a period")
                    .at(f.at(row, col))
                    .value(text.as_ref())
                    .hint(
                        "write a month as 2023-01 or 202301, a quarter as 2023Q1, a year as 2023",
                    ),
            );
            Err(())
        }
    }
}

fn volume_of(
    f: &Fields,
    row: &dyn Row,
    col: usize,
    d: &mut Diagnostics,
) -> Result<Option<f64>, ()> {
    let v = f.number_at(row, col, d)?;
    if let Some(v) = v {
        if v < 0.0 {
            d.error(
                Problem::error("negative", "is a negative volume")
                    .at(f.at(row, col))
                    .value(crate::numbers::full_precision(v))
                    .hint(
                        "volumes count activities done: correct the value or leave the cell blank",
                    ),
            );
            return Err(());
        }
    }
    Ok(v)
}
