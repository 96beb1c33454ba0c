//! The terminal table (the default output): the peak and the shortages per site and cadre, then
//! per `--by` group and cadre; with `--daily`, every date too. Numbers are rounded for reading
//! (the machine formats keep full precision).

use comfy_table::presets::UTF8_FULL_CONDENSED;

use crate::report::terminal::status_cell;
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};

use super::{by_place_and_cadre, describe, peak_of, SurgeReport, PEAK_HEADERS};
use crate::i18n::Lang;
use crate::i18n::Text;
use crate::surge::compute::{SurgeLevel, SurgeRow};
use crate::surge::dates::iso;

/// A number for people: a decimal comma in French (`15,7`), as compute's table.
fn num(lang: Lang, v: f64, decimals: usize) -> Cell {
    Cell::new(lang.num(v, decimals)).set_alignment(CellAlignment::Right)
}

/// Staff counts: whole numbers without decimals, others with one.
fn staff(lang: Lang, v: f64) -> Cell {
    num(lang, v, if v.fract() == 0.0 { 0 } else { 1 })
}

fn new_table(report: &SurgeReport) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = report.settings.width {
        t.set_width(w);
    }
    t
}

fn dash(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| "—".into())
}

/// The place of a row, as its level names it.
fn place(r: &SurgeRow) -> Vec<String> {
    match r.level {
        SurgeLevel::Site | SurgeLevel::Summary => vec![r
            .facility_name
            .clone()
            .or_else(|| r.facility_id.clone())
            .unwrap_or_default()],
        SurgeLevel::District => vec![dash(&r.district), dash(&r.region)],
        SurgeLevel::Region => vec![dash(&r.region)],
        SurgeLevel::National => vec![],
    }
}

fn place_header(level: SurgeLevel, lang: Lang) -> Vec<&'static str> {
    match level {
        SurgeLevel::Site | SurgeLevel::Summary => vec![lang.t(Text::Site)],
        SurgeLevel::District => vec![lang.t(Text::District), lang.t(Text::Region)],
        SurgeLevel::Region => vec![lang.t(Text::Region)],
        SurgeLevel::National => vec![],
    }
}

fn peak_table(
    rows: &[&SurgeRow],
    level: SurgeLevel,
    report: &SurgeReport,
) -> (Table, usize, usize) {
    let lang = report.settings.lang;
    let mut table = new_table(report);
    let mut header = place_header(level, lang);
    header.extend(PEAK_HEADERS.map(|k| lang.t(k)));
    table.set_header(header);
    let mut lines = 0;
    let mut short_lines = 0;
    for group in by_place_and_cadre(rows) {
        let Some(peak) = peak_of(&group) else {
            continue;
        };
        let r = peak.row;
        lines += 1;
        if peak.days_in_shortage > 0 {
            short_lines += 1;
        }
        let mut cells: Vec<Cell> = place(r).into_iter().map(Cell::new).collect();
        cells.extend([
            Cell::new(&r.cadre),
            staff(lang, r.assigned),
            staff(lang, r.available),
            Cell::new(r.date.map(iso).unwrap_or_default()),
            staff(lang, r.patients.map(|p| p.iter().sum()).unwrap_or(0.0)),
            staff(lang, r.on_duty.unwrap_or(0.0)),
            num(lang, r.headcount_needed.unwrap_or(0.0), 1),
            status_cell(r.status, report.settings),
            num(lang, peak.days_in_shortage as f64, 0),
            if peak.largest_shortage > 0.0 {
                num(lang, peak.largest_shortage, 1)
            } else {
                Cell::new("")
            },
        ]);
        table.add_row(cells);
    }
    (table, lines, short_lines)
}

fn daily_table(rows: &[&SurgeRow], level: SurgeLevel, report: &SurgeReport) -> Table {
    let lang = report.settings.lang;
    let mut table = new_table(report);
    let mut header = vec![lang.t(Text::Date)];
    header.extend(place_header(level, lang));
    header.extend(
        [
            Text::Cadre,
            Text::Mild,
            Text::Moderate,
            Text::Severe,
            Text::Critical,
            Text::Load,
            Text::OnDuty,
            Text::Needed,
            Text::Available,
            Text::Difference,
            Text::Ratio,
            Text::SurgeStatus,
        ]
        .map(|k| lang.t(k)),
    );
    table.set_header(header);
    for r in rows {
        let mut cells = vec![Cell::new(r.date.map(iso).unwrap_or_default())];
        cells.extend(place(r).into_iter().map(Cell::new));
        cells.push(Cell::new(&r.cadre));
        let p = r.patients.unwrap_or_default();
        cells.extend(p.iter().map(|&n| staff(lang, n)));
        cells.extend([
            num(lang, r.load.unwrap_or(0.0), 2),
            staff(lang, r.on_duty.unwrap_or(0.0)),
            num(lang, r.headcount_needed.unwrap_or(0.0), 1),
            staff(lang, r.available),
            num(lang, r.difference.unwrap_or(0.0), 1),
            match r.ratio {
                Some(v) => num(lang, v, 2),
                None => Cell::new("n/a").set_alignment(CellAlignment::Right),
            },
            status_cell(r.status, report.settings),
        ]);
        table.add_row(cells);
    }
    table
}

/// The terminal table of a surge run.
pub fn write(report: &SurgeReport) -> anyhow::Result<Vec<u8>> {
    {
        let results = report.results;
        let lang = report.settings.lang;
        let mut out = String::new();
        for line in describe(results, lang) {
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
        if results.rows.is_empty() {
            out.push_str(lang.t(Text::SurgeNoResults));
            out.push('\n');
            return Ok(out.into_bytes());
        }
        let mut levels = vec![SurgeLevel::Site];
        for l in &results.options.by {
            levels.push(l.level());
        }
        for level in levels {
            let rows: Vec<&SurgeRow> = results.rows_of(level).collect();
            if rows.is_empty() {
                continue;
            }
            let (table, lines, short) = peak_table(&rows, level, report);
            out.push_str(lang.surge_peak_title(level));
            out.push('\n');
            out.push_str(&table.to_string());
            out.push('\n');
            out.push_str(&lang.surge_footer(lines, short, results.options.bands.low));
            out.push_str("\n\n");
            if report.daily {
                out.push_str(lang.surge_daily_title(level));
                out.push('\n');
                out.push_str(&daily_table(&rows, level, report).to_string());
                out.push_str("\n\n");
            }
        }
        Ok(out.into_bytes())
    }
}
