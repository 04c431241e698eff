# Writes IN/orgs/acme.xml with <aaa...a> (50,000 a's) on line 4.
awk 'BEGIN {
	for (i = 0; i < 50000; i++) n = n "a"
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	printf "<organization xmlns=\"urn:peerbrief:1\">\n  <name>Acme</name>\n"
	printf "  <%s>x</%s>\n", n, n
	printf "  <source>Fictional test data.</source>\n</organization>\n"
}' >IN/orgs/acme.xml
