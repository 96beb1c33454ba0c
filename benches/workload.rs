//! `cargo bench`: throughput of reading a study (the streamed workload aggregation) and of the
//! whole compute, next to a bare `csv`-crate parse of the same workload file. The study is
//! generated into a temporary folder: 2,000 facilities × 40 activities × 12 months = 960,000
//! workload rows (scripts/bench.sh measures the national scale, 18 M rows, with peak memory).

use std::io::Write;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const FACILITIES: usize = 2_000;
const ACTIVITIES: usize = 40;
const CADRES: [&str; 5] = [
    "Médecin",
    "Sage-femme",
    "Infirmier",
    "Matrone",
    "Aide-soignant",
];

fn generate(dir: &Path) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(dir.join("facilities.csv")).unwrap());
    writeln!(f, "facility_id,facility_name,facility_type,district,region").unwrap();
    for i in 0..FACILITIES {
        writeln!(
            f,
            "F{i:05},CSCom {i},{},D{:02},R{}",
            if i % 20 == 0 { "CSRéf" } else { "CSCom" },
            i % 50,
            i % 8
        )
        .unwrap();
    }
    let mut w =
        std::io::BufWriter::new(std::fs::File::create(dir.join("working_time.csv")).unwrap());
    writeln!(
        w,
        "cadre,days_per_week,hours_per_day,public_holidays,annual_leave,sick_leave,other_leave"
    )
    .unwrap();
    let mut s = std::io::BufWriter::new(std::fs::File::create(dir.join("standards.csv")).unwrap());
    writeln!(s, "cadre,component,activity,standard,unit,staff").unwrap();
    for (c, cadre) in CADRES.iter().enumerate() {
        writeln!(w, "{cadre},5,8,13,30,8,5").unwrap();
        writeln!(s, "{cadre},support,Réunions,2,h/month,").unwrap();
        writeln!(s, "{cadre},additional,Rapports,1,h/month,1").unwrap();
        for a in (c..ACTIVITIES).step_by(CADRES.len()) {
            writeln!(s, "{cadre},service,Activité {a:02},{},min,", 5 + a).unwrap();
        }
    }
    let mut st = std::io::BufWriter::new(std::fs::File::create(dir.join("staff.csv")).unwrap());
    writeln!(st, "facility_id,cadre,count").unwrap();
    let mut wl = std::io::BufWriter::new(std::fs::File::create(dir.join("workload.csv")).unwrap());
    writeln!(wl, "facility_id,activity,period,volume").unwrap();
    for i in 0..FACILITIES {
        for cadre in CADRES {
            writeln!(st, "F{i:05},{cadre},{}", 1 + i % 3).unwrap();
        }
        for a in 0..ACTIVITIES {
            for m in 1..=12 {
                writeln!(
                    wl,
                    "F{i:05},Activité {a:02},2023-{m:02},{}",
                    (i * 7 + a * 13 + m * 3) % 97
                )
                .unwrap();
            }
        }
    }
}

fn bare_parse(path: &Path) -> f64 {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_path(path)
        .unwrap();
    let mut record = csv::ByteRecord::new();
    let mut sum = 0.0;
    while reader.read_byte_record(&mut record).unwrap() {
        sum += std::str::from_utf8(&record[3])
            .unwrap()
            .parse::<f64>()
            .unwrap();
    }
    sum
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path());
    let workload = dir.path().join("workload.csv");
    let bytes = std::fs::metadata(&workload).unwrap().len();
    let read = wisn::study::ReadOptions {
        study: Some(dir.path().to_path_buf()),
        ..Default::default()
    };

    let mut group = c.benchmark_group("workload_960k_rows");
    group.throughput(Throughput::Bytes(bytes)).sample_size(10);
    group.bench_function("bare_csv_parse", |b| b.iter(|| bare_parse(&workload)));
    group.bench_function("wisn_read_study", |b| {
        b.iter(|| {
            let (builder, diag) = wisn::study::load(&read);
            assert!(!diag.has_errors());
            builder.study.workload.rows
        })
    });
    group.bench_function("wisn_read_and_compute", |b| {
        b.iter(|| {
            let (builder, mut diag) = wisn::study::load(&read);
            let results =
                wisn::engine::compute(&builder.study, &Default::default(), &mut diag).unwrap();
            results.rows.len()
        })
    });
    group.finish();

    let (builder, _) = wisn::study::load(&read);
    c.bench_function("engine_compute_2000_facilities", |b| {
        b.iter(|| {
            wisn::engine::compute(&builder.study, &Default::default(), &mut Default::default())
                .unwrap()
                .rows
                .len()
        })
    });
}

criterion_group!(wisn_benches, benches);
criterion_main!(wisn_benches);
