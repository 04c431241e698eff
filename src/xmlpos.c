/*
 * xmlpos.c - reading an XML position: a DocBook 5 article in the common
 * subset, with pb:value and pb:directive, wrapped into the tree of
 * docs/tree.md with its info turned into pb:meta.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/tree.h>

#include "pb.h"
#include "position.h"
#include "url.h"
#include "schema.h"
#include "tree.h"
#include "xmlread.h"

/* The first child element of n named name in namespace ns, or NULL. */
static xmlNodePtr
child(xmlNodePtr n, const char *ns, const char *name)
{
	for (n = n ? n->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && n->ns != NULL &&
		    xmlStrEqual(n->ns->href, BAD_CAST ns) &&
		    xmlStrEqual(n->name, BAD_CAST name))
			return n;
	return NULL;
}

/* Adds <pb:name> with the text content of src to meta, if src exists. */
static void
meta_copy(xmlNodePtr meta, const char *name, xmlNodePtr src)
{
	xmlChar	*t;

	if (src == NULL)
		return;
	t = xmlNodeGetContent(src);
	pb_tree_add_text(xmlNewChild(meta, meta->ns, BAD_CAST name, NULL),
	    (const char *)t, t ? strlen((const char *)t) : 0);
	xmlFree(t);
}

/*
 * Empties every URL attribute that pb_url_unsafe refuses, anywhere under
 * n, without recursion.
 */
static void
clean_urls(xmlNodePtr n)
{
	xmlNodePtr	 top = n;
	xmlAttrPtr	 a;
	xmlChar		*v;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE) {
			for (a = n->properties; a != NULL; a = a->next) {
				if (!xmlStrEqual(a->name, BAD_CAST "href") &&
				    !xmlStrEqual(a->name, BAD_CAST "fileref") &&
				    !xmlStrEqual(a->name, BAD_CAST "url"))
					continue;
				v = xmlNodeGetContent((xmlNodePtr)a);
				if (v != NULL && pb_url_unsafe((char *)v))
					xmlNodeSetContent((xmlNodePtr)a,
					    BAD_CAST "");
				xmlFree(v);
			}
		}
		n = pb_tree_next(n, top);
	}
}

/*
 * Reports every xml:id under n given a second time, at its value, with
 * the line of the first.
 */
static void
ids_unique(const struct pb_xmlfile *xf, xmlNodePtr n, struct pb_diags *d)
{
	xmlNodePtr	 top = n, first;
	xmlHashTablePtr	 seen = xmlHashCreate(0);
	xmlAttrPtr	 a;
	xmlChar		*v;
	struct pb_src	 at;

	for (; n != NULL; n = pb_tree_next(n, top)) {
		if (n->type != XML_ELEMENT_NODE || (a = xmlHasNsProp(n,
		    BAD_CAST "id", XML_XML_NAMESPACE)) == NULL)
			continue;
		v = xmlNodeGetContent((xmlNodePtr)a);
		if (v != NULL && xmlHashAddEntry(seen, v, n) != 0 &&
		    (first = xmlHashLookup(seen, v)) != NULL) {
			at = pb_xmlfile_attr(xf, n, "xml:id");
			pb_diag_error(d, xf->file, at.line, at.col, "xml:id '%s' "
			    "given twice (first at line %lu)", (const char *)v,
			    pb_xmlfile_attr(xf, first, "xml:id").line);
		}
		xmlFree(v);
	}
	xmlHashFree(seen, NULL);
}

static int
ptr_cmp(const void *a, const void *b)
{
	uintptr_t	 x = (uintptr_t)*(void *const *)a;
	uintptr_t	 y = (uintptr_t)*(void *const *)b;

	return x < y ? -1 : x > y;
}

/*
 * Takes out of the tree under top every pb:value, pb:directive and
 * pb:cite that a schema message was about (said, nsaid of them, sorted
 * here; one may repeat): a misspelt or missing ref, or a reference
 * standing where it may not, is one problem, said once by the schema,
 * and the figure and citation checks then read only the references the
 * schema did not refuse. The tree, broken, is never published.
 */
static void
drop_said(xmlNodePtr top, xmlNodePtr *said, size_t nsaid)
{
	xmlNodePtr	 n, next;

	if (nsaid == 0)
		return;
	qsort(said, nsaid, sizeof(*said), ptr_cmp);
	for (n = top; n != NULL; n = next) {
		if (n->type == XML_ELEMENT_NODE && n->ns != NULL &&
		    xmlStrEqual(n->ns->href, BAD_CAST PB_NS) &&
		    (xmlStrEqual(n->name, BAD_CAST "value") ||
		    xmlStrEqual(n->name, BAD_CAST "directive") ||
		    xmlStrEqual(n->name, BAD_CAST "cite")) &&
		    bsearch(&n, said, nsaid, sizeof(*said), ptr_cmp) != NULL) {
			next = pb_tree_skip(n, top);
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		} else
			next = pb_tree_next(n, top);
	}
}

/*
 * Records in refs where every pb:value, pb:directive and pb:cite under n
 * was written (line and column), in document order, so a reference or a
 * citation is reported where it was written.
 */
static void
mark_refs(const struct pb_xmlfile *xf, xmlNodePtr n, struct pb_refs *refs)
{
	xmlNodePtr	 top = n;
	struct pb_src	 at;

	for (; n != NULL; n = pb_tree_next(n, top)) {
		if (n->type != XML_ELEMENT_NODE || n->ns == NULL ||
		    !xmlStrEqual(n->ns->href, BAD_CAST PB_NS))
			continue;
		if (xmlStrEqual(n->name, BAD_CAST "cite")) {
			at = pb_xmlfile_elem(xf, n);
			pb_refs_add_cite(refs, at.line, at.col);
		} else if (xmlStrEqual(n->name, BAD_CAST "value") ||
		    xmlStrEqual(n->name, BAD_CAST "directive")) {
			at = pb_xmlfile_elem(xf, n);
			pb_refs_add(refs, at.line, at.col);
		}
	}
}

/*
 * Reads an XML position, reporting each of its problems once: the
 * reader's (xmlread.c: a file that is not well-formed has no tree past
 * its first fatal error, which libxml2 stops at, so nothing else of it
 * can be checked; nor has one using a prefix other than pb: or xlink:
 * that it does not declare, whose elements the schema would refuse
 * again; an undeclared pb: or xlink: is said once and read as meant),
 * then, when the root is a DocBook <article> (anything
 * else is not a position at all, and every further message would say
 * so again), a missing title, an xml:id given twice, every schema
 * violation and, through the tree returned even then (pb_position_read
 * marks it broken), every figure reference and citation the schema did
 * not refuse.
 */
/* The prefixes a position uses, read as declared when they are not. */
static const char *const prefixes[] = { "pb", PB_NS, "xlink", PB_XLINK_NS,
	NULL };

xmlDocPtr
pb_xmlpos_read(const char *file, const char *data, size_t len,
    const char *id, const struct pb_read_opts *o, struct pb_refs *refs,
    struct pb_diags *d)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 art, info, title, pos, meta, au, n;
	xmlNodePtr	*said = NULL;
	xmlNsPtr	 pb;
	xmlChar		*t;
	const char	*lang;
	struct pb_xmlfile xf;
	struct pb_src	 at;
	size_t		 nsaid = 0;

	if (o->max_bytes > 0 && len > o->max_bytes) {
		pb_diag_error(d, file, 0, 0, "the XML position is %zu bytes, "
		    "over the limit of %zu (raise it with --max-input-size)",
		    len, o->max_bytes);
		return NULL;
	}
	if ((doc = pb_xml_parse_ns(file, data, len, prefixes, d)) == NULL)
		return NULL;
	xf.file = file;
	xf.data = data;
	xf.len = len;
	xf.pos = NULL;
	pb_xmlfile_index(&xf, doc);
	art = xmlDocGetRootElement(doc);
	t = NULL;
	if (art == NULL || art->ns == NULL ||
	    !xmlStrEqual(art->ns->href, BAD_CAST PB_DB_NS) ||
	    !xmlStrEqual(art->name, BAD_CAST "article")) {
		at = pb_xmlfile_elem(&xf, art);
		pb_diag_error(d, file, at.line, at.col, "an XML position must "
		    "be a DocBook 5 <article> in namespace %s", PB_DB_NS);
		pb_xmlfile_unindex(&xf);
		xmlFreeDoc(doc);
		return NULL;
	}
	info = child(art, PB_DB_NS, "info");
	title = child(info, PB_DB_NS, "title");
	t = title ? xmlNodeGetContent(title) : NULL;
	/* no <info> or no <title> in it: the schema says so, where there
	 * is one; an empty title it lets pass */
	if ((title != NULL || o->schema == NULL) && (t == NULL ||
	    pb_tree_squeeze((char *)t)[0] == '\0')) {
		at = title ? pb_xmlfile_text(&xf, title) :
		    pb_xmlfile_elem(&xf, info ? info : art);
		pb_diag_error(d, file, at.line, at.col,
		    "missing title: add <info><title>...</title></info>");
	}
	ids_unique(&xf, art, d);
	if (o->schema != NULL)
		pb_schema_check_said(o->schema, &xf, doc, d, &said, &nsaid);
	drop_said(art, said, nsaid);
	free(said);
	if (refs != NULL)
		mark_refs(&xf, art, refs);
	pb_xmlfile_unindex(&xf);
	clean_urls(art);

	/* Re-root: <pb:position><pb:meta/>ARTICLE</pb:position>. */
	pos = xmlNewDocNode(doc, NULL, BAD_CAST "position", NULL);
	pb = xmlNewNs(pos, BAD_CAST PB_NS, BAD_CAST "pb");
	xmlSetNs(pos, pb);
	xmlDocSetRootElement(doc, pos);
	if (id != NULL)
		pb_tree_set_prop(pos, "id", id);
	pb_tree_set_prop(pos, "source", file);
	meta = xmlNewChild(pos, pb, BAD_CAST "meta", NULL);
	xmlAddChild(pos, art);
	meta_copy(meta, "subtitle", child(info, PB_DB_NS, "subtitle"));
	for (au = info ? info->children : NULL; au != NULL; au = au->next)
		if (au->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(au->name, BAD_CAST "author")) {
			n = child(au, PB_DB_NS, "personname");
			meta_copy(meta, "author", n ? n : au);
		}
	meta_copy(meta, "date", child(info, PB_DB_NS, "pubdate"));
	meta_copy(meta, "summary", child(info, PB_DB_NS, "abstract"));
	lang = (const char *)xmlNodeGetLang(art);
	pb_tree_meta_finish(meta, t ? (const char *)t : "",
	    lang && pb_lang_valid(lang) ? lang : "en");
	xmlFree((xmlChar *)lang);
	xmlFree(t);
	return doc;
}
