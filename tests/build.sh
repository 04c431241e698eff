#!/bin/sh
# build.sh - `peerbrief build` end to end on the shipped input/: it
# succeeds, every DocBook file is valid against the official schema, two
# builds are byte-identical, and a failed build leaves out/ as it was.
. tests/lib.sh
RNG=/usr/share/xml/docbook/schema/rng/5.0/docbook.rng

check "build input/" $PB build -i input -o "$T/out"
n=0
for f in $(find "$T/out" -name '*.dbk' | sort); do
	n=$((n + 1))
	rel=${f#"$T/out/"}
	if xmllint --noout --nonet --relaxng "$RNG" "$f" 2>"$T/err"; then
		ok "valid DocBook: $rel"
	else
		not_ok "valid DocBook: $rel"
		head -20 "$T/err"
	fi
done
check "the build wrote DocBook files" test "$n" -gt 0
for f in $(find "$T/out" -name '*.html' | sort); do
	rel=${f#"$T/out/"}
	check "well-formed HTML: $rel" xmllint --noout --nonet "$f"
	if grep -qi '<script\|javascript:' "$f"; then
		not_ok "no script in $rel"
	fi
done

check "second build" $PB build -i input -o "$T/out2"
check "builds are byte-identical" diff -r "$T/out" "$T/out2"

# A failing build must leave the previous output exactly as it was.
cp -r input "$T/in"
printf -- '---\ntitle: [broken\n---\nBody\n' >"$T/in/positions/zz-broken.md"
cp -r "$T/out" "$T/before"
$PB build -i "$T/in" -o "$T/out" 2>"$T/err"
check "failed build exits 1" test $? -eq 1
check "failed build names the file" grep -q 'zz-broken.md:2:8: error:' "$T/err"
check "failed build leaves out/ unchanged" diff -r "$T/before" "$T/out"
check "failed build leaves no staging folder" sh -c "! ls -d '$T'/.out.staging* 2>/dev/null"

# Incremental builds: the manifest kept with out/ skips what is unchanged.
cp -r input "$T/inc"
$PB build -i "$T/inc" -o "$T/o" || not_ok "incremental: first build"
ino() { ls -i "$1" | cut -d' ' -f1; }
a=$(ino "$T/o/accs-peer-roles/index.html")
n=$(ino "$T/o/note-taking-funding/index.html")
$PB build -i "$T/inc" -o "$T/o"
check "no-change rebuild keeps every file" test "$(ino "$T/o/accs-peer-roles/index.html")" = "$a" -a "$(ino "$T/o/note-taking-funding/index.html")" = "$n"
printf '\nOne more sentence.\n' >>"$T/inc/positions/note-taking.md"
$PB build -i "$T/inc" -o "$T/o"
check "a changed position rebuilds its packets only" test "$(ino "$T/o/accs-peer-roles/index.html")" = "$a" -a "$(ino "$T/o/note-taking-funding/index.html")" != "$n"
check "the changed packet shows the change" grep -q "One more sentence" "$T/o/note-taking-funding/index.html"
$PB build -i "$T/inc" -o "$T/full" -j 1
check "incremental output equals a full build" diff -r "$T/o" "$T/full"
cp -r templates "$T/tpl"
printf '\n/* changed */\n' >>"$T/tpl/style.css"
$PB build -i "$T/inc" -o "$T/o" -t "$T/tpl"
check "a changed template rebuilds everything" test "$(ino "$T/o/accs-peer-roles/index.html")" != "$a"

# .manifest records each file's XXH3-128, as xxhsum computes it: the
# same on every machine.
( cd "$T/o" && grep '^file ' .manifest | while read -r _ f h; do
	printf '%s  %s\n' "$h" "$f"; done ) >"$T/want.sum"
( cd "$T/o" && grep '^file ' .manifest | while read -r _ f h; do
	xxhsum -H2 "$f" 2>/dev/null; done ) | sed 's/ *$//' >"$T/got.sum"
check "manifest hashes are XXH3-128 of each file" diff -u "$T/want.sum" "$T/got.sum"
check "manifest lists every file" test "$(grep -c '^file ' "$T/o/.manifest")" -eq "$(cd "$T/o" && find . -type f ! -name .manifest | wc -l)"

# An output folder that is a symbolic link is refused, not followed.
mkdir "$T/elsewhere"
ln -s "$T/elsewhere" "$T/link"
$PB build -i input -o "$T/link" 2>"$T/err"
st=$?
check "symlinked out/ refused" test $st -ne 0
check "nothing written through the link" test -z "$(ls -A "$T/elsewhere")"
# init writes a project that builds at once, and refuses a folder in use.
$PB init "$T/new/proj" >"$T/init.out" 2>"$T/init.err"
check "init exits 0" test $? -eq 0
check "init says how to build" grep -q "cd $T/new/proj && peerbrief build" "$T/init.out"
check "init writes an XML and a CSV organization" test -f "$T/new/proj/input/orgs/riverside.xml" -a -f "$T/new/proj/input/orgs/lakeside/programs.csv"
check "init writes a README" test -f "$T/new/proj/README.md"
(cd "$T/new/proj" && $PB build) >"$T/init.out" 2>"$T/init.err"
check "cd DIR && peerbrief build renders the new project" test $? -eq 0 -a -f "$T/new/proj/out/first-packet/index.html"
check "the new packet shows the CSV organization's figure" grep -q '\$59,943.75' "$T/new/proj/out/first-packet/index.html"
check "the new packet lists its reference" grep -q 'Request for Response' "$T/new/proj/out/first-packet/index.html"
check "the new packet has its funding table" grep -q 'Lakeside Example Partners' "$T/new/proj/out/first-packet/first-packet.dbk"
(cd "$T/new/proj" && $PB check) >"$T/init.out" 2>"$T/init.err"
check "and checks clean" test $? -eq 0 -a ! -s "$T/init.err"
ls -R "$T/new/proj" >"$T/init.before"
$PB init "$T/new/proj" >"$T/init.out" 2>"$T/init.err"
check "init refuses a non-empty folder (exit 2)" test $? -eq 2
check "init says why" grep -q "not empty" "$T/init.err"
ls -R "$T/new/proj" >"$T/init.after"
check "init wrote nothing there" diff "$T/init.before" "$T/init.after"
mkdir "$T/empty"
(cd "$T/empty" && $PB init >/dev/null && test -f input/peerbrief.xml)
check "init with no folder writes into an empty current folder" test $? -eq 0
finish
