<?xml version="1.0" encoding="UTF-8"?>
<!--
  dates.xsl - how a date reads on the page: the one table of month names
  and the one template that words a date. The tree holds dates only as
  ISO values (YYYY, YYYY-MM or YYYY-MM-DD); html.xsl, docbook.xsl and
  index.xsl import this stylesheet and call pb-date wherever they show
  one. It imports numbers.xsl, how money, counts and fiscal years read,
  for them.

  Compiled on its own it words a list of figures' values: for a tree
  <pb:dates><pb:d>2026-11-15</pb:d><pb:y>2026</pb:y><pb:m>104.25</pb:m>
  <pb:n>11200</pb:n>...</pb:dates> (dates, fiscal years, amounts in
  dollars and counts) it writes each worded, one a line, which is how the
  program words the figures reports (figures.json, figures.csv,
  `peerbrief figures` and `explain`) and the display of each amount and
  count in the packet tree without words of its own. The importers' own xsl:output take precedence over the one below.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pb="urn:peerbrief:1">

  <xsl:import href="numbers.xsl"/>

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

  <!-- A figure's display text: a date's value worded by pb-date, a
       fiscal year's by pb-fiscal-year, any other figure's display as the
       tree has it. $v: a pb:value,
       pb:figure or pb:directive (default: the context node). -->
  <xsl:template name="pb-display">
    <xsl:param name="v" select="."/>
    <xsl:choose>
      <xsl:when test="$v/@unit = 'date'">
        <xsl:call-template name="pb-date">
          <xsl:with-param name="date" select="$v/@value"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$v/@unit = 'year'">
        <xsl:call-template name="pb-fiscal-year">
          <xsl:with-param name="year" select="$v/@value"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$v/@display"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/pb:dates">
    <xsl:for-each select="pb:d | pb:y | pb:m | pb:n">
      <xsl:choose>
        <xsl:when test="self::pb:m">
          <!-- a value in dollars with two decimals: "104.25" is 10425
               cents -->
          <xsl:call-template name="pb-money">
            <xsl:with-param name="cents" select="translate(string(.), '.', '')"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="self::pb:n">
          <xsl:call-template name="pb-count">
            <xsl:with-param name="n" select="string(.)"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="self::pb:y">
          <xsl:call-template name="pb-fiscal-year">
            <xsl:with-param name="year" select="string(.)"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="pb-date">
            <xsl:with-param name="date" select="string(.)"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
