<?xml version="1.0" encoding="UTF-8"?>
<!--
  cmxml2tree.xsl - test helper: turns the XML of cmark's XML output (cmark -t xml, with sourcepos)
  into the tree the stylesheets of templates/ receive (VOCAB.md / docs/tree.md):
  the cmark document wrapped in pb:position with a pb:meta, html_block and
  html_inline (and custom_*) dropped, xml:space attributes and indentation
  whitespace gone.  Link and image destinations must already be escaped the
  way peerbrief does it (mktree.sh does that before this stylesheet runs).

  Parameters: title (default "Example"), lang (default "en"), id.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:cm="http://commonmark.org/xml/1.0"
    xmlns:pb="urn:peerbrief:1"
    exclude-result-prefixes="cm">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <!-- Indentation goes.  libxslt does not honour xml:space="preserve" here,
       so the elements whose text matters (text, code, code_block) are not
       listed: all their text is content. -->
  <xsl:strip-space elements="cm:document cm:block_quote cm:list cm:item
      cm:paragraph cm:heading cm:thematic_break cm:emph cm:strong cm:link
      cm:image cm:html_block cm:html_inline cm:custom_block cm:custom_inline
      cm:softbreak cm:linebreak"/>

  <xsl:param name="title" select="'Example'"/>
  <xsl:param name="lang" select="'en'"/>
  <xsl:param name="id" select="'example'"/>

  <xsl:template match="/">
    <pb:position id="{$id}" source="input/positions/{$id}.md">
      <pb:meta>
        <pb:title><xsl:value-of select="$title"/></pb:title>
        <pb:lang><xsl:value-of select="$lang"/></pb:lang>
      </pb:meta>
      <xsl:apply-templates select="cm:document"/>
    </pb:position>
  </xsl:template>

  <!-- Every cmark element is kept, with its attributes but xml:space. -->
  <xsl:template match="cm:*">
    <xsl:element name="cm:{local-name()}"
                 namespace="http://commonmark.org/xml/1.0">
      <xsl:copy-of select="@*[not(name() = 'xml:space')]"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Raw HTML never reaches the tree. -->
  <xsl:template match="cm:html_block | cm:html_inline
                       | cm:custom_block | cm:custom_inline"/>
</xsl:stylesheet>
