<?xml version="1.0" encoding="UTF-8"?>
<!--
  docbook-uri.xsl - URLs that the DocBook schema accepts.

  DocBook types xlink:href and imagedata/@fileref as xsd:anyURI, which
  libxml2 checks with its RFC 3986 parser.  The tree gives destinations
  escaped the way cmark's HTML renderer does it: ASCII letters, digits and
  -_.+!*'(),%#@?=;:/&$~ only, everything else percent-encoded.  Browsers take
  any such string, RFC 3986 does not; these are the cases it rejects and how
  they are mended, changing nothing a browser would read differently:
    - a "%" not followed by two hex digits       -> "%25"
    - a second (third...) "#"                     -> "%23"
    - a relative reference whose first segment
      holds ":" (e.g. "foo):", "1a:b")            -> prefixed with "./"
    - more than one "@" in the authority          -> later ones "%40"
    - ":" in a host not followed by a port number -> "%3A"
  A well-formed URL comes out unchanged.

  Every recursion here halves its string, so its depth stays logarithmic
  in the length of the URL (libxslt limits template depth).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- The entry point: outputs $s mended as described above. -->
  <xsl:template name="pb-db-uri">
    <xsl:param name="s"/>
    <xsl:choose>
      <!-- The common case at once: http(s), then only letters, digits
           and -._~/, which none of the rules above touches. -->
      <xsl:when test="(starts-with($s, 'https://') or starts-with($s, 'http://'))
          and translate(substring-after($s, '://'), concat(
            'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
            '0123456789-._~/'), '') = ''">
        <xsl:value-of select="$s"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pb-db-uri-mend">
          <xsl:with-param name="s" select="$s"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Any other URL, mended. -->
  <xsl:template name="pb-db-uri-mend">
    <xsl:param name="s"/>
    <xsl:variable name="p">
      <xsl:call-template name="pb-db-uri-pct">
        <xsl:with-param name="s" select="$s"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="contains($p, '#')">
        <xsl:call-template name="pb-db-uri-ref">
          <xsl:with-param name="s" select="substring-before($p, '#')"/>
        </xsl:call-template>
        <xsl:text>#</xsl:text>
        <xsl:call-template name="pb-db-uri-replace">
          <xsl:with-param name="s" select="substring-after($p, '#')"/>
          <xsl:with-param name="from" select="'#'"/>
          <xsl:with-param name="to" select="'%23'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pb-db-uri-ref">
          <xsl:with-param name="s" select="$p"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A reference without its fragment: the query takes any character. -->
  <xsl:template name="pb-db-uri-ref">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '?')">
        <xsl:call-template name="pb-db-uri-hier">
          <xsl:with-param name="s" select="substring-before($s, '?')"/>
        </xsl:call-template>
        <xsl:text>?</xsl:text>
        <xsl:value-of select="substring-after($s, '?')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pb-db-uri-hier">
          <xsl:with-param name="s" select="$s"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Scheme (if any), authority (if any) and path. -->
  <xsl:template name="pb-db-uri-hier">
    <xsl:param name="s"/>
    <xsl:variable name="alpha"
        select="'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'"/>
    <xsl:variable name="scheme" select="substring-before($s, ':')"/>
    <xsl:variable name="first" select="substring-before(concat($s, '/'), '/')"/>
    <xsl:choose>
      <xsl:when test="$scheme != ''
                      and translate(substring($scheme, 1, 1), $alpha, '') = ''
                      and translate($scheme, concat($alpha, '0123456789+-.'), '') = ''">
        <xsl:value-of select="$scheme"/>
        <xsl:text>:</xsl:text>
        <xsl:variable name="rest" select="substring-after($s, ':')"/>
        <xsl:choose>
          <xsl:when test="starts-with($rest, '//')">
            <xsl:text>//</xsl:text>
            <xsl:call-template name="pb-db-uri-authority">
              <xsl:with-param name="s" select="substring($rest, 3)"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$rest"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="starts-with($s, '//')">
        <xsl:text>//</xsl:text>
        <xsl:call-template name="pb-db-uri-authority">
          <xsl:with-param name="s" select="substring($s, 3)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($first, ':')">
        <xsl:value-of select="concat('./', $s)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $s = authority, then the path (from the first "/"). -->
  <xsl:template name="pb-db-uri-authority">
    <xsl:param name="s"/>
    <xsl:variable name="auth" select="substring-before(concat($s, '/'), '/')"/>
    <!-- [userinfo "@"] host [":" port], with at most one "@" left -->
    <xsl:variable name="one-at">
      <xsl:choose>
        <xsl:when test="contains($auth, '@')">
          <xsl:value-of select="substring-before($auth, '@')"/>
          <xsl:text>@</xsl:text>
          <xsl:call-template name="pb-db-uri-replace">
            <xsl:with-param name="s" select="substring-after($auth, '@')"/>
            <xsl:with-param name="from" select="'@'"/>
            <xsl:with-param name="to" select="'%40'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$auth"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="user">
      <xsl:if test="contains($one-at, '@')">
        <xsl:value-of select="substring-before($one-at, '@')"/>
        <xsl:text>@</xsl:text>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="hp" select="substring($one-at, string-length($user) + 1)"/>
    <xsl:variable name="port" select="substring-after($hp, ':')"/>
    <xsl:value-of select="$user"/>
    <xsl:choose>
      <xsl:when test="not(contains($hp, ':'))
                      or ($port != '' and translate($port, '0123456789', '') = '')">
        <xsl:value-of select="$hp"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pb-db-uri-replace">
          <xsl:with-param name="s" select="$hp"/>
          <xsl:with-param name="from" select="':'"/>
          <xsl:with-param name="to" select="'%3A'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="substring($s, string-length($auth) + 1)"/>
  </xsl:template>

  <!--
    Every "%" of $s that does not start a %XX escape becomes "%25".  $after
    holds the (up to) two characters that follow $s in the whole string.
  -->
  <xsl:template name="pb-db-uri-pct">
    <xsl:param name="s"/>
    <xsl:param name="after" select="''"/>
    <xsl:variable name="n" select="string-length($s)"/>
    <xsl:choose>
      <xsl:when test="not(contains($s, '%'))">
        <xsl:value-of select="$s"/>
      </xsl:when>
      <xsl:when test="$n = 1">
        <xsl:variable name="hex" select="substring($after, 1, 2)"/>
        <xsl:choose>
          <xsl:when test="string-length($hex) = 2
                          and translate($hex, '0123456789abcdefABCDEF', '') = ''">%</xsl:when>
          <xsl:otherwise>%25</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="m" select="floor($n div 2)"/>
        <xsl:call-template name="pb-db-uri-pct">
          <xsl:with-param name="s" select="substring($s, 1, $m)"/>
          <xsl:with-param name="after"
              select="substring(concat(substring($s, $m + 1), $after), 1, 2)"/>
        </xsl:call-template>
        <xsl:call-template name="pb-db-uri-pct">
          <xsl:with-param name="s" select="substring($s, $m + 1)"/>
          <xsl:with-param name="after" select="$after"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $s with every character $from replaced by the string $to. -->
  <xsl:template name="pb-db-uri-replace">
    <xsl:param name="s"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:variable name="n" select="string-length($s)"/>
    <xsl:choose>
      <xsl:when test="not(contains($s, $from))">
        <xsl:value-of select="$s"/>
      </xsl:when>
      <xsl:when test="$n = 1">
        <xsl:value-of select="$to"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="m" select="floor($n div 2)"/>
        <xsl:call-template name="pb-db-uri-replace">
          <xsl:with-param name="s" select="substring($s, 1, $m)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
        <xsl:call-template name="pb-db-uri-replace">
          <xsl:with-param name="s" select="substring($s, $m + 1)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
