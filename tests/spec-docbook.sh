#!/bin/sh
# spec-docbook.sh - `peerbrief convert -t docbook --standalone` writes valid
# DocBook 5.0 for every CommonMark spec and regression example.
d=tests/spec/data
SPECS="$d/commonmark-spec.txt $d/commonmark-regression.txt" \
    exec sh tests/spec/docbook-valid.sh ${PB:-./peerbrief} convert -t docbook --standalone
