# Both charts over figures at their edges: a program with no R-day (0.0%
# with and without peer notes), one whose every enrolled day is an R-day
# from a peer's note (100.0% with, 0.0% without: the longest bar), one
# of an earlier year (not drawn), an organization with a member of 0.01
# FTE, one with no staff and no program (0.00 against 0.00 required), and
# a name holding markup and a bidirectional control. The build succeeds,
# every page is sound (the charts' own SVG allowed, nothing else), and
# the value labels are the figures' own.
kind=build
status=0
sound=1
show='font-size="15">[0-9.]+%?<'
