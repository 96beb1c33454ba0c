//! Numbers as analysts type them (study-format §3): `12.5`, `12,5` (decimal comma), `1 234` with a
//! space, no-break space (U+00A0) or narrow no-break space (U+202F) as thousands separator, a
//! leading `+`, the Unicode minus sign. Parsed once, at the edge, into `f64`; `NaN` and infinities
//! are refused.

/// How a file writes its decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DecimalStyle {
    /// `12.5`; a comma in a number is an error (it may be a decimal comma: say so).
    #[default]
    Point,
    /// `12,5` (French); `12.5` is accepted too, and in `1.234,5` the dots are thousands.
    Comma,
}

/// Why a text is not a number, worded for the analyst who must fix the cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberProblem {
    NotANumber,
    NotFinite,
    AmbiguousComma,
    /// Digits separated by spaces that are not groups of three (`1 7`).
    BadGrouping,
}

impl NumberProblem {
    /// What to do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            NumberProblem::NotANumber => "write a number such as 12 or 12.5 (12,5 in a French file)",
            NumberProblem::NotFinite => "write a finite number (NaN and infinity are not data)",
            NumberProblem::AmbiguousComma => {
                "this file uses '.' for decimals; if 12,5 means 12.5 give --decimal-comma (or save the file with ';' as delimiter)"
            }
            NumberProblem::BadGrouping => {
                "a space inside a number separates thousands (1 234); write the number without the stray space (17, or 1,7 if a decimal was meant)"
            }
        }
    }

    pub fn what(&self) -> &'static str {
        match self {
            NumberProblem::NotANumber => "is not a number",
            NumberProblem::NotFinite => "is not a finite number",
            NumberProblem::AmbiguousComma => "has a comma in a number",
            NumberProblem::BadGrouping => {
                "has digits grouped by spaces that are not groups of three"
            }
        }
    }
}

fn is_thousands_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'')
}

/// True when the spaces of a number separate groups of three digits (`1 234 567`, `12 345,5`):
/// `1 7` is not 17.
fn grouped_by_three(text: &str, style: DecimalStyle) -> bool {
    let unsigned = text.trim_start_matches(['-', '+', '\u{2212}']);
    let decimal = match style {
        DecimalStyle::Comma => ',',
        DecimalStyle::Point => '.',
    };
    let (int, frac) = unsigned.split_once(decimal).unwrap_or((unsigned, ""));
    if frac.contains(is_thousands_space) {
        return false;
    }
    let mut groups = int.split(is_thousands_space);
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Parses a number cell. `Ok(None)` for a blank cell.
pub fn parse_number(text: &str, style: DecimalStyle) -> Result<Option<f64>, NumberProblem> {
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if trimmed.is_empty() {
        return Ok(None);
    }
    // Fast path: plain ASCII numbers need no rewriting.
    if let Ok(v) = trimmed.parse::<f64>() {
        if trimmed.bytes().all(|b| {
            b.is_ascii_digit() || b == b'.' || b == b'-' || b == b'+' || b == b'e' || b == b'E'
        }) {
            return if v.is_finite() {
                Ok(Some(v))
            } else {
                Err(NumberProblem::NotFinite)
            };
        }
        if !v.is_finite() {
            return Err(NumberProblem::NotFinite);
        }
    }
    if trimmed.contains(is_thousands_space)
        && trimmed
            .chars()
            .all(|c| c.is_ascii_digit() || is_thousands_space(c) || ".,+-\u{2212}".contains(c))
        && !grouped_by_three(trimmed, style)
    {
        return Err(NumberProblem::BadGrouping);
    }
    let mut cleaned = String::with_capacity(trimmed.len());
    for c in trimmed.chars() {
        match c {
            c if is_thousands_space(c) => {}
            '\u{2212}' => cleaned.push('-'),
            _ => cleaned.push(c),
        }
    }
    let has_comma = cleaned.contains(',');
    if has_comma {
        match style {
            DecimalStyle::Point => return Err(NumberProblem::AmbiguousComma),
            DecimalStyle::Comma => {
                if cleaned.matches(',').count() > 1 {
                    return Err(NumberProblem::NotANumber);
                }
                // `1.234,5`: the dots are thousands separators.
                cleaned = cleaned.replace('.', "").replace(',', ".");
            }
        }
    }
    if !cleaned
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
    {
        return Err(NumberProblem::NotANumber);
    }
    match cleaned.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        Ok(_) => Err(NumberProblem::NotFinite),
        Err(_) => Err(NumberProblem::NotANumber),
    }
}

/// Formats a number at full precision for machine-readable output: the shortest text that reads
/// back as the same `f64` (`3`, `0.1`, `17.458_100_558_659_22`).
pub fn full_precision(v: f64) -> String {
    let mut out = Vec::with_capacity(24);
    push_full_precision(&mut out, v, b'.');
    // Only ASCII digits, `-`, `.` (and `NaN`, `inf`) are written.
    String::from_utf8(out).unwrap_or_default()
}

/// Up to 17 significant digits, as ASCII, that can be incremented in their last place.
struct Digits {
    bytes: [u8; 24],
    len: usize,
}

impl Digits {
    fn drop_trailing_zeros(&mut self) {
        while self.len > 1 && self.bytes[self.len - 1] == b'0' {
            self.len -= 1;
        }
    }

    fn as_slice(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    /// Adds one in the last place (a carry may run to the front: `99` → `1`, returning 1, the
    /// growth of the exponent); the trailing zeros it makes are dropped.
    fn increment(&mut self) -> i32 {
        let mut i = self.len;
        while i > 0 {
            i -= 1;
            if self.bytes[i] == b'9' {
                self.bytes[i] = b'0';
            } else {
                self.bytes[i] += 1;
                break;
            }
            if i == 0 {
                // Every digit was 9: the number is now 1 followed by zeros.
                self.bytes[0] = b'1';
                self.len = 1;
                return 1;
            }
        }
        self.drop_trailing_zeros();
        0
    }
}

/// The `e` of `v = m × 2^e` with `m` odd (`v` finite, not zero).
fn binary_exponent(v: f64) -> i32 {
    mantissa_exponent(v).1
}

/// `(m, e)` with `v = m × 2^e` and `m` odd (`v` finite, not zero; `(0, 0)` for zero).
fn mantissa_exponent(v: f64) -> (u64, i32) {
    let bits = v.to_bits();
    let exponent_bits = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    let (m, e) = if exponent_bits == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), exponent_bits - 1075)
    };
    if m == 0 {
        return (0, 0);
    }
    let zeros = m.trailing_zeros();
    (m >> zeros, e + zeros as i32)
}

/// Whether `v` (finite, not zero) is exactly `(D + ½) × 10^(k − n)`, D the `n` digits given
/// (the value `0.D × 10^k`): halfway between D and D + 1 in D's last place.
fn is_tie_above(v: f64, digits: &[u8], k: i32) -> bool {
    let (m, e) = mantissa_exponent(v);
    if m == 0 {
        return false;
    }
    // (D + ½) × 10^(k − n) = M × 10^f with M = 10 D + 5 (odd) and f = k − n − 1, that is
    // M × 5^f × 2^f: equal to m × 2^e when f = e and M × 5^f = m (f ≥ 0), M = m × 5^−f (f < 0).
    let f = k - digits.len() as i32 - 1;
    if f != e || digits.len() > 17 {
        return false;
    }
    let mut d: u64 = 0;
    for &b in digits {
        d = d * 10 + u64::from(b - b'0');
    }
    let big_m = d * 10 + 5;
    let Some(five) = 5u64.checked_pow(f.unsigned_abs()) else {
        return false;
    };
    if f >= 0 {
        big_m.checked_mul(five) == Some(m)
    } else {
        m.checked_mul(five) == Some(big_m)
    }
}

/// [`full_precision`] appended to `out`, with `decimal` as the decimal separator (`b','` for
/// `--excel-fr`): the bytes of `format!("{v}")` (Rust's `Display` of an `f64`: the shortest
/// digits that read back as the same number, never an exponent), but `0` for `-0`, without a
/// `String` per number.
///
/// Whole numbers below 2⁵³ are written by `itoa` (their shortest digits are all their digits);
/// the others take `ryu`'s shortest digits (the same digits as `Display`'s: both are the
/// shortest that round-trip, the closest to the value when several are), placed as `Display`
/// places them: `0.000ddd` below 1, `ddd000` for large whole numbers, else `dd.ddd`. A property
/// test compares every kind of `f64` with `format!("{v}")`.
pub fn push_full_precision(out: &mut Vec<u8>, v: f64, decimal: u8) {
    const EXACT_WHOLE: f64 = 9_007_199_254_740_992.0; // 2^53
    if v == 0.0 {
        out.push(b'0'); // never "-0"
        return;
    }
    // `as i64` truncates (one instruction; `fract` may call the C library's `trunc`).
    if v.abs() < EXACT_WHOLE && (v as i64) as f64 == v {
        out.extend_from_slice(itoa::Buffer::new().format(v as i64).as_bytes());
        return;
    }
    if !v.is_finite() {
        // NaN, inf, -inf as Display writes them (the engine never produces them).
        use std::io::Write as _;
        let _ = write!(out, "{v}");
        return;
    }
    let mut buffer = ryu::Buffer::new();
    let text = buffer.format_finite(v).as_bytes();
    // The common case, 1e-5 < |v| < 1e16 and not whole: ryu writes `ddd.ddd` or `0.000ddd` as
    // Display does, unless the value is a tie (below), which needs its exact value to have one
    // more decimal than ryu's digits: v = m × 2^e (m odd) has exactly −e decimals.
    let (mut point, mut has_exponent) = (None, false);
    for (i, &b) in text.iter().enumerate() {
        match b {
            b'.' => point = Some(i),
            b'e' => has_exponent = true,
            _ => {}
        }
    }
    if let Some(point) = point {
        let decimals = text.len() - point - 1;
        let whole = text.len() >= 2 && text[text.len() - 2..] == *b".0";
        if !whole && !has_exponent && binary_exponent(v) != -(decimals as i32 + 1) {
            out.extend_from_slice(text);
            if decimal != b'.' {
                let at = out.len() - decimals - 1;
                out[at] = decimal;
            }
            return;
        }
    }
    // ryu writes `-`?, digits with one `.` maybe, then `e` and the exponent maybe: `1.25`,
    // `0.001`, `1e16`, `1.2345e-7`, `123.0`.
    let (negative, text) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    let (mantissa, exponent) = match text.iter().position(|&b| b == b'e') {
        Some(e) => {
            let exp = std::str::from_utf8(&text[e + 1..])
                .ok()
                .and_then(|s| s.parse::<i32>().ok())
                .unwrap_or(0);
            (&text[..e], exp)
        }
        None => (text, 0),
    };
    // The digits d1 d2 … dn (no leading or trailing zero) and k: the value is 0.d1d2…dn × 10^k.
    let mut digits = Digits {
        bytes: [0; 24],
        len: 0,
    };
    let (mut before_point, mut after_point, mut leading) = (0i32, false, 0i32);
    for &b in mantissa {
        if b == b'.' {
            after_point = true;
            continue;
        }
        if !after_point {
            before_point += 1;
        }
        if digits.len == 0 && b == b'0' {
            leading += 1;
        } else if digits.len < digits.bytes.len() {
            digits.bytes[digits.len] = b;
            digits.len += 1;
        }
    }
    let mut k = before_point + exponent - leading;
    digits.drop_trailing_zeros();
    // A tie: the value is exactly halfway between the shortest digits D and D + 1 (in their
    // last place). ryu then takes the even one, Display the upper one (`1658206780088562.25`:
    // ryu `…562.2`, Display `…562.3`).
    if is_tie_above(v, digits.as_slice(), k) {
        k += digits.increment();
    }
    let digits = digits.as_slice();
    if negative {
        out.push(b'-');
    }
    if k <= 0 {
        out.push(b'0');
        out.push(decimal);
        out.resize(out.len() + (-k) as usize, b'0');
        out.extend_from_slice(digits);
    } else if k as usize >= digits.len() {
        out.extend_from_slice(digits);
        out.resize(out.len() + (k as usize - digits.len()), b'0');
    } else {
        let (whole, fraction) = digits.split_at(k as usize);
        out.extend_from_slice(whole);
        out.push(decimal);
        out.extend_from_slice(fraction);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DecimalStyle::*;

    #[test]
    fn french_and_english_numbers() {
        assert_eq!(parse_number("12.5", Point), Ok(Some(12.5)));
        assert_eq!(parse_number("12,5", Comma), Ok(Some(12.5)));
        assert_eq!(parse_number("12.5", Comma), Ok(Some(12.5)));
        assert_eq!(parse_number("1 234", Point), Ok(Some(1234.0)));
        assert_eq!(parse_number("1\u{a0}234,5", Comma), Ok(Some(1234.5)));
        assert_eq!(parse_number("1\u{202f}234", Comma), Ok(Some(1234.0)));
        assert_eq!(parse_number("1.234,5", Comma), Ok(Some(1234.5)));
        assert_eq!(parse_number(" 7 ", Point), Ok(Some(7.0)));
        assert_eq!(parse_number("\u{2212}3", Point), Ok(Some(-3.0)));
        assert_eq!(parse_number("", Point), Ok(None));
        assert_eq!(parse_number("   ", Comma), Ok(None));
        assert_eq!(parse_number("1e3", Point), Ok(Some(1000.0)));
    }

    #[test]
    fn refusals() {
        assert_eq!(
            parse_number("12,5", Point),
            Err(NumberProblem::AmbiguousComma)
        );
        assert_eq!(parse_number("douze", Comma), Err(NumberProblem::NotANumber));
        assert_eq!(parse_number("NaN", Point), Err(NumberProblem::NotFinite));
        assert_eq!(parse_number("inf", Point), Err(NumberProblem::NotFinite));
        assert_eq!(parse_number("-inf", Comma), Err(NumberProblem::NotFinite));
        assert_eq!(parse_number("1,2,3", Comma), Err(NumberProblem::NotANumber));
        assert_eq!(
            parse_number("#DIV/0!", Comma),
            Err(NumberProblem::NotANumber)
        );
        assert_eq!(parse_number("12 %", Comma), Err(NumberProblem::NotANumber));
        // Spaces separate groups of three digits only: "1 7" is not 17.
        assert_eq!(parse_number("1 7", Comma), Err(NumberProblem::BadGrouping));
        assert_eq!(
            parse_number("12 34", Point),
            Err(NumberProblem::BadGrouping)
        );
        assert_eq!(
            parse_number("1 234,5 6", Comma),
            Err(NumberProblem::BadGrouping)
        );
        assert_eq!(parse_number("-1 234 567", Point), Ok(Some(-1234567.0)));
    }

    #[test]
    #[allow(clippy::excessive_precision)] // the digits are the point of the test
    fn full_precision_round_trips() {
        for v in [0.1, 3125.0 / 179.0, 3.0, 1e-12, 123456789.125] {
            assert_eq!(full_precision(v).parse::<f64>().unwrap(), v);
        }
        assert_eq!(full_precision(3.0), "3");
        assert_eq!(full_precision(-0.0), "0");
    }

    use proptest::prelude::Strategy as _;

    /// What [`full_precision`] must write: `Display`'s text, `0` for `-0`.
    fn display(v: f64) -> String {
        if v == 0.0 {
            "0".to_string()
        } else {
            format!("{v}")
        }
    }

    #[test]
    #[allow(clippy::excessive_precision)] // the digits are the point of the test
    fn full_precision_is_display_on_hand_picked_numbers() {
        let cases = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            -2.5,
            1.5e-7,
            123.0,
            123.456,
            17.458_100_558_659_22,
            0.1 + 0.2,
            1e15,
            1e16,
            1e21,
            1e22,
            1e23,
            1.7976931348623157e308,
            -1.7976931348623157e308,
            f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            2.2250738585072009e-308,
            9_007_199_254_740_991.0,
            9_007_199_254_740_992.0,
            9_007_199_254_740_993.0,
            -9_007_199_254_740_994.0,
            18_446_744_073_709_551_616.0,
            4_503_599_627_370_495.5,
            0.000_1,
            0.001,
            100.5,
            1e-5,
            12_345_678_901_234.567,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for v in cases {
            assert_eq!(full_precision(v), display(v), "{v:?}");
            let mut comma = Vec::new();
            push_full_precision(&mut comma, v, b',');
            if v.is_finite() {
                assert_eq!(
                    String::from_utf8(comma).unwrap(),
                    display(v).replace('.', ","),
                    "{v:?}"
                );
            }
        }
    }

    #[test]
    fn full_precision_is_display_on_many_bit_patterns() {
        // A fixed walk over the bit patterns of f64 (every exponent, sign and mantissa shape),
        // beside the random ones of the property test.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut out = Vec::new();
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = f64::from_bits(x);
            out.clear();
            push_full_precision(&mut out, v, b'.');
            assert_eq!(std::str::from_utf8(&out).unwrap(), display(v), "{v:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

        #[test]
        fn full_precision_is_display(bits in proptest::prelude::any::<u64>()) {
            let v = f64::from_bits(bits);
            proptest::prop_assert_eq!(full_precision(v), display(v));
        }

        #[test]
        fn full_precision_is_display_on_numbers_like_results(
            v in proptest::prelude::prop_oneof![
                proptest::num::f64::ANY,
                proptest::num::f64::SUBNORMAL | proptest::num::f64::NEGATIVE | proptest::num::f64::POSITIVE,
                (-1e6f64..1e6),
                (-1e18f64..1e18),
                (-1e-3f64..1e-3),
                (-(1i64 << 60)..(1i64 << 60)).prop_map(|i| i as f64),
                (-100_000i64..100_000).prop_map(|i| i as f64 + 0.5),
                // Halves, quarters, eighths … of large numbers: ties between two shortest digits.
                ((1i64 << 40)..(1i64 << 53), 1i32..12).prop_map(|(a, j)| a as f64 / 2f64.powi(j)),
                (1i64..(1i64 << 53), -60i32..60).prop_map(|(a, j)| a as f64 * 2f64.powi(j)),
                (1i64..1_000_000, 1u32..12).prop_map(|(i, p)| i as f64 / 10f64.powi(p as i32)),
            ],
        ) {
            proptest::prop_assert_eq!(full_precision(v), display(v));
            let mut comma = Vec::new();
            push_full_precision(&mut comma, v, b',');
            if v.is_finite() {
                proptest::prop_assert_eq!(String::from_utf8(comma).unwrap(), display(v).replace('.', ","));
            }
        }
    }
}
