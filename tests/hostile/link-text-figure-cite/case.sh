# A figure reference and a citation inside a link's text, in Markdown and
# in an XML position, and a link inside a link: each link keeps its text
# and its one address, with no link nested in it (the figure and the
# citation show as words), in the HTML and in the DocBook.
kind=build
status=0
sound=1
show='<(a|link) [^>]*"https://example\.org/[a-z]+">([^<]|</?(span|phrase)[^>]*>)*</(a|link)>'
