//! Problems as rows: what `wisn validate --format json|csv` lists, one row per problem with its
//! place (file, sheet, row, column, cell), the value and the fix.

use super::{Row, Value};
use crate::diag::{Problem, Severity};

/// The columns of a problem row, in order.
pub const PROBLEM_COLUMNS: &[&str] = &[
    "severity", "code", "message", "file", "sheet", "row", "column", "cell", "value", "hint",
];

/// `error`, `warning` or `note`.
pub fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

impl Row for Problem {
    fn cells<'a>(&'a self, out: &mut Vec<Value<'a>>) {
        let l = self.location.as_ref();
        out.extend([
            Value::text(severity_name(self.severity)),
            Value::text(self.code.name()),
            Value::Text(self.to_string().into()),
            Value::opt_text(l.map(|l| l.file.as_str())),
            Value::opt_text(l.and_then(|l| l.sheet.as_deref())),
            l.and_then(|l| l.row)
                .map(|r| Value::Integer(r as i64))
                .unwrap_or(Value::Null),
            Value::opt_text(l.and_then(|l| l.column.as_deref())),
            Value::opt_text(l.and_then(|l| l.cell.as_deref())),
            Value::opt_text(self.value.as_deref()),
            Value::opt_text(self.hint.as_ref().map(|h| h.en())),
        ]);
    }
}
