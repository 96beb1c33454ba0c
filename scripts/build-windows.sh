#!/usr/bin/env bash
# Builds wisn.exe for 64-bit Windows from the same sources, on Linux, and (with --test) runs it
# under Wine against the Linux build.
#
#   scripts/build-windows.sh            build target/windows/wisn.exe
#   scripts/build-windows.sh --test     build it, then check it under Wine (see below)
#
# Needs (Debian 12 names):
#   - the Rust standard library for the target: `rustup target add x86_64-pc-windows-gnu`
#     (tried here when missing). Debian's own `libstd-rust-dev-windows` only fits Debian's
#     rustc (1.63 in Debian 12, older than the 1.80 wisn needs), so it is not an option;
#   - the MinGW-w64 linker: `apt-get install gcc-mingw-w64-x86-64`;
#   - for --test only: `apt-get install wine64` (Wine 8 in Debian 12).
# Exit 0 done, 1 a build or a check failed, 77 a tool is missing (nothing was checked: "skipped").
#
# --test runs wisn.exe under Wine and checks that:
#   - `compute data\sikasso -f csv` prints byte for byte the CSV of the Linux build (target/debug/wisn,
#     built when missing), with the study given as a relative path with backslashes, as an absolute
#     path with a drive letter (Z:\...), from a folder and file with accented names written by
#     Windows (`Études Ségou\établissements.csv`), and with every file's line ends turned to CRLF;
#   - -o writes a CSV and an .xlsx under a Windows path, and writes them again over the old files
#     (a rename over an existing file is refused by Windows unless asked for); -o NUL works;
#     a file held open (as Excel does) is left as it was, with a message saying to close it;
#   - a missing study is an error (exit 1) that names the Windows path as given;
#   - `completions powershell` and `man` run;
#   - in a console whose code page is 850, accents and table lines show right;
#   - double-clicked (a console of its own, no arguments), it says how to run it from a terminal;
#   - with no LANG, LC_ALL, LC_MESSAGES, the language follows the Windows locale (when the
#     fr_FR.UTF-8 locale is installed on Linux, for Wine to take it from).
# Wine 8 lacks bcryptprimitives.dll (the Rust standard library asks it for random bytes, through
# ProcessPrng, since Rust 1.78; Windows 10 and 11 have it): the check builds the tiny stand-in
# scripts/windows/bcryptprimitives.c with MinGW and puts it beside a *copy* of wisn.exe in
# target/windows-test/ (Windows loads a DLL from the program's folder first). The wisn.exe that is
# shipped is untouched and needs no such file on Windows.
set -euo pipefail
cd "$(dirname "$0")/.."

test=false
case "${1:-}" in
  --test) test=true ;;
  "") ;;
  *) echo "usage: scripts/build-windows.sh [--test]" >&2; exit 2 ;;
esac

triple=x86_64-pc-windows-gnu
skip() { echo "build-windows: SKIP: $*" >&2; exit 77; }

command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 \
  || skip "no MinGW-w64 linker (apt-get install gcc-mingw-w64-x86-64)"
if ! rustc --print sysroot >/dev/null 2>&1; then skip "no rustc"; fi
if [ ! -d "$(rustc --print sysroot)/lib/rustlib/$triple/lib" ]; then
  if command -v rustup >/dev/null 2>&1; then
    echo "build-windows: adding the $triple standard library (rustup target add $triple)"
    timeout 300 rustup target add "$triple" >/dev/null 2>&1 || true
  fi
  [ -d "$(rustc --print sysroot)/lib/rustlib/$triple/lib" ] \
    || skip "no Rust standard library for $triple (rustup target add $triple)"
fi

# No debug info in the Windows build (the Linux release profile keeps line tables for profiling):
# a 10 MB wisn.exe instead of 45 MB, and a quicker link.
echo "build-windows: cargo build --release --target $triple"
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
  CARGO_PROFILE_RELEASE_DEBUG=0 \
  cargo build --release --locked --target "$triple" --quiet
mkdir -p target/windows
cp "${CARGO_TARGET_DIR:-target}/$triple/release/wisn.exe" target/windows/wisn.exe
echo "build-windows: built target/windows/wisn.exe ($(du -h target/windows/wisn.exe | cut -f1))"
$test || exit 0

# ---------------------------------------------------------------------------------------------
# The check under Wine.
wine=${WINE:-}
if [ -z "$wine" ]; then
  for w in wine64 /usr/lib/wine/wine64 wine; do
    if command -v "$w" >/dev/null 2>&1; then wine=$(command -v "$w"); break; fi
  done
fi
[ -n "$wine" ] || skip "no Wine (apt-get install wine64): wisn.exe was built, not run"

root=$(pwd)
dir=target/windows-test
rm -rf "$dir/run"
mkdir -p "$dir/run"
cp target/windows/wisn.exe "$dir/run/wisn.exe"
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$dir/run/bcryptprimitives.dll" \
  scripts/windows/bcryptprimitives.c -ladvapi32

# Its own Wine prefix (never the user's: the check ends its Wine server when done).
export WINEPREFIX="$root/$dir/wineprefix"
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" DISPLAY=
# Wine reads the command line in the Unix locale: UTF-8, for the accented names. wisn reads LANG
# for its language: English, for the comparison.
export LC_ALL=C.UTF-8 LANG=C.UTF-8
mkdir -p "$WINEPREFIX"
wineserver=$(dirname "$(readlink -f "$wine")")/wineserver
[ -x "$wineserver" ] || wineserver=$(command -v wineserver || true)
cleanup() { if [ -n "$wineserver" ]; then "$wineserver" -k >/dev/null 2>&1 || true; fi; }
trap cleanup EXIT

# The Linux build the results are compared with.
linux=${CARGO_TARGET_DIR:-target}/debug/wisn
cargo build --locked --quiet   # (a no-op when it is up to date)

failures=0
passes=0
fail() { echo "build-windows: FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "build-windows: ok: $*"; passes=$((passes + 1)); }
# Runs wisn.exe under Wine, in the current folder; a first run also makes the Wine prefix.
wisn_exe() { timeout 300 "$wine" "$root/$dir/run/wisn.exe" "$@"; }

# A new Wine prefix is made on the first run (15 s, and messages on stderr): make it now.
# Then wait until Wine has finished with it: a prefix being updated (also when the locale changed
# since the last run) can kill the programs started meanwhile.
timeout 300 "$wine" wineboot --init >/dev/null 2>&1 || true
if [ -n "$wineserver" ]; then timeout 120 "$wineserver" -w || true; fi

version=$(wisn_exe --version 2>/dev/null | tr -d '\r') || true
if [ "$version" = "$($linux --version)" ]; then ok "wisn.exe --version: $version"; else
  fail "wisn.exe --version gave \"$version\""; fi

$linux compute data/sikasso -f csv >"$dir/linux.csv" 2>/dev/null
same_csv() { # what, file
  if cmp -s "$dir/linux.csv" "$2"; then ok "$1: the same CSV as the Linux build"; else
    fail "$1: not the CSV of the Linux build (diff $dir/linux.csv $2)"; fi
}

# 1. A relative path with backslashes, from the repository's folder.
wisn_exe compute 'data\sikasso' -f csv >"$dir/relative.csv" 2>/dev/null || fail "compute data\\sikasso: exit $?"
same_csv 'compute data\sikasso' "$dir/relative.csv"

# 2. An absolute path with a drive letter (Wine shows the Unix root as Z:).
winpath() { echo "Z:$(readlink -f "$1" | tr / '\\')"; }
abs=$(winpath data/sikasso)
wisn_exe compute "$abs" -f csv >"$dir/absolute.csv" 2>/dev/null || fail "compute $abs: exit $?"
same_csv "compute $abs" "$dir/absolute.csv"

# 3. Accented folder and file names, the file named in French (établissements = facilities).
accented="$dir/Études Ségou"
mkdir -p "$accented"
cp data/sikasso/*.csv "$accented/"
mv "$accented/facilities.csv" "$accented/établissements.csv"
(cd "$dir" && wisn_exe compute 'Études Ségou' -f csv >accented.csv 2>/dev/null) \
  || fail "compute 'Études Ségou': exit $?"
same_csv "compute 'Études Ségou' (établissements.csv)" "$dir/accented.csv"

# 4. Every line end CRLF, as Notepad and Excel on Windows save.
crlf="$dir/crlf"
mkdir -p "$crlf"
for f in data/sikasso/*.csv; do sed 's/$/\r/' "$f" >"$crlf/$(basename "$f")"; done
wisn_exe compute "$(winpath "$crlf")" -f csv >"$dir/crlf.csv" 2>/dev/null || fail "compute (CRLF): exit $?"
same_csv "compute of a study with CRLF line ends" "$dir/crlf.csv"

# 5. -o under a Windows path, twice (the second time over the first file).
out=$(winpath "$dir/run")
for round in first second; do
  wisn_exe compute 'data\sikasso' -q -o "$out\\resultats.csv" >/dev/null 2>&1 \
    || fail "-o resultats.csv ($round time): exit $?"
  wisn_exe compute 'data\sikasso' -q --lang fr -o "$out\\rapport.xlsx" >/dev/null 2>&1 \
    || fail "-o rapport.xlsx ($round time): exit $?"
done
same_csv "-o $out\\resultats.csv" "$dir/run/resultats.csv"
if [ -s "$dir/run/rapport.xlsx" ] && [ "$(head -c 2 "$dir/run/rapport.xlsx")" = "PK" ]; then
  ok "-o $out\\rapport.xlsx written, and written again over it"
else fail "-o rapport.xlsx: no workbook written"; fi
leftovers=$(find "$dir/run" -name '*.tmp*' -o -name '.tmp*' | wc -l)
[ "$leftovers" -eq 0 ] || fail "-o left $leftovers temporary files in $dir/run"

# 5b. A report open in Excel (held with no sharing by scripts/windows/hold-file.c): not replaced,
# the old file left as it was, and the message says to close it.
x86_64-w64-mingw32-gcc -O2 -municode -s -o "$dir/hold-file.exe" scripts/windows/hold-file.c
cp "$dir/run/resultats.csv" "$dir/before.csv"
timeout 60 "$wine" "$dir/hold-file.exe" "$out\\resultats.csv" 6 >"$dir/hold.out" 2>&1 &
holder=$!
for _ in $(seq 1 40); do grep -q held "$dir/hold.out" 2>/dev/null && break; sleep 0.5; done
set +e
msg=$(wisn_exe compute 'data\sikasso' -q -o "$out\\resultats.csv" 2>&1 >/dev/null)
status=$?
set -e
wait "$holder" || true
if [ "$status" -eq 1 ] && [[ "$msg" == *"close the file if Excel"* ]] && cmp -s "$dir/before.csv" "$dir/run/resultats.csv"; then
  ok "-o over a file another program holds open: exit 1, says to close it, old file kept"
else fail "-o over a held file: exit $status, message: $msg"; fi

# 6. -o NUL (Windows' /dev/null) is written to, not renamed over.
if wisn_exe compute 'data\sikasso' -q -o NUL >/dev/null 2>"$dir/nul.err"; then ok "-o NUL"; else
  fail "-o NUL: $(cat "$dir/nul.err")"; fi

# 7. A missing study: exit 1, and the message names the path as the user typed it.
set +e
msg=$(wisn_exe compute 'C:\Users\Awa\Documents\etude.xlsx' 2>&1 >/dev/null)
status=$?
set -e
if [ "$status" -eq 1 ] && [[ "$msg" == *'C:\Users\Awa\Documents\etude.xlsx'* ]]; then
  ok "a missing study: exit 1, named as given"
else fail "a missing study: exit $status, message: $msg"; fi

# 8. Shell completions and the man page.
if wisn_exe completions powershell 2>/dev/null | grep -q "Register-ArgumentCompleter"; then
  ok "completions powershell"; else fail "completions powershell"; fi
if wisn_exe man 2>/dev/null | grep -q '^\.TH'; then ok "man"; else fail "man"; fi

# 9. The language from Windows' own setting when no LANG, LC_ALL, LC_MESSAGES is set. Wine takes
# the user's Windows locale from the Unix LC_MESSAGES (when that locale is installed) and also
# passes LC_MESSAGES into the Windows environment, where wisn would read it: `set LC_MESSAGES=`
# in cmd removes it there, so only GetUserDefaultLocaleName can make the table French.
if locale -a 2>/dev/null | grep -qix 'fr_FR.utf-\?8'; then
  header=$(env -u LANG -u LC_ALL LC_MESSAGES=fr_FR.UTF-8 timeout 300 "$wine" cmd /c \
    "set LC_MESSAGES=&& set LANG=&& set LC_ALL=&& $(winpath "$dir/run/wisn.exe") compute data\sikasso -q" \
    2>/dev/null | head -1 | tr -d '\r') || true
  if [ "$header" = "Structures" ]; then ok "French from the Windows locale (no LANG)"; else
    fail "French from the Windows locale: the table began with \"$header\""; fi
else
  echo "build-windows: skipped: the language from the Windows locale (no fr_FR.UTF-8 locale:" \
    "apt-get install locales && localedef -i fr_FR -f UTF-8 fr_FR.UTF-8)"
fi

# 10. A console whose code page is not UTF-8 (850, as a French Windows' Command Prompt has):
# under a pseudo-terminal (`script`), Wine gives wisn.exe a real console. wisn writes to it in
# UTF-16, so accents and the table's lines show right; a program writing UTF-8 bytes would show
# `Kabo├»la` there (as `type` of a UTF-8 file does).
if command -v script >/dev/null 2>&1; then
  timeout 300 script -qec "$wine cmd /c 'chcp 850 && $(winpath "$dir/run/wisn.exe") compute data\\sikasso -q --lang fr'" \
    /dev/null </dev/null >"$dir/console.txt" 2>&1 || true
  if grep -aq "Active code page: 850" "$dir/console.txt" && grep -aq "CSCom de Kaboïla" "$dir/console.txt" \
    && grep -aq "Catégorie" "$dir/console.txt" && ! grep -aq "├" "$dir/console.txt"; then
    ok "a console in code page 850 shows accents and lines"
  else fail "a console in code page 850: see $dir/console.txt"; fi
else
  echo "build-windows: skipped: the console check (no \`script\`: apt-get install util-linux)"
fi

# 11. wisn.exe double-clicked in the Explorer (a console of its own, no arguments): it says how
# to run it from a terminal and waits for Enter; started from cmd it prints the usual usage.
if command -v script >/dev/null 2>&1; then
  # Enter is a carriage return on a console; if the key still does not reach Wine's console the
  # run is stopped after 60 s (the message was printed before the wait: the check reads it).
  printf '\r\n' | timeout 60 script -qec "$wine $dir/run/wisn.exe" /dev/null >"$dir/double-click.txt" 2>&1 || true
  printf '\r\n' | timeout 60 script -qec "$wine cmd /c '$(winpath "$dir/run/wisn.exe")'" /dev/null \
    >"$dir/from-cmd.txt" 2>&1 || true
  if grep -aq "not by a double-click" "$dir/double-click.txt" \
    && ! grep -aq "double-click" "$dir/from-cmd.txt" && grep -aq "Usage" "$dir/from-cmd.txt"; then
    ok "double-clicked: says how to run it; from cmd: the usage"
  else fail "double-click: see $dir/double-click.txt and $dir/from-cmd.txt"; fi
fi

echo "build-windows: under $("$wine" --version 2>/dev/null || echo Wine):"
echo "build-windows: $passes passed, $failures failed"
[ "$failures" -eq 0 ] || exit 1
