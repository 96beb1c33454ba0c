//! CSV output: the spec's columns in order, numbers at full precision, blank where a value does
//! not apply. `--locale fr` writes `;`, decimal commas and a UTF-8 BOM for French Excel.

use super::{values, Exporter, Report, Value, COLUMNS};
use crate::numbers::full_precision;

pub struct CsvExporter;

impl Exporter for CsvExporter {
    fn serialize(&self, report: &Report) -> anyhow::Result<Vec<u8>> {
        let french = report.settings.french_csv;
        let mut out = Vec::new();
        if french {
            out.extend_from_slice("\u{feff}".as_bytes());
        }
        let mut w = ::csv::WriterBuilder::new()
            .delimiter(if french { b';' } else { b',' })
            .from_writer(out);
        w.write_record(COLUMNS)?;
        let mut record: Vec<String> = Vec::with_capacity(COLUMNS.len());
        for row in &report.results.rows {
            record.clear();
            for v in values(row) {
                record.push(match v {
                    Value::Null => String::new(),
                    Value::Text(t) if french => inert(t).into_owned(),
                    Value::Text(t) => t.to_string(),
                    Value::Number(n) => {
                        let s = full_precision(n);
                        if french {
                            s.replace('.', ",")
                        } else {
                            s
                        }
                    }
                    Value::Integer(i) => i.to_string(),
                });
            }
            w.write_record(&record)?;
        }
        w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
    }
}

/// A text cell made inert for Excel (`--excel-fr`): Excel runs a cell that begins with `=`, `+`,
/// `-` or `@` (or a tab or carriage return before one) as a formula, so a facility named
/// `=HYPERLINK(…)` or `-CSCom` gets a leading `'`, which Excel shows as text. Numbers are never
/// changed. Machine CSV (without `--excel-fr`) keeps every value as it is.
pub fn inert(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn formula_text_is_made_inert() {
        assert_eq!(super::inert("=1+1"), "'=1+1");
        assert_eq!(super::inert("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(super::inert("-CSCom"), "'-CSCom");
        assert_eq!(super::inert("CSCom"), "CSCom");
    }
}
