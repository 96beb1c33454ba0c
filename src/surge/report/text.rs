//! The words people read in the surge reports, in English and French (`--lang en|fr`, as
//! [`crate::i18n`] for `wisn compute`). Machine names (columns, CSV/JSON values, sheet names)
//! never go through here.

use crate::i18n::Lang;
use crate::surge::compute::SurgeLevel;

/// A text of the surge reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Site,
    District,
    Region,
    Cadre,
    Assigned,
    Available,
    PeakDate,
    Patients,
    OnDuty,
    Needed,
    StatusAtPeak,
    DaysShort,
    LargestShortage,
    Date,
    Mild,
    Moderate,
    Severe,
    Critical,
    Load,
    Difference,
    Ratio,
    Status,
    WhatIf,
    NoResults,
    Warnings,
    ChartsHeading,
    HeadcountNeeded,
    AssignedLegend,
    AvailableLegend,
    EveryRow,
    MethodNote,
    ChartTitle,
    Title,
    StaffAxis,
}

impl Text {
    fn pair(self) -> (&'static str, &'static str) {
        use Text::*;
        match self {
            Site => ("Site", "Site"),
            District => ("District", "District"),
            Region => ("Region", "Région"),
            Cadre => ("Cadre", "Catégorie"),
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
            Difference => ("Difference", "Écart"),
            Ratio => ("Ratio", "Ratio"),
            Status => ("Status", "Situation"),
            WhatIf => ("What-if", "Simulation"),
            NoResults => (
                "No results: the census has no dates (or covid_standards no cadre).",
                "Aucun résultat : l'occupation n'a aucune date (ou normes_covid aucune catégorie).",
            ),
            Warnings => ("Warnings", "Avertissements"),
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
            Title => ("COVID-19 surge staffing", "Personnel des sites COVID-19"),
            StaffAxis => ("staff (headcount)", "personnel (effectif)"),
        }
    }
}

/// A text in a language.
pub fn t(lang: Lang, key: Text) -> &'static str {
    let (en, fr) = key.pair();
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// The title of the peak table of a level.
pub fn peak_title(lang: Lang, level: SurgeLevel) -> &'static str {
    match (lang, level) {
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
pub fn daily_title(lang: Lang, level: SurgeLevel) -> &'static str {
    match (lang, level) {
        (Lang::En, SurgeLevel::Site | SurgeLevel::Summary) => "Every date, per site and cadre",
        (Lang::En, SurgeLevel::District) => "Every date, per district and cadre",
        (Lang::En, SurgeLevel::Region) => "Every date, per region and cadre",
        (Lang::En, SurgeLevel::National) => "Every date, all sites together, per cadre",
        (Lang::Fr, SurgeLevel::Site | SurgeLevel::Summary) => "Chaque date, par site et catégorie",
        (Lang::Fr, SurgeLevel::District) => "Chaque date, par district et catégorie",
        (Lang::Fr, SurgeLevel::Region) => "Chaque date, par région et catégorie",
        (Lang::Fr, SurgeLevel::National) => "Chaque date, tous les sites ensemble, par catégorie",
    }
}

/// The first line of a report: sites, cadres, dates.
pub fn sites_line(
    lang: Lang,
    sites: usize,
    cadres: usize,
    dates: Option<(String, String)>,
) -> String {
    match lang {
        Lang::En => format!(
            "COVID-19 treatment sites: {sites} sites, {cadres} cadres{}",
            dates
                .map(|(a, b)| format!(", {a} to {b}"))
                .unwrap_or_default()
        ),
        Lang::Fr => format!(
            "Sites de prise en charge COVID-19 : {sites} sites, {cadres} catégories{}",
            dates
                .map(|(a, b)| format!(", du {a} au {b}"))
                .unwrap_or_default()
        ),
    }
}

/// `census × F (--scale-census)`.
pub fn scaled(lang: Lang, factor: &str) -> String {
    match lang {
        Lang::En => format!("census × {factor} (--scale-census)"),
        Lang::Fr => format!("occupation × {factor} (--scale-census)"),
    }
}

/// `absence rate R %: available = assigned × (1 − R)`.
pub fn absences(lang: Lang, pct: &str, keep: &str) -> String {
    match lang {
        Lang::En => {
            format!("absence rate {pct} %: available = assigned × {keep} (--absence-rate)")
        }
        Lang::Fr => {
            format!("taux d'absence {pct} % : disponibles = affectés × {keep} (--absence-rate)")
        }
    }
}

/// The line under a peak table.
pub fn footer(lang: Lang, lines: usize, short: usize, low: f64) -> String {
    match lang {
        Lang::En => format!(
            "{lines} lines: {short} in shortage on at least one date (needed = on duty × 24 × 365 / AWT; shortage: available / needed below {low})"
        ),
        Lang::Fr => format!(
            "{lines} lignes : {short} en déficit à au moins une date (besoin = de garde × 24 × 365 / TTD ; déficit : disponibles / besoin sous {low})"
        ),
    }
}

/// The series name of a cadre's line in a chart.
pub fn series_name(lang: Lang, cadre: &str, which: Text) -> String {
    format!("{cadre}: {}", t(lang, which))
}
