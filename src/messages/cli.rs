//! Messages of the command line (src/cli/**, src/main.rs): usage errors, summaries, notes.

crate::catalogue! {
    /// No study and not every table.
    give_a_study() {
        en: "give a study folder or workbook (wisn compute data/sikasso), or every table with --standards, --working-time, --workload, --staff",
        fr: "donner un dossier ou un classeur d'étude (wisn compute data/sikasso), ou chaque table avec --standards, --working-time, --workload, --staff",
    }
    /// After the first errors of a failed read.
    more_errors(n: usize) {
        en: "... and {n} more errors: run `wisn validate` to list them all",
        fr: "... et {n} autres erreurs : lancer `wisn validate` pour les voir toutes",
        one(n): en: "... and {n} more error: run `wisn validate` to list them all",
        fr: "... et {n} autre erreur : lancer `wisn validate` pour les voir toutes",
    }
    /// `--strict` and warnings.
    strict_warnings(n: usize) {
        en: "{n} warnings and --strict: nothing written",
        fr: "{n} avertissements et --strict : rien n'est écrit",
        one(n): en: "{n} warning and --strict: nothing written",
        fr: "{n} avertissement et --strict : rien n'est écrit",
    }
    /// A file format asked for the terminal.
    format_needs_file(ext: &str) {
        en: "--format {ext} writes a file, not text for the terminal: give a file name (-o rapport.{ext}) or redirect the output",
        fr: "--format {ext} écrit un fichier, pas du texte pour le terminal : donner un nom de fichier (-o rapport.{ext}) ou rediriger la sortie",
    }
    /// `-o x.xls`.
    unknown_output_extension(output: std::path::Display<'_>, ext: &str) {
        en: "-o {output}: wisn does not write .{ext} files; give a name ending in .csv, .json, .xlsx, .html or .txt (the terminal table), or choose the format with --format",
        fr: "-o {output} : wisn n'écrit pas de fichiers .{ext} ; donner un nom finissant par .csv, .json, .xlsx, .html ou .txt (le tableau du terminal), ou choisir le format avec --format",
    }
    /// `--period` that is not the data's year.
    period_mismatch(period: &str, years: &str, asked: i32, last: &str) {
        en: "--period {period}: the results are computed from workload of {years}, not {asked}; give the period of the data (--period {last}), or --year to choose the year",
        fr: "--period {period} : les résultats sont calculés sur la charge de travail de {years}, pas de {asked} ; donner la période des données (--period {last}), ou --year pour choisir l'année",
    }
    /// `--by facility` (facility rows are always there).
    by_facility() {
        en: "--by facility: facility rows are always written; --by takes district, region, facility_type or national",
        fr: "--by facility : les lignes par structure sont toujours écrites ; --by prend district, region, facility_type ou national",
    }
    /// DHIS2 formats with planning options.
    dhis2_with_planning() {
        en: "--format dhis2-csv|dhis2-json writes compute results only: leave out --scenario and --uncertainty, or choose csv, json, xlsx, html or table",
        fr: "--format dhis2-csv|dhis2-json n'écrit que les résultats du calcul : retirer --scenario et --uncertainty, ou choisir csv, json, xlsx, html ou table",
    }
    /// The title of a planning report of scenarios.
    title_scenarios() {
        en: "WISN — scenarios", fr: "WISN — scénarios",
    }
    /// The title of a planning report of uncertainty.
    title_uncertainty() {
        en: "WISN — uncertainty of the standards", fr: "WISN — incertitude des normes",
    }
    /// explain: did-you-mean.
    did_you_mean(s: &str) {
        en: "did you mean \"{s}\"?", fr: "vouliez-vous dire \"{s}\" ?",
    }
    /// Several names that could be the one meant (`more` is `, …` when there are more).
    did_you_mean_one_of(names: &str, more: &str) {
        en: "did you mean one of {names}{more}?", fr: "vouliez-vous dire l'un de {names}{more} ?",
    }
    /// explain: unknown facility.
    no_such_facility() {
        en: "no facility has this facility_id", fr: "aucune structure n'a ce facility_id",
    }
    /// explain: the fix of an unknown facility.
    give_a_facility_id() {
        en: "give a facility_id of the facilities table", fr: "donner un facility_id de la table facilities",
    }
    /// explain: unknown cadre.
    no_such_cadre() {
        en: "no cadre has this name", fr: "aucune catégorie ne porte ce nom",
    }
    /// explain: the cadres there are.
    the_cadres_are(names: &str) {
        en: "the cadres are: {names}", fr: "les catégories sont : {names}",
    }
    /// explain: warnings not shown.
    warnings_while_reading(n: usize) {
        en: "{n} warnings while reading the study (`wisn validate` lists them)",
        fr: "{n} avertissements à la lecture de l'étude (`wisn validate` les liste)",
        one(n): en: "{n} warning while reading the study (`wisn validate` lists them)",
        fr: "{n} avertissement à la lecture de l'étude (`wisn validate` le liste)",
    }
    /// project: bad growth.
    bad_growth(p: f64) {
        en: "--growth {p}: the growth is a percentage a year above −100 (e.g. 3 for +3 % a year)",
        fr: "--growth {p} : la croissance est un pourcentage par an supérieur à −100 (par ex. 3 pour +3 % par an)",
    }
    /// surge: no study.
    give_a_surge_study() {
        en: "give a study folder or workbook (wisn surge data/covid), or the tables with --covid-standards, --census (or --admissions), --working-time, --covid-staff",
        fr: "donner un dossier ou un classeur d'étude (wisn surge data/covid), ou les tables avec --covid-standards, --census (ou --admissions), --working-time, --covid-staff",
    }
    /// surge: one severity given two stays.
    two_stays(severity: &str, d: u32, days: u32) {
        en: "--length-of-stay gives {severity} two stays ({d} and {days} days)",
        fr: "--length-of-stay donne à {severity} deux durées de séjour ({d} et {days} jours)",
    }
    /// surge: stays given with a census.
    length_of_stay_unused() {
        en: "--length-of-stay is only used with an admissions table: the census is read as it is",
        fr: "--length-of-stay ne sert qu'avec une table des admissions : le recensement est lu tel quel",
    }
    /// validate: stays for a WISN study.
    length_of_stay_for_surge() {
        en: "--length-of-stay is for a surge study (one with a covid_standards table; --surge checks a study as one)",
        fr: "--length-of-stay est pour une étude de surge (avec une table covid_standards ; --surge vérifie une étude comme telle)",
    }
    /// template: not an .xlsx name.
    template_is_xlsx(path: std::path::Display<'_>) {
        en: "{path}: the template is an Excel workbook: give a name ending in .xlsx (-o etude.xlsx)",
        fr: "{path} : le modèle est un classeur Excel : donner un nom finissant par .xlsx (-o etude.xlsx)",
    }
    /// template: the file exists.
    template_exists(path: std::path::Display<'_>) {
        en: "{path}: already exists and may be a filled-in study: nothing written (fix: choose another name, or give --force to replace it)",
        fr: "{path} : existe déjà et peut être une étude remplie : rien n'est écrit (correction : choisir un autre nom, ou donner --force pour le remplacer)",
    }
    /// man: an unknown command.
    no_such_command(name: &str, commands: &str) {
        en: "no command \"{name}\" (the commands are: {commands})",
        fr: "pas de commande \"{name}\" (les commandes sont : {commands})",
    }
    /// validate: where a table was read from.
    table_read_from(name: &str, place: String) {
        en: "table {name}: {place}", fr: "table {name} : {place}",
    }
    /// validate: the summary line of a valid study (`counts` is the list of what was read).
    validate_valid(counts: &crate::diag::Msg, errors: &crate::diag::Msg, warnings: &crate::diag::Msg) {
        en: "valid: {counts}; {errors}, {warnings}",
        fr: "valide : {counts} ; {errors}, {warnings}",
    }
    /// validate: the summary line of a study with errors.
    validate_invalid(counts: &crate::diag::Msg, errors: &crate::diag::Msg, warnings: &crate::diag::Msg) {
        en: "invalid: {counts}; {errors}, {warnings}",
        fr: "invalide : {counts} ; {errors}, {warnings}",
    }
    /// validate: `1 errors` / `1 warnings` read wrong: the singular forms.
    n_errors(n: usize) {
        en: "{n} errors", fr: "{n} erreurs",
        one(n): en: "{n} error", fr: "{n} erreur",
    }
    /// validate: warnings counted.
    n_warnings(n: usize) {
        en: "{n} warnings", fr: "{n} avertissements",
        one(n): en: "{n} warning", fr: "{n} avertissement",
    }
    /// validate: facilities read.
    n_facilities(n: u64) {
        en: "{n} facilities", fr: "{n} structures",
        one(n): en: "{n} facility", fr: "{n} structure",
    }
    /// validate: cadres read.
    n_cadres(n: u64) {
        en: "{n} cadres", fr: "{n} catégories",
        one(n): en: "{n} cadre", fr: "{n} catégorie",
    }
    /// validate: standards read.
    n_standards(n: u64) {
        en: "{n} standards", fr: "{n} normes",
        one(n): en: "{n} standard", fr: "{n} norme",
    }
    /// validate: workload rows read.
    n_workload_rows(n: u64) {
        en: "{n} workload rows", fr: "{n} lignes de charge de travail",
        one(n): en: "{n} workload row", fr: "{n} ligne de charge de travail",
    }
    /// validate: surge sites read.
    n_sites(n: u64) {
        en: "{n} sites", fr: "{n} sites",
        one(n): en: "{n} site", fr: "{n} site",
    }
    /// validate: census days read.
    n_census_days(n: u64) {
        en: "{n} census days", fr: "{n} jours de recensement",
        one(n): en: "{n} census day", fr: "{n} jour de recensement",
    }
    /// validate: a facility met in staff or workload only.
    unlisted_facility(table: &str, rows: usize) {
        en: "is in {table} ({rows} rows) but not in the facilities table: its type, district and region are unknown, so it gets the blank-type standards",
        fr: "est dans {table} ({rows} lignes) mais pas dans la table facilities : son type, son district et sa région sont inconnus, elle reçoit donc les normes sans type",
        one(rows): en: "is in {table} ({rows} row) but not in the facilities table: its type, district and region are unknown, so it gets the blank-type standards",
        fr: "est dans {table} ({rows} ligne) mais pas dans la table facilities : son type, son district et sa région sont inconnus, elle reçoit donc les normes sans type",
    }
    /// validate: the fix of an unlisted facility.
    add_the_facility() {
        en: "add it to the facilities table, or correct the code",
        fr: "l'ajouter à la table facilities, ou corriger le code",
    }
}
