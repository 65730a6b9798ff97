#!/usr/bin/env bash
# Benchmark of `pacte report`: N synthetic conventions (bench/generate.py).
# Usage: bench/report.sh [N]   (default 10000)
# Prints the wall time and peak memory (KB, /usr/bin/time %M) of the release
# build writing the report of the whole folder as JSON, CSV, HTML, Markdown
# and iCalendar, and of `pacte status`.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 bench/generate.py "$n" "$dir/conventions"
cargo build --release --quiet
bin=target/release/pacte

measure() { # label, command…
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  # Exit 1 (findings) is a normal end; 2 is a failure.
  local code=0
  /usr/bin/time -f "%M" -o "$dir/mem" "$@" >/dev/null 2>"$dir/err" || code=$?
  if [ "$code" -gt 1 ]; then cat "$dir/err"; exit 1; fi
  end=$(date +%s.%N)
  printf '%-44s %7.3f s   peak %7d KB\n' "$label" "$(echo "$end - $start" | bc)" "$(tail -1 "$dir/mem")"
}

for run in 1 2 3; do
  measure "pacte report ($n files, json) #$run" "$bin" report "$dir/conventions" --format json --as-of 2027-03-01 -o "$dir/out.json" --force
done
for run in 1 2 3; do
  measure "pacte report ($n files, csv) #$run" "$bin" report "$dir/conventions" --format csv --as-of 2027-03-01 -o "$dir/out.csv" --force
done
for run in 1 2 3; do
  measure "pacte report ($n files, html) #$run" "$bin" report "$dir/conventions" --format html --as-of 2027-03-01 -o "$dir/out.html" --force
done
measure "pacte report ($n files, md)" "$bin" report "$dir/conventions" --as-of 2027-03-01 -o "$dir/out.md" --force
measure "pacte report ($n files, ics)" "$bin" report "$dir/conventions" --format ics --as-of 2027-03-01 -o "$dir/out.ics" --force
measure "pacte status ($n files)" "$bin" status "$dir/conventions" --as-of 2027-03-01
measure "pacte check ($n files, json), reference" "$bin" check "$dir/conventions" --format json --as-of 2027-03-01
ls -l "$dir"/out.* | awk '{printf "%-12s %8.1f MB\n", $NF, $5/1048576}' | sed "s|$dir/||"
