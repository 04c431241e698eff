/*
 * inject.c - figure references in position trees.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "charts.h"
#include "figures.h"
#include "inject.h"
#include "model.h"
#include "pb.h"
#include "plain.h"
#include "position.h"
#include "report.h"
#include "tree.h"

static const char *const directives[] = {
	"funding", "practices", "staffing", "certifications", "figure",
	"chart"
};

/* What one walk shares. */
struct walk {
	const char		*file;	/* the position's @source */
	const struct pb_refs	*refs;
	size_t			 k;	/* references met so far */
	const struct pb_figures	*figs;
	enum pb_inject_mode	 mode;
	int			 packet; /* packet.* names, charts and
					 * tables have figures */
	const struct pb_model	*partial; /* pb_inject_partial's model */
	const struct pb_packet	*pk;	/* and packet, or NULL */
	char			*used;
	const char		*how;	/* PB_INJECT_FORBID: how to preview */
	struct pb_diags		*d;
};

static int
directive_known(const char *kind)
{
	size_t	 i;

	for (i = 0; i < sizeof(directives) / sizeof(directives[0]); i++)
		if (strcmp(kind, directives[i]) == 0)
			return 1;
	return 0;
}

void
pb_inject_figure(xmlNodePtr n, const struct pb_figure *f)
{
	char	*anchor = pb_figure_anchor(f->name);

	xmlSetProp(n, BAD_CAST "value", BAD_CAST f->value);
	xmlSetProp(n, BAD_CAST "unit", BAD_CAST pb_unit_name(f->unit));
	if (f->per_mille[0] != '\0')
		xmlSetProp(n, BAD_CAST "per-mille", BAD_CAST f->per_mille);
	if (f->basis_points[0] != '\0')
		xmlSetProp(n, BAD_CAST "basis-points",
		    BAD_CAST f->basis_points);
	xmlSetProp(n, BAD_CAST "anchor", BAD_CAST anchor);
	free(anchor);
}

xmlNodePtr
pb_inject_value(xmlNodePtr parent, const struct pb_figures *figs, char *used,
    const char *fmt, ...)
{
	va_list			 ap;
	char			 name[512];
	const struct pb_figure	*f;
	xmlNodePtr		 n;

	va_start(ap, fmt);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	if ((f = pb_figures_get(figs, name)) == NULL)
		return NULL;
	if (used != NULL)
		used[f - figs->v] = 1;
	n = xmlNewChild(parent, parent->ns, BAD_CAST "value", NULL);
	xmlSetProp(n, BAD_CAST "ref", BAD_CAST name);
	pb_inject_figure(n, f);
	return n;
}

/* Records an error at at, in the walk's file. */
static void
err(struct walk *w, struct pb_src at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
err(struct walk *w, struct pb_src at, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	pb_diag_verror(w->d, PB_ERROR, w->file, at.line, at.col, fmt, ap);
	va_end(ap);
}

/*
 * Whether a packet.* name in a packet goes unjudged: when which packet
 * is not known (packets/ broken), or one of its organizations is broken
 * (its figures are not all known).
 */
static int
packet_unjudged(const struct walk *w)
{
	const struct pb_org	*o;
	size_t			 i;

	if (w->pk == NULL)
		return 1;
	for (i = 0; i < w->pk->norgs; i++)
		if ((o = pb_model_org(w->partial, w->pk->orgs[i].id)) == NULL ||
		    o->broken)
			return 1;
	return 0;
}

/*
 * Whether ref names a figure pb_inject_partial cannot know: a packet's
 * (in a packet, see packet_unjudged) or one of an organization that did
 * not load.
 */
static int
unjudged(const struct walk *w, const char *ref)
{
	const char	*dot = strchr(ref, '.');
	size_t		 i, n = dot != NULL ? (size_t)(dot - ref) : 0;

	if (w->partial == NULL)
		return 0;
	if (strncmp(ref, "packet.", 7) == 0)
		return w->packet && packet_unjudged(w);
	for (i = 0; n > 0 && i < w->partial->norgs; i++)
		if (w->partial->orgs[i].broken &&
		    strncmp(w->partial->orgs[i].id, ref, n) == 0 &&
		    w->partial->orgs[i].id[n] == '\0')
			return 1;
	return 0;
}

/* The figure ref names, or NULL with the error recorded at at. */
static const struct pb_figure *
resolve(struct walk *w, struct pb_src at, const char *ref)
{
	const struct pb_figure	*f;
	struct pb_buf		 s = { NULL, 0, 0 };

	if ((f = pb_figures_get(w->figs, ref)) != NULL) {
		if (w->used != NULL)
			w->used[f - w->figs->v] = 1;
		return f;
	}
	if (unjudged(w, ref))
		return NULL;
	if (!w->packet && strncmp(ref, "packet.", 7) == 0)
		err(w, at, "'%s': packet figures exist only inside a "
		    "packet", ref);
	else {
		pb_report_unknown(w->figs, ref, &s);
		err(w, at, "%s", s.data);
	}
	pb_buf_free(&s);
	return NULL;
}

/*
 * Checks a chart directive: its name must be a chart (else the nearest
 * are suggested), and a chart needs a packet.
 */
static void
check_chart(struct walk *w, xmlNodePtr n, struct pb_src at)
{
	char		*name = pb_tree_attr(n, "name");
	struct pb_buf	 s = { NULL, 0, 0 };

	if (name == NULL || *name == '\0')
		err(w, at, "'=chart' needs a chart name, as in "
		    "'=chart rday-rates'");
	else if (!pb_chart_known(name)) {
		pb_chart_suggest(name, &s);
		err(w, at, "unknown chart '%s'; did you mean %s?", name,
		    s.data);
	} else if (!w->packet)
		err(w, at, "chart '%s' draws a packet's figures: it needs a "
		    "packet", name);
	pb_buf_free(&s);
	free(name);
}

/* A pb:directive: its kind known, a =figure filled in. */
static void
directive(struct walk *w, xmlNodePtr n, struct pb_src at, const char *kind,
    const char *ref)
{
	const struct pb_figure	*f;
	struct pb_buf		 s = { NULL, 0, 0 };
	const char		*near;
	size_t			 i, nd = sizeof(directives) /
				    sizeof(directives[0]);

	if (kind == NULL || !directive_known(kind)) {
		near = kind ? pb_nearest(kind, directives, nd) : NULL;
		pb_buf_put(&s, "", 0);
		for (i = 0; i < nd; i++)
			pb_buf_printf(&s, "%s=%s", i ? ", " : "",
			    directives[i]);
		if (near != NULL)
			err(w, at, "unknown directive '=%s'; did you mean "
			    "'=%s'? (known: %s)", kind, near, s.data);
		else
			err(w, at, "unknown directive '=%s'; known: %s",
			    kind ? kind : "", s.data);
		pb_buf_free(&s);
	} else if (strcmp(kind, "figure") == 0) {
		if (ref == NULL)
			err(w, at, "'=figure' needs a figure name, as in "
			    "'=figure packet.org_count'");
		else if ((f = resolve(w, at, ref)) != NULL &&
		    w->mode != PB_INJECT_CHECK)
			pb_inject_figure(n, f);
	} else if (strcmp(kind, "chart") == 0)
		check_chart(w, n, at);
	else if (!w->packet)
		err(w, at, "directive '=%s' makes a table of a packet's "
		    "organizations: it needs a packet", kind);
	else if (ref != NULL && (f = pb_figures_get(w->figs, ref)) != NULL &&
	    w->used != NULL)
		w->used[f - w->figs->v] = 1;
}

/* Visits one reference n, the k-th of the walk. */
static void
visit(struct walk *w, xmlNodePtr n)
{
	struct pb_src		 at = { NULL, 0, 0 };
	const struct pb_figure	*f;
	char			*ref, *kind;
	int			 value = pb_tree_is_pb(n, "value"), param;

	if (w->refs != NULL && w->k < w->refs->n)
		at = w->refs->v[w->k];
	else
		pb_tree_pos(n, &at.line, &at.col);
	w->k++;
	ref = pb_tree_attr(n, "ref");
	kind = value ? NULL : pb_tree_attr(n, "kind");
	/* convert: the parameters have values without a packet */
	param = w->figs != NULL && ref != NULL &&
	    strncmp(ref, "param.", 6) == 0 && (value || (kind != NULL &&
	    strcmp(kind, "figure") == 0));
	/* a name no packet has either (medicaid_share, Param.X): unknown,
	 * with the parameter meant, rather than needing a packet */
	if (w->mode == PB_INJECT_FORBID && !param && value &&
	    w->figs != NULL && ref != NULL && !pb_figname_valid(ref))
		(void)resolve(w, at, ref);
	else if (w->mode == PB_INJECT_FORBID && !param)
		err(w, at, "figure %s '%s' needs a packet: preview it with "
		    "%s, or build it", value ? "reference" : "directive",
		    value ? (ref ? ref : "") : (kind ? kind : ""), w->how ?
		    w->how : "'peerbrief convert --packet ID -i DIR'");
	else if (value) {
		if ((f = resolve(w, at, ref ? ref : "")) != NULL &&
		    w->mode != PB_INJECT_CHECK)
			pb_inject_figure(n, f);
	} else
		directive(w, n, at, kind, ref);
	free(ref);
	free(kind);
}

int
pb_inject(xmlNodePtr top, const struct pb_refs *refs,
    const struct pb_figures *figs, enum pb_inject_mode mode, char *used,
    struct pb_diags *d)
{
	return pb_inject_preview(top, refs, figs, mode, used, NULL, d);
}

/* Walks the references under top with w (its file set here). */
static int
walk_refs(struct walk *w, xmlNodePtr top)
{
	xmlNodePtr	 n;
	char		*file;
	size_t		 errs = w->d->errors;

	file = top != NULL ? pb_tree_attr(top, "source") : NULL;
	w->file = file;
	for (n = top; n != NULL; n = pb_tree_next(n, top))
		if (pb_tree_is_pb(n, "value") || pb_tree_is_pb(n, "directive"))
			visit(w, n);
	free(file);
	return w->d->errors == errs;
}

int
pb_inject_preview(xmlNodePtr top, const struct pb_refs *refs,
    const struct pb_figures *figs, enum pb_inject_mode mode, char *used,
    const char *how, struct pb_diags *d)
{
	struct walk	 w = { .refs = refs, .figs = figs, .mode = mode,
			     .packet = mode == PB_INJECT_PACKET, .used = used,
			     .how = how, .d = d };

	return walk_refs(&w, top);
}

int
pb_inject_partial(xmlNodePtr top, const struct pb_refs *refs,
    const struct pb_figures *figs, const struct pb_model *m,
    const struct pb_packet *pk, int inpacket, struct pb_diags *d)
{
	struct walk	 w = { .refs = refs, .figs = figs,
			     .mode = PB_INJECT_CHECK, .packet = pk != NULL ||
			     inpacket, .partial = m, .pk = pk, .d = d };

	return walk_refs(&w, top);
}
