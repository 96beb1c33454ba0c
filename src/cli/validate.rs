//! `wisn validate STUDY`: read everything and list every problem at once, each with its place.
//! Exit 0 when there is no error (warnings allowed), 1 otherwise. `--format json` for pipelines.

use std::process::ExitCode;

use clap::Args;
use serde_json::json;

use super::common::{print_problems, StudyArgs};
use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE};
use crate::diag::{Problem, Severity};
use crate::engine::ComputeOptions;

#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub study: StudyArgs,
    /// `text` (default) or `json`.
    #[arg(long, short = 'f', default_value = "text", value_parser = ["text", "json"])]
    pub format: String,
}

fn problem_json(p: &Problem) -> serde_json::Value {
    let l = p.location.as_ref();
    json!({
        "severity": match p.severity { Severity::Error => "error", Severity::Warning => "warning", Severity::Note => "note" },
        "code": p.code,
        "message": p.to_string(),
        "file": l.map(|l| l.file.clone()),
        "sheet": l.and_then(|l| l.sheet.clone()),
        "row": l.and_then(|l| l.row),
        "column": l.and_then(|l| l.column.clone()),
        "cell": l.and_then(|l| l.cell.clone()),
        "value": p.value,
        "hint": p.hint,
    })
}

pub fn run(args: ValidateArgs) -> anyhow::Result<ExitCode> {
    if let Err(e) = args.study.check() {
        eprintln!("error: {e}");
        return Ok(ExitCode::from(EXIT_USAGE));
    }
    let read = args.study.read_options();
    let (builder, mut diag) = crate::study::load(&read);
    if !diag.has_errors() {
        // The method's own checks (CAS ≥ 100 %, missing working time for a type).
        if let Err(problems) =
            crate::engine::compute(&builder.study, &ComputeOptions::default(), &mut diag)
        {
            diag.problems.extend(problems);
        }
    }
    let errors = diag.error_count();
    let warnings = diag.warnings().count();
    if args.format == "json" {
        let doc = json!({
            "valid": errors == 0,
            "errors": errors,
            "warnings": warnings,
            "problems": diag.problems.iter().map(problem_json).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&doc)?);
    } else {
        let order = [Severity::Error, Severity::Warning, Severity::Note];
        for s in order {
            print_problems(diag.problems.iter().filter(|p| p.severity == s));
        }
        let s = &builder.study;
        eprintln!(
            "{}: {} facilities, {} cadres, {} standards, {} workload rows; {errors} errors, {warnings} warnings",
            if errors == 0 { "valid" } else { "invalid" },
            s.facilities.len(),
            s.cadres.len(),
            s.standards.len(),
            s.workload.rows
        );
    }
    Ok(ExitCode::from(if errors == 0 {
        EXIT_OK
    } else {
        EXIT_FAILED
    }))
}
