//! Aggregation (study-format §6).

use super::*;

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
pub(super) struct FnvHasher(u64);

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

pub(super) type Fnv = std::hash::BuildHasherDefault<FnvHasher>;

/// How a data element resolved, cached per spelling met.
#[derive(Debug, Default)]
pub(super) struct DataElementEntry {
    /// The mapping rows, `None` when the data element is not mapped.
    pub(super) rules: Option<Vec<usize>>,
    /// A single blank-combo row takes every value: no combo lookup needed.
    pub(super) only: Option<usize>,
    /// For an analytics operand `de.coc`: the combo part.
    pub(super) operand_coc: Option<String>,
    /// Combo → row (`None`: the combo is not mapped).
    pub(super) by_coc: HashMap<String, Option<usize>>,
    pub(super) unmapped: u64,
    pub(super) unmapped_coc: BTreeMap<String, u64>,
}

/// Aggregates the values of one export into the builder's workload.
pub struct Aggregator {
    pub(super) mapping: Mapping,
    pub(super) year: Option<i32>,
    pub(super) style: DecimalStyle,
    pub(super) data_elements: HashMap<String, DataElementEntry>,
    pub(super) facilities: HashMap<String, usize>,
    pub(super) last_facility: Option<(String, usize)>,
    pub(super) by_orgunit: HashMap<String, usize>,
    pub(super) periods: HashMap<String, Option<PeriodInfo>>,
    pub(super) month_sets: HashMap<usize, Vec<u32>>,
    pub(super) any_period: bool,
    pub(super) all_monthly: bool,
    pub(super) years: BTreeMap<i32, u64>,
    pub(super) outside_year: BTreeMap<i32, u64>,
    pub(super) deleted: u64,
    pub(super) blank: u64,
    pub(super) counted: u64,
    pub(super) unmatched_orgunits: BTreeMap<String, u64>,
    /// Values met, to refuse the same value twice (study-format §4).
    pub(super) seen: crate::study::workload::KeySet,
    /// (data element, category option combo) as met → a small number, for `seen`.
    /// data element → combo → number; looked up by `&str`, so a value met before allocates
    /// nothing.
    pub(super) items: HashMap<String, HashMap<String, usize, Fnv>, Fnv>,
    pub(super) item_count: usize,
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
    pub(super) fn item(&mut self, de: &str, coc: &str) -> usize {
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

    pub(super) fn resolve_data_element(mapping: &Mapping, candidates: &[&str]) -> DataElementEntry {
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

    pub(super) fn rule_in(
        mapping: &mut Mapping,
        entry: &mut DataElementEntry,
        coc: &str,
    ) -> Option<usize> {
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
    pub(super) fn rule(&mut self, candidates: &[&str], coc: &str) -> Option<usize> {
        let key = candidates.first().copied().unwrap_or("");
        if let Some(entry) = self.data_elements.get_mut(key) {
            return Self::rule_in(&mut self.mapping, entry, coc);
        }
        let mut entry = Self::resolve_data_element(&self.mapping, candidates);
        let r = Self::rule_in(&mut self.mapping, &mut entry, coc);
        self.data_elements.insert(key.to_string(), entry);
        r
    }

    pub(super) fn period(&mut self, text: &str) -> Option<PeriodInfo> {
        if let Some(p) = self.periods.get(text) {
            return *p;
        }
        let p = parse_period(text);
        self.periods.insert(text.to_string(), p);
        p
    }

    pub(super) fn facility(&mut self, b: &mut Builder, candidates: &[&str]) -> usize {
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

    pub(super) fn resolve_facility(&mut self, b: &mut Builder, candidates: &[&str]) -> usize {
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
                Problem::error(Code::BlankCell, msg::dhis2_blank_period())
                    .hint(msg::dhis2_blank_period_hint()),
            ));
        }
        let Some(period) = self.period(v.period) else {
            return Err((
                Field::Period,
                Problem::error(Code::BadPeriod, msg::dhis2_bad_period())
                    .value(v.period)
                    .hint(msg::dhis2_bad_period_hint()),
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
                        Problem::error(
                            Code::BadNumber,
                            crate::messages::study::number_problem(&p).0,
                        )
                        .value(t)
                        .hint(msg::dhis2_number_hint()),
                    ))
                }
            },
            Num::Other(t) => {
                return Err((
                    Field::Value,
                    Problem::error(Code::BadNumber, crate::messages::study::not_a_number())
                        .value(t)
                        .hint(msg::dhis2_number_hint()),
                ))
            }
        };
        if !volume.is_finite() {
            return Err((
                Field::Value,
                Problem::error(
                    Code::BadNumber,
                    crate::messages::study::not_a_finite_number(),
                )
                .value(full_precision(volume))
                .hint(msg::dhis2_correct_in_dhis2()),
            ));
        }
        if volume < 0.0 {
            return Err((
                Field::Value,
                Problem::error(Code::Negative, crate::messages::reader::negative_volume())
                    .value(full_precision(volume))
                    .hint(msg::dhis2_negative_hint()),
            ));
        }
        if !v.orgunit.first().is_some_and(|o| !o.is_empty()) {
            return Err((
                Field::OrgUnit,
                Problem::error(Code::BlankCell, msg::dhis2_blank_orgunit())
                    .hint(msg::dhis2_export_again()),
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
                    Code::Dhis2Duplicate,
                    msg::dhis2_duplicate(
                        v.data_element.first().copied().unwrap_or(""),
                        v.period,
                        v.orgunit.first().copied().unwrap_or(""),
                        &if v.coc.is_empty() {
                            msg::blank_combo()
                        } else {
                            verbatim(v.coc)
                        },
                    ),
                )
                .value(full_precision(volume))
                .hint(msg::dhis2_duplicate_hint()),
            ));
        }
        let activity = self.mapping.rules[rule].activity;
        crate::study::workload::add(b, facility, activity, volume);
        crate::study::workload::add_month(b, facility, activity, period.month, volume);
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
                Code::PeriodsNotMonthly,
                msg::dhis2_periods_not_monthly(),
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
                    Code::Dhis2Unmapped,
                    msg::dhis2_unmapped(
                        total,
                        &msg::n_values(total),
                        &msg::n_data_elements(unmapped.len() as u64),
                        &list(
                            unmapped
                                .iter()
                                .map(|(de, n)| verbatim(format!("{de} ({n})"))),
                            12,
                        ),
                    ),
                )
                .at(at.clone())
                .hint(msg::dhis2_unmapped_hint()),
            );
        }
        let mut combos: Vec<Msg> = Vec::new();
        let mut combo_values = 0;
        for (de, e) in &self.data_elements {
            for (coc, n) in &e.unmapped_coc {
                let coc = if coc.is_empty() {
                    msg::blank_combo()
                } else {
                    verbatim(coc.as_str())
                };
                combos.push(coc.map(|c| format!("{de} × {c} ({n})")));
                combo_values += n;
            }
        }
        combos.sort_by(|a, b| a.en().cmp(b.en()));
        if !combos.is_empty() {
            diag.warn(
                Problem::warning(
                    Code::Dhis2UnmappedCombo,
                    msg::dhis2_unmapped_combo(
                        combo_values,
                        &msg::n_values(combo_values),
                        &list(combos.into_iter(), 12),
                    ),
                )
                .at(at.clone())
                .hint(msg::dhis2_unmapped_combo_hint()),
            );
        }
        if !self.unmatched_orgunits.is_empty() {
            let n = self.unmatched_orgunits.len();
            diag.warn(
                Problem::warning(
                    Code::Dhis2OrgunitUnmatched,
                    msg::dhis2_orgunit_unmatched(
                        n as u64,
                        &msg::n_orgunits(n as u64),
                        &list(
                            self.unmatched_orgunits
                                .iter()
                                .map(|(o, v)| msg::n_values_paren(o, *v)),
                            20,
                        ),
                    ),
                )
                .at(at.clone())
                .hint(msg::dhis2_orgunit_unmatched_hint()),
            );
        }
        if !self.outside_year.is_empty() {
            let total: u64 = self.outside_year.values().sum();
            diag.note(
                Problem::warning(
                    Code::Dhis2OutsideYear,
                    msg::dhis2_outside_year(
                        total,
                        &msg::n_mapped_values(total),
                        self.year.unwrap_or_default(),
                        &list(
                            self.outside_year
                                .iter()
                                .map(|(y, n)| verbatim(format!("{y}: {n}"))),
                            10,
                        ),
                    ),
                )
                .at(at.clone()),
            );
        }
        if let Some(y) = self.year {
            if self.counted == 0 {
                let held = if self.outside_year.is_empty() {
                    Msg::default()
                } else {
                    msg::dhis2_values_of(&list(
                        self.outside_year.keys().map(|y| verbatim(y.to_string())),
                        10,
                    ))
                };
                // Computing on no workload would call every facility "excess".
                diag.error(
                    Problem::error(Code::Dhis2YearEmpty, msg::dhis2_year_empty(y, &held))
                        .at(at.clone())
                        .hint(msg::dhis2_year_empty_hint()),
                );
            }
        } else if self.years.len() > 1 {
            diag.warn(
                Problem::warning(
                    Code::Dhis2SeveralYears,
                    msg::dhis2_several_years(&list(
                        self.years.keys().map(|y| verbatim(y.to_string())),
                        10,
                    )),
                )
                .at(at.clone())
                .hint(msg::dhis2_several_years_hint()),
            );
        }
        if self.deleted > 0 {
            diag.note(
                Problem::warning(
                    Code::Dhis2Deleted,
                    msg::dhis2_deleted(self.deleted, &msg::n_values(self.deleted)),
                )
                .at(at.clone()),
            );
        }
        if self.blank > 0 {
            diag.note(
                Problem::warning(
                    Code::Dhis2BlankValues,
                    msg::dhis2_blank_values(self.blank, &msg::n_values(self.blank)),
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
                    Code::Dhis2MappingUnused,
                    msg::dhis2_mapping_unused(
                        unused.len() as u64,
                        &msg::n_mapping_rows(unused.len() as u64),
                        &list(
                            unused.iter().map(|r| match &r.coc {
                                Some(c) => msg::mapping_row_of_combo(
                                    &r.data_element,
                                    c,
                                    r.location.row.unwrap_or(0),
                                ),
                                None => msg::mapping_row_of(
                                    &r.data_element,
                                    r.location.row.unwrap_or(0),
                                ),
                            }),
                            12,
                        ),
                    ),
                )
                .at(self.mapping.location.clone())
                .hint(msg::dhis2_mapping_unused_hint()),
            );
        }
        let mut mapping = self.mapping;
        mapping.used = true;
        b.dhis2_mapping = Some(mapping);
    }
}

/// The first `max` items, joined by commas, then "and N more".
pub(super) fn list(items: impl Iterator<Item = Msg>, max: usize) -> Msg {
    let all: Vec<Msg> = items.collect();
    let more = all.len().saturating_sub(max);
    let shown = crate::messages::study::list(&all[..all.len().min(max)], ", ");
    if more > 0 {
        Msg::new(
            msg::list_and_more(shown.en(), more).en(),
            msg::list_and_more(shown.fr(), more).fr(),
        )
    } else {
        shown
    }
}
