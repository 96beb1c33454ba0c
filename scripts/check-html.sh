#!/usr/bin/env bash
# Checks an HTML report of `wisn compute --format html` in a real browser (headless Chromium):
# the page loads with no network, its script runs without error, and it has the summary tables,
# the facility table and the SVG charts with the 1.0 line. Optionally takes a screenshot.
#
#   scripts/check-html.sh REPORT.html [SCREENSHOT.png]
#
# Installs nothing: it uses Debian's `chromium` (apt-get install -y chromium) if present, else
# `chromium-browser` or `google-chrome`, or $CHROMIUM. Exit 0 when the page passes, 1 when it
# fails, 77 when no browser is installed (the usual "skipped" status).
set -euo pipefail

report=${1:?usage: scripts/check-html.sh REPORT.html [SCREENSHOT.png]}
shot=${2:-}
[ -f "$report" ] || { echo "check-html: $report: no such file" >&2; exit 1; }

browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
  for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then browser=$(command -v "$b"); break; fi
  done
fi
if [ -z "$browser" ]; then
  echo "check-html: SKIP: no Chromium installed (apt-get install -y chromium)"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage
  --disable-background-networking --disable-component-update --disable-sync
  --no-first-run --no-default-browser-check --disable-extensions --mute-audio
  --user-data-dir="$work/profile" --enable-logging=stderr --v=0
  --virtual-time-budget=3000)

# 1. The DOM after the page's script ran, and the browser's log.
timeout 120 "$browser" "${flags[@]}" --dump-dom "$url" >"$work/dom.html" 2>"$work/log.txt" || {
  if [ ! -s "$work/dom.html" ]; then
    # The browser itself did not start (a machine problem, not a report problem): skip, loudly.
    echo "check-html: SKIP: $browser did not start or render anything:" >&2
    tail -20 "$work/log.txt" >&2
    exit 77
  fi
  echo "check-html: FAIL: the browser failed while rendering $report" >&2
  tail -20 "$work/log.txt" >&2
  exit 1
}

fail=0
check() { # check DESCRIPTION PATTERN [MIN_COUNT]
  local n
  n=$( (grep -o -- "$2" "$work/dom.html" || true) | wc -l)
  if [ "$n" -ge "${3:-1}" ]; then
    echo "ok   $1 ($n)"
  else
    echo "FAIL $1: expected at least ${3:-1} of '$2', found $n" >&2
    fail=1
  fi
}
check "the page script ran" 'data-ready="1"'
check "summary tables" '<table class="summary"'
check "national summary" 'id="summary-national"'
check "district summary" 'id="summary-district"'
check "facility table" 'id="facility-table"'
check "facility rows" '<tr><td>' 10
check "chart of the ratio by district" '<svg id="chart-district"'
check "chart of the ratio by cadre" '<svg id="chart-cadre"'
check "bars" 'class="bar"' 3
check "the 1.0 line on each chart" 'class="target"' 2
check "sortable headers (tabindex set by the script)" 'tabindex="0"' 5

if grep -q 'data-errors=' "$work/dom.html"; then
  echo "FAIL script errors trapped by the page: $(grep -o 'data-errors="[^"]*"' "$work/dom.html")" >&2
  fail=1
else
  echo "ok   no script error trapped by the page"
fi
if grep -E 'Uncaught|:CONSOLE' "$work/log.txt" | grep -v 'dbus\|DevTools' >"$work/console.txt"; then
  if [ -s "$work/console.txt" ]; then
    echo "FAIL console messages:" >&2
    cat "$work/console.txt" >&2
    fail=1
  fi
else
  echo "ok   no console error"
fi
# Self-contained: nothing fetched from elsewhere.
if grep -E -o '(src|href)="(https?:)?//[^"]*"' "$report" | grep -v 'www.w3.org' >"$work/external.txt"; then
  echo "FAIL external resources:" >&2
  cat "$work/external.txt" >&2
  fail=1
else
  echo "ok   no external resource"
fi

# 2. A screenshot, to look at.
if [ -n "$shot" ]; then
  timeout 120 "$browser" "${flags[@]}" --hide-scrollbars --window-size=1200,2400 \
    --screenshot="$shot" "$url" >/dev/null 2>&1 && echo "screenshot: $shot"
fi

if [ "$fail" -ne 0 ]; then
  echo "check-html: FAIL"
  exit 1
fi
echo "check-html: PASS"
