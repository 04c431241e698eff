/*
 * htmlnorm - print an HTML fragment (or document) in a canonical form, so
 * that two renderings that differ only in serialization compare equal.
 *
 * Usage: htmlnorm [FILE]      (no FILE or "-": standard input)
 *
 * The rules follow CommonMark's test/normalize.py, made deterministic:
 *   - the input is parsed with libxml2's HTML parser; a fragment is wrapped
 *     in <html><body>...</body></html> first, a whole document (one that
 *     starts with <!DOCTYPE or <html) is parsed as it is;
 *   - comments and processing instructions are dropped;
 *   - characters the parser would drop unseen (C0 controls but tab, LF and
 *     CR; U+FFFE, U+FFFF) are first made visible text, so they still count;
 *   - outside <pre>, each run of ASCII whitespace in text becomes one space,
 *     and whitespace next to a block-level tag is removed; a newline right
 *     after <br> is removed;
 *   - inside <pre>, text is kept exactly;
 *   - entities and character references are decoded, then &, < and > are
 *     escaped in text, and &, <, > and " in attribute values;
 *   - attributes are sorted by name (values kept exactly);
 *   - void elements are written as <br>, <img ...>, never <br />.
 * Tag and attribute names come out in lower case (the parser folds them).
 *
 * Build: cc -std=c11 -W -Wall -Wextra -pedantic htmlnorm.c \
 *            $(pkg-config --cflags --libs libxml-2.0)
 * Exit: 0 done, 2 usage, 3 read or parse failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

/* A growable byte buffer. */
struct buf {
	char	*p;
	size_t	 len, cap;
};

static void
die(const char *msg)
{
	fprintf(stderr, "htmlnorm: %s\n", msg);
	exit(3);
}

static void
put(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;

		while (b->len + n + 1 > cap)
			cap *= 2;
		if ((b->p = realloc(b->p, cap)) == NULL)
			die("out of memory");
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
puts_(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/* Removes trailing whitespace from the output (before a block tag). */
static void
rstrip(struct buf *b)
{
	while (b->len > 0 && is_space((unsigned char)b->p[b->len - 1]))
		b->len--;
	if (b->p != NULL)
		b->p[b->len] = '\0';
}

/* Block-level tags, as in normalize.py (plus a few HTML5 ones). */
static int
is_block(const char *tag)
{
	static const char *const blocks[] = {
		"address", "article", "aside", "audio", "blockquote", "body",
		"button", "canvas", "caption", "col", "colgroup", "dd", "details",
		"div", "dl", "dt", "embed", "fieldset", "figcaption", "figure",
		"footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
		"header", "hgroup", "hr", "html", "iframe", "li", "link", "main",
		"map", "meta", "nav", "noscript", "object", "ol", "output", "p",
		"pre", "section", "style", "summary", "table", "tbody", "td",
		"tfoot", "th", "thead", "title", "tr", "ul", "video", NULL
	};
	size_t	 i;

	for (i = 0; blocks[i] != NULL; i++)
		if (strcmp(tag, blocks[i]) == 0)
			return 1;
	return 0;
}

/* Elements that never have content or an end tag. */
static int
is_void(const char *tag)
{
	static const char *const voids[] = {
		"area", "base", "br", "col", "embed", "hr", "img", "input",
		"link", "meta", "param", "source", "track", "wbr", NULL
	};
	size_t	 i;

	for (i = 0; voids[i] != NULL; i++)
		if (strcmp(tag, voids[i]) == 0)
			return 1;
	return 0;
}

/* Where the writer is: what came last, which tag, inside <pre> or not. */
enum last { L_START, L_END, L_DATA };

struct norm {
	struct buf	 out;
	struct buf	 text;		/* pending text, raw (decoded) */
	enum last	 last;
	char		 last_tag[64];
	int		 in_pre;	/* depth of <pre> elements */
};

static void
escape(struct buf *b, const char *s, size_t n, int attr)
{
	size_t	 i, from = 0;

	for (i = 0; i < n; i++) {
		const char *rep = NULL;

		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = attr ? "&quot;" : NULL; break;
		default: break;
		}
		if (rep != NULL) {
			put(b, s + from, i - from);
			puts_(b, rep);
			from = i + 1;
		}
	}
	put(b, s + from, n - from);
}

/* Writes the pending text with normalize.py's handle_data rules. */
static void
flush_text(struct norm *n)
{
	const char	*s = n->text.p;
	size_t		 len = n->text.len, i;
	struct buf	 t = { NULL, 0, 0 };
	int		 after_tag, after_block;

	if (len == 0)
		return;
	after_tag = n->last == L_START || n->last == L_END;
	after_block = after_tag && is_block(n->last_tag);
	if (after_tag && strcmp(n->last_tag, "br") == 0)
		while (len > 0 && *s == '\n')
			s++, len--;
	if (n->in_pre) {
		put(&t, s, len);
	} else {
		/* Collapse each whitespace run to one space. */
		for (i = 0; i < len; i++) {
			if (is_space((unsigned char)s[i])) {
				while (i + 1 < len &&
				    is_space((unsigned char)s[i + 1]))
					i++;
				put(&t, " ", 1);
			} else
				put(&t, s + i, 1);
		}
		if (after_block && t.len > 0 && t.p[0] == ' ') {
			memmove(t.p, t.p + 1, t.len);
			t.len--;
		}
		if (after_block && n->last == L_END)
			rstrip(&t);
	}
	if (t.len > 0)
		escape(&n->out, t.p, t.len, 0);
	free(t.p);
	n->text.len = 0;
	n->last = L_DATA;
}

static void
set_last(struct norm *n, enum last l, const char *tag)
{
	n->last = l;
	snprintf(n->last_tag, sizeof(n->last_tag), "%s", tag);
}

static int
cmp_attr(const void *a, const void *b)
{
	const xmlAttr *x = *(const xmlAttr *const *)a;
	const xmlAttr *y = *(const xmlAttr *const *)b;

	return strcmp((const char *)x->name, (const char *)y->name);
}

static void
start_tag(struct norm *n, xmlNodePtr e)
{
	const char	 *tag = (const char *)e->name;
	xmlAttrPtr	  a, *v;
	size_t		  na = 0, i;

	flush_text(n);
	if (strcmp(tag, "pre") == 0)
		n->in_pre++;
	else if (is_block(tag) && !n->in_pre)
		rstrip(&n->out);
	puts_(&n->out, "<");
	puts_(&n->out, tag);
	for (a = e->properties; a != NULL; a = a->next)
		na++;
	if (na > 0) {
		if ((v = calloc(na, sizeof(*v))) == NULL)
			die("out of memory");
		for (i = 0, a = e->properties; a != NULL; a = a->next)
			v[i++] = a;
		qsort(v, na, sizeof(*v), cmp_attr);
		for (i = 0; i < na; i++) {
			xmlChar *val = xmlNodeListGetString(e->doc,
			    v[i]->children, 1);

			puts_(&n->out, " ");
			if (v[i]->ns != NULL && v[i]->ns->prefix != NULL) {
				puts_(&n->out, (const char *)v[i]->ns->prefix);
				puts_(&n->out, ":");
			}
			puts_(&n->out, (const char *)v[i]->name);
			if (val != NULL) {
				/* decode &amp; etc. once more: the parser
				 * already did, so val is the real value */
				puts_(&n->out, "=\"");
				escape(&n->out, (const char *)val,
				    strlen((const char *)val), 1);
				puts_(&n->out, "\"");
				xmlFree(val);
			}
		}
		free(v);
	}
	puts_(&n->out, ">");
	set_last(n, is_void(tag) ? L_END : L_START, tag);
}

static void
end_tag(struct norm *n, const char *tag)
{
	flush_text(n);
	if (strcmp(tag, "pre") == 0) {
		if (n->in_pre > 0)
			n->in_pre--;
	} else if (is_block(tag) && !n->in_pre)
		rstrip(&n->out);
	puts_(&n->out, "</");
	puts_(&n->out, tag);
	puts_(&n->out, ">");
	set_last(n, L_END, tag);
}

static void
walk(struct norm *n, xmlNodePtr cur)
{
	for (; cur != NULL; cur = cur->next) {
		switch (cur->type) {
		case XML_ELEMENT_NODE:
			start_tag(n, cur);
			if (!is_void((const char *)cur->name)) {
				walk(n, cur->children);
				end_tag(n, (const char *)cur->name);
			}
			break;
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (cur->content != NULL)
				puts_(&n->text, (const char *)cur->content);
			break;
		case XML_ENTITY_REF_NODE:
			/* an unknown entity kept as a reference */
			puts_(&n->text, "&");
			puts_(&n->text, (const char *)cur->name);
			puts_(&n->text, ";");
			break;
		default:
			/* comments, processing instructions: dropped */
			break;
		}
	}
}

static void
read_all(FILE *f, struct buf *b)
{
	char	 chunk[8192];
	size_t	 n;

	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		put(b, chunk, n);
	if (ferror(f))
		die("cannot read input");
	if (b->p == NULL)
		put(b, "", 0);
}

/*
 * Copies s into b, turning what libxml2's HTML parser would silently drop
 * into visible text, so that it still counts as a difference: C0 control
 * characters other than tab, newline and carriage return become their
 * Control Pictures (U+2400 + c), and the noncharacters U+FFFE and U+FFFF
 * become the text "<U+FFFE>" / "<U+FFFF>" written with guillemets.
 */
static void
put_visible(struct buf *b, const char *s, size_t n)
{
	size_t	 i, from = 0;

	for (i = 0; i < n; i++) {
		unsigned char	 c = (unsigned char)s[i];
		char		 pic[4];

		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
			put(b, s + from, i - from);
			pic[0] = '\xE2';
			pic[1] = '\x90';
			pic[2] = (char)(0x80 + c);
			put(b, pic, 3);
			from = i + 1;
		} else if (c == 0xEF && i + 2 < n &&
		    (unsigned char)s[i + 1] == 0xBF &&
		    ((unsigned char)s[i + 2] == 0xBE ||
		    (unsigned char)s[i + 2] == 0xBF)) {
			put(b, s + from, i - from);
			puts_(b, (unsigned char)s[i + 2] == 0xBE ?
			    "\xC2\xABU+FFFE\xC2\xBB" : "\xC2\xABU+FFFF\xC2\xBB");
			i += 2;
			from = i + 1;
		}
	}
	put(b, s + from, n - from);
}

/* Does the text start (after a BOM and whitespace) like a whole document? */
static int
is_document(const char *s)
{
	if (strncmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	while (is_space((unsigned char)*s))
		s++;
	return xmlStrncasecmp((const xmlChar *)s, BAD_CAST "<!doctype", 9) == 0
	    || xmlStrncasecmp((const xmlChar *)s, BAD_CAST "<html", 5) == 0;
}

/* libxml2 reports to this; the normalizer is silent on bad HTML. */
static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int
main(int argc, char **argv)
{
	struct buf	 in = { NULL, 0, 0 }, src = { NULL, 0, 0 };
	struct norm	 n;
	FILE		*f = stdin;
	htmlDocPtr	 doc;
	xmlNodePtr	 root, body;
	int		 whole;

	if (argc > 2 || (argc == 2 && argv[1][0] == '-' && argv[1][1] != '\0')) {
		fprintf(stderr, "usage: htmlnorm [FILE]\n");
		return 2;
	}
	if (argc == 2 && strcmp(argv[1], "-") != 0 &&
	    (f = fopen(argv[1], "rb")) == NULL) {
		perror(argv[1]);
		return 3;
	}
	read_all(f, &in);
	if (f != stdin)
		fclose(f);

	xmlSetGenericErrorFunc(NULL, quiet);
	whole = is_document(in.p);
	if (!whole)
		puts_(&src, "<html><body>");
	put_visible(&src, in.p, in.len);
	if (!whole)
		puts_(&src, "</body></html>");
	if (src.len > (size_t)0x7fffffff)
		die("input too large");
	doc = htmlReadMemory(src.p, (int)src.len, NULL, "UTF-8",
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	if (doc == NULL)
		die("cannot parse input");

	memset(&n, 0, sizeof(n));
	n.last = L_START;
	snprintf(n.last_tag, sizeof(n.last_tag), "body");
	root = xmlDocGetRootElement(doc);
	if (whole) {
		if (doc->intSubset != NULL && doc->intSubset->name != NULL) {
			puts_(&n.out, "<!DOCTYPE ");
			puts_(&n.out, (const char *)doc->intSubset->name);
			puts_(&n.out, ">\n");
		}
		walk(&n, root);
	} else {
		/* Only what is inside the wrapper's body. */
		for (body = root ? root->children : NULL; body != NULL;
		    body = body->next)
			if (body->type == XML_ELEMENT_NODE &&
			    xmlStrEqual(body->name, BAD_CAST "body"))
				break;
		if (body != NULL)
			walk(&n, body->children);
		n.last_tag[0] = '\0';
		end_tag(&n, "body");
		/* drop the wrapper's end tag written by end_tag */
		n.out.len -= strlen("</body>");
		n.out.p[n.out.len] = '\0';
		rstrip(&n.out);
	}
	flush_text(&n);
	rstrip(&n.out);
	fwrite(n.out.p ? n.out.p : "", 1, n.out.len, stdout);
	putchar('\n');

	xmlFreeDoc(doc);
	free(in.p);
	free(src.p);
	free(n.out.p);
	free(n.text.p);
	return fflush(stdout) == 0 ? 0 : 3;
}
