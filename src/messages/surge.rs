//! Messages of `wisn surge` (src/surge/**): reading the surge study and computing it.

use super::Dec;

crate::catalogue! {
    /// An unknown severity.
    not_a_severity() {
        en: "is not a severity", fr: "n'est pas une gravité",
    }
    /// The severities there are.
    severity_hint() {
        en: "write mild, moderate, severe or critical (French: légère, modérée, sévère, critique)",
        fr: "écrivez légère, modérée, sévère ou critique (en anglais : mild, moderate, severe, critical)",
    }
    /// Census and admissions both given.
    census_and_admissions(census: String, admissions: String) {
        en: "has both a census ({census}) and an admissions table ({admissions}): wisn surge reads exactly one",
        fr: "a à la fois un recensement ({census}) et une table des admissions ({admissions}) : wisn surge en lit exactement un",
    }
    /// The fix of census and admissions.
    keep_one_census() {
        en: "keep the census (patients present each day) or the admissions (with --length-of-stay), and move the other out of the study",
        fr: "gardez le recensement (patients présents chaque jour) ou les admissions (avec --length-of-stay), et sortez l'autre de l'étude",
    }
    /// Neither census nor admissions.
    no_census() {
        en: "has neither a `census` table (French `occupation`) nor an `admissions` table",
        fr: "n'a ni table `census` (en français `occupation`) ni table `admissions`",
    }
    /// The fix of no census.
    add_census() {
        en: "add census.csv (date, facility_id, severity, patients), or admissions.csv (date, facility_id, severity, admitted) with --length-of-stay, or give one with --census / --admissions",
        fr: "ajoutez census.csv (date, facility_id, severity, patients), ou admissions.csv (date, facility_id, severity, admitted) avec --length-of-stay, ou donnez-en un avec --census / --admissions",
    }
    /// An empty census.
    empty_census() {
        en: "has no data rows: there is nothing to compute", fr: "n'a aucune ligne de données : il n'y a rien à calculer",
    }
    /// No covid_staff table.
    no_covid_staff() {
        en: "the study has no `covid_staff` table (French `effectifs_covid`): every site has 0 staff assigned",
        fr: "l'étude n'a pas de table `covid_staff` (en français `effectifs_covid`) : chaque site a 0 agent affecté",
    }
    /// The fix of no covid_staff.
    add_covid_staff() {
        en: "add covid_staff.csv (facility_id, cadre, count) with the staff assigned to COVID-19 care, or give it with --covid-staff",
        fr: "ajoutez covid_staff.csv (facility_id, cadre, count) avec le personnel affecté aux soins COVID-19, ou donnez-le avec --covid-staff",
    }
    /// A table missing.
    no_table(name: &str) {
        en: "has no `{name}` table", fr: "n'a pas de table `{name}`",
    }
    /// The fix of a missing table.
    add_table(name: &str, french: &str, option: String) {
        en: "add a file or sheet named {name} (or {french}), or give it with --{option}",
        fr: "ajoutez un fichier ou une feuille nommé {name} (ou {french}), ou donnez-le avec --{option}",
    }
    /// covid_standards without a ratio column.
    no_ratio_column() {
        en: "has neither a `patients_per_staff` nor an `hours_per_patient_day` column",
        fr: "n'a ni colonne `patients_per_staff` ni colonne `hours_per_patient_day`",
    }
    /// The fix of no ratio column.
    add_ratio_column() {
        en: "add patients_per_staff (patients one staff member covers on a shift; French patients_par_agent) or hours_per_patient_day (care hours per patient per 24 h; heures_par_patient_jour)",
        fr: "ajoutez patients_par_agent (patients qu'un agent couvre sur une garde ; en anglais patients_per_staff) ou heures_par_patient_jour (heures de soins par patient sur 24 h ; hours_per_patient_day)",
    }
    /// A bad min_on_duty.
    bad_min_on_duty() {
        en: "is not a whole number of staff ≥ 0", fr: "n'est pas un nombre entier d'agents ≥ 0",
    }
    /// The fix of a bad min_on_duty.
    write_min_on_duty() {
        en: "write how many of the cadre must be on duty at a site that has patients: 0, 1, 2, ...",
        fr: "écrivez combien d'agents de la catégorie doivent être de garde sur un site qui a des patients : 0, 1, 2, ...",
    }
    /// A second standard for a cadre and severity.
    second_standard(severity: &str, first: usize) {
        en: "is a second {severity} standard for this cadre (first on row {first})",
        fr: "est une deuxième norme {severity} pour cette catégorie (la première ligne {first})",
    }
    /// The fix of a second standard.
    one_row_per_severity() {
        en: "keep one row per cadre and severity", fr: "gardez une ligne par catégorie et gravité",
    }
    /// patients_per_staff ≤ 0.
    patients_per_staff_not_positive() {
        en: "is not above 0: patients_per_staff must be > 0", fr: "n'est pas au-dessus de 0 : patients_per_staff doit être > 0",
    }
    /// The fix of patients_per_staff ≤ 0.
    write_patients_per_staff() {
        en: "write how many patients of this severity one staff member covers on a shift (e.g. 4), or delete the row if the cadre does not care for them",
        fr: "écrivez combien de patients de cette gravité un agent couvre sur une garde (par ex. 4), ou supprimez la ligne si la catégorie ne les soigne pas",
    }
    /// Negative hours per patient-day.
    negative_hours() {
        en: "is negative: hours of care per patient-day cannot be below 0",
        fr: "est négatif : les heures de soins par patient-jour ne peuvent pas être sous 0",
    }
    /// The fix of negative hours.
    write_care_hours() {
        en: "write the care hours of the cadre per patient per 24 h (e.g. 3.5), 0 when the cadre gives none",
        fr: "écrivez les heures de soins de la catégorie par patient sur 24 h (par ex. 3,5), 0 quand elle n'en donne pas",
    }
    /// Both ratio columns, disagreeing.
    ratios_disagree(p: Dec, h: Dec, from_hours: Dec) {
        en: "gives patients_per_staff {p} and hours_per_patient_day {h}, which disagree (24 / {h} = {from_hours})",
        fr: "donne patients_per_staff {p} et hours_per_patient_day {h}, qui ne concordent pas (24 / {h} = {from_hours})",
    }
    /// The fix of disagreeing ratios.
    fill_one_ratio() {
        en: "fill in one of the two columns on each row", fr: "remplissez une seule des deux colonnes sur chaque ligne",
    }
    /// A census without severities.
    no_severities(count: &str) {
        en: "has neither a severity and a {count} column (long form) nor one column per severity (wide form)",
        fr: "n'a ni une colonne severity et une colonne {count} (forme longue) ni une colonne par gravité (forme large)",
    }
    /// The fix of a census without severities.
    census_columns(count: &str) {
        en: "use the columns date, facility_id, severity, {count}, or date, facility_id and one column per severity: mild, moderate, severe, critical (légère, modérée, sévère, critique)",
        fr: "utilisez les colonnes date, facility_id, severity, {count}, ou date, facility_id et une colonne par gravité : légère, modérée, sévère, critique (mild, moderate, severe, critical)",
    }
    /// Two columns of one severity.
    second_severity_column(severity: &str, first: &str) {
        en: "is a second column for {severity} patients (first \"{first}\")",
        fr: "est une deuxième colonne pour les patients {severity} (la première \"{first}\")",
    }
    /// The fix of two columns of one severity.
    one_column_per_severity() {
        en: "keep one column per severity", fr: "gardez une colonne par gravité",
    }
    /// Columns that are not severities.
    not_severities(names: String) {
        en: "has columns that are not severities, ignored: {names}",
        fr: "a des colonnes qui ne sont pas des gravités, ignorées : {names}",
    }
    /// The fix of columns that are not severities.
    name_after_severity(severities: &crate::diag::Msg) {
        en: "if one holds patients, name it after its severity ({severities})",
        fr: "si l'une contient des patients, la nommer d'après sa gravité ({severities})",
    }
    /// A date out of range.
    date_out_of_range(from: i32, to: i32) {
        en: "is outside the dates wisn accepts ({from} to {to})",
        fr: "est hors des dates que wisn accepte ({from} à {to})",
    }
    /// The fix of a date out of range.
    check_year() {
        en: "check the year of the date (2020, not 2200)", fr: "vérifiez l'année de la date (2020, pas 2200)",
    }
    /// A negative count.
    negative() {
        en: "is negative", fr: "est négatif",
    }
    /// The fix of a negative count.
    counts_not_negative() {
        en: "counts cannot be below 0: correct the value or leave the cell blank (0)",
        fr: "les nombres ne peuvent pas être sous 0 : corrigez la valeur ou laissez la cellule vide (0)",
    }
    /// Dates of a site too far apart.
    date_span(site: &str, span: i64, first: String, row: usize, last: String, max: i64) {
        en: "makes the dates of site {site} span {span} days, from {first} (row {row}) to {last}: more than wisn accepts for one site ({max} days)",
        fr: "fait couvrir aux dates du site {site} {span} jours, du {first} (ligne {row}) au {last} : plus que wisn n'accepte pour un site ({max} jours)",
    }
    /// The fix of a date span.
    check_first_last_year() {
        en: "check the year of the first and last dates of that site (2020, not 2200)",
        fr: "vérifiez l'année des premières et dernières dates de ce site (2020, pas 2200)",
    }
    /// Admissions of a severity without its stay.
    no_length_of_stay(severity: &str, french: &str) {
        en: "has {severity} admissions ({french}) but --length-of-stay gives no stay for {severity}",
        fr: "a des admissions {french} ({severity}) mais --length-of-stay ne donne pas de durée pour {severity}",
    }
    /// The fix of a missing stay.
    give_length_of_stay(severity: &str) {
        en: "give the length of stay in days of every severity admitted, e.g. --length-of-stay {severity}=10",
        fr: "donnez la durée de séjour en jours de chaque gravité admise, par ex. --length-of-stay {severity}=10",
    }
    /// A cadre with COVID-19 standards and no working time.
    no_working_time(cadre: &str) {
        en: "cadre \"{cadre}\" has COVID-19 standards but no working_time row",
        fr: "la catégorie \"{cadre}\" a des normes COVID-19 mais aucune ligne working_time",
    }
    /// The fix of no working time.
    add_working_time() {
        en: "add a working_time row for this cadre (days per week, hours per day, holidays and leave): its headcount is on_duty × 24 × 365 / AWT",
        fr: "ajoutez une ligne working_time pour cette catégorie (jours par semaine, heures par jour, fériés et congés) : son effectif est de_garde × 24 × 365 / TDT",
    }
    /// A near name for a cadre of covid_staff.
    did_you_mean_alias(name: &str, cadre: &str) {
        en: "did you mean \"{name}\"? add a cadre_aliases row: {cadre},{name}",
        fr: "vouliez-vous dire \"{name}\" ? ajouter une ligne cadre_aliases : {cadre},{name}",
    }
    /// The fix of staff without standards.
    add_covid_standards() {
        en: "add covid_standards rows for this cadre, or map the name to a cadre of covid_standards in cadre_aliases",
        fr: "ajoutez des lignes covid_standards pour cette catégorie, ou reliez le nom à une catégorie de covid_standards dans cadre_aliases",
    }
    /// Staff of a cadre without standards.
    staff_without_standards(cadre: &str, n: Dec) {
        en: "cadre \"{cadre}\" has COVID-19 staff ({n}) but no covid_standards: it is left out",
        fr: "la catégorie \"{cadre}\" a du personnel COVID-19 ({n}) mais pas de covid_standards : elle est laissée de côté",
    }
    /// Staff at a facility that is not a site.
    staff_not_at_a_site(facility: &str, n: Dec) {
        en: "facility \"{facility}\" has COVID-19 staff ({n}) but no census: it is not a treatment site here",
        fr: "la structure \"{facility}\" a du personnel COVID-19 ({n}) mais pas de recensement : ce n'est pas un site de traitement ici",
    }
    /// The fix of staff not at a site.
    add_census_rows() {
        en: "add its census rows, or correct its code in covid_staff",
        fr: "ajoutez ses lignes de recensement, ou corrigez son code dans covid_staff",
    }
    /// Facilities not in the facilities table.
    unlisted(n: usize, list: String) {
        en: "{n} facilities of the census, admissions or covid_staff are not in the facilities table (name, type, district and region unknown): {list}",
        fr: "{n} structures du recensement, des admissions ou de covid_staff ne sont pas dans la table facilities (nom, type, district et région inconnus) : {list}",
        one(n): en: "{n} facility of the census, admissions or covid_staff is not in the facilities table (name, type, district and region unknown): {list}",
        fr: "{n} structure du recensement, des admissions ou de covid_staff n'est pas dans la table facilities (nom, type, district et région inconnus) : {list}",
    }
    /// The fix of unlisted facilities.
    add_to_facilities() {
        en: "add them to the facilities table, or correct their codes",
        fr: "ajoutez-les à la table facilities, ou corrigez leurs codes",
    }
    /// The dates of the census.
    census_span(n: usize, first: String, last: String) {
        en: "census of {n} sites from {first} to {last}", fr: "recensement de {n} sites du {first} au {last}",
        one(n): en: "census of {n} site from {first} to {last}", fr: "recensement de {n} site du {first} au {last}",
    }
    /// DateProblem::NotADate.
    not_a_date() {
        en: "is not a date", fr: "n'est pas une date",
    }
    /// DateProblem::NoSuchDay.
    no_such_day() {
        en: "is not a day of the calendar", fr: "n'est pas un jour du calendrier",
    }
    /// DateProblem::Number.
    number_not_date() {
        en: "is a number, not a date", fr: "est un nombre, pas une date",
    }
    /// The fix of a bad date.
    write_date() {
        en: "write the date as 2020-06-01 or 01/06/2020 (day/month/year), or an ISO week as 2020W23",
        fr: "écrivez la date sous la forme 2020-06-01 ou 01/06/2020 (jour/mois/année), ou une semaine ISO sous la forme 2020W23",
    }
    /// The fix of a number for a date.
    format_as_dates() {
        en: "format the column as dates in the workbook, or type the date as 2020-06-01",
        fr: "mettez la colonne au format date dans le classeur, ou saisissez la date sous la forme 2020-06-01",
    }
    /// A cadre without working time at a site's type.
    no_working_time_at_site(cadre: &str, site: &str, facility_type: &str) {
        en: "cadre \"{cadre}\" has no working_time row for site {site} (type \"{facility_type}\") and none with a blank type",
        fr: "la catégorie \"{cadre}\" n'a pas de ligne working_time pour le site {site} (type \"{facility_type}\") ni sans type",
    }
    /// Results beyond f64 (`on` is ` on 2020-06-01` or nothing).
    too_large(site: &crate::diag::Msg, cadre: &str, on: &crate::diag::Msg) {
        en: "the results of {site} for cadre \"{cadre}\"{on} are larger than a number can hold",
        fr: "les résultats de {site} pour la catégorie \"{cadre}\"{on} dépassent ce qu'un nombre peut contenir",
    }
    /// The group of rows without a site.
    a_group() {
        en: "a group", fr: "un groupe",
    }
    /// The date of a result.
    on_date(date: String) {
        en: " on {date}", fr: " le {date}",
    }
    /// The fix of results beyond f64.
    check_census_counts() {
        en: "check the census (or admissions) counts of that site and date, and --scale-census: one is far too large",
        fr: "vérifiez les nombres du recensement (ou des admissions) de ce site et de cette date, et --scale-census : l'un est beaucoup trop grand",
    }
}
