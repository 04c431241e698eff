# 150 nested block quotes: refused at the first one past the limit.
kind=convert
formats=html
limit=5
