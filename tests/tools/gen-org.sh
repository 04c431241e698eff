#!/bin/sh
# gen-org.sh FILE MEMBERS FTE [EARLY] - writes FILE, the fictional
# organization Acme with one ACCS program and MEMBERS peer specialists
# (m1, m2, ...) of FTE each, hired 2026-03-02, four to a line; member
# EARLY, when given, is certified 2026-03-01, before its hire date. For
# the tests of large staffs (tests/build.sh, tests/hostile/org-10000-members).
set -eu
awk -v n="$2" -v fte="$3" -v early="${4:-0}" 'BEGIN {
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	printf "<organization xmlns=\"urn:peerbrief:1\">\n  <name>Acme (fictional)</name>\n"
	printf "  <program id=\"accs-fy2026\" contract=\"ACCS\" fiscal-year=\"2026\">"
	printf "<enrolled-persons>10</enrolled-persons><enrolled-days>3650</enrolled-days>"
	printf "<daily-rate currency=\"USD\">100.00</daily-rate><rdays documented-by=\"staff\">900</rdays>"
	printf "<rdays documented-by=\"peer-only\">10</rdays></program>\n  <staff>\n"
	for (i = 1; i <= n; i++) {
		printf "<member id=\"m%d\" role=\"peer-specialist\" fte=\"%s\" hired=\"2026-03-02\"%s/>", i,
		    fte, i == early ? " certified=\"2026-03-01\"" : ""
		if (i % 4 == 0 || i == n)
			printf "\n"
	}
	printf "  </staff>\n  <source>Generated.</source>\n</organization>\n"
}' >"$1"
