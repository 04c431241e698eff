/*
 * test_plain.c - unit tests of the plain-word schema messages: the
 * description src/plain.c works from is the one the schemas give
 * (tests/tools/rngdesc.py reads them), and for each value tried, plain.c
 * finds a problem exactly when libxml2's RELAX NG validator does, so it
 * never words a false one and never stays silent on a real one.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/relaxng.h>

#include "pb.h"
#include "plain.h"
#include "plainpos.h"
#include "schema.h"
#include "xmlread.h"

/*
 * Writes the description that describe makes to a file and has the
 * checker tests/tools/TOOL compare it with schema/; fails with what
 * disagrees when they differ.
 */
static void
agrees(void (*describe)(struct pb_buf *), const char *tool, const char *what)
{
	struct pb_buf	 b = { NULL, 0, 0 };
	char		 path[] = "/tmp/pbplain.XXXXXX", out[4096];
	FILE		*f, *p;
	size_t		 n;
	int		 fd, rc;
	char		*cmd;

	describe(&b);
	assert_true((fd = mkstemp(path)) >= 0);
	assert_true((f = fdopen(fd, "w")) != NULL);
	assert_int_equal(fwrite(b.data, 1, b.len, f), b.len);
	fclose(f);
	pb_buf_free(&b);
	cmd = pb_xasprintf("python3 tests/tools/%s schema %s 2>&1", tool,
	    path);
	assert_true((p = popen(cmd, "r")) != NULL);
	n = fread(out, 1, sizeof(out) - 1, p);
	out[n] = '\0';
	rc = pclose(p);
	free(cmd);
	remove(path);
	if (rc != 0)
		fail_msg("%s disagree: %s", what, out);
}

static void
test_describe_matches_schemas(void **state)
{
	(void)state;
	agrees(pb_plain_describe, "rngdesc.py", "plain.c and schema/");
}

/* The same for plainpos.c's table of XML positions (rngpos.py). */
static void
test_position_table_matches_schema(void **state)
{
	(void)state;
	agrees(pb_plainpos_describe, "rngpos.py",
	    "plainpos.c and schema/position.rng");
}

static void
quiet(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

/* Non-zero when the RELAX NG schema schema/NAME accepts doc. */
static int
rng_valid(const char *name, xmlDocPtr doc)
{
	xmlRelaxNGParserCtxtPtr	 pc;
	xmlRelaxNGValidCtxtPtr	 vc;
	xmlRelaxNGPtr		 rng;
	char			*path;
	int			 rc;

	path = pb_xasprintf("schema/%s", name);
	pc = xmlRelaxNGNewParserCtxt(path);
	rng = xmlRelaxNGParse(pc);
	xmlRelaxNGFreeParserCtxt(pc);
	free(path);
	assert_non_null(rng);
	vc = xmlRelaxNGNewValidCtxt(rng);
	xmlRelaxNGSetValidStructuredErrors(vc, quiet, NULL);
	rc = xmlRelaxNGValidateDoc(vc, doc);
	xmlRelaxNGFreeValidCtxt(vc);
	xmlRelaxNGFree(rng);
	return rc == 0;
}

/* One document to try: a template whose %s each value fills. */
struct trial {
	const char		*schema;
	const char		*root;
	const char		*tmpl;
	const char *const	*values;
};

#define PROJECT "<project xmlns=\"urn:peerbrief:1\"><title>T</title>"
#define PARAMS PROJECT "<parameters>"
#define REFERENCE "<references xmlns=\"urn:peerbrief:1\"><reference id=\"a\">" \
	"<title>T</title>"
#define ORG "<organization xmlns=\"urn:peerbrief:1\"><name>N</name>"
#define MEMBER ORG "<staff><member id=\"ps1\" role=\"peer-specialist\" "
#define PROGRAM ORG "<program id=\"p\" contract=\"ACCS\" fiscal-year=\"2026\">"
#define PACKET "<packet xmlns=\"urn:peerbrief:1\"><title>T</title>"

static const char *const dates[] = { "2026-11-01", " 2026-11-01 ",
	"2026-02-30", "2026-2-3", "11/15/2026", "", "2026-11-01Z",
	"2024-02-29", "2026-11-01T00:00:00", NULL };
static const char *const texts[] = { "x", "", "   ", " a  b ", NULL };
static const char *const contacts[] = { "a@b.c", "a@b.", "@b.c", "a@.c",
	"a@b..c", "https://x", "http://", "x y@b.c", "a@b@c.d", " a@b.c ",
	"mailto:a@b.c", "ftp://x.y", "a@b", "&lt;a@b.c&gt;", "https://a\"b",
	NULL };
static const char *const langs[] = { "en", "en-US", "english", "en_US",
	"toolonglang", "e1", "", " en ", "x-private-1", "en-", NULL };
static const char *const uris[] = { "https://example.org/", "http://x/%zz",
	"not a url", "http://[::1", "", "relative/path", " https://x/ ",
	"%", NULL };
static const char *const ratios[] = { "0", "1", "0.5", "0.1234567",
	"1.000000", "1.5", ".5", "0.", " 0.5 ", "1.0000001", "1.01", "00.5",
	"0.123456", NULL };
static const char *const months[] = { "6", "0", "120", "121", "007",
	"0120", "-1", "6.0", "99999999999999999999", " 6 ", "000", NULL };
static const char *const per100[] = { "2", "2.00", "999.99", "1000",
	"2.005", ".5", "0", " 2.5 ", "2.", "-1", NULL };
static const char *const refdates[] = { "2017", "2017-06", "2017-06-30",
	"2017-13", "2017-02-31", "17", "2017-6", " 2017 ", "2017-00",
	"2017-06-32", "2017-06-00", NULL };
static const char *const urls[] = { "https://example.org/x", "ftp://x",
	"http://", "http://a b", "http://x/%zz", " https://x ", "https://x",
	"HTTP://x", NULL };
static const char *const ftes[] = { "1", "1.0", "1.00", "1.000", "0.5",
	"0.50", "0.05", "0.00", "0.0", "0.005", " 0.5", "0.5 ", "0.01",
	".5", NULL };
static const char *const attr_dates[] = { "2026-03-02", " 2026-03-02",
	"2026-02-30", "2026-3-2", NULL };
static const char *const counts[] = { "10", " 10 ", "1,000", "-1",
	"1000000000", "1000000001", "0", "010", "1e3", NULL };
static const char *const moneys[] = { "104.25", "104.5", "104", "104.255",
	"$104", "1,04", "12345678", " 1.5 ", "0", ".5", "1.", NULL };
static const char *const editions[] = { "1", "0", "999", "1000", " 2 ",
	"01", "x", NULL };
static const char *const years[] = { "2026", "1989", " 2026 ", "02026",
	"2101", "1990", NULL };
static const char *const ids[] = { "p", "P", "-p", "p-1", "", NULL };
static const char *const fignames[] = { "packet.org_count", "param.x",
	"a.b.c", "a.b.c.d", "a", ".x", "a..x", "-a.x", "a-.x", "a.B", "a.1x",
	"a.x_1", "A.x", "a.b-c.x", "a.x.", "a. x", " a.x", "a.x-y", NULL };

static const struct trial trials[] = {
	{ "project.rng", "project", PROJECT "<as-of>%s</as-of></project>",
	  dates },
	{ "project.rng", "project", PROJECT "<contact>%s</contact></project>",
	  contacts },
	{ "project.rng", "project",
	  PROJECT "<language>%s</language></project>", langs },
	{ "project.rng", "project",
	  PROJECT "<base-url>%s</base-url></project>", uris },
	{ "project.rng", "project",
	  PROJECT "<publisher>%s</publisher></project>", texts },
	{ "project.rng", "project", "<project xmlns=\"urn:peerbrief:1\">"
	  "<title>%s</title></project>", texts },
	{ "project.rng", "project", PARAMS "<medicaid-share>%s"
	  "</medicaid-share></parameters></project>", ratios },
	{ "project.rng", "project", PARAMS "<certification-window-months>%s"
	  "</certification-window-months></parameters></project>", months },
	{ "project.rng", "project", PARAMS "<peer-fte-per-100-enrolled>%s"
	  "</peer-fte-per-100-enrolled></parameters></project>", per100 },
	{ "references.rng", "references",
	  REFERENCE "<date>%s</date></reference></references>", refdates },
	{ "references.rng", "references",
	  REFERENCE "<url>%s</url></reference></references>", urls },
	{ "references.rng", "references",
	  REFERENCE "<author>%s</author></reference></references>", texts },
	{ "organization.rng", "organization", MEMBER "fte=\"%s\" "
	  "hired=\"2026-03-02\"/></staff><source>S</source></organization>",
	  ftes },
	{ "organization.rng", "organization", MEMBER "fte=\"1\" "
	  "hired=\"%s\"/></staff><source>S</source></organization>",
	  attr_dates },
	{ "organization.rng", "organization", PROGRAM "<enrolled-persons>%s"
	  "</enrolled-persons><enrolled-days>10</enrolled-days><daily-rate "
	  "currency=\"USD\">1</daily-rate><rdays documented-by=\"staff\">1"
	  "</rdays><rdays documented-by=\"peer-only\">0</rdays></program>"
	  "<source>S</source></organization>", counts },
	{ "organization.rng", "organization", PROGRAM "<enrolled-persons>1"
	  "</enrolled-persons><enrolled-days>10</enrolled-days><daily-rate "
	  "currency=\"USD\">%s</daily-rate><rdays documented-by=\"staff\">1"
	  "</rdays><rdays documented-by=\"peer-only\">0</rdays></program>"
	  "<source>S</source></organization>", moneys },
	{ "organization.rng", "organization", ORG "<program id=\"%s\" "
	  "contract=\"ACCS\" fiscal-year=\"2026\"><enrolled-persons>1"
	  "</enrolled-persons><enrolled-days>10</enrolled-days><daily-rate "
	  "currency=\"USD\">1</daily-rate><rdays documented-by=\"staff\">1"
	  "</rdays><rdays documented-by=\"peer-only\">0</rdays></program>"
	  "<source>S</source></organization>", ids },
	{ "packet.rng", "packet", PACKET "<date>%s</date></packet>", dates },
	{ "packet.rng", "packet", PACKET "<date>2026-11-01</date><edition>%s"
	  "</edition></packet>", editions },
	{ "packet.rng", "packet", PACKET "<date>2026-11-01</date><fiscal-year>"
	  "%s</fiscal-year></packet>", years },
	{ "packet.rng", "packet", PACKET "<date>2026-11-01</date><highlights>"
	  "<figure ref=\"%s\"/></highlights></packet>", fignames },
};

/* Every element in its place, or one missing, doubled or out of order. */
static const char *const shapes[] = {
	PROJECT "</project>",
	"<project xmlns=\"urn:peerbrief:1\"><publisher>P</publisher></project>",
	PROJECT "<as-of>2026-11-01</as-of><publisher>P</publisher></project>",
	PROJECT "<as-of>2026-11-01</as-of><as-of>2026-11-01</as-of></project>",
	PROJECT "<parameters><max-recovery-coach-share>0.3"
	"</max-recovery-coach-share><medicaid-share>0.5</medicaid-share>"
	"</parameters></project>",
	PROJECT "<paramaters/></project>",
	"<project xmlns=\"urn:peerbrief:1\" lang=\"en\"><title>T</title>"
	"</project>",
	"<references xmlns=\"urn:peerbrief:1\"/>",
	"<references xmlns=\"urn:peerbrief:1\"><reference><title>T</title>"
	"</reference></references>",
	"<references xmlns=\"urn:peerbrief:1\"><reference id=\"a\"><author>A"
	"</author><title>T</title></reference></references>",
	"<references xmlns=\"urn:peerbrief:1\"><reference id=\"a\" kind=\"b\">"
	"<title>T</title></reference></references>",
	REFERENCE "<author>A</author><author>B</author><publisher>P"
	"</publisher><date>2017</date><url>https://x</url></reference>"
	"</references>",
	REFERENCE "<url>https://x</url><date>2017</date></reference>"
	"</references>",
	REFERENCE "x</reference></references>",
	NULL
};

/* Checks doc (text) both ways; returns non-zero when they agree. */
static int
agree(const char *schema, const char *root, const char *text, int *valid)
{
	struct pb_xmlfile	 f = { "t.xml", NULL, 0, NULL };
	struct pb_diags		 d;
	xmlDocPtr		 doc;
	size_t			 n;

	memset(&d, 0, sizeof(d));
	f.data = text;
	f.len = strlen(text);
	doc = pb_xml_parse(f.file, f.data, f.len, &d);
	assert_non_null(doc);
	pb_xmlfile_index(&f, doc);
	*valid = rng_valid(schema, doc);
	n = pb_plain_check(&f, doc, root, &d);
	pb_xmlfile_unindex(&f);
	xmlFreeDoc(doc);
	if (*valid ? n != 0 : n == 0)
		print_error("%s: RELAX NG says %s, plain.c found %zu problems%s%s"
		    "\n", text, *valid ? "valid" : "invalid", n, n ? ": " : "",
		    n ? d.v[d.n - 1].msg : "");
	pb_diags_free(&d);
	return *valid ? n == 0 : n > 0;
}

static const char *
root_of(const char *text)
{
	return strncmp(text, "<project", 8) == 0 ? "project" :
	    strncmp(text, "<references", 11) == 0 ? "references" :
	    strncmp(text, "<packet", 7) == 0 ? "packet" : "organization";
}

static void
test_values_as_the_schema_judges(void **state)
{
	const struct trial	*t;
	size_t			 i, j, bad = 0, valids = 0, invalids = 0;
	int			 valid;
	char			*doc;

	(void)state;
	for (i = 0; i < sizeof(trials) / sizeof(trials[0]); i++) {
		t = &trials[i];
		for (j = 0; t->values[j] != NULL; j++) {
			doc = pb_xasprintf(t->tmpl, t->values[j]);
			bad += !agree(t->schema, t->root, doc, &valid);
			valids += valid;
			invalids += !valid;
			free(doc);
		}
	}
	for (i = 0; shapes[i] != NULL; i++) {
		bad += !agree(strcmp(root_of(shapes[i]), "project") == 0 ?
		    "project.rng" : "references.rng", root_of(shapes[i]),
		    shapes[i], &valid);
		valids += valid;
		invalids += !valid;
	}
	/* the trials hold both kinds, or they prove nothing */
	assert_true(valids > 20);
	assert_true(invalids > 20);
	assert_int_equal(bad, 0);
}

/* XML positions: each value of an attribute plainpos.c checks, or a
 * directive's forms, judged by plainpos.c as by the validator. */
#define POS "<article xmlns=\"http://docbook.org/ns/docbook\" " \
	"xmlns:pb=\"urn:peerbrief:1\" " \
	"xmlns:xlink=\"http://www.w3.org/1999/xlink\"><info><title>T" \
	"</title></info>"

static const char *const pos_fignames[] = { "param.medicaid_share",
	"a.b.c", "a.b.c.d", "a", "Riverside.rday rate", "a. x", " a.x",
	"a.x ", "-a.x", "a.B", "", NULL };
static const char *const pos_refs[] = { "accs-rfr", "a_b.c", "accs rfr",
	"Accs", "-a", "", " a", "a/b", NULL };
static const char *const pos_ncnames[] = { "intro", "my section", "1c",
	"_a", "a:b", " a ", "a.b-c", "", NULL };
static const char *const pos_langs[] = { "en", "en-US", "english",
	"en_US", "", " en ", "x-private-1", NULL };
static const char *const pos_uris[] = { "https://example.org/", "100%",
	"a#b#c", "http://x/%zz", "http://x:port/", "relative", "", "a b",
	"http://[::1", "%41", NULL };
static const char *const pos_locs[] = { "section 7.5", "", "   ", " a ",
	NULL };
static const char *const pos_directives[] = { "kind=\"funding\"",
	"kind=\"funding\" ref=\"acme\"", "kind=\"funding\" ref=\"A cme\"",
	"kind=\"funding\" name=\"x\"", "kind=\"figure\"",
	"kind=\"figure\" ref=\"param.x\"", "kind=\"figure\" ref=\"acme\"",
	"kind=\"figure\" name=\"param.x\"",
	"kind=\"figure\" ref=\"param.x\" name=\"x\"", "kind=\"chart\"",
	"kind=\"chart\" name=\"rday-rates\"", "kind=\"chart\" name=\"R x\"",
	"kind=\"chart\" ref=\"rday-rates\"",
	"kind=\"chart\" name=\"x\" ref=\"y\"", NULL };

static const struct trial pos_trials[] = {
	{ "position.rng", "article", POS "<para><pb:value ref=\"%s\"/>"
	  "</para></article>", pos_fignames },
	{ "position.rng", "article", POS "<para><pb:cite ref=\"%s\"/>"
	  "</para></article>", pos_refs },
	{ "position.rng", "article", POS "<para><pb:cite ref=\"a\" "
	  "loc=\"%s\"/></para></article>", pos_locs },
	{ "position.rng", "article", POS "<para xml:id=\"%s\">x</para>"
	  "</article>", pos_ncnames },
	{ "position.rng", "article", POS "<section xml:lang=\"%s\"><title>"
	  "S</title><para>x</para></section></article>", pos_langs },
	{ "position.rng", "article", POS "<para><link xlink:href=\"%s\">x"
	  "</link></para></article>", pos_uris },
	{ "position.rng", "article", POS "<informaltable><tr><td><link "
	  "xlink:href=\"%s\">x</link></td></tr></informaltable></article>",
	  pos_uris },
	{ "position.rng", "article", POS "<pb:directive %s/></article>",
	  pos_directives },
};

/* plainpos.c finds a problem in each position exactly when the
 * validator does, and each problem it finds is said once. */
static void
test_position_values_as_the_schema_judges(void **state)
{
	struct pb_xmlfile	 f = { "t.xml", NULL, 0, NULL };
	struct pb_diags		 d;
	const struct trial	*t;
	xmlNodePtr		*said;
	xmlDocPtr		 doc;
	size_t			 i, j, n, nsaid, bad = 0, valids = 0;
	size_t			 invalids = 0;
	int			 valid;
	char			*text;

	(void)state;
	for (i = 0; i < sizeof(pos_trials) / sizeof(pos_trials[0]); i++) {
		t = &pos_trials[i];
		for (j = 0; t->values[j] != NULL; j++) {
			text = pb_xasprintf(t->tmpl, t->values[j]);
			memset(&d, 0, sizeof(d));
			f.data = text;
			f.len = strlen(text);
			doc = pb_xml_parse(f.file, f.data, f.len, &d);
			assert_non_null(doc);
			pb_xmlfile_index(&f, doc);
			valid = rng_valid(t->schema, doc);
			n = pb_plainpos_check(&f, doc, &d, &said, &nsaid);
			free(said);
			if (valid ? n != 0 : n != 1) {
				print_error("%s: RELAX NG says %s, plainpos.c "
				    "found %zu problems%s%s\n", text, valid ?
				    "valid" : "invalid", n, n ? ": " : "",
				    n ? d.v[d.n - 1].msg : "");
				bad++;
			}
			valids += valid;
			invalids += !valid;
			pb_xmlfile_unindex(&f);
			xmlFreeDoc(doc);
			pb_diags_free(&d);
			free(text);
		}
	}
	assert_true(valids > 15);
	assert_true(invalids > 25);
	assert_int_equal(bad, 0);
}

int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_describe_matches_schemas),
		cmocka_unit_test(test_position_table_matches_schema),
		cmocka_unit_test(test_values_as_the_schema_judges),
		cmocka_unit_test(test_position_values_as_the_schema_judges),
	};

	const char *const	 roots[] = { "schema", NULL };

	pb_xml_init(roots);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
