#!/bin/sh
# html-devcmd.sh [-s] FILE.md
#
# Development stand-in for `peerbrief convert -t html FILE.md` while the
# program cannot do it yet: cmark's XML, turned into the VOCAB.md tree by
# html-devtree.xsl, transformed by templates/html.xsl and serialized as the
# program does it (html-devxslt.c, built once into $TMPDIR).  -s asks for a
# standalone document (with templates/style.css inlined).
#   tests/spec/html-equal.sh tests/spec/html-devcmd.sh
# Known differences from the real program: cmark's XML can hold bytes that
# are not UTF-8 (it writes U+FFFE and U+FFFF as the bytes FE and FF), which
# xsltproc refuses; the program never reads cmark's XML.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
standalone=no
if [ "${1-}" = -s ]; then
	standalone=yes
	shift
fi
if [ $# -ne 1 ]; then
	echo "usage: $0 [-s] FILE.md" >&2
	exit 2
fi
bin=${TMPDIR:-/tmp}/html-devxslt-$(id -u)
if [ ! -x "$bin" ] || [ "$here/html-devxslt.c" -nt "$bin" ]; then
	# shellcheck disable=SC2046
	${CC:-cc} -std=c11 -W -Wall -Wextra -pedantic -o "$bin.$$" \
	    "$here/html-devxslt.c" \
	    $(pkg-config --cflags --libs libxslt libxml-2.0)
	mv "$bin.$$" "$bin"
fi
tree=$(mktemp "${TMPDIR:-/tmp}/html-devtree.XXXXXX")
trap 'rm -f "$tree"' EXIT
# An XML parser turns a newline, CR or tab inside an attribute value into a
# space; cmark writes them raw there (a multi-line link title), the program
# keeps them. Escape them first so the tree keeps them too.
cmark -t xml --sourcepos "$1" |
    perl -0777 -pe 's{="([^"]*)"}{my $v = $1;
	$v =~ s/\n/&#10;/g; $v =~ s/\r/&#13;/g; $v =~ s/\t/&#9;/g; "=\"$v\""}ge' |
    xsltproc --nonet --novalid "$here/html-devtree.xsl" - >"$tree"
if [ "$standalone" = yes ]; then
	"$bin" "$root/templates/html.xsl" "$tree" standalone=yes \
	    "css=$(cat "$root/templates/style.css" 2>/dev/null || true)"
else
	"$bin" "$root/templates/html.xsl" "$tree"
fi
