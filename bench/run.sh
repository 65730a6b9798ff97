#!/usr/bin/env bash
# Benchmark of `pacte check`: N synthetic conventions of about 6 KB.
# Usage: bench/run.sh [N]   (default 10000)
# Prints the wall time and peak memory of `pacte check` over the folder (a
# clean portfolio, then the worst case where every signature is stale), the
# time of a single-file check, and the parse-only reference (toml crate,
# one thread).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 bench/generate.py "$n" "$dir/clean"
python3 bench/generate.py "$n" "$dir/stale" --stale
cargo build --release --quiet
bin=target/release/pacte
size=$(cat "$dir"/clean/*.toml | wc -c)
echo "generated $n conventions, $(awk "BEGIN { printf \"%.1f\", $size / $n / 1024 }") KB each on average"

measure() { # label, command…
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$dir/mem" "$@" >"$dir/out" 2>"$dir/err" || true
  end=$(date +%s.%N)
  printf '%-44s %7.3f s   peak %6d KB   %s\n' "$label" "$(echo "$end - $start" | bc)" "$(tail -1 "$dir/mem")" "$(tail -1 "$dir/out" | cut -c1-60)"
}

for run in 1 2 3; do
  measure "check $n files (human) #$run" "$bin" check "$dir/clean" --as-of 2026-12-01
done
measure "check $n files (json)" "$bin" check "$dir/clean" --format json --as-of 2026-12-01
measure "check $n files, stale signatures (human)" "$bin" check "$dir/stale" --as-of 2026-12-01
measure "check $n files, stale signatures (json)" "$bin" check "$dir/stale" --format json --as-of 2026-12-01
best=999
for _ in $(seq 20); do
  s=$(date +%s.%N); "$bin" check "$dir/clean/convention-00000.toml" --as-of 2026-12-01 >/dev/null; e=$(date +%s.%N)
  best=$(echo "if ($e - $s < $best) $e - $s else $best" | bc)
done
printf '%-44s %7.1f ms (best of 20, one process)\n' "check 1 file" "$(echo "$best * 1000" | bc)"
cargo bench --quiet --bench parse_only -- "$dir/clean" 2>/dev/null | tail -1
