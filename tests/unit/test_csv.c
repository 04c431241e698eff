/*
 * test_csv.c - unit tests of the CSV reader: RFC 4180 quoting, line
 * ends, the byte-order mark, where each cell starts (in characters), and
 * every problem at its position.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csv.h"
#include "pb.h"

/* Parses s; returns what pb_csv_parse returned. */
static int
parse(const char *s, struct pb_csv *c, struct pb_diags *d)
{
	memset(d, 0, sizeof(*d));
	return pb_csv_parse("t.csv", s, strlen(s), c, d);
}

static void
assert_cell(const struct pb_csv *c, size_t row, size_t cell,
    const char *text, unsigned long line, unsigned long col)
{
	assert_true(row < c->n);
	assert_true(cell < c->rows[row].n);
	assert_string_equal(c->rows[row].cells[cell].text, text);
	assert_int_equal(c->rows[row].cells[cell].line, line);
	assert_int_equal(c->rows[row].cells[cell].col, col);
}

static void
test_plain(void **state)
{
	struct pb_csv	 c;
	struct pb_diags	 d;

	(void)state;
	assert_true(parse("a,bb,ccc\n1,,3\n", &c, &d));
	assert_int_equal(c.n, 2);
	assert_int_equal(c.rows[0].n, 3);
	assert_cell(&c, 0, 0, "a", 1, 1);
	assert_cell(&c, 0, 1, "bb", 1, 3);
	assert_cell(&c, 0, 2, "ccc", 1, 6);
	assert_cell(&c, 1, 1, "", 2, 3);
	assert_cell(&c, 1, 2, "3", 2, 4);
	assert_int_equal(d.n, 0);
	pb_csv_free(&c);
}

static void
test_quotes_crlf_bom(void **state)
{
	struct pb_csv	 c;
	struct pb_diags	 d;

	(void)state;
	/* BOM, CRLF, a quoted cell with a comma, doubled quotes and a
	 * line break, no final line end */
	assert_true(parse("\xEF\xBB\xBF" "id,note\r\n"
	    "x,\"a, \"\"b\"\"\r\nc\"\r\n"
	    "\"y\",z", &c, &d));
	assert_int_equal(c.n, 3);
	assert_cell(&c, 0, 0, "id", 1, 1);
	assert_cell(&c, 1, 1, "a, \"b\"\nc", 2, 3);
	assert_true(c.rows[1].cells[1].quoted);
	assert_cell(&c, 2, 0, "y", 4, 1);
	assert_cell(&c, 2, 1, "z", 4, 5);
	assert_int_equal(c.rows[2].line, 4);
	pb_csv_free(&c);
}

static void
test_columns_count_characters(void **state)
{
	struct pb_csv	 c;
	struct pb_diags	 d;

	(void)state;
	/* "é" is two bytes, "€" three: columns count characters */
	assert_true(parse("\xC3\xA9t\xC3\xA9,\xE2\x82\xAC,x\n", &c, &d));
	assert_cell(&c, 0, 1, "\xE2\x82\xAC", 1, 5);
	assert_cell(&c, 0, 2, "x", 1, 7);
	assert_int_equal(pb_csv_col("\xC3\xA9" "ab", 3, 10), 12);
	pb_csv_free(&c);
}

static void
test_empty_lines_and_lone_cr(void **state)
{
	struct pb_csv	 c;
	struct pb_diags	 d;

	(void)state;
	assert_true(parse("a\r\rb\n\n,\n\"\"\n", &c, &d));
	/* "a", "b", "," (two empty cells) and "" (a quoted empty cell)
	 * are records; the empty lines are not */
	assert_int_equal(c.n, 4);
	assert_cell(&c, 1, 0, "b", 3, 1);
	assert_int_equal(c.rows[2].n, 2);
	assert_cell(&c, 3, 0, "", 6, 1);
	pb_csv_free(&c);
	assert_true(parse("", &c, &d));
	assert_int_equal(c.n, 0);
	pb_csv_free(&c);
}

static void
test_problems(void **state)
{
	struct pb_csv	 c;
	struct pb_diags	 d;

	(void)state;
	assert_false(parse("a,b\nc,\"open\nx\n", &c, &d));
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.v[0].line, 2);
	assert_int_equal(d.v[0].col, 3);
	assert_non_null(strstr(d.v[0].msg, "never closed"));
	assert_int_equal(c.n, 1);	/* the records before it */
	pb_csv_free(&c);
	pb_diags_free(&d);

	assert_false(parse("a,b\"c\n", &c, &d));
	assert_int_equal(d.v[0].col, 4);
	assert_non_null(strstr(d.v[0].msg, "does not start with one"));
	pb_csv_free(&c);
	pb_diags_free(&d);

	assert_false(parse("\"a\"b,c\n", &c, &d));
	assert_int_equal(d.v[0].col, 4);
	assert_non_null(strstr(d.v[0].msg, "after the closing"));
	pb_csv_free(&c);
	pb_diags_free(&d);

	assert_false(parse("ok,\xC3\n", &c, &d));
	assert_int_equal(d.v[0].col, 4);
	assert_non_null(strstr(d.v[0].msg, "not UTF-8"));
	pb_csv_free(&c);
	pb_diags_free(&d);

	assert_false(parse("\xED\xA0\x80\n", &c, &d));	/* a surrogate */
	pb_csv_free(&c);
	pb_diags_free(&d);

	assert_false(parse("a\x01" "b\n", &c, &d));
	assert_int_equal(d.v[0].col, 2);
	assert_non_null(strstr(d.v[0].msg, "control character"));
	pb_csv_free(&c);
	pb_diags_free(&d);

	memset(&d, 0, sizeof(d));
	assert_false(pb_csv_parse("t.csv", "a\0b", 3, &c, &d));
	assert_int_equal(d.v[0].col, 2);
	pb_csv_free(&c);
	pb_diags_free(&d);

	/* UTF-16, as Excel's "Unicode Text" saves a sheet: with a
	 * byte-order mark either way round, or little-endian without one;
	 * one error for the whole file */
	memset(&d, 0, sizeof(d));
	assert_false(pb_csv_parse("t.csv", "\xFF\xFEi\0d\0", 6, &c, &d));
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 0);
	assert_non_null(strstr(d.v[0].msg, "UTF-16"));
	pb_csv_free(&c);
	pb_diags_free(&d);
	memset(&d, 0, sizeof(d));
	assert_false(pb_csv_parse("t.csv", "\xFE\xFF\0i\0d", 6, &c, &d));
	assert_non_null(strstr(d.v[0].msg, "UTF-16"));
	pb_csv_free(&c);
	pb_diags_free(&d);
	memset(&d, 0, sizeof(d));
	assert_false(pb_csv_parse("t.csv", "i\0d\0,\0", 6, &c, &d));
	assert_non_null(strstr(d.v[0].msg, "UTF-16"));
	pb_csv_free(&c);
	pb_diags_free(&d);

	/* a workbook under a .csv name (.xlsx and .ods are ZIP files, .xls
	 * an OLE one): one error for the whole file, saying to save CSV */
	memset(&d, 0, sizeof(d));
	assert_false(pb_csv_parse("t.csv", "PK\x03\x04\x14\0", 6, &c, &d));
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 0);
	assert_non_null(strstr(d.v[0].msg, "workbook"));
	assert_non_null(strstr(d.v[0].msg, "CSV UTF-8"));
	pb_csv_free(&c);
	pb_diags_free(&d);
	memset(&d, 0, sizeof(d));
	assert_false(pb_csv_parse("t.csv", "\xD0\xCF\x11\xE0\xA1\xB1", 6,
	    &c, &d));
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.v[0].msg, "workbook"));
	pb_csv_free(&c);
	pb_diags_free(&d);
	/* a sheet whose first cell begins "PK" is CSV still */
	memset(&d, 0, sizeof(d));
	assert_true(parse("PK,x\n", &c, &d));
	assert_int_equal(d.n, 0);
	pb_csv_free(&c);
	pb_diags_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_quotes_crlf_bom),
		cmocka_unit_test(test_columns_count_characters),
		cmocka_unit_test(test_empty_lines_and_lone_cr),
		cmocka_unit_test(test_problems),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
