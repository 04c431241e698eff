/*
 * util.c - allocation, buffers, diagnostics and file reading.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pb.h"

static void
oom(void)
{
	fputs("peerbrief: out of memory\n", stderr);
	abort();
}

void *
pb_xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n ? n : 1)) == NULL)
		oom();
	return p;
}

void *
pb_xcalloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n ? n : 1, size ? size : 1)) == NULL)
		oom();
	return p;
}

/* realloc that aborts on out-of-memory: growth goes through pb_grow. */
static void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL)
		oom();
	return p;
}

void *
pb_grow(void *v, size_t n, size_t size)
{
	size_t	 cap;

	if (n != 0 && (n & (n - 1)) != 0)
		return v;
	cap = n ? n * 2 : 1;
	if (cap < n || (size != 0 && cap > SIZE_MAX / size))
		oom();
	return xrealloc(v, cap * size);
}

char *
pb_xstrdup(const char *s)
{
	return pb_xstrndup(s, strlen(s));
}

char *
pb_xstrndup(const char *s, size_t n)
{
	char	*p;

	p = pb_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
pb_xvasprintf(const char *fmt, va_list ap)
{
	va_list	 aq;
	int	 n;
	char	*p, small[256];

	/* formatted once where it fits the small buffer (a path, mostly) */
	va_copy(aq, ap);
	n = vsnprintf(small, sizeof(small), fmt, aq);
	va_end(aq);
	if (n < 0)
		oom();
	p = pb_xmalloc((size_t)n + 1);
	if ((size_t)n < sizeof(small))
		memcpy(p, small, (size_t)n + 1);
	else
		vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
pb_xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = pb_xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

static void
buf_reserve(struct pb_buf *b, size_t n)
{
	size_t	 need;

	if (n > (size_t)-1 - b->len - 1)
		oom();
	need = b->len + n + 1;
	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 64;
	while (b->cap < need)
		b->cap = b->cap > ((size_t)-1) / 2 ? need : b->cap * 2;
	b->data = xrealloc(b->data, b->cap);
}

void
pb_buf_put(struct pb_buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	if (n > 0)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
pb_buf_puts(struct pb_buf *b, const char *s)
{
	pb_buf_put(b, s, strlen(s));
}

void
pb_buf_putc(struct pb_buf *b, char c)
{
	pb_buf_put(b, &c, 1);
}

/*
 * Formats straight into b's spare room, which most lines fit once 128
 * bytes are reserved: one vsnprintf and no allocation per line (a
 * rebuild writes a line for each output and input file); a longer
 * result is formatted again into room made for it.
 */
void
pb_buf_printf(struct pb_buf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;
	size_t	 room;

	buf_reserve(b, 128);
	room = b->cap - b->len;
	va_start(ap, fmt);
	n = vsnprintf(b->data + b->len, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	if ((size_t)n >= room) {
		buf_reserve(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

void
pb_buf_put_choices(struct pb_buf *b, const char *const *v, size_t n,
    int quoted)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		pb_buf_printf(b, "%s%s%s%s", i == 0 ? "" : i + 1 == n ?
		    " or " : ", ", quoted ? "'" : "", v[i], quoted ? "'" : "");
}

void
pb_buf_put_u64(struct pb_buf *b, uint64_t v)
{
	char	 d[20], *p = d + sizeof(d);

	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	pb_buf_put(b, p, (size_t)(d + sizeof(d) - p));
}

void
pb_buf_free(struct pb_buf *b)
{
	if (b == NULL)
		return;
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void
pb_diag_verror(struct pb_diags *d, enum pb_sev sev, const char *file,
    unsigned long line, unsigned long col, const char *fmt, va_list ap)
{
	struct pb_diag	*g;

	d->v = pb_grow(d->v, d->n, sizeof(*d->v));
	g = &d->v[d->n++];
	g->sev = sev;
	g->file = pb_xstrdup(file ? file : "-");
	g->line = line;
	g->col = col;
	g->msg = pb_xvasprintf(fmt, ap);
	if (sev == PB_ERROR)
		d->errors++;
}

void
pb_diag_system(struct pb_diags *d, const char *file, unsigned long line,
    unsigned long col, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	pb_diag_verror(d, PB_ERROR, file, line, col, fmt, ap);
	va_end(ap);
	d->system = 1;
}

void
pb_diag_error(struct pb_diags *d, const char *file, unsigned long line,
    unsigned long col, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	pb_diag_verror(d, PB_ERROR, file, line, col, fmt, ap);
	va_end(ap);
}

void
pb_diag_not_regular(struct pb_diags *d, const char *file, unsigned long line,
    unsigned long col, const char *what)
{
	pb_diag_error(d, file, line, col, "%s%snot a regular file; refusing "
	    "to read it", what ? what : "", what ? " is " : "");
}

void
pb_diag_warning(struct pb_diags *d, const char *file, unsigned long line,
    unsigned long col, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	pb_diag_verror(d, PB_WARNING, file, line, col, fmt, ap);
	va_end(ap);
}

static int
diag_cmp(const struct pb_diag *a, const struct pb_diag *b)
{
	int	 c;

	if ((c = strcmp(a->file, b->file)) != 0)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return 0;
}

void
pb_diags_sort(struct pb_diags *d)
{
	size_t		 i, j, k;
	struct pb_diag	 t;

	/* Insertion sort: stable, and diagnostics are few and mostly sorted. */
	for (i = 1; i < d->n; i++) {
		t = d->v[i];
		for (j = i; j > 0 && diag_cmp(&d->v[j - 1], &t) > 0; j--)
			d->v[j] = d->v[j - 1];
		d->v[j] = t;
	}
	/* The same message at the same place (a position two packets
	 * include, read once per packet) is printed once. */
	for (i = k = 0; i < d->n; i++) {
		for (j = k; j > 0 && diag_cmp(&d->v[j - 1], &d->v[i]) == 0;
		    j--)
			if (d->v[j - 1].sev == d->v[i].sev &&
			    strcmp(d->v[j - 1].msg, d->v[i].msg) == 0)
				break;
		if (j > 0 && diag_cmp(&d->v[j - 1], &d->v[i]) == 0) {
			if (d->v[i].sev == PB_ERROR)
				d->errors--;
			free(d->v[i].file);
			free(d->v[i].msg);
		} else
			d->v[k++] = d->v[i];
	}
	d->n = k;
}

void
pb_diags_free(struct pb_diags *d)
{
	size_t	 i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	d->v = NULL;
	d->n = d->errors = 0;
	d->system = 0;
}

/*
 * Appends to b "; did you mean 'DIR/NAME'?" when the folder of path, a
 * file that does not exist, holds a name near its own (a typo in the
 * name of a file given on the command line).
 */
static void
near_file(const char *path, struct pb_buf *b)
{
	const char	*slash = strrchr(path, '/'), *base, *near;
	const char	**names = NULL;
	char		*dir;
	DIR		*dp;
	struct dirent	*e;
	size_t		 n = 0, i;

	dir = slash ? pb_xstrndup(path, (size_t)(slash - path) + 1) :
	    pb_xstrdup(".");
	base = slash ? slash + 1 : path;
	if (*base == '\0' || (dp = opendir(dir)) == NULL) {
		free(dir);
		return;
	}
	while ((e = readdir(dp)) != NULL && n < 10000)
		if (e->d_name[0] != '.') {
			names = pb_grow(names, n, sizeof(*names));
			names[n++] = pb_xstrdup(e->d_name);
		}
	closedir(dp);
	if (n > 0)	/* an empty folder: qsort of NULL is undefined */
		qsort(names, n, sizeof(*names), pb_name_cmp);	/* not readdir's */
	if ((near = pb_nearest(base, names, n)) != NULL)
		pb_buf_printf(b, "; did you mean '%s%s'?", slash ? dir : "",
		    near);
	for (i = 0; i < n; i++)
		free((char *)names[i]);
	free(names);
	free(dir);
}

int
pb_file_read(const char *path, char **data, size_t *len, struct pb_diags *d)
{
	struct pb_buf	 b = { NULL, 0, 0 };
	struct stat	 st;
	char		 chunk[65536];
	ssize_t		 n;
	int		 fd, rc = 0;

	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else {
		/* O_NONBLOCK: opening a named pipe must not wait */
		if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0) {
			n = errno;
			pb_buf_put(&b, "", 0);
			if (n == ENOENT)
				near_file(path, &b);
			pb_diag_error(d, path, 0, 0, "cannot read: %s%s",
			    strerror((int)n), b.data);
			pb_buf_free(&b);
			return 0;
		}
		if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
			pb_diag_not_regular(d, path, 0, 0, NULL);
			goto out;
		}
		if ((size_t)st.st_size > PB_MAX_FILE) {
			pb_diag_error(d, path, 0, 0, "cannot read: larger than "
			    "%u bytes", PB_MAX_FILE);
			goto out;
		}
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	}
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			pb_diag_error(d, path, 0, 0, "cannot read: %s",
			    strerror(errno));
			pb_buf_free(&b);
			goto out;
		}
		if (b.len + (size_t)n > PB_MAX_FILE) {
			pb_diag_error(d, path, 0, 0, "cannot read: larger than "
			    "%u bytes", PB_MAX_FILE);
			pb_buf_free(&b);
			goto out;
		}
		pb_buf_put(&b, chunk, (size_t)n);
	}
	if (b.data == NULL)
		pb_buf_put(&b, "", 0);
	*data = b.data;
	*len = b.len;
	rc = 1;
out:
	if (fd != STDIN_FILENO)
		close(fd);
	return rc;
}

/*
 * Non-zero when path is dir, a slash and names of entries that exist and
 * are no symbolic link (no ".", "..", or empty name): path then lies
 * inside dir whatever dir resolves to, and one lstat per name below dir
 * shows it, where realpath would look at every folder from the root.
 */
static int
plainly_inside(const char *path, const char *dir)
{
	char		 buf[PATH_MAX];
	const char	*p;
	size_t		 n = strlen(dir), len;
	struct stat	 st;

	if (n == 0 || strncmp(path, dir, n) != 0 || path[n] != '/' ||
	    (len = strlen(path)) >= sizeof(buf))
		return 0;
	memcpy(buf, path, len + 1);
	for (p = path + n + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		/* the name just ended: buf up to it, then look at it */
		if (p[-1] == '/' || (p[-1] == '.' && (p[-2] == '/' ||
		    (p[-2] == '.' && p[-3] == '/'))))
			return 0;
		buf[p - path] = '\0';
		if (lstat(buf, &st) != 0 || S_ISLNK(st.st_mode))
			return 0;
		if (*p == '\0')
			return 1;
		buf[p - path] = '/';
	}
}

int
pb_path_inside(const char *path, const char *dir)
{
	char	 rp[PATH_MAX], rd[PATH_MAX];
	size_t	 n;

	if (plainly_inside(path, dir))
		return 1;
	if (realpath(path, rp) == NULL || realpath(dir, rd) == NULL)
		return 0;
	n = strlen(rd);
	return strncmp(rp, rd, n) == 0 && (rp[n] == '/' ||
	    (n == 1 && rd[0] == '/'));
}

const char *
pb_path_refusal(const char *path, const char *dir, const char *what)
{
	static char	 msg[128];
	char		 rp[PATH_MAX];

	if (pb_path_inside(path, dir))
		return NULL;
	if (realpath(path, rp) == NULL) {
		if (errno == ELOOP)
			return "a loop of symbolic links; cannot follow it";
		if (errno == ENOENT)
			return "a dangling symbolic link: its target does not "
			    "exist";
		snprintf(msg, sizeof(msg), "cannot resolve: %s",
		    strerror(errno));
	} else
		snprintf(msg, sizeof(msg), "a symbolic link to a %s outside "
		    "the input folder; refusing to follow it", what);
	return msg;
}

int
pb_id_valid(const char *s)
{
	size_t	 i;

	if (s == NULL || s[0] == '\0' || s[0] == '-')
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (i >= 64)
			return 0;
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	}
	return 1;
}

char *
pb_id_mend(const char *s)
{
	char	*m, c;
	size_t	 i, n = 0;
	int	 dash = 0;

	if (s == NULL || pb_id_valid(s))
		return NULL;
	m = pb_xmalloc(65);
	for (i = 0; s[i] != '\0' && n < 64; i++) {
		c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') :
		    s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
			dash = 1;
			continue;
		}
		if (dash && n > 0)
			m[n++] = '-';
		if (n < 64)
			m[n++] = c;
		dash = 0;
	}
	while (n > 0 && m[n - 1] == '-')
		n--;
	m[n] = '\0';
	if (n == 0) {
		free(m);
		return NULL;
	}
	return m;
}

struct pb_src
pb_src_at(const char *file, const char *data, size_t len, size_t off,
    unsigned long first_line)
{
	struct pb_src	 s;
	size_t		 i;

	s.file = file;
	s.line = first_line;
	s.col = 1;
	for (i = 0; i < off && i < len; i++) {
		if (data[i] == '\n') {
			s.line++;
			s.col = 1;
		} else
			s.col++;
	}
	return s;
}

/* The input folder as the run names it, with a '/' (pb_src_root). */
static char	 src_root[PATH_MAX];

void
pb_src_root(const char *indir)
{
	size_t	 n = indir ? strlen(indir) : 0;

	src_root[0] = '\0';
	if (n > 0 && n + 2 < sizeof(src_root))
		snprintf(src_root, sizeof(src_root), "%s%s", indir,
		    indir[n - 1] == '/' ? "" : "/");
}

void
pb_src_format(const struct pb_src *s, struct pb_buf *out)
{
	const char	*f = s->file;
	size_t		 n = strlen(src_root);

	if (s->line == 0 && s->col == PB_SRC_ARGV) {
		pb_buf_printf(out, "%s (command line)", f);
		return;
	}
	if (n > 0 && strncmp(f, src_root, n) == 0 && f[n] != '\0')
		for (f += n; *f == '/'; f++)
			;	/* relative to the input folder */
	if (s->line == 0)
		pb_buf_printf(out, "%s (default)", f);
	else if (s->col == 0)
		pb_buf_printf(out, "%s:%lu", f, s->line);
	else
		pb_buf_printf(out, "%s:%lu:%lu", f, s->line, s->col);
}

void
pb_diags_merge(struct pb_diags *dst, const struct pb_diags *src)
{
	size_t	 i;

	for (i = 0; i < src->n; i++)
		if (src->v[i].sev == PB_ERROR)
			pb_diag_error(dst, src->v[i].file, src->v[i].line,
			    src->v[i].col, "%s", src->v[i].msg);
		else
			pb_diag_warning(dst, src->v[i].file, src->v[i].line,
			    src->v[i].col, "%s", src->v[i].msg);
	dst->system |= src->system;
}

/*
 * Appends s to out (escaped) with every run of name characters longer
 * than 64 shortened to its first 64 and "...".
 */
static void
put_short(struct pb_buf *out, const char *s)
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
	pb_buf_put_safe(out, c);
	free(c);
}

void
pb_diag_format(const struct pb_diag *g, struct pb_buf *out)
{
	pb_buf_put_safe(out, g->file);
	if (g->line > 0)
		pb_buf_printf(out, ":%lu", g->line);
	if (g->line > 0 && g->col > 0)
		pb_buf_printf(out, ":%lu", g->col);
	pb_buf_printf(out, ": %s: ", g->sev == PB_ERROR ? "error" :
	    "warning");
	put_short(out, g->msg);
	pb_buf_putc(out, '\n');
}

char *
pb_data_dir(const char *datadir, const char *sub)
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
	return pb_xasprintf("%s/%s", datadir, sub);
}

/* Edit distance (insertions, deletions, substitutions) between a and b,
 * capped at cap + 1. */
static size_t
distance(const char *a, const char *b, size_t cap)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j, *row, prev, t, best;

	if ((la > lb ? la - lb : lb - la) > cap)
		return cap + 1;
	row = pb_xcalloc(lb + 1, sizeof(*row));
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		best = row[0];
		for (j = 1; j <= lb; j++) {
			t = row[j];
			row[j] = a[i - 1] == b[j - 1] ? prev :
			    1 + (prev < row[j] ? (prev < row[j - 1] ? prev :
			    row[j - 1]) : (row[j] < row[j - 1] ? row[j] :
			    row[j - 1]));
			prev = t;
			if (row[j] < best)
				best = row[j];
		}
		if (best > cap) {
			free(row);
			return cap + 1;
		}
	}
	t = row[lb];
	free(row);
	return t;
}

/*
 * The up to three of names[0..n) nearest to name, nearest first (the
 * earlier of two as near), in best[]: within an edit distance of a third
 * of name's length (at least 2), or, with PB_SUGGEST_TAIL, ending in the
 * same part after the last dot; when none is, the first three that begin
 * with name, if it is at least 3 bytes long (a name cut short:
 * "note-taking" for "note-taking-funding"). Returns how many.
 */
static size_t
rank(const char *name, const char *const *names, size_t n, int flags,
    size_t best[3])
{
	size_t		 i, k, d, cap, len, bestd[3], nb = 0, np = 0;
	size_t		 pre[3];
	const char	*tail, *ntail;

	len = strlen(name);
	cap = len / 3;
	if (cap < 2)
		cap = 2;
	ntail = strrchr(name, '.');
	ntail = ntail ? ntail + 1 : name;
	for (i = 0; i < n; i++) {
		d = distance(name, names[i], cap);
		if (d > cap && np < 3 && len >= 3 &&
		    strncmp(names[i], name, len) == 0)
			pre[np++] = i;
		if (d > cap && (flags & PB_SUGGEST_TAIL) &&
		    (tail = strrchr(names[i], '.')) != NULL &&
		    strcmp(tail + 1, ntail) == 0)
			d = cap;
		if (d > cap)
			continue;
		for (k = nb; k > 0 && bestd[k - 1] > d; k--)
			if (k < 3) {
				best[k] = best[k - 1];
				bestd[k] = bestd[k - 1];
			}
		if (k < 3) {
			best[k] = i;
			bestd[k] = d;
			if (nb < 3)
				nb++;
		}
	}
	if (nb == 0)
		for (; nb < np; nb++)
			best[nb] = pre[nb];
	return nb;
}

const char *
pb_nearest(const char *name, const char *const *names, size_t n)
{
	size_t	 best[3];

	return rank(name, names, n, 0, best) > 0 ? names[best[0]] : NULL;
}

int
pb_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

ssize_t
pb_read_full(int fd, void *buf, size_t size)
{
	size_t	 got = 0;
	ssize_t	 n;

	while (got < size) {
		n = read(fd, (char *)buf + got, size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

void
pb_suggest(const char *name, const char *const *names, size_t n, int flags,
    struct pb_buf *out)
{
	size_t	 best[3], k, nb;

	nb = rank(name, names, n, flags, best);
	for (k = 0; k < nb; k++)
		pb_buf_printf(out, "%s'%s'", k == 0 ? "" : k + 1 == nb ?
		    " or " : ", ", names[best[k]]);
}

/*
 * The code point of the UTF-8 sequence at s (at most n bytes) and its
 * length in *len; -1 (with *len 1) when the bytes are not well-formed
 * UTF-8 (a stray byte, an overlong form, a surrogate, past U+10FFFF).
 */
static long
utf8_decode(const unsigned char *s, size_t n, size_t *len)
{
	long	 c;
	size_t	 k, i;

	*len = 1;
	if (s[0] < 0x80)
		return s[0];
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		k = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		k = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		k = 4;
		c = s[0] & 0x07;
	} else
		return -1;
	if (n < k)
		return -1;
	for (i = 1; i < k; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((k == 3 && c < 0x800) || (k == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return -1;
	*len = k;
	return c;
}

/* Non-zero for the characters that reorder or break lines of text. */
static int
uni_forges(long c)
{
	return (c >= 0x80 && c <= 0x9f) ||		/* C1 controls */
	    c == 0x2028 || c == 0x2029 ||		/* line, paragraph */
	    (c >= 0x202a && c <= 0x202e) ||		/* embeddings */
	    (c >= 0x2066 && c <= 0x2069) ||		/* isolates */
	    c == 0x200e || c == 0x200f || c == 0x061c;	/* marks */
}

void
pb_buf_put_safe(struct pb_buf *b, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n = strlen(s), k;
	long			 c;

	pb_buf_put(b, "", 0);
	while (n > 0) {
		c = utf8_decode(p, n, &k);
		if (c == '\n')
			pb_buf_puts(b, "\\n");
		else if (c == '\t')
			pb_buf_puts(b, "\\t");
		else if (c == '\r')
			pb_buf_puts(b, "\\r");
		else if (c < 0 || c < 0x20 || c == 0x7f)
			pb_buf_printf(b, "\\%03o", p[0]);
		else if (uni_forges(c))
			pb_buf_printf(b, "\\u%04lX", c);
		else
			pb_buf_put(b, (const char *)p, k);
		p += k;
		n -= k;
	}
}

/* Reads the decimal number at *p, ended by end, and moves *p past end;
 * 0 when there is none or it is past 64 bits. */
int
pb_u64_read(const char **p, char end, uint64_t *v)
{
	const char	*s = *p;
	uint64_t	 n = 0;
	unsigned	 d;

	if ((unsigned)(unsigned char)*s - '0' > 9)
		return 0;
	/* 19 digits never pass 64 bits: only the ones after are checked */
	for (; (d = (unsigned char)*s - '0') <= 9 && s - *p < 19; s++)
		n = n * 10 + d;
	for (; (d = (unsigned char)*s - '0') <= 9; s++) {
		if (n > (UINT64_MAX - d) / 10)
			return 0;
		n = n * 10 + d;
	}
	if (*s != end)
		return 0;
	*v = n;
	*p = s + 1;
	return 1;
}
