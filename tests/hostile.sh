#!/bin/sh
# hostile.sh [NAME...] - hostile inputs, one folder each in tests/hostile/
# (all of them, or the NAMEs given). Each must give exactly the exit status
# and the messages it expects, finish in time, leak nothing into any output
# (no secret file's content; no script element, event handler or script
# URL), and, when a build fails, leave the previous good out/ byte for byte
# as it was, with no staging folder left.
#
# NAME/case.sh sets:
#   kind     convert     peerbrief convert on NAME/in.md or NAME/in.xml (or
#                        $file), once per format in $formats (html:
#                        -t html; standalone: -t html --standalone;
#                        docbook: -t docbook --standalone). With packet=1
#                        the input is also built as the position of a packet
#                        and $marker must show in its HTML and DocBook.
#            build       a build of tests/semantic/base with NAME/IN/ copied
#                        over it, into an out/ holding a good build
#            stylesheet  the same good build with a copy of templates/ in
#                        which html.xsl includes NAME/evil.xsl
#            special     the function below named after the case
#   status   the exit status (default 1)
#   limit    seconds it may take (default 30; ten times that under
#            AddressSanitizer, PB_ASAN=1, as under valgrind)
#   sound    (build) 1: every HTML file of out/ is well-formed, has no
#            id twice and no link inside a link, every chart's SVG file
#            is well-formed with no id twice, and every DocBook file is
#            valid against DocBook 5.0 and has no xml:id twice
#   show     (build) an extended regular expression: what it matches in
#            out/pk/index.html and out/pk/pk.dbk (grep -o) must be
#            NAME/expect.out
# NAME/gen.sh, if present, writes large or odd inputs into the working
# folder (the case's copy for convert, else the folder holding IN/ and out/).
# NAME/expect.err is the exact standard error, "$T" standing for the
# temporary folder (NAME/expect.packet.err, if present, that of the packet
# build, whose messages name IN/positions/pos.md); NAME/expect.out, if
# present, the exact standard output of the first format.
#
# The secret that must never show: $T/secret.txt and $T/secret.xml hold
# $SECRET; /etc/passwd's first line starts "root:".
# $PB is split on purpose (valgrind and its options); output paths have no
# spaces.
# shellcheck disable=SC2086,SC2046
. tests/lib.sh
trap 'umount "$T/disk" 2>/dev/null; rm -rf "$T"' EXIT
T=$(cd "$T" && pwd -P)
SECRET='PB-SECRET-7f3a9c'
BASE=tests/semantic/base
RNG=/usr/share/xml/docbook/schema/rng/5.0/docbook.rng
ROOT=$(pwd)
echo "$SECRET" >"$T/secret.txt"
echo "<secret>$SECRET</secret>" >"$T/secret.xml"
slow=1
[ "${PB_ASAN:-0}" = 1 ] && slow=10
[ "${PB_VALGRIND:-0}" = 1 ] && slow=10

# run LIMIT COMMAND... : runs COMMAND, killed after LIMIT seconds (scaled
# under valgrind); its status, 124 or 137 when it was killed.
run() {
	lim=$(($1 * slow))
	shift
	timeout --foreground -s KILL "$lim" "$@"
}

# unsafe FILE: prints what in FILE (HTML or DocBook) could run script in a
# browser: script-like elements, event-handler attributes, and URL
# attributes whose scheme is javascript:, vbscript:, file: or data: other
# than an image (or the empty icon of every page), once the tabs and line
# breaks browsers drop are dropped.
unsafe() {
	tr -d '\t\r' <"$1" | tr '\n' ' ' |
	    sed -E 's/&#(x0*[9aAdD]|0*9|0*1[03]);//g; s/>[^<]*</></g' >"$T/tags"
	# (the templates' charts are SVG, <svg ... class="chart" ...>, whose
	# attributes and contents the other checks still read; no other svg
	# may show, and none of SVG's elements that run or fetch)
	sed -E 's#<svg xmlns="http://www.w3.org/2000/svg"( [a-zA-Z:-]+="[^"]*")* class="chart"( [a-zA-Z:-]+="[^"]*")*>##g' "$T/tags" |
	    grep -Eio '<(script|iframe|frame|frameset|object|embed|applet|base|form|svg|math|foreignObject|animate[a-z]*|set|use|handler|listener)[ />]'
	grep -Eio '<meta [^>]*refresh' "$T/tags"
	sed -E 's/"[^"]*"/""/g' "$T/tags" | grep -Eio '[ /]on[a-z]+ *='
	# (the pages' own empty icon, <link rel="icon" href="data:,">, which
	# keeps browsers from asking the server for one, is no URL to follow)
	sed 's|<link rel="icon" href="data:," />||g' "$T/tags" |
	    grep -Eo ' ([a-zA-Z]+:)?(href|src|fileref|action|formaction|poster|background|data|url)="[^"]*"' |
	    tr '[:upper:]' '[:lower:]' | sed 's/=" */="/' |
	    grep -E '="(javascript|vbscript|livescript|file|data):' |
	    grep -Ev '="data:image/(png|gif|jpeg|webp)[;,]'
}

# leaks NAME FILE...: not_ok when any FILE could run script or holds a
# secret.
leaks() {
	n=$1
	shift
	for f in "$@"; do
		[ -f "$f" ] || continue
		u=$(unsafe "$f")
		[ -z "$u" ] || { not_ok "$n: unsafe markup in ${f#"$T/"}"; echo "$u" | head -5; }
		if grep -aq -e "$SECRET" -e '^root:' "$f"; then
			not_ok "$n: a secret leaked into ${f#"$T/"}"
		fi
	done
}

# expect NAME DIR STATUS [FILE]: compares the exit status and $T/err with
# what the case expects (DIR/FILE, default DIR/expect.err); 0 when both match (and no message shows a secret).
expect() {
	if grep -aq -e "$SECRET" -e '^root:' "$T/err"; then
		not_ok "$1: a secret leaked into the messages"
		return 1
	fi
	# a build's summary line (its time varies) is tested in build.sh
	sed -e "s|$T|\$T|g" -e '/^[0-9]* packets\{0,1\} built, [0-9]* reused, .* s -> .*\/$/d' \
	    "$T/err" >"$T/err.n"
	if [ -f "$2/${4:-expect.err}" ]; then cp "$2/${4:-expect.err}" "$T/want"; else : >"$T/want"; fi
	if [ "$3" -eq 124 ] || [ "$3" -eq 137 ]; then
		not_ok "$1: killed after $((limit * slow))s"
		return 1
	elif [ "$3" -ne "$status" ]; then
		not_ok "$1: exit $3, want $status"
		head -c 2000 "$T/err.n"
		return 1
	elif ! diff -u "$T/want" "$T/err.n" >"$T/diff"; then
		not_ok "$1: messages differ"
		head -c 3000 "$T/diff"
		return 1
	fi
	return 0
}

# sound NAME: not_ok for each HTML file of out/ that is not well-formed,
# holds an id twice or a link inside a link, each SVG file not
# well-formed or holding an id twice, and each DocBook file that is not
# valid DocBook 5.0 or holds an xml:id twice.
sound() {
	for f in $(find "$T/out" -name '*.html' -o -name '*.dbk' -o -name '*.svg' |
	    sort); do
		r=${f#"$T/"}
		if ! xmllint --noout --nonet "$f" 2>/dev/null; then
			not_ok "$1: $r is not well-formed"
			continue
		fi
		case $f in
		*.html)
			n=$(xmllint --xpath "count(//*[local-name()='a']//*[local-name()='a'])" "$f")
			[ "$n" = 0 ] || not_ok "$1: $r has $n links inside links"
			ids=$(xmllint --xpath '//@id' "$f" 2>/dev/null) ;;
		*.svg)
			ids=$(xmllint --xpath '//@id' "$f" 2>/dev/null) ;;
		*)
			xmllint --noout --nonet --relaxng "$RNG" "$f" \
			    >/dev/null 2>"$T/rng" ||
			    { not_ok "$1: $r is not valid DocBook"; head -3 "$T/rng"; }
			ids=$(xmllint --xpath '//@xml:id' "$f" 2>/dev/null) ;;
		esac
		d=$(printf '%s\n' "$ids" | sed 's/^ *//' | sort | uniq -d)
		[ -z "$d" ] || { not_ok "$1: $r holds ids twice"; echo "$d" | head -5; }
	done
}

# Each case starts from a copy of the base input and of a good build of it.
fresh() {
	rm -rf "$T/IN" "$T/out" "$T"/.out.staging* "$T/tpl" "$T/pwned.html"
	cp -r "$BASE" "$T/IN"
	cp -r "$T/good" "$T/out"
}

# unchanged NAME: a failed build left out/ as it was and no staging folder.
unchanged() {
	if ! diff -r "$T/good" "$T/out" >"$T/diff" 2>&1; then
		not_ok "$1: the failed build changed out/"
		head -20 "$T/diff"
	elif ls -d "$T"/.out.staging* >/dev/null 2>&1; then
		not_ok "$1: the failed build left its staging folder"
	else
		return 0
	fi
	return 1
}

convert_case() {
	name=$1 dir=$2
	rm -rf "$T/w"
	mkdir "$T/w"
	cp -r "$dir/." "$T/w/"
	[ -f "$T/w/gen.sh" ] && (cd "$T/w" && sh ./gen.sh)
	if [ -z "$file" ]; then
		file=in.md
		[ -f "$T/w/in.xml" ] && file=in.xml
	fi
	good=1
	first=1
	for fmt in $formats; do
		case $fmt in
		html) opts="-t html" ;;
		standalone) opts="-t html --standalone" ;;
		docbook) opts="-t docbook --standalone" ;;
		esac
		(cd "$T/w" && run "$limit" $PB convert $opts "$file") \
		    >"$T/stdout" 2>"$T/err"
		st=$?
		expect "$name ($fmt)" "$dir" "$st" || good=0
		if [ "$st" -ne 0 ] && [ -s "$T/stdout" ]; then
			not_ok "$name ($fmt): output despite exit $st"
			good=0
		fi
		if [ "$first" = 1 ] && [ -f "$dir/expect.out" ] &&
		    ! cmp -s "$dir/expect.out" "$T/stdout"; then
			not_ok "$name ($fmt): output differs from expect.out"
			good=0
		fi
		first=0
		cp "$T/stdout" "$T/stdout.$fmt"
		c=$fail
		leaks "$name ($fmt)" "$T/stdout.$fmt"
		[ "$fail" -eq "$c" ] || good=0
	done
	[ "$good" = 1 ] && ok "$name"
	[ "$packet" = 1 ] || return
	# The same position inside a packet.
	fresh
	rm -f "$T/IN/positions/"*
	cp "$T/w/$file" "$T/IN/positions/pos.${file##*.}"
	(cd "$T" && run "$limit" $PB build -i IN -o out) >"$T/stdout" 2>"$T/err"
	st=$?
	c=$fail
	want=expect.err
	[ -f "$dir/expect.packet.err" ] && want=expect.packet.err
	expect "$name (packet)" "$dir" "$st" "$want"
	leaks "$name (packet)" $(find "$T/out" -type f | sort)
	for f in "$T/out/pk/index.html" "$T/out/pk/pk.dbk"; do
		grep -q "$marker" "$f" 2>/dev/null ||
		    not_ok "$name (packet): the position is missing from ${f#"$T/"}"
	done
	[ "$fail" -eq "$c" ] && ok "$name (packet)"
}

build_case() {
	name=$1 dir=$2
	fresh
	[ -d "$dir/IN" ] && cp -r "$dir/IN/." "$T/IN/"
	[ -f "$dir/gen.sh" ] && (cd "$T" && sh "$ROOT/$dir/gen.sh")
	(cd "$T" && run "$limit" $PB build -i IN -o out) >"$T/stdout" 2>"$T/err"
	st=$?
	c=$fail
	expect "$name" "$dir" "$st"
	[ "$st" -eq 0 ] || unchanged "$name"
	leaks "$name" "$T/stdout" $(find "$T/out" -type f | sort)
	[ "$sound" = 1 ] && sound "$name"
	if [ -n "$show" ]; then
		(cd "$T" && grep -Eo "$show" out/pk/index.html out/pk/pk.dbk) \
		    >"$T/shown"
		diff -u "$dir/expect.out" "$T/shown" >"$T/diff" ||
		    { not_ok "$name: out/pk differs from expect.out"; head -30 "$T/diff"; }
	fi
	[ "$fail" -eq "$c" ] && ok "$name"
}

stylesheet_case() {
	name=$1 dir=$2
	fresh
	cp -r templates "$T/tpl"
	cp "$dir/evil.xsl" "$T/tpl/"
	sed 's|</xsl:stylesheet>|<xsl:include href="evil.xsl"/></xsl:stylesheet>|' \
	    templates/html.xsl >"$T/tpl/html.xsl"
	[ -f "$dir/gen.sh" ] && (cd "$T" && sh "$ROOT/$dir/gen.sh")
	(cd "$T" && run "$limit" $PB build -i IN -o out -t tpl) \
	    >"$T/stdout" 2>"$T/err"
	st=$?
	c=$fail
	expect "$name" "$dir" "$st"
	unchanged "$name"
	[ -e "$T/pwned.html" ] && not_ok "$name: the stylesheet wrote a file"
	leaks "$name" "$T/stdout" $(find "$T/out" -type f | sort)
	[ "$fail" -eq "$c" ] && ok "$name"
}

# --------------------------------------------------------- special cases

# Runs commands with a value holding a terminal escape, a C1 control, a
# line separator or a bidirectional control; their messages (the usage
# text left out) and exit statuses, in order, then what init says of a
# new folder so named, are the case's expect.err.
diag_command_line() {
	fresh
	e=$(printf '\033]0;pwned\007')
	: >"$T/err.all"
	for args in "explain x${e}\342\200\256y -i IN" \
	    "figures --packet p\302\233q -i IN" \
	    "figures --as-of 2026\342\200\25001 -i IN" \
	    "build -j 4\342\201\247 -i IN -o out" \
	    "check -i IN\033[2J" \
	    "build -i IN -o out -t tpl${e}" \
	    "convert --max-input-size 9${e} f.md" \
	    "build --x${e} -i IN -o out" \
	    "figures -i IN --format x${e}" \
	    "convert -t x${e} f.md" \
	    "convert no\342\200\251ne.md" \
	    "help x\302\205y" \
	    "x${e}y"; do
		a=$(printf "$args")
		(cd "$T" && run "$limit" $PB $a) >/dev/null 2>"$T/err"
		echo "exit $?" >>"$T/err.all"
		grep -v -e '^ ' -e '^usage:' "$T/err" >>"$T/err.all"
	done
	# init names the new folder on standard output
	a=$(printf 'new\033[2Jdir')
	(cd "$T" && run "$limit" $PB init "$a") >>"$T/err.all" 2>&1
	echo "exit $?" >>"$T/err.all"
	rm -rf "$T/$a"
	mv "$T/err.all" "$T/err"
	expect "$1" "$2" 0 && unchanged "$1" && ok "$1"
}

# explain on NAME/IN laid over the base (expect.out), then a build (-q:
# without the warning of the base's missing base-url) whose
# out/pk/figures.json must give the same positions (a public packet shows
# staff by role, each sum at every member it adds up).
provenance_one_line() {
	fresh
	cp -r "$2/IN/." "$T/IN/"
	: >"$T/err"
	: >"$T/stdout"
	for f in acme.accs-fy2026.dmh_payment acme.accs-fy2026.rdays \
	    acme.peer_fte acme.family_partner_share; do
		(cd "$T" && run "$limit" $PB explain "$f" -i IN) \
		    >>"$T/stdout" 2>>"$T/err"
	done
	expect "$1" "$2" 0 || return
	if ! diff -u "$2/expect.out" "$T/stdout" >"$T/diff"; then
		not_ok "$1: explain differs from expect.out"
		head -30 "$T/diff"
		return
	fi
	rm -rf "$T/out"
	(cd "$T" && run "$limit" $PB build -q -i IN -o out) >/dev/null 2>"$T/err"
	expect "$1 (build)" "$2" $? || return
	c=$fail
	for at in 5:118 5:165 5:213 5:257 6:55 6:194; do
		grep -q "\"orgs/acme.xml:$at\"" "$T/out/pk/figures.json" ||
		    not_ok "$1: out/pk/figures.json lacks acme.xml:$at"
	done
	[ "$fail" -eq "$c" ] && ok "$1"
}

# convert --max-input-size 0 on a generated position: every reference is
# an error there (no packet); the count, the exit status, and the first,
# sixth and last messages must be as expect.err says.
xml_position_50000_values() {
	rm -rf "$T/w"
	mkdir "$T/w"
	(cd "$T/w" && sh "$ROOT/$2/gen.sh")
	(cd "$T/w" && run "$limit" $PB convert --max-input-size 0 in.xml) \
	    >"$T/stdout" 2>"$T/all"
	st=$?
	{
		echo "$(grep -c ': error: ' "$T/all") errors"
		sed -n '1p;6p;50000p;50001p' "$T/all"
	} >"$T/err"
	expect "$1" "$2" "$st" && ok "$1"
}

# The same harness: 50,000 undeclared prefixes, each said once.
xml_undeclared_prefixes_50000() {
	xml_position_50000_values "$@"
}

# Builds whose -o overlaps -i or -t; the messages and exit statuses, in
# order, are expect.err; IN/ must be untouched and nothing created.
out_overlaps_input() {
	fresh
	rm -rf "$T/out" "$T/ref" "$T/lnk" "$T/tpl" "$T"/.out.* "$T"/.IN.* \
	    "$T"/.lnk.* "$T"/.tpl.*
	cp -r "$T/IN" "$T/ref"
	ln -s IN "$T/lnk"
	cp -r templates "$T/tpl"
	: >"$T/err.all"
	for args in "-i IN -o IN" "-i IN -o IN/out" "-i IN/ -o ." \
	    "-i IN -o lnk" "-i lnk -o ./IN/positions/.." "-i IN -o tpl -t tpl/." \
	    "-i IN -o tpl/x -t tpl"; do
		(cd "$T" && run "$limit" $PB build $args) >/dev/null 2>"$T/err"
		echo "exit $?" >>"$T/err.all"
		cat "$T/err" >>"$T/err.all"
	done
	mv "$T/err.all" "$T/err"
	expect "$1" "$2" 0 || return
	if ! diff -r "$T/ref" "$T/IN" >/dev/null 2>&1; then
		not_ok "$1: the input folder changed"
	elif [ -n "$(cd "$T" && ls -A | grep -e '^out' -e '^\.out' \
	    -e '^\.IN' -e '^\.lnk' -e '^\.tpl')" ]; then
		not_ok "$1: a build made files: $(cd "$T" && ls -A | tr '\n' ' ')"
	else
		ok "$1"
	fi
	rm -rf "$T/ref" "$T/lnk" "$T/tpl"
}

# Two inputs A and B built into one out/ at the same moment, five rounds;
# then a build started while another process holds the lock.
concurrent_builds() {
	fresh
	rm -rf "$T/A" "$T/B" "$T/snapA" "$T/snapB" "$T/out" "$T"/.out.*
	mv "$T/IN" "$T/A"
	for i in 1 2 3 4 5 6 7 8; do
		cp "$T/A/packets/pk.xml" "$T/A/packets/pk$i.xml"
	done
	cp -r "$T/A" "$T/B"
	printf -- '---\ntitle: B\n---\nThe other build.\n' >"$T/B/positions/pos.md"
	(cd "$T" && $PB build -i A -o snapA && $PB build -i B -o snapB) \
	    >/dev/null 2>&1
	c=$fail
	for round in 1 2 3 4 5; do
		rm -rf "$T/out" "$T"/.out.stat
		(cd "$T" && run "$limit" $PB build -q -i A -o out) >/dev/null \
		    2>"$T/errA" &
		(cd "$T" && run "$limit" $PB build -q -i B -o out) >/dev/null \
		    2>"$T/errB" &
		wait
		if [ -s "$T/errA" ] || [ -s "$T/errB" ]; then
			not_ok "$1: round $round: a build failed"
			cat "$T/errA" "$T/errB" | head -5
			break
		fi
		if ! diff -r "$T/snapA" "$T/out" >/dev/null 2>&1 &&
		    ! diff -r "$T/snapB" "$T/out" >/dev/null 2>&1; then
			not_ok "$1: round $round: out/ is neither build"
			break
		fi
		if ls -d "$T"/.out.staging* >/dev/null 2>&1; then
			not_ok "$1: round $round: a staging folder was left"
			break
		fi
	done
	# The lock is taken: the build waits until it is free, then builds.
	rm -rf "$T/out"
	(cd "$T" && flock .out.lock sh -c 'sleep 1; echo free >freed') &
	sleep 0.3
	(cd "$T" && run "$limit" $PB build -q -i B -o out) >/dev/null 2>"$T/err"
	st=$?
	wait
	if [ "$st" -ne 0 ] || [ -s "$T/err" ]; then
		not_ok "$1: the waiting build failed (exit $st)"
		head -3 "$T/err"
	elif [ ! -f "$T/freed" ] || [ "$T/freed" -nt "$T/out/index.html" ]; then
		not_ok "$1: the build did not wait for the lock"
	elif ! diff -r "$T/snapB" "$T/out" >/dev/null 2>&1; then
		not_ok "$1: the waiting build's out/ differs from B"
	fi
	rm -rf "$T/A" "$T/B" "$T/snapA" "$T/snapB" "$T/freed"
	[ "$fail" -eq "$c" ] && ok "$1"
}

# Applies each change of incremental_sees_links to IN/ and compares an
# incremental build of out/ with a fresh build of fresh/. Without root the
# device step (mknod) is left out, and the case says so.
incremental_sees_links() {
	rebuild
	c=$fail
	mkdir -p "$T/IN/texts"
	printf -- '---\ntitle: A\n---\nVersion A.\n' >"$T/IN/texts/a.md"
	printf -- '---\ntitle: B\n---\nVersion B.\n' >"$T/IN/texts/b.md"
	cp "$T/IN/texts/b.md" "$T/outside.md"
	p="$T/IN/positions/pos.md"
	steps="link-a retarget-b dangling loop back-b outside fifo socket"
	# (mknod needs root: as root the device step runs)
	[ "$(id -u)" = 0 ] && steps="$steps device back-a"
	for step in $steps folder regular; do
		rm -rf "$p"
		case $step in
		link-a|back-a) ln -s ../texts/a.md "$p" ;;
		retarget-b|back-b) ln -s ../texts/b.md "$p" ;;
		dangling) ln -s ../texts/none.md "$p" ;;
		loop) ln -s pos.md "$p" ;;
		outside) ln -s ../../outside.md "$p" ;;
		fifo) mkfifo "$p" ;;
		socket) python3 -c 'import socket, sys
socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$p" ;;
		device) mknod "$p" c 1 5 ;;
		folder) mkdir "$p" ;;
		regular) cp "$T/IN/texts/a.md" "$p" ;;
		esac
		(cd "$T" && run "$limit" $PB build -q -i IN -o out) >/dev/null \
		    2>"$T/err.inc"
		si=$?
		rm -rf "$T/fresh" "$T"/.fresh.*
		(cd "$T" && run "$limit" $PB build -q -i IN -o fresh) \
		    >/dev/null 2>"$T/err.fresh"
		sf=$?
		if [ "$si" -ne "$sf" ] || ! cmp -s "$T/err.inc" "$T/err.fresh"
		then
			not_ok "$1: $step: the rebuild gives exit $si, a fresh build $sf"
			cat "$T/err.inc" "$T/err.fresh" | head -4
		elif [ "$sf" -eq 0 ] && ! diff -r "$T/fresh" "$T/out" \
		    >/dev/null 2>&1; then
			not_ok "$1: $step: out/ differs from a fresh build"
		fi
	done
	rm -rf "$T/fresh" "$T"/.fresh.* "$T/outside.md"
	[ "$(id -u)" = 0 ] || echo "skip $1: device: mknod needs root"
	[ "$fail" -eq "$c" ] && ok "$1"
}

out_is_symlink() {
	fresh
	rm -rf "$T/out" "$T/elsewhere"
	mkdir "$T/elsewhere"
	ln -s elsewhere "$T/out"
	(cd "$T" && run "$limit" $PB build -i IN -o out) >"$T/stdout" 2>"$T/err"
	expect "$1" "$2" $? || return
	if [ -n "$(ls -A "$T/elsewhere")" ]; then
		not_ok "$1: the build wrote through the link"
	elif [ "$(readlink "$T/out")" != elsewhere ]; then
		not_ok "$1: the link was replaced"
	elif ls -d "$T"/.out.staging* >/dev/null 2>&1; then
		not_ok "$1: a staging folder was left"
	else
		ok "$1"
	fi
	rm -f "$T/out"
}

# Builds the base with base-url lacking its trailing slash; the absolute
# links of out/ (file, link, count) are expect.out.
base_url_without_slash() {
	fresh
	rm -rf "$T/out"
	sed -i 's|</title>|</title><base-url>https://example.org/briefs</base-url>|' \
	    "$T/IN/peerbrief.xml"
	(cd "$T" && run "$limit" $PB build -q -i IN -o out) >/dev/null 2>"$T/err"
	expect "$1" "$2" $? || return
	(cd "$T" && grep -o 'https://example.org[^"<]*' out/feed.xml \
	    out/sitemap.xml out/index.html out/pk/index.html | sort |
	    uniq -c) >"$T/stdout"
	if ! diff -u "$2/expect.out" "$T/stdout" >"$T/diff"; then
		not_ok "$1: the links differ from expect.out"
		head -20 "$T/diff"
	else
		ok "$1"
	fi
}

# A good build made just now (the one made at the start may be stale for
# the build's manifest if templates/ changed since).
rebuild() {
	fresh
	rm -rf "$T/out"
	(cd "$T" && $PB build -i IN -o out) >/dev/null 2>&1
	rm -rf "$T/now"
	cp -r "$T/out" "$T/now"
}

out_symlinked_packet_dir() {
	rebuild
	rm -rf "$T/secrets" "$T/fresh"
	mkdir "$T/secrets"
	for f in index.html pk.dbk figures.json figures.csv; do
		echo "$SECRET" >"$T/secrets/$f"
	done
	rm -rf "$T/out/pk"
	ln -s ../secrets "$T/out/pk"
	printf -- '---\ntitle: Other\n---\nIn no packet.\n' >"$T/IN/positions/other.md"
	(cd "$T" && run "$limit" $PB build -i IN -o out) >"$T/stdout" 2>"$T/err"
	st=$?
	c=$fail
	expect "$1" "$2" $st
	(cd "$T" && $PB build -i IN -o fresh) >/dev/null 2>&1
	[ -L "$T/out/pk" ] && not_ok "$1: out/pk is still a symbolic link"
	diff -r "$T/fresh" "$T/out" >/dev/null 2>&1 ||
	    not_ok "$1: out/ differs from a fresh build"
	leaks "$1" $(find "$T/out" -type f | sort)
	[ "$fail" -eq "$c" ] && ok "$1"
}

out_stale_symlink_unchanged_input() {
	rebuild
	rm -rf "$T/elsewhere"
	mkdir "$T/elsewhere"
	echo "$SECRET" >"$T/elsewhere/secret.html"
	ln -s ../elsewhere/secret.html "$T/out/stale.html"
	ln -s ../elsewhere "$T/out/pk/stale"
	echo '<script>alert(1)</script>' >>"$T/out/pk/index.html"
	(cd "$T" && run "$limit" $PB build -i IN -o out) >"$T/stdout" 2>"$T/err"
	expect "$1" "$2" $? || return
	if ! diff -r "$T/now" "$T/out" >"$T/diff" 2>&1; then
		not_ok "$1: out/ is not what a fresh build gives"
		head -5 "$T/diff"
	else
		ok "$1"
	fi
}

interrupted_build() {
	fresh
	rm -rf "$T/A" "$T/B" "$T/snapA" "$T/snapB" "$T/out"
	mv "$T/IN" "$T/A"
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		cp "$T/A/packets/pk.xml" "$T/A/packets/pk$i.xml"
	done
	cp -r "$T/A" "$T/B"
	printf -- '---\ntitle: B\n---\nThe other build.\n' >"$T/B/positions/pos.md"
	for x in B A; do
		rm -rf "$T/IN"
		cp -r "$T/$x" "$T/IN"
		(cd "$T" && $PB build -i IN -o out) >/dev/null 2>&1
		cp -r "$T/out" "$T/snap$x"
	done
	c=$fail
	x=B
	for d in 0.01 0.02 0.04 0.06 0.08 0.1 0.15 0.2 0.3; do
		rm -rf "$T/IN"
		cp -r "$T/$x" "$T/IN"
		(cd "$T" && timeout --foreground -s KILL "$d" $PB build -i IN -o out) \
		    >/dev/null 2>&1
		if ! diff -r "$T/snapA" "$T/out" >/dev/null 2>&1 &&
		    ! diff -r "$T/snapB" "$T/out" >/dev/null 2>&1; then
			not_ok "$1: killed after ${d}s, out/ is neither build"
			break
		fi
		if [ "$x" = B ]; then x=A; else x=B; fi
	done
	# Then out/ holds A, a killed build left its staging folder, and A is
	# built again: it succeeds, out/ is A and the stale folder is gone.
	rm -rf "$T/IN" "$T"/.out.staging*
	cp -r "$T/A" "$T/IN"
	(cd "$T" && $PB build -i IN -o out) >/dev/null 2>&1
	mkdir -p "$T/.out.staging/pk"
	echo 'half written' >"$T/.out.staging/pk/index.html"
	(cd "$T" && run "$limit" $PB build -i IN -o out) >"$T/stdout" 2>"$T/err"
	expect "$1" "$2" $? || return
	if ! diff -r "$T/snapA" "$T/out" >/dev/null 2>&1; then
		not_ok "$1: the build after the kills differs from a clean one"
	elif ls -d "$T"/.out.staging* >/dev/null 2>&1; then
		not_ok "$1: a stale staging folder is left"
	fi
	[ "$fail" -eq "$c" ] && ok "$1"
}

# full_disk NAME DIR: a build whose output does not fit on its file system,
# a 200 KiB tmpfs. Mounting needs root: as root a refused mount is a
# failure (the case must run where the suite runs as root, as in CI);
# otherwise the case says it did not run (file-size-limit still fails a
# write there, by a limit instead of a full disk).
full_disk() {
	fresh
	mkdir -p "$T/disk"
	if ! mount -t tmpfs -o size=200k tmpfs "$T/disk" 2>"$T/err"; then
		if [ "$(id -u)" = 0 ]; then
			not_ok "$1: root cannot mount a tmpfs: $(head -1 "$T/err")"
		else
			echo "skip $1: mounting a tmpfs needs root"
		fi
		return
	fi
	write_fails "$1" disk/out "$T/disk" ': No space left on device$'
	umount "$T/disk"
}

# file_size_limit NAME DIR: the same build, with a file-size limit smaller
# than the packet's page (RLIMIT_FSIZE, SIGXFSZ ignored so that the write
# fails with EFBIG): it runs as any user, with no mount.
file_size_limit() {
	fresh
	rm -rf "$T/lim"
	mkdir "$T/lim"
	write_fails "$1" lim/out "$T/lim" ': File too large$' 'trap "" XFSZ; ulimit -f 40;'
}

# write_fails NAME OUT DIR PATTERN [PREFIX]: builds IN into OUT (inside
# DIR), then ten more packets with the shell commands PREFIX run first;
# the build must exit $status with one message matching PATTERN, leave
# the previous OUT as it was and no staging folder in DIR.
write_fails() {
	(cd "$T" && $PB build -i IN -o "$2") >/dev/null 2>&1
	rm -rf "$T/snap"
	cp -r "$T/$2" "$T/snap"
	for i in 0 1 2 3 4 5 6 7 8 9; do
		cp "$T/IN/packets/pk.xml" "$T/IN/packets/pk$i.xml"
	done
	(cd "$T" && sh -c "${5:-} exec \"\$@\"" sh timeout --foreground -s KILL \
	    $((limit * slow)) $PB build -j 1 -i IN -o "$2") >"$T/stdout" 2>"$T/err"
	st=$?
	c=$fail
	if [ "$st" -ne "$status" ]; then
		not_ok "$1: exit $st, want $status"
		head -3 "$T/err"
	fi
	if [ "$(wc -l <"$T/err")" -ne 1 ] || ! grep -q "$4" "$T/err"; then
		not_ok "$1: want one message matching '$4'"
		head -3 "$T/err"
		echo "($(wc -l <"$T/err") lines)"
	fi
	diff -r "$T/snap" "$T/$2" >/dev/null 2>&1 ||
	    not_ok "$1: the failed build changed ${2}/"
	ls -d "$3"/.out.staging* >/dev/null 2>&1 &&
	    not_ok "$1: a staging folder was left"
	[ "$fail" -eq "$c" ] && ok "$1"
}

# input_char_device NAME DIR: the build case NAME (its gen.sh makes
# character devices with mknod, which needs root); as root it must run,
# otherwise it says it did not.
input_char_device() {
	if [ "$(id -u)" != 0 ]; then
		echo "skip $1: mknod needs root"
		return
	fi
	build_case "$1" "$2"
}

# ------------------------------------------------------------------ main

rm -rf "$T/IN"
cp -r "$BASE" "$T/IN"
if ! (cd "$T" && $PB build -i IN -o good) >"$T/err" 2>&1; then
	not_ok "a good build of $BASE"
	cat "$T/err"
fi
[ $# -gt 0 ] || set -- tests/hostile/*/
for dir in "$@"; do
	dir=tests/hostile/$(basename "$dir")
	name=${dir##*/}
	kind='' status=1 limit=30 file='' formats='html standalone docbook'
	packet=0 marker='' sound=0 show=''
	# shellcheck disable=SC1090
	. "./$dir/case.sh"
	case $kind in
	convert) convert_case "$name" "$dir" ;;
	build) build_case "$name" "$dir" ;;
	stylesheet) stylesheet_case "$name" "$dir" ;;
	special) "$(echo "$name" | tr - _)" "$name" "$dir" ;;
	*) not_ok "$name: unknown kind '$kind'" ;;
	esac
done
finish
