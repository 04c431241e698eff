<?xml version="1.0" encoding="UTF-8"?>
<!--
  dates.xsl - how a date reads on the page: the one table of month names
  and the one template that words a date. The tree holds dates only as
  ISO values (YYYY, YYYY-MM or YYYY-MM-DD); numbers.xsl imports this
  stylesheet (and html.xsl, docbook.xsl and index.xsl get it through
  numbers.xsl) and they call pb-date wherever they show one. A date
  figure's display is pb-date's words (numbers.xsl, pb-display).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pb="urn:peerbrief:1">

  <!-- "2026-11-15" as "November 15, 2026", "2017-03" as "March 2017" and
       "2017" as it is; anything not shaped so is shown as it is. -->
  <xsl:template name="pb-date">
    <xsl:param name="date"/>
    <xsl:variable name="m" select="number(substring($date, 6, 2))"/>
    <xsl:variable name="d" select="number(substring($date, 9, 2))"/>
    <xsl:variable name="shape" select="translate($date, '0123456789', '##########')"/>
    <xsl:variable name="month"
        select="normalize-space(substring(
            'January  February March    April    May      June     July     August   SeptemberOctober  November December ',
            ($m - 1) * 9 + 1, 9))"/>
    <xsl:choose>
      <xsl:when test="$shape = '####-##' and $m &gt;= 1 and $m &lt;= 12">
        <xsl:value-of select="concat($month, ' ', substring($date, 1, 4))"/>
      </xsl:when>
      <xsl:when test="$shape = '####-##-##' and $m &gt;= 1 and $m &lt;= 12
                      and $d &gt;= 1">
        <xsl:value-of select="concat($month, ' ', $d, ', ', substring($date, 1, 4))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$date"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
