//! The inputs of the planning commands (study-format §7.2, §7.7): the pools of posts
//! (`--posts CADRE=N,…` or a `posts` table given with `--posts-file`), the `costs` table of the
//! study, and `--types`. Every name is checked against the study, with a did-you-mean, and every
//! bad value is a located error.

use super::{check_problem, Within};
use crate::diag::Code;
use crate::diag::{Diagnostics, Location, Msg, Problem};
use crate::messages::planning as m;
use crate::names::{closest, key, normalise};
use crate::numbers::full_precision;
use crate::study::schema::{Column, TableDef, CADRE};
use crate::study::source::RowSource;
use crate::study::table_reader::{read_table, require_columns};
use crate::study::Builder;

/// `posts` (`postes`): pools of new posts, given with `--posts-file`.
pub const POSTS: TableDef = TableDef {
    name: "posts",
    aliases: &["postes", "pools", "quotas", "postes_a_pourvoir"],
    columns: &[
        CADRE,
        Column {
            name: "posts",
            aliases: &["postes", "nombre", "nombre_de_postes", "nb_postes", "quota"],
        },
        Column {
            name: "region",
            aliases: &["region_sanitaire", "drs"],
        },
        Column {
            name: "district",
            aliases: &["district_sanitaire", "cercle", "ds"],
        },
    ],
};

/// `costs` (`couts`): the annual cost of one post of each cadre (a table of the study).
pub const COSTS: TableDef = TableDef {
    name: "costs",
    aliases: &["couts", "cout", "cost", "couts_annuels", "costs_per_cadre"],
    columns: &[
        CADRE,
        Column {
            name: "annual_cost",
            aliases: &[
                "cout_annuel",
                "cout",
                "cost",
                "couts",
                "annual_costs",
                "cout_annuel_fcfa",
                "annual_cost_fcfa",
            ],
        },
    ],
};

/// The group a pool serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PoolGroup {
    National,
    /// A region, as written in the pool.
    Region(String),
    District(String),
}

impl PoolGroup {
    /// Whether a facility of this region and district belongs to the group (names normalised).
    pub fn contains(&self, region: Option<&str>, district: Option<&str>) -> bool {
        let same = |a: Option<&str>, b: &str| a.is_some_and(|a| normalise(a) == normalise(b));
        match self {
            PoolGroup::National => true,
            PoolGroup::Region(r) => same(region, r),
            PoolGroup::District(d) => same(district, d),
        }
    }
}

/// One pool of posts.
#[derive(Debug, Clone, PartialEq)]
pub struct Pool {
    /// Index into `study.cadres`.
    pub cadre: usize,
    pub posts: u64,
    pub group: PoolGroup,
}

/// The annual cost of a post per cadre, in table order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Costs {
    /// (cadre, annual cost), in the order of the `costs` table.
    pub rows: Vec<(usize, f64)>,
}

impl Costs {
    pub fn of(&self, cadre: usize) -> Option<f64> {
        self.rows.iter().find(|(c, _)| *c == cadre).map(|(_, v)| *v)
    }
}

/// The cadres that have standards, by index.
fn cadres_with_standards(b: &Builder) -> Vec<bool> {
    let mut has = vec![false; b.study.cadres.len()];
    for s in &b.study.standards {
        has[s.cadre] = true;
    }
    has
}

/// The cadre a name means, if it has standards; else a problem with a did-you-mean.
fn standards_cadre(b: &Builder, raw: &str) -> Result<usize, Problem> {
    let has = cadres_with_standards(b);
    if let Some(c) = b.find_cadre(raw).filter(|&c| has[c]) {
        return Ok(c);
    }
    let names: Vec<&str> = b
        .study
        .cadres
        .iter()
        .enumerate()
        .filter(|(i, _)| has[*i])
        .map(|(_, c)| c.name.as_str())
        .collect();
    let keys: Vec<String> = names.iter().map(|n| key(n)).collect();
    let suggestion = closest(&key(raw), keys.iter().map(String::as_str))
        .and_then(|k| names.iter().find(|n| key(n) == k));
    let hint = match suggestion {
        Some(s) => m::did_you_mean_cadre(s, &names.join(", ")),
        None => m::cadres_with_standards(&names.join(", ")),
    };
    Err(
        Problem::error(Code::UnknownCadre, m::not_a_cadre_with_standards())
            .value(raw)
            .hint(hint),
    )
}

/// A whole number of posts ≥ 0, or why not.
fn whole_posts(text: &str) -> Result<u64, Msg> {
    let t = text.trim().replace([' ', '\u{a0}', '\u{202f}'], "");
    if let Ok(n) = t.parse::<u64>() {
        return Ok(n);
    }
    match t.replace(',', ".").parse::<f64>() {
        Ok(v) if v < 0.0 => Err(m::negative_posts()),
        Ok(v) if v.fract() == 0.0 && v.is_finite() && v < 1e15 => Ok(v as u64),
        Ok(v) if v.is_finite() => Err(m::fractional_posts()),
        _ => Err(m::not_posts()),
    }
}

/// Parses `--posts Sage-femme=40,Infirmier=60` into national pools, in the order given.
pub fn parse_posts_arg(arg: &str, b: &Builder) -> Result<Vec<Pool>, Vec<Problem>> {
    let mut pools = Vec::new();
    let mut problems = Vec::new();
    let at = || Location::file("--posts");
    for part in arg.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((cadre, n)) = part.rsplit_once('=') else {
            problems.push(
                Problem::error(Code::BadPosts, m::not_cadre_n())
                    .at(at())
                    .value(part)
                    .hint(m::write_posts()),
            );
            continue;
        };
        let cadre = match standards_cadre(b, cadre.trim()) {
            Ok(c) => Some(c),
            Err(p) => {
                problems.push(p.at(at()));
                None
            }
        };
        let posts = match whole_posts(n) {
            Ok(n) => Some(n),
            Err(why) => {
                problems.push(
                    Problem::error(Code::BadPosts, why)
                        .at(at())
                        .value(part)
                        .hint(m::whole_posts_example()),
                );
                None
            }
        };
        if let (Some(cadre), Some(posts)) = (cadre, posts) {
            pools.push(Pool {
                cadre,
                posts,
                group: PoolGroup::National,
            });
        }
    }
    if pools.is_empty() && problems.is_empty() {
        problems.push(
            Problem::error(Code::BadPosts, m::no_pool())
                .at(at())
                .value(arg)
                .hint(m::write_posts()),
        );
    }
    if problems.is_empty() {
        Ok(pools)
    } else {
        Err(problems)
    }
}

/// Reads a `posts` table (`--posts-file`): one pool per row, in table order. A row names a
/// `region` or a `district` (not both), or neither for a national pool; the name must be one
/// some facility has.
pub fn read_posts(source: &mut dyn RowSource, b: &Builder, diag: &mut Diagnostics) -> Vec<Pool> {
    let mut pools = Vec::new();
    read_table(
        source,
        &POSTS,
        diag,
        |h, f, d| require_columns(h, f, &POSTS, &["cadre", "posts"], d),
        |f, row, d| {
            let Some(cadre_text) = f.text(row, "cadre", d) else {
                d.error(crate::study::small_tables::blank_cell(
                    f,
                    row,
                    "cadre",
                    crate::messages::study::blank_what_cadre(),
                ));
                return;
            };
            let cadre = match standards_cadre(b, &cadre_text) {
                Ok(c) => Some(c),
                Err(p) => {
                    d.error(p.at(f.at(row, f.header.get("cadre").unwrap_or(0))));
                    None
                }
            };
            let posts_col = f.header.get("posts").unwrap_or(0);
            let posts = match f.text(row, "posts", d) {
                None => {
                    d.error(crate::study::small_tables::blank_cell(
                        f,
                        row,
                        "posts",
                        crate::messages::study::blank_what_posts(),
                    ));
                    None
                }
                Some(t) => match whole_posts(&t) {
                    Ok(n) => Some(n),
                    Err(why) => {
                        d.error(
                            Problem::error(Code::BadPosts, why)
                                .at(f.at(row, posts_col))
                                .value(t)
                                .hint(m::whole_posts()),
                        );
                        None
                    }
                },
            };
            let region = f.text(row, "region", d);
            let district = f.text(row, "district", d);
            let group = match (region, district) {
                (Some(_), Some(_)) => {
                    d.error(
                        Problem::error(Code::TwoGroups, m::two_groups())
                            .at(f.at_row(row))
                            .hint(m::one_group()),
                    );
                    return;
                }
                (Some(r), None) => match group_known(b, Within::Region, &r) {
                    Ok(()) => PoolGroup::Region(r),
                    Err(p) => {
                        d.error(p.at(f.at(row, f.header.get("region").unwrap_or(0))));
                        return;
                    }
                },
                (None, Some(ds)) => match group_known(b, Within::District, &ds) {
                    Ok(()) => PoolGroup::District(ds),
                    Err(p) => {
                        d.error(p.at(f.at(row, f.header.get("district").unwrap_or(0))));
                        return;
                    }
                },
                (None, None) => PoolGroup::National,
            };
            if let (Some(cadre), Some(posts)) = (cadre, posts) {
                pools.push(Pool {
                    cadre,
                    posts,
                    group,
                });
            }
        },
    );
    pools
}

/// Whether some facility has this region or district (normalised); else a did-you-mean.
fn group_known(b: &Builder, level: Within, name: &str) -> Result<(), Problem> {
    let of = |f: &crate::model::Facility| match level {
        Within::Region => f.region.clone(),
        _ => f.district.clone(),
    };
    let mut names: Vec<String> = b.study.facilities.iter().filter_map(of).collect();
    names.sort();
    names.dedup();
    let n = normalise(name);
    if names.iter().any(|x| normalise(x) == n) {
        return Ok(());
    }
    let word = match level {
        Within::Region => m::word_region(),
        _ => Msg::new("district", "district"),
    };
    let normalised: Vec<String> = names.iter().map(|x| normalise(x)).collect();
    let suggestion = closest(&n, normalised.iter().map(String::as_str))
        .and_then(|k| names.iter().find(|x| normalise(x) == k));
    let known = if names.is_empty() {
        m::no_group_filled(&word)
    } else {
        m::groups_are(&word, &names.join(", "))
    };
    Err(Problem::error(Code::UnknownGroup, m::unknown_group(&word))
        .value(name)
        .hint(match suggestion {
            Some(s) => m::did_you_mean_then(s, &known),
            None => known,
        }))
}

/// Reads the `costs` table: one row per cadre with standards, `annual_cost` > 0.
pub fn read_costs(source: &mut dyn RowSource, b: &Builder, diag: &mut Diagnostics) -> Costs {
    let mut costs = Costs::default();
    let mut first_row: Vec<(usize, usize)> = Vec::new();
    read_table(
        source,
        &COSTS,
        diag,
        |h, f, d| require_columns(h, f, &COSTS, &["cadre", "annual_cost"], d),
        |f, row, d| {
            let Some(cadre_text) = f.text(row, "cadre", d) else {
                d.error(crate::study::small_tables::blank_cell(
                    f,
                    row,
                    "cadre",
                    crate::messages::study::blank_what_cadre(),
                ));
                return;
            };
            let cadre_col = f.header.get("cadre").unwrap_or(0);
            let cadre = match standards_cadre(b, &cadre_text) {
                Ok(c) => c,
                Err(p) => {
                    d.error(p.at(f.at(row, cadre_col)));
                    return;
                }
            };
            let cost_col = f.header.get("annual_cost").unwrap_or(0);
            let Ok(value) = f.number(row, "annual_cost", d) else {
                return;
            };
            let Some(value) = value else {
                d.error(crate::study::small_tables::blank_cell(
                    f,
                    row,
                    "annual_cost",
                    crate::messages::study::blank_what_post_cost(),
                ));
                return;
            };
            if value <= 0.0 {
                d.error(
                    Problem::error(Code::BadCost, m::cost_not_positive())
                        .at(f.at(row, cost_col))
                        .value(full_precision(value))
                        .hint(m::give_annual_cost()),
                );
                return;
            }
            if let Some((_, first)) = first_row.iter().find(|(c, _)| *c == cadre) {
                d.error(
                    Problem::error(Code::DuplicateCost, m::second_cost(*first))
                        .at(f.at(row, cadre_col))
                        .value(cadre_text)
                        .hint(m::one_row_per_cadre()),
                );
                return;
            }
            first_row.push((cadre, row.number()));
            costs.rows.push((cadre, value));
        },
    );
    costs
}

/// The `costs` table of the study (or `--costs FILE`), read when there is one.
pub fn study_costs(
    read: &crate::study::ReadOptions,
    b: &Builder,
    diag: &mut Diagnostics,
) -> Option<Costs> {
    let tables = match crate::study::locate_tables(read, &[COSTS]) {
        Ok(t) => t,
        Err(problems) => {
            diag.problems.extend(problems);
            return None;
        }
    };
    let table = tables.get("costs")?;
    let mut source = crate::study::open_source(table, read.csv);
    Some(read_costs(source.as_mut(), b, diag))
}

/// `--types CSCom,CSRéf`: the facility-type keys, each one some facility has.
pub fn parse_types(types: &[String], b: &Builder) -> Result<Vec<String>, Vec<Problem>> {
    let mut known: Vec<(String, String)> = b
        .study
        .facilities
        .iter()
        .filter_map(|f| f.facility_type.clone().map(|t| (f.type_key.clone(), t)))
        .collect();
    known.sort();
    known.dedup_by(|a, b| a.0 == b.0);
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for t in types.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        let k = key(t);
        if known.iter().any(|(kk, _)| *kk == k) {
            out.push(k);
            continue;
        }
        let names: Vec<&str> = known.iter().map(|(_, n)| n.as_str()).collect();
        let suggestion = closest(&k, known.iter().map(|(kk, _)| kk.as_str()))
            .and_then(|s| known.iter().find(|(kk, _)| kk == s))
            .map(|(_, n)| n.clone());
        let list = m::facility_types_are(&names.join(", "));
        problems.push(
            Problem::error(Code::UnknownType, m::not_a_type())
                .at(Location::file("--types"))
                .value(t)
                .hint(match suggestion {
                    Some(s) => m::did_you_mean_then(&s, &list),
                    None => list,
                }),
        );
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// `--budget AMOUNT`: a number > 0 (spaces as thousands separators allowed).
pub fn parse_budget(text: &str) -> Result<f64, Problem> {
    let t = text.trim().replace([' ', '\u{a0}', '\u{202f}', '_'], "");
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 => Ok(v),
        _ => Err(check_problem(
            Code::BadBudget,
            "--budget",
            text,
            m::bad_budget(),
            m::give_budget(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posts_are_whole_and_not_negative() {
        assert_eq!(whole_posts("40"), Ok(40));
        assert_eq!(whole_posts("1 200"), Ok(1200));
        assert_eq!(whole_posts("3.0"), Ok(3));
        assert!(whole_posts("-1").is_err());
        assert!(whole_posts("2,5").is_err());
        assert!(whole_posts("x").is_err());
    }

    #[test]
    fn groups_match_normalised() {
        let g = PoolGroup::Region("SIKASSO".into());
        assert!(g.contains(Some("Sikasso"), None));
        assert!(!g.contains(Some("Kayes"), None));
        assert!(!g.contains(None, Some("Sikasso")));
        assert!(PoolGroup::National.contains(None, None));
    }
}
