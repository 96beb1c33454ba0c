//! The html report: one self-contained page (no script, no external file) with the peak and
//! the shortages per site and cadre, per `--by` group, a line chart per cadre of the headcount
//! needed against the staff assigned over time (all sites together, inline SVG), and every row
//! in a folded table.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{by_place_and_cadre, describe, peak_of, SurgeReport, PEAK_HEADERS};
use crate::i18n::Lang;
use crate::i18n::Text;
use crate::method::Status;
use crate::report::page::{escape, nice_step, rows_table};
use crate::surge::compute::{ChartPoint, SurgeLevel, SurgeRow};
use crate::surge::dates::iso;

/// A number for people: whole numbers without decimals, a decimal comma in French (`15,7`).
fn fmt(lang: Lang, v: f64, decimals: usize) -> String {
    if v.fract() == 0.0 {
        lang.num(v, 0)
    } else {
        lang.num(v, decimals)
    }
}

fn status_html(status: Option<Status>, lang: Lang) -> String {
    match status {
        Some(s) => format!("<span class=\"{}\">{}</span>", s.as_str(), lang.status(s)),
        None => String::new(),
    }
}

/// An inline SVG line chart of the headcount needed and the staff assigned (and available when
/// an absence rate is set) over time.
pub fn svg_chart(title: &str, points: &[ChartPoint], with_available: bool, lang: Lang) -> String {
    const W: f64 = 720.0;
    const H: f64 = 300.0;
    const LEFT: f64 = 56.0;
    const RIGHT: f64 = 16.0;
    const TOP: f64 = 36.0;
    const BOTTOM: f64 = 64.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" role=\"img\" aria-label=\"{}\">",
        escape(title)
    );
    let _ = write!(
        svg,
        "<text x=\"{LEFT}\" y=\"20\" class=\"chart-title\">{}</text>",
        escape(title)
    );
    if points.is_empty() {
        svg.push_str("</svg>");
        return svg;
    }
    let first = points[0].date;
    let last = points[points.len() - 1].date;
    let span = (last - first).num_days().max(1) as f64;
    let max = points
        .iter()
        .map(|p| p.needed.max(p.assigned))
        .fold(0.0f64, f64::max)
        .max(1.0);
    let step = nice_step(max, 5.0);
    let top_value = (max / step).ceil() * step;
    let x = |d: NaiveDate| LEFT + (d - first).num_days() as f64 / span * (W - LEFT - RIGHT);
    let y = |v: f64| TOP + (1.0 - v / top_value) * (H - TOP - BOTTOM);
    // Grid and y labels.
    let mut v = 0.0;
    while v <= top_value + step / 2.0 {
        let yy = y(v);
        let _ = write!(
            svg,
            "<line x1=\"{LEFT}\" y1=\"{yy:.1}\" x2=\"{:.1}\" y2=\"{yy:.1}\" class=\"grid\"/><text x=\"{:.1}\" y=\"{:.1}\" class=\"ylabel\">{}</text>",
            W - RIGHT,
            LEFT - 6.0,
            yy + 4.0,
            fmt(lang, v, 1)
        );
        v += step;
    }
    // Date labels: about six, first and last included.
    let n = points.len();
    let every = n.div_ceil(6).max(1);
    let last_x = x(last);
    for (i, p) in points.iter().enumerate() {
        // Every `every`-th date, and the last one; none too close to the last.
        let shown = i == n - 1 || (i % every == 0 && last_x - x(p.date) >= 80.0);
        if shown {
            let xx = x(p.date);
            let _ = write!(
                svg,
                "<line x1=\"{xx:.1}\" y1=\"{:.1}\" x2=\"{xx:.1}\" y2=\"{:.1}\" class=\"axis\"/><text x=\"{xx:.1}\" y=\"{:.1}\" class=\"xlabel\"{}>{}</text>",
                H - BOTTOM,
                H - BOTTOM + 4.0,
                H - BOTTOM + 18.0,
                // The last date ends at its tick: centred, its second half would be cut
                // ("2021-01-") by the edge of the chart.
                if i == n - 1 && n > 1 { " text-anchor=\"end\"" } else { "" },
                iso(p.date)
            );
        }
    }
    let _ = write!(
        svg,
        "<line x1=\"{LEFT}\" y1=\"{0:.1}\" x2=\"{1:.1}\" y2=\"{0:.1}\" class=\"axis\"/>",
        H - BOTTOM,
        W - RIGHT
    );
    let polyline = |value: &dyn Fn(&ChartPoint) -> f64, class: &str| {
        let pts: Vec<String> = points
            .iter()
            .map(|p| format!("{:.1},{:.1}", x(p.date), y(value(p))))
            .collect();
        format!(
            "<polyline class=\"{class}\" fill=\"none\" points=\"{}\"/>",
            pts.join(" ")
        )
    };
    svg.push_str(&polyline(&|p| p.assigned, "assigned"));
    if with_available {
        svg.push_str(&polyline(&|p| p.available, "available"));
    }
    svg.push_str(&polyline(&|p| p.needed, "needed"));
    // Legend.
    let ly = H - 14.0;
    let mut lx = LEFT;
    let mut items = vec![
        ("needed", lang.t(Text::HeadcountNeeded)),
        ("assigned", lang.t(Text::AssignedLegend)),
    ];
    if with_available {
        items.push(("available", lang.t(Text::AvailableLegend)));
    }
    for (class, label) in items {
        let _ = write!(
            svg,
            "<line x1=\"{lx:.1}\" y1=\"{ly:.1}\" x2=\"{:.1}\" y2=\"{ly:.1}\" class=\"{class}\"/><text x=\"{:.1}\" y=\"{:.1}\" class=\"legend\">{}</text>",
            lx + 24.0,
            lx + 30.0,
            ly + 4.0,
            escape(label)
        );
        lx += 40.0 + label.chars().count() as f64 * 6.5;
    }
    svg.push_str("</svg>");
    svg
}

const STYLE: &str =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2em;color:#222}\
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}\
table{border-collapse:collapse;font-size:.85em;margin:.5em 0}\
th,td{border:1px solid #ccc;padding:.25em .5em}th{background:#f2f2f2;text-align:left}\
td.n{text-align:right;font-variant-numeric:tabular-nums}\
.shortage{color:#b03a2e;font-weight:600}.excess{color:#9a7d0a}.balanced{color:#1e8449}\
svg{display:block;margin:.5em 0 1.5em}.chart-title{font-size:14px;font-weight:600}\
.grid{stroke:#e5e5e5}.axis{stroke:#888}.ylabel{font-size:11px;text-anchor:end}\
.xlabel{font-size:11px;text-anchor:middle}.legend{font-size:12px}\
polyline,line.needed,line.assigned,line.available{stroke-width:2.5}\
.needed{stroke:#c0392b}.assigned{stroke:#1f4e79}.available{stroke:#2e86c1;stroke-dasharray:6 4}\
p.note{color:#555;font-size:.9em}";

fn peak_section(out: &mut String, rows: &[&SurgeRow], level: SurgeLevel, lang: Lang) {
    let place_header = match level {
        SurgeLevel::Site | SurgeLevel::Summary => lang.t(Text::Site),
        SurgeLevel::District => lang.t(Text::District),
        SurgeLevel::Region => lang.t(Text::Region),
        SurgeLevel::National => "",
    };
    let _ = write!(out, "<h2>{}</h2><table><tr>", lang.surge_peak_title(level));
    if !place_header.is_empty() {
        let _ = write!(out, "<th>{place_header}</th>");
    }
    for k in PEAK_HEADERS {
        let _ = write!(out, "<th>{}</th>", lang.t(k));
    }
    out.push_str("</tr>");
    for group in by_place_and_cadre(rows) {
        let Some(peak) = peak_of(&group) else {
            continue;
        };
        let r = peak.row;
        let place = match level {
            SurgeLevel::Site | SurgeLevel::Summary => format!(
                "<td>{}</td>",
                escape(
                    r.facility_name
                        .as_deref()
                        .or(r.facility_id.as_deref())
                        .unwrap_or("")
                )
            ),
            SurgeLevel::District => {
                format!("<td>{}</td>", escape(r.district.as_deref().unwrap_or("—")))
            }
            SurgeLevel::Region => {
                format!("<td>{}</td>", escape(r.region.as_deref().unwrap_or("—")))
            }
            SurgeLevel::National => String::new(),
        };
        let _ = write!(
            out,
            "<tr>{place}<td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            escape(&r.cadre),
            fmt(lang, r.assigned, 1),
            fmt(lang, r.available, 1),
            r.date.map(iso).unwrap_or_default(),
            fmt(lang, r.patients.map(|p| p.iter().sum()).unwrap_or(0.0), 1),
            fmt(lang, r.on_duty.unwrap_or(0.0), 1),
            lang.num(r.headcount_needed.unwrap_or(0.0), 1),
            status_html(r.status, lang),
            peak.days_in_shortage,
            if peak.largest_shortage > 0.0 {
                lang.num(peak.largest_shortage, 1)
            } else {
                String::new()
            }
        );
    }
    out.push_str("</table>");
}

/// The HTML page of a surge run.
pub fn write(report: &SurgeReport) -> anyhow::Result<Vec<u8>> {
    {
        let results = report.results;
        let lang = report.settings.lang;
        let mut out = String::new();
        let colon = if lang == Lang::Fr { " :" } else { ":" };
        let title = format!("{}{colon} {}", lang.t(Text::SurgeTitle), report.study_name);
        let _ = write!(
            out,
            "<!DOCTYPE html><html lang=\"{1}\"><head><meta charset=\"utf-8\"><title>{0}</title><style>{STYLE}</style></head><body><h1>{0}</h1>",
            escape(&title),
            lang.code()
        );
        for line in describe(results, lang) {
            let _ = write!(out, "<p>{}</p>", escape(&line));
        }
        let _ = write!(
            out,
            "<p class=\"note\">{}</p>",
            escape(lang.t(Text::MethodNote))
        );
        if !report.warnings.is_empty() {
            let _ = write!(out, "<h2>{}</h2><ul>", lang.t(Text::Warnings));
            for w in &report.warnings {
                let _ = write!(out, "<li>{}</li>", escape(&w.render(lang)));
            }
            out.push_str("</ul>");
        }
        let mut levels = vec![SurgeLevel::Site];
        levels.extend(results.options.by.iter().map(|l| l.level()));
        for level in levels {
            let rows: Vec<&SurgeRow> = results.rows_of(level).collect();
            if !rows.is_empty() {
                peak_section(&mut out, &rows, level, lang);
            }
        }
        let _ = write!(out, "<h2>{}</h2>", lang.t(Text::ChartsHeading));
        let with_available = results.options.absence_rate != 0.0;
        for (cadre, points) in results.cadres.iter().zip(&results.series) {
            out.push_str(&svg_chart(cadre, points, with_available, lang));
        }
        let _ = write!(
            out,
            "<details><summary>{} ({})</summary>",
            lang.t(Text::EveryRow),
            results.rows.len()
        );
        rows_table(&mut out, &report.surge_rows())?;
        out.push_str("</details></body></html>\n");
        Ok(out.into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_and_escaping() {
        assert_eq!(nice_step(47.0, 5.0), 10.0);
        assert_eq!(nice_step(3.0, 5.0), 1.0);
        assert_eq!(nice_step(0.0, 5.0), 1.0);
        assert_eq!(
            escape("<CSRéf & \"x\">"),
            "&lt;CSRéf &amp; &quot;x&quot;&gt;"
        );
    }

    #[test]
    fn chart_has_two_lines() {
        let d = |day| NaiveDate::from_ymd_opt(2020, 6, day).unwrap();
        let points: Vec<ChartPoint> = (1..=3)
            .map(|i| ChartPoint {
                date: d(i),
                needed: f64::from(i) * 2.0,
                assigned: 4.0,
                available: 4.0,
            })
            .collect();
        let svg = svg_chart("Infirmier", &points, false, Lang::En);
        assert_eq!(svg.matches("<polyline").count(), 2);
        assert!(svg.contains("2020-06-01") && svg.contains("2020-06-03"));
    }
}
