#!/bin/sh
# figures.sh - the figures against an independent computation: every value
# `figures --format json` prints, for all organizations and for each
# packet, equals what tests/figures/reference.py computes from the input
# XML itself (exact fractions, DESIGN.md's table), on the shipped input/
# and on the small inputs of tests/figures/small/ (year scope, assessments,
# visibility); golden JSON, CSV and explain keep their form.
. tests/lib.sh
G=tests/figures

for args in "input" "input --as-of 2027-01-15" "$G/small" \
    "$G/small --as-of 2025-02-28"; do
	# shellcheck disable=SC2086
	if python3 $G/reference.py "$PB" $args >"$T/ref" 2>&1; then
		ok "reference computation agrees ($args): $(tail -n 1 "$T/ref")"
	else
		not_ok "reference computation differs ($args)"
		cat "$T/ref"
	fi
done

golden() {	# NAME FILE COMMAND...
	n=$1; f=$2; shift 2
	if "$@" >"$T/out" 2>"$T/err" && diff -u "$f" "$T/out" >"$T/diff"; then
		ok "$n"
	else
		not_ok "$n"
		cat "$T/err" "$T/diff"
	fi
}
golden "figures json (all)" $G/all.json $PB figures --format json
for p in note-taking-funding accs-peer-roles; do
	golden "figures json ($p)" $G/$p.json $PB figures --packet $p --format json
done
golden "figures csv with --as-of" $G/accs-peer-roles-2027-01-15.csv \
    $PB figures --packet accs-peer-roles --as-of 2027-01-15 --format csv
golden "explain" $G/explain-dmh_payment.txt $PB explain riverbend.accs-fy2026.dmh_payment

# The JSON parses and has the shape DESIGN.md gives.
if command -v python3 >/dev/null 2>&1; then
	check "json shape" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for f in d["figures"]:
    assert set(f) == {"name", "value", "unit", "display", "formula", "inputs"}, f
    assert f["unit"] in ("usd", "ratio", "days", "count", "fte", "bool", "date", "year")
    for i in f["inputs"]:
        assert i["sources"], f["name"]
' $G/note-taking-funding.json
fi

# Unknown packet or figure: a usage error naming what exists.
$PB figures --packet nope >/dev/null 2>"$T/err"
check "unknown packet exits 2" test $? -eq 2
check "unknown packet lists packets" grep -q "accs-peer-roles, note-taking-funding" "$T/err"
$PB explain riverbend.accs-fy2026.dmh_paymnt >/dev/null 2>"$T/err"
check "unknown figure exits 2" test $? -eq 2
check "unknown figure suggests" grep -q "did you mean 'riverbend.accs-fy2026.dmh_payment'" "$T/err"
# A bad --as-of is a usage error like any bad option value: the format,
# then the command's usage line, exit 2, before input/ is read.
for cmd in "figures" "explain param.medicaid_share"; do
	$PB $cmd --as-of 10/05/2026 -i "$T/none" >"$T/out" 2>"$T/err"
	check "$cmd: bad --as-of exits 2" test $? -eq 2 -a ! -s "$T/out"
	c=${cmd%% *}
	printf "peerbrief %s: --as-of wants a date YYYY-MM-DD, not '10/05/2026'\nusage: peerbrief %s %s\nRun 'peerbrief %s --help' for its options.\n" \
	    "$c" "$c" "$($PB $c --help | sed -n 's/^usage: peerbrief [a-z]* //p')" "$c" >"$T/want"
	check "$cmd: bad --as-of: the format and the usage line" cmp -s "$T/want" "$T/err"
done
$PB figures --as-of 2026-13-01 >/dev/null 2>&1
check "bad --as-of exits 2" test $? -eq 2
# A command-line as-of names the option as its source, not a file.
$PB explain riverbend.certifications_overdue --as-of 2027-01-15 >"$T/out"
check "--as-of is sourced to the command line" grep -q \
    'peerbrief.as-of = 2027-01-15 *--as-of (command line)$' "$T/out"
$PB figures --as-of 2027-01-15 --format json >"$T/out"
check "--as-of source in json" grep -q '"sources": \["--as-of (command line)"\]' "$T/out"
check "check passes on input/" $PB check
# A public packet's sum by role names every member it adds up.
$PB explain -i $G/small --packet latest alder.peer_fte >"$T/out"
check "a sum by role names each summed value" grep -q \
    'alder.staff\[peer-specialist\].fte = 0.50 *orgs/alder.xml:35:49, orgs/alder.xml:39:49$' "$T/out"

# One organization as spreadsheets (tests/csv/harborview: a byte-order
# mark, CRLF, quoted cells, a cell with line breaks, columns in another
# order) gives the figures of its XML form, each sourced at its cell.
cp -r input "$T/xml"
cp -r input "$T/csv"
rm "$T/csv/orgs/harborview.xml"
cp -r tests/csv/harborview "$T/csv/orgs/"
nosrc() { sed 's/"sources": \[[^]]*\]//g' "$1"; }
for p in "" note-taking-funding accs-peer-roles; do
	for f in xml csv; do
		(cd "$T" && $PB figures -i $f ${p:+--packet $p} --format json) \
		    >"$T/$f.json" 2>"$T/err" || cat "$T/err"
		nosrc "$T/$f.json" >"$T/$f.nosrc"
	done
	if grep -q harborview "$T/csv.nosrc" &&
	    diff -u "$T/xml.nosrc" "$T/csv.nosrc" >"$T/diff"; then
		ok "CSV and XML forms give the same figures (${p:-all})"
	else
		not_ok "CSV and XML forms give the same figures (${p:-all})"
		head -20 "$T/diff"
	fi
done
(cd "$T" && $PB explain -i csv harborview.accs-fy2026.dmh_payment) >"$T/out"
check "a CSV value is sourced at its cell (quoted: its opening quote)" \
    grep -q ' orgs/harborview/programs.csv:3:37' "$T/out"
(cd "$T" && $PB explain -i csv harborview.ps2.certification_due) >"$T/out"
check "a staff value is sourced at its cell" \
    grep -q ' orgs/harborview/staff.csv:3:25' "$T/out"
# templates/numbers.xsl (pb-display) words every figure the outputs show,
# the figures reports' included, a date with dates.xsl's pb-date: each
# worded by hand below. vals UNIT VALUE... writes pb:values of one unit.
vals() {
	u=$1
	shift
	for v; do
		printf '<pb:value unit="%s" value="%s"/>' "$u" "$v"
	done
}
{
	printf '%s' '<pb:displays xmlns:pb="urn:peerbrief:1">'
	vals date 2027-03-02 2026-11-15 2028-02-29 2026-01-01 9999-09-30 \
	    2026-12-31 2017-03 2017 2026-13-01 "not a date"
	printf '%s\n' '</pb:displays>'
} >"$T/dates.xml"
printf '%s\n' "March 2, 2027" "November 15, 2026" "February 29, 2028" \
    "January 1, 2026" "September 30, 9999" "December 31, 2026" \
    "March 2017" "2017" "2026-13-01" "not a date" >"$T/dates.want"
xsltproc templates/numbers.xsl "$T/dates.xml" >"$T/dates.out" 2>&1
check "numbers.xsl words dates as 'March 2, 2027', 'March 2017', '2017'" \
    diff -u "$T/dates.want" "$T/dates.out"
# a ratio from its tenths of a percent (per-mille, rounded by the
# program) or, too small for those, its hundredths (basis-points); an
# FTE as its value, a boolean as yes/no, money and counts grouped
{
	printf '%s' '<pb:displays xmlns:pb="urn:peerbrief:1">'
	for p in 256 260 0 1 5 999 1000 12000 -333 -1 \
	    9223372036854775807000; do
		printf '<pb:value unit="ratio" value="x" per-mille="%s"/>' "$p"
	done
	for b in 5 4 1 0 -3; do
		printf '<pb:value unit="ratio" value="x" per-mille="0" basis-points="%s"/>' "$b"
	done
	vals fte 1.50 0.00 12.25
	vals bool true false
	vals usd 4566150.00 104.25 0.05 -12.50 31296764.00
	vals days 10950 0 999 1000
	vals count 1234567 -1000
	vals year 2026
	printf '%s\n' '</pb:displays>'
} >"$T/figs.xml"
printf '%s\n' 25.6% 26.0% 0.0% 0.1% 0.5% 99.9% 100.0% 1,200.0% -33.3% \
    -0.1% 922,337,203,685,477,580,700.0% \
    0.05% 0.04% 0.01% '<0.01%' -0.03% \
    1.50 0.00 12.25 yes no \
    '$4,566,150' '$104.25' '$0.05' '-$12.50' '$31,296,764' \
    10,950 0 999 1,000 1,234,567 -1,000 FY2026 >"$T/figs.want"
xsltproc templates/numbers.xsl "$T/figs.xml" >"$T/figs.out" 2>&1
check "numbers.xsl words 256 per mille as 25.6%, true as yes, 2026 as FY2026" \
    diff -u "$T/figs.want" "$T/figs.out"
(cd "$T" && $PB explain -i xml harborview.ps2.certification_due) >"$T/out"
check "explain words a date figure's display" \
    grep -qx '  display: September 16, 2026' "$T/out"
# and a fiscal year as "FY2026", in explain as on the page
(cd "$T" && $PB explain -i xml --packet note-taking-funding \
    packet.fiscal_year) >"$T/out"
check "explain words a fiscal year figure's display" \
    grep -qx '  display: FY2026' "$T/out"
# templates/numbers.xsl words the tree's raw numbers, money in cents and
# counts, exactly however long: each worded by hand below
cp templates/numbers.xsl templates/dates.xsl "$T/"
printf '%s\n' \
    '<xsl:stylesheet version="1.0"' \
    '    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">' \
    '  <xsl:import href="numbers.xsl"/>' \
    '  <xsl:output method="text"/>' \
    '  <xsl:template match="m"><xsl:call-template name="pb-money">' \
    '    <xsl:with-param name="cents" select="string(.)"/>' \
    '  </xsl:call-template><xsl:text>&#10;</xsl:text></xsl:template>' \
    '  <xsl:template match="c"><xsl:call-template name="pb-count">' \
    '    <xsl:with-param name="n" select="string(.)"/>' \
    '  </xsl:call-template><xsl:text>&#10;</xsl:text></xsl:template>' \
    '</xsl:stylesheet>' >"$T/num.xsl"
printf '%s' '<r><m>10425</m><m>456615000</m><m>123401</m><m>0</m>' \
    '<m>5</m><m>50</m><m>99999</m><m>100000</m><m>-1250</m><m>-100</m>' \
    '<m>-5</m><m>9223372036854775807</m><m>-9223372036854775808</m>' \
    '<c>0</c><c>999</c><c>1000</c><c>11200</c><c>1234567</c><c>-1</c>' \
    '<c>-1000</c><c>-9223372036854775808</c></r>' >"$T/num.xml"
printf '%s\n' '$104.25' '$4,566,150' '$1,234.01' '$0' '$0.05' '$0.50' \
    '$999.99' '$1,000' '-$12.50' '-$1' '-$0.05' \
    '$92,233,720,368,547,758.07' '-$92,233,720,368,547,758.08' \
    0 999 1,000 11,200 1,234,567 -1 -1,000 -9,223,372,036,854,775,808 \
    >"$T/num.want"
xsltproc "$T/num.xsl" "$T/num.xml" >"$T/num.out" 2>&1
check "numbers.xsl words 10425 cents as \$104.25 and 11200 as 11,200" \
    diff -u "$T/num.want" "$T/num.out"
finish
