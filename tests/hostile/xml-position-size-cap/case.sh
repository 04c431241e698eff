# 100,000 nested blockquotes in an XML position (2.5 MB): over the size
# cap XML positions share with Markdown bodies, refused before parsing.
kind=convert
file=in.xml
limit=2
