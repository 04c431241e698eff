/*
 * init.c - writing a new project: the skeleton folder (skeleton/ in the
 * data folder) copied into an empty or new folder, file by file, never
 * over an existing file.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "init.h"
#include "pb.h"

/* Makes dir and the folders above it that are missing; 0 on failure. */
static int
mkdirs(const char *dir)
{
	char	*p, *s;
	int	 ok = 1;

	p = pb_xstrdup(dir);
	for (s = p + 1; ok && *s != '\0'; s++)
		if (*s == '/') {
			*s = '\0';
			ok = mkdir(p, 0777) == 0 || errno == EEXIST;
			*s = '/';
		}
	ok = ok && (mkdir(p, 0777) == 0 || errno == EEXIST);
	free(p);
	return ok;
}

/* Copies the regular file from to the new file to; 0 on failure. */
static int
copy_file(const char *from, const char *to)
{
	char	 buf[8192];
	ssize_t	 n;
	int	 in, out, ok = 1;

	if ((in = open(from, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return 0;
	if ((out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0666)) < 0) {
		close(in);
		return 0;
	}
	while (ok && (n = read(in, buf, sizeof(buf))) != 0)
		ok = n > 0 && write(out, buf, (size_t)n) == n;
	close(in);
	return close(out) == 0 && ok;
}

/* Copies the tree from into the existing folder to; 0 on failure. */
static int
copy_tree(const char *from, const char *to, struct pb_diags *d)
{
	DIR		*dp;
	struct dirent	*e;
	struct stat	 st;
	char		*src, *dst;
	int		 ok = 1;

	if ((dp = opendir(from)) == NULL) {
		pb_diag_system(d, from, 0, 0, "cannot read the project "
		    "skeleton: %s", strerror(errno));
		return 0;
	}
	while (ok && (e = readdir(dp)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		src = pb_xasprintf("%s/%s", from, e->d_name);
		dst = pb_xasprintf("%s/%s", to, e->d_name);
		if (lstat(src, &st) != 0)
			ok = 0;
		else if (S_ISDIR(st.st_mode)) {
			if (mkdir(dst, 0777) != 0) {
				pb_diag_system(d, dst, 0, 0, "cannot make "
				    "folder: %s", strerror(errno));
				ok = 0;
			} else
				ok = copy_tree(src, dst, d);
		} else if (S_ISREG(st.st_mode) && !copy_file(src, dst)) {
			pb_diag_system(d, dst, 0, 0, "cannot write: %s",
			    strerror(errno));
			ok = 0;
		}
		free(src);
		free(dst);
	}
	closedir(dp);
	return ok;
}

int
pb_init_project(const char *skel, const char *dir, struct pb_diags *d)
{
	DIR		*dp;
	struct dirent	*e;
	struct stat	 st;
	int		 empty = 1;

	if (stat(skel, &st) != 0 || !S_ISDIR(st.st_mode)) {
		pb_diag_system(d, skel, 0, 0, "no project skeleton here; "
		    "is peerbrief installed (make install)?");
		return PB_EXIT_SYSTEM;
	}
	if (stat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode) || (dp = opendir(dir)) == NULL) {
			pb_diag_error(d, dir, 0, 0, "not a folder peerbrief "
			    "can write a new project into");
			return PB_EXIT_USAGE;
		}
		while (empty && (e = readdir(dp)) != NULL)
			empty = strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0;
		closedir(dp);
		if (!empty) {
			pb_diag_error(d, dir, 0, 0, "the folder is not empty; "
			    "peerbrief init writes a new project only into an "
			    "empty or new folder (try peerbrief init NEWDIR)");
			return PB_EXIT_USAGE;
		}
	} else if (!mkdirs(dir)) {
		pb_diag_system(d, dir, 0, 0, "cannot make folder: %s",
		    strerror(errno));
		return PB_EXIT_SYSTEM;
	}
	return copy_tree(skel, dir, d) ? PB_EXIT_OK : PB_EXIT_SYSTEM;
}
