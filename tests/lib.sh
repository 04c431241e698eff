# lib.sh - shared by the test groups: counters, a result line, and the
# command that runs peerbrief (under valgrind when PB_VALGRIND=1).
pass=0
fail=0
PB=${PB:-$(pwd)/peerbrief}
if [ "${PB_VALGRIND:-0}" = 1 ]; then
	PB="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect $PB"
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/pbtest.XXXXXX")
trap 'rm -rf "$T"' EXIT

ok() { pass=$((pass + 1)); echo "ok $1"; }
not_ok() { fail=$((fail + 1)); echo "not ok $1"; }
# check NAME COMMAND... : passes when the command succeeds
check() { n=$1; shift; if "$@"; then ok "$n"; else not_ok "$n"; fi; }
finish() { echo "$pass passed, $fail failed"; [ "$fail" -eq 0 ]; }
