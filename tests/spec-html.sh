#!/bin/sh
# spec-html.sh - `peerbrief convert -t html` gives cmark's HTML on every
# CommonMark spec and regression example (tests/spec/html-equal.sh).
HTMLNORM=tests/tools/htmlnorm exec sh tests/spec/html-equal.sh ${PB:-./peerbrief} convert -t html
