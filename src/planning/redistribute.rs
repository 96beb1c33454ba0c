//! `wisn redistribute` (study-format §7.3, §7.7): transfers from facilities in excess to
//! facilities in shortage, per group (district, region or national) and cadre; the transfers
//! first, then each facility before → after, then each group's shortage before → after.
//!
//! The rule (who gives, who receives, one person at a time, the tie-breaks) is
//! [`crate::method::redistribute`]; this module groups the compute rows and makes the rows.

use crate::diag::Code;
use std::collections::BTreeMap;

use super::Within;
use crate::diag::Problem;
use crate::engine::{Level, ResultRow};
use crate::method::redistribute::{redistribute as plan_group, Member, Plan};
use crate::method::{Bands, Status};
use crate::model::Study;

/// One row of `wisn redistribute` (study-format §7.3 columns).
#[derive(Debug, Clone, PartialEq)]
pub struct RedistributeRow {
    /// `transfer`, `facility`, `district`, `region` or `national`.
    pub level: &'static str,
    pub district: Option<String>,
    pub region: Option<String>,
    pub cadre: String,
    pub from_facility_id: Option<String>,
    pub to_facility_id: Option<String>,
    pub persons: Option<u64>,
    pub facility_id: Option<String>,
    pub facility_name: Option<String>,
    pub facility_type: Option<String>,
    pub current_staff: Option<f64>,
    pub required_staff: Option<f64>,
    pub staff_after: Option<f64>,
    pub ratio_before: Option<f64>,
    pub ratio_after: Option<f64>,
    pub status_after: Option<Status>,
    pub shortage_before: Option<f64>,
    pub shortage_after: Option<f64>,
}

impl RedistributeRow {
    fn empty(level: &'static str, cadre: &str) -> Self {
        RedistributeRow {
            level,
            district: None,
            region: None,
            cadre: cadre.to_string(),
            from_facility_id: None,
            to_facility_id: None,
            persons: None,
            facility_id: None,
            facility_name: None,
            facility_type: None,
            current_staff: None,
            required_staff: None,
            staff_after: None,
            ratio_before: None,
            ratio_after: None,
            status_after: None,
            shortage_before: None,
            shortage_after: None,
        }
    }
}

/// One group and cadre, planned.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupPlan {
    /// The group's name (`None` for national, or facilities with no district/region).
    pub group: Option<String>,
    pub cadre: usize,
    /// The compute rows of the members (required > 0), in compute order.
    pub rows: Vec<ResultRow>,
    pub plan: Plan,
}

/// The result of `wisn redistribute`.
#[derive(Debug, Clone, PartialEq)]
pub struct Redistribution {
    pub groups: Vec<GroupPlan>,
    pub rows: Vec<RedistributeRow>,
    /// Facilities with staff but nothing required: they never give.
    pub warnings: Vec<Problem>,
}

fn ratio_of(current: f64, required: f64) -> Option<f64> {
    (required > 0.0).then(|| current / required)
}

/// Plans the transfers over the facility rows of `compute` (roll-up rows are ignored). Groups are
/// taken in the order of their name (a facility with no district or region first), cadres in
/// the study's order, as compute's roll-ups.
pub fn redistribute(
    study: &Study,
    compute: &[ResultRow],
    within: Within,
    bands: &Bands,
) -> Redistribution {
    let mut groups: BTreeMap<(Option<String>, usize), Vec<ResultRow>> = BTreeMap::new();
    let mut idle: Vec<String> = Vec::new();
    for r in compute.iter().filter(|r| r.level == Level::Facility) {
        if r.required_staff <= 0.0 {
            if r.current_staff > 0.0 {
                idle.push(format!(
                    "{} ({})",
                    r.facility_id.as_deref().unwrap_or(""),
                    r.cadre
                ));
            }
            continue;
        }
        let group = match within {
            Within::District => r.district.as_deref().map(String::from),
            Within::Region => r.region.as_deref().map(String::from),
            Within::National => None,
        };
        groups
            .entry((group, r.cadre_index))
            .or_default()
            .push(r.clone());
    }
    let mut planned = Vec::new();
    for ((group, cadre), rows) in groups {
        let members: Vec<Member> = rows
            .iter()
            .map(|r| Member {
                facility_id: r.facility_id.as_deref().unwrap_or_default().to_string(),
                current: r.current_staff,
                required: r.required_staff,
            })
            .collect();
        let plan = plan_group(&members, bands);
        planned.push(GroupPlan {
            group,
            cadre,
            rows,
            plan,
        });
    }
    let rows = make_rows(study, &planned, within, bands);
    let mut warnings = Vec::new();
    if !idle.is_empty() {
        let n = idle.len();
        let list = idle.iter().take(20).cloned().collect::<Vec<_>>().join(", ");
        let list = if n > 20 {
            crate::messages::engine::and_more(n - 20).map(|more| format!("{list}{more}"))
        } else {
            crate::diag::Msg::new(list.clone(), list)
        };
        warnings.push(
            Problem::warning(
                Code::StaffWithoutRequirement,
                crate::messages::planning::staff_without_requirement(n, &list),
            )
            .hint(crate::messages::planning::check_their_workload()),
        );
    }
    Redistribution {
        groups: planned,
        rows,
        warnings,
    }
}

fn group_identity(g: &GroupPlan, within: Within) -> (Option<String>, Option<String>) {
    match within {
        Within::District => {
            let mut regions: Vec<Option<&str>> =
                g.rows.iter().map(|r| r.region.as_deref()).collect();
            regions.sort();
            regions.dedup();
            let region = if regions.len() == 1 {
                regions[0].map(String::from)
            } else {
                None
            };
            (g.group.clone(), region)
        }
        Within::Region => (None, g.group.clone()),
        Within::National => (None, None),
    }
}

fn make_rows(
    study: &Study,
    groups: &[GroupPlan],
    within: Within,
    bands: &Bands,
) -> Vec<RedistributeRow> {
    let mut transfers = Vec::new();
    let mut facilities = Vec::new();
    let mut totals = Vec::new();
    for g in groups {
        let cadre = &study.cadres[g.cadre].name;
        let (district, region) = group_identity(g, within);
        // Transfers: one row per pair, in the order of its first move.
        let mut pairs: Vec<((usize, usize), u64)> = Vec::new();
        let mut pair_at: std::collections::HashMap<(usize, usize), usize> =
            std::collections::HashMap::new();
        let mut order: Vec<usize> = Vec::new();
        let mut seen = vec![false; g.rows.len()];
        for &(from, to) in &g.plan.moves {
            match pair_at.get(&(from, to)) {
                Some(&k) => pairs[k].1 += 1,
                None => {
                    pair_at.insert((from, to), pairs.len());
                    pairs.push(((from, to), 1));
                }
            }
            for i in [from, to] {
                if !seen[i] {
                    seen[i] = true;
                    order.push(i);
                }
            }
        }
        for ((from, to), n) in pairs {
            let mut row = RedistributeRow::empty("transfer", cadre);
            row.district = district.clone();
            row.region = region.clone();
            row.from_facility_id = g.rows[from].facility_id.as_deref().map(String::from);
            row.to_facility_id = g.rows[to].facility_id.as_deref().map(String::from);
            row.persons = Some(n);
            transfers.push(row);
        }
        // Facilities that gave or received, in the order of their first move.
        let members: Vec<Member> = g
            .rows
            .iter()
            .map(|r| Member {
                facility_id: r.facility_id.as_deref().unwrap_or_default().to_string(),
                current: r.current_staff,
                required: r.required_staff,
            })
            .collect();
        for i in order {
            let r = &g.rows[i];
            let after = g.plan.staff_after(&members, i);
            let ratio_after = ratio_of(after, r.required_staff);
            let mut row = RedistributeRow::empty("facility", cadre);
            row.district = r.district.as_deref().map(String::from);
            row.region = r.region.as_deref().map(String::from);
            row.facility_id = r.facility_id.as_deref().map(String::from);
            row.facility_name = r.facility_name.as_deref().map(String::from);
            row.facility_type = r.facility_type.as_deref().map(String::from);
            // The contract fills identity, staff before/after, ratios and status on facility
            // rows, and nothing else: required_staff is left null (group rows carry its sum).
            row.current_staff = Some(r.current_staff);
            row.staff_after = Some(after);
            row.ratio_before = ratio_of(r.current_staff, r.required_staff);
            row.ratio_after = ratio_after;
            row.status_after = ratio_after.map(|v| bands.status(v));
            facilities.push(row);
        }
        // The group, when it had a donor or a receiver.
        if !(g.plan.donor.iter().any(|&d| d) || g.plan.receiver.iter().any(|&r| r)) {
            continue;
        }
        let current: f64 = members.iter().map(|m| m.current).sum();
        let required: f64 = members.iter().map(|m| m.required).sum();
        let after: f64 = (0..members.len())
            .map(|i| g.plan.staff_after(&members, i))
            .sum();
        let short_before: f64 = members
            .iter()
            .map(|m| (m.required - m.current).max(0.0))
            .sum();
        let short_after: f64 = (0..members.len())
            .map(|i| (members[i].required - g.plan.staff_after(&members, i)).max(0.0))
            .sum();
        let level = match within {
            Within::District => "district",
            Within::Region => "region",
            Within::National => "national",
        };
        let ratio_after = ratio_of(after, required);
        let mut row = RedistributeRow::empty(level, cadre);
        row.district = district;
        row.region = region;
        row.persons = Some(g.plan.moves.len() as u64);
        row.current_staff = Some(current);
        row.required_staff = Some(required);
        row.staff_after = Some(after);
        row.ratio_before = ratio_of(current, required);
        row.ratio_after = ratio_after;
        row.status_after = ratio_after.map(|v| bands.status(v));
        row.shortage_before = Some(short_before);
        row.shortage_after = Some(short_after);
        totals.push(row);
    }
    transfers.extend(facilities);
    transfers.extend(totals);
    transfers
}
