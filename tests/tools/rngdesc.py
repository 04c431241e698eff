#!/usr/bin/env python3
# rngdesc.py SCHEMADIR [DESCRIPTION] - derives from the RELAX NG schemas
# of the project file, organizations, packets and references the
# description src/plain.c words their errors from (pb_plain_describe's
# lines: elements, their attributes, their children in order with how
# many of each, and the kind of each value), and prints it. Given
# DESCRIPTION (what pb_plain_describe wrote), compares the two instead:
# prints each difference and exits 1 when they disagree, so a schema
# changed without plain.c (or the reverse) fails the unit tests.
import sys
import xml.etree.ElementTree as ET

RNG = "{http://relaxng.org/ns/structure/1.0}"
SCHEMAS = ["organization.rng", "packet.rng", "project.rng", "references.rng"]

# The datatypes the schemas use, by type and facets, and the kind of value
# plain.c checks each as. A datatype not listed here is one plain.c does
# not know: the comparison fails until both are taught it.
KINDS = {
    ("token", (("minLength", "1"),)): "text",
    ("token", ()): "any",
    ("date", (("pattern", r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),)): "date",
    ("date", (("pattern", r"\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*"),)): "date",
    ("nonNegativeInteger", (("maxInclusive", "1000000000"),
                            ("pattern", r"\s*[0-9]+\s*"))): "count",
    ("decimal", (("pattern", r"\s*[0-9]{1,7}(\.[0-9]{1,2})?\s*"),)): "money",
    ("decimal", (("pattern", r"0\.(0[1-9]|[1-9][0-9]?)|1(\.0{1,2})?"),)): "fte",
    ("string", (("maxLength", "64"),
                ("pattern", r"[a-z0-9][a-z0-9\-]*"))): "id",
    ("positiveInteger", (("maxInclusive", "2100"), ("minInclusive", "1990"),
                         ("pattern", r"[0-9]{4}"))): "year",
    ("positiveInteger", (("maxInclusive", "2100"), ("minInclusive", "1990"),
                         ("pattern", r"\s*[0-9]{4}\s*"))): "year",
    ("token", (("pattern", r"\s*[1-9][0-9]{0,2}\s*"),)): "edition",
    ("string", (("maxLength", "200"),
                ("pattern", r"([a-z0-9][a-z0-9\-]*\.){1,2}[a-z][a-z0-9_]*"))):
        "figname",
    ("decimal", (("pattern", r"\s*(0(\.[0-9]{1,6})?|1(\.0{1,6})?)\s*"),)):
        "ratio",
    ("positiveInteger", (("maxInclusive", "120"),
                         ("pattern", r"\s*[0-9]+\s*"))): "months",
    ("decimal", (("pattern", r"\s*[0-9]{1,3}(\.[0-9]{1,2})?\s*"),)): "per100",
    ("token", (("maxLength", "200"),
               ("pattern", r'\s*([^@\s<>"]+@[^@\s<>"]+\.[^@\s<>".]+|'
                           r'https?://[^\s<>"]+)\s*'))): "contact",
    ("language", ()): "language",
    ("anyURI", ()): "uri",
    ("string", (("pattern", r"\s*[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]"
                            r"[0-9]|3[01]))?)?\s*"),)): "refdate",
    ("anyURI", (("pattern", r"\s*https?://\S+\s*"),)): "httpurl",
}


class Grammar:
    def __init__(self, path):
        self.path = path
        self.root = ET.parse(path).getroot()
        self.defines = {d.get("name"): d for d in self.root.iter(RNG + "define")}

    def resolve(self, n):
        """The children of n with every <ref> replaced by its define's."""
        out = []
        for c in n:
            if c.tag == RNG + "ref":
                out.extend(self.resolve(self.defines[c.get("name")]))
            else:
                out.append(c)
        return out


def merge_seq(a, b):
    """Two element lists one after the other: counts add up."""
    out = [list(x) for x in a]
    for name, lo, hi, nodes in b:
        for x in out:
            if x[0] == name:
                x[1] += lo
                x[2] = -1 if x[2] < 0 or hi < 0 else x[2] + hi
                x[3] = x[3] + nodes
                break
        else:
            out.append([name, lo, hi, nodes])
    return out


def merge_choice(branches):
    """One of several element lists: the fewest and the most of each."""
    names = []
    for br in branches:
        for x in br:
            if x[0] not in names:
                names.append(x[0])
    out = []
    for name in names:
        los, his, nodes = [], [], []
        for br in branches:
            hit = [x for x in br if x[0] == name]
            los.append(hit[0][1] if hit else 0)
            his.append(hit[0][2] if hit else 0)
            nodes += hit[0][3] if hit else []
        out.append([name, min(los), -1 if min(his) < 0 else max(his), nodes])
    return out


def elements(g, nodes):
    """The element children nodes allow, in order: [name, min, max, defs]."""
    out = []
    for n in nodes:
        tag = n.tag[len(RNG):]
        if tag == "element":
            part = [[n.get("name"), 1, 1, [n]]]
        elif tag in ("group", "interleave"):
            part = elements(g, g.resolve(n))
        elif tag == "optional":
            part = [[x[0], 0, x[2], x[3]] for x in elements(g, g.resolve(n))]
        elif tag == "zeroOrMore":
            part = [[x[0], 0, -1, x[3]] for x in elements(g, g.resolve(n))]
        elif tag == "oneOrMore":
            part = [[x[0], x[1], -1, x[3]] for x in elements(g, g.resolve(n))]
        elif tag == "ref":
            part = elements(g, g.resolve(g.defines[n.get("name")]))
        elif tag == "choice":
            part = merge_choice([elements(g, [c]) for c in n])
        else:
            part = []
        out = merge_seq(out, part)
    return out


def value_kind(g, nodes, where):
    """The kind of value nodes hold: 'none', a kind of KINDS, 'enum ...'."""
    vals, datas = [], []

    def walk(ns):
        for n in ns:
            tag = n.tag[len(RNG):]
            if tag == "value":
                vals.append(n.text.strip())
            elif tag == "data":
                params = tuple(sorted((p.get("name"), p.text)
                                      for p in n if p.tag == RNG + "param"))
                datas.append((n.get("type"), params))
            elif tag == "choice":
                walk(g.resolve(n))
            elif tag in ("attribute", "element"):
                continue
            elif tag in ("group", "optional", "zeroOrMore", "oneOrMore"):
                walk(g.resolve(n))
    walk(nodes)
    if vals and not datas:
        return "enum " + " ".join(vals)
    if datas and not vals and len(datas) == 1:
        if datas[0] not in KINDS:
            sys.stderr.write("%s: %s: a datatype plain.c has no kind for: "
                             "%r\n" % (g.path, where, datas[0]))
            return "unknown %s %r" % datas[0]
        return KINDS[datas[0]]
    if not vals and not datas:
        return "none"
    return "unknown mixture"


def attributes(g, nodes, required=True):
    """[(name, required, value nodes)] of the attributes nodes allow."""
    out = []
    for n in nodes:
        tag = n.tag[len(RNG):]
        if tag == "attribute":
            out.append((n.get("name"), required, g.resolve(n)))
        elif tag in ("group", "interleave"):
            out += attributes(g, g.resolve(n), required)
        elif tag in ("optional", "zeroOrMore", "choice"):
            out += attributes(g, g.resolve(n), False)
        elif tag == "oneOrMore":
            out += attributes(g, g.resolve(n), required)
    return out


def describe(g, descs):
    """Adds to descs (key -> lines) each element of g's grammar."""
    start = g.root.find(RNG + "start")
    todo = [(None, x) for x in elements(g, g.resolve(start))]
    while todo:
        parent, (name, _, _, defs) = todo.pop(0)
        key = "element %s%s" % (name, " in " + parent if parent else "")
        if key in descs:
            continue
        lines = [key]
        contents = [g.resolve(d) for d in defs]
        attrs = []
        for i, c in enumerate(contents):
            for an, req, vn in attributes(g, c):
                kind = value_kind(g, vn, "%s/@%s" % (name, an))
                for a in attrs:
                    if a[0] == an:
                        a[1] = a[1] and req
                        if kind.startswith("enum ") and a[2].startswith(
                                "enum "):
                            a[2] += "".join(" " + v for v in kind.split()[1:]
                                            if v not in a[2].split()[1:])
                        break
                else:
                    attrs.append([an, req, kind])
        for a in attrs:
            lines.append("attr %s %s %s" % (a[0], "required" if a[1]
                                            else "optional", a[2]))
        kids = merge_choice([elements(g, c) for c in contents])
        for k in kids:
            lines.append("child %s %d %d" % (k[0], k[1], k[2]))
            todo.append((name, k))
        texts = [value_kind(g, c, name) for c in contents]
        if len(set(texts)) > 1:
            # the value depends on a fixed attribute (<practice name>)
            for c, t in zip(contents, texts):
                fixed = [(an, value_kind(g, vn, name)[5:])
                         for an, _, vn in attributes(g, c)]
                lines.append("text when %s=%s %s" % (fixed[0][0],
                                                      fixed[0][1], t))
        else:
            lines.append("text " + texts[0])
        descs[key] = lines


def blocks(text):
    out, cur = {}, None
    for line in text.splitlines():
        if line.startswith("element "):
            cur = out.setdefault(line, [line])
        elif cur is not None:
            cur.append(line)
    return out


def main():
    if len(sys.argv) not in (2, 3):
        sys.stderr.write("usage: rngdesc.py SCHEMADIR [DESCRIPTION]\n")
        return 2
    descs = {}
    for s in SCHEMAS:
        describe(Grammar("%s/%s" % (sys.argv[1], s)), descs)
    if len(sys.argv) == 2:
        for k in descs:
            print("\n".join(descs[k]))
        return 0
    with open(sys.argv[2]) as f:
        plain = blocks(f.read())
    bad = 0
    for k in sorted(set(descs) | set(plain)):
        if k not in plain:
            print("plain.c lacks <%s> of the schema" % k[8:])
            bad = 1
        elif k not in descs:
            print("plain.c has <%s>, the schemas do not" % k[8:])
            bad = 1
        elif descs[k] != plain[k]:
            for a, b in zip(descs[k] + [""] * len(plain[k]),
                            plain[k] + [""] * len(descs[k])):
                if a != b:
                    print("<%s>: the schema says '%s', plain.c '%s'" %
                          (k[8:], a, b))
                    break
            bad = 1
    return bad


sys.exit(main())
