# A base URL with a script scheme would put javascript: links into the
# feed: refused at its value.
kind=build
status=1
