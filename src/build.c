/*
 * build.c - the run of a command over input/, and the worker pool that
 * assembles, renders and writes packets.
 */
#include <sys/stat.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/tree.h>

#include "build.h"
#include "cache.h"
#include "charts.h"
#include "figures.h"
#include "hash.h"
#include "inject.h"
#include "manifest.h"
#include "model.h"
#include "packet.h"
#include "position.h"
#include "pb.h"
#include "pdf.h"
#include "publish.h"
#include "references.h"
#include "render.h"
#include "report.h"
#include "schema.h"
#include "tree.h"
#include "xmlread.h"

int
pb_run_load(struct pb_run *r, const char *schemadir,
    const struct pb_date *as_of)
{
	struct pb_project	*p;

	r->schemadir = pb_xstrdup(schemadir);
	pb_src_root(r->indir);
	if ((r->model = pb_model_read(r->indir, r->schemadir, r->valid,
	    &r->d)) == NULL)
		return 0;
	if ((r->posschema = pb_schema_load(r->schemadir, "position.rng",
	    &r->d)) == NULL)
		return 0;
	/* settled for what a broken input's positions can be checked
	 * against too (pb_run_check_alone) */
	p = &r->model->project;
	if (as_of != NULL) {
		r->as_of = *as_of;
		p->as_of_raw.src.file = "--as-of";
		p->as_of_raw.src.line = 0;
		p->as_of_raw.src.col = PB_SRC_ARGV;
	} else if (p->as_of_raw.text != NULL)
		r->as_of = p->as_of;
	else if (!r->model->broken) {
		pb_diag_error(&r->d, p->file, 0, 0, "no as-of date: add "
		    "<as-of>YYYY-MM-DD</as-of> or pass --as-of");
		return 0;
	}
	return !r->model->broken;
}

void
pb_run_free(struct pb_run *r)
{
	pb_figures_base_free(r->figs);	/* before the model it counts in */
	r->figs = NULL;
	pb_model_free(r->model);
	r->model = NULL;
	pb_schema_free(r->posschema);
	r->posschema = NULL;
	free(r->schemadir);
	r->schemadir = NULL;
	free(r->why);
	r->why = NULL;
}

/* Adds the seconds since *t (monotonic) to *acc, and restarts *t. */
static void
lap(struct timespec *t, double *acc)
{
	struct timespec	 now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	*acc += (double)(now.tv_sec - t->tv_sec) +
	    (double)(now.tv_nsec - t->tv_nsec) / 1e9;
	*t = now;
}

struct pb_figures *
pb_run_figures(const struct pb_run *r, const struct pb_packet *pk,
    struct pb_diags *d)
{
	const struct pb_org	**orgs;
	struct pb_figures	 *f;
	size_t			  i, n = 0;

	orgs = pb_xcalloc(r->model->norgs + 1, sizeof(*orgs));
	if (pk == NULL)
		for (i = 0; i < r->model->norgs; i++)
			orgs[n++] = &r->model->orgs[i];
	else
		for (i = 0; i < pk->norgs; i++)
			if ((orgs[n] = pb_model_org(r->model,
			    pk->orgs[i].id)) != NULL)
				n++;
	f = r->figs != NULL ? pb_figures_of(r->figs, orgs, n, pk, d) :
	    pb_figures_compute(r->model, orgs, n, pk, r->as_of, d);
	free(orgs);
	return f;
}

/*
 * Per position of m, 1 when a packet includes it (m->npositions + 1
 * flags; the caller frees them).
 */
static char *
positions_in_packets(const struct pb_model *m)
{
	char	*inpk;
	size_t	 i, k, j;

	inpk = pb_xcalloc(m->npositions + 1, 1);
	for (i = 0; i < m->npackets; i++)
		for (k = 0; k < m->packets[i].npositions; k++)
			if ((j = pb_model_position(m,
			    m->packets[i].positions[k].id)) != (size_t)-1)
				inpk[j] = 1;
	return inpk;
}

/*
 * The figures a run whose input did not load in full can check the
 * positions' references against: the parameters and the organizations
 * that loaded, all of them (pk NULL) or packet pk's, with pk's own
 * figures. NULL when none can be judged (the project or the list of
 * organizations broken, or the figures failed); the caller frees it.
 */
static struct pb_figures *
figures_loaded(struct pb_run *r, const struct pb_packet *pk)
{
	const struct pb_model	 *m = r->model;
	const struct pb_org	**orgs, *o;
	struct pb_figures	 *f;
	size_t			  i, n = 0, k;

	if (m->project.broken || m->orgs_broken)
		return NULL;
	k = pk != NULL ? pk->norgs : m->norgs;
	orgs = pb_xcalloc(k + 1, sizeof(*orgs));
	for (i = 0; i < k; i++)
		if ((o = pk != NULL ? pb_model_org(m, pk->orgs[i].id) :
		    &m->orgs[i]) != NULL && !o->broken)
			orgs[n++] = o;
	f = pb_figures_compute(m, orgs, n, pk, r->as_of, &r->d);
	free(orgs);
	return f;
}

/* Whether packet pk includes the position id. */
static int
includes(const struct pb_packet *pk, const char *id)
{
	size_t	 k;

	for (k = 0; k < pk->npositions; k++)
		if (strcmp(pk->positions[k].id, id) == 0)
			return 1;
	return 0;
}

/*
 * Checks the figure references of position i (top) of a run whose input
 * did not load in full: as each packet that includes it reads it, with
 * pkf[k] the figures of packet k (NULL: not judged), when packets/
 * loaded; else against all (f).
 */
static void
check_alone_refs(struct pb_run *r, size_t i, xmlNodePtr top,
    const struct pb_refs *refs, const struct pb_figures *f,
    struct pb_figures *const *pkf, int inpk)
{
	const struct pb_model	*m = r->model;
	size_t			 k;

	if (pkf == NULL || !inpk) {
		pb_inject_partial(top, refs, f, m, NULL, inpk, &r->d);
		return;
	}
	for (k = 0; k < m->npackets; k++)
		if (pkf[k] != NULL && includes(&m->packets[k],
		    m->positions[i]))
			pb_inject_partial(top, refs, pkf[k], m,
			    &m->packets[k], 1, &r->d);
}

void
pb_run_check_alone(struct pb_run *r, struct pb_read_opts *o)
{
	const struct pb_model	*m = r->model;
	struct pb_position	 pos;
	struct pb_figures	*f, **pkf = NULL;
	struct stat		 st;
	xmlNodePtr		 top;
	char			*inpk;
	size_t			 i;

	if (m == NULL || r->posschema == NULL)
		return;
	o->schema = r->posschema;
	f = figures_loaded(r, NULL);
	/* packets/ loaded: a position is judged as its packets read it */
	if (f != NULL && !m->packets_broken) {
		pkf = pb_xcalloc(m->npackets + 1, sizeof(*pkf));
		for (i = 0; i < m->npackets; i++)
			pkf[i] = figures_loaded(r, &m->packets[i]);
	}
	inpk = positions_in_packets(m);
	for (i = 0; i < m->npositions; i++) {
		/* a link out of the folder, or no file: reported, not read */
		if (pb_path_refusal(m->position_files[i], r->indir,
		    "file") != NULL || stat(m->position_files[i], &st) != 0 ||
		    !S_ISREG(st.st_mode))
			continue;
		pb_position_read(m->position_files[i], m->positions[i],
		    pb_position_is_xml(m->position_files[i]), o, &pos, &r->d);
		if ((top = xmlDocGetRootElement(pos.doc)) != NULL && f != NULL)
			check_alone_refs(r, i, top, &pos.refs, f, pkf,
			    inpk[i] || m->packets_broken);
		if (top != NULL && !m->works_broken)
			pb_cite_resolve(top, &pos.refs, m->works, NULL, &r->d);
		pb_position_free(&pos);
	}
	free(inpk);
	for (i = 0; pkf != NULL && i < m->npackets; i++)
		pb_figures_free(pkf[i]);
	free(pkf);
	pb_figures_free(f);
	o->schema = NULL;
}

/*
 * Checks the positions no packet includes, each read with o and freed:
 * their references may name parameters and organizations' figures
 * (all). Problems go to r->d.
 */
static void
pb_run_check_loose(struct pb_run *r, const struct pb_read_opts *o,
    const struct pb_figures *all)
{
	const struct pb_model	*m = r->model;
	struct pb_position	 pos;
	char			*inpk;
	size_t			 i;

	inpk = positions_in_packets(m);
	for (i = 0; i < m->npositions; i++) {
		if (inpk[i])
			continue;
		pb_position_read(m->position_files[i], m->positions[i],
		    pb_position_is_xml(m->position_files[i]), o, &pos, &r->d);
		if (pos.doc == NULL)
			continue;	/* read as far as it could be */
		pb_inject(xmlDocGetRootElement(pos.doc), &pos.refs, all,
		    PB_INJECT_CHECK, NULL, &r->d);
		pb_cite_resolve(xmlDocGetRootElement(pos.doc), &pos.refs,
		    m->works, NULL, &r->d);
		pb_position_free(&pos);
	}
	free(inpk);
}

/* The outputs of a packet: where each goes and what makes it. */
static const struct {
	const char		*path;	/* printf pattern: the id, twice */
	enum pb_format		 fmt;	/* a stylesheet's, or: */
	enum pb_report_format	 report;/* a figures report's */
} outputs[PB_OUT__MAX] = {
	[PB_OUT_HTML] = { "%s/index.html", PB_FMT_HTML, 0 },
	[PB_OUT_DOCBOOK] = { "%s/%s.dbk", PB_FMT_DOCBOOK, 0 },
	[PB_OUT_JSON] = { "%s/figures.json", PB_FMT__MAX, PB_REPORT_JSON },
	[PB_OUT_CSV] = { "%s/figures.csv", PB_FMT__MAX, PB_REPORT_CSV },
	/* printed from PB_OUT_HTML by Chromium (write_pdf) */
	[PB_OUT_PDF] = { "%s/%s.pdf", PB_FMT__MAX, PB_REPORT_TEXT },
};

char *
pb_packet_output(const char *id, enum pb_output o)
{
	return pb_xasprintf(outputs[o].path, id, id);
}

/* Renders one tree with a stylesheet into the stage as rel. */
static void
render_into(struct pb_styles *st, enum pb_format fmt, xmlDocPtr doc,
    const char *file, struct pb_stage *stage, const char *rel,
    struct pb_diags *d)
{
	struct pb_buf	 b = { NULL, 0, 0 };

	if (pb_render(st, fmt, doc, 1, 1, file, &b, d))
		pb_stage_write(stage, rel, b.data ? b.data : "", b.len, d);
	pb_buf_free(&b);
}

/* What the workers share; each takes the next packet. */
struct pool {
	struct pb_run		*r;
	struct pb_cache		*cache;
	struct pb_styles	*st;
	struct pb_stage		*stage;	/* NULL: check only */
	const char		*chromium; /* NULL: no PDF */
	struct pb_increment	*inc;	/* what each packet built is made
					 * of goes in it; NULL: check only */
	const char		*reuse;	/* per packet: previous output fits */
	struct pb_diags		*warns;	/* per packet: the warnings building
					 * it gave, or NULL */
	pthread_mutex_t		 lock;
	size_t			 next;
	size_t			 done;	/* packets rendered so far */
	size_t			 todo;	/* packets to render */
	int			 spare;	/* fewer packets than workers: each
					   renders its DocBook in a thread
					   of its own (write_packet) */
};

/*
 * Prints the packet's HTML, already in the stage, to PDF with Chromium
 * and writes it into the stage as rel, with the packet's title, the
 * publisher as author and the packet's date.
 */
static void
write_pdf(struct pool *b, const struct pb_packet *pk, const char *rel,
    struct pb_diags *d)
{
	struct pb_buf		 out = { NULL, 0, 0 };
	struct pb_pdf_job	 job;
	char			*html, date[PB_NUMBUF];

	html = pb_packet_output(pk->id, PB_OUT_HTML);
	job.html = pb_xasprintf("%s/%s", pb_stage_path(b->stage), html);
	job.chromium = b->chromium;
	job.title = pk->title;
	job.author = b->r->model->project.publisher;
	job.date = pb_date_format(pk->date, date);
	job.timeout = pb_pdf_timeout();
	if (pb_pdf_print(&job, pk->file, &out, d))
		pb_stage_write(b->stage, rel, out.data, out.len, d);
	free((char *)job.html);
	free(html);
	pb_buf_free(&out);
}

/* Writes every output of packet pk (tree doc, figures f) into the stage. */
/*
 * A packet's DocBook rendered in a thread of its own, from a copy of its
 * tree (a transform marks the nodes of the tree it reads), while the
 * worker renders the rest: when there are fewer packets to build than
 * workers (a rebuild of one packet), the spare core is not left idle.
 */
struct side {
	struct pool		*b;
	const struct pb_packet	*pk;
	xmlDocPtr		 doc;
	char			*rel;
	struct pb_diags		 d;
	pthread_t		 tid;
	int			 started;
};

static void *
side_main(void *arg)
{
	struct side	*s = arg;

	render_into(s->b->st, PB_FMT_DOCBOOK, s->doc, s->pk->file,
	    s->b->stage, s->rel, &s->d);
	return NULL;
}

static void
side_start(struct side *s, struct pool *b, const struct pb_packet *pk,
    xmlDocPtr doc)
{
	memset(s, 0, sizeof(*s));
	if (!b->spare || (s->doc = xmlCopyDoc(doc, 1)) == NULL)
		return;
	s->b = b;
	s->pk = pk;
	s->rel = pb_packet_output(pk->id, PB_OUT_DOCBOOK);
	if (!(s->started = pthread_create(&s->tid, NULL, side_main, s) == 0)) {
		xmlFreeDoc(s->doc);
		free(s->rel);
	}
}

/* Waits for the side's DocBook, its problems then added to d. */
static void
side_done(struct side *s, struct pb_diags *d)
{
	if (!s->started)
		return;
	pthread_join(s->tid, NULL);
	pb_diags_merge(d, &s->d);
	pb_diags_free(&s->d);
	xmlFreeDoc(s->doc);
	free(s->rel);
}

static void
write_packet(struct pool *b, const struct pb_packet *pk, xmlDocPtr doc,
    const struct pb_figures *f, struct pb_diags *d)
{
	struct pb_buf	 out = { NULL, 0, 0 };
	struct side	 dbk;
	char		*rel, **names, **words;
	size_t		 o, n;

	/* html.xsl's layout white space, out of the tree once: every output
	 * below renders the same tree, in any order */
	pb_render_strip(b->st, PB_FMT_HTML, doc);
	/* the figures reports' displays, worded as the pages word them */
	if ((words = pb_render_displays(b->st, f, d)) == NULL)
		return;
	side_start(&dbk, b, pk, doc);
	for (o = 0; o < PB_OUT__MAX; o++) {
		if ((o == PB_OUT_PDF && b->chromium == NULL) ||
		    (o == PB_OUT_DOCBOOK && dbk.started))
			continue;
		rel = pb_packet_output(pk->id, (enum pb_output)o);
		if (o == PB_OUT_PDF)
			write_pdf(b, pk, rel, d);
		else if (outputs[o].fmt != PB_FMT__MAX)
			render_into(b->st, outputs[o].fmt, doc, pk->file,
			    b->stage, rel, d);
		else {
			out.len = 0;
			pb_report_figures(f, (const char *const *)words,
			    outputs[o].report, &out);
			pb_stage_write(b->stage, rel, out.data, out.len, d);
		}
		free(rel);
	}
	side_done(&dbk, d);
	/* each chart the positions place, beside the DocBook */
	names = pb_charts_used(xmlDocGetRootElement(doc), &n);
	for (o = 0; o < n; o++) {
		out.len = 0;
		if (pb_render_chart(b->st, doc, names[o], pk->file, &out, d)) {
			rel = pb_xasprintf("%s/%s.svg", pk->id, names[o]);
			pb_stage_write(b->stage, rel, out.data ? out.data : "",
			    out.len, d);
			free(rel);
		}
		free(names[o]);
	}
	free(names);
	pb_render_displays_free(words, f->n);
	pb_buf_free(&out);
}

/*
 * The tags of a packet's positions (pb:position/pb:meta/pb:tag), white
 * space squeezed, each once, in the order first seen, one a line; NULL
 * when there are none. The caller frees the result.
 */
static char *
packet_tags(xmlDocPtr doc)
{
	struct pb_buf	 b = { NULL, 0, 0 };
	xmlNodePtr	 p, m, t;
	char		*s, *q;
	size_t		 n;

	for (p = xmlDocGetRootElement(doc)->children; p != NULL; p = p->next)
		for (m = p->type == XML_ELEMENT_NODE && xmlStrEqual(p->name,
		    BAD_CAST "position") ? p->children : NULL; m != NULL;
		    m = m->next)
			for (t = m->type == XML_ELEMENT_NODE && xmlStrEqual(
			    m->name, BAD_CAST "meta") ? m->children : NULL;
			    t != NULL; t = t->next) {
				if (t->type != XML_ELEMENT_NODE || t->ns == NULL ||
				    !xmlStrEqual(t->ns->href, BAD_CAST PB_NS) ||
				    !xmlStrEqual(t->name, BAD_CAST "tag"))
					continue;
				s = pb_tree_squeeze(pb_tree_text(t));
				for (q = s; *q != '\0'; q++)
					if (*q == '\n')
						*q = ' ';
				n = strlen(s);
				/* once: not already a line of b */
				for (q = b.data; n > 0 && q != NULL; ) {
					if (strncmp(q, s, n) == 0 &&
					    (q[n] == '\n' || q[n] == '\0'))
						break;
					q = strchr(q, '\n');
					q = q != NULL ? q + 1 : NULL;
				}
				if (n > 0 && q == NULL) {
					if (b.len > 0)
						pb_buf_putc(&b, '\n');
					pb_buf_puts(&b, s);
				}
				free(s);
			}
	return b.data;
}

/*
 * Copies every image the positions pos (n of them) link into the stage,
 * each once, as pk's folder's media/HASH.TYPE, and returns the images'
 * files below the input folder, found or not, sorted, each once, one a
 * line (what the manifest hashes for the packet), or NULL when there is
 * none. The caller frees the result.
 */
static char *
packet_images(struct pool *b, const struct pb_packet *pk,
    const struct pb_position **pos, size_t n, struct pb_diags *d)
{
	struct pb_buf		 out = { NULL, 0, 0 };
	const struct pb_image	*e;
	const char		**names, **outs;
	char			*rel, *data;
	size_t			 i, k, j, m = 0, no = 0, len;

	for (i = 0; i < n; i++)
		m += pos[i] != NULL ? pos[i]->images.n : 0;
	names = pb_xcalloc(m + 1, sizeof(*names));
	outs = pb_xcalloc(m + 1, sizeof(*outs));
	m = 0;
	for (i = 0; i < n; i++)
		for (k = 0; pos[i] != NULL && k < pos[i]->images.n; k++) {
			e = &pos[i]->images.v[k];
			names[m++] = e->name;
			if (b->stage == NULL || e->out == NULL)
				continue;
			for (j = 0; j < no && strcmp(outs[j], e->out) != 0; j++)
				;
			if (j < no)
				continue;	/* linked twice: copied once */
			outs[no++] = e->out;
			rel = pb_xasprintf("%s/%s", pk->id, e->out);
			if (pb_file_read(e->path, &data, &len, d)) {
				pb_stage_write(b->stage, rel, data, len, d);
				free(data);
			}
			free(rel);
		}
	if (m > 1)
		qsort(names, m, sizeof(*names), pb_name_cmp);
	for (i = 0; i < m; i++)
		if (i == 0 || strcmp(names[i], names[i - 1]) != 0) {
			if (out.len > 0)
				pb_buf_putc(&out, '\n');
			pb_buf_puts(&out, names[i]);
		}
	free(names);
	free(outs);
	return out.data;
}

/* Assembles (and with a stage, publishes) packet pk. */
static void
build_packet(struct pool *b, const struct pb_packet *pk, struct pb_diags *d)
{
	const struct pb_position **pos;
	struct pb_figures	 *f;
	xmlDocPtr		  doc = NULL;
	unsigned char		 *take;
	char			 *images = NULL;
	size_t			  i;

	pos = pb_xcalloc(pk->npositions + 1, sizeof(*pos));
	take = pb_xcalloc(pk->npositions + 1, 1);
	pb_cache_open(b->cache, pk, pos, d);
	/* a position no later packet reads is moved, not copied */
	for (i = 0; i < pk->npositions; i++)
		take[i] = pos[i] != NULL && pb_cache_last(b->cache, pk, i);
	if ((f = pb_run_figures(b->r, pk, d)) != NULL)
		doc = pb_packet_assemble_taking(b->r->model, pk, f, pos, take,
		    b->r->as_of, d);
	if (doc != NULL && b->inc != NULL)
		images = packet_images(b, pk, pos, pk->npositions, d);
	pb_cache_close(b->cache, pk);
	if (doc != NULL && b->inc != NULL)
		pb_increment_record(b->inc, pk->id, packet_tags(doc), images);
	if (doc != NULL && b->stage != NULL)
		write_packet(b, pk, doc, f, d);
	xmlFreeDoc(doc);
	pb_figures_free(f);
	free(take);
	free(pos);
}

/* One worker: its own diagnostics, merged when all are done. */
struct worker {
	struct pool	*b;
	pthread_t	 tid;
	int		 started;
	struct pb_diags	 d;
};

static void *
worker_main(void *arg)
{
	struct worker	*w = arg;
	struct pool	*b = w->b;
	size_t		 i, from;

	for (;;) {
		pthread_mutex_lock(&b->lock);
		i = b->next++;
		pthread_mutex_unlock(&b->lock);
		if (i >= b->r->model->npackets)
			break;
		if (b->reuse != NULL && b->reuse[i])
			continue;
		from = w->d.n;
		build_packet(b, &b->r->model->packets[i], &w->d);
		if (b->warns != NULL)	/* kept for a build that reuses it */
			for (; from < w->d.n; from++)
				if (w->d.v[from].sev == PB_WARNING)
					pb_diag_warning(&b->warns[i],
					    w->d.v[from].file,
					    w->d.v[from].line,
					    w->d.v[from].col, "%s",
					    w->d.v[from].msg);
		if (b->stage != NULL) {
			pthread_mutex_lock(&b->lock);
			b->done++;
			if (b->r->progress != NULL)
				b->r->progress(b->r->progress_arg, b->done,
				    b->todo);
			pthread_mutex_unlock(&b->lock);
		}
	}
	return NULL;
}

/*
 * Assembles every packet of r whose reuse flag is not set (reuse NULL:
 * all), with jobs threads, each taking the next packet, their positions
 * read with o into a cache serving those packets. With a stage, each
 * packet is rendered with st and its outputs written into it; without
 * (check), packets are only assembled and checked. With chromium (not
 * NULL) each packet's HTML is also printed to its PDF. With inc, each
 * packet built records in it the tags of its positions and its images
 * (packet_tags, packet_images), each image copied into the stage. With
 * warns (one per packet), each packet built also gets the warnings
 * building it gave. Problems go to r->d.
 */
static void
pb_build_packets(struct pb_run *r, const struct pb_read_opts *o,
    struct pb_styles *st, struct pb_stage *stage, struct pb_increment *inc,
    const char *reuse, long jobs, const char *chromium,
    struct pb_diags *warns)
{
	const struct pb_model	*m = r->model;
	struct pool		 b;
	struct worker		*w;
	long			 i, n = jobs;
	size_t			 k;

	memset(&b, 0, sizeof(b));
	b.r = r;
	b.cache = pb_cache_new(m, o, reuse);
	b.st = st;
	b.stage = stage;
	b.reuse = reuse;
	for (k = 0; k < m->npackets; k++)
		b.todo += reuse == NULL || !reuse[k];
	b.spare = stage != NULL && b.todo < (size_t)jobs;
	b.chromium = chromium;
	b.inc = inc;
	b.warns = warns;
	if ((size_t)n > m->npackets)
		n = (long)m->npackets;
	if (n < 1)
		n = 1;
	w = pb_xcalloc((size_t)n, sizeof(*w));
	pthread_mutex_init(&b.lock, NULL);
	for (i = 0; i < n; i++) {
		w[i].b = &b;
		w[i].started = i > 0 && pthread_create(&w[i].tid, NULL,
		    worker_main, &w[i]) == 0;
	}
	worker_main(&w[0]);
	for (i = 0; i < n; i++) {
		if (w[i].started)
			pthread_join(w[i].tid, NULL);
		pb_diags_merge(&r->d, &w[i].d);
		pb_diags_free(&w[i].d);
	}
	pthread_mutex_destroy(&b.lock);
	pb_cache_free(b.cache);
	free(w);
}

/*
 * Renders the site's index page, Atom feed and (with a base-url) sitemap
 * into the stage, each packet with the tags inc records for it. When the
 * previous build
 * made them from the same tree with the same templates (inc), its pages
 * are reused instead.
 */
static void
pb_build_site(struct pb_run *r, struct pb_increment *inc,
    struct pb_styles *st, struct pb_stage *stage)
{
	static const char *const files[] = { "index.html", "feed.xml",
	    "sitemap.xml" };
	xmlDocPtr	 doc;
	xmlChar		*xml = NULL;
	struct pb_hash	 h;
	const char	**tags;
	size_t		 i, n, from = r->d.n;
	int		 len = 0;

	tags = pb_xcalloc(r->model->npackets + 1, sizeof(*tags));
	for (i = 0; i < r->model->npackets; i++)
		tags[i] = pb_manifest_tags(&inc->cur, r->model->packets[i].id);
	doc = pb_site_assemble(r->model, tags);
	free(tags);
	/* a sitemap needs absolute URLs */
	n = r->model->project.base_url != NULL ? 3 : 2;
	xmlDocDumpMemory(doc, &xml, &len);
	h = pb_increment_site(inc, (const char *)xml, xml != NULL ?
	    (size_t)len : 0);
	xmlFree(xml);
	if (pb_increment_reuse_site(inc, stage, h, files, n)) {
		xmlFreeDoc(doc);
		return;
	}
	/* as index.xsl strips it; feed.xsl and sitemap.xsl strip nothing */
	pb_render_strip(st, PB_FMT_INDEX, doc);
	render_into(st, PB_FMT_INDEX, doc, r->model->project.file, stage,
	    files[0], &r->d);
	render_into(st, PB_FMT_FEED, doc, r->model->project.file, stage,
	    files[1], &r->d);
	if (n > 2)
		render_into(st, PB_FMT_SITEMAP, doc, r->model->project.file,
		    stage, files[2], &r->d);
	/* reusable by the next build when they said nothing */
	if (r->d.n == from)
		pb_increment_set_site(inc, h);
	xmlFreeDoc(doc);
}

/*
 * Computes r->figs: every organization's figures as an internal set has
 * them (the check of loose positions has them all), and as a public set
 * has them for each organization a public packet includes.
 */
static void
run_figures_base(struct pb_run *r)
{
	const struct pb_model	*m = r->model;
	const struct pb_packet	*pk;
	const struct pb_org	*org;
	size_t			 i, k;

	r->figs = pb_figures_base_new(m, r->as_of);
	for (i = 0; i < m->norgs; i++)
		pb_figures_base_add(r->figs, &m->orgs[i], 0, &r->d);
	for (i = 0; i < m->npackets; i++) {
		pk = &m->packets[i];
		for (k = 0; !pk->internal && k < pk->norgs; k++)
			if ((org = pb_model_org(m, pk->orgs[k].id)) != NULL)
				pb_figures_base_add(r->figs, org, 1, &r->d);
	}
}

void
pb_run_check(struct pb_run *r, struct pb_read_opts *o, long jobs, int render)
{
	struct pb_figures	*all;

	o->schema = r->posschema;
	o->indir = r->indir;
	run_figures_base(r);
	if ((all = pb_run_figures(r, NULL, &r->d)) != NULL)
		pb_run_check_loose(r, o, all);
	pb_figures_free(all);
	if (!render)
		pb_build_packets(r, o, NULL, NULL, NULL, NULL, jobs, NULL,
		    NULL);
}

/*
 * The stylesheets of a build, compiled in a thread of their own while the
 * input is read and checked and the packets render, each packet waiting
 * only for the stylesheets it needs (pb_styles_compile; its problems
 * kept apart).
 */
struct styles_job {
	struct pb_styles	*st;
	struct pb_diags		 d;
	pthread_t		 tid;
	int			 started;
	int			 ok;
};

static void *
styles_main(void *arg)
{
	struct styles_job	*j = arg;

	j->ok = pb_styles_compile(j->st, &j->d);
	return NULL;
}

/*
 * Starts compiling tdir's stylesheets (in this thread if no other) and
 * returns them, compiled or not yet; NULL when tdir cannot be used.
 */
static struct pb_styles *
styles_start(struct styles_job *j, const char *tdir)
{
	memset(j, 0, sizeof(*j));
	if ((j->st = pb_styles_open(tdir, &j->d)) == NULL)
		return NULL;
	pb_styles_await_plan(j->st);
	if (pthread_create(&j->tid, NULL, styles_main, j) == 0)
		j->started = 1;
	else {
		pb_styles_plan(j->st, 0);
		styles_main(j);
	}
	return j->st;
}

/*
 * Waits for the stylesheets and puts the problems in order in r->d: what
 * it held before they started (before, which it takes), theirs, then
 * what the run recorded since; when the stylesheets failed, the run's
 * are dropped, as a build that compiled them first would have stopped
 * there. Returns 0 when they failed.
 */
static int
styles_done(struct styles_job *j, struct pb_run *r, struct pb_diags *before)
{
	struct pb_diags	 since = r->d;

	if (j->started) {
		pb_styles_finish(j->st);
		pthread_join(j->tid, NULL);
		j->started = 0;
	}
	r->d = *before;
	memset(before, 0, sizeof(*before));
	pb_diags_merge(&r->d, &j->d);
	pb_diags_free(&j->d);
	if (j->ok)
		pb_diags_merge(&r->d, &since);
	pb_diags_free(&since);
	return j->ok;
}

/* Frees the warnings of each packet of m (warns: NULL, or one each). */
static void
warns_free(const struct pb_model *m, struct pb_diags *warns)
{
	size_t	 i;

	for (i = 0; warns != NULL && m != NULL && i < m->npackets; i++)
		pb_diags_free(&warns[i]);
	free(warns);
}

/*
 * Begins the increment of a build of r->indir into outdir and returns
 * non-zero when every output there is up to date (not with --packet,
 * whose id must be checked all the same): outdir is left as it is and the
 * warnings of the build that wrote it are said again, as a fresh build
 * would say them.
 */
static int
up_to_date(struct pb_run *r, struct pb_increment *inc, const char *outdir,
    const char *tdir, const char *sdir, const char *chromium)
{
	if (!pb_increment_begin(inc, r->indir, outdir, tdir, sdir,
	    chromium != NULL) || r->only != NULL)
		return 0;
	pb_stage_clean(outdir);
	pb_manifest_replay(&inc->old, NULL, r->indir, &r->d);
	r->reused = inc->old.n;
	return 1;
}

/*
 * Records in the new manifest what each packet of the build is made of,
 * beside its tags and images (pb_increment_record): its warnings (a
 * reused packet's as building it gave them, printed again when nothing
 * of it changed; a packet build --packet left alone says nothing) and,
 * for a packet built, the hash of its inputs with its images.
 */
static void
record_packets(struct pb_run *r, struct pb_increment *inc, const char *reuse,
    struct pb_diags *warns)
{
	const char	*id;
	size_t		 i;

	for (i = 0; i < r->model->npackets; i++) {
		id = r->model->packets[i].id;
		if (reuse[i] && r->why[i] == PB_WHY_SAME)
			pb_manifest_replay(&inc->old, id, r->indir, &r->d);
		if (reuse[i])
			pb_manifest_replay(&inc->old, id, r->indir, &warns[i]);
		pb_manifest_keep_warnings(&inc->cur, id, &warns[i], 0,
		    r->indir);
		if (!reuse[i])
			pb_increment_rehash(inc, r->model, r->indir, i);
	}
}

/*
 * The load and check stages of a build, timed from *clock: reads input/
 * with o, what the last build found valid (inc's) not validated again,
 * and checks it, the packets' own errors too when it finds any, as check
 * does. Returns PB_EXIT_OK when the build goes on, PB_EXIT_USAGE when
 * r->only names no packet (nothing recorded), else PB_EXIT_INPUT with
 * the problems in r->d.
 */
static int
build_check(struct pb_run *r, struct pb_increment *inc,
    struct pb_read_opts *o, const char *sdir, long jobs,
    struct timespec *clock)
{
	r->valid = pb_valid_new(inc->tool);
	pb_valid_know(r->valid, inc->old.valid, inc->old.nvalid);
	if (!pb_run_load(r, sdir, NULL)) {
		pb_run_check_alone(r, o);
		return PB_EXIT_INPUT;
	}
	inc->cur.valid = pb_valid_found(r->valid, &inc->cur.nvalid);
	lap(clock, &r->secs[PB_STAGE_LOAD]);
	if (r->only != NULL && pb_model_packet(r->model, r->only) == NULL)
		return PB_EXIT_USAGE;
	pb_run_check(r, o, jobs, 1);
	lap(clock, &r->secs[PB_STAGE_CHECK]);
	if (r->d.errors > 0) {
		pb_build_packets(r, o, NULL, NULL, NULL, NULL, jobs, NULL,
		    NULL);
		return PB_EXIT_INPUT;
	}
	return PB_EXIT_OK;
}

/* The previous outputs put into the stage by a thread of their own. */
struct link_job {
	const struct pb_increment	*inc;
	struct pb_stage			*stage;
	const struct pb_model		*m;
	char				*reuse;
	unsigned char			*why;
};

static void *
link_main(void *arg)
{
	struct link_job	*j = arg;

	pb_increment_link(j->inc, j->stage, j->m, j->reuse, j->why);
	return NULL;
}

/*
 * The packets stage: builds with st every packet reuse (pb_increment_plan)
 * does not keep, while a thread of its own links into the stage the
 * previous output of those made from the same files (pb_increment_link:
 * on a one-packet change, the files of every other packet); a packet
 * whose previous output is not as the last build left it is built after
 * all, once the others are. Each flag of reuse ends PB_REUSE_DONE or
 * PB_REUSE_NONE.
 */
static void
build_reusing(struct pb_run *r, const struct pb_read_opts *o,
    struct pb_styles *st, struct pb_stage *stage, struct pb_increment *inc,
    char *reuse, long jobs, const char *chromium, struct pb_diags *warns)
{
	struct link_job	 j = { inc, stage, r->model, reuse, r->why };
	pthread_t	 tid;
	char		*skip;
	size_t		 i, n = r->model->npackets, link = 0, again = 0;
	int		 started = 0;

	skip = pb_xcalloc(n + 1, 1);
	for (i = 0; i < n; i++) {
		skip[i] = reuse[i] != PB_REUSE_NONE;
		link += reuse[i] == PB_REUSE_LINK;
	}
	if (link > 0 && !(started = pthread_create(&tid, NULL, link_main,
	    &j) == 0))
		link_main(&j);
	pb_build_packets(r, o, st, stage, inc, skip, jobs, chromium, warns);
	if (started)
		pthread_join(tid, NULL);
	pb_increment_keep(inc, r->model, reuse);
	for (i = 0; i < n; i++) {
		again += skip[i] && reuse[i] == PB_REUSE_NONE;
		skip[i] = reuse[i] != PB_REUSE_NONE;
	}
	if (again > 0)
		pb_build_packets(r, o, st, stage, inc, skip, jobs, chromium,
		    warns);
	free(skip);
}

/* Counts in r the packets built and those whose output reuse keeps. */
static void
build_count(struct pb_run *r, const char *reuse)
{
	size_t	 i;

	for (i = 0; i < r->model->npackets; i++)
		r->reused += reuse != NULL && reuse[i];
	r->built = r->model->npackets - r->reused;
}

/*
 * The site stage, after the packets (reuse and warns as they had them):
 * records each packet in inc's manifest, renders the site's pages with
 * st into the stage, says when the project has no base-url, and writes
 * the manifest, last, with the warnings of the whole build.
 */
static void
build_finish(struct pb_run *r, struct pb_increment *inc,
    struct pb_styles *st, struct pb_stage *stage, const char *reuse,
    struct pb_diags *warns)
{
	const struct pb_project	*p = &r->model->project;
	size_t			 i;

	record_packets(r, inc, reuse, warns);
	pb_build_site(r, inc, st, stage);
	/* said once, of a site the build writes */
	if (p->base_url == NULL && !p->no_address && r->d.errors == 0)
		pb_diag_warning(&r->d, p->root.file, p->root.line,
		    p->root.col, "no <base-url>: the site has no absolute "
		    "links, no sitemap.xml, and feed ids made from its title "
		    "and publisher; add the address the site is published at "
		    "(or <base-url/> while it has none)");
	/* a whole build's warnings, for one that finds nothing changed;
	 * with --packet, those of the packets it left alone too, which it
	 * does not print */
	pb_manifest_keep_warnings(&inc->cur, NULL, &r->d, 0, r->indir);
	for (i = 0; r->only != NULL && i < r->model->npackets; i++)
		if (r->why[i] == PB_WHY_KEPT)
			pb_manifest_keep_warnings(&inc->cur, NULL, &warns[i], 0,
			    r->indir);
	pb_increment_write(inc, stage, &r->d);
}

/*
 * What the parts a build keeps (render.c's splice) depend on but their
 * keys: the program, templates and schemas, the project's settings (its
 * file) and whether the build writes PDFs. NULL when the project's file
 * cannot be read again (the parts are then not kept for the next build).
 */
static char *
parts_stamp(const struct pb_run *r, const struct pb_increment *inc)
{
	struct pb_hash	 h;
	char		 tool[PB_HASH_HEX], project[PB_HASH_HEX];

	if (!pb_hash_content(r->model->project.file, 1, &h))
		return NULL;
	pb_hash_format(inc->tool, tool);
	pb_hash_format(h, project);
	return pb_xasprintf("%s-%s-%d", tool, project, inc->pdf);
}

/* Starts st with the parts the last build of outdir kept (.OUT.parts). */
static void
parts_load(struct pb_styles *st, const char *outdir, const char *stamp)
{
	char	*path, *data;
	size_t	 len;

	if (stamp == NULL)
		return;
	path = pb_out_sidecar(outdir, "parts");
	if (pb_read_aside(path, PB_MAX_FILE, &data, &len)) {
		pb_styles_parts_load(st, stamp, data, len);
		free(data);
	}
	free(path);
}

/* Keeps st's parts beside outdir for the next build; a cache: failing to
 * write it fails nothing. */
static void
parts_save(struct pb_styles *st, const char *outdir, const char *stamp)
{
	struct pb_buf	 b = { NULL, 0, 0 };
	char		*path;

	if (stamp == NULL)
		return;
	path = pb_out_sidecar(outdir, "parts");
	pb_styles_parts_save(st, stamp, &b);
	pb_write_aside(path, b.data, b.len);
	pb_buf_free(&b);
	free(path);
}

int
pb_build(struct pb_run *r, const char *outdir, const char *tdir,
    const char *sdir, long jobs, size_t max_input, const char *chromium)
{
	struct pb_read_opts	 o = { 1, max_input, NULL, NULL };
	struct pb_increment	 inc;
	struct styles_job	 sj;
	struct pb_styles	*st = NULL;
	struct pb_stage		*stage = NULL;
	struct pb_spare		*spare = NULL;
	struct pb_diags		 before, *warns = NULL;
	struct timespec		 clock;
	char			*reuse = NULL, *stamp = NULL;
	size_t			 i;
	int			 rc = PB_EXIT_OK, compiling = 0;

	r->built = r->reused = 0;
	memset(r->secs, 0, sizeof(r->secs));
	clock_gettime(CLOCK_MONOTONIC, &clock);
	if (up_to_date(r, &inc, outdir, tdir, sdir, chromium))
		goto out;
	/* The stylesheets compile while the input loads and the packets
	 * render, each render waiting for the one it needs; their problems
	 * come first, and alone when they fail, as if they had been
	 * compiled before anything else. */
	before = r->d;
	memset(&r->d, 0, sizeof(r->d));
	st = styles_start(&sj, tdir);
	spare = pb_spare_look(outdir);
	compiling = 1;	/* st NULL: styles_done fails the build */
	if (st == NULL || (rc = build_check(r, &inc, &o, sdir, jobs,
	    &clock)) != PB_EXIT_OK)
		goto out;
	rc = PB_EXIT_SYSTEM;
	stamp = parts_stamp(r, &inc);
	parts_load(st, outdir, stamp);
	stage = pb_stage_begin(outdir, spare, &r->d);
	spare = NULL;	/* the stage's */
	if (stage == NULL)
		goto out;
	pb_xml_allow(pb_stage_path(stage));
	r->why = pb_xcalloc(r->model->npackets + 1, 1);
	reuse = pb_increment_plan(&inc, stage, r->model, r->indir, r->only,
	    r->why);
	/* a packet reused was made with these very templates: they all
	 * compiled then, and what this build does not need need not now */
	for (i = 0; i < r->model->npackets && !reuse[i]; i++)
		;
	pb_styles_plan(st, i < r->model->npackets);
	pb_styles_set_pdf(st, chromium != NULL);
	warns = pb_xcalloc(r->model->npackets + 1, sizeof(*warns));
	build_reusing(r, &o, st, stage, &inc, reuse, jobs, chromium, warns);
	build_count(r, reuse);
	lap(&clock, &r->secs[PB_STAGE_PACKETS]);
	build_finish(r, &inc, st, stage, reuse, warns);
	lap(&clock, &r->secs[PB_STAGE_SITE]);
	compiling = 0;
	if (!styles_done(&sj, r, &before))
		goto out;
	rc = PB_EXIT_INPUT;
	if (r->d.errors > 0)
		goto out;
	rc = pb_stage_commit(stage, &r->d) ? PB_EXIT_OK : PB_EXIT_SYSTEM;
	lap(&clock, &r->secs[PB_STAGE_WRITE]);
	stage = NULL;
	if (rc == PB_EXIT_OK) {
		pb_increment_commit(&inc);
		parts_save(st, outdir, stamp);
	}
out:
	if (compiling && !styles_done(&sj, r, &before))
		rc = PB_EXIT_SYSTEM;	/* nothing else counts */
	if (rc == PB_EXIT_INPUT && r->d.system)
		rc = PB_EXIT_SYSTEM;
	pb_stage_abort(stage);
	pb_spare_free(spare);
	pb_styles_free(st);
	pb_increment_free(&inc);
	pb_valid_free(r->valid);
	r->valid = NULL;
	warns_free(r->model, warns);
	free(reuse);
	free(stamp);
	return rc;
}
