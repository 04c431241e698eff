# Raw HTML, as blocks and inline: none of it reaches any output, alone or
# inside a packet; the Markdown around it stays.
kind=convert
status=0
packet=1
marker=visible-marker
