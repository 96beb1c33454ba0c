//! CSV output: the columns of [`super::COLUMNS`] in order, numbers at full precision, dates
//! `YYYY-MM-DD`, blank where a value does not apply. `--locale fr` writes `;`, decimal commas
//! and a UTF-8 BOM for French Excel.

use super::{values, SurgeExporter, SurgeReport, Value, COLUMNS};

pub struct CsvExporter;

impl SurgeExporter for CsvExporter {
    fn serialize(&self, report: &SurgeReport) -> anyhow::Result<Vec<u8>> {
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
                let text = v.to_text();
                record.push(match v {
                    Value::Number(_) if french => text.replace('.', ","),
                    Value::Text(_) if french => crate::report::csv::inert(&text).into_owned(),
                    _ => text,
                });
            }
            w.write_record(&record)?;
        }
        w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
    }
}
