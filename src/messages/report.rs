//! Messages of the reports (src/report/**): DHIS2 exports and the like.

crate::catalogue! {
    /// DHIS2 formats without --period.
    dhis2_needs_period() {
        en: "--format dhis2-csv and dhis2-json need --period, the DHIS2 period the values are for (e.g. --period 2023, --period 2023Q4, --period 202312)",
        fr: "--format dhis2-csv et dhis2-json demandent --period, la période DHIS2 des valeurs (par ex. --period 2023, --period 2023Q4, --period 202312)",
    }
    /// --period that DHIS2 does not know.
    not_a_dhis2_period(p: &str) {
        en: "--period {p}: not a DHIS2 period (write 2023 for a year, 2023Q4 for a quarter, 202312 for a month)",
        fr: "--period {p} : pas une période DHIS2 (écrire 2023 pour une année, 2023Q4 pour un trimestre, 202312 pour un mois)",
    }
    /// DHIS2 export without its table.
    no_dhis2_export() {
        en: "the study has no dhis2_export table, which says which result goes to which DHIS2 data element (fix: add dhis2_export.csv with the columns indicator, cadre, data_element, category_option_combo, or give --dhis2-export FILE; see docs/dhis2.md)",
        fr: "l'étude n'a pas de table dhis2_export, qui dit quel résultat va à quel élément de données DHIS2 (correction : ajoutez dhis2_export.csv avec les colonnes indicator, cadre, data_element, category_option_combo, ou donnez --dhis2-export FICHIER ; voir docs/dhis2.md)",
    }
    /// DHIS2 writer called without --period (checked before; kept for the library).
    dhis2_period_missing() {
        en: "--format dhis2-csv|dhis2-json needs --period", fr: "--format dhis2-csv|dhis2-json demande --period",
    }
}
