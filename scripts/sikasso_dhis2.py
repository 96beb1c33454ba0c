#!/usr/bin/env python3
"""Generates data/sikasso-dhis2/ from the tidy sample data/sikasso/: the same study as it comes
out of DHIS2 and iHRIS.

    python3 scripts/sikasso_dhis2.py            # rewrites data/sikasso-dhis2/

Files written (see data/README.md and docs/dhis2.md):
- dataValueSets.csv.gz  the workload of data/sikasso/workload.csv as a DHIS2 dataValueSets CSV
                        export (DHIS2 2.36+ header, with `deleted`), gzipped: made-up 11-character
                        UIDs; deliveries are one data element with two category option combos
                        (eutocique → Accouchement normal, dystocique → Accouchement dystocique);
                        curative consultations and vaccine doses are split over two age combos
                        whose sum is the tidy volume; one value marked deleted (Natien, March,
                        a value entered twice). Every data element is mapped: the sample is
                        clean under --strict (unmapped elements are a warning, study-format §6;
                        tests/data/dhis2 covers them).
- orgunits.csv          the org-unit export (id, name, code, level, path): Mali > Sikasso >
                        districts Sikasso and Kadiolo > facilities, plus units the study does not
                        use.
- facilities.csv        facility_id, facility_name, facility_type, orgunit (district and region
                        come from orgunits.csv).
- personnel.csv         an iHRIS-style staff list: one row per person, job title (`Fonction`) in
                        the spellings of data/sikasso/staff.csv, `Statut` (`En poste` or
                        `Actif`); the people give data/sikasso/staff.csv's counts. Nobody out of
                        post is listed: a status left out is a warning (study-format §6) and the
                        sample is clean under --strict; tests/data/dhis2 covers the filter.
- dhis2_mapping.csv     data element (+ combo) → activity.
- dhis2_export.csv      results → DHIS2 data elements (one per indicator, one combo per cadre).
- cadre_aliases.csv, standards.csv, working_time.csv: copies of data/sikasso/.

`wisn compute data/sikasso-dhis2` then gives the results of `wisn compute data/sikasso`
(tests/dhis2.rs checks it). The output is deterministic (fixed seed, gzip mtime 0).
"""

import csv
import gzip
import hashlib
import io
import os
import random
import shutil
import string

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIDY = os.path.join(ROOT, "data", "sikasso")
OUT = os.path.join(ROOT, "data", "sikasso-dhis2")

ALPHANUM = string.ascii_letters + string.digits


def uid(label):
    """A made-up DHIS2 UID: 11 characters, a letter first, derived from the label."""
    h = hashlib.sha256(("wisn-sample:" + label).encode()).digest()
    chars = [string.ascii_letters[h[0] % 52]]
    chars += [ALPHANUM[b % 62] for b in h[1:11]]
    return "".join(chars)


DEFAULT_COC = "HllvX50cXC0"  # DHIS2's default category option combo


def read(name):
    with open(os.path.join(TIDY, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(name, header, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = random.Random(20230101)
    facilities = read("facilities.csv")
    workload = read("workload.csv")
    staff = read("staff.csv")
    for name in ["standards.csv", "working_time.csv", "cadre_aliases.csv"]:
        shutil.copyfile(os.path.join(TIDY, name), os.path.join(OUT, name))

    # --- Org units: Mali > Sikasso > districts > facilities (+ units the study does not use).
    mali, region = uid("ou:Mali"), uid("ou:Sikasso")
    districts = {d: uid("ou:DS " + d) for d in ["Sikasso", "Kadiolo"]}
    units = [
        (mali, "Mali", "ML", 1, f"/{mali}"),
        (region, "Sikasso", "ML-SIK", 2, f"/{mali}/{region}"),
    ]
    for other in ["Kayes", "Koulikoro", "Ségou"]:
        o = uid("ou:" + other)
        units.append((o, other, "ML-" + other[:3].upper(), 2, f"/{mali}/{o}"))
    for d, d_uid in districts.items():
        units.append((d_uid, d, "DS-" + d[:3].upper(), 3, f"/{mali}/{region}/{d_uid}"))
    other_district = uid("ou:DS Bougouni")
    units.append(
        (other_district, "Bougouni", "DS-BOU", 3, f"/{mali}/{region}/{other_district}")
    )
    orgunit_of = {}
    for f in facilities:
        o = uid("ou:" + f["facility_id"])
        orgunit_of[f["facility_id"]] = o
        d = districts[f["district"]]
        units.append(
            (o, f["facility_name"], f["facility_id"], 4, f"/{mali}/{region}/{d}/{o}")
        )
    for name, d in [
        ("CSCom de Diou", "Kadiolo"),
        ("CSCom de Nièna", "Sikasso"),
        ("CSCom de Dogoni", "Sikasso"),
    ]:
        o = uid("ou:" + name)
        units.append((o, name, "", 4, f"/{mali}/{region}/{districts[d]}/{o}"))
    write_csv("orgunits.csv", ["id", "name", "code", "level", "path"], units)

    # --- Facilities: type and org unit; district and region come from the hierarchy.
    write_csv(
        "facilities.csv",
        ["facility_id", "facility_name", "facility_type", "orgunit"],
        [
            [f["facility_id"], f["facility_name"], f["facility_type"], orgunit_of[f["facility_id"]]]
            for f in facilities
        ],
    )

    # --- Data elements and the mapping.
    de = lambda name: uid("de:" + name)
    coc = lambda name: uid("coc:" + name)
    deliveries = de("Accouchements")
    split = {
        # activity → (data element name, [(combo name, share)])
        "Consultation curative": (
            "Consultations curatives",
            [("Moins de 5 ans", 0.38), ("5 ans et plus", None)],
        ),
        "Vaccination": (
            "Doses de vaccin administrées",
            [("0-11 mois", 0.81), ("12-23 mois", None)],
        ),
    }
    de_names = {
        "Consultation médicale": "Consultations médicales",
        "Injection": "Injections",
        "Pansement": "Pansements",
        "Admission": "Mises en observation",
        "Journées d'hospitalisation": "Journées d'hospitalisation",
        "Césarienne": "Césariennes",
        "Intervention chirurgicale": "Interventions chirurgicales",
        "CPN première visite": "CPN1",
        "CPN de suivi": "CPN2 et plus",
        "Consultation postnatale": "Consultations postnatales",
        "Planification familiale": "Visites de planification familiale",
        "Suivi de la croissance": "Enfants pesés (suivi de la croissance)",
    }
    mapping = [
        [deliveries, coc("Eutocique"), "Accouchement normal", "Accouchements × eutocique"],
        [deliveries, coc("Dystocique"), "Accouchement dystocique", "Accouchements × dystocique"],
    ]
    for activity, (name, _) in split.items():
        mapping.append([de(name), "", activity, name + " (tous âges, sommés)"])
    for activity, name in de_names.items():
        mapping.append([de(name), "", activity, name])
    write_csv(
        "dhis2_mapping.csv",
        ["data_element", "category_option_combo", "activity", "libelle"],
        mapping,
    )

    # --- The export: one value per tidy row (two for the split activities).
    def stamp():
        day = rng.randint(1, 28)
        return f"2024-01-{day:02d}T{rng.randint(7, 17):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}.000"

    rows = []
    for w in workload:
        fid, activity, volume = w["facility_id"], w["activity"], int(w["volume"])
        period = w["period"].replace("-", "")
        ou = orgunit_of[fid]
        if activity in ("Accouchement normal", "Accouchement dystocique"):
            combo = "Eutocique" if activity == "Accouchement normal" else "Dystocique"
            rows.append([deliveries, period, ou, coc(combo), volume])
        elif activity in split:
            name, combos = split[activity]
            first = round(volume * combos[0][1])
            rows.append([de(name), period, ou, coc(combos[0][0]), first])
            rows.append([de(name), period, ou, coc(combos[1][0]), volume - first])
        else:
            rows.append([de(de_names[activity]), period, ou, DEFAULT_COC, volume])
    # No data element of the same report that feeds no activity (malaria cases, nets, ...): the
    # tool warns about each, and this sample is clean under --strict (issue 10).
    out = []
    for r in rows:
        out.append(r[:3] + [r[3], DEFAULT_COC, str(r[4]), "dtc_sikasso", stamp(), "", "false", "false"])
    # A value entered twice by mistake, then deleted in DHIS2 (it does not count).
    natien = orgunit_of["SIK-CSCOM-09"]
    out.append(
        [de("Consultations curatives"), "202303", natien, coc("Moins de 5 ans"), DEFAULT_COC,
         "512", "dtc_natien", "2024-01-09T11:02:45.000", "saisie en double", "false", "true"]
    )
    rng.shuffle(out)
    out.sort(key=lambda r: (r[2], r[1]))  # DHIS2 exports group by org unit and period
    header = [
        "dataelement", "period", "orgunit", "categoryoptioncombo", "attributeoptioncombo",
        "value", "storedby", "lastupdated", "comment", "followup", "deleted",
    ]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(out)
    with open(os.path.join(OUT, "dataValueSets.csv.gz"), "wb") as f:
        with gzip.GzipFile(filename="dataValueSets.csv", mode="wb", fileobj=f, mtime=0) as gz:
            gz.write(buf.getvalue().encode("utf-8"))

    # --- iHRIS staff list: one row per person.
    family = ["Traoré", "Coulibaly", "Diarra", "Keïta", "Koné", "Sangaré", "Sanogo", "Dembélé",
              "Ouattara", "Diallo", "Touré", "Sidibé", "Bagayoko", "Konaté", "Camara", "Doumbia",
              "Berthé", "Maïga", "Togola", "Mariko"]
    women = ["Aminata", "Fatoumata", "Mariam", "Awa", "Oumou", "Kadiatou", "Assétou", "Rokia",
             "Djénéba", "Salimata", "Korotoumou", "Bintou"]
    men = ["Moussa", "Ibrahim", "Seydou", "Bakary", "Mamadou", "Adama", "Souleymane", "Drissa",
           "Salif", "Karim", "Lassina", "Yacouba"]
    female_jobs = ("sage", "s/f", "io", "infirmière", "matrone", "aide soignante")
    people = []
    n = 0

    def person(fid, job, status):
        nonlocal n
        n += 1
        woman = job.lower().startswith(female_jobs) or rng.random() < 0.3
        first = rng.choice(women if woman else men)
        taken = f"20{rng.randint(5, 22):02d}-{rng.randint(1, 12):02d}-01"
        people.append([f"ML-{198000 + n * 7}", rng.choice(family), first, "F" if woman else "M",
                       job, fid, status, taken])

    for s in staff:
        for _ in range(int(s["count"])):
            person(s["facility_id"], s["cadre"], rng.choice(["En poste"] * 9 + ["Actif"]))
    # Nobody who is not in post (retired, in training, ...): each status left out is counted in
    # a warning, and this sample is clean under --strict (issue 10); tests/data/dhis2 covers it.
    people.sort(key=lambda p: (p[5], p[4], p[1], p[2]))
    write_csv(
        "personnel.csv",
        ["Matricule", "Nom", "Prénom", "Sexe", "Fonction", "Code structure", "Statut",
         "Date de prise de service"],
        people,
    )

    # --- Results back to DHIS2: one data element per indicator, one combo per cadre.
    cadres = ["Médecin", "Sage-femme", "Infirmier", "Matrone", "Aide-soignant"]
    export = []
    for indicator, name in [
        ("required_staff", "WISN - Personnel requis"),
        ("current_staff", "WISN - Personnel en poste"),
        ("wisn_ratio", "WISN - Ratio"),
        ("workload_pressure_pct", "WISN - Pression de la charge de travail (%)"),
    ]:
        for c in cadres:
            export.append([indicator, c, de(name), coc("Cadre " + c), f"{name} × {c}"])
    write_csv(
        "dhis2_export.csv",
        ["indicator", "cadre", "data_element", "category_option_combo", "libelle"],
        export,
    )


if __name__ == "__main__":
    main()
