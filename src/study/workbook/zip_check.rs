//! Checks a zipped workbook (.xlsx .xlsm .xlsb .ods) before it is read: every part is
//! decompressed once, counting, so that a part that expands more than
//! [`crate::study::stream::MAX_EXPANSION`] times (a decompression bomb: calamine holds the shared
//! strings whole) or holds more than its declared size is refused; and, for .xlsx, every
//! shared-string index in the sheets must be within the shared-string table (calamine indexes it
//! unchecked, which panics). Costs one extra decompression of the file (docs/robustness.md).

use std::io::Read;

use crate::study::stream::{EXPANSION_FLOOR, MAX_EXPANSION};

/// Checks the archive; `Err` says what is wrong.
pub fn check<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    xlsx: bool,
) -> Result<(), String> {
    let mut strings: u64 = 0;
    let mut max_index: Option<u64> = None;
    let mut buf = vec![0u8; 1 << 16];
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| e.to_string())?;
        if !entry.is_file() {
            continue;
        }
        let name = entry.name().to_string();
        let declared = entry.size();
        let compressed = entry.compressed_size().max(1);
        let allowed = EXPANSION_FLOOR.max(compressed.saturating_mul(MAX_EXPANSION));
        if declared > allowed {
            return Err(format!(
                "its part {name} declares {declared} bytes from {compressed} compressed, more than {MAX_EXPANSION} times: refused as a decompression bomb"
            ));
        }
        let lower = name.to_ascii_lowercase();
        let sst = xlsx && lower == "xl/sharedstrings.xml";
        let sheet = xlsx && lower.starts_with("xl/worksheets/") && lower.ends_with(".xml");
        let mut total = 0u64;
        // The end of the previous chunk, so that a pattern across two chunks is seen (seen
        // twice at worst, which counts for a maximum but not for a count: the count uses only
        // the chunk's own bytes).
        let mut tail: Vec<u8> = Vec::new();
        loop {
            let n = match entry.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) => return Err(format!("its part {name} is damaged ({e})")),
            };
            total += n as u64;
            if total > declared || total > allowed {
                return Err(format!(
                    "its part {name} holds more than the {declared} bytes it declares"
                ));
            }
            let chunk = &buf[..n];
            if sst {
                strings += count_si(&tail, chunk);
            }
            if sheet {
                let mut window = tail.clone();
                window.extend_from_slice(chunk);
                if let Some(m) = max_shared_index(&window) {
                    max_index = Some(max_index.map_or(m, |x: u64| x.max(m)));
                }
            }
            if sst || sheet {
                let keep = chunk.len().min(256);
                tail = chunk[chunk.len() - keep..].to_vec();
            }
        }
    }
    if let Some(m) = max_index {
        if m >= strings {
            return Err(format!(
                "a cell refers to shared string {m}, but the workbook holds {strings}"
            ));
        }
    }
    Ok(())
}

/// How many `<si>` elements start in `chunk` (with `tail`, the end of the previous chunk, in
/// front so that one cut in two is seen once, when its last byte is in `chunk`).
fn count_si(tail: &[u8], chunk: &[u8]) -> u64 {
    let mut window = tail.to_vec();
    window.extend_from_slice(chunk);
    let start = tail.len();
    let mut n = 0;
    for i in 0..window.len().saturating_sub(3) {
        // `<si>`, `<si/>`, `<si ...>`, or with a prefix `<x:si>`.
        if &window[i + 1..i + 3] == b"si"
            && (window[i] == b'<' || (window[i] == b':' && prefixed_start(&window[..i])))
            && matches!(window[i + 3], b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n')
            && i + 3 >= start
        {
            n += 1;
        }
    }
    n
}

/// True when `before` ends with `<prefix` (a start tag, not `</prefix`).
fn prefixed_start(before: &[u8]) -> bool {
    let name = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    name > 0 && before.len() > name && before[before.len() - name - 1] == b'<'
}

/// The largest shared-string index of the `t="s"` cells in `xml`.
fn max_shared_index(xml: &[u8]) -> Option<u64> {
    let mut best = None;
    let mut i = 0;
    while let Some(at) = find(&xml[i..], b"t=\"s\"").map(|k| k + i) {
        i = at + 5;
        let rest = &xml[i..xml.len().min(i + 512)];
        let Some(v) = find(rest, b"<v>") else {
            continue;
        };
        if find(&rest[..v], b"</c>").is_some() || find(&rest[..v], b"<c ").is_some() {
            continue;
        }
        let digits: Vec<u8> = rest[v + 3..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .copied()
            .collect();
        if rest.get(v + 3 + digits.len()) != Some(&b'<') || digits.is_empty() {
            continue;
        }
        let value = std::str::from_utf8(&digits)
            .ok()
            .and_then(|d| d.parse::<u64>().ok())
            .unwrap_or(u64::MAX);
        best = Some(best.map_or(value, |b: u64| b.max(value)));
    }
    best
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_indexes_and_counts() {
        assert_eq!(
            max_shared_index(br#"<c r="A1" t="s"><v>3</v></c><c r="B1" s="2" t="s"><v>12</v></c><c r="C1"><v>99</v></c>"#),
            Some(12)
        );
        assert_eq!(max_shared_index(br#"<c r="A1" t="str"><v>3</v></c>"#), None);
        assert_eq!(
            count_si(b"", b"<sst><si><t>a</t></si><si/><x:si><t/></x:si></sst>"),
            3
        );
        // One cut across two chunks counts once.
        assert_eq!(
            count_si(b"<s", b"i><t>a</t></si>") + count_si(b"", b"<s"),
            1
        );
    }
}
