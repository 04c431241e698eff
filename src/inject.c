/*
 * inject.c - figure references in position trees.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "charts.h"
#include "figures.h"
#include "inject.h"
#include "pb.h"
#include "tree.h"

/* Reads "L:C-..." from sourcepos, else the node's parse line. */
static void
where(xmlNodePtr n, unsigned long *line, unsigned long *col)
{
	xmlChar		*sp;

	*line = (unsigned long)xmlGetLineNo(n);
	*col = 0;
	if ((sp = xmlGetProp(n, BAD_CAST "sourcepos")) != NULL) {
		sscanf((const char *)sp, "%lu:%lu", line, col);
		xmlFree(sp);
	}
}

static int
is_pb(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    xmlStrEqual(n->ns->href, BAD_CAST PB_NS) &&
	    xmlStrEqual(n->name, BAD_CAST name);
}

int
pb_inject_forbid(xmlDocPtr doc, const char *file, struct pb_diags *d)
{
	xmlNodePtr	 top, n;
	unsigned long	 line, col;
	xmlChar		*ref;
	size_t		 errs = d->errors;

	top = xmlDocGetRootElement(doc);
	for (n = top; n != NULL; n = pb_tree_next(n, top)) {
		if (!is_pb(n, "value") && !is_pb(n, "directive"))
			continue;
		where(n, &line, &col);
		ref = xmlGetProp(n, BAD_CAST (is_pb(n, "value") ? "ref" :
		    "kind"));
		pb_diag_error(d, file, line, col, "figure %s '%s' needs a "
		    "packet: figures are injected by 'peerbrief build'",
		    is_pb(n, "value") ? "reference" : "directive",
		    ref ? (const char *)ref : "");
		xmlFree(ref);
	}
	return d->errors == errs;
}

static const char *const directives[] = {
	"funding", "practices", "staffing", "certifications", "figure",
	"chart"
};

int
pb_directive_known(const char *kind)
{
	size_t	 i;

	for (i = 0; i < sizeof(directives) / sizeof(directives[0]); i++)
		if (strcmp(kind, directives[i]) == 0)
			return 1;
	return 0;
}

/* Records an unknown figure name at n, with suggestions. */
static void
unknown_figure(xmlNodePtr n, const char *file, const char *ref,
    const struct pb_figures *figs, int in_packet, struct pb_diags *d)
{
	unsigned long	 line, col;
	struct pb_buf	 s = { NULL, 0, 0 };

	where(n, &line, &col);
	if (!in_packet && strncmp(ref, "packet.", 7) == 0) {
		pb_diag_error(d, file, line, col, "'%s': packet figures "
		    "exist only inside a packet", ref);
		return;
	}
	pb_figures_suggest(figs, ref, &s);
	if (s.len > 0)
		pb_diag_error(d, file, line, col, "unknown figure '%s'; did "
		    "you mean %s?", ref, s.data);
	else
		pb_diag_error(d, file, line, col, "unknown figure '%s'", ref);
	pb_buf_free(&s);
}

/*
 * Checks a chart directive at line:col: its name must be a chart (else
 * the nearest are suggested), and a chart needs a packet.
 */
static void
check_chart(xmlNodePtr n, const char *file, unsigned long line,
    unsigned long col, int in_packet, struct pb_diags *d)
{
	xmlChar		*name = xmlGetProp(n, BAD_CAST "name");
	struct pb_buf	 s = { NULL, 0, 0 };

	if (name == NULL || *name == '\0')
		pb_diag_error(d, file, line, col, "'=chart' needs a chart "
		    "name, as in '=chart rday-rates'");
	else if (!pb_chart_known((const char *)name)) {
		pb_chart_suggest((const char *)name, &s);
		pb_diag_error(d, file, line, col, "unknown chart '%s'; did "
		    "you mean %s?", (const char *)name, s.data);
	} else if (!in_packet)
		pb_diag_error(d, file, line, col, "chart '%s' draws a "
		    "packet's figures: it needs a packet", (const char *)name);
	pb_buf_free(&s);
	xmlFree(name);
}

/* Sets the value, display, unit and anchor attributes of a reference. */
static void
fill(xmlNodePtr n, const struct pb_figure *f)
{
	char	*anchor = pb_figure_anchor(f->name);

	xmlSetProp(n, BAD_CAST "value", BAD_CAST f->value);
	xmlSetProp(n, BAD_CAST "display", BAD_CAST f->display);
	xmlSetProp(n, BAD_CAST "unit", BAD_CAST pb_unit_name(f->unit));
	xmlSetProp(n, BAD_CAST "anchor", BAD_CAST anchor);
	free(anchor);
}

int
pb_inject(xmlNodePtr top, const char *file, const struct pb_figures *figs,
    int in_packet, struct pb_diags *d)
{
	xmlNodePtr		 n;
	xmlChar			*ref, *kind;
	const struct pb_figure	*f;
	unsigned long		 line, col;
	size_t			 errs = d->errors, i;
	struct pb_buf		 s = { NULL, 0, 0 };

	for (n = top; n != NULL; n = pb_tree_next(n, top)) {
		if (is_pb(n, "value")) {
			ref = xmlGetProp(n, BAD_CAST "ref");
			f = ref ? pb_figures_get(figs, (const char *)ref) :
			    NULL;
			if (f == NULL)
				unknown_figure(n, file, ref ? (const char *)
				    ref : "", figs, in_packet, d);
			else
				fill(n, f);
			xmlFree(ref);
		} else if (is_pb(n, "directive")) {
			kind = xmlGetProp(n, BAD_CAST "kind");
			ref = xmlGetProp(n, BAD_CAST "ref");
			where(n, &line, &col);
			if (kind == NULL || !pb_directive_known(
			    (const char *)kind)) {
				s.len = 0;
				pb_buf_put(&s, "", 0);
				for (i = 0; i < sizeof(directives) /
				    sizeof(directives[0]); i++)
					pb_buf_printf(&s, "%s=%s", i ? ", " :
					    "", directives[i]);
				pb_diag_error(d, file, line, col, "unknown "
				    "directive '=%s'; known: %s", kind ?
				    (const char *)kind : "", s.data);
			} else if (strcmp((const char *)kind, "figure") == 0) {
				f = ref ? pb_figures_get(figs,
				    (const char *)ref) : NULL;
				if (ref == NULL)
					pb_diag_error(d, file, line, col,
					    "'=figure' needs a figure name, "
					    "as in '=figure packet.org_count'");
				else if (f == NULL)
					unknown_figure(n, file,
					    (const char *)ref, figs,
					    in_packet, d);
				else
					fill(n, f);
			} else if (strcmp((const char *)kind, "chart") == 0)
				check_chart(n, file, line, col, in_packet, d);
			else if (!in_packet)
				pb_diag_error(d, file, line, col, "directive "
				    "'=%s' makes a table of a packet's "
				    "organizations: it needs a packet",
				    (const char *)kind);
			xmlFree(kind);
			xmlFree(ref);
		}
	}
	pb_buf_free(&s);
	return d->errors == errs;
}
