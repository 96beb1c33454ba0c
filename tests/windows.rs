//! What Windows users' files look like, checked on any system: CRLF line ends (Notepad, Excel),
//! file names in Windows-1252 bytes (a study copied from Windows by an old zip tool or a USB
//! stick). Paths with backslashes and drive letters are unit tests of `study::discover`; the rest
//! (wisn.exe itself, a Windows path on the command line, accented names, writing over a file) is
//! checked under Wine by scripts/build-windows.sh --test.

use crate::util::*;

/// The sample's CSV results (stdout of `compute -f csv`).
fn results_of(study: &std::path::Path) -> Vec<u8> {
    let out = wisn()
        .args(["compute", study.to_str().unwrap(), "-f", "csv", "-q"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The sample study copied with each file's bytes passed through `f`, named by `name`.
fn sample_copy(name: impl Fn(&str) -> std::ffi::OsString, f: impl Fn(&[u8]) -> Vec<u8>) -> Dir {
    let d = Dir::new();
    for entry in std::fs::read_dir(sample()).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_str().unwrap().to_string();
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(d.path().join(name(&file)), f(&bytes)).unwrap();
    }
    d
}

fn to_crlf(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 20);
    for &b in bytes {
        if b == b'\n' {
            out.push(b'\r');
        }
        out.push(b);
    }
    out
}

#[test]
fn crlf_line_ends_give_the_same_results() {
    let d = sample_copy(|n| n.into(), to_crlf);
    let staff = std::fs::read(d.join("staff.csv")).unwrap();
    assert!(staff.windows(2).any(|w| w == b"\r\n"));
    assert_eq!(results_of(d.path()), results_of(&sample()));
}

/// `établissements.csv` (the facilities table's French name) whose name is Windows-1252 bytes, as
/// Linux sees a file unpacked from a zip made on Windows: found, as its UTF-8 name is.
#[cfg(unix)]
#[test]
fn windows_1252_file_name_is_found() {
    use std::os::unix::ffi::OsStringExt;
    let d = sample_copy(
        |n| match n {
            "facilities.csv" => std::ffi::OsString::from_vec(b"\xe9tablissements.csv".to_vec()),
            _ => n.into(),
        },
        <[u8]>::to_vec,
    );
    assert!(!d.join("facilities.csv").exists());
    let results = results_of(d.path());
    assert_eq!(results, results_of(&sample()));
    // The facility names came from it.
    assert!(String::from_utf8(results)
        .unwrap()
        .contains("CSCom de Kaboïla"));
}

/// An error in that file names it readably.
#[cfg(unix)]
#[test]
fn windows_1252_file_name_in_messages() {
    use std::os::unix::ffi::OsStringExt;
    let d = sample_copy(
        |n| match n {
            "facilities.csv" => std::ffi::OsString::from_vec(b"\xe9tablissements.csv".to_vec()),
            _ => n.into(),
        },
        <[u8]>::to_vec,
    );
    let name = std::ffi::OsString::from_vec(b"\xe9tablissements.csv".to_vec());
    std::fs::write(d.path().join(name), "facility_id,region\r\n,Sikasso\r\n").unwrap();
    let out = wisn()
        .args(["validate", d.path().to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stdout).unwrap().to_string()
        + &String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("établissements.csv"), "{err}");
}
