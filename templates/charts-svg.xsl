<?xml version="1.0" encoding="UTF-8"?>
<!--
  charts-svg.xsl - the charts a position places (pb:directive kind="chart",
  filled by the program with the figures it shows, see docs/tree.md) drawn
  as SVG. Shared by html-charts.xsl (inline in the handout),
  docbook-charts.xsl (the words beside the DocBook's image) and svg.xsl
  (the image file beside the DocBook).

  Named templates, all taking the directive as the context node:
    chart-svg     the <svg> element; param id: a prefix that makes its ids
                  (title, desc, patterns) unique in the document
    chart-title   the chart's title, as text
    chart-desc    what it shows, with every number, as text (the SVG's
                  desc and the DocBook textobject)

  How the charts read without colour: every bar is labelled with its value,
  the two kinds of bar differ by pattern (solid, hatched) as do the roles,
  the state average and the required FTE are black lines with their value
  in words, and a legend says which is which. The drawing is 400 units
  wide with a viewBox and width 100%, so it scales to the column: on a
  375-pixel screen its 16-unit text is still about 13 pixels high.

  Presentation only: positions are computed from the exact six-decimal
  ratios and two-decimal FTE the figures carry; every number shown is a
  figure's display text (numbers.xsl's pb-display) or an FTE as the tree
  writes it. Tick labels are
  the only numbers made here.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pb="urn:peerbrief:1"
    xmlns:str="http://exslt.org/strings"
    xmlns="http://www.w3.org/2000/svg"
    exclude-result-prefixes="pb str">

  <!-- Geometry (SVG user units). -->
  <xsl:variable name="ch-w" select="400"/>      <!-- drawing width -->
  <xsl:variable name="ch-left" select="14"/>    <!-- plot's left edge -->
  <xsl:variable name="ch-plot" select="300"/>   <!-- plot width; labels after -->
  <xsl:variable name="ch-row" select="24"/>     <!-- a legend row -->

  <!-- The peer roles, in the order the program writes them. -->
  <xsl:variable name="ch-roles"
      select="'peer-specialist recovery-coach family-partner young-adult-peer-mentor older-adult-peer-specialist'"/>

  <!-- Words for the peer roles. -->
  <xsl:template name="ch-role-name">
    <xsl:param name="role"/>
    <xsl:choose>
      <xsl:when test="$role = 'peer-specialist'">Peer Specialists</xsl:when>
      <xsl:when test="$role = 'recovery-coach'">Recovery Coaches</xsl:when>
      <xsl:when test="$role = 'family-partner'">Family Partners</xsl:when>
      <xsl:when test="$role = 'young-adult-peer-mentor'">Young Adult Peer Mentors</xsl:when>
      <xsl:when test="$role = 'older-adult-peer-specialist'">Older Adult Peer Specialists</xsl:when>
      <xsl:otherwise><xsl:value-of select="$role"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An organization's name by id. -->
  <xsl:template name="ch-org-name">
    <xsl:param name="org"/>
    <xsl:variable name="o" select="/pb:packet/pb:orgs/pb:org[@id = $org]"/>
    <xsl:choose>
      <xsl:when test="normalize-space($o/pb:name) != ''">
        <xsl:value-of select="normalize-space($o/pb:name)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$org"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A program item's label: the organization, then the contract and
       year, and the program's id when the organization has two. -->
  <xsl:template name="ch-item-label">
    <xsl:variable name="p" select="/pb:packet/pb:orgs/pb:org[@id = current()/@org]
                                   /pb:program[@id = current()/@program]"/>
    <xsl:call-template name="ch-org-name">
      <xsl:with-param name="org" select="@org"/>
    </xsl:call-template>
    <xsl:if test="@program">
      <xsl:text>, </xsl:text>
      <xsl:choose>
        <xsl:when test="$p/@contract">
          <xsl:value-of select="$p/@contract"/>
          <xsl:if test="$p/@fiscal-year">
            <xsl:text> </xsl:text>
            <xsl:call-template name="pb-fiscal-year"><xsl:with-param name="year" select="$p/@fiscal-year"/></xsl:call-template>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="@program"/></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="count(../pb:item[@org = current()/@org]) &gt; 1">
        <xsl:value-of select="concat(' (', @program, ')')"/>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- A line of text at y; bold for an organization's name. -->
  <xsl:template name="ch-label">
    <xsl:param name="y"/>
    <xsl:param name="text"/>
    <xsl:param name="bold" select="false()"/>
    <text x="{$ch-left}" y="{$y}">
      <xsl:attribute name="font-size">
        <xsl:choose>
          <xsl:when test="$bold">16</xsl:when>
          <xsl:otherwise>14</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:if test="$bold">
        <xsl:attribute name="font-weight">bold</xsl:attribute>
      </xsl:if>
      <xsl:value-of select="$text"/>
    </text>
  </xsl:template>

  <!-- A program item's second line: its contract and year, and its id when
       the organization has another program in the chart. -->
  <xsl:template name="ch-program-label">
    <xsl:variable name="p" select="/pb:packet/pb:orgs/pb:org[@id = current()/@org]
                                   /pb:program[@id = current()/@program]"/>
    <xsl:choose>
      <xsl:when test="$p/@contract">
        <xsl:value-of select="$p/@contract"/>
        <xsl:if test="$p/@fiscal-year">
          <xsl:text> </xsl:text>
            <xsl:call-template name="pb-fiscal-year"><xsl:with-param name="year" select="$p/@fiscal-year"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="count(../pb:item[@org = current()/@org]) &gt; 1">
          <xsl:value-of select="concat(' · ', @program)"/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="@program"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="chart-title">
    <xsl:choose>
      <xsl:when test="@name = 'rday-rates'">R-day rates with and without peer notes</xsl:when>
      <xsl:when test="@name = 'peer-staff'">Peer staff by role against the required FTE</xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="chart-desc">
    <xsl:choose>
      <xsl:when test="@name = 'rday-rates'">
        <xsl:variable name="avg" select="pb:value[contains(@ref, 'state_average_rday_rate')]"/>
        <xsl:text>Horizontal bars, two for each program: the share of enrolled days billed as R-days with peer notes (solid) and without them (hatched), against the statewide average of </xsl:text>
        <xsl:call-template name="pb-display">
          <xsl:with-param name="v" select="$avg"/>
        </xsl:call-template>
        <xsl:text> (dashed line).</xsl:text>
        <xsl:for-each select="pb:item">
          <xsl:text> </xsl:text>
          <xsl:call-template name="ch-item-label"/>
          <xsl:text>: </xsl:text>
          <xsl:call-template name="pb-display">
            <xsl:with-param name="v" select="pb:value[substring(@ref, string-length(@ref) - 9) = '.rday_rate']"/>
          </xsl:call-template>
          <xsl:text> with peer notes, </xsl:text>
          <xsl:call-template name="pb-display">
            <xsl:with-param name="v" select="pb:value[contains(@ref, 'rday_rate_without_peer_notes')]"/>
          </xsl:call-template>
          <xsl:text> without.</xsl:text>
        </xsl:for-each>
        <xsl:if test="not(pb:item)"> The packet has no programs in its year.</xsl:if>
      </xsl:when>
      <xsl:when test="@name = 'peer-staff'">
        <xsl:text>Horizontal stacked bars, one for each organization: its peer staff FTE by role (each role its own pattern), with a black line at the FTE its programs require.</xsl:text>
        <xsl:for-each select="pb:item">
          <xsl:text> </xsl:text>
          <xsl:call-template name="ch-org-name">
            <xsl:with-param name="org" select="@org"/>
          </xsl:call-template>
          <xsl:text>: </xsl:text>
          <xsl:call-template name="pb-display">
            <xsl:with-param name="v" select="pb:value[contains(@ref, '.peer_fte')]"/>
          </xsl:call-template>
          <xsl:text> peer FTE</xsl:text>
          <xsl:if test="pb:role">
            <xsl:text> (</xsl:text>
            <xsl:for-each select="pb:role">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:call-template name="ch-role-name">
                <xsl:with-param name="role" select="@name"/>
              </xsl:call-template>
              <xsl:value-of select="concat(' ', @fte)"/>
            </xsl:for-each>
            <xsl:text>)</xsl:text>
          </xsl:if>
          <xsl:text> against </xsl:text>
          <xsl:call-template name="pb-display">
            <xsl:with-param name="v" select="pb:value[contains(@ref, '.required_peer_fte')]"/>
          </xsl:call-template>
          <xsl:text> required.</xsl:text>
        </xsl:for-each>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The largest of the numbers in $v (node-set of attributes or values). -->
  <xsl:template name="ch-max">
    <xsl:param name="v"/>
    <xsl:for-each select="$v">
      <xsl:sort select="number(.)" data-type="number" order="descending"/>
      <xsl:if test="position() = 1">
        <xsl:value-of select="number(.)"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="chart-svg">
    <xsl:param name="id" select="'chart'"/>
    <xsl:choose>
      <xsl:when test="@name = 'rday-rates'">
        <xsl:call-template name="ch-rday-rates">
          <xsl:with-param name="id" select="$id"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@name = 'peer-staff'">
        <xsl:call-template name="ch-peer-staff">
          <xsl:with-param name="id" select="$id"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The svg element's opening: size, title and desc. -->
  <xsl:template name="ch-head">
    <xsl:param name="id"/>
    <title id="{$id}-title">
      <xsl:call-template name="chart-title"/>
    </title>
    <desc id="{$id}-desc">
      <xsl:call-template name="chart-desc"/>
    </desc>
  </xsl:template>

  <!-- A legend row at y: a swatch (pattern fill, or a line) and words. -->
  <xsl:template name="ch-legend">
    <xsl:param name="y"/>
    <xsl:param name="fill" select="''"/>
    <xsl:param name="line" select="''"/>
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="$line != ''">
        <line x1="{$ch-left + 2}" y1="{$y - 14}" x2="{$ch-left + 2}" y2="{$y + 4}"
                  stroke="#000" stroke-width="{$line}">
          <xsl:if test="$line = 2">
            <xsl:attribute name="stroke-dasharray">5 3</xsl:attribute>
          </xsl:if>
        </line>
      </xsl:when>
      <xsl:otherwise>
        <rect x="{$ch-left}" y="{$y - 14}" width="32" height="18"
                  fill="{$fill}" stroke="#000" stroke-width="1"/>
      </xsl:otherwise>
    </xsl:choose>
    <text x="{$ch-left + 40}" y="{$y}" font-size="15">
      <xsl:value-of select="$text"/>
    </text>
  </xsl:template>

  <!-- Axis ticks from k = 0 to n (at most 10: each scale is chosen so),
       step `step`, at x = left + k*step/max*plot; k counts the tokens of
       ch-counts, so a tick is a loop's turn, not a nested call. -->
  <xsl:variable name="ch-counts" select="'0 1 2 3 4 5 6 7 8 9 10'"/>
  <xsl:template name="ch-ticks">
    <xsl:param name="n"/>
    <xsl:param name="step"/>
    <xsl:param name="max"/>
    <xsl:param name="y"/>
    <xsl:param name="percent" select="false()"/>
    <xsl:for-each select="str:tokenize($ch-counts, ' ')[number(.) &lt;= $n]">
      <xsl:variable name="k" select="number(.)"/>
      <xsl:variable name="x" select="$ch-left + $k * $step div $max * $ch-plot"/>
      <line x1="{$x}" y1="{$y}" x2="{$x}" y2="{$y + 5}" stroke="#000" stroke-width="1"/>
      <text x="{$x}" y="{$y + 19}" font-size="13" text-anchor="middle">
        <xsl:choose>
          <xsl:when test="$percent">
            <xsl:value-of select="concat(round($k * $step * 100), '%')"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="format-number($k * $step, '0.#')"/>
          </xsl:otherwise>
        </xsl:choose>
      </text>
    </xsl:for-each>
  </xsl:template>

  <!-- The step of an FTE scale reaching top: 0.5 up to 3, 1 up to 10, and
       beyond the first of 2, 5, 10, 20, 50, ... that needs at most ten
       ticks (the list reaches far past any staff a file can hold). -->
  <xsl:variable name="ch-steps"
      select="'2 5 10 20 50 100 200 500 1000 2000 5000 10000 20000 50000 100000 200000 500000 1000000 2000000 5000000 10000000 20000000 50000000 100000000 200000000 500000000 1000000000 2000000000 5000000000 10000000000 20000000000 50000000000 100000000000 200000000000 500000000000 1000000000000 2000000000000 5000000000000 10000000000000 20000000000000 50000000000000 100000000000000 200000000000000 500000000000000 1000000000000000'"/>
  <xsl:template name="ch-fte-step">
    <xsl:param name="top"/>
    <xsl:choose>
      <xsl:when test="$top &lt;= 3">0.5</xsl:when>
      <xsl:when test="$top &lt;= 10">1</xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="str:tokenize($ch-steps, ' ')[$top div number(.) &lt;= 10][1]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- =chart rday-rates =========================================== -->

  <xsl:template name="ch-rday-rates">
    <xsl:param name="id"/>
    <xsl:variable name="items" select="pb:item"/>
    <xsl:variable name="avg" select="pb:value[contains(@ref, 'state_average_rday_rate')]"/>
    <xsl:variable name="top">
      <xsl:call-template name="ch-max">
        <xsl:with-param name="v" select="$items/pb:value/@value | $avg/@value"/>
      </xsl:call-template>
    </xsl:variable>
    <!-- the scale: the largest value, up to the next 10% -->
    <xsl:variable name="ticks">
      <xsl:choose>
        <xsl:when test="number($top) &gt; 0"><xsl:value-of select="ceiling(number($top) * 10)"/></xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="max" select="number($ticks) div 10"/>
    <xsl:variable name="g" select="92"/>
    <xsl:variable name="y0" select="3 * $ch-row + 16"/>
    <xsl:variable name="axis" select="$y0 + count($items) * $g"/>
    <xsl:variable name="h" select="$axis + 28"/>
    <svg viewBox="0 0 {$ch-w} {$h}" width="100%" role="img"
             aria-labelledby="{$id}-title {$id}-desc" class="chart"
             font-family="sans-serif">
      <xsl:call-template name="ch-head">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
      <defs>
        <pattern id="{$id}-hatch" width="6" height="6"
                     patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fff"/>
          <line x1="0" y1="0" x2="0" y2="6" stroke="#1f4e79" stroke-width="3"/>
        </pattern>
      </defs>
      <xsl:call-template name="ch-legend">
        <xsl:with-param name="y" select="$ch-row - 4"/>
        <xsl:with-param name="fill" select="'#1f4e79'"/>
        <xsl:with-param name="text" select="'R-day rate'"/>
      </xsl:call-template>
      <xsl:call-template name="ch-legend">
        <xsl:with-param name="y" select="2 * $ch-row - 4"/>
        <xsl:with-param name="fill" select="concat('url(#', $id, '-hatch)')"/>
        <xsl:with-param name="text" select="'Without R-days from peer notes'"/>
      </xsl:call-template>
      <xsl:call-template name="ch-legend">
        <xsl:with-param name="y" select="3 * $ch-row - 4"/>
        <xsl:with-param name="line" select="2"/>
        <xsl:with-param name="text">
          <xsl:text>Statewide average, </xsl:text>
          <xsl:call-template name="pb-display">
            <xsl:with-param name="v" select="$avg"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:variable name="ax">
        <xsl:if test="$avg">
          <xsl:value-of select="format-number($ch-left + number($avg/@value) div $max * $ch-plot, '0.##')"/>
        </xsl:if>
      </xsl:variable>
      <xsl:for-each select="$items">
        <xsl:variable name="gy" select="$y0 + (position() - 1) * $g"/>
        <xsl:variable name="with" select="pb:value[substring(@ref, string-length(@ref) - 9) = '.rday_rate']"/>
        <xsl:variable name="without" select="pb:value[contains(@ref, 'rday_rate_without_peer_notes')]"/>
        <g class="item">
          <xsl:call-template name="ch-label">
            <xsl:with-param name="y" select="$gy + 16"/>
            <xsl:with-param name="text">
              <xsl:call-template name="ch-org-name">
                <xsl:with-param name="org" select="@org"/>
              </xsl:call-template>
            </xsl:with-param>
            <xsl:with-param name="bold" select="true()"/>
          </xsl:call-template>
          <xsl:call-template name="ch-label">
            <xsl:with-param name="y" select="$gy + 34"/>
            <xsl:with-param name="text">
              <xsl:call-template name="ch-program-label"/>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="ch-bar">
            <xsl:with-param name="y" select="$gy + 42"/>
            <xsl:with-param name="v" select="$with"/>
            <xsl:with-param name="max" select="$max"/>
            <xsl:with-param name="fill" select="'#1f4e79'"/>
          </xsl:call-template>
          <xsl:call-template name="ch-bar">
            <xsl:with-param name="y" select="$gy + 64"/>
            <xsl:with-param name="v" select="$without"/>
            <xsl:with-param name="max" select="$max"/>
            <xsl:with-param name="fill" select="concat('url(#', $id, '-hatch)')"/>
          </xsl:call-template>
          <!-- the average across this item's bars, over them, under their
               labels -->
          <xsl:if test="$ax != ''">
            <line class="average" x1="{$ax}" y1="{$gy + 38}" x2="{$ax}" y2="{$gy + 86}"
                  stroke="#000" stroke-width="2" stroke-dasharray="5 3"/>
          </xsl:if>
          <xsl:call-template name="ch-bar-label">
            <xsl:with-param name="y" select="$gy + 42"/>
            <xsl:with-param name="v" select="$with"/>
            <xsl:with-param name="max" select="$max"/>
          </xsl:call-template>
          <xsl:call-template name="ch-bar-label">
            <xsl:with-param name="y" select="$gy + 64"/>
            <xsl:with-param name="v" select="$without"/>
            <xsl:with-param name="max" select="$max"/>
          </xsl:call-template>
        </g>
      </xsl:for-each>
      <line x1="{$ch-left}" y1="{$axis}" x2="{$ch-left + $ch-plot}" y2="{$axis}"
                stroke="#000" stroke-width="1"/>
      <xsl:call-template name="ch-ticks">
        <xsl:with-param name="n" select="number($ticks)"/>
        <xsl:with-param name="step" select="0.1"/>
        <xsl:with-param name="max" select="$max"/>
        <xsl:with-param name="y" select="$axis"/>
        <xsl:with-param name="percent" select="true()"/>
      </xsl:call-template>
    </svg>
  </xsl:template>

  <!-- One bar at y for value v. -->
  <xsl:template name="ch-bar">
    <xsl:param name="y"/>
    <xsl:param name="v"/>
    <xsl:param name="max"/>
    <xsl:param name="fill"/>
    <rect x="{$ch-left}" y="{$y}" width="{format-number(number($v/@value) div $max * $ch-plot, '0.##')}"
          height="18" fill="{$fill}" stroke="#000" stroke-width="1"/>
  </xsl:template>

  <!-- The bar's value, its display text, after its end on a white ground
       that no line crosses. -->
  <xsl:template name="ch-bar-label">
    <xsl:param name="y"/>
    <xsl:param name="v"/>
    <xsl:param name="max"/>
    <xsl:variable name="x" select="$ch-left + number($v/@value) div $max * $ch-plot + 6"/>
    <xsl:variable name="shown">
      <xsl:call-template name="pb-display">
        <xsl:with-param name="v" select="$v"/>
      </xsl:call-template>
    </xsl:variable>
    <rect x="{format-number($x - 3, '0.##')}" y="{$y}"
          width="{string-length($shown) * 9 + 6}" height="18" fill="#fff"/>
    <text class="value" x="{format-number($x, '0.##')}" y="{$y + 14}" font-size="15">
      <xsl:value-of select="$shown"/>
    </text>
  </xsl:template>

  <!-- =chart peer-staff ============================================ -->

  <!-- The fill of a role's segment. -->
  <xsl:template name="ch-role-fill">
    <xsl:param name="id"/>
    <xsl:param name="role"/>
    <xsl:choose>
      <xsl:when test="$role = 'peer-specialist'">#1f4e79</xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('url(#', $id, '-', $role, ')')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The legend of the roles the items staff, in the program's order of
       roles: one row each, from row n. -->
  <xsl:template name="ch-role-legend">
    <xsl:param name="id"/>
    <xsl:param name="items"/>
    <xsl:param name="list" select="concat($ch-roles, ' ')"/>
    <xsl:param name="n" select="1"/>
    <xsl:variable name="role" select="substring-before($list, ' ')"/>
    <xsl:if test="$role != ''">
      <xsl:variable name="here" select="boolean($items/pb:role[@name = $role])"/>
      <xsl:if test="$here">
        <xsl:call-template name="ch-legend">
          <xsl:with-param name="y" select="$n * $ch-row - 4"/>
          <xsl:with-param name="fill">
            <xsl:call-template name="ch-role-fill">
              <xsl:with-param name="id" select="$id"/>
              <xsl:with-param name="role" select="$role"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="text">
            <xsl:call-template name="ch-role-name">
              <xsl:with-param name="role" select="$role"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="ch-role-legend">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="items" select="$items"/>
        <xsl:with-param name="list" select="substring-after($list, ' ')"/>
        <xsl:with-param name="n" select="$n + number($here)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="ch-peer-staff">
    <xsl:param name="id"/>
    <xsl:variable name="items" select="pb:item"/>
    <xsl:variable name="top">
      <xsl:call-template name="ch-max">
        <xsl:with-param name="v" select="$items/pb:value/@value"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="step">
      <xsl:call-template name="ch-fte-step">
        <xsl:with-param name="top" select="ceiling(number($top))"/>
      </xsl:call-template>
    </xsl:variable>
    <!-- the scale: the largest value, up to the next whole step -->
    <xsl:variable name="max">
      <xsl:choose>
        <xsl:when test="number($top) &gt; 0 and number($top) &lt;= 10"><xsl:value-of select="ceiling(number($top))"/></xsl:when>
        <xsl:when test="number($top) &gt; 0"><xsl:value-of select="ceiling(number($top) div number($step)) * number($step)"/></xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="nroles" select="count($items/pb:role[not(@name = preceding-sibling::pb:role/@name or @name = ../preceding-sibling::pb:item/pb:role/@name)])"/>
    <xsl:variable name="g" select="78"/>
    <xsl:variable name="y0" select="($nroles + 1) * $ch-row + 16"/>
    <xsl:variable name="axis" select="$y0 + count($items) * $g"/>
    <xsl:variable name="h" select="$axis + 28"/>
    <svg viewBox="0 0 {$ch-w} {$h}" width="100%" role="img"
             aria-labelledby="{$id}-title {$id}-desc" class="chart"
             font-family="sans-serif">
      <xsl:call-template name="ch-head">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
      <defs>
        <pattern id="{$id}-recovery-coach" width="6" height="6"
                     patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fff"/>
          <line x1="0" y1="0" x2="0" y2="6" stroke="#1f4e79" stroke-width="3"/>
        </pattern>
        <pattern id="{$id}-family-partner" width="6" height="6"
                     patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#fff"/>
          <circle cx="3" cy="3" r="2" fill="#1f4e79"/>
        </pattern>
        <pattern id="{$id}-young-adult-peer-mentor" width="8" height="8"
                     patternUnits="userSpaceOnUse">
          <rect width="8" height="8" fill="#fff"/>
          <path d="M0 0L8 8M8 0L0 8" stroke="#1f4e79" stroke-width="2"/>
        </pattern>
        <pattern id="{$id}-older-adult-peer-specialist" width="6" height="6"
                     patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#fff"/>
          <line x1="0" y1="3" x2="6" y2="3" stroke="#1f4e79" stroke-width="2.5"/>
        </pattern>
      </defs>
      <xsl:call-template name="ch-role-legend">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="items" select="$items"/>
      </xsl:call-template>
      <xsl:call-template name="ch-legend">
        <xsl:with-param name="y" select="($nroles + 1) * $ch-row - 4"/>
        <xsl:with-param name="line" select="3"/>
        <xsl:with-param name="text" select="'Required FTE'"/>
      </xsl:call-template>
      <xsl:for-each select="$items">
        <xsl:variable name="gy" select="$y0 + (position() - 1) * $g"/>
        <xsl:variable name="have" select="pb:value[contains(@ref, '.peer_fte')]"/>
        <xsl:variable name="need" select="pb:value[contains(@ref, '.required_peer_fte')]"/>
        <g class="item">
          <xsl:call-template name="ch-label">
            <xsl:with-param name="y" select="$gy + 16"/>
            <xsl:with-param name="text">
              <xsl:call-template name="ch-org-name">
                <xsl:with-param name="org" select="@org"/>
              </xsl:call-template>
            </xsl:with-param>
            <xsl:with-param name="bold" select="true()"/>
          </xsl:call-template>
          <xsl:for-each select="pb:role">
            <xsl:variable name="x0" select="$ch-left + sum(preceding-sibling::pb:role/@fte) div $max * $ch-plot"/>
            <rect x="{format-number($x0, '0.##')}" y="{$gy + 22}"
                      width="{format-number(number(@fte) div $max * $ch-plot, '0.##')}" height="22"
                      stroke="#000" stroke-width="1">
              <xsl:attribute name="fill">
                <xsl:call-template name="ch-role-fill">
                  <xsl:with-param name="id" select="$id"/>
                  <xsl:with-param name="role" select="@name"/>
                </xsl:call-template>
              </xsl:attribute>
            </rect>
          </xsl:for-each>
          <xsl:variable name="end" select="$ch-left + number($have/@value) div $max * $ch-plot"/>
          <text class="value" x="{format-number($end + 6, '0.##')}" y="{$gy + 38}" font-size="15">
            <xsl:call-template name="pb-display">
              <xsl:with-param name="v" select="$have"/>
            </xsl:call-template>
          </text>
          <xsl:if test="$need">
            <xsl:variable name="rx" select="$ch-left + number($need/@value) div $max * $ch-plot"/>
            <line class="required" x1="{format-number($rx, '0.##')}" y1="{$gy + 18}"
                      x2="{format-number($rx, '0.##')}" y2="{$gy + 48}"
                      stroke="#000" stroke-width="3"/>
          </xsl:if>
          <text x="{$ch-left}" y="{$gy + 64}" font-size="15">
            <xsl:text>Peer FTE </xsl:text>
            <xsl:call-template name="pb-display">
              <xsl:with-param name="v" select="$have"/>
            </xsl:call-template>
            <xsl:text>, required </xsl:text>
            <xsl:call-template name="pb-display">
              <xsl:with-param name="v" select="$need"/>
            </xsl:call-template>
          </text>
        </g>
      </xsl:for-each>
      <line x1="{$ch-left}" y1="{$axis}" x2="{$ch-left + $ch-plot}" y2="{$axis}"
                stroke="#000" stroke-width="1"/>
      <xsl:call-template name="ch-ticks">
        <xsl:with-param name="n" select="round(number($max) div number($step))"/>
        <xsl:with-param name="step" select="number($step)"/>
        <xsl:with-param name="max" select="number($max)"/>
        <xsl:with-param name="y" select="$axis"/>
      </xsl:call-template>
    </svg>
  </xsl:template>

</xsl:stylesheet>
