#!/bin/sh
# Writes the full human and JSON output of `pacte check` over every rule
# fixture, every test vector and every example into the folder given as
# first argument, plus `pacte rules` and `pacte explain` of every code.
# Run it before and after a refactor and diff the two folders: the output
# must stay byte-identical. Usage: scripts/output-snapshot.sh OUT [BIN]
set -eu
out=$1
bin=${2:-target/debug/pacte}
mkdir -p "$out"
export PACTE_LANG=en
for f in tests/fixtures/rules/*/* examples/*.toml examples/*.yaml examples/incomplete/*; do
    name=$(echo "$f" | tr '/' '_')
    "$bin" check "$f" --as-of 2026-11-24 >"$out/$name.human" 2>&1 || echo "exit $?" >>"$out/$name.human"
    "$bin" check "$f" --as-of 2026-11-24 --format json >"$out/$name.json" 2>&1 || echo "exit $?" >>"$out/$name.json"
done
"$bin" rules >"$out/rules.txt" 2>&1 || true
for code in $("$bin" rules --format json | grep -o '"code": *"[A-Z][0-9]*"' | grep -o '[A-Z][0-9]*'); do
    "$bin" explain "$code" >"$out/explain-$code.txt" 2>&1 || true
done
