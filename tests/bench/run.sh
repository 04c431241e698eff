#!/bin/sh
# run.sh [POSITIONS...] - `make bench`: times peerbrief against the floor
# (the cmark program rendering the same Markdown, one process per file,
# as many at once as there are cores) on generated corpora (gen.sh;
# default 1000 positions, then 10000), with hyperfine, and reports each
# time as a ratio to the floor, plus peak memory (/usr/bin/time). Results
# go to tests/bench/results.txt. Targets: full build within 4x the floor;
# a no-change rebuild under 5% of the full build; a one-position change
# rebuilds only its packet; peak memory under 64 MiB and flat as the
# corpus grows. Nothing here asserts: read the ratios.
set -eu
cd "$(dirname "$0")/../.."
sizes=${*:-"1000 10000"}
PB=$(pwd)/peerbrief
W=${BENCH_DIR:-tests/bench/work}
out=tests/bench/results.txt
cores=$(nproc)
runs=${BENCH_RUNS:-5}
mkdir -p "$W"
{
	echo "peerbrief bench, $(date -u +%Y-%m-%d), $cores cores, $(uname -m)"
	echo "floor: cmark, one process per position, $cores at a time"
	echo
} >"$out"

for n in $sizes; do
	in=$W/in-$n
	o=$W/out-$n
	sh tests/bench/gen.sh "$in" "$n"
	bytes=$(cat "$in"/positions/*.md | wc -c)
	ls "$in"/positions/*.md >"$W/list-$n"
	json=$W/hf-$n.json
	hyperfine --style basic --runs "$runs" --warmup 1 --export-json "$json" \
	    --prepare "rm -rf $o" -n full "$PB build -i $in -o $o" \
	    --prepare "true" -n nochange "$PB build -i $in -o $o" \
	    --prepare "printf 'x\n' >>$in/positions/p00001.md" -n onechange \
	    "$PB build -i $in -o $o" \
	    --prepare "rm -rf $W/floor && mkdir -p $W/floor" -n floor \
	    "xargs -P $cores -n 1 sh -c 'cmark \"\$1\" >$W/floor/\$(basename \"\$1\").html' sh <$W/list-$n"
	# Which packets did the one-position change rebuild?
	rm -rf "$o"
	"$PB" build -i "$in" -o "$o"
	# a packet rebuilt has a new inode; one reused keeps its own
	before=$(find "$o" -name 'index.html' -exec stat -c '%i %n' {} + | sort)
	printf 'y\n' >>"$in/positions/p00001.md"
	"$PB" build -i "$in" -o "$o"
	after=$(find "$o" -name 'index.html' -exec stat -c '%i %n' {} + | sort)
	rebuilt=$(printf '%s\n%s\n' "$before" "$after" | sort | uniq -u |
	    awk '{print $2}' | sort -u | grep -v '^'"$o"'/index.html$' | wc -l)
	rm -rf "$o"
	mem=$(/usr/bin/time -f %M "$PB" build -i "$in" -o "$o" 2>&1 >/dev/null | tail -n 1)
	awk -v n="$n" -v bytes="$bytes" -v mem="$mem" -v rebuilt="$rebuilt" '
	/"command": "/ { split($0, a, "\""); name = a[4] }
	/"mean": / { gsub(/[ ,]/, ""); split($0, a, ":"); mean[name] = a[2] }
	END {
		f = mean["floor"]
		printf "corpus: %d positions, %.1f MB of Markdown, %d packets\n", n, bytes / 1e6, (n + 9) / 10
		printf "  %-28s %8.3f s\n", "floor (cmark)", f
		printf "  %-28s %8.3f s  %6.2fx floor  (target: within 4x)\n", "full build", mean["full"], mean["full"] / f
		printf "  %-28s %8.3f s  %6.1f%% of full (target: under 5%%)\n", "no-change rebuild", mean["nochange"], 100 * mean["nochange"] / mean["full"]
		printf "  %-28s %8.3f s  %6.2fx floor, %d packet(s) rebuilt (target: 1)\n", "one position changed", mean["onechange"], mean["onechange"] / f, rebuilt
		printf "  %-28s %8.1f MiB (target: under 64)\n\n", "peak memory, full build", mem / 1024
	}' "$json" >>"$out"
done
cat "$out"
