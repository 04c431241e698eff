#!/usr/bin/env python3
"""check.py - what a built packet may and must show, read from the outputs
themselves and from the input XML (independently of src/).

  check.py private INPUT OUT     no public packet's output (index.html, the
                                 DocBook, figures.json, figures.csv) holds a
                                 staff member's id, hire or certification
                                 date or an ORG.MEMBER.* figure; prints one
                                 line per leak
  check.py captions FILE...      every table caption (HTML <caption>, DocBook
                                 table <title>) appears once per file
  check.py repeats FILE...       no table caption that a reader sees says
                                 what the heading it stands under says (a
                                 caption for screen readers only has the
                                 class "visually-hidden")
  check.py fte FILE...           "(FTE: full-time equivalents)" stands once
                                 in the text (HTML or DocBook), where a
                                 reader first meets FTE
  check.py highlights HTML DBK   the DocBook's highlights hold each HTML
                                 highlight's label and context (whose figure,
                                 which programs, which year)
  check.py glance FILE...        each organization's row of the at-a-glance
                                 table links to an element of the packet's
                                 body (before the appendix) that names it
  check.py glance-dbk HTML DBK   the DocBook's table of the organizations
                                 has the HTML's column headings, and each
                                 name links to an element that names it
  check.py stacked FILE...       every generated table (class "data") whose
                                 heading is one row of one cell per column
                                 has the class "stack", and each data cell
                                 of its body and foot (in a row without a
                                 cell that spans columns) the text of its
                                 column's heading as data-label, which a
                                 phone shows before the cell
Exit 1 on any finding.
"""
import datetime
import html.parser
import os
import re
import sys
import xml.etree.ElementTree as ET

NS = "{urn:peerbrief:1}"


def display(d):
    return "%s %d, %d" % (d.strftime("%B"), d.day, d.year)


def members(indir):
    """(org, id, [dates as written and displayed]) of every staff member."""
    out = []
    odir = os.path.join(indir, "orgs")
    for f in sorted(os.listdir(odir)):
        if not f.endswith(".xml"):
            continue
        root = ET.parse(os.path.join(odir, f)).getroot()
        for m in root.iter(NS + "member"):
            dates = []
            for a in ("hired", "certified"):
                if m.get(a):
                    d = datetime.date.fromisoformat(m.get(a))
                    dates += [m.get(a), display(d)]
            out.append((f[:-4], m.get("id"), dates))
    return out


def private(indir, outdir):
    bad = 0
    staff = members(indir)
    pdir = os.path.join(indir, "packets")
    for f in sorted(os.listdir(pdir)):
        root = ET.parse(os.path.join(pdir, f)).getroot()
        if root.get("visibility") == "internal":
            continue
        pk = f[:-4]
        orgs = [o.get("ref") for o in root.iter(NS + "org")]
        # dates the packet prints for its own reasons are not staff data
        own = {root.find(NS + "date").text.strip()}
        own.add(display(datetime.date.fromisoformat(min(own))))
        for name in ("index.html", pk + ".dbk", "figures.json",
                     "figures.csv"):
            path = os.path.join(outdir, pk, name)
            text = open(path, encoding="utf-8").read()
            for org, mid, dates in staff:
                if org not in orgs:
                    continue
                pats = [r"\b%s\.%s\b" % (re.escape(org), re.escape(mid)),
                        r"(?<![\w.-])%s(?![\w-])" % re.escape(mid)]
                pats += [re.escape(d) for d in dates if d not in own]
                for p in pats:
                    m = re.search(p, text)
                    if m:
                        bad += 1
                        print("%s/%s: staff data of %s.%s: %r" % (
                            pk, name, org, mid, m.group(0)))
    return bad


def captions(files):
    bad = 0
    for path in files:
        text = open(path, encoding="utf-8").read()
        if path.endswith(".dbk"):
            caps = re.findall(r"<table\b[^>]*>\s*<title>(.*?)</title>", text,
                              re.S)
        else:
            caps = re.findall(r"<caption\b[^>]*>(.*?)</caption>", text, re.S)
        seen = {}
        for c in caps:
            c = " ".join(re.sub(r"<[^>]*>", "", c).split())
            seen[c] = seen.get(c, 0) + 1
        for c, n in sorted(seen.items()):
            if n > 1:
                bad += 1
                print("%s: caption %r appears %d times" % (path, c, n))
        if not caps:
            bad += 1
            print("%s: no table captions found" % path)
    return bad


def repeats(files):
    bad = 0
    flat = lambda x: " ".join(re.sub(r"<[^>]*>", "", x).split())
    for path in files:
        text = open(path, encoding="utf-8").read()
        heading = None
        for m in re.finditer(r"<h[1-6]\b[^>]*>(.*?)</h[1-6]>"
                             r"|<caption\b([^>]*)>(.*?)</caption>", text, re.S):
            if m.group(1) is not None:
                heading = flat(m.group(1))
            elif ("visually-hidden" not in m.group(2)
                  and flat(m.group(3)) == heading):
                bad += 1
                print("%s: the caption %r repeats the heading above it"
                      % (path, heading))
    return bad


def fte(files):
    bad = 0
    spelled = "(FTE: full-time equivalents)"
    for path in files:
        text = open(path, encoding="utf-8").read()
        text = re.sub(r"<(style|head)\b.*?</\1>", "", text, flags=re.S)
        text = " ".join(re.sub(r"<[^>]*>", " ", text).split())
        first = re.search(r"\bFTE\b", text)
        if not first:
            continue
        at = text.find(spelled)
        if text.count(spelled) != 1:
            bad += 1
            print("%s: FTE spelled out %d times" % (path, text.count(spelled)))
        elif first.start() < at - 80:
            bad += 1
            print("%s: FTE used before it is spelled out: %r" % (
                path, text[max(0, first.start() - 60):first.end()]))
    return bad


def highlights(html, dbk):
    """The DocBook's highlights say what the HTML's say: each row's label
    holds the HTML highlight's label and its context (whose figure, of
    which programs and year)."""
    bad = 0
    h = open(html, encoding="utf-8").read()
    d = open(dbk, encoding="utf-8").read()
    # (FTE, spelled out where first met, may stand apart in the two)
    flat = lambda t: " ".join(re.sub(r"<[^>]*>", " ", t).split()).replace(
        " (FTE: full-time equivalents)", "")
    dts = re.findall(r'<div class="highlight"><dt>(.*?)</dt>', h, re.S)
    m = re.search(r"<title>Highlights</title>.*?<tbody>(.*?)</tbody>", d, re.S)
    rows = re.findall(r"<row>\s*<entry>(.*?)</entry>", m.group(1), re.S) if m else []
    if not dts or len(dts) != len(rows):
        print("%s, %s: %d highlights in the HTML, %d in the DocBook" % (
            html, dbk, len(dts), len(rows)))
        return 1
    for dt, row in zip(dts, rows):
        ctx = [flat(c) for c in re.findall(r'<span class="context">(.*?)</span>', dt, re.S)]
        label = flat(re.sub(r'<span class="context">.*?</span>', "", dt, flags=re.S))
        entry = flat(row).replace("&amp;", "&").lower()
        for part in [label] + ctx:
            if part.replace("&amp;", "&").lower() not in entry:
                bad += 1
                print("%s: highlight %r lacks %r" % (dbk, flat(row), part))
    return bad


def glance(files):
    bad = 0
    for path in files:
        text = open(path, encoding="utf-8").read()
        m = re.search(r'<table id="orgs-glance".*?</table>', text, re.S)
        if not m:
            bad += 1
            print("%s: no at-a-glance table of the organizations" % path)
            continue
        rows = re.findall(r'<th scope="row"><a href="#([^"]+)">([^<]*)</a>',
                          m.group(0))
        if not rows:
            bad += 1
            print("%s: no organization's row links anywhere" % path)
        appendix = text.find('id="appendix"')
        for target, name in rows:
            at = text.find('id="%s"' % target)
            what = "%s: %s links to #%s" % (path, name, target)
            if at < 0:
                bad += 1
                print(what + ", which does not exist")
            elif appendix >= 0 and at > appendix:
                bad += 1
                print(what + ", in the appendix")
            elif name not in re.sub(r"<[^>]*>", "", text[at:at + 400]):
                bad += 1
                print(what + ", which does not name it")
    return bad


def glance_dbk(html, dbk):
    bad = 0
    h = open(html, encoding="utf-8").read()
    d = open(dbk, encoding="utf-8").read()
    flat = lambda x: " ".join(re.sub(r"<[^>]*>", "", x).split())
    m = re.search(r'<table id="orgs-glance".*?<thead>(.*?)</thead>', h, re.S)
    heads = [flat(c) for c in re.findall(r"<th[^>]*>(.*?)</th>", m.group(1), re.S)] if m else []
    t = re.search(r"<table[^>]*><title>The organizations.*?</table>", d, re.S)
    if not heads or not t:
        print("%s, %s: no table of the organizations" % (html, dbk))
        return 1
    dm = re.search(r"<thead>(.*?)</thead>", t.group(0), re.S)
    dheads = [flat(c) for c in re.findall(r"<entry[^>]*>(.*?)</entry>", dm.group(1), re.S)]
    if heads != dheads:
        bad += 1
        print("%s: column headings %r, the HTML's %r" % (dbk, dheads, heads))
    body = re.search(r"<tbody>(.*?)</tbody>", t.group(0), re.S).group(1)
    rows = re.findall(r"<row><entry>(.*?)</entry>", body, re.S)
    for r in rows:
        lm = re.fullmatch(r'<link linkend="([^"]+)">([^<]*)</link>', r.strip())
        if not lm:
            bad += 1
            print("%s: organization %r does not link to its entry" % (dbk, flat(r)))
            continue
        target, name = lm.groups()
        at = d.find('xml:id="%s"' % target)
        if at < 0:
            bad += 1
            print("%s: %s links to %s, which does not exist" % (dbk, name, target))
        elif name not in flat(d[at:at + 400]):
            bad += 1
            print("%s: %s links to %s, which does not name it" % (dbk, name, target))
    if not rows:
        bad += 1
        print("%s: the table of the organizations has no rows" % dbk)
    return bad


class Tables(html.parser.HTMLParser):
    """Each table of an HTML file: its attributes, its heading rows and
    the rows of its bodies and foot, each cell as (tag, attributes,
    text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables = []
        self.stack = []
        self.part = None
        self.cell = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            t = {"attrs": a, "head": [], "body": []}
            self.tables.append(t)
            self.stack.append(t)
        elif not self.stack:
            return
        elif tag in ("thead", "tbody", "tfoot"):
            self.part = "head" if tag == "thead" else "body"
        elif tag == "tr":
            self.stack[-1][self.part].append([])
        elif tag in ("td", "th"):
            self.cell = [tag, a, ""]
            self.stack[-1][self.part][-1].append(self.cell)

    def handle_endtag(self, tag):
        if tag == "table" and self.stack:
            self.stack.pop()
        elif tag in ("td", "th"):
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[2] += data


def stacked(files):
    bad = 0
    for path in files:
        p = Tables()
        p.feed(open(path, encoding="utf-8").read())
        n = 0
        for t in p.tables:
            classes = t["attrs"].get("class", "").split()
            if "data" not in classes or "orgs-glance" in classes:
                continue
            name = "%s: table %s" % (path, t["attrs"].get("id", classes))
            simple = (len(t["head"]) == 1
                      and not any("colspan" in c[1] for c in t["head"][0])
                      and not any("rowspan" in c[1]
                                  for r in t["body"] for c in r))
            if not simple:
                if "stack" in classes:
                    bad += 1
                    print("%s is stacked, but its heading is not one row" % name)
                continue
            n += 1
            if "stack" not in classes:
                bad += 1
                print("%s is not stacked" % name)
            heads = [" ".join(c[2].split()) for c in t["head"][0]]
            for r in t["body"]:
                spans = any("colspan" in c[1] for c in r)
                for i, (tag, a, text) in enumerate(r):
                    want = heads[i] if tag == "td" and not spans else None
                    if a.get("data-label") != want:
                        bad += 1
                        print("%s: cell %d of the row %r is labelled %r, not %r"
                              % (name, i + 1, " ".join(r[0][2].split()),
                                 a.get("data-label"), want))
        if n == 0:
            bad += 1
            print("%s: no generated table to stack" % path)
    return bad


if __name__ == "__main__":
    if sys.argv[1] == "private":
        n = private(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "fte":
        n = fte(sys.argv[2:])
    elif sys.argv[1] == "highlights":
        n = highlights(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "glance-dbk":
        n = glance_dbk(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "glance":
        n = glance(sys.argv[2:])
    elif sys.argv[1] == "repeats":
        n = repeats(sys.argv[2:])
    elif sys.argv[1] == "stacked":
        n = stacked(sys.argv[2:])
    else:
        n = captions(sys.argv[2:])
    sys.exit(1 if n else 0)
