//! Scenarios (study-format §7.4): what a scenario row does to a study's numbers, pure.
//!
//! - `volume_factor` f: a workload volume × f.
//! - `standard_factor` f: the *time per unit* of a service standard × f, so a time unit (`min`,
//!   `h`) is multiplied by f and a rate unit (`per_hour`, `per_day`) is divided by f (a visit that
//!   takes 40 % longer is a rate 1.4 times slower).
//! - `staff_change` d: added to the staff in post; a result below 0 is 0.
//!
//! Rows of one scenario that match the same thing multiply (factors) or add (changes): see
//! [`combine_factors`] and [`apply_staff_change`].

use super::ServiceUnit;

/// A service standard as written, with its time per unit scaled by `factor`.
pub fn scaled_standard(value: f64, unit: ServiceUnit, factor: f64) -> f64 {
    match unit {
        ServiceUnit::MinutesPerUnit | ServiceUnit::HoursPerUnit => value * factor,
        ServiceUnit::PerHour | ServiceUnit::PerDay => value / factor,
    }
}

/// The factors of several matching rows multiply.
pub fn combine_factors(factors: impl IntoIterator<Item = f64>) -> f64 {
    factors.into_iter().product()
}

/// Staff in post after the summed changes of the matching rows, clamped at 0; `true` when the
/// clamp applied (the caller warns).
pub fn apply_staff_change(current: f64, changes: impl IntoIterator<Item = f64>) -> (f64, bool) {
    let total: f64 = changes.into_iter().sum();
    let after = current + total;
    if after < 0.0 {
        (0.0, true)
    } else {
        (after, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_standard_is_multiplied_and_a_rate_divided() {
        // A new protocol: an ANC visit of 30 min takes 40 min (factor 4/3).
        assert_eq!(
            scaled_standard(30.0, ServiceUnit::MinutesPerUnit, 4.0 / 3.0),
            40.0
        );
        assert_eq!(scaled_standard(0.5, ServiceUnit::HoursPerUnit, 2.0), 1.0);
        // 4 visits an hour, each taking twice as long: 2 an hour.
        assert_eq!(scaled_standard(4.0, ServiceUnit::PerHour, 2.0), 2.0);
        assert_eq!(scaled_standard(20.0, ServiceUnit::PerDay, 1.25), 16.0);
        // Factor 1 changes nothing, bit for bit.
        assert_eq!(
            scaled_standard(0.1 + 0.2, ServiceUnit::PerDay, 1.0),
            0.1 + 0.2
        );
    }

    #[test]
    fn factors_multiply_and_changes_add_then_clamp() {
        assert_eq!(combine_factors([1.3, 2.0]), 2.6);
        assert_eq!(combine_factors([]), 1.0);
        assert_eq!(apply_staff_change(3.0, [2.0, -1.0]), (4.0, false));
        assert_eq!(apply_staff_change(3.0, [-2.0, -2.0]), (0.0, true));
        assert_eq!(apply_staff_change(3.0, [-3.0]), (0.0, false));
    }
}
