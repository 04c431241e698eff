# XML positions whose xml:id values are the packet's own ids (highlights,
# fig-NAME, ref-ID, the positions' and their tables' ids, the chapters of
# the DocBook) and one another's: each becomes pos-ID.XMLID in the HTML
# and position-ID.XMLID in the DocBook (expect.out), and no id shows
# twice in any file.
kind=build
status=0
sound=1
show='(xml:)?id="pos(ition)?-[a-z]*\.[^"]*"'
