//! Test helpers: a temporary study folder to write fixtures into, and the real binary to run.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository root (for data/ and tests/data/).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under tests/data.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests").join("data").join(name)
}

/// The sample study.
pub fn sample() -> PathBuf {
    root().join("data").join("sikasso")
}

/// The `wisn` binary.
pub fn wisn() -> Command {
    let mut cmd = Command::cargo_bin("wisn").expect("the wisn binary is built");
    cmd.env_remove("NO_COLOR")
        .env("LANG", "C")
        .env("LC_ALL", "C")
        // The date reports say they were made (2026-01-15), so that they compare byte for byte.
        .env("SOURCE_DATE_EPOCH", "1768435200");
    cmd
}

/// A temporary study folder.
pub struct Dir {
    pub dir: tempfile::TempDir,
}

impl Dir {
    pub fn new() -> Dir {
        Dir {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
    pub fn join(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    /// Writes a text file (tables are written as given: keep the delimiter you mean).
    pub fn write(&self, name: &str, contents: &str) -> &Self {
        self.write_bytes(name, contents.as_bytes())
    }
    pub fn write_bytes(&self, name: &str, contents: &[u8]) -> &Self {
        let path = self.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(path, contents).unwrap();
        self
    }
    /// Copies every file of a folder into this one.
    pub fn copy_from(&self, from: &Path) -> &Self {
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            if entry.path().is_file() {
                std::fs::copy(entry.path(), self.join(entry.file_name().to_str().unwrap()))
                    .unwrap();
            }
        }
        self
    }
}

/// Parses CSV output into rows of (header → value).
pub fn csv_rows(text: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// Runs `wisn compute ARGS --format csv` and returns the rows.
pub fn compute_csv(args: &[&str]) -> Vec<std::collections::BTreeMap<String, String>> {
    let out = wisn()
        .arg("compute")
        .args(args)
        .args(["--format", "csv", "-q"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "wisn failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    csv_rows(&String::from_utf8(out.stdout).unwrap())
}

/// Asserts two CSV outputs hold the same rows, numbers equal to `1e-9` relative.
pub fn assert_same_results(
    a: &[std::collections::BTreeMap<String, String>],
    b: &[std::collections::BTreeMap<String, String>],
) {
    assert_eq!(a.len(), b.len(), "row counts differ");
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        assert_eq!(x.keys().collect::<Vec<_>>(), y.keys().collect::<Vec<_>>());
        for (k, u) in x {
            let v = &y[k];
            match (u.parse::<f64>(), v.parse::<f64>()) {
                (Ok(p), Ok(q)) => assert!(
                    (p - q).abs() <= 1e-9 * q.abs().max(1.0),
                    "row {i} column {k}: {u} vs {v}"
                ),
                _ => assert_eq!(u, v, "row {i} column {k}"),
            }
        }
    }
}

/// The sample study with the problems it carried before issue 10 made it clean under
/// `--strict`: staff of two cadres that have no standards (`Technicien de laboratoire`, 10 at 3
/// facilities; `Gérant de dépôt`, 2 at 2), an activity no standard uses (`Dépistage VIH`, at
/// every facility), and two facilities with missing months (SIK-CSCOM-09 without March and July:
/// 10/12; SIK-CSCOM-14 without June to August: 9/12). For the tests of those warnings.
pub fn sample_with_warnings() -> Dir {
    let d = Dir::new();
    d.copy_from(&sample());
    let mut staff = std::fs::read_to_string(d.join("staff.csv")).unwrap();
    for line in [
        "SIK-EPH,Technicien de laboratoire,6",
        "SIK-CSREF,Technicien de laboratoire,3",
        "KAD-CSREF,Technicien de laboratoire,1",
        "SIK-CSCOM-05,Gérant de dépôt,1",
        "SIK-CSCOM-12,Gérant de dépôt,1",
    ] {
        staff.push_str(line);
        staff.push('\n');
    }
    d.write("staff.csv", &staff);
    let missing = [
        ("SIK-CSCOM-09,", ["2023-03", "2023-07", "-"]),
        ("SIK-CSCOM-14,", ["2023-06", "2023-07", "2023-08"]),
    ];
    let workload = std::fs::read_to_string(d.join("workload.csv")).unwrap();
    let mut kept: Vec<String> = workload
        .lines()
        .filter(|l| {
            !missing.iter().any(|(f, months)| {
                l.starts_with(f) && months.iter().any(|m| l.contains(&format!(",{m},")))
            })
        })
        .map(str::to_string)
        .collect();
    let facilities = std::fs::read_to_string(d.join("facilities.csv")).unwrap();
    for f in facilities.lines().skip(1) {
        let id = f.split(',').next().unwrap();
        kept.push(format!("{id},Dépistage VIH,2023-01,25"));
    }
    d.write("workload.csv", &(kept.join("\n") + "\n"));
    d
}
