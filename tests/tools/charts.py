#!/usr/bin/env python3
"""charts.py OUT INPUT PACKET FIGURES.json - checks the charts of one built
packet against its figures (`peerbrief figures --packet ID --format json`)
and its input files, independently of the stylesheets:

- every chart in OUT/PACKET/index.html is a figure holding an inline <svg>
  with a viewBox, width 100%, role img, a <title> and a <desc>, and no
  script; the SVG file beside the DocBook (OUT/PACKET/NAME.svg) parses and
  shows the same value labels;
- each number in the chart's table links to a figure and shows that
  figure's display text from FIGURES.json; the SVG's value labels are those
  numbers, in the table's order;
- rday-rates has one row per program of the packet's year (every program
  of the packet's organizations when FIGURES.json has no
  packet.fiscal_year), read from INPUT/orgs/*.xml, and the statewide
  average is param.state_average_rday_rate;
- peer-staff has one row per organization of the packet, and each role's
  FTE is the sum of its members' fte in INPUT/orgs/ID.xml.
Prints one line per problem and exits 1 when there is any; prints the
number of charts checked otherwise.
"""
import json
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal

H = "{http://www.w3.org/1999/xhtml}"
S = "{http://www.w3.org/2000/svg}"
PB = "{urn:peerbrief:1}"

out, indir, packet, figfile = sys.argv[1:5]
figs = {f["name"]: f for f in json.load(open(figfile))["figures"]}
problems = []


def bad(msg):
    problems.append(msg)


def local(tag):
    return tag.split("}")[-1]


def text(e):
    return "".join(e.itertext()).strip()


def find_all(e, name):
    return [x for x in e.iter() if local(x.tag) == name]


html = ET.parse("%s/%s/index.html" % (out, packet)).getroot()
pk = ET.parse("%s/packets/%s.xml" % (indir, packet)).getroot()
orgs = [o.get("ref") for o in pk.iter(PB + "org")]
year = figs.get("packet.fiscal_year", {}).get("value")

# the programs of the packet's year, and each organization's FTE by role
programs = []
roles = {}
for org in orgs:
    od = ET.parse("%s/orgs/%s.xml" % (indir, org)).getroot()
    for p in od.iter(PB + "program"):
        if year is None or p.get("fiscal-year") == year:
            programs.append("%s.%s" % (org, p.get("id")))
    r = {}
    for m in od.iter(PB + "member"):
        if m.get("role") != "peer-supervisor":
            r[m.get("role")] = r.get(m.get("role"), Decimal(0)) + Decimal(m.get("fte"))
    roles[org] = r

charts = [f for f in html.iter() if local(f.tag) == "figure"
          and "chart" in (f.get("class") or "").split()]
seen = set()
for fig in charts:
    cid = fig.get("id")
    svgs = [x for x in fig if x.tag == S + "svg"]
    if len(svgs) != 1:
        bad("%s: %d svg elements, want 1" % (cid, len(svgs)))
        continue
    svg = svgs[0]
    if not svg.get("viewBox") or svg.get("width") != "100%" or svg.get("role") != "img":
        bad("%s: the svg needs viewBox, width 100%% and role img" % cid)
    if svg.find(S + "title") is None or not text(svg.find(S + "title")):
        bad("%s: no title" % cid)
    if svg.find(S + "desc") is None or not text(svg.find(S + "desc")):
        bad("%s: no desc" % cid)
    if find_all(svg, "script") or find_all(fig, "script"):
        bad("%s: a script" % cid)
    labels = [text(t) for t in svg.iter(S + "text") if t.get("class") == "value"]
    tables = find_all(fig, "table")
    if len(tables) != 1:
        bad("%s: %d tables, want 1" % (cid, len(tables)))
        continue
    rows = [tr for tr in find_all(tables[0], "tbody")[0] if local(tr.tag) == "tr"]
    cells = []  # (figure name, shown text) of every linked number
    for tr in rows:
        for a in find_all(tr, "a"):
            name = a.get("href", "")[len("#fig-"):]
            cells.append((name, text(a)))
    for name, shown in cells:
        if name not in figs:
            bad("%s: the table links to %s, which is not a figure of the packet" % (cid, name))
        elif figs[name]["display"] != shown:
            bad("%s: %s shown as %r, the figure is %r" % (cid, name, shown, figs[name]["display"]))
    desc = text(svg.find(S + "desc")) if svg.find(S + "desc") is not None else ""
    if any(n.endswith(".rday_rate") for n, _ in cells):
        kind = "rday-rates"
        names = [n for n, _ in cells]
        want = []
        for p in programs:
            want += [p + ".rday_rate", p + ".rday_rate_without_peer_notes"]
        if names != want:
            bad("%s: rows %s, want the packet's programs %s" % (cid, names, want))
        if labels != [s for _, s in cells]:
            bad("%s: the bars say %s, the table %s" % (cid, labels, [s for _, s in cells]))
        avg = figs["param.state_average_rday_rate"]["display"]
        cap = text(find_all(tables[0], "caption")[0])
        if avg not in cap or ("average, " + avg) not in "".join(
                text(t) for t in svg.iter(S + "text")):
            bad("%s: the statewide average %s is not shown" % (cid, avg))
    else:
        kind = "peer-staff"
        names = [n for n, _ in cells]
        want = []
        for o in orgs:
            want += [o + ".peer_fte", o + ".required_peer_fte"]
        if names != want:
            bad("%s: rows %s, want %s" % (cid, names, want))
        if labels != [s for n, s in cells if n.endswith(".peer_fte")]:
            bad("%s: the bars say %s" % (cid, labels))
        head = [text(th) for th in find_all(find_all(tables[0], "thead")[0], "th")][1:-2]
        words = {"Peer Specialists": "peer-specialist", "Recovery Coaches": "recovery-coach",
                 "Family Partners": "family-partner",
                 "Young Adult Peer Mentors": "young-adult-peer-mentor",
                 "Older Adult Peer Specialists": "older-adult-peer-specialist"}
        for o, tr in zip(orgs, rows):
            tds = [text(td) for td in tr if local(td.tag) == "td"][:len(head)]
            for h, v in zip(head, tds):
                r = words.get(h)
                fte = roles[o].get(r)
                shown = None if v == "–" else Decimal(v)
                if fte != shown:
                    bad("%s: %s %s shown as %s, the members add up to %s" % (cid, o, h, v, fte))
            total = sum(roles[o].values(), Decimal(0))
            if Decimal(figs[o + ".peer_fte"]["value"]) != total:
                bad("%s: %s peer_fte %s, the members add up to %s" % (cid, o, figs[o + ".peer_fte"]["value"], total))
    for n, s in cells:
        if s not in desc:
            bad("%s: the description does not give %s (%s)" % (cid, n, s))
    # the file beside the DocBook
    if kind not in seen:
        seen.add(kind)
        try:
            f = ET.parse("%s/%s/%s.svg" % (out, packet, kind)).getroot()
            flabels = [text(t) for t in f.iter(S + "text") if t.get("class") == "value"]
            if f.tag != S + "svg" or f.find(S + "title") is None or f.find(S + "desc") is None:
                bad("%s.svg: not an svg with a title and a desc" % kind)
            if flabels != labels:
                bad("%s.svg: labels %s differ from the page's %s" % (kind, flabels, labels))
        except (OSError, ET.ParseError) as e:
            bad("%s.svg: %s" % (kind, e))

for p in problems:
    print(p)
if problems:
    sys.exit(1)
print("%d charts" % len(charts))
