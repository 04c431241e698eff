#!/usr/bin/env python3
# rngpos.py SCHEMADIR [DESCRIPTION] - derives from schema/position.rng the
# table src/plainpos.c words an XML position's errors from
# (pb_plainpos_describe's lines: each element, the attributes it takes,
# whether each is required in every form of the element, the values of
# an attribute whose values are a choice, and the bounds of one that is a
# whole number, and the type of one whose form is checked: a figure
# name, an id, a URL...), and prints it. Given
# DESCRIPTION (what pb_plainpos_describe wrote), compares the two
# instead: prints each difference and exits 1 when they disagree.
import sys
import xml.etree.ElementTree as ET

RNG = "{http://relaxng.org/ns/structure/1.0}"
PREFIX = {"http://docbook.org/ns/docbook": "", "urn:peerbrief:1": "pb:"}
# The attributes whose values plainpos.c checks against their choices.
CHECKED = {"spacing", "numeration", "align", "kind"}

root = ET.parse(sys.argv[1] + "/position.rng").getroot()
defines = {d.get("name"): d for d in root.iter(RNG + "define")}


def qname(n):
    name = n.get("name")
    if ":" in name:
        return name
    return PREFIX.get(root.get("ns"), "") + name


def always(n):
    """The attribute names present in every instance of pattern n."""
    tag = n.tag[len(RNG):]
    if tag == "attribute":
        return {n.get("name")}
    if tag in ("optional", "zeroOrMore", "element", "text", "empty",
               "data", "value"):
        return set()
    if tag == "ref":
        return always(defines[n.get("name")])
    if tag == "choice":
        sets = [always(c) for c in n]
        return set.intersection(*sets) if sets else set()
    out = set()  # group, oneOrMore, define, mixed, interleave
    for c in n:
        out |= always(c)
    return out


def values(n):
    """The <value>s of pattern n, its refs followed."""
    out = []
    for c in n:
        tag = c.tag[len(RNG):]
        if tag == "value":
            out.append(c.text)
        elif tag == "ref":
            out += values(defines[c.get("name")])
        else:
            out += values(c)
    return out


def whole(n):
    """ "int:LO..HI" (HI empty when unbounded) when pattern n, its refs
    followed, is a whole number type (plainpos.c checks those), else None."""
    for c in n.iter():
        tag = c.tag[len(RNG):]
        if tag == "ref":
            w = whole(defines[c.get("name")])
            if w:
                return w
        if tag == "data" and c.get("type") in ("positiveInteger",
                                               "nonNegativeInteger"):
            lo = 1 if c.get("type") == "positiveInteger" else 0
            hi = ""
            for prm in c.findall(RNG + "param"):
                if prm.get("name") == "maxInclusive":
                    hi = prm.text.strip()
            return "int:%d..%s" % (lo, hi)
    return None


# The defines and datatypes whose values plainpos.c checks, by the names
# pb_plainpos_describe gives them ("type:NAME").
TYPES = {"figure-name": "figname", "ref-token": "ref",
         "nonempty-text": "nonempty", "NCName": "ncname",
         "language": "language", "anyURI": "uri"}


def types(n):
    """The checked types of attribute pattern n: of a <ref> to a define
    TYPES names, or a <data> of such a type (not inside one)."""
    out = set()
    for c in n:
        tag = c.tag[len(RNG):]
        if tag == "ref" and c.get("name") in TYPES:
            out.add("type:" + TYPES[c.get("name")])
        elif tag == "ref":
            out |= types(defines[c.get("name")])
        elif tag == "data" and c.get("type") in TYPES:
            out.add("type:" + TYPES[c.get("type")])
        else:
            out |= types(c)
    return out


def attrs(n, acc, seen):
    """Every attribute anywhere in pattern n (not inside child elements),
    with the values of those that are a choice of values."""
    for c in n:
        tag = c.tag[len(RNG):]
        if tag == "element":
            continue
        if tag == "attribute":
            acc.setdefault(c.get("name"), []).extend(values(c))
            if whole(c):
                acc[c.get("name")].append(whole(c))
            acc[c.get("name")].extend(sorted(types(c)))
            continue
        if tag == "ref":
            name = c.get("name")
            if name not in seen:
                attrs(defines[name], acc, seen | {name})
            continue
        attrs(c, acc, seen)


table = {}
for el in root.iter(RNG + "element"):
    name = qname(el)
    acc = {}
    attrs(el, acc, frozenset())
    req = set()
    for c in el:
        req = req | always(c)
    entry = table.setdefault(name, {"attrs": {}, "forms": 0, "req": []})
    entry["forms"] += 1
    entry["req"].append(req)
    for a, vals in acc.items():
        entry["attrs"].setdefault(a, set()).update(vals)

lines = set()
for name, e in table.items():
    lines.add("element %s" % name)
    required = set.intersection(*e["req"]) if e["req"] else set()
    for a, vals in e["attrs"].items():
        line = "attr %s %s" % (a, "required" if a in required else "optional")
        if a in CHECKED:
            line += "".join(" " + v for v in sorted(vals))
        line += "".join(" " + v for v in sorted(vals) if v.startswith("int:"))
        line += "".join(" " + v for v in sorted(vals) if v.startswith("type:"))
        lines.add((name, line))

want = []
for name in sorted(table):
    want.append("element %s" % name)
    want += sorted(l for n, l in (x for x in lines if isinstance(x, tuple))
                   if n == name)

if len(sys.argv) < 3:
    print("\n".join(want))
    sys.exit(0)

got, cur = [], None
blocks = {}
for line in open(sys.argv[2], encoding="utf-8").read().splitlines():
    if line.startswith("element "):
        cur = line
        blocks[cur] = []
    else:
        parts = line.split(" ")
        if len(parts) > 3:
            line = " ".join(parts[:3] + sorted(parts[3:]))
        blocks[cur].append(line)
for el in sorted(blocks):
    got.append(el)
    got += sorted(blocks[el])


def keyed(ls):
    """Each line with its element, so that one is compared per element."""
    out, el = set(), None
    for l in ls:
        if l.startswith("element "):
            el = l
            out.add(l)
        else:
            out.add(el + ": " + l)
    return out


want, got = keyed(want), keyed(got)
bad = 0
for l in sorted(set(want) - set(got)):
    print("schema only: " + l)
    bad = 1
for l in sorted(set(got) - set(want)):
    print("plainpos.c only: " + l)
    bad = 1
sys.exit(bad)
