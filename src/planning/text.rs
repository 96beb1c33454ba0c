//! The planning commands for people (`--format table`, the default): text that reads as a
//! decision ("CSCom de Kaboïla — Sage-femme: +1 → ratio 0.64 → 1.28"), in `--lang en|fr`, and the
//! post-by-post explanation of `wisn allocate --explain FACILITY`. Numbers are rounded here for
//! reading; the machine formats keep full precision.

use super::allocate::{Allocation, Explanation, Missed, NotCandidate};
use super::inputs::PoolGroup;
use super::redistribute::Redistribution;
use super::Within;
use crate::i18n::Lang;
use crate::method::allocate::ratio;
use crate::model::Study;

/// English or French.
fn tr(lang: Lang, en: &'static str, fr: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// ` :` in French, `:` in English.
fn colon(lang: Lang) -> &'static str {
    tr(lang, ":", " :")
}

fn ratio_text(lang: Lang, v: Option<f64>) -> String {
    v.map(|v| lang.num(v, 2))
        .unwrap_or_else(|| tr(lang, "n/a", "s.o.").to_string())
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
fn facility_label(name: &Option<String>, id: &Option<String>) -> String {
    name.clone().or_else(|| id.clone()).unwrap_or_default()
}

fn group_label(lang: Lang, group: &PoolGroup) -> String {
    match group {
        PoolGroup::National => tr(lang, "national", "national").to_string(),
        PoolGroup::Region(r) => format!("{} {r}", tr(lang, "region", "région")),
        PoolGroup::District(d) => format!("{} {d}", tr(lang, "district", "district")),
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
                    "{} {}{c} {}, {} — {} {}{c} {} {}, {} {}\n",
                    tr(lang, "Pool", "Dotation"),
                    i + 1,
                    study.cadres[pool.cadre].name,
                    group_label(lang, &pool.group),
                    pool.posts,
                    tr(lang, "posts asked", "postes demandés"),
                    given,
                    tr(lang, "given", "attribués"),
                    pool.posts - given as u64,
                    tr(lang, "unallocated", "non attribués"),
                ));
            }
            (None, Some(budget)) => {
                out.push_str(&format!(
                    "{} {}{c} {} {} {}, {} {}\n",
                    tr(lang, "Budget", "Budget"),
                    money(lang, budget),
                    money(lang, run.result.spent),
                    tr(lang, "spent on", "dépensés pour"),
                    format_args!("{given} {}", tr(lang, "posts", "postes")),
                    money(lang, budget - run.result.spent),
                    tr(lang, "left", "restants"),
                ));
            }
            (None, None) => {}
        }
        let members = &run.members;
        let before_min = crate::method::allocate::min_ratio(&a.slots, &run.given_before, members);
        let after_min = crate::method::allocate::min_ratio(&a.slots, &after, members);
        out.push_str(&format!(
            "  {}{c} {} → {}\n",
            tr(
                lang,
                "smallest ratio among the candidates",
                "plus petit ratio parmi les candidats"
            ),
            ratio_text(lang, before_min),
            ratio_text(lang, after_min),
        ));
        if members.is_empty() {
            out.push_str(&format!(
                "  {}\n",
                tr(
                    lang,
                    "no candidate: no facility of this group and types needs this cadre",
                    "aucun candidat : aucune structure de ce groupe et de ces types n'a besoin de cette catégorie"
                )
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
                tr(lang, "ratio", "ratio"),
                lang.num(ratio(slot, run.given_before[s]), 2),
                lang.num(ratio(slot, after[s]), 2),
            ));
            if let Some(cost) = slot.cost {
                out.push_str(&format!(
                    " ({} {})",
                    money(lang, cost * n as f64),
                    tr(lang, "a year", "par an")
                ));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    let total: u64 = a.given.iter().sum();
    let facilities = a.given.iter().filter(|&&g| g > 0).count();
    out.push_str(&format!(
        "{}{c} {total} {} {facilities} {}\n",
        tr(lang, "In all", "Au total"),
        tr(lang, "posts to", "postes pour"),
        tr(lang, "facility × cadre", "structure × catégorie"),
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
        tr(lang, "Allocation of posts:", "Attribution des postes :"),
        f.id
    );
    let pool_title = |i: usize| -> String {
        let run = &a.runs[i];
        match (&run.pool, run.budget) {
            (Some(p), _) => format!(
                "{} {}{c} {}, {}, {} {}",
                tr(lang, "Pool", "Dotation"),
                i + 1,
                study.cadres[p.cadre].name,
                group_label(lang, &p.group),
                p.posts,
                tr(lang, "posts", "postes")
            ),
            (None, Some(b)) => format!("{} {}", tr(lang, "Budget", "Budget"), money(lang, b)),
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
                tr(lang, "at this facility", "dans cette structure"),
                lang.num_trim(slot.staff, 2),
                tr(lang, "in post", "en poste"),
                lang.num(slot.required, 2),
                tr(lang, "required", "requis"),
                tr(lang, "target", "cible"),
                lang.num(slot.target, 0),
                if slot.target <= slot.staff {
                    tr(
                        lang,
                        ": already at its target, it receives nothing",
                        " : déjà à sa cible, elle ne reçoit rien",
                    )
                } else {
                    ""
                }
            ));
        }
        if pool.steps.is_empty() {
            out.push_str(&format!(
                "  {}\n",
                tr(
                    lang,
                    "No post was given in this pool.",
                    "Aucun poste n'a été attribué dans cette dotation."
                )
            ));
        }
        for step in &pool.steps {
            let w = &a.slot_rows[step.winner];
            let winner = format!(
                "{} — {}",
                facility_label(&w.facility_name, &w.facility_id),
                w.cadre
            );
            let mine = lang.num(step.ratio, 2);
            let line = match step.outcome {
                Missed::Got => format!(
                    "{} ({} {mine}, {})",
                    tr(lang, "GIVEN to it", "ATTRIBUÉ à elle"),
                    tr(lang, "its ratio", "son ratio"),
                    tr(lang, "the smallest", "le plus petit")
                ),
                Missed::HigherRatio => format!(
                    "→ {winner} ({} {}); {} {mine} {}",
                    tr(lang, "ratio", "ratio"),
                    lang.num(step.winner_ratio, 2),
                    tr(lang, "its ratio", "son ratio"),
                    tr(lang, "was higher", "était plus élevé")
                ),
                Missed::TieLost => format!(
                    "→ {winner} ({} {}); {} {mine} {}",
                    tr(lang, "ratio", "ratio"),
                    lang.num(step.winner_ratio, 2),
                    tr(lang, "its ratio", "son ratio"),
                    tr(
                        lang,
                        "was equal: the tie goes to the larger requirement, then the smaller code",
                        "était égal : l'égalité va au plus grand besoin, puis au plus petit code"
                    )
                ),
                Missed::AtTarget => format!(
                    "→ {winner} ({} {}); {} ({} {mine})",
                    tr(lang, "ratio", "ratio"),
                    lang.num(step.winner_ratio, 2),
                    tr(
                        lang,
                        "it had reached its target",
                        "elle avait atteint sa cible"
                    ),
                    tr(lang, "ratio", "ratio"),
                ),
                Missed::Unaffordable => format!(
                    "→ {winner} ({} {}); {} ({} {mine})",
                    tr(lang, "ratio", "ratio"),
                    lang.num(step.winner_ratio, 2),
                    tr(
                        lang,
                        "its cadre's cost no longer fitted in the budget left",
                        "le coût de sa catégorie ne tenait plus dans le budget restant"
                    ),
                    tr(lang, "ratio", "ratio"),
                ),
            };
            let cadre = if pool.slots.len() > 1 {
                format!(" [{}]", a.slots[step.slot].cadre)
            } else {
                String::new()
            };
            out.push_str(&format!(
                "  {} {:>3}{cadre}{c} {line}\n",
                tr(lang, "post", "poste"),
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
            tr(lang, "In this pool", "Dans cette dotation"),
            tr(lang, "post(s) to it", "poste(s) pour elle")
        ));
    }
    for (i, why) in &e.outside {
        let reason = match why {
            NotCandidate::OtherGroup => tr(
                lang,
                "not a candidate: the pool serves another region or district",
                "pas candidate : la dotation sert une autre région ou un autre district",
            ),
            NotCandidate::OtherType => tr(
                lang,
                "not a candidate: --types leaves its facility type out",
                "pas candidate : --types exclut son type de structure",
            ),
            NotCandidate::NothingRequired => tr(
                lang,
                "not a candidate: nothing is required of this cadre there (required 0)",
                "pas candidate : rien n'est requis de cette catégorie (besoin 0)",
            ),
            NotCandidate::NoRow => tr(
                lang,
                "not a candidate: no result for this cadre there (no standards at its type, or neither staff nor workload)",
                "pas candidate : aucun résultat pour cette catégorie (pas de normes pour son type, ou ni personnel ni charge de travail)",
            ),
        };
        out.push_str(&format!("{}\n  {reason}\n\n", pool_title(*i)));
    }
    if e.pools.is_empty() && e.outside.is_empty() {
        out.push_str(tr(
            lang,
            "It is a candidate of no pool: none of its cadres is in the costs table.\n",
            "Elle n'est candidate d'aucune dotation : aucune de ses catégories n'est dans la table des coûts.\n",
        ));
    }
    out
}

/// The redistribution as text: the transfers, each facility before → after, each group's
/// shortage before → after.
pub fn redistribution(r: &Redistribution, within: Within, lang: Lang) -> String {
    let c = colon(lang);
    let mut out = String::new();
    let transfers: Vec<_> = r.rows.iter().filter(|x| x.level == "transfer").collect();
    out.push_str(tr(lang, "Transfers", "Mutations"));
    out.push('\n');
    if transfers.is_empty() {
        out.push_str(&format!(
            "  {}\n",
            tr(
                lang,
                "none: no group has both a facility that can give and one in shortage",
                "aucune : aucun groupe n'a à la fois une structure qui peut céder et une en pénurie"
            )
        ));
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
            tr(lang, "move", "muter"),
            name_of(&t.from_facility_id),
            name_of(&t.to_facility_id),
            if n == 1 {
                tr(lang, "person", "personne")
            } else {
                tr(lang, "persons", "personnes")
            }
        ));
    }
    out.push('\n');
    out.push_str(tr(
        lang,
        "Facilities, before → after",
        "Structures, avant → après",
    ));
    out.push('\n');
    for f in r.rows.iter().filter(|x| x.level == "facility") {
        out.push_str(&format!(
            "  {} — {}{c} {} → {} {} ({} {} → {}, {})\n",
            facility_label(&f.facility_name, &f.facility_id),
            f.cadre,
            lang.num_trim(f.current_staff.unwrap_or(0.0), 2),
            lang.num_trim(f.staff_after.unwrap_or(0.0), 2),
            tr(lang, "staff", "agents"),
            tr(lang, "ratio", "ratio"),
            ratio_text(lang, f.ratio_before),
            ratio_text(lang, f.ratio_after),
            f.status_after.map(|s| lang.status(s)).unwrap_or(""),
        ));
    }
    out.push('\n');
    out.push_str(tr(
        lang,
        "Groups: shortage before → after (sum over the facilities short of staff)",
        "Groupes : manque avant → après (somme sur les structures en pénurie)",
    ));
    out.push('\n');
    for g in r
        .rows
        .iter()
        .filter(|x| !matches!(x.level, "transfer" | "facility"))
    {
        let group = match within {
            Within::District => g.district.clone(),
            Within::Region => g.region.clone(),
            Within::National => Some(tr(lang, "national", "national").to_string()),
        }
        .unwrap_or_else(|| "—".into());
        out.push_str(&format!(
            "  {group} — {}{c} {} {} → {}; {} {} {}\n",
            g.cadre,
            tr(lang, "shortage", "manque"),
            lang.num(g.shortage_before.unwrap_or(0.0), 2),
            lang.num(g.shortage_after.unwrap_or(0.0), 2),
            g.persons.unwrap_or(0),
            tr(lang, "moved", "muté(s)"),
            format_args!(
                "({} {} → {})",
                tr(lang, "ratio", "ratio"),
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
