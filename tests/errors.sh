#!/bin/sh
# errors.sh - bad inputs: tests/errors/NAME.md or NAME.xml must make
# `peerbrief convert` (or, for NAME.build.md, a build of tests/semantic/base
# with it as the position pos.md, and the files of a folder NAME.build.in/
# laid over base/ when there is one, the input folder shown as IN; for
# NAME.peerbrief.xml, NAME.references.xml and NAME.packet.xml, a check of
# that folder with it as its project file, its references.xml or its
# packet pk.xml) exit with the status in
# NAME.status (default 1) and print exactly NAME.err on standard error,
# nothing on standard output unless it succeeds (NAME.status 0: a case
# of warnings).
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
		[ -d "$base.in" ] && cp -r "$base.in/." "$T/IN/"
		cp "$in" "$T/IN/positions/pos.${in##*.}"
		(cd "$T" && $PB build -i IN -o out.d) >"$T/out" 2>"$T/err"
		status=$?
		if [ -e "$T/out.d" ]; then
			not_ok "$name: a failed build wrote its output"
		fi
		;;
	*.peerbrief|*.references|*.packet)
		rm -rf "$T/IN"
		cp -r tests/semantic/base "$T/IN"
		case $name in
		*.packet) cp "$in" "$T/IN/packets/pk.xml" ;;
		*) cp "$in" "$T/IN/${name##*.}.xml" ;;
		esac
		(cd "$T" && $PB check -i IN) >"$T/out" 2>"$T/err"
		status=$?
		;;
	*)
		$PB convert "$in" >"$T/out" 2>"$T/err"
		status=$?
		;;
	esac
	if [ "$status" -ne "$want" ]; then
		not_ok "$name: exit $status, want $want"
		cat "$T/err"
	elif [ "$want" -ne 0 ] && [ -s "$T/out" ]; then
		not_ok "$name: wrote to standard output"
	elif ! diff -u "$base.err" "$T/err" >"$T/diff"; then
		not_ok "$name: messages differ"
		cat "$T/diff"
	else
		ok "$name"
	fi
done
# -q prints errors only: a file with warnings alone prints nothing.
$PB convert -q tests/errors/warn-raw-html.md >/dev/null 2>"$T/err"
check "-q: exit 0 with warnings" test $? -eq 0
check "-q: no warning printed" test ! -s "$T/err"
# A missing or broken schema is a fault of the installation: exit 3, one
# line naming the schema, none of libxml2's own text.
mkdir -p "$T/data"
cp -r templates schema "$T/data/"
printf '<grammar\n' >"$T/data/schema/position.rng"
PEERBRIEF_DATADIR="$T/data" $PB check >"$T/out" 2>"$T/err"
check "broken schema exits 3" test $? -eq 3
check "broken schema: one line" test "$(wc -l <"$T/err")" -eq 1
check "broken schema: names it" grep -q 'schema/position.rng:[0-9]*:[0-9]*: error: cannot load schema$' "$T/err"
rm "$T/data/schema/project.rng"
PEERBRIEF_DATADIR="$T/data" $PB build -o "$T/o" >"$T/out" 2>"$T/err"
check "missing schema exits 3" test $? -eq 3
check "missing schema: one line" test "$(wc -l <"$T/err")" -eq 1
check "missing schema: no build" test ! -e "$T/o"
# check says of a broken packet and organization what build says: the
# positions' unknown figures and citations too, each once.
rm -rf "$T/IN"
cp -r tests/semantic/base "$T/IN"
cp -r tests/errors/packet-org-and-position.build.in/. "$T/IN/"
cp tests/errors/packet-org-and-position.build.md "$T/IN/positions/pos.md"
(cd "$T" && $PB check -i IN) >"$T/out" 2>"$T/err"
check "check of a broken packet and organization: exit 1" test $? -eq 1
check "check of a broken packet and organization: the positions' errors" \
    cmp -s tests/errors/packet-org-and-position.build.err "$T/err"
# While an organization is broken, a position two packets include is judged
# as each of them reads it: check says so too, and a build of the mended
# input says the same of it, and only adds the broken one's names.
pc=tests/errors/packet-position-org-not-in-packet.build
rm -rf "$T/IN"
cp -r tests/semantic/base "$T/IN"
rm -f "$T/IN/positions/"*
cp -r "$pc.in/." "$T/IN/"
cp "$pc.md" "$T/IN/positions/pos.md"
(cd "$T" && $PB check -i IN) >"$T/out" 2>"$T/err"
check "check of a position of two packets: exit 1" test $? -eq 1
check "check of a position of two packets: its errors" cmp -s "$pc.err" "$T/err"
sed -i 's|<daily-rate currency="USD">0.00<|<daily-rate currency="USD">100.00<|' \
    "$T/IN/orgs/brightside.xml"
(cd "$T" && $PB build -i IN -o out.d) >"$T/out" 2>"$T/err"
check "mended organization: exit 1" test $? -eq 1
grep "^IN/positions/.*: error: unknown figure 'brightside\." "$T/err" \
    >"$T/mended" || true
check "mended organization: its names are judged" test -s "$T/mended"
grep -v "unknown figure 'brightside\.\|^peerbrief: " "$T/err" >"$T/mended"
grep -v "^IN/orgs/brightside\.xml:\|^peerbrief: " "$pc.err" >"$T/broken"
check "mended organization: the other errors as while it was broken" \
    cmp -s "$T/mended" "$T/broken"
# An unknown position is reported at its <position ref>'s value.
cp -r input "$T/in"
sed -i 's|<position ref="accs-peer-roles"/>|<position ref="nosuchpos"/>|' "$T/in/packets/accs-peer-roles.xml"
want=$(grep -n 'position ref="nosuchpos"' "$T/in/packets/accs-peer-roles.xml" |
    awk -F: '{ print $1 ":" index($0, "nosuchpos") - length($1) - 1 }')
$PB check -i "$T/in" >"$T/out" 2>"$T/err"
check "unknown position exits 1" test $? -eq 1
check "unknown position at its ref ($want)" grep -q "accs-peer-roles.xml:$want: error: unknown position 'nosuchpos'" "$T/err"
finish
