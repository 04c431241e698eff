/*
 * references.c - reading input/references.xml, and the citations of a
 * packet: checked against it, numbered in order of first citation, and
 * listed for the packet's References. How they look is decided by
 * templates/.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "arith.h"
#include "pb.h"
#include "position.h"
#include "references.h"
#include "schema.h"
#include "tree.h"
#include "xmlread.h"

/*
 * Reads one <reference> n of file x into w, checking what the schema
 * cannot: a real calendar day.
 */
static void
work_read(const struct pb_xmlfile *x, xmlNodePtr n, struct pb_work *w,
    struct pb_diags *d)
{
	xmlNodePtr	 c;
	char		*t;
	struct pb_date	 day;
	struct pb_src	 at;

	w->id = pb_tree_squeeze(pb_tree_attr(n, "id"));
	w->src = pb_xmlfile_attr(x, n, "id");
	if (!pb_id_valid(w->id))
		pb_diag_error(d, w->src.file, w->src.line, w->src.col,
		    "reference id '%s' is not an id: lower-case letters, "
		    "digits and '-', starting with a letter or digit", w->id);
	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		t = pb_tree_squeeze(pb_tree_text(c));
		if (pb_tree_is_pb(c, "title"))
			w->title = t;
		else if (pb_tree_is_pb(c, "author")) {
			w->authors = pb_grow(w->authors, w->nauthors,
			    sizeof(*w->authors));
			w->authors[w->nauthors++] = t;
		} else if (pb_tree_is_pb(c, "publisher"))
			w->publisher = t;
		else if (pb_tree_is_pb(c, "date")) {
			w->date = t;
			if (strlen(t) == 10 && !pb_date_parse(t, &day)) {
				at = pb_xmlfile_text(x, c);
				pb_diag_error(d, at.file, at.line, at.col,
				    "'%s' is not a calendar date", t);
			}
		} else if (pb_tree_is_pb(c, "url"))
			w->url = t;
		else
			free(t);
	}
}

struct pb_works *
pb_works_read(const char *indir, const char *schemadir, struct pb_diags *d)
{
	struct pb_works		*w = NULL;
	struct pb_schema	*s = NULL;
	struct pb_xmlfile	 x = { NULL, NULL, 0, NULL };
	xmlDocPtr		 doc = NULL;
	xmlNodePtr		 n;
	struct stat		 st;
	const char		*why;
	char			*path, *buf = NULL;
	size_t			 len, i, k, errs = d->errors;

	path = pb_xasprintf("%s/references.xml", indir);
	if (lstat(path, &st) != 0) {
		free(path);
		return NULL;
	}
	if ((why = pb_path_refusal(path, indir, "file")) != NULL) {
		pb_diag_error(d, path, 0, 0, "%s", why);
		goto out;
	}
	if ((s = pb_schema_load(schemadir, "references.rng", d)) == NULL ||
	    !pb_file_read(path, &buf, &len, d))
		goto out;
	x.file = path;
	x.data = buf;
	x.len = len;
	if ((doc = pb_xml_parse(path, buf, len, d)) == NULL)
		goto out;
	pb_xmlfile_index(&x, doc);
	if (!pb_schema_check(s, &x, doc, d))
		goto out;
	w = pb_xcalloc(1, sizeof(*w));
	w->file = path;
	path = NULL;
	for (n = xmlDocGetRootElement(doc)->children; n != NULL; n = n->next)
		if (pb_tree_is_pb(n, "reference"))
			w->n++;
	w->v = pb_xcalloc(w->n, sizeof(*w->v));
	i = 0;
	for (n = xmlDocGetRootElement(doc)->children; n != NULL; n = n->next)
		if (pb_tree_is_pb(n, "reference"))
			work_read(&x, n, &w->v[i++], d);
	for (i = 1; i < w->n; i++)
		for (k = 0; k < i; k++)
			if (strcmp(w->v[i].id, w->v[k].id) == 0) {
				pb_diag_error(d, w->v[i].src.file,
				    w->v[i].src.line, w->v[i].src.col,
				    "duplicate reference id '%s' (first at "
				    "line %lu)", w->v[i].id, w->v[k].src.line);
				break;
			}
	/* the positions point into x.file, which the set keeps */
	for (i = 0; i < w->n; i++)
		w->v[i].src.file = w->file;
out:
	pb_xmlfile_unindex(&x);
	xmlFreeDoc(doc);
	pb_schema_free(s);
	free(buf);
	free(path);
	if (d->errors != errs) {
		pb_works_free(w);
		return NULL;
	}
	return w;
}

void
pb_works_free(struct pb_works *w)
{
	size_t	 i, k;

	if (w == NULL)
		return;
	for (i = 0; i < w->n; i++) {
		free(w->v[i].id);
		free(w->v[i].title);
		for (k = 0; k < w->v[i].nauthors; k++)
			free(w->v[i].authors[k]);
		free(w->v[i].authors);
		free(w->v[i].publisher);
		free(w->v[i].date);
		free(w->v[i].url);
	}
	free(w->v);
	free(w->file);
	free(w);
}

/* The index of the work with id, or (size_t)-1. */
static size_t
work_find(const struct pb_works *w, const char *id)
{
	size_t	 i;

	for (i = 0; w != NULL && i < w->n; i++)
		if (strcmp(w->v[i].id, id) == 0)
			return i;
	return (size_t)-1;
}

/*
 * Where the k-th pb:cite n was written: as the reader recorded it in
 * refs, else (refs NULL, or a citation added since) its parse line.
 */
static struct pb_src
where(xmlNodePtr n, const struct pb_refs *refs, size_t k)
{
	struct pb_src	 at = { NULL, 0, 0 };

	if (refs != NULL && k < refs->ncite)
		return refs->cite[k];
	at.line = (unsigned long)xmlGetLineNo(n);
	return at;
}

/* Records an unknown id, written at at, with the nearest ids suggested. */
static void
unknown(struct pb_src at, const char *file, const char *id,
    const struct pb_works *w, struct pb_diags *d)
{
	struct pb_buf	 s = { NULL, 0, 0 };
	const char	**ids;
	unsigned long	 line = at.line, col = at.col;
	size_t		 i;

	ids = pb_xcalloc(w->n + 1, sizeof(*ids));
	for (i = 0; i < w->n; i++)
		ids[i] = w->v[i].id;
	pb_suggest(id, ids, w->n, 0, &s);
	if (s.len > 0)
		pb_diag_error(d, file, line, col, "unknown reference '@%s'; "
		    "did you mean %s?", id, s.data);
	else
		pb_diag_error(d, file, line, col, "unknown reference '@%s' "
		    "(%s has no such id)", id, w->file);
	free(ids);
	pb_buf_free(&s);
}

/* Numbers one citation of work k (with locator loc, may be NULL) in c. */
static size_t
cite_add(struct pb_citations *c, size_t k, const char *loc)
{
	struct pb_cited	*e;
	size_t		 i, j;

	for (i = 0; i < c->n; i++)
		if (c->v[i].work == k)
			break;
	if (i == c->n) {
		c->v = pb_grow(c->v, c->n, sizeof(*c->v));
		memset(&c->v[c->n], 0, sizeof(c->v[c->n]));
		c->v[c->n++].work = k;
	}
	e = &c->v[i];
	if (loc != NULL && *loc != '\0') {
		for (j = 0; j < e->nlocs; j++)
			if (strcmp(e->locs[j], loc) == 0)
				break;
		if (j == e->nlocs) {
			e->locs = pb_grow(e->locs, e->nlocs,
			    sizeof(*e->locs));
			e->locs[e->nlocs++] = pb_xstrdup(loc);
		}
	}
	return i + 1;
}

int
pb_cite_resolve(xmlNodePtr top, const struct pb_refs *refs,
    const struct pb_works *works, struct pb_citations *c,
    struct pb_diags *d)
{
	xmlNodePtr	 n;
	char		*file, *ref, *loc, *anchor, num[32];
	struct pb_src	 at;
	size_t		 k, nth = 0, errs = d->errors;

	file = top != NULL ? pb_tree_attr(top, "source") : NULL;
	for (n = top; n != NULL; n = pb_tree_next(n, top)) {
		if (!pb_tree_is_pb(n, "cite"))
			continue;
		at = where(n, refs, nth++);
		ref = pb_tree_attr(n, "ref");
		if (ref == NULL)
			ref = pb_xstrdup("");
		if (works == NULL)
			pb_diag_error(d, file, at.line, at.col, "citation "
			    "'@%s' needs references.xml in the input folder, "
			    "and there is none", ref);
		else if (*ref == '\0')
			pb_diag_error(d, file, at.line, at.col, "a citation "
			    "needs a reference id, as in '@%s'", works->n ?
			    works->v[0].id : "accs-rfr");
		else if ((k = work_find(works, ref)) == (size_t)-1)
			unknown(at, file, ref, works, d);
		else if (c != NULL) {
			loc = pb_tree_attr(n, "loc");
			if (loc != NULL)
				pb_tree_squeeze(loc);
			snprintf(num, sizeof(num), "%zu", cite_add(c, k, loc));
			xmlSetProp(n, BAD_CAST "n", BAD_CAST num);
			anchor = pb_xasprintf("ref-%s", ref);
			xmlSetProp(n, BAD_CAST "anchor", BAD_CAST anchor);
			free(anchor);
			free(loc);
		}
		free(ref);
	}
	free(file);
	return d->errors == errs;
}

void
pb_cite_list(xmlNodePtr parent, const struct pb_works *works,
    const struct pb_citations *c)
{
	xmlNodePtr		 list, n, e;
	const struct pb_work	*w;
	char			 num[32], *anchor;
	size_t			 i, k;

	if (c == NULL || c->n == 0 || works == NULL)
		return;
	list = xmlNewChild(parent, parent->ns, BAD_CAST "references", NULL);
	for (i = 0; i < c->n; i++) {
		w = &works->v[c->v[i].work];
		n = xmlNewChild(list, list->ns, BAD_CAST "work", NULL);
		pb_tree_set_prop(n, "id", w->id);
		snprintf(num, sizeof(num), "%zu", i + 1);
		xmlSetProp(n, BAD_CAST "n", BAD_CAST num);
		anchor = pb_xasprintf("ref-%s", w->id);
		pb_tree_set_prop(n, "anchor", anchor);
		free(anchor);
		pb_tree_text_child(n, "title", w->title);
		for (k = 0; k < w->nauthors; k++)
			pb_tree_text_child(n, "author", w->authors[k]);
		pb_tree_text_child(n, "publisher", w->publisher);
		if ((e = pb_tree_text_child(n, "date", w->date)) != NULL)
			pb_tree_set_prop(e, "value", w->date);
		pb_tree_text_child(n, "url", w->url);
		for (k = 0; k < c->v[i].nlocs; k++)
			pb_tree_text_child(n, "locator", c->v[i].locs[k]);
	}
}

void
pb_citations_free(struct pb_citations *c)
{
	size_t	 i, k;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++) {
		for (k = 0; k < c->v[i].nlocs; k++)
			free(c->v[i].locs[k]);
		free(c->v[i].locs);
	}
	free(c->v);
	c->v = NULL;
	c->n = 0;
}
