//! The repository stands on its own: the docs list every table, column and alias the code knows,
//! their links resolve inside the repository, and nothing in the README, docs/ or src/ sends a
//! reader to a folder outside it.

use std::path::{Path, PathBuf};

use crate::util::root;

fn markdown_files() -> Vec<PathBuf> {
    let mut files = vec![
        root().join("README.md"),
        root().join("data").join("README.md"),
    ];
    for entry in std::fs::read_dir(root().join("docs")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            files.push(path);
        }
    }
    files
}

#[test]
fn every_table_column_and_alias_is_documented() {
    let docs: String = markdown_files()
        .iter()
        .filter(|p| p.starts_with(root().join("docs")))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut tables: Vec<&wisn::study::schema::TableDef> =
        wisn::study::schema::COMPUTE_TABLES.iter().collect();
    tables.extend(wisn::study::schema::DHIS2_TABLES);
    tables.extend(wisn::surge::schema::SURGE_TABLES);
    tables.push(&wisn::study::schema::SCENARIO);
    tables.extend([
        &wisn::planning::inputs::POSTS,
        &wisn::planning::inputs::COSTS,
    ]);
    let mut missing = Vec::new();
    for t in tables {
        for name in std::iter::once(&t.name).chain(t.aliases) {
            if !docs.contains(&format!("`{name}`")) {
                missing.push(format!("table {}: `{name}`", t.name));
            }
        }
        for c in t.columns {
            for name in std::iter::once(&c.name).chain(c.aliases) {
                if !docs.contains(&format!("`{name}`")) {
                    missing.push(format!("{}.{}: `{name}`", t.name, c.name));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "names the code accepts but docs/ does not list (add them to docs/study-format.md):\n{}",
        missing.join("\n")
    );
}

/// Relative links of a markdown file that point to a missing file.
fn broken_links(file: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap();
    let dir = file.parent().unwrap();
    let mut broken = Vec::new();
    for (i, _) in text.match_indices("](") {
        let rest = &text[i + 2..];
        let Some(end) = rest.find(')') else { continue };
        let target = rest[..end].split('#').next().unwrap_or("");
        if target.is_empty() || target.contains("://") || target.starts_with("mailto:") {
            continue;
        }
        if !dir.join(target).exists() {
            broken.push(format!("{}: {target}", file.display()));
        }
    }
    broken
}

#[test]
fn links_resolve_inside_the_repository() {
    let broken: Vec<String> = markdown_files()
        .iter()
        .flat_map(|f| broken_links(f))
        .collect();
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn nothing_points_outside_the_repository() {
    let mut files = markdown_files();
    let mut dirs = vec![root().join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let outside: Vec<String> = files
        .iter()
        .filter(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            text.contains("shared/spec") || text.contains("../shared")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        outside.is_empty(),
        "files that point outside the repository: {outside:?}"
    );
}

/// docs/problems.md is the one table of problem codes: every `Code` has its row, every row is
/// a `Code`, in the same (alphabetical) order, each with a severity, a meaning and a fix column.
#[test]
fn every_problem_code_is_documented_once() {
    use wisn::diag::Code;
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/problems.md")).unwrap();
    let documented: Vec<String> = text
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split(" | ").collect();
            assert_eq!(cells.len(), 4, "{l}");
            assert!(
                [
                    "error",
                    "warning",
                    "note",
                    "error or warning",
                    "note or warning"
                ]
                .contains(&cells[1]),
                "{l}"
            );
            assert!(!cells[2].trim().is_empty(), "no meaning: {l}");
            cells[0].trim_end_matches('`').to_string()
        })
        .collect();
    let names: Vec<&str> = Code::ALL.iter().map(|c| c.name()).collect();
    for n in &names {
        assert!(
            documented.iter().any(|d| d == n),
            "`{n}` is not in docs/problems.md"
        );
    }
    for d in &documented {
        assert!(
            names.contains(&d.as_str()),
            "docs/problems.md lists `{d}`, which is no Code"
        );
    }
    assert_eq!(
        documented, names,
        "docs/problems.md is not in Code::ALL's order"
    );
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted, "Code::ALL is alphabetical");
}
