#!/usr/bin/env python3
# rngpos.py SCHEMADIR [DESCRIPTION] - derives from schema/position.rng the
# table src/plainpos.c words an XML position's errors from
# (pb_plainpos_describe's lines: each element, the attributes it takes,
# whether each is required in every form of the element, the values of
# an attribute whose values are a choice, and the bounds of one that is a
# whole number, and the type of one whose form is checked: a figure
# name, an id, a URL...; then, as "seq" lines, the order of each
# structure seqs[] holds: tables, authors, abstracts, block quotes), and
# prints it. Given
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


# The structures' orders (pb_plainpos_describe's "seq" lines), derived
# from the schema: for each element, the forms of its element content, as
# steps "NAMES MIN..MAX[ one]" (NAMES the elements one step may be, "|"
# between them, BLOCK for any block; MAX empty: no bound; "one": of
# several names, all the step's elements of one only).
INF = None


def step_str(st):
    names, lo, hi, one = st
    return "%s %d..%s%s" % ("|".join(sorted(names)), lo,
                            "" if hi is INF else hi, " one" if one else "")


def content_forms(n):
    """The forms of pattern n's element content: a list of forms, each a
    list of steps (names, min, max, one). Attributes, text and data add
    no step; a <ref> to "block" is the step BLOCK."""
    tag = n.tag[len(RNG):]
    if tag == "element":
        return [[(frozenset([qname(n)]), 1, 1, False)]]
    if tag in ("attribute", "text", "empty", "data", "value"):
        return [[]]
    if tag == "ref":
        if n.get("name") == "block":
            return [[(frozenset(["BLOCK"]), 1, 1, False)]]
        return content_forms(defines[n.get("name")])
    kids = [c for c in n if c.tag != RNG + "param"]
    if tag == "choice":
        alts = []
        for c in kids:
            alts += content_forms(c)
        single = [f for f in alts if len(f) == 1]
        if len(single) == len(alts) and len(alts) > 1 and \
                len({(f[0][1], f[0][2]) for f in alts}) == 1:
            lo, hi = alts[0][0][1], alts[0][0][2]
            names = frozenset().union(*(f[0][0] for f in alts))
            return [[(names, lo, hi, hi is INF)]]
        return alts
    out = [[]]  # group, define, element content: one after another
    for c in kids:
        out = [a + b for a in out for b in content_forms(c)]
    if tag in ("optional", "zeroOrMore", "oneOrMore"):
        lo = 1 if tag == "oneOrMore" else 0
        hi = 1 if tag == "optional" else INF
        res = []
        for f in out:
            if len(f) == 1:
                names, l0, h0, one = f[0]
                res.append([(names, lo * l0, hi if h0 == 1 else h0,
                             one)])
            else:
                res.append(f)
        return res
    return out


def element_parents():
    """Each <element> node of the schema with the names of the elements
    whose content holds it (refs followed)."""
    parents = {}

    def under(n, owner, seen):
        for c in n:
            tag = c.tag[len(RNG):]
            if tag == "element":
                parents.setdefault(c, set()).add(owner)
            elif tag == "ref" and c.get("name") not in seen:
                under(defines[c.get("name")], owner,
                      seen | {c.get("name")})
            else:
                under(c, owner, seen)
    for el in root.iter(RNG + "element"):
        under(el, qname(el), frozenset())
    return parents


def seq_facts(names):
    """(name, parent, form) of each form of each element named, for each
    element whose content holds it."""
    parents = element_parents()
    out = set()
    for el in root.iter(RNG + "element"):
        if qname(el) not in names:
            continue
        for f in content_forms_of(el):
            if f:
                for p in parents.get(el, {None}):
                    out.add((qname(el), p, ", ".join(step_str(s)
                                                     for s in f)))
    return out


def seq_str(fact):
    name, p, form = fact
    return "seq %s%s: %s" % (name, " in " + p if p else "", form)


def content_forms_of(el):
    out = [[]]
    for c in el:
        out = [a + b for a in out for b in content_forms(c)]
    return out


# The structures whose order plainpos.c's seqs[] holds.
SEQS = {"abstract", "blockquote", "author", "personname", "informaltable",
        "thead", "tfoot", "tbody", "tr", "tgroup", "row"}

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
    print("\n".join(want + sorted(seq_str(f) for f in seq_facts(SEQS))))
    sys.exit(0)

got, cur = [], None
blocks = {}
got_seqs = set()
for line in open(sys.argv[2], encoding="utf-8").read().splitlines():
    if line.startswith("seq "):
        got_seqs.add(line)
    elif line.startswith("element "):
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
# A line of plainpos.c without "in PARENT" holds wherever the element
# stands.
names = SEQS | {l.split(" ")[1].rstrip(":") for l in got_seqs}
want_seqs = seq_facts(names)
where = {}
for name, p, _ in want_seqs:
    where.setdefault(name, set()).add(p)
got_facts = set()
for l in got_seqs:
    head, form = l[len("seq "):].split(": ", 1)
    name, _, p = head.partition(" in ")
    for q in ([p] if p else sorted(where.get(name, {None}), key=str)):
        got_facts.add((name, q, form))
for f in sorted(want_seqs - got_facts, key=seq_str):
    print("schema only: " + seq_str(f))
    bad = 1
for f in sorted(got_facts - want_seqs, key=seq_str):
    print("plainpos.c only: " + seq_str(f))
    bad = 1
sys.exit(bad)
