# Writes in.xml: 50,000 empty elements <pNNNNN:e/>, each of its own
# undeclared prefix, five to a line from line 5; each takes 12 bytes, so
# the k-th on a line is at column 12 * (k - 1) + 1.
awk 'BEGIN {
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	printf "<article xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\">\n"
	printf "<info><title>Many prefixes</title></info>\n<para>\n"
	for (i = 1; i <= 50000; i++) {
		printf "<p%05d:e/> ", i
		if (i % 5 == 0)
			printf "\n"
	}
	printf "</para>\n</article>\n"
}' >in.xml
