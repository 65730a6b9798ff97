#!/usr/bin/env bash
# Benchmark of the git commands: one convention with 1,000 commits.
# Run by hand (never from the tests): bash bench/git.sh
# Targets (2-core machine, release build): log < 1 s, diff --from HEAD~500
# < 100 ms, sign < 20 ms.
set -euo pipefail
export LC_ALL=C
here="$(cd "$(dirname "$0")/.." && pwd)"
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
pacte="$here/target/release/pacte"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
repo="$work/repo"
git init -q -b main "$repo"
git -C "$repo" config user.name Bench
git -C "$repo" config user.email bench@example.org
base="$(cat "$here/examples/festival-campus.toml")"

# 1,000 commits through one fast-import stream: every third commit changes
# only a comment, the others a term (the meetings clause); the file is
# renamed at commit 400.
{
  for i in $(seq 1 1000); do
    if (( i % 3 == 0 )); then
      text="${base/# Convention de réalisation/# Convention ($i) de réalisation}"
    else
      text="${base/Une réunion par mois/Une réunion par mois (version $i)}"
    fi
    name="festival.toml"
    (( i < 400 )) && name="c.toml"
    echo "commit refs/heads/main"
    echo "committer Bench <bench@example.org> $((1700000000 + i * 60)) +0000"
    msg="commit $i"
    echo "data ${#msg}"
    echo "$msg"
    if (( i == 400 )); then echo "D c.toml"; fi
    echo "M 100644 inline $name"
    echo "data ${#text}"
    echo "$text"
  done
} | git -C "$repo" fast-import --quiet
git -C "$repo" checkout -q main
cd "$repo"
echo "commits: $(git rev-list --count HEAD)"

best() { # best wall time of 5 runs, in ms
  local best=999999 t0 t1 ms
  for _ in 1 2 3 4 5; do
    "$@" >/dev/null 2>&1 || true
    t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    (( ms < best )) && best=$ms
  done
  echo "$best"
}

echo "pacte log:                  $(best "$pacte" log festival.toml) ms  (target < 1000)"
echo "pacte diff --from HEAD~500: $(best "$pacte" diff festival.toml --from HEAD~500) ms  (target < 100)"
echo "pacte diff --from HEAD~999: $(best "$pacte" diff festival.toml --from HEAD~999) ms  (before the rename)"
cp festival.toml "$work/saved.toml"
best_sign=999999
for _ in 1 2 3 4 5; do
  cp "$work/saved.toml" festival.toml
  t0=$(date +%s%N); "$pacte" sign festival.toml --party ville --name "Claire Roche" --date 2026-09-02 >/dev/null; t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 )); (( ms < best_sign )) && best_sign=$ms
done
echo "pacte sign:                 $best_sign ms  (target < 20)"
