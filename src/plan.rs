//! `wisn compute --scenario F` and `--uncertainty N` (study-format §7.4, §7.6): the runs that
//! make compute-shaped rows with columns around them. The baseline run, then each scenario's
//! ([`crate::scenario`]), each with its uncertainty intervals ([`crate::uncertainty`]) when asked.
//!
//! Columns: `scenario` first (with `--scenario`); then the compute columns as they stand; then
//! `baseline_required_staff`, `required_change` (with `--scenario`); then `required_p05`,
//! `required_p50`, `required_p95`, `p_shortage` (with `--uncertainty`).

use crate::diag::Code;
use crate::engine::ComputeOptions;

/// The rows of a run with scenarios and/or uncertainty: each run's results with its extra
/// cells, in output order.
pub struct Plan {
    pub runs: Vec<PlanRun>,
    pub scenarios: bool,
    pub uncertainty: bool,
}

pub struct PlanRun {
    /// `baseline` or the scenario's name.
    pub name: String,
    pub results: crate::engine::Results,
    /// Per row: the baseline row's `required_staff` (same level, identity and cadre).
    pub baseline: Vec<Option<f64>>,
    /// Per row, with `--uncertainty`.
    pub intervals: Option<Vec<crate::uncertainty::Interval>>,
}

impl Plan {
    /// The output rows and columns.
    pub fn table(&self) -> crate::report::planning::PlanTable<'_> {
        use crate::report::planning::{
            Extra, PlanRow, PlanTable, SCENARIO_COLUMNS, UNCERTAINTY_COLUMNS,
        };
        let mut after: Vec<&'static str> = Vec::new();
        if self.scenarios {
            after.extend(SCENARIO_COLUMNS);
        }
        if self.uncertainty {
            after.extend(UNCERTAINTY_COLUMNS);
        }
        let mut rows = Vec::new();
        for run in &self.runs {
            for (i, row) in run.results.rows.iter().enumerate() {
                let mut cells = Vec::new();
                if self.scenarios {
                    let b = run.baseline[i];
                    cells.push(Extra::opt(b));
                    cells.push(Extra::opt(b.map(|b| row.required_staff - b)));
                }
                let interval = run.intervals.as_ref().map(|v| v[i]);
                if let Some(iv) = interval {
                    cells.extend([
                        Extra::Number(iv.required_p05),
                        Extra::Number(iv.required_p50),
                        Extra::Number(iv.required_p95),
                        Extra::Number(iv.p_shortage),
                    ]);
                }
                rows.push(PlanRow {
                    before: if self.scenarios {
                        vec![Extra::Text(run.name.clone())]
                    } else {
                        Vec::new()
                    },
                    row,
                    after: cells,
                    interval,
                });
            }
        }
        PlanTable {
            before: if self.scenarios {
                vec!["scenario"]
            } else {
                Vec::new()
            },
            after,
            rows,
        }
    }
}

/// Scenarios (when given) after the baseline, and the uncertainty of each run (when asked).
pub fn plan(
    study: &crate::model::Study,
    baseline: &crate::engine::Results,
    scenarios: Option<&[crate::scenario::ScenarioRow]>,
    uncertainty: Option<&crate::uncertainty::UncertaintyOptions>,
    options: &ComputeOptions,
    load: &crate::scenario::Loader<'_>,
    diag: &mut crate::diag::Diagnostics,
) -> Result<Plan, Vec<crate::diag::Problem>> {
    let interval = |s: &crate::model::Study, r: &crate::engine::Results| match uncertainty {
        Some(u) => crate::uncertainty::analyse(s, r, &options.bands, u).map(Some),
        None => Ok(None),
    };
    if let Some(u) = uncertainty {
        if crate::uncertainty::ranges(study, u.spread)
            .iter()
            .all(Option::is_none)
        {
            diag.warn(
                crate::diag::Problem::warning(Code::NoRange, crate::messages::planning::no_range())
                    .hint(crate::messages::planning::add_ranges()),
            );
        }
    }
    let mut runs = vec![PlanRun {
        name: "baseline".into(),
        results: baseline.clone(),
        baseline: baseline
            .rows
            .iter()
            .map(|r| Some(r.required_staff))
            .collect(),
        intervals: interval(study, baseline)?,
    }];
    if let Some(rows) = scenarios {
        if rows.is_empty() {
            diag.warn(
                crate::diag::Problem::warning(
                    Code::NoScenarios,
                    crate::messages::planning::no_scenarios(),
                )
                .hint(crate::messages::planning::add_scenario_rows()),
            );
        }
        let base: std::collections::HashMap<_, f64> = baseline
            .rows
            .iter()
            .map(|r| (crate::scenario::row_key(r), r.required_staff))
            .collect();
        for (name, s, results) in crate::scenario::run(study, baseline, rows, options, load, diag)?
        {
            let intervals = interval(&s, &results)?;
            runs.push(PlanRun {
                name,
                baseline: results
                    .rows
                    .iter()
                    .map(|r| base.get(&crate::scenario::row_key(r)).copied())
                    .collect(),
                results,
                intervals,
            });
        }
    }
    Ok(Plan {
        runs,
        scenarios: scenarios.is_some(),
        uncertainty: uncertainty.is_some(),
    })
}
