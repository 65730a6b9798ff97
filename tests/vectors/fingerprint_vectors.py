#!/usr/bin/env python3
"""Independent computation of the test vectors of src/fingerprint.rs.

Standard library only. Implements the fingerprint rules by hand:
  - drop top-level keys signature/tracking/waiver/meta and
    convention.status / convention.terminated_on;
  - strings and keys: CRLF and lone CR -> LF, then Unicode NFC;
  - dates -> "YYYY-MM-DD";
  - RFC 8785 (JCS): keys sorted by UTF-16 code units, ECMAScript
    Number::toString for numbers, JSON.stringify string escaping;
  - "sha256:" + lowercase hex SHA-256 of the UTF-8 bytes.

The documents below mirror the ones built by hand in the Rust tests.
Run: python3 tests/vectors/fingerprint_vectors.py
"""

import datetime
import hashlib
import math
import unicodedata

REMOVED_TOP_LEVEL = ("signature", "tracking", "waiver", "meta")
REMOVED_FROM_CONVENTION = ("status", "terminated_on")


def norm_text(s):
    return unicodedata.normalize("NFC", s.replace("\r\n", "\n").replace("\r", "\n"))


def es_number(x):
    """ECMAScript Number::toString(x) (ECMA-262, 6.1.6.1.20) for finite x."""
    if isinstance(x, int):
        x = float(x)  # JCS: every number is an IEEE 754 double
    if not math.isfinite(x):
        raise ValueError("not finite")
    if x == 0:
        return "0"  # also -0
    if x < 0:
        return "-" + es_number(-x)
    # repr gives the shortest round-tripping digits, correctly rounded,
    # as ECMAScript requires; extract digits s and exponent n (x = 0.s * 10^n).
    r = repr(x)
    mantissa, _, exp = r.partition("e")
    exp = int(exp) if exp else 0
    int_part, _, frac_part = mantissa.partition(".")
    if frac_part == "0":
        frac_part = ""
    digits = (int_part + frac_part).lstrip("0")
    n = len(int_part.lstrip("0")) + exp if int_part.lstrip("0") else None
    if n is None:
        # 0.000ddd form
        lead = len(frac_part) - len(frac_part.lstrip("0"))
        n = -lead + exp
    digits = digits.rstrip("0") or "0"
    k = len(digits)
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + digits
    e = n - 1
    sign = "+" if e >= 0 else "-"
    if k == 1:
        return digits + "e" + sign + str(abs(e))
    return digits[0] + "." + digits[1:] + "e" + sign + str(abs(e))


def es_string(s):
    """JSON.stringify of a string (RFC 8785 3.2.2.2)."""
    out = ['"']
    for ch in s:
        c = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\b":
            out.append("\\b")
        elif ch == "\f":
            out.append("\\f")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif c < 0x20:
            out.append("\\u%04x" % c)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def to_json(v):
    """Document value -> normalised JSON-like value."""
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return v
    if isinstance(v, str):
        return norm_text(v)
    if isinstance(v, datetime.date):
        return v.isoformat()
    if v is None:
        return None
    if isinstance(v, list):
        return [to_json(x) for x in v]
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            out[norm_text(k)] = to_json(x)
        return out
    raise TypeError(type(v))


def jcs(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return es_number(v)
    if isinstance(v, str):
        return es_string(v)
    if isinstance(v, list):
        return "[" + ",".join(jcs(x) for x in v) + "]"
    if isinstance(v, dict):
        keys = sorted(v, key=lambda k: k.encode("utf-16-be"))
        return "{" + ",".join(es_string(k) + ":" + jcs(v[k]) for k in keys) + "}"
    raise TypeError(type(v))


def terms(doc):
    doc = to_json(doc)
    if isinstance(doc, dict):
        for k in REMOVED_TOP_LEVEL:
            doc.pop(k, None)
        conv = doc.get("convention")
        if isinstance(conv, dict):
            for k in REMOVED_FROM_CONVENTION:
                conv.pop(k, None)
    return jcs(doc)


def fingerprint(doc):
    return "sha256:" + hashlib.sha256(terms(doc).encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- checks

def self_check():
    # ECMAScript number formatting for the values used here and a few more.
    cases = {
        42000: "42000",
        42000.0: "42000",
        0.66: "0.66",
        1e-7: "1e-7",
        1e21: "1e+21",
        1e20: "100000000000000000000",
        -0.0: "0",
        0.000001: "0.000001",
        123.456: "123.456",
        1.5e-9: "1.5e-9",
        2.5e25: "2.5e+25",
        -3.0: "-3",
        9007199254740992.0: "9007199254740992",
    }
    for x, want in cases.items():
        got = es_number(x)
        assert got == want, (x, got, want)
    assert es_number(-0.0) == "0"
    # UTF-16 order: U+1F600 (D83D DE00) sorts before U+FB01, unlike code points.
    assert jcs({"\ufb01": 1, "\U0001F600": 2, "\u00e9": 3}) == \
        '{"\u00e9":3,"\U0001F600":2,"\ufb01":1}'
    assert jcs({"convention": {"t": 0.66, "n": 42000.0, "id": "x"}}) == \
        '{"convention":{"id":"x","n":42000,"t":0.66}}'


# ------------------------------------------------------------- documents

D = datetime.date


def convention_doc(budget, full):
    convention = {
        "id": "CONV-2026-001",
        "title": "Partenariat de recherche",
        "start": D(2026, 2, 1),
        "end": D(2027, 1, 31),
        "currency": "EUR",
    }
    if full:
        convention["status"] = "signed"
        convention["terminated_on"] = D(2026, 12, 1)
    doc = {
        "convention": convention,
        "party": [
            {"id": "univ", "name": "Universit\u00e9 de Lyon", "sector": "public"},
            {"id": "acme", "name": "ACME SAS", "sector": "private"},
        ],
        "funds": {"budget": budget},
    }
    if full:
        doc["signature"] = [{"party": "univ", "on": D(2026, 1, 20)}]
        doc["tracking"] = {"spent": 1200}
        doc["meta"] = {"author": "jd"}
        doc["waiver"] = ["R042"]
    return doc


def text_doc(text):
    return {"convention": {"id": "c", "object": text}}


def threshold_doc(explicit_kind):
    contribution = {"party": "univ", "amount": 1000}
    if explicit_kind:
        contribution["kind"] = "realisation"
    return {
        "convention": {"id": "c"},
        "governance": {"threshold": 0.66, "epsilon": 1e-7},
        "contribution": [contribution],
    }


def keys_doc():
    return {"convention": {"id": "k"}, "keys": {"\ufb01": 1, "\U0001F600": 2, "\u00e9": 3}}


VECTORS = [
    ("V1 convention (int budget)", convention_doc(42000, True)),
    ("V1 convention without non-terms", convention_doc(42000, False)),
    ("V2 convention (budget 42000.0)", convention_doc(42000.0, True)),
    ("V3 text a\\nb", text_doc("a\nb")),
    ("V3 text a\\r\\nb", text_doc("a\r\nb")),
    ("V3 text a\\rb", text_doc("a\rb")),
    ("V4 text NFC ete", text_doc("\u00e9t\u00e9")),
    ("V4 text NFD ete", text_doc("e\u0301te\u0301")),
    ("V4 key NFD", {"convention": {"id": "c", "e\u0301te\u0301": 1}}),
    ("V4 key NFC", {"convention": {"id": "c", "\u00e9t\u00e9": 1}}),
    ("V5 thresholds", threshold_doc(False)),
    ("V5 thresholds, kind explicit", threshold_doc(True)),
    ("V6 UTF-16 key order", keys_doc()),
]


if __name__ == "__main__":
    self_check()
    for name, doc in VECTORS:
        print(name)
        print("  " + terms(doc))
        print("  " + fingerprint(doc))
