<?xml version="1.0" encoding="UTF-8"?>
<!--
  html.xsl - a position (pb:position, see docs/tree.md) as HTML; a briefing
  packet (pb:packet) is handed to html-packet.xsl.

  Parameters (strings):
    standalone    'no' (default): an HTML fragment, the body only. For a
                  Markdown body it is the HTML cmark itself would write
                  (see html-commonmark.xsl).
                  'yes': a whole HTML5 document: head with the title and
                  the inline style sheet, then <main><article> with a header
                  (title, subtitle, authors, date) and the body.
    css           the text of style.css, put in a <style> element as it is
                  (no <style> when empty). It is written unescaped (an HTML
                  parser reads a style element's text raw, so "p > a" must
                  not become "p &gt; a"); it must never contain "</style".
    figure-links  'yes': an injected figure value links to its entry in the
                  appendix; 'no' (default): plain text in a span.
    pdf           'yes': the build also writes the packet's PDF (the build's
                  pdf option), so the packet's page links to it; 'no'
                  (default).
    slot          set by the program, new for each build: a part that
                  packets share but for a few words (a table a position
                  places, with that position's ids) is rendered once with
                  it and a digit in place of each word (pk-memo in
                  html-packet.xsl). '' (default): such a part is rendered
                  in place.

  The page shell of a packet is here too: html-packet.xsl's
  packet-document calls page-head (canonical link, Open Graph, icon, the
  printed page's running heads and feet) and page-nav (the way back to
  the index and to the packet's other files).

  The program serializes the result itself (XML syntax: <br />, <hr />), so
  the output method below matters only to xsltproc users.
  To restyle, override templates in a stylesheet that imports this one.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pb="urn:peerbrief:1"
    xmlns:cm="http://commonmark.org/xml/1.0"
    xmlns:db="http://docbook.org/ns/docbook"
    exclude-result-prefixes="pb cm db">

  <!-- first, lowest: the wording of dates, shared with DocBook -->
  <xsl:import href="numbers.xsl"/>
  <xsl:import href="html-commonmark.xsl"/>
  <xsl:import href="html-docbook.xsl"/>
  <!-- last: its templates for content inside a packet take precedence -->
  <xsl:import href="html-packet.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:strip-space elements="pb:position pb:meta"/>

  <xsl:param name="standalone" select="'no'"/>
  <xsl:param name="css" select="''"/>
  <xsl:param name="figure-links" select="'no'"/>
  <xsl:param name="pdf" select="'no'"/>
  <xsl:param name="slot" select="''"/>

  <xsl:variable name="meta" select="/pb:position/pb:meta"/>

  <!-- The title: pb:meta's, else the DocBook article's, else "Untitled". -->
  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="normalize-space($meta/pb:title) != ''">
        <xsl:value-of select="normalize-space($meta/pb:title)"/>
      </xsl:when>
      <xsl:when test="normalize-space(/pb:position/db:article/db:info/db:title
                                      | /pb:position/db:article/db:title) != ''">
        <xsl:value-of select="normalize-space(
            (/pb:position/db:article/db:info/db:title
             | /pb:position/db:article/db:title)[1])"/>
      </xsl:when>
      <xsl:otherwise>Untitled</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="lang">
    <xsl:choose>
      <xsl:when test="normalize-space($meta/pb:lang) != ''">
        <xsl:value-of select="normalize-space($meta/pb:lang)"/>
      </xsl:when>
      <xsl:otherwise>en</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- Entry: a packet, or a position as a fragment or a whole document. -->
  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="pb:packet and $standalone = 'yes'">
        <xsl:call-template name="packet-document"/>
      </xsl:when>
      <xsl:when test="pb:packet">
        <xsl:call-template name="packet-main"/>
      </xsl:when>
      <xsl:when test="$standalone = 'yes'">
        <xsl:call-template name="document"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="body"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The body of the position, whichever kind it is. -->
  <xsl:template name="body">
    <xsl:apply-templates select="/pb:position/*[not(self::pb:meta)]"/>
  </xsl:template>

  <!-- A whole HTML5 document =================================== -->

  <xsl:template name="document">
    <!-- (the serializer ends each top-level node with a newline) -->
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;</xsl:text>
    <html lang="{$lang}">
      <xsl:text>&#10;</xsl:text>
      <head>
        <xsl:text>&#10;</xsl:text>
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <xsl:text>&#10;</xsl:text>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <xsl:text>&#10;</xsl:text>
        <title>
          <xsl:value-of select="$title"/>
        </title>
        <xsl:text>&#10;</xsl:text>
        <xsl:if test="$meta/pb:author">
          <meta name="author">
            <xsl:attribute name="content">
              <xsl:for-each select="$meta/pb:author">
                <xsl:if test="position() &gt; 1">, </xsl:if>
                <xsl:value-of select="normalize-space(.)"/>
              </xsl:for-each>
            </xsl:attribute>
          </meta>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
        <xsl:if test="normalize-space($meta/pb:summary) != ''">
          <meta name="description"
                content="{normalize-space($meta/pb:summary)}"/>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
        <xsl:if test="$meta/pb:tag">
          <meta name="keywords">
            <xsl:attribute name="content">
              <xsl:for-each select="$meta/pb:tag">
                <xsl:if test="position() &gt; 1">, </xsl:if>
                <xsl:value-of select="normalize-space(.)"/>
              </xsl:for-each>
            </xsl:attribute>
          </meta>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
        <xsl:if test="$css != ''">
          <style>
            <xsl:text>&#10;</xsl:text>
            <xsl:value-of select="$css" disable-output-escaping="yes"/>
          </style>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
      </head>
      <xsl:text>&#10;</xsl:text>
      <body>
        <xsl:text>&#10;</xsl:text>
        <main>
          <xsl:text>&#10;</xsl:text>
          <article>
            <xsl:text>&#10;</xsl:text>
            <xsl:call-template name="article-header"/>
            <xsl:call-template name="body"/>
          </article>
          <xsl:text>&#10;</xsl:text>
        </main>
        <xsl:text>&#10;</xsl:text>
      </body>
      <xsl:text>&#10;</xsl:text>
    </html>
  </xsl:template>

  <!-- Title, subtitle, authors and date above the body. -->
  <xsl:template name="article-header">
    <header>
      <xsl:text>&#10;</xsl:text>
      <h1>
        <xsl:value-of select="$title"/>
      </h1>
      <xsl:text>&#10;</xsl:text>
      <xsl:if test="normalize-space($meta/pb:subtitle) != ''">
        <p class="subtitle">
          <xsl:value-of select="normalize-space($meta/pb:subtitle)"/>
        </p>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
      <xsl:if test="$meta/pb:author">
        <p class="authors">
          <xsl:for-each select="$meta/pb:author">
            <xsl:choose>
              <xsl:when test="position() = 1"/>
              <xsl:when test="position() = last()"> and </xsl:when>
              <xsl:otherwise>, </xsl:otherwise>
            </xsl:choose>
            <xsl:value-of select="normalize-space(.)"/>
          </xsl:for-each>
        </p>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
      <xsl:if test="normalize-space($meta/pb:date) != ''">
        <p class="date">
          <time datetime="{normalize-space($meta/pb:date)}">
            <xsl:call-template name="pb-date">
              <xsl:with-param name="date" select="normalize-space($meta/pb:date)"/>
            </xsl:call-template>
          </time>
        </p>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
    </header>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- The newline that ends a block, as cmark writes it. libxml2's XHTML
       serializer already ends every top-level node with one, so a block
       at the top of a fragment gets none from here. -->
  <xsl:template name="nl">
    <xsl:if test="$standalone = 'yes'
                  or not(parent::cm:document or parent::db:article)">
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Injected content (build only) ============================= -->

  <!-- A computed figure, where a code span (Markdown) or pb:value (XML)
       asked for it; inside a link's text it is no link of its own (HTML
       does not nest links). -->
  <xsl:template match="pb:value">
    <xsl:choose>
      <xsl:when test="$figure-links = 'yes'
                      and not(ancestor::cm:link | ancestor::db:link)">
        <a class="figure" href="#{@anchor}">
          <xsl:call-template name="prose-display"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="figure">
          <xsl:call-template name="prose-display"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A figure (the context) as running text shows it: its display, the
       figure as computed ("86.2%", as the tables and the appendix show
       it), except that an amount of money shows its cents when another
       amount in the same paragraph, list item, heading or table cell has
       cents, so that one sentence never mixes "$31,296,764" with
       "$4,324,392.50". -->
  <xsl:template name="prose-display">
    <xsl:choose>
      <xsl:when test="@unit = 'usd'">
        <xsl:variable name="block" select="ancestor::*[self::cm:paragraph
            or self::cm:heading or self::db:para or self::db:simpara
            or self::db:title or self::db:td or self::db:th
            or self::db:entry][1]"/>
        <xsl:call-template name="money-display">
          <xsl:with-param name="cents"
              select="boolean($block/descendant::pb:value[@unit = 'usd']
                      [substring-after(@value, '.') != '00'])"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pb-display"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An amount of money (the context, a pb:value or pb:figure of unit
       usd) as its display, with its cents on whole dollars too when CENTS
       ("$31,296,764.00"). -->
  <xsl:template name="money-display">
    <xsl:param name="cents" select="false()"/>
    <xsl:call-template name="pb-display">
      <xsl:with-param name="with-cents" select="$cents"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A block directive (funding, practices, ... tables): see
       html-packet.xsl, which renders it inside a packet and leaves it out
       anywhere else. -->

  <!-- The page shell of a packet ================================ -->

  <!-- The packet's own absolute URL (base-url + ID + "/"), or "" when the
       project has no base-url. The build has added base-url's trailing
       slash. -->
  <xsl:variable name="page-url">
    <xsl:if test="normalize-space(/pb:packet/pb:meta/pb:base-url) != ''">
      <xsl:value-of select="concat(normalize-space(/pb:packet/pb:meta/pb:base-url),
                                   /pb:packet/@id, '/')"/>
    </xsl:if>
  </xsl:variable>

  <!-- What a packet's head adds to the title, description and author of
       html-packet.xsl: the canonical URL and Open Graph (only with a
       base-url, since both must be absolute, and not for an internal
       packet), an empty icon so that no
       browser asks the server for /favicon.ico, and the print furniture. -->
  <xsl:template name="page-head">
    <xsl:variable name="m" select="/pb:packet/pb:meta"/>
    <link rel="icon" href="data:,"/>
    <xsl:text>&#10;</xsl:text>
    <!-- an internal packet is not for search engines or link previews -->
    <xsl:if test="$page-url != '' and not(/pb:packet/@visibility = 'internal')">
      <link rel="canonical" href="{$page-url}"/>
      <xsl:text>&#10;</xsl:text>
      <meta property="og:type" content="article"/>
      <xsl:text>&#10;</xsl:text>
      <meta property="og:title" content="{normalize-space($m/pb:title)}"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:if test="normalize-space($m/pb:summary) != ''">
        <meta property="og:description"
              content="{normalize-space($m/pb:summary)}"/>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
      <meta property="og:url" content="{$page-url}"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:if test="normalize-space($m/pb:project) != ''">
        <meta property="og:site_name" content="{normalize-space($m/pb:project)}"/>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
    </xsl:if>
    <xsl:call-template name="page-print-style"/>
  </xsl:template>

  <!-- The running heads and feet of the printed packet, as CSS page
       margin boxes (style.css sets their type and the page size). Every
       page but the first: the title at the top left, edition and date at
       the top right; the URL at the bottom left, "N of M" in the middle,
       the contact at the bottom right. The first page names publisher,
       date and edition at its foot. The texts are the packet's, so they
       are written here rather than in style.css. -->
  <xsl:template name="page-print-style">
    <xsl:variable name="m" select="/pb:packet/pb:meta"/>
    <xsl:variable name="edition">
      <xsl:text>Edition </xsl:text>
      <xsl:choose>
        <xsl:when test="normalize-space($m/pb:edition) != ''">
          <xsl:value-of select="normalize-space($m/pb:edition)"/>
        </xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="dated">
      <xsl:value-of select="$edition"/>
      <xsl:if test="normalize-space($m/pb:date) != ''">
        <xsl:text>, </xsl:text>
        <xsl:call-template name="pb-date">
          <xsl:with-param name="date" select="normalize-space($m/pb:date)"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="first">
      <xsl:if test="normalize-space($m/pb:publisher) != ''">
        <xsl:value-of select="concat('Published by ',
                                     normalize-space($m/pb:publisher), ' · ')"/>
      </xsl:if>
      <xsl:value-of select="$dated"/>
    </xsl:variable>
    <style>
      <xsl:text>&#10;@page {&#10;  @top-left { content: </xsl:text>
      <xsl:call-template name="css-string">
        <xsl:with-param name="s" select="normalize-space($m/pb:title)"/>
      </xsl:call-template>
      <xsl:text>; }&#10;  @top-right { content: </xsl:text>
      <xsl:call-template name="css-string">
        <xsl:with-param name="s" select="$dated"/>
      </xsl:call-template>
      <xsl:text>; }&#10;  @bottom-left { content: </xsl:text>
      <xsl:call-template name="css-string">
        <xsl:with-param name="s" select="$page-url"/>
      </xsl:call-template>
      <xsl:text>; }&#10;  @bottom-center { content: counter(page) " of " counter(pages); }&#10;</xsl:text>
      <xsl:text>  @bottom-right { content: </xsl:text>
      <xsl:call-template name="css-string">
        <xsl:with-param name="s" select="normalize-space($m/pb:contact)"/>
      </xsl:call-template>
      <xsl:text>; }&#10;}&#10;@page :first {&#10;</xsl:text>
      <xsl:text>  @top-left { content: none; }&#10;  @top-right { content: none; }&#10;</xsl:text>
      <xsl:text>  @bottom-center { content: none; }&#10;  @bottom-right { content: none; }&#10;</xsl:text>
      <xsl:text>  @bottom-left { content: </xsl:text>
      <xsl:call-template name="css-string">
        <xsl:with-param name="s" select="$first"/>
      </xsl:call-template>
      <xsl:text>; }&#10;}&#10;</xsl:text>
    </style>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- s as a CSS string in double quotes. Backslash and quote are
       escaped, and so are less-than, greater-than and ampersand (as CSS
       hex escapes), which the serializer would otherwise write as
       entities that a browser reads literally inside a style element,
       and which could end the element. -->
  <xsl:template name="css-string">
    <xsl:param name="s"/>
    <xsl:text>"</xsl:text>
    <xsl:call-template name="css-escape">
      <xsl:with-param name="s" select="$s"/>
    </xsl:call-template>
    <xsl:text>"</xsl:text>
  </xsl:template>

  <xsl:template name="css-escape">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="$s = ''"/>
      <xsl:when test="translate($s, '\&quot;&lt;&gt;&amp;', '') = $s">
        <xsl:value-of select="$s"/>
      </xsl:when>
      <xsl:when test="string-length($s) = 1">
        <xsl:choose>
          <xsl:when test="$s = '\'">\\</xsl:when>
          <xsl:when test="$s = '&quot;'">\"</xsl:when>
          <xsl:when test="$s = '&lt;'">\3c </xsl:when>
          <xsl:when test="$s = '&gt;'">\3e </xsl:when>
          <xsl:otherwise>\26 </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <!-- halves: the depth of the recursion is the logarithm of the
           length (libxslt limits it), not the length -->
      <xsl:otherwise>
        <xsl:variable name="m" select="floor(string-length($s) div 2)"/>
        <xsl:call-template name="css-escape">
          <xsl:with-param name="s" select="substring($s, 1, $m)"/>
        </xsl:call-template>
        <xsl:call-template name="css-escape">
          <xsl:with-param name="s" select="substring($s, $m + 1)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The way back to the index and to the packet's other files (on
       screen only: style.css hides it in print, where the links would
       point nowhere). -->
  <xsl:template name="page-nav">
    <xsl:variable name="id" select="/pb:packet/@id"/>
    <nav class="files" aria-label="This packet">
      <ul>
        <li><a href="../index.html">All packets</a></li>
        <xsl:if test="$pdf = 'yes'">
          <li><a href="{$id}.pdf">PDF</a></li>
        </xsl:if>
        <li><a href="{$id}.dbk">DocBook</a></li>
        <li><a href="figures.json">Figures (JSON)</a></li>
        <li><a href="figures.csv">Figures (CSV)</a></li>
      </ul>
    </nav>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- URL safety, a second line of defence behind src/url.c (which has
       already emptied unsafe URLs in the tree): "" for javascript:,
       vbscript:, file: and data: other than data:image/png|gif|jpeg|webp,
       compared without case, with tabs and line breaks removed and
       leading whitespace skipped, as browsers read a URL. -->
  <xsl:template name="safe-url">
    <xsl:param name="url"/>
    <xsl:variable name="lc" select="translate(normalize-space(translate($url,
        '&#9;&#10;&#13;', '')),
        'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:choose>
      <xsl:when test="starts-with($lc, 'javascript:')
                      or starts-with($lc, 'vbscript:')
                      or starts-with($lc, 'file:')
                      or (starts-with($lc, 'data:')
                          and not(starts-with($lc, 'data:image/png')
                                  or starts-with($lc, 'data:image/gif')
                                  or starts-with($lc, 'data:image/jpeg')
                                  or starts-with($lc, 'data:image/webp')))"/>
      <xsl:otherwise>
        <xsl:value-of select="$url"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
