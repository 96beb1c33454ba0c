//! Merged cells of an OpenDocument sheet. calamine reads .ods cell values but not their merges,
//! so the spans are read here from `content.xml`: a `table:table-cell` with
//! `table:number-rows-spanned` / `table:number-columns-spanned` above 1 starts a merged region;
//! rows and columns are counted with their `number-rows-repeated` / `number-columns-repeated`.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use calamine::Dimensions;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

fn number(e: &BytesStart<'_>, name: &[u8]) -> u32 {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| std::str::from_utf8(&a.value).ok()?.trim().parse().ok())
        .unwrap_or(1)
}

/// The merged regions (0-based, inclusive) of the sheet `sheet` of an .ods file. `None` when the
/// file cannot be read this way (the values are still read by calamine; only the filling of
/// merged cells is lost).
pub fn merged_regions(path: &Path, sheet: &str) -> Option<Vec<Dimensions>> {
    let file = File::open(path).ok()?;
    let mut archive = zip::ZipArchive::new(BufReader::new(file)).ok()?;
    let content = archive.by_name("content.xml").ok()?;
    let mut xml = Reader::from_reader(BufReader::new(content));
    xml.config_mut().trim_text(false);
    let mut buf = Vec::new();
    let mut in_sheet = false;
    let mut depth = 0usize; // nesting of table:table inside the sheet (sub-tables are skipped)
    let mut row = 0u32;
    let mut row_repeat = 1u32;
    let mut col = 0u32;
    let mut regions = Vec::new();
    loop {
        buf.clear();
        let event = xml.read_event_into(&mut buf).ok()?;
        let (e, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                match e.name().as_ref() {
                    b"table:table" if in_sheet => {
                        if depth == 0 {
                            return Some(regions);
                        }
                        depth -= 1;
                    }
                    b"table:table-row" if in_sheet && depth == 0 => {
                        row = row.saturating_add(row_repeat);
                    }
                    _ => {}
                }
                continue;
            }
            Event::Eof => return if in_sheet { Some(regions) } else { None },
            _ => continue,
        };
        match e.name().as_ref() {
            b"table:table" => {
                if in_sheet {
                    if !empty {
                        depth += 1;
                    }
                    continue;
                }
                let name = e
                    .try_get_attribute(b"table:name")
                    .ok()
                    .flatten()
                    .and_then(|a| {
                        a.decode_and_unescape_value(xml.decoder())
                            .ok()
                            .map(|v| v.into_owned())
                    });
                if name.as_deref() == Some(sheet) && !empty {
                    in_sheet = true;
                }
            }
            b"table:table-row" if in_sheet && depth == 0 => {
                row_repeat = number(e, b"table:number-rows-repeated").max(1);
                col = 0;
                if empty {
                    row = row.saturating_add(row_repeat);
                }
            }
            b"table:table-cell" | b"table:covered-table-cell" if in_sheet && depth == 0 => {
                let repeat = number(e, b"table:number-columns-repeated").max(1);
                if e.name().as_ref() == b"table:table-cell" {
                    let rows = number(e, b"table:number-rows-spanned").max(1);
                    let cols = number(e, b"table:number-columns-spanned").max(1);
                    if rows > 1 || cols > 1 {
                        regions.push(Dimensions::new(
                            (row, col),
                            (row + rows - 1, col + cols - 1),
                        ));
                    }
                }
                col = col.saturating_add(repeat);
            }
            _ => {}
        }
    }
}
