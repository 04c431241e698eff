/*
 * test_arith.c - unit tests of src/arith.c: exact decimals, money,
 * ratios, rounding, text and dates, with their edges (half cents,
 * ceilings on the integer, overflow at INT64_MIN and INT64_MAX,
 * month ends and leap days). No floating point, expectations included:
 * the brute-force cases compare against plain int64_t reference code
 * on ranges small enough for it to be obviously right.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "arith.h"

#define SENTINEL ((int64_t)4242)

/* Asserts that r is exactly n/d, member by member. */
#define assert_ratio(r, n, d) do {					\
	assert_true((r).num == (int64_t)(n));				\
	assert_true((r).den == (int64_t)(d));				\
} while (0)

static struct pb_ratio
R(int64_t num, int64_t den)
{
	struct pb_ratio	 r;

	r.num = num;
	r.den = den;
	return r;
}

static struct pb_date
D(int y, int m, int d)
{
	struct pb_date	 r;

	r.y = y;
	r.m = m;
	r.d = d;
	return r;
}

/* pb_decimal_parse's result for s, which must parse. */
static int64_t
dec(const char *s, int places)
{
	int64_t	 v = SENTINEL;

	if (!pb_decimal_parse(s, places, &v))
		fail_msg("\"%s\" (places %d) did not parse", s, places);
	return v;
}

/* Asserts that s is rejected and the output left alone. */
static void
dec_bad(const char *s, int places)
{
	int64_t	 v = SENTINEL;

	if (pb_decimal_parse(s, places, &v))
		fail_msg("\"%s\" (places %d) parsed as %lld", s, places,
		    (long long)v);
	assert_true(v == SENTINEL);
}

static void
test_decimal_parse(void **state)
{
	int64_t	 v = SENTINEL;

	(void)state;
	assert_true(dec("104.25", 2) == 10425);
	assert_true(dec("0.50", 2) == 50);
	assert_true(dec("0.5", 2) == 50);
	assert_true(dec("1", 2) == 100);
	assert_true(dec("1.0", 2) == 100);
	assert_true(dec("0", 2) == 0);
	assert_true(dec("-0", 2) == 0);
	assert_true(dec("-0.00", 2) == 0);
	assert_true(dec("-12.5", 2) == -1250);
	assert_true(dec("007", 2) == 700);
	assert_true(dec("43800", 0) == 43800);
	assert_true(dec("0.255708", 6) == 255708);
	assert_true(dec("0.25", 6) == 250000);
	assert_true(dec("2.00", 2) == 200);
	/* XML whitespace around the number is trimmed. */
	assert_true(dec("  1.5\n", 2) == 150);
	assert_true(dec("\t\r\n 3 \t\r\n", 0) == 3);
	/* Leading zeros cannot overflow, however many. */
	assert_true(dec("0000000000000000000000000000000000000000000001.25",
	    2) == 125);
	/* The int64_t range, exactly, at several scales. */
	assert_true(dec("9223372036854775807", 0) == INT64_MAX);
	assert_true(dec("-9223372036854775808", 0) == INT64_MIN);
	assert_true(dec("92233720368547758.07", 2) == INT64_MAX);
	assert_true(dec("-92233720368547758.08", 2) == INT64_MIN);
	assert_true(dec("9.223372036854775807", 18) == INT64_MAX);
	assert_true(dec("-9.223372036854775808", 18) == INT64_MIN);
	assert_true(dec("0.000000000000000001", 18) == 1);
	assert_true(pb_decimal_parse("1", 18, &v) && v ==
	    (int64_t)1000000000000000000);

	/* Overflow. */
	dec_bad("9223372036854775808", 0);
	dec_bad("-9223372036854775809", 0);
	dec_bad("92233720368547758.08", 2);
	dec_bad("-92233720368547758.09", 2);
	dec_bad("92233720368547759", 2);
	dec_bad("9.223372036854775808", 18);
	dec_bad("10", 18);
	dec_bad("18446744073709551616", 0);
	dec_bad("340282366920938463463374607431768211457", 0);
	dec_bad("1000000000000000000000000000000000000000000000000000000000"
	    "0000000000000000000000000000000000000000000", 0);
	dec_bad("1.0000000000000000000000000000000000000000000000001", 2);

	/* Grammar. */
	dec_bad("1.234", 2);
	dec_bad("1.230", 2);		/* no silent trimming of zeros */
	dec_bad("1.5", 0);
	dec_bad("1e3", 2);
	dec_bad("1E3", 2);
	dec_bad("--1", 2);
	dec_bad("-", 2);
	dec_bad("+1", 2);
	dec_bad("-+1", 2);
	dec_bad("", 2);
	dec_bad(" ", 2);
	dec_bad("\n\t", 2);
	dec_bad("1.", 2);
	dec_bad(".5", 2);
	dec_bad("-.5", 2);
	dec_bad(".", 2);
	dec_bad("1.2.3", 2);
	dec_bad("1 000", 2);
	dec_bad("1,5", 2);
	dec_bad("1,000", 2);
	dec_bad("- 1", 2);
	dec_bad("1-", 2);
	dec_bad("0x10", 2);
	dec_bad("1.5 x", 2);
	dec_bad("\v1", 2);		/* not XML whitespace */
	dec_bad("1\f", 2);
	dec_bad("\xc2\xa0" "1", 2);	/* no-break space */
	dec_bad("\xd9\xa1", 2);		/* ARABIC-INDIC DIGIT ONE */
	dec_bad("$1", 2);
	dec_bad("NaN", 2);
	dec_bad("inf", 2);

	/* Arguments out of range. */
	dec_bad("1", -1);
	dec_bad("1", 19);
	dec_bad("1", PB_DECIMAL_MAX_PLACES + 1);
	dec_bad(NULL, 2);
	assert_false(pb_decimal_parse("1", 2, NULL));
}

static void
test_int_parse(void **state)
{
	int64_t	 v = SENTINEL;

	(void)state;
	assert_true(pb_int_parse("43800", &v) && v == 43800);
	assert_true(pb_int_parse(" -3 ", &v) && v == -3);
	assert_true(pb_int_parse("-9223372036854775808", &v) &&
	    v == INT64_MIN);
	v = SENTINEL;
	assert_false(pb_int_parse("43800.0", &v));
	assert_false(pb_int_parse("1.", &v));
	assert_false(pb_int_parse("9223372036854775808", &v));
	assert_false(pb_int_parse("", &v));
	assert_true(v == SENTINEL);
}

static void
test_int_checked(void **state)
{
	int64_t	 v = SENTINEL;

	(void)state;
	assert_true(pb_int_add(2, 3, &v) && v == 5);
	assert_true(pb_int_add(INT64_MAX, 0, &v) && v == INT64_MAX);
	assert_true(pb_int_add(INT64_MIN, INT64_MAX, &v) && v == -1);
	assert_true(pb_money_sub(INT64_MIN + 1, 1, &v) && v == INT64_MIN);
	assert_true(pb_money_sub(-1, INT64_MAX, &v) && v == INT64_MIN);
	assert_true(pb_int_mul(INT64_MIN, 1, &v) && v == INT64_MIN);
	assert_true(pb_int_mul(-1, INT64_MAX, &v) && v == -INT64_MAX);
	assert_true(pb_int_mul(0, INT64_MIN, &v) && v == 0);
	assert_true(pb_int_mul((int64_t)3037000499, (int64_t)3037000499,
	    &v) && v == (int64_t)9223372030926249001);
	v = SENTINEL;
	assert_false(pb_int_add(INT64_MAX, 1, &v));
	assert_false(pb_int_add(INT64_MIN, -1, &v));
	assert_false(pb_int_add(INT64_MIN, INT64_MIN, &v));
	assert_false(pb_money_sub(INT64_MIN, 1, &v));
	assert_false(pb_money_sub(0, INT64_MIN, &v));
	assert_false(pb_money_sub(INT64_MAX, -1, &v));
	assert_false(pb_int_mul(INT64_MIN, -1, &v));
	assert_false(pb_int_mul(-1, INT64_MIN, &v));
	assert_false(pb_int_mul(INT64_MAX, 2, &v));
	assert_false(pb_int_mul((int64_t)3037000500, (int64_t)3037000500,
	    &v));
	assert_false(pb_int_mul(INT64_MIN, INT64_MIN, &v));
	assert_true(v == SENTINEL);
	assert_false(pb_int_add(1, 1, NULL));
	assert_false(pb_money_sub(1, 1, NULL));
	assert_false(pb_int_mul(1, 1, NULL));
}

static void
test_money_checked(void **state)
{
	int64_t	 v = SENTINEL;

	(void)state;
	/* DESIGN.md's example: 43800 days x $104.25. */
	assert_true(pb_money_mul(43800, 10425, &v) && v == 456615000);
	assert_true(pb_money_add(456615000, 1, &v) && v == 456615001);
	assert_true(pb_money_sub(456615000, 59318250, &v) &&
	    v == 397296750);
	assert_true(pb_money_sub(0, 5, &v) && v == -5);
	v = SENTINEL;
	/* Huge enrolled days x huge rates. */
	assert_false(pb_money_mul((int64_t)1000000000000,
	    (int64_t)100000000000, &v));
	assert_false(pb_money_mul(INT64_MAX, INT64_MAX, &v));
	assert_false(pb_money_add(INT64_MAX, 1, &v));
	assert_false(pb_money_sub(INT64_MIN, 1, &v));
	assert_true(v == SENTINEL);
	assert_false(pb_money_add(1, 1, NULL));
}

static void
test_ratio_make(void **state)
{
	struct pb_ratio	 r = R(7, 7);
	int64_t		 v;
	char		 b[PB_NUMBUF];

	(void)state;
	assert_true(pb_ratio_make(11200, 43800, &r));
	assert_ratio(r, 56, 219);
	assert_true(pb_ratio_make(0, 5, &r));
	assert_ratio(r, 0, 1);
	assert_true(pb_ratio_make(0, -5, &r));
	assert_ratio(r, 0, 1);
	assert_true(pb_ratio_make(3, -6, &r));
	assert_ratio(r, -1, 2);
	assert_true(pb_ratio_make(-3, -6, &r));
	assert_ratio(r, 1, 2);
	assert_true(pb_ratio_make(INT64_MIN, 1, &r));
	assert_ratio(r, INT64_MIN, 1);
	assert_true(pb_ratio_make(INT64_MIN, 2, &r));
	assert_ratio(r, INT64_MIN / 2, 1);
	assert_true(pb_ratio_make(INT64_MIN, INT64_MIN, &r));
	assert_ratio(r, 1, 1);
	assert_true(pb_ratio_make(INT64_MIN + 1, INT64_MAX, &r));
	assert_ratio(r, -1, 1);
	assert_true(pb_ratio_make(2, INT64_MIN, &r));
	assert_ratio(r, -1, (int64_t)1 << 62);
	assert_true(pb_ratio_make(INT64_MAX, INT64_MAX - 1, &r));
	assert_ratio(r, INT64_MAX, INT64_MAX - 1);

	r = R(7, 7);
	assert_false(pb_ratio_make(1, 0, &r));
	assert_false(pb_ratio_make(0, 0, &r));
	assert_false(pb_ratio_make(INT64_MIN, -1, &r));	/* 2^63 */
	assert_false(pb_ratio_make(1, INT64_MIN, &r));	/* den 2^63 */
	assert_false(pb_ratio_make(INT64_MAX, INT64_MIN, &r));
	assert_ratio(r, 7, 7);
	assert_false(pb_ratio_make(1, 2, NULL));

	r = pb_ratio_from_int(-5);
	assert_ratio(r, -5, 1);
	r = pb_ratio_from_int(INT64_MIN);
	assert_ratio(r, INT64_MIN, 1);

	/* a ratio is usable (valid) exactly when its den > 0 */
	assert_string_equal(pb_ratio_format(R(1, 2), b), "0.500000");
	/* unreduced but usable */
	assert_string_equal(pb_ratio_format(R(2, 4), b), "0.500000");
	assert_null(pb_ratio_format(R(1, 0), b));
	assert_string_equal(b, "");
	assert_null(pb_ratio_format(R(1, -2), b));
	assert_null(pb_ratio_format(R(0, INT64_MIN), b));
	assert_false(pb_ratio_mul_int_ceil(R(1, 0), 3, &v));
}

static void
test_ratio_parse(void **state)
{
	struct pb_ratio	 r = R(7, 7);

	(void)state;
	assert_true(pb_ratio_parse("0.50", 6, &r));
	assert_ratio(r, 1, 2);
	assert_true(pb_ratio_parse("0.25", 6, &r));
	assert_ratio(r, 1, 4);
	assert_true(pb_ratio_parse("0.34", 6, &r));
	assert_ratio(r, 17, 50);
	assert_true(pb_ratio_parse(" 1 ", 6, &r));
	assert_ratio(r, 1, 1);
	assert_true(pb_ratio_parse("0", 6, &r));
	assert_ratio(r, 0, 1);
	assert_true(pb_ratio_parse("0.255708", 6, &r));
	assert_ratio(r, 63927, 250000);
	assert_true(pb_ratio_parse("-1.5", 2, &r));
	assert_ratio(r, -3, 2);
	assert_true(pb_ratio_parse("9.223372036854775807", 18, &r));
	assert_ratio(r, INT64_MAX, 1000000000000000000);
	assert_true(pb_ratio_parse("5", 0, &r));
	assert_ratio(r, 5, 1);

	r = R(7, 7);
	assert_false(pb_ratio_parse("0.2557081", 6, &r));
	assert_false(pb_ratio_parse("1e3", 6, &r));
	assert_false(pb_ratio_parse("", 6, &r));
	assert_false(pb_ratio_parse("0.5", 19, &r));
	assert_false(pb_ratio_parse("0.5", -1, &r));
	assert_false(pb_ratio_parse(NULL, 6, &r));
	assert_ratio(r, 7, 7);
	assert_false(pb_ratio_parse("0.5", 6, NULL));
}

static void
test_ratio_cmp(void **state)
{
	(void)state;
	assert_int_equal(pb_ratio_cmp(R(1, 2), R(1, 2)), 0);
	assert_int_equal(pb_ratio_cmp(R(1, 2), R(2, 4)), 0);
	assert_int_equal(pb_ratio_cmp(R(1, 3), R(333333, 1000000)), 1);
	assert_int_equal(pb_ratio_cmp(R(333333, 1000000), R(1, 3)), -1);
	assert_int_equal(pb_ratio_cmp(R(-1, 3), R(1, 3)), -1);
	assert_int_equal(pb_ratio_cmp(R(-1, 3), R(-1, 2)), 1);
	assert_int_equal(pb_ratio_cmp(R(0, 1), R(0, 7)), 0);
	/* Parameters as in a figure: 17/50 family share vs max 0.34. */
	assert_int_equal(pb_ratio_cmp(R(17, 50), R(34, 100)), 0);
	/* Differences far below 1/2^63, seen exactly. */
	assert_int_equal(pb_ratio_cmp(R(INT64_MAX, INT64_MAX - 1),
	    R(INT64_MAX - 1, INT64_MAX - 2)), -1);
	assert_int_equal(pb_ratio_cmp(R(INT64_MAX - 1, INT64_MAX),
	    R(INT64_MAX - 2, INT64_MAX - 1)), 1);
	assert_int_equal(pb_ratio_cmp(R(INT64_MIN, 1), R(INT64_MAX, 1)), -1);
	assert_int_equal(pb_ratio_cmp(R(INT64_MIN, 1), R(INT64_MIN, 1)), 0);
	assert_int_equal(pb_ratio_cmp(R(INT64_MIN, INT64_MAX),
	    R(-1, 1)), -1);
	/* Total on invalid ratios: sign of den carried, zero den is 0. */
	assert_int_equal(pb_ratio_cmp(R(1, -2), R(-1, 2)), 0);
	assert_int_equal(pb_ratio_cmp(R(INT64_MIN, -1), R(INT64_MAX, 1)), 1);
	assert_int_equal(pb_ratio_cmp(R(INT64_MIN, INT64_MIN), R(1, 1)), 0);
	assert_int_equal(pb_ratio_cmp(R(5, 0), R(0, 1)), 0);
	assert_int_equal(pb_ratio_cmp(R(5, 0), R(1, INT64_MAX)), -1);
}

static void
test_ratio_mul_int_ceil(void **state)
{
	int64_t	 v = SENTINEL;

	(void)state;
	/* state_average_rdays: ceiling exactly on, and just over, 100. */
	assert_true(pb_ratio_mul_int_ceil(R(1, 4), 400, &v) && v == 100);
	assert_true(pb_ratio_mul_int_ceil(R(1, 4), 401, &v) && v == 101);
	assert_true(pb_ratio_mul_int_ceil(R(1, 4), 43800, &v) && v == 10950);
	assert_true(pb_ratio_mul_int_ceil(R(1, 3), 3, &v) && v == 1);
	assert_true(pb_ratio_mul_int_ceil(R(1, 3), 4, &v) && v == 2);
	assert_true(pb_ratio_mul_int_ceil(R(1, 4), 0, &v) && v == 0);
	assert_true(pb_ratio_mul_int_ceil(R(0, 1), 12345, &v) && v == 0);
	assert_true(pb_ratio_mul_int_ceil(R(1, INT64_MAX), 1, &v) && v == 1);
	/* required_peer_fte in hundredths: persons x fte_per_100 / 100. */
	assert_true(pb_ratio_mul_int_ceil(R(200, 100), 120, &v) && v == 240);
	assert_true(pb_ratio_mul_int_ceil(R(200, 100), 101, &v) && v == 202);
	assert_true(pb_ratio_mul_int_ceil(R(150, 100), 33, &v) && v == 50);
	assert_true(pb_ratio_mul_int_ceil(R(150, 100), 34, &v) && v == 51);
	assert_true(pb_ratio_mul_int_ceil(R(1, 100), 1, &v) && v == 1);
	/* Toward positive infinity for negatives too. */
	assert_true(pb_ratio_mul_int_ceil(R(1, 4), -401, &v) && v == -100);
	assert_true(pb_ratio_mul_int_ceil(R(-1, 4), 401, &v) && v == -100);
	assert_true(pb_ratio_mul_int_ceil(R(-1, 4), -401, &v) && v == 101);
	assert_true(pb_ratio_mul_int_ceil(R(-1, 2), 1, &v) && v == 0);
	/* The int64_t range. */
	assert_true(pb_ratio_mul_int_ceil(R(INT64_MAX, 1), 1, &v) &&
	    v == INT64_MAX);
	assert_true(pb_ratio_mul_int_ceil(R(1, 1), INT64_MIN, &v) &&
	    v == INT64_MIN);
	assert_true(pb_ratio_mul_int_ceil(R(1, 2), INT64_MIN, &v) &&
	    v == INT64_MIN / 2);
	assert_true(pb_ratio_mul_int_ceil(R(INT64_MAX, INT64_MAX - 1),
	    INT64_MAX - 1, &v) && v == INT64_MAX);
	assert_true(pb_ratio_mul_int_ceil(R(INT64_MAX - 1, INT64_MAX),
	    INT64_MAX, &v) && v == INT64_MAX - 1);
	assert_true(pb_ratio_mul_int_ceil(R(INT64_MIN, INT64_MAX),
	    INT64_MAX, &v) && v == INT64_MIN);
	v = SENTINEL;
	assert_false(pb_ratio_mul_int_ceil(R(INT64_MAX, 1), 2, &v));
	assert_false(pb_ratio_mul_int_ceil(R(-1, 1), INT64_MIN, &v));
	assert_false(pb_ratio_mul_int_ceil(R(INT64_MIN, 1), INT64_MIN, &v));
	assert_false(pb_ratio_mul_int_ceil(R(INT64_MAX, INT64_MAX - 1),
	    INT64_MAX, &v));		/* just over INT64_MAX */
	assert_false(pb_ratio_mul_int_ceil(R(1, 0), 1, &v));
	assert_false(pb_ratio_mul_int_ceil(R(1, -4), 1, &v));
	assert_true(v == SENTINEL);
	assert_false(pb_ratio_mul_int_ceil(R(1, 4), 1, NULL));
}

static void
test_money_mul_ratio(void **state)
{
	int64_t	 v = SENTINEL;

	(void)state;
	/* Exactly half a cent rounds up. */
	assert_true(pb_money_mul_ratio(1, 1, R(1, 2), &v) && v == 1);
	assert_true(pb_money_mul_ratio(3, 5, R(1, 2), &v) && v == 8);
	assert_true(pb_money_mul_ratio(3, 333, R(1, 2), &v) && v == 500);
	assert_true(pb_money_mul_ratio(1, 1, R(5000, 10000), &v) && v == 1);
	/* Just under half stays down, just over goes up. */
	assert_true(pb_money_mul_ratio(1, 1, R(4999, 10000), &v) && v == 0);
	assert_true(pb_money_mul_ratio(1, 1, R(5001, 10000), &v) && v == 1);
	assert_true(pb_money_mul_ratio(1, 1,
	    R(INT64_MAX / 2, INT64_MAX), &v) && v == 0);
	assert_true(pb_money_mul_ratio(1, 1,
	    R(INT64_MAX / 2 + 1, INT64_MAX), &v) && v == 1);
	assert_true(pb_money_mul_ratio(3, 7, R(1, 3), &v) && v == 7);
	assert_true(pb_money_mul_ratio(1, 2, R(1, 3), &v) && v == 1);
	assert_true(pb_money_mul_ratio(1, 1, R(1, 3), &v) && v == 0);
	/* Rounding once at the end, not per step: 3 x 1c x 1/2 = 1.5c = 2c,
	 * where rounding each day would give 3 x 1c = 3c. */
	assert_true(pb_money_mul_ratio(3, 1, R(1, 2), &v) && v == 2);
	/* DESIGN.md's examples at $104.25 a day and a 0.50 share. */
	assert_true(pb_money_mul_ratio(11380, 10425, R(1, 2), &v) &&
	    v == 59318250);
	assert_true(pb_money_mul_ratio(180, 10425, R(1, 2), &v) &&
	    v == 938250);
	assert_true(pb_money_mul_ratio(181, 10425, R(1, 2), &v) &&
	    v == 943463);		/* 943462.5 */
	assert_true(pb_money_mul_ratio(43800, 10425, R(1, 1), &v) &&
	    v == 456615000);
	assert_true(pb_money_mul_ratio(0, 10425, R(1, 2), &v) && v == 0);
	assert_true(pb_money_mul_ratio(5, 10425, R(0, 1), &v) && v == 0);
	/* Negatives: half away from zero. */
	assert_true(pb_money_mul_ratio(-1, 1, R(1, 2), &v) && v == -1);
	assert_true(pb_money_mul_ratio(3, -5, R(1, 2), &v) && v == -8);
	assert_true(pb_money_mul_ratio(3, 5, R(-1, 2), &v) && v == -8);
	assert_true(pb_money_mul_ratio(-3, -5, R(1, 2), &v) && v == 8);
	assert_true(pb_money_mul_ratio(1, 1, R(-4999, 10000), &v) && v == 0);
	/* Exact 126-bit intermediate, result at the edge of int64_t. */
	assert_true(pb_money_mul_ratio(INT64_MAX, INT64_MAX,
	    R(1, INT64_MAX), &v) && v == INT64_MAX);
	assert_true(pb_money_mul_ratio(INT64_MIN, INT64_MIN,
	    R(1, (int64_t)1 << 62), &v) == 0);	/* 2^64 */
	assert_true(pb_money_mul_ratio(INT64_MIN, INT64_MAX,
	    R(1, INT64_MAX), &v) && v == INT64_MIN);
	assert_true(pb_money_mul_ratio(INT64_MIN, 1, R(1, 1), &v) &&
	    v == INT64_MIN);
	assert_true(pb_money_mul_ratio(INT64_MIN, INT64_MIN,
	    R(1, INT64_MAX), &v) == 0);	/* 2^63 + 1 + a bit */
	assert_true(pb_money_mul_ratio(INT64_MAX, 1,
	    R(INT64_MAX, INT64_MAX), &v) && v == INT64_MAX);
	assert_true(pb_money_mul_ratio(INT64_MAX, 2, R(1, 2), &v) &&
	    v == INT64_MAX);
	v = SENTINEL;
	/* Huge enrolled days x huge rates. */
	assert_false(pb_money_mul_ratio((int64_t)1000000000000,
	    (int64_t)1000000000, R(1, 2), &v));
	assert_false(pb_money_mul_ratio(INT64_MAX, INT64_MAX, R(1, 2), &v));
	assert_false(pb_money_mul_ratio(INT64_MAX, INT64_MAX,
	    R(INT64_MAX, 1), &v));
	assert_false(pb_money_mul_ratio(INT64_MIN, INT64_MIN,
	    R(INT64_MIN, 1), &v));
	assert_false(pb_money_mul_ratio(INT64_MAX, INT64_MAX,
	    R(1, INT64_MAX - 1), &v));
	assert_false(pb_money_mul_ratio(INT64_MIN, -1, R(1, 1), &v));
	assert_false(pb_money_mul_ratio(INT64_MIN, 1, R(-1, 1), &v));
	assert_false(pb_money_mul_ratio(INT64_MAX, 1, R(3, 2), &v));
	assert_false(pb_money_mul_ratio(1, 1, R(1, 0), &v));
	assert_false(pb_money_mul_ratio(1, 1, R(1, -2), &v));
	assert_false(pb_money_mul_ratio(1, 1, R(1, INT64_MIN), &v));
	assert_true(v == SENTINEL);
	assert_false(pb_money_mul_ratio(1, 1, R(1, 2), NULL));
}

/* Rounding that crosses the edge of int64_t. */
static void
test_money_mul_ratio_half_max(void **state)
{
	/* 4294967297 x 4294967295 = 2^64 - 1, so x 1/2 = 2^63 - 1/2. */
	const int64_t	 a = (int64_t)4294967297, b = (int64_t)4294967295;
	int64_t		 v = SENTINEL;

	(void)state;
	/* (2^63 - 1) x 1/2 = 2^62 - 1/2: the half rounds up to 2^62. */
	assert_true(pb_money_mul_ratio(INT64_MAX, 1, R(1, 2), &v) &&
	    v == (int64_t)1 << 62);
	assert_true(pb_money_mul_ratio(INT64_MIN, 1, R(1, 2), &v) &&
	    v == -((int64_t)1 << 62));
	assert_true(pb_money_mul_ratio(INT64_MAX, 3, R(1, 3), &v) &&
	    v == INT64_MAX);
	/* -(2^63 - 1/2) rounds away from zero to -2^63: still fits. */
	assert_true(pb_money_mul_ratio(-a, b, R(1, 2), &v) &&
	    v == INT64_MIN);
	assert_true(pb_money_mul_ratio(a, b, R(-1, 2), &v) &&
	    v == INT64_MIN);
	/* 2^63 - 1/2 rounds up to 2^63: one past INT64_MAX. */
	v = SENTINEL;
	assert_false(pb_money_mul_ratio(a, b, R(1, 2), &v));
	assert_false(pb_money_mul_ratio(-a, -b, R(1, 2), &v));
	assert_true(v == SENTINEL);
	/* Without the rounding it is 2^63 - 1 and fits: (2^64 - 2) / 2. */
	assert_true(pb_money_mul_ratio(INT64_MAX, 2, R(1, 2), &v) &&
	    v == INT64_MAX);
}

static void
test_format_value(void **state)
{
	char	 b[PB_NUMBUF];

	(void)state;
	assert_string_equal(pb_int_format(0, b), "0");
	assert_string_equal(pb_int_format(10950, b), "10950");
	assert_string_equal(pb_int_format(-12, b), "-12");
	assert_string_equal(pb_int_format(INT64_MAX, b),
	    "9223372036854775807");
	assert_string_equal(pb_int_format(INT64_MIN, b),
	    "-9223372036854775808");

	assert_string_equal(pb_money_format(456615000, b), "4566150.00");
	assert_string_equal(pb_money_format(-1250, b), "-12.50");
	assert_string_equal(pb_money_format(5, b), "0.05");
	assert_string_equal(pb_money_format(-5, b), "-0.05");
	assert_string_equal(pb_money_format(50, b), "0.50");
	assert_string_equal(pb_money_format(0, b), "0.00");
	assert_string_equal(pb_money_format(100, b), "1.00");
	assert_string_equal(pb_money_format(123456789, b), "1234567.89");
	assert_string_equal(pb_money_format(INT64_MAX, b),
	    "92233720368547758.07");
	assert_string_equal(pb_money_format(INT64_MIN, b),
	    "-92233720368547758.08");
	assert_true(pb_money_format(1, b) == b);

	assert_string_equal(pb_fte_format(150, b), "1.50");
	assert_string_equal(pb_fte_format(240, b), "2.40");
	assert_string_equal(pb_fte_format(202, b), "2.02");
	assert_string_equal(pb_fte_format(50, b), "0.50");
	assert_string_equal(pb_fte_format(0, b), "0.00");

	assert_null(pb_int_format(1, NULL));
	assert_null(pb_money_format(1, NULL));
	assert_null(pb_fte_format(1, NULL));
}

static void
test_ratio_format(void **state)
{
	char	 b[PB_NUMBUF];

	(void)state;
	assert_string_equal(pb_ratio_format(R(1, 3), b), "0.333333");
	assert_string_equal(pb_ratio_format(R(2, 3), b), "0.666667");
	assert_string_equal(pb_ratio_format(R(1, 8), b), "0.125000");
	assert_string_equal(pb_ratio_format(R(5, 10000000), b), "0.000001");
	assert_string_equal(pb_ratio_format(R(49, 100000000), b),
	    "0.000000");
	assert_string_equal(pb_ratio_format(R(4999999, 10000000000000),
	    b), "0.000000");		/* 0.0000004999999 */
	assert_string_equal(pb_ratio_format(R(11200, 43800), b), "0.255708");
	assert_string_equal(pb_ratio_format(R(56, 219), b), "0.255708");
	assert_string_equal(pb_ratio_format(R(0, 1), b), "0.000000");
	assert_string_equal(pb_ratio_format(R(1, 1), b), "1.000000");
	assert_string_equal(pb_ratio_format(R(9999995, 10000000), b),
	    "1.000000");
	assert_string_equal(pb_ratio_format(R(3, 2), b), "1.500000");
	assert_string_equal(pb_ratio_format(R(-1, 3), b), "-0.333333");
	assert_string_equal(pb_ratio_format(R(-2, 3), b), "-0.666667");
	assert_string_equal(pb_ratio_format(R(-5, 10000000), b),
	    "-0.000001");
	assert_string_equal(pb_ratio_format(R(-1, 10000000), b),
	    "0.000000");		/* no negative zero */
	assert_string_equal(pb_ratio_format(R(1, INT64_MAX), b),
	    "0.000000");
	assert_string_equal(pb_ratio_format(R(INT64_MAX, 1), b),
	    "9223372036854775807.000000");
	assert_string_equal(pb_ratio_format(R(INT64_MIN, 1), b),
	    "-9223372036854775808.000000");
	assert_string_equal(pb_ratio_format(R(INT64_MAX, INT64_MAX - 1), b),
	    "1.000000");
	assert_string_equal(pb_ratio_format(R(2, 4), b), "0.500000");

	strcpy(b, "junk");
	assert_null(pb_ratio_format(R(1, 0), b));
	assert_string_equal(b, "");
	assert_null(pb_ratio_format(R(1, -3), b));
	assert_null(pb_ratio_format(R(INT64_MIN, INT64_MIN), b));
	assert_null(pb_ratio_format(R(1, 3), NULL));
}

/* A ratio rounded half up, once, from the exact fraction, to tenths of
 * a percent (scale 1000) or hundredths (10000): what numbers.xsl words
 * "33.3%", "0.05%" (tests/figures.sh checks its words). */
static void
test_ratio_round(void **state)
{
	char	 b[PB_NUMBUF];

	(void)state;
	assert_string_equal(pb_ratio_round(R(1, 3), 1000, b), "333");
	assert_string_equal(pb_ratio_round(R(2, 3), 1000, b), "667");
	assert_string_equal(pb_ratio_round(R(5, 10000), 1000, b), "1");
	assert_string_equal(pb_ratio_round(R(1, 2000), 1000, b), "1");
	/* too small for tenths: the hundredths */
	assert_string_equal(pb_ratio_round(R(4999, 10000000), 1000, b), "0");
	assert_string_equal(pb_ratio_round(R(4999, 10000000), 10000, b), "5");
	assert_string_equal(pb_ratio_round(R(3, 10000), 10000, b), "3");
	assert_string_equal(pb_ratio_round(R(1, 1000000), 10000, b), "0");
	assert_string_equal(pb_ratio_round(R(-3, 10000), 10000, b), "-3");
	assert_string_equal(pb_ratio_round(R(0, 1), 1000, b), "0");
	assert_string_equal(pb_ratio_round(R(56, 219), 1000, b), "256");
	assert_string_equal(pb_ratio_round(R(1, 4), 1000, b), "250");
	assert_string_equal(pb_ratio_round(R(1, 1), 1000, b), "1000");
	assert_string_equal(pb_ratio_round(R(12, 1), 1000, b), "12000");
	assert_string_equal(pb_ratio_round(R(-1, 3), 1000, b), "-333");
	assert_string_equal(pb_ratio_round(R(-1, 2000), 1000, b), "-1");
	assert_string_equal(pb_ratio_round(R(-1, 3000), 10000, b), "-3");
	/* a negative that rounds to zero has no sign */
	assert_string_equal(pb_ratio_round(R(-1, 3000), 1000, b), "0");
	/* Exact from the fraction, not from the six-decimal text: this is
	 * 0.0004999996, whose text "0.000500" would round to 1 per mille. */
	assert_string_equal(pb_ratio_format(R(4999996, 10000000000), b),
	    "0.000500");
	assert_string_equal(pb_ratio_round(R(4999996, 10000000000), 1000, b),
	    "0");
	assert_string_equal(pb_ratio_round(R(4999996, 10000000000), 10000,
	    b), "5");
	/* beyond int64_t, exactly */
	assert_string_equal(pb_ratio_round(R(INT64_MAX, 1), 1000, b),
	    "9223372036854775807000");
	assert_string_equal(pb_ratio_round(R(INT64_MIN, 1), 1000, b),
	    "-9223372036854775808000");
	strcpy(b, "junk");
	assert_null(pb_ratio_round(R(1, 0), 1000, b));
	assert_string_equal(b, "");
	strcpy(b, "junk");
	assert_null(pb_ratio_round(R(1, 3), 0, b));
	assert_string_equal(b, "");
	assert_null(pb_ratio_round(R(1, 3), 1000, NULL));

	assert_string_equal(pb_bool_format(1), "true");
	assert_string_equal(pb_bool_format(0), "false");
	assert_string_equal(pb_bool_format(-7), "true");
}

/* Every format's longest text fits PB_NUMBUF with room to spare. */
static void
test_buffer_bounds(void **state)
{
	static const int64_t	 v[] = {
		INT64_MIN, INT64_MIN + 1, -1, 0, 1, INT64_MAX - 1, INT64_MAX
	};
	char			 b[PB_NUMBUF];
	size_t			 i, j;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		assert_true(strlen(pb_int_format(v[i], b)) < PB_NUMBUF);
		assert_true(strlen(pb_money_format(v[i], b)) < PB_NUMBUF);
		for (j = 0; j < sizeof(v) / sizeof(v[0]); j++) {
			if (v[j] <= 0)
				continue;
			assert_true(strlen(pb_ratio_format(R(v[i], v[j]), b))
			    < PB_NUMBUF);
			assert_true(strlen(pb_ratio_round(R(v[i], v[j]),
			    10000, b)) < PB_NUMBUF);
		}
	}
}

/* A money value's text parses back to the same cents. */
static void
test_money_round_trip(void **state)
{
	static const int64_t	 v[] = {
		INT64_MIN, INT64_MIN + 1, -100001, -100, -1, 0, 1, 99, 100,
		101, 456615000, INT64_MAX - 1, INT64_MAX
	};
	char			 b[PB_NUMBUF];
	int64_t			 back;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		back = SENTINEL;
		assert_true(pb_decimal_parse(pb_money_format(v[i], b), 2,
		    &back));
		assert_true(back == v[i]);
	}
}

/* Plain int64_t reference: round_half_up(x / d) for d > 0, any sign. */
static int64_t
ref_round(int64_t x, int64_t d)
{
	if (x < 0)
		return -((-2 * x + d) / (2 * d));
	return (2 * x + d) / (2 * d);
}

/* Plain int64_t reference: ceiling(x / d) for d > 0. */
static int64_t
ref_ceil(int64_t x, int64_t d)
{
	if (x < 0)
		return -(-x / d);
	return (x + d - 1) / d;
}

static void
test_brute_money_mul_ratio(void **state)
{
	int64_t	 c, a, n, d, v;

	(void)state;
	for (c = -12; c <= 12; c++)
		for (a = -30; a <= 30; a++)
			for (n = -7; n <= 7; n++)
				for (d = 1; d <= 9; d++) {
					v = SENTINEL;
					assert_true(pb_money_mul_ratio(c, a,
					    R(n, d), &v));
					assert_true(v ==
					    ref_round(c * a * n, d));
				}
}

static void
test_brute_ratio(void **state)
{
	int64_t	 an, ad, bn, bd, n, d, x, v;
	int	 want;

	(void)state;
	for (an = -8; an <= 8; an++)
		for (ad = 1; ad <= 8; ad++)
			for (bn = -8; bn <= 8; bn++)
				for (bd = 1; bd <= 8; bd++) {
					x = an * bd - bn * ad;
					want = x < 0 ? -1 : x > 0;
					assert_int_equal(pb_ratio_cmp(
					    R(an, ad), R(bn, bd)), want);
				}
	for (n = -10; n <= 10; n++)
		for (d = 1; d <= 10; d++)
			for (x = -60; x <= 60; x++) {
				v = SENTINEL;
				assert_true(pb_ratio_mul_int_ceil(R(n, d), x,
				    &v));
				assert_true(v == ref_ceil(n * x, d));
			}
}

static void
test_brute_ratio_text(void **state)
{
	char	 b[PB_NUMBUF], want[PB_NUMBUF];
	int64_t	 n, d, q;

	(void)state;
	for (d = 1; d <= 400; d++)
		for (n = -d; n <= 9 * d; n++) {
			q = ref_round(n * 1000000, d);
			snprintf(want, sizeof(want), "%s%lld.%06lld",
			    q < 0 ? "-" : "",
			    (long long)(q < 0 ? -q : q) / 1000000,
			    (long long)(q < 0 ? -q : q) % 1000000);
			assert_string_equal(pb_ratio_format(R(n, d), b), want);

			q = ref_round(n * 1000, d);
			snprintf(want, sizeof(want), "%lld", (long long)q);
			assert_string_equal(pb_ratio_round(R(n, d), 1000, b),
			    want);
		}
}

static void
test_date_parse(void **state)
{
	struct pb_date	 d = D(7, 7, 7);
	size_t		 i;
	char		 b[PB_NUMBUF];
	static const char *const bad[] = {
		"", " ", "2026-3-2", "2026-03-2", "2026/03/02", "20260302",
		"2026-03-02T00:00", "2026-03-02Z", "+026-03-02", "-026-03-02",
		"2026-13-01", "2026-00-10", "2026-04-31", "2026-02-29",
		"2023-02-29", "1900-02-29", "2100-02-29", "0000-01-01",
		"2026-03-00", "2026-03-32", "2026-03-0a", "2026-03- 2",
		"2026 -03-02", "12026-03-02", "2026-03-021", "\v2026-03-02",
		"2026-03-02\f", "２026-03-02", "9999-12-32", "abcd-ef-gh",
		"2026-0x-02"
	};

	(void)state;
	assert_true(pb_date_parse("2026-03-02", &d));
	assert_true(d.y == 2026 && d.m == 3 && d.d == 2);
	assert_true(pb_date_parse(" \t2026-11-01\r\n", &d));
	assert_true(d.y == 2026 && d.m == 11 && d.d == 1);
	assert_true(pb_date_parse("2024-02-29", &d));
	assert_true(pb_date_parse("2000-02-29", &d));
	assert_true(pb_date_parse("0001-01-01", &d));
	assert_true(d.y == 1 && d.m == 1 && d.d == 1);
	assert_true(pb_date_parse("9999-12-31", &d));
	assert_true(d.y == 9999 && d.m == 12 && d.d == 31);

	d = D(7, 7, 7);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (pb_date_parse(bad[i], &d))
			fail_msg("\"%s\" parsed as a date", bad[i]);
	assert_false(pb_date_parse(NULL, &d));
	assert_true(d.y == 7 && d.m == 7 && d.d == 7);
	assert_false(pb_date_parse("2026-03-02", NULL));

	/* a date is valid exactly when the date functions take it */
	assert_true(pb_date_add_days(D(2028, 2, 29), 0, &d));
	assert_false(pb_date_add_days(D(2027, 2, 29), 0, &d));
	assert_false(pb_date_add_days(D(0, 1, 1), 0, &d));
	assert_false(pb_date_add_days(D(10000, 1, 1), 0, &d));
	assert_false(pb_date_add_days(D(-2147483647 - 1, 1, 1), 0, &d));
	assert_false(pb_date_add_days(D(2026, -2147483647 - 1, 1), 0, &d));
	assert_false(pb_date_add_days(D(2026, 1, 2147483647), 0, &d));
	assert_false(pb_date_add_days(D(2026, 6, 31), 0, &d));
	assert_false(pb_date_add_months(D(2026, 6, 31), 0, &d));
	assert_null(pb_date_format(D(2026, 6, 31), b));
}

static void
test_date_format(void **state)
{
	char	 b[PB_NUMBUF];

	(void)state;
	assert_string_equal(pb_date_format(D(2026, 3, 2), b), "2026-03-02");
	assert_string_equal(pb_date_format(D(1, 1, 1), b), "0001-01-01");
	assert_string_equal(pb_date_format(D(9999, 12, 31), b),
	    "9999-12-31");
	strcpy(b, "junk");
	assert_null(pb_date_format(D(2026, 2, 29), b));
	assert_string_equal(b, "");
	assert_null(pb_date_format(D(2026, 1, 1), NULL));
}

static void
test_date_cmp(void **state)
{
	(void)state;
	assert_int_equal(pb_date_cmp(D(2026, 3, 2), D(2026, 3, 2)), 0);
	assert_int_equal(pb_date_cmp(D(2026, 3, 2), D(2026, 3, 3)), -1);
	assert_int_equal(pb_date_cmp(D(2026, 4, 1), D(2026, 3, 31)), 1);
	assert_int_equal(pb_date_cmp(D(2025, 12, 31), D(2026, 1, 1)), -1);
	assert_int_equal(pb_date_cmp(D(-2147483647 - 1, 0, 0),
	    D(2147483647, 0, 0)), -1);
	assert_int_equal(pb_date_cmp(D(2147483647, 0, 0),
	    D(-2147483647 - 1, 0, 0)), 1);
}

/* Asserts that d + months is y-m-dd. */
static void
months_ok(struct pb_date d, int64_t months, int y, int m, int dd)
{
	struct pb_date	 r = D(7, 7, 7);

	if (!pb_date_add_months(d, months, &r))
		fail_msg("%d-%d-%d + %lld months failed", d.y, d.m, d.d,
		    (long long)months);
	if (r.y != y || r.m != m || r.d != dd)
		fail_msg("%d-%d-%d + %lld months = %d-%d-%d, not %d-%d-%d",
		    d.y, d.m, d.d, (long long)months, r.y, r.m, r.d, y, m, dd);
}

static void
test_date_add_months(void **state)
{
	struct pb_date	 r = D(7, 7, 7);

	(void)state;
	/* Certification due dates: hired + 6 months. */
	months_ok(D(2026, 3, 2), 6, 2026, 9, 2);
	months_ok(D(2026, 8, 31), 6, 2027, 2, 28);
	months_ok(D(2027, 8, 31), 6, 2028, 2, 29);
	months_ok(D(2026, 6, 1), 6, 2026, 12, 1);
	months_ok(D(2026, 7, 15), 6, 2027, 1, 15);
	months_ok(D(2025, 12, 31), 6, 2026, 6, 30);
	months_ok(D(2026, 1, 31), 1, 2026, 2, 28);
	months_ok(D(2026, 10, 31), 1, 2026, 11, 30);
	months_ok(D(2026, 12, 15), 1, 2027, 1, 15);
	/* Leap days. */
	months_ok(D(2028, 2, 29), 12, 2029, 2, 28);
	months_ok(D(2024, 2, 29), 48, 2028, 2, 29);
	months_ok(D(2096, 2, 29), 48, 2100, 2, 28);
	months_ok(D(1996, 2, 29), 48, 2000, 2, 29);
	months_ok(D(2028, 2, 29), 1, 2028, 3, 29);
	/* Backwards and zero. */
	months_ok(D(2026, 3, 31), -1, 2026, 2, 28);
	months_ok(D(2026, 1, 15), -1, 2025, 12, 15);
	months_ok(D(2026, 3, 2), -6, 2025, 9, 2);
	months_ok(D(2026, 3, 2), 0, 2026, 3, 2);
	/* The whole range. */
	months_ok(D(1, 1, 31), 9999 * 12 - 1, 9999, 12, 31);
	months_ok(D(9999, 12, 31), -(9999 * 12 - 1), 1, 1, 31);
	months_ok(D(9999, 11, 30), 1, 9999, 12, 30);
	assert_false(pb_date_add_months(D(9999, 12, 1), 1, &r));
	assert_false(pb_date_add_months(D(1, 1, 1), -1, &r));
	assert_false(pb_date_add_months(D(1, 1, 1), 9999 * 12, &r));
	assert_false(pb_date_add_months(D(2026, 1, 1), INT64_MAX, &r));
	assert_false(pb_date_add_months(D(2026, 1, 1), INT64_MIN, &r));
	assert_false(pb_date_add_months(D(2026, 2, 29), 1, &r));
	assert_false(pb_date_add_months(D(2147483647, 12, 31), 1, &r));
	assert_false(pb_date_add_months(D(-2147483647 - 1, 1, 1), 0, &r));
	assert_true(r.y == 7 && r.m == 7 && r.d == 7);
	assert_false(pb_date_add_months(D(2026, 1, 1), 1, NULL));
}

/* Asserts that d + days is y-m-dd. */
static void
days_ok(struct pb_date d, int64_t days, int y, int m, int dd)
{
	struct pb_date	 r = D(7, 7, 7);

	if (!pb_date_add_days(d, days, &r))
		fail_msg("%d-%d-%d + %lld days failed", d.y, d.m, d.d,
		    (long long)days);
	if (r.y != y || r.m != m || r.d != dd)
		fail_msg("%d-%d-%d + %lld days = %d-%d-%d, not %d-%d-%d",
		    d.y, d.m, d.d, (long long)days, r.y, r.m, r.d, y, m, dd);
}

static void
test_date_add_days(void **state)
{
	struct pb_date	 r = D(7, 7, 7);

	(void)state;
	days_ok(D(2026, 11, 1), 60, 2026, 12, 31);	/* as-of + 60 */
	days_ok(D(2026, 12, 31), 1, 2027, 1, 1);
	days_ok(D(2028, 2, 28), 1, 2028, 2, 29);
	days_ok(D(2028, 2, 29), 1, 2028, 3, 1);
	days_ok(D(2100, 2, 28), 1, 2100, 3, 1);
	days_ok(D(2000, 2, 28), 1, 2000, 2, 29);
	days_ok(D(2027, 3, 1), -1, 2027, 2, 28);
	days_ok(D(2026, 3, 2), 0, 2026, 3, 2);
	days_ok(D(1, 1, 1), 3652058, 9999, 12, 31);
	days_ok(D(9999, 12, 31), -3652058, 1, 1, 1);
	assert_false(pb_date_add_days(D(9999, 12, 31), 1, &r));
	assert_false(pb_date_add_days(D(1, 1, 1), -1, &r));
	assert_false(pb_date_add_days(D(2026, 1, 1), INT64_MAX, &r));
	assert_false(pb_date_add_days(D(2026, 1, 1), INT64_MIN, &r));
	assert_false(pb_date_add_days(D(2026, 2, 30), 0, &r));
	assert_true(r.y == 7 && r.m == 7 && r.d == 7);
	assert_false(pb_date_add_days(D(2026, 1, 1), 1, NULL));

}

/* The day after d, counted the long way. */
static struct pb_date
next_day(struct pb_date d)
{
	static const int	 len[13] = {
		0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int			 n = len[d.m];

	if (d.m == 2 && ((d.y % 4 == 0 && d.y % 100 != 0) || d.y % 400 == 0))
		n = 29;
	if (++d.d > n) {
		d.d = 1;
		if (++d.m > 12) {
			d.m = 1;
			d.y++;
		}
	}
	return d;
}

/* Every day of years 1 to 9999, against a plain day-by-day count. */
static void
test_brute_dates(void **state)
{
	struct pb_date	 first = D(1, 1, 1), cur = first, r;
	int64_t		 i;
	char		 b[PB_NUMBUF];

	(void)state;
	for (i = 0; cur.y <= 9999; i++, cur = next_day(cur)) {
		assert_true(pb_date_add_days(cur, 0, &r));
		if (!pb_date_add_days(first, i, &r) ||
		    pb_date_cmp(r, cur) != 0)
			fail_msg("day %lld: expected %d-%d-%d", (long long)i,
			    cur.y, cur.m, cur.d);
		/* Text round trip on a sample (every 97th day). */
		if (i % 97 == 0) {
			assert_true(pb_date_parse(pb_date_format(cur, b), &r));
			assert_int_equal(pb_date_cmp(r, cur), 0);
		}
	}
	assert_true(i == 3652059);
}

int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_decimal_parse),
		cmocka_unit_test(test_int_parse),
		cmocka_unit_test(test_int_checked),
		cmocka_unit_test(test_money_checked),
		cmocka_unit_test(test_ratio_make),
		cmocka_unit_test(test_ratio_parse),
		cmocka_unit_test(test_ratio_cmp),
		cmocka_unit_test(test_ratio_mul_int_ceil),
		cmocka_unit_test(test_money_mul_ratio),
		cmocka_unit_test(test_money_mul_ratio_half_max),
		cmocka_unit_test(test_format_value),
		cmocka_unit_test(test_ratio_format),
		cmocka_unit_test(test_ratio_round),
		cmocka_unit_test(test_buffer_bounds),
		cmocka_unit_test(test_money_round_trip),
		cmocka_unit_test(test_brute_money_mul_ratio),
		cmocka_unit_test(test_brute_ratio),
		cmocka_unit_test(test_brute_ratio_text),
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_date_format),
		cmocka_unit_test(test_date_cmp),
		cmocka_unit_test(test_date_add_months),
		cmocka_unit_test(test_date_add_days),
		cmocka_unit_test(test_brute_dates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
