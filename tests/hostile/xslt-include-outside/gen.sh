cat >outside.xsl <<'XSL'
<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/" priority="10"><p>PB-SECRET-7f3a9c</p></xsl:template>
</xsl:stylesheet>
XSL
