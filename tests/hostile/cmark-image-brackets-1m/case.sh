# 1 MB of "![[]()": over the size cap, refused at once.
kind=convert
formats=html
limit=2
