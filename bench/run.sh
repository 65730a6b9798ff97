#!/usr/bin/env bash
# Benchmark of `pacte check`: N synthetic conventions of about 6 KB.
# Usage: bench/run.sh [N]   (default 10000)
# Prints the wall time and peak memory of `pacte check` over the folder, the
# time of a single-file check, and the parse-only reference (toml crate, 1 thread).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 bench/generate.py "$n" "$dir/conventions"
cargo build --release --quiet
bin=target/release/pacte
size=$(cat "$dir"/conventions/*.toml | wc -c)
echo "generated $n conventions, $(awk "BEGIN { printf \"%.1f\", $size / $n / 1024 }") KB each on average"

measure() { # label, command…
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$dir/mem" "$@" >/dev/null 2>"$dir/err" || true
  end=$(date +%s.%N)
  printf '%-40s %7.3f s   peak %6d KB\n' "$label" "$(echo "$end - $start" | bc)" "$(tail -1 "$dir/mem")"
}

for run in 1 2 3; do
  measure "pacte check ($n files, json) #$run" "$bin" check "$dir/conventions" --format json --as-of 2026-12-01
done
measure "pacte check ($n files, human)" "$bin" check "$dir/conventions" --as-of 2026-12-01
measure "pacte check (1 file)" "$bin" check "$dir/conventions/convention-00000.toml" --as-of 2026-12-01
cargo bench --quiet --bench parse_only -- "$dir/conventions" 2>/dev/null | tail -1
