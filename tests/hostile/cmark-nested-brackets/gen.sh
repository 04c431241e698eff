# Writes in.md: 100,000 "[" then "x" on line 4.
awk 'BEGIN {
	printf "---\ntitle: Brackets\n---\n"
	for (i = 0; i < 100000; i++) printf "["
	printf "x\n"
}' >in.md
