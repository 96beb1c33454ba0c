//! The HTML page kit every command's page is built from: escaping, SVG axis steps, and a plain
//! table of a command's rows. Pages are self-contained (no network, no external file).

use std::fmt::Write as _;

use super::Rows;

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A "nice" step (1, 2 or 5 × a power of ten) for an SVG axis from 0 to `max` with about
/// `ticks` ticks.
pub fn nice_step(max: f64, ticks: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let raw = max / ticks;
    let magnitude = 10f64.powf(raw.log10().floor());
    let r = raw / magnitude;
    let nice = if r <= 1.0 {
        1.0
    } else if r <= 2.0 {
        2.0
    } else if r <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// A linear map of `value` in `from` onto `to` (an SVG axis: data to pixels).
pub fn scale(value: f64, from: (f64, f64), to: (f64, f64)) -> f64 {
    to.0 + (value - from.0) / (from.1 - from.0) * (to.1 - to.0)
}

/// Every row as a plain HTML table: the machine column names as headers, each cell as CSV
/// writes it, escaped.
pub fn rows_table(out: &mut String, rows: &dyn Rows) -> anyhow::Result<()> {
    out.push_str("<table><tr>");
    for c in rows.columns() {
        let _ = write!(out, "<th>{c}</th>");
    }
    out.push_str("</tr>");
    rows.each(&mut |cells| {
        out.push_str("<tr>");
        for v in cells {
            let _ = write!(out, "<td>{}</td>", escape(&v.to_text(false)));
        }
        out.push_str("</tr>");
        Ok(())
    })?;
    out.push_str("</table>");
    Ok(())
}

/// The line under a page's title that says which study it is about and when it was made
/// (`Étude : sikasso · établi le 2026-11-24`); the study's name is left out when unknown.
pub fn study_line(settings: &super::ReportSettings) -> String {
    use crate::i18n::{Lang, Text};
    let lang = settings.lang;
    let colon = if lang == Lang::Fr { " :" } else { ":" };
    let study = if settings.study_name.is_empty() {
        String::new()
    } else {
        format!(
            "{}{colon} <strong>{}</strong> · ",
            lang.t(Text::StudyLabel),
            escape(&settings.study_name)
        )
    };
    format!(
        "<p class=\"meta study\">{study}{} {}</p>\n",
        lang.t(Text::MadeOn),
        super::made_on()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_scales_and_escaping() {
        assert_eq!(nice_step(9.0, 5.0), 2.0);
        assert_eq!(nice_step(0.0, 5.0), 1.0);
        assert_eq!(nice_step(230.0, 5.0), 50.0);
        assert_eq!(scale(5.0, (0.0, 10.0), (100.0, 200.0)), 150.0);
        assert_eq!(escape("<a & 'b'>"), "&lt;a &amp; &#39;b&#39;&gt;");
    }
}
