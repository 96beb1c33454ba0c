//! The oracle and its output cannot drift apart: tests/oracle/wisn_reference.py (an independent
//! Python implementation of the method) is run again on the sample study and must print
//! tests/data/sikasso_expected.csv byte for byte, the file the Rust output is compared with
//! (tests/compute.rs). Skipped, with a printed `skipped:` line, when python3 is not installed.

use std::process::Command;

use crate::util::{fixture, root};

#[test]
fn the_oracle_still_prints_the_expected_file() {
    let script = root()
        .join("tests")
        .join("oracle")
        .join("wisn_reference.py");
    let run = Command::new("python3")
        .current_dir(root())
        .arg(&script)
        .args(["data/sikasso", "--by", "district", "--by", "region"])
        .args(["--by", "facility_type", "--by", "national"])
        .output();
    let out = match run {
        Ok(out) => out,
        Err(e) => {
            println!(
                "skipped: python3 is not available to run {} ({e})",
                script.display()
            );
            return;
        }
    };
    assert!(
        out.status.success(),
        "the oracle failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = std::fs::read(fixture("sikasso_expected.csv")).unwrap();
    assert!(
        out.stdout == expected,
        "tests/oracle/wisn_reference.py no longer prints tests/data/sikasso_expected.csv: regenerate \
         the file with the command in data/README.md after checking why"
    );
}
