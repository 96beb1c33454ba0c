//! The catalogue: every message `wisn` shows people, in English and in French, one function
//! per message (written with [`catalogue!`](crate::catalogue)). A message is made where the
//! problem is found (`Problem::error(Code::BadNumber, messages::study::not_a_number(..))`) and
//! shown in the user's language (`--lang`, or LC_ALL / LC_MESSAGES / LANG).
//!
//! One file per part of the program. To add a message: add an entry to the part's file (both
//! languages; `one(n)` for the singular when it counts something), call it. The tests below
//! fail when a template has no French, French that is the English, or not the same values.
//!
//! Style of the French: the vocabulary of the DRH's WISN manual (structure, catégorie, norme,
//! activité, temps de travail disponible (TTD/AWT), charge de travail), a space before `:` `;`
//! `?` `!`, « guillemets » not needed around values (the values are quoted by the problem line
//! itself), commands and option names never translated (`wisn validate`, `--year`).

use crate::diag::msg::Template;

pub mod cli;
pub mod diag;
pub mod engine;
pub mod output;
pub mod planning;
pub mod report;
pub mod surge;

/// A decimal already written for English (`full_precision`, `{:.2}`): as it is in English, with
/// a decimal comma in French.
#[derive(Debug, Clone)]
pub struct Dec(pub String);

impl crate::diag::msg::Localize for Dec {
    fn fmt_en(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(&self.0)
    }
    fn fmt_fr(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(&self.0.replace('.', ","))
    }
}

/// Every part of the catalogue (the tests go through all of them).
pub fn all() -> Vec<(&'static str, &'static [Template])> {
    vec![
        ("cli", cli::TEMPLATES),
        ("diag", diag::TEMPLATES),
        ("engine", engine::TEMPLATES),
        ("output", output::TEMPLATES),
        ("planning", planning::TEMPLATES),
        ("report", report::TEMPLATES),
        ("surge", surge::TEMPLATES),
    ]
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// The `{name}` placeholders of a template (without format specs), sorted.
    fn placeholders(t: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut rest = t;
        while let Some(i) = rest.find('{') {
            if rest[i + 1..].starts_with('{') {
                rest = &rest[i + 2..];
                continue;
            }
            let Some(j) = rest[i..].find('}') else { break };
            let inner = &rest[i + 1..i + j];
            out.insert(inner.split(':').next().unwrap_or("").to_string());
            rest = &rest[i + j + 1..];
        }
        out
    }

    /// Texts that are the same in both languages on purpose (a name, a formula).
    const SAME_ON_PURPOSE: &[&str] = &["n_sites", "n_sites (one n)", "clap_word_argument"];

    #[test]
    fn every_message_has_its_french() {
        let mut names = BTreeSet::new();
        for (part, templates) in super::all() {
            for t in templates {
                assert!(
                    names.insert(format!("{part}::{}", t.name)),
                    "{part}::{} is in the catalogue twice",
                    t.name
                );
                assert!(
                    !t.fr.trim().is_empty(),
                    "{part}::{}: no French text",
                    t.name
                );
                assert!(
                    t.fr != t.en || SAME_ON_PURPOSE.contains(&t.name),
                    "{part}::{}: the French text is the English one: {:?}",
                    t.name,
                    t.en
                );
                assert_eq!(
                    placeholders(t.en),
                    placeholders(t.fr),
                    "{part}::{}: the French text does not show the same values as the English",
                    t.name
                );
            }
        }
    }

    #[test]
    fn placeholders_are_found() {
        let p = placeholders("a {x} b {y:.1} {{literal}} {x}");
        assert_eq!(p.into_iter().collect::<Vec<_>>(), ["x", "y"]);
    }
}
