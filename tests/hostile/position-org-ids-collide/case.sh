# Positions and organizations whose ids are another's ids with the
# suffixes the packet adds: position x has a table and a funding table
# (once pos-x-table-1 and pos-x-funding-1, with their captions), and
# positions x-table-1, x-title and x-funding-1 had those ids and x's
# title's; organization org-a's staff and organization a-staff had one
# heading id, appendix-org-a-staff. No id shows twice in any HTML or
# DocBook file, and each element has the id expect.out lists.
kind=build
status=0
sound=1
show='id="(pos-x[^"]*|appendix-[^"]*|chart-x[^"]*|position-x[^"]*)"'
