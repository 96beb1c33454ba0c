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
}
