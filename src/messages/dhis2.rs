//! Messages of the DHIS2 and iHRIS readers (src/study/dhis2/, dhis2.rs, orgunits.rs, ihris.rs).

use crate::diag::Msg;

crate::catalogue! {
    // ---- org units (orgunits.rs) ----
    ancestor_of(id: &str, facility: &str) { en: "{id} (of {facility})", fr: "{id} (de {facility})" }
    orgunit_not_found(n: usize, list: &str) {
        en: "{n} facilities with a blank district or region are not in the org-unit export (looked up by orgunit, else facility_id): {list}",
        fr: "{n} structures au district ou à la région vides ne sont pas dans l'export des unités d'organisation (cherchées par orgunit, sinon facility_id) : {list}",
        one(n): en: "{n} facility with a blank district or region is not in the org-unit export (looked up by orgunit, else facility_id): {list}",
        fr: "{n} structure au district ou à la région vides n'est pas dans l'export des unités d'organisation (cherchée par orgunit, sinon facility_id) : {list}",
    }
    orgunit_not_found_hint() {
        en: "add the DHIS2 UID of each facility in an orgunit column of the facilities table, or fill in district and region",
        fr: "ajoutez l'UID DHIS2 de chaque structure dans une colonne orgunit de la table facilities, ou remplissez district et région",
    }
    ancestor_missing(list: &Msg) {
        en: "the paths name org units that the export does not hold, so their names are unknown: {list}",
        fr: "les chemins nomment des unités d'organisation absentes de l'export, dont les noms sont donc inconnus : {list}",
    }
    ancestor_missing_hint() {
        en: "export every level of the hierarchy (country, regions, districts, facilities)",
        fr: "exportez tous les niveaux de la hiérarchie (pays, régions, districts, structures)",
    }
    facilities_from_orgunits(n: usize, list: &str, more: &Msg) {
        en: "{n} facilities are not in the facilities table and were taken from the org-unit export (name, district and region known, type unknown): {list}{more}",
        fr: "{n} structures ne sont pas dans la table facilities et ont été prises de l'export des unités d'organisation (nom, district et région connus, type inconnu) : {list}{more}",
        one(n): en: "{n} facility is not in the facilities table and was taken from the org-unit export (name, district and region known, type unknown): {list}{more}",
        fr: "{n} structure n'est pas dans la table facilities et a été prise de l'export des unités d'organisation (nom, district et région connus, type inconnu) : {list}{more}",
    }
    facilities_from_orgunits_hint() {
        en: "add them to the facilities table with their type, so that type-specific standards apply",
        fr: "ajoutez-les à la table facilities avec leur type, pour que les normes propres au type s'appliquent",
    }
    orgunits_no_name() {
        en: "has no `name` (or `displayName`) column: the district and region names come from it",
        fr: "n'a pas de colonne `name` (ou `displayName`) : les noms de district et de région en viennent",
    }
    orgunits_fields_hint() {
        en: "export the org units with fields id,name,level,path",
        fr: "exportez les unités d'organisation avec les champs id,name,level,path",
    }
    path_not_own_id() {
        en: "does not end with the org unit's own id",
        fr: "ne se termine pas par l'id de l'unité d'organisation elle-même",
    }
    path_hint() {
        en: "give DHIS2's path, /uidCountry/uidRegion/uidDistrict/uidFacility",
        fr: "donnez le chemin de DHIS2, /uidCountry/uidRegion/uidDistrict/uidFacility",
    }
    level_mismatch(levels: usize) {
        en: "does not match the path, which has {levels} levels: the path is used",
        fr: "ne correspond pas au chemin, qui a {levels} niveaux : le chemin est utilisé",
        one(levels): en: "does not match the path, which has {levels} levels: the path is used",
        fr: "ne correspond pas au chemin, qui a {levels} niveau : le chemin est utilisé",
    }
    orgunits_no_header() {
        en: "has no header row with the columns id and path of a DHIS2 org-unit export",
        fr: "n'a pas de ligne d'en-tête avec les colonnes id et path d'un export DHIS2 des unités d'organisation",
    }
    orgunits_no_header_hint() {
        en: "export the org units from DHIS2 with fields id,name,level,path (e.g. /api/organisationUnits.csv?fields=id,name,level,path&paging=false)",
        fr: "exportez les unités d'organisation depuis DHIS2 avec les champs id,name,level,path (p. ex. /api/organisationUnits.csv?fields=id,name,level,path&paging=false)",
    }
    orgunits_utf8_json_hint() {
        en: "check that the file is a UTF-8 JSON file",
        fr: "vérifiez que le fichier est un fichier JSON en UTF-8",
    }
    orgunits_too_large() {
        en: "is larger than 256 MiB, the largest org-unit JSON export wisn reads",
        fr: "dépasse 256 Mio, le plus grand export JSON d'unités d'organisation que wisn lit",
    }
    orgunits_too_large_hint() {
        en: "export the org units of the country only (fields id, name, level, parent), or as CSV",
        fr: "exportez seulement les unités d'organisation du pays (champs id, name, level, parent), ou en CSV",
    }
    not_json(error: &str) {
        en: "is not readable as JSON: {error}",
        fr: "n'est pas lisible comme du JSON : {error}",
    }
    orgunits_export_again_hint() {
        en: "export the org units again from DHIS2",
        fr: "exportez à nouveau les unités d'organisation depuis DHIS2",
    }
    no_orgunits_array() {
        en: "holds no organisationUnits array",
        fr: "ne contient pas de tableau organisationUnits",
    }
    no_orgunits_array_hint() {
        en: "export /api/organisationUnits.json?fields=id,name,level,path&paging=false",
        fr: "exportez /api/organisationUnits.json?fields=id,name,level,path&paging=false",
    }
    no_id_or_path() { en: "has no id or no path", fr: "n'a pas d'id ou pas de chemin (path)" }

    // ---- iHRIS statuses (ihris.rs) ----
    status_rows(status: &str, rows: usize) {
        en: "\"{status}\" ({rows} rows)",
        fr: "\"{status}\" ({rows} lignes)",
        one(rows): en: "\"{status}\" ({rows} row)",
        fr: "\"{status}\" ({rows} ligne)",
    }
    status_looks_like(status: &str, active: &str) {
        en: "\"{status}\" looks like \"{active}\"",
        fr: "\"{status}\" ressemble à \"{active}\"",
    }
    unknown_status_hint() {
        en: "if one of them means in post, add it to --active-status (e.g. --active-status \"en poste,actif,active,STATUS\")",
        fr: "si l'un d'eux signifie en poste, ajoutez-le à --active-status (p. ex. --active-status \"en poste,actif,active,STATUT\")",
    }
    unknown_status_guess_hint(suggestions: &Msg) {
        en: "{suggestions}: correct it in iHRIS, or add it to --active-status if it means in post",
        fr: "{suggestions} : corrigez-le dans iHRIS, ou ajoutez-le à --active-status s'il signifie en poste",
    }
    unknown_statuses(list: &Msg) {
        en: "staff statuses never seen before, so not counted as in post: {list}",
        fr: "statuts d'agents jamais vus auparavant, donc non comptés comme en poste : {list}",
    }

    // ---- DHIS2 values (dhis2/aggregate.rs) ----
    n_values(n: u64) {
        en: "{n} values", fr: "{n} valeurs",
        one(n): en: "{n} value", fr: "{n} valeur",
    }
    n_data_elements(n: u64) {
        en: "{n} data elements", fr: "{n} éléments de données",
        one(n): en: "{n} data element", fr: "{n} élément de données",
    }
    n_orgunits(n: u64) {
        en: "{n} org units", fr: "{n} unités d'organisation",
        one(n): en: "{n} org unit", fr: "{n} unité d'organisation",
    }
    n_mapped_values(n: u64) {
        en: "{n} mapped values", fr: "{n} valeurs rattachées",
        one(n): en: "{n} mapped value", fr: "{n} valeur rattachée",
    }
    n_mapping_rows(n: u64) {
        en: "{n} dhis2_mapping rows", fr: "{n} lignes de dhis2_mapping",
        one(n): en: "{n} dhis2_mapping row", fr: "{n} ligne de dhis2_mapping",
    }
    n_values_paren(id: &str, n: u64) {
        en: "{id} ({n} values)", fr: "{id} ({n} valeurs)",
        one(n): en: "{id} ({n} values)", fr: "{id} ({n} valeur)",
    }
    blank_combo() { en: "(blank)", fr: "(vide)" }
    list_and_more(list: &str, more: usize) {
        en: "{list} and {more} more",
        fr: "{list} et {more} de plus",
    }
    dhis2_blank_period() {
        en: "is blank: every DHIS2 value needs its period",
        fr: "est vide : chaque valeur DHIS2 doit avoir sa période",
    }
    dhis2_blank_period_hint() {
        en: "export the data again from DHIS2, or fill in the period (202301, 2023Q1, 2023)",
        fr: "exportez à nouveau les données depuis DHIS2, ou remplissez la période (202301, 2023Q1, 2023)",
    }
    dhis2_bad_period() { en: "is not a DHIS2 period", fr: "n'est pas une période DHIS2" }
    dhis2_bad_period_hint() {
        en: "DHIS2 periods are written 2023 (year), 202301 (month), 2023Q1 (quarter), 2023W5 (week)",
        fr: "les périodes DHIS2 s'écrivent 2023 (année), 202301 (mois), 2023Q1 (trimestre), 2023W5 (semaine)",
    }
    dhis2_number_hint() {
        en: "a mapped data element must hold numbers: check the data element of this row in dhis2_mapping",
        fr: "un élément de données rattaché doit contenir des nombres : vérifiez l'élément de données de cette ligne dans dhis2_mapping",
    }
    dhis2_correct_in_dhis2() { en: "correct the value in DHIS2", fr: "corrigez la valeur dans DHIS2" }
    dhis2_negative_hint() {
        en: "volumes count activities done: correct the value in DHIS2",
        fr: "les volumes comptent les activités faites : corrigez la valeur dans DHIS2",
    }
    dhis2_blank_orgunit() {
        en: "is blank: every DHIS2 value needs its org unit",
        fr: "est vide : chaque valeur DHIS2 doit avoir son unité d'organisation",
    }
    dhis2_export_again() { en: "export the data again from DHIS2", fr: "exportez à nouveau les données depuis DHIS2" }
    dhis2_duplicate(data_element: &str, period: &str, orgunit: &str, coc: &Msg) {
        en: "repeats a value already given earlier in the export (data element {data_element}, period {period}, org unit {orgunit}, category option combo {coc}): a DHIS2 export never holds the same value twice",
        fr: "répète une valeur déjà donnée plus haut dans l'export (élément de données {data_element}, période {period}, unité d'organisation {orgunit}, combinaison d'options de catégorie {coc}) : un export DHIS2 ne contient jamais deux fois la même valeur",
    }
    dhis2_duplicate_hint() {
        en: "the file was probably joined from two exports that overlap: export the period once from DHIS2, or remove the repeated lines",
        fr: "le fichier a probablement été assemblé à partir de deux exports qui se chevauchent : exportez la période une seule fois depuis DHIS2, ou retirez les lignes répétées",
    }
    dhis2_periods_not_monthly() {
        en: "workload periods are not all months: completeness is not computed",
        fr: "les périodes de la charge de travail ne sont pas toutes des mois : la complétude n'est pas calculée",
    }
    dhis2_unmapped(n: u64, values: &Msg, elements: &Msg, list: &Msg) {
        en: "{values} of {elements} that dhis2_mapping does not name were ignored: {list}",
        fr: "{values} de {elements} que dhis2_mapping ne nomme pas ont été ignorées : {list}",
        one(n): en: "{values} of {elements} that dhis2_mapping does not name were ignored: {list}",
        fr: "{values} de {elements} que dhis2_mapping ne nomme pas a été ignorée : {list}",
    }
    dhis2_unmapped_hint() {
        en: "add a dhis2_mapping row for each data element that feeds an activity; the others are rightly ignored",
        fr: "ajoutez une ligne dhis2_mapping pour chaque élément de données qui alimente une activité ; les autres sont ignorés à juste titre",
    }
    dhis2_unmapped_combo(n: u64, values: &Msg, list: &Msg) {
        en: "{values} of mapped data elements were ignored because dhis2_mapping names other category option combos: {list}",
        fr: "{values} d'éléments de données rattachés ont été ignorées car dhis2_mapping nomme d'autres combinaisons d'options de catégorie : {list}",
        one(n): en: "{values} of mapped data elements were ignored because dhis2_mapping names other category option combos: {list}",
        fr: "{values} d'éléments de données rattachés a été ignorée car dhis2_mapping nomme d'autres combinaisons d'options de catégorie : {list}",
    }
    dhis2_unmapped_combo_hint() {
        en: "add a row for those combos, or a row with a blank category_option_combo to take every combo",
        fr: "ajoutez une ligne pour ces combinaisons, ou une ligne avec category_option_combo vide pour les prendre toutes",
    }
    dhis2_orgunit_unmatched(n: u64, orgunits: &Msg, list: &Msg) {
        en: "{orgunits} match no facility (neither a facilities.orgunit nor a facility_id): {list}; they are computed as facilities of unknown type, district and region",
        fr: "{orgunits} ne correspondent à aucune structure (ni un facilities.orgunit ni un facility_id) : {list} ; elles sont calculées comme des structures de type, district et région inconnus",
        one(n): en: "{orgunits} match no facility (neither a facilities.orgunit nor a facility_id): {list}; they are computed as facilities of unknown type, district and region",
        fr: "{orgunits} ne correspond à aucune structure (ni un facilities.orgunit ni un facility_id) : {list} ; elle est calculée comme une structure de type, district et région inconnus",
    }
    dhis2_orgunit_unmatched_hint() {
        en: "add an orgunit column to the facilities table with each facility's DHIS2 UID, or give --orgunits with DHIS2's org-unit export",
        fr: "ajoutez une colonne orgunit à la table facilities avec l'UID DHIS2 de chaque structure, ou donnez --orgunits avec l'export des unités d'organisation de DHIS2",
    }
    dhis2_outside_year(n: u64, values: &Msg, year: i32, list: &Msg) {
        en: "{values} of periods outside {year} were left out ({list})",
        fr: "{values} de périodes hors de {year} ont été laissées de côté ({list})",
        one(n): en: "{values} of periods outside {year} were left out ({list})",
        fr: "{values} d'une période hors de {year} a été laissée de côté ({list})",
    }
    dhis2_values_of(list: &Msg) {
        en: ": its values are of {list}",
        fr: " : ses valeurs sont de {list}",
    }
    dhis2_year_empty(year: i32, held: &Msg) {
        en: "holds no mapped value of --year {year}{held}",
        fr: "ne contient aucune valeur rattachée de --year {year}{held}",
    }
    dhis2_year_empty_hint() {
        en: "give --year with a year the export holds, or export that year from DHIS2",
        fr: "donnez --year avec une année que l'export contient, ou exportez cette année depuis DHIS2",
    }
    dhis2_several_years(list: &Msg) {
        en: "holds values of several years ({list}): their volumes are summed",
        fr: "contient des valeurs de plusieurs années ({list}) : leurs volumes sont additionnés",
    }
    dhis2_several_years_hint() {
        en: "give --year 2023 to keep one year",
        fr: "donnez --year 2023 pour garder une seule année",
    }
    dhis2_deleted(n: u64, values: &Msg) {
        en: "{values} marked deleted were skipped",
        fr: "{values} marquées supprimées ont été ignorées",
        one(n): en: "{values} marked deleted was skipped",
        fr: "{values} marquée supprimée a été ignorée",
    }
    dhis2_blank_values(n: u64, values: &Msg) {
        en: "{values} of mapped data elements are blank (not reported)",
        fr: "{values} d'éléments de données rattachés sont vides (non rapportées)",
        one(n): en: "{values} of mapped data elements is blank (not reported)",
        fr: "{values} d'éléments de données rattachés est vide (non rapportée)",
    }
    mapping_row_of(data_element: &str, row: usize) {
        en: "{data_element} (row {row})",
        fr: "{data_element} (ligne {row})",
    }
    mapping_row_of_combo(data_element: &str, coc: &str, row: usize) {
        en: "{data_element} × {coc} (row {row})",
        fr: "{data_element} × {coc} (ligne {row})",
    }
    dhis2_mapping_unused(n: u64, rows: &Msg, list: &Msg) {
        en: "{rows} matched no value of the export: {list}",
        fr: "{rows} ne correspondent à aucune valeur de l'export : {list}",
        one(n): en: "{rows} matched no value of the export: {list}",
        fr: "{rows} ne correspond à aucune valeur de l'export : {list}",
    }
    dhis2_mapping_unused_hint() {
        en: "check the UID (or code, or name) against the export; the export may use another id scheme",
        fr: "comparez l'UID (ou le code, ou le nom) à l'export ; l'export utilise peut-être un autre schéma d'identifiants",
    }

    // ---- the mapping, the export shapes (dhis2/mapping.rs, read.rs, json.rs, header.rs) ----
    mapping_blank_data_element() {
        en: "is blank: every mapping row needs the DHIS2 data element (UID, code or name)",
        fr: "est vide : chaque ligne de correspondance doit avoir l'élément de données DHIS2 (UID, code ou nom)",
    }
    mapping_blank_data_element_hint() {
        en: "fill in the data element or delete the row",
        fr: "remplissez l'élément de données ou supprimez la ligne",
    }
    mapping_blank_activity() {
        en: "is blank: every mapping row needs the activity the data element feeds",
        fr: "est vide : chaque ligne de correspondance doit avoir l'activité que l'élément de données alimente",
    }
    mapping_blank_activity_hint() {
        en: "write the activity as in the standards table, or delete the row",
        fr: "écrivez l'activité comme dans la table standards, ou supprimez la ligne",
    }
    mapped_twice_same_combo(first: usize) {
        en: "is mapped twice with the same category option combo (first on row {first})",
        fr: "est rattaché deux fois avec la même combinaison d'options de catégorie (d'abord à la ligne {first})",
    }
    mapped_twice_no_combo(first: usize) {
        en: "is mapped twice without a category option combo (first on row {first})",
        fr: "est rattaché deux fois sans combinaison d'options de catégorie (d'abord à la ligne {first})",
    }
    mapped_twice_hint() {
        en: "keep one row per data element and category option combo",
        fr: "gardez une ligne par élément de données et combinaison d'options de catégorie",
    }
    shape_data_value_sets_csv() {
        en: "a DHIS2 dataValueSets CSV export",
        fr: "un export CSV dataValueSets de DHIS2",
    }
    shape_analytics_csv() {
        en: "a DHIS2 analytics CSV export",
        fr: "un export CSV analytics de DHIS2",
    }
    shape_data_value_sets_json() {
        en: "a DHIS2 dataValueSets JSON export",
        fr: "un export JSON dataValueSets de DHIS2",
    }
    mapping_needed(what: &Msg) {
        en: "is {what}: it needs a dhis2_mapping table saying which data element feeds which activity",
        fr: "est {what} : il faut une table dhis2_mapping disant quel élément de données alimente quelle activité",
    }
    mapping_needed_hint() {
        en: "add dhis2_mapping.csv with the columns data_element, category_option_combo (optional), activity (see docs/dhis2.md)",
        fr: "ajoutez dhis2_mapping.csv avec les colonnes data_element, category_option_combo (facultative), activity (voir docs/dhis2.md)",
    }
    not_dhis2_json(error: &str) {
        en: "is not readable as DHIS2 JSON: {error}",
        fr: "n'est pas lisible comme du JSON DHIS2 : {error}",
    }
    not_dhis2_json_hint() {
        en: "export the data again from DHIS2 (dataValueSets JSON), or give the CSV export",
        fr: "exportez à nouveau les données depuis DHIS2 (JSON dataValueSets), ou donnez l'export CSV",
    }

    // ---- checks after reading (dhis2/checks.rs) ----
    duplicate_orgunit(orgunit: &str, first: &str, second: &str) {
        en: "orgunit {orgunit} is given to two facilities, {first} and {second}",
        fr: "l'orgunit {orgunit} est donné à deux structures, {first} et {second}",
    }
    duplicate_orgunit_hint() {
        en: "each facility has its own DHIS2 org unit: correct the orgunit column of the facilities table",
        fr: "chaque structure a sa propre unité d'organisation DHIS2 : corrigez la colonne orgunit de la table facilities",
    }
    mapping_not_used() {
        en: "is not used: the workload table is not a DHIS2 export",
        fr: "n'est pas utilisé : la table workload n'est pas un export DHIS2",
    }
    export_no_orgunit(n: usize, list: &Msg) {
        en: "{n} facilities have no orgunit: --format dhis2-csv|dhis2-json writes their facility_id as the org unit ({list})",
        fr: "{n} structures n'ont pas d'orgunit : --format dhis2-csv|dhis2-json écrit leur facility_id comme unité d'organisation ({list})",
        one(n): en: "{n} facility has no orgunit: --format dhis2-csv|dhis2-json writes its facility_id as the org unit ({list})",
        fr: "{n} structure n'a pas d'orgunit : --format dhis2-csv|dhis2-json écrit son facility_id comme unité d'organisation ({list})",
    }
    export_no_orgunit_hint() {
        en: "add an orgunit column (DHIS2 UID) to the facilities table, or import with orgUnitIdScheme=CODE if the facility_id is the org unit's code",
        fr: "ajoutez une colonne orgunit (UID DHIS2) à la table facilities, ou importez avec orgUnitIdScheme=CODE si le facility_id est le code de l'unité d'organisation",
    }

    // ---- results sent to DHIS2 (dhis2/export.rs) ----
    export_blank() {
        en: "is blank: every dhis2_export row needs an indicator, a cadre and a data element",
        fr: "est vide : chaque ligne dhis2_export doit avoir un indicateur, une catégorie et un élément de données",
    }
    unknown_indicator() {
        en: "is not a result wisn can send to DHIS2",
        fr: "n'est pas un résultat que wisn peut envoyer à DHIS2",
    }
    unknown_indicator_hint() {
        en: "write one of required_staff, current_staff, difference, wisn_ratio, workload_pressure_pct, required_rounded",
        fr: "écrivez l'un de required_staff, current_staff, difference, wisn_ratio, workload_pressure_pct, required_rounded",
    }
    export_cadre_guess(name: &str) {
        en: "did you mean \"{name}\"? write the cadre as in the standards table",
        fr: "vouliez-vous dire \"{name}\" ? écrivez la catégorie comme dans la table standards",
    }
    export_cadre_hint() {
        en: "write a cadre of the standards table (or an alias of cadre_aliases)",
        fr: "écrivez une catégorie de la table standards (ou un alias de cadre_aliases)",
    }
    export_cadre_unknown() {
        en: "is not a cadre with standards: nothing is sent to DHIS2 for this row",
        fr: "n'est pas une catégorie avec des normes : rien n'est envoyé à DHIS2 pour cette ligne",
    }
    indicator_of(indicator: &str, cadre: &str) {
        en: "{indicator} of {cadre}",
        fr: "{indicator} de {cadre}",
    }
    duplicate_export(what: &Msg, first: usize) {
        en: "already receives {what} (row {first}): DHIS2 would keep only one of the two values",
        fr: "reçoit déjà {what} (ligne {first}) : DHIS2 ne garderait qu'une des deux valeurs",
    }
    duplicate_export_hint() {
        en: "give each indicator and cadre its own data element (or category option combo)",
        fr: "donnez à chaque indicateur et catégorie son propre élément de données (ou combinaison d'options de catégorie)",
    }
    dhis2_json_read_hint() {
        en: "check that the file is a complete DHIS2 JSON export",
        fr: "vérifiez que le fichier est un export JSON DHIS2 complet",
    }
}
