#!/bin/sh
# extract.sh SPECFILE OUTDIR
#
# Writes every example of a CommonMark spec-format file (commonmark-spec.txt,
# commonmark-regression.txt) to OUTDIR/NNN.md, numbered from 001 in file order,
# and prints the number of examples written.
#
# An example starts at a line of exactly 32 backticks followed by " example"
# and ends at a line of exactly 32 backticks; its Markdown is everything before
# the first line consisting of a single "." (the rest is the expected HTML,
# which is not extracted).  The spec writes a tab as U+2192 (RIGHTWARDS ARROW);
# it is turned back into a real tab.  All other bytes, including the stray
# carriage returns of the regression file, are kept exactly.
set -eu
if [ $# -ne 2 ]; then
	echo "usage: $0 SPECFILE OUTDIR" >&2
	exit 2
fi
mkdir -p "$2"
LC_ALL=C perl -e '
	my ($spec, $dir) = @ARGV;
	my $fence = "`" x 32;
	open(my $in, "<:raw", $spec) or die "$spec: $!\n";
	my ($state, $n, $md) = (0, 0, "");
	while (my $l = <$in>) {
		(my $bare = $l) =~ s/\n\z//;
		if ($state == 0) {
			if ($bare eq "$fence example") {
				$state = 1;
				$md = "";
			}
		} elsif ($state == 1) {
			if ($bare eq ".") {
				$state = 2;
			} else {
				$md .= $l;
			}
		} elsif ($bare eq $fence) {
			$state = 0;
			$md =~ s/\xe2\x86\x92/\t/g;
			my $f = sprintf("%s/%03d.md", $dir, ++$n);
			open(my $out, ">:raw", $f) or die "$f: $!\n";
			print $out $md;
			close($out) or die "$f: $!\n";
		}
	}
	die "$spec: unterminated example\n" if $state != 0;
	print "$n\n";
' "$1" "$2"
