/*
 * test_manifest.c - unit tests of the incremental build's bookkeeping:
 * a packet whose files are unchanged reuses its output; a changed file,
 * a new file it is made of, or a link of it pointed elsewhere makes it
 * stale; a change to no file of it leaves it reused. The memo of file
 * hashes spares reading a file only while the file is as it was.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "build.h"
#include "hash.h"
#include "manifest.h"
#include "model.h"
#include "pb.h"
#include "publish.h"
#include "xmlread.h"

static char	 dir[64], in[96], out[96];

/* Runs a shell command (fixed text and the test's own folder). */
static void
sh(const char *fmt, ...)
{
	va_list	 ap;
	char	*c;

	va_start(ap, fmt);
	c = pb_xvasprintf(fmt, ap);
	va_end(ap);
	assert_int_equal(system(c), 0);
	free(c);
}

/*
 * One build of in into out as build.c runs it, with every packet not
 * reused written as placeholder files. Sets *uptodate when the build
 * found nothing to do, and returns why packet pk was built or reused
 * (an enum pb_why), checking that it was reused just when that says so.
 */
static int
build(int *uptodate)
{
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_increment	 inc;
	struct pb_model		*m;
	struct pb_stage		*st;
	char			*reuse, *rel;
	unsigned char		 why[1];
	size_t			 o;
	int			 r;

	m = pb_model_read(in, "schema", NULL, &d);
	assert_non_null(m);
	*uptodate = pb_increment_begin(&inc, in, out, "templates", "schema",
	    0);
	st = pb_stage_begin(out, NULL, &d);
	assert_non_null(st);
	assert_int_equal(m->npackets, 1);
	reuse = pb_increment_plan(&inc, st, m, in, NULL, why);
	pb_increment_link(&inc, st, m, reuse, why);
	pb_increment_keep(&inc, m, reuse);
	r = why[0];
	assert_int_equal(reuse[0] != 0, r == PB_WHY_SAME || r == PB_WHY_KEPT);
	if (!reuse[0])
		for (o = 0; o < PB_OUT__MAX; o++) {
			if (o == PB_OUT_PDF)
				continue;
			rel = pb_packet_output("pk", (enum pb_output)o);
			assert_int_equal(pb_stage_write(st, rel, rel,
			    strlen(rel), &d), 1);
			free(rel);
		}
	/* a whole build records its warnings (none here): without them
	 * the next build could not stop early */
	pb_manifest_keep_warnings(&inc.cur, NULL, &d, 0, in);
	pb_increment_write(&inc, st, &d);
	assert_int_equal(pb_stage_commit(st, &d), 1);
	pb_increment_commit(&inc);
	pb_increment_free(&inc);
	assert_int_equal(d.n, 0);
	free(reuse);
	pb_model_free(m);
	pb_diags_free(&d);
	return r;
}

static int
setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/pbmanifest.XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(in, sizeof(in), "%s/in", dir);
	snprintf(out, sizeof(out), "%s/out", dir);
	/* the position is a link into drafts/, inside the input folder */
	sh("cp -r tests/semantic/base %s && mkdir %s/drafts && "
	    "mv %s/positions/pos.md %s/drafts/a.md && "
	    "sed 's/worth/still worth/' %s/drafts/a.md >%s/drafts/b.md && "
	    "ln -s ../drafts/a.md %s/positions/pos.md",
	    in, in, in, in, in, in, in);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	sh("rm -rf %s", dir);
	return 0;
}

static void
test_reuse(void **state)
{
	int	 up;

	(void)state;
	assert_int_equal(build(&up), PB_WHY_NEW);	/* nothing before */
	assert_int_equal(up, 0);
	assert_int_equal(build(&up), PB_WHY_SAME);	/* unchanged */
	assert_int_equal(up, 1);

	/* a changed file of the packet: its organization */
	sh("sed -i 's/Fictional test data/Fictional data/' %s/orgs/acme.xml",
	    in);
	assert_int_equal(build(&up), PB_WHY_CHANGED);
	assert_int_equal(up, 0);
	assert_int_equal(build(&up), PB_WHY_SAME);

	/* a new file it is made of: references.xml */
	sh("cp tests/semantic/cite-unknown/references.xml %s/", in);
	assert_int_equal(build(&up), PB_WHY_CHANGED);
	assert_int_equal(build(&up), PB_WHY_SAME);

	/* its position's link pointed at another file */
	sh("ln -sfn ../drafts/b.md %s/positions/pos.md", in);
	assert_int_equal(build(&up), PB_WHY_CHANGED);
	assert_int_equal(build(&up), PB_WHY_SAME);

	/* a file no packet is made of: the input changed, the packet not */
	sh("echo draft >%s/drafts/c.md", in);
	assert_int_equal(build(&up), PB_WHY_SAME);
	assert_int_equal(up, 0);

	/* an output changed by hand is not reused */
	assert_int_equal(build(&up), PB_WHY_SAME);
	assert_int_equal(up, 1);
	sh("echo x >>%s/pk/figures.csv", out);
	assert_int_equal(build(&up), PB_WHY_OUTPUT);
	assert_int_equal(up, 0);
}

/* The hash of file through memo (NULL: none). */
static struct pb_hash
hash_file(const char *file, struct pb_hash_memo *memo)
{
	struct pb_hasher	*h = pb_hasher_new();

	pb_hasher_memo(h, memo);
	assert_int_equal(pb_hasher_add_file_as(h, file, "f"), 1);
	return pb_hasher_end(h);
}

/* A memo made from what m wrote; *learned set as its writing said. */
static struct pb_hash_memo *
reread(struct pb_hash_memo *m, int *learned)
{
	struct pb_buf		 b = { NULL, 0, 0 };
	struct pb_hash_memo	*n = pb_hash_memo_new();
	char			*line, *nl;

	*learned = pb_hash_memo_changed(m);
	pb_hash_memo_format(m, &b);
	for (line = b.data; line != NULL && *line != '\0'; line = nl + 1) {
		nl = strchr(line, '\n');
		assert_non_null(nl);
		*nl = '\0';
		assert_int_equal(pb_hash_memo_parse(n, line), 1);
	}
	pb_buf_free(&b);
	pb_hash_memo_settle(n, INT64_MAX);
	pb_hash_memo_free(m);
	return n;
}

static void
test_memo(void **state)
{
	struct pb_hash_memo	*m;
	struct pb_hash		 a, b, plain;
	struct timespec		 t[2];
	struct stat		 st, st2;
	char			*f;
	int			 learned, fd;

	(void)state;
	f = pb_xasprintf("%s/memo.txt", dir);
	sh("printf 'first\\n' >%s", f);
	plain = hash_file(f, NULL);

	/* a file changed too lately is hashed, not remembered */
	m = pb_hash_memo_new();
	pb_hash_memo_settle(m, 0);
	a = hash_file(f, m);
	assert_true(pb_hash_eq(a, plain));
	m = reread(m, &learned);
	assert_int_equal(learned, 0);

	/* a settled file is remembered, and then not learned again */
	a = hash_file(f, m);
	assert_true(pb_hash_eq(a, plain));
	m = reread(m, &learned);
	assert_int_equal(learned, 1);
	assert_true(pb_hash_eq(hash_file(f, m), plain));
	m = reread(m, &learned);
	assert_int_equal(learned, 0);	/* found: not read */

	/* the same size and modification time, other content: the change
	 * time tells, and the file is read again */
	assert_int_equal(stat(f, &st), 0);
	do {
		assert_true((fd = open(f, O_WRONLY | O_TRUNC)) >= 0);
		assert_int_equal(write(fd, "other\n", 6), 6);
		t[0] = st.st_atim;
		t[1] = st.st_mtim;
		assert_int_equal(futimens(fd, t), 0);
		assert_int_equal(close(fd), 0);
		assert_int_equal(stat(f, &st2), 0);
	} while (st2.st_ctim.tv_sec == st.st_ctim.tv_sec &&
	    st2.st_ctim.tv_nsec == st.st_ctim.tv_nsec);
	assert_int_equal(st2.st_size, st.st_size);
	b = hash_file(f, m);
	assert_false(pb_hash_eq(b, a));
	assert_true(pb_hash_eq(b, hash_file(f, NULL)));
	m = reread(m, &learned);
	assert_int_equal(learned, 1);

	/* a line that is not one of the memo's is refused */
	assert_int_equal(pb_hash_memo_parse(m, "= 1 2 3"), 0);
	assert_int_equal(pb_hash_memo_parse(m, "x 1 2 3 4 5 "
	    "0123456789abcdef0123456789abcdef"), 0);
	pb_hash_memo_free(m);
	free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_reuse, setup, teardown),
		cmocka_unit_test_setup_teardown(test_memo, setup, teardown),
	};
	const char *const roots[] = { "schema", NULL };
	int rc;

	pb_xml_init(roots);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	pb_xml_cleanup();
	return rc;
}
