<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-packet.xsl - a briefing packet (root pb:packet, see docs/tree.md) as
  one self-contained HTML5 handout. Imported by html.xsl, last, so that its
  templates for headings and tables inside a packet win over those of
  html-commonmark.xsl and html-docbook.xsl; positions outside a packet are
  rendered exactly as before.

  The document, in order (DESIGN.md, Outputs):
    header        banner: the series (project) and publisher
    main
      section#at-a-glance   title, audience, date, summary, the highlights,
                            key figures in plain sentences, contents; one
                            printed page (style.css breaks the page after it)
      article.position      each position: h2 title, subtitle, authors,
                            date, then its body with headings moved under
                            the h2 (h3 and deeper)
      section#practices     the organizations side by side, one row per
                            practice, with the reasons of practices.xml
      section#funding, #staffing, #certifications   the tables
      section#appendix      "How these figures were computed": every
                            pb:figures/pb:figure, id = its anchor
    footer        publisher, as-of date, where the data come from

  Tables are written by named templates (pk-practices-table, ...) that the
  sections and the block directives of positions share; each call passes
  its own id, so ids stay unique in the document.

  Presentation only: every number shown is a figure from the tree. The
  stylesheet counts things (organizations, staff) and chooses words, and
  dates a certification "due within 60 days" itself only when the tree
  gives no status (see pk-cert-status).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pb="urn:peerbrief:1"
    xmlns:cm="http://commonmark.org/xml/1.0"
    xmlns:db="http://docbook.org/ns/docbook"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="pb cm db">

  <!-- citations and the References section -->
  <xsl:import href="html-references.xsl"/>
  <!-- charts (=chart NAME) -->
  <xsl:import href="html-charts.xsl"/>

  <xsl:strip-space elements="pb:packet pb:highlights pb:orgs pb:org
      pb:program pb:member pb:figures pb:figure pb:references pb:work"/>

  <!-- Keys match from the root: libxslt indexes every key of a document
       at the first key() on it, each by evaluating its match pattern as
       an XPath expression, and a pattern that is not rooted ("//"
       prepended) walks the whole packet, positions and all. -->

  <!-- Appendix entries by figure name. -->
  <xsl:key name="pk-fig" match="/pb:packet/pb:figures/pb:figure" use="@name"/>
  <!-- Staff members by ORG.MEMBER (ids have no dots): an appendix finds a
       member's figures in one lookup each, not a scan of the staff. -->
  <xsl:key name="pk-member" match="/pb:packet/pb:orgs/pb:org/pb:member"
      use="concat(../@id, '.', @id)"/>

  <xsl:variable name="pk" select="/pb:packet"/>
  <xsl:variable name="pk-meta" select="/pb:packet/pb:meta"/>
  <xsl:variable name="pk-orgs" select="/pb:packet/pb:orgs/pb:org"/>
  <!-- Labels and reasons for the practices (user-editable data). -->
  <xsl:variable name="pk-practices"
      select="document('practices.xml')/pb:practices"/>
  <!-- Peer roles: every staff role but peer-supervisor (DESIGN.md), as
       counted by role (pb:role; pb:member rows only in an internal
       packet). -->
  <xsl:variable name="pk-peer-roles"
      select="$pk-orgs/pb:role[@name != 'peer-supervisor']"/>
  <xsl:variable name="pk-internal" select="$pk/@visibility = 'internal'"/>
  <!-- The packet's programs (its year's) and the earlier years'. -->
  <xsl:variable name="pk-programs"
      select="$pk-orgs/pb:program[@in-year = 'yes']"/>
  <xsl:variable name="pk-earlier"
      select="$pk-orgs/pb:program[@in-year = 'no']"/>
  <!-- the packet's fiscal year (pk-fy, absent when it has none) and
       its words -->
  <xsl:variable name="pk-fy" select="$pk-meta/pb:fiscal-year"/>
  <xsl:variable name="pk-year">
    <xsl:if test="$pk-fy">
      <xsl:call-template name="pb-fiscal-year"><xsl:with-param name="year" select="string($pk-fy)"/></xsl:call-template>
    </xsl:if>
  </xsl:variable>
  <!-- The names of the figures the highlights show: the key figures
       leave them out rather than say them twice. -->
  <xsl:variable name="pk-highlighted" select="$pk/pb:highlights/pb:value/@ref"/>
  <!-- The first highlight whose label says FTE (pk-labels: the names
       with fte in them, and the Family Partner and Recovery Coach shares
       of peer FTE): FTE is spelled out there, else in the caption of the
       organizations at a glance, the first place a reader meets it. -->
  <xsl:variable name="pk-fte-first" select="generate-id($pk/pb:highlights/pb:value[
      contains(substring-after(@ref, '.'), 'fte')
      or substring(@ref, string-length(@ref) - 20) = '.family_partner_share'
      or substring(@ref, string-length(@ref) - 20) = '.recovery_coach_share'][1])"/>
  <!-- The tables positions place (=figure is not a table). descendant::,
       not //: libxml2 evaluates //step[predicate] by merging a node-set
       for every node of the positions, which took a third of the
       transform. -->
  <xsl:variable name="pk-directives"
      select="$pk/pb:position/descendant::pb:directive[@kind != 'figure']"/>

  <xsl:variable name="pk-lang">
    <xsl:choose>
      <xsl:when test="normalize-space($pk-meta/pb:lang) != ''">
        <xsl:value-of select="normalize-space($pk-meta/pb:lang)"/>
      </xsl:when>
      <xsl:otherwise>en</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="pk-title">
    <xsl:choose>
      <xsl:when test="normalize-space($pk-meta/pb:title) != ''">
        <xsl:value-of select="normalize-space($pk-meta/pb:title)"/>
      </xsl:when>
      <xsl:otherwise>Briefing packet</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- The whole document ======================================== -->

  <xsl:template name="packet-document">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;</xsl:text>
    <html lang="{$pk-lang}">
      <xsl:text>&#10;</xsl:text>
      <head>
        <xsl:text>&#10;</xsl:text>
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <xsl:text>&#10;</xsl:text>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <xsl:text>&#10;</xsl:text>
        <!-- an internal packet names staff: kept out of search engines -->
        <xsl:if test="$pk/@visibility = 'internal'">
          <meta name="robots" content="noindex"/>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
        <title>
          <xsl:value-of select="$pk-title"/>
        </title>
        <xsl:text>&#10;</xsl:text>
        <xsl:if test="normalize-space($pk-meta/pb:summary) != ''">
          <meta name="description"
                content="{normalize-space($pk-meta/pb:summary)}"/>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
        <xsl:if test="normalize-space($pk-meta/pb:publisher) != ''">
          <meta name="author"
                content="{normalize-space($pk-meta/pb:publisher)}"/>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
        <xsl:call-template name="page-head"/>
        <!-- as in html.xsl: the style sheet's text goes in raw -->
        <xsl:if test="$css != ''">
          <style>
            <xsl:text>&#10;</xsl:text>
            <xsl:value-of select="$css" disable-output-escaping="yes"/>
          </style>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
      </head>
      <xsl:text>&#10;</xsl:text>
      <body class="packet">
        <xsl:text>&#10;</xsl:text>
        <xsl:call-template name="pk-banner"/>
        <xsl:call-template name="page-nav"/>
        <xsl:call-template name="packet-main"/>
        <xsl:call-template name="pk-footer"/>
      </body>
      <xsl:text>&#10;</xsl:text>
    </html>
  </xsl:template>

  <!-- The banner: which series this packet belongs to, and whose it is. -->
  <xsl:template name="pk-banner">
    <header class="masthead">
      <p>
        <xsl:choose>
          <xsl:when test="normalize-space($pk-meta/pb:project) != ''">
            <span class="series">
              <xsl:value-of select="normalize-space($pk-meta/pb:project)"/>
            </span>
          </xsl:when>
          <xsl:otherwise>
            <span class="series">Briefing packet</span>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="normalize-space($pk-meta/pb:publisher) != ''">
          <xsl:text> · </xsl:text>
          <xsl:value-of select="normalize-space($pk-meta/pb:publisher)"/>
        </xsl:if>
      </p>
    </header>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- The content, in the order of DESIGN.md. Also the whole output when
       standalone is not 'yes'. Each table appears once: a table a
       position placed with a directive is not printed again, and the
       packet's own section for it is left out. -->
  <xsl:template name="packet-main">
    <main id="main">
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="pk-at-a-glance"/>
      <xsl:apply-templates select="$pk/pb:position" mode="pk"/>
      <xsl:if test="$pk-orgs">
        <!-- the same in every packet with the same organizations and
             figures that places the same tables in its positions -->
        <xsl:call-template name="pk-memo">
          <xsl:with-param name="part" select="'tables'"/>
          <xsl:with-param name="key" select="concat(
              not($pk-directives[@kind = 'practices']), ' ',
              not($pk-directives[@kind = 'funding']), ' ',
              not($pk-directives[@kind = 'staffing']), ' ',
              not($pk-directives[@kind = 'certifications']))"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="pk-references"/>
      <xsl:call-template name="pk-appendix"/>
    </main>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- The tables' sections (practices, funding, staffing,
       certification) that no position placed, and where the data come
       from. -->
  <xsl:template name="pk-tables">
    <xsl:if test="not($pk-directives[@kind = 'practices'])">
      <xsl:call-template name="pk-practices-section"/>
    </xsl:if>
    <xsl:if test="$pk-orgs/pb:program
                  and not($pk-directives[@kind = 'funding'])">
      <xsl:call-template name="pk-section">
        <xsl:with-param name="id" select="'funding'"/>
        <xsl:with-param name="title" select="'Funding'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="not($pk-directives[@kind = 'staffing'])">
      <xsl:call-template name="pk-section">
        <xsl:with-param name="id" select="'staffing'"/>
        <xsl:with-param name="title" select="'Staffing'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$pk-peer-roles
                  and not($pk-directives[@kind = 'certifications'])">
      <xsl:call-template name="pk-section">
        <xsl:with-param name="id" select="'certifications'"/>
        <xsl:with-param name="title" select="'Certification'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="pk-sources-section"/>
  </xsl:template>

  <!-- The id of the table a directive (the context) puts in its
       position: pos-POSITION_KIND-N, N counting the position's
       directives. Every id the packet makes inside a position is
       pos-POSITION, or pos-POSITION and '_' (which no position's id
       holds) and a suffix, or pos-POSITION and '.' and an author's
       xml:id (db-id): no two positions' ids can meet. -->
  <xsl:template name="pk-directive-id">
    <xsl:variable name="pos" select="ancestor::pb:position[1]"/>
    <xsl:value-of select="concat('pos-', $pos/@id, '_', @kind, '-',
        count(preceding::pb:directive[generate-id(ancestor::pb:position[1])
                                      = generate-id($pos)]) + 1)"/>
  </xsl:template>

  <!-- Where the table of KIND is: the first directive's table, else the
       packet's own section. -->
  <xsl:template name="pk-table-href">
    <xsl:param name="kind"/>
    <xsl:variable name="d" select="$pk-directives[@kind = $kind][1]"/>
    <xsl:choose>
      <xsl:when test="$d">
        <xsl:text>#</xsl:text>
        <xsl:for-each select="$d">
          <xsl:call-template name="pk-directive-id"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('#', $kind)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="pk-footer">
    <footer class="colophon">
      <xsl:text>&#10;</xsl:text>
      <p>
        <xsl:if test="normalize-space($pk-meta/pb:publisher) != ''">
          <xsl:text>Published by </xsl:text>
          <xsl:value-of select="normalize-space($pk-meta/pb:publisher)"/>
          <xsl:if test="normalize-space($pk-meta/pb:project) != ''">
            <xsl:text> in the </xsl:text>
            <xsl:value-of select="normalize-space($pk-meta/pb:project)"/>
          </xsl:if>
          <xsl:text>. </xsl:text>
        </xsl:if>
        <xsl:if test="$pk-meta/pb:date">
          <xsl:call-template name="pb-date">
            <xsl:with-param name="date" select="string($pk-meta/pb:date)"/>
          </xsl:call-template>
          <xsl:text>. </xsl:text>
        </xsl:if>
        <xsl:if test="$pk-meta/pb:as-of">
          <xsl:text>Figures as of </xsl:text>
          <xsl:call-template name="pb-date">
            <xsl:with-param name="date" select="string($pk-meta/pb:as-of)"/>
          </xsl:call-template>
          <xsl:text>.</xsl:text>
        </xsl:if>
      </p>
      <xsl:text>&#10;</xsl:text>
      <xsl:if test="$pk-orgs">
        <p>
          <xsl:text>About the organizations' data: </xsl:text>
          <xsl:call-template name="pk-sources-note"/>
          <xsl:text> Each organization's own statement is under </xsl:text>
          <a href="#sources">Where the data come from</a>
          <xsl:text>; every figure is traced to its source file in </xsl:text>
          <a href="#appendix">How these figures were computed</a>
          <xsl:text>.</xsl:text>
        </p>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
    </footer>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- The organizations' source notes, once when they all say the same
       thing, else the first sentence of the first one. -->
  <xsl:template name="pk-sources-note">
    <xsl:variable name="first" select="normalize-space($pk-orgs[1]/pb:source)"/>
    <xsl:choose>
      <xsl:when test="$first = ''">see each organization below.</xsl:when>
      <xsl:when test="not($pk-orgs[normalize-space(pb:source) != $first])">
        <xsl:value-of select="$first"/>
      </xsl:when>
      <xsl:when test="contains($first, '. ')">
        <xsl:value-of select="substring-before($first, '. ')"/>
        <xsl:text>.</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$first"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- At a glance (one printed page) ============================== -->

  <xsl:template name="pk-at-a-glance">
    <section id="at-a-glance" class="at-a-glance"
             aria-labelledby="packet-title">
      <xsl:text>&#10;</xsl:text>
      <h1 id="packet-title">
        <xsl:value-of select="$pk-title"/>
      </h1>
      <xsl:text>&#10;</xsl:text>
      <dl class="packet-meta">
        <xsl:if test="normalize-space($pk-meta/pb:audience) != ''">
          <div>
            <dt>For:</dt>
            <dd>
              <xsl:value-of select="normalize-space($pk-meta/pb:audience)"/>
            </dd>
          </div>
        </xsl:if>
        <xsl:if test="$pk-meta/pb:date">
          <div>
            <dt>Date:</dt>
            <dd>
              <time datetime="{$pk-meta/pb:date}">
                <xsl:call-template name="pb-date">
                  <xsl:with-param name="date" select="string($pk-meta/pb:date)"/>
                </xsl:call-template>
              </time>
            </dd>
          </div>
        </xsl:if>
        <xsl:if test="normalize-space($pk-meta/pb:publisher) != ''
                      or normalize-space($pk-meta/pb:project) != ''">
          <div>
            <dt>From:</dt>
            <dd>
              <xsl:value-of select="normalize-space($pk-meta/pb:publisher)"/>
              <xsl:if test="normalize-space($pk-meta/pb:publisher) != ''
                            and normalize-space($pk-meta/pb:project) != ''">
                <xsl:text>, </xsl:text>
              </xsl:if>
              <xsl:value-of select="normalize-space($pk-meta/pb:project)"/>
            </dd>
          </div>
        </xsl:if>
        <xsl:if test="$pk-meta/pb:as-of">
          <div>
            <dt>Figures as of:</dt>
            <dd>
              <time datetime="{$pk-meta/pb:as-of}">
                <xsl:call-template name="pb-date">
                  <xsl:with-param name="date" select="string($pk-meta/pb:as-of)"/>
                </xsl:call-template>
              </time>
            </dd>
          </div>
        </xsl:if>
      </dl>
      <xsl:text>&#10;</xsl:text>
      <xsl:if test="normalize-space($pk-meta/pb:summary) != ''">
        <p class="summary">
          <xsl:value-of select="normalize-space($pk-meta/pb:summary)"/>
        </p>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
      <xsl:if test="$pk/pb:highlights/pb:value">
        <h2 id="highlights">Highlights</h2>
        <xsl:text>&#10;</xsl:text>
        <dl class="highlights">
          <xsl:text>&#10;</xsl:text>
          <xsl:for-each select="$pk/pb:highlights/pb:value">
            <div class="highlight">
              <dt>
                <xsl:call-template name="pk-figure-label">
                  <xsl:with-param name="name" select="@ref"/>
                </xsl:call-template>
                <xsl:if test="generate-id() = $pk-fte-first">
                  <xsl:call-template name="pk-fte-spelled"/>
                </xsl:if>
                <xsl:call-template name="pk-figure-context">
                  <xsl:with-param name="name" select="@ref"/>
                </xsl:call-template>
              </dt>
              <dd>
                <xsl:call-template name="pk-link"/>
                <xsl:call-template name="pk-count-of"/>
                <xsl:call-template name="pk-limit-of"/>
              </dd>
            </div>
            <xsl:text>&#10;</xsl:text>
          </xsl:for-each>
        </dl>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
      <xsl:if test="$pk-orgs">
        <!-- the same in every packet with the same organizations,
             figures and highlights -->
        <xsl:call-template name="pk-memo">
          <xsl:with-param name="part" select="'glance'"/>
          <xsl:with-param name="key" select="concat(
              pb:digest($pk/pb:highlights), ' ', $pk-fte-first = '')"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="pk-contents"/>
      <xsl:if test="$pk-orgs">
        <p class="data-note">
          <strong>About the data. </strong>
          <xsl:call-template name="pk-sources-note"/>
          <xsl:text> See </xsl:text>
          <a href="#sources">Where the data come from</a>
          <xsl:text>.</xsl:text>
        </p>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- The key figures and the organizations at a glance. -->
  <xsl:template name="pk-glance-figures">
    <h2 id="key-figures">Key figures</h2>
    <xsl:text>&#10;</xsl:text>
    <xsl:call-template name="pk-key-figures"/>
    <xsl:call-template name="pk-orgs-glance"/>
  </xsl:template>

  <!-- Key figures: a few sentences from the packet's own figures
       (pb:totals), each linked to its entry; counts say of what, and read
       right for 0, 1 and many. -->
  <xsl:template name="pk-key-figures">
    <xsl:variable name="t" select="$pk/pb:totals/pb:value"/>
    <xsl:variable name="norgs" select="$t[@ref = 'packet.org_count']"/>
    <xsl:variable name="nprog" select="$t[@ref = 'packet.program_count']"/>
    <ul class="key-figures">
      <xsl:text>&#10;</xsl:text>
      <!-- who is compared, and the year -->
      <li>
        <xsl:choose>
          <xsl:when test="$norgs/@value = 1">This packet looks at </xsl:when>
          <xsl:otherwise>This packet compares </xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="pk-count">
          <xsl:with-param name="name" select="'packet.org_count'"/>
          <xsl:with-param name="one" select="'organization'"/>
          <xsl:with-param name="many" select="'organizations'"/>
        </xsl:call-template>
        <xsl:text> (</xsl:text>
        <xsl:for-each select="$pk-orgs">
          <xsl:call-template name="pk-list-sep"/>
          <xsl:value-of select="normalize-space(pb:name)"/>
        </xsl:for-each>
        <xsl:text>)</xsl:text>
        <xsl:choose>
          <xsl:when test="$nprog/@value = 0 and $t[@ref = 'packet.fiscal_year']">
            <!-- no program in the year: said once, here -->
            <xsl:text>. </xsl:text>
            <xsl:choose>
              <xsl:when test="$norgs/@value = 1">It reported </xsl:when>
              <xsl:otherwise>They reported </xsl:otherwise>
            </xsl:choose>
            <a class="figure" href="#{$nprog/@anchor}">no</a>
            <xsl:text> program for </xsl:text>
            <xsl:call-template name="pk-link">
              <xsl:with-param name="v" select="$t[@ref = 'packet.fiscal_year']"/>
            </xsl:call-template>
            <xsl:text>, so the packet has no funding totals</xsl:text>
            <xsl:if test="$pk-earlier"> (earlier years are shown apart)</xsl:if>
          </xsl:when>
          <xsl:when test="$t[@ref = 'packet.fiscal_year']">
            <xsl:choose>
              <xsl:when test="$norgs/@value = 1"> and its </xsl:when>
              <xsl:otherwise> and their </xsl:otherwise>
            </xsl:choose>
            <xsl:call-template name="pk-count">
              <xsl:with-param name="name" select="'packet.program_count'"/>
              <xsl:with-param name="one" select="'program'"/>
              <xsl:with-param name="many" select="'programs'"/>
            </xsl:call-template>
            <xsl:text> of </xsl:text>
            <xsl:call-template name="pk-link">
              <xsl:with-param name="v" select="$t[@ref = 'packet.fiscal_year']"/>
            </xsl:call-template>
            <xsl:if test="$pk-earlier"> (earlier years are shown apart and never added in)</xsl:if>
          </xsl:when>
        </xsl:choose>
        <xsl:text>.</xsl:text>
      </li>
      <xsl:text>&#10;</xsl:text>
      <!-- the money, in one format: cents on every amount when one has
           them -->
      <xsl:if test="$nprog/@value &gt; 0">
        <xsl:variable name="cents" select="boolean($t[@ref = 'packet.total_dmh_payment'
            or @ref = 'packet.total_medicaid_reimbursement'
            or @ref = 'packet.total_dmh_net_cost'][substring-after(@value, '.') != '00'])"/>
        <li>
          <xsl:text>DMH paid </xsl:text>
          <xsl:choose>
            <xsl:when test="$nprog/@value = 1">this program </xsl:when>
            <xsl:otherwise>these programs </xsl:otherwise>
          </xsl:choose>
          <xsl:call-template name="pk-link">
            <xsl:with-param name="v" select="$t[@ref = 'packet.total_dmh_payment']"/>
            <xsl:with-param name="cents" select="$cents"/>
          </xsl:call-template>
          <!-- the year said with the amount, so that it is quoted with it -->
          <xsl:choose>
            <xsl:when test="$pk-year != ''">
              <xsl:value-of select="concat(' for ', $pk-year)"/>
            </xsl:when>
            <xsl:otherwise> for the year</xsl:otherwise>
          </xsl:choose>
          <xsl:text>, and Medicaid reimbursed DMH </xsl:text>
          <xsl:call-template name="pk-link">
            <xsl:with-param name="v" select="$t[@ref = 'packet.total_medicaid_reimbursement']"/>
            <xsl:with-param name="cents" select="$cents"/>
          </xsl:call-template>
          <xsl:text> of it. DMH itself carries the other </xsl:text>
          <xsl:call-template name="pk-link">
            <xsl:with-param name="v" select="$t[@ref = 'packet.total_dmh_net_cost']"/>
            <xsl:with-param name="cents" select="$cents"/>
          </xsl:call-template>
          <!-- the share only when the highlights do not show it -->
          <xsl:if test="not($pk-highlighted[. = 'packet.unreimbursed_share'])">
            <xsl:text> (</xsl:text>
            <xsl:apply-templates select="$t[@ref = 'packet.unreimbursed_share']" mode="pk-prose"/>
            <xsl:text> of what it pays)</xsl:text>
          </xsl:if>
          <xsl:text>, as the funding rules expect: it pays for every enrolled day, R-day or not.</xsl:text>
        </li>
        <xsl:text>&#10;</xsl:text>
        <!-- what rests on peer notes: what the highlights do not show -->
        <xsl:variable name="hl-amount"
            select="boolean($pk-highlighted[. = 'packet.total_peer_note_reimbursement'])"/>
        <xsl:variable name="hl-share"
            select="boolean($pk-highlighted[. = 'packet.peer_note_share_of_payment'])"/>
        <xsl:if test="not($hl-amount and $hl-share)">
          <li>
            <xsl:text>The reimbursement that rests only on R-days a peer's note made billable </xsl:text>
            <xsl:if test="$pk-year != ''">
              <xsl:value-of select="concat('in ', $pk-year, ' ')"/>
            </xsl:if>
            <xsl:if test="not($hl-amount)">
              <xsl:text>is </xsl:text>
              <xsl:call-template name="pk-link">
                <xsl:with-param name="v" select="$t[@ref = 'packet.total_peer_note_reimbursement']"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:if test="not($hl-amount or $hl-share)">, </xsl:if>
            <xsl:if test="$hl-amount">is </xsl:if>
            <xsl:if test="not($hl-share)">
              <xsl:call-template name="pk-link">
                <xsl:with-param name="v" select="$t[@ref = 'packet.peer_note_share_of_payment']"/>
              </xsl:call-template>
              <xsl:text> of DMH's payment</xsl:text>
            </xsl:if>
            <xsl:text>.</xsl:text>
          </li>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
        <!-- the state average without peer notes -->
        <xsl:if test="not($pk-highlighted[. = 'packet.programs_meeting_state_average_without_peer_notes'])">
          <li>
            <!-- the verb agrees with the count: "1 of 5 programs reaches",
                 "3 of 5 programs reach", "none of the 5 programs reaches";
                 one program: "the packet's one program reaches" or "does
                 not reach", linked to the count -->
            <xsl:variable name="meets"
                select="$t[@ref = 'packet.programs_meeting_state_average_without_peer_notes']"/>
            <xsl:text>Counting staff documentation alone, without a single peer note, </xsl:text>
            <xsl:choose>
              <xsl:when test="$nprog/@value = 1">
                <xsl:text>the packet's one program </xsl:text>
                <a class="figure" href="#{$meets/@anchor}">
                  <xsl:choose>
                    <xsl:when test="$meets/@value = 1">reaches</xsl:when>
                    <xsl:otherwise>does not reach</xsl:otherwise>
                  </xsl:choose>
                </a>
              </xsl:when>
              <xsl:when test="$meets/@value = 0">
                <a class="figure" href="#{$meets/@anchor}">none</a>
                <xsl:text> of the </xsl:text>
                <xsl:call-template name="pb-display">
                  <xsl:with-param name="v" select="$nprog"/>
                </xsl:call-template>
                <xsl:text> programs reaches</xsl:text>
              </xsl:when>
              <xsl:otherwise>
                <xsl:call-template name="pk-link">
                  <xsl:with-param name="v" select="$meets"/>
                </xsl:call-template>
                <xsl:text> of </xsl:text>
                <xsl:call-template name="pb-display">
                  <xsl:with-param name="v" select="$nprog"/>
                </xsl:call-template>
                <xsl:text> programs</xsl:text>
                <xsl:choose>
                  <xsl:when test="$meets/@value = 1"> reaches</xsl:when>
                  <xsl:otherwise> reach</xsl:otherwise>
                </xsl:choose>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:text> the statewide R-day average</xsl:text>
            <xsl:if test="not($pk-highlighted[. = 'param.state_average_rday_rate'])">
              <xsl:text> (</xsl:text>
              <xsl:apply-templates select="key('pk-fig', 'param.state_average_rday_rate')" mode="pk-prose"/>
              <xsl:text> of enrolled days)</xsl:text>
            </xsl:if>
            <xsl:text>; no rule sets a minimum.</xsl:text>
          </li>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
      </xsl:if>
      <!-- practices: each count the highlights do not show; the first
           said says "of the N organizations" -->
      <xsl:variable name="c1" select="not($pk-highlighted[. = 'packet.orgs_without_peer_notes'])"/>
      <xsl:variable name="c2" select="not($pk-highlighted[. = 'packet.orgs_with_practice_conflicts'])"/>
      <xsl:variable name="c3" select="not($pk-highlighted[. = 'packet.orgs_with_practice_concerns'])"/>
      <xsl:if test="$c1 or $c2 or $c3">
        <li>
          <xsl:if test="$c1">
            <xsl:call-template name="pk-of-orgs">
              <xsl:with-param name="name" select="'packet.orgs_without_peer_notes'"/>
              <xsl:with-param name="one" select="' has peers write no progress notes at all'"/>
              <xsl:with-param name="many" select="' have peers write no progress notes at all'"/>
              <xsl:with-param name="none" select="' keeps peers out of progress notes altogether'"/>
              <xsl:with-param name="not" select="' does not keep peers out of progress notes altogether'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="$c2">
            <xsl:if test="$c1">
              <xsl:choose>
                <xsl:when test="$c3">; </xsl:when>
                <xsl:otherwise>; and </xsl:otherwise>
              </xsl:choose>
            </xsl:if>
            <xsl:call-template name="pk-of-orgs">
              <xsl:with-param name="name" select="'packet.orgs_with_practice_conflicts'"/>
              <xsl:with-param name="one" select="' asks peers to do at least one thing the CPS Code of Ethics or ACCS section 7.5 rules out'"/>
              <xsl:with-param name="many" select="' ask peers to do at least one thing the CPS Code of Ethics or ACCS section 7.5 rules out'"/>
              <xsl:with-param name="not" select="' asks peers to do nothing the CPS Code of Ethics or ACCS section 7.5 rules out'"/>
              <xsl:with-param name="of" select="not($c1)"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="$c3">
            <xsl:if test="$c1 or $c2">; and </xsl:if>
            <xsl:call-template name="pk-of-orgs">
              <xsl:with-param name="name" select="'packet.orgs_with_practice_concerns'"/>
              <xsl:with-param name="one" select="' has at least one practice that works against the peer role'"/>
              <xsl:with-param name="many" select="' have at least one practice that works against the peer role'"/>
              <xsl:with-param name="not" select="' has no practice that works against the peer role'"/>
              <xsl:with-param name="of" select="not($c1 or $c2)"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:text>.</xsl:text>
        </li>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
    </ul>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Each organization in one row, so that a reader finds their own
       at once: the practices against the peer role, peer staff against
       the ratio, overdue certifications, each linked to its entry; the
       name links to the organization's own entry under Where the data
       come from, which links on to all its figures in the appendix. -->
  <xsl:template name="pk-orgs-glance">
    <div class="table-wrap" role="region" aria-labelledby="orgs-glance-caption"
         tabindex="0">
      <table id="orgs-glance" class="data orgs-glance">
        <xsl:text>&#10;</xsl:text>
        <caption id="orgs-glance-caption">
          <xsl:text>Each organization at a glance</xsl:text>
          <xsl:if test="$pk-fte-first = ''">
            <xsl:call-template name="pk-fte-spelled"/>
          </xsl:if>
        </caption>
        <xsl:text>&#10;</xsl:text>
        <thead>
          <tr>
            <th scope="col">Organization</th>
            <th scope="col" class="num">Practices in conflict</th>
            <th scope="col" class="num">Practices of concern</th>
            <th scope="col" class="num">Peer FTE</th>
            <th scope="col" class="num">Required FTE</th>
            <th scope="col" class="num">Certifications overdue</th>
          </tr>
        </thead>
        <xsl:text>&#10;</xsl:text>
        <tbody>
          <xsl:for-each select="$pk-orgs">
            <xsl:variable name="pre" select="concat(@id, '.')"/>
            <tr>
              <th scope="row">
                <a href="#org-{@id}">
                  <xsl:value-of select="normalize-space(pb:name)"/>
                </a>
              </th>
              <xsl:call-template name="pk-num-cell">
                <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'practice_conflicts')]"/>
                <xsl:with-param name="label" select="'Practices in conflict'"/>
              </xsl:call-template>
              <xsl:call-template name="pk-num-cell">
                <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'practice_concerns')]"/>
                <xsl:with-param name="label" select="'Practices of concern'"/>
              </xsl:call-template>
              <xsl:call-template name="pk-num-cell">
                <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'peer_fte')]"/>
                <xsl:with-param name="label" select="'Peer FTE'"/>
              </xsl:call-template>
              <xsl:call-template name="pk-num-cell">
                <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'required_peer_fte')]"/>
                <xsl:with-param name="label" select="'Required FTE'"/>
              </xsl:call-template>
              <xsl:call-template name="pk-num-cell">
                <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'certifications_overdue')]"/>
                <xsl:with-param name="label" select="'Certifications overdue'"/>
              </xsl:call-template>
            </tr>
            <xsl:text>&#10;</xsl:text>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- What FTE stands for, said once where a reader first meets it. -->
  <xsl:template name="pk-fte-spelled">
    <xsl:text> (FTE: full-time equivalents)</xsl:text>
  </xsl:template>

  <!-- After a count (the context, a pb:value) that is part of a total,
       what it is a part of: " of 5 programs", " of 4 organizations",
       " of 8 practices", " of 6 peer staff". -->
  <xsl:template name="pk-count-of">
    <xsl:variable name="t" select="$pk/pb:totals/pb:value"/>
    <!-- the name's last part (names have at most three) -->
    <xsl:variable name="r" select="substring-after(@ref, '.')"/>
    <xsl:variable name="last" select="concat(
        substring($r, 1 div not(contains($r, '.'))),
        substring-after($r, '.'))"/>
    <xsl:variable name="o" select="$pk-orgs[@id = substring-before(current()/@ref, '.')]"/>
    <xsl:variable name="n">
      <xsl:choose>
        <xsl:when test="$last = 'programs_meeting_state_average_without_peer_notes'">
          <xsl:value-of select="$t[@ref = 'packet.program_count']/@value"/>
        </xsl:when>
        <xsl:when test="starts-with($last, 'orgs_')">
          <xsl:value-of select="$t[@ref = 'packet.org_count']/@value"/>
        </xsl:when>
        <xsl:when test="$o and starts-with($last, 'practice_')">
          <xsl:value-of select="count($o/pb:practice[@value])"/>
        </xsl:when>
        <xsl:when test="$o and starts-with($last, 'certifications_')">
          <xsl:value-of select="sum($o/pb:role[@name != 'peer-supervisor']/@members)"/>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$n != ''">
      <span class="of">
        <xsl:value-of select="concat(' of ', $n, ' ')"/>
        <xsl:choose>
          <xsl:when test="starts-with($last, 'programs_')">program</xsl:when>
          <xsl:when test="starts-with($last, 'orgs_')">organization</xsl:when>
          <xsl:when test="starts-with($last, 'practice_')">practice</xsl:when>
          <xsl:otherwise>peer staff</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$n != 1 and not(starts-with($last, 'certifications_'))">s</xsl:if>
        <xsl:if test="$last = 'programs_meeting_state_average_without_peer_notes'
                      and $pk-fy">
          <xsl:value-of select="concat(' (', $pk-year, ')')"/>
        </xsl:if>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- After a Family Partner or Recovery Coach share (the context, a
       pb:value), whether it is over the series' limit, and the limit:
       "above the 25.0% limit", "within the 34.0% limit", each linked to
       its figure; nothing for any other figure. -->
  <xsl:template name="pk-limit-of">
    <xsl:variable name="org" select="substring-before(@ref, '.')"/>
    <xsl:variable name="last" select="substring-after(@ref, '.')"/>
    <xsl:if test="$last = 'family_partner_share' or $last = 'recovery_coach_share'">
      <xsl:variable name="over" select="$pk-orgs[@id = $org]/pb:value[@ref = concat(current()/@ref, '_exceeds')]"/>
      <xsl:variable name="max" select="key('pk-fig', concat('param.max_', $last))"/>
      <xsl:if test="$over">
        <xsl:text> </xsl:text>
        <span class="limit">
          <xsl:if test="$over/@value = 'true'">
            <xsl:attribute name="class">limit over</xsl:attribute>
          </xsl:if>
          <a class="figure" href="#{$over/@anchor}">
            <xsl:choose>
              <xsl:when test="$over/@value = 'true'">above</xsl:when>
              <xsl:otherwise>within</xsl:otherwise>
            </xsl:choose>
          </a>
          <xsl:text> the </xsl:text>
          <xsl:if test="$max">
            <xsl:call-template name="pk-link">
              <xsl:with-param name="v" select="$max"/>
            </xsl:call-template>
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:text>limit</xsl:text>
        </span>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- A figure in a sentence: linked, in its prose form (html.xsl). -->
  <xsl:template match="pb:value | pb:figure" mode="pk-prose">
    <a class="figure" href="#{@anchor}">
      <xsl:call-template name="prose-display"/>
    </a>
  </xsl:template>

  <!-- "N of the M organizations" + ONE or MANY as N asks; "None of the M
       organizations" + NONE (or ONE) for 0, the link on "None", which is
       the figure's value (with OF false: "N" alone, the total said
       before; "none" takes ONE). A packet of one organization names it
       (with OF false: "it"), linked, + ONE, or + NOT for 0. -->
  <xsl:template name="pk-of-orgs">
    <xsl:param name="name"/>
    <xsl:param name="one"/>
    <xsl:param name="many"/>
    <xsl:param name="not"/>
    <xsl:param name="of" select="true()"/>
    <xsl:param name="none" select="''"/>
    <xsl:variable name="f" select="$pk/pb:totals/pb:value[@ref = $name]"/>
    <xsl:variable name="m" select="$pk/pb:totals/pb:value[@ref = 'packet.org_count']/@value"/>
    <xsl:choose>
      <xsl:when test="$m = 1">
        <a class="figure" href="#{$f/@anchor}">
          <xsl:choose>
            <xsl:when test="$of">
              <xsl:value-of select="normalize-space($pk-orgs[1]/pb:name)"/>
            </xsl:when>
            <xsl:otherwise>it</xsl:otherwise>
          </xsl:choose>
        </a>
        <xsl:choose>
          <xsl:when test="$f/@value = 1">
            <xsl:value-of select="$one"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="$not"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$f/@value = 0">
        <a class="figure" href="#{$f/@anchor}">
          <xsl:choose>
            <xsl:when test="$of">None</xsl:when>
            <xsl:otherwise>none</xsl:otherwise>
          </xsl:choose>
        </a>
        <xsl:if test="$of">
          <xsl:value-of select="concat(' of the ', $m, ' organizations')"/>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="$of and $none != ''">
            <xsl:value-of select="$none"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="$one"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pk-link">
          <xsl:with-param name="v" select="$f"/>
        </xsl:call-template>
        <xsl:if test="$of">
          <xsl:value-of select="concat(' of the ', $m, ' organizations')"/>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="$f/@value = 1">
            <xsl:value-of select="$one"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="$many"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A count: the packet figure NAME (linked) when the tree has it, else
       N as counted here; then ONE or MANY as the number asks. -->
  <xsl:template name="pk-count">
    <xsl:param name="name"/>
    <xsl:param name="n" select="0"/>
    <xsl:param name="one" select="''"/>
    <xsl:param name="many" select="''"/>
    <xsl:variable name="f" select="key('pk-fig', $name)"/>
    <xsl:variable name="value">
      <xsl:choose>
        <xsl:when test="$f">
          <xsl:value-of select="$f/@value"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$n"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$f">
        <xsl:call-template name="pk-link">
          <xsl:with-param name="v" select="$f"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$n"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$one != ''">
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="$value = 1">
          <xsl:value-of select="$one"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$many"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- ", " between items of a for-each, " and " before the last. -->
  <xsl:template name="pk-list-sep">
    <xsl:choose>
      <xsl:when test="position() = 1"/>
      <xsl:when test="position() = last() and last() = 2"> and </xsl:when>
      <xsl:when test="position() = last()">, and </xsl:when>
      <xsl:otherwise>, </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The table of contents, on the first page; a table a position
       placed is listed as where it is. -->
  <xsl:template name="pk-contents">
    <nav class="contents" aria-labelledby="contents-title">
      <h2 id="contents-title">In this packet</h2>
      <ol>
        <xsl:for-each select="$pk/pb:position">
          <li>
            <a href="#pos-{@id}">
              <xsl:call-template name="pk-position-title"/>
            </a>
          </li>
        </xsl:for-each>
        <xsl:if test="$pk-orgs">
          <xsl:call-template name="pk-contents-entry">
            <xsl:with-param name="kind" select="'practices'"/>
            <xsl:with-param name="title" select="'Practices compared'"/>
          </xsl:call-template>
          <xsl:if test="$pk-orgs/pb:program">
            <xsl:call-template name="pk-contents-entry">
              <xsl:with-param name="kind" select="'funding'"/>
              <xsl:with-param name="title" select="'Funding'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="pk-contents-entry">
            <xsl:with-param name="kind" select="'staffing'"/>
            <xsl:with-param name="title" select="'Staffing'"/>
          </xsl:call-template>
          <xsl:if test="$pk-peer-roles">
            <xsl:call-template name="pk-contents-entry">
              <xsl:with-param name="kind" select="'certifications'"/>
              <xsl:with-param name="title" select="'Certification'"/>
            </xsl:call-template>
          </xsl:if>
          <li><a href="#sources">Where the data come from</a></li>
        </xsl:if>
        <xsl:if test="$pk/pb:references/pb:work">
          <li><a href="#references">References</a></li>
        </xsl:if>
        <li><a href="#appendix">How these figures were computed</a></li>
      </ol>
    </nav>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- One entry of the contents for the table of KIND: its own section,
       or the position that placed it. -->
  <xsl:template name="pk-contents-entry">
    <xsl:param name="kind"/>
    <xsl:param name="title"/>
    <xsl:variable name="d" select="$pk-directives[@kind = $kind][1]"/>
    <li>
      <a>
        <xsl:attribute name="href">
          <xsl:call-template name="pk-table-href">
            <xsl:with-param name="kind" select="$kind"/>
          </xsl:call-template>
        </xsl:attribute>
        <xsl:value-of select="$title"/>
      </a>
      <xsl:if test="$d">
        <xsl:text> (in </xsl:text>
        <xsl:for-each select="$d/ancestor::pb:position[1]">
          <xsl:call-template name="pk-position-title"/>
        </xsl:for-each>
        <xsl:text>)</xsl:text>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- Positions ================================================== -->

  <xsl:template name="pk-position-title">
    <xsl:choose>
      <xsl:when test="normalize-space(pb:meta/pb:title) != ''">
        <xsl:value-of select="normalize-space(pb:meta/pb:title)"/>
      </xsl:when>
      <xsl:when test="normalize-space((db:article/db:info/db:title
                                       | db:article/db:title)[1]) != ''">
        <xsl:value-of select="normalize-space((db:article/db:info/db:title
                                               | db:article/db:title)[1])"/>
      </xsl:when>
      <xsl:otherwise>Untitled</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A position: an article under its own h2. -->
  <xsl:template match="pb:position" mode="pk">
    <xsl:variable name="m" select="pb:meta"/>
    <article class="position" id="pos-{@id}"
             aria-labelledby="pos-{@id}_title">
      <xsl:if test="normalize-space($m/pb:lang) != ''
                    and normalize-space($m/pb:lang) != $pk-lang">
        <xsl:attribute name="lang">
          <xsl:value-of select="normalize-space($m/pb:lang)"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:text>&#10;</xsl:text>
      <header>
        <xsl:text>&#10;</xsl:text>
        <h2 id="pos-{@id}_title">
          <xsl:call-template name="pk-position-title"/>
        </h2>
        <xsl:text>&#10;</xsl:text>
        <xsl:if test="normalize-space($m/pb:subtitle) != ''">
          <p class="subtitle">
            <xsl:value-of select="normalize-space($m/pb:subtitle)"/>
          </p>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
        <xsl:if test="$m/pb:author or normalize-space($m/pb:date) != ''">
          <p class="byline">
            <xsl:for-each select="$m/pb:author">
              <xsl:call-template name="pk-list-sep"/>
              <xsl:value-of select="normalize-space(.)"/>
            </xsl:for-each>
            <xsl:if test="$m/pb:author and normalize-space($m/pb:date) != ''">
              <xsl:text> · </xsl:text>
            </xsl:if>
            <xsl:if test="normalize-space($m/pb:date) != ''">
              <time datetime="{normalize-space($m/pb:date)}">
                <xsl:call-template name="pb-date">
                  <xsl:with-param name="date" select="normalize-space($m/pb:date)"/>
                </xsl:call-template>
              </time>
            </xsl:if>
          </p>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
      </header>
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates select="*[not(self::pb:meta)]"/>
    </article>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Markdown headings in a packet: the shallowest level the position
       uses becomes h3 (under the position's h2), each deeper level used
       one more, at most h6; levels the text skips are closed up, so the
       outline has no gaps (# and ### alone become h3 and h4). -->
  <xsl:template match="cm:heading[ancestor::pb:packet]">
    <xsl:variable name="h" select="ancestor::cm:document[1]//cm:heading"/>
    <xsl:variable name="l" select="number(@level)"/>
    <xsl:variable name="rank" select="
        number($l &gt; 1 and boolean($h[@level = 1]))
      + number($l &gt; 2 and boolean($h[@level = 2]))
      + number($l &gt; 3 and boolean($h[@level = 3]))
      + number($l &gt; 4 and boolean($h[@level = 4]))
      + number($l &gt; 5 and boolean($h[@level = 5]))"/>
    <xsl:variable name="level">
      <xsl:choose>
        <xsl:when test="$rank &gt; 3">6</xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="3 + $rank"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="cm-cr"/>
    <xsl:element name="h{$level}">
      <xsl:apply-templates/>
    </xsl:element>
    <xsl:call-template name="nl"/>
  </xsl:template>

  <!-- DocBook sections in a packet: a top-level section is h3, each
       nested one a level deeper, at most h6. -->
  <xsl:template match="db:section[ancestor::pb:packet]
                       | db:sect1[ancestor::pb:packet]
                       | db:sect2[ancestor::pb:packet]
                       | db:sect3[ancestor::pb:packet]
                       | db:sect4[ancestor::pb:packet]
                       | db:sect5[ancestor::pb:packet]
                       | db:simplesect[ancestor::pb:packet]">
    <xsl:variable name="depth" select="count(ancestor-or-self::*[
        contains($db-sections, concat('|', local-name(), '|'))
        and namespace-uri() = 'http://docbook.org/ns/docbook'])"/>
    <xsl:variable name="level">
      <xsl:choose>
        <xsl:when test="$depth &gt; 3">6</xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$depth + 2"/>
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
        <xsl:text>&#10;</xsl:text>
      </xsl:for-each>
      <xsl:apply-templates select="node()[not(self::db:info or self::db:title
          or self::db:subtitle or self::db:titleabbrev)]"/>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A DocBook table in a packet: scrollable on screen, and never without
       a caption (its title, else the title of the section it is in, else
       the position's). A caption that says what the heading of its
       section says (the table has no title of its own, or its title is
       the heading's words) is there for screen readers only
       (class "visually-hidden"): the reader sees the heading once. -->
  <xsl:template match="db:informaltable[ancestor::pb:packet]
                       | db:table[ancestor::pb:packet]">
    <xsl:variable name="n">
      <xsl:number level="any" from="pb:position"
                  count="db:informaltable | db:table"/>
    </xsl:variable>
    <!-- the table's id: the author's (renamed as db-id renames it) or
         pos-ID_table-N; its caption's is always pos-ID_table-N-caption, so
         that it cannot meet an id the author wrote -->
    <xsl:variable name="gen" select="concat('pos-', ancestor::pb:position[1]/@id,
                                            '_table-', $n)"/>
    <xsl:variable name="id">
      <xsl:choose>
        <xsl:when test="@xml:id">
          <xsl:value-of select="concat('pos-', ancestor::pb:position[1]/@id,
                                       '.', @xml:id)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$gen"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="also" select="concat('pos-', ancestor::pb:position[1]/@id, '_title')"/>
    <xsl:variable name="own" select="(db:caption | db:title | db:info/db:title)[1]"/>
    <xsl:variable name="sect" select="ancestor::*[self::db:section or self::db:sect1
        or self::db:sect2 or self::db:sect3 or self::db:sect4 or self::db:sect5
        or self::db:simplesect][1]"/>
    <!-- the words of the heading the table stands under -->
    <xsl:variable name="heading">
      <xsl:choose>
        <xsl:when test="$sect/db:title | $sect/db:info/db:title">
          <xsl:value-of select="normalize-space(($sect/db:title | $sect/db:info/db:title)[1])"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="ancestor::pb:position[1]">
            <xsl:call-template name="pk-position-title"/>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <div class="table-wrap" role="region"
         aria-labelledby="{normalize-space(concat($gen, '-caption ', $also))}"
         tabindex="0">
      <table id="{$id}">
        <xsl:text>&#10;</xsl:text>
        <caption id="{$gen}-caption">
          <xsl:if test="not($own and normalize-space($own) != $heading)">
            <xsl:attribute name="class">visually-hidden</xsl:attribute>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="$own">
              <xsl:apply-templates select="$own/node()"/>
            </xsl:when>
            <xsl:when test="$sect/db:title | $sect/db:info/db:title">
              <xsl:apply-templates
                  select="($sect/db:title | $sect/db:info/db:title)[1]/node()"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:for-each select="ancestor::pb:position[1]">
                <xsl:call-template name="pk-position-title"/>
              </xsl:for-each>
            </xsl:otherwise>
          </xsl:choose>
        </caption>
        <xsl:text>&#10;</xsl:text>
        <xsl:apply-templates select="*[not(self::db:caption)]"/>
      </table>
    </div>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Header cells of DocBook's HTML table model in a packet get a scope
       when they have none: col in thead, row for a row's first cell. -->
  <xsl:template match="db:th[ancestor::pb:packet]">
    <th>
      <xsl:for-each select="@colspan | @rowspan | @scope | @class">
        <xsl:attribute name="{local-name()}">
          <xsl:value-of select="."/>
        </xsl:attribute>
      </xsl:for-each>
      <xsl:if test="not(@scope)">
        <xsl:attribute name="scope">
          <xsl:choose>
            <xsl:when test="ancestor::db:thead">col</xsl:when>
            <xsl:when test="not(preceding-sibling::*)">row</xsl:when>
            <xsl:otherwise>col</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:if>
      <xsl:call-template name="db-align"/>
      <xsl:apply-templates/>
    </th>
  </xsl:template>

  <!-- Block directives ============================================ -->

  <!-- A directive's table or figure box, where the position asked for it.
       Its ids start with the position's, so they are unique. Outside a
       packet (never in a build) a directive shows nothing. -->
  <xsl:template match="pb:directive">
    <xsl:if test="ancestor::pb:packet">
      <xsl:variable name="id">
        <xsl:call-template name="pk-directive-id"/>
      </xsl:variable>
      <xsl:variable name="first"
          select="generate-id($pk-directives[@kind = current()/@kind][1])
                  = generate-id(.)"/>
      <!-- the region's name adds the position's title, so that it differs
           from the same table's elsewhere in the document -->
      <xsl:variable name="title-id"
          select="concat('pos-', ancestor::pb:position[1]/@id, '_title')"/>
      <xsl:choose>
        <xsl:when test="@kind = 'figure'">
          <xsl:call-template name="pk-figure-box"/>
        </xsl:when>
        <xsl:when test="@kind = 'chart'">
          <xsl:call-template name="pk-chart">
            <xsl:with-param name="id" select="$id"/>
          </xsl:call-template>
        </xsl:when>
        <!-- a table placed twice: the second time, where it is -->
        <xsl:when test="not($first)">
          <p class="see-table">
            <xsl:text>See </xsl:text>
            <a>
              <xsl:attribute name="href">
                <xsl:call-template name="pk-table-href">
                  <xsl:with-param name="kind" select="@kind"/>
                </xsl:call-template>
              </xsl:attribute>
              <xsl:choose>
                <xsl:when test="@kind = 'practices'">the comparison of practices</xsl:when>
                <xsl:when test="@kind = 'funding'">the funding table</xsl:when>
                <xsl:when test="@kind = 'staffing'">the staffing table</xsl:when>
                <xsl:otherwise>the certification table</xsl:otherwise>
              </xsl:choose>
            </a>
            <xsl:text> in </xsl:text>
            <xsl:for-each select="$pk-directives[@kind = current()/@kind][1]/ancestor::pb:position[1]">
              <xsl:call-template name="pk-position-title"/>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
          </p>
          <xsl:text>&#10;</xsl:text>
        </xsl:when>
        <!-- a table: the same in every packet with the same organizations
             and figures but for its two ids, this position's -->
        <xsl:when test="@kind = 'practices' or @kind = 'funding'
                        or @kind = 'staffing' or @kind = 'certifications'">
          <xsl:call-template name="pk-memo">
            <xsl:with-param name="part" select="concat('table ', @kind)"/>
            <xsl:with-param name="words" select="concat($id, ' ', $title-id)"/>
          </xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- The table of KIND with the ids ID and ALSO (see pk-section). -->
  <xsl:template name="pk-table">
    <xsl:param name="kind"/>
    <xsl:param name="id"/>
    <xsl:param name="also"/>
    <xsl:choose>
      <xsl:when test="$kind = 'practices'">
        <xsl:call-template name="pk-practices-table">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="also" select="$also"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$kind = 'funding'">
        <xsl:call-template name="pk-funding-table">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="also" select="$also"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$kind = 'staffing'">
        <xsl:call-template name="pk-staffing-table">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="also" select="$also"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$kind = 'certifications'">
        <xsl:call-template name="pk-certifications-table">
          <xsl:with-param name="id" select="$id"/>
          <xsl:with-param name="also" select="$also"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- One figure with its formula and inputs (=figure NAME). -->
  <xsl:template name="pk-figure-box">
    <xsl:variable name="f" select="key('pk-fig', @ref)"/>
    <figure class="figure-box">
      <xsl:text>&#10;</xsl:text>
      <p class="figure-value">
        <xsl:call-template name="pk-link"/>
      </p>
      <xsl:text>&#10;</xsl:text>
      <figcaption>
        <xsl:text>&#10;</xsl:text>
        <p class="figure-label">
          <strong>
            <xsl:call-template name="pk-figure-label">
              <xsl:with-param name="name" select="@ref"/>
            </xsl:call-template>
          </strong>
          <xsl:call-template name="pk-figure-context">
            <xsl:with-param name="name" select="@ref"/>
          </xsl:call-template>
        </p>
        <xsl:text>&#10;</xsl:text>
        <p>
          <code>
            <xsl:value-of select="@ref"/>
          </code>
          <xsl:if test="$f/pb:formula">
            <xsl:text> = </xsl:text>
            <xsl:value-of select="$f/pb:formula"/>
          </xsl:if>
        </p>
        <xsl:text>&#10;</xsl:text>
        <xsl:if test="$f/pb:input">
          <!-- its amounts in one format: cents on all when one has them -->
          <xsl:variable name="cents" select="boolean(key('pk-fig', $f/pb:input/@name)
              [@unit = 'usd'][substring-after(@value, '.') != '00'])"/>
          <p>
            <xsl:text>From: </xsl:text>
            <xsl:for-each select="$f/pb:input">
              <xsl:if test="position() &gt; 1">; </xsl:if>
              <xsl:variable name="in" select="key('pk-fig', @name)"/>
              <xsl:choose>
                <xsl:when test="$in">
                  <xsl:call-template name="pk-figure-label">
                    <xsl:with-param name="name" select="@name"/>
                  </xsl:call-template>
                  <xsl:text> </xsl:text>
                  <xsl:call-template name="pk-link">
                    <xsl:with-param name="v" select="$in"/>
                    <xsl:with-param name="cents" select="$cents"/>
                  </xsl:call-template>
                </xsl:when>
                <xsl:otherwise>
                  <code>
                    <xsl:value-of select="@name"/>
                  </code>
                  <xsl:value-of select="concat(' = ', @value)"/>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
            <xsl:text>.</xsl:text>
          </p>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
        <p>
          <a href="#{@anchor}">How this figure was computed</a>
          <xsl:text> (appendix)</xsl:text>
        </p>
        <xsl:text>&#10;</xsl:text>
      </figcaption>
      <xsl:text>&#10;</xsl:text>
    </figure>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Sections with tables ======================================== -->

  <!-- Practices compared, then where each organization's data come from. -->
  <xsl:template name="pk-practices-section">
    <section id="practices" aria-labelledby="practices-title">
      <xsl:text>&#10;</xsl:text>
      <h2 id="practices-title">Practices compared</h2>
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="pk-practices-table">
        <xsl:with-param name="id" select="'practices-table'"/>
      </xsl:call-template>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Where each organization's data come from, in its own words. -->
  <xsl:template name="pk-sources-section">
    <xsl:variable name="same-source" select="normalize-space($pk-orgs[1]/pb:source) != ''
        and not($pk-orgs[normalize-space(pb:source) != normalize-space($pk-orgs[1]/pb:source)])"/>
    <section id="sources" aria-labelledby="sources-title">
      <xsl:text>&#10;</xsl:text>
      <h2 id="sources-title">Where the data come from</h2>
      <xsl:text>&#10;</xsl:text>
      <dl class="sources">
        <xsl:for-each select="$pk-orgs">
          <div id="org-{@id}">
            <dt>
              <xsl:value-of select="normalize-space(pb:name)"/>
              <xsl:if test="normalize-space(pb:region) != ''
                            or pb:contracts/pb:contract">
                <span class="context">
                  <xsl:value-of select="normalize-space(pb:region)"/>
                  <xsl:if test="normalize-space(pb:region) != ''
                                and pb:contracts/pb:contract">
                    <xsl:text>; </xsl:text>
                  </xsl:if>
                  <!-- "ACCS since July 1, 2018; ..." -->
                  <xsl:for-each select="pb:contracts/pb:contract">
                    <xsl:if test="position() &gt; 1">; </xsl:if>
                    <xsl:value-of select="concat(normalize-space(@type), ' since ')"/>
                    <xsl:call-template name="pb-date">
                      <xsl:with-param name="date" select="normalize-space(@since)"/>
                    </xsl:call-template>
                  </xsl:for-each>
                </span>
              </xsl:if>
            </dt>
            <dd>
              <xsl:choose>
                <!-- a statement all the organizations share is said once,
                     after the last of them -->
                <xsl:when test="$same-source and position() != last()">
                  <xsl:text>See below.</xsl:text>
                </xsl:when>
                <xsl:when test="$same-source and last() &gt; 1">
                  <xsl:text>For all </xsl:text>
                  <xsl:value-of select="last()"/>
                  <xsl:text> organizations: </xsl:text>
                  <xsl:value-of select="normalize-space(pb:source)"/>
                </xsl:when>
                <xsl:when test="normalize-space(pb:source) != ''">
                  <xsl:value-of select="normalize-space(pb:source)"/>
                </xsl:when>
                <xsl:otherwise>No source given.</xsl:otherwise>
              </xsl:choose>
              <!-- on to its figures, where the appendix has them -->
              <xsl:if test="$pk/pb:figures/pb:figure[starts-with(@name, concat(current()/@id, '.'))]">
                <xsl:text> </xsl:text>
                <a href="#appendix-org-{@id}">
                  <xsl:value-of select="concat(normalize-space(pb:name),
                                               ': how each figure was computed')"/>
                </a>
                <xsl:text>.</xsl:text>
              </xsl:if>
            </dd>
          </div>
          <xsl:text>&#10;</xsl:text>
        </xsl:for-each>
      </dl>
      <xsl:text>&#10;</xsl:text>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Funding, staffing or certification: a heading, a line on how to
       read the table, the table. -->
  <xsl:template name="pk-section">
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <section id="{$id}" aria-labelledby="{$id}-title">
      <xsl:text>&#10;</xsl:text>
      <h2 id="{$id}-title">
        <xsl:value-of select="$title"/>
      </h2>
      <xsl:text>&#10;</xsl:text>
      <xsl:choose>
        <xsl:when test="$id = 'funding'">
          <p>DMH pays for every enrolled day. An R-day is a day documented
            to Rehab Option standards; Medicaid reimburses DMH part of its
            cost. "Without peer notes" counts only the R-days staff
            documented, leaving out those that qualified only through a
            peer's note.</p>
          <xsl:text>&#10;</xsl:text>
          <xsl:call-template name="pk-funding-table">
            <xsl:with-param name="id" select="'funding-table'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="$id = 'staffing'">
          <p>Peer FTE counts Peer Specialists, Recovery Coaches, Family
            Partners, Young Adult Peer Mentors and Older Adult Peer
            Specialists; peer supervisors are not counted. The required FTE
            follows the enrollment of each organization's latest fiscal
            year.</p>
          <xsl:text>&#10;</xsl:text>
          <xsl:call-template name="pk-staffing-table">
            <xsl:with-param name="id" select="'staffing-table'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <p>
            <xsl:choose>
              <xsl:when test="$pk-internal">Every member of staff in a peer
                role, with the date their certification is due</xsl:when>
              <xsl:otherwise>Staff in peer roles, counted by role (this
                packet is public, so no one is named), by where their
                certification stands; it is due</xsl:otherwise>
            </xsl:choose>
            <xsl:if test="key('pk-fig', 'param.certification_window_months')">
              <xsl:text>(</xsl:text>
              <xsl:call-template name="pk-link">
                <xsl:with-param name="v"
                    select="key('pk-fig', 'param.certification_window_months')"/>
              </xsl:call-template>
              <xsl:text> months after hire, CPS or an approved training
                such as Intentional Peer Support)</xsl:text>
            </xsl:if>
            <xsl:text>.</xsl:text></p>
          <xsl:text>&#10;</xsl:text>
          <xsl:call-template name="pk-certifications-table">
            <xsl:with-param name="id" select="'certifications-table'"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Tables ===================================================== -->

  <!-- Every generated table sits in the same accessible wrapper: a
       focusable region labelled by the table's caption, which scrolls
       sideways on a narrow screen (div.table-wrap in style.css). -->

  <!-- The practices, organizations side by side. -->
  <xsl:template name="pk-practices-table">
    <xsl:param name="id"/>
    <xsl:param name="also" select="''"/>
    <p class="table-key">
      <xsl:for-each select="$pk-practices/pb:key/node()">
        <xsl:choose>
          <xsl:when test="self::*">
            <strong><xsl:value-of select="."/></strong>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="."/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </p>
    <xsl:text>&#10;</xsl:text>
    <div class="table-wrap" role="region"
         aria-labelledby="{normalize-space(concat($id, '-caption ', $also))}"
         tabindex="0">
      <xsl:call-template name="pk-stack">
      <xsl:with-param name="table">
      <table id="{$id}" class="data practices">
        <xsl:text>&#10;</xsl:text>
        <caption id="{$id}-caption">Practices compared with the CPS Code of
          Ethics and ACCS section 7.5</caption>
        <xsl:text>&#10;</xsl:text>
        <thead>
          <tr>
            <th scope="col">Practice</th>
            <xsl:for-each select="$pk-orgs">
              <th scope="col">
                <xsl:value-of select="normalize-space(pb:name)"/>
              </th>
            </xsl:for-each>
            <th scope="col" class="reason">Why it matters</th>
          </tr>
        </thead>
        <xsl:text>&#10;</xsl:text>
        <tbody>
          <xsl:text>&#10;</xsl:text>
          <!-- the rows: the practices as the first organization lists
               them (all eight, in DESIGN.md's order) -->
          <xsl:for-each select="$pk-orgs[1]/pb:practice">
            <xsl:variable name="name" select="@name"/>
            <xsl:variable name="p" select="$pk-practices/pb:practice[@name = $name]"/>
            <tr>
              <th scope="row">
                <xsl:choose>
                  <xsl:when test="$p/@label">
                    <xsl:value-of select="$p/@label"/>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:value-of select="$name"/>
                  </xsl:otherwise>
                </xsl:choose>
              </th>
              <xsl:for-each select="$pk-orgs">
                <xsl:call-template name="pk-practice-cell">
                  <xsl:with-param name="p" select="pb:practice[@name = $name]"/>
                </xsl:call-template>
              </xsl:for-each>
              <td class="reason">
                <xsl:value-of select="normalize-space($p/pb:reason)"/>
              </td>
            </tr>
            <xsl:text>&#10;</xsl:text>
          </xsl:for-each>
        </tbody>
        <xsl:text>&#10;</xsl:text>
        <tfoot>
          <tr>
            <th scope="row">Practices in conflict</th>
            <xsl:for-each select="$pk-orgs">
              <td class="num">
                <xsl:call-template name="pk-link">
                  <xsl:with-param name="v" select="pb:value[@ref =
                      concat(current()/@id, '.practice_conflicts')]"/>
                </xsl:call-template>
              </td>
            </xsl:for-each>
            <td class="reason">
              <xsl:value-of select="$pk-practices/pb:level[@name = 'conflict']/@total"/>
            </td>
          </tr>
          <tr>
            <th scope="row">Practices of concern</th>
            <xsl:for-each select="$pk-orgs">
              <td class="num">
                <xsl:call-template name="pk-link">
                  <xsl:with-param name="v" select="pb:value[@ref =
                      concat(current()/@id, '.practice_concerns')]"/>
                </xsl:call-template>
              </td>
            </xsl:for-each>
            <td class="reason">
              <xsl:value-of select="$pk-practices/pb:level[@name = 'concern']/@total"/>
            </td>
          </tr>
        </tfoot>
        <xsl:text>&#10;</xsl:text>
      </table>
      </xsl:with-param>
      </xsl:call-template>
    </div>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- One organization's answer and its assessment (figures.c decides
       it; templates/practices.xml words it): the value, then the level in
       words with a mark, so that colour is never the only sign. -->
  <xsl:template name="pk-practice-cell">
    <xsl:param name="p"/>
    <xsl:variable name="level" select="$pk-practices/pb:level[@name = $p/@status]"/>
    <xsl:variable name="word"
        select="$pk-practices/pb:practice[@name = $p/@name]/pb:value[@name = $p/@value]"/>
    <xsl:choose>
      <xsl:when test="$p/@value">
        <td class="{$p/@status}">
          <xsl:choose>
            <xsl:when test="$word">
              <xsl:value-of select="normalize-space($word)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$p/@value"/>
            </xsl:otherwise>
          </xsl:choose>
          <br/>
          <span class="level">
            <xsl:value-of select="concat($level/@mark, ' ')"/>
            <xsl:choose>
              <xsl:when test="$p/@status = 'conflict'">
                <strong><xsl:value-of select="$level/@label"/></strong>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="$level/@label"/>
              </xsl:otherwise>
            </xsl:choose>
          </span>
        </td>
      </xsl:when>
      <xsl:otherwise>
        <td class="not-reported">
          <xsl:value-of select="$pk-practices/pb:level[@name = 'not-reported']/@label"/>
        </td>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Funding: one row per program, grouped by organization. -->
  <xsl:template name="pk-funding-table">
    <xsl:param name="id"/>
    <xsl:param name="also" select="''"/>
    <!-- every amount the table shows: one format for all of them -->
    <xsl:variable name="money" select="$pk-programs/pb:value
        [substring-after(@ref, concat(../../@id, '.', ../@id, '.')) = 'dmh_payment'
         or substring-after(@ref, concat(../../@id, '.', ../@id, '.')) = 'medicaid_reimbursement'
         or substring-after(@ref, concat(../../@id, '.', ../@id, '.')) = 'peer_note_reimbursement']
        | $pk/pb:totals/pb:value[@ref = 'packet.total_dmh_payment'
          or @ref = 'packet.total_medicaid_reimbursement'
          or @ref = 'packet.total_peer_note_reimbursement']"/>
    <div role="region">
      <xsl:call-template name="pk-wrap-class">
        <xsl:with-param name="rows" select="count($pk-programs | $pk-orgs[pb:program[@in-year = 'yes']])"/>
      </xsl:call-template>
      <xsl:attribute name="aria-labelledby">
        <xsl:value-of select="normalize-space(concat($id, '-caption ', $also))"/>
      </xsl:attribute>
      <xsl:attribute name="tabindex">0</xsl:attribute>
      <xsl:call-template name="pk-stack">
      <xsl:with-param name="table">
      <table id="{$id}" class="data funding">
        <xsl:text>&#10;</xsl:text>
        <caption id="{$id}-caption">
          <xsl:text>DMH payment, R-days and what peer notes are worth, by program</xsl:text>
          <xsl:if test="$pk-fy">
            <xsl:value-of select="concat(', ', $pk-year)"/>
          </xsl:if>
        </caption>
        <xsl:text>&#10;</xsl:text>
        <thead>
          <tr>
            <th scope="col">Program</th>
            <th scope="col" class="num">DMH payment</th>
            <th scope="col" class="num">R-day rate</th>
            <th scope="col" class="num">R-day rate without peer notes</th>
            <th scope="col">At the state average without peer notes</th>
            <th scope="col" class="num">Medicaid reimbursement</th>
            <th scope="col" class="num">Share DMH pays unreimbursed</th>
            <th scope="col" class="num">What peer notes are worth</th>
            <th scope="col" class="num">Share of DMH payment</th>
          </tr>
        </thead>
        <xsl:text>&#10;</xsl:text>
        <xsl:for-each select="$pk-orgs[pb:program[@in-year = 'yes']]">
          <tbody>
            <tr class="group">
              <th scope="rowgroup" colspan="9">
                <xsl:value-of select="normalize-space(pb:name)"/>
              </th>
            </tr>
            <xsl:for-each select="pb:program[@in-year = 'yes']">
              <xsl:variable name="pre"
                  select="concat(../@id, '.', @id, '.')"/>
              <tr>
                <th scope="row">
                  <xsl:call-template name="pk-program-name"/>
                </th>
                <xsl:call-template name="pk-money-cell">
                  <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'dmh_payment')]"/>
                  <xsl:with-param name="column" select="$money"/>
                </xsl:call-template>
                <td class="num">
                  <xsl:call-template name="pk-link">
                    <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'rday_rate')]"/>
                  </xsl:call-template>
                  <xsl:if test="pb:value[@ref = concat($pre, 'zero_rdays')]/@value = 'true'">
                    <br/>
                    <a class="flag" href="#{pb:value[@ref = concat($pre, 'zero_rdays')]/@anchor}">no R-days</a>
                  </xsl:if>
                </td>
                <xsl:call-template name="pk-num-cell">
                  <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'rday_rate_without_peer_notes')]"/>
                </xsl:call-template>
                <xsl:variable name="meets"
                    select="pb:value[@ref = concat($pre, 'meets_state_average_without_peer_notes')]"/>
                <xsl:variable name="short"
                    select="pb:value[@ref = concat($pre, 'rday_shortfall_without_peer_notes')]"/>
                <td>
                  <xsl:if test="$meets/@value = 'false'">
                    <xsl:attribute name="class">flagged</xsl:attribute>
                  </xsl:if>
                  <xsl:call-template name="pk-link">
                    <xsl:with-param name="v" select="$meets"/>
                  </xsl:call-template>
                  <xsl:if test="$meets/@value = 'false' and $short">
                    <xsl:text> — </xsl:text>
                    <xsl:call-template name="pk-link">
                      <xsl:with-param name="v" select="$short"/>
                    </xsl:call-template>
                    <xsl:text> R-days short</xsl:text>
                  </xsl:if>
                </td>
                <xsl:call-template name="pk-money-cell">
                  <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'medicaid_reimbursement')]"/>
                  <xsl:with-param name="column" select="$money"/>
                </xsl:call-template>
                <xsl:call-template name="pk-num-cell">
                  <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'unreimbursed_share')]"/>
                </xsl:call-template>
                <xsl:call-template name="pk-money-cell">
                  <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'peer_note_reimbursement')]"/>
                  <xsl:with-param name="column" select="$money"/>
                </xsl:call-template>
                <xsl:call-template name="pk-num-cell">
                  <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'peer_note_share_of_payment')]"/>
                </xsl:call-template>
              </tr>
            </xsl:for-each>
          </tbody>
          <xsl:text>&#10;</xsl:text>
        </xsl:for-each>
        <!-- the packet's totals: its year's programs only -->
        <xsl:if test="$pk/pb:totals/pb:value[@ref = 'packet.total_dmh_payment']">
          <xsl:variable name="t" select="$pk/pb:totals/pb:value"/>
          <tfoot>
            <tr>
              <th scope="row">
                <xsl:text>All </xsl:text>
                <xsl:call-template name="pk-link">
                  <xsl:with-param name="v" select="$t[@ref = 'packet.program_count']"/>
                </xsl:call-template>
                <xsl:choose>
                  <xsl:when test="$t[@ref = 'packet.program_count']/@value = 1"> program</xsl:when>
                  <xsl:otherwise> programs</xsl:otherwise>
                </xsl:choose>
                <xsl:if test="$pk-fy">
                  <xsl:value-of select="concat(' of ', $pk-year)"/>
                </xsl:if>
              </th>
              <xsl:call-template name="pk-money-cell">
                <xsl:with-param name="v" select="$t[@ref = 'packet.total_dmh_payment']"/>
                <xsl:with-param name="column" select="$money"/>
              </xsl:call-template>
              <td></td>
              <td></td>
              <td>
                <xsl:call-template name="pk-link">
                  <xsl:with-param name="v" select="$t[@ref =
                      'packet.programs_meeting_state_average_without_peer_notes']"/>
                </xsl:call-template>
                <xsl:text> of </xsl:text>
                <xsl:call-template name="pb-display">
                  <xsl:with-param name="v" select="$t[@ref = 'packet.program_count']"/>
                </xsl:call-template>
                <xsl:text> programs</xsl:text>
              </td>
              <xsl:call-template name="pk-money-cell">
                <xsl:with-param name="v" select="$t[@ref = 'packet.total_medicaid_reimbursement']"/>
                <xsl:with-param name="column" select="$money"/>
              </xsl:call-template>
              <xsl:call-template name="pk-num-cell">
                <xsl:with-param name="v" select="$t[@ref = 'packet.unreimbursed_share']"/>
                <xsl:with-param name="blank" select="true()"/>
              </xsl:call-template>
              <xsl:call-template name="pk-money-cell">
                <xsl:with-param name="v" select="$t[@ref = 'packet.total_peer_note_reimbursement']"/>
                <xsl:with-param name="column" select="$money"/>
              </xsl:call-template>
              <xsl:call-template name="pk-num-cell">
                <xsl:with-param name="v" select="$t[@ref = 'packet.peer_note_share_of_payment']"/>
                <xsl:with-param name="blank" select="true()"/>
              </xsl:call-template>
            </tr>
          </tfoot>
          <xsl:text>&#10;</xsl:text>
        </xsl:if>
      </table>
      </xsl:with-param>
      </xsl:call-template>
    </div>
    <xsl:text>&#10;</xsl:text>
    <xsl:call-template name="pk-year-note"/>
    <xsl:if test="$pk-earlier">
      <xsl:call-template name="pk-earlier-table">
        <xsl:with-param name="id" select="concat($id, '-earlier')"/>
        <xsl:with-param name="also" select="$also"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The organizations with no program in the packet's year, named. -->
  <xsl:template name="pk-year-note">
    <xsl:variable name="none" select="$pk-orgs[@in-year = 'no']"/>
    <xsl:if test="$none">
      <p class="year-note">
        <xsl:for-each select="$none">
          <xsl:call-template name="pk-list-sep"/>
          <xsl:value-of select="normalize-space(pb:name)"/>
        </xsl:for-each>
        <xsl:choose>
          <xsl:when test="count($none) = 1"> reported no program</xsl:when>
          <xsl:otherwise> reported no programs</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$pk-fy">
          <xsl:value-of select="concat(' for ', $pk-year)"/>
        </xsl:if>
        <xsl:text>, so the totals above leave </xsl:text>
        <xsl:choose>
          <xsl:when test="count($none) = 1">it</xsl:when>
          <xsl:otherwise>them</xsl:otherwise>
        </xsl:choose>
        <xsl:text> out.</xsl:text>
      </p>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Earlier years: each program of another year with its own figures,
       never added into a total. -->
  <xsl:template name="pk-earlier-table">
    <xsl:param name="id"/>
    <xsl:param name="also" select="''"/>
    <div class="table-wrap" role="region"
         aria-labelledby="{normalize-space(concat($id, '-caption ', $also))}"
         tabindex="0">
      <xsl:call-template name="pk-stack">
      <xsl:with-param name="table">
      <table id="{$id}" class="data funding earlier">
        <xsl:text>&#10;</xsl:text>
        <caption id="{$id}-caption">
          <xsl:text>Earlier years, by program (not in the totals</xsl:text>
          <xsl:if test="$pk-fy">
            <xsl:value-of select="concat(' of ', $pk-year)"/>
          </xsl:if>
          <xsl:text>)</xsl:text>
        </caption>
        <xsl:text>&#10;</xsl:text>
        <thead>
          <tr>
            <th scope="col">Program</th>
            <th scope="col" class="num">DMH payment</th>
            <th scope="col" class="num">R-day rate</th>
            <th scope="col" class="num">R-day rate without peer notes</th>
          </tr>
        </thead>
        <xsl:text>&#10;</xsl:text>
        <tbody>
          <xsl:for-each select="$pk-earlier">
            <xsl:variable name="pre" select="concat(../@id, '.', @id, '.')"/>
            <tr>
              <th scope="row">
                <xsl:value-of select="concat(normalize-space(../pb:name), ': ')"/>
                <xsl:call-template name="pk-program-name"/>
              </th>
              <xsl:call-template name="pk-money-cell">
                <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'dmh_payment')]"/>
                <xsl:with-param name="column" select="$pk-earlier/pb:value[substring-after(@ref, concat(../../@id, '.', ../@id, '.')) = 'dmh_payment']"/>
              </xsl:call-template>
              <xsl:call-template name="pk-num-cell">
                <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'rday_rate')]"/>
              </xsl:call-template>
              <xsl:call-template name="pk-num-cell">
                <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'rday_rate_without_peer_notes')]"/>
              </xsl:call-template>
            </tr>
            <xsl:text>&#10;</xsl:text>
          </xsl:for-each>
        </tbody>
      </table>
      </xsl:with-param>
      </xsl:call-template>
    </div>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A money cell of a table that uses one format for its amounts:
       whole dollars when every value of COLUMN (every amount the table
       shows) is whole, else every value with its cents. -->
  <xsl:template name="pk-money-cell">
    <xsl:param name="v"/>
    <xsl:param name="column"/>
    <td class="num">
      <xsl:if test="$v">
        <a class="figure" href="#{$v/@anchor}">
          <xsl:choose>
            <xsl:when test="$column[substring-after(@value, '.') != '00']">
              <xsl:for-each select="$v">
                <xsl:call-template name="money-display">
                  <xsl:with-param name="cents" select="true()"/>
                </xsl:call-template>
              </xsl:for-each>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="pb-display">
                <xsl:with-param name="v" select="$v"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </a>
      </xsl:if>
    </td>
  </xsl:template>

  <!-- A program's name: contract and fiscal year, then its id. -->
  <xsl:template name="pk-program-name">
    <xsl:value-of select="@contract"/>
    <xsl:if test="@fiscal-year != ''">
      <xsl:text> </xsl:text>
      <xsl:call-template name="pb-fiscal-year"><xsl:with-param name="year" select="@fiscal-year"/></xsl:call-template>
    </xsl:if>
    <xsl:text> </xsl:text>
    <span class="id">
      <xsl:value-of select="@id"/>
    </span>
  </xsl:template>

  <!-- Staffing: one row per organization. -->
  <xsl:template name="pk-staffing-table">
    <xsl:param name="id"/>
    <xsl:param name="also" select="''"/>
    <xsl:variable name="maxfp" select="key('pk-fig', 'param.max_family_partner_share')"/>
    <xsl:variable name="maxrc" select="key('pk-fig', 'param.max_recovery_coach_share')"/>
    <div class="table-wrap" role="region"
         aria-labelledby="{normalize-space(concat($id, '-caption ', $also))}"
         tabindex="0">
      <xsl:call-template name="pk-stack">
      <xsl:with-param name="table">
      <table id="{$id}" class="data staffing">
        <xsl:text>&#10;</xsl:text>
        <caption id="{$id}-caption">Peer staff, supervision and the staffing
          ratio, by organization</caption>
        <xsl:text>&#10;</xsl:text>
        <thead>
          <tr>
            <th scope="col">Organization</th>
            <th scope="col" class="staff">Peer staff</th>
            <th scope="col">Team and supervision</th>
            <th scope="col" class="num">Peer FTE</th>
            <th scope="col" class="num">Peer FTE without lived experience</th>
            <th scope="col" class="num">Required FTE</th>
            <th scope="col">Meets ratio</th>
            <th scope="col">Family Partner share
              <xsl:if test="$maxfp">
                <span class="limit">
                  <xsl:text>(limit </xsl:text>
                  <xsl:call-template name="pk-link">
                    <xsl:with-param name="v" select="$maxfp"/>
                  </xsl:call-template>
                  <xsl:text>)</xsl:text>
                </span>
              </xsl:if>
            </th>
            <th scope="col">Recovery Coach share
              <xsl:if test="$maxrc">
                <span class="limit">
                  <xsl:text>(limit </xsl:text>
                  <xsl:call-template name="pk-link">
                    <xsl:with-param name="v" select="$maxrc"/>
                  </xsl:call-template>
                  <xsl:text>)</xsl:text>
                </span>
              </xsl:if>
            </th>
          </tr>
        </thead>
        <xsl:text>&#10;</xsl:text>
        <tbody>
          <xsl:text>&#10;</xsl:text>
          <xsl:for-each select="$pk-orgs">
            <xsl:variable name="pre" select="concat(@id, '.')"/>
            <xsl:variable name="meets" select="pb:value[@ref = concat($pre, 'meets_peer_ratio')]"/>
            <tr>
              <th scope="row">
                <xsl:value-of select="normalize-space(pb:name)"/>
              </th>
              <td>
                <xsl:call-template name="pk-staff-list"/>
              </td>
              <td>
                <xsl:call-template name="pk-team"/>
              </td>
              <xsl:call-template name="pk-num-cell">
                <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'peer_fte')]"/>
              </xsl:call-template>
              <xsl:call-template name="pk-num-cell">
                <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'peer_fte_without_lived_experience')]"/>
              </xsl:call-template>
              <xsl:call-template name="pk-num-cell">
                <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'required_peer_fte')]"/>
              </xsl:call-template>
              <td>
                <xsl:if test="$meets/@value = 'false'">
                  <xsl:attribute name="class">flagged</xsl:attribute>
                </xsl:if>
                <xsl:call-template name="pk-link">
                  <xsl:with-param name="v" select="$meets"/>
                </xsl:call-template>
                <xsl:if test="$meets/@value = 'false'"> — below the ratio</xsl:if>
              </td>
              <xsl:call-template name="pk-share-cell">
                <xsl:with-param name="share" select="pb:value[@ref = concat($pre, 'family_partner_share')]"/>
                <xsl:with-param name="over" select="pb:value[@ref = concat($pre, 'family_partner_share_exceeds')]"/>
              </xsl:call-template>
              <xsl:call-template name="pk-share-cell">
                <xsl:with-param name="share" select="pb:value[@ref = concat($pre, 'recovery_coach_share')]"/>
                <xsl:with-param name="over" select="pb:value[@ref = concat($pre, 'recovery_coach_share_exceeds')]"/>
              </xsl:call-template>
            </tr>
            <xsl:text>&#10;</xsl:text>
          </xsl:for-each>
        </tbody>
        <xsl:text>&#10;</xsl:text>
      </table>
      </xsl:with-param>
      </xsl:call-template>
    </div>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- An organization's staff, counted by role (peer roles first). -->
  <xsl:template name="pk-staff-list">
    <xsl:variable name="org" select="."/>
    <xsl:variable name="roles" select="'peer-specialist recovery-coach family-partner young-adult-peer-mentor older-adult-peer-specialist peer-supervisor '"/>
    <xsl:choose>
      <xsl:when test="not(pb:role)">none reported</xsl:when>
      <xsl:otherwise>
        <ul class="plain">
          <xsl:call-template name="pk-staff-roles">
            <xsl:with-param name="org" select="$org"/>
            <xsl:with-param name="roles" select="$roles"/>
          </xsl:call-template>
        </ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="pk-staff-roles">
    <xsl:param name="org"/>
    <xsl:param name="roles"/>
    <xsl:if test="$roles != ''">
      <xsl:variable name="r" select="substring-before($roles, ' ')"/>
      <xsl:variable name="n" select="sum($org/pb:role[@name = $r]/@members)"/>
      <xsl:if test="$n &gt; 0">
        <li>
          <xsl:value-of select="concat($n, ' ')"/>
          <xsl:call-template name="pk-role">
            <xsl:with-param name="role" select="$r"/>
            <xsl:with-param name="plural" select="$n != 1"/>
          </xsl:call-template>
        </li>
      </xsl:if>
      <xsl:call-template name="pk-staff-roles">
        <xsl:with-param name="org" select="$org"/>
        <xsl:with-param name="roles" select="substring-after($roles, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- How the peer team is organized and supervised (the practices). -->
  <xsl:template name="pk-team">
    <xsl:variable name="t" select="pb:practice[@name = 'peer-team-structure']/@value"/>
    <xsl:variable name="s" select="pb:practice[@name = 'peer-supervision']/@value"/>
    <xsl:choose>
      <xsl:when test="$t = 'centralized'">one central peer team</xsl:when>
      <xsl:when test="$t = 'embedded'">peers placed on clinical teams</xsl:when>
      <xsl:when test="$t = 'isolated'">peers working alone</xsl:when>
      <xsl:when test="$t">
        <xsl:value-of select="$t"/>
      </xsl:when>
      <xsl:otherwise>team not reported</xsl:otherwise>
    </xsl:choose>
    <xsl:text>; </xsl:text>
    <xsl:choose>
      <xsl:when test="$s = 'peer'">peer supervisors</xsl:when>
      <xsl:when test="$s = 'clinical'">clinical supervisor</xsl:when>
      <xsl:when test="$s = 'none'">no supervisor</xsl:when>
      <xsl:when test="$s">
        <xsl:value-of select="$s"/>
      </xsl:when>
      <xsl:otherwise>supervision not reported</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A role share and whether it is over its limit, in words. -->
  <xsl:template name="pk-share-cell">
    <xsl:param name="share"/>
    <xsl:param name="over"/>
    <td>
      <xsl:if test="$over/@value = 'true'">
        <xsl:attribute name="class">flagged</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="pk-link">
        <xsl:with-param name="v" select="$share"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$over/@value = 'true'">
          <xsl:text> — </xsl:text>
          <a class="figure" href="#{$over/@anchor}"><strong>over the limit</strong></a>
        </xsl:when>
        <xsl:when test="$over">
          <xsl:text> — </xsl:text>
          <a href="#{$over/@anchor}">within</a>
        </xsl:when>
      </xsl:choose>
    </td>
  </xsl:template>

  <!-- Certification: every member in a peer role, grouped by
       organization, with the organization's counts. -->
  <xsl:template name="pk-certifications-table">
    <xsl:param name="id"/>
    <xsl:param name="also" select="''"/>
    <div role="region">
      <xsl:call-template name="pk-wrap-class">
        <xsl:with-param name="rows" select="count($pk-peer-roles | $pk-orgs)"/>
      </xsl:call-template>
      <xsl:attribute name="aria-labelledby">
        <xsl:value-of select="normalize-space(concat($id, '-caption ', $also))"/>
      </xsl:attribute>
      <xsl:attribute name="tabindex">0</xsl:attribute>
      <xsl:call-template name="pk-stack">
      <xsl:with-param name="table">
      <table id="{$id}" class="data certifications">
        <xsl:text>&#10;</xsl:text>
        <caption id="{$id}-caption">
          <xsl:text>Certification of peer staff</xsl:text>
          <xsl:if test="$pk-meta/pb:as-of">
            <xsl:text> as of </xsl:text>
            <xsl:call-template name="pb-date">
              <xsl:with-param name="date" select="string($pk-meta/pb:as-of)"/>
            </xsl:call-template>
          </xsl:if>
        </caption>
        <xsl:text>&#10;</xsl:text>
        <thead>
          <xsl:choose>
            <xsl:when test="$pk-internal">
              <tr>
                <th scope="col">Staff</th>
                <th scope="col">Role</th>
                <th scope="col">Training</th>
                <th scope="col">Hired</th>
                <th scope="col">Certified</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
              </tr>
            </xsl:when>
            <xsl:otherwise>
              <tr>
                <th scope="col">Role</th>
                <th scope="col" class="num">Staff</th>
                <th scope="col" class="num">Certified on time</th>
                <th scope="col" class="num">Certified late</th>
                <th scope="col" class="num">Overdue</th>
                <th scope="col" class="num">Due within 60 days</th>
                <th scope="col" class="num">Not yet due</th>
              </tr>
            </xsl:otherwise>
          </xsl:choose>
        </thead>
        <xsl:text>&#10;</xsl:text>
        <xsl:for-each select="$pk-orgs">
          <xsl:variable name="pre" select="concat(@id, '.')"/>
          <tbody>
            <tr class="group">
              <th scope="rowgroup" colspan="7">
                <xsl:value-of select="normalize-space(pb:name)"/>
                <span class="counts">
                  <xsl:text> — overdue: </xsl:text>
                  <xsl:call-template name="pk-link">
                    <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'certifications_overdue')]"/>
                  </xsl:call-template>
                  <xsl:text>; due within 60 days: </xsl:text>
                  <xsl:call-template name="pk-link">
                    <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'certifications_due_within_60_days')]"/>
                  </xsl:call-template>
                </span>
              </th>
            </tr>
            <xsl:if test="not($pk-internal)">
              <xsl:call-template name="pk-cert-roles"/>
            </xsl:if>
            <xsl:for-each select="pb:member[$pk-internal][@role != 'peer-supervisor']">
              <xsl:variable name="due" select="pb:value[@unit = 'date'][1]"/>
              <xsl:variable name="status">
                <xsl:call-template name="pk-cert-status">
                  <xsl:with-param name="due" select="$due/@value"/>
                </xsl:call-template>
              </xsl:variable>
              <tr class="{$status}">
                <th scope="row">
                  <xsl:value-of select="@id"/>
                </th>
                <td>
                  <xsl:call-template name="pk-role">
                    <xsl:with-param name="role" select="@role"/>
                  </xsl:call-template>
                </td>
                <td>
                  <xsl:choose>
                    <xsl:when test="@training = 'IPS'">Intentional Peer Support</xsl:when>
                    <xsl:when test="@training">
                      <xsl:value-of select="@training"/>
                    </xsl:when>
                    <xsl:otherwise>—</xsl:otherwise>
                  </xsl:choose>
                </td>
                <td class="date">
                  <xsl:call-template name="pb-date">
                    <xsl:with-param name="date" select="@hired"/>
                  </xsl:call-template>
                </td>
                <td class="date">
                  <xsl:choose>
                    <xsl:when test="@certified">
                      <xsl:call-template name="pb-date">
                        <xsl:with-param name="date" select="@certified"/>
                      </xsl:call-template>
                    </xsl:when>
                    <xsl:otherwise>not yet</xsl:otherwise>
                  </xsl:choose>
                </td>
                <td class="date">
                  <xsl:call-template name="pk-link">
                    <xsl:with-param name="v" select="$due"/>
                  </xsl:call-template>
                </td>
                <td class="status">
                  <xsl:choose>
                    <xsl:when test="$status = 'overdue'"><strong>Overdue</strong></xsl:when>
                    <xsl:when test="$status = 'due-soon'"><strong>Due within 60 days</strong></xsl:when>
                    <xsl:when test="$status = 'certified-late'">Certified after the due date</xsl:when>
                    <xsl:when test="$status = 'certified'">Certified on time</xsl:when>
                    <xsl:otherwise>On time (not yet due)</xsl:otherwise>
                  </xsl:choose>
                </td>
              </tr>
            </xsl:for-each>
            <xsl:if test="not(pb:role[@name != 'peer-supervisor'])">
              <tr>
                <td colspan="7">No peer staff reported.</td>
              </tr>
            </xsl:if>
          </tbody>
          <xsl:text>&#10;</xsl:text>
        </xsl:for-each>
      </table>
      </xsl:with-param>
      </xsl:call-template>
    </div>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A public packet's certification rows: one per peer role of the
       organization (the context), counting its members at each status;
       no member is named or dated. -->
  <xsl:template name="pk-cert-roles">
    <xsl:for-each select="pb:role[@name != 'peer-supervisor']">
      <tr>
        <xsl:if test="@overdue &gt; 0">
          <xsl:attribute name="class">overdue</xsl:attribute>
        </xsl:if>
        <th scope="row">
          <xsl:call-template name="pk-role">
            <xsl:with-param name="role" select="@name"/>
            <xsl:with-param name="plural" select="@members != 1"/>
          </xsl:call-template>
        </th>
        <td class="num"><xsl:value-of select="@members"/></td>
        <td class="num"><xsl:value-of select="@certified"/></td>
        <td class="num"><xsl:value-of select="@certified-late"/></td>
        <td class="num">
          <xsl:choose>
            <xsl:when test="@overdue &gt; 0"><strong><xsl:value-of select="@overdue"/></strong></xsl:when>
            <xsl:otherwise><xsl:value-of select="@overdue"/></xsl:otherwise>
          </xsl:choose>
        </td>
        <td class="num"><xsl:value-of select="@due-soon"/></td>
        <td class="num"><xsl:value-of select="@pending"/></td>
      </tr>
    </xsl:for-each>
  </xsl:template>

  <!-- A member's certification status, as a class name: certified,
       certified-late, overdue, due-soon (within 60 days of as-of,
       inclusive) or pending, as the program decides it (pb:member/@status,
       the same rule as the certification counts). -->
  <xsl:template name="pk-cert-status">
    <xsl:param name="due"/>
    <xsl:choose>
      <xsl:when test="@status"><xsl:value-of select="@status"/></xsl:when>
      <xsl:otherwise>pending</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Parts rendered once per build ============================ -->

  <!-- Everything of the packet a part that packets share may read: not
       its positions, highlights or words of its own (title, date,
       summary), which differ from packet to packet. -->
  <xsl:variable name="pk-data" select="pb:digest($pk-orgs, $pk/pb:totals,
      $pk/pb:figures, $pk-meta/pb:fiscal-year, $pk-meta/pb:as-of,
      string($pk/@visibility))"/>

  <!-- The part PART (pk-part) of the packet, rendered the first time a
       packet of this build needs it and written as it came out every
       later time (pb:kept and the pb-part markers, render.c's splice):
       in every packet whose $pk-data (when SHARED) and KEY, everything
       else the part depends on, are the same. WORDS, when not '', are
       words (ids: letters, digits, '.', '_', '-') the part has and that
       differ from packet to packet, separated by spaces: the part is
       rendered with $slot and a digit K in place of the Kth word, and the
       program writes it with this packet's words (the pb-slots marker).
       Without $slot a part with words is rendered in place. -->
  <xsl:template name="pk-memo">
    <xsl:param name="part"/>
    <xsl:param name="key" select="''"/>
    <xsl:param name="shared" select="true()"/>
    <xsl:param name="words" select="''"/>
    <xsl:variable name="k" select="concat('html ', $part, ' ', $figure-links,
        ' ', $key, ' ', substring($pk-data, 1 div $shared))"/>
    <xsl:choose>
      <xsl:when test="$words != '' and $slot = ''">
        <xsl:call-template name="pk-part">
          <xsl:with-param name="part" select="$part"/>
          <xsl:with-param name="words" select="$words"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="$words != ''">
          <xsl:processing-instruction name="pb-slots">
            <xsl:value-of select="$words"/>
          </xsl:processing-instruction>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="pb:kept($k)">
            <xsl:processing-instruction name="pb-part">
              <xsl:value-of select="$k"/>
            </xsl:processing-instruction>
          </xsl:when>
          <xsl:otherwise>
            <xsl:processing-instruction name="pb-part-begin">
              <xsl:value-of select="$k"/>
            </xsl:processing-instruction>
            <xsl:call-template name="pk-part">
              <xsl:with-param name="part" select="$part"/>
              <!-- "SLOT1 SLOT2 ...", as many as there are words -->
              <xsl:with-param name="words">
                <xsl:call-template name="pk-slots">
                  <xsl:with-param name="words" select="$words"/>
                </xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:processing-instruction name="pb-part-end">
              <xsl:value-of select="$k"/>
            </xsl:processing-instruction>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- For each of WORDS (separated by spaces), $slot and its number. -->
  <xsl:template name="pk-slots">
    <xsl:param name="words"/>
    <xsl:param name="n" select="1"/>
    <xsl:if test="$words != ''">
      <xsl:if test="$n &gt; 1">
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:value-of select="concat($slot, $n)"/>
      <xsl:call-template name="pk-slots">
        <xsl:with-param name="words" select="substring-after($words, ' ')"/>
        <xsl:with-param name="n" select="$n + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The part PART; WORDS, its words (see pk-memo) or their slots. -->
  <xsl:template name="pk-part">
    <xsl:param name="part"/>
    <xsl:param name="words" select="''"/>
    <xsl:choose>
      <xsl:when test="starts-with($part, 'table ')">
        <xsl:call-template name="pk-table">
          <xsl:with-param name="kind" select="substring-after($part, ' ')"/>
          <xsl:with-param name="id" select="substring-before($words, ' ')"/>
          <xsl:with-param name="also" select="substring-after($words, ' ')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$part = 'tables'">
        <xsl:call-template name="pk-tables"/>
      </xsl:when>
      <xsl:when test="$part = 'glance'">
        <xsl:call-template name="pk-glance-figures"/>
      </xsl:when>
      <xsl:when test="$part = 'appendix'">
        <xsl:call-template name="pk-appendix-part"/>
      </xsl:when>
      <xsl:when test="$part = 'appendix-org'">
        <xsl:call-template name="pk-appendix-org">
          <xsl:with-param name="pre" select="concat(@id, '.')"/>
          <xsl:with-param name="mine" select="$pk/pb:figures/pb:figure[
              starts-with(@name, concat(current()/@id, '.'))]"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Appendix =================================================== -->

  <!-- Every figure of pb:figures, grouped: parameters, the packet's
       totals, each organization (its own figures, each program, its
       staff), then anything else. Each entry's id is its anchor. -->
  <xsl:template name="pk-appendix">
    <xsl:call-template name="pk-memo">
      <xsl:with-param name="part" select="'appendix'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="pk-appendix-part">
    <xsl:variable name="all" select="$pk/pb:figures/pb:figure"/>
    <section id="appendix" aria-labelledby="appendix-title">
      <xsl:text>&#10;</xsl:text>
      <h2 id="appendix-title">How these figures were computed</h2>
      <xsl:text>&#10;</xsl:text>
      <p>Every figure this packet shows, and every figure those are
        computed from, with its value, its formula and its inputs. An
        input that is itself a figure links to its entry; one read from the
        data says where: the file (in the project's input folder) and the
        line. Inputs of the entry's own organization or program are named
        without its prefix. Money is exact to the cent; a percentage is shown rounded,
        its ratio to six decimal places beside it. The figures of every organization, shown
        here or not, are in figures.json and figures.csv beside this
        packet.</p>
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="pk-fig-group">
        <xsl:with-param name="id" select="'appendix-param'"/>
        <xsl:with-param name="title" select="'Settings'"/>
        <xsl:with-param name="figs" select="$all[starts-with(@name, 'param.')]"/>
      </xsl:call-template>
      <xsl:call-template name="pk-fig-group">
        <xsl:with-param name="id" select="'appendix-packet'"/>
        <xsl:with-param name="title" select="'Across the packet'"/>
        <xsl:with-param name="figs" select="$all[starts-with(@name, 'packet.')]"/>
      </xsl:call-template>
      <xsl:for-each select="$pk-orgs">
        <xsl:variable name="pre" select="concat(@id, '.')"/>
        <xsl:variable name="mine" select="$all[starts-with(@name, $pre)]"/>
        <xsl:if test="$mine">
          <!-- the same in every packet showing this organization with
               these figures, whatever its other organizations -->
          <xsl:call-template name="pk-memo">
            <xsl:with-param name="part" select="'appendix-org'"/>
            <xsl:with-param name="key" select="pb:digest(., $mine)"/>
            <xsl:with-param name="shared" select="false()"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:for-each>
      <xsl:call-template name="pk-fig-group">
        <xsl:with-param name="id" select="'appendix-other'"/>
        <xsl:with-param name="title" select="'Other figures'"/>
        <xsl:with-param name="figs" select="$all[not(starts-with(@name, 'param.')
            or starts-with(@name, 'packet.')
            or substring-before(@name, '.') = $pk-orgs/@id)]"/>
      </xsl:call-template>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- An organization's section of the appendix (context: its pb:org):
       PRE is its id and a dot, MINE its figures. Its ids are
       appendix-org-ORG, appendix-ORG.PROGRAM and appendix-ORG_staff: no
       organization's id holds '.' or '_', so no two organizations' ids
       can meet, nor meet appendix-param, -packet or -other. -->
  <xsl:template name="pk-appendix-org">
    <xsl:param name="pre"/>
    <xsl:param name="mine"/>
    <section aria-labelledby="appendix-org-{@id}">
      <xsl:text>&#10;</xsl:text>
      <h3 id="appendix-org-{@id}">
        <xsl:value-of select="normalize-space(pb:name)"/>
      </h3>
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="pk-fig-list">
        <xsl:with-param name="figs"
            select="$mine[not(contains(substring-after(@name, $pre), '.'))]"/>
      </xsl:call-template>
      <xsl:for-each select="pb:program">
        <xsl:variable name="pp" select="concat($pre, @id, '.')"/>
        <xsl:call-template name="pk-fig-group">
          <xsl:with-param name="id" select="concat('appendix-', $pre, @id)"/>
          <xsl:with-param name="level" select="4"/>
          <xsl:with-param name="title">
            <xsl:call-template name="pk-program-name"/>
          </xsl:with-param>
          <xsl:with-param name="figs" select="$mine[starts-with(@name, $pp)]"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:call-template name="pk-fig-group">
        <xsl:with-param name="id" select="concat('appendix-', @id, '_staff')"/>
        <xsl:with-param name="level" select="4"/>
        <xsl:with-param name="title" select="'Staff certification due dates (internal)'"/>
        <xsl:with-param name="figs" select="$mine[key('pk-member',
            concat($pre, substring-before(substring-after(@name, $pre), '.')))]"/>
      </xsl:call-template>
    </section>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A heading (h3, or LEVEL) and the entries of FIGS; nothing when FIGS
       is empty. -->
  <xsl:template name="pk-fig-group">
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <xsl:param name="figs"/>
    <xsl:param name="level" select="3"/>
    <xsl:if test="$figs">
      <xsl:element name="h{$level}">
        <xsl:attribute name="id">
          <xsl:value-of select="$id"/>
        </xsl:attribute>
        <xsl:copy-of select="$title"/>
      </xsl:element>
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="pk-fig-list">
        <xsl:with-param name="figs" select="$figs"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="pk-fig-list">
    <xsl:param name="figs"/>
    <xsl:if test="$figs">
      <dl class="figures">
        <xsl:text>&#10;</xsl:text>
        <xsl:apply-templates select="$figs" mode="pk-appendix"/>
      </dl>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- One appendix entry. -->
  <xsl:template match="pb:figure" mode="pk-appendix">
    <div class="fig" id="{@anchor}">
      <dt>
        <xsl:call-template name="pk-figure-label">
          <xsl:with-param name="name" select="@name"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <code class="name">
          <xsl:value-of select="@name"/>
        </code>
      </dt>
      <dd class="value">
        <strong>
          <xsl:call-template name="pb-display"/>
        </strong>
        <!-- in plain words, only what the value shown does not say: a
             percentage's ratio to six places ("a ratio of 0.255708"), the
             unit after a number of days or FTE; nothing after money (shown
             to the cent), a year, a date, yes or no, or a count, whose
             label says what it counts -->
        <xsl:choose>
          <xsl:when test="@unit = 'ratio'">
            <span class="exact">
              <xsl:value-of select="concat(' (a ratio of ', @value, ')')"/>
            </span>
          </xsl:when>
          <xsl:when test="@unit = 'days' or @unit = 'fte'">
            <span class="unit">
              <xsl:text> </xsl:text>
              <xsl:call-template name="pk-unit">
                <xsl:with-param name="unit" select="@unit"/>
              </xsl:call-template>
            </span>
          </xsl:when>
        </xsl:choose>
        <xsl:choose>
          <!-- a value read as it is from the data: where, on the same line -->
          <xsl:when test="pb:formula = 'input' and count(pb:input) = 1
                          and pb:input/pb:source">
            <span class="src">
              <xsl:text> · read from </xsl:text>
              <xsl:call-template name="pb-sources">
                <xsl:with-param name="input" select="pb:input"/>
              </xsl:call-template>
            </span>
          </xsl:when>
          <xsl:when test="normalize-space(pb:formula) != ''">
            <span class="formula">
              <span class="k"> · Formula: </span>
              <xsl:value-of select="pb:formula"/>
            </span>
          </xsl:when>
        </xsl:choose>
      </dd>
      <!-- the inputs in one run of text, each figure linked to its entry
           and each value read from the data followed by where -->
      <xsl:if test="pb:input and not(pb:formula = 'input' and count(pb:input) = 1
                                     and pb:input/pb:source)">
        <dd class="inputs">
          <span class="k">Inputs: </span>
          <!-- an input of the entry's own organization or program is
               named without that prefix (the entry's name gives it) -->
          <xsl:variable name="r" select="substring-after(@name, '.')"/>
          <xsl:variable name="own">
            <xsl:value-of select="concat(substring-before(@name, '.'), '.')"/>
            <xsl:if test="contains($r, '.')">
              <xsl:value-of select="concat(substring-before($r, '.'), '.')"/>
            </xsl:if>
          </xsl:variable>
          <xsl:for-each select="pb:input">
            <xsl:if test="position() &gt; 1">; </xsl:if>
            <xsl:variable name="short">
              <xsl:choose>
                <xsl:when test="$own != 'packet.' and $own != 'param.'
                                and starts-with(@name, $own)">
                  <xsl:value-of select="substring-after(@name, $own)"/>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:value-of select="@name"/>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <xsl:choose>
              <xsl:when test="@anchor">
                <a href="#{@anchor}">
                  <code>
                    <xsl:value-of select="$short"/>
                  </code>
                </a>
              </xsl:when>
              <xsl:otherwise>
                <code>
                  <xsl:value-of select="$short"/>
                </code>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:value-of select="concat(' = ', @value)"/>
            <xsl:if test="pb:source">
              <span class="src">
                <xsl:text> (</xsl:text>
                <xsl:call-template name="pb-sources"/>
                <xsl:text>)</xsl:text>
              </span>
            </xsl:if>
          </xsl:for-each>
        </dd>
      </xsl:if>
    </div>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Small helpers =============================================== -->

  <!-- A figure's display value linked to its appendix entry. V is a
       pb:value or pb:figure (default: the context node); "n/a" when the
       tree has no such figure. -->
  <xsl:template name="pk-link">
    <xsl:param name="v" select="."/>
    <!-- money: cents even on whole dollars (its sentence has cents) -->
    <xsl:param name="cents" select="false()"/>
    <xsl:choose>
      <xsl:when test="$v/@anchor and $cents and $v/@unit = 'usd'">
        <a class="figure" href="#{$v/@anchor}">
          <xsl:for-each select="$v">
            <xsl:call-template name="money-display">
              <xsl:with-param name="cents" select="true()"/>
            </xsl:call-template>
          </xsl:for-each>
        </a>
      </xsl:when>
      <xsl:when test="$v/@anchor">
        <a class="figure" href="#{$v/@anchor}">
          <xsl:call-template name="pb-display">
            <xsl:with-param name="v" select="$v"/>
          </xsl:call-template>
        </a>
      </xsl:when>
      <xsl:when test="$v/@value">
        <span class="figure">
          <xsl:call-template name="pb-display">
            <xsl:with-param name="v" select="$v"/>
          </xsl:call-template>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <abbr class="na" title="not available">n/a</abbr>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- TABLE (a result tree fragment holding one table) as it is, but that
       a table whose heading is one row of one cell per column, and whose
       cells span no rows, gets the class "stack", and each data cell of
       its body and foot the heading of its column as data-label: a phone
       shows it as one block per row, each cell after its column's heading
       (style.css), so that it reads without scrolling sideways. A row
       with a cell that spans columns (an organization's heading, "No peer
       staff reported") is copied as it is. The column of a cell is its
       position among its row's cells, read in the one for-each that
       copies the row; each table is walked once, row by row. -->
  <xsl:template name="pk-stack">
    <xsl:param name="table"/>
    <xsl:for-each select="exsl:node-set($table)/*">
      <xsl:variable name="cols" select="thead/tr/*"/>
      <xsl:choose>
        <xsl:when test="self::table and count(thead/tr) = 1
                        and not($cols/@colspan) and not(*/tr/*/@rowspan)">
          <xsl:copy>
            <xsl:copy-of select="@*"/>
            <xsl:attribute name="class">
              <xsl:value-of select="normalize-space(concat(@class, ' stack'))"/>
            </xsl:attribute>
            <xsl:for-each select="node()">
              <xsl:choose>
                <xsl:when test="self::tbody or self::tfoot">
                  <xsl:copy>
                    <xsl:copy-of select="@*"/>
                    <xsl:for-each select="node()">
                      <xsl:choose>
                        <xsl:when test="self::tr and not(*/@colspan)">
                          <xsl:copy>
                            <xsl:copy-of select="@*"/>
                            <xsl:for-each select="*">
                              <xsl:choose>
                                <xsl:when test="self::td">
                                  <xsl:variable name="col" select="position()"/>
                                  <td>
                                    <xsl:copy-of select="@*"/>
                                    <xsl:attribute name="data-label">
                                      <xsl:value-of select="normalize-space($cols[$col])"/>
                                    </xsl:attribute>
                                    <xsl:copy-of select="node()"/>
                                  </td>
                                </xsl:when>
                                <xsl:otherwise>
                                  <xsl:copy-of select="."/>
                                </xsl:otherwise>
                              </xsl:choose>
                            </xsl:for-each>
                          </xsl:copy>
                        </xsl:when>
                        <xsl:otherwise>
                          <xsl:copy-of select="."/>
                        </xsl:otherwise>
                      </xsl:choose>
                    </xsl:for-each>
                  </xsl:copy>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:copy-of select="."/>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </xsl:copy>
        </xsl:when>
        <xsl:otherwise>
          <xsl:copy-of select="."/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- The wrapper's class: "table-wrap", plus "long" for a table of more
       than 20 rows (ROWS), for a restyled stylesheet to treat apart;
       style.css lets every table break between rows on paper. -->
  <xsl:template name="pk-wrap-class">
    <xsl:param name="rows" select="0"/>
    <xsl:attribute name="class">
      <xsl:text>table-wrap</xsl:text>
      <xsl:if test="$rows &gt; 20"> long</xsl:if>
    </xsl:attribute>
  </xsl:template>

  <!-- A right-aligned table cell holding a figure; empty instead of "n/a"
       when BLANK. -->
  <xsl:template name="pk-num-cell">
    <xsl:param name="v"/>
    <xsl:param name="blank" select="false()"/>
    <!-- the column's heading, for a table that a phone shows as stacked
         rows (style.css): each cell then names what it holds -->
    <xsl:param name="label" select="''"/>
    <td class="num">
      <xsl:if test="$label != ''">
        <xsl:attribute name="data-label">
          <xsl:value-of select="$label"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:if test="$v or not($blank)">
        <xsl:call-template name="pk-link">
          <xsl:with-param name="v" select="$v"/>
        </xsl:call-template>
      </xsl:if>
    </td>
  </xsl:template>

  <xsl:template name="pk-role">
    <xsl:param name="role"/>
    <xsl:param name="plural" select="false()"/>
    <xsl:choose>
      <xsl:when test="$role = 'peer-specialist'">Peer Specialist</xsl:when>
      <xsl:when test="$role = 'recovery-coach' and $plural">Recovery Coaches</xsl:when>
      <xsl:when test="$role = 'recovery-coach'">Recovery Coach</xsl:when>
      <xsl:when test="$role = 'family-partner'">Family Partner</xsl:when>
      <xsl:when test="$role = 'young-adult-peer-mentor'">Young Adult Peer Mentor</xsl:when>
      <xsl:when test="$role = 'older-adult-peer-specialist'">Older Adult Peer Specialist</xsl:when>
      <xsl:when test="$role = 'peer-supervisor'">peer supervisor</xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$role"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$plural and $role != 'recovery-coach'">s</xsl:if>
  </xsl:template>

  <!-- A unit in words, for the appendix; nothing for yes/no and dates,
       whose values say it. -->
  <xsl:template name="pk-unit">
    <xsl:param name="unit"/>
    <xsl:choose>
      <xsl:when test="$unit = 'usd'">US dollars</xsl:when>
      <xsl:when test="$unit = 'fte'">full-time equivalents</xsl:when>
      <xsl:when test="$unit = 'bool' or $unit = 'date'"/>
      <xsl:otherwise>
        <xsl:value-of select="$unit"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Figure labels by the last part of a figure's name. -->
  <xsl:variable name="pk-labels-rtf">
    <!-- parameters -->
    <l n="medicaid_share">Medicaid's share of an R-day's cost</l>
    <l n="state_average_rday_rate">Statewide average R-day rate</l>
    <l n="certification_window_months">Months from hire to certification</l>
    <l n="peer_fte_per_100_enrolled">Peer FTE required per 100 enrolled</l>
    <l n="max_family_partner_share">Limit on the Family Partner share</l>
    <l n="max_recovery_coach_share">Limit on the Recovery Coach share</l>
    <!-- programs -->
    <l n="enrolled_days">Enrolled days</l>
    <l n="dmh_payment">DMH payment</l>
    <l n="rdays">R-days</l>
    <l n="rday_rate">R-day rate</l>
    <l n="medicaid_reimbursement">Medicaid reimbursement to DMH</l>
    <l n="dmh_net_cost">DMH's cost after reimbursement</l>
    <l n="unreimbursed_share">Share of DMH's payment Medicaid does not reimburse</l>
    <l n="state_average_rdays">R-days at the state average</l>
    <l n="rday_rate_without_peer_notes">R-day rate without peer notes</l>
    <l n="meets_state_average_without_peer_notes">At the state average without peer notes</l>
    <l n="rday_shortfall_without_peer_notes">R-days short of the state average without peer notes</l>
    <l n="peer_note_reimbursement">Medicaid reimbursement that rests only on peer notes</l>
    <l n="peer_note_share_of_payment">Share of DMH's payment that rests only on peer notes</l>
    <l n="zero_rdays">No R-days at all</l>
    <l n="required_peer_fte">Required peer FTE</l>
    <!-- organizations and staff -->
    <l n="peer_fte">Peer FTE</l>
    <l n="meets_peer_ratio">Meets the peer staffing ratio</l>
    <l n="family_partner_share">Family Partner share of peer FTE</l>
    <l n="recovery_coach_share">Recovery Coach share of peer FTE</l>
    <l n="family_partner_share_exceeds">Family Partner share over the limit</l>
    <l n="recovery_coach_share_exceeds">Recovery Coach share over the limit</l>
    <l n="certification_due">Certification due</l>
    <l n="certifications_overdue">Certifications overdue</l>
    <l n="certifications_due_within_60_days">Certifications due within 60 days</l>
    <l n="practice_conflicts">Practices in conflict with the peer role</l>
    <l n="practice_concerns">Practices of concern for the peer role</l>
    <l n="peer_fte_without_lived_experience">Peer FTE without lived experience</l>
    <l n="fiscal_year">The packet's fiscal year</l>
    <l n="orgs_with_practice_concerns">Organizations with a practice of concern</l>
    <l n="total_dmh_net_cost">DMH's total cost after reimbursement</l>
    <!-- the packet -->
    <l n="org_count">Organizations compared</l>
    <l n="program_count">Programs compared</l>
    <l n="programs_meeting_state_average_without_peer_notes">Programs at the statewide R-day average without any peer notes</l>
    <l n="orgs_without_peer_notes">Organizations where peers write no progress notes</l>
    <l n="orgs_with_practice_conflicts">Organizations with a practice in conflict</l>
    <l n="total_dmh_payment">Total DMH payment</l>
    <l n="total_medicaid_reimbursement">Total Medicaid reimbursement to DMH</l>
    <l n="total_peer_note_reimbursement">Medicaid reimbursement that rests only on peer notes</l>
  </xsl:variable>
  <xsl:variable name="pk-labels" select="exsl:node-set($pk-labels-rtf)"/>
  <!-- (the labels at the root of their result tree fragment) -->
  <xsl:key name="pk-label" match="/l" use="@n"/>

  <!-- A figure's name in plain words, from the last part of its name
       (the whole name when the part is not known here). A name has two
       or three parts (schema/packet.rng). -->
  <xsl:template name="pk-figure-label">
    <xsl:param name="name"/>
    <xsl:variable name="r" select="substring-after($name, '.')"/>
    <xsl:variable name="k" select="concat(
        substring($name, 1 div not(contains($name, '.'))),
        substring($r, 1 div not(contains($r, '.'))),
        substring-after($r, '.'))"/>
    <xsl:for-each select="$pk-labels">
      <xsl:variable name="l" select="key('pk-label', $k)"/>
      <xsl:choose>
        <xsl:when test="$l">
          <xsl:value-of select="$l"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$name"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- Whose figure it is, after its label: the organization, and the
       program or staff member; for a packet total, its programs and
       year; for a parameter, that the series sets it. -->
  <xsl:template name="pk-figure-context">
    <xsl:param name="name"/>
    <xsl:variable name="o" select="$pk-orgs[@id = substring-before($name, '.')]"/>
    <xsl:variable name="rest" select="substring-after(substring-after($name, '.'), '.')"/>
    <xsl:variable name="mid" select="substring-before(substring-after($name, '.'), '.')"/>
    <xsl:variable name="nprog" select="$pk/pb:totals/pb:value[@ref = 'packet.program_count']"/>
    <!-- a packet total: over which programs, of which year -->
    <xsl:if test="(starts-with($name, 'packet.total_')
                   or $name = 'packet.unreimbursed_share'
                   or $name = 'packet.peer_note_share_of_payment')
                  and $nprog/@value &gt; 0">
      <xsl:text> </xsl:text>
      <span class="context">
        <xsl:choose>
          <xsl:when test="$nprog/@value = 1">The packet's one program</xsl:when>
          <xsl:otherwise>
            <xsl:text>All </xsl:text>
            <xsl:call-template name="pb-display">
              <xsl:with-param name="v" select="$nprog"/>
            </xsl:call-template>
            <xsl:text> programs</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$pk-fy">
          <xsl:value-of select="concat(', ', $pk-year)"/>
        </xsl:if>
      </span>
    </xsl:if>
    <!-- a parameter: what the series assumes, not what the data say -->
    <xsl:if test="starts-with($name, 'param.')">
      <xsl:text> </xsl:text>
      <span class="context">Set for this series, not taken from the data</span>
    </xsl:if>
    <xsl:if test="$o">
      <xsl:text> </xsl:text>
      <span class="context">
        <xsl:value-of select="normalize-space($o/pb:name)"/>
        <xsl:if test="$rest != ''">
          <xsl:text>, </xsl:text>
          <xsl:choose>
            <xsl:when test="$o/pb:program[@id = $mid]">
              <xsl:for-each select="$o/pb:program[@id = $mid]">
                <xsl:value-of select="@contract"/>
                <xsl:text> </xsl:text>
                <xsl:call-template name="pb-fiscal-year"><xsl:with-param name="year" select="@fiscal-year"/></xsl:call-template>
                <!-- two programs of one kind and year: which one -->
                <xsl:if test="../pb:program[@id != current()/@id]
                              [@contract = current()/@contract]
                              [@fiscal-year = current()/@fiscal-year]">
                  <xsl:value-of select="concat(' (', @id, ')')"/>
                </xsl:if>
              </xsl:for-each>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$mid"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:if>
      </span>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
