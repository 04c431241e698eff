/*
 * test_markdown.c - unit tests of reading Markdown positions: URL safety
 * and escaping, ids, XML cleaning, front matter and source positions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "pb.h"
#include "position.h"
#include "url.h"
#include "tree.h"

static void
test_url_unsafe(void **state)
{
	(void)state;
	assert_true(pb_url_unsafe("javascript:alert(1)"));
	assert_true(pb_url_unsafe("JaVaScRiPt:alert(1)"));
	assert_true(pb_url_unsafe("  javascript:x"));
	assert_true(pb_url_unsafe("\x01javascript:x"));
	assert_true(pb_url_unsafe("vbscript:x"));
	assert_true(pb_url_unsafe("FILE:///etc/passwd"));
	assert_true(pb_url_unsafe("data:text/html,<script>"));
	assert_true(pb_url_unsafe("data:image/svg+xml,<svg>"));
	assert_true(pb_url_unsafe("java\tscript:alert(1)"));
	assert_true(pb_url_unsafe("java\nscr\ript:alert(1)"));
	assert_true(pb_url_unsafe("data:image/pngX,AAAA"));
	assert_false(pb_url_unsafe("data:image/png;base64,AAAA"));
	assert_false(pb_url_unsafe("DATA:image/GIF;base64,AAAA"));
	assert_false(pb_url_unsafe("data:image/jpeg,x"));
	assert_false(pb_url_unsafe("data:image/webp,x"));
	assert_false(pb_url_unsafe("https://example.org/"));
	assert_false(pb_url_unsafe("/javascript:x"));
	assert_false(pb_url_unsafe(""));
}

static void
test_url_escape(void **state)
{
	char	*s;

	(void)state;
	s = pb_url_escape("a b\"[]^`{|}<>\\");
	assert_string_equal(s, "a%20b%22%5B%5D%5E%60%7B%7C%7D%3C%3E%5C");
	free(s);
	s = pb_url_escape("https://x.org/a?b=c&d=e#f-_.+!*'(),%;:@$~");
	assert_string_equal(s, "https://x.org/a?b=c&d=e#f-_.+!*'(),%;:@$~");
	free(s);
	s = pb_url_escape("\xC3\xA9");
	assert_string_equal(s, "%C3%A9");
	free(s);
}

static void
test_id_valid(void **state)
{
	(void)state;
	assert_true(pb_id_valid("riverbend"));
	assert_true(pb_id_valid("accs-fy2026"));
	assert_true(pb_id_valid("2026"));
	assert_false(pb_id_valid(""));
	assert_false(pb_id_valid("-x"));
	assert_false(pb_id_valid("Riverbend"));
	assert_false(pb_id_valid("../../x"));
	assert_false(pb_id_valid("a/b"));
	assert_false(pb_id_valid("a.b"));
	assert_false(pb_id_valid(
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

/* The id pb_id_mend makes of s equals want (NULL: none). */
static void
mends_to(const char *s, const char *want)
{
	char	*m = pb_id_mend(s);

	if (want == NULL)
		assert_null(m);
	else {
		assert_non_null(m);
		assert_string_equal(m, want);
		assert_true(pb_id_valid(m));
	}
	free(m);
}

static void
test_id_mend(void **state)
{
	(void)state;
	mends_to("My Position", "my-position");
	mends_to("NoteTaking", "notetaking");
	mends_to("  peer_roles (draft 2) ", "peer-roles-draft-2");
	mends_to("-x", "x");
	mends_to("caf\xC3\xA9 notes", "caf-notes");
	mends_to("riverbend", NULL);	/* valid already */
	mends_to("---", NULL);
	mends_to("\xC3\xA9", NULL);
	/* 70 letters: the first 64, no '-' left at the end */
	mends_to("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
	mends_to("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa B",
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
}

static void
test_buf_put_choices(void **state)
{
	static const char *const v[] = { "a", "b", "c" };
	struct pb_buf	 b = { NULL, 0, 0 };

	(void)state;
	pb_buf_put(&b, "", 0);
	pb_buf_put_choices(&b, v, 0, 1);
	assert_string_equal(b.data, "");
	pb_buf_put_choices(&b, v, 1, 1);
	assert_string_equal(b.data, "'a'");
	b.len = 0;
	pb_buf_put_choices(&b, v, 2, 0);
	assert_string_equal(b.data, "a or b");
	b.len = 0;
	pb_buf_put_choices(&b, v, 3, 1);
	assert_string_equal(b.data, "'a', 'b' or 'c'");
	pb_buf_free(&b);
}

/* The text pb_tree_add_text adds to a new element for the len bytes at
 * s; the caller frees it. */
static char *
added(const char *s, size_t len)
{
	xmlDocPtr	 doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr	 n = xmlNewDocNode(doc, NULL, BAD_CAST "t", NULL);
	xmlChar		*c;
	char		*r;

	xmlDocSetRootElement(doc, n);
	pb_tree_add_text(n, s, len);
	c = xmlNodeGetContent(n);
	r = pb_xstrdup((const char *)c);
	xmlFree(c);
	xmlFreeDoc(doc);
	return r;
}

static void
test_xml_clean(void **state)
{
	char	*s;

	(void)state;
	s = added("a\x01" "b\tc\n", 6);
	assert_string_equal(s, "a\xEF\xBF\xBD" "b\tc\n");
	free(s);
	s = added("\xFF\xC3", 2);	/* invalid UTF-8 */
	assert_string_equal(s, "\xEF\xBF\xBD\xEF\xBF\xBD");
	free(s);
	s = added("\xEF\xBF\xBE", 3);	/* U+FFFE */
	assert_string_equal(s, "\xEF\xBF\xBD");
	free(s);
}

/* The string value of an XPath expression over doc. */
static char *
xpath(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr	 c;
	xmlXPathObjectPtr	 o;
	char			*s;

	c = xmlXPathNewContext(doc);
	xmlXPathRegisterNs(c, BAD_CAST "pb", BAD_CAST PB_NS);
	xmlXPathRegisterNs(c, BAD_CAST "cm", BAD_CAST PB_CM_NS);
	o = xmlXPathEvalExpression(BAD_CAST expr, c);
	s = (char *)xmlXPathCastToString(o);
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(c);
	return s;
}

static xmlDocPtr
read_md(const char *src, int require_title, struct pb_diags *d)
{
	struct pb_read_opts o = { require_title, 0, NULL, NULL };

	return pb_markdown_read("t.md", src, strlen(src), "t", &o, NULL, d);
}

static void
expect(xmlDocPtr doc, const char *expr, const char *want)
{
	char	*got = xpath(doc, expr);

	assert_string_equal(got, want);
	xmlFree(got);
}

static void
test_front_matter(void **state)
{
	struct pb_diags	 d = { NULL, 0, 0, 0 };
	xmlDocPtr	 doc;

	(void)state;
	doc = read_md("---\ntitle: A title\nauthors: [Ann, Bo]\n"
	    "date: 2026-11-10\nlang: es\n---\n\n# Head\n\ntext `=x.y`\n",
	    1, &d);
	assert_non_null(doc);
	assert_int_equal(d.errors, 0);
	expect(doc, "string(/pb:position/pb:meta/pb:title)", "A title");
	expect(doc, "string(/pb:position/pb:meta/pb:author[2])", "Bo");
	expect(doc, "string(/pb:position/pb:meta/pb:lang)", "es");
	expect(doc, "string(/pb:position/pb:meta/pb:date)", "2026-11-10");
	/* lines count from the file's first line, front matter included */
	expect(doc, "string(//cm:heading/@sourcepos)", "8:1-8:6");
	expect(doc, "string(//pb:value/@ref)", "x.y");
	xmlFreeDoc(doc);
	pb_diags_free(&d);
}

/* The first element named name under doc's root, in document order. */
static xmlNodePtr
first(xmlDocPtr doc, const char *name)
{
	xmlNodePtr	 top = xmlDocGetRootElement(doc), n;

	for (n = top; n != NULL; n = pb_tree_next(n, top))
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(n->name, BAD_CAST name))
			return n;
	return NULL;
}

static void
test_tree_pos(void **state)
{
	static const char	 src[] = "---\ntitle: T\n---\n\n"
	    "Some *text* and ![a](a.png),\n![b](b.png) `@w` `=x.y`.\n";
	struct pb_read_opts	 o = { 1, 0, NULL, NULL };
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_refs		 refs = { NULL, 0, NULL, 0, NULL, 0 };
	xmlDocPtr		 doc;
	unsigned long		 line = 9, col = 9;

	(void)state;
	/* a Markdown body's images, citations and figure references are
	 * placed by the numbers the reader records (front matter counted),
	 * its elements' cmark sourcepos staying in the tree for the
	 * stylesheets, never read back */
	doc = pb_markdown_read("t.md", src, sizeof(src) - 1, "t", &o, &refs,
	    &d);
	assert_non_null(doc);
	assert_int_equal(refs.nimage, 2);
	assert_int_equal(refs.image[0].line, 5);
	assert_int_equal(refs.image[0].col, 17);
	assert_int_equal(refs.image[1].line, 6);
	assert_int_equal(refs.image[1].col, 1);
	assert_int_equal(refs.ncite, 1);
	assert_int_equal(refs.cite[0].line, 6);
	/* a code span where cmark places it: after its backtick */
	assert_int_equal(refs.cite[0].col, 14);
	assert_int_equal(refs.n, 1);
	assert_int_equal(refs.v[0].line, 6);
	assert_int_equal(refs.v[0].col, 19);
	expect(doc, "string(//cm:image/@sourcepos)", "5:17-5:27");
	expect(doc, "string(//cm:emph/@sourcepos)", "5:6-5:11");
	/* an element the program made has no place in the tree */
	assert_false(pb_tree_pos(first(doc, "emph"), &line, &col));
	assert_int_equal(line, 0);
	assert_int_equal(col, 0);
	assert_false(pb_tree_pos(first(doc, "meta"), &line, &col));
	xmlFreeDoc(doc);
	pb_refs_free(&refs);
	pb_diags_free(&d);
	/* an element parsed from XML: its line, no column */
	doc = xmlReadMemory("<a>\n\n<b/></a>", 14, "t.xml", NULL, 0);
	assert_non_null(doc);
	assert_true(pb_tree_pos(first(doc, "b"), &line, &col));
	assert_int_equal(line, 3);
	assert_int_equal(col, 0);
	xmlFreeDoc(doc);
}

/*
 * An XML position's citation is placed as its figure references are, by
 * numbers the reader records (refs), not by an attribute in the tree:
 * the tree's element has its parse line alone.
 */
static void
test_xml_cite_pos(void **state)
{
	static const char	 src[] =
	    "<article xmlns=\"http://docbook.org/ns/docbook\"\n"
	    "    xmlns:pb=\"urn:peerbrief:1\" version=\"5.0\">\n"
	    "<info><title>T</title></info>\n"
	    "<para>See <pb:value ref=\"param.medicaid_share\"/>;\n"
	    "  see <pb:cite ref=\"w\" loc=\"p. 2\"/>.</para>\n"
	    "</article>\n";
	struct pb_read_opts	 o = { 1, 0, NULL, NULL };
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_refs		 refs = { NULL, 0, NULL, 0, NULL, 0 };
	xmlDocPtr		 doc;
	xmlNodePtr		 cite;
	unsigned long		 line = 9, col = 9;

	(void)state;
	doc = pb_xmlpos_read("t.xml", src, sizeof(src) - 1, "t", &o, &refs,
	    &d);
	assert_non_null(doc);
	assert_int_equal(d.n, 0);
	assert_int_equal(refs.n, 1);
	assert_int_equal(refs.v[0].line, 4);
	assert_int_equal(refs.v[0].col, 11);
	assert_int_equal(refs.ncite, 1);
	assert_int_equal(refs.cite[0].line, 5);
	assert_int_equal(refs.cite[0].col, 7);
	assert_non_null(cite = first(doc, "cite"));
	assert_false(xmlHasProp(cite, BAD_CAST "sourcepos"));
	assert_true(pb_tree_pos(cite, &line, &col));
	assert_int_equal(line, 5);
	assert_int_equal(col, 0);
	xmlFreeDoc(doc);
	pb_refs_free(&refs);
	pb_diags_free(&d);
}

static void
test_missing_title(void **state)
{
	struct pb_diags	 d = { NULL, 0, 0, 0 };
	xmlDocPtr	 doc;

	(void)state;
	/* a front matter's errors leave the body read, to be checked */
	doc = read_md("# No front matter\n", 1, &d);
	assert_non_null(doc);
	expect(doc, "string(//cm:heading)", "No front matter");
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.v[0].line, 0);	/* the whole file's */
	assert_int_equal(d.v[0].col, 0);
	xmlFreeDoc(doc);
	pb_diags_free(&d);
	doc = read_md("# No front matter\n", 0, &d);
	assert_non_null(doc);
	expect(doc, "string(/pb:position/pb:meta/pb:lang)", "en");
	xmlFreeDoc(doc);
	pb_diags_free(&d);
	doc = read_md("---\nsubtitle: x\n---\nBody\n", 1, &d);
	assert_non_null(doc);
	assert_int_equal(d.errors, 1);
	xmlFreeDoc(doc);
	pb_diags_free(&d);
}

static void
test_unclosed_front_matter(void **state)
{
	struct pb_diags	 d = { NULL, 0, 0, 0 };

	(void)state;
	assert_null(read_md("---\ntitle: x\n\nBody\n", 0, &d));
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.v[0].line, 1);
	pb_diags_free(&d);
}

static void
test_raw_html_and_urls(void **state)
{
	struct pb_diags	 d = { NULL, 0, 0, 0 };
	xmlDocPtr	 doc;

	(void)state;
	doc = read_md("<script>alert(1)</script>\n\n"
	    "a <b onclick=x>b</b> [l](JAVASCRIPT:x) ![i](data:text/html,x)"
	    " [ok](<a b>)\n", 0, &d);
	assert_non_null(doc);
	expect(doc, "count(//cm:html_block|//cm:html_inline)", "0");
	expect(doc, "string(//cm:link[1]/@destination)", "");
	expect(doc, "string(//cm:image/@destination)", "");
	expect(doc, "string(//cm:link[2]/@destination)", "a%20b");
	expect(doc, "count(//*[contains(., 'alert')])", "0");
	xmlFreeDoc(doc);
	pb_diags_free(&d);
}

static void
test_directive(void **state)
{
	struct pb_diags	 d = { NULL, 0, 0, 0 };
	xmlDocPtr	 doc;

	(void)state;
	doc = read_md("```=funding\n```\n\n~~~ =figure  packet.org_count \n~~~\n",
	    0, &d);
	assert_non_null(doc);
	expect(doc, "string(//pb:directive[1]/@kind)", "funding");
	expect(doc, "count(//pb:directive[1]/@ref)", "0");
	expect(doc, "string(//pb:directive[2]/@kind)", "figure");
	expect(doc, "string(//pb:directive[2]/@ref)", "packet.org_count");
	xmlFreeDoc(doc);
	pb_diags_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_url_unsafe),
		cmocka_unit_test(test_url_escape),
		cmocka_unit_test(test_id_valid),
		cmocka_unit_test(test_id_mend),
		cmocka_unit_test(test_buf_put_choices),
		cmocka_unit_test(test_xml_clean),
		cmocka_unit_test(test_front_matter),
		cmocka_unit_test(test_tree_pos),
		cmocka_unit_test(test_xml_cite_pos),
		cmocka_unit_test(test_missing_title),
		cmocka_unit_test(test_unclosed_front_matter),
		cmocka_unit_test(test_raw_html_and_urls),
		cmocka_unit_test(test_directive),
	};
	int	 rc;

	rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
