#!/usr/bin/env python3
"""Writes census.csv, the synthetic census of the COVID-19 sample (see README.md).

Each site's patients of each severity follow a bell-shaped wave over eight weeks
(30 November 2020 to 24 January 2021): base + (peak - base) * exp(-((day - peak_day) / width)^2),
rounded to whole patients. The numbers are illustrative, not Malian surveillance data.
Run it from anywhere: python3 data/covid/generate_census.py
"""
import datetime
import math
import os

START = datetime.date(2020, 11, 30)  # a Monday
DAYS = 56
# site: (peak day, width in days, {severity: (base, peak)})
SITES = [
    ("BKO-CHU-PG", 35, 11, {"moderee": (4, 24), "severe": (2, 14), "critique": (1, 6)}),
    ("BKO-HDM", 33, 12, {"moderee": (5, 30), "severe": (2, 12), "critique": (1, 5)}),
    ("SIK-EPH", 42, 10, {"moderee": (2, 16), "severe": (1, 6), "critique": (0, 2)}),
    ("KAD-CSREF", 43, 9, {"legere": (1, 12), "moderee": (0, 6)}),
]
COLUMNS = ["legere", "moderee", "severe", "critique"]
HEADER = ["Date", "Site", "Légère", "Modérée", "Sévère", "Critique"]


def count(base, peak, day, peak_day, width):
    return round(base + (peak - base) * math.exp(-(((day - peak_day) / width) ** 2)))


def main():
    lines = [";".join(HEADER)]
    for day in range(DAYS):
        date = START + datetime.timedelta(days=day)
        for site, peak_day, width, severities in SITES:
            cells = [date.strftime("%d/%m/%Y"), site]
            for s in COLUMNS:
                if s in severities:
                    base, peak = severities[s]
                    cells.append(str(count(base, peak, day, peak_day, width)))
                else:
                    cells.append("")
            lines.append(";".join(cells))
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "census.csv")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
