//! Reading a study: table discovery, header aliases, one reader configuration for CSV and one for
//! workbooks, and the parsers that turn each table into the typed [`Study`]. Every problem met is
//! collected with its place (see [`crate::diag`]); reading goes on after an error so that all of
//! them can be listed at once.

pub mod csv_source;
pub mod dhis2;
pub mod discover;
pub mod fast;
pub mod ihris;
pub mod orgunits;
/// Workload periods live in the neutral [`crate::period`] (the DHIS2 writer needs them too).
pub use crate::period;
pub mod scenario;
pub mod schema;
pub mod small_tables;
pub mod source;
pub mod stream;
pub mod table_reader;
pub mod workbook;
pub mod workload;

use crate::diag::Code;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

pub use csv_source::{parse_encoding, CsvOptions};
pub use discover::{discover, table_arg, TableRef};

use crate::diag::{Diagnostics, Location, Problem};
use crate::messages::study as msg;
use crate::model::{Activity, Cadre, Facility, Study};

use crate::names::{key, normalise};
use source::RowSource;

/// How to read a study: where it is, tables given on their own, and the CSV dialect.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The study folder or workbook (may be absent when every table is given on its own).
    pub study: Option<PathBuf>,
    /// `--facilities F`, `--staff F#Sheet`, ...: table name → argument.
    pub overrides: BTreeMap<&'static str, String>,
    pub csv: CsvOptions,
    /// `--annualize`: scale each facility's volumes by 12 / months reported.
    pub annualize: bool,
    /// `--active-status`: staff-list statuses that count (normalised); empty means the default
    /// `en poste, actif, active`.
    pub active_status: Vec<String>,
    /// `--year`: keep the workload periods that start in this year (study-format §6).
    pub year: Option<i32>,
    /// `--district-level`, `--region-level`: org-unit levels of districts and regions (default
    /// 3 and 2).
    pub district_level: Option<u32>,
    pub region_level: Option<u32>,
    /// Keep the monthly workload by year as well ([`crate::model::History`]; `wisn project`).
    pub keep_history: bool,
    /// Tables read after the study's own, adding their rows (`standards` or `workload`, as
    /// `FILE[#Sheet]`): the `add_standards` and `add_workload` of a scenario.
    pub added_tables: Vec<(&'static str, String)>,
}

/// The statuses of an iHRIS staff list that count when `--active-status` is not given.
pub const DEFAULT_ACTIVE_STATUS: &[&str] = &["en poste", "actif", "active"];

/// Opens the row source of a table.
pub fn open_source(table: &TableRef, csv: CsvOptions) -> Box<dyn RowSource> {
    match table {
        TableRef::Text { path, display } | TableRef::Json { path, display } => {
            Box::new(csv_source::CsvSource::new(path, display.clone(), csv))
        }
        TableRef::Sheet {
            path,
            display,
            sheet,
        } => Box::new(workbook::WorkbookSource::new(
            path,
            display.clone(),
            sheet.clone(),
        )),
    }
}

/// How a name in a table was matched to a cadre of the standards.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum CadreMatch {
    /// Same name up to case, accents and separators.
    Spelling,
    /// Through the cadre_aliases table.
    Alias,
}

/// The hasher of the maps that intern names read from the study's tables (facility ids, cadre
/// and activity names): foldhash, several times cheaper than the standard SipHash on short keys.
/// SipHash's seeded keys only matter where someone could choose keys that collide to slow a
/// service down; these are the user's own local files, and a collision costs time, never a
/// different answer.
pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// The study under construction, with the indexes that intern names.
#[derive(Debug, Default)]
pub struct Builder {
    pub study: Study,
    facility_by_id: FastMap<String, usize>,
    facility_by_key: FastMap<String, Option<usize>>,
    cadre_by_key: FastMap<String, usize>,
    /// alias key → cadre name as written in cadre_aliases.
    aliases: FastMap<String, String>,
    activity_by_key: FastMap<String, usize>,
    /// Cadre names met that differ from the canonical spelling: (raw, cadre) → how, count.
    pub cadre_matches: BTreeMap<(String, usize), (CadreMatch, usize)>,
    /// Facilities met in a table but not in the facilities table: id → (table, rows).
    pub unlisted: BTreeMap<String, (&'static str, usize)>,
    /// Where each of those facilities was first met (for `wisn validate`).
    pub unlisted_at: BTreeMap<String, Location>,
    /// Where the workload and staff tables are (file, sheet), for problems about their totals.
    pub workload_location: Option<Location>,
    pub staff_location: Option<Location>,
    pub facilities_location: Option<Location>,
    /// The `dhis2_mapping` table, when the study has one.
    pub dhis2_mapping: Option<dhis2::Mapping>,
    /// The DHIS2 org-unit hierarchy of `--orgunits`.
    pub orgunits: Option<orgunits::Hierarchy>,
    /// Cadres whose working_time row was refused (a bad value): the error names the row, so
    /// "no working_time row" is not said again.
    pub rejected_working_time: std::collections::HashSet<usize>,
    /// Facility-type key → its first spelling in standards or working_time.
    pub type_names: HashMap<String, String>,
}

impl Builder {
    /// A facility by id: exact match first, then (if unique) the same id up to case, accents and
    /// separators. `None` when unknown.
    pub fn find_facility(&self, id: &str) -> Option<usize> {
        if let Some(&i) = self.facility_by_id.get(id) {
            return Some(i);
        }
        self.facility_by_key.get(&normalise(id)).copied().flatten()
    }

    /// A facility by its exact id only. Such an answer never changes (ids are never re-indexed),
    /// unlike a match up to case and separators.
    pub(crate) fn facility_by_exact_id(&self, id: &str) -> Option<usize> {
        self.facility_by_id.get(id).copied()
    }

    /// Adds a facility (from the facilities table, or met elsewhere). Returns its index, or the
    /// existing one.
    pub fn add_facility(&mut self, facility: Facility) -> usize {
        if let Some(&i) = self.facility_by_id.get(facility.id.as_str()) {
            return i;
        }
        self.push_facility(facility)
    }

    /// [`Builder::add_facility`] of an id known to be new (its caller has just looked it up).
    pub(crate) fn push_facility(&mut self, facility: Facility) -> usize {
        debug_assert!(!self.facility_by_id.contains_key(facility.id.as_str()));
        let i = self.study.facilities.len();
        self.facility_by_id.insert(facility.id.clone(), i);
        self.facility_by_key
            .entry(normalise(&facility.id))
            .and_modify(|e| *e = None)
            .or_insert(Some(i));
        self.study.facilities.push(facility);
        self.study.workload.volumes.push(Default::default());
        self.study.workload.months.push(0);
        i
    }

    /// The facility of an id met in `table`: known, or added (and remembered as unlisted when
    /// the study has a facilities table).
    pub fn facility_for(&mut self, id: &str, table: &'static str) -> usize {
        if let Some(i) = self.find_facility(id) {
            return i;
        }
        if let Some(i) = self.facility_from_orgunits(id, table) {
            return i;
        }
        if self.study.has_facilities_table {
            self.unlisted.entry(id.to_string()).or_insert((table, 0)).1 += 1;
        }
        self.add_facility(Facility {
            id: id.to_string(),
            ..Default::default()
        })
    }

    /// [`Builder::facility_for`], remembering where an unlisted facility was first met.
    pub fn facility_at(
        &mut self,
        id: &str,
        table: &'static str,
        at: impl FnOnce() -> Location,
    ) -> usize {
        // A known facility: what `facility_for` would answer, without looking it up twice.
        if let Some(i) = self.find_facility(id) {
            return i;
        }
        let i = self.facility_for(id, table);
        if self.study.has_facilities_table {
            self.unlisted_at.entry(id.to_string()).or_insert_with(at);
        }
        i
    }

    pub fn add_alias(&mut self, alias: &str, cadre: &str) -> Result<(), crate::diag::Msg> {
        let k = key(alias);
        match self.aliases.get(&k) {
            Some(existing) if key(existing) != key(cadre) => {
                Err(crate::messages::study::alias_already_maps(existing))
            }
            _ => {
                self.aliases.insert(k, cadre.to_string());
                Ok(())
            }
        }
    }

    /// The cadre a name stands for: the standards' cadre of the same key, else through the alias
    /// table, else a new cadre of that name. Records non-identical matches.
    pub fn cadre(&mut self, raw: &str) -> usize {
        self.cadre_counted(raw).0
    }

    /// [`Builder::cadre`], also saying whether the call counted a match in `cadre_matches` (a
    /// spelling or an alias) for `(raw, cadre)`.
    pub(crate) fn cadre_counted(&mut self, raw: &str) -> (usize, bool) {
        let k = key(raw);
        if let Some(&i) = self.cadre_by_key.get(&k) {
            let counted = self.study.cadres[i].name != raw;
            if counted {
                self.cadre_matches
                    .entry((raw.to_string(), i))
                    .or_insert((CadreMatch::Spelling, 0))
                    .1 += 1;
            }
            return (i, counted);
        }
        if let Some(target) = self.aliases.get(&k).cloned() {
            let tk = key(&target);
            let i = match self.cadre_by_key.get(&tk) {
                Some(&i) => i,
                None => self.new_cadre(&target, tk),
            };
            self.cadre_matches
                .entry((raw.to_string(), i))
                .or_insert((CadreMatch::Alias, 0))
                .1 += 1;
            return (i, true);
        }
        (self.new_cadre(raw, k), false)
    }

    /// The cadre a name means (its spelling, or an alias), without adding one.
    pub fn find_cadre(&self, raw: &str) -> Option<usize> {
        let k = key(raw);
        if let Some(&i) = self.cadre_by_key.get(&k) {
            return Some(i);
        }
        let target = self.aliases.get(&k)?;
        self.cadre_by_key.get(&key(target)).copied()
    }

    fn new_cadre(&mut self, name: &str, k: String) -> usize {
        let i = self.study.cadres.len();
        self.study.cadres.push(Cadre {
            name: name.to_string(),
            key: k.clone(),
        });
        self.cadre_by_key.insert(k, i);
        i
    }

    /// The activity of a name (normalised), added when new.
    pub fn activity(&mut self, raw: &str) -> usize {
        let k = normalise(raw);
        if let Some(&i) = self.activity_by_key.get(&k) {
            return i;
        }
        let i = self.study.activities.len();
        self.study.activities.push(Activity {
            name: raw.trim().to_string(),
            key: k.clone(),
        });
        self.activity_by_key.insert(k, i);
        i
    }

    pub fn find_activity(&self, raw: &str) -> Option<usize> {
        self.activity_by_key.get(&normalise(raw)).copied()
    }
}

/// Reads a whole study for `wisn compute`: every table, every problem.
pub fn load(options: &ReadOptions) -> (Builder, Diagnostics) {
    let mut diag = Diagnostics::default();
    let mut builder = Builder::default();
    if options.keep_history {
        builder.study.workload.history = Some(Default::default());
    }
    let all_tables = [schema::COMPUTE_TABLES, schema::DHIS2_TABLES].concat();
    let tables = match locate_tables(options, &all_tables) {
        Ok(t) => t,
        Err(problems) => {
            diag.problems.extend(problems);
            return (builder, diag);
        }
    };
    for def in schema::COMPUTE_TABLES {
        let required = !matches!(def.name, "facilities" | "cadre_aliases");
        if required && !tables.contains_key(def.name) {
            let where_ = options
                .study
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            let french = def.aliases.first().copied().unwrap_or(def.name);
            diag.error(
                Problem::error(Code::MissingTable, msg::missing_table(def.name))
                    .at(Location::file(where_))
                    .hint(msg::missing_table_hint(
                        def.name,
                        french,
                        &def.name.replace('_', "-"),
                    )),
            );
        }
    }
    // JSON holds only DHIS2 exports: a workload export or an org-unit export.
    for (name, t) in &tables {
        if matches!(t, TableRef::Json { .. }) && !matches!(*name, "workload" | "orgunits") {
            diag.error(
                Problem::error(Code::JsonTable, msg::json_table(name))
                    .at(Location::file(t.display()))
                    .hint(msg::json_table_hint()),
            );
        }
    }
    let open = |name: &str| {
        tables
            .get(name)
            .filter(|t| !matches!(t, TableRef::Json { .. }))
            .map(|t| open_source(t, options.csv))
    };
    // The workload's first chunks are read and parsed on another thread while the other tables
    // are read (a long-form CSV file of some size: `RowSource::start_early`).
    let mut early_workload = tables
        .get("workload")
        .filter(|t| matches!(t, TableRef::Text { .. }))
        .map(|t| {
            let mut s = open_source(t, options.csv);
            s.start_early(rayon::current_num_threads(), workload::guess_layout);
            s
        });
    if let Some(mut s) = open("cadre_aliases") {
        small_tables::read_cadre_aliases(s.as_mut(), &mut builder, &mut diag);
    }
    if let Some(mut s) = open("facilities") {
        builder.study.has_facilities_table = true;
        builder.facilities_location = Some(s.location());
        small_tables::read_facilities(s.as_mut(), &mut builder, &mut diag);
    }
    if let Some(t) = tables.get("orgunits") {
        orgunits::load(t, options, &mut builder, &mut diag);
    }
    if let Some(mut s) = open("standards") {
        small_tables::read_standards(s.as_mut(), &mut builder, &mut diag);
    }
    for (_, arg) in options
        .added_tables
        .iter()
        .filter(|(t, _)| *t == "standards")
    {
        let t = discover::table_arg_for(arg, Some(&schema::STANDARDS));
        small_tables::read_standards(
            open_source(&t, options.csv).as_mut(),
            &mut builder,
            &mut diag,
        );
    }
    if let Some(mut s) = open("working_time") {
        small_tables::read_working_time(s.as_mut(), &mut builder, &mut diag);
    }
    if let Some(mut s) = open("dhis2_mapping") {
        dhis2::read_mapping(s.as_mut(), &mut builder, &mut diag);
    }
    if let Some(mut s) = open("dhis2_export") {
        dhis2::read_export(s.as_mut(), &mut builder, &mut diag);
    }
    if let Some(mut s) = open("staff") {
        builder.staff_location = Some(s.location());
        small_tables::read_staff(s.as_mut(), &mut builder, &mut diag, options);
    }
    if let Some(t) = tables.get("workload") {
        builder.workload_location = Some(Location::file(t.display()));
        if !dhis2::read_workload(t, options, &mut builder, &mut diag) {
            let mut s = early_workload
                .take()
                .unwrap_or_else(|| open_source(t, options.csv));
            workload::read_workload(s.as_mut(), &mut builder, &mut diag, options);
        }
    }
    for (_, arg) in options
        .added_tables
        .iter()
        .filter(|(t, _)| *t == "workload")
    {
        let t = discover::table_arg_for(arg, Some(&schema::WORKLOAD));
        let monthly = builder.study.workload.monthly;
        if !dhis2::read_workload(&t, options, &mut builder, &mut diag) {
            workload::read_workload(
                open_source(&t, options.csv).as_mut(),
                &mut builder,
                &mut diag,
                options,
            );
        }
        // Months and periods of both reads: the union of the months (kept in the history).
        let w = &mut builder.study.workload;
        w.monthly = monthly && w.monthly;
        if let Some(h) = &w.history {
            for (f, set) in &h.months {
                w.months[*f] = set.len() as u32;
            }
        }
    }
    orgunits::check(&builder, &mut diag);
    dhis2::check(&builder, &mut diag);
    small_tables::check_study(&mut builder, options, &mut diag);
    (builder, diag)
}

/// Where each table is: discovered in the study, then overridden by table options.
pub fn locate_tables(
    options: &ReadOptions,
    defs: &[schema::TableDef],
) -> Result<BTreeMap<&'static str, TableRef>, Vec<Problem>> {
    let mut tables = match &options.study {
        Some(path) => discover(path, defs)?,
        None => BTreeMap::new(),
    };
    let mut problems = Vec::new();
    for (name, arg) in &options.overrides {
        let r = discover::table_arg_for(arg, defs.iter().find(|d| d.name == *name));
        let path = match &r {
            TableRef::Text { path, .. }
            | TableRef::Json { path, .. }
            | TableRef::Sheet { path, .. } => path,
        };
        if path.is_dir() {
            problems.push(
                Problem::error(Code::IsAFolder, msg::table_is_folder(name))
                    .at(Location::file(path.display().to_string()))
                    .hint(msg::table_is_folder_hint(&path.display().to_string(), name)),
            );
        } else if !path.is_file() {
            problems.push(
                Problem::error(Code::NotFound, msg::table_not_found(name))
                    .at(Location::file(path.display().to_string()))
                    .hint(msg::check_the_path()),
            );
        }
        tables.insert(name, r);
    }
    if problems.is_empty() {
        Ok(tables)
    } else {
        Err(problems)
    }
}
