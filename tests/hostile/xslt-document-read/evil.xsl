<?xml version="1.0" encoding="UTF-8"?>
<!-- Included at the end of html.xsl. ../secret.xml is outside templates/. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/" priority="10">
    <pre><xsl:value-of select="document('../secret.xml')"/></pre>
  </xsl:template>
</xsl:stylesheet>
