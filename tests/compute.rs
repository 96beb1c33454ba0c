//! `wisn compute` end to end on the sample study and on hand-made studies.

use crate::util::*;

#[test]
fn sample_matches_the_independent_oracle() {
    let ours = compute_csv(&[
        sample().to_str().unwrap(),
        "--by",
        "district",
        "--by",
        "region",
        "--by",
        "facility_type",
        "--by",
        "national",
    ]);
    let expected = csv_rows(&std::fs::read_to_string(fixture("sikasso_expected.csv")).unwrap());
    assert_same_results(&ours, &expected);
}
