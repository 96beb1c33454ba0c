//! iHRIS (SI-GRH) staff lists (study-format §6): one row per person with a `status` column;
//! only rows whose status is in `--active-status` count. This module knows the statuses iHRIS
//! lists commonly hold, so that a status it has never seen (a new status, or a misspelling of
//! an active one) gets its own warning instead of being silently dropped.

use crate::diag::Code;
use std::collections::BTreeMap;

use crate::diag::{Diagnostics, Location, Msg, Problem};
use crate::messages::dhis2 as msg;
use crate::messages::study::list;
use crate::names::{closest, key};

/// Statuses of people who are not in post, as iHRIS lists in French and English write them
/// (compared by [`key`]).
pub const KNOWN_INACTIVE: &[&str] = &[
    "inactif",
    "inactive",
    "retraite",
    "à la retraite",
    "en retraite",
    "admis à la retraite",
    "décédé",
    "décès",
    "démissionnaire",
    "démission",
    "démissionné",
    "licencié",
    "révoqué",
    "radié",
    "abandon de poste",
    "suspendu",
    "suspension",
    "détaché",
    "détachement",
    "en détachement",
    "disponibilité",
    "mis en disponibilité",
    "en disponibilité",
    "en formation",
    "formation",
    "en stage",
    "stage",
    "en études",
    "études",
    "congé",
    "en congé",
    "congé de maternité",
    "congé maladie",
    "congé de longue durée",
    "muté",
    "mutation",
    "transféré",
    "parti",
    "sorti",
    "retired",
    "deceased",
    "dead",
    "resigned",
    "dismissed",
    "terminated",
    "transferred",
    "on leave",
    "study leave",
    "suspended",
    "absconded",
    "left",
];

/// Warns about dropped statuses that are neither active nor known inactive statuses, with a
/// did-you-mean towards the active ones. `dropped` is status as written → rows; `active` are
/// the active statuses as given.
pub fn unknown_statuses(
    dropped: &BTreeMap<String, usize>,
    active: &[String],
    at: Location,
    diag: &mut Diagnostics,
) {
    let known: Vec<String> = KNOWN_INACTIVE.iter().map(|s| key(s)).collect();
    let active_keys: Vec<String> = active.iter().map(|s| key(s)).collect();
    let mut unknown: Vec<Msg> = Vec::new();
    let mut suggestions: Vec<Msg> = Vec::new();
    for (status, rows) in dropped {
        let k = key(status);
        if k.is_empty() || known.contains(&k) {
            continue;
        }
        unknown.push(msg::status_rows(status, *rows));
        if let Some(a) = closest(&k, active_keys.iter().map(String::as_str)) {
            let i = active_keys.iter().position(|x| x == a).unwrap_or(0);
            suggestions.push(msg::status_looks_like(status, &active[i]));
        }
    }
    if unknown.is_empty() {
        return;
    }
    let hint = if suggestions.is_empty() {
        msg::unknown_status_hint()
    } else {
        msg::unknown_status_guess_hint(&list(&suggestions, "; "))
    };
    diag.warn(
        Problem::warning(
            Code::StaffStatusUnknown,
            msg::unknown_statuses(&list(&unknown, ", ")),
        )
        .at(at)
        .hint(hint),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_statuses_are_named() {
        let active: Vec<String> = ["en poste", "actif", "active"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut dropped = BTreeMap::new();
        dropped.insert("Retraité".to_string(), 3);
        dropped.insert("En formation".to_string(), 2);
        dropped.insert("En post".to_string(), 1);
        dropped.insert("Intérim".to_string(), 4);
        let mut diag = Diagnostics::default();
        unknown_statuses(&dropped, &active, Location::file("staff.csv"), &mut diag);
        assert_eq!(diag.problems.len(), 1);
        let text = diag.problems[0].to_string();
        assert!(text.contains("\"En post\" (1 row)"), "{text}");
        assert!(text.contains("\"Intérim\" (4 rows)"), "{text}");
        assert!(!text.contains("Retraité"), "{text}");
        assert!(text.contains("looks like \"en poste\""), "{text}");
    }
}
