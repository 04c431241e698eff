# 10,000 nested list items on one line ("- - - ... x"): refused at the
# first level past the limit, quickly.
kind=convert
formats=html
limit=5
