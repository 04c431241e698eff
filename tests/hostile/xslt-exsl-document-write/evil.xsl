<?xml version="1.0" encoding="UTF-8"?>
<!-- Included at the end of html.xsl. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
  <xsl:template match="/" priority="10">
    <exsl:document href="../pwned.html" method="html">
      <p>pwned</p>
    </exsl:document>
    <p>page</p>
  </xsl:template>
</xsl:stylesheet>
