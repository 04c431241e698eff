#!/bin/sh
# run.sh [POSITIONS...] - `make bench`: on generated corpora (gen.sh; sizes
# from the arguments, else $BENCH_SIZES, else 100 1000 10000) times, side by
# side in one hyperfine run, interleaved round by round ($BENCH_ROUNDS
# rounds, 5 by default, after one warm-up round that is not counted):
#   floor      one `cmark` process over every position's Markdown, then the
#              rest of the bytes peerbrief writes, written to one file: the
#              least any tool must do to render the Markdown and write as
#              much as peerbrief does;
#   hugo       Hugo rendering the same positions from a generated site
#              (hugo.sh: same Markdown bodies, a minimal layout);
#   full       peerbrief build from nothing (HTML, DocBook, JSON, CSV);
#   nochange   peerbrief build again with nothing changed;
#   onechange  peerbrief build after one position changed.
# Each time is the median of the rounds; peak memory (GNU time, maximum
# resident set) the median of the same runs. Each command runs under
# /usr/bin/time, so each pays the same small start-up, and after sync, so
# none pays for writing back what the command before it wrote. Results,
# as ratios to Hugo and to the floor, go to tests/bench/results.txt.
# Nothing here asserts: read the ratios against the targets printed
# beside them.
set -eu
cd "$(dirname "$0")/../.."
sizes=${*:-${BENCH_SIZES:-"100 1000 10000"}}
PB=$(pwd)/peerbrief
W=${BENCH_DIR:-tests/bench/work}
mkdir -p "$W"
W=$(cd "$W" && pwd)
out=tests/bench/results.txt
rounds=${BENCH_ROUNDS:-5}
cores=$(nproc)
list=0
r=1
while [ "$r" -le "$rounds" ]; do list="$list,$r"; r=$((r + 1)); done
{
	echo "peerbrief bench, $(date -u +%Y-%m-%d), $cores cores, $(uname -m);" \
	    "$(hyperfine --version), $(hugo version | cut -d' ' -f1-2)," \
	    "cmark $(cmark --version | head -n 1 | cut -d' ' -f2)"
	echo "$rounds rounds, interleaved (floor, hugo, full, nochange, onechange in" \
	    "each), after one warm-up round; medians"
	echo "floor: one cmark process over all the Markdown, plus the rest of" \
	    "peerbrief's output bytes written to one file"
	echo "hugo: hugo --quiet --minify=false on the same Markdown (tests/bench/hugo.sh)"
	echo "each command starts after sync: none pays for writing back another's output"
	echo
} >"$out"
summary=""

for n in $sizes; do
	in=$W/in-$n
	o=$W/out-$n
	site=$W/hugo-$n
	pub=$W/public-$n
	fl=$W/floor-$n
	mem=$W/mem-$n
	sh tests/bench/gen.sh "$in" "$n"
	sh tests/bench/hugo.sh "$in" "$site"
	md=$(cat "$in"/positions/*.md | wc -c)
	# How much peerbrief and Hugo write.
	rm -rf "$o" "$W/.out-$n.stat" "$W/.out-$n.parts" "$W/.out-$n.staging" \
	    "$pub" "$fl" "$mem"
	"$PB" build -i "$in" -o "$o"
	pbfiles=$(find "$o" "$W/.out-$n.stat" "$W/.out-$n.parts" -type f | wc -l)
	pbbytes=$(find "$o" "$W/.out-$n.stat" "$W/.out-$n.parts" -type f -printf '%s\n' |
	    awk '{ s += $1 } END { print s }')
	(cd "$site" && hugo --quiet --minify=false -d "$pub" --cacheDir "$W/hugo-cache")
	hfiles=$(find "$pub" -type f | wc -l)
	hbytes=$(find "$pub" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
	cm=$(cmark "$in"/positions/*.md | wc -c)
	pad=$((pbbytes > cm ? pbbytes - cm : 0))
	mkdir -p "$mem"
	T="/usr/bin/time -f %M -a -o $mem"
	# Each prepare step ends with sync: no command measured pays for
	# writing back what the one before it left in the page cache
	# (peerbrief's build ends with one syncfs, which would otherwise
	# also flush the floor's and Hugo's output).
	export PREP_floor="rm -rf $fl && mkdir $fl && sync"
	export RUN_floor="$T/floor sh -c 'cmark $in/positions/*.md >$fl/cmark.html && head -c $pad /dev/zero >$fl/rest'"
	export PREP_hugo="rm -rf $pub && sync"
	export RUN_hugo="$T/hugo hugo --quiet --minify=false -s $site -d $pub --cacheDir $W/hugo-cache"
	# from nothing: no caches either (.stat, .parts)
	export PREP_full="rm -rf $o $W/.out-$n.stat $W/.out-$n.parts $W/.out-$n.staging* $W/.out-$n.spare && sync"
	export RUN_full="$T/full $PB build -i $in -o $o"
	export PREP_nochange="$PB build -i $in -o $o && sync"
	export RUN_nochange="$T/nochange $PB build -i $in -o $o"
	export PREP_onechange="$PB build -i $in -o $o && printf 'x\n' >>$in/positions/p00001.md && sync"
	export RUN_onechange="$T/onechange $PB build -i $in -o $o"
	json=$W/hf-$n.json
	hyperfine --style basic --runs 1 --export-json "$json" \
	    -L what floor,hugo,full,nochange,onechange -L round "$list" \
	    --prepare 'eval "$PREP_{what}"' 'eval "$RUN_{what}"' >"$W/hf-$n.log"
	# Which packets does a one-position change rebuild? A packet rebuilt
	# has new files (new inodes); one reused keeps its own.
	"$PB" build -i "$in" -o "$o"
	before=$(find "$o" -name 'index.html' -exec stat -c '%i %n' {} + | sort)
	printf 'y\n' >>"$in/positions/p00001.md"
	"$PB" build -i "$in" -o "$o"
	after=$(find "$o" -name 'index.html' -exec stat -c '%i %n' {} + | sort)
	rebuilt=$(printf '%s\n%s\n' "$before" "$after" | sort | uniq -u |
	    awk '{print $2}' | sort -u | grep -v '^'"$o"'/index.html$' | wc -l)
	# Medians: times from the JSON, round 0 left out; memory likewise (the
	# first line of each file is round 0).
	med=""
	for w in floor hugo full nochange onechange; do
		t=$(jq -r --arg w "$w" '.results[] | select(.parameters.what == $w
		    and .parameters.round != "0") | .median' "$json" | sort -g |
		    awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
		m=$(tail -n +2 "$mem/$w" | sort -n |
		    awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
		med="$med $w=$t mem_$w=$m"
	done
	line=$(echo "$med" | awk -v n="$n" -v md="$md" -v rebuilt="$rebuilt" \
	    -v pbf="$pbfiles" -v pbb="$pbbytes" -v hf="$hfiles" -v hb="$hbytes" \
	    -v out="$out" '
	{ for (i = 1; i <= NF; i++) { split($i, a, "="); v[a[1]] = a[2] } }
	END {
		f = v["floor"]; h = v["hugo"]; b = v["full"]
		printf "corpus: %d positions, %.1f MB of Markdown, %d packets\n", n, md / 1e6, (n + 9) / 10 >>out
		printf "  peerbrief writes %d files, %.1f MB; Hugo %d files, %.1f MB\n", pbf, pbb / 1e6, hf, hb / 1e6 >>out
		printf "  %-22s %8s %9s %9s %10s\n", "", "median", "vs Hugo", "vs floor", "peak mem" >>out
		printf "  %-22s %7.3fs %9s %8.2fx %6.1f MiB\n", "floor (one cmark)", f, "", 1, v["mem_floor"] / 1024 >>out
		printf "  %-22s %7.3fs %8.2fx %8.2fx %6.1f MiB\n", "hugo", h, 1, h / f, v["mem_hugo"] / 1024 >>out
		printf "  %-22s %7.3fs %8.2fx %8.2fx %6.1f MiB  (targets: <= 1x Hugo, <= 10x floor)\n", "full build", b, b / h, b / f, v["mem_full"] / 1024 >>out
		printf "  %-22s %7.3fs %8.1f%% of full     %6.1f MiB  (target: under 2%%)\n", "no-change rebuild", v["nochange"], 100 * v["nochange"] / b, v["mem_nochange"] / 1024 >>out
		printf "  %-22s %7.3fs %8.1f%% of full     %6.1f MiB  (target: under 10%%)\n", "one position changed", v["onechange"], 100 * v["onechange"] / b, v["mem_onechange"] / 1024 >>out
		printf "  %-22s %d (target: 1)\n", "packets rebuilt", rebuilt >>out
		printf "  %-22s %7.3f ms per position, full build\n\n", "", 1000 * b / n >>out
		printf "%d %.3f %.1f", n, 1000 * b / n, v["mem_full"] / 1024
	}')
	summary="$summary$line
"
done
{
	echo "full build, time per position and peak memory, by corpus size" \
	    "(targets: constant time per position, memory under 64 MiB and flat):"
	printf '%s' "$summary" | awk '{ printf "  %6d positions  %7.3f ms  %6.1f MiB\n", $1, $2, $3 }'
} >>"$out"
cat "$out"
