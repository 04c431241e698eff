/*
 * arith.c - exact arithmetic: decimals, cents, ratios, dates and their
 * text. No floating point. Intermediate products are held in unsigned
 * 128-bit integers as sign and magnitude: every product of two int64_t
 * magnitudes (at most 2^63 each) fits in 2^126, so nothing overflows
 * before the final range check. Unsigned arithmetic also keeps clear of
 * the 128-bit signed multiply helper (__muloti4) that clang's sanitizer
 * would need and libgcc lacks.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "arith.h"

__extension__ typedef unsigned __int128 u128;

#define TWO63	((u128)1 << 63)		/* magnitude of INT64_MIN */
#define TWO64	((u128)1 << 64)

/* The magnitude of x, INT64_MIN included, with no overflow or wrap. */
static uint64_t
mag(int64_t x)
{
	return x < 0 ? (uint64_t)(-(x + 1)) + 1 : (uint64_t)x;
}

/*
 * Stores the signed value (neg, m) in *out when it fits int64_t and
 * returns non-zero; returns 0 otherwise. Zero is never negative.
 */
static int
fit(int neg, u128 m, int64_t *out)
{
	if (neg && m != 0) {
		if (m > TWO63)
			return 0;
		/* -(m - 1) - 1 stays in range, INT64_MIN included. */
		*out = -(int64_t)(uint64_t)(m - 1) - 1;
		return 1;
	}
	if (m > (u128)INT64_MAX)
		return 0;
	*out = (int64_t)(uint64_t)m;
	return 1;
}

static u128
gcd(u128 a, u128 b)
{
	u128	 t;

	while (b != 0) {
		t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/*
 * Stores the ratio (neg ? -n : n)/d, reduced, in *out. d must be
 * non-zero. Returns 0 when the reduced ratio does not fit.
 */
static int
ratio_from(int neg, u128 n, u128 d, struct pb_ratio *out)
{
	struct pb_ratio	 r;
	u128		 g;

	if (d == 0)
		return 0;
	if (n == 0) {
		out->num = 0;
		out->den = 1;
		return 1;
	}
	g = gcd(n, d);
	n /= g;
	d /= g;
	if (d > (u128)INT64_MAX || !fit(neg, n, &r.num))
		return 0;
	r.den = (int64_t)(uint64_t)d;
	*out = r;
	return 1;
}

/*
 * Stores round_half_up(m x n / d) in *q and returns non-zero, or returns
 * 0 when d is 0 or the result would pass 2^100, far beyond any int64_t
 * and any text this module writes (the caller checks the real range).
 * m may be up to 2^128 - 1, n and d up to 2^64 - 1. Half rounds up;
 * this works on magnitudes, so half away from zero for a signed caller.
 */
static int
muldiv_round(u128 m, uint64_t n, uint64_t d, u128 *q)
{
	u128	 whole, rest, t, f;

	if (d == 0)
		return 0;
	if (n == 0 || m == 0) {
		*q = 0;
		return 1;
	}
	whole = m / d;
	rest = m % d;			/* < d < 2^64 */
	if (whole > (((u128)1 << 100) / n))
		return 0;
	t = whole * n;			/* <= 2^100 */
	f = rest * n;			/* < 2^128 */
	t += f / d;			/* f / d < n < 2^64: no wrap */
	f %= d;
	if (f >= (u128)d - f)		/* 2f >= d, without 2f */
		t++;
	*q = t;
	return 1;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Trims XML whitespace from s: stores the first byte in *b and one past
 * the last in *e.
 */
static void
trim(const char *s, const char **b, const char **e)
{
	const char	*p, *q;

	for (p = s; is_space(*p); p++)
		continue;
	for (q = p + strlen(p); q > p && is_space(q[-1]); q--)
		continue;
	*b = p;
	*e = q;
}

int
pb_decimal_parse(const char *s, int places, int64_t *out)
{
	const char	*p, *e;
	u128		 m = 0;
	int		 neg = 0, frac = 0, nd = 0;

	if (s == NULL || out == NULL ||
	    places < 0 || places > PB_DECIMAL_MAX_PLACES)
		return 0;
	trim(s, &p, &e);
	if (p < e && *p == '-') {
		neg = 1;
		p++;
	}
	for (; p < e && is_digit(*p); p++, nd++) {
		m = m * 10 + (unsigned)(*p - '0');
		if (m >= TWO64)
			return 0;
	}
	if (nd == 0)
		return 0;
	if (p < e && *p == '.') {
		for (p++; p < e && is_digit(*p); p++, frac++) {
			if (frac == places)
				return 0;
			m = m * 10 + (unsigned)(*p - '0');
			if (m >= TWO64)
				return 0;
		}
		if (frac == 0)
			return 0;
	}
	if (p != e)
		return 0;
	for (; frac < places; frac++)
		m *= 10;		/* < 2^64 x 10^18 < 2^124 */
	return fit(neg, m, out);
}

int
pb_int_parse(const char *s, int64_t *out)
{
	return pb_decimal_parse(s, 0, out);
}

int
pb_int_add(int64_t a, int64_t b, int64_t *out)
{
	int64_t	 r;

	if (out == NULL || __builtin_add_overflow(a, b, &r))
		return 0;
	*out = r;
	return 1;
}

/* Stores a - b in *out, checked as pb_int_add adds. */
static int
int_sub(int64_t a, int64_t b, int64_t *out)
{
	int64_t	 r;

	if (out == NULL || __builtin_sub_overflow(a, b, &r))
		return 0;
	*out = r;
	return 1;
}

int
pb_int_mul(int64_t a, int64_t b, int64_t *out)
{
	int64_t	 r;

	if (out == NULL || __builtin_mul_overflow(a, b, &r))
		return 0;
	*out = r;
	return 1;
}

int
pb_money_add(int64_t a, int64_t b, int64_t *out)
{
	return pb_int_add(a, b, out);
}

int
pb_money_sub(int64_t a, int64_t b, int64_t *out)
{
	return int_sub(a, b, out);
}

int
pb_money_mul(int64_t count, int64_t cents, int64_t *out)
{
	return pb_int_mul(count, cents, out);
}

/* Non-zero when r is valid (den > 0). */
static int
ratio_valid(struct pb_ratio r)
{
	return r.den > 0;
}

int
pb_ratio_make(int64_t num, int64_t den, struct pb_ratio *out)
{
	if (out == NULL)
		return 0;
	return ratio_from((num < 0) != (den < 0), mag(num), mag(den), out);
}

struct pb_ratio
pb_ratio_from_int(int64_t n)
{
	struct pb_ratio	 r;

	r.num = n;
	r.den = 1;
	return r;
}

int
pb_ratio_parse(const char *s, int max_places, struct pb_ratio *out)
{
	int64_t	 v, p10 = 1;
	int	 i;

	if (out == NULL || !pb_decimal_parse(s, max_places, &v))
		return 0;
	for (i = 0; i < max_places; i++)
		p10 *= 10;		/* max_places <= 18: fits */
	return pb_ratio_make(v, p10, out);
}

/*
 * Reads any ratio as sign, magnitude and a positive denominator: a
 * negative den moves its sign to the value, a zero den reads as 0/1.
 */
static void
ratio_norm(struct pb_ratio r, int *neg, uint64_t *n, uint64_t *d)
{
	if (r.den == 0 || r.num == 0) {
		*neg = 0;
		*n = 0;
		*d = 1;
		return;
	}
	*neg = (r.num < 0) != (r.den < 0);
	*n = mag(r.num);
	*d = mag(r.den);
}

int
pb_ratio_cmp(struct pb_ratio a, struct pb_ratio b)
{
	uint64_t	 an, ad, bn, bd;
	int		 as, bs, c;
	u128		 x, y;

	ratio_norm(a, &as, &an, &ad);
	ratio_norm(b, &bs, &bn, &bd);
	if (as != bs)
		return as ? -1 : 1;
	x = (u128)an * bd;
	y = (u128)bn * ad;
	c = x < y ? -1 : x > y ? 1 : 0;
	return as ? -c : c;
}

int
pb_ratio_mul_int_ceil(struct pb_ratio r, int64_t n, int64_t *out)
{
	u128	 p, q;
	int	 neg;

	if (out == NULL || !ratio_valid(r))
		return 0;
	neg = (r.num < 0) != (n < 0);
	p = (u128)mag(r.num) * mag(n);
	q = p / (uint64_t)r.den;
	/* Truncation is already the ceiling of a negative quotient. */
	if (!neg && p % (uint64_t)r.den != 0)
		q++;
	return fit(neg, q, out);
}

int
pb_money_mul_ratio(int64_t count, int64_t cents, struct pb_ratio r,
    int64_t *out)
{
	u128	 q;
	int	 neg;

	if (out == NULL || !ratio_valid(r))
		return 0;
	neg = ((count < 0) != (cents < 0)) != (r.num < 0);
	if (!muldiv_round((u128)mag(count) * mag(cents), mag(r.num),
	    (uint64_t)r.den, &q))
		return 0;
	return fit(neg, q, out);
}

/*
 * Writes into buf (PB_NUMBUF bytes): '-' when neg and m is not zero,
 * then prefix, then m / 10^places in decimal (with a ',' between groups
 * of three when sep), then '.' and the last `places` digits of m when
 * places > 0, then suffix. Returns buf. m must be below 10^38 and the
 * text short enough, which every caller guarantees (at most 2^84).
 */
static char *
fixed(char *buf, int neg, u128 m, int places, int sep, const char *prefix,
    const char *suffix)
{
	char	 rev[64];
	size_t	 n = 0, k;
	int	 i, len = 0;
	char	*p = buf;

	for (i = 0; i < places; i++) {
		rev[n++] = (char)('0' + (unsigned)(m % 10));
		m /= 10;
	}
	if (places > 0)
		rev[n++] = '.';
	do {
		if (sep && len > 0 && len % 3 == 0)
			rev[n++] = ',';
		rev[n++] = (char)('0' + (unsigned)(m % 10));
		m /= 10;
		len++;
	} while (m != 0);
	/* "-0.000000": the value rounded to zero; no sign on zero. */
	for (k = 0; k < n; k++)
		if (rev[k] != '0' && rev[k] != '.' && rev[k] != ',')
			break;
	if (neg && k < n)
		*p++ = '-';
	for (; *prefix != '\0'; prefix++)
		*p++ = *prefix;
	while (n > 0)
		*p++ = rev[--n];
	for (; *suffix != '\0'; suffix++)
		*p++ = *suffix;
	*p = '\0';
	return buf;
}

/* Empties buf (when it is there) and returns NULL: a failed format. */
static char *
fail(char *buf)
{
	if (buf != NULL)
		buf[0] = '\0';
	return NULL;
}

char *
pb_int_format(int64_t n, char *buf)
{
	if (buf == NULL)
		return NULL;
	return fixed(buf, n < 0, mag(n), 0, 0, "", "");
}

char *
pb_money_format(int64_t cents, char *buf)
{
	if (buf == NULL)
		return NULL;
	return fixed(buf, cents < 0, mag(cents), 2, 0, "", "");
}

char *
pb_fte_format(int64_t hundredths, char *buf)
{
	return pb_money_format(hundredths, buf);
}

char *
pb_ratio_format(struct pb_ratio r, char *buf)
{
	u128	 q;

	if (buf == NULL)
		return NULL;
	if (!ratio_valid(r) ||
	    !muldiv_round(mag(r.num), 1000000, (uint64_t)r.den, &q))
		return fail(buf);
	return fixed(buf, r.num < 0, q, 6, 0, "", "");
}

char *
pb_ratio_round(struct pb_ratio r, uint64_t scale, char *buf)
{
	u128	 q;

	if (buf == NULL)
		return NULL;
	if (!ratio_valid(r) || scale == 0 ||
	    !muldiv_round(mag(r.num), scale, (uint64_t)r.den, &q))
		return fail(buf);
	return fixed(buf, r.num < 0, q, 0, 0, "", "");
}

const char *
pb_bool_format(int b)
{
	return b ? "true" : "false";
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int	 n[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	return m == 2 && leap(y) ? 29 : n[m - 1];
}

/* Non-zero when d is a date of years 1 to 9999. */
static int
date_valid(struct pb_date d)
{
	return d.y >= 1 && d.y <= 9999 && d.m >= 1 && d.m <= 12 &&
	    d.d >= 1 && d.d <= month_days(d.y, d.m);
}

/* Reads n ASCII digits at s as a number; -1 when one is not a digit. */
static int
digits(const char *s, int n)
{
	int	 v = 0;

	for (; n > 0; n--, s++) {
		if (!is_digit(*s))
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

int
pb_date_parse(const char *s, struct pb_date *out)
{
	const char	*p, *e;
	struct pb_date	 d;

	if (s == NULL || out == NULL)
		return 0;
	trim(s, &p, &e);
	if (e - p != 10 || p[4] != '-' || p[7] != '-')
		return 0;
	d.y = digits(p, 4);
	d.m = digits(p + 5, 2);
	d.d = digits(p + 8, 2);
	if (d.y < 0 || d.m < 0 || d.d < 0 || !date_valid(d))
		return 0;
	*out = d;
	return 1;
}

char *
pb_date_format(struct pb_date d, char *buf)
{
	char	*p;

	if (buf == NULL)
		return NULL;
	if (!date_valid(d))
		return fail(buf);
	p = buf;
	*p++ = (char)('0' + d.y / 1000);
	*p++ = (char)('0' + d.y / 100 % 10);
	*p++ = (char)('0' + d.y / 10 % 10);
	*p++ = (char)('0' + d.y % 10);
	*p++ = '-';
	*p++ = (char)('0' + d.m / 10);
	*p++ = (char)('0' + d.m % 10);
	*p++ = '-';
	*p++ = (char)('0' + d.d / 10);
	*p++ = (char)('0' + d.d % 10);
	*p = '\0';
	return buf;
}

int
pb_date_cmp(struct pb_date a, struct pb_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

int
pb_date_add_months(struct pb_date d, int64_t months_n, struct pb_date *out)
{
	struct pb_date	 r;
	int64_t		 t;

	if (out == NULL || !date_valid(d))
		return 0;
	/* Months since 0001-01, the target kept within 0001-01..9999-12. */
	t = (int64_t)(d.y - 1) * 12 + (d.m - 1);
	if (months_n < -t || months_n > 9999 * 12 - 1 - t)
		return 0;
	t += months_n;
	r.y = (int)(t / 12) + 1;
	r.m = (int)(t % 12) + 1;
	r.d = d.d <= month_days(r.y, r.m) ? d.d : month_days(r.y, r.m);
	*out = r;
	return 1;
}

/*
 * Days since 0001-01-01 (day 0) of a valid date, after H. Hinnant's
 * days_from_civil with March-based years.
 */
static int64_t
date_days(struct pb_date d)
{
	int64_t	 y = d.y - (d.m <= 2), era, yoe, doy, doe;

	era = y / 400;			/* y >= 0 for years >= 1 */
	yoe = y - era * 400;
	doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	/* 0000-03-01 is day 0 of the scheme; 0001-01-01 is its day 306. */
	return era * 146097 + doe - 306;
}

/* The inverse of date_days, for 0 <= n <= date_days(9999-12-31). */
static struct pb_date
date_from_days(int64_t n)
{
	struct pb_date	 d;
	int64_t		 z = n + 306, era, doe, yoe, y, doy, mp;

	era = z / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.y = (int)(y + (d.m <= 2));
	return d;
}

int
pb_date_add_days(struct pb_date d, int64_t days, struct pb_date *out)
{
	static const struct pb_date	 last = { 9999, 12, 31 };
	int64_t				 n, max;

	if (out == NULL || !date_valid(d))
		return 0;
	n = date_days(d);
	max = date_days(last);
	if (days < -n || days > max - n)
		return 0;
	*out = date_from_days(n + days);
	return 1;
}
