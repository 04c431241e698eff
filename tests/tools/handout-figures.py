#!/usr/bin/env python3
# handout-figures.py OUT FORMAT - reads every packet of a build (OUT/ID/)
# as a reader sees it and checks the numbers it shows against the figures
# the build computed (OUT/ID/figures.json): no figure linked in the HTML
# handout (a.figure to #fig-NAME) or in the DocBook (link to fig-NAME
# around phrase role="figure") may show its raw value where that differs
# from its display, and most must show their display exactly (the
# stylesheets may word a yes/no or add ".00" to whole dollars), and
# every number shown must be the figure's own number (a percentage to
# the precision shown). FORMAT is html or docbook. Exits 1 naming the first wrong numbers, 2 when
# nothing was found to check.
import html
import json
import os
import re
import sys
from decimal import Decimal, InvalidOperation


def same_number(shown, value):
    """False when SHOWN is a number ("$1,086,320.00", "3", "86%") that is
    not VALUE's; True when it is, or when SHOWN is words ("yes", "None")."""
    t = shown.replace("$", "").replace(",", "").strip()
    pct = t.endswith("%")
    t = t.rstrip("%").lstrip("<")
    try:
        n, v = Decimal(t), Decimal(value)
    except InvalidOperation:
        return True
    if not pct:
        return n == v
    places = -n.as_tuple().exponent
    return abs(n / 100 - v) <= Decimal(5) / (Decimal(10) ** (places + 3))

out, fmt = sys.argv[1], sys.argv[2]
pat = {
    "html": (r'<a class="figure" href="#fig-([^"]+)">([^<]*)</a>',
             "index.html"),
    "docbook": (r'<link linkend="fig-([^"]+)"><phrase role="figure">'
                r'([^<]*)</phrase></link>', None),
}[fmt]
seen = bad = exact = 0
for pid in sorted(os.listdir(out)):
    fj = os.path.join(out, pid, "figures.json")
    if not os.path.isfile(fj):
        continue
    figs = json.load(open(fj))["figures"]
    display = {f["name"]: f["display"] for f in figs}
    value = {f["name"]: f["value"] for f in figs}
    doc = os.path.join(out, pid, pat[1] or pid + ".dbk")
    text = open(doc, encoding="utf-8").read()
    for name, shown in re.findall(pat[0], text):
        seen += 1
        shown = html.unescape(shown)
        if name not in display:
            bad += 1
            print("%s: %s is not a figure of the packet" % (doc, name))
        elif display[name] == shown:
            exact += 1
        elif not same_number(shown, value[name]):
            bad += 1
            if bad <= 5:
                print("%s: %s shows '%s', not its value '%s'" %
                      (doc, name, shown, value[name]))
        elif value[name] == shown:
            bad += 1
            if bad <= 5:
                print("%s: %s shows its raw value '%s', not its display "
                      "'%s'" % (doc, name, shown, display[name]))
if seen == 0:
    print("no figures found in the %s of %s" % (fmt, out))
    sys.exit(2)
if bad or exact * 2 < seen:
    print("%d of %d figures shown wrong, %d as their display" %
          (bad, seen, exact))
    sys.exit(1)
print("%d figures shown as computed, %d exactly as their display" %
      (seen, exact))
