//! Units of activity standards (study-format §2, wisn-method §2–4), recognised before
//! normalisation (`%` would otherwise normalise to nothing), with their French spellings.
//!
//! A time per period is made annual with the **working-period convention**: an activity done per
//! day, week or month of work happens only while the person is at work, so a day is a working
//! day, a week a working week and a month a working month (wisn-method §3).

use super::awt::Awt;
use crate::names::normalise;

/// Unit of a health-service standard (wisn-method §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ServiceUnit {
    /// `min`: minutes per unit of activity.
    MinutesPerUnit,
    /// `h`: hours per unit of activity.
    HoursPerUnit,
    /// `per_hour`: units per hour (a rate of working).
    PerHour,
    /// `per_day`: units per working day.
    PerDay,
}

/// Unit of a span of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeUnit {
    Minutes,
    Hours,
    /// Working days: one day is `hours_per_day` hours.
    Days,
}

/// The period a time is given per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    Day,
    Week,
    Month,
    Year,
}

/// Unit of a support (CAS) or additional (IAS) standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AllowanceUnit {
    /// `%` of working time (support only).
    Percent,
    /// A time per period, e.g. `h/week`.
    Time(TimeUnit, Period),
}

impl ServiceUnit {
    /// Reads a service unit: `min` `mn` `minutes`, `h` `heures`, `per_hour` `par_heure`,
    /// `per_day` `par_jour` (and close variants).
    pub fn parse(text: &str) -> Option<ServiceUnit> {
        let n = normalise(text);
        let tokens: Vec<&str> = n.split('_').filter(|t| !t.is_empty()).collect();
        let first = *tokens.first()?;
        let is_per = |t: &&str| matches!(*t, "per" | "par" | "by" | "a");
        let slash_rate = text.trim_start().starts_with('/');
        // A time per unit of activity: `min`, `heures`, `min par acte`, `minutes per unit`.
        if !slash_rate && (is_minutes(first) || is_hours(first)) {
            let rest = &tokens[1..];
            let per_unit = match rest {
                [] => true,
                [p] => is_per(p) || period(p).is_none(),
                [p, what] => is_per(p) && period(what).is_none(),
                _ => false,
            };
            if !per_unit {
                return None;
            }
            return Some(if is_minutes(first) {
                ServiceUnit::MinutesPerUnit
            } else {
                ServiceUnit::HoursPerUnit
            });
        }
        // A rate: `per_hour`, `par heure`, `/h`, `actes par jour`.
        let rate = slash_rate || tokens.iter().any(is_per);
        let last = *tokens.last()?;
        match (rate, last) {
            (true, t) if is_hours(t) => Some(ServiceUnit::PerHour),
            (true, t) if is_day(t) => Some(ServiceUnit::PerDay),
            _ => None,
        }
    }

    /// The canonical spelling, as the spec writes it.
    pub fn as_str(&self) -> &'static str {
        match self {
            ServiceUnit::MinutesPerUnit => "min",
            ServiceUnit::HoursPerUnit => "h",
            ServiceUnit::PerHour => "per_hour",
            ServiceUnit::PerDay => "per_day",
        }
    }
}

fn is_minutes(t: &str) -> bool {
    matches!(t, "min" | "mn" | "mins" | "minute" | "minutes")
}
fn is_hours(t: &str) -> bool {
    matches!(
        t,
        "h" | "hr" | "hrs" | "hour" | "hours" | "heure" | "heures"
    )
}
fn is_days(t: &str) -> bool {
    matches!(
        t,
        "d" | "j" | "day" | "days" | "jour" | "jours" | "jr" | "jrs"
    )
}
fn is_day(t: &str) -> bool {
    matches!(
        t,
        "d" | "j" | "day" | "jour" | "jr" | "days" | "jours" | "journee"
    )
}
fn period(t: &str) -> Option<Period> {
    match t {
        _ if is_day(t) => Some(Period::Day),
        "week" | "weeks" | "wk" | "semaine" | "semaines" | "sem" => Some(Period::Week),
        "month" | "months" | "mo" | "mois" => Some(Period::Month),
        "year" | "years" | "yr" | "y" | "an" | "ans" | "annee" | "annees" | "annum" => {
            Some(Period::Year)
        }
        _ => None,
    }
}

impl AllowanceUnit {
    /// Reads a support/additional unit: `%` (`pct`, `pourcent`) or a time per period such as
    /// `h/week`, `min/jour`, `jours/an`, `heures par mois`.
    pub fn parse(text: &str) -> Option<AllowanceUnit> {
        let trimmed = text.trim();
        if trimmed == "%" {
            return Some(AllowanceUnit::Percent);
        }
        let n = normalise(trimmed);
        if matches!(
            n.as_str(),
            "pct" | "pourcent" | "pourcentage" | "percent" | "percentage" | "pc"
        ) {
            return Some(AllowanceUnit::Percent);
        }
        let tokens: Vec<&str> = n.split('_').filter(|t| !t.is_empty()).collect();
        let (unit, per) = match tokens.as_slice() {
            [u, p] => (*u, *p),
            [u, "per" | "par" | "by" | "a" | "each", p] => (*u, *p),
            _ => return None,
        };
        let time = if is_minutes(unit) {
            TimeUnit::Minutes
        } else if is_hours(unit) {
            TimeUnit::Hours
        } else if is_days(unit) {
            TimeUnit::Days
        } else {
            return None;
        };
        Some(AllowanceUnit::Time(time, period(per)?))
    }

    /// The canonical spelling (`%`, `h/week`, `days/year`, ...).
    pub fn as_string(&self) -> String {
        match self {
            AllowanceUnit::Percent => "%".into(),
            AllowanceUnit::Time(t, p) => {
                let t = match t {
                    TimeUnit::Minutes => "min",
                    TimeUnit::Hours => "h",
                    TimeUnit::Days => "days",
                };
                let p = match p {
                    Period::Day => "day",
                    Period::Week => "week",
                    Period::Month => "month",
                    Period::Year => "year",
                };
                format!("{t}/{p}")
            }
        }
    }
}

/// Hours a year of an activity given as `amount` `unit` per `period`, by the working-period
/// convention: per day × working days, per week × working weeks, per month × working months, per
/// year × 1; a day of time is `hours_per_day` hours.
pub fn annual_hours(awt: &Awt, amount: f64, unit: TimeUnit, period: Period) -> f64 {
    let hours = match unit {
        TimeUnit::Minutes => amount / 60.0,
        TimeUnit::Hours => amount,
        TimeUnit::Days => amount * awt.hours_per_day,
    };
    let times_a_year = match period {
        Period::Day => awt.working_days,
        Period::Week => awt.working_weeks(),
        Period::Month => awt.working_months(),
        Period::Year => 1.0,
    };
    hours * times_a_year
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_units_english_and_french() {
        use ServiceUnit::*;
        for (t, u) in [
            ("min", MinutesPerUnit),
            ("mn", MinutesPerUnit),
            ("Minutes", MinutesPerUnit),
            ("h", HoursPerUnit),
            ("heures", HoursPerUnit),
            ("per_hour", PerHour),
            ("par_heure", PerHour),
            ("par heure", PerHour),
            ("/h", PerHour),
            ("per_day", PerDay),
            ("par_jour", PerDay),
            ("Par jour", PerDay),
            ("min par acte", MinutesPerUnit),
        ] {
            assert_eq!(ServiceUnit::parse(t), Some(u), "{t}");
        }
        for t in ["", "%", "h/week", "per_fortnight", "kg"] {
            assert_eq!(ServiceUnit::parse(t), None, "{t}");
        }
    }

    #[test]
    fn allowance_units_english_and_french() {
        use AllowanceUnit::*;
        use Period::*;
        use TimeUnit::*;
        for (t, u) in [
            ("%", Percent),
            (" % ", Percent),
            ("pct", Percent),
            ("pourcent", Percent),
            ("min/day", Time(Minutes, Day)),
            ("min/week", Time(Minutes, Week)),
            ("min/month", Time(Minutes, Month)),
            ("min/year", Time(Minutes, Year)),
            ("h/day", Time(Hours, Day)),
            ("h/week", Time(Hours, Week)),
            ("h/month", Time(Hours, Month)),
            ("h/year", Time(Hours, Year)),
            ("days/year", Time(Days, Year)),
            ("min/jour", Time(Minutes, Day)),
            ("min/semaine", Time(Minutes, Week)),
            ("min/mois", Time(Minutes, Month)),
            ("min/an", Time(Minutes, Year)),
            ("h/jour", Time(Hours, Day)),
            ("h/semaine", Time(Hours, Week)),
            ("h/mois", Time(Hours, Month)),
            ("h/an", Time(Hours, Year)),
            ("jours/an", Time(Days, Year)),
            ("heures par mois", Time(Hours, Month)),
            ("H/Semaine", Time(Hours, Week)),
        ] {
            assert_eq!(AllowanceUnit::parse(t), Some(u), "{t}");
            assert_eq!(AllowanceUnit::parse(&u.as_string()), Some(u));
        }
        for t in ["", "min", "h", "per_day", "h/fortnight", "%%"] {
            assert_eq!(AllowanceUnit::parse(t), None, "{t}");
        }
    }

    fn five_by_eight(leave: f64) -> Awt {
        crate::method::WorkingTime {
            days_per_week: 5.0,
            hours_per_day: 8.0,
            public_holidays: leave,
            annual_leave: 0.0,
            sick_leave: 0.0,
            other_leave: 0.0,
        }
        .awt()
        .unwrap()
    }

    /// wisn-method §6.3: 1 h/week on 5 × 8 h is 2.5 % whatever the leave; 30 min/day is 6.25 %.
    #[test]
    fn unit_conversion_vector() {
        for leave in [0.0, 10.0, 43.0] {
            let awt = five_by_eight(leave);
            let pct = annual_hours(&awt, 1.0, TimeUnit::Hours, Period::Week) / awt.hours() * 100.0;
            assert!((pct - 2.5).abs() < 1e-12, "{pct}");
            let pct =
                annual_hours(&awt, 30.0, TimeUnit::Minutes, Period::Day) / awt.hours() * 100.0;
            assert!((pct - 6.25).abs() < 1e-12, "{pct}");
        }
    }
}
