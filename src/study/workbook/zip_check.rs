//! Checks a zipped workbook (.xlsx .xlsm .xlsb .ods) before it is read: every part is
//! decompressed once, counting, so that a part that expands more than
//! [`crate::study::stream::MAX_EXPANSION`] times (a decompression bomb: calamine holds the shared
//! strings whole) or holds more than its declared size is refused; and, for .xlsx, every
//! shared-string index in the sheets must be within the shared-string table (calamine indexes it
//! unchecked, which panics). Both are read with quick-xml configured as calamine configures it,
//! counting what calamine keeps; some damaged shapes still differ (docs/robustness.md), and the
//! workbook guard reports those. Costs one extra decompression of the file (docs/robustness.md).

use std::io::Read;

use crate::diag::Msg;
use crate::messages::reader::verbatim;
use crate::messages::workbook as msg;
use crate::study::stream::{EXPANSION_FLOOR, MAX_EXPANSION};

/// Checks the archive; `Err` says what is wrong.
pub fn check<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    xlsx: bool,
) -> Result<(), Msg> {
    let mut strings: u64 = 0;
    let mut max_index: Option<u64> = None;
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(|e| verbatim(e.to_string()))?;
        if !entry.is_file() {
            continue;
        }
        let name = entry.name().to_string();
        let declared = entry.size();
        let compressed = entry.compressed_size().max(1);
        let allowed = EXPANSION_FLOOR.max(compressed.saturating_mul(MAX_EXPANSION));
        if declared > allowed {
            return Err(msg::part_bomb(&name, declared, compressed, MAX_EXPANSION));
        }
        let lower = name.to_ascii_lowercase();
        let sst = xlsx && lower == "xl/sharedstrings.xml";
        let sheet = xlsx && lower.starts_with("xl/worksheets/") && lower.ends_with(".xml");
        let mut limited = Limited {
            inner: entry,
            total: 0,
            limit: declared.min(allowed),
            exceeded: false,
        };
        let parsed = if sst {
            count_shared_strings(&mut limited).map(|n| strings += n)
        } else if sheet {
            max_shared_index(&mut limited).map(|m| {
                if let Some(m) = m {
                    max_index = Some(max_index.map_or(m, |x: u64| x.max(m)));
                }
            })
        } else {
            std::io::copy(&mut limited, &mut std::io::sink())
                .map(|_| ())
                .map_err(|e| e.to_string())
        };
        if limited.exceeded {
            return Err(msg::part_larger(&name, declared));
        }
        if let Err(e) = parsed {
            // Malformed XML is calamine's to report (as a damaged sheet); a damaged stream is
            // damage here.
            if let Some(io) = e.strip_prefix("io:") {
                return Err(msg::part_damaged(&name, io));
            }
        }
    }
    if let Some(m) = max_index {
        if m >= strings {
            return Err(msg::shared_string_out(m, strings));
        }
    }
    Ok(())
}

/// A part's bytes, stopped at its limit (its declared size, or the expansion cap).
struct Limited<R> {
    inner: R,
    total: u64,
    limit: u64,
    exceeded: bool,
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.total += n as u64;
        if self.total > self.limit {
            self.exceeded = true;
            return Err(std::io::Error::other("larger than declared"));
        }
        Ok(n)
    }
}

type Xml<R> = quick_xml::Reader<std::io::BufReader<R>>;

/// An XML reader configured as calamine configures its own (end names not checked, empty
/// elements expanded), so that both see the same elements.
fn xml_reader<R: Read>(part: R) -> Xml<R> {
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(part));
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    xml
}

fn xml_error(e: quick_xml::Error) -> String {
    match e {
        quick_xml::Error::Io(io) => format!("io:{io}"),
        other => other.to_string(),
    }
}

/// How many shared strings calamine will hold: it keeps an `<si>` only when a `<t>` (outside
/// phonetic runs) or an `<r>` starts in it, and stops at `</sst>`.
fn count_shared_strings<R: Read>(part: R) -> Result<u64, String> {
    use quick_xml::events::Event;
    let mut xml = xml_reader(part);
    let mut buf = Vec::new();
    let mut n = 0u64;
    // Inside an `<si>`: its name, whether it holds a string, whether in a phonetic run.
    let mut open: Option<(Vec<u8>, bool, bool)> = None;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).map_err(xml_error)? {
            Event::Start(e) => {
                let local = e.local_name();
                match (&mut open, local.as_ref()) {
                    (None, b"si") => open = Some((e.name().as_ref().to_vec(), false, false)),
                    (Some((_, kept, phonetic)), b"t") if !*phonetic => *kept = true,
                    (Some((_, kept, _)), b"r") => *kept = true,
                    (Some((_, _, phonetic)), b"rPh") => *phonetic = true,
                    _ => {}
                }
            }
            Event::End(e) => {
                if let Some((name, kept, phonetic)) = &mut open {
                    if e.name().as_ref() == name.as_slice() {
                        if *kept {
                            n += 1;
                        }
                        open = None;
                    } else if e.local_name().as_ref() == b"rPh" {
                        *phonetic = false;
                    }
                } else if e.local_name().as_ref() == b"sst" {
                    return Ok(n);
                }
            }
            Event::Eof => return Ok(n),
            _ => {}
        }
    }
}

/// The largest shared-string index of a sheet's cells, read as calamine reads them: in a `<c>`
/// whose `t` attribute is `s`, the text of its `<v>` up to the matching end tag (whatever lies
/// between), as a number (0 when it is not one).
fn max_shared_index<R: Read>(part: R) -> Result<Option<u64>, String> {
    use quick_xml::events::Event;
    let mut xml = xml_reader(part);
    let mut buf = Vec::new();
    let mut inner = Vec::new();
    let mut best: Option<u64> = None;
    let mut shared = false;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).map_err(xml_error)? {
            Event::Start(e) if e.local_name().as_ref() == b"c" => {
                shared = e
                    .try_get_attribute("t")
                    .ok()
                    .flatten()
                    .is_some_and(|a| a.value.as_ref() == b"s");
            }
            Event::Start(e) if e.local_name().as_ref() == b"v" => {
                let name = e.name().as_ref().to_vec();
                let mut text = String::new();
                loop {
                    inner.clear();
                    match xml.read_event_into(&mut inner).map_err(xml_error)? {
                        Event::Text(t) => text.push_str(&String::from_utf8_lossy(t.as_ref())),
                        Event::End(end) if end.name().as_ref() == name.as_slice() => break,
                        Event::Eof => return Ok(best),
                        _ => {}
                    }
                }
                if shared {
                    let index = text.parse::<u64>().unwrap_or(0);
                    best = Some(best.map_or(index, |b| b.max(index)));
                }
            }
            Event::Eof => return Ok(best),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_indexes_and_counts_as_calamine_reads_them() {
        let sheet: &[u8] = br#"<sheetData><row><c r="A1" t="s"><v>3</v></c><c r="B1" s="2" t="s"><v>12</v></c><c r="C1"><v>99</v></c><c r="D1" t="str"><v>50</v></c></row></sheetData>"#;
        assert_eq!(max_shared_index(sheet).unwrap(), Some(12));
        assert_eq!(
            max_shared_index(&br#"<c t="s"><v>x</v></c>"#[..]).unwrap(),
            Some(0)
        );
        let sst: &[u8] = br#"<sst><si><t>a</t></si><si><t/></si><x:si><x:t>b</x:t></x:si><si><r><t>c</t></r></si><si><rPh><t>d</t></rPh></si></sst><si><t>after</t></si>"#;
        // `<t/>` is kept (calamine expands it), a phonetic-only string is not; nothing after
        // `</sst>`.
        assert_eq!(count_shared_strings(sst).unwrap(), 4);
    }
}
