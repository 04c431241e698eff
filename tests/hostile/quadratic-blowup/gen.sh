# Writes IN/orgs/acme.xml (some 100 KB).
awk 'BEGIN {
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	printf "<!DOCTYPE organization [<!ENTITY a \""
	for (i = 0; i < 20000; i++) printf "x"
	printf "\">]>\n<organization xmlns=\"urn:peerbrief:1\">\n  <name>"
	for (i = 0; i < 20000; i++) printf "&a;"
	printf "</name>\n  <source>Fictional test data.</source>\n</organization>\n"
}' >IN/orgs/acme.xml
