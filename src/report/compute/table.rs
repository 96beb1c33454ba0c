//! The terminal table (the default output): one table for the facility rows and one per roll-up
//! level, numbers rounded for reading (the machine formats keep full precision), status words
//! coloured when writing to a terminal.

use comfy_table::presets::UTF8_FULL_CONDENSED;

use crate::report::terminal::status_cell;
use comfy_table::{Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table};

use super::ComputeReport as Report;
use crate::engine::{Level, ResultRow};
use crate::i18n::{Lang, Noun, Text};
use crate::method::Status;

fn num(lang: Lang, v: f64, decimals: usize) -> Cell {
    Cell::new(lang.num(v, decimals)).set_alignment(CellAlignment::Right)
}

/// Whether the facility table has the months column: when a facility has less than a year of
/// workload (decided over all the rows, so that every block of a long table has it or not).
fn has_months(rows: &[&ResultRow], level: Level) -> bool {
    level == Level::Facility && rows.iter().any(|r| r.completeness.is_some_and(|c| c < 1.0))
}

fn table_of(
    rows: &[&ResultRow],
    level: Level,
    months: bool,
    report: &Report,
) -> (Table, Vec<Text>) {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = report.settings.width {
        t.set_width(w);
    }
    let lang = report.settings.lang;
    let mut header: Vec<Text> = match level {
        Level::Facility => vec![Text::Facility, Text::Type, Text::District],
        Level::District => vec![Text::District, Text::Region],
        Level::Region => vec![Text::Region],
        Level::FacilityType => vec![Text::Type],
        Level::National => vec![],
    };
    header.extend([
        Text::Cadre,
        Text::Staff,
        Text::Required,
        Text::Rounded,
        Text::Difference,
        if level == Level::Facility {
            Text::Ratio
        } else {
            Text::RatioOfSums
        },
    ]);
    let group = level != Level::Facility;
    if group {
        header.push(Text::MeanRatio);
    }
    header.extend([Text::Pressure, Text::Status]);
    if months {
        header.push(Text::Months);
    }
    t.set_header(header.iter().map(|h| lang.t(*h)));
    let dash = |s: &Option<crate::engine::Name>| s.as_deref().unwrap_or("—").to_string();
    for r in rows {
        let mut cells: Vec<Cell> = match level {
            Level::Facility => vec![
                Cell::new(
                    r.facility_name
                        .as_deref()
                        .or(r.facility_id.as_deref())
                        .unwrap_or_default(),
                ),
                Cell::new(dash(&r.facility_type)),
                Cell::new(dash(&r.district)),
            ],
            Level::District => vec![Cell::new(dash(&r.district)), Cell::new(dash(&r.region))],
            Level::Region => vec![Cell::new(dash(&r.region))],
            Level::FacilityType => vec![Cell::new(dash(&r.facility_type))],
            Level::National => vec![],
        };
        cells.extend([
            Cell::new(&r.cadre),
            num(
                lang,
                r.current_staff,
                if r.current_staff.fract() == 0.0 { 0 } else { 1 },
            ),
            num(lang, r.required_staff, 2),
            num(lang, r.required_rounded, 0),
            num(lang, r.difference, 2),
            match r.wisn_ratio {
                Some(v) => num(lang, v, 2),
                None => Cell::new(lang.t(Text::NotApplicable)).set_alignment(CellAlignment::Right),
            },
        ]);
        if group {
            cells.push(match r.mean_facility_ratio {
                Some(v) => num(lang, v, 2),
                None => Cell::new(lang.t(Text::NotApplicable)).set_alignment(CellAlignment::Right),
            });
        }
        cells.extend([
            Cell::new(if r.workload_pressure_pct > 0.0 {
                format!("{} %", lang.num(r.workload_pressure_pct, 0))
            } else {
                String::new()
            })
            .set_alignment(CellAlignment::Right),
            status_cell(r.status, report.settings),
        ]);
        if months {
            cells.push(Cell::new(
                r.completeness
                    .map(|c| format!("{:.0}/12", c * 12.0))
                    .unwrap_or_default(),
            ));
        }
        t.add_row(cells);
    }
    let hidden = fit_to_width(&mut t, &header);
    (t, hidden)
}

/// Keeps numbers, ratios and status words whole on a narrow terminal: only the name column may
/// wrap (never below 14 characters), and the least needed columns are hidden first (rounded
/// requirement, type, region, district, months, then pressure and difference, which the ratio
/// gives) until the table fits.
fn fit_to_width(t: &mut Table, header: &[Text]) -> Vec<Text> {
    let Some(width) = t.width() else {
        return Vec::new();
    };
    for i in 1..header.len() {
        if let Some(c) = t.column_mut(i) {
            c.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    let widths = t.column_max_content_widths();
    let needed = |hidden: &[usize]| -> usize {
        widths
            .iter()
            .enumerate()
            .filter(|(i, _)| !hidden.contains(i))
            .map(|(i, w)| if i == 0 { (*w as usize).clamp(12, 18) } else { *w as usize } + 3)
            .sum::<usize>()
            + 1
    };
    let mut hidden: Vec<usize> = Vec::new();
    for candidate in [
        Text::Rounded,
        Text::Type,
        Text::Region,
        Text::District,
        Text::Months,
        Text::Pressure,
        Text::Difference,
        Text::MeanRatio,
    ] {
        if needed(&hidden) <= width as usize {
            break;
        }
        if let Some(i) = header
            .iter()
            .position(|h| *h == candidate)
            .filter(|&i| i > 0)
        {
            hidden.push(i);
        }
    }
    for &i in &hidden {
        if let Some(c) = t.column_mut(i) {
            c.set_constraint(ColumnConstraint::Hidden);
        }
    }
    if let Some(c) = t.column_mut(0) {
        c.set_constraint(ColumnConstraint::LowerBoundary(comfy_table::Width::Fixed(
            14,
        )));
    }
    hidden.into_iter().map(|i| header[i]).collect()
}

/// The rows of a long table rendered in blocks of this many: comfy-table holds every cell of a
/// table (about 5 KB a row), so the national study's 150 000 facility rows took 750 MB as one
/// table; a block takes about 5 MB.
const BLOCK: usize = 1000;

/// A table of rows, written to `out`: as one comfy table when it is short or fitted to a
/// terminal (columns may be hidden then), else in blocks of [`BLOCK`] rows with every column at
/// the width of its widest cell over all the rows (measured in a first pass), the blocks'
/// repeated borders and headers left out: the same text as one table, in bounded memory.
fn render(
    rows: &[&ResultRow],
    level: Level,
    report: &Report,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<Vec<Text>> {
    let months = has_months(rows, level);
    // A table fitted to a terminal's width may hide columns: one table, as before.
    let fitted = || {
        table_of(&rows[..1], level, months, report)
            .0
            .width()
            .is_some()
    };
    if rows.len() <= BLOCK || fitted() {
        let (table, hidden) = table_of(rows, level, months, report);
        out.write_all(table.to_string().as_bytes())?;
        return Ok(hidden);
    }
    // The blocks are measured, then rendered, on the command's threads (`--jobs`): comfy-table
    // takes about 8 µs a row, 2.5 s for the national study's 150 000 rows on one thread.
    use rayon::prelude::*;
    let widths = rows
        .par_chunks(BLOCK)
        .map(|block| {
            table_of(block, level, months, report)
                .0
                .column_max_content_widths()
        })
        .reduce(Vec::new, |mut a, b| {
            a.resize(a.len().max(b.len()), 0);
            for (max, w) in a.iter_mut().zip(b) {
                *max = (*max).max(w);
            }
            a
        });
    let blocks = rows.len().div_ceil(BLOCK);
    let text_of = |(i, block): (usize, &[&ResultRow])| -> String {
        let (mut t, _) = table_of(block, level, months, report);
        for (c, &w) in widths.iter().enumerate() {
            if let Some(column) = t.column_mut(c) {
                let padding = column.padding_width();
                column.set_constraint(ColumnConstraint::Absolute(comfy_table::Width::Fixed(
                    w + padding,
                )));
            }
        }
        let text = t.to_string();
        let lines: Vec<&str> = text.lines().collect();
        // The header ends at its separator (╞═══╡ in this preset); the last line is the
        // bottom border.
        let header_end = lines
            .iter()
            .position(|l| l.starts_with('╞'))
            .map_or(0, |p| p + 1);
        let from = if i == 0 { 0 } else { header_end };
        let to = if i + 1 == blocks {
            lines.len()
        } else {
            lines.len() - 1
        };
        let mut kept = lines[from..to].join("\n");
        if i + 1 < blocks {
            kept.push('\n');
        }
        kept
    };
    // A few blocks at a time (memory stays flat), written in order.
    let wave = 2 * rayon::current_num_threads().max(1);
    let numbered: Vec<(usize, &[&ResultRow])> = rows.chunks(BLOCK).enumerate().collect();
    for group in numbered.chunks(wave) {
        let texts: Vec<String> = group.par_iter().map(|&b| text_of(b)).collect();
        for text in texts {
            out.write_all(text.as_bytes())?;
        }
    }
    Ok(Vec::new())
}

/// The terminal table of a compute run.
pub fn write(report: &Report) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    write_to(report, &mut out)?;
    Ok(out)
}

/// [`write`], to `out` as it goes.
pub fn write_to(report: &Report, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
    let lang = report.settings.lang;
    let mut levels: Vec<Level> = Vec::new();
    for r in &report.results.rows {
        if !levels.contains(&r.level) {
            levels.push(r.level);
        }
    }
    for level in levels {
        let rows: Vec<&ResultRow> = report
            .results
            .rows
            .iter()
            .filter(|r| r.level == level)
            .collect();
        let mut text = String::new();
        text.push_str(lang.level_title(level));
        text.push('\n');
        out.write_all(text.as_bytes())?;
        let hidden = render(&rows, level, report, out)?;
        let mut text = String::from("\n");
        if !hidden.is_empty() {
            // Say which columns were dropped to fit, and how to see them.
            let names: Vec<&str> = hidden.iter().map(|h| lang.t(*h)).collect();
            text.push_str(&if lang == Lang::Fr {
                format!(
                    "Colonnes masquées pour tenir dans le terminal : {}. Élargir le terminal, ou écrire toutes les colonnes avec -o resultats.csv (ou -o resultats.xlsx).\n",
                    names.join(", ")
                )
            } else {
                format!(
                    "Columns hidden to fit the terminal: {}. Widen the terminal, or write every column with -o results.csv (or -o results.xlsx).\n",
                    names.join(", ")
                )
            });
        }
        let count = |s: Status| rows.iter().filter(|r| r.status == Some(s)).count();
        let (colon, en) = if lang == Lang::Fr {
            (" :", "en ")
        } else {
            (":", "")
        };
        text.push_str(&format!(
            "{}{colon} {} {en}{}, {} {en}{}, {} {en}{}\n\n",
            lang.count(rows.len() as u64, Noun::Row),
            count(Status::Shortage),
            lang.status(Status::Shortage),
            count(Status::Balanced),
            lang.status(Status::Balanced),
            count(Status::Excess),
            lang.status(Status::Excess),
        ));
        out.write_all(text.as_bytes())?;
    }
    if report.results.rows.is_empty() {
        out.write_all(lang.t(Text::NoResults).as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
