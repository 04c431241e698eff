#!/bin/sh
# install.sh - `make install` honours PREFIX and DESTDIR, and the installed
# program finds its templates and schemas away from the source tree.
. tests/lib.sh
make -s install DESTDIR="$T/dest" PREFIX=/usr >"$T/log" 2>&1
check "make install" test $? -eq 0
check "binary installed" test -x "$T/dest/usr/bin/peerbrief"
check "templates installed" test -f "$T/dest/usr/share/peerbrief/templates/html.xsl"
check "schemas installed" test -f "$T/dest/usr/share/peerbrief/schema/organization.rng"
check "man page installed" test -f "$T/dest/usr/share/man/man1/peerbrief.1"
check "bash completion installed" test -f "$T/dest/usr/share/bash-completion/completions/peerbrief"
check "skeleton installed" test -f "$T/dest/usr/share/peerbrief/skeleton/input/peerbrief.xml"
# mandoc is one of the test tools (tools/deps.sh): without it the lint
# fails rather than being left out.
mandoc -T lint -W warning man/peerbrief.1 >"$T/lint" 2>&1
check "the man page passes mandoc -T lint" test $? -eq 0 -a ! -s "$T/lint"
cat "$T/lint"
for s in OPTIONS FILES "EXIT STATUS" ENVIRONMENT EXAMPLES; do
	check "the man page has $s" grep -q "^\.SH $s\$" man/peerbrief.1
done
check "the completion script parses" bash -n completion/peerbrief.bash
check "LICENSE is ISC" grep -q "Permission to use, copy, modify, and distribute" LICENSE
check "README names the copyright and license" grep -q "^Copyright (c) 2026 the peerbrief authors.*ISC" README.md
cp -r input "$T/work"
cd "$T/work" || exit 3
printf -- '---\ntitle: T\n---\n*hi*\n' >p.md
check "installed convert works elsewhere" sh -c "\"$T/dest/usr/bin/peerbrief\" convert p.md | grep -q '<em>hi</em>'"
check "installed check works elsewhere" "$T/dest/usr/bin/peerbrief" check -i .
check "installed init works elsewhere" sh -c "\"$T/dest/usr/bin/peerbrief\" init \"$T/fresh\" >/dev/null"
check "the installed skeleton builds" sh -c "cd \"$T/fresh\" && \"$T/dest/usr/bin/peerbrief\" build -q"
cd - >/dev/null || exit 3
# README's Getting started, every command of its sh blocks as written, run
# by the installed program from a new folder: each succeeds, the change
# it makes shows in explain and in the page, and its slip is the error it
# quotes, out/ left as it was.
awk '/^## Getting started/ { on = 1 } /^## Setting up/ { on = 0 }
    on && /^```sh/ { b = 1; next } on && /^```/ { b = 0; next } on && b' \
    README.md >"$T/steps.sh"
check "README: the walkthrough has its steps" test "$(grep -c '^peerbrief ' "$T/steps.sh")" -ge 5
mkdir "$T/walk"
(cd "$T/walk" && PATH="$T/dest/usr/bin:$PATH" sh -e "$T/steps.sh") >"$T/walk.out" 2>"$T/walk.err"
check "README: every command of the walkthrough works" test $? -eq 0
sed -n 's/^  display: //p' "$T/walk.out" | tr '\n' ' ' >"$T/displays"
check "README: explain says no, then yes" test "$(cat "$T/displays")" = "no yes "
check "README: each build says what it did" test "$(grep -c '^1 packet built, 0 reused, .* -> out/$' "$T/walk.err")" -eq 2
check "README: the page shows two Peer Specialists" grep -q 'Lakeside Example Partners.*2 Peer Specialists' "$T/walk/myproject/out/first-packet/index.html"
cp -r "$T/walk/myproject/out" "$T/walk/out.before"
sed -i 's/^ps2,peer-specialist/ps2,peer-specalist/' "$T/walk/myproject/input/orgs/lakeside/staff.csv"
(cd "$T/walk/myproject" && "$T/dest/usr/bin/peerbrief" build) >/dev/null 2>"$T/slip"
check "README: the slip fails the build" test $? -eq 1
want=$(tr '\n' ' ' <README.md | sed -n "s/.*gives \`\(input\/orgs\/lakeside\/staff.csv:5:5: error: role 'peer-specalist' is not one of peer-specialist, \).*/\1/p")
check "README: the slip's error as quoted" sh -c 'test -n "$1" && grep -qF "$1" "$2"' _ "$want" "$T/slip"
check "README: the slip's nearest name" grep -q "(did you mean 'peer-specialist'?)$" "$T/slip"
check "README: out/ left as it was" diff -r "$T/walk/out.before" "$T/walk/myproject/out"
# make dist: a tarball of the tracked files that builds on its own.
if git rev-parse --git-dir >/dev/null 2>&1; then
	make -s dist DIST="$T/pb-dist" >"$T/log" 2>&1
	check "make dist" test $? -eq 0 -a -f "$T/pb-dist.tar.gz"
	mkdir "$T/unpack" && tar -xzf "$T/pb-dist.tar.gz" -C "$T/unpack"
	d=$T/unpack/$(ls "$T/unpack")
	check "the tarball has LICENSE, skeleton and completion" test -f "$d/LICENSE" -a -d "$d/skeleton" -a -f "$d/completion/peerbrief.bash"
	make -s -C "$d" peerbrief CFLAGS=-O0 >"$T/log" 2>&1
	check "the tarball builds" test $? -eq 0 -a -x "$d/peerbrief"
	tail -5 "$T/log"
	# make clean leaves the tree as checked out: git (in the unpacked
	# copy) shows no file it ignores once every fuzzer and its object
	# stand beside the build's own files
	(cd "$d" && git init -q && git add -A &&
	    git -c user.name=t -c user.email=t@example.org commit -qm t &&
	    mkdir -p tests/fuzz/obj && for c in tests/fuzz/fuzz_*.c; do
		f=${c%.c}; : >"$f"; : >"tests/fuzz/obj/${f##*/}.o"; done &&
	    make -s clean && git status --ignored --porcelain) >"$T/st" 2>&1
	check "make clean leaves no ignored file" test ! -s "$T/st"
	head -5 "$T/st"
fi
# CPPFLAGS reach the compiler; make clean removes .out.stat.
make -n src/util.o CPPFLAGS=-DPB_CPPFLAGS_SEEN -B 2>/dev/null | grep -q PB_CPPFLAGS_SEEN
check "CPPFLAGS honoured" test $? -eq 0
make -n clean | grep -q '\.out\.stat'
check "make clean removes .out.stat" test $? -eq 0
finish
