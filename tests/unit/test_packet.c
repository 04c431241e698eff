/*
 * test_packet.c - unit tests of packet assembly on the small input of
 * tests/semantic/base (one organization, one program, one position):
 * the tree of docs/tree.md with the figures worked out by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "figures.h"
#include "model.h"
#include "packet.h"
#include "pb.h"
#include "position.h"
#include "xmlread.h"

static xmlDocPtr	 doc;
static xmlDocPtr	 taken;	/* assembled again, taking the position */
static int		 emptied; /* the position's document left empty */

/* Assembles packet pk of tests/semantic/base, once for every test. */
static int
setup(void **state)
{
	struct pb_diags			 d = { NULL, 0, 0, 0 };
	const struct pb_read_opts	 o = { 1, 0, NULL, NULL };
	struct pb_model			*m;
	const struct pb_org		*org;
	struct pb_figures		*f;
	struct pb_position		 pos;
	const struct pb_position	*v[1];
	const unsigned char		 one[1] = { 1 };

	(void)state;
	if ((m = pb_model_read("tests/semantic/base", "schema", NULL,
	    &d)) == NULL)
		return -1;
	org = pb_model_org(m, "acme");
	f = pb_figures_compute(m, &org, 1, &m->packets[0], m->project.as_of,
	    &d);
	if (f == NULL || !pb_position_read(m->position_files[0],
	    m->positions[0], 0, &o, &pos, &d))
		return -1;
	v[0] = &pos;
	doc = pb_packet_assemble(m, &m->packets[0], f, v, m->project.as_of,
	    &d);
	taken = pb_packet_assemble_taking(m, &m->packets[0], f, v, one,
	    m->project.as_of, &d);
	emptied = xmlDocGetRootElement(pos.doc) == NULL;
	pb_position_free(&pos);
	pb_figures_free(f);
	pb_model_free(m);
	if (d.n != 0)
		return -1;
	pb_diags_free(&d);
	return doc == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	xmlFreeDoc(doc);
	xmlFreeDoc(taken);
	return 0;
}

/* The string value of XPath expression x (prefix pb) on the packet. */
static void
assert_xpath(const char *x, const char *want)
{
	xmlXPathContextPtr	 c = xmlXPathNewContext(doc);
	xmlXPathObjectPtr	 r;
	xmlChar			*s;

	xmlXPathRegisterNs(c, BAD_CAST "pb", BAD_CAST PB_NS);
	xmlXPathRegisterNs(c, BAD_CAST "cm", BAD_CAST PB_CM_NS);
	r = xmlXPathEvalExpression(BAD_CAST x, c);
	assert_non_null(r);
	s = xmlXPathCastToString(r);
	if (strcmp((const char *)s, want) != 0)
		fail_msg("%s: '%s', not '%s'", x, (const char *)s, want);
	xmlFree(s);
	xmlXPathFreeObject(r);
	xmlXPathFreeContext(c);
}

/*
 * A packet that takes its position's nodes, rather than copying them, is
 * the same tree, and leaves the position's document empty.
 */
static void
test_taken(void **state)
{
	xmlChar	*a, *b;
	int	 na, nb;

	(void)state;
	assert_non_null(taken);
	assert_true(emptied);
	xmlDocDumpMemory(doc, &a, &na);
	xmlDocDumpMemory(taken, &b, &nb);
	assert_int_equal(na, nb);
	assert_memory_equal(a, b, (size_t)na);
	xmlFree(a);
	xmlFree(b);
}

static void
test_meta(void **state)
{
	(void)state;
	assert_xpath("/pb:packet/@id", "pk");
	assert_xpath("/pb:packet/@visibility", "public");
	assert_xpath("/pb:packet/pb:meta/pb:title", "Test packet");
	assert_xpath("/pb:packet/pb:meta/pb:date", "2026-11-15");
	/* the project's as-of, the year of the packet's one program */
	assert_xpath("/pb:packet/pb:meta/pb:as-of", "2026-11-01");
	/* a number: templates/numbers.xsl words it "FY2026" */
	assert_xpath("/pb:packet/pb:meta/pb:fiscal-year", "2026");
	assert_xpath("/pb:packet/pb:meta/pb:edition", "1");
	assert_xpath("/pb:packet/pb:meta/pb:lang", "en");
}

/*
 * The totals of one program: 3,650 enrolled days at $100.00 is
 * $365,000.00; 900 + 10 R-days at $100.00 and a Medicaid share of 0.5
 * are $45,500.00 reimbursed, the 10 peer-only ones $500.00; $500.00 of
 * $365,000.00 is 0.001370 (0.00136986...), shown 0.1%.
 */
static void
test_totals(void **state)
{
	(void)state;
	assert_xpath("count(/pb:packet/pb:highlights/pb:value)", "1");
	assert_xpath("/pb:packet/pb:highlights/pb:value/@ref",
	    "packet.org_count");
	assert_xpath("/pb:packet/pb:highlights/pb:value/@value", "1");
	assert_xpath("/pb:packet/pb:totals/pb:value"
	    "[@ref='packet.total_dmh_payment']/@value", "365000.00");
	assert_xpath("/pb:packet/pb:totals/pb:value"
	    "[@ref='packet.total_medicaid_reimbursement']/@value",
	    "45500.00");
	assert_xpath("/pb:packet/pb:totals/pb:value"
	    "[@ref='packet.total_dmh_net_cost']/@value", "319500.00");
	assert_xpath("/pb:packet/pb:totals/pb:value"
	    "[@ref='packet.total_peer_note_reimbursement']/@value", "500.00");
	assert_xpath("/pb:packet/pb:totals/pb:value"
	    "[@ref='packet.peer_note_share_of_payment']/@value", "0.001370");
	/* rounded to tenths of a percent, half up: numbers.xsl words it
	 * "0.1%" */
	assert_xpath("/pb:packet/pb:totals/pb:value"
	    "[@ref='packet.peer_note_share_of_payment']/@per-mille", "1");
}

/*
 * The organization: its program with the R-days as written, and the
 * shortfall: the state average of 0.25 R-days a day over 3,650 days is
 * 912.5, so 913 R-days, 13 more than the 900 staff ones.
 */
static void
test_org(void **state)
{
	(void)state;
	assert_xpath("count(/pb:packet/pb:orgs/pb:org)", "1");
	assert_xpath("/pb:packet/pb:orgs/pb:org/@id", "acme");
	assert_xpath("/pb:packet/pb:orgs/pb:org/pb:name", "Acme (fictional)");
	assert_xpath("count(/pb:packet/pb:orgs/pb:org/pb:practice)", "8");
	assert_xpath("/pb:packet/pb:orgs/pb:org/pb:practice"
	    "[@name='peer-progress-notes']/@status", "consistent");
	assert_xpath("/pb:packet/pb:orgs/pb:org/pb:program/@id",
	    "accs-fy2026");
	/* raw numbers, $100.00 as 10000 cents: numbers.xsl words them */
	assert_xpath("/pb:packet/pb:orgs/pb:org/pb:program/@daily-rate-cents",
	    "10000");
	assert_xpath("/pb:packet/pb:orgs/pb:org/pb:program/@rdays-staff",
	    "900");
	assert_xpath("/pb:packet/pb:orgs/pb:org/pb:program/@rdays-peer-only",
	    "10");
	assert_xpath("/pb:packet/pb:orgs/pb:org/pb:program/pb:value[@ref="
	    "'acme.accs-fy2026.rday_shortfall_without_peer_notes']/@value",
	    "13");
	assert_xpath("/pb:packet/pb:orgs/pb:org/pb:role/@members", "1");
	/* a public packet names no member */
	assert_xpath("count(//pb:member)", "0");
}

/* The position, its reference filled in, and the appendix. */
static void
test_position(void **state)
{
	(void)state;
	assert_xpath("count(/pb:packet/pb:position)", "1");
	assert_xpath("/pb:packet/pb:position/@id", "pos");
	assert_xpath("//cm:paragraph/pb:value/@ref",
	    "packet.peer_note_share_of_payment");
	assert_xpath("//cm:paragraph/pb:value/@value", "0.001370");
	assert_xpath("//cm:paragraph/pb:value/@per-mille", "1");
	assert_xpath("//cm:paragraph/pb:value/@unit", "ratio");
	assert_xpath("//cm:paragraph/pb:value/@anchor",
	    "fig-packet.peer_note_share_of_payment");
	/* each figure once in the appendix, with its inputs */
	assert_xpath("count(/pb:packet/pb:figures/pb:figure"
	    "[@name='packet.peer_note_share_of_payment'])", "1");
	assert_xpath("count(/pb:packet/pb:figures/pb:figure"
	    "[@name='packet.peer_note_share_of_payment']/pb:input)", "2");
	assert_xpath("/pb:packet/pb:figures/pb:figure[@name="
	    "'acme.accs-fy2026.dmh_payment']/pb:formula",
	    "enrolled_days x daily_rate");
	/* where a raw input was written, as data: the daily rate stands on
	 * line 10 of orgs/acme.xml; a parameter the project leaves out is
	 * peerbrief.xml's default; an input that is a figure has no source */
	assert_xpath("count(//pb:figure[@name='acme.accs-fy2026.dmh_payment']"
	    "/pb:input[@name='acme.accs-fy2026.daily-rate']/pb:source)", "1");
	assert_xpath("//pb:figure[@name='acme.accs-fy2026.dmh_payment']"
	    "/pb:input[@name='acme.accs-fy2026.daily-rate']/pb:source/@kind",
	    "lines");
	assert_xpath("//pb:figure[@name='acme.accs-fy2026.dmh_payment']"
	    "/pb:input[@name='acme.accs-fy2026.daily-rate']/pb:source/@file",
	    "orgs/acme.xml");
	assert_xpath("//pb:figure[@name='acme.accs-fy2026.dmh_payment']"
	    "/pb:input[@name='acme.accs-fy2026.daily-rate']/pb:source"
	    "/pb:line/@n", "10");
	assert_xpath("count(//pb:figure[@name='acme.accs-fy2026.dmh_payment']"
	    "/pb:input[@name='acme.accs-fy2026.daily-rate']/pb:source"
	    "/pb:line)", "1");
	assert_xpath("//pb:figure[@name='param.medicaid_share']/pb:input"
	    "/pb:source/@kind", "default");
	assert_xpath("//pb:figure[@name='param.medicaid_share']/pb:input"
	    "/pb:source/@file", "peerbrief.xml");
	assert_xpath("count(//pb:figure[@name='param.medicaid_share']"
	    "/pb:input/pb:source/*)", "0");
	assert_xpath("count(//pb:figure[@name='acme.accs-fy2026.dmh_payment']"
	    "/pb:input[@name='acme.accs-fy2026.enrolled_days']/pb:source)",
	    "0");
	assert_xpath("count(//pb:input/@source)", "0");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_taken),
		cmocka_unit_test(test_meta),
		cmocka_unit_test(test_totals),
		cmocka_unit_test(test_org),
		cmocka_unit_test(test_position),
	};
	const char *const roots[] = { "schema", NULL };
	int rc;

	pb_xml_init(roots);
	rc = cmocka_run_group_tests(tests, setup, teardown);
	pb_xml_cleanup();
	return rc;
}
