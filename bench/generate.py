#!/usr/bin/env python3
"""Writes N synthetic conventions (about 6 KB each) into a folder, for benchmarks.

Usage: bench/generate.py N OUTDIR [--stale]
Each file is a variant of examples/festival-campus.toml with its own id,
title, amounts and dates, so that every rule has something to look at. Its
signatures carry the fingerprint of its own terms, computed by the
independent implementation of tests/vectors/fingerprint_vectors.py, so the
portfolio checks clean; with --stale they keep the template's fingerprint
(three L004 errors a file: the worst case for output).
"""
import os
import re
import sys
import tomllib

n = int(sys.argv[1])
out = sys.argv[2]
stale = "--stale" in sys.argv[3:]
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "tests", "vectors"))
from fingerprint_vectors import fingerprint  # noqa: E402
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
    if not stale:
        fp = fingerprint(tomllib.loads(text))
        text = re.sub(r'fingerprint = "sha256:[0-9a-f]{64}"', f'fingerprint = "{fp}"', text)
    with open(os.path.join(out, f"convention-{i:05d}.toml"), "w", encoding="utf-8") as f:
        f.write(text)
