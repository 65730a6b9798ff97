#!/usr/bin/env python3
"""Writes hostile inputs of about SIZE bytes (default 10 MB) into OUTDIR, for
the memory and time targets of `pacte check` (under 2 GB, under 10 s each).

Usage: bench/hostile.py OUTDIR [SIZE]
Then, with a release build:
    for f in OUTDIR/*; do /usr/bin/time -v target/release/pacte check "$f" >/dev/null; done
(bench/hostile.sh does both and prints the peak memory and time of each.)

- broken-inline.toml: one malformed line, `a = [{y,` then `{},` repeated
  (-max: just under the value budget, so that the reader runs);
- long-line.toml: a convention whose title is one 300 KB line with an error at its end;
- invalid-items.toml: valid TOML, one long inline array of invalid items (one S003 each;
  -max: 990,000 of them, under the value budget);
- meta-elements.toml: a huge array of small values under `[meta]`;
- many-parties.toml: 100,000 parties, each with its [[role]] (time linear in the parties);
- the same in YAML where it applies.
"""
import os
import sys

out = sys.argv[1]
size = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
os.makedirs(out, exist_ok=True)
HEAD = '[convention]\nid = "hostile"\ntitle = "Hostile"\nkind = "realisation"\n'


def write(name, text):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(text)


write("broken-inline.toml", "a = [{y," + "{}," * ((size - 8) // 3) + "\n")
# The same just under the value budget (1,000,000), so that the reader and
# the rules do run: the worst case of a file that is not refused outright.
write("broken-inline-max.toml", "a = [{y," + "{}," * 990_000 + "\n")
write("invalid-items-max.toml", "party = [" + "1," * 990_000 + "1]\n" + HEAD)
write("long-line.toml", HEAD.replace('"Hostile"', '"' + "x" * 300_000 + '" oops') + "\n")
write("long-line-big.toml", HEAD.replace('"Hostile"', '"' + "é" * (size // 2) + '" oops') + "\n")
# `party` expects tables: every number is one S003.
write("invalid-items.toml", "party = [" + "1," * ((size - 100) // 2) + "1]\n" + HEAD)
write("meta-elements.toml", HEAD + "[meta]\nx = [" + "1," * ((size - 100) // 2) + "1]\n")
write("meta-elements.yaml", "convention:\n  id: hostile\nmeta:\n  x: [" + "1," * ((size - 100) // 2) + "1]\n")
parties = []
n = 100_000
for i in range(n):
    parties.append(f'[[party]]\nid = "p{i}"\nname = "Partie {i}"\nsector = "association"\n')
for i in range(n):
    parties.append(f'[[role]]\nparty = "p{i}"\nresponsibilities = "Rôle {i}"\n')
write("many-parties.toml", HEAD + "".join(parties))
