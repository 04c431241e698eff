# peerbrief - see README.md. `make` installs what the build lacks (as root),
# compiles and renders input/ into out/; `make check` runs every test.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
DATADIR   = $(PREFIX)/share/peerbrief
MANDIR    = $(PREFIX)/share/man
COMPDIR   = $(PREFIX)/share/bash-completion/completions
DESTDIR  ?=

CC       ?= cc
PKGS      = libxml-2.0 libxslt libexslt libcmark yaml-0.1 libxxhash
WARN      = -std=c11 -W -Wall -Wextra -pedantic -Wmissing-prototypes \
            -Wstrict-prototypes -Wwrite-strings
CFLAGS   ?= -O2 -g
DEFS      = -D_XOPEN_SOURCE=700 -DPB_VERSION='"$(VERSION)"' \
            -DPB_DATADIR='"$(DATADIR)"'
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# cmark, libyaml and xxHash are linked from their static archives where
# the compiler finds them (Debian's -dev packages ship them), else as
# pkg-config says: three shared objects fewer for the loader to find, map
# and relocate at every start, which is most of what a rebuild with
# nothing changed costs (28 system calls and 15 page faults fewer, 9% of
# the loader's instructions). libxml2 and libxslt stay shared: there is no
# libxslt.a, and a libxslt.so beside a static libxml2 would bring a second
# libxml2.
static_or = $(or $(shell f=`$(CC) -print-file-name=lib$(1).a` && \
    test -f "$$f" && echo "$$f"),$(shell pkg-config --libs $(2) 2>/dev/null))
PKG_LIBS   = $(shell pkg-config --libs libxml-2.0 libxslt libexslt \
    2>/dev/null) $(call static_or,cmark,libcmark) \
    $(call static_or,yaml,yaml-0.1) $(call static_or,xxhash,libxxhash) \
    -lpthread
# mimalloc in place of the C library's malloc, where it is installed:
# libxml2 and libxslt allocate and free a node, string or node-set at
# nearly every step of a transform, and glibc's malloc and free took a
# fifth of a build's instructions. `make asan` and `make valgrind` build
# without it.
MALLOC_LIBS ?= $(shell printf 'int main(void){return 0;}' | \
    $(CC) -x c -o /dev/null - -lmimalloc 2>/dev/null && echo -lmimalloc)

LIBOBJS = src/arith.o src/build.o src/cache.o src/charts.o src/convert.o src/csv.o src/figures.o src/hash.o src/image.o src/init.o src/inject.o src/manifest.o src/markdown.o src/model.o src/orgcsv.o src/packet.o src/pdf.o src/plain.o src/plainpos.o src/position.o src/publish.o src/references.o src/report.o \
          src/render.o src/schema.o src/tree.o src/url.o src/util.o src/xmlpos.o \
          src/xmlread.o
OBJS    = $(LIBOBJS) src/cli.o src/help.o src/main.o

UNIT_TESTS = tests/unit/test_arith tests/unit/test_cache tests/unit/test_csv tests/unit/test_figures tests/unit/test_inject tests/unit/test_manifest tests/unit/test_markdown tests/unit/test_packet tests/unit/test_plain tests/unit/test_report tests/unit/test_schema

-include Makefile.local

.PHONY: all deps render check check-fast check-deps asan valgrind fuzz bench \
        install uninstall clean dist

all: deps peerbrief render

deps:
	@./tools/deps.sh build

peerbrief: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(MALLOC_LIBS) $(PKG_LIBS)

src/%.o: src/%.c
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(DEFS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

-include $(OBJS:.o=.d)

# Render the shipped input/ into out/.
render: peerbrief
	./peerbrief build -i input -o out

# Unit tests (cmocka) link the library objects they test.
tests/unit/%: tests/unit/%.c $(LIBOBJS)
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(DEFS) $(PKG_CFLAGS) -Isrc -o $@ $< \
	    $(LDFLAGS) $(LIBOBJS) $(PKG_LIBS) -lcmocka

tests/tools/htmlnorm: tests/tools/htmlnorm.c
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -o $@ $< $(LDFLAGS) $(PKG_LIBS)

check-deps:
	@./tools/deps.sh build test browser
	@./tools/npm-deps.sh

TEST_BINS = peerbrief $(UNIT_TESTS) tests/tools/htmlnorm

check: check-deps $(TEST_BINS)
	@tests/run.sh

# Every group but the browser's (Chromium, Java, npm): for contributors.
# CI runs `make check`.
check-fast: $(TEST_BINS)
	@./tools/deps.sh build test
	@PB_SKIP=browser tests/run.sh

# The whole suite again with AddressSanitizer and UBSan.
asan: check-deps
	$(MAKE) clean-objs
	$(MAKE) $(TEST_BINS) CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" LDFLAGS="-fsanitize=address,undefined" MALLOC_LIBS=
	PB_ASAN=1 ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 tests/run.sh
	$(MAKE) clean-objs

# The whole suite under valgrind, with the C library's malloc: memcheck
# sees only the allocations of the allocator it replaces.
valgrind: check-deps
	rm -f peerbrief
	$(MAKE) $(TEST_BINS) MALLOC_LIBS=
	PB_VALGRIND=1 tests/run.sh
	rm -f peerbrief

# libFuzzer harnesses: replay tests/fuzz/regress, then a one-minute run of
# each on a copy of its seed corpus (FUZZ_TIME=SECONDS for longer).
fuzz:
	@./tools/deps.sh build fuzz
	$(MAKE) -C tests/fuzz smoke

bench:
	@./tools/deps.sh bench
	tests/bench/run.sh

install: peerbrief
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates \
	    $(DESTDIR)$(DATADIR)/schema $(DESTDIR)$(MANDIR)/man1
	install -m 755 peerbrief $(DESTDIR)$(BINDIR)/peerbrief
	install -m 644 $(wildcard templates/*.xsl templates/*.css templates/*.xml) \
	    $(DESTDIR)$(DATADIR)/templates/
	install -m 644 schema/*.rng $(DESTDIR)$(DATADIR)/schema/
	cd skeleton && find . -type d -exec install -d \
	    "$(DESTDIR)$(DATADIR)/skeleton/{}" \; && \
	    find . -type f -exec install -m 644 {} \
	    "$(DESTDIR)$(DATADIR)/skeleton/{}" \;
	install -m 644 man/peerbrief.1 $(DESTDIR)$(MANDIR)/man1/peerbrief.1
	install -d $(DESTDIR)$(COMPDIR)
	install -m 644 completion/peerbrief.bash $(DESTDIR)$(COMPDIR)/peerbrief

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/peerbrief $(DESTDIR)$(MANDIR)/man1/peerbrief.1 \
	    $(DESTDIR)$(COMPDIR)/peerbrief
	rm -rf $(DESTDIR)$(DATADIR)

clean-objs:
	rm -f src/*.o src/*.d peerbrief $(UNIT_TESTS) tests/tools/htmlnorm

# A release tarball of the files under version control, which builds
# on its own (`make peerbrief` in the unpacked folder).
DIST = peerbrief-$(VERSION)
dist:
	rm -rf $(DIST) $(DIST).tar.gz
	mkdir $(DIST)
	git ls-files | grep -v '^$(DIST)/' | tar -cf - -T - | tar -xf - -C $(DIST)
	tar -czf $(DIST).tar.gz -C $(dir $(DIST)) $(notdir $(DIST))
	rm -rf $(DIST)
	@echo "$(DIST).tar.gz"

# Everything a build, a test run, make fuzz or make bench makes: each
# harness tests/fuzz/fuzz_NAME.c gives a fuzzer tests/fuzz/fuzz_NAME, and
# its objects are in tests/fuzz/obj.
FUZZERS = $(patsubst %.c,%,$(wildcard tests/fuzz/fuzz_*.c))
clean: clean-objs
	rm -rf out .out.staging .out.staging.* .out.stat .out.stat.tmp \
	    .out.parts .out.parts.tmp .out.spare \
	    .out.lock $(DIST) $(DIST).tar.gz tests/out tests/fuzz/obj \
	    $(FUZZERS) tests/bench/work tests/bench/corpus
