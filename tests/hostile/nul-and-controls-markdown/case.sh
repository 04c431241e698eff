# NUL, escape and other control bytes and bytes that are not UTF-8 in a
# Markdown body: each becomes U+FFFD, as cmark does with NUL and bad UTF-8
# (XML cannot hold control characters).
kind=convert
status=0
