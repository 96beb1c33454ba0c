//! Workbooks (.xlsx .xlsm .xls .xlsb .ods) through calamine: one sheet is one table.

use std::path::{Path, PathBuf};

use super::source::{Flow, Row, RowSource};
use crate::diag::{Location, Problem};
use crate::numbers::DecimalStyle;

/// The sheet names of a workbook, in order.
pub fn sheet_names(path: &Path) -> Result<Vec<String>, Problem> {
    use calamine::Reader;
    let workbook =
        calamine::open_workbook_auto(path).map_err(|e| not_a_workbook(path, &e.to_string()))?;
    Ok(workbook.sheet_names().to_vec())
}

fn not_a_workbook(path: &Path, why: &str) -> Problem {
    Problem::error(
        "bad_workbook",
        format!("cannot be read as a workbook: {why}"),
    )
    .at(Location::file(path.display().to_string()))
    .hint("open it in Excel or LibreOffice and save it again as .xlsx, or export the sheet as CSV")
}

/// One sheet of a workbook.
pub struct WorkbookSource {
    path: PathBuf,
    display: String,
    sheet: String,
}

impl WorkbookSource {
    pub fn new(path: &Path, display: String, sheet: String) -> Self {
        WorkbookSource {
            path: path.to_path_buf(),
            display,
            sheet,
        }
    }
}

impl RowSource for WorkbookSource {
    fn location(&self) -> Location {
        let mut l = Location::file(&self.display);
        l.sheet = Some(self.sheet.clone());
        l
    }
    fn decimal_style(&self) -> DecimalStyle {
        DecimalStyle::Comma
    }
    fn for_each_row(&mut self, _visit: &mut dyn FnMut(&dyn Row) -> Flow) -> Result<(), Problem> {
        Err(not_a_workbook(
            &self.path,
            "workbook reading is not built yet",
        ))
    }
}
