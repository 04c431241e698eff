<?xml version="1.0" encoding="UTF-8"?>
<!--
  docbook-packet.xsl - a briefing packet (the pb:packet tree of docs/tree.md)
  as ONE DocBook 5.0 <book>, valid against the official RELAX NG schema.

  Included by docbook.xsl, which dispatches on the root element (pb:position
  or pb:packet); it relies on docbook.xsl importing docbook-body.xsl, whose
  pb-db templates render the positions' bodies.  Everything here is named
  pb-dbp-* (modes, named templates, keys, variables).

  Structure of the output:
    book xml:lang version="5.0"
      info            title, subtitle (= audience), pubdate, publisher,
                      releaseinfo (the project, i.e. the series, and the
                      as-of date), biblioid class="uri" (base-url + ID/
                      when there is a base URL), abstract (= summary)
      chapter glance          "At a glance": the highlights (table: figure,
                              value, how it is computed), the organizations'
                              key figures (table), the positions in the packet
                              (itemizedlist, each linked to its chapter)
      chapter position-ID     one per position: info from its meta, body by
                              pb-db-body; its sections nest under the chapter
      (the next four only when the packet has organizations)
      chapter practices       "Comparison of practices": one column per
                              organization, one row per practice (value and
                              consistent/conflict), the row heading carrying
                              the practice's one-line reason from
                              practices.xml
      chapter funding         "Funding": one row per program
      chapter staffing        "Staffing": one row per organization
      chapter certifications  "Certifications": one row per staff member
      bibliography references "References": each work the positions cite,
                              once, in order of first citation
                              (docbook-references.xsl)
      appendix figures        "How these figures were computed": one section
                              per group (parameters, each organization with
                              its region, contracts and source of data, the
                              packet as a whole), each a variablelist whose
                              varlistentry xml:id is the figure's anchor

  Identifiers: figure anchors are "fig-" + the figure's name (a valid NCName:
  names are [a-z0-9._-]); the fixed ids above, "position-ID" and the
  appendix's "figures-param", "figures-org-ID", "figures-packet",
  "figures-other" never start with "fig-".  An xml:id written in an XML
  position is renamed "position-ID.XMLID" so that two positions (or a
  position and the packet) cannot clash.  A value links to its appendix
  entry only when figure-links is 'yes' and the entry exists, so no linkend
  can dangle.

  Tables are CALS (table/title/tgroup/colspec/thead/tbody/row/entry), which
  both the HTML and the FO DocBook XSL stylesheets render fully.  A block
  directive in a position renders the same table as its chapter (kind
  funding, practices, staffing, certifications; @ref naming one of the
  packet's organizations narrows it to that organization) or, for
  kind="figure", an informaltable with the value, formula and inputs.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:db="http://docbook.org/ns/docbook"
    xmlns:cm="http://commonmark.org/xml/1.0"
    xmlns:pb="urn:peerbrief:1"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="exsl str"
    exclude-result-prefixes="db cm pb">
  <!-- xlink is not excluded: the book declares it once for every link. -->

  <!-- citations and the bibliography -->
  <xsl:include href="docbook-references.xsl"/>
  <!-- charts: a figure with the SVG beside the book, and its numbers -->
  <xsl:include href="docbook-charts.xsl"/>

  <!-- ================================================= lookups -->

  <!-- Keys match from the root (see pk-fig in html-packet.xsl): a
       pattern that is not rooted walks the whole packet. -->

  <!-- A link is made only to an appendix entry (/pb:packet/pb:figures/
       pb:figure): pb:entry(@anchor) says whether there is one, as a key
       would, without a key's index of the whole tree (render.c). -->

  <!-- Any figure of the packet by name: appendix entries, and the values
       of the highlights, the totals, the organizations, their programs
       and staff (those of positions are in the appendix too). -->
  <xsl:key name="pb-dbp-name" match="/pb:packet/pb:figures/pb:figure" use="@name"/>
  <xsl:key name="pb-dbp-name" match="/pb:packet/pb:highlights/pb:value
      | /pb:packet/pb:totals/pb:value | /pb:packet/pb:orgs/pb:org/pb:value
      | /pb:packet/pb:orgs/pb:org/pb:program/pb:value
      | /pb:packet/pb:orgs/pb:org/pb:member/pb:value" use="@ref"/>

  <xsl:key name="pb-dbp-org" match="/pb:packet/pb:orgs/pb:org" use="@id"/>
  <!-- Staff members by ORG.MEMBER (ids have no dots). -->
  <xsl:key name="pb-dbp-member" match="/pb:packet/pb:orgs/pb:org/pb:member"
      use="concat(../@id, '.', @id)"/>

  <!-- The words for a figure name's last part (in $pb-dbp-words, at the
       root of their result tree fragment). -->
  <xsl:key name="pb-dbp-w" match="/w" use="@n"/>

  <!-- Words for the last part of a figure name, and for the units. The
       figures' words are those of html-packet.xsl's pk-labels, so that
       the book and the page name each figure alike. -->
  <xsl:variable name="pb-dbp-words-rtf" xmlns="">
    <w n="enrolled_days">Enrolled days</w>
    <w n="dmh_payment">DMH payment</w>
    <w n="rdays">R-days</w>
    <w n="rday_rate">R-day rate</w>
    <w n="medicaid_reimbursement">Medicaid reimbursement to DMH</w>
    <w n="dmh_net_cost">DMH's cost after reimbursement</w>
    <w n="unreimbursed_share">Share of DMH's payment Medicaid does not reimburse</w>
    <w n="state_average_rdays">R-days at the state average</w>
    <w n="rday_rate_without_peer_notes">R-day rate without peer notes</w>
    <w n="meets_state_average_without_peer_notes">At the state average without peer notes</w>
    <w n="rday_shortfall_without_peer_notes">R-days short of the state average without peer notes</w>
    <w n="peer_note_reimbursement">Medicaid reimbursement that rests only on peer notes</w>
    <w n="peer_note_share_of_payment">Share of DMH's payment that rests only on peer notes</w>
    <w n="zero_rdays">No R-days at all</w>
    <w n="required_peer_fte">Required peer FTE</w>
    <w n="peer_fte">Peer FTE</w>
    <w n="meets_peer_ratio">Meets the peer staffing ratio</w>
    <w n="family_partner_share">Family Partner share of peer FTE</w>
    <w n="recovery_coach_share">Recovery Coach share of peer FTE</w>
    <w n="family_partner_share_exceeds">Family Partner share over the limit</w>
    <w n="recovery_coach_share_exceeds">Recovery Coach share over the limit</w>
    <w n="certification_due">Certification due</w>
    <w n="certifications_overdue">Certifications overdue</w>
    <w n="certifications_due_within_60_days">Certifications due within 60 days</w>
    <w n="practice_conflicts">Practices in conflict with the peer role</w>
    <w n="practice_concerns">Practices of concern for the peer role</w>
    <w n="peer_fte_without_lived_experience">Peer FTE without lived experience</w>
    <w n="fiscal_year">The packet's fiscal year</w>
    <w n="orgs_with_practice_concerns">Organizations with a practice of concern</w>
    <w n="total_dmh_net_cost">DMH's total cost after reimbursement</w>
    <w n="org_count">Organizations compared</w>
    <w n="program_count">Programs compared</w>
    <w n="programs_meeting_state_average_without_peer_notes">Programs at the statewide R-day average without any peer notes</w>
    <w n="orgs_without_peer_notes">Organizations where peers write no progress notes</w>
    <w n="orgs_with_practice_conflicts">Organizations with a practice in conflict</w>
    <w n="total_dmh_payment">Total DMH payment</w>
    <w n="total_medicaid_reimbursement">Total Medicaid reimbursement to DMH</w>
    <w n="total_peer_note_reimbursement">Medicaid reimbursement that rests only on peer notes</w>
    <w n="medicaid_share">Medicaid's share of an R-day's cost</w>
    <w n="state_average_rday_rate">Statewide average R-day rate</w>
    <w n="certification_window_months">Months from hire to certification</w>
    <w n="peer_fte_per_100_enrolled">Peer FTE required per 100 enrolled</w>
    <w n="max_family_partner_share">Limit on the Family Partner share</w>
    <w n="max_recovery_coach_share">Limit on the Recovery Coach share</w>
    <u n="usd">US dollars</u>
    <u n="ratio">ratio</u>
    <u n="days">days</u>
    <u n="count">count</u>
    <u n="fte">full-time equivalents</u>
    <u n="bool">yes or no</u>
    <u n="date">date</u>
    <r n="peer-specialist">Peer Specialist</r>
    <r n="recovery-coach">Recovery Coach</r>
    <r n="family-partner">Family Partner</r>
    <r n="young-adult-peer-mentor">Young Adult Peer Mentor</r>
    <r n="older-adult-peer-specialist">Older Adult Peer Specialist</r>
    <r n="peer-supervisor">Peer supervisor</r>
  </xsl:variable>
  <xsl:variable name="pb-dbp-words" select="exsl:node-set($pb-dbp-words-rtf)/*"/>

  <!-- ================================================= the book -->

  <xsl:template match="pb:packet">
    <xsl:variable name="lang" select="normalize-space(pb:meta/pb:lang)"/>
    <book xmlns="http://docbook.org/ns/docbook" version="5.0"
          xmlns:xlink="http://www.w3.org/1999/xlink">
      <xsl:attribute name="xml:lang">
        <xsl:choose>
          <xsl:when test="$lang != ''"><xsl:value-of select="$lang"/></xsl:when>
          <xsl:otherwise>en</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:apply-templates select="pb:meta" mode="pb-dbp-info"/>
      <xsl:call-template name="pb-dbp-glance"/>
      <xsl:apply-templates select="pb:position" mode="pb-dbp"/>
      <!-- the organizations' chapters, when the packet has organizations
           (descendant::, not //: see $pk-directives in html-packet.xsl) -->
      <xsl:variable name="placed"
          select="pb:position/descendant::pb:directive[@kind != 'figure']"/>
      <!-- the same in every packet with the same organizations and
           figures that places the same tables in its positions -->
      <xsl:call-template name="pb-dbp-memo">
        <xsl:with-param name="part" select="'chapters'"/>
        <xsl:with-param name="key" select="concat(
            not($placed[@kind = 'practices']), ' ',
            not($placed[@kind = 'funding']), ' ',
            not($placed[@kind = 'staffing']), ' ',
            not($placed[@kind = 'certifications']))"/>
      </xsl:call-template>
      <xsl:call-template name="pb-dbr-bibliography"/>
      <xsl:call-template name="pb-dbp-appendix"/>
    </book>
  </xsl:template>

  <!-- The organizations' chapters (context: the pb:packet): practices,
       funding, staffing and certifications, each unless a position
       placed its table. -->
  <xsl:template name="pb-dbp-chapters">
    <xsl:variable name="placed"
        select="pb:position/descendant::pb:directive[@kind != 'figure']"/>
    <xsl:if test="pb:orgs/pb:org and not($placed[@kind = 'practices'])">
      <chapter xml:id="practices">
        <title>Comparison of practices</title>
        <para>
          <xsl:text>Each organization's practice against the CPS Code of </xsl:text>
          <xsl:text>Ethics and section 7.5 (</xsl:text>
          <quote>Peer Roles</quote>
          <xsl:text>) of the ACCS contract.</xsl:text>
        </para>
        <xsl:call-template name="pb-dbp-practices"/>
      </chapter>
    </xsl:if>
    <xsl:if test="pb:orgs/pb:org/pb:program and not($placed[@kind = 'funding'])">
      <chapter xml:id="funding">
        <title>Funding</title>
        <para>
          <xsl:text>DMH pays for every enrolled day; Medicaid returns to </xsl:text>
          <xsl:text>DMH a share of the cost of each R-day. The last two </xsl:text>
          <xsl:text>columns show what depends on R-days that only a </xsl:text>
          <xsl:text>peer's note made billable.</xsl:text>
        </para>
        <xsl:call-template name="pb-dbp-funding"/>
      </chapter>
    </xsl:if>
    <xsl:if test="pb:orgs/pb:org and not($placed[@kind = 'staffing'])">
      <chapter xml:id="staffing">
        <title>Staffing</title>
        <para>
          <xsl:text>Peer staff by role, against the staffing ratio and </xsl:text>
          <xsl:text>the limits on Family Partner and Recovery Coach </xsl:text>
          <xsl:text>time; peer supervisors do not count toward the ratio.</xsl:text>
        </para>
        <xsl:call-template name="pb-dbp-staffing"/>
      </chapter>
    </xsl:if>
    <xsl:if test="pb:orgs/pb:org/pb:role[@name != 'peer-supervisor']
                  and not($placed[@kind = 'certifications'])">
      <chapter xml:id="certifications">
        <title>Certifications</title>
        <para>
          <xsl:variable name="window"
              select="key('pb-dbp-name', 'param.certification_window_months')[1]"/>
          <xsl:text>Certification is due </xsl:text>
          <xsl:choose>
            <xsl:when test="$window">
              <xsl:text>within </xsl:text>
              <xsl:call-template name="pb-dbp-value">
                <xsl:with-param name="v" select="$window"/>
              </xsl:call-template>
              <xsl:text> months of hire</xsl:text>
            </xsl:when>
            <xsl:otherwise>within the certification window after hire</xsl:otherwise>
          </xsl:choose>
          <xsl:for-each select="pb:meta/pb:as-of[normalize-space() != '']">
            <xsl:text>; the status is as of </xsl:text>
            <xsl:call-template name="pb-date">
              <xsl:with-param name="date" select="normalize-space()"/>
            </xsl:call-template>
          </xsl:for-each>
          <xsl:text>.</xsl:text>
        </para>
        <xsl:call-template name="pb-dbp-certifications"/>
      </chapter>
    </xsl:if>
  </xsl:template>

  <!-- ================================================= parts rendered once per build -->

  <!-- Everything of the packet a part that packets share may read: not
       its positions, highlights or words of its own (title, date,
       summary), which differ from packet to packet; computed once. -->
  <xsl:variable name="pb-dbp-data" select="pb:digest(/pb:packet/pb:orgs,
      /pb:packet/pb:totals, /pb:packet/pb:figures,
      /pb:packet/pb:meta/pb:fiscal-year, /pb:packet/pb:meta/pb:as-of,
      string(/pb:packet/@visibility))"/>

  <!-- The part PART of the packet (the context), rendered the first
       time a packet of this build needs it and written as it came out
       every later time (pb:kept and the pb-part markers, render.c's
       splice): in every packet whose data ($pb-dbp-data) and KEY,
       everything else the part depends on, are the same. -->
  <xsl:template name="pb-dbp-memo">
    <xsl:param name="part"/>
    <xsl:param name="key" select="''"/>
    <!-- of a table part ('table KIND'): its organizations -->
    <xsl:param name="orgs" select="/.."/>
    <xsl:variable name="k" select="concat('docbook ', $part, ' ',
        $figure-links, ' ', $key, ' ', $pb-dbp-data)"/>
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
        <xsl:choose>
          <xsl:when test="$part = 'chapters'">
            <xsl:call-template name="pb-dbp-chapters"/>
          </xsl:when>
          <xsl:when test="$part = 'glance'">
            <xsl:call-template name="pb-dbp-glance-figures"/>
          </xsl:when>
          <xsl:when test="$part = 'appendix'">
            <xsl:call-template name="pb-dbp-appendix-part"/>
          </xsl:when>
          <xsl:when test="starts-with($part, 'table ')">
            <xsl:call-template name="pb-dbp-table">
              <xsl:with-param name="kind" select="substring-after($part, ' ')"/>
              <xsl:with-param name="orgs" select="$orgs"/>
            </xsl:call-template>
          </xsl:when>
        </xsl:choose>
        <xsl:processing-instruction name="pb-part-end">
          <xsl:value-of select="$k"/>
        </xsl:processing-instruction>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The packet's info. -->
  <xsl:template match="pb:meta" mode="pb-dbp-info">
    <info>
      <title>
        <xsl:choose>
          <xsl:when test="normalize-space(pb:title) != ''">
            <xsl:value-of select="normalize-space(pb:title)"/>
          </xsl:when>
          <xsl:otherwise>Untitled</xsl:otherwise>
        </xsl:choose>
      </title>
      <xsl:for-each select="pb:audience[normalize-space() != '']">
        <subtitle><xsl:value-of select="normalize-space()"/></subtitle>
      </xsl:for-each>
      <xsl:for-each select="pb:base-url[normalize-space() != '']">
        <biblioid class="uri">
          <xsl:value-of select="normalize-space()"/>
          <xsl:if test="substring(normalize-space(), string-length(normalize-space())) != '/'">/</xsl:if>
          <xsl:value-of select="concat(/pb:packet/@id, '/')"/>
        </biblioid>
      </xsl:for-each>
      <!-- the series and the as-of date: shown on the title page -->
      <xsl:if test="normalize-space(pb:project) != '' or normalize-space(pb:as-of) != ''">
        <releaseinfo>
          <xsl:value-of select="normalize-space(pb:project)"/>
          <xsl:if test="normalize-space(pb:project) != '' and normalize-space(pb:as-of) != ''">
            <xsl:text>. </xsl:text>
          </xsl:if>
          <xsl:if test="normalize-space(pb:as-of) != ''">
            <xsl:text>Figures as of </xsl:text>
            <xsl:call-template name="pb-date">
              <xsl:with-param name="date" select="normalize-space(pb:as-of)"/>
            </xsl:call-template>
            <xsl:text>.</xsl:text>
          </xsl:if>
        </releaseinfo>
      </xsl:if>
      <xsl:for-each select="pb:date[normalize-space() != '']">
        <pubdate>
          <xsl:call-template name="pb-date">
            <xsl:with-param name="date" select="normalize-space()"/>
          </xsl:call-template>
        </pubdate>
      </xsl:for-each>
      <xsl:for-each select="pb:publisher[normalize-space() != '']">
        <publisher>
          <publishername><xsl:value-of select="normalize-space()"/></publishername>
        </publisher>
      </xsl:for-each>
      <xsl:for-each select="pb:summary[normalize-space() != '']">
        <abstract><para><xsl:value-of select="normalize-space()"/></para></abstract>
      </xsl:for-each>
    </info>
  </xsl:template>

  <!-- ================================================= at a glance -->

  <xsl:template name="pb-dbp-glance">
    <chapter xml:id="glance">
      <!-- the same in every packet with the same organizations,
           figures and highlights -->
      <xsl:call-template name="pb-dbp-memo">
        <xsl:with-param name="part" select="'glance'"/>
        <xsl:with-param name="key" select="pb:digest(pb:highlights)"/>
      </xsl:call-template>
      <xsl:if test="pb:position">
        <itemizedlist spacing="compact">
          <title>In this packet</title>
          <xsl:for-each select="pb:position">
            <listitem>
              <para>
                <link linkend="position-{@id}">
                  <xsl:call-template name="pb-dbp-position-title"/>
                </link>
                <xsl:for-each select="pb:meta/pb:subtitle[normalize-space() != '']">
                  <xsl:value-of select="concat(': ', normalize-space())"/>
                </xsl:for-each>
              </para>
            </listitem>
          </xsl:for-each>
        </itemizedlist>
      </xsl:if>
      <xsl:if test="not(pb:highlights/pb:value | pb:orgs/pb:org | pb:position)">
        <para>This packet has no highlights, organizations or positions.</para>
      </xsl:if>
    </chapter>
  </xsl:template>

  <!-- The figures at a glance (context: the pb:packet): the year's
       payments, the highlights and the organizations' table. -->
  <xsl:template name="pb-dbp-glance-figures">
    <xsl:variable name="orgs" select="pb:orgs/pb:org"/>
    <title>At a glance</title>
    <para>
      <xsl:text>Key figures</xsl:text>
      <xsl:for-each select="pb:meta/pb:as-of[normalize-space() != '']">
        <xsl:text> as of </xsl:text>
        <xsl:call-template name="pb-date">
          <xsl:with-param name="date" select="normalize-space()"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:text>. Each value links to the entry of the appendix </xsl:text>
      <xsl:text>that shows how it was computed.</xsl:text>
    </para>
    <xsl:variable name="t" select="pb:totals/pb:value"/>
    <xsl:if test="$t[@ref = 'packet.fiscal_year'] and $t[@ref = 'packet.program_count']/@value &gt; 0">
      <para>
        <xsl:text>In </xsl:text>
        <xsl:call-template name="pb-dbp-value">
          <xsl:with-param name="v" select="$t[@ref = 'packet.fiscal_year']"/>
        </xsl:call-template>
        <xsl:text> DMH paid the packet's </xsl:text>
        <xsl:call-template name="pb-dbp-value">
          <xsl:with-param name="v" select="$t[@ref = 'packet.program_count']"/>
        </xsl:call-template>
        <xsl:text> program</xsl:text>
        <xsl:if test="$t[@ref = 'packet.program_count']/@value != 1">s</xsl:if>
        <xsl:text> </xsl:text>
        <!-- the two amounts in one format: cents on both when one has
             them -->
        <xsl:variable name="pay" select="$t[@ref = 'packet.total_dmh_payment']"/>
        <xsl:variable name="net" select="$t[@ref = 'packet.total_dmh_net_cost']"/>
        <xsl:variable name="cents" select="boolean(($pay | $net)[substring-after(@value, '.') != '00'])"/>
        <xsl:call-template name="pb-dbp-value">
          <xsl:with-param name="v" select="$pay"/>
          <xsl:with-param name="cents" select="$cents"/>
        </xsl:call-template>
        <xsl:text> and carried </xsl:text>
        <xsl:call-template name="pb-dbp-value">
          <xsl:with-param name="v" select="$net"/>
          <xsl:with-param name="cents" select="$cents"/>
        </xsl:call-template>
        <xsl:text> of it itself</xsl:text>
        <!-- the share only when the highlights do not show it -->
        <xsl:if test="not(pb:highlights/pb:value[@ref = 'packet.unreimbursed_share'])">
          <xsl:text>, </xsl:text>
          <emphasis role="strong">
            <xsl:call-template name="pb-dbp-value">
              <xsl:with-param name="v" select="$t[@ref = 'packet.unreimbursed_share']"/>
            </xsl:call-template>
            <xsl:text> unreimbursed</xsl:text>
          </emphasis>
        </xsl:if>
        <xsl:text>.</xsl:text>
        <xsl:if test="$orgs/pb:program[@in-year = 'no']">
          <xsl:text> Earlier years are shown apart and never added in.</xsl:text>
        </xsl:if>
      </para>
    </xsl:if>
    <!-- The first highlight whose label says FTE (the names with fte
         in them, and the Family Partner and Recovery Coach shares of
         peer FTE): FTE is spelled out there, else in the title of the
         organizations' table, the first place a reader meets it. -->
    <xsl:variable name="fte-first" select="generate-id(pb:highlights/pb:value[
        contains(substring-after(@ref, '.'), 'fte')
        or substring(@ref, string-length(@ref) - 20) = '.family_partner_share'
        or substring(@ref, string-length(@ref) - 20) = '.recovery_coach_share'][1])"/>
    <xsl:if test="pb:highlights/pb:value">
      <table frame="all">
        <title>Highlights</title>
        <tgroup cols="3">
          <colspec colname="c1" colwidth="3*"/>
          <colspec colname="c2" colwidth="1*"/>
          <colspec colname="c3" colwidth="3*"/>
          <thead>
            <row>
              <entry>Figure</entry>
              <entry>Value</entry>
              <entry>How it is computed</entry>
            </row>
          </thead>
          <tbody>
            <xsl:for-each select="pb:highlights/pb:value">
              <row>
                <entry>
                  <xsl:call-template name="pb-dbp-label">
                    <xsl:with-param name="name" select="@ref"/>
                  </xsl:call-template>
                  <xsl:if test="generate-id() = $fte-first">
                    <xsl:call-template name="pb-dbp-fte-spelled"/>
                  </xsl:if>
                </entry>
                <entry>
                  <xsl:call-template name="pb-dbp-value"/>
                  <xsl:call-template name="pb-dbp-count-of"/>
                  <xsl:call-template name="pb-dbp-limit-of"/>
                </entry>
                <entry>
                  <xsl:call-template name="pb-dbp-formula">
                    <xsl:with-param name="name" select="@ref"/>
                    <xsl:with-param name="plain" select="true()"/>
                  </xsl:call-template>
                </entry>
              </row>
            </xsl:for-each>
          </tbody>
        </tgroup>
      </table>
    </xsl:if>
    <xsl:if test="$orgs">
      <table frame="all">
        <title>
          <xsl:text>The organizations</xsl:text>
          <xsl:if test="$fte-first = ''">
            <xsl:call-template name="pb-dbp-fte-spelled"/>
          </xsl:if>
        </title>
        <tgroup cols="6">
          <colspec colname="c1" colwidth="3*"/>
          <colspec colname="c2" colwidth="1*"/>
          <colspec colname="c3" colwidth="1*"/>
          <colspec colname="c4" colwidth="1*"/>
          <colspec colname="c5" colwidth="1*"/>
          <colspec colname="c6" colwidth="1*"/>
          <thead>
            <row>
              <entry>Organization</entry>
              <entry>Practices in conflict</entry>
              <entry>Practices of concern</entry>
              <entry>Peer FTE</entry>
              <entry>Required FTE</entry>
              <entry>Certifications overdue</entry>
            </row>
          </thead>
          <tbody>
            <xsl:for-each select="$orgs">
              <xsl:variable name="org" select="."/>
              <row>
                <!-- the name leads to the organization's own entry in
                     the appendix (its region, contracts, source and
                     figures), as the HTML's leads to its entry -->
                <entry>
                  <link linkend="figures-org-{@id}">
                    <xsl:call-template name="pb-dbp-org-name"/>
                  </link>
                </entry>
                <xsl:for-each select="str:tokenize('practice_conflicts practice_concerns peer_fte required_peer_fte certifications_overdue', ' ')">
                  <xsl:variable name="name" select="string()"/>
                  <xsl:for-each select="$org">
                    <entry>
                      <xsl:call-template name="pb-dbp-org-value">
                        <xsl:with-param name="name" select="$name"/>
                      </xsl:call-template>
                    </entry>
                  </xsl:for-each>
                </xsl:for-each>
              </row>
            </xsl:for-each>
          </tbody>
        </tgroup>
      </table>
    </xsl:if>
  </xsl:template>

  <!-- After a count that is part of a total (the context, a pb:value),
       what it is a part of: " of 5 programs", " of 1 organization". -->
  <!-- After a Family Partner or Recovery Coach share (the context, a
       pb:value), whether it is over the series' limit, and the limit, as
       the HTML's highlights say it: ", above the 25.0% limit"; nothing
       for any other figure. -->
  <xsl:template name="pb-dbp-limit-of">
    <xsl:variable name="org" select="substring-before(@ref, '.')"/>
    <xsl:variable name="last" select="substring-after(@ref, '.')"/>
    <xsl:if test="$last = 'family_partner_share' or $last = 'recovery_coach_share'">
      <xsl:variable name="over" select="/pb:packet/pb:orgs/pb:org[@id = $org]/pb:value[@ref = concat(current()/@ref, '_exceeds')]"/>
      <xsl:variable name="max" select="key('pb-dbp-name', concat('param.max_', $last))[1]"/>
      <xsl:if test="$over">
        <xsl:text>, </xsl:text>
        <xsl:call-template name="pb-dbp-value">
          <xsl:with-param name="v" select="$over"/>
          <xsl:with-param name="text">
            <xsl:choose>
              <xsl:when test="$over/@value = 'true'">above</xsl:when>
              <xsl:otherwise>within</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:text> the </xsl:text>
        <xsl:if test="$max">
          <xsl:call-template name="pb-dbp-value">
            <xsl:with-param name="v" select="$max"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:text>limit</xsl:text>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- What FTE stands for, said once where a reader first meets it. -->
  <xsl:template name="pb-dbp-fte-spelled">
    <xsl:text> (FTE: full-time equivalents)</xsl:text>
  </xsl:template>

  <xsl:template name="pb-dbp-count-of">
    <xsl:variable name="t" select="/pb:packet/pb:totals/pb:value"/>
    <xsl:variable name="r" select="substring-after(@ref, '.')"/>
    <xsl:variable name="last" select="concat(
        substring($r, 1 div not(contains($r, '.'))),
        substring-after($r, '.'))"/>
    <xsl:variable name="o" select="/pb:packet/pb:orgs/pb:org[@id = substring-before(current()/@ref, '.')]"/>
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
      <xsl:value-of select="concat(' of ', $n, ' ')"/>
      <xsl:choose>
        <xsl:when test="starts-with($last, 'programs_')">program</xsl:when>
        <xsl:when test="starts-with($last, 'orgs_')">organization</xsl:when>
        <xsl:when test="starts-with($last, 'practice_')">practice</xsl:when>
        <xsl:otherwise>peer staff</xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$n != 1 and not(starts-with($last, 'certifications_'))">s</xsl:if>
      <xsl:if test="$last = 'programs_meeting_state_average_without_peer_notes'">
        <xsl:for-each select="/pb:packet/pb:meta/pb:fiscal-year[normalize-space() != '']">
          <xsl:text> (</xsl:text>
          <xsl:call-template name="pb-fiscal-year">
            <xsl:with-param name="year" select="string(.)"/>
          </xsl:call-template>
          <xsl:text>)</xsl:text>
        </xsl:for-each>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="pb-dbp-position-title">
    <xsl:choose>
      <xsl:when test="normalize-space(pb:meta/pb:title) != ''">
        <xsl:value-of select="normalize-space(pb:meta/pb:title)"/>
      </xsl:when>
      <xsl:otherwise>Untitled</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================= positions -->

  <!--
    A position: a chapter whose info is the position's (docbook-body.xsl's
    pb-db-info) and whose body is pb-db-body; its sections nest under the
    chapter.  xml:lang only when it differs from the packet's.
  -->
  <xsl:template match="pb:position" mode="pb-dbp">
    <xsl:variable name="lang" select="normalize-space(pb:meta/pb:lang)"/>
    <chapter>
      <xsl:attribute name="xml:id"><xsl:value-of select="concat('position-', @id)"/></xsl:attribute>
      <xsl:if test="$lang != '' and $lang != normalize-space(/pb:packet/pb:meta/pb:lang)">
        <xsl:attribute name="xml:lang"><xsl:value-of select="$lang"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="pb:meta" mode="pb-db-info"/>
      <xsl:call-template name="pb-db-body">
        <xsl:with-param name="ensure-block" select="true()"/>
      </xsl:call-template>
    </chapter>
  </xsl:template>

  <!-- A figure value in a position body of a packet. -->
  <xsl:template match="pb:value[ancestor::pb:packet]" mode="pb-db">
    <xsl:call-template name="pb-dbp-value"/>
  </xsl:template>

  <xsl:template match="pb:value[ancestor::pb:packet]" mode="pb-db-copy">
    <xsl:call-template name="pb-dbp-value"/>
  </xsl:template>

  <!-- A block directive in a position body of a packet. -->
  <xsl:template match="pb:directive[ancestor::pb:packet]" mode="pb-db">
    <xsl:call-template name="pb-dbp-directive"/>
  </xsl:template>

  <xsl:template match="pb:directive[ancestor::pb:packet]" mode="pb-db-copy">
    <xsl:call-template name="pb-dbp-directive"/>
  </xsl:template>

  <!--
    An element of an XML position that carries an xml:id: copied as
    docbook-body.xsl copies it, then the id renamed position-ID.XMLID.
  -->
  <xsl:template match="db:*[@xml:id][ancestor::pb:packet]" mode="pb-db-copy">
    <xsl:variable name="copy"><xsl:apply-imports/></xsl:variable>
    <xsl:variable name="pos" select="ancestor::pb:position[1]/@id"/>
    <xsl:for-each select="exsl:node-set($copy)/*">
      <xsl:element name="{local-name()}" namespace="{namespace-uri()}">
        <xsl:copy-of select="@*"/>
        <xsl:attribute name="xml:id">
          <xsl:value-of select="concat('position-', $pos, '.', @xml:id)"/>
        </xsl:attribute>
        <xsl:copy-of select="node()"/>
      </xsl:element>
    </xsl:for-each>
  </xsl:template>

  <!--
    A link to "#ID", ID an xml:id of the same position: to that element's
    renamed id, position-ID.XMLID (a link inside a link keeps only its
    text, as docbook-body.xsl says).
  -->
  <xsl:template match="db:link[starts-with(@xlink:href, '#')][ancestor::pb:packet]
                       [not(ancestor::db:link)]" mode="pb-db-copy" priority="1">
    <xsl:variable name="pos" select="ancestor::pb:position[1]/@id"/>
    <xsl:variable name="to" select="substring(@xlink:href, 2)"/>
    <xsl:element name="link" namespace="{$pb-db-ns}">
      <xsl:copy-of select="@*"/>
      <xsl:if test="ancestor::pb:position[1]//*[@xml:id = $to]">
        <xsl:attribute name="xlink:href" namespace="http://www.w3.org/1999/xlink">
          <xsl:value-of select="concat('#position-', $pos, '.', $to)"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:apply-templates mode="pb-db-copy"/>
    </xsl:element>
  </xsl:template>

  <xsl:template name="pb-dbp-directive">
    <xsl:variable name="packet" select="ancestor::pb:packet[1]"/>
    <xsl:variable name="ref" select="string(@ref)"/>
    <xsl:variable name="orgs"
        select="$packet/pb:orgs/pb:org[@id = $ref
                  or not($packet/pb:orgs/pb:org[@id = $ref])]"/>
    <!-- The first directive of this kind in the packet (as html-packet.xsl
         finds it; descendant::, not //, see $pk-directives there). -->
    <xsl:variable name="first" select="($packet/pb:position/descendant::pb:directive[@kind = current()/@kind])[1]"/>
    <xsl:choose>
      <xsl:when test="@kind = 'figure'">
        <xsl:call-template name="pb-dbp-figure-block"/>
      </xsl:when>
      <xsl:when test="@kind = 'chart'">
        <xsl:call-template name="pb-dbc-chart"/>
      </xsl:when>
      <xsl:when test="generate-id($first) != generate-id(.)">
        <para>
          <xsl:text>The table is shown once, in </xsl:text>
          <quote>
            <xsl:for-each select="$first/ancestor::pb:position[1]">
              <xsl:call-template name="pb-dbp-position-title"/>
            </xsl:for-each>
          </quote>
          <xsl:text>.</xsl:text>
        </para>
      </xsl:when>
      <!-- a table: the same in every packet with the same data showing
           the same organizations -->
      <xsl:when test="@kind = 'funding' or @kind = 'practices'
                      or @kind = 'staffing' or @kind = 'certifications'">
        <xsl:call-template name="pb-dbp-memo">
          <xsl:with-param name="part" select="concat('table ', @kind)"/>
          <xsl:with-param name="key" select="pb:digest($orgs, $packet/pb:highlights)"/>
          <xsl:with-param name="orgs" select="$orgs"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The table of KIND (funding, practices, staffing or certifications)
       of the organizations ORGS. -->
  <xsl:template name="pb-dbp-table">
    <xsl:param name="kind"/>
    <xsl:param name="orgs"/>
    <xsl:choose>
      <xsl:when test="$kind = 'funding'">
        <xsl:call-template name="pb-dbp-funding">
          <xsl:with-param name="orgs" select="$orgs"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$kind = 'practices'">
        <xsl:call-template name="pb-dbp-practices">
          <xsl:with-param name="orgs" select="$orgs"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$kind = 'staffing'">
        <xsl:call-template name="pb-dbp-staffing">
          <xsl:with-param name="orgs" select="$orgs"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$kind = 'certifications'">
        <xsl:call-template name="pb-dbp-certifications">
          <xsl:with-param name="orgs" select="$orgs"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!--
    =figure NAME: the value, formula and inputs of one figure, as an
    informaltable of two columns.  The formula and inputs come from the
    figure's appendix entry.
  -->
  <xsl:template name="pb-dbp-figure-block">
    <xsl:variable name="fig" select="key('pb-dbp-name', @ref)[self::pb:figure][1]"/>
    <informaltable frame="all" role="figure">
      <tgroup cols="2">
        <colspec colname="c1" colwidth="1*"/>
        <colspec colname="c2" colwidth="3*"/>
        <tbody>
          <row>
            <entry>Figure</entry>
            <entry>
              <xsl:call-template name="pb-dbp-label">
                <xsl:with-param name="name" select="@ref"/>
              </xsl:call-template>
            </entry>
          </row>
          <row>
            <entry>Value</entry>
            <entry><xsl:call-template name="pb-dbp-value"/></entry>
          </row>
          <row>
            <entry>Formula</entry>
            <entry>
              <xsl:call-template name="pb-dbp-formula">
                <xsl:with-param name="name" select="@ref"/>
              </xsl:call-template>
            </entry>
          </row>
          <xsl:if test="$fig/pb:input">
            <row>
              <entry>Inputs</entry>
              <entry>
                <itemizedlist spacing="compact">
                  <xsl:for-each select="$fig/pb:input">
                    <listitem>
                      <para><xsl:call-template name="pb-dbp-input"/></para>
                    </listitem>
                  </xsl:for-each>
                </itemizedlist>
              </entry>
            </row>
          </xsl:if>
        </tbody>
      </tgroup>
    </informaltable>
  </xsl:template>

  <!-- ================================================= the tables -->

  <!-- Practices: one row per practice, one column per organization. -->
  <xsl:template name="pb-dbp-practices">
    <xsl:param name="orgs" select="/pb:packet/pb:orgs/pb:org"/>
    <!--
      The label and one-line reason of each practice: templates/practices.xml
      (shared with the HTML packet), read relative to this stylesheet, and
      only when a packet has a table of practices.
    -->
    <xsl:variable name="reasons"
        select="document('practices.xml')/pb:practices/pb:practice"/>
    <xsl:variable name="levels"
        select="document('practices.xml')/pb:practices/pb:level"/>
    <xsl:choose>
      <xsl:when test="not($orgs)">
        <xsl:call-template name="pb-dbp-no-orgs"/>
      </xsl:when>
      <xsl:otherwise>
        <para><xsl:value-of select="normalize-space(document('practices.xml')/pb:practices/pb:key)"/></para>
        <table frame="all">
          <title>Practices compared with the CPS Code and ACCS section 7.5</title>
          <tgroup cols="{count($orgs) + 1}">
            <colspec colname="c1" colwidth="3*"/>
            <xsl:for-each select="$orgs">
              <colspec colname="c{position() + 1}" colwidth="1*"/>
            </xsl:for-each>
            <thead>
              <row>
                <entry>Practice</entry>
                <xsl:for-each select="$orgs">
                  <entry><xsl:call-template name="pb-dbp-org-name"/></entry>
                </xsl:for-each>
              </row>
            </thead>
            <tbody>
              <!-- the rows: the practices as the organizations' data lists
                   them (all eight, in DESIGN.md's order), else as
                   practices.xml does -->
              <xsl:for-each select="$orgs[pb:practice][1]/pb:practice
                                    | $reasons[not($orgs/pb:practice)]">
                <xsl:variable name="name" select="@name"/>
                <xsl:variable name="p" select="$reasons[@name = $name]"/>
                <row>
                  <entry>
                    <para>
                      <emphasis role="strong">
                        <xsl:choose>
                          <xsl:when test="normalize-space($p/@label) != ''">
                            <xsl:value-of select="normalize-space($p/@label)"/>
                          </xsl:when>
                          <xsl:otherwise><xsl:value-of select="$name"/></xsl:otherwise>
                        </xsl:choose>
                      </emphasis>
                    </para>
                    <xsl:if test="normalize-space($p/pb:reason) != ''">
                      <para><xsl:value-of select="normalize-space($p/pb:reason)"/></para>
                    </xsl:if>
                  </entry>
                  <xsl:for-each select="$orgs">
                    <xsl:variable name="mine" select="pb:practice[@name = $name]"/>
                    <entry>
                      <xsl:variable name="level"
                          select="$levels[@name = $mine/@status]"/>
                      <xsl:variable name="word"
                          select="$p/pb:value[@name = $mine/@value]"/>
                      <xsl:choose>
                        <xsl:when test="not($mine/@value)">
                          <xsl:value-of select="$levels[@name = 'not-reported']/@label"/>
                        </xsl:when>
                        <xsl:otherwise>
                          <xsl:choose>
                            <xsl:when test="$word"><xsl:value-of select="normalize-space($word)"/></xsl:when>
                            <xsl:otherwise><xsl:value-of select="$mine/@value"/></xsl:otherwise>
                          </xsl:choose>
                          <xsl:value-of select="concat(': ', $level/@mark, ' ')"/>
                          <xsl:choose>
                            <xsl:when test="$mine/@status = 'conflict'">
                              <emphasis role="strong"><xsl:value-of select="$level/@label"/></emphasis>
                            </xsl:when>
                            <xsl:otherwise><xsl:value-of select="$level/@label"/></xsl:otherwise>
                          </xsl:choose>
                        </xsl:otherwise>
                      </xsl:choose>
                    </entry>
                  </xsl:for-each>
                </row>
              </xsl:for-each>
              <row>
                <entry><para><emphasis role="strong">Practices in conflict</emphasis></para></entry>
                <xsl:for-each select="$orgs">
                  <entry>
                    <xsl:call-template name="pb-dbp-org-value">
                      <xsl:with-param name="name" select="'practice_conflicts'"/>
                    </xsl:call-template>
                  </entry>
                </xsl:for-each>
              </row>
              <row>
                <entry><para><emphasis role="strong">Practices of concern</emphasis></para></entry>
                <xsl:for-each select="$orgs">
                  <entry>
                    <xsl:call-template name="pb-dbp-org-value">
                      <xsl:with-param name="name" select="'practice_concerns'"/>
                    </xsl:call-template>
                  </entry>
                </xsl:for-each>
              </row>
            </tbody>
          </tgroup>
        </table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Funding: one row per program, the organization spanning its rows. -->
  <xsl:template name="pb-dbp-funding">
    <xsl:param name="orgs" select="/pb:packet/pb:orgs/pb:org"/>
    <xsl:variable name="avg"
        select="key('pb-dbp-name', 'param.state_average_rday_rate')[1]"/>
    <!-- every amount the table shows in one format: cents on all of them
         when one has cents -->
    <xsl:variable name="cents" select="boolean(($orgs/pb:program[@in-year = 'yes']/pb:value
        [substring-after(@ref, concat(../../@id, '.', ../@id, '.')) = 'dmh_payment'
         or substring-after(@ref, concat(../../@id, '.', ../@id, '.')) = 'medicaid_reimbursement'
         or substring-after(@ref, concat(../../@id, '.', ../@id, '.')) = 'peer_note_reimbursement']
        | key('pb-dbp-name', 'packet.total_dmh_payment')
        | key('pb-dbp-name', 'packet.total_medicaid_reimbursement')
        | key('pb-dbp-name', 'packet.total_peer_note_reimbursement'))
        [substring-after(@value, '.') != '00'])"/>
    <xsl:choose>
      <xsl:when test="not($orgs/pb:program)">
        <para>
          <xsl:choose>
            <xsl:when test="$orgs">No program data for these organizations.</xsl:when>
            <xsl:otherwise>This packet covers no organizations.</xsl:otherwise>
          </xsl:choose>
        </para>
      </xsl:when>
      <xsl:otherwise>
        <table frame="all">
          <title>
            <xsl:text>Funding by program</xsl:text>
            <xsl:for-each select="/pb:packet/pb:meta/pb:fiscal-year">
              <xsl:text>, </xsl:text>
              <xsl:call-template name="pb-fiscal-year"><xsl:with-param name="year" select="string(.)"/></xsl:call-template>
            </xsl:for-each>
          </title>
          <tgroup cols="7">
            <colspec colname="c1" colwidth="2*"/>
            <colspec colname="c2" colwidth="2*"/>
            <colspec colname="c3" colwidth="1.5*"/>
            <colspec colname="c4" colwidth="1.5*"/>
            <colspec colname="c5" colwidth="1.5*"/>
            <colspec colname="c6" colwidth="1.5*"/>
            <colspec colname="c7" colwidth="2*"/>
            <thead>
              <row>
                <entry>Organization</entry>
                <entry>Program</entry>
                <entry>DMH payment</entry>
                <entry>R-day rate (R-days)</entry>
                <entry>Medicaid reimbursement (share DMH pays unreimbursed)</entry>
                <entry>From peer-only R-days (share of payment)</entry>
                <entry>
                  <xsl:text>R-day rate without peer notes</xsl:text>
                  <xsl:if test="$avg">
                    <xsl:text> (state average </xsl:text>
                    <xsl:call-template name="pb-dbp-value">
                      <xsl:with-param name="v" select="$avg"/>
                    </xsl:call-template>
                    <xsl:text>)</xsl:text>
                  </xsl:if>
                </entry>
              </row>
            </thead>
            <tbody>
              <xsl:for-each select="$orgs[pb:program[@in-year = 'yes']]">
                <xsl:variable name="n" select="count(pb:program[@in-year = 'yes'])"/>
                <xsl:variable name="org" select="."/>
                <xsl:for-each select="pb:program[@in-year = 'yes']">
                  <xsl:variable name="pre" select="concat($org/@id, '.', @id, '.')"/>
                  <row>
                    <xsl:if test="position() = 1">
                      <entry>
                        <xsl:if test="$n &gt; 1">
                          <xsl:attribute name="morerows"><xsl:value-of select="$n - 1"/></xsl:attribute>
                        </xsl:if>
                        <xsl:for-each select="$org">
                          <xsl:call-template name="pb-dbp-org-name"/>
                        </xsl:for-each>
                      </entry>
                    </xsl:if>
                    <entry>
                      <xsl:value-of select="concat(@contract, ' ')"/>
                      <xsl:call-template name="pb-fiscal-year"><xsl:with-param name="year" select="@fiscal-year"/></xsl:call-template>
                      <xsl:text> (</xsl:text>
                      <literal><xsl:value-of select="@id"/></literal>
                      <xsl:text>)</xsl:text>
                      <xsl:if test="@daily-rate-cents">
                        <xsl:text>, </xsl:text>
                        <xsl:call-template name="pb-money">
                          <xsl:with-param name="cents" select="@daily-rate-cents"/>
                        </xsl:call-template>
                        <xsl:text> a day</xsl:text>
                      </xsl:if>
                    </entry>
                    <entry>
                      <xsl:call-template name="pb-dbp-value">
                        <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'dmh_payment')]"/>
                        <xsl:with-param name="cents" select="$cents"/>
                      </xsl:call-template>
                    </entry>
                    <entry>
                      <xsl:call-template name="pb-dbp-value">
                        <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'rday_rate')]"/>
                      </xsl:call-template>
                      <xsl:if test="pb:value[@ref = concat($pre, 'zero_rdays')]/@value = 'true'">
                        <xsl:text>; </xsl:text>
                        <emphasis role="strong">no R-days</emphasis>
                      </xsl:if>
                    </entry>
                    <entry>
                      <xsl:call-template name="pb-dbp-value">
                        <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'medicaid_reimbursement')]"/>
                        <xsl:with-param name="cents" select="$cents"/>
                      </xsl:call-template>
                      <xsl:text> (</xsl:text>
                      <xsl:call-template name="pb-dbp-value">
                        <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'unreimbursed_share')]"/>
                      </xsl:call-template>
                      <xsl:text>)</xsl:text>
                    </entry>
                    <entry>
                      <xsl:call-template name="pb-dbp-value">
                        <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'peer_note_reimbursement')]"/>
                        <xsl:with-param name="cents" select="$cents"/>
                      </xsl:call-template>
                      <xsl:text> (</xsl:text>
                      <xsl:call-template name="pb-dbp-value">
                        <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'peer_note_share_of_payment')]"/>
                      </xsl:call-template>
                      <xsl:text>)</xsl:text>
                    </entry>
                    <entry>
                      <xsl:call-template name="pb-dbp-value">
                        <xsl:with-param name="v" select="pb:value[@ref = concat($pre, 'rday_rate_without_peer_notes')]"/>
                      </xsl:call-template>
                      <xsl:variable name="meets"
                          select="pb:value[@ref = concat($pre, 'meets_state_average_without_peer_notes')]"/>
                      <xsl:variable name="short"
                          select="pb:value[@ref = concat($pre, 'rday_shortfall_without_peer_notes')]"/>
                      <xsl:if test="$meets">
                        <xsl:text>: </xsl:text>
                        <xsl:call-template name="pb-dbp-flag">
                          <xsl:with-param name="v" select="$meets"/>
                          <xsl:with-param name="yes" select="'meets the average'"/>
                          <xsl:with-param name="no" select="'below the average'"/>
                          <xsl:with-param name="bad" select="'false'"/>
                        </xsl:call-template>
                        <xsl:if test="$meets/@value != 'true' and $short">
                          <xsl:text>, </xsl:text>
                          <xsl:call-template name="pb-dbp-value">
                            <xsl:with-param name="v" select="$short"/>
                          </xsl:call-template>
                          <xsl:text> R-days short</xsl:text>
                        </xsl:if>
                      </xsl:if>
                    </entry>
                  </row>
                </xsl:for-each>
              </xsl:for-each>
              <!-- totals, when the packet's figures carry them -->
              <xsl:variable name="tp" select="key('pb-dbp-name', 'packet.total_dmh_payment')[1]"/>
              <xsl:variable name="tm" select="key('pb-dbp-name', 'packet.total_medicaid_reimbursement')[1]"/>
              <xsl:variable name="tr" select="key('pb-dbp-name', 'packet.total_peer_note_reimbursement')[1]"/>
              <xsl:variable name="ts" select="key('pb-dbp-name', 'packet.peer_note_share_of_payment')[1]"/>
              <xsl:variable name="tu" select="key('pb-dbp-name', 'packet.unreimbursed_share')[1]"/>
              <xsl:if test="count($orgs) = count(/pb:packet/pb:orgs/pb:org)
                            and ($tp | $tm | $tr)">
                <row>
                  <entry namest="c1" nameend="c2">
                    <emphasis role="strong">
                      <xsl:text>All programs</xsl:text>
                      <xsl:for-each select="/pb:packet/pb:meta/pb:fiscal-year">
                        <xsl:text> of </xsl:text>
                        <xsl:call-template name="pb-fiscal-year"><xsl:with-param name="year" select="string(.)"/></xsl:call-template>
                      </xsl:for-each>
                    </emphasis>
                  </entry>
                  <entry>
                    <xsl:if test="$tp">
                      <xsl:call-template name="pb-dbp-value">
                        <xsl:with-param name="v" select="$tp"/>
                        <xsl:with-param name="cents" select="$cents"/>
                      </xsl:call-template>
                    </xsl:if>
                  </entry>
                  <entry/>
                  <entry>
                    <xsl:if test="$tm">
                      <xsl:call-template name="pb-dbp-value">
                        <xsl:with-param name="v" select="$tm"/>
                        <xsl:with-param name="cents" select="$cents"/>
                      </xsl:call-template>
                    </xsl:if>
                    <xsl:if test="$tm and $tu">
                      <xsl:text> (</xsl:text>
                      <xsl:call-template name="pb-dbp-value">
                        <xsl:with-param name="v" select="$tu"/>
                      </xsl:call-template>
                      <xsl:text>)</xsl:text>
                    </xsl:if>
                  </entry>
                  <entry>
                    <xsl:if test="$tr">
                      <xsl:call-template name="pb-dbp-value">
                        <xsl:with-param name="v" select="$tr"/>
                        <xsl:with-param name="cents" select="$cents"/>
                      </xsl:call-template>
                    </xsl:if>
                    <xsl:if test="$tr and $ts">
                      <xsl:text> (</xsl:text>
                      <xsl:call-template name="pb-dbp-value">
                        <xsl:with-param name="v" select="$ts"/>
                      </xsl:call-template>
                      <xsl:text>)</xsl:text>
                    </xsl:if>
                  </entry>
                  <entry/>
                </row>
              </xsl:if>
            </tbody>
          </tgroup>
        </table>
        <xsl:call-template name="pb-dbp-earlier">
          <xsl:with-param name="orgs" select="$orgs"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Organizations with no program in the packet's year, named; then the
       earlier years' programs, never added into a total. -->
  <xsl:template name="pb-dbp-earlier">
    <xsl:param name="orgs"/>
    <xsl:variable name="fy" select="/pb:packet/pb:meta/pb:fiscal-year"/>
    <xsl:variable name="year">
      <xsl:if test="$fy">
        <xsl:call-template name="pb-fiscal-year"><xsl:with-param name="year" select="string($fy)"/></xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="none" select="$orgs[@in-year = 'no']"/>
    <xsl:if test="$none">
      <para>
        <xsl:for-each select="$none">
          <xsl:if test="position() &gt; 1 and position() = last()"> and </xsl:if>
          <xsl:if test="position() &gt; 1 and position() != last()">, </xsl:if>
          <xsl:call-template name="pb-dbp-org-name"/>
        </xsl:for-each>
        <xsl:text> reported no program for </xsl:text>
        <xsl:value-of select="$year"/>
        <xsl:text>, so the totals leave them out.</xsl:text>
      </para>
    </xsl:if>
    <xsl:variable name="earlier" select="$orgs/pb:program[@in-year = 'no']"/>
    <xsl:if test="$earlier">
      <table frame="all">
        <title>
          <xsl:text>Earlier years, by program (not in the totals</xsl:text>
          <xsl:if test="$fy">
            <xsl:value-of select="concat(' of ', $year)"/>
          </xsl:if>
          <xsl:text>)</xsl:text>
        </title>
        <tgroup cols="4">
          <thead>
            <row>
              <entry>Program</entry>
              <entry>DMH payment</entry>
              <entry>R-day rate</entry>
              <entry>R-day rate without peer notes</entry>
            </row>
          </thead>
          <tbody>
            <xsl:for-each select="$earlier">
              <xsl:variable name="pre" select="concat(../@id, '.', @id, '.')"/>
              <row>
                <entry>
                  <xsl:for-each select="..">
                    <xsl:call-template name="pb-dbp-org-name"/>
                  </xsl:for-each>
                  <xsl:value-of select="concat(': ', @contract, ' ')"/>
                  <xsl:call-template name="pb-fiscal-year"><xsl:with-param name="year" select="@fiscal-year"/></xsl:call-template>
                </entry>
                <xsl:for-each select="pb:value">
                  <entry>
                    <xsl:call-template name="pb-dbp-value">
                      <xsl:with-param name="v" select="."/>
                    </xsl:call-template>
                  </entry>
                </xsl:for-each>
              </row>
            </xsl:for-each>
          </tbody>
        </tgroup>
      </table>
    </xsl:if>
  </xsl:template>

  <!-- Staffing: one row per organization. -->
  <xsl:template name="pb-dbp-staffing">
    <xsl:param name="orgs" select="/pb:packet/pb:orgs/pb:org"/>
    <xsl:variable name="maxfp" select="key('pb-dbp-name', 'param.max_family_partner_share')[1]"/>
    <xsl:variable name="maxrc" select="key('pb-dbp-name', 'param.max_recovery_coach_share')[1]"/>
    <xsl:choose>
      <xsl:when test="not($orgs)">
        <xsl:call-template name="pb-dbp-no-orgs"/>
      </xsl:when>
      <xsl:otherwise>
        <table frame="all">
          <title>Peer staffing by organization</title>
          <tgroup cols="6">
            <colspec colname="c1" colwidth="2*"/>
            <colspec colname="c2" colwidth="3*"/>
            <colspec colname="c3" colwidth="1.5*"/>
            <colspec colname="c4" colwidth="1.5*"/>
            <colspec colname="c5" colwidth="1.5*"/>
            <colspec colname="c6" colwidth="2*"/>
            <thead>
              <row>
                <entry>Organization</entry>
                <entry>Peer staff</entry>
                <entry>Peer FTE (required; without lived experience)</entry>
                <entry>
                  <xsl:text>Family Partner share</xsl:text>
                  <xsl:if test="$maxfp">
                    <xsl:text> (limit </xsl:text>
                    <xsl:call-template name="pb-dbp-value">
                      <xsl:with-param name="v" select="$maxfp"/>
                    </xsl:call-template>
                    <xsl:text>)</xsl:text>
                  </xsl:if>
                </entry>
                <entry>
                  <xsl:text>Recovery Coach share</xsl:text>
                  <xsl:if test="$maxrc">
                    <xsl:text> (limit </xsl:text>
                    <xsl:call-template name="pb-dbp-value">
                      <xsl:with-param name="v" select="$maxrc"/>
                    </xsl:call-template>
                    <xsl:text>)</xsl:text>
                  </xsl:if>
                </entry>
                <entry>Team and supervision</entry>
              </row>
            </thead>
            <tbody>
              <xsl:for-each select="$orgs">
                <xsl:variable name="org" select="."/>
                <row>
                  <entry><xsl:call-template name="pb-dbp-org-name"/></entry>
                  <entry>
                    <xsl:variable name="peers" select="pb:role[@name != 'peer-supervisor']"/>
                    <xsl:choose>
                      <xsl:when test="$peers">
                        <xsl:for-each select="$pb-dbp-words[self::r][@n != 'peer-supervisor']">
                          <xsl:variable name="role" select="@n"/>
                          <xsl:variable name="ms" select="$peers[@name = $role]"/>
                          <xsl:if test="$ms">
                            <xsl:value-of select="concat(., ' ', $ms/@members, ' (',
                                $ms/@fte, ' FTE)')"/>
                            <xsl:if test="count($pb-dbp-words[self::r][@n != 'peer-supervisor']
                                            [@n = $peers/@name]
                                            [preceding-sibling::r[@n = $role]]) &gt; 0">
                              <xsl:text>; </xsl:text>
                            </xsl:if>
                          </xsl:if>
                        </xsl:for-each>
                      </xsl:when>
                      <xsl:otherwise>none listed</xsl:otherwise>
                    </xsl:choose>
                  </entry>
                  <entry>
                    <xsl:call-template name="pb-dbp-org-value">
                      <xsl:with-param name="name" select="'peer_fte'"/>
                    </xsl:call-template>
                    <xsl:text> (</xsl:text>
                    <xsl:call-template name="pb-dbp-org-value">
                      <xsl:with-param name="name" select="'required_peer_fte'"/>
                    </xsl:call-template>
                    <xsl:text>; without lived experience </xsl:text>
                    <xsl:call-template name="pb-dbp-org-value">
                      <xsl:with-param name="name" select="'peer_fte_without_lived_experience'"/>
                    </xsl:call-template>
                    <xsl:text>: </xsl:text>
                    <xsl:call-template name="pb-dbp-flag">
                      <xsl:with-param name="v" select="pb:value[@ref = concat($org/@id, '.meets_peer_ratio')]"/>
                      <xsl:with-param name="yes" select="'meets the ratio'"/>
                      <xsl:with-param name="no" select="'below the ratio'"/>
                      <xsl:with-param name="bad" select="'false'"/>
                    </xsl:call-template>
                  </entry>
                  <entry>
                    <xsl:call-template name="pb-dbp-org-value">
                      <xsl:with-param name="name" select="'family_partner_share'"/>
                    </xsl:call-template>
                    <xsl:text>: </xsl:text>
                    <xsl:call-template name="pb-dbp-flag">
                      <xsl:with-param name="v" select="pb:value[@ref = concat($org/@id, '.family_partner_share_exceeds')]"/>
                      <xsl:with-param name="yes" select="'above the limit'"/>
                      <xsl:with-param name="no" select="'within the limit'"/>
                      <xsl:with-param name="bad" select="'true'"/>
                    </xsl:call-template>
                  </entry>
                  <entry>
                    <xsl:call-template name="pb-dbp-org-value">
                      <xsl:with-param name="name" select="'recovery_coach_share'"/>
                    </xsl:call-template>
                    <xsl:text>: </xsl:text>
                    <xsl:call-template name="pb-dbp-flag">
                      <xsl:with-param name="v" select="pb:value[@ref = concat($org/@id, '.recovery_coach_share_exceeds')]"/>
                      <xsl:with-param name="yes" select="'above the limit'"/>
                      <xsl:with-param name="no" select="'within the limit'"/>
                      <xsl:with-param name="bad" select="'true'"/>
                    </xsl:call-template>
                  </entry>
                  <entry>
                    <xsl:variable name="team" select="pb:practice[@name = 'peer-team-structure']/@value"/>
                    <xsl:variable name="sup" select="pb:practice[@name = 'peer-supervision']/@value"/>
                    <xsl:choose>
                      <xsl:when test="$team"><xsl:value-of select="concat($team, ' team')"/></xsl:when>
                      <xsl:otherwise>team not stated</xsl:otherwise>
                    </xsl:choose>
                    <xsl:text>; </xsl:text>
                    <xsl:choose>
                      <xsl:when test="$sup = 'none'">no supervision</xsl:when>
                      <xsl:when test="$sup"><xsl:value-of select="concat($sup, ' supervision')"/></xsl:when>
                      <xsl:otherwise>supervision not stated</xsl:otherwise>
                    </xsl:choose>
                    <xsl:variable name="sups" select="pb:role[@name = 'peer-supervisor']"/>
                    <xsl:if test="$sups">
                      <xsl:value-of select="concat('; peer supervisors ', $sups/@members, ' (',
                          pb:role[@name = 'peer-supervisor']/@fte, ' FTE)')"/>
                    </xsl:if>
                  </entry>
                </row>
              </xsl:for-each>
            </tbody>
          </tgroup>
        </table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Certifications: one row per staff member, the organization spanning. -->
  <xsl:template name="pb-dbp-certifications">
    <xsl:param name="orgs" select="/pb:packet/pb:orgs/pb:org"/>
    <xsl:choose>
      <xsl:when test="not($orgs)">
        <xsl:call-template name="pb-dbp-no-orgs"/>
      </xsl:when>
      <xsl:otherwise>
        <table frame="all">
          <title>Certification of peer staff</title>
          <tgroup cols="7">
            <colspec colname="c1" colwidth="2.5*"/>
            <colspec colname="c2" colwidth="2*"/>
            <colspec colname="c3" colwidth="1.2*"/>
            <colspec colname="c4" colwidth="1*"/>
            <colspec colname="c5" colwidth="1.2*"/>
            <colspec colname="c6" colwidth="1.2*"/>
            <colspec colname="c7" colwidth="1.5*"/>
            <thead>
              <xsl:choose>
                <xsl:when test="/pb:packet/@visibility = 'internal'">
                  <row>
                    <entry>Organization</entry>
                    <entry>Staff member</entry>
                    <entry>Hired</entry>
                    <entry>Training</entry>
                    <entry>Certified</entry>
                    <entry>Due</entry>
                    <entry>Status</entry>
                  </row>
                </xsl:when>
                <xsl:otherwise>
                  <row>
                    <entry>Organization</entry>
                    <entry>Peer role: staff (FTE)</entry>
                    <entry namest="c3" nameend="c7">Where certification stands (counts; a public packet names no one)</entry>
                  </row>
                </xsl:otherwise>
              </xsl:choose>
            </thead>
            <tbody>
              <xsl:for-each select="$orgs">
                <xsl:variable name="org" select="."/>
                <xsl:variable name="rows" select="pb:member
                    | pb:role[@name != 'peer-supervisor'][not(../pb:member)]"/>
                <xsl:variable name="n" select="count($rows)"/>
                <xsl:variable name="orgcell">
                  <entry>
                    <xsl:if test="$n &gt; 1">
                      <xsl:attribute name="morerows"><xsl:value-of select="$n - 1"/></xsl:attribute>
                    </xsl:if>
                    <para><xsl:call-template name="pb-dbp-org-name"/></para>
                    <para>
                      <xsl:text>Overdue: </xsl:text>
                      <xsl:call-template name="pb-dbp-org-value">
                        <xsl:with-param name="name" select="'certifications_overdue'"/>
                      </xsl:call-template>
                      <xsl:text>; due within 60 days: </xsl:text>
                      <xsl:call-template name="pb-dbp-org-value">
                        <xsl:with-param name="name" select="'certifications_due_within_60_days'"/>
                      </xsl:call-template>
                    </para>
                  </entry>
                </xsl:variable>
                <xsl:if test="$n = 0">
                  <row>
                    <xsl:copy-of select="$orgcell"/>
                    <entry namest="c2" nameend="c7">no staff listed</entry>
                  </row>
                </xsl:if>
                <!-- a public packet: one row per peer role, counted -->
                <xsl:for-each select="$rows[self::pb:role]">
                  <row>
                    <xsl:if test="position() = 1">
                      <xsl:copy-of select="$orgcell"/>
                    </xsl:if>
                    <entry>
                      <xsl:value-of select="$pb-dbp-words[self::r][@n = current()/@name]"/>
                      <xsl:value-of select="concat(': ', @members, ' (', @fte, ' FTE)')"/>
                    </entry>
                    <entry namest="c3" nameend="c7">
                      <xsl:value-of select="concat('certified on time ', @certified,
                          '; certified late ', @certified-late, '; ')"/>
                      <xsl:choose>
                        <xsl:when test="@overdue &gt; 0">
                          <emphasis role="strong"><xsl:value-of select="concat('overdue ', @overdue)"/></emphasis>
                        </xsl:when>
                        <xsl:otherwise><xsl:value-of select="concat('overdue ', @overdue)"/></xsl:otherwise>
                      </xsl:choose>
                      <xsl:value-of select="concat('; due within 60 days ', @due-soon,
                          '; not yet due ', @pending)"/>
                    </entry>
                  </row>
                </xsl:for-each>
                <xsl:for-each select="$rows[self::pb:member]">
                  <xsl:variable name="due" select="pb:value[@ref = concat($org/@id, '.', current()/@id, '.certification_due')]"/>
                  <row>
                    <xsl:if test="position() = 1">
                      <xsl:copy-of select="$orgcell"/>
                    </xsl:if>
                    <entry>
                      <literal><xsl:value-of select="@id"/></literal>
                      <xsl:text>, </xsl:text>
                      <xsl:call-template name="pb-dbp-role"/>
                      <xsl:value-of select="concat(', ', @fte, ' FTE')"/>
                    </entry>
                    <entry><xsl:value-of select="@hired"/></entry>
                    <entry>
                      <xsl:choose>
                        <xsl:when test="@training"><xsl:value-of select="@training"/></xsl:when>
                        <xsl:otherwise>none stated</xsl:otherwise>
                      </xsl:choose>
                    </entry>
                    <entry>
                      <xsl:choose>
                        <xsl:when test="@certified"><xsl:value-of select="@certified"/></xsl:when>
                        <xsl:otherwise>no</xsl:otherwise>
                      </xsl:choose>
                    </entry>
                    <entry>
                      <xsl:call-template name="pb-dbp-value">
                        <xsl:with-param name="v" select="$due"/>
                        <xsl:with-param name="text" select="$due/@value"/>
                      </xsl:call-template>
                    </entry>
                    <entry>
                      <!-- the status the program worked out (pb:member/@status) -->
                      <xsl:choose>
                        <xsl:when test="@status = 'certified-late'">certified late</xsl:when>
                        <xsl:when test="@status = 'certified'">certified</xsl:when>
                        <xsl:when test="@role = 'peer-supervisor'">not counted (supervisor)</xsl:when>
                        <xsl:when test="@status = 'overdue'">
                          <emphasis role="strong">overdue</emphasis>
                        </xsl:when>
                        <xsl:when test="@status = 'due-soon'">due within 60 days</xsl:when>
                        <xsl:otherwise>not yet due</xsl:otherwise>
                      </xsl:choose>
                    </entry>
                  </row>
                </xsl:for-each>
              </xsl:for-each>
            </tbody>
          </tgroup>
        </table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="pb-dbp-no-orgs">
    <para>This packet covers no organizations.</para>
  </xsl:template>

  <!-- ================================================= the appendix -->

  <xsl:template name="pb-dbp-appendix">
    <xsl:call-template name="pb-dbp-memo">
      <xsl:with-param name="part" select="'appendix'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The appendix itself (context: the pb:packet). -->
  <xsl:template name="pb-dbp-appendix-part">
    <xsl:variable name="figs" select="pb:figures/pb:figure"/>
    <xsl:variable name="ids" select="pb:orgs/pb:org/@id"/>
    <appendix xml:id="figures">
      <title>How these figures were computed</title>
      <para>
        <xsl:text>Every figure in this packet with its value, its formula </xsl:text>
        <xsl:text>and its inputs; each input names the file, line and </xsl:text>
        <xsl:text>column it came from</xsl:text>
        <xsl:for-each select="pb:meta/pb:as-of[normalize-space() != '']">
          <xsl:text>. Dates are counted as of </xsl:text>
          <xsl:call-template name="pb-date">
            <xsl:with-param name="date" select="normalize-space()"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:text>. Money is exact to the cent; a share is rounded only </xsl:text>
        <xsl:text>for display.</xsl:text>
      </para>
      <xsl:if test="not($figs)">
        <para>This packet uses no figures.</para>
      </xsl:if>
      <xsl:call-template name="pb-dbp-figure-group">
        <xsl:with-param name="id" select="'figures-param'"/>
        <xsl:with-param name="title" select="'Parameters'"/>
        <xsl:with-param name="figs" select="$figs[starts-with(@name, 'param.')]"/>
      </xsl:call-template>
      <xsl:for-each select="pb:orgs/pb:org">
        <xsl:variable name="pre" select="concat(@id, '.')"/>
        <xsl:call-template name="pb-dbp-figure-group">
          <xsl:with-param name="id" select="concat('figures-org-', @id)"/>
          <xsl:with-param name="title">
            <xsl:call-template name="pb-dbp-org-name"/>
          </xsl:with-param>
          <xsl:with-param name="figs" select="$figs[starts-with(@name, $pre)]"/>
          <xsl:with-param name="org" select="."/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:call-template name="pb-dbp-figure-group">
        <xsl:with-param name="id" select="'figures-packet'"/>
        <xsl:with-param name="title" select="'All organizations of the packet'"/>
        <xsl:with-param name="figs" select="$figs[starts-with(@name, 'packet.')]"/>
      </xsl:call-template>
      <xsl:call-template name="pb-dbp-figure-group">
        <xsl:with-param name="id" select="'figures-other'"/>
        <xsl:with-param name="title" select="'Other figures'"/>
        <xsl:with-param name="figs"
            select="$figs[not(starts-with(@name, 'param.') or starts-with(@name, 'packet.'))
                          and not(substring-before(@name, '.') = $ids)]"/>
      </xsl:call-template>
    </appendix>
  </xsl:template>

  <xsl:template name="pb-dbp-figure-group">
    <xsl:param name="id"/>
    <xsl:param name="title"/>
    <xsl:param name="figs"/>
    <xsl:param name="org" select="/.."/>
    <xsl:if test="$figs or $org">
      <section>
        <xsl:attribute name="xml:id"><xsl:value-of select="$id"/></xsl:attribute>
        <title><xsl:value-of select="$title"/></title>
        <!-- an organization: where its data come from -->
        <xsl:for-each select="$org">
          <para>
            <xsl:for-each select="pb:region[normalize-space() != '']">
              <xsl:value-of select="concat('Region: ', normalize-space(), '. ')"/>
            </xsl:for-each>
            <xsl:for-each select="pb:contracts[pb:contract]">
              <xsl:text>Contracts: </xsl:text>
              <xsl:for-each select="pb:contract">
                <xsl:if test="position() &gt; 1">; </xsl:if>
                <xsl:value-of select="concat(normalize-space(@type), ' since ')"/>
                <xsl:call-template name="pb-date">
                  <xsl:with-param name="date" select="normalize-space(@since)"/>
                </xsl:call-template>
              </xsl:for-each>
              <xsl:text>. </xsl:text>
            </xsl:for-each>
            <xsl:text>Source of the data: </xsl:text>
            <xsl:choose>
              <xsl:when test="normalize-space(pb:source) != ''">
                <xsl:value-of select="normalize-space(pb:source)"/>
              </xsl:when>
              <xsl:otherwise>not stated.</xsl:otherwise>
            </xsl:choose>
          </para>
        </xsl:for-each>
        <xsl:if test="$figs">
          <variablelist>
            <xsl:apply-templates select="$figs" mode="pb-dbp-entry"/>
          </variablelist>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One appendix entry: its xml:id is the anchor every value links to. -->
  <xsl:template match="pb:figure" mode="pb-dbp-entry">
    <varlistentry>
      <xsl:attribute name="xml:id"><xsl:value-of select="@anchor"/></xsl:attribute>
      <term>
        <xsl:call-template name="pb-dbp-label">
          <xsl:with-param name="name" select="@name"/>
        </xsl:call-template>
        <xsl:text>: </xsl:text>
        <literal><xsl:value-of select="@name"/></literal>
      </term>
      <listitem>
        <para>
          <xsl:text>Value </xsl:text>
          <emphasis role="strong"><xsl:call-template name="pb-display"/></emphasis>
          <!-- in plain words, only what the value shown does not say, as
               the HTML's appendix: a percentage's ratio, the unit after
               days and FTE; nothing after money, a year, a date, yes or
               no, or a count -->
          <xsl:choose>
            <xsl:when test="@unit = 'ratio'">
              <xsl:text> (a ratio of </xsl:text>
              <literal><xsl:value-of select="@value"/></literal>
              <xsl:text>)</xsl:text>
            </xsl:when>
            <xsl:when test="@unit = 'days' or @unit = 'fte'">
              <xsl:text> </xsl:text>
              <xsl:call-template name="pb-dbp-unit"/>
            </xsl:when>
          </xsl:choose>
          <xsl:text>. Formula: </xsl:text>
          <literal><xsl:value-of select="normalize-space(pb:formula)"/></literal>
          <xsl:if test="pb:input">
            <xsl:text>. Inputs:</xsl:text>
          </xsl:if>
        </para>
        <xsl:if test="pb:input">
          <itemizedlist spacing="compact">
            <xsl:for-each select="pb:input">
              <listitem>
                <para><xsl:call-template name="pb-dbp-input"/></para>
              </listitem>
            </xsl:for-each>
          </itemizedlist>
        </xsl:if>
      </listitem>
    </varlistentry>
  </xsl:template>

  <!-- One input: name (linked to its figure), value, sources. -->
  <xsl:template name="pb-dbp-input">
    <xsl:variable name="name"><literal><xsl:value-of select="@name"/></literal></xsl:variable>
    <xsl:choose>
      <xsl:when test="$figure-links = 'yes' and @anchor != ''
                      and pb:entry(@anchor)">
        <link linkend="{@anchor}"><xsl:copy-of select="$name"/></link>
      </xsl:when>
      <xsl:otherwise><xsl:copy-of select="$name"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text> = </xsl:text>
    <literal><xsl:value-of select="@value"/></literal>
    <xsl:if test="pb:source">
      <xsl:text>; from </xsl:text>
      <xsl:for-each select="pb:source">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <filename><xsl:call-template name="pb-source"/></filename>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- ================================================= small helpers -->

  <!--
    A figure value as phrase role="figure" holding its display text (with
    cents on whole dollars when $cents, or $text), linked to its appendix entry when figure-links is 'yes', the
    entry exists and it is not already inside a link.  $v: a pb:value,
    pb:directive or pb:figure (default: the context node); none gives "n/a".
  -->
  <xsl:template name="pb-dbp-value">
    <xsl:param name="v" select="."/>
    <!-- an amount with its cents even when whole (pb-display) -->
    <xsl:param name="cents" select="false()"/>
    <xsl:param name="text">
      <xsl:call-template name="pb-display">
        <xsl:with-param name="v" select="$v"/>
        <xsl:with-param name="with-cents" select="$cents"/>
      </xsl:call-template>
    </xsl:param>
    <xsl:choose>
      <xsl:when test="not($v)">n/a</xsl:when>
      <xsl:when test="$figure-links = 'yes' and $v/@anchor != ''
                      and pb:entry($v/@anchor)
                      and not($v/ancestor::cm:link | $v/ancestor::db:link)">
        <link linkend="{$v/@anchor}">
          <phrase role="figure"><xsl:value-of select="$text"/></phrase>
        </link>
      </xsl:when>
      <xsl:otherwise>
        <phrase role="figure"><xsl:value-of select="$text"/></phrase>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An organization's own figure NAME (context: pb:org). -->
  <xsl:template name="pb-dbp-org-value">
    <xsl:param name="name"/>
    <xsl:call-template name="pb-dbp-value">
      <xsl:with-param name="v" select="pb:value[@ref = concat(current()/@id, '.', $name)]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A bool figure as words, the unwanted answer in bold, linked. -->
  <xsl:template name="pb-dbp-flag">
    <xsl:param name="v"/>
    <xsl:param name="yes"/>
    <xsl:param name="no"/>
    <xsl:param name="bad"/>
    <xsl:variable name="words">
      <xsl:choose>
        <xsl:when test="$v/@value = 'true'"><xsl:value-of select="$yes"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$no"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="not($v)">n/a</xsl:when>
      <xsl:when test="$v/@value = $bad">
        <emphasis role="strong">
          <xsl:call-template name="pb-dbp-value">
            <xsl:with-param name="v" select="$v"/>
            <xsl:with-param name="text" select="$words"/>
          </xsl:call-template>
        </emphasis>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pb-dbp-value">
          <xsl:with-param name="v" select="$v"/>
          <xsl:with-param name="text" select="$words"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The organization's name (context: pb:org), else its id. -->
  <xsl:template name="pb-dbp-org-name">
    <xsl:choose>
      <xsl:when test="normalize-space(pb:name) != ''">
        <xsl:value-of select="normalize-space(pb:name)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="@id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A member's role in words (context: pb:member). -->
  <xsl:template name="pb-dbp-role">
    <xsl:variable name="role" select="string(@role)"/>
    <xsl:variable name="w" select="$pb-dbp-words[self::r][@n = $role]"/>
    <xsl:choose>
      <xsl:when test="$w"><xsl:value-of select="$w"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$role"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A figure's unit in words (context: the figure). -->
  <xsl:template name="pb-dbp-unit">
    <xsl:variable name="unit" select="string(@unit)"/>
    <xsl:variable name="w" select="$pb-dbp-words[self::u][@n = $unit]"/>
    <xsl:choose>
      <xsl:when test="$w"><xsl:value-of select="$w"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$unit"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    A figure's label from its name: the words for its last part, then whom
    it is about: "R-day rate (Riverbend Community Services, program
    accs-fy2026)".  Context: any node of the packet.
  -->
  <xsl:template name="pb-dbp-label">
    <xsl:param name="name"/>
    <xsl:variable name="first" select="substring-before($name, '.')"/>
    <xsl:variable name="rest" select="substring-after($name, '.')"/>
    <xsl:variable name="middle" select="substring-before($rest, '.')"/>
    <xsl:variable name="last" select="concat(
        substring(substring-after($rest, '.'), 1 div ($middle != '')),
        substring($rest, 1 div ($middle = '')))"/>
    <xsl:variable name="org" select="key('pb-dbp-org', $first)"/>
    <xsl:variable name="nprog" select="/pb:packet/pb:totals/pb:value[@ref = 'packet.program_count']"/>
    <xsl:variable name="year" select="/pb:packet/pb:meta/pb:fiscal-year[normalize-space() != '']"/>
    <xsl:for-each select="$pb-dbp-words[1]">
      <xsl:variable name="w" select="key('pb-dbp-w', $last)"/>
      <xsl:choose>
        <xsl:when test="$w"><xsl:value-of select="$w"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="translate($last, '_', ' ')"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:choose>
      <!-- what the series assumes, not what the data say -->
      <xsl:when test="$first = 'param'"> (set for this series, not taken from the data)</xsl:when>
      <!-- a packet total: over which programs, of which year, as the
           HTML says it -->
      <xsl:when test="(starts-with($rest, 'total_') or $rest = 'unreimbursed_share'
                       or $rest = 'peer_note_share_of_payment')
                      and $nprog/@value &gt; 0">
        <xsl:choose>
          <xsl:when test="$nprog/@value = 1"> (the packet's one program</xsl:when>
          <xsl:otherwise>
            <xsl:text> (all </xsl:text>
            <xsl:call-template name="pb-display"><xsl:with-param name="v" select="$nprog"/></xsl:call-template>
            <xsl:text> programs</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$year">
          <xsl:text>, </xsl:text>
          <xsl:call-template name="pb-fiscal-year">
            <xsl:with-param name="year" select="string($year)"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:text>)</xsl:text>
      </xsl:when>
      <!-- another figure of the packet: the packet's own -->
      <xsl:when test="$first = 'packet'"/>
      <xsl:otherwise>
        <xsl:text> (</xsl:text>
        <xsl:choose>
          <xsl:when test="$org">
            <xsl:for-each select="$org[1]">
              <xsl:call-template name="pb-dbp-org-name"/>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$first"/></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$middle != ''">
          <xsl:variable name="prog" select="$org/pb:program[@id = $middle]"/>
          <xsl:variable name="mem" select="key('pb-dbp-member', concat($first, '.', $middle))"/>
          <xsl:choose>
            <xsl:when test="$prog">
              <xsl:value-of select="concat(', ', $prog/@contract, ' ')"/>
              <xsl:call-template name="pb-fiscal-year"><xsl:with-param name="year" select="$prog/@fiscal-year"/></xsl:call-template>
              <xsl:value-of select="concat(' program ', $middle)"/>
            </xsl:when>
            <xsl:when test="$mem">
              <xsl:text>, </xsl:text>
              <xsl:for-each select="$mem[1]"><xsl:call-template name="pb-dbp-role"/></xsl:for-each>
              <xsl:value-of select="concat(' ', $middle)"/>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="concat(', ', $middle)"/></xsl:otherwise>
          </xsl:choose>
        </xsl:if>
        <xsl:text>)</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A figure's formula, from its own pb:formula or its appendix entry. -->
  <xsl:template name="pb-dbp-formula">
    <xsl:param name="name"/>
    <xsl:param name="plain" select="false()"/>
    <xsl:variable name="f" select="(pb:formula | key('pb-dbp-name', $name)/pb:formula)[1]"/>
    <xsl:choose>
      <xsl:when test="$plain and normalize-space($f) != ''">
        <xsl:value-of select="normalize-space($f)"/>
      </xsl:when>
      <xsl:when test="normalize-space($f) != ''">
        <literal><xsl:value-of select="normalize-space($f)"/></literal>
      </xsl:when>
      <xsl:otherwise>see the appendix</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
