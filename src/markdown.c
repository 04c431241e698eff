/*
 * markdown.c - reading a Markdown position: YAML front matter (libyaml)
 * and a CommonMark body (cmark), built straight into the libxml2 tree of
 * docs/tree.md. Raw HTML is dropped here and unsafe URLs emptied, so no
 * later stage ever sees them.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark.h>
#include <libxml/tree.h>
#include <yaml.h>

#include "arith.h"
#include "pb.h"
#include "position.h"
#include "url.h"
#include "tree.h"

/* Where the body starts and what the front matter said. */
struct fm {
	const char	*body;
	size_t		 bodylen;
	unsigned long	 lines;		/* file lines before the body */
	const char	*yaml;
	size_t		 yamllen;
	const char	*notmap;	/* NULL, or "a list" or "plain
					 * text": a block between
					 * two '---' lines that is YAML but
					 * not key: value lines */
};

/*
 * Length of the line at p (up to end) without its line end and trailing
 * blanks; *next is set to the start of the line after it, or NULL.
 */
static size_t
fm_line(const char *p, const char *end, const char **next)
{
	const char	*nl = memchr(p, '\n', (size_t)(end - p));
	size_t		 n = nl ? (size_t)(nl - p) : (size_t)(end - p);

	*next = nl ? nl + 1 : NULL;
	if (n > 0 && p[n - 1] == '\r')
		n--;
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	return n;
}

/*
 * What the lines from line (the one after a first '---') hold when they
 * do not open front matter but look like front matter all the same: no
 * blank line, then a closing '---' or '...' line. Returns "a list" when
 * the first line is a YAML sequence entry, else "plain text" (a YAML
 * scalar); NULL when there is no such block.
 */
static const char *
fm_notmap(const char *line, const char *end)
{
	const char	*first = line, *next;
	size_t		 n, firstn = 0;
	int		 lines = 0;

	for (; line != NULL && line < end; line = next) {
		n = fm_line(line, end, &next);
		if (n == 0)
			return NULL;
		if (n == 3 && (memcmp(line, "---", 3) == 0 ||
		    memcmp(line, "...", 3) == 0))
			break;
		if (lines++ == 0)
			firstn = n;
	}
	if (line == NULL || line >= end || lines == 0)
		return NULL;
	if (first[0] == '-' && (firstn == 1 || first[1] == ' '))
		return "a list";
	return "plain text";
}

/*
 * Non-zero when the line at p (n bytes) can open YAML front matter: a
 * mapping key ("title:", "lang: en") or a YAML comment. Anything else
 * after a first "---" is Markdown (a thematic break or a setext heading),
 * as CommonMark reads it.
 */
static int
fm_opens(const char *p, size_t n)
{
	size_t	 i = 0;

	if (n > 0 && p[0] == '#')
		return 1;
	if (n > 0 && (p[0] == '"' || p[0] == '\'')) {
		for (i = 1; i < n && p[i] != p[0]; i++)
			;
		i++;
	} else
		while (i < n && (isalnum((unsigned char)p[i]) || p[i] == '_' ||
		    p[i] == '-'))
			i++;
	if (i == 0 || i >= n + 1)
		return 0;
	while (i < n && p[i] == ' ')
		i++;
	return i < n && p[i] == ':' && (i + 1 == n || p[i + 1] == ' ' ||
	    p[i + 1] == '\t' || p[i + 1] == '\r');
}

/*
 * Splits data into front matter and body. Front matter is a first line
 * "---" followed by a line that opens YAML (fm_opens), and runs to a line
 * "---" or "...". Returns 0 (error recorded) when it is opened and never
 * closed.
 */
static int
fm_split(const char *file, const char *data, size_t len, struct fm *f,
    struct pb_diags *d)
{
	const char	*p, *end = data + len, *nl, *line;
	size_t		 n;
	unsigned long	 lineno = 1;

	memset(f, 0, sizeof(*f));
	f->body = data;
	f->bodylen = len;
	p = data;
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	nl = memchr(p, '\n', (size_t)(end - p));
	n = nl ? (size_t)(nl - p) : (size_t)(end - p);
	if (n > 0 && p[n - 1] == '\r')
		n--;
	while (n > 3 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (nl == NULL || n != 3 || memcmp(p, "---", 3) != 0)
		return 1;
	line = nl + 1;
	nl = memchr(line, '\n', (size_t)(end - line));
	if (!fm_opens(line, nl ? (size_t)(nl - line) : (size_t)(end - line))) {
		f->notmap = fm_notmap(line, end);
		return 1;
	}
	f->yaml = line;
	for (line = f->yaml; line < end; line = nl + 1) {
		lineno++;
		nl = memchr(line, '\n', (size_t)(end - line));
		n = nl ? (size_t)(nl - line) : (size_t)(end - line);
		if (n > 0 && line[n - 1] == '\r')
			n--;
		while (n > 3 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
			n--;
		if (n == 3 && (memcmp(line, "---", 3) == 0 ||
		    memcmp(line, "...", 3) == 0)) {
			f->yamllen = (size_t)(line - f->yaml);
			f->lines = lineno;
			f->body = nl ? nl + 1 : end;
			f->bodylen = (size_t)(end - f->body);
			return 1;
		}
		if (nl == NULL)
			break;
	}
	pb_diag_error(d, file, 1, 1,
	    "front matter opened with '---' is never closed");
	return 0;
}

/* Front matter larger than this is refused (libyaml is slow on deep
 * flow collections, and a position's metadata is a few lines). */
#define PB_MAX_FRONT_MATTER (64u * 1024)

/* Deepest nesting of lists and mappings allowed in front matter. */
#define PB_MAX_YAML_DEPTH 16

/*
 * Reads the front matter's YAML as events and refuses nesting deeper than
 * PB_MAX_YAML_DEPTH before libyaml builds anything. Syntax errors are left
 * for the real parse to report. Returns 0 (error recorded) when too deep.
 */
static int
fm_shallow(const char *file, const struct fm *f, struct pb_diags *d)
{
	yaml_parser_t	 p;
	yaml_event_t	 ev;
	int		 depth = 0, rc = 1, done = 0;

	if (!yaml_parser_initialize(&p))
		return 1;
	yaml_parser_set_input_string(&p, (const unsigned char *)f->yaml,
	    f->yamllen);
	while (!done && yaml_parser_parse(&p, &ev)) {
		switch (ev.type) {
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++depth > PB_MAX_YAML_DEPTH) {
				pb_diag_error(d, file, 2 + ev.start_mark.line,
				    ev.start_mark.column + 1, "front matter "
				    "nested more than %d levels deep",
				    PB_MAX_YAML_DEPTH);
				rc = 0;
				done = 1;
			}
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return rc;
}

/*
 * Refuses the line breaks YAML counts and a file's lines do not: a
 * carriage return without a line feed, U+0085, U+2028 and U+2029. With
 * them libyaml's line numbers would not be the file's. Returns 0 (error
 * recorded at the first) when there is one.
 */
static int
fm_breaks(const char *file, const struct fm *f, struct pb_diags *d)
{
	const unsigned char	*y = (const unsigned char *)f->yaml;
	size_t			 i, n = f->yamllen;
	struct pb_src		 at;

	for (i = 0; i < n; i++) {
		if ((y[i] == '\r' && (i + 1 == n || y[i + 1] != '\n')) ||
		    (y[i] == 0xc2 && i + 1 < n && y[i + 1] == 0x85) ||
		    (y[i] == 0xe2 && i + 2 < n && y[i + 1] == 0x80 &&
		    (y[i + 2] == 0xa8 || y[i + 2] == 0xa9))) {
			at = pb_src_at(file, f->yaml, n, i, 2);
			pb_diag_error(d, file, at.line, at.col, "front matter: "
			    "a line break other than LF or CRLF (a lone CR, "
			    "U+0085, U+2028 or U+2029)");
			return 0;
		}
	}
	return 1;
}

/* Adds <pb:NAME>text</pb:NAME> to meta. */
static void
meta_add(xmlNodePtr meta, const char *name, const char *text)
{
	pb_tree_add_text(xmlNewChild(meta, meta->ns, BAD_CAST name, NULL),
	    text, strlen(text));
}

static const char *
scalar(yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

/* Reports a YAML node of the wrong shape at its position. */
static void
yaml_bad(const char *file, yaml_node_t *n, const char *key,
    const char *want, struct pb_diags *d)
{
	/* YAML line 0 is the file's line 2, after the opening '---'. */
	pb_diag_error(d, file, 2 + n->start_mark.line,
	    n->start_mark.column + 1, "front matter '%s' must be %s",
	    key, want);
}

/* One key of the front matter's mapping, for fm_dups. */
struct fmkey {
	const char	*key;
	size_t		 i;	/* its pair's index */
	yaml_node_t	*node;
};

static int
fmkey_cmp(const void *a, const void *b)
{
	const struct fmkey	*x = a, *y = b;
	int			 c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/*
 * Reports every key of the mapping root given a second time, at that key
 * (YAML 1.2 forbids it; libyaml lets it pass). Returns a flag per pair,
 * set for the repeats, which the caller then skips; the caller frees it.
 */
static char *
fm_dups(const char *file, yaml_document_t *doc, yaml_node_t *root,
    unsigned long base, struct pb_diags *d)
{
	yaml_node_pair_t	*pair;
	yaml_node_t		*k;
	struct fmkey		*v;
	size_t			 n, m = 0, i;
	char			*dup;

	n = (size_t)(root->data.mapping.pairs.top -
	    root->data.mapping.pairs.start);
	dup = pb_xcalloc(n + 1, 1);
	v = pb_xcalloc(n + 1, sizeof(*v));
	for (i = 0, pair = root->data.mapping.pairs.start; i < n;
	    i++, pair++)
		if ((k = yaml_document_get_node(doc, pair->key)) != NULL &&
		    k->type == YAML_SCALAR_NODE) {
			v[m].key = scalar(k);
			v[m].i = i;
			v[m++].node = k;
		}
	if (m > 1)
		qsort(v, m, sizeof(*v), fmkey_cmp);
	for (i = 1; i < m; i++) {
		size_t	 first = i - 1;

		if (strcmp(v[i].key, v[first].key) != 0)
			continue;
		while (first > 0 && strcmp(v[first - 1].key, v[i].key) == 0)
			first--;
		dup[v[i].i] = 1;
		pb_diag_error(d, file, base + v[i].node->start_mark.line,
		    v[i].node->start_mark.column + 1, "front matter key '%s' "
		    "given twice (first at line %lu)", v[i].key,
		    base + (unsigned long)v[first].node->start_mark.line);
	}
	free(v);
	return dup;
}

/* The front matter keys peerbrief reads (DESIGN.md), in its order. */
static const char *const fm_keys[] = {
	"title", "subtitle", "authors", "date", "summary", "tags", "lang"
};
#define FM_NKEYS (sizeof(fm_keys) / sizeof(fm_keys[0]))

/*
 * Warns of a front matter key peerbrief does not read, at the key, with
 * the nearest known keys (or all of them when none is near): a typo
 * would otherwise lose its value without a word.
 */
static void
fm_unknown(const char *file, yaml_node_t *k, unsigned long base,
    struct pb_diags *d)
{
	struct pb_buf	 s = { NULL, 0, 0 };

	pb_suggest(scalar(k), fm_keys, FM_NKEYS, 0, &s);
	if (s.len == 0) {
		pb_buf_puts(&s, "one of ");
		pb_buf_put_choices(&s, fm_keys, FM_NKEYS, 1);
	}
	pb_diag_warning(d, file, base + k->start_mark.line,
	    k->start_mark.column + 1, "unknown front matter key '%s', "
	    "ignored; did you mean %s?", scalar(k), s.data);
	pb_buf_free(&s);
}

/*
 * Reports why libyaml's parser p could not load the front matter of f.
 * Points at what was open (a quote, a bracket) when there is one: that
 * is where the mistake usually is. base is the file line of YAML's line 0.
 */
static void
fm_yaml_error(const char *file, const struct fm *f, const yaml_parser_t *p,
    unsigned long base, struct pb_diags *d)
{
	if (p->error == YAML_READER_ERROR) {
		/* the YAML text starts on the file's line 2 */
		struct pb_src at = pb_src_at(file, f->yaml, f->yamllen,
		    p->problem_offset, 2);

		pb_diag_error(d, file, at.line, at.col, "front matter: %s",
		    p->problem ? p->problem : "unreadable text");
	} else if (p->problem != NULL && strstr(p->problem, "cannot start "
	    "any token") != NULL && p->problem_mark.index < f->yamllen &&
	    f->yaml[p->problem_mark.index] == '\t')
		pb_diag_error(d, file, base + p->problem_mark.line,
		    p->problem_mark.column + 1, "front matter: a tab, which "
		    "YAML does not allow here: indent with spaces");
	else if (p->problem != NULL && strcmp(p->problem, "mapping values "
	    "are not allowed in this context") == 0)
		pb_diag_error(d, file, base + p->problem_mark.line,
		    p->problem_mark.column + 1, "front matter: a ': ' inside "
		    "a value: put the value in quotes (title: \"Peer notes: do "
		    "they pay?\")");
	else if (p->context != NULL && strcmp(p->context, "while scanning a "
	    "quoted scalar") == 0)
		pb_diag_error(d, file, base + p->context_mark.line,
		    p->context_mark.column + 1, "front matter: this quote is "
		    "never closed: end the value with the same quote mark");
	else if (p->context != NULL)
		pb_diag_error(d, file, base + p->context_mark.line,
		    p->context_mark.column + 1, "front matter: %s: %s "
		    "(line %lu)", p->context, p->problem ? p->problem :
		    "invalid YAML", base + (unsigned long)p->problem_mark.line);
	else
		pb_diag_error(d, file, base + p->problem_mark.line,
		    p->problem_mark.column + 1, "front matter: %s",
		    p->problem ? p->problem : "invalid YAML");
}

/*
 * Adds the value v of front matter key "authors" or "tags" to meta, one
 * <author> or <tag> per item (a single text is one item); a value that
 * is not text or a list of text is reported once.
 */
static void
fm_list(const char *file, yaml_document_t *doc, yaml_node_t *v,
    const char *key, xmlNodePtr meta, struct pb_diags *d)
{
	const char		*el = key[0] == 'a' ? "author" : "tag";
	yaml_node_item_t	*item;
	yaml_node_t		*it;

	if (v->type == YAML_SCALAR_NODE) {
		meta_add(meta, el, scalar(v));
		return;
	}
	if (v->type != YAML_SEQUENCE_NODE) {
		yaml_bad(file, v, key, "a list of text", d);
		return;
	}
	for (item = v->data.sequence.items.start;
	    item < v->data.sequence.items.top; item++) {
		it = yaml_document_get_node(doc, *item);
		if (it == NULL || it->type != YAML_SCALAR_NODE) {
			yaml_bad(file, it ? it : v, key, "a list of text", d);
			break;	/* once is enough */
		}
		meta_add(meta, el, scalar(it));
	}
}

/*
 * Takes the text v of front matter key "title", "subtitle", "date",
 * "summary" or "lang": the title and the language into *title and *lang
 * (pointing into the YAML document), the others added to meta. A blank
 * title (*title NULL), a bad language tag (*lang "en") or a bad date is
 * reported at the value.
 */
static void
fm_text(const char *file, yaml_node_t *v, const char *key,
    unsigned long base, xmlNodePtr meta, const char **title,
    const char **lang, struct pb_diags *d)
{
	struct pb_date	 date;

	if (strcmp(key, "title") == 0) {
		*title = scalar(v);
		if ((*title)[strspn(*title, " \t")] == '\0') {
			pb_diag_error(d, file, base + v->start_mark.line,
			    v->start_mark.column + 1,
			    "title must not be empty");
			*title = NULL;
		}
	} else if (strcmp(key, "lang") == 0) {
		*lang = scalar(v);
		if (!pb_lang_valid(*lang)) {
			yaml_bad(file, v, key,
			    "a language tag such as 'en' or 'es-US'", d);
			*lang = "en";
		}
	} else if (strcmp(key, "date") == 0 &&
	    !pb_date_parse(scalar(v), &date)) {
		yaml_bad(file, v, key, "a date YYYY-MM-DD", d);
	} else
		meta_add(meta, key, scalar(v));
}

/*
 * Says that the block after the first '---' of f is not front matter:
 * an error where a title is required (a position of a build), else a
 * warning, since CommonMark reads the block as a thematic break and
 * Markdown and convert keeps that reading.
 */
static void
fm_notmap_say(const char *file, const struct fm *f,
    const struct pb_read_opts *o, struct pb_diags *d)
{
	if (o->require_title)
		pb_diag_error(d, file, 2, 1, "front matter is 'key: value' "
		    "lines, one per line ('title: ...', 'date: YYYY-MM-DD'), "
		    "not %s", f->notmap);
	else
		pb_diag_warning(d, file, 2, 1, "%s between two '---' lines "
		    "is read as Markdown; front matter is 'key: value' lines "
		    "('title: ...')", f->notmap);
}

/*
 * Reads one front-matter pair, key k and value v, into meta (a title or
 * lang found into *title or *lang). A key near 'title' is not said here
 * but left in *tkey (the first such) for fm_parse to say once, with the
 * missing title when there is none.
 */
static void
fm_pair(const char *file, yaml_document_t *doc, yaml_node_t *k,
    yaml_node_t *v, unsigned long base, xmlNodePtr meta, const char **title,
    const char **lang, yaml_node_t **tkey, struct pb_diags *d)
{
	const char	*key, *near;

	if (k->type != YAML_SCALAR_NODE) {
		pb_diag_error(d, file, base + k->start_mark.line,
		    k->start_mark.column + 1,
		    "front matter keys must be plain words");
		return;
	}
	key = scalar(k);
	if (strcmp(key, "authors") == 0 || strcmp(key, "tags") == 0) {
		fm_list(file, doc, v, key, meta, d);
		return;
	}
	if (strcmp(key, "title") != 0 && strcmp(key, "subtitle") != 0 &&
	    strcmp(key, "date") != 0 && strcmp(key, "summary") != 0 &&
	    strcmp(key, "lang") != 0) {
		near = pb_nearest(key, fm_keys, FM_NKEYS);
		if (*tkey == NULL && near != NULL && strcmp(near, "title") == 0)
			*tkey = k;
		else
			fm_unknown(file, k, base, d);
		return;
	}
	if (v->type != YAML_SCALAR_NODE) {
		yaml_bad(file, v, key, "text", d);
		return;
	}
	fm_text(file, v, key, base, meta, title, lang, d);
}

/*
 * Parses the YAML front matter into pb:meta children. Returns 0 when
 * there was any error (each recorded).
 */
static int
fm_parse(const char *file, const struct fm *f, xmlNodePtr meta,
    const struct pb_read_opts *o, struct pb_diags *d)
{
	yaml_parser_t	 p;
	yaml_document_t	 doc;
	yaml_node_t	*root, *k, *v, *tkey = NULL;
	yaml_node_pair_t *pair;
	const char	*title = NULL, *lang = "en";
	unsigned long	 base = 2;	/* the file line of YAML's line 0 */
	size_t		 errs = d->errors;
	int		 loaded = 0;
	char		*dups = NULL;

	if (f->yaml == NULL && f->notmap != NULL) {
		fm_notmap_say(file, f, o, d);
		pb_tree_meta_finish(meta, "", lang);
		return d->errors == errs;
	}
	if (f->yaml == NULL) {
		if (o->require_title)
			pb_diag_error(d, file, 0, 0, "missing title: "
			    "start the file with front matter "
			    "('---', 'title: ...', '---')");
		pb_tree_meta_finish(meta, "", lang);
		return d->errors == errs;
	}
	if (f->yamllen > PB_MAX_FRONT_MATTER) {
		pb_diag_error(d, file, base, 1, "front matter is %zu bytes, over "
		    "the limit of %u", f->yamllen, PB_MAX_FRONT_MATTER);
		pb_tree_meta_finish(meta, "", lang);
		return 0;
	}
	if (!fm_breaks(file, f, d) || !fm_shallow(file, f, d)) {
		pb_tree_meta_finish(meta, "", lang);
		return 0;
	}
	if (!yaml_parser_initialize(&p)) {
		pb_diag_error(d, file, base, 1, "cannot start YAML parser");
		return 0;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)f->yaml,
	    f->yamllen);
	if (!yaml_parser_load(&p, &doc)) {
		fm_yaml_error(file, f, &p, base, d);
		goto out;
	}
	loaded = 1;
	root = yaml_document_get_root_node(&doc);
	if (root != NULL && root->type != YAML_MAPPING_NODE) {
		pb_diag_error(d, file, base + root->start_mark.line,
		    root->start_mark.column + 1,
		    "front matter must be a mapping of keys to values");
		goto out;
	}
	dups = root ? fm_dups(file, &doc, root, base, d) : NULL;
	for (pair = root ? root->data.mapping.pairs.start : NULL;
	    pair != NULL && pair < root->data.mapping.pairs.top; pair++) {
		k = yaml_document_get_node(&doc, pair->key);
		v = yaml_document_get_node(&doc, pair->value);
		if (k != NULL && v != NULL &&
		    !dups[pair - root->data.mapping.pairs.start])
			fm_pair(file, &doc, k, v, base, meta, &title, &lang,
			    &tkey, d);
	}
	if (title == NULL && o->require_title && d->errors == errs &&
	    tkey != NULL)
		pb_diag_error(d, file, base + tkey->start_mark.line,
		    tkey->start_mark.column + 1, "missing title: the key "
		    "'%s' is not 'title'%s; write 'title: ...'", scalar(tkey),
		    strcasecmp(scalar(tkey), "title") == 0 ?
		    " (keys are in lower case)" : "");
	else {
		if (tkey != NULL)
			fm_unknown(file, tkey, base, d);
		if (title == NULL && o->require_title && d->errors == errs)
			pb_diag_error(d, file, 1, 1, "missing title: add "
			    "'title: ...' to the front matter");
	}
out:
	pb_tree_meta_finish(meta, title ? title : "", lang);
	free(dups);
	if (loaded)
		yaml_document_delete(&doc);
	yaml_parser_delete(&p);
	return d->errors == errs;
}

/* Writes v in decimal at p; returns the end (not NUL-terminated). */
static char *
put_ulong(char *p, unsigned long v)
{
	char	 d[24];
	size_t	 n = 0;

	do
		d[n++] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	while (n > 0)
		*p++ = d[--n];
	return p;
}

/* Writes a column (cmark's int) in decimal at p, as %d would. */
static char *
put_col(char *p, int c)
{
	if (c < 0) {
		*p++ = '-';
		return put_ulong(p, 0UL - (unsigned long)c);
	}
	return put_ulong(p, (unsigned long)c);
}

/* The element name of each cmark node type; NULL: dropped. */
static const char *
cm_name(cmark_node_type t)
{
	switch (t) {
	case CMARK_NODE_DOCUMENT:	return "document";
	case CMARK_NODE_BLOCK_QUOTE:	return "block_quote";
	case CMARK_NODE_LIST:		return "list";
	case CMARK_NODE_ITEM:		return "item";
	case CMARK_NODE_CODE_BLOCK:	return "code_block";
	case CMARK_NODE_PARAGRAPH:	return "paragraph";
	case CMARK_NODE_HEADING:	return "heading";
	case CMARK_NODE_THEMATIC_BREAK:	return "thematic_break";
	case CMARK_NODE_TEXT:		return "text";
	case CMARK_NODE_SOFTBREAK:	return "softbreak";
	case CMARK_NODE_LINEBREAK:	return "linebreak";
	case CMARK_NODE_CODE:		return "code";
	case CMARK_NODE_EMPH:		return "emph";
	case CMARK_NODE_STRONG:		return "strong";
	case CMARK_NODE_LINK:		return "link";
	case CMARK_NODE_IMAGE:		return "image";
	default:			return NULL;
	}
}

/*
 * The body's lines as cmark counts them (a line ends at LF, CRLF or a
 * lone CR): where each starts, and on which of the file's lines (which
 * end at LF only) at which offset. Every place taken from cmark (the
 * sourcepos of each element, each figure reference and citation, each
 * message) goes through it, so a lone CR never puts one past the file.
 */
struct md_lines {
	const char	*body;
	size_t		 len;
	unsigned long	 off;		/* the file's lines before the body */
	size_t		*start;		/* cmark line i + 1 starts here */
	unsigned long	*fline;		/* on this file line (from 1) */
	size_t		*fstart;	/* which starts here */
	size_t		 n;
};

static void
md_lines_init(struct md_lines *l, const char *body, size_t len,
    unsigned long off)
{
	size_t		 i, fs = 0;
	unsigned long	 fl = 1;

	l->body = body;
	l->len = len;
	l->off = off;
	l->n = 1;
	for (i = 0; i < len; i++)
		l->n += body[i] == '\n' ||
		    (body[i] == '\r' && (i + 1 == len || body[i + 1] != '\n'));
	l->start = pb_xcalloc(l->n + 1, sizeof(*l->start));
	l->fline = pb_xcalloc(l->n + 1, sizeof(*l->fline));
	l->fstart = pb_xcalloc(l->n + 1, sizeof(*l->fstart));
	l->fline[0] = 1;
	l->n = 1;
	for (i = 0; i < len; i++) {
		if (body[i] == '\n') {
			fl++;
			fs = i + 1;
		} else if (body[i] != '\r' || (i + 1 < len &&
		    body[i + 1] == '\n'))
			continue;
		l->start[l->n] = i + 1;
		l->fline[l->n] = fl;
		l->fstart[l->n++] = fs;
	}
}

static void
md_lines_free(struct md_lines *l)
{
	free(l->start);
	free(l->fline);
	free(l->fstart);
}

/*
 * Column col of body line line as a place on that line: cmark gives a
 * lazy continuation line (one without its block quote's "> ") the column
 * of the paragraph's first line, which can lie past the line's end; such
 * a column becomes the line's first character that is not a blank.
 */
static unsigned long
md_col_on(const struct md_lines *l, int line, unsigned long col)
{
	size_t	 a, b, i;

	if (line < 1 || (size_t)line > l->n)
		return col;
	a = l->start[line - 1];
	b = (size_t)line < l->n ? l->start[line] - 1 : l->len;
	if (col >= 1 && col <= b - a + 1)
		return col;
	for (i = a; i < b && (l->body[i] == ' ' || l->body[i] == '\t'); i++)
		;
	return i < b ? (unsigned long)(i - a) + 1 : 1;
}

/*
 * The file's line of cmark's body line cline, and in *shift what to add
 * to a column of that line to make it a column of the file's line.
 */
static unsigned long
md_line(const struct md_lines *l, int cline, unsigned long *shift)
{
	*shift = 0;
	if (cline < 1 || (size_t)cline > l->n)
		return (unsigned long)cline + l->off;
	*shift = (unsigned long)(l->start[cline - 1] - l->fstart[cline - 1]);
	return l->fline[cline - 1] + l->off;
}

/*
 * Sets *line and *col to the file's line and column of column col of
 * cmark's body line cline, for a message: a column past the line's end
 * moves onto the line (md_col_on).
 */
static void
md_place(const struct md_lines *l, int cline, unsigned long col,
    unsigned long *line, unsigned long *fcol)
{
	unsigned long	 shift;

	*line = md_line(l, cline, &shift);
	*fcol = md_col_on(l, cline, col) + shift;
}

/* Writes "LINE:COL" of cmark's body line cline, column col, at p. */
static char *
put_place(char *p, const struct md_lines *l, int cline, int col)
{
	unsigned long	 shift;

	p = put_ulong(p, md_line(l, cline, &shift));
	*p++ = ':';
	return put_col(p, col > 0 ? col + (int)shift : col);
}

static void
set_sourcepos(xmlNodePtr x, cmark_node *n, const struct md_lines *l)
{
	char	 buf[96], *p = buf;

	/* by hand, not snprintf: every node of every body has one, and
	 * formatting them took a twentieth of a build */
	p = put_place(p, l, cmark_node_get_start_line(n),
	    cmark_node_get_start_column(n));
	*p++ = '-';
	p = put_place(p, l, cmark_node_get_end_line(n),
	    cmark_node_get_end_column(n));
	*p = '\0';
	/* x is new and has no sourcepos yet: no search for one */
	xmlNewProp(x, BAD_CAST "sourcepos", BAD_CAST buf);
}

/* Where cmark node n starts, as the file's line and column. */
static void
md_start(const struct md_lines *l, cmark_node *n, unsigned long *line,
    unsigned long *col)
{
	unsigned long	 shift;

	*line = md_line(l, cmark_node_get_start_line(n), &shift);
	*col = (unsigned long)cmark_node_get_start_column(n) + shift;
}

/* Records where the figure reference of cmark node n starts. */
static void
ref_at(struct pb_refs *refs, cmark_node *n, const struct md_lines *l)
{
	unsigned long	 line, col;

	if (refs == NULL)
		return;
	md_start(l, n, &line, &col);
	pb_refs_add(refs, line, col);
}

/* Sets a URL attribute: escaped like cmark, or "" when unsafe. */
static void
set_url(xmlNodePtr x, const char *url)
{
	char	*e;

	if (url == NULL || pb_url_unsafe(url)) {
		xmlSetProp(x, BAD_CAST "destination", BAD_CAST "");
		return;
	}
	e = pb_url_escape(url);
	pb_tree_set_prop(x, "destination", e);
	free(e);
}

/* Trims spaces and tabs from both ends of s in place; returns s. */
static char *
trim(char *s)
{
	size_t	 n;

	s += strspn(s, " \t");
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

/*
 * Makes the element for one entered cmark node: a figure reference for a
 * code span starting with '=', a citation for one starting with '@', a
 * directive for a fenced block whose info string starts with '=', else
 * the cmark element of the same name. Where a figure reference, a
 * citation or an image was written goes to refs (when not NULL).
 */
static xmlNodePtr
cm_element(cmark_node *n, xmlNsPtr cm, xmlNsPtr pb,
    const struct md_lines *l, struct pb_refs *refs)
{
	unsigned long	 line, col;
	cmark_node_type	 t = cmark_node_get_type(n);
	const char	*lit, *info;
	char		 buf[32], *s, *name;
	xmlNodePtr	 x;

	lit = cmark_node_get_literal(n);
	if (t == CMARK_NODE_CODE && lit != NULL && lit[0] == '=') {
		x = xmlNewNode(pb, BAD_CAST "value");
		s = pb_xstrdup(lit + 1);
		pb_tree_set_prop(x, "ref", trim(s));
		free(s);
		ref_at(refs, n, l);
		return x;
	}
	if (t == CMARK_NODE_CODE && lit != NULL && lit[0] == '@') {
		/* a citation: "@id" or "@id, locator"; the text is kept for
		 * renderings outside a packet (convert) */
		x = xmlNewNode(pb, BAD_CAST "cite");
		s = pb_xstrdup(lit + 1);
		if ((name = strchr(s, ',')) != NULL) {
			*name++ = '\0';
			if (*trim(name) != '\0')
				pb_tree_set_prop(x, "loc", trim(name));
		}
		pb_tree_set_prop(x, "ref", trim(s));
		free(s);
		pb_tree_add_text(x, lit, strlen(lit));
		set_sourcepos(x, n, l);
		if (refs != NULL) {
			md_start(l, n, &line, &col);
			pb_refs_add_cite(refs, line, col);
		}
		return x;
	}
	info = t == CMARK_NODE_CODE_BLOCK ? cmark_node_get_fence_info(n) : NULL;
	if (info != NULL && info[0] == '=') {
		x = xmlNewNode(pb, BAD_CAST "directive");
		s = pb_xstrdup(info + 1);
		name = trim(s);
		info = name + strcspn(name, " \t");
		if (*info != '\0') {
			*(char *)info = '\0';
			/* "=chart NAME" names a chart, as name= in XML */
			pb_tree_set_prop(x, strcmp(name, "chart") == 0 ?
			    "name" : "ref", trim((char *)info + 1));
		}
		pb_tree_set_prop(x, "kind", name);
		free(s);
		ref_at(refs, n, l);
		return x;
	}
	x = xmlNewNode(cm, BAD_CAST cm_name(t));
	set_sourcepos(x, n, l);
	if (t == CMARK_NODE_IMAGE && refs != NULL) {
		md_start(l, n, &line, &col);
		pb_refs_add_image(refs, line, col);
	}
	switch (t) {
	case CMARK_NODE_LIST:
		if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST) {
			xmlSetProp(x, BAD_CAST "type", BAD_CAST "ordered");
			snprintf(buf, sizeof(buf), "%d",
			    cmark_node_get_list_start(n));
			xmlSetProp(x, BAD_CAST "start", BAD_CAST buf);
			xmlSetProp(x, BAD_CAST "delim",
			    BAD_CAST (cmark_node_get_list_delim(n) ==
			    CMARK_PAREN_DELIM ? "paren" : "period"));
		} else
			xmlSetProp(x, BAD_CAST "type", BAD_CAST "bullet");
		xmlSetProp(x, BAD_CAST "tight",
		    BAD_CAST (cmark_node_get_list_tight(n) ? "true" : "false"));
		break;
	case CMARK_NODE_HEADING:
		snprintf(buf, sizeof(buf), "%d",
		    cmark_node_get_heading_level(n));
		xmlSetProp(x, BAD_CAST "level", BAD_CAST buf);
		break;
	case CMARK_NODE_CODE_BLOCK:
		info = cmark_node_get_fence_info(n);
		if (info != NULL && info[0] != '\0')
			pb_tree_set_prop(x, "info", info);
		break;
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE:
		set_url(x, cmark_node_get_url(n));
		lit = cmark_node_get_title(n);
		if (lit != NULL && lit[0] != '\0')
			pb_tree_set_prop(x, "title", lit);
		break;
	default:
		break;
	}
	if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE ||
	    t == CMARK_NODE_CODE_BLOCK)
		pb_tree_add_text(x, lit ? lit : "", lit ? strlen(lit) : 0);
	return x;
}

/* Deepest nesting of blocks and inlines the stylesheets are given. */
#define PB_MAX_DEPTH 100

/*
 * Builds the cm:document subtree from cmark's tree, without recursion.
 * Nesting deeper than PB_MAX_DEPTH is an error (recorded in d) at the
 * first node past it: the stylesheets recurse once per level.
 */
static xmlNodePtr
cm_build(cmark_node *root, xmlNodePtr parent, xmlNsPtr pb,
    const struct md_lines *l, const char *file, struct pb_refs *refs,
    struct pb_diags *d)
{
	size_t		 depth = 0;
	unsigned long	 line, col;

	cmark_iter	*it;
	cmark_event_type ev;
	cmark_node	*n;
	cmark_node_type	 t;
	xmlNodePtr	 cur = parent, x, top = NULL;
	xmlNsPtr	 cm = NULL;
	size_t		 skip = 0;

	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		t = cmark_node_get_type(n);
		if (cm_name(t) == NULL) {
			/* html and custom nodes: drop them and what they hold */
			if (t == CMARK_NODE_CUSTOM_BLOCK ||
			    t == CMARK_NODE_CUSTOM_INLINE)
				skip += ev == CMARK_EVENT_ENTER ? 1 : -1;
			continue;
		}
		if (skip > 0)
			continue;
		if (ev == CMARK_EVENT_EXIT) {
			cur = cur->parent;
			depth--;
			continue;
		}
		if (depth > PB_MAX_DEPTH) {	/* the document is level 0 */
			md_place(l, cmark_node_get_start_line(n),
			    (unsigned long)cmark_node_get_start_column(n),
			    &line, &col);
			pb_diag_error(d, file, line, col,
			    "nested more than %d levels deep", PB_MAX_DEPTH);
			break;
		}
		if (t == CMARK_NODE_DOCUMENT) {
			x = xmlNewNode(NULL, BAD_CAST "document");
			cm = xmlNewNs(x, BAD_CAST PB_CM_NS, BAD_CAST "cm");
			xmlSetNs(x, cm);
			set_sourcepos(x, n, l);
			top = x;
		} else
			x = cm_element(n, cm, pb, l, refs);
		xmlAddChild(cur, x);
		switch (t) {
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_THEMATIC_BREAK:
		case CMARK_NODE_TEXT:
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
		case CMARK_NODE_CODE:
			break;	/* leaves: cmark sends no EXIT */
		default:
			cur = x;
			depth++;
			break;
		}
	}
	cmark_iter_free(it);
	return top;
}

/*
 * Non-zero when s (a line of a paragraph) is a GFM table's delimiter row:
 * cells of dashes, each with an optional colon at either end, between
 * pipes, at least one pipe ("|---|:--:|", "--- | ---").
 */
static int
md_delimiter_row(const char *s)
{
	int	 pipes = 0, dashes;

	s += strspn(s, " \t");
	if (*s == '|') {
		pipes++;
		s++;
	}
	for (;;) {
		s += strspn(s, " \t");
		if (*s == ':')
			s++;
		for (dashes = 0; *s == '-'; s++)
			dashes++;
		if (dashes == 0)
			return 0;
		if (*s == ':')
			s++;
		s += strspn(s, " \t");
		if (*s == '\0')
			return pipes > 0;
		if (*s != '|')
			return 0;
		pipes++;
		s++;
		s += strspn(s, " \t");
		if (*s == '\0')
			return 1;
	}
}

/*
 * The column (from 1) of the first "[^LABEL]" on body line line, from
 * column from to column to, with a copy of it in *label (the caller
 * frees it); 0 when there is none there.
 */
static unsigned long
md_footnote_at(const struct md_lines *l, int line, int from, int to,
    char **label)
{
	const char	*p, *q, *end;
	size_t		 a, b;

	if (line < 1 || (size_t)line > l->n || from < 1 || to < from)
		return 0;
	a = l->start[line - 1];
	b = (size_t)line < l->n ? l->start[line] : l->len;
	end = l->body + (a + (size_t)to < b ? a + (size_t)to : b);
	for (p = l->body + a + (size_t)from - 1; p + 1 < end; p++) {
		if (p[0] != '[' || p[1] != '^')
			continue;
		for (q = p + 2; q < end && *q != ']' && *q != '[' &&
		    !isspace((unsigned char)*q); q++)
			;
		if (q < end && *q == ']' && q > p + 2) {
			*label = pb_xstrndup(p, (size_t)(q - p) + 1);
			return (unsigned long)(p - (l->body + a)) + 1;
		}
	}
	return 0;
}

/* Non-zero when label is one of v[0..n). */
static int
md_label_seen(char *const *v, size_t n, const char *label)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], label) == 0)
			return 1;
	return 0;
}

/*
 * Warns of what CommonMark reads differently from what the author meant,
 * each at its position: raw HTML (dropped; once a line), a GFM pipe
 * table (a delimiter row under a line of the same paragraph: it prints
 * as text) and a "[^1]" footnote (text too).
 */
static void
md_lint(cmark_node *root, const struct md_lines *l, const char *file,
    struct pb_diags *d)
{
	cmark_iter	*it;
	cmark_event_type ev;
	cmark_node	*n, *prev, *first;
	cmark_node_type	 t;
	const char	*lit;
	char		*label, **labels = NULL;
	size_t		 nlabels = 0, i;
	unsigned long	 html_line = 0, line, col;

	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev == CMARK_EVENT_EXIT)
			continue;
		n = cmark_iter_get_node(it);
		t = cmark_node_get_type(n);
		md_place(l, cmark_node_get_start_line(n), (unsigned long)
		    cmark_node_get_start_column(n), &line, &col);
		if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE) {
			if (line != html_line)
				pb_diag_warning(d, file, line, col, "raw HTML "
				    "dropped: peerbrief copies no HTML into its "
				    "output; write it in Markdown");
			html_line = line;
			continue;
		}
		/* "[^1]" that a definition "[^1]: text" made a link */
		if (t == CMARK_NODE_LINK && (col = md_footnote_at(l,
		    cmark_node_get_start_line(n),
		    cmark_node_get_start_column(n),
		    cmark_node_get_start_column(n) + 2 + 200, &label)) ==
		    (unsigned long)cmark_node_get_start_column(n)) {
			md_place(l, cmark_node_get_start_line(n), col, &line,
			    &col);
			pb_diag_warning(d, file, line, col, "'%s' looks like a "
			    "footnote, which CommonMark does not have (with "
			    "its '%s: ...' line it is a link to the text's "
			    "first word): cite a reference with `@ID`, or "
			    "write an XML position", label, label);
			free(label);
			continue;
		}
		if (col > 0 && t == CMARK_NODE_LINK)
			free(label);
		if (t != CMARK_NODE_TEXT || (lit = cmark_node_get_literal(n)) ==
		    NULL)
			continue;
		if (strstr(lit, "[^") != NULL && (col = md_footnote_at(l,
		    cmark_node_get_start_line(n),
		    cmark_node_get_start_column(n),
		    cmark_node_get_end_column(n), &label)) > 0) {
			md_place(l, cmark_node_get_start_line(n), col,
			    &line, &col);
			/* "[^1]: text", a paragraph of its own, is the text
			 * of a footnote already warned of: one problem */
			if (!(strncmp(lit, label, strlen(label)) == 0 &&
			    lit[strlen(label)] == ':' &&
			    cmark_node_previous(n) == NULL &&
			    md_label_seen(labels, nlabels, label)))
				pb_diag_warning(d, file, line, col, "'%s' looks "
				    "like a footnote, which CommonMark does not "
				    "have (it prints as text): cite a reference "
				    "with `@ID`, or write an XML position",
				    label);
			labels = pb_grow(labels, nlabels, sizeof(*labels));
			labels[nlabels++] = label;
		}
		/* a delimiter row that is a line of its own, after another */
		prev = cmark_node_previous(n);
		if (prev == NULL || cmark_node_get_type(prev) !=
		    CMARK_NODE_SOFTBREAK || (cmark_node_next(n) != NULL &&
		    cmark_node_get_type(cmark_node_next(n)) !=
		    CMARK_NODE_SOFTBREAK) || !md_delimiter_row(lit))
			continue;
		/* the table's first line: its first node */
		for (first = cmark_node_previous(prev); first != NULL &&
		    cmark_node_previous(first) != NULL &&
		    cmark_node_get_type(cmark_node_previous(first)) !=
		    CMARK_NODE_SOFTBREAK; first = cmark_node_previous(first))
			;
		if (first == NULL)
			continue;
		md_place(l, cmark_node_get_start_line(first), (unsigned long)
		    cmark_node_get_start_column(first), &line, &col);
		pb_diag_warning(d, file, line, col, "this looks like a "
		    "pipe table, which CommonMark does not have (it prints as "
		    "text): use a table directive such as ```=funding, an XML "
		    "position's informaltable, or a list");
	}
	cmark_iter_free(it);
	for (i = 0; i < nlabels; i++)
		free(labels[i]);
	free(labels);
}

xmlDocPtr
pb_markdown_read(const char *file, const char *data, size_t len,
    const char *id, const struct pb_read_opts *o, struct pb_refs *refs,
    struct pb_diags *d)
{
	struct fm	 f;
	struct md_lines	 l;
	xmlDocPtr	 doc = NULL;
	xmlNodePtr	 meta;
	xmlNsPtr	 pb;
	cmark_node	*root;
	size_t		 fmerrs;

	if (!fm_split(file, data, len, &f, d))
		return NULL;
	if (o->max_bytes > 0 && f.bodylen > o->max_bytes) {
		pb_diag_error(d, file, f.lines + 1, 1, "the Markdown body is "
		    "%zu bytes, over the limit of %zu (raise it with "
		    "--max-input-size)", f.bodylen, o->max_bytes);
		return NULL;
	}
	doc = pb_tree_position_new(file, id, &pb, &meta);
	/* A bad front matter does not hide the body's own problems: the
	 * body is read all the same, and its tree kept for checking. */
	fm_parse(file, &f, meta, o, d);
	fmerrs = d->errors;
	root = cmark_parse_document(f.body, f.bodylen,
	    CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SOURCEPOS);
	md_lines_init(&l, f.body, f.bodylen, f.lines);
	cm_build(root, xmlDocGetRootElement(doc), pb, &l, file, refs, d);
	md_lint(root, &l, file, d);
	md_lines_free(&l);
	cmark_node_free(root);
	if (d->errors != fmerrs) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}
