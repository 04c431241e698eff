# Writes in.md: front matter and 174,763 "![[]()" (1,048,578 bytes and a line feed) on line 4.
awk 'BEGIN {
	printf "---\ntitle: Brackets\n---\n"
	for (i = 0; i < 174763; i++) printf "![[]()"
	printf "\n"
}' >in.md
