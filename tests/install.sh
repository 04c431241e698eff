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
