# Writes in.md: "tags: [[[...]]]" 20,000 deep, within the size cap on line 3.
awk 'BEGIN {
	printf "---\ntitle: YAML\ntags: "
	for (i = 0; i < 20000; i++) printf "["
	for (i = 0; i < 20000; i++) printf "]"
	printf "\n---\nBody.\n"
}' >in.md
