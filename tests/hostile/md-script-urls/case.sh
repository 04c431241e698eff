# Links and images with script, file and data URLs in every spelling: each
# loses its URL in every output format, alone and inside a packet. Allowed
# data:image/png stays. (An autolink keeps its text: text cannot run.)
kind=convert
status=0
packet=1
marker=visible-marker
