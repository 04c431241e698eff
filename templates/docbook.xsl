<?xml version="1.0" encoding="UTF-8"?>
<!--
  docbook.xsl - a position (the tree of docs/tree.md) as DocBook 5.0.

  Parameters (strings):
    standalone    'yes': a whole <article> valid against the official
                  DocBook 5.0 RELAX NG schema, its <info> built from pb:meta;
                  'no' (default): only the body's blocks, no wrapper.
    figure-links  'yes': a figure value links to its appendix entry
                  (linkend = pb:value/@anchor); default 'no'.

  The body is rendered by docbook-body.xsl, which packet stylesheets import
  too.  Mapping of every node type: see the comments there.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:pb="urn:peerbrief:1"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    exclude-result-prefixes="pb">

  <!-- first, lowest: the wording of dates, shared with the HTML -->
  <xsl:import href="numbers.xsl"/>
  <xsl:import href="docbook-body.xsl"/>
  <!-- a packet (root pb:packet): one DocBook book, see docbook-packet.xsl -->
  <xsl:include href="docbook-packet.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="standalone" select="'no'"/>

  <xsl:template match="/">
    <xsl:apply-templates select="pb:position | pb:packet"/>
  </xsl:template>

  <!--
    A position: a whole article, or the bare body.  The article declares the
    xlink namespace once, so that links need no declaration of their own.
  -->
  <xsl:template match="pb:position">
    <xsl:choose>
      <xsl:when test="$standalone = 'yes'">
        <xsl:variable name="lang" select="normalize-space(pb:meta/pb:lang)"/>
        <article xmlns="http://docbook.org/ns/docbook" version="5.0"
                 xmlns:xlink="http://www.w3.org/1999/xlink">
          <xsl:attribute name="xml:lang">
            <xsl:choose>
              <xsl:when test="$lang != ''"><xsl:value-of select="$lang"/></xsl:when>
              <xsl:otherwise>en</xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:apply-templates select="pb:meta" mode="pb-db-info"/>
          <xsl:call-template name="pb-db-body">
            <xsl:with-param name="ensure-block" select="true()"/>
          </xsl:call-template>
        </article>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pb-db-body"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
