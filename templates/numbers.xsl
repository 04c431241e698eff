<?xml version="1.0" encoding="UTF-8"?>
<!--
  numbers.xsl - how every figure and number reads on the page: an amount
  of money, a count, a share (ratio), an FTE, a yes/no, a fiscal year and,
  through dates.xsl, a date; and where a value was read from, its file
  and lines (pb-source). The tree holds them raw: money in dollars
  with two decimals or as an integer count of cents, counts as integers,
  a ratio as its exact six decimals with its rounded tenths of a percent
  (@per-mille, and @basis-points when those round a share that is not
  zero to nothing: C rounds, exactly), a fiscal year as its number, a
  boolean as true/false, a date as YYYY-MM-DD. html.xsl, docbook.xsl,
  index.xsl and svg.xsl import this stylesheet; they show a figure (a
  pb:value, pb:figure or figure directive) only through pb-display, and
  a number of the tree that is not a figure through the templates below.
  Whether an amount has cents is read from its value:
  substring-after(@value, '.') != '00'.

  The numbers are worked on as strings of digits, never as XPath numbers,
  so an amount is exact however many digits it has.

  Compiled on its own it words a list of figures, <pb:displays> holding
  pb:value elements as the tree has them, each with pb-display, one a
  line: so the program words the figures reports (figures.json,
  figures.csv, `peerbrief figures` and `explain`) with the pages' words.
  The importers' own xsl:output take precedence over the one below.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pb="urn:peerbrief:1">

  <xsl:import href="dates.xsl"/>

  <!-- A figure's display text, worded from the tree's values by its unit:
       "$4,566,150", "25.6%", "10,950", "1.50", "yes", "FY2026", "March 2,
       2027". $v: a pb:value, pb:figure or pb:directive (default: the
       context node). -->
  <xsl:template name="pb-display">
    <xsl:param name="v" select="."/>
    <!-- an amount of money with its cents even when whole
         ("$31,296,764.00"), to match another amount beside it that has
         cents -->
    <xsl:param name="with-cents" select="false()"/>
    <xsl:choose>
      <!-- in the program: the words this template gave a figure with the
           same attributes before in the build (pb:display-known,
           src/render.c), each distinct figure worded once -->
      <xsl:when test="function-available('pb:display-known')">
        <xsl:variable name="known" select="pb:display-known($v, $with-cents)"/>
        <xsl:choose>
          <xsl:when test="$known != ''">
            <xsl:value-of select="$known"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="pb-display-worded">
              <xsl:with-param name="v" select="$v"/>
              <xsl:with-param name="with-cents" select="$with-cents"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pb-display-worded">
          <xsl:with-param name="v" select="$v"/>
          <xsl:with-param name="with-cents" select="$with-cents"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- pb-display's words, from the tree's values. -->
  <xsl:template name="pb-display-worded">
    <xsl:param name="v"/>
    <xsl:param name="with-cents"/>
    <xsl:choose>
      <xsl:when test="$v/@unit = 'usd'">
        <!-- dollars with two decimals: "104.25" is 10425 cents -->
        <xsl:call-template name="pb-money">
          <xsl:with-param name="cents" select="translate($v/@value, '.', '')"/>
          <xsl:with-param name="with-cents" select="$with-cents"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$v/@unit = 'ratio'">
        <xsl:call-template name="pb-percent">
          <xsl:with-param name="per-mille" select="string($v/@per-mille)"/>
          <xsl:with-param name="basis-points" select="$v/@basis-points"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$v/@unit = 'days' or $v/@unit = 'count'">
        <xsl:call-template name="pb-count">
          <xsl:with-param name="n" select="string($v/@value)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$v/@unit = 'bool'">
        <xsl:call-template name="pb-yes-no">
          <xsl:with-param name="b" select="string($v/@value)"/>
        </xsl:call-template>
      </xsl:when>
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
        <!-- an FTE, two decimals as the value has them: "1.50" -->
        <xsl:value-of select="$v/@value"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

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
       dollars ("$4,566,150.00" with $with-cents), "$1,234.50" with cents,
       "-$12" below zero. -->
  <xsl:template name="pb-money">
    <xsl:param name="cents"/>
    <xsl:param name="with-cents" select="false()"/>
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
    <xsl:if test="$c != '00' or $with-cents">
      <xsl:value-of select="concat('.', $c)"/>
    </xsl:if>
  </xsl:template>

  <!-- The integer $n with a point before its last $places digits and
       thousands separators before it: 2560 with 2 places as "25.60", 5
       with 1 as "0.5", -333 with 1 as "-33.3", 0 with 1 as "0.0". -->
  <xsl:template name="pb-fixed">
    <xsl:param name="n"/>
    <xsl:param name="places"/>
    <xsl:variable name="neg" select="starts-with($n, '-')"/>
    <!-- at least $places + 1 digits: a zero before the point -->
    <xsl:variable name="m"
        select="concat(substring('0000000000', 1,
                                 $places + 1 - string-length($n) + $neg),
                       substring($n, 1 + $neg))"/>
    <xsl:variable name="len" select="string-length($m)"/>
    <xsl:if test="$neg and translate($m, '0', '') != ''">-</xsl:if>
    <xsl:choose>
      <!-- (three digits or fewer need no comma) -->
      <xsl:when test="$len - $places &lt;= 3">
        <xsl:value-of select="substring($m, 1, $len - $places)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pb-group">
          <xsl:with-param name="n" select="substring($m, 1, $len - $places)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$places &gt; 0">
      <xsl:value-of select="concat('.', substring($m, $len - $places + 1))"/>
    </xsl:if>
  </xsl:template>

  <!-- A share as a percent with one decimal, from $per-mille, its tenths
       of a percent rounded half up ("256" as "25.6%", "12000" as
       "1,200.0%"); a share too small for tenths, which has $basis-points,
       in hundredths ("4" as "0.04%"), and below those "<0.01%", never
       "0.0%". -->
  <xsl:template name="pb-percent">
    <xsl:param name="per-mille"/>
    <xsl:param name="basis-points" select="''"/>
    <xsl:choose>
      <xsl:when test="string($basis-points) = '0'">&lt;0.01%</xsl:when>
      <xsl:when test="string($basis-points) != ''">
        <xsl:call-template name="pb-fixed">
          <xsl:with-param name="n" select="string($basis-points)"/>
          <xsl:with-param name="places" select="2"/>
        </xsl:call-template>
        <xsl:text>%</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pb-fixed">
          <xsl:with-param name="n" select="$per-mille"/>
          <xsl:with-param name="places" select="1"/>
        </xsl:call-template>
        <xsl:text>%</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A boolean's value "true" as "yes", any other as "no". -->
  <xsl:template name="pb-yes-no">
    <xsl:param name="b"/>
    <xsl:choose>
      <xsl:when test="$b = 'true'">yes</xsl:when>
      <xsl:otherwise>no</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A fiscal year: 2026 as "FY2026". -->
  <xsl:template name="pb-fiscal-year">
    <xsl:param name="year"/>
    <xsl:value-of select="concat('FY', $year)"/>
  </xsl:template>

  <!-- Where a value read from the data was written, one pb:source of an
       appendix's pb:input (docs/tree.md): "orgs/x.xml, line 44", a sum's
       lines "orgs/x.xml, lines 49–50 and 52" (a run of consecutive lines
       as a range), "peerbrief.xml (default)" for a file's default,
       "OPTION (command line)" for a command-line option. $s: the
       pb:source (default: the context node). -->
  <xsl:template name="pb-source">
    <xsl:param name="s" select="."/>
    <xsl:choose>
      <xsl:when test="$s/@kind = 'command-line'">
        <xsl:value-of select="concat($s/@option, ' (command line)')"/>
      </xsl:when>
      <xsl:when test="$s/@kind = 'default'">
        <xsl:value-of select="concat($s/@file, ' (default)')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$s/@file"/>
        <xsl:choose>
          <xsl:when test="count($s/pb:line) = 1">, line </xsl:when>
          <xsl:otherwise>, lines </xsl:otherwise>
        </xsl:choose>
        <!-- each run of consecutive lines, from the line that starts it
             to the last before the next run starts (or the last line) -->
        <xsl:variable name="starts"
            select="$s/pb:line[not(@n = preceding-sibling::pb:line[1]/@n + 1)]"/>
        <xsl:for-each select="$starts">
          <xsl:variable name="next" select="following-sibling::pb:line
              [not(@n = preceding-sibling::pb:line[1]/@n + 1)][1]"/>
          <xsl:variable name="end">
            <xsl:choose>
              <xsl:when test="$next">
                <xsl:value-of select="$next/preceding-sibling::pb:line[1]/@n"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="../pb:line[last()]/@n"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:if test="position() &gt; 1">
            <xsl:choose>
              <xsl:when test="position() = last()"> and </xsl:when>
              <xsl:otherwise>, </xsl:otherwise>
            </xsl:choose>
          </xsl:if>
          <xsl:value-of select="@n"/>
          <xsl:if test="$end != @n">
            <xsl:value-of select="concat('&#8211;', $end)"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Every pb:source of a pb:input $input (default: the context node),
       worded by pb-source, separated by "; ". -->
  <xsl:template name="pb-sources">
    <xsl:param name="input" select="."/>
    <xsl:for-each select="$input/pb:source">
      <xsl:if test="position() &gt; 1">; </xsl:if>
      <xsl:call-template name="pb-source"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/pb:displays">
    <xsl:for-each select="pb:value">
      <xsl:call-template name="pb-display"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
