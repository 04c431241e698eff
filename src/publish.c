/*
 * publish.c - the staging folder and the atomic swap into out/.
 */
#define _GNU_SOURCE
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pb.h"
#include "manifest.h"
#include "publish.h"

struct pb_stage {
	char		*out;		/* the output folder as given */
	char		*path;		/* the staging folder beside it */
	pthread_mutex_t	 lock;
	int		 failed;	/* a write failed: write no more */
	struct pb_spare	*spare;		/* made from it (pb_stage_begin) */
	size_t		 shared;	/* files reused from the last output */
	struct pb_manifest written;	/* every file written, its hash */
};

/* Records a file written into the stage. */
static void
stage_record(struct pb_stage *s, const char *rel, struct pb_hash hash,
    const struct stat *st)
{
	pthread_mutex_lock(&s->lock);
	pb_manifest_add_file(&s->written, rel, hash, st);
	pthread_mutex_unlock(&s->lock);
}

/* Records a file reused from the last output (pb_stage_reuse). */
static void
stage_reused(struct pb_stage *s, const char *rel, struct pb_hash hash,
    const struct stat *st)
{
	stage_record(s, rel, hash, st);
	pthread_mutex_lock(&s->lock);
	s->shared++;
	pthread_mutex_unlock(&s->lock);
}

/* Orders the files written by name, and those of one name as written. */
static int
written_cmp(const void *a, const void *b)
{
	const struct pb_manifest_entry *const *x = a, *const *y = b;
	int	 c = strcmp((*x)->id, (*y)->id);

	return c != 0 ? c : *x < *y ? -1 : *x > *y;
}

void
pb_stage_files(struct pb_stage *s, struct pb_manifest *m)
{
	const struct pb_manifest_entry	**v;
	size_t				  i, n;

	/* A file written twice (reused, then built after all when another
	 * file of its packet was not there) counts once, as last written. */
	pthread_mutex_lock(&s->lock);
	n = s->written.nfiles;
	v = pb_xcalloc(n + 1, sizeof(*v));
	for (i = 0; i < n; i++)
		v[i] = &s->written.files[i];
	if (n > 1)
		qsort(v, n, sizeof(*v), written_cmp);
	for (i = 0; i < n; i++) {
		if (i + 1 < n && strcmp(v[i]->id, v[i + 1]->id) == 0)
			continue;
		pb_manifest_add_file(m, v[i]->id, v[i]->hash, NULL);
		m->files[m->nfiles - 1].size = v[i]->size;
		m->files[m->nfiles - 1].mtime = v[i]->mtime;
		m->files[m->nfiles - 1].ino = v[i]->ino;
	}
	pthread_mutex_unlock(&s->lock);
	free(v);
}

char *
pb_out_sidecar(const char *outdir, const char *what)
{
	char	*dup, *dup2, *p;

	dup = pb_xstrdup(outdir);
	dup2 = pb_xstrdup(outdir);
	p = pb_xasprintf("%s/.%s.%s", dirname(dup2), basename(dup), what);
	free(dup);
	free(dup2);
	return p;
}

/* Non-zero when name is a staging folder of the output folder base. */
static int
is_staging(const char *name, const char *base)
{
	size_t	 n = strlen(base);

	return name[0] == '.' && strncmp(name + 1, base, n) == 0 &&
	    strncmp(name + 1 + n, ".staging", 8) == 0 &&
	    (name[9 + n] == '\0' || name[9 + n] == '.');
}

void
pb_stage_clean(const char *outdir)
{
	char		*dup = pb_xstrdup(outdir), *dup2 = pb_xstrdup(outdir);
	char		*dir, *base, *p;
	DIR		*dp;
	struct dirent	*e;

	/* Under the lock no other build is running: every staging folder
	 * beside outdir was left by a build that was killed. */
	dir = dirname(dup);
	base = basename(dup2);
	if ((dp = opendir(dir)) != NULL) {
		while ((e = readdir(dp)) != NULL) {
			if (!is_staging(e->d_name, base))
				continue;
			p = pb_xasprintf("%s/%s", dir, e->d_name);
			pb_rmtree(p);
			free(p);
		}
		closedir(dp);
	}
	free(dup);
	free(dup2);
}

/*
 * path with its symbolic links resolved, for a path that may not exist
 * yet: the longest leading part that exists is resolved, and the rest
 * appended with "." and ".." applied by name. The caller frees it; NULL
 * when not even the working folder resolves.
 */
static char *
resolve(const char *path)
{
	char	 real[PATH_MAX], *head = pb_xstrdup(path), *tail = NULL;
	char	*slash, *out = NULL, *t, *save = NULL, *part;

	while (realpath(head[0] ? head : ".", real) == NULL) {
		slash = strrchr(head, '/');
		part = slash ? slash + 1 : head;
		t = tail ? pb_xasprintf("%s/%s", part, tail) :
		    pb_xstrdup(part);
		free(tail);
		tail = t;
		if (slash == NULL)
			head[0] = '\0';
		else if (slash == head)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	out = pb_xstrdup(real);
	for (part = tail ? strtok_r(tail, "/", &save) : NULL; part != NULL;
	    part = strtok_r(NULL, "/", &save)) {
		if (strcmp(part, ".") == 0)
			continue;
		if (strcmp(part, "..") == 0) {
			if ((slash = strrchr(out, '/')) != NULL)
				*(slash == out ? slash + 1 : slash) = '\0';
			continue;
		}
		t = pb_xasprintf("%s%s%s", out, strcmp(out, "/") == 0 ? "" :
		    "/", part);
		free(out);
		out = t;
	}
	free(head);
	free(tail);
	return out;
}

/*
 * Returns non-zero when the output folder outdir (which need not exist)
 * and the folder dir are one folder or one lies inside the other, once
 * symbolic links are resolved: a build must then write nothing.
 */
static int
out_overlaps(const char *outdir, const char *dir)
{
	char	*a = resolve(outdir), *b = resolve(dir);
	size_t	 na, nb;
	int	 rc = 1;	/* when in doubt, refuse */

	if (a != NULL && b != NULL) {
		na = strlen(a);
		nb = strlen(b);
		rc = strcmp(a, b) == 0 || strcmp(a, "/") == 0 ||
		    strcmp(b, "/") == 0 ||
		    (na < nb && strncmp(a, b, na) == 0 && b[na] == '/') ||
		    (nb < na && strncmp(a, b, nb) == 0 && a[nb] == '/');
	}
	free(a);
	free(b);
	return rc;
}

/*
 * Takes the lock of outdir, an flock on the file ".OUT.lock" beside it,
 * that every build holds from start to end: two builds never work on one
 * output folder at once. With wait, blocks until the other build is
 * done. Returns the descriptor to give pb_out_unlock, -1 when another
 * build holds the lock (without wait), -2 when the lock file cannot be
 * opened (errno says why).
 */
static int
out_lock(const char *outdir, int wait)
{
	char	*path = pb_out_sidecar(outdir, "lock");
	int	 fd;

	fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
	free(path);
	if (fd < 0)
		return -2;
	while (flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
		if (errno == EINTR)
			continue;
		close(fd);
		return errno == EWOULDBLOCK ? -1 : -2;
	}
	return fd;
}

int
pb_out_take(const char *outdir, const char *indir, const char *tdir,
    int tell, void (*say)(const char *, ...), int *lock)
{
	int	 in = out_overlaps(outdir, indir);

	*lock = -2;
	if (in || out_overlaps(outdir, tdir)) {
		say("the output folder '%s' and the %s folder '%s' overlap "
		    "(one is the other or lies inside it); a build would "
		    "replace it: choose another -o", outdir,
		    in ? "input" : "templates", in ? indir : tdir);
		return PB_EXIT_USAGE;
	}
	/* one build at a time per output folder: wait for the other */
	if ((*lock = out_lock(outdir, 0)) == -1) {
		if (tell)
			say("waiting for another build of '%s' to finish",
			    outdir);
		*lock = out_lock(outdir, 1);
	}
	if (*lock < 0) {
		say("cannot lock the output folder '%s': %s", outdir,
		    strerror(errno));
		return PB_EXIT_SYSTEM;
	}
	return PB_EXIT_OK;
}

void
pb_out_unlock(int fd)
{
	if (fd >= 0)
		close(fd);
}

/* Creates path, a file that must not be there yet, for writing. */
static int
open_new(const char *path)
{
	return open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0644);
}

int
pb_write_aside(const char *path, const char *data, size_t len)
{
	char	*tmp = pb_xasprintf("%s.tmp", path);
	int	 fd, ok = 0;

	unlink(tmp);
	if ((fd = open_new(tmp)) >= 0) {
		ok = write(fd, data, len) == (ssize_t)len;
		ok = close(fd) == 0 && ok;
		ok = ok && rename(tmp, path) == 0;
		if (!ok)
			unlink(tmp);
	}
	free(tmp);
	return ok;
}

int
pb_read_aside(const char *path, size_t max, char **data, size_t *len)
{
	struct stat	 st;
	char		*b;
	int		 fd, ok = 0;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) < 0)
		return 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (uintmax_t)st.st_size <= max) {
		b = pb_xmalloc((size_t)st.st_size + 1);
		if (pb_read_full(fd, b, (size_t)st.st_size) ==
		    (ssize_t)st.st_size) {
			b[st.st_size] = '\0';
			*data = b;
			*len = (size_t)st.st_size;
			ok = 1;
		} else
			free(b);
	}
	close(fd);
	return ok;
}

/*
 * Records the first failure to write (a full disk, say) as a system
 * error; later writes are skipped without another message.
 */
static void
stage_fail(struct pb_stage *s, const char *path, const char *what,
    struct pb_diags *d)
{
	int	 first;

	pthread_mutex_lock(&s->lock);
	first = !s->failed;
	s->failed = 1;
	pthread_mutex_unlock(&s->lock);
	if (first)
		pb_diag_system(d, path, 0, 0, "cannot %s: %s", what,
		    strerror(errno));
}

static int
stage_failed(struct pb_stage *s)
{
	int	 f;

	pthread_mutex_lock(&s->lock);
	f = s->failed;
	pthread_mutex_unlock(&s->lock);
	return f;
}

/*
 * Removes everything inside the folder open as dfd (which it closes),
 * never following a link: each entry by its name in its folder, the
 * type readdir gives looked up only where it does not give one. depth
 * bounds the nesting, and so the folders open at once (a build writes
 * two levels). 0 on failure.
 */
static int
rm_inside(int dfd, int depth)
{
	DIR		*dp;
	struct dirent	*e;
	struct stat	 st;
	int		 sub, ok = 1, isdir;

	if ((dp = fdopendir(dfd)) == NULL) {
		close(dfd);
		return 0;
	}
	while ((e = readdir(dp)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		isdir = e->d_type == DT_DIR;
		if (e->d_type == DT_UNKNOWN)
			isdir = fstatat(dirfd(dp), e->d_name, &st,
			    AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
		if (!isdir) {
			if (unlinkat(dirfd(dp), e->d_name, 0) != 0)
				ok = 0;
			continue;
		}
		if (depth <= 0 || (sub = openat(dirfd(dp), e->d_name,
		    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0 ||
		    !rm_inside(sub, depth - 1) ||
		    unlinkat(dirfd(dp), e->d_name, AT_REMOVEDIR) != 0)
			ok = 0;
	}
	closedir(dp);
	return ok;
}

/* One half of a folder's entries removed in a thread (rm_halves). */
struct rm_half {
	int		  dfd;	/* the folder */
	char		**names;
	size_t		  n, from;	/* every other name from from */
	int		  ok;
};

static void *
rm_half_main(void *arg)
{
	struct rm_half	*h = arg;
	struct stat	 st;
	size_t		 i;
	int		 sub;

	for (i = h->from; i < h->n; i += 2) {
		if (unlinkat(h->dfd, h->names[i], 0) == 0)
			continue;
		/* a folder (or gone): what is in it, then it */
		if (fstatat(h->dfd, h->names[i], &st, AT_SYMLINK_NOFOLLOW) !=
		    0 || !S_ISDIR(st.st_mode) || (sub = openat(h->dfd,
		    h->names[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC)) < 0 || !rm_inside(sub, 256) ||
		    unlinkat(h->dfd, h->names[i], AT_REMOVEDIR) != 0)
			h->ok = 0;
	}
	return NULL;
}

/*
 * rm_inside for the folder open as dfd (which it closes), its entries
 * shared by two threads: a build's output is a folder per packet, and
 * the kernel's work of removing them, most of the time a rebuild spends
 * after its output is in place, goes twice as fast on two cores.
 */
static int
rm_halves(int dfd)
{
	struct rm_half	 h[2];
	struct dirent	*e;
	DIR		*dp;
	pthread_t	 tid;
	char		**names;
	size_t		 n = 0, cap = 0, i;
	int		 started;

	if ((dp = fdopendir(dfd)) == NULL) {
		close(dfd);
		return 0;
	}
	/* the names first: none is removed while the folder is read */
	while (readdir(dp) != NULL)
		cap++;
	rewinddir(dp);
	names = pb_xcalloc(cap + 1, sizeof(*names));
	while ((e = readdir(dp)) != NULL && n < cap)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			names[n++] = pb_xstrdup(e->d_name);
	for (i = 0; i < 2; i++) {
		h[i].dfd = dirfd(dp);
		h[i].names = names;
		h[i].n = n;
		h[i].from = i;
		h[i].ok = 1;
	}
	started = n > 1 && pthread_create(&tid, NULL, rm_half_main, &h[1]) == 0;
	rm_half_main(&h[0]);
	if (started)
		pthread_join(tid, NULL);
	else
		rm_half_main(&h[1]);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	closedir(dp);
	return h[0].ok && h[1].ok;
}

int
pb_rmtree(const char *path)
{
	struct stat	 st;
	int		 fd;

	if (lstat(path, &st) != 0)
		return errno == ENOENT;
	if (!S_ISDIR(st.st_mode))
		return unlink(path) == 0;
	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) < 0)
		return 0;
	return rm_halves(fd) && rmdir(path) == 0;
}

/* The spare: the output the last build replaced, kept beside outdir. */
struct pb_spare {
	char		 *path;
	pthread_t	  tid;
	int		  started;
	int		  ok;
	char		**files;	/* its regular files, sorted */
	size_t		  nfiles;
	char		**dirs;		/* its folders, sorted */
	size_t		  ndirs;
};

/*
 * Goes over the folder open as dfd (closed here), rel its path in the
 * spare (a buffer of PATH_MAX bytes), listing its regular files and
 * folders in sp and removing anything else: a symbolic link, a pipe, a
 * folder deeper than a build writes (depth counts down). A build writes
 * into the stage made from it as into one it made, through no link.
 */
static int
spare_walk(struct pb_spare *sp, int dfd, char *rel, int depth)
{
	DIR		*dp;
	struct dirent	*e;
	struct stat	 st;
	size_t		 len = strlen(rel);
	int		 ok = 1, sub, type;

	if ((dp = fdopendir(dfd)) == NULL) {
		close(dfd);
		return 0;
	}
	while (ok && (e = readdir(dp)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (len + strlen(e->d_name) + 2 > PATH_MAX) {
			ok = 0;
			break;
		}
		snprintf(rel + len, PATH_MAX - len, "%s%s", len ? "/" : "",
		    e->d_name);
		type = e->d_type;
		if (type == DT_UNKNOWN && fstatat(dirfd(dp), e->d_name, &st,
		    AT_SYMLINK_NOFOLLOW) == 0)
			type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ?
			    DT_REG : DT_LNK;
		if (type == DT_REG) {
			sp->files = pb_grow(sp->files, sp->nfiles,
			    sizeof(*sp->files));
			sp->files[sp->nfiles++] = pb_xstrdup(rel);
		} else if (type != DT_DIR)
			ok = unlinkat(dirfd(dp), e->d_name, 0) == 0;
		else if ((sub = openat(dirfd(dp), e->d_name, O_RDONLY |
		    O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)
			ok = 0;
		else if (depth > 0) {
			sp->dirs = pb_grow(sp->dirs, sp->ndirs,
			    sizeof(*sp->dirs));
			sp->dirs[sp->ndirs++] = pb_xstrdup(rel);
			ok = spare_walk(sp, sub, rel, depth - 1);
		} else
			ok = rm_inside(sub, 256) && unlinkat(dirfd(dp),
			    e->d_name, AT_REMOVEDIR) == 0;
		rel[len] = '\0';
	}
	closedir(dp);
	return ok;
}

static void *
spare_main(void *arg)
{
	struct pb_spare	*sp = arg;
	char		 rel[PATH_MAX] = "";
	int		 fd;

	/* a build writes ID/FILE and ID/media/FILE */
	sp->ok = (fd = open(sp->path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) >= 0 && spare_walk(sp, fd, rel, 2);
	if (sp->nfiles > 1)
		qsort(sp->files, sp->nfiles, sizeof(*sp->files), pb_name_cmp);
	if (sp->ndirs > 1)
		qsort(sp->dirs, sp->ndirs, sizeof(*sp->dirs), pb_name_cmp);
	return NULL;
}

struct pb_spare *
pb_spare_look(const char *outdir)
{
	struct pb_spare	*sp;
	struct stat	 st;
	char		*path = pb_out_sidecar(outdir, "spare");

	if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		if (lstat(path, &st) == 0)	/* not one: removed */
			unlink(path);
		free(path);
		return NULL;
	}
	sp = pb_xcalloc(1, sizeof(*sp));
	sp->path = path;
	if (!(sp->started = pthread_create(&sp->tid, NULL, spare_main,
	    sp) == 0))
		spare_main(sp);
	return sp;
}

/* Waits for sp's look; non-zero when the stage can be made from it. */
static int
spare_done(struct pb_spare *sp)
{
	if (sp->started)
		pthread_join(sp->tid, NULL);
	sp->started = 0;
	return sp->ok;
}

void
pb_spare_free(struct pb_spare *sp)
{
	size_t	 i;

	if (sp == NULL)
		return;
	spare_done(sp);
	for (i = 0; i < sp->nfiles; i++)
		free(sp->files[i]);
	for (i = 0; i < sp->ndirs; i++)
		free(sp->dirs[i]);
	free(sp->files);
	free(sp->dirs);
	free(sp->path);
	free(sp);
}

struct pb_stage *
pb_stage_begin(const char *outdir, struct pb_spare *sp, struct pb_diags *d)
{
	struct pb_stage	*s;
	struct stat	 st;
	char		*tmpl;
	int		 err;

	if (lstat(outdir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		pb_diag_system(d, outdir, 0, 0, S_ISLNK(st.st_mode) ?
		    "output folder is a symbolic link; refusing to follow it" :
		    "output path exists and is not a folder");
		pb_spare_free(sp);
		return NULL;
	}
	/* A name of its own: the lock keeps other builds out, and no
	 * build ever writes into a folder another one could know. */
	pb_stage_clean(outdir);
	tmpl = pb_out_sidecar(outdir, "staging.XXXXXX");
	if (mkdtemp(tmpl) == NULL || chmod(tmpl, 0755) != 0) {
		err = errno;
		rmdir(tmpl);
		pb_diag_system(d, outdir, 0, 0, "cannot create a staging "
		    "folder beside it: %s", strerror(err));
		free(tmpl);
		pb_spare_free(sp);
		return NULL;
	}
	s = pb_xcalloc(1, sizeof(*s));
	s->out = pb_xstrdup(outdir);
	s->path = tmpl;
	pthread_mutex_init(&s->lock, NULL);
	/* The output the last build replaced, kept as the spare: its files
	 * are mostly the very files of out/ (hard links), which the build
	 * then keeps instead of linking each again (pb_stage_reuse), and
	 * what it no longer has goes before the swap (prune). */
	if (sp != NULL && spare_done(sp) && rename(sp->path, tmpl) == 0)
		s->spare = sp;
	else if (sp != NULL) {
		pb_rmtree(sp->path);
		pb_spare_free(sp);
	}
	return s;
}

const char *
pb_stage_path(const struct pb_stage *s)
{
	return s->path;
}

/*
 * Makes way at path (rel in the stage) for what this build puts there when
 * a stage made from the spare has something else in its place: a file
 * where it now needs a folder, a folder where it writes a file, a file of
 * a build that stopped while writing. Removes only what the spare held.
 * Non-zero when nothing is left in the way.
 */
static int
spare_make_way(struct pb_stage *s, const char *rel, const char *path)
{
	const struct pb_spare	*sp = s->spare;
	struct stat		 st;

	if (lstat(path, &st) != 0)
		return errno == ENOENT;
	if (sp == NULL)
		return 0;
	if (S_ISDIR(st.st_mode))
		return bsearch(&rel, sp->dirs, sp->ndirs, sizeof(char *),
		    pb_name_cmp) != NULL && pb_rmtree(path);
	return bsearch(&rel, sp->files, sp->nfiles, sizeof(char *),
	    pb_name_cmp) != NULL && (unlink(path) == 0 || errno == ENOENT);
}

/* Non-zero when path is a folder (not a link to one). */
static int
is_dir(const char *path)
{
	struct stat	 st;

	return lstat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Creates the folders of relpath under the stage (not the last part). */
static int
mkparents(struct pb_stage *s, const char *relpath)
{
	char		*p, *slash;
	size_t		 root = strlen(s->path) + 1;
	int		 rc = 1;

	p = pb_xasprintf("%s/%s", s->path, relpath);
	for (slash = p + root; (slash = strchr(slash, '/')) != NULL;
	    slash++) {
		*slash = '\0';
		/* there already, or in the place of a file of the spare */
		if (mkdir(p, 0755) != 0 && (errno != EEXIST || !is_dir(p)))
			rc = errno == EEXIST && spare_make_way(s, p + root, p) &&
			    (mkdir(p, 0755) == 0 || is_dir(p));
		*slash = '/';
		if (!rc)
			break;
	}
	free(p);
	return rc;
}

int
pb_stage_write(struct pb_stage *s, const char *relpath, const char *data,
    size_t len, struct pb_diags *d)
{
	char		*path, *tmp, *dst = NULL;
	int		 fd = -1, rc = 0;
	ssize_t		 w;
	struct pb_hash	 h = pb_hash_data(data, len);
	struct stat	 st;

	path = pb_xasprintf("%s/%s", s->out, relpath);	/* for messages */
	tmp = pb_xasprintf("%s/%s.tmp", s->path, relpath);
	if (strstr(relpath, "..") != NULL || relpath[0] == '/') {
		pb_diag_system(d, relpath, 0, 0, "refusing output name");
		goto out;
	}
	if (stage_failed(s))
		goto out;
	if (!mkparents(s, relpath) || ((fd = open_new(tmp)) < 0 &&
	    (errno != EEXIST || !spare_make_way(s, tmp + strlen(s->path) + 1,
	    tmp) || (fd = open_new(tmp)) < 0))) {
		stage_fail(s, path, "create", d);
		goto out;
	}
	while (len > 0) {
		if ((w = write(fd, data, len)) < 0) {
			if (errno == EINTR)
				continue;
			stage_fail(s, path, "write", d);
			goto out;
		}
		data += w;
		len -= (size_t)w;
	}
	/* No fsync here: pb_stage_commit syncs the whole file system once. */
	if (fstat(fd, &st) != 0 || close(fd) != 0) {
		fd = -1;
		stage_fail(s, path, "write", d);
		goto out;
	}
	fd = -1;
	dst = pb_xasprintf("%s/%s", s->path, relpath);
	if (rename(tmp, dst) != 0 && (errno != EISDIR ||
	    !spare_make_way(s, relpath, dst) || rename(tmp, dst) != 0)) {
		stage_fail(s, path, "rename", d);
		goto out;
	}
	if (strcmp(relpath, ".manifest") != 0)
		stage_record(s, relpath, h, &st);
	rc = 1;
out:
	if (fd >= 0)
		close(fd);
	if (!rc)
		unlink(tmp);
	free(dst);
	free(tmp);
	free(path);
	return rc;
}

/*
 * Opens the folder holding relpath under root, every folder on the way
 * with O_NOFOLLOW; sets *name to relpath's last part. -1 on failure.
 */
static int
open_parent(const char *root, const char *relpath, const char **name)
{
	char	*rel, *part, *slash;
	int	 dfd, next;

	if ((dfd = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) < 0)
		return -1;
	rel = pb_xstrdup(relpath);
	for (part = rel; (slash = strchr(part, '/')) != NULL;
	    part = slash + 1) {
		*slash = '\0';
		next = openat(dfd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
		close(dfd);
		if ((dfd = next) < 0)
			break;
	}
	free(rel);
	*name = strrchr(relpath, '/') ? strrchr(relpath, '/') + 1 : relpath;
	return dfd;
}

/*
 * Hard-links name (in the folder dfd) as to, relpath in the stage, not
 * following a link; creates the folders on the way when they are not
 * there yet (most files go into a folder made for an earlier one).
 */
static int
link_into(struct pb_stage *s, int dfd, const char *name, const char *relpath,
    const char *to)
{
	if (linkat(dfd, name, AT_FDCWD, to, 0) == 0)
		return 1;
	return (errno == ENOENT || errno == ENOTDIR) && mkparents(s, relpath) &&
	    linkat(dfd, name, AT_FDCWD, to, 0) == 0;
}

/* Non-zero when st is the file e records, as its last build left it. */
static int
as_recorded(const struct stat *st, const struct pb_manifest_entry *e)
{
	return e->ino != 0 && (uint64_t)st->st_ino == e->ino &&
	    (uint64_t)st->st_size == e->size &&
	    (uint64_t)st->st_mtim.tv_sec * 1000000000u +
	    (uint64_t)st->st_mtim.tv_nsec == e->mtime;
}

/*
 * Reads the open file in into *b; sets *got to its content's hash.
 * Returns 0 on a read error.
 */
static int
read_hashed(int in, struct pb_buf *b, struct pb_hash *got)
{
	struct pb_hasher	*h = pb_hasher_new();
	char			 buf[65536];
	ssize_t			 n;

	while ((n = pb_read_full(in, buf, sizeof(buf))) > 0) {
		pb_hasher_add(h, buf, (size_t)n);
		pb_buf_put(b, buf, (size_t)n);
	}
	*got = pb_hasher_end(h);
	return n == 0;
}

/*
 * The folder of out/ holding relpath, open as r keeps it for the next
 * file of that folder (open_parent); *name set to relpath's last part.
 */
static int
reuse_dir(const struct pb_stage *s, struct pb_reuse_dir *r,
    const char *relpath, const char **name)
{
	const char	*slash = strrchr(relpath, '/');
	size_t		 n = slash != NULL ? (size_t)(slash - relpath) : 0;

	if (r->dir != NULL && r->fd >= 0 && strlen(r->dir) == n &&
	    strncmp(r->dir, relpath, n) == 0) {
		*name = slash != NULL ? slash + 1 : relpath;
		return r->fd;
	}
	pb_reuse_end(r);
	r->dir = pb_xstrndup(relpath, n);
	return r->fd = open_parent(s->out, relpath, name);
}

void
pb_reuse_end(struct pb_reuse_dir *r)
{
	if (r->fd >= 0)
		close(r->fd);
	free(r->dir);
	r->dir = NULL;
	r->fd = -1;
}

int
pb_stage_reuse(struct pb_stage *s, const struct pb_manifest_entry *e)
{
	struct pb_reuse_dir	 r = PB_REUSE_DIR_INIT;
	int		 rc;

	rc = pb_stage_reuse_in(s, &r, e);
	pb_reuse_end(&r);
	return rc;
}

int
pb_stage_reuse_in(struct pb_stage *s, struct pb_reuse_dir *r,
    const struct pb_manifest_entry *e)
{
	char		*to = NULL;
	const char	*name, *relpath;
	struct pb_buf	 b = { NULL, 0, 0 };
	struct stat	 st, lst;
	struct pb_hash	 got;
	int		 dfd, in = -1, out, rc = 0, known;

	if (e == NULL)
		return 0;
	relpath = e->id;
	if (strstr(relpath, "..") != NULL || stage_failed(s))
		return 0;
	to = pb_xasprintf("%s/%s", s->path, relpath);
	/* from the spare: the very file out/ has, as the last build left
	 * it, is there already; anything else there goes */
	if (s->spare != NULL && bsearch(&relpath, s->spare->files,
	    s->spare->nfiles, sizeof(char *), pb_name_cmp) != NULL &&
	    lstat(to, &lst) == 0) {
		if (S_ISREG(lst.st_mode) && as_recorded(&lst, e)) {
			stage_reused(s, relpath, e->hash, &lst);
			free(to);
			return 1;
		}
		if (!(S_ISDIR(lst.st_mode) ? pb_rmtree(to) : unlink(to) == 0)) {
			free(to);
			return 0;
		}
	}
	if ((dfd = reuse_dir(s, r, relpath, &name)) < 0) {
		free(to);
		return 0;
	}
	/* as the last build left it: linked without being read, and the
	 * link checked to be that very file */
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISREG(st.st_mode) && as_recorded(&st, e) &&
	    link_into(s, dfd, name, relpath, to)) {
		if (lstat(to, &lst) == 0 && lst.st_ino == st.st_ino &&
		    lst.st_dev == st.st_dev && as_recorded(&lst, e)) {
			stage_reused(s, relpath, e->hash, &lst);
			rc = 1;
			goto out;
		}
		unlink(to);	/* replaced in between: read it */
	}
	if ((in = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) < 0 || fstat(in, &st) != 0 || !S_ISREG(st.st_mode))
		goto out;
	known = read_hashed(in, &b, &got);
	if (!known || !pb_hash_eq(got, e->hash))
		goto out;	/* changed since the manifest: rebuild */
	/* A hard link to the file just checked (not through a link: linkat
	 * without AT_SYMLINK_FOLLOW); a copy where links cannot be made. */
	if (link_into(s, dfd, name, relpath, to))
		rc = 1;		/* the same inode: st stays true */
	else if (mkparents(s, relpath) && (out = open_new(to)) >= 0) {
		rc = (b.len == 0 || write(out, b.data, b.len) ==
		    (ssize_t)b.len) && fstat(out, &st) == 0;
		if (close(out) != 0)
			rc = 0;
		if (!rc)
			unlink(to);
	}
	if (rc)
		stage_reused(s, relpath, got, &st);
out:
	if (in >= 0)
		close(in);
	free(to);
	pb_buf_free(&b);
	return rc;
}

/* fsyncs a folder so renames inside it are durable. */
static void
sync_dir(const char *path)
{
	int	 fd;

	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
}

/*
 * Puts everything written on the staging folder's file system (its files,
 * their folders, their names) on disk with one syncfs, in place of an fsync
 * per file; a write error the kernel met on the way fails it. 0 on failure,
 * with errno set.
 */
static int
sync_stage(const char *path)
{
	int	 fd, rc, e;

	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return 0;
	rc = syncfs(fd) == 0;
	e = errno;
	close(fd);
	errno = e;
	return rc;
}

/*
 * Removes from a stage made from the spare what the spare held and this
 * build did not write (a packet gone, a chart no longer placed), the
 * folders left empty with it. 0 on failure, with errno set.
 */
static int
stage_prune(struct pb_stage *s)
{
	const struct pb_spare	 *sp = s->spare;
	const char		**names, *key;
	char			 *path;
	size_t			  i, lo, hi, mid, len, n = s->written.nfiles;
	int			  ok = 1, kept;

	names = pb_xcalloc(n + 1, sizeof(*names));
	for (i = 0; i < n; i++)
		names[i] = s->written.files[i].id;
	qsort(names, n, sizeof(*names), pb_name_cmp);
	for (i = 0; ok && i < sp->nfiles; i++) {
		key = sp->files[i];
		if (strcmp(key, ".manifest") == 0 || bsearch(&key, names, n,
		    sizeof(*names), pb_name_cmp) != NULL)
			continue;
		path = pb_xasprintf("%s/%s", s->path, key);
		/* gone already, or this build's own in its place: a
		 * folder (EISDIR), a file where its folder was (ENOTDIR) */
		ok = unlink(path) == 0 || errno == ENOENT || errno == EISDIR ||
		    errno == ENOTDIR;
		free(path);
	}
	/* deepest first: a folder no file written lies in (the first name
	 * not before "DIR/" does not start with it) */
	for (i = sp->ndirs; ok && i-- > 0; ) {
		path = pb_xasprintf("%s/", sp->dirs[i]);
		len = strlen(path);
		for (lo = 0, hi = n; lo < hi; ) {
			mid = lo + (hi - lo) / 2;
			if (strcmp(names[mid], path) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		kept = lo < n && strncmp(names[lo], path, len) == 0;
		free(path);
		if (kept)
			continue;
		path = pb_xasprintf("%s/%s", s->path, sp->dirs[i]);
		ok = rmdir(path) == 0 || errno == ENOENT || errno == ENOTDIR;
		free(path);
	}
	free(names);
	return ok;
}

/*
 * The old output, at the staging name once swapped: the next build's
 * spare when this one reused files of it (most of its files are then
 * out/'s own), else removed.
 */
static void
stage_keep_old(struct pb_stage *s)
{
	char	*spare = pb_out_sidecar(s->out, "spare");

	if (s->shared == 0 || rename(s->path, spare) != 0)
		pb_rmtree(s->path);
	free(spare);
}

int
pb_stage_commit(struct pb_stage *s, struct pb_diags *d)
{
	struct stat	 st;
	char		*dup;

	/* Every file is on disk before out/ is swapped, so a crash leaves
	 * either the old out/ or the whole new one; a stage made from the
	 * spare holds only what this build wrote or kept. */
	if ((s->spare && !stage_prune(s)) || !sync_stage(s->path))
		goto fail;
	if (lstat(s->out, &st) != 0) {
		if (rename(s->path, s->out) != 0)
			goto fail;
	} else if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		goto fail;
	} else {
		/* Swap both names in one step; the old output ends up at
		 * the staging name, kept as the spare or removed. */
		if (renameat2(AT_FDCWD, s->path, AT_FDCWD, s->out,
		    RENAME_EXCHANGE) != 0)
			goto fail;
		stage_keep_old(s);
	}
	dup = pb_xstrdup(s->out);
	sync_dir(dirname(dup));
	free(dup);
	pthread_mutex_destroy(&s->lock);
	pb_manifest_free(&s->written);
	pb_spare_free(s->spare);
	free(s->path);
	free(s->out);
	free(s);
	return 1;
fail:
	pb_diag_system(d, s->out, 0, 0, "cannot replace output folder: %s",
	    strerror(errno));
	pb_stage_abort(s);
	return 0;
}

void
pb_stage_abort(struct pb_stage *s)
{
	if (s == NULL)
		return;
	pb_rmtree(s->path);
	pthread_mutex_destroy(&s->lock);
	pb_manifest_free(&s->written);
	pb_spare_free(s->spare);
	free(s->path);
	free(s->out);
	free(s);
}
