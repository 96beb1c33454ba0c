//! Generate a national-scale synthetic WISN study folder (deterministic, seeded).
//!
//! ```text
//! cargo run --release --example gen_national -- --out /tmp/wisn-bench/national --facilities 30000
//! ```
//!
//! Writes the five tables of `/work/shared/spec/study-format.md` (facilities, working_time,
//! standards, workload, staff) as CSV. `workload.csv` is streamed: it is produced one facility at a
//! time into a reused buffer and written through a `BufWriter`, so memory stays flat whatever the
//! number of rows. The same `--seed` and arguments always give byte-identical files.
//!
//! The data are synthetic (Mali-like regions, invented districts and facilities); they are meant to
//! exercise `wisn compute` at scale, not to be realistic staffing figures.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};

const HELP: &str = "\
gen_national: generate a synthetic national-scale WISN study folder (deterministic)

USAGE:
    gen_national --out DIR [OPTIONS]

OPTIONS:
    --out DIR          output folder (created if missing; tables are overwritten)   [required]
    --facilities N     number of facilities                                         [default: 30000]
    --activities N     number of service activities (spread over the 5 cadres)      [default: 50]
    --months N         monthly periods per facility x activity, from 2023-01 on;
                       beyond 12 they continue into 2024-01, ...                    [default: 12]
    --repeat K         write every facility x activity x month row K times, the volume split
                       between the copies so that totals are unchanged (K times the rows, same
                       facilities and same results)                                 [default: 1]
    --seed N           PRNG seed                                                    [default: 42]
    -h, --help         print this help

Tables written: facilities.csv, working_time.csv, standards.csv, workload.csv, staff.csv.
workload.csv has facilities x activities x months x repeat rows (30000 x 50 x 12 = 18 M by default).
";

struct Args {
    out: PathBuf,
    facilities: usize,
    activities: usize,
    months: usize,
    repeat: usize,
    seed: u64,
}

fn parse_args() -> Result<Args> {
    let mut out = None;
    let mut facilities = 30_000usize;
    let mut activities = 50usize;
    let mut months = 12usize;
    let mut repeat = 1usize;
    let mut seed = 42u64;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        // Accept both `--flag value` and `--flag=value`.
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = |name: &str| -> Result<String> {
            match inline.clone() {
                Some(v) => Ok(v),
                None => it.next().with_context(|| format!("{name} needs a value")),
            }
        };
        match flag.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                std::process::exit(0);
            }
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--facilities" => facilities = num(&value("--facilities")?, "--facilities")?,
            "--activities" => activities = num(&value("--activities")?, "--activities")?,
            "--months" => months = num(&value("--months")?, "--months")?,
            "--repeat" => repeat = num(&value("--repeat")?, "--repeat")?,
            "--seed" => seed = num(&value("--seed")?, "--seed")?,
            other => bail!("unknown argument `{other}` (see --help)"),
        }
    }
    let Some(out) = out else {
        bail!("--out DIR is required (see --help)")
    };
    if facilities == 0 || activities == 0 || months == 0 || repeat == 0 {
        bail!("--facilities, --activities, --months and --repeat must be at least 1");
    }
    Ok(Args {
        out,
        facilities,
        activities,
        months,
        repeat,
        seed,
    })
}

fn num<T: std::str::FromStr>(s: &str, flag: &str) -> Result<T> {
    s.trim()
        .parse()
        .ok()
        .with_context(|| format!("{flag}: `{s}` is not a valid number"))
}

// ---------------------------------------------------------------------------------------------
// PRNG: splitmix64 to seed, xorshift64* to draw.

fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

struct Rng(u64);

impl Rng {
    /// A stream derived from the global seed and a stream id (so each facility's draws do not
    /// depend on how many draws other facilities made).
    fn new(seed: u64, stream: u64) -> Rng {
        let s = splitmix64(seed ^ splitmix64(stream.wrapping_add(0xA5A5_5A5A)));
        Rng(if s == 0 { 0x1234_5678_9ABC_DEF1 } else { s })
    }
    fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in [0, 1).
    fn f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
    /// Uniform integer in [lo, hi].
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }
}

// ---------------------------------------------------------------------------------------------
// Reference data.

/// Mali's 11 regions with a number of (synthetic) health districts each: 75 in all.
const REGIONS: [(&str, usize); 11] = [
    ("Kayes", 10),
    ("Koulikoro", 12),
    ("Sikasso", 11),
    ("Ségou", 8),
    ("Mopti", 8),
    ("Tombouctou", 5),
    ("Gao", 4),
    ("Kidal", 4),
    ("Taoudénit", 3),
    ("Ménaka", 4),
    ("Bamako", 6),
];

const CADRES: [&str; 5] = [
    "Médecin",
    "Sage-femme",
    "Infirmier",
    "Matrone",
    "Aide-soignant",
];

#[derive(Clone, Copy, PartialEq)]
enum FType {
    CSCom,
    CSRef,
    Eph,
    Chu,
}

impl FType {
    fn name(self) -> &'static str {
        match self {
            FType::CSCom => "CSCom",
            FType::CSRef => "CSRéf",
            FType::Eph => "EPH",
            FType::Chu => "CHU",
        }
    }
    /// Multiplier of a CSCom's monthly volumes.
    fn volume_scale(self) -> f64 {
        match self {
            FType::CSCom => 1.0,
            FType::CSRef => 8.0,
            FType::Eph => 20.0,
            FType::Chu => 35.0,
        }
    }
    fn draw(rng: &mut Rng) -> FType {
        let u = rng.f64();
        if u < 0.90 {
            FType::CSCom
        } else if u < 0.95 {
            FType::CSRef
        } else if u < 0.99 {
            FType::Eph
        } else {
            FType::Chu
        }
    }
}

struct Facility {
    id: String,
    ftype: FType,
    /// Overall activity level of the facility (catchment size), around 1.
    size: f64,
}

fn facility_id(i: usize) -> String {
    format!("ML{:06}", i + 1)
}

fn activity_name(a: usize, n: usize) -> String {
    if n < 100 {
        format!("Activité {:02}", a + 1)
    } else {
        format!("Activité {:03}", a + 1)
    }
}

fn period(m: usize) -> String {
    format!("{}-{:02}", 2023 + m / 12, m % 12 + 1)
}

/// Seasonal factor of month index `m` (rainy-season peak around August, as malaria does).
fn season(m: usize) -> f64 {
    let x = ((m % 12) as f64 - 7.0) / 12.0 * std::f64::consts::TAU;
    1.0 + 0.25 * x.cos()
}

/// Append the decimal digits of `v` to `buf` (no allocation, no formatting machinery).
#[inline]
fn push_u64(buf: &mut Vec<u8>, mut v: u64) {
    let mut tmp = [0u8; 20];
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    buf.extend_from_slice(&tmp[i..]);
}

/// Quote a CSV field when it needs it.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn create(dir: &std::path::Path, name: &str) -> Result<BufWriter<File>> {
    let p = dir.join(name);
    let f = File::create(&p).with_context(|| format!("cannot create {}", p.display()))?;
    Ok(BufWriter::with_capacity(1 << 20, f))
}

fn main() {
    // Plain messages (anyhow would print a backtrace under RUST_BACKTRACE=1); 2 = bad arguments.
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("gen_national: {e:#}");
            std::process::exit(2);
        }
    };
    if let Err(e) = run(args) {
        eprintln!("gen_national: {e:#}");
        std::process::exit(1);
    }
}

fn run(args: Args) -> Result<()> {
    let t0 = Instant::now();
    fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;

    // Districts: (district name, region name).
    let mut districts: Vec<(String, &str)> = Vec::new();
    for (region, n) in REGIONS {
        for k in 1..=n {
            districts.push((format!("{region}-{k:02}"), region));
        }
    }

    // ---- facilities.csv (the facility list is small: 30 000 × ~20 bytes of id) --------------
    let mut facilities = Vec::with_capacity(args.facilities);
    let mut per_district = vec![0usize; districts.len()];
    {
        let mut w = create(&args.out, "facilities.csv")?;
        writeln!(w, "facility_id,facility_name,facility_type,district,region")?;
        let mut rng = Rng::new(args.seed, u64::MAX);
        for i in 0..args.facilities {
            let ftype = FType::draw(&mut rng);
            let d = rng.range(0, districts.len() as u64 - 1) as usize;
            per_district[d] += 1;
            let (dname, region) = &districts[d];
            let id = facility_id(i);
            let name = format!("{} {} n°{}", ftype.name(), dname, per_district[d]);
            writeln!(
                w,
                "{id},{},{},{dname},{region}",
                csv_field(&name),
                ftype.name()
            )?;
            // Catchment size: 0.4 .. 1.8, skewed towards smaller.
            let u = rng.f64();
            let size = 0.4 + 1.4 * u * u;
            facilities.push(Facility { id, ftype, size });
        }
        w.flush()?;
    }

    // ---- working_time.csv --------------------------------------------------------------------
    {
        let mut w = create(&args.out, "working_time.csv")?;
        writeln!(
            w,
            "cadre,facility_type,days_per_week,hours_per_day,public_holidays,annual_leave,sick_leave,other_leave"
        )?;
        for c in CADRES {
            writeln!(w, "{c},,5,8,13,30,8,5")?;
        }
        w.flush()?;
    }

    // ---- standards.csv -----------------------------------------------------------------------
    // Activity a belongs to cadre a % 5; its standard (minutes per unit) is drawn in 5..=60.
    let mut std_rng = Rng::new(args.seed, u64::MAX - 1);
    let standards_min: Vec<u64> = (0..args.activities).map(|_| std_rng.range(5, 60)).collect();
    // Monthly base volume of each activity at a CSCom, inversely related to its standard so that
    // a typical CSCom needs about 2 staff per cadre: 2 × 1 632 h AWT × 60 min / 12 months
    // = 16 320 min a month, shared by the cadre's activities.
    let per_cadre = (args.activities as f64 / CADRES.len() as f64).max(1.0);
    let base_volume: Vec<f64> = standards_min
        .iter()
        .map(|&s| 16_320.0 / (per_cadre * s as f64) * (0.5 + std_rng.f64()))
        .collect();
    let activity_names: Vec<String> = (0..args.activities)
        .map(|a| activity_name(a, args.activities))
        .collect();
    {
        let mut w = create(&args.out, "standards.csv")?;
        writeln!(
            w,
            "cadre,facility_type,component,activity,standard,unit,staff"
        )?;
        for (ci, c) in CADRES.iter().enumerate() {
            for a in (0..args.activities).filter(|a| a % CADRES.len() == ci) {
                writeln!(
                    w,
                    "{c},,service,{},{},min,",
                    activity_names[a], standards_min[a]
                )?;
            }
            writeln!(w, "{c},,support,Réunions de service,{},h/month,", 4 + ci)?;
            writeln!(w, "{c},,support,Rapports et statistiques,{},%,", 5 + ci % 3)?;
            writeln!(
                w,
                "{c},,additional,Gestion du centre,{},h/month,1",
                8 + 2 * ci
            )?;
        }
        w.flush()?;
    }

    // ---- workload.csv (streamed) -------------------------------------------------------------
    // Precomputed byte prefixes; each facility's rows are assembled into one reused buffer.
    let act_fields: Vec<Vec<u8>> = activity_names
        .iter()
        .map(|n| format!("{},", csv_field(n)).into_bytes())
        .collect();
    let period_fields: Vec<Vec<u8>> = (0..args.months)
        .map(|m| format!("{},", period(m)).into_bytes())
        .collect();
    let seasons: Vec<f64> = (0..args.months).map(season).collect();
    let t_wl = Instant::now();
    let mut wl_rows: u64 = 0;
    let mut wl_bytes: u64 = 0;
    let mut wl_volume: u64 = 0;
    {
        let mut w = create(&args.out, "workload.csv")?;
        let header = b"facility_id,activity,period,volume\n";
        w.write_all(header)?;
        wl_bytes += header.len() as u64;
        let mut buf: Vec<u8> = Vec::with_capacity(1 << 20);
        let mut id_field: Vec<u8> = Vec::with_capacity(16);
        let k = args.repeat as u64;
        for (i, f) in facilities.iter().enumerate() {
            let mut rng = Rng::new(args.seed, i as u64);
            id_field.clear();
            id_field.extend_from_slice(f.id.as_bytes());
            id_field.push(b',');
            let scale = f.ftype.volume_scale() * f.size;
            for a in 0..args.activities {
                // Per facility × activity level: some activities are rare at some facilities.
                let level = base_volume[a] * scale * (0.3 + 1.4 * rng.f64());
                for m in 0..args.months {
                    let noise = 0.8 + 0.4 * rng.f64();
                    let v = (level * seasons[m] * noise).round() as u64;
                    wl_volume += v;
                    let (q, r) = (v / k, v % k);
                    for j in 0..k {
                        buf.extend_from_slice(&id_field);
                        buf.extend_from_slice(&act_fields[a]);
                        buf.extend_from_slice(&period_fields[m]);
                        push_u64(&mut buf, q + u64::from(j < r));
                        buf.push(b'\n');
                    }
                    wl_rows += k;
                }
                if buf.len() >= (1 << 20) - 4096 {
                    w.write_all(&buf)?;
                    wl_bytes += buf.len() as u64;
                    buf.clear();
                }
            }
        }
        w.write_all(&buf)?;
        wl_bytes += buf.len() as u64;
        w.flush()?;
    }
    let wl_secs = t_wl.elapsed().as_secs_f64();

    // ---- staff.csv ---------------------------------------------------------------------------
    // Staff in post per cadre, roughly in line with the workload (so ratios spread around 1).
    {
        let mut w = create(&args.out, "staff.csv")?;
        writeln!(w, "facility_id,cadre,count")?;
        let mut rng = Rng::new(args.seed, u64::MAX - 2);
        for f in &facilities {
            let scale = f.ftype.volume_scale() * f.size;
            for (ci, c) in CADRES.iter().enumerate() {
                let typical = match (f.ftype, ci) {
                    (FType::CSCom, 0) => 0.6, // many CSComs have no doctor
                    (FType::CSCom, _) => 2.0,
                    _ => 2.0 * scale,
                } * if f.ftype == FType::CSCom { f.size } else { 1.0 };
                let count = (typical * (0.4 + 1.2 * rng.f64())).round() as u64;
                writeln!(w, "{},{c},{count}", f.id)?;
            }
        }
        w.flush()?;
    }

    let total = t0.elapsed().as_secs_f64();
    let mut sizes = String::new();
    for t in [
        "facilities",
        "working_time",
        "standards",
        "workload",
        "staff",
    ] {
        let p = args.out.join(format!("{t}.csv"));
        let len = fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
        sizes.push_str(&format!("  {t}.csv: {len} bytes\n"));
    }
    eprint!("{sizes}");
    println!(
        "workload.csv: {wl_rows} rows, {wl_bytes} bytes ({:.1} MB), total volume {wl_volume}; \
         written in {wl_secs:.2} s ({:.2} M rows/s, {:.0} MB/s); all tables in {total:.2} s -> {}",
        wl_bytes as f64 / 1e6,
        wl_rows as f64 / wl_secs / 1e6,
        wl_bytes as f64 / wl_secs / 1e6,
        args.out.display()
    );
    Ok(())
}
