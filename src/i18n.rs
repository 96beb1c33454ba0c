//! Every word people read, in English and French (`--lang en|fr`). Machine-readable names (the
//! output columns of study-format §4, CSV and JSON values) never go through here and never change
//! with the language.
//!
//! The default language comes from the environment, as `gettext` reads it: the first of
//! `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty (on Windows, where `LANG` is
//! usually not set, the user's Windows language: `fr-FR`, `fr-ML`, …); French when it starts
//! with `fr`, English otherwise.

use crate::engine::Level;
use crate::method::Status;
use crate::surge::compute::SurgeLevel;

/// The language of human-facing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// The language the environment asks for (see the module documentation).
    pub fn from_env() -> Lang {
        let var = |name: &str| std::env::var(name).ok();
        Lang::from_vars(
            var("LC_ALL").as_deref(),
            var("LC_MESSAGES").as_deref(),
            // Windows has no LANG: the user's Windows language stands in for it.
            var("LANG").or_else(crate::windows::user_locale).as_deref(),
        )
    }

    /// [`Lang::from_env`] on given values (testable without touching the environment).
    pub fn from_vars(lc_all: Option<&str>, lc_messages: Option<&str>, lang: Option<&str>) -> Lang {
        let chosen = [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .find(|v| !v.is_empty());
        match chosen {
            Some(v) if v.to_ascii_lowercase().starts_with("fr") => Lang::Fr,
            _ => Lang::En,
        }
    }

    /// `en` or `fr` (the HTML `lang` attribute).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// A text of the interface.
    pub fn t(self, key: Text) -> &'static str {
        let (en, fr) = key.pair();
        match self {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }

    /// The word for a status (lower case).
    pub fn status(self, status: Status) -> &'static str {
        self.t(match status {
            Status::Shortage => Text::Shortage,
            Status::Balanced => Text::Balanced,
            Status::Excess => Text::Excess,
        })
    }

    /// The name of a level of result rows, singular (`District`, `Type de structure`).
    pub fn level(self, level: Level) -> &'static str {
        self.t(match level {
            Level::Facility => Text::Facility,
            Level::District => Text::District,
            Level::Region => Text::Region,
            Level::FacilityType => Text::FacilityType,
            Level::National => Text::National,
        })
    }

    /// The title of a table of rows of one level (`Par district`).
    pub fn level_title(self, level: Level) -> &'static str {
        self.t(match level {
            Level::Facility => Text::Facilities,
            Level::District => Text::ByDistrict,
            Level::Region => Text::ByRegion,
            Level::FacilityType => Text::ByFacilityType,
            Level::National => Text::National,
        })
    }

    /// The human label of a machine column (an output column of study-format §4, or one of the
    /// extra columns of the reports). Unknown names come back as they are.
    pub fn column(self, name: &str) -> String {
        let (en, fr) = match name {
            "scenario" => ("Scenario", "Scénario"),
            "year" => ("Year", "Année"),
            "baseline_required_staff" => ("Required (baseline)", "Requis (référence)"),
            "required_change" => ("Change in required", "Variation du requis"),
            "required_p05" => ("Required P5", "Requis P5"),
            "required_p50" => ("Required P50", "Requis P50"),
            "required_p95" => ("Required P95", "Requis P95"),
            "p_shortage" => ("Probability of shortage", "Probabilité de pénurie"),
            "level" => ("Level", "Niveau"),
            "facility_id" => ("Facility ID", "Code structure"),
            "facility_name" => ("Facility", "Structure"),
            "facility_type" => ("Facility type", "Type de structure"),
            "district" => ("District", "District"),
            "region" => ("Region", "Région"),
            "cadre" => ("Cadre", "Catégorie"),
            "current_staff" => ("Staff in post", "Effectif en poste"),
            "required_staff" => ("Staff required", "Effectif requis"),
            "required_rounded" => ("Required (rounded)", "Requis (arrondi)"),
            "difference" => ("Difference", "Écart"),
            "wisn_ratio" => ("WISN ratio", "Ratio WISN"),
            "workload_pressure_pct" => ("Workload pressure", "Pression de travail"),
            "status" => ("Status", "Statut"),
            "status_label" => ("Status", "Statut"),
            "awt_hours" => ("AWT (hours/year)", "TDT (heures/an)"),
            "service_staff" => ("Service staff (A)", "Personnel pour les soins (A)"),
            "caf" => ("CAF", "FAC"),
            "iaf" => ("IAF", "FAI"),
            "completeness" => (
                "Completeness (share of 12 months)",
                "Complétude (part des 12 mois)",
            ),
            "mean_facility_ratio" => (
                "Mean of facility ratios",
                "Moyenne des ratios des structures",
            ),
            "posts" => ("Posts", "Postes"),
            "staff_after" => ("Staff after", "Effectif après"),
            "ratio_before" => ("Ratio before", "Ratio avant"),
            "ratio_after" => ("Ratio after", "Ratio après"),
            "status_after" => ("Status after", "Statut après"),
            "cost" => ("Cost (per year)", "Coût (par an)"),
            "posts_unallocated" => ("Posts unallocated", "Postes non attribués"),
            "min_ratio_before" => ("Smallest ratio before", "Plus petit ratio avant"),
            "min_ratio_after" => ("Smallest ratio after", "Plus petit ratio après"),
            "from_facility_id" => ("From", "De"),
            "to_facility_id" => ("To", "Vers"),
            "persons" => ("Persons", "Personnes"),
            "shortage_before" => ("Shortage before", "Manque avant"),
            "shortage_after" => ("Shortage after", "Manque après"),
            "days_per_week" => ("Days/week", "Jours/semaine"),
            "hours_per_day" => ("Hours/day", "Heures/jour"),
            "public_holidays" => ("Public holidays", "Jours fériés"),
            "annual_leave" => ("Annual leave", "Congé annuel"),
            "sick_leave" => ("Sick leave", "Congé maladie"),
            "other_leave" => ("Other leave", "Autres absences"),
            "working_days" => ("Working days", "Jours de travail"),
            "cas_total_pct" => ("CAS total (%)", "NAC total (%)"),
            "ias_total_hours" => ("IAS total (hours/year)", "NAI total (heures/an)"),
            "source" => ("Source", "Source"),
            "component" => ("Component", "Composante"),
            "activity" => ("Activity", "Activité"),
            "standard" => ("Standard", "Norme"),
            "unit" => ("Unit", "Unité"),
            "staff" => ("Staff doing it", "Personnel concerné"),
            "standard_workload" => (
                "Standard workload (units/year)",
                "Charge standard (unités/an)",
            ),
            "annual_hours" => ("Hours/year per person", "Heures/an par personne"),
            "cas_pct" => ("CAS (% of AWT)", "NAC (% du TDT)"),
            "ias_hours" => ("Hours/year × staff", "Heures/an × personnel"),
            "severity" => ("Severity", "Gravité"),
            "code" => ("Code", "Code"),
            "message" => ("Message", "Message"),
            "file" => ("File", "Fichier"),
            "sheet" => ("Sheet", "Feuille"),
            "row" => ("Row", "Ligne"),
            "column" => ("Column", "Colonne"),
            "value" => ("Value", "Valeur"),
            "hint" => ("How to fix", "Correction"),
            "group" => ("Group", "Groupe"),
            "shortage_sum" => (
                "Shortage: sum over facilities short of staff",
                "Manque : somme des structures en pénurie",
            ),
            "net_shortage" => ("Net national shortage", "Manque national net"),
            "target" => ("Target (ratio 1.0)", "Cible (ratio 1,0)"),
            // surge (study-format §7).
            "date" => ("Date", "Date"),
            "patients_mild" => ("Patients (mild)", "Patients (légers)"),
            "patients_moderate" => ("Patients (moderate)", "Patients (modérés)"),
            "patients_severe" => ("Patients (severe)", "Patients (graves)"),
            "patients_critical" => ("Patients (critical)", "Patients (critiques)"),
            "load" => ("Staff-time load", "Charge en personnel"),
            "on_duty" => ("On duty", "De garde"),
            "headcount_needed" => ("Headcount needed", "Effectif nécessaire"),
            "assigned" => ("Assigned", "Affectés"),
            "available" => ("Available", "Disponibles"),
            "ratio" => ("Ratio", "Ratio"),
            "peak_date" => ("Peak date", "Date du pic"),
            "peak_headcount" => ("Headcount at peak", "Effectif au pic"),
            "days_in_shortage" => ("Days in shortage", "Jours en déficit"),
            "largest_shortage" => ("Largest shortage", "Déficit maximal"),
            _ => return name.to_string(),
        };
        match self {
            Lang::En => en.to_string(),
            Lang::Fr => fr.to_string(),
        }
    }

    /// A unit of a standard in its canonical spelling (`min`, `per_day`, `h/month`), for people.
    pub fn unit(self, canonical: &str) -> String {
        if self == Lang::En {
            return canonical.replace('_', " ");
        }
        match canonical {
            "per_hour" => return "par heure".into(),
            "per_day" => return "par jour".into(),
            _ => {}
        }
        match canonical.split_once('/') {
            Some((t, p)) => {
                let t = if t == "days" { "jours" } else { t };
                let p = match p {
                    "day" => "jour",
                    "week" => "semaine",
                    "month" => "mois",
                    "year" => "an",
                    other => other,
                };
                format!("{t}/{p}")
            }
            None => canonical.to_string(),
        }
    }

    /// A number for people: `decimals` places, a decimal comma in French, no thousands
    /// separator (so that it can be typed into a calculator as it is).
    pub fn num(self, v: f64, decimals: usize) -> String {
        let v = if v == 0.0 { 0.0 } else { v }; // never "-0.00"
        let mut s = format!("{v:.decimals$}");
        if s.starts_with('-') && s[1..].bytes().all(|b| b == b'0' || b == b'.') {
            s.remove(0);
        }
        self.decimal(s)
    }

    /// A number with up to `max_decimals` places, trailing zeros dropped (`9.646154`, `260`).
    pub fn num_trim(self, v: f64, max_decimals: usize) -> String {
        let mut s = format!("{:.max_decimals$}", if v == 0.0 { 0.0 } else { v });
        if s.contains('.') {
            while s.ends_with('0') {
                s.pop();
            }
            if s.ends_with('.') {
                s.pop();
            }
        }
        if s == "-0" {
            s = "0".into();
        }
        self.decimal(s)
    }

    /// A number at full precision (the shortest text that reads back as the same `f64`).
    pub fn num_full(self, v: f64) -> String {
        self.decimal(crate::numbers::full_precision(v))
    }

    fn decimal(self, s: String) -> String {
        match self {
            Lang::En => s,
            Lang::Fr => s.replace('.', ","),
        }
    }
}

/// The words of `wisn surge`'s reports.
/// A noun counted in summaries, with its singular and plural in both languages ([`Lang::count`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    Row,
    Facility,
    Cadre,
    Site,
    Post,
    PostAsked,
    Given,
    Unallocated,
    FacilityCadre,
}

impl Noun {
    /// Every noun (for tests).
    pub const ALL: &'static [Noun] = &[
        Noun::Row,
        Noun::Facility,
        Noun::Cadre,
        Noun::Site,
        Noun::Post,
        Noun::PostAsked,
        Noun::Given,
        Noun::Unallocated,
        Noun::FacilityCadre,
    ];

    /// (English singular, English plural, French singular, French plural).
    fn forms(self) -> [&'static str; 4] {
        match self {
            Noun::Row => ["row", "rows", "ligne", "lignes"],
            Noun::Facility => ["facility", "facilities", "structure", "structures"],
            Noun::Cadre => ["cadre", "cadres", "catégorie", "catégories"],
            Noun::Site => ["site", "sites", "site", "sites"],
            Noun::Post => ["post", "posts", "poste", "postes"],
            Noun::PostAsked => [
                "post asked",
                "posts asked",
                "poste demandé",
                "postes demandés",
            ],
            Noun::Given => ["given", "given", "attribué", "attribués"],
            Noun::Unallocated => [
                "unallocated",
                "unallocated",
                "non attribué",
                "non attribués",
            ],
            Noun::FacilityCadre => [
                "facility × cadre pair",
                "facility × cadre pairs",
                "couple structure × catégorie",
                "couples structure × catégorie",
            ],
        }
    }
}

impl Lang {
    /// `n` and `noun` in the right number: in English the singular for 1 only (`1 row`,
    /// `0 rows`, `2 rows`); in French for 0 and 1 (`0 ligne`, `1 ligne`, `2 lignes`), as French
    /// grammar has it.
    pub fn count(self, n: u64, noun: Noun) -> String {
        let [en1, en, fr1, fr] = noun.forms();
        let word = match self {
            Lang::En if n == 1 => en1,
            Lang::En => en,
            Lang::Fr if n <= 1 => fr1,
            Lang::Fr => fr,
        };
        format!("{n} {word}")
    }

    /// The title of the peak table of a level.
    pub fn surge_peak_title(self, level: SurgeLevel) -> &'static str {
        match (self, level) {
            (Lang::En, SurgeLevel::Site | SurgeLevel::Summary) => {
                "Peak and shortages per site and cadre"
            }
            (Lang::En, SurgeLevel::District) => "Peak and shortages per district and cadre",
            (Lang::En, SurgeLevel::Region) => "Peak and shortages per region and cadre",
            (Lang::En, SurgeLevel::National) => "Peak and shortages, all sites together, per cadre",
            (Lang::Fr, SurgeLevel::Site | SurgeLevel::Summary) => {
                "Pic et déficits par site et catégorie"
            }
            (Lang::Fr, SurgeLevel::District) => "Pic et déficits par district et catégorie",
            (Lang::Fr, SurgeLevel::Region) => "Pic et déficits par région et catégorie",
            (Lang::Fr, SurgeLevel::National) => {
                "Pic et déficits, tous les sites ensemble, par catégorie"
            }
        }
    }

    /// The title of the every-date table of a level (`--daily`).
    pub fn surge_daily_title(self, level: SurgeLevel) -> &'static str {
        match (self, level) {
            (Lang::En, SurgeLevel::Site | SurgeLevel::Summary) => "Every date, per site and cadre",
            (Lang::En, SurgeLevel::District) => "Every date, per district and cadre",
            (Lang::En, SurgeLevel::Region) => "Every date, per region and cadre",
            (Lang::En, SurgeLevel::National) => "Every date, all sites together, per cadre",
            (Lang::Fr, SurgeLevel::Site | SurgeLevel::Summary) => {
                "Chaque date, par site et catégorie"
            }
            (Lang::Fr, SurgeLevel::District) => "Chaque date, par district et catégorie",
            (Lang::Fr, SurgeLevel::Region) => "Chaque date, par région et catégorie",
            (Lang::Fr, SurgeLevel::National) => {
                "Chaque date, tous les sites ensemble, par catégorie"
            }
        }
    }

    /// The first line of a report: sites, cadres, dates.
    pub fn surge_sites_line(
        self,
        sites: usize,
        cadres: usize,
        dates: Option<(String, String)>,
    ) -> String {
        match self {
            Lang::En => format!(
                "COVID-19 treatment sites: {}, {}{}",
                self.count(sites as u64, Noun::Site),
                self.count(cadres as u64, Noun::Cadre),
                dates
                    .map(|(a, b)| format!(", {a} to {b}"))
                    .unwrap_or_default()
            ),
            Lang::Fr => format!(
                "Sites de prise en charge COVID-19 : {}, {}{}",
                self.count(sites as u64, Noun::Site),
                self.count(cadres as u64, Noun::Cadre),
                dates
                    .map(|(a, b)| format!(", du {a} au {b}"))
                    .unwrap_or_default()
            ),
        }
    }

    /// `census × F (--scale-census)`.
    pub fn surge_scaled(self, factor: &str) -> String {
        match self {
            Lang::En => format!("census × {factor} (--scale-census)"),
            Lang::Fr => format!("occupation × {factor} (--scale-census)"),
        }
    }

    /// `absence rate R %: available = assigned × (1 − R)`.
    pub fn surge_absences(self, pct: &str, keep: &str) -> String {
        match self {
            Lang::En => {
                format!("absence rate {pct} %: available = assigned × {keep} (--absence-rate)")
            }
            Lang::Fr => {
                format!("taux d'absence {pct} % : disponibles = affectés × {keep} (--absence-rate)")
            }
        }
    }

    /// The line under a peak table.
    pub fn surge_footer(self, lines: usize, short: usize, low: f64) -> String {
        match self {
            Lang::En => format!(
                "{lines} lines: {short} in shortage on at least one date (needed = on duty × 24 × 365 / AWT; shortage: available / needed below {low})"
            ),
            Lang::Fr => format!(
                "{lines} lignes : {short} en déficit à au moins une date (besoin = de garde × 24 × 365 / TTD ; déficit : disponibles / besoin sous {low})"
            ),
        }
    }

    /// The series name of a cadre's line in a chart.
    pub fn series_name(self, cadre: &str, which: Text) -> String {
        format!("{cadre}: {}", self.t(which))
    }
}

macro_rules! texts {
    ($($key:ident => ($en:expr, $fr:expr $(,)?),)*) => {
        /// The texts of the interface; [`Lang::t`] gives each in a language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text { $($key,)* }
        impl Text {
            /// Every text (for tests: none is empty).
            pub const ALL: &'static [Text] = &[$(Text::$key,)*];
            /// (English, French).
            pub fn pair(self) -> (&'static str, &'static str) {
                match self { $(Text::$key => ($en, $fr),)* }
            }
        }
    };
}

texts! {
    // Status words.
    Shortage => ("shortage", "pénurie"),
    Balanced => ("balanced", "équilibre"),
    Excess => ("excess", "excédent"),
    // Levels.
    Facility => ("Facility", "Structure"),
    Facilities => ("Facilities", "Structures"),
    District => ("District", "District"),
    Region => ("Region", "Région"),
    FacilityType => ("Facility type", "Type de structure"),
    National => ("National", "National"),
    ByDistrict => ("By district", "Par district"),
    ByRegion => ("By region", "Par région"),
    ByFacilityType => ("By facility type", "Par type de structure"),
    // Terminal table.
    Type => ("Type", "Type"),
    Cadre => ("Cadre", "Catégorie"),
    Staff => ("Staff", "Effectif"),
    Required => ("Required", "Requis"),
    Rounded => ("Rounded", "Arrondi"),
    Difference => ("Difference", "Écart"),
    Ratio => ("Ratio", "Ratio"),
    Pressure => ("Pressure", "Pression"),
    Status => ("Status", "Statut"),
    Months => ("Months", "Mois"),
    RatioOfSums => ("Ratio of sums", "Ratio des sommes"),
    MeanRatio => ("Mean of ratios", "Moyenne des ratios"),
    NotApplicable => ("n/a", "s.o."),
    Rows => ("rows", "lignes"),
    NoResults => (
        "No results: no facility has both standards for a cadre and staff or workload for it.",
        "Aucun résultat : aucune structure n'a à la fois des normes pour une catégorie et du personnel ou une charge de travail pour elle.",
    ),
    // Reports (sheet names: at most 31 characters, none of []:*?/\).
    SheetSummary => ("Summary", "Synthèse"),
    SheetCharts => ("Charts", "Graphiques"),
    SheetFacilities => ("Facilities", "Structures"),
    SheetParameters => ("Parameters", "Paramètres"),
    SheetWarnings => ("Warnings", "Avertissements"),
    ReportTitle => ("WISN report", "Rapport WISN"),
    // Surge workbook sheets (English names are the documented machine names).
    SurgeSheetRows => ("surge", "Lignes"),
    SurgeSheetSummary => ("summary", "Synthèse"),
    SurgeSheetCharts => ("charts", "Graphiques"),
    ReportSubtitle => (
        "Workload Indicators of Staffing Need (WHO method)",
        "Indicateurs des besoins en personnel par rapport à la charge de travail (méthode OMS)",
    ),
    StudyLabel => ("Study", "Étude"),
    MadeOn => ("made on", "établi le"),
    DataPeriod => ("data of", "données de"),
    NoDataPeriod => ("workload without periods", "charge de travail sans période"),
    ChartRatioByDistrict => ("WISN ratio by district", "Ratio WISN par district"),
    ChartRatioByCadre => ("WISN ratio by cadre (all facilities)", "Ratio WISN par catégorie (toutes les structures)"),
    ChartShortageByCadre => ("Shortage by cadre (staff)", "Manque par catégorie (personnel)"),
    ChartRatioNote => (
        "The line marks a ratio of 1.0 (staff in post = staff required). Below it, staff are short; the shaded band is the balanced range.",
        "La ligne marque un ratio de 1,0 (effectif en poste = effectif requis). En dessous, le personnel manque ; la bande grisée est la zone d'équilibre.",
    ),
    ShortageNote => (
        "Sum over facilities short of staff: what it takes to bring every such facility to its requirement. Net national: required minus in post over all facilities (surpluses offset shortages).",
        "Somme des structures en pénurie : ce qu'il faut pour que chacune atteigne son besoin. Net national : requis moins en poste sur l'ensemble (les excédents compensent les manques).",
    ),
    WorkingTimeTable => ("Available working time and allowance factors, by cadre and facility type", "Temps de travail disponible et facteurs d'ajustement, par catégorie et type de structure"),
    StandardsTable => ("Activity standards used", "Normes d'activité utilisées"),
    AnyType => ("(any type)", "(tous types)"),
    NoWarnings => ("No warnings.", "Aucun avertissement."),
    Warnings => ("Warnings", "Avertissements"),
    SortHint => ("Click a column header to sort.", "Cliquer sur un en-tête de colonne pour trier."),
    FacilityTableCapped => (
        "This table shows {shown} of the {total} facility × cadre rows, so that the page opens quickly: the rows in shortage first, the lowest WISN ratio first. Every row is in the CSV and Excel outputs (wisn compute STUDY -o results.csv, or -o results.xlsx).",
        "Ce tableau montre {shown} des {total} lignes structure × catégorie, pour que la page s'ouvre vite : les lignes en pénurie d'abord, le ratio WISN le plus bas en premier. Toutes les lignes sont dans les sorties CSV et Excel (wisn compute ÉTUDE -o resultats.csv, ou -o resultats.xlsx).",
    ),
    DistrictChartCapped => (
        "{shown} of the {total} districts: those where a cadre has the lowest WISN ratio, the lowest first. Every district is in the table by district above.",
        "{shown} des {total} districts : ceux où une catégorie a le ratio WISN le plus bas, le plus bas en premier. Tous les districts sont dans le tableau par district ci-dessus.",
    ),
    Bands => ("Status bands", "Seuils du statut"),
    ShortageBelow => ("shortage below", "pénurie en dessous de"),
    ExcessAbove => ("excess above", "excédent au-dessus de"),
    MachineNamesNote => (
        "Row 1 holds the machine column names (as in the CSV output); row 2 the labels.",
        "La ligne 1 porte les noms de colonnes machine (comme la sortie CSV) ; la ligne 2 les libellés.",
    ),
    Generated => ("Generated by wisn", "Produit par wisn"),
    // Progress.
    ReadingStudy => ("reading the study", "lecture de l'étude"),
    Computing => ("computing", "calcul"),
    RowsRead => ("rows read", "lignes lues"),
    // Components.
    Service => ("health service", "activité de santé"),
    Support => ("support", "soutien"),
    Additional => ("additional", "supplémentaire"),
    // Planning (wisn allocate, wisn redistribute).
    PlanColon => (":", " :"),
    PlanNA => ("n/a", "s.o."),
    PlanNational => ("national", "national"),
    PlanRegion => ("region", "région"),
    PlanDistrict => ("district", "district"),
    PlanPool => ("Pool", "Dotation"),
    PlanBudget => ("Budget", "Budget"),
    PlanSpentOn => ("spent on", "dépensés pour"),
    PlanLeft => ("left", "restants"),
    PlanSmallestRatioAmongTheCandidates => ("smallest ratio among the candidates", "plus petit ratio parmi les candidats"),
    PlanNoCandidateNoFacilityOf => ("no candidate: no facility of this group and types needs this cadre", "aucun candidat : aucune structure de ce groupe et de ces types n'a besoin de cette catégorie"),
    PlanRatio => ("ratio", "ratio"),
    PlanAYear => ("a year", "par an"),
    PlanInAll => ("In all", "Au total"),
    PlanPostsTo => ("to", "pour"),
    PlanAllocationOfPosts => ("Allocation of posts:", "Attribution des postes :"),
    PlanAtThisFacility => ("at this facility", "dans cette structure"),
    PlanInPost => ("in post", "en poste"),
    PlanRequired => ("required", "requis"),
    PlanTarget => ("target", "cible"),
    PlanAlreadyAtItsTargetIt => (": already at its target, it receives nothing", " : déjà à sa cible, elle ne reçoit rien"),
    PlanNoPostWasGivenIn => ("No post was given in this pool.", "Aucun poste n'a été attribué dans cette dotation."),
    PlanGIVENToIt => ("GIVEN to it", "ATTRIBUÉ à elle"),
    PlanItsRatio => ("its ratio", "son ratio"),
    PlanTheSmallest => ("the smallest", "le plus petit"),
    PlanWasHigher => ("was higher", "était plus élevé"),
    PlanWasEqualTheTieGoes => ("was equal: the tie goes to the larger requirement, then the smaller code", "était égal : l'égalité va au plus grand besoin, puis au plus petit code"),
    PlanItHadReachedItsTarget => ("it had reached its target", "elle avait atteint sa cible"),
    PlanItsCadreSCostNo => ("its cadre's cost no longer fitted in the budget left", "le coût de sa catégorie ne tenait plus dans le budget restant"),
    PlanPost => ("post", "poste"),
    PlanInThisPool => ("In this pool", "Dans cette dotation"),
    PlanPostSToIt => ("post(s) to it", "poste(s) pour elle"),
    PlanNotACandidateThePool => ("not a candidate: the pool serves another region or district", "pas candidate : la dotation sert une autre région ou un autre district"),
    PlanNotACandidateTypesLeaves => ("not a candidate: --types leaves its facility type out", "pas candidate : --types exclut son type de structure"),
    PlanNotACandidateNothingIs => ("not a candidate: nothing is required of this cadre there (required 0)", "pas candidate : rien n'est requis de cette catégorie (besoin 0)"),
    PlanNotACandidateNoResult => ("not a candidate: no result for this cadre there (no standards at its type, or neither staff nor workload)", "pas candidate : aucun résultat pour cette catégorie (pas de normes pour son type, ou ni personnel ni charge de travail)"),
    PlanItIsACandidateOf => ("It is a candidate of no pool: none of its cadres is in the costs table.\n", "Elle n'est candidate d'aucune dotation : aucune de ses catégories n'est dans la table des coûts.\n"),
    PlanTransfers => ("Transfers", "Mutations"),
    PlanNoneNoGroupHasBoth => ("none: no group has both a facility that can give and one in shortage", "aucune : aucun groupe n'a à la fois une structure qui peut céder et une en pénurie"),
    PlanMove => ("move", "muter"),
    PlanPerson => ("person", "personne"),
    PlanPersons => ("persons", "personnes"),
    PlanFacilitiesBeforeAfter => ("Facilities, before → after", "Structures, avant → après"),
    PlanStaff => ("staff", "agents"),
    PlanGroupsShortageBeforeAfterSum => ("Groups: shortage before → after (sum over the facilities short of staff)", "Groupes : manque avant → après (somme sur les structures en pénurie)"),
    PlanShortage => ("shortage", "manque"),
    PlanMoved => ("moved", "muté(s)"),
    PlanSmallestRatio => ("smallest ratio", "plus petit ratio"),
    PlanSmallestRatioAmongTheCandidates2 => ("(smallest ratio among the candidates)", "(plus petit ratio des candidats)"),
    PlanAllocationOfNewPosts => ("Allocation of new posts", "Attribution des nouveaux postes"),
    PlanRedistributionOfStaff => ("Redistribution of staff", "Redéploiement du personnel"),
    PlanRatioBefore => ("ratio before", "ratio avant"),
    PlanRatioAfter => ("ratio after", "ratio après"),
    PlanWISNRatio => ("WISN ratio", "Ratio WISN"),
    PlanWarnings => ("Warnings", "Avertissements"),
    PlanNothingChanged => ("Nothing changed.", "Aucun changement."),
    PlanRows => ("Rows", "Lignes"),
    // explain.
    ExplainTitle => ("WISN calculation", "Calcul WISN"),
    At => ("at", "à"),
    Step1 => ("1. Available working time (AWT)", "1. Temps de travail disponible (TDT)"),
    Step2 => ("2. Health-service activities: standard workload and staff", "2. Activités de santé : charge standard et personnel"),
    Step3 => ("3. Support activities: category allowance (CAS) and factor (CAF)", "3. Activités de soutien : norme d'ajustement de catégorie (NAC) et facteur (FAC)"),
    Step4 => ("4. Additional activities: individual allowance (IAS) and factor (IAF)", "4. Activités supplémentaires : norme d'ajustement individuel (NAI) et facteur (FAI)"),
    Step5 => ("5. Result", "5. Résultat"),
    DaysPerWeek => ("days a week", "jours par semaine"),
    WeeksPerYear => ("weeks", "semaines"),
    DaysOfWorkGross => ("Days a year", "Jours par an"),
    PublicHolidays => ("public holidays", "jours fériés"),
    AnnualLeave => ("annual leave", "congé annuel"),
    SickLeave => ("sick leave", "congé maladie"),
    OtherLeave => ("other leave", "autres absences"),
    WorkingDays => ("Working days", "Jours de travail"),
    HoursPerDay => ("hours a day", "heures par jour"),
    Awt => ("AWT", "TDT"),
    HoursPerYear => ("hours a year", "heures par an"),
    WorkingWeeks => ("working weeks", "semaines de travail"),
    WorkingMonths => ("working months", "mois de travail"),
    FromRow => ("from", "source :"),
    Activity => ("Activity", "Activité"),
    VolumePerYear => ("Volume/year", "Volume/an"),
    Standard => ("Standard", "Norme"),
    StandardWorkload => ("Standard workload (SW)", "Charge standard (CS)"),
    StaffVolumeOverSw => ("Staff = volume / SW", "Personnel = volume / CS"),
    NoVolume => ("no data (0)", "aucune donnée (0)"),
    ServiceStaffA => ("A = sum of the staff above", "A = somme du personnel ci-dessus"),
    NoServiceActivities => ("No health-service standard for this cadre: A = 0.", "Aucune norme d'activité de santé pour cette catégorie : A = 0."),
    HoursPerYearPerPerson => ("Hours/year per person", "Heures/an par personne"),
    PercentOfAwt => ("% of AWT", "% du TDT"),
    CasTotal => ("CAS total", "NAC total"),
    NoSupport => ("No support activity: CAS = 0 %, CAF = 1.", "Aucune activité de soutien : NAC = 0 %, FAC = 1."),
    StaffDoingIt => ("Staff doing it", "Personnel concerné"),
    HoursTimesStaff => ("Hours/year × staff", "Heures/an × personnel"),
    IasTotal => ("IAS total", "NAI total"),
    NoAdditional => ("No additional activity: IAF = 0.", "Aucune activité supplémentaire : FAI = 0."),
    RequiredStaff => ("Staff required", "Effectif requis"),
    RequiredRounded => ("Required, rounded", "Requis, arrondi"),
    CurrentStaff => ("Staff in post", "Effectif en poste"),
    DifferenceFormula => ("Difference = in post − required", "Écart = en poste − requis"),
    RatioFormula => ("WISN ratio = in post / required", "Ratio WISN = en poste / requis"),
    PressureFormula => ("Workload pressure = (1 − ratio) × 100", "Pression de travail = (1 − ratio) × 100"),
    NoRatio => ("none: nothing is required", "aucun : rien n'est requis"),
    Completeness => ("Workload months reported", "Mois de charge rapportés"),
    FullPrecision => ("full precision", "pleine précision"),
    RoundingNearest => ("nearest, halves up", "au plus proche, demis vers le haut"),
    RoundingUp => ("up", "vers le haut"),
    RoundingDown => ("down", "vers le bas"),
    Unit => ("Unit", "Unité"),
    Row => ("row", "ligne"),
    Sheet => ("sheet", "feuille"),
    // wisn surge.
    Site => ("Site", "Site"),
    Assigned => ("Assigned", "Affectés"),
    Available => ("Available", "Disponibles"),
    PeakDate => ("Peak date", "Date du pic"),
    Patients => ("Patients", "Patients"),
    OnDuty => ("On duty", "De garde"),
    Needed => ("Needed", "Besoin"),
    StatusAtPeak => ("Status at peak", "Situation au pic"),
    DaysShort => ("Days short", "Jours en déficit"),
    LargestShortage => ("Largest shortage", "Déficit maximal"),
    Date => ("Date", "Date"),
    Mild => ("Mild", "Légère"),
    Moderate => ("Moderate", "Modérée"),
    Severe => ("Severe", "Sévère"),
    Critical => ("Critical", "Critique"),
    Load => ("Load", "Charge"),
    SurgeStatus => ("Status", "Situation"),
    WhatIf => ("What-if", "Simulation"),
    SurgeNoResults => (
        "No results: the census has no dates (or covid_standards no cadre).",
        "Aucun résultat : l'occupation n'a aucune date (ou normes_covid aucune catégorie).",
    ),
    ChartsHeading => (
        "Headcount needed and assigned over time, all sites together",
        "Effectifs nécessaires et affectés dans le temps, tous les sites ensemble",
    ),
    HeadcountNeeded => ("headcount needed", "effectif nécessaire"),
    AssignedLegend => ("assigned", "affectés"),
    AvailableLegend => ("available (after absences)", "disponibles (après absences)"),
    EveryRow => (
        "Every row (the columns of the CSV output)",
        "Toutes les lignes (les colonnes de la sortie CSV)",
    ),
    MethodNote => (
        "Staff needed on duty = ceil(Σ patients of each severity / patients one staff member covers), at least the cadre's minimum when the site has patients; headcount needed = on duty × 24 × 365 / available working time (AWT) of the cadre (WISN-inspired method of WHO's Health Workforce Estimator).",
        "Personnel de garde nécessaire = arrondi supérieur de (Σ patients de chaque forme / patients couverts par un agent), au moins le minimum de la catégorie quand le site a des patients ; effectif nécessaire = de garde × 24 × 365 / temps de travail disponible (TTD) de la catégorie (méthode inspirée de WISN du Health Workforce Estimator de l'OMS).",
    ),
    ChartTitle => ("needed and assigned, all sites", "besoin et affectés, tous les sites"),
    SurgeTitle => ("COVID-19 surge staffing", "Personnel des sites COVID-19"),
    StaffAxis => ("staff (headcount)", "personnel (effectif)"),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_precedence() {
        assert_eq!(Lang::from_vars(None, None, None), Lang::En);
        assert_eq!(Lang::from_vars(None, None, Some("fr_ML.UTF-8")), Lang::Fr);
        assert_eq!(Lang::from_vars(None, None, Some("fr")), Lang::Fr);
        assert_eq!(
            Lang::from_vars(Some("C"), None, Some("fr_FR.UTF-8")),
            Lang::En
        );
        assert_eq!(
            Lang::from_vars(Some(""), None, Some("fr_FR.UTF-8")),
            Lang::Fr
        );
        assert_eq!(
            Lang::from_vars(None, Some("fr_FR"), Some("en_US.UTF-8")),
            Lang::Fr
        );
        assert_eq!(Lang::from_vars(None, None, Some("en_GB.UTF-8")), Lang::En);
    }

    #[test]
    fn every_text_in_both_languages() {
        for t in Text::ALL {
            let (en, fr) = t.pair();
            assert!(!en.is_empty() && !fr.is_empty(), "{t:?}");
        }
        for name in crate::report::COLUMNS {
            assert_ne!(Lang::Fr.column(name), *name, "{name} has no French label");
        }
        for s in [Text::SheetSummary, Text::SheetCharts, Text::SheetFacilities] {
            for lang in [Lang::En, Lang::Fr] {
                let name = lang.t(s);
                assert!(name.chars().count() <= 31);
                assert!(!name.contains(['[', ']', ':', '*', '?', '/', '\\']));
            }
        }
    }

    #[test]
    fn numbers_for_people() {
        assert_eq!(Lang::Fr.num(16.039, 2), "16,04");
        assert_eq!(Lang::En.num(-0.001, 2), "0.00");
        assert_eq!(Lang::En.num_trim(9.6461538461, 6), "9.646154");
        assert_eq!(Lang::Fr.num_trim(260.0, 6), "260");
        assert_eq!(Lang::Fr.num_full(0.1 + 0.2), "0,30000000000000004");
        assert_eq!(Lang::Fr.unit("days/year"), "jours/an");
        assert_eq!(Lang::Fr.unit("per_day"), "par jour");
        assert_eq!(Lang::En.unit("per_day"), "per day");
        assert_eq!(Lang::Fr.unit("min"), "min");
    }
}

#[cfg(test)]
mod plural_tests {
    use super::{Lang, Noun};

    #[test]
    fn plurals_in_both_languages() {
        assert_eq!(Lang::En.count(1, Noun::Row), "1 row");
        assert_eq!(Lang::En.count(0, Noun::Row), "0 rows");
        assert_eq!(Lang::En.count(2, Noun::Facility), "2 facilities");
        assert_eq!(Lang::Fr.count(0, Noun::Row), "0 ligne");
        assert_eq!(Lang::Fr.count(1, Noun::Row), "1 ligne");
        assert_eq!(Lang::Fr.count(2, Noun::Row), "2 lignes");
        assert_eq!(
            Lang::Fr.count(5, Noun::FacilityCadre),
            "5 couples structure × catégorie"
        );
        assert_eq!(Lang::Fr.count(1, Noun::Given), "1 attribué");
        for noun in Noun::ALL {
            for lang in [Lang::En, Lang::Fr] {
                assert!(lang.count(2, *noun).len() > 2);
            }
        }
    }
}
