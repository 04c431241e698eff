# Writes in.md: 10,000 "- " then "x" on line 4.
awk 'BEGIN {
	printf "---\ntitle: Lists\n---\n"
	for (i = 0; i < 10000; i++) printf "- "
	printf "x\n"
}' >in.md
