//! Messages of the problem list itself (src/diag.rs).

crate::catalogue! {
    /// The line that stands for every problem of a code beyond the first ones listed.
    more_rows_same_problem(more: crate::diag::Grouped, code: crate::diag::Code, listed: usize) {
        en: "… and {more} more rows with the same problem (`{code}`; only the first {listed} are listed)",
        fr: "… et {more} lignes de plus avec le même problème (`{code}` ; seules les {listed} premières sont listées)",
        one(more): en: "… and {more} more row with the same problem (`{code}`; only the first {listed} are listed)",
        fr: "… et {more} ligne de plus avec le même problème (`{code}` ; seules les {listed} premières sont listées)",
    }
}
