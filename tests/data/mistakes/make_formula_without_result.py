#!/usr/bin/env python3
"""Writes formula_without_result.xlsx: data/sikasso.xlsx with the first staff count (sheet
"effectifs", cell C2) replaced by a formula that has no saved result, as a workbook written by a
script (openpyxl, a report generator) holds it until a spreadsheet program opens and saves it.
Run from the repository root: python3 tests/data/mistakes/make_formula_without_result.py"""
import re
import zipfile

src = "data/sikasso.xlsx"
dst = "tests/data/mistakes/formula_without_result.xlsx"
with zipfile.ZipFile(src) as zin:
    names = zin.namelist()
    book = zin.read("xl/workbook.xml").decode()
    rels = zin.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(r'<sheet name="effectifs" sheetId="\d+" r:id="(rId\d+)"', book).group(1)
    target = re.search(r'Id="%s"[^>]*Target="([^"]+)"' % rid, rels) or re.search(
        r'Target="([^"]+)"[^>]*Id="%s"' % rid, rels
    )
    sheet = "xl/" + target.group(1).lstrip("/").removeprefix("xl/")
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for n in names:
            data = zin.read(n)
            if n == sheet:
                text = data.decode()
                text, count = re.subn(r'<c r="C2"([^>]*)><v>[^<]*</v></c>', r'<c r="C2"\1><f>1+1</f></c>', text)
                assert count == 1, "cell C2 not found"
                data = text.encode()
            zout.writestr(n, data)
print("wrote", dst)
