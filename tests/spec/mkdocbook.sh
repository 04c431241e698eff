#!/bin/sh
# mkdocbook.sh FILE.md
#
# Test helper: the standalone DocBook of a Markdown file, made with
# mktree.sh and templates/docbook.xsl instead of peerbrief, e.g.
#   tests/spec/docbook-valid.sh tests/spec/mkdocbook.sh
# Extra xsltproc options may come in XSLTPROC_OPTS.
set -eu
here=$(dirname "$0")
"$here/mktree.sh" < "$1" |
xsltproc --nonet ${XSLTPROC_OPTS-} --stringparam standalone yes \
    "$here/../../templates/docbook.xsl" -
