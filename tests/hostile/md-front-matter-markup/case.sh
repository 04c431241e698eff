# Markup in front matter values stays text: escaped in every format.
kind=convert
status=0
packet=1
marker=visible-marker
