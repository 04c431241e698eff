#!/bin/sh
# gen.sh DIR [POSITIONS] - writes a benchmark input folder: POSITIONS
# (default 1000) Markdown positions of about 7 KB, in packets of 10, over two
# fictional organizations. The same arguments always give the same files.
set -eu
dir=$1
n=${2:-1000}
rm -rf "$dir"
mkdir -p "$dir/orgs" "$dir/packets" "$dir/positions"
cat >"$dir/peerbrief.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="urn:peerbrief:1">
  <title>Benchmark series</title>
  <publisher>Benchmark (fictional)</publisher>
  <as-of>2026-11-01</as-of>
</project>
XML
for o in alpha beta; do
	cat >"$dir/orgs/$o.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<organization xmlns="urn:peerbrief:1">
  <name>Org $o (fictional)</name>
  <practices>
    <practice name="peer-progress-notes">no</practice>
    <practice name="peer-in-treatment-plans">yes</practice>
  </practices>
  <program id="accs-fy2026" contract="ACCS" fiscal-year="2026">
    <enrolled-persons>120</enrolled-persons>
    <enrolled-days>43800</enrolled-days>
    <daily-rate currency="USD">104.25</daily-rate>
    <rdays documented-by="staff">11200</rdays>
    <rdays documented-by="peer-only">180</rdays>
  </program>
  <staff>
    <member id="ps1" role="peer-specialist" fte="1.0" hired="2026-03-02"/>
    <member id="fp1" role="family-partner" fte="0.5" hired="2025-01-10"/>
  </staff>
  <source>Generated benchmark data; fictional.</source>
</organization>
XML
done
awk -v n="$n" -v dir="$dir" '
BEGIN {
	srand(1)
	split("peer support mutuality partnership contract payment enrolled " \
	    "days documentation notes treatment plan recovery coach family " \
	    "partner supervisor certification training rights officer harm " \
	    "reduction program provider team ratio funding Medicaid rate " \
	    "average state practice conflict code ethics voice choice", w, " ")
	nw = 0; for (k in w) nw++
	for (i = 1; i <= n; i++) {
		f = sprintf("%s/positions/p%05d.md", dir, i)
		printf "---\ntitle: Position %d\nauthors: [Benchmark]\n" \
		    "date: 2026-11-01\nsummary: Generated position %d.\n---\n", \
		    i, i > f
		size = 0
		sec = 0
		while (size < 7400) {
			if (size % 1700 < 400 && size > 0 || size == 0) {
				sec++
				printf "\n## Section %d\n\n", sec > f
				size += 16
			}
			line = ""
			for (j = 0; j < 60; j++) {
				word = w[int(rand() * nw) + 1]
				r = rand()
				if (r < 0.03) word = "*" word "*"
				else if (r < 0.05) word = "**" word "**"
				else if (r < 0.06) word = "[" word "](https://example.org/" word ")"
				else if (r < 0.065) word = "`=packet.peer_note_share_of_payment`"
				else if (r < 0.07) word = "`=alpha.accs-fy2026.rday_rate`"
				line = line (j ? " " : "") word
			}
			if (rand() < 0.2) {
				printf "- %s\n- %s\n- %s\n\n", substr(line, 1, 80), \
				    substr(line, 81, 80), substr(line, 161, 80) > f
			} else
				printf "%s.\n\n", line > f
			size += length(line) + 3
		}
		if (i % 10 == 1)
			printf "```=funding\n```\n" > f
		close(f)
	}
	for (p = 1; p <= int((n + 9) / 10); p++) {
		f = sprintf("%s/packets/k%04d.xml", dir, p)
		printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
		    "<packet xmlns=\"urn:peerbrief:1\">\n  <title>Packet %d</title>\n" \
		    "  <date>2026-%02d-%02d</date>\n  <summary>Generated packet.</summary>\n" \
		    "  <organizations><org ref=\"alpha\"/><org ref=\"beta\"/></organizations>\n" \
		    "  <positions>\n", p, (p % 12) + 1, (p % 28) + 1 > f
		for (i = (p - 1) * 10 + 1; i <= p * 10 && i <= n; i++)
			printf "    <position ref=\"p%05d\"/>\n", i > f
		printf "  </positions>\n  <highlights><figure ref=\"packet.peer_note_share_of_payment\"/></highlights>\n</packet>\n" > f
		close(f)
	}
}'
