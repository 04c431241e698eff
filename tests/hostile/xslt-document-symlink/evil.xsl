<?xml version="1.0" encoding="UTF-8"?>
<!-- Included at the end of html.xsl. link.xml -> ../secret.xml -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/" priority="10">
    <pre><xsl:value-of select="document('link.xml')"/></pre>
  </xsl:template>
</xsl:stylesheet>
