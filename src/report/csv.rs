//! CSV, for every command's rows: the columns in order, numbers at full precision, dates
//! `YYYY-MM-DD`, blank where a value does not apply. `--excel-fr` writes `;`, decimal commas and
//! a UTF-8 BOM for French Excel.
//!
//! The bytes are those of the `csv` crate's `Writer` with its default settings (`QuoteStyle::
//! Necessary`, `\n` after each record), written by hand to skip a `String` per cell and the
//! writer's work per field: a field is quoted when it holds the delimiter, a `"`, a `\r` or a
//! `\n` (nothing else: leading or trailing spaces, `#`, `'` are written as they are), a `"` inside
//! doubled; a record with no bytes at all (one empty field) is written `""`. A property test
//! compares random records with the `csv` crate's writer.
//!
//! The rows are written by [`super::blocks`]: in blocks formatted on the threads of the current
//! rayon pool when they can be reached by index, the same bytes whatever the number of threads.

use std::io::Write;

use super::{Rows, Value};

/// The rows as CSV bytes.
pub fn write(rows: &dyn Rows, french: bool) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    write_to(rows, french, &mut out)?;
    Ok(out)
}

/// The rows as CSV, written to `out` as they come (a block of rows at a time; several blocks
/// formatted at once on the threads of the current rayon pool when the rows can be reached by
/// index).
pub fn write_to(rows: &dyn Rows, french: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    if french {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let dialect = Dialect::new(french);
    let columns = rows.columns();
    let mut buffer = Vec::with_capacity(64 * 1024);
    dialect.record(
        &mut buffer,
        columns.len(),
        columns.iter().map(|c| Value::text(c)),
        false,
    )?;
    out.write_all(&buffer)?;
    let width = columns.len();
    super::blocks::write_rows(rows, out, &|out, _, cells| dialect.row(out, width, cells))
}

/// How fields are written: the delimiter, the decimal separator, `--excel-fr`'s inert text.
#[derive(Debug, Clone, Copy)]
struct Dialect {
    delimiter: u8,
    french: bool,
    /// Bit `b` set when the byte `b` (< 64) makes a field quoted: the delimiter, `"`, CR, LF.
    special: u64,
}

impl Dialect {
    fn new(french: bool) -> Dialect {
        let delimiter = if french { b';' } else { b',' };
        Dialect {
            delimiter,
            french,
            special: [delimiter, b'"', b'\r', b'\n']
                .iter()
                .fold(0, |mask, &b| mask | (1u64 << b)),
        }
    }

    /// One row of cells (text cells inert with `--excel-fr`).
    fn row(&self, out: &mut Vec<u8>, width: usize, cells: &[Value<'_>]) -> anyhow::Result<()> {
        self.record(out, width, cells.iter().cloned(), self.french)
    }

    /// One record and its `\n`; `width` fields or an error, as the `csv` writer (every record
    /// has the header's number of fields).
    fn record<'v>(
        &self,
        out: &mut Vec<u8>,
        width: usize,
        cells: impl Iterator<Item = Value<'v>>,
        inert_text: bool,
    ) -> anyhow::Result<()> {
        let start = out.len();
        let mut fields = 0;
        for v in cells {
            if fields > 0 {
                out.push(self.delimiter);
            }
            fields += 1;
            match &v {
                Value::Text(t) => self.text(out, t, inert_text),
                // Digits, `-`, the decimal separator (`,` only with `;`), dates `YYYY-MM-DD`:
                // never quoted.
                other => other.push_text(self.french, out),
            }
        }
        if fields != width {
            out.truncate(start);
            return Err(anyhow::Error::new(crate::messages::output::record_width(
                fields, width,
            )));
        }
        if out.len() == start {
            out.extend_from_slice(b"\"\"");
        }
        out.push(b'\n');
        Ok(())
    }

    /// Whether a field holds a byte that makes it quoted: eight bytes at a time (a byte equal
    /// to one of the four found by the zero-byte test of `x ^ b·0x0101…`), then one by one.
    fn needs_quotes(&self, bytes: &[u8]) -> bool {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGHS: u64 = 0x8080_8080_8080_8080;
        let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS != 0;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            if zero_byte(x ^ (ONES * u64::from(self.delimiter)))
                || zero_byte(x ^ (ONES * u64::from(b'"')))
                || zero_byte(x ^ (ONES * u64::from(b'\r')))
                || zero_byte(x ^ (ONES * u64::from(b'\n')))
            {
                return true;
            }
        }
        let special = self.special;
        chunks
            .remainder()
            .iter()
            .any(|&b| b < 64 && special & (1u64 << b) != 0)
    }

    /// A text field, quoted when it must be (and `'` before a formula when `inert`).
    fn text(&self, out: &mut Vec<u8>, text: &str, inert: bool) {
        let bytes = text.as_bytes();
        let prefix = inert && is_formula(text);
        let quote = self.needs_quotes(bytes);
        if !quote {
            if prefix {
                out.push(b'\'');
            }
            out.extend_from_slice(bytes);
            return;
        }
        out.push(b'"');
        if prefix {
            out.push(b'\'');
        }
        let mut rest = bytes;
        while let Some(i) = rest.iter().position(|&b| b == b'"') {
            out.extend_from_slice(&rest[..=i]);
            out.push(b'"');
            rest = &rest[i + 1..];
        }
        out.extend_from_slice(rest);
        out.push(b'"');
    }
}

/// Whether Excel would run the text as a formula (see [`inert`]).
fn is_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A text cell made inert for Excel (`--excel-fr`): Excel runs a cell that begins with `=`, `+`,
/// `-` or `@` (or a tab or carriage return before one) as a formula, so a facility named
/// `=HYPERLINK(…)` or `-CSCom` gets a leading `'`, which Excel shows as text. Numbers are never
/// changed. Machine CSV (without `--excel-fr`) keeps every value as it is.
pub fn inert(text: &str) -> std::borrow::Cow<'_, str> {
    if is_formula(text) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::report::blocks::BLOCK_ROWS;
    use crate::report::{Row, RowSlice};
    use proptest::prelude::*;
    use std::borrow::Cow;

    /// A row of any cells.
    #[derive(Debug, Clone)]
    pub(crate) struct Cells(pub(crate) Vec<Value<'static>>);

    impl Row for Cells {
        fn cells<'a>(&'a self, out: &mut Vec<Value<'a>>) {
            out.extend(self.0.iter().cloned());
        }
    }

    /// The CSV of the rows as the `csv` crate's writer and `format!` write it (the writer before
    /// the hand-written one).
    fn reference(rows: &dyn Rows, french: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if french {
            out.extend_from_slice("\u{feff}".as_bytes());
        }
        let mut w = ::csv::WriterBuilder::new()
            .delimiter(if french { b';' } else { b',' })
            .from_writer(&mut out);
        let columns = rows.columns();
        w.write_record(columns.iter().map(|c| c.as_ref())).unwrap();
        rows.each(&mut |cells| {
            let record: Vec<String> = cells
                .iter()
                .map(|v| match v {
                    Value::Text(t) if french => inert(t).into_owned(),
                    Value::Number(n) => {
                        let s = if *n == 0.0 {
                            "0".to_string()
                        } else {
                            format!("{n}")
                        };
                        if french {
                            s.replace('.', ",")
                        } else {
                            s
                        }
                    }
                    v => v.to_text(french),
                })
                .collect();
            w.write_record(&record)?;
            Ok(())
        })
        .unwrap();
        w.flush().unwrap();
        drop(w);
        out
    }

    fn value() -> impl Strategy<Value = Value<'static>> {
        prop_oneof![
            Just(Value::Null),
            "[a-zé ,;\"\r\n'#=+@\t-]{0,6}|[a-zé ,;\"\r\n'#=+@\t-]{0,24}|[a-zé #=+@-]{0,30}"
                .prop_map(|t| Value::Text(Cow::Owned(t))),
            proptest::num::f64::ANY.prop_map(Value::Number),
            (-1_000_000.0f64..1_000_000.0).prop_map(Value::Number),
            any::<i64>().prop_map(Value::Integer),
            (1900i32..2100, 1u32..366).prop_map(|(y, d)| Value::Date(
                chrono::NaiveDate::from_yo_opt(y, d.min(365)).unwrap()
            )),
        ]
    }

    pub(crate) fn table() -> impl Strategy<Value = (Vec<&'static str>, Vec<Cells>)> {
        const NAMES: [&str; 5] = ["level", "a,b", "\"q\"", "", "cadre"];
        (1usize..=5).prop_flat_map(|width| {
            (
                proptest::sample::subsequence(NAMES.to_vec(), width)
                    .prop_map(|c| c.into_iter().collect::<Vec<_>>()),
                proptest::collection::vec(
                    proptest::collection::vec(value(), width).prop_map(Cells),
                    0..12,
                ),
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn the_same_bytes_as_the_csv_writer((columns, rows) in table(), french in any::<bool>()) {
            let slice = RowSlice { columns: &columns, rows: &rows };
            let ours = write(&slice, french).unwrap();
            let expected = reference(&slice, french);
            prop_assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&expected));
        }
    }

    #[test]
    fn quotes_are_found_at_any_place_of_a_long_field() {
        for french in [false, true] {
            let dialect = Dialect::new(french);
            let delimiter = if french { b';' } else { b',' };
            for len in 1..40 {
                for at in 0..len {
                    for (b, special) in [
                        (delimiter, true),
                        (b'"', true),
                        (b'\r', true),
                        (b'\n', true),
                        (if french { b',' } else { b';' }, false),
                        (b'#', false),
                        (0xc3, false),
                        (b'!', false),
                        (b'\x0b', false),
                    ] {
                        let mut field = vec![b'a'; len];
                        field[at] = b;
                        assert_eq!(dialect.needs_quotes(&field), special, "{field:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_record_of_one_empty_field_is_quoted() {
        let rows = [Cells(vec![Value::Null]), Cells(vec![Value::text("x")])];
        let slice = RowSlice {
            columns: &[""],
            rows: &rows,
        };
        assert_eq!(write(&slice, false).unwrap(), b"\"\"\n\"\"\nx\n");
        assert_eq!(write(&slice, false).unwrap(), reference(&slice, false));
    }

    /// Many rows of every kind of cell, some of them text to quote.
    pub(crate) fn many_rows(n: usize) -> Vec<Cells> {
        (0..n)
            .map(|i| {
                let x = i as f64;
                Cells(vec![
                    Value::Text(Cow::Owned(format!("F{i}"))),
                    Value::Text(Cow::Owned(match i % 5 {
                        0 => "a, \"b\"".to_string(),
                        1 => "-CSCom".to_string(),
                        2 => "x;y".to_string(),
                        _ => String::new(),
                    })),
                    Value::Number(x / 7.0),
                    Value::Number(x * 1e-9 - 3.5),
                    Value::Integer(i as i64 - 100),
                    if i % 3 == 0 {
                        Value::Null
                    } else {
                        Value::Number(x)
                    },
                ])
            })
            .collect()
    }

    pub(crate) const MANY_COLUMNS: &[&str] = &["id", "name", "ratio", "small", "n", "maybe"];

    #[test]
    fn blocks_on_several_threads_write_the_same_bytes() {
        for n in [
            0,
            1,
            BLOCK_ROWS - 1,
            BLOCK_ROWS,
            BLOCK_ROWS + 1,
            9 * BLOCK_ROWS + 17,
        ] {
            let rows = many_rows(n);
            let slice = RowSlice {
                columns: MANY_COLUMNS,
                rows: &rows,
            };
            for french in [false, true] {
                let expected = reference(&slice, french);
                for threads in [1, 2, 3] {
                    let pool = rayon::ThreadPoolBuilder::new()
                        .num_threads(threads)
                        .build()
                        .unwrap();
                    let mut out = Vec::new();
                    pool.install(|| write_to(&slice, french, &mut out)).unwrap();
                    assert!(
                        out == expected,
                        "{n} rows, {threads} threads, french {french}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_row_of_the_wrong_width_is_an_error_on_any_thread() {
        let mut rows = many_rows(5 * BLOCK_ROWS);
        rows[3 * BLOCK_ROWS + 5].0.pop();
        let slice = RowSlice {
            columns: MANY_COLUMNS,
            rows: &rows,
        };
        for threads in [1, 2] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let mut out = Vec::new();
            let err = pool
                .install(|| write_to(&slice, false, &mut out))
                .unwrap_err();
            assert!(err.to_string().contains("5 fields"), "{err}");
        }
    }

    /// A writer that fails after some bytes, as a full disk does.
    struct Full(usize);

    impl std::io::Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.0 < buf.len() {
                return Err(std::io::Error::other("disk full"));
            }
            self.0 -= buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_write_error_stops_the_blocks() {
        let rows = many_rows(20 * BLOCK_ROWS);
        let slice = RowSlice {
            columns: MANY_COLUMNS,
            rows: &rows,
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let err = pool
            .install(|| write_to(&slice, false, &mut Full(500_000)))
            .unwrap_err();
        assert!(err.to_string().contains("disk full"), "{err}");
    }

    #[test]
    fn formula_text_is_made_inert() {
        assert_eq!(super::inert("=1+1"), "'=1+1");
        assert_eq!(super::inert("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(super::inert("-CSCom"), "'-CSCom");
        assert_eq!(super::inert("CSCom"), "CSCom");
    }
}
