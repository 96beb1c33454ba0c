//! Messages of the command line (src/cli/**, src/main.rs): usage errors, summaries, notes.

crate::catalogue! {
    /// No study and not every table.
    give_a_study() {
        en: "give a study folder or workbook (wisn compute data/sikasso), or every table with --standards, --working-time, --workload, --staff",
        fr: "donnez un dossier ou un classeur d'étude (wisn compute data/sikasso), ou chaque table avec --standards, --working-time, --workload, --staff",
    }
    /// After the first errors of a failed read.
    more_errors(n: usize) {
        en: "... and {n} more errors: run `wisn validate` to list them all",
        fr: "... et {n} autres erreurs : lancez `wisn validate` pour les voir toutes",
        one(n): en: "... and {n} more error: run `wisn validate` to list them all",
        fr: "... et {n} autre erreur : lancez `wisn validate` pour les voir toutes",
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
        fr: "--format {ext} écrit un fichier, pas du texte pour le terminal : donnez un nom de fichier (-o rapport.{ext}) ou redirigez la sortie",
    }
    /// `-o x.xls`.
    unknown_output_extension(output: std::path::Display<'_>, ext: &str) {
        en: "-o {output}: wisn does not write .{ext} files; give a name ending in .csv, .json, .xlsx, .html or .txt (the terminal table), or choose the format with --format",
        fr: "-o {output} : wisn n'écrit pas de fichiers .{ext} ; donnez un nom finissant par .csv, .json, .xlsx, .html ou .txt (le tableau du terminal), ou choisissez le format avec --format",
    }
    /// `--period` that is not the data's year.
    period_mismatch(period: &str, years: &str, asked: i32, last: &str) {
        en: "--period {period}: the results are computed from workload of {years}, not {asked}; give the period of the data (--period {last}), or --year to choose the year",
        fr: "--period {period} : les résultats sont calculés sur la charge de travail de {years}, pas de {asked} ; donnez la période des données (--period {last}), ou --year pour choisir l'année",
    }
    /// `--by facility` (facility rows are always there).
    by_facility() {
        en: "--by facility: facility rows are always written; --by takes district, region, facility_type or national",
        fr: "--by facility : les lignes par structure sont toujours écrites ; --by prend district, region, facility_type ou national",
    }
    /// DHIS2 formats with planning options.
    dhis2_with_planning() {
        en: "--format dhis2-csv|dhis2-json writes compute results only: leave out --scenario and --uncertainty, or choose csv, json, xlsx, html or table",
        fr: "--format dhis2-csv|dhis2-json n'écrit que les résultats du calcul : retirez --scenario et --uncertainty, ou choisissez csv, json, xlsx, html ou table",
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
        en: "give a facility_id of the facilities table", fr: "donnez un facility_id de la table facilities",
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
        fr: "donnez un dossier ou un classeur d'étude (wisn surge data/covid), ou les tables avec --covid-standards, --census (ou --admissions), --working-time, --covid-staff",
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
        fr: "{path} : le modèle est un classeur Excel : donnez un nom finissant par .xlsx (-o etude.xlsx)",
    }
    /// template: the file exists.
    template_exists(path: std::path::Display<'_>) {
        en: "{path}: already exists and may be a filled-in study: nothing written (fix: choose another name, or give --force to replace it)",
        fr: "{path} : existe déjà et peut être une étude remplie : rien n'est écrit (correction : choisissez un autre nom, ou donnez --force pour le remplacer)",
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
        fr: "ajoutez-la à la table facilities, ou corrigez le code",
    }
    /// clap: the first word of its errors.
    clap_error() {
        en: "error: ", fr: "erreur : ",
    }
    /// clap: an argument given twice.
    clap_used_twice(arg: &str) {
        en: "the argument '{arg}' cannot be used multiple times",
        fr: "l'argument '{arg}' ne peut pas être donné plusieurs fois",
    }
    /// clap: two arguments that exclude each other.
    clap_cannot_be_used_with(arg: &str) {
        en: "the argument '{arg}' cannot be used with", fr: "l'argument '{arg}' ne peut pas être donné avec",
    }
    /// clap: the other arguments, unnamed.
    clap_other_arguments() {
        en: " one or more of the other specified arguments", fr: " un ou plusieurs des autres arguments donnés",
    }
    /// clap: `--x=` needed.
    clap_no_equals(arg: &str) {
        en: "equal sign is needed when assigning values to '{arg}'",
        fr: "un signe égal est nécessaire pour donner une valeur à '{arg}'",
    }
    /// clap: an option without its value.
    clap_value_required(arg: &str) {
        en: "a value is required for '{arg}' but none was supplied",
        fr: "une valeur est requise pour '{arg}' mais aucune n'a été donnée",
    }
    /// clap: a value not among the possible ones, or refused by its parser.
    clap_invalid_value(value: &str, arg: &str) {
        en: "invalid value '{value}' for '{arg}'", fr: "valeur '{value}' invalide pour '{arg}'",
    }
    /// clap: the list of possible values.
    clap_possible_values(list: &str) {
        en: "[possible values: {list}]", fr: "[valeurs possibles : {list}]",
    }
    /// clap: an unknown command.
    clap_unknown_command(name: &str) {
        en: "unrecognized subcommand '{name}'", fr: "commande '{name}' inconnue",
    }
    /// clap: missing required arguments.
    clap_missing_arguments() {
        en: "the following required arguments were not provided:",
        fr: "les arguments obligatoires suivants n'ont pas été donnés :",
    }
    /// clap: no command.
    clap_missing_command(name: &str) {
        en: "'{name}' requires a subcommand but one was not provided",
        fr: "'{name}' demande une commande mais aucune n'a été donnée",
    }
    /// clap: the list of commands.
    clap_commands(list: &str) {
        en: "[subcommands: {list}]", fr: "[commandes : {list}]",
    }
    /// clap: a value too many.
    clap_unexpected_value(value: &str, arg: &str) {
        en: "unexpected value '{value}' for '{arg}' found; no more were expected",
        fr: "valeur '{value}' inattendue pour '{arg}' ; aucune autre n'était attendue",
    }
    /// clap: too few values.
    clap_too_few_values(min: isize, arg: &str, actual: isize) {
        en: "{min} values required by '{arg}'; only {actual} were provided",
        fr: "{min} valeurs demandées par '{arg}' ; seulement {actual} données",
        one(actual): en: "{min} values required by '{arg}'; only {actual} was provided",
        fr: "{min} valeurs demandées par '{arg}' ; seulement {actual} donnée",
    }
    /// clap: a wrong number of values.
    clap_wrong_number(expected: isize, arg: &str, actual: isize) {
        en: "{expected} values required for '{arg}' but {actual} were provided",
        fr: "{expected} valeurs demandées pour '{arg}' mais {actual} données",
        one(actual): en: "{expected} values required for '{arg}' but {actual} was provided",
        fr: "{expected} valeurs demandées pour '{arg}' mais {actual} donnée",
    }
    /// clap: an unknown option.
    clap_unexpected_argument(arg: &str) {
        en: "unexpected argument '{arg}' found", fr: "argument '{arg}' inattendu",
    }
    /// clap: a near name (`kind` is one of the words below).
    clap_similar(kind: &crate::diag::Msg, name: &str) {
        en: "tip: a similar {kind} exists: '{name}'", fr: "astuce : un {kind} proche existe : '{name}'",
    }
    /// clap: several near names.
    clap_similars(kind: &crate::diag::Msg, names: &str) {
        en: "tip: some similar {kind}s exist: {names}", fr: "astuce : des {kind}s proches existent : {names}",
    }
    /// clap: the word for a command.
    clap_word_command() {
        en: "subcommand", fr: "commande",
    }
    /// clap: the word for an argument.
    clap_word_argument() {
        en: "argument", fr: "argument",
    }
    /// clap: the word for a value.
    clap_word_value() {
        en: "value", fr: "valeur",
    }
    /// clap: a tip of clap's own (its text as clap writes it).
    clap_tip(tip: &str) {
        en: "tip: {tip}", fr: "astuce : {tip}",
    }
    /// clap: the usage line's heading.
    clap_usage() {
        en: "Usage:", fr: "Utilisation :",
    }
    /// clap: where to read more.
    clap_try_help(flag: &str) {
        en: "For more information, try '{flag}'.", fr: "Pour en savoir plus : '{flag}'.",
    }
    /// clap: any other error.
    clap_other() {
        en: "the command line is not valid", fr: "la ligne de commande n'est pas valide",
    }
    /// clap's tip for a value that starts with `-`.
    clap_tip_dash(value: &str) {
        en: "tip: to pass '{value}' as a value, use '-- {value}'",
        fr: "astuce : pour donner '{value}' comme valeur, écrire '-- {value}'",
    }
    /// A value that is not a number.
    not_a_number(s: &str) {
        en: "'{s}' is not a number", fr: "'{s}' n'est pas un nombre",
    }
    /// --scale-census below 0.
    scale_below_zero(s: &str) {
        en: "{s} is below 0: give a factor such as 1.5 (50 % more patients)",
        fr: "{s} est sous 0 : donnez un facteur comme 1,5 (50 % de patients en plus)",
    }
    /// --absence-rate out of [0, 1).
    not_a_share(s: &str) {
        en: "{s} is not a share between 0 and 1 (1 excluded): write 0.1 (or 10%) for 10 % of staff absent",
        fr: "{s} n'est pas une part entre 0 et 1 (1 exclu) : écrivez 0.1 (ou 10%) pour 10 % du personnel absent",
    }
    /// --length-of-stay without `=`.
    not_severity_days(s: &str) {
        en: "'{s}' is not SEVERITY=DAYS (e.g. moderate=7)", fr: "'{s}' n'est pas GRAVITÉ=JOURS (par ex. moderate=7)",
    }
    /// --length-of-stay with an unknown severity.
    not_a_severity(name: &str) {
        en: "'{name}' is not a severity: mild, moderate, severe or critical (légère, modérée, sévère, critique)",
        fr: "'{name}' n'est pas une gravité : légère, modérée, sévère ou critique (mild, moderate, severe, critical)",
    }
    /// --length-of-stay days not ≥ 1.
    not_whole_days(days: &str) {
        en: "'{days}' is not a whole number of days ≥ 1", fr: "'{days}' n'est pas un nombre entier de jours ≥ 1",
    }
    /// --length-of-stay too long.
    stay_too_long(days: u32, max: u32) {
        en: "a stay of {days} days is longer than wisn accepts ({max} days): check the number (days, not hours)",
        fr: "un séjour de {days} jours est plus long que wisn n'accepte ({max} jours) : vérifiez le nombre (des jours, pas des heures)",
    }
    /// --delimiter of more than one character.
    not_one_character(s: &str) {
        en: "'{s}' is not one character (use , ; or tab)", fr: "'{s}' n'est pas un seul caractère (utiliser , ; ou tab)",
    }
    /// --bands without two numbers.
    bands_not_two(s: &str) {
        en: "expected LOW,HIGH such as 0.9,1.1, got '{s}'", fr: "attendu LOW,HIGH comme 0.9,1.1, reçu '{s}'",
    }
    /// --bands in the wrong order.
    bands_order(low: f64, high: f64) {
        en: "need 0 < LOW ≤ HIGH, got {low},{high}", fr: "il faut 0 < LOW ≤ HIGH, reçu {low} ; {high}",
    }
    /// The standard library's words for a whole number that is not one.
    std_invalid_digit() {
        en: "invalid digit found in string", fr: "ce n'est pas un nombre entier",
    }
    /// The standard library's words for a decimal that is not one.
    std_invalid_float() {
        en: "invalid float literal", fr: "ce n'est pas un nombre",
    }
    /// The standard library's words for an empty number.
    std_empty() {
        en: "cannot parse integer from empty string", fr: "le nombre est vide",
    }
    /// The standard library's words for a number too large.
    std_too_large() {
        en: "number too large to fit in target type", fr: "nombre trop grand",
    }
    /// clap's words for a number out of its range.
    clap_not_in_range(value: &str, range: &str) {
        en: "{value} is not in {range}", fr: "{value} n'est pas dans {range}",
    }
}
