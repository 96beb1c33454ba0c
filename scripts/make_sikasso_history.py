#!/usr/bin/env python3
"""Writes data/sikasso-history/: the Sikasso sample with three years of monthly workload
(2021-01 ... 2023-12), for `wisn project`. Deterministic: the same files every run.

    python3 scripts/make_sikasso_history.py

- facilities, working_time, standards, staff and cadre_aliases are copied from data/sikasso/;
- 2023 is data/sikasso/workload.csv as it is (so `wisn compute` of 2023 gives the sample's
  results);
- 2022 and 2021 are made from each 2023 row: volume / (1 + g)^(2023 − year), rounded half up,
  where g, the yearly growth of that facility and activity, is between 0 % and 8 %, drawn from a
  hash of (facility, activity) — ILLUSTRATIVE numbers, not DHIS2 data; a facility reports the same
  months in 2021 and 2022 as in 2023 (all 12 since issue 10: the sample is clean under --strict;
  a facility with missing months is tested on fixtures of its own).
The test `sikasso_history_is_generated_by_its_script` fails until the files are in sync.
"""
import csv
import hashlib
import io
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BASE = os.path.join(ROOT, "data", "sikasso")
OUT = os.path.join(ROOT, "data", "sikasso-history")
COPIED = ["facilities.csv", "working_time.csv", "standards.csv", "staff.csv", "cadre_aliases.csv"]


def growth(facility, activity):
    """Yearly growth in [0, 0.08), from a hash (stable across Python versions and machines)."""
    h = hashlib.sha256(f"{facility}|{activity}".encode("utf-8")).digest()
    return int.from_bytes(h[:4], "big") / 2**32 * 0.08


def half_up(x):
    return int(x + 0.5)


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in COPIED:
        shutil.copyfile(os.path.join(BASE, name), os.path.join(OUT, name))
    with open(os.path.join(BASE, "workload.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    months = {}
    for r in rows:
        months.setdefault((r["facility_id"], r["activity"]), {})[r["period"][5:7]] = float(r["volume"])
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["facility_id", "activity", "period", "volume"])
    for year in (2021, 2022, 2023):
        for (facility, activity), by_month in months.items():
            g = growth(facility, activity)
            for m in sorted(by_month):
                v = by_month[m]
                if year < 2023:
                    v = half_up(v / (1 + g) ** (2023 - year))
                w.writerow([facility, activity, f"{year}-{m}", int(v) if float(v).is_integer() else v])
    with open(os.path.join(OUT, "workload.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())


if __name__ == "__main__":
    main()
