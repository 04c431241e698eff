<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-references.xsl - citations and the References section of the HTML
  handout. Imported by html-packet.xsl.

  In a packet every pb:cite carries n (the work's number, in order of first
  citation) and anchor (the id of its entry); it shows as "[n]" or
  "[n, locator]", the number linking to the entry (inside a link's text,
  which HTML does not let nest, the number alone). The packet's
  pb:references lists each cited work once, in that order (docs/tree.md).

  Outside a packet (peerbrief convert) a citation has no number: it shows
  as the code span it was written as, exactly as cmark writes it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pb="urn:peerbrief:1"
    xmlns:cm="http://commonmark.org/xml/1.0"
    xmlns:db="http://docbook.org/ns/docbook"
    exclude-result-prefixes="pb cm db">

  <xsl:template match="pb:cite">
    <xsl:choose>
      <xsl:when test="@n">
        <xsl:variable name="w" select="/pb:packet/pb:references/pb:work[@n = current()/@n]"/>
        <span class="cite">
          <xsl:text>[</xsl:text>
          <xsl:choose>
            <xsl:when test="ancestor::cm:link | ancestor::db:link">
              <xsl:value-of select="@n"/>
            </xsl:when>
            <xsl:otherwise>
              <a href="#{@anchor}" title="{normalize-space($w/pb:title)}">
                <xsl:value-of select="@n"/>
              </a>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="normalize-space(@loc) != ''">
            <xsl:text>, </xsl:text>
            <xsl:value-of select="normalize-space(@loc)"/>
          </xsl:if>
          <xsl:text>]</xsl:text>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <code>
          <xsl:call-template name="ref-source"/>
        </code>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- In image descriptions (alt text): the words only. -->
  <xsl:template match="pb:cite" mode="cm-alt">
    <xsl:choose>
      <xsl:when test="@n">
        <xsl:text>[</xsl:text>
        <xsl:value-of select="@n"/>
        <xsl:if test="normalize-space(@loc) != ''">
          <xsl:text>, </xsl:text>
          <xsl:value-of select="normalize-space(@loc)"/>
        </xsl:if>
        <xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ref-source"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A citation as written: the code span's text (Markdown), else
       "@id" or "@id, locator". -->
  <xsl:template name="ref-source">
    <xsl:choose>
      <xsl:when test="string(.) != ''">
        <xsl:value-of select="."/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('@', @ref)"/>
        <xsl:if test="normalize-space(@loc) != ''">
          <xsl:value-of select="concat(', ', normalize-space(@loc))"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The References section: nothing when the packet cites nothing. -->
  <xsl:template name="pk-references">
    <xsl:if test="/pb:packet/pb:references/pb:work">
      <section id="references" aria-labelledby="references-title">
        <xsl:text>&#10;</xsl:text>
        <h2 id="references-title">References</h2>
        <xsl:text>&#10;</xsl:text>
        <ol class="references">
          <xsl:text>&#10;</xsl:text>
          <xsl:apply-templates select="/pb:packet/pb:references/pb:work"
              mode="ref-entry"/>
        </ol>
        <xsl:text>&#10;</xsl:text>
      </section>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- One work: authors. Title. Publisher, date. URL. Cited: locators. -->
  <xsl:template match="pb:work" mode="ref-entry">
    <li id="{@anchor}" value="{@n}">
      <xsl:for-each select="pb:author">
        <xsl:if test="position() &gt; 1">
          <xsl:choose>
            <xsl:when test="position() = last()"> and </xsl:when>
            <xsl:otherwise>, </xsl:otherwise>
          </xsl:choose>
        </xsl:if>
        <xsl:value-of select="normalize-space(.)"/>
      </xsl:for-each>
      <xsl:if test="pb:author">. </xsl:if>
      <cite>
        <xsl:value-of select="normalize-space(pb:title)"/>
      </cite>
      <xsl:text>.</xsl:text>
      <xsl:if test="pb:publisher or pb:date">
        <xsl:text> </xsl:text>
        <xsl:value-of select="normalize-space(pb:publisher)"/>
        <xsl:if test="pb:publisher and pb:date">, </xsl:if>
        <xsl:if test="pb:date">
          <xsl:call-template name="pb-date">
            <xsl:with-param name="date" select="normalize-space(pb:date/@value)"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:text>.</xsl:text>
      </xsl:if>
      <xsl:variable name="url">
        <xsl:call-template name="safe-url">
          <xsl:with-param name="url" select="normalize-space(pb:url)"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:if test="starts-with($url, 'http://') or starts-with($url, 'https://')">
        <xsl:text> </xsl:text>
        <a class="url" href="{$url}">
          <xsl:value-of select="$url"/>
        </a>
      </xsl:if>
      <xsl:if test="pb:locator">
        <span class="locators">
          <xsl:text> Cited: </xsl:text>
          <xsl:for-each select="pb:locator">
            <xsl:if test="position() &gt; 1">; </xsl:if>
            <xsl:value-of select="normalize-space(.)"/>
          </xsl:for-each>
          <xsl:text>.</xsl:text>
        </span>
      </xsl:if>
    </li>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
