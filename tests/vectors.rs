//! The spec's published vectors (wisn-method §6) and hand-computed cases, through the CLI.

use crate::util::*;

fn num(row: &std::collections::BTreeMap<String, String>, col: &str) -> f64 {
    row[col]
        .parse()
        .unwrap_or_else(|_| panic!("{col} = {:?}", row[col]))
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0), "{a} vs {b}");
}

/// wisn-method §6.1: Kenya HIV clinic, clinicians (Burmen, Owuor & Mitei 2017, Table 3).
/// 4.5 × 52 − 10 − 30 − 15 = 179 days × 8 h = 1,432 h; 100,000 consultations × 15 min =
/// 25,000 h = 3,125 days → A = 3,125 / 179 = 17.4581…; training 10 days/year = 80 h = 5.5866 %
/// → CAF = 179/169 → required = A × CAF = 3,125/169 = 18.4911.
#[test]
fn kenya_2017_through_the_cli() {
    let d = Dir::new();
    d.write("working_time.csv", "cadre,days_per_week,hours_per_day,public_holidays,annual_leave,sick_leave,other_leave\nClinician,4.5,8,10,30,15,0\n")
        .write("standards.csv", "cadre,component,activity,standard,unit\nClinician,service,Consultation,15,min\nClinician,support,Training,10,days/year\n")
        .write("workload.csv", "facility_id,activity,volume\nHIV clinic,Consultation,100000\n")
        .write("staff.csv", "facility_id,cadre,count\nHIV clinic,Clinician,18\n");
    let rows = compute_csv(&[d.path().to_str().unwrap()]);
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    close(num(r, "awt_hours"), 1432.0);
    close(num(r, "service_staff"), 3125.0 / 179.0);
    assert_eq!(format!("{:.2}", num(r, "service_staff")), "17.46");
    close(num(r, "caf"), 179.0 / 169.0);
    close(num(r, "required_staff"), 3125.0 / 169.0);
    assert_eq!(format!("{:.4}", num(r, "required_staff")), "18.4911");
    close(num(r, "difference"), 18.0 - 3125.0 / 169.0);
    close(num(r, "wisn_ratio"), 18.0 * 169.0 / 3125.0);
    assert_eq!(r["required_rounded"], "18");
    assert_eq!(r["status"], "balanced"); // 0.973 is within 0.9–1.1
    assert_eq!(r["completeness"], ""); // no periods
    assert_eq!(r["iaf"], "0");
}

/// wisn-method §6.2: Cross River State 2021 totals, as a roll-up of two facilities per cadre.
/// AWT = 5 × 52 = 260 days × 8 h = 2,080 h; a 60-minute standard gives SW = 2,080, so a volume of
/// 2,080 × R needs exactly R staff.
#[test]
fn cross_river_2021_roll_up() {
    let d = Dir::new();
    d.write("working_time.csv", "cadre,days_per_week,hours_per_day,public_holidays,annual_leave,sick_leave,other_leave\nNurse/midwife,5,8,0,0,0,0\nCHO/CHEW,5,8,0,0,0,0\nJCHEW,5,8,0,0,0,0\n")
        .write("standards.csv", "cadre,component,activity,standard,unit\nNurse/midwife,service,Nursing,60,min\nCHO/CHEW,service,CHEW care,60,min\nJCHEW,service,JCHEW care,60,min\n")
        .write("facilities.csv", "facility_id,district,region\nA,North,Cross River\nB,South,Cross River\n");
    // Required: nurses 100 + 109 = 209; CHO/CHEW 600 + 658 = 1,258; JCHEW 100 + 103 = 203.
    let mut workload = String::from("facility_id,activity,volume\n");
    for (f, a, r) in [
        ("A", "Nursing", 100),
        ("B", "Nursing", 109),
        ("A", "CHEW care", 600),
        ("B", "CHEW care", 658),
        ("A", "JCHEW care", 100),
        ("B", "JCHEW care", 103),
    ] {
        workload.push_str(&format!("{f},{a},{}\n", 2080 * r));
    }
    d.write("workload.csv", &workload);
    // In post: nurses 40 + 39 = 79; CHO/CHEW 400 + 408 = 808; JCHEW 130 + 128 = 258.
    d.write("staff.csv", "facility_id,cadre,count\nA,Nurse/midwife,40\nB,Nurse/midwife,39\nA,CHO/CHEW,400\nB,CHO/CHEW,408\nA,JCHEW,130\nB,JCHEW,128\n");
    let rows = compute_csv(&[
        d.path().to_str().unwrap(),
        "--by",
        "national",
        "--by",
        "region",
    ]);
    let national: Vec<_> = rows.iter().filter(|r| r["level"] == "national").collect();
    assert_eq!(national.len(), 3);
    for (cadre, current, required, ratio, diff) in [
        ("Nurse/midwife", 79.0, 209.0, "0.4", -130.0),
        ("CHO/CHEW", 808.0, 1258.0, "0.6", -450.0),
        ("JCHEW", 258.0, 203.0, "1.3", 55.0),
    ] {
        let r = national.iter().find(|r| r["cadre"] == cadre).unwrap();
        close(num(r, "current_staff"), current);
        close(num(r, "required_staff"), required);
        assert_eq!(format!("{:.1}", num(r, "wisn_ratio")), ratio);
        close(num(r, "wisn_ratio"), current / required); // ratio of sums
        close(num(r, "difference"), diff);
        assert_eq!(r["facility_id"], "");
        assert_eq!(r["awt_hours"], "");
    }
    // The region row is the same group here.
    let region = rows
        .iter()
        .find(|r| r["level"] == "region" && r["cadre"] == "JCHEW")
        .unwrap();
    assert_eq!(region["region"], "Cross River");
    assert_eq!(region["status"], "excess");
}

/// wisn-method §6.3: 1 h/week on 5 × 8 h is 2.5 % whatever the leave; 30 min/day is 6.25 %; with
/// a 5 % item the total is 13.75 % and CAF = 80/69.
#[test]
fn unit_conversion_vector() {
    for leave in ["0", "25"] {
        let d = Dir::new();
        d.write("working_time.csv", &format!("cadre,days_per_week,hours_per_day,public_holidays,annual_leave,sick_leave,other_leave\nNurse,5,8,{leave},0,0,0\n"))
            .write("standards.csv", "cadre,component,activity,standard,unit\nNurse,service,Visit,60,min\nNurse,support,Group education,1,h/week\nNurse,support,Cleaning,30,min/day\nNurse,support,Meetings,5,%\n")
            .write("workload.csv", "facility_id,activity,volume\nF,Visit,1000\n")
            .write("staff.csv", "facility_id,cadre,count\nF,Nurse,1\n");
        let rows = compute_csv(&[d.path().to_str().unwrap()]);
        close(num(&rows[0], "caf"), 80.0 / 69.0);
        assert_eq!(format!("{:.6}", num(&rows[0], "caf")), "1.159420");
    }
}

/// Every unit by hand. 5 × 52 − 20 = 240 days × 8 h = 1,920 h.
/// Service: 20 min → SW 5,760, volume 5,760 → 1; 2 h → SW 960, volume 960 → 1; 3 per hour → SW
/// 5,760, volume 11,520 → 2; 24 per day → SW 5,760, volume 2,880 → 0.5. A = 4.5.
/// Support: 1 h/week × 48 working weeks = 48 h = 2.5 % → CAF = 1/0.975.
/// Additional: 32 h/month × (240 / 21.667 = 11.0769 working months) × 10 staff = 3,544.6 h
/// → IAF = 3,544.6 / 1,920 = 24/13. Required = 4.5/0.975 + 24/13 = 60/13 + 24/13 = 84/13.
#[test]
fn every_unit_by_hand() {
    let d = Dir::new();
    d.write("working_time.csv", "cadre,days_per_week,hours_per_day,public_holidays,annual_leave,sick_leave,other_leave\nInfirmier,5,8,20,0,0,0\n")
        .write("standards.csv", "cadre,component,activity,standard,unit,staff\nInfirmier,service,A,20,min,\nInfirmier,service,B,2,h,\nInfirmier,service,C,3,per_hour,\nInfirmier,service,D,24,per_day,\nInfirmier,support,Education,1,h/week,\nInfirmier,additional,Supervision,32,h/month,10\n")
        .write("workload.csv", "facility_id,activity,volume\nF,A,5760\nF,B,960\nF,C,11520\nF,D,2880\n")
        .write("staff.csv", "facility_id,cadre,count\nF,Infirmier,6\n");
    let rows = compute_csv(&[d.path().to_str().unwrap()]);
    let r = &rows[0];
    close(num(r, "awt_hours"), 1920.0);
    close(num(r, "service_staff"), 4.5);
    close(num(r, "caf"), 1.0 / 0.975);
    close(num(r, "iaf"), 24.0 / 13.0);
    close(num(r, "required_staff"), 84.0 / 13.0);
    assert_eq!(r["required_rounded"], "6");
    close(
        num(r, "workload_pressure_pct"),
        (1.0 - 6.0 * 13.0 / 84.0) * 100.0,
    );
    assert_eq!(r["status"], "balanced"); // 6 / 6.46 = 0.929
                                         // The same study in French units and French headers gives the same row.
    let f = Dir::new();
    f.write("temps_de_travail.csv", "Catégorie;Jours par semaine;Heures par jour;Jours fériés;Congés annuels;Congés maladie;Autres absences\nInfirmier;5;8;20;0;0;0\n")
        .write("normes.csv", "Catégorie;Composante;Activité;Norme;Unité;Nombre agents\nInfirmier;prestation;A;20;mn;\nInfirmier;prestation;B;2;heures;\nInfirmier;prestation;C;3;par_heure;\nInfirmier;prestation;D;24;par_jour;\nInfirmier;soutien;Education;1;h/semaine;\nInfirmier;supplémentaire;Supervision;32;h/mois;10\n")
        .write("charge_de_travail.csv", "Code structure;Activité;Valeur\nF;A;5 760\nF;B;960\nF;C;11 520\nF;D;2 880\n")
        .write("effectifs.csv", "Structure;Catégorie;Effectif\nF;INFIRMIER;6\n");
    assert_same_results(&compute_csv(&[f.path().to_str().unwrap()]), &rows);
}

/// Precedence replaces the whole set: at an EPH the cadre's EPH rows (service only) replace all of
/// its blank-type rows, so the blank-type 10 % support item does not apply there; the EPH
/// working-time row replaces the blank one.
/// CSCom: 260 days × 8 h = 2,080 h; 60 min → SW 2,080; volume 2,080 → A = 1; CAF = 1/0.9.
/// EPH: 260 days × 12 h = 3,120 h; 30 min → SW 6,240; volume 2,080 → A = 1/3; CAF = 1.
#[test]
fn facility_type_precedence() {
    let d = Dir::new();
    d.write("facilities.csv", "facility_id,facility_type\nC1,CSCom\nH1,EPH\n")
        .write("working_time.csv", "cadre,facility_type,days_per_week,hours_per_day,public_holidays,annual_leave,sick_leave,other_leave\nMédecin,,5,8,0,0,0,0\nMédecin,eph,5,12,0,0,0,0\n")
        .write("standards.csv", "cadre,facility_type,component,activity,standard,unit\nMédecin,,service,Consultation,60,min\nMédecin,,support,Réunions,10,%\nMédecin,EPH,service,Consultation,30,min\n")
        .write("workload.csv", "facility_id,activity,volume\nC1,Consultation,2080\nH1,Consultation,2080\n")
        .write("staff.csv", "facility_id,cadre,count\nC1,Médecin,1\nH1,Médecin,1\n");
    let rows = compute_csv(&[d.path().to_str().unwrap()]);
    let c = rows.iter().find(|r| r["facility_id"] == "C1").unwrap();
    let h = rows.iter().find(|r| r["facility_id"] == "H1").unwrap();
    close(num(c, "awt_hours"), 2080.0);
    close(num(c, "required_staff"), 1.0 / 0.9);
    close(num(h, "awt_hours"), 3120.0);
    close(num(h, "caf"), 1.0);
    close(num(h, "required_staff"), 1.0 / 3.0);
}

/// Rows exist only where a cadre has standards at the type AND staff or workload: a cadre with
/// workload but no staff row appears (current 0); one with neither does not. Required 0 with staff
/// in post: ratio null, pressure 0, status excess.
#[test]
fn which_rows_exist_and_required_zero() {
    let d = Dir::new();
    d.write("working_time.csv", "cadre,days_per_week,hours_per_day\nSage-femme,5,8\nMatrone,5,8\nMédecin,5,8\n")
        .write("standards.csv", "cadre,component,activity,standard,unit\nSage-femme,service,Accouchement,60,min\nMatrone,service,Accouchement,60,min\nMédecin,service,Consultation,60,min\n")
        .write("workload.csv", "facility_id,activity,volume\nF,Accouchement,1040\n")
        .write("staff.csv", "facility_id,cadre,count\nF,Médecin,2\n");
    let out = wisn()
        .args(["compute", d.path().to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = doc["rows"].as_array().unwrap();
    let cadres: Vec<&str> = rows.iter().map(|r| r["cadre"].as_str().unwrap()).collect();
    assert_eq!(cadres, ["Sage-femme", "Matrone", "Médecin"]);
    let sf = &rows[0];
    assert_eq!(sf["current_staff"], 0.0);
    assert_eq!(sf["required_staff"], 0.5);
    assert_eq!(sf["wisn_ratio"], 0.0);
    assert_eq!(sf["workload_pressure_pct"], 100.0);
    let md = &rows[2];
    assert!(md["wisn_ratio"].is_null());
    assert_eq!(md["workload_pressure_pct"], 0.0);
    assert_eq!(md["status"], "excess");
    assert!(md["completeness"].is_null());
    // Every row carries every column of the spec, in order.
    for r in rows {
        let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, wisn::report::COLUMNS);
    }
    // The médecin with no workload at all is named in a warning.
    let warnings = doc["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().unwrap().contains("Médecin")
                && w.as_str().unwrap().contains("A = 0")),
        "{warnings:?}"
    );
}
