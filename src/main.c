/*
 * main.c - the driver: command line, the order of the stages, and the
 * only place that prints.
 */
#define _GNU_SOURCE
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmark.h>
#include <libxml/parser.h>
#include <libxml/xmlversion.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltutils.h>
#include <libexslt/exslt.h>
#include <yaml.h>

#include "build.h"
#include "figures.h"
#include "init.h"
#include "model.h"
#include "pb.h"
#include "publish.h"
#include "pdf.h"
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

/* Set by -q and -v, which every command takes. */
static int quiet;
static int verbose;

/* What each command takes: the synopsis line and its options. */
struct cmd_help {
	const char	*name;
	const char	*synopsis;
	const char	*what;
	const char	*options;
};

#define OPT_COMMON \
	"  -q, --quiet           print only errors\n" \
	"  -v, --verbose         print warnings and the summary (the default;\n" \
	"                        undoes an earlier -q)\n" \
	"  -h, --help            print this help and exit\n"

static const struct cmd_help helps[] = {
	{ "init", "[DIR]",
	  "Writes a new project into DIR (default: the current folder), which\n"
	  "must be new or empty: input/ with an organization in XML and one as\n"
	  "CSV, a position, a packet, and a README.\n",
	  OPT_COMMON },
	{ "build", "[-i input] [-o out] [-T templates] [-j N] [--pdf]",
	  "Validates the input folder, computes every figure and renders every\n"
	  "packet into the output folder, replacing it only when all succeeded.\n"
	  "Packets whose inputs did not change are reused.\n",
	  "  -i, --input DIR       the input folder (default: input)\n"
	  "  -o, --output DIR      the output folder (default: out); never the\n"
	  "                        input folder, inside it, or around it\n"
	  "  -T, --templates DIR   the templates folder (default: the installed\n"
	  "                        one); -t DIR is the same\n"
	  "  -j, --jobs N          N worker threads (default: the number of cores)\n"
	  "      --pdf             also print each packet to ID/ID.pdf with headless\n"
	  "                        Chromium (PEERBRIEF_CHROMIUM, else chromium on\n"
	  "                        PATH; PEERBRIEF_PDF_TIMEOUT seconds per packet)\n"
	  OPT_COMMON },
	{ "check", "[-i input]",
	  "Reads, validates and computes everything, as build does, and writes\n"
	  "nothing.\n",
	  "  -i, --input DIR       the input folder (default: input)\n"
	  OPT_COMMON },
	{ "figures", "[-i input] [--packet ID] [--as-of DATE] "
	  "[--format text|json|csv]",
	  "Prints every figure (of one packet with --packet): name, exact value,\n"
	  "unit and display.\n",
	  "  -i, --input DIR       the input folder (default: input)\n"
	  "  -p, --packet ID       the figures of packet ID, packet.* included\n"
	  "      --as-of DATE      date-relative figures on DATE (YYYY-MM-DD)\n"
	  "  -F, --format FORMAT   text (an aligned table, the default), json or csv\n"
	  OPT_COMMON },
	{ "explain", "NAME [-i input] [--packet ID] [--as-of DATE]",
	  "Prints one figure's value, formula and inputs, each with the file,\n"
	  "line and column it was read from. A packet.* figure needs --packet.\n",
	  "  -i, --input DIR       the input folder (default: input)\n"
	  "  -p, --packet ID       the packet whose figures NAME is among\n"
	  "      --as-of DATE      date-relative figures on DATE (YYYY-MM-DD)\n"
	  OPT_COMMON },
	{ "convert", "[-t html|docbook] [--standalone] [-o FILE] [FILE|-]",
	  "Turns one position (Markdown, or XML by its .xml name) into an HTML\n"
	  "fragment, as cmark does, or DocBook; a whole document with\n"
	  "--standalone. Reads standard input without FILE or with -.\n",
	  "  -t, --to FORMAT       html (the default) or docbook\n"
	  "  -s, --standalone      a whole document, not a fragment\n"
	  "  -o, --output FILE     write to FILE instead of standard output\n"
	  "  -f, --from FORMAT     markdown or xml, whatever FILE's name says\n"
	  "  -T, --templates DIR   the templates folder (default: the installed one)\n"
	  "      --max-input-size BYTES  refuse Markdown over BYTES (default\n"
	  "                        131072; 0: no limit)\n"
	  OPT_COMMON },
	{ "help", "[COMMAND]",
	  "Prints the usage of every command, or the help of one.\n",
	  "" },
	{ NULL, NULL, NULL, NULL }
};

static const struct cmd_help *
help_of(const char *name)
{
	size_t	 i;

	for (i = 0; helps[i].name != NULL; i++)
		if (strcmp(helps[i].name, name) == 0)
			return &helps[i];
	return NULL;
}

static void
usage(FILE *f)
{
	size_t	 i;

	for (i = 0; helps[i].name != NULL; i++)
		fprintf(f, "%s peerbrief %-7s %s\n", i == 0 ? "usage:" :
		    "      ", helps[i].name, helps[i].synopsis);
	fprintf(f, "       peerbrief --version\n"
	    "Run 'peerbrief help COMMAND' (or 'peerbrief COMMAND --help') for "
	    "a command's options.\n");
}

/* Prints the help of command h on standard output; the exit status. */
static int
help_print(const struct cmd_help *h)
{
	printf("usage: peerbrief %s %s\n\n%s", h->name, h->synopsis, h->what);
	if (h->options[0] != '\0')
		printf("\nOptions:\n%s", h->options);
	return fflush(stdout) == 0 ? PB_EXIT_OK : PB_EXIT_SYSTEM;
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

/* The command a usage error is about, for its hint. */
static const char *current = NULL;

static int
usage_error(const char *fmt, const char *arg)
{
	char		*m = pb_xasprintf(fmt, arg);
	struct pb_buf	 b = { NULL, 0, 0 };

	pb_buf_printf(&b, "%s%s%s: ", progname, current ? " " : "",
	    current ? current : "");
	pb_buf_put_safe(&b, m);
	pb_buf_putc(&b, '\n');
	fwrite(b.data, 1, b.len, stderr);
	pb_buf_free(&b);
	free(m);
	if (current != NULL)
		fprintf(stderr, "usage: peerbrief %s %s\n"
		    "Run 'peerbrief %s --help' for its options.\n", current,
		    help_of(current)->synopsis, current);
	else
		usage(stderr);
	return PB_EXIT_USAGE;
}

/*
 * The usage error for what getopt_long returned as '?' or ':' (opterr is
 * off, so it printed nothing): the option as the user wrote it.
 */
static int
option_error(int c, char *argv[])
{
	const char	*arg = argv[optind - 1];
	char		 shortopt[3] = { '-', (char)optopt, '\0' };

	if (optopt != 0 && strncmp(arg, "--", 2) != 0)
		arg = shortopt;
	if (c == ':')
		return usage_error("option %s needs a value", arg);
	return usage_error("unknown option %s", arg);
}

/* The long options every command takes, after its own. */
#define LONGOPTS_COMMON \
	{ "quiet", no_argument, NULL, 'q' }, \
	{ "verbose", no_argument, NULL, 'v' }, \
	{ "help", no_argument, NULL, 'h' }, \
	{ NULL, 0, NULL, 0 }

/*
 * Handles the options every command takes (c from getopt_long). Returns
 * -1 when c is not one of them, else the exit status to return at once
 * (help) or -2 to go on.
 */
static int
common_option(int c, char *argv[])
{
	switch (c) {
	case 'q':
		quiet = 1;
		verbose = 0;
		return -2;
	case 'v':
		verbose = 1;
		quiet = 0;
		return -2;
	case 'h':
		return help_print(help_of(current));
	case '?':
	case ':':
		return option_error(c, argv);
	default:
		return -1;
	}
}

/* Non-zero when diagnostics on standard error may be in colour. */
static int
colour(void)
{
	const char	*nc = getenv("NO_COLOR");

	return (nc == NULL || *nc == '\0') && isatty(STDERR_FILENO) &&
	    getenv("TERM") != NULL && strcmp(getenv("TERM"), "dumb") != 0;
}

/* Writes one formatted diagnostic, its severity in colour when asked. */
static void
put_diag(const char *line, int col)
{
	const char	*p, *word;
	size_t		 n;

	if (!col) {
		fputs(line, stderr);
		return;
	}
	if ((p = strstr(line, ": error: ")) != NULL)
		word = "\033[1;31merror\033[0m";
	else if ((p = strstr(line, ": warning: ")) != NULL)
		word = "\033[1;35mwarning\033[0m";
	else {
		fputs(line, stderr);
		return;
	}
	n = (size_t)(p - line);
	fprintf(stderr, "\033[1m%.*s\033[0m: %s", (int)n, line, word);
	p += 2;
	p += strcspn(p, ":");
	fputs(p, stderr);
}

/* How many warnings d holds. */
static size_t
warnings_of(const struct pb_diags *d)
{
	return d->n - d->errors;
}

/*
 * Prints every diagnostic as FILE:LINE:COL: error: message (warnings
 * only without -q), then how many there were when more than one error,
 * or any warning, was printed; not when a build's summary line follows
 * (summary: non-zero) and there was no error, as that line counts them.
 */
static void
print_diags(struct pb_diags *d, int summary)
{
	struct pb_buf	 b = { NULL, 0, 0 };
	size_t		 i, w = warnings_of(d);
	int		 col = colour();

	pb_diags_sort(d);
	for (i = 0; i < d->n; i++) {
		if (quiet && d->v[i].sev != PB_ERROR)
			continue;
		b.len = 0;
		pb_diag_format(&d->v[i], &b);
		put_diag(b.data, col);
	}
	pb_buf_free(&b);
	if (quiet)
		w = 0;
	if ((summary && d->errors == 0) || (d->errors < 2 && w == 0))
		return;
	fprintf(stderr, "%s: ", progname);
	if (d->errors > 0)
		fprintf(stderr, "%zu error%s%s", d->errors, d->errors == 1 ?
		    "" : "s", w > 0 ? ", " : "");
	if (w > 0)
		fprintf(stderr, "%zu warning%s", w, w == 1 ? "" : "s");
	fputc('\n', stderr);
}

/*
 * Says how to start when the input folder is missing or empty; returns
 * non-zero when it did (the command then fails with exit status 1).
 */
static int
input_missing(const char *indir)
{
	struct stat	 st;
	DIR		*dp;
	struct dirent	*e;
	int		 empty = 1;

	if (stat(indir, &st) == 0 && S_ISDIR(st.st_mode)) {
		if ((dp = opendir(indir)) == NULL)
			return 0;
		while (empty && (e = readdir(dp)) != NULL)
			empty = strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0;
		closedir(dp);
		if (!empty)
			return 0;
		say("the input folder '%s' is empty. Start a project with "
		    "'peerbrief init', or name another folder with -i DIR.",
		    indir);
		return 1;
	}
	if (stat(indir, &st) == 0)
		return 0;	/* not a folder: the reader says so */
	say("no input folder '%s' here. Start a project with 'peerbrief "
	    "init' (then cd into it), or name the folder with -i DIR.", indir);
	return 1;
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

/*
 * Writes b to the file path through a temporary name beside it, so a
 * failed write leaves no half file; the exit status.
 */
static int
write_file(const char *path, const struct pb_buf *b)
{
	char	*tmp;
	FILE	*f;
	int	 ok;

	tmp = pb_xasprintf("%s.tmp%ld", path, (long)getpid());
	if ((f = fopen(tmp, "wbx")) == NULL) {
		say("%s: %s", path, strerror(errno));
		free(tmp);
		return PB_EXIT_SYSTEM;
	}
	ok = (b->len == 0 || fwrite(b->data, 1, b->len, f) == b->len);
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp, path) != 0) {
		say("%s: %s", path, strerror(errno));
		unlink(tmp);
		free(tmp);
		return PB_EXIT_SYSTEM;
	}
	free(tmp);
	return PB_EXIT_OK;
}

static int
cmd_convert(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "to", required_argument, NULL, 't' },
		{ "standalone", no_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' },
		{ "templates", required_argument, NULL, 'T' },
		{ "from", required_argument, NULL, 'f' },
		{ "max-input-size", required_argument, NULL, 'M' },
		LONGOPTS_COMMON
	};
	struct pb_diags		 d = { NULL, 0, 0, 0, 0 };
	struct pb_read_opts	 o = { 0, PB_MAX_INPUT, NULL };
	char			*sdir = NULL;
	struct pb_buf		 out = { NULL, 0, 0 };
	enum pb_format		 fmt = PB_FMT_HTML;
	const char		*file = "-", *from = NULL, *ofile = NULL;
	char			*tdir = NULL, *end;
	int			 c, standalone = 0, xml, rc;
	unsigned long		 max;

	while ((c = getopt_long(argc, argv, ":t:so:T:f:qvh", longopts,
	    NULL)) != -1) {
		if ((rc = common_option(c, argv)) != -1) {
			if (rc == -2)
				continue;
			free(tdir);
			return rc;
		}
		switch (c) {
		case 't':
			if (strcmp(optarg, "html") == 0)
				fmt = PB_FMT_HTML;
			else if (strcmp(optarg, "docbook") == 0)
				fmt = PB_FMT_DOCBOOK;
			else {
				free(tdir);
				return usage_error("unknown output format "
				    "'%s' (html or docbook)", optarg);
			}
			break;
		case 's':
			standalone = 1;
			break;
		case 'o':
			ofile = optarg;
			break;
		case 'T':
			free(tdir);
			tdir = pb_xstrdup(optarg);
			break;
		case 'f':
			if (strcmp(optarg, "markdown") != 0 &&
			    strcmp(optarg, "xml") != 0) {
				free(tdir);
				return usage_error("unknown input format "
				    "'%s' (markdown or xml)", optarg);
			}
			from = optarg;
			break;
		case 'M':
			max = strtoul(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0') {
				free(tdir);
				return usage_error("--max-input-size wants "
				    "a number of bytes, not '%s'", optarg);
			}
			o.max_bytes = max;
			break;
		}
	}
	if (argc - optind > 1) {
		free(tdir);
		return usage_error("convert takes one file, not %s",
		    argv[optind + 1]);
	}
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
		rc = ofile && strcmp(ofile, "-") != 0 ?
		    write_file(ofile, &out) : write_out(&out);
	print_diags(&d, 0);
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
run_end(struct pb_run *r, int summary)
{
	print_diags(&r->d, summary);
	pb_diags_free(&r->d);
	pb_run_free(r);
}

/* The packets of the run, "a, b" or "none", for messages. */
static void
packet_list(const struct pb_run *r, struct pb_buf *b)
{
	size_t	 i;

	pb_buf_put(b, "", 0);
	for (i = 0; i < r->model->npackets; i++)
		pb_buf_printf(b, "%s%s", i ? ", " : "",
		    r->model->packets[i].id);
	if (r->model->npackets == 0)
		pb_buf_puts(b, "none");
}

/*
 * Finds the packet named by --packet (id; NULL: none) into *pk. Returns 0
 * when found, else prints the packets there are (the nearest first) and
 * returns a usage error.
 */
static int
run_packet(const struct pb_run *r, const char *id,
    const struct pb_packet **pk)
{
	struct pb_buf	 b = { NULL, 0, 0 };
	const char	**names, *near;
	size_t		 i;

	if (id == NULL || (*pk = pb_model_packet(r->model, id)) != NULL)
		return PB_EXIT_OK;
	names = pb_xcalloc(r->model->npackets + 1, sizeof(*names));
	for (i = 0; i < r->model->npackets; i++)
		names[i] = r->model->packets[i].id;
	near = pb_nearest(id, names, r->model->npackets);
	packet_list(r, &b);
	say("no packet '%s' in %s/packets%s%s%s (packets: %s)", id, r->indir,
	    near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "",
	    b.data);
	pb_buf_free(&b);
	free(names);
	return PB_EXIT_USAGE;
}

static int
cmd_figures(int argc, char *argv[], int explain)
{
	static const struct option longopts[] = {
		{ "input", required_argument, NULL, 'i' },
		{ "packet", required_argument, NULL, 'p' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'F' },
		LONGOPTS_COMMON
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
	while ((c = getopt_long(argc, argv, ":i:p:F:qvh", longopts,
	    NULL)) != -1) {
		if ((rc = common_option(c, argv)) != -1) {
			if (rc == -2)
				continue;
			return rc;
		}
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
		}
	}
	if (explain) {
		if (argc - optind != 1)
			return usage_error("explain takes one figure name%s",
			    argc - optind > 1 ? ", not more" : "");
		name = argv[optind];
	} else if (optind < argc)
		return usage_error("figures takes no operands (got '%s')",
		    argv[optind]);
	if (input_missing(r.indir))
		return PB_EXIT_INPUT;
	pb_xml_init(NULL);
	sdir = data_dir("schema");
	if ((rc = run_load(&r, sdir, as_of)) != PB_EXIT_OK ||
	    (rc = run_packet(&r, packet, &pk)) != PB_EXIT_OK)
		goto out;
	if (explain && pk == NULL && strncmp(name, "packet.", 7) == 0) {
		packet_list(&r, &s);
		say("%s is a packet's figure: add --packet ID to say which "
		    "packet (packets: %s)", name, s.data);
		rc = PB_EXIT_USAGE;
		goto out;
	}
	rc = PB_EXIT_INPUT;
	if ((f = pb_run_figures(&r, pk, &r.d)) == NULL)
		goto out;
	if (explain) {
		if ((fig = pb_figures_get(f, name)) == NULL) {
			pb_report_unknown(f, name, &s);
			say("%s", s.data);
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
	run_end(&r, 0);
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
	static const struct option longopts[] = {
		{ "input", required_argument, NULL, 'i' },
		LONGOPTS_COMMON
	};
	struct pb_read_opts	 o = { 1, PB_MAX_INPUT, NULL };
	struct pb_run		 r;
	char			*sdir;
	int			 ch, rc;

	memset(&r, 0, sizeof(r));
	r.indir = "input";
	while ((ch = getopt_long(argc, argv, ":i:qvh", longopts,
	    NULL)) != -1) {
		if ((rc = common_option(ch, argv)) != -1) {
			if (rc == -2)
				continue;
			return rc;
		}
		r.indir = optarg;
	}
	if (optind < argc)
		return usage_error("check takes no operands (got '%s')",
		    argv[optind]);
	if (input_missing(r.indir))
		return PB_EXIT_INPUT;
	pb_xml_init(NULL);
	sdir = data_dir("schema");
	if ((rc = run_load(&r, sdir, NULL)) == PB_EXIT_OK)
		pb_run_check(&r, &o, jobs_default(), 0);
	if (rc == PB_EXIT_OK || rc == PB_EXIT_INPUT)
		rc = r.d.system ? PB_EXIT_SYSTEM : r.d.errors > 0 ?
		    PB_EXIT_INPUT : PB_EXIT_OK;
	run_end(&r, 0);
	pb_xml_cleanup();
	free(sdir);
	return rc;
}

/* Seconds since t0 on the monotonic clock. */
static double
elapsed(const struct timespec *t0)
{
	struct timespec	 t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* A build's progress line: on a terminal, once it has run a second. */
struct progress {
	struct timespec	 t0;
	int		 shown;
};

static void
progress_show(void *arg, size_t done, size_t todo)
{
	struct progress	*p = arg;

	if (elapsed(&p->t0) < 1.0 && !p->shown)
		return;
	fprintf(stderr, "\r%s: %zu of %zu packets built", progname, done,
	    todo);
	p->shown = 1;
}

static int
cmd_build(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "input", required_argument, NULL, 'i' },
		{ "output", required_argument, NULL, 'o' },
		{ "templates", required_argument, NULL, 'T' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "pdf", no_argument, NULL, 'P' },
		LONGOPTS_COMMON
	};
	struct pb_run		 r;
	struct progress		 prog;
	const char		*outdir = "out";
	char			*tdir = NULL, *sdir = NULL, *end;
	char			*chromium = NULL;
	long			 jobs = jobs_default();
	struct pb_buf		 line = { NULL, 0, 0 };
	size_t			 w;
	int			 ch, pdf = 0, rc = PB_EXIT_USAGE, lock;

	memset(&r, 0, sizeof(r));
	memset(&prog, 0, sizeof(prog));
	r.indir = "input";
	while ((ch = getopt_long(argc, argv, ":i:o:t:T:j:qvh", longopts,
	    NULL)) != -1) {
		if ((rc = common_option(ch, argv)) != -1) {
			if (rc == -2)
				continue;
			goto out;
		}
		rc = PB_EXIT_USAGE;
		switch (ch) {
		case 'P':
			pdf = 1;
			break;
		case 'i':
			r.indir = optarg;
			break;
		case 'o':
			outdir = optarg;
			break;
		case 't':
		case 'T':
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
		}
	}
	rc = PB_EXIT_USAGE;
	if (optind < argc) {
		rc = usage_error("build takes no operands (got '%s')",
		    argv[optind]);
		goto out;
	}
	if (pdf && (chromium = pb_pdf_chromium()) == NULL) {
		say("%s", PB_PDF_NEED_CHROMIUM);
		rc = PB_EXIT_SYSTEM;
		goto out;
	}
	if (input_missing(r.indir)) {
		rc = PB_EXIT_INPUT;
		goto out;
	}
	if (tdir == NULL)
		tdir = data_dir("templates");
	sdir = data_dir("schema");
	if (pb_out_overlaps(outdir, r.indir) || pb_out_overlaps(outdir, tdir)) {
		say("the output folder '%s' and the %s folder '%s' overlap (one "
		    "is the other or lies inside it); a build would replace "
		    "it: choose another -o", outdir, pb_out_overlaps(outdir,
		    r.indir) ? "input" : "templates", pb_out_overlaps(outdir,
		    r.indir) ? r.indir : tdir);
		rc = PB_EXIT_USAGE;
		goto out;
	}
	/* one build at a time per output folder: wait for the other */
	if ((lock = pb_out_lock(outdir, 0)) == -1) {
		if (isatty(STDERR_FILENO))
			say("waiting for another build of '%s' to finish",
			    outdir);
		lock = pb_out_lock(outdir, 1);
	}
	if (lock < 0) {
		say("cannot lock the output folder '%s': %s", outdir,
		    strerror(errno));
		rc = PB_EXIT_SYSTEM;
		goto out;
	}
	clock_gettime(CLOCK_MONOTONIC, &prog.t0);
	if (!quiet && isatty(STDERR_FILENO)) {
		r.progress = progress_show;
		r.progress_arg = &prog;
	}
	pb_xml_init(NULL);
	pb_xml_allow(sdir);
	rc = pb_build(&r, outdir, tdir, sdir, jobs, PB_MAX_INPUT, chromium);
	if (prog.shown)
		fputs("\r\033[K", stderr);
	w = warnings_of(&r.d);
	if (rc == PB_EXIT_OK && !quiet) {
		pb_buf_printf(&line, "%zu packet%s built, %zu reused, ",
		    r.built, r.built == 1 ? "" : "s", r.reused);
		if (w > 0)
			pb_buf_printf(&line, "%zu warning%s, ", w,
			    w == 1 ? "" : "s");
		pb_buf_printf(&line, "%.2f s -> ", elapsed(&prog.t0));
		pb_buf_put_safe(&line, outdir);	/* from the command line */
		pb_buf_puts(&line, "/\n");
		fwrite(line.data, 1, line.len, stderr);
		pb_buf_free(&line);
	}
	run_end(&r, rc == PB_EXIT_OK);
	pb_xml_cleanup();
	pb_out_unlock(lock);
out:
	free(chromium);
	free(sdir);
	free(tdir);
	return rc;
}

static int
cmd_init(int argc, char *argv[])
{
	static const struct option longopts[] = {
		LONGOPTS_COMMON
	};
	struct pb_diags	 d = { NULL, 0, 0, 0, 0 };
	const char	*dir = ".";
	char		*skel;
	int		 ch, rc;

	while ((ch = getopt_long(argc, argv, ":qvh", longopts, NULL)) != -1)
		if ((rc = common_option(ch, argv)) != -2)
			return rc;
	if (argc - optind > 1)
		return usage_error("init takes one folder, not %s",
		    argv[optind + 1]);
	if (optind < argc)
		dir = argv[optind];
	skel = data_dir("skeleton");
	rc = pb_init_project(skel, dir, &d);
	print_diags(&d, 0);
	pb_diags_free(&d);
	free(skel);
	if (rc != PB_EXIT_OK || quiet)
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

/* peerbrief --version: the program and the libraries it runs with. */
static int
version(void)
{
	long	 x = strtol(xmlParserVersion, NULL, 10);
	long	 t = xsltLibxsltVersion;

	printf("peerbrief %s\n"
	    "libxml2 %ld.%ld.%ld, libxslt %ld.%ld.%ld, cmark %s, libyaml %s\n"
	    "Copyright (c) 2026 the peerbrief authors. ISC license.\n",
	    PB_VERSION, x / 10000, x / 100 % 100, x % 100, t / 10000,
	    t / 100 % 100, t % 100, cmark_version_string(),
	    yaml_get_version_string());
	return fflush(stdout) == 0 ? PB_EXIT_OK : PB_EXIT_SYSTEM;
}

/* peerbrief help [COMMAND]. */
static int
cmd_help(int argc, char *argv[])
{
	const struct cmd_help	*h;

	if (argc < 2) {
		usage(stdout);
		return PB_EXIT_OK;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return help_print(help_of("help"));
	if ((h = help_of(argv[1])) == NULL)
		return usage_error("no command '%s'", argv[1]);
	return help_print(h);
}

int
main(int argc, char *argv[])
{
	static const struct {
		const char	*name;
		int		(*fn)(int, char *[]);
	} cmds[] = {
		{ "init", cmd_init },
		{ "build", cmd_build },
		{ "check", cmd_check },
		{ "convert", cmd_convert },
		{ "help", cmd_help },
	};
	const char	*names[7], *near;
	size_t		 i;
	int		 rc = PB_EXIT_USAGE;

	opterr = 0;
	if (argc < 2) {
		usage(stderr);
		return PB_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return PB_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)
		return version();
	xmlInitParser();
	exsltRegisterAll();
	current = help_of(argv[1]) ? argv[1] : NULL;
	if (strcmp(argv[1], "figures") == 0)
		rc = cmd_figures(argc - 1, argv + 1, 0);
	else if (strcmp(argv[1], "explain") == 0)
		rc = cmd_figures(argc - 1, argv + 1, 1);
	else {
		for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
			if (strcmp(argv[1], cmds[i].name) == 0)
				break;
		if (i < sizeof(cmds) / sizeof(cmds[0]))
			rc = cmds[i].fn(argc - 1, argv + 1);
		else {
			for (i = 0; helps[i].name != NULL; i++)
				names[i] = helps[i].name;
			near = pb_nearest(argv[1], names, i);
			say("unknown command '%s'%s%s%s", argv[1],
			    near ? "; did you mean '" : "", near ? near : "",
			    near ? "'?" : "");
			usage(stderr);
		}
	}
	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc;
}
