//! CSV, for every command's rows: the columns in order, numbers at full precision, dates
//! `YYYY-MM-DD`, blank where a value does not apply. `--excel-fr` writes `;`, decimal commas and
//! a UTF-8 BOM for French Excel.

use super::Rows;

/// The rows as CSV bytes.
pub fn write(rows: &dyn Rows, french: bool) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    write_to(rows, french, &mut out)?;
    Ok(out)
}

/// The rows as CSV, written to `out` as they come (nothing held but one record).
pub fn write_to(rows: &dyn Rows, french: bool, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
    if french {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(if french { b';' } else { b',' })
        .from_writer(out);
    let columns = rows.columns();
    w.write_record(columns.iter().map(|c| c.as_ref()))?;
    let mut record: Vec<String> = Vec::with_capacity(columns.len());
    rows.each(&mut |cells| {
        record.clear();
        record.extend(cells.iter().map(|v| match v {
            super::Value::Text(t) if french => inert(t).into_owned(),
            v => v.to_text(french),
        }));
        w.write_record(&record)?;
        Ok(())
    })?;
    w.flush()?;
    Ok(())
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
