#!/usr/bin/env python3
"""Reference implementation of the WISN computation, for checking `wisn compute`.

Independent of the Rust code: plain Python 3 (stdlib only), written from
docs/wisn-method.md (formulas) and docs/study-format.md (tables, output).
It reads a *clean* study folder of UTF-8 CSV files (comma-delimited, '.' decimals):
facilities.csv (optional), working_time.csv, standards.csv, workload.csv, staff.csv and
cadre_aliases.csv (optional), and writes the spec's output rows as CSV.

    python3 tests/oracle/wisn_reference.py data/sikasso \
        --by district --by region --by facility_type --by national > expected.csv

What it implements (spec references in brackets):
- AWT: working_days = days_per_week*52 - leave; AWT = working_days*hours_per_day     [method 1]
- SW per unit min/h/per_hour/per_day; A = sum(volume / SW)                           [method 2]
- CAS % (or time per period, working-period convention) -> CAF = 1/(1 - sum/100)     [method 3]
- IAS time per period x staff -> IAF = IAS_total / AWT                               [method 4]
- required = A*CAF + IAF, difference, ratio, pressure, status (bands 0.9/1.1)        [method 5]
- facility-type precedence for working_time and standards (a type-specific set
  replaces the whole blank-type set of that cadre)                                   [format 4]
- names compared normalised; staff and working_time cadres go through cadre_aliases  [format 2]
- rows per facility x cadre: the cadre has standards at the facility's type AND
  (a staff row OR a workload row, even of volume 0, for one of its service activities) [format 4]
- completeness = months with workload rows / 12, when every period is monthly       [format 2]
- group rows: sums of current and unrounded required, ratio of sums                 [format 4]
- group rows: mean_facility_ratio = mean of the facility ratios that exist         [format 7.1]

Output conventions (choices where the spec is silent, kept simple on purpose):
- numbers are written with repr(float) (shortest round-trip form: "2.0", "0.8731...");
  compare with a relative tolerance (summation order may differ in the last bits);
- facilities named only by workload/staff are appended after facilities.csv, type unknown;
- a district row also carries the region when all its facilities share one region;
  a facility_type row carries the facility type as spelled in facilities.csv;
- cadre names are the spelling first used in standards.csv; facility rows follow
  facilities.csv order, cadres the order of first appearance in standards.csv; group rows
  are sorted by group name, then the same cadre order.
Warnings go to stderr. Exit status 1 with a message on an input error.
"""

import argparse
import csv
import math
import os
import re
import sys
import unicodedata

OUTPUT_COLUMNS = [
    "level", "facility_id", "facility_name", "facility_type", "district", "region", "cadre",
    "current_staff", "required_staff", "required_rounded", "difference", "wisn_ratio",
    "workload_pressure_pct", "status", "awt_hours", "service_staff", "caf", "iaf",
    "completeness", "mean_facility_ratio",
]


class InputError(Exception):
    pass


def norm(text):
    """Lower case, accents stripped, runs of non-letter/digit -> '_', trimmed '_'."""
    decomposed = unicodedata.normalize("NFD", (text or "").lower())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    out, pending = [], False
    for c in stripped:
        if c.isalnum():
            if pending and out:
                out.append("_")
            pending = False
            out.append(c)
        else:
            pending = True
    return "".join(out)


# Canonical columns and their aliases (normalised), per table [format 2].
COLUMN_ALIASES = {
    "facility_id": ["facility", "facility_code", "code", "structure", "code_structure", "fosa"],
    "facility_name": ["name", "nom", "nom_structure", "libelle"],
    "facility_type": ["type", "type_structure", "niveau"],
    "district": ["district_sanitaire", "cercle"],
    "region": ["region_sanitaire"],
    "cadre": ["categorie", "categorie_professionnelle", "profession", "emploi"],
    "days_per_week": ["jours_par_semaine"],
    "hours_per_day": ["heures_par_jour"],
    "public_holidays": ["jours_feries"],
    "annual_leave": ["conges_annuels", "conge_annuel"],
    "sick_leave": ["conges_maladie", "absences_maladie"],
    "other_leave": ["autres_absences", "formation"],
    "component": ["composante", "type_activite"],
    "activity": ["activite", "data_element", "dataelement"],
    "standard": ["norme", "valeur", "value"],
    "unit": ["unite"],
    "staff": ["nombre_agents", "nb_agents"],
    "volume": ["value", "valeur", "nombre", "total"],
    "period": ["periode", "mois", "annee"],
    "count": ["effectif", "nombre", "fte", "etp"],
    "alias": [],
}

TABLE_COLUMNS = {
    "facilities": ["facility_id", "facility_name", "facility_type", "district", "region"],
    "working_time": ["cadre", "facility_type", "days_per_week", "hours_per_day",
                     "public_holidays", "annual_leave", "sick_leave", "other_leave"],
    "standards": ["cadre", "facility_type", "component", "activity", "standard", "unit", "staff"],
    "workload": ["facility_id", "activity", "period", "volume"],
    "staff": ["facility_id", "cadre", "count"],
    "cadre_aliases": ["alias", "cadre"],
}


def read_table(folder, table, required=True):
    """Rows as dicts keyed by canonical column, each value (text, line number)."""
    path = os.path.join(folder, table + ".csv")
    if not os.path.exists(path):
        if required:
            raise InputError(f"{path}: missing (the {table} table is required)")
        return None
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            raise InputError(f"{path}: empty file")
        wanted = TABLE_COLUMNS[table]
        index = {}
        for pos, name in enumerate(header):
            key = norm(name)
            for canonical in wanted:
                if key == canonical or key in COLUMN_ALIASES[canonical]:
                    if canonical in index:
                        raise InputError(f"{path}: duplicated header {name!r}")
                    index[canonical] = pos
                    break
        rows = []
        for line_no, record in enumerate(reader, start=2):
            if not any(cell.strip() for cell in record):
                continue
            row = {"_line": line_no, "_path": path}
            for canonical, pos in index.items():
                row[canonical] = record[pos].strip() if pos < len(record) else ""
            rows.append(row)
        return rows


def number(row, column, *, default=None, non_negative=True):
    text = row.get(column, "")
    if text == "":
        if default is not None:
            return default
        raise InputError(f"{row['_path']} line {row['_line']}: column {column} is blank")
    try:
        value = float(text.replace(" ", "").replace("\u00a0", "").replace("\u202f", ""))
    except ValueError:
        raise InputError(f"{row['_path']} line {row['_line']}: column {column}: "
                         f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise InputError(f"{row['_path']} line {row['_line']}: column {column}: {text!r}")
    if non_negative and value < 0:
        raise InputError(f"{row['_path']} line {row['_line']}: column {column}: "
                         f"{text!r} is negative")
    return value


# Units [format 2]: service units, and time per period -> (per, minutes-or-hours factor).
SERVICE_UNITS = {
    "min": "min", "mn": "min", "minutes": "min",
    "h": "h", "heures": "h",
    "per_hour": "per_hour", "par_heure": "per_hour",
    "per_day": "per_day", "par_jour": "per_day",
}
PERIOD_UNITS = {}
for _names, _hours, _per in [
    (("min_day", "min_jour"), 1 / 60, "day"), (("min_week", "min_semaine"), 1 / 60, "week"),
    (("min_month", "min_mois"), 1 / 60, "month"), (("min_year", "min_an"), 1 / 60, "year"),
    (("h_day", "h_jour"), 1.0, "day"), (("h_week", "h_semaine"), 1.0, "week"),
    (("h_month", "h_mois"), 1.0, "month"), (("h_year", "h_an"), 1.0, "year"),
    (("days_year", "jours_an"), None, "days_year"),
]:
    for _n in _names:
        PERIOD_UNITS[_n] = (_hours, _per)


def is_percent(unit_text):
    return unit_text.strip() == "%" or norm(unit_text) in ("pct", "pourcent")


class WorkingTime:
    def __init__(self, row):
        self.days_per_week = number(row, "days_per_week")
        self.hours_per_day = number(row, "hours_per_day")
        leave = sum(number(row, c, default=0.0) for c in
                    ("public_holidays", "annual_leave", "sick_leave", "other_leave"))
        self.working_days = self.days_per_week * 52 - leave
        if self.working_days <= 0 or self.hours_per_day <= 0:
            raise InputError(f"{row['_path']} line {row['_line']}: working days or hours "
                             f"per day not positive")
        self.awt_hours = self.working_days * self.hours_per_day
        self.working_weeks = self.working_days / self.days_per_week
        self.working_months = self.working_days / (self.days_per_week * 52 / 12)

    def annual_hours(self, value, unit_text, row):
        """A time per period made annual with the working-period convention [method 3]."""
        key = norm(unit_text)
        if key not in PERIOD_UNITS:
            raise InputError(f"{row['_path']} line {row['_line']}: unit {unit_text!r} is not "
                             f"a time per period")
        to_hours, per = PERIOD_UNITS[key]
        if per == "days_year":
            return value * self.hours_per_day
        times = {"day": self.working_days, "week": self.working_weeks,
                 "month": self.working_months, "year": 1.0}[per]
        return value * to_hours * times

    def standard_workload(self, value, unit_text, row):
        unit = SERVICE_UNITS.get(norm(unit_text))
        if unit is None:
            raise InputError(f"{row['_path']} line {row['_line']}: unknown service unit "
                             f"{unit_text!r}")
        if value <= 0:
            raise InputError(f"{row['_path']} line {row['_line']}: standard must be > 0")
        if unit == "min":
            return self.awt_hours * 60 / value
        if unit == "h":
            return self.awt_hours / value
        if unit == "per_hour":
            return self.awt_hours * value
        return self.working_days * value


COMPONENTS = {
    "service": "service", "prestation": "service", "soins": "service",
    "activite_de_sante": "service",
    "support": "support", "soutien": "support",
    "additional": "additional", "supplementaire": "additional", "additionnelle": "additional",
    "individuelle": "additional",
}

MONTHLY = re.compile(r"^(\d{4})-?(\d{2})$")


def load_study(folder):
    warnings = []
    facilities_rows = read_table(folder, "facilities", required=False)
    wt_rows = read_table(folder, "working_time")
    std_rows = read_table(folder, "standards")
    wl_rows = read_table(folder, "workload")
    staff_rows = read_table(folder, "staff")
    alias_rows = read_table(folder, "cadre_aliases", required=False) or []

    # Cadres: canonical spelling and order = first appearance in standards.
    cadre_names, cadre_order = {}, []
    for r in std_rows:
        key = norm(r["cadre"])
        if key not in cadre_names:
            cadre_names[key] = r["cadre"]
            cadre_order.append(key)
    aliases = {norm(r["alias"]): norm(r["cadre"]) for r in alias_rows}

    def resolve_cadre(text):
        key = norm(text)
        return aliases.get(key, key)

    # Facilities, in file order; then any facility only named by workload/staff.
    facilities, fac_order = {}, []
    for r in facilities_rows or []:
        fid = r["facility_id"]
        if fid in facilities:
            raise InputError(f"{r['_path']} line {r['_line']}: facility {fid} listed twice")
        facilities[fid] = {k: r.get(k, "") for k in TABLE_COLUMNS["facilities"]}
        fac_order.append(fid)
    for r in wl_rows + staff_rows:
        fid = r["facility_id"]
        if fid not in facilities:
            if facilities_rows is not None:
                warnings.append(f"facility {fid} is not in facilities.csv (type unknown)")
            facilities[fid] = {"facility_id": fid, "facility_name": "", "facility_type": "",
                               "district": "", "region": ""}
            fac_order.append(fid)

    # Working time by (cadre, type key); '' = blank type.
    working_time = {}
    for r in wt_rows:
        key = (resolve_cadre(r["cadre"]), norm(r.get("facility_type", "")))
        if key in working_time:
            raise InputError(f"{r['_path']} line {r['_line']}: duplicate working_time row")
        working_time[key] = (WorkingTime(r), r)

    # Standards by (cadre, type key) -> list of rows (in file order).
    standards = {}
    service_activities = set()
    for r in std_rows:
        comp = COMPONENTS.get(norm(r["component"]))
        if comp is None:
            raise InputError(f"{r['_path']} line {r['_line']}: unknown component "
                             f"{r['component']!r}")
        r["_component"] = comp
        r["_value"] = number(r, "standard")
        r["_staff"] = number(r, "staff", default=1.0) if comp == "additional" else 1.0
        if comp == "service":
            service_activities.add(norm(r["activity"]))
        standards.setdefault((norm(r["cadre"]), norm(r.get("facility_type", ""))), []).append(r)
    for (cadre, _type) in standards:
        if not any(k[0] == cadre for k in working_time):
            raise InputError(f"cadre {cadre_names[cadre]!r} has standards but no working_time row")

    # Workload: annual volume per (facility, activity key); months per facility.
    volumes, present, months, all_monthly = {}, set(), {}, True
    for r in wl_rows:
        fid, act = r["facility_id"], norm(r["activity"])
        vol = number(r, "volume", default=0.0)
        volumes[(fid, act)] = volumes.get((fid, act), 0.0) + vol
        present.add((fid, act))
        m = MONTHLY.match(r.get("period", ""))
        if m and 1 <= int(m.group(2)) <= 12:
            months.setdefault(fid, set()).add((m.group(1), m.group(2)))
        else:
            all_monthly = False
    unused = sorted({r["activity"] for r in wl_rows if norm(r["activity"]) not in service_activities})
    for name in unused:
        warnings.append(f"workload activity {name!r} has no standard (ignored)")

    # Staff: sum per (facility, cadre key).
    staff = {}
    for r in staff_rows:
        cadre = resolve_cadre(r["cadre"])
        if cadre not in cadre_names:
            warnings.append(f"{r['_path']} line {r['_line']}: cadre {r['cadre']!r} has no "
                            f"standards (ignored)")
            continue
        staff[(r["facility_id"], cadre)] = (staff.get((r["facility_id"], cadre), 0.0)
                                            + number(r, "count", default=1.0))

    return {
        "facilities": facilities, "fac_order": fac_order, "cadre_names": cadre_names,
        "cadre_order": cadre_order, "working_time": working_time, "standards": standards,
        "volumes": volumes, "present": present, "months": months,
        "monthly": all_monthly and bool(wl_rows), "staff": staff, "warnings": warnings,
    }


def round_required(value, mode):
    if mode == "up":
        return float(math.ceil(value))
    if mode == "down":
        return float(math.floor(value))
    return float(math.floor(value + 0.5))


def results(current, required, bands, rounding):
    low, high = bands
    out = {"current_staff": current, "required_staff": required,
           "required_rounded": round_required(required, rounding),
           "difference": current - required}
    if required == 0:
        out["wisn_ratio"] = None
        out["workload_pressure_pct"] = 0.0
        out["status"] = "excess" if current > 0 else ""
    else:
        ratio = current / required
        out["wisn_ratio"] = ratio
        out["workload_pressure_pct"] = (1 - ratio) * 100 if ratio < 1 else 0.0
        out["status"] = "shortage" if ratio < low else ("excess" if ratio > high else "balanced")
    return out


def compute(study, bands=(0.9, 1.1), rounding="nearest", annualize=False):
    rows = []
    warnings = study["warnings"]
    for fid in study["fac_order"]:
        fac = study["facilities"][fid]
        tkey = norm(fac["facility_type"])
        n_months = len(study["months"].get(fid, ()))
        scale = 1.0
        if study["monthly"] and n_months < 12:
            warnings.append(f"facility {fid}: workload for {n_months} of 12 months"
                            + (" (annualised)" if annualize and n_months else ""))
            if annualize and n_months:
                scale = 12 / n_months
        for cadre in study["cadre_order"]:
            std = study["standards"].get((cadre, tkey)) if tkey else None
            if not std:
                std = study["standards"].get((cadre, ""))
            if not std:
                continue
            service = [r for r in std if r["_component"] == "service"]
            has_staff = (fid, cadre) in study["staff"]
            has_work = any((fid, norm(r["activity"])) in study["present"] for r in service)
            if not (has_staff or has_work):
                continue
            wt_entry = study["working_time"].get((cadre, tkey)) if tkey else None
            if wt_entry is None:
                wt_entry = study["working_time"].get((cadre, ""))
            if wt_entry is None:
                raise InputError(f"no working_time row for cadre {study['cadre_names'][cadre]!r}"
                                 f" at type {fac['facility_type']!r}")
            wt = wt_entry[0]
            if not has_work:
                warnings.append(f"facility {fid}: no workload for any "
                                f"{study['cadre_names'][cadre]} activity")
            a = 0.0
            for r in service:
                vol = study["volumes"].get((fid, norm(r["activity"])), 0.0) * scale
                a += vol / wt.standard_workload(r["_value"], r["unit"], r)
            cas_pct = 0.0
            for r in std:
                if r["_component"] != "support":
                    continue
                if is_percent(r["unit"]):
                    cas_pct += r["_value"]
                else:
                    cas_pct += wt.annual_hours(r["_value"], r["unit"], r) / wt.awt_hours * 100
            if cas_pct >= 100:
                raise InputError(f"support activities of {study['cadre_names'][cadre]} add up "
                                 f"to {cas_pct} % (>= 100 %)")
            caf = 1 / (1 - cas_pct / 100)
            ias = 0.0
            for r in std:
                if r["_component"] != "additional":
                    continue
                if is_percent(r["unit"]):
                    raise InputError(f"{r['_path']} line {r['_line']}: '%' is not allowed for "
                                     f"an additional activity")
                ias += wt.annual_hours(r["_value"], r["unit"], r) * r["_staff"]
            iaf = ias / wt.awt_hours
            required = a * caf + iaf
            row = {"level": "facility", "facility_id": fid,
                   "facility_name": fac["facility_name"], "facility_type": fac["facility_type"],
                   "district": fac["district"], "region": fac["region"],
                   "cadre": study["cadre_names"][cadre], "_cadre": cadre,
                   "awt_hours": wt.awt_hours, "service_staff": a, "caf": caf, "iaf": iaf,
                   "completeness": n_months / 12 if study["monthly"] else None}
            row.update(results(study["staff"].get((fid, cadre), 0.0), required, bands, rounding))
            rows.append(row)
    return rows


def group_rows(facility_rows, level, cadre_order, bands, rounding):
    key_of = {"district": "district", "region": "region", "facility_type": "facility_type",
              "national": None}[level]
    groups = {}
    for r in facility_rows:
        name = r[key_of] if key_of else ""
        g = groups.setdefault((name, r["_cadre"]), {"current": 0.0, "required": 0.0,
                                                    "cadre": r["cadre"], "regions": set(),
                                                    "ratios": []})
        if r["wisn_ratio"] is not None:
            g["ratios"].append(r["wisn_ratio"])
        g["current"] += r["current_staff"]
        g["required"] += r["required_staff"]
        g["regions"].add(r["region"])
    out = []
    for (name, cadre) in sorted(groups, key=lambda k: (k[0], cadre_order.index(k[1]))):
        g = groups[(name, cadre)]
        row = {"level": level, "cadre": g["cadre"]}
        if key_of:
            row[key_of] = name
        if level == "district" and len(g["regions"]) == 1:
            row["region"] = next(iter(g["regions"]))
        row.update(results(g["current"], g["required"], bands, rounding))
        row["mean_facility_ratio"] = (sum(g["ratios"]) / len(g["ratios"])) if g["ratios"] else None
        out.append(row)
    return out


def fmt(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("study", help="study folder of CSV files")
    p.add_argument("--by", action="append", default=[],
                   choices=["district", "region", "facility_type", "national"])
    p.add_argument("--bands", default="0.9,1.1")
    p.add_argument("--round", dest="rounding", default="nearest",
                   choices=["nearest", "up", "down"])
    p.add_argument("--annualize", action="store_true")
    p.add_argument("-o", "--output", help="CSV file to write (default stdout)")
    args = p.parse_args(argv)
    bands = tuple(float(x) for x in args.bands.split(","))
    try:
        study = load_study(args.study)
        rows = compute(study, bands, args.rounding, args.annualize)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    all_rows = list(rows)
    for level in args.by:
        all_rows += group_rows(rows, level, study["cadre_order"], bands, args.rounding)
    for w in study["warnings"]:
        print(f"warning: {w}", file=sys.stderr)
    fh = open(args.output, "w", newline="", encoding="utf-8") if args.output else sys.stdout
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow(OUTPUT_COLUMNS)
    for r in all_rows:
        writer.writerow([fmt(r.get(c)) for c in OUTPUT_COLUMNS])
    if args.output:
        fh.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
