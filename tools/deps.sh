#!/bin/sh
# deps.sh GROUP... - makes sure the Debian packages a GROUP needs are
# installed. As root it installs what is missing with apt-get; otherwise it
# prints the one apt-get line to run and fails.
#   build: compile peerbrief    test: run `make check`
set -eu

build="gcc make pkg-config libxml2-dev libxslt1-dev libcmark-dev libyaml-dev"
test="cmark libcmocka-dev libxml2-utils xsltproc docbook5-xml docbook-xsl-ns valgrind"
fuzz="clang libclang-rt-14-dev"
bench="hyperfine time"

want=""
for g in "$@"; do
	case $g in
	build) want="$want $build" ;;
	test) want="$want $test" ;;
	fuzz) want="$want $fuzz" ;;
	bench) want="$want $bench" ;;
	*) echo "deps.sh: unknown group '$g'" >&2; exit 2 ;;
	esac
done

missing=""
for p in $want; do
	s=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case $s in
	*"ok installed") ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
	echo "Installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing
else
	echo "Missing Debian packages. Run, as root:" >&2
	echo "  apt-get install -y$missing" >&2
	exit 1
fi
