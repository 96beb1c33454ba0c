//! Recognising an export by its header (study-format §6).

use super::*;

/// Header spellings of the positional dataValueSets CSV columns, normalised, across DHIS2
/// versions (`dataelement`/`dataElement`, `catoptcombo`/`categoryoptioncombo`, ...).
pub const DVS_DATA_ELEMENT: &[&str] = &[
    "dataelement",
    "data_element",
    "de",
    "dataelementid",
    "data_element_id",
    "dataelementuid",
];
pub const DVS_PERIOD: &[&str] = &["period", "pe", "periodid", "period_id", "periode"];
pub const DVS_ORGUNIT: &[&str] = &[
    "orgunit",
    "org_unit",
    "ou",
    "orgunitid",
    "org_unit_id",
    "organisationunit",
    "organisation_unit",
];
pub const DVS_VALUE: &[&str] = &["value", "valeur"];

// Analytics columns, in order of preference (identifiers before names).
pub(super) const AN_DATA: &[&str] = &[
    "dx",
    "data_id",
    "dataid",
    "data_element_id",
    "dataelementid",
    "dataelement",
    "data_element",
    "de",
    "data",
    "donnees",
    "data_code",
    "data_name",
];
pub(super) const AN_PERIOD: &[&str] = &[
    "pe",
    "period_id",
    "periodid",
    "period",
    "periode",
    "period_code",
];
pub(super) const AN_ORGUNIT: &[&str] = &[
    "ou",
    "organisation_unit_id",
    "organisationunitid",
    "organization_unit_id",
    "org_unit_id",
    "orgunitid",
    "orgunit",
    "org_unit",
    "organisation_unit",
    "organization_unit",
    "organisationunit",
    "organisation_unit_code",
    "organisationunitcode",
    "organisation_unit_name",
    "organisationunitname",
];
pub(super) const AN_COC: &[&str] = &[
    "co",
    "category_option_combo_id",
    "categoryoptioncomboid",
    "category_option_combo",
    "categoryoptioncombo",
    "catoptcombo",
    "coc",
];
pub(super) const AN_VALUE: &[&str] = &["value", "valeur"];

/// The shape of a DHIS2 CSV export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvShape {
    /// dataValueSets, read by position; `deleted` is the index of the deleted column, if any.
    DataValueSets { deleted: Option<usize> },
    /// analytics, read by name. `data` and `orgunit` list the candidate columns, identifiers
    /// first: a value is looked up by the first, then by the others.
    Analytics {
        data: Vec<usize>,
        period: usize,
        orgunit: Vec<usize>,
        coc: Option<usize>,
        value: usize,
    },
}

impl CsvShape {
    pub fn describe(&self) -> crate::diag::Msg {
        match self {
            CsvShape::DataValueSets { .. } => crate::messages::dhis2::shape_data_value_sets_csv(),
            CsvShape::Analytics { .. } => crate::messages::dhis2::shape_analytics_csv(),
        }
    }
}

/// Recognises a DHIS2 CSV export from its header cells (as written).
pub fn detect(header: &[String]) -> Option<CsvShape> {
    let n: Vec<String> = header.iter().map(|h| normalise(h)).collect();
    let at = |i: usize, names: &[&str]| n.get(i).is_some_and(|h| names.contains(&h.as_str()));
    if n.len() >= 6
        && at(0, DVS_DATA_ELEMENT)
        && at(1, DVS_PERIOD)
        && at(2, DVS_ORGUNIT)
        && at(5, DVS_VALUE)
    {
        let deleted = n
            .iter()
            .enumerate()
            .skip(6)
            .find(|(_, h)| h.as_str() == "deleted")
            .map(|(i, _)| i)
            .or((n.len() > 10).then_some(10));
        return Some(CsvShape::DataValueSets { deleted });
    }
    // A tidy workload (it has a facility column) is never an analytics export.
    let facility = crate::study::schema::WORKLOAD.column("facility_id");
    if n.iter().any(|h| facility.matches(h)) {
        return None;
    }
    let all = |names: &[&str]| -> Vec<usize> {
        names
            .iter()
            .filter_map(|name| n.iter().position(|h| h == name))
            .collect()
    };
    let data = all(AN_DATA);
    let period = all(AN_PERIOD).first().copied()?;
    let orgunit = all(AN_ORGUNIT);
    let value = all(AN_VALUE).first().copied()?;
    if data.is_empty() || orgunit.is_empty() {
        return None;
    }
    let coc = all(AN_COC).first().copied();
    Some(CsvShape::Analytics {
        data,
        period,
        orgunit,
        coc,
        value,
    })
}
