/*
 * arith.h - exact arithmetic for the figures: fixed-point decimals read
 * from text, money as integer cents with checked operations, exact
 * fractions (ratios), calendar dates, and the exact text of each unit
 * (the `value` of DESIGN.md, Figures, and the rounded numbers that
 * templates/numbers.xsl words as its `display`).
 *
 * No floating point anywhere. Every function is total: any input,
 * INT64_MIN and the largest values included, gives either a result or
 * a failure, never undefined behaviour. Functions that can fail return
 * 0 (or NULL) on failure and leave their outputs untouched; otherwise
 * non-zero (or the caller's buffer).
 *
 * Nothing here allocates. Text is written into caller-provided buffers
 * of PB_NUMBUF bytes, which hold any result of this module, so nothing
 * needs freeing.
 *
 * Rounding: "half up" means a fraction of exactly one half rounds away
 * from zero (0.5 -> 1, -0.5 -> -1); the figures are non-negative in
 * practice, so this is the plain "half up" of a bookkeeper.
 */
#ifndef PB_ARITH_H
#define PB_ARITH_H

#include <stdint.h>

/* Bytes in a text buffer that holds any text this module writes. */
#define PB_NUMBUF 64

/* Largest number of decimal places pb_decimal_parse accepts. */
#define PB_DECIMAL_MAX_PLACES 18

/*
 * Parses the decimal text s into *out = value x 10^places, exactly: with
 * places 2, "104.25" gives 10425, "1" gives 100, "0.5" gives 50.
 * Grammar, after trimming XML whitespace (space, tab, CR, LF) at both
 * ends: an optional '-', one or more digits, then optionally '.' and one
 * to `places` digits. Rejected: an empty or blank string, '+', any
 * second sign, exponents ("1e3"), a bare point ("1." and ".5"), more
 * than `places` decimals, zeros included ("1.234" and "1.230" with
 * places 2; never rounded), inner whitespace, and a scaled value
 * outside int64_t. places runs from 0
 * (integers only) to PB_DECIMAL_MAX_PLACES. "-0" is 0.
 * Returns non-zero on success; on failure *out is unchanged.
 * The caller keeps s.
 */
int pb_decimal_parse(const char *s, int places, int64_t *out);

/* Parses an integer: pb_decimal_parse with 0 places ("43800", "-3"). */
int pb_int_parse(const char *s, int64_t *out);

/*
 * Checked int64_t arithmetic: stores a + b or a x b in *out and returns
 * non-zero, or returns 0 on overflow with *out unchanged (a - b is
 * pb_money_sub's).
 */
int pb_int_add(int64_t a, int64_t b, int64_t *out);
int pb_int_mul(int64_t a, int64_t b, int64_t *out);

/*
 * Money is an int64_t count of cents. pb_money_add and pb_money_sub
 * store a + b and a - b (cents); pb_money_mul stores count x cents
 * (days x daily rate). Each returns 0 on overflow, *out unchanged.
 */
int pb_money_add(int64_t a, int64_t b, int64_t *out);
int pb_money_sub(int64_t a, int64_t b, int64_t *out);
int pb_money_mul(int64_t count, int64_t cents, int64_t *out);

/*
 * An exact fraction num/den. A ratio is valid when den > 0; every ratio
 * this module makes is also reduced (gcd 1, and zero is 0/1), so equal
 * values made here have equal members.
 */
struct pb_ratio {
	int64_t	num;
	int64_t	den;
};

/*
 * Stores num/den in *out, sign moved to the numerator and reduced.
 * Returns 0 when den is 0 or when the reduced fraction does not fit
 * (only INT64_MIN with a negative den can do that).
 */
int pb_ratio_make(int64_t num, int64_t den, struct pb_ratio *out);

/* Returns the ratio n/1. */
struct pb_ratio pb_ratio_from_int(int64_t n);

/*
 * Parses decimal text with at most max_places decimals (the grammar of
 * pb_decimal_parse) into an exact, reduced ratio: "0.50" gives 1/2.
 */
int pb_ratio_parse(const char *s, int max_places, struct pb_ratio *out);

/*
 * Compares a and b exactly: returns -1, 0 or 1 as a <, =, > b. Never
 * overflows. Defined for every input: a negative den is read with its
 * sign (1/-2 = -1/2), a zero den as the value 0.
 */
int pb_ratio_cmp(struct pb_ratio a, struct pb_ratio b);

/*
 * Stores ceiling(r x n) in *out, rounding toward positive infinity:
 * state_average_rdays = ceiling(rate x enrolled_days) is
 * pb_ratio_mul_int_ceil(rate, enrolled_days, &out), and required peer
 * FTE in hundredths, ceiling(persons x fte_per_100 / 100) with
 * fte_per_100 in hundredths, is pb_ratio_mul_int_ceil(r, persons, &out)
 * with r = {fte_per_100, 100}. Negative products round up too (-2.5 to
 * -2). Returns 0 when r is not valid or the result does not fit, *out
 * unchanged.
 */
int pb_ratio_mul_int_ceil(struct pb_ratio r, int64_t n, int64_t *out);

/*
 * Stores count x cents x r, rounded half up to the cent once at the end,
 * in *out: medicaid_reimbursement = rdays x daily_rate x medicaid_share.
 * The intermediate product is exact (no overflow before the rounding);
 * returns 0 when r is not valid or the rounded result does not fit
 * int64_t, *out unchanged.
 */
int pb_money_mul_ratio(int64_t count, int64_t cents, struct pb_ratio r,
    int64_t *out);

/*
 * Value text (DESIGN.md `value`). Each writes NUL-terminated text into
 * buf, which must hold PB_NUMBUF bytes, and returns buf; a function that
 * can meet an invalid input returns NULL for it and leaves buf holding
 * the empty string. The caller owns buf throughout.
 *
 * pb_int_format:   "-12", "10950" (no separators).
 * pb_money_format: cents as dollars with two decimals, "4566150.00",
 *                  "-12.50", "0.05".
 * pb_fte_format:   hundredths with two decimals, "1.50".
 * pb_ratio_format: six decimals rounded half up, "0.255708", "1.000000",
 *                  "-0.333333"; a negative that rounds to zero is
 *                  "0.000000". NULL when r is not valid.
 */
char *pb_int_format(int64_t n, char *buf);
char *pb_money_format(int64_t cents, char *buf);
char *pb_fte_format(int64_t hundredths, char *buf);
char *pb_ratio_format(struct pb_ratio r, char *buf);

/*
 * Writes r x scale rounded half up, once, from the exact fraction, as an
 * integer into buf (PB_NUMBUF bytes), sign and all unless it rounds to
 * zero: with scale 1000 a ratio in tenths of a percent (per mille), 56/219
 * "256", 1/2000 "1", 12 "12000"; with 10000 in hundredths of a percent.
 * The pages word a ratio from these (templates/numbers.xsl). Returns buf,
 * or NULL (buf empty) when r is not valid or scale is 0.
 */
char *pb_ratio_round(struct pb_ratio r, uint64_t scale, char *buf);

/*
 * Booleans: pb_bool_format gives the value text "true"/"false" (any
 * non-zero b is true). The string is static; the caller must not free it.
 */
const char *pb_bool_format(int b);

/*
 * A calendar date of the proleptic Gregorian calendar; valid dates have
 * years 1 to 9999 (what "YYYY-MM-DD" can write) and a real day of the
 * month (leap years: divisible by 4, not by 100 unless by 400).
 */
struct pb_date {
	int	y;
	int	m;
	int	d;
};

/*
 * Parses exactly "YYYY-MM-DD" (after trimming XML whitespace at both
 * ends) into *out: four, two and two ASCII digits, a real calendar date,
 * year 0001 or later. Returns 0 otherwise, *out unchanged. The caller
 * keeps s.
 */
int pb_date_parse(const char *s, struct pb_date *out);

/*
 * Writes "YYYY-MM-DD" into buf (PB_NUMBUF bytes) and returns buf, or
 * NULL (buf empty) when d is not valid.
 */
char *pb_date_format(struct pb_date d, char *buf);

/*
 * Compares a and b: returns -1, 0 or 1 as a is before, the same as or
 * after b. Total: compares (y, m, d) in that order, valid or not.
 */
int pb_date_cmp(struct pb_date a, struct pb_date b);

/*
 * Stores d + months (may be negative) in *out; a day past the end of
 * the target month becomes its last day (2026-08-31 + 6 = 2027-02-28,
 * 2028-02-29 + 12 = 2029-02-28). Returns 0 when d is not valid or the
 * result falls outside years 1-9999, *out unchanged.
 */
int pb_date_add_months(struct pb_date d, int64_t months, struct pb_date *out);

/*
 * Stores d + days (may be negative) in *out. Returns 0 when d is not
 * valid or the result falls outside years 1-9999, *out unchanged.
 */
int pb_date_add_days(struct pb_date d, int64_t days, struct pb_date *out);

#endif /* PB_ARITH_H */
