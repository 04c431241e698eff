# Writes in.md: 150 ">" and a word on line 4.
awk 'BEGIN {
	printf "---\ntitle: Quotes\n---\n"
	for (i = 0; i < 150; i++) printf ">"
	printf " deep\n"
}' >in.md
