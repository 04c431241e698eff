<?xml version="1.0" encoding="UTF-8"?>
<!-- Included at the end of html.xsl. ../outside.xsl is outside templates/. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="../outside.xsl"/>
</xsl:stylesheet>
