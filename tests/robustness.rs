//! Bad input gets problems, never a panic: a valid study with cells replaced by near-misses and
//! garbage (invalid UTF-8, quotes, NaN, other delimiters), rows dropped, through the whole
//! reader, the engine and the text exporters (proptest, in-process). About one case in six still
//! computes; the others must fail with located problems.

use proptest::prelude::*;

use wisn::engine::{compute, ComputeOptions, Level};
use wisn::report::{serialize, ComputeReport, Format, ReportSettings};
use wisn::study::{load, ReadOptions};

/// A valid study, table by table (header, then rows): the fuzz mutates its cells.
const BASE: [(&str, &str); 6] = [
    ("working_time.csv", "cadre,facility_type,days_per_week,hours_per_day,public_holidays,annual_leave,sick_leave,other_leave\nSage-femme,,5,8,12,22,5,10\nInfirmier,,5,8,12,22,5,10\nInfirmier,EPH,5,12,12,22,5,10"),
    ("standards.csv", "cadre,facility_type,component,activity,standard,unit,staff\nSage-femme,,service,Accouchement,240,min,\nSage-femme,,service,CPN,30,min,\nSage-femme,,support,Réunions,2,h/month,\nSage-femme,,additional,Mentorat,4,h/month,1\nInfirmier,,service,Consultation,20,min,\nInfirmier,,support,Rapports,5,%,\nInfirmier,EPH,service,Consultation,15,min,"),
    ("workload.csv", "facility_id,activity,period,volume\nA,Accouchement,2023-01,30\nA,CPN,2023-01,40\nA,Consultation,2023-02,300\nB,Accouchement,2023-01,12\nB,Consultation,2023-01,150\nC,Consultation,2023-03,900"),
    ("staff.csv", "facility_id,cadre,count\nA,Sage-femme,1\nA,Infirmier,2\nB,SAGE FEMME,1\nC,Infirmier,4"),
    ("facilities.csv", "facility_id,facility_name,facility_type,district,region\nA,CSCom A,CSCom,Sikasso,Sikasso\nB,CSCom B,CSCom,Kadiolo,Sikasso\nC,Hôpital,EPH,Sikasso,Sikasso"),
    ("cadre_aliases.csv", "alias,cadre\nSF,Sage-femme"),
];

/// A cell: plausible values, near-misses and garbage.
fn cell() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::sample::select(vec![
            "",
            "0",
            "1",
            "5",
            "8",
            "12,5",
            "1 234",
            "-3",
            "NaN",
            "inf",
            "1e308",
            "99999999999999999999",
            "100",
            "%",
            "min",
            "h",
            "per_hour",
            "per_day",
            "h/week",
            "min/jour",
            "jours/an",
            "service",
            "support",
            "additional",
            "soutien",
            "Sage-femme",
            "SAGE FEMME",
            "Infirmier",
            "CSCom",
            "CSRéf",
            "2023-01",
            "2023Q1",
            "2023W05",
            "202313",
            "mars 2023",
            "Consultation",
            "\"",
            "\"a,b\"",
            "#DIV/0!",
            "\u{feff}",
            "é",
            ";",
            "\t",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        prop::collection::vec(any::<u8>(), 0..6),
    ]
}

/// A base table with some cells replaced, a row dropped or doubled, in some delimiter.
fn table(base: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let rows: Vec<Vec<&'static str>> = base.lines().map(|l| l.split(',').collect()).collect();
    let cells: usize = rows.iter().map(Vec::len).sum();
    (
        prop::collection::vec((0..cells, cell()), 0..2),
        prop::sample::select(vec![b',', b';', b'\t']),
        prop::option::weighted(0.1, 1..rows.len()),
    )
        .prop_map(move |(mutations, delimiter, drop)| {
            let mut grid: Vec<Vec<Vec<u8>>> = rows
                .iter()
                .map(|r| r.iter().map(|c| c.as_bytes().to_vec()).collect())
                .collect();
            for (at, value) in mutations {
                let mut i = at;
                for row in grid.iter_mut() {
                    if i < row.len() {
                        row[i] = value.clone();
                        break;
                    }
                    i -= row.len();
                }
            }
            if let Some(d) = drop {
                grid.remove(d);
            }
            let mut out = Vec::new();
            for row in grid {
                for (i, c) in row.iter().enumerate() {
                    if i > 0 {
                        out.push(delimiter);
                    }
                    out.extend(c);
                }
                out.push(b'\n');
            }
            out
        })
}

fn study() -> impl Strategy<Value = Vec<(&'static str, Vec<u8>)>> {
    let tables: Vec<_> = BASE
        .iter()
        .map(|(name, base)| table(base).prop_map(move |t| (*name, t)))
        .collect();
    tables
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]
    #[test]
    fn random_tables_never_panic(files in study(), annualize in any::<bool>()) {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in &files {
            std::fs::write(dir.path().join(name), bytes).unwrap();
        }
        let read = ReadOptions { study: Some(dir.path().to_path_buf()), annualize, ..Default::default() };
        let (builder, mut diag) = load(&read);
        if diag.has_errors() {
            // Every error says where it is.
            for p in diag.errors() {
                prop_assert!(p.location.is_some() || p.code == wisn::diag::Code::CasOver100 || p.code == wisn::diag::Code::NoWorkingTime, "{p}");
            }
            return Ok(());
        }
        let options = ComputeOptions { by: vec![Level::District, Level::National], ..Default::default() };
        if let Ok(results) = compute(&builder.study, &options, &mut diag) {
            for row in &results.rows {
                prop_assert!(row.required_staff.is_finite() && row.current_staff.is_finite());
                prop_assert!(row.wisn_ratio.is_none_or(f64::is_finite));
            }
            let settings = ReportSettings::default();
            let report = ComputeReport { study: &builder.study, results: &results, warnings: diag.warnings().collect(), settings: &settings };
            for format in [Format::Table, Format::Csv, Format::Json] {
                prop_assert!(serialize(&report, format).is_ok());
            }
            // The planning commands on the same rows: a pool of 3 posts per cadre, then
            // transfers within districts.
            use wisn::planning::allocate::{allocate, AllocateOptions, Request};
            use wisn::planning::inputs::{Costs, Pool, PoolGroup};
            let pools = (0..builder.study.cadres.len())
                .map(|cadre| Pool { cadre, posts: 3, group: PoolGroup::National })
                .collect();
            let options = AllocateOptions { request: Request::Pools(pools), types: vec![], bands: Default::default() };
            let a = allocate(&builder.study, &results.rows, &Costs::default(), &options);
            let r = wisn::planning::redistribute::redistribute(&builder.study, &results.rows, wisn::planning::Within::District, &Default::default());
            let ar = wisn::planning::report::AllocateReport { plan: wisn::planning::report::AllocatePlan { study: &builder.study, allocation: &a }, warnings: vec![], settings: &settings };
            let rr = wisn::planning::report::RedistributeReport { plan: wisn::planning::report::RedistributePlan { redistribution: &r, within: wisn::planning::Within::District }, warnings: vec![], settings: &settings };
            for format in [Format::Table, Format::Csv, Format::Json] {
                prop_assert!(serialize(&ar, format).is_ok());
                prop_assert!(serialize(&rr, format).is_ok());
            }
        }
    }
}
