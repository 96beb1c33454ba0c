#!/usr/bin/env python3
"""Rebuilds the COVID-19 scenario of the Sikasso sample (see README.md in this folder).

    python3 data/scenarios/covid/make_scenario.py

Writes, next to this script:
- additions/workload.csv = the COVID-19 workload rows alone (the header of the base workload), which
  the scenario table scenario.csv adds to the study (`wisn compute data/sikasso --scenario
  data/scenarios/covid/scenario.csv`);
- standards.csv = data/sikasso/standards.csv + the rows of additions/standards.csv;
- workload.csv  = data/sikasso/workload.csv + COVID-19 workload rows, made here from the base
  workload: for each facility and each month it reported "Consultation curative" (so the
  completeness of each facility does not change):
    screening / triage of suspected cases = 10 % of the month's curative consultations,
    COVID-19 samples taken                = 30 % of the cases screened,
    COVID-19 vaccine doses                = 12 % of the month's curative consultations
  (rounded to whole numbers). The shares are ILLUSTRATIVE, not Malian surveillance data.
Run it again whenever data/sikasso/standards.csv or workload.csv changes; the test
`covid_scenario_files_are_the_base_files_plus_covid_rows` fails until you do.
"""
import csv
import io
import os

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(HERE, "..", "..", "sikasso")

SCREENING = "Dépistage et triage des cas suspects de COVID-19"
SAMPLES = "Prélèvement d'échantillons COVID-19"
VACCINATION = "Vaccination contre la COVID-19 (doses)"
SOURCE_ACTIVITY = "Consultation curative"


def read_text(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    if not text.endswith("\n"):
        text += "\n"
    return text


def write_text(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.replace(tmp, path)


def half_up(x):
    return int(x + 0.5)


def covid_workload(base_text):
    rows = list(csv.DictReader(io.StringIO(base_text)))
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    for r in rows:
        if r["activity"] != SOURCE_ACTIVITY:
            continue
        consultations = float(r["volume"])
        screened = half_up(consultations * 0.10)
        samples = half_up(screened * 0.30)
        doses = half_up(consultations * 0.12)
        for activity, volume in ((SCREENING, screened), (SAMPLES, samples), (VACCINATION, doses)):
            w.writerow([r["facility_id"], activity, r["period"], volume])
    return out.getvalue()


def main():
    base_standards = read_text(os.path.join(BASE, "standards.csv"))
    additions = read_text(os.path.join(HERE, "additions", "standards.csv"))
    head, _, rows = additions.partition("\n")
    if head.strip() != base_standards.partition("\n")[0].strip():
        raise SystemExit("additions/standards.csv must have the header of data/sikasso/standards.csv")
    write_text(os.path.join(HERE, "standards.csv"), base_standards + rows)

    base_workload = read_text(os.path.join(BASE, "workload.csv"))
    if base_workload.partition("\n")[0].strip() != "facility_id,activity,period,volume":
        raise SystemExit("data/sikasso/workload.csv is expected in long form: facility_id,activity,period,volume")
    covid = covid_workload(base_workload)
    write_text(os.path.join(HERE, "additions", "workload.csv"), "facility_id,activity,period,volume\n" + covid)
    write_text(os.path.join(HERE, "workload.csv"), base_workload + covid)


if __name__ == "__main__":
    main()
