#!/usr/bin/env bash
# Benchmark of `pacte render` to PDF and DOCX (run by hand, not a test).
# Usage: bench/render_pdf_docx.sh [N]   (default 100)
# Prints the time of rendering a folder of N synthetic conventions to PDF
# (one browser process for the folder; target: under 15 s for 100 on a
# 2-core machine) and of rendering one convention to DOCX (one process,
# best of 10; target: under 20 ms).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 bench/generate.py "$n" "$dir/conventions" >/dev/null
cargo build --release --quiet
bin=$PWD/target/release/pacte
one="$dir/conventions/convention-00000.toml"

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }

s=$(now); "$bin" render "$dir/conventions" --format pdf -o "$dir/pdf/" >/dev/null; e=$(now)
printf '%-52s %8.3f s  (%d files)\n' "pacte render ($n conventions, pdf, folder)" "$(elapsed "$s" "$e")" "$(ls "$dir/pdf" | wc -l)"

best=999
for _ in $(seq 10); do
  s=$(now); "$bin" render "$one" --format docx >"$dir/one.docx"; e=$(now)
  t=$(elapsed "$s" "$e")
  if (( $(echo "$t < $best" | bc) )); then best=$t; fi
done
printf '%-52s %8.1f ms\n' "pacte render (1 convention, docx, best of 10)" "$(echo "$best * 1000" | bc)"
