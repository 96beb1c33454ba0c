//! Name normalisation: how `wisn` decides that two spellings of a table, column, cadre, facility
//! type or activity are the same name (study-format §1).
//!
//! `normalise` lower-cases, strips accents (`é` → `e`), turns every run of characters that is not
//! a letter or digit into `_`, and drops leading and trailing `_`. So `Nom de la structure`,
//! `NOM_DE_LA_STRUCTURE` and ` nom de la structure ` are one name, and `Sage-femme`, `SAGE FEMME`
//! and `sage femme` are one cadre.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The normalised form of a name (see the module documentation).
pub fn normalise(text: &str) -> String {
    if text.is_ascii() {
        return normalise_ascii(text);
    }
    normalise_unicode(text)
}

/// [`normalise`] of ASCII text, without the Unicode decomposition (ASCII decomposes to itself
/// and has no accents): the same answer, several times faster (facility ids, most cadre names).
fn normalise_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_sep = false;
    for c in text.bytes() {
        if c.is_ascii_alphanumeric() {
            if pending_sep && !out.is_empty() {
                out.push('_');
            }
            pending_sep = false;
            out.push(char::from(c.to_ascii_lowercase()));
        } else {
            pending_sep = true;
        }
    }
    out
}

fn normalise_unicode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_sep = false;
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let expanded: &[char] = match c {
            'œ' | 'Œ' => &['o', 'e'],
            'æ' | 'Æ' => &['a', 'e'],
            'ß' => &['s', 's'],
            'ø' | 'Ø' => &['o'],
            'đ' | 'Đ' => &['d'],
            'ł' | 'Ł' => &['l'],
            _ => &[],
        };
        if !expanded.is_empty() {
            if pending_sep && !out.is_empty() {
                out.push('_');
            }
            pending_sep = false;
            out.extend(expanded.iter());
            continue;
        }
        if c.is_alphanumeric() {
            if pending_sep && !out.is_empty() {
                out.push('_');
            }
            pending_sep = false;
            out.extend(c.to_lowercase());
        } else {
            pending_sep = true;
        }
    }
    out
}

/// Edit distance between two (normalised) names, for "did you mean" suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The edit distance when it is at most `limit` (else `None`), stopping as soon as every
/// path exceeds it; no allocation for names of ASCII letters (the usual normalised names).
fn bounded_distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    if a.is_ascii() && b.is_ascii() && a.len() <= 128 && b.len() <= 128 {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        if a.len().abs_diff(b.len()) > limit {
            return None;
        }
        let mut prev = [0usize; 129];
        let mut cur = [0usize; 129];
        for (j, p) in prev.iter_mut().enumerate().take(b.len() + 1) {
            *p = j;
        }
        for (i, ca) in a.iter().enumerate() {
            cur[0] = i + 1;
            let mut row_min = cur[0];
            for (j, cb) in b.iter().enumerate() {
                let cost = usize::from(ca != cb);
                cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
                row_min = row_min.min(cur[j + 1]);
            }
            if row_min > limit {
                return None;
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        let d = prev[b.len()];
        return (d <= limit).then_some(d);
    }
    let d = edit_distance(a, b);
    (d <= limit).then_some(d)
}

/// How many candidates a "did you mean" looks at (the first ones): with 10 000 unknown names
/// against 10 000 known ones, comparing every pair would take minutes (docs/robustness.md).
pub const MAX_CANDIDATES: usize = 200;
/// Longer names get no suggestion (the edit distance is quadratic in the length).
const MAX_SUGGEST_LEN: usize = 64;

/// The closest of `candidates` to `name` (both normalised), if it is close enough to be a likely
/// misspelling: within a third of the name's length, and at least one edit away.
pub fn closest<'a, I>(name: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let len = name.chars().count();
    let limit = (len / 3).max(2);
    // Names longer than a cell would ever hold are not misspellings of anything.
    if len > MAX_SUGGEST_LEN {
        return None;
    }
    candidates
        .into_iter()
        .take(MAX_CANDIDATES)
        .filter(|c| c.len().abs_diff(name.len()) <= limit * 4 && c.len() <= MAX_SUGGEST_LEN * 4)
        .filter_map(|c| bounded_distance(name, c, limit).map(|d| (d, c)))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// The `candidates` of which `name` is a shortened form: their normalised name starts with the
/// normalised `name`, or has it at the start of a word (`Technicien` → `Technicien de
/// laboratoire`, `laboratoire` → `Technicien de laboratoire`), or, for names of 4 characters or
/// more, contains it once separators are dropped (`labo` → `Technicien de laboratoire`). Prefix
/// matches come first, then in the candidates' order; names shorter than 3 characters match
/// nothing (too many would). For "did you mean" hints when [`closest`] finds no misspelling.
pub fn partial_matches<'a, I>(name: &str, candidates: I) -> Vec<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let wanted = normalise(name);
    if wanted.chars().count() < 3 {
        return Vec::new();
    }
    let wanted_key = wanted.replace('_', "");
    let word = format!("_{wanted}");
    let (mut prefix, mut inner) = (Vec::new(), Vec::new());
    for c in candidates {
        let n = normalise(c);
        if n == wanted {
            continue;
        }
        if n.starts_with(&wanted) {
            prefix.push(c);
        } else if n.contains(&word)
            || (wanted_key.chars().count() >= 4 && n.replace('_', "").contains(&wanted_key))
        {
            inner.push(c);
        }
    }
    prefix.extend(inner);
    prefix.dedup();
    prefix
}

/// A "did you mean" hint for `name` among `candidates`: the closest misspelling, else the names it
/// shortens (up to five), else `None`.
pub fn did_you_mean(name: &str, candidates: &[&str]) -> Option<crate::diag::Msg> {
    use crate::messages::cli as m;
    let keys: Vec<String> = candidates.iter().map(|c| key(c)).collect();
    if let Some(k) = closest(&key(name), keys.iter().map(String::as_str)) {
        if let Some(i) = keys.iter().position(|x| x == k) {
            return Some(m::did_you_mean(candidates[i]));
        }
    }
    let partial = partial_matches(name, candidates.iter().copied());
    match partial.as_slice() {
        [] => None,
        [one] => Some(m::did_you_mean(one)),
        many => {
            let shown: Vec<String> = many.iter().take(5).map(|m| format!("\"{m}\"")).collect();
            let more = if many.len() > 5 { ", …" } else { "" };
            Some(m::did_you_mean_one_of(&shown.join(", "), more))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_examples_are_one_name() {
        assert_eq!(normalise("Nom de la structure"), "nom_de_la_structure");
        assert_eq!(normalise("NOM_DE_LA_STRUCTURE"), "nom_de_la_structure");
        assert_eq!(normalise("nom de la structure "), "nom_de_la_structure");
        assert_eq!(normalise("Sage-femme"), normalise("SAGE FEMME"));
        assert_eq!(normalise("sage femme"), "sage_femme");
        assert_eq!(normalise("CSRéf"), "csref");
        assert_eq!(normalise("Hôpital"), "hopital");
        assert_eq!(normalise("Périodes (mois)"), "periodes_mois");
        assert_eq!(normalise("  --Main d'œuvre--  "), "main_d_oeuvre");
        assert_eq!(normalise("%"), "");
        assert_eq!(normalise("\u{feff}code"), "code");
    }

    #[test]
    fn suggestions() {
        assert_eq!(edit_distance("matrone", "matronne"), 1);
        assert_eq!(
            closest("matronne", ["medecin", "matrone", "infirmier"]),
            Some("matrone")
        );
        assert_eq!(closest("chauffeur", ["medecin", "matrone"]), None);
    }

    #[test]
    fn shortened_names_are_suggested() {
        let cadres = [
            "Médecin",
            "Technicien de laboratoire",
            "Infirmier",
            "Technicien supérieur de santé",
        ];
        assert_eq!(
            partial_matches("Technicien", cadres),
            ["Technicien de laboratoire", "Technicien supérieur de santé"]
        );
        assert_eq!(
            partial_matches("laboratoire", cadres),
            ["Technicien de laboratoire"]
        );
        assert_eq!(
            partial_matches("LABO", cadres),
            ["Technicien de laboratoire"]
        );
        assert_eq!(partial_matches("in", cadres), Vec::<&str>::new());
        assert_eq!(partial_matches("chauffeur", cadres), Vec::<&str>::new());
        // The exact name is not a suggestion of itself.
        assert_eq!(partial_matches("infirmier", cadres), Vec::<&str>::new());

        assert_eq!(
            did_you_mean("Technicien", &["Médecin", "Technicien de laboratoire"])
                .as_ref()
                .map(|m| m.en()),
            Some("did you mean \"Technicien de laboratoire\"?")
        );
        assert_eq!(
            did_you_mean("Technicien", &cadres).as_ref().map(|m| m.en()),
            Some("did you mean one of \"Technicien de laboratoire\", \"Technicien supérieur de santé\"?")
        );
        // A misspelling wins over a shortening.
        assert_eq!(
            did_you_mean("Medcin", &cadres).as_ref().map(|m| m.en()),
            Some("did you mean \"Médecin\"?")
        );
        assert_eq!(did_you_mean("chauffeur", &cadres), None);
    }
}

/// The key under which cadre and facility-type names are compared: normalised, then with the
/// `_` separators dropped, so that `CS Réf`, `CSRéf` and `csref` are one type and `Sage femme`,
/// `Sage-femme` and `SAGEFEMME` one cadre. (A decision beyond the spec's normalisation, written
/// down in docs/study-format.md §1: separators are the commonest typing variation.)
pub fn key(text: &str) -> String {
    normalise(text).replace('_', "")
}

#[cfg(test)]
mod ascii_tests {
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// The ASCII path answers as the Unicode one.
        #[test]
        fn ascii_path_is_unicode_path(text in "[ -~\t\n]{0,24}") {
            proptest::prop_assert_eq!(super::normalise_ascii(&text), super::normalise_unicode(&text));
        }
    }
}

#[cfg(test)]
mod key_tests {
    #[test]
    fn keys_fold_separators() {
        assert_eq!(super::key("CS Réf"), super::key("CSRéf"));
        assert_eq!(super::key("Aide-soignant"), super::key("aide soignant"));
        assert_eq!(super::key("SAGE FEMME"), "sagefemme");
    }
}
