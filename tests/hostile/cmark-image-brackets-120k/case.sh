# 120 KiB of "![[]()" (CVE-2023-22486, quadratic in cmark 0.30.2): under
# the size cap, so it is rendered, in a few seconds at most.
kind=convert
status=0
formats=html
limit=10
