#!/bin/sh
# spec-docbook.sh - `peerbrief convert -t docbook --standalone` writes valid
# DocBook 5.0 for every CommonMark spec and regression example.
# Under valgrind (PB_VALGRIND=1) every 10th example runs (STEP).
pb=./peerbrief
if [ "${PB_VALGRIND:-0}" = 1 ]; then
	pb="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect ./peerbrief"
	STEP=${STEP:-10}
	export STEP
fi
d=tests/spec/data
SPECS="$d/commonmark-spec.txt $d/commonmark-regression.txt"
export SPECS
# shellcheck disable=SC2086
exec sh tests/spec/docbook-valid.sh $pb convert -t docbook --standalone
