//! Uncertainty of the activity standards (study-format §7.6): `--uncertainty N --seed S`.
//!
//! Each draw takes every standard that has a range (`standard_low`, `standard_high`, or
//! `--standard-spread P`) from the triangular distribution (low, mode = standard, high); one
//! draw's standards serve every facility. The draws, the triangular distribution and the
//! quantiles are in [`crate::method::uncertainty`]; this module makes them fast.
//!
//! **How it stays fast.** The requirement of a facility × cadre is `A × CAF + IAF` with
//! `A = Σ_i volume_i / SW_i`. Within a profile (cadre × facility type) SW_i, CAF and IAF depend on
//! the draw only, not on the facility. So, per profile and draw, `1 / SW_i`, CAF and IAF are
//! computed once (`lines × N` numbers per profile); a facility's N requirements are then
//! `Σ_i volume_i × (1/SW_i)[d]`, a few multiply-adds per draw, over the ranged lines only (the
//! lines without a range add a constant). The draws of every standard are made once, each draw
//! from its own random stream, so the numbers do not depend on `--jobs` or on which thread
//! computes which row.
//!
//! **Exact quantiles, bounded memory.** A row's N requirements are held in one buffer per worker
//! thread, its quantiles found by selection (exact, type 7; on the numbers' bits as integers,
//! which order as the non-negative numbers do), then the buffer is reused: memory is
//! `threads × N` numbers for the facility rows, `groups × N` for the group rows, plus
//! `lines × N` per profile, whatever the number of facilities. A group row sums its facilities' requirements draw by draw, in the rows' order (so
//! the sums, like the baseline's, are the same whatever `--jobs`): the draws are cut into blocks
//! of 256, and each block, in parallel, runs once through the facility rows adding each to every
//! group it belongs to (all `--by` levels at once). The group sums take `groups × N` numbers.
//!
//! A profile none of whose standards has a range gives its point requirement in every draw,
//! exactly, so `low = high = standard` collapses to the point value bit for bit.

use crate::diag::Code;
use std::collections::HashMap;

use rayon::prelude::*;

use crate::diag::Problem;
use crate::engine::{Level, Profile, ResultRow, Results};
use crate::method::uncertainty::{quantiles_non_negative, triangular_inverse_cdf, DrawRng};
use crate::method::{self, Bands};
use crate::model::{Component, StandardUnit, Study};
use crate::names::key;

/// `--uncertainty N --seed S [--standard-spread P]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UncertaintyOptions {
    /// Draws (N ≥ 1).
    pub draws: usize,
    pub seed: u64,
    /// `--standard-spread P`: rows without their own range get low = s(1 − P/100), high =
    /// s(1 + P/100). 0 ≤ P < 100.
    pub spread: Option<f64>,
}

/// The uncertainty columns of one result row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub required_p05: f64,
    pub required_p50: f64,
    pub required_p95: f64,
    /// Share of draws whose ratio is below the low band (a requirement of 0 is not a shortage).
    pub p_shortage: f64,
}

impl Interval {
    /// Whether the status could change within the interval: the status at P5 or at P95 differs
    /// from the status at the point requirement.
    pub fn status_could_change(&self, row: &ResultRow, bands: &Bands) -> bool {
        let status = |required: f64| method::outcome(row.current_staff, required, bands).status;
        status(self.required_p05) != row.status || status(self.required_p95) != row.status
    }
}

/// The range of every standard (index into `study.standards`), `None` when it has none or
/// `low == high` (then the standard is fixed).
pub fn ranges(study: &Study, spread: Option<f64>) -> Vec<Option<(f64, f64)>> {
    study
        .standards
        .iter()
        .map(|s| {
            let r = s.range.or_else(|| {
                spread.map(|p| (s.value * (1.0 - p / 100.0), s.value * (1.0 + p / 100.0)))
            });
            r.filter(|(low, high)| low < high)
        })
        .collect()
}

/// Checks of the options (the command line refuses them with exit 1).
pub fn check(options: &UncertaintyOptions) -> Result<(), crate::diag::Msg> {
    use crate::messages::planning as m;
    if options.draws == 0 {
        return Err(m::zero_draws());
    }
    if let Some(p) = options.spread {
        if !(p.is_finite() && p >= 0.0) {
            return Err(m::bad_spread(p));
        }
        if p >= 100.0 {
            return Err(m::spread_too_wide(p));
        }
    }
    Ok(())
}

/// The drawn standards: `values[k][d]` is ranged standard k (in `ranged` order) in draw d.
struct Draws {
    /// Standard index → position in `values`.
    position: HashMap<usize, usize>,
    values: Vec<Vec<f64>>,
}

fn draw_standards(
    study: &Study,
    ranges: &[Option<(f64, f64)>],
    options: &UncertaintyOptions,
) -> Draws {
    let ranged: Vec<(usize, f64, f64, f64)> = ranges
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.map(|(low, high)| (i, low, study.standards[i].value, high)))
        .collect();
    let n = options.draws;
    // Draw-major generation (each draw its own stream), then transposed.
    let per_draw: Vec<Vec<f64>> = (0..n)
        .into_par_iter()
        .map(|d| {
            let mut rng = DrawRng::new(options.seed, d as u64);
            ranged
                .iter()
                .map(|&(_, low, mode, high)| triangular_inverse_cdf(low, mode, high, rng.uniform()))
                .collect()
        })
        .collect();
    let values = (0..ranged.len())
        .map(|k| per_draw.iter().map(|draw| draw[k]).collect())
        .collect();
    Draws {
        position: ranged.iter().enumerate().map(|(k, r)| (r.0, k)).collect(),
        values,
    }
}

/// What varies in a profile, per draw.
struct ProfileDraws {
    /// True when nothing in the profile has a range: every draw gives the point value.
    fixed: bool,
    /// Service lines without a range: (activity, SW), added as `volume / SW` like the point
    /// computation.
    fixed_lines: Vec<(usize, f64)>,
    /// Service lines with a range: (activity, 1/SW per draw).
    ranged_lines: Vec<(usize, Vec<f64>)>,
    /// CAF and IAF per draw (`None`: the profile's own, the same in every draw).
    caf: Option<Vec<f64>>,
    iaf: Option<Vec<f64>>,
}

fn profile_draws(
    study: &Study,
    p: &Profile,
    draws: &Draws,
    n: usize,
) -> Result<ProfileDraws, Problem> {
    let drawn = |standard: usize| draws.position.get(&standard).map(|&k| &draws.values[k]);
    let bad = |e: method::MethodError| {
        Problem::error(
            Code::BadDraw,
            crate::messages::planning::bad_draw(
                &study.cadres[p.cadre].name,
                &crate::messages::engine::method_error(&e),
            ),
        )
        .hint(crate::messages::planning::check_ranges())
    };
    let mut out = ProfileDraws {
        fixed: true,
        fixed_lines: Vec::new(),
        ranged_lines: Vec::new(),
        caf: None,
        iaf: None,
    };
    for line in &p.services {
        let s = &study.standards[line.standard];
        match (drawn(line.standard), s.unit) {
            (Some(values), StandardUnit::Service(unit)) => {
                out.fixed = false;
                let mut inv = Vec::with_capacity(n);
                for &v in values {
                    inv.push(1.0 / method::standard_workload(&p.awt, v, unit).map_err(bad)?);
                }
                out.ranged_lines.push((line.activity, inv));
            }
            _ => out
                .fixed_lines
                .push((line.activity, line.standard_workload)),
        }
    }
    let value_in = |standard: usize, d: usize| {
        drawn(standard).map_or(study.standards[standard].value, |v| v[d])
    };
    let allowance_unit = |standard: usize| match study.standards[standard].unit {
        StandardUnit::Allowance(u) => Some(u),
        StandardUnit::Service(_) => None,
    };
    if p.support.iter().any(|l| drawn(l.standard).is_some()) {
        out.fixed = false;
        let mut caf = Vec::with_capacity(n);
        for d in 0..n {
            let mut total = 0.0;
            for l in &p.support {
                let Some(unit) = allowance_unit(l.standard) else {
                    continue;
                };
                total += method::cas_percent(&p.awt, value_in(l.standard, d), unit).map_err(bad)?;
            }
            caf.push(
                method::caf(total)
                    .map_err(|e| bad(e).hint(crate::messages::planning::narrow_support_ranges()))?,
            );
        }
        out.caf = Some(caf);
    }
    if p.additional.iter().any(|l| drawn(l.standard).is_some()) {
        out.fixed = false;
        let mut iaf = Vec::with_capacity(n);
        for d in 0..n {
            let mut total = 0.0;
            for l in &p.additional {
                let Some(unit) = allowance_unit(l.standard) else {
                    continue;
                };
                let s = &study.standards[l.standard];
                let hours =
                    method::allowance::allowance_hours(&p.awt, value_in(l.standard, d), unit)
                        .unwrap_or(0.0);
                total += hours * s.staff;
            }
            iaf.push(method::iaf(total, &p.awt));
        }
        out.iaf = Some(iaf);
    }
    debug_assert!(p
        .support
        .iter()
        .all(|l| study.standards[l.standard].component == Component::Support));
    Ok(out)
}

/// Fills `buf` with the N requirements of a facility row.
/// Fills `buf` with the requirements of a facility row in draws `first ..first + buf.len()`.
fn facility_requirements(
    study: &Study,
    row: &ResultRow,
    p: &Profile,
    pd: &ProfileDraws,
    first: usize,
    buf: &mut [f64],
) {
    let range = first..first + buf.len();
    if pd.fixed {
        buf.fill(row.required_staff);
        return;
    }
    let f = row.facility_index.unwrap_or(0);
    let fixed_a: f64 = pd
        .fixed_lines
        .iter()
        .map(|&(a, sw)| study.workload.volume(f, a).unwrap_or(0.0) / sw)
        .sum();
    buf.fill(fixed_a);
    // The lines with a volume, four at a time (one pass over the buffer for four lines), without
    // allocating: this runs once per facility row and block of draws.
    let mut pending: [(f64, &[f64]); 4] = [(0.0, &[]); 4];
    let mut k = 0;
    for (a, inv) in &pd.ranged_lines {
        let v = study.workload.volume(f, *a).unwrap_or(0.0);
        if v == 0.0 {
            continue;
        }
        pending[k] = (v, &inv[range.clone()]);
        k += 1;
        if k == 4 {
            let [(v0, c0), (v1, c1), (v2, c2), (v3, c3)] = pending;
            let n = buf
                .len()
                .min(c0.len())
                .min(c1.len())
                .min(c2.len())
                .min(c3.len());
            for d in 0..n {
                buf[d] += (v0 * c0[d] + v1 * c1[d]) + (v2 * c2[d] + v3 * c3[d]);
            }
            k = 0;
        }
    }
    for &(v, c) in &pending[..k] {
        for (x, c) in buf.iter_mut().zip(c) {
            *x += v * c;
        }
    }
    match (&pd.caf, &pd.iaf) {
        (None, None) => buf.iter_mut().for_each(|x| *x = *x * p.caf + p.iaf),
        (caf, iaf) => {
            for (d, x) in range.zip(buf.iter_mut()) {
                let c = caf.as_ref().map_or(p.caf, |v| v[d]);
                let i = iaf.as_ref().map_or(p.iaf, |v| v[d]);
                *x = *x * c + i;
            }
        }
    }
}

fn interval(current: f64, values: &[f64], keys: &mut Vec<u64>, bands: &Bands) -> Interval {
    let n = values.len() as f64;
    let short = values
        .iter()
        .filter(|&&r| r > 0.0 && current / r < bands.low)
        .count() as f64;
    let q = quantiles_non_negative(values, keys, &[0.05, 0.5, 0.95]);
    Interval {
        required_p05: q[0].unwrap_or(0.0),
        required_p50: q[1].unwrap_or(0.0),
        required_p95: q[2].unwrap_or(0.0),
        p_shortage: short / n,
    }
}

/// The group of a facility row at a level, as `engine::roll_up` groups.
fn group_of(r: &ResultRow, level: Level) -> Option<String> {
    match level {
        Level::District => r.district.as_deref().map(String::from),
        Level::Region => r.region.as_deref().map(String::from),
        Level::FacilityType => r.facility_type.as_deref().map(key),
        Level::Facility | Level::National => None,
    }
}

/// The uncertainty columns of every row of `results` (in its order).
pub fn analyse(
    study: &Study,
    results: &Results,
    bands: &Bands,
    options: &UncertaintyOptions,
) -> Result<Vec<Interval>, Vec<Problem>> {
    let n = options.draws;
    let ranges = ranges(study, options.spread);
    let draws = draw_standards(study, &ranges, options);
    let mut keys: Vec<&(usize, String)> = results.profiles.keys().collect();
    keys.sort();
    let mut per_profile: HashMap<(usize, String), ProfileDraws> = HashMap::new();
    let mut errors = Vec::new();
    for k in keys {
        match profile_draws(study, &results.profiles[k], &draws, n) {
            Ok(pd) => {
                per_profile.insert(k.clone(), pd);
            }
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        errors.dedup_by(|a, b| a.message == b.message);
        return Err(errors);
    }
    let profile_of = |r: &ResultRow| {
        let f = r.facility_index?;
        let k = (r.cadre_index, study.facilities[f].type_key.clone());
        Some((results.profiles.get(&k)?, per_profile.get(&k)?))
    };
    let facility_rows: Vec<usize> = (0..results.rows.len())
        .filter(|&i| results.rows[i].level == Level::Facility)
        .collect();
    // The group rows (indexes into `results.rows`) of each facility row, in row order.
    let mut groups_of_row: Vec<(usize, Vec<usize>)> = Vec::new();
    {
        let mut index: HashMap<(Level, Option<String>, usize), usize> = HashMap::new();
        for (i, r) in results.rows.iter().enumerate() {
            if r.level != Level::Facility {
                let g = match r.level {
                    Level::District => r.district.as_deref().map(String::from),
                    Level::Region => r.region.as_deref().map(String::from),
                    Level::FacilityType => r.facility_type.as_deref().map(key),
                    _ => None,
                };
                index.insert((r.level, g, r.cadre_index), i);
            }
        }
        let levels: Vec<Level> = {
            let mut l: Vec<Level> = results
                .rows
                .iter()
                .map(|r| r.level)
                .filter(|l| *l != Level::Facility)
                .collect();
            l.dedup();
            l
        };
        for &fi in &facility_rows {
            let r = &results.rows[fi];
            let gs: Vec<usize> = levels
                .iter()
                .filter_map(|&level| {
                    index
                        .get(&(level, group_of(r, level), r.cadre_index))
                        .copied()
                })
                .collect();
            if !gs.is_empty() {
                groups_of_row.push((fi, gs));
            }
        }
    }
    let fill = |r: &ResultRow, first: usize, buf: &mut [f64]| match profile_of(r) {
        Some((p, pd)) => facility_requirements(study, r, p, pd, first, buf),
        None => buf.fill(r.required_staff),
    };
    let mut out: Vec<Option<Interval>> = (0..results.rows.len())
        .into_par_iter()
        .map_init(
            || (vec![0.0; n], Vec::with_capacity(n)),
            |(buf, keys), i| {
                let row = &results.rows[i];
                (row.level == Level::Facility).then(|| {
                    fill(row, 0, buf);
                    interval(row.current_staff, buf, keys, bands)
                })
            },
        )
        .collect();
    // Group rows, every level in one pass over the facilities: the draws are cut into blocks,
    // each block (in parallel) sums every group's facilities draw by draw, in row order.
    let groups: Vec<usize> = (0..results.rows.len())
        .filter(|&i| results.rows[i].level != Level::Facility)
        .collect();
    if !groups.is_empty() {
        let slot: HashMap<usize, usize> = groups.iter().enumerate().map(|(k, &g)| (g, k)).collect();
        let groups_of: Vec<(usize, Vec<usize>)> = groups_of_row
            .into_iter()
            .map(|(fi, gs)| (fi, gs.iter().map(|g| slot[g]).collect()))
            .collect();
        const BLOCK: usize = 256;
        let blocks: Vec<Vec<Vec<f64>>> = (0..n.div_ceil(BLOCK))
            .into_par_iter()
            .map(|b| {
                let first = b * BLOCK;
                let len = BLOCK.min(n - first);
                let mut sums = vec![vec![0.0; len]; groups.len()];
                let mut buf = vec![0.0; len];
                for (fi, gs) in &groups_of {
                    fill(&results.rows[*fi], first, &mut buf);
                    for &g in gs {
                        for (s, x) in sums[g].iter_mut().zip(&buf) {
                            *s += *x;
                        }
                    }
                }
                sums
            })
            .collect();
        let group_intervals: Vec<(usize, Interval)> = groups
            .par_iter()
            .enumerate()
            .map_init(
                || (Vec::with_capacity(n), Vec::with_capacity(n)),
                |(all, keys), (k, &g)| {
                    all.clear();
                    for block in &blocks {
                        all.extend_from_slice(&block[k]);
                    }
                    (g, interval(results.rows[g].current_staff, all, keys, bands))
                },
            )
            .collect();
        for (g, iv) in group_intervals {
            out[g] = Some(iv);
        }
    }
    // Every row has its interval by now; a missing one (none can be) would read as the point.
    Ok(out
        .into_iter()
        .zip(&results.rows)
        .map(|(iv, r)| {
            iv.unwrap_or(Interval {
                required_p05: r.required_staff,
                required_p50: r.required_staff,
                required_p95: r.required_staff,
                p_shortage: 0.0,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{compute, ComputeOptions};
    use crate::method::uncertainty::quantile;

    /// The fast path against the slow one on the sample: for each draw, the study with the drawn
    /// standards written into it, computed by the engine; then each row's N requirements sorted
    /// and their quantiles taken. Every support and additional standard has a range too.
    #[test]
    fn fast_draws_agree_with_recomputing_the_study_per_draw_and_sorting() {
        let read = crate::study::ReadOptions {
            study: Some(std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sikasso")),
            ..Default::default()
        };
        let (b, diag) = crate::study::load(&read);
        assert!(!diag.has_errors());
        let study = b.study;
        let options = ComputeOptions {
            by: vec![Level::District, Level::National],
            ..Default::default()
        };
        let mut d = crate::diag::Diagnostics::default();
        let results = compute(&study, &options, &mut d).unwrap();
        let u = UncertaintyOptions {
            draws: 41,
            seed: 5,
            spread: Some(30.0),
        };
        let fast = analyse(&study, &results, &options.bands, &u).unwrap();
        // Slow: one engine run per draw.
        let ranges = ranges(&study, u.spread);
        let mut per_row: Vec<Vec<f64>> = vec![Vec::new(); results.rows.len()];
        for draw in 0..u.draws {
            let mut rng = DrawRng::new(u.seed, draw as u64);
            let mut s = study.clone();
            for (i, r) in ranges.iter().enumerate() {
                if let Some((low, high)) = r {
                    let x = &mut s.standards[i];
                    x.value = triangular_inverse_cdf(*low, x.value, *high, rng.uniform());
                }
            }
            let r = compute(&s, &options, &mut d).unwrap();
            assert_eq!(r.rows.len(), results.rows.len());
            for (k, row) in r.rows.iter().enumerate() {
                per_row[k].push(row.required_staff);
            }
        }
        for (k, mut v) in per_row.into_iter().enumerate() {
            v.sort_by(f64::total_cmp);
            let row = &results.rows[k];
            let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
            for (got, p) in [
                (fast[k].required_p05, 0.05),
                (fast[k].required_p50, 0.5),
                (fast[k].required_p95, 0.95),
            ] {
                let want = quantile(&v, p).unwrap();
                assert!(close(got, want), "row {k} p{p}: {got} vs {want} ({row:?})");
            }
            let short = v
                .iter()
                .filter(|&&r| r > 0.0 && row.current_staff / r < options.bands.low)
                .count() as f64
                / v.len() as f64;
            assert!(close(fast[k].p_shortage, short), "row {k}");
        }
    }
}
