#!/bin/sh
# docbook-valid.sh CMD [ARG...]
#
# Runs `CMD ARG... FILE.md` on the Markdown of every example of the CommonMark
# spec and of cmark's regression file, and checks that each output (CMD's
# stdout) is valid against the official DocBook 5.0 RELAX NG schema, e.g.
#   tests/spec/docbook-valid.sh ./peerbrief convert -t docbook --standalone
#   tests/spec/docbook-valid.sh tests/spec/mkdocbook.sh
# Prints one line per failure (NAME: reason) and then exactly
# "N passed, N failed"; exits 1 when anything failed, 2 on usage errors.
#
# Environment: SPECS (spec files, space-separated; default the two files of
# ../shared/conformance beside the repository), DOCBOOK_RNG (the schema),
# KEEP (a directory in which to keep examples and outputs).
set -u
if [ $# -lt 1 ]; then
	echo "usage: $0 CMD [ARG...]" >&2
	exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
conf=$here/../../../shared/conformance
SPECS=${SPECS-"$conf/commonmark-spec.txt $conf/commonmark-regression.txt"}
DOCBOOK_RNG=${DOCBOOK_RNG-/usr/share/xml/docbook/schema/rng/5.0/docbook.rng}
export LC_ALL=C TZ=UTC

if [ -n "${KEEP-}" ]; then
	work=$KEEP
	mkdir -p "$work"
else
	work=$(mktemp -d) || exit 2
	trap 'rm -rf "$work"' EXIT INT TERM
fi

passed=0
failed=0
list=$work/outputs
: > "$list"
for spec in $SPECS; do
	name=$(basename "$spec" .txt)
	dir=$work/$name
	"$here/extract.sh" "$spec" "$dir" > /dev/null || exit 2
	i=0
	for md in "$dir"/*.md; do
		i=$((i + 1))
		# STEP=N: every Nth example only (for runs under valgrind)
		[ $((i % ${STEP:-1})) -eq 0 ] || continue
		ex=$name:$(basename "$md" .md)
		out=${md%.md}.dbk
		if "$@" "$md" > "$out" 2> "${md%.md}.err"; then
			echo "$out $ex" >> "$list"
		else
			echo "$ex: converter failed: $(head -n 1 "${md%.md}.err")"
			failed=$((failed + 1))
		fi
	done
done

# One xmllint run for all outputs: the schema is compiled once.
if [ -s "$list" ]; then
	cut -d ' ' -f 1 "$list" |
	    xargs xmllint --noout --nonet --relaxng "$DOCBOOK_RNG" \
	    > "$work/xmllint.out" 2>&1
	while read -r out ex; do
		if grep -Fxq "$out validates" "$work/xmllint.out"; then
			passed=$((passed + 1))
		else
			why=$(grep -F "$out:" "$work/xmllint.out" | head -n 1)
			echo "$ex: invalid: ${why#"$out:"}"
			failed=$((failed + 1))
		fi
	done < "$list"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
