//! Workload straight from DHIS2 (study-format §6).
//!
//! A `workload` table may be a DHIS2 export, recognised by its headers:
//! - *dataValueSets* CSV, read by position as DHIS2 itself reads it (data element, period, org
//!   unit, category option combo, attribute option combo, value, stored by, last updated,
//!   comment, follow-up, deleted), whatever the header spelling of the DHIS2 version that wrote
//!   it ([`DVS_DATA_ELEMENT`] and friends list the spellings);
//! - *dataValueSets* JSON, streamed value by value with serde (submodule `json`; a top-level
//!   `period`/`orgUnit` applies to every value that has none of its own);
//! - *analytics* CSV (`dx,pe,ou,value` or `Data,Period,Organisation unit,Value`, optional `co`),
//!   columns found by name, so hierarchy and metadata columns around them are ignored.
//!
//! Plain, `.gz` or `.zip`. Values are mapped to activities through the `dhis2_mapping` table
//! ([`Mapping`]), org units to facilities through `facilities.orgunit` (else the facility_id), and
//! aggregated while they are read into the same per-facility volumes and month counts as the tidy
//! workload: memory grows with facilities × activities, never with the number of values.

use crate::diag::Code;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;

mod json;

use super::csv_source::open_stream;
use super::discover::TableRef;
use super::schema::{DHIS2_EXPORT, DHIS2_MAPPING};
use super::source::{Cell, Flow, Row, RowSource};
use super::table_reader::{read_table, require_columns};
use super::{open_source, Builder, ReadOptions};
use crate::diag::{Diagnostics, Location, Msg, Problem};
use crate::messages::dhis2 as msg;
use crate::messages::reader::verbatim;
use crate::model::Dhis2ExportRule;
use crate::names::{closest, normalise};
use crate::numbers::{full_precision, parse_number, DecimalStyle};
/// DHIS2 periods are parsed in the neutral [`crate::period::dhis2`] (the DHIS2 writer needs them too).
pub use crate::period::dhis2::{parse_period, PeriodInfo};

mod aggregate;
mod checks;
mod export;
mod header;
mod mapping;
mod read;
pub use aggregate::*;
pub use checks::*;
pub use export::*;
pub use header::*;
pub use mapping::*;
pub use read::*;

#[cfg(test)]
mod tests {
    use super::*;

    fn h(names: &str) -> Vec<String> {
        names
            .split(',')
            .map(|s| s.trim_matches('"').to_string())
            .collect()
    }

    #[test]
    fn datavaluesets_headers_of_every_version() {
        for header in [
            // 2.2x import example (docs), with storedby/timestamp.
            "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,timestamp",
            // docs' short spellings.
            "\"dataelement\",\"period\",\"orgunit\",\"catoptcombo\",\"attroptcombo\",\"value\",\"strby\",\"lstupd\",\"cmt\"",
            // 2.2x export.
            "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,flwup",
            // 2.3x export.
            "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup",
            // 2.36+ export (CsvDataValueSetWriter): with deleted.
            "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted",
            // Camel case, as some tools write it.
            "dataElement,period,orgUnit,categoryOptionCombo,attributeOptionCombo,value,storedBy,lastUpdated,comment,followUp,deleted",
            // Minimal bulk import.
            "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value",
        ] {
            assert!(
                matches!(detect(&h(header)), Some(CsvShape::DataValueSets { .. })),
                "{header}"
            );
        }
        assert_eq!(
            detect(&h("dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted")),
            Some(CsvShape::DataValueSets { deleted: Some(10) })
        );
        assert_eq!(
            detect(&h("dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,flwup")),
            Some(CsvShape::DataValueSets { deleted: None })
        );
    }

    #[test]
    fn analytics_headers() {
        assert_eq!(
            detect(&h("dx,pe,ou,value")),
            Some(CsvShape::Analytics {
                data: vec![0],
                period: 1,
                orgunit: vec![2],
                coc: None,
                value: 3
            })
        );
        assert_eq!(
            detect(&h(
                "Data,Category option combo,Period,Organisation unit,Value"
            )),
            Some(CsvShape::Analytics {
                data: vec![0],
                period: 2,
                orgunit: vec![3],
                coc: Some(1),
                value: 4
            })
        );
        // Hierarchy and metadata columns around the four: identifiers first.
        let shape = detect(&h(
            "orgunitlevel1,orgunitlevel2,orgunitlevel3,Organisation unit ID,Organisation unit,Data ID,Data,Period,Value",
        ))
        .unwrap();
        assert_eq!(
            shape,
            CsvShape::Analytics {
                data: vec![5, 6],
                period: 7,
                orgunit: vec![3, 4],
                coc: None,
                value: 8
            }
        );
    }

    #[test]
    fn tidy_workloads_are_not_dhis2() {
        for header in [
            "facility_id,activity,period,volume",
            "facility_id,data_element,period,value",
            "code_structure,orgunit,data_element,periode,valeur",
            "facility_id,Consultation,Accouchement",
        ] {
            assert_eq!(detect(&h(header)), None, "{header}");
        }
    }

    #[test]
    fn periods() {
        let p = |t: &str| parse_period(t).map(|p| (p.start_year, p.month));
        let m = |y: u32, m: u32| Some(y * 12 + m - 1);
        assert_eq!(p("2023"), Some((2023, None)));
        assert_eq!(p("202301"), Some((2023, m(2023, 1))));
        assert_eq!(p("202312"), Some((2023, m(2023, 12))));
        assert_eq!(p("20230115"), Some((2023, None)));
        assert_eq!(p("202305B"), Some((2023, None)));
        assert_eq!(p("2023Q4"), Some((2023, None)));
        assert_eq!(p("2023S2"), Some((2023, None)));
        assert_eq!(p("2023AprilS2"), Some((2023, None)));
        assert_eq!(p("2023NovS2"), Some((2024, None)));
        assert_eq!(p("2023July"), Some((2023, None)));
        assert_eq!(p("2023Sep"), Some((2023, None)));
        assert_eq!(p("2023SatW52"), Some((2023, None)));
        assert_eq!(p("2023W5"), Some((2023, None)));
        assert_eq!(p("2023W05"), Some((2023, None)));
        // ISO week 1 of 2020 starts on Monday 30 December 2019: it counts in 2019.
        assert_eq!(p("2020W1"), Some((2019, None)));
        assert_eq!(p("2020BiW1"), Some((2019, None)));
        // Sunday weeks start the day before the ISO Monday: 2023SunW1 starts 1 January 2023.
        assert_eq!(p("2023SunW1"), Some((2023, None)));
        assert_eq!(p("2023WedW1"), Some((2023, None)));
        // Tidy spellings still work.
        assert_eq!(p("2023-03"), Some((2023, m(2023, 3))));
        assert_eq!(p("mars 2023"), Some((2023, m(2023, 3))));
        for bad in [
            "", "202313", "2023Q5", "2023W54", "20230230", "hier", "2023X",
        ] {
            assert_eq!(p(bad), None, "{bad}");
        }
    }
}
