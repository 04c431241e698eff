<?xml version="1.0" encoding="UTF-8"?>
<!--
  svg.xsl - one chart of a packet (the pb:packet tree of docs/tree.md) as a
  stand-alone SVG file, the image the DocBook book shows beside itself
  (out/ID/NAME.svg). Parameter chart: the chart's name; the first
  directive of that name in the packet is drawn (every one shows the same
  figures). Drawing: charts-svg.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pb="urn:peerbrief:1"
    exclude-result-prefixes="pb">

  <xsl:import href="numbers.xsl"/>
  <xsl:import href="charts-svg.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="chart" select="''"/>

  <xsl:template match="/">
    <xsl:for-each select="(//pb:directive[@kind = 'chart' and @name = $chart])[1]">
      <xsl:call-template name="chart-svg">
        <xsl:with-param name="id" select="$chart"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
