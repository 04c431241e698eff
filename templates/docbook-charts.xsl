<?xml version="1.0" encoding="UTF-8"?>
<!--
  docbook-charts.xsl - a chart directive in the DocBook book: a figure
  whose mediaobject shows the SVG file the build writes beside the book
  (NAME.svg, drawn by svg.xsl from the same tree) and whose textobject
  says what it shows with every number, then the chart's numbers as a
  table, each linked to its appendix entry. Included by
  docbook-packet.xsl; the words come from charts-svg.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:pb="urn:peerbrief:1"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="pb str">

  <xsl:include href="charts-svg.xsl"/>

  <xsl:template name="pb-dbc-chart">
    <xsl:variable name="n">
      <xsl:number level="any" from="pb:position" count="pb:directive"/>
    </xsl:variable>
    <figure>
      <xsl:attribute name="xml:id">
        <xsl:value-of select="concat('chart-', ancestor::pb:position[1]/@id, '-', $n)"/>
      </xsl:attribute>
      <title><xsl:call-template name="chart-title"/></title>
      <mediaobject>
        <imageobject>
          <imagedata fileref="{@name}.svg" format="SVG" width="100%" scalefit="1"/>
        </imageobject>
        <textobject>
          <para><xsl:call-template name="chart-desc"/></para>
        </textobject>
      </mediaobject>
    </figure>
    <xsl:choose>
      <xsl:when test="@name = 'rday-rates'">
        <xsl:call-template name="pb-dbc-rday-table"/>
      </xsl:when>
      <xsl:when test="@name = 'peer-staff'">
        <xsl:call-template name="pb-dbc-staff-table"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="pb-dbc-rday-table">
    <xsl:variable name="avg" select="pb:value[contains(@ref, 'state_average_rday_rate')]"/>
    <informaltable frame="all" role="chart-data">
      <tgroup cols="3">
        <colspec colname="c1" colwidth="3*"/>
        <colspec colname="c2" colwidth="1*"/>
        <colspec colname="c3" colwidth="1*"/>
        <thead>
          <row>
            <entry>Program</entry>
            <entry>R-day rate</entry>
            <entry>Without peer notes</entry>
          </row>
        </thead>
        <tbody>
          <xsl:for-each select="pb:item">
            <row>
              <entry><xsl:call-template name="ch-item-label"/></entry>
              <entry>
                <xsl:call-template name="pb-dbp-value">
                  <xsl:with-param name="v" select="pb:value[substring(@ref, string-length(@ref) - 9) = '.rday_rate']"/>
                </xsl:call-template>
              </entry>
              <entry>
                <xsl:call-template name="pb-dbp-value">
                  <xsl:with-param name="v" select="pb:value[contains(@ref, 'rday_rate_without_peer_notes')]"/>
                </xsl:call-template>
              </entry>
            </row>
          </xsl:for-each>
          <row>
            <entry>Statewide average</entry>
            <entry namest="c2" nameend="c3">
              <xsl:call-template name="pb-dbp-value">
                <xsl:with-param name="v" select="$avg"/>
              </xsl:call-template>
            </entry>
          </row>
        </tbody>
      </tgroup>
    </informaltable>
  </xsl:template>

  <xsl:template name="pb-dbc-staff-table">
    <!-- the roles staffed, in the program's order of roles -->
    <xsl:variable name="items" select="pb:item"/>
    <xsl:variable name="roles" select="str:tokenize($ch-roles, ' ')[. = $items/pb:role/@name]"/>
    <informaltable frame="all" role="chart-data">
      <tgroup cols="{count($roles) + 3}">
        <thead>
          <row>
            <entry>Organization</entry>
            <xsl:for-each select="$roles">
              <entry>
                <xsl:call-template name="ch-role-name">
                  <xsl:with-param name="role" select="string(.)"/>
                </xsl:call-template>
              </entry>
            </xsl:for-each>
            <entry>Peer FTE</entry>
            <entry>Required</entry>
          </row>
        </thead>
        <tbody>
          <xsl:for-each select="pb:item">
            <xsl:variable name="item" select="."/>
            <row>
              <entry>
                <xsl:call-template name="ch-org-name">
                  <xsl:with-param name="org" select="@org"/>
                </xsl:call-template>
              </entry>
              <xsl:for-each select="$roles">
                <entry>
                  <xsl:value-of select="$item/pb:role[@name = string(current())]/@fte"/>
                  <xsl:if test="not($item/pb:role[@name = string(current())])">–</xsl:if>
                </entry>
              </xsl:for-each>
              <entry>
                <xsl:call-template name="pb-dbp-value">
                  <xsl:with-param name="v" select="pb:value[contains(@ref, '.peer_fte')]"/>
                </xsl:call-template>
              </entry>
              <entry>
                <xsl:call-template name="pb-dbp-value">
                  <xsl:with-param name="v" select="pb:value[contains(@ref, '.required_peer_fte')]"/>
                </xsl:call-template>
              </entry>
            </row>
          </xsl:for-each>
        </tbody>
      </tgroup>
    </informaltable>
  </xsl:template>

</xsl:stylesheet>
