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
#include "charts.h"
#include "figures.h"
#include "hash.h"
#include "inject.h"
#include "model.h"
#include "packet.h"
#include "pb.h"
#include "position.h"
#include "references.h"
#include "report.h"
#include "tree.h"

/* Adds a date element holding d as YYYY-MM-DD (templates/dates.xsl words it). */
static void
date_el(xmlNodePtr parent, const char *name, struct pb_date d)
{
	char	 v[PB_NUMBUF];

	pb_tree_text_child(parent, name, pb_date_format(d, v));
}

/* Adds pb:contracts, a pb:contract (type, since) for each; none without. */
static void
contracts_el(xmlNodePtr parent, const struct pb_org *o)
{
	xmlNodePtr	 g, c;
	size_t		 i;

	if (o->ncontracts == 0)
		return;
	g = xmlNewChild(parent, parent->ns, BAD_CAST "contracts", NULL);
	for (i = 0; i < o->ncontracts; i++) {
		c = xmlNewChild(g, g->ns, BAD_CAST "contract", NULL);
		pb_tree_set_prop(c, "type", o->contracts[i].type ?
		    o->contracts[i].type : "");
		pb_tree_set_prop(c, "since", o->contracts[i].since ?
		    o->contracts[i].since : "");
	}
}

/* The program figures each table shows: the packet's year's programs in
 * the funding table, earlier years' in the "Earlier years" table. */
static const char *const progfigs[] = {
	"dmh_payment", "rday_rate", "zero_rdays",
	"rday_rate_without_peer_notes",
	"meets_state_average_without_peer_notes",
	"rday_shortfall_without_peer_notes", "medicaid_reimbursement",
	"unreimbursed_share", "peer_note_reimbursement",
	"peer_note_share_of_payment"
};
static const char *const earlierfigs[] = {
	"dmh_payment", "rday_rate", "rday_rate_without_peer_notes"
};

/* The organization figures the practices, staffing and certification
 * tables show. */
static const char *const orgfigs[] = {
	"peer_fte", "peer_fte_without_lived_experience", "required_peer_fte",
	"meets_peer_ratio", "family_partner_share", "recovery_coach_share",
	"family_partner_share_exceeds", "recovery_coach_share_exceeds",
	"certifications_overdue", "certifications_due_within_60_days",
	"practice_conflicts", "practice_concerns"
};

/* Adds the staff of o by role: members, FTE and, for peer roles, how many
 * stand at each certification status on as_of; with internal, each
 * member's row too. */
static void
staff_el(xmlNodePtr n, const struct pb_model *m, const struct pb_org *o,
    const struct pb_figures *figs, char *used, struct pb_date as_of,
    int internal)
{
	static const char *const counts[] = {
		"certified", "certified-late", "overdue", "due-soon", "pending"
	};
	const struct pb_member	*mb;
	xmlNodePtr		 c;
	size_t			 i, k;
	char			 buf[PB_NUMBUF];
	int64_t			 members, fte, st[5];
	struct pb_date		 due;
	enum pb_cert		 cs;

	for (i = 0; internal && i < o->nmembers; i++) {
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
		if (mb->lived >= 0)
			xmlSetProp(c, BAD_CAST "lived-experience", BAD_CAST
			    (mb->lived ? "yes" : "no"));
		if (pb_member_cert_due(&m->project, mb, &due))
			xmlSetProp(c, BAD_CAST "status", BAD_CAST pb_cert_name(
			    pb_cert_status(mb, due, as_of)));
		pb_inject_value(c, figs, used, "%s.%s.certification_due", o->id,
		    mb->id);
	}
	for (k = 0; k < PB_ROLE__MAX; k++) {
		if (!pb_org_role_fte(o, (enum pb_role)k, &members, &fte))
			fte = INT64_MAX;	/* cannot be: fte <= 1.00 */
		if (members == 0)
			continue;
		c = xmlNewChild(n, n->ns, BAD_CAST "role", NULL);
		xmlSetProp(c, BAD_CAST "name",
		    BAD_CAST pb_role_name((enum pb_role)k));
		xmlSetProp(c, BAD_CAST "members", BAD_CAST pb_int_format(
		    members, buf));
		xmlSetProp(c, BAD_CAST "fte", BAD_CAST pb_fte_format(fte, buf));
		if (!pb_role_is_peer((enum pb_role)k))
			continue;
		memset(st, 0, sizeof(st));
		for (i = 0; i < o->nmembers; i++) {
			mb = &o->members[i];
			if (mb->role != (enum pb_role)k ||
			    !pb_member_cert_due(&m->project, mb, &due))
				continue;
			cs = pb_cert_status(mb, due, as_of);
			st[cs]++;
		}
		for (i = 0; i < 5; i++)
			xmlSetProp(c, BAD_CAST counts[i], BAD_CAST
			    pb_int_format(st[i], buf));
	}
}

/* Writes "org.program.figure" into buf (size n) and returns buf. */
static const char *
name_of(const char *org, const char *prog, const char *fig, char *buf,
    size_t n)
{
	snprintf(buf, n, "%s.%s.%s", org, prog, fig);
	return buf;
}

static void
org_el(xmlNodePtr parent, const struct pb_model *m, const struct pb_org *o,
    const struct pb_figures *figs, char *used, struct pb_date as_of,
    int64_t year, int internal)
{
	xmlNodePtr		 n, c;
	size_t			 i, k;
	char			 buf[PB_NUMBUF], nbuf[512];
	int			 inyear = 0;
	const struct pb_figure	*f;

	n = xmlNewChild(parent, parent->ns, BAD_CAST "org", NULL);
	pb_tree_set_prop(n, "id", o->id);
	for (i = 0; i < o->nprograms; i++)
		inyear |= o->programs[i].fiscal_year == year;
	if (o->nprograms > 0)
		xmlSetProp(n, BAD_CAST "in-year", BAD_CAST (inyear ? "yes" :
		    "no"));
	pb_tree_text_child(n, "name", o->name);
	pb_tree_text_child(n, "region", o->region);
	contracts_el(n, o);
	pb_tree_text_child(n, "source", o->source);
	for (i = 0; i < PB_PR__MAX; i++) {
		c = xmlNewChild(n, n->ns, BAD_CAST "practice", NULL);
		xmlSetProp(c, BAD_CAST "name",
		    BAD_CAST pb_practice_name((enum pb_practice)i));
		if (o->practice_set[i])
			pb_tree_set_prop(c, "value", o->practice[i].text);
		xmlSetProp(c, BAD_CAST "status", BAD_CAST pb_assess_name(
		    pb_practice_assess((enum pb_practice)i, o->practice_set[i] ?
		    o->practice[i].text : NULL)));
	}
	for (i = 0; i < o->nprograms; i++) {
		const struct pb_program *p = &o->programs[i];
		int cur = p->fiscal_year == year;

		c = xmlNewChild(n, n->ns, BAD_CAST "program", NULL);
		pb_tree_set_prop(c, "id", p->id);
		pb_tree_set_prop(c, "contract", p->contract);
		pb_tree_set_prop(c, "fiscal-year", p->raw_fiscal_year.text);
		xmlSetProp(c, BAD_CAST "in-year", BAD_CAST (cur ? "yes" :
		    "no"));
		/* raw numbers: templates/numbers.xsl words them */
		pb_tree_set_prop(c, "daily-rate-cents", pb_int_format(
		    p->daily_rate, buf));
		/* the R-days as written, for the funding table */
		pb_tree_set_prop(c, "rdays-staff", pb_int_format(
		    p->rdays_staff, buf));
		pb_tree_set_prop(c, "rdays-peer-only", pb_int_format(
		    p->rdays_peer, buf));
		if (cur)
			for (k = 0; k < sizeof(progfigs) /
			    sizeof(progfigs[0]); k++) {
				/* the flags show only when raised */
				f = pb_figures_get(figs, name_of(o->id, p->id,
				    progfigs[k], nbuf, sizeof(nbuf)));
				if (f == NULL || ((strcmp(progfigs[k],
				    "zero_rdays") == 0 || strcmp(progfigs[k],
				    "rday_shortfall_without_peer_notes") == 0) &&
				    f->n == 0))
					continue;
				pb_inject_value(c, figs, used, "%s", nbuf);
			}
		else
			for (k = 0; k < sizeof(earlierfigs) /
			    sizeof(earlierfigs[0]); k++)
				pb_inject_value(c, figs, used, "%s.%s.%s", o->id,
				    p->id, earlierfigs[k]);
	}
	staff_el(n, m, o, figs, used, as_of, internal);
	for (k = 0; k < sizeof(orgfigs) / sizeof(orgfigs[0]); k++)
		pb_inject_value(n, figs, used, "%s.%s", o->id, orgfigs[k]);
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

/* The file name of src relative to the input folder (its prefix, of plen
 * bytes, cut off). Points into src->file. */
static const char *
source_file(const struct pb_src *src, size_t plen)
{
	const char	*f = src->file;

	if (strlen(f) > plen && strncmp(f, "--", 2) != 0)
		f += plen;
	return f;
}

/*
 * Where a raw input was written, as data for the templates (numbers.xsl's
 * pb-source words it): under c, a <pb:source kind="command-line"
 * option=".."/> for a command-line option, a <pb:source kind="default"
 * file=".."/> for a file's default, else one <pb:source kind="lines"
 * file=".."> for each file it was read from, in order of name, holding a
 * <pb:line n=".."/> for each line, in order, each once (a sum, in->more,
 * names every line it sums). File names are relative to the input folder.
 */
static void
source_el(xmlNodePtr c, const struct pb_input *in, size_t plen)
{
	const struct pb_src	**v;
	xmlNodePtr		  s = NULL, l;
	size_t			  n, j, k;
	char			  num[PB_NUMBUF];

	if (in->src.line == 0 && in->src.col == PB_SRC_ARGV) {
		s = xmlNewChild(c, c->ns, BAD_CAST "source", NULL);
		xmlSetProp(s, BAD_CAST "kind", BAD_CAST "command-line");
		pb_tree_set_prop(s, "option", in->src.file);
		return;
	}
	if (in->src.line == 0 && in->nmore == 0) {
		s = xmlNewChild(c, c->ns, BAD_CAST "source", NULL);
		xmlSetProp(s, BAD_CAST "kind", BAD_CAST "default");
		pb_tree_set_prop(s, "file", source_file(&in->src, plen));
		return;
	}
	n = in->nmore + 1;
	v = pb_xcalloc(n, sizeof(*v));
	v[0] = &in->src;
	for (j = 1; j < n; j++)
		v[j] = &in->more[j - 1];
	/* in file order, then by line (insertion sort: members are
	 * already in document order) */
	for (j = 1; j < n; j++)
		for (k = j; k > 0 && (strcmp(v[k - 1]->file, v[k]->file) > 0 ||
		    (strcmp(v[k - 1]->file, v[k]->file) == 0 &&
		    v[k - 1]->line > v[k]->line)); k--) {
			const struct pb_src *t = v[k];

			v[k] = v[k - 1];
			v[k - 1] = t;
		}
	for (j = 0; j < n; j++) {
		if (j == 0 || strcmp(v[j]->file, v[j - 1]->file) != 0) {
			s = xmlNewChild(c, c->ns, BAD_CAST "source", NULL);
			xmlSetProp(s, BAD_CAST "kind", BAD_CAST "lines");
			pb_tree_set_prop(s, "file", source_file(v[j], plen));
		} else if (v[j]->line == v[j - 1]->line)
			continue;	/* that line again */
		l = xmlNewChild(s, c->ns, BAD_CAST "line", NULL);
		snprintf(num, sizeof(num), "%lu", v[j]->line);
		xmlSetProp(l, BAD_CAST "n", BAD_CAST num);
	}
	free(v);
}

/*
 * Adds the packet's <meta> to root: its title, audience, date, edition
 * and summary, the project's language, title, publisher, address and
 * contact, the as-of date, and the fiscal year (figure fy, when there is
 * one) that the totals cover.
 */
static void
meta_el(xmlNodePtr root, const struct pb_model *m, const struct pb_packet *pk,
    struct pb_date as_of, const struct pb_figure *fy)
{
	xmlNodePtr	 meta;
	char		 buf[PB_NUMBUF];

	meta = xmlNewChild(root, root->ns, BAD_CAST "meta", NULL);
	pb_tree_text_child(meta, "title", pk->title);
	pb_tree_text_child(meta, "audience", pk->audience);
	date_el(meta, "date", pk->date);
	{
		char e[PB_NUMBUF];

		snprintf(e, sizeof(e), "%lld", (long long)pk->edition);
		pb_tree_text_child(meta, "edition", e);
	}
	pb_tree_text_child(meta, "summary", pk->summary);
	pb_tree_text_child(meta, "lang", m->project.language);
	pb_tree_text_child(meta, "project", m->project.title);
	pb_tree_text_child(meta, "publisher", m->project.publisher);
	pb_tree_text_child(meta, "base-url", m->project.base_url);
	pb_tree_text_child(meta, "contact", m->project.contact);
	date_el(meta, "as-of", as_of);
	/* the year as a number: templates/numbers.xsl words it */
	if (fy != NULL)
		pb_tree_text_child(meta, "fiscal-year", pb_int_format(fy->n,
		    buf));
}

/*
 * Adds the packet's <highlights> to root: each highlighted figure with
 * its formula, marked in used; a name figs lacks is an error in d at the
 * highlight.
 */
static void
highlights_el(xmlNodePtr root, const struct pb_packet *pk,
    const struct pb_figures *figs, char *used, struct pb_diags *d)
{
	const struct pb_figure	*f;
	xmlNodePtr		 h, pos;
	size_t			 i;

	h = xmlNewChild(root, root->ns, BAD_CAST "highlights", NULL);
	for (i = 0; i < pk->nhighlights; i++) {
		if ((f = pb_figures_get(figs, pk->highlights[i].id)) == NULL) {
			struct pb_buf s = { NULL, 0, 0 };

			pb_report_unknown(figs, pk->highlights[i].id, &s);
			pb_diag_error(d, pk->highlights[i].src.file,
			    pk->highlights[i].src.line,
			    pk->highlights[i].src.col, "%s", s.data);
			pb_buf_free(&s);
			continue;
		}
		pos = pb_inject_value(h, figs, used, "%s", f->name);
		pb_tree_text_child(pos, "formula", f->formula);
	}
}

/* The appendix: every used figure, in the set's order; figure inputs link
 * to their own entries, raw inputs say where they were written. */
static void
appendix(xmlNodePtr parent, const struct pb_figures *figs, const char *used,
    size_t plen)
{
	xmlNodePtr		 a, n, c;
	const struct pb_figure	*f;
	size_t			 i, k;
	char			*anchor;

	a = xmlNewChild(parent, parent->ns, BAD_CAST "figures", NULL);
	for (i = 0; i < figs->n; i++) {
		if (!used[i])
			continue;
		f = &figs->v[i];
		n = xmlNewChild(a, a->ns, BAD_CAST "figure", NULL);
		xmlSetProp(n, BAD_CAST "name", BAD_CAST f->name);
		pb_inject_figure(n, f);
		pb_tree_text_child(n, "formula", f->formula);
		for (k = 0; k < f->ninputs; k++) {
			c = xmlNewChild(n, n->ns, BAD_CAST "input", NULL);
			pb_tree_set_prop(c, "name", f->inputs[k].name);
			pb_tree_set_prop(c, "value", f->inputs[k].value);
			if (f->inputs[k].figure >= 0) {
				const struct pb_figure *g =
				    &figs->v[f->inputs[k].figure];

				anchor = pb_figure_anchor(g->name);
				xmlSetProp(c, BAD_CAST "anchor",
				    BAD_CAST anchor);
				free(anchor);
				continue;
			}
			source_el(c, &f->inputs[k], plen);
		}
	}
}

xmlDocPtr
pb_packet_assemble(const struct pb_model *m, const struct pb_packet *pk,
    const struct pb_figures *figs, const struct pb_position *const *positions,
    struct pb_date as_of, struct pb_diags *d)
{
	return pb_packet_assemble_taking(m, pk, figs, positions, NULL, as_of,
	    d);
}

/*
 * The root of position p's tree for the packet tree doc: moved out of
 * p's document when take is set and nothing in it belongs to that
 * document alone (names in its dictionary, the xml namespace it holds),
 * which saves a copy of every node and the freeing of the original;
 * else a copy.
 */
static xmlNodePtr
position_root(xmlDocPtr doc, const struct pb_position *p, int take)
{
	xmlNodePtr	 root = xmlDocGetRootElement(p->doc);

	if (!take || p->broken || root == NULL || p->doc->dict != NULL ||
	    doc->dict != NULL || p->doc->oldNs != NULL)
		return xmlDocCopyNode(root, doc, 1);
	xmlUnlinkNode(root);
	xmlSetTreeDoc(root, doc);
	return root;
}

xmlDocPtr
pb_packet_assemble_taking(const struct pb_model *m, const struct pb_packet *pk,
    const struct pb_figures *figs, const struct pb_position *const *positions,
    const unsigned char *take, struct pb_date as_of, struct pb_diags *d)
{
	xmlDocPtr		 doc;
	xmlNodePtr		 root, h, orgs, pos;
	xmlNsPtr		 ns;
	const struct pb_org	*o;
	const struct pb_figure	*f;
	char			*used;
	size_t			 i, errs = d->errors, plen;
	int64_t			 year;
	struct pb_citations	 cites = { NULL, 0 };

	doc = xmlNewDoc(BAD_CAST "1.0");
	root = xmlNewDocNode(doc, NULL, BAD_CAST "packet", NULL);
	ns = xmlNewNs(root, BAD_CAST PB_NS, BAD_CAST "pb");
	xmlSetNs(root, ns);
	xmlDocSetRootElement(doc, root);
	pb_tree_set_prop(root, "id", pk->id);
	xmlSetProp(root, BAD_CAST "visibility", BAD_CAST (pk->internal ?
	    "internal" : "public"));
	used = pb_xcalloc(figs->n ? figs->n : 1, 1);
	/* the input folder's prefix of every file name: that of peerbrief.xml */
	plen = strlen(m->project.file) - strlen("peerbrief.xml");
	f = pb_figures_get(figs, "packet.fiscal_year");
	year = f != NULL ? f->n : 0;

	meta_el(root, m, pk, as_of, f);
	highlights_el(root, pk, figs, used, d);

	/* the packet's own figures: key figures and the tables' totals */
	h = xmlNewChild(root, ns, BAD_CAST "totals", NULL);
	for (i = 0; i < figs->n; i++)
		if (strncmp(figs->v[i].name, "packet.", 7) == 0)
			pb_inject_value(h, figs, used, "%s", figs->v[i].name);

	orgs = xmlNewChild(root, ns, BAD_CAST "orgs", NULL);
	for (i = 0; i < pk->norgs; i++)
		if ((o = pb_model_org(m, pk->orgs[i].id)) != NULL)
			org_el(orgs, m, o, figs, used, as_of, year,
			    pk->internal);

	for (i = 0; i < pk->npositions; i++) {
		if (positions[i] == NULL)
			continue;
		pos = position_root(doc, positions[i], take != NULL &&
		    take[i]);
		xmlAddChild(root, pos);
		/* A broken one's errors are recorded: its references are
		 * checked as the packet reads them, in this copy, which is
		 * never published (no false "needs a packet"). */
		if (positions[i]->broken) {
			pb_inject(pos, &positions[i]->refs, figs,
			    PB_INJECT_PACKET, NULL, d);
			pb_cite_resolve(pos, &positions[i]->refs, m->works,
			    NULL, d);
			continue;
		}
		if (pb_inject(pos, &positions[i]->refs, figs,
		    PB_INJECT_PACKET, used, d))
			pb_charts_fill(pos, m, pk, figs, used);
		pb_cite_resolve(pos, &positions[i]->refs, m->works, &cites,
		    d);
	}
	pb_cite_list(root, m->works, &cites);
	pb_citations_free(&cites);
	close_used(figs, used);
	appendix(root, figs, used, plen);
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

/*
 * The site's own name for feeds without a base-url, as pb:urn under meta:
 * urn:peerbrief:site:HASH, HASH the XXH3-128 of the project's title and
 * publisher, which name the series wherever it is built (never a path).
 */
static void
site_urn(xmlNodePtr meta, xmlNsPtr ns, const struct pb_project *p)
{
	struct pb_hasher	*h;
	char			 hex[PB_HASH_HEX], *urn;

	h = pb_hasher_new();
	pb_hasher_add(h, p->title, strlen(p->title) + 1);
	if (p->publisher != NULL)
		pb_hasher_add(h, p->publisher, strlen(p->publisher));
	pb_hash_format(pb_hasher_end(h), hex);
	urn = pb_xasprintf("urn:peerbrief:site:%s", hex);
	pb_tree_add_text(xmlNewChild(meta, ns, BAD_CAST "urn", NULL), urn,
	    strlen(urn));
	free(urn);
}

xmlDocPtr
pb_site_assemble(const struct pb_model *m, const char *const *tags)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	xmlNsPtr	 ns;
	size_t		*order, i;
	char		 v[PB_NUMBUF];
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
	pb_tree_text_child(n, "contact", m->project.contact);
	pb_tree_text_child(n, "description", m->project.description);
	site_urn(n, ns, &m->project);
	order = pb_xcalloc(m->npackets + 1, sizeof(*order));
	for (i = 0; i < m->npackets; i++)
		order[i] = i;
	sort_model = m;
	qsort(order, m->npackets, sizeof(*order), packet_cmp);
	for (i = 0; i < m->npackets; i++) {
		pk = &m->packets[order[i]];
		if (pk->internal)	/* never listed: index, feed, sitemap */
			continue;
		n = xmlNewChild(root, ns, BAD_CAST "entry", NULL);
		pb_tree_set_prop(n, "id", pk->id);
		xmlSetProp(n, BAD_CAST "date",
		    BAD_CAST pb_date_format(pk->date, v));
		snprintf(v, sizeof(v), "%lld", (long long)pk->edition);
		xmlSetProp(n, BAD_CAST "edition", BAD_CAST v);
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
		/* the tags of its positions, one a line */
		if (tags != NULL && tags[order[i]] != NULL) {
			const char	*t = tags[order[i]], *e;

			for (; *t != '\0'; t = *e ? e + 1 : e) {
				if ((e = strchr(t, '\n')) == NULL)
					e = t + strlen(t);
				if (e > t)
					pb_tree_add_text(xmlNewChild(n, ns,
					    BAD_CAST "tag", NULL), t,
					    (size_t)(e - t));
			}
		}
	}
	free(order);
	return doc;
}

