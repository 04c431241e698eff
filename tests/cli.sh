#!/bin/sh
# cli.sh - the command line: every command's --help and `help CMD`,
# --version, long options, usage errors that name the option, the build's
# summary line, -q and -v, build --packet, convert -o (a file, a pipe, a
# device, a link), convert of a pipe or a device, param.* and --packet,
# the hints for a missing input folder
# and a packet figure without --packet, and colour only on a terminal.
. tests/lib.sh

for c in init build check figures explain convert help; do
	$PB $c --help >"$T/a" 2>"$T/e" || [ "$c" = help ]
	st=$?
	check "$c --help exits 0" test $st -eq 0
	check "$c --help: usage on stdout" grep -q "^usage: peerbrief $c" "$T/a"
	check "$c --help: nothing on stderr" test ! -s "$T/e"
	$PB help $c >"$T/b" 2>&1
	check "help $c prints the same" cmp -s "$T/a" "$T/b"
done
for c in init build check figures explain convert; do
	$PB $c --help >"$T/a"
	check "$c --help lists -q" grep -q -- '-q, --quiet' "$T/a"
done
$PB build --help >"$T/a"
for o in --input --output --templates --jobs --quiet --verbose; do
	check "build --help lists $o" grep -q -- "$o" "$T/a"
done
$PB convert --help >"$T/a"
check "convert --help lists -o" grep -q -- '-o, --output FILE' "$T/a"
$PB --help >"$T/a" 2>"$T/e"
check "--help exits 0 with every command" sh -c "grep -c '^ *\(usage:\)\{0,1\} *peerbrief [a-z]' '$T/a' | grep -qx 7"
$PB help >"$T/b"
check "help with no command prints the same" cmp -s "$T/a" "$T/b"
$PB --version >"$T/a"
for l in libxml2 libxslt cmark libyaml; do
	check "--version names $l" grep -q "$l [0-9][0-9.]*" "$T/a"
done

# Usage errors: exit 2, naming what was wrong and where to look.
$PB build --frob >/dev/null 2>"$T/e"
check "unknown long option exits 2" test $? -eq 2
check "unknown long option is named" grep -q "^peerbrief build: unknown option --frob$" "$T/e"
check "and points at --help" grep -q "peerbrief build --help" "$T/e"
$PB build --ouput "$T/o" >/dev/null 2>"$T/e"
check "a misspelt long option: exit 2" test $? -eq 2
check "a misspelt long option: the nearest named" grep -qx "peerbrief build: unknown option --ouput; did you mean --output?" "$T/e"
$PB convert --standlone=x >/dev/null 2>"$T/e"
check "a misspelt long option with a value: the nearest named" grep -qx "peerbrief convert: unknown option --standlone=x; did you mean --standalone?" "$T/e"
$PB convert -t pdf x.md >/dev/null 2>"$T/e"
check "convert -t pdf: exit 2" test $? -eq 2
check "convert -t pdf: where a PDF comes from" grep -qx "peerbrief convert: unknown output format 'pdf' (html or docbook); a packet's PDF comes from 'peerbrief build --pdf'" "$T/e"
$PB check -x >/dev/null 2>"$T/e"
check "unknown short option is named" grep -q "unknown option -x" "$T/e"
$PB build -j >/dev/null 2>"$T/e"
check "a missing value is named" grep -q "option -j needs a value" "$T/e"
$PB buidl >/dev/null 2>"$T/e"
check "unknown command exits 2" test $? -eq 2
check "unknown command suggests the nearest" grep -q "did you mean 'build'" "$T/e"
$PB help nope >/dev/null 2>"$T/e"
check "help of an unknown command exits 2" test $? -eq 2

# The hints a newcomer needs.
(cd "$T" && $PB build) >/dev/null 2>"$T/e"
check "no input folder: exit 1" test $? -eq 1
check "no input folder: says to run peerbrief init" grep -q "peerbrief init" "$T/e"
# build in the wrong folder: above a project, or in its input folder
mkdir "$T/above" && $PB init -q "$T/above/proj"
(cd "$T/above" && $PB build) >/dev/null 2>"$T/e"
check "above a project: exit 1" test $? -eq 1
check "above a project: says to cd into it, once" sh -c "test \$(wc -l <'$T/e') -eq 1 && grep -qx \"peerbrief: no input folder 'input' here, but proj/ holds a project: cd proj first, or name its input with -i proj/input.\" '$T/e'"
(cd "$T/above" && $PB build -i proj/input -o proj/out) >/dev/null 2>&1
check "and what it says works" test -f "$T/above/proj/out/first-packet/index.html"
# a folder given as an operand: how to name it
$PB build "$T/above/proj/input" -o "$T/nob" >/dev/null 2>"$T/e"
check "build INPUT: exit 2" test $? -eq 2
check "build INPUT: says to write -i" grep -qx "peerbrief build: build takes no operands (got '$T/above/proj/input'); to read that input folder, write -i $T/above/proj/input" "$T/e"
(cd "$T/above" && $PB check proj) >/dev/null 2>"$T/e"
check "check PROJECT: says to cd into it" grep -qx "peerbrief check: check takes no operands (got 'proj'); that folder holds a project: cd proj first, or name its input with -i proj/input" "$T/e"
$PB figures nothing >/dev/null 2>"$T/e"
check "figures WORD: the operand alone" grep -qx "peerbrief figures: figures takes no operands (got 'nothing')" "$T/e"
(cd "$T/above/proj/input" && $PB check) >/dev/null 2>"$T/e"
check "in the input folder: exit 1" test $? -eq 1
check "in the input folder: says to go up" grep -qx "peerbrief: no input folder 'input' here, but this folder holds peerbrief.xml: it is an input folder itself. Run peerbrief in the folder above it (cd ..), or name this one with -i ." "$T/e"
(cd "$T/above/proj/input" && $PB check -i .) >/dev/null 2>"$T/e"
check "and -i . works" test $? -eq 0
mkdir "$T/empty"
$PB check -i "$T/empty" >/dev/null 2>"$T/e"
check "an empty input folder says to run peerbrief init" grep -q "is empty. Start a project with 'peerbrief init'" "$T/e"
$PB explain packet.org_count >/dev/null 2>"$T/e"
check "explain packet.X without --packet: exit 2" test $? -eq 2
check "explain packet.X without --packet says to add it" grep -q "add --packet ID.*accs-peer-roles, note-taking-funding" "$T/e"
# like any usage error: the command's name, then its usage line
syn=$($PB explain --help | sed -n 's/^usage: peerbrief explain //p')
printf "peerbrief explain: packet.org_count is a packet's figure: add --packet ID to say which packet (packets: accs-peer-roles, note-taking-funding)\nusage: peerbrief explain %s\nRun 'peerbrief explain --help' for its options.\n" "$syn" >"$T/want"
check "explain packet.X without --packet: the command and its usage" cmp -s "$T/want" "$T/e"
# packet.zzzzz is no packet's figure: unknown, and it would need --packet
$PB explain packet.zzzzz >/dev/null 2>"$T/e"
check "explain packet.zzzzz: exit 2" test $? -eq 2
check "explain packet.zzzzz: unknown, needs --packet" test "$(head -1 "$T/e")" = "peerbrief explain: unknown figure 'packet.zzzzz'; a packet's figure also needs --packet ID (packets: accs-peer-roles, note-taking-funding), and 'peerbrief figures --packet ID' lists every name"
# packet.total is no figure either, but the start of three: those, in order
$PB explain packet.total >/dev/null 2>"$T/e"
check "explain packet.total: exit 2" test $? -eq 2
check "explain packet.total: the names it begins" test "$(head -1 "$T/e")" = "peerbrief explain: unknown figure 'packet.total'; did you mean 'packet.total_dmh_payment', 'packet.total_medicaid_reimbursement' or 'packet.total_dmh_net_cost'? A packet's figure also needs --packet ID (packets: accs-peer-roles, note-taking-funding)"
$PB explain packet.org_cont >/dev/null 2>"$T/e"
check "explain packet.org_cont: exit 2" test $? -eq 2
check "explain packet.org_cont: the nearest, and --packet" test "$(head -1 "$T/e")" = "peerbrief explain: unknown figure 'packet.org_cont'; did you mean 'packet.org_count'? A packet's figure also needs --packet ID (packets: accs-peer-roles, note-taking-funding)"
$PB explain riverbend.peer_ft >/dev/null 2>"$T/e"
check "explain of a misspelt figure suggests the nearest" grep -q "^peerbrief explain: unknown figure 'riverbend.peer_ft'; did you mean 'riverbend.peer_fte'" "$T/e"
$PB explain nosuch.thing >/dev/null 2>"$T/e"
check "explain of a name like none: exit 2" test $? -eq 2
check "explain of a name like none: then the usage line" grep -qxF "usage: peerbrief explain $syn" "$T/e"
check "explain of a name like none: says where the names are" grep -qx "peerbrief explain: unknown figure 'nosuch.thing'; 'peerbrief figures' lists every name" "$T/e"
$PB figures --packet note-taking-fundng >/dev/null 2>"$T/e"
check "an unknown --packet suggests the nearest" grep -q "did you mean 'note-taking-funding'" "$T/e"
# An unknown --packet is a usage error like any bad option value: the
# command's name, the nearest packet and every packet, then its usage
# line, exit 2; a name cut short is near its whole name.
printf -- '---\ntitle: T\n---\nText.\n' >"$T/x.md"
for cmd in "build -o $T/nopk" "convert $T/x.md -i input" "figures" \
    "explain param.medicaid_share"; do
	c=${cmd%% *}
	syn=$($PB $c --help | sed -n 's/^usage: peerbrief [a-z]* //p')
	$PB $cmd --packet x >"$T/a" 2>"$T/e"
	check "$c --packet x: exit 2, nothing on stdout" test $? -eq 2 -a ! -s "$T/a"
	printf "peerbrief %s: no packet 'x' in input/packets (packets: accs-peer-roles, note-taking-funding)\nusage: peerbrief %s %s\nRun 'peerbrief %s --help' for its options.\n" \
	    "$c" "$c" "$syn" "$c" >"$T/want"
	check "$c --packet x: the command, the packets, the usage line" cmp -s "$T/want" "$T/e"
	$PB $cmd --packet note-taking >/dev/null 2>"$T/e"
	check "$c --packet note-taking: its whole name suggested" grep -qx "peerbrief $c: no packet 'note-taking' in input/packets; did you mean 'note-taking-funding'? (packets: accs-peer-roles, note-taking-funding)" "$T/e"
done
check "build --packet x: no out/ made" test ! -e "$T/nopk"

# Long options, the summary line, -q.
cp -r input "$T/in"
$PB build --input "$T/in" --output "$T/o" --jobs 2 --templates templates >"$T/a" 2>"$T/e"
check "build with long options" test $? -eq 0 -a -f "$T/o/accs-peer-roles/index.html"
check "nothing on stdout" test ! -s "$T/a"
check "the summary line" grep -Eqx "2 packets built, 0 reused, [0-9]+\.[0-9]{2} s -> $T/o/" "$T/e"
check "only the summary line" test "$(wc -l <"$T/e")" -eq 1
$PB build -i "$T/in" -o "$T/o" -T templates 2>"$T/e"
check "a rebuild with nothing changed says so" grep -Eqx "0 packets built, 2 reused, [0-9]+\.[0-9]{2} s -> $T/o/" "$T/e"
printf '\nOne more sentence.\n' >>"$T/in/positions/certification.md"
$PB build -i "$T/in" -o "$T/o" -T templates 2>"$T/e"
check "a rebuild counts what it reused" grep -Eqx "1 packet built, 1 reused, [0-9]+\.[0-9]{2} s -> $T/o/" "$T/e"
printf '\nAnd another.\n' >>"$T/in/positions/certification.md"
$PB build -q -i "$T/in" -o "$T/o" >"$T/a" 2>"$T/e"
check "-q: exit 0" test $? -eq 0
check "-q: prints nothing on success" test ! -s "$T/e" -a ! -s "$T/a"
check "-q: still built" grep -q "And another" "$T/o/accs-peer-roles/index.html"
printf '<packet xmlns="urn:peerbrief:1"><title>x</title></packet>\n' >"$T/in/packets/bad.xml"
$PB build --quiet -i "$T/in" -o "$T/o" >/dev/null 2>"$T/e"
check "-q: errors still print" test $? -eq 1 -a -s "$T/e"

# build --packet ID: that packet alone; the others' output untouched
# (the same files, not copies); the index, feed and sitemap as a whole
# build makes them; the next whole build rebuilds what was left stale.
cp -r input "$T/pk"
$PB build -i "$T/pk" -o "$T/po" 2>/dev/null
snap() { (cd "$T/po" && find . -type f | sort | xargs stat -c '%n %i %Y %s'); }
snap | grep '^./note-taking-funding/' >"$T/before"
cp -r "$T/po/note-taking-funding" "$T/nt-before"
printf '\nA sentence for one packet.\n' >>"$T/pk/positions/certification.md"
printf '\nA sentence for the other.\n' >>"$T/pk/positions/note-taking.md"
$PB build --packet accs-peer-roles -i "$T/pk" -o "$T/po" >"$T/a" 2>"$T/e"
check "build --packet: exit 0" test $? -eq 0 -a ! -s "$T/a"
sed -E 's/[0-9]+\.[0-9]{2} s/T s/' "$T/e" >"$T/e2"
printf '1 packet built, 1 reused, T s -> %s/po/\n' "$T" >"$T/want"
check "build --packet: the summary" cmp -s "$T/want" "$T/e2"
check "build --packet: its packet built" grep -q "A sentence for one packet" "$T/po/accs-peer-roles/index.html"
snap | grep '^./note-taking-funding/' >"$T/after"
check "build --packet: the other's files untouched" cmp -s "$T/before" "$T/after"
check "build --packet: the other's output byte-identical" diff -r "$T/nt-before" "$T/po/note-taking-funding"
$PB build -q -i "$T/pk" -o "$T/pfull"
for f in index.html feed.xml sitemap.xml; do
	check "build --packet: $f as a whole build's" cmp -s "$T/pfull/$f" "$T/po/$f"
done
$PB build -i "$T/pk" -o "$T/po" 2>"$T/e"
check "the next whole build rebuilds the packet left stale" grep -Eqx "1 packet built, 1 reused, [0-9]+\.[0-9]{2} s -> $T/po/" "$T/e"
check "and it holds the change" grep -q "A sentence for the other" "$T/po/note-taking-funding/index.html"
snap >"$T/before"
$PB build --packet accs-peer-role -i "$T/pk" -o "$T/po" >"$T/a" 2>"$T/e"
check "build --packet of no packet: exit 2" test $? -eq 2
printf "peerbrief build: no packet 'accs-peer-role' in %s/pk/packets; did you mean 'accs-peer-roles'? (packets: accs-peer-roles, note-taking-funding)\n" "$T" >"$T/want"
check "build --packet of no packet: the nearest" sh -c "head -1 '$T/e' | cmp -s '$T/want' -"
snap >"$T/after"
check "build --packet of no packet: out/ untouched" cmp -s "$T/before" "$T/after"
$PB build -p note-taking-funding -i "$T/pk" -o "$T/pnew" 2>"$T/e"
check "build --packet into a new folder builds the others too" grep -Eqx "2 packets built, 0 reused, [0-9]+\.[0-9]{2} s -> $T/pnew/" "$T/e"

# convert -o FILE writes the file, not standard output.
printf -- '---\ntitle: T\n---\n*hi* `=param.medicaid_share`\n' >"$T/p.md"
printf -- '---\ntitle: T\n---\n*hi*\n' >"$T/q.md"
$PB convert "$T/q.md" >"$T/want.html"
$PB convert -o "$T/got.html" "$T/q.md" >"$T/a"
check "convert -o: exit 0, nothing on stdout" test $? -eq 0 -a ! -s "$T/a"
check "convert -o: the file holds the output" cmp -s "$T/want.html" "$T/got.html"
$PB convert --to docbook --standalone --output "$T/got.dbk" "$T/q.md"
check "convert long options" grep -q "<emphasis>hi</emphasis>" "$T/got.dbk"
# convert reads only a regular file: a named pipe (which would wait for
# a writer) and a link to /dev/zero (which would fill memory) are refused
# at once, exit 1, nothing written. -o into a pipe or a device writes into
# it and never replaces it with a file; a write that fails is exit 3; -o
# through a link replaces the file it leads to and keeps the link.
mkfifo "$T/pipe.md"
ln -s /dev/zero "$T/zero.md"
for f in pipe.md zero.md; do
	(cd "$T" && timeout -s KILL 10 $PB convert "$f") >"$T/a" 2>"$T/e"
	check "convert $f: exit 1, nothing on stdout" test $? -eq 1 -a ! -s "$T/a"
	check "convert $f: refused, once" sh -c "test \"\$(cat '$T/e')\" = '$f: error: not a regular file; refusing to read it'"
done
mkfifo "$T/out.pipe"
timeout -s KILL 10 cat "$T/out.pipe" >"$T/piped" &
timeout -s KILL 10 $PB convert -o "$T/out.pipe" "$T/q.md" >"$T/a" 2>"$T/e"
check "convert -o PIPE: exit 0" test $? -eq 0 -a ! -s "$T/e"
wait
check "convert -o PIPE: the reader gets the output" cmp -s "$T/want.html" "$T/piped"
check "convert -o PIPE: still a pipe" test -p "$T/out.pipe"
if [ -c /dev/full ]; then
	$PB convert -o /dev/full "$T/q.md" >"$T/a" 2>"$T/e"
	check "convert -o /dev/full: exit 3" test $? -eq 3
	check "convert -o /dev/full: one message" sh -c "test \"\$(cat '$T/e')\" = 'peerbrief: /dev/full: No space left on device'"
	check "convert -o /dev/full: still the device" test -c /dev/full
	# help, usage, version and figures on a standard output that cannot
	# be written: exit 3 and say so, once, where they said nothing
	for args in "--help" "help" "help build" "build --help" "--version" \
	    "figures -i input"; do
		$PB $args >/dev/full 2>"$T/e"
		check "$args >/dev/full: exit 3" test $? -eq 3
		check "$args >/dev/full: one message" sh -c "test \"\$(cat '$T/e')\" = 'peerbrief: cannot write to standard output: No space left on device'"
	done
else
	not_ok "convert -o /dev/full: /dev/full is not a character device"
fi
echo old >"$T/target.html"
ln -s target.html "$T/out.link"
$PB convert -o "$T/out.link" "$T/q.md"
check "convert -o LINK: the link kept" test "$(readlink "$T/out.link")" = target.html
check "convert -o LINK: its file holds the output" cmp -s "$T/want.html" "$T/target.html"

# build -v: each packet built or reused and why, then each stage's time
# (the seconds shown as T).
cp -r input "$T/vin"
vbuild() { $PB build "$@" -i "$T/vin" -o "$T/vo" 2>&1 | sed -E 's/[0-9]+\.[0-9]{2} s/T s/g'; }
vbuild -v >"$T/a"
cat >"$T/want" <<EOF
peerbrief: accs-peer-roles: built: the output folder had none of it
peerbrief: note-taking-funding: built: the output folder had none of it
peerbrief: load T s, check T s, packets T s, site T s, write T s
2 packets built, 0 reused, T s -> $T/vo/
EOF
check "build -v: a first build" cmp -s "$T/want" "$T/a"
vbuild --verbose >"$T/a"
printf 'peerbrief: nothing changed since the last build: every packet reused\n0 packets built, 2 reused, T s -> %s/vo/\n' "$T" >"$T/want"
check "build -v: nothing changed" cmp -s "$T/want" "$T/a"
printf '\nMore.\n' >>"$T/vin/positions/certification.md"
rm "$T/vo/note-taking-funding/figures.csv"
vbuild -v >"$T/a"
cat >"$T/want" <<EOF
peerbrief: accs-peer-roles: built: what it is made from changed (its files, the templates or the program)
peerbrief: note-taking-funding: built: its output in the output folder was changed or removed
peerbrief: load T s, check T s, packets T s, site T s, write T s
2 packets built, 0 reused, T s -> $T/vo/
EOF
check "build -v: a changed input and a removed output" cmp -s "$T/want" "$T/a"
printf '\nMore again.\n' >>"$T/vin/positions/note-taking.md"
vbuild -v --packet accs-peer-roles >"$T/a"
cat >"$T/want" <<EOF
peerbrief: accs-peer-roles: reused: nothing it is made from changed
peerbrief: note-taking-funding: reused: kept as it was (--packet names another)
peerbrief: load T s, check T s, packets T s, site T s, write T s
0 packets built, 2 reused, T s -> $T/vo/
EOF
check "build -v --packet: the other kept" cmp -s "$T/want" "$T/a"
vbuild -v -q >"$T/a"
check "build -v -q: the last wins" test ! -s "$T/a"
check "and it built" grep -q "More again" "$T/vo/note-taking-funding/index.html"

# convert fills in param.* figures (the defaults, or -i DIR's project's);
# with --packet ID -i DIR every figure, as that packet's build does.
printf -- '---\ntitle: T\n---\nMedicaid pays `=param.medicaid_share`; window `=param.certification_window_months`.\n' >"$T/param.md"
$PB convert "$T/param.md" >"$T/a" 2>"$T/e"
check "convert param.*: exit 0" test $? -eq 0 -a ! -s "$T/e"
printf '<p>Medicaid pays <span class="figure">50.0%%</span>; window <span class="figure">6</span>.</p>\n' >"$T/want"
check "convert param.*: the defaults" cmp -s "$T/want" "$T/a"
cp -r tests/semantic/base "$T/pin"
sed -i 's|</as-of>|</as-of><parameters><medicaid-share>0.6</medicaid-share></parameters>|' "$T/pin/peerbrief.xml"
$PB convert -i "$T/pin" "$T/param.md" >"$T/a"
check "convert -i DIR: that project's parameters" grep -q '>60.0%</span>; window' "$T/a"
printf -- '---\ntitle: T\n---\nRate `=riverbend.accs-fy2026.rday_rate`, share `=packet.peer_note_share_of_payment`, orgs `=packet.org_count`.\n' >"$T/pk.md"
$PB convert "$T/pk.md" >"$T/a" 2>"$T/e"
check "convert without --packet: other figures are errors" test $? -eq 1 -a ! -s "$T/a"
check "and say how to preview them" grep -q "^$T/pk.md:4:7: error: figure reference 'riverbend.accs-fy2026.rday_rate' needs a packet: preview it with 'peerbrief convert --packet ID -i DIR', or build it$" "$T/e"
# ...and, where the project is known, name its packets: -i DIR's, those
# that include the position first; else those of the project the file
# lies in (DIR/positions/NAME), as a command to run from here.
rm -rf "$T/pp" && cp -r input "$T/pp" && cp "$T/pk.md" "$T/pp/positions/pk.md"
$PB convert -i "$T/pp" "$T/pk.md" >"$T/a" 2>"$T/e"
check "convert -i DIR without --packet: the packets named" grep -q "^$T/pk.md:4:7: error: figure reference 'riverbend.accs-fy2026.rday_rate' needs a packet: preview it with 'peerbrief convert -i $T/pp --packet ID' (packets: accs-peer-roles, note-taking-funding), or build it$" "$T/e"
sed -i 's|<position ref="note-taking"/>|<position ref="pk"/>|' "$T/pp/packets/note-taking-funding.xml"
$PB convert -i "$T/pp" "$T/pp/positions/pk.md" >"$T/a" 2>"$T/e"
check "convert -i DIR: the packets that include the position first" grep -q "needs a packet: preview it with 'peerbrief convert -i $T/pp --packet ID' (packets: note-taking-funding, accs-peer-roles), or build it$" "$T/e"
(cd "$T" && $PB convert pp/positions/pk.md) >"$T/a" 2>"$T/e"
check "convert of a project's position: its packets" grep -q "^pp/positions/pk.md:4:7: error: figure reference 'riverbend.accs-fy2026.rday_rate' needs a packet: preview it with 'peerbrief convert -i pp --packet ID' (packets: accs-peer-roles, note-taking-funding), or build it$" "$T/e"
(cd "$T/pp/positions" && $PB convert pk.md) >"$T/a" 2>"$T/e"
check "convert in the positions folder: -i .." grep -q "^pk.md:4:7: error: .* preview it with 'peerbrief convert -i \.\. --packet ID' (packets: accs-peer-roles, note-taking-funding), or build it$" "$T/e"
# a one-letter name there: ".." is longer than the name (written past
# the copy of the name, which ASan caught)
cp "$T/pk.md" "$T/pp/positions/k"
(cd "$T/pp/positions" && $PB convert k) >"$T/a" 2>"$T/e"
check "convert of a one-letter name in the positions folder: -i .." grep -q "^k:4:7: error: .* preview it with 'peerbrief convert -i \.\. --packet ID' (packets: accs-peer-roles, note-taking-funding), or build it$" "$T/e"
rm "$T/pp/positions/k"
$PB convert -i "$T/pp" --packet note-taking-fundin "$T/pk.md" >"$T/a" 2>"$T/e"
check "convert --packet of no packet: exit 2" test $? -eq 2 -a ! -s "$T/a"
printf "peerbrief convert: no packet 'note-taking-fundin' in %s/pp/packets; did you mean 'note-taking-funding'? (packets: accs-peer-roles, note-taking-funding)\n" "$T" >"$T/want"
check "convert --packet of no packet: the nearest, then every packet" sh -c "head -1 '$T/e' | cmp -s '$T/want' -"
rm "$T/pp/packets/"*.xml
(cd "$T" && $PB convert pp/positions/pk.md) >"$T/a" 2>"$T/e"
check "convert of a project without packets: says to write one" grep -q "^pp/positions/pk.md:4:7: error: .* preview it with 'peerbrief convert -i pp --packet ID' once pp/packets holds a packet, or build it$" "$T/e"
$PB convert --packet note-taking-funding -i input "$T/pk.md" >"$T/a" 2>"$T/e"
check "convert --packet: exit 0" test $? -eq 0 -a ! -s "$T/e"
printf '<p>Rate <a class="figure" href="#fig-riverbend.accs-fy2026.rday_rate">26.0%%</a>, share <a class="figure" href="#fig-packet.peer_note_share_of_payment">0.8%%</a>, orgs <a class="figure" href="#fig-packet.org_count">4</a>.</p>\n' >"$T/want"
check "convert --packet: the packet's figures" grep -qxF -f "$T/want" "$T/a"
check "convert --packet: a position the packet lacks comes after its own" grep -q '^<article class="position" id="pos-pk"' "$T/a"
$PB convert --packet note-taking-funding "$T/pk.md" >"$T/b" 2>"$T/e"
check "convert --packet: -i defaults to input" cmp -s "$T/a" "$T/b"
# convert --packet of each position of each shipped packet: the element
# of that position in the packet's page, tables, charts and citation
# numbers and all (the DocBook chapter with its namespace declared)
rm -rf "$T/cvo"
$PB build -q -i input -o "$T/cvo"
for pk in accs-peer-roles note-taking-funding; do
	for f in $(sed -n 's/.*<position ref="\([^"]*\)".*/\1/p' input/packets/$pk.xml); do
		src=$(ls input/positions/$f.* | head -1)
		python3 tests/tools/pickpos.py "$T/cvo/$pk/index.html" "$f" html >"$T/want"
		$PB convert --packet $pk "$src" >"$T/a" 2>"$T/e"
		check "convert --packet $pk $src: its article in the page" cmp -s "$T/want" "$T/a"
		python3 tests/tools/pickpos.py "$T/cvo/$pk/$pk.dbk" "$f" docbook >"$T/want"
		$PB convert -t docbook --packet $pk "$src" >"$T/a" 2>"$T/e"
		sed -i 's| xmlns="http://docbook.org/ns/docbook"||; s| xmlns:xlink="http://www.w3.org/1999/xlink"||' "$T/a"
		check "convert -t docbook --packet $pk $src: its chapter in the book" cmp -s "$T/want" "$T/a"
	done
	$PB convert --standalone --packet $pk "$src" >"$T/a"
	check "convert --standalone --packet $pk: the page itself" cmp -s "$T/cvo/$pk/index.html" "$T/a"
	# the DocBook alone, no HTML rendered before it, is the build's book
	$PB convert -t docbook --standalone --packet $pk "$src" >"$T/a"
	check "convert -t docbook --standalone --packet $pk: the book itself" cmp -s "$T/cvo/$pk/$pk.dbk" "$T/a"
done
grep -q '<table' "$T/cvo/note-taking-funding/index.html" && grep -q '<svg' "$T/cvo/accs-peer-roles/index.html"
check "the pages compared hold tables and charts" test $? -eq 0
grep -q 'class="cite">\[<a' "$T/cvo/accs-peer-roles/index.html"
check "and numbered citations" test $? -eq 0
# convert of a file gives build's image warnings, its images as written
rm -rf "$T/img" && cp -r tests/semantic/base "$T/img"
printf -- '---\ntitle: I\n---\n![A chart](../media/none.png)\n' >"$T/img/positions/img.md"
(cd "$T" && $PB check -i img) 2>"$T/c.err"
grep 'warning: image' "$T/c.err" >"$T/want"
check "check warns of the missing image" grep -q "^img/positions/img.md:4:1: warning: image '../media/none.png' not found" "$T/want"
(cd "$T" && $PB convert img/positions/img.md) >"$T/a" 2>"$T/e"
check "convert with a missing image: exit 0" test $? -eq 0
grep 'warning: image' "$T/e" >"$T/got"
check "convert: the same image warning as check" cmp -s "$T/want" "$T/got"
check "convert: the image as written" grep -q 'src="../media/none.png"' "$T/a"
(cd "$T/img/positions" && $PB convert img.md) 2>&1 >/dev/null | grep 'warning: image' | sed 's|^|img/positions/|' >"$T/got"
check "convert in the positions folder: the same warning" cmp -s "$T/want" "$T/got"
printf -- '---\ntitle: I\n---\n![A chart](../media/none.png)\n' >"$T/lone.md"
$PB convert "$T/lone.md" >/dev/null 2>"$T/e"
check "convert of a file of no project: its images not looked at" test $? -eq 0 -a ! -s "$T/e"

# -q and -v on every command that prints warnings: the same input with a
# warning (an unknown front matter key) gives it by default and with -v,
# none with -q; the last of -q and -v wins, before the command too (each
# build into a new folder: a build that reuses every packet reads nothing).
rm -rf "$T/w" && cp -r input "$T/w"
printf -- '---\ntitle: Warned\nsumary: x\n---\nBody.\n' >"$T/w/positions/warned.md"
wmsg="$T/w/positions/warned.md:3:1: warning: unknown front matter key 'sumary'"
pbw() { rm -rf "$T/wo"; $PB "$@"; }
for cmd in "check -i $T/w" "build -i $T/w -o $T/wo" \
    "convert $T/w/positions/warned.md" \
    "convert -i $T/w --packet accs-peer-roles $T/w/positions/warned.md"; do
	pbw $cmd >/dev/null 2>"$T/e"
	check "$cmd: the warning by default" grep -q "^$wmsg" "$T/e"
	pbw $cmd -v >/dev/null 2>"$T/e"
	check "$cmd -v: the warning" grep -q "^$wmsg" "$T/e"
	pbw $cmd -q >/dev/null 2>"$T/e"
	check "$cmd -q: exit 0, nothing" test $? -eq 0 -a ! -s "$T/e"
	pbw $cmd -q -v >/dev/null 2>"$T/e"
	check "$cmd -q -v: the last wins" grep -q "^$wmsg" "$T/e"
	pbw -q $cmd >/dev/null 2>"$T/e"
	check "-q $cmd: before the command" test $? -eq 0 -a ! -s "$T/e"
	pbw --quiet $cmd --verbose >/dev/null 2>"$T/e"
	check "--quiet $cmd --verbose: the last wins" grep -q "^$wmsg" "$T/e"
done
$PB check -v -i "$T/w" 2>"$T/e"
nposn=$(ls "$T/w/positions" | wc -l)
norg=$(ls "$T/w/orgs" | wc -l)
npk=$(ls "$T/w/packets" | wc -l)
check "check -v: the warning, then what it checked" sh -c "sed -n 2p '$T/e' | grep -qx 'checked $T/w/: $npk packets, $norg organizations and $nposn positions; no errors, 1 warning'"
check "check -v: two lines" test "$(wc -l <"$T/e")" -eq 2
$PB check -i "$T/w" 2>"$T/e"
(cd "$T/above/proj" && $PB build -i inptu) >/dev/null 2>"$T/e"
check "a misspelt -i beside a project: exit 1" test $? -eq 1
check "a misspelt -i beside a project: says -i input" grep -qx "peerbrief: no input folder 'inptu' here, but input/ holds a project: did you mean -i input (the default, which -i can leave out)?" "$T/e"
check "check: no line of what it checked without -v" sh -c "! grep -q '^checked' '$T/e'"
rm -rf "$T/ini"
$PB init -q "$T/ini" >"$T/a" 2>"$T/e"
check "init -q: exit 0, nothing printed" test $? -eq 0 -a ! -s "$T/a" -a ! -s "$T/e"
check "init -q: the project written" test -f "$T/ini/input/peerbrief.xml"
rm -rf "$T/ini"
$PB -q init -v "$T/ini" >"$T/a" 2>"$T/e"
check "-q init -v: says how to build" grep -q "peerbrief build" "$T/a"
for c in init check; do
	$PB $c --help >"$T/a"
	check "$c --help lists -v" grep -q -- '-v, --verbose' "$T/a"
done
$PB help help >"$T/a"
check "help help: -q and -v before any command" grep -q "peerbrief -q build" "$T/a"
# help takes -q and -v as every command does (pandoc -q --help prints
# its help): before or after the command it is asked about, or alone.
$PB help >"$T/b"
for a in "help -q" "help -v" "-q help" "help --quiet"; do
	$PB $a >"$T/a" 2>"$T/e"
	check "$a: exit 0, the usage, nothing on stderr" sh -c "test $? -eq 0 && cmp -s '$T/a' '$T/b' && test ! -s '$T/e'"
done
$PB build --help >"$T/b"
for a in "help -q build" "help build -q" "help -v build" "-q help build"; do
	$PB $a >"$T/a" 2>"$T/e"
	check "$a: exit 0, build's help, nothing on stderr" sh -c "test $? -eq 0 && cmp -s '$T/a' '$T/b' && test ! -s '$T/e'"
done
$PB help biuld >"$T/a" 2>"$T/e"
check "help of a misspelled command exits 2" test $? -eq 2
check "help of a misspelled command suggests the nearest" grep -qx "peerbrief help: no command 'biuld'; did you mean 'build'?" "$T/e"
$PB help -x >/dev/null 2>"$T/e"
check "help -x: an unknown option, exit 2" sh -c "test $? -eq 2 && grep -qx 'peerbrief help: unknown option -x' '$T/e'"

# Colour: on a terminal only, never with NO_COLOR, never into a pipe.
$PB check -i tests/semantic/csv-quote 2>"$T/e" >/dev/null
check "no colour into a pipe" sh -c "! grep -q '$(printf '\033')' '$T/e'"
if command -v script >/dev/null 2>&1; then
	mkdir -p "$T/c/orgs" && printf '<x/>\n' >"$T/c/orgs/a.xml"
	TERM=xterm script -qec "$PB check -i $T/c" /dev/null >"$T/tty" 2>&1
	check "colour on a terminal" grep -q "$(printf '\033')\[1;31merror" "$T/tty"
	NO_COLOR=1 TERM=xterm script -qec "$PB check -i $T/c" /dev/null >"$T/tty" 2>&1
	check "no colour with NO_COLOR" sh -c "! grep -q '$(printf '\033')' '$T/tty'"
fi
# An option before the command that is none of those taken there.
$PB --verison >/dev/null 2>"$T/e"
check "--verison: exit 2" test $? -eq 2
check "--verison: the nearest option" test "$(head -n 1 "$T/e")" = "peerbrief: unknown option --verison; did you mean --version?"
$PB -o x build >/dev/null 2>"$T/e"
check "-o before the command: exit 2" test $? -eq 2
check "-o before the command: write it after" test "$(head -n 1 "$T/e")" = "peerbrief: unknown option -o before the command: write it after one (peerbrief build -o DIR)"
# A file that is not there: exit 1 at the file, with the nearest name in
# its folder.
$PB convert input/positions/note-takin.md >"$T/cout" 2>"$T/e"
check "convert of a missing file: exit 1" test $? -eq 1
check "convert of a missing file: the nearest name" test "$(cat "$T/e")" = "input/positions/note-takin.md: error: cannot read: No such file or directory; did you mean 'input/positions/note-taking.md'?"
check "convert of a missing file: nothing on stdout" test ! -s "$T/cout"
finish
