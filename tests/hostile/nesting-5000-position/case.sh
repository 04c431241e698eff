# 5,000 nested blockquotes in an XML position (125 KB, under the size
# cap): refused at the 257th level, at its position.
kind=convert
file=in.xml
limit=5
