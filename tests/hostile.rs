//! Broken and hostile files (docs/robustness.md): every case of the robustness issue, each with
//! its fixture generated here (no bomb is committed), run through the real binary, checking the
//! exit status, the message, the time, and the peak memory of the child
//! (`getrusage(RUSAGE_CHILDREN)`: the largest resident set of any child this test process has
//! waited for, so the bound also covers the other tests' runs, all far below it).

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::util::{fixture, root, sample, Dir};

/// Peak memory allowed to any run here: the sample study takes about 15 MB.
const MAX_RSS_MB: u64 = 300;
/// Time allowed to any run here (debug build, shared machine).
const MAX_SECONDS: u64 = 20;

struct Run {
    code: Option<i32>,
    stderr: String,
    elapsed: Duration,
}

fn peak_rss_mb() -> Option<u64> {
    #[cfg(target_os = "linux")]
    {
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: a plain out-parameter.
        if unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) } == 0 {
            return Some(usage.ru_maxrss as u64 / 1024);
        }
    }
    None
}

fn run(args: &[&str]) -> Run {
    let start = Instant::now();
    let out = Command::new(assert_cmd::cargo::cargo_bin("wisn"))
        .args(args)
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .output()
        .expect("wisn runs");
    let run = Run {
        code: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        elapsed: start.elapsed(),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "a panic: {}",
        &run.stderr[..run.stderr.len().min(2000)]
    );
    assert!(
        run.elapsed < Duration::from_secs(MAX_SECONDS),
        "took {:?}",
        run.elapsed
    );
    if let Some(mb) = peak_rss_mb() {
        assert!(mb < MAX_RSS_MB, "peak memory {mb} MB");
    }
    run
}

fn fails_with(args: &[&str], wanted: &[&str]) -> Run {
    let r = run(args);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    for w in wanted {
        assert!(r.stderr.contains(w), "wanted {w:?} in:\n{}", r.stderr);
    }
    r
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The sample study without its workload (to give a hostile one).
fn study_without_workload() -> Dir {
    let d = Dir::new();
    d.copy_from(&sample());
    std::fs::remove_file(d.join("workload.csv")).unwrap();
    d
}

fn gzip_stream(write: impl FnOnce(&mut dyn Write)) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    write(&mut e);
    e.finish().unwrap()
}

fn zip(entries: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // Level 9 is deflate by flate2 (above it, the zip crate uses the far slower zopfli).
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(method)
        .compression_level((method == zip::CompressionMethod::Deflated).then_some(9));
    for (name, bytes) in entries {
        w.start_file(*name, options).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// The entries of a zip file.
fn unzip(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut a = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..a.len())
        .map(|i| {
            let mut f = a.by_index(i).unwrap();
            let mut v = Vec::new();
            f.read_to_end(&mut v).unwrap();
            (f.name().to_string(), v)
        })
        .collect()
}

fn rezip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let refs: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    zip(&refs, zip::CompressionMethod::Deflated)
}

fn xls_seed() -> Vec<u8> {
    std::fs::read(fixture("libreoffice/merged_district_cells.xls")).unwrap()
}

#[test]
fn a_truncated_xls_is_damaged_not_a_panic() {
    let seed = xls_seed();
    let d = Dir::new();
    for cut in [600, 1024, seed.len() / 2, seed.len() - 100] {
        d.write_bytes("cut.xls", &seed[..cut]);
        fails_with(&["compute", s(&d.join("cut.xls"))], &["cut.xls", "damaged"]);
    }
}

#[test]
fn an_xls_declaring_huge_sizes_is_refused_before_any_allocation() {
    let seed = xls_seed();
    let d = Dir::new();
    // The directory length (header offset 40), a FAT length (44), a stream's size and start
    // sector in the directory, a DIMENSIONS record of 4 billion rows: each made calamine reserve
    // from gigabytes to terabytes.
    let mut cases: Vec<Vec<u8>> = Vec::new();
    for (at, value) in [(40usize, 0x4000_0000u32), (44, 0xFFFF_FF00)] {
        let mut b = seed.clone();
        b[at..at + 4].copy_from_slice(&value.to_le_bytes());
        cases.push(b);
    }
    // The first directory entry after the root: its start sector far past the end.
    let dir_sector = u32::from_le_bytes(seed[48..52].try_into().unwrap()) as usize;
    let entry = (dir_sector + 1) * 512 + 128;
    let mut b = seed.clone();
    b[entry + 116..entry + 120].copy_from_slice(&0x7FFF_FFF0u32.to_le_bytes());
    cases.push(b);
    // DIMENSIONS (type 0x0200, 14 bytes): last row 0xFFFFFFF0, last column 0xFF.
    let mut b = seed.clone();
    if let Some(at) = b.windows(4).position(|w| w == [0x00, 0x02, 0x0E, 0x00]) {
        b[at + 8..at + 12].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
        b[at + 14..at + 16].copy_from_slice(&0x00FFu16.to_le_bytes());
        cases.push(b);
    }
    assert_eq!(cases.len(), 4);
    for (i, case) in cases.iter().enumerate() {
        let name = format!("huge{i}.xls");
        d.write_bytes(&name, case);
        fails_with(&["compute", s(&d.join(&name))], &[&name, "cannot be read"]);
    }
}

#[test]
fn an_xlsx_whose_shared_string_index_is_out_of_range() {
    let d = Dir::new();
    let mut entries = unzip(&root().join("data/sikasso.xlsx"));
    let sheet = entries
        .iter_mut()
        .find(|(n, _)| n == "xl/worksheets/sheet1.xml")
        .unwrap();
    let text = String::from_utf8(sheet.1.clone()).unwrap();
    let at = text.find("t=\"s\"><v>").unwrap() + 9;
    let end = at + text[at..].find('<').unwrap();
    sheet.1 = format!("{}99999{}", &text[..at], &text[end..]).into_bytes();
    d.write_bytes("etude.xlsx", &rezip(&entries));
    fails_with(
        &["compute", s(&d.join("etude.xlsx"))],
        &["etude.xlsx", "shared string 99999"],
    );
}

#[test]
fn an_xlsx_whose_shared_strings_are_a_bomb() {
    // 52 MB of empty strings compress to about 50 KB (1 000 times): the file is refused from its
    // declared sizes, before calamine would hold 4 million Strings.
    let d = Dir::new();
    let mut entries = unzip(&root().join("data/sikasso.xlsx"));
    let sst = entries
        .iter_mut()
        .find(|(n, _)| n == "xl/sharedStrings.xml")
        .unwrap();
    let mut xml =
        b"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">".to_vec();
    xml.extend(b"<si><t/></si>".repeat(4_000_000));
    xml.extend(b"</sst>");
    sst.1 = xml;
    d.write_bytes("bombe.xlsx", &rezip(&entries));
    drop(entries);
    fails_with(
        &["compute", s(&d.join("bombe.xlsx"))],
        &["bombe.xlsx", "decompression bomb"],
    );
}

/// An .ods holding `body` in its only sheet.
fn ods(body: &str) -> Vec<u8> {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="workload">{body}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    zip(
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("content.xml", xml.as_bytes()),
        ],
        zip::CompressionMethod::Deflated,
    )
}

#[test]
fn an_ods_repeating_a_value_over_the_whole_sheet() {
    let d = study_without_workload();
    let bytes = ods(
        r#"<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>"#,
    );
    assert!(bytes.len() < 1200, "{}", bytes.len());
    d.write_bytes("workload.ods", &bytes);
    fails_with(
        &["compute", s(d.path())],
        &["workload.ods", "more than 1000000 cells"],
    );
}

#[test]
fn a_csv_gz_holding_one_huge_record() {
    let d = study_without_workload();
    let gz = gzip_stream(|w| {
        w.write_all(b"facility_id,activity,period,volume\nSIK-CSCOM-04,\"")
            .unwrap();
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..64 {
            w.write_all(&chunk).unwrap();
        }
    });
    d.write_bytes("workload.csv.gz", &gz);
    let r = fails_with(
        &["compute", s(d.path())],
        &["workload.csv.gz", "row of more than 1048576 bytes"],
    );
    assert!(r.stderr.len() < 4000);
}

#[test]
fn a_json_gz_holding_one_huge_value_gives_a_short_message() {
    let d = Dir::new();
    d.copy_from(&fixture("dhis2/twin"));
    std::fs::remove_file(d.join("workload.csv")).unwrap();
    std::fs::copy(
        fixture("dhis2/dhis2_mapping.csv"),
        d.join("dhis2_mapping.csv"),
    )
    .unwrap();
    let gz = gzip_stream(|w| {
        w.write_all(br#"{"dataValues": [{"dataElement": "x", "period": "202301", "orgUnit": "ou", "value": ""#)
            .unwrap();
        let chunk = vec![b'9'; 1 << 20];
        for _ in 0..64 {
            w.write_all(&chunk).unwrap();
        }
        w.write_all(b"\"}]}").unwrap();
    });
    d.write_bytes("workload.json.gz", &gz);
    let r = fails_with(
        &["compute", s(d.path())],
        &["workload.json.gz", "row of more than 1048576 bytes"],
    );
    assert!(
        r.stderr.len() < 4000,
        "{} bytes of messages",
        r.stderr.len()
    );
}

#[test]
fn a_gz_bomb_of_ordinary_rows_is_refused() {
    let d = study_without_workload();
    let gz = gzip_stream(|w| {
        w.write_all(b"facility_id,activity,period,volume\n")
            .unwrap();
        // 72 MB that compress about 1 000 times: refused after the first 16 MiB.
        let row = b"SIK-CSCOM-04,Accouchement,2023-01,0\n".repeat(20_000);
        for _ in 0..100 {
            w.write_all(&row).unwrap();
        }
    });
    d.write_bytes("workload.csv.gz", &gz);
    fails_with(
        &["compute", s(d.path())],
        &["workload.csv.gz", "decompression bomb"],
    );
}

#[test]
fn validate_on_a_million_bad_rows_keeps_the_first_and_counts_the_rest() {
    let d = study_without_workload();
    let mut text = String::from("facility_id,activity,period,volume\n");
    for _ in 0..300_000 {
        text.push_str("SIK-CSCOM-04,Accouchement,2023-01,x\n");
    }
    d.write("workload.csv", &text);
    let out = Command::new(assert_cmd::cargo::cargo_bin("wisn"))
        .args(["validate", s(d.path())])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        all.contains("… and 299 900 more rows with the same problem"),
        "{}",
        &all[all.len().saturating_sub(3000)..]
    );
    assert!(all.len() < 100_000, "{} bytes of messages", all.len());
    if let Some(mb) = peak_rss_mb() {
        assert!(mb < MAX_RSS_MB, "peak memory {mb} MB");
    }
}

#[test]
fn thousands_of_unknown_staff_cadres_take_linear_time() {
    let d = Dir::new();
    d.copy_from(&sample());
    let mut standards = std::fs::read_to_string(d.join("standards.csv")).unwrap();
    let mut working = std::fs::read_to_string(d.join("working_time.csv")).unwrap();
    let mut staff = String::from("facility_id,cadre,count\n");
    // 5 000 here (the debug build on a shared machine); 10 000 in docs/robustness.md.
    for i in 0..5_000 {
        standards.push_str(&format!("Cadre{i:05},,service,Accouchement,60,min,\n"));
        working.push_str(&format!("Cadre{i:05},,5,8,12,22,5,10\n"));
        staff.push_str(&format!("SIK-CSCOM-04,Inconnu{i:05},1\n"));
    }
    d.write("standards.csv", &standards);
    d.write("working_time.csv", &working);
    d.write("staff.csv", &staff);
    // Took 38 s (did-you-mean over every pair, profiles scanning every standard); now about
    // 0.7 s in a release build.
    run(&["compute", s(d.path()), "-q"]);
}

#[test]
fn a_zip_entry_failing_its_crc_is_damaged() {
    let d = study_without_workload();
    let csv = std::fs::read(sample().join("workload.csv")).unwrap();
    let mut z = zip(&[("workload.csv", &csv)], zip::CompressionMethod::Stored);
    // Change one digit of a volume in the stored data: the CRC no longer matches.
    let at = z.len() / 2;
    let at = at + z[at..].iter().position(|b| b.is_ascii_digit()).unwrap();
    z[at] = if z[at] == b'7' { b'8' } else { b'7' };
    d.write_bytes("workload.zip", &z);
    fails_with(
        &["compute", s(d.path())],
        &["workload.zip", "damaged", "CRC-32 mismatch"],
    );
}

#[test]
fn a_zip_with_two_tables_is_an_error_naming_them_and_one_can_be_chosen() {
    let d = study_without_workload();
    let csv = std::fs::read(sample().join("workload.csv")).unwrap();
    let z = zip(
        &[
            ("2023/workload.csv", &csv),
            ("2022/workload.csv", &csv[..csv.len() / 2]),
        ],
        zip::CompressionMethod::Deflated,
    );
    d.write_bytes("workload.zip", &z);
    let r = fails_with(
        &["compute", s(d.path())],
        &[
            "holds 2 table files: \"2023/workload.csv\", \"2022/workload.csv\"",
            "#2023/workload.csv",
        ],
    );
    assert!(!r.stderr.contains("delimiter"));
    let chosen = format!("{}#2023/workload.csv", s(&d.join("workload.zip")));
    let picked = run(&[
        "compute",
        s(&sample()),
        "--workload",
        &chosen,
        "-f",
        "csv",
        "-q",
    ]);
    assert_eq!(picked.code, Some(0), "{}", picked.stderr);
    let missing = format!("{}#nope.csv", s(&d.join("workload.zip")));
    fails_with(
        &["compute", s(&sample()), "--workload", &missing],
        &["holds no file named \"nope.csv\""],
    );
}

#[test]
fn a_truncated_gz_is_damaged_not_a_delimiter_problem() {
    let d = study_without_workload();
    let csv = std::fs::read(sample().join("workload.csv")).unwrap();
    let gz = gzip_stream(|w| w.write_all(&csv).unwrap());
    d.write_bytes("workload.csv.gz", &gz[..gz.len() / 2]);
    let r = fails_with(&["compute", s(d.path())], &["workload.csv.gz", "damaged"]);
    assert!(!r.stderr.contains("delimiter") && !r.stderr.contains("quote"));
}

#[test]
fn a_folder_given_as_a_table_file_is_a_folder() {
    let d = Dir::new();
    std::fs::create_dir(d.join("workload.csv")).unwrap();
    let r = fails_with(
        &[
            "compute",
            s(&sample()),
            "--workload",
            s(&d.join("workload.csv")),
        ],
        &["is a folder"],
    );
    assert!(!r.stderr.contains("does not exist"));
}

#[test]
fn kill_9_during_an_output_write_leaves_no_temporary_file() {
    // A study large enough to run for a while; the run is killed at several moments.
    let d = Dir::new();
    d.copy_from(&sample());
    let base = std::fs::read_to_string(sample().join("workload.csv")).unwrap();
    let mut text = base.clone();
    for _ in 0..30 {
        text.push_str(base.split_once('\n').unwrap().1);
    }
    d.write("workload.csv", &text);
    let out = Dir::new();
    for wait_ms in [20, 80, 200] {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("wisn"))
            .args(["compute", s(d.path()), "-q", "-o", s(&out.join("r.xlsx"))])
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(wait_ms));
        child.kill().ok();
        child.wait().unwrap();
        let left: Vec<PathBuf> = std::fs::read_dir(out.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(".wisn-")
            })
            .collect();
        assert!(left.is_empty(), "left behind: {left:?}");
    }
}

#[path = "../examples/fuzz/engine.rs"]
mod engine;

/// A short smoke run of the fuzz harness (`examples/fuzz` runs it for a budget): a few dozen
/// mutated inputs per target, in-process, a fixed seed; no panic may escape a reader.
#[test]
fn fuzz_smoke() {
    let scratch = Dir::new();
    for target in engine::TARGETS {
        let seeds = engine::seeds(target);
        assert!(!seeds.is_empty(), "{target}");
        let mut rng = engine::Rng(0x5EED_0000 + target.len() as u64);
        let cases = match *target {
            "xlsx" | "ods" => 6,
            "number" | "period" => 500,
            _ => 40,
        };
        for case in 0..cases {
            let input = engine::mutate(&mut rng, target, &seeds);
            let input = engine::wrap(target, input, &mut rng);
            let outcome = std::panic::catch_unwind(|| engine::run(target, &input, scratch.path()));
            assert!(outcome.is_ok(), "{target}: case {case} panicked");
        }
    }
}

#[test]
fn a_workload_of_many_activities_times_facilities_is_stored_sparse() {
    // 40 000 facilities each reporting its own activity: a dense facilities × activities table
    // held 1.6 billion cells (1.6 GB for a 2.9 MB file).
    let d = Dir::new();
    d.copy_from(&sample());
    let mut text = String::from("facility_id,activity,period,volume\n");
    for i in 0..40_000 {
        text.push_str(&format!("F{i:05},Activite {i:05},2023-01,1\n"));
    }
    d.write("workload.csv", &text);
    std::fs::remove_file(d.join("facilities.csv")).unwrap();
    let r = run(&["validate", s(d.path())]);
    assert!(r.code.is_some(), "{}", r.stderr);
}
