/*
 * hash.c - XXH3-128 over bytes, files and folders.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xxhash.h>

#include "hash.h"
#include "pb.h"

struct pb_hasher {
	XXH3_state_t	*st;
};

struct pb_hasher *
pb_hasher_new(void)
{
	struct pb_hasher	*h;

	h = pb_xcalloc(1, sizeof(*h));
	if ((h->st = XXH3_createState()) == NULL) {
		fputs("peerbrief: out of memory\n", stderr);
		abort();
	}
	XXH3_128bits_reset(h->st);
	return h;
}

void
pb_hasher_add(struct pb_hasher *h, const void *data, size_t len)
{
	XXH3_128bits_update(h->st, data, len);
}

void
pb_hasher_add_hash(struct pb_hasher *h, struct pb_hash v)
{
	XXH128_hash_t		x = { v.lo, v.hi };
	XXH128_canonical_t	c;

	XXH128_canonicalFromHash(&c, x);
	pb_hasher_add(h, &c, sizeof(c));
}

/*
 * Adds the content of the regular file path to h; 0 when it cannot be
 * read.
 */
static int
add_content(struct pb_hasher *h, const char *path, int nofollow)
{
	char		 buf[65536];
	ssize_t		 n;
	int		 fd;
	struct stat	 st;

	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC |
	    (nofollow ? O_NOFOLLOW : 0))) < 0)
		return 0;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return 0;
	}
	while ((n = pb_read_full(fd, buf, sizeof(buf))) > 0)
		pb_hasher_add(h, buf, (size_t)n);
	close(fd);
	return n == 0;
}

int
pb_hasher_add_file(struct pb_hasher *h, const char *path)
{
	return pb_hasher_add_file_as(h, path, path);
}

int
pb_hasher_add_file_as(struct pb_hasher *h, const char *path,
    const char *name)
{
	pb_hasher_add(h, name, strlen(name) + 1);
	if (!add_content(h, path, 0)) {
		pb_hasher_add(h, "\377unreadable", 12);
		return 0;
	}
	return 1;
}

/*
 * Adds what a build can see of the entry path, named rel (its path below
 * the folder being hashed): its type, a symbolic link's target and what
 * the target is (a regular file's content, another type by its letter,
 * "dangling" or "loop"), a regular file's content, a folder's entries.
 * Linked folders are not entered (their files are hashed where they are,
 * or lie outside the input, which a build refuses either way).
 */
static void
add_entry(struct pb_hasher *h, const char *path, const char *rel)
{
	struct stat	 st, tst;
	char		 target[4096], **v = NULL, *p, *r;
	ssize_t		 n;
	size_t		 k = 0, i;
	DIR		*dp;
	struct dirent	*e;

	pb_hasher_add(h, rel, strlen(rel) + 1);
	if (lstat(path, &st) != 0) {
		pb_hasher_add(h, "?", 2);
		return;
	}
	if (S_ISLNK(st.st_mode)) {
		n = readlink(path, target, sizeof(target) - 1);
		target[n > 0 ? n : 0] = '\0';
		pb_hasher_add(h, "L", 2);
		pb_hasher_add(h, target, strlen(target) + 1);
		if (stat(path, &tst) != 0)
			pb_hasher_add(h, errno == ELOOP ? "loop" : "dangling",
			    errno == ELOOP ? 5 : 9);
		else if (S_ISREG(tst.st_mode)) {
			pb_hasher_add(h, "f", 2);
			if (!add_content(h, path, 0))
				pb_hasher_add(h, "\377unreadable", 12);
		} else
			pb_hasher_add(h, S_ISDIR(tst.st_mode) ? "d" : "o", 2);
		return;
	}
	if (S_ISREG(st.st_mode)) {
		pb_hasher_add(h, "f", 2);
		if (!add_content(h, path, 1))
			pb_hasher_add(h, "\377unreadable", 12);
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		/* a pipe, a socket, a device: never opened */
		pb_hasher_add(h, S_ISFIFO(st.st_mode) ? "p" : S_ISSOCK(
		    st.st_mode) ? "s" : S_ISCHR(st.st_mode) ? "c" : "b", 2);
		return;
	}
	pb_hasher_add(h, "d", 2);
	if ((dp = opendir(path)) == NULL) {
		pb_hasher_add(h, "\377unreadable", 12);
		return;
	}
	while ((e = readdir(dp)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		v = pb_xrealloc(v, (k + 1) * sizeof(*v));
		v[k++] = pb_xstrdup(e->d_name);
	}
	closedir(dp);
	if (k > 1)
		qsort(v, k, sizeof(*v), pb_name_cmp);
	for (i = 0; i < k; i++) {
		p = pb_xasprintf("%s/%s", path, v[i]);
		r = rel[0] ? pb_xasprintf("%s/%s", rel, v[i]) :
		    pb_xstrdup(v[i]);
		add_entry(h, p, r);
		free(r);
		free(p);
		free(v[i]);
	}
	free(v);
}

void
pb_hasher_add_tree(struct pb_hasher *h, const char *dir)
{
	struct stat	 st;

	/* the folder itself may be given through a link */
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		pb_hasher_add(h, "\377nofolder", 10);
		return;
	}
	add_entry(h, dir, "");
}

struct pb_hash
pb_hasher_end(struct pb_hasher *h)
{
	XXH128_hash_t	 x = XXH3_128bits_digest(h->st);
	struct pb_hash	 v = { x.high64, x.low64 };

	XXH3_freeState(h->st);
	free(h);
	return v;
}

struct pb_hash
pb_hash_data(const void *data, size_t len)
{
	XXH128_hash_t	 x = XXH3_128bits(data, len);
	struct pb_hash	 v = { x.high64, x.low64 };

	return v;
}

int
pb_hash_content(const char *path, int nofollow, struct pb_hash *out)
{
	struct pb_hasher	*h = pb_hasher_new();
	int			 ok;

	ok = add_content(h, path, nofollow);
	*out = pb_hasher_end(h);
	return ok;
}

int
pb_hash_eq(struct pb_hash a, struct pb_hash b)
{
	return a.hi == b.hi && a.lo == b.lo;
}

void
pb_hash_format(struct pb_hash v, char buf[PB_HASH_HEX])
{
	snprintf(buf, PB_HASH_HEX, "%016" PRIx64 "%016" PRIx64, v.hi, v.lo);
}

int
pb_hash_parse(const char *s, struct pb_hash *v)
{
	char		 part[17];
	size_t		 i;

	for (i = 0; i < 32; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	if (s[32] != '\0')
		return 0;
	memcpy(part, s, 16);
	part[16] = '\0';
	v->hi = strtoull(part, NULL, 16);
	memcpy(part, s + 16, 16);
	v->lo = strtoull(part, NULL, 16);
	return 1;
}
