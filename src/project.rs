//! `wisn project` (study-format §7.5): requirements for coming years from monthly workload
//! history, computed by the ordinary engine on the study with its volumes replaced by projected
//! ones. The formulas are in [`crate::method::projection`].
//!
//! Decisions (docs/planning.md, "Projection"):
//! - A facility × activity counts a year when the facility reported 12 distinct months that
//!   year (any activity; with `--annualize`, 6 or more, the total scaled by 12 / months) **and**
//!   the activity has at least one row that year: a year in which the activity never appears is
//!   not read as 0.
//! - The last observed year is the latest year with a monthly row anywhere in the study.
//! - `--years` may name any years (sorted, duplicates dropped); `--to` gives every year after the
//!   last observed one up to it, and is an error when it is not after it.
//! - Staff stay as they are; projected rows have `completeness` null.

use crate::diag::Code;
use crate::diag::{Diagnostics, Msg, Problem};
use crate::engine::{self, ComputeOptions, ResultRow, Results};
use crate::messages::planning as m;
use crate::method::projection::{counted_total, project_growth, project_trend};
use crate::model::{History, Study};

/// How volumes are projected.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Method {
    /// The least-squares line of annual total against year.
    Trend,
    /// `--growth P`: compound growth of P % a year from the last counted year.
    Growth(f64),
}

/// Which years to project.
#[derive(Debug, Clone, PartialEq)]
pub enum Years {
    /// `--to YEAR`: every year after the last observed year up to YEAR.
    To(i32),
    /// `--years Y1,Y2,...`.
    List(Vec<i32>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProjectOptions {
    pub years: Years,
    pub method: Method,
    /// `--annualize`: a year with 6 to 11 months counts, scaled by 12 / months.
    pub annualize: bool,
}

/// One output row: the projected year and a compute row.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectedRow {
    pub year: i32,
    pub row: ResultRow,
}

/// The counted years of one facility × activity, as (year, counted total), ascending.
pub fn counted_years(
    history: &History,
    facility: usize,
    activity: usize,
    annualize: bool,
) -> Vec<(i32, f64)> {
    history
        .totals
        .range((facility, activity, i32::MIN)..=(facility, activity, i32::MAX))
        .filter_map(|(&(_, _, year), &total)| {
            counted_total(total, history.months_in(facility, year), annualize).map(|t| (year, t))
        })
        .collect()
}

fn error(code: Code, message: Msg, hint: Msg) -> Vec<Problem> {
    vec![Problem::error(code, message).hint(hint)]
}

/// The years to project, checked against the last observed year.
pub fn target_years(years: &Years, last_observed: i32) -> Result<Vec<i32>, Vec<Problem>> {
    match years {
        Years::To(to) if *to <= last_observed => Err(error(
            Code::BadYears,
            m::to_not_after(*to, last_observed),
            m::give_later_year(),
        )),
        Years::To(to) => Ok((last_observed + 1..=*to).collect()),
        Years::List(list) => {
            let mut list = list.clone();
            list.sort_unstable();
            list.dedup();
            Ok(list)
        }
    }
}

/// Projects the study's workload to each year and computes it. Errors: no monthly history, no
/// complete year anywhere, `--to` not after the last observed year.
pub fn project(
    study: &Study,
    options: &ProjectOptions,
    compute: &ComputeOptions,
    diag: &mut Diagnostics,
) -> Result<Vec<(i32, Results)>, Vec<Problem>> {
    let history = match &study.workload.history {
        Some(h) if study.workload.monthly && !h.totals.is_empty() => h,
        _ => {
            return Err(error(
                Code::NoMonthlyPeriods,
                m::needs_monthly(),
                m::give_monthly(),
            ))
        }
    };
    let Some(last_observed) = history.last_year() else {
        return Err(error(
            Code::NoMonthlyPeriods,
            m::needs_monthly_short(),
            m::add_month_column(),
        ));
    };
    let years = target_years(&options.years, last_observed)?;
    // Per facility × activity: the projected volume of each target year.
    let mut pairs: Vec<(usize, usize)> = history.totals.keys().map(|&(f, a, _)| (f, a)).collect();
    pairs.dedup();
    let mut projected: Vec<(usize, usize, Vec<f64>)> = Vec::with_capacity(pairs.len());
    let mut left_out: Vec<String> = Vec::new();
    for (f, a) in pairs {
        let points = counted_years(history, f, a, options.annualize);
        let Some(&(last_year, last_total)) = points.last() else {
            left_out.push(format!(
                "{} / {}",
                study.facilities[f].id, study.activities[a].name
            ));
            continue;
        };
        let values = years
            .iter()
            .map(|&y| match options.method {
                Method::Trend => project_trend(&points, y).unwrap_or(0.0),
                Method::Growth(p) => project_growth(last_year, last_total, p, y),
            })
            .collect();
        projected.push((f, a, values));
    }
    if projected.is_empty() {
        let need = if options.annualize {
            m::six_months()
        } else {
            m::twelve_months()
        };
        return Err(error(
            Code::NoCompleteYear,
            m::no_complete_year(&need),
            m::complete_history(),
        ));
    }
    if !left_out.is_empty() {
        let shown: Vec<&str> = left_out.iter().take(20).map(String::as_str).collect();
        let more = if left_out.len() > 20 {
            crate::messages::engine::and_more(left_out.len() - 20)
        } else {
            Msg::default()
        };
        diag.warn(
            Problem::warning(
                Code::NoCountedYear,
                m::left_out(left_out.len(), shown.join(", "), &more),
            )
            .hint(m::what_year_counts()),
        );
    }
    let mut out = Vec::with_capacity(years.len());
    for (i, &year) in years.iter().enumerate() {
        let mut s = study.clone();
        s.workload.history = None;
        s.workload.monthly = false;
        for v in s.workload.volumes.iter_mut() {
            v.clear();
        }
        for (f, a, values) in &projected {
            s.workload.volumes[*f].insert(*a, values[i]);
        }
        let mut scratch = Diagnostics::default();
        let computed = engine::compute(&s, compute, &mut scratch);
        crate::scenario::merge_new(diag, scratch);
        let results = computed.map_err(|problems| {
            problems
                .into_iter()
                .map(|mut p| {
                    p.message = p.message.after(&m::year_prefix(year));
                    p
                })
                .collect::<Vec<_>>()
        })?;
        out.push((year, results));
    }
    Ok(out)
}
