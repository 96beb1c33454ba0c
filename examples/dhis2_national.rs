//! Generates a national-scale DHIS2 study to measure that `wisn` reads a dataValueSets export in
//! flat memory (docs/dhis2.md, "Scale"). Never commit its output.
//!
//! ```text
//! cargo run --release --example dhis2_national -- /tmp/national [--facilities 12000] [--unmapped 180] [--tidy /tmp/national-tidy] [--json]
//! /usr/bin/time -v target/release/wisn compute /tmp/national --year 2023 -f csv -o /tmp/out.csv -q
//! ```
//!
//! The folder gets the sample's standards, working time and cadre aliases, `facilities.csv`
//! (with `orgunit`), `staff.csv`, `dhis2_mapping.csv` and `dataValueSets.csv.gz`: for every
//! facility and month of 2023, the 17 mapped data elements of the sample (deliveries split by
//! two combos, consultations and vaccine doses by two age combos) plus `--unmapped` data elements
//! that nothing maps, as a DHIS2 2.36+ export (11 columns). 12,000 facilities and 180 unmapped
//! data elements make 28.8 million values. `--tidy DIR` also writes the same mapped values as a
//! tidy `workload.csv.gz` (facility, activity, period, volume) in a study of its own, to compare
//! the two readers. `--json` writes `dataValueSets.json.gz` (DHIS2's JSON export) instead.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

const ACTIVITIES: &[(&str, &[&str])] = &[
    (
        "Consultation curative",
        &["Moins de 5 ans", "5 ans et plus"],
    ),
    ("Consultation médicale", &[]),
    ("Injection", &[]),
    ("Pansement", &[]),
    ("Admission", &[]),
    ("Journées d'hospitalisation", &[]),
    ("CPN première visite", &[]),
    ("CPN de suivi", &[]),
    ("Consultation postnatale", &[]),
    ("Planification familiale", &[]),
    ("Vaccination", &["0-11 mois", "12-23 mois"]),
    ("Suivi de la croissance", &[]),
    ("Dépistage VIH", &[]),
    ("Césarienne", &[]),
    ("Intervention chirurgicale", &[]),
];
const DEFAULT_COC: &str = "HllvX50cXC0";
const CADRES: &[&str] = &[
    "Médecin",
    "Sage-femme",
    "Infirmier",
    "Matrone",
    "Aide-soignant",
];

/// A well-formed made-up UID: a letter, then 10 base-62 digits of `n`.
fn uid(prefix: u8, n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut out = vec![prefix];
    let mut x = n;
    let mut digits = [b'0'; 10];
    for d in digits.iter_mut().rev() {
        *d = DIGITS[(x % 62) as usize];
        x /= 62;
    }
    out.extend_from_slice(&digits);
    String::from_utf8(out).unwrap()
}

/// xorshift64*: deterministic values without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn gz(path: &Path) -> BufWriter<GzEncoder<File>> {
    BufWriter::with_capacity(
        1 << 20,
        GzEncoder::new(File::create(path).unwrap(), Compression::fast()),
    )
}

fn copy_sample(dir: &Path) {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sikasso");
    for name in ["standards.csv", "working_time.csv", "cadre_aliases.csv"] {
        std::fs::copy(sample.join(name), dir.join(name)).unwrap();
    }
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let mut out: Option<PathBuf> = None;
    let mut tidy: Option<PathBuf> = None;
    let mut facilities: u64 = 12_000;
    let mut unmapped: u64 = 180;
    let mut json = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => json = true,
            "--facilities" => facilities = args.next().unwrap().parse().unwrap(),
            "--unmapped" => unmapped = args.next().unwrap().parse().unwrap(),
            "--tidy" => tidy = Some(args.next().unwrap().into()),
            _ => out = Some(a.into()),
        }
    }
    let out =
        out.expect("usage: dhis2_national OUT_DIR [--facilities N] [--unmapped N] [--tidy DIR]");
    std::fs::create_dir_all(&out)?;
    copy_sample(&out);

    // Facilities: a CSRéf for every 20 facilities, else CSCom.
    let ftype = |f: u64| if f % 20 == 0 { "CSRéf" } else { "CSCom" };
    let fid = |f: u64| format!("F{f:05}");
    let mut w = BufWriter::new(File::create(out.join("facilities.csv"))?);
    writeln!(w, "facility_id,facility_name,facility_type,orgunit")?;
    for f in 0..facilities {
        writeln!(w, "{},Structure {f},{},{}", fid(f), ftype(f), uid(b'o', f))?;
    }
    drop(w);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut w = BufWriter::new(File::create(out.join("staff.csv"))?);
    writeln!(w, "facility_id,cadre,count")?;
    for f in 0..facilities {
        for c in CADRES {
            writeln!(w, "{},{c},{}", fid(f), 1 + rng.below(3))?;
        }
    }
    drop(w);
    let mut w = BufWriter::new(File::create(out.join("dhis2_mapping.csv"))?);
    writeln!(w, "data_element,category_option_combo,activity")?;
    for (i, (activity, _)) in ACTIVITIES.iter().enumerate() {
        writeln!(w, "{},,{activity}", uid(b'd', i as u64))?;
    }
    // Deliveries: one data element, a combo per activity.
    let deliveries = uid(b'd', 100);
    writeln!(w, "{deliveries},{},Accouchement normal", uid(b'c', 1))?;
    writeln!(w, "{deliveries},{},Accouchement dystocique", uid(b'c', 2))?;
    drop(w);

    let mut tidy_out = tidy.as_ref().map(|dir| {
        std::fs::create_dir_all(dir).unwrap();
        copy_sample(dir);
        for name in ["facilities.csv", "staff.csv"] {
            std::fs::copy(out.join(name), dir.join(name)).unwrap();
        }
        let mut t = gz(&dir.join("workload.csv.gz"));
        writeln!(t, "facility_id,activity,period,volume").unwrap();
        t
    });
    let mut w = gz(&out.join(if json {
        "dataValueSets.json.gz"
    } else {
        "dataValueSets.csv.gz"
    }));
    if json {
        write!(w, "{{\"dataValues\":[")?;
    } else {
        writeln!(w, "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted")?;
    }
    let mut first_value = true;
    let mut emit = |w: &mut BufWriter<GzEncoder<File>>,
                    de: &str,
                    pe: &str,
                    ou: &str,
                    coc: &str,
                    v: u64|
     -> std::io::Result<()> {
        if json {
            if !first_value {
                w.write_all(b",\n")?;
            }
            first_value = false;
            write!(
                w,
                "{{\"dataElement\":\"{de}\",\"period\":\"{pe}\",\"orgUnit\":\"{ou}\",\"categoryOptionCombo\":\"{coc}\",\"attributeOptionCombo\":\"{DEFAULT_COC}\",\"value\":\"{v}\",\"storedBy\":\"dhis2_sync\",\"created\":\"2024-01-15T10:21:33.000+0000\",\"lastUpdated\":\"2024-01-15T10:21:33.000+0000\",\"followup\":false}}"
            )
        } else {
            writeln!(
                w,
                "{de},{pe},{ou},{coc},{DEFAULT_COC},{v},dhis2_sync,2024-01-15T10:21:33.000,,false,false"
            )
        }
    };
    let mut values: u64 = 0;
    for f in 0..facilities {
        let ou = uid(b'o', f);
        let hospital = ftype(f) == "CSRéf";
        for month in 1..=12 {
            let pe = format!("2023{month:02}");
            for (i, (activity, combos)) in ACTIVITIES.iter().enumerate() {
                if !hospital && matches!(*activity, "Césarienne" | "Intervention chirurgicale") {
                    continue;
                }
                let de = uid(b'd', i as u64);
                let total = 20 + rng.below(400);
                if combos.is_empty() {
                    emit(&mut w, &de, &pe, &ou, DEFAULT_COC, total)?;
                    values += 1;
                } else {
                    let first = total * 2 / 5;
                    for (k, v) in [first, total - first].into_iter().enumerate() {
                        let coc = uid(b'c', 10 + i as u64 * 2 + k as u64);
                        emit(&mut w, &de, &pe, &ou, &coc, v)?;
                        values += 1;
                    }
                }
                if let Some(t) = tidy_out.as_mut() {
                    writeln!(t, "{},{activity},2023-{month:02},{total}", fid(f))?;
                }
            }
            for (k, activity) in [(1, "Accouchement normal"), (2, "Accouchement dystocique")] {
                let v = if k == 1 {
                    10 + rng.below(60)
                } else {
                    rng.below(5)
                };
                emit(&mut w, &deliveries, &pe, &ou, &uid(b'c', k), v)?;
                values += 1;
                if let Some(t) = tidy_out.as_mut() {
                    writeln!(t, "{},{activity},2023-{month:02},{v}", fid(f))?;
                }
            }
            for u in 0..unmapped {
                let v = rng.below(1000);
                emit(&mut w, &uid(b'u', u), &pe, &ou, DEFAULT_COC, v)?;
                values += 1;
            }
        }
    }
    if json {
        w.write_all(b"]}\n")?;
    }
    w.into_inner()?.finish()?;
    if let Some(t) = tidy_out {
        t.into_inner()?.finish()?;
    }
    eprintln!(
        "{}: {facilities} facilities, {values} values in dataValueSets.{}.gz",
        out.display(),
        if json { "json" } else { "csv" }
    );
    Ok(())
}
