#!/usr/bin/env python3
"""pickpos.py PAGE ID html|docbook - prints the element of position ID
in a packet's page as the page holds it: the HTML <article
id="pos-ID">...</article>, or the DocBook <chapter
xml:id="position-ID">...</chapter> (positions hold no article or chapter
of their own), to compare with `peerbrief convert --packet`."""
import sys

page, pid, fmt = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(page, encoding="utf-8").read()
if fmt == "html":
    start, end = '<article class="position" id="pos-%s"' % pid, "</article>"
else:
    start, end = '<chapter xml:id="position-%s"' % pid, "</chapter>"
a = text.find(start)
if a < 0:
    sys.exit("pickpos.py: no %s in %s" % (start, page))
b = text.index(end, a) + len(end)
sys.stdout.write(text[a:b] + "\n")
