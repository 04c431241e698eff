<?xml version="1.0" encoding="UTF-8"?>
<!--
  feed.xsl - the site's Atom 1.0 feed (out/feed.xml), one entry per packet,
  newest first. Every date comes from the packets, so the feed is the same
  for the same input. Ids and links are absolute when the project has a
  base-url, else ids are URNs and links relative. Internal packets are
  left out (as on the index page and in the sitemap).

  An entry's updated is the date of the packet's current edition (the
  packet's date: a new edition comes with a new date) at midnight UTC,
  plus one second for each edition after the first, so that a second
  edition published on the same day as the first still reads as an
  update. The first edition's date is its published date; a later
  edition has no published element, since the first edition's date is no
  longer in the input. The feed's updated is its newest entry's. Tags of
  the packet's positions are the entry's categories.
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

  <!-- as index.xsl: every entry but an internal one -->
  <xsl:variable name="public-entries"
      select="/pb:site/pb:entry[not(@visibility = 'internal')]"/>

  <xsl:template match="/pb:site">
    <feed xml:lang="{pb:meta/pb:lang}">
      <title><xsl:value-of select="pb:meta/pb:title"/></title>
      <id>
        <xsl:choose>
          <xsl:when test="$base != ''"><xsl:value-of select="$base"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="pb:meta/pb:urn"/></xsl:otherwise>
        </xsl:choose>
      </id>
      <updated>
        <xsl:choose>
          <xsl:when test="$public-entries">
            <!-- the newest: the entries are newest first by date; among
                 those of that date, the highest edition -->
            <xsl:for-each select="$public-entries[@date = $public-entries[1]/@date]">
              <xsl:sort select="@edition" data-type="number" order="descending"/>
              <xsl:if test="position() = 1">
                <xsl:call-template name="updated"/>
              </xsl:if>
            </xsl:for-each>
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
      <xsl:apply-templates select="$public-entries"/>
    </feed>
  </xsl:template>

  <xsl:template match="pb:entry">
    <entry>
      <title><xsl:value-of select="pb:title"/></title>
      <id>
        <xsl:choose>
          <xsl:when test="$base != ''"><xsl:value-of select="concat($base, @id, '/')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat(/pb:site/pb:meta/pb:urn, ':packet:', @id)"/></xsl:otherwise>
        </xsl:choose>
      </id>
      <updated><xsl:call-template name="updated"/></updated>
      <xsl:if test="not(@edition) or @edition = '1'">
        <published><xsl:value-of select="concat(@date, 'T00:00:00Z')"/></published>
      </xsl:if>
      <link rel="alternate" type="text/html" href="{$base}{@id}/index.html"/>
      <xsl:for-each select="pb:tag">
        <category term="{normalize-space(.)}"/>
      </xsl:for-each>
      <xsl:if test="pb:summary">
        <summary><xsl:value-of select="pb:summary"/></summary>
      </xsl:if>
    </entry>
  </xsl:template>

  <!-- The entry's updated: its date at midnight UTC plus (edition - 1)
       seconds, as hh:mm:ss (editions up to 999 stay within the day). -->
  <xsl:template name="updated">
    <xsl:variable name="e">
      <xsl:choose>
        <xsl:when test="number(@edition) &gt;= 1">
          <xsl:value-of select="number(@edition) - 1"/>
        </xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="concat(@date, 'T',
        format-number(floor($e div 3600), '00'), ':',
        format-number(floor(($e mod 3600) div 60), '00'), ':',
        format-number($e mod 60, '00'), 'Z')"/>
  </xsl:template>
</xsl:stylesheet>
