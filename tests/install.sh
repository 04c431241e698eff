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
cp -r input "$T/work"
cd "$T/work" || exit 3
printf -- '---\ntitle: T\n---\n*hi*\n' >p.md
check "installed convert works elsewhere" sh -c "\"$T/dest/usr/bin/peerbrief\" convert p.md | grep -q '<em>hi</em>'"
check "installed check works elsewhere" "$T/dest/usr/bin/peerbrief" check -i .
check "installed init works elsewhere" sh -c "\"$T/dest/usr/bin/peerbrief\" init \"$T/fresh\" >/dev/null"
check "the installed skeleton builds" sh -c "cd \"$T/fresh\" && \"$T/dest/usr/bin/peerbrief\" build -q"
cd - >/dev/null || exit 3
finish
