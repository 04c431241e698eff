/*
 * test_cache.c - unit tests of the position cache: each position read
 * once however many packets include it, kept while a packet it serves
 * still needs it, freed after the last, and a failed read reported once.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <libxml/tree.h>

#include "cache.h"
#include "model.h"
#include "pb.h"
#include "position.h"

/*
 * A model of two positions, a and b (files in a temporary folder), and
 * two packets: p1 includes a and b, p2 only a.
 */
struct fixture {
	char			 dir[64];
	char			*ids[2];
	char			*files[2];
	struct pb_ref		 refs1[2], refs2[1];
	struct pb_packet	 pk[2];
	struct pb_model		 m;
};

static void
write_file(const char *path, const char *text)
{
	FILE	*f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int
setup(void **state)
{
	struct fixture	*x = calloc(1, sizeof(*x));

	strcpy(x->dir, "/tmp/pbcache.XXXXXX");
	if (mkdtemp(x->dir) == NULL)
		return -1;
	x->ids[0] = (char *)"a";
	x->ids[1] = (char *)"b";
	x->files[0] = pb_xasprintf("%s/a.md", x->dir);
	x->files[1] = pb_xasprintf("%s/b.md", x->dir);
	write_file(x->files[0], "---\ntitle: A\n---\nText of a.\n");
	write_file(x->files[1], "---\ntitle: B\n---\nText of b.\n");
	x->refs1[0].id = (char *)"a";
	x->refs1[1].id = (char *)"b";
	x->refs2[0].id = (char *)"a";
	x->pk[0].id = (char *)"p1";
	x->pk[0].positions = x->refs1;
	x->pk[0].npositions = 2;
	x->pk[1].id = (char *)"p2";
	x->pk[1].positions = x->refs2;
	x->pk[1].npositions = 1;
	x->m.packets = x->pk;
	x->m.npackets = 2;
	x->m.positions = x->ids;
	x->m.position_files = x->files;
	x->m.npositions = 2;
	*state = x;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*x = *state;

	unlink(x->files[0]);
	unlink(x->files[1]);
	rmdir(x->dir);
	free(x->files[0]);
	free(x->files[1]);
	free(x);
	return 0;
}

/* The id attribute of position p's root. */
static void
assert_root_id(const struct pb_position *p, const char *id)
{
	xmlChar	*v;

	assert_non_null(p);
	v = xmlGetProp(xmlDocGetRootElement(p->doc), BAD_CAST "id");
	assert_non_null(v);
	assert_string_equal((const char *)v, id);
	xmlFree(v);
}

static const struct pb_read_opts opts = { 1, 0, NULL, NULL };

static void
test_read_once(void **state)
{
	struct fixture		 *x = *state;
	struct pb_diags		  d = { NULL, 0, 0, 0 };
	const struct pb_position *v1[2], *v2[1], *v3[1];
	struct pb_cache		 *c;

	c = pb_cache_new(&x->m, &opts, NULL);
	pb_cache_open(c, &x->pk[0], v1, &d);
	assert_root_id(v1[0], "a");
	assert_root_id(v1[1], "b");
	/* gone from the disk: p2 must get the copy p1 read */
	unlink(x->files[0]);
	unlink(x->files[1]);
	pb_cache_open(c, &x->pk[1], v2, &d);
	assert_ptr_equal(v2[0], v1[0]);
	assert_int_equal(d.n, 0);
	/* b is p1's alone, a is p2's too */
	assert_false(pb_cache_last(c, &x->pk[0], 0));
	assert_true(pb_cache_last(c, &x->pk[0], 1));
	assert_false(pb_cache_last(c, &x->pk[1], 0));
	assert_false(pb_cache_last(c, &x->pk[0], 2));
	/* p1 done: a is still p2's, and p2 is its last */
	pb_cache_close(c, &x->pk[0]);
	assert_root_id(v2[0], "a");
	assert_true(pb_cache_last(c, &x->pk[1], 0));
	/* p2 done: a is freed, and asking again reads the file again,
	 * which is gone */
	pb_cache_close(c, &x->pk[1]);
	pb_cache_open(c, &x->pk[1], v3, &d);
	assert_null(v3[0]);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.v[0].file, x->files[0]);
	pb_cache_close(c, &x->pk[1]);
	pb_cache_free(c);
	pb_diags_free(&d);
}

/* A packet the cache does not serve does not keep a position. */
static void
test_skip(void **state)
{
	struct fixture		 *x = *state;
	struct pb_diags		  d = { NULL, 0, 0, 0 };
	const struct pb_position *v[1];
	const char		  skip[2] = { 1, 0 };
	struct pb_cache		 *c;

	c = pb_cache_new(&x->m, &opts, skip);	/* p2 only */
	pb_cache_open(c, &x->pk[1], v, &d);
	assert_root_id(v[0], "a");
	unlink(x->files[0]);
	pb_cache_close(c, &x->pk[1]);	/* a's last use: freed */
	pb_cache_open(c, &x->pk[1], v, &d);
	assert_null(v[0]);
	assert_int_equal(d.errors, 1);
	pb_cache_close(c, &x->pk[1]);
	pb_cache_free(c);
	pb_diags_free(&d);
}

/* A position that cannot be read is reported once, to the first packet. */
static void
test_failed_once(void **state)
{
	struct fixture		 *x = *state;
	struct pb_diags		  d = { NULL, 0, 0, 0 };
	const struct pb_position *v1[2], *v2[1];
	struct pb_cache		 *c;

	unlink(x->files[0]);
	c = pb_cache_new(&x->m, &opts, NULL);
	pb_cache_open(c, &x->pk[0], v1, &d);
	assert_null(v1[0]);
	assert_root_id(v1[1], "b");
	assert_int_equal(d.errors, 1);
	pb_cache_open(c, &x->pk[1], v2, &d);
	assert_null(v2[0]);
	assert_int_equal(d.errors, 1);
	pb_cache_close(c, &x->pk[0]);
	/* p2 is a's last, but there is no tree to take */
	assert_false(pb_cache_last(c, &x->pk[1], 0));
	pb_cache_close(c, &x->pk[1]);
	pb_cache_free(c);
	pb_diags_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_read_once, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_skip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_once, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
