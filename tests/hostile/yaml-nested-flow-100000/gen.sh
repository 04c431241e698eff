# Writes in.md: "tags: [[[...]]]" 100,000 deep on line 3.
awk 'BEGIN {
	printf "---\ntitle: YAML\ntags: "
	for (i = 0; i < 100000; i++) printf "["
	for (i = 0; i < 100000; i++) printf "]"
	printf "\n---\nBody.\n"
}' >in.md
