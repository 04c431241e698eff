/*
 * render.c - driving libxslt: each stylesheet compiled once, one transform
 * context per document under security preferences, errors collected.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlsave.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "pb.h"
#include "render.h"
#include "xmlread.h"

struct pb_styles {
	char			*dir;
	xsltStylesheetPtr	 xsl[PB_FMT__MAX];
	char			*css;
	xsltSecurityPrefsPtr	 sec;
	int			 pdf;	/* the build writes PDFs */
};

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
		seen = pb_xrealloc(seen, (n + 1) * sizeof(*seen));
		seen[n++] = line;
	}
	if (n == 0 && s->msg.len > 0) {
		/* only noise: say what there is */
		seen = pb_xrealloc(seen, sizeof(*seen));
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
 * generic error handler is per thread; libxslt's is process-wide, so it
 * is set only while compiling (global is non-zero, one thread running);
 * transforms report through their context (xsltSetTransformErrorFunc).
 */
static void
sink_begin(struct sink *s, const char *file, struct pb_diags *d, int global)
{
	s->file = file;
	s->d = d;
	memset(&s->msg, 0, sizeof(s->msg));
	sink = s;
	if (global)
		xsltSetGenericErrorFunc(NULL, on_generic);
	xmlSetGenericErrorFunc(NULL, on_generic);
}

static void
sink_end(struct sink *s, int global)
{
	sink_flush(s);
	sink = NULL;
	if (global)
		xsltSetGenericErrorFunc(NULL, NULL);
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
 * nests DocBook sections that Markdown leaves flat. pb:section-owner(),
 * called on a child element of a cm:document, returns the element whose
 * section holds it: for a block, the nearest heading before it; for a
 * heading of level N, the nearest heading before it of a level below N;
 * the cm:document itself when there is none. The owners of a document's
 * children are found in one pass with a stack of the open headings and
 * kept for the transform (xsltGetExtData), so a key over every child costs
 * time linear in their number.
 */
#define PB_EXT_URI	"urn:peerbrief:1"

struct owners {
	xmlNodePtr	 parent;	/* the cm:document they are of */
	xmlNodePtr	*kid, *own;	/* its element children, their owners */
	size_t		 n, cur;	/* how many; where the last lookup was */
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
owners_init(xsltTransformContextPtr ctxt, const xmlChar *uri)
{
	(void)ctxt;
	(void)uri;
	return pb_xcalloc(1, sizeof(struct owners));
}

static void
owners_free(xsltTransformContextPtr ctxt, const xmlChar *uri, void *data)
{
	struct owners	*o = data;

	(void)ctxt;
	(void)uri;
	if (o != NULL) {
		free(o->kid);
		free(o->own);
		free(o);
	}
}

/* pb:section-owner(): see above; an empty node-set on a node that is not
 * an element with a parent. */
static void
section_owner(xmlXPathParserContextPtr ctxt, int nargs)
{
	xsltTransformContextPtr	 t = xsltXPathGetTransformContext(ctxt);
	xmlNodePtr		 n = ctxt->context->node, r = NULL;
	struct owners		*o;
	size_t			 i;

	if (nargs != 0) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	if (t != NULL && n != NULL && n->type == XML_ELEMENT_NODE &&
	    n->parent != NULL &&
	    (o = xsltGetExtData(t, BAD_CAST PB_EXT_URI)) != NULL) {
		if (o->parent != n->parent)
			owners_find(o, n->parent);
		/* A key visits the children in order: look next first. */
		for (i = 0; i < o->n; i++) {
			size_t k = (o->cur + i) % o->n;

			if (o->kid[k] == n) {
				r = o->own[k];
				o->cur = k + 1;
				break;
			}
		}
	}
	valuePush(ctxt, xmlXPathNewNodeSet(r));
}

static xsltStylesheetPtr
compile(const char *dir, const char *name, struct pb_diags *d)
{
	char			*path;
	xsltStylesheetPtr	 st;
	struct sink		 s;

	path = pb_xasprintf("%s/%s", dir, name);
	sink_begin(&s, path, d, 1);
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
	sink_end(&s, 1);
	free(path);
	return st;
}

struct pb_styles *
pb_styles_load(const char *dir, struct pb_diags *d)
{
	static const char *const names[PB_FMT__MAX] = {
		"html.xsl", "docbook.xsl", "index.xsl", "feed.xsl", "svg.xsl",
		"sitemap.xsl"
	};
	struct pb_styles	*s;
	char			*path;
	size_t			 len, errs = d->errors, i;
	char			 real[PATH_MAX];

	if (realpath(dir, real) == NULL) {
		pb_diag_system(d, dir, 0, 0, "templates folder not found");
		return NULL;
	}
	s = pb_xcalloc(1, sizeof(*s));
	s->dir = pb_xstrdup(real);
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
	xsltRegisterExtModule(BAD_CAST PB_EXT_URI, owners_init, owners_free);
	xsltRegisterExtModuleFunction(BAD_CAST "section-owner",
	    BAD_CAST PB_EXT_URI, section_owner);
	for (i = 0; i < PB_FMT__MAX; i++)
		s->xsl[i] = compile(s->dir, names[i], d);
	path = pb_xasprintf("%s/style.css", s->dir);
	if (!pb_file_read(path, &s->css, &len, d))
		s->css = NULL;
	free(path);
	if (d->errors != errs) {
		pb_styles_free(s);
		return NULL;
	}
	return s;
}

void
pb_styles_free(struct pb_styles *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	for (i = 0; i < PB_FMT__MAX; i++)
		if (s->xsl[i] != NULL)
			xsltFreeStylesheet(s->xsl[i]);
	xsltSetDefaultSecurityPrefs(NULL);
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
	size_t			 errs = d->errors;

	st = s->xsl[fmt];
	sink_begin(&k, file, d, 0);
	if ((ctxt = xsltNewTransformContext(st, tree)) == NULL) {
		pb_diag_system(d, file, 0, 0, "cannot start transform");
		goto out;
	}
	xsltSetTransformErrorFunc(ctxt, NULL, on_generic);
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
		if (!save_html(res, out)) {
			pb_diag_system(d, file, 0, 0, "cannot write HTML");
			goto out;
		}
	} else {
		if (xsltSaveResultToString(&txt, &len, res, st) != 0) {
			pb_diag_system(d, file, 0, 0, "cannot write output");
			goto out;
		}
		if (txt != NULL)
			pb_buf_put(out, (const char *)txt, (size_t)len);
	}
	rc = 1;
out:
	sink_end(&k, 0);
	xmlFree(txt);
	if (res != NULL)
		xmlFreeDoc(res);
	if (ctxt != NULL)
		xsltFreeTransformContext(ctxt);
	return rc && d->errors == errs;
}
