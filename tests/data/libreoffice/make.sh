#!/bin/sh
# Files saved by a real spreadsheet program (LibreOffice Calc), to catch what generated files
# hide: LibreOffice's own XML (repeated rows and columns, covered cells, error cells saved as
# empty strings), its .xls writer, its cached formula results.
#
# Run from the repository root after `cargo test --test tests fixtures::regenerate -- --ignored`
# (it converts some generated fixtures). Needs soffice (Debian: apt-get install
# --no-install-recommends libreoffice-calc). The output is not byte-reproducible (LibreOffice
# stamps the time), so the files are committed as they came out.
set -eu
out=tests/data/libreoffice
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
convert() { # FORMAT FILE...: converts into $tmp
    fmt=$1
    shift
    soffice --headless --infilter="CSV:44,34,76,1" --convert-to "$fmt" --outdir "$tmp" "$@" >/dev/null 2>&1
}

# A study folder mixing CSV, .ods, .xlsx and .xls tables, converted from the clean sample.
mkdir -p "$out/mixed_folder"
convert ods data/sikasso/facilities.csv data/sikasso/workload.csv
convert xlsx data/sikasso/standards.csv
convert xls data/sikasso/working_time.csv
cp "$tmp/facilities.ods" "$tmp/workload.ods" "$tmp/standards.xlsx" "$tmp/working_time.xls" \
    data/sikasso/staff.csv data/sikasso/cadre_aliases.csv "$out/mixed_folder/"

# Generated workbooks saved again by LibreOffice.
convert ods tests/data/merged_district_cells.xlsx tests/data/title_rows_above_header.xlsx \
    tests/data/error_cell.xlsx data/sikasso_messy.xlsx
convert xls tests/data/merged_district_cells.xlsx
cp "$tmp/merged_district_cells.ods" "$tmp/merged_district_cells.xls" \
    "$tmp/title_rows_above_header.ods" "$tmp/error_cell.ods" "$tmp/sikasso_messy.ods" "$out/"
ls -l "$out" "$out/mixed_folder"
