#!/usr/bin/env bash
# Benchmark of `pacte render`.
# Usage: bench/render.sh [N]   (default 1000)
# Prints the time of rendering one convention to HTML (one process, best of
# 10), of rendering a folder of N synthetic conventions to HTML, and, when
# pandoc is installed, of pandoc converting the same conventions' Markdown
# (rendered by pacte) to HTML, with the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 bench/generate.py "$n" "$dir/conventions" >/dev/null
cargo build --release --quiet
bin=$PWD/target/release/pacte
one="$dir/conventions/convention-00000.toml"
mkdir -p "$dir/html" "$dir/md" "$dir/pandoc"

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }

best=999
for _ in $(seq 10); do
  s=$(now); "$bin" render "$one" --format html >/dev/null; e=$(now)
  t=$(elapsed "$s" "$e")
  if (( $(echo "$t < $best" | bc) )); then best=$t; fi
done
printf '%-52s %8.1f ms\n' "pacte render (1 convention, html, best of 10)" "$(echo "$best * 1000" | bc)"

s=$(now); "$bin" render "$dir/conventions" --format html -o "$dir/html" >/dev/null; e=$(now)
folder=$(elapsed "$s" "$e")
printf '%-52s %8.3f s  (%d files)\n' "pacte render ($n conventions, html, folder)" "$folder" "$(ls "$dir/html" | wc -l)"

s=$(now); "$bin" render "$dir/conventions" --format md -o "$dir/md" >/dev/null; e=$(now)
printf '%-52s %8.3f s\n' "pacte render ($n conventions, md, folder)" "$(elapsed "$s" "$e")"

if command -v pandoc >/dev/null; then
  s=$(now)
  for f in "$dir"/md/*.md; do
    pandoc --from gfm --to html5 --standalone --metadata title=x "$f" -o "$dir/pandoc/$(basename "$f" .md).html"
  done
  e=$(now)
  p=$(elapsed "$s" "$e")
  printf '%-52s %8.3f s\n' "pandoc md -> html ($n files, one process each)" "$p"
  printf '%-52s %8.1f x\n' "ratio pandoc / pacte (folder, html)" "$(echo "$p / $folder" | bc -l)"
else
  echo "pandoc not installed: no comparison"
fi
