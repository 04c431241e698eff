# XML positions whose xml:id values are the packet's own ids (highlights,
# fig-NAME, ref-ID, the positions' and their tables' ids, the chapters of
# the DocBook) and one another's: each becomes pos-ID.XMLID in the HTML
# and position-ID.XMLID in the DocBook (expect.out), and no id shows
# twice in any file. A link to "#ID", ID an xml:id of the same position,
# goes to that renamed id; one to an id the position lacks is kept.
kind=build
status=0
sound=1
show='((xml:)?id|href)="#?pos(ition)?-[a-z]*\.[^"]*"|href="#nowhere"'
