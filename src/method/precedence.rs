//! Which rows apply where, pure (study-format §3, docs/wisn-method.md):
//!
//! - **Facility-type precedence.** A cadre's standards rows naming a facility type replace *all*
//!   of its blank-type rows at facilities of that type; elsewhere the blank-type rows apply. The
//!   working-time row of a cadre is the one naming the type, else the blank-type one.
//! - **Which facility × cadre rows exist.** A facility gets a result row for a cadre that has
//!   standards at its type when it has staff of that cadre in post or workload for one of the
//!   cadre's service activities; with neither, there is nothing to compare and no row.

/// The standards rows that apply at `type_key`: those of `rows` (index, row's type key) naming
/// the type, or when none does (or the facility has no type), those with a blank type.
pub fn standards_rows<'a>(
    rows: impl Iterator<Item = (usize, &'a str)> + Clone,
    type_key: &str,
) -> Vec<usize> {
    let typed: Vec<usize> = rows
        .clone()
        .filter(|&(_, t)| !type_key.is_empty() && t == type_key)
        .map(|(i, _)| i)
        .collect();
    if !typed.is_empty() {
        return typed;
    }
    rows.filter(|&(_, t)| t.is_empty())
        .map(|(i, _)| i)
        .collect()
}

/// The working-time row that applies at `type_key`: the first of `rows` naming the type, else
/// the first with a blank type.
pub fn working_time_row<'a>(
    rows: impl Iterator<Item = (usize, &'a str)> + Clone,
    type_key: &str,
) -> Option<usize> {
    let find = |t: &str| rows.clone().find(|&(_, k)| k == t).map(|(i, _)| i);
    (!type_key.is_empty())
        .then(|| find(type_key))
        .flatten()
        .or_else(|| find(""))
}

/// Whether a facility × cadre (the cadre having standards at the facility's type) gets a result
/// row: staff in post, or workload for one of the cadre's service activities.
pub fn has_result_row(has_staff: bool, has_workload: bool) -> bool {
    has_staff || has_workload
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROWS: [(usize, &str); 5] = [
        (0, ""),
        (1, "hopital"),
        (2, ""),
        (3, "cscom"),
        (4, "hopital"),
    ];

    #[test]
    fn typed_rows_replace_every_blank_type_row() {
        let rows = || ROWS.iter().copied();
        assert_eq!(standards_rows(rows(), "hopital"), vec![1, 4]);
        assert_eq!(standards_rows(rows(), "cscom"), vec![3]);
        // A type without typed rows, and a facility without a type, get the blank-type rows.
        assert_eq!(standards_rows(rows(), "csref"), vec![0, 2]);
        assert_eq!(standards_rows(rows(), ""), vec![0, 2]);
    }

    #[test]
    fn the_working_time_row_of_the_type_else_the_blank_one() {
        let rows = || ROWS.iter().copied();
        assert_eq!(working_time_row(rows(), "hopital"), Some(1));
        assert_eq!(working_time_row(rows(), "csref"), Some(0));
        assert_eq!(working_time_row(rows(), ""), Some(0));
        let typed_only = || [(7, "cscom")].into_iter();
        assert_eq!(working_time_row(typed_only(), "hopital"), None);
        assert_eq!(working_time_row(typed_only(), "cscom"), Some(7));
    }

    #[test]
    fn a_row_needs_staff_or_workload() {
        assert!(has_result_row(true, false));
        assert!(has_result_row(false, true));
        assert!(!has_result_row(false, false));
    }
}
