//! The mapping table (study-format §6).

use super::*;

/// One row of `dhis2_mapping`.
#[derive(Debug, Clone)]
pub(super) struct Rule {
    pub(super) data_element: String,
    pub(super) coc: Option<String>,
    pub(super) activity: usize,
    pub(super) location: Location,
    /// Values that matched this row (before the --year filter).
    pub(super) matched: u64,
}

/// The `dhis2_mapping` table: data element (UID, code or name) and optional category option
/// combo → activity. A blank combo takes every combo of the data element that no row names.
#[derive(Debug, Default)]
pub struct Mapping {
    pub(super) rules: Vec<Rule>,
    /// Data element as written → its rows.
    pub(super) by_data_element: HashMap<String, Vec<usize>>,
    /// Normalised data element → its rows (`None` when two spellings share a key).
    pub(super) by_key: HashMap<String, Option<String>>,
    pub location: Location,
    /// Set once a DHIS2 export went through it.
    pub used: bool,
}

impl Mapping {
    /// The rows of a data element: same text, else (if unique) the same up to case, accents and
    /// separators (for codes and names).
    pub(super) fn rules_of(&self, data_element: &str) -> Option<&Vec<usize>> {
        if let Some(r) = self.by_data_element.get(data_element) {
            return Some(r);
        }
        let spelled = self.by_key.get(&normalise(data_element))?.as_ref()?;
        self.by_data_element.get(spelled)
    }

    /// The row of a data element's values in a category option combo: the row naming the combo,
    /// else the data element's blank-combo row.
    pub(super) fn rule_for(&self, rules: &[usize], coc: &str) -> Option<usize> {
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
                        Problem::error(Code::BlankCell, msg::mapping_blank_data_element())
                            .at(f.at(row, col))
                            .hint(msg::mapping_blank_data_element_hint()),
                    );
                    return;
                }
                (Some(_), None) => {
                    let col = f.header.get("activity").unwrap_or(0);
                    d.error(
                        Problem::error(Code::BlankCell, msg::mapping_blank_activity())
                            .at(f.at(row, col))
                            .hint(msg::mapping_blank_activity_hint()),
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
                        Code::DuplicateMapping,
                        if coc.is_some() {
                            msg::mapped_twice_same_combo(*r)
                        } else {
                            msg::mapped_twice_no_combo(*r)
                        },
                    )
                    .at(f.at(row, col))
                    .value(de)
                    .hint(msg::mapped_twice_hint()),
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
