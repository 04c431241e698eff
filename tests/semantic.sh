#!/bin/sh
# semantic.sh - values that cannot be true and references that resolve to
# nothing: each tests/semantic/NAME/ (other than base/) holds files laid
# over a copy of base/ (an empty file deletes) and expected.err, exactly
# what `peerbrief check` must print, with the input folder shown as IN.
. tests/lib.sh
check "base is valid" $PB check -i tests/semantic/base
for dir in tests/semantic/*/; do
	name=$(basename "$dir")
	[ "$name" = base ] && continue
	rm -rf "$T/IN"
	cp -r tests/semantic/base "$T/IN"
	(cd "$dir" && find . -type f ! -name expected.err) | while read -r f; do
		if [ -s "$dir/$f" ]; then
			mkdir -p "$(dirname "$T/IN/$f")"
			cp "$dir/$f" "$T/IN/$f"
		else
			rm -f "$T/IN/$f"
		fi
	done
	(cd "$T" && $PB check -i IN) >"$T/out" 2>"$T/err"
	status=$?
	if [ "$status" -ne 1 ]; then
		not_ok "$name: exit $status, want 1"
		cat "$T/err"
	elif ! diff -u "$dir/expected.err" "$T/err" >"$T/diff"; then
		not_ok "$name"
		cat "$T/diff"
	else
		ok "$name"
	fi
done
finish
