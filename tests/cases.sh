#!/bin/sh
# cases.sh [--update] - golden cases: tests/cases/NAME/ holds input.md or
# input.xml beside expected.html (convert -t html), expected.dbk
# (convert -t docbook --standalone) and, if present, standalone.html
# (convert -t html --standalone, without its inlined style.css). A failure
# prints the diff. --update
# rewrites the expected files: do it on purpose and review the change.
. tests/lib.sh
update=0
[ "${1:-}" = --update ] && update=1
for dir in tests/cases/*/; do
	name=$(basename "$dir")
	in=$(ls "$dir"input.md "$dir"input.xml 2>/dev/null | head -n 1)
	[ -n "$in" ] || { not_ok "$name: no input"; continue; }
	for pair in "expected.html:-t html" "expected.dbk:-t docbook --standalone" \
	    "standalone.html:-t html --standalone"; do
		file=${pair%%:*}
		args=${pair#*:}
		[ -f "$dir$file" ] || [ "$file" = expected.html ] || [ "$file" = expected.dbk ] || continue
		# shellcheck disable=SC2086
		$PB convert $args "$in" >"$T/raw" 2>"$T/err"
		status=$?
		# the inlined style.css is not part of a case: leave it out
		sed '/<style>/,/<\/style>/d' "$T/raw" >"$T/got"
		if [ "$update" = 1 ]; then
			cp "$T/got" "$dir$file"
		fi
		if [ "$status" -ne 0 ]; then
			not_ok "$name/$file: exit $status"
			cat "$T/err"
		elif diff -u "$dir$file" "$T/got" >"$T/diff"; then
			ok "$name/$file"
		else
			not_ok "$name/$file"
			cat "$T/diff"
		fi
	done
done
finish
