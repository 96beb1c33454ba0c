//! Reading (study-format §6).

use super::*;

/// Reads the workload table when it is a DHIS2 export and returns true; returns false (having
/// read nothing) when it is a tidy workload table.
pub fn read_workload(
    table: &TableRef,
    options: &ReadOptions,
    b: &mut Builder,
    diag: &mut Diagnostics,
) -> bool {
    match table {
        TableRef::Json { path, display } => {
            json::read_json(path, display, options, b, diag);
            true
        }
        TableRef::Text { path, display } => {
            if looks_like_json(path, display) {
                json::read_json(path, display, options, b, diag);
                return true;
            }
            read_csv_if_dhis2(table, options, b, diag)
        }
        TableRef::Sheet { .. } => read_csv_if_dhis2(table, options, b, diag),
    }
}

/// True when a text table file (maybe compressed) starts with `{` or `[`.
pub(super) fn looks_like_json(path: &Path, display: &str) -> bool {
    let Ok(stream) = open_stream(path, display) else {
        return false;
    };
    let mut head = Vec::with_capacity(1024);
    if stream.take(1024).read_to_end(&mut head).is_err() {
        return false;
    }
    let text = head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&head);
    matches!(
        text.iter().find(|c| !c.is_ascii_whitespace()),
        Some(b'{') | Some(b'[')
    )
}

/// The header cells of the first non-blank row of a table.
pub(super) fn first_row(source: &mut dyn RowSource) -> Option<Vec<String>> {
    let mut header = None;
    let _ = source.for_each_row(&mut |row: &dyn Row| {
        if row.is_blank() {
            return Flow::Continue;
        }
        header = Some(
            (0..row.len())
                .map(|i| row.cell(i).to_text().trim().to_string())
                .collect(),
        );
        Flow::Stop
    });
    source.take_notes();
    header
}

pub(super) fn mapping_needed(
    b: &mut Builder,
    what: Msg,
    at: Location,
    diag: &mut Diagnostics,
) -> Option<Mapping> {
    let m = b.dhis2_mapping.take();
    if m.is_none() {
        diag.error(
            Problem::error(Code::NoDhis2Mapping, msg::mapping_needed(&what))
                .at(at)
                .hint(msg::mapping_needed_hint()),
        );
    }
    m
}

pub(super) fn read_csv_if_dhis2(
    table: &TableRef,
    options: &ReadOptions,
    b: &mut Builder,
    diag: &mut Diagnostics,
) -> bool {
    let header = {
        let mut peek = open_source(table, options.csv);
        first_row(peek.as_mut())
    };
    let Some(shape) = header.as_deref().and_then(detect) else {
        return false;
    };
    let mut source = open_source(table, options.csv);
    let at = source.location();
    let Some(mapping) = mapping_needed(b, shape.describe(), at.clone(), diag) else {
        return true;
    };
    let mut agg = Aggregator::new(b, mapping, options, source.decimal_style());
    read_csv(source.as_mut(), &shape, &mut agg, b, diag);
    agg.finish(b, &at, diag);
    true
}

pub(super) fn cell_text<'r>(row: &'r dyn Row, col: usize) -> Cow<'r, str> {
    match row.cell(col) {
        Cell::Text(Cow::Borrowed(t)) => Cow::Borrowed(t.trim()),
        Cell::Empty => Cow::Borrowed(""),
        other => Cow::Owned(other.to_text().trim().to_string()),
    }
}

/// Streams the rows of a DHIS2 CSV export (the first non-blank row is its header).
pub(super) fn read_csv(
    source: &mut dyn RowSource,
    shape: &CsvShape,
    agg: &mut Aggregator,
    b: &mut Builder,
    diag: &mut Diagnostics,
) {
    let base = source.location();
    let mut header: Option<Vec<String>> = None;
    let result = source.for_each_row(&mut |row: &dyn Row| {
        if row.is_blank() {
            return Flow::Continue;
        }
        let Some(names) = &header else {
            header = Some(
                (0..row.len())
                    .map(|i| row.cell(i).to_text().trim().to_string())
                    .collect(),
            );
            return Flow::Continue;
        };
        let (de_cols, pe_col, ou_cols, coc_col, value_col, deleted) = match shape {
            CsvShape::DataValueSets { deleted } => (
                &[0usize][..],
                1,
                &[2usize][..],
                Some(3),
                5,
                deleted.is_some_and(|c| {
                    matches!(row.cell(c), Cell::Bool(true))
                        || cell_text(row, c).eq_ignore_ascii_case("true")
                }),
            ),
            CsvShape::Analytics {
                data,
                period,
                orgunit,
                coc,
                value,
            } => (&data[..], *period, &orgunit[..], *coc, *value, false),
        };
        let nde = de_cols.len().min(4);
        let nou = ou_cols.len().min(4);
        let des: [Cow<str>; 4] = std::array::from_fn(|k| {
            if k < nde {
                cell_text(row, de_cols[k])
            } else {
                Cow::Borrowed("")
            }
        });
        let ous: [Cow<str>; 4] = std::array::from_fn(|k| {
            if k < nou {
                cell_text(row, ou_cols[k])
            } else {
                Cow::Borrowed("")
            }
        });
        let de_refs: [&str; 4] = std::array::from_fn(|k| des[k].as_ref());
        let ou_refs: [&str; 4] = std::array::from_fn(|k| ous[k].as_ref());
        let coc = coc_col.map(|c| cell_text(row, c)).unwrap_or_default();
        let period = cell_text(row, pe_col);
        let value_cell = row.cell(value_col);
        let value_text;
        let value = match &value_cell {
            Cell::Empty => Num::Blank,
            Cell::Number(x) => Num::Number(*x),
            Cell::Text(t) => Num::Text(t.as_ref()),
            other => {
                value_text = other.to_text().into_owned();
                Num::Other(&value_text)
            }
        };
        let raw = RawValue {
            data_element: &de_refs[..nde],
            coc: &coc,
            orgunit: &ou_refs[..nou],
            period: &period,
            value,
            deleted,
        };
        if let Err((field, problem)) = agg.value(b, &raw) {
            let col = match field {
                Field::DataElement => de_cols[0],
                Field::Period => pe_col,
                Field::OrgUnit => ou_cols[0],
                Field::Value => value_col,
            };
            let mut at = base.clone();
            at.row = Some(row.number());
            at.column = names.get(col).cloned();
            at.cell = row.cell_name(col);
            diag.error(problem.at(at));
        }
        Flow::Continue
    });
    for note in source.take_notes() {
        diag.push(note);
    }
    if let Err(problem) = result {
        diag.error(problem);
    }
}
