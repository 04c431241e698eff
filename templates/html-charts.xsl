<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-charts.xsl - a chart directive in the HTML handout: a figure holding
  a caption, the SVG inline (charts-svg.xsl) and the chart's numbers in a
  table below it, each linked to its entry in the appendix. No script;
  the SVG scales to the column (viewBox, width 100%) and style.css keeps
  the figure on one printed page. Imported by html-packet.xsl, whose
  pb:directive template calls pk-chart with the directive's id.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pb="urn:peerbrief:1"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pb str">

  <xsl:import href="charts-svg.xsl"/>

  <xsl:template name="pk-chart">
    <xsl:param name="id"/>
    <figure class="chart" id="{$id}" aria-labelledby="{$id}-caption">
      <xsl:text>&#10;</xsl:text>
      <figcaption id="{$id}-caption">
        <strong><xsl:call-template name="chart-title"/></strong>
        <xsl:choose>
          <xsl:when test="@name = 'rday-rates'">
            <xsl:text>: each program's share of enrolled days billed as R-days, with and without the R-days that only a peer's note made billable.</xsl:text>
          </xsl:when>
          <xsl:when test="@name = 'peer-staff'">
            <xsl:text>: each organization's peer staff, in full-time equivalents, by role (supervisors not counted), and the FTE its programs require.</xsl:text>
          </xsl:when>
        </xsl:choose>
      </figcaption>
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="chart-svg">
        <xsl:with-param name="id" select="concat($id, '-svg')"/>
      </xsl:call-template>
      <xsl:text>&#10;</xsl:text>
      <div class="table-wrap" role="region" aria-labelledby="{$id}-table-caption"
           tabindex="0">
        <!-- stacked on a phone (html-packet.xsl's pk-stack) -->
        <xsl:call-template name="pk-stack">
          <xsl:with-param name="table">
            <xsl:choose>
              <xsl:when test="@name = 'rday-rates'">
                <xsl:call-template name="pk-chart-rday-table">
                  <xsl:with-param name="id" select="$id"/>
                </xsl:call-template>
              </xsl:when>
              <xsl:when test="@name = 'peer-staff'">
                <xsl:call-template name="pk-chart-staff-table">
                  <xsl:with-param name="id" select="$id"/>
                </xsl:call-template>
              </xsl:when>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </div>
      <xsl:text>&#10;</xsl:text>
    </figure>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A figure's display text linked to its appendix entry. -->
  <xsl:template name="pk-chart-cell">
    <xsl:param name="v"/>
    <td class="num">
      <xsl:choose>
        <xsl:when test="$v/@anchor">
          <a class="figure" href="#{$v/@anchor}"><xsl:call-template name="pb-display">
            <xsl:with-param name="v" select="$v"/>
          </xsl:call-template></a>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="pb-display">
            <xsl:with-param name="v" select="$v"/>
          </xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </td>
  </xsl:template>

  <xsl:template name="pk-chart-rday-table">
    <xsl:param name="id"/>
    <xsl:variable name="avg" select="pb:value[contains(@ref, 'state_average_rday_rate')]"/>
    <table class="data chart-data">
      <caption id="{$id}-table-caption">
        <xsl:text>The chart's numbers (statewide average </xsl:text>
        <xsl:choose>
          <xsl:when test="$avg/@anchor">
            <a class="figure" href="#{$avg/@anchor}"><xsl:call-template name="pb-display">
              <xsl:with-param name="v" select="$avg"/>
            </xsl:call-template></a>
          </xsl:when>
          <xsl:otherwise><xsl:call-template name="pb-display">
              <xsl:with-param name="v" select="$avg"/>
            </xsl:call-template></xsl:otherwise>
        </xsl:choose>
        <xsl:text>)</xsl:text>
      </caption>
      <thead>
        <tr>
          <th scope="col">Program</th>
          <th scope="col">R-day rate</th>
          <th scope="col">Without peer notes</th>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="pb:item">
          <tr>
            <th scope="row"><xsl:call-template name="ch-item-label"/></th>
            <xsl:call-template name="pk-chart-cell">
              <xsl:with-param name="v" select="pb:value[substring(@ref, string-length(@ref) - 9) = '.rday_rate']"/>
            </xsl:call-template>
            <xsl:call-template name="pk-chart-cell">
              <xsl:with-param name="v" select="pb:value[contains(@ref, 'rday_rate_without_peer_notes')]"/>
            </xsl:call-template>
          </tr>
        </xsl:for-each>
        <xsl:if test="not(pb:item)">
          <tr><td colspan="3">No programs in the packet's year.</td></tr>
        </xsl:if>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template name="pk-chart-staff-table">
    <xsl:param name="id"/>
    <!-- the roles staffed, in the program's order of roles -->
    <xsl:variable name="items" select="pb:item"/>
    <xsl:variable name="roles" select="str:tokenize($ch-roles, ' ')[. = $items/pb:role/@name]"/>
    <table class="data chart-data">
      <caption id="{$id}-table-caption">The chart's numbers, in full-time equivalents</caption>
      <thead>
        <tr>
          <th scope="col">Organization</th>
          <xsl:for-each select="$roles">
            <th scope="col">
              <xsl:call-template name="ch-role-name">
                <xsl:with-param name="role" select="string(.)"/>
              </xsl:call-template>
            </th>
          </xsl:for-each>
          <th scope="col">Peer FTE</th>
          <th scope="col">Required</th>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="pb:item">
          <xsl:variable name="item" select="."/>
          <tr>
            <th scope="row">
              <xsl:call-template name="ch-org-name">
                <xsl:with-param name="org" select="@org"/>
              </xsl:call-template>
            </th>
            <xsl:for-each select="$roles">
              <td class="num">
                <xsl:value-of select="$item/pb:role[@name = string(current())]/@fte"/>
                <xsl:if test="not($item/pb:role[@name = string(current())])">–</xsl:if>
              </td>
            </xsl:for-each>
            <xsl:call-template name="pk-chart-cell">
              <xsl:with-param name="v" select="pb:value[contains(@ref, '.peer_fte')]"/>
            </xsl:call-template>
            <xsl:call-template name="pk-chart-cell">
              <xsl:with-param name="v" select="pb:value[contains(@ref, '.required_peer_fte')]"/>
            </xsl:call-template>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

</xsl:stylesheet>
