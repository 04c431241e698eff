# An organization, a packet and two positions, all wrong: the one run
# reports each (the positions' own problems; their figures are not
# checked against an organization that did not load).
kind=build
status=1
