//! Group rows (district, region, facility type, national), pure: WISN results are never
//! averaged across facilities; a group sums current staff and **unrounded** required staff over
//! its facility rows, then takes the ratio, difference, pressure and status of those sums
//! (docs/wisn-method.md, study-format §5: "roll-ups are a ratio of sums"). Beside it,
//! `mean_facility_ratio` is the arithmetic mean of the facility ratios (study-format §7.1), as
//! published WISN studies report it ([`super::mean_of_ratios`]).

use super::{mean_of_ratios, outcome, Bands, Outcome};

/// The sums of one group, added one facility row at a time (in the rows' order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupSums {
    /// Σ current staff.
    pub current: f64,
    /// Σ required staff, unrounded.
    pub required: f64,
    /// The facility ratios that exist (facilities with required > 0).
    pub ratios: Vec<f64>,
}

impl GroupSums {
    /// Adds one facility row: its staff, unrounded requirement and WISN ratio (if any).
    pub fn add(&mut self, current: f64, required: f64, ratio: Option<f64>) {
        self.current += current;
        self.required += required;
        self.ratios.extend(ratio);
    }

    /// Ratio, difference, pressure and status of the sums.
    pub fn outcome(&self, bands: &Bands) -> Outcome {
        outcome(self.current, self.required, bands)
    }

    /// The mean of the facility ratios (`mean_facility_ratio`); `None` when no facility has one.
    pub fn mean_facility_ratio(&self) -> Option<f64> {
        mean_of_ratios(&self.ratios)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two facilities, by hand: 3 staff for 2.0 required (ratio 1.5) and 1 staff for 4.0
    /// required (ratio 0.25). The group: 4 staff for 6.0 required, ratio 4 / 6 = 0.6667,
    /// difference −2, shortage; the mean of the facility ratios is (1.5 + 0.25) / 2 = 0.875.
    #[test]
    fn a_group_is_a_ratio_of_sums_beside_the_mean_of_ratios() {
        let mut g = GroupSums::default();
        g.add(3.0, 2.0, Some(1.5));
        g.add(1.0, 4.0, Some(0.25));
        g.add(2.0, 0.0, None); // staff, nothing required: counted, no ratio
        assert_eq!((g.current, g.required), (6.0, 6.0));
        let o = g.outcome(&Bands::default());
        assert_eq!(o.ratio, Some(1.0));
        assert_eq!(o.difference, 0.0);
        assert_eq!(g.mean_facility_ratio(), Some(0.875));

        let mut h = GroupSums::default();
        h.add(3.0, 2.0, Some(1.5));
        h.add(1.0, 4.0, Some(0.25));
        let o = h.outcome(&Bands::default());
        assert!((o.ratio.unwrap() - 4.0 / 6.0).abs() < 1e-12);
        assert_eq!(o.difference, -2.0);
        assert_eq!(o.status, Some(crate::method::Status::Shortage));
    }

    #[test]
    fn an_empty_group_has_no_mean_ratio() {
        assert_eq!(GroupSums::default().mean_facility_ratio(), None);
    }
}
