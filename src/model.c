/*
 * model.c - reading the project, organizations and packets: schema
 * validation with libxml2's RELAX NG, then values that cannot be true,
 * each reported at the file, line and column where it was written.
 */
#define _DEFAULT_SOURCE	/* DT_REG */
#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "arith.h"
#include "model.h"
#include "orgcsv.h"
#include "pb.h"
#include "references.h"
#include "schema.h"
#include "tree.h"
#include "xmlread.h"

/* One file being read: its bytes (for columns) and diagnostics. */
struct rd {
	const char		*file;
	struct pb_xmlfile	 x;
	struct pb_diags		*d;
};

static const char *const practice_names[PB_PR__MAX] = {
	"peer-progress-notes", "peer-in-treatment-plans",
	"peer-medication-administration", "peer-rep-payeeship",
	"peer-team-structure", "peer-supervision",
	"peer-human-rights-officer", "harm-reduction-scope"
};

static const char *const role_names[PB_ROLE__MAX] = {
	"peer-specialist", "recovery-coach", "family-partner",
	"young-adult-peer-mentor", "older-adult-peer-specialist",
	"peer-supervisor"
};

/* Element names in peerbrief.xml and the figure names of parameters. */
static const char *const param_elems[PB_PARAM__MAX] = {
	"medicaid-share", "state-average-rday-rate",
	"certification-window-months", "peer-fte-per-100-enrolled",
	"max-family-partner-share", "max-recovery-coach-share"
};
static const char *const param_names[PB_PARAM__MAX] = {
	"medicaid_share", "state_average_rday_rate",
	"certification_window_months", "peer_fte_per_100_enrolled",
	"max_family_partner_share", "max_recovery_coach_share"
};
static const char *const param_defaults[PB_PARAM__MAX] = {
	"0.50", "0.25", "6", "2.00", "0.25", "0.34"
};

const char *
pb_practice_name(enum pb_practice p)
{
	return practice_names[p];
}

const char *
pb_role_name(enum pb_role r)
{
	return role_names[r];
}

const char *
pb_param_name(enum pb_param p)
{
	return param_names[p];
}

/* ------------------------------------------------------------ positions */

static struct pb_src
src_text(const struct rd *r, xmlNodePtr n)
{
	return pb_xmlfile_text(&r->x, n);
}

static struct pb_src
src_attr(const struct rd *r, xmlNodePtr n, const char *name)
{
	return pb_xmlfile_attr(&r->x, n, name);
}

static void
err_at(const struct rd *r, struct pb_src s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
err_at(const struct rd *r, struct pb_src s, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	pb_diag_verror(r->d, PB_ERROR, s.file ? s.file : r->file, s.line,
	    s.col, fmt, ap);
	va_end(ap);
}

/* ---------------------------------------------------------------- values */

/* The element children of n in the peerbrief namespace, one by one. */
static xmlNodePtr
first_el(xmlNodePtr n)
{
	for (n = n ? n->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

static xmlNodePtr
next_el(xmlNodePtr n)
{
	for (n = n->next; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

static int
named(xmlNodePtr n, const char *name)
{
	return xmlStrEqual(n->name, BAD_CAST name);
}

/* Reads an element's text as a raw value. */
static void
raw_text(const struct rd *r, xmlNodePtr n, struct pb_raw *v)
{
	free(v->text);
	v->text = pb_tree_text(n);
	v->src = src_text(r, n);
}

static void
raw_attr(const struct rd *r, xmlNodePtr n, const char *name,
    struct pb_raw *v)
{
	free(v->text);
	v->text = pb_tree_attr(n, name);
	v->src = src_attr(r, n, name);
}

/* Parses v as a non-negative integer; the schema has checked its form. */
static int64_t
int_of(const struct rd *r, const struct pb_raw *v)
{
	int64_t	 n = 0;

	if (v->text == NULL || !pb_int_parse(v->text, &n) || n < 0)
		err_at(r, v->src, "'%s' is not a whole number in range",
		    v->text ? v->text : "");
	return n;
}

/* Parses v as a decimal with at most places decimals, scaled by 10^places. */
static int64_t
dec_of(const struct rd *r, const struct pb_raw *v, int places)
{
	int64_t	 n = 0;

	if (v->text == NULL || !pb_decimal_parse(v->text, places, &n))
		err_at(r, v->src, "'%s' is not a number with at most %d "
		    "decimals", v->text ? v->text : "", places);
	return n;
}

static struct pb_ratio
ratio_of(const struct rd *r, const struct pb_raw *v)
{
	struct pb_ratio	 q = { 0, 1 };

	if (v->text == NULL || !pb_ratio_parse(v->text, 6, &q))
		err_at(r, v->src, "'%s' is not a decimal with at most 6 "
		    "decimals", v->text ? v->text : "");
	return q;
}

static struct pb_date
date_of(const struct rd *r, const struct pb_raw *v)
{
	struct pb_date	 t = { 1970, 1, 1 };

	if (v->text == NULL || !pb_date_parse(v->text, &t))
		err_at(r, v->src, "'%s' is not a date YYYY-MM-DD",
		    v->text ? v->text : "");
	return t;
}

/* Reads and validates one file; NULL (errors recorded) on failure. */
static xmlDocPtr
load(struct rd *r, char **buf, const struct pb_schema *s)
{
	xmlDocPtr	 doc;
	size_t		 len;

	*buf = NULL;
	if (!pb_file_read(r->file, buf, &len, r->d))
		return NULL;
	r->x.file = r->file;
	r->x.data = *buf;
	r->x.len = len;
	if ((doc = pb_xml_parse(r->file, *buf, len, r->d)) == NULL)
		return NULL;
	pb_xmlfile_index(&r->x, doc);
	if (!pb_schema_check(s, &r->x, doc, r->d)) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

/* --------------------------------------------------------------- project */


/*
 * The project's <base-url> n: an http(s) URL, given a trailing slash if
 * it lacks one (DESIGN.md: base-url + ID + "/" is a URL); an empty one
 * says the site has no address yet, on purpose (no absolute links, and
 * no warning of a missing base-url).
 */
static void
base_url_read(const struct rd *r, xmlNodePtr n, struct pb_project *p)
{
	char	*u;

	free(p->base_url);
	p->base_url = pb_tree_text(n);
	if (p->base_url[strspn(p->base_url, " \t\r\n")] == '\0') {
		free(p->base_url);
		p->base_url = NULL;
		p->no_address = 1;
		return;
	}
	if (strncmp(p->base_url, "https://", 8) != 0 &&
	    strncmp(p->base_url, "http://", 7) != 0) {
		/* a bare host and path ("www.example.org/briefs") lacks only
		 * its scheme: the message writes it whole */
		if (strchr(p->base_url, ':') == NULL &&
		    strpbrk(p->base_url, " \t\r\n") == NULL)
			err_at(r, src_text(r, n), "base-url '%s' is not an "
			    "http or https URL: write it whole, https://%s%s",
			    p->base_url, p->base_url,
			    p->base_url[strlen(p->base_url) - 1] == '/' ?
			    "" : "/");
		else
			err_at(r, src_text(r, n), "base-url '%s' is not an "
			    "http or https URL: write https://... or "
			    "http://...", p->base_url);
	}
	if (p->base_url[strlen(p->base_url) - 1] != '/') {
		u = pb_xasprintf("%s/", p->base_url);
		free(p->base_url);
		p->base_url = u;
	}
}

/* The project's parameters, from their text (read or default). */
static void
params_of(struct rd *r, struct pb_project *p)
{
	p->medicaid_share = ratio_of(r, &p->param[0]);
	p->state_average_rday_rate = ratio_of(r, &p->param[1]);
	p->certification_window_months = int_of(r, &p->param[2]);
	p->peer_fte_per_100 = dec_of(r, &p->param[3], 2);
	p->max_family_partner_share = ratio_of(r, &p->param[4]);
	p->max_recovery_coach_share = ratio_of(r, &p->param[5]);
}

static void
project_read(struct pb_model *m, const char *indir, const struct pb_schema *s,
    struct pb_diags *d)
{
	struct pb_project	*p = &m->project;
	struct rd		 r = { NULL, { NULL, NULL, 0, NULL }, d };
	xmlDocPtr		 doc;
	xmlNodePtr		 n, q;
	struct stat		 st;
	const char		*why;
	char			*buf;
	size_t			 i;

	p->file = pb_xasprintf("%s/peerbrief.xml", indir);
	r.file = p->file;
	if (lstat(p->file, &st) == 0 &&
	    (why = pb_path_refusal(p->file, indir, "file")) != NULL) {
		pb_diag_error(d, p->file, 0, 0, "%s", why);
		return;
	}
	for (i = 0; i < PB_PARAM__MAX; i++) {
		p->param[i].text = pb_xstrdup(param_defaults[i]);
		p->param[i].src.file = p->file;
		p->param[i].src.line = 0;	/* a default */
	}
	if ((doc = load(&r, &buf, s)) != NULL) {
		p->root = pb_xmlfile_elem(&r.x, xmlDocGetRootElement(doc));
		for (n = first_el(xmlDocGetRootElement(doc)); n != NULL;
		    n = next_el(n)) {
			if (named(n, "title"))
				p->title = pb_tree_squeeze(pb_tree_text(n));
			else if (named(n, "publisher"))
				p->publisher = pb_tree_squeeze(pb_tree_text(n));
			else if (named(n, "base-url"))
				base_url_read(&r, n, p);
			else if (named(n, "language"))
				p->language = pb_tree_text(n);
			else if (named(n, "contact"))
				p->contact = pb_tree_squeeze(pb_tree_text(n));
			else if (named(n, "description"))
				p->description =
				    pb_tree_squeeze(pb_tree_text(n));
			else if (named(n, "as-of"))
				raw_text(&r, n, &p->as_of_raw);
			else if (named(n, "parameters"))
				for (q = first_el(n); q; q = next_el(q))
					for (i = 0; i < PB_PARAM__MAX; i++)
						if (named(q, param_elems[i]))
							raw_text(&r, q,
							    &p->param[i]);
		}
		xmlFreeDoc(doc);
	}
	if (p->title == NULL)
		p->title = pb_xstrdup("");
	if (p->language == NULL)
		p->language = pb_xstrdup("en");
	if (p->as_of_raw.text != NULL)
		p->as_of = date_of(&r, &p->as_of_raw);
	params_of(&r, p);
	pb_xmlfile_unindex(&r.x);
	free(buf);
}

struct pb_model *
pb_model_defaults(void)
{
	struct pb_model		*m = pb_xcalloc(1, sizeof(*m));
	struct pb_project	*p = &m->project;
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct rd		 r = { NULL, { NULL, NULL, 0, NULL }, &d };
	size_t			 i;

	p->file = pb_xstrdup("peerbrief.xml");
	r.file = p->file;
	for (i = 0; i < PB_PARAM__MAX; i++) {
		p->param[i].text = pb_xstrdup(param_defaults[i]);
		p->param[i].src.file = p->file;
		p->param[i].src.line = 0;	/* a default */
	}
	p->title = pb_xstrdup("");
	p->language = pb_xstrdup("en");
	params_of(&r, p);
	pb_diags_free(&d);	/* the defaults are valid */
	return m;
}


/* ---------------------------------------------------------- organizations */

static void
program_read(const struct rd *r, xmlNodePtr n, struct pb_program *p)
{
	xmlNodePtr	 q;
	char		*by;

	p->id = pb_tree_attr(n, "id");
	p->src = src_attr(r, n, "id");
	p->contract = pb_tree_attr(n, "contract");
	raw_attr(r, n, "fiscal-year", &p->raw_fiscal_year);
	for (q = first_el(n); q != NULL; q = next_el(q)) {
		if (named(q, "enrolled-persons"))
			raw_text(r, q, &p->raw_persons);
		else if (named(q, "enrolled-days"))
			raw_text(r, q, &p->raw_days);
		else if (named(q, "daily-rate"))
			raw_text(r, q, &p->raw_rate);
		else if (named(q, "rdays")) {
			by = pb_tree_attr(q, "documented-by");
			raw_text(r, q, by && strcmp(by, "staff") == 0 ?
			    &p->raw_staff : &p->raw_peer);
			free(by);
		}
	}
	p->fiscal_year = int_of(r, &p->raw_fiscal_year);
	p->enrolled_persons = int_of(r, &p->raw_persons);
	p->enrolled_days = int_of(r, &p->raw_days);
	p->daily_rate = dec_of(r, &p->raw_rate, 2);
	p->rdays_staff = int_of(r, &p->raw_staff);
	p->rdays_peer = int_of(r, &p->raw_peer);
}

/* Values that cannot be true (DESIGN.md, Inputs). */
static void
program_check(const struct rd *r, const struct pb_program *p)
{
	int64_t	 max, sum;

	if (p->daily_rate <= 0)
		err_at(r, p->raw_rate.src, "daily rate must be above zero, "
		    "not %s", p->raw_rate.text);
	if (p->rdays_staff > p->enrolled_days)
		err_at(r, p->raw_staff.src, "%s staff R-days exceed the %s "
		    "enrolled days", p->raw_staff.text, p->raw_days.text);
	else if (!pb_int_add(p->rdays_staff, p->rdays_peer, &sum) ||
	    sum > p->enrolled_days)
		err_at(r, p->raw_peer.src, "R-days (%s staff + %s peer-only) "
		    "exceed the %s enrolled days", p->raw_staff.text,
		    p->raw_peer.text, p->raw_days.text);
	if (!pb_int_mul(p->enrolled_persons, 366, &max) ||
	    p->enrolled_days > max)
		err_at(r, p->raw_days.src, "%s enrolled days exceed %s "
		    "persons x 366", p->raw_days.text, p->raw_persons.text);
}

static void
member_read(const struct rd *r, xmlNodePtr n, struct pb_member *mb)
{
	size_t	 i;

	mb->id = pb_tree_attr(n, "id");
	mb->src = src_attr(r, n, "id");
	raw_attr(r, n, "role", &mb->raw_role);
	raw_attr(r, n, "fte", &mb->raw_fte);
	raw_attr(r, n, "hired", &mb->raw_hired);
	for (i = 0; i < PB_ROLE__MAX; i++)
		if (mb->raw_role.text && strcmp(mb->raw_role.text,
		    role_names[i]) == 0)
			mb->role = (enum pb_role)i;
	mb->fte = dec_of(r, &mb->raw_fte, 2);
	mb->hired = date_of(r, &mb->raw_hired);
	mb->training = pb_tree_attr(n, "training");
	mb->lived = -1;
	if (xmlHasProp(n, BAD_CAST "lived-experience")) {
		raw_attr(r, n, "lived-experience", &mb->raw_lived);
		mb->lived = mb->raw_lived.text != NULL &&
		    strcmp(mb->raw_lived.text, "yes") == 0;
	}
	if (xmlHasProp(n, BAD_CAST "certified")) {
		raw_attr(r, n, "certified", &mb->raw_certified);
		mb->certified = date_of(r, &mb->raw_certified);
		mb->certified_set = 1;
		if (pb_date_cmp(mb->certified, mb->hired) < 0)
			err_at(r, mb->raw_certified.src, "certified %s, "
			    "before the hire date %s",
			    mb->raw_certified.text, mb->raw_hired.text);
	}
}

/* One id of an organization and where it was written, for ids_check. */
struct idat {
	const char	*id;
	struct pb_src	 src;
	size_t		 order;
};

static int
idat_cmp(const void *a, const void *b)
{
	const struct idat	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->id, y->id)) != 0)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

/*
 * Reports an id used twice in one organization (programs and staff), at
 * each use after the first; sorting keeps it n log n.
 */
static void
ids_check(const struct rd *r, struct pb_org *o)
{
	struct idat	*v;
	size_t		 n = 0, i, first = 0;

	v = pb_xcalloc(o->nprograms + o->nmembers + 1, sizeof(*v));
	for (i = 0; i < o->nprograms; i++)
		if (o->programs[i].id != NULL) {
			v[n].id = o->programs[i].id;
			v[n].src = o->programs[i].src;
			v[n].order = n;
			n++;
		}
	for (i = 0; i < o->nmembers; i++)
		if (o->members[i].id != NULL) {
			v[n].id = o->members[i].id;
			v[n].src = o->members[i].src;
			v[n].order = n;
			n++;
		}
	if (n > 1)
		qsort(v, n, sizeof(*v), idat_cmp);
	for (i = 1; i < n; i++) {
		if (strcmp(v[i].id, v[first].id) != 0) {
			first = i;
			continue;
		}
		if (v[i].src.file && v[first].src.file &&
		    strcmp(v[i].src.file, v[first].src.file) != 0)
			err_at(r, v[i].src, "duplicate id '%s' (first in %s, "
			    "line %lu)", v[i].id, strrchr(v[first].src.file,
			    '/') ? strrchr(v[first].src.file, '/') + 1 :
			    v[first].src.file, v[first].src.line);
		else
			err_at(r, v[i].src, "duplicate id '%s' (first at "
			    "line %lu)", v[i].id, v[first].src.line);
	}
	free(v);
}

/*
 * Fills o from its validated <organization> tree doc, read by r, and
 * checks what the schema cannot: the same for both forms of an
 * organization.
 */
static void
org_fill(struct pb_org *o, const struct rd *r, xmlDocPtr doc)
{
	xmlNodePtr	 n, q;
	char			*name;
	size_t			 i;
	struct pb_contract	*c;

	for (n = first_el(xmlDocGetRootElement(doc)); n; n = next_el(n)) {
		if (named(n, "name"))
			o->name = pb_tree_squeeze(pb_tree_text(n));
		else if (named(n, "region"))
			o->region = pb_tree_squeeze(pb_tree_text(n));
		else if (named(n, "source"))
			o->source = pb_tree_squeeze(pb_tree_text(n));
		else if (named(n, "contracts")) {
			for (q = first_el(n); q; q = next_el(q)) {
				o->contracts = pb_grow(o->contracts,
				    o->ncontracts, sizeof(*o->contracts));
				c = &o->contracts[o->ncontracts++];
				c->type = pb_tree_attr(q, "type");
				c->since = pb_tree_attr(q, "since");
			}
		} else if (named(n, "practices")) {
			for (q = first_el(n); q; q = next_el(q)) {
				name = pb_tree_attr(q, "name");
				for (i = 0; i < PB_PR__MAX; i++) {
					if (strcmp(name, practice_names[i]))
						continue;
					if (o->practice_set[i])
						err_at(r, src_attr(r, q,
						    "name"), "practice '%s' "
						    "given twice", name);
					raw_text(r, q, &o->practice[i]);
					o->practice_set[i] = 1;
				}
				free(name);
			}
		} else if (named(n, "program")) {
			o->programs = pb_grow(o->programs, o->nprograms,
			    sizeof(*o->programs));
			memset(&o->programs[o->nprograms], 0,
			    sizeof(*o->programs));
			program_read(r, n, &o->programs[o->nprograms]);
			program_check(r, &o->programs[o->nprograms]);
			o->nprograms++;
		} else if (named(n, "staff")) {
			for (q = first_el(n); q; q = next_el(q)) {
				o->members = pb_grow(o->members, o->nmembers,
				    sizeof(*o->members));
				memset(&o->members[o->nmembers], 0,
				    sizeof(*o->members));
				member_read(r, q, &o->members[o->nmembers++]);
			}
		}
	}
	ids_check(r, o);
}

/* Reads, validates and checks the organization in orgs/ID.xml. */
static void
org_read(struct pb_org *o, const struct pb_schema *s, struct pb_diags *d)
{
	struct rd	 r = { o->file, { NULL, NULL, 0, NULL }, d };
	xmlDocPtr	 doc;
	char		*buf;

	if ((doc = load(&r, &buf, s)) != NULL) {
		org_fill(o, &r, doc);
		xmlFreeDoc(doc);
	}
	pb_xmlfile_unindex(&r.x);
	free(buf);
}

/*
 * Reads the organization in the folder orgs/ID/ (o->csv names its files):
 * the spreadsheets become an <organization> tree whose every node knows
 * its cell, validated and checked like orgs/ID.xml.
 */
static void
org_read_csv(struct pb_org *o, const struct pb_schema *s, struct pb_diags *d)
{
	struct rd	 r = { o->csv[0], { NULL, NULL, 0, NULL }, d };
	xmlDocPtr	 doc;

	r.x.file = o->csv[0];
	if ((doc = pb_orgcsv_read(o->csv, d)) == NULL)
		return;
	if (pb_schema_check(s, &r.x, doc, d))
		org_fill(o, &r, doc);
	pb_orgcsv_free(doc);
}

/*
 * Reports the file or folder path (what), whose name is id and the suffix
 * sfx, as not named by a valid id, with the name to rename it to.
 */
static void
bad_id(const char *path, const char *id, const char *sfx, const char *what,
    struct pb_diags *d)
{
	char	*m = pb_id_mend(id);

	if (m != NULL)
		pb_diag_error(d, path, 0, 0, "'%s' is not a valid id "
		    "(lower-case letters, digits and '-', at most 64): rename "
		    "the %s %s%s", id, what, m, sfx);
	else
		pb_diag_error(d, path, 0, 0, "'%s' is not a valid id: rename "
		    "the %s with lower-case letters, digits and '-' (at most "
		    "64)", id, what);
	free(m);
}

/*
 * Finds the files of the organization folder o->file: organization.csv
 * (required), programs.csv and staff.csv, each a regular file inside
 * indir; another .csv file there is an error. Returns 0 when the folder
 * cannot be read as an organization (the problem recorded).
 */
static int
org_csv_files(struct pb_org *o, const char *indir, struct pb_diags *d)
{
	const char	*names[PB_ORGCSV__MAX], *near, *why;
	DIR		*dp;
	struct dirent	*e;
	struct stat	 st;
	size_t		 i, len;
	char		*path;
	int		 ok = 1;

	for (i = 0; i < PB_ORGCSV__MAX; i++)
		names[i] = pb_orgcsv_name((enum pb_orgcsv_file)i);
	if ((dp = opendir(o->file)) == NULL) {
		pb_diag_error(d, o->file, 0, 0, "cannot open folder");
		return 0;
	}
	while ((e = readdir(dp)) != NULL) {
		len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 4 ||
		    strcmp(e->d_name + len - 4, ".csv") != 0)
			continue;	/* the sheet itself, notes: not read */
		for (i = 0; i < PB_ORGCSV__MAX; i++)
			if (strcmp(e->d_name, names[i]) == 0)
				break;
		path = pb_xasprintf("%s/%s", o->file, e->d_name);
		if (i == PB_ORGCSV__MAX) {
			near = pb_nearest(e->d_name, names, PB_ORGCSV__MAX);
			pb_diag_error(d, path, 0, 0, "unknown file%s%s%s; an "
			    "organization folder holds organization.csv, "
			    "programs.csv and staff.csv", near ? " (did you "
			    "mean " : "", near ? near : "", near ? "?)" : "");
		} else if ((why = pb_path_refusal(path, indir, "file")) !=
		    NULL) {
			pb_diag_error(d, path, 0, 0, "%s", why);
			ok = 0;
		} else if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
			pb_diag_not_regular(d, path, 0, 0, NULL);
			ok = 0;
		} else {
			o->csv[i] = path;
			path = NULL;
		}
		free(path);
	}
	closedir(dp);
	if (ok && o->csv[0] == NULL) {
		pb_diag_error(d, o->file, 0, 0, "no organization.csv: an "
		    "organization as spreadsheets needs organization.csv "
		    "(field,value rows: name, region, contract, practices, "
		    "source) and may have programs.csv and staff.csv");
		ok = 0;
	}
	return ok;
}

/*
 * Lists the ids of the folders in indir/orgs (organizations as
 * spreadsheets), sorted; a bad id or a link out of indir is an error.
 * Returns the count; *out is the caller's.
 */
static size_t
list_org_dirs(const char *indir, char ***out, struct pb_diags *d)
{
	char		*dir, *path, **v = NULL;
	const char	*why;
	DIR		*dp;
	struct dirent	*e;
	struct stat	 st;
	size_t		 n = 0;

	dir = pb_xasprintf("%s/orgs", indir);
	*out = NULL;
	if ((dp = opendir(dir)) == NULL) {
		free(dir);
		return 0;
	}
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		path = pb_xasprintf("%s/%s", dir, e->d_name);
		if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
			free(path);
			continue;
		}
		if ((why = pb_path_refusal(path, indir, "folder")) != NULL)
			pb_diag_error(d, path, 0, 0, "%s", why);
		else if (!pb_id_valid(e->d_name))
			bad_id(path, e->d_name, "", "folder", d);
		else {
			v = pb_grow(v, n, sizeof(*v));
			v[n++] = pb_xstrdup(e->d_name);
		}
		free(path);
	}
	closedir(dp);
	free(dir);
	if (n > 1)
		qsort(v, n, sizeof(*v), pb_name_cmp);
	*out = v;
	return n;
}

/* --------------------------------------------------------------- packets */

static void
refs_read(const struct rd *r, xmlNodePtr n, struct pb_ref **v, size_t *nv)
{
	xmlNodePtr	 q;

	for (q = first_el(n); q != NULL; q = next_el(q)) {
		*v = pb_grow(*v, *nv, sizeof(**v));
		(*v)[*nv].id = pb_tree_attr(q, "ref");
		(*v)[*nv].src = src_attr(r, q, "ref");
		(*nv)++;
	}
}

static void
packet_read(struct pb_model *m, struct pb_packet *p, const struct pb_schema *s,
    struct pb_diags *d)
{
	struct rd	 r = { p->file, { NULL, NULL, 0, NULL }, d };
	xmlDocPtr	 doc;
	xmlNodePtr	 n;
	char		*buf, *vis;
	const char	**names, *near;
	size_t		 i, j;

	p->edition = 1;
	if ((doc = load(&r, &buf, s)) == NULL) {
		pb_xmlfile_unindex(&r.x);
		free(buf);
		return;
	}
	if ((vis = pb_tree_attr(xmlDocGetRootElement(doc), "visibility")) !=
	    NULL) {
		p->internal = strcmp(vis, "internal") == 0;
		free(vis);
	}
	for (n = first_el(xmlDocGetRootElement(doc)); n; n = next_el(n)) {
		if (named(n, "title"))
			p->title = pb_tree_squeeze(pb_tree_text(n));
		else if (named(n, "audience"))
			p->audience = pb_tree_squeeze(pb_tree_text(n));
		else if (named(n, "summary"))
			p->summary = pb_tree_squeeze(pb_tree_text(n));
		else if (named(n, "date")) {
			raw_text(&r, n, &p->raw_date);
			p->date = date_of(&r, &p->raw_date);
		} else if (named(n, "fiscal-year")) {
			raw_text(&r, n, &p->raw_fiscal_year);
			p->raw_fiscal_year.text = pb_tree_squeeze(
			    p->raw_fiscal_year.text);
			p->fiscal_year = int_of(&r, &p->raw_fiscal_year);
			p->fiscal_year_set = 1;
		} else if (named(n, "edition")) {
			struct pb_raw e = { NULL, { NULL, 0, 0 } };

			raw_text(&r, n, &e);
			p->edition = int_of(&r, &e);
			free(e.text);
		} else if (named(n, "organizations"))
			refs_read(&r, n, &p->orgs, &p->norgs);
		else if (named(n, "positions"))
			refs_read(&r, n, &p->positions, &p->npositions);
		else if (named(n, "highlights"))
			refs_read(&r, n, &p->highlights, &p->nhighlights);
	}
	for (i = 0; i < p->norgs; i++) {
		if (pb_model_org(m, p->orgs[i].id) == NULL) {
			names = pb_xcalloc(m->norgs + 1, sizeof(*names));
			for (j = 0; j < m->norgs; j++)
				names[j] = m->orgs[j].id;
			near = pb_nearest(p->orgs[i].id, names, m->norgs);
			free(names);
			err_at(&r, p->orgs[i].src, "unknown organization "
			    "'%s': no file orgs/%s.xml or folder orgs/%s/%s%s%s",
			    p->orgs[i].id, p->orgs[i].id, p->orgs[i].id,
			    near ? "; did you mean '" : "", near ? near : "",
			    near ? "'?" : "");
		}
		for (j = 0; j < i; j++)
			if (strcmp(p->orgs[i].id, p->orgs[j].id) == 0)
				err_at(&r, p->orgs[i].src, "organization "
				    "'%s' listed twice", p->orgs[i].id);
	}
	for (i = 0; i < p->npositions; i++) {
		if (pb_model_position(m, p->positions[i].id) == (size_t)-1) {
			near = pb_nearest(p->positions[i].id,
			    (const char *const *)m->positions, m->npositions);
			err_at(&r, p->positions[i].src, "unknown position "
			    "'%s': no file positions/%s.md or .xml%s%s%s",
			    p->positions[i].id, p->positions[i].id,
			    near ? "; did you mean '" : "", near ? near : "",
			    near ? "'?" : "");
		}
		for (j = 0; j < i; j++)
			if (strcmp(p->positions[i].id,
			    p->positions[j].id) == 0)
				err_at(&r, p->positions[i].src, "position "
				    "'%s' listed twice", p->positions[i].id);
	}
	xmlFreeDoc(doc);
	pb_xmlfile_unindex(&r.x);
	free(buf);
}

/* ------------------------------------------------------------------ model */

/* A file listed by list_ids: its id and path. */
struct listed {
	char	*id;
	char	*file;
};

static int
listed_cmp(const void *a, const void *b)
{
	return strcmp(((const struct listed *)a)->id,
	    ((const struct listed *)b)->id);
}

/*
 * Lists the ids of the files in indir/sub ending in one of the suffixes,
 * sorted; bad ids are errors. Returns the count; *out (and *files, the
 * path of each, when files is not NULL) are the caller's.
 */
static size_t
list_ids(const char *indir, const char *sub, const char *sfx1,
    const char *sfx2, char ***out, char ***files, int required,
    struct pb_diags *d)
{
	char		*dir, *id, *path;
	const char	*why;
	struct listed	*v = NULL;
	DIR		*dp;
	struct stat	 st;
	struct dirent	*e;
	size_t		 n = 0, i, len, l1 = strlen(sfx1), l2 = sfx2 ?
	    strlen(sfx2) : 0;
	int		 plain;

	dir = pb_xasprintf("%s/%s", indir, sub);
	*out = NULL;
	if (files != NULL)
		*files = NULL;
	if ((dp = opendir(dir)) == NULL) {
		if (required)
			pb_diag_error(d, dir, 0, 0, "cannot open folder");
		free(dir);
		return 0;
	}
	/* a folder of indir itself, no link: an entry of it that is a
	 * regular file lies inside indir, as one look at it shows */
	plain = lstat(dir, &st) == 0 && S_ISDIR(st.st_mode);
	while ((e = readdir(dp)) != NULL) {
		len = strlen(e->d_name);
		if (e->d_name[0] == '.')
			continue;
		if (len > l1 && strcmp(e->d_name + len - l1, sfx1) == 0)
			id = pb_xstrndup(e->d_name, len - l1);
		else if (sfx2 && len > l2 &&
		    strcmp(e->d_name + len - l2, sfx2) == 0)
			id = pb_xstrndup(e->d_name, len - l2);
		else
			continue;
		path = pb_xasprintf("%s/%s", dir, e->d_name);
		if (plain && (e->d_type == DT_REG || (e->d_type ==
		    DT_UNKNOWN && fstatat(dirfd(dp), e->d_name, &st,
		    AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))))
			;
		else if ((why = pb_path_refusal(path, indir, "file")) != NULL)
			pb_diag_error(d, path, 0, 0, "%s", why);
		else if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
			pb_diag_not_regular(d, path, 0, 0, NULL);
		if (!pb_id_valid(id)) {
			bad_id(path, id, e->d_name + strlen(id), "file", d);
			free(id);
			free(path);
			continue;
		}
		v = pb_grow(v, n, sizeof(*v));
		v[n].id = id;
		v[n++].file = path;
	}
	closedir(dp);
	free(dir);
	if (n > 1)
		qsort(v, n, sizeof(*v), listed_cmp);
	*out = pb_xcalloc(n + 1, sizeof(**out));
	if (files != NULL)
		*files = pb_xcalloc(n + 1, sizeof(**files));
	for (i = 0; i < n; i++) {
		(*out)[i] = v[i].id;
		if (files != NULL)
			(*files)[i] = v[i].file;
		else
			free(v[i].file);
	}
	free(v);
	return n;
}

size_t
pb_model_packet_ids(const char *indir, char ***ids)
{
	struct pb_diags	 quiet = { NULL, 0, 0, 0 };
	size_t		 n;

	n = list_ids(indir, "packets", ".xml", NULL, ids, NULL, 0, &quiet);
	pb_diags_free(&quiet);
	return n;
}

/* Non-zero for a regular file inside indir (list_ids reported others). */
static int
readable(const char *path, const char *indir)
{
	struct stat	 st;

	return pb_path_inside(path, indir) && stat(path, &st) == 0 &&
	    S_ISREG(st.st_mode);
}

struct pb_model *
pb_model_read(const char *indir, const char *schemadir,
    struct pb_valid *valid, struct pb_diags *d)
{
	struct pb_model	*m;
	struct pb_schema *sp, *so = NULL, *sk = NULL;
	struct pb_org	*o;
	char		**ids, **dirs;
	size_t		 i, j, n, nd, e, errs = d->errors;

	if ((sp = pb_schema_load(schemadir, "project.rng", d)) == NULL ||
	    (so = pb_schema_load(schemadir, "organization.rng", d)) == NULL ||
	    (sk = pb_schema_load(schemadir, "packet.rng", d)) == NULL)
		goto fail;
	pb_schema_trust(sp, valid);
	pb_schema_trust(so, valid);
	pb_schema_trust(sk, valid);
	m = pb_xcalloc(1, sizeof(*m));
	project_read(m, indir, sp, d);
	m->project.broken = d->errors != errs;
	n = list_ids(indir, "positions", ".md", ".xml", &m->positions,
	    &m->position_files, 0, d);
	m->npositions = n;
	for (i = 1; i < n; i++)
		if (strcmp(m->positions[i], m->positions[i - 1]) == 0)
			pb_diag_error(d, indir, 0, 0, "positions/%s.md and "
			    "positions/%s.xml map to one output",
			    m->positions[i], m->positions[i]);
	e = d->errors;
	n = list_ids(indir, "orgs", ".xml", NULL, &ids, NULL, 1, d);
	nd = list_org_dirs(indir, &dirs, d);
	m->orgs_broken = d->errors != e;
	m->orgs = pb_xcalloc(n + nd, sizeof(*m->orgs));
	/* an organization with errors of its own is broken */
	for (i = j = 0; i < n || j < nd; o->broken = d->errors != e) {
		o = &m->orgs[m->norgs++];
		e = d->errors;
		if (j == nd || (i < n && strcmp(ids[i], dirs[j]) < 0)) {
			o->id = ids[i++];
			o->file = pb_xasprintf("%s/orgs/%s.xml", indir, o->id);
			if (readable(o->file, indir))
				org_read(o, so, d);
			continue;
		}
		o->file = pb_xasprintf("%s/orgs/%s", indir, dirs[j]);
		if (i < n && strcmp(ids[i], dirs[j]) == 0) {
			pb_diag_error(d, o->file, 0, 0, "orgs/%s.xml and "
			    "orgs/%s/ are one organization twice: keep one",
			    ids[i], dirs[j]);
			free(ids[i++]);
		}
		o->id = dirs[j++];
		if (org_csv_files(o, indir, d))
			org_read_csv(o, so, d);
	}
	free(ids);
	free(dirs);
	e = d->errors;
	n = list_ids(indir, "packets", ".xml", NULL, &ids, NULL, 0, d);
	m->packets = pb_xcalloc(n, sizeof(*m->packets));
	m->npackets = n;
	for (i = 0; i < n; i++) {
		m->packets[i].id = ids[i];
		m->packets[i].file = pb_xasprintf("%s/packets/%s.xml", indir,
		    ids[i]);
		if (readable(m->packets[i].file, indir))
			packet_read(m, &m->packets[i], sk, d);
	}
	free(ids);
	m->packets_broken = d->errors != e;
	e = d->errors;
	m->works = pb_works_read(indir, schemadir, d);
	m->works_broken = d->errors != e;
	pb_schema_free(sp);
	pb_schema_free(so);
	pb_schema_free(sk);
	m->broken = d->errors != errs;
	return m;
fail:
	pb_schema_free(sp);
	pb_schema_free(so);
	pb_schema_free(sk);
	return NULL;
}

const struct pb_org *
pb_model_org(const struct pb_model *m, const char *id)
{
	size_t	 i;

	for (i = 0; i < m->norgs; i++)
		if (strcmp(m->orgs[i].id, id) == 0)
			return &m->orgs[i];
	return NULL;
}

const struct pb_packet *
pb_model_packet(const struct pb_model *m, const char *id)
{
	size_t	 i;

	for (i = 0; i < m->npackets; i++)
		if (strcmp(m->packets[i].id, id) == 0)
			return &m->packets[i];
	return NULL;
}

size_t
pb_model_position(const struct pb_model *m, const char *id)
{
	size_t	 lo = 0, hi = m->npositions, mid;
	int	 r;

	/* positions are listed sorted by id */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((r = strcmp(id, m->positions[mid])) == 0)
			return mid;
		if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (size_t)-1;
}

static void
refs_free(struct pb_ref *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i].id);
	free(v);
}

void
pb_model_free(struct pb_model *m)
{
	struct pb_org		*o;
	struct pb_program	*p;
	struct pb_member	*mb;
	size_t			 i, j;

	if (m == NULL)
		return;
	free(m->project.file);
	free(m->project.title);
	free(m->project.publisher);
	free(m->project.contact);
	free(m->project.description);
	free(m->project.base_url);
	free(m->project.language);
	free(m->project.as_of_raw.text);
	for (i = 0; i < PB_PARAM__MAX; i++)
		free(m->project.param[i].text);
	for (i = 0; i < m->norgs; i++) {
		o = &m->orgs[i];
		free(o->id);
		free(o->file);
		for (j = 0; j < PB_ORGCSV__MAX; j++)
			free(o->csv[j]);
		free(o->name);
		free(o->region);
		free(o->source);
		for (j = 0; j < o->ncontracts; j++) {
			free(o->contracts[j].type);
			free(o->contracts[j].since);
		}
		free(o->contracts);
		for (j = 0; j < PB_PR__MAX; j++)
			free(o->practice[j].text);
		for (j = 0; j < o->nprograms; j++) {
			p = &o->programs[j];
			free(p->id);
			free(p->contract);
			free(p->raw_fiscal_year.text);
			free(p->raw_persons.text);
			free(p->raw_days.text);
			free(p->raw_rate.text);
			free(p->raw_staff.text);
			free(p->raw_peer.text);
		}
		free(o->programs);
		for (j = 0; j < o->nmembers; j++) {
			mb = &o->members[j];
			free(mb->id);
			free(mb->training);
			free(mb->raw_role.text);
			free(mb->raw_fte.text);
			free(mb->raw_hired.text);
			free(mb->raw_certified.text);
			free(mb->raw_lived.text);
		}
		free(o->members);
	}
	free(m->orgs);
	for (i = 0; i < m->npackets; i++) {
		free(m->packets[i].id);
		free(m->packets[i].file);
		free(m->packets[i].title);
		free(m->packets[i].audience);
		free(m->packets[i].summary);
		free(m->packets[i].raw_date.text);
		free(m->packets[i].raw_fiscal_year.text);
		refs_free(m->packets[i].orgs, m->packets[i].norgs);
		refs_free(m->packets[i].positions, m->packets[i].npositions);
		refs_free(m->packets[i].highlights, m->packets[i].nhighlights);
	}
	free(m->packets);
	for (i = 0; i < m->npositions; i++) {
		free(m->positions[i]);
		free(m->position_files[i]);
	}
	free(m->position_files);
	free(m->positions);
	pb_works_free(m->works);
	free(m);
}
