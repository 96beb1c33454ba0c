#!/usr/bin/env python3
"""Writes the fixtures of tests/mistakes.rs: one small study per ordinary mistake of issue 10
("no silent wrong numbers"), each folder named for its case. Every folder is the clean base study
below with one table changed. Run from the repository root:
    python3 tests/data/mistakes/make.py
(formula_without_result.xlsx is written by make_formula_without_result.py)."""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

FACILITIES = """facility_id,facility_name,facility_type,district,region
F1,CSCom de Kaboïla,CSCom,Sikasso,Sikasso
F2,CSRéf de Sikasso,CSRéf,Sikasso,Sikasso
"""
WORKING_TIME = """cadre,facility_type,days_per_week,hours_per_day,public_holidays,annual_leave,sick_leave,other_leave
Sage-femme,,5,8,12,22,5,10
Infirmier,,5,8,12,22,5,10
"""
STANDARDS = """cadre,facility_type,component,activity,standard,unit,staff
Sage-femme,,service,Accouchement normal,240,min,
Sage-femme,,service,CPN,30,min,
Infirmier,,service,Consultation,20,min,
Infirmier,,support,Réunions,5,%,
"""
STAFF = """facility_id,cadre,count
F1,Sage-femme,1
F1,Infirmier,1
F2,Sage-femme,2
F2,Infirmier,2
"""
MONTHLY = {"Accouchement normal": (30, 60), "CPN": (80, 160), "Consultation": (300, 600)}


def workload_lines():
    lines = []
    for f, i in (("F1", 0), ("F2", 1)):
        for activity, volumes in MONTHLY.items():
            for m in range(1, 13):
                lines.append(f"{f},{activity},2023-{m:02},{volumes[i]}")
    return lines


WORKLOAD = "facility_id,activity,period,volume\n" + "\n".join(workload_lines()) + "\n"

BASE = {
    "facilities.csv": FACILITIES,
    "working_time.csv": WORKING_TIME,
    "standards.csv": STANDARDS,
    "workload.csv": WORKLOAD,
    "staff.csv": STAFF,
}


def insert_after(text, line_no, new_line):
    """Inserts a line after line `line_no` (1-based, the header is line 1)."""
    lines = text.splitlines()
    lines.insert(line_no, new_line)
    return "\n".join(lines) + "\n"


def replace_line(text, line_no, new_line):
    lines = text.splitlines()
    lines[line_no - 1] = new_line
    return "\n".join(lines) + "\n"


CASES = {
    "clean_base": {},
    # A count column whose header is not recognised: not a person list.
    "staff_count_header_unknown": {
        "staff.csv": STAFF.replace("facility_id,cadre,count", "facility_id,cadre,Quantité"),
    },
    "staff_without_count_column": {
        "staff.csv": "facility_id,cadre\nF1,Sage-femme\nF1,Infirmier\nF2,Sage-femme\nF2,Infirmier\n",
    },
    # `…,2023-03,1,200`: a volume of 1 200 typed with a comma in a comma-separated file.
    "csv_row_with_extra_field": {
        "workload.csv": replace_line(WORKLOAD, 4, "F1,Accouchement normal,2023-03,1,200"),
    },
    "csv_row_with_missing_field": {
        "staff.csv": replace_line(STAFF, 5, "F2,Infirmier"),
    },
    "csv_unclosed_quote": {
        "workload.csv": replace_line(WORKLOAD, 10, 'F1,"Accouchement normal,2023-09,30'),
    },
    "staff_row_pasted_twice": {
        "staff.csv": STAFF + "F1,Sage-femme,1\n",
    },
    "workload_month_twice_same_value": {
        "workload.csv": WORKLOAD + "F1,Accouchement normal,2023-03,30\n",
    },
    "workload_month_twice_different_value": {
        "workload.csv": WORKLOAD + "F1,Accouchement normal,2023-03,27\n",
    },
    "hours_per_day_25": {
        "working_time.csv": WORKING_TIME.replace("Sage-femme,,5,8,", "Sage-femme,,5,25,"),
    },
    "days_per_week_8": {
        "working_time.csv": WORKING_TIME.replace("Sage-femme,,5,8,", "Sage-femme,,8,8,"),
    },
    # 3 hours a day: an AWT of 633 h, which no full-time health worker has.
    "awt_implausible": {
        "working_time.csv": WORKING_TIME.replace("Infirmier,,5,8,", "Infirmier,,5,3,"),
    },
    # The delivery standard typed in h instead of min: ratios of about 0.02.
    "standard_in_hours_not_minutes": {
        "standards.csv": STANDARDS.replace("Accouchement normal,240,min", "Accouchement normal,240,h"),
    },
    # A hospital typed `Hopital` while the typed standards say `EPH`.
    "facility_type_not_covered": {
        "facilities.csv": FACILITIES.replace("CSRéf de Sikasso,CSRéf", "Hôpital de Sikasso,Hopital"),
        "standards.csv": STANDARDS + "Sage-femme,EPH,service,Accouchement normal,180,min,\nSage-femme,EPH,service,CPN,25,min,\n",
    },
    # "1 7" is not 17: spaces group digits by three only.
    "digit_grouping_not_three": {
        "staff.csv": replace_line(STAFF, 3, "F1,Infirmier,1 7"),
    },
    # A row with no period is in no year: not counted under --year.
    "workload_blank_period_with_year": {
        "workload.csv": WORKLOAD + "F2,Consultation,,5000\n",
    },
    # 2023 has 52 ISO weeks.
    "workload_week_53": {
        "workload.csv": WORKLOAD + "F2,Consultation,2023W53,10\n",
    },
    # A missing column: one error, no follow-on warnings.
    "working_time_missing_column": {
        "working_time.csv": WORKING_TIME.replace("hours_per_day", "heures").replace(
            "cadre,facility_type,days_per_week", "cadre,facility_type,days_per_week"
        ),
    },
    # A facility name that Excel would run as a formula.
    "facility_name_formula": {
        "facilities.csv": FACILITIES.replace("CSCom de Kaboïla", "=HYPERLINK(\"http://x\";\"Kaboila\")").replace(
            ",=HYPERLINK(\"http://x\";\"Kaboila\"),", ",\"=HYPERLINK(\"\"http://x\"\";\"\"Kaboila\"\")\","
        ),
    },
    # Cadre names matched through normalisation: notes, not warnings.
    "cadre_spelling_variants": {
        "staff.csv": STAFF.replace("F1,Sage-femme", "F1,SAGE FEMME").replace("F2,Infirmier", "F2,infirmier"),
    },
}

DHIS2_MAPPING = "data_element,category_option_combo,activity\nDEaccouch01,,Accouchement normal\nDEcpn000001,,CPN\nDEconsult01,,Consultation\n"


def dhis2_export(duplicate):
    rows = ["dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup"]
    des = {"Accouchement normal": "DEaccouch01", "CPN": "DEcpn000001", "Consultation": "DEconsult01"}
    for f, i in (("F1", 0), ("F2", 1)):
        for activity, volumes in MONTHLY.items():
            for m in range(1, 13):
                rows.append(f"{des[activity]},2023{m:02},{f},cocDefault01,attDefault1,{volumes[i]},admin,2024-01-05T10:00:00.000,,false")
    if duplicate:
        rows.append(rows[5])
    return "\n".join(rows) + "\n"


SURGE_WT = "cadre,facility_type,days_per_week,hours_per_day,public_holidays,annual_leave,sick_leave,other_leave\nInfirmier,,5,8,12,22,5,10\n"
SURGE_STANDARDS = "cadre,severity,patients_per_staff,min_on_duty\nInfirmier,severe,2,1\n"
SURGE_STAFF = "facility_id,cadre,count\nS1,Infirmier,10\n"
SURGE_CASES = {
    "surge_infinite_load": {
        "census.csv": "date,facility_id,severity,patients\n2020-06-01,S1,severe,1e308\n",
    },
    "surge_admission_year_2200": {
        "admissions.csv": "date,facility_id,severity,admitted\n2020-06-01,S1,severe,3\n2200-06-02,S1,severe,2\n",
    },
    "surge_admissions_after_last_stay": {
        "admissions.csv": "date,facility_id,severity,admitted\n2020-06-01,S1,severe,3\n2020-06-20,S1,severe,0\n",
    },
}


def write(folder, files):
    path = os.path.join(HERE, folder)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    for name, text in files.items():
        with open(os.path.join(path, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)


for case, changes in CASES.items():
    write(case, {**BASE, **changes})
base_dhis2 = {k: v for k, v in BASE.items() if k != "workload.csv"}
write("dhis2_value_twice", {**base_dhis2, "dhis2_mapping.csv": DHIS2_MAPPING, "workload.csv": dhis2_export(True)})
write("dhis2_clean", {**base_dhis2, "dhis2_mapping.csv": DHIS2_MAPPING, "workload.csv": dhis2_export(False)})
for case, changes in SURGE_CASES.items():
    write(case, {"working_time.csv": SURGE_WT, "covid_standards.csv": SURGE_STANDARDS, "covid_staff.csv": SURGE_STAFF, **changes})
print("wrote", len(CASES) + 2 + len(SURGE_CASES), "fixtures")
