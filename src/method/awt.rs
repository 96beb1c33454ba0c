//! Available working time (AWT), wisn-method §1.
//!
//! ```text
//! working_days   = days_per_week × 52 − (public_holidays + annual_leave + sick_leave + other_leave)
//! AWT_hours      = working_days × hours_per_day
//! working_weeks  = working_days / days_per_week
//! working_months = working_days / (days_per_week × 52 / 12)
//! ```

use super::MethodError;

/// A working-time row as the study states it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorkingTime {
    pub days_per_week: f64,
    pub hours_per_day: f64,
    pub public_holidays: f64,
    pub annual_leave: f64,
    pub sick_leave: f64,
    pub other_leave: f64,
}

/// Available working time, checked: working days and hours per day are positive.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Awt {
    pub days_per_week: f64,
    pub hours_per_day: f64,
    pub working_days: f64,
}

impl WorkingTime {
    /// Working days a year: `days_per_week × 52 − (holidays + leave)`.
    pub fn working_days(&self) -> f64 {
        self.days_per_week * 52.0
            - (self.public_holidays + self.annual_leave + self.sick_leave + self.other_leave)
    }

    /// The checked AWT, or the reason it is not usable.
    pub fn awt(&self) -> Result<Awt, MethodError> {
        for v in [
            self.public_holidays,
            self.annual_leave,
            self.sick_leave,
            self.other_leave,
        ] {
            if v < 0.0 {
                return Err(MethodError::Negative(v));
            }
        }
        if !(self.days_per_week > 0.0 && self.days_per_week <= 7.0) {
            return Err(MethodError::BadDaysPerWeek(self.days_per_week));
        }
        if self.hours_per_day <= 0.0 {
            return Err(MethodError::NoHoursPerDay(self.hours_per_day));
        }
        let working_days = self.working_days();
        if working_days <= 0.0 {
            return Err(MethodError::NoWorkingDays(working_days));
        }
        Ok(Awt {
            days_per_week: self.days_per_week,
            hours_per_day: self.hours_per_day,
            working_days,
        })
    }
}

impl Awt {
    /// AWT in hours a year: `working_days × hours_per_day`.
    pub fn hours(&self) -> f64 {
        self.working_days * self.hours_per_day
    }
    /// Weeks of work a year: `working_days / days_per_week`.
    pub fn working_weeks(&self) -> f64 {
        self.working_days / self.days_per_week
    }
    /// Months of work a year: `working_days / (days_per_week × 52 / 12)`.
    pub fn working_months(&self) -> f64 {
        self.working_days / (self.days_per_week * 52.0 / 12.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// wisn-method §6.1, Kenya 2017: 4.5 × 52 − 10 − 30 − 15 = 179 days; 8 h → 1,432 h.
    #[test]
    fn kenya_2017_awt() {
        let wt = WorkingTime {
            days_per_week: 4.5,
            hours_per_day: 8.0,
            public_holidays: 10.0,
            annual_leave: 30.0,
            sick_leave: 15.0,
            other_leave: 0.0,
        };
        let awt = wt.awt().unwrap();
        assert_eq!(awt.working_days, 179.0);
        assert_eq!(awt.hours(), 1432.0);
        assert!((awt.working_weeks() - 179.0 / 4.5).abs() < 1e-12);
        assert!((awt.working_months() - 179.0 / 19.5).abs() < 1e-12);
    }

    #[test]
    fn refuses_no_working_time() {
        let mut wt = WorkingTime {
            days_per_week: 1.0,
            hours_per_day: 8.0,
            public_holidays: 52.0,
            annual_leave: 0.0,
            sick_leave: 0.0,
            other_leave: 0.0,
        };
        assert_eq!(wt.awt(), Err(MethodError::NoWorkingDays(0.0)));
        wt.public_holidays = 0.0;
        wt.hours_per_day = 0.0;
        assert_eq!(wt.awt(), Err(MethodError::NoHoursPerDay(0.0)));
        wt.hours_per_day = 8.0;
        wt.days_per_week = 0.0;
        assert!(matches!(wt.awt(), Err(MethodError::BadDaysPerWeek(_))));
    }
}
