//! The command line itself: shell completions and man pages generated from its definition, and
//! `--help` listing only what the parser accepts.

use crate::util::*;

fn stdout_of(args: &[&str]) -> String {
    let out = wisn().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F _wisn"),
        ("zsh", "#compdef wisn"),
        ("fish", "complete -c wisn"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[wisn]"),
    ] {
        let script = stdout_of(&["completions", shell]);
        assert!(script.contains(marker), "{shell}: no {marker:?}");
        // Generated from the definition: every command and a nested option are there.
        for word in ["compute", "validate", "surge", "completions", "excel-fr"] {
            assert!(script.contains(word), "{shell}: no {word}");
        }
    }
    // Values of an enum option complete too (bash lists them).
    assert!(stdout_of(&["completions", "bash"]).contains("facility_type"));
}

#[test]
fn completions_to_a_file_and_bad_shell() {
    let d = Dir::new();
    let target = d.join("wisn.bash");
    stdout_of(&["completions", "bash", "-o", target.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .contains("_wisn()"));
    let out = wisn().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_pages() {
    let page = stdout_of(&["man"]);
    assert!(page.contains(".TH wisn 1"), "{page}");
    for command in ["compute", "explain", "validate", "template", "surge"] {
        assert!(page.contains(command), "no {command} in the page");
    }
    let compute = stdout_of(&["man", "compute"]);
    assert!(compute.contains(".TH wisn-compute 1"), "{compute}");
    assert!(compute.contains("\\-\\-excel\\-fr"), "{compute}");
    assert!(compute.contains("\\fBwisn compute\\fR"), "{compute}");

    let out = wisn().args(["man", "frobnicate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("compute, explain"), "{err}");

    let d = Dir::new();
    let target = d.join("wisn.1");
    stdout_of(&["man", "-o", target.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&target).unwrap().starts_with(".ie"));
}

/// Issue 16: `compute --help` listed `facility` among --by's values, which the parser rejects
/// (facility rows are always written). The help lists only accepted values; `facility` still gets
/// its explanation.
#[test]
fn compute_help_lists_only_accepted_by_levels() {
    let help = stdout_of(&["compute", "--help"]);
    let line = help
        .lines()
        .find(|l| l.contains("possible values: district"))
        .expect("--by's values in the help");
    assert!(!line.contains("facility,"), "{line}");
    assert!(!line.contains(" facility "), "{line}");
    for level in ["district", "region", "facility_type", "national"] {
        assert!(line.contains(level), "{line}");
        let out = wisn()
            .args(["compute", sample().to_str().unwrap(), "--by", level, "-q"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "--by {level}");
    }
    let out = wisn()
        .args(["compute", sample().to_str().unwrap(), "--by", "facility"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("facility rows are always written"), "{err}");
}
