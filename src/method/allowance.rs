//! Standard workload, health-service staff (A), category allowance (CAS → CAF) and individual
//! allowance (IAS → IAF): wisn-method §2–5.
//!
//! ```text
//! SW (min)      = AWT_hours × 60 / standard      SW (h)       = AWT_hours / standard
//! SW (per_hour) = AWT_hours × standard           SW (per_day) = working_days × standard
//! A             = Σ_i annual_volume_i / SW_i
//! CAS%_j        = annual_hours_j / AWT_hours × 100   (or the % given)
//! CAF           = 1 / (1 − Σ_j CAS%_j / 100)         (an error when Σ CAS% ≥ 100)
//! IAS_total     = Σ_k annual_hours_k × staff_k
//! IAF           = IAS_total / AWT_hours
//! required      = A × CAF + IAF
//! ```

use super::awt::Awt;
use super::units::{annual_hours, AllowanceUnit, ServiceUnit};
use super::MethodError;

/// Standard workload: units of the activity one staff member can do in a year.
pub fn standard_workload(awt: &Awt, standard: f64, unit: ServiceUnit) -> Result<f64, MethodError> {
    if standard.is_nan() || standard <= 0.0 {
        return Err(MethodError::StandardNotPositive(standard));
    }
    Ok(match unit {
        ServiceUnit::MinutesPerUnit => awt.hours() * 60.0 / standard,
        ServiceUnit::HoursPerUnit => awt.hours() / standard,
        ServiceUnit::PerHour => awt.hours() * standard,
        ServiceUnit::PerDay => awt.working_days * standard,
    })
}

/// A: staff needed for health-service activities, `Σ volume_i / SW_i`.
pub fn service_staff<I>(volumes_and_workloads: I) -> f64
where
    I: IntoIterator<Item = (f64, f64)>,
{
    volumes_and_workloads
        .into_iter()
        .map(|(volume, sw)| volume / sw)
        .sum()
}

/// Hours a year per person of an allowance item (`%` has no hours: `None`).
pub fn allowance_hours(awt: &Awt, amount: f64, unit: AllowanceUnit) -> Option<f64> {
    match unit {
        AllowanceUnit::Percent => None,
        AllowanceUnit::Time(t, p) => Some(annual_hours(awt, amount, t, p)),
    }
}

/// CAS of one support item, in percent of working time.
pub fn cas_percent(awt: &Awt, amount: f64, unit: AllowanceUnit) -> Result<f64, MethodError> {
    if amount < 0.0 {
        return Err(MethodError::Negative(amount));
    }
    Ok(match allowance_hours(awt, amount, unit) {
        None => amount,
        Some(hours) => hours / awt.hours() * 100.0,
    })
}

/// CAF from the total CAS percentage: `1 / (1 − Σ CAS% / 100)`.
pub fn caf(total_cas_percent: f64) -> Result<f64, MethodError> {
    if total_cas_percent >= 100.0 {
        return Err(MethodError::CasAtLeast100(total_cas_percent));
    }
    if total_cas_percent < 0.0 {
        return Err(MethodError::Negative(total_cas_percent));
    }
    Ok(1.0 / (1.0 - total_cas_percent / 100.0))
}

/// IAF from the total IAS hours a year (already multiplied by the staff doing each item).
pub fn iaf(total_ias_hours: f64, awt: &Awt) -> f64 {
    total_ias_hours / awt.hours()
}

/// The requirement of one cadre at one facility.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Requirement {
    /// A: staff for health-service activities.
    pub service_staff: f64,
    pub caf: f64,
    pub iaf: f64,
}

impl Requirement {
    /// `A × CAF + IAF`, unrounded.
    pub fn required(&self) -> f64 {
        self.service_staff * self.caf + self.iaf
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::{Period, TimeUnit, WorkingTime};

    fn kenya() -> Awt {
        WorkingTime {
            days_per_week: 4.5,
            hours_per_day: 8.0,
            public_holidays: 10.0,
            annual_leave: 30.0,
            sick_leave: 15.0,
            other_leave: 0.0,
        }
        .awt()
        .unwrap()
    }

    /// wisn-method §6.1: Kenya 2017. A = 3,125 / 179 = 17.4581…; training 10 days/year →
    /// CAS = 80 / 1,432 = 5.5866 %; CAF = 179/169; A × CAF = 18.4911.
    #[test]
    fn kenya_2017_vector() {
        let awt = kenya();
        let sw = standard_workload(&awt, 15.0, ServiceUnit::MinutesPerUnit).unwrap();
        assert!((sw - 1432.0 * 4.0).abs() < 1e-9);
        let a = service_staff([(100_000.0, sw)]);
        assert!((a - 3125.0 / 179.0).abs() < 1e-12, "{a}");
        assert_eq!(format!("{a:.2}"), "17.46");
        let cas = cas_percent(
            &awt,
            10.0,
            AllowanceUnit::Time(TimeUnit::Days, Period::Year),
        )
        .unwrap();
        assert!((cas - 80.0 / 1432.0 * 100.0).abs() < 1e-12);
        assert_eq!(format!("{cas:.4}"), "5.5866");
        let caf = caf(cas).unwrap();
        assert!((caf - 179.0 / 169.0).abs() < 1e-12, "{caf}");
        assert_eq!(format!("{caf:.6}"), "1.059172");
        let r = Requirement {
            service_staff: a,
            caf,
            iaf: 0.0,
        };
        assert_eq!(format!("{:.4}", r.required()), "18.4911");
    }

    /// wisn-method §6.3: 13.75 % total → CAF = 80/69.
    #[test]
    fn caf_vector() {
        assert!((caf(13.75).unwrap() - 80.0 / 69.0).abs() < 1e-12);
        assert_eq!(format!("{:.6}", caf(13.75).unwrap()), "1.159420");
        assert_eq!(caf(0.0).unwrap(), 1.0);
        assert_eq!(caf(100.0), Err(MethodError::CasAtLeast100(100.0)));
        assert!(caf(120.0).is_err());
    }

    #[test]
    fn every_service_unit_by_hand() {
        // 5 × 52 − 20 = 240 days × 8 h = 1,920 h.
        let awt = WorkingTime {
            days_per_week: 5.0,
            hours_per_day: 8.0,
            public_holidays: 20.0,
            annual_leave: 0.0,
            sick_leave: 0.0,
            other_leave: 0.0,
        }
        .awt()
        .unwrap();
        assert_eq!(
            standard_workload(&awt, 20.0, ServiceUnit::MinutesPerUnit).unwrap(),
            5760.0
        );
        assert_eq!(
            standard_workload(&awt, 2.0, ServiceUnit::HoursPerUnit).unwrap(),
            960.0
        );
        assert_eq!(
            standard_workload(&awt, 3.0, ServiceUnit::PerHour).unwrap(),
            5760.0
        );
        assert_eq!(
            standard_workload(&awt, 24.0, ServiceUnit::PerDay).unwrap(),
            5760.0
        );
        for bad in [0.0, -1.0, f64::NAN] {
            assert!(standard_workload(&awt, bad, ServiceUnit::MinutesPerUnit).is_err());
        }
        // IAS: 32 h/month × 10 staff = 320 h/month × 240/(5×52/12) months.
        let months = 240.0 / (260.0 / 12.0);
        let hours = allowance_hours(
            &awt,
            32.0,
            AllowanceUnit::Time(TimeUnit::Hours, Period::Month),
        )
        .unwrap();
        assert!((hours - 32.0 * months).abs() < 1e-9);
        assert!((iaf(hours * 10.0, &awt) - 320.0 * months / 1920.0).abs() < 1e-12);
        // 6 h/year is just 6 hours.
        assert_eq!(
            allowance_hours(
                &awt,
                6.0,
                AllowanceUnit::Time(TimeUnit::Hours, Period::Year)
            ),
            Some(6.0)
        );
        assert_eq!(
            cas_percent(&awt, 15.0, AllowanceUnit::Percent).unwrap(),
            15.0
        );
    }
}
