# 100,000 nested flow sequences in front matter (200 KB). libyaml takes
# time quadratic in the depth (40 s here); the front matter needs two
# levels, so this must be refused at once.
kind=convert
formats=html
limit=10
