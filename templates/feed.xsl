<?xml version="1.0" encoding="UTF-8"?>
<!--
  feed.xsl - the site's Atom 1.0 feed (out/feed.xml), one entry per packet,
  newest first. Every date comes from the packets, so the feed is the same
  for the same input. Ids and links are absolute when the project has a
  base-url, else ids are URNs and links relative.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pb="urn:peerbrief:1"
    xmlns="http://www.w3.org/2005/Atom"
    exclude-result-prefixes="pb">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:param name="standalone" select="'yes'"/>
  <xsl:param name="figure-links" select="'no'"/>

  <xsl:variable name="base" select="normalize-space(/pb:site/pb:meta/pb:base-url)"/>

  <xsl:template match="/pb:site">
    <feed xml:lang="{pb:meta/pb:lang}">
      <title><xsl:value-of select="pb:meta/pb:title"/></title>
      <id>
        <xsl:choose>
          <xsl:when test="$base != ''"><xsl:value-of select="$base"/></xsl:when>
          <xsl:otherwise>urn:peerbrief:site</xsl:otherwise>
        </xsl:choose>
      </id>
      <updated>
        <xsl:choose>
          <xsl:when test="pb:entry">
            <xsl:value-of select="concat(pb:entry[1]/@date, 'T00:00:00Z')"/>
          </xsl:when>
          <xsl:otherwise>1970-01-01T00:00:00Z</xsl:otherwise>
        </xsl:choose>
      </updated>
      <author>
        <name>
          <xsl:choose>
            <xsl:when test="pb:meta/pb:publisher">
              <xsl:value-of select="pb:meta/pb:publisher"/>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="pb:meta/pb:title"/></xsl:otherwise>
          </xsl:choose>
        </name>
      </author>
      <link rel="self" href="{$base}feed.xml"/>
      <link rel="alternate" type="text/html" href="{$base}index.html"/>
      <xsl:apply-templates select="pb:entry"/>
    </feed>
  </xsl:template>

  <xsl:template match="pb:entry">
    <entry>
      <title><xsl:value-of select="pb:title"/></title>
      <id>
        <xsl:choose>
          <xsl:when test="$base != ''"><xsl:value-of select="concat($base, @id, '/')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('urn:peerbrief:packet:', @id)"/></xsl:otherwise>
        </xsl:choose>
      </id>
      <updated><xsl:value-of select="concat(@date, 'T00:00:00Z')"/></updated>
      <published><xsl:value-of select="concat(@date, 'T00:00:00Z')"/></published>
      <link rel="alternate" type="text/html" href="{$base}{@id}/index.html"/>
      <xsl:if test="pb:summary">
        <summary><xsl:value-of select="pb:summary"/></summary>
      </xsl:if>
    </entry>
  </xsl:template>
</xsl:stylesheet>
