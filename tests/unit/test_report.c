/*
 * test_report.c - unit tests of figures as text: the JSON and CSV of
 * `peerbrief figures` and of each packet's figures.json and figures.csv,
 * and `peerbrief explain`, on a set of two figures written out by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "figures.h"
#include "pb.h"
#include "report.h"

/*
 * Two figures: a sum of a value written at orgs/a.xml:6:20 and a
 * default, and a ratio computed from the sum, whose formula holds a
 * comma and quotes (CSV must quote it, JSON escape it).
 */
static struct pb_input	 sum_in[2], ratio_in[1];
static struct pb_figure	 v[2];
static size_t		 sorted[2] = { 1, 0 };	/* a.note < a.total */
static struct pb_figures f = { v, 2, sorted, 0, NULL };

static void
make(void)
{
	memset(v, 0, sizeof(v));
	sum_in[0].name = (char *)"x";
	sum_in[0].value = (char *)"1000.00";
	sum_in[0].figure = -1;
	sum_in[0].src.file = "orgs/a.xml";
	sum_in[0].src.line = 6;
	sum_in[0].src.col = 20;
	sum_in[1].name = (char *)"y";
	sum_in[1].value = (char *)"234.50";
	sum_in[1].figure = -1;
	sum_in[1].src.file = "orgs/a.xml";	/* line 0: a default */
	sum_in[1].src.line = 0;
	sum_in[1].src.col = 0;
	v[0].name = (char *)"a.total";
	v[0].unit = PB_UNIT_USD;
	strcpy(v[0].value, "1234.50");
	v[0].formula = (char *)"x + y";
	v[0].inputs = sum_in;
	v[0].ninputs = 2;
	ratio_in[0].name = (char *)"a.total";
	ratio_in[0].value = (char *)"1234.50";
	ratio_in[0].figure = 0;
	v[1].name = (char *)"a.note";
	v[1].unit = PB_UNIT_RATIO;
	strcpy(v[1].value, "0.5");
	strcpy(v[1].per_mille, "500");
	v[1].formula = (char *)"half of \"a.total\", rounded";
	v[1].inputs = ratio_in;
	v[1].ninputs = 1;
}

/* The displays of a.total and a.note, as pb_render_displays words them
 * (test_explain has numbers.xsl word them). */
static const char *const words[] = { "$1,234.50", "50.0%" };

static void
test_json(void **state)
{
	struct pb_buf	 b = { NULL, 0, 0 };

	(void)state;
	make();
	pb_report_figures(&f, words, PB_REPORT_JSON, &b);
	/* the ratio's input lists the sum's own sources, sorted (the
	 * default, line 0, before line 6), each once */
	assert_string_equal(b.data, "{\"figures\": [\n"
	    "  {\"name\": \"a.total\", \"value\": \"1234.50\", "
	    "\"unit\": \"usd\", \"display\": \"$1,234.50\", "
	    "\"formula\": \"x + y\", \"inputs\": ["
	    "{\"name\": \"x\", \"value\": \"1000.00\", "
	    "\"sources\": [\"orgs/a.xml:6:20\"]}, "
	    "{\"name\": \"y\", \"value\": \"234.50\", "
	    "\"sources\": [\"orgs/a.xml (default)\"]}]},\n"
	    "  {\"name\": \"a.note\", \"value\": \"0.5\", "
	    "\"unit\": \"ratio\", \"display\": \"50.0%\", "
	    "\"formula\": \"half of \\\"a.total\\\", rounded\", "
	    "\"inputs\": [{\"name\": \"a.total\", \"value\": \"1234.50\", "
	    "\"sources\": [\"orgs/a.xml (default)\", \"orgs/a.xml:6:20\"]}]}"
	    "\n]}\n");
	pb_buf_free(&b);
}

/* Every byte JSON must escape, between runs that need none. */
static void
test_json_escapes(void **state)
{
	struct pb_buf	 b = { NULL, 0, 0 };

	(void)state;
	make();
	v[1].formula = (char *)"a\\b\nc\td\x01" "e\"f\"";
	pb_report_figures(&f, words, PB_REPORT_JSON, &b);
	assert_non_null(strstr(b.data, "\"formula\": "
	    "\"a\\\\b\\nc\\u0009d\\u0001e\\\"f\\\"\", "));
	pb_buf_free(&b);
}

static void
test_csv(void **state)
{
	struct pb_buf	 b = { NULL, 0, 0 };

	(void)state;
	make();
	pb_report_figures(&f, words, PB_REPORT_CSV, &b);
	/* RFC 4180: CRLF, a field with a comma or quote quoted, quotes
	 * doubled */
	assert_string_equal(b.data,
	    "name,value,unit,display,formula,inputs\r\n"
	    "a.total,1234.50,usd,\"$1,234.50\",x + y,"
	    "x=1000.00; y=234.50\r\n"
	    "a.note,0.5,ratio,50.0%,\"half of \"\"a.total\"\", rounded\","
	    "a.total=1234.50\r\n");
	/* without words, each display column holds the value */
	b.len = 0;
	pb_report_figures(&f, NULL, PB_REPORT_CSV, &b);
	assert_non_null(strstr(b.data, "\r\na.total,1234.50,usd,1234.50,"));
	assert_non_null(strstr(b.data, "\r\na.note,0.5,ratio,0.5,"));
	pb_buf_free(&b);
}

static void
test_unknown(void **state)
{
	struct pb_buf	 b = { NULL, 0, 0 };

	(void)state;
	make();
	/* a.total one edit away, a.note two (t/n, l/e): a third of 6 is
	 * 2, so both, nearest first */
	pb_report_unknown(&f, "a.totl", &b);
	assert_string_equal(b.data, "unknown figure 'a.totl'; did you mean "
	    "'a.total' or 'a.note'?");
	b.len = 0;
	/* the same last part under another owner is near */
	pb_report_unknown(&f, "bbbbbbbbbb.note", &b);
	assert_string_equal(b.data,
	    "unknown figure 'bbbbbbbbbb.note'; did you mean 'a.note'?");
	b.len = 0;
	pb_report_unknown(&f, "zzzzzz", &b);
	assert_string_equal(b.data, "unknown figure 'zzzzzz'");
	pb_buf_free(&b);
}

/*
 * A name cut short is near the names it begins, from 3 bytes on, when
 * no name is a few edits away.
 */
static void
test_nearest_prefix(void **state)
{
	static const char *const pk[] = { "accs-peer-roles",
	    "note-taking-funding" };
	static const char *const fig[] = { "packet.org_count",
	    "packet.total_dmh_payment", "packet.total_dmh_net_cost" };
	static const char *const fte[] = { "a.peer_fte_without_lived",
	    "a.peer_fte" };
	struct pb_buf	 b = { NULL, 0, 0 };

	(void)state;
	/* eight edits from its whole name, more than a third of 11 */
	assert_string_equal(pb_nearest("note-taking", pk, 2),
	    "note-taking-funding");
	assert_string_equal(pb_nearest("acc", pk, 2), "accs-peer-roles");
	/* two bytes begin too much to mean one */
	assert_null(pb_nearest("no", pk, 2));
	/* the name must begin it, not be inside it */
	assert_null(pb_nearest("taking-funding", pk, 2));
	/* pb_suggest: every name it begins, in order, and not the others */
	pb_suggest("packet.total", fig, 3, 0, &b);
	assert_string_equal(b.data,
	    "'packet.total_dmh_payment' or 'packet.total_dmh_net_cost'");
	/* one edit away, a.peer_fte alone: what the name begins is the
	 * fallback, though it comes first */
	b.len = 0;
	pb_suggest("a.peer_ft", fte, 2, 0, &b);
	assert_string_equal(b.data, "'a.peer_fte'");
	assert_string_equal(pb_nearest("a.peer_ft", fte, 2), "a.peer_fte");
	pb_buf_free(&b);
}

static void
test_explain(void **state)
{
	struct pb_buf	 b = { NULL, 0, 0 };
	struct pb_diags	 d = { NULL, 0, 0, 0 };

	(void)state;
	make();
	/* the amount worded by the templates' numbers.xsl */
	assert_true(pb_report_write(&f, &v[0], PB_REPORT_TEXT, "templates",
	    &b, &d));
	assert_int_equal(d.errors, 0);
	/* inputs aligned on the longest "name = value" (x = 1000.00) */
	assert_string_equal(b.data, "a.total\n"
	    "  value:   1234.50 usd\n"
	    "  display: $1,234.50\n"
	    "  formula: x + y\n"
	    "  inputs:\n"
	    "    x = 1000.00  orgs/a.xml:6:20\n"
	    "    y = 234.50   orgs/a.xml (default)\n");
	/* a ratio worded from its tenths of a percent */
	b.len = 0;
	assert_true(pb_report_write(&f, &v[1], PB_REPORT_TEXT, "templates",
	    &b, &d));
	assert_int_equal(d.errors, 0);
	assert_non_null(strstr(b.data, "  display: 50.0%\n"));
	/* every display needs numbers.xsl: without it, a system error and
	 * nothing written */
	b.len = 0;
	assert_false(pb_report_write(&f, NULL, PB_REPORT_JSON,
	    "/nonexistent/templates", &b, &d));
	assert_true(d.system);
	assert_int_equal(b.len, 0);
	pb_buf_free(&b);
	pb_diags_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_json_escapes),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_nearest_prefix),
		cmocka_unit_test(test_explain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
