#!/bin/sh
# build.sh - `peerbrief build` end to end on the shipped input/: it
# succeeds, every DocBook file is valid against the official schema, two
# builds are byte-identical, and a failed build leaves out/ as it was.
. tests/lib.sh
RNG=/usr/share/xml/docbook/schema/rng/5.0/docbook.rng

check "build input/" $PB build -i input -o "$T/out"
n=0
for f in $(find "$T/out" -name '*.dbk' | sort); do
	n=$((n + 1))
	rel=${f#"$T/out/"}
	if xmllint --noout --nonet --relaxng "$RNG" "$f" 2>"$T/err"; then
		ok "valid DocBook: $rel"
	else
		not_ok "valid DocBook: $rel"
		head -20 "$T/err"
	fi
done
check "the build wrote DocBook files" test "$n" -gt 0
for f in $(find "$T/out" -name '*.html' | sort); do
	rel=${f#"$T/out/"}
	check "well-formed HTML: $rel" xmllint --noout --nonet "$f"
	if grep -qi '<script\|javascript:' "$f"; then
		not_ok "no script in $rel"
	fi
done

check "second build" $PB build -i input -o "$T/out2"
check "builds are byte-identical" diff -r "$T/out" "$T/out2"
# Where the input folder is, and how -i names it, reaches no output file:
# provenance names files relative to the input folder.
cp -r input "$T/moved"
mkdir "$T/sub"
(cd "$T/sub" && $PB build -q -i "$T/moved/" -o "$T/out3") ||
    not_ok "a build with -i an absolute path"
(cd "$T/sub" && $PB build -q -i ../sub/../moved -o ../out4) ||
    not_ok "a build with -i a relative path through .."
check "-i input and -i /abs/path/ give byte-identical output" \
    diff -r "$T/out" "$T/out3"
check "-i ../sub/../moved gives byte-identical output" \
    diff -r "$T/out" "$T/out4"
check "no output names the machine's paths" \
    sh -c "! grep -rl -e '$T' -e '$(pwd)' '$T/out3'"

# A failing build must leave the previous output exactly as it was.
cp -r input "$T/in"
printf -- '---\ntitle: [broken\n---\nBody\n' >"$T/in/positions/zz-broken.md"
cp -r "$T/out" "$T/before"
$PB build -i "$T/in" -o "$T/out" 2>"$T/err"
check "failed build exits 1" test $? -eq 1
check "failed build names the file" grep -q 'zz-broken.md:2:8: error:' "$T/err"
check "failed build leaves out/ unchanged" diff -r "$T/before" "$T/out"
check "failed build leaves no staging folder" sh -c "! ls -d '$T'/.out.staging* 2>/dev/null"

# The stylesheets compile while the packets render, each render waiting
# for its own: a stylesheet that fails, whether it compiles first
# (numbers.xsl), while packets render (html.xsl) or last (sitemap.xsl), is
# the one problem said, the build exits 3, and out/ is left as it was.
# The charts' and the site's (which a rebuild reusing packets compiles
# only when it needs them) too: a build with changed templates reuses none.
for sheet in numbers html svg index feed sitemap; do
	rm -rf "$T/tb"
	cp -r templates "$T/tb"
	sed -i 's|</xsl:stylesheet>|<xsl:template match="x"><xsl:bogus/></xsl:template></xsl:stylesheet>|' \
	    "$T/tb/$sheet.xsl"
	$PB build -i input -o "$T/out" -T "$T/tb" 2>"$T/err"
	check "broken $sheet.xsl: the build exits 3" test $? -eq 3
	check "broken $sheet.xsl: its error, alone" test \
	    "$(grep -c . "$T/err")" = 1 -a "$(grep -c "/$sheet.xsl:[0-9]*: error: .*xsl:bogus" "$T/err")" = 1
	check "broken $sheet.xsl: out/ unchanged" diff -r "$T/before" "$T/out"
done

# A part shared but for a few words (render.c's splice): the words of
# <?pb-slots?> take the place of the build's slot and a digit in the part,
# whether rendered in place or kept; a marker that is not a part's, a word
# that needs escaping and a slot with no word are a stylesheet's problem
# (exit 3, out/ as it was).
slots() {
	rm -rf "$T/ts"
	cp -r templates "$T/ts"
	t=$(printf '%s' "$1" | sed 's/[&|\\]/\\&/g')
	sed -i "s|</xsl:stylesheet>|<xsl:template match=\"/\" priority=\"9\"><xsl:if test=\"pb:kept('t')\"/>$t</xsl:template></xsl:stylesheet>|" \
	    "$T/ts/html.xsl"
	$PB build -q -j 1 -i input -o "$T/out" -T "$T/ts" 2>"$T/err"
}
pi() { printf '<xsl:processing-instruction name="pb-%s">%s</xsl:processing-instruction>' "$1" "$2"; }
part="$(pi part-begin k)<p><xsl:value-of select=\"concat(\$slot, 2, ' ', \$slot, 1)\"/></p>$(pi part-end k)"
# the first packet renders the part, the second writes it as kept
slots "<xsl:processing-instruction name=\"pb-slots\">ab <xsl:value-of select=\"/*/@id\"/></xsl:processing-instruction><xsl:choose><xsl:when test=\"pb:kept('k')\">$(pi part k)</xsl:when><xsl:otherwise>$part</xsl:otherwise></xsl:choose><xsl:value-of select=\"string-length(\$slot)\"/>"
words() { grep -qx "<p>$2 ab</p>" "$1" && grep -qx 32 "$1"; }
check "a part's words take its slots' places" \
    words "$T/out/accs-peer-roles/index.html" accs-peer-roles
check "a part kept is written with each packet's words" \
    words "$T/out/note-taking-funding/index.html" note-taking-funding
rm -rf "$T/out"
cp -r "$T/before" "$T/out"
for bad in "$(pi slots 'a&amp;b')$part:a word that needs escaping" \
    "$(pi slots 'a  b')$part:an empty word" \
    "$(pi slots ab):words before no part" \
    "$(pi slots ab)$(pi slots ab)$part:words twice" \
    "$(pi part-begin k)$(pi slots ab)$(pi part-end k):words before a part's end" \
    "$(pi part-begin o)$(pi slots ab)$part$(pi part-end o):a part with words inside another" \
    "$(pi slots ab)$part:a slot with no word"; do
	slots "${bad%:*}"
	check "pb-slots, ${bad##*:}: the build exits 3" test $? -eq 3
	check "pb-slots, ${bad##*:}: said" grep -q 'error: .*(<?pb-slots?>) are not a part' "$T/err"
	check "pb-slots, ${bad##*:}: out/ unchanged" diff -r "$T/before" "$T/out"
done

# Incremental builds: the manifest kept with out/ skips what is unchanged.
cp -r input "$T/inc"
$PB build -i "$T/inc" -o "$T/o" || not_ok "incremental: first build"
ino() { ls -i "$1" | cut -d' ' -f1; }
a=$(ino "$T/o/accs-peer-roles/index.html")
n=$(ino "$T/o/note-taking-funding/index.html")
$PB build -i "$T/inc" -o "$T/o"
check "no-change rebuild keeps every file" test "$(ino "$T/o/accs-peer-roles/index.html")" = "$a" -a "$(ino "$T/o/note-taking-funding/index.html")" = "$n"
x=$(ino "$T/o/index.html")
f=$(ino "$T/o/feed.xml")
printf '\nOne more sentence.\n' >>"$T/inc/positions/note-taking.md"
$PB build -i "$T/inc" -o "$T/o"
check "a changed position rebuilds its packets only" test "$(ino "$T/o/accs-peer-roles/index.html")" = "$a" -a "$(ino "$T/o/note-taking-funding/index.html")" != "$n"
check "the changed packet shows the change" grep -q "One more sentence" "$T/o/note-taking-funding/index.html"
check "a change the site does not show keeps its index and feed" test "$(ino "$T/o/index.html")" = "$x" -a "$(ino "$T/o/feed.xml")" = "$f"
$PB build -i "$T/inc" -o "$T/full" -j 1
check "incremental output equals a full build" diff -r "$T/o" "$T/full"
# a new tag is the index's and the feed's news
sed 's/^  - Medicaid$/  - Medicaid funding/' "$T/inc/positions/note-taking.md" >"$T/nt" &&
    cat "$T/nt" >"$T/inc/positions/note-taking.md"
$PB build -q -i "$T/inc" -o "$T/o"
check "a changed tag renders the index again" grep -qF '<li>Medicaid funding</li>' "$T/o/index.html"
rm -rf "$T/full"
$PB build -q -i "$T/inc" -o "$T/full" -j 1
check "incremental output equals a full build, tags changed" diff -r "$T/o" "$T/full"
# The parts a build kept (.OUT.parts beside out/) start the next build:
# used only when made by the same program, templates, project settings
# and options; one that cannot be read as such is left alone.
check "the parts a build kept are beside out/" \
    grep -q '^peerbrief parts 1 ' "$T/.o.parts"
cp "$T/.o.parts" "$T/parts.good"
# every part's text changed, as another build would never write it: the
# one the rebuild takes must not be used when its stamp is not this one's
tamper() { sed 's|<table |<table data-tampered="yes" |g' "$1"; }
rebuild_with() {
	printf '\nAnd another.\n' >>"$T/inc/positions/note-taking.md"
	$PB build -q -i "$T/inc" -o "$T/o"
	rm -rf "$T/full"
	$PB build -q -i "$T/inc" -o "$T/full" -j 1
}
# (the tool hash's first digit changed, whatever it was)
tamper "$T/parts.good" | sed '1{s/^peerbrief parts 1 0/peerbrief parts 1 1/;t
s/^peerbrief parts 1 [0-9a-f]/peerbrief parts 1 0/;}' >"$T/.o.parts"
rebuild_with
check "parts of another program or templates are not used" diff -r "$T/o" "$T/full"
tamper "$T/.o.parts" >"$T/parts.bad" && mv "$T/parts.bad" "$T/.o.parts"
sed 's|<publisher>|<publisher>Also |' "$T/inc/peerbrief.xml" >"$T/pj" && cat "$T/pj" >"$T/inc/peerbrief.xml"
rebuild_with
check "parts kept before the project's settings changed are not used" diff -r "$T/o" "$T/full"
head -c 300 "$T/.o.parts" >"$T/parts.cut" && mv "$T/parts.cut" "$T/.o.parts"
rebuild_with
check "a cut parts file is no harm" diff -r "$T/o" "$T/full"
printf 'peerbrief parts 1 x\n99999999999999999999999 5\n' >"$T/.o.parts"
rebuild_with
check "a parts file of nonsense is no harm" diff -r "$T/o" "$T/full"
tamper "$T/.o.parts" >"$T/parts.link"
cp "$T/parts.link" "$T/parts.was"
rm "$T/.o.parts" && ln -s "$T/parts.link" "$T/.o.parts"
rebuild_with
check "a link in the parts file's place is not followed" diff -r "$T/o" "$T/full"
check "and is replaced, not written through" sh -c "test ! -L '$T/.o.parts' && cmp -s '$T/parts.link' '$T/parts.was'"

# an output removed from out/: its packet is built again, and the next
# build finds out/ up to date
rm "$T/o/note-taking-funding/figures.csv"
$PB build -q -i "$T/inc" -o "$T/o"
check "a removed output is written again" test -f "$T/o/note-taking-funding/figures.csv"
check "and recorded once" test "$(grep -c '^file note-taking-funding/index.html ' "$T/o/.manifest")" = 1
check "and the next build finds nothing to do" sh -c "$PB build -i '$T/inc' -o '$T/o' 2>&1 | grep -q '^0 packets built'"
# a packet file made invalid after a build that found it valid
cp "$T/inc/packets/accs-peer-roles.xml" "$T/pk.xml"
sed 's|<audience>|<audiences/><audience>|' "$T/pk.xml" >"$T/inc/packets/accs-peer-roles.xml"
$PB build -q -i "$T/inc" -o "$T/o" 2>"$T/err"
check "an input changed to break its schema is validated again" test $? -eq 1
check "and its problem said at its place" grep -q 'accs-peer-roles.xml:4:' "$T/err"
cp "$T/pk.xml" "$T/inc/packets/accs-peer-roles.xml"
# an input folder named through a symbolic link: its files count, not the
# link alone
ln -s inc "$T/inc-link"
$PB build -q -i "$T/inc-link" -o "$T/ol" || not_ok "incremental: linked input"
printf '\nThrough the link.\n' >>"$T/inc/positions/note-taking.md"
$PB build -q -i "$T/inc-link" -o "$T/ol"
check "a linked input folder's changed position is rebuilt" \
    grep -q "Through the link" "$T/ol/note-taking-funding/index.html"
# tags: those of a packet's positions, once each; a reused packet's come
# from the manifest
check "index: a rebuilt packet's tags" grep -qF '<li>documentation</li>' "$T/o/index.html"
check "index: a reused packet's tags" grep -qF '<li>certification</li>' "$T/o/index.html"
check "index: a tag two positions share, once per packet" \
	test "$(grep -o '<li>peer roles</li>' "$T/o/index.html" | wc -l)" = 2
check "feed: tags are categories" grep -qF '<category term="R-days"/>' "$T/o/feed.xml"
cp -r templates "$T/tpl"
printf '\n/* changed */\n' >>"$T/tpl/style.css"
$PB build -i "$T/inc" -o "$T/o" -t "$T/tpl"
check "a changed template rebuilds everything" test "$(ino "$T/o/accs-peer-roles/index.html")" != "$a"

# The output a rebuild replaced is kept beside out/ as .OUT.spare (hard
# links of out/'s files, mostly) and the next rebuild is made from it:
# the files it reuses stay in place, what it does not write goes, and
# nothing is written through a link put in it.
cp -r input "$T/sp"
$PB build -q -i "$T/sp" -o "$T/so"
check "a first build keeps no spare" test ! -e "$T/.so.spare"
printf '\nSpare one.\n' >>"$T/sp/positions/note-taking.md"
$PB build -q -i "$T/sp" -o "$T/so"
a=$(ino "$T/so/accs-peer-roles/index.html")
check "a rebuild keeps the output it replaced as the spare" \
    test "$(ino "$T/.so.spare/accs-peer-roles/index.html")" = "$a"
echo extra >"$T/so/extra.txt"
mkdir "$T/outside"
echo kept >"$T/outside/index.html"
rm -r "$T/.so.spare/accs-peer-roles"
ln -s ../outside "$T/.so.spare/accs-peer-roles"
ln -s ../outside/index.html "$T/.so.spare/note-taking-funding/index.html.tmp"
printf '\nSpare two.\n' >>"$T/sp/positions/note-taking.md"
$PB build -q -i "$T/sp" -o "$T/so"
check "a rebuild from the spare writes nothing through a link in it" \
    sh -c "test \"\$(cat '$T/outside/index.html')\" = kept && test \"\$(ls '$T/outside')\" = index.html"
check "a link in the spare does not reach out/" \
    sh -c "test -d '$T/so/accs-peer-roles' && test ! -L '$T/so/accs-peer-roles' && test -z \"\$(find '$T/so' -type l)\""
check "a packet reused from the spare keeps its files" \
    test "$(ino "$T/so/accs-peer-roles/index.html")" = "$a"
printf '\nSpare three.\n' >>"$T/sp/positions/note-taking.md"
$PB build -q -i "$T/sp" -o "$T/so"
check "a file put into out/ by hand does not come back from the spare" \
    test ! -e "$T/so/extra.txt"
rm -rf "$T/sfull" "$T/.sfull".*
$PB build -q -i "$T/sp" -o "$T/sfull"
check "output made from the spare equals a full build" diff -r "$T/so" "$T/sfull"
# a packet gone; then a file of out/ changed in place, which the spare
# shares (one file, two names)
rm "$T/sp/packets/accs-peer-roles.xml" "$T/sp/positions/certification.md"
$PB build -q -i "$T/sp" -o "$T/so"
check "a packet removed leaves the output made from the spare" \
    test ! -e "$T/so/accs-peer-roles"
printf 'changed in place\n' >>"$T/so/note-taking-funding/figures.csv"
$PB build -q -i "$T/sp" -o "$T/so"
rm -rf "$T/sfull" "$T/.sfull".*
$PB build -q -i "$T/sp" -o "$T/sfull"
check "a file changed in place that the spare shares is built again" \
    diff -r "$T/so" "$T/sfull"
# a packet whose id another's begins with, and a dash: each folder kept
cp "$T/sp/packets/note-taking-funding.xml" "$T/sp/packets/note-taking-funding-b.xml"
check "a rebuild from the spare adds a packet another's id begins with" \
    $PB build -q -i "$T/sp" -o "$T/so"
for i in 1 2; do
	printf '\nSpare four.\n' >>"$T/sp/positions/note-taking.md"
	check "and keeps both folders, rebuild $i" $PB build -q -i "$T/sp" -o "$T/so"
done
rm -rf "$T/sfull" "$T/.sfull".*
$PB build -q -i "$T/sp" -o "$T/sfull"
check "and equals a full build" diff -r "$T/so" "$T/sfull"
# the spare holding something else where a build now writes: a file in
# a packet folder's place, a folder in a file's, the file a build that
# stopped was writing
printf '\nSpare five.\n' >>"$T/sp/positions/note-taking.md"
$PB build -q -i "$T/sp" -o "$T/so"
rm -r "$T/.so.spare/note-taking-funding-b" "$T/.so.spare/index.html"
echo file >"$T/.so.spare/note-taking-funding-b"
mkdir "$T/.so.spare/index.html" "$T/.so.spare/feed.xml.tmp"
echo folder >"$T/.so.spare/index.html/inside"
echo stopped >"$T/.so.spare/note-taking-funding/index.html.tmp"
printf '\nSpare six.\n' >>"$T/sp/positions/note-taking.md"
check "a rebuild makes way for its output in what the spare holds" \
    $PB build -q -i "$T/sp" -o "$T/so"
rm -rf "$T/sfull" "$T/.sfull".*
$PB build -q -i "$T/sp" -o "$T/sfull"
check "and equals a full build" diff -r "$T/so" "$T/sfull"
# An output of 1,024 files or more (257 packets) is checked on the other
# core while the input is hashed: unchanged, nothing is built; a file of
# it changed, its packet is built again.
cp -r tests/semantic/base "$T/big"
i=1
while [ $i -le 256 ]; do
	cp "$T/big/packets/pk.xml" "$T/big/packets/pk$i.xml"
	i=$((i + 1))
done
$PB build -q -i "$T/big" -o "$T/bo" 2>/dev/null
check "a large output: a no-change rebuild builds nothing" sh -c \
    "$PB build -i '$T/big' -o '$T/bo' 2>&1 | grep -q '^0 packets built, 257 reused'"
printf 'changed\n' >>"$T/bo/pk200/figures.csv"
check "a large output: a file changed in it is built again" sh -c \
    "$PB build -i '$T/big' -o '$T/bo' 2>&1 | grep -q '^1 packet built, 256 reused'"
check "a large output: and then found up to date" sh -c \
    "$PB build -i '$T/big' -o '$T/bo' 2>&1 | grep -q '^0 packets built, 257 reused'"

# .manifest records each file's XXH3-128, as xxhsum computes it: the
# same on every machine.
( cd "$T/o" && grep '^file ' .manifest | while read -r _ f h; do
	printf '%s  %s\n' "$h" "$f"; done ) >"$T/want.sum"
( cd "$T/o" && grep '^file ' .manifest | while read -r _ f h; do
	xxhsum -H2 "$f" 2>/dev/null; done ) | sed 's/ *$//' >"$T/got.sum"
check "manifest hashes are XXH3-128 of each file" diff -u "$T/want.sum" "$T/got.sum"
check "manifest lists every file" test "$(grep -c '^file ' "$T/o/.manifest")" -eq "$(cd "$T/o" && find . -type f ! -name .manifest | wc -l)"

# The site: sitemap, canonical links, Open Graph, the links of a packet's
# page, the printed page's running heads and feet, editions in the feed.
BASE=https://example.org/briefs/
SM=$T/out/sitemap.xml
smx() { xmllint --nonet --xpath "$1" "$SM" 2>/dev/null; }
S="/*[local-name()='urlset' and namespace-uri()='http://www.sitemaps.org/schemas/sitemap/0.9']"
check "sitemap.xml is well-formed" xmllint --noout --nonet "$SM"
check "sitemap.xml is a sitemaps.org urlset" test "$(smx "count($S)")" = 1
smx "$S/*[local-name()='url']/*[local-name()='loc']/text()" | sort >"$T/locs"
printf '%s\n' "$BASE" "${BASE}accs-peer-roles/" "${BASE}note-taking-funding/" | sort >"$T/want"
check "sitemap.xml lists the index and every public packet, absolute" diff -u "$T/want" "$T/locs"
check "sitemap.xml gives each packet its date" test \
	"$(smx "string($S/*[*[local-name()='loc'] = '${BASE}accs-peer-roles/']/*[local-name()='lastmod'])")" = 2026-10-20
P=$T/out/note-taking-funding/index.html
hx() { xmllint --nonet --xpath "$2" "$1" 2>/dev/null; }
H="*[local-name()='html']/*[local-name()='head']"
check "packet page: canonical link" test \
	"$(hx "$P" "string(/$H/*[local-name()='link'][@rel='canonical']/@href)")" = "${BASE}note-taking-funding/"
check "packet page: og:url" test \
	"$(hx "$P" "string(/$H/*[local-name()='meta'][@property='og:url']/@content)")" = "${BASE}note-taking-funding/"
check "packet page: og:title is the title" test \
	"$(hx "$P" "string(/$H/*[local-name()='meta'][@property='og:title']/@content)")" = \
	"$(hx "$P" "string(/$H/*[local-name()='title'])")"
check "packet page: og:description" test -n \
	"$(hx "$P" "string(/$H/*[local-name()='meta'][@property='og:description']/@content)")"
check "packet page: an empty icon, so nothing is fetched" test \
	"$(hx "$P" "string(/$H/*[local-name()='link'][@rel='icon']/@href)")" = "data:,"
hx "$P" "//*[local-name()='nav'][@class='files']//*[local-name()='a']/@href" |
	sed 's/^ *href="//; s/"$//' >"$T/nav"
printf '%s\n' ../index.html note-taking-funding.dbk figures.json figures.csv >"$T/want"
check "packet page links to the index, its DocBook, JSON and CSV" diff -u "$T/want" "$T/nav"
for f in $(cat "$T/nav"); do
	check "packet page's link $f exists" test -f "$T/out/note-taking-funding/$f"
done
sed -n '/^@page {$/,/^}$/p' "$P" >"$T/page"
check "print: the title at the top left" grep -qF '@top-left { content: "Peer roles and note taking: what the funding really requires"; }' "$T/page"
check "print: edition and date at the top right" grep -qF '@top-right { content: "Edition 1, November 15, 2026"; }' "$T/page"
check "print: N of M at the bottom" grep -qF '@bottom-center { content: counter(page) " of " counter(pages); }' "$T/page"
check "print: the URL at the bottom left" grep -qF "@bottom-left { content: \"${BASE}note-taking-funding/\"; }" "$T/page"
check "print: the contact at the bottom right" grep -qF '@bottom-right { content: "briefs@example.org"; }' "$T/page"
check "print: the first page names publisher, edition and date" \
	grep -qF '@bottom-left { content: "Published by Example Coalition · Edition 1, November 15, 2026"; }' "$P"
check "index: the project's description" grep -qF 'Short briefing packets on peer roles' "$T/out/index.html"
check "index: the contact as a mailto link" grep -qF 'href="mailto:briefs@example.org"' "$T/out/index.html"

# A second edition, a title CSS must escape, a URL contact, no base-url.
cp -r input "$T/ed"
sed -i 's|<date>2026-11-15</date>|<date>2026-11-15</date>\n  <edition>2</edition>|; s|<title>Peer roles and note taking[^<]*</title>|<title>Notes \&amp; "R-days" \\ a \&lt;style\&gt; test</title>|' \
	"$T/ed/packets/note-taking-funding.xml"
sed -i 's|<base-url>[^<]*</base-url>||; s|<contact>[^<]*</contact>|<contact>https://example.org/contact</contact>|' "$T/ed/peerbrief.xml"
check "build a second edition" $PB build -q -i "$T/ed" -o "$T/edo"
P=$T/edo/note-taking-funding/index.html
check "second edition: well-formed" xmllint --noout --nonet "$P"
check "second edition: the title escaped for CSS" \
	grep -qF '@top-left { content: "Notes \26  \"R-days\" \\ a \3c style\3e  test"; }' "$P"
check "second edition: its number at the top right" grep -qF '"Edition 2, November 15, 2026"' "$P"
check "no base-url: no sitemap" test ! -e "$T/edo/sitemap.xml"
check "no base-url: no canonical link" sh -c '! grep -q "rel=\"canonical\"" "$1"' - "$P"
check "no base-url: no URL at the foot" grep -qF '@bottom-left { content: ""; }' "$P"
check "a URL contact links as it is" grep -qF 'href="https://example.org/contact"' "$T/edo/index.html"
FX() { xmllint --nonet --xpath "$1" "$T/edo/feed.xml" 2>/dev/null; }
# no base-url: ids made from the title and publisher (as xxhsum hashes them)
u=urn:peerbrief:site:$(printf '%s\0%s' "$(xmllint --xpath "string(//*[local-name()='title'])" "$T/ed/peerbrief.xml")" \
    "$(xmllint --xpath "string(//*[local-name()='publisher'])" "$T/ed/peerbrief.xml")" | xxhsum -H2 - | cut -d' ' -f1)
check "no base-url: the feed's id is the site's urn" test "$(FX "string(/*/*[local-name()='id'])")" = "$u"
check "no base-url: each entry's id is under it" \
    test "$(FX "count(//*[local-name()='entry']/*[local-name()='id'][starts-with(., '$u:packet:')])")" = 2
(cd "$T" && $PB build -i ed -o edo2) >/dev/null 2>"$T/err"
check "no base-url: one warning at the project" \
    test "$(grep -c ': warning: ' "$T/err")" = 1 -a "$(grep -c '^ed/peerbrief.xml:3:1: warning: no <base-url>: ' "$T/err")" = 1
check "no base-url: the warning is counted" grep -q '^2 packets built, 0 reused, 1 warning, ' "$T/err"
(cd "$T" && $PB build -i ed -o edo2) >/dev/null 2>"$T/err"
check "no base-url: a rebuild warns the same" grep -q '^ed/peerbrief.xml:3:1: warning: no <base-url>: ' "$T/err"
E="/*[local-name()='feed']/*[local-name()='entry'][*[local-name()='id']='$u:packet:note-taking-funding']"
check "feed: a second edition is updated a second later" test "$(FX "string($E/*[local-name()='updated'])")" = 2026-11-15T00:00:01Z
check "feed: a second edition has no published date" test "$(FX "count($E/*[local-name()='published'])")" = 0
check "feed: updated is the newest entry's" test "$(FX "string(/*[local-name()='feed']/*[local-name()='updated'])")" = 2026-11-15T00:00:01Z
check "index: the edition in the dateline" grep -qF '· Edition 2' "$T/edo/index.html"

# An internal packet stays out of the sitemap, the index and the feed, and
# its page has no canonical link or Open Graph.
cp -r input "$T/int"
sed 's|<packet xmlns="urn:peerbrief:1"[^>]*>|<packet xmlns="urn:peerbrief:1" visibility="internal">|' \
	input/packets/accs-peer-roles.xml >"$T/int/packets/staff-only.xml"
check "build with an internal packet" $PB build -q -i "$T/int" -o "$T/into"
check "the internal packet is built" test -f "$T/into/staff-only/index.html"
check "sitemap.xml leaves the internal packet out" sh -c \
	'xmllint --noout --nonet "$1" && ! grep -q "staff-only" "$1" && grep -q "accs-peer-roles/" "$1"' - "$T/into/sitemap.xml"
check "index and feed leave the internal packet out" sh -c '! grep -q "staff-only" "$1/index.html" "$1/feed.xml"' - "$T/into"
check "the internal packet's page: no canonical link, no Open Graph" sh -c \
	'! grep -q "rel=\"canonical\"\|og:" "$1"' - "$T/into/staff-only/index.html"

# build --pdf: Chromium missing, failing or too slow is a system error
# (exit 3) that leaves out/ as it was. (The PDFs themselves are checked in
# tests/browser.sh, which has Chromium.)
cp -r "$T/out" "$T/prev"
PEERBRIEF_CHROMIUM=/nonexistent $PB build --pdf -i input -o "$T/out" 2>"$T/err"
check "build --pdf without Chromium exits 3" test $? -eq 3
check "build --pdf without Chromium says what to install, in one line" sh -c \
	'[ "$(wc -l <"$1")" = 1 ] && grep -qx "peerbrief: build --pdf needs Chromium: install it (Debian: apt-get install chromium) or set PEERBRIEF_CHROMIUM to its path" "$1"' - "$T/err"
check "build --pdf without Chromium leaves out/ unchanged" diff -r "$T/prev" "$T/out"
mkdir "$T/fake" "$T/tmp"
printf '#!/bin/sh\necho "this Chromium cannot print"\necho "a second line" >&2\nexit 4\n' >"$T/fake/fail"
printf '#!/bin/sh\nexec sleep 60\n' >"$T/fake/slow"
chmod +x "$T/fake/fail" "$T/fake/slow"
TMPDIR=$T/tmp PEERBRIEF_CHROMIUM=$T/fake/fail $PB build --pdf -j 1 -i input -o "$T/out" 2>"$T/err"
check "a failing Chromium: exit 3" test $? -eq 3
check "a failing Chromium: its exit status and output are shown" \
	grep -qF "failed with exit status 4 while printing" "$T/err"
check "a failing Chromium: its output, both streams" grep -qF "this Chromium cannot print | a second line" "$T/err"
check "a failing Chromium leaves out/ unchanged" diff -r "$T/prev" "$T/out"
TMPDIR=$T/tmp PEERBRIEF_PDF_TIMEOUT=1 PEERBRIEF_CHROMIUM=$T/fake/slow $PB build --pdf -j 1 -i input -o "$T/out" 2>"$T/err"
check "a Chromium past the time limit: exit 3" test $? -eq 3
check "a Chromium past the time limit is stopped, and says so" grep -qF "took longer than the time limit (PEERBRIEF_PDF_TIMEOUT) and was stopped" "$T/err"
check "a Chromium past the time limit leaves out/ unchanged" diff -r "$T/prev" "$T/out"
check "no temporary profile is left behind" test -z "$(ls -A "$T/tmp")"
rm -rf "$T/prev"

# An output folder that is a symbolic link is refused, not followed.
mkdir "$T/elsewhere"
ln -s "$T/elsewhere" "$T/link"
$PB build -i input -o "$T/link" 2>"$T/err"
st=$?
check "symlinked out/ refused" test $st -ne 0
check "nothing written through the link" test -z "$(ls -A "$T/elsewhere")"
# init writes a project that builds at once, and refuses a folder in use.
$PB init "$T/new/proj" >"$T/init.out" 2>"$T/init.err"
check "init exits 0" test $? -eq 0
check "init says how to build" grep -q "cd $T/new/proj && peerbrief build" "$T/init.out"
check "init writes an XML and a CSV organization" test -f "$T/new/proj/input/orgs/riverside.xml" -a -f "$T/new/proj/input/orgs/lakeside/programs.csv"
check "init writes a README" test -f "$T/new/proj/README.md"
(cd "$T/new/proj" && $PB build) >"$T/init.out" 2>"$T/init.err"
check "cd DIR && peerbrief build renders the new project" test $? -eq 0 -a -f "$T/new/proj/out/first-packet/index.html"
check "the new packet shows the CSV organization's figure" grep -q '\$59,943.75' "$T/new/proj/out/first-packet/index.html"
check "the new packet lists its reference" grep -q 'Request for Response' "$T/new/proj/out/first-packet/index.html"
check "the new packet has its funding table" grep -q 'Lakeside Example Partners' "$T/new/proj/out/first-packet/first-packet.dbk"
# A newcomer's first build is clean: the new project's empty <base-url/>
# says the site has no address yet, so there is no warning of a missing
# one; without the element the warning comes back.
check "the first build prints its summary line only, no warning" sh -c \
    "test \$(wc -l <'$T/init.err') -eq 1 && grep -q '^1 packet built, 0 reused, [0-9.]* s -> out/\$' '$T/init.err'"
check "an empty base-url: no sitemap, no canonical link" sh -c \
    "test ! -e '$T/new/proj/out/sitemap.xml' && ! grep -q 'rel=\"canonical\"' '$T/new/proj/out/first-packet/index.html'"
cp -r "$T/new/proj" "$T/new/nobase"
sed -i 's|^  <base-url/>$||' "$T/new/nobase/input/peerbrief.xml"
(cd "$T/new/nobase" && $PB build) >/dev/null 2>"$T/init.err"
check "no base-url element: the warning, once, at the project" sh -c \
    "test \$(grep -c ': warning: ' '$T/init.err') -eq 1 && grep -q '^input/peerbrief.xml:[0-9]*:1: warning: no <base-url>: .*(or <base-url/> while it has none)\$' '$T/init.err'"
(cd "$T/new/proj" && $PB check) >"$T/init.out" 2>"$T/init.err"
check "and checks clean" test $? -eq 0 -a ! -s "$T/init.err"
ls -R "$T/new/proj" >"$T/init.before"
$PB init "$T/new/proj" >"$T/init.out" 2>"$T/init.err"
check "init refuses a non-empty folder (exit 2)" test $? -eq 2
check "init says why" grep -q "not empty" "$T/init.err"
ls -R "$T/new/proj" >"$T/init.after"
check "init wrote nothing there" diff "$T/init.before" "$T/init.after"
mkdir "$T/empty"
(cd "$T/empty" && $PB init >/dev/null && test -f input/peerbrief.xml)
check "init with no folder writes into an empty current folder" test $? -eq 0
# Each packet's figures.json is what `peerbrief figures --packet ID`
# reports for it.
for d in "$T/out"/*/; do
	id=$(basename "$d")
	[ -f "$d/figures.json" ] || continue
	$PB figures --packet "$id" --format json >"$T/fig.json"
	check "out/$id/figures.json equals figures --packet $id" cmp -s "$T/fig.json" "$d/figures.json"
done

# The handout and the DocBook show the figures' displays; stylesheets
# that print raw values instead are caught, for each format.
check "handout shows the figures' displays" python3 tests/tools/handout-figures.py "$T/out" html
check "DocBook shows the figures' displays" python3 tests/tools/handout-figures.py "$T/out" docbook
for fmt in html docbook; do
	rm -rf "$T/mt" "$T/mo"
	cp -r templates "$T/mt"
	# every figure is shown through numbers.xsl's pb-display: a pb-display
	# of the format's own stylesheet that prints the raw value wins over it
	sed -i 's|</xsl:stylesheet>|<xsl:template name="pb-display"><xsl:param name="v" select="."/><xsl:value-of select="$v/@value"/></xsl:template></xsl:stylesheet>|' \
	    "$T/mt/$fmt.xsl"
	check "the raw-value $fmt stylesheet has its own pb-display" \
	    grep -q '<xsl:template name="pb-display">' "$T/mt/$fmt.xsl"
	$PB build -i input -o "$T/mo" -t "$T/mt" >/dev/null 2>&1 ||
	    not_ok "build with raw-value $fmt stylesheets"
	if python3 tests/tools/handout-figures.py "$T/mo" "$fmt" >"$T/mut" 2>&1; then
		not_ok "raw values in the $fmt go unnoticed"
	else
		ok "raw values in the $fmt are caught"
	fi
done
# Images a position links by relative path are copied into the packet's
# folder byte for byte as media/HASH.TYPE, the HTML and the DocBook point
# there, a changed image rebuilds the packet, a missing one is a warning,
# and one out of the input folder, too large or of another type an error.
img_fresh() {
	rm -rf "$T/I" "$T/io"
	cp -r tests/semantic/base "$T/I"
	# a base-url: the only warning is the image's
	sed -i 's|</title>|</title><base-url>https://example.org/briefs/</base-url>|' "$T/I/peerbrief.xml"
	mkdir -p "$T/I/positions/img"
	printf '\211PNG\r\n\032\nfirst image' >"$T/I/positions/img/a.png"
	printf '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"><rect width="2" height="2"/></svg>\n' >"$T/I/positions/img/b.svg"
	printf -- '---\ntitle: Images\n---\n%s\n' "$1" >"$T/I/positions/pos.md"
}
img_fresh '![a](img/a.png) ![b](./img/b.svg) ![a again](img/a.png) ![gone](img/gone.png) ![web](https://example.org/x.png)'
(cd "$T" && $PB build -i I -o io) >/dev/null 2>"$T/err"
check "images: build succeeds" test $? -eq 0
check "images: a missing one is a warning at it" grep -Fqx "I/positions/pos.md:4:57: warning: image 'img/gone.png' not found (no file positions/img/gone.png in the input folder): put the file there or correct the path; until then the packet links to a missing file" "$T/err"
check "images: the warning is counted" grep -q '^1 packet built, 0 reused, 1 warning, ' "$T/err"
check "images: the warning first, the summary last" \
    sh -c "head -n 1 '$T/err' | grep -q ': warning: image ' && tail -n 1 '$T/err' | grep -q '^1 packet built, '"
png=$(find "$T/io/pk/media" -name '*.png')
svg=$(find "$T/io/pk/media" -name '*.svg')
check "images: one copy of each" test "$(find "$T/io/pk/media" -type f | wc -l)" -eq 2
check "images: PNG copied byte for byte" cmp "$T/I/positions/img/a.png" "$png"
check "images: SVG copied byte for byte" cmp "$T/I/positions/img/b.svg" "$svg"
check "images: the HTML shows the copy" grep -Fq "<img src=\"media/${png##*/}\" alt=\"a\"" "$T/io/pk/index.html"
check "images: the DocBook refers to the copy" grep -Fq "<imagedata fileref=\"media/${svg##*/}\"/>" "$T/io/pk/pk.dbk"
check "images: other links stay as written" grep -Fq '<img src="https://example.org/x.png"' "$T/io/pk/index.html"
check "images: the DocBook stays valid" xmllint --noout --nonet --relaxng "$RNG" "$T/io/pk/pk.dbk"
touch "$T/I/unrelated.txt"
(cd "$T" && $PB build -i I -o io) >/dev/null 2>"$T/err"
check "images: an unchanged packet is reused" grep -q '^0 packets built, 1 reused, ' "$T/err"
check "images: a reused packet keeps its images" cmp "$T/I/positions/img/a.png" "$png"
printf '\211PNG\r\n\032\nsecond image' >"$T/I/positions/img/a.png"
(cd "$T" && $PB build -i I -o io) >/dev/null 2>"$T/err"
check "images: a changed image rebuilds its packet" grep -q '^1 packet built, 0 reused, ' "$T/err"
png2=$(find "$T/io/pk/media" -name '*.png')
check "images: the new image replaces the old" test "$png2" != "$png" -a "$(echo "$png2" | wc -l)" -eq 1
check "images: the new image's bytes" cmp "$T/I/positions/img/a.png" "$png2"
cp "$T/I/positions/img/a.png" "$T/I/positions/img/gone.png"
(cd "$T" && $PB build -i I -o io) >/dev/null 2>"$T/err"
check "images: a missing image that appears rebuilds" grep -q '^1 packet built, 0 reused, [0-9.]* s -> ' "$T/err"
# refused, each at its position, and out/ left as it was
echo secret >"$T/outside.png"
ln -s "$T/outside.png" "$T/I/positions/img/link.png"
truncate -s 10485761 "$T/I/positions/img/huge.png"
printf 'GIF8 not an image' >"$T/I/positions/img/fake.gif"
printf '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' >"$T/I/positions/img/evil.svg"
printf '<svg xmlns="http://www.w3.org/2000/svg"><g><g><image href="file:///etc/passwd"/></g></g></svg>' >"$T/I/positions/img/far.svg"
mkdir "$T/I/positions/img/folder.png"
printf -- '---\ntitle: Images\n---\n%s\n%s\n%s\n' '![a](../../a.png) ![b](/etc/passwd) ![c](img/link.png)' \
    '![d](img/huge.png) ![e](img/fake.gif) ![f](img/evil.svg) ![g](img/far.svg)' \
    '![h](img/folder.png)' >"$T/I/positions/pos.md"
cp -r "$T/io" "$T/io.before"
(cd "$T" && $PB build -i I -o io) >/dev/null 2>"$T/err"
check "images: refused ones fail the build" test $? -eq 1
cat >"$T/want" <<'EOF'
I/positions/pos.md:4:1: error: image '../../a.png' lies outside the input folder: keep images inside it
I/positions/pos.md:4:19: error: image '/etc/passwd' is an absolute path: give it relative to the position's folder, inside the input folder
I/positions/pos.md:4:37: error: image 'img/link.png' leads outside the input folder (a symbolic link): keep images inside it
I/positions/pos.md:5:1: error: image 'img/huge.png' is 10485761 bytes, over the limit of 10485760 (10 MiB): make it smaller
I/positions/pos.md:5:20: error: image 'img/fake.gif' is not a PNG, JPEG, GIF, WebP or SVG file (by its content)
I/positions/pos.md:5:39: error: image 'img/evil.svg' is an SVG with a script, an event handler, a foreignObject or a link to another file: only SVG that draws is copied
I/positions/pos.md:5:58: error: image 'img/far.svg' is an SVG with a script, an event handler, a foreignObject or a link to another file: only SVG that draws is copied
I/positions/pos.md:6:1: error: image 'img/folder.png' is not a regular file; refusing to read it
peerbrief: 8 errors
EOF
check "images: each refused at its position" diff -u "$T/want" "$T/err"
check "images: a failed build leaves out/ as it was" diff -r "$T/io.before" "$T/io"
check "images: no secret copied" sh -c "! grep -rq secret '$T/io'"

# A rebuild that reuses packets prints the warnings a fresh build prints:
# those of the positions of a reused packet, and, when nothing changed at
# all, every one (the manifest keeps them, files named within the input).
rm -rf "$T/W" "$T/wo" "$T/wf"
cp -r tests/semantic/base "$T/W"
sed -i 's|</title>|</title><base-url>https://example.org/briefs/</base-url>|' "$T/W/peerbrief.xml"
printf '\nSome <b>raw</b> HTML, a missing ![img](none.png).\n\n| a | b |\n|---|---|\n' \
    >>"$T/W/positions/pos.md"
printf -- '---\ntitle: Alone\nfoo: bar\n---\nIn no <i>packet</i>.\n' >"$T/W/positions/alone.md"
printf -- '---\ntitle: Other\n---\nOther <i>text</i>.\n' >"$T/W/positions/other.md"
sed 's|ref="pos"|ref="other"|; s|Test packet|Second|' "$T/W/packets/pk.xml" >"$T/W/packets/pk2.xml"
# warnings: the messages and the summary's count, not its time
warnings() { sed -E 's/, [0-9.]+ s -> .*$//' "$1"; }
(cd "$T" && $PB build -i W -o wo) >/dev/null 2>"$T/err"
warnings "$T/err" >"$T/fresh"
check "warnings: a fresh build gives six and counts them" sh -c \
    "test \$(grep -c ': warning: ' '$T/fresh') -eq 6 && tail -n 1 '$T/fresh' | grep -qx '2 packets built, 0 reused, 6 warnings'"
check "warnings: the manifest names no path of the machine" sh -c "! grep -q '$T' '$T/wo/.manifest'"
(cd "$T" && $PB build -i W -o wo) >/dev/null 2>"$T/err"
warnings "$T/err" | sed 's/^0 packets built, 2 reused/2 packets built, 0 reused/' >"$T/got"
check "warnings: a rebuild with nothing changed gives them all" diff -u "$T/fresh" "$T/got"
sed -i 's|Second|Second packet|' "$T/W/packets/pk2.xml"
(cd "$T" && $PB build -i W -o wo) >/dev/null 2>"$T/err"
(cd "$T" && $PB build -i W -o wf) >/dev/null 2>"$T/err2"
warnings "$T/err2" >"$T/fresh"
warnings "$T/err" | sed 's/^1 packet built, 1 reused/2 packets built, 0 reused/' >"$T/got"
check "warnings: a reused packet's positions warn as when it was built" diff -u "$T/fresh" "$T/got"
check "warnings: the rebuild reused one packet" grep -q '^1 packet built, 1 reused, 6 warnings, ' "$T/err"
(cd "$T" && $PB build -i "$T/W" -o wo) >/dev/null 2>"$T/err"
sed "s|^$T/W/|W/|" "$T/err" | warnings /dev/stdin | sed 's/^0 packets built, 2 reused/2 packets built, 0 reused/' >"$T/got"
check "warnings: replayed under the input folder as now given" diff -u "$T/fresh" "$T/got"
# build --packet records the whole build's warnings too, those of the
# packets it leaves alone included: when none of them is out of date, a
# whole build after it with nothing changed finds out/ up to date (even
# the site's pages stay the same files) and prints every warning; when
# one is, the whole build rebuilds that one.
(cd "$T" && $PB build --packet pk -i W -o wo) >/dev/null 2>"$T/err"
i=$(ino "$T/wo/index.html")
(cd "$T" && $PB build -i W -o wo) >/dev/null 2>"$T/err"
check "warnings: after build --packet, nothing changed keeps out/ as it is" test "$(ino "$T/wo/index.html")" = "$i"
warnings "$T/err" | sed 's/^0 packets built, 2 reused/2 packets built, 0 reused/' >"$T/got"
check "warnings: after build --packet, nothing changed gives them all" diff -u "$T/fresh" "$T/got"
sed -i 's|Second packet|Second packet, again|' "$T/W/packets/pk2.xml"
(cd "$T" && $PB build --packet pk -i W -o wo) >/dev/null 2>"$T/err"
check "warnings: build --packet pk leaves pk2 alone" sh -c "! grep -q 'Second packet, again' '$T/wo/pk2/index.html'"
(cd "$T" && $PB build -i W -o wo) >/dev/null 2>"$T/err"
check "warnings: the whole build after it rebuilds pk2, out of date" sh -c \
    "grep -q '^1 packet built, 1 reused, 6 warnings, ' '$T/err' && grep -q 'Second packet, again' '$T/wo/pk2/index.html'"

# 6,000 peer specialists at 1.00 FTE each: the staffing and certification
# tables and the peer-staff chart are built (its axis in steps of 1,000,
# seven ticks: one tick a whole FTE went past libxslt's nesting limit).
rm -rf "$T/L" "$T/lo"
cp -r tests/semantic/base "$T/L"
sh tests/tools/gen-org.sh "$T/L/orgs/acme.xml" 6000 1.00
printf -- '---\ntitle: Six thousand\n---\nA large staff.\n\n```=chart peer-staff\n```\n\n```=staffing\n```\n\n```=certifications\n```\n' \
    >"$T/L/positions/pos.md"
(cd "$T" && $PB build -q -i L -o lo) >/dev/null 2>"$T/err"
check "6,000 staff: the build succeeds" test $? -eq 0 -a ! -s "$T/err"
grep -Eo 'font-size="13" text-anchor="middle">[0-9]+<' "$T/lo/pk/index.html" |
    sed 's/.*">//; s/<$//' | tr '\n' ' ' >"$T/ticks"
check "6,000 staff: the chart's axis is 0 to 6000 by 1000" \
    test "$(cat "$T/ticks")" = "0 1000 2000 3000 4000 5000 6000 "
check "6,000 staff: the staffing table counts them" \
    grep -qF '<li>6000 Peer Specialists</li>' "$T/lo/pk/index.html"
check "6,000 staff: the chart says the total" \
    grep -qF '>Peer FTE 6000.00, required 0.20</text>' "$T/lo/pk/index.html"
check "6,000 staff: the DocBook is valid" xmllint --noout --nonet --relaxng "$RNG" "$T/lo/pk/pk.dbk"
# The same staff in an internal packet, which names every member: each
# one's certification due date is an entry of the appendix's staff group
# and its DocBook label names the member's role (finding a member's
# figures once scanned the whole staff for each of them).
sed -i 's|<packet xmlns="urn:peerbrief:1"|<packet xmlns="urn:peerbrief:1" visibility="internal"|' \
    "$T/L/packets/pk.xml"
rm -rf "$T/lo"
(cd "$T" && $PB build -q -i L -o lo) >/dev/null 2>"$T/err"
check "6,000 staff, internal: the build succeeds" test $? -eq 0 -a ! -s "$T/err"
check "6,000 staff, internal: a row for each member" test \
    "$(grep -o '<th scope="row">m[0-9]*</th>' "$T/lo/pk/index.html" | wc -l)" = 6000
check "6,000 staff, internal: the appendix's staff group has every due date" test \
    "$(awk '/id="appendix-acme_staff"/,/<\/section>/' "$T/lo/pk/index.html" |
    grep -c '<div class="fig" id="fig-acme\.m[0-9]*\.certification_due">')" = 6000
check "6,000 staff, internal: the DocBook labels name the member's role" \
    grep -qF '<term>Certification due (Acme (fictional), Peer Specialist m6000): ' "$T/lo/pk/pk.dbk"
check "6,000 staff, internal: the DocBook is valid" xmllint --noout --nonet --relaxng "$RNG" "$T/lo/pk/pk.dbk"

finish
