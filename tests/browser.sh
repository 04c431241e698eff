#!/bin/sh
# browser.sh - the built pages as a validator, a browser and a printer see
# them. Builds input/ into $T/out, then:
#   - the Nu HTML Checker (vnu.jar) finds no error in any HTML file;
#   - in headless Chromium (tests/browser/pages.js): axe-core finds no
#     WCAG 2.x A/AA or best-practice violation, pages render their
#     headings with JavaScript disabled and fetch nothing but their own
#     file, and each packet printed to PDF on US Letter has its
#     at-a-glance section as exactly page 1 and no table row split across
#     pages (pages.js explains how that is measured);
#   - each packet's ID.pdf (build --pdf) has the page's title and author
#     as metadata, every font embedded, tagged structure, an outline from
#     the headings, passes qpdf --check, and every page after the first
#     reads "N of M" and the packet's URL; the same for a small packet,
#     whose PDF is also the same bytes when built again, kept when
#     nothing changed and rebuilt when its position changed;
#   - feed.xml is a well-formed Atom 1.0 feed with the required elements,
#     newest entry first, and index.html lists every packet, newest first.
# Needs Java, Node.js with the packages of package-lock.json, Debian's
# chromium and poppler-utils: `make check-deps` installs them. A missing
# tool is a failure, not a skip.
#   PB_CHROMIUM=PATH        another Chromium binary (default /usr/bin/chromium)
#   PB_BROWSER_KEEP=DIR     keep the printed PDFs in DIR
. tests/lib.sh
VNU=node_modules/vnu-jar/build/dist/vnu.jar
CHROMIUM=${PB_CHROMIUM:-/usr/bin/chromium}
ATOM=http://www.w3.org/2005/Atom

# --- the tools -------------------------------------------------------------
missing=""
java -version >/dev/null 2>&1 || missing="$missing java"
if ! node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' 2>/dev/null; then
	missing="$missing node(>=20)"
fi
for f in "$VNU" node_modules/axe-core/axe.min.js node_modules/playwright-core/package.json; do
	[ -f "$f" ] || { missing="$missing node_modules"; break; }
done
[ -x "$CHROMIUM" ] || missing="$missing chromium($CHROMIUM)"
for c in pdftotext pdfinfo pdffonts qpdf xmllint; do
	command -v $c >/dev/null 2>&1 || missing="$missing $c"
done
if [ -n "$missing" ]; then
	not_ok "browser test tools are installed (missing:$missing): run \`make check-deps\`"
	finish
	exit 1
fi

if ! $PB build --pdf -i input -o "$T/out" 2>"$T/err"; then
	not_ok "build --pdf input/"
	head -20 "$T/err"
	finish
	exit 1
fi
ok "build --pdf input/"
check "build --pdf shows nothing of Chromium's output when it succeeds" \
	sh -c '! grep -qi "chromium\|dbus" "$1"' - "$T/err"
find "$T/out" -name '*.html' | sort >"$T/html"
# The packets: out/ID/ with an index.html.
packets=$(for f in "$T"/out/*/index.html; do
	[ -f "$f" ] || continue
	f=${f%/index.html}
	echo "${f##*/}"
done)
check "the build wrote HTML files" test -s "$T/html"
check "the build wrote packets" test -n "$packets"

# --- 1. Nu HTML Checker ----------------------------------------------------
# One JVM for all files. With --format gnu every message is one line:
# "file:/PATH":LINE.COL-LINE.COL: error: TEXT
# shellcheck disable=SC2046
java -jar "$VNU" --errors-only --format gnu $(cat "$T/html") >"$T/vnu" 2>&1
st=$?
attributed=0
while IFS= read -r f; do
	rel=${f#"$T/out/"}
	if grep -F "/out/$rel\":" "$T/vnu" >"$T/vnu1"; then
		attributed=1
		not_ok "Nu HTML Checker: $rel ($(wc -l <"$T/vnu1") errors)"
		sed 's|^"[^"]*/out/\([^"]*\)":|#   \1:|' "$T/vnu1" | head -50
	else
		ok "Nu HTML Checker: $rel"
	fi
done <"$T/html"
# Exit 1 without a message about one of the files: Java or vnu failed.
if [ "$st" -ne 0 ] && [ "$attributed" = 0 ]; then
	not_ok "Nu HTML Checker ran (exit $st)"
	head -20 "$T/vnu"
fi

# --- 2 and 3. Chromium: axe, no script, nothing fetched, print -------------
mkdir "$T/pdf"
timeout 600 node tests/browser/pages.js "$T/out" "$T/pdf" >"$T/pages" 2>&1
st=$?
while IFS= read -r line; do
	case $line in
	"ok "*) ok "${line#ok }" ;;
	"not ok "*) not_ok "${line#not ok }" ;;
	"# pages.js: done") ;;
	*) printf '%s\n' "$line" ;;
	esac
done <"$T/pages"
check "the browser checks ran to the end (exit $st)" \
	sh -c '[ "$1" -eq 0 ] && grep -qx "# pages.js: done" "$2"' - "$st" "$T/pages"
# The shipped note-taking packet is a handout a coalition prints: at most
# 24 US Letter pages (pages.js has checked that its at-a-glance section is
# page 1 alone).
nt=$T/pdf/note-taking-funding.pdf
ntpages=$(pdfinfo "$nt" 2>/dev/null | sed -n 's/^Pages: *//p')
check "note-taking-funding prints to at most 24 pages (${ntpages:-no PDF})" \
	test "${ntpages:-99}" -le 24
if [ -n "${PB_BROWSER_KEEP:-}" ]; then
	mkdir -p "$PB_BROWSER_KEEP" && cp "$T"/pdf/*.pdf "$PB_BROWSER_KEEP"/ 2>/dev/null
fi

# --- 4. the PDFs of build --pdf ----------------------------------------------
# pdf_checks OUT ID URL: the checks of the header on OUT/ID/ID.pdf.
pdf_checks() {
	o=$1; id=$2; url=$3
	pdf=$o/$id/$id.pdf
	html=$o/$id/index.html
	if [ ! -s "$pdf" ]; then
		not_ok "PDF written: $id/$id.pdf"
		return
	fi
	ok "PDF written: $id/$id.pdf"
	title=$(xmllint --nonet --xpath "normalize-space(//*[local-name()='head']/*[local-name()='title'])" "$html")
	author=$(xmllint --nonet --xpath "string(//*[local-name()='head']/*[local-name()='meta'][@name='author']/@content)" "$html")
	pdfinfo "$pdf" >"$T/info"
	check "PDF title is the page's <title> ($id)" test "$(sed -n 's/^Title: *//p' "$T/info")" = "$title"
	check "PDF author is the publisher ($id: $author)" test -n "$author" -a "$(sed -n 's/^Author: *//p' "$T/info")" = "$author"
	check "PDF is tagged ($id)" grep -qx 'Tagged: *yes' "$T/info"
	pdffonts "$pdf" | tail -n +3 >"$T/fonts"
	check "PDF embeds every font ($id: $(wc -l <"$T/fonts") fonts)" \
		sh -c '[ -s "$1" ] && awk "\$(NF-4) != \"yes\" { bad = 1 } END { exit bad }" "$1"' - "$T/fonts"
	qpdf --check "$pdf" >"$T/qpdf" 2>&1
	st=$?
	if [ "$st" -eq 0 ]; then ok "qpdf --check finds nothing ($id)"; else not_ok "qpdf --check finds nothing ($id): exit $st"; head -5 "$T/qpdf"; fi
	qpdf --json --json-key=outlines "$pdf" >"$T/outline.json" 2>/dev/null
	h1=$(xmllint --nonet --xpath "normalize-space((//*[local-name()='h1'])[1])" "$html")
	# (Chromium drops the space at a line break of a wrapped heading from
	# the outline's title: compared without spaces)
	check "PDF outline from the headings ($id: $(grep -c '"title":' "$T/outline.json") entries)" \
		sh -c '[ "$(grep -c "\"title\":" "$1")" -ge 2 ] && tr -d " " <"$1" | grep -qF "\"title\":\"$2\""' - "$T/outline.json" "$(printf %s "$h1" | tr -d ' ')"
	pdftotext -layout "$pdf" "$T/text"
	n=$(sed -n 's/^Pages: *//p' "$T/info")
	bad=""
	i=2
	while [ "$i" -le "${n:-0}" ]; do
		pg=$(pdftotext -layout -f "$i" -l "$i" "$pdf" - | tr -s ' \n' '  ')
		case $pg in *"$i of $n"*) ;; *) bad="$bad, page $i lacks '$i of $n'" ;; esac
		case $pg in *"$url"*) ;; *) bad="$bad, page $i lacks $url" ;; esac
		i=$((i + 1))
	done
	pg=$(pdftotext -layout -f 1 -l 1 "$pdf" - | tr -s ' \n' '  ')
	case $pg in *"1 of $n"*) bad="$bad, page 1 reads '1 of $n'" ;; esac
	case $pg in *"Published by "*) ;; *) bad="$bad, page 1 does not name its publisher" ;; esac
	if [ "${n:-0}" -ge 2 ] && [ -z "$bad" ]; then
		ok "PDF pages 2 to $n read 'N of $n' and $url; page 1 the publisher ($id)"
	else
		not_ok "PDF pages read 'N of M' and the URL ($id, $n pages)${bad}"
	fi
}
base=$(xmllint --nonet --xpath "normalize-space(/*[local-name()='project']/*[local-name()='base-url'])" input/peerbrief.xml)
for p in $packets; do
	pdf_checks "$T/out" "$p" "$base$p/"
done
check "the packets' pages link to their PDF" grep -qF 'href="note-taking-funding.pdf"' "$T/out/note-taking-funding/index.html"
check "the index links to each PDF" grep -qF 'href="accs-peer-roles/accs-peer-roles.pdf"' "$T/out/index.html"

# A small packet: one organization, one position.
cp -r tests/semantic/base "$T/small"
sed -i 's|<title>Test series</title>|<title>Test series</title>\n  <publisher>Small Test Coalition</publisher>\n  <base-url>https://example.net/p</base-url>|; s|</as-of>|</as-of>\n  <contact>https://example.net/contact</contact>|' "$T/small/peerbrief.xml"
if $PB build --pdf -i "$T/small" -o "$T/so" 2>"$T/err"; then
	ok "build --pdf a small packet"
	pdf_checks "$T/so" pk "https://example.net/p/pk/"
	$PB build --pdf -i "$T/small" -o "$T/so2" 2>"$T/err"
	check "a PDF built again is the same bytes" cmp "$T/so/pk/pk.pdf" "$T/so2/pk/pk.pdf"
	ino=$(ls -i "$T/so/pk/pk.pdf" | cut -d' ' -f1)
	$PB build --pdf -i "$T/small" -o "$T/so" 2>"$T/err"
	check "an unchanged packet keeps its PDF" test "$(ls -i "$T/so/pk/pk.pdf" | cut -d' ' -f1)" = "$ino"
	printf '\nA sentence added for the rebuild.\n' >>"$T/small/positions/pos.md"
	$PB build --pdf -i "$T/small" -o "$T/so" 2>"$T/err"
	check "a changed packet's PDF is printed again" sh -c \
		'pdftotext "$1" - | tr -s " \n" "  " | grep -qF "A sentence added for the rebuild."' - "$T/so/pk/pk.pdf"
	$PB build -i "$T/small" -o "$T/so" 2>"$T/err"
	check "a build without --pdf writes no PDF and links to none" sh -c \
		'[ ! -e "$1/pk/pk.pdf" ] && ! grep -q "pk.pdf" "$1/pk/index.html" "$1/index.html"' - "$T/so"
else
	not_ok "build --pdf a small packet"
	head -20 "$T/err"
fi

# --- 5. the feed and the index ---------------------------------------------
FEED=$T/out/feed.xml
# xp XPATH: the value of XPATH in feed.xml ("" when it selects nothing).
xp() { xmllint --nonet --xpath "$1" "$FEED" 2>/dev/null; }
# a NAME: an XPath step to the Atom element NAME
a() { echo "*[namespace-uri()='$ATOM' and local-name()='$1']"; }
F="/$(a feed)"
# RFC 3339 date-time, as Atom requires
rfc3339() {
	printf '%s\n' "$1" | grep -Eqx '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})'
}
# epoch DATETIME: seconds since 1970 (GNU date reads RFC 3339)
epoch() { date -u -d "$1" +%s 2>/dev/null || echo 0; }
# one NODESET: exactly one element, with text
one() { [ "$(xp "count($1)")" = 1 ] && [ -n "$(xp "normalize-space($1)")" ]; }

check "feed.xml is well-formed XML" xmllint --noout --nonet "$FEED"
check "feed.xml is an Atom 1.0 feed" test "$(xp "count($F)")" = 1
for e in id title updated; do
	check "feed has one $e" one "$F/$(a "$e")"
done
check "feed id is an IRI" sh -c 'printf "%s\n" "$1" | grep -Eq "^[A-Za-z][A-Za-z0-9+.-]*:"' - \
	"$(xp "normalize-space($F/$(a id))")"
fupdated=$(xp "normalize-space($F/$(a updated))")
check "feed updated is an RFC 3339 date-time ($fupdated)" rfc3339 "$fupdated"
check "feed has an author with a name" \
	test "$(xp "count($F/$(a author)/$(a name)[normalize-space()])")" -ge 1

nent=$(xp "count($F/$(a entry))")
npk=$(echo "$packets" | grep -c .)
check "feed has one entry per packet ($nent entries, $npk packets)" test "${nent:-0}" = "$npk"
i=0
prev=""
newest=0
order_ok=1
: >"$T/ids"
: >"$T/order"
while [ "$i" -lt "${nent:-0}" ]; do
	i=$((i + 1))
	E="$F/$(a entry)[$i]"
	id=$(xp "normalize-space($E/$(a id))")
	up=$(xp "normalize-space($E/$(a updated))")
	href=$(xp "string($E/$(a link)[not(@rel) or @rel='alternate'][1]/@href)")
	# the packet the entry links to: .../ID/ or .../ID/index.html
	pk=${href%index.html}
	pk=${pk%/}
	pk=${pk##*/}
	why=""
	one "$E/$(a id)" || why="$why, no single id"
	printf '%s\n' "$id" | grep -Eq '^[A-Za-z][A-Za-z0-9+.-]*:' || why="$why, id is not an IRI"
	one "$E/$(a title)" || why="$why, no single title"
	one "$E/$(a updated)" || why="$why, no single updated"
	rfc3339 "$up" || why="$why, updated '$up' is not RFC 3339"
	if [ -z "$href" ]; then
		why="$why, no alternate link"
	elif ! echo "$packets" | grep -qx "$pk"; then
		why="$why, alternate link '$href' is not a packet"
	fi
	if [ -z "$why" ]; then
		ok "feed entry $i ($pk): id, title, updated, alternate link"
	else
		not_ok "feed entry $i ($pk):${why#,}"
	fi
	echo "$id" >>"$T/ids"
	echo "$pk $up" >>"$T/order"
	rfc3339 "$up" || continue
	s=$(epoch "$up")
	if [ -n "$prev" ] && [ "$s" -gt "$prev" ]; then order_ok=0; fi
	prev=$s
	[ "$s" -gt "$newest" ] && newest=$s
done
check "feed entries have distinct ids" test -z "$(sort "$T/ids" | uniq -d)"
if [ "$order_ok" = 1 ]; then
	ok "feed entries are newest first"
else
	not_ok "feed entries are newest first"
	sed 's/^/#   /' "$T/order"
fi
check "feed updated is its newest entry's" test "$(epoch "$fupdated")" = "$newest"

# index.html: a link to every packet (ID/ or ID/index.html), and the
# packets in the order of their first links, newest first by the date of
# input/packets/ID.xml.
INDEX=$T/out/index.html
grep -o 'href="[^"]*"' "$INDEX" | sed 's/^href="//; s/"$//; s|^\./||; s|/index\.html$||; s|/$||' |
	awk '!seen[$0]++' >"$T/links"
for p in $packets; do
	check "index.html links to packet $p" grep -qx "$p" "$T/links"
done
: >"$T/dates"
grep -x -F "$packets" "$T/links" | while IFS= read -r p; do
	d=$(xmllint --nonet --xpath "normalize-space(/*[local-name()='packet']/*[local-name()='date'])" \
		"input/packets/$p.xml" 2>/dev/null)
	echo "$p ${d:-?}"
done >"$T/dates"
if sort -c -r -k2,2 "$T/dates" 2>/dev/null && ! grep -q ' ?$' "$T/dates"; then
	ok "index.html lists the packets newest first"
else
	not_ok "index.html lists the packets newest first"
	sed 's/^/#   /' "$T/dates"
fi
finish
