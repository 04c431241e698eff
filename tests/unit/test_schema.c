/*
 * test_schema.c - unit tests of validation against a RELAX NG schema:
 * a valid document passes, and each problem of an invalid one is
 * reported once, at the line and column of what it is about.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/tree.h>

#include "pb.h"
#include "schema.h"
#include "xmlread.h"

/* Parses text as file t.xml and validates it with schema/project.rng. */
static int
check(const char *text, struct pb_diags *d)
{
	struct pb_schema	*s;
	struct pb_xmlfile	 f;
	xmlDocPtr		 doc;
	int			 ok;

	s = pb_schema_load("schema", "project.rng", d);
	assert_non_null(s);
	f.file = "t.xml";
	f.data = text;
	f.len = strlen(text);
	f.pos = NULL;
	doc = pb_xml_parse(f.file, f.data, f.len, d);
	assert_non_null(doc);
	pb_xmlfile_index(&f, doc);
	ok = pb_schema_check(s, &f, doc, d);
	pb_xmlfile_unindex(&f);
	xmlFreeDoc(doc);
	pb_schema_free(s);
	return ok;
}

static void
test_valid(void **state)
{
	struct pb_diags	 d = { NULL, 0, 0, 0 };

	(void)state;
	assert_int_equal(check("<project xmlns=\"urn:peerbrief:1\">\n"
	    "  <title>T</title>\n  <as-of>2026-11-01</as-of>\n"
	    "</project>\n", &d), 1);
	assert_int_equal(d.n, 0);
	pb_diags_free(&d);
}

static void
test_unknown_element(void **state)
{
	struct pb_diags	 d = { NULL, 0, 0, 0 };

	(void)state;
	/* "<titel>" starts at line 2, column 3: a misspelled <title> is
	 * one problem, with no "missing <title>" after it */
	assert_int_equal(check("<project xmlns=\"urn:peerbrief:1\">\n"
	    "  <titel>T</titel>\n  <as-of>2026-11-01</as-of>\n"
	    "</project>\n", &d), 0);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].file, "t.xml");
	assert_int_equal(d.v[0].line, 2);
	assert_int_equal(d.v[0].col, 3);
	assert_non_null(strstr(d.v[0].msg, "<titel>"));
	assert_non_null(strstr(d.v[0].msg, "did you mean <title>?"));
	pb_diags_free(&d);
	/* an unknown element like no other leaves the title missing where
	 * <as-of> stands, line 3, column 3 */
	memset(&d, 0, sizeof(d));
	assert_int_equal(check("<project xmlns=\"urn:peerbrief:1\">\n"
	    "  <xyzzy>T</xyzzy>\n  <as-of>2026-11-01</as-of>\n"
	    "</project>\n", &d), 0);
	assert_int_equal(d.n, 2);
	assert_int_equal(d.v[0].line, 2);
	assert_non_null(strstr(d.v[0].msg, "unknown element <xyzzy>"));
	assert_int_equal(d.v[1].line, 3);
	assert_int_equal(d.v[1].col, 3);
	assert_non_null(strstr(d.v[1].msg, "missing <title> before <as-of>"));
	pb_diags_free(&d);
}

static void
test_bad_value(void **state)
{
	struct pb_diags	 d = { NULL, 0, 0, 0 };

	(void)state;
	/* the date "2026-13-01" (no month 13) starts at line 3, column 10 */
	assert_int_equal(check("<project xmlns=\"urn:peerbrief:1\">\n"
	    "  <title>T</title>\n  <as-of>2026-13-01</as-of>\n"
	    "</project>\n", &d), 0);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 3);
	assert_int_equal(d.v[0].col, 10);
	assert_non_null(strstr(d.v[0].msg, "'2026-13-01' is not a date"));
	pb_diags_free(&d);
}

static void
test_unknown_attribute(void **state)
{
	struct pb_diags	 d = { NULL, 0, 0, 0 };
	struct pb_buf	 b = { NULL, 0, 0 };

	(void)state;
	/* the attribute's value "x" starts at line 2, column 17 */
	assert_int_equal(check("<project xmlns=\"urn:peerbrief:1\">\n"
	    "  <title lang2=\"x\">T</title>\n  <as-of>2026-11-01</as-of>\n"
	    "</project>\n", &d), 0);
	assert_int_equal(d.n, 1);
	pb_diag_format(&d.v[0], &b);
	assert_string_equal(b.data,
	    "t.xml:2:17: error: <title> takes no attributes, not lang2\n");
	pb_buf_free(&b);
	pb_diags_free(&d);
}

/* A schema that does not parse is a fault of the system, at its line. */
static void
test_broken_schema(void **state)
{
	struct pb_diags	 d = { NULL, 0, 0, 0 };
	struct pb_buf	 b = { NULL, 0, 0 };

	(void)state;
	assert_null(pb_schema_load("tests/unit", "no-such.rng", &d));
	assert_int_equal(d.n, 1);
	assert_int_equal(d.system, 1);
	assert_int_equal(d.v[0].line, 0);
	pb_diag_format(&d.v[0], &b);
	/* no made-up position: just the file */
	assert_string_equal(b.data,
	    "tests/unit/no-such.rng: error: cannot load schema\n");
	pb_buf_free(&b);
	pb_diags_free(&d);
}

/* An XML position whose pb: and xlink: prefixes nobody declared. */
static const char undeclared[] =
    "<article xmlns=\"http://docbook.org/ns/docbook\" version=\"5.0\">\n"
    "  <info><title>T</title></info>\n"
    "  <para><pb:value ref=\"a.b\"/> <link xlink:href=\"u\">l</link> "
    "<pb:cite ref=\"c\"/></para>\n"
    "</article>\n";

static void
test_undeclared_prefix(void **state)
{
	static const char *const known[] = { "pb", PB_NS, "xlink",
		PB_XLINK_NS, NULL };
	struct pb_diags	 d = { NULL, 0, 0, 0 };
	xmlDocPtr	 doc;
	xmlNodePtr	 para, n;

	(void)state;
	/* without the prefixes known, the file is refused, each prefix
	 * said once: pb at its first element's "<", xlink at the value */
	assert_null(pb_xml_parse("t.xml", undeclared, strlen(undeclared),
	    &d));
	assert_int_equal(d.n, 2);
	assert_int_equal(d.v[0].line, 3);
	assert_int_equal(d.v[0].col, 9);
	assert_int_equal(d.v[1].line, 3);
	assert_int_equal(d.v[1].col, 49);
	assert_non_null(strstr(d.v[1].msg, "prefix 'xlink' of xlink:href "
	    "on <link> is not declared"));
	pb_diags_free(&d);
	/* known, they are read as meant, with the same two errors */
	memset(&d, 0, sizeof(d));
	doc = pb_xml_parse_ns("t.xml", undeclared, strlen(undeclared), known,
	    &d);
	assert_non_null(doc);
	assert_int_equal(d.n, 2);
	assert_int_equal(d.errors, 2);
	assert_string_equal(d.v[0].msg, "prefix 'pb' of <pb:value> is not "
	    "declared: add xmlns:pb=\"urn:peerbrief:1\" to <article>");
	para = xmlDocGetRootElement(doc)->children;
	while (para != NULL && !xmlStrEqual(para->name, BAD_CAST "para"))
		para = para->next;
	assert_non_null(para);
	n = para->children;
	assert_string_equal((const char *)n->name, "value");
	assert_string_equal((const char *)n->ns->href, PB_NS);
	n = n->next->next;
	assert_string_equal((const char *)n->name, "link");
	assert_non_null(xmlHasNsProp(n, BAD_CAST "href",
	    BAD_CAST PB_XLINK_NS));
	n = n->next->next;
	assert_string_equal((const char *)n->name, "cite");
	assert_string_equal((const char *)n->ns->href, PB_NS);
	xmlFreeDoc(doc);
	pb_diags_free(&d);
}

/* The elements an invalid position's messages are about are given. */
static void
test_said(void **state)
{
	static const char text[] =
	    "<article xmlns=\"http://docbook.org/ns/docbook\" "
	    "xmlns:pb=\"urn:peerbrief:1\" version=\"5.0\">\n"
	    "  <info><title>T</title></info>\n"
	    "  <para><pb:value rf=\"a.b\"/><pb:value ref=\"c.d\"/></para>\n"
	    "</article>\n";
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_schema	*s;
	struct pb_xmlfile	 f = { "t.xml", text, sizeof(text) - 1, NULL };
	xmlDocPtr		 doc;
	xmlNodePtr		 bad, good, *said = NULL;
	size_t			 nsaid = 0, i, hits = 0;

	(void)state;
	s = pb_schema_load("schema", "position.rng", &d);
	assert_non_null(s);
	doc = pb_xml_parse(f.file, f.data, f.len, &d);
	assert_non_null(doc);
	pb_xmlfile_index(&f, doc);
	assert_int_equal(pb_schema_check_said(s, &f, doc, &d, &said, &nsaid),
	    0);
	bad = xmlDocGetRootElement(doc)->children;
	while (!xmlStrEqual(bad->name, BAD_CAST "para"))
		bad = bad->next;
	bad = bad->children;
	good = bad->next;
	/* one message, about the first reference, not the second */
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.v[0].line, 3);
	assert_int_equal(d.v[0].col, 23);
	for (i = 0; i < nsaid; i++) {
		hits += said[i] == bad;
		assert_true(said[i] != good);
	}
	assert_true(hits > 0);
	free(said);
	pb_xmlfile_unindex(&f);
	xmlFreeDoc(doc);
	pb_schema_free(s);
	pb_diags_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_unknown_element),
		cmocka_unit_test(test_bad_value),
		cmocka_unit_test(test_unknown_attribute),
		cmocka_unit_test(test_broken_schema),
		cmocka_unit_test(test_undeclared_prefix),
		cmocka_unit_test(test_said),
	};
	const char *const roots[] = { "schema", NULL };
	int rc;

	pb_xml_init(roots);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	pb_xml_cleanup();
	return rc;
}
