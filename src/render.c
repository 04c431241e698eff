/*
 * render.c - driving libxslt: each stylesheet compiled once, one transform
 * context per document under security preferences, errors collected.
 */
#define _GNU_SOURCE	/* memmem */

#include <sys/random.h>

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/xmlsave.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/imports.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "hash.h"
#include "inject.h"
#include "pb.h"
#include "render.h"
#include "tree.h"
#include "xmlread.h"

/* Parts of a result kept for the rest of the build (see splice). */
struct part {
	struct pb_buf	 text;
	int		 used;	/* rendered or written by this build */
};

struct memo {
	pthread_mutex_t	 lock;
	xmlHashTablePtr	 parts;	/* key -> struct part * */
	char		 slot[PB_HASH_HEX]; /* stands for a part's values
					   (splice), the stylesheets' slot */
	size_t		 kept;	/* bytes of the parts' text, in all */
	xmlHashTablePtr	 words;	/* a figure's attributes -> its display
				   (pb_render_displays) */
};

/*
 * A stylesheet's xsl:strip-space and xsl:preserve-space rules, taken out
 * of the compiled stylesheet and applied by strip_apply (see there).
 */
struct strip_rule {
	xmlChar		*ns;	/* namespace URI, NULL for none */
	xmlChar		*name;	/* local name, or "*" for any in ns */
	int		 level;	/* import level: the first level that names
				   an element decides */
	int		 strip;	/* 1 strip, 0 preserve */
};

struct strip {
	struct strip_rule	*rule;
	size_t			 n;
	/* (name, namespace) of each rule but "*" -> the rules' answer */
	xmlHashTablePtr		 named;
	/* the namespace of each rule -> the answer for its other names */
	xmlHashTablePtr		 any;
};

struct pb_styles {
	char			*dir;
	xsltStylesheetPtr	 xsl[PB_FMT__MAX];
	struct strip		 strip[PB_FMT__MAX];
	char			*css;
	xsltSecurityPrefsPtr	 sec;
	int			 pdf;	/* the build writes PDFs */
	struct memo		 memo;
	pthread_mutex_t		 lock;	/* over the five below */
	pthread_cond_t		 done;	/* signalled as each compiles, and
					   as the build plans or ends */
	unsigned		 ready;	/* a bit per format compiled, or
					   failed (sheet) */
	unsigned		 want;	/* a bit per format asked for */
	int			 planned; /* defer is known (pb_styles_plan) */
	int			 defer;	/* LATER formats only when asked for */
	int			 finish;  /* no more is asked for */
};

/*
 * The formats a rebuild may need none of: the charts' SVG (no packet it
 * builds places a chart) and the site's pages (reused as they were).
 */
#define LATER	(1u << PB_FMT_SVG | 1u << PB_FMT_INDEX | 1u << PB_FMT_FEED | \
		 1u << PB_FMT_SITEMAP)

/* Where stylesheet errors go while one stage runs. */
struct sink {
	const char	*file;
	struct pb_diags	*d;
	struct pb_buf	 msg;
};
static _Thread_local struct sink *sink;

/* Collects libxslt's (printf-style, piecewise) error text. */
static void
on_generic(void *ctx, const char *fmt, ...)
{
	va_list	 ap;
	char	 buf[1024];

	(void)ctx;
	if (sink == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	pb_buf_puts(&sink->msg, buf);
}

/* Lines libxslt adds around the one that says what went wrong. */
static int
noise(const char *line)
{
	static const char *const starts[] = {
		"xsltLoadDocument:", "xsltLoadStyleDocument:", "xsltDocumentElem:",
		"xsl:include : unable to load", "xsl:import : unable to load",
		"runtime error:", "compilation error:"
	};
	size_t	 i;

	if (strcmp(line, "error") == 0 || strcmp(line, "warning") == 0)
		return 1;
	for (i = 0; i < sizeof(starts) / sizeof(starts[0]); i++)
		if (strncmp(line, starts[i], strlen(starts[i])) == 0)
			return 1;
	return 0;
}

/*
 * Turns the error text libxslt printed during one stage into diagnostics:
 * each distinct message once, at the stylesheet line libxslt names ("file
 * F line N"), else at s->file. A stylesheet that fails is the program's
 * trouble, not the input's: these are system errors (exit 3).
 */
static void
sink_flush(struct sink *s)
{
	char		*line, *next, *p, file[1024] = "";
	unsigned long	 lineno = 0;
	size_t		 i, n = 0, k;
	char		**seen = NULL;

	if (s->msg.len == 0)
		return;
	/* the first "file F line N" says where */
	for (p = s->msg.data; (p = strstr(p, "file ")) != NULL; p++)
		if (sscanf(p, "file %1023s line %lu", file, &lineno) == 2)
			break;
	if (p == NULL)
		file[0] = '\0';
	for (line = s->msg.data; line != NULL && *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (*line == '\0' || noise(line))
			continue;
		for (i = 0; i < n; i++)
			if (strcmp(seen[i], line) == 0)
				break;
		if (i < n)
			continue;
		seen = pb_grow(seen, n, sizeof(*seen));
		seen[n++] = line;
	}
	if (n == 0 && s->msg.len > 0) {
		/* only noise: say what there is */
		seen = pb_grow(seen, n, sizeof(*seen));
		seen[n++] = (char *)"the stylesheet failed";
	}
	for (k = 0; k < n; k++)
		pb_diag_system(s->d, file[0] ? file : s->file,
		    file[0] ? lineno : 0, 0, "%s", seen[k]);
	free(seen);
	pb_buf_free(&s->msg);
}

/*
 * Starts collecting errors for one stage of this thread. libxml2's
 * generic error handler is per thread; libxslt's is process-wide, set
 * once by pb_styles_open, and on_generic finds the thread's sink;
 * transforms report through their context (xsltSetTransformErrorFunc).
 */
static void
sink_begin(struct sink *s, const char *file, struct pb_diags *d)
{
	s->file = file;
	s->d = d;
	memset(&s->msg, 0, sizeof(s->msg));
	sink = s;
	xmlSetGenericErrorFunc(NULL, on_generic);
}

static void
sink_end(struct sink *s)
{
	sink_flush(s);
	sink = NULL;
	xmlSetGenericErrorFunc(NULL, NULL);
}

/* Security check for file reads: only inside allowed folders. */
static int
read_check(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt,
    const char *value)
{
	(void)sec;
	(void)ctxt;
	return pb_xml_allowed(value);
}

/*
 * The section structure of Markdown bodies, for docbook-body.xsl, which
 * nests DocBook sections that Markdown leaves flat. The owner of a child
 * element of a cm:document is the element whose section holds it: for a
 * block, the nearest heading before it; for a heading of level N, the
 * nearest heading before it of a level below N; the cm:document itself
 * when there is none. pb:section-owned(), on a cm:document or a heading
 * among its children, returns the children it owns, in document order.
 * The owners of a document's children are found in one pass with a stack
 * of the open headings and kept for the transform (xsltGetExtData); a
 * heading's children are looked for only within its own section, so the
 * sections of a document cost time linear in its children (times the
 * six levels at most).
 */
#define PB_EXT_URI	"urn:peerbrief:1"

struct owners {
	xmlNodePtr	 parent;	/* the cm:document they are of */
	xmlNodePtr	*kid, *own;	/* its element children, their owners */
	size_t		 n, cur;	/* how many; where the last lookup was */
};

/* What a transform keeps for the functions below (xsltGetExtData). */
struct ext {
	struct owners	 owners;	/* pb:section-owned */
	xmlDocPtr	 doc;		/* pb:entry: the packet, */
	xmlHashTablePtr	 entries;	/* its entries' anchors */
};

/* A top-level heading's level, 1 to 6; 0 for any other node. */
static int
heading_level(xmlNodePtr n)
{
	xmlAttrPtr	 a;
	const xmlChar	*v;

	if (n->type != XML_ELEMENT_NODE || n->ns == NULL ||
	    !xmlStrEqual(n->name, BAD_CAST "heading") ||
	    !xmlStrEqual(n->ns->href, BAD_CAST "http://commonmark.org/xml/1.0"))
		return 0;
	for (a = n->properties; a != NULL; a = a->next)
		if (a->ns == NULL && xmlStrEqual(a->name, BAD_CAST "level") &&
		    a->children != NULL &&
		    (v = a->children->content) != NULL &&
		    v[0] >= '1' && v[0] <= '6' && v[1] == '\0')
			return v[0] - '0';
	return 6;
}

/* Finds the owner of every element child of parent into o. */
static void
owners_find(struct owners *o, xmlNodePtr parent)
{
	xmlNodePtr	 open[7] = { NULL }, c;
	size_t		 i;
	int		 l, j;

	o->parent = parent;
	o->n = o->cur = 0;
	for (c = parent->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			o->n++;
	free(o->kid);
	free(o->own);
	o->kid = pb_xcalloc(o->n + 1, sizeof(*o->kid));
	o->own = pb_xcalloc(o->n + 1, sizeof(*o->own));
	for (i = 0, c = parent->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		l = heading_level(c);
		o->kid[i] = c;
		o->own[i] = parent;
		for (j = (l ? l : 7) - 1; j >= 1; j--)
			if (open[j] != NULL) {
				o->own[i] = open[j];
				break;
			}
		if (l) {
			open[l] = c;
			for (j = l + 1; j <= 6; j++)
				open[j] = NULL;
		}
		i++;
	}
}

static void *
ext_init(xsltTransformContextPtr ctxt, const xmlChar *uri)
{
	(void)ctxt;
	(void)uri;
	return pb_xcalloc(1, sizeof(struct ext));
}

static void
ext_free(xsltTransformContextPtr ctxt, const xmlChar *uri, void *data)
{
	struct ext	*e = data;

	(void)ctxt;
	(void)uri;
	if (e != NULL) {
		free(e->owners.kid);
		free(e->owners.own);
		xmlHashFree(e->entries, NULL);
		free(e);
	}
}

/* Whether n is a cm:document. */
static int
is_cm_document(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    xmlStrEqual(n->name, BAD_CAST "document") &&
	    xmlStrEqual(n->ns->href, BAD_CAST "http://commonmark.org/xml/1.0");
}

/* pb:section-owned(): see above; an empty node-set on any other node. */
static void
section_owned(xmlXPathParserContextPtr ctxt, int nargs)
{
	xsltTransformContextPtr	 t = xsltXPathGetTransformContext(ctxt);
	xmlNodePtr		 n = ctxt->context->node, parent;
	xmlNodeSetPtr		 set = xmlXPathNodeSetCreate(NULL);
	struct ext		*e;
	struct owners		*o;
	size_t			 i, k, from = 0, to;
	int			 level = 0, l;

	if (nargs != 0) {
		xmlXPathFreeNodeSet(set);
		xmlXPathSetArityError(ctxt);
		return;
	}
	if (t == NULL || n == NULL || n->type != XML_ELEMENT_NODE ||
	    (e = xsltGetExtData(t, BAD_CAST PB_EXT_URI)) == NULL ||
	    (parent = is_cm_document(n) ? n : n->parent) == NULL) {
		valuePush(ctxt, xmlXPathWrapNodeSet(set));
		return;
	}
	o = &e->owners;
	if (o->parent != parent)
		owners_find(o, parent);
	to = o->n;
	if (n != parent) {
		/* the sections are asked for in document order: look on
		 * from the last one first */
		for (i = 0; i < o->n; i++)
			if (o->kid[(o->cur + i) % o->n] == n)
				break;
		if (i == o->n || (level = heading_level(n)) == 0) {
			valuePush(ctxt, xmlXPathWrapNodeSet(set));
			return;
		}
		from = (o->cur + i) % o->n + 1;
		o->cur = from;
		/* its section ends at the next heading of its level or above */
		for (to = from; to < o->n; to++)
			if ((l = heading_level(o->kid[to])) > 0 && l <= level)
				break;
	}
	for (k = from; k < to; k++)
		if (o->own[k] == n)
			xmlXPathNodeSetAddUnique(set, o->kid[k]);
	valuePush(ctxt, xmlXPathWrapNodeSet(set));
}

/*
 * pb:entry(NODES): whether the string of the first of NODES is the anchor
 * of an entry of the appendix (/pb:packet/pb:figures/pb:figure/@anchor)
 * of that node's tree. As key() would say, without the index of every
 * key that a transform's first key() makes of the whole tree: the
 * anchors are read once per transform, at the first call.
 */
static void
xpath_entry(xmlXPathParserContextPtr ctxt, int nargs)
{
	xsltTransformContextPtr	 t = xsltXPathGetTransformContext(ctxt);
	xmlXPathObjectPtr	 arg;
	xmlNodePtr		 n, c, f;
	xmlChar			*s = NULL, *a;
	struct ext		*e;
	int			 found = 0;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	if ((arg = valuePop(ctxt)) == NULL || (arg->type != XPATH_NODESET &&
	    arg->type != XPATH_XSLT_TREE)) {
		xmlXPathFreeObject(arg);
		xmlXPathSetTypeError(ctxt);
		return;
	}
	if (t != NULL && arg->nodesetval != NULL &&
	    arg->nodesetval->nodeNr > 0 &&
	    (n = arg->nodesetval->nodeTab[0])->doc != NULL &&
	    (e = xsltGetExtData(t, BAD_CAST PB_EXT_URI)) != NULL) {
		if (e->doc != n->doc) {
			xmlHashFree(e->entries, NULL);
			e->entries = xmlHashCreate(0);
			e->doc = n->doc;
			c = xmlDocGetRootElement(e->doc);
			for (c = c != NULL && pb_tree_is_pb(c, "packet") ?
			    c->children : NULL; c != NULL; c = c->next)
				if (pb_tree_is_pb(c, "figures"))
					break;
			for (f = c != NULL ? c->children : NULL; f != NULL;
			    f = f->next)
				if (pb_tree_is_pb(f, "figure") &&
				    (a = xmlGetNoNsProp(f, BAD_CAST
				    "anchor")) != NULL) {
					xmlHashAddEntry(e->entries, a, e);
					xmlFree(a);
				}
		}
		s = xmlXPathCastNodeToString(n);
		found = s != NULL && xmlHashLookup(e->entries, s) != NULL;
	}
	xmlFree(s);
	xmlXPathFreeObject(arg);
	valuePush(ctxt, xmlXPathNewBoolean(found));
}

/* pb:digest, pb:kept and splice: parts rendered once per build (see
 * splice). */

/* Appends n bytes to b: inline while they fit, the call to grow it only
 * when they do not (b is hashed by its length, never read as a string). */
static inline void
dput(struct pb_buf *b, const void *s, size_t n)
{
	if (b->len + n < b->cap) {
		memcpy(b->data + b->len, s, n);
		b->len += n;
	} else
		pb_buf_put(b, s, n);
}

/* Appends string s and its NUL to b. */
static inline void
dputs(struct pb_buf *b, const xmlChar *s)
{
	dput(b, s, strlen((const char *)s) + 1);
}

/* Adds node n and everything under it to b: names, attributes, text
 * (hashed at once by xpath_digest: a node's pieces are small, and hashing
 * each on its own cost more than the rest of the digest). */
static void
digest_node(struct pb_buf *b, xmlNodePtr n)
{
	xmlAttrPtr	 a;
	xmlNodePtr	 c;
	char		 t = (char)('A' + (int)n->type);

	dput(b, &t, 1);
	switch (n->type) {
	case XML_ELEMENT_NODE:
		dputs(b, n->ns != NULL ? n->ns->href : BAD_CAST "");
		dputs(b, n->name);
		for (a = n->properties; a != NULL; a = a->next)
			digest_node(b, (xmlNodePtr)a);
		for (c = n->children; c != NULL; c = c->next)
			digest_node(b, c);
		dput(b, "/", 1);
		break;
	case XML_ATTRIBUTE_NODE:
		dputs(b, n->ns != NULL ? n->ns->href : BAD_CAST "");
		dputs(b, n->name);
		/* the value: its text nodes, read where they are */
		for (c = n->children; c != NULL; c = c->next)
			if (c->content != NULL)
				dput(b, c->content,
				    strlen((const char *)c->content));
		dput(b, "", 1);
		break;
	case XML_DOCUMENT_NODE:
	case XML_HTML_DOCUMENT_NODE:
		for (c = n->children; c != NULL; c = c->next)
			digest_node(b, c);
		break;
	default:
		dputs(b, n->content != NULL ? n->content : BAD_CAST "");
		break;
	}
}

/*
 * pb:digest(ARG...): a hash (32 hex digits) of its arguments, in order:
 * of a node-set, every node of it with all it holds; of any other value,
 * its string.
 */
static void
xpath_digest(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlXPathObjectPtr	*args;
	struct pb_buf		 b = { NULL, 0, 0 };
	xmlChar			*str;
	char			 hex[PB_HASH_HEX];
	int			 i, k;

	pb_buf_put(&b, "", 0);	/* room for dput from the start */
	args = pb_xcalloc((size_t)nargs + 1, sizeof(*args));
	for (i = nargs - 1; i >= 0; i--)
		args[i] = valuePop(ctxt);
	for (i = 0; i < nargs; i++) {
		if (args[i] == NULL)
			continue;
		if (args[i]->type == XPATH_NODESET ||
		    args[i]->type == XPATH_XSLT_TREE) {
			pb_buf_putc(&b, 'N');
			for (k = 0; args[i]->nodesetval != NULL &&
			    k < args[i]->nodesetval->nodeNr; k++)
				digest_node(&b, args[i]->nodesetval->nodeTab[k]);
		} else {
			str = xmlXPathCastToString(args[i]);
			pb_buf_putc(&b, 'S');
			pb_buf_puts(&b, (const char *)str);
			xmlFree(str);
		}
		pb_buf_put(&b, "", 1);
		xmlXPathFreeObject(args[i]);
	}
	free(args);
	pb_hash_format(pb_hash_data(b.data, b.len), hex);
	pb_buf_free(&b);
	valuePush(ctxt, xmlXPathNewString(BAD_CAST hex));
}

/* The build's memo, from the transform running this XPath function. */
static struct memo *
xpath_memo(xmlXPathParserContextPtr ctxt)
{
	xsltTransformContextPtr	 t = xsltXPathGetTransformContext(ctxt);
	struct pb_styles	*s;

	if (t == NULL || (s = t->_private) == NULL)
		return NULL;
	return &s->memo;
}

static void xpath_display_known(xmlXPathParserContextPtr, int);

/* Whether the transform running this XPath function spliced parts in. */
static _Thread_local int spliced;

/* pb:kept(KEY): whether the build has kept the part KEY (see splice). */
static void
xpath_kept(xmlXPathParserContextPtr ctxt, int nargs)
{
	struct memo	*m;
	struct part	*part;
	xmlChar		*key;
	int		 kept = 0;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	key = xmlXPathPopString(ctxt);
	if ((m = xpath_memo(ctxt)) != NULL && key != NULL) {
		pthread_mutex_lock(&m->lock);
		part = xmlHashLookup(m->parts, key);
		kept = part != NULL;
		pthread_mutex_unlock(&m->lock);
	}
	spliced = 1;
	xmlFree(key);
	valuePush(ctxt, xmlXPathNewBoolean(kept));
}

/* Frees a kept part (xmlHashFree). */
static void
memo_part_free(void *payload, const xmlChar *name)
{
	struct part	*part = payload;

	(void)name;
	pb_buf_free(&part->text);
	free(part);
}

/*
 * The marker of a part in a serialized result (NUL-terminated, as every
 * pb_buf is): <?pb-part KEY?> stands
 * for the part kept as KEY, and <?pb-part-begin KEY?> and <?pb-part-end
 * KEY?> surround a part rendered in place, to be kept. No text or
 * attribute of the result can hold "<?", which the serializer escapes.
 */
enum marker { MARK_NONE, MARK_ONE, MARK_BEGIN, MARK_END, MARK_SLOTS };

/* The marker at p (n bytes to the end), its key in *key (*keylen bytes)
 * and its length in *len; MARK_NONE when p starts no marker. */
static enum marker
marker_at(const char *p, size_t n, const char **key, size_t *keylen,
    size_t *len)
{
	static const struct { const char *s; enum marker m; } v[] = {
		{ "<?pb-part ", MARK_ONE }, { "<?pb-part-begin ", MARK_BEGIN },
		{ "<?pb-part-end ", MARK_END }, { "<?pb-slots ", MARK_SLOTS } };
	const char	*e;
	size_t		 i, l;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		l = strlen(v[i].s);
		if (n < l || memcmp(p, v[i].s, l) != 0)
			continue;
		if ((e = strstr(p + l, "?>")) == NULL || e >= p + n)
			return MARK_NONE;
		*key = p + l;
		*keylen = (size_t)(e - *key);
		*len = (size_t)(e + 2 - p);
		return v[i].m;
	}
	return MARK_NONE;
}

/* The most text splice keeps of parts, in all. */
#define MEMO_MAX	((size_t)8 << 20)

/* The values of a part's slots: up to nine, from <?pb-slots V1 V2 ...?>. */
struct slots {
	const char	*v[9];
	size_t		 len[9];
	size_t		 n;
};

/*
 * Splits the n bytes at p, values separated by one space, into *sl; 0
 * when there are more than nine or one is empty or holds a byte other
 * than a letter, a digit, '.', '_' or '-' (a value is written as it is,
 * and such a value needs no escaping in any text or attribute).
 */
static int
slots_read(struct slots *sl, const char *p, size_t n)
{
	const char	*e = p + n, *q;

	sl->n = 0;
	while (p < e) {
		for (q = p; q < e && *q != ' '; q++)
			if (!(*q >= 'a' && *q <= 'z') && !(*q >= 'A' &&
			    *q <= 'Z') && !(*q >= '0' && *q <= '9') &&
			    *q != '.' && *q != '_' && *q != '-')
				return 0;
		if (q == p || sl->n == 9)
			return 0;
		sl->v[sl->n] = p;
		sl->len[sl->n++] = (size_t)(q - p);
		p = q < e ? q + 1 : e;
		if (q < e && p == e)
			return 0;	/* a space at the end */
	}
	return sl->n > 0;
}

/*
 * Appends the n bytes of part at p to r, each slot (the memo's slot and
 * a digit K) written as the Kth value of sl, or as it is when sl is NULL.
 * 0 when a slot names no value.
 */
static int
put_part(struct pb_buf *r, const char *p, size_t n, const struct memo *m,
    const struct slots *sl)
{
	const char	*e = p + n, *q;
	size_t		 sn = strlen(m->slot);
	unsigned	 k;

	if (sl == NULL) {
		pb_buf_put(r, p, n);
		return 1;
	}
	while ((q = memmem(p, (size_t)(e - p), m->slot, sn)) != NULL) {
		pb_buf_put(r, p, (size_t)(q - p));
		if (q + sn == e || (k = (unsigned)(q[sn] - '1')) >= sl->n)
			return 0;
		pb_buf_put(r, sl->v[k], sl->len[k]);
		p = q + sn + 1;
	}
	pb_buf_put(r, p, (size_t)(e - p));
	return 1;
}

/*
 * Parts rendered once per build. Every packet showing the same
 * organizations with the same figures shows the same tables and appendix:
 * the stylesheet names such a part by a key that says everything the part
 * depends on (pb:digest of the nodes it reads, and the parameters it
 * uses). The first packet to need it renders it in place between
 * <?pb-part-begin KEY?> and <?pb-part-end KEY?>; every later one asks
 * pb:kept(KEY) and writes <?pb-part KEY?> instead. Here, in the
 * serialized result, the text between begin and end is kept as KEY (the
 * parts inside it spliced in) and <?pb-part KEY?> is replaced by it: the
 * bytes the part would have had rendered in place, never rendered or
 * serialized again. A part is kept only while the parts kept hold under
 * MEMO_MAX bytes: memory stays bounded however many packets differ. A
 * part is rendered only when a packet being built needs it, so a build
 * of one packet renders only that packet's.
 *
 * A part that differs from packet to packet only in a few words (the ids
 * of a table a position places) is rendered with the stylesheets' param
 * slot and a digit K in place of the Kth of them, and its marker follows
 * <?pb-slots V1 V2 ...?>, this packet's words: the part is kept with its
 * slots and written with the words. slot is made afresh for each build,
 * so no input can hold it. Such a part is inside no other (which would
 * keep this packet's words). Returns 0 when the markers do not pair up,
 * name a part never kept, or give words not as said.
 */
static int
splice(struct memo *m, struct pb_buf *out)
{
	struct pb_buf	 r = { NULL, 0, 0 }, t = { NULL, 0, 0 };
	struct part	*part;
	struct {
		const char	*key;
		size_t		 keylen, at;
		struct slots	 sl;
		int		 slotted;
	}		 open[16];
	struct slots	 sl = { { NULL }, { 0 }, 0 };
	const char	*p, *q, *end, *key;
	size_t		 keylen, len, nopen = 0;
	xmlChar		*k;
	enum marker	 mk;
	int		 ok = 1, slotted = 0;

	pb_buf_put(&r, "", 0);
	for (p = out->data, end = out->data + out->len; ok && p < end; ) {
		if ((q = strstr(p, "<?pb-")) == NULL)
			q = end;
		pb_buf_put(&r, p, (size_t)(q - p));
		if (q == end)
			break;
		if ((mk = marker_at(q, (size_t)(end - q), &key, &keylen,
		    &len)) == MARK_NONE) {
			pb_buf_put(&r, q, 5);	/* not a marker: text */
			p = q + 5;
			continue;
		}
		p = q + len;
		if (mk == MARK_SLOTS) {
			/* for the next part, and only one, which no other
			 * holds: a part kept keeps no packet's words */
			ok = !slotted && nopen == 0 &&
			    slots_read(&sl, key, keylen);
			slotted = 1;
			continue;
		}
		k = xmlStrndup(BAD_CAST key, (int)keylen);
		pthread_mutex_lock(&m->lock);
		part = xmlHashLookup(m->parts, k);
		if (mk == MARK_ONE && part != NULL) {
			part->used = 1;
			ok = put_part(&r, part->text.data, part->text.len, m,
			    slotted ? &sl : NULL);
		} else if (mk == MARK_ONE)
			ok = 0;
		else if (mk == MARK_BEGIN && nopen < 16) {
			open[nopen].key = key;
			open[nopen].keylen = keylen;
			open[nopen].at = r.len;
			open[nopen].sl = sl;
			open[nopen++].slotted = slotted;
		} else if (mk == MARK_END && nopen > 0 && !slotted &&
		    open[nopen - 1].keylen == keylen &&
		    memcmp(open[nopen - 1].key, key, keylen) == 0) {
			nopen--;
			len = r.len - open[nopen].at;
			if (part == NULL && len <= MEMO_MAX - m->kept) {
				part = pb_xcalloc(1, sizeof(*part));
				pb_buf_put(&part->text, r.data +
				    open[nopen].at, len);
				part->used = 1;
				m->kept += len;
				xmlHashAddEntry(m->parts, k, part);
			} else if (part != NULL)
				part->used = 1;
			if (open[nopen].slotted) {
				/* the part as this packet has it */
				pb_buf_put(&t, r.data + open[nopen].at, len);
				r.len = open[nopen].at;
				ok = put_part(&r, t.data, t.len, m,
				    &open[nopen].sl);
				t.len = 0;
			}
		} else
			ok = 0;
		pthread_mutex_unlock(&m->lock);
		slotted = 0;
		xmlFree(k);
	}
	pb_buf_free(&t);
	if (ok && nopen == 0 && !slotted) {
		pb_buf_free(out);
		*out = r;
	} else
		pb_buf_free(&r);
	return ok && nopen == 0 && !slotted;
}

/*
 * The parts a build kept, for the next build to start with: a rebuild
 * of one packet then renders none of the parts it shares with the
 * packets it reuses. The text is
 *	peerbrief parts 1 STAMP SLOT\n
 * then, for each part, KEYLEN TEXTLEN\n, the key and the text. STAMP
 * says what else than its key a part depends on (the program, templates
 * and schemas, the project's settings, the build's options: the caller
 * makes it); SLOT is the slot the build wrote the parts' slots with.
 * The parts this build used come first, then others while they hold
 * under half of MEMO_MAX, so that parts no packet uses any more give way.
 */
struct parts_out {
	struct pb_buf	*out;
	int		 used;	/* the parts to write: used or not */
	size_t		 budget; /* how much more of the others */
};

static void
parts_put(void *payload, void *data, const xmlChar *key)
{
	struct part		*part = payload;
	struct parts_out	*o = data;
	size_t			 n = strlen((const char *)key);

	if (part->used != o->used)
		return;
	if (!o->used) {
		if (n + part->text.len > o->budget)
			return;
		o->budget -= n + part->text.len;
	}
	pb_buf_printf(o->out, "%zu %zu\n", n, part->text.len);
	pb_buf_put(o->out, (const char *)key, n);
	pb_buf_put(o->out, part->text.data, part->text.len);
}

void
pb_styles_parts_save(struct pb_styles *s, const char *stamp,
    struct pb_buf *out)
{
	struct parts_out	 o = { out, 1, MEMO_MAX / 2 };

	pb_buf_printf(out, "peerbrief parts 1 %s %s\n", stamp, s->memo.slot);
	pthread_mutex_lock(&s->memo.lock);
	xmlHashScan(s->memo.parts, parts_put, &o);
	o.used = 0;
	xmlHashScan(s->memo.parts, parts_put, &o);
	pthread_mutex_unlock(&s->memo.lock);
}

void
pb_styles_parts_load(struct pb_styles *s, const char *stamp,
    const char *data, size_t len)
{
	struct memo	*m = &s->memo;
	struct part	*part;
	const char	*p = data, *e = data + len, *q;
	char		 slot[PB_HASH_HEX];
	uint64_t	 kn, tn;
	size_t		 sn = PB_HASH_HEX - 1;
	xmlChar		*k;

	/* what another build wrote with another stamp is of no use */
	q = memchr(p, '\n', len);
	if (q == NULL || strncmp(p, "peerbrief parts 1 ", 18) != 0 ||
	    (size_t)(q - p) != 18 + strlen(stamp) + 1 + sn ||
	    memcmp(p + 18, stamp, strlen(stamp)) != 0 ||
	    p[18 + strlen(stamp)] != ' ')
		return;
	memcpy(slot, q - sn, sn);
	slot[sn] = '\0';
	p = q + 1;
	pthread_mutex_lock(&m->lock);
	while (p < e && pb_u64_read(&p, ' ', &kn) &&
	    pb_u64_read(&p, '\n', &tn) && kn > 0 && kn <= (uint64_t)(e - p) &&
	    tn <= (uint64_t)(e - p) - kn) {
		k = xmlStrndup(BAD_CAST p, (int)kn);
		if (tn <= MEMO_MAX - m->kept &&
		    xmlHashLookup(m->parts, k) == NULL) {
			/* its slots as this build writes them */
			part = pb_xcalloc(1, sizeof(*part));
			pb_buf_put(&part->text, "", 0);
			for (q = p + kn; q < p + kn + tn; q += sn) {
				const char *at = memmem(q,
				    (size_t)(p + kn + tn - q), slot, sn);

				if (at == NULL)
					at = p + kn + tn;
				pb_buf_put(&part->text, q, (size_t)(at - q));
				if (at == p + kn + tn)
					break;
				pb_buf_put(&part->text, m->slot, sn);
				q = at;
			}
			m->kept += tn;
			xmlHashAddEntry(m->parts, k, part);
		}
		xmlFree(k);
		p += kn + tn;
	}
	pthread_mutex_unlock(&m->lock);
}

/*
 * Whitespace-only text between the elements a stylesheet's xsl:strip-space
 * names is layout, not content; libxslt removes it before a transform by
 * looking every element of the tree up in each imported stylesheet's
 * table, a fifth of an HTML transform's own time. strip_take moves those
 * rules out of the compiled stylesheet st (and its imports) into s, and
 * strip_apply (pb_render_strip) removes the same text nodes in one walk,
 * once for each tree, before any transform of it: the stylesheets still
 * say what is stripped. A stylesheet
 * with strip-space="*" or preserve-space="*" is left to libxslt. Like
 * libxslt's, the strip does not reach documents the stylesheet loads with
 * document() (templates/practices.xml, which none of the rules names).
 */
struct strip_scan {
	struct strip	*s;
	int		 level;
};

static void
strip_scan(void *payload, void *data, const xmlChar *name,
    const xmlChar *ns, const xmlChar *unused)
{
	struct strip_scan	*c = data;
	struct strip_rule	*r;

	(void)unused;
	c->s->rule = pb_grow(c->s->rule, c->s->n, sizeof(*c->s->rule));
	r = &c->s->rule[c->s->n++];
	r->ns = ns != NULL ? xmlStrdup(ns) : NULL;
	r->name = xmlStrdup(name);
	r->level = c->level;
	r->strip = xmlStrEqual(payload, BAD_CAST "strip");
}

/* The answers in struct strip's tables (anything not NULL will do). */
static char	 strip_yes, strip_no;

/* Whether the rules strip the whitespace-only text children of an
 * element NAME of namespace ns: as libxslt decides it
 * (xsltFindElemSpaceHandling), the first import level with a rule for
 * its name, else for "*" in its namespace. */
static int
strip_rules(const struct strip *s, const xmlChar *ns, const xmlChar *name)
{
	size_t	 i;
	int	 rank, best = INT_MAX, strip = 0;

	for (i = 0; i < s->n; i++) {
		const struct strip_rule *r = &s->rule[i];

		if (r->ns == NULL ? ns != NULL : ns == NULL ||
		    !xmlStrEqual(r->ns, ns))
			continue;
		if (xmlStrEqual(r->name, name))
			rank = 2 * r->level;
		else if (ns != NULL && xmlStrEqual(r->name, BAD_CAST "*"))
			rank = 2 * r->level + 1;
		else
			continue;
		if (rank < best) {
			best = rank;
			strip = r->strip;
		}
	}
	return strip;
}

static void
strip_take(struct strip *s, xsltStylesheetPtr st)
{
	xsltStylesheetPtr	 cur;
	struct strip_scan	 c;
	const struct strip_rule	*r;
	size_t			 i;

	for (cur = st; cur != NULL; cur = xsltNextImport(cur))
		if (cur->stripAll != 0)
			return;
	c.s = s;
	c.level = 0;
	for (cur = st; cur != NULL; cur = xsltNextImport(cur), c.level++)
		if (cur->stripSpaces != NULL) {
			xmlHashScanFull(cur->stripSpaces, strip_scan, &c);
			xmlHashFree(cur->stripSpaces, NULL);
			cur->stripSpaces = NULL;
		}
	/* each element is looked up once, not against every rule: the
	 * answer for each name a rule names, and for each namespace's
	 * other names ("*"; no element is named "*") */
	s->named = xmlHashCreate(0);
	s->any = xmlHashCreate(0);
	for (i = 0; i < s->n; i++) {
		r = &s->rule[i];
		if (!xmlStrEqual(r->name, BAD_CAST "*"))
			xmlHashAddEntry2(s->named, r->name, r->ns,
			    strip_rules(s, r->ns, r->name) ? &strip_yes :
			    &strip_no);
		else if (r->ns != NULL)
			xmlHashAddEntry(s->any, r->ns, strip_rules(s, r->ns,
			    r->name) ? &strip_yes : &strip_no);
	}
	/* every namespace a rule names is in any (strip_apply) */
	for (i = 0; i < s->n; i++)
		if (s->rule[i].ns != NULL)
			xmlHashAddEntry(s->any, s->rule[i].ns, &strip_no);
}

static void
strip_free(struct strip *s)
{
	size_t	 i;

	for (i = 0; i < s->n; i++) {
		xmlFree(s->rule[i].ns);
		xmlFree(s->rule[i].name);
	}
	free(s->rule);
	xmlHashFree(s->named, NULL);
	xmlHashFree(s->any, NULL);
	memset(s, 0, sizeof(*s));
}

/* strip_rules for element e, from the tables. */
static int
strip_element(const struct strip *s, xmlNodePtr e)
{
	const xmlChar	*ns = e->ns != NULL ? e->ns->href : NULL;
	const char	*v;

	if ((v = xmlHashLookup2(s->named, e->name, ns)) == NULL &&
	    ns != NULL)
		v = xmlHashLookup(s->any, ns);
	return v == &strip_yes;
}

/* A text node of nothing but XML white space (libxslt's IS_BLANK_NODE). */
static int
blank_text(xmlNodePtr n)
{
	const xmlChar	*p;

	if (n->type != XML_TEXT_NODE)
		return 0;
	for (p = n->content; p != NULL && *p != '\0'; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			return 0;
	return 1;
}

/* Removes from tree the text nodes the rules strip (the tree is changed
 * in place, as libxslt changes it). */
static void
strip_apply(const struct strip *s, xmlDocPtr tree)
{
	xmlNodePtr	 top = xmlDocGetRootElement(tree), n, c, next;
	xmlNsPtr	 seen = NULL;	/* a namespace no rule names */

	if (s->n == 0 || top == NULL)
		return;
	for (n = top; n != NULL; n = pb_tree_next(n, top)) {
		if (n->type != XML_ELEMENT_NODE || n->children == NULL ||
		    (n->ns != NULL && n->ns == seen))
			continue;
		if (!strip_element(s, n)) {
			/* most elements are of a namespace no rule names
			 * (CommonMark's): say so once for its node */
			if (n->ns != NULL &&
			    xmlHashLookup(s->any, n->ns->href) == NULL)
				seen = n->ns;
			continue;
		}
		for (c = n->children; c != NULL; c = next) {
			next = c->next;
			if (blank_text(c)) {
				xmlUnlinkNode(c);
				xmlFreeNode(c);
			}
		}
	}
}

static xsltStylesheetPtr
compile(const char *dir, const char *name, struct pb_diags *d)
{
	char			*path;
	xsltStylesheetPtr	 st;
	struct sink		 s;

	path = pb_xasprintf("%s/%s", dir, name);
	sink_begin(&s, path, d);
	st = xsltParseStylesheetFile(BAD_CAST path);
	if (st == NULL && s.msg.len == 0)
		pb_diag_system(d, path, 0, 0, "cannot compile stylesheet");
	else if (st != NULL && st->errors > 0) {
		if (s.msg.len == 0)
			pb_diag_system(d, path, 0, 0,
			    "stylesheet has errors");
		xsltFreeStylesheet(st);
		st = NULL;
	}
	sink_end(&s);
	free(path);
	return st;
}

static const char *const style_names[PB_FMT__MAX] = {
	"html.xsl", "docbook.xsl", "index.xsl", "feed.xsl", "svg.xsl",
	"sitemap.xsl", "numbers.xsl"
};

/* The order they compile in: each as soon as a packet needs it. */
static const enum pb_format compile_order[PB_FMT__MAX] = {
	PB_FMT_NUMBERS, PB_FMT_HTML, PB_FMT_DOCBOOK, PB_FMT_SVG,
	PB_FMT_INDEX, PB_FMT_FEED, PB_FMT_SITEMAP
};

/*
 * libxslt makes its table of dynamically loaded extension modules the
 * first time a stylesheet names an extension namespace no module
 * registers (html.xsl names EXSLT's), without a lock: a stylesheet that
 * names one is compiled here once, in one thread, before stylesheets
 * compile in one thread while others transform.
 */
static void
modules_table(void)
{
	static const char	 xsl[] = "<xsl:stylesheet version='1.0' "
	    "xmlns:xsl='http://www.w3.org/1999/XSL/Transform' "
	    "xmlns:e='http://exslt.org/common' "
	    "extension-element-prefixes='e'/>";
	xmlDocPtr		 doc;
	xsltStylesheetPtr	 st;

	if ((doc = xmlReadMemory(xsl, (int)sizeof(xsl) - 1, NULL, NULL,
	    XML_PARSE_NONET)) == NULL)
		return;
	if ((st = xsltParseStylesheetDoc(doc)) != NULL)
		xsltFreeStylesheet(st);	/* and doc with it */
	else
		xmlFreeDoc(doc);
}

/*
 * A new slot (see splice): 32 hex digits from the system's random
 * numbers, else from the time, the process and an address, so that no
 * input written before the build can hold it.
 */
static void
slot_make(char slot[PB_HASH_HEX])
{
	struct {
		unsigned char	 r[16];
		struct timespec	 t;
		pid_t		 pid;
		void		*at;
	}		 seed;

	memset(&seed, 0, sizeof(seed));
	if (getrandom(seed.r, sizeof(seed.r), GRND_NONBLOCK) !=
	    (ssize_t)sizeof(seed.r)) {
		clock_gettime(CLOCK_REALTIME, &seed.t);
		seed.pid = getpid();
		seed.at = &seed;
	}
	pb_hash_format(pb_hash_data(&seed, sizeof(seed)), slot);
}

struct pb_styles *
pb_styles_open(const char *dir, struct pb_diags *d)
{
	static pthread_once_t	 once = PTHREAD_ONCE_INIT;
	struct pb_styles	*s;
	char			*path;
	size_t			 len;
	char			 real[PATH_MAX];

	if (realpath(dir, real) == NULL) {
		pb_diag_system(d, dir, 0, 0, "templates folder not found");
		return NULL;
	}
	s = pb_xcalloc(1, sizeof(*s));
	s->dir = pb_xstrdup(real);
	path = pb_xasprintf("%s/style.css", s->dir);
	if (!pb_file_read(path, &s->css, &len, d)) {
		free(path);
		free(s->dir);
		free(s);
		return NULL;
	}
	free(path);
	pb_xml_allow(s->dir);
	s->sec = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(s->sec, XSLT_SECPREF_READ_NETWORK,
	    xsltSecurityForbid);
	xsltSetSecurityPrefs(s->sec, XSLT_SECPREF_WRITE_NETWORK,
	    xsltSecurityForbid);
	xsltSetSecurityPrefs(s->sec, XSLT_SECPREF_WRITE_FILE,
	    xsltSecurityForbid);
	xsltSetSecurityPrefs(s->sec, XSLT_SECPREF_CREATE_DIRECTORY,
	    xsltSecurityForbid);
	xsltSetSecurityPrefs(s->sec, XSLT_SECPREF_READ_FILE, read_check);
	xsltSetDefaultSecurityPrefs(s->sec);
	/* libxslt's own messages, to whichever sink the thread has open */
	xsltSetGenericErrorFunc(NULL, on_generic);
	xsltRegisterExtModule(BAD_CAST PB_EXT_URI, ext_init, ext_free);
	xsltRegisterExtModuleFunction(BAD_CAST "entry",
	    BAD_CAST PB_EXT_URI, xpath_entry);
	xsltRegisterExtModuleFunction(BAD_CAST "section-owned",
	    BAD_CAST PB_EXT_URI, section_owned);
	xsltRegisterExtModuleFunction(BAD_CAST "digest",
	    BAD_CAST PB_EXT_URI, xpath_digest);
	xsltRegisterExtModuleFunction(BAD_CAST "kept",
	    BAD_CAST PB_EXT_URI, xpath_kept);
	xsltRegisterExtModuleFunction(BAD_CAST "display-known",
	    BAD_CAST PB_EXT_URI, xpath_display_known);
	pthread_once(&once, modules_table);
	pthread_mutex_init(&s->memo.lock, NULL);
	slot_make(s->memo.slot);
	s->memo.parts = xmlHashCreate(0);
	s->memo.words = xmlHashCreate(0);
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->done, NULL);
	s->planned = 1;	/* every one, unless pb_styles_await_plan */
	return s;
}

void
pb_styles_await_plan(struct pb_styles *s)
{
	s->planned = 0;
}

/* Sets what pb_styles_plan, pb_styles_finish say, under the lock. */
static void
styles_say(struct pb_styles *s, int defer, int finish)
{
	pthread_mutex_lock(&s->lock);
	if (!s->planned) {
		s->planned = 1;
		s->defer = defer;
	}
	s->finish |= finish;
	pthread_cond_broadcast(&s->done);
	pthread_mutex_unlock(&s->lock);
}

void
pb_styles_plan(struct pb_styles *s, int defer)
{
	styles_say(s, defer, 0);
}

void
pb_styles_finish(struct pb_styles *s)
{
	styles_say(s, 0, 1);
}

/* Makes f ready, compiled or failed (xsl[f] NULL), under the lock. */
static void
styles_ready(struct pb_styles *s, enum pb_format f)
{
	s->ready |= 1u << f;
	pthread_cond_broadcast(&s->done);
}

/* Whether f is to compile now: every one unless deferred and not asked. */
static int
styles_now(struct pb_styles *s, enum pb_format f)
{
	int	 now;

	pthread_mutex_lock(&s->lock);
	while ((LATER & 1u << f) && !s->planned)
		pthread_cond_wait(&s->done, &s->lock);
	now = !(LATER & 1u << f) || !s->defer || (s->want & 1u << f);
	pthread_mutex_unlock(&s->lock);
	return now;
}

/* Compiles f's stylesheet into s. */
static void
styles_one(struct pb_styles *s, enum pb_format f, struct pb_diags *d)
{
	if ((s->xsl[f] = compile(s->dir, style_names[f], d)) != NULL)
		strip_take(&s->strip[f], s->xsl[f]);
}

/*
 * Compiles the stylesheet of each format for which only is PB_FMT__MAX or
 * that format, in compile_order, each made ready (sheet) as it compiles;
 * the others are made ready with none. A rebuild that reuses packets
 * (pb_styles_plan) compiles the LATER ones only as they are asked for
 * (sheet), until pb_styles_finish: the same templates compiled without a
 * problem for the build that wrote those packets. 0 when one failed.
 */
static int
styles_compile(struct pb_styles *s, enum pb_format only,
    struct pb_diags *d)
{
	size_t		 errs = d->errors, i;
	enum pb_format	 f;
	unsigned	 left = 0, ask;

	for (i = 0; i < PB_FMT__MAX; i++) {
		f = compile_order[i];
		if (only == PB_FMT__MAX && !styles_now(s, f)) {
			left |= 1u << f;
			continue;
		}
		if (only == PB_FMT__MAX || f == only)
			styles_one(s, f, d);
		pthread_mutex_lock(&s->lock);
		styles_ready(s, f);
		pthread_mutex_unlock(&s->lock);
	}
	pthread_mutex_lock(&s->lock);
	while (left != 0) {
		if ((ask = s->want & left) == 0) {
			if (s->finish)
				break;
			pthread_cond_wait(&s->done, &s->lock);
			continue;
		}
		for (i = 0; !(ask & 1u << compile_order[i]); i++)
			;
		f = compile_order[i];
		left &= ~(1u << f);
		pthread_mutex_unlock(&s->lock);
		styles_one(s, f, d);
		pthread_mutex_lock(&s->lock);
		styles_ready(s, f);
	}
	s->ready |= left;	/* never asked for: none */
	pthread_cond_broadcast(&s->done);
	pthread_mutex_unlock(&s->lock);
	return d->errors == errs;
}

int
pb_styles_compile(struct pb_styles *s, struct pb_diags *d)
{
	return styles_compile(s, PB_FMT__MAX, d);
}

/* fmt's stylesheet, once pb_styles_compile has come to it; NULL: failed. */
static xsltStylesheetPtr
sheet(struct pb_styles *s, enum pb_format fmt)
{
	pthread_mutex_lock(&s->lock);
	if (!(s->want & 1u << fmt)) {
		s->want |= 1u << fmt;
		pthread_cond_broadcast(&s->done);
	}
	while (!(s->ready & 1u << fmt))
		pthread_cond_wait(&s->done, &s->lock);
	pthread_mutex_unlock(&s->lock);
	return s->xsl[fmt];
}

/* pb_styles_open and styles_compile: NULL when either failed. */
static struct pb_styles *
styles_load(const char *dir, enum pb_format only, struct pb_diags *d)
{
	struct pb_styles	*s;

	if ((s = pb_styles_open(dir, d)) != NULL && !styles_compile(s, only,
	    d)) {
		pb_styles_free(s);
		s = NULL;
	}
	return s;
}

struct pb_styles *
pb_styles_load(const char *dir, struct pb_diags *d)
{
	return styles_load(dir, PB_FMT__MAX, d);
}

void
pb_styles_free(struct pb_styles *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	for (i = 0; i < PB_FMT__MAX; i++)
		if (s->xsl[i] != NULL) {
			xsltFreeStylesheet(s->xsl[i]);
			strip_free(&s->strip[i]);
		}
	xsltSetDefaultSecurityPrefs(NULL);
	xsltSetGenericErrorFunc(NULL, NULL);
	xmlHashFree(s->memo.parts, memo_part_free);
	xmlHashFree(s->memo.words, xmlHashDefaultDeallocator);
	pthread_mutex_destroy(&s->memo.lock);
	pthread_mutex_destroy(&s->lock);
	pthread_cond_destroy(&s->done);
	if (s->sec != NULL)
		xsltFreeSecurityPrefs(s->sec);
	free(s->css);
	free(s->dir);
	free(s);
}

void
pb_styles_set_pdf(struct pb_styles *s, int pdf)
{
	s->pdf = pdf;
}

/* Serializes an HTML result in XML syntax (void elements as <br />). */
static int
save_html(xmlDocPtr res, struct pb_buf *out)
{
	xmlBufferPtr	 b;
	xmlSaveCtxtPtr	 sv;
	int		 ok;

	b = xmlBufferCreate();
	sv = xmlSaveToBuffer(b, "UTF-8", XML_SAVE_XHTML | XML_SAVE_NO_DECL |
	    XML_SAVE_NO_EMPTY);
	ok = sv != NULL && xmlSaveDoc(sv, res) >= 0;
	if (sv != NULL)
		ok = xmlSaveClose(sv) >= 0 && ok;
	if (ok)
		pb_buf_put(out, (const char *)xmlBufferContent(b),
		    (size_t)xmlBufferLength(b));
	xmlBufferFree(b);
	return ok;
}

/*
 * The transform behind pb_render and pb_render_chart: chart, when not
 * NULL, is passed as the stylesheet parameter of that name.
 */
static int
render(struct pb_styles *s, enum pb_format fmt, xmlDocPtr tree,
    int standalone, int figure_links, const char *chart, const char *file,
    struct pb_buf *out, struct pb_diags *d);

int
pb_render(struct pb_styles *s, enum pb_format fmt, xmlDocPtr tree,
    int standalone, int figure_links, const char *file, struct pb_buf *out,
    struct pb_diags *d)
{
	return render(s, fmt, tree, standalone, figure_links, NULL, file, out,
	    d);
}

void
pb_render_strip(struct pb_styles *s, enum pb_format fmt, xmlDocPtr tree)
{
	if (sheet(s, fmt) != NULL)
		strip_apply(&s->strip[fmt], tree);
}

int
pb_render_chart(struct pb_styles *s, xmlDocPtr tree, const char *name,
    const char *file, struct pb_buf *out, struct pb_diags *d)
{
	return render(s, PB_FMT_SVG, tree, 1, 0, name, file, out, d);
}

static int
render(struct pb_styles *s, enum pb_format fmt, xmlDocPtr tree,
    int standalone, int figure_links, const char *chart, const char *file,
    struct pb_buf *out, struct pb_diags *d)
{
	xsltStylesheetPtr	 st;
	xsltTransformContextPtr	 ctxt = NULL;
	xmlDocPtr		 res = NULL;
	xmlChar			*txt = NULL;
	int			 len = 0, rc = 0;
	struct sink		 k;
	struct pb_buf		 text = { NULL, 0, 0 };
	size_t			 errs = d->errors;

	if ((st = sheet(s, fmt)) == NULL) {
		/* said when it failed to compile (pb_styles_compile) */
		pb_diag_system(d, file, 0, 0, "no %s", style_names[fmt]);
		return 0;
	}
	spliced = 0;
	sink_begin(&k, file, d);
	if ((ctxt = xsltNewTransformContext(st, tree)) == NULL) {
		pb_diag_system(d, file, 0, 0, "cannot start transform");
		goto out;
	}
	xsltSetTransformErrorFunc(ctxt, NULL, on_generic);
	ctxt->_private = s;	/* for pb:kept */
	if (xsltSetCtxtSecurityPrefs(s->sec, ctxt) != 0)
		goto out;
	ctxt->maxTemplateDepth = 3000;
	xsltQuoteOneUserParam(ctxt, BAD_CAST "standalone",
	    BAD_CAST (standalone ? "yes" : "no"));
	xsltQuoteOneUserParam(ctxt, BAD_CAST "figure-links",
	    BAD_CAST (figure_links ? "yes" : "no"));
	if (chart != NULL)
		xsltQuoteOneUserParam(ctxt, BAD_CAST "chart", BAD_CAST chart);
	xsltQuoteOneUserParam(ctxt, BAD_CAST "pdf",
	    BAD_CAST (s->pdf ? "yes" : "no"));
	xsltQuoteOneUserParam(ctxt, BAD_CAST "slot", BAD_CAST s->memo.slot);
	if ((fmt == PB_FMT_HTML || fmt == PB_FMT_INDEX) && s->css != NULL)
		xsltQuoteOneUserParam(ctxt, BAD_CAST "css", BAD_CAST s->css);
	res = xsltApplyStylesheetUser(st, tree, NULL, NULL, NULL, ctxt);
	if (res == NULL || ctxt->state != XSLT_STATE_OK) {
		sink_flush(&k);
		if (d->errors == errs)
			pb_diag_system(d, file, 0, 0, "transform failed");
		goto out;
	}
	if (fmt == PB_FMT_HTML || fmt == PB_FMT_INDEX) {
		if (!save_html(res, &text)) {
			pb_diag_system(d, file, 0, 0, "cannot write HTML");
			goto out;
		}
	} else {
		if (xsltSaveResultToString(&txt, &len, res, st) != 0) {
			pb_diag_system(d, file, 0, 0, "cannot write output");
			goto out;
		}
		if (txt != NULL)
			pb_buf_put(&text, (const char *)txt, (size_t)len);
	}
	if (spliced && !splice(&s->memo, &text)) {
		pb_diag_system(d, file, 0, 0, "the stylesheet's parts "
		    "(<?pb-part?>) do not pair up, or its words "
		    "(<?pb-slots?>) are not a part's");
		goto out;
	}
	if (out->data == NULL) {
		*out = text;
		memset(&text, 0, sizeof(text));
	} else
		pb_buf_put(out, text.data != NULL ? text.data : "", text.len);
	rc = 1;
out:
	sink_end(&k);
	pb_buf_free(&text);
	xmlFree(txt);
	if (res != NULL)
		xmlFreeDoc(res);
	if (ctxt != NULL)
		xsltFreeTransformContext(ctxt);
	return rc && d->errors == errs;
}

/*
 * The key of pb_render_displays' words for the figure node n: its
 * attributes (what pb-display can read of it) but the name of the figure
 * it stands for (@ref, which its words never depend on), each name and
 * value as its length, a colon and its bytes, so that no two differ by
 * where one ends.
 */
static void
display_put(struct pb_buf *b, const xmlChar *s)
{
	size_t	 n = s != NULL ? strlen((const char *)s) : 0;

	/* not printf: every figure of every packet has a key */
	pb_buf_put_u64(b, n);
	pb_buf_putc(b, ':');
	pb_buf_put(b, (const char *)s, n);
}

static void
display_key(xmlNodePtr n, struct pb_buf *b)
{
	xmlAttrPtr	 a;
	xmlChar		*v;

	b->len = 0;
	pb_buf_put(b, "", 0);
	for (a = n->properties; a != NULL; a = a->next) {
		if (a->ns == NULL && xmlStrEqual(a->name, BAD_CAST "ref"))
			continue;
		display_put(b, a->name);
		/* a value of one text node, as the program sets them, is
		 * read where it is */
		if (a->children != NULL && a->children->next == NULL &&
		    a->children->type == XML_TEXT_NODE)
			display_put(b, a->children->content);
		else {
			v = xmlNodeGetContent((xmlNodePtr)a);
			display_put(b, v);
			xmlFree(v);
		}
	}
}

/* The display kept for the key k, or NULL. */
static const char *
display_kept(struct memo *m, const struct pb_buf *k)
{
	const char	*w;

	pthread_mutex_lock(&m->lock);
	w = xmlHashLookup(m->words, (const xmlChar *)k->data);
	pthread_mutex_unlock(&m->lock);
	return w;
}

/*
 * pb:display-known(V, CENTS): the words pb-display gave a figure with V's
 * attributes before in this build (pb_render_displays words every figure
 * of a packet before its pages are rendered), or "" when it gave none or
 * CENTS (an amount with its cents even when whole) is true: numbers.xsl's
 * pb-display, called for every figure a page shows, words each distinct
 * one once.
 */
static void
xpath_display_known(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlXPathObjectPtr	 v;
	struct memo		*m;
	struct pb_buf		 k = { NULL, 0, 0 };
	const char		*w = NULL;
	int			 cents;

	if (nargs != 2) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	cents = xmlXPathPopBoolean(ctxt);
	v = valuePop(ctxt);
	if (!cents && v != NULL && v->type == XPATH_NODESET &&
	    v->nodesetval != NULL && v->nodesetval->nodeNr > 0 &&
	    v->nodesetval->nodeTab[0]->type == XML_ELEMENT_NODE &&
	    (m = xpath_memo(ctxt)) != NULL) {
		display_key(v->nodesetval->nodeTab[0], &k);
		w = display_kept(m, &k);
	}
	/* the words stay in the hash for the rest of the build */
	valuePush(ctxt, xmlXPathNewString(BAD_CAST (w != NULL ? w : "")));
	xmlXPathFreeObject(v);
	pb_buf_free(&k);
}

char **
pb_render_displays(struct pb_styles *s, const struct pb_figures *f,
    struct pb_diags *d)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n, next;
	xmlNsPtr	 ns;
	struct pb_buf	 out = { NULL, 0, 0 }, k = { NULL, 0, 0 };
	const char	*w;
	char		**v, *p, *q;
	size_t		 i, todo = 0;

	v = pb_xcalloc(f->n ? f->n : 1, sizeof(*v));
	if (f->n == 0)
		return v;
	/* each figure as the tree has it (pb_inject_figure), worded by
	 * numbers.xsl's pb-display, one a line; a figure worded before in
	 * this build, with the same attributes, is not worded again */
	doc = xmlNewDoc(BAD_CAST "1.0");
	root = xmlNewDocNode(doc, NULL, BAD_CAST "displays", NULL);
	ns = xmlNewNs(root, BAD_CAST PB_NS, BAD_CAST "pb");
	xmlSetNs(root, ns);
	xmlDocSetRootElement(doc, root);
	for (i = 0; i < f->n; i++) {
		n = xmlNewChild(root, ns, BAD_CAST "value", NULL);
		pb_inject_figure(n, &f->v[i]);
		display_key(n, &k);
		if ((w = display_kept(&s->memo, &k)) != NULL) {
			v[i] = pb_xstrdup(w);
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		} else
			todo++;
	}
	if (todo > 0 && !render(s, PB_FMT_NUMBERS, doc, 1, 0, NULL,
	    "numbers.xsl", &out, d)) {
		pb_render_displays_free(v, f->n);
		v = NULL;
	}
	for (i = 0, p = out.data, n = root->children; v != NULL && i < f->n;
	    i++) {
		if (v[i] != NULL)
			continue;
		q = p != NULL ? strchr(p, '\n') : NULL;
		v[i] = q != NULL ? pb_xstrndup(p, (size_t)(q - p)) :
		    pb_xstrdup(f->v[i].value);
		p = q != NULL ? q + 1 : NULL;
		/* kept for the next packets: n is this figure's node */
		next = n->next;
		display_key(n, &k);
		pthread_mutex_lock(&s->memo.lock);
		if (q != NULL && xmlHashLookup(s->memo.words,
		    (const xmlChar *)k.data) == NULL)
			xmlHashAddEntry(s->memo.words, (const xmlChar *)k.data,
			    pb_xstrdup(v[i]));
		pthread_mutex_unlock(&s->memo.lock);
		n = next;
	}
	xmlFreeDoc(doc);
	pb_buf_free(&out);
	pb_buf_free(&k);
	return v;
}

char **
pb_render_displays_in(const char *dir, const struct pb_figures *f,
    struct pb_diags *d)
{
	struct pb_styles	*s;
	char			**v;

	if (f->n == 0)
		return pb_xcalloc(1, sizeof(*v));
	if ((s = styles_load(dir, PB_FMT_NUMBERS, d)) == NULL)
		return NULL;
	v = pb_render_displays(s, f, d);
	pb_styles_free(s);
	return v;
}

void
pb_render_displays_free(char **v, size_t n)
{
	size_t	 i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}
