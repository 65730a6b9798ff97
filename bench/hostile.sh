#!/usr/bin/env bash
# Peak memory and time of `pacte check` on the hostile inputs of
# bench/hostile.py (release build). Usage: bench/hostile.sh [SIZE]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 bench/hostile.py "$dir" "${1:-10000000}"
for f in "$dir"/*; do
  /usr/bin/time -f "%M %e %x" -o "$dir/.time" target/release/pacte check "$f" >/dev/null 2>&1 || true
  read -r kb secs rc < <(tail -n 1 "$dir/.time")
  printf '%-24s %8d KB  %6.2f s  exit %s  (%d bytes)\n' "$(basename "$f")" "$kb" "$secs" "$rc" "$(stat -c %s "$f")"
done
