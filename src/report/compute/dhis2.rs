//! Results back into DHIS2 (study-format §6): `--format dhis2-csv|dhis2-json` writes a
//! dataValueSets file that DHIS2's Import/Export app (Data import) accepts as it is: one value
//! per facility row × `dhis2_export` row of its cadre; org unit = the facility's `orgunit` (else
//! its facility_id); period = `--period`; values rounded to 2 decimals; no value for a null
//! ratio.
//!
//! The shapes follow DHIS2's documentation of the dataValueSets resource (DHIS2 developer
//! manual, Web API, "Data values": "Sending bulks of data values" and "CSV data value format",
//! <https://docs.dhis2.org/en/develop/using-the-api/dhis-core-version-master/data.html>, source
//! dhis2/dhis2-docs `src/developer/web-api/data.md`):
//! - CSV: columns by position — data element, period, org unit, category option combo,
//!   attribute option combo, value (then stored by, last updated, comment, follow up, all
//!   optional); "The first row is assumed to be a header row and will be ignored during import",
//!   so the file starts with the documented header line
//!   `dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value`. A blank
//!   category or attribute option combo is the default combo.
//! - JSON: `{"dataValues": [{"dataElement", "period", "orgUnit", "categoryOptionCombo",
//!   "value"}]}` with the value as a string, as in the documented bulk example; the combo is left
//!   out when blank (DHIS2 then uses the default combo).

use serde::Serialize;

use crate::messages::report as m;

use super::ComputeReport as Report;
use crate::engine::{Level, ResultRow};
use crate::report::Format;

/// Checks the command line of a DHIS2 format: `--period` is required and must be a DHIS2 period.
pub fn check_args(format: Format, period: Option<&str>) -> Result<(), crate::diag::Msg> {
    if !matches!(format, Format::Dhis2Csv | Format::Dhis2Json) {
        return Ok(());
    }
    match period {
        None => Err(m::dhis2_needs_period()),
        Some(p) if !is_dhis2_period(p) => Err(m::not_a_dhis2_period(p)),
        Some(_) => Ok(()),
    }
}

/// A period as DHIS2 writes it (`2023`, `202312`, `2023Q4`, `2023W5`, `2023AprilS1`, ...), not
/// a spreadsheet spelling such as `2023-12`.
pub fn is_dhis2_period(text: &str) -> bool {
    let t = text.trim();
    t.len() >= 4
        && t.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && t.bytes().all(|b| b.is_ascii_alphanumeric())
        && crate::period::dhis2::parse_period(t).is_some()
}

/// A value as written to DHIS2: rounded to 2 decimals, shortest form (`2`, `1.5`, `1.56`), so
/// that integer data elements accept whole numbers.
pub fn dhis2_value(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r == 0.0 {
        "0".into()
    } else {
        format!("{r}")
    }
}

/// The value of an output column of a facility row (`None` for a null ratio).
fn indicator_value(row: &ResultRow, indicator: &str) -> Option<f64> {
    match indicator {
        "required_staff" => Some(row.required_staff),
        "current_staff" => Some(row.current_staff),
        "difference" => Some(row.difference),
        "wisn_ratio" => row.wisn_ratio,
        "workload_pressure_pct" => Some(row.workload_pressure_pct),
        "required_rounded" => Some(row.required_rounded),
        _ => None,
    }
}

/// One DHIS2 data value.
struct DataValue<'a> {
    data_element: &'a str,
    orgunit: &'a str,
    coc: Option<&'a str>,
    value: String,
}

fn data_values<'a>(report: &'a Report) -> anyhow::Result<Vec<DataValue<'a>>> {
    let rules = report
        .study
        .dhis2_export
        .as_ref()
        .ok_or_else(|| anyhow::Error::new(m::no_dhis2_export()))?;
    let mut out = Vec::new();
    for row in &report.results.rows {
        if row.level != Level::Facility {
            continue;
        }
        let Some(f) = row.facility_index else {
            continue;
        };
        let facility = &report.study.facilities[f];
        let orgunit = facility.orgunit.as_deref().unwrap_or(&facility.id);
        for rule in rules.iter().filter(|r| r.cadre == row.cadre_index) {
            let Some(v) = indicator_value(row, rule.indicator) else {
                continue;
            };
            out.push(DataValue {
                data_element: &rule.data_element,
                orgunit,
                coc: rule.category_option_combo.as_deref(),
                value: dhis2_value(v),
            });
        }
    }
    Ok(out)
}

/// `--format dhis2-csv` (`json: false`) and `--format dhis2-json`.
pub fn write(report: &Report, json: bool) -> anyhow::Result<Vec<u8>> {
    {
        let period = report
            .settings
            .period
            .as_deref()
            .ok_or_else(|| anyhow::Error::new(m::dhis2_period_missing()))?;
        let values = data_values(report)?;
        if json {
            /// One value as DHIS2's JSON dataValueSets writes it (fields in its order).
            #[derive(Serialize)]
            #[serde(rename_all = "camelCase")]
            struct JsonValue<'a> {
                data_element: &'a str,
                period: &'a str,
                org_unit: &'a str,
                #[serde(skip_serializing_if = "Option::is_none")]
                category_option_combo: Option<&'a str>,
                value: &'a str,
            }
            #[derive(Serialize)]
            #[serde(rename_all = "camelCase")]
            struct Set<'a> {
                data_values: Vec<JsonValue<'a>>,
            }
            let set = Set {
                data_values: values
                    .iter()
                    .map(|v| JsonValue {
                        data_element: v.data_element,
                        period,
                        org_unit: v.orgunit,
                        category_option_combo: v.coc,
                        value: &v.value,
                    })
                    .collect(),
            };
            let mut out = serde_json::to_vec_pretty(&set)?;
            out.push(b'\n');
            return Ok(out);
        }
        let mut w = ::csv::Writer::from_writer(Vec::new());
        w.write_record([
            "dataelement",
            "period",
            "orgunit",
            "categoryoptioncombo",
            "attributeoptioncombo",
            "value",
        ])?;
        for v in &values {
            w.write_record([
                v.data_element,
                period,
                v.orgunit,
                v.coc.unwrap_or(""),
                "",
                v.value.as_str(),
            ])?;
        }
        w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_rounded_to_two_decimals() {
        assert_eq!(dhis2_value(1.5649064224260931), "1.56");
        assert_eq!(dhis2_value(2.0), "2");
        assert_eq!(dhis2_value(0.6390158450814509), "0.64");
        assert_eq!(dhis2_value(36.098_415_491_854_9), "36.1");
        assert_eq!(dhis2_value(-0.5649064224260931), "-0.56");
        assert_eq!(dhis2_value(-0.001), "0");
        assert_eq!(dhis2_value(1234.567), "1234.57");
    }

    #[test]
    fn periods_are_checked() {
        assert!(check_args(Format::Csv, None).is_ok());
        assert!(check_args(Format::Dhis2Csv, None).is_err());
        assert!(check_args(Format::Dhis2Json, Some("2023")).is_ok());
        assert!(check_args(Format::Dhis2Csv, Some("2023Q4")).is_ok());
        assert!(check_args(Format::Dhis2Csv, Some("202312")).is_ok());
        assert!(check_args(Format::Dhis2Csv, Some("2023-12")).is_err());
        assert!(check_args(Format::Dhis2Csv, Some("2023Q5")).is_err());
    }
}
