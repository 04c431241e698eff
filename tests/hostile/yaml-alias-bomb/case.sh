# The YAML "billion laughs": nine levels of anchors, each a list of nine
# aliases of the one below. Nothing expands them; the one mistake (tags
# must be a list of text) is reported once, not once per alias.
kind=convert
formats=html
limit=5
