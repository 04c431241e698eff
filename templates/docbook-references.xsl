<?xml version="1.0" encoding="UTF-8"?>
<!--
  docbook-references.xsl - citations and the bibliography of the DocBook
  book. Included by docbook-packet.xsl (so it serves positions too).

  In a packet a pb:cite (numbered by the program, docs/tree.md) becomes
  <biblioref linkend="ref-ID"/>, which DocBook XSL shows as "[n]" (the
  entry's abbrev), followed by ", locator" when one was given; inside a
  link's text, where a biblioref would be a link in a link, it is the
  words "[n, locator]" in a phrase role="cite". The
  packet's pb:references become one <bibliography xml:id="references">
  whose biblioentry ids are the anchors the citations link to, each with
  abbrev n, title, authors, publisher, pubdate, the URL as a link and the
  locators cited in a bibliomisc.

  Outside a packet (peerbrief convert) a citation shows as the literal
  text it was written as.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:pb="urn:peerbrief:1"
    xmlns:cm="http://commonmark.org/xml/1.0"
    xmlns:db="http://docbook.org/ns/docbook"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    exclude-result-prefixes="pb cm db">

  <xsl:template match="pb:cite" mode="pb-db">
    <xsl:call-template name="pb-dbr-cite"/>
  </xsl:template>

  <xsl:template match="pb:cite" mode="pb-db-copy">
    <xsl:call-template name="pb-dbr-cite"/>
  </xsl:template>

  <xsl:template match="pb:cite" mode="pb-db-alt">
    <xsl:choose>
      <xsl:when test="@n">
        <xsl:value-of select="concat('[', @n)"/>
        <xsl:if test="normalize-space(@loc) != ''">
          <xsl:value-of select="concat(', ', normalize-space(@loc))"/>
        </xsl:if>
        <xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pb-dbr-source"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="pb-dbr-cite">
    <xsl:choose>
      <xsl:when test="@n and (ancestor::cm:link | ancestor::db:link)">
        <phrase role="cite"><xsl:apply-templates select="." mode="pb-db-alt"/></phrase>
      </xsl:when>
      <xsl:when test="@n and /pb:packet/pb:references/pb:work[@anchor = current()/@anchor]">
        <biblioref linkend="{@anchor}"/>
        <xsl:if test="normalize-space(@loc) != ''">
          <xsl:value-of select="concat(', ', normalize-space(@loc))"/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <literal><xsl:call-template name="pb-dbr-source"/></literal>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A citation as written: the code span's text, else "@id, locator". -->
  <xsl:template name="pb-dbr-source">
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

  <!-- The bibliography: nothing when the packet cites nothing. -->
  <xsl:template name="pb-dbr-bibliography">
    <xsl:if test="/pb:packet/pb:references/pb:work">
      <bibliography xml:id="references">
        <title>References</title>
        <xsl:apply-templates select="/pb:packet/pb:references/pb:work"
            mode="pb-dbr"/>
      </bibliography>
    </xsl:if>
  </xsl:template>

  <xsl:template match="pb:work" mode="pb-dbr">
    <biblioentry xreflabel="{@n}">
      <xsl:attribute name="xml:id"><xsl:value-of select="@anchor"/></xsl:attribute>
      <abbrev><xsl:value-of select="@n"/></abbrev>
      <xsl:for-each select="pb:author">
        <author><personname><xsl:value-of select="normalize-space(.)"/></personname></author>
      </xsl:for-each>
      <title><xsl:value-of select="normalize-space(pb:title)"/></title>
      <xsl:for-each select="pb:publisher">
        <publisher>
          <publishername><xsl:value-of select="normalize-space(.)"/></publishername>
        </publisher>
      </xsl:for-each>
      <xsl:for-each select="pb:date">
        <pubdate><xsl:value-of select="normalize-space(@value)"/></pubdate>
      </xsl:for-each>
      <xsl:for-each select="pb:url[starts-with(normalize-space(), 'http://')
                                   or starts-with(normalize-space(), 'https://')]">
        <bibliomisc role="url">
          <link xlink:href="{normalize-space(.)}"><xsl:value-of select="normalize-space(.)"/></link>
        </bibliomisc>
      </xsl:for-each>
      <xsl:if test="pb:locator">
        <bibliomisc role="locators">
          <xsl:text>Cited: </xsl:text>
          <xsl:for-each select="pb:locator">
            <xsl:if test="position() &gt; 1">; </xsl:if>
            <xsl:value-of select="normalize-space(.)"/>
          </xsl:for-each>
          <xsl:text>.</xsl:text>
        </bibliomisc>
      </xsl:if>
    </biblioentry>
  </xsl:template>

</xsl:stylesheet>
