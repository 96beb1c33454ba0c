#!/usr/bin/env bash
# Benchmark `wisn compute` on national-scale synthetic studies, against a bare csv parse.
#
# Usage:
#   scripts/bench.sh [--quick] [--runs N] [--clean] [--help]
#
#   --quick    only the 1/10-scale study (3 000 facilities, 1.8 M workload rows, ~60 MB)
#   --runs N   run each measurement N times and keep the fastest (default 3)
#   --clean    delete the generated studies at the end (they are kept, and reused, by default)
#   --no-duckdb  leave DuckDB out (no pip install)
#
# Environment:
#   WISN_BIN   the wisn binary to measure (default target/release/wisn)
#   BENCH_DIR  where the studies are generated (default /tmp/wisn-bench). It must be outside the
#              repository: generated data is never committed. Full scale needs ~1.3 GB of disk.
#
# What it does:
#   1. cargo build --release --examples --bins
#   2. generates (with examples/gen_national.rs, seed 42) unless already present with the same
#      arguments:
#        tenth      3 000 facilities x 50 activities x 12 months            =  1.8 M rows
#        tenth-x10  the same 3 000 facilities, every row written 10 times
#                   (--repeat 10, volumes split so totals are unchanged)      = 18   M rows
#        national   30 000 facilities x 50 activities x 12 months           = 18   M rows
#      (--quick: tenth only)
#   3. for each study measures, with `/usr/bin/time -f '%e s %M KB'` (wall time, peak RSS):
#        (a) target/release/examples/bare_parse STUDY/workload.csv
#            the floor: csv crate, reused ByteRecord, sum of the volume column
#        (b) target/release/wisn compute STUDY --format csv -o /dev/null
#            the whole pipeline: read and validate every table, aggregate, compute, write
#        (c) DuckDB (Python package `duckdb`, installed with pip into BENCH_DIR/.duckdb-venv on
#            the first run, best effort, at most a few minutes): the same per facility x cadre
#            aggregation in SQL: read_csv of workload, standards and working_time, sum of the
#            volumes per facility x activity, join of the service standards, GROUP BY facility
#            x cadre, the result written as CSV. All cores (DuckDB's default). When it cannot be
#            installed the table says so and the script goes on (--no-duckdb skips it).
#      If wisn fails, its stderr is printed and the table says "failed"; the script goes on.
#   4. prints a markdown table (MB = 10^6 bytes; MB/s = size of workload.csv / wall time, so the
#      two columns are comparable even though wisn also reads the small tables) and the ratios
#      the national-scale goal is stated in: wisn / bare parse and wisn / DuckDB wall time, from
#      the same run, with the load average of the machine.
#
# Files are read from the page cache (they were just written or read), so this measures CPU and
# memory, not the disk. tenth-x10 vs tenth shows whether memory grows with rows at a fixed set of
# facilities (it should not: workload is aggregated while it is read). national vs tenth-x10
# (same rows, 10x the facilities) shows the cost of the facility x cadre state.

set -euo pipefail

usage() { sed -n '2,/^$/{s/^# \{0,1\}//;p}' "$0"; }

QUICK=0
RUNS=3
CLEAN=0
DUCKDB=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --runs) RUNS="${2:?--runs needs a number}"; shift ;;
        --runs=*) RUNS="${1#--runs=}" ;;
        --clean) CLEAN=1 ;;
        --no-duckdb) DUCKDB=0 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: --runs must be a positive integer" >&2; exit 2; }

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
BENCH_DIR="${BENCH_DIR:-/tmp/wisn-bench}"
mkdir -p "$BENCH_DIR"
BENCH_DIR="$(cd "$BENCH_DIR" && pwd -P)"
case "$BENCH_DIR/" in
    "$REPO"/*) echo "bench.sh: BENCH_DIR ($BENCH_DIR) is inside the repository; use a directory outside it" >&2; exit 2 ;;
esac

TIME=/usr/bin/time
if [[ ! -x "$TIME" ]]; then
    echo "bench.sh: $TIME (GNU time) is missing; install it with: apt-get install -y time" >&2
    exit 1
fi

GEN="$REPO/target/release/examples/gen_national"
BARE="$REPO/target/release/examples/bare_parse"
WISN="${WISN_BIN:-$REPO/target/release/wisn}"

# The commit measured: the one built now (a commit made while the script runs is not it).
commit=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo "no commit")
if [[ -n "$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
    commit="$commit+changes"
fi
echo "## build" >&2
(cd "$REPO" && cargo build --release --examples --bins) || {
    echo "bench.sh: the release build failed (see above)" >&2; exit 1; }

# name | gen_national arguments
STUDIES=("tenth|--facilities 3000")
if [[ $QUICK -eq 0 ]]; then
    STUDIES+=("tenth-x10|--facilities 3000 --repeat 10" "national|--facilities 30000")
fi

if [[ $QUICK -eq 0 ]]; then
    avail_kb=$(df -Pk "$BENCH_DIR" | awk 'NR==2 {print $4}')
    if [[ -n "$avail_kb" && "$avail_kb" -lt 1500000 ]]; then
        echo "bench.sh: warning: only $((avail_kb / 1024)) MB free in $BENCH_DIR; full scale needs ~1.3 GB" >&2
    fi
fi

LOG="$BENCH_DIR/logs"
mkdir -p "$LOG"

# DuckDB, best effort: a virtual environment in BENCH_DIR (never the system's Python), the
# package installed with pip under a time limit. DUCK_PY is empty when it cannot be had, and
# DUCK_WHY says why.
DUCK_PY=""
DUCK_WHY="left out (--no-duckdb)"
if [[ $DUCKDB -eq 1 ]]; then
    venv="$BENCH_DIR/.duckdb-venv"
    if [[ -x "$venv/bin/python" ]] && "$venv/bin/python" -c 'import duckdb' 2>/dev/null; then
        DUCK_PY="$venv/bin/python"
    elif ! command -v python3 >/dev/null; then
        DUCK_WHY="not measured: python3 is not installed"
    else
        echo "## duckdb: installing the Python package duckdb into $venv (best effort)" >&2
        if timeout 120 python3 -m venv "$venv" >"$LOG/duckdb-install.log" 2>&1 &&
            timeout 300 "$venv/bin/pip" install -q duckdb >>"$LOG/duckdb-install.log" 2>&1 &&
            "$venv/bin/python" -c 'import duckdb' 2>>"$LOG/duckdb-install.log"; then
            DUCK_PY="$venv/bin/python"
        else
            DUCK_WHY="not measured: pip could not install duckdb (see $LOG/duckdb-install.log)"
        fi
    fi
    if [[ -n "$DUCK_PY" ]]; then
        DUCK_VERSION=$("$DUCK_PY" -c 'import duckdb; print(duckdb.__version__)')
        cat >"$LOG/duckdb_wisn.py" <<'PY'
# The per facility x cadre aggregation of `wisn compute`, in DuckDB SQL: annual volume per
# facility x activity, times the service standard (minutes per activity) of the activity's
# cadre, over the cadre's available working time (hours a year), summed per facility x cadre.
import sys, duckdb
study, out = sys.argv[1], sys.argv[2]
duckdb.sql(f"""
COPY (
  WITH w AS (
    SELECT facility_id, activity, sum(volume) AS volume
    FROM read_csv('{study}/workload.csv', header = true) GROUP BY ALL),
  s AS (
    SELECT cadre, activity, standard
    FROM read_csv('{study}/standards.csv', header = true) WHERE component = 'service'),
  t AS (
    SELECT cadre, hours_per_day * (52 * days_per_week - public_holidays - annual_leave
                                   - sick_leave - other_leave) AS awt
    FROM read_csv('{study}/working_time.csv', header = true))
  SELECT w.facility_id, s.cadre, sum(w.volume * s.standard / 60.0) / any_value(t.awt) AS required
  FROM w JOIN s USING (activity) JOIN t USING (cadre)
  GROUP BY ALL ORDER BY ALL
) TO '{out}' (HEADER, DELIMITER ',')
""")
PY
    fi
fi

# measure NAME CMD...: runs CMD $RUNS times under /usr/bin/time; sets M_SECS, M_RSS_KB (of the
# fastest run), M_OUT (its stdout file) and M_OK (1 if every run exited 0). Prints the stderr of a
# failing run. Peak RSS is /usr/bin/time's %M. Wall time is /usr/bin/time's %e, which has a
# resolution of 10 ms; bash's $EPOCHREALTIME (microseconds, taken around the same command, so it
# also counts the ~1 ms that /usr/bin/time itself costs) replaces it when available.
measure() {
    local name="$1"; shift
    M_SECS=""; M_RSS_KB=""; M_OK=1; M_OUT="$LOG/$name.out"
    local r secs rss t0 t1
    for ((r = 1; r <= RUNS; r++)); do
        t0="${EPOCHREALTIME:-}"
        if ! "$TIME" -f '%e %M' -o "$LOG/$name.time" "$@" >"$LOG/$name.run.out" 2>"$LOG/$name.err"; then
            M_OK=0
            echo "bench.sh: '$*' failed; its stderr:" >&2
            tail -n 40 "$LOG/$name.err" | sed 's/^/    /' >&2
            return 0
        fi
        t1="${EPOCHREALTIME:-}"
        read -r secs rss < <(tail -n 1 "$LOG/$name.time")
        if [[ -n "$t0" && -n "$t1" ]]; then
            secs=$(awk -v a="${t0/,/.}" -v b="${t1/,/.}" 'BEGIN { printf "%.3f", b - a }')
        fi
        echo "    run $r: $secs s, $rss KB" >&2
        if [[ -z "$M_SECS" ]] || awk -v a="$secs" -v b="$M_SECS" 'BEGIN { exit !(a < b) }'; then
            M_SECS="$secs"; M_RSS_KB="$rss"; cp "$LOG/$name.run.out" "$M_OUT"
        fi
    done
}

fmt_mbs() { awk -v b="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", b / 1e6 / s; else print "-" }'; }
fmt_mb()  { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

ROWS_MD=()
NO_OUTPUT=""
for entry in "${STUDIES[@]}"; do
    name="${entry%%|*}"
    args="${entry#*|}"
    dir="$BENCH_DIR/$name"
    stamp="gen_national $args --seed 42"
    if [[ -f "$dir/workload.csv" && -f "$dir/.gen-args" && "$(cat "$dir/.gen-args")" == "$stamp" ]]; then
        echo "## $name: reusing $dir" >&2
    else
        echo "## $name: generating ($stamp)" >&2
        rm -f "$dir/.gen-args"
        # shellcheck disable=SC2086
        "$TIME" -f '    generation: %e s, %M KB peak RSS' "$GEN" --out "$dir" $args --seed 42 2>&1 \
            | grep -v '^  [a-z_]*\.csv:' >&2
        echo "$stamp" >"$dir/.gen-args"
    fi
    bytes=$(stat -c %s "$dir/workload.csv")

    echo "## $name: bare_parse" >&2
    measure "$name.bare" "$BARE" "$dir/workload.csv"
    rows=$(awk '/^rows/ {print $2}' "$M_OUT" 2>/dev/null || true)
    bare_s="$M_SECS"; bare_rss="$M_RSS_KB"
    if [[ $M_OK -eq 1 ]]; then
        bare_cols="$bare_s | $(fmt_mbs "$bytes" "$bare_s") | $(fmt_mb "$bare_rss")"
    else
        bare_cols="failed | - | -"; bare_s=""
    fi

    echo "## $name: wisn compute" >&2
    if [[ -z "$NO_OUTPUT" && "$name" == tenth ]]; then
        # Sanity check once (not timed): the measured runs write to /dev/null, so make sure the
        # command really produces rows (nothing after the header line means it did nothing).
        rm -f "$LOG/tenth.wisn.csv"
        if "$WISN" compute "$dir" --format csv -o "$LOG/tenth.wisn.csv" 2>"$LOG/tenth.check.err"; then
            out_rows=0
            [[ -s "$LOG/tenth.wisn.csv" ]] && out_rows=$(( $(wc -l <"$LOG/tenth.wisn.csv") - 1 ))
            if [[ $out_rows -lt 1 ]]; then
                NO_OUTPUT=1
                echo "bench.sh: warning: wisn compute exited 0 but wrote no rows; its timings are shown as 'no output'" >&2
            else
                echo "    wisn compute wrote $out_rows rows (+ header) for $name" >&2
            fi
        fi
    fi
    measure "$name.wisn" "$WISN" compute "$dir" --format csv -o /dev/null
    if [[ -n "$NO_OUTPUT" ]]; then
        wisn_cols="no output | - | -"; ratio="-"
    elif [[ $M_OK -eq 1 ]]; then
        wisn_cols="$M_SECS | $(fmt_mbs "$bytes" "$M_SECS") | $(fmt_mb "$M_RSS_KB")"
        if [[ -n "$bare_s" ]]; then
            ratio=$(awk -v w="$M_SECS" -v b="$bare_s" 'BEGIN { if (b > 0) printf "%.1f", w / b; else print "-" }')
        else
            ratio="-"
        fi
    else
        wisn_cols="failed | - | -"; ratio="-"
    fi

    wisn_s=""; [[ $M_OK -eq 1 && -z "$NO_OUTPUT" ]] && wisn_s="$M_SECS"

    duck_cols="- | -"; duck_ratio="-"
    if [[ -n "$DUCK_PY" ]]; then
        echo "## $name: duckdb" >&2
        measure "$name.duckdb" "$DUCK_PY" "$LOG/duckdb_wisn.py" "$dir" "$LOG/$name.duckdb.csv"
        if [[ $M_OK -eq 1 ]]; then
            duck_cols="$M_SECS | $(fmt_mb "$M_RSS_KB")"
            [[ -n "$wisn_s" ]] && duck_ratio=$(awk -v w="$wisn_s" -v d="$M_SECS" 'BEGIN { printf "%.2f", w / d }')
        else
            duck_cols="failed | -"
        fi
    fi

    ROWS_MD+=("| $name | ${rows:-?} | $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') | $bare_cols | $wisn_cols | $ratio | $duck_cols | $duck_ratio |")
done

cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)
echo
echo "Machine: $(nproc) cores${cpu:+, $cpu}; load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?); $(rustc --version 2>/dev/null || echo rustc ?); wisn $commit; best of $RUNS run(s); $(date -u '+%Y-%m-%d %H:%M UTC')"
if [[ -n "$DUCK_PY" ]]; then
    echo "DuckDB $DUCK_VERSION (Python package, all cores): the same per facility x cadre aggregation in SQL (read_csv + join of the standards + GROUP BY), written as CSV."
else
    echo "DuckDB: $DUCK_WHY."
fi
echo
echo "| study | rows | file MB | bare parse s | bare MB/s | bare peak RSS MB | wisn compute s | wisn MB/s | wisn peak RSS MB | wisn/bare time | DuckDB s | DuckDB peak RSS MB | wisn/DuckDB time |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS_MD[@]}"

if [[ $CLEAN -eq 1 ]]; then
    for entry in "${STUDIES[@]}"; do rm -rf "${BENCH_DIR:?}/${entry%%|*}"; done
    rm -rf "$LOG"
    echo >&2; echo "bench.sh: removed the generated studies from $BENCH_DIR" >&2
fi
