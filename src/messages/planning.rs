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
        fr: "--standard-spread {p} : un écart de 100 % ou plus donne des normes de 0 ou moins ; donnez moins de 100",
    }
    /// allocate without posts or budget.
    say_what_to_allocate() {
        en: "say what to allocate: --posts Sage-femme=40,Infirmier=60, --posts-file postes.csv, or --budget AMOUNT (with a costs table)",
        fr: "dites quoi attribuer : --posts Sage-femme=40,Infirmier=60, --posts-file postes.csv, ou --budget MONTANT (avec une table des coûts)",
    }
    /// --budget and --posts.
    budget_and_posts() {
        en: "--budget cannot be given with --posts or --posts-file: a budget is one pool over the cadres of the costs table",
        fr: "--budget ne peut pas être donné avec --posts ou --posts-file : un budget est une seule enveloppe pour les catégories de la table des coûts",
    }
    /// The fix of --budget and --posts.
    budget_or_posts() {
        en: "give either the posts (--posts or --posts-file) or a budget (--budget with a costs table), not both",
        fr: "donnez soit les postes (--posts ou --posts-file), soit un budget (--budget avec une table des coûts), pas les deux",
    }
    /// --posts and --posts-file.
    posts_and_posts_file() {
        en: "--posts and --posts-file cannot be given together",
        fr: "--posts et --posts-file ne peuvent pas être donnés ensemble",
    }
    /// The fix of --posts and --posts-file.
    posts_in_one_place() {
        en: "put every pool in the posts file, or give them all with --posts",
        fr: "mettez toutes les enveloppes dans le fichier des postes, ou donnez-les toutes avec --posts",
    }
    /// --explain with a format.
    explain_writes_text() {
        en: "--explain writes text: leave out --format (or use -o FILE.txt)",
        fr: "--explain écrit du texte : retirez --format (ou utilisez -o FICHIER.txt)",
    }
    /// --budget without costs.
    budget_needs_costs() {
        en: "--budget needs a costs table (cadre, annual_cost): the study has none",
        fr: "--budget demande une table des coûts (cadre, annual_cost) : l'étude n'en a pas",
    }
    /// The fix of --budget without costs.
    add_costs() {
        en: "add costs.csv (or a sheet named costs / couts) to the study, or give it with --costs FILE",
        fr: "ajoutez costs.csv (ou une feuille nommée costs / couts) à l'étude, ou donnez-la avec --costs FICHIER",
    }
    /// --posts-file that does not exist.
    posts_file_missing() {
        en: "(given with --posts-file) does not exist", fr: "(donné avec --posts-file) n'existe pas",
    }
    /// The fix of a missing posts file.
    check_posts_path() {
        en: "check the path of the posts table", fr: "vérifiez le chemin de la table des postes",
    }
    /// --explain with an unknown facility.
    not_a_facility() {
        en: "is not a facility of the study", fr: "n'est pas une structure de l'étude",
    }
    /// The fix of an unknown facility.
    give_a_facility_code() {
        en: "give a facility code (facility_id) of the facilities table",
        fr: "donnez un code de structure (facility_id) de la table facilities",
    }
    /// --jobs that cannot start its threads.
    jobs_failed(e: String) {
        en: "--jobs: {e}", fr: "--jobs : {e}",
    }
    /// A near name among the cadres with standards.
    did_you_mean_cadre(s: &str, names: &str) {
        en: "did you mean \"{s}\"? The cadres with standards are: {names}",
        fr: "vouliez-vous dire \"{s}\" ? Les catégories avec des normes sont : {names}",
    }
    /// The cadres with standards.
    cadres_with_standards(names: &str) {
        en: "the cadres with standards are: {names}", fr: "les catégories avec des normes sont : {names}",
    }
    /// A cadre without standards.
    not_a_cadre_with_standards() {
        en: "is not a cadre with standards in this study", fr: "n'est pas une catégorie avec des normes dans cette étude",
    }
    /// Negative posts.
    negative_posts() {
        en: "is negative: a number of posts is a whole number ≥ 0", fr: "est négatif : un nombre de postes est un nombre entier ≥ 0",
    }
    /// Fractional posts.
    fractional_posts() {
        en: "is not a whole number: posts are whole persons", fr: "n'est pas un nombre entier : les postes sont des personnes entières",
    }
    /// Not a number of posts.
    not_posts() {
        en: "is not a number of posts", fr: "n'est pas un nombre de postes",
    }
    /// --posts part without `=`.
    not_cadre_n() {
        en: "is not CADRE=N", fr: "n'est pas CATÉGORIE=N",
    }
    /// The fix of --posts.
    write_posts() {
        en: "write --posts Sage-femme=40,Infirmier=60", fr: "écrivez --posts Sage-femme=40,Infirmier=60",
    }
    /// The fix of a bad number of posts in --posts.
    whole_posts_example() {
        en: "give a whole number of posts ≥ 0, e.g. Sage-femme=40", fr: "donnez un nombre entier de postes ≥ 0, par ex. Sage-femme=40",
    }
    /// The fix of a bad number of posts in the posts table.
    whole_posts() {
        en: "give a whole number of posts ≥ 0", fr: "donnez un nombre entier de postes ≥ 0",
    }
    /// --posts without pools.
    no_pool() {
        en: "names no pool", fr: "ne nomme aucune enveloppe",
    }
    /// A pool with a region and a district.
    two_groups() {
        en: "names both a region and a district: a pool serves one group",
        fr: "nomme à la fois une région et un district : une enveloppe sert un seul groupe",
    }
    /// The fix of a pool with two groups.
    one_group() {
        en: "fill in the region (a regional pool) or the district (a district pool), not both",
        fr: "remplissez la région (une enveloppe régionale) ou le district (une enveloppe de district), pas les deux",
    }
    /// The word `region`.
    word_region() {
        en: "region", fr: "région",
    }
    /// No facility has a region or district.
    no_group_filled(word: &crate::diag::Msg) {
        en: "no facility has a {word}: fill in the {word} column of the facilities table",
        fr: "aucune structure n'a de {word} : remplissez la colonne {word} de la table facilities",
    }
    /// The regions or districts there are.
    groups_are(word: &crate::diag::Msg, names: &str) {
        en: "the {word}s of the facilities are: {names}", fr: "les {word}s des structures sont : {names}",
    }
    /// A region or district unknown.
    unknown_group(word: &crate::diag::Msg) {
        en: "is not the {word} of any facility", fr: "n'est le {word} d'aucune structure",
    }
    /// A near name, then what there is.
    did_you_mean_then(s: &str, known: &crate::diag::Msg) {
        en: "did you mean \"{s}\"? {known}", fr: "vouliez-vous dire \"{s}\" ? {known}",
    }
    /// A cost ≤ 0.
    cost_not_positive() {
        en: "is not above 0: a post costs something", fr: "n'est pas au-dessus de 0 : un poste coûte quelque chose",
    }
    /// The fix of a cost ≤ 0.
    give_annual_cost() {
        en: "give the annual cost of one post of the cadre (salary and charges), above 0",
        fr: "donnez le coût annuel d'un poste de la catégorie (salaire et charges), au-dessus de 0",
    }
    /// A second cost.
    second_cost(first: usize) {
        en: "is a second cost for this cadre (first on row {first})",
        fr: "est un deuxième coût pour cette catégorie (le premier ligne {first})",
    }
    /// The fix of a second cost.
    one_row_per_cadre() {
        en: "keep one row per cadre", fr: "gardez une ligne par catégorie",
    }
    /// The facility types there are.
    facility_types_are(names: &str) {
        en: "the facility types of the study are: {names}", fr: "les types de structure de l'étude sont : {names}",
    }
    /// An unknown facility type.
    not_a_type() {
        en: "is not the type of any facility", fr: "n'est le type d'aucune structure",
    }
    /// A bad budget.
    bad_budget() {
        en: "is not an amount above 0", fr: "n'est pas un montant au-dessus de 0",
    }
    /// The fix of a bad budget.
    give_budget() {
        en: "give the budget for a year of the new posts, e.g. --budget 250000000",
        fr: "donnez le budget d'une année des nouveaux postes, par ex. --budget 250000000",
    }
    /// Facility × cadre with staff and nothing required.
    staff_without_requirement(n: usize, list: &crate::diag::Msg) {
        en: "{n} facility × cadre have staff but nothing required (their workload may be missing); they never give staff: {list}",
        fr: "{n} couples structure × catégorie ont du personnel mais aucun besoin (leur charge de travail manque peut-être) ; ils ne cèdent jamais de personnel : {list}",
        one(n): en: "{n} facility × cadre have staff but nothing required (their workload may be missing); they never give staff: {list}",
        fr: "{n} couple structure × catégorie a du personnel mais aucun besoin (sa charge de travail manque peut-être) ; il ne cède jamais de personnel : {list}",
    }
    /// The fix of staff without requirement.
    check_their_workload() {
        en: "check their workload: with it, they may be donors or receivers",
        fr: "vérifiez leur charge de travail : avec elle, ils peuvent céder ou recevoir",
    }
    /// A scenario row that matches nothing.
    matches_nothing(scenario: &str, change: &str) {
        en: "scenario \"{scenario}\": the {change} of this row matches nothing in the study, so it changes nothing",
        fr: "scénario \"{scenario}\" : le {change} de cette ligne ne correspond à rien dans l'étude, il ne change donc rien",
    }
    /// The fix of a row that matches nothing.
    check_selectors() {
        en: "check the selectors (facility_id, facility_type, district, region, cadre, activity) against the study's names",
        fr: "vérifiez les sélecteurs (facility_id, facility_type, district, region, cadre, activity) avec les noms de l'étude",
    }
    /// Staff below zero after a scenario.
    staff_below_zero(scenario: &str, list: String) {
        en: "scenario \"{scenario}\": the staff change would leave fewer than 0 staff at {list}: counted as 0",
        fr: "scénario \"{scenario}\" : la variation d'effectif laisserait moins de 0 agent à {list} : compté 0",
    }
    /// Before a problem of a scenario.
    scenario_prefix(scenario: &str) {
        en: "scenario \"{scenario}\": ", fr: "scénario \"{scenario}\" : ",
    }
    /// Before a problem of a projected year.
    year_prefix(year: i32) {
        en: "year {year}: ", fr: "année {year} : ",
    }
    /// --to not after the history.
    to_not_after(to: i32, last: i32) {
        en: "--to {to} is not after the last observed year ({last}): there is nothing to project",
        fr: "--to {to} n'est pas après la dernière année observée ({last}) : il n'y a rien à projeter",
    }
    /// The fix of --to.
    give_later_year() {
        en: "give a year after the last year of the workload history, e.g. --to 2030",
        fr: "donnez une année après la dernière année de l'historique de charge de travail, par ex. --to 2030",
    }
    /// No monthly periods.
    needs_monthly() {
        en: "wisn project needs monthly workload periods (2023-01, 202301, ...): the workload has none, or not only months",
        fr: "wisn project demande des périodes mensuelles de charge de travail (2023-01, 202301, ...) : la charge de travail n'en a pas, ou pas seulement des mois",
    }
    /// The fix of no monthly periods.
    give_monthly() {
        en: "give the workload one row per facility, activity and month (a DHIS2 monthly export does)",
        fr: "donnez la charge de travail en une ligne par structure, activité et mois (comme un export mensuel DHIS2)",
    }
    /// No monthly periods (no last year).
    needs_monthly_short() {
        en: "wisn project needs monthly workload periods", fr: "wisn project demande des périodes mensuelles de charge de travail",
    }
    /// The fix of no months.
    add_month_column() {
        en: "add a period column of months", fr: "ajoutez une colonne de période en mois",
    }
    /// What a complete year needs, with --annualize.
    six_months() {
        en: "6 months or more (--annualize)", fr: "6 mois ou plus (--annualize)",
    }
    /// What a complete year needs.
    twelve_months() {
        en: "all 12 months", fr: "les 12 mois",
    }
    /// No complete year.
    no_complete_year(need: &crate::diag::Msg) {
        en: "no complete year: no facility reported {need} of any year, so there is no year to project from",
        fr: "aucune année complète : aucune structure n'a déclaré {need} d'une année, il n'y a donc pas d'année d'où projeter",
    }
    /// The fix of no complete year.
    complete_history() {
        en: "complete the monthly history, or use --annualize to count years with 6 months or more",
        fr: "complétez l'historique mensuel, ou utilisez --annualize pour compter les années de 6 mois ou plus",
    }
    /// Pairs left out of the projection.
    left_out(n: usize, list: String, more: &crate::diag::Msg) {
        en: "{n} facility × activity pairs have no complete year and are left out of the projection: {list}{more}",
        fr: "{n} couples structure × activité n'ont aucune année complète et sont laissés hors de la projection : {list}{more}",
        one(n): en: "{n} facility × activity pair has no complete year and is left out of the projection: {list}{more}",
        fr: "{n} couple structure × activité n'a aucune année complète et est laissé hors de la projection : {list}{more}",
    }
    /// The fix of pairs left out.
    what_year_counts() {
        en: "a year counts when the facility reported its 12 months (--annualize: 6 or more)",
        fr: "une année compte quand la structure a déclaré ses 12 mois (--annualize : 6 ou plus)",
    }
    /// --uncertainty without ranges.
    no_range() {
        en: "--uncertainty: no standard has a range, so every draw gives the point value",
        fr: "--uncertainty : aucune norme n'a d'intervalle, chaque tirage donne donc la valeur ponctuelle",
    }
    /// The fix of no ranges.
    add_ranges() {
        en: "add standard_low and standard_high columns to the standards, or give --standard-spread P",
        fr: "ajoutez les colonnes standard_low et standard_high aux normes, ou donnez --standard-spread P",
    }
    /// An empty scenario table.
    no_scenarios() {
        en: "the scenario table has no rows: only the baseline is written",
        fr: "la table des scénarios n'a aucune ligne : seule la référence est écrite",
    }
    /// The fix of an empty scenario table.
    add_scenario_rows() {
        en: "add one row per change: scenario, selectors, and volume_factor, standard_factor or staff_change",
        fr: "ajoutez une ligne par changement : scenario, sélecteurs, et volume_factor, standard_factor ou staff_change",
    }
    /// A drawn standard that cannot be used.
    bad_draw(cadre: &str, error: &crate::diag::Msg) {
        en: "cadre \"{cadre}\": a drawn standard cannot be used: {error}",
        fr: "catégorie \"{cadre}\" : une norme tirée n'est pas utilisable : {error}",
    }
    /// The fix of a bad draw.
    check_ranges() {
        en: "check the ranges (standard_low, standard_high or --standard-spread) of this cadre's standards",
        fr: "vérifiez les intervalles (standard_low, standard_high ou --standard-spread) des normes de cette catégorie",
    }
    /// The fix of CAS reaching 100 % in draws.
    narrow_support_ranges() {
        en: "the support standards' high ends reach 100 % of working time in some draws: narrow their ranges",
        fr: "les bornes hautes des normes de soutien atteignent 100 % du temps de travail dans certains tirages : resserrer leurs intervalles",
    }
}
