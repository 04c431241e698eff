/*
 * schema.c - RELAX NG validation of XML inputs with libxml2, and where in
 * a file an element, its text or an attribute starts: every violation is
 * reported at the value it is about.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "pb.h"
#include "plain.h"
#include "plainpos.h"
#include "schema.h"
#include "tree.h"

static void
err_at(const struct pb_xmlfile *r, struct pb_diags *d, struct pb_src s,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
err_at(const struct pb_xmlfile *r, struct pb_diags *d, struct pb_src s,
    const char *fmt, ...)
{
	va_list	 ap;

	(void)r;
	va_start(ap, fmt);
	pb_diag_verror(d, PB_ERROR, s.file, s.line, s.col, fmt, ap);
	va_end(ap);
}

/* ------------------------------------------------------------ positions */

/*
 * Where each element of a parsed file was written: the offsets of its
 * start tag's "<" and of the byte after its ">", found in one pass over
 * the file's bytes (the k-th start tag is the k-th element in document
 * order: no input may declare entities, so none comes from elsewhere),
 * and the offset of every line's start.
 */
struct slot {
	const void	*node;
	size_t		 tag;
	size_t		 end;
};

struct pb_xmlpos {
	size_t		*lines;		/* offset of each line's first byte */
	size_t		 nlines;
	struct slot	*tab;		/* open addressing, by node */
	size_t		 mask;		/* table size - 1; 0: no table */
};

/* The slot of node in the table (empty when absent). */
static struct slot *
slot_of(const struct pb_xmlpos *x, const void *node)
{
	size_t	 i;

	i = (size_t)(((uintptr_t)node >> 4) * 0x9e3779b97f4a7c15ULL >> 7);
	for (i &= x->mask; x->tab[i].node != NULL && x->tab[i].node != node;
	    i = (i + 1) & x->mask)
		;
	return &x->tab[i];
}

/* The offset just past the first occurrence of end at or after i. */
static size_t
skip_past(const char *data, size_t len, size_t i, const char *end)
{
	size_t	 m = strlen(end);

	for (; i + m <= len; i++)
		if (data[i] == end[0] && memcmp(data + i, end, m) == 0)
			return i + m;
	return len;
}

/* The offset just past the ">" closing the tag that starts at i. */
static size_t
tag_end(const char *data, size_t len, size_t i)
{
	char	 q;

	for (; i < len && data[i] != '>'; i++)
		if (data[i] == '"' || data[i] == '\'') {
			for (q = data[i++]; i < len && data[i] != q; i++)
				;
			if (i == len)
				break;
		}
	return i < len ? i + 1 : len;
}

/*
 * Appends the start tags of data to *v (offsets of "<" and past ">"), in
 * the order they appear; comments, processing instructions, CDATA
 * sections, declarations and end tags are skipped.
 */
static size_t
tags_scan(const char *data, size_t len, struct slot **v)
{
	const char	*p;
	size_t		 i = 0, n = 0;

	*v = NULL;
	while (i < len && (p = memchr(data + i, '<', len - i)) != NULL) {
		i = (size_t)(p - data);
		if (len - i >= 4 && memcmp(p, "<!--", 4) == 0)
			i = skip_past(data, len, i + 4, "-->");
		else if (len - i >= 9 && memcmp(p, "<![CDATA[", 9) == 0)
			i = skip_past(data, len, i + 9, "]]>");
		else if (len - i >= 2 && p[1] == '?')
			i = skip_past(data, len, i + 2, "?>");
		else if (len - i >= 2 && (p[1] == '!' || p[1] == '/'))
			i = tag_end(data, len, i + 2);
		else {
			*v = pb_grow(*v, n, sizeof(**v));
			(*v)[n].node = NULL;
			(*v)[n].tag = i;
			(*v)[n].end = tag_end(data, len, i + 1);
			i = (*v)[n++].end;
		}
	}
	return n;
}

void
pb_xmlfile_index(struct pb_xmlfile *f, xmlDocPtr doc)
{
	struct pb_xmlpos	*x;
	struct slot		*tags;
	xmlNodePtr		 top, n;
	const char		*p;
	size_t			 ntags, nel = 0, i, size;

	pb_xmlfile_unindex(f);
	x = pb_xcalloc(1, sizeof(*x));
	x->lines = pb_grow(NULL, 0, sizeof(*x->lines));
	x->lines[x->nlines++] = 0;
	for (i = 0; i < f->len && (p = memchr(f->data + i, '\n',
	    f->len - i)) != NULL; i = (size_t)(p - f->data) + 1) {
		x->lines = pb_grow(x->lines, x->nlines, sizeof(*x->lines));
		x->lines[x->nlines++] = (size_t)(p - f->data) + 1;
	}
	f->pos = x;
	top = doc ? xmlDocGetRootElement(doc) : NULL;
	for (n = top; n != NULL; n = pb_tree_next(n, top))
		nel += n->type == XML_ELEMENT_NODE;
	ntags = tags_scan(f->data, f->len, &tags);
	if (nel == 0 || ntags != nel) {
		/* an encoding whose bytes hide the markup: lines only */
		free(tags);
		return;
	}
	for (size = 2; size < 2 * nel; size *= 2)
		;
	x->tab = pb_xcalloc(size, sizeof(*x->tab));
	x->mask = size - 1;
	for (i = 0, n = top; n != NULL; n = pb_tree_next(n, top)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		tags[i].node = n;
		*slot_of(x, n) = tags[i++];
	}
	free(tags);
}

void
pb_xmlfile_unindex(struct pb_xmlfile *f)
{
	if (f == NULL || f->pos == NULL)
		return;
	free(f->pos->lines);
	free(f->pos->tab);
	free(f->pos);
	f->pos = NULL;
}

/* Turns a byte offset of the file into a position. */
static struct pb_src
at_offset(const struct pb_xmlfile *r, size_t off)
{
	const struct pb_xmlpos	*x = r->pos;
	struct pb_src		 s;
	size_t			 lo = 0, hi, mid;

	if (x == NULL)
		return pb_src_at(r->file, r->data, r->len, off, 1);
	/* the last line starting at or before off */
	for (hi = x->nlines; hi - lo > 1;) {
		mid = lo + (hi - lo) / 2;
		if (x->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	s.file = r->file;
	s.line = (unsigned long)lo + 1;
	s.col = (unsigned long)(off - x->lines[lo]) + 1;
	return s;
}

/* Offset of the start of line (1-based), or len. */
static size_t
line_start(const struct pb_xmlfile *r, unsigned long line)
{
	size_t		 i = 0;
	unsigned long	 l = 1;

	if (r->pos != NULL)
		return line >= 1 && line <= r->pos->nlines ?
		    r->pos->lines[line - 1] : r->len;
	while (l < line && i < r->len)
		if (r->data[i++] == '\n')
			l++;
	return i;
}

/*
 * The start tag of element n: *tag the offset of its "<", *end the offset
 * past its ">". Returns 0 for an element the index does not know (one
 * made after parsing); the start of its line is then the best there is.
 */
static int
tag_of(const struct pb_xmlfile *r, xmlNodePtr n, size_t *tag, size_t *end)
{
	const struct slot	*s;
	long			 line;

	if (r->pos != NULL && r->pos->mask != 0 &&
	    (s = slot_of(r->pos, n))->node != NULL) {
		*tag = s->tag;
		*end = s->end;
		return 1;
	}
	line = xmlGetLineNo(n);
	*tag = *end = line_start(r, line > 0 ? (unsigned long)line : 1);
	return 0;
}


/*
 * A tree built from other files (orgcsv.c) has no bytes: each node keeps
 * its own position in _private.
 */
static int
cells(const struct pb_xmlfile *r, const void *node, struct pb_src *s)
{
	const struct pb_src	*p;

	if (r->data != NULL)
		return 0;
	if ((p = node) != NULL)
		*s = *p;
	else {
		s->file = r->file;
		s->line = 0;
		s->col = 0;
	}
	return 1;
}

struct pb_src
pb_xmlfile_elem(const struct pb_xmlfile *r, xmlNodePtr n)
{
	struct pb_src	 s;
	size_t		 tag, end;

	if (cells(r, n->_private, &s))
		return s;
	tag_of(r, n, &tag, &end);
	return at_offset(r, tag);
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The offset past what starts at i, "<!--...-->", "<![CDATA[...]]>",
 * "<?...?>" or a tag (its quoted values skipped), or r->len. */
static size_t
markup_end(const struct pb_xmlfile *r, size_t i)
{
	const char	*d = r->data, *p, *stop = "-->";
	char		 q;

	if (r->len - i >= 4 && memcmp(d + i, "<!--", 4) == 0)
		stop = "-->";
	else if (r->len - i >= 9 && memcmp(d + i, "<![CDATA[", 9) == 0)
		stop = "]]>";
	else if (r->len - i >= 2 && memcmp(d + i, "<?", 2) == 0)
		stop = "?>";
	else {
		for (i++; i < r->len && d[i] != '>'; i++)
			if (d[i] == '"' || d[i] == '\'') {
				for (q = d[i++]; i < r->len && d[i] != q; i++)
					;
			}
		return i < r->len ? i + 1 : r->len;
	}
	for (p = d + i; p + strlen(stop) <= d + r->len; p++)
		if (memcmp(p, stop, strlen(stop)) == 0)
			return (size_t)(p - d) + strlen(stop);
	return r->len;
}

/* The offset past the end of the element whose start tag ends at end. */
static size_t
element_end(const struct pb_xmlfile *r, size_t end)
{
	const char	*d = r->data;
	size_t		 i = end, j, depth = 1;

	if (end >= 2 && d[end - 2] == '/')
		return end;	/* <empty/> */
	while (i < r->len && depth > 0) {
		if (d[i] != '<') {
			i++;
			continue;
		}
		j = markup_end(r, i);
		if (i + 1 < r->len && d[i + 1] == '/')
			depth--;
		else if (i + 1 < r->len && d[i + 1] != '!' &&
		    d[i + 1] != '?' && !(j >= 2 && d[j - 2] == '/'))
			depth++;
		i = j;
	}
	return i;
}

/*
 * Where a text node t starts being more than white space: after the
 * element before it, or its parent's start tag, past white space and
 * comments.
 */
static struct pb_src
text_node_at(const struct pb_xmlfile *r, xmlNodePtr t)
{
	xmlNodePtr	 p;
	size_t		 tag, i;

	for (p = t->prev; p != NULL && p->type != XML_ELEMENT_NODE; p = p->prev)
		;
	if (p != NULL)
		i = tag_of(r, p, &tag, &i) ? element_end(r, i) : tag;
	else
		tag_of(r, t->parent, &tag, &i);
	for (;;) {
		while (i < r->len && is_space(r->data[i]))
			i++;
		if (i + 4 <= r->len && memcmp(r->data + i, "<!--", 4) == 0)
			i = markup_end(r, i);
		else
			break;
	}
	return at_offset(r, i);
}

/* Where the text content of element n starts (after leading space); of
 * a text node, where its text does. */
struct pb_src
pb_xmlfile_text(const struct pb_xmlfile *r, xmlNodePtr n)
{
	size_t		 tag, i;
	struct pb_src	 s;

	if (cells(r, n->_private, &s))
		return s;
	if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
	    n->parent != NULL && n->parent->type == XML_ELEMENT_NODE &&
	    tag_of(r, n->parent, &tag, &i))
		return text_node_at(r, n);
	if (!tag_of(r, n, &tag, &i))
		return at_offset(r, tag);
	while (i < r->len && is_space(r->data[i]))
		i++;
	return at_offset(r, i);
}

/* Where the value of attribute name (as written, "xlink:href") of element
 * n starts: the attributes of its start tag are read one by one. */
struct pb_src
pb_xmlfile_attr(const struct pb_xmlfile *r, xmlNodePtr n, const char *name)
{
	const char	*d = r->data;
	size_t		 i, end, b, nl = strlen(name);
	xmlAttrPtr	 a;
	struct pb_src	 s;
	char		 q;
	int		 hit;

	if (r->data == NULL) {
		a = xmlHasProp(n, BAD_CAST name);
		cells(r, a != NULL ? a->_private : n->_private, &s);
		return s;
	}
	if (!tag_of(r, n, &i, &end))
		return at_offset(r, i);
	for (i++; i < end && !is_space(d[i]) && d[i] != '>' && d[i] != '/';
	    i++)
		;	/* the element's name */
	for (;;) {
		while (i < end && is_space(d[i]))
			i++;
		if (i >= end || d[i] == '>' || d[i] == '/')
			break;
		for (b = i; i < end && !is_space(d[i]) && d[i] != '='; i++)
			;
		hit = i - b == nl && memcmp(d + b, name, nl) == 0;
		while (i < end && (is_space(d[i]) || d[i] == '='))
			i++;
		if (i >= end || (d[i] != '"' && d[i] != '\''))
			break;
		if (hit)
			return at_offset(r, i + 1);
		for (q = d[i++]; i < end && d[i] != q; i++)
			;
		i++;
	}
	return pb_xmlfile_elem(r, n);
}


struct pb_schema {
	xmlRelaxNGPtr	 rng;
	pthread_mutex_t	 lock;	/* one validation at a time per schema */
	char		*root;	/* "organization" for organization.rng */
	struct pb_valid	*valid;	/* contents known valid, or NULL */
};

struct pb_valid {
	struct pb_hash	 salt;
	struct pb_hash	*known;	/* from an earlier build, sorted */
	size_t		 nknown;
	struct pb_hash	*found;	/* in this build, as found */
	size_t		 nfound;
	pthread_mutex_t	 lock;
};

static int
hash_cmp(const void *a, const void *b)
{
	const struct pb_hash	*x = a, *y = b;

	if (x->hi != y->hi)
		return x->hi < y->hi ? -1 : 1;
	return x->lo < y->lo ? -1 : x->lo > y->lo;
}

struct pb_valid *
pb_valid_new(struct pb_hash salt)
{
	struct pb_valid	*v = pb_xcalloc(1, sizeof(*v));

	v->salt = salt;
	pthread_mutex_init(&v->lock, NULL);
	return v;
}

void
pb_valid_know(struct pb_valid *v, const struct pb_hash *known, size_t n)
{
	size_t	 i;

	pthread_mutex_lock(&v->lock);
	for (i = 0; i < n; i++) {
		v->known = pb_grow(v->known, v->nknown, sizeof(*v->known));
		v->known[v->nknown++] = known[i];
	}
	if (v->nknown > 1)
		qsort(v->known, v->nknown, sizeof(*v->known), hash_cmp);
	pthread_mutex_unlock(&v->lock);
}

struct pb_hash *
pb_valid_found(struct pb_valid *v, size_t *n)
{
	struct pb_hash	*out;
	size_t		 i, k = 0;

	pthread_mutex_lock(&v->lock);
	out = pb_xcalloc(v->nfound + 1, sizeof(*out));
	if (v->nfound > 0)
		memcpy(out, v->found, v->nfound * sizeof(*out));
	if (v->nfound > 1)
		qsort(out, v->nfound, sizeof(*out), hash_cmp);
	for (i = 0; i < v->nfound; i++)
		if (k == 0 || hash_cmp(&out[k - 1], &out[i]) != 0)
			out[k++] = out[i];
	pthread_mutex_unlock(&v->lock);
	*n = k;
	return out;
}

void
pb_valid_free(struct pb_valid *v)
{
	if (v == NULL)
		return;
	pthread_mutex_destroy(&v->lock);
	free(v->known);
	free(v->found);
	free(v);
}

void
pb_schema_trust(struct pb_schema *s, struct pb_valid *v)
{
	s->valid = v;
}

/* The hash of f's content as a document of schema s, salted by v's. */
static struct pb_hash
valid_key(const struct pb_valid *v, const struct pb_schema *s,
    const struct pb_xmlfile *f)
{
	struct pb_hasher	*h = pb_hasher_new();

	pb_hasher_add_hash(h, v->salt);
	pb_hasher_add(h, s->root, strlen(s->root) + 1);
	pb_hasher_add(h, f->data, f->len);
	return pb_hasher_end(h);
}

/* Non-zero when v knows key; either way, key is found valid when known. */
static int
valid_known(struct pb_valid *v, struct pb_hash key)
{
	int	 known;

	pthread_mutex_lock(&v->lock);
	known = v->nknown > 0 && bsearch(&key, v->known, v->nknown,
	    sizeof(*v->known), hash_cmp) != NULL;
	if (known) {
		v->found = pb_grow(v->found, v->nfound, sizeof(*v->found));
		v->found[v->nfound++] = key;
	}
	pthread_mutex_unlock(&v->lock);
	return known;
}

/* Records key as found valid. */
static void
valid_add(struct pb_valid *v, struct pb_hash key)
{
	pthread_mutex_lock(&v->lock);
	v->found = pb_grow(v->found, v->nfound, sizeof(*v->found));
	v->found[v->nfound++] = key;
	pthread_mutex_unlock(&v->lock);
}

/* One schema violation as libxml2 reported it. */
struct verr {
	xmlNodePtr	 node;
	unsigned long	 line;
	char		*msg;
};

struct verrs {
	struct verr	*v;
	size_t		 n;
};

/* The elements that messages were about, as pb_schema_check_said gives
 * them. */
struct nodes {
	xmlNodePtr	*v;
	size_t		 n;
};

static void
nodes_add(struct nodes *ns, xmlNodePtr n)
{
	ns->v = pb_grow(ns->v, ns->n, sizeof(*ns->v));
	ns->v[ns->n++] = n;
}

/*
 * The element "Element NAME failed to validate attributes" (msg) is
 * about: libxml2 gives it at the element's first child element when it
 * has one, so that the message would be said of the child (a false
 * "<emphasis> has an attribute its schema does not allow" under a link
 * with a misspelt attribute). n itself when it is NAME.
 */
static xmlNodePtr
named_node(xmlNodePtr n, const char *msg)
{
	const char	*p;
	size_t		 len;

	if (n == NULL || strncmp(msg, "Element ", 8) != 0 ||
	    (p = strstr(msg, " failed to validate attributes")) == NULL)
		return n;
	len = (size_t)(p - msg - 8);
	if (strlen((const char *)n->name) == len &&
	    strncmp((const char *)n->name, msg + 8, len) == 0)
		return n;
	if (n->parent != NULL && n->parent->type == XML_ELEMENT_NODE &&
	    strlen((const char *)n->parent->name) == len &&
	    strncmp((const char *)n->parent->name, msg + 8, len) == 0)
		return n->parent;
	return n;
}

static void
on_verr(void *data, xmlErrorPtr e)
{
	struct verrs	*vs = data;
	struct verr	*v;
	size_t		 n;

	vs->v = pb_grow(vs->v, vs->n, sizeof(*vs->v));
	v = &vs->v[vs->n++];
	v->node = e->node != NULL &&
	    ((xmlNodePtr)e->node)->type == XML_ELEMENT_NODE ? e->node : NULL;
	v->line = e->line > 0 ? (unsigned long)e->line : 0;
	v->msg = pb_xstrdup(e->message ? e->message : "invalid");
	n = strlen(v->msg);
	while (n > 0 && (v->msg[n - 1] == '\n' || v->msg[n - 1] == ' '))
		v->msg[--n] = '\0';
	v->node = named_node(v->node, v->msg);
}

/* Messages libxml2 adds around the one that says what is wrong. */
static int
generic(const char *msg)
{
	return strstr(msg, "Error validating datatype") != NULL ||
	    strstr(msg, "failed to validate content") != NULL ||
	    strstr(msg, "failed to compare type") != NULL ||
	    strstr(msg, "failed to validate attributes") != NULL ||
	    strstr(msg, "has extra content") != NULL ||
	    strstr(msg, "Error validating value") != NULL ||
	    strncmp(msg, "Expecting an element", 20) == 0;
}

/* Non-zero when n holds text only (a value like <enrolled-days>). */
static int
leaf(xmlNodePtr n)
{
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return 0;
	return 1;
}

/*
 * Reports the violations of one file: the specific message of each, at
 * the value it is about; the generic follow-on messages only when nothing
 * more specific was said.
 */
/* The attribute of n whose value is v, or NULL. */
static xmlAttrPtr
attr_valued(xmlNodePtr n, const char *v)
{
	xmlAttrPtr	 a;
	xmlChar		*t;
	int		 same;

	for (a = n->properties; a != NULL; a = a->next) {
		t = xmlNodeGetContent((xmlNodePtr)a);
		same = t != NULL && strcmp((const char *)t, v) == 0;
		xmlFree(t);
		if (same)
			return a;
	}
	return NULL;
}

/* The name of attribute a as written ("xml:id", "xlink:href"); the
 * caller frees it. */
static char *
written(xmlAttrPtr a)
{
	return pb_xasprintf("%s%s%s", a->ns && a->ns->prefix ?
	    (const char *)a->ns->prefix : "", a->ns && a->ns->prefix ? ":" : "",
	    (const char *)a->name);
}

/* Reports one violation v in the form that says most. */
static void
verr_one(const struct pb_xmlfile *r, const struct verr *v, struct pb_diags *d)
{
	struct pb_src	 at;
	struct pb_buf	 names = { NULL, 0, 0 };
	xmlAttrPtr	 a;
	const char	*p, *q;
	char		*name, *val = NULL;

	at.file = r->file;
	at.line = v->line;
	at.col = 0;
	if (v->node == NULL) {
		err_at(r, d, at, "%s", v->msg);
		return;
	}
	if (strncmp(v->msg, "Invalid attribute ", 18) == 0) {
		p = v->msg + 18;
		q = strstr(p, " for element");
		name = pb_xstrndup(p, q ? (size_t)(q - p) : strlen(p));
		/* libxml2 cuts long messages: match the name by its start */
		for (a = v->node->properties; a != NULL; a = a->next)
			if (strncmp((const char *)a->name, name,
			    strlen(name)) == 0)
				break;
		if (a != NULL) {
			free(name);
			name = written(a);
		}
		val = a != NULL ? (char *)xmlNodeGetContent((xmlNodePtr)a) :
		    NULL;
		err_at(r, d, pb_xmlfile_attr(r, v->node, name),
		    "invalid %s=\"%s\" on <%s>", name, val ? val : "",
		    (const char *)v->node->name);
		xmlFree(val);
		free(name);
	} else if (strstr(v->msg, "failed to validate attributes")) {
		pb_buf_put(&names, "", 0);
		for (a = v->node->properties; a; a = a->next)
			pb_buf_printf(&names, "%s%s", names.len ? ", " : "",
			    (const char *)a->name);
		err_at(r, d, pb_xmlfile_elem(r, v->node), "<%s> has an "
		    "attribute its schema does not allow, or a value it does "
		    "not allow (check %s)", (const char *)v->node->name,
		    names.data);
		pb_buf_free(&names);
	} else if ((p = strstr(v->msg, "allow value '")) != NULL &&
	    (q = strrchr(v->msg, '\'')) > p + 13 && (a = attr_valued(v->node,
	    (val = pb_xstrndup(p + 13, (size_t)(q - p - 13))))) != NULL) {
		/* a value the type refuses, in an attribute */
		name = written(a);
		err_at(r, d, pb_xmlfile_attr(r, v->node, name),
		    "invalid %s=\"%s\" on <%s>", name, val,
		    (const char *)v->node->name);
		free(name);
		free(val);
	} else if (leaf(v->node) && (generic(v->msg) ||
	    strstr(v->msg, "allow value") != NULL)) {
		free(val);	/* from the test above, if it ran */
		val = pb_tree_text(v->node);
		err_at(r, d, pb_xmlfile_text(r, v->node), "invalid value '%s' "
		    "in <%s>%s%s", val, (const char *)v->node->name,
		    generic(v->msg) ? "" : ": ", generic(v->msg) ? "" : v->msg);
		free(val);
	} else if (strcmp(v->msg, "Expecting an element , got nothing") == 0) {
		free(val);	/* libxml2 does not say which element */
		err_at(r, d, pb_xmlfile_elem(r, v->node), "<%s> lacks an "
		    "element its schema requires", (const char *)v->node->name);
	} else {
		free(val);
		err_at(r, d, pb_xmlfile_elem(r, v->node), "%s", v->msg);
	}
}

/*
 * Non-zero when libxml2's "Element P has extra content: N" (v, about N)
 * follows from a specific message about N, or about an element inside
 * N or after it in P: what made P's content fail there was said already.
 */
static int
extra_said(const struct verrs *vs, const struct verr *v)
{
	xmlNodePtr	 n = v->node, s, t;
	size_t		 j;

	if (n == NULL || n->parent == NULL ||
	    strstr(v->msg, "has extra content") == NULL)
		return 0;
	for (j = 0; j < vs->n; j++) {
		if (generic(vs->v[j].msg))
			continue;
		for (s = vs->v[j].node; s != NULL && s->parent != n->parent;
		    s = s->parent)
			continue;
		for (t = n; s != NULL && t != NULL; t = t->next)
			if (t == s)
				return 1;
	}
	return 0;
}

/*
 * Reports the violations of one file: for each element, its specific
 * messages, or its first generic one when it has nothing more specific;
 * generic follow-on messages of elements that hold the real problem are
 * dropped. Adds to said (when not NULL) the element of each message kept.
 */
static void
verr_report(const struct pb_xmlfile *r, struct verrs *vs, struct pb_diags *d,
    struct nodes *said)
{
	size_t		 i, j, specific = 0;
	int		 keep;

	for (i = 0; i < vs->n; i++)
		specific += !generic(vs->v[i].msg);
	for (i = 0; i < vs->n; i++) {
		if (!generic(vs->v[i].msg))
			keep = 1;
		else if (strncmp(vs->v[i].msg, "Expecting an element", 20) ==
		    0 && specific > 0)
			keep = 0;
		else if (extra_said(vs, &vs->v[i]))
			keep = 0;
		else {
			/* the first generic message of an element that has
			 * no specific one */
			keep = 1;
			for (j = 0; j < vs->n && keep; j++)
				if (vs->v[j].node == vs->v[i].node && j != i &&
				    (!generic(vs->v[j].msg) || j < i))
					keep = 0;
		}
		if (keep)
			verr_one(r, &vs->v[i], d);
		if (keep && said != NULL && vs->v[i].node != NULL)
			nodes_add(said, vs->v[i].node);
	}
	for (i = 0; i < vs->n; i++)
		free(vs->v[i].msg);
	free(vs->v);
}

/*
 * Keeps the first line libxml2 reports while a schema is compiled (and
 * its column, which only the XML parser gives), so its raw messages
 * never reach the terminal.
 */
static void
on_schema_error(void *ctx, xmlErrorPtr e)
{
	struct pb_src	*at = ctx;

	if (at->line == 0 && e != NULL && e->line > 0) {
		at->line = (unsigned long)e->line;
		if (e->domain == XML_FROM_PARSER && e->int2 > 0)
			at->col = (unsigned long)e->int2;
	}
}

static void
on_schema_generic(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

struct pb_schema *
pb_schema_load(const char *dir, const char *name, struct pb_diags *d)
{
	xmlRelaxNGParserCtxtPtr	 pc;
	struct pb_schema	*s;
	char			*path;
	struct pb_src		 at = { NULL, 0, 0 };

	s = pb_xcalloc(1, sizeof(*s));
	path = pb_xasprintf("%s/%s", dir, name);
	/* a missing or broken schema is the installation's fault, not the
	 * input's: one message, exit status 3 */
	xmlSetStructuredErrorFunc(&at, on_schema_error);
	xmlSetGenericErrorFunc(NULL, on_schema_generic);
	pc = xmlRelaxNGNewParserCtxt(path);
	if (pc != NULL)
		xmlRelaxNGSetParserStructuredErrors(pc, on_schema_error,
		    &at);
	s->rng = pc ? xmlRelaxNGParse(pc) : NULL;
	if (pc != NULL)
		xmlRelaxNGFreeParserCtxt(pc);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, NULL);
	if (s->rng == NULL) {
		pb_diag_system(d, path, at.line, at.col,
		    "cannot load schema");
		free(s);
		s = NULL;
	} else {
		pthread_mutex_init(&s->lock, NULL);
		s->root = pb_xstrndup(name, strcspn(name, "."));
	}
	free(path);
	return s;
}

void
pb_schema_free(struct pb_schema *s)
{
	if (s == NULL)
		return;
	xmlRelaxNGFree(s->rng);
	pthread_mutex_destroy(&s->lock);
	free(s->root);
	free(s);
}

/*
 * Non-zero when n is one of said[0..n), an ancestor of one or a sibling
 * of one (libxml2's follow-on about the element before a misplaced one).
 */
static int
said_about(xmlNodePtr n, xmlNodePtr *said, size_t nsaid)
{
	xmlNodePtr	 p;
	size_t		 i;

	for (i = 0; i < nsaid; i++) {
		if (n != NULL && n->parent != NULL &&
		    n->parent == said[i]->parent)
			return 1;
		for (p = said[i]; p != NULL; p = p->parent)
			if (p == n)
				return 1;
	}
	return 0;
}

/*
 * An invalid XML position: its problems in plain words (plainpos.c),
 * then the validator's messages about the nodes those did not cover.
 * Adds to out (when not NULL) the elements both spoke of. Frees vs.
 */
static void
position_report(const struct pb_xmlfile *r, xmlDocPtr doc, struct verrs *vs,
    struct pb_diags *d, struct nodes *out)
{
	xmlNodePtr	*said = NULL;
	size_t		 nsaid, i, k = 0;

	pb_plainpos_check(r, doc, d, &said, &nsaid);
	for (i = 0; i < vs->n; i++) {
		if (nsaid > 0 && said_about(vs->v[i].node, said, nsaid))
			free(vs->v[i].msg);
		else
			vs->v[k++] = vs->v[i];
	}
	vs->n = k;
	verr_report(r, vs, d, out);
	for (i = 0; out != NULL && i < nsaid; i++)
		if (said[i] != NULL)
			nodes_add(out, said[i]);
	free(said);
}

int
pb_schema_check(const struct pb_schema *s, const struct pb_xmlfile *r,
    xmlDocPtr doc, struct pb_diags *d)
{
	return pb_schema_check_said(s, r, doc, d, NULL, NULL);
}

int
pb_schema_check_said(const struct pb_schema *s, const struct pb_xmlfile *r,
    xmlDocPtr doc, struct pb_diags *d, xmlNodePtr **said, size_t *nsaid)
{
	xmlRelaxNGValidCtxtPtr	 vc;
	struct verrs		 vs = { NULL, 0 };
	struct nodes		 out = { NULL, 0 };
	struct pb_hash		 key = { 0, 0 };
	size_t			 errs = d->errors, before = d->n, i;
	int			 rc;

	/* a content known to follow s: the same bytes, the same tree */
	if (s->valid != NULL && r->data != NULL) {
		key = valid_key(s->valid, s, r);
		if (valid_known(s->valid, key))
			return 1;
	}
	pthread_mutex_lock((pthread_mutex_t *)&s->lock);
	vc = xmlRelaxNGNewValidCtxt(s->rng);
	xmlRelaxNGSetValidStructuredErrors(vc, on_verr, &vs);
	rc = xmlRelaxNGValidateDoc(vc, doc);
	xmlRelaxNGFreeValidCtxt(vc);
	pthread_mutex_unlock((pthread_mutex_t *)&s->lock);
	/* In plain words where the file's kind is described (plain.c);
	 * else the validator's messages. */
	if (rc != 0 && strcmp(s->root, "position") == 0)
		position_report(r, doc, &vs, d, &out);
	else if (rc != 0 && pb_plain_check(r, doc, s->root, d) > 0) {
		for (i = 0; i < vs.n; i++)
			free(vs.v[i].msg);
		free(vs.v);
	} else
		verr_report(r, &vs, d, &out);
	if (rc != 0 && d->errors == errs)
		pb_diag_error(d, r->file, 0, 0, "does not follow its schema");
	if (rc == 0 && d->n == before && s->valid != NULL && r->data != NULL)
		valid_add(s->valid, key);
	if (said != NULL) {
		*said = out.v;
		*nsaid = out.n;
	} else
		free(out.v);
	return rc == 0 && d->errors == errs;
}

