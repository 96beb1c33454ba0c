//! The integration tests: one binary, one module per feature (as ripgrep). Each runs the real
//! `wisn` binary on fixtures in tests/data (named for their case) or on studies written into a
//! temporary folder.

mod util;

mod compute;
mod dhis2;
mod docs;
mod errors;
mod explain;
mod fixtures;
mod golden;
mod help;
mod hostile;
mod languages;
mod mistakes;
mod oracle;
mod output;
mod planning;
mod projection;
mod properties;
mod reports;
mod robustness;
mod samples;
mod scenarios;
mod shell;
mod spreadsheets;
mod surge;
mod template;
mod uncertainty;
mod validate;
mod vectors;
mod windows;
