//! The DHIS2 org-unit hierarchy (study-format §6): `--orgunits FILE` (or an `orgunits` table in
//! the study), a DHIS2 organisation-unit export with `id`, `name` (or `displayName`), `level`
//! and `path` (`/uidCountry/uidRegion/uidDistrict/uidFacility`), as CSV (plain, .gz, .zip) or
//! JSON (`{"organisationUnits": [...]}`, as `/api/organisationUnits.json` gives it).
//!
//! With it, a facility's `district` and `region` left blank in the facilities table are the
//! names of its ancestors at `--district-level` (default 3) and `--region-level` (default 2),
//! and facilities met in the workload or staff tables but absent from the facilities table are
//! taken from the hierarchy (name, district, region, org unit; type unknown).

use crate::diag::Code;
use std::collections::HashMap;
use std::io::Read;

use super::csv_source::open_stream;
use super::discover::TableRef;
use super::source::{Flow, Row};
use super::{open_source, Builder, ReadOptions};
use crate::diag::{Diagnostics, Location, Problem};
use crate::messages::dhis2 as msg;
use crate::model::Facility;
use crate::names::normalise;

pub const DEFAULT_DISTRICT_LEVEL: u32 = 3;
pub const DEFAULT_REGION_LEVEL: u32 = 2;

/// One organisation unit.
#[derive(Debug, Clone, Default)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub code: Option<String>,
    /// The ids of the path, from the root to this unit (its level is the path's length).
    pub path: Vec<String>,
}

/// The hierarchy, indexed.
#[derive(Debug, Default)]
pub struct Hierarchy {
    pub units: Vec<Unit>,
    by_id: HashMap<String, usize>,
    by_code: HashMap<String, usize>,
    /// Normalised name → unit, `None` when two units share the name.
    by_name: HashMap<String, Option<usize>>,
    pub district_level: u32,
    pub region_level: u32,
    /// Unit → the facility made of it.
    facility_of_unit: HashMap<usize, usize>,
    /// Facilities taken from the hierarchy: (id, table where met).
    pub taken: Vec<(String, &'static str)>,
    pub location: Location,
}

impl Hierarchy {
    /// A unit by UID, else by code, else by name (when unique).
    pub fn find(&self, key: &str) -> Option<usize> {
        let key = key.trim();
        self.by_id
            .get(key)
            .or_else(|| self.by_code.get(key))
            .copied()
            .or_else(|| self.by_name.get(&normalise(key)).copied().flatten())
    }

    /// The name of a unit's ancestor at a level (the unit itself when it is at that level).
    pub fn ancestor_name(&self, unit: usize, level: u32) -> Result<Option<String>, String> {
        let path = &self.units[unit].path;
        let Some(id) = path.get(level as usize - 1) else {
            return Ok(None);
        };
        match self.by_id.get(id) {
            Some(&a) => Ok(Some(self.units[a].name.clone())),
            None => Err(id.clone()),
        }
    }

    fn index(&mut self) {
        for (i, u) in self.units.iter().enumerate() {
            self.by_id.insert(u.id.clone(), i);
            if let Some(c) = &u.code {
                self.by_code.entry(c.clone()).or_insert(i);
            }
            self.by_name
                .entry(normalise(&u.name))
                .and_modify(|e| *e = None)
                .or_insert(Some(i));
        }
    }
}

impl Builder {
    /// The facility of an id (UID, code or unique name) that the org-unit hierarchy knows:
    /// already made, or made now from the hierarchy. `None` without a hierarchy or when it does
    /// not know the id.
    pub fn facility_from_orgunits(&mut self, id: &str, table: &'static str) -> Option<usize> {
        let h = self.orgunits.as_mut()?;
        let unit = h.find(id)?;
        if let Some(&f) = h.facility_of_unit.get(&unit) {
            return Some(f);
        }
        let u = h.units[unit].clone();
        let district = h.ancestor_name(unit, h.district_level).ok().flatten();
        let region = h.ancestor_name(unit, h.region_level).ok().flatten();
        h.taken.push((id.to_string(), table));
        let f = self.add_facility(Facility {
            id: u.code.clone().unwrap_or_else(|| u.id.clone()),
            name: Some(u.name.clone()),
            district,
            region,
            orgunit: Some(u.id.clone()),
            ..Default::default()
        });
        let h = self.orgunits.as_mut()?;
        h.facility_of_unit.insert(unit, f);
        Some(f)
    }
}

/// Reads the org-unit export of `--orgunits` (or the study's `orgunits` table) and fills the
/// facilities already read. Call after the facilities table and before staff and workload.
pub fn load(table: &TableRef, options: &ReadOptions, b: &mut Builder, diag: &mut Diagnostics) {
    let h = match table {
        TableRef::Json { path, display } => read_json(path, display, diag),
        _ => read_rows(table, options, diag),
    };
    let Some(mut h) = h else {
        return;
    };
    h.district_level = options.district_level.unwrap_or(DEFAULT_DISTRICT_LEVEL);
    h.region_level = options.region_level.unwrap_or(DEFAULT_REGION_LEVEL);
    h.index();
    fill(&mut h, b, diag);
    b.orgunits = Some(h);
}

/// Fills blank district, region, name and orgunit of the listed facilities from their unit (found
/// by `orgunit`, else by `facility_id` as UID or code).
fn fill(h: &mut Hierarchy, b: &mut Builder, diag: &mut Diagnostics) {
    let mut not_found: Vec<String> = Vec::new();
    let mut missing_ancestors: Vec<crate::diag::Msg> = Vec::new();
    for (i, f) in b.study.facilities.iter_mut().enumerate() {
        let unit = f
            .orgunit
            .as_deref()
            .and_then(|o| h.find(o))
            .or_else(|| h.find(&f.id));
        let Some(unit) = unit else {
            if f.district.is_none() || f.region.is_none() {
                not_found.push(f.orgunit.clone().unwrap_or_else(|| f.id.clone()));
            }
            continue;
        };
        h.facility_of_unit.insert(unit, i);
        for (field, level) in [
            (&mut f.district, h.district_level),
            (&mut f.region, h.region_level),
        ] {
            if field.is_none() {
                match h.ancestor_name(unit, level) {
                    Ok(name) => *field = name,
                    Err(id) => missing_ancestors.push(msg::ancestor_of(&id, &f.id)),
                }
            }
        }
        if f.name.is_none() {
            f.name = Some(h.units[unit].name.clone());
        }
        if f.orgunit.is_none() {
            f.orgunit = Some(h.units[unit].id.clone());
        }
    }
    if !not_found.is_empty() {
        let n = not_found.len();
        not_found.truncate(20);
        diag.warn(
            Problem::warning(
                Code::OrgunitNotFound,
                msg::orgunit_not_found(n, &not_found.join(", ")),
            )
            .at(h.location.clone())
            .hint(msg::orgunit_not_found_hint()),
        );
    }
    if !missing_ancestors.is_empty() {
        missing_ancestors.sort_by(|a, b| a.en().cmp(b.en()));
        missing_ancestors.dedup();
        let list = crate::messages::study::list(&missing_ancestors, ", ");
        diag.warn(
            Problem::warning(Code::OrgunitAncestorMissing, msg::ancestor_missing(&list))
                .at(h.location.clone())
                .hint(msg::ancestor_missing_hint()),
        );
    }
}

/// A warning listing the facilities taken from the hierarchy (their type is unknown).
pub fn check(b: &Builder, diag: &mut Diagnostics) {
    let Some(h) = &b.orgunits else {
        return;
    };
    if h.taken.is_empty() || !b.study.has_facilities_table {
        return;
    }
    let list: Vec<String> = h
        .taken
        .iter()
        .take(20)
        .map(|(id, t)| format!("{id} ({t})"))
        .collect();
    let more = h.taken.len().saturating_sub(20);
    diag.warn(
        Problem::warning(
            Code::FacilityFromOrgunits,
            msg::facilities_from_orgunits(
                h.taken.len(),
                &list.join(", "),
                &if more > 0 {
                    crate::messages::study::and_more(more)
                } else {
                    crate::diag::Msg::default()
                },
            ),
        )
        .hint(msg::facilities_from_orgunits_hint()),
    );
}

const ID: &[&str] = &[
    "id",
    "uid",
    "orgunit",
    "org_unit",
    "organisation_unit_id",
    "ou",
];
const NAME: &[&str] = &[
    "name",
    "displayname",
    "display_name",
    "nom",
    "libelle",
    "shortname",
    "short_name",
    "displayshortname",
];
const CODE: &[&str] = &["code", "code_structure"];
const LEVEL: &[&str] = &["level", "niveau", "hierarchylevel", "hierarchy_level"];
const PATH: &[&str] = &["path", "chemin"];

/// The columns of an org-unit export (indexes), and its header as written.
struct Columns {
    id: usize,
    name: Option<usize>,
    code: Option<usize>,
    level: Option<usize>,
    path: usize,
    names: Vec<String>,
}

fn column(names: &[String], wanted: &[&str]) -> Option<usize> {
    wanted
        .iter()
        .find_map(|w| names.iter().position(|n| n == w))
}

fn split_path(path: &str) -> Vec<String> {
    path.split('/')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Reads a CSV (or workbook sheet) org-unit export. The first row holding `id` and `path` is the
/// header; of `name`/`displayName`/`shortName` the first present is used (no duplicate-header
/// error: DHIS2 exports often hold several).
fn read_rows(table: &TableRef, options: &ReadOptions, diag: &mut Diagnostics) -> Option<Hierarchy> {
    let mut source = open_source(table, options.csv);
    let base = source.location();
    let mut h = Hierarchy {
        location: base.clone(),
        ..Default::default()
    };
    let mut cols: Option<Columns> = None;
    let mut header_seen = false;
    let result = source.for_each_row(&mut |row: &dyn Row| {
        if row.is_blank() {
            return Flow::Continue;
        }
        let text = |i: usize| row.cell(i).to_text().trim().to_string();
        let Some(Columns {
            id,
            name,
            code,
            level,
            path,
            names,
        }) = &cols
        else {
            let raw: Vec<String> = (0..row.len()).map(text).collect();
            let n: Vec<String> = raw.iter().map(|t| normalise(t)).collect();
            if let (Some(id), Some(path)) = (column(&n, ID), column(&n, PATH)) {
                header_seen = true;
                let name = column(&n, NAME);
                if name.is_none() {
                    let mut at = base.clone();
                    at.row = Some(row.number());
                    diag.error(
                        Problem::error(Code::MissingColumn, msg::orgunits_no_name())
                            .at(at)
                            .hint(msg::orgunits_fields_hint()),
                    );
                    return Flow::Stop;
                }
                cols = Some(Columns {
                    id,
                    name,
                    code: column(&n, CODE),
                    level: column(&n, LEVEL),
                    path,
                    names: raw,
                });
                return Flow::Continue;
            }
            return Flow::Continue;
        };
        let id_text = text(*id);
        if id_text.is_empty() {
            return Flow::Continue;
        }
        let path_text = text(*path);
        let path_ids = split_path(&path_text);
        let at = |col: usize| {
            let mut at = base.clone();
            at.row = Some(row.number());
            at.column = names.get(col).cloned();
            at.cell = row.cell_name(col);
            at
        };
        if path_ids.last() != Some(&id_text) {
            diag.error(
                Problem::error(Code::BadPath, msg::path_not_own_id())
                    .at(at(*path))
                    .value(path_text)
                    .hint(msg::path_hint()),
            );
            return Flow::Continue;
        }
        if let Some(l) = level {
            let lt = text(*l);
            if !lt.is_empty() && lt.parse::<usize>().ok() != Some(path_ids.len()) {
                diag.warn(
                    Problem::warning(Code::LevelMismatch, msg::level_mismatch(path_ids.len()))
                        .at(at(*l))
                        .value(lt),
                );
            }
        }
        let code = code.map(text).filter(|c| !c.is_empty());
        h.units.push(Unit {
            id: id_text,
            name: name.map(text).unwrap_or_default(),
            code,
            path: path_ids,
        });
        Flow::Continue
    });
    for n in source.take_notes() {
        diag.push(n);
    }
    if let Err(p) = result {
        diag.error(p);
        return None;
    }
    if !header_seen {
        diag.error(
            Problem::error(Code::NoHeader, msg::orgunits_no_header())
                .at(base)
                .hint(msg::orgunits_no_header_hint()),
        );
        return None;
    }
    Some(h)
}

/// Reads a JSON org-unit export: `{"organisationUnits": [...]}` or a bare array. An org-unit
/// export is small (a country's units), so it is read whole.
fn read_json(path: &std::path::Path, display: &str, diag: &mut Diagnostics) -> Option<Hierarchy> {
    let at = Location::file(display);
    let mut text = String::new();
    // Read whole, but never more than MAX_WHOLE_JSON (a country's org units take a few MB).
    const MAX_WHOLE_JSON: u64 = 256 << 20;
    let read = open_stream(path, display).and_then(|s| {
        s.take(MAX_WHOLE_JSON + 1)
            .read_to_string(&mut text)
            .map_err(|e| {
                crate::study::stream::read_problem(
                    &e,
                    display,
                    None,
                    msg::orgunits_utf8_json_hint(),
                )
            })?;
        if text.len() as u64 > MAX_WHOLE_JSON {
            return Err(
                Problem::error(Code::FileTooLarge, msg::orgunits_too_large())
                    .at(at.clone())
                    .hint(msg::orgunits_too_large_hint()),
            );
        }
        Ok(())
    });
    if let Err(p) = read {
        diag.error(p);
        return None;
    }
    let doc: serde_json::Value = match serde_json::from_str(&text) {
        Ok(d) => d,
        Err(e) => {
            let mut l = at.clone();
            l.row = Some(e.line());
            diag.error(
                Problem::error(Code::BadJson, msg::not_json(&e.to_string()))
                    .at(l)
                    .hint(msg::orgunits_export_again_hint()),
            );
            return None;
        }
    };
    let list = doc
        .get("organisationUnits")
        .or_else(|| doc.get("organisation_units"))
        .unwrap_or(&doc);
    let Some(list) = list.as_array() else {
        diag.error(
            Problem::error(Code::BadJson, msg::no_orgunits_array())
                .at(at)
                .hint(msg::no_orgunits_array_hint()),
        );
        return None;
    };
    let mut h = Hierarchy {
        location: at.clone(),
        ..Default::default()
    };
    for (i, u) in list.iter().enumerate() {
        let s = |k: &str| u.get(k).and_then(|v| v.as_str()).map(str::trim);
        let (Some(id), Some(path)) = (s("id"), s("path")) else {
            let mut l = at.clone();
            l.column = Some(format!("organisationUnits[{i}]"));
            diag.error(
                Problem::error(Code::MissingColumn, msg::no_id_or_path())
                    .at(l)
                    .hint(msg::orgunits_fields_hint()),
            );
            continue;
        };
        let path = split_path(path);
        if path.last().map(String::as_str) != Some(id) {
            let mut l = at.clone();
            l.column = Some(format!("organisationUnits[{i}].path"));
            diag.error(
                Problem::error(Code::BadPath, msg::path_not_own_id())
                    .at(l)
                    .value(id)
                    .hint(msg::path_hint()),
            );
            continue;
        }
        h.units.push(Unit {
            id: id.to_string(),
            name: s("name")
                .or_else(|| s("displayName"))
                .or_else(|| s("shortName"))
                .unwrap_or("")
                .to_string(),
            code: s("code").filter(|c| !c.is_empty()).map(str::to_string),
            path,
        });
    }
    Some(h)
}
