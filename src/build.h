/*
 * build.h - the stages that turn a loaded input folder into packets: the
 * run every command that reads input/ shares, the figures of a packet,
 * the worker pool that assembles and renders packets, and the site's
 * index and feed. The driver (main.c) calls them in order; this module
 * owns what they share.
 */
#ifndef PB_BUILD_H
#define PB_BUILD_H

#include <stddef.h>

#include "arith.h"
#include "pb.h"
#include "position.h"
#include "render.h"

struct pb_figures;
struct pb_figures_base;
struct pb_model;
struct pb_packet;
struct pb_schema;
struct pb_stage;
struct pb_styles;

/* The stages of a build, timed for build -v. */
enum pb_stage_time {
	PB_STAGE_LOAD,		/* read and validate input/ */
	PB_STAGE_CHECK,		/* the positions no packet includes */
	PB_STAGE_PACKETS,	/* assemble and render the packets */
	PB_STAGE_SITE,		/* the index, feed, sitemap and manifest */
	PB_STAGE_WRITE,		/* swap the new out/ in */
	PB_STAGE__MAX
};

/* What every command that reads input/ shares. */
struct pb_run {
	const char		*indir;
	char			*schemadir;	/* set before pb_run_load, or
						 * NULL: data folder; freed */
	struct pb_model		*model;
	struct pb_schema	*posschema;	/* schema/position.rng */
	struct pb_valid		*valid;		/* inputs known to follow
						 * their schemas (pb_build's),
						 * or NULL */
	struct pb_date		 as_of;		/* of date-relative figures */
	struct pb_figures_base	*figs;		/* by pb_run_check: every
						 * organization's figures, each
						 * computed once for the run's
						 * packets, or NULL */
	struct pb_diags		 d;		/* every problem of the run */
	size_t			 built;		/* by pb_build: packets built */
	size_t			 reused;	/* and packets whose previous
						 * output was kept */
	const char		*only;		/* build --packet: the one
						 * packet to build, or NULL */
	unsigned char		*why;		/* by pb_build: per packet,
						 * why built or reused (enum
						 * pb_why); NULL: all were */
	double			 secs[PB_STAGE__MAX]; /* by pb_build */
	/* Called (when set) after each packet a build renders, with the
	 * count done and the count to do, one call at a time. */
	void			(*progress)(void *, size_t, size_t);
	void			*progress_arg;
};

/*
 * Reads and validates r->indir, compiles the position schema and settles
 * the as-of date: as_of when not NULL (given on the command line), else
 * the project's. Returns 0 with the problems recorded in r->d.
 */
int pb_run_load(struct pb_run *r, const char *schemadir,
    const struct pb_date *as_of);

/* Frees what the run holds (not its diagnostics: the driver prints them). */
void pb_run_free(struct pb_run *r);

/*
 * The figures of packet pk (NULL: of every organization), made from
 * r->figs when the check stage computed it (an organization's overflow
 * said there, once), else computed for the one use. Returns a new set
 * (free with pb_figures_free) or NULL with the problems recorded in d.
 */
struct pb_figures *pb_run_figures(const struct pb_run *r,
    const struct pb_packet *pk, struct pb_diags *d);

/* The files of one packet's output, under out/ID/. */
enum pb_output {
	PB_OUT_HTML,		/* ID/index.html */
	PB_OUT_DOCBOOK,		/* ID/ID.dbk */
	PB_OUT_JSON,		/* ID/figures.json */
	PB_OUT_CSV,		/* ID/figures.csv */
	PB_OUT_PDF,		/* ID/ID.pdf, only with build --pdf */
	PB_OUT__MAX
};

/* The path of output o of packet id, relative to out/ (caller frees). */
char *pb_packet_output(const char *id, enum pb_output o);

/*
 * The check stage of a loaded run: computes every organization's figures
 * once into r->figs, as internal sets and the public packets have them,
 * checks the positions no packet includes (read with o, validated with
 * the run's position schema) and,
 * unless render (a build checks its packets as it renders them),
 * assembles every packet with jobs workers. Problems go to r->d.
 */
void pb_run_check(struct pb_run *r, struct pb_read_opts *o, long jobs,
    int render);

/*
 * What can be checked of a run whose input did not load (a broken
 * organization, packet or project): each position is read (with o,
 * validated with the run's position schema) for its own problems, its
 * citations checked unless references.xml broke, and its figure
 * references against the parameters and the organizations that loaded
 * (pb_inject_partial), unless the project or the list of organizations
 * broke: what depends on what broke is left unjudged.
 */
void pb_run_check_alone(struct pb_run *r, struct pb_read_opts *o);

/*
 * The build of r->indir into outdir with the templates tdir and schemas
 * sdir: nothing when outdir is up to date; else load, check, stage a new
 * outdir holding the reused packets' output, build the others with jobs
 * workers, the site's index and feed and the manifest, and swap the
 * stage in. Markdown over max_input bytes is an error. With chromium
 * (the path of pb_pdf_chromium; NULL: none) each packet is also printed
 * to ID/ID.pdf from its HTML. With r->only, that packet alone is built:
 * every other keeps its previous output as it is (and is built only when
 * it has none), and the site's pages list them all; PB_EXIT_USAGE when
 * r->model has no such packet (nothing recorded: the driver says so).
 * Returns the exit status; problems go to r->d.
 */
int pb_build(struct pb_run *r, const char *outdir, const char *tdir,
    const char *sdir, long jobs, size_t max_input, const char *chromium);

/*
 * convert: reads the position file (XML, validated with sdir's schema,
 * when sdir is not NULL; else Markdown) with o, fills in its figure
 * references and renders it with tdir's stylesheet for fmt into out.
 * With pk (a packet of the loaded run r), out is the position as the
 * build of pk shows it: the packet's page (standalone) or only the
 * position's element of it, its tables, charts and citation numbers the
 * page's (convert.c); without, only param.* names resolve (r's
 * project's, or the defaults when r is NULL), every other reference is
 * an error, and a file in an input folder's positions/ gets build's
 * warnings of its images. Returns the exit status; problems go to d.
 */
int pb_convert(const char *file, const char *tdir, const char *sdir,
    enum pb_format fmt, int standalone, struct pb_read_opts *o,
    const struct pb_run *r, const struct pb_packet *pk, struct pb_buf *out,
    struct pb_diags *d);

#endif /* PB_BUILD_H */
