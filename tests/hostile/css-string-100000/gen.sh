# the title: 10,000 times "Peer note" and one of " < > & \ (escaped in
# the XML as need be), 100,000 characters
awk 'BEGIN {
	split("\"|&lt;|&gt;|&amp;|\\", c, "|")
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet xmlns=\"urn:peerbrief:1\">\n  <title>"
	for (i = 0; i < 10000; i++)
		printf "Peer note%s", c[i % 5 + 1]
	printf "</title>\n  <date>2026-11-15</date>\n  <organizations><org ref=\"acme\"/></organizations>\n"
	printf "  <positions><position ref=\"pos\"/></positions>\n</packet>\n"
}' >IN/packets/pk.xml
# and a link of 100,000 characters, a "%" not starting an escape in every
# ten, which the DocBook mends to "%25" (halving too)
awk 'BEGIN {
	printf "---\ntitle: A position\n---\nA [long link](http://example.org/"
	for (i = 0; i < 10000; i++)
		printf "%s", "a%zb-c_d.e"
	printf ").\n"
}' >IN/positions/pos.md
