//! Messages of the study reader (src/study/: the small tables, the checks across tables, the
//! study's folder or workbook).

use crate::diag::Msg;

crate::catalogue! {
    // ---- a cell, a row (small_tables.rs) ----
    /// A required cell left blank; `what` says what the row needs (`blank_what_*`).
    blank_cell(what: &Msg) {
        en: "is blank: every row needs {what}",
        fr: "est vide : chaque ligne doit avoir {what}",
    }
    /// Fix of [`blank_cell`].
    blank_cell_hint(column: &str) {
        en: "fill in the {column} or delete the row",
        fr: "remplissez la colonne {column} ou supprimez la ligne",
    }
    blank_what_cadre() { en: "a cadre", fr: "une catégorie" }
    blank_what_alias() { en: "an alias", fr: "un alias" }
    blank_what_alias_cadre() {
        en: "the cadre the alias stands for",
        fr: "la catégorie que l'alias désigne",
    }
    blank_what_facility_code() { en: "a facility code", fr: "un code de structure" }
    blank_what_component() {
        en: "a component (service, support or additional)",
        fr: "une composante (service, support ou additional)",
    }
    blank_what_activity() {
        en: "the activity (its name is the key into workload)",
        fr: "l'activité (son nom est la clé vers la charge de travail, workload)",
    }
    blank_what_standard() { en: "a standard", fr: "une norme" }
    blank_what_days_hours() {
        en: "days per week and hours per day",
        fr: "les jours par semaine et les heures par jour",
    }

    // ---- cadre_aliases ----
    alias_already_maps(existing: &str) {
        en: "already maps to \"{existing}\"",
        fr: "désigne déjà \"{existing}\"",
    }
    alias_conflict(cadre: &str, why: &Msg) {
        en: "maps the alias to \"{cadre}\" but it {why}",
        fr: "rattache l'alias à \"{cadre}\" alors qu'il {why}",
    }
    alias_conflict_hint() { en: "keep one row per alias", fr: "gardez une ligne par alias" }

    // ---- facilities ----
    facility_twice(first: usize) {
        en: "is listed twice (first on row {first})",
        fr: "figure deux fois (d'abord à la ligne {first})",
    }
    facility_twice_hint() {
        en: "keep one row per facility; give the other facility its own code",
        fr: "gardez une ligne par structure ; donnez à l'autre structure son propre code",
    }

    // ---- standards ----
    not_a_component() { en: "is not a component", fr: "n'est pas une composante" }
    not_a_component_hint() {
        en: "write service (prestation, soins), support (soutien) or additional (supplémentaire, individuelle)",
        fr: "écrivez service (prestation, soins), support (soutien) ou additional (supplémentaire, individuelle)",
    }
    percent_additional() {
        en: "is not a unit for an additional (IAS) activity",
        fr: "n'est pas une unité pour une activité supplémentaire (IAS)",
    }
    percent_additional_hint() {
        en: "additional activities are a time per period, e.g. h/month or jours/an; put % activities in support",
        fr: "les activités supplémentaires sont un temps par période, p. ex. h/mois ou jours/an ; mettez les activités en % dans support",
    }
    unknown_unit(component: &str) {
        en: "is not a unit of a {component} standard",
        fr: "n'est pas une unité de norme {component}",
    }
    unknown_unit_service_hint() {
        en: "a service standard is in min, h (per unit), per_hour or per_day",
        fr: "une norme de service est en min, h (par unité), per_hour ou per_day",
    }
    unknown_unit_allowance_hint() {
        en: "write % or a time per period: min/day, h/week, h/month, h/year, days/year (min/jour, h/semaine, h/mois, h/an, jours/an)",
        fr: "écrivez % ou un temps par période : min/day, h/week, h/month, h/year, days/year (min/jour, h/semaine, h/mois, h/an, jours/an)",
    }
    percent_not_between() {
        en: "is not a percentage between 0 and 100",
        fr: "n'est pas un pourcentage entre 0 et 100",
    }
    standard_not_above_zero() {
        en: "is not above 0: a standard of 0 or less cannot be used",
        fr: "n'est pas supérieur à 0 : une norme de 0 ou moins est inutilisable",
    }
    bad_standard_hint() {
        en: "correct the standard, or delete the row if the activity is not done",
        fr: "corrigez la norme, ou supprimez la ligne si l'activité n'est pas faite",
    }
    percent_as_fraction() {
        en: "is a percentage below 1 %: a cell in Excel's percentage format holds 5 % as 0.05",
        fr: "est un pourcentage inférieur à 1 % : une cellule au format pourcentage d'Excel contient 5 % sous la forme 0,05",
    }
    percent_as_fraction_hint() {
        en: "if 5 % is meant, write 5 in a cell with the standard number format (the unit column already says %); if it really is below 1 %, ignore this warning",
        fr: "si 5 % est voulu, écrivez 5 dans une cellule au format nombre standard (la colonne unit dit déjà %) ; si c'est vraiment moins de 1 %, ignorez cet avertissement",
    }
    duplicate_standard(component: &str, first: usize) {
        en: "is a second {component} standard for this cadre and facility type (first on row {first})",
        fr: "est une deuxième norme {component} pour cette catégorie et ce type de structure (la première à la ligne {first})",
    }
    duplicate_standard_hint() {
        en: "keep one row per cadre, facility type and activity",
        fr: "gardez une ligne par catégorie, type de structure et activité",
    }
    range_hint() {
        en: "the range of a standard is low ≤ standard ≤ high, both above 0 and in the standard's unit",
        fr: "la plage d'une norme est basse ≤ norme ≤ haute, toutes deux supérieures à 0 et dans l'unité de la norme",
    }
    range_not_above_zero() { en: "is not above 0", fr: "n'est pas supérieur à 0" }
    range_above_standard(standard: &super::Dec) {
        en: "is above the standard ({standard})",
        fr: "est supérieur à la norme ({standard})",
    }
    range_below_standard(standard: &super::Dec) {
        en: "is below the standard ({standard})",
        fr: "est inférieur à la norme ({standard})",
    }
    range_one_end(missing: &str) {
        en: "gives one end of the standard's range but no {missing}",
        fr: "donne une seule borne de la plage de la norme, sans {missing}",
    }
    range_one_end_hint() {
        en: "give both standard_low and standard_high, or neither",
        fr: "donnez standard_low et standard_high, ou aucune des deux",
    }

    // ---- working_time ----
    more_hours_than_a_day() {
        en: "is more hours than a day has",
        fr: "est plus d'heures qu'une journée n'en compte",
    }
    more_hours_than_a_day_hint() {
        en: "hours_per_day is the hours of one working day (8 for a 40-hour week of 5 days; 12 for a 12-hour shift)",
        fr: "hours_per_day est le nombre d'heures d'une journée de travail (8 pour une semaine de 40 heures sur 5 jours ; 12 pour une garde de 12 heures)",
    }
    bad_working_time_hint() {
        en: "check days per week (≤ 7), hours per day and the days of leave (they are days per year)",
        fr: "vérifiez les jours par semaine (≤ 7), les heures par jour et les jours de congé (ce sont des jours par an)",
    }
    implausible_awt(hours: f64, low: f64, high: f64) {
        en: "gives an available working time of {hours:.0} hours a year, outside what a full-time health worker has (about {low} to {high} h)",
        fr: "donne un temps de travail disponible de {hours:.0} heures par an, hors de ce qu'a un agent de santé à temps plein (environ {low} à {high} h)",
    }
    implausible_awt_hint() {
        en: "check hours per day (hours of one day), days per week, and that holidays and leave are days per year (not hours, not per month)",
        fr: "vérifiez les heures par jour (heures d'une journée), les jours par semaine, et que fériés et congés sont des jours par an (pas des heures, pas par mois)",
    }
    duplicate_working_time(first: usize) {
        en: "is a second working-time row for this cadre and facility type (first on row {first})",
        fr: "est une deuxième ligne de temps de travail pour cette catégorie et ce type de structure (la première à la ligne {first})",
    }
    duplicate_working_time_hint() {
        en: "keep one row per cadre (and facility type)",
        fr: "gardez une ligne par catégorie (et type de structure)",
    }

    // ---- staff ----
    staff_without_count(missing: &Msg) {
        en: "{missing}; a table without a count is read as one row per person only when it has a person column (name, nom, matricule, person_id, id) or a status column",
        fr: "{missing} ; une table sans effectif n'est lue comme une ligne par personne que si elle a une colonne de personne (name, nom, matricule, person_id, id) ou une colonne de statut",
    }
    staff_without_count_hint() {
        en: "rename the column that holds the staff counts to `count` (or effectif, nombre, nb_agents), or add a person column (matricule, nom) if the table lists one person per row",
        fr: "renommez la colonne des effectifs en `count` (ou effectif, nombre, nb_agents), ou ajoutez une colonne de personne (matricule, nom) si la table liste une personne par ligne",
    }
    status_blank() { en: "blank", fr: "vide" }
    staff_status_dropped(table: &str, list: &Msg, active: &str) {
        en: "{table} rows not counted because their status is not active: {list} (active statuses: {active})",
        fr: "lignes de {table} non comptées car leur statut n'est pas actif : {list} (statuts actifs : {active})",
    }
    staff_status_dropped_hint() {
        en: "give --active-status with every status that means in post",
        fr: "donnez --active-status avec chaque statut qui signifie en poste",
    }
    rule_summed() { en: "summed", fr: "additionnées" }
    duplicate_row(first: usize, table: &str, rule: &Msg) {
        en: "repeats row {first} of the {table} table cell for cell: the two rows are {rule}",
        fr: "répète cellule pour cellule la ligne {first} de la table {table} : les deux lignes sont {rule}",
    }
    duplicate_row_hint() {
        en: "delete the repeated row if it was pasted twice (--strict makes this an error)",
        fr: "supprimez la ligne répétée si elle a été collée deux fois (--strict en fait une erreur)",
    }
    more_duplicate_rows(n: usize, table: &str) {
        en: "... and {n} more repeated rows in the {table} table",
        fr: "... et {n} lignes répétées de plus dans la table {table}",
        one(n): en: "... and {n} more repeated row in the {table} table",
        fr: "... et {n} ligne répétée de plus dans la table {table}",
    }

    // ---- checks across tables ----
    no_working_time(cadre: &str) {
        en: "cadre \"{cadre}\" has standards but no working_time row",
        fr: "la catégorie \"{cadre}\" a des normes mais aucune ligne de temps de travail (working_time)",
    }
    no_working_time_hint() {
        en: "add a working_time row for this cadre (days per week, hours per day, holidays and leave)",
        fr: "ajoutez une ligne working_time pour cette catégorie (jours par semaine, heures par jour, fériés et congés)",
    }
    unused_cadre(cadre: &str) {
        en: "cadre \"{cadre}\" has a working_time row but no standards: nothing is computed for it",
        fr: "la catégorie \"{cadre}\" a une ligne de temps de travail mais aucune norme : rien n'est calculé pour elle",
    }
    staff_without_standards(cadre: &str, staff: &super::Dec, facilities: usize) {
        en: "cadre \"{cadre}\" has staff ({staff} at {facilities} facilities) but no standards: it is left out of the results",
        fr: "la catégorie \"{cadre}\" a des agents ({staff} dans {facilities} structures) mais aucune norme : elle est laissée hors des résultats",
        one(facilities): en: "cadre \"{cadre}\" has staff ({staff} at {facilities} facility) but no standards: it is left out of the results",
        fr: "la catégorie \"{cadre}\" a des agents ({staff} dans {facilities} structure) mais aucune norme : elle est laissée hors des résultats",
    }
    staff_without_standards_guess(name: &str, cadre: &str) {
        en: "did you mean \"{name}\"? add a cadre_aliases row: {cadre},{name}",
        fr: "vouliez-vous dire \"{name}\" ? ajoutez une ligne cadre_aliases : {cadre},{name}",
    }
    staff_without_standards_hint() {
        en: "add standards for this cadre, or map the name to a cadre of the standards in cadre_aliases",
        fr: "ajoutez des normes pour cette catégorie, ou rattachez le nom à une catégorie des normes dans cadre_aliases",
    }
    activity_without_standard(activity: &str, facilities: usize) {
        en: "workload activity \"{activity}\" (at {facilities} facilities) has no service standard: it is not counted",
        fr: "l'activité \"{activity}\" de la charge de travail (dans {facilities} structures) n'a pas de norme de service : elle n'est pas comptée",
        one(facilities): en: "workload activity \"{activity}\" (at {facilities} facility) has no service standard: it is not counted",
        fr: "l'activité \"{activity}\" de la charge de travail (dans {facilities} structure) n'a pas de norme de service : elle n'est pas comptée",
    }
    activity_guess(name: &str) {
        en: "did you mean \"{name}\"? rename it in workload or standards",
        fr: "vouliez-vous dire \"{name}\" ? renommez-la dans workload ou standards",
    }
    activity_without_standard_hint() {
        en: "add a service standard for it if some cadre does it, or ignore this warning",
        fr: "ajoutez-lui une norme de service si une catégorie la fait, ou ignorez cet avertissement",
    }
    and_more(more: usize) { en: " and {more} more", fr: " et {more} de plus" }
    facilities_not_listed(n: usize, list: &str, more: &Msg) {
        en: "{n} facilities are in staff or workload but not in the facilities table (type, district and region unknown): {list}{more}",
        fr: "{n} structures sont dans staff ou workload mais pas dans la table facilities (type, district et région inconnus) : {list}{more}",
        one(n): en: "{n} facility is in staff or workload but not in the facilities table (type, district and region unknown): {list}{more}",
        fr: "{n} structure est dans staff ou workload mais pas dans la table facilities (type, district et région inconnus) : {list}{more}",
    }
    facilities_not_listed_hint() {
        en: "add them to the facilities table, or correct their codes",
        fr: "ajoutez-les à la table facilities, ou corrigez leurs codes",
    }
    matched_by_spelling() {
        en: "same name up to case, accents and separators",
        fr: "même nom aux majuscules, accents et séparateurs près",
    }
    matched_by_alias() { en: "through cadre_aliases", fr: "par cadre_aliases" }
    cadre_mapped(raw: &str, cadre: &str, how: &Msg, rows: usize) {
        en: "cadre \"{raw}\" read as \"{cadre}\" ({how}; {rows} rows)",
        fr: "catégorie \"{raw}\" lue comme \"{cadre}\" ({how} ; {rows} lignes)",
        one(rows): en: "cadre \"{raw}\" read as \"{cadre}\" ({how}; {rows} row)",
        fr: "catégorie \"{raw}\" lue comme \"{cadre}\" ({how} ; {rows} ligne)",
    }
    type_list_none() { en: "none", fr: "aucun" }
    facility_type_guess(name: &str) {
        en: "did you mean \"{name}\"? write the type as the facilities table does (compared normalised)",
        fr: "vouliez-vous dire \"{name}\" ? écrivez le type comme dans la table facilities (comparaison après normalisation)",
    }
    facility_type_hint(types: &Msg) {
        en: "write the type as the facilities table does (its types: {types}), or delete the rows",
        fr: "écrivez le type comme dans la table facilities (ses types : {types}), ou supprimez les lignes",
    }
    unused_facility_type(facility_type: &str, rows: &str) {
        en: "has rows for facility type \"{facility_type}\" (rows {rows}) but no facility has that type: they are not used",
        fr: "a des lignes pour le type de structure \"{facility_type}\" (lignes {rows}) mais aucune structure n'a ce type : elles ne sont pas utilisées",
    }
    facility_type_fallback(fallback: &str, unused: &str) {
        en: "facility types {fallback} have no typed standards or working_time rows and get the blank-type ones, while the rows typed {unused} match no facility",
        fr: "les types de structure {fallback} n'ont pas de lignes standards ou working_time à leur type et reçoivent celles sans type, alors que les lignes du type {unused} ne correspondent à aucune structure",
    }
    facility_type_fallback_hint(unused: &Msg) {
        en: "if one of these types is meant to be {unused}, write one spelling in facilities and in standards/working_time (compared normalised); if the blank-type rows are right for them, ignore this warning",
        fr: "si l'un de ces types doit être {unused}, écrivez-le de la même façon dans facilities et dans standards/working_time (comparaison après normalisation) ; si les lignes sans type leur conviennent, ignorez cet avertissement",
    }
    or_word() { en: " or ", fr: " ou " }
    workload_too_large(activity: &str, facility: &str) {
        en: "the workload of \"{activity}\" at facility {facility} adds up to more than a number can hold",
        fr: "la charge de travail de \"{activity}\" dans la structure {facility} dépasse ce qu'un nombre peut contenir",
    }
    workload_too_large_hint() {
        en: "check the volumes of that activity and facility: one is far too large",
        fr: "vérifiez les volumes de cette activité et de cette structure : l'un est bien trop grand",
    }
    staff_too_large(cadre: &str, facility: &str) {
        en: "the staff of \"{cadre}\" at facility {facility} add up to more than a number can hold",
        fr: "les effectifs de \"{cadre}\" dans la structure {facility} dépassent ce qu'un nombre peut contenir",
    }
    staff_too_large_hint() {
        en: "check the counts of that cadre and facility: one is far too large",
        fr: "vérifiez les effectifs de cette catégorie et de cette structure : l'un est bien trop grand",
    }
    months_of(months: u32) { en: "{months} months", fr: "{months} mois" }
    annualized() {
        en: "their volumes were scaled by 12 / months reported (--annualize)",
        fr: "leurs volumes ont été multipliés par 12 / mois rapportés (--annualize)",
    }
    not_annualized() {
        en: "their volumes are not scaled (the completeness column shows it; --annualize scales them by 12 / months reported)",
        fr: "leurs volumes ne sont pas mis à l'échelle (la colonne completeness le montre ; --annualize les multiplie par 12 / mois rapportés)",
    }
    incomplete_months(n: usize, list: &str, action: &Msg) {
        en: "{n} facilities reported fewer than 12 months of workload: {list}; {action}",
        fr: "{n} structures ont rapporté moins de 12 mois de charge de travail : {list} ; {action}",
        one(n): en: "{n} facility reported fewer than 12 months of workload: {list}; {action}",
        fr: "{n} structure a rapporté moins de 12 mois de charge de travail : {list} ; {action}",
    }
    more_than_12_months(n: usize, list: &Msg) {
        en: "workload covers more than 12 distinct months at {n} facilities ({list}): volumes are summed over all of them",
        fr: "la charge de travail couvre plus de 12 mois distincts dans {n} structures ({list}) : les volumes sont additionnés sur tous",
        one(n): en: "workload covers more than 12 distinct months at {n} facility ({list}): volumes are summed over all of them",
        fr: "la charge de travail couvre plus de 12 mois distincts dans {n} structure ({list}) : les volumes sont additionnés sur tous",
    }
    more_than_12_months_hint() {
        en: "keep one year of data in the workload table",
        fr: "gardez une seule année de données dans la table workload",
    }

    // ---- the study's tables (mod.rs) ----
    missing_table(table: &str) {
        en: "has no `{table}` table",
        fr: "n'a pas de table `{table}`",
    }
    missing_table_hint(table: &str, french: &str, option: &str) {
        en: "add a file or sheet named {table} (or {french}), or give it with --{option}",
        fr: "ajoutez un fichier ou une feuille nommé {table} (ou {french}), ou donnez-le avec --{option}",
    }
    json_table(name: &str) {
        en: "is JSON: only the workload (a DHIS2 dataValueSets export) and the org units may be JSON, not the `{name}` table",
        fr: "est du JSON : seules la charge de travail (un export DHIS2 dataValueSets) et les unités d'organisation peuvent être en JSON, pas la table `{name}`",
    }
    json_table_hint() {
        en: "save the table as CSV or in a workbook",
        fr: "enregistrez la table en CSV ou dans un classeur",
    }
    table_is_folder(name: &str) {
        en: "(given for the `{name}` table) is a folder, not a table file",
        fr: "(donné pour la table `{name}`) est un dossier, pas un fichier de table",
    }
    table_is_folder_hint(path: &str, name: &str) {
        en: "give the file inside it (e.g. {path}/{name}.csv), or give the folder as the study",
        fr: "donnez le fichier qu'il contient (p. ex. {path}/{name}.csv), ou donnez le dossier comme étude",
    }
    table_not_found(name: &str) {
        en: "(given for the `{name}` table) does not exist",
        fr: "(donné pour la table `{name}`) n'existe pas",
    }
    check_the_path() { en: "check the path", fr: "vérifiez le chemin" }

    // ---- cells and headers (table_reader.rs) ----
    not_a_finite_number() { en: "is not a finite number", fr: "n'est pas un nombre fini" }
    write_a_finite_number() { en: "write a finite number", fr: "écrivez un nombre fini" }
    not_a_number() { en: "is not a number", fr: "n'est pas un nombre" }
    write_a_number() { en: "write a number", fr: "écrivez un nombre" }
    number_not_a_number_hint() {
        en: "write a number such as 12 or 12.5 (12,5 in a French file)",
        fr: "écrivez un nombre comme 12 ou 12.5 (12,5 dans un fichier français)",
    }
    number_not_finite_hint() {
        en: "write a finite number (NaN and infinity are not data)",
        fr: "écrivez un nombre fini (NaN et l'infini ne sont pas des données)",
    }
    number_ambiguous_comma() {
        en: "has a comma in a number",
        fr: "a une virgule dans un nombre",
    }
    number_ambiguous_comma_hint() {
        en: "this file uses '.' for decimals; if 12,5 means 12.5 give --decimal-comma (or save the file with ';' as delimiter)",
        fr: "ce fichier utilise '.' pour les décimales ; si 12,5 veut dire 12.5, donnez --decimal-comma (ou enregistrez le fichier avec ';' comme séparateur)",
    }
    number_bad_grouping() {
        en: "has digits grouped by spaces that are not groups of three",
        fr: "a des chiffres séparés par des espaces qui ne forment pas des groupes de trois",
    }
    number_bad_grouping_hint() {
        en: "a space inside a number separates thousands (1 234); write the number without the stray space (17, or 1,7 if a decimal was meant)",
        fr: "une espace dans un nombre sépare les milliers (1 234) ; écrivez le nombre sans l'espace en trop (17, ou 1,7 si une décimale était voulue)",
    }
    negative() { en: "is negative", fr: "est négatif" }
    negative_hint() {
        en: "counts, volumes and times cannot be below 0: correct the value or leave the cell blank",
        fr: "effectifs, volumes et temps ne peuvent pas être inférieurs à 0 : corrigez la valeur ou laissez la cellule vide",
    }
    error_cell() { en: "is a spreadsheet error cell", fr: "est une cellule d'erreur du tableur" }
    error_cell_hint() {
        en: "fix the formula in the workbook (or type the value), then save and run again",
        fr: "corrigez la formule dans le classeur (ou tapez la valeur), puis enregistrez et relancez",
    }
    duplicate_header(column: &str, first: &str) {
        en: "names the column `{column}` a second time (first as \"{first}\")",
        fr: "nomme la colonne `{column}` une deuxième fois (d'abord sous la forme \"{first}\")",
    }
    duplicate_header_hint() {
        en: "keep one of the two columns, or rename the other to something wisn does not read",
        fr: "gardez l'une des deux colonnes, ou renommez l'autre en un nom que wisn ne lit pas",
    }
    example_rows(n: usize, rows: &str, more: &str) {
        en: "rows {rows}{more} are marked as examples (the template's example rows): left out",
        fr: "les lignes {rows}{more} sont marquées comme exemples (les lignes d'exemple du modèle) : laissées de côté",
        one(n): en: "row {rows}{more} is marked as an example (the template's example rows): left out",
        fr: "la ligne {rows}{more} est marquée comme exemple (les lignes d'exemple du modèle) : laissée de côté",
    }
    example_rows_hint() {
        en: "delete the example rows (or clear their mark in the Exemple column) once your own rows are in",
        fr: "supprimez les lignes d'exemple (ou effacez leur marque dans la colonne Exemple) une fois vos propres lignes saisies",
    }
    no_header(table: &str) {
        en: "has no header row naming the columns of the `{table}` table",
        fr: "n'a pas de ligne d'en-tête nommant les colonnes de la table `{table}`",
    }
    no_header_hint(columns: &str) {
        en: "put a header row with the columns {columns} (French names are accepted, see the README)",
        fr: "mettez une ligne d'en-tête avec les colonnes {columns} (les noms français sont acceptés, voir le README)",
    }
    field_count(fields: usize, line: usize, width: usize) {
        en: "has {fields} fields but the header (line {line}) has {width}",
        fr: "a {fields} champs mais l'en-tête (ligne {line}) en a {width}",
    }
    field_count_extra_hint() {
        en: "a value holding the delimiter splits in two (a decimal comma in a comma-separated file, a name with a comma): quote it (\"1,5\") or remove the extra delimiter",
        fr: "une valeur contenant le séparateur est coupée en deux (une virgule décimale dans un fichier séparé par des virgules, un nom avec une virgule) : mettez-la entre guillemets (\"1,5\") ou retirez le séparateur en trop",
    }
    field_count_missing_hint() {
        en: "add the missing fields (an empty field still needs its delimiter), or join the line with the one it was split from",
        fr: "ajoutez les champs manquants (un champ vide a quand même besoin de son séparateur), ou rejoignez la ligne à celle dont elle a été séparée",
    }
    column_aliases(aliases: &str) { en: " (or one of: {aliases})", fr: " (ou l'un de : {aliases})" }
    missing_column(name: &str, aliases: &Msg, holds: &str) {
        en: "has no `{name}` column{aliases}; its header row holds: {holds}",
        fr: "n'a pas de colonne `{name}`{aliases} ; sa ligne d'en-tête contient : {holds}",
    }
    missing_column_hint(name: &str) {
        en: "add a `{name}` column, or rename the column that holds it",
        fr: "ajoutez une colonne `{name}`, ou renommez la colonne qui la contient",
    }

    // ---- finding the tables (discover.rs) ----
    cannot_be_listed(error: &str) {
        en: "cannot be listed: {error}",
        fr: "ne peut pas être listé : {error}",
    }
    table_twice_files(table: &str, first: &str, second: &str) {
        en: "holds the `{table}` table twice: {first} and {second}",
        fr: "contient la table `{table}` deux fois : {first} et {second}",
    }
    table_twice_files_hint() {
        en: "keep one file per table (move or rename the other)",
        fr: "gardez un fichier par table (déplacez ou renommez l'autre)",
    }
    not_a_study() {
        en: "is neither a study folder nor a workbook",
        fr: "n'est ni un dossier d'étude ni un classeur",
    }
    not_a_study_hint() {
        en: "give a folder holding facilities.csv, standards.csv, ... or a workbook (.xlsx, .ods) with one sheet per table",
        fr: "donnez un dossier contenant facilities.csv, standards.csv, ... ou un classeur (.xlsx, .ods) avec une feuille par table",
    }
    study_not_found() { en: "does not exist", fr: "n'existe pas" }
    study_not_found_hint() {
        en: "check the path of the study folder or workbook",
        fr: "vérifiez le chemin du dossier d'étude ou du classeur",
    }
    table_twice_sheets(table: &str, first: &str, second: &str) {
        en: "holds the `{table}` table twice: sheets \"{first}\" and \"{second}\"",
        fr: "contient la table `{table}` deux fois : feuilles \"{first}\" et \"{second}\"",
    }
    table_twice_sheets_hint() {
        en: "keep one sheet per table (rename the other, e.g. add \"ancien\" to its name)",
        fr: "gardez une feuille par table (renommez l'autre, p. ex. ajoutez \"ancien\" à son nom)",
    }

    // ---- scenarios (scenario.rs) ----
    no_change_column() {
        en: "has no change column: a scenario needs volume_factor, standard_factor, staff_change, add_standards or add_workload",
        fr: "n'a pas de colonne de changement : un scénario a besoin de volume_factor, standard_factor, staff_change, add_standards ou add_workload",
    }
    no_change_column_hint() {
        en: "add a volume_factor (workload × f), standard_factor (time per unit × f) or staff_change (staff + d) column",
        fr: "ajoutez une colonne volume_factor (charge de travail × f), standard_factor (temps par unité × f) ou staff_change (effectif + d)",
    }
    scenario_blank_name() {
        en: "is blank: every scenario row needs its scenario's name",
        fr: "est vide : chaque ligne de scénario doit avoir le nom de son scénario",
    }
    scenario_blank_name_hint() {
        en: "fill in the scenario's name or delete the row",
        fr: "remplissez le nom du scénario ou supprimez la ligne",
    }
    reserved_scenario() {
        en: "is not a scenario name: `baseline` names the results without any scenario",
        fr: "n'est pas un nom de scénario : `baseline` désigne les résultats sans scénario",
    }
    reserved_scenario_hint() {
        en: "give the scenario another name",
        fr: "donnez un autre nom au scénario",
    }
    bad_factor() {
        en: "is not above 0: a factor multiplies, so it must be > 0",
        fr: "n'est pas supérieur à 0 : un facteur multiplie, il doit donc être > 0",
    }
    bad_factor_hint() {
        en: "write 1.3 for +30 %, 0.8 for −20 %; leave the cell blank for no change",
        fr: "écrivez 1.3 pour +30 %, 0.8 pour −20 % ; laissez la cellule vide pour ne rien changer",
    }
    added_table_not_found() {
        en: "names a table file that does not exist",
        fr: "nomme un fichier de table qui n'existe pas",
    }
    added_table_not_found_hint() {
        en: "give the file's path relative to the scenario file (a workbook sheet as FILE#Sheet)",
        fr: "donnez le chemin du fichier relatif au fichier de scénarios (une feuille de classeur sous la forme FICHIER#Feuille)",
    }
    no_change() {
        en: "changes nothing: volume_factor, standard_factor, staff_change, add_standards and add_workload are all blank",
        fr: "ne change rien : volume_factor, standard_factor, staff_change, add_standards et add_workload sont tous vides",
    }
    no_change_hint() {
        en: "fill in one of them, or delete the row",
        fr: "remplissez l'un d'eux, ou supprimez la ligne",
    }
    bad_selector(selector: &str, change: &str, why: &Msg) {
        en: "selects by {selector}, which a {change} cannot use: {why}",
        fr: "sélectionne par {selector}, qu'un {change} ne peut pas utiliser : {why}",
    }
    bad_selector_hint(selector: &str, change: &str) {
        en: "leave {selector} blank on this row, or put the {change} on a row of its own",
        fr: "laissez {selector} vide sur cette ligne, ou mettez le {change} sur une ligne à part",
    }
    volume_by_cadre() {
        en: "workload volumes belong to facilities and activities, not to a cadre",
        fr: "les volumes de charge de travail appartiennent aux structures et aux activités, pas à une catégorie",
    }
    standard_by_place() {
        en: "standards are set per cadre, activity and facility type",
        fr: "les normes sont fixées par catégorie, activité et type de structure",
    }
    staff_change_without_cadre() {
        en: "has a staff_change but no cadre: staff are counted per cadre",
        fr: "a un staff_change mais pas de catégorie : les effectifs sont comptés par catégorie",
    }
    staff_change_without_cadre_hint() {
        en: "fill in the cadre whose staff change",
        fr: "remplissez la catégorie dont l'effectif change",
    }
    staff_by_activity() {
        en: "staff are counted per facility and cadre",
        fr: "les effectifs sont comptés par structure et catégorie",
    }

    // ---- what a blank row needs, for the readers outside src/study that call
    // `study::small_tables::blank_cell` (planning/inputs.rs, surge/read.rs) ----
    blank_what_posts() { en: "a number of posts", fr: "un nombre de postes" }
    blank_what_post_cost() { en: "the annual cost of one post", fr: "le coût annuel d'un poste" }
    blank_what_ratio_severity() {
        en: "the severity its ratio applies to",
        fr: "la gravité à laquelle son ratio s'applique",
    }
    blank_what_ratio() {
        en: "patients_per_staff or hours_per_patient_day",
        fr: "patients_per_staff ou hours_per_patient_day",
    }
    blank_what_severity_and_ratio() {
        en: "a severity and its ratio (or a min_on_duty)",
        fr: "une gravité et son ratio (ou un min_on_duty)",
    }
    blank_what_site() { en: "a site (facility code)", fr: "un site (code de structure)" }
    blank_what_date() { en: "a date", fr: "une date" }
    blank_what_patient_severity() {
        en: "the severity of its patients",
        fr: "la gravité de ses patients",
    }
}

/// A refusal of the method (working days, hours, standards ≤ 0 …) in both languages.
pub fn method_error(e: &crate::method::MethodError) -> Msg {
    use crate::method::MethodError as E;
    match *e {
        E::NoWorkingDays(v) => method::no_working_days(v),
        E::NoHoursPerDay(v) => method::no_hours_per_day(v),
        E::BadDaysPerWeek(v) => method::bad_days_per_week(v),
        E::StandardNotPositive(v) => method::standard_not_positive(v),
        E::CasAtLeast100(v) => method::cas_at_least_100(v),
        E::Negative(v) => method::negative(v),
    }
}

/// The texts of [`crate::method::MethodError`] (its `Display` is the English one).
pub mod method {
    crate::catalogue! {
        no_working_days(v: f64) {
            en: "working days are {v} (≤ 0): days per week × 52 minus holidays and leave must be positive",
            fr: "les jours travaillés sont {v} (≤ 0) : jours par semaine × 52 moins fériés et congés doit être positif",
        }
        no_hours_per_day(v: f64) {
            en: "hours per day are {v} (≤ 0)",
            fr: "les heures par jour sont {v} (≤ 0)",
        }
        bad_days_per_week(v: f64) {
            en: "days per week are {v} (must be above 0 and at most 7)",
            fr: "les jours par semaine sont {v} (ils doivent être supérieurs à 0 et au plus 7)",
        }
        standard_not_positive(v: f64) {
            en: "a standard of {v} is not usable (standards must be above 0)",
            fr: "une norme de {v} est inutilisable (les normes doivent être supérieures à 0)",
        }
        cas_at_least_100(v: f64) {
            en: "the support activities (CAS) add up to {v:.4} % of working time: they must stay below 100 %",
            fr: "les activités de soutien (CAS) font {v:.4} % du temps de travail : elles doivent rester sous 100 %",
        }
        negative(v: f64) {
            en: "a negative value ({v}) is not allowed here",
            fr: "une valeur négative ({v}) n'est pas admise ici",
        }
    }
}

/// Why a text is not a number, and what to do about it, in both languages (the English is
/// [`NumberProblem::what`](crate::numbers::NumberProblem::what) and `hint`).
pub fn number_problem(p: &crate::numbers::NumberProblem) -> (Msg, Msg) {
    use crate::numbers::NumberProblem as P;
    match p {
        P::NotANumber => (not_a_number(), number_not_a_number_hint()),
        P::NotFinite => (not_a_finite_number(), number_not_finite_hint()),
        P::AmbiguousComma => (number_ambiguous_comma(), number_ambiguous_comma_hint()),
        P::BadGrouping => (number_bad_grouping(), number_bad_grouping_hint()),
    }
}

/// Messages joined by `sep`: a list whose items are words (`"; "` is `" ; "` in French).
pub fn list(items: &[Msg], sep: &str) -> Msg {
    let fr_sep = if sep.starts_with(';') || sep.starts_with(':') {
        format!(" {sep}")
    } else {
        sep.to_string()
    };
    Msg::new(
        items.iter().map(Msg::en).collect::<Vec<_>>().join(sep),
        items.iter().map(Msg::fr).collect::<Vec<_>>().join(&fr_sep),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn method_errors_say_what_display_says() {
        use crate::method::MethodError as E;
        for e in [
            E::NoWorkingDays(-3.5),
            E::NoHoursPerDay(0.0),
            E::BadDaysPerWeek(8.0),
            E::StandardNotPositive(0.0),
            E::CasAtLeast100(100.25),
            E::Negative(-1.0),
        ] {
            assert_eq!(super::method_error(&e).en(), e.to_string());
        }
    }

    #[test]
    fn number_problems_say_what_numbers_says() {
        use crate::numbers::NumberProblem as P;
        for p in [
            P::NotANumber,
            P::NotFinite,
            P::AmbiguousComma,
            P::BadGrouping,
        ] {
            let (what, hint) = super::number_problem(&p);
            assert_eq!(what.en(), p.what());
            assert_eq!(hint.en(), p.hint());
        }
    }
}
