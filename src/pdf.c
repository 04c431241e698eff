/*
 * pdf.c - a packet's HTML printed to PDF by headless Chromium. peerbrief
 * starts Chromium itself (posix_spawn, no shell) in its own process
 * group, with a profile, home and caches in a new temporary folder, no
 * network (every host name resolves to nothing; the page fetches nothing
 * anyway), no header or footer of Chromium's own (the page's CSS margin
 * boxes print the running heads and feet) and an outline from the
 * headings. Its output goes to a file that is shown only on failure; on
 * timeout the whole group is killed.
 *
 * Chromium takes the PDF's title from <title> but writes no author, and
 * stamps the time of printing as creation and modification date. Both
 * are put right afterwards: the dates Chromium wrote are overwritten in
 * place with the packet's date (same length, so no offset moves), and an
 * incremental update (a new Info object, a one-entry cross-reference
 * section and a trailer pointing back to Chromium's) gives the title,
 * the author and those dates. The same page thus gives the same bytes.
 */
#define _GNU_SOURCE
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pb.h"
#include "pdf.h"
#include "publish.h"

/* Whether path is an executable regular file. */
static int
executable(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    access(path, X_OK) == 0;
}

char *
pb_pdf_chromium(void)
{
	static const char *const names[] = { "chromium", "chromium-browser" };
	const char	*env, *path, *p, *e;
	char		*cand;
	size_t		 i;

	if ((env = getenv("PEERBRIEF_CHROMIUM")) != NULL && *env != '\0')
		return executable(env) ? pb_xstrdup(env) : NULL;
	if ((path = getenv("PATH")) == NULL || *path == '\0')
		path = "/usr/local/bin:/usr/bin:/bin";
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		for (p = path; ; p = e + 1) {
			if ((e = strchr(p, ':')) == NULL)
				e = p + strlen(p);
			if (e > p) {
				cand = pb_xasprintf("%.*s/%s", (int)(e - p), p,
				    names[i]);
				if (executable(cand))
					return cand;
				free(cand);
			}
			if (*e == '\0')
				break;
		}
	return NULL;
}

unsigned
pb_pdf_timeout(void)
{
	const char	*e = getenv("PEERBRIEF_PDF_TIMEOUT");
	char		*end;
	unsigned long	 n;

	if (e == NULL || *e == '\0')
		return 120;
	n = strtoul(e, &end, 10);
	return *end == '\0' && n >= 1 && n <= 3600 ? (unsigned)n : 120;
}

/* The file: URL of an absolute path, percent-encoded (caller frees). */
static char *
file_url(const char *abs)
{
	struct pb_buf		 b = { NULL, 0, 0 };
	const unsigned char	*p;

	pb_buf_puts(&b, "file://");
	for (p = (const unsigned char *)abs; *p != '\0'; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL)
			pb_buf_putc(&b, (char)*p);
		else
			pb_buf_printf(&b, "%%%02X", *p);
	return b.data;
}

/* Seconds since an arbitrary start, for the time limit. */
static double
now(void)
{
	struct timespec	 t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/*
 * The last lines of Chromium's output, joined with " | " (caller
 * frees): enough to say why it failed without burying the message.
 */
static char *
log_tail(const char *path)
{
	struct pb_diags	 d = { NULL, 0, 0, 0 };
	struct pb_buf	 b = { NULL, 0, 0 };
	char		*data = NULL, *p, *start;
	size_t		 len = 0;
	int		 lines = 0;

	if (!pb_file_read(path, &data, &len, &d) || len == 0) {
		pb_diags_free(&d);
		free(data);
		return pb_xstrdup("(no output)");
	}
	while (len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r'))
		len--;
	data[len] = '\0';
	for (p = data + len; p > data && lines < 8; p--)
		if (p[-1] == '\n')
			lines++;
	start = p == data ? data : p + 1;
	if (start - data > 0 && len - (size_t)(start - data) > 1500)
		start = data + len - 1500;
	for (p = start; *p != '\0'; p++)
		if (*p == '\n')
			pb_buf_puts(&b, " | ");
		else if (*p != '\r')
			pb_buf_putc(&b, *p);
	free(data);
	return b.data != NULL ? b.data : pb_xstrdup("(no output)");
}

/*
 * Runs argv (argv[0] the program's path) with envp, its output into
 * logpath, in a process group of its own; kills the group after timeout
 * seconds. Returns 1 on exit status 0; else 0 with why in *why (a static
 * string) and, for an exit status, *status.
 */
static int
run(char *const argv[], char *const envp[], const char *logpath,
    unsigned timeout, const char **why, int *status)
{
	posix_spawn_file_actions_t	 fa;
	posix_spawnattr_t		 at;
	sigset_t			 none, dfl;
	pid_t				 pid, r;
	double				 end;
	struct timespec			 tick = { 0, 20 * 1000 * 1000 };
	int				 st = 0, rc = 0, err;

	*why = NULL;
	*status = 0;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, logpath,
	    O_WRONLY | O_CREAT | O_TRUNC, 0600);
	posix_spawn_file_actions_adddup2(&fa, 1, 2);
	posix_spawnattr_init(&at);
	sigemptyset(&none);
	sigemptyset(&dfl);
	sigaddset(&dfl, SIGPIPE);
	sigaddset(&dfl, SIGINT);
	sigaddset(&dfl, SIGTERM);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setsigdefault(&at, &dfl);
	posix_spawnattr_setpgroup(&at, 0);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP |
	    POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	err = posix_spawn(&pid, argv[0], &fa, &at, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	if (err != 0) {
		*why = "cannot be started";
		return 0;
	}
	end = now() + timeout;
	for (;;) {
		r = waitpid(pid, &st, WNOHANG);
		if (r == pid)
			break;
		if (r < 0 && errno != EINTR) {
			*why = "cannot be waited for";
			break;
		}
		if (now() > end) {
			kill(-pid, SIGKILL);
			while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
				;
			*why = "took longer than the time limit "
			    "(PEERBRIEF_PDF_TIMEOUT) and was stopped";
			break;
		}
		nanosleep(&tick, NULL);
	}
	/* the helpers it started (renderer, zygote) go with it */
	kill(-pid, SIGKILL);
	if (*why == NULL) {
		if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
			rc = 1;
		else if (WIFEXITED(st)) {
			*why = "failed with exit status";
			*status = WEXITSTATUS(st);
		} else
			*why = "was killed by a signal";
	}
	return rc;
}

/* Appends s (UTF-8) as a PDF text string: UTF-16BE in hex, with a BOM. */
static void
put_text(struct pb_buf *b, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned long		 c;
	int			 n, i;

	pb_buf_puts(b, "<FEFF");
	while (*p != '\0') {
		if (*p < 0x80) {
			c = *p;
			n = 0;
		} else if ((*p & 0xe0) == 0xc0) {
			c = *p & 0x1f;
			n = 1;
		} else if ((*p & 0xf0) == 0xe0) {
			c = *p & 0x0f;
			n = 2;
		} else if ((*p & 0xf8) == 0xf0) {
			c = *p & 0x07;
			n = 3;
		} else {
			c = 0xfffd;
			n = -1;
		}
		p++;
		for (i = 0; i < n; i++, p++) {
			if ((*p & 0xc0) != 0x80) {
				c = 0xfffd;
				break;
			}
			c = (c << 6) | (*p & 0x3f);
		}
		if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			c = 0xfffd;
		if (c >= 0x10000) {
			c -= 0x10000;
			pb_buf_printf(b, "%04lX%04lX", 0xd800 + (c >> 10),
			    0xdc00 + (c & 0x3ff));
		} else
			pb_buf_printf(b, "%04lX", c);
	}
	pb_buf_putc(b, '>');
}

/* The last occurrence of the string s in the len bytes at p, or NULL. */
static const char *
find_last(const char *p, size_t len, const char *s)
{
	size_t	 n = strlen(s), i;

	for (i = len >= n ? len - n + 1 : 0; i-- > 0; )
		if (memcmp(p + i, s, n) == 0)
			return p + i;
	return NULL;
}

/* The integer after key in [p, end) (as "/Size 12"), or -1. */
static long
dict_int(const char *p, const char *end, const char *key)
{
	const char	*k;
	size_t		 n = strlen(key);
	long		 v = -1;

	for (k = p; k + n < end; k++)
		if (memcmp(k, key, n) == 0 && (k[n] == ' ' || k[n] == '\n')) {
			k += n;
			while (k < end && (*k == ' ' || *k == '\n'))
				k++;
			v = 0;
			while (k < end && *k >= '0' && *k <= '9' && v < 100000000)
				v = v * 10 + (*k++ - '0');
			return v;
		}
	return -1;
}

/*
 * Sets the dates in Chromium's Info object (between p and end) to date
 * (YYYYMMDD), in place: "/CreationDate (D:YYYYMMDDhhmmss" and the same
 * for /ModDate.
 */
static void
fix_dates(char *p, const char *end, const char *date)
{
	static const char *const keys[] = { "/CreationDate (D:",
	    "/ModDate (D:" };
	char	*k;
	size_t	 i, n, j;

	for (i = 0; i < 2; i++) {
		n = strlen(keys[i]);
		for (k = p; k + n + 14 <= end; k++) {
			if (memcmp(k, keys[i], n) != 0)
				continue;
			for (j = 0; j < 14 && k[n + j] >= '0' &&
			    k[n + j] <= '9'; j++)
				;
			if (j == 14) {
				memcpy(k + n, date, 8);
				memcpy(k + n + 8, "000000", 6);
			}
			break;
		}
	}
}

/*
 * Gives the PDF in b (Chromium's: a classic cross-reference table and
 * trailer) the job's metadata, as described at the top. Returns 0 when
 * the file is not shaped as expected.
 */
static int
fix_pdf(struct pb_buf *b, const struct pb_pdf_job *job)
{
	const char	*tr, *sx, *end;
	char		*obj, date[9], prev[24];
	long		 size, root, rootgen, info;
	size_t		 off, i, n;

	if (b->len < 8 || memcmp(b->data, "%PDF-", 5) != 0)
		return 0;
	end = b->data + b->len;
	if ((tr = find_last(b->data, b->len, "trailer")) == NULL ||
	    (sx = find_last(b->data, b->len, "startxref")) == NULL || sx < tr)
		return 0;
	size = dict_int(tr, sx, "/Size");
	root = dict_int(tr, sx, "/Root");
	info = dict_int(tr, sx, "/Info");
	if (size <= 0 || root <= 0 || info <= 0)
		return 0;
	/* "/Root 10356 0 R": the generation follows the number */
	{
		const char *k = strstr(tr, "/Root");

		if (k == NULL || k > sx)
			return 0;
		k += 5;
		while (*k == ' ' || *k == '\n')
			k++;
		while (*k >= '0' && *k <= '9')
			k++;
		while (*k == ' ')
			k++;
		rootgen = strtol(k, NULL, 10);
	}
	for (n = 0, sx += 9; sx < end && (*sx == ' ' || *sx == '\n' ||
	    *sx == '\r'); sx++)
		;
	while (sx + n < end && n < sizeof(prev) - 1 && sx[n] >= '0' &&
	    sx[n] <= '9')
		n++;
	if (n == 0)
		return 0;
	memcpy(prev, sx, n);
	prev[n] = '\0';

	/* the dates in Chromium's own Info object */
	for (i = 0, n = 0; job->date[i] != '\0' && n < 8; i++)
		if (job->date[i] >= '0' && job->date[i] <= '9')
			date[n++] = job->date[i];
	if (n != 8)
		return 0;
	date[8] = '\0';
	obj = pb_xasprintf("\n%ld 0 obj", info);
	{
		char		*o, *e;

		if ((o = memmem(b->data, b->len, obj, strlen(obj))) != NULL &&
		    (e = memmem(o, (size_t)(end - o), "endobj", 6)) != NULL)
			fix_dates(o, e, date);
	}
	free(obj);

	/* the incremental update */
	if (b->data[b->len - 1] != '\n')
		pb_buf_putc(b, '\n');
	off = b->len;
	pb_buf_printf(b, "%ld 0 obj\n<</Title ", info);
	put_text(b, job->title);
	if (job->author != NULL && *job->author != '\0') {
		pb_buf_puts(b, "\n/Author ");
		put_text(b, job->author);
	}
	pb_buf_printf(b, "\n/Creator (peerbrief)\n/Producer (Chromium)\n"
	    "/CreationDate (D:%s000000+00'00')\n/ModDate (D:%s000000+00'00')"
	    ">>\nendobj\n", date, date);
	pb_buf_printf(b, "xref\n%ld 1\n%010zu 00000 n \ntrailer\n<</Size %ld\n"
	    "/Root %ld %ld R\n/Info %ld 0 R\n/Prev %s>>\nstartxref\n%zu\n"
	    "%%%%EOF\n", info, off, size, root, rootgen, info, prev,
	    b->len);
	return 1;
}

/*
 * Chromium's command line and environment for printing one page: the
 * strings are the structure's own, freed by chromium_free.
 */
struct chromium {
	char		*url, *logp, *pdfp;
	char		*a_prof, *a_out;
	char		*e_home, *e_cfg, *e_cache, *e_path;
	const char	*argv[32], *envp[8];
};

/*
 * Fills c to print the page at the absolute path real into dir/out.pdf,
 * with its profile, home and caches in the private folder dir and its
 * log in dir/chromium.log.
 */
static void
chromium_make(struct chromium *c, const struct pb_pdf_job *job,
    const char *real, const char *dir)
{
	int	 n = 0;

	c->url = file_url(real);
	c->logp = pb_xasprintf("%s/chromium.log", dir);
	c->pdfp = pb_xasprintf("%s/out.pdf", dir);
	c->a_prof = pb_xasprintf("--user-data-dir=%s/profile", dir);
	c->a_out = pb_xasprintf("--print-to-pdf=%s", c->pdfp);
	c->e_home = pb_xasprintf("HOME=%s", dir);
	c->e_cfg = pb_xasprintf("XDG_CONFIG_HOME=%s/config", dir);
	c->e_cache = pb_xasprintf("XDG_CACHE_HOME=%s/cache", dir);
	c->e_path = pb_xasprintf("PATH=%s", getenv("PATH") != NULL ?
	    getenv("PATH") : "/usr/bin:/bin");
	c->argv[n++] = job->chromium;
	c->argv[n++] = "--headless";
	if (geteuid() == 0)		/* root cannot run Chromium's sandbox */
		c->argv[n++] = "--no-sandbox";
	c->argv[n++] = "--disable-gpu";
	c->argv[n++] = c->a_prof;
	c->argv[n++] = "--no-first-run";
	c->argv[n++] = "--no-default-browser-check";
	c->argv[n++] = "--disable-background-networking";
	c->argv[n++] = "--disable-component-update";
	c->argv[n++] = "--disable-sync";
	c->argv[n++] = "--disable-extensions";
	c->argv[n++] = "--disable-default-apps";
	c->argv[n++] = "--disable-breakpad";
	c->argv[n++] = "--host-resolver-rules=MAP * ~NOTFOUND";
	c->argv[n++] = "--no-pdf-header-footer";
	c->argv[n++] = "--generate-pdf-document-outline";
	c->argv[n++] = c->a_out;
	c->argv[n++] = c->url;
	c->argv[n] = NULL;
	n = 0;
	c->envp[n++] = c->e_home;
	c->envp[n++] = c->e_cfg;
	c->envp[n++] = c->e_cache;
	c->envp[n++] = c->e_path;
	c->envp[n++] = "TZ=UTC";
	c->envp[n++] = "LANG=C.UTF-8";
	c->envp[n++] = "LC_ALL=C.UTF-8";
	c->envp[n] = NULL;
}

/* Frees the strings chromium_make made. */
static void
chromium_free(struct chromium *c)
{
	free(c->url);
	free(c->logp);
	free(c->pdfp);
	free(c->a_prof);
	free(c->a_out);
	free(c->e_home);
	free(c->e_cfg);
	free(c->e_cache);
	free(c->e_path);
}

/*
 * Appends to out the PDF Chromium wrote (data, len) with its title,
 * author and dates set (fix_pdf). Returns 0, the problem recorded in d
 * at file, when the PDF is not shaped as expected.
 */
static int
pdf_finish(const struct pb_pdf_job *job, const char *data, size_t len,
    const char *file, struct pb_buf *out, struct pb_diags *d)
{
	struct pb_buf	 b = { NULL, 0, 0 };

	pb_buf_put(&b, data, len);
	if (!fix_pdf(&b, job)) {
		pb_diag_system(d, file, 0, 0, "the PDF Chromium wrote "
		    "for %s is not shaped as expected (no trailer); "
		    "cannot give it its title and author", job->html);
		pb_buf_free(&b);
		return 0;
	}
	pb_buf_put(out, b.data, b.len);
	pb_buf_free(&b);
	return 1;
}

int
pb_pdf_print(const struct pb_pdf_job *job, const char *file,
    struct pb_buf *out, struct pb_diags *d)
{
	struct pb_diags	 rd = { NULL, 0, 0, 0 };
	struct chromium	 c;
	const char	*tmp, *why;
	char		 real[4096];
	char		*dir, *tail, *data = NULL;
	size_t		 len = 0;
	int		 status, rc = 0;

	if (realpath(job->html, real) == NULL) {
		pb_diag_system(d, file, 0, 0, "cannot find %s to print it",
		    job->html);
		return 0;
	}
	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = "/tmp";
	dir = pb_xasprintf("%s/peerbrief-pdf.XXXXXX", tmp);
	if (mkdtemp(dir) == NULL) {
		pb_diag_system(d, file, 0, 0, "cannot make a temporary folder "
		    "in %s for Chromium: %s", tmp, strerror(errno));
		free(dir);
		return 0;
	}
	chromium_make(&c, job, real, dir);
	if (!run((char *const *)c.argv, (char *const *)c.envp, c.logp,
	    job->timeout, &why, &status)) {
		tail = log_tail(c.logp);
		if (status != 0)
			pb_diag_system(d, file, 0, 0, "Chromium (%s) %s %d "
			    "while printing %s: %s", job->chromium, why,
			    status, job->html, tail);
		else
			pb_diag_system(d, file, 0, 0, "Chromium (%s) %s while "
			    "printing %s: %s", job->chromium, why, job->html,
			    tail);
		free(tail);
		goto out;
	}
	if (!pb_file_read(c.pdfp, &data, &len, &rd) || len < 8 ||
	    memcmp(data, "%PDF-", 5) != 0) {
		tail = log_tail(c.logp);
		pb_diag_system(d, file, 0, 0, "Chromium (%s) wrote no PDF for "
		    "%s: %s", job->chromium, job->html, tail);
		free(tail);
		goto out;
	}
	rc = pdf_finish(job, data, len, file, out, d);
out:
	pb_diags_free(&rd);
	pb_rmtree(dir);
	free(data);
	free(dir);
	chromium_free(&c);
	return rc;
}
