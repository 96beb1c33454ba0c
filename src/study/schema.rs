//! The tables and columns of a study, with their French aliases (docs/study-format.md §1–2, which
//! lists every one: tests/docs.rs checks it). Every name here is already normalised (see
//! [`crate::names::normalise`]).

/// A column of a table: its canonical name and the other names it goes by.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
}

impl Column {
    pub fn matches(&self, normalised: &str) -> bool {
        self.name == normalised || self.aliases.contains(&normalised)
    }
}

/// A table of a study: canonical name and aliases (for file stems and sheet names).
#[derive(Debug, Clone, Copy)]
pub struct TableDef {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub columns: &'static [Column],
}

impl TableDef {
    pub fn matches(&self, normalised: &str) -> bool {
        self.name == normalised || self.aliases.contains(&normalised)
    }
    pub fn column(&self, name: &str) -> &'static Column {
        self.columns
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("schema has no column {name} in {}", self.name))
    }
}

pub const FACILITY_ID: Column = Column {
    name: "facility_id",
    aliases: &[
        "facility",
        "facility_code",
        "code",
        "structure",
        "code_structure",
        "fosa",
        "id_structure",
        "code_fosa",
        "code_formation_sanitaire",
        "formation_sanitaire",
        "etablissement",
        "site",
        "code_site",
        "site_id",
    ],
};
pub const CADRE: Column = Column {
    name: "cadre",
    aliases: &[
        "categorie",
        "categorie_professionnelle",
        "profession",
        "emploi",
        "staff_category",
        "categorie_socio_professionnelle",
        "corps",
        "qualification",
    ],
};
const FACILITY_TYPE: Column = Column {
    name: "facility_type",
    aliases: &[
        "type",
        "type_structure",
        "niveau",
        "type_de_structure",
        "type_fosa",
        "categorie_structure",
    ],
};

pub const FACILITIES: TableDef = TableDef {
    name: "facilities",
    aliases: &[
        "structures",
        "formations_sanitaires",
        "etablissements",
        "fosa",
        "sites",
    ],
    columns: &[
        FACILITY_ID,
        Column {
            name: "facility_name",
            aliases: &[
                "name",
                "nom",
                "nom_structure",
                "libelle",
                "nom_de_la_structure",
                "nom_fosa",
                "designation",
            ],
        },
        FACILITY_TYPE,
        Column {
            name: "district",
            aliases: &["district_sanitaire", "cercle", "ds"],
        },
        Column {
            name: "region",
            aliases: &["region_sanitaire", "drs"],
        },
        Column {
            name: "orgunit",
            aliases: &[
                "org_unit",
                "dhis2_uid",
                "uid",
                "orgunit_uid",
                "unite_d_organisation",
            ],
        },
    ],
};

pub const WORKING_TIME: TableDef = TableDef {
    name: "working_time",
    aliases: &[
        "temps_de_travail",
        "ttd",
        "temps_de_travail_disponible",
        "awt",
        "available_working_time",
    ],
    columns: &[
        CADRE,
        FACILITY_TYPE,
        Column {
            name: "days_per_week",
            aliases: &["jours_par_semaine", "jours_semaine"],
        },
        Column {
            name: "hours_per_day",
            aliases: &["heures_par_jour", "heures_jour"],
        },
        Column {
            name: "public_holidays",
            aliases: &["jours_feries", "feries"],
        },
        Column {
            name: "annual_leave",
            aliases: &["conges_annuels", "conge_annuel", "conges"],
        },
        Column {
            name: "sick_leave",
            aliases: &[
                "conges_maladie",
                "absences_maladie",
                "conge_maladie",
                "maladie",
            ],
        },
        Column {
            name: "other_leave",
            aliases: &[
                "autres_absences",
                "formation",
                "autres_conges",
                "other_absences",
            ],
        },
    ],
};

pub const STANDARDS: TableDef = TableDef {
    name: "standards",
    aliases: &[
        "normes",
        "normes_d_activite",
        "normes_activite",
        "activity_standards",
    ],
    columns: &[
        CADRE,
        FACILITY_TYPE,
        Column {
            name: "component",
            aliases: &[
                "composante",
                "type_activite",
                "type_d_activite",
                "composant",
            ],
        },
        Column {
            name: "activity",
            aliases: &["activite", "activites"],
        },
        Column {
            name: "standard",
            aliases: &["norme", "valeur", "value", "standard_d_activite"],
        },
        Column {
            name: "unit",
            aliases: &["unite", "unites", "units"],
        },
        Column {
            name: "staff",
            aliases: &["nombre_agents", "nb_agents", "agents", "nombre_d_agents"],
        },
        Column {
            name: "standard_low",
            aliases: &["norme_basse", "norme_min", "standard_min", "low"],
        },
        Column {
            name: "standard_high",
            aliases: &["norme_haute", "norme_max", "standard_max", "high"],
        },
    ],
};

pub const WORKLOAD: TableDef = TableDef {
    name: "workload",
    aliases: &[
        "charge_de_travail",
        "activites",
        "statistiques",
        "statistiques_de_service",
        "service_statistics",
        "datavaluesets",
        "data_value_sets",
    ],
    columns: &[
        FACILITY_ID,
        Column {
            name: "activity",
            aliases: &[
                "activite",
                "data_element",
                "dataelement",
                "element_de_donnee",
            ],
        },
        Column {
            name: "volume",
            aliases: &["value", "valeur", "nombre", "total", "quantite"],
        },
        Column {
            name: "period",
            aliases: &["periode", "mois", "annee", "period_id", "pe"],
        },
    ],
};

/// Identity columns a wide workload sheet may carry that are not activities.
pub const WIDE_WORKLOAD_IGNORED: &[&str] = &[
    "example",
    "exemple",
    "facility_name",
    "name",
    "nom",
    "nom_structure",
    "libelle",
    "nom_de_la_structure",
    "facility_type",
    "type",
    "type_structure",
    "niveau",
    "district",
    "district_sanitaire",
    "cercle",
    "region",
    "region_sanitaire",
    "orgunit",
    "org_unit",
    "n",
    "no",
    "numero",
    "id",
    "ordre",
];

pub const STAFF: TableDef = TableDef {
    name: "staff",
    aliases: &[
        "effectifs",
        "personnel",
        "effectif",
        "staffing",
        "current_staff",
    ],
    columns: &[
        FACILITY_ID,
        CADRE,
        Column {
            name: "count",
            aliases: &[
                "effectif",
                "nombre",
                "fte",
                "etp",
                "effectifs",
                "nb",
                "nombre_d_agents",
                "nombre_agents",
                "nb_agents",
                "agents_en_poste",
                "effectif_en_poste",
            ],
        },
        Column {
            name: "status",
            aliases: &["statut", "statut_du_poste", "position_status"],
        },
        Column {
            name: "job",
            aliases: &["fonction", "poste", "job_title"],
        },
    ],
};

/// Headers of the column that marks the template's example rows: a row with anything in it is
/// left out, with a warning naming it.
pub const EXAMPLE_COLUMNS: &[&str] = &["example", "exemple", "ligne_d_exemple", "example_row"];

/// Headers that name a person (normalised): with one of them (or a `status` column), a staff
/// table without `count` is a person list, one row per person (iHRIS-style). Several may be
/// present (`Matricule`, `Nom`, `Prénom`).
pub const PERSON_COLUMNS: &[&str] = &[
    "name",
    "nom",
    "prenom",
    "prenoms",
    "nom_complet",
    "nom_et_prenom",
    "nom_prenom",
    "matricule",
    "numero_matricule",
    "person_id",
    "id",
    "employee_id",
    "agent",
];

pub const CADRE_ALIASES: TableDef = TableDef {
    name: "cadre_aliases",
    aliases: &["alias_cadres", "aliases", "alias", "correspondance_cadres"],
    columns: &[
        Column {
            name: "alias",
            aliases: &["variante", "libelle_local", "nom_local"],
        },
        Column {
            name: "cadre",
            aliases: &["categorie", "cadre_standard"],
        },
    ],
};

/// The tables `wisn compute` reads.
pub const COMPUTE_TABLES: &[TableDef] = &[
    FACILITIES,
    WORKING_TIME,
    STANDARDS,
    WORKLOAD,
    STAFF,
    CADRE_ALIASES,
];

/// Every table name `wisn` knows, for discovery in folders and workbooks. Tables of later
/// features (surge, DHIS2) add their definitions here.
pub fn find_table(normalised: &str) -> Option<&'static TableDef> {
    COMPUTE_TABLES.iter().find(|t| t.matches(normalised))
}

// DHIS2 and iHRIS (study-format §6). Documented in docs/dhis2.md.

const DATA_ELEMENT: Column = Column {
    name: "data_element",
    aliases: &[
        "dataelement",
        "element_de_donnees",
        "element_de_donnee",
        "de",
        "dx",
        "data_element_uid",
        "data_element_id",
        "uid_element",
    ],
};
const CATEGORY_OPTION_COMBO: Column = Column {
    name: "category_option_combo",
    aliases: &[
        "categoryoptioncombo",
        "catoptcombo",
        "coc",
        "co",
        "category_option_combo_uid",
        "combinaison",
        "combinaison_de_categories",
        "desagregation",
    ],
};

/// `dhis2_mapping`: which DHIS2 data element (and category option combo) feeds which activity.
pub const DHIS2_MAPPING: TableDef = TableDef {
    name: "dhis2_mapping",
    aliases: &[
        "correspondance_dhis2",
        "mapping_dhis2",
        "dhis2_correspondance",
        "table_de_correspondance_dhis2",
    ],
    columns: &[
        DATA_ELEMENT,
        CATEGORY_OPTION_COMBO,
        Column {
            name: "activity",
            aliases: &["activite", "activites"],
        },
    ],
};

/// `dhis2_export`: which result of which cadre goes to which DHIS2 data element.
pub const DHIS2_EXPORT: TableDef = TableDef {
    name: "dhis2_export",
    aliases: &["export_dhis2", "dhis2_indicateurs", "envoi_dhis2"],
    columns: &[
        Column {
            name: "indicator",
            aliases: &["indicateur", "resultat", "result", "colonne"],
        },
        CADRE,
        DATA_ELEMENT,
        CATEGORY_OPTION_COMBO,
    ],
};

/// `orgunits` (or `--orgunits FILE`): a DHIS2 organisation-unit export.
pub const ORGUNITS: TableDef = TableDef {
    name: "orgunits",
    aliases: &[
        "organisation_units",
        "organisationunits",
        "organization_units",
        "org_units",
        "unites_d_organisation",
        "unites_organisation",
        "hierarchie",
        "pyramide_sanitaire",
    ],
    columns: &[
        Column {
            name: "id",
            aliases: &["uid", "orgunit", "org_unit", "organisation_unit_id", "ou"],
        },
        Column {
            name: "name",
            aliases: &["displayname", "display_name", "nom", "libelle"],
        },
        Column {
            name: "code",
            aliases: &["code_structure"],
        },
        Column {
            name: "level",
            aliases: &["niveau", "hierarchylevel", "hierarchy_level"],
        },
        Column {
            name: "path",
            aliases: &["chemin"],
        },
    ],
};

// Planning (study-format §7.4). Documented in docs/planning.md.

/// The `scenario` table of `wisn compute --scenario F`.
pub const SCENARIO: TableDef = TableDef {
    name: "scenario",
    aliases: &["scenarios", "scenario_table"],
    columns: &[
        Column {
            name: "scenario",
            aliases: &["nom_scenario", "scenario_name", "nom_du_scenario"],
        },
        FACILITY_ID,
        FACILITY_TYPE,
        Column {
            name: "district",
            aliases: &["district_sanitaire", "cercle", "ds"],
        },
        Column {
            name: "region",
            aliases: &["region_sanitaire", "drs"],
        },
        CADRE,
        Column {
            name: "activity",
            aliases: &["activite", "activites"],
        },
        Column {
            name: "volume_factor",
            aliases: &["facteur_volume", "facteur_de_volume", "facteur_charge"],
        },
        Column {
            name: "standard_factor",
            aliases: &["facteur_norme", "facteur_de_norme", "facteur_standard"],
        },
        Column {
            name: "staff_change",
            aliases: &[
                "variation_effectif",
                "variation_effectifs",
                "changement_effectif",
                "variation_personnel",
            ],
        },
        Column {
            name: "add_standards",
            aliases: &["ajout_normes", "normes_ajoutees", "added_standards"],
        },
        Column {
            name: "add_workload",
            aliases: &["ajout_charge", "charge_ajoutee", "added_workload"],
        },
    ],
};

/// The optional DHIS2 tables a study folder or workbook may hold.
pub const DHIS2_TABLES: &[TableDef] = &[DHIS2_MAPPING, DHIS2_EXPORT, ORGUNITS];
