<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-docbook.xsl - HTML for an XML position body (db:article), imported by
  html.xsl.

  Covers the DocBook 5 subset of VOCAB.md and a few common neighbours:
    article          its content (the title is shown by html.xsl's header)
    section, sectN,  <section> with a heading by depth: h2 for a top-level
    simplesect       section, h3 inside it ... h6 at most
    para, simpara    <p>  (bare content inside a compact list's item)
    formalpara       <p> opening with its title in <strong>
    itemizedlist     <ul>;  orderedlist <ol> (startingnumber, numeration)
    listitem         <li>
    variablelist     <dl> with <dt> per term and <dd> per listitem
    blockquote       <blockquote>, attribution in a <footer>
    note, tip, ...   <aside class="note"> (etc.) with a title line
    informaltable,   <table> (title as <caption>), in either table model:
    table              HTML (tr/th/td) or CALS (tgroup/row/entry, with
                       namest/nameend as colspan and morerows as rowspan)
    programlisting,  <pre><code> (language as class="language-X")
    screen, literallayout
    emphasis         <em>, or <strong> for role="strong" or "bold"
    link             <a href> from xlink:href, or "#ID" from linkend
    xref             <a href="#ID"> named by the target's title
    literal, code,   <code>
    filename, ...
    quote            <q>;  superscript/subscript <sup>/<sub>
    imagedata        <img> (alt from the media object's textobject)
  An xml:id becomes an id (in a packet pos-ID.XMLID). Anything else keeps its content and loses its
  markup; indexterm, remark and the like are dropped.
  URLs with an unsafe scheme (see "safe-url" in html.xsl) lose the URL.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:db="http://docbook.org/ns/docbook"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:pb="urn:peerbrief:1"
    exclude-result-prefixes="db xlink pb">

  <!-- Whitespace between blocks is layout, not content. Elements with
       inline (mixed) content are not listed: their spaces matter. -->
  <xsl:strip-space elements="db:article db:section db:sect1 db:sect2 db:sect3
      db:sect4 db:sect5 db:simplesect db:info db:itemizedlist db:orderedlist
      db:listitem db:variablelist db:varlistentry db:blockquote
      db:informaltable db:table db:tgroup db:thead db:tbody db:tfoot db:row
      db:tr db:colgroup db:note db:tip db:warning db:caution db:important
      db:sidebar db:figure db:informalfigure db:example db:mediaobject
      db:inlinemediaobject db:imageobject db:textobject db:formalpara"/>

  <!-- The heading level of a section: its depth plus one, at most 6. -->
  <xsl:variable name="db-sections"
      select="'|section|sect1|sect2|sect3|sect4|sect5|simplesect|'"/>

  <!-- An id attribute from xml:id, when there is one. In a packet it is
       renamed pos-ID.XMLID (ID the position's): the packet's own ids
       (pos-ID, pos-ID_KIND-N, fig-NAME, ref-ID, highlights, ...) hold no
       dot after pos-, so an author's id can clash with none of them, nor
       with another position's. -->
  <xsl:template name="db-id">
    <xsl:if test="@xml:id">
      <xsl:attribute name="id">
        <xsl:if test="ancestor::pb:packet">
          <xsl:value-of select="concat('pos-', ancestor::pb:position[1]/@id, '.')"/>
        </xsl:if>
        <xsl:value-of select="@xml:id"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- Structure ================================================== -->

  <xsl:template match="db:article">
    <xsl:apply-templates select="node()[not(self::db:info or self::db:title
        or self::db:subtitle or self::db:titleabbrev)]"/>
  </xsl:template>

  <xsl:template match="db:section | db:sect1 | db:sect2 | db:sect3
                       | db:sect4 | db:sect5 | db:simplesect">
    <xsl:variable name="depth" select="count(ancestor-or-self::*[
        contains($db-sections, concat('|', local-name(), '|'))
        and namespace-uri() = 'http://docbook.org/ns/docbook'])"/>
    <xsl:variable name="level">
      <xsl:choose>
        <xsl:when test="$depth &gt; 4">6</xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$depth + 1"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <section>
      <xsl:call-template name="db-id"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:for-each select="(db:title | db:info/db:title)[1]">
        <xsl:element name="h{$level}">
          <xsl:apply-templates/>
        </xsl:element>
        <xsl:call-template name="nl"/>
      </xsl:for-each>
      <xsl:apply-templates select="node()[not(self::db:info or self::db:title
          or self::db:subtitle or self::db:titleabbrev)]"/>
    </section>
    <xsl:call-template name="nl"/>
  </xsl:template>

  <!-- Titles are written by their parents; metadata is not content. -->
  <xsl:template match="db:title | db:subtitle | db:titleabbrev | db:info
                       | db:indexterm | db:remark | db:colspec | db:spanspec
                       | db:textobject | db:alt"/>

  <!-- A title line for lists, blockquotes and admonitions. -->
  <xsl:template name="db-block-title">
    <xsl:param name="default" select="''"/>
    <xsl:variable name="t" select="(db:title | db:info/db:title)[1]"/>
    <xsl:if test="$t or $default != ''">
      <p class="title">
        <strong>
          <xsl:choose>
            <xsl:when test="$t">
              <xsl:apply-templates select="$t/node()"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$default"/>
            </xsl:otherwise>
          </xsl:choose>
        </strong>
      </p>
      <xsl:call-template name="nl"/>
    </xsl:if>
  </xsl:template>

  <!-- Paragraphs ================================================= -->

  <xsl:template match="db:para | db:simpara">
    <xsl:choose>
      <!-- like cmark's tight lists: a compact list item's only paragraph
           is not wrapped -->
      <xsl:when test="parent::db:listitem and ../../@spacing = 'compact'
                      and count(../*) = 1">
        <xsl:apply-templates/>
      </xsl:when>
      <xsl:otherwise>
        <p>
          <xsl:call-template name="db-id"/>
          <xsl:apply-templates/>
        </p>
        <xsl:call-template name="nl"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="db:formalpara">
    <xsl:for-each select="db:para">
      <p>
        <xsl:for-each select="..">
          <xsl:call-template name="db-id"/>
        </xsl:for-each>
        <strong>
          <xsl:apply-templates select="../db:title/node()
                                       | ../db:info/db:title/node()"/>
        </strong>
        <xsl:text> </xsl:text>
        <xsl:apply-templates/>
      </p>
      <xsl:call-template name="nl"/>
    </xsl:for-each>
  </xsl:template>

  <!-- Lists ====================================================== -->

  <xsl:template match="db:itemizedlist">
    <xsl:call-template name="db-block-title"/>
    <ul>
      <xsl:call-template name="db-id"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates select="db:listitem"/>
    </ul>
    <xsl:call-template name="nl"/>
  </xsl:template>

  <xsl:template match="db:orderedlist">
    <xsl:call-template name="db-block-title"/>
    <ol>
      <xsl:call-template name="db-id"/>
      <xsl:if test="@startingnumber and number(@startingnumber) != 1">
        <xsl:attribute name="start">
          <xsl:value-of select="@startingnumber"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="@numeration = 'loweralpha'">
          <xsl:attribute name="type">a</xsl:attribute>
        </xsl:when>
        <xsl:when test="@numeration = 'upperalpha'">
          <xsl:attribute name="type">A</xsl:attribute>
        </xsl:when>
        <xsl:when test="@numeration = 'lowerroman'">
          <xsl:attribute name="type">i</xsl:attribute>
        </xsl:when>
        <xsl:when test="@numeration = 'upperroman'">
          <xsl:attribute name="type">I</xsl:attribute>
        </xsl:when>
      </xsl:choose>
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates select="db:listitem"/>
    </ol>
    <xsl:call-template name="nl"/>
  </xsl:template>

  <xsl:template match="db:listitem">
    <li>
      <xsl:call-template name="db-id"/>
      <xsl:apply-templates/>
    </li>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="db:variablelist">
    <xsl:call-template name="db-block-title"/>
    <dl>
      <xsl:call-template name="db-id"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:for-each select="db:varlistentry">
        <xsl:for-each select="db:term">
          <dt>
            <xsl:apply-templates/>
          </dt>
          <xsl:text>&#10;</xsl:text>
        </xsl:for-each>
        <dd>
          <xsl:apply-templates select="db:listitem/node()"/>
        </dd>
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
    </dl>
    <xsl:call-template name="nl"/>
  </xsl:template>

  <!-- Other blocks =============================================== -->

  <xsl:template match="db:blockquote">
    <blockquote>
      <xsl:call-template name="db-id"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="db-block-title"/>
      <xsl:apply-templates select="node()[not(self::db:attribution)]"/>
      <xsl:for-each select="db:attribution">
        <footer>
          <xsl:apply-templates/>
        </footer>
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
    </blockquote>
    <xsl:call-template name="nl"/>
  </xsl:template>

  <xsl:template match="db:note | db:tip | db:warning | db:caution
                       | db:important">
    <aside class="{local-name()}">
      <xsl:call-template name="db-id"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="db-block-title">
        <xsl:with-param name="default">
          <xsl:choose>
            <xsl:when test="self::db:note">Note</xsl:when>
            <xsl:when test="self::db:tip">Tip</xsl:when>
            <xsl:when test="self::db:warning">Warning</xsl:when>
            <xsl:when test="self::db:caution">Caution</xsl:when>
            <xsl:otherwise>Important</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:apply-templates/>
    </aside>
    <xsl:call-template name="nl"/>
  </xsl:template>

  <xsl:template match="db:sidebar">
    <aside>
      <xsl:call-template name="db-id"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="db-block-title"/>
      <xsl:apply-templates/>
    </aside>
    <xsl:call-template name="nl"/>
  </xsl:template>

  <xsl:template match="db:programlisting | db:screen | db:literallayout">
    <pre>
      <xsl:call-template name="db-id"/>
      <code>
        <xsl:if test="@language != ''">
          <xsl:attribute name="class">
            <xsl:value-of select="concat('language-', @language)"/>
          </xsl:attribute>
        </xsl:if>
        <xsl:apply-templates/>
      </code>
    </pre>
    <xsl:call-template name="nl"/>
  </xsl:template>

  <xsl:template match="db:figure | db:informalfigure | db:example
                       | db:informalexample">
    <figure>
      <xsl:call-template name="db-id"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates/>
      <xsl:for-each select="(db:title | db:info/db:title)[1]">
        <figcaption>
          <xsl:apply-templates/>
        </figcaption>
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
    </figure>
    <xsl:call-template name="nl"/>
  </xsl:template>

  <xsl:template match="db:mediaobject">
    <xsl:apply-templates select="db:imageobject[1]"/>
  </xsl:template>

  <xsl:template match="db:inlinemediaobject">
    <xsl:apply-templates select="db:imageobject[1]"/>
  </xsl:template>

  <xsl:template match="db:imageobject">
    <xsl:for-each select="db:imagedata[1]">
      <img>
        <xsl:attribute name="src">
          <xsl:call-template name="safe-url">
            <xsl:with-param name="url" select="@fileref"/>
          </xsl:call-template>
        </xsl:attribute>
        <xsl:attribute name="alt">
          <xsl:value-of select="normalize-space(
              (ancestor::db:mediaobject | ancestor::db:inlinemediaobject)
              [1]/*[self::db:alt or self::db:textobject][1])"/>
        </xsl:attribute>
      </img>
    </xsl:for-each>
  </xsl:template>

  <!-- Tables ===================================================== -->

  <xsl:template match="db:informaltable | db:table">
    <table>
      <xsl:call-template name="db-id"/>
      <xsl:text>&#10;</xsl:text>
      <xsl:for-each select="(db:caption | db:title | db:info/db:title)[1]">
        <caption>
          <xsl:apply-templates/>
        </caption>
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
      <xsl:apply-templates select="*[not(self::db:caption)]"/>
    </table>
    <xsl:call-template name="nl"/>
  </xsl:template>

  <!-- CALS: a tgroup is only a container. -->
  <xsl:template match="db:tgroup">
    <xsl:apply-templates select="db:thead | db:tbody | db:tfoot"/>
  </xsl:template>

  <xsl:template match="db:thead | db:tbody | db:tfoot">
    <xsl:element name="{local-name()}">
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates select="*"/>
    </xsl:element>
    <xsl:call-template name="nl"/>
  </xsl:template>

  <xsl:template match="db:row | db:tr">
    <tr>
      <xsl:apply-templates select="*"/>
    </tr>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A CALS entry: a header cell in thead, a data cell elsewhere. -->
  <xsl:template match="db:entry">
    <xsl:variable name="cols" select="ancestor::db:tgroup[1]/db:colspec"/>
    <xsl:element name="{substring('tdth', 1 + 2 * count(ancestor::db:thead[1]), 2)}">
      <xsl:if test="ancestor::db:thead">
        <xsl:attribute name="scope">col</xsl:attribute>
      </xsl:if>
      <xsl:if test="@morerows &gt; 0">
        <xsl:attribute name="rowspan">
          <xsl:value-of select="@morerows + 1"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:if test="@namest and @nameend">
        <xsl:variable name="from"
            select="count($cols[@colname = current()/@namest]
                          /preceding-sibling::db:colspec)"/>
        <xsl:variable name="to"
            select="count($cols[@colname = current()/@nameend]
                          /preceding-sibling::db:colspec)"/>
        <xsl:if test="$to &gt; $from">
          <xsl:attribute name="colspan">
            <xsl:value-of select="$to - $from + 1"/>
          </xsl:attribute>
        </xsl:if>
      </xsl:if>
      <xsl:call-template name="db-align"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- HTML table model: same names, a few attributes kept. -->
  <xsl:template match="db:th | db:td">
    <xsl:element name="{local-name()}">
      <xsl:for-each select="@colspan | @rowspan | @scope | @class">
        <xsl:attribute name="{local-name()}">
          <xsl:value-of select="."/>
        </xsl:attribute>
      </xsl:for-each>
      <xsl:call-template name="db-align"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="db:colgroup | db:col">
    <xsl:element name="{local-name()}">
      <xsl:for-each select="@span | @class">
        <xsl:attribute name="{local-name()}">
          <xsl:value-of select="."/>
        </xsl:attribute>
      </xsl:for-each>
      <xsl:apply-templates select="db:col"/>
    </xsl:element>
  </xsl:template>

  <!-- align="left|center|right" as CSS, the HTML attribute being obsolete. -->
  <xsl:template name="db-align">
    <xsl:if test="@align = 'left' or @align = 'center' or @align = 'right'">
      <xsl:attribute name="style">
        <xsl:value-of select="concat('text-align: ', @align)"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- Inlines ==================================================== -->

  <xsl:template match="db:emphasis">
    <xsl:choose>
      <xsl:when test="@role = 'strong' or @role = 'bold'">
        <strong>
          <xsl:apply-templates/>
        </strong>
      </xsl:when>
      <xsl:otherwise>
        <em>
          <xsl:apply-templates/>
        </em>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A link inside a link's text keeps its text, not its address: HTML
       does not nest links. -->
  <xsl:template match="db:link[ancestor::db:link]">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- A link whose URL was unsafe keeps its text but is no link (an <a>
       without href). -->
  <xsl:template match="db:link">
    <xsl:variable name="href">
      <xsl:choose>
        <!-- "#ID" naming an xml:id of the same position, in a packet:
             that element's id there (see db-id) -->
        <xsl:when test="starts-with(@xlink:href, '#') and ancestor::pb:packet
                        and ancestor::pb:position[1]//*[@xml:id
                              = substring(current()/@xlink:href, 2)]">
          <xsl:value-of select="concat('#pos-', ancestor::pb:position[1]/@id,
                                       '.', substring(@xlink:href, 2))"/>
        </xsl:when>
        <xsl:when test="@xlink:href">
          <xsl:call-template name="safe-url">
            <xsl:with-param name="url" select="@xlink:href"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="@linkend">
          <xsl:value-of select="concat('#', @linkend)"/>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <a>
      <xsl:if test="$href != ''">
        <xsl:attribute name="href">
          <xsl:value-of select="$href"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:if test="@xlink:title">
        <xsl:attribute name="title">
          <xsl:value-of select="@xlink:title"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="node()">
          <xsl:apply-templates/>
        </xsl:when>
        <!-- an empty link shows its (safe) address -->
        <xsl:otherwise>
          <xsl:value-of select="$href"/>
        </xsl:otherwise>
      </xsl:choose>
    </a>
  </xsl:template>

  <xsl:template match="db:xref">
    <xsl:variable name="target" select="//*[@xml:id = current()/@linkend]"/>
    <a href="#{@linkend}">
      <xsl:choose>
        <xsl:when test="$target/db:title | $target/db:info/db:title">
          <xsl:apply-templates
              select="($target/db:title | $target/db:info/db:title)[1]/node()"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="@linkend"/>
        </xsl:otherwise>
      </xsl:choose>
    </a>
  </xsl:template>

  <xsl:template match="db:literal | db:code | db:filename | db:command
                       | db:option | db:varname | db:function | db:classname
                       | db:userinput | db:computeroutput | db:envar
                       | db:systemitem | db:tag | db:uri">
    <code>
      <xsl:apply-templates/>
    </code>
  </xsl:template>

  <xsl:template match="db:quote">
    <q>
      <xsl:apply-templates/>
    </q>
  </xsl:template>

  <xsl:template match="db:superscript">
    <sup>
      <xsl:apply-templates/>
    </sup>
  </xsl:template>

  <xsl:template match="db:subscript">
    <sub>
      <xsl:apply-templates/>
    </sub>
  </xsl:template>

  <xsl:template match="db:abbrev | db:acronym">
    <abbr>
      <xsl:apply-templates/>
    </abbr>
  </xsl:template>

  <xsl:template match="db:citetitle">
    <cite>
      <xsl:apply-templates/>
    </cite>
  </xsl:template>

  <xsl:template match="db:replaceable">
    <var>
      <xsl:apply-templates/>
    </var>
  </xsl:template>

  <xsl:template match="db:anchor">
    <span>
      <xsl:call-template name="db-id"/>
    </span>
  </xsl:template>

  <!-- Anything else: its content without its markup. -->
  <xsl:template match="db:*">
    <xsl:apply-templates/>
  </xsl:template>

</xsl:stylesheet>
