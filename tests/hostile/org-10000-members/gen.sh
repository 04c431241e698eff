# Writes IN/orgs/acme.xml: one program and 10,000 members, four to a line;
# member 9999 is certified before it was hired.
awk 'BEGIN {
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	printf "<organization xmlns=\"urn:peerbrief:1\">\n  <name>Acme (fictional)</name>\n"
	printf "  <program id=\"accs-fy2026\" contract=\"ACCS\" fiscal-year=\"2026\">"
	printf "<enrolled-persons>10</enrolled-persons><enrolled-days>3650</enrolled-days>"
	printf "<daily-rate currency=\"USD\">100.00</daily-rate><rdays documented-by=\"staff\">900</rdays>"
	printf "<rdays documented-by=\"peer-only\">10</rdays></program>\n  <staff>\n"
	for (i = 1; i <= 10000; i++) {
		printf "<member id=\"m%d\" role=\"peer-specialist\" fte=\"0.10\" hired=\"2026-03-02\"%s/>", i,
		    i == 9999 ? " certified=\"2026-03-01\"" : ""
		if (i % 4 == 0)
			printf "\n"
	}
	printf "  </staff>\n  <source>Generated.</source>\n</organization>\n"
}' >IN/orgs/acme.xml
