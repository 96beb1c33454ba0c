//! `wisn explain`: the calculation of one result (a facility and a cadre) step by step, as the WHO
//! WISN software's institution report shows it, so that an analyst can redo every number with a
//! calculator and defend it. Pure: builds an [`Explanation`] from a computed study and renders it
//! as text in a language; the command line is in [`crate::cli::explain`].
//!
//! The numbers are computed again here from the study with the very functions the engine uses,
//! in the same order, so the required staff equals the `required_staff` of `wisn compute` to the
//! last bit (a test checks it against the CSV output).

use crate::diag::Code;
use crate::messages::engine as m;
use std::fmt::Write as _;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};
use serde::Serialize;

use crate::diag::Problem;
use crate::engine::{ComputeOptions, Level, Profile, Results};
use crate::i18n::{Lang, Text};
use crate::method::{
    self, outcome, round_staff, AllowanceUnit, Awt, Period, Requirement, Rounding, ServiceUnit,
    Status, TimeUnit,
};
use crate::model::{StandardUnit, Study};

/// Where a number of the study is: file, sheet, row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub file: String,
    pub sheet: Option<String>,
    pub row: Option<usize>,
}

impl Source {
    fn of(l: &crate::diag::Location) -> Source {
        Source {
            file: l.file.clone(),
            sheet: l.sheet.clone(),
            row: l.row,
        }
    }
    /// `file, sheet "S", row 3` in a language.
    pub fn text(&self, lang: Lang) -> String {
        let mut s = self.file.clone();
        if let Some(sheet) = &self.sheet {
            s.push_str(&format!(", {} \"{sheet}\"", lang.t(Text::Sheet)));
        }
        if let Some(row) = self.row {
            s.push_str(&format!(", {} {row}", lang.t(Text::Row)));
        }
        s
    }
}

/// Step 1: available working time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkingTimeStep {
    pub days_per_week: f64,
    pub weeks_per_year: f64,
    /// `days_per_week × 52`.
    pub days_a_year: f64,
    pub public_holidays: f64,
    pub annual_leave: f64,
    pub sick_leave: f64,
    pub other_leave: f64,
    pub working_days: f64,
    pub hours_per_day: f64,
    pub awt_hours: f64,
    pub working_weeks: f64,
    pub working_months: f64,
    /// Where the working-time row is (file, row).
    pub source: Source,
}

/// Step 2: one health-service activity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceStep {
    pub activity: String,
    /// Annual volume at the facility (`None`: no workload row, counted as 0).
    pub volume: Option<f64>,
    pub standard: f64,
    pub unit: String,
    /// Standard workload: units one staff member can do in a year.
    pub standard_workload: f64,
    /// Staff for this activity: volume / standard workload.
    pub staff: f64,
    pub source: Source,
}

/// Step 3: one support activity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupportStep {
    pub activity: String,
    pub standard: f64,
    pub unit: String,
    /// Hours a year per person (`None` for a standard given in %).
    pub annual_hours: Option<f64>,
    /// CAS of the activity, in % of AWT.
    pub cas_pct: f64,
    pub source: Source,
}

/// Step 4: one additional activity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AdditionalStep {
    pub activity: String,
    pub standard: f64,
    pub unit: String,
    /// Hours a year per person doing it.
    pub annual_hours: f64,
    /// Staff members doing it.
    pub staff: f64,
    /// `annual_hours × staff`.
    pub total_hours: f64,
    pub source: Source,
}

/// The calculation of one facility row, step by step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub facility_id: String,
    pub facility_name: Option<String>,
    pub facility_type: Option<String>,
    pub district: Option<String>,
    pub region: Option<String>,
    pub cadre: String,
    pub working_time: WorkingTimeStep,
    pub services: Vec<ServiceStep>,
    /// A: Σ staff over the service activities.
    pub service_staff: f64,
    pub support: Vec<SupportStep>,
    pub cas_total_pct: f64,
    /// `1 / (1 − CAS / 100)`.
    pub caf: f64,
    pub additional: Vec<AdditionalStep>,
    pub ias_total_hours: f64,
    /// `IAS hours / AWT`.
    pub iaf: f64,
    /// `A × CAF + IAF`, unrounded: the CSV's `required_staff`.
    pub required_staff: f64,
    pub required_rounded: f64,
    pub rounding: &'static str,
    pub current_staff: f64,
    pub difference: f64,
    pub wisn_ratio: Option<f64>,
    pub workload_pressure_pct: f64,
    pub status: Option<Status>,
    /// The status bands `[low, high]`.
    pub bands: [f64; 2],
    pub completeness: Option<f64>,
}

fn unit_text(unit: &StandardUnit) -> String {
    match unit {
        StandardUnit::Service(u) => u.as_str().to_string(),
        StandardUnit::Allowance(u) => u.as_string(),
    }
}

/// Why there is no result for a facility and cadre that both exist.
pub fn why_no_result(study: &Study, results: &Results, facility: usize, cadre: usize) -> Problem {
    let f = &study.facilities[facility];
    let c = &study.cadres[cadre].name;
    let type_label = match &f.facility_type {
        Some(t) => crate::diag::Msg::new(t.clone(), t.clone()),
        None => m::no_type(),
    };
    if !results.profiles.contains_key(&(cadre, f.type_key.clone())) {
        Problem::error(
            Code::NoResult,
            m::no_result_no_standards(c, &f.id, &type_label),
        )
        .hint(m::add_standards())
    } else {
        Problem::error(Code::NoResult, m::no_result_no_data(c, &f.id))
            .hint(m::add_staff_or_workload())
    }
}

/// Explains the result of `cadre` at `facility`. `Err` when `wisn compute` has no such row.
pub fn explain(
    study: &Study,
    results: &Results,
    facility: usize,
    cadre: usize,
    options: &ComputeOptions,
) -> Result<Explanation, Problem> {
    let row = results
        .rows
        .iter()
        .find(|r| {
            r.level == Level::Facility
                && r.facility_index == Some(facility)
                && r.cadre_index == cadre
        })
        .ok_or_else(|| why_no_result(study, results, facility, cadre))?;
    let f = &study.facilities[facility];
    let profile: &Profile = &results.profiles[&(cadre, f.type_key.clone())];
    let wt_row = &study.working_time[profile.working_time];
    let t = &wt_row.time;
    let awt = &profile.awt;
    let working_time = WorkingTimeStep {
        days_per_week: t.days_per_week,
        weeks_per_year: 52.0,
        days_a_year: t.days_per_week * 52.0,
        public_holidays: t.public_holidays,
        annual_leave: t.annual_leave,
        sick_leave: t.sick_leave,
        other_leave: t.other_leave,
        working_days: awt.working_days,
        hours_per_day: awt.hours_per_day,
        awt_hours: awt.hours(),
        working_weeks: awt.working_weeks(),
        working_months: awt.working_months(),
        source: Source::of(&wt_row.location),
    };
    let services: Vec<ServiceStep> = profile
        .services
        .iter()
        .map(|l| {
            let s = &study.standards[l.standard];
            let volume = study.workload.volume(facility, l.activity);
            ServiceStep {
                activity: s.activity_name.clone(),
                volume,
                standard: s.value,
                unit: unit_text(&s.unit),
                standard_workload: l.standard_workload,
                staff: volume.unwrap_or(0.0) / l.standard_workload,
                source: Source::of(&s.location),
            }
        })
        .collect();
    // The engine's own sum, in the same order: the same bits.
    let service_staff = method::service_staff(
        services
            .iter()
            .map(|s| (s.volume.unwrap_or(0.0), s.standard_workload)),
    );
    let support = profile
        .support
        .iter()
        .map(|l| {
            let s = &study.standards[l.standard];
            SupportStep {
                activity: s.activity_name.clone(),
                standard: s.value,
                unit: unit_text(&s.unit),
                annual_hours: l.annual_hours,
                cas_pct: l.value,
                source: Source::of(&s.location),
            }
        })
        .collect();
    let additional = profile
        .additional
        .iter()
        .map(|l| {
            let s = &study.standards[l.standard];
            AdditionalStep {
                activity: s.activity_name.clone(),
                standard: s.value,
                unit: unit_text(&s.unit),
                annual_hours: l.annual_hours.unwrap_or(0.0),
                staff: s.staff,
                total_hours: l.value,
                source: Source::of(&s.location),
            }
        })
        .collect();
    let required = Requirement {
        service_staff,
        caf: profile.caf,
        iaf: profile.iaf,
    }
    .required();
    let current = row.current_staff;
    let o = outcome(current, required, &options.bands);
    Ok(Explanation {
        facility_id: f.id.clone(),
        facility_name: f.name.clone(),
        facility_type: f.facility_type.clone(),
        district: f.district.clone(),
        region: f.region.clone(),
        cadre: study.cadres[cadre].name.clone(),
        working_time,
        services,
        service_staff,
        support,
        cas_total_pct: profile.cas_total_pct,
        caf: profile.caf,
        additional,
        ias_total_hours: profile.ias_total_hours,
        iaf: profile.iaf,
        required_staff: required,
        required_rounded: round_staff(required, options.rounding),
        rounding: match options.rounding {
            Rounding::Nearest => "nearest",
            Rounding::Up => "up",
            Rounding::Down => "down",
        },
        current_staff: current,
        difference: o.difference,
        wisn_ratio: o.ratio,
        workload_pressure_pct: o.pressure_pct,
        status: o.status,
        bands: [options.bands.low, options.bands.high],
        completeness: row.completeness,
    })
}

/// Intermediate numbers: 6 decimals at most (enough to redo the sums), trailing zeros dropped.
fn n(lang: Lang, v: f64) -> String {
    lang.num_trim(v, 6)
}

/// The working time of a day / week / month / year, as a multiplier with its name.
fn per_period(lang: Lang, awt: &Awt, period: Period) -> String {
    match period {
        Period::Day => format!(
            "{} {}",
            n(lang, awt.working_days),
            lang.t(Text::WorkingDays).to_lowercase()
        ),
        Period::Week => format!(
            "{} {}",
            n(lang, awt.working_weeks()),
            lang.t(Text::WorkingWeeks)
        ),
        Period::Month => format!(
            "{} {}",
            n(lang, awt.working_months()),
            lang.t(Text::WorkingMonths)
        ),
        Period::Year => "1".into(),
    }
}

/// How a time per period becomes hours a year, written out.
fn hours_formula(lang: Lang, awt: &Awt, amount: f64, unit: AllowanceUnit, hours: f64) -> String {
    let AllowanceUnit::Time(t, p) = unit else {
        return String::new();
    };
    let amount_h = match t {
        TimeUnit::Minutes => format!("{} min / 60", n(lang, amount)),
        TimeUnit::Hours => format!("{} h", n(lang, amount)),
        TimeUnit::Days => format!("{} × {} h", n(lang, amount), n(lang, awt.hours_per_day)),
    };
    format!(
        "{amount_h} × {} = {}",
        per_period(lang, awt, p),
        n(lang, hours)
    )
}

fn sw_formula(lang: Lang, awt: &Awt, standard: f64, unit: &str, sw: f64) -> String {
    let unit = ServiceUnit::parse(unit);
    let awt_h = n(lang, awt.hours());
    let s = n(lang, standard);
    let lhs = match unit {
        Some(ServiceUnit::MinutesPerUnit) => format!("{awt_h} × 60 / {s}"),
        Some(ServiceUnit::HoursPerUnit) => format!("{awt_h} / {s}"),
        Some(ServiceUnit::PerHour) => format!("{awt_h} × {s}"),
        Some(ServiceUnit::PerDay) => format!("{} × {s}", n(lang, awt.working_days)),
        None => String::new(),
    };
    format!("{lhs} = {}", n(lang, sw))
}

fn table() -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    t
}

fn right(s: String) -> Cell {
    Cell::new(s).set_alignment(CellAlignment::Right)
}

fn indent(out: &mut String, table: &Table) {
    for line in table.to_string().lines() {
        let _ = writeln!(out, "   {line}");
    }
}

/// The explanation as text, in a language.
pub fn render(e: &Explanation, lang: Lang) -> String {
    let mut out = String::new();
    let w = &e.working_time;
    let awt = Awt {
        days_per_week: w.days_per_week,
        hours_per_day: w.hours_per_day,
        working_days: w.working_days,
    };
    let colon = if lang == Lang::Fr { " :" } else { ":" };
    let name = e
        .facility_name
        .as_deref()
        .map(|n| format!(" ({n})"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{}{colon} {} {} {}{name}",
        lang.t(Text::ExplainTitle),
        e.cadre,
        lang.t(Text::At),
        e.facility_id
    );
    let mut place = Vec::new();
    for (label, v) in [
        (Text::Type, &e.facility_type),
        (Text::District, &e.district),
        (Text::Region, &e.region),
    ] {
        if let Some(v) = v {
            place.push(format!("{} {v}", lang.t(label)));
        }
    }
    if !place.is_empty() {
        let _ = writeln!(out, "{}", place.join(" · "));
    }

    // 1. AWT.
    let _ = writeln!(
        out,
        "\n{}   [{} {}]",
        lang.t(Text::Step1),
        lang.t(Text::FromRow),
        w.source.text(lang)
    );
    let line = |out: &mut String, label: String, value: String| {
        let _ = writeln!(out, "   {label:<44}{value:>12}");
    };
    line(
        &mut out,
        format!(
            "{} {} × {} {}",
            n(lang, w.days_per_week),
            lang.t(Text::DaysPerWeek),
            n(lang, w.weeks_per_year),
            lang.t(Text::WeeksPerYear)
        ),
        n(lang, w.days_a_year),
    );
    for (label, v) in [
        (Text::PublicHolidays, w.public_holidays),
        (Text::AnnualLeave, w.annual_leave),
        (Text::SickLeave, w.sick_leave),
        (Text::OtherLeave, w.other_leave),
    ] {
        line(&mut out, format!("− {}", lang.t(label)), n(lang, v));
    }
    line(
        &mut out,
        format!("= {}", lang.t(Text::WorkingDays)),
        n(lang, w.working_days),
    );
    line(
        &mut out,
        format!("× {}", lang.t(Text::HoursPerDay)),
        n(lang, w.hours_per_day),
    );
    line(
        &mut out,
        format!("= {} ({})", lang.t(Text::Awt), lang.t(Text::HoursPerYear)),
        n(lang, w.awt_hours),
    );
    let _ = writeln!(
        out,
        "   {} = {} / {} = {}{} {} = {} / ({} × 52 / 12) = {}",
        lang.t(Text::WorkingWeeks),
        n(lang, w.working_days),
        n(lang, w.days_per_week),
        n(lang, w.working_weeks),
        if lang == Lang::Fr { " ;" } else { ";" },
        lang.t(Text::WorkingMonths),
        n(lang, w.working_days),
        n(lang, w.days_per_week),
        n(lang, w.working_months)
    );

    // 2. Services.
    let _ = writeln!(out, "\n{}", lang.t(Text::Step2));
    if e.services.is_empty() {
        let _ = writeln!(out, "   {}", lang.t(Text::NoServiceActivities));
    } else {
        let mut t = table();
        t.set_header([
            lang.t(Text::Activity),
            lang.t(Text::VolumePerYear),
            lang.t(Text::Standard),
            lang.t(Text::StandardWorkload),
            lang.t(Text::StaffVolumeOverSw),
        ]);
        for s in &e.services {
            t.add_row([
                Cell::new(&s.activity),
                right(match s.volume {
                    Some(v) => n(lang, v),
                    None => lang.t(Text::NoVolume).to_string(),
                }),
                right(format!("{} {}", n(lang, s.standard), lang.unit(&s.unit))),
                right(sw_formula(
                    lang,
                    &awt,
                    s.standard,
                    &s.unit,
                    s.standard_workload,
                )),
                right(format!(
                    "{} / {} = {}",
                    n(lang, s.volume.unwrap_or(0.0)),
                    n(lang, s.standard_workload),
                    n(lang, s.staff)
                )),
            ]);
        }
        indent(&mut out, &t);
        let _ = writeln!(
            out,
            "   {} = {}",
            lang.t(Text::ServiceStaffA),
            n(lang, e.service_staff)
        );
    }
    if let Some(c) = e.completeness.filter(|c| *c < 1.0) {
        let _ = writeln!(
            out,
            "   {}{colon} {}/12",
            lang.t(Text::Completeness),
            n(lang, c * 12.0)
        );
    }

    // 3. Support.
    let _ = writeln!(out, "\n{}", lang.t(Text::Step3));
    if e.support.is_empty() {
        let _ = writeln!(out, "   {}", lang.t(Text::NoSupport));
    } else {
        let mut t = table();
        t.set_header([
            lang.t(Text::Activity),
            lang.t(Text::Standard),
            lang.t(Text::HoursPerYearPerPerson),
            lang.t(Text::PercentOfAwt),
        ]);
        for s in &e.support {
            let unit = AllowanceUnit::parse(&s.unit).unwrap_or(AllowanceUnit::Percent);
            let (hours, pct) = match s.annual_hours {
                Some(h) => (
                    hours_formula(lang, &awt, s.standard, unit, h),
                    format!(
                        "{} / {} × 100 = {} %",
                        n(lang, h),
                        n(lang, w.awt_hours),
                        n(lang, s.cas_pct)
                    ),
                ),
                None => ("—".to_string(), format!("{} %", n(lang, s.cas_pct))),
            };
            t.add_row([
                Cell::new(&s.activity),
                right(format!("{} {}", n(lang, s.standard), lang.unit(&s.unit))),
                right(hours),
                right(pct),
            ]);
        }
        indent(&mut out, &t);
        let _ = writeln!(
            out,
            "   {} = {} %",
            lang.t(Text::CasTotal),
            n(lang, e.cas_total_pct)
        );
        let _ = writeln!(
            out,
            "   {} = 1 / (1 − {} / 100) = {}",
            lang.column("caf"),
            n(lang, e.cas_total_pct),
            n(lang, e.caf)
        );
    }

    // 4. Additional.
    let _ = writeln!(out, "\n{}", lang.t(Text::Step4));
    if e.additional.is_empty() {
        let _ = writeln!(out, "   {}", lang.t(Text::NoAdditional));
    } else {
        let mut t = table();
        t.set_header([
            lang.t(Text::Activity),
            lang.t(Text::Standard),
            lang.t(Text::HoursPerYearPerPerson),
            lang.t(Text::StaffDoingIt),
            lang.t(Text::HoursTimesStaff),
        ]);
        for s in &e.additional {
            let unit = AllowanceUnit::parse(&s.unit).unwrap_or(AllowanceUnit::Percent);
            t.add_row([
                Cell::new(&s.activity),
                right(format!("{} {}", n(lang, s.standard), lang.unit(&s.unit))),
                right(hours_formula(lang, &awt, s.standard, unit, s.annual_hours)),
                right(n(lang, s.staff)),
                right(format!(
                    "{} × {} = {}",
                    n(lang, s.annual_hours),
                    n(lang, s.staff),
                    n(lang, s.total_hours)
                )),
            ]);
        }
        indent(&mut out, &t);
        let _ = writeln!(
            out,
            "   {} = {} h",
            lang.t(Text::IasTotal),
            n(lang, e.ias_total_hours)
        );
        let _ = writeln!(
            out,
            "   {} = {} / {} = {}",
            lang.column("iaf"),
            n(lang, e.ias_total_hours),
            n(lang, w.awt_hours),
            n(lang, e.iaf)
        );
    }

    // 5. Result.
    let _ = writeln!(out, "\n{}", lang.t(Text::Step5));
    let (caf, iaf) = (lang.column("caf"), lang.column("iaf"));
    let _ = writeln!(
        out,
        "   {} = A × {caf} + {iaf} = {} × {} + {} = {}",
        lang.t(Text::RequiredStaff),
        n(lang, e.service_staff),
        n(lang, e.caf),
        n(lang, e.iaf),
        n(lang, e.required_staff)
    );
    let _ = writeln!(
        out,
        "   ({}{colon} {})",
        lang.t(Text::FullPrecision),
        lang.num_full(e.required_staff)
    );
    let rounding = match e.rounding {
        "up" => Text::RoundingUp,
        "down" => Text::RoundingDown,
        _ => Text::RoundingNearest,
    };
    let _ = writeln!(
        out,
        "   {} ({}) = {}",
        lang.t(Text::RequiredRounded),
        lang.t(rounding),
        n(lang, e.required_rounded)
    );
    let _ = writeln!(
        out,
        "   {} = {}",
        lang.t(Text::CurrentStaff),
        n(lang, e.current_staff)
    );
    let _ = writeln!(
        out,
        "   {} = {} − {} = {}",
        lang.t(Text::DifferenceFormula),
        n(lang, e.current_staff),
        n(lang, e.required_staff),
        n(lang, e.difference)
    );
    match e.wisn_ratio {
        Some(r) => {
            let _ = writeln!(
                out,
                "   {} = {} / {} = {}",
                lang.t(Text::RatioFormula),
                n(lang, e.current_staff),
                n(lang, e.required_staff),
                n(lang, r)
            );
            let _ = writeln!(
                out,
                "   {} = {} %",
                lang.t(Text::PressureFormula),
                if r < 1.0 {
                    format!(
                        "(1 − {}) × 100 = {}",
                        n(lang, r),
                        n(lang, e.workload_pressure_pct)
                    )
                } else {
                    "0".to_string()
                }
            );
        }
        None => {
            let _ = writeln!(
                out,
                "   {}{colon} {}",
                lang.t(Text::RatioFormula),
                lang.t(Text::NoRatio)
            );
        }
    }
    let status = e.status.map(|s| lang.status(s)).unwrap_or("—");
    let _ = writeln!(
        out,
        "   {} = {status} ({} {}, {} {})",
        lang.t(Text::Status),
        lang.t(Text::ShortageBelow),
        lang.num_trim(e.bands[0], 4),
        lang.t(Text::ExcessAbove),
        lang.num_trim(e.bands[1], 4)
    );
    out
}
