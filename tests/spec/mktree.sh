#!/bin/sh
# mktree.sh [TITLE] < FILE.md > tree.xml
#
# Test helper: builds the document tree of VOCAB.md (docs/tree.md) from
# Markdown on stdin, the way `peerbrief convert` does it, but with the cmark
# program instead of the C code, so that the stylesheets can be exercised on
# their own.  Link and image destinations are made safe and percent-encoded as
# src/url.c does (cmark's houdini_escape_href), and bytes that are not UTF-8
# or not XML characters become U+FFFD as src/tree.c does; then cmxml2tree.xsl
# wraps the document in pb:position and drops raw HTML.  TITLE defaults to
# "Example".
set -eu
here=$(dirname "$0")
title=${1-Example}
cmark -t xml --sourcepos |
LC_ALL=C perl -MEncode -pe '
	$_ = Encode::decode("UTF-8", $_, sub { "\x{FFFD}" });
	s/[^\x09\x0A\x0D\x20-\x{D7FF}\x{E000}-\x{FFFD}\x{10000}-\x{10FFFF}]/\x{FFFD}/g;
	$_ = Encode::encode("UTF-8", $_);
	sub unxml {
		my $s = shift;
		$s =~ s/&#[xX]([0-9a-fA-F]+);/chr(hex($1))/ge;
		$s =~ s/&#([0-9]+);/chr($1)/ge;
		$s =~ s/&lt;/</g; $s =~ s/&gt;/>/g; $s =~ s/&quot;/"/g;
		$s =~ s/&amp;/&/g;
		return $s;
	}
	sub unsafe {
		(my $u = shift) =~ s/^[\x00-\x20]+//;
		return 1 if $u =~ /^(javascript|vbscript|file):/i;
		return $u =~ /^data:/i && $u !~ /^data:image\/(png|gif|jpeg|webp)/i;
	}
	sub href {
		my $u = unxml(shift);
		return "" if unsafe($u);
		$u =~ s/([^A-Za-z0-9\-_.+!*\x27(),%#\@?=;:\/&\$~])/sprintf("%%%02X", ord($1))/ge;
		$u =~ s/&/&amp;/g;
		return $u;
	}
	s/ destination="([^"]*)"/" destination=\"" . href($1) . "\""/ge;
' |
xsltproc --nonet --novalid --stringparam title "$title" \
    "$here/cmxml2tree.xsl" -
