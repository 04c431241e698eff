# Writes IN/orgs/acme.xml with <name aaa...a="1"> (50,000 a's) on line 3.
awk 'BEGIN {
	for (i = 0; i < 50000; i++) n = n "a"
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	printf "<organization xmlns=\"urn:peerbrief:1\">\n"
	printf "  <name %s=\"1\">Acme</name>\n", n
	printf "  <source>Fictional test data.</source>\n</organization>\n"
}' >IN/orgs/acme.xml
