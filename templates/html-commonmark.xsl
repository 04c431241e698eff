<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-commonmark.xsl - HTML for a Markdown body (cm:document), imported by
  html.xsl.

  In a fragment (standalone = 'no') the result is the same HTML as cmark
  0.30.2's own renderer (src/html.c, default safe mode) gives for the same
  Markdown, up to serialization details:
    - tight lists: no <p> around the paragraphs of their items;
    - <ol start="N"> only when N is not 1;
    - fenced code: class="language-WORD", WORD being the info string up to
      its first whitespace;
    - images: alt is the plain text of the image's content (text and code
      literally, a space for each soft or hard line break);
    - a title attribute on links and images whenever the tree has one (cmark
      writes title="" for an explicitly empty title such as [a](/u ""));
    - soft break: a newline; hard break: <br /> and a newline.
  The newlines between blocks copy cmark's (its cr() function): each block
  ends with a newline, and a block opens with one when it is the first
  thing in a list item or follows the bare text of a tight paragraph.
  Raw HTML never reaches the tree, so nothing stands for it (cmark's safe
  mode writes a "raw HTML omitted" comment).

  In a whole document (standalone = 'yes') heading levels move down by one
  (h1 becomes h2 ... h6 stays h6), so the article's title is the only h1.

  Link and image destinations are copied as they are: the program has
  already made them safe and %-encoded them like cmark does (VOCAB.md).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:cm="http://commonmark.org/xml/1.0"
    xmlns:pb="urn:peerbrief:1"
    exclude-result-prefixes="cm pb">

  <!-- The document element has no HTML of its own. -->
  <xsl:template match="cm:document">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- cmark's cr(): a newline before a block unless the output already
       ends with one, which is the case except at the start of a list item
       and right after the unwrapped text of a tight paragraph. -->
  <xsl:template name="cm-cr">
    <xsl:if test="parent::cm:item
                  and (not(preceding-sibling::*)
                       or preceding-sibling::*[1][self::cm:paragraph]
                          [../../@tight = 'true'])">
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Blocks ===================================================== -->

  <xsl:template match="cm:block_quote">
    <xsl:call-template name="cm-cr"/>
    <blockquote>
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates/>
    </blockquote>
    <xsl:call-template name="nl"/>
  </xsl:template>

  <xsl:template match="cm:list[@type = 'ordered']">
    <xsl:call-template name="cm-cr"/>
    <ol>
      <xsl:if test="@start and number(@start) != 1">
        <xsl:attribute name="start">
          <xsl:value-of select="@start"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates/>
    </ol>
    <xsl:call-template name="nl"/>
  </xsl:template>

  <xsl:template match="cm:list">
    <xsl:call-template name="cm-cr"/>
    <ul>
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates/>
    </ul>
    <xsl:call-template name="nl"/>
  </xsl:template>

  <xsl:template match="cm:item">
    <li>
      <xsl:apply-templates/>
    </li>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A paragraph in an item of a tight list is its bare inline content. -->
  <xsl:template match="cm:paragraph">
    <xsl:choose>
      <xsl:when test="not(parent::cm:item)">
        <!-- the commonest block: cm-cr and nl without calling them -->
        <p>
          <xsl:apply-templates/>
        </p>
        <xsl:if test="$standalone = 'yes' or not(parent::cm:document)">
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
      </xsl:when>
      <xsl:when test="../../@tight = 'true'">
        <xsl:apply-templates/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="cm-cr"/>
        <p>
          <xsl:apply-templates/>
        </p>
        <xsl:call-template name="nl"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="cm:heading">
    <xsl:variable name="level">
      <xsl:choose>
        <xsl:when test="$standalone = 'yes' and @level &lt; 6">
          <xsl:value-of select="@level + 1"/>
        </xsl:when>
        <xsl:when test="$standalone = 'yes'">6</xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="@level"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="cm-cr"/>
    <xsl:element name="h{$level}">
      <xsl:apply-templates/>
    </xsl:element>
    <xsl:call-template name="nl"/>
  </xsl:template>

  <!-- Only the first word of the info string names the language; cmark
       splits at space, tab, newline, vertical tab, form feed or CR (the
       last three cannot occur in an info string that reached XML). -->
  <xsl:template match="cm:code_block">
    <xsl:variable name="lang"
        select="substring-before(concat(translate(@info, '&#9;&#10;&#13;',
                                                  '   '), ' '), ' ')"/>
    <xsl:call-template name="cm-cr"/>
    <pre><code>
      <xsl:if test="$lang != ''">
        <xsl:attribute name="class">
          <xsl:value-of select="concat('language-', $lang)"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:value-of select="."/>
    </code></pre>
    <xsl:call-template name="nl"/>
  </xsl:template>

  <xsl:template match="cm:thematic_break">
    <xsl:call-template name="cm-cr"/>
    <hr/>
    <xsl:call-template name="nl"/>
  </xsl:template>

  <!-- Inlines ==================================================== -->

  <!-- cm:text: its text, as XSLT's built-in rule copies it (a template
       of its own costs a template call for each of the commonest
       elements). -->

  <xsl:template match="cm:softbreak">
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="cm:linebreak">
    <br/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="cm:code">
    <code>
      <xsl:value-of select="."/>
    </code>
  </xsl:template>

  <xsl:template match="cm:emph">
    <em>
      <xsl:apply-templates/>
    </em>
  </xsl:template>

  <xsl:template match="cm:strong">
    <strong>
      <xsl:apply-templates/>
    </strong>
  </xsl:template>

  <xsl:template match="cm:link">
    <a href="{@destination}">
      <xsl:if test="@title">
        <xsl:attribute name="title">
          <xsl:value-of select="@title"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </a>
  </xsl:template>

  <xsl:template match="cm:image">
    <img src="{@destination}">
      <xsl:attribute name="alt">
        <xsl:apply-templates mode="cm-alt"/>
      </xsl:attribute>
      <xsl:if test="@title">
        <xsl:attribute name="title">
          <xsl:value-of select="@title"/>
        </xsl:attribute>
      </xsl:if>
    </img>
  </xsl:template>

  <!-- Alt text: cmark's "plain" rendering of the image's content. -->
  <xsl:template match="cm:text | cm:code" mode="cm-alt">
    <xsl:value-of select="."/>
  </xsl:template>
  <xsl:template match="cm:softbreak | cm:linebreak" mode="cm-alt">
    <xsl:text> </xsl:text>
  </xsl:template>
  <xsl:template match="pb:value" mode="cm-alt">
    <xsl:call-template name="pb-display"/>
  </xsl:template>
  <xsl:template match="*" mode="cm-alt">
    <xsl:apply-templates mode="cm-alt"/>
  </xsl:template>
  <xsl:template match="text()" mode="cm-alt"/>

</xsl:stylesheet>
