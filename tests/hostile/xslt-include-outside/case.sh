# xsl:include of a stylesheet outside the templates folder: refused when
# the stylesheets are compiled, before anything is built.
kind=stylesheet
status=3
