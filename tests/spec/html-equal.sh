#!/bin/sh
# html-equal.sh CMD [ARG...]
#
# Conformance of an HTML renderer with cmark's: for every example of the
# CommonMark spec (commonmark-spec.txt) and of cmark's regression file
# (commonmark-regression.txt), the example's Markdown is written to a file,
# then `cmark FILE` (the installed cmark 0.30.2, not the HTML printed in the
# spec, which is for spec 0.31.2) and `CMD ARG... FILE` are run, both outputs
# are normalized with tests/tools/htmlnorm, and the two are compared.
# Every mismatch prints "FAIL example N" (or "FAIL regression example N")
# and a short diff; the last line is "N passed, N failed".
# Exit: 0 all equal, 1 some failed, 2 usage, 3 setup failure.
#
# Example: tests/spec/html-equal.sh ./peerbrief convert -t html
#
# Environment: SPEC_DIR (default tests/spec/data), HTMLNORM (a built htmlnorm; built from
# tests/tools/htmlnorm.c otherwise), CC (default cc), KEEP=1 keeps the
# work folder and prints its name.
set -u

if [ $# -lt 1 ]; then
	echo "usage: $0 CMD [ARG...]" >&2
	exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
spec_dir=${SPEC_DIR:-}
if [ -z "$spec_dir" ]; then
	for d in "$here/data" "$root/../shared/conformance"; do
		if [ -f "$d/commonmark-spec.txt" ]; then
			spec_dir=$d
			break
		fi
	done
fi
if [ -z "$spec_dir" ] || [ ! -f "$spec_dir/commonmark-spec.txt" ]; then
	echo "$0: commonmark-spec.txt not found (set SPEC_DIR)" >&2
	exit 3
fi
if ! command -v cmark >/dev/null 2>&1; then
	echo "$0: the cmark program is not installed" >&2
	exit 3
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/html-equal.XXXXXX") || exit 3
if [ "${KEEP:-0}" = 1 ]; then
	echo "work folder: $work" >&2
else
	trap 'rm -rf "$work"' EXIT
	trap 'exit 3' HUP INT TERM
fi

# The normalizer.
norm=${HTMLNORM:-}
if [ -z "$norm" ]; then
	norm=$work/htmlnorm
	# shellcheck disable=SC2046
	if ! ${CC:-cc} -std=c11 -W -Wall -Wextra -pedantic -O2 -o "$norm" \
	    "$root/tests/tools/htmlnorm.c" \
	    $(pkg-config --cflags --libs libxml-2.0); then
		echo "$0: cannot build htmlnorm" >&2
		exit 3
	fi
fi

# Splits a spec-format file into DIR/NNN.md (tests/spec/extract.sh).
split() {
	mkdir -p "$2"
	if ! sh "$here/extract.sh" "$1" "$2" >/dev/null; then
		echo "$0: cannot extract the examples of $1" >&2
		exit 3
	fi
}
split "$spec_dir/commonmark-spec.txt" "$work/spec"
if [ -f "$spec_dir/commonmark-regression.txt" ]; then
	split "$spec_dir/commonmark-regression.txt" "$work/regression"
fi

if command -v timeout >/dev/null 2>&1; then
	limit="timeout 20"
else
	limit=
fi

passed=0
failed=0
# One tag per line, to make the diff of two normalized outputs readable.
lines() {
	sed 's/></>\
</g' "$1"
}
for set in spec regression; do
	[ -d "$work/$set" ] || continue
	if [ "$set" = spec ]; then
		label="example"
	else
		label="regression example"
	fi
	i=0
	for md in "$work/$set"/*.md; do
		i=$((i + 1))
		# STEP=N: every Nth example only (for runs under valgrind)
		[ $((i % ${STEP:-1})) -eq 0 ] || continue
		[ -f "$md" ] || continue
		n=$(basename "$md" .md | sed 's/^0*//')
		why=
		# A documented difference from cmark: the expected HTML is
		# tests/spec/differences/SET-N.html (see the README there).
		known="$here/differences/$set-$n.html"
		if [ -f "$known" ]; then
			cp "$known" "$work/want.html"
		elif ! cmark "$md" >"$work/want.html" 2>"$work/want.err"; then
			why="cmark failed: $(head -n 3 "$work/want.err")"
		elif ! $limit "$@" "$md" >"$work/got.html" 2>"$work/got.err"
		then
			why="command failed: $(head -n 3 "$work/got.err")"
		elif ! "$norm" "$work/want.html" >"$work/want.norm" ||
		    ! "$norm" "$work/got.html" >"$work/got.norm"; then
			why="htmlnorm failed"
		elif ! cmp -s "$work/want.norm" "$work/got.norm"; then
			lines "$work/want.norm" >"$work/want.lines"
			lines "$work/got.norm" >"$work/got.lines"
			why=$(diff -u "$work/want.lines" "$work/got.lines" |
			    sed -e 1,2d -e 's/^/    /' | head -n 12)
		fi
		if [ -z "$why" ]; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
			echo "FAIL $label $n"
			printf '%s\n' "$why"
		fi
	done
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
