//! The fuzz engine shared by `examples/fuzz` (runs for a budget) and the smoke test in
//! `tests/hostile.rs` (a few hundred cases): byte-level and container-aware mutations of seed
//! files from tests/data and data/, and one target per reader. Stable Rust, no new crates.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use wisn::study::source::{Flow, Row, RowSource};

/// The targets, by name.
pub const TARGETS: &[&str] = &[
    "csv", "csv-gz", "csv-zip", "number", "period", "xlsx", "xls", "ods", "json",
];

/// xorshift64*: reproducible from a seed, no dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_with(ext: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root().join("tests/data"), root().join("data")];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let name = p.to_string_lossy().to_ascii_lowercase();
                if ext.iter().any(|x| name.ends_with(x))
                    && e.metadata().is_ok_and(|m| m.len() < 400_000)
                {
                    out.push(p);
                }
            }
        }
    }
    out.sort();
    out
}

/// The seed inputs of a target.
pub fn seeds(target: &str) -> Vec<Vec<u8>> {
    let read = |exts: &[&str]| -> Vec<Vec<u8>> {
        files_with(exts)
            .iter()
            .filter_map(|p| std::fs::read(p).ok())
            .collect()
    };
    match target {
        "csv" | "csv-gz" | "csv-zip" => read(&[".csv", ".tsv"]),
        "number" => [
            "12,5",
            "1 234",
            "1.234,5",
            "-3",
            "+7",
            "1e308",
            "NaN",
            "inf",
            "0,0",
            "1\u{a0}234",
            "\u{2212}5",
            "12.5",
            "99999999999999999999",
            "1,2,3",
            "",
            " ",
            "1..2",
            ",5",
            "5,",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect(),
        "period" => [
            "2023-01",
            "202301",
            "2023Q1",
            "2023W05",
            "2023",
            "mars 2023",
            "Janvier 2023",
            "2023-13",
            "2023S1",
            "2023BiW1",
            "2023April",
            "2023-01-15",
            "01/2023",
            "2023W53",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect(),
        "xlsx" => read(&[".xlsx"]),
        "xls" => read(&[".xls"]),
        "ods" => read(&[".ods"]),
        "json" => read(&[".json"]),
        _ => Vec::new(),
    }
}

const INTERESTING_U32: &[u32] = &[
    0,
    1,
    0x7F,
    0x80,
    0xFF,
    0x100,
    0x7FFF,
    0xFFFF,
    0x1_0000,
    0x7FFF_FFFF,
    0xFFFF_FFFE,
    0xFFFF_FFFF,
];
const INTERESTING_TEXT: &[&str] = &[
    "\"",
    ",",
    ";",
    "\n",
    "\r\n",
    "\0",
    "99999999",
    "4294967296",
    "-1",
    "1048576",
    "NaN",
    "é",
    "\u{feff}",
    "<",
    ">",
    "&amp;",
    "&#0;",
    "]]>",
    "XFD1048576",
    "A1:XFD1048576",
    "{",
    "}",
    "[",
    "]",
];

/// One byte-level mutation.
pub fn mutate_bytes(rng: &mut Rng, data: &mut Vec<u8>, other: &[u8]) {
    let len = data.len();
    match rng.below(11) {
        0 if len > 0 => {
            let i = rng.below(len);
            data[i] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let i = rng.below(len);
            data[i] = [0u8, 0xFF, 0x7F, 0x80, b'9', b'"'][rng.below(6)];
        }
        2 if len >= 4 => {
            let i = rng.below(len - 3);
            let v = INTERESTING_U32[rng.below(INTERESTING_U32.len())];
            data[i..i + 4].copy_from_slice(&v.to_le_bytes());
        }
        3 if len >= 2 => {
            let i = rng.below(len - 1);
            let v = INTERESTING_U32[rng.below(INTERESTING_U32.len())] as u16;
            data[i..i + 2].copy_from_slice(&v.to_le_bytes());
        }
        4 => {
            let i = rng.below(len + 1);
            let t = INTERESTING_TEXT[rng.below(INTERESTING_TEXT.len())].as_bytes();
            data.splice(i..i, t.iter().copied());
        }
        5 if len > 0 => {
            let a = rng.below(len);
            let b = (a + 1 + rng.below(64)).min(len);
            data.drain(a..b);
        }
        6 if len > 0 => {
            // Duplicate a chunk (repeats, nested elements).
            let a = rng.below(len);
            let b = (a + 1 + rng.below(256)).min(len);
            let chunk = data[a..b].to_vec();
            let at = rng.below(len + 1);
            for _ in 0..1 + rng.below(4) {
                data.splice(at..at, chunk.iter().copied());
            }
        }
        7 if len > 0 => data.truncate(rng.below(len)),
        8 if !other.is_empty() && len > 0 => {
            let a = rng.below(len);
            let b = rng.below(other.len());
            let n = rng.below(512).min(other.len() - b);
            data.splice(a..(a + n).min(len), other[b..b + n].iter().copied());
        }
        9 if len > 0 => {
            // A digit run made long (declared counts, repeats, indexes).
            if let Some(i) = (0..len)
                .map(|k| (k + rng.below(len)) % len)
                .find(|&k| data[k].is_ascii_digit())
            {
                let digits: Vec<u8> = (0..1 + rng.below(9))
                    .map(|_| b'0' + rng.below(10) as u8)
                    .collect();
                data.splice(i..i + 1, digits);
            }
        }
        _ => {
            let i = rng.below(len + 1);
            let n = 1 + rng.below(8);
            let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            data.splice(i..i, bytes);
        }
    }
}

/// The entries of a zip (name, bytes), or `None` when it is not one.
pub fn unzip(data: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(data)).ok()?;
    let mut out = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).ok()?;
        let mut bytes = Vec::new();
        f.by_ref().take(8 << 20).read_to_end(&mut bytes).ok()?;
        out.push((f.name().to_string(), bytes));
    }
    Some(out)
}

pub fn zip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // Level 6 is deflate by flate2 (the default level would be the far slower zopfli).
    let options = zip::write::SimpleFileOptions::default().compression_level(Some(6));
    for (name, bytes) in entries {
        if w.start_file(name.as_str(), options).is_ok() {
            let _ = w.write_all(bytes);
        }
    }
    w.finish().map(|c| c.into_inner()).unwrap_or_default()
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

/// A mutated input for a target: mostly inside the container (zip entries, gz content), so
/// that mutations reach the parser rather than the checksum.
pub fn mutate(rng: &mut Rng, target: &str, seeds: &[Vec<u8>]) -> Vec<u8> {
    let seed = &seeds[rng.below(seeds.len())];
    let other = &seeds[rng.below(seeds.len())];
    let rounds = 1 + rng.below(4);
    let container = matches!(target, "xlsx" | "ods" | "csv-zip");
    if container && !rng.chance(5) {
        if let Some(mut entries) = unzip(seed) {
            if !entries.is_empty() {
                // Prefer the parts the readers parse (XML, CSV).
                let i = rng.below(entries.len());
                for _ in 0..rounds {
                    mutate_bytes(rng, &mut entries[i].1, other);
                }
                if rng.chance(20) {
                    let j = rng.below(entries.len());
                    let dup = entries[j].clone();
                    entries.push(dup);
                }
                return zip(&entries);
            }
        }
    }
    let mut data = seed.clone();
    for _ in 0..rounds {
        mutate_bytes(rng, &mut data, other);
    }
    data
}

/// Prepares a target's input (compression for the csv-gz and csv-zip targets).
pub fn wrap(target: &str, data: Vec<u8>, rng: &mut Rng) -> Vec<u8> {
    match target {
        "csv-gz" => {
            let mut z = gzip(&data);
            if rng.chance(3) {
                mutate_bytes(rng, &mut z, &[]);
            }
            z
        }
        "csv-zip" if unzip(&data).is_none() => zip(&[("table.csv".into(), data)]),
        _ => data,
    }
}

fn visit_all(source: &mut dyn RowSource) -> usize {
    let mut cells = 0usize;
    let _ = source.for_each_row(&mut |row: &dyn Row| {
        for i in 0..row.len().min(64) {
            let c = row.cell(i);
            let t = c.to_text();
            let _ = wisn::numbers::parse_number(&t, wisn::numbers::DecimalStyle::Comma);
            cells += 1;
        }
        let _ = row.cell_name(row.len());
        Flow::Continue
    });
    cells
}

/// Runs one input through a target's reader, in `dir` (a scratch folder). Returns a short
/// outcome for statistics; a panic or runaway is the caller's to catch.
pub fn run(target: &str, input: &[u8], dir: &Path) -> &'static str {
    match target {
        "number" => {
            let t = String::from_utf8_lossy(input);
            let a = wisn::numbers::parse_number(&t, wisn::numbers::DecimalStyle::Comma);
            let b = wisn::numbers::parse_number(&t, wisn::numbers::DecimalStyle::Point);
            if let Ok(Some(v)) = a.clone().or(b.clone()) {
                assert!(
                    v.is_finite(),
                    "parse_number gave a non-finite number for {t:?}"
                );
            }
            if a.is_ok() || b.is_ok() {
                "ok"
            } else {
                "refused"
            }
        }
        "period" => {
            let t = String::from_utf8_lossy(input);
            match wisn::study::period::parse_period(&t) {
                Some(p) => {
                    let _ = p.month_code();
                    let _ = p.year();
                    "ok"
                }
                None => "refused",
            }
        }
        "csv" | "csv-gz" | "csv-zip" => {
            let name = match target {
                "csv" => "table.csv",
                "csv-gz" => "table.csv.gz",
                _ => "table.zip",
            };
            let path = dir.join(name);
            std::fs::write(&path, input).unwrap();
            let mut source = wisn::study::csv_source::CsvSource::new(
                &path,
                name.to_string(),
                Default::default(),
            );
            let _ = source.decimal_style();
            visit_all(&mut source);
            "read"
        }
        "xlsx" | "xls" | "ods" => {
            let path = dir.join(format!("book.{target}"));
            std::fs::write(&path, input).unwrap();
            wisn::study::workbook::forget_checked();
            let Ok(names) = wisn::study::workbook::sheet_names(&path) else {
                return "refused";
            };
            for sheet in names.into_iter().take(8) {
                let mut source =
                    wisn::study::workbook::WorkbookSource::new(&path, "book".into(), sheet);
                visit_all(&mut source);
            }
            "read"
        }
        "json" => {
            let study = dir.join("json-study");
            if !study.join("dhis2_mapping.csv").exists() {
                std::fs::create_dir_all(&study).unwrap();
                let twin = root().join("tests/data/dhis2/twin");
                for f in [
                    "facilities.csv",
                    "staff.csv",
                    "standards.csv",
                    "working_time.csv",
                ] {
                    std::fs::copy(twin.join(f), study.join(f)).unwrap();
                }
                std::fs::copy(
                    root().join("tests/data/dhis2/dhis2_mapping.csv"),
                    study.join("dhis2_mapping.csv"),
                )
                .unwrap();
            }
            std::fs::write(study.join("workload.json"), input).unwrap();
            let options = wisn::study::ReadOptions {
                study: Some(study),
                ..Default::default()
            };
            let (_, diag) = wisn::study::load(&options);
            if diag.has_errors() {
                "refused"
            } else {
                "read"
            }
        }
        other => panic!("unknown target {other}"),
    }
}
