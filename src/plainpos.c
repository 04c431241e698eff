/*
 * plainpos.c - schema violations of XML positions (schema/position.rng,
 * a DocBook 5 subset with pb:value, pb:directive and pb:cite) in plain
 * words, as plain.c words those of the other inputs. libxml2's validator
 * judges; when a position is invalid this module walks it against the
 * table below (kept beside schema/position.rng: change both together;
 * tests/tools/rngpos.py compares the two) and says, at the
 * node's own position, what is unknown (with the nearest known name),
 * where an element may not stand and what its parent holds, what is
 * missing or out of order, and what a bad value should look like.
 * The order of each structure (tables, authors, abstracts, block
 * quotes) is in seqs[], beside the elements; rngpos.py compares the
 * elements, their attributes and the types of the values checked, and
 * that order (test_plain runs it), and tests/errors/xml-plain-* try the
 * messages. Whatever it does not word is left to the validator's own
 * messages.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "pb.h"
#include "charts.h"
#include "plain.h"
#include "plainpos.h"
#include "schema.h"
#include "tree.h"

#define DB_NS	"http://docbook.org/ns/docbook"
#define XLINK_NS "http://www.w3.org/1999/xlink"

/* What an element holds. */
enum content {
	C_BLOCKS,	/* (title first where named) blocks, then sections */
	C_INLINES,	/* text and inline elements */
	C_TEXT,		/* text only */
	C_EMPTY,	/* nothing */
	C_OTHER		/* a structure of its own (info, lists, tables,
			 * names): its order is left to the validator */
};

/* What an element is, where it may stand. */
enum kind {
	K_BLOCK,	/* where blocks may stand */
	K_INLINE,	/* where inlines may stand */
	K_SECTION,	/* a section: in article or section, after blocks */
	K_PART		/* a part of one structure only (info, title, ...) */
};

static const char *const spacing[] = { "compact", "normal", NULL };
static const char *const numeration[] = { "arabic", "loweralpha",
	"upperalpha", "lowerroman", "upperroman", NULL };
static const char *const align[] = { "left", "center", "right", "justify",
	"char", NULL };
static const char *const kinds[] = { "funding", "practices", "staffing",
	"certifications", "figure", "chart", NULL };

/* A whole number an attribute holds: from lo to hi (0: no bound). */
struct range {
	unsigned long		 lo, hi;
};

static const struct range span = { 1, 1000 };	/* cols, colspan, ... */
static const struct range start = { 0, 1000000000 };	/* startingnumber */
static const struct range count = { 0, 0 };	/* morerows */

/* The forms of value an attribute's schema type allows, where they are
 * checked here (as rngpos.py names them). */
enum atype {
	A_ANY,		/* token, string: anything */
	A_FIGNAME,	/* figure-name: ID.NAME or ID.ID.NAME, at most 200 */
	A_REF,		/* ref-token: [a-z0-9][a-z0-9_.-]*, at most 200 */
	A_NONEMPTY,	/* nonempty-text: a token of one character or more */
	A_NCNAME,	/* xsd:NCName, as libxml2 checks it */
	A_LANG,		/* xsd:language, as libxml2 checks it */
	A_URI,		/* xsd:anyURI, as libxml2 checks it */
	A_DIRREF	/* pb:directive's ref: A_FIGNAME with kind="figure",
			 * else A_REF */
};

static const char *const atype_names[] = { "any", "figname", "ref",
	"nonempty", "ncname", "language", "uri", "figname type:ref" };

struct attr {
	const char		*name;	/* "xml:id", "xlink:href", "ref" */
	int			 required;
	const char *const	*choices;	/* NULL: not checked here */
	const struct range	*num;	/* a whole number, or NULL */
	enum atype		 type;
};

/* An optional attribute, a required one, either of a type, the end of a
 * list. */
#define OPT(n)		{ n, 0, NULL, NULL, A_ANY }
#define REQ(n)		{ n, 1, NULL, NULL, A_ANY }
#define OPTT(n, t)	{ n, 0, NULL, NULL, t }
#define REQT(n, t)	{ n, 1, NULL, NULL, t }
#define END		{ NULL, 0, NULL, NULL, A_ANY }
#define COMMON		OPTT("xml:id", A_NCNAME), OPTT("xml:lang", A_LANG), \
			OPT("role")

static const struct attr common_at[] = { COMMON, END };
static const struct attr article_at[] = { OPT("version"), COMMON, END };
static const struct attr itemized_at[] = { COMMON, OPT("mark"),
	{ "spacing", 0, spacing, NULL, A_ANY }, END };
static const struct attr ordered_at[] = { COMMON,
	{ "numeration", 0, numeration, NULL, A_ANY },
	{ "startingnumber", 0, NULL, &start, A_ANY },
	{ "spacing", 0, spacing, NULL, A_ANY }, END };
static const struct attr table_at[] = { COMMON, OPT("summary"),
	OPT("class"), END };
static const struct attr program_at[] = { COMMON, OPT("language"), END };
static const struct attr htmlcell_at[] = {
	{ "colspan", 0, NULL, &span, A_ANY },
	{ "rowspan", 0, NULL, &span, A_ANY },
	{ "align", 0, align, NULL, A_ANY }, END };
static const struct attr tgroup_at[] = { { "cols", 1, NULL, &span, A_ANY },
	{ "align", 0, align, NULL, A_ANY }, END };
static const struct attr colspec_at[] = { OPT("colname"),
	{ "colnum", 0, NULL, &span, A_ANY }, OPT("colwidth"),
	{ "align", 0, align, NULL, A_ANY }, END };
static const struct attr entry_at[] = { OPT("namest"), OPT("nameend"),
	{ "morerows", 0, NULL, &count, A_ANY },
	{ "align", 0, align, NULL, A_ANY }, END };
static const struct attr emphasis_at[] = { OPT("role"), END };
static const struct attr link_at[] = { REQT("xlink:href", A_URI),
	OPT("xlink:title"), END };
static const struct attr value_at[] = { REQT("ref", A_FIGNAME), END };
static const struct attr directive_at[] = {
	{ "kind", 1, kinds, NULL, A_ANY }, OPTT("ref", A_DIRREF),
	OPTT("name", A_REF), END };
static const struct attr cite_at[] = { REQT("ref", A_REF),
	OPTT("loc", A_NONEMPTY), END };
static const struct attr none_at[] = { END };

struct elem {
	const char		*name;	/* "para", "pb:value" */
	enum kind		 kind;
	enum content		 content;
	const struct attr	*attrs;
};

static const struct elem elems[] = {
	{ "article", K_PART, C_BLOCKS, article_at },
	{ "info", K_PART, C_OTHER, none_at },
	{ "title", K_PART, C_INLINES, none_at },
	{ "subtitle", K_PART, C_INLINES, none_at },
	{ "author", K_PART, C_OTHER, none_at },
	{ "personname", K_PART, C_OTHER, none_at },
	{ "honorific", K_PART, C_TEXT, none_at },
	{ "firstname", K_PART, C_TEXT, none_at },
	{ "surname", K_PART, C_TEXT, none_at },
	{ "orgname", K_PART, C_TEXT, none_at },
	{ "pubdate", K_PART, C_TEXT, none_at },
	{ "abstract", K_PART, C_OTHER, none_at },
	{ "section", K_SECTION, C_BLOCKS, common_at },
	{ "para", K_BLOCK, C_INLINES, common_at },
	{ "itemizedlist", K_BLOCK, C_OTHER, itemized_at },
	{ "orderedlist", K_BLOCK, C_OTHER, ordered_at },
	{ "listitem", K_PART, C_BLOCKS, common_at },
	{ "blockquote", K_BLOCK, C_OTHER, common_at },
	{ "attribution", K_PART, C_INLINES, none_at },
	{ "informaltable", K_BLOCK, C_OTHER, table_at },
	{ "programlisting", K_BLOCK, C_TEXT, program_at },
	{ "thead", K_PART, C_OTHER, none_at },
	{ "tfoot", K_PART, C_OTHER, none_at },
	{ "tbody", K_PART, C_OTHER, none_at },
	{ "tr", K_PART, C_OTHER, none_at },
	{ "th", K_PART, C_OTHER, htmlcell_at },
	{ "td", K_PART, C_OTHER, htmlcell_at },
	{ "tgroup", K_PART, C_OTHER, tgroup_at },
	{ "colspec", K_PART, C_EMPTY, colspec_at },
	{ "row", K_PART, C_OTHER, none_at },
	{ "entry", K_PART, C_OTHER, entry_at },
	{ "emphasis", K_INLINE, C_INLINES, emphasis_at },
	{ "link", K_INLINE, C_INLINES, link_at },
	{ "literal", K_INLINE, C_TEXT, none_at },
	{ "pb:value", K_INLINE, C_EMPTY, value_at },
	{ "pb:directive", K_BLOCK, C_EMPTY, directive_at },
	{ "pb:cite", K_INLINE, C_EMPTY, cite_at },
	{ NULL, K_PART, C_OTHER, NULL }
};

#define BLOCKS	"<para>, <itemizedlist>, <orderedlist>, <blockquote>, " \
	"<informaltable>, <programlisting> or <pb:directive>"
#define INLINES	"text, <emphasis>, <link>, <literal>, <pb:value> and <pb:cite>"
#define INFO	"<title>, <subtitle>?, <author>*, <pubdate>?, <abstract>?"

struct ck {
	const struct pb_xmlfile	*f;
	struct pb_diags		*d;
	xmlNodePtr		*said;	/* the nodes a message was about */
	size_t			 n;	/* entries of said */
	size_t			 marks;	/* of them without a message */
};

static void
say(struct ck *c, xmlNodePtr n, struct pb_src s, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
say(struct ck *c, xmlNodePtr n, struct pb_src s, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	pb_diag_verror(c->d, PB_ERROR, s.file ? s.file : c->f->file, s.line,
	    s.col, fmt, ap);
	va_end(ap);
	c->said = pb_grow(c->said, c->n, sizeof(*c->said));
	c->said[c->n++] = n;
}

/* Marks n as covered by a message said of another node. */
static void
say_none(struct ck *c, xmlNodePtr n)
{
	if (n == NULL || c->n == 0)
		return;
	c->said = pb_grow(c->said, c->n, sizeof(*c->said));
	c->said[c->n++] = n;
	c->marks++;
}

/* The element's name as the table has it ("pb:value"), or NULL when it is
 * in neither namespace. Points into a static buffer. */
static const char *
name_of(xmlNodePtr n)
{
	static _Thread_local char	 buf[128];
	const char			*ns = n->ns ? (const char *)n->ns->href :
					    "";

	if (strcmp(ns, DB_NS) == 0)
		snprintf(buf, sizeof(buf), "%s", (const char *)n->name);
	else if (strcmp(ns, PB_NS) == 0)
		snprintf(buf, sizeof(buf), "pb:%s", (const char *)n->name);
	else
		return NULL;
	return buf;
}

static const struct elem *
elem_of(xmlNodePtr n)
{
	const char	*name = name_of(n);
	size_t		 i;

	for (i = 0; name != NULL && elems[i].name != NULL; i++)
		if (strcmp(elems[i].name, name) == 0)
			return &elems[i];
	return NULL;
}

/* An attribute's name as the table has it ("xml:id", "xlink:href"). */
static void
attr_name(xmlAttrPtr a, char *buf, size_t sz)
{
	const char	*ns = a->ns ? (const char *)a->ns->href : NULL;

	if (ns != NULL && strcmp(ns, (const char *)XML_XML_NAMESPACE) == 0)
		snprintf(buf, sz, "xml:%s", (const char *)a->name);
	else if (ns != NULL && strcmp(ns, XLINK_NS) == 0)
		snprintf(buf, sz, "xlink:%s", (const char *)a->name);
	else if (ns != NULL)
		snprintf(buf, sz, "{%s}%s", ns, (const char *)a->name);
	else
		snprintf(buf, sz, "%s", (const char *)a->name);
}

/* Where the value of a, an attribute of n, starts: its name as written
 * ("xlink:type", "xml:id"), prefix and all, is looked up. */
static struct pb_src
attr_at(const struct ck *c, xmlNodePtr n, xmlAttrPtr a)
{
	struct pb_src	 s;
	char		*q;

	if (a->ns == NULL || a->ns->prefix == NULL)
		return pb_xmlfile_attr(c->f, n, (const char *)a->name);
	q = pb_xasprintf("%s:%s", (const char *)a->ns->prefix,
	    (const char *)a->name);
	s = pb_xmlfile_attr(c->f, n, q);
	free(q);
	return s;
}

/*
 * The value of a (named an), an attribute of n (known as e), against r:
 * a whole number as XML Schema writes one ("12", "+12", " 012 "), from
 * r->lo to r->hi.
 */
static void
num_check(struct ck *c, xmlNodePtr n, const struct elem *e, xmlAttrPtr a,
    const char *an, const struct range *r)
{
	xmlChar			*v = xmlNodeGetContent((xmlNodePtr)a);
	unsigned long		 x = 0;
	char			*end;
	int			 ok;

	ok = v != NULL && pb_xsd_valid((const char *)v, r->lo > 0 ?
	    "positiveInteger" : "nonNegativeInteger");
	if (ok && r->hi > 0) {
		errno = 0;
		x = strtoul((const char *)v, &end, 10);
		ok = errno == 0 && (r->hi == 0 || x <= r->hi);
	}
	if (!ok && r->hi > 0)
		say(c, n, attr_at(c, n, a), "%s '%s' on <%s> is not a whole "
		    "number from %lu to %lu", an, v ? (const char *)v : "",
		    e->name, r->lo, r->hi);
	else if (!ok)
		say(c, n, attr_at(c, n, a), "%s '%s' on <%s> is not a whole "
		    "number (%lu or more)", an, v ? (const char *)v : "",
		    e->name, r->lo);
	xmlFree(v);
}

/* Non-zero when v is a ref-token: [a-z0-9][a-z0-9_.-]*, at most 200. */
static int
reftoken_valid(const char *v)
{
	size_t	 n = strlen(v);

	return n >= 1 && n <= 200 && strchr("abcdefghijklmnopqrstuvwxyz"
	    "0123456789", v[0]) != NULL && v[0] != '\0' &&
	    strspn(v, "abcdefghijklmnopqrstuvwxyz0123456789_.-") == n;
}

/* Non-zero when v is valid as type t (not A_DIRREF: directive_check
 * says which type a directive's ref has). */
static int
type_valid(const char *v, enum atype t)
{
	size_t	 i;

	switch (t) {
	case A_FIGNAME:
		return pb_figname_valid(v);
	case A_REF:
		return reftoken_valid(v);
	case A_NONEMPTY:
		for (i = 0; v[i] != '\0'; i++)
			if (strchr(" \t\r\n", v[i]) == NULL)
				return 1;
		return 0;
	case A_NCNAME:
		return pb_xsd_valid(v, "NCName");
	case A_LANG:
		return pb_xsd_valid(v, "language");
	case A_URI:
		return pb_xsd_valid(v, "anyURI");
	default:
		return 1;
	}
}

/*
 * v with its blanks as sp and, when lower, in lower case, if that is
 * valid as t ("my-section" for "my section"); else NULL. The caller
 * frees it.
 */
static char *
mended(const char *v, enum atype t, char sp, int lower)
{
	char	*m = pb_xstrdup(v), *p;

	for (p = m; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			*p = sp;
		else if (lower && *p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	}
	if (strcmp(m, v) != 0 && type_valid(m, t))
		return m;
	free(m);
	return NULL;
}

/* What makes v, which libxml2 finds no xsd:anyURI, wrong, as far as can
 * be told: a control character, a bare '%', a second '#'. */
static const char *
uri_why(const char *v)
{
	const unsigned char	*p;
	const char		*h;

	for (p = (const unsigned char *)v; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return "it holds a control character (a tab or a line "
			    "break); write the address on one line, without "
			    "them";
	for (h = strchr(v, '%'); h != NULL; h = strchr(h + 1, '%'))
		if (!isxdigit((unsigned char)h[1]) ||
		    !isxdigit((unsigned char)h[2]))
			return "a '%' stands only before two hex digits: write "
			    "'%25' for a percent sign";
	if ((h = strchr(v, '#')) != NULL && strchr(h + 1, '#') != NULL)
		return "it has a second '#': write '%23' for the second";
	return "write it as https://host/path, with a port of digits "
	    "only";
}

/*
 * The value of a (named an), an attribute of n (known as e), against
 * type t: what a value of that type looks like, with the value mended
 * where blanks or capitals alone made it wrong.
 */
static void
type_check(struct ck *c, xmlNodePtr n, const struct elem *e, xmlAttrPtr a,
    const char *an, enum atype t)
{
	xmlChar		*xv;
	const char	*v, *what;
	char		*m = NULL;

	if (t == A_ANY)
		return;
	xv = xmlNodeGetContent((xmlNodePtr)a);
	v = xv != NULL ? (const char *)xv : "";
	if (type_valid(v, t)) {
		xmlFree(xv);
		return;
	}
	switch (t) {
	case A_FIGNAME:
		m = mended(v, t, '_', 1);
		say(c, n, attr_at(c, n, a), "%s '%s' on <%s> is not a figure "
		    "name: param.NAME, packet.NAME, ORG.NAME, ORG.PROGRAM.NAME "
		    "or ORG.MEMBER.NAME, in lower case, no spaces (%s%s%s)",
		    an, v, e->name, m ? "'" : "param.medicaid_share; see "
		    "peerbrief figures", m ? m : "", m ? "'?" : "");
		break;
	case A_REF:
		m = mended(v, t, '-', 1);
		what = strcmp(e->name, "pb:cite") == 0 ? "the id of a "
		    "<reference> in references.xml" : "an organization's id";
		say(c, n, attr_at(c, n, a), "%s '%s' on <%s> is not an id: "
		    "lower-case letters, digits, '-', '_' and '.', starting "
		    "with a letter or digit, no spaces, at most 200 "
		    "characters; write %s%s%s%s", an, v, e->name, what,
		    m ? " ('" : "", m ? m : "", m ? "'?)" : "");
		break;
	case A_NONEMPTY:
		say(c, n, attr_at(c, n, a), "%s on <%s> is empty: write it "
		    "(%s), or leave it out", an, e->name,
		    strcmp(an, "loc") == 0 ? "loc=\"section 7.5\"" : "text");
		break;
	case A_NCNAME:
		m = mended(v, t, '-', 0);
		say(c, n, attr_at(c, n, a), "%s '%s' on <%s> is not a name: "
		    "letters, digits, '-', '_' and '.', starting with a "
		    "letter or '_', no spaces or ':'%s%s%s", an, v, e->name,
		    m ? " ('" : "", m ? m : "", m ? "'?)" : "");
		break;
	case A_LANG:
		say(c, n, attr_at(c, n, a), "%s '%s' on <%s> is not a "
		    "language tag: letters, then '-' and letters or digits "
		    "(en, en-US, es)", an, v, e->name);
		break;
	case A_URI:
		say(c, n, attr_at(c, n, a), "%s '%s' on <%s> is not a URL: "
		    "%s", an, v, e->name, uri_why(v));
		break;
	default:
		break;
	}
	free(m);
	xmlFree(xv);
}

/* The value of attribute a, or NULL; the caller frees it. */
static char *
value_of(xmlAttrPtr a)
{
	return a != NULL ? (char *)xmlNodeGetContent((xmlNodePtr)a) : NULL;
}

/*
 * What the kind of a <pb:directive> asks of its other attributes: a
 * figure names its figure by ref, a chart its chart by name, and a
 * table (funding, practices, ...) may name an organization by ref. One
 * message for an attribute written in place of the other.
 */
static void
directive_check(struct ck *c, xmlNodePtr n, const struct elem *e)
{
	xmlAttrPtr	 ref = xmlHasProp(n, BAD_CAST "ref");
	xmlAttrPtr	 name = xmlHasProp(n, BAD_CAST "name");
	struct pb_buf	 b = { NULL, 0, 0 };
	char		*kv, *nv;
	int		 figure, chart, i, table = 0;

	if ((kv = value_of(xmlHasProp(n, BAD_CAST "kind"))) == NULL)
		return;
	figure = strcmp(kv, "figure") == 0;
	chart = strcmp(kv, "chart") == 0;
	for (i = 0; i < 4; i++)
		table |= strcmp(kv, kinds[i]) == 0;
	if (figure && ref == NULL && name != NULL)
		say(c, n, attr_at(c, n, name), "name on <pb:directive "
		    "kind=\"figure\">: a figure is named by ref, not name "
		    "(ref=\"param.medicaid_share\")");
	else if (figure && ref == NULL)
		say(c, n, pb_xmlfile_elem(c->f, n), "<pb:directive "
		    "kind=\"figure\"> needs a ref attribute, the figure's "
		    "name (ref=\"param.medicaid_share\")");
	else if (chart && name == NULL && ref != NULL)
		say(c, n, attr_at(c, n, ref), "ref on <pb:directive "
		    "kind=\"chart\">: a chart is named by name, not ref "
		    "(name=\"rday-rates\" or name=\"peer-staff\")");
	else if (chart && name == NULL)
		say(c, n, pb_xmlfile_elem(c->f, n), "<pb:directive "
		    "kind=\"chart\"> needs a name attribute, the chart's: "
		    "rday-rates or peer-staff");
	else {
		if ((figure || table) && ref != NULL)
			type_check(c, n, e, ref, "ref", figure ? A_FIGNAME :
			    A_REF);
		if (chart && ref != NULL)
			say(c, n, attr_at(c, n, ref), "ref on <pb:directive "
			    "kind=\"chart\">: a chart takes its name only");
		if ((figure || table) && name != NULL)
			say(c, n, attr_at(c, n, name), "name on "
			    "<pb:directive kind=\"%s\">: only a chart takes "
			    "a name", kv);
		nv = chart ? value_of(name) : NULL;
		if (nv != NULL && !reftoken_valid(nv)) {
			pb_buf_put(&b, "", 0);
			pb_chart_suggest(nv, &b);
			say(c, n, attr_at(c, n, name), "name '%s' on "
			    "<pb:directive kind=\"chart\"> is not a chart's "
			    "name: write %s", nv, b.data);
			pb_buf_free(&b);
		}
		xmlFree(nv);
	}
	xmlFree(kv);
}

/* Non-zero when n has the attribute the table names name ("xlink:href"). */
static int
has_attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr	 a;
	char		 an[256];

	for (a = n->properties; a != NULL; a = a->next) {
		attr_name(a, an, sizeof(an));
		if (strcmp(an, name) == 0)
			return 1;
	}
	return 0;
}

/* Unknown, missing and badly valued attributes of n (known as e). */
static void
attrs_check(struct ck *c, xmlNodePtr n, const struct elem *e)
{
	const char	*names[16], *near;
	char		 an[256];
	struct pb_buf	 b = { NULL, 0, 0 };
	xmlAttrPtr	 a;
	xmlChar		*v;
	size_t		 i, k, unknown = 0;

	for (k = 0; e->attrs[k].name != NULL && k < 16; k++)
		names[k] = e->attrs[k].name;
	for (a = n->properties; a != NULL; a = a->next) {
		attr_name(a, an, sizeof(an));
		for (i = 0; i < k && strcmp(names[i], an) != 0; i++)
			;
		if (i == k) {
			unknown++;
			near = k > 0 ? pb_nearest(an, names, k) : NULL;
			for (i = 0; near == NULL && i < k; i++)
				if (strchr(names[i], ':') != NULL &&
				    strcmp(strchr(names[i], ':') + 1, an) == 0)
					near = names[i];	/* href */
			/* a required one missing, unless it is the one
			 * meant */
			b.len = 0;
			pb_buf_put(&b, "", 0);
			for (i = 0; i < k; i++)
				pb_buf_printf(&b, "%s%s%s", i == 0 ? "" :
				    i + 1 == k ? " and " : ", ", names[i],
				    e->attrs[i].required && names[i] != near &&
				    !has_attr(n, names[i]) ? " (required, and "
				    "missing here)" : "");
			say(c, n, attr_at(c, n, a), "unknown attribute "
			    "'%s' on <%s>%s%s%s; "
			    "%s%s", an, e->name, near ? " (did you mean '" : "",
			    near ? near : "", near ? "'?)" : "", k ? "it takes "
			    : "it takes no attributes", b.data);
			continue;
		}
		if (e->attrs[i].num != NULL)
			num_check(c, n, e, a, an, e->attrs[i].num);
		if (e->attrs[i].type != A_DIRREF &&
		    strcmp(e->name, "pb:directive") != 0)
			type_check(c, n, e, a, an, e->attrs[i].type);
		if (e->attrs[i].choices == NULL)
			continue;
		v = xmlNodeGetContent((xmlNodePtr)a);
		for (k = 0; e->attrs[i].choices[k] != NULL &&
		    strcmp(e->attrs[i].choices[k], (char *)v) != 0; k++)
			;
		if (e->attrs[i].choices[k] == NULL) {
			b.len = 0;
			pb_buf_put(&b, "", 0);
			pb_buf_put_choices(&b, e->attrs[i].choices, k, 1);
			near = pb_nearest((char *)v, e->attrs[i].choices, k);
			say(c, n, attr_at(c, n, a), "%s '%s' on <%s> is not "
			    "one of %s%s%s%s",
			    an, (char *)v, e->name, b.data, near ?
			    "; did you mean '" : "", near ? near : "",
			    near ? "'?" : "");
		}
		xmlFree(v);
		for (k = 0; e->attrs[k].name != NULL; k++)
			names[k] = e->attrs[k].name;
	}
	for (i = 0; e->attrs[i].name != NULL; i++) {
		if (!e->attrs[i].required)
			continue;
		for (a = n->properties; a != NULL; a = a->next) {
			attr_name(a, an, sizeof(an));
			if (strcmp(an, e->attrs[i].name) == 0)
				break;
		}
		/* a misspelling of it, or an unknown attribute written in
		 * its place, is one problem, said above */
		if (a == NULL && unknown == 0)
			say(c, n, pb_xmlfile_elem(c->f, n), "<%s> needs a %s "
			    "attribute", e->name, e->attrs[i].name);
	}
	pb_buf_free(&b);
}

/* Non-zero when the text node t holds more than white space. */
static int
text_real(xmlNodePtr t)
{
	return (t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) &&
	    !xmlIsBlankNode(t);
}

/* The names the table knows, for "did you mean". */
static const char *
nearest_elem(const char *name)
{
	const char	*names[64];
	size_t		 n;

	for (n = 0; elems[n].name != NULL && n < 64; n++)
		names[n] = elems[n].name;
	return pb_nearest(name, names, n);
}

/* The children of p (known as e) against what e holds. */
static void
children_check(struct ck *c, xmlNodePtr p, const struct elem *e)
{
	const struct elem	*k;
	xmlNodePtr		 n;
	int			 first = 1, sections = 0;

	for (n = p->children; n != NULL; n = n->next) {
		if (text_real(n)) {
			if (e->content == C_BLOCKS || e->content == C_EMPTY)
				say(c, p, pb_xmlfile_text(c->f, n), "text "
				    "directly in <%s>%s", e->name,
				    e->content == C_EMPTY ? ", which holds "
				    "nothing" : ": put it in a <para>");
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((k = elem_of(n)) == NULL)
			continue;	/* said by the walk */
		if (e->content == C_TEXT || e->content == C_EMPTY)
			say(c, n, pb_xmlfile_elem(c->f, n), "<%s> cannot "
			    "stand in <%s>, which holds %s", k->name, e->name,
			    e->content == C_TEXT ? "text only" : "nothing");
		else if (e->content == C_INLINES && k->kind != K_INLINE)
			say(c, n, pb_xmlfile_elem(c->f, n), "<%s> cannot "
			    "stand in <%s>, which holds %s%s", k->name,
			    e->name, INLINES, k->kind == K_BLOCK ? ": close "
			    "the paragraph first" : "");
		else if (e->content == C_BLOCKS) {
			if (first && strcmp(e->name, "section") == 0 &&
			    strcmp(k->name, "title") != 0)
				say(c, n, pb_xmlfile_elem(c->f, n), "missing "
				    "<title>: a <section> starts with <title>,"
				    " then blocks (%s) and sections", BLOCKS);
			else if (first && strcmp(e->name, "article") == 0 &&
			    strcmp(k->name, "info") != 0)
				say(c, n, pb_xmlfile_elem(c->f, n), "missing "
				    "<info>: an <article> starts with "
				    "<info><title>...</title></info>");
			else if (first && (strcmp(k->name, "title") == 0 ||
			    strcmp(k->name, "info") == 0))
				;
			else if (k->kind == K_SECTION)
				sections = 1;
			else if (k->kind == K_BLOCK && sections)
				say(c, n, pb_xmlfile_elem(c->f, n), "<%s> after "
				    "a <section> in <%s>: its blocks come "
				    "before its first <section> (or put it in "
				    "a section)", k->name, e->name);
			else if (k->kind == K_INLINE)
				say(c, n, pb_xmlfile_elem(c->f, n), "<%s> "
				    "cannot stand directly in <%s>: put it in "
				    "a <para>", k->name, e->name);
			else if (k->kind == K_PART || (k->kind == K_SECTION &&
			    strcmp(e->name, "listitem") == 0))
				say(c, n, pb_xmlfile_elem(c->f, n), "<%s> "
				    "cannot stand in <%s>, which holds %s%s",
				    k->name, e->name, BLOCKS,
				    strcmp(e->name, "listitem") ? ", then "
				    "sections" : "");
		}
		first = 0;
	}
}

/* The order of <info>: INFO. */
static void
info_check(struct ck *c, xmlNodePtr p)
{
	static const char *const order[] = { "title", "subtitle", "author",
		"pubdate", "abstract", NULL };
	static const int many[] = { 0, 0, 1, 0, 0 };
	const char	*name;
	xmlNodePtr	 n;
	xmlNodePtr	 prev = NULL;
	size_t		 i;
	int		 at = -1, title = 0;

	for (n = p->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || (name = name_of(n)) == NULL)
			continue;
		for (i = 0; order[i] != NULL && strcmp(order[i], name) != 0;
		    i++)
			;
		if (order[i] == NULL) {
			if (elem_of(n) != NULL)
				say(c, n, pb_xmlfile_elem(c->f, n), "<%s> "
				    "cannot stand in <info>, which holds, in "
				    "this order: %s", name, INFO);
			continue;
		}
		if (i == 0)
			title = 1;
		if ((int)i < at || ((int)i == at && !many[i])) {
			say(c, n, pb_xmlfile_elem(c->f, n), "<%s> is out of "
			    "order, after <%s>: <info> holds, in this order: "
			    "%s", name, order[at], INFO);
			/* the validator's word is about the earlier one */
			say_none(c, prev);
			continue;
		}
		at = (int)i;
		prev = n;
	}
	if (!title)
		say(c, p, pb_xmlfile_elem(c->f, p), "missing <title>: <info> "
		    "starts with <title>, then %s", INFO + strlen("<title>, "));
}

/* The text of <pubdate>: a date, YYYY-MM-DD. */
static void
pubdate_check(struct ck *c, xmlNodePtr n)
{
	xmlChar			*v = xmlNodeGetContent(n);
	char			*s = (char *)v;
	size_t			 len;

	while (s != NULL && (*s == ' ' || *s == '\t' || *s == '\n' ||
	    *s == '\r'))
		s++;
	len = s ? strlen(s) : 0;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\n' || s[len - 1] == '\r'))
		s[--len] = '\0';
	if (s != NULL && (len != 10 || s[4] != '-' || s[7] != '-' ||
	    !pb_xsd_valid(s, "date")))
		say(c, n, pb_xmlfile_text(c->f, n), "pubdate '%s' is not a "
		    "date: write YYYY-MM-DD, a day that exists (2026-03-02 "
		    "for March 2, 2026)", s);
	xmlFree(v);
}

/* The number of element children of p named name ("": any). */
static size_t
count_named(xmlNodePtr p, const char *name)
{
	xmlNodePtr	 n;
	size_t		 k = 0;

	for (n = p->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && (*name == '\0' ||
		    (name_of(n) != NULL && strcmp(name_of(n), name) == 0)))
			k++;
	return k;
}

/* A list: <title>?, then one <listitem> or more. */
static void
list_check(struct ck *c, xmlNodePtr p, const struct elem *e)
{
	xmlNodePtr	 n;
	const char	*name;

	for (n = p->children; n != NULL; n = n->next) {
		if (text_real(n))
			say(c, p, pb_xmlfile_text(c->f, n), "text directly in "
			    "<%s>: put it in a <listitem><para>", e->name);
		if (n->type != XML_ELEMENT_NODE || elem_of(n) == NULL)
			continue;
		name = name_of(n);
		if (strcmp(name, "listitem") != 0 && (strcmp(name, "title") ||
		    n != xmlFirstElementChild(p)))
			say(c, n, pb_xmlfile_elem(c->f, n), "<%s> cannot stand "
			    "in <%s>, which holds <title>?, then <listitem>s",
			    name, e->name);
	}
	if (count_named(p, "listitem") == 0)
		say(c, p, pb_xmlfile_elem(c->f, p), "<%s> holds no "
		    "<listitem>: a list has one or more", e->name);
}

/* An article or section: after its <info> or <title>, at least one
 * block or section. */
static void
body_check(struct ck *c, xmlNodePtr p, const struct elem *e)
{
	size_t	 head = count_named(p, strcmp(e->name, "article") == 0 ?
		    "info" : "title");

	if (head > 0 && count_named(p, "") == head)
		say(c, p, pb_xmlfile_elem(c->f, p), "<%s> holds nothing "
		    "after its %s: add a <para> (or another block, or a "
		    "<section>)", e->name, strcmp(e->name, "article") == 0 ?
		    "<info>" : "<title>");
}

/* One step of a structure's order: one of names, min to max times (0:
 * no bound); "BLOCK" stands for any block. */
struct step {
	const char	*names[3];
	unsigned	 min, max;
	int		 one_kind;	/* of names, all of one only */
};

/* A structure: its element (in parent, NULL: anywhere), its steps in
 * order, how to say them, and where loose text should go. */
struct seq {
	const char	*name;
	const char	*parent;
	struct step	 steps[4];
	const char	*words;
	const char	*text;
};

#define HTML_PARTS "<thead>?, <tfoot>?, then <tbody>s or <tr>s"
#define HTML_TABLE HTML_PARTS " (or, in the CALS model, <tgroup>s of " \
	"<row>s and <entry>s)"

static const struct seq seqs[] = {
	{ "abstract", NULL, { { { "title" }, 0, 1, 0 },
	  { { "para" }, 1, 0, 0 } }, "<title>?, then one <para> or more",
	  "put it in a <para>" },
	{ "blockquote", NULL, { { { "title" }, 0, 1, 0 },
	  { { "attribution" }, 0, 1, 0 }, { { "BLOCK" }, 1, 0, 0 } },
	  "<title>?, <attribution>?, then blocks (" BLOCKS ")",
	  "put it in a <para>" },
	{ "author", NULL, { { { "personname", "orgname" }, 1, 1, 0 } },
	  "one <personname> or <orgname>",
	  "put the name in a <personname> (or an <orgname>)" },
	{ "personname", NULL, { { { "honorific" }, 0, 1, 0 },
	  { { "firstname" }, 0, 1, 0 }, { { "surname" }, 1, 1, 0 } },
	  "the name as text, or <honorific>?, <firstname>?, then <surname>",
	  NULL },
	{ "informaltable", NULL, { { { "thead" }, 0, 1, 0 },
	  { { "tfoot" }, 0, 1, 0 }, { { "tbody", "tr" }, 1, 0, 1 } },
	  HTML_TABLE, "put it in a <tr><td>" },
	{ "thead", "informaltable", { { { "tr" }, 1, 0, 0 } },
	  "one <tr> or more", "put it in a <tr><td>" },
	{ "tfoot", "informaltable", { { { "tr" }, 1, 0, 0 } },
	  "one <tr> or more", "put it in a <tr><td>" },
	{ "tbody", "informaltable", { { { "tr" }, 1, 0, 0 } },
	  "one <tr> or more", "put it in a <tr><td>" },
	{ "tr", NULL, { { { "td", "th" }, 1, 0, 0 } },
	  "one <td> or <th> or more", "put it in a <td>" },
	{ "tgroup", NULL, { { { "colspec" }, 0, 0, 0 },
	  { { "thead" }, 0, 1, 0 }, { { "tbody" }, 1, 1, 0 } },
	  "<colspec>*, <thead>?, then <tbody>", "put it in a <row><entry>" },
	{ "thead", "tgroup", { { { "row" }, 1, 0, 0 } },
	  "one <row> or more", "put it in a <row><entry>" },
	{ "tbody", "tgroup", { { { "row" }, 1, 0, 0 } },
	  "one <row> or more", "put it in a <row><entry>" },
	{ "row", NULL, { { { "entry" }, 1, 0, 0 } },
	  "one <entry> or more", "put it in an <entry>" },
	{ NULL, NULL, { { { NULL }, 0, 0, 0 } }, NULL, NULL }
};

/* A CALS informaltable: one <tgroup> or more. */
static const struct seq cals = { "informaltable", NULL,
    { { { "tgroup" }, 1, 0, 0 } }, "one <tgroup> or more (or, in the HTML "
    "model, " HTML_PARTS ")", "put it in a <tgroup>'s <row><entry>" };

/* The structure n is (known as e), or NULL. A CALS informaltable, whose
 * first element is a <tgroup>, holds <tgroup>s only. */
static const struct seq *
seq_of(xmlNodePtr n, const struct elem *e)
{
	const char	*parent = n->parent != NULL && n->parent->type ==
			    XML_ELEMENT_NODE ? name_of(n->parent) : NULL;
	char		 pbuf[128];
	xmlNodePtr	 k;
	size_t		 i;

	snprintf(pbuf, sizeof(pbuf), "%s", parent ? parent : "");
	if (strcmp(e->name, "informaltable") == 0) {
		for (k = n->children; k != NULL; k = k->next)
			if (k->type == XML_ELEMENT_NODE && elem_of(k) != NULL)
				break;
		if (k != NULL && strcmp(name_of(k), "tgroup") == 0)
			return &cals;
	}
	for (i = 0; seqs[i].name != NULL; i++)
		if (strcmp(seqs[i].name, e->name) == 0 &&
		    (seqs[i].parent == NULL || strcmp(seqs[i].parent,
		    pbuf) == 0))
			return &seqs[i];
	return NULL;
}

/* Marks the element children of p as covered by what was said of p: the
 * validator's word on a structure's order is about one of them. */
static void
children_covered(struct ck *c, xmlNodePtr p)
{
	xmlNodePtr	 n;

	for (n = p->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			say_none(c, n);
}

/* Non-zero when the element named name (known as k) is one of st's. */
static int
step_has(const struct step *st, const char *name, const struct elem *k)
{
	size_t	 i;

	for (i = 0; i < 3 && st->names[i] != NULL; i++)
		if (strcmp(st->names[i], name) == 0 ||
		    (strcmp(st->names[i], "BLOCK") == 0 && k->kind == K_BLOCK))
			return 1;
	return 0;
}

/* The steps of q. */
static size_t
steps_of(const struct seq *q)
{
	size_t	 n;

	for (n = 0; n < 4 && q->steps[n].names[0] != NULL; n++)
		;
	return n;
}

/* "<a>" or "<a> or <b>", of st, into buf. */
static const char *
step_words(const struct step *st, char *buf, size_t sz)
{
	if (strcmp(st->names[0], "BLOCK") == 0)
		snprintf(buf, sz, "a block");
	else if (st->names[1] == NULL)
		snprintf(buf, sz, "<%s>", st->names[0]);
	else
		snprintf(buf, sz, "<%s> or <%s>", st->names[0], st->names[1]);
	return buf;
}

/* Where seq_check stands in the steps of a structure. */
struct seq_at {
	size_t		 at;	/* the step of the last element taken */
	unsigned	 count;	/* the elements that step took */
	const char	*first;	/* the name of the first of them */
};

/*
 * Takes the element n (known as k), a child of the structure q, in the
 * step s stands at or a later one, saying first what is missing before
 * it; or says that it stands beside another kind, comes once too often,
 * is out of order or cannot stand there.
 */
static void
seq_take(struct ck *c, const struct seq *q, struct seq_at *s, xmlNodePtr n,
    const struct elem *k)
{
	const char	*name = k->name;
	size_t		 j, ns = steps_of(q);
	const char	*order = ns > 1 ? ", in this order:" : "";
	char		 w[64];

	for (j = s->at; j < ns && !step_has(&q->steps[j], name, k); j++)
		;
	if (j == s->at) {
		if (q->steps[j].one_kind && s->first != NULL &&
		    strcmp(s->first, name) != 0)
			say(c, n, pb_xmlfile_elem(c->f, n), "<%s> beside <%s> "
			    "in <%s>: it holds %s", name, s->first, q->name,
			    q->words);
		else if (q->steps[j].max > 0 && s->count >= q->steps[j].max)
			say(c, n, pb_xmlfile_elem(c->f, n), "a second %s in "
			    "<%s>, which holds%s %s", step_words(&q->steps[j],
			    w, sizeof(w)), q->name, order, q->words);
		else {
			s->count++;
			s->first = s->first ? s->first : name;
		}
		return;
	}
	if (j < ns) {
		for (; s->at < j; s->at++)
			if (s->count < q->steps[s->at].min) {
				say(c, n, pb_xmlfile_elem(c->f, n), "missing "
				    "%s before <%s>: <%s> holds%s %s",
				    step_words(&q->steps[s->at], w, sizeof(w)),
				    name, q->name, order, q->words);
				break;
			}
		s->at = j;
		s->count = 1;
		s->first = name;
		return;
	}
	for (j = 0; j < s->at && !step_has(&q->steps[j], name, k); j++)
		;
	if (j < s->at)
		say(c, n, pb_xmlfile_elem(c->f, n), "<%s> is out of order in "
		    "<%s>, which holds, in this order: %s", name, q->name,
		    q->words);
	else
		say(c, n, pb_xmlfile_elem(c->f, n), "<%s> cannot stand in "
		    "<%s>, which holds %s", name, q->name, q->words);
}

/*
 * The children of p, the structure q, in q's order: loose text, an
 * element that cannot stand there, one out of order or once too often
 * (seq_take), and what is missing (before the element it should precede,
 * or at p).
 */
static void
seq_check(struct ck *c, xmlNodePtr p, const struct seq *q)
{
	const struct elem	*k;
	struct seq_at		 s = { 0, 0, NULL };
	char			 w[64];
	size_t			 ns = steps_of(q);
	xmlNodePtr		 n;
	const char		*order = ns > 1 ? ", in this order:" : "";
	size_t			 before = c->n;
	int			 text = 0, elems = 0, unknown = 0;

	for (n = p->children; n != NULL; n = n->next) {
		if (text_real(n)) {
			if (q->text != NULL && text == 0)
				say(c, p, pb_xmlfile_text(c->f, n), "text "
				    "directly in <%s>: %s", q->name, q->text);
			text++;
		} else if (n->type == XML_ELEMENT_NODE) {
			elems++;
			if ((k = elem_of(n)) == NULL)
				unknown++;	/* said by the walk */
			else
				seq_take(c, q, &s, n, k);
		}
	}
	if (q->text == NULL && text && elems > 0) {
		say(c, p, pb_xmlfile_elem(c->f, p), "<%s> holds %s, not "
		    "both", q->name, q->words);
		children_covered(c, p);
		return;
	}
	/* a name as text, or none (name_check's); or what is missing
	 * follows from a problem said above */
	if ((q->text == NULL && (text || elems == 0)) || c->n > before ||
	    unknown > 0)
		return;
	for (; s.at < ns; s.at++, s.count = 0)
		if (s.count < q->steps[s.at].min) {
			say(c, p, pb_xmlfile_elem(c->f, p), "missing %s in "
			    "<%s>, which holds%s %s", step_words(
			    &q->steps[s.at], w, sizeof(w)), q->name, order,
			    q->words);
			children_covered(c, p);
			break;
		}
}

/*
 * A table cell (<td>, <th>, <entry>): text and inlines, or blocks, not
 * both, and nothing else.
 */
static void
cell_check(struct ck *c, xmlNodePtr p, const struct elem *e)
{
	const struct elem	*k;
	xmlNodePtr		 n, inl = NULL, blk = NULL;

	for (n = p->children; n != NULL; n = n->next) {
		if (text_real(n) && inl == NULL)
			inl = n;
		if (n->type != XML_ELEMENT_NODE || (k = elem_of(n)) == NULL)
			continue;
		if (k->kind == K_INLINE && inl == NULL)
			inl = n;
		else if (k->kind == K_BLOCK && blk == NULL)
			blk = n;
		else if (k->kind != K_INLINE && k->kind != K_BLOCK)
			say(c, n, pb_xmlfile_elem(c->f, n), "<%s> cannot stand "
			    "in <%s>, which holds %s, or blocks (%s)", k->name,
			    e->name, INLINES, BLOCKS);
	}
	if (inl != NULL && blk != NULL)
		say(c, p, inl->type == XML_ELEMENT_NODE ? pb_xmlfile_elem(c->f,
		    inl) : pb_xmlfile_text(c->f, inl), "<%s> holds text and "
		    "inline elements, or blocks, not both: put the text in a "
		    "<para>", e->name);
	if (inl != NULL && blk != NULL)
		children_covered(c, p);
}

/* A name (<surname>, <orgname>, ...; <personname> as text) that is empty
 * or only spaces. */
static void
name_check(struct ck *c, xmlNodePtr n, const struct elem *e)
{
	xmlChar	*v;
	size_t	 i;

	if (xmlFirstElementChild(n) != NULL)
		return;
	v = xmlNodeGetContent(n);
	for (i = 0; v != NULL && strchr(" \t\r\n", v[i]) != NULL &&
	    v[i] != '\0'; i++)
		;
	if (v == NULL || v[i] == '\0')
		say(c, n, pb_xmlfile_elem(c->f, n), "<%s> is empty: %s",
		    e->name, strcmp(e->name, "personname") == 0 ? "write the "
		    "name, or <firstname> and <surname>" : "write the name, "
		    "or leave the element out");
	xmlFree(v);
}

/*
 * An element the table does not know, n: the nearest known name and what
 * its parent holds; in a structure (a table, an author), the nearest of
 * the names that structure takes, or the DocBook name of a name's part
 * written as another ("lastname" for <surname>).
 */
static void
unknown_say(struct ck *c, xmlNodePtr n)
{
	static const char *const alias[][2] = { { "lastname", "surname" },
		{ "familyname", "surname" }, { "givenname", "firstname" },
		{ "forename", "firstname" }, { "name", "personname" },
		{ NULL, NULL } };
	const struct elem	*e;
	const struct seq	*q = NULL;
	const char		*name = name_of(n), *near = NULL, *names[12];
	char			 nbuf[128];
	struct pb_buf		 tail = { NULL, 0, 0 };
	size_t			 i, j, k = 0;

	snprintf(nbuf, sizeof(nbuf), "%s", name ? name : (const char *)n->name);
	e = n->parent != NULL && n->parent->type == XML_ELEMENT_NODE ?
	    elem_of(n->parent) : NULL;
	if (e != NULL && e->content == C_OTHER)
		q = seq_of(n->parent, e);
	pb_buf_put(&tail, "", 0);
	if (q != NULL) {
		for (i = 0; i < steps_of(q); i++)
			for (j = 0; j < 3 && q->steps[i].names[j] != NULL; j++)
				if (strcmp(q->steps[i].names[j], "BLOCK") &&
				    k < 12)
					names[k++] = q->steps[i].names[j];
		for (i = 0; name != NULL && alias[i][0] != NULL; i++)
			for (j = 0; j < k && !strcmp(alias[i][0], nbuf); j++)
				if (strcmp(alias[i][1], names[j]) == 0)
					near = names[j];
		if (near == NULL && name != NULL)
			near = pb_nearest(nbuf, names, k);
		pb_buf_printf(&tail, "; <%s> holds%s %s", q->name,
		    steps_of(q) > 1 ? ", in this order:" : "", q->words);
	} else {
		near = name ? nearest_elem(nbuf) : NULL;
		if (e != NULL && e->content == C_BLOCKS)
			pb_buf_puts(&tail, "; a block is one of " BLOCKS);
		else if (e != NULL && e->content == C_INLINES)
			pb_buf_printf(&tail, "; <%s> holds " INLINES, e->name);
	}
	say(c, n, pb_xmlfile_elem(c->f, n), "unknown element <%s>%s%s%s%s%s",
	    nbuf, name ? "" : " (of another namespace)", near ?
	    "; did you mean <" : "", near ? near : "", near ? ">?" : "",
	    tail.data);
	pb_buf_free(&tail);
}

/*
 * Checks the element n and everything under it, without recursion on
 * the C stack deeper than the tree's own nesting of known elements.
 */
static void
walk(struct ck *c, xmlNodePtr root)
{
	const struct seq	*sq;
	const struct elem	*e;
	xmlNodePtr		 n = root;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE) {
			if ((e = elem_of(n)) == NULL) {
				unknown_say(c, n);
				/* nothing under it is looked at */
				n = pb_tree_skip(n, root);
				continue;
			}
			attrs_check(c, n, e);
			if (strcmp(e->name, "pb:directive") == 0)
				directive_check(c, n, e);
			if (strcmp(e->name, "info") == 0)
				info_check(c, n);
			else if (strcmp(e->name, "pubdate") == 0)
				pubdate_check(c, n);
			else if (e->content != C_OTHER)
				children_check(c, n, e);
			else if ((sq = seq_of(n, e)) != NULL)
				seq_check(c, n, sq);
			else if (strcmp(e->name, "td") == 0 ||
			    strcmp(e->name, "th") == 0 ||
			    strcmp(e->name, "entry") == 0)
				cell_check(c, n, e);
			if (strcmp(e->name, "personname") == 0 ||
			    strcmp(e->name, "honorific") == 0 ||
			    strcmp(e->name, "firstname") == 0 ||
			    strcmp(e->name, "surname") == 0 ||
			    strcmp(e->name, "orgname") == 0)
				name_check(c, n, e);
			if (strcmp(e->name, "itemizedlist") == 0 ||
			    strcmp(e->name, "orderedlist") == 0)
				list_check(c, n, e);
			else if (e->content == C_BLOCKS &&
			    strcmp(e->name, "listitem") != 0)
				body_check(c, n, e);
		}
		n = pb_tree_next(n, root);
	}
}

size_t
pb_plainpos_check(const struct pb_xmlfile *f, xmlDocPtr doc,
    struct pb_diags *d, xmlNodePtr **said, size_t *nsaid)
{
	struct ck	 c = { f, d, NULL, 0, 0 };
	xmlNodePtr	 root = xmlDocGetRootElement(doc);

	if (root != NULL)
		walk(&c, root);
	*said = c.said;
	*nsaid = c.n;
	return c.n - c.marks;
}

/* Appends q's "seq" line to b: "seq NAME[ in PARENT]: STEP, ...", each
 * step its names (by '|', in order), MIN..MAX (MAX empty: no bound) and
 * " one" when its elements are all of one name. */
static void
seq_describe(struct pb_buf *b, const struct seq *q)
{
	const struct step	*st;
	const char		*v[3], *t;
	size_t			 i, j, k, n;

	pb_buf_printf(b, "seq %s%s%s:", q->name, q->parent ? " in " : "",
	    q->parent ? q->parent : "");
	for (i = 0; i < steps_of(q); i++) {
		st = &q->steps[i];
		for (n = 0; n < 3 && st->names[n] != NULL; n++)
			v[n] = st->names[n];
		for (j = 1; j < n; j++)	/* sorted, as rngpos.py writes them */
			for (k = j; k > 0 && strcmp(v[k - 1], v[k]) > 0; k--) {
				t = v[k];
				v[k] = v[k - 1];
				v[k - 1] = t;
			}
		pb_buf_puts(b, i == 0 ? " " : ", ");
		for (j = 0; j < n; j++)
			pb_buf_printf(b, "%s%s", j ? "|" : "", v[j]);
		pb_buf_printf(b, " %u..", st->min);
		if (st->max > 0)
			pb_buf_printf(b, "%u", st->max);
		if (st->one_kind)
			pb_buf_puts(b, " one");
	}
	pb_buf_putc(b, '\n');
}

void
pb_plainpos_describe(struct pb_buf *b)
{
	const struct range	*r;
	size_t			 i, k, j;

	for (i = 0; elems[i].name != NULL; i++) {
		pb_buf_printf(b, "element %s\n", elems[i].name);
		for (k = 0; elems[i].attrs[k].name != NULL; k++) {
			pb_buf_printf(b, "attr %s %s", elems[i].attrs[k].name,
			    elems[i].attrs[k].required ? "required" :
			    "optional");
			for (j = 0; elems[i].attrs[k].choices != NULL &&
			    elems[i].attrs[k].choices[j] != NULL; j++)
				pb_buf_printf(b, " %s",
				    elems[i].attrs[k].choices[j]);
			if ((r = elems[i].attrs[k].num) != NULL && r->hi > 0)
				pb_buf_printf(b, " int:%lu..%lu", r->lo, r->hi);
			else if (r != NULL)
				pb_buf_printf(b, " int:%lu..", r->lo);
			if (elems[i].attrs[k].type != A_ANY)
				pb_buf_printf(b, " type:%s",
				    atype_names[elems[i].attrs[k].type]);
			pb_buf_putc(b, '\n');
		}
	}
	for (i = 0; seqs[i].name != NULL; i++)
		seq_describe(b, &seqs[i]);
	seq_describe(b, &cals);
}
