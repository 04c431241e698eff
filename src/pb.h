/*
 * pb.h - what every part of peerbrief shares: allocation that cannot fail,
 * growable byte buffers, and diagnostics (file, line, column, message)
 * that library code collects and only the driver prints. The functions
 * are in util.c.
 */
#ifndef PB_H
#define PB_H

#include <sys/types.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define PB_NS "urn:peerbrief:1"
#define PB_CM_NS "http://commonmark.org/xml/1.0"
#define PB_DB_NS "http://docbook.org/ns/docbook"
#define PB_XLINK_NS "http://www.w3.org/1999/xlink"

/* Exit statuses of the program (DESIGN.md, Command line). */
enum pb_exit {
	PB_EXIT_OK = 0,
	PB_EXIT_INPUT = 1,
	PB_EXIT_USAGE = 2,
	PB_EXIT_SYSTEM = 3
};

/*
 * Allocation wrappers: they abort the program with a message on
 * out-of-memory, so callers never see NULL. Free with free().
 */
void *pb_xmalloc(size_t n);
void *pb_xcalloc(size_t n, size_t size);
char *pb_xstrdup(const char *s);
char *pb_xstrndup(const char *s, size_t n);
char *pb_xasprintf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
char *pb_xvasprintf(const char *fmt, va_list ap)
    __attribute__((format(printf, 1, 0)));

/*
 * Makes room for element n (0-based) of the array v of n elements of size
 * bytes, which only pb_grow has grown: the array doubles when n reaches
 * a power of two (its capacity is always the next one), so n appends
 * cost log2(n) reallocations. Aborts, as the wrappers above, on out-of-memory
 * or a size past SIZE_MAX. Returns the array, which the caller frees.
 *   v = pb_grow(v, n, sizeof(*v)); v[n++] = x;
 */
void *pb_grow(void *v, size_t n, size_t size);

/* A growable byte buffer, always NUL-terminated when len > 0 or after use. */
struct pb_buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void pb_buf_put(struct pb_buf *b, const char *s, size_t n);
void pb_buf_puts(struct pb_buf *b, const char *s);
void pb_buf_putc(struct pb_buf *b, char c);
/* Appends v in decimal, as "%" PRIu64 would. */
void pb_buf_put_u64(struct pb_buf *b, uint64_t v);
/* the decimal number at *p, ended by END, *p moved past END (.manifest,
 * .out.stat: by hand, not strtoull); 0 when none or past 64 bits */
int	 pb_u64_read(const char **, char, uint64_t *);
/* Appends fmt formatted; no argument may point into b's own data. */
void pb_buf_printf(struct pb_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/*
 * Appends s with everything that could forge a line of output or reach
 * a terminal shown as an escape: C0 controls and DEL as \n, \t, \r or
 * \NNN (octal), bytes that are not UTF-8 as \NNN, C1 controls, the
 * line and paragraph separators and the bidirectional controls (U+061C,
 * U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) as \uXXXX.
 */
void pb_buf_put_safe(struct pb_buf *b, const char *s);
/*
 * Appends the n strings of v as a choice for messages, "a, b or c" (with
 * quoted, "'a', 'b' or 'c'"); nothing when n is 0.
 */
void pb_buf_put_choices(struct pb_buf *b, const char *const *v, size_t n,
    int quoted);
/* Frees the buffer's storage and leaves it empty; NULL is a no-op. */
void pb_buf_free(struct pb_buf *b);

/* Severity of one diagnostic. */
enum pb_sev {
	PB_ERROR,
	PB_WARNING
};

/*
 * Where a value was written: file (not owned), line and column from 1.
 * Line 0: not written in a file. Then file is the file whose default it
 * is (a default of DESIGN.md), or, with col PB_SRC_ARGV, the command-line
 * option that gave it.
 */
struct pb_src {
	const char	*file;
	unsigned long	 line;
	unsigned long	 col;
};
#define PB_SRC_ARGV ((unsigned long)-1)

/*
 * Appends where s was written to out: "FILE:LINE:COL" ("FILE:LINE" with
 * column 0), "FILE (default)"
 * or "OPTION (command line)", FILE relative to the input folder set with
 * pb_src_root (so output names no path of the machine).
 */
void pb_src_format(const struct pb_src *s, struct pb_buf *out);

/*
 * Sets the input folder (as the run names it, copied) whose prefix
 * pb_src_format cuts off file names. Call before any thread starts.
 */
void pb_src_root(const char *indir);

/* One diagnostic: where (line and column count from 1; 0 = unknown). */
struct pb_diag {
	enum pb_sev	 sev;
	char		*file;
	unsigned long	 line;
	unsigned long	 col;
	char		*msg;
};

/* Every diagnostic of a run, in the order found. */
struct pb_diags {
	struct pb_diag	*v;
	size_t		 n;
	size_t		 errors;
	int		 system;	/* an error of the system, not the
					 * input: exit status 3 */
};

/*
 * Appends an error at file:line:col with a printf-style message. The list
 * copies file and the formatted message; the caller keeps its strings.
 */
void pb_diag_error(struct pb_diags *d, const char *file, unsigned long line,
    unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void pb_diag_warning(struct pb_diags *d, const char *file, unsigned long line,
    unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void pb_diag_verror(struct pb_diags *d, enum pb_sev sev, const char *file,
    unsigned long line, unsigned long col, const char *fmt, va_list ap)
    __attribute__((format(printf, 6, 0)));
/*
 * Appends the one error for an input that is not a regular file (a
 * folder, a device, a named pipe, a socket), which is never read: at
 * file:line:col, naming it as what ("image 'a.png'") when that is not the
 * file of the position, else (what NULL) as the file itself.
 */
void pb_diag_not_regular(struct pb_diags *d, const char *file,
    unsigned long line, unsigned long col, const char *what);
/*
 * Appends an error that is not the input's fault (a full disk, a broken
 * stylesheet): the run exits with status 3.
 */
void pb_diag_system(struct pb_diags *d, const char *file, unsigned long line,
    unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Appends every diagnostic of src to dst, each with its severity. */
void pb_diags_merge(struct pb_diags *dst, const struct pb_diags *src);
/*
 * Appends diagnostic g to out as "FILE:LINE:COL: error: message", or
 * "FILE:LINE: ..." when the column is unknown, "FILE: ..." when the line
 * is (as gcc and cmark do; never a made-up position), with control characters escaped
 * and every run of name characters over 64 shortened, so no input can
 * forge a line or bury the message.
 */
void pb_diag_format(const struct pb_diag *g, struct pb_buf *out);
/*
 * Sorts diagnostics by file, line, column (stable), for reproducible
 * output, and drops each repeat of a message already at its place.
 */
void pb_diags_sort(struct pb_diags *d);
/* Frees every diagnostic; the struct itself is the caller's. NULL: no-op. */
void pb_diags_free(struct pb_diags *d);

/* The largest file peerbrief reads. */
#define PB_MAX_FILE (64u * 1024 * 1024)

/*
 * Reads a whole regular file (or standard input when path is "-"), at most
 * PB_MAX_FILE bytes, into a NUL-terminated buffer the caller frees. A
 * named pipe, a device or a folder is refused without waiting on it. On
 * failure returns 0 and records an error naming path.
 */
int pb_file_read(const char *path, char **data, size_t *len,
    struct pb_diags *d);

/*
 * The position of byte off of data (len bytes) in file, data's first byte
 * standing at line first_line, column 1. Columns count bytes.
 */
struct pb_src pb_src_at(const char *file, const char *data, size_t len,
    size_t off, unsigned long first_line);

/*
 * Returns non-zero when path, once every symbolic link is resolved, lies
 * inside the folder dir (also resolved).
 */
int pb_path_inside(const char *path, const char *dir);

/*
 * Why path may not be read as an input of the folder dir, or NULL when it
 * lies inside dir once every link is resolved: a link whose target does not
 * exist, a loop of links, or a link out of dir (what is a "folder" or a
 * "file", as what). The message is static.
 */
const char *pb_path_refusal(const char *path, const char *dir,
    const char *what);

/*
 * The data folder sub (templates, schema) of this program: the one beside
 * the executable (a source tree), else ../share/peerbrief/sub beside its
 * folder (installed anywhere), else the one of the configured PREFIX
 * (datadir). PEERBRIEF_DATADIR overrides them all. The caller frees it.
 */
char *pb_data_dir(const char *datadir, const char *sub);

/* qsort comparison of two strings (char *), by strcmp. */
int pb_name_cmp(const void *a, const void *b);

/*
 * Reads up to size bytes from fd, as many as there are: fewer only at the
 * end of the file. Returns the count, or -1 on error.
 */
ssize_t pb_read_full(int fd, void *buf, size_t size);

/* Returns non-zero when s is a valid id: [a-z0-9][a-z0-9-]*, at most 64 bytes. */
int pb_id_valid(const char *s);

/*
 * The id a user most likely meant by the name s (a file's stem): in lower
 * case, each run of other characters than letters and digits one '-',
 * none at either end, at most 64 bytes ("my-position" for "My Position");
 * NULL when nothing of s is left or s is valid already. The caller frees it.
 */
char *pb_id_mend(const char *s);

/*
 * The name of names (n of them) nearest to name, within an edit distance
 * of a third of its length (at least 2), else the first that begins with
 * name (of at least 3 bytes), or NULL; points into names.
 */
const char *pb_nearest(const char *name, const char *const *names,
    size_t n);

/* Flags of pb_suggest. */
#define PB_SUGGEST_TAIL	1	/* a name ending in the same part after
				 * its last dot is near too */

/*
 * "Did you mean": appends to out up to three of names[0..n) nearest to
 * name by edit distance (within a third of its length, at least 2; with
 * PB_SUGGEST_TAIL also one of the same last part; when none is, those
 * that begin with name, of at least 3 bytes), as "'a', 'b' or 'c'",
 * nearest first, the earlier of two as near (pb_nearest is the first);
 * nothing when none is near.
 */
void pb_suggest(const char *name, const char *const *names, size_t n,
    int flags, struct pb_buf *out);

#endif /* PB_H */
