/*
 * xmlread.c - safe XML parsing for every XML input and for the files
 * stylesheets load.
 */
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/hash.h>
#include <libxml/xmlerror.h>

#include "pb.h"
#include "xmlread.h"

/* Folders whose files may be loaded (stylesheets, staging); a folder
 * may be allowed while another thread compiles the stylesheets. */
static char	**roots;
static size_t	  nroots;
static pthread_mutex_t roots_lock = PTHREAD_MUTEX_INITIALIZER;
static xmlExternalEntityLoader default_loader;

/* What one parse is collecting; thread-local so workers don't mix. */
struct parse {
	const char	*file;
	const char	*data;
	size_t		 len;
	struct pb_diags	*d;
	int		 refused;
	size_t		 errors;
	unsigned long	 attr_line;	/* of an attribute value without
					 * quotes, whose follow-ons are left */
	int		 fatal;		/* a fatal error was reported */
	const char *const *known;	/* prefix, URI, ..., NULL: read as
					 * declared when undeclared */
	xmlHashTablePtr	 prefixes;	/* undeclared ones said, or NULL */
	int		 unknown;	/* one not in known was said */
	size_t		 off;		/* a byte offset before the next
					 * error's, and its place: */
	struct pb_src	 at;
	size_t		 tag_end;	/* where the parser stood, at the
					 * last undeclared prefix: */
	size_t		 tag;		/* its start tag's "<" */
	size_t		 attrs;		/* where its attributes not yet
					 * looked at start */
};
static _Thread_local struct parse *cur;

void
pb_xml_allow(const char *dir)
{
	char	 real[PATH_MAX];

	if (realpath(dir, real) == NULL)
		return;
	pthread_mutex_lock(&roots_lock);
	roots = pb_grow(roots, nroots, sizeof(*roots));
	roots[nroots++] = pb_xstrdup(real);
	pthread_mutex_unlock(&roots_lock);
}

int
pb_xml_allowed(const char *url)
{
	char	 real[PATH_MAX];
	size_t	 i, n;
	int	 ok = 0;

	if (url == NULL)
		return 0;
	if (strncmp(url, "file://", 7) == 0)
		url += 7;
	if (strchr(url, ':') != NULL && url[0] != '/')
		return 0;	/* any other scheme */
	if (realpath(url, real) == NULL)
		return 0;
	pthread_mutex_lock(&roots_lock);
	for (i = 0; !ok && i < nroots; i++) {
		n = strlen(roots[i]);
		ok = strncmp(real, roots[i], n) == 0 &&
		    (real[n] == '/' || real[n] == '\0');
	}
	pthread_mutex_unlock(&roots_lock);
	return ok;
}

/*
 * The external-entity loader: files inside the allowed folders load with
 * no network access; everything else is refused and recorded against
 * the parse in progress.
 */
static xmlParserInputPtr
loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	unsigned long	 line = 0, col = 0;

	if (cur == NULL && pb_xml_allowed(url)) {
		if (ctxt != NULL)
			ctxt->options |= XML_PARSE_NONET;
		return default_loader(url, id, ctxt);
	}
	if (ctxt != NULL && ctxt->input != NULL) {
		line = (unsigned long)ctxt->input->line;
		col = (unsigned long)xmlSAX2GetColumnNumber(ctxt);
	}
	if (cur != NULL) {
		pb_diag_error(cur->d, cur->file, line, col,
		    "refused to load external resource '%s'",
		    url ? url : (id ? id : "?"));
		cur->refused = 1;
	}
	if (ctxt != NULL)
		xmlStopParser(ctxt);
	return NULL;
}

void
pb_xml_init(const char *const *dirs)
{
	xmlInitParser();
	if (default_loader == NULL)
		default_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(loader);
	for (; dirs != NULL && *dirs != NULL; dirs++)
		pb_xml_allow(*dirs);
}

void
pb_xml_cleanup(void)
{
	size_t	 i;

	pthread_mutex_lock(&roots_lock);
	for (i = 0; i < nroots; i++)
		free(roots[i]);
	free(roots);
	roots = NULL;
	nroots = 0;
	pthread_mutex_unlock(&roots_lock);
}

/*
 * The words for the parser's errors a hand-edited file most often has (a
 * bare '&' or '<', a closing tag that does not match, an element never
 * closed, an attribute value without quotes), or NULL to keep libxml2's.
 * The caller frees the result.
 */
static char *
plain_error(const xmlError *e)
{
	const char	*m = e->message ? e->message : "";

	switch (e->code) {
	case XML_ERR_NAME_REQUIRED:
		if (strncmp(m, "xmlParseEntityRef", 17) == 0)
			return pb_xstrdup("a '&' that starts no entity: write "
			    "&amp; for an ampersand");
		if (strncmp(m, "StartTag: invalid element name", 30) == 0)
			return pb_xstrdup("a '<' that starts no element: write "
			    "&lt; for a less-than sign");
		return NULL;
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		return pb_xstrdup("an entity without its ';': write &amp; "
		    "for an ampersand, or end the entity with ';'");
	case XML_ERR_UNDECLARED_ENTITY:
		return pb_xasprintf("unknown entity '&%s;': XML has only "
		    "&amp; &lt; &gt; &quot; &apos; and numbers such as &#160;",
		    e->str1 ? e->str1 : "");
	case XML_ERR_TAG_NAME_MISMATCH:
		if (e->str1 == NULL || e->str2 == NULL)
			return NULL;
		return pb_xasprintf("</%s> where <%s> (line %d) should be "
		    "closed: close it with </%s> first", e->str2, e->str1,
		    e->int1, e->str1);
	case XML_ERR_TAG_NOT_FINISHED:
		if (e->str1 == NULL)
			return NULL;
		return pb_xasprintf("<%s> is never closed: end it with "
		    "</%s>", e->str1, e->str1);
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
		return pb_xstrdup("an attribute's value without quotes: write "
		    "name=\"value\"");
	case XML_ERR_DOCUMENT_END:
		return pb_xstrdup("more after the end of the root element: a "
		    "file holds one element, and everything goes inside it");
	default:
		return NULL;
	}
}

/*
 * The column (from 1, in bytes as libxml2 counts) of the last ch on line
 * line of p's data at or before column col, or col when there is none:
 * where the '&' or '<' libxml2 stopped after starts.
 */
static unsigned long
back_to(const struct parse *p, unsigned long line, unsigned long col,
    char ch)
{
	size_t		 i = 0, at;
	unsigned long	 l = 1;

	for (; i < p->len && l < line; i++)
		if (p->data[i] == '\n')
			l++;
	if (l != line || col == 0)
		return col;
	for (at = i + col - 1; at > i && (at >= p->len || p->data[at] != ch);
	    at--)
		;
	return at < p->len && p->data[at] == ch ? (unsigned long)(at - i) + 1 :
	    col;
}

/* The column of "<name" on line line of p's data, or 1. */
static unsigned long
tag_col(const struct parse *p, unsigned long line, const char *name)
{
	size_t		 i = 0, n = strlen(name), j;
	unsigned long	 l = 1;

	for (; i < p->len && l < line; i++)
		if (p->data[i] == '\n')
			l++;
	for (j = i; j + n < p->len && p->data[j] != '\n'; j++)
		if (p->data[j] == '<' && memcmp(p->data + j + 1, name, n) == 0)
			return (unsigned long)(j - i) + 1;
	return 1;
}

/* The URI known for prefix, or NULL. */
static const char *
known_uri(const char *const *known, const char *prefix)
{
	for (; known != NULL && known[0] != NULL; known += 2)
		if (strcmp(known[0], prefix) == 0)
			return known[1];
	return NULL;
}

/*
 * The position of byte off of p's data, counted on from the last one
 * asked for when off is past it: errors come in the order of the file,
 * so placing all of them reads it once.
 */
static struct pb_src
place(struct parse *p, size_t off)
{
	struct pb_src	 s;

	if (off < p->off || p->at.line == 0) {
		p->off = 0;
		p->at.line = 1;
		p->at.col = 1;
	}
	s = pb_src_at(p->file, p->data + p->off, p->len - p->off,
	    off - p->off, p->at.line);
	if (s.line == p->at.line)
		s.col += p->at.col - 1;
	p->off = off;
	p->at = s;
	return s;
}

/* Non-zero for the white space XML allows between attributes. */
static int
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * The offset of the "<" of the start tag the parser stands at the end of
 * (used bytes read). The attributes of one tag come in order, each looked
 * for after the one before, so the tag's "<" is found once: p remembers
 * it, and where the attributes not yet looked at start.
 */
static size_t
tag_start(struct parse *p, size_t used)
{
	size_t	 end;

	if (p->tag_end == used && p->tag_end > 0)
		return p->tag;
	for (end = used; end > 0 && p->data[end - 1] != '<'; end--)
		;
	p->tag_end = used;
	p->tag = end > 0 ? end - 1 : 0;
	p->attrs = 0;
	return p->tag;
}

/*
 * Looks for the attribute what ("prefix:name") among those of the start
 * tag whose "<" is at i and which ends before end, from the first not yet
 * looked at: sets *at to the start of its value when found. Returns the
 * tag's name as written (the caller frees it).
 */
static char *
attr_find(struct parse *p, size_t i, size_t end, const char *what,
    struct pb_src *at)
{
	const char	*d = p->data;
	size_t		 b, n = strlen(what);
	char		*tag, q;

	for (b = ++i; i < end && !blank(d[i]) && d[i] != '/' && d[i] != '>';
	    i++)
		;
	tag = pb_xstrndup(d + b, i - b);
	if (p->attrs > i)
		i = p->attrs;
	while (i < end) {
		while (i < end && blank(d[i]))
			i++;
		for (b = i; i < end && d[i] != '=' && !blank(d[i]); i++)
			;
		while (i < end && d[i] != '"' && d[i] != '\'')
			i++;
		if (i >= end)
			break;
		if (i - b >= n && memcmp(d + b, what, n) == 0 &&
		    (b + n == i || d[b + n] == '=' || blank(d[b + n]))) {
			*at = place(p, i + 1);
			p->attrs = b + n;
			break;
		}
		for (q = d[i++]; i < end && d[i] != q; i++)
			;
		i++;
	}
	return tag;
}

/*
 * Where the name prefix:name of e (an attribute of element el, or an
 * element when el is NULL) is written: at the element's "<", or at the
 * attribute's value, found back from where the parser stands (the end of
 * the start tag, which holds no other "<"); else where libxml2 says. Sets
 * *tag to the attribute's element as written, or NULL (the caller frees
 * it).
 */
static struct pb_src
undeclared_at(struct parse *p, const xmlError *e, const char *prefix,
    const char *name, const char *el, char **tag)
{
	xmlParserCtxtPtr ctxt = e->ctxt;
	struct pb_src	 at = { p->file, 0, 0 };
	const char	*d = p->data;
	size_t		 i, n = strlen(prefix);
	long		 used;
	char		*what;

	*tag = NULL;
	at.line = e->line > 0 ? (unsigned long)e->line : 0;
	at.col = e->int2 > 0 ? (unsigned long)e->int2 : 0;
	used = ctxt != NULL ? xmlByteConsumed(ctxt) : -1;
	if (used <= 0 || (size_t)used > p->len)
		return at;
	if (d[i = tag_start(p, (size_t)used)] != '<')
		return at;
	if (el == NULL) {
		if ((size_t)used - i > n + 1 &&
		    memcmp(d + i + 1, prefix, n) == 0 && d[i + n + 1] == ':')
			at = place(p, i);
	} else {
		what = pb_xasprintf("%s:%s", prefix, name);
		*tag = attr_find(p, i, (size_t)used, what, &at);
		free(what);
	}
	return at;
}

/*
 * An element or attribute whose prefix no xmlns: declares (e, about
 * str1:str2, on element str3 for an attribute), said once per prefix at
 * the first one (undeclared_at), in words that say the declaration to
 * add.
 */
static void
on_undeclared(struct parse *p, const xmlError *e)
{
	xmlParserCtxtPtr ctxt = e->ctxt;
	xmlNodePtr	 root;
	const char	*prefix = e->str1 ? (const char *)e->str1 : "";
	const char	*name = e->str2 ? (const char *)e->str2 : "";
	const char	*el = e->str3 ? (const char *)e->str3 : NULL;
	const char	*uri = known_uri(p->known, prefix);
	char		*where, *what, *tag;
	struct pb_src	 at;

	if (uri == NULL)
		p->unknown = 1;
	if (p->prefixes == NULL)
		p->prefixes = xmlHashCreate(0);
	if (xmlHashAddEntry(p->prefixes, BAD_CAST prefix, p) != 0)
		return;	/* said at its first use */
	at = undeclared_at(p, e, prefix, name, el, &tag);
	root = ctxt != NULL && ctxt->myDoc != NULL ?
	    xmlDocGetRootElement(ctxt->myDoc) : NULL;
	where = root != NULL ? pb_xasprintf("<%s%s%s>", root->ns &&
	    root->ns->prefix ? (const char *)root->ns->prefix : "",
	    root->ns && root->ns->prefix ? ":" : "",
	    (const char *)root->name) : pb_xstrdup("the root element");
	what = el != NULL ? pb_xasprintf("%s:%s on <%s>", prefix, name,
	    tag != NULL ? tag : el) : pb_xasprintf("<%s:%s>", prefix, name);
	if (uri != NULL)
		pb_diag_error(p->d, p->file, at.line, at.col, "prefix '%s' of "
		    "%s is not declared: add xmlns:%s=\"%s\" to %s", prefix,
		    what, prefix, uri, where);
	else
		pb_diag_error(p->d, p->file, at.line, at.col, "prefix '%s' of "
		    "%s is not declared: declare it on %s "
		    "(xmlns:%s=\"...\"), or write the name without it",
		    prefix, what, where, prefix);
	free(what);
	free(where);
	free(tag);
}

/* Collects libxml2's structured errors into the parse's diagnostics. */
static void
on_error(void *data, xmlErrorPtr e)
{
	struct parse	*p = data;
	char		*msg;
	size_t		 n, i;
	unsigned long	 line, col;

	if (e == NULL || e->level == XML_ERR_WARNING)
		return;
	/* an xml:id given twice or not an NCName: the readers say so at the
	 * value (libxml2 points past the tag, in words of its own) */
	if (e->code == XML_DTD_ID_REDEFINED || e->code == XML_DTD_XMLID_VALUE)
		return;
	/* after the first error, libxml2's "premature end" adds nothing;
	 * after a fatal one, what it says follows from it (a start tag
	 * lost to an unquoted value leaves every closing tag unmatched) */
	if (p->errors > 0 && e->message != NULL &&
	    strncmp(e->message, "Premature end of data", 21) == 0)
		return;
	if (p->fatal)
		return;
	if (e->code == XML_NS_ERR_UNDEFINED_NAMESPACE) {
		on_undeclared(p, e);
		return;
	}
	p->fatal = e->level == XML_ERR_FATAL;
	line = e->line > 0 ? (unsigned long)e->line : 0;
	col = e->int2 > 0 ? (unsigned long)e->int2 : 0;
	/* an unquoted value: the start tag's end is not found either */
	if (p->attr_line != 0 && line == p->attr_line &&
	    (e->code == XML_ERR_GT_REQUIRED || (e->message != NULL &&
	    strncmp(e->message, "attributes construct error", 26) == 0)))
		return;
	p->errors++;
	if (e->code == XML_ERR_ATTRIBUTE_NOT_STARTED)
		p->attr_line = line;
	if (e->code == XML_ERR_NAME_REQUIRED ||
	    e->code == XML_ERR_ENTITYREF_SEMICOL_MISSING ||
	    e->code == XML_ERR_UNDECLARED_ENTITY)
		col = back_to(p, line, col, e->message != NULL && strncmp(
		    e->message, "StartTag", 8) == 0 ? '<' : '&');
	else if (e->code == XML_ERR_TAG_NAME_MISMATCH)
		col = back_to(p, line, col, '<');
	else if (e->code == XML_ERR_TAG_NOT_FINISHED && e->str1 != NULL &&
	    e->int1 > 0) {
		line = (unsigned long)e->int1;
		col = tag_col(p, line, e->str1);
	}
	if (e->code == XML_ERR_INTERNAL_ERROR && e->message != NULL &&
	    strstr(e->message, "Excessive depth") != NULL)
		msg = pb_xasprintf("nested more than %u levels deep",
		    xmlParserMaxDepth);
	else if ((msg = plain_error(e)) == NULL)
		msg = pb_xstrdup(e->message ? e->message : "malformed XML");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	for (i = 0; i < n; i++)
		if (msg[i] == '\n')
			msg[i] = ' ';
	pb_diag_error(p->d, p->file, line, col, "%s", msg);
	free(msg);
}

/* SAX: a DOCTYPE of any kind stops the parse. */
static void
on_doctype(void *ctx, const xmlChar *name, const xmlChar *eid,
    const xmlChar *sid)
{
	xmlParserCtxtPtr ctxt = ctx;
	const char	*p, *q;
	unsigned long	 line = 1, col = 1;
	long		 used;
	struct pb_src	 at;

	(void)name;
	(void)eid;
	(void)sid;
	if (cur != NULL) {
		/* point at "<!DOCTYPE" itself: the last one before where the
		 * parser is (an earlier one may sit in a comment) */
		used = xmlByteConsumed(ctxt);
		q = cur->data + (used > 0 && (size_t)used <= cur->len ?
		    (size_t)used : cur->len);
		for (p = q; p > cur->data && !((size_t)(cur->data + cur->len -
		    p) >= 9 && memcmp(p, "<!DOCTYPE", 9) == 0); p--)
			;
		if (memcmp(p, "<!DOCTYPE", 9) == 0 && (size_t)(cur->data +
		    cur->len - p) >= 9) {
			at = pb_src_at(cur->file, cur->data, cur->len,
			    (size_t)(p - cur->data), 1);
			line = at.line;
			col = at.col;
		} else {
			line = (unsigned long)ctxt->input->line;
			col = (unsigned long)xmlSAX2GetColumnNumber(ctxt);
		}
		pb_diag_error(cur->d, cur->file, line, col,
		    "a DOCTYPE is not allowed in peerbrief input");
	}
	if (cur != NULL)
		cur->refused = 1;
	xmlStopParser(ctxt);
}

/*
 * A UTF-8 byte order mark followed by a declaration naming another
 * encoding is a fatal error in XML 1.0 (4.3.3) that libxml2 lets pass,
 * reading the text in the declared encoding. Returns 0 (error recorded).
 */
static int
bom_agrees(const char *file, const char *data, size_t len, struct pb_diags *d)
{
	const char	*p, *end, *q;
	size_t		 n;

	if (len < 3 || memcmp(data, "\xEF\xBB\xBF", 3) != 0)
		return 1;
	p = data + 3;
	end = memchr(p, '>', len - 3);
	/* end first: the data need not be NUL-terminated (a lone BOM) */
	if (end == NULL || end - p < 5 || memcmp(p, "<?xml", 5) != 0)
		return 1;
	for (q = p; q + 9 < end && strncmp(q, "encoding=", 9) != 0; q++)
		;
	if (q + 9 >= end)
		return 1;
	q += 10;	/* past the quote */
	for (n = 0; q + n < end && q[n] != '"' && q[n] != '\''; n++)
		;
	if ((n == 5 && strncasecmp(q, "UTF-8", 5) == 0) ||
	    (n == 4 && strncasecmp(q, "UTF8", 4) == 0))
		return 1;
	pb_diag_error(d, file, 1, (unsigned long)(q - p) + 1, "the encoding "
	    "declaration '%.*s' contradicts the UTF-8 byte order mark",
	    (int)n, q);
	return 0;
}

/* The node after n under top in document order, or NULL. */
static xmlNodePtr
next_node(xmlNodePtr n, xmlNodePtr top)
{
	if (n->type == XML_ELEMENT_NODE && n->children != NULL)
		return n->children;
	while (n != top && n->next == NULL)
		n = n->parent;
	return n == top ? NULL : n->next;
}

/*
 * For name "P:L" whose prefix P is one of known: sets *ns to P's
 * namespace declared on root (declared there the first time) and
 * returns L, which the caller frees; else NULL.
 */
static char *
known_name(xmlNodePtr root, const char *const *known, const xmlChar *name,
    xmlNsPtr *ns)
{
	const char	*colon = strchr((const char *)name, ':'), *uri;
	char		*prefix;

	*ns = NULL;
	if (colon == NULL)
		return NULL;
	prefix = pb_xstrndup((const char *)name, (size_t)(colon -
	    (const char *)name));
	if ((uri = known_uri(known, prefix)) != NULL) {
		for (*ns = root->nsDef; *ns != NULL && !xmlStrEqual(
		    (*ns)->prefix, BAD_CAST prefix); *ns = (*ns)->next)
			;
		if (*ns == NULL)
			*ns = xmlNewNs(root, BAD_CAST uri, BAD_CAST prefix);
		else if (!xmlStrEqual((*ns)->href, BAD_CAST uri))
			*ns = NULL;
	}
	free(prefix);
	return *ns != NULL ? pb_xstrdup(colon + 1) : NULL;
}

/*
 * Reads every element and attribute of doc whose prefix, one of known,
 * no xmlns: declared (libxml2 names it "P:L", in no namespace) as if it
 * had been, so that what follows the reader's one message about it
 * checks the file as its author meant it. Returns 0 when a name of no
 * namespace still holds a prefix.
 */
static int
declare(xmlDocPtr doc, const char *const *known)
{
	xmlNodePtr	 root = xmlDocGetRootElement(doc), n;
	xmlAttrPtr	 a;
	xmlNsPtr	 ns;
	char		*local;

	for (n = root; n != NULL; n = next_node(n, root)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->ns == NULL && strchr((const char *)n->name, ':')) {
			if ((local = known_name(root, known, n->name,
			    &ns)) == NULL)
				return 0;
			xmlNodeSetName(n, BAD_CAST local);
			xmlSetNs(n, ns);
			free(local);
		}
		for (a = n->properties; a != NULL; a = a->next) {
			if (a->ns != NULL || !strchr((const char *)a->name,
			    ':'))
				continue;
			if ((local = known_name(root, known, a->name,
			    &ns)) == NULL)
				return 0;
			xmlNodeSetName((xmlNodePtr)a, BAD_CAST local);
			a->ns = ns;
			free(local);
		}
	}
	return 1;
}

xmlDocPtr
pb_xml_parse(const char *file, const char *data, size_t len,
    struct pb_diags *d)
{
	return pb_xml_parse_ns(file, data, len, NULL, d);
}

xmlDocPtr
pb_xml_parse_ns(const char *file, const char *data, size_t len,
    const char *const *known, struct pb_diags *d)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr	 doc = NULL;
	struct parse	 p;
	size_t		 errs = d->errors;

	memset(&p, 0, sizeof(p));
	p.file = file;
	p.data = data;
	p.len = len;
	p.d = d;
	p.known = known;
	if (len > INT_MAX) {
		pb_diag_error(d, file, 0, 0, "file too large");
		return NULL;
	}
	if (!bom_agrees(file, data, len, d))
		return NULL;
	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		pb_diag_error(d, file, 0, 0, "cannot create XML parser");
		return NULL;
	}
	ctxt->sax->internalSubset = on_doctype;
	xmlSetStructuredErrorFunc(&p, on_error);
	cur = &p;
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, file, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOCDATA);
	cur = NULL;
	xmlSetStructuredErrorFunc(NULL, NULL);
	/* a prefix of known left undeclared, and nothing else wrong: the
	 * document is read as if it were declared, its error recorded */
	if (doc != NULL && ctxt->wellFormed && !p.refused && p.errors == 0 &&
	    p.prefixes != NULL && !p.unknown && known != NULL &&
	    declare(doc, known))
		;
	else if (doc != NULL && (!ctxt->wellFormed || p.refused ||
	    d->errors != errs)) {
		if (d->errors == errs)
			pb_diag_error(d, file, 0, 0, "malformed XML");
		xmlFreeDoc(doc);
		doc = NULL;
	} else if (doc == NULL && d->errors == errs)
		pb_diag_error(d, file, 0, 0, "malformed XML");
	xmlHashFree(p.prefixes, NULL);
	xmlFreeParserCtxt(ctxt);
	return doc;
}
