# Writes in.md: front matter and 20,480 "![[]()" (122,880 bytes) on line 4.
awk 'BEGIN {
	printf "---\ntitle: Brackets\n---\n"
	for (i = 0; i < 20480; i++) printf "![[]()"
	printf "\n"
}' >in.md
