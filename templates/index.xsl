<?xml version="1.0" encoding="UTF-8"?>
<!--
  index.xsl - the site's index page (out/index.html): the series' banner
  and introduction (peerbrief.xml's description), then every public
  packet, newest first, with its date, edition, audience, summary, tags
  and links to its HTML handout, its PDF (when built), its DocBook file
  and its figures; the footer names the publisher, the contact and the
  feed. It shares style.css, and the packets' banner and footer classes,
  with the packets. Input: the site tree of docs/tree.md.
  Params: css, the text of style.css, inlined; pdf, 'yes' when the build
  writes each packet's PDF.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pb="urn:peerbrief:1"
    exclude-result-prefixes="pb">

  <xsl:import href="numbers.xsl"/>

  <xsl:output method="html" encoding="UTF-8"/>
  <xsl:param name="css" select="''"/>
  <xsl:param name="standalone" select="'yes'"/>
  <xsl:param name="figure-links" select="'no'"/>
  <xsl:param name="pdf" select="'no'"/>

  <xsl:variable name="base" select="normalize-space(/pb:site/pb:meta/pb:base-url)"/>

  <!-- The packets the public site lists: every entry but an internal
       one (the same selection as feed.xsl and sitemap.xsl). -->
  <xsl:variable name="public-entries"
      select="/pb:site/pb:entry[not(@visibility = 'internal')]"/>

  <xsl:template match="/pb:site">
    <xsl:variable name="m" select="pb:meta"/>
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="{$m/pb:lang}">
      <xsl:text>&#10;</xsl:text>
      <head>
        <xsl:text>&#10;</xsl:text>
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <xsl:text>&#10;</xsl:text>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <xsl:text>&#10;</xsl:text>
        <title><xsl:value-of select="$m/pb:title"/></title>
        <xsl:text>&#10;</xsl:text>
        <xsl:if test="normalize-space($m/pb:description) != ''">
          <meta name="description" content="{normalize-space($m/pb:description)}"/>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
        <xsl:if test="normalize-space($m/pb:publisher) != ''">
          <meta name="author" content="{normalize-space($m/pb:publisher)}"/>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
        <link rel="icon" href="data:,"/>
        <xsl:text>&#10;</xsl:text>
        <xsl:if test="$base != ''">
          <link rel="canonical" href="{$base}"/>
          <xsl:text>&#10;</xsl:text>
          <meta property="og:type" content="website"/>
          <xsl:text>&#10;</xsl:text>
          <meta property="og:title" content="{normalize-space($m/pb:title)}"/>
          <xsl:text>&#10;</xsl:text>
          <xsl:if test="normalize-space($m/pb:description) != ''">
            <meta property="og:description"
                  content="{normalize-space($m/pb:description)}"/>
            <xsl:text>&#10;</xsl:text>
          </xsl:if>
          <meta property="og:url" content="{$base}"/>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
        <link rel="alternate" type="application/atom+xml" href="feed.xml"
              title="{$m/pb:title}"/>
        <xsl:text>&#10;</xsl:text>
        <xsl:if test="string($css) != ''">
          <!-- as it is: CSS is not HTML-escaped inside <style> -->
          <style><xsl:value-of select="$css" disable-output-escaping="yes"/></style>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
      </head>
      <xsl:text>&#10;</xsl:text>
      <body class="site">
        <xsl:text>&#10;</xsl:text>
        <header class="masthead">
          <p>
            <span class="series"><xsl:value-of select="$m/pb:title"/></span>
            <xsl:if test="normalize-space($m/pb:publisher) != ''">
              <xsl:text> · </xsl:text>
              <xsl:value-of select="normalize-space($m/pb:publisher)"/>
            </xsl:if>
          </p>
        </header>
        <xsl:text>&#10;</xsl:text>
        <main id="main">
          <xsl:text>&#10;</xsl:text>
          <h1><xsl:value-of select="$m/pb:title"/></h1>
          <xsl:text>&#10;</xsl:text>
          <xsl:if test="normalize-space($m/pb:description) != ''">
            <p class="intro"><xsl:value-of select="normalize-space($m/pb:description)"/></p>
            <xsl:text>&#10;</xsl:text>
          </xsl:if>
          <xsl:if test="not($public-entries)">
            <p>No packets yet.</p>
          </xsl:if>
          <xsl:apply-templates select="$public-entries"/>
        </main>
        <xsl:text>&#10;</xsl:text>
        <footer class="colophon">
          <p>
            <xsl:if test="normalize-space($m/pb:publisher) != ''">
              <xsl:text>Published by </xsl:text>
              <xsl:value-of select="normalize-space($m/pb:publisher)"/>
              <xsl:text>. </xsl:text>
            </xsl:if>
            <xsl:if test="normalize-space($m/pb:contact) != ''">
              <xsl:text>Contact: </xsl:text>
              <xsl:call-template name="contact-link">
                <xsl:with-param name="c" select="normalize-space($m/pb:contact)"/>
              </xsl:call-template>
              <xsl:text>. </xsl:text>
            </xsl:if>
            <a href="feed.xml">Atom feed</a>
          </p>
        </footer>
        <xsl:text>&#10;</xsl:text>
      </body>
      <xsl:text>&#10;</xsl:text>
    </html>
  </xsl:template>

  <!-- The contact as a link: mailto: for an e-mail address (the schema
       allows only an address or an http(s) URL). -->
  <xsl:template name="contact-link">
    <xsl:param name="c"/>
    <xsl:choose>
      <xsl:when test="starts-with($c, 'http://') or starts-with($c, 'https://')">
        <a href="{$c}"><xsl:value-of select="$c"/></a>
      </xsl:when>
      <xsl:otherwise>
        <a href="mailto:{$c}"><xsl:value-of select="$c"/></a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="pb:entry">
    <article class="entry" aria-labelledby="entry-{@id}">
      <xsl:text>&#10;</xsl:text>
      <h2 id="entry-{@id}">
        <a href="{@id}/index.html"><xsl:value-of select="pb:title"/></a>
      </h2>
      <xsl:text>&#10;</xsl:text>
      <p class="dateline">
        <time datetime="{@date}">
          <xsl:call-template name="pb-date">
            <xsl:with-param name="date" select="string(@date)"/>
          </xsl:call-template>
        </time>
        <xsl:if test="@edition and @edition != '1'">
          <xsl:value-of select="concat(' · Edition ', @edition)"/>
        </xsl:if>
        <xsl:if test="pb:audience">
          <xsl:text> · For: </xsl:text>
          <xsl:value-of select="pb:audience"/>
        </xsl:if>
      </p>
      <xsl:text>&#10;</xsl:text>
      <xsl:if test="pb:summary">
        <p><xsl:value-of select="pb:summary"/></p>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
      <xsl:if test="pb:tag">
        <ul class="tags" aria-label="Tags">
          <xsl:for-each select="pb:tag">
            <li><xsl:value-of select="."/></li>
          </xsl:for-each>
        </ul>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
      <ul class="formats" aria-label="{concat('Files of ', normalize-space(pb:title))}">
        <li><a href="{@id}/index.html">Read the handout</a></li>
        <xsl:if test="$pdf = 'yes'">
          <li><a href="{@id}/{@id}.pdf">PDF</a></li>
        </xsl:if>
        <li><a href="{@id}/{@id}.dbk">DocBook</a></li>
        <li><a href="{@id}/figures.json">Figures (JSON)</a></li>
        <li><a href="{@id}/figures.csv">Figures (CSV)</a></li>
      </ul>
      <xsl:text>&#10;</xsl:text>
    </article>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
