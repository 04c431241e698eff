# Writes in.xml: 5,000 nested <blockquote> on line 4.
awk 'BEGIN {
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	printf "<article xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\">\n"
	printf "  <info><title>Deep</title></info>\n"
	for (i = 0; i < 5000; i++) printf "<blockquote>"
	printf "<para>deep</para>"
	for (i = 0; i < 5000; i++) printf "</blockquote>"
	printf "\n</article>\n"
}' >in.xml
