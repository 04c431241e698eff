# Writes IN/orgs/acme.xml: <source> holds 300 nested <b> on line 4.
awk 'BEGIN {
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	printf "<organization xmlns=\"urn:peerbrief:1\">\n  <name>Acme</name>\n"
	printf "  <source>"
	for (i = 0; i < 300; i++) printf "<b>"
	printf "deep"
	for (i = 0; i < 300; i++) printf "</b>"
	printf "</source>\n</organization>\n"
}' >IN/orgs/acme.xml
