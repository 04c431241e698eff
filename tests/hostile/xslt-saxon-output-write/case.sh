# The same with saxon:output, another name libxslt gives its document
# element: refused too.
kind=stylesheet
status=3
