//! The planning commands for people (`--format table`, the default): text that reads as a
//! decision ("CSCom de Kaboïla — Sage-femme: +1 → ratio 0.64 → 1.28"), in `--lang en|fr`, and the
//! post-by-post explanation of `wisn allocate --explain FACILITY`. Words come from
//! [`crate::i18n`] (`Text::Plan…`); numbers are rounded here for reading, the machine formats
//! keep full precision.

use super::allocate::{Allocation, Explanation, Missed, NotCandidate};
use super::inputs::PoolGroup;
use super::redistribute::Redistribution;
use super::Within;
use crate::i18n::{Lang, Noun, Text};
use crate::method::allocate::ratio;
use crate::model::Study;

/// ` :` in French, `:` in English.
fn colon(lang: Lang) -> &'static str {
    lang.t(Text::PlanColon)
}

fn ratio_text(lang: Lang, v: Option<f64>) -> String {
    v.map(|v| lang.num(v, 2))
        .unwrap_or_else(|| lang.t(Text::PlanNA).to_string())
}

/// An amount with its thousands grouped by spaces (`250 000 000`).
pub fn money(lang: Lang, v: f64) -> String {
    let s = lang.num(v, 0);
    let (sign, digits) = match s.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", s.as_str()),
    };
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(ch);
    }
    format!("{sign}{out}")
}

/// The name people know a facility by (its name, else its code).
fn facility_label<S: AsRef<str>>(name: &Option<S>, id: &Option<S>) -> String {
    name.as_ref()
        .or(id.as_ref())
        .map(|s| s.as_ref().to_string())
        .unwrap_or_default()
}

fn group_label(lang: Lang, group: &PoolGroup) -> String {
    match group {
        PoolGroup::National => lang.t(Text::PlanNational).to_string(),
        PoolGroup::Region(r) => format!("{} {r}", lang.t(Text::PlanRegion)),
        PoolGroup::District(d) => format!("{} {d}", lang.t(Text::PlanDistrict)),
    }
}

/// The allocation as text: each pool, what it gave to whom, its smallest ratio before → after.
pub fn allocation(study: &Study, a: &Allocation, lang: Lang) -> String {
    let mut out = String::new();
    let c = colon(lang);
    for (i, run) in a.runs.iter().enumerate() {
        let mut after = run.given_before.clone();
        let mut order: Vec<usize> = Vec::new();
        for p in &run.result.posts {
            if after[p.slot] == run.given_before[p.slot] {
                order.push(p.slot);
            }
            after[p.slot] += 1;
        }
        let given = run.result.posts.len();
        match (&run.pool, run.budget) {
            (Some(pool), _) => {
                out.push_str(&format!(
                    "{} {}{c} {}, {} — {}{c} {}, {}\n",
                    lang.t(Text::PlanPool),
                    i + 1,
                    study.cadres[pool.cadre].name,
                    group_label(lang, &pool.group),
                    lang.count(pool.posts, Noun::PostAsked),
                    lang.count(given as u64, Noun::Given),
                    lang.count(pool.posts - given as u64, Noun::Unallocated),
                ));
            }
            (None, Some(budget)) => {
                out.push_str(&format!(
                    "{} {}{c} {} {} {}, {} {}\n",
                    lang.t(Text::PlanBudget),
                    money(lang, budget),
                    money(lang, run.result.spent),
                    lang.t(Text::PlanSpentOn),
                    lang.count(given as u64, Noun::Post),
                    money(lang, budget - run.result.spent),
                    lang.t(Text::PlanLeft),
                ));
            }
            (None, None) => {}
        }
        let members = &run.members;
        let before_min = crate::method::allocate::min_ratio(&a.slots, &run.given_before, members);
        let after_min = crate::method::allocate::min_ratio(&a.slots, &after, members);
        out.push_str(&format!(
            "  {}{c} {} → {}\n",
            lang.t(Text::PlanSmallestRatioAmongTheCandidates),
            ratio_text(lang, before_min),
            ratio_text(lang, after_min),
        ));
        if members.is_empty() {
            out.push_str(&format!(
                "  {}\n",
                lang.t(Text::PlanNoCandidateNoFacilityOf)
            ));
        }
        for s in order {
            let r = &a.slot_rows[s];
            let slot = &a.slots[s];
            let n = after[s] - run.given_before[s];
            out.push_str(&format!(
                "  {} — {}{c} +{n} → {} {} → {}",
                facility_label(&r.facility_name, &r.facility_id),
                r.cadre,
                lang.t(Text::PlanRatio),
                lang.num(ratio(slot, run.given_before[s]), 2),
                lang.num(ratio(slot, after[s]), 2),
            ));
            if let Some(cost) = slot.cost {
                out.push_str(&format!(
                    " ({} {})",
                    money(lang, cost * n as f64),
                    lang.t(Text::PlanAYear)
                ));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    let total: u64 = a.given.iter().sum();
    let facilities = a.given.iter().filter(|&&g| g > 0).count();
    out.push_str(&format!(
        "{}{c} {} {} {}\n",
        lang.t(Text::PlanInAll),
        lang.count(total, Noun::Post),
        lang.t(Text::PlanPostsTo),
        lang.count(facilities as u64, Noun::FacilityCadre),
    ));
    out
}

/// `--explain FACILITY`: post by post, why the facility got (or did not get) each post.
pub fn explanation(study: &Study, a: &Allocation, e: &Explanation, lang: Lang) -> String {
    let f = &study.facilities[e.facility];
    let c = colon(lang);
    let name = f.name.clone().unwrap_or_else(|| f.id.clone());
    let mut out = format!(
        "{} {name} ({})\n\n",
        lang.t(Text::PlanAllocationOfPosts),
        f.id
    );
    let pool_title = |i: usize| -> String {
        let run = &a.runs[i];
        match (&run.pool, run.budget) {
            (Some(p), _) => format!(
                "{} {}{c} {}, {}, {}",
                lang.t(Text::PlanPool),
                i + 1,
                study.cadres[p.cadre].name,
                group_label(lang, &p.group),
                lang.count(p.posts, Noun::Post)
            ),
            (None, Some(b)) => format!("{} {}", lang.t(Text::PlanBudget), money(lang, b)),
            _ => String::new(),
        }
    };
    for pool in &e.pools {
        out.push_str(&pool_title(pool.run));
        out.push('\n');
        for &s in &pool.slots {
            let slot = &a.slots[s];
            out.push_str(&format!(
                "  {} {}{c} {} {}, {} {} ({} {}){}\n",
                slot.cadre,
                lang.t(Text::PlanAtThisFacility),
                lang.num_trim(slot.staff, 2),
                lang.t(Text::PlanInPost),
                lang.num(slot.required, 2),
                lang.t(Text::PlanRequired),
                lang.t(Text::PlanTarget),
                lang.num(slot.target, 0),
                if slot.target <= slot.staff {
                    lang.t(Text::PlanAlreadyAtItsTargetIt)
                } else {
                    ""
                }
            ));
        }
        if pool.steps.is_empty() {
            out.push_str(&format!("  {}\n", lang.t(Text::PlanNoPostWasGivenIn)));
        }
        let run = &a.runs[pool.run];
        for step in &pool.steps {
            // A cadre at its target before the pool is said once, above; not at every post.
            let slot = &a.slots[step.slot];
            if step.outcome == Missed::AtTarget
                && !crate::method::allocate::below_target(slot, run.given_before[step.slot])
            {
                continue;
            }
            let w = &a.slot_rows[step.winner];
            let winner = format!(
                "{} — {}",
                facility_label(&w.facility_name, &w.facility_id),
                w.cadre
            );
            // Two ratios that look equal at 2 decimals are shown at 4, so the reason is visible.
            let decimals = if lang.num(step.ratio, 2) == lang.num(step.winner_ratio, 2)
                && step.ratio != step.winner_ratio
            {
                4
            } else {
                2
            };
            let mine = lang.num(step.ratio, decimals);
            let line = match step.outcome {
                Missed::Got => format!(
                    "{} ({} {mine}, {})",
                    lang.t(Text::PlanGIVENToIt),
                    lang.t(Text::PlanItsRatio),
                    lang.t(Text::PlanTheSmallest)
                ),
                Missed::HigherRatio => format!(
                    "→ {winner} ({} {}); {} {mine} {}",
                    lang.t(Text::PlanRatio),
                    lang.num(step.winner_ratio, decimals),
                    lang.t(Text::PlanItsRatio),
                    lang.t(Text::PlanWasHigher)
                ),
                Missed::TieLost => format!(
                    "→ {winner} ({} {}); {} {mine} {}",
                    lang.t(Text::PlanRatio),
                    lang.num(step.winner_ratio, decimals),
                    lang.t(Text::PlanItsRatio),
                    lang.t(Text::PlanWasEqualTheTieGoes)
                ),
                Missed::AtTarget => format!(
                    "→ {winner} ({} {}); {} ({} {mine})",
                    lang.t(Text::PlanRatio),
                    lang.num(step.winner_ratio, decimals),
                    lang.t(Text::PlanItHadReachedItsTarget),
                    lang.t(Text::PlanRatio),
                ),
                Missed::Unaffordable => format!(
                    "→ {winner} ({} {}); {} ({} {mine})",
                    lang.t(Text::PlanRatio),
                    lang.num(step.winner_ratio, decimals),
                    lang.t(Text::PlanItsCadreSCostNo),
                    lang.t(Text::PlanRatio),
                ),
            };
            let cadre = if pool.slots.len() > 1 {
                format!(" [{}]", a.slots[step.slot].cadre)
            } else {
                String::new()
            };
            out.push_str(&format!(
                "  {} {:>3}{cadre}{c} {line}\n",
                lang.t(Text::PlanPost),
                step.post
            ));
        }
        let got = pool
            .steps
            .iter()
            .filter(|s| s.outcome == Missed::Got)
            .count();
        out.push_str(&format!(
            "  {}{c} {got} {}\n\n",
            lang.t(Text::PlanInThisPool),
            lang.t(Text::PlanPostSToIt)
        ));
    }
    for (i, why) in &e.outside {
        let reason = match why {
            NotCandidate::OtherGroup => lang.t(Text::PlanNotACandidateThePool),
            NotCandidate::OtherType => lang.t(Text::PlanNotACandidateTypesLeaves),
            NotCandidate::NothingRequired => lang.t(Text::PlanNotACandidateNothingIs),
            NotCandidate::NoRow => lang.t(Text::PlanNotACandidateNoResult),
        };
        out.push_str(&format!("{}\n  {reason}\n\n", pool_title(*i)));
    }
    if e.pools.is_empty() && e.outside.is_empty() {
        out.push_str(lang.t(Text::PlanItIsACandidateOf));
    }
    out
}

/// The redistribution as text: the transfers, each facility before → after, each group's
/// shortage before → after.
pub fn redistribution(r: &Redistribution, within: Within, lang: Lang) -> String {
    let c = colon(lang);
    let mut out = String::new();
    let transfers: Vec<_> = r.rows.iter().filter(|x| x.level == "transfer").collect();
    out.push_str(lang.t(Text::PlanTransfers));
    out.push('\n');
    if transfers.is_empty() {
        out.push_str(&format!("  {}\n", lang.t(Text::PlanNoneNoGroupHasBoth)));
    }
    let name_of = |id: &Option<String>| -> String {
        r.rows
            .iter()
            .find(|x| x.level == "facility" && x.facility_id == *id)
            .and_then(|x| x.facility_name.clone())
            .or_else(|| id.clone())
            .unwrap_or_default()
    };
    for t in &transfers {
        let group = match within {
            Within::District => t.district.clone(),
            Within::Region => t.region.clone(),
            Within::National => None,
        };
        let n = t.persons.unwrap_or(0);
        out.push_str(&format!(
            "  {}{} — {}{c} {} → {}{c} {n} {}\n",
            group.map(|g| format!("{g}, ")).unwrap_or_default(),
            t.cadre,
            lang.t(Text::PlanMove),
            name_of(&t.from_facility_id),
            name_of(&t.to_facility_id),
            if n == 1 {
                lang.t(Text::PlanPerson)
            } else {
                lang.t(Text::PlanPersons)
            }
        ));
    }
    out.push('\n');
    out.push_str(lang.t(Text::PlanFacilitiesBeforeAfter));
    out.push('\n');
    for f in r.rows.iter().filter(|x| x.level == "facility") {
        out.push_str(&format!(
            "  {} — {}{c} {} → {} {} ({} {} → {}, {})\n",
            facility_label(&f.facility_name, &f.facility_id),
            f.cadre,
            lang.num_trim(f.current_staff.unwrap_or(0.0), 2),
            lang.num_trim(f.staff_after.unwrap_or(0.0), 2),
            lang.t(Text::PlanStaff),
            lang.t(Text::PlanRatio),
            ratio_text(lang, f.ratio_before),
            ratio_text(lang, f.ratio_after),
            f.status_after.map(|s| lang.status(s)).unwrap_or(""),
        ));
    }
    out.push('\n');
    out.push_str(lang.t(Text::PlanGroupsShortageBeforeAfterSum));
    out.push('\n');
    for g in r
        .rows
        .iter()
        .filter(|x| !matches!(x.level, "transfer" | "facility"))
    {
        let group = match within {
            Within::District => g.district.clone(),
            Within::Region => g.region.clone(),
            Within::National => Some(lang.t(Text::PlanNational).to_string()),
        }
        .unwrap_or_else(|| "—".into());
        out.push_str(&format!(
            "  {group} — {}{c} {} {} → {}; {} {} {}\n",
            g.cadre,
            lang.t(Text::PlanShortage),
            lang.num(g.shortage_before.unwrap_or(0.0), 2),
            lang.num(g.shortage_after.unwrap_or(0.0), 2),
            g.persons.unwrap_or(0),
            lang.t(Text::PlanMoved),
            format_args!(
                "({} {} → {})",
                lang.t(Text::PlanRatio),
                ratio_text(lang, g.ratio_before),
                ratio_text(lang, g.ratio_after)
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(Lang::En, 250_000_000.0), "250 000 000");
        assert_eq!(money(Lang::Fr, 1_500.0), "1 500");
        assert_eq!(money(Lang::En, 999.0), "999");
        assert_eq!(money(Lang::En, -12_000.0), "-12 000");
    }
}
