/*
 * test_inject.c - unit tests of figure references: where the reader
 * records each one, and the one walk of inject.c in its three modes and
 * for an input that did not load in full.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/tree.h>

#include "figures.h"
#include "inject.h"
#include "model.h"
#include "pb.h"
#include "position.h"
#include "report.h"
#include "tree.h"

static const char md[] = "---\ntitle: T\n---\n\n"
    "A `=x.share` and `=x.shar`.\n\n`=packet.total`\n";

/* A set of one figure, x.share, as figures.c would make it. */
static void
one_figure(struct pb_figures *f, struct pb_figure *v, size_t *sorted)
{
	memset(f, 0, sizeof(*f));
	memset(v, 0, sizeof(*v));
	v->name = (char *)"x.share";
	v->unit = PB_UNIT_RATIO;
	strcpy(v->value, "0.333333");
	strcpy(v->per_mille, "333");
	sorted[0] = 0;
	f->v = v;
	f->n = 1;
	f->sorted = sorted;
}

static xmlDocPtr
read_md(struct pb_refs *refs, struct pb_diags *d)
{
	struct pb_read_opts	 o = { 1, 0, NULL, NULL };

	return pb_markdown_read("t.md", md, strlen(md), "t", &o, refs, d);
}

static void
test_refs_recorded(void **state)
{
	struct pb_diags	 d = { NULL, 0, 0, 0 };
	struct pb_refs	 refs = { NULL, 0, NULL, 0, NULL, 0 };
	xmlDocPtr	 doc;

	(void)state;
	doc = read_md(&refs, &d);
	assert_non_null(doc);
	assert_int_equal(refs.n, 3);
	assert_int_equal(refs.v[0].line, 5);
	assert_int_equal(refs.v[0].col, 4);	/* cmark: the code's text */
	assert_int_equal(refs.v[1].line, 5);
	assert_int_equal(refs.v[1].col, 19);
	assert_int_equal(refs.v[2].line, 7);
	assert_int_equal(refs.v[2].col, 2);
	xmlFreeDoc(doc);
	pb_refs_free(&refs);
	pb_diags_free(&d);
}

static void
test_packet_mode(void **state)
{
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_refs		 refs = { NULL, 0, NULL, 0, NULL, 0 };
	struct pb_figures	 f;
	struct pb_figure	 v;
	size_t			 sorted[1];
	char			 used[1] = { 0 };
	xmlDocPtr		 doc;
	xmlNodePtr		 root, n;
	xmlChar			*disp = NULL;

	(void)state;
	one_figure(&f, &v, sorted);
	doc = read_md(&refs, &d);
	root = xmlDocGetRootElement(doc);
	assert_int_equal(pb_inject(root, &refs, &f, PB_INJECT_PACKET, used,
	    &d), 0);
	assert_int_equal(used[0], 1);
	for (n = root; n != NULL && disp == NULL; n = pb_tree_next(n, root))
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(n->name, BAD_CAST "value"))
			disp = xmlGetProp(n, BAD_CAST "per-mille");
	assert_non_null(disp);
	assert_string_equal((char *)disp, "333");
	xmlFree(disp);
	/* x.shar is unknown, at its own place; packet.total is unknown too */
	assert_int_equal(d.errors, 2);
	assert_string_equal(d.v[0].file, "t.md");
	assert_int_equal(d.v[0].line, 5);
	assert_int_equal(d.v[0].col, 19);
	assert_string_equal(d.v[0].msg,
	    "unknown figure 'x.shar'; did you mean 'x.share'?");
	xmlFreeDoc(doc);
	pb_refs_free(&refs);
	pb_diags_free(&d);
}

static void
test_check_and_forbid(void **state)
{
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_refs		 refs = { NULL, 0, NULL, 0, NULL, 0 };
	struct pb_figures	 f;
	struct pb_figure	 v;
	size_t			 sorted[1];
	xmlDocPtr		 doc;

	(void)state;
	one_figure(&f, &v, sorted);
	doc = read_md(&refs, &d);
	pb_inject(xmlDocGetRootElement(doc), &refs, &f, PB_INJECT_CHECK,
	    NULL, &d);
	assert_int_equal(d.errors, 2);
	assert_int_equal(d.v[1].line, 7);
	assert_string_equal(d.v[1].msg,
	    "'packet.total': packet figures exist only inside a packet");
	pb_diags_free(&d);
	pb_inject(xmlDocGetRootElement(doc), &refs, NULL, PB_INJECT_FORBID,
	    NULL, &d);
	assert_int_equal(d.errors, 3);
	assert_int_equal(d.v[0].col, 4);
	xmlFreeDoc(doc);
	pb_refs_free(&refs);
	pb_diags_free(&d);
}

/*
 * pb_inject_partial: a name of a broken organization (the whole id before
 * the dot) and, in a packet, a packet.* name are not judged; the others
 * are, as PB_INJECT_CHECK judges them.
 */
static void
test_partial(void **state)
{
	static const struct {
		const char	*org;		/* the model's one organization */
		int		 broken;
		int		 inpacket;
		size_t		 errors;	/* of x.shar's and packet.total's */
		unsigned long	 line, col;	/* the first's */
	} t[] = {
		{ "x", 1, 1, 0, 0, 0 },		/* neither is judged */
		{ "x", 1, 0, 1, 7, 2 },		/* packet.total outside a packet */
		{ "xx", 1, 1, 1, 5, 19 },	/* xx is not x.shar's */
		{ "x", 0, 1, 1, 5, 19 },	/* x loaded: x.shar is judged */
	};
	struct pb_model		 m;
	struct pb_org		 org;
	struct pb_figure	 v;
	struct pb_figures	 f;
	size_t			 sorted[1], i;
	struct pb_refs		 refs = { NULL, 0, NULL, 0, NULL, 0 };
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	xmlDocPtr		 doc;

	(void)state;
	one_figure(&f, &v, sorted);
	memset(&m, 0, sizeof(m));
	memset(&org, 0, sizeof(org));
	m.orgs = &org;
	m.norgs = 1;
	doc = read_md(&refs, &d);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		org.id = (char *)t[i].org;
		org.broken = t[i].broken;
		assert_int_equal(pb_inject_partial(xmlDocGetRootElement(doc),
		    &refs, &f, &m, NULL, t[i].inpacket, &d), t[i].errors == 0);
		assert_int_equal(d.n, t[i].errors);
		if (t[i].errors > 0) {
			assert_int_equal(d.v[0].line, t[i].line);
			assert_int_equal(d.v[0].col, t[i].col);
		}
		pb_diags_free(&d);
	}
	xmlFreeDoc(doc);
	pb_refs_free(&refs);
}

/*
 * pb_inject_partial in a packet (pk): a name of an organization the
 * packet does not hold is unknown, as the packet reads it, unless that
 * organization is broken; a packet.* name is judged unless one of the
 * packet's organizations is broken.
 */
static void
test_partial_packet(void **state)
{
	static const char	 pmd[] = "---\ntitle: T\n---\n\n"
	    "`=x.share`, `=y.share` and `=packet.total`.\n";
	static const struct {
		size_t		 npkorgs;	/* x, or x and y */
		int		 ybroken;
		size_t		 errors;
		unsigned long	 col;		/* the first's, on line 5 */
	} t[] = {
		{ 1, 0, 2, 14 },	/* y is not the packet's */
		{ 1, 1, 1, 29 },	/* y broken: packet.total alone */
		{ 2, 1, 0, 0 },		/* the packet's y broken: neither */
	};
	struct pb_read_opts	 o = { 1, 0, NULL, NULL };
	struct pb_model		 m;
	struct pb_org		 org[2];
	struct pb_ref		 pkorgs[2] = { { (char *)"x", { NULL, 0, 0 } },
				    { (char *)"y", { NULL, 0, 0 } } };
	struct pb_packet	 pk;
	struct pb_figure	 v;
	struct pb_figures	 f;
	size_t			 sorted[1], i;
	struct pb_refs		 refs = { NULL, 0, NULL, 0, NULL, 0 };
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	xmlDocPtr		 doc;

	(void)state;
	one_figure(&f, &v, sorted);
	memset(&m, 0, sizeof(m));
	memset(org, 0, sizeof(org));
	memset(&pk, 0, sizeof(pk));
	org[0].id = (char *)"x";
	org[1].id = (char *)"y";
	m.orgs = org;
	m.norgs = 2;
	pk.orgs = pkorgs;
	doc = pb_markdown_read("t.md", pmd, strlen(pmd), "t", &o, &refs, &d);
	assert_non_null(doc);
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		pk.norgs = t[i].npkorgs;
		org[1].broken = t[i].ybroken;
		assert_int_equal(pb_inject_partial(xmlDocGetRootElement(doc),
		    &refs, &f, &m, &pk, 0, &d), t[i].errors == 0);
		assert_int_equal(d.n, t[i].errors);
		if (t[i].errors > 0) {
			assert_int_equal(d.v[0].line, 5);
			assert_int_equal(d.v[0].col, t[i].col);
		}
		if (t[i].errors == 2)
			assert_string_equal(d.v[0].msg, "unknown figure "
			    "'y.share'; did you mean 'x.share'?");
		pb_diags_free(&d);
	}
	xmlFreeDoc(doc);
	pb_refs_free(&refs);
}

static void
test_unknown_message(void **state)
{
	struct pb_buf		 b = { NULL, 0, 0 };
	struct pb_figures	 f;
	struct pb_figure	 v;
	size_t			 sorted[1];

	(void)state;
	one_figure(&f, &v, sorted);
	pb_report_unknown(&f, "zzzzzzzzzz", &b);
	assert_string_equal(b.data, "unknown figure 'zzzzzzzzzz'");
	pb_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refs_recorded),
		cmocka_unit_test(test_packet_mode),
		cmocka_unit_test(test_check_and_forbid),
		cmocka_unit_test(test_partial),
		cmocka_unit_test(test_partial_packet),
		cmocka_unit_test(test_unknown_message),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
