# 100,000 nested blockquotes in an XML position (2.6 MB).
kind=convert
file=in.xml
limit=5
