//! Problems as rows: what `wisn validate --format json|csv` lists, one row per problem with its
//! place (file, sheet, row, column, cell), the value and the fix.

use super::{Row, Value};
use crate::diag::{Problem, Severity};
use crate::i18n::Lang;

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

/// In English (the language of rows that have none).
impl Row for Problem {
    fn cells<'a>(&'a self, out: &mut Vec<Value<'a>>) {
        cells(self, Lang::En, out);
    }
}

/// A problem's cells with its `message` (the whole line: place, value, message, fix) and `hint`
/// in `lang`; the severity, the code and the place's fields never change with the language.
pub fn cells<'a>(p: &'a Problem, lang: Lang, out: &mut Vec<Value<'a>>) {
    {
        let l = p.location.as_ref();
        let this = p;
        out.extend([
            Value::text(severity_name(this.severity)),
            Value::text(this.code.name()),
            Value::Text(this.render(lang).into()),
            Value::opt_text(l.map(|l| l.file.as_str())),
            Value::opt_text(l.and_then(|l| l.sheet.as_deref())),
            l.and_then(|l| l.row)
                .map(|r| Value::Integer(r as i64))
                .unwrap_or(Value::Null),
            Value::opt_text(l.and_then(|l| l.column.as_deref())),
            Value::opt_text(l.and_then(|l| l.cell.as_deref())),
            Value::opt_text(this.value.as_deref()),
            Value::opt_text(this.hint.as_ref().map(|h| h.get(lang))),
        ]);
    }
}
