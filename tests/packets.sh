#!/bin/sh
# packets.sh [--update] - what a built packet shows:
#   - golden packets: tests/figures/small/ built, the public packet "latest"
#     and the internal packet "earlier" equal tests/packets/NAME.html
#     (without the inlined style.css) and NAME.dbk (regenerate only on
#     purpose with --update, and review the change);
#   - no staff member's id, dates or ORG.MEMBER.* figure reaches any output
#     of a public packet (tests/packets/check.py private), on both inputs;
#   - an internal packet carries robots noindex and is in neither the index
#     nor the feed; a public one is in both;
#   - every table caption appears once in each HTML and DocBook file;
#   - no caption a reader sees repeats the heading its table stands under
#     (check.py repeats; input/ and a position with two tables);
#   - every generated table but the organizations at a glance is stacked
#     on a phone, each data cell labelled with its column's heading
#     (check.py stacked);
#   - each organization's row at a glance links to its own entry in the
#     packet's body (tests/packets/check.py glance);
#   - FTE is spelled out at its first use, once (check.py fte);
#   - the DocBook's highlights hold the HTML's labels and contexts
#     (check.py highlights);
#   - the parts a build renders once and splices into every packet that
#     shows them alike (render.c's splice) come out as each packet alone
#     renders them: packets sharing organizations, with other highlights,
#     orders, years, visibility and placed tables, each built in a whole
#     build and in a project of its own.
. tests/lib.sh
update=0
[ "${1:-}" = --update ] && update=1
S=tests/figures/small
G=tests/packets

check "build the small input" $PB build -i $S -o "$T/small"
check "build input/" $PB build -i input -o "$T/out"
for p in latest earlier; do
	sed '/<style>/,/<\/style>/d' "$T/small/$p/index.html" >"$T/$p.html"
	for f in "$p.html:$T/$p.html" "$p.dbk:$T/small/$p/$p.dbk"; do
		want=$G/${f%%:*}
		got=${f#*:}
		[ "$update" = 1 ] && cp "$got" "$want"
		if diff -u "$want" "$got" >"$T/diff"; then
			ok "golden packet $(basename "$want")"
		else
			not_ok "golden packet $(basename "$want")"
			head -60 "$T/diff"
		fi
	done
done

for io in "input:$T/out" "$S:$T/small"; do
	if python3 $G/check.py private "${io%%:*}" "${io#*:}" >"$T/leaks"; then
		ok "no staff data in a public packet's outputs (${io%%:*})"
	else
		not_ok "no staff data in a public packet's outputs (${io%%:*})"
		head -20 "$T/leaks"
	fi
done
check "the internal packet shows its staff" grep -q '<th scope="row">p2</th>' "$T/small/earlier/index.html"
check "the internal packet asks not to be indexed" \
	grep -Eq '<meta name="robots" content="noindex" ?/?>' "$T/small/earlier/index.html"
check "a public packet does not" sh -c '! grep -q "robots" "$1"' - "$T/small/latest/index.html"
check "the internal packet is not in the index" sh -c '! grep -q "earlier/" "$1"' - "$T/small/index.html"
check "the internal packet is not in the feed" sh -c '! grep -q "earlier/" "$1"' - "$T/small/feed.xml"
check "a public packet is in the index" grep -q 'latest/' "$T/small/index.html"
check "a public packet is in the feed" grep -q 'latest/' "$T/small/feed.xml"

# Contract dates are worded as the other dates are (input/orgs/harborview.xml
# says since="2018-07-01"), in the HTML and the DocBook.
for f in "$T/out/accs-peer-roles/index.html" "$T/out/accs-peer-roles/accs-peer-roles.dbk"; do
	check "contract dates worded in ${f##*/}" sh -c \
	    'grep -qF "ACCS since July 1, 2018" "$1" && ! grep -Eq "since [0-9]{4}-" "$1"' - "$f"
done

# Key-figure sentences read right for 0, 1 and many (the verb agrees with
# the count; one organization or program is named as one), and each amount
# is said with its year.
keyfig() {	# PACKET: its key figures as plain text, one line
	sed -n '/<ul class="key-figures">/,/<\/ul>/p' "$T/small/$1/index.html" |
	    sed 's/<[^>]*>//g' | tr '\n' ' '
}
for c in "latest:1 of 2 programs reaches the statewide" \
    "earlier:the packet's one program does not reach the statewide" \
    "earlier:DMH paid this program \$255,474.45 for FY2024, and" \
    "earlier:a peer's note made billable in FY2024 is" \
    "latest:DMH paid these programs \$1,212,221.01 for FY2025, and" \
    "earlier:None of the 2 organizations keeps peers out" \
    "empty:This packet looks at 1 organization (Cedar Point)" \
    "empty:Cedar Point has peers write no progress notes at all; it asks peers to do nothing" \
    "none:They reported no program for FY2030, so the packet has no funding totals" \
    "none:1 has at least one practice"; do
	check "key figures of ${c%%:*}: ${c#*:}" sh -c \
	    'printf "%s" "$1" | grep -qF -- "$2"' - "$(keyfig "${c%%:*}")" "${c#*:}"
done
for p in latest earlier empty none; do
	check "key figures of $p: no \"of 1 programs\", \"1 ... reach \" or \"0 of\"" sh -c \
	    '! printf "%s" "$1" | grep -Eq -- "of 1 [a-z]+s|(^|[^0-9])1 of [0-9]+ programs reach |(^|[^0-9])0 of |their 0 "' - "$(keyfig $p)"
done

# The shipped positions read right for the counts and years they show:
# a count of organizations comes before its total, whatever it is ("in 1
# of the 4 organizations", never "1 keep"), and an amount names its year.
ptext() {	# PACKET: its HTML as plain text, one line
	sed 's/<[^>]*>//g' "$T/out/$1/index.html" | tr -s ' \n' '  '
}
for c in "note-taking-funding:Peers write no progress notes at all in 1 of the 4 organizations" \
    "note-taking-funding:What those notes bring in is \$145,040 in FY2026," \
    "accs-peer-roles:at least one of them in 2 of the 3 organizations"; do
	check "input/ packet ${c%%:*} reads: ${c#*:}" sh -c \
	    'printf "%s" "$1" | grep -qF -- "$2"' - "$(ptext "${c%%:*}")" "${c#*:}"
done

# An organization's name in the at-a-glance table leads to its own entry
# in the packet (Where the data come from), not to the appendix.
# shellcheck disable=SC2046
if python3 $G/check.py glance $(find "$T/out" "$T/small" -name index.html \
    -path '*/*/index.html' ! -path "$T/out/index.html" ! -path "$T/small/index.html" \
    -exec grep -l 'id="orgs-glance"' {} +) >"$T/glance"; then
	ok "each organization at a glance links to its own entry"
else
	not_ok "each organization at a glance links to its own entry"
	cat "$T/glance"
fi

# FTE is spelled out where a reader first meets it, and only there.
if python3 $G/check.py fte "$T"/out/*/index.html "$T"/out/*/*.dbk \
    "$T"/small/*/index.html "$T"/small/*/*.dbk >"$T/fte"; then
	ok "FTE spelled out at its first use, once"
else
	not_ok "FTE spelled out at its first use, once"
	cat "$T/fte"
fi

# The DocBook's table of the organizations has the HTML's column headings,
# and each name leads to the organization's own entry.
for d in "$T"/out/*/ "$T"/small/*/; do
	p=$(basename "$d")
	[ -f "$d/index.html" ] && grep -q 'id="orgs-glance"' "$d/index.html" || continue
	if python3 $G/check.py glance-dbk "$d/index.html" "$d/$p.dbk" >"$T/gd"; then
		ok "DocBook organizations: the HTML's headings, names linked ($p)"
	else
		not_ok "DocBook organizations: the HTML's headings, names linked ($p)"
		cat "$T/gd"
	fi
done

# A Family Partner or Recovery Coach share in the highlights says whether
# it is over its limit, and the limit (input/peerbrief.xml leaves them
# at 25% and 34%; riverbend's share is 1 of 3 FTE, harborview's 1.8 of 4.3).
hltext() {	# FILE: its highlights as plain text, one line
	sed -n '/<dl class="highlights">/,/<\/dl>/p; /<title>Highlights<\/title>/,/<\/table>/p' "$1" |
	    sed 's/<[^>]*>//g' | tr -s ' \n' '  '
}
for c in "index.html:33.3% above the 25.0% limit" "index.html:41.9% above the 34.0% limit" \
    "accs-peer-roles.dbk:33.3%, above the 25.0% limit" "accs-peer-roles.dbk:41.9%, above the 34.0% limit"; do
	check "accs-peer-roles ${c%%:*} highlights: ${c#*:}" sh -c \
	    'printf "%s" "$1" | grep -qF -- "$2"' - "$(hltext "$T/out/accs-peer-roles/${c%%:*}")" "${c#*:}"
done

# The appendix says a value's extras in plain words, only what the value
# does not say itself: "26.5% (a ratio of 0.264600)", "69,350 days", and
# nothing after a fiscal year, a date, yes or no or a count, where it read
# "FY2026 (exact: 2026 year)" and "6 (count)".
for f in "$T"/out/*/index.html "$T"/out/*/*.dbk "$T"/small/*/index.html "$T"/small/*/*.dbk; do
	check "appendix in plain words: ${f#"$T"/}" sh -c \
	    '! grep -Eq "\(exact(ly)?[: ]|\((count|days|year|date|ratio|yes or no|full-time equivalents)\)" "$1" &&
	     grep -q "(a ratio of " "$1"' - "$f"
done
check "appendix of note-taking-funding: a ratio, days, a year" sh -c \
    'printf "%s" "$1" | grep -qF "26.5% (a ratio of 0.264600)" &&
     printf "%s" "$1" | grep -qF "69,350 days" &&
     printf "%s" "$1" | grep -qF "packet.fiscal_yearFY2026 · Formula"' - \
    "$(sed -n '/id="appendix"/,$p' "$T/out/note-taking-funding/index.html" | sed 's/<[^>]*>//g' | tr -s ' \n' '  ')"

# A figure of one of two programs of the same kind and year (millbrook's
# ACCS FY2026 programs) names its program, where both read "ACCS FY2026".
cp -r input "$T/two"
sed -i 's|<highlights>|<highlights>\n    <figure ref="millbrook.accs-ya-fy2026.zero_rdays"/>\n    <figure ref="riverbend.accs-fy2026.rday_rate"/>|' "$T/two/packets/note-taking-funding.xml"
if $PB build -q -i "$T/two" -o "$T/twoout" 2>"$T/err"; then
	check "a highlight of one of two ACCS FY2026 programs names it" sh -c \
	    'grep -qF "<span class=\"context\">Millbrook Recovery Partners, ACCS FY2026 (accs-ya-fy2026)</span>" "$1" &&
	     grep -qF "<span class=\"context\">Riverbend Community Services, ACCS FY2026</span>" "$1"' - \
	    "$T/twoout/note-taking-funding/index.html"
else
	not_ok "build input/ with two more highlights"
	head -5 "$T/err"
fi

# The DocBook's highlights name their programs, year and organization as
# the HTML's do.
for d in "$T"/out/*/ "$T"/small/*/; do
	p=$(basename "$d")
	[ -f "$d/index.html" ] && grep -q 'class="highlight"' "$d/index.html" || continue
	if python3 $G/check.py highlights "$d/index.html" "$d/$p.dbk" >"$T/hl"; then
		ok "DocBook highlights say what the HTML's say ($p)"
	else
		not_ok "DocBook highlights say what the HTML's say ($p)"
		cat "$T/hl"
	fi
done

# shellcheck disable=SC2046
if python3 $G/check.py captions $(find "$T/out" "$T/small" -name index.html \
    -path '*/*/index.html' ! -path "$T/out/index.html" ! -path "$T/small/index.html") \
    $(find "$T/out" "$T/small" -name '*.dbk') >"$T/caps"; then
	ok "every table caption appears once"
else
	not_ok "every table caption appears once"
	cat "$T/caps"
fi

# A caption that would say what the heading above it says is for screen
# readers only: a position's table has no title of its own (the schema
# allows none), so its caption is the title of its section or, straight
# under the position's title, that title.
cp -r tests/semantic/base "$T/caps-in"
rm "$T/caps-in/positions/pos.md"
cat >"$T/caps-in/positions/pos.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<article xmlns="http://docbook.org/ns/docbook" version="5.0">
  <info><title>Tables and headings</title></info>
  <informaltable><tr><td>under the position's title</td></tr></informaltable>
  <section>
    <title>Roles <emphasis>and</emphasis> duties</title>
    <informaltable><tr><td>under a section's title</td></tr></informaltable>
  </section>
</article>
XML
if $PB build -i "$T/caps-in" -o "$T/caps-out" 2>"$T/err"; then
	h=$T/caps-out/pk/index.html
	check "a caption that repeats the position's title is for screen readers only" \
	    grep -q '<caption id="[^"]*" class="visually-hidden">Tables and headings</caption>' "$h"
	check "a caption that repeats its section's title is for screen readers only" \
	    grep -q '<caption id="[^"]*" class="visually-hidden">Roles <em>and</em> duties</caption>' "$h"
	check "no caption a reader sees repeats the heading above it" \
	    python3 $G/check.py repeats "$h" "$T"/out/*/index.html "$T"/small/*/index.html
else
	not_ok "build a position whose tables stand under headings"
	head -20 "$T/err"
fi

# shellcheck disable=SC2046
if python3 $G/check.py stacked $(find "$T/out" "$T/small" -name index.html \
    -path '*/*/index.html' ! -path "$T/out/index.html" ! -path "$T/small/index.html") >"$T/stacked"; then
	ok "every generated table stacks on a phone, each cell under its column's heading"
else
	not_ok "every generated table stacks on a phone, each cell under its column's heading"
	head -20 "$T/stacked"
fi
# Shared parts: a whole build of packets that share organizations against
# each packet built in a project of its own, where nothing is shared.
P=$T/shared
cp -r input "$P"
base=input/packets/accs-peer-roles.xml
# three packets alike: a part is kept when the first renders it and
# spliced into the others
for v in same same-again; do
	sed "s|<title>[^<]*|<title>The same organizations, $v|" \
	    "$base" >"$P/packets/v-$v.xml"
done
sed '/<figure ref="param.certification_window_months"\/>/,/<\/highlights>/{/<\/highlights>/!d}' \
    "$base" >"$P/packets/v-highlights.xml"
# a highlight fewer that the tables still show: the same figures
sed '/<figure ref="packet.orgs_with_practice_conflicts"\/>/d' \
    "$base" >"$P/packets/v-highlight-fewer.xml"
sed 's|<org ref="riverbend"/>|<org ref="millbrook"/>|; t; s|<org ref="millbrook"/>|<org ref="riverbend"/>|' \
    "$base" >"$P/packets/v-order.xml"
sed 's|<packet xmlns="urn:peerbrief:1">|<packet xmlns="urn:peerbrief:1" visibility="internal">|' \
    "$base" >"$P/packets/v-internal.xml"
sed 's|<position ref="certification"/>|<position ref="note-taking"/>|' \
    "$base" >"$P/packets/v-placed.xml"
sed 's|</date>|</date><fiscal-year>2025</fiscal-year>|' \
    "$base" >"$P/packets/v-year.xml"
sed '/<org ref="harborview"\/>/d; /<org ref="millbrook"\/>/d; /harborview\.\|millbrook\./d' \
    "$base" >"$P/packets/v-one.xml"
# the base's positions and one more that places the funding table: the
# same figures, one section fewer
printf -- '---\ntitle: Funding, placed\n---\n\nThe funding table:\n\n```=funding\n```\n' \
    >"$P/positions/placed-funding.md"
sed 's|<position ref="certification"/>|&<position ref="placed-funding"/>|' \
    "$base" >"$P/packets/v-placed-only.xml"
# the same table placed by another position: kept from the packet before,
# written with this position's ids
cp "$P/positions/placed-funding.md" "$P/positions/placed-funding-b.md"
sed 's|<position ref="certification"/>|&<position ref="placed-funding-b"/>|' \
    "$base" >"$P/packets/v-placed-other.xml"
# one worker: the packets in the order of their names; two: shared by threads
check "build packets that share organizations, one worker" \
    $PB build -q -j 1 -i "$P" -o "$T/shared-out"
check "build packets that share organizations, two workers" \
    $PB build -q -j 2 -i "$P" -o "$T/shared-out2"
check "shared parts: one worker and two give the same packets" \
    diff -r -x .manifest "$T/shared-out" "$T/shared-out2"
for f in "$P"/packets/*.xml; do
	id=$(basename "$f" .xml)
	A=$T/alone-$id
	cp -r "$P" "$A"
	rm -r "$A/packets" "$A/positions"
	mkdir "$A/packets" "$A/positions"
	cp "$f" "$A/packets"
	# its own positions only: the others, in no packet, may not stand alone
	for pos in $(grep -o '<position ref="[^"]*"' "$f" | cut -d'"' -f2); do
		cp "$P/positions/$pos".* "$A/positions"
	done
	if $PB build -q -i "$A" -o "$A.out" &&
	    diff -r "$A.out/$id" "$T/shared-out/$id" >"$T/diff"; then
		ok "shared parts: $id as it is alone"
	else
		not_ok "shared parts: $id as it is alone"
		head -c 2000 "$T/diff"
	fi
done
check "shared parts: a table placed by another position has that position's ids" sh -c '
	grep -q "id=\"pos-placed-funding-b_funding-1\"" "$1" &&
	    ! grep -q "pos-placed-funding_" "$1"' - "$T/shared-out/v-placed-other/index.html"
check "shared parts: each variant differs from the base" sh -c '
	for v in highlights highlight-fewer order internal placed placed-only \
	    placed-other year one; do
		cmp -s "$1/accs-peer-roles/accs-peer-roles.dbk" \
		    "$1/v-$v/v-$v.dbk" && exit 1
	done; exit 0' - "$T/shared-out"

finish
