//! From a read [`SurgeStudy`] to result rows (study-format §5), pure: per date × site × cadre,
//! then `--by` roll-ups per date and group, then one summary row per site × cadre.

use crate::diag::Code;
use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::read::SurgeStudy;
use crate::diag::Problem;
use crate::method::surge::{self, BySeverity};
use crate::method::{Bands, Status};
use crate::model::working_time_for;

/// The levels of surge rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SurgeLevel {
    Site,
    District,
    Region,
    National,
    Summary,
}

impl SurgeLevel {
    pub fn as_str(&self) -> &'static str {
        match self {
            SurgeLevel::Site => "site",
            SurgeLevel::District => "district",
            SurgeLevel::Region => "region",
            SurgeLevel::National => "national",
            SurgeLevel::Summary => "summary",
        }
    }
}

/// `--by` for `wisn surge`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum GroupLevel {
    District,
    Region,
    National,
}

impl GroupLevel {
    pub fn level(&self) -> SurgeLevel {
        match self {
            GroupLevel::District => SurgeLevel::District,
            GroupLevel::Region => SurgeLevel::Region,
            GroupLevel::National => SurgeLevel::National,
        }
    }
}

/// Options of the computation.
#[derive(Debug, Clone)]
pub struct SurgeOptions {
    /// `--scale-census F`: multiplies every census count.
    pub scale_census: f64,
    /// `--absence-rate R`: available = assigned × (1 − R).
    pub absence_rate: f64,
    pub bands: Bands,
    /// Roll-up levels, in the order asked.
    pub by: Vec<GroupLevel>,
}

impl Default for SurgeOptions {
    fn default() -> Self {
        SurgeOptions {
            scale_census: 1.0,
            absence_rate: 0.0,
            bands: Bands::default(),
            by: Vec::new(),
        }
    }
}

/// One output row; `None` is a blank cell (JSON `null`).
#[derive(Debug, Clone, PartialEq)]
pub struct SurgeRow {
    pub level: SurgeLevel,
    pub date: Option<NaiveDate>,
    pub facility_id: Option<String>,
    pub facility_name: Option<String>,
    pub facility_type: Option<String>,
    pub district: Option<String>,
    pub region: Option<String>,
    pub cadre: String,
    /// Position of the cadre in `covid_standards`.
    pub cadre_index: usize,
    /// Patients by severity (mild, moderate, severe, critical).
    pub patients: Option<BySeverity>,
    pub load: Option<f64>,
    pub on_duty: Option<f64>,
    pub headcount_needed: Option<f64>,
    pub assigned: f64,
    pub available: f64,
    pub difference: Option<f64>,
    pub ratio: Option<f64>,
    pub status: Option<Status>,
    pub peak_date: Option<NaiveDate>,
    pub peak_headcount: Option<f64>,
    pub days_in_shortage: Option<u32>,
    /// Summary rows: the largest `headcount_needed − available` over the dates (0 when never
    /// short).
    pub largest_shortage: Option<f64>,
    /// Site rows: the cadre's AWT at the site's facility type.
    pub awt_hours: Option<f64>,
}

/// One point of a chart series: a date's totals over every site with a census that day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartPoint {
    pub date: NaiveDate,
    pub needed: f64,
    pub assigned: f64,
    pub available: f64,
}

/// The results of `wisn surge`.
#[derive(Debug, Clone, Default)]
pub struct SurgeResults {
    pub rows: Vec<SurgeRow>,
    /// Cadre names in `covid_standards` order.
    pub cadres: Vec<String>,
    /// Per cadre (same order): needed and assigned headcount over time, all sites together.
    pub series: Vec<Vec<ChartPoint>>,
    pub options: SurgeOptions,
    /// Sites, dates.
    pub site_count: usize,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
}

impl SurgeResults {
    pub fn rows_of(&self, level: SurgeLevel) -> impl Iterator<Item = &SurgeRow> {
        self.rows.iter().filter(move |r| r.level == level)
    }
}

/// What a (site, cadre) needs to compute its rows.
struct Line {
    site: usize,
    cadre: usize,
    awt_hours: f64,
    assigned: f64,
}

fn sum(a: &BySeverity) -> f64 {
    a.iter().sum()
}

/// Computes every row. Errors (located) when a cadre has no working time for a site's type.
pub fn compute(s: &SurgeStudy, options: &SurgeOptions) -> Result<SurgeResults, Vec<Problem>> {
    let study = &s.study;
    let mut problems = Vec::new();
    // AWT per (site, cadre) and assigned staff.
    let mut lines: Vec<Line> = Vec::new();
    for (si, site) in s.sites.iter().enumerate() {
        let facility = &study.facilities[site.facility];
        for (ci, standard) in s.standards.iter().enumerate() {
            let Some(wt) = working_time_for(study, standard.cadre, &facility.type_key) else {
                if study.working_time.iter().any(|w| w.cadre == standard.cadre) {
                    problems.push(
                        Problem::error(
                            Code::NoWorkingTime,
                            crate::messages::surge::no_working_time_at_site(
                                &study.cadres[standard.cadre].name,
                                &facility.id,
                                facility.facility_type.as_deref().unwrap_or(""),
                            ),
                        )
                        .at(standard.location.clone())
                        .hint(crate::messages::engine::add_working_time()),
                    );
                }
                continue;
            };
            let awt = match study.working_time[wt].time.awt() {
                Ok(a) => a.hours(),
                Err(e) => {
                    problems.push(
                        Problem::error(
                            Code::BadWorkingTime,
                            crate::messages::engine::method_error(&e),
                        )
                        .at(study.working_time[wt].location.clone()),
                    );
                    continue;
                }
            };
            lines.push(Line {
                site: si,
                cadre: ci,
                awt_hours: awt,
                assigned: s
                    .assigned
                    .get(&(site.facility, standard.cadre))
                    .copied()
                    .unwrap_or(0.0),
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let cadre_name = |ci: usize| study.cadres[s.standards[ci].cadre].name.clone();
    // Site rows, date × site × cadre.
    let mut dates: Vec<NaiveDate> = s
        .sites
        .iter()
        .flat_map(|site| site.census.keys().copied())
        .collect();
    dates.sort();
    dates.dedup();
    let mut site_rows: Vec<SurgeRow> = Vec::new();
    // The site rows of each line, in date order.
    let mut rows_of_line: Vec<Vec<usize>> = vec![Vec::new(); lines.len()];
    for &date in &dates {
        for (li, line) in lines.iter().enumerate() {
            let site = &s.sites[line.site];
            let Some(census) = site.census.get(&date) else {
                continue;
            };
            let patients: BySeverity = census.map(|n| n * options.scale_census);
            let standard = &s.standards[line.cadre];
            let has_patients = sum(&patients) > 0.0;
            let load = surge::load(&patients, &standard.patients_per_staff);
            let on_duty = surge::on_duty(load, standard.min_on_duty, has_patients);
            let needed = surge::headcount(on_duty, line.awt_hours);
            let available = surge::available(line.assigned, options.absence_rate);
            let o = surge::compare(available, needed, &options.bands);
            let f = &study.facilities[site.facility];
            rows_of_line[li].push(site_rows.len());
            site_rows.push(SurgeRow {
                level: SurgeLevel::Site,
                date: Some(date),
                facility_id: Some(f.id.clone()),
                facility_name: f.name.clone(),
                facility_type: f.facility_type.clone(),
                district: f.district.clone(),
                region: f.region.clone(),
                cadre: cadre_name(line.cadre),
                cadre_index: line.cadre,
                patients: Some(patients),
                load: Some(load),
                on_duty: Some(on_duty),
                headcount_needed: Some(needed),
                assigned: line.assigned,
                available,
                difference: Some(o.difference),
                ratio: o.ratio,
                status: o.status,
                peak_date: None,
                peak_headcount: None,
                days_in_shortage: None,
                largest_shortage: None,
                awt_hours: Some(line.awt_hours),
            });
        }
    }
    let mut rows = site_rows.clone();
    for level in &options.by {
        rows.extend(roll_up(&site_rows, *level, options));
    }
    // Summary rows, site × cadre.
    for (line, indexes) in lines.iter().zip(&rows_of_line) {
        let site = &s.sites[line.site];
        let f = &study.facilities[site.facility];
        let mine: Vec<&SurgeRow> = indexes.iter().map(|&i| &site_rows[i]).collect();
        let peak = peak_of(&mine);
        let available = surge::available(line.assigned, options.absence_rate);
        rows.push(SurgeRow {
            level: SurgeLevel::Summary,
            date: None,
            facility_id: Some(f.id.clone()),
            facility_name: f.name.clone(),
            facility_type: f.facility_type.clone(),
            district: f.district.clone(),
            region: f.region.clone(),
            cadre: cadre_name(line.cadre),
            cadre_index: line.cadre,
            patients: None,
            load: None,
            on_duty: None,
            headcount_needed: None,
            assigned: line.assigned,
            available,
            difference: None,
            ratio: None,
            status: None,
            peak_date: peak.as_ref().and_then(|p| p.row.date),
            peak_headcount: peak.as_ref().map(|p| p.row.headcount_needed.unwrap_or(0.0)),
            days_in_shortage: Some(peak.as_ref().map_or(0, |p| p.days_in_shortage)),
            largest_shortage: Some(peak.as_ref().map_or(0.0, |p| p.largest_shortage)),
            awt_hours: Some(line.awt_hours),
        });
    }
    // Chart series: every site together, per cadre and date.
    let national = roll_up(&site_rows, GroupLevel::National, options);
    let series = (0..s.standards.len())
        .map(|ci| {
            national
                .iter()
                .filter(|r| r.cadre_index == ci)
                .map(|r| ChartPoint {
                    date: r.date.expect("group rows have dates"),
                    needed: r.headcount_needed.unwrap_or(0.0),
                    assigned: r.assigned,
                    available: r.available,
                })
                .collect()
        })
        .collect();
    Ok(SurgeResults {
        rows,
        cadres: (0..s.standards.len()).map(cadre_name).collect(),
        series,
        options: options.clone(),
        site_count: s.sites.len(),
        first_date: dates.first().copied(),
        last_date: dates.last().copied(),
    })
}

/// The peak of the dated rows of one place and cadre, with its days in shortage.
#[derive(Debug, Clone, PartialEq)]
pub struct Peak<'a> {
    /// The row of the earliest date with the highest headcount needed.
    pub row: &'a SurgeRow,
    /// Dates whose status is `shortage`.
    pub days_in_shortage: u32,
    /// The largest `headcount_needed − available` over the dates, at least 0.
    pub largest_shortage: f64,
}

/// The peak of dated rows of one place and cadre, given in date order; `None` when there are
/// none.
pub fn peak_of<'a>(rows: &[&'a SurgeRow]) -> Option<Peak<'a>> {
    let mut best: Option<&SurgeRow> = None;
    let mut days = 0;
    let mut largest = 0.0f64;
    for &r in rows {
        let needed = r.headcount_needed.unwrap_or(0.0);
        // Rows come in date order, so `>` keeps the earliest date of the highest value.
        if best.map_or(true, |b| needed > b.headcount_needed.unwrap_or(0.0)) {
            best = Some(r);
        }
        if r.status == Some(Status::Shortage) {
            days += 1;
        }
        largest = largest.max(needed - r.available);
    }
    best.map(|row| Peak {
        row,
        days_in_shortage: days,
        largest_shortage: largest,
    })
}

/// Roll-up rows per date, group and cadre: patients, load, staff on duty, headcount needed,
/// assigned and available are summed over the group's sites that have a census that date; the
/// difference, ratio and status are those of the sums.
pub fn roll_up(site_rows: &[SurgeRow], level: GroupLevel, options: &SurgeOptions) -> Vec<SurgeRow> {
    #[derive(Default)]
    struct Acc {
        cadre: String,
        patients: BySeverity,
        load: f64,
        on_duty: f64,
        needed: f64,
        assigned: f64,
        available: f64,
        regions: Vec<Option<String>>,
    }
    let mut groups: BTreeMap<(NaiveDate, Option<String>, usize), Acc> = BTreeMap::new();
    for r in site_rows.iter().filter(|r| r.level == SurgeLevel::Site) {
        let group = match level {
            GroupLevel::District => r.district.clone(),
            GroupLevel::Region => r.region.clone(),
            GroupLevel::National => None,
        };
        let acc = groups
            .entry((r.date.expect("site rows have dates"), group, r.cadre_index))
            .or_default();
        acc.cadre.clone_from(&r.cadre);
        if let Some(p) = &r.patients {
            for (t, n) in acc.patients.iter_mut().zip(p) {
                *t += n;
            }
        }
        acc.load += r.load.unwrap_or(0.0);
        acc.on_duty += r.on_duty.unwrap_or(0.0);
        acc.needed += r.headcount_needed.unwrap_or(0.0);
        acc.assigned += r.assigned;
        acc.available += r.available;
        if !acc.regions.contains(&r.region) {
            acc.regions.push(r.region.clone());
        }
    }
    groups
        .into_iter()
        .map(|((date, group, ci), acc)| {
            let o = surge::compare(acc.available, acc.needed, &options.bands);
            let (district, region) = match level {
                GroupLevel::District => (
                    group,
                    (acc.regions.len() == 1)
                        .then(|| acc.regions[0].clone())
                        .flatten(),
                ),
                GroupLevel::Region => (None, group),
                GroupLevel::National => (None, None),
            };
            SurgeRow {
                level: level.level(),
                date: Some(date),
                facility_id: None,
                facility_name: None,
                facility_type: None,
                district,
                region,
                cadre: acc.cadre,
                cadre_index: ci,
                patients: Some(acc.patients),
                load: Some(acc.load),
                on_duty: Some(acc.on_duty),
                headcount_needed: Some(acc.needed),
                assigned: acc.assigned,
                available: acc.available,
                difference: Some(o.difference),
                ratio: o.ratio,
                status: o.status,
                peak_date: None,
                peak_headcount: None,
                days_in_shortage: None,
                largest_shortage: None,
                awt_hours: None,
            }
        })
        .collect()
}

/// The first result number that is not finite (a census so large that the load overflows), as
/// an error naming the site, date and cadre: `inf` is never written.
pub fn non_finite(results: &SurgeResults) -> Option<crate::diag::Problem> {
    for r in &results.rows {
        let numbers = [
            r.load,
            r.on_duty,
            r.headcount_needed,
            Some(r.assigned),
            Some(r.available),
            r.difference,
            r.ratio,
            r.peak_headcount,
            r.largest_shortage,
        ];
        let patients = r.patients.iter().flatten().map(|p| Some(*p));
        if numbers
            .into_iter()
            .chain(patients)
            .flatten()
            .any(|v| !v.is_finite())
        {
            return Some(
                crate::diag::Problem::error(
                    Code::TooLarge,
                    crate::messages::surge::too_large(
                        &r.facility_id
                            .as_deref()
                            .map_or_else(crate::messages::surge::a_group, |id| {
                                crate::diag::Msg::new(id, id)
                            }),
                        &r.cadre,
                        &r.date
                            .map(|d| crate::messages::surge::on_date(super::dates::iso(d)))
                            .unwrap_or_default(),
                    ),
                )
                .hint(crate::messages::surge::check_census_counts()),
            );
        }
    }
    None
}
