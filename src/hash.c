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
#include <time.h>
#include <unistd.h>

#include <xxhash.h>

#include "hash.h"
#include "pb.h"

static void add_folder(struct pb_hasher *, int, const char *);

struct pb_hasher {
	XXH3_state_t		*st;
	struct pb_hash_memo	*memo;	/* NULL: none */
	const char		*root;	/* the folder pb_hasher_add_tree walks */
};

/* One file the memo knows, by identity. */
struct memo_entry {
	uint64_t	 dev;
	uint64_t	 ino;	/* 0: a free slot */
	uint64_t	 size;
	uint64_t	 mtime;	/* ns */
	uint64_t	 ctime;	/* ns */
	struct pb_hash	 hash;
	unsigned char	 used;	/* asked for or learned by this build */
	unsigned char	 learned; /* not known when read */
};

/* A hash table by device and inode, open addressing, 3/4 full at most. */
struct pb_hash_memo {
	struct memo_entry	*v;
	size_t			 cap;	/* a power of two */
	size_t			 n;
	uint64_t		 settled; /* ns: changes before it are old */
	struct seen		*seen;	/* the regular files tree walks found,
					 * no link on the way (memo_seen) */
	size_t			 nseen;
	int			 sorted; /* seen sorted since the last one */
	const char		*roots[4]; /* the folders walked */
	size_t			 nroots;
};

/* A file a tree walk hashed: ROOT/REL, roots[root] the folder walked. */
struct seen {
	size_t		 root;
	char		*rel;
	struct pb_hash	 hash;
};

struct pb_hash_memo *
pb_hash_memo_new(void)
{
	struct pb_hash_memo	*m;
	struct timespec		 now;

	m = pb_xcalloc(1, sizeof(*m));
	clock_gettime(CLOCK_REALTIME, &now);
	pb_hash_memo_settle(m, ((int64_t)now.tv_sec - PB_MEMO_SETTLE) *
	    1000000000 + now.tv_nsec);
	return m;
}

void
pb_hash_memo_settle(struct pb_hash_memo *m, int64_t ns)
{
	m->settled = ns > 0 ? (uint64_t)ns : 0;
}

void
pb_hash_memo_free(struct pb_hash_memo *m)
{
	size_t	 i;

	if (m == NULL)
		return;
	for (i = 0; i < m->nseen; i++)
		free(m->seen[i].rel);
	free(m->seen);
	free(m->v);
	free(m);
}

static uint64_t
ns_of(const struct timespec *t)
{
	return (uint64_t)t->tv_sec * 1000000000u + (uint64_t)t->tv_nsec;
}

/* The slot of (dev, ino): its entry, or the free slot it would take. */
static struct memo_entry *
memo_slot(const struct pb_hash_memo *m, uint64_t dev, uint64_t ino)
{
	size_t	 i;

	i = (size_t)((ino * 0x9e3779b97f4a7c15u) ^ dev) & (m->cap - 1);
	while (m->v[i].ino != 0 && (m->v[i].ino != ino || m->v[i].dev != dev))
		i = (i + 1) & (m->cap - 1);
	return &m->v[i];
}

/* Adds or replaces an entry (e's identity, hash and flags). */
static void
memo_put(struct pb_hash_memo *m, const struct memo_entry *e)
{
	struct memo_entry	*old, *slot;
	size_t			 i, cap;

	if (e->ino == 0)
		return;		/* no file has it: the free slots' mark */
	if (4 * (m->n + 1) > 3 * m->cap) {
		old = m->v;
		cap = m->cap;
		m->cap = cap ? 2 * cap : 256;
		m->v = pb_xcalloc(m->cap, sizeof(*m->v));
		for (i = 0; i < cap; i++)
			if (old[i].ino != 0)
				*memo_slot(m, old[i].dev, old[i].ino) = old[i];
		free(old);
	}
	slot = memo_slot(m, e->dev, e->ino);
	if (slot->ino == 0)
		m->n++;
	*slot = *e;
}

/* The hash remembered for the file st describes, or NULL. */
static const struct pb_hash *
memo_get(struct pb_hash_memo *m, const struct stat *st)
{
	struct memo_entry	*e;

	if (m->cap == 0)
		return NULL;
	e = memo_slot(m, (uint64_t)st->st_dev, (uint64_t)st->st_ino);
	if (e->ino == 0 || e->size != (uint64_t)st->st_size ||
	    e->mtime != ns_of(&st->st_mtim) || e->ctime != ns_of(&st->st_ctim))
		return NULL;
	e->used = 1;
	return &e->hash;
}

/* Remembers the hash of the file st describes, once its times settled. */
static void
memo_learn(struct pb_hash_memo *m, const struct stat *st, struct pb_hash h)
{
	struct memo_entry	 e;

	if (ns_of(&st->st_mtim) >= m->settled ||
	    ns_of(&st->st_ctim) >= m->settled)
		return;
	memset(&e, 0, sizeof(e));
	e.dev = (uint64_t)st->st_dev;
	e.ino = (uint64_t)st->st_ino;
	e.size = (uint64_t)st->st_size;
	e.mtime = ns_of(&st->st_mtim);
	e.ctime = ns_of(&st->st_ctim);
	e.hash = h;
	e.used = e.learned = 1;
	memo_put(m, &e);
}

/*
 * Reads the 32 lowercase hex digits at s into *v (the high half first);
 * 0 when there are not 32.
 */
static int
hex_hash(const char *s, struct pb_hash *v)
{
	/* each byte's digit value plus one: 0 for a byte that is none */
	static const unsigned char val[256] = {
		['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5,
		['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
		['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15,
		['f'] = 16
	};
	uint64_t	 half[2] = { 0, 0 };
	size_t		 i;
	unsigned	 d;

	for (i = 0; i < 32; i++) {
		if ((d = val[(unsigned char)s[i]]) == 0)
			return 0;
		half[i >> 4] = half[i >> 4] << 4 | (uint64_t)(d - 1);
	}
	v->hi = half[0];
	v->lo = half[1];
	return 1;
}

void
pb_hash_memo_reserve(struct pb_hash_memo *m, size_t n)
{
	size_t	 cap = 256;

	if (m->n > 0 || m->cap > 0)
		return;
	while (3 * cap < 4 * (n + 1))
		cap *= 2;
	m->cap = cap;
	m->v = pb_xcalloc(cap, sizeof(*m->v));
}

int
pb_hash_memo_parse(struct pb_hash_memo *m, const char *line)
{
	struct memo_entry	 e;
	const char		*p = line;

	memset(&e, 0, sizeof(e));
	if (p[0] != '=' || p[1] != ' ')
		return 0;
	p += 2;
	if (!pb_u64_read(&p, ' ', &e.dev) ||
	    !pb_u64_read(&p, ' ', &e.ino) ||
	    !pb_u64_read(&p, ' ', &e.size) ||
	    !pb_u64_read(&p, ' ', &e.mtime) ||
	    !pb_u64_read(&p, ' ', &e.ctime) || !hex_hash(p, &e.hash) ||
	    (p[32] != '\n' && p[32] != '\0'))
		return 0;
	memo_put(m, &e);
	return 1;
}

void
pb_hash_memo_format(const struct pb_hash_memo *m, struct pb_buf *out)
{
	const struct memo_entry	*e;
	char			 hex[PB_HASH_HEX];
	size_t			 i;

	for (i = 0; i < m->cap; i++) {
		e = &m->v[i];
		if (e->ino == 0 || !e->used)
			continue;
		pb_hash_format(e->hash, hex);
		/* "= DEV INO SIZE MTIME CTIME HASH" */
		pb_buf_put(out, "= ", 2);
		pb_buf_put_u64(out, e->dev);
		pb_buf_putc(out, ' ');
		pb_buf_put_u64(out, e->ino);
		pb_buf_putc(out, ' ');
		pb_buf_put_u64(out, e->size);
		pb_buf_putc(out, ' ');
		pb_buf_put_u64(out, e->mtime);
		pb_buf_putc(out, ' ');
		pb_buf_put_u64(out, e->ctime);
		pb_buf_putc(out, ' ');
		pb_buf_put(out, hex, 32);
		pb_buf_putc(out, '\n');
	}
}

int
pb_hash_memo_changed(const struct pb_hash_memo *m)
{
	size_t	 i;

	for (i = 0; i < m->cap; i++)
		if (m->v[i].ino != 0 && (m->v[i].learned || !m->v[i].used))
			return 1;
	return 0;
}

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
pb_hasher_memo(struct pb_hasher *h, struct pb_hash_memo *memo)
{
	h->memo = memo;
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
 * Sets *out to the hash of the content of the regular file path (below
 * the folder open as dfd, or AT_FDCWD), and
 * with a memo remembers it (the file's identity taken before reading);
 * 0 (and *out none) when it cannot be read.
 */
static int
read_content(int dfd, const char *path, int nofollow,
    struct pb_hash_memo *memo, struct pb_hash *out)
{
	XXH3_state_t	*x;
	XXH128_hash_t	 v;
	const struct pb_hash *known;
	char		 buf[65536];
	ssize_t		 n;
	int		 fd;
	struct stat	 st;

	out->hi = out->lo = 0;
	if ((fd = openat(dfd, path, O_RDONLY | O_NONBLOCK | O_CLOEXEC |
	    (nofollow ? O_NOFOLLOW : 0))) < 0)
		return 0;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return 0;
	}
	/* the file opened may be known where its path was not (a name
	 * the system resolves on opening, as /proc/self/exe under a tool
	 * that runs the program for it) */
	if (memo != NULL && (known = memo_get(memo, &st)) != NULL) {
		close(fd);
		*out = *known;
		return 1;
	}
	if ((x = XXH3_createState()) == NULL) {
		fputs("peerbrief: out of memory\n", stderr);
		abort();
	}
	XXH3_128bits_reset(x);
	while ((n = pb_read_full(fd, buf, sizeof(buf))) > 0)
		XXH3_128bits_update(x, buf, (size_t)n);
	close(fd);
	v = XXH3_128bits_digest(x);
	XXH3_freeState(x);
	out->hi = v.high64;
	out->lo = v.low64;
	if (n == 0 && memo != NULL)
		memo_learn(memo, &st, *out);
	return n == 0;
}

/*
 * Adds the hash of the content of the regular file path (below the
 * folder open as dfd, or AT_FDCWD) to h, taken from
 * h's memo when the file is as it remembers (st: what lstat, or stat when
 * not nofollow, says path is; NULL: not known yet); 0 when it cannot be
 * read.
 */
static int
add_content(struct pb_hasher *h, int dfd, const char *path, int nofollow,
    const struct stat *st);

/*
 * Remembers for the rest of the build the hash of the regular file rel
 * (below the folder h walks) that st describes: the files of a packet
 * are hashed again by path (pb_hasher_add_file), ROOT/REL, without a
 * second look at each (seen_find). Only kept, not sorted, here: a
 * rebuild that finds nothing changed never looks one up. Non-zero when
 * it took rel (allocated) for its own.
 */
static int
memo_seen(struct pb_hasher *h, char *rel, const struct stat *st)
{
	struct pb_hash_memo	*m = h->memo;
	const struct pb_hash	*known;
	struct seen		*e;

	if (m == NULL || h->root == NULL || (known = memo_get(m, st)) ==
	    NULL)
		return 0;
	if (m->nroots == 0 || m->roots[m->nroots - 1] != h->root) {
		if (m->nroots == sizeof(m->roots) / sizeof(m->roots[0]))
			return 0;
		m->roots[m->nroots++] = h->root;
	}
	m->seen = pb_grow(m->seen, m->nseen, sizeof(*m->seen));
	e = &m->seen[m->nseen++];
	e->root = m->nroots - 1;
	e->rel = rel;
	e->hash = *known;
	m->sorted = 0;
	return 1;
}

static int
seen_cmp(const void *a, const void *b)
{
	const struct seen	*x = a, *y = b;

	if (x->root != y->root)
		return x->root < y->root ? -1 : 1;
	return strcmp(x->rel, y->rel);
}

/* The hash a tree walk of this build found for path, or NULL. */
static const struct pb_hash *
seen_find(struct pb_hash_memo *m, const char *path)
{
	struct seen	 key, *e;
	size_t		 i, n;

	if (m->nseen == 0)
		return NULL;
	if (!m->sorted) {
		qsort(m->seen, m->nseen, sizeof(*m->seen), seen_cmp);
		m->sorted = 1;
	}
	for (i = 0; i < m->nroots; i++) {
		n = strlen(m->roots[i]);
		if (strncmp(path, m->roots[i], n) != 0 || path[n] != '/')
			continue;
		key.root = i;
		key.rel = (char *)(uintptr_t)(path + n + 1);
		e = bsearch(&key, m->seen, m->nseen, sizeof(*m->seen),
		    seen_cmp);
		if (e != NULL)
			return &e->hash;
	}
	return NULL;
}

static int
add_content(struct pb_hasher *h, int dfd, const char *path, int nofollow,
    const struct stat *st)
{
	const struct pb_hash	*known = NULL;
	struct stat		 own;
	struct pb_hash		 v;

	/* a file the tree walk of this build hashed (memo_seen): not
	 * looked at again */
	if (h->memo != NULL && st == NULL && dfd == AT_FDCWD)
		known = seen_find(h->memo, path);
	if (known == NULL && h->memo != NULL && st == NULL && fstatat(dfd,
	    path, &own,
	    nofollow ? AT_SYMLINK_NOFOLLOW : 0) == 0)
		st = &own;
	if (known == NULL && h->memo != NULL && st != NULL &&
	    S_ISREG(st->st_mode))
		known = memo_get(h->memo, st);
	if (known != NULL)
		v = *known;
	else if (!read_content(dfd, path, nofollow, h->memo, &v))
		return 0;
	pb_hasher_add_hash(h, v);
	return 1;
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
	if (!add_content(h, AT_FDCWD, path, 0, NULL)) {
		pb_hasher_add(h, "\377unreadable", 12);
		return 0;
	}
	return 1;
}

/*
 * Adds what a build can see of the entry name of the folder open as dfd,
 * named rel (its path below the folder being hashed): its type, a
 * symbolic link's target and what the target is (a regular file's
 * content, another type by its letter, "dangling" or "loop"), a regular
 * file's content, a folder's entries. Linked folders are not entered
 * (their files are hashed where they are, or lie outside the input,
 * which a build refuses either way). Each entry is looked up by its name
 * in its folder, not by its whole path. Non-zero when it kept rel
 * (allocated; memo_seen).
 */
static int
add_entry(struct pb_hasher *h, int dfd, const char *name, char *rel)
{
	struct stat	 st, tst;
	char		 target[4096];
	ssize_t		 n;
	int		 sub;

	pb_hasher_add(h, rel, strlen(rel) + 1);
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
		pb_hasher_add(h, "?", 2);
		return 0;
	}
	if (S_ISLNK(st.st_mode)) {
		n = readlinkat(dfd, name, target, sizeof(target) - 1);
		target[n > 0 ? n : 0] = '\0';
		pb_hasher_add(h, "L", 2);
		pb_hasher_add(h, target, strlen(target) + 1);
		if (fstatat(dfd, name, &tst, 0) != 0)
			pb_hasher_add(h, errno == ELOOP ? "loop" : "dangling",
			    errno == ELOOP ? 5 : 9);
		else if (S_ISREG(tst.st_mode)) {
			pb_hasher_add(h, "f", 2);
			if (!add_content(h, dfd, name, 0, &tst))
				pb_hasher_add(h, "\377unreadable", 12);
		} else
			pb_hasher_add(h, S_ISDIR(tst.st_mode) ? "d" : "o", 2);
		return 0;
	}
	if (S_ISREG(st.st_mode)) {
		pb_hasher_add(h, "f", 2);
		if (add_content(h, dfd, name, 1, &st))
			return memo_seen(h, rel, &st);
		pb_hasher_add(h, "\377unreadable", 12);
		return 0;
	}
	if (!S_ISDIR(st.st_mode)) {
		/* a pipe, a socket, a device: never opened */
		pb_hasher_add(h, S_ISFIFO(st.st_mode) ? "p" : S_ISSOCK(
		    st.st_mode) ? "s" : S_ISCHR(st.st_mode) ? "c" : "b", 2);
		return 0;
	}
	pb_hasher_add(h, "d", 2);
	if ((sub = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) < 0) {
		pb_hasher_add(h, "\377unreadable", 12);
		return 0;
	}
	add_folder(h, sub, rel);
	return 0;
}

/* "REL/NAME", a new string: a folder's path and one of its entries. */
static char *
join(const char *rel, const char *name)
{
	size_t	 r = strlen(rel), n = strlen(name);
	char	*s;

	s = pb_xmalloc(r + n + 2);
	memcpy(s, rel, r);
	s[r] = '/';
	memcpy(s + r + 1, name, n + 1);
	return s;
}

/* Adds the entries of the folder open as dfd (which it closes), sorted. */
static void
add_folder(struct pb_hasher *h, int dfd, const char *rel)
{
	char		**v = NULL, *r;
	size_t		 k = 0, i;
	DIR		*dp;
	struct dirent	*e;

	if ((dp = fdopendir(dfd)) == NULL) {
		close(dfd);
		pb_hasher_add(h, "\377unreadable", 12);
		return;
	}
	while ((e = readdir(dp)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		v = pb_grow(v, k, sizeof(*v));
		v[k++] = pb_xstrdup(e->d_name);
	}
	if (k > 1)
		qsort(v, k, sizeof(*v), pb_name_cmp);
	for (i = 0; i < k; i++) {
		r = rel[0] ? join(rel, v[i]) : pb_xstrdup(v[i]);
		if (!add_entry(h, dirfd(dp), v[i], r))
			free(r);
		free(v[i]);
	}
	closedir(dp);
	free(v);
}

void
pb_hasher_add_tree(struct pb_hasher *h, const char *dir)
{
	struct stat	 st;
	int		 fd;

	/* the folder itself may be given through a link */
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		pb_hasher_add(h, "\377nofolder", 10);
		return;
	}
	pb_hasher_add(h, "", 1);
	pb_hasher_add(h, "d", 2);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		pb_hasher_add(h, "\377unreadable", 12);
		return;
	}
	h->root = dir;
	add_folder(h, fd, "");
	h->root = NULL;
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
	return read_content(AT_FDCWD, path, nofollow, NULL, out);
}

int
pb_hash_eq(struct pb_hash a, struct pb_hash b)
{
	return a.hi == b.hi && a.lo == b.lo;
}

void
pb_hash_format(struct pb_hash v, char buf[PB_HASH_HEX])
{
	static const char	 digit[] = "0123456789abcdef";
	size_t			 i;

	/* "%016" PRIx64 "%016" PRIx64, without printf's cost per line */
	for (i = 0; i < 16; i++) {
		buf[i] = digit[v.hi >> (60 - 4 * i) & 15];
		buf[16 + i] = digit[v.lo >> (60 - 4 * i) & 15];
	}
	buf[32] = '\0';
}

int
pb_hash_parse(const char *s, struct pb_hash *v)
{
	struct pb_hash	 h;

	if (!hex_hash(s, &h) || s[32] != '\0')
		return 0;
	*v = h;
	return 1;
}
