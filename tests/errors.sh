#!/bin/sh
# errors.sh - bad inputs: tests/errors/NAME.md or NAME.xml must make
# `peerbrief convert` (or, for NAME.build.md, a build of a folder holding
# it as its one position) exit with the status in NAME.status (default 1)
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
		mkdir -p "$T/$name/positions"
		cp "$in" "$T/$name/positions/${name%.build}.${in##*.}"
		$PB build -i "$T/$name" -o "$T/$name.out" >"$T/out" 2>"$T/err"
		status=$?
		sed "s|$T/$name/|INPUT/|g" "$T/err" >"$T/err2"
		mv "$T/err2" "$T/err"
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
