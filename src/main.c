/*
 * main.c - the driver: the command line (read by cli.c, its words in
 * help.c) and the order of the stages of each command. With cli.c and
 * help.c, the only part of the program that prints.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <libexslt/exslt.h>

#include "build.h"
#include "cli.h"
#include "figures.h"
#include "help.h"
#include "init.h"
#include "model.h"
#include "pb.h"
#include "publish.h"
#include "pdf.h"
#include "report.h"
#include "xmlread.h"

#ifndef PB_DATADIR
#define PB_DATADIR "/usr/local/share/peerbrief"
#endif

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

/*
 * Loads input/ for a command, with the as-of date of the command line
 * when as_of is not NULL. Returns 0 when it loaded, else the exit
 * status (the problems recorded in r->d).
 */
static int
run_load(struct pb_run *r, const char *schemadir,
    const struct pb_date *as_of)
{
	pb_xml_allow(schemadir);
	if (!pb_run_load(r, schemadir, as_of))
		return r->d.system ? PB_EXIT_SYSTEM : PB_EXIT_INPUT;
	return PB_EXIT_OK;
}

/* Ends a command over input/: prints its problems and frees it. */
static void
run_end(struct pb_run *r, int summary)
{
	pb_print_diags(&r->d, summary);
	pb_diags_free(&r->d);
	pb_run_free(r);
}

static int
cmd_convert(int argc, char *argv[])
{
	struct pb_cli_convert	 c;
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_read_opts	 o = { 0, PB_MAX_INPUT, NULL, NULL };
	struct pb_run		 r;
	const struct pb_packet	*pk = NULL;
	char			*sdir = NULL, *rsdir = NULL;
	struct pb_buf		 out = { NULL, 0, 0 };
	int			 xml, rc;

	if ((rc = pb_cli_convert(argc, argv, &c)) != PB_CLI_RUN)
		return rc;
	o.max_bytes = c.max_bytes;
	if (c.tdir == NULL)
		c.tdir = data_dir("templates");
	xml = c.from ? c.from[0] == 'x' : has_suffix(c.file, ".xml");
	memset(&r, 0, sizeof(r));
	pb_xml_init(NULL);
	if (c.indir != NULL) {
		/* the figures of the input folder's project, or its packet */
		r.indir = c.indir;
		rsdir = data_dir("schema");
		if (pb_input_missing(r.indir))
			rc = PB_EXIT_INPUT;
		else if ((rc = run_load(&r, rsdir, NULL)) == PB_EXIT_OK)
			rc = pb_cli_packet(&r, c.packet, &pk);
		if (rc != PB_EXIT_OK)
			goto out;
	}
	if (xml)
		sdir = data_dir("schema");
	if ((rc = pb_convert(c.file, c.tdir, sdir, c.fmt, c.standalone, &o,
	    c.indir ? &r : NULL, pk, &out, &d)) == PB_EXIT_OK)
		rc = c.ofile && strcmp(c.ofile, "-") != 0 ?
		    pb_write_file(c.ofile, &out) : pb_write_out(&out);
out:
	pb_diags_merge(&r.d, &d);
	pb_diags_free(&d);
	run_end(&r, 0);
	pb_buf_free(&out);
	pb_xml_cleanup();
	free(sdir);
	free(rsdir);
	free(c.tdir);
	return rc;
}

static int
cmd_figures(int argc, char *argv[], int explain)
{
	struct pb_cli_figures	 c;
	struct pb_run		 r;
	const struct pb_packet	*pk = NULL;
	struct pb_figures	*f = NULL;
	struct pb_buf		 out = { NULL, 0, 0 }, s = { NULL, 0, 0 };
	const struct pb_figure	*fig = NULL;
	const char		*name;
	char			*sdir = NULL, *tdir = NULL;
	int			 rc;

	if ((rc = pb_cli_figures(argc, argv, explain, &c)) != PB_CLI_RUN)
		return rc;
	name = c.name;
	memset(&r, 0, sizeof(r));
	r.indir = c.indir;
	if (pb_input_missing(r.indir))
		return PB_EXIT_INPUT;
	pb_xml_init(NULL);
	sdir = data_dir("schema");
	if ((rc = run_load(&r, sdir, c.as_of.y ? &c.as_of : NULL)) != PB_EXIT_OK ||
	    (rc = pb_cli_packet(&r, c.packet, &pk)) != PB_EXIT_OK)
		goto out;
	if (explain && pk == NULL && strncmp(name, "packet.", 7) == 0) {
		/* every packet has the same packet.* names: the first one's
		 * say whether NAME is one */
		if (r.model->npackets > 0 && (f = pb_run_figures(&r,
		    &r.model->packets[0], &r.d)) == NULL) {
			rc = PB_EXIT_INPUT;
			goto out;
		}
		pb_cli_packets(&r, &s);
		pb_report_unexplained(f, name, s.data, &out);
		rc = pb_usage_error("%s", out.data);
		goto out;
	}
	rc = PB_EXIT_INPUT;
	if ((f = pb_run_figures(&r, pk, &r.d)) == NULL)
		goto out;
	if (explain && (fig = pb_figures_get(f, name)) == NULL) {
		pb_report_unexplained(f, name, NULL, &s);
		rc = pb_usage_error("%s", s.data);
		goto out;
	}
	tdir = data_dir("templates");
	rc = pb_report_write(f, fig, c.fmt, tdir, &out, &r.d) ?
	    pb_write_out(&out) : PB_EXIT_SYSTEM;
out:
	pb_buf_free(&out);
	pb_buf_free(&s);
	pb_figures_free(f);
	run_end(&r, 0);
	pb_xml_cleanup();
	free(sdir);
	free(tdir);
	return rc;
}

static int
cmd_check(int argc, char *argv[])
{
	struct pb_read_opts	 o = { 1, PB_MAX_INPUT, NULL, NULL };
	struct pb_run		 r;
	char			*sdir;
	int			 rc;

	memset(&r, 0, sizeof(r));
	if ((rc = pb_cli_check(argc, argv, &r.indir)) != PB_CLI_RUN)
		return rc;
	if (pb_input_missing(r.indir))
		return PB_EXIT_INPUT;
	pb_xml_init(NULL);
	sdir = data_dir("schema");
	if ((rc = run_load(&r, sdir, NULL)) == PB_EXIT_OK)
		pb_run_check(&r, &o, pb_cli_jobs(), 0);
	else if (rc == PB_EXIT_INPUT)
		pb_run_check_alone(&r, &o);
	if (rc == PB_EXIT_OK || rc == PB_EXIT_INPUT)
		rc = r.d.system ? PB_EXIT_SYSTEM : r.d.errors > 0 ?
		    PB_EXIT_INPUT : PB_EXIT_OK;
	/* with -v, a line that counts the warnings follows them */
	pb_print_diags(&r.d, pb_verbose && rc == PB_EXIT_OK);
	if (rc == PB_EXIT_OK)
		pb_say_checked(&r);
	pb_diags_free(&r.d);
	pb_run_free(&r);
	pb_xml_cleanup();
	free(sdir);
	return rc;
}

static int
cmd_build(int argc, char *argv[])
{
	struct pb_cli_build	 c;
	struct pb_run		 r;
	const struct pb_packet	*pk;
	struct pb_progress	 prog;
	const char		*outdir;
	char			*tdir, *sdir = NULL;
	char			*chromium = NULL;
	int			 rc, lock;

	if ((rc = pb_cli_build(argc, argv, &c)) != PB_CLI_RUN)
		return rc;
	memset(&r, 0, sizeof(r));
	r.indir = c.indir;
	r.only = c.packet;
	outdir = c.outdir;
	tdir = c.tdir;
	if (c.pdf && (chromium = pb_pdf_chromium()) == NULL) {
		pb_say("%s", PB_PDF_NEED_CHROMIUM);
		rc = PB_EXIT_SYSTEM;
		goto out;
	}
	if (pb_input_missing(r.indir)) {
		rc = PB_EXIT_INPUT;
		goto out;
	}
	if (tdir == NULL)
		tdir = data_dir("templates");
	sdir = data_dir("schema");
	if ((rc = pb_out_take(outdir, r.indir, tdir, isatty(STDERR_FILENO),
	    pb_cmd_say, &lock)) != PB_EXIT_OK) {
		if (rc == PB_EXIT_USAGE)	/* -o over -i or -T */
			pb_usage_hint();
		goto out;
	}
	pb_progress_start(&prog, &r);
	pb_xml_init(NULL);
	pb_xml_allow(sdir);
	rc = pb_build(&r, outdir, tdir, sdir, c.jobs, PB_MAX_INPUT, chromium);
	pb_progress_end(&prog);
	if (rc == PB_EXIT_USAGE)	/* no packet --packet names */
		pb_cli_packet(&r, c.packet, &pk);
	/* the problems first, as cc and make print them; the summary last */
	pb_print_diags(&r.d, rc == PB_EXIT_OK);
	if (rc == PB_EXIT_OK)
		pb_say_built(&r, &prog, outdir);
	pb_diags_free(&r.d);
	pb_run_free(&r);
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
	struct pb_diags	 d = { NULL, 0, 0, 0 };
	struct pb_buf	 safe = { NULL, 0, 0 };
	const char	*dir;
	char		*skel;
	int		 rc;

	if ((rc = pb_cli_init(argc, argv, &dir)) != PB_CLI_RUN)
		return rc;
	skel = data_dir("skeleton");
	rc = pb_init_project(skel, dir, &d);
	pb_print_diags(&d, 0);
	pb_diags_free(&d);
	free(skel);
	if (rc != PB_EXIT_OK || pb_quiet)
		return rc;
	if (strcmp(dir, ".") == 0)
		printf("A new project in input/. Build it with\n"
		    "  peerbrief build\n"
		    "and open out/first-packet/index.html.\n");
	else {
		/* the folder comes from the command line: escaped */
		pb_buf_put_safe(&safe, dir);
		printf("A new project in %s/. Build it with\n"
		    "  cd %s && peerbrief build\n"
		    "and open %s/out/first-packet/index.html.\n", safe.data,
		    safe.data, safe.data);
		pb_buf_free(&safe);
	}
	return PB_EXIT_OK;
}

/* peerbrief help [COMMAND]: -q and -v are taken, as by every command,
 * and change nothing of what help prints. */
static int
cmd_help(int argc, char *argv[])
{
	const char	*cmd;
	int		 rc;

	if ((rc = pb_cli_help(argc, argv, &cmd)) != PB_CLI_RUN)
		return rc;
	if (cmd == NULL) {
		pb_usage(stdout);
		return pb_flush_out();
	}
	return pb_help_print(pb_help_of(cmd));
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
	static const char *const opts[] = { "--help", "--version", "--quiet",
		"--verbose" };
	const char	*names[7], *near;
	size_t		 i;
	int		 rc = PB_EXIT_USAGE;

	opterr = 0;
	i = (size_t)pb_cli_leading(argc, argv);
	argc -= (int)i;
	argv += i;
	if (argc < 2) {
		pb_usage(stderr);
		return PB_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		pb_usage(stdout);
		return pb_flush_out();
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)
		return pb_version();
	xmlInitParser();
	exsltRegisterAll();
	pb_cli_begin(argv[1]);
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
		else if (argv[1][0] == '-') {
			/* an option before any command: only these */
			near = pb_nearest(argv[1], opts, sizeof(opts) /
			    sizeof(opts[0]));
			if (near != NULL)
				pb_say("unknown option %s; did you mean %s?",
				    argv[1], near);
			else
				pb_say("unknown option %s before the command: "
				    "write it after one (peerbrief build -o "
				    "DIR)", argv[1]);
			pb_usage(stderr);
		} else {
			i = pb_help_names(names, sizeof(names) /
			    sizeof(names[0]));
			near = pb_nearest(argv[1], names, i);
			pb_say("unknown command '%s'%s%s%s", argv[1],
			    near ? "; did you mean '" : "", near ? near : "",
			    near ? "'?" : "");
			pb_usage(stderr);
		}
	}
	xsltCleanupGlobals();
	xmlCleanupParser();
	return rc;
}
