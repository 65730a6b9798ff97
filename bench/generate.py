#!/usr/bin/env python3
"""Writes N synthetic conventions (about 6 KB each) into a folder, for benchmarks.

Usage: bench/generate.py N OUTDIR
Each file is a variant of examples/festival-campus.toml with its own id,
title, amounts and dates, so that every rule has something to look at.
"""
import os
import re
import sys

n = int(sys.argv[1])
out = sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
template = open(os.path.join(here, "..", "examples", "festival-campus.toml"), encoding="utf-8").read()
# Comments and the preamble out: about 6 KB a file, like a typical convention.
template = "\n".join(l for l in template.splitlines() if not l.startswith("#")) + "\n"
template = re.sub(r'preamble = """.*?"""\n', "", template, flags=re.S)
os.makedirs(out, exist_ok=True)
for i in range(n):
    text = template.replace('id = "festival-campus-2027"', f'id = "convention-{i:05d}"')
    text = text.replace("Festival pluridisciplinaire du campus", f"Projet partenarial n° {i}")
    text = text.replace("amount = 1200\n", f"amount = {1000 + i % 500}\n")
    text = re.sub(r"purpose = \"\"\"\n", f'purpose = """\nProjet {i}. ', text, count=1)
    with open(os.path.join(out, f"convention-{i:05d}.toml"), "w", encoding="utf-8") as f:
        f.write(text)
