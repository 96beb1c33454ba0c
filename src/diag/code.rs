//! The kinds of problem, each with its stable name: what `wisn validate --format json|csv`
//! prints in its `code` column, and what docs/problems.md documents (one table: code, severity,
//! meaning, fix; a test keeps the two the same).

use std::fmt;

macro_rules! codes {
    ($($variant:ident => $name:literal,)*) => {
        /// A kind of problem. Its [`name`](Code::name) is stable: scripts match on it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, in the order of docs/problems.md (alphabetical by name).
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable snake_case name (`bad_number`, `cas_over_100`, ...).
            pub const fn name(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }
        }
    };
}

codes! {
    ActivityWithoutStandard => "activity_without_standard",
    AliasConflict => "alias_conflict",
    AmbiguousZip => "ambiguous_zip",
    BadBudget => "bad_budget",
    BadCost => "bad_cost",
    BadCsv => "bad_csv",
    BadDate => "bad_date",
    BadDraw => "bad_draw",
    BadFactor => "bad_factor",
    BadJson => "bad_json",
    BadMinOnDuty => "bad_min_on_duty",
    BadNumber => "bad_number",
    BadPath => "bad_path",
    BadPatientsPerStaff => "bad_patients_per_staff",
    BadPeriod => "bad_period",
    BadPosts => "bad_posts",
    BadRange => "bad_range",
    BadRequest => "bad_request",
    BadSelector => "bad_selector",
    BadStandard => "bad_standard",
    BadWorkbook => "bad_workbook",
    BadWorkingTime => "bad_working_time",
    BadYears => "bad_years",
    BadZip => "bad_zip",
    BlankCell => "blank_cell",
    BlankPeriod => "blank_period",
    CadreMapped => "cadre_mapped",
    CadreWithoutWorkload => "cadre_without_workload",
    CannotOpen => "cannot_open",
    CannotRead => "cannot_read",
    CasOver100 => "cas_over_100",
    CensusAndAdmissions => "census_and_admissions",
    CensusSpan => "census_span",
    DamagedFile => "damaged_file",
    DateOutOfRange => "date_out_of_range",
    DateSpan => "date_span",
    DecompressionBomb => "decompression_bomb",
    Dhis2BlankValues => "dhis2_blank_values",
    Dhis2Deleted => "dhis2_deleted",
    Dhis2Duplicate => "dhis2_duplicate",
    Dhis2ExportNoOrgunit => "dhis2_export_no_orgunit",
    Dhis2MappingNotUsed => "dhis2_mapping_not_used",
    Dhis2MappingUnused => "dhis2_mapping_unused",
    Dhis2OrgunitUnmatched => "dhis2_orgunit_unmatched",
    Dhis2OutsideYear => "dhis2_outside_year",
    Dhis2SeveralYears => "dhis2_several_years",
    Dhis2Unmapped => "dhis2_unmapped",
    Dhis2UnmappedCombo => "dhis2_unmapped_combo",
    Dhis2YearEmpty => "dhis2_year_empty",
    DuplicateCost => "duplicate_cost",
    DuplicateCovidStandard => "duplicate_covid_standard",
    DuplicateExport => "duplicate_export",
    DuplicateFacility => "duplicate_facility",
    DuplicateHeader => "duplicate_header",
    DuplicateKey => "duplicate_key",
    DuplicateMapping => "duplicate_mapping",
    DuplicateOrgunit => "duplicate_orgunit",
    DuplicateRow => "duplicate_row",
    DuplicateStandard => "duplicate_standard",
    DuplicateTable => "duplicate_table",
    DuplicateWorkingTime => "duplicate_working_time",
    EmptyCensus => "empty_census",
    EncodingFallback => "encoding_fallback",
    ErrorCell => "error_cell",
    ExampleRows => "example_rows",
    ExportCadreUnknown => "export_cadre_unknown",
    FacilityFromOrgunits => "facility_from_orgunits",
    FacilityNotListed => "facility_not_listed",
    FacilityTypeFallback => "facility_type_fallback",
    FieldCount => "field_count",
    FileTooLarge => "file_too_large",
    FormulaWithoutResult => "formula_without_result",
    ImplausibleAwt => "implausible_awt",
    ImplausibleRatio => "implausible_ratio",
    IncompleteMonths => "incomplete_months",
    InconsistentStandard => "inconsistent_standard",
    IsAFolder => "is_a_folder",
    JsonTable => "json_table",
    LengthOfStayUnused => "length_of_stay_unused",
    LevelMismatch => "level_mismatch",
    MissingColumn => "missing_column",
    MissingTable => "missing_table",
    MoreThan12Months => "more_than_12_months",
    Negative => "negative",
    NoActivities => "no_activities",
    NoCensus => "no_census",
    NoChange => "no_change",
    NoChangeColumn => "no_change_column",
    NoCompleteYear => "no_complete_year",
    NoCosts => "no_costs",
    NoCountedYear => "no_counted_year",
    NoCovidStaff => "no_covid_staff",
    NoDhis2Mapping => "no_dhis2_mapping",
    NoHeader => "no_header",
    NoLengthOfStay => "no_length_of_stay",
    NoMonthlyPeriods => "no_monthly_periods",
    NoRange => "no_range",
    NoResult => "no_result",
    NoScenarios => "no_scenarios",
    NoSeverities => "no_severities",
    NoSheet => "no_sheet",
    NoWorkingTime => "no_working_time",
    NoZipEntry => "no_zip_entry",
    NotAStudy => "not_a_study",
    NotCsv => "not_csv",
    NotFound => "not_found",
    OrgunitAncestorMissing => "orgunit_ancestor_missing",
    OrgunitNotFound => "orgunit_not_found",
    OutsideYear => "outside_year",
    PercentAdditional => "percent_additional",
    PercentAsFraction => "percent_as_fraction",
    PeriodMismatch => "period_mismatch",
    PeriodsNotMonthly => "periods_not_monthly",
    RatioDisagrees => "ratio_disagrees",
    ReservedScenario => "reserved_scenario",
    RowTooLong => "row_too_long",
    ScenarioMatchesNothing => "scenario_matches_nothing",
    StaffBelowZero => "staff_below_zero",
    StaffNotAtASite => "staff_not_at_a_site",
    StaffStatusDropped => "staff_status_dropped",
    StaffStatusUnknown => "staff_status_unknown",
    StaffWithoutRequirement => "staff_without_requirement",
    StaffWithoutStandards => "staff_without_standards",
    StaffWithoutWorkload => "staff_without_workload",
    TooLarge => "too_large",
    TwoGroups => "two_groups",
    UnclosedQuote => "unclosed_quote",
    UnknownCadre => "unknown_cadre",
    UnknownColumn => "unknown_column",
    UnknownComponent => "unknown_component",
    UnknownFacility => "unknown_facility",
    UnknownGroup => "unknown_group",
    UnknownIndicator => "unknown_indicator",
    UnknownSeverity => "unknown_severity",
    UnknownType => "unknown_type",
    UnknownUnit => "unknown_unit",
    UnusedCadre => "unused_cadre",
    UnusedFacilityType => "unused_facility_type",
    YearWithoutData => "year_without_data",
    YearWithoutPeriods => "year_without_periods",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
