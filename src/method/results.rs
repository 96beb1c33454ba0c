//! From current and required staff to the results an analyst reads (wisn-method §5):
//!
//! ```text
//! difference = current − required          (negative: shortage)
//! ratio      = current / required          (none when required = 0)
//! pressure % = (1 − ratio) × 100 when ratio < 1, else 0
//! status     = shortage if ratio < LOW, excess if ratio > HIGH, else balanced
//! ```
//! Groups sum current and unrounded required, then take the ratio and difference of the sums
//! (`wisn_ratio`); beside it, [`mean_of_ratios`] is the arithmetic mean of the facility ratios
//! (`mean_facility_ratio`, study-format §7.1), as published WISN studies report it.

/// The WISN status of a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Shortage,
    Balanced,
    Excess,
}

impl Status {
    /// The machine word (`shortage`, `balanced`, `excess`): never translated.
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Shortage => "shortage",
            Status::Balanced => "balanced",
            Status::Excess => "excess",
        }
    }
}

/// The ratio bands of the status, `--bands LOW,HIGH` (default 0.9, 1.1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bands {
    pub low: f64,
    pub high: f64,
}

impl Default for Bands {
    fn default() -> Self {
        Bands {
            low: 0.9,
            high: 1.1,
        }
    }
}

impl Bands {
    pub fn status(&self, ratio: f64) -> Status {
        if ratio < self.low {
            Status::Shortage
        } else if ratio > self.high {
            Status::Excess
        } else {
            Status::Balanced
        }
    }
}

/// Why `--bands` cannot be read (the command line says it in the user's language:
/// src/messages/cli.rs).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BandsError {
    #[error("expected LOW,HIGH such as 0.9,1.1, got '{0}'")]
    NotTwo(String),
    #[error("'{0}' is not a number")]
    NotANumber(String),
    #[error("need 0 < LOW ≤ HIGH, got {0},{1}")]
    Order(f64, f64),
}

impl std::str::FromStr for Bands {
    type Err = BandsError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let parts: Vec<&str> = s.split([',', ';', ' ']).filter(|p| !p.is_empty()).collect();
        let [low, high] = parts.as_slice() else {
            return Err(BandsError::NotTwo(s.to_string()));
        };
        let low: f64 = low
            .parse()
            .map_err(|_| BandsError::NotANumber(low.to_string()))?;
        let high: f64 = high
            .parse()
            .map_err(|_| BandsError::NotANumber(high.to_string()))?;
        if !(low.is_finite() && high.is_finite() && low > 0.0 && low <= high) {
            return Err(BandsError::Order(low, high));
        }
        Ok(Bands { low, high })
    }
}

/// What a result says about current against required staff.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    pub current: f64,
    pub required: f64,
    pub difference: f64,
    /// `None` when required is 0.
    pub ratio: Option<f64>,
    pub pressure_pct: f64,
    /// `None` when required is 0 and no staff are in post.
    pub status: Option<Status>,
}

/// Difference, ratio, pressure and status of `current` against `required` staff.
pub fn outcome(current: f64, required: f64, bands: &Bands) -> Outcome {
    let difference = current - required;
    if required == 0.0 {
        return Outcome {
            current,
            required,
            difference,
            ratio: None,
            pressure_pct: 0.0,
            status: (current > 0.0).then_some(Status::Excess),
        };
    }
    let ratio = current / required;
    Outcome {
        current,
        required,
        difference,
        ratio: Some(ratio),
        pressure_pct: if ratio < 1.0 {
            (1.0 - ratio) * 100.0
        } else {
            0.0
        },
        status: Some(bands.status(ratio)),
    }
}

/// The arithmetic mean of facility ratios (those with required > 0); `None` when there is none.
/// This is the `mean_facility_ratio` of group rows, beside the ratio of sums.
pub fn mean_of_ratios(ratios: &[f64]) -> Option<f64> {
    (!ratios.is_empty()).then(|| ratios.iter().sum::<f64>() / ratios.len() as f64)
}

/// `--round nearest|up|down` for `required_rounded`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Rounding {
    /// Halves round up (2.5 → 3).
    #[default]
    Nearest,
    Up,
    Down,
}

/// Rounds a staff requirement. A value within 1e-9 (absolute, as the spec's exact ceil) of a whole
/// number is that number, so that floating-point noise (2.0000000000000004) does not add a person
/// when rounding up.
pub fn round_staff(value: f64, mode: Rounding) -> f64 {
    let nearest_int = value.round();
    if (value - nearest_int).abs() <= 1e-9 {
        return nearest_int;
    }
    match mode {
        Rounding::Nearest => (value + 0.5).floor(),
        Rounding::Up => value.ceil(),
        Rounding::Down => value.floor(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// wisn-method §6.2, Cross River State 2021 totals (ratios printed to one decimal).
    #[test]
    fn cross_river_2021_vector() {
        let b = Bands::default();
        for (current, required, ratio, diff) in [
            (79.0, 209.0, "0.4", -130.0),
            (808.0, 1258.0, "0.6", -450.0),
            (258.0, 203.0, "1.3", 55.0),
        ] {
            let o = outcome(current, required, &b);
            assert_eq!(format!("{:.1}", o.ratio.unwrap()), ratio);
            assert_eq!(o.difference, diff);
        }
        assert_eq!(outcome(79.0, 209.0, &b).status, Some(Status::Shortage));
        assert_eq!(outcome(258.0, 203.0, &b).status, Some(Status::Excess));
        assert_eq!(outcome(258.0, 203.0, &b).pressure_pct, 0.0);
    }

    #[test]
    fn required_zero() {
        let b = Bands::default();
        let o = outcome(2.0, 0.0, &b);
        assert_eq!(
            (o.ratio, o.pressure_pct, o.status),
            (None, 0.0, Some(Status::Excess))
        );
        let o = outcome(0.0, 0.0, &b);
        assert_eq!((o.ratio, o.status), (None, None));
    }

    #[test]
    fn bands_edges_are_balanced() {
        let b = Bands::default();
        assert_eq!(b.status(0.9), Status::Balanced);
        assert_eq!(b.status(1.1), Status::Balanced);
        assert_eq!(b.status(0.8999), Status::Shortage);
        assert_eq!(
            "0.8,1.2".parse::<Bands>().unwrap(),
            Bands {
                low: 0.8,
                high: 1.2
            }
        );
        assert!("1.2,0.8".parse::<Bands>().is_err());
        assert!("x".parse::<Bands>().is_err());
    }

    /// Two facilities: 1/2 = 0.5 and 3/2 = 1.5 → mean 1.0; ratio of sums 4/4 = 1.0. With 1/4 and
    /// 3/2: mean (0.25 + 1.5) / 2 = 0.875, ratio of sums 4/6 = 0.667: they differ.
    #[test]
    fn mean_of_facility_ratios() {
        assert_eq!(mean_of_ratios(&[0.5, 1.5]), Some(1.0));
        assert_eq!(mean_of_ratios(&[0.25, 1.5]), Some(0.875));
        assert_eq!(mean_of_ratios(&[]), None);
    }

    #[test]
    fn rounding() {
        use Rounding::*;
        assert_eq!(round_staff(2.5, Nearest), 3.0);
        assert_eq!(round_staff(2.4999, Nearest), 2.0);
        assert_eq!(round_staff(2.1, Up), 3.0);
        assert_eq!(round_staff(2.0000000000000004, Up), 2.0);
        assert_eq!(round_staff(2.9, Down), 2.0);
        assert_eq!(round_staff(0.0, Up), 0.0);
    }
}
