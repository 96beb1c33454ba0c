//! `--help` in French: with `--lang fr` (before or after the command) or a French locale, option
//! names unchanged; English otherwise.

use crate::util::wisn;

fn stdout(args: &[&str], lang: &str) -> String {
    let out = wisn()
        .env("LANG", lang)
        .env("LC_ALL", lang)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn help_is_french_with_lang_fr_before_or_after_the_command() {
    for args in [
        &["--lang", "fr", "compute", "--help"][..],
        &["compute", "--lang", "fr", "--help"][..],
        &["compute", "--lang=fr", "-h"][..],
    ] {
        let text = stdout(args, "C");
        assert!(
            text.contains("Utilisation : wisn compute"),
            "{args:?}\n{text}"
        );
        assert!(text.contains("Calculer les besoins WISN"), "{text}");
        assert!(text.contains("--working-time"), "{text}");
        assert!(!text.contains("Usage:"), "{text}");
    }
    let root = stdout(&["--lang", "fr", "--help"], "C");
    assert!(root.contains("Exemples :"), "{root}");
    assert!(root.contains("Commandes"), "{root}");
}

#[test]
fn help_follows_a_french_locale_unless_lang_en_is_given() {
    let text = stdout(&["surge", "--help"], "fr_FR.UTF-8");
    assert!(text.contains("Sites de prise en charge COVID-19"), "{text}");
    let text = stdout(&["surge", "--lang", "en", "--help"], "fr_FR.UTF-8");
    assert!(text.contains("Usage: wisn surge"), "{text}");
    let text = stdout(&["--help"], "C");
    assert!(text.contains("Usage: wisn"), "{text}");
    assert!(
        text.contains("Help in French: wisn --lang fr --help"),
        "{text}"
    );
}
