//! What the people-facing reports (XLSX, HTML) summarise, computed once from the facility rows:
//! the group rows of every level (whatever `--by` asked), the ratio of each district by cadre,
//! and the shortage of each cadre. Pure: no formatting here.

use super::ComputeReport as Report;
use crate::engine::{roll_up, ComputeOptions, Level, ResultRow};

/// The levels of the summary, in the order shown.
pub const SUMMARY_LEVELS: [Level; 4] = [
    Level::National,
    Level::Region,
    Level::District,
    Level::FacilityType,
];

/// The totals of one cadre over every facility.
#[derive(Debug, Clone, PartialEq)]
pub struct CadreTotals {
    pub cadre: String,
    pub current: f64,
    pub required: f64,
    /// The national ratio (ratio of sums); `None` when nothing is required.
    pub ratio: Option<f64>,
    pub status: Option<crate::method::Status>,
    /// Σ over facilities of max(0, required − current): staff missing where they are missing.
    pub shortage_sum: f64,
    /// max(0, required − current) over all facilities: surpluses offset shortages.
    pub net_shortage: f64,
}

/// Everything the reports show besides the facility rows themselves.
pub struct Summary<'a> {
    /// Facility rows, in the study's order.
    pub facilities: Vec<&'a ResultRow>,
    /// Group rows: national, region, district, facility type (each sorted by name, cadres in the
    /// study's order).
    pub groups: Vec<ResultRow>,
    /// The cadres that have facility rows, in the study's order.
    pub cadres: Vec<String>,
    /// Per district (sorted), the ratio of each cadre of [`Summary::cadres`].
    pub ratio_by_district: Vec<(String, Vec<Option<f64>>)>,
    /// Per cadre of [`Summary::cadres`].
    pub by_cadre: Vec<CadreTotals>,
}

/// The name of a group row's group (`None` for a national row).
pub fn group_name(row: &ResultRow) -> Option<&str> {
    match row.level {
        Level::Facility => row.facility_name.as_deref().or(row.facility_id.as_deref()),
        Level::District => row.district.as_deref(),
        Level::Region => row.region.as_deref(),
        Level::FacilityType => row.facility_type.as_deref(),
        Level::National => None,
    }
}

pub fn summarise<'a>(report: &Report<'a>) -> Summary<'a> {
    let facilities: Vec<&ResultRow> = report
        .results
        .rows
        .iter()
        .filter(|r| r.level == Level::Facility)
        .collect();
    let options = ComputeOptions {
        bands: report.settings.bands,
        rounding: report.settings.rounding,
        by: Vec::new(),
    };
    let mut groups = Vec::new();
    for level in SUMMARY_LEVELS {
        // roll_up reads the facility rows only: the results themselves, never a copy.
        groups.extend(roll_up(report.study, &report.results.rows, level, &options));
    }
    let mut cadre_indexes: Vec<usize> = facilities.iter().map(|r| r.cadre_index).collect();
    cadre_indexes.sort_unstable();
    cadre_indexes.dedup();
    let cadres: Vec<String> = cadre_indexes
        .iter()
        .map(|&c| report.study.cadres[c].name.clone())
        .collect();
    let column = |c: usize| cadre_indexes.iter().position(|&x| x == c);

    let mut ratio_by_district: Vec<(String, Vec<Option<f64>>)> = Vec::new();
    for g in groups.iter().filter(|g| g.level == Level::District) {
        let name = g.district.as_deref().unwrap_or("—").to_string();
        if ratio_by_district.last().map(|(n, _)| n) != Some(&name) {
            ratio_by_district.push((name, vec![None; cadres.len()]));
        }
        if let (Some(i), Some(last)) = (column(g.cadre_index), ratio_by_district.last_mut()) {
            last.1[i] = g.wisn_ratio;
        }
    }

    let by_cadre = cadre_indexes
        .iter()
        .map(|&c| {
            let national = groups
                .iter()
                .find(|g| g.level == Level::National && g.cadre_index == c);
            let shortage_sum = facilities
                .iter()
                .filter(|r| r.cadre_index == c)
                .map(|r| (r.required_staff - r.current_staff).max(0.0))
                .sum();
            let (current, required) = national
                .map(|n| (n.current_staff, n.required_staff))
                .unwrap_or((0.0, 0.0));
            CadreTotals {
                cadre: report.study.cadres[c].name.clone(),
                current,
                required,
                ratio: national.and_then(|n| n.wisn_ratio),
                status: national.and_then(|n| n.status),
                shortage_sum,
                net_shortage: (required - current).max(0.0),
            }
        })
        .collect();
    Summary {
        facilities,
        groups,
        cadres,
        ratio_by_district,
        by_cadre,
    }
}
