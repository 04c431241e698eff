# 100,000 opening brackets: no links, just text, quickly.
kind=convert
status=0
formats=html
limit=5
