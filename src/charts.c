/*
 * charts.c - what each chart shows, as figures in the packet tree; the
 * stylesheets draw them (templates/charts-svg.xsl) and do no arithmetic
 * on money: a chart shows ratios and FTE, whose exact values the
 * figures carry.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "arith.h"
#include "charts.h"
#include "figures.h"
#include "inject.h"
#include "model.h"
#include "pb.h"
#include "tree.h"

static const char *const charts[] = { "rday-rates", "peer-staff" };
#define NCHARTS (sizeof(charts) / sizeof(charts[0]))

int
pb_chart_known(const char *name)
{
	size_t	 i;

	for (i = 0; i < NCHARTS; i++)
		if (strcmp(name, charts[i]) == 0)
			return 1;
	return 0;
}

void
pb_chart_suggest(const char *name, struct pb_buf *out)
{
	size_t	 len = out->len;

	pb_suggest(name, charts, NCHARTS, 0, out);
	if (out->len == len)
		pb_buf_put_choices(out, charts, NCHARTS, 1);
}

/* The R-day rates of the packet's programs, against the state average. */
static void
fill_rday_rates(xmlNodePtr dir, const struct pb_model *m,
    const struct pb_packet *pk, const struct pb_figures *figs, char *used)
{
	const struct pb_figure	*fy;
	const struct pb_org	*o;
	xmlNodePtr		 it;
	size_t			 i, k;
	long long		 year = 0;

	/* the packet's year, once the figures know it */
	if ((fy = pb_figures_get(figs, "packet.fiscal_year")) != NULL)
		year = strtoll(fy->value, NULL, 10);
	for (i = 0; i < pk->norgs; i++) {
		if ((o = pb_model_org(m, pk->orgs[i].id)) == NULL)
			continue;
		for (k = 0; k < o->nprograms; k++) {
			if (fy != NULL && o->programs[k].fiscal_year != year)
				continue;
			it = xmlNewChild(dir, dir->ns, BAD_CAST "item", NULL);
			pb_tree_set_prop(it, "org", o->id);
			pb_tree_set_prop(it, "program", o->programs[k].id);
			pb_inject_value(it, figs, used, "%s.%s.rday_rate", o->id,
			    o->programs[k].id);
			pb_inject_value(it, figs, used, "%s.%s.rday_rate_without_peer_notes",
			    o->id, o->programs[k].id);
		}
	}
	pb_inject_value(dir, figs, used, "param.state_average_rday_rate");
}

/* The peer FTE of the packet's organizations by role, against the
 * required FTE. */
static void
fill_peer_staff(xmlNodePtr dir, const struct pb_model *m,
    const struct pb_packet *pk, const struct pb_figures *figs, char *used)
{
	const struct pb_org	*o;
	xmlNodePtr		 it, c;
	size_t			 i, r;
	int64_t			 members, fte;
	char			 buf[PB_NUMBUF];

	for (i = 0; i < pk->norgs; i++) {
		if ((o = pb_model_org(m, pk->orgs[i].id)) == NULL)
			continue;
		it = xmlNewChild(dir, dir->ns, BAD_CAST "item", NULL);
		pb_tree_set_prop(it, "org", o->id);
		for (r = 0; r < PB_ROLE__MAX; r++) {
			if (!pb_role_is_peer((enum pb_role)r))
				continue;
			if (!pb_org_role_fte(o, (enum pb_role)r, &members,
			    &fte))
				fte = INT64_MAX;	/* cannot be: fte <= 1.00 */
			if (members == 0)
				continue;
			c = xmlNewChild(it, it->ns, BAD_CAST "role", NULL);
			xmlSetProp(c, BAD_CAST "name",
			    BAD_CAST pb_role_name((enum pb_role)r));
			xmlSetProp(c, BAD_CAST "fte",
			    BAD_CAST pb_fte_format(fte, buf));
		}
		pb_inject_value(it, figs, used, "%s.peer_fte", o->id);
		pb_inject_value(it, figs, used, "%s.required_peer_fte", o->id);
	}
}

void
pb_charts_fill(xmlNodePtr top, const struct pb_model *m,
    const struct pb_packet *pk, const struct pb_figures *figs, char *used)
{
	xmlNodePtr	 n;
	char		*kind, *name;

	for (n = top; n != NULL; n = pb_tree_next(n, top)) {
		if (!pb_tree_is_pb(n, "directive"))
			continue;
		kind = pb_tree_attr(n, "kind");
		name = pb_tree_attr(n, "name");
		if (kind != NULL && name != NULL && n->children == NULL &&
		    strcmp(kind, "chart") == 0) {
			if (strcmp(name, "rday-rates") == 0)
				fill_rday_rates(n, m, pk, figs, used);
			else if (strcmp(name, "peer-staff") == 0)
				fill_peer_staff(n, m, pk, figs, used);
		}
		free(kind);
		free(name);
	}
}

char **
pb_charts_used(xmlNodePtr top, size_t *np)
{
	xmlNodePtr	 n;
	char		*kind, *name, **v = NULL;
	size_t		 i, nv = 0;

	for (n = top; n != NULL; n = pb_tree_next(n, top)) {
		if (!pb_tree_is_pb(n, "directive"))
			continue;
		kind = pb_tree_attr(n, "kind");
		name = pb_tree_attr(n, "name");
		if (kind != NULL && name != NULL &&
		    strcmp(kind, "chart") == 0 && pb_chart_known(name)) {
			for (i = 0; i < nv; i++)
				if (strcmp(v[i], name) == 0)
					break;
			if (i == nv) {
				v = pb_grow(v, nv, sizeof(*v));
				v[nv++] = name;
				name = NULL;
			}
		}
		free(kind);
		free(name);
	}
	*np = nv;
	return v;
}
