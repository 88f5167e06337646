#!/usr/bin/env python3
"""Writes src/readers/xml_entities_table.inc: the named character entities
patent XML readers expand (see src/readers/xml_entities.h).

Sources: Python's html.entities.html5 (the WHATWG list, which already holds
almost all of the ISO 8879 / ISO 9573-13 SGML sets) plus, as data below, the
ISO names HTML5 lacks, taken from the W3C "XML Entity Definitions for
Characters" mapping (www.w3.org/2003/entities/). USPTO SGML-era grants
(2001-2004), pre-2004 applications and old EPO files use them, e.g. &mgr;,
&lgr;, &PHgr;. Where a name exists in both, HTML5's code point wins.

Dev-time only (the build never runs Python); the .inc is checked in.
Usage: scripts/gen_entities.py [--check]   (--check: exit 1 if out of date)
"""

import html.entities
import pathlib
import sys

# ISOgrk1: Greek letters (monotoniko, no accents).
ISO_GRK1 = {
    "agr": 0x03B1, "Agr": 0x0391, "bgr": 0x03B2, "Bgr": 0x0392,
    "ggr": 0x03B3, "Ggr": 0x0393, "dgr": 0x03B4, "Dgr": 0x0394,
    "egr": 0x03B5, "Egr": 0x0395, "zgr": 0x03B6, "Zgr": 0x0396,
    "eegr": 0x03B7, "EEgr": 0x0397, "thgr": 0x03B8, "THgr": 0x0398,
    "igr": 0x03B9, "Igr": 0x0399, "kgr": 0x03BA, "Kgr": 0x039A,
    "lgr": 0x03BB, "Lgr": 0x039B, "mgr": 0x03BC, "Mgr": 0x039C,
    "ngr": 0x03BD, "Ngr": 0x039D, "xgr": 0x03BE, "Xgr": 0x039E,
    "ogr": 0x03BF, "Ogr": 0x039F, "pgr": 0x03C0, "Pgr": 0x03A0,
    "rgr": 0x03C1, "Rgr": 0x03A1, "sgr": 0x03C3, "Sgr": 0x03A3,
    "sfgr": 0x03C2, "tgr": 0x03C4, "Tgr": 0x03A4, "ugr": 0x03C5,
    "Ugr": 0x03A5, "phgr": 0x03C6, "PHgr": 0x03A6, "khgr": 0x03C7,
    "KHgr": 0x03A7, "psgr": 0x03C8, "PSgr": 0x03A8, "ohgr": 0x03C9,
    "OHgr": 0x03A9,
}

# ISOgrk2: accented Greek (tonos, dialytika).
ISO_GRK2 = {
    "aacgr": 0x03AC, "Aacgr": 0x0386, "eacgr": 0x03AD, "Eacgr": 0x0388,
    "eeacgr": 0x03AE, "EEacgr": 0x0389, "idigr": 0x03CA, "Idigr": 0x03AA,
    "iacgr": 0x03AF, "Iacgr": 0x038A, "idiagr": 0x0390, "oacgr": 0x03CC,
    "Oacgr": 0x038C, "udigr": 0x03CB, "Udigr": 0x03AB, "uacgr": 0x03CD,
    "Uacgr": 0x038E, "udiagr": 0x03B0, "ohacgr": 0x03CE, "OHacgr": 0x038F,
}

# ISOgrk3 names that HTML5 dropped (the "straight" variants of ISO 8879).
ISO_GRK3 = {"epsis": 0x03F5, "thetas": 0x03B8, "phis": 0x03D5}

# ISOgrk4: bold Greek for mathematics.
ISO_GRK4 = {
    "b.alpha": 0x1D6C2, "b.beta": 0x1D6C3, "b.gamma": 0x1D6C4,
    "b.Gamma": 0x1D6AA, "b.delta": 0x1D6C5, "b.Delta": 0x1D6AB,
    "b.epsi": 0x1D6C6, "b.epsiv": 0x1D6DC, "b.zeta": 0x1D6C7,
    "b.eta": 0x1D6C8, "b.thetas": 0x1D6C9, "b.Theta": 0x1D6AF,
    "b.thetav": 0x1D6DD, "b.iota": 0x1D6CA, "b.kappa": 0x1D6CB,
    "b.kappav": 0x1D6DE, "b.lambda": 0x1D6CC, "b.Lambda": 0x1D6B2,
    "b.mu": 0x1D6CD, "b.nu": 0x1D6CE, "b.xi": 0x1D6CF, "b.Xi": 0x1D6B5,
    "b.pi": 0x1D6D1, "b.Pi": 0x1D6B7, "b.piv": 0x1D6E1, "b.rho": 0x1D6D2,
    "b.rhov": 0x1D6E0, "b.sigma": 0x1D6D4, "b.Sigma": 0x1D6BA,
    "b.sigmav": 0x1D6D3, "b.tau": 0x1D6D5, "b.upsi": 0x1D6D6,
    "b.Upsi": 0x1D6BC, "b.phi": 0x1D6D7, "b.Phi": 0x1D6BD,
    "b.phiv": 0x1D6DF, "b.chi": 0x1D6D8, "b.psi": 0x1D6D9,
    "b.Psi": 0x1D6BF, "b.omega": 0x1D6DA, "b.Omega": 0x1D6C0,
    "b.gammad": 0x03DD, "b.Gammad": 0x03DC,
}

# ISOamsa (paired and diagonal arrows under their ISO 8879 names).
ISO_AMSA = {
    "darr2": 0x21CA, "dlarr": 0x2199, "drarr": 0x2198, "larr2": 0x21C7,
    "lrarr2": 0x21C6, "lrhar2": 0x21CB, "rarr2": 0x21C9, "rlarr2": 0x21C4,
    "rlhar2": 0x21CC, "uarr2": 0x21C8,
}

# ISOamsc, ISOamso, ISOamsr, ISOlat2, ISOtech leftovers.
ISO_OTHER = {
    "lpargt": 0x29A0,   # ISOamsc: spherical angle opening left
    "jnodot": 0x0237,   # ISOamso: dotless j (HTML5 spells it jmath)
    "sbsol": 0xFE68,    # ISOamso: small reverse solidus
    "vprime": 0x2032,   # ISOamso: prime, variant
    "cupre": 0x227C,    # ISOamsr: precedes or equal to
    "gsdot": 0x22D7,    # ISOamsr: greater-than with dot
    "ldot": 0x22D6,     # ISOamsr: less-than with dot
    "samalg": 0x2210,   # ISOamsr: n-ary coproduct
    "gcedil": 0x0123,   # ISOlat2: g with cedilla
    "ang90": 0x221F,    # ISOtech: right angle
}

ISO_SETS = [ISO_GRK1, ISO_GRK2, ISO_GRK3, ISO_GRK4, ISO_AMSA, ISO_OTHER]

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "readers" / "xml_entities_table.inc"


def collect():
    table = {}
    for key, text in html.entities.html5.items():
        if key.endswith(";"):
            table[key[:-1]] = text
    for iso in ISO_SETS:
        for name, cp in iso.items():
            if name in table:
                sys.exit(f"gen_entities: {name} is already in HTML5; drop it from the ISO data")
            table[name] = chr(cp)
    return table


def c_literal(text):
    out = []
    for b in text.encode("utf-8"):
        if b in (0x22, 0x5C):
            out.append("\\" + chr(b))
        elif 0x20 <= b < 0x7F:
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)  # octal: never swallows a following digit
    return '"' + "".join(out) + '"'


def render(table):
    lines = [
        "// Generated by scripts/gen_entities.py; do not edit. Named character",
        "// entities (HTML5 + ISO 8879/9573 SGML sets) as {name, UTF-8 text},",
        "// sorted by name in byte order for binary search.",
    ]
    for name in sorted(table, key=lambda n: n.encode("ascii")):
        text = table[name]
        cps = " ".join("U+%04X" % ord(c) for c in text)
        lines.append("{%s, %s},  // %s" % (c_literal(name), c_literal(text), cps))
    return "\n".join(lines) + "\n"


def main():
    content = render(collect())
    if sys.argv[1:] == ["--check"]:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != content:
            print(f"{OUT} is out of date: run scripts/gen_entities.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(content, encoding="utf-8")
    print(f"wrote {OUT} ({content.count(chr(10)) - 3} entities)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
