//! CSV, for every command's rows: the columns in order, numbers at full precision, dates
//! `YYYY-MM-DD`, blank where a value does not apply. `--excel-fr` writes `;`, decimal commas and
//! a UTF-8 BOM for French Excel.

use super::Rows;

/// The rows as CSV bytes.
pub fn write(rows: &dyn Rows, french: bool) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    if french {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(if french { b';' } else { b',' })
        .from_writer(out);
    let columns = rows.columns();
    w.write_record(columns.iter().map(|c| c.as_ref()))?;
    let mut record: Vec<String> = Vec::with_capacity(columns.len());
    rows.each(&mut |cells| {
        record.clear();
        record.extend(cells.iter().map(|v| v.to_text(french)));
        w.write_record(&record)?;
        Ok(())
    })?;
    w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}
