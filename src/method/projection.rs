//! Projection of annual workload (study-format §7.5), pure.
//!
//! Per facility × activity, the annual totals of the *counted* years (12 months reported; with
//! `--annualize`, 6 months or more, scaled by 12 / months) are projected to a coming year either
//! by the ordinary least-squares line of total against year ([`least_squares`],
//! [`project_trend`]: `max(0, a + b·Y)`; one counted year gives a flat line at that total), or by
//! compound growth ([`project_growth`]: last counted total × (1 + P/100)^(Y − last year)).

/// The total of a year as it counts for projection, or `None` when the year does not count:
/// 12 months (or more) reported count as they are; with `annualize`, 6 to 11 months count scaled
/// by 12 / months; fewer never count.
pub fn counted_total(total: f64, months: u32, annualize: bool) -> Option<f64> {
    if months >= 12 {
        Some(total)
    } else if annualize && months >= 6 {
        Some(total * 12.0 / f64::from(months))
    } else {
        None
    }
}

/// `--annualize` of `wisn compute` (study-format §4): a facility that reported `months` < 12 of
/// monthly workload has each volume multiplied by this scale, 12 / months; `None` (no scaling)
/// for a full year, more, or no month at all.
pub fn annualize_scale(months: u32) -> Option<f64> {
    (months > 0 && months < 12).then(|| 12.0 / f64::from(months))
}

/// Least-squares line `total = a + b·year` through the points, as (a, b); centred on the mean
/// year so that years near 2025 lose no precision. One point (or all points on one year) gives
/// the flat line through their mean. `None` without points.
pub fn least_squares(points: &[(i32, f64)]) -> Option<(f64, f64)> {
    if points.is_empty() {
        return None;
    }
    let n = points.len() as f64;
    let mean_x = points.iter().map(|&(x, _)| f64::from(x)).sum::<f64>() / n;
    let mean_y = points.iter().map(|&(_, y)| y).sum::<f64>() / n;
    let sxx: f64 = points
        .iter()
        .map(|&(x, _)| (f64::from(x) - mean_x).powi(2))
        .sum();
    let sxy: f64 = points
        .iter()
        .map(|&(x, y)| (f64::from(x) - mean_x) * (y - mean_y))
        .sum();
    let b = if sxx > 0.0 { sxy / sxx } else { 0.0 };
    Some((mean_y - b * mean_x, b))
}

/// The trend projection of a year: `max(0, a + b·Y)` from [`least_squares`], computed around the
/// mean year (the same line, less rounding).
pub fn project_trend(points: &[(i32, f64)], year: i32) -> Option<f64> {
    let (_, b) = least_squares(points)?;
    let n = points.len() as f64;
    let mean_x = points.iter().map(|&(x, _)| f64::from(x)).sum::<f64>() / n;
    let mean_y = points.iter().map(|&(_, y)| y).sum::<f64>() / n;
    Some((mean_y + b * (f64::from(year) - mean_x)).max(0.0))
}

/// Compound growth of `percent` a year from the last counted year's total.
pub fn project_growth(last_year: i32, last_total: f64, percent: f64, year: i32) -> f64 {
    last_total * (1.0 + percent / 100.0).powi(year - last_year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annualize_scales_a_short_year_to_12_months() {
        // 9 months reported: volumes × 12 / 9 = × 4/3 (900 visits in 9 months → 1 200 a year).
        assert_eq!(annualize_scale(9).map(|s| 900.0 * s), Some(1200.0));
        assert_eq!(annualize_scale(6), Some(2.0));
        assert_eq!(annualize_scale(12), None);
        assert_eq!(annualize_scale(13), None);
        assert_eq!(annualize_scale(0), None);
    }

    #[test]
    fn a_year_counts_with_12_months_or_annualized_from_6() {
        assert_eq!(counted_total(1200.0, 12, false), Some(1200.0));
        assert_eq!(counted_total(1100.0, 11, false), None);
        assert_eq!(counted_total(1100.0, 11, true), Some(1200.0));
        assert_eq!(counted_total(600.0, 6, true), Some(1200.0));
        assert_eq!(counted_total(500.0, 5, true), None);
    }

    #[test]
    fn least_squares_by_hand() {
        // 2021: 100, 2022: 130, 2023: 130 → mean year 2022, mean 120;
        // b = ((-1)(-20) + 0 + (1)(10)) / 2 = 15; line 120 + 15 (Y − 2022).
        let pts = [(2021, 100.0), (2022, 130.0), (2023, 130.0)];
        let (a, b) = least_squares(&pts).unwrap();
        assert_eq!(b, 15.0);
        assert_eq!(a, 120.0 - 15.0 * 2022.0);
        assert_eq!(project_trend(&pts, 2024), Some(150.0));
        assert_eq!(project_trend(&pts, 2026), Some(180.0));
    }

    #[test]
    fn an_exact_line_is_reproduced_and_the_projection_never_goes_below_zero() {
        let pts: Vec<(i32, f64)> = (2020..2024)
            .map(|y| (y, 5000.0 - 400.0 * f64::from(y - 2020)))
            .collect();
        for y in 2024..2030 {
            let expected = (5000.0 - 400.0 * f64::from(y - 2020)).max(0.0);
            assert_eq!(project_trend(&pts, y), Some(expected));
        }
        assert_eq!(project_trend(&pts, 2040), Some(0.0));
    }

    #[test]
    fn one_year_is_flat_and_no_year_is_nothing() {
        assert_eq!(project_trend(&[(2023, 77.0)], 2027), Some(77.0));
        assert_eq!(project_trend(&[], 2027), None);
    }

    #[test]
    fn growth_compounds_from_the_last_counted_year() {
        // 1000 × 1.1² = 1210.
        assert!((project_growth(2023, 1000.0, 10.0, 2025) - 1210.0).abs() < 1e-9);
        assert_eq!(project_growth(2023, 1000.0, 0.0, 2030), 1000.0);
        assert_eq!(project_growth(2023, 1000.0, -50.0, 2024), 500.0);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Any history that is exactly a line (2 to 6 years) is continued on it.
        #[test]
        fn a_line_is_continued(start in 2000i32..2030, n in 2usize..7, level in 0.0f64..1e5, slope in -500.0f64..500.0, ahead in 1i32..10) {
            let points: Vec<(i32, f64)> = (0..n as i32).map(|i| (start + i, level + slope * f64::from(i))).collect();
            let year = start + n as i32 - 1 + ahead;
            let want = (level + slope * f64::from(year - start)).max(0.0);
            let got = project_trend(&points, year).unwrap();
            proptest::prop_assert!((got - want).abs() <= 1e-6 * (1.0 + want.abs()), "{} vs {}", got, want);
        }
    }
}
