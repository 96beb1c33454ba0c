//! Every word in the user's language (issue 16, part 2): the planning, surge and compute commands run on
//! failing and warning inputs with `--lang fr` say nothing the way `--lang en` says it (each
//! error and warning line differs from its English one), one French example is checked in full;
//! and a source test keeps new English-only texts out of src/ (a `bail!`, `anyhow!` or
//! `eprintln!` with words of its own instead of a message of the catalogue, src/messages/).

use crate::util::{fixture, root, sample, wisn, Dir};

/// The error and warning lines of a run (its stderr), with the word that starts each.
fn problem_lines(args: &[&str], lang: &str) -> (Option<i32>, Vec<String>) {
    let out = wisn().args(args).args(["--lang", lang]).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines = stderr
        .lines()
        .filter(|l| {
            ["error: ", "warning: ", "erreur : ", "avertissement : "]
                .iter()
                .any(|w| l.starts_with(w))
        })
        .map(str::to_string)
        .collect();
    (out.status.code(), lines)
}

/// The run in English and in French: the same exit, as many problems, each line different.
fn said_in_french(args: &[&str]) -> Vec<String> {
    let (code_en, en) = problem_lines(args, "en");
    let (code_fr, fr) = problem_lines(args, "fr");
    assert_eq!(code_en, code_fr, "{args:?}");
    assert!(!en.is_empty(), "{args:?}: no problem to compare");
    assert_eq!(en.len(), fr.len(), "{args:?}\n{en:#?}\n{fr:#?}");
    for (e, f) in en.iter().zip(&fr) {
        assert!(
            e.starts_with("error: ") || e.starts_with("warning: "),
            "{e}"
        );
        assert!(
            f.starts_with("erreur : ") || f.starts_with("avertissement : "),
            "{f}"
        );
        let strip = |l: &str| l.split_once(": ").map(|(_, r)| r.to_string()).unwrap();
        assert_ne!(strip(e), strip(f), "the French says it in English: {f}");
    }
    fr
}

fn mistake(name: &str) -> String {
    fixture("mistakes").join(name).display().to_string()
}

#[test]
fn compute_warnings_and_errors_in_french() {
    let d = Dir::new();
    let out = d.join("r.csv").display().to_string();
    // A standard typed in hours: the computation's warning.
    let fr = said_in_french(&[
        "compute",
        &mistake("standard_in_hours_not_minutes"),
        "-o",
        &out,
    ]);
    assert!(
        fr[0].contains("cette norme (240 h) fait l'essentiel d'un besoin"),
        "{fr:?}"
    );
    // --strict: the warnings, then why nothing is written.
    let fr = said_in_french(&[
        "compute",
        &mistake("standard_in_hours_not_minutes"),
        "--strict",
        "-o",
        &out,
    ]);
    assert!(
        fr.last()
            .unwrap()
            .ends_with("avertissement et --strict : rien n'est écrit"),
        "{fr:?}"
    );
    // Command-line mistakes found by wisn itself.
    said_in_french(&[
        "compute",
        &sample().display().to_string(),
        "--by",
        "facility",
    ]);
    said_in_french(&["compute", &sample().display().to_string(), "-o", "r.xls"]);
}

#[test]
fn surge_errors_in_french_one_in_full() {
    let study = mistake("surge_admission_year_2200");
    let fr = said_in_french(&["surge", &study, "--length-of-stay", "moderate=7,severe=10"]);
    let file = std::path::Path::new(&study).join("admissions.csv");
    assert_eq!(
        fr[0],
        format!(
            "erreur : {}, ligne 3, colonne \"date\" : \"2200-06-02\" est hors des dates que wisn \
             accepte (2000 à 2099) (correction : vérifiez l'année de la date (2020, pas 2200))",
            file.display()
        )
    );
    // A value of the command line refused by wisn's own parser, inside clap's error.
    let out = wisn()
        .args(["surge", &study, "--lang", "fr", "--scale-census=-2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(
            "erreur : valeur '-2' invalide pour '--scale-census <F>' : -2 est sous 0 : donnez un \
             facteur comme 1,5 (50 % de patients en plus)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("Pour en savoir plus : '--help'."),
        "{stderr}"
    );
}

#[test]
fn planning_errors_in_french() {
    let sikasso = sample().display().to_string();
    said_in_french(&["allocate", &sikasso, "--posts", "Sage-femme=x"]);
    said_in_french(&["allocate", &sikasso]);
    said_in_french(&[
        "allocate",
        &sikasso,
        "--budget",
        "100",
        "--posts",
        "Sage-femme=1",
    ]);
    said_in_french(&[
        "redistribute",
        &mistake("standard_in_hours_not_minutes"),
        "--strict",
    ]);
    let history = root().join("data").join("sikasso-history");
    said_in_french(&["project", &history.display().to_string(), "--to", "2020"]);
    said_in_french(&["compute", &sikasso, "--uncertainty", "0"]);
}

#[test]
fn validate_in_french() {
    let study = mistake("standard_in_hours_not_minutes");
    let out = wisn()
        .args(["validate", &study, "--lang", "fr"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("avertissement : "), "{text}");
    assert!(text.contains("valide : 2 structures"), "{text}");
    assert!(text.contains("; 0 erreur, "), "{text}");
    // JSON: the message and fix in French, the codes and places as they are.
    let json = |lang: &str| -> serde_json::Value {
        let out = wisn()
            .args(["validate", &study, "--format", "json", "--lang", lang])
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let (en, fr) = (json("en"), json("fr"));
    let (pe, pf) = (
        en["problems"].as_array().unwrap(),
        fr["problems"].as_array().unwrap(),
    );
    assert_eq!(pe.len(), pf.len());
    assert!(!pe.is_empty());
    for (e, f) in pe.iter().zip(pf) {
        for field in [
            "severity", "code", "file", "sheet", "row", "column", "cell", "value",
        ] {
            assert_eq!(e[field], f[field], "{field}");
        }
        assert_ne!(e["message"], f["message"]);
    }
    assert_eq!(en["counts"], fr["counts"]);
}

/// `bail!`, `anyhow!` and `eprintln!` with words of their own: every text for people is a
/// message of the catalogue. The reader of the study (src/study/) is converted on its own.
#[test]
fn no_english_only_texts_in_the_sources() {
    // file, and the start of the text that may stay (none yet).
    const ALLOWED: &[(&str, &str)] = &[];
    let mut found = Vec::new();
    let mut stack = vec![root().join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if !rel.ends_with(".rs")
                || rel.starts_with("src/study/")
                || rel.starts_with("src/messages/")
            {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for mac in ["bail!(", "anyhow!(", "eprintln!("] {
                let mut rest = text.as_str();
                while let Some(i) = rest.find(mac) {
                    rest = &rest[i + mac.len()..];
                    let after = rest.trim_start();
                    let Some(lit) = after.strip_prefix('"') else {
                        continue;
                    };
                    let lit = &lit[..lit.find('"').unwrap_or(lit.len())];
                    // Words of its own: letters outside `{…}` placeholders and colour codes.
                    let mut words = String::new();
                    let mut depth = 0;
                    for c in lit.chars() {
                        match c {
                            '{' => depth += 1,
                            '}' => depth -= 1,
                            _ if depth == 0 => words.push(c),
                            _ => {}
                        }
                    }
                    let words = words.replace("\\x1b[0m", "").replace("\\x1b[", "");
                    let has_words = words
                        .split(|c: char| !c.is_alphabetic())
                        .any(|w| w.chars().count() >= 2);
                    if has_words && !ALLOWED.iter().any(|(f, s)| *f == rel && lit.starts_with(s)) {
                        found.push(format!("{rel}: {mac}\"{lit}\""));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "texts for people that are not in the catalogue (src/messages/):\n{}",
        found.join("\n")
    );
}
