//! Messages of the planning computations: uncertainty, scenarios, projections, allocation and
//! redistribution (src/uncertainty.rs, src/scenario.rs, src/project.rs, src/plan.rs,
//! src/planning/**, their commands).

crate::catalogue! {
    /// --uncertainty 0.
    zero_draws() {
        en: "--uncertainty 0: the number of draws must be at least 1 (e.g. --uncertainty 10000)",
        fr: "--uncertainty 0 : le nombre de tirages doit être d'au moins 1 (par ex. --uncertainty 10000)",
    }
    /// A negative or non-finite spread.
    bad_spread(p: f64) {
        en: "--standard-spread {p}: the spread is a percentage ≥ 0 (e.g. 20 for ±20 %)",
        fr: "--standard-spread {p} : l'écart est un pourcentage ≥ 0 (par ex. 20 pour ±20 %)",
    }
    /// A spread of 100 % or more.
    spread_too_wide(p: f64) {
        en: "--standard-spread {p}: a spread of 100 % or more makes standards of 0 or less; give less than 100",
        fr: "--standard-spread {p} : un écart de 100 % ou plus donne des normes de 0 ou moins ; donner moins de 100",
    }
    /// allocate without posts or budget.
    say_what_to_allocate() {
        en: "say what to allocate: --posts Sage-femme=40,Infirmier=60, --posts-file postes.csv, or --budget AMOUNT (with a costs table)",
        fr: "dire quoi attribuer : --posts Sage-femme=40,Infirmier=60, --posts-file postes.csv, ou --budget MONTANT (avec une table des coûts)",
    }
    /// --budget and --posts.
    budget_and_posts() {
        en: "--budget cannot be given with --posts or --posts-file: a budget is one pool over the cadres of the costs table",
        fr: "--budget ne peut pas être donné avec --posts ou --posts-file : un budget est une seule enveloppe pour les catégories de la table des coûts",
    }
    /// The fix of --budget and --posts.
    budget_or_posts() {
        en: "give either the posts (--posts or --posts-file) or a budget (--budget with a costs table), not both",
        fr: "donner soit les postes (--posts ou --posts-file), soit un budget (--budget avec une table des coûts), pas les deux",
    }
    /// --posts and --posts-file.
    posts_and_posts_file() {
        en: "--posts and --posts-file cannot be given together",
        fr: "--posts et --posts-file ne peuvent pas être donnés ensemble",
    }
    /// The fix of --posts and --posts-file.
    posts_in_one_place() {
        en: "put every pool in the posts file, or give them all with --posts",
        fr: "mettre toutes les enveloppes dans le fichier des postes, ou les donner toutes avec --posts",
    }
    /// --explain with a format.
    explain_writes_text() {
        en: "--explain writes text: leave out --format (or use -o FILE.txt)",
        fr: "--explain écrit du texte : retirer --format (ou utiliser -o FICHIER.txt)",
    }
    /// --budget without costs.
    budget_needs_costs() {
        en: "--budget needs a costs table (cadre, annual_cost): the study has none",
        fr: "--budget demande une table des coûts (cadre, annual_cost) : l'étude n'en a pas",
    }
    /// The fix of --budget without costs.
    add_costs() {
        en: "add costs.csv (or a sheet named costs / couts) to the study, or give it with --costs FILE",
        fr: "ajouter costs.csv (ou une feuille nommée costs / couts) à l'étude, ou la donner avec --costs FICHIER",
    }
    /// --posts-file that does not exist.
    posts_file_missing() {
        en: "(given with --posts-file) does not exist", fr: "(donné avec --posts-file) n'existe pas",
    }
    /// The fix of a missing posts file.
    check_posts_path() {
        en: "check the path of the posts table", fr: "vérifier le chemin de la table des postes",
    }
    /// --explain with an unknown facility.
    not_a_facility() {
        en: "is not a facility of the study", fr: "n'est pas une structure de l'étude",
    }
    /// The fix of an unknown facility.
    give_a_facility_code() {
        en: "give a facility code (facility_id) of the facilities table",
        fr: "donner un code de structure (facility_id) de la table facilities",
    }
    /// --jobs that cannot start its threads.
    jobs_failed(e: String) {
        en: "--jobs: {e}", fr: "--jobs : {e}",
    }
}
