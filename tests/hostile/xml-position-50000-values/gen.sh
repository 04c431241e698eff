# Writes in.xml: 50,000 references to orgname.program.rate (a figure
# convert has not: each an error), five to a
# line from line 5; each takes 39 bytes, so the k-th on a line is at
# column 39 * (k - 1) + 1.
awk 'BEGIN {
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	printf "<article xmlns=\"http://docbook.org/ns/docbook\" xmlns:pb=\"urn:peerbrief:1\" version=\"5.0\">\n"
	printf "<info><title>Many figures</title></info>\n<para>\n"
	for (i = 1; i <= 50000; i++) {
		printf "<pb:value ref=\"orgname.program.rate\"/> "
		if (i % 5 == 0)
			printf "\n"
	}
	printf "</para>\n</article>\n"
}' >in.xml
