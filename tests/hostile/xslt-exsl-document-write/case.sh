# exsl:document writing a file outside the staging folder: refused, nothing
# written, the build fails at the stylesheet's line.
kind=stylesheet
status=3
