#!/bin/sh
# deps.sh GROUP... - makes sure the Debian packages a GROUP needs are
# installed. As root on a system with dpkg it installs what is missing with
# apt-get; otherwise it prints the one apt-get line to run and fails.
# Elsewhere (no dpkg) the build group is checked with pkg-config alone, and
# what to install is named for Debian, Fedora and Homebrew.
#   build: compile peerbrief    test: run `make check`
#   browser: tests/browser.sh (Chromium, the PDF tools, Java for the Nu
#            HTML Checker, Node.js and npm for tools/npm-deps.sh, and the
#            fonts its pagination is measured with)
set -eu

build="gcc make pkg-config libxml2-dev libxslt1-dev libcmark-dev libyaml-dev libxxhash-dev libmimalloc-dev"
test="cmark libcmocka-dev libxml2-utils xsltproc docbook5-xml docbook-xsl-ns valgrind xxhash python3 mandoc"
fuzz="clang libclang-rt-14-dev"
bench="hyperfine time hugo cmark jq"
browser="chromium poppler-utils qpdf openjdk-17-jre-headless nodejs fonts-dejavu-core fonts-liberation libxml2-utils"
# Debian's npm package conflicts with NodeSource's nodejs, which carries its
# own npm: ask for it only when there is no npm at all.
command -v npm >/dev/null 2>&1 || browser="$browser npm"

# Without dpkg (Fedora, macOS, ...) only the build can be checked: by the
# pkg-config names of its libraries.
if ! command -v dpkg-query >/dev/null 2>&1; then
	case " $* " in
	*" build "*)
		pcs="libxml-2.0 libxslt libexslt libcmark yaml-0.1"
		if command -v pkg-config >/dev/null 2>&1 &&
		    pkg-config --exists $pcs; then
			exit 0
		fi
		echo "The build needs pkg-config and the development files of libxml2," >&2
		echo "libxslt, cmark and libyaml. Install them with one of:" >&2
		echo "  Debian/Ubuntu: apt-get install $build" >&2
		echo "  Fedora:        dnf install gcc make pkgconf-pkg-config libxml2-devel libxslt-devel cmark-devel libyaml-devel" >&2
		echo "  Homebrew:      brew install pkg-config libxml2 libxslt cmark libyaml" >&2
		exit 1 ;;
	esac
	echo "deps.sh: no dpkg here; install the tools of: $* by hand (see tools/deps.sh)" >&2
	exit 1
fi

want=""
for g in "$@"; do
	case $g in
	build)	# the libraries found by pkg-config are enough, however installed
		command -v pkg-config >/dev/null 2>&1 && command -v "${CC:-cc}" >/dev/null 2>&1 &&
		    pkg-config --exists libxml-2.0 libxslt libexslt libcmark yaml-0.1 &&
		    test -e /usr/include/mimalloc.h ||
		    want="$want $build" ;;
	test) want="$want $test" ;;
	fuzz) want="$want $fuzz" ;;
	bench) want="$want $bench" ;;
	browser) want="$want $browser" ;;
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
	case " $* " in
	*" build "*)
		echo "(On Fedora: dnf install libxml2-devel libxslt-devel cmark-devel libyaml-devel;" >&2
		echo " with Homebrew: brew install pkg-config libxml2 libxslt cmark libyaml.)" >&2 ;;
	esac
	exit 1
fi
