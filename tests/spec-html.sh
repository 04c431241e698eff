#!/bin/sh
# spec-html.sh - `peerbrief convert -t html` gives cmark's HTML on every
# CommonMark spec and regression example (tests/spec/html-equal.sh).
# Under valgrind (PB_VALGRIND=1) every 10th example runs (STEP).
pb=./peerbrief
if [ "${PB_VALGRIND:-0}" = 1 ]; then
	pb="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect ./peerbrief"
	STEP=${STEP:-10}
	export STEP
fi
HTMLNORM=tests/tools/htmlnorm
export HTMLNORM
# shellcheck disable=SC2086
exec sh tests/spec/html-equal.sh $pb convert -t html
