//! The export table (study-format §6).

use super::*;

/// The output columns `dhis2_export` may send, with their French names.
pub(super) const INDICATORS: &[(&str, &[&str])] = &[
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

pub(super) fn indicator(text: &str) -> Option<&'static str> {
    let n = normalise(text);
    INDICATORS
        .iter()
        .find(|(name, aliases)| *name == n || aliases.contains(&n.as_str()))
        .map(|(name, _)| *name)
}

/// Reads the `dhis2_export` table (after the standards: its cadres are the standards' cadres).
pub fn read_export(source: &mut dyn RowSource, b: &mut Builder, diag: &mut Diagnostics) {
    let mut rules: Vec<Dhis2ExportRule> = Vec::new();
    let mut targets: HashMap<(String, String), (usize, Msg)> = HashMap::new();
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
                    Problem::error(Code::BlankCell, msg::export_blank())
                        .at(f.at(row, col))
                        .hint(crate::messages::study::blank_cell_hint(missing)),
                );
                return;
            };
            let Some(ind) = indicator(&ind_text) else {
                let col = f.header.get("indicator").unwrap_or(0);
                d.error(
                    Problem::error(Code::UnknownIndicator, msg::unknown_indicator())
                        .at(f.at(row, col))
                        .value(ind_text)
                        .hint(msg::unknown_indicator_hint()),
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
                    Some(k) => msg::export_cadre_guess(
                        keys.iter()
                            .find(|c| normalise(c) == k)
                            .copied()
                            .unwrap_or(k),
                    ),
                    None => msg::export_cadre_hint(),
                };
                d.warn(
                    Problem::warning(Code::ExportCadreUnknown, msg::export_cadre_unknown())
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
                    Problem::error(Code::DuplicateExport, msg::duplicate_export(what, *first))
                        .at(f.at(row, col))
                        .value(de)
                        .hint(msg::duplicate_export_hint()),
                );
                return;
            }
            targets.insert(
                target,
                (
                    row.number(),
                    msg::indicator_of(ind, &b.study.cadres[cadre].name),
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
