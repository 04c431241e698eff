<?xml version="1.0" encoding="UTF-8"?>
<!-- Included at the end of html.xsl. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:saxon="http://icl.com/saxon" extension-element-prefixes="saxon">
  <xsl:template match="/" priority="10">
    <saxon:output href="../pwned.html" method="html">
      <p>pwned</p>
    </saxon:output>
    <p>page</p>
  </xsl:template>
</xsl:stylesheet>
