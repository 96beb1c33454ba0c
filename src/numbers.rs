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
    if v == 0.0 {
        return "0".to_string(); // never "-0"
    }
    format!("{v}")
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
}
