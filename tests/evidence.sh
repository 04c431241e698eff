#!/bin/sh
# evidence.sh - citations and charts in built packets:
#  1. citations are numbered in order of first citation across the
#     packet's positions (Markdown and XML), each work is listed once in
#     References with the locators used, in that order, and a work nobody
#     cites is not listed, in the HTML and in the DocBook (valid against
#     the official schema, every biblioref resolving);
#  2. the shipped packets cite their sources;
#  3. charts: each chart of each shipped packet checked by
#     tests/tools/charts.py against `peerbrief figures --packet ID --format
#     json` and the input files (rows, numbers, title, desc, the SVG file
#     beside the DocBook); every SVG file well-formed; the DocBook with its
#     figures and mediaobjects valid; a build with charts is repeatable and
#     an unchanged rebuild keeps the SVG files.
. tests/lib.sh
RNG=/usr/share/xml/docbook/schema/rng/5.0/docbook.rng

# ---------------------------------------------------------------- citations
# Expected by hand: pos-one cites c, a, c (p. 4), a; pos-two cites
# b (ch. 2), a (p. 9), a (p. 9) again. So c=1, a=2, b=3; d is never cited.
cp -r tests/semantic/base "$T/in"
cat >"$T/in/references.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<references xmlns="urn:peerbrief:1">
  <reference id="a"><title>Work A</title><author>Ann Author</author><author>Bo Writer</author><publisher>Pub A</publisher><date>2017-03</date><url>https://example.org/a</url></reference>
  <reference id="b"><title>Work B</title><date>2018-07-01</date></reference>
  <reference id="c"><title>Work C</title><publisher>Pub C</publisher><date>2016</date></reference>
  <reference id="d"><title>Work D, never cited</title></reference>
</references>
EOF
cat >"$T/in/positions/pos.md" <<'EOF'
---
title: One
---
First `@c`, then `@a`, again `@c, p. 4` and `@a`.
EOF
cat >"$T/in/positions/two.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<article xmlns="http://docbook.org/ns/docbook" xmlns:pb="urn:peerbrief:1" version="5.0">
  <info><title>Two</title></info>
  <para>Then <pb:cite ref="b" loc="ch. 2"/>, <pb:cite ref="a" loc="p. 9"/> and <pb:cite ref="a" loc="p. 9"/>.</para>
</article>
EOF
sed -i 's|<position ref="pos"/>|<position ref="pos"/><position ref="two"/>|' "$T/in/packets/pk.xml"
check "build with citations" $PB build -q -i "$T/in" -o "$T/out"
H=$T/out/pk/index.html
D=$T/out/pk/pk.dbk
# the citations as they appear, in document order
grep -o '<span class="cite">\[<a href="#ref-[a-z]*"[^>]*>[0-9]*</a>[^]]*\]' "$H" |
    sed 's/<span class="cite">\[<a href="#ref-\([a-z]*\)"[^>]*>\([0-9]*\)<\/a>\(.*\)\]/\1=\2\3/' >"$T/cites"
printf '%s\n' 'c=1' 'a=2' 'c=1, p. 4' 'a=2' 'b=3, ch. 2' 'a=2, p. 9' 'a=2, p. 9' >"$T/want"
if diff -u "$T/want" "$T/cites" >"$T/diff"; then ok "HTML citations numbered by first citation"
else not_ok "HTML citations numbered by first citation"; cat "$T/diff"; fi
sed -n '/<ol class="references">/,/<\/ol>/p' "$H" | grep '<li' >"$T/refs"
cat >"$T/want" <<'EOF'
<li id="ref-c" value="1"><cite>Work C</cite>. Pub C, 2016.<span class="locators"> Cited: p. 4.</span></li>
<li id="ref-a" value="2">Ann Author and Bo Writer. <cite>Work A</cite>. Pub A, March 2017. <a class="url" href="https://example.org/a">https://example.org/a</a><span class="locators"> Cited: p. 9.</span></li>
<li id="ref-b" value="3"><cite>Work B</cite>. July 1, 2018.<span class="locators"> Cited: ch. 2.</span></li>
EOF
if diff -u "$T/want" "$T/refs" >"$T/diff"; then ok "HTML References: each cited work once, in order"
else not_ok "HTML References: each cited work once, in order"; cat "$T/diff"; fi
check "HTML: an uncited work is not listed" sh -c "! grep -q 'never cited' '$H'"
check "HTML: contents link to References" grep -q '<li><a href="#references">References</a></li>' "$H"
if xmllint --noout --nonet --relaxng "$RNG" "$D" 2>"$T/err"; then ok "DocBook with a bibliography is valid"
else not_ok "DocBook with a bibliography is valid"; head -5 "$T/err"; fi
grep -o '<biblioref linkend="[^"]*"/>[^<]*' "$D" | sed 's/<biblioref linkend="ref-\([a-z]*\)"\/>/\1/' >"$T/cites"
printf '%s\n' 'c, then ' 'a, again ' 'c, p. 4 and ' 'a.' 'b, ch. 2, ' 'a, p. 9 and ' 'a, p. 9.' >"$T/want"
if diff -u "$T/want" "$T/cites" >"$T/diff"; then ok "DocBook citations are bibliorefs with locators"
else not_ok "DocBook citations are bibliorefs with locators"; cat "$T/diff"; fi
grep -o '<biblioentry[^>]*><abbrev>[0-9]*</abbrev>' "$D" >"$T/entries"
cat >"$T/want" <<'EOF'
<biblioentry xreflabel="1" xml:id="ref-c"><abbrev>1</abbrev>
<biblioentry xreflabel="2" xml:id="ref-a"><abbrev>2</abbrev>
<biblioentry xreflabel="3" xml:id="ref-b"><abbrev>3</abbrev>
EOF
if diff -u "$T/want" "$T/entries" >"$T/diff"; then ok "DocBook bibliography in order of first citation"
else not_ok "DocBook bibliography in order of first citation"; cat "$T/diff"; fi
check "DocBook: locators listed" grep -q '<bibliomisc role="locators">Cited: p. 4.</bibliomisc>' "$D"
check "DocBook: URL linked" grep -q '<bibliomisc role="url"><link xlink:href="https://example.org/a">' "$D"
# a packet that cites nothing has no References section
printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' '<packet xmlns="urn:peerbrief:1"><title>P</title><date>2026-11-15</date></packet>' >"$T/in/packets/pk.xml"
check "build without citations" $PB build -q -i "$T/in" -o "$T/out2"
check "no References when nothing is cited" sh -c "! grep -q 'id=\"references\"' '$T/out2/pk/index.html' && ! grep -q '<bibliography' '$T/out2/pk/pk.dbk'"
# an edited references.xml rebuilds the packets that cite it
printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' '<packet xmlns="urn:peerbrief:1"><title>P</title><date>2026-11-15</date><positions><position ref="pos"/></positions></packet>' >"$T/in/packets/pk.xml"
$PB build -q -i "$T/in" -o "$T/out3" || not_ok "rebuild: first build"
sed -i 's|Work C|Work C, second edition|' "$T/in/references.xml"
$PB build -q -i "$T/in" -o "$T/out3" || not_ok "rebuild: second build"
check "a changed references.xml rebuilds its packets" grep -q 'Work C, second edition' "$T/out3/pk/index.html"

# ---------------------------------------------------------------- shipped
check "build input/" $PB build -q -i input -o "$T/ship"
for pk in note-taking-funding accs-peer-roles; do
	check "$pk cites its sources" grep -q '<span class="cite">\[<a href="#ref-' "$T/ship/$pk/index.html"
	check "$pk lists References" grep -q '<section id="references"' "$T/ship/$pk/index.html"
	check "$pk: DocBook bibliography" grep -q '<bibliography xml:id="references">' "$T/ship/$pk/$pk.dbk"
done

# ---------------------------------------------------------------- charts
for pk in note-taking-funding accs-peer-roles; do
	check "$pk shows a chart" grep -q '<figure class="chart"' "$T/ship/$pk/index.html"
	$PB figures -i input --packet "$pk" --format json >"$T/$pk.json"
	if python3 tests/tools/charts.py "$T/ship" input "$pk" "$T/$pk.json" >"$T/charts.out"; then
		ok "$pk: every chart shows its figures ($(cat "$T/charts.out"))"
	else
		not_ok "$pk: every chart shows its figures"
		cat "$T/charts.out"
	fi
	if xmllint --noout --nonet --relaxng "$RNG" "$T/ship/$pk/$pk.dbk" 2>"$T/err"; then
		ok "$pk: DocBook with charts is valid"
	else
		not_ok "$pk: DocBook with charts is valid"; head -5 "$T/err"
	fi
	for ref in $(grep -o '<imagedata fileref="[^"]*"' "$T/ship/$pk/$pk.dbk" | sed 's/.*fileref="//; s/"$//' | sort -u); do
		check "$pk: $ref is beside the DocBook" test -f "$T/ship/$pk/$ref"
	done
	check "$pk: every mediaobject has a textobject" test \
	    "$(grep -o '<mediaobject>' "$T/ship/$pk/$pk.dbk" | wc -l)" = \
	    "$(grep -o '<textobject><para>[^<]' "$T/ship/$pk/$pk.dbk" | wc -l)"
done
nsvg=0
for f in $(find "$T/ship" -name '*.svg' | sort); do
	nsvg=$((nsvg + 1))
	check "well-formed SVG: ${f#"$T/ship/"}" xmllint --noout --nonet "$f"
	check "no script in ${f#"$T/ship/"}" sh -c "! grep -qi '<script\|javascript:\|onload=' '$f'"
done
check "the build wrote SVG files" test "$nsvg" -ge 3
check "second build" $PB build -q -i input -o "$T/ship2"
check "charts are byte-identical across builds" diff -r "$T/ship" "$T/ship2"
ino() { ls -i "$1" | cut -d' ' -f1; }
a=$(ino "$T/ship/note-taking-funding/rday-rates.svg")
$PB build -q -i input -o "$T/ship"
check "an unchanged rebuild keeps the SVG files" test "$(ino "$T/ship/note-taking-funding/rday-rates.svg")" = "$a"
# a packet that is reused keeps its charts: certification.md is only in
# accs-peer-roles, so note-taking-funding is not rebuilt
cp -r input "$T/inc"
$PB build -q -i "$T/inc" -o "$T/inco" || not_ok "incremental: first build"
a=$(ino "$T/inco/note-taking-funding/rday-rates.svg")
printf '\nOne more sentence.\n' >>"$T/inc/positions/certification.md"
$PB build -q -i "$T/inc" -o "$T/inco" || not_ok "incremental: second build"
check "a reused packet keeps its SVG files" test "$(ino "$T/inco/note-taking-funding/rday-rates.svg")" = "$a"
$PB build -q -i "$T/inc" -o "$T/incf"
check "the incremental output with charts equals a full build" diff -r "$T/inco" "$T/incf"
finish
