//! `wisn allocate` (study-format §7.2, §7.7): from the compute results and the pools of posts (or
//! a budget and the costs), the posts given to each facility and what each pool did; and, for
//! `--explain FACILITY`, why that facility got (or did not get) each post.
//!
//! The rule itself (max-min, the tie-breaks) is [`crate::method::allocate`]; this module builds
//! its candidates from the compute rows, runs the pools in order and makes the contract's rows.

use std::collections::HashSet;

use super::inputs::{Costs, Pool, PoolGroup};
use crate::engine::{Level, ResultRow};
use crate::method::allocate::{allocate_pool, below_target, min_ratio, ratio, Limit, Slot};
use crate::method::{Bands, Status};
use crate::model::Study;

/// What is to be allocated.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Pools of posts, allocated one after another in this order.
    Pools(Vec<Pool>),
    /// A budget over every cadre of the costs table (one pool).
    Budget(f64),
}

/// The options of an allocation.
#[derive(Debug, Clone, PartialEq)]
pub struct AllocateOptions {
    pub request: Request,
    /// `--types`: facility-type keys; empty means every type.
    pub types: Vec<String>,
    pub bands: Bands,
}

/// One pool as it ran.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolRun {
    /// The pool (`None` for the budget form).
    pub pool: Option<Pool>,
    /// Its candidates (indexes into the slots), required > 0.
    pub members: Vec<usize>,
    /// Posts given to each slot before this pool (all slots).
    pub given_before: Vec<u64>,
    pub result: crate::method::allocate::PoolResult,
    /// Budget form: the budget.
    pub budget: Option<f64>,
}

/// One row of `wisn allocate` (study-format §7.2 columns).
#[derive(Debug, Clone, PartialEq)]
pub struct AllocateRow {
    /// `facility` or `pool`.
    pub level: &'static str,
    pub facility_id: Option<String>,
    pub facility_name: Option<String>,
    pub facility_type: Option<String>,
    pub district: Option<String>,
    pub region: Option<String>,
    pub cadre: String,
    pub current_staff: f64,
    pub required_staff: f64,
    pub required_rounded: f64,
    pub posts: u64,
    pub staff_after: f64,
    pub ratio_before: Option<f64>,
    pub ratio_after: Option<f64>,
    pub status_after: Option<Status>,
    pub cost: Option<f64>,
    pub posts_unallocated: Option<u64>,
    pub min_ratio_before: Option<f64>,
    pub min_ratio_after: Option<f64>,
}

/// The whole allocation.
#[derive(Debug, Clone, PartialEq)]
pub struct Allocation {
    /// One slot per compute facility row (facility × cadre), in compute order.
    pub slots: Vec<Slot>,
    /// The compute row of each slot.
    pub slot_rows: Vec<ResultRow>,
    pub runs: Vec<PoolRun>,
    /// Total posts per slot.
    pub given: Vec<u64>,
    /// Facility rows then pool rows.
    pub rows: Vec<AllocateRow>,
}

fn ratio_of(current: f64, required: f64) -> Option<f64> {
    (required > 0.0).then(|| current / required)
}

/// Runs the allocation over the facility rows of `compute` (roll-up rows are ignored).
pub fn allocate(
    study: &Study,
    compute: &[ResultRow],
    costs: &Costs,
    options: &AllocateOptions,
) -> Allocation {
    let slot_rows: Vec<ResultRow> = compute
        .iter()
        .filter(|r| r.level == Level::Facility)
        .cloned()
        .collect();
    let slots: Vec<Slot> = slot_rows
        .iter()
        .map(|r| Slot {
            facility_id: r.facility_id.as_deref().unwrap_or_default().to_string(),
            cadre: study.cadres[r.cadre_index].name.clone(),
            staff: r.current_staff,
            required: r.required_staff,
            target: r.required_rounded,
            cost: costs.of(r.cadre_index),
        })
        .collect();
    let type_ok = |r: &ResultRow| {
        options.types.is_empty()
            || r.facility_index
                .is_some_and(|f| options.types.contains(&study.facilities[f].type_key))
    };
    let members_of = |cadres: &[usize], group: &PoolGroup| -> Vec<usize> {
        slot_rows
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                cadres.contains(&r.cadre_index)
                    && r.required_staff > 0.0
                    && type_ok(r)
                    && group.contains(r.region.as_deref(), r.district.as_deref())
            })
            .map(|(i, _)| i)
            .collect()
    };
    let mut given = vec![0u64; slots.len()];
    let mut runs = Vec::new();
    match &options.request {
        Request::Pools(pools) => {
            for pool in pools {
                let members = members_of(&[pool.cadre], &pool.group);
                let before = given.clone();
                let result = allocate_pool(&slots, &mut given, &members, Limit::Posts(pool.posts));
                runs.push(PoolRun {
                    pool: Some(pool.clone()),
                    members,
                    given_before: before,
                    result,
                    budget: None,
                });
            }
        }
        Request::Budget(budget) => {
            let cadres: Vec<usize> = costs.rows.iter().map(|(c, _)| *c).collect();
            let members = members_of(&cadres, &PoolGroup::National);
            let before = given.clone();
            let result = allocate_pool(&slots, &mut given, &members, Limit::Budget(*budget));
            runs.push(PoolRun {
                pool: None,
                members,
                given_before: before,
                result,
                budget: Some(*budget),
            });
        }
    }
    let rows = make_rows(study, &slots, &slot_rows, &runs, &given, costs, options);
    Allocation {
        slots,
        slot_rows,
        runs,
        given,
        rows,
    }
}

fn make_rows(
    study: &Study,
    slots: &[Slot],
    slot_rows: &[ResultRow],
    runs: &[PoolRun],
    given: &[u64],
    costs: &Costs,
    options: &AllocateOptions,
) -> Vec<AllocateRow> {
    let bands = &options.bands;
    // Facility rows: in the order of each slot's first post.
    let mut first: Vec<usize> = Vec::new();
    let mut seen: HashSet<usize> = HashSet::new();
    for run in runs {
        for p in &run.result.posts {
            if seen.insert(p.slot) {
                first.push(p.slot);
            }
        }
    }
    let mut rows: Vec<AllocateRow> = first
        .iter()
        .map(|&s| {
            let slot = &slots[s];
            let r = &slot_rows[s];
            let posts = given[s];
            let after = slot.staff + posts as f64;
            let ratio_after = ratio_of(after, slot.required);
            AllocateRow {
                level: "facility",
                facility_id: r.facility_id.as_deref().map(String::from),
                facility_name: r.facility_name.as_deref().map(String::from),
                facility_type: r.facility_type.as_deref().map(String::from),
                district: r.district.as_deref().map(String::from),
                region: r.region.as_deref().map(String::from),
                cadre: r.cadre.to_string(),
                current_staff: slot.staff,
                required_staff: slot.required,
                required_rounded: slot.target,
                posts,
                staff_after: after,
                ratio_before: ratio_of(slot.staff, slot.required),
                ratio_after,
                status_after: ratio_after.map(|v| bands.status(v)),
                cost: slot.cost.map(|c| c * posts as f64),
                posts_unallocated: None,
                min_ratio_before: None,
                min_ratio_after: None,
            }
        })
        .collect();
    // Pool rows.
    for run in runs {
        let cadres: Vec<usize> = match &run.pool {
            Some(p) => vec![p.cadre],
            None => costs.rows.iter().map(|(c, _)| *c).collect(),
        };
        let mut after = run.given_before.clone();
        for p in &run.result.posts {
            after[p.slot] += 1;
        }
        for c in cadres {
            let members: Vec<usize> = run
                .members
                .iter()
                .copied()
                .filter(|&s| slot_rows[s].cadre_index == c)
                .collect();
            let sum = |f: &dyn Fn(usize) -> f64| members.iter().map(|&s| f(s)).sum::<f64>();
            let current = sum(&|s| slots[s].staff + run.given_before[s] as f64);
            let required = sum(&|s| slots[s].required);
            let target = sum(&|s| slots[s].target);
            let staff_after = sum(&|s| slots[s].staff + after[s] as f64);
            let posts: u64 = members
                .iter()
                .map(|&s| after[s] - run.given_before[s])
                .sum();
            let ratio_after = ratio_of(staff_after, required);
            let (region, district) = match run.pool.as_ref().map(|p| &p.group) {
                Some(PoolGroup::Region(r)) => (Some(r.clone()), None),
                Some(PoolGroup::District(d)) => (None, Some(d.clone())),
                _ => (None, None),
            };
            rows.push(AllocateRow {
                level: "pool",
                facility_id: None,
                facility_name: None,
                facility_type: None,
                district,
                region,
                cadre: study.cadres[c].name.clone(),
                current_staff: current,
                required_staff: required,
                required_rounded: target,
                posts,
                staff_after,
                ratio_before: ratio_of(current, required),
                ratio_after,
                status_after: ratio_after.map(|v| bands.status(v)),
                cost: costs.of(c).map(|v| v * posts as f64),
                posts_unallocated: run.pool.as_ref().map(|p| p.posts - posts),
                min_ratio_before: min_ratio(slots, &run.given_before, &members),
                min_ratio_after: min_ratio(slots, &after, &members),
            });
        }
    }
    rows
}

/// Why a facility × cadre did not get a post.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Missed {
    /// It got this post.
    Got,
    /// Another candidate had a smaller ratio.
    HigherRatio,
    /// Same ratio; the other had the larger requirement, or the smaller code (or cadre name).
    TieLost,
    /// Already at its target (required_rounded).
    AtTarget,
    /// Budget form: its cadre's cost did not fit in what was left.
    Unaffordable,
}

/// One post of a pool, seen from one facility × cadre.
#[derive(Debug, Clone, PartialEq)]
pub struct ExplainStep {
    /// 1-based number of the post in its pool.
    pub post: usize,
    /// The slot that got it and its ratio then.
    pub winner: usize,
    pub winner_ratio: f64,
    /// The facility's slot and its ratio then.
    pub slot: usize,
    pub ratio: f64,
    pub outcome: Missed,
    /// Budget form: what was left of the budget before this post.
    pub budget_left: Option<f64>,
}

/// The explanation of one pool for one facility.
#[derive(Debug, Clone, PartialEq)]
pub struct ExplainPool {
    pub run: usize,
    /// The facility's candidate slots in this pool.
    pub slots: Vec<usize>,
    pub steps: Vec<ExplainStep>,
}

/// Why a facility is not a candidate of a pool of its cadre.
#[derive(Debug, Clone, PartialEq)]
pub enum NotCandidate {
    /// The pool serves another region or district.
    OtherGroup,
    /// `--types` leaves its type out.
    OtherType,
    /// Its requirement is 0.
    NothingRequired,
    /// No compute row for the cadre (no standards at its type, or no staff and no workload).
    NoRow,
}

/// The explanation of an allocation for one facility.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub facility: usize,
    pub pools: Vec<ExplainPool>,
    /// Pools of which it is not a candidate, and why.
    pub outside: Vec<(usize, NotCandidate)>,
}

/// The index of a facility by code: exact, else normalised.
pub fn find_facility(study: &Study, id: &str) -> Option<usize> {
    study
        .facilities
        .iter()
        .position(|f| f.id == id)
        .or_else(|| {
            let k = crate::names::normalise(id);
            study
                .facilities
                .iter()
                .position(|f| crate::names::normalise(&f.id) == k)
        })
}

/// Post by post, why `facility` got (or did not get) each post of the pools it is a candidate of.
pub fn explain(
    study: &Study,
    a: &Allocation,
    facility: usize,
    options: &AllocateOptions,
) -> Explanation {
    let mut pools = Vec::new();
    let mut outside = Vec::new();
    for (i, run) in a.runs.iter().enumerate() {
        let mine: Vec<usize> = run
            .members
            .iter()
            .copied()
            .filter(|&s| a.slot_rows[s].facility_index == Some(facility))
            .collect();
        if mine.is_empty() {
            if let Some(pool) = &run.pool {
                outside.push((i, why_outside(study, a, facility, pool, options)));
            }
            continue;
        }
        let mut given = run.given_before.clone();
        let mut left = run.budget;
        let mut steps = Vec::new();
        for (n, p) in run.result.posts.iter().enumerate() {
            for &s in &mine {
                let slot = &a.slots[s];
                let r = ratio(slot, given[s]);
                let outcome = if p.slot == s {
                    Missed::Got
                } else if !below_target(slot, given[s]) {
                    Missed::AtTarget
                } else if left.is_some_and(|l| slot.cost.map_or(true, |c| c > l)) {
                    Missed::Unaffordable
                } else if r > p.ratio {
                    Missed::HigherRatio
                } else {
                    Missed::TieLost
                };
                steps.push(ExplainStep {
                    post: n + 1,
                    winner: p.slot,
                    winner_ratio: p.ratio,
                    slot: s,
                    ratio: r,
                    outcome,
                    budget_left: left,
                });
            }
            given[p.slot] += 1;
            if let (Some(l), Some(c)) = (left.as_mut(), a.slots[p.slot].cost) {
                *l -= c;
            }
        }
        pools.push(ExplainPool {
            run: i,
            slots: mine,
            steps,
        });
    }
    Explanation {
        facility,
        pools,
        outside,
    }
}

fn why_outside(
    study: &Study,
    a: &Allocation,
    facility: usize,
    pool: &Pool,
    options: &AllocateOptions,
) -> NotCandidate {
    let f = &study.facilities[facility];
    let Some(row) = a
        .slot_rows
        .iter()
        .find(|r| r.facility_index == Some(facility) && r.cadre_index == pool.cadre)
    else {
        return NotCandidate::NoRow;
    };
    if !pool
        .group
        .contains(f.region.as_deref(), f.district.as_deref())
    {
        NotCandidate::OtherGroup
    } else if !options.types.is_empty() && !options.types.contains(&f.type_key) {
        NotCandidate::OtherType
    } else if row.required_staff <= 0.0 {
        NotCandidate::NothingRequired
    } else {
        // Not reached: a facility row in the group and types with required > 0 is a member.
        NotCandidate::NoRow
    }
}
