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

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;

mod json;

use super::csv_source::open_stream;
use super::discover::TableRef;
use super::schema::{DHIS2_EXPORT, DHIS2_MAPPING};
use super::source::{Cell, Flow, Row, RowSource};
use super::table::{read_table, require_columns};
use super::{open_source, Builder, ReadOptions};
use crate::diag::{Diagnostics, Location, Problem};
use crate::model::Dhis2ExportRule;
use crate::names::{closest, normalise};
use crate::numbers::{full_precision, parse_number, DecimalStyle};
/// DHIS2 periods are parsed in the neutral [`crate::period::dhis2`] (the DHIS2 writer needs them too).
pub use crate::period::dhis2::{parse_period, PeriodInfo};

// ---------------------------------------------------------------------------------------------
// Recognising an export by its header

/// Header spellings of the positional dataValueSets CSV columns, normalised, across DHIS2
/// versions (`dataelement`/`dataElement`, `catoptcombo`/`categoryoptioncombo`, ...).
pub const DVS_DATA_ELEMENT: &[&str] = &[
    "dataelement",
    "data_element",
    "de",
    "dataelementid",
    "data_element_id",
    "dataelementuid",
];
pub const DVS_PERIOD: &[&str] = &["period", "pe", "periodid", "period_id", "periode"];
pub const DVS_ORGUNIT: &[&str] = &[
    "orgunit",
    "org_unit",
    "ou",
    "orgunitid",
    "org_unit_id",
    "organisationunit",
    "organisation_unit",
];
pub const DVS_VALUE: &[&str] = &["value", "valeur"];

// Analytics columns, in order of preference (identifiers before names).
const AN_DATA: &[&str] = &[
    "dx",
    "data_id",
    "dataid",
    "data_element_id",
    "dataelementid",
    "dataelement",
    "data_element",
    "de",
    "data",
    "donnees",
    "data_code",
    "data_name",
];
const AN_PERIOD: &[&str] = &[
    "pe",
    "period_id",
    "periodid",
    "period",
    "periode",
    "period_code",
];
const AN_ORGUNIT: &[&str] = &[
    "ou",
    "organisation_unit_id",
    "organisationunitid",
    "organization_unit_id",
    "org_unit_id",
    "orgunitid",
    "orgunit",
    "org_unit",
    "organisation_unit",
    "organization_unit",
    "organisationunit",
    "organisation_unit_code",
    "organisationunitcode",
    "organisation_unit_name",
    "organisationunitname",
];
const AN_COC: &[&str] = &[
    "co",
    "category_option_combo_id",
    "categoryoptioncomboid",
    "category_option_combo",
    "categoryoptioncombo",
    "catoptcombo",
    "coc",
];
const AN_VALUE: &[&str] = &["value", "valeur"];

/// The shape of a DHIS2 CSV export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvShape {
    /// dataValueSets, read by position; `deleted` is the index of the deleted column, if any.
    DataValueSets { deleted: Option<usize> },
    /// analytics, read by name. `data` and `orgunit` list the candidate columns, identifiers
    /// first: a value is looked up by the first, then by the others.
    Analytics {
        data: Vec<usize>,
        period: usize,
        orgunit: Vec<usize>,
        coc: Option<usize>,
        value: usize,
    },
}

impl CsvShape {
    pub fn describe(&self) -> &'static str {
        match self {
            CsvShape::DataValueSets { .. } => "a DHIS2 dataValueSets CSV export",
            CsvShape::Analytics { .. } => "a DHIS2 analytics CSV export",
        }
    }
}

/// Recognises a DHIS2 CSV export from its header cells (as written).
pub fn detect(header: &[String]) -> Option<CsvShape> {
    let n: Vec<String> = header.iter().map(|h| normalise(h)).collect();
    let at = |i: usize, names: &[&str]| n.get(i).is_some_and(|h| names.contains(&h.as_str()));
    if n.len() >= 6
        && at(0, DVS_DATA_ELEMENT)
        && at(1, DVS_PERIOD)
        && at(2, DVS_ORGUNIT)
        && at(5, DVS_VALUE)
    {
        let deleted = n
            .iter()
            .enumerate()
            .skip(6)
            .find(|(_, h)| h.as_str() == "deleted")
            .map(|(i, _)| i)
            .or((n.len() > 10).then_some(10));
        return Some(CsvShape::DataValueSets { deleted });
    }
    // A tidy workload (it has a facility column) is never an analytics export.
    let facility = super::schema::WORKLOAD.column("facility_id");
    if n.iter().any(|h| facility.matches(h)) {
        return None;
    }
    let all = |names: &[&str]| -> Vec<usize> {
        names
            .iter()
            .filter_map(|name| n.iter().position(|h| h == name))
            .collect()
    };
    let data = all(AN_DATA);
    let period = all(AN_PERIOD).first().copied()?;
    let orgunit = all(AN_ORGUNIT);
    let value = all(AN_VALUE).first().copied()?;
    if data.is_empty() || orgunit.is_empty() {
        return None;
    }
    let coc = all(AN_COC).first().copied();
    Some(CsvShape::Analytics {
        data,
        period,
        orgunit,
        coc,
        value,
    })
}

// ---------------------------------------------------------------------------------------------
// The mapping table

/// One row of `dhis2_mapping`.
#[derive(Debug, Clone)]
struct Rule {
    data_element: String,
    coc: Option<String>,
    activity: usize,
    location: Location,
    /// Values that matched this row (before the --year filter).
    matched: u64,
}

/// The `dhis2_mapping` table: data element (UID, code or name) and optional category option
/// combo → activity. A blank combo takes every combo of the data element that no row names.
#[derive(Debug, Default)]
pub struct Mapping {
    rules: Vec<Rule>,
    /// Data element as written → its rows.
    by_data_element: HashMap<String, Vec<usize>>,
    /// Normalised data element → its rows (`None` when two spellings share a key).
    by_key: HashMap<String, Option<String>>,
    pub location: Location,
    /// Set once a DHIS2 export went through it.
    pub used: bool,
}

impl Mapping {
    /// The rows of a data element: same text, else (if unique) the same up to case, accents and
    /// separators (for codes and names).
    fn rules_of(&self, data_element: &str) -> Option<&Vec<usize>> {
        if let Some(r) = self.by_data_element.get(data_element) {
            return Some(r);
        }
        let spelled = self.by_key.get(&normalise(data_element))?.as_ref()?;
        self.by_data_element.get(spelled)
    }

    /// The row of a data element's values in a category option combo: the row naming the combo,
    /// else the data element's blank-combo row.
    fn rule_for(&self, rules: &[usize], coc: &str) -> Option<usize> {
        let coc_key = normalise(coc);
        let named = rules.iter().copied().find(|&r| {
            self.rules[r]
                .coc
                .as_deref()
                .is_some_and(|c| c == coc || normalise(c) == coc_key)
        });
        named.or_else(|| rules.iter().copied().find(|&r| self.rules[r].coc.is_none()))
    }
}

/// Reads the `dhis2_mapping` table (after the standards, so that activities keep the standards'
/// order).
pub fn read_mapping(source: &mut dyn RowSource, b: &mut Builder, diag: &mut Diagnostics) {
    let mut m = Mapping {
        location: source.location(),
        ..Default::default()
    };
    let mut first: HashMap<(String, String), usize> = HashMap::new();
    read_table(
        source,
        &DHIS2_MAPPING,
        diag,
        |h, f, d| require_columns(h, f, &DHIS2_MAPPING, &["data_element", "activity"], d),
        |f, row, d| {
            let de = f.text(row, "data_element", d);
            let coc = f.text(row, "category_option_combo", d);
            let activity = f.text(row, "activity", d);
            let (de, activity) = match (de, activity) {
                (Some(de), Some(a)) => (de, a),
                (None, None) if coc.is_none() => return,
                (None, _) => {
                    let col = f.header.get("data_element").unwrap_or(0);
                    d.error(
                        Problem::error(
                            "blank_cell",
                            "is blank: every mapping row needs the DHIS2 data element (UID, code or name)",
                        )
                        .at(f.at(row, col))
                        .hint("fill in the data element or delete the row"),
                    );
                    return;
                }
                (Some(_), None) => {
                    let col = f.header.get("activity").unwrap_or(0);
                    d.error(
                        Problem::error(
                            "blank_cell",
                            "is blank: every mapping row needs the activity the data element feeds",
                        )
                        .at(f.at(row, col))
                        .hint("write the activity as in the standards table, or delete the row"),
                    );
                    return;
                }
            };
            let dup = (
                de.clone(),
                coc.as_deref().map(normalise).unwrap_or_default(),
            );
            if let Some(r) = first.get(&dup) {
                let col = f.header.get("data_element").unwrap_or(0);
                d.error(
                    Problem::error(
                        "duplicate_mapping",
                        format!(
                            "is mapped twice{} (first on row {r})",
                            if coc.is_some() {
                                " with the same category option combo"
                            } else {
                                " without a category option combo"
                            }
                        ),
                    )
                    .at(f.at(row, col))
                    .value(de)
                    .hint("keep one row per data element and category option combo"),
                );
                return;
            }
            first.insert(dup, row.number());
            let activity = b.activity(&activity);
            let i = m.rules.len();
            m.by_data_element.entry(de.clone()).or_default().push(i);
            m.by_key
                .entry(normalise(&de))
                .and_modify(|s| {
                    if s.as_deref() != Some(de.as_str()) {
                        *s = None;
                    }
                })
                .or_insert_with(|| Some(de.clone()));
            m.rules.push(Rule {
                data_element: de,
                coc,
                activity,
                location: f.at_row(row),
                matched: 0,
            });
        },
    );
    b.dhis2_mapping = Some(m);
}

// ---------------------------------------------------------------------------------------------
// The export table

/// The output columns `dhis2_export` may send, with their French names.
const INDICATORS: &[(&str, &[&str])] = &[
    (
        "required_staff",
        &[
            "required",
            "personnel_requis",
            "effectif_requis",
            "besoin",
            "besoins",
            "requis",
        ],
    ),
    (
        "current_staff",
        &[
            "current",
            "effectif_actuel",
            "personnel_actuel",
            "personnel_en_poste",
            "actuel",
        ],
    ),
    ("difference", &["ecart", "gap"]),
    ("wisn_ratio", &["ratio", "ratio_wisn"]),
    (
        "workload_pressure_pct",
        &[
            "workload_pressure",
            "pression",
            "pression_de_travail",
            "pression_de_la_charge_de_travail",
        ],
    ),
    (
        "required_rounded",
        &[
            "requis_arrondi",
            "besoin_arrondi",
            "personnel_requis_arrondi",
            "effectif_requis_arrondi",
        ],
    ),
];

fn indicator(text: &str) -> Option<&'static str> {
    let n = normalise(text);
    INDICATORS
        .iter()
        .find(|(name, aliases)| *name == n || aliases.contains(&n.as_str()))
        .map(|(name, _)| *name)
}

/// Reads the `dhis2_export` table (after the standards: its cadres are the standards' cadres).
pub fn read_export(source: &mut dyn RowSource, b: &mut Builder, diag: &mut Diagnostics) {
    let mut rules: Vec<Dhis2ExportRule> = Vec::new();
    let mut targets: HashMap<(String, String), (usize, String)> = HashMap::new();
    let mut with_standards = vec![false; b.study.cadres.len()];
    for s in &b.study.standards {
        with_standards[s.cadre] = true;
    }
    read_table(
        source,
        &DHIS2_EXPORT,
        diag,
        |h, f, d| {
            require_columns(
                h,
                f,
                &DHIS2_EXPORT,
                &["indicator", "cadre", "data_element"],
                d,
            )
        },
        |f, row, d| {
            let ind_text = f.text(row, "indicator", d);
            let cadre_text = f.text(row, "cadre", d);
            let de = f.text(row, "data_element", d);
            let coc = f.text(row, "category_option_combo", d);
            let (Some(ind_text), Some(cadre_text), Some(de)) = (ind_text, cadre_text, de) else {
                let missing = ["indicator", "cadre", "data_element"]
                    .into_iter()
                    .find(|c| f.text(row, c, &mut Diagnostics::default()).is_none())
                    .unwrap_or("indicator");
                let col = f.header.get(missing).unwrap_or(0);
                d.error(
                    Problem::error(
                        "blank_cell",
                        "is blank: every dhis2_export row needs an indicator, a cadre and a data element",
                    )
                    .at(f.at(row, col))
                    .hint(format!("fill in the {missing} or delete the row")),
                );
                return;
            };
            let Some(ind) = indicator(&ind_text) else {
                let col = f.header.get("indicator").unwrap_or(0);
                d.error(
                    Problem::error("unknown_indicator", "is not a result wisn can send to DHIS2")
                        .at(f.at(row, col))
                        .value(ind_text)
                        .hint("write one of required_staff, current_staff, difference, wisn_ratio, workload_pressure_pct, required_rounded"),
                );
                return;
            };
            let cadre = b.find_cadre(&cadre_text).filter(|&c| with_standards[c]);
            let Some(cadre) = cadre else {
                let col = f.header.get("cadre").unwrap_or(0);
                let keys: Vec<&str> = b
                    .study
                    .cadres
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| with_standards[*i])
                    .map(|(_, c)| c.name.as_str())
                    .collect();
                let hint = match closest(
                    &normalise(&cadre_text),
                    keys.iter()
                        .copied()
                        .map(normalise)
                        .collect::<Vec<_>>()
                        .iter()
                        .map(String::as_str),
                ) {
                    Some(k) => format!(
                        "did you mean \"{}\"? write the cadre as in the standards table",
                        keys.iter()
                            .find(|c| normalise(c) == k)
                            .copied()
                            .unwrap_or(k)
                    ),
                    None => {
                        "write a cadre of the standards table (or an alias of cadre_aliases)".into()
                    }
                };
                d.warn(
                    Problem::warning(
                        "export_cadre_unknown",
                        "is not a cadre with standards: nothing is sent to DHIS2 for this row",
                    )
                    .at(f.at(row, col))
                    .value(cadre_text)
                    .hint(hint),
                );
                return;
            };
            let target = (de.clone(), coc.clone().unwrap_or_default());
            if let Some((first, what)) = targets.get(&target) {
                let col = f.header.get("data_element").unwrap_or(0);
                d.error(
                    Problem::error(
                        "duplicate_export",
                        format!("already receives {what} (row {first}): DHIS2 would keep only one of the two values"),
                    )
                    .at(f.at(row, col))
                    .value(de)
                    .hint("give each indicator and cadre its own data element (or category option combo)"),
                );
                return;
            }
            targets.insert(
                target,
                (
                    row.number(),
                    format!("{ind} of {}", b.study.cadres[cadre].name),
                ),
            );
            rules.push(Dhis2ExportRule {
                indicator: ind,
                cadre,
                data_element: de,
                category_option_combo: coc,
            });
        },
    );
    b.study.dhis2_export = Some(rules);
}

// ---------------------------------------------------------------------------------------------
// Aggregation

/// A value as the export holds it.
#[derive(Debug, Clone, Copy)]
pub enum Num<'a> {
    Blank,
    Text(&'a str),
    Number(f64),
    /// Something that is not a number (a boolean, a spreadsheet error).
    Other(&'a str),
}

/// One data value of an export. `data_element` and `orgunit` are candidates: the first is the
/// identifier; the others (names, codes of analytics exports) are tried when it matches nothing.
pub struct RawValue<'a> {
    pub data_element: &'a [&'a str],
    pub coc: &'a str,
    pub orgunit: &'a [&'a str],
    pub period: &'a str,
    pub value: Num<'a>,
    pub deleted: bool,
}

/// Which field of a value a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    DataElement,
    Period,
    OrgUnit,
    Value,
}

/// FNV-1a: a fast hasher for the short UIDs looked up once per value (the standard hasher costs
/// more than the rest of the duplicate check). The keys are the data elements the mapping names
/// and their combos (values of other data elements never get here): a few hundred.
#[derive(Default, Clone, Copy)]
struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Fnv = std::hash::BuildHasherDefault<FnvHasher>;

/// How a data element resolved, cached per spelling met.
#[derive(Debug, Default)]
struct DataElementEntry {
    /// The mapping rows, `None` when the data element is not mapped.
    rules: Option<Vec<usize>>,
    /// A single blank-combo row takes every value: no combo lookup needed.
    only: Option<usize>,
    /// For an analytics operand `de.coc`: the combo part.
    operand_coc: Option<String>,
    /// Combo → row (`None`: the combo is not mapped).
    by_coc: HashMap<String, Option<usize>>,
    unmapped: u64,
    unmapped_coc: BTreeMap<String, u64>,
}

/// Aggregates the values of one export into the builder's workload.
pub struct Aggregator {
    mapping: Mapping,
    year: Option<i32>,
    style: DecimalStyle,
    data_elements: HashMap<String, DataElementEntry>,
    facilities: HashMap<String, usize>,
    last_facility: Option<(String, usize)>,
    by_orgunit: HashMap<String, usize>,
    periods: HashMap<String, Option<PeriodInfo>>,
    month_sets: HashMap<usize, Vec<u32>>,
    any_period: bool,
    all_monthly: bool,
    years: BTreeMap<i32, u64>,
    outside_year: BTreeMap<i32, u64>,
    deleted: u64,
    blank: u64,
    counted: u64,
    unmatched_orgunits: BTreeMap<String, u64>,
    /// Values met, to refuse the same value twice (study-format §4).
    seen: super::workload::KeySet,
    /// (data element, category option combo) as met → a small number, for `seen`.
    /// data element → combo → number; looked up by `&str`, so a value met before allocates
    /// nothing.
    items: HashMap<String, HashMap<String, usize, Fnv>, Fnv>,
    item_count: usize,
}

impl Aggregator {
    pub fn new(
        b: &mut Builder,
        mapping: Mapping,
        options: &ReadOptions,
        style: DecimalStyle,
    ) -> Self {
        let by_orgunit = b
            .study
            .facilities
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.orgunit.clone().map(|o| (o, i)))
            .collect();
        Aggregator {
            mapping,
            year: options.year,
            style,
            data_elements: HashMap::new(),
            facilities: HashMap::new(),
            last_facility: None,
            by_orgunit,
            periods: HashMap::new(),
            month_sets: HashMap::new(),
            any_period: false,
            all_monthly: true,
            years: BTreeMap::new(),
            outside_year: BTreeMap::new(),
            deleted: 0,
            blank: 0,
            counted: 0,
            unmatched_orgunits: BTreeMap::new(),
            seen: Default::default(),
            items: HashMap::default(),
            item_count: 0,
        }
    }

    /// The number of a (data element, combo) pair as written in the export.
    fn item(&mut self, de: &str, coc: &str) -> usize {
        if let Some(&i) = self.items.get(de).and_then(|c| c.get(coc)) {
            return i;
        }
        let i = self.item_count;
        self.item_count += 1;
        self.items
            .entry(de.to_string())
            .or_default()
            .insert(coc.to_string(), i);
        i
    }

    fn resolve_data_element(mapping: &Mapping, candidates: &[&str]) -> DataElementEntry {
        let key = candidates.first().copied().unwrap_or("");
        let mut entry = DataElementEntry::default();
        for &c in candidates {
            if let Some(r) = mapping.rules_of(c) {
                entry.rules = Some(r.clone());
                break;
            }
        }
        if entry.rules.is_none() {
            // An analytics operand `dataElement.categoryOptionCombo`.
            if let Some((de, coc)) = key.split_once('.') {
                if let Some(r) = mapping.rules_of(de) {
                    entry.rules = Some(r.clone());
                    entry.operand_coc = Some(coc.to_string());
                }
            }
        }
        if let Some(rules) = &entry.rules {
            if rules.len() == 1
                && mapping.rules[rules[0]].coc.is_none()
                && entry.operand_coc.is_none()
            {
                entry.only = Some(rules[0]);
            }
        }
        entry
    }

    fn rule_in(mapping: &mut Mapping, entry: &mut DataElementEntry, coc: &str) -> Option<usize> {
        let found = match (entry.only, &entry.rules) {
            (Some(r), _) => Some(r),
            (None, None) => {
                entry.unmapped += 1;
                return None;
            }
            (None, Some(rules)) => {
                let coc = entry.operand_coc.as_deref().unwrap_or(coc);
                let found = match entry.by_coc.get(coc) {
                    Some(r) => *r,
                    None => {
                        let r = mapping.rule_for(rules, coc);
                        entry.by_coc.insert(coc.to_string(), r);
                        r
                    }
                };
                if found.is_none() {
                    *entry.unmapped_coc.entry(coc.to_string()).or_default() += 1;
                }
                found
            }
        };
        if let Some(r) = found {
            mapping.rules[r].matched += 1;
        }
        found
    }

    /// The mapping row of a value, counting the values nothing maps.
    fn rule(&mut self, candidates: &[&str], coc: &str) -> Option<usize> {
        let key = candidates.first().copied().unwrap_or("");
        if let Some(entry) = self.data_elements.get_mut(key) {
            return Self::rule_in(&mut self.mapping, entry, coc);
        }
        let mut entry = Self::resolve_data_element(&self.mapping, candidates);
        let r = Self::rule_in(&mut self.mapping, &mut entry, coc);
        self.data_elements.insert(key.to_string(), entry);
        r
    }

    fn period(&mut self, text: &str) -> Option<PeriodInfo> {
        if let Some(p) = self.periods.get(text) {
            return *p;
        }
        let p = parse_period(text);
        self.periods.insert(text.to_string(), p);
        p
    }

    fn facility(&mut self, b: &mut Builder, candidates: &[&str]) -> usize {
        let key = candidates.first().copied().unwrap_or("");
        if let Some((last, i)) = &self.last_facility {
            if last == key {
                return *i;
            }
        }
        let i = match self.facilities.get(key) {
            Some(&i) => i,
            None => {
                let i = self.resolve_facility(b, candidates);
                self.facilities.insert(key.to_string(), i);
                i
            }
        };
        self.last_facility = Some((key.to_string(), i));
        i
    }

    fn resolve_facility(&mut self, b: &mut Builder, candidates: &[&str]) -> usize {
        // With showHierarchy, analytics write the org unit as `/Mali/Sikasso/.../Name`: its
        // last part is tried too.
        let mut tries: Vec<&str> = Vec::with_capacity(candidates.len() * 2);
        for c in candidates.iter().filter(|c| !c.is_empty()) {
            tries.push(c);
            if let Some((_, last)) = c.trim_end_matches('/').rsplit_once('/') {
                tries.push(last.trim());
            }
        }
        for c in &tries {
            if let Some(&i) = self.by_orgunit.get(*c) {
                return i;
            }
            if let Some(i) = b.find_facility(c) {
                return i;
            }
        }
        for c in &tries {
            if let Some(i) = b.facility_from_orgunits(c, "workload") {
                if let Some(o) = b.study.facilities[i].orgunit.clone() {
                    self.by_orgunit.insert(o, i);
                }
                return i;
            }
        }
        // A facility of unknown type, district and region.
        let primary = candidates.first().copied().unwrap_or("");
        let id = match primary.trim_end_matches('/').rsplit_once('/') {
            Some((_, last)) => last.trim(),
            None => primary,
        };
        let was_unlisted = b.unlisted.contains_key(id);
        let before = b.study.facilities.len();
        let i = b.facility_for(id, "workload");
        if b.study.facilities.len() > before && b.study.has_facilities_table {
            // Reported in the DHIS2 warning, with a hint about `orgunit`.
            if !was_unlisted {
                b.unlisted.remove(id);
            }
            self.unmatched_orgunits.insert(primary.to_string(), 0);
        }
        i
    }

    /// Adds one value. `Err` carries a problem (without its place) and the field it is about.
    pub fn value(&mut self, b: &mut Builder, v: &RawValue) -> Result<(), (Field, Problem)> {
        if v.deleted {
            self.deleted += 1;
            return Ok(());
        }
        let Some(rule) = self.rule(v.data_element, v.coc) else {
            return Ok(());
        };
        if v.period.is_empty() {
            return Err((
                Field::Period,
                Problem::error("blank_cell", "is blank: every DHIS2 value needs its period")
                    .hint("export the data again from DHIS2, or fill in the period (202301, 2023Q1, 2023)"),
            ));
        }
        let Some(period) = self.period(v.period) else {
            return Err((
                Field::Period,
                Problem::error("bad_period", "is not a DHIS2 period")
                    .value(v.period)
                    .hint("DHIS2 periods are written 2023 (year), 202301 (month), 2023Q1 (quarter), 2023W5 (week)"),
            ));
        };
        if let Some(y) = self.year {
            if period.start_year != y {
                *self.outside_year.entry(period.start_year).or_default() += 1;
                return Ok(());
            }
        }
        let volume = match v.value {
            Num::Blank => {
                self.blank += 1;
                return Ok(());
            }
            Num::Number(x) => x,
            Num::Text(t) => match parse_number(t, self.style) {
                Ok(Some(x)) => x,
                Ok(None) => {
                    self.blank += 1;
                    return Ok(());
                }
                Err(p) => {
                    return Err((
                        Field::Value,
                        Problem::error("bad_number", p.what().to_string())
                            .value(t)
                            .hint("a mapped data element must hold numbers: check the data element of this row in dhis2_mapping"),
                    ))
                }
            },
            Num::Other(t) => {
                return Err((
                    Field::Value,
                    Problem::error("bad_number", "is not a number")
                        .value(t)
                        .hint("a mapped data element must hold numbers: check the data element of this row in dhis2_mapping"),
                ))
            }
        };
        if !volume.is_finite() {
            return Err((
                Field::Value,
                Problem::error("bad_number", "is not a finite number")
                    .value(full_precision(volume))
                    .hint("correct the value in DHIS2"),
            ));
        }
        if volume < 0.0 {
            return Err((
                Field::Value,
                Problem::error("negative", "is a negative volume")
                    .value(full_precision(volume))
                    .hint("volumes count activities done: correct the value in DHIS2"),
            ));
        }
        if !v.orgunit.first().is_some_and(|o| !o.is_empty()) {
            return Err((
                Field::OrgUnit,
                Problem::error(
                    "blank_cell",
                    "is blank: every DHIS2 value needs its org unit",
                )
                .hint("export the data again from DHIS2"),
            ));
        }
        let facility = self.facility(b, v.orgunit);
        if let Some(n) = self.unmatched_orgunits.get_mut(v.orgunit[0]) {
            *n += 1;
        }
        let item = self.item(v.data_element.first().copied().unwrap_or(""), v.coc);
        let month = period.month.map(|c| ((c / 12) as i32, c % 12 + 1));
        if self.seen.repeated(facility, item, month, || v.period) {
            return Err((
                Field::Value,
                Problem::error(
                    "dhis2_duplicate",
                    format!(
                        "repeats a value already given earlier in the export (data element {}, period {}, org unit {}, category option combo {}): a DHIS2 export never holds the same value twice",
                        v.data_element.first().copied().unwrap_or(""),
                        v.period,
                        v.orgunit.first().copied().unwrap_or(""),
                        if v.coc.is_empty() { "(blank)" } else { v.coc }
                    ),
                )
                .value(full_precision(volume))
                .hint("the file was probably joined from two exports that overlap: export the period once from DHIS2, or remove the repeated lines"),
            ));
        }
        let activity = self.mapping.rules[rule].activity;
        super::workload::add(b, facility, activity, volume);
        super::workload::add_month(b, facility, activity, period.month, volume);
        b.study.workload.rows += 1;
        self.counted += 1;
        self.any_period = true;
        *self.years.entry(period.start_year).or_default() += 1;
        match period.month {
            Some(m) => {
                let set = self.month_sets.entry(facility).or_default();
                if !set.contains(&m) {
                    set.push(m);
                }
            }
            None => self.all_monthly = false,
        }
        Ok(())
    }

    /// Months, completeness and the warnings of the read; gives the mapping back to the builder.
    pub fn finish(self, b: &mut Builder, at: &Location, diag: &mut Diagnostics) {
        let workload = &mut b.study.workload;
        workload.years.extend(self.years.keys().copied());
        workload.monthly = self.any_period && self.all_monthly;
        if self.any_period && !self.all_monthly {
            diag.warn(Problem::warning(
                "periods_not_monthly",
                "workload periods are not all months: completeness is not computed",
            ));
        }
        for (f, set) in &self.month_sets {
            workload.months[*f] = set.len() as u32;
        }
        // Data elements that the mapping does not name.
        let mut unmapped: Vec<(&str, u64)> = self
            .data_elements
            .iter()
            .filter(|(_, e)| e.unmapped > 0)
            .map(|(de, e)| (de.as_str(), e.unmapped))
            .collect();
        unmapped.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        if !unmapped.is_empty() {
            let total: u64 = unmapped.iter().map(|(_, n)| n).sum();
            diag.warn(
                Problem::warning(
                    "dhis2_unmapped",
                    format!(
                        "{} of {} that dhis2_mapping does not name were ignored: {}",
                        plural(total, "value"),
                        plural(unmapped.len() as u64, "data element"),
                        list(unmapped.iter().map(|(de, n)| format!("{de} ({n})")), 12)
                    ),
                )
                .at(at.clone())
                .hint("add a dhis2_mapping row for each data element that feeds an activity; the others are rightly ignored"),
            );
        }
        let mut combos: Vec<String> = Vec::new();
        let mut combo_values = 0;
        for (de, e) in &self.data_elements {
            for (coc, n) in &e.unmapped_coc {
                combos.push(format!(
                    "{de} × {} ({n})",
                    if coc.is_empty() { "(blank)" } else { coc }
                ));
                combo_values += n;
            }
        }
        combos.sort();
        if !combos.is_empty() {
            diag.warn(
                Problem::warning(
                    "dhis2_unmapped_combo",
                    format!(
                        "{} of mapped data elements were ignored because dhis2_mapping names other category option combos: {}",
                        plural(combo_values, "value"),
                        list(combos.into_iter(), 12)
                    ),
                )
                .at(at.clone())
                .hint("add a row for those combos, or a row with a blank category_option_combo to take every combo"),
            );
        }
        if !self.unmatched_orgunits.is_empty() {
            let n = self.unmatched_orgunits.len();
            diag.warn(
                Problem::warning(
                    "dhis2_orgunit_unmatched",
                    format!(
                        "{} match no facility (neither a facilities.orgunit nor a facility_id): {}; they are computed as facilities of unknown type, district and region",
                        plural(n as u64, "org unit"),
                        list(self.unmatched_orgunits.iter().map(|(o, v)| format!("{o} ({v} values)")), 20)
                    ),
                )
                .at(at.clone())
                .hint("add an orgunit column to the facilities table with each facility's DHIS2 UID, or give --orgunits with DHIS2's org-unit export"),
            );
        }
        if !self.outside_year.is_empty() {
            let total: u64 = self.outside_year.values().sum();
            diag.note(
                Problem::warning(
                    "dhis2_outside_year",
                    format!(
                        "{} of periods outside {} were left out ({})",
                        plural(total, "mapped value"),
                        self.year.unwrap_or_default(),
                        list(
                            self.outside_year.iter().map(|(y, n)| format!("{y}: {n}")),
                            10
                        )
                    ),
                )
                .at(at.clone()),
            );
        }
        if let Some(y) = self.year {
            if self.counted == 0 {
                let held = if self.outside_year.is_empty() {
                    String::new()
                } else {
                    format!(
                        ": its values are of {}",
                        list(self.outside_year.keys().map(|y| y.to_string()), 10)
                    )
                };
                // Computing on no workload would call every facility "excess".
                diag.error(
                    Problem::error(
                        "dhis2_year_empty",
                        format!("holds no mapped value of --year {y}{held}"),
                    )
                    .at(at.clone())
                    .hint(
                        "give --year with a year the export holds, or export that year from DHIS2",
                    ),
                );
            }
        } else if self.years.len() > 1 {
            diag.warn(
                Problem::warning(
                    "dhis2_several_years",
                    format!(
                        "holds values of several years ({}): their volumes are summed",
                        list(self.years.keys().map(|y| y.to_string()), 10)
                    ),
                )
                .at(at.clone())
                .hint("give --year 2023 to keep one year"),
            );
        }
        if self.deleted > 0 {
            diag.note(
                Problem::warning(
                    "dhis2_deleted",
                    format!(
                        "{} marked deleted {} skipped",
                        plural(self.deleted, "value"),
                        if self.deleted == 1 { "was" } else { "were" }
                    ),
                )
                .at(at.clone()),
            );
        }
        if self.blank > 0 {
            diag.note(
                Problem::warning(
                    "dhis2_blank_values",
                    format!(
                        "{} of mapped data elements {} blank (not reported)",
                        plural(self.blank, "value"),
                        if self.blank == 1 { "is" } else { "are" }
                    ),
                )
                .at(at.clone()),
            );
        }
        // Mapping rows that no value went through.
        let unused: Vec<&Rule> = self
            .mapping
            .rules
            .iter()
            .filter(|r| r.matched == 0)
            .collect();
        if !unused.is_empty() && self.counted > 0 {
            diag.warn(
                Problem::warning(
                    "dhis2_mapping_unused",
                    format!(
                        "{} matched no value of the export: {}",
                        plural(unused.len() as u64, "dhis2_mapping row"),
                        list(
                            unused.iter().map(|r| match &r.coc {
                                Some(c) => format!("{} × {c} (row {})", r.data_element, r.location.row.unwrap_or(0)),
                                None => format!("{} (row {})", r.data_element, r.location.row.unwrap_or(0)),
                            }),
                            12
                        )
                    ),
                )
                .at(self.mapping.location.clone())
                .hint("check the UID (or code, or name) against the export; the export may use another id scheme"),
            );
        }
        let mut mapping = self.mapping;
        mapping.used = true;
        b.dhis2_mapping = Some(mapping);
    }
}

fn plural(n: u64, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn list(items: impl Iterator<Item = String>, max: usize) -> String {
    let all: Vec<String> = items.collect();
    let more = all.len().saturating_sub(max);
    let mut text = all.into_iter().take(max).collect::<Vec<_>>().join(", ");
    if more > 0 {
        text.push_str(&format!(" and {more} more"));
    }
    text
}

// ---------------------------------------------------------------------------------------------
// Reading

/// Reads the workload table when it is a DHIS2 export and returns true; returns false (having
/// read nothing) when it is a tidy workload table.
pub fn read_workload(
    table: &TableRef,
    options: &ReadOptions,
    b: &mut Builder,
    diag: &mut Diagnostics,
) -> bool {
    match table {
        TableRef::Json { path, display } => {
            json::read_json(path, display, options, b, diag);
            true
        }
        TableRef::Text { path, display } => {
            if looks_like_json(path, display) {
                json::read_json(path, display, options, b, diag);
                return true;
            }
            read_csv_if_dhis2(table, options, b, diag)
        }
        TableRef::Sheet { .. } => read_csv_if_dhis2(table, options, b, diag),
    }
}

/// True when a text table file (maybe compressed) starts with `{` or `[`.
fn looks_like_json(path: &Path, display: &str) -> bool {
    let Ok(stream) = open_stream(path, display) else {
        return false;
    };
    let mut head = Vec::with_capacity(1024);
    if stream.take(1024).read_to_end(&mut head).is_err() {
        return false;
    }
    let text = head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(&head);
    matches!(
        text.iter().find(|c| !c.is_ascii_whitespace()),
        Some(b'{') | Some(b'[')
    )
}

/// The header cells of the first non-blank row of a table.
fn first_row(source: &mut dyn RowSource) -> Option<Vec<String>> {
    let mut header = None;
    let _ = source.for_each_row(&mut |row: &dyn Row| {
        if row.is_blank() {
            return Flow::Continue;
        }
        header = Some(
            (0..row.len())
                .map(|i| row.cell(i).to_text().trim().to_string())
                .collect(),
        );
        Flow::Stop
    });
    source.take_notes();
    header
}

fn mapping_needed(
    b: &mut Builder,
    what: &str,
    at: Location,
    diag: &mut Diagnostics,
) -> Option<Mapping> {
    let m = b.dhis2_mapping.take();
    if m.is_none() {
        diag.error(
            Problem::error(
                "no_dhis2_mapping",
                format!("is {what}: it needs a dhis2_mapping table saying which data element feeds which activity"),
            )
            .at(at)
            .hint("add dhis2_mapping.csv with the columns data_element, category_option_combo (optional), activity (see docs/dhis2.md)"),
        );
    }
    m
}

fn read_csv_if_dhis2(
    table: &TableRef,
    options: &ReadOptions,
    b: &mut Builder,
    diag: &mut Diagnostics,
) -> bool {
    let header = {
        let mut peek = open_source(table, options.csv);
        first_row(peek.as_mut())
    };
    let Some(shape) = header.as_deref().and_then(detect) else {
        return false;
    };
    let mut source = open_source(table, options.csv);
    let at = source.location();
    let Some(mapping) = mapping_needed(b, shape.describe(), at.clone(), diag) else {
        return true;
    };
    let mut agg = Aggregator::new(b, mapping, options, source.decimal_style());
    read_csv(source.as_mut(), &shape, &mut agg, b, diag);
    agg.finish(b, &at, diag);
    true
}

fn cell_text<'r>(row: &'r dyn Row, col: usize) -> Cow<'r, str> {
    match row.cell(col) {
        Cell::Text(Cow::Borrowed(t)) => Cow::Borrowed(t.trim()),
        Cell::Empty => Cow::Borrowed(""),
        other => Cow::Owned(other.to_text().trim().to_string()),
    }
}

/// Streams the rows of a DHIS2 CSV export (the first non-blank row is its header).
fn read_csv(
    source: &mut dyn RowSource,
    shape: &CsvShape,
    agg: &mut Aggregator,
    b: &mut Builder,
    diag: &mut Diagnostics,
) {
    let base = source.location();
    let mut header: Option<Vec<String>> = None;
    let result = source.for_each_row(&mut |row: &dyn Row| {
        if row.is_blank() {
            return Flow::Continue;
        }
        let Some(names) = &header else {
            header = Some(
                (0..row.len())
                    .map(|i| row.cell(i).to_text().trim().to_string())
                    .collect(),
            );
            return Flow::Continue;
        };
        let (de_cols, pe_col, ou_cols, coc_col, value_col, deleted) = match shape {
            CsvShape::DataValueSets { deleted } => (
                &[0usize][..],
                1,
                &[2usize][..],
                Some(3),
                5,
                deleted.is_some_and(|c| {
                    matches!(row.cell(c), Cell::Bool(true))
                        || cell_text(row, c).eq_ignore_ascii_case("true")
                }),
            ),
            CsvShape::Analytics {
                data,
                period,
                orgunit,
                coc,
                value,
            } => (&data[..], *period, &orgunit[..], *coc, *value, false),
        };
        let nde = de_cols.len().min(4);
        let nou = ou_cols.len().min(4);
        let des: [Cow<str>; 4] = std::array::from_fn(|k| {
            if k < nde {
                cell_text(row, de_cols[k])
            } else {
                Cow::Borrowed("")
            }
        });
        let ous: [Cow<str>; 4] = std::array::from_fn(|k| {
            if k < nou {
                cell_text(row, ou_cols[k])
            } else {
                Cow::Borrowed("")
            }
        });
        let de_refs: [&str; 4] = std::array::from_fn(|k| des[k].as_ref());
        let ou_refs: [&str; 4] = std::array::from_fn(|k| ous[k].as_ref());
        let coc = coc_col.map(|c| cell_text(row, c)).unwrap_or_default();
        let period = cell_text(row, pe_col);
        let value_cell = row.cell(value_col);
        let value_text;
        let value = match &value_cell {
            Cell::Empty => Num::Blank,
            Cell::Number(x) => Num::Number(*x),
            Cell::Text(t) => Num::Text(t.as_ref()),
            other => {
                value_text = other.to_text().into_owned();
                Num::Other(&value_text)
            }
        };
        let raw = RawValue {
            data_element: &de_refs[..nde],
            coc: &coc,
            orgunit: &ou_refs[..nou],
            period: &period,
            value,
            deleted,
        };
        if let Err((field, problem)) = agg.value(b, &raw) {
            let col = match field {
                Field::DataElement => de_cols[0],
                Field::Period => pe_col,
                Field::OrgUnit => ou_cols[0],
                Field::Value => value_col,
            };
            let mut at = base.clone();
            at.row = Some(row.number());
            at.column = names.get(col).cloned();
            at.cell = row.cell_name(col);
            diag.error(problem.at(at));
        }
        Flow::Continue
    });
    for note in source.take_notes() {
        diag.push(note);
    }
    if let Err(problem) = result {
        diag.error(problem);
    }
}

// ---------------------------------------------------------------------------------------------
// After everything is read

/// Checks that need every table: an org unit given to two facilities (an error), and a note
/// about facilities that would be sent to DHIS2 without an org unit.
pub fn check(b: &Builder, diag: &mut Diagnostics) {
    // One DHIS2 org unit is one facility: two facilities sharing one would split its values.
    let mut owners: HashMap<&str, &str> = HashMap::new();
    for f in b.study.facilities.iter().filter(|f| f.listed) {
        if let Some(o) = f.orgunit.as_deref() {
            if let Some(first) = owners.insert(o, &f.id) {
                diag.error(
                    Problem::error(
                        "duplicate_orgunit",
                        format!("orgunit {o} is given to two facilities, {first} and {}", f.id),
                    )
                    .hint("each facility has its own DHIS2 org unit: correct the orgunit column of the facilities table"),
                );
            }
        }
    }
    if let Some(m) = b.dhis2_mapping.as_ref().filter(|m| !m.used) {
        diag.note(
            Problem::warning(
                "dhis2_mapping_not_used",
                "is not used: the workload table is not a DHIS2 export",
            )
            .at(m.location.clone()),
        );
    }
    let Some(rules) = &b.study.dhis2_export else {
        return;
    };
    let cadres: Vec<usize> = rules.iter().map(|r| r.cadre).collect();
    if cadres.is_empty() {
        return;
    }
    let mut staffed = vec![false; b.study.facilities.len()];
    for &(f, c) in b.study.staff.keys() {
        if cadres.contains(&c) {
            staffed[f] = true;
        }
    }
    let without: Vec<String> = b
        .study
        .facilities
        .iter()
        .enumerate()
        .filter(|(i, f)| {
            f.orgunit.is_none() && (staffed[*i] || !b.study.workload.volumes[*i].is_empty())
        })
        .map(|(_, f)| f.id.clone())
        .collect();
    if !without.is_empty() {
        diag.note(Problem::warning(
            "dhis2_export_no_orgunit",
            format!(
                "{} facilities have no orgunit: --format dhis2-csv|dhis2-json writes their facility_id as the org unit ({})",
                without.len(),
                list(without.into_iter(), 10)
            ),
        ).hint("add an orgunit column (DHIS2 UID) to the facilities table, or import with orgUnitIdScheme=CODE if the facility_id is the org unit's code"));
    }
}

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
