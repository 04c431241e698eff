/*
 * cli.h - the command line: each command's options read into a plain
 * structure, usage errors, and what the driver prints (messages,
 * diagnostics, results on standard output). Part of the driver, which
 * alone prints; the words of the help are in help.h.
 */
#ifndef PB_CLI_H
#define PB_CLI_H

#include <stddef.h>
#include <time.h>

#include "pb.h"
#include "render.h"
#include "report.h"

/*
 * Default cap on a Markdown body. Debian's cmark 0.30.2 lacks the fixes
 * for CVE-2023-22486 and CVE-2023-22484: repeated "![[]()" takes 0.4 s at
 * 128 KiB but 7.6 s at 256 KiB and 27 s at 512 KiB. 128 KiB is some
 * 20,000 words, longer than any position paper; --max-input-size raises
 * it for trusted input.
 */
#define PB_MAX_INPUT (128u * 1024)

/* What an option reader returns when the command is to run. */
#define PB_CLI_RUN (-1)

/* Set by -q (and cleared by -v), which every command takes. */
extern int pb_quiet;

/* Set by -v (and cleared by -q): build says what it did and why. */
extern int pb_verbose;

/* The options of `peerbrief convert`; tdir is the caller's to free. */
struct pb_cli_convert {
	const char	*file;		/* "-": standard input */
	const char	*from;		/* "markdown", "xml" or NULL */
	const char	*ofile;		/* NULL: standard output */
	char		*tdir;		/* -T, or NULL */
	const char	*indir;		/* -i, or NULL: no input folder */
	const char	*packet;	/* --packet, or NULL */
	enum pb_format	 fmt;
	int		 standalone;
	size_t		 max_bytes;	/* 0: no cap */
};

/* The options of `peerbrief figures` and `explain`. */
struct pb_cli_figures {
	const char		*indir;
	const char		*packet;	/* NULL: none */
	struct pb_date		 as_of;		/* year 0: the data's */
	const char		*name;		/* explain's figure */
	enum pb_report_format	 fmt;
};

/* The options of `peerbrief build`; tdir is the caller's to free. */
struct pb_cli_build {
	const char	*indir;
	const char	*outdir;
	char		*tdir;		/* -T or -t, or NULL */
	long		 jobs;		/* -j, else pb_cli_jobs() */
	const char	*packet;	/* --packet: build only it, or NULL */
	int		 pdf;
};

/*
 * Notes the command being run (argv[1]), which usage errors name with
 * its synopsis; NULL or an unknown command: the usage of all.
 */
void pb_cli_begin(const char *cmd);

/*
 * Each reads the options and operands of its command (argv[0] is the
 * command) into o. Returns PB_CLI_RUN when the command is to run, else
 * the exit status to return at once: the help was printed, or a usage
 * error (then nothing in o is left to free).
 */
int pb_cli_convert(int argc, char *argv[], struct pb_cli_convert *o);
int pb_cli_figures(int argc, char *argv[], int explain,
    struct pb_cli_figures *o);
int pb_cli_check(int argc, char *argv[], const char **indir);
int pb_cli_build(int argc, char *argv[], struct pb_cli_build *o);
int pb_cli_init(int argc, char *argv[], const char **dir);

/* The number of workers when -j does not say: the number of cores. */
long pb_cli_jobs(void);
/* help [COMMAND]: *cmd is COMMAND, or NULL for the usage of all. */
int pb_cli_help(int argc, char *argv[], const char **cmd);

/*
 * Prints "peerbrief: MESSAGE" and a new line on stderr in one write, with
 * the message escaped (pb_buf_put_safe): it may quote a file or the
 * command line.
 */
void pb_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Prints the usage error fmt (one %s: arg) about the current command and
 * its synopsis, or the usage of all; returns PB_EXIT_USAGE.
 */
int pb_usage_error(const char *fmt, const char *arg);

/*
 * The two halves of a usage error: a message about the current command
 * ("peerbrief build: ..."), and its synopsis and where its options are
 * (or the usage of all), which returns PB_EXIT_USAGE.
 */
void pb_cmd_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int pb_usage_hint(void);

/*
 * Prints every diagnostic as FILE:LINE:COL: error: message (warnings
 * only without -q), then how many there were when more than one error,
 * or any warning, was printed; not when a build's summary line follows
 * (summary: non-zero) and there was no error, as that line counts them.
 * Sorts d.
 */
void pb_print_diags(struct pb_diags *d, int summary);

/*
 * Says how to start when the input folder is missing or empty; returns
 * non-zero when it did (the command then fails with exit status 1).
 */
int pb_input_missing(const char *indir);

/* Writes b to standard output; the exit status. */
int pb_write_out(const struct pb_buf *b);

/* Flushes standard output: PB_EXIT_OK, or PB_EXIT_SYSTEM with a message
 * (a full disk, a closed pipe). */
int pb_flush_out(void);

/*
 * Writes b to the file path through a temporary name beside it, so a
 * failed write leaves no half file; the exit status. A symbolic link is
 * kept, and the file it leads to replaced; a device or a named pipe
 * (/dev/stdout, a FIFO) is written into, not replaced.
 */
int pb_write_file(const char *path, const struct pb_buf *b);

struct pb_run;
struct pb_packet;

/*
 * Finds the packet named by --packet (id; NULL: none) of run r into *pk.
 * Returns 0 when found, else prints the packets there are (the nearest
 * first) and returns a usage error.
 */
int pb_cli_packet(const struct pb_run *r, const char *id,
    const struct pb_packet **pk);

/* Sets b to the packets of run r, "a, b" or "none", for messages. */
void pb_cli_packets(const struct pb_run *r, struct pb_buf *b);

/* A build's progress line: on a terminal, once it has run a second. */
struct pb_progress {
	struct timespec	 t0;
	int		 shown;
};

/*
 * Starts the clock of a build of run r and, unless -q, shows its
 * progress when standard error is a terminal.
 */
void pb_progress_start(struct pb_progress *p, struct pb_run *r);

/* Clears the progress line, when one was shown. */
void pb_progress_end(struct pb_progress *p);

/*
 * Says what a build of run r into outdir did: with -v, for each packet
 * whether it was built or reused and why, then each stage's time; unless
 * -q, the packets built and reused, the warnings and the time since p
 * started.
 */
void pb_say_built(const struct pb_run *r, const struct pb_progress *p,
    const char *outdir);

/*
 * check -v: says on standard error what a check that found no error
 * read ("checked input/: 3 packets, 4 organizations and 12 positions; no
 * errors"); nothing without -v.
 */
void pb_say_checked(const struct pb_run *r);

/*
 * Takes the -q, -v, --quiet and --verbose written before the command
 * ("peerbrief -q build"), as if written after it. Returns how many of
 * argv's words from argv[1] on they were.
 */
int pb_cli_leading(int argc, char *argv[]);

#endif /* PB_CLI_H */
