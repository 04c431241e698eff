#!/bin/sh
# unit.sh - the cmocka unit tests, in TAP form.
. tests/lib.sh
for t in tests/unit/test_*.c; do
	bin=${t%.c}
	name=$(basename "$bin")
	if [ ! -x "$bin" ]; then
		not_ok "$name: not built"
		continue
	fi
	run=$bin
	[ "${PB_VALGRIND:-0}" = 1 ] && run="valgrind -q --error-exitcode=99 --leak-check=full $bin"
	out=$(CMOCKA_MESSAGE_OUTPUT=TAP $run 2>&1)
	status=$?
	p=$(printf '%s\n' "$out" | grep -c '^ok ')
	f=$(printf '%s\n' "$out" | grep -c '^not ok ')
	pass=$((pass + p))
	fail=$((fail + f))
	printf '%s\n' "$out" | grep -A5 '^not ok '
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
		not_ok "$name: exited $status"
		printf '%s\n' "$out" | tail -20
	fi
done
finish
