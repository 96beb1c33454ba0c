//! Uncertainty of the activity standards (study-format §7.6), pure: the triangular distribution,
//! the random numbers of each draw, and exact quantiles.
//!
//! - A standard with a range (low ≤ standard ≤ high) is drawn from the triangular distribution
//!   (low, mode = standard, high) by its inverse distribution function
//!   ([`triangular_inverse_cdf`]), which is also its exact quantile function: the tests compare
//!   the Monte Carlo quantiles with it.
//! - Each draw has its own random stream ([`DrawRng::new`]`(seed, draw)`): a SplitMix64 generator
//!   seeded from the seed and the draw number, so draw d is the same whichever thread computes it
//!   and whatever `--jobs` says. SplitMix64 (Steele, Lea & Flood 2014) is a dozen lines, passes
//!   BigCrush, and needs no crate.
//! - Quantiles are exact: [`quantile`] is the linear interpolation between order statistics
//!   (Hyndman & Fan type 7, the default of R and NumPy): `h = (n − 1)·p`, `x[⌊h⌋] + (h − ⌊h⌋)
//!   (x[⌊h⌋+1] − x[⌊h⌋])`; [`quantiles_in_place`] finds the order statistics by selection, without
//!   a full sort.

/// The triangular distribution's inverse distribution function at `u` ∈ [0, 1]: the value below
/// which a share `u` of draws falls. `low == high` gives the mode whatever `u`.
pub fn triangular_inverse_cdf(low: f64, mode: f64, high: f64, u: f64) -> f64 {
    if high <= low {
        return mode;
    }
    let width = high - low;
    let f_mode = (mode - low) / width;
    if u < f_mode {
        low + (u * width * (mode - low)).sqrt()
    } else {
        high - ((1.0 - u) * width * (high - mode)).sqrt()
    }
}

/// The random stream of one draw (SplitMix64).
#[derive(Debug, Clone)]
pub struct DrawRng {
    state: u64,
}

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl DrawRng {
    /// The stream of draw `draw` under `seed`.
    pub fn new(seed: u64, draw: u64) -> DrawRng {
        DrawRng {
            state: mix(seed ^ mix(draw.wrapping_add(1).wrapping_mul(GOLDEN))),
        }
    }
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix(self.state)
    }
    /// A uniform number in the open interval (0, 1) (53 bits, never 0 or 1).
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
}

/// The `p` quantile (type 7) of values already sorted ascending. `None` when empty.
pub fn quantile(sorted: &[f64], p: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let h = (n - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(n - 1);
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

/// The quantiles `ps` (ascending) of `values`, exact (type 7, as [`quantile`] on the sorted
/// values), found by selection: `values` is reordered. `None` entries when `values` is empty.
pub fn quantiles_in_place(values: &mut [f64], ps: &[f64]) -> Vec<Option<f64>> {
    let n = values.len();
    if n == 0 {
        return vec![None; ps.len()];
    }
    let mut out = Vec::with_capacity(ps.len());
    // Each selection leaves the part above its index for the next (ps ascending).
    let mut start = 0usize;
    for &p in ps {
        let h = (n - 1) as f64 * p;
        let lo = h.floor() as usize;
        let lo_value = if lo >= start {
            let (_, v, _) = values[start..].select_nth_unstable_by(lo - start, f64::total_cmp);
            *v
        } else {
            values[lo]
        };
        start = start.max(lo);
        let frac = h - lo as f64;
        let value = if lo + 1 < n && frac > 0.0 {
            // The next order statistic is the smallest of what lies above lo.
            let next = values[lo + 1..]
                .iter()
                .copied()
                .min_by(f64::total_cmp)
                .unwrap_or(lo_value);
            lo_value + frac * (next - lo_value)
        } else {
            lo_value
        };
        out.push(Some(value));
    }
    out
}

/// [`quantiles_in_place`] for values ≥ 0 (requirements), faster: a non-negative `f64` orders as
/// its bits do as an integer, so the selection compares integers. `keys` is a reused buffer.
/// Same results as [`quantile`] on the sorted values (0 and −0 both read as 0).
pub fn quantiles_non_negative(values: &[f64], keys: &mut Vec<u64>, ps: &[f64]) -> Vec<Option<f64>> {
    keys.clear();
    keys.extend(
        values
            .iter()
            .map(|&x| if x > 0.0 { x.to_bits() } else { 0 }),
    );
    let n = keys.len();
    if n == 0 {
        return vec![None; ps.len()];
    }
    let value = |k: u64| f64::from_bits(k);
    let mut out = Vec::with_capacity(ps.len());
    let mut start = 0usize;
    for &p in ps {
        let h = (n - 1) as f64 * p;
        let lo = h.floor() as usize;
        let lo_key = if lo >= start {
            *keys[start..].select_nth_unstable(lo - start).1
        } else {
            keys[lo]
        };
        start = start.max(lo);
        let frac = h - lo as f64;
        let v = if lo + 1 < n && frac > 0.0 {
            let next = keys[lo + 1..].iter().copied().min().unwrap_or(lo_key);
            value(lo_key) + frac * (value(next) - value(lo_key))
        } else {
            value(lo_key)
        };
        out.push(Some(v));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangular_quantiles_by_hand() {
        // (0, 5, 10): F(5) = 0.5; the median is the mode; F⁻¹(0.125) = sqrt(0.125·10·5) = 2.5.
        assert_eq!(triangular_inverse_cdf(0.0, 5.0, 10.0, 0.5), 5.0);
        assert_eq!(triangular_inverse_cdf(0.0, 5.0, 10.0, 0.125), 2.5);
        assert_eq!(triangular_inverse_cdf(0.0, 5.0, 10.0, 0.875), 7.5);
        // (10, 12, 20): F(12) = 0.2; F⁻¹(0.05) = 10 + sqrt(0.05·10·2) = 11;
        // F⁻¹(0.95) = 20 − sqrt(0.05·10·8) = 18.
        assert_eq!(triangular_inverse_cdf(10.0, 12.0, 20.0, 0.05), 11.0);
        assert_eq!(triangular_inverse_cdf(10.0, 12.0, 20.0, 0.95), 18.0);
        // No range: the mode.
        assert_eq!(triangular_inverse_cdf(7.0, 7.0, 7.0, 0.3), 7.0);
        // Mode at an end.
        assert_eq!(triangular_inverse_cdf(0.0, 0.0, 10.0, 0.0), 0.0);
        assert_eq!(triangular_inverse_cdf(0.0, 10.0, 10.0, 1.0), 10.0);
    }

    #[test]
    fn quantile_type_7_by_hand() {
        let v = [1.0, 2.0, 3.0, 4.0, 10.0];
        assert_eq!(quantile(&v, 0.5), Some(3.0));
        // h = 4 × 0.05 = 0.2 → 1 + 0.2 × 1.
        assert!((quantile(&v, 0.05).unwrap() - 1.2).abs() < 1e-15);
        // h = 3.8 → 4 + 0.8 × 6.
        assert!((quantile(&v, 0.95).unwrap() - 8.8).abs() < 1e-12);
        assert_eq!(quantile(&[], 0.5), None);
        assert_eq!(quantile(&[4.0], 0.95), Some(4.0));
    }

    #[test]
    fn selection_agrees_with_sorting() {
        let mut rng = DrawRng::new(7, 0);
        for n in [1usize, 2, 3, 10, 101, 1000] {
            let values: Vec<f64> = (0..n).map(|_| rng.uniform() * 100.0).collect();
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let mut work = values.clone();
            let ps = [0.05, 0.5, 0.95];
            let got = quantiles_in_place(&mut work, &ps);
            for (p, q) in ps.iter().zip(got) {
                assert_eq!(q, quantile(&sorted, *p), "n = {n}, p = {p}");
            }
            let mut keys = Vec::new();
            let fast = quantiles_non_negative(&values, &mut keys, &ps);
            for (p, q) in ps.iter().zip(fast) {
                assert_eq!(q, quantile(&sorted, *p), "n = {n}, p = {p} (integer keys)");
            }
        }
    }

    #[test]
    fn draws_are_reproducible_and_uniform_enough() {
        let a: Vec<f64> = (0..5).map(|d| DrawRng::new(1, d).uniform()).collect();
        let b: Vec<f64> = (0..5).map(|d| DrawRng::new(1, d).uniform()).collect();
        assert_eq!(a, b);
        assert_ne!(DrawRng::new(1, 0).uniform(), DrawRng::new(2, 0).uniform());
        let mut rng = DrawRng::new(3, 9);
        let n = 100_000;
        let mean = (0..n).map(|_| rng.uniform()).sum::<f64>() / n as f64;
        assert!((mean - 0.5).abs() < 0.005, "{mean}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Exact quantiles by selection (both versions) equal those of the sorted values.
        #[test]
        fn selection_is_exact(values in proptest::collection::vec(0.0f64..1e6, 1..300), p in 0.0f64..=1.0) {
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            let want = quantile(&sorted, p);
            let mut work = values.clone();
            proptest::prop_assert_eq!(quantiles_in_place(&mut work, &[p])[0], want);
            let mut keys = Vec::new();
            proptest::prop_assert_eq!(quantiles_non_negative(&values, &mut keys, &[p])[0], want);
        }

        /// A triangular draw stays within its range and is monotone in u.
        #[test]
        fn triangular_draws_stay_in_range(low in 0.1f64..10.0, a in 0.0f64..10.0, b in 0.0f64..10.0, u in 0.0f64..1.0, v in 0.0f64..1.0) {
            let (mode, high) = (low + a, low + a + b);
            let x = triangular_inverse_cdf(low, mode, high, u);
            proptest::prop_assert!(x >= low && x <= high);
            let (u1, u2) = if u <= v { (u, v) } else { (v, u) };
            proptest::prop_assert!(triangular_inverse_cdf(low, mode, high, u1) <= triangular_inverse_cdf(low, mode, high, u2) + 1e-12);
        }
    }
}
