//! clap's own errors (`unexpected argument`, `a value is required`, …) in French when the run is
//! French (`--lang fr` or a French environment): an [`ErrorFormatter`] that writes each kind
//! of error from its context (the argument, the value, the near names, the usage line) with
//! the texts of the catalogue (src/messages/cli.rs, `clap_*`). The usage line is clap's own
//! (its words are the options' names, never translated) under the French heading. Colours are
//! left out: these lines are short and read the same without.
//!
//! The messages of `wisn`'s own value parsers (`--scale-census`, `--delimiter`, …) are in the
//! run's language through [`super::messages_lang`].

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};

use crate::diag::Msg;
use crate::messages::cli as m;

/// Writes clap's errors in French.
pub struct French;

fn text(v: Option<&ContextValue>) -> Option<String> {
    match v? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn number(v: Option<&ContextValue>) -> Option<isize> {
    match v? {
        ContextValue::Number(n) => Some(*n),
        _ => None,
    }
}

/// The first line's message, or `None` when the context does not say enough.
fn message(error: &clap::error::Error<French>) -> Option<String> {
    let arg = || text(error.get(ContextKind::InvalidArg));
    let value = || text(error.get(ContextKind::InvalidValue));
    let fr = |msg: Msg| msg.fr().to_string();
    Some(match error.kind() {
        ErrorKind::ArgumentConflict => {
            let invalid = arg()?;
            let prior = error.get(ContextKind::PriorArg);
            let mut out = if prior == error.get(ContextKind::InvalidArg) {
                return Some(fr(m::clap_used_twice(&invalid)));
            } else {
                fr(m::clap_cannot_be_used_with(&invalid))
            };
            match prior {
                Some(ContextValue::Strings(values)) => {
                    out.push_str(" :");
                    for v in values {
                        out.push_str("\n  ");
                        out.push_str(v);
                    }
                }
                Some(ContextValue::String(v)) => out.push_str(&format!(" '{v}'")),
                _ => out.push_str(m::clap_other_arguments().fr()),
            }
            out
        }
        ErrorKind::NoEquals => fr(m::clap_no_equals(&arg()?)),
        ErrorKind::InvalidValue => {
            let (arg, value) = (arg()?, value()?);
            let mut out = if value.is_empty() {
                fr(m::clap_value_required(&arg))
            } else {
                fr(m::clap_invalid_value(&value, &arg))
            };
            if let Some(ContextValue::Strings(valid)) = error.get(ContextKind::ValidValue) {
                if !valid.is_empty() {
                    out.push_str("\n  ");
                    out.push_str(m::clap_possible_values(&valid.join(", ")).fr());
                }
            }
            out
        }
        ErrorKind::InvalidSubcommand => fr(m::clap_unknown_command(&text(
            error.get(ContextKind::InvalidSubcommand),
        )?)),
        ErrorKind::MissingRequiredArgument => {
            let Some(ContextValue::Strings(args)) = error.get(ContextKind::InvalidArg) else {
                return None;
            };
            let mut out = fr(m::clap_missing_arguments());
            for a in args {
                out.push_str("\n  ");
                out.push_str(a);
            }
            out
        }
        ErrorKind::MissingSubcommand => {
            let mut out = fr(m::clap_missing_command(&text(
                error.get(ContextKind::InvalidSubcommand),
            )?));
            if let Some(list) = text(error.get(ContextKind::ValidSubcommand)) {
                out.push_str("\n  ");
                out.push_str(m::clap_commands(&list).fr());
            }
            out
        }
        ErrorKind::TooManyValues => fr(m::clap_unexpected_value(&value()?, &arg()?)),
        ErrorKind::TooFewValues => fr(m::clap_too_few_values(
            number(error.get(ContextKind::MinValues))?,
            &arg()?,
            number(error.get(ContextKind::ActualNumValues))?,
        )),
        ErrorKind::WrongNumberOfValues => fr(m::clap_wrong_number(
            number(error.get(ContextKind::ExpectedNumValues))?,
            &arg()?,
            number(error.get(ContextKind::ActualNumValues))?,
        )),
        ErrorKind::ValueValidation => {
            let mut out = fr(m::clap_invalid_value(&value()?, &arg()?));
            if let Some(source) = std::error::Error::source(error) {
                out.push_str(" : ");
                out.push_str(&known_source(&source.to_string()));
            }
            out
        }
        ErrorKind::UnknownArgument => fr(m::clap_unexpected_argument(&arg()?)),
        _ => return None,
    })
}

/// The French of the few texts the standard library and clap's number parsers give (`--year
/// 20.5`, `--year 3000`); wisn's own parsers already answer in the run's language.
fn known_source(text: &str) -> String {
    for msg in [
        m::std_invalid_digit(),
        m::std_invalid_float(),
        m::std_empty(),
        m::std_too_large(),
    ] {
        if text == msg.en() {
            return msg.fr().to_string();
        }
    }
    if let Some((value, range)) = text.split_once(" is not in ") {
        return m::clap_not_in_range(value, range).fr().to_string();
    }
    text.to_string()
}

impl ErrorFormatter for French {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        let mut out = m::clap_error().fr().to_string();
        out.push_str(&message(error).unwrap_or_else(|| m::clap_other().fr().to_string()));
        let mut tips = Vec::new();
        for (kind, word) in [
            (ContextKind::SuggestedSubcommand, m::clap_word_command()),
            (ContextKind::SuggestedArg, m::clap_word_argument()),
            (ContextKind::SuggestedValue, m::clap_word_value()),
        ] {
            match error.get(kind) {
                Some(ContextValue::String(s)) => tips.push(m::clap_similar(&word, s)),
                Some(ContextValue::Strings(v)) if v.len() == 1 => {
                    tips.push(m::clap_similar(&word, &v[0]))
                }
                Some(ContextValue::Strings(v)) => {
                    let names: Vec<String> = v.iter().map(|s| format!("'{s}'")).collect();
                    tips.push(m::clap_similars(&word, &names.join(", ")))
                }
                _ => {}
            }
        }
        if let Some(ContextValue::StyledStrs(v)) = error.get(ContextKind::Suggested) {
            tips.extend(v.iter().map(|s| {
                let s = s.to_string();
                // The one tip clap gives here: a value that starts with `-`.
                let dash = s
                    .strip_prefix("to pass '")
                    .and_then(|r| r.split_once("' as a value, use '-- "))
                    .map(|(value, _)| value.to_string());
                match dash {
                    Some(value) => m::clap_tip_dash(&value),
                    None => m::clap_tip(&s),
                }
            }));
        }
        if !tips.is_empty() {
            out.push('\n');
            for t in tips {
                out.push_str("\n  ");
                out.push_str(t.fr());
            }
        }
        if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
            let usage = usage.to_string();
            let usage = usage
                .strip_prefix("Usage:")
                .map(|rest| format!("{}{rest}", m::clap_usage().fr()))
                .unwrap_or(usage);
            out.push_str("\n\n");
            out.push_str(&usage);
        }
        out.push_str("\n\n");
        out.push_str(m::clap_try_help("--help").fr());
        out.push('\n');
        StyledStr::from(out)
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    fn french_error(args: &[&str]) -> String {
        let cmd = crate::cli::Cli::command();
        let e = cmd.try_get_matches_from(args).unwrap_err();
        e.apply::<super::French>().to_string()
    }

    #[test]
    fn clap_errors_in_french() {
        let e = french_error(&["wisn", "compute", "--bogus"]);
        assert!(
            e.starts_with("erreur : argument '--bogus' inattendu"),
            "{e}"
        );
        assert!(e.contains("Utilisation : wisn compute"), "{e}");
        assert!(e.contains("Pour en savoir plus : '--help'."), "{e}");
        let e = french_error(&["wisn", "compute", "x", "--year"]);
        assert!(
            e.starts_with(
                "erreur : une valeur est requise pour '--year <YEAR>' mais aucune n'a été donnée"
            ),
            "{e}"
        );
        let e = french_error(&["wisn", "comput"]);
        assert!(e.contains("commande 'comput' inconnue"), "{e}");
        assert!(
            e.contains("astuce : des commandes proches existent : 'completions', 'compute'"),
            "{e}"
        );
        let e = french_error(&["wisn", "compute", "x", "--round", "sideways"]);
        assert!(
            e.contains("valeur 'sideways' invalide pour '--round <ROUND>'"),
            "{e}"
        );
        assert!(e.contains("[valeurs possibles : nearest, up, down]"), "{e}");
    }
}
