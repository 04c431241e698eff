#!/bin/sh
# errors.sh - bad inputs: tests/errors/NAME.md or NAME.xml must make
# `peerbrief convert` (or, for NAME.build.md, a build of tests/semantic/base
# with it as the position pos.md, the input folder shown as IN) exit with the status in NAME.status (default 1)
# and print exactly NAME.err on standard error, nothing on standard output.
. tests/lib.sh
for in in tests/errors/*.md tests/errors/*.xml; do
	[ -f "$in" ] || continue
	base=${in%.*}
	name=$(basename "$base")
	want=1
	[ -f "$base.status" ] && want=$(cat "$base.status")
	case $name in
	*.build)
		rm -rf "$T/IN" "$T/out.d"
		cp -r tests/semantic/base "$T/IN"
		rm -f "$T/IN/positions/"*
		cp "$in" "$T/IN/positions/pos.${in##*.}"
		(cd "$T" && $PB build -i IN -o out.d) >"$T/out" 2>"$T/err"
		status=$?
		if [ -e "$T/out.d" ]; then
			not_ok "$name: a failed build wrote its output"
		fi
		;;
	*)
		$PB convert "$in" >"$T/out" 2>"$T/err"
		status=$?
		;;
	esac
	if [ "$status" -ne "$want" ]; then
		not_ok "$name: exit $status, want $want"
		cat "$T/err"
	elif [ -s "$T/out" ]; then
		not_ok "$name: wrote to standard output"
	elif ! diff -u "$base.err" "$T/err" >"$T/diff"; then
		not_ok "$name: messages differ"
		cat "$T/diff"
	else
		ok "$name"
	fi
done
finish
