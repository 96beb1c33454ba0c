//! Planning: from shortages to decisions (study-format §7.2–7.3). `wisn allocate` gives new posts
//! to the facilities with the lowest ratios; `wisn redistribute` moves staff from facilities in
//! excess to facilities in shortage. Both start from the rows `wisn compute` makes; the rules are
//! in [`crate::method::allocate`] and [`crate::method::redistribute`], pure.
//!
//! - [`inputs`]: `--posts`, the `posts` table (`--posts-file`), the `costs` table, `--types`.
//! - [`allocate`], [`redistribute`]: the work, and the contract's rows.
//! - [`rows`]: the machine columns of those rows (CSV, JSON, XLSX). [`text`]: the terminal text
//!   that reads as a decision, and `--explain`.

pub mod allocate;
pub mod inputs;
pub mod redistribute;
pub mod report;
pub mod rows;
pub mod text;

use crate::diag::{Code, Location, Problem};

/// `--within district|region|national`: the group inside which staff may move (and the level of
/// a pool's group).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Within {
    #[default]
    District,
    Region,
    National,
}

/// A problem with a command-line value (`--budget`, `--types`): the option is its place.
pub(crate) fn check_problem(
    code: Code,
    option: &str,
    value: &str,
    what: crate::diag::Msg,
    hint: crate::diag::Msg,
) -> Problem {
    Problem::error(code, what)
        .at(Location::file(option))
        .value(value)
        .hint(hint)
}
