/*
 * publish.c - the staging folder and the atomic swap into out/.
 */
#define _GNU_SOURCE
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <libgen.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pb.h"
#include "publish.h"

struct pb_stage {
	char		*out;		/* the output folder as given */
	char		*path;		/* the staging folder beside it */
	pthread_mutex_t	 lock;
	int		 failed;	/* a write failed: write no more */
};

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

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)f;
	if (flag == FTW_DP)
		return rmdir(path);
	return unlink(path);
}

int
pb_rmtree(const char *path)
{
	struct stat	 st;

	if (lstat(path, &st) != 0)
		return errno == ENOENT;
	if (!S_ISDIR(st.st_mode))
		return unlink(path) == 0;
	return nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS) == 0;
}

struct pb_stage *
pb_stage_begin(const char *outdir, struct pb_diags *d)
{
	struct pb_stage	*s;
	struct stat	 st;
	char		*dup, *dup2, *base;

	if (lstat(outdir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		pb_diag_system(d, outdir, 0, 0, S_ISLNK(st.st_mode) ?
		    "output folder is a symbolic link; refusing to follow it" :
		    "output path exists and is not a folder");
		return NULL;
	}
	s = pb_xcalloc(1, sizeof(*s));
	s->out = pb_xstrdup(outdir);
	dup = pb_xstrdup(outdir);
	dup2 = pb_xstrdup(outdir);
	base = basename(dup);
	s->path = pb_xasprintf("%s/.%s.staging", dirname(dup2), base);
	free(dup);
	free(dup2);
	if (!pb_rmtree(s->path) || mkdir(s->path, 0755) != 0) {
		pb_diag_system(d, s->path, 0, 0,
		    "cannot create staging folder: %s", strerror(errno));
		free(s->path);
		free(s->out);
		free(s);
		return NULL;
	}
	pthread_mutex_init(&s->lock, NULL);
	return s;
}

const char *
pb_stage_path(const struct pb_stage *s)
{
	return s->path;
}

/* Creates the folders of relpath under the stage (not the last part). */
static int
mkparents(const char *root, const char *relpath)
{
	char	*p, *slash;
	int	 rc = 1;

	p = pb_xasprintf("%s/%s", root, relpath);
	for (slash = p + strlen(root) + 1; (slash = strchr(slash, '/')) != NULL;
	    slash++) {
		*slash = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST)
			rc = 0;
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
	char	*path, *tmp, *dst = NULL;
	int	 fd = -1, rc = 0;
	ssize_t	 w;

	path = pb_xasprintf("%s/%s", s->out, relpath);	/* for messages */
	tmp = pb_xasprintf("%s/%s.tmp", s->path, relpath);
	if (strstr(relpath, "..") != NULL || relpath[0] == '/') {
		pb_diag_system(d, relpath, 0, 0, "refusing output name");
		goto out;
	}
	if (stage_failed(s))
		goto out;
	if (!mkparents(s->path, relpath) ||
	    (fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0644)) < 0) {
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
	if (fsync(fd) != 0 || close(fd) != 0) {
		fd = -1;
		stage_fail(s, path, "write", d);
		goto out;
	}
	fd = -1;
	dst = pb_xasprintf("%s/%s", s->path, relpath);
	if (rename(tmp, dst) != 0) {
		stage_fail(s, path, "rename", d);
		goto out;
	}
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

int
pb_stage_reuse(struct pb_stage *s, const char *relpath)
{
	char		*from, *to, buf[65536];
	struct stat	 st;
	int		 in = -1, out = -1, rc = 0;
	ssize_t		 n;

	from = pb_xasprintf("%s/%s", s->out, relpath);
	to = pb_xasprintf("%s/%s", s->path, relpath);
	if (strstr(relpath, "..") != NULL || lstat(from, &st) != 0 ||
	    !S_ISREG(st.st_mode) || !mkparents(s->path, relpath))
		goto out;
	if (link(from, to) == 0) {
		rc = 1;
		goto out;
	}
	if ((in = open(from, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0 ||
	    (out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0644)) < 0)
		goto out;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n)
			goto out;
	rc = n == 0 && fsync(out) == 0;
out:
	if (in >= 0)
		close(in);
	if (out >= 0 && close(out) != 0)
		rc = 0;
	if (!rc)
		unlink(to);
	free(from);
	free(to);
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

int
pb_stage_commit(struct pb_stage *s, struct pb_diags *d)
{
	struct stat	 st;
	char		*dup;

	sync_dir(s->path);
	if (lstat(s->out, &st) != 0) {
		if (rename(s->path, s->out) != 0)
			goto fail;
	} else if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		goto fail;
	} else {
		/* Swap both names in one step; the old output ends up at
		 * the staging name and is removed. */
		if (renameat2(AT_FDCWD, s->path, AT_FDCWD, s->out,
		    RENAME_EXCHANGE) != 0)
			goto fail;
		pb_rmtree(s->path);
	}
	dup = pb_xstrdup(s->out);
	sync_dir(dirname(dup));
	free(dup);
	pthread_mutex_destroy(&s->lock);
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
	free(s->path);
	free(s->out);
	free(s);
}
