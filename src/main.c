/*
 * main.c - the driver: command line, the order of the stages, and the
 * only place that prints.
 */
#define _GNU_SOURCE
#include <sys/stat.h>

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

/* Prints every diagnostic as FILE:LINE:COL: error: message. */
static void
print_diags(struct pb_diags *d)
{
	size_t		 i;
	struct pb_diag	*g;

	pb_diags_sort(d);
	for (i = 0; i < d->n; i++) {
		g = &d->v[i];
		fprintf(stderr, "%s:%lu:%lu: %s: %s\n", g->file,
		    g->line ? g->line : 1, g->col ? g->col : 1,
		    g->sev == PB_ERROR ? "error" : "warning", g->msg);
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

/* Reads one position file as Markdown or XML by its name. */
static xmlDocPtr
position_read(const char *path, const char *id, int xml,
    const struct pb_read_opts *o, struct pb_diags *d)
{
	char		*data;
	size_t		 len;
	xmlDocPtr	 doc;

	if (!pb_file_read(path, &data, &len, d))
		return NULL;
	doc = xml ? pb_xmlpos_read(path, data, len, id, o, d) :
	    pb_markdown_read(path, data, len, id, o, d);
	free(data);
	return doc;
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
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_read_opts	 o = { 0, PB_MAX_INPUT };
	struct pb_styles	*st = NULL;
	struct pb_buf		 out = { NULL, 0, 0 };
	enum pb_format		 fmt = PB_FMT_HTML;
	const char		*file = "-", *from = NULL;
	char			*tdir = NULL, *end;
	xmlDocPtr		 doc = NULL;
	int			 c, standalone = 0, rc = PB_EXIT_INPUT;
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
	doc = position_read(file, NULL, from ? from[0] == 'x' :
	    has_suffix(file, ".xml"), &o, &d);
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
	print_diags(&d);
	pb_diags_free(&d);
	pb_buf_free(&out);
	xmlFreeDoc(doc);
	pb_styles_free(st);
	pb_xml_cleanup();
	free(tdir);
	return rc;
}

/* What every command that reads input/ shares. */
struct run {
	const char		*indir;
	char			*schemadir;
	struct pb_model		*model;
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

/* The positions of input/, read once each (NULL where reading failed). */
struct positions {
	size_t		  n;
	char		**files;
	xmlDocPtr	 *docs;
};

/*
 * Reads the positions whose need flag is set (all when need is NULL);
 * the others stay NULL.
 */
static void
positions_read(struct run *r, struct positions *p, const char *need)
{
	struct pb_read_opts	 o = { 1, PB_MAX_INPUT };
	const struct pb_model	*m = r->model;
	char			*md;
	struct stat		 st;
	size_t			 i;

	p->n = m->npositions;
	p->files = pb_xcalloc(p->n + 1, sizeof(*p->files));
	p->docs = pb_xcalloc(p->n + 1, sizeof(*p->docs));
	for (i = 0; i < p->n; i++) {
		md = pb_xasprintf("%s/positions/%s.md", r->indir,
		    m->positions[i]);
		if (stat(md, &st) == 0)
			p->files[i] = md;
		else {
			free(md);
			p->files[i] = pb_xasprintf("%s/positions/%s.xml",
			    r->indir, m->positions[i]);
		}
		if (need == NULL || need[i])
			p->docs[i] = position_read(p->files[i],
			    m->positions[i], !has_suffix(p->files[i], ".md"),
			    &o, &r->d);
	}
}

static void
positions_free(struct positions *p)
{
	size_t	 i;

	for (i = 0; i < p->n; i++) {
		free(p->files[i]);
		xmlFreeDoc(p->docs[i]);
	}
	free(p->files);
	free(p->docs);
}

static size_t
positions_find(const struct run *r, const char *id)
{
	size_t	 i;

	for (i = 0; i < r->model->npositions; i++)
		if (strcmp(r->model->positions[i], id) == 0)
			return i;
	return (size_t)-1;
}

/*
 * Checks the positions that no packet includes: their references may name
 * parameters and organizations' figures only.
 */
static void
positions_check_loose(struct run *r, struct positions *p,
    const struct pb_figures *all)
{
	char	*inpk;
	size_t	 i, k, j;

	inpk = pb_xcalloc(p->n + 1, 1);
	for (i = 0; i < r->model->npackets; i++)
		for (k = 0; k < r->model->packets[i].npositions; k++)
			if ((j = positions_find(r, r->model->packets[i].
			    positions[k].id)) != (size_t)-1)
				inpk[j] = 1;
	for (i = 0; i < p->n; i++)
		if (!inpk[i] && p->docs[i] != NULL) {
			xmlDocPtr copy = xmlCopyDoc(p->docs[i], 1);

			pb_inject(xmlDocGetRootElement(copy), p->files[i], all,
			    0, &r->d);
			xmlFreeDoc(copy);
		}
	free(inpk);
}

/* Assembles the tree of packet pk; NULL with problems recorded. */
static xmlDocPtr
packet_tree(struct run *r, const struct pb_packet *pk,
    const struct positions *p, const struct pb_figures *f,
    struct pb_diags *d)
{
	xmlDocPtr	*docs, doc;
	const char	**files;
	size_t		 i, j;

	docs = pb_xcalloc(pk->npositions + 1, sizeof(*docs));
	files = pb_xcalloc(pk->npositions + 1, sizeof(*files));
	for (i = 0; i < pk->npositions; i++)
		if ((j = positions_find(r, pk->positions[i].id)) !=
		    (size_t)-1) {
			docs[i] = p->docs[j];
			files[i] = p->files[j];
		}
	doc = pb_packet_assemble(r->model, pk, f, docs, files, r->as_of, d);
	free(docs);
	free(files);
	return doc;
}

static int
cmd_check(int argc, char *argv[])
{
	struct run		 r;
	struct positions	 p = { 0, NULL, NULL };
	struct pb_figures	*f, *all = NULL;
	xmlDocPtr		 doc;
	size_t			 i;
	int			 c, rc;

	memset(&r, 0, sizeof(r));
	r.indir = "input";
	while ((c = getopt(argc, argv, "i:")) != -1) {
		if (c != 'i') {
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
		positions_read(&r, &p, NULL);
		if ((all = run_figures(&r, NULL, &r.d)) != NULL)
			positions_check_loose(&r, &p, all);
		for (i = 0; i < r.model->npackets; i++) {
			if ((f = run_figures(&r, &r.model->packets[i],
			    &r.d)) == NULL)
				continue;
			doc = packet_tree(&r, &r.model->packets[i], &p, f,
			    &r.d);
			xmlFreeDoc(doc);
			pb_figures_free(f);
		}
	}
	rc = r.d.errors > 0 ? PB_EXIT_INPUT : PB_EXIT_OK;
	pb_figures_free(all);
	positions_free(&p);
	run_free(&r);
	pb_xml_cleanup();
	return rc;
}

/* Packets newest first (date, then id), for the index and the feed. */
static const struct pb_model *sort_model;

static int
packet_cmp(const void *a, const void *b)
{
	const struct pb_packet	*x = &sort_model->packets[*(const size_t *)a];
	const struct pb_packet	*y = &sort_model->packets[*(const size_t *)b];
	int			 c = pb_date_cmp(y->date, x->date);

	return c ? c : strcmp(x->id, y->id);
}

/* The tree of the site's index and feed: the project and its packets. */
static xmlDocPtr
site_tree(const struct pb_model *m)
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

/* What the build's workers share; each takes the next packet. */
struct build {
	struct run		*r;
	struct positions	*p;
	struct pb_styles	*st;
	struct pb_stage		*stage;
	const char		*reuse;	/* per packet: previous output fits */
	pthread_mutex_t		 lock;
	size_t			 next;
};

/* The files a packet's output is made from, in a fixed order. */
static uint64_t
packet_hash(const struct run *r, const struct positions *p,
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
		if ((j = positions_find(r, pk->positions[i].id)) !=
		    (size_t)-1)
			pb_hash_file(&h, p->files[j]);
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

/* Puts a packet's previous output into the stage; 0 if any is missing. */
static int
packet_reuse(struct pb_stage *stage, const char *id)
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
		ok = pb_stage_reuse(stage, rel);
		free(rel);
	}
	return ok;
}

/* One worker: its own diagnostics, merged when all are done. */
struct worker {
	struct build	*b;
	pthread_t	 tid;
	struct pb_diags	 d;
};

/* Builds packet pk into the stage: HTML, DocBook, figures.json, .csv. */
static void
build_packet(struct build *b, const struct pb_packet *pk, struct pb_diags *d)
{
	struct pb_figures	*f;
	struct pb_buf		 out = { NULL, 0, 0 };
	xmlDocPtr		 doc;
	char			*rel;

	if ((f = run_figures(b->r, pk, d)) == NULL)
		return;
	if ((doc = packet_tree(b->r, pk, b->p, f, d)) != NULL) {
		rel = pb_xasprintf("%s/index.html", pk->id);
		publish(b->st, PB_FMT_HTML, doc, pk->file, b->stage, rel, d);
		free(rel);
		rel = pb_xasprintf("%s/%s.dbk", pk->id, pk->id);
		publish(b->st, PB_FMT_DOCBOOK, doc, pk->file, b->stage, rel, d);
		free(rel);
		xmlFreeDoc(doc);
	}
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
	pb_figures_free(f);
}

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
		if (!b->reuse[i])
			build_packet(b, &b->r->model->packets[i], &w->d);
	}
	return NULL;
}

/*
 * Builds every packet with jobs threads (each with its own transform
 * contexts) and merges their diagnostics into the run's.
 */
static void
build_packets(struct build *b, long jobs)
{
	struct worker	*w;
	long		 i, n;
	size_t		 k;

	n = jobs;
	if ((size_t)n > b->r->model->npackets)
		n = (long)b->r->model->npackets;
	if (n < 1)
		n = 1;
	w = pb_xcalloc((size_t)n, sizeof(*w));
	pthread_mutex_init(&b->lock, NULL);
	b->next = 0;
	for (i = 0; i < n; i++) {
		w[i].b = b;
		if (i == 0 || pthread_create(&w[i].tid, NULL, worker_main,
		    &w[i]) != 0)
			w[i].tid = 0;
	}
	worker_main(&w[0]);	/* the main thread works too */
	for (i = 0; i < n; i++) {
		if (w[i].tid != 0)
			pthread_join(w[i].tid, NULL);
		for (k = 0; k < w[i].d.n; k++)
			pb_diag_error(&b->r->d, w[i].d.v[k].file,
			    w[i].d.v[k].line, w[i].d.v[k].col, "%s",
			    w[i].d.v[k].msg);
		pb_diags_free(&w[i].d);
	}
	pthread_mutex_destroy(&b->lock);
	free(w);
}

static int
cmd_build(int argc, char *argv[])
{
	struct run		 r;
	struct positions	 p = { 0, NULL, NULL };
	struct build		 b;
	struct pb_styles	*st = NULL;
	struct pb_stage		*stage = NULL;
	struct pb_figures	*all = NULL;
	struct pb_manifest	 old, cur;
	struct pb_buf		 mb = { NULL, 0, 0 };
	struct stat		 st_out;
	const char		*outdir = "out";
	char			*tdir = NULL, *end, *reuse = NULL, *need = NULL;
	xmlDocPtr		 doc;
	uint64_t		 tool, h;
	long			 jobs;
	size_t			 i, k, j;
	int			 c, rc = PB_EXIT_INPUT;

	memset(&old, 0, sizeof(old));
	memset(&cur, 0, sizeof(cur));
	memset(&r, 0, sizeof(r));
	r.indir = "input";
	jobs = sysconf(_SC_NPROCESSORS_ONLN);
	while ((c = getopt(argc, argv, "i:o:t:j:")) != -1) {
		switch (c) {
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
	if (jobs < 1)
		jobs = 1;
	if (tdir == NULL)
		tdir = data_dir("templates");
	r.schemadir = data_dir("schema");

	/* Nothing changed since the last build: out/ is up to date. */
	tool = tool_hash(tdir, r.schemadir);
	cur.all = tool;
	pb_hash_tree(&cur.all, r.indir);
	pb_manifest_read(outdir, &old);
	if (old.all != 0 && old.all == cur.all && lstat(outdir, &st_out) == 0 &&
	    S_ISDIR(st_out.st_mode)) {
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

	/* Which packets must be rebuilt, so which positions must be read:
	 * those of changed packets, and those no packet includes. */
	positions_read(&r, &p, (need = pb_xcalloc(r.model->npositions + 1,
	    1)));
	reuse = pb_xcalloc(r.model->npackets + 1, 1);
	for (i = 0; i < r.model->npositions; i++)
		need[i] = 1;
	for (i = 0; i < r.model->npackets; i++) {
		const struct pb_packet *pk = &r.model->packets[i];

		h = packet_hash(&r, &p, pk, tool);
		pb_manifest_add(&cur, pk->id, h);
		reuse[i] = pb_manifest_get(&old, pk->id) == h;
		for (k = 0; k < pk->npositions; k++)
			if ((j = positions_find(&r, pk->positions[k].id)) !=
			    (size_t)-1)
				need[j] = 0;
	}
	for (i = 0; i < r.model->npackets; i++) {
		const struct pb_packet *pk = &r.model->packets[i];

		for (k = 0; !reuse[i] && k < pk->npositions; k++)
			if ((j = positions_find(&r, pk->positions[k].id)) !=
			    (size_t)-1)
				need[j] = 1;
	}
	for (i = 0; i < p.n; i++)
		if (need[i] && p.docs[i] == NULL)
			p.docs[i] = position_read(p.files[i],
			    r.model->positions[i], !has_suffix(p.files[i],
			    ".md"), &(struct pb_read_opts){ 1, PB_MAX_INPUT },
			    &r.d);
	if ((all = run_figures(&r, NULL, &r.d)) != NULL)
		positions_check_loose(&r, &p, all);
	if (r.d.errors > 0)
		goto out;
	if ((stage = pb_stage_begin(outdir, &r.d)) == NULL) {
		rc = PB_EXIT_SYSTEM;
		goto out;
	}
	pb_xml_allow(pb_stage_path(stage));
	for (i = 0; i < r.model->npackets; i++)
		if (reuse[i] && !packet_reuse(stage, r.model->packets[i].id))
			reuse[i] = 0;
	for (i = 0; i < r.model->npackets; i++)
		for (k = 0; !reuse[i] && k < r.model->packets[i].npositions;
		    k++)
			if ((j = positions_find(&r, r.model->packets[i].
			    positions[k].id)) != (size_t)-1 &&
			    p.docs[j] == NULL)
				p.docs[j] = position_read(p.files[j],
				    r.model->positions[j], !has_suffix(
				    p.files[j], ".md"), &(struct pb_read_opts){
				    1, PB_MAX_INPUT }, &r.d);
	memset(&b, 0, sizeof(b));
	b.r = &r;
	b.p = &p;
	b.st = st;
	b.stage = stage;
	b.reuse = reuse;
	build_packets(&b, jobs);
	pb_manifest_format(&cur, &mb);
	pb_stage_write(stage, ".manifest", mb.data, mb.len, &r.d);
	doc = site_tree(r.model);
	publish(st, PB_FMT_INDEX, doc, r.model->project.file, stage,
	    "index.html", &r.d);
	publish(st, PB_FMT_FEED, doc, r.model->project.file, stage,
	    "feed.xml", &r.d);
	xmlFreeDoc(doc);
	if (r.d.errors > 0)
		goto out;
	if (!pb_stage_commit(stage, &r.d)) {
		stage = NULL;
		rc = PB_EXIT_SYSTEM;
		goto out;
	}
	stage = NULL;
	rc = PB_EXIT_OK;
out:
	pb_stage_abort(stage);
	pb_figures_free(all);
	positions_free(&p);
	run_free(&r);
	pb_styles_free(st);
	pb_xml_cleanup();
	pb_manifest_free(&old);
	pb_manifest_free(&cur);
	pb_buf_free(&mb);
	free(reuse);
	free(need);
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
