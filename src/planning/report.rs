//! The outputs of the planning commands: text (the default), CSV and JSON with the contract's
//! columns ([`super::rows`]), and an XLSX workbook or an HTML page holding the rows and a
//! before/after chart per pool (allocate: the ratios of the facilities that got posts, the
//! smallest ratio rising) or per group (redistribute).
//!
//! The charts are described once, as [`ChartBlock`]s, and drawn by the XLSX and HTML writers.

use rust_xlsxwriter::{Chart, ChartType, Color, Format as XlsxFormat, Workbook};

use super::allocate::Allocation;
use super::redistribute::Redistribution;
use super::rows::{ALLOCATE_COLUMNS, REDISTRIBUTE_COLUMNS};
use super::text;
use super::Within;
use crate::diag::Problem;
use crate::i18n::{Lang, Text};
use crate::method::allocate::{min_ratio, ratio};
use crate::model::Study;
use crate::report::page::escape;
use crate::report::{Format, Report, ReportSettings, RowSlice, Rows};

/// The formats of the planning commands, the default first.
const PLAN_FORMATS: &[Format] = &[
    Format::Table,
    Format::Csv,
    Format::Json,
    Format::Xlsx,
    Format::Html,
];

/// One before/after chart: a bar pair per label.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartBlock {
    pub title: String,
    pub labels: Vec<String>,
    pub before: Vec<f64>,
    pub after: Vec<f64>,
}

/// The charts of an allocation: per pool, the smallest ratio among the candidates before and
/// after the pool (the first bar pair), then the ratio of each facility × cadre that got posts
/// in it, before and after; the title says the smallest ratio before → after.
pub fn allocation_charts(study: &Study, a: &Allocation, lang: Lang) -> Vec<ChartBlock> {
    let mut out = Vec::new();
    for (i, run) in a.runs.iter().enumerate() {
        let mut after = run.given_before.clone();
        let mut order = Vec::new();
        for p in &run.result.posts {
            if after[p.slot] == run.given_before[p.slot] {
                order.push(p.slot);
            }
            after[p.slot] += 1;
        }
        let name = match (&run.pool, run.budget) {
            (Some(p), _) => {
                let group = match &p.group {
                    super::inputs::PoolGroup::National => lang.t(Text::PlanNational).to_string(),
                    super::inputs::PoolGroup::Region(r) => r.clone(),
                    super::inputs::PoolGroup::District(d) => d.clone(),
                };
                format!(
                    "{} {}{} {}, {group}",
                    lang.t(Text::PlanPool),
                    i + 1,
                    lang.t(Text::PlanColon),
                    study.cadres[p.cadre].name
                )
            }
            _ => format!(
                "{} {}",
                lang.t(Text::PlanBudget),
                text::money(lang, run.budget.unwrap_or(0.0))
            ),
        };
        let fmt = |v: Option<f64>| v.map(|v| lang.num(v, 2)).unwrap_or_else(|| "—".into());
        let (min_before, min_after) = (
            min_ratio(&a.slots, &run.given_before, &run.members),
            min_ratio(&a.slots, &after, &run.members),
        );
        let title = format!(
            "{name} — {} {} → {}",
            lang.t(Text::PlanSmallestRatio),
            fmt(min_before),
            fmt(min_after),
        );
        let mut block = ChartBlock {
            title,
            labels: Vec::new(),
            before: Vec::new(),
            after: Vec::new(),
        };
        // First bar pair: the smallest ratio among the candidates, rising.
        if let (Some(b), Some(f)) = (min_before, min_after) {
            if !order.is_empty() {
                block.labels.push(
                    lang.t(Text::PlanSmallestRatioAmongTheCandidates2)
                        .to_string(),
                );
                block.before.push(b);
                block.after.push(f);
            }
        }
        for s in order {
            let r = &a.slot_rows[s];
            let label = r
                .facility_name
                .as_deref()
                .or(r.facility_id.as_deref())
                .unwrap_or_default()
                .to_string();
            block.labels.push(if run.pool.is_none() {
                format!("{label} — {}", r.cadre)
            } else {
                label
            });
            block.before.push(ratio(&a.slots[s], run.given_before[s]));
            block.after.push(ratio(&a.slots[s], after[s]));
        }
        out.push(block);
    }
    out
}

/// The charts of a redistribution: per group and cadre with moves, the ratio of each facility
/// that gave or received, before and after.
pub fn redistribution_charts(r: &Redistribution, within: Within, lang: Lang) -> Vec<ChartBlock> {
    let mut out: Vec<ChartBlock> = Vec::new();
    for g in r
        .rows
        .iter()
        .filter(|x| !matches!(x.level, "transfer" | "facility"))
    {
        let group = match within {
            Within::District => g.district.clone(),
            Within::Region => g.region.clone(),
            Within::National => None,
        };
        let facilities: Vec<_> = r
            .rows
            .iter()
            .filter(|x| {
                x.level == "facility"
                    && x.cadre == g.cadre
                    && match within {
                        Within::District => x.district == g.district,
                        Within::Region => x.region == g.region,
                        Within::National => true,
                    }
            })
            .collect();
        if facilities.is_empty() {
            continue;
        }
        let title = format!(
            "{}{} — {} {} → {}",
            group.map(|g| format!("{g}, ")).unwrap_or_default(),
            g.cadre,
            lang.t(Text::PlanShortage),
            lang.num(g.shortage_before.unwrap_or(0.0), 2),
            lang.num(g.shortage_after.unwrap_or(0.0), 2),
        );
        out.push(ChartBlock {
            title,
            labels: facilities
                .iter()
                .map(|f| {
                    f.facility_name
                        .clone()
                        .or_else(|| f.facility_id.clone())
                        .unwrap_or_default()
                })
                .collect(),
            before: facilities
                .iter()
                .map(|f| f.ratio_before.unwrap_or(0.0))
                .collect(),
            after: facilities
                .iter()
                .map(|f| f.ratio_after.unwrap_or(0.0))
                .collect(),
        });
    }
    out
}

/// What the two planning commands' reports differ in: their rows, text, charts and title.
/// [`PlanReport`] does the rest, the same for both.
pub trait Plan {
    /// One row of the plan (the contract's columns).
    type Row: crate::report::Row + Sync;
    /// The machine names of the columns.
    const COLUMNS: &'static [&'static str];
    /// The page's title.
    const TITLE: Text;
    fn rows(&self) -> &[Self::Row];
    /// The text of the terminal report.
    fn text(&self, lang: Lang) -> String;
    fn charts(&self, lang: Lang) -> Vec<ChartBlock>;
}

/// `wisn allocate`'s plan.
pub struct AllocatePlan<'a> {
    pub study: &'a Study,
    pub allocation: &'a Allocation,
}

impl Plan for AllocatePlan<'_> {
    type Row = super::allocate::AllocateRow;
    const COLUMNS: &'static [&'static str] = ALLOCATE_COLUMNS;
    const TITLE: Text = Text::PlanAllocationOfNewPosts;
    fn rows(&self) -> &[Self::Row] {
        &self.allocation.rows
    }
    fn text(&self, lang: Lang) -> String {
        text::allocation(self.study, self.allocation, lang)
    }
    fn charts(&self, lang: Lang) -> Vec<ChartBlock> {
        allocation_charts(self.study, self.allocation, lang)
    }
}

/// `wisn redistribute`'s plan.
pub struct RedistributePlan<'a> {
    pub redistribution: &'a Redistribution,
    pub within: Within,
}

impl Plan for RedistributePlan<'_> {
    type Row = super::redistribute::RedistributeRow;
    const COLUMNS: &'static [&'static str] = REDISTRIBUTE_COLUMNS;
    const TITLE: Text = Text::PlanRedistributionOfStaff;
    fn rows(&self) -> &[Self::Row] {
        &self.redistribution.rows
    }
    fn text(&self, lang: Lang) -> String {
        text::redistribution(self.redistribution, self.within, lang)
    }
    fn charts(&self, lang: Lang) -> Vec<ChartBlock> {
        redistribution_charts(self.redistribution, self.within, lang)
    }
}

/// What every format of a planning command may show.
pub struct PlanReport<'a, P> {
    pub plan: P,
    pub warnings: Vec<&'a Problem>,
    pub settings: &'a ReportSettings,
}

/// The report of `wisn allocate`.
pub type AllocateReport<'a> = PlanReport<'a, AllocatePlan<'a>>;
/// The report of `wisn redistribute`.
pub type RedistributeReport<'a> = PlanReport<'a, RedistributePlan<'a>>;

impl<P: Plan> Report for PlanReport<'_, P> {
    const FORMATS: &'static [Format] = PLAN_FORMATS;

    fn settings(&self) -> &ReportSettings {
        self.settings
    }

    fn warnings(&self) -> &[&Problem] {
        &self.warnings
    }

    fn rows(&self) -> Option<Box<dyn Rows + '_>> {
        Some(Box::new(RowSlice {
            columns: P::COLUMNS,
            rows: self.plan.rows(),
        }))
    }

    fn table(&self) -> anyhow::Result<Vec<u8>> {
        Ok(self.plan.text(self.settings.lang).into_bytes())
    }

    fn xlsx(&self) -> anyhow::Result<Vec<u8>> {
        let lang = self.settings.lang;
        let rows = self.rows().expect("rows");
        xlsx(rows.as_ref(), &self.plan.charts(lang), &self.warnings, lang)
    }

    fn html(&self) -> anyhow::Result<Vec<u8>> {
        let lang = self.settings.lang;
        let rows = self.rows().expect("rows");
        html(
            lang.t(P::TITLE),
            &crate::report::page::study_line(self.settings),
            rows.as_ref(),
            &self.plan.charts(lang),
            &self.warnings,
            lang,
        )
    }
}

/// A workbook: sheet Rows / Lignes (the layer's data sheet: machine names, then the rows at full
/// precision; in French the machine names on a hidden row 1 and French labels on row 2), sheet Charts / Graphiques (one before/after chart per block, its data beside it),
/// sheet Warnings / Avertissements.
fn xlsx(
    rows: &dyn Rows,
    charts: &[ChartBlock],
    warnings: &[&Problem],
    lang: Lang,
) -> anyhow::Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let bold = XlsxFormat::new().set_bold();
    let date = XlsxFormat::new().set_num_format("yyyy-mm-dd");
    let ws = wb.add_worksheet();
    ws.set_name(lang.t(Text::PlanRows))?;
    if lang == Lang::En {
        crate::report::sheet::data_sheet(ws, rows, &bold, &date)?;
    } else {
        // French labels for people over the machine names, hidden on row 1 (as compute's).
        crate::report::sheet::labelled_data_sheet(ws, rows, &bold, &date, lang)?;
    }
    let ws = wb.add_worksheet();
    let charts_sheet = lang.t(Text::SheetCharts);
    ws.set_name(charts_sheet)?;
    let before_name = lang.t(Text::PlanRatioBefore);
    let after_name = lang.t(Text::PlanRatioAfter);
    let mut top: u32 = 0;
    const DATA: u16 = 10;
    for block in charts {
        ws.write_string_with_format(top, DATA, &block.title, &bold)?;
        ws.write_string_with_format(top + 1, DATA + 1, before_name, &bold)?;
        ws.write_string_with_format(top + 1, DATA + 2, after_name, &bold)?;
        for (i, l) in block.labels.iter().enumerate() {
            let r = top + 2 + i as u32;
            ws.write_string(r, DATA, l)?;
            ws.write_number(r, DATA + 1, block.before[i])?;
            ws.write_number(r, DATA + 2, block.after[i])?;
        }
        let height = (block.labels.len() as u32 + 2).max(16);
        if !block.labels.is_empty() {
            let first = top + 2;
            let last = top + 1 + block.labels.len() as u32;
            let mut chart = Chart::new(ChartType::Bar);
            chart.title().set_name(&block.title);
            for (k, (name, color)) in [(before_name, 0xB0B0B0), (after_name, 0x1F4E79)]
                .into_iter()
                .enumerate()
            {
                let col = DATA + 1 + k as u16;
                chart
                    .add_series()
                    .set_name(name)
                    .set_categories((charts_sheet, first, DATA, last, DATA))
                    .set_values((charts_sheet, first, col, last, col))
                    .set_format(rust_xlsxwriter::ChartFormat::new().set_solid_fill(
                        rust_xlsxwriter::ChartSolidFill::new().set_color(Color::RGB(color)),
                    ));
            }
            chart.x_axis().set_name(lang.t(Text::PlanWISNRatio));
            chart.y_axis().set_reverse();
            chart.set_width(620).set_height(20 * height);
            ws.insert_chart(top, 0, &chart)?;
        }
        top += height + 2;
    }
    ws.set_column_width(DATA, 34)?;
    let ws = wb.add_worksheet();
    ws.set_name(lang.t(Text::SheetWarnings))?;
    ws.write_string_with_format(0, 0, lang.t(Text::PlanWarnings), &bold)?;
    for (i, w) in warnings.iter().enumerate() {
        ws.write_string(i as u32 + 1, 0, w.render(lang))?;
    }
    Ok(wb.save_to_buffer()?)
}

/// A horizontal bar chart in SVG: per label, the ratio before (grey) and after (blue), a line
/// at 1.0.
fn svg_chart(block: &ChartBlock, lang: Lang) -> String {
    let n = block.labels.len();
    let max = block
        .before
        .iter()
        .chain(&block.after)
        .copied()
        .fold(1.2_f64, f64::max);
    let (left, width, bar, gap) = (230.0, 380.0, 9.0, 8.0);
    let height = 30.0 + n as f64 * (2.0 * bar + gap) + 20.0;
    let x = |v: f64| left + v / max * width;
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{height}" role="img" aria-label="{}">"#,
        left + width + 60.0,
        escape(&block.title)
    );
    for (i, l) in block.labels.iter().enumerate() {
        let y = 20.0 + i as f64 * (2.0 * bar + gap);
        s.push_str(&format!(
            r#"<text x="{}" y="{}" text-anchor="end" font-size="11">{}</text>"#,
            left - 6.0,
            y + bar + 3.0,
            escape(l)
        ));
        for (k, (v, color)) in [(block.before[i], "#b0b0b0"), (block.after[i], "#1f4e79")]
            .into_iter()
            .enumerate()
        {
            let yy = y + k as f64 * bar;
            s.push_str(&format!(
                r#"<rect x="{left}" y="{yy}" width="{:.1}" height="{}" fill="{color}"/><text x="{:.1}" y="{}" font-size="10">{}</text>"#,
                (x(v) - left).max(0.5),
                bar - 1.0,
                x(v) + 3.0,
                yy + bar - 2.0,
                lang.num(v, 2)
            ));
        }
    }
    s.push_str(&format!(
        r##"<line x1="{0:.1}" x2="{0:.1}" y1="12" y2="{1}" stroke="#c0392b" stroke-dasharray="4 3"/><text x="{0:.1}" y="{2}" font-size="10" text-anchor="middle">1</text></svg>"##,
        x(1.0),
        height - 18.0,
        height - 6.0
    ));
    s
}

/// One self-contained page: title, the before/after charts, the rows (the layer's table of
/// rows), the warnings.
fn html(
    title: &str,
    study_line: &str,
    rows: &dyn Rows,
    charts: &[ChartBlock],
    warnings: &[&Problem],
    lang: Lang,
) -> anyhow::Result<Vec<u8>> {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>body{{font-family:sans-serif;margin:2em;max-width:75em}}table{{border-collapse:collapse;font-size:12px}}th,td{{border:1px solid #ccc;padding:2px 6px}}th{{background:#dce6f1}}.legend span{{display:inline-block;width:1em;height:.8em;margin:0 .3em 0 1em}}</style></head><body>\n<h1>{}</h1>\n",
        lang.code(),
        escape(title),
        escape(title)
    );
    out.push_str(study_line);
    out.push_str(&format!(
        "<p class=\"legend\"><span style=\"background:#b0b0b0\"></span>{}<span style=\"background:#1f4e79\"></span>{}</p>\n",
        lang.t(Text::PlanRatioBefore),
        lang.t(Text::PlanRatioAfter)
    ));
    for block in charts {
        out.push_str(&format!("<h2>{}</h2>\n", escape(&block.title)));
        if block.labels.is_empty() {
            out.push_str(&format!("<p>{}</p>\n", lang.t(Text::PlanNothingChanged)));
        } else {
            out.push_str(&svg_chart(block, lang));
            out.push('\n');
        }
    }
    out.push_str("<h2>");
    out.push_str(lang.t(Text::PlanRows));
    out.push_str("</h2>\n");
    crate::report::page::rows_table(&mut out, rows)?;
    out.push('\n');
    if !warnings.is_empty() {
        out.push_str(&format!("<h2>{}</h2><ul>", lang.t(Text::PlanWarnings)));
        for w in warnings {
            out.push_str(&format!("<li>{}</li>", escape(&w.render(lang))));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body></html>\n");
    Ok(out.into_bytes())
}
