# A restyled html.xsl that reads a file outside the templates folder with
# document(): refused, the build fails as a template problem (exit 3) at
# the stylesheet's line, and out/ stays as it was.
kind=stylesheet
status=3
