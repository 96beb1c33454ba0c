#!/usr/bin/env python3
"""Writes the DHIS2 test fixtures of tests/dhis2.rs: a small tidy study (twin/) and the same
workload as DHIS2 exports of several versions and shapes (exports/). Run from anywhere:
    python3 tests/data/dhis2/make.py
The files are committed; this script says how they were made and keeps them consistent."""

import csv, io, json, os

HERE = os.path.dirname(os.path.abspath(__file__))

# Org units (made-up, well-formed UIDs).
OU = {"F1": "kJq2mPzTa01", "F2": "kJq2mPzTa02", "F3": "kJq2mPzTa03"}
NAMES = {"F1": "CSCom de Bamba", "F2": "CSCom de Kafo", "F3": "CSRéf de Dioro"}
# Data elements and combos.
CONSULT, PANS, ACC, MALARIA = "cOnsult0001", "pAnsement01", "aCcouch0001", "mAlaria0001"
UNDER5, OVER5, EUTO, DYSTO, DEFAULT = "cocUnder5aa", "cocOver5aaa", "cocEutoc001", "cocDysto001", "HllvX50cXC0"
DE_NAMES = {CONSULT: "Consultations curatives", PANS: "Pansements", ACC: "Accouchements", MALARIA: "Paludisme confirmé"}
COC_NAMES = {UNDER5: "Moins de 5 ans", OVER5: "5 ans et plus", EUTO: "Eutocique", DYSTO: "Dystocique", DEFAULT: "default"}

# facility, month, consultations (<5, 5+), pansements, deliveries (normal, dystocique)
DATA = [
    ("F1", 1, (40, 60), 30, (10, 1)),
    ("F1", 2, (50, 70), 25, (12, 0)),
    ("F1", 3, (30, 60), 0, (11, 2)),
    ("F2", 1, (80, 120), 50, None),
    ("F2", 2, (90, 120), 40, None),
    ("F3", 1, (200, 300), None, (60, 8)),
    ("F3", 2, (220, 300), None, (55, 9)),
    ("F3", 3, (180, 300), None, (70, 7)),
]

def values():
    """(data element, period, org unit, combo, value) of the export, in DHIS2's order."""
    out = []
    for f, m, (u5, o5), pans, deliv in DATA:
        pe, ou = f"2023{m:02d}", OU[f]
        out += [(CONSULT, pe, ou, UNDER5, u5), (CONSULT, pe, ou, OVER5, o5)]
        if pans is not None:
            out.append((PANS, pe, ou, DEFAULT, pans))
        if deliv:
            out += [(ACC, pe, ou, EUTO, deliv[0]), (ACC, pe, ou, DYSTO, deliv[1])]
        out.append((MALARIA, pe, ou, DEFAULT, 7 * m))
    return out

def write(path, text):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8", newline="") as f:
        f.write(text)

def csv_text(header, rows, quote=False):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL if quote else csv.QUOTE_MINIMAL)
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()

# --- The tidy twin.
write("twin/facilities.csv", csv_text(
    ["facility_id", "facility_name", "facility_type", "district", "region", "orgunit"],
    [["F1", NAMES["F1"], "CSCom", "Bamba", "Ségou", OU["F1"]],
     ["F2", NAMES["F2"], "CSCom", "Bamba", "Ségou", OU["F2"]],
     ["F3", NAMES["F3"], "CSRéf", "Dioro", "Ségou", OU["F3"]]]))
write("twin/working_time.csv", csv_text(
    ["cadre", "facility_type", "days_per_week", "hours_per_day", "public_holidays", "annual_leave", "sick_leave", "other_leave"],
    [["Infirmier", "", 5, 8, 0, 0, 0, 0], ["Sage-femme", "", 5, 8, 0, 0, 0, 0]]))
write("twin/standards.csv", csv_text(
    ["cadre", "facility_type", "component", "activity", "standard", "unit"],
    [["Infirmier", "", "service", "Consultation", 60, "min"],
     ["Infirmier", "", "service", "Pansement", 30, "min"],
     ["Sage-femme", "", "service", "Accouchement normal", 120, "min"],
     ["Sage-femme", "", "service", "Accouchement dystocique", 240, "min"]]))
write("twin/staff.csv", csv_text(
    ["facility_id", "cadre", "count"],
    [["F1", "Infirmier", 1], ["F1", "Sage-femme", 1], ["F2", "Infirmier", 2],
     ["F3", "Infirmier", 2], ["F3", "Sage-femme", 3]]))
tidy = []
for f, m, (u5, o5), pans, deliv in DATA:
    pe = f"2023-{m:02d}"
    tidy.append([f, "Consultation", pe, u5 + o5])
    if pans is not None:
        tidy.append([f, "Pansement", pe, pans])
    if deliv:
        tidy += [[f, "Accouchement normal", pe, deliv[0]], [f, "Accouchement dystocique", pe, deliv[1]]]
write("twin/workload.csv", csv_text(["facility_id", "activity", "period", "volume"], tidy))

# --- The mapping: consultations summed over their combos, deliveries split by combo.
write("dhis2_mapping.csv", csv_text(
    ["data_element", "category_option_combo", "activity"],
    [[CONSULT, "", "Consultation"], [PANS, "", "Pansement"],
     [ACC, EUTO, "Accouchement normal"], [ACC, DYSTO, "Accouchement dystocique"]]))
write("dhis2_mapping_under5.csv", csv_text(
    ["data_element", "category_option_combo", "activity"],
    [[CONSULT, UNDER5, "Consultation"], [PANS, "", "Pansement"],
     [ACC, EUTO, "Accouchement normal"], [ACC, DYSTO, "Accouchement dystocique"]]))
write("dhis2_mapping_names.csv", csv_text(
    ["data_element", "category_option_combo", "activity"],
    [["Consultations curatives", "", "Consultation"], ["Pansements", "", "Pansement"],
     ["Accouchements", "Eutocique", "Accouchement normal"], ["Accouchements", "Dystocique", "Accouchement dystocique"]]))

V = values()
STAMP = "2023-04-05T10:12:31.000"
# DHIS2 2.20 import example (docs): quoted, storedby and timestamp, blank attribute combo.
write("exports/dvs_2_20_import.csv", csv_text(
    ["dataelement", "period", "orgunit", "catoptcombo", "attroptcombo", "value", "storedby", "timestamp"],
    [[d, p, o, c, "", v, "bamba", "2023-04-05"] for d, p, o, c, v in V], quote=True))
# The docs' short spellings.
write("exports/dvs_short_names.csv", csv_text(
    ["dataelement", "period", "orgunit", "catoptcombo", "attroptcombo", "value", "strby", "lstupd", "cmt"],
    [[d, p, o, c, DEFAULT, v, "bamba", "2023-04-05", ""] for d, p, o, c, v in V], quote=True))
# DHIS2 2.2x export: flwup.
write("exports/dvs_2_25_export.csv", csv_text(
    ["dataelement", "period", "orgunit", "catoptcombo", "attroptcombo", "value", "storedby", "lastupdated", "comment", "flwup"],
    [[d, p, o, c, DEFAULT, v, "bamba", STAMP, "", "false"] for d, p, o, c, v in V]))
# DHIS2 2.3x export.
write("exports/dvs_2_30_export.csv", csv_text(
    ["dataelement", "period", "orgunit", "categoryoptioncombo", "attributeoptioncombo", "value", "storedby", "lastupdated", "comment", "followup"],
    [[d, p, o, c, DEFAULT, v, "bamba", STAMP, "ok" if v == 0 else "", "false"] for d, p, o, c, v in V]))
# DHIS2 2.36+ export with deleted: a deleted value (would double F3's consultations).
rows = [[d, p, o, c, DEFAULT, v, "bamba", STAMP, "", "false", "false"] for d, p, o, c, v in V]
rows.insert(5, [CONSULT, "202304", OU["F3"], UNDER5, DEFAULT, "9999", "dioro", STAMP, "doublon", "false", "true"])
rows.insert(9, [PANS, "202301", OU["F3"], DEFAULT, DEFAULT, "480", "dioro", STAMP, "", "true", "TRUE"])
write("exports/dvs_2_38_deleted.csv", csv_text(
    ["dataelement", "period", "orgunit", "categoryoptioncombo", "attributeoptioncombo", "value", "storedby", "lastupdated", "comment", "followup", "deleted"],
    rows))
# Camel case, as some integration tools write it.
write("exports/dvs_camel_case.csv", csv_text(
    ["dataElement", "period", "orgUnit", "categoryOptionCombo", "attributeOptionCombo", "value", "storedBy", "lastUpdated", "comment", "followUp", "deleted"],
    [[d, p, o, c, DEFAULT, v, "bamba", STAMP, "", "false", "false"] for d, p, o, c, v in V]))

def dv(d, p, o, c, v, **extra):
    x = {"dataElement": d, "period": p, "orgUnit": o, "categoryOptionCombo": c,
         "attributeOptionCombo": DEFAULT, "value": str(v), "storedBy": "bamba",
         "created": STAMP, "lastUpdated": STAMP, "followup": False}
    x.update(extra)
    return x

# JSON bulk export (values as strings, one as a number), with a deleted value.
bulk = [dv(*x) for x in V]
bulk[2]["value"] = int(bulk[2]["value"])
bulk.insert(4, dv(CONSULT, "202303", OU["F2"], UNDER5, 777, deleted=True))
write("exports/dvs_bulk.json", json.dumps({"dataValues": bulk}, ensure_ascii=False, indent=2) + "\n")
# JSON of a data entry form: top-level dataSet, period and orgUnit apply to values without them.
own = []
for d, p, o, c, v in V:
    x = {"dataElement": d, "categoryOptionCombo": c, "value": str(v)}
    if not (p == "202301" and o == OU["F1"]):
        x.update(period=p, orgUnit=o)
    own.append(x)
write("exports/dvs_top_level.json", json.dumps(
    {"dataSet": "rmaMensuel1", "completeDate": "2023-02-03", "period": "202301", "orgUnit": OU["F1"],
     "attributeOptionCombo": DEFAULT, "dataValues": own}, ensure_ascii=False, indent=1) + "\n")
# The same with the top-level fields after the values (JSON objects have no order).
write("exports/dvs_top_level_last.json", json.dumps(
    {"dataValues": own, "period": "202301", "orgUnit": OU["F1"]}, ensure_ascii=False) + "\n")

# Analytics `dx,pe,ou,value`: consultations as totals, deliveries as operands de.coc.
an = {}
for d, p, o, c, v in V:
    key = (f"{d}.{c}" if d == ACC else d, p, o)
    an[key] = an.get(key, 0) + v
write("exports/analytics_dx_pe_ou.csv", csv_text(
    ["dx", "pe", "ou", "value"], [[k[0], k[1], k[2], f"{v}.0"] for k, v in an.items()]))
# Analytics with the category option combo dimension, column names of DHIS2 2.3x+.
write("exports/analytics_with_co.csv", csv_text(
    ["Data", "Category option combo", "Period", "Organisation unit", "Value"],
    [[d, c, p, o, v] for d, p, o, c, v in V]))
# Analytics with hierarchy columns and metadata details (ids and names).
LEVELS = {"F1": ("Mali", "Ségou", "Bamba"), "F2": ("Mali", "Ségou", "Bamba"), "F3": ("Mali", "Ségou", "Dioro")}
rows = []
for d, p, o, c, v in V:
    f = [k for k, x in OU.items() if x == o][0]
    rows.append(list(LEVELS[f]) + [NAMES[f], o, NAMES[f], d, DE_NAMES[d], c, COC_NAMES[c], p, v])
write("exports/analytics_hierarchy.csv", csv_text(
    ["orgunitlevel1", "orgunitlevel2", "orgunitlevel3", "orgunitlevel4", "Organisation unit ID", "Organisation unit",
     "Data ID", "Data", "Category option combo ID", "Category option combo", "Period", "Value"], rows))
# Exported with names (dataElementIdScheme=NAME), mapped through dhis2_mapping_names.csv.
write("exports/dvs_names.csv", csv_text(
    ["dataelement", "period", "orgunit", "categoryoptioncombo", "attributeoptioncombo", "value", "storedby", "lastupdated", "comment", "followup", "deleted"],
    [[DE_NAMES[d], p, o, COC_NAMES[c], "default", v, "bamba", STAMP, "", "false", "false"] for d, p, o, c, v in V]))

# Org units for the hierarchy tests.
write("orgunits.csv", csv_text(
    ["id", "name", "displayName", "shortName", "level", "path"],
    [["mAliMali001", "Mali", "Mali", "Mali", 1, "/mAliMali001"],
     ["sEgouReg001", "Ségou", "Ségou", "Ségou", 2, "/mAliMali001/sEgouReg001"],
     ["bAmbaDis001", "Bamba", "Bamba", "Bamba", 3, "/mAliMali001/sEgouReg001/bAmbaDis001"],
     ["dIoroDis001", "Dioro", "Dioro", "Dioro", 3, "/mAliMali001/sEgouReg001/dIoroDis001"],
     [OU["F1"], NAMES["F1"], NAMES["F1"], "Bamba", 4, f"/mAliMali001/sEgouReg001/bAmbaDis001/{OU['F1']}"],
     [OU["F2"], NAMES["F2"], NAMES["F2"], "Kafo", 4, f"/mAliMali001/sEgouReg001/bAmbaDis001/{OU['F2']}"],
     [OU["F3"], NAMES["F3"], NAMES["F3"], "Dioro", 4, f"/mAliMali001/sEgouReg001/dIoroDis001/{OU['F3']}"],
     ["kJq2mPzTa04", "CSCom de Tamani", "CSCom de Tamani", "Tamani", 4, "/mAliMali001/sEgouReg001/dIoroDis001/kJq2mPzTa04"]]))
write("orgunits.json", json.dumps({"organisationUnits": [
    {"id": "mAliMali001", "name": "Mali", "level": 1, "path": "/mAliMali001"},
    {"id": "sEgouReg001", "name": "Ségou", "level": 2, "path": "/mAliMali001/sEgouReg001"},
    {"id": "bAmbaDis001", "name": "Bamba", "level": 3, "path": "/mAliMali001/sEgouReg001/bAmbaDis001"},
    {"id": "dIoroDis001", "name": "Dioro", "level": 3, "path": "/mAliMali001/sEgouReg001/dIoroDis001"},
] + [{"id": OU[f], "name": NAMES[f], "level": 4,
      "path": f"/mAliMali001/sEgouReg001/{'dIoroDis001' if f == 'F3' else 'bAmbaDis001'}/{OU[f]}"} for f in OU]},
    ensure_ascii=False, indent=1) + "\n")
