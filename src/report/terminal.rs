//! The terminal-table kit: any command's rows as one table for people (headers in the run's
//! language through [`crate::i18n::Lang::column`], numbers rounded for reading, status words
//! translated and coloured on a terminal). A command whose table needs more (compute's tables
//! per level, surge's peak tables) builds on comfy-table itself; a new command can start here.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, Color, ContentArrangement, Table};

use super::{ReportSettings, Rows, Value};
use crate::method::Status;

/// A status word for people: translated, shortage in capitals so that it stands out without
/// colour too, coloured (red, green, amber) when `settings.color`; blank without a status.
pub fn status_cell(status: Option<Status>, settings: &ReportSettings) -> Cell {
    let Some(s) = status else {
        return Cell::new("");
    };
    let word = settings.lang.status(s);
    let (word, c) = match s {
        Status::Shortage => (word.to_uppercase(), Color::Red),
        Status::Balanced => (word.to_string(), Color::Green),
        Status::Excess => (word.to_string(), Color::Yellow),
    };
    let cell = Cell::new(word);
    if settings.color {
        cell.fg(c)
    } else {
        cell
    }
}

/// The cell of a value for people: numbers with `decimals` decimals (whole numbers without),
/// dates `YYYY-MM-DD`, nothing for null.
pub fn cell(v: &Value, decimals: usize, settings: &ReportSettings) -> Cell {
    let lang = settings.lang;
    match v {
        Value::Null => Cell::new(""),
        Value::Text(t) => Cell::new(t.as_ref()),
        Value::Number(n) => {
            let d = if n.fract() == 0.0 { 0 } else { decimals };
            Cell::new(lang.num(*n, d)).set_alignment(CellAlignment::Right)
        }
        Value::Integer(i) => Cell::new(i.to_string()).set_alignment(CellAlignment::Right),
        Value::Date(_) => Cell::new(v.to_text(false)),
    }
}

/// Every row as one table, the columns given by name (a subset of the rows' columns, in the
/// order wanted; unknown names are skipped), numbers with 2 decimals; a `status` column shows
/// the status words.
pub fn rows_table(
    rows: &dyn Rows,
    shown: &[&str],
    settings: &ReportSettings,
) -> anyhow::Result<String> {
    let columns = rows.columns();
    let picked: Vec<(usize, &str)> = shown
        .iter()
        .filter_map(|name| columns.iter().position(|c| c == name).map(|i| (i, *name)))
        .collect();
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = settings.width {
        t.set_width(w);
    }
    t.set_header(picked.iter().map(|(_, name)| settings.lang.column(name)));
    rows.each(&mut |cells| {
        t.add_row(picked.iter().map(|&(i, name)| {
            match (&cells[i], name) {
                (Value::Text(s), "status") => {
                    match [Status::Shortage, Status::Balanced, Status::Excess]
                        .into_iter()
                        .find(|x| x.as_str() == s.as_ref())
                    {
                        Some(status) => status_cell(Some(status), settings),
                        None => Cell::new(s.as_ref()),
                    }
                }
                (v, _) => cell(v, 2, settings),
            }
        }));
        Ok(())
    })?;
    Ok(t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Row, RowSlice};

    struct R(&'static str, f64);

    impl Row for R {
        fn cells<'a>(&'a self, out: &mut Vec<Value<'a>>) {
            out.extend([
                Value::text(self.0),
                Value::Number(self.1),
                Value::text("shortage"),
            ]);
        }
    }

    #[test]
    fn a_table_of_any_rows() {
        let rows = [R("Sage-femme", 1.23456), R("Médecin", 2.0)];
        let slice = RowSlice {
            columns: &["cadre", "wisn_ratio", "status"],
            rows: &rows,
        };
        let settings = ReportSettings {
            lang: crate::i18n::Lang::Fr,
            ..Default::default()
        };
        let text = rows_table(
            &slice,
            &["cadre", "wisn_ratio", "status", "nope"],
            &settings,
        )
        .unwrap();
        assert!(text.contains("Ratio WISN") && text.contains("1,23") && text.contains("PÉNURIE"));
        assert!(text.contains("Médecin") && text.contains(" 2 "), "{text}");
    }
}
