/*
 * convert.c - peerbrief convert: one position file rendered on its own
 * (as cmark renders Markdown, its figures the project's parameters) or,
 * with --packet, exactly as a build shows it in that packet's page.
 */
#include <sys/stat.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include "build.h"
#include "figures.h"
#include "image.h"
#include "inject.h"
#include "model.h"
#include "packet.h"
#include "pb.h"
#include "position.h"
#include "render.h"
#include "schema.h"
#include "tree.h"
#include "xmlread.h"

/*
 * The id a position file takes in a packet: its name without the folder
 * and the .md or .xml ending, when that is an id; else "preview". The
 * caller frees it.
 */
static char *
position_id(const char *file)
{
	const char	*b = strrchr(file, '/');
	char		*id, *dot;

	id = pb_xstrdup(b != NULL ? b + 1 : file);
	if ((dot = strrchr(id, '.')) != NULL &&
	    (strcmp(dot, ".md") == 0 || strcmp(dot, ".xml") == 0))
		*dot = '\0';
	if (!pb_id_valid(id)) {
		free(id);
		id = pb_xstrdup("preview");
	}
	return id;
}

/*
 * The input folder a position file without -i belongs to, for finding
 * its images as a build would: DIR when the file is DIR/positions/NAME
 * and DIR holds peerbrief.xml (*below set to "positions"), else NULL (a
 * file of no project, or standard input: its images are not looked at).
 * The caller frees the result.
 */
static char *
images_dir(const char *file, const char **below)
{
	struct stat	 st;
	char		*dir, *s, *p, *up = NULL;

	*below = NULL;
	if (strcmp(file, "-") == 0)
		return NULL;
	dir = pb_xstrdup(file);
	if ((s = strrchr(dir, '/')) != NULL)
		*s = '\0';
	else
		strcpy(dir, ".");
	p = pb_xasprintf("%s/../peerbrief.xml", *dir ? dir : "/");
	s = realpath(*dir ? dir : "/", NULL);
	if (s != NULL && strrchr(s, '/') != NULL &&
	    strcmp(strrchr(s, '/') + 1, "positions") == 0 &&
	    stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
		*below = "positions";
		up = pb_xasprintf("%s/..", dir);
	}
	free(s);
	free(p);
	free(dir);
	return up;
}

/* The element under n named name whose attribute attr (in namespace ns,
 * NULL: none) is value, in document order, or NULL. */
static xmlNodePtr
find_elem(xmlNodePtr n, const char *name, const char *attr, const char *ns,
    const char *value)
{
	xmlNodePtr	 top = n, found = NULL;
	xmlChar		*v;

	for (; n != NULL && found == NULL; n = pb_tree_next(n, top))
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(n->name, BAD_CAST name)) {
			v = ns != NULL ? xmlGetNsProp(n, BAD_CAST attr,
			    BAD_CAST ns) : xmlGetNoNsProp(n, BAD_CAST attr);
			if (v != NULL && strcmp((char *)v, value) == 0)
				found = n;
			xmlFree(v);
		}
	return found;
}

/*
 * The input folder of file, a position DIR/positions/NAME beside
 * DIR/peerbrief.xml (images_dir), said as plainly as can be: "input" for
 * input/positions/NAME, "." for positions/NAME, ".." for NAME or
 * ./NAME, and the file's folder and "/.." when that folder is not named
 * positions (a link to it). The caller frees it.
 */
static char *
project_words(const char *file)
{
	const char	*sl = strrchr(file, '/'), *up;
	char		*dir, *words;

	if (sl == NULL)
		return pb_xstrdup("..");
	dir = pb_xstrndup(file, (size_t)(sl - file));
	up = strrchr(dir, '/');
	if (strcmp(dir, ".") == 0)
		words = pb_xstrdup("..");
	else if (strcmp(up ? up + 1 : dir, "positions") != 0)
		words = pb_xasprintf("%s/..", dir);
	else if (up == NULL)
		words = pb_xstrdup(".");
	else if (up == dir)
		words = pb_xstrdup("/");
	else
		words = pb_xstrndup(dir, (size_t)(up - dir));
	free(dir);
	return words;
}

/*
 * Sets *v to the ids of r's packets (the caller frees each and v), those
 * that include the position file's id first. Returns how many.
 */
static size_t
packets_by_file(const struct pb_run *r, const char *file, char ***v)
{
	const struct pb_packet	*k;
	char			*id = position_id(file);
	size_t			 i, j, n = 0;
	int			 pass;

	*v = NULL;
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < r->model->npackets; i++) {
			k = &r->model->packets[i];
			for (j = 0; j < k->npositions; j++)
				if (strcmp(k->positions[j].id, id) == 0)
					break;
			if ((j < k->npositions) == (pass == 0)) {
				*v = pb_grow(*v, n, sizeof(**v));
				(*v)[n++] = pb_xstrdup(k->id);
			}
		}
	free(id);
	return n;
}

/*
 * How a position file that needs a packet is previewed:
 * "'peerbrief convert -i DIR --packet ID' (packets: a, b)", DIR the input
 * folder of run r, else the project the file lies in (DIR/positions/NAME
 * beside DIR/peerbrief.xml), the packets those of r's model that include
 * the file's position first, else those of the folder's packets
 * (pb_model_packet_ids); NULL when no project is known. The caller frees
 * it.
 */
static char *
preview_how(const char *file, const struct pb_run *r)
{
	struct pb_buf	 b = { NULL, 0, 0 };
	const char	*below;
	char		*dir, *up, **v;
	size_t		 i, n;

	if (r != NULL)
		dir = pb_xstrdup(r->indir);
	else if ((up = images_dir(file, &below)) != NULL) {
		free(up);
		dir = project_words(file);
	} else
		return NULL;
	pb_buf_printf(&b, "'peerbrief convert -i %s --packet ID'", dir);
	n = r != NULL ? packets_by_file(r, file, &v) :
	    pb_model_packet_ids(dir, &v);
	if (n == 0)
		pb_buf_printf(&b, " once %s/packets holds a packet", dir);
	for (i = 0; i < n; i++) {
		pb_buf_printf(&b, "%s%s", i ? ", " : " (packets: ", v[i]);
		free(v[i]);
	}
	if (n > 0)
		pb_buf_putc(&b, ')');
	free(v);
	free(dir);
	return b.data;
}

/*
 * Appends to out the element of position id in page (a packet's page in
 * format fmt, len bytes): the HTML <article id="pos-ID">, written as the
 * page writes it, or the DocBook <chapter xml:id="position-ID"> with the
 * namespaces it uses declared on it. Returns 0 when there is none.
 */
static int
pick(enum pb_format fmt, const char *page, size_t len, const char *id,
    const char *file, struct pb_buf *out, struct pb_diags *d)
{
	xmlDocPtr	 doc, one = NULL;
	xmlNodePtr	 n = NULL, c;
	xmlBufferPtr	 b;
	xmlSaveCtxtPtr	 sv;
	char		*want;
	int		 ok = 0;

	doc = xmlReadMemory(page, (int)len, NULL, "UTF-8", XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
	want = pb_xasprintf("%s%s", fmt == PB_FMT_HTML ? "pos-" : "position-",
	    id);
	if (doc != NULL)
		n = fmt == PB_FMT_HTML ? find_elem(xmlDocGetRootElement(doc),
		    "article", "id", NULL, want) :
		    find_elem(xmlDocGetRootElement(doc), "chapter", "id",
		    (const char *)XML_XML_NAMESPACE, want);
	if (n == NULL) {
		pb_diag_system(d, file, 0, 0, "the packet's page has no "
		    "element %s", want);
		goto out;
	}
	b = xmlBufferCreate();
	if (fmt == PB_FMT_HTML)
		sv = xmlSaveToBuffer(b, "UTF-8", XML_SAVE_XHTML |
		    XML_SAVE_NO_DECL | XML_SAVE_NO_EMPTY);
	else {
		one = xmlNewDoc(BAD_CAST "1.0");
		c = xmlDocCopyNode(n, one, 1);
		xmlDocSetRootElement(one, c);
		n = c;
		sv = xmlSaveToBuffer(b, "UTF-8", XML_SAVE_NO_DECL);
	}
	ok = sv != NULL && xmlSaveTree(sv, n) >= 0;
	if (sv != NULL)
		ok = xmlSaveClose(sv) >= 0 && ok;
	if (ok) {
		pb_buf_put(out, (const char *)xmlBufferContent(b),
		    (size_t)xmlBufferLength(b));
		pb_buf_putc(out, '\n');
	} else
		pb_diag_system(d, file, 0, 0, "cannot write the position");
	xmlBufferFree(b);
out:
	xmlFreeDoc(one);
	xmlFreeDoc(doc);
	free(want);
	return ok;
}

/*
 * convert --packet: position mine (read from file as id) as build shows
 * it in packet pk of run r: the packet assembled with mine in place of
 * its position id (or after its last, when it has none of that id), so
 * that its tables, charts and citation numbers are the page's, rendered
 * as build renders it (figures linked to the appendix), and of that page
 * only the position's element; with standalone, the whole page. The
 * packet's other positions are read as build reads them; one that cannot
 * be read is left out without a word (check or build report it). Returns
 * 0 with problems recorded in d.
 */
static int
in_packet(const struct pb_run *r, const struct pb_packet *pk,
    const struct pb_figures *figs, struct pb_styles *st, enum pb_format fmt,
    int standalone, const struct pb_read_opts *o, const char *file,
    const char *id, const struct pb_position *mine, struct pb_buf *out,
    struct pb_diags *d)
{
	struct pb_packet	  pv = *pk;
	struct pb_position	 *others;
	const struct pb_position **pos;
	struct pb_diags		  quiet = { NULL, 0, 0, 0 };
	struct pb_buf		  page = { NULL, 0, 0 };
	xmlDocPtr		  doc;
	const char		 *f;
	size_t			  i, j, k;
	int			  ok = 0;

	for (k = 0; k < pk->npositions && strcmp(pk->positions[k].id, id) != 0;
	    k++)
		;
	if (k == pk->npositions) {
		pv.positions = pb_xcalloc(pk->npositions + 1,
		    sizeof(*pv.positions));
		memcpy(pv.positions, pk->positions,
		    pk->npositions * sizeof(*pv.positions));
		pv.positions[k].id = (char *)id;	/* not freed */
		pv.npositions++;
	}
	others = pb_xcalloc(pv.npositions, sizeof(*others));
	pos = pb_xcalloc(pv.npositions, sizeof(*pos));
	for (i = 0; i < pv.npositions; i++) {
		if (i == k) {
			pos[i] = mine;
			continue;
		}
		if ((j = pb_model_position(r->model, pv.positions[i].id)) ==
		    (size_t)-1)
			continue;
		f = r->model->position_files[j];
		if (pb_position_read(f, pv.positions[i].id,
		    pb_position_is_xml(f), o, &others[i], &quiet))
			pos[i] = &others[i];
	}
	pb_diags_free(&quiet);
	doc = pb_packet_assemble(r->model, &pv, figs, pos, r->as_of, d);
	/* the tree build renders: stripped as html.xsl says, for any format */
	if (doc != NULL)
		pb_render_strip(st, PB_FMT_HTML, doc);
	if (doc != NULL && pb_render(st, fmt, doc, 1, 1, pk->file,
	    standalone ? out : &page, d))
		ok = standalone || pick(fmt, page.data, page.len, id, file,
		    out, d);
	xmlFreeDoc(doc);
	for (i = 0; i < pv.npositions; i++)
		pb_position_free(&others[i]);
	free(others);
	free(pos);
	if (pv.positions != pk->positions)
		free(pv.positions);
	pb_buf_free(&page);
	return ok;
}

int
pb_convert(const char *file, const char *tdir, const char *sdir,
    enum pb_format fmt, int standalone, struct pb_read_opts *o,
    const struct pb_run *r, const struct pb_packet *pk, struct pb_buf *out,
    struct pb_diags *d)
{
	struct pb_styles	*st = NULL;
	struct pb_schema	*sch = NULL;
	struct pb_model		*defaults = NULL;
	struct pb_figures	*figs = NULL;
	struct pb_position	 pos;
	struct pb_date		 day;
	char			*id = NULL, *imdir = NULL, *how = NULL;
	const char		*below = NULL;
	int			 rc = PB_EXIT_INPUT, ok;

	memset(&pos, 0, sizeof(pos));
	if (r != NULL)
		figs = pb_run_figures(r, pk, d);
	else {	/* the parameters' defaults; no figure depends on the day */
		defaults = pb_model_defaults();
		pb_date_parse("2000-01-01", &day);
		figs = pb_figures_compute(defaults, NULL, 0, NULL, day, d);
	}
	if (figs == NULL)
		goto out;
	if ((st = pb_styles_load(tdir, d)) == NULL) {
		rc = PB_EXIT_SYSTEM;
		goto out;
	}
	if (sdir != NULL) {
		pb_xml_allow(sdir);
		if ((sch = pb_schema_load(sdir, "position.rng", d)) == NULL) {
			rc = PB_EXIT_SYSTEM;
			goto out;
		}
		o->schema = sch;
	}
	if (pk != NULL && r->posschema != NULL)
		o->schema = r->posschema;	/* the packet's XML positions */
	if (pk != NULL) {
		/* as build reads it: its images found in the input folder */
		id = position_id(file);
		o->indir = r->indir;
		ok = pb_position_read(file, id, sdir != NULL, o, &pos, d);
		if (ok && in_packet(r, pk, figs, st, fmt, standalone, o, file,
		    id, &pos, out, d))
			rc = PB_EXIT_OK;
		goto out;
	}
	ok = pb_position_read(file, NULL, sdir != NULL, o, &pos, d);
	/* the warnings build gives of its images, which stay as written */
	imdir = r != NULL ? pb_xstrdup(r->indir) : images_dir(file, &below);
	if (pos.doc != NULL && imdir != NULL &&
	    !pb_images_check(xmlDocGetRootElement(pos.doc), &pos.refs, file,
	    imdir, below, d))
		ok = 0;
	how = preview_how(file, r);
	if (pos.doc != NULL && pb_inject_preview(xmlDocGetRootElement(
	    pos.doc), &pos.refs, figs, PB_INJECT_FORBID, NULL, how, d) && ok) {
		pb_render_strip(st, fmt, pos.doc);
		if (pb_render(st, fmt, pos.doc, standalone, 0, file, out, d))
			rc = PB_EXIT_OK;
	}
out:
	if (rc == PB_EXIT_INPUT && d->system)
		rc = PB_EXIT_SYSTEM;
	o->schema = NULL;
	o->indir = NULL;
	pb_position_free(&pos);
	pb_styles_free(st);
	pb_schema_free(sch);
	pb_figures_free(figs);
	pb_model_free(defaults);
	free(id);
	free(imdir);
	free(how);
	return rc;
}
