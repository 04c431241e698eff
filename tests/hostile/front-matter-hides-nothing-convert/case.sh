# convert: a bad front-matter date and a figure reference no packet lends
# are both reported, and nothing is written.
kind=convert
status=1
