/*
 * cli.c - the command line: every command's options and operands, usage
 * errors, and what the driver prints on standard error and output.
 */
#define _GNU_SOURCE
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "build.h"
#include "cli.h"
#include "help.h"
#include "manifest.h"
#include "model.h"
#include "pb.h"

static const char *progname = "peerbrief";

int pb_quiet;
int pb_verbose;

/* The command a usage error is about, for its hint. */
static const char *current = NULL;

void
pb_cli_begin(const char *cmd)
{
	current = cmd != NULL && pb_help_of(cmd) != NULL ? cmd : NULL;
}

void
pb_say(const char *fmt, ...)
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

void
pb_cmd_say(const char *fmt, ...)
{
	va_list		 ap;
	char		*m;
	struct pb_buf	 b = { NULL, 0, 0 };

	va_start(ap, fmt);
	m = pb_xvasprintf(fmt, ap);
	va_end(ap);
	pb_buf_printf(&b, "%s%s%s: ", progname, current ? " " : "",
	    current ? current : "");
	pb_buf_put_safe(&b, m);
	pb_buf_putc(&b, '\n');
	fwrite(b.data, 1, b.len, stderr);
	pb_buf_free(&b);
	free(m);
}

int
pb_usage_hint(void)
{
	if (current != NULL)
		fprintf(stderr, "usage: peerbrief %s %s\n"
		    "Run 'peerbrief %s --help' for its options.\n", current,
		    pb_help_of(current)->synopsis, current);
	else
		pb_usage(stderr);
	return PB_EXIT_USAGE;
}

int
pb_usage_error(const char *fmt, const char *arg)
{
	char	*m = pb_xasprintf(fmt, arg);

	pb_cmd_say("%s", m);
	free(m);
	return pb_usage_hint();
}


/* The long options of the command being read, for "did you mean". */
static const struct option *longs;

/* getopt_long over the options of one command. */
static int
next_opt(int argc, char *argv[], const char *shorts,
    const struct option *longopts)
{
	longs = longopts;
	return getopt_long(argc, argv, shorts, longopts, NULL);
}

/*
 * The usage error for what getopt_long returned as '?' or ':' (opterr is
 * off, so it printed nothing): the option as the user wrote it, and for
 * an unknown long one the nearest the command takes.
 */
static int
option_error(int c, char *argv[])
{
	const char	*arg = argv[optind - 1], *names[32], *near = NULL;
	char		 shortopt[3] = { '-', (char)optopt, '\0' }, *m, *w;
	size_t		 n;
	int		 rc;

	if (optopt != 0 && strncmp(arg, "--", 2) != 0)
		arg = shortopt;
	if (c == ':')
		return pb_usage_error("option %s needs a value", arg);
	if (strncmp(arg, "--", 2) != 0 || longs == NULL)
		return pb_usage_error("unknown option %s", arg);
	for (n = 0; n < 32 && longs[n].name != NULL; n++)
		names[n] = longs[n].name;
	w = pb_xstrndup(arg + 2, strcspn(arg + 2, "="));
	near = pb_nearest(w, names, n);
	m = pb_xasprintf("unknown option %s%s%s%s", arg, near ?
	    "; did you mean --" : "", near ? near : "", near ? "?" : "");
	rc = pb_usage_error("%s", m);
	free(m);
	free(w);
	return rc;
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
		pb_quiet = 1;
		pb_verbose = 0;
		return -2;
	case 'v':
		pb_quiet = 0;
		pb_verbose = 1;
		return -2;
	case 'h':
		return pb_help_print(pb_help_of(current));
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

void
pb_print_diags(struct pb_diags *d, int summary)
{
	struct pb_buf	 b = { NULL, 0, 0 };
	size_t		 i, w = warnings_of(d);
	int		 col = colour();

	pb_diags_sort(d);
	for (i = 0; i < d->n; i++) {
		if (pb_quiet && d->v[i].sev != PB_ERROR)
			continue;
		b.len = 0;
		pb_diag_format(&d->v[i], &b);
		put_diag(b.data, col);
	}
	pb_buf_free(&b);
	if (pb_quiet)
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
 * The first (by name) folder of the current one that holds
 * input/peerbrief.xml, as a project that peerbrief init wrote does, or
 * NULL; the caller frees it.
 */
static char *
project_below(void)
{
	DIR		*dp;
	struct dirent	*e;
	struct stat	 st;
	char		*p, *best = NULL;

	if ((dp = opendir(".")) == NULL)
		return NULL;
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		p = pb_xasprintf("%s/input/peerbrief.xml", e->d_name);
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode) &&
		    (best == NULL || strcmp(e->d_name, best) < 0)) {
			free(best);
			best = pb_xstrdup(e->d_name);
		}
		free(p);
	}
	closedir(dp);
	return best;
}

int
pb_input_missing(const char *indir)
{
	struct stat	 st;
	DIR		*dp;
	struct dirent	*e;
	char		*near;
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
		pb_say("the input folder '%s' is empty. Start a project with "
		    "'peerbrief init', or name another folder with -i DIR.",
		    indir);
		return 1;
	}
	if (stat(indir, &st) == 0)
		return 0;	/* not a folder: the reader says so */
	if (strcmp(indir, "input") == 0 && stat("peerbrief.xml", &st) == 0) {
		pb_say("no input folder 'input' here, but this folder holds "
		    "peerbrief.xml: it is an input folder itself. Run "
		    "peerbrief in the folder above it (cd ..), or name this "
		    "one with -i .");
		return 1;
	}
	if (strcmp(indir, "input") == 0 && (near = project_below()) != NULL) {
		pb_say("no input folder 'input' here, but %s/ holds a project: "
		    "cd %s first, or name its input with -i %s/input.", near,
		    near, near);
		free(near);
		return 1;
	}
	if (strcmp(indir, "input") != 0 &&
	    stat("input/peerbrief.xml", &st) == 0) {
		pb_say("no input folder '%s' here, but input/ holds a project: "
		    "did you mean -i input (the default, which -i can leave "
		    "out)?", indir);
		return 1;
	}
	pb_say("no input folder '%s' here. Start a project with 'peerbrief "
	    "init' (then cd into it), or name the folder with -i DIR.", indir);
	return 1;
}

int
pb_flush_out(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		pb_say("cannot write to standard output: %s", strerror(errno));
		return PB_EXIT_SYSTEM;
	}
	return PB_EXIT_OK;
}

int
pb_write_out(const struct pb_buf *b)
{
	if (b->len > 0)
		(void)fwrite(b->data, 1, b->len, stdout); /* ferror tells */
	return pb_flush_out();
}

/* Writes b into the open file fd (a device or a pipe -o names); 0 on
 * failure, errno set. */
static int
write_all(int fd, const struct pb_buf *b)
{
	size_t	 off = 0;
	ssize_t	 n;

	while (off < b->len) {
		if ((n = write(fd, b->data + off, b->len - off)) < 0) {
			if (errno == EINTR)
				continue;
			return 0;
		}
		off += (size_t)n;
	}
	return 1;
}

int
pb_write_file(const char *path, const struct pb_buf *b)
{
	struct stat	 st;
	char		*tmp, *real = NULL;
	FILE		*f;
	int		 ok, fd, e;

	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode)) {
		/* a device or a named pipe (/dev/stdout, a FIFO): written
		 * into, never replaced by a file of the same name */
		if ((fd = open(path, O_WRONLY | O_CLOEXEC)) < 0) {
			pb_say("%s: %s", path, strerror(errno));
			return PB_EXIT_SYSTEM;
		}
		ok = write_all(fd, b);
		e = errno;
		ok = close(fd) == 0 && ok;
		if (!ok) {
			pb_say("%s: %s", path, strerror(ok ? errno : e));
			return PB_EXIT_SYSTEM;
		}
		return PB_EXIT_OK;
	}
	/* a link to a file: the file it leads to is replaced, not the link */
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
		real = realpath(path, NULL);
	tmp = pb_xasprintf("%s.tmp%ld", real ? real : path, (long)getpid());
	if ((f = fopen(tmp, "wbx")) == NULL) {
		pb_say("%s: %s", path, strerror(errno));
		free(tmp);
		free(real);
		return PB_EXIT_SYSTEM;
	}
	ok = (b->len == 0 || fwrite(b->data, 1, b->len, f) == b->len);
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp, real ? real : path) != 0) {
		pb_say("%s: %s", path, strerror(errno));
		unlink(tmp);
		free(tmp);
		free(real);
		return PB_EXIT_SYSTEM;
	}
	free(tmp);
	free(real);
	return PB_EXIT_OK;
}

/*
 * Reads convert's option c (its value in optarg) into o. Returns -1, or
 * the exit status of its usage error.
 */
static int
convert_option(int c, struct pb_cli_convert *o)
{
	char		*end;
	unsigned long	 max;

	switch (c) {
	case 't':
		if (strcmp(optarg, "html") == 0)
			o->fmt = PB_FMT_HTML;
		else if (strcmp(optarg, "docbook") == 0)
			o->fmt = PB_FMT_DOCBOOK;
		else if (strcmp(optarg, "pdf") == 0)
			return pb_usage_error("unknown output format '%s' "
			    "(html or docbook); a packet's PDF comes from "
			    "'peerbrief build --pdf'", optarg);
		else
			return pb_usage_error("unknown output format '%s' "
			    "(html or docbook)", optarg);
		break;
	case 's':
		o->standalone = 1;
		break;
	case 'i':
		o->indir = optarg;
		break;
	case 'p':
		o->packet = optarg;
		break;
	case 'o':
		o->ofile = optarg;
		break;
	case 'T':
		free(o->tdir);
		o->tdir = pb_xstrdup(optarg);
		break;
	case 'f':
		if (strcmp(optarg, "markdown") != 0 &&
		    strcmp(optarg, "xml") != 0)
			return pb_usage_error("unknown input format '%s' "
			    "(markdown or xml)", optarg);
		o->from = optarg;
		break;
	case 'M':
		max = strtoul(optarg, &end, 10);
		if (*optarg == '\0' || *end != '\0')
			return pb_usage_error("--max-input-size wants a number "
			    "of bytes, not '%s'", optarg);
		o->max_bytes = max;
		break;
	}
	return -1;
}

int
pb_cli_convert(int argc, char *argv[], struct pb_cli_convert *o)
{
	static const struct option longopts[] = {
		{ "to", required_argument, NULL, 't' },
		{ "standalone", no_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' },
		{ "templates", required_argument, NULL, 'T' },
		{ "from", required_argument, NULL, 'f' },
		{ "max-input-size", required_argument, NULL, 'M' },
		{ "input", required_argument, NULL, 'i' },
		{ "packet", required_argument, NULL, 'p' },
		LONGOPTS_COMMON
	};
	int		 c, rc;

	memset(o, 0, sizeof(*o));
	o->file = "-";
	o->fmt = PB_FMT_HTML;
	o->max_bytes = PB_MAX_INPUT;
	while ((c = next_opt(argc, argv, ":t:so:T:f:i:p:qvh",
	    longopts)) != -1) {
		if ((rc = common_option(c, argv)) == -2)
			continue;
		if (rc != -1 || (rc = convert_option(c, o)) != -1)
			goto fail;
	}
	if (argc - optind > 1) {
		rc = pb_usage_error("convert takes one file, not %s",
		    argv[optind + 1]);
		goto fail;
	}
	if (optind < argc)
		o->file = argv[optind];
	if (o->packet != NULL && o->indir == NULL)
		o->indir = "input";	/* as every command over input/ */
	return PB_CLI_RUN;
fail:
	free(o->tdir);
	o->tdir = NULL;
	return rc;
}

/*
 * The usage error of a command that takes no operands, given arg: when
 * arg is an input folder or a project's folder, it says how to name it.
 */
static int
no_operands(const char *cmd, const char *arg)
{
	struct stat	 st;
	char		*p, *m;
	int		 in, proj, rc;

	p = pb_xasprintf("%s/peerbrief.xml", arg);
	in = stat(p, &st) == 0;
	free(p);
	p = pb_xasprintf("%s/input/peerbrief.xml", arg);
	proj = !in && stat(p, &st) == 0;
	free(p);
	m = pb_xasprintf("%s takes no operands (got '%s')%s%s%s%s%s%s%s", cmd,
	    arg, in ? "; to read that input folder, write -i " : "",
	    in ? arg : "", proj ? "; that folder holds a project: cd " : "",
	    proj ? arg : "", proj ? " first, or name its input with -i " :
	    "", proj ? arg : "", proj ? "/input" : "");
	rc = pb_usage_error("%s", m);
	free(m);
	return rc;
}

int
pb_cli_figures(int argc, char *argv[], int explain, struct pb_cli_figures *o)
{
	static const struct option longopts[] = {
		{ "input", required_argument, NULL, 'i' },
		{ "packet", required_argument, NULL, 'p' },
		{ "as-of", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'F' },
		LONGOPTS_COMMON
	};
	int		 c, rc;

	memset(o, 0, sizeof(*o));
	o->indir = "input";
	o->fmt = PB_REPORT_TEXT;
	while ((c = next_opt(argc, argv, ":i:p:F:qvh", longopts)) != -1) {
		if ((rc = common_option(c, argv)) != -1) {
			if (rc == -2)
				continue;
			return rc;
		}
		switch (c) {
		case 'i':
			o->indir = optarg;
			break;
		case 'p':
			o->packet = optarg;
			break;
		case 'a':
			if (!pb_date_parse(optarg, &o->as_of))
				return pb_usage_error("--as-of wants a date "
				    "YYYY-MM-DD, not '%s'", optarg);
			break;
		case 'F':
			if (explain)
				return pb_usage_error("explain has no %s",
				    "--format");
			if (strcmp(optarg, "text") == 0)
				o->fmt = PB_REPORT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				o->fmt = PB_REPORT_JSON;
			else if (strcmp(optarg, "csv") == 0)
				o->fmt = PB_REPORT_CSV;
			else
				return pb_usage_error("unknown format '%s' "
				    "(text, json or csv)", optarg);
			break;
		}
	}
	if (explain) {
		if (argc - optind != 1)
			return pb_usage_error("explain takes one figure "
			    "name%s", argc - optind > 1 ? ", not more" : "");
		o->name = argv[optind];
	} else if (optind < argc)
		return no_operands("figures", argv[optind]);
	return PB_CLI_RUN;
}

int
pb_cli_check(int argc, char *argv[], const char **indir)
{
	static const struct option longopts[] = {
		{ "input", required_argument, NULL, 'i' },
		LONGOPTS_COMMON
	};
	int	 ch, rc;

	*indir = "input";
	while ((ch = next_opt(argc, argv, ":i:qvh", longopts)) != -1) {
		if ((rc = common_option(ch, argv)) != -1) {
			if (rc == -2)
				continue;
			return rc;
		}
		*indir = optarg;
	}
	if (optind < argc)
		return no_operands("check", argv[optind]);
	return PB_CLI_RUN;
}

long
pb_cli_jobs(void)
{
	long	 n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n;
}

int
pb_cli_build(int argc, char *argv[], struct pb_cli_build *o)
{
	static const struct option longopts[] = {
		{ "input", required_argument, NULL, 'i' },
		{ "output", required_argument, NULL, 'o' },
		{ "templates", required_argument, NULL, 'T' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "pdf", no_argument, NULL, 'P' },
		{ "packet", required_argument, NULL, 'p' },
		LONGOPTS_COMMON
	};
	char	*end;
	int	 ch, rc;

	memset(o, 0, sizeof(*o));
	o->indir = "input";
	o->outdir = "out";
	o->jobs = pb_cli_jobs();
	while ((ch = next_opt(argc, argv, ":i:o:t:T:j:p:qvh",
	    longopts)) != -1) {
		if ((rc = common_option(ch, argv)) != -1) {
			if (rc == -2)
				continue;
			goto fail;
		}
		switch (ch) {
		case 'P':
			o->pdf = 1;
			break;
		case 'p':
			o->packet = optarg;
			break;
		case 'i':
			o->indir = optarg;
			break;
		case 'o':
			o->outdir = optarg;
			break;
		case 't':
		case 'T':
			free(o->tdir);
			o->tdir = pb_xstrdup(optarg);
			break;
		case 'j':
			o->jobs = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || o->jobs < 1 ||
			    o->jobs > 256) {
				rc = pb_usage_error("-j wants a number of "
				    "workers from 1 to 256, not '%s'", optarg);
				goto fail;
			}
			break;
		}
	}
	if (optind < argc) {
		rc = no_operands("build", argv[optind]);
		goto fail;
	}
	return PB_CLI_RUN;
fail:
	free(o->tdir);
	o->tdir = NULL;
	return rc;
}

/*
 * Reads the common options (-q, -v, -h) of a command that takes at most
 * one operand, and sets *operand to it when there is one; more than one
 * is a usage error, worded by fmt with the first extra operand.
 */
static int
one_operand(int argc, char *argv[], const char *fmt,
    const char **operand)
{
	static const struct option longopts[] = {
		LONGOPTS_COMMON
	};
	int	 ch, rc;

	while ((ch = next_opt(argc, argv, ":qvh", longopts)) != -1)
		if ((rc = common_option(ch, argv)) != -2)
			return rc;
	if (argc - optind > 1)
		return pb_usage_error(fmt, argv[optind + 1]);
	if (optind < argc)
		*operand = argv[optind];
	return PB_CLI_RUN;
}

int
pb_cli_init(int argc, char *argv[], const char **dir)
{
	*dir = ".";
	return one_operand(argc, argv, "init takes one folder, not %s", dir);
}

int
pb_cli_help(int argc, char *argv[], const char **cmd)
{
	const char	*names[8], *near;
	char		*m;
	size_t		 n;
	int		 rc;

	*cmd = NULL;
	rc = one_operand(argc, argv, "help takes one command, not %s", cmd);
	if (rc != PB_CLI_RUN)
		return rc;
	if (optind < argc && pb_help_of(argv[optind]) == NULL) {
		n = pb_help_names(names, sizeof(names) / sizeof(names[0]));
		near = pb_nearest(argv[optind], names, n);
		m = pb_xasprintf("no command '%s'%s%s%s", argv[optind],
		    near ? "; did you mean '" : "", near ? near : "",
		    near ? "'?" : "");
		rc = pb_usage_error("%s", m);
		free(m);
		return rc;
	}
	return PB_CLI_RUN;
}

void
pb_cli_packets(const struct pb_run *r, struct pb_buf *b)
{
	size_t	 i;

	pb_buf_put(b, "", 0);
	for (i = 0; i < r->model->npackets; i++)
		pb_buf_printf(b, "%s%s", i ? ", " : "",
		    r->model->packets[i].id);
	if (r->model->npackets == 0)
		pb_buf_puts(b, "none");
}

int
pb_cli_packet(const struct pb_run *r, const char *id,
    const struct pb_packet **pk)
{
	struct pb_buf	 b = { NULL, 0, 0 };
	const char	**names, *near;
	char		*m;
	size_t		 i;
	int		 rc;

	if (id == NULL || (*pk = pb_model_packet(r->model, id)) != NULL)
		return PB_EXIT_OK;
	names = pb_xcalloc(r->model->npackets + 1, sizeof(*names));
	for (i = 0; i < r->model->npackets; i++)
		names[i] = r->model->packets[i].id;
	near = pb_nearest(id, names, r->model->npackets);
	pb_cli_packets(r, &b);
	m = pb_xasprintf("no packet '%s' in %s/packets%s%s%s (packets: %s)",
	    id, r->indir, near ? "; did you mean '" : "", near ? near : "",
	    near ? "'?" : "", b.data);
	/* a usage error as any other: the command's name, then its usage */
	rc = pb_usage_error("%s", m);
	free(m);
	pb_buf_free(&b);
	free(names);
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

static void
progress_show(void *arg, size_t done, size_t todo)
{
	struct pb_progress	*p = arg;

	if (elapsed(&p->t0) < 1.0 && !p->shown)
		return;
	fprintf(stderr, "\r%s: %zu of %zu packets built", progname, done,
	    todo);
	p->shown = 1;
}

/*
 * build -v: for each packet, built or reused and why, then how long each
 * stage took; or, when the build found nothing changed, that.
 */
static void
say_why(const struct pb_run *r)
{
	static const char *const why[] = {
		[PB_WHY_NEW] = "built: the output folder had none of it",
		[PB_WHY_CHANGED] = "built: what it is made from changed (its "
		    "files, the templates or the program)",
		[PB_WHY_OUTPUT] = "built: its output in the output folder was "
		    "changed or removed",
		[PB_WHY_SAME] = "reused: nothing it is made from changed",
		[PB_WHY_KEPT] = "reused: kept as it was (--packet names "
		    "another)",
	};
	static const char *const stage[PB_STAGE__MAX] = { "load", "check",
		"packets", "site", "write" };
	struct pb_buf	 b = { NULL, 0, 0 };
	size_t		 i;

	if (r->why == NULL) {
		pb_say("nothing changed since the last build: every packet "
		    "reused");
		return;
	}
	for (i = 0; i < r->model->npackets; i++)
		pb_say("%s: %s", r->model->packets[i].id, why[r->why[i]]);
	pb_buf_put(&b, "", 0);
	for (i = 0; i < PB_STAGE__MAX; i++)
		pb_buf_printf(&b, "%s%s %.2f s", i ? ", " : "", stage[i],
		    r->secs[i]);
	pb_say("%s", b.data);
	pb_buf_free(&b);
}

void
pb_progress_start(struct pb_progress *p, struct pb_run *r)
{
	memset(p, 0, sizeof(*p));
	clock_gettime(CLOCK_MONOTONIC, &p->t0);
	if (!pb_quiet && isatty(STDERR_FILENO)) {
		r->progress = progress_show;
		r->progress_arg = p;
	}
}

void
pb_progress_end(struct pb_progress *p)
{
	if (p->shown)
		fputs("\r\033[K", stderr);
}

void
pb_say_built(const struct pb_run *r, const struct pb_progress *p,
    const char *outdir)
{
	struct pb_buf	 line = { NULL, 0, 0 };
	size_t		 w = warnings_of(&r->d);

	if (pb_verbose)
		say_why(r);
	if (pb_quiet)
		return;
	pb_buf_printf(&line, "%zu packet%s built, %zu reused, ", r->built,
	    r->built == 1 ? "" : "s", r->reused);
	if (w > 0)
		pb_buf_printf(&line, "%zu warning%s, ", w, w == 1 ? "" : "s");
	pb_buf_printf(&line, "%.2f s -> ", elapsed(&p->t0));
	pb_buf_put_safe(&line, outdir);	/* from the command line */
	pb_buf_puts(&line, "/\n");
	fwrite(line.data, 1, line.len, stderr);
	pb_buf_free(&line);
}

/* "N NOUNs" into b, the noun's plural with an s. */
static void
count_of(struct pb_buf *b, size_t n, const char *noun)
{
	pb_buf_printf(b, "%zu %s%s", n, noun, n == 1 ? "" : "s");
}

void
pb_say_checked(const struct pb_run *r)
{
	struct pb_buf	 line = { NULL, 0, 0 };
	size_t		 w = warnings_of(&r->d);

	if (!pb_verbose || r->d.errors > 0 || r->model == NULL)
		return;
	pb_buf_puts(&line, "checked ");
	pb_buf_put_safe(&line, r->indir);	/* from the command line */
	pb_buf_puts(&line, "/: ");
	count_of(&line, r->model->npackets, "packet");
	pb_buf_puts(&line, ", ");
	count_of(&line, r->model->norgs, "organization");
	pb_buf_puts(&line, " and ");
	count_of(&line, r->model->npositions, "position");
	pb_buf_puts(&line, "; no errors");
	if (w > 0) {
		pb_buf_puts(&line, ", ");
		count_of(&line, w, "warning");
	}
	pb_buf_puts(&line, "\n");
	fwrite(line.data, 1, line.len, stderr);
	pb_buf_free(&line);
}

int
pb_cli_leading(int argc, char *argv[])
{
	int	 i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-q") == 0 ||
		    strcmp(argv[i], "--quiet") == 0) {
			pb_quiet = 1;
			pb_verbose = 0;
		} else if (strcmp(argv[i], "-v") == 0 ||
		    strcmp(argv[i], "--verbose") == 0) {
			pb_quiet = 0;
			pb_verbose = 1;
		} else
			break;
	}
	return i - 1;
}
