//! Reading a surge study (study-format §5): `working_time`, `facilities` and `cadre_aliases`
//! through the ordinary readers, then `covid_standards`, `census` (long or wide) or `admissions`
//! (expanded with the lengths of stay), and `covid_staff`. Every table goes through
//! [`crate::study::table_reader::read_table`], so CSV files and workbook sheets are read alike, and
//! every problem is collected with its place.

use crate::diag::Code;
use crate::diag::Reported;
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::dates::{iso, parse_date};
use super::schema::{
    ADMISSIONS, CENSUS, COVID_STAFF, COVID_STANDARDS, SURGE_TABLES, WIDE_CENSUS_IGNORED,
};
use crate::diag::{Diagnostics, Location, Problem};
use crate::messages::surge as m;
use crate::messages::Dec;
use crate::method::surge::{census_from_admissions, BySeverity, Severity};
use crate::model::Study;
use crate::names::closest;
use crate::numbers::full_precision;
use crate::study::schema::TableDef;
use crate::study::source::{Cell, Row, RowSource};
use crate::study::table_reader::{error_cell, read_table, require_columns, Fields, Header};
use crate::study::{locate_tables, open_source, small_tables, Builder, ReadOptions};

/// The COVID-19 standards of one cadre.
#[derive(Debug, Clone, PartialEq)]
pub struct CadreStandard {
    /// Index into `study.cadres`.
    pub cadre: usize,
    /// Patients one staff member covers on a shift, by severity (`None`: no standard, adds 0;
    /// infinity: 0 care hours per patient-day, adds 0).
    pub patients_per_staff: [Option<f64>; 4],
    /// The largest `min_on_duty` given for the cadre (0 when none).
    pub min_on_duty: f64,
    /// The cadre's first row, for messages.
    pub location: Location,
}

/// A treatment site and its census.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// Index into `study.facilities`.
    pub facility: usize,
    /// Patients by severity on each date of the site's census (no gap filling).
    pub census: BTreeMap<NaiveDate, BySeverity>,
}

/// Where the census came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CensusSource {
    #[default]
    Census,
    Admissions,
}

/// A surge study, read and checked.
#[derive(Debug, Clone, Default)]
pub struct SurgeStudy {
    /// Facilities, cadres and working time (the ordinary study model).
    pub study: Study,
    /// One entry per cadre of `covid_standards`, in the order first met.
    pub standards: Vec<CadreStandard>,
    /// The sites of the census (or admissions), in the order first met.
    pub sites: Vec<Site>,
    /// Staff assigned to COVID-19 care per (facility, cadre).
    pub assigned: HashMap<(usize, usize), f64>,
    pub has_covid_staff: bool,
    pub source: CensusSource,
}

use crate::study::small_tables::blank_cell;

fn unknown_severity(at: Location, value: &str) -> Problem {
    Problem::error(Code::UnknownSeverity, m::not_a_severity())
        .at(at)
        .value(value)
        .hint(m::severity_hint())
}

/// The longest stay `--length-of-stay` accepts, in days.
pub const MAX_STAY_DAYS: u32 = 365;
/// Census and admissions dates are between these years (a year typed 2200 for 2020 would make
/// millions of rows).
pub const DATE_YEARS: (i32, i32) = (2000, 2099);
/// The longest span of one site's dates, in days (about three years).
pub const MAX_SPAN_DAYS: i64 = 1100;

/// Reads the whole surge study: every table, every problem. `length_of_stay` is
/// `--length-of-stay`, by severity.
pub fn load(options: &ReadOptions, length_of_stay: &[Option<u32>; 4]) -> (SurgeStudy, Diagnostics) {
    let mut diag = Diagnostics::default();
    let mut b = Builder::default();
    let mut out = SurgeStudy::default();
    let tables = match locate_tables(options, SURGE_TABLES) {
        Ok(t) => t,
        Err(problems) => {
            diag.problems.extend(problems);
            return (out, diag);
        }
    };
    let study_path = options
        .study
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    for def in SURGE_TABLES {
        if matches!(def.name, "working_time" | "covid_standards") && !tables.contains_key(def.name)
        {
            diag.error(missing_table(&study_path, def));
        }
    }
    match (tables.get("census"), tables.get("admissions")) {
        (Some(c), Some(a)) => diag.error(
            Problem::error(
                Code::CensusAndAdmissions,
                m::census_and_admissions(c.display().to_string(), a.display().to_string()),
            )
            .at(Location::file(study_path.clone()))
            .hint(m::keep_one_census()),
        ),
        (None, None) => diag.error(
            Problem::error(Code::NoCensus, m::no_census())
                .at(Location::file(study_path.clone()))
                .hint(m::add_census()),
        ),
        _ => {}
    }
    let open = |name: &str| tables.get(name).map(|t| open_source(t, options.csv));
    if let Some(mut s) = open("cadre_aliases") {
        small_tables::read_cadre_aliases(s.as_mut(), &mut b, &mut diag);
    }
    if let Some(mut s) = open("facilities") {
        b.study.has_facilities_table = true;
        small_tables::read_facilities(s.as_mut(), &mut b, &mut diag);
    }
    if let Some(mut s) = open("covid_standards") {
        out.standards = read_covid_standards(s.as_mut(), &mut b, &mut diag);
    }
    if let Some(mut s) = open("working_time") {
        small_tables::read_working_time(s.as_mut(), &mut b, &mut diag);
    }
    let census_table = if tables.contains_key("census") {
        Some((&CENSUS, "patients"))
    } else if tables.contains_key("admissions") {
        out.source = CensusSource::Admissions;
        Some((&ADMISSIONS, "admitted"))
    } else {
        None
    };
    if let Some((def, count)) = census_table {
        if let Some(mut s) = open(def.name) {
            let counts = read_counts(s.as_mut(), def, count, &mut b, &mut diag);
            out.sites = match out.source {
                CensusSource::Census => counts
                    .order
                    .iter()
                    .map(|&f| Site {
                        facility: f,
                        census: counts.by_site.get(&f).cloned().unwrap_or_default(),
                    })
                    .collect(),
                CensusSource::Admissions => expand_admissions(&counts, length_of_stay, &mut diag),
            };
            if counts.order.is_empty() && !diag.has_errors() {
                diag.warn(Problem::warning(Code::EmptyCensus, m::empty_census()).at(s.location()));
            }
        }
    }
    if let Some(mut s) = open("covid_staff") {
        out.has_covid_staff = true;
        out.assigned = read_covid_staff(s.as_mut(), &mut b, &mut diag, options);
    } else if tables.contains_key("covid_standards") {
        diag.warn(
            Problem::warning(Code::NoCovidStaff, m::no_covid_staff())
                .at(Location::file(study_path))
                .hint(m::add_covid_staff()),
        );
    }
    check(&mut out, &b, &mut diag);
    out.study = b.study;
    (out, diag)
}

fn missing_table(study_path: &str, def: &TableDef) -> Problem {
    let french = def.aliases.first().copied().unwrap_or(def.name);
    Problem::error(Code::MissingTable, m::no_table(def.name))
        .at(Location::file(study_path))
        .hint(m::add_table(def.name, french, def.name.replace('_', "-")))
}

/// `covid_standards`: one entry per cadre, ratios by severity, the largest `min_on_duty`.
fn read_covid_standards(
    source: &mut dyn RowSource,
    b: &mut Builder,
    diag: &mut Diagnostics,
) -> Vec<CadreStandard> {
    let mut out: Vec<CadreStandard> = Vec::new();
    let mut seen: HashMap<(usize, Severity), usize> = HashMap::new();
    read_table(
        source,
        &COVID_STANDARDS,
        diag,
        |h, f, d| {
            let mut ok = require_columns(h, f, &COVID_STANDARDS, &["cadre"], d);
            if !h.has("patients_per_staff") && !h.has("hours_per_patient_day") {
                let mut at = f.location.clone();
                at.row = Some(h.row);
                d.error(
                    Problem::error(Code::MissingColumn, m::no_ratio_column())
                        .at(at)
                        .hint(m::add_ratio_column()),
                );
                ok = false;
            } else {
                ok &= require_columns(h, f, &COVID_STANDARDS, &["severity"], d);
            }
            ok
        },
        |f, row, d| {
            let Some(cadre_name) = f.text(row, "cadre", d) else {
                d.error(blank_cell(
                    f,
                    row,
                    "cadre",
                    crate::messages::study::blank_what_cadre(),
                ));
                return;
            };
            let sev_col = f.header.get("severity").unwrap_or(0);
            let severity = match f.text(row, "severity", d) {
                Some(t) => match Severity::parse(&t) {
                    Some(s) => Some(s),
                    None => {
                        d.error(unknown_severity(f.at(row, sev_col), &t));
                        return;
                    }
                },
                None => None,
            };
            let Ok(per_staff) = f.number(row, "patients_per_staff", d) else {
                return;
            };
            let Ok(hours) = f.number(row, "hours_per_patient_day", d) else {
                return;
            };
            let ratio = match ratio_of(f, row, per_staff, hours, d) {
                Ok(r) => r,
                Err(Reported) => return,
            };
            let min_on_duty = match f.number(row, "min_on_duty", d) {
                Ok(Some(v)) if v >= 0.0 && v.fract() == 0.0 => Some(v),
                Ok(Some(v)) => {
                    let col = f.header.get("min_on_duty").unwrap_or(0);
                    d.error(
                        Problem::error(Code::BadMinOnDuty, m::bad_min_on_duty())
                            .at(f.at(row, col))
                            .value(full_precision(v))
                            .hint(m::write_min_on_duty()),
                    );
                    return;
                }
                Ok(None) => None,
                Err(Reported) => return,
            };
            match (severity, ratio) {
                (None, Some(_)) => {
                    d.error(blank_cell(
                        f,
                        row,
                        "severity",
                        crate::messages::study::blank_what_ratio_severity(),
                    ));
                    return;
                }
                (Some(_), None) => {
                    let name = if f.header.has("patients_per_staff") {
                        "patients_per_staff"
                    } else {
                        "hours_per_patient_day"
                    };
                    d.error(blank_cell(
                        f,
                        row,
                        name,
                        crate::messages::study::blank_what_ratio(),
                    ));
                    return;
                }
                (None, None) if min_on_duty.is_none() => {
                    d.error(blank_cell(
                        f,
                        row,
                        "severity",
                        crate::messages::study::blank_what_severity_and_ratio(),
                    ));
                    return;
                }
                _ => {}
            }
            let cadre = b.cadre(&cadre_name);
            if let Some(s) = severity {
                if let Some(first) = seen.get(&(cadre, s)) {
                    d.error(
                        Problem::error(
                            Code::DuplicateCovidStandard,
                            m::second_standard(s.as_str(), *first),
                        )
                        .at(f.at(row, sev_col))
                        .value(cadre_name)
                        .hint(m::one_row_per_severity()),
                    );
                    return;
                }
                seen.insert((cadre, s), row.number());
            }
            let entry = match out.iter().position(|c| c.cadre == cadre) {
                Some(i) => &mut out[i],
                None => {
                    out.push(CadreStandard {
                        cadre,
                        patients_per_staff: [None; 4],
                        min_on_duty: 0.0,
                        location: f.at_row(row),
                    });
                    out.last_mut().expect("just pushed")
                }
            };
            if let (Some(s), Some(p)) = (severity, ratio) {
                entry.patients_per_staff[s.index()] = Some(p);
            }
            if let Some(m) = min_on_duty {
                entry.min_on_duty = entry.min_on_duty.max(m);
            }
        },
    );
    out
}

/// The patients per staff of a row, from `patients_per_staff` p or `hours_per_patient_day` h
/// (p = 24 / h; h = 0 is infinity: the cadre gives no care to that severity).
fn ratio_of(
    f: &Fields,
    row: &dyn Row,
    per_staff: Option<f64>,
    hours: Option<f64>,
    d: &mut Diagnostics,
) -> Result<Option<f64>, Reported> {
    if let Some(p) = per_staff {
        if p <= 0.0 {
            let col = f.header.get("patients_per_staff").unwrap_or(0);
            d.error(
                Problem::error(
                    Code::BadPatientsPerStaff,
                    m::patients_per_staff_not_positive(),
                )
                .at(f.at(row, col))
                .value(full_precision(p))
                .hint(m::write_patients_per_staff()),
            );
            return Err(Reported);
        }
    }
    if let Some(h) = hours {
        if h < 0.0 {
            let col = f.header.get("hours_per_patient_day").unwrap_or(0);
            d.error(
                Problem::error(Code::Negative, m::negative_hours())
                    .at(f.at(row, col))
                    .value(full_precision(h))
                    .hint(m::write_care_hours()),
            );
            return Err(Reported);
        }
    }
    Ok(match (per_staff, hours) {
        (Some(p), Some(h)) => {
            let from_hours = crate::method::surge::patients_per_staff_from_hours(h);
            if (p - from_hours).abs() > 1e-9 * p.max(1.0) {
                d.error(
                    Problem::error(
                        Code::RatioDisagrees,
                        m::ratios_disagree(
                            Dec(full_precision(p)),
                            Dec(full_precision(h)),
                            Dec(full_precision(from_hours)),
                        ),
                    )
                    .at(f.at_row(row))
                    .hint(m::fill_one_ratio()),
                );
                return Err(Reported);
            }
            Some(p)
        }
        (Some(p), None) => Some(p),
        (None, Some(h)) => Some(crate::method::surge::patients_per_staff_from_hours(h)),
        (None, None) => None,
    })
}

/// Counts by site and date, as read from a census or admissions table.
#[derive(Debug, Default)]
struct Counts {
    /// Sites in the order first met.
    order: Vec<usize>,
    by_site: HashMap<usize, BTreeMap<NaiveDate, BySeverity>>,
    /// The first row with a positive count of each severity.
    first_row: [Option<Location>; 4],
    /// Per site: its earliest and latest dates with the row of each.
    extent: HashMap<usize, [(NaiveDate, Location); 2]>,
}

enum Shape {
    Long {
        severity: usize,
        count: usize,
    },
    /// Columns that are severities.
    Wide(Vec<(usize, Severity)>),
}

fn wide_columns(h: &Header) -> (Vec<(usize, Severity)>, Vec<usize>) {
    let mut severities = Vec::new();
    let mut ignored = Vec::new();
    for i in h.unknown_columns() {
        match Severity::parse_normalised(&h.normalised[i]) {
            Some(s) => severities.push((i, s)),
            None if WIDE_CENSUS_IGNORED.contains(&h.normalised[i].as_str()) => {}
            None => ignored.push(i),
        }
    }
    (severities, ignored)
}

fn shape_of(h: &Header, count_name: &str) -> Shape {
    if h.has("severity") {
        Shape::Long {
            severity: h.get("severity").unwrap_or(0),
            count: h.get(count_name).unwrap_or(0),
        }
    } else {
        Shape::Wide(wide_columns(h).0)
    }
}

/// A census or an admissions table, long (`severity`, count) or wide (one column per severity).
fn read_counts(
    source: &mut dyn RowSource,
    def: &'static TableDef,
    count_name: &'static str,
    b: &mut Builder,
    diag: &mut Diagnostics,
) -> Counts {
    let mut out = Counts::default();
    let mut shape: Option<Shape> = None;
    read_table(
        source,
        def,
        diag,
        |h, f, d| {
            if !require_columns(h, f, def, &["date", "facility_id"], d) {
                return false;
            }
            if h.has("severity") || h.has(count_name) {
                if !require_columns(h, f, def, &["severity", count_name], d) {
                    return false;
                }
                return true;
            }
            let mut at = f.location.clone();
            at.row = Some(h.row);
            let (severities, ignored) = wide_columns(h);
            if severities.is_empty() {
                d.error(
                    Problem::error(Code::NoSeverities, m::no_severities(count_name))
                        .at(at)
                        .hint(m::census_columns(count_name)),
                );
                return false;
            }
            let mut ok = true;
            for (k, &(i, s)) in severities.iter().enumerate() {
                if let Some(&(first, _)) = severities[..k].iter().find(|(_, t)| *t == s) {
                    let mut at = at.clone();
                    at.column = Some(h.names[i].clone());
                    d.error(
                        Problem::error(
                            Code::DuplicateHeader,
                            m::second_severity_column(s.as_str(), &h.names[first]),
                        )
                        .at(at)
                        .hint(m::one_column_per_severity()),
                    );
                    ok = false;
                }
            }
            if !ignored.is_empty() {
                let names: Vec<String> = ignored
                    .iter()
                    .map(|&i| format!("\"{}\"", h.names[i]))
                    .collect();
                d.warn(
                    Problem::warning(Code::UnknownColumn, m::not_severities(names.join(", ")))
                        .at(at)
                        .hint(m::name_after_severity(&m::severity_hint())),
                );
            }
            ok
        },
        |f, row, d| {
            let shape = shape.get_or_insert_with(|| shape_of(&f.header, count_name));
            let Some(id) = f.text(row, "facility_id", d) else {
                d.error(blank_cell(
                    f,
                    row,
                    "facility_id",
                    crate::messages::study::blank_what_site(),
                ));
                return;
            };
            let date_col = f.header.get("date").unwrap_or(0);
            let cell = row.cell(date_col);
            let date = match &cell {
                Cell::Error(e) => {
                    d.error(error_cell(f.at(row, date_col), e));
                    return;
                }
                c if c.is_blank() => {
                    d.error(blank_cell(
                        f,
                        row,
                        "date",
                        crate::messages::study::blank_what_date(),
                    ));
                    return;
                }
                c => match parse_date(c) {
                    Ok(date)
                        if !(DATE_YEARS.0..=DATE_YEARS.1)
                            .contains(&chrono::Datelike::year(&date)) =>
                    {
                        d.error(
                            Problem::error(
                                Code::DateOutOfRange,
                                m::date_out_of_range(DATE_YEARS.0, DATE_YEARS.1),
                            )
                            .at(f.at(row, date_col))
                            .value(c.to_text().trim().to_string())
                            .hint(m::check_year()),
                        );
                        return;
                    }
                    Ok(date) => date,
                    Err(why) => {
                        d.error(
                            Problem::error(Code::BadDate, why.what())
                                .at(f.at(row, date_col))
                                .value(c.to_text().trim().to_string())
                                .hint(why.hint()),
                        );
                        return;
                    }
                },
            };
            let mut counts: BySeverity = [0.0; 4];
            match shape {
                Shape::Long { severity, count } => {
                    let Ok(n) = f.non_negative(row, count_name, d) else {
                        return;
                    };
                    let n = n.unwrap_or(0.0);
                    match f.text_at(row, *severity, d) {
                        Some(t) => match Severity::parse(&t) {
                            Some(s) => {
                                counts[s.index()] = n;
                                if n > 0.0 && out.first_row[s.index()].is_none() {
                                    out.first_row[s.index()] = Some(f.at(row, *count));
                                }
                            }
                            None => {
                                d.error(unknown_severity(f.at(row, *severity), &t));
                                return;
                            }
                        },
                        None if n > 0.0 => {
                            d.error(blank_cell(
                                f,
                                row,
                                "severity",
                                crate::messages::study::blank_what_patient_severity(),
                            ));
                            return;
                        }
                        // A date with no severity and no patients: the site is open, empty.
                        None => {}
                    }
                }
                Shape::Wide(columns) => {
                    let mut ok = true;
                    for &(col, s) in columns.iter() {
                        let v = match f.number_at(row, col, d) {
                            Ok(v) => v.unwrap_or(0.0),
                            Err(Reported) => {
                                ok = false;
                                continue;
                            }
                        };
                        if v < 0.0 {
                            d.error(
                                Problem::error(Code::Negative, m::negative())
                                    .at(f.at(row, col))
                                    .value(full_precision(v))
                                    .hint(m::counts_not_negative()),
                            );
                            ok = false;
                            continue;
                        }
                        counts[s.index()] += v;
                        if v > 0.0 && out.first_row[s.index()].is_none() {
                            out.first_row[s.index()] = Some(f.at(row, col));
                        }
                    }
                    if !ok {
                        return;
                    }
                }
            }
            let facility = b.facility_for(&id, def.name);
            let days = out.by_site.entry(facility).or_insert_with(|| {
                out.order.push(facility);
                BTreeMap::new()
            });
            let day = days.entry(date).or_insert([0.0; 4]);
            for (total, n) in day.iter_mut().zip(counts) {
                *total += n;
            }
            let here = f.at(row, f.header.get("date").unwrap_or(0));
            let e = out
                .extent
                .entry(facility)
                .or_insert_with(|| [(date, here.clone()), (date, here.clone())]);
            if date < e[0].0 {
                e[0] = (date, here);
            } else if date > e[1].0 {
                e[1] = (date, here);
            }
        },
    );
    for &site in &out.order {
        let Some([(first, first_at), (last, last_at)]) = out.extent.get(&site) else {
            continue;
        };
        let span = (*last - *first).num_days();
        if span > MAX_SPAN_DAYS {
            diag.error(
                Problem::error(
                    Code::DateSpan,
                    m::date_span(
                        &b.study.facilities[site].id,
                        span,
                        iso(*first),
                        first_at.row.unwrap_or(0),
                        iso(*last),
                        MAX_SPAN_DAYS,
                    ),
                )
                .at(last_at.clone())
                .value(iso(*last))
                .hint(m::check_first_last_year()),
            );
        }
    }
    out
}

/// Admissions → census per site with `--length-of-stay`; every severity with admissions needs
/// a length of stay (an error at its first row otherwise).
fn expand_admissions(
    counts: &Counts,
    length_of_stay: &[Option<u32>; 4],
    diag: &mut Diagnostics,
) -> Vec<Site> {
    let mut ok = true;
    for s in Severity::ALL {
        if let (Some(at), None) = (&counts.first_row[s.index()], length_of_stay[s.index()]) {
            ok = false;
            diag.error(
                Problem::error(
                    Code::NoLengthOfStay,
                    m::no_length_of_stay(s.as_str(), s.french()),
                )
                .at(at.clone())
                .hint(m::give_length_of_stay(s.as_str())),
            );
        }
    }
    if !ok {
        return Vec::new();
    }
    counts
        .order
        .iter()
        .map(|&f| Site {
            facility: f,
            census: counts
                .by_site
                .get(&f)
                .map(|adm| census_from_admissions(adm, length_of_stay).unwrap_or_default())
                .unwrap_or_default(),
        })
        .collect()
}

/// `covid_staff`: staff assigned per (facility, cadre), summed; a person list (no `count`)
/// counts one per row, filtered by status as `staff` is.
fn read_covid_staff(
    source: &mut dyn RowSource,
    b: &mut Builder,
    diag: &mut Diagnostics,
    options: &ReadOptions,
) -> HashMap<(usize, usize), f64> {
    // Same shape as `staff` (study-format §5): the one staff reader serves both.
    crate::study::small_tables::read_staff_counts(source, &COVID_STAFF, b, diag, options)
}

/// Checks across tables once everything is read.
fn check(out: &mut SurgeStudy, b: &Builder, diag: &mut Diagnostics) {
    let study = &b.study;
    // Every cadre with COVID-19 standards needs a working_time row (AWT).
    for s in &out.standards {
        if !study.working_time.iter().any(|w| w.cadre == s.cadre) {
            diag.error(
                Problem::error(
                    Code::NoWorkingTime,
                    m::no_working_time(&study.cadres[s.cadre].name),
                )
                .at(s.location.clone())
                .hint(m::add_working_time()),
            );
        }
    }
    // Assigned staff that no row uses.
    let standard_cadres: Vec<usize> = out.standards.iter().map(|s| s.cadre).collect();
    let sites: Vec<usize> = out.sites.iter().map(|s| s.facility).collect();
    let mut without_standards: BTreeMap<usize, f64> = BTreeMap::new();
    let mut not_a_site: BTreeMap<usize, f64> = BTreeMap::new();
    for (&(f, c), &n) in &out.assigned {
        if !standard_cadres.contains(&c) {
            *without_standards.entry(c).or_default() += n;
        } else if !sites.contains(&f) {
            *not_a_site.entry(f).or_default() += n;
        }
    }
    let standard_keys: Vec<&str> = standard_cadres
        .iter()
        .map(|&c| study.cadres[c].key.as_str())
        .collect();
    for (c, n) in without_standards {
        let cadre = &study.cadres[c];
        let hint = match closest(&cadre.key, standard_keys.iter().copied()) {
            Some(k) => {
                let name = study
                    .cadres
                    .iter()
                    .find(|c| c.key == k)
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                m::did_you_mean_alias(&name, &cadre.name)
            }
            None => m::add_covid_standards(),
        };
        diag.warn(
            Problem::warning(
                Code::StaffWithoutStandards,
                m::staff_without_standards(&cadre.name, Dec(full_precision(n))),
            )
            .hint(hint),
        );
    }
    for (f, n) in not_a_site {
        diag.warn(
            Problem::warning(
                Code::StaffNotAtASite,
                m::staff_not_at_a_site(&study.facilities[f].id, Dec(full_precision(n))),
            )
            .hint(m::add_census_rows()),
        );
    }
    if !b.unlisted.is_empty() {
        let list: Vec<String> = b
            .unlisted
            .iter()
            .take(20)
            .map(|(id, (t, _))| format!("{id} ({t})"))
            .collect();
        diag.warn(
            Problem::warning(
                Code::FacilityNotListed,
                m::unlisted(b.unlisted.len(), list.join(", ")),
            )
            .hint(m::add_to_facilities()),
        );
    }
    small_tables::note_cadre_matches(b, diag);
    // Sites whose census has dates but the first and last are far apart are fine; say the span.
    if let (Some(first), Some(last)) = (
        out.sites
            .iter()
            .filter_map(|s| s.census.keys().next())
            .min(),
        out.sites
            .iter()
            .filter_map(|s| s.census.keys().next_back())
            .max(),
    ) {
        diag.note(Problem::warning(
            Code::CensusSpan,
            m::census_span(out.sites.len(), iso(*first), iso(*last)),
        ));
    }
}
