//! Messages of the computation (src/engine.rs, src/explain.rs) and of the method's errors
//! ([`method_error`]: src/method/ stays free of text for people).

use crate::diag::Msg;
use crate::method::MethodError;

crate::catalogue! {
    /// Standards at a type without working time.
    no_working_time(cadre: &str, facility_type: &Msg) {
        en: "cadre \"{cadre}\" has standards at facility type \"{facility_type}\" but no working_time row for that type (and none with a blank type)",
        fr: "la catégorie \"{cadre}\" a des normes pour le type de structure \"{facility_type}\" mais aucune ligne working_time pour ce type (ni sans type)",
    }
    /// The fix of no working time.
    add_working_time() {
        en: "add a working_time row for the cadre with a blank facility_type, or one for this type",
        fr: "ajoutez une ligne working_time pour la catégorie avec un facility_type vide, ou une pour ce type",
    }
    /// The type of standards with a blank type.
    any_type() {
        en: "any", fr: "tous",
    }
    /// A service standard without activity.
    service_without_activity() {
        en: "a service standard has no activity", fr: "une norme de prestation n'a pas d'activité",
    }
    /// A standard whose unit is of another component.
    unit_of_another_component(component: &str) {
        en: "a {component} standard has a unit of another component",
        fr: "une norme {component} a une unité d'une autre composante",
    }
    /// The fix of an inconsistent standard.
    units_by_component() {
        en: "services take min, h, per_hour or per_day; support % or a time per period; additional a time per period",
        fr: "les prestations prennent min, h, per_hour ou per_day ; le soutien % ou un temps par période ; les activités supplémentaires un temps par période",
    }
    /// CAS of 100 % or more.
    cas_over_100(cadre: &str, facility_type: &Msg, error: &Msg) {
        en: "cadre \"{cadre}\" at facility type \"{facility_type}\": {error}",
        fr: "catégorie \"{cadre}\" au type de structure \"{facility_type}\" : {error}",
    }
    /// A row of a table, in a list.
    row_n(row: usize) {
        en: "row {row}", fr: "ligne {row}",
    }
    /// The fix of CAS over 100 %.
    check_support_standards(rows: &Msg) {
        en: "check the support standards ({rows}): their units (% or a time per period) and values",
        fr: "vérifiez les normes de soutien ({rows}) : leurs unités (% ou un temps par période) et leurs valeurs",
    }
    /// Where a non-finite result is.
    at_facility(id: &str) {
        en: "at facility {id}", fr: "à la structure {id}",
    }
    /// Where a non-finite roll-up is.
    in_roll_up(level: &str) {
        en: "in the {level} roll-up", fr: "dans le regroupement {level}",
    }
    /// A result beyond f64.
    result_too_large(cadre: &str, place: &Msg) {
        en: "the result of \"{cadre}\" {place} is beyond what a number can hold",
        fr: "le résultat de \"{cadre}\" {place} dépasse ce qu'un nombre peut contenir",
    }
    /// The fix of a result beyond f64.
    check_counts_and_volumes() {
        en: "check that facility's staff counts and workload volumes: one is far too large",
        fr: "vérifiez les effectifs et les volumes de charge de travail de cette structure : l'un est beaucoup trop grand",
    }
    /// One facility in the list of a standard that makes ratios implausibly low.
    low_ratio_item(id: &str, ratio: f64, share_pct: f64) {
        en: "{id}: ratio {ratio:.2}, {share_pct:.0} % of A", fr: "{id} : ratio {ratio:.2}, {share_pct:.0} % de A",
    }
    /// A standard that makes ratios implausibly low.
    implausible_low(value: &str, unit: &str, below: f64, n: usize, list: &Msg, more: &Msg) {
        en: "this standard ({value} {unit}) makes most of a requirement that gives WISN ratios below {below} at {n} facilities ({list}{more})",
        fr: "cette norme ({value} {unit}) fait l'essentiel d'un besoin qui donne des ratios WISN inférieurs à {below} dans {n} structures ({list}{more})",
        one(n): en: "this standard ({value} {unit}) makes most of a requirement that gives WISN ratios below {below} at {n} facility ({list}{more})",
        fr: "cette norme ({value} {unit}) fait l'essentiel d'un besoin qui donne des ratios WISN inférieurs à {below} dans {n} structure ({list}{more})",
    }
    /// The fix of implausibly low ratios.
    check_standard_unit() {
        en: "check the standard and its unit (min or h? a time per unit or units per hour?); if it is right, the shortage is real",
        fr: "vérifiez la norme et son unité (min ou h ? un temps par unité ou des unités par heure ?) ; si elle est juste, la pénurie est réelle",
    }
    /// One facility in the list of implausibly high ratios.
    high_ratio_item(id: &str, ratio: f64) {
        en: "{id}: {ratio:.1}", fr: "{id} : {ratio:.1}",
    }
    /// Implausibly high ratios.
    implausible_high(cadre: &str, above: f64, n: usize, list: &Msg, more: &Msg) {
        en: "cadre \"{cadre}\" has WISN ratios above {above} at {n} facilities ({list}{more}): the staff in post is more than ten times what the workload needs",
        fr: "la catégorie \"{cadre}\" a des ratios WISN supérieurs à {above} dans {n} structures ({list}{more}) : l'effectif en poste dépasse dix fois ce que la charge de travail demande",
        one(n): en: "cadre \"{cadre}\" has WISN ratios above {above} at {n} facility ({list}{more}): the staff in post is more than ten times what the workload needs",
        fr: "la catégorie \"{cadre}\" a des ratios WISN supérieurs à {above} dans {n} structure ({list}{more}) : l'effectif en poste dépasse dix fois ce que la charge de travail demande",
    }
    /// The fix of implausibly high ratios.
    check_cadre_standards() {
        en: "check the cadre's standards and units (a time typed in min instead of h makes the requirement 60 times too small), the staff counts and the workload (a missing month or activity)",
        fr: "vérifiez les normes et unités de la catégorie (un temps saisi en min au lieu de h rend le besoin 60 fois trop petit), les effectifs et la charge de travail (un mois ou une activité manquants)",
    }
    /// A list cut after its first names.
    and_more(n: usize) {
        en: " and {n} more", fr: " et {n} autres",
    }
    /// Facilities with staff and no workload.
    staff_without_workload(n: usize, list: &Msg) {
        en: "{n} facilities have staff but no workload at all (their requirement counts allowances only): {list}",
        fr: "{n} structures ont du personnel mais aucune charge de travail (leur besoin ne compte que les temps alloués) : {list}",
        one(n): en: "{n} facility has staff but no workload at all (its requirement counts allowances only): {list}",
        fr: "{n} structure a du personnel mais aucune charge de travail (son besoin ne compte que les temps alloués) : {list}",
    }
    /// The fix of staff without workload.
    add_their_workload() {
        en: "add their workload, or check that their codes match the workload table",
        fr: "ajoutez leur charge de travail, ou vérifiez que leurs codes sont ceux de la table workload",
    }
    /// A cadre without workload for its services.
    cadre_without_workload(cadre: &str, n: usize, list: &Msg) {
        en: "cadre \"{cadre}\": no workload for any of its service activities at {n} facilities (A = 0): {list}",
        fr: "catégorie \"{cadre}\" : aucune charge de travail pour ses activités de prestation dans {n} structures (A = 0) : {list}",
        one(n): en: "cadre \"{cadre}\": no workload for any of its service activities at {n} facility (A = 0): {list}",
        fr: "catégorie \"{cadre}\" : aucune charge de travail pour ses activités de prestation dans {n} structure (A = 0) : {list}",
    }
    /// MethodError::NoWorkingDays.
    no_working_days(days: f64) {
        en: "working days are {days} (≤ 0): days per week × 52 minus holidays and leave must be positive",
        fr: "les jours de travail sont {days} (≤ 0) : jours par semaine × 52 moins les fériés et les congés doit être positif",
    }
    /// MethodError::NoHoursPerDay.
    no_hours_per_day(hours: f64) {
        en: "hours per day are {hours} (≤ 0)", fr: "les heures par jour sont {hours} (≤ 0)",
    }
    /// MethodError::BadDaysPerWeek.
    bad_days_per_week(days: f64) {
        en: "days per week are {days} (must be above 0 and at most 7)",
        fr: "les jours par semaine sont {days} (doivent être au-dessus de 0 et au plus 7)",
    }
    /// MethodError::StandardNotPositive.
    standard_not_positive(value: f64) {
        en: "a standard of {value} is not usable (standards must be above 0)",
        fr: "une norme de {value} n'est pas utilisable (les normes doivent être au-dessus de 0)",
    }
    /// MethodError::CasAtLeast100.
    cas_at_least_100(pct: f64) {
        en: "the support activities (CAS) add up to {pct:.4} % of working time: they must stay below 100 %",
        fr: "les activités de soutien (CAS) font {pct:.4} % du temps de travail : elles doivent rester sous 100 %",
    }
    /// MethodError::Negative.
    negative(value: f64) {
        en: "a negative value ({value}) is not allowed here", fr: "une valeur négative ({value}) n'est pas permise ici",
    }
    /// The facility type of a facility without one.
    no_type() {
        en: "(none)", fr: "(aucun)",
    }
    /// No result: no standards at the type.
    no_result_no_standards(cadre: &str, facility: &str, facility_type: &Msg) {
        en: "no result for cadre \"{cadre}\" at facility \"{facility}\": the cadre has no standards for facility type \"{facility_type}\" (nor any with a blank type)",
        fr: "aucun résultat pour la catégorie \"{cadre}\" à la structure \"{facility}\" : la catégorie n'a pas de normes pour le type de structure \"{facility_type}\" (ni sans type)",
    }
    /// The fix of no standards.
    add_standards() {
        en: "add standards for this cadre and type, or pick another cadre",
        fr: "ajoutez des normes pour cette catégorie et ce type, ou choisissez une autre catégorie",
    }
    /// No result: no staff and no workload.
    no_result_no_data(cadre: &str, facility: &str) {
        en: "no result for cadre \"{cadre}\" at facility \"{facility}\": there is no staff row for it and no workload for its service activities",
        fr: "aucun résultat pour la catégorie \"{cadre}\" à la structure \"{facility}\" : elle n'a ni ligne d'effectif ni charge de travail pour ses activités de prestation",
    }
    /// The fix of no staff and no workload.
    add_staff_or_workload() {
        en: "add a staff row or the workload of the cadre's activities at this facility",
        fr: "ajoutez une ligne d'effectif ou la charge de travail des activités de la catégorie dans cette structure",
    }
}

/// An error of the method in both languages (its English is the error's own text).
pub fn method_error(e: &MethodError) -> Msg {
    match *e {
        MethodError::NoWorkingDays(v) => no_working_days(v),
        MethodError::NoHoursPerDay(v) => no_hours_per_day(v),
        MethodError::BadDaysPerWeek(v) => bad_days_per_week(v),
        MethodError::StandardNotPositive(v) => standard_not_positive(v),
        MethodError::CasAtLeast100(v) => cas_at_least_100(v),
        MethodError::Negative(v) => negative(v),
    }
}

/// Names joined by `sep`, each made by `item` (a list inside a message, in both languages; a
/// `;` separator takes a space before it in French).
pub fn list<T>(items: impl IntoIterator<Item = T>, sep: &str, item: impl Fn(T) -> Msg) -> Msg {
    let fr_sep = french_sep(sep);
    items
        .into_iter()
        .map(item)
        .reduce(|a, b| {
            Msg::new(
                format!("{}{sep}{}", a.en(), b.en()),
                format!("{}{fr_sep}{}", a.fr(), b.fr()),
            )
        })
        .unwrap_or_default()
}

/// A separator as French writes it: a space before `;` and `:`.
pub fn french_sep(sep: &str) -> String {
    if sep.starts_with([';', ':']) {
        format!(" {sep}")
    } else {
        sep.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_errors_keep_their_english() {
        for e in [
            MethodError::NoWorkingDays(-3.5),
            MethodError::NoHoursPerDay(0.0),
            MethodError::BadDaysPerWeek(8.0),
            MethodError::StandardNotPositive(0.0),
            MethodError::CasAtLeast100(101.23456),
            MethodError::Negative(-1.0),
        ] {
            assert_eq!(method_error(&e).en(), e.to_string());
        }
    }
}
