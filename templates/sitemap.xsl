<?xml version="1.0" encoding="UTF-8"?>
<!--
  sitemap.xsl - out/sitemap.xml (the sitemaps.org protocol, 0.9): the
  site's public pages with absolute URLs from base-url: the index, then
  each public packet's page (base-url + ID + "/", as its canonical link
  says) with the packet's date as lastmod. Internal packets stay out, as
  on the index page and in the feed. The build writes this file only when
  the project has a base-url (a sitemap needs absolute URLs). Input: the
  site tree of docs/tree.md.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pb="urn:peerbrief:1"
    xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
    exclude-result-prefixes="pb">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:param name="standalone" select="'yes'"/>
  <xsl:param name="figure-links" select="'no'"/>
  <xsl:param name="pdf" select="'no'"/>

  <xsl:variable name="base" select="normalize-space(/pb:site/pb:meta/pb:base-url)"/>

  <!-- as index.xsl: every entry but an internal one -->
  <xsl:variable name="public-entries"
      select="/pb:site/pb:entry[not(@visibility = 'internal')]"/>

  <xsl:template match="/pb:site">
    <urlset>
      <url>
        <loc><xsl:value-of select="$base"/></loc>
        <xsl:if test="$public-entries">
          <lastmod><xsl:value-of select="$public-entries[1]/@date"/></lastmod>
        </xsl:if>
      </url>
      <xsl:for-each select="$public-entries">
        <url>
          <loc><xsl:value-of select="concat($base, @id, '/')"/></loc>
          <lastmod><xsl:value-of select="@date"/></lastmod>
        </url>
      </xsl:for-each>
    </urlset>
  </xsl:template>
</xsl:stylesheet>
