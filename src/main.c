/*
 * main.c - the driver: command line, the order of the stages, and the
 * only place that prints.
 */
#define _GNU_SOURCE
#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltutils.h>
#include <libexslt/exslt.h>

#include "cache.h"
#include "figures.h"
#include "inject.h"
#include "manifest.h"
#include "model.h"
#include "packet.h"
#include "pb.h"
#include "position.h"
#include "publish.h"
#include "render.h"
#include "report.h"
#include "schema.h"
#include "tree.h"
#include "xmlread.h"

#ifndef PB_DATADIR
#define PB_DATADIR "/usr/local/share/peerbrief"
#endif

/*
 * Default cap on a Markdown body. Debian's cmark 0.30.2 lacks the fixes
 * for CVE-2023-22486 and CVE-2023-22484: repeated "![[]()" takes 0.4 s at
 * 128 KiB but 7.6 s at 256 KiB and 27 s at 512 KiB. 128 KiB is some
 * 20,000 words, longer than any position paper; --max-input-size raises
 * it for trusted input.
 */
#define PB_MAX_INPUT (128u * 1024)

static const char *progname = "peerbrief";

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: peerbrief build   [-i input] [-o out] [-t templates] "
	    "[-j N]\n"
	    "       peerbrief check   [-i input]\n"
	    "       peerbrief figures [-i input] [--packet ID] "
	    "[--as-of DATE] [--format text|json|csv]\n"
	    "       peerbrief explain NAME [-i input] [--packet ID] "
	    "[--as-of DATE]\n"
	    "       peerbrief convert [-t html|docbook] [--standalone] "
	    "[--templates DIR] [FILE|-]\n"
	    "       peerbrief --help | --version\n");
}

static int
usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", progname);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	usage(stderr);
	return PB_EXIT_USAGE;
}

/*
 * Writes s to stderr with control characters shown as escapes (\n, \t,
 * \r, \NNN), so no input can forge a line of its own or reach the
 * terminal.
 */
static void
put_safe(const char *s)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '\n')
			fputs("\\n", stderr);
		else if (*p == '\t')
			fputs("\\t", stderr);
		else if (*p == '\r')
			fputs("\\r", stderr);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(stderr, "\\%03o", *p);
		else
			fputc(*p, stderr);
	}
}

/*
 * Writes a message with every run of name characters longer than 64
 * shortened to its first 64 and "...": a 50,000-character name must not
 * bury the message.
 */
static void
put_short(const char *s)
{
	char	*c = pb_xstrdup(s), *p, *w;
	size_t	 run = 0;

	for (p = w = c; *p != '\0'; p++) {
		if (isalnum((unsigned char)*p) || strchr("_.:-", *p) != NULL) {
			if (++run > 64) {
				if (run == 65) {
					memcpy(w, "...", 3);
					w += 3;
				}
				continue;
			}
		} else
			run = 0;
		*w++ = *p;
	}
	*w = '\0';
	put_safe(c);
	free(c);
}

/* Prints every diagnostic as FILE:LINE:COL: error: message. */
static void
print_diags(struct pb_diags *d)
{
	size_t		 i;
	struct pb_diag	*g;

	pb_diags_sort(d);
	for (i = 0; i < d->n; i++) {
		g = &d->v[i];
		put_safe(g->file);
		fprintf(stderr, ":%lu:%lu: %s: ", g->line ? g->line : 1,
		    g->col ? g->col : 1,
		    g->sev == PB_ERROR ? "error" : "warning");
		put_short(g->msg);
		fputc('\n', stderr);
	}
	if (d->errors > 1)
		fprintf(stderr, "%s: %zu errors\n", progname, d->errors);
}

/*
 * Finds a data folder (templates, schema): the one beside the executable
 * (a source tree), else ../share/peerbrief beside its folder (installed
 * anywhere), else the one of the configured PREFIX. PEERBRIEF_DATADIR
 * overrides them all.
 */
static char *
data_dir(const char *sub)
{
	char		 exe[PATH_MAX], *slash, *p;
	ssize_t		 n;
	struct stat	 st;

	if ((p = getenv("PEERBRIEF_DATADIR")) != NULL && *p != '\0')
		return pb_xasprintf("%s/%s", p, sub);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		p = pb_xasprintf("%s/%s", exe, sub);
		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
			return p;
		free(p);
		/* installed as PREFIX/bin/peerbrief: PREFIX/share/peerbrief */
		p = pb_xasprintf("%s/../share/peerbrief/%s", exe, sub);
		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
			return p;
		free(p);
	}
	return pb_xasprintf("%s/%s", PB_DATADIR, sub);
}

static int
has_suffix(const char *s, const char *suf)
{
	size_t	 n = strlen(s), m = strlen(suf);

	return n >= m && strcmp(s + n - m, suf) == 0;
}

static int
cmd_convert(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "standalone", no_argument, NULL, 's' },
		{ "templates", required_argument, NULL, 'T' },
		{ "from", required_argument, NULL, 'f' },
		{ "max-input-size", required_argument, NULL, 'M' },
		{ NULL, 0, NULL, 0 }
	};
	struct pb_diags		 d = { NULL, 0, 0, 0, 0 };
	struct pb_read_opts	 o = { 0, PB_MAX_INPUT, NULL };
	struct pb_styles	*st = NULL;
	struct pb_schema	*sch = NULL;
	char			*sdir = NULL;
	struct pb_buf		 out = { NULL, 0, 0 };
	enum pb_format		 fmt = PB_FMT_HTML;
	const char		*file = "-", *from = NULL;
	char			*tdir = NULL, *end;
	xmlDocPtr		 doc = NULL;
	int			 c, standalone = 0, xml, rc = PB_EXIT_INPUT;
	unsigned long		 max;

	while ((c = getopt_long(argc, argv, "t:f:", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			if (strcmp(optarg, "html") == 0)
				fmt = PB_FMT_HTML;
			else if (strcmp(optarg, "docbook") == 0)
				fmt = PB_FMT_DOCBOOK;
			else
				return usage_error("unknown output format "
				    "'%s' (html or docbook)", optarg);
			break;
		case 's':
			standalone = 1;
			break;
		case 'T':
			free(tdir);
			tdir = pb_xstrdup(optarg);
			break;
		case 'f':
			if (strcmp(optarg, "markdown") != 0 &&
			    strcmp(optarg, "xml") != 0)
				return usage_error("unknown input format "
				    "'%s' (markdown or xml)", optarg);
			from = optarg;
			break;
		case 'M':
			max = strtoul(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0')
				return usage_error("--max-input-size wants "
				    "a number of bytes, not '%s'", optarg);
			o.max_bytes = max;
			break;
		default:
			usage(stderr);
			return PB_EXIT_USAGE;
		}
	}
	if (argc - optind > 1)
		return usage_error("convert takes one file, not %s",
		    argv[optind + 1]);
	if (optind < argc)
		file = argv[optind];
	if (tdir == NULL)
		tdir = data_dir("templates");
	pb_xml_init(NULL);
	if ((st = pb_styles_load(tdir, &d)) == NULL) {
		rc = PB_EXIT_SYSTEM;
		goto out;
	}
	xml = from ? from[0] == 'x' : has_suffix(file, ".xml");
	if (xml) {
		sdir = data_dir("schema");
		pb_xml_allow(sdir);
		if ((sch = pb_schema_load(sdir, "position.rng", &d)) == NULL) {
			rc = PB_EXIT_SYSTEM;
			goto out;
		}
		o.schema = sch;
	}
	doc = pb_position_read_file(file, NULL, xml, &o, &d);
	if (doc == NULL || !pb_inject_forbid(doc, file, &d))
		goto out;
	if (!pb_render(st, fmt, doc, standalone, 0, file, &out, &d))
		goto out;
	if (out.len > 0 && fwrite(out.data, 1, out.len, stdout) != out.len) {
		perror(progname);
		rc = PB_EXIT_SYSTEM;
		goto out;
	}
	if (fflush(stdout) != 0) {
		perror(progname);
		rc = PB_EXIT_SYSTEM;
		goto out;
	}
	rc = PB_EXIT_OK;
out:
	if (rc == PB_EXIT_INPUT && d.system)
		rc = PB_EXIT_SYSTEM;
	print_diags(&d);
	pb_diags_free(&d);
	pb_buf_free(&out);
	xmlFreeDoc(doc);
	pb_styles_free(st);
	pb_schema_free(sch);
	pb_xml_cleanup();
	free(sdir);
	free(tdir);
	return rc;
}

/* What every command that reads input/ shares. */
struct run {
	const char		*indir;
	char			*schemadir;
	struct pb_model		*model;
	struct pb_schema	*posschema;	/* schema/position.rng */
	struct pb_date		 as_of;
	int			 as_of_set;
	struct pb_diags		 d;
};

/*
 * Reads and validates input/ and settles the as-of date (the --as-of
 * option, else the project's). Returns 0 with problems recorded.
 */
static int
run_load(struct run *r, const char *as_of_opt)
{
	if (r->schemadir == NULL)
		r->schemadir = data_dir("schema");
	pb_xml_allow(r->schemadir);
	if ((r->model = pb_model_read(r->indir, r->schemadir, &r->d)) == NULL)
		return 0;
	if ((r->posschema = pb_schema_load(r->schemadir, "position.rng",
	    &r->d)) == NULL)
		return 0;
	if (as_of_opt != NULL) {
		if (!pb_date_parse(as_of_opt, &r->as_of)) {
			fprintf(stderr, "%s: --as-of wants a date YYYY-MM-DD, "
			    "not '%s'\n", progname, as_of_opt);
			exit(PB_EXIT_USAGE);
		}
		r->model->project.as_of_raw.src.file = "--as-of";
		r->model->project.as_of_raw.src.line = 0;
	} else if (r->model->project.as_of_raw.text != NULL)
		r->as_of = r->model->project.as_of;
	else {
		pb_diag_error(&r->d, r->model->project.file, 1, 1, "no as-of "
		    "date: add <as-of>YYYY-MM-DD</as-of> or pass --as-of");
		return 0;
	}
	r->as_of_set = 1;
	return 1;
}

static void
run_free(struct run *r)
{
	pb_model_free(r->model);
	pb_schema_free(r->posschema);
	free(r->schemadir);
	print_diags(&r->d);
	pb_diags_free(&r->d);
}

/*
 * Computes the figures of packet pk (NULL: of every organization).
 * Returns the set or NULL with problems recorded.
 */
static struct pb_figures *
run_figures(struct run *r, const struct pb_packet *pk, struct pb_diags *d)
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
	f = pb_figures_compute(r->model, orgs, n, pk, r->as_of, d);
	free(orgs);
	return f;
}

/* The packet named by --packet, or exits with a usage error. */
static const struct pb_packet *
run_packet(struct run *r, const char *id)
{
	const struct pb_packet	*pk;
	size_t			 i;

	if (id == NULL)
		return NULL;
	if ((pk = pb_model_packet(r->model, id)) != NULL)
		return pk;
	fprintf(stderr, "%s: no packet '%s' in %s/packets (", progname, id,
	    r->indir);
	for (i = 0; i < r->model->npackets; i++)
		fprintf(stderr, "%s%s", i ? ", " : "", r->model->packets[i].id);
	fprintf(stderr, "%s)\n", r->model->npackets ? "" : "none");
	run_free(r);
	exit(PB_EXIT_USAGE);
}

static int
write_out(const struct pb_buf *b)
{
	if ((b->len > 0 && fwrite(b->data, 1, b->len, stdout) != b->len) ||
	    fflush(stdout) != 0) {
		perror(progname);
		return PB_EXIT_SYSTEM;
	}
	return PB_EXIT_OK;
}

static int
cmd_figures(int argc, char *argv[], int explain)
{
	static const struct option longopts[] = {
		{ "packet", required_argument, NULL, 'p' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	struct run		 r;
	struct pb_figures	*f = NULL;
	struct pb_buf		 out = { NULL, 0, 0 }, s = { NULL, 0, 0 };
	const struct pb_figure	*fig;
	enum pb_report_format	 fmt = PB_REPORT_TEXT;
	const char		*packet = NULL, *as_of = NULL, *name = NULL;
	int			 c, rc = PB_EXIT_INPUT;

	memset(&r, 0, sizeof(r));
	r.indir = "input";
	while ((c = getopt_long(argc, argv, "i:", longopts, NULL)) != -1) {
		switch (c) {
		case 'i':
			r.indir = optarg;
			break;
		case 'p':
			packet = optarg;
			break;
		case 'a':
			as_of = optarg;
			break;
		case 'F':
			if (explain)
				return usage_error("explain has no %s",
				    "--format");
			if (strcmp(optarg, "text") == 0)
				fmt = PB_REPORT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				fmt = PB_REPORT_JSON;
			else if (strcmp(optarg, "csv") == 0)
				fmt = PB_REPORT_CSV;
			else
				return usage_error("unknown format '%s' "
				    "(text, json or csv)", optarg);
			break;
		default:
			usage(stderr);
			return PB_EXIT_USAGE;
		}
	}
	if (explain) {
		if (argc - optind != 1)
			return usage_error("explain takes one figure name%s",
			    "");
		name = argv[optind];
	} else if (optind < argc)
		return usage_error("figures takes no operands (got '%s')",
		    argv[optind]);
	pb_xml_init(NULL);
	if (!run_load(&r, as_of))
		goto out;
	if ((f = run_figures(&r, run_packet(&r, packet), &r.d)) == NULL)
		goto out;
	if (explain) {
		if ((fig = pb_figures_get(f, name)) == NULL) {
			pb_figures_suggest(f, name, &s);
			fprintf(stderr, "%s: unknown figure '%s'%s%s%s\n",
			    progname, name, s.len ? "; did you mean " : "",
			    s.len ? s.data : "", s.len ? "?" : "");
			rc = PB_EXIT_USAGE;
			goto out;
		}
		pb_report_explain(f, fig, &out);
	} else
		pb_report_figures(f, fmt, &out);
	rc = write_out(&out);
out:
	pb_buf_free(&out);
	pb_buf_free(&s);
	pb_figures_free(f);
	run_free(&r);
	pb_xml_cleanup();
	return rc;
}

/*
 * Checks the positions that no packet includes, reading each and freeing
 * it: their references may name parameters and organizations' figures.
 */
static void
positions_check_loose(struct run *r, struct pb_cache *c,
    const struct pb_figures *all)
{
	char		*inpk;
	size_t		 i, k, j;
	xmlDocPtr	 doc;

	inpk = pb_xcalloc(r->model->npositions + 1, 1);
	for (i = 0; i < r->model->npackets; i++)
		for (k = 0; k < r->model->packets[i].npositions; k++)
			if ((j = pb_cache_find(c, r->model->packets[i].
			    positions[k].id)) != (size_t)-1)
				inpk[j] = 1;
	for (i = 0; i < r->model->npositions; i++) {
		if (inpk[i])
			continue;
		pb_cache_expect(c, i);
		if ((doc = pb_cache_get(c, i, &r->d)) != NULL) {
			xmlDocPtr copy = xmlCopyDoc(doc, 1);

			pb_inject(xmlDocGetRootElement(copy),
			    pb_cache_file(c, i), all, 0, &r->d);
			xmlFreeDoc(copy);
		}
		pb_cache_put(c, i);
	}
	free(inpk);
}

/* Renders one tree with a stylesheet into the stage as rel. */
static void
publish(struct pb_styles *st, enum pb_format fmt, xmlDocPtr doc,
    const char *file, struct pb_stage *stage, const char *rel,
    struct pb_diags *d)
{
	struct pb_buf	 b = { NULL, 0, 0 };

	if (pb_render(st, fmt, doc, 1, 1, file, &b, d))
		pb_stage_write(stage, rel, b.data ? b.data : "", b.len, d);
	pb_buf_free(&b);
}

/*
 * What the workers share; each takes the next packet. Without a stage
 * (check) packets are assembled and checked but not rendered.
 */
struct build {
	struct run		*r;
	struct pb_cache		*cache;
	struct pb_styles	*st;
	struct pb_stage		*stage;
	const char		*reuse;	/* per packet: previous output fits */
	pthread_mutex_t		 lock;
	size_t			 next;
};

/* Assembles (and with a stage, publishes) packet pk. */
static void
build_packet(struct build *b, const struct pb_packet *pk, struct pb_diags *d)
{
	struct pb_figures	*f;
	struct pb_buf		 out = { NULL, 0, 0 };
	xmlDocPtr		 doc, *docs;
	const char		**files;
	size_t			*idx, i;
	char			*rel;

	docs = pb_xcalloc(pk->npositions + 1, sizeof(*docs));
	files = pb_xcalloc(pk->npositions + 1, sizeof(*files));
	idx = pb_xcalloc(pk->npositions + 1, sizeof(*idx));
	for (i = 0; i < pk->npositions; i++)
		if ((idx[i] = pb_cache_find(b->cache, pk->positions[i].id)) !=
		    (size_t)-1) {
			docs[i] = pb_cache_get(b->cache, idx[i], d);
			files[i] = pb_cache_file(b->cache, idx[i]);
		}
	if ((f = run_figures(b->r, pk, d)) == NULL)
		goto out;
	doc = pb_packet_assemble(b->r->model, pk, f, docs, files, b->r->as_of,
	    d);
	for (i = 0; i < pk->npositions; i++)
		if (idx[i] != (size_t)-1) {
			pb_cache_put(b->cache, idx[i]);
			idx[i] = (size_t)-1;
		}
	if (doc != NULL && b->stage != NULL) {
		rel = pb_xasprintf("%s/index.html", pk->id);
		publish(b->st, PB_FMT_HTML, doc, pk->file, b->stage, rel, d);
		free(rel);
		rel = pb_xasprintf("%s/%s.dbk", pk->id, pk->id);
		publish(b->st, PB_FMT_DOCBOOK, doc, pk->file, b->stage, rel, d);
		free(rel);
		pb_report_figures(f, PB_REPORT_JSON, &out);
		rel = pb_xasprintf("%s/figures.json", pk->id);
		pb_stage_write(b->stage, rel, out.data, out.len, d);
		free(rel);
		out.len = 0;
		pb_report_figures(f, PB_REPORT_CSV, &out);
		rel = pb_xasprintf("%s/figures.csv", pk->id);
		pb_stage_write(b->stage, rel, out.data, out.len, d);
		free(rel);
		pb_buf_free(&out);
	}
	xmlFreeDoc(doc);
	pb_figures_free(f);
out:
	for (i = 0; i < pk->npositions; i++)
		if (idx[i] != (size_t)-1)
			pb_cache_put(b->cache, idx[i]);
	free(idx);
	free(docs);
	free(files);
}

/* One worker: its own diagnostics, merged when all are done. */
struct worker {
	struct build	*b;
	pthread_t	 tid;
	int		 started;
	struct pb_diags	 d;
};

static void *
worker_main(void *arg)
{
	struct worker	*w = arg;
	struct build	*b = w->b;
	size_t		 i;

	for (;;) {
		pthread_mutex_lock(&b->lock);
		i = b->next++;
		pthread_mutex_unlock(&b->lock);
		if (i >= b->r->model->npackets)
			break;
		if (b->reuse == NULL || !b->reuse[i])
			build_packet(b, &b->r->model->packets[i], &w->d);
	}
	return NULL;
}

/*
 * Builds every packet not reused, with jobs threads (each with its own
 * transform contexts; the main thread is one of them), and merges their
 * diagnostics into the run's.
 */
static void
build_packets(struct build *b, long jobs)
{
	const struct pb_model	*m = b->r->model;
	struct worker		*w;
	long			 i, n = jobs;
	size_t			 k, j;

	/* Announce every use first, so no tree is freed too early. */
	for (k = 0; k < m->npackets; k++)
		for (j = 0; (b->reuse == NULL || !b->reuse[k]) &&
		    j < m->packets[k].npositions; j++)
			if ((i = (long)pb_cache_find(b->cache,
			    m->packets[k].positions[j].id)) != -1)
				pb_cache_expect(b->cache, (size_t)i);
	if ((size_t)n > m->npackets)
		n = (long)m->npackets;
	if (n < 1)
		n = 1;
	w = pb_xcalloc((size_t)n, sizeof(*w));
	pthread_mutex_init(&b->lock, NULL);
	b->next = 0;
	for (i = 0; i < n; i++) {
		w[i].b = b;
		w[i].started = i > 0 && pthread_create(&w[i].tid, NULL,
		    worker_main, &w[i]) == 0;
	}
	worker_main(&w[0]);
	for (i = 0; i < n; i++) {
		if (w[i].started)
			pthread_join(w[i].tid, NULL);
		for (k = 0; k < w[i].d.n; k++)
			pb_diag_error(&b->r->d, w[i].d.v[k].file,
			    w[i].d.v[k].line, w[i].d.v[k].col, "%s",
			    w[i].d.v[k].msg);
		b->r->d.system |= w[i].d.system;
		pb_diags_free(&w[i].d);
	}
	pthread_mutex_destroy(&b->lock);
	free(w);
}

/* The number of workers: -j, else the number of cores. */
static long
jobs_default(void)
{
	long	 n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n;
}

static int
cmd_check(int argc, char *argv[])
{
	struct pb_read_opts	 o = { 1, PB_MAX_INPUT, NULL };
	struct run		 r;
	struct build		 b;
	struct pb_cache		*c = NULL;
	struct pb_figures	*all = NULL;
	int			 ch, rc;

	memset(&r, 0, sizeof(r));
	r.indir = "input";
	while ((ch = getopt(argc, argv, "i:")) != -1) {
		if (ch != 'i') {
			usage(stderr);
			return PB_EXIT_USAGE;
		}
		r.indir = optarg;
	}
	if (optind < argc)
		return usage_error("check takes no operands (got '%s')",
		    argv[optind]);
	pb_xml_init(NULL);
	if (run_load(&r, NULL)) {
		o.schema = r.posschema;
		c = pb_cache_new(r.model, r.indir, &o);
		if ((all = run_figures(&r, NULL, &r.d)) != NULL)
			positions_check_loose(&r, c, all);
		memset(&b, 0, sizeof(b));
		b.r = &r;
		b.cache = c;
		build_packets(&b, jobs_default());
	}
	rc = r.d.system ? PB_EXIT_SYSTEM : r.d.errors > 0 ? PB_EXIT_INPUT :
	    PB_EXIT_OK;
	pb_figures_free(all);
	pb_cache_free(c);
	run_free(&r);
	pb_xml_cleanup();
	return rc;
}

/* The files a packet's output is made from, in a fixed order. */
static uint64_t
packet_hash(const struct run *r, const struct pb_cache *c,
    const struct pb_packet *pk, uint64_t tool)
{
	uint64_t	 h = tool;
	char		*path;
	size_t		 i, j;

	pb_hash_file(&h, r->model->project.file);
	pb_hash_file(&h, pk->file);
	for (i = 0; i < pk->norgs; i++) {
		path = pb_xasprintf("%s/orgs/%s.xml", r->indir, pk->orgs[i].id);
		pb_hash_file(&h, path);
		free(path);
	}
	for (i = 0; i < pk->npositions; i++)
		if ((j = pb_cache_find(c, pk->positions[i].id)) != (size_t)-1)
			pb_hash_file(&h, pb_cache_file(c, j));
	return h;
}

/* Hash of the program itself, its templates and its schemas. */
static uint64_t
tool_hash(const char *tdir, const char *schemadir)
{
	uint64_t	 h = PB_HASH_INIT;

	pb_hash_file(&h, "/proc/self/exe");
	pb_hash_tree(&h, tdir);
	pb_hash_tree(&h, schemadir);
	return h;
}

/*
 * Puts a packet's previous output into the stage; 0 if any file is
 * missing or was changed since the manifest recorded it.
 */
static int
packet_reuse(struct pb_stage *stage, const struct pb_manifest *old,
    const char *id)
{
	static const char *const files[] = {
		"%s/index.html", "%s/%s.dbk", "%s/figures.json",
		"%s/figures.csv"
	};
	char	*rel;
	size_t	 i;
	int	 ok = 1;

	for (i = 0; ok && i < sizeof(files) / sizeof(files[0]); i++) {
		rel = pb_xasprintf(files[i], id, id);
		ok = pb_stage_reuse(stage, rel, pb_manifest_file(old, rel));
		free(rel);
	}
	return ok;
}

static int
cmd_build(int argc, char *argv[])
{
	struct pb_read_opts	 o = { 1, PB_MAX_INPUT, NULL };
	struct run		 r;
	struct build		 b;
	struct pb_cache		*c = NULL;
	struct pb_styles	*st = NULL;
	struct pb_stage		*stage = NULL;
	struct pb_figures	*all = NULL;
	struct pb_manifest	 old, cur;
	struct pb_buf		 mb = { NULL, 0, 0 };
	const char		*outdir = "out";
	char			*tdir = NULL, *end, *reuse = NULL;
	char			*statpath = NULL;
	xmlDocPtr		 doc;
	uint64_t		 tool, h;
	long			 jobs = jobs_default();
	size_t			 i;
	int			 ch, rc = PB_EXIT_INPUT;

	memset(&r, 0, sizeof(r));
	memset(&old, 0, sizeof(old));
	memset(&cur, 0, sizeof(cur));
	r.indir = "input";
	while ((ch = getopt(argc, argv, "i:o:t:j:")) != -1) {
		switch (ch) {
		case 'i':
			r.indir = optarg;
			break;
		case 'o':
			outdir = optarg;
			break;
		case 't':
			free(tdir);
			tdir = pb_xstrdup(optarg);
			break;
		case 'j':
			jobs = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || jobs < 1 ||
			    jobs > 256) {
				free(tdir);
				return usage_error("-j wants a number of "
				    "workers from 1 to 256, not '%s'", optarg);
			}
			break;
		default:
			usage(stderr);
			free(tdir);
			return PB_EXIT_USAGE;
		}
	}
	if (optind < argc) {
		free(tdir);
		return usage_error("build takes no operands (got '%s')",
		    argv[optind]);
	}
	if (tdir == NULL)
		tdir = data_dir("templates");
	r.schemadir = data_dir("schema");

	/* Nothing changed since the last build, and out/ holds exactly
	 * what it wrote: out/ is up to date. */
	tool = tool_hash(tdir, r.schemadir);
	cur.all = tool;
	pb_hash_tree(&cur.all, r.indir);
	pb_manifest_read(outdir, &old);
	statpath = pb_out_sidecar(outdir, "stat");
	pb_manifest_read_stat(&old, statpath);
	if (old.all != 0 && old.all == cur.all &&
	    pb_manifest_verify(&old, outdir)) {
		pb_stage_clean(outdir);
		rc = PB_EXIT_OK;
		goto out;
	}

	pb_xml_init(NULL);
	if ((st = pb_styles_load(tdir, &r.d)) == NULL) {
		rc = PB_EXIT_SYSTEM;
		goto out;
	}
	if (!run_load(&r, NULL))
		goto out;
	o.schema = r.posschema;
	c = pb_cache_new(r.model, r.indir, &o);
	if ((all = run_figures(&r, NULL, &r.d)) != NULL)
		positions_check_loose(&r, c, all);
	if (r.d.errors > 0)
		goto out;
	if ((stage = pb_stage_begin(outdir, &r.d)) == NULL) {
		rc = PB_EXIT_SYSTEM;
		goto out;
	}
	pb_xml_allow(pb_stage_path(stage));

	/* Packets made from the same files as last time keep their output. */
	reuse = pb_xcalloc(r.model->npackets + 1, 1);
	for (i = 0; i < r.model->npackets; i++) {
		h = packet_hash(&r, c, &r.model->packets[i], tool);
		pb_manifest_add(&cur, r.model->packets[i].id, h);
		reuse[i] = pb_manifest_get(&old, r.model->packets[i].id) == h &&
		    packet_reuse(stage, &old, r.model->packets[i].id);
	}
	memset(&b, 0, sizeof(b));
	b.r = &r;
	b.cache = c;
	b.st = st;
	b.stage = stage;
	b.reuse = reuse;
	build_packets(&b, jobs);
	doc = pb_site_assemble(r.model);
	publish(st, PB_FMT_INDEX, doc, r.model->project.file, stage,
	    "index.html", &r.d);
	publish(st, PB_FMT_FEED, doc, r.model->project.file, stage,
	    "feed.xml", &r.d);
	xmlFreeDoc(doc);
	pb_stage_files(stage, &cur);	/* the manifest comes last */
	pb_manifest_format(&cur, &mb);
	pb_stage_write(stage, ".manifest", mb.data, mb.len, &r.d);
	if (r.d.errors > 0)
		goto out;
	if (!pb_stage_commit(stage, &r.d)) {
		stage = NULL;
		rc = PB_EXIT_SYSTEM;
		goto out;
	}
	stage = NULL;
	/* the size, time and inode of each file, so the next build can
	 * check out/ without reading it; a cache, kept beside out/ */
	mb.len = 0;
	pb_manifest_format_stat(&cur, &mb);
	pb_write_aside(statpath, mb.data, mb.len);
	rc = PB_EXIT_OK;
out:
	if (rc == PB_EXIT_INPUT && r.d.system)
		rc = PB_EXIT_SYSTEM;
	pb_stage_abort(stage);
	pb_figures_free(all);
	pb_cache_free(c);
	run_free(&r);
	pb_styles_free(st);
	pb_xml_cleanup();
	pb_manifest_free(&old);
	pb_manifest_free(&cur);
	pb_buf_free(&mb);
	free(reuse);
	free(statpath);
	free(tdir);
	return rc;
}

int
main(int argc, char *argv[])
{
	int	 rc;

	if (argc < 2) {
		usage(stderr);
		return PB_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return PB_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("peerbrief %s\n", PB_VERSION);
		return PB_EXIT_OK;
	}
	xmlInitParser();
	exsltRegisterAll();
	if (strcmp(argv[1], "convert") == 0)
		rc = cmd_convert(argc - 1, argv + 1);
	else if (strcmp(argv[1], "build") == 0)
		rc = cmd_build(argc - 1, argv + 1);
	else if (strcmp(argv[1], "check") == 0)
		rc = cmd_check(argc - 1, argv + 1);
	else if (strcmp(argv[1], "figures") == 0)
		rc = cmd_figures(argc - 1, argv + 1, 0);
	else if (strcmp(argv[1], "explain") == 0)
		rc = cmd_figures(argc - 1, argv + 1, 1);
	else
		rc = usage_error("unknown command '%s'", argv[1]);
	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc;
}
