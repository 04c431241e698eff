/*
 * main.c - the driver: command line, the order of the stages, and the
 * only place that prints.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltutils.h>
#include <libexslt/exslt.h>

#include "build.h"
#include "cache.h"
#include "figures.h"
#include "init.h"
#include "model.h"
#include "pb.h"
#include "render.h"
#include "report.h"
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
	    "usage: peerbrief init    [DIR]\n"
	    "       peerbrief build   [-i input] [-o out] [-t templates] "
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

/*
 * Prints "peerbrief: MESSAGE" and a new line on stderr in one write, with
 * the message escaped (pb_buf_put_safe): it may quote a file or the
 * command line.
 */
static void
say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
say(const char *fmt, ...)
{
	va_list		 ap;
	char		*m;
	struct pb_buf	 b = { NULL, 0, 0 };

	va_start(ap, fmt);
	m = pb_xvasprintf(fmt, ap);
	va_end(ap);
	pb_buf_printf(&b, "%s: ", progname);
	pb_buf_put_safe(&b, m);
	pb_buf_putc(&b, '\n');
	fwrite(b.data, 1, b.len, stderr);
	pb_buf_free(&b);
	free(m);
}

static int
usage_error(const char *fmt, const char *arg)
{
	char	*m = pb_xasprintf(fmt, arg);

	say("%s", m);
	free(m);
	usage(stderr);
	return PB_EXIT_USAGE;
}

/* Prints every diagnostic as FILE:LINE:COL: error: message. */
static void
print_diags(struct pb_diags *d)
{
	struct pb_buf	 b = { NULL, 0, 0 };
	size_t		 i;

	pb_diags_sort(d);
	for (i = 0; i < d->n; i++) {
		b.len = 0;
		pb_diag_format(&d->v[i], &b);
		fputs(b.data, stderr);
	}
	pb_buf_free(&b);
	if (d->errors > 1)
		fprintf(stderr, "%s: %zu errors\n", progname, d->errors);
}

/* A data folder of the program (templates, schema); the caller frees it. */
static char *
data_dir(const char *sub)
{
	return pb_data_dir(PB_DATADIR, sub);
}

static int
has_suffix(const char *s, const char *suf)
{
	size_t	 n = strlen(s), m = strlen(suf);

	return n >= m && strcmp(s + n - m, suf) == 0;
}

/* Writes b to standard output; the exit status. */
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
	char			*sdir = NULL;
	struct pb_buf		 out = { NULL, 0, 0 };
	enum pb_format		 fmt = PB_FMT_HTML;
	const char		*file = "-", *from = NULL;
	char			*tdir = NULL, *end;
	int			 c, standalone = 0, xml, rc;
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
	xml = from ? from[0] == 'x' : has_suffix(file, ".xml");
	if (xml)
		sdir = data_dir("schema");
	pb_xml_init(NULL);
	if ((rc = pb_convert(file, tdir, sdir, fmt, standalone, &o, &out,
	    &d)) == PB_EXIT_OK)
		rc = write_out(&out);
	print_diags(&d);
	pb_diags_free(&d);
	pb_buf_free(&out);
	pb_xml_cleanup();
	free(sdir);
	free(tdir);
	return rc;
}

/*
 * Loads input/ for a command, with the as-of date of the command line
 * when as_of_opt is not NULL. Returns 0 when it loaded, else the exit
 * status (the problems recorded in r->d, or a usage error printed).
 */
static int
run_load(struct pb_run *r, const char *schemadir, const char *as_of_opt)
{
	struct pb_date	 as_of;

	if (as_of_opt != NULL && !pb_date_parse(as_of_opt, &as_of)) {
		say("--as-of wants a date YYYY-MM-DD, not '%s'", as_of_opt);
		return PB_EXIT_USAGE;
	}
	pb_xml_allow(schemadir);
	if (!pb_run_load(r, schemadir, as_of_opt ? &as_of : NULL))
		return r->d.system ? PB_EXIT_SYSTEM : PB_EXIT_INPUT;
	return PB_EXIT_OK;
}

/* Ends a command over input/: prints its problems and frees it. */
static void
run_end(struct pb_run *r)
{
	print_diags(&r->d);
	pb_diags_free(&r->d);
	pb_run_free(r);
}

/*
 * Finds the packet named by --packet (id; NULL: none) into *pk. Returns 0
 * when found, else prints the packets there are and returns a usage error.
 */
static int
run_packet(const struct pb_run *r, const char *id,
    const struct pb_packet **pk)
{
	struct pb_buf	 b = { NULL, 0, 0 };
	size_t		 i;

	if (id == NULL || (*pk = pb_model_packet(r->model, id)) != NULL)
		return PB_EXIT_OK;
	pb_buf_printf(&b, "no packet '%s' in %s/packets (", id, r->indir);
	for (i = 0; i < r->model->npackets; i++)
		pb_buf_printf(&b, "%s%s", i ? ", " : "",
		    r->model->packets[i].id);
	pb_buf_puts(&b, r->model->npackets ? ")" : "none)");
	say("%s", b.data);
	pb_buf_free(&b);
	return PB_EXIT_USAGE;
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
	struct pb_run		 r;
	const struct pb_packet	*pk = NULL;
	struct pb_figures	*f = NULL;
	struct pb_buf		 out = { NULL, 0, 0 }, s = { NULL, 0, 0 };
	const struct pb_figure	*fig;
	enum pb_report_format	 fmt = PB_REPORT_TEXT;
	const char		*packet = NULL, *as_of = NULL, *name = NULL;
	char			*sdir = NULL;
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
	sdir = data_dir("schema");
	if ((rc = run_load(&r, sdir, as_of)) != PB_EXIT_OK ||
	    (rc = run_packet(&r, packet, &pk)) != PB_EXIT_OK)
		goto out;
	rc = PB_EXIT_INPUT;
	if ((f = pb_run_figures(&r, pk, &r.d)) == NULL)
		goto out;
	if (explain) {
		if ((fig = pb_figures_get(f, name)) == NULL) {
			pb_figures_suggest(f, name, &s);
			say("unknown figure '%s'%s%s%s", name,
			    s.len ? "; did you mean " : "", s.len ? s.data : "",
			    s.len ? "?" : "");
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
	run_end(&r);
	pb_xml_cleanup();
	free(sdir);
	return rc;
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
	struct pb_run		 r;
	struct pb_cache		*c = NULL;
	char			*sdir;
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
	sdir = data_dir("schema");
	if ((rc = run_load(&r, sdir, NULL)) == PB_EXIT_OK)
		c = pb_run_check(&r, &o, jobs_default(), 0);
	if (rc == PB_EXIT_OK || rc == PB_EXIT_INPUT)
		rc = r.d.system ? PB_EXIT_SYSTEM : r.d.errors > 0 ?
		    PB_EXIT_INPUT : PB_EXIT_OK;
	pb_cache_free(c);
	run_end(&r);
	pb_xml_cleanup();
	free(sdir);
	return rc;
}

static int
cmd_build(int argc, char *argv[])
{
	struct pb_run		 r;
	const char		*outdir = "out";
	char			*tdir = NULL, *sdir = NULL, *end;
	long			 jobs = jobs_default();
	int			 ch, rc = PB_EXIT_USAGE;

	memset(&r, 0, sizeof(r));
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
				rc = usage_error("-j wants a number of "
				    "workers from 1 to 256, not '%s'", optarg);
				goto out;
			}
			break;
		default:
			usage(stderr);
			goto out;
		}
	}
	if (optind < argc) {
		rc = usage_error("build takes no operands (got '%s')",
		    argv[optind]);
		goto out;
	}
	if (tdir == NULL)
		tdir = data_dir("templates");
	sdir = data_dir("schema");
	pb_xml_init(NULL);
	pb_xml_allow(sdir);
	rc = pb_build(&r, outdir, tdir, sdir, jobs, PB_MAX_INPUT);
	run_end(&r);
	pb_xml_cleanup();
out:
	free(sdir);
	free(tdir);
	return rc;
}

static int
cmd_init(int argc, char *argv[])
{
	struct pb_diags	 d = { NULL, 0, 0, 0, 0 };
	const char	*dir = ".";
	char		*skel;
	int		 ch, rc;

	while ((ch = getopt(argc, argv, "")) != -1) {
		usage(stderr);
		return PB_EXIT_USAGE;
	}
	if (argc - optind > 1)
		return usage_error("init takes one folder, not %s",
		    argv[optind + 1]);
	if (optind < argc)
		dir = argv[optind];
	skel = data_dir("skeleton");
	rc = pb_init_project(skel, dir, &d);
	print_diags(&d);
	pb_diags_free(&d);
	free(skel);
	if (rc != PB_EXIT_OK)
		return rc;
	if (strcmp(dir, ".") == 0)
		printf("A new project in input/. Build it with\n"
		    "  peerbrief build\n"
		    "and open out/first-packet/index.html.\n");
	else
		printf("A new project in %s/. Build it with\n"
		    "  cd %s && peerbrief build\n"
		    "and open %s/out/first-packet/index.html.\n", dir, dir,
		    dir);
	return PB_EXIT_OK;
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
	if (strcmp(argv[1], "init") == 0)
		rc = cmd_init(argc - 1, argv + 1);
	else if (strcmp(argv[1], "convert") == 0)
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
