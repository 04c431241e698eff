/*
 * plain.c - schema violations of organizations, packets, the project
 * file and the references in plain words. libxml2's RELAX NG validator decides whether a file is valid; its
 * messages ("Did not expect element region there", three lines for one
 * bad date) stop at the first problem of an element and name neither the
 * expected order nor the allowed values. When a file is invalid, this
 * module walks it against a description of schema/organization.rng,
 * packet.rng, project.rng and references.rng (kept beside them: change
 * both together; tests/tools/rngdesc.py compares the two) and says
 * what is missing, out of order or unknown, and what a bad value should
 * look like, at the value's position, once per problem.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>
#include <libxml/xmlschemastypes.h>

#include "arith.h"
#include "pb.h"
#include "plain.h"
#include "schema.h"
#include "tree.h"

/* Digits before the point of the largest amount of dollars, 9999999.99. */
#define MONEY_DIGITS 7

/* The kinds of value, as the schemas define them. */
enum vtype {
	V_NONE,		/* no text (an element with children, or empty) */
	V_TEXT,		/* at least one non-blank character */
	V_DATE,		/* YYYY-MM-DD, a real day */
	V_COUNT,	/* a whole number, at most 1000000000 */
	V_MONEY,	/* dollars: up to MONEY_DIGITS digits, at most 2 decimals */
	V_FTE,		/* 0.01 to 1.00, at most 2 decimals */
	V_ID,		/* [a-z0-9][a-z0-9-]*, at most 64 */
	V_YEAR,		/* four digits, 1990 to 2100 */
	V_EDITION,	/* 1 to 999, no leading zero */
	V_ENUM,		/* one of choices */
	V_ANY,		/* not checked here */
	V_RATIO,	/* 0 to 1, at most 6 decimals */
	V_MONTHS,	/* a whole number from 1 to 120 */
	V_PER100,	/* up to 3 digits, at most 2 decimals */
	V_CONTACT,	/* an e-mail address or an http(s) URL, at most 200 */
	V_LANG,		/* xsd:language, as libxml2 checks it */
	V_URI,		/* xsd:anyURI, as libxml2 checks it */
	V_REFDATE,	/* YYYY, YYYY-MM or YYYY-MM-DD */
	V_HTTPURL,	/* http(s)://, no space, and an xsd:anyURI */
	V_FIGNAME	/* ID.NAME or ID.ID.NAME, at most 200 */
};

/* The names of the kinds, for pb_plain_describe (as rngdesc.py names them). */
static const char *const vtype_names[] = { "none", "text", "date", "count",
	"money", "fte", "id", "year", "edition", "enum", "any", "ratio",
	"months", "per100", "contact", "language", "uri", "refdate",
	"httpurl", "figname" };

struct attr {
	const char		*name;
	int			 required;
	enum vtype		 type;
	const char *const	*choices;
};

struct child {
	const char	*name;
	int		 min;
	int		 max;	/* -1: any number */
};

struct elem {
	const char		*name;
	const char		*parent;	/* NULL: the root */
	const struct child	*children;	/* in order; NULL: none */
	const struct attr	*attrs;		/* NULL-terminated; NULL */
	enum vtype		 text;
	const char		*noun;		/* "days": for count messages */
	const char *const	*choices;
};

static const char *const contract_types[] = { "CBFS", "ACCS", "ES", "other",
	NULL };
static const char *const practice_names[] = { "peer-progress-notes",
	"peer-in-treatment-plans", "peer-medication-administration",
	"peer-rep-payeeship", "peer-team-structure", "peer-supervision",
	"peer-human-rights-officer", "harm-reduction-scope", NULL };
static const char *const yes_no[] = { "yes", "no", NULL };
static const char *const yes_no_shared[] = { "yes", "no", "shared", NULL };
static const char *const team[] = { "centralized", "embedded", "isolated",
	NULL };
static const char *const supervision[] = { "peer", "clinical", "none",
	NULL };
static const char *const harm[] = { "substances", "broad", NULL };
/* The values of each practice, in the order of practice_names. */
static const char *const *const practice_values[] = { yes_no_shared, yes_no,
	yes_no, yes_no, team, supervision, yes_no, harm };
static const char *const roles[] = { "peer-specialist", "recovery-coach",
	"family-partner", "young-adult-peer-mentor",
	"older-adult-peer-specialist", "peer-supervisor", NULL };
static const char *const trainings[] = { "CPS", "IPS", "other", NULL };
static const char *const currencies[] = { "USD", NULL };
static const char *const documented_by[] = { "staff", "peer-only", NULL };
static const char *const visibilities[] = { "public", "internal", NULL };

static const struct child organization_ch[] = {
	{ "name", 1, 1 }, { "region", 0, 1 }, { "contracts", 0, 1 },
	{ "practices", 0, 1 }, { "program", 0, -1 }, { "staff", 0, 1 },
	{ "source", 1, 1 }, { NULL, 0, 0 }
};
static const struct child contracts_ch[] = {
	{ "contract", 1, -1 }, { NULL, 0, 0 }
};
static const struct child practices_ch[] = {
	{ "practice", 0, -1 }, { NULL, 0, 0 }
};
static const struct child program_ch[] = {
	{ "enrolled-persons", 1, 1 }, { "enrolled-days", 1, 1 },
	{ "daily-rate", 1, 1 }, { "rdays", 2, 2 }, { NULL, 0, 0 }
};
static const struct child staff_ch[] = {
	{ "member", 0, -1 }, { NULL, 0, 0 }
};
static const struct attr contract_at[] = {
	{ "type", 1, V_ENUM, contract_types }, { "since", 1, V_DATE, NULL },
	{ NULL, 0, V_NONE, NULL }
};
static const struct attr practice_at[] = {
	{ "name", 1, V_ENUM, practice_names }, { NULL, 0, V_NONE, NULL }
};
static const struct attr program_at[] = {
	{ "id", 1, V_ID, NULL }, { "contract", 1, V_ENUM, contract_types },
	{ "fiscal-year", 1, V_YEAR, NULL }, { NULL, 0, V_NONE, NULL }
};
static const struct attr rate_at[] = {
	{ "currency", 1, V_ENUM, currencies }, { NULL, 0, V_NONE, NULL }
};
static const struct attr rdays_at[] = {
	{ "documented-by", 1, V_ENUM, documented_by },
	{ NULL, 0, V_NONE, NULL }
};
static const struct attr member_at[] = {
	{ "id", 1, V_ID, NULL }, { "role", 1, V_ENUM, roles },
	{ "fte", 1, V_FTE, NULL }, { "hired", 1, V_DATE, NULL },
	{ "certified", 0, V_DATE, NULL },
	{ "training", 0, V_ENUM, trainings },
	{ "lived-experience", 0, V_ENUM, yes_no },
	{ NULL, 0, V_NONE, NULL }
};

static const struct child packet_ch[] = {
	{ "title", 1, 1 }, { "audience", 0, 1 }, { "date", 1, 1 },
	{ "edition", 0, 1 }, { "fiscal-year", 0, 1 }, { "summary", 0, 1 },
	{ "organizations", 0, 1 }, { "positions", 0, 1 },
	{ "highlights", 0, 1 }, { NULL, 0, 0 }
};
static const struct child orgs_ch[] = { { "org", 1, -1 }, { NULL, 0, 0 } };
static const struct child positions_ch[] = {
	{ "position", 1, -1 }, { NULL, 0, 0 }
};
static const struct child highlights_ch[] = {
	{ "figure", 1, -1 }, { NULL, 0, 0 }
};
static const struct attr packet_at[] = {
	{ "visibility", 0, V_ENUM, visibilities }, { NULL, 0, V_NONE, NULL }
};
static const struct attr ref_at[] = {
	{ "ref", 1, V_ID, NULL }, { NULL, 0, V_NONE, NULL }
};
static const struct attr figure_at[] = {
	{ "ref", 1, V_FIGNAME, NULL }, { NULL, 0, V_NONE, NULL }
};
static const struct attr no_at[] = { { NULL, 0, V_NONE, NULL } };

static const struct child project_ch[] = {
	{ "title", 1, 1 }, { "publisher", 0, 1 }, { "base-url", 0, 1 },
	{ "language", 0, 1 }, { "as-of", 0, 1 }, { "contact", 0, 1 },
	{ "description", 0, 1 }, { "parameters", 0, 1 }, { NULL, 0, 0 }
};
static const struct child parameters_ch[] = {
	{ "medicaid-share", 0, 1 }, { "state-average-rday-rate", 0, 1 },
	{ "certification-window-months", 0, 1 },
	{ "peer-fte-per-100-enrolled", 0, 1 },
	{ "max-family-partner-share", 0, 1 },
	{ "max-recovery-coach-share", 0, 1 }, { NULL, 0, 0 }
};
static const struct child references_ch[] = {
	{ "reference", 0, -1 }, { NULL, 0, 0 }
};
static const struct child reference_ch[] = {
	{ "title", 1, 1 }, { "author", 0, -1 }, { "publisher", 0, 1 },
	{ "date", 0, 1 }, { "url", 0, 1 }, { NULL, 0, 0 }
};
static const struct attr reference_at[] = {
	{ "id", 1, V_ANY, NULL }, { NULL, 0, V_NONE, NULL }
};

static const struct elem elems[] = {
	{ "organization", NULL, organization_ch, no_at, V_NONE, NULL, NULL },
	{ "name", "organization", NULL, no_at, V_TEXT, NULL, NULL },
	{ "region", "organization", NULL, no_at, V_TEXT, NULL, NULL },
	{ "source", "organization", NULL, no_at, V_TEXT, NULL, NULL },
	{ "contracts", "organization", contracts_ch, no_at, V_NONE, NULL,
	  NULL },
	{ "contract", "contracts", NULL, contract_at, V_NONE, NULL, NULL },
	{ "practices", "organization", practices_ch, no_at, V_NONE, NULL,
	  NULL },
	{ "practice", "practices", NULL, practice_at, V_ENUM, NULL, NULL },
	{ "program", "organization", program_ch, program_at, V_NONE, NULL,
	  NULL },
	{ "enrolled-persons", "program", NULL, no_at, V_COUNT, "persons",
	  NULL },
	{ "enrolled-days", "program", NULL, no_at, V_COUNT, "days", NULL },
	{ "daily-rate", "program", NULL, rate_at, V_MONEY, NULL, NULL },
	{ "rdays", "program", NULL, rdays_at, V_COUNT, "days", NULL },
	{ "staff", "organization", staff_ch, no_at, V_NONE, NULL, NULL },
	{ "member", "staff", NULL, member_at, V_NONE, NULL, NULL },
	{ "packet", NULL, packet_ch, packet_at, V_NONE, NULL, NULL },
	{ "title", "packet", NULL, no_at, V_TEXT, NULL, NULL },
	{ "audience", "packet", NULL, no_at, V_TEXT, NULL, NULL },
	{ "date", "packet", NULL, no_at, V_DATE, NULL, NULL },
	{ "edition", "packet", NULL, no_at, V_EDITION, NULL, NULL },
	{ "fiscal-year", "packet", NULL, no_at, V_YEAR, NULL, NULL },
	{ "summary", "packet", NULL, no_at, V_TEXT, NULL, NULL },
	{ "organizations", "packet", orgs_ch, no_at, V_NONE, NULL, NULL },
	{ "org", "organizations", NULL, ref_at, V_NONE, NULL, NULL },
	{ "positions", "packet", positions_ch, no_at, V_NONE, NULL, NULL },
	{ "position", "positions", NULL, ref_at, V_NONE, NULL, NULL },
	{ "highlights", "packet", highlights_ch, no_at, V_NONE, NULL, NULL },
	{ "figure", "highlights", NULL, figure_at, V_NONE, NULL, NULL },
	{ "project", NULL, project_ch, no_at, V_NONE, NULL, NULL },
	{ "title", "project", NULL, no_at, V_TEXT, NULL, NULL },
	{ "publisher", "project", NULL, no_at, V_TEXT, NULL, NULL },
	{ "base-url", "project", NULL, no_at, V_URI, NULL, NULL },
	{ "language", "project", NULL, no_at, V_LANG, NULL, NULL },
	{ "as-of", "project", NULL, no_at, V_DATE, NULL, NULL },
	{ "contact", "project", NULL, no_at, V_CONTACT, NULL, NULL },
	{ "description", "project", NULL, no_at, V_TEXT, NULL, NULL },
	{ "parameters", "project", parameters_ch, no_at, V_NONE, NULL, NULL },
	{ "medicaid-share", "parameters", NULL, no_at, V_RATIO, NULL, NULL },
	{ "state-average-rday-rate", "parameters", NULL, no_at, V_RATIO, NULL,
	  NULL },
	{ "certification-window-months", "parameters", NULL, no_at, V_MONTHS,
	  NULL, NULL },
	{ "peer-fte-per-100-enrolled", "parameters", NULL, no_at, V_PER100,
	  NULL, NULL },
	{ "max-family-partner-share", "parameters", NULL, no_at, V_RATIO,
	  NULL, NULL },
	{ "max-recovery-coach-share", "parameters", NULL, no_at, V_RATIO,
	  NULL, NULL },
	{ "references", NULL, references_ch, no_at, V_NONE, NULL, NULL },
	{ "reference", "references", reference_ch, reference_at, V_NONE, NULL,
	  NULL },
	{ "title", "reference", NULL, no_at, V_TEXT, NULL, NULL },
	{ "author", "reference", NULL, no_at, V_TEXT, NULL, NULL },
	{ "publisher", "reference", NULL, no_at, V_TEXT, NULL, NULL },
	{ "date", "reference", NULL, no_at, V_REFDATE, NULL, NULL },
	{ "url", "reference", NULL, no_at, V_HTTPURL, NULL, NULL },
	{ NULL, NULL, NULL, NULL, V_NONE, NULL, NULL }
};

/* One run of the check: the file, its diagnostics and their count. */
struct ck {
	const struct pb_xmlfile	*f;
	struct pb_diags		*d;
	size_t			 n;
};

static void
say(struct ck *c, struct pb_src s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
say(struct ck *c, struct pb_src s, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	pb_diag_verror(c->d, PB_ERROR, s.file ? s.file : c->f->file, s.line,
	    s.col, fmt, ap);
	va_end(ap);
	c->n++;
}

static const struct elem *
elem_of(const char *name, const char *parent)
{
	size_t	 i;

	for (i = 0; elems[i].name != NULL; i++)
		if (strcmp(elems[i].name, name) == 0 && (parent == NULL ?
		    elems[i].parent == NULL : elems[i].parent != NULL &&
		    strcmp(elems[i].parent, parent) == 0))
			return &elems[i];
	return NULL;
}

static int
in_ns(xmlNodePtr n)
{
	return n->ns != NULL && xmlStrEqual(n->ns->href, BAD_CAST PB_NS);
}

/* "<name>, <region>?, <program>*, ..." for messages. */
static void
order_of(const struct child *ch, struct pb_buf *b)
{
	size_t	 i;

	pb_buf_put(b, "", 0);
	for (i = 0; ch[i].name != NULL; i++)
		pb_buf_printf(b, "%s<%s>%s", i ? ", " : "", ch[i].name,
		    ch[i].min == 0 ? (ch[i].max == 1 ? "?" : "*") :
		    ch[i].max == 1 ? "" : ch[i].max < 0 ? "+" : "");
}

static size_t
count_of(const char *const *v)
{
	size_t	 n;

	for (n = 0; v[n] != NULL; n++)
		;
	return n;
}

/* "a, b or c" of v (ended by NULL) for messages, in b (emptied first). */
static void
choices_of(const char *const *v, struct pb_buf *b)
{
	pb_buf_put(b, "", 0);
	pb_buf_put_choices(b, v, count_of(v), 0);
}

static int
all_digits(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

int
pb_xsd_valid(const char *v, const char *name)
{
	xmlSchemaTypePtr	 t;

	t = xmlSchemaGetPredefinedType(BAD_CAST name,
	    BAD_CAST "http://www.w3.org/2001/XMLSchema");
	return t != NULL && xmlSchemaValidatePredefinedType(t, BAD_CAST v,
	    NULL) == 0;
}

/* Non-zero when c is white space as XML Schema's \s means it. */
static int
xsd_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * Non-zero when v is an e-mail address (one '@', a '.' in the domain
 * neither first nor last) or an http(s) URL, with no white space, '<',
 * '>' or '"', at most 200 characters: project.rng's contact.
 */
static int
contact_valid(const char *v)
{
	const char	*at, *dot, *p;
	size_t		 chars = 0;

	for (p = v; *p != '\0'; p++) {
		if (xsd_space(*p) || *p == '<' || *p == '>' || *p == '"')
			return 0;
		chars += ((unsigned char)*p & 0xc0) != 0x80;
	}
	if (chars > 200)
		return 0;
	if ((strncmp(v, "http://", 7) == 0 && v[7] != '\0') ||
	    (strncmp(v, "https://", 8) == 0 && v[8] != '\0'))
		return 1;
	if ((at = strchr(v, '@')) == NULL || at == v ||
	    strchr(at + 1, '@') != NULL)
		return 0;
	dot = strrchr(at + 1, '.');
	return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

/*
 * Non-zero when v is a figure name as packet.rng and position.rng write
 * it: one or two ids ([a-z0-9][a-z0-9-]*), each followed by '.', then
 * [a-z][a-z0-9_]*, at most 200 characters.
 */
int
pb_figname_valid(const char *v)
{
	const char	*p = v;
	size_t		 ids = 0, n;

	if (strlen(v) > 200)
		return 0;
	for (;;) {
		n = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789-");
		if (p[n] != '.')
			break;
		if (n == 0 || *p == '-' || ++ids > 2)
			return 0;
		p += n + 1;
	}
	return ids >= 1 && *p >= 'a' && *p <= 'z' &&
	    p[strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789_")] == '\0';
}

/*
 * Non-zero when v, n bytes, is a number of at most digits digits before
 * an optional point and 1 or 2 decimals after it.
 */
static int
decimal_valid(const char *v, size_t n, size_t digits)
{
	const char	*dot = strchr(v, '.');
	size_t		 i = dot ? (size_t)(dot - v) : n;

	return i >= 1 && i <= digits && all_digits(v, i) && (dot == NULL ||
	    (n - i - 1 >= 1 && n - i - 1 <= 2 &&
	    all_digits(dot + 1, n - i - 1)));
}

/* Non-zero when v, n bytes, is YYYY, YYYY-MM or YYYY-MM-DD. */
static int
refdate_valid(const char *v, size_t n)
{
	if (n != 4 && n != 7 && n != 10)
		return 0;
	if (!all_digits(v, 4))
		return 0;
	if (n >= 7 && (v[4] != '-' || !all_digits(v + 5, 2) ||
	    strncmp(v + 5, "01", 2) < 0 || strncmp(v + 5, "12", 2) > 0))
		return 0;
	return n < 10 || (v[7] == '-' && all_digits(v + 8, 2) &&
	    strncmp(v + 8, "01", 2) >= 0 && strncmp(v + 8, "31", 2) <= 0);
}

/* Non-zero when v, n bytes, is http(s):// and more, an xsd:anyURI. */
static int
httpurl_valid(const char *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (xsd_space(v[i]))
			return 0;
	return ((strncmp(v, "http://", 7) == 0 && n > 7) ||
	    (strncmp(v, "https://", 8) == 0 && n > 8)) &&
	    pb_xsd_valid(v, "anyURI");
}

/* Non-zero when v (already trimmed for element text) is of type t. */
static int
valid(const char *v, enum vtype t, const char *const *choices)
{
	struct pb_date	 dt;
	size_t		 n = strlen(v), i;
	long		 y;

	switch (t) {
	case V_TEXT:
		return n > 0;
	case V_DATE:
		return n == 10 && all_digits(v, 4) && v[4] == '-' &&
		    all_digits(v + 5, 2) && v[7] == '-' &&
		    all_digits(v + 8, 2) && pb_date_parse(v, &dt);
	case V_COUNT:
		return all_digits(v, n) && (n < 10 || (n == 10 &&
		    strcmp(v, "1000000000") <= 0));
	case V_MONEY:
		return decimal_valid(v, n, MONEY_DIGITS);
	case V_FTE:
		if (strcmp(v, "1") == 0 || strcmp(v, "1.0") == 0 ||
		    strcmp(v, "1.00") == 0)
			return 1;
		return (n == 3 || n == 4) && v[0] == '0' && v[1] == '.' &&
		    all_digits(v + 2, n - 2) && !(v[2] == '0' &&
		    (n == 3 || v[3] == '0'));
	case V_ID:
		return pb_id_valid(v);
	case V_YEAR:
		if (n != 4 || !all_digits(v, 4))
			return 0;
		y = strtol(v, NULL, 10);
		return y >= 1990 && y <= 2100;
	case V_EDITION:
		return n >= 1 && n <= 3 && v[0] != '0' && all_digits(v, n);
	case V_ENUM:
		for (i = 0; choices[i] != NULL; i++)
			if (strcmp(v, choices[i]) == 0)
				return 1;
		return 0;
	case V_RATIO:
		if (strcmp(v, "0") == 0 || strcmp(v, "1") == 0)
			return 1;
		if (n < 3 || n > 8 || v[1] != '.')
			return 0;
		if (v[0] == '0')
			return all_digits(v + 2, n - 2);
		return v[0] == '1' && strspn(v + 2, "0") == n - 2;
	case V_MONTHS:
		if (!all_digits(v, n))
			return 0;
		v += strspn(v, "0");
		return strlen(v) >= 1 && strlen(v) <= 3 &&
		    strtol(v, NULL, 10) <= 120;
	case V_PER100:
		return decimal_valid(v, n, 3);
	case V_CONTACT:
		return contact_valid(v);
	case V_LANG:
		return pb_xsd_valid(v, "language");
	case V_URI:
		return pb_xsd_valid(v, "anyURI");
	case V_REFDATE:
		return refdate_valid(v, n);
	case V_FIGNAME:
		return pb_figname_valid(v);
	case V_HTTPURL:
		return httpurl_valid(v, n);
	default:
		return 1;
	}
}

/* The one of choices that v, in any case, begins ("Y" for "yes", "Emb"
 * for "embedded"), or NULL when none or several do. */
static const char *
abbreviated(const char *v, const char *const *choices)
{
	const char	*hit = NULL;
	size_t		 i, n = strlen(v);

	for (i = 0; n > 0 && choices[i] != NULL; i++)
		if (strncasecmp(choices[i], v, n) == 0) {
			if (hit != NULL)
				return NULL;
			hit = choices[i];
		}
	return hit;
}

/*
 * What a value of each type should look like, as the message about a
 * bad one says it after "WHAT 'VALUE' is not " (value_check words the
 * types not here).
 */
static const char *const looks[] = {
	[V_DATE] = "a date: write YYYY-MM-DD, a day that exists (2026-03-02 "
	    "for March 2, 2026)",
	[V_FTE] = "an FTE: a number from 0.01 to 1.00 with at most 2 decimals "
	    "(0.5, 0.75, 1.0)",
	[V_ID] = "an id: lower-case letters, digits and '-', starting with a "
	    "letter or digit, at most 64",
	[V_YEAR] = "a year: four digits from 1990 to 2100",
	[V_EDITION] = "an edition: a whole number from 1 to 999",
	[V_RATIO] = "a share: a number from 0 to 1 with at most 6 decimals "
	    "(0.5, 0.25)",
	[V_MONTHS] = "a number of months: a whole number from 1 to 120",
	[V_PER100] = "an FTE per 100 enrolled: a number below 1000 with at "
	    "most 2 decimals, no commas (2.00)",
	[V_CONTACT] = "an e-mail address or a web address: write "
	    "name@host.domain or http(s)://..., no spaces, at most 200 "
	    "characters",
	[V_LANG] = "a language tag: letters, then '-' and letters or digits "
	    "(en, en-US, es)",
	[V_URI] = "a URL: write the address the site is published at, with "
	    "'%' only before two hex digits",
	[V_REFDATE] = "a date: write YYYY, YYYY-MM or YYYY-MM-DD (2017, "
	    "2017-06, 2017-06-30)",
	[V_HTTPURL] = "a web address: http:// or https:// and the address, no "
	    "spaces",
	[V_FIGNAME] = "a figure name: param.NAME, packet.NAME, ORG.NAME or "
	    "ORG.PROGRAM.NAME, in lower case (packet.org_count; see peerbrief "
	    "figures)",
};

/* Reports v, a bad value of one of choices, with the one it may mean. */
static void
enum_bad(struct ck *c, struct pb_src s, const char *what, const char *v,
    const char *const *choices)
{
	struct pb_buf	 b = { NULL, 0, 0 };
	const char	*near;

	choices_of(choices, &b);
	if ((near = abbreviated(v, choices)) == NULL)
		near = pb_nearest(v, (const char **)choices, count_of(choices));
	say(c, s, "%s '%s' is not one of %s%s%s%s", what, v, b.data,
	    near ? " (did you mean '" : "", near ? near : "",
	    near ? "'?)" : "");
	pb_buf_free(&b);
}

/*
 * Reports value v of what (a field's name) at s when it is not of type t:
 * the message says what the value should look like.
 */
static void
value_check(struct ck *c, struct pb_src s, const char *what, const char *v,
    enum vtype t, const char *noun, const char *const *choices)
{
	size_t	 n;

	if (valid(v, t, choices))
		return;
	switch (t) {
	case V_TEXT:
		say(c, s, "%s is empty", what);
		break;
	case V_COUNT:
		say(c, s, "%s '%s' is not a number of %s: write a whole number, "
		    "digits only (no commas, at most 1000000000)", what, v,
		    noun ? noun : "things");
		break;
	case V_MONEY:
		n = strspn(v, "0123456789");
		if (n > MONEY_DIGITS && valid(v + n - MONEY_DIGITS, t, NULL))
			say(c, s, "%s '%s' is too large: at most 9999999.99 "
			    "dollars, %d digits before the point", what, v,
			    MONEY_DIGITS);
		else
			say(c, s, "%s '%s' is not an amount of dollars: digits "
			    "with at most 2 decimals, no '$' or commas (104.25)",
			    what, v);
		break;
	case V_ENUM:
		enum_bad(c, s, what, v, choices);
		break;
	default:
		if ((size_t)t < sizeof(looks) / sizeof(looks[0]) &&
		    looks[t] != NULL)
			say(c, s, "%s '%s' is not %s", what, v, looks[t]);
		break;
	}
}

/* The attributes of n against spec a: unknown, missing and bad values. */
static void
attrs_check(struct ck *c, xmlNodePtr n, const struct attr *a)
{
	const char	*names[16], *near;
	struct pb_buf	 takes = { NULL, 0, 0 };
	xmlAttrPtr	 p;
	size_t		 i, k, unknown = 0, missing;
	char		*v;

	for (k = 0; a[k].name != NULL; k++)
		names[k] = a[k].name;
	for (p = n->properties; p != NULL; p = p->next) {
		if (p->ns != NULL)
			continue;	/* xml:lang and friends: the schema's */
		for (i = 0; i < k; i++)
			if (xmlStrEqual(p->name, BAD_CAST a[i].name))
				break;
		if (i < k)
			continue;
		unknown++;
		near = pb_nearest((const char *)p->name, names, k);
		/* an unknown attribute written where a required one is
		 * missing is one problem: this message names the missing
		 * one, and none follows for it */
		takes.len = 0;
		pb_buf_put(&takes, "", 0);
		for (i = missing = 0; i < k; i++) {
			v = a[i].required && names[i] != near ?
			    pb_tree_attr(n, a[i].name) : NULL;
			if (a[i].required && names[i] != near && v == NULL)
				missing++;
			pb_buf_printf(&takes, "%s%s%s", i == 0 ? "" :
			    i + 1 == k ? " and " : ", ", names[i],
			    a[i].required && names[i] != near && v == NULL ?
			    " (required, and missing here)" : "");
			free(v);
		}
		if (k == 0)
			say(c, pb_xmlfile_attr(c->f, n, (const char *)p->name),
			    "<%s> takes no attributes, not %s", n->name,
			    p->name);
		else
			say(c, pb_xmlfile_attr(c->f, n, (const char *)p->name),
			    "unknown attribute %s on <%s>%s%s%s%s%s", p->name,
			    n->name, near ? " (did you mean " : "",
			    near ? near : "", near ? "?)" : "",
			    missing ? "; it takes " : "",
			    missing ? takes.data : "");
	}
	pb_buf_free(&takes);
	for (i = 0; i < k; i++) {
		if ((v = pb_tree_attr(n, a[i].name)) == NULL) {
			if (a[i].required && unknown == 0)
				say(c, pb_xmlfile_elem(c->f, n), "<%s> needs "
				    "the attribute %s", n->name, a[i].name);
			continue;
		}
		value_check(c, pb_xmlfile_attr(c->f, n, a[i].name),
		    xmlStrEqual(n->name, BAD_CAST "practice") ? "practice" :
		    a[i].name, v, a[i].type, NULL, a[i].choices);
		free(v);
	}
}

static int
has_child(xmlNodePtr n, const char *name)
{
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(n->name, BAD_CAST name))
			return 1;
	return 0;
}

static void elem_check(struct ck *, xmlNodePtr, const struct elem *);

/* The index of element q in ch (nch entries), or nch. */
static size_t
index_of(xmlNodePtr q, const struct child *ch, size_t nch)
{
	size_t	 k;

	for (k = 0; k < nch; k++)
		if (xmlStrEqual(q->name, BAD_CAST ch[k].name))
			break;
	return k;
}

/*
 * Non-zero when the children of n are in order once p is left out: p,
 * not the element after it, is the one out of place (a <source> written
 * before <practices>).
 */
static int
early(xmlNodePtr n, const struct child *ch, size_t nch, xmlNodePtr p)
{
	xmlNodePtr	 q;
	size_t		 k, pos = 0;

	if (p == NULL)
		return 0;
	for (q = n->children; q != NULL; q = q->next) {
		if (q == p || q->type != XML_ELEMENT_NODE ||
		    (k = index_of(q, ch, nch)) == nch)
			continue;
		if (k < pos)
			return 0;
		pos = k;
	}
	return 1;
}

/*
 * The element children of n against their order in e: unknown, out of
 * order, missing and repeated elements, then each child itself.
 */
static void
children_check(struct ck *c, xmlNodePtr n, const struct elem *e)
{
	const struct child	*ch = e->children;
	const struct elem	*ce;
	const char		*names[16], *near;
	struct pb_buf		 order = { NULL, 0, 0 };
	xmlNodePtr		 q, last = NULL, blame;
	size_t			 k, nch, pos = 0, j;
	int			 count[16] = { 0 }, said[16] = { 0 };
	int			 reported = 0;

	for (nch = 0; ch[nch].name != NULL; nch++)
		names[nch] = ch[nch].name;
	order_of(ch, &order);
	for (q = n->children; q != NULL; q = q->next) {
		if (q->type != XML_ELEMENT_NODE)
			continue;
		for (k = 0; k < nch; k++)
			if (xmlStrEqual(q->name, BAD_CAST ch[k].name))
				break;
		if (k == nch || !in_ns(q)) {
			near = pb_nearest((const char *)q->name, names, nch);
			say(c, pb_xmlfile_elem(c->f, q), "unknown element <%s> "
			    "in <%s>%s%s%s; <%s> holds, in this order: %s",
			    q->name, n->name, near ? " (did you mean <" : "",
			    near ? near : "", near ? ">?)" : "", n->name,
			    order.data);
			/* a misspelled required element is one problem: no
			 * "missing" message for the element it was meant as */
			for (j = 0; near != NULL && j < nch; j++)
				if (strcmp(near, ch[j].name) == 0)
					said[j] = 1;
			continue;
		}
		if (k < pos) {
			if (!reported) {
				blame = early(n, ch, nch, last) ? last : q;
				say(c, pb_xmlfile_elem(c->f, blame), "<%s> is "
				    "out of order; <%s> holds, in this order: %s",
				    blame->name, n->name, order.data);
			}
			reported = 1;
		} else {
			/* required elements skipped over and found nowhere */
			for (j = pos; j < k; j++)
				if (ch[j].min > 0 && !said[j]++ &&
				    !has_child(n, ch[j].name))
					say(c, pb_xmlfile_elem(c->f, q),
					    "missing <%s> before <%s>; <%s> "
					    "holds, in this order: %s",
					    ch[j].name, q->name, n->name,
					    order.data);
			pos = k;
			last = q;
		}
		if (++count[k] > ch[k].max && ch[k].max >= 0 &&
		    ch[k].max == 1)
			say(c, pb_xmlfile_elem(c->f, q), "<%s> given twice; "
			    "<%s> holds one", q->name, n->name);
		if ((ce = elem_of((const char *)q->name,
		    (const char *)n->name)) != NULL)
			elem_check(c, q, ce);
	}
	for (j = 0; j < nch; j++)
		if (ch[j].min > 0 && !said[j] && !has_child(n, ch[j].name))
			say(c, pb_xmlfile_elem(c->f, n), "<%s> lacks <%s>; it "
			    "holds, in this order: %s", n->name, ch[j].name,
			    order.data);
	pb_buf_free(&order);
}

/* A program's two R-day counts: one by staff, one peer-only. */
static void
rdays_check(struct ck *c, xmlNodePtr n)
{
	xmlNodePtr	 q;
	char		*by;
	int		 staff = 0, peer = 0, other = 0;

	for (q = n->children; q != NULL; q = q->next) {
		if (q->type != XML_ELEMENT_NODE ||
		    !xmlStrEqual(q->name, BAD_CAST "rdays"))
			continue;
		by = pb_tree_attr(q, "documented-by");
		if (by == NULL || (strcmp(by, "staff") && strcmp(by,
		    "peer-only")))
			other++;
		else if (strcmp(by, "staff") == 0 && staff++ > 0)
			say(c, pb_xmlfile_attr(c->f, q, "documented-by"),
			    "a second <rdays documented-by=\"staff\">; a "
			    "program has one staff and one peer-only count");
		else if (strcmp(by, "peer-only") == 0 && peer++ > 0)
			say(c, pb_xmlfile_attr(c->f, q, "documented-by"),
			    "a second <rdays documented-by=\"peer-only\">; a "
			    "program has one staff and one peer-only count");
		free(by);
	}
	if (other == 0 && staff + peer == 1)
		say(c, pb_xmlfile_elem(c->f, n), "<program> lacks <rdays "
		    "documented-by=\"%s\"> (R-days %s)", staff ? "peer-only" :
		    "staff", staff ? "that only a peer's note made billable" :
		    "documented without a peer note");
}

static void
elem_check(struct ck *c, xmlNodePtr n, const struct elem *e)
{
	const char *const	*choices = e->choices;
	xmlNodePtr		 q;
	char			*v, *name;
	size_t			 i;

	attrs_check(c, n, e->attrs);
	if (e->text == V_NONE)
		for (q = n->children; q != NULL; q = q->next) {
			if (q->type == XML_ELEMENT_NODE && e->children == NULL)
				say(c, pb_xmlfile_elem(c->f, q), "<%s> holds "
				    "nothing (its values are attributes), not "
				    "<%s>", n->name, q->name);
			else if (q->type == XML_TEXT_NODE && q->content &&
			    q->content[strspn((const char *)q->content,
			    " \t\r\n")] != '\0')
				say(c, pb_xmlfile_elem(c->f, n), e->children ?
				    "text in <%s> outside any element" :
				    "<%s> holds no text; its values are "
				    "attributes", n->name);
			else
				continue;
			break;
		}
	if (e->children != NULL)
		children_check(c, n, e);
	if (strcmp(e->name, "program") == 0)
		rdays_check(c, n);
	if (e->text == V_NONE || e->text == V_ANY)
		return;
	for (q = n->children; q != NULL; q = q->next)
		if (q->type == XML_ELEMENT_NODE) {
			say(c, pb_xmlfile_elem(c->f, q), "<%s> holds a value, "
			    "not elements such as <%s>", n->name, q->name);
			return;
		}
	if (strcmp(e->name, "practice") == 0) {
		if ((name = pb_tree_attr(n, "name")) == NULL)
			return;
		for (i = 0; practice_names[i] != NULL; i++)
			if (strcmp(name, practice_names[i]) == 0)
				break;
		choices = practice_names[i] ? practice_values[i] : NULL;
		v = pb_tree_text(n);
		if (choices != NULL)
			value_check(c, pb_xmlfile_text(c->f, n), name, v,
			    V_ENUM, NULL, choices);
		free(v);
		free(name);
		return;
	}
	v = pb_tree_text(n);
	value_check(c, pb_xmlfile_text(c->f, n), (const char *)n->name, v,
	    e->text, e->noun, choices);
	free(v);
}

size_t
pb_plain_check(const struct pb_xmlfile *f, xmlDocPtr doc, const char *root,
    struct pb_diags *d)
{
	struct ck		 c = { f, d, 0 };
	const struct elem	*e;
	xmlNodePtr		 r = xmlDocGetRootElement(doc);

	if ((e = elem_of(root, NULL)) == NULL || r == NULL)
		return 0;
	if (!xmlStrEqual(r->name, BAD_CAST root)) {
		say(&c, pb_xmlfile_elem(f, r), "this file holds a <%s>, not "
		    "the <%s xmlns=\"urn:peerbrief:1\"> it should", r->name,
		    root);
		return c.n;
	}
	if (!in_ns(r)) {
		say(&c, pb_xmlfile_elem(f, r), "<%s> is not in peerbrief's "
		    "namespace: write <%s xmlns=\"urn:peerbrief:1\">", root,
		    root);
		return c.n;
	}
	elem_check(&c, r, e);
	return c.n;
}

/* " a b c" for pb_plain_describe. */
static void
describe_choices(const char *const *v, struct pb_buf *b)
{
	size_t	 i;

	for (i = 0; v != NULL && v[i] != NULL; i++)
		pb_buf_printf(b, " %s", v[i]);
}

void
pb_plain_describe(struct pb_buf *b)
{
	const struct elem	*e;
	const struct attr	*a;
	const struct child	*ch;
	size_t			 i;

	pb_buf_put(b, "", 0);
	for (e = elems; e->name != NULL; e++) {
		pb_buf_printf(b, "element %s%s%s\n", e->name,
		    e->parent ? " in " : "", e->parent ? e->parent : "");
		for (a = e->attrs; a->name != NULL; a++) {
			pb_buf_printf(b, "attr %s %s %s", a->name,
			    a->required ? "required" : "optional",
			    vtype_names[a->type]);
			describe_choices(a->choices, b);
			pb_buf_putc(b, '\n');
		}
		for (ch = e->children; ch != NULL && ch->name != NULL; ch++)
			pb_buf_printf(b, "child %s %d %d\n", ch->name, ch->min,
			    ch->max);
		if (strcmp(e->name, "practice") == 0) {
			for (i = 0; practice_names[i] != NULL; i++) {
				pb_buf_printf(b, "text when name=%s enum",
				    practice_names[i]);
				describe_choices(practice_values[i], b);
				pb_buf_putc(b, '\n');
			}
			continue;
		}
		pb_buf_printf(b, "text %s", vtype_names[e->text]);
		describe_choices(e->choices, b);
		pb_buf_putc(b, '\n');
	}
}
