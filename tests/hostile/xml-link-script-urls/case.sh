# An XML position (valid against position.rng) whose links have script,
# file and data URLs: each loses its URL in every output format, alone and
# inside a packet.
kind=convert
status=0
packet=1
marker=visible-marker
