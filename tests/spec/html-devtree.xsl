<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-devtree.xsl - development helper for templates/html.xsl.

  Turns the output of `cmark -t xml [sourcepos]` into the document tree of
  VOCAB.md (docs/tree.md), roughly as `peerbrief convert` builds it, so the
  HTML stylesheet can be compared with cmark's own HTML renderer before (or
  without) the C program:
    - the cm:document is wrapped in pb:position with a minimal pb:meta;
    - html_block, html_inline, custom_block and custom_inline are dropped;
    - xml:space attributes and cmark's indentation whitespace are dropped;
    - link and image destinations are emptied when unsafe and otherwise
      percent-encoded like cmark's houdini_escape_href (src/url.c does the
      same in the program): the characters A-Z a-z 0-9 - _ . + ! * ' ( ) ,
      % # @ ? = ; : / & $ ~ stay, every other byte becomes %XX (upper-case
      hex, UTF-8 bytes for non-ASCII characters).

  Run: cmark -t xml FILE | xsltproc (options nonet, novalid) html-devtree.xsl -
  (cmark's XML names a DTD that does not exist: never load it.)
  Parameters: title (default ""), lang (default "en").
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:cm="http://commonmark.org/xml/1.0"
    xmlns:pb="urn:peerbrief:1"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="str"
    exclude-result-prefixes="str">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- cmark indents its XML; in these elements whitespace-only text is
       indentation only (text, code and code_block keep theirs). -->
  <xsl:strip-space elements="cm:document cm:block_quote cm:list cm:item
      cm:paragraph cm:heading cm:thematic_break cm:emph cm:strong cm:link
      cm:image cm:softbreak cm:linebreak cm:html_block cm:html_inline
      cm:custom_block cm:custom_inline"/>

  <xsl:param name="title" select="''"/>
  <xsl:param name="lang" select="'en'"/>

  <!-- Characters houdini_escape_href (cmark 0.30.2) leaves as they are. -->
  <xsl:variable name="href-safe"
      select="concat('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
                     &quot;0123456789-_.+!*'(),%#@?=;:/&amp;$~&quot;)"/>

  <xsl:template match="/">
    <pb:position id="example" source="example.md">
      <pb:meta>
        <pb:title><xsl:value-of select="$title"/></pb:title>
        <pb:lang><xsl:value-of select="$lang"/></pb:lang>
      </pb:meta>
      <xsl:apply-templates select="cm:document"/>
    </pb:position>
  </xsl:template>

  <!-- Every other cmark element is copied with its attributes. -->
  <xsl:template match="cm:*">
    <xsl:element name="cm:{local-name()}"
                 namespace="http://commonmark.org/xml/1.0">
      <xsl:copy-of select="@*[not(name() = 'xml:space')]"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="cm:link | cm:image">
    <xsl:element name="cm:{local-name()}"
                 namespace="http://commonmark.org/xml/1.0">
      <xsl:copy-of select="@*[not(name() = 'xml:space')
                              and not(name() = 'destination')]"/>
      <xsl:attribute name="destination">
        <xsl:call-template name="unsafe-or-escape">
          <xsl:with-param name="url" select="@destination"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Raw HTML never reaches the tree. -->
  <xsl:template match="cm:html_block | cm:html_inline
                       | cm:custom_block | cm:custom_inline"/>

  <!-- "" for a javascript:, vbscript:, file: or data: URL (data:image/png,
       gif, jpeg and webp excepted; case-insensitive, after leading
       whitespace, like src/url.c), else the escaped URL. -->
  <xsl:template name="unsafe-or-escape">
    <xsl:param name="url"/>
    <xsl:variable name="lc" select="translate(normalize-space($url),
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
        <xsl:call-template name="escape-href">
          <xsl:with-param name="s" select="$url"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Copies the longest run of safe characters, %-encodes the next one. -->
  <xsl:template name="escape-href">
    <xsl:param name="s"/>
    <xsl:variable name="bad" select="substring(translate($s, $href-safe, ''), 1, 1)"/>
    <xsl:choose>
      <xsl:when test="$bad = ''">
        <xsl:value-of select="$s"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="substring-before($s, $bad)"/>
        <xsl:value-of select="str:encode-uri($bad, true())"/>
        <xsl:call-template name="escape-href">
          <xsl:with-param name="s" select="substring-after($s, $bad)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
