<?xml version="1.0" encoding="UTF-8"?>
<!--
  numbers.xsl - how an amount of money, a count and a fiscal year read on
  the page. The tree holds them raw: money as an integer count of cents,
  counts as integers, a fiscal year as its number; dates.xsl imports this
  stylesheet (and so do html.xsl and docbook.xsl through it), and the
  stylesheets call these templates wherever they show one.

  The numbers are worked on as strings of digits, never as XPath numbers,
  so an amount is exact however many digits it has.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- The digits $n (no sign) with a comma before each group of three:
       "4566150" as "4,566,150". -->
  <xsl:template name="pb-group">
    <xsl:param name="n"/>
    <xsl:variable name="len" select="string-length($n)"/>
    <xsl:choose>
      <xsl:when test="$len &gt; 3">
        <xsl:call-template name="pb-group">
          <xsl:with-param name="n" select="substring($n, 1, $len - 3)"/>
        </xsl:call-template>
        <xsl:value-of select="concat(',', substring($n, $len - 2))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$n"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A count: the integer $n with thousands separators, "10,950",
       "-1,234", "999". -->
  <xsl:template name="pb-count">
    <xsl:param name="n"/>
    <xsl:variable name="neg" select="starts-with($n, '-')"/>
    <xsl:if test="$neg">-</xsl:if>
    <xsl:call-template name="pb-group">
      <xsl:with-param name="n" select="substring($n, 1 + $neg)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An amount of $cents cents (an integer): "$4,566,150" for whole
       dollars, "$1,234.50" with cents, "-$12" below zero. -->
  <xsl:template name="pb-money">
    <xsl:param name="cents"/>
    <xsl:variable name="neg" select="starts-with($cents, '-')"/>
    <!-- at least three digits: "5" is "005", $0.05 -->
    <xsl:variable name="m"
        select="concat(substring('00', string-length($cents) - $neg),
                       substring($cents, 1 + $neg))"/>
    <xsl:variable name="c" select="substring($m, string-length($m) - 1)"/>
    <xsl:if test="$neg and translate($m, '0', '') != ''">-</xsl:if>
    <xsl:text>$</xsl:text>
    <xsl:call-template name="pb-group">
      <xsl:with-param name="n" select="substring($m, 1, string-length($m) - 2)"/>
    </xsl:call-template>
    <xsl:if test="$c != '00'">
      <xsl:value-of select="concat('.', $c)"/>
    </xsl:if>
  </xsl:template>

  <!-- A fiscal year: 2026 as "FY2026". -->
  <xsl:template name="pb-fiscal-year">
    <xsl:param name="year"/>
    <xsl:value-of select="concat('FY', $year)"/>
  </xsl:template>

</xsl:stylesheet>
