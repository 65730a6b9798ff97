#!/usr/bin/env bash
# The long fuzz run, by hand (cargo test runs a bounded one): the no-panic
# tests of tests/no_panic.rs with many more corrupted variants, longer long
# lines and several seeds, plus the hostile cases of tests/hostile.rs.
# Usage: bench/fuzz.sh [SEEDS] [CASES]    (default 5 seeds of 20,000 cases)
# A failure prints its seed: PACTE_FUZZ_SEED=S cargo test --test no_panic
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=${1:-5}
cases=${2:-20000}
for seed in $(seq 1 "$seeds"); do
  echo "seed $seed: $cases variants checked, $((cases / 50)) rendered"
  PACTE_FUZZ_SEED=$seed PACTE_FUZZ_CASES=$cases PACTE_FUZZ_RENDERS=$((cases / 50)) \
    PACTE_FUZZ_LONG=300000 cargo test --release -q --test no_panic
done
cargo test --release -q --test hostile
