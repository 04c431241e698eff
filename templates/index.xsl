<?xml version="1.0" encoding="UTF-8"?>
<!--
  index.xsl - the site's index page (out/index.html): every packet, newest
  first, with its date, audience, summary and links to its HTML handout,
  its DocBook file and its figures. Input: the site tree of docs/tree.md.
  Param css: the text of style.css, inlined.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pb="urn:peerbrief:1"
    exclude-result-prefixes="pb">

  <xsl:output method="html" encoding="UTF-8"/>
  <xsl:param name="css" select="''"/>
  <xsl:param name="standalone" select="'yes'"/>
  <xsl:param name="figure-links" select="'no'"/>

  <xsl:template match="/pb:site">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="{pb:meta/pb:lang}">
      <head>
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="pb:meta/pb:title"/></title>
        <link rel="alternate" type="application/atom+xml" href="feed.xml"
              title="{pb:meta/pb:title}"/>
        <xsl:if test="string($css) != ''">
          <!-- as it is: CSS is not HTML-escaped inside <style> -->
          <style><xsl:value-of select="$css" disable-output-escaping="yes"/></style>
        </xsl:if>
      </head>
      <body>
        <header class="site">
          <p class="publisher"><xsl:value-of select="pb:meta/pb:publisher"/></p>
          <h1><xsl:value-of select="pb:meta/pb:title"/></h1>
        </header>
        <main>
          <xsl:if test="not(pb:entry)">
            <p>No packets yet.</p>
          </xsl:if>
          <xsl:apply-templates select="pb:entry"/>
        </main>
        <footer class="site">
          <p><a href="feed.xml">Atom feed</a></p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="pb:entry">
    <article class="entry" aria-labelledby="entry-{@id}">
      <h2 id="entry-{@id}">
        <a href="{@id}/index.html"><xsl:value-of select="pb:title"/></a>
      </h2>
      <p class="dateline">
        <time datetime="{@date}"><xsl:value-of select="@date-display"/></time>
        <xsl:if test="pb:audience">
          <xsl:text> · For </xsl:text>
          <xsl:value-of select="pb:audience"/>
        </xsl:if>
      </p>
      <xsl:if test="pb:summary">
        <p><xsl:value-of select="pb:summary"/></p>
      </xsl:if>
      <p class="formats">
        <a href="{@id}/index.html">Read the handout</a>
        <xsl:text> · </xsl:text>
        <a href="{@id}/{@id}.dbk">DocBook</a>
        <xsl:text> · </xsl:text>
        <a href="{@id}/figures.json">Figures (JSON)</a>
        <xsl:text> · </xsl:text>
        <a href="{@id}/figures.csv">Figures (CSV)</a>
      </p>
    </article>
  </xsl:template>
</xsl:stylesheet>
