/*
 * packet.c - the packet tree: data only; how it looks is decided by
 * templates/.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "arith.h"
#include "figures.h"
#include "inject.h"
#include "model.h"
#include "packet.h"
#include "pb.h"
#include "references.h"
#include "tree.h"

/* Adds <pb:name>text</pb:name> (skipped when text is NULL). */
static xmlNodePtr
text_el(xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr	 n;

	if (text == NULL)
		return NULL;
	n = xmlNewChild(parent, parent->ns, BAD_CAST name, NULL);
	pb_tree_add_text(n, text, strlen(text));
	return n;
}

/* Adds a date element with the exact value and its display text. */
static void
date_el(xmlNodePtr parent, const char *name, struct pb_date d)
{
	char		 v[PB_NUMBUF], s[PB_NUMBUF];
	xmlNodePtr	 n;

	n = text_el(parent, name, pb_date_display(d, s));
	xmlSetProp(n, BAD_CAST "value", BAD_CAST pb_date_format(d, v));
}

/* Adds a <pb:value> for figure name, filled in; marks it used. */
static xmlNodePtr
value_el(xmlNodePtr parent, const struct pb_figures *figs, char *used,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static xmlNodePtr
value_el(xmlNodePtr parent, const struct pb_figures *figs, char *used,
    const char *fmt, ...)
{
	va_list			 ap;
	char			 name[512], *anchor;
	const struct pb_figure	*f;
	xmlNodePtr		 n;

	va_start(ap, fmt);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	if ((f = pb_figures_get(figs, name)) == NULL)
		return NULL;
	used[f - figs->v] = 1;
	n = xmlNewChild(parent, parent->ns, BAD_CAST "value", NULL);
	xmlSetProp(n, BAD_CAST "ref", BAD_CAST name);
	xmlSetProp(n, BAD_CAST "value", BAD_CAST f->value);
	xmlSetProp(n, BAD_CAST "display", BAD_CAST f->display);
	xmlSetProp(n, BAD_CAST "unit", BAD_CAST pb_unit_name(f->unit));
	anchor = pb_figure_anchor(name);
	xmlSetProp(n, BAD_CAST "anchor", BAD_CAST anchor);
	free(anchor);
	return n;
}

/* The practices and whether each value conflicts with the CPS Code of
 * Ethics or ACCS RFR section 7.5 (the same rule as practice_conflicts). */
static int
conflicts(enum pb_practice p, const char *v)
{
	return p <= PB_PR_REP_PAYEE && strcmp(v, "yes") == 0;
}

static void
org_el(xmlNodePtr parent, const struct pb_org *o,
    const struct pb_figures *figs, char *used, struct pb_date as_of)
{
	static const char *const progfigs[] = {
		"enrolled_days", "dmh_payment", "rdays", "rday_rate",
		"medicaid_reimbursement", "dmh_net_cost", "unreimbursed_share",
		"state_average_rdays", "rday_rate_without_peer_notes",
		"meets_state_average_without_peer_notes",
		"rday_shortfall_without_peer_notes", "peer_note_reimbursement",
		"peer_note_share_of_payment", "zero_rdays",
		"required_peer_fte"
	};
	static const char *const orgfigs[] = {
		"peer_fte", "required_peer_fte", "meets_peer_ratio",
		"family_partner_share", "recovery_coach_share",
		"family_partner_share_exceeds", "recovery_coach_share_exceeds",
		"certifications_overdue", "certifications_due_within_60_days",
		"practice_conflicts"
	};
	xmlNodePtr		 n, c;
	size_t			 i, k;
	char			 buf[PB_NUMBUF], name[512];
	const struct pb_member	*mb;
	const struct pb_figure	*f;

	n = xmlNewChild(parent, parent->ns, BAD_CAST "org", NULL);
	pb_tree_set_prop(n, "id", o->id);
	text_el(n, "name", o->name);
	text_el(n, "region", o->region);
	text_el(n, "contracts", o->contracts);
	text_el(n, "source", o->source);
	for (i = 0; i < PB_PR__MAX; i++) {
		c = xmlNewChild(n, n->ns, BAD_CAST "practice", NULL);
		xmlSetProp(c, BAD_CAST "name",
		    BAD_CAST pb_practice_name((enum pb_practice)i));
		if (!o->practice_set[i]) {
			xmlSetProp(c, BAD_CAST "status", BAD_CAST "unknown");
			continue;
		}
		pb_tree_set_prop(c, "value", o->practice[i].text);
		xmlSetProp(c, BAD_CAST "status", BAD_CAST
		    (conflicts((enum pb_practice)i, o->practice[i].text) ?
		    "conflict" : "consistent"));
	}
	for (i = 0; i < o->nprograms; i++) {
		c = xmlNewChild(n, n->ns, BAD_CAST "program", NULL);
		pb_tree_set_prop(c, "id", o->programs[i].id);
		pb_tree_set_prop(c, "contract", o->programs[i].contract);
		pb_tree_set_prop(c, "fiscal-year",
		    o->programs[i].raw_fiscal_year.text);
		pb_tree_set_prop(c, "daily-rate", pb_money_display(
		    o->programs[i].daily_rate, buf));
		/* the R-days as written, for the funding table */
		pb_tree_set_prop(c, "rdays-staff", pb_int_display(
		    o->programs[i].rdays_staff, buf));
		pb_tree_set_prop(c, "rdays-peer-only", pb_int_display(
		    o->programs[i].rdays_peer, buf));
		for (k = 0; k < sizeof(progfigs) / sizeof(progfigs[0]); k++)
			value_el(c, figs, used, "%s.%s.%s", o->id,
			    o->programs[i].id, progfigs[k]);
	}
	for (i = 0; i < o->nmembers; i++) {
		mb = &o->members[i];
		c = xmlNewChild(n, n->ns, BAD_CAST "member", NULL);
		pb_tree_set_prop(c, "id", mb->id);
		xmlSetProp(c, BAD_CAST "role", BAD_CAST pb_role_name(mb->role));
		xmlSetProp(c, BAD_CAST "fte", BAD_CAST pb_fte_format(mb->fte,
		    buf));
		xmlSetProp(c, BAD_CAST "hired", BAD_CAST pb_date_format(
		    mb->hired, buf));
		if (mb->certified_set)
			xmlSetProp(c, BAD_CAST "certified", BAD_CAST
			    pb_date_format(mb->certified, buf));
		if (mb->training != NULL)
			pb_tree_set_prop(c, "training", mb->training);
		snprintf(name, sizeof(name), "%s.%s.certification_due",
		    o->id, mb->id);
		if ((f = pb_figures_get(figs, name)) != NULL) {
			value_el(c, figs, used, "%s", name);
			xmlSetProp(c, BAD_CAST "status", BAD_CAST pb_cert_name(
			    pb_cert_status(mb, f->date, as_of)));
		}
	}
	/* members and FTE by role, summed exactly, for the staffing table */
	for (k = 0; k < PB_ROLE__MAX; k++) {
		int64_t	 fte = 0, count = 0;

		for (i = 0; i < o->nmembers; i++)
			if (o->members[i].role == (enum pb_role)k) {
				count++;
				if (!pb_int_add(fte, o->members[i].fte, &fte))
					fte = INT64_MAX;	/* cannot be:
							 * fte <= 1.00 */
			}
		if (count == 0)
			continue;
		c = xmlNewChild(n, n->ns, BAD_CAST "role", NULL);
		xmlSetProp(c, BAD_CAST "name",
		    BAD_CAST pb_role_name((enum pb_role)k));
		xmlSetProp(c, BAD_CAST "members", BAD_CAST pb_int_format(count,
		    buf));
		xmlSetProp(c, BAD_CAST "fte", BAD_CAST pb_fte_format(fte, buf));
	}
	for (k = 0; k < sizeof(orgfigs) / sizeof(orgfigs[0]); k++)
		value_el(n, figs, used, "%s.%s", o->id, orgfigs[k]);
}

/* Marks every figure named by a filled pb:value or pb:directive in doc. */
static void
mark_used(xmlNodePtr top, const struct pb_figures *figs, char *used)
{
	xmlNodePtr		 n = top;
	xmlChar			*ref;
	const struct pb_figure	*f;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE && n->ns != NULL &&
		    xmlStrEqual(n->ns->href, BAD_CAST PB_NS) &&
		    (xmlStrEqual(n->name, BAD_CAST "value") ||
		    xmlStrEqual(n->name, BAD_CAST "directive")) &&
		    (ref = xmlGetProp(n, BAD_CAST "ref")) != NULL) {
			if ((f = pb_figures_get(figs, (char *)ref)) != NULL)
				used[f - figs->v] = 1;
			xmlFree(ref);
		}
		n = pb_tree_next(n, top);
	}
}

/* Adds to used every figure the used ones are computed from. */
static void
close_used(const struct pb_figures *figs, char *used)
{
	size_t	 i, k;
	int	 again = 1;

	while (again) {
		again = 0;
		for (i = figs->n; i-- > 0;) {
			if (!used[i])
				continue;
			for (k = 0; k < figs->v[i].ninputs; k++) {
				long j = figs->v[i].inputs[k].figure;

				if (j >= 0 && !used[j]) {
					used[j] = 1;
					again = 1;
				}
			}
		}
	}
}

/* The appendix: every used figure, in the set's order. */
static void
appendix(xmlNodePtr parent, const struct pb_figures *figs, const char *used)
{
	xmlNodePtr		 a, n, c;
	const struct pb_figure	*f;
	struct pb_buf		 s = { NULL, 0, 0 };
	size_t			 i, k;
	char			*anchor;

	a = xmlNewChild(parent, parent->ns, BAD_CAST "figures", NULL);
	for (i = 0; i < figs->n; i++) {
		if (!used[i])
			continue;
		f = &figs->v[i];
		n = xmlNewChild(a, a->ns, BAD_CAST "figure", NULL);
		xmlSetProp(n, BAD_CAST "name", BAD_CAST f->name);
		xmlSetProp(n, BAD_CAST "unit", BAD_CAST pb_unit_name(f->unit));
		xmlSetProp(n, BAD_CAST "value", BAD_CAST f->value);
		xmlSetProp(n, BAD_CAST "display", BAD_CAST f->display);
		anchor = pb_figure_anchor(f->name);
		xmlSetProp(n, BAD_CAST "anchor", BAD_CAST anchor);
		free(anchor);
		text_el(n, "formula", f->formula);
		for (k = 0; k < f->ninputs; k++) {
			c = xmlNewChild(n, n->ns, BAD_CAST "input", NULL);
			pb_tree_set_prop(c, "name", f->inputs[k].name);
			pb_tree_set_prop(c, "value", f->inputs[k].value);
			s.len = 0;
			pb_buf_put(&s, "", 0);
			if (f->inputs[k].figure >= 0) {
				anchor = pb_figure_anchor(f->inputs[k].name);
				xmlSetProp(c, BAD_CAST "anchor",
				    BAD_CAST anchor);
				free(anchor);
				pb_figures_sources(figs,
				    (size_t)f->inputs[k].figure, "; ", &s);
			} else
				pb_src_format(&f->inputs[k].src, &s);
			pb_tree_set_prop(c, "source", s.data);
		}
	}
	pb_buf_free(&s);
}

xmlDocPtr
pb_packet_assemble(const struct pb_model *m, const struct pb_packet *pk,
    const struct pb_figures *figs, xmlDocPtr const *positions,
    const char *const *files, struct pb_date as_of, struct pb_diags *d)
{
	xmlDocPtr		 doc;
	xmlNodePtr		 root, meta, h, orgs, pos;
	xmlNsPtr		 ns;
	const struct pb_org	*o;
	const struct pb_figure	*f;
	char			*used;
	size_t			 i, errs = d->errors;
	struct pb_citations	 cites = { NULL, 0 };

	doc = xmlNewDoc(BAD_CAST "1.0");
	root = xmlNewDocNode(doc, NULL, BAD_CAST "packet", NULL);
	ns = xmlNewNs(root, BAD_CAST PB_NS, BAD_CAST "pb");
	xmlSetNs(root, ns);
	xmlDocSetRootElement(doc, root);
	pb_tree_set_prop(root, "id", pk->id);
	used = pb_xcalloc(figs->n ? figs->n : 1, 1);

	meta = xmlNewChild(root, ns, BAD_CAST "meta", NULL);
	text_el(meta, "title", pk->title);
	text_el(meta, "audience", pk->audience);
	date_el(meta, "date", pk->date);
	text_el(meta, "summary", pk->summary);
	text_el(meta, "lang", m->project.language);
	text_el(meta, "project", m->project.title);
	text_el(meta, "publisher", m->project.publisher);
	text_el(meta, "base-url", m->project.base_url);
	date_el(meta, "as-of", as_of);

	h = xmlNewChild(root, ns, BAD_CAST "highlights", NULL);
	for (i = 0; i < pk->nhighlights; i++) {
		if ((f = pb_figures_get(figs, pk->highlights[i].id)) == NULL) {
			struct pb_buf s = { NULL, 0, 0 };

			pb_figures_suggest(figs, pk->highlights[i].id, &s);
			pb_diag_error(d, pk->highlights[i].src.file,
			    pk->highlights[i].src.line,
			    pk->highlights[i].src.col,
			    "unknown figure '%s'%s%s%s",
			    pk->highlights[i].id, s.len ? "; did you mean " :
			    "", s.len ? s.data : "", s.len ? "?" : "");
			pb_buf_free(&s);
			continue;
		}
		pos = value_el(h, figs, used, "%s", f->name);
		text_el(pos, "formula", f->formula);
	}

	orgs = xmlNewChild(root, ns, BAD_CAST "orgs", NULL);
	for (i = 0; i < pk->norgs; i++)
		if ((o = pb_model_org(m, pk->orgs[i].id)) != NULL)
			org_el(orgs, o, figs, used, as_of);

	for (i = 0; i < pk->npositions; i++) {
		if (positions[i] == NULL)
			continue;
		pos = xmlDocCopyNode(xmlDocGetRootElement(positions[i]), doc,
		    1);
		xmlAddChild(root, pos);
		if (pb_inject(pos, files[i], figs, 1, d))
			mark_used(pos, figs, used);
		pb_cite_resolve(pos, files[i], m->works, &cites, d);
	}
	pb_cite_list(root, m->works, &cites);
	pb_citations_free(&cites);
	/* every packet total belongs in the appendix, used or not */
	for (i = 0; i < figs->n; i++)
		if (strncmp(figs->v[i].name, "packet.", 7) == 0)
			used[i] = 1;
	close_used(figs, used);
	appendix(root, figs, used);
	free(used);
	if (d->errors != errs) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/* Packets newest first (date, then id), for the index and the feed. */
static _Thread_local const struct pb_model *sort_model;

static int
packet_cmp(const void *a, const void *b)
{
	const struct pb_packet	*x = &sort_model->packets[*(const size_t *)a];
	const struct pb_packet	*y = &sort_model->packets[*(const size_t *)b];
	int			 c = pb_date_cmp(y->date, x->date);

	return c ? c : strcmp(x->id, y->id);
}

xmlDocPtr
pb_site_assemble(const struct pb_model *m)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	xmlNsPtr	 ns;
	size_t		*order, i;
	char		 v[PB_NUMBUF], s[PB_NUMBUF];
	const struct pb_packet *pk;

	doc = xmlNewDoc(BAD_CAST "1.0");
	root = xmlNewDocNode(doc, NULL, BAD_CAST "site", NULL);
	ns = xmlNewNs(root, BAD_CAST PB_NS, BAD_CAST "pb");
	xmlSetNs(root, ns);
	xmlDocSetRootElement(doc, root);
	n = xmlNewChild(root, ns, BAD_CAST "meta", NULL);
	pb_tree_add_text(xmlNewChild(n, ns, BAD_CAST "title", NULL),
	    m->project.title, strlen(m->project.title));
	if (m->project.publisher != NULL)
		pb_tree_add_text(xmlNewChild(n, ns, BAD_CAST "publisher",
		    NULL), m->project.publisher, strlen(m->project.publisher));
	if (m->project.base_url != NULL)
		pb_tree_add_text(xmlNewChild(n, ns, BAD_CAST "base-url", NULL),
		    m->project.base_url, strlen(m->project.base_url));
	pb_tree_add_text(xmlNewChild(n, ns, BAD_CAST "lang", NULL),
	    m->project.language, strlen(m->project.language));
	order = pb_xcalloc(m->npackets + 1, sizeof(*order));
	for (i = 0; i < m->npackets; i++)
		order[i] = i;
	sort_model = m;
	qsort(order, m->npackets, sizeof(*order), packet_cmp);
	for (i = 0; i < m->npackets; i++) {
		pk = &m->packets[order[i]];
		n = xmlNewChild(root, ns, BAD_CAST "entry", NULL);
		pb_tree_set_prop(n, "id", pk->id);
		xmlSetProp(n, BAD_CAST "date",
		    BAD_CAST pb_date_format(pk->date, v));
		xmlSetProp(n, BAD_CAST "date-display",
		    BAD_CAST pb_date_display(pk->date, s));
		pb_tree_add_text(xmlNewChild(n, ns, BAD_CAST "title", NULL),
		    pk->title, strlen(pk->title));
		if (pk->audience != NULL)
			pb_tree_add_text(xmlNewChild(n, ns,
			    BAD_CAST "audience", NULL), pk->audience,
			    strlen(pk->audience));
		if (pk->summary != NULL)
			pb_tree_add_text(xmlNewChild(n, ns,
			    BAD_CAST "summary", NULL), pk->summary,
			    strlen(pk->summary));
	}
	free(order);
	return doc;
}

