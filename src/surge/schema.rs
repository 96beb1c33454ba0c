//! The tables of `wisn surge` (study-format §5), with their French names, in the style of
//! [`crate::study::schema`]. Every name here is normalised. Aliases beyond the spec are listed in
//! docs/surge.md.

use crate::study::schema::{
    Column, TableDef, CADRE, CADRE_ALIASES, FACILITIES, FACILITY_ID, STAFF, WORKING_TIME,
};

const SEVERITY: Column = Column {
    name: "severity",
    aliases: &[
        "severite",
        "gravite",
        "niveau_de_gravite",
        "forme",
        "forme_clinique",
        "classification",
    ],
};

const DATE: Column = Column {
    name: "date",
    aliases: &[
        "jour",
        "date_du_jour",
        "day",
        "semaine",
        "week",
        "periode",
        "period",
        "date_d_admission",
        "date_admission",
    ],
};

pub const COVID_STANDARDS: TableDef = TableDef {
    name: "covid_standards",
    aliases: &["normes_covid", "normes_covid_19", "covid_19_standards"],
    columns: &[
        CADRE,
        SEVERITY,
        Column {
            name: "patients_per_staff",
            aliases: &[
                "patients_par_agent",
                "patients_par_personnel",
                "patients_par_soignant",
                "ratio_patients",
                "patients_par_garde",
            ],
        },
        Column {
            name: "hours_per_patient_day",
            aliases: &[
                "heures_par_patient_jour",
                "heures_par_patient_par_jour",
                "heures_patient_jour",
                "hours_per_patient_per_day",
            ],
        },
        Column {
            name: "min_on_duty",
            aliases: &[
                "minimum_de_garde",
                "minimum_en_service",
                "min_de_garde",
                "effectif_minimum",
                "minimum_on_duty",
            ],
        },
    ],
};

pub const CENSUS: TableDef = TableDef {
    name: "census",
    aliases: &["occupation", "recensement", "patients_hospitalises"],
    columns: &[
        DATE,
        FACILITY_ID,
        SEVERITY,
        Column {
            name: "patients",
            aliases: &[
                "nombre_de_patients",
                "nombre_patients",
                "nb_patients",
                "patients_hospitalises",
                "hospitalises",
                "malades",
                "lits_occupes",
                "nombre",
                "count",
            ],
        },
    ],
};

pub const ADMISSIONS: TableDef = TableDef {
    name: "admissions",
    aliases: &["entrees", "nouvelles_admissions"],
    columns: &[
        DATE,
        FACILITY_ID,
        SEVERITY,
        Column {
            name: "admitted",
            aliases: &[
                "admis",
                "admissions",
                "nombre_admis",
                "nb_admis",
                "nouvelles_admissions",
                "entrees",
                "nombre",
                "count",
            ],
        },
    ],
};

/// Staff assigned to COVID-19 care: the columns of `staff`.
pub const COVID_STAFF: TableDef = TableDef {
    name: "covid_staff",
    aliases: &[
        "effectifs_covid",
        "effectifs_covid_19",
        "personnel_covid",
        "staff_covid",
    ],
    columns: STAFF.columns,
};

/// The tables `wisn surge` reads.
pub const SURGE_TABLES: &[TableDef] = &[
    FACILITIES,
    WORKING_TIME,
    CADRE_ALIASES,
    COVID_STANDARDS,
    CENSUS,
    ADMISSIONS,
    COVID_STAFF,
];

/// Identity columns a wide census may carry that are not severities.
pub const WIDE_CENSUS_IGNORED: &[&str] = &[
    "facility_name",
    "name",
    "nom",
    "nom_structure",
    "nom_du_site",
    "libelle",
    "facility_type",
    "type",
    "district",
    "district_sanitaire",
    "cercle",
    "region",
    "region_sanitaire",
    "total",
    "n",
    "no",
    "numero",
    "id",
    "remarque",
    "remarques",
    "commentaire",
    "comment",
    "observations",
];
