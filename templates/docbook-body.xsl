<?xml version="1.0" encoding="UTF-8"?>
<!--
  docbook-body.xsl - the body and metadata of a position as DocBook 5.0.
  Imported by docbook.xsl (and by packet stylesheets).  Everything here is in
  modes whose names start with "pb-db", so an importer can mix it with its own
  templates.

  Entry points:
    <xsl:call-template name="pb-db-body"/>   context: pb:position; renders its
        body (cm:document or db:article).  Param ensure-block (boolean): when
        the body renders no block at all, emit an empty <para/> so that the
        container stays valid.
    <xsl:apply-templates select="pb:meta" mode="pb-db-info"/>   <info>.

  Parameter: figure-links ('yes'|'no', default 'no').

  The output must stay valid against the official DocBook 5.0 schema for any
  CommonMark input.  Where the schema has no direct equivalent, the choice is
  stated at the template.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:db="http://docbook.org/ns/docbook"
    xmlns:cm="http://commonmark.org/xml/1.0"
    xmlns:pb="urn:peerbrief:1"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    exclude-result-prefixes="db cm pb xlink">

  <xsl:include href="docbook-uri.xsl"/>

  <xsl:param name="figure-links" select="'no'"/>

  <xsl:variable name="pb-db-ns" select="'http://docbook.org/ns/docbook'"/>
  <xsl:variable name="pb-db-xlink" select="'http://www.w3.org/1999/xlink'"/>

  <!-- ================================================= entry points -->

  <!-- The body of a pb:position, whichever kind it is. -->
  <xsl:template name="pb-db-body">
    <xsl:param name="ensure-block" select="false()"/>
    <xsl:apply-templates select="cm:document | db:article" mode="pb-db">
      <xsl:with-param name="ensure-block" select="$ensure-block"/>
    </xsl:apply-templates>
    <xsl:if test="$ensure-block and not(cm:document | db:article)">
      <para/>
    </xsl:if>
  </xsl:template>

  <!-- ================================================= metadata -->

  <!--
    pb:meta -> info: title ("Untitled" when empty), subtitle, author/personname,
    pubdate (the ISO date as written), keywordset/keyword for tags,
    abstract/para for the summary.
  -->
  <xsl:template match="pb:meta" mode="pb-db-info">
    <info>
      <title>
        <xsl:choose>
          <xsl:when test="normalize-space(pb:title) != ''">
            <xsl:value-of select="pb:title"/>
          </xsl:when>
          <xsl:otherwise>Untitled</xsl:otherwise>
        </xsl:choose>
      </title>
      <xsl:for-each select="pb:subtitle[normalize-space() != '']">
        <subtitle><xsl:value-of select="."/></subtitle>
      </xsl:for-each>
      <xsl:for-each select="pb:author[normalize-space() != '']">
        <author><personname><xsl:value-of select="."/></personname></author>
      </xsl:for-each>
      <xsl:for-each select="pb:date[normalize-space() != '']">
        <pubdate><xsl:value-of select="."/></pubdate>
      </xsl:for-each>
      <xsl:if test="pb:tag[normalize-space() != '']">
        <keywordset>
          <xsl:for-each select="pb:tag[normalize-space() != '']">
            <keyword><xsl:value-of select="."/></keyword>
          </xsl:for-each>
        </keywordset>
      </xsl:if>
      <xsl:for-each select="pb:summary[normalize-space() != '']">
        <abstract><para><xsl:value-of select="."/></para></abstract>
      </xsl:for-each>
    </info>
  </xsl:template>

  <!-- ================================================= Markdown: sections -->

  <!--
    DocBook nests sections; Markdown headings are flat.  A top-level heading
    of level N opens a section that closes every open section of level >= N.
    So every top-level node has an owner:
      - a block belongs to the nearest heading before it,
      - a heading of level N to the nearest heading before it of a level < N,
      - either, when there is none, to the cm:document itself,
    and a section holds its title, the blocks it owns, then the sections of
    the headings it owns.  A level skip (# then ###) just nests one deeper;
    blocks before the first heading come before the first section.

    Finding "the nearest heading before it of a level < N" with XPath costs
    a scan of all the preceding siblings in libxml2, which is quadratic
    (10,000 headings took 13 seconds), so the program finds every owner in
    one pass: pb:section-owned() (src/render.c) returns the nodes the
    context node (the cm:document or a top-level heading) owns.
  -->

  <xsl:template match="cm:document" mode="pb-db">
    <xsl:param name="ensure-block" select="false()"/>
    <xsl:choose>
      <xsl:when test="not(cm:heading)">
        <!-- no heading: nothing to nest -->
        <xsl:apply-templates mode="pb-db"/>
        <xsl:if test="$ensure-block and not(*[not(self::pb:directive)])">
          <para/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pb-db-owned">
          <xsl:with-param name="ensure-block" select="$ensure-block"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The nodes owned by the context node (a top-level heading or the
    cm:document), in document order: blocks rendered in place, headings as
    sections. An owner with nothing but directives gets an empty para
    (sections need a block or a section).
  -->
  <xsl:template name="pb-db-owned">
    <xsl:param name="ensure-block" select="true()"/>
    <xsl:variable name="mine" select="pb:section-owned()"/>
    <xsl:if test="$ensure-block and not($mine[not(self::pb:directive)])">
      <para/>
    </xsl:if>
    <xsl:apply-templates select="$mine" mode="pb-db-top"/>
  </xsl:template>

  <!-- A top-level heading: a section of the nodes it owns. -->
  <xsl:template match="cm:heading" mode="pb-db-top">
    <section>
      <title><xsl:apply-templates mode="pb-db"/></title>
      <xsl:call-template name="pb-db-owned"/>
    </section>
  </xsl:template>

  <!-- Any other top-level node renders as usual. -->
  <xsl:template match="node()" mode="pb-db-top">
    <xsl:apply-templates select="." mode="pb-db"/>
  </xsl:template>

  <!-- ================================================= Markdown: blocks -->

  <xsl:template match="cm:paragraph" mode="pb-db">
    <para><xsl:apply-templates mode="pb-db"/></para>
  </xsl:template>

  <!--
    A heading inside a block quote or list item cannot open a section there:
    it becomes a bridgehead rendered as its level (sect1..sect5; level 6 has
    no sectN value, so renderas="other" otherrenderas="sect6").
  -->
  <xsl:template match="cm:heading" mode="pb-db">
    <bridgehead>
      <xsl:choose>
        <xsl:when test="@level &lt;= 5">
          <xsl:attribute name="renderas">sect<xsl:value-of select="@level"/></xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="renderas">other</xsl:attribute>
          <xsl:attribute name="otherrenderas">sect<xsl:value-of select="@level"/></xsl:attribute>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates mode="pb-db"/>
    </bridgehead>
  </xsl:template>

  <!-- Block quote -> blockquote; an empty one holds an empty para. -->
  <xsl:template match="cm:block_quote" mode="pb-db">
    <blockquote>
      <xsl:call-template name="pb-db-blocks"/>
    </blockquote>
  </xsl:template>

  <!--
    Lists: bullet -> itemizedlist, ordered -> orderedlist (numeration arabic,
    startingnumber when the list does not start at 1).  Tight lists are
    spacing="compact", loose ones spacing="normal"; the paragraphs stay paras
    either way.  The delimiter (1. or 1)) has no DocBook equivalent.
  -->
  <xsl:template match="cm:list" mode="pb-db">
    <xsl:variable name="spacing">
      <xsl:choose>
        <xsl:when test="@tight = 'true'">compact</xsl:when>
        <xsl:otherwise>normal</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="@type = 'ordered'">
        <orderedlist numeration="arabic" spacing="{$spacing}">
          <xsl:if test="@start and @start != 1">
            <xsl:attribute name="startingnumber">
              <xsl:value-of select="@start"/>
            </xsl:attribute>
          </xsl:if>
          <xsl:apply-templates mode="pb-db"/>
        </orderedlist>
      </xsl:when>
      <xsl:otherwise>
        <itemizedlist spacing="{$spacing}">
          <xsl:apply-templates mode="pb-db"/>
        </itemizedlist>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- List item -> listitem; an empty item holds an empty para. -->
  <xsl:template match="cm:item" mode="pb-db">
    <listitem>
      <xsl:call-template name="pb-db-blocks"/>
    </listitem>
  </xsl:template>

  <!-- The child blocks of a container that needs at least one. -->
  <xsl:template name="pb-db-blocks">
    <xsl:apply-templates mode="pb-db"/>
    <xsl:if test="not(*[not(self::pb:directive)])">
      <para/>
    </xsl:if>
  </xsl:template>

  <!--
    Code block -> programlisting, language = the first word of the info
    string (as cmark's HTML renderer uses it for its class).  The text is
    kept exactly, final newline included.
  -->
  <xsl:template match="cm:code_block" mode="pb-db">
    <xsl:variable name="info" select="normalize-space(@info)"/>
    <programlisting>
      <xsl:if test="$info != ''">
        <xsl:attribute name="language">
          <xsl:choose>
            <xsl:when test="contains($info, ' ')">
              <xsl:value-of select="substring-before($info, ' ')"/>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="$info"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:if>
      <xsl:value-of select="."/>
    </programlisting>
  </xsl:template>

  <!--
    Thematic break: DocBook 5.0 has no rule element.  It becomes an empty
    para with role="thematic-break", which a DocBook customization or CSS can
    draw as a rule; it keeps the place of the break in the block sequence.
  -->
  <xsl:template match="cm:thematic_break" mode="pb-db">
    <para role="thematic-break"/>
  </xsl:template>

  <!-- Raw HTML never reaches the output (it is not in the tree anyway). -->
  <xsl:template match="cm:html_block | cm:html_inline
                       | cm:custom_block | cm:custom_inline" mode="pb-db"/>

  <!-- ================================================= Markdown: inlines -->

  <!-- cm:text: its text, as XSLT's built-in rule copies it. -->

  <!-- A soft break stays a line end (white space to any renderer). -->
  <xsl:template match="cm:softbreak" mode="pb-db">
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!--
    Hard break: DocBook 5.0 has no line-break element.  It becomes the
    <?linebreak?> processing instruction that the DocBook XSL stylesheets
    turn into <br/> (and fo:block), followed by a line end.  Validation
    ignores processing instructions, so it is valid in every inline context.
  -->
  <xsl:template match="cm:linebreak" mode="pb-db">
    <xsl:processing-instruction name="linebreak"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Code span -> literal. -->
  <xsl:template match="cm:code" mode="pb-db">
    <literal><xsl:value-of select="."/></literal>
  </xsl:template>

  <!-- emph -> emphasis; strong -> emphasis role="strong". -->
  <xsl:template match="cm:emph" mode="pb-db">
    <emphasis><xsl:apply-templates mode="pb-db"/></emphasis>
  </xsl:template>

  <xsl:template match="cm:strong" mode="pb-db">
    <emphasis role="strong"><xsl:apply-templates mode="pb-db"/></emphasis>
  </xsl:template>

  <!--
    Link -> link xlink:href (the destination as the tree gives it: already
    escaped, and "" when it was unsafe; mended where RFC 3986 would reject
    it, see docbook-uri.xsl), xlink:title from the title.
  -->
  <xsl:template match="cm:link" mode="pb-db">
    <link>
      <xsl:attribute name="xlink:href" namespace="{$pb-db-xlink}">
        <xsl:call-template name="pb-db-uri">
          <xsl:with-param name="s" select="@destination"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:if test="@title != ''">
        <xsl:attribute name="xlink:title" namespace="{$pb-db-xlink}">
          <xsl:value-of select="@title"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="pb-db"/>
    </link>
  </xsl:template>

  <!--
    Image -> inlinemediaobject: imageobject/imagedata fileref = destination,
    then textobject/phrase = the alt text as plain text (like cmark's HTML
    alt attribute: markup dropped, breaks as spaces), then, when there is a
    title, a second textobject role="title" holding it (DocBook 5.0 has no
    title attribute for media).
  -->
  <xsl:template match="cm:image" mode="pb-db">
    <inlinemediaobject>
      <imageobject>
        <imagedata>
          <xsl:attribute name="fileref">
            <xsl:call-template name="pb-db-uri">
              <xsl:with-param name="s" select="@destination"/>
            </xsl:call-template>
          </xsl:attribute>
        </imagedata>
      </imageobject>
      <textobject>
        <phrase><xsl:apply-templates mode="pb-db-alt"/></phrase>
      </textobject>
      <xsl:if test="@title != ''">
        <textobject role="title">
          <phrase><xsl:value-of select="@title"/></phrase>
        </textobject>
      </xsl:if>
    </inlinemediaobject>
  </xsl:template>

  <!-- Alt text: the text of every descendant, breaks as spaces. -->
  <xsl:template match="cm:softbreak | cm:linebreak" mode="pb-db-alt">
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="pb:value" mode="pb-db-alt">
    <xsl:call-template name="pb-display"/>
  </xsl:template>

  <xsl:template match="cm:html_inline | cm:custom_inline" mode="pb-db-alt"/>

  <!-- ================================================= figures and directives -->

  <!--
    A figure value (injected in place of a code span, or written in an XML
    position): its display text in phrase role="figure", wrapped in a link
    to its appendix entry when figure-links is 'yes' and it is not already
    inside a link.
  -->
  <xsl:template match="pb:value" mode="pb-db">
    <xsl:call-template name="pb-db-value"/>
  </xsl:template>

  <xsl:template match="pb:value" mode="pb-db-copy">
    <xsl:call-template name="pb-db-value"/>
  </xsl:template>

  <xsl:template name="pb-db-value">
    <xsl:variable name="phrase">
      <phrase role="figure">
        <!-- the figure's display, as computed; an amount of money with
             its cents when another in the same block has cents, as the
             HTML does (html.xsl, prose-display) -->
        <xsl:call-template name="pb-display">
          <xsl:with-param name="with-cents"
              select="@unit = 'usd'
                      and ancestor::*[self::cm:paragraph or self::cm:heading
                          or self::db:para or self::db:simpara
                          or self::db:title or self::db:td or self::db:th
                          or self::db:entry][1]/descendant::pb:value
                          [@unit = 'usd'][substring-after(@value, '.') != '00']"/>
        </xsl:call-template>
      </phrase>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$figure-links = 'yes' and @anchor != ''
                      and not(ancestor::cm:link | ancestor::db:link)">
        <link linkend="{@anchor}"><xsl:copy-of select="$phrase"/></link>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy-of select="$phrase"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    A directive (a table or figure block computed by the packet) renders as
    nothing here; packet stylesheets override this template.  Containers do
    not count it as a block when deciding whether they need an empty para.
  -->
  <xsl:template match="pb:directive" mode="pb-db"/>
  <xsl:template match="pb:directive" mode="pb-db-copy"/>

  <!-- ================================================= XML positions -->

  <!--
    An XML position is DocBook already: its content is copied (elements
    rebuilt in the DocBook namespace so that no pb namespace declaration
    leaks), minus the article's own title and info, which pb:meta replaces.
  -->
  <xsl:template match="db:article" mode="pb-db">
    <xsl:param name="ensure-block" select="false()"/>
    <xsl:variable name="body"
        select="node()[not(self::db:info | self::db:title | self::db:subtitle
                           | self::db:titleabbrev)]"/>
    <xsl:apply-templates select="$body" mode="pb-db-copy"/>
    <xsl:if test="$ensure-block and not($body[self::* and not(self::pb:directive)])">
      <para/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="db:*" mode="pb-db-copy">
    <xsl:element name="{local-name()}" namespace="{$pb-db-ns}">
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates mode="pb-db-copy"/>
    </xsl:element>
  </xsl:template>

  <!-- A link inside a link's text keeps its text, not its address: links
       do not nest. -->
  <xsl:template match="db:link[ancestor::db:link]" mode="pb-db-copy">
    <xsl:apply-templates mode="pb-db-copy"/>
  </xsl:template>

  <!-- Containers that need a block keep one when only directives were in them. -->
  <xsl:template match="db:section | db:blockquote | db:listitem" mode="pb-db-copy">
    <xsl:element name="{local-name()}" namespace="{$pb-db-ns}">
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates mode="pb-db-copy"/>
      <xsl:if test="not(*[not(self::db:info | self::db:title | self::db:subtitle
                              | self::db:titleabbrev | self::db:attribution
                              | self::pb:directive)])">
        <para/>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <xsl:template match="processing-instruction()" mode="pb-db-copy">
    <xsl:copy/>
  </xsl:template>
</xsl:stylesheet>
