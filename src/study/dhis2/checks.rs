//! After everything is read (study-format §6).

use super::*;

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
                        Code::DuplicateOrgunit,
                        msg::duplicate_orgunit(o, first, &f.id),
                    )
                    .hint(msg::duplicate_orgunit_hint()),
                );
            }
        }
    }
    if let Some(m) = b.dhis2_mapping.as_ref().filter(|m| !m.used) {
        diag.note(
            Problem::warning(Code::Dhis2MappingNotUsed, msg::mapping_not_used())
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
        diag.note(
            Problem::warning(
                Code::Dhis2ExportNoOrgunit,
                msg::export_no_orgunit(without.len(), &list(without.into_iter().map(verbatim), 10)),
            )
            .hint(msg::export_no_orgunit_hint()),
        );
    }
}
