#!/bin/sh
# docbook.sh - the packet as one DocBook 5.0 book (templates/docbook-packet.xsl):
#  1. every packet .dbk that `peerbrief build` writes (the shipped input/ and
#     an edge-case input made here) is valid against the official schema,
#     with unique NCName ids and no dangling linkend;
#  2. Debian's DocBook XSL stylesheets (docbook-xsl-ns) turn each into HTML
#     and into XSL-FO with exit status 0 and nothing on stderr but the one
#     informational line listed in quiet() below;
#  3. position output is unchanged by the packet templates: the CommonMark
#     spec and regression examples still give 678 valid articles, and the
#     same bytes as a docbook.xsl without the packet dispatch.
. tests/lib.sh
RNG=/usr/share/xml/docbook/schema/rng/5.0/docbook.rng
DBX=/usr/share/xml/docbook/stylesheet/docbook-xsl-ns
# The spec examples run the plain binary (678 runs are too slow under
# valgrind), as tests/spec-docbook.sh does.
BIN=${PB_SPEC:-./peerbrief}

# quiet FILE: the stylesheets' stderr holds no line but "Making portrait
# pages on USletter paper (8.5inx11in)" (or landscape, another paper): the
# xsl:message that fo/docbook.xsl prints on every run to say which page
# size it uses.  Everything else fails, warnings included; notably
# "Error: no ID for constraint linkend", which DocBook XSL prints (and still
# exits 0) for a link to a missing id.
quiet() {
	if grep -Ev '^Making (portrait|landscape) pages on [A-Za-z0-9]+ paper \([0-9.]+[a-z]+x[0-9.]+[a-z]+\)$' "$1" >"$T/noise"; then
		head -5 "$T/noise"
		return 1
	fi
	return 0
}

# ---------------------------------------------------------------- edge input
# The shipped input plus packets the examples do not cover: no
# organizations, positions or highlights at all; XML positions whose
# xml:ids clash with each other, with the packet's own ids and with a
# figure anchor; a directive narrowed to one organization; a value inside
# a link; a directive in a packet without organizations; a position in
# another language.
cp -r input "$T/in"
cat >"$T/in/positions/zz-ids.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<article xmlns="http://docbook.org/ns/docbook"
         xmlns:xlink="http://www.w3.org/1999/xlink"
         xmlns:pb="urn:peerbrief:1" version="5.0" xml:lang="fr">
  <info><title>Identifiants</title></info>
  <para xml:id="glance">A value inside a link:
    <link xlink:href="https://example.org/"><pb:value ref="packet.org_count"/></link>,
    and one outside: <pb:value ref="riverbend.accs-fy2026.rday_rate"/>.</para>
  <pb:directive kind="funding" ref="riverbend"/>
  <section xml:id="fig-param.medicaid_share">
    <title>An id equal to an appendix anchor</title>
    <pb:directive kind="figure" ref="param.medicaid_share"/>
    <itemizedlist><listitem><pb:directive kind="staffing"/></listitem></itemizedlist>
  </section>
</article>
EOF
sed -e 's/Identifiants/Identifiers again/' -e 's/ xml:lang="fr"//' \
    "$T/in/positions/zz-ids.xml" >"$T/in/positions/zz-ids2.xml"
cat >"$T/in/positions/zz-noorgs.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<article xmlns="http://docbook.org/ns/docbook"
         xmlns:pb="urn:peerbrief:1" version="5.0">
  <info><title>Tables without organizations</title></info>
  <pb:directive kind="practices"/>
  <pb:directive kind="certifications"/>
  <para>The share is <pb:value ref="param.medicaid_share"/>.</para>
</article>
EOF
cat >"$T/in/packets/zz-edge.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<packet xmlns="urn:peerbrief:1">
  <title>Edge &amp; cases: "ids" &lt;here&gt;</title>
  <date>2026-11-15</date>
  <organizations><org ref="millbrook"/><org ref="riverbend"/></organizations>
  <positions><position ref="zz-ids"/><position ref="zz-ids2"/><position ref="certification"/></positions>
  <highlights><figure ref="millbrook.accs-ya-fy2026.zero_rdays"/></highlights>
</packet>
EOF
cat >"$T/in/packets/zz-noorgs.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<packet xmlns="urn:peerbrief:1">
  <title>No organizations</title>
  <date>2026-11-15</date>
  <positions><position ref="zz-noorgs"/></positions>
</packet>
EOF
cat >"$T/in/packets/zz-bare.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<packet xmlns="urn:peerbrief:1">
  <title>Nothing but a title</title>
  <date>2026-11-15</date>
</packet>
EOF

# ---------------------------------------------------------------- 1 and 2
check "build input/" $PB build -i input -o "$T/out"
check "build the edge cases" $PB build -i "$T/in" -o "$T/edge"

files=0
for f in $(find "$T/out" "$T/edge" -name '*.dbk' | sort); do
	id=$(basename "$f" .dbk)
	case $f in
	"$T/out/$id/$id.dbk") rel=$id ;;
	"$T/edge/$id/$id.dbk") rel=edge:$id ;;
	*) not_ok "unexpected DocBook file ${f#"$T/"}"; continue ;;
	esac
	files=$((files + 1))

	# 1. valid, with sound ids and links
	if xmllint --noout --nonet --relaxng "$RNG" "$f" 2>"$T/err"; then
		ok "$rel: valid DocBook 5.0"
	else
		not_ok "$rel: valid DocBook 5.0"
		head -20 "$T/err"
	fi
	root=$(xmllint --nonet --xpath 'concat(namespace-uri(/*), " ", local-name(/*), " ", /*/@version)' "$f" 2>/dev/null)
	check "$rel: one book" test "$root" = "http://docbook.org/ns/docbook book 5.0"
	grep -o 'xml:id="[^"]*"' "$f" | cut -d'"' -f2 | sort >"$T/ids"
	grep -o 'linkend="[^"]*"' "$f" | cut -d'"' -f2 | sort -u >"$T/refs"
	check "$rel: ids are unique" test -z "$(uniq -d "$T/ids")"
	check "$rel: ids are NCNames" test -z "$(grep -Ev '^[A-Za-z_][A-Za-z0-9._-]*$' "$T/ids")"
	dangling=$(sort -u "$T/ids" | comm -13 - "$T/refs")
	check "$rel: every linkend has its id" test -z "$dangling"
	[ -n "$dangling" ] && echo "$dangling" | head -5
	# the appendix: one entry per figure anchor, and the body links there
	anchor=$(grep -m1 -x 'fig-.*' "$T/ids")
	case $rel in
	edge:zz-bare) ;;
	*)
		check "$rel: the appendix has figure entries" test -n "$anchor"
		check "$rel: values link to the appendix" grep -q 'linkend="fig-' "$f"
		;;
	esac

	# 2. DocBook XSL: HTML
	title=$(xmllint --nonet --xpath 'string(/*/*[local-name()="info"]/*[local-name()="title"])' "$f" 2>/dev/null)
	# a chart's textobject becomes a long-description file (ld-ID.html),
	# written quietly into a folder of its own, not the current one
	rm -rf "$T/dbx" && mkdir "$T/dbx"
	xsltproc --nonet --stringparam base.dir "$T/dbx/" --stringparam chunk.quietly 1 \
	    "$DBX/html/docbook.xsl" "$f" >"$T/out.html" 2>"$T/html.err"
	check "$rel: docbook-xsl-ns HTML exits 0" test $? -eq 0
	check "$rel: docbook-xsl-ns HTML is quiet" quiet "$T/html.err"
	got=$(xmllint --html --nonet --xpath 'string(/html/head/title)' "$T/out.html" 2>/dev/null)
	check "$rel: HTML has the packet title" test -n "$title" -a "$got" = "$title"
	check "$rel: HTML has the appendix" grep -q 'How these figures were computed' "$T/out.html"
	if [ -n "$anchor" ]; then
		check "$rel: HTML has the appendix entry $anchor" \
		    grep -Eq "(name|id)=\"$anchor\"" "$T/out.html"
	fi
	if grep -q '<mediaobject>' "$f"; then
		check "$rel: HTML shows each chart's SVG" grep -Eq '(src|data)="[a-z-]*\.svg"' "$T/out.html"
		check "$rel: HTML links each chart's description" sh -c "grep -l 'Horizontal' '$T'/dbx/ld-*.html >/dev/null"
	fi

	# 2. DocBook XSL: XSL-FO
	xsltproc --nonet "$DBX/fo/docbook.xsl" "$f" >"$T/out.fo" 2>"$T/fo.err"
	check "$rel: docbook-xsl-ns FO exits 0" test $? -eq 0
	check "$rel: docbook-xsl-ns FO is quiet" quiet "$T/fo.err"
	check "$rel: FO is well-formed" xmllint --noout --nonet "$T/out.fo"
	froot=$(xmllint --nonet --xpath 'concat(namespace-uri(/*), " ", local-name(/*))' "$T/out.fo" 2>/dev/null)
	check "$rel: FO is an fo:root" test "$froot" = "http://www.w3.org/1999/XSL/Format root"
	if [ -n "$anchor" ]; then
		check "$rel: FO has the appendix entry $anchor" grep -q "id=\"$anchor\"" "$T/out.fo"
	fi
done
check "the builds wrote 2 + 2 + 3 packet DocBook files" test "$files" -eq 7

# The clashing ids of the XML positions were renamed, not dropped.
e=$T/edge/zz-edge/zz-edge.dbk
check "an XML position's id is renamed" grep -q 'xml:id="position-zz-ids.glance"' "$e"
check "the same id in another position too" grep -q 'xml:id="position-zz-ids2.glance"' "$e"
check "a value inside a link is not linked again" \
    test "$(xmllint --nonet --xpath 'count(//*[local-name()="link"]//*[local-name()="link"])' "$e" 2>/dev/null)" = 0
check "a position in another language keeps it" grep -q '<chapter xml:lang="fr" xml:id="position-zz-ids"\|<chapter xml:id="position-zz-ids" xml:lang="fr"' "$e"

# ---------------------------------------------------------------- 3
d=tests/spec/data
res=$(SPECS="$d/commonmark-spec.txt $d/commonmark-regression.txt" KEEP="$T/spec" \
    sh tests/spec/docbook-valid.sh $BIN convert -t docbook --standalone | tail -n 1)
check "spec examples: still 678 valid articles ($res)" test "$res" = "678 passed, 0 failed"

# The same stylesheets without the packet dispatch (the include of
# docbook-packet.xsl and "| pb:packet") must give the same bytes.
mkdir -p "$T/data"
cp -r templates "$T/data/templates"
ln -s "$(pwd)/schema" "$T/data/schema"
grep -v 'docbook-packet\.xsl' templates/docbook.xsl |
    sed 's/select="pb:position | pb:packet"/select="pb:position"/' >"$T/data/templates/docbook.xsl"
rm "$T/data/templates/docbook-packet.xsl"
check "the dispatch-free docbook.xsl differs" \
    test -n "$(diff templates/docbook.xsl "$T/data/templates/docbook.xsl")"
cat >"$T/pos.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<article xmlns="http://docbook.org/ns/docbook"
         xmlns:xlink="http://www.w3.org/1999/xlink" version="5.0" xml:lang="en">
  <info><title>Plain</title><subtitle>No figures</subtitle></info>
  <para xml:id="p1">Some <emphasis role="strong">text</emphasis> and a
    <link xlink:href="https://example.org/">link</link>.</para>
  <section xml:id="s1"><title>A section</title>
    <itemizedlist><listitem><para>one</para></listitem></itemizedlist>
  </section>
</article>
EOF
# Every example as a standalone article (its output with the packet
# dispatch is the one docbook-valid.sh kept), every 10th one as a bare
# body, and an XML position both ways; standard output only (warnings,
# such as raw HTML dropped, go to standard error).
same=0
differ=0
compare() { # NAME FILE-WITH-THE-DISPATCH CONVERT-ARG...
	name=$1
	with=$2
	shift 2
	PEERBRIEF_DATADIR=$T/data $BIN convert -t docbook "$@" >"$T/b" 2>/dev/null
	if cmp -s "$with" "$T/b"; then
		same=$((same + 1))
	else
		differ=$((differ + 1))
		[ "$differ" -le 3 ] && echo "# differs: $name"
	fi
}
i=0
for md in "$T"/spec/*/*.md "$T/pos.xml"; do
	i=$((i + 1))
	if [ -f "${md%.md}.dbk" ]; then
		compare "${md#"$T/"} --standalone" "${md%.md}.dbk" --standalone "$md"
	else
		$BIN convert -t docbook --standalone "$md" >"$T/a" 2>/dev/null
		compare "${md#"$T/"} --standalone" "$T/a" --standalone "$md"
	fi
	if [ $((i % 10)) -eq 0 ] || [ "$md" = "$T/pos.xml" ]; then
		$BIN convert -t docbook "$md" >"$T/a" 2>/dev/null
		compare "${md#"$T/"}" "$T/a" "$md"
	fi
done
check "position output is byte-identical without the packet dispatch ($same same, $differ differ)" \
    test "$differ" -eq 0 -a "$same" -eq $((678 + 67 + 2))
check "the XML position converts" grep -q 'xml:id="s1"' "$T/a"
finish
