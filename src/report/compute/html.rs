//! The HTML report (`--format html`, or `-o rapport.html`): one self-contained page (no network,
//! no external file: the style, the charts and the little script are inline), for reading in a
//! browser and printing on A4.
//!
//! Contents: the summary tables (national, by region, by district, by facility type), two SVG bar
//! charts of the WISN ratio (by district and cadre, and by cadre over all facilities) with the
//! 1.0 line marked and the balanced band shaded, the facility table (click a header to sort; the
//! numbers sort by their full-precision value kept in `data-v`), and the warnings.
//!
//! The page traps script errors into a `data-errors` attribute of `<html>` and sets
//! `data-ready="1"` when its script has run, so that a headless browser check
//! (scripts/check-html.sh) can tell from the DOM that the page works.

use std::fmt::Write as _;

use super::summary::{group_name, summarise, Summary, SUMMARY_LEVELS};
use super::ComputeReport as Report;
use crate::engine::{Level, ResultRow};
use crate::i18n::{Lang, Noun, Text};
use crate::method::{Bands, Status};
use crate::numbers::full_precision;
pub use crate::report::page::escape;

const STYLE: &str = r#"
:root { --short: #c0392b; --short-bg: #fde2df; --bal: #1e7b45; --bal-bg: #dcf2e3; --exc: #a35a00; --exc-bg: #fdebc8; --line: #c0392b; --grid: #d9d9d9; --head: #eef3f8; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "DejaVu Sans", Arial, sans-serif; font-size: 14px; color: #1d1d1d; margin: 24px auto; max-width: 1100px; padding: 0 16px; line-height: 1.35; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 2px solid #2c5d8a; padding-bottom: 3px; color: #2c5d8a; }
h3 { font-size: 15px; margin: 18px 0 6px; }
p.meta, p.note { color: #555; margin: 4px 0; }
table { border-collapse: collapse; margin: 6px 0 12px; font-size: 13px; }
th, td { border: 1px solid #cfd6de; padding: 3px 7px; }
th { background: var(--head); text-align: left; vertical-align: bottom; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.s-shortage { background: var(--short-bg); color: var(--short); font-weight: bold; }
td.s-balanced { background: var(--bal-bg); color: var(--bal); }
td.s-excess { background: var(--exc-bg); color: var(--exc); }
table.sortable th { cursor: pointer; user-select: none; }
table.sortable th::after { content: " \2195"; color: #999; font-weight: normal; }
table.sortable th[aria-sort="ascending"]::after { content: " \25B2"; color: #2c5d8a; }
table.sortable th[aria-sort="descending"]::after { content: " \25BC"; color: #2c5d8a; }
figure { margin: 10px 0 18px; }
figcaption { color: #555; font-size: 12px; max-width: 760px; }
svg text { font-family: inherit; }
ul.warnings li { margin-bottom: 4px; }
footer { margin-top: 30px; color: #777; font-size: 12px; }
@page { size: A4 portrait; margin: 12mm; }
@page wide { size: A4 landscape; margin: 10mm; }
@media print {
  body { font-size: 9pt; margin: 0; max-width: none; padding: 0; }
  #facilities { page: wide; }
  th, td { padding: 1px 4px; }
  table.facilities td:first-child { white-space: nowrap; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table { font-size: 8pt; }
  table.facilities { font-size: 7pt; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; page-break-inside: avoid; }
  table.sortable th::after, .noprint { display: none; content: none; }
  svg { max-width: 100%; height: auto; }
  td.s-shortage, td.s-balanced, td.s-excess, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// Traps errors before anything else runs.
const TRAP: &str = r#"window.addEventListener("error", function (e) { var h = document.documentElement; h.setAttribute("data-errors", (h.getAttribute("data-errors") || "") + (e.message || "error") + "; "); });"#;

const SCRIPT: &str = r#"
(function () {
  var lang = document.documentElement.lang || "en";
  function key(cell, numeric) {
    var v = cell.getAttribute("data-v");
    if (v === null) { v = cell.textContent; }
    if (numeric) { var x = parseFloat(v); return isNaN(x) ? -Infinity : x; }
    return v;
  }
  function sortBy(table, th, index) {
    var numeric = th.getAttribute("data-type") === "num";
    var asc = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[index], numeric), y = key(b.cells[index], numeric);
      var c = numeric ? (x < y ? -1 : x > y ? 1 : 0) : String(x).localeCompare(String(y), lang);
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      th.tabIndex = 0;
      th.addEventListener("click", function () { sortBy(table, th, index); });
      th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(table, th, index); } });
    });
  });
  document.documentElement.setAttribute("data-ready", "1");
})();
"#;

fn status_class(s: Option<Status>) -> &'static str {
    match s {
        Some(Status::Shortage) => "s-shortage",
        Some(Status::Balanced) => "s-balanced",
        Some(Status::Excess) => "s-excess",
        None => "",
    }
}

fn status_color(s: Option<Status>) -> &'static str {
    match s {
        Some(Status::Shortage) => "#d73027",
        Some(Status::Balanced) => "#1a9850",
        Some(Status::Excess) => "#f39c12",
        None => "#999999",
    }
}

/// A number cell: shown rounded in the language, sorted by its full value.
fn num_cell(out: &mut String, lang: Lang, v: Option<f64>, decimals: usize) {
    match v {
        Some(v) => {
            let _ = write!(
                out,
                "<td class=\"n\" data-v=\"{}\">{}</td>",
                full_precision(v),
                lang.num(v, decimals)
            );
        }
        None => {
            let _ = write!(
                out,
                "<td class=\"n\" data-v=\"\">{}</td>",
                lang.t(Text::NotApplicable)
            );
        }
    }
}

/// The cells every result table has after its identity columns.
fn result_cells(out: &mut String, r: &ResultRow, lang: Lang) {
    out.push_str(&format!("<td>{}</td>", escape(&r.cadre)));
    let staff_decimals = if r.current_staff.fract() == 0.0 { 0 } else { 2 };
    num_cell(out, lang, Some(r.current_staff), staff_decimals);
    num_cell(out, lang, Some(r.required_staff), 2);
    num_cell(out, lang, Some(r.required_rounded), 0);
    num_cell(out, lang, Some(r.difference), 2);
    num_cell(out, lang, r.wisn_ratio, 2);
    let p = r.workload_pressure_pct;
    let _ = write!(
        out,
        "<td class=\"n\" data-v=\"{}\">{}</td>",
        full_precision(p),
        if p > 0.0 {
            format!("{} %", lang.num(p, 0))
        } else {
            String::new()
        }
    );
    let _ = write!(
        out,
        "<td class=\"{}\" data-v=\"{}\">{}</td>",
        status_class(r.status),
        r.status.map(|s| s.as_str()).unwrap_or(""),
        r.status.map(|s| lang.status(s)).unwrap_or("")
    );
}

fn result_header(out: &mut String, first: &[String], lang: Lang) {
    out.push_str("<thead><tr>");
    for h in first {
        let _ = write!(out, "<th>{}</th>", escape(h));
    }
    for &name in super::result_columns() {
        let numeric = !matches!(name, "cadre" | "status");
        let _ = write!(
            out,
            "<th{} data-col=\"{name}\">{}</th>",
            if numeric { " data-type=\"num\"" } else { "" },
            escape(&lang.column(name))
        );
    }
    out.push_str("</tr></thead>\n");
}

fn summary_tables(out: &mut String, s: &Summary, lang: Lang) {
    for level in SUMMARY_LEVELS {
        let rows: Vec<&ResultRow> = s.groups.iter().filter(|g| g.level == level).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<table class=\"summary\" id=\"summary-{}\">",
            lang.level_title(level),
            level.as_str()
        );
        let first: Vec<String> = match level {
            Level::National => vec![],
            Level::District => vec![lang.column("district"), lang.column("region")],
            _ => vec![lang.level(level).to_string()],
        };
        result_header(out, &first, lang);
        out.push_str("<tbody>\n");
        for r in rows {
            out.push_str("<tr>");
            if level != Level::National {
                let _ = write!(out, "<td>{}</td>", escape(group_name(r).unwrap_or("—")));
            }
            if level == Level::District {
                let _ = write!(
                    out,
                    "<td>{}</td>",
                    escape(r.region.as_deref().unwrap_or(""))
                );
            }
            result_cells(out, r, lang);
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table>\n");
    }
}

/// One bar of a chart.
struct Bar {
    label: String,
    ratio: Option<f64>,
    status: Option<Status>,
}

/// Where a bar's value label starts: just after the bar (`start`), unless the text (about 6.5
/// px a character at 11 px) would cross the 1.0 line at `line`: then just right of the line, so
/// that the dashed line never runs through the digits.
fn label_clear_of(start: f64, text: &str, line: f64) -> f64 {
    let width = text.chars().count() as f64 * 6.5;
    if start < line + 3.0 && start + width > line - 3.0 {
        line + 4.0
    } else {
        start
    }
}

/// A horizontal bar chart of ratios, in groups (a group title, then its bars), with the 1.0
/// line and the balanced band.
fn ratio_chart(
    out: &mut String,
    id: &str,
    title: &str,
    groups: &[(Option<String>, Vec<Bar>)],
    lang: Lang,
    bands: &Bands,
) {
    const WIDTH: f64 = 760.0;
    const LEFT: f64 = 170.0;
    const RIGHT: f64 = 56.0;
    const TOP: f64 = 26.0;
    const BAR: f64 = 16.0;
    const GAP: f64 = 4.0;
    const GROUP_TITLE: f64 = 20.0;
    const GROUP_GAP: f64 = 8.0;
    let max_ratio = groups
        .iter()
        .flat_map(|(_, bars)| bars.iter().filter_map(|b| b.ratio))
        .fold(0.0f64, f64::max);
    // The axis: up to the largest ratio in halves, at least 1.5, at most 3 (longer bars are cut
    // and say their value).
    let axis_max = ((max_ratio * 2.0).ceil() / 2.0).clamp(1.5, 3.0);
    let plot = WIDTH - LEFT - RIGHT;
    let x = |v: f64| LEFT + plot * (v.min(axis_max) / axis_max);
    let mut height = TOP;
    for (name, bars) in groups {
        if name.is_some() {
            height += GROUP_TITLE;
        }
        height += bars.len() as f64 * (BAR + GAP) + GROUP_GAP;
    }
    let bottom = height;
    height += 22.0;
    let _ = writeln!(
        out,
        "<figure><svg id=\"{id}\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"{id}-title\">\n<title id=\"{id}-title\">{}</title>",
        escape(title)
    );
    let _ = writeln!(
        out,
        "<text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"bold\">{}</text>",
        escape(title)
    );
    // The legend: what the colours mean.
    let mut lx = WIDTH - 300.0;
    for s in [Status::Shortage, Status::Balanced, Status::Excess] {
        let _ = write!(
            out,
            "<rect x=\"{lx:.1}\" y=\"5\" width=\"12\" height=\"12\" fill=\"{}\"/><text x=\"{:.1}\" y=\"15\" font-size=\"11\">{}</text>",
            status_color(Some(s)),
            lx + 16.0,
            lang.status(s)
        );
        lx += 100.0;
    }
    out.push('\n');
    // The balanced band, the grid and the axis labels.
    let _ = writeln!(
        out,
        "<rect class=\"band\" x=\"{:.1}\" y=\"{TOP}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#eeeeee\"/>",
        x(bands.low),
        x(bands.high) - x(bands.low),
        bottom - TOP
    );
    let mut tick = 0.0;
    while tick <= axis_max + 1e-9 {
        let _ = writeln!(
            out,
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{TOP}\" y2=\"{bottom:.1}\" stroke=\"#d9d9d9\"/><text x=\"{0:.1}\" y=\"{1:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">{2}</text>",
            x(tick),
            bottom + 14.0,
            lang.num(tick, 1)
        );
        tick += 0.5;
    }
    let mut y = TOP;
    for (name, bars) in groups {
        if let Some(name) = name {
            let _ = writeln!(
                out,
                "<text x=\"0\" y=\"{:.1}\" font-size=\"12\" font-weight=\"bold\">{}</text>",
                y + 14.0,
                escape(name)
            );
            y += GROUP_TITLE;
        }
        for b in bars {
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\">{}</text>",
                LEFT - 6.0,
                y + BAR - 4.0,
                escape(&b.label)
            );
            match b.ratio {
                Some(r) => {
                    let end = x(r);
                    let cut = if r > axis_max { " ▸" } else { "" };
                    let label_x = label_clear_of(end + 4.0, &lang.num(r, 2), x(1.0));
                    let _ = writeln!(
                        out,
                        "<rect class=\"bar\" x=\"{LEFT}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{BAR}\" fill=\"{}\"><title>{}: {}</title></rect><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\">{}{cut}</text>",
                        (end - LEFT).max(0.5),
                        status_color(b.status),
                        escape(&b.label),
                        lang.num(r, 2),
                        label_x,
                        y + BAR - 4.0,
                        lang.num(r, 2)
                    );
                }
                None => {
                    let _ = writeln!(
                        out,
                        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#777\">{}</text>",
                        LEFT + 4.0,
                        y + BAR - 4.0,
                        lang.t(Text::NotApplicable)
                    );
                }
            }
            y += BAR + GAP;
        }
        y += GROUP_GAP;
    }
    // The 1.0 line, over the bars.
    let _ = writeln!(
        out,
        "<line class=\"target\" x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{1:.1}\" y2=\"{bottom:.1}\" stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/><text x=\"{0:.1}\" y=\"{2:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#c0392b\" font-weight=\"bold\">{3}</text>",
        x(1.0),
        TOP - 2.0,
        TOP - 5.0,
        lang.num(1.0, 1)
    );
    let _ = writeln!(
        out,
        "</svg><figcaption>{}</figcaption></figure>",
        escape(lang.t(Text::ChartRatioNote))
    );
}

/// The most rows the facility table of the page holds (facility × cadre rows): a national
/// study has 150 000, a page that a browser takes minutes to open. Above it the table shows the
/// rows in shortage first, the lowest WISN ratio first, and says where every row is
/// (docs/reports.md).
pub const FACILITY_TABLE_CAP: usize = 2000;

/// The most districts the chart by district draws (each with a bar per cadre): Mali has 75.
/// Above it, the districts where a cadre has the lowest ratio, the lowest first; the table by
/// district has them all.
pub const DISTRICT_CHART_CAP: usize = 20;

/// `{shown}` and `{total}` of a capped-table note, as numbers in the language.
fn capped_note(lang: Lang, text: Text, shown: usize, total: usize) -> String {
    lang.t(text)
        .replace("{shown}", &lang.num(shown as f64, 0))
        .replace("{total}", &lang.num(total as f64, 0))
}

/// Lowest ratio first, no ratio last (a row without a requirement is not a shortage).
fn by_ratio(a: Option<f64>, b: Option<f64>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.total_cmp(&b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

fn charts(out: &mut String, s: &Summary, lang: Lang, bands: &Bands) {
    let mut by_district: Vec<(Option<String>, Vec<Bar>)> = Vec::new();
    for g in s.groups.iter().filter(|g| g.level == Level::District) {
        let name = g.district.as_deref().unwrap_or("—").to_string();
        if by_district.last().and_then(|(n, _)| n.as_ref()) != Some(&name) {
            by_district.push((Some(name), Vec::new()));
        }
        if let Some(last) = by_district.last_mut() {
            last.1.push(Bar {
                label: g.cadre.to_string(),
                ratio: g.wisn_ratio,
                status: g.status,
            });
        }
    }
    let by_cadre = vec![(
        None,
        s.by_cadre
            .iter()
            .map(|t| Bar {
                label: t.cadre.clone(),
                ratio: t.ratio,
                status: t.status,
            })
            .collect::<Vec<_>>(),
    )];
    let districts = by_district.len();
    if districts > DISTRICT_CHART_CAP {
        let lowest = |bars: &[Bar]| bars.iter().filter_map(|b| b.ratio).min_by(f64::total_cmp);
        // Stable: equal districts stay in name order.
        by_district.sort_by(|a, b| by_ratio(lowest(&a.1), lowest(&b.1)));
        by_district.truncate(DISTRICT_CHART_CAP);
    }
    if !by_district.is_empty() {
        if districts > DISTRICT_CHART_CAP {
            let _ = writeln!(
                out,
                "<p class=\"note capped\" id=\"district-chart-cap\">{}</p>",
                escape(&capped_note(
                    lang,
                    Text::DistrictChartCapped,
                    DISTRICT_CHART_CAP,
                    districts
                ))
            );
        }
        ratio_chart(
            out,
            "chart-district",
            lang.t(Text::ChartRatioByDistrict),
            &by_district,
            lang,
            bands,
        );
    }
    if !s.by_cadre.is_empty() {
        ratio_chart(
            out,
            "chart-cadre",
            lang.t(Text::ChartRatioByCadre),
            &by_cadre,
            lang,
            bands,
        );
    }
}

fn facility_table(out: &mut String, s: &Summary, lang: Lang) {
    if s.facilities.len() > FACILITY_TABLE_CAP {
        let _ = writeln!(
            out,
            "<p class=\"note capped\" id=\"facility-table-cap\"><strong>{}</strong></p>",
            escape(&capped_note(
                lang,
                Text::FacilityTableCapped,
                FACILITY_TABLE_CAP,
                s.facilities.len()
            ))
        );
    }
    let _ = writeln!(
        out,
        "<p class=\"note noprint\">{}</p>\n<table class=\"sortable facilities\" id=\"facility-table\">",
        lang.t(Text::SortHint)
    );
    let months = s
        .facilities
        .iter()
        .any(|r| r.completeness.is_some_and(|c| c < 1.0));
    let first = vec![
        lang.column("facility_id"),
        lang.column("facility_name"),
        lang.column("facility_type"),
        lang.column("district"),
    ];
    let mut head = String::new();
    result_header(&mut head, &first, lang);
    if months {
        head = head.replace(
            "</tr></thead>",
            &format!(
                "<th data-type=\"num\" data-col=\"completeness\">{}</th></tr></thead>",
                lang.t(Text::Months)
            ),
        );
    }
    out.push_str(&head);
    out.push_str("<tbody>\n");
    let mut shown: Vec<&ResultRow> = s.facilities.clone();
    if shown.len() > FACILITY_TABLE_CAP {
        // Shortage first, then the lowest ratio, then the largest gap; stable, so equal rows
        // stay in the study's order.
        let short = |r: &ResultRow| r.status != Some(Status::Shortage);
        shown.sort_by(|a, b| {
            short(a)
                .cmp(&short(b))
                .then_with(|| by_ratio(a.wisn_ratio, b.wisn_ratio))
                .then_with(|| a.difference.total_cmp(&b.difference))
        });
        shown.truncate(FACILITY_TABLE_CAP);
    }
    for r in shown {
        out.push_str("<tr>");
        for v in [
            &r.facility_id,
            &r.facility_name,
            &r.facility_type,
            &r.district,
        ] {
            let _ = write!(out, "<td>{}</td>", escape(v.as_deref().unwrap_or("")));
        }
        result_cells(out, r, lang);
        if months {
            match r.completeness {
                Some(c) => {
                    let _ = write!(
                        out,
                        "<td class=\"n\" data-v=\"{}\">{:.0}/12</td>",
                        full_precision(c),
                        c * 12.0
                    );
                }
                None => out.push_str("<td class=\"n\" data-v=\"\"></td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

fn page(report: &Report) -> String {
    let lang = report.settings.lang;
    let bands = &report.settings.bands;
    let s = summarise(report);
    let mut out = String::with_capacity(64 * 1024);
    let title = lang.t(Text::ReportTitle);
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"wisn {}\">\n<title>{title}</title>\n<script>{TRAP}</script>\n<style>{STYLE}</style>\n</head>\n<body>",
        lang.code(),
        env!("CARGO_PKG_VERSION"),
    );
    let mut facilities: Vec<&str> = s
        .facilities
        .iter()
        .filter_map(|r| r.facility_id.as_deref())
        .collect();
    facilities.dedup();
    // The study, the date the report was made and the period of its data.
    let colon = if lang == Lang::Fr { " :" } else { ":" };
    let years: Vec<i32> = report.study.workload.years.iter().copied().collect();
    let period = match (years.first(), years.last()) {
        (Some(a), Some(b)) if a == b => format!("{} {a}", lang.t(Text::DataPeriod)),
        (Some(a), Some(b)) => format!("{} {a}–{b}", lang.t(Text::DataPeriod)),
        _ => lang.t(Text::NoDataPeriod).to_string(),
    };
    let study = if report.settings.study_name.is_empty() {
        String::new()
    } else {
        format!(
            "{}{colon} <strong>{}</strong> · ",
            lang.t(Text::StudyLabel),
            escape(&report.settings.study_name)
        )
    };
    let _ = writeln!(
        out,
        "<header>\n<h1>{title}</h1>\n<p class=\"meta\">{}</p>\n<p class=\"meta study\">{study}{} · {} {}</p>\n<p class=\"meta\">{} · {} · {}{} {} {} · {} {}</p>\n</header>",
        escape(lang.t(Text::ReportSubtitle)),
        escape(&period),
        lang.t(Text::MadeOn),
        crate::report::made_on(),
        lang.count(facilities.len() as u64, Noun::Facility),
        lang.count(s.cadres.len() as u64, Noun::Cadre),
        lang.t(Text::Bands),
        if lang == Lang::Fr { " :" } else { ":" },
        lang.t(Text::ShortageBelow),
        lang.num_trim(bands.low, 4),
        lang.t(Text::ExcessAbove),
        lang.num_trim(bands.high, 4),
    );
    let _ = writeln!(
        out,
        "<section id=\"summary\">\n<h2>{}</h2>",
        lang.t(Text::SheetSummary)
    );
    if s.facilities.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(lang.t(Text::NoResults)));
    }
    summary_tables(&mut out, &s, lang);
    out.push_str("</section>\n");
    let _ = writeln!(
        out,
        "<section id=\"charts\">\n<h2>{}</h2>",
        lang.t(Text::SheetCharts)
    );
    charts(&mut out, &s, lang, bands);
    out.push_str("</section>\n");
    let _ = writeln!(
        out,
        "<section id=\"facilities\">\n<h2>{}</h2>",
        lang.t(Text::SheetFacilities)
    );
    facility_table(&mut out, &s, lang);
    out.push_str("</section>\n");
    let _ = writeln!(
        out,
        "<section id=\"warnings\">\n<h2>{}</h2>",
        lang.t(Text::Warnings)
    );
    if report.warnings.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", lang.t(Text::NoWarnings));
    } else {
        out.push_str("<ul class=\"warnings\">\n");
        for w in &report.warnings {
            let _ = writeln!(out, "<li>{}</li>", escape(&w.render(lang)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
    let _ = writeln!(
        out,
        "<footer>{} {}</footer>\n<script>{SCRIPT}</script>\n</body>\n</html>",
        lang.t(Text::Generated),
        env!("CARGO_PKG_VERSION")
    );
    out
}

/// The HTML page of a compute run.
pub fn write(report: &Report) -> anyhow::Result<Vec<u8>> {
    Ok(page(report).into_bytes())
}

#[cfg(test)]
mod tests {
    use super::label_clear_of;

    #[test]
    fn a_value_label_never_crosses_the_target_line() {
        // A bar ending at 0.95 (x 480) with the line at 500: "0,95" (26 px) moved past the line.
        assert_eq!(label_clear_of(484.0, "0,95", 500.0), 504.0);
        // Far from the line: where it was.
        assert_eq!(label_clear_of(300.0, "0,40", 500.0), 300.0);
        assert_eq!(label_clear_of(560.0, "1,20", 500.0), 560.0);
    }
}
