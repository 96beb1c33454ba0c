//! `wisn --help` in French. clap has no translations of its own, so the command line is built as
//! usual (English, from the doc comments) and, when the run is French ([`wants_french`]: `--lang fr`
//! on the command line, else a French `LC_ALL`, `LC_MESSAGES` or `LANG`), every about and help
//! text is replaced from the tables below before parsing ([`localize`]). Option names, value
//! names and possible values never change. `tests` fails when an argument or a command has no
//! French text, so a new option cannot ship English-only.
//!
//! clap's own words are replaced too: the `Usage:` line (a help template), the `Commands:`
//! heading, `[default: …]` and `[possible values: …]` (hidden, then written in French after the
//! help text), and the help of `-h`, `-V` and the `help` command. `Arguments` and `Options` are
//! the same words in French. clap's error messages (an unknown option…) stay English.

use clap::{Arg, Command};

use crate::i18n::Lang;

/// Whether the help of this run is French: `--lang fr` / `--lang=fr` among the arguments (the
/// last one wins), else the environment ([`Lang::from_env`]).
pub fn wants_french(args: &[std::ffi::OsString]) -> bool {
    let mut chosen = None;
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(arg) = it.next() {
        if arg == "--" {
            break;
        }
        let value = if arg == "--lang" {
            it.next().map(|v| v.into_owned())
        } else {
            arg.strip_prefix("--lang=").map(str::to_string)
        };
        if let Some(v) = value {
            chosen = Some(v.to_ascii_lowercase().starts_with("fr"));
        }
    }
    chosen.unwrap_or_else(|| Lang::from_env() == Lang::Fr)
}

/// `wisn --lang fr COMMAND …` (the language given before the command, where `wisn` itself has no
/// options): the `--lang` moves after the command name when the command reads it, and is
/// dropped otherwise (`validate`, `completions`, `man`: their help is French all the same);
/// `wisn --lang fr --help` is then `wisn --help`, in French.
pub fn hoist_lang(mut args: Vec<std::ffi::OsString>, cmd: &Command) -> Vec<std::ffi::OsString> {
    let Some(first) = args.get(1).map(|a| a.to_string_lossy().into_owned()) else {
        return args;
    };
    let taken: Vec<std::ffi::OsString> = if first == "--lang" && args.len() > 2 {
        args.drain(1..3).collect()
    } else if first.starts_with("--lang=") {
        args.drain(1..2).collect()
    } else {
        return args;
    };
    let command = args.get(1).map(|a| a.to_string_lossy().into_owned());
    let reads_lang = command
        .as_deref()
        .and_then(|name| cmd.find_subcommand(name))
        .is_some_and(|sub| sub.get_arguments().any(|a| a.get_long() == Some("lang")));
    if reads_lang {
        for (i, a) in taken.into_iter().enumerate() {
            args.insert(2 + i, a);
        }
    }
    args
}

/// The French about of the command `name` ("" is `wisn` itself).
pub fn about(name: &str) -> Option<&'static str> {
    ABOUT.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// The French help of argument `id` of command `command`: the command's own text if it has one,
/// else the text shared by every command.
pub fn arg_help(command: &str, id: &str) -> Option<&'static str> {
    ARGS.iter()
        .find(|(c, i, _)| *c == command && *i == id)
        .or_else(|| ARGS.iter().find(|(c, i, _)| *c == "*" && *i == id))
        .map(|(_, _, t)| *t)
}

/// The French text after the help of the command `name` ("" is `wisn`): its examples.
pub fn after_help(name: &str) -> Option<&'static str> {
    AFTER_HELP.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

const TEMPLATE: &str = "\
{before-help}{about-with-newline}
Utilisation : {usage}

{all-args}{after-help}";

const AFTER_HELP: &[(&str, &str)] = &[
    ("", AFTER_HELP_WISN),
    (
        "completions",
        "Installer (au choix) :
  bash        wisn completions bash > ~/.local/share/bash-completion/completions/wisn
  zsh         wisn completions zsh > ~/.zfunc/_wisn   (avec fpath+=(~/.zfunc) avant compinit)
  fish        wisn completions fish > ~/.config/fish/completions/wisn.fish
  PowerShell  wisn completions powershell | Out-String | Invoke-Expression
              (ajouter cette ligne au fichier que nomme $PROFILE pour la garder)",
    ),
    (
        "man",
        "Exemples :
  wisn man | man -l -                      la lire tout de suite
  wisn man -o ~/.local/share/man/man1/wisn.1
  wisn man compute -o ~/.local/share/man/man1/wisn-compute.1",
    ),
];

const AFTER_HELP_WISN: &str = "Exemples :
  wisn compute data/sikasso --by district          tableau à l'écran, avec les totaux par district
  wisn compute etude.xlsx -o resultats.csv --excel-fr
  wisn compute data/sikasso -o rapport.xlsx --lang fr
  wisn explain data/sikasso --facility SIK-CSCOM-04 --cadre Sage-femme
  wisn validate etude.xlsx                         tous les problèmes d'un coup, avec leur place
  wisn template --lang fr -o etude.xlsx            un classeur d'étude vierge à remplir
  wisn surge data/covid                            personnel des sites de prise en charge COVID-19
  wisn compute data/sikasso --scenario data/scenarios/covid/scenario.csv --by national
  wisn project data/sikasso-history --to 2027 --by region
  wisn compute data/sikasso --uncertainty 10000 --standard-spread 20 --by district
  wisn allocate data/sikasso --posts Sage-femme=10 où placer 10 nouveaux postes de sage-femme
  wisn redistribute data/sikasso                   mutations des excédents vers les déficits

Code de sortie : 0 fait, 1 les données ou le calcul ont échoué, 2 la ligne de commande est fausse.
Aide en anglais : wisn --lang en --help.";

/// `wisn`'s command line with its texts in French.
pub fn localize(mut cmd: Command) -> Command {
    // Build first: the -h/-V flags and the `help` command exist only once built.
    cmd.build();
    localize_command(cmd, "")
}

fn localize_command(mut cmd: Command, name: &str) -> Command {
    if let Some(text) = about(name) {
        cmd = cmd.about(text).long_about(None::<&str>);
    }
    if let Some(text) = after_help(name) {
        cmd = cmd.after_help(text).after_long_help(None::<&str>);
    }
    cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading("Commandes");
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_string())
        .collect();
    for id in ids {
        let name = name.to_string();
        cmd = cmd.mut_arg(&id, |a| localize_arg(a, &name));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(&sub, |s| localize_command(s, &sub));
    }
    cmd
}

fn localize_arg(arg: Arg, command: &str) -> Arg {
    let id = arg.get_id().as_str().to_string();
    match id.as_str() {
        "help" => {
            return arg
                .help("Afficher l'aide (le détail avec '--help')")
                .long_help("Afficher l'aide (un résumé avec '-h')")
        }
        "version" => return arg.help("Afficher la version"),
        _ => {}
    }
    let Some(text) = arg_help(command, &id) else {
        return arg;
    };
    let mut text = text.to_string();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    // Flags list true/false as their possible values: not worth showing.
    if !values.is_empty() && arg.get_action().takes_values() {
        text.push_str(&format!(" [valeurs possibles : {}]", values.join(", ")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && arg.get_action().takes_values() {
        text.push_str(&format!(" [défaut : {}]", defaults.join(",")));
    }
    arg.help(text)
        .long_help(None::<&str>)
        .hide_possible_values(true)
        .hide_default_value(true)
}

/// The about of each command ("" is `wisn`).
const ABOUT: &[(&str, &str)] = &[
    (
        "",
        "WISN de l'OMS (indicateurs de charge de travail pour les besoins en personnel) : besoins, \
         ratios, déficits et pression de travail du personnel de santé, à partir des tableurs des \
         structures",
    ),
    (
        "compute",
        "Calculer les besoins WISN, ratios, déficits et pression de travail par structure et \
         catégorie",
    ),
    (
        "explain",
        "Montrer le calcul d'un résultat (une structure et une catégorie) pas à pas",
    ),
    (
        "validate",
        "Lire une étude et lister tous ses problèmes d'un coup, chacun avec sa place (sortie 0 \
         sans erreur, 1 avec erreurs)",
    ),
    (
        "template",
        "Écrire un classeur d'étude vierge (.xlsx) à remplir : une feuille par table, des listes \
         déroulantes, une ligne d'exemple par feuille et une feuille de notes",
    ),
    (
        "surge",
        "Sites de prise en charge COVID-19 : personnel nécessaire en service et effectif par date, \
         site et catégorie, face au personnel affecté (pic, déficits, hypothèses)",
    ),
    (
        "project",
        "Besoins des années à venir d'après l'historique mensuel de la charge de travail : tendance \
         des moindres carrés par structure et activité, ou --growth P ; une ligne par année",
    ),
    (
        "allocate",
        "Où placer de nouveaux postes : chaque poste à la structure au ratio WISN le plus bas, \
         jusqu'à son besoin arrondi (enveloppes nationales ou régionales, ou un budget)",
    ),
    (
        "redistribute",
        "Mutations des structures en excédent vers les structures en déficit, dans un district (ou \
         une région, ou tout le pays), sans jamais laisser un donneur sous son besoin",
    ),
    (
        "completions",
        "Écrire le script de complétion du shell : bash, zsh, fish, powershell ou elvish",
    ),
    (
        "man",
        "Écrire la page de manuel (roff) de wisn, ou d'une commande : `wisn man compute`",
    ),
    (
        "help",
        "Afficher ce message ou l'aide de la ou des commandes données",
    ),
];

/// The help of each argument: `("*", id, text)` for every command, `(command, id, text)` where a
/// command says it differently.
const ARGS: &[(&str, &str, &str)] = &[
    // The study (cli::common::StudyArgs).
    (
        "*",
        "study",
        "L'étude : un dossier avec un fichier par table, ou un classeur avec une feuille par table",
    ),
    (
        "*",
        "facilities",
        "La table facilities seule (une feuille de classeur s'écrit FICHIER#Feuille)",
    ),
    ("*", "standards", "La table standards seule"),
    ("*", "working_time", "La table working_time seule"),
    ("*", "workload", "La table workload seule"),
    ("*", "staff", "La table staff seule"),
    ("*", "cadre_aliases", "La table cadre_aliases seule"),
    (
        "*",
        "delimiter",
        "Séparateur CSV (par défaut : deviné sur la ligne d'en-tête parmi , ; tabulation)",
    ),
    (
        "*",
        "decimal_comma",
        "Lire 12,5 comme 12.5 dans les CSV (automatique quand le séparateur est ;)",
    ),
    (
        "*",
        "encoding",
        "Encodage des CSV (par défaut : UTF-8, sinon Windows-1252 avec un avertissement)",
    ),
    (
        "*",
        "active_status",
        "Statuts de la liste du personnel qui comptent comme en poste (séparés par des virgules ; \
         par défaut : en poste,actif,active)",
    ),
    (
        "*",
        "annualize",
        "Multiplier les volumes d'une structure par 12 / mois déclarés quand elle a déclaré moins \
         de 12 mois",
    ),
    (
        "*",
        "year",
        "Garder les périodes de charge de travail de cette année (202301, 2023Q1, 2023W05, 2023 ; \
         un trimestre ou une semaine compte dans l'année où il commence)",
    ),
    (
        "*",
        "orgunits",
        "Export des unités d'organisation DHIS2 (id, name, level, path ; CSV ou JSON) : donne le \
         district et la région des structures, et ajoute celles absentes de la table facilities",
    ),
    (
        "*",
        "district_level",
        "Niveau des districts dans la hiérarchie de --orgunits",
    ),
    (
        "*",
        "region_level",
        "Niveau des régions dans la hiérarchie de --orgunits",
    ),
    (
        "*",
        "dhis2_mapping",
        "La table dhis2_mapping seule (élément de données DHIS2 → activité)",
    ),
    (
        "*",
        "dhis2_export",
        "La table dhis2_export seule (résultat → élément de données DHIS2)",
    ),
    (
        "*",
        "period",
        "Période DHIS2 des valeurs écrites par --format dhis2-csv|dhis2-json (2023, 2023Q4, 202312)",
    ),
    // Output and presentation.
    (
        "*",
        "format",
        "Format de sortie (par défaut : table, ou ce que dit le nom du fichier -o : .csv, .json, \
         .xlsx, .html). xlsx et html demandent -o (ou un tube)",
    ),
    (
        "*",
        "output",
        "Écrire dans ce fichier (de façon atomique : rien n'est écrit quand le calcul échoue)",
    ),
    (
        "*",
        "by",
        "Ajouter des totaux par district, region, facility_type ou national (répétable)",
    ),
    (
        "*",
        "round",
        "Comment required_rounded arrondit le besoin : nearest (les demis vers le haut, 2,5 → 3), \
         up ou down",
    ),
    (
        "*",
        "bands",
        "Bornes de ratio du statut : déficit sous BAS, excédent au-dessus de HAUT",
    ),
    (
        "*",
        "jobs",
        "Fils de calcul (par défaut et au plus : un par cœur). Les résultats sont identiques quel \
         que soit leur nombre",
    ),
    (
        "*",
        "strict",
        "Traiter les avertissements comme des erreurs (sortie 1, rien d'écrit)",
    ),
    (
        "*",
        "quiet",
        "Ne pas afficher les avertissements sur la sortie d'erreur",
    ),
    (
        "*",
        "verbose",
        "Afficher aussi les notes (par exemple comment les noms de catégorie ont été reconnus)",
    ),
    (
        "*",
        "locale",
        "CSV pour Excel en français : séparateur ';', virgules décimales, BOM UTF-8",
    ),
    ("*", "excel_fr", "Comme --locale fr"),
    (
        "*",
        "lang",
        "Langue des mots lus par les personnes (en-têtes de tableau, statuts, feuilles des \
         rapports, légendes des graphiques) ; jamais des noms de colonnes machine ni des valeurs \
         CSV/JSON. Par défaut : d'après LC_ALL, LC_MESSAGES ou LANG (fr… donne le français), \
         sinon l'anglais",
    ),
    // compute.
    (
        "*",
        "scenario",
        "Scénarios (une table `scenario` : volume_factor, standard_factor, staff_change avec des \
         sélecteurs) : les résultats de base, puis ceux de chaque scénario, avec la variation du \
         personnel requis. Un fichier, ou FICHIER#Feuille d'un classeur",
    ),
    (
        "*",
        "uncertainty",
        "Incertitude des normes : N tirages de chaque norme qui a une plage (standard_low, \
         standard_high, ou --standard-spread) selon une loi triangulaire ; ajoute required_p05, \
         required_p50, required_p95 et p_shortage",
    ),
    (
        "*",
        "seed",
        "Graine des tirages : la même graine donne les mêmes nombres, quel que soit --jobs",
    ),
    (
        "*",
        "standard_spread",
        "Plage de chaque norme sans standard_low/standard_high : ±P % (avec --uncertainty)",
    ),
    // explain.
    (
        "explain",
        "facility",
        "La structure : son facility_id (ou son nom)",
    ),
    (
        "explain",
        "cadre",
        "La catégorie, comme la nomment les tables standards ou staff (les alias marchent)",
    ),
    (
        "explain",
        "format",
        "`text` (par défaut) ou `json` (chaque nombre en pleine précision)",
    ),
    (
        "explain",
        "output",
        "Écrire dans ce fichier (de façon atomique) plutôt que sur la sortie standard",
    ),
    (
        "explain",
        "lang",
        "Langue du texte (par défaut : d'après LC_ALL, LC_MESSAGES ou LANG, sinon l'anglais)",
    ),
    (
        "explain",
        "round",
        "Comment le besoin arrondi est arrondi (comme `wisn compute --round`)",
    ),
    (
        "explain",
        "bands",
        "Bornes de ratio du statut (comme `wisn compute --bands`)",
    ),
    // validate.
    (
        "validate",
        "format",
        "`text` (par défaut), `json` (le résumé et chaque problème) ou `csv` (une ligne par \
         problème)",
    ),
    (
        "validate",
        "output",
        "Écrire dans ce fichier (de façon atomique) plutôt que sur la sortie standard",
    ),
    (
        "validate",
        "lang",
        "Langue du rapport et des messages et corrections des problèmes (texte, et `message` et \
         `hint` en JSON et CSV ; les codes et les autres champs ne changent jamais). Par défaut : \
         d'après LC_ALL, LC_MESSAGES ou LANG (fr… donne le français), sinon l'anglais",
    ),
    (
        "validate",
        "verbose",
        "Lister aussi les notes (comment chaque nom de catégorie a été reconnu, valeurs écartées \
         par --year…) : dans le format texte ; JSON et CSV les listent toujours",
    ),
    (
        "validate",
        "surge",
        "Vérifier l'étude comme une étude de sites COVID-19 (`wisn surge`) même si elle a aussi \
         une table standards. Une étude avec une table covid_standards et sans table standards en \
         est une sans cette option",
    ),
    (
        "validate",
        "length_of_stay",
        "Une étude de sites COVID-19 lue depuis des admissions : jours de séjour d'un patient, par \
         gravité, comme pour `wisn surge` (moderate=7,severe=10)",
    ),
    // template.
    (
        "template",
        "lang",
        "Langue des noms de feuilles, des en-têtes et des notes [par défaut : fr] ; des messages \
         aussi (par défaut : celle de l'environnement)",
    ),
    (
        "template",
        "output",
        "Le classeur à écrire (.xlsx ; `-` pour la sortie standard, si ce n'est pas un terminal)",
    ),
    ("template", "force", "Remplacer le fichier s'il existe"),
    // surge.
    (
        "surge",
        "study",
        "L'étude : un dossier avec un fichier par table (covid_standards, census ou admissions, \
         covid_staff, working_time, facilities), ou un classeur avec une feuille par table",
    ),
    (
        "surge",
        "covid_standards",
        "La table covid_standards seule (une feuille de classeur s'écrit FICHIER#Feuille)",
    ),
    (
        "surge",
        "census",
        "La table census seule (patients présents par date, site et gravité)",
    ),
    (
        "surge",
        "admissions",
        "La table admissions seule (au lieu d'un recensement ; demande --length-of-stay)",
    ),
    (
        "surge",
        "covid_staff",
        "La table covid_staff seule (personnel affecté à la prise en charge COVID-19)",
    ),
    ("surge", "facilities", "La table facilities seule"),
    (
        "surge",
        "length_of_stay",
        "Jours de séjour d'un patient admis, par gravité : moderate=7,severe=10 (pas de valeur par \
         défaut : chaque gravité admise en demande une). Un patient admis le jour j compte les jours \
         j … j+DMS−1",
    ),
    (
        "surge",
        "scale_census",
        "Multiplier chaque effectif du recensement (1,5 : une vague 50 % plus forte ; s'écrit 1.5)",
    ),
    (
        "surge",
        "absence_rate",
        "Part du personnel affecté absent, malade ou isolé (0 ≤ R < 1) : disponible = affecté × \
         (1 − R)",
    ),
    (
        "surge",
        "by",
        "Ajouter des totaux par date par district, region ou national (répétable)",
    ),
    (
        "surge",
        "format",
        "Format de sortie (par défaut : table, ou ce que dit le nom du fichier -o : .csv .json \
         .xlsx .html)",
    ),
    (
        "surge",
        "daily",
        "Dans le format table, lister aussi chaque date (lignes des sites et totaux)",
    ),
    // project.
    (
        "project",
        "to",
        "Projeter chaque année après la dernière année observée, jusqu'à celle-ci",
    ),
    (
        "project",
        "years",
        "Projeter ces années (séparées par des virgules)",
    ),
    (
        "project",
        "growth",
        "Au lieu de la tendance des moindres carrés : les volumes de la dernière année complète, \
         augmentés de P % par an",
    ),
    (
        "project",
        "by",
        "Ajouter des totaux par année par district, region, facility_type ou national (répétable)",
    ),
    // allocate and redistribute.
    (
        "*",
        "posts",
        "Enveloppes nationales de nouveaux postes, réparties dans cet ordre : \
         Sage-femme=40,Infirmier=60",
    ),
    (
        "*",
        "posts_file",
        "Une table des postes (postes) : cadre, posts et éventuellement region ou district (une \
         enveloppe pour les structures de ce groupe) ; les enveloppes sont réparties dans l'ordre \
         de la table",
    ),
    (
        "*",
        "budget",
        "Un budget d'une année de nouveaux postes, sur toutes les catégories de la table costs de \
         l'étude (cadre, annual_cost) : chaque poste coûte le coût annuel de sa catégorie",
    ),
    (
        "*",
        "types",
        "Seules les structures de ces types reçoivent des postes : CSCom,CSRéf",
    ),
    (
        "*",
        "explain",
        "Expliquer, poste par poste, pourquoi cette structure a reçu (ou non) des postes, au lieu \
         des lignes",
    ),
    (
        "*",
        "costs",
        "La table costs seule (cadre, annual_cost)",
    ),
    (
        "allocate",
        "round",
        "Comment required_rounded (la cible d'une structure) arrondit le besoin : nearest (les \
         demis vers le haut), up ou down",
    ),
    (
        "redistribute",
        "round",
        "Comment required_rounded (la cible d'une structure) arrondit le besoin : nearest (les \
         demis vers le haut), up ou down",
    ),
    (
        "redistribute",
        "within",
        "Le groupe à l'intérieur duquel le personnel peut être muté",
    ),
    // completions and man.
    ("completions", "shell", "Le shell"),
    (
        "completions",
        "output",
        "Écrire dans ce fichier au lieu de l'afficher",
    ),
    (
        "man",
        "command",
        "La page de cette commande (compute, explain, validate, …) au lieu de celle de wisn",
    ),
    ("man", "output", "Écrire dans ce fichier au lieu de l'afficher"),
    // `wisn help COMMAND`.
    ("help", "subcommand", "La commande dont afficher l'aide"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn built() -> Command {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        cmd
    }

    /// Every command and every argument (but clap's -h/-V) has a French text.
    #[test]
    fn every_command_and_argument_has_french_text() {
        let mut missing = Vec::new();
        fn walk(cmd: &Command, name: &str, missing: &mut Vec<String>) {
            if about(name).is_none() {
                missing.push(format!("about of {name:?}"));
            }
            if cmd.get_after_help().is_some() && after_help(name).is_none() {
                missing.push(format!("examples (after_help) of {name:?}"));
            }
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                if arg_help(name, id).is_none() {
                    missing.push(format!("{name} {id}"));
                }
            }
            for s in cmd.get_subcommands() {
                walk(s, s.get_name(), missing);
            }
        }
        walk(&built(), "", &mut missing);
        assert!(missing.is_empty(), "no French help for: {missing:?}");
    }

    #[test]
    fn french_help_replaces_every_text() {
        let mut cmd = localize(crate::cli::Cli::command());
        let root = cmd.render_help().to_string();
        assert!(root.contains("Utilisation : wisn"), "{root}");
        assert!(
            root.contains("Commandes :") || root.contains("Commandes:"),
            "{root}"
        );
        assert!(root.contains("Afficher l'aide"), "{root}");
        assert!(!root.contains("Print help"), "{root}");
        let compute = cmd.find_subcommand_mut("compute").unwrap();
        let long = compute.render_long_help().to_string();
        for english in [
            "Usage:",
            "[default:",
            "possible values",
            "Possible values",
            "Print help",
        ] {
            assert!(!long.contains(english), "{english:?} in\n{long}");
        }
        assert!(long.contains("--working-time"), "option names unchanged");
        assert!(long.contains("[défaut : nearest]"), "{long}");
        assert!(long.contains("[valeurs possibles : en, fr]"), "{long}");
        assert!(
            !long.contains("facility, district"),
            "--by facility is not offered"
        );
    }

    #[test]
    fn lang_on_the_command_line_wins_over_the_environment() {
        use clap::CommandFactory;
        let args = |v: &[&str]| {
            v.iter()
                .map(Into::into)
                .collect::<Vec<std::ffi::OsString>>()
        };
        assert!(wants_french(&args(&["wisn", "--lang", "fr", "--help"])));
        assert!(wants_french(&args(&["wisn", "compute", "--lang=fr"])));
        assert!(!wants_french(&args(&[
            "wisn", "--lang", "fr", "--lang", "en"
        ])));
        assert!(!wants_french(&args(&["wisn", "--lang=en", "-h"])));
        let cmd = crate::cli::Cli::command();
        let hoisted = hoist_lang(args(&["wisn", "--lang", "fr", "compute", "x"]), &cmd);
        assert_eq!(hoisted, args(&["wisn", "compute", "--lang", "fr", "x"]));
        let hoisted = hoist_lang(args(&["wisn", "--lang=fr", "--help"]), &cmd);
        assert_eq!(hoisted, args(&["wisn", "--help"]));
        let hoisted = hoist_lang(args(&["wisn", "--lang", "fr", "validate", "x"]), &cmd);
        assert_eq!(hoisted, args(&["wisn", "validate", "--lang", "fr", "x"]));
        let hoisted = hoist_lang(args(&["wisn", "--lang", "fr", "man", "x"]), &cmd);
        assert_eq!(hoisted, args(&["wisn", "man", "x"]), "man has no --lang");
        let kept = args(&["wisn", "compute", "--lang", "fr"]);
        assert_eq!(hoist_lang(kept.clone(), &cmd), kept);
    }
}
