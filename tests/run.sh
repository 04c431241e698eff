#!/bin/sh
# run.sh [GROUP...] - runs the test suite under a fixed locale and time
# zone. Each group is a script in tests/ that prints one line per failure
# and ends with "N passed, N failed"; this runner adds them up and ends
# with the same line for the whole suite.
#   PB_VALGRIND=1  runs peerbrief under valgrind (errors and leaks fail)
#   PB_SKIP="browser ..."  leaves those groups out (make check-fast)
set -u
cd "$(dirname "$0")/.." || exit 3
LC_ALL=C.UTF-8
TZ=UTC
export LC_ALL TZ
unset SOURCE_DATE_EPOCH

groups=${*:-"unit figures semantic cases errors build packets cli evidence install spec-html spec-docbook docbook hostile browser"}
for skip in ${PB_SKIP:-}; do	# PB_SKIP="group ...": leave these out
	groups=$(echo " $groups " | sed "s/ $skip / /")
done
passed=0
failed=0
for g in $groups; do
	script=tests/$g.sh
	echo "== $g"
	out=$(sh "$script" 2>&1)
	status=$?
	printf '%s\n' "$out" | grep -v '^ok ' | grep -Ev '^[0-9]+ passed, [0-9]+ failed$'
	line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
	if [ -z "$line" ]; then
		echo "not ok $g: the group printed no result line (status $status)"
		failed=$((failed + 1))
		continue
	fi
	p=${line%% passed*}
	f=${line#*passed, }
	f=${f%% failed*}
	echo "$g: $line"
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok $g: exited $status"
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
