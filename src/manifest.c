/*
 * manifest.c - the manifest kept beside a build's output (what each
 * packet was made from, every file written) and the bookkeeping of an
 * incremental build.
 */
#include <sys/stat.h>

#include <errno.h>
#include <dirent.h>
#include <limits.h>
#include <pthread.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "manifest.h"
#include "model.h"
#include "orgcsv.h"
#include "pb.h"
#include "publish.h"
#include "references.h"

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct pb_manifest_entry *)a)->id,
	    ((const struct pb_manifest_entry *)b)->id);
}

/* Decodes the hex digits at p (up to anything else) into a new string. */
static char *
unhex(const char *p)
{
	struct pb_buf	 b = { NULL, 0, 0 };
	int		 hi, lo;

	for (; p[0] != '\0' && p[1] != '\0'; p += 2) {
		hi = p[0] <= '9' ? p[0] - '0' : (p[0] | 0x20) - 'a' + 10;
		lo = p[1] <= '9' ? p[1] - '0' : (p[1] | 0x20) - 'a' + 10;
		if (hi < 0 || hi > 15 || lo < 0 || lo > 15)
			break;
		pb_buf_putc(&b, (char)(hi << 4 | lo));
	}
	return b.data;
}

static void pb_manifest_add(struct pb_manifest *, const char *,
    struct pb_hash);

/*
 * Copies the word at *p, up to the space after it, into id (at most 255
 * bytes) and moves *p past that space; 0 when there is no such word.
 * The manifest's and .out.stat's lines are read by hand, not by sscanf:
 * there is one for every output file, and every build reads them.
 */
static int
word(const char **p, char id[256])
{
	size_t	 n = strcspn(*p, " \t\n");

	if (n == 0 || n > 255 || (*p)[n] != ' ')
		return 0;
	memcpy(id, *p, n);
	id[n] = '\0';
	*p += n + 1;
	return 1;
}

/*
 * Reads 32 hex digits at p into *h: a line's last field, or (more not 0)
 * one a space follows.
 */
static int
hash_then(const char *p, struct pb_hash *h, int more)
{
	char	 hex[PB_HASH_HEX];

	if (strnlen(p, 32) < 32 || (p[32] != '\n' && p[32] != '\0' &&
	    !(more && p[32] == ' ')))
		return 0;
	memcpy(hex, p, 32);
	hex[32] = '\0';
	return pb_hash_parse(hex, h);
}

/* Reads a line's last field, 32 hex digits ending the line, into *h. */
static int
hash_at(const char *p, struct pb_hash *h)
{
	return hash_then(p, h, 0);
}

/* Whether v's n entries are in order already (as a file written sorted
 * reads back), so that no sort is needed. */
static int
in_order(const struct pb_manifest_entry *v, size_t n)
{
	size_t	 i;

	for (i = 1; i < n; i++)
		if (strcmp(v[i - 1].id, v[i].id) > 0)
			return 0;
	return 1;
}

/*
 * Reads one recorded warning, "LINE COL FILE MSG" with FILE and MSG in
 * hex, into d; a damaged one is left out.
 */
static void
warning_read(struct pb_diags *d, const char *p)
{
	unsigned long	 line, col;
	char		*file, *msg;
	int		 end = 0;

	if (sscanf(p, "%lu %lu %n", &line, &col, &end) != 2 || end == 0)
		return;
	file = unhex(p + end);
	p += end + strspn(p + end, "0123456789abcdefABCDEF");
	msg = *p == ' ' ? unhex(p + 1) : NULL;
	if (file != NULL && msg != NULL)
		pb_diag_warning(d, file, line, col, "%s", msg);
	free(file);
	free(msg);
}

/* Appends s to out in hex: any text stays on one line. */
static void
put_hex(struct pb_buf *out, const char *s)
{
	const unsigned char	*t;

	for (t = (const unsigned char *)s; *t; t++)
		pb_buf_printf(out, "%02x", *t);
}

/* Writes the warnings of d as the "warning ID" lines of the manifest. */
static void
warnings_format(const struct pb_diags *d, const char *id, struct pb_buf *out)
{
	size_t	 i;

	for (i = 0; i < d->n; i++) {
		pb_buf_printf(out, "warning %s %lu %lu ", id, d->v[i].line,
		    d->v[i].col);
		put_hex(out, d->v[i].file);
		pb_buf_putc(out, ' ');
		put_hex(out, d->v[i].msg);
		pb_buf_putc(out, '\n');
	}
}

/* The file name f relative to indir, when it lies under it (pointing
 * into f). */
static const char *
below(const char *f, const char *indir)
{
	size_t	 n = strlen(indir);

	if (strncmp(f, indir, n) == 0 && f[n] == '/')
		return f + n + 1;
	return f;
}


/* Reads outdir/.manifest; an absent or damaged one reads as empty. */
static void
pb_manifest_read(const char *outdir, struct pb_manifest *m)
{
	char		*path, *line = NULL, id[256];
	const char	*p;
	size_t		 cap = 0;
	FILE		*f;
	struct pb_hash	 h;
	struct pb_manifest_entry *e;
	int		 fd, end;

	memset(m, 0, sizeof(*m));
	path = pb_xasprintf("%s/.manifest", outdir);
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	free(path);
	if (fd < 0 || (f = fdopen(fd, "r")) == NULL) {
		if (fd >= 0)
			close(fd);
		return;
	}
	/* lines of any length: a packet's tags are as long as they are */
	while (getline(&line, &cap, f) > 0) {
		end = 0;
		p = line + 5;
		if (strncmp(line, "file ", 5) == 0) {
			if (word(&p, id) && hash_at(p, &h))
				pb_manifest_add_file(m, id, h, NULL);
		} else if (strncmp(line, "all ", 4) == 0) {
			if (hash_at(line + 4, &h))
				m->all = h;
		} else if (strncmp(line, "site ", 5) == 0) {
			if (hash_at(line + 5, &h))
				m->site = h;
		} else if (strncmp(line, "valid ", 6) == 0) {
			if (hash_at(line + 6, &h)) {
				m->valid = pb_grow(m->valid, m->nvalid,
				    sizeof(*m->valid));
				m->valid[m->nvalid++] = h;
			}
		} else if (strncmp(line, "packet ", 7) == 0) {
			p = line + 7;
			if (word(&p, id) && pb_id_valid(id) &&
			    hash_then(p, &h, 1)) {
				pb_manifest_add(m, id, h);
				if (p[32] == ' ')
					m->v[m->n - 1].tags = unhex(p + 33);
			}
		} else if (sscanf(line, "images %255s %n", id, &end) == 1 &&
		    end > 0) {
			/* right after its packet's line */
			e = m->n > 0 && strcmp(m->v[m->n - 1].id, id) == 0 ?
			    &m->v[m->n - 1] : NULL;
			if (e != NULL) {
				free(e->images);
				e->images = unhex(line + end);
			}
		} else if (strncmp(line, "warnings", 8) == 0 &&
		    (line[8] == '\n' || line[8] == '\0'))
			m->warned = 1;
		else if (sscanf(line, "warning %255s %n", id, &end) == 1 &&
		    end > 0) {
			/* the build's own (id "-"), or right after its packet */
			if (strcmp(id, "-") == 0)
				warning_read(&m->warns, line + end);
			else if (m->n > 0 && strcmp(m->v[m->n - 1].id, id) == 0)
				warning_read(&m->v[m->n - 1].warns, line + end);
		}
	}
	free(line);
	fclose(f);
	if (!in_order(m->v, m->n))
		qsort(m->v, m->n, sizeof(*m->v), entry_cmp);
	if (!in_order(m->files, m->nfiles))
		qsort(m->files, m->nfiles, sizeof(*m->files), entry_cmp);
	m->sorted = 1;
}

/* Appends (id, hash) to a list of entries; returns the new entry. */
static struct pb_manifest_entry *
list_add(struct pb_manifest_entry **v, size_t *n, const char *id,
    struct pb_hash hash)
{
	struct pb_manifest_entry	*e;

	*v = pb_grow(*v, *n, sizeof(**v));
	e = &(*v)[(*n)++];
	memset(e, 0, sizeof(*e));
	e->id = pb_xstrdup(id);
	e->hash = hash;
	return e;
}

/* The entry id of a list, by binary search when it is sorted, or NULL. */
static const struct pb_manifest_entry *
list_get(const struct pb_manifest_entry *v, size_t n, int sorted,
    const char *id)
{
	struct pb_manifest_entry	 key;
	size_t				 i;

	if (sorted) {
		memset(&key, 0, sizeof(key));
		key.id = (char *)id;
		return bsearch(&key, v, n, sizeof(*v), entry_cmp);
	}
	for (i = 0; i < n; i++)
		if (strcmp(v[i].id, id) == 0)
			return &v[i];
	return NULL;
}

static const struct pb_hash none;

const char *
pb_manifest_tags(const struct pb_manifest *m, const char *id)
{
	const struct pb_manifest_entry	*e;

	e = list_get(m->v, m->n, m->sorted, id);
	return e ? e->tags : NULL;
}

/*
 * The images recorded for packet id (files below the input folder its
 * positions link, one a line, owned by m), or NULL. A build hashes them
 * with the packet's other inputs, so a changed image rebuilds it.
 */
static const char *
manifest_images(const struct pb_manifest *m, const char *id)
{
	const struct pb_manifest_entry	*e;

	e = list_get(m->v, m->n, m->sorted, id);
	return e ? e->images : NULL;
}

/* A copy of a recorded list, one a line, or NULL when it is empty. */
static char *
record_dup(const char *s)
{
	return s != NULL && *s != '\0' ? pb_xstrdup(s) : NULL;
}

void
pb_manifest_keep_warnings(struct pb_manifest *m, const char *id,
    const struct pb_diags *d, size_t from, const char *indir)
{
	struct pb_manifest_entry	*e = NULL;
	struct pb_diags			*to = &m->warns;
	size_t				 i;

	if (id != NULL) {
		e = (struct pb_manifest_entry *)list_get(m->v, m->n,
		    m->sorted, id);
		if (e == NULL)
			return;
		to = &e->warns;
	} else
		m->warned = 1;
	for (i = from; i < d->n; i++)
		if (d->v[i].sev == PB_WARNING)
			pb_diag_warning(to, below(d->v[i].file, indir),
			    d->v[i].line, d->v[i].col, "%s", d->v[i].msg);
}

void
pb_manifest_replay(const struct pb_manifest *m, const char *id,
    const char *indir, struct pb_diags *d)
{
	const struct pb_manifest_entry	*e;
	const struct pb_diags		*from = &m->warns;
	char				*file;
	size_t				 i;

	if (id != NULL) {
		if ((e = list_get(m->v, m->n, m->sorted, id)) == NULL)
			return;
		from = &e->warns;
	}
	for (i = 0; i < from->n; i++) {
		file = pb_xasprintf("%s/%s", indir, from->v[i].file);
		pb_diag_warning(d, file, from->v[i].line, from->v[i].col, "%s",
		    from->v[i].msg);
		free(file);
	}
}

/* The hash recorded for packet id, or zero when there is none. */
static struct pb_hash
pb_manifest_get(const struct pb_manifest *m, const char *id)
{
	const struct pb_manifest_entry	*e;

	e = list_get(m->v, m->n, m->sorted, id);
	return e ? e->hash : none;
}

/* Adds an entry (id copied). */
static void
pb_manifest_add(struct pb_manifest *m, const char *id, struct pb_hash hash)
{
	list_add(&m->v, &m->n, id, hash);
	m->sorted = 0;
}

void
pb_manifest_add_file(struct pb_manifest *m, const char *rel,
    struct pb_hash hash, const struct stat *st)
{
	struct pb_manifest_entry	*e;

	e = list_add(&m->files, &m->nfiles, rel, hash);
	if (st != NULL) {
		e->size = (uint64_t)st->st_size;
		e->mtime = (uint64_t)st->st_mtim.tv_sec * 1000000000u +
		    (uint64_t)st->st_mtim.tv_nsec;
		e->ino = (uint64_t)st->st_ino;
	}
	m->sorted = 0;
}

/*
 * Checks the entries of the folder open as dfd (which it closes), rel
 * below outdir (rel is a buffer of PATH_MAX bytes holding it, "" for
 * outdir itself), against m, counting in *seen the files found as m
 * records them. Returns 0 at the first entry that is not: a link, a pipe,
 * an unreadable folder, a file m does not record or with other content.
 */
static int
verify_dir(const struct pb_manifest *m, const char *outdir, int dfd,
    char *rel, size_t *seen)
{
	const struct pb_manifest_entry	*e;
	struct dirent			*de;
	struct stat			 st;
	struct pb_hash			 h;
	char				*path;
	size_t				 len = strlen(rel);
	DIR				*dp;
	int				 ok = 1, sub;

	if ((dp = fdopendir(dfd)) == NULL) {
		close(dfd);
		return 0;
	}
	while (ok && (de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		if (len + strlen(de->d_name) + 2 > PATH_MAX ||
		    fstatat(dirfd(dp), de->d_name, &st,
		    AT_SYMLINK_NOFOLLOW) != 0) {
			ok = 0;
			break;
		}
		snprintf(rel + len, PATH_MAX - len, "%s%s", len ? "/" : "",
		    de->d_name);
		if (S_ISDIR(st.st_mode)) {
			ok = (sub = openat(dirfd(dp), de->d_name, O_RDONLY |
			    O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) >= 0 &&
			    verify_dir(m, outdir, sub, rel, seen);
			rel[len] = '\0';
			continue;
		}
		if (!S_ISREG(st.st_mode))
			ok = 0;	/* a link, a pipe */
		else if (len == 0 && strcmp(rel, ".manifest") == 0)
			;
		else if ((e = list_get(m->files, m->nfiles, m->sorted,
		    rel)) == NULL)
			ok = 0;	/* a file the build did not write */
		else if ((uint64_t)st.st_size == e->size &&
		    (uint64_t)st.st_ino == e->ino &&
		    (uint64_t)st.st_mtim.tv_sec * 1000000000u +
		    (uint64_t)st.st_mtim.tv_nsec == e->mtime)
			(*seen)++;	/* as written: no need to read it */
		else {
			path = pb_xasprintf("%s/%s", outdir, rel);
			ok = pb_hash_content(path, 1, &h) &&
			    pb_hash_eq(h, e->hash);
			free(path);
			*seen += ok;
		}
		rel[len] = '\0';
	}
	closedir(dp);
	return ok;
}

/*
 * Returns non-zero when outdir holds exactly the files m records (and
 * .manifest), each with its recorded content, and nothing else: no other
 * file, no symbolic link. A file whose size, time and inode are as
 * recorded is taken as unchanged; any other is read and hashed. A build
 * may then leave outdir as it is.
 */
static int
pb_manifest_verify(const struct pb_manifest *m, const char *outdir)
{
	struct stat	 st;
	char		 rel[PATH_MAX] = "";
	size_t		 seen = 0;
	int		 fd;

	if (lstat(outdir, &st) != 0 || !S_ISDIR(st.st_mode) ||
	    m->nfiles == 0 || (fd = open(outdir, O_RDONLY | O_DIRECTORY |
	    O_NOFOLLOW | O_CLOEXEC)) < 0)
		return 0;
	return verify_dir(m, outdir, fd, rel, &seen) && seen == m->nfiles;
}

/* pb_manifest_verify in a thread of its own (pb_increment_begin). */
struct verify_job {
	const struct pb_manifest	*m;
	const char			*outdir;
	pthread_t			 tid;
	int				 started;
	int				 ok;
};

static void *
verify_main(void *arg)
{
	struct verify_job	*j = arg;

	j->ok = pb_manifest_verify(j->m, j->outdir);
	return NULL;
}

/* Serializes m into out, sorted by id, for writing as .manifest. */
static void
pb_manifest_format(const struct pb_manifest *m, struct pb_buf *out)
{
	struct pb_manifest_entry	*v;
	size_t				 i, n = m->n + m->nfiles;
	char				 hex[PB_HASH_HEX];

	v = pb_xcalloc(n + 1, sizeof(*v));
	if (m->n > 0)
		memcpy(v, m->v, m->n * sizeof(*v));
	if (m->n > 1)
		qsort(v, m->n, sizeof(*v), entry_cmp);
	if (m->nfiles > 0)
		memcpy(v + m->n, m->files, m->nfiles * sizeof(*v));
	if (m->nfiles > 1)
		qsort(v + m->n, m->nfiles, sizeof(*v), entry_cmp);
	pb_hash_format(m->all, hex);
	pb_buf_printf(out, "# peerbrief build manifest: what each packet was "
	    "built from, and every file written (XXH3-128)\nall %s\n", hex);
	if (!pb_hash_eq(m->site, none)) {
		pb_hash_format(m->site, hex);
		pb_buf_printf(out, "site %s\n", hex);
	}
	/* the inputs that follow their schemas: not validated again */
	for (i = 0; i < m->nvalid; i++) {
		pb_hash_format(m->valid[i], hex);
		pb_buf_printf(out, "valid %s\n", hex);
	}
	/* the whole build's warnings, replayed when nothing changed */
	if (m->warned) {
		pb_buf_printf(out, "warnings\n");
		warnings_format(&m->warns, "-", out);
	}
	for (i = 0; i < n; i++) {
		pb_hash_format(v[i].hash, hex);
		pb_buf_printf(out, "%s %s %s", i < m->n ? "packet" : "file",
		    v[i].id, hex);
		/* a packet's tags, in hex: any text stays on one line */
		if (i < m->n && v[i].tags != NULL) {
			const unsigned char *t;

			pb_buf_putc(out, ' ');
			for (t = (const unsigned char *)v[i].tags; *t; t++)
				pb_buf_printf(out, "%02x", *t);
		}
		pb_buf_putc(out, '\n');
		/* its images, in hex too, on a line after it */
		if (i < m->n && v[i].images != NULL) {
			const unsigned char *t;

			pb_buf_printf(out, "images %s ", v[i].id);
			for (t = (const unsigned char *)v[i].images; *t; t++)
				pb_buf_printf(out, "%02x", *t);
			pb_buf_putc(out, '\n');
		}
		/* and the warnings building it gave */
		if (i < m->n)
			warnings_format(&v[i].warns, v[i].id, out);
	}
	free(v);
}

/*
 * Serializes the size, time and inode of m's files into out (a cache kept
 * beside the output folder, since they differ from build to build while
 * .manifest must not), then memo's entries; pb_manifest_read_stat reads
 * them back.
 */
static void
pb_manifest_format_stat(const struct pb_manifest *m,
    const struct pb_hash_memo *memo, struct pb_buf *out)
{
	size_t	 i;

	pb_buf_put(out, "", 0);
	for (i = 0; i < m->nfiles; i++) {	/* "ID SIZE MTIME INO" */
		pb_buf_puts(out, m->files[i].id);
		pb_buf_putc(out, ' ');
		pb_buf_put_u64(out, m->files[i].size);
		pb_buf_putc(out, ' ');
		pb_buf_put_u64(out, m->files[i].mtime);
		pb_buf_putc(out, ' ');
		pb_buf_put_u64(out, m->files[i].ino);
		pb_buf_putc(out, '\n');
	}
	if (memo != NULL)
		pb_hash_memo_format(memo, out);
}

/*
 * Reads the size, time and inode of output files from path (as
 * pb_manifest_format_stat wrote them) into the matching entries of m,
 * and the memo's lines into memo.
 */
static void
pb_manifest_read_stat(struct pb_manifest *m, struct pb_hash_memo *memo,
    const char *path)
{
	char				 line[512], id[256];
	const char			*p;
	uint64_t			 size, mtime, ino;
	struct pb_manifest_entry	*e;
	struct stat			 st;
	FILE				*f;
	int				 fd;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return;
	if ((f = fdopen(fd, "r")) == NULL) {
		close(fd);
		return;
	}
	/* a line of it is about 90 bytes */
	if (fstat(fd, &st) == 0 && st.st_size > 0)
		pb_hash_memo_reserve(memo, (size_t)st.st_size / 90);
	while (fgets(line, sizeof(line), f) != NULL) {
		if (line[0] == '=') {
			pb_hash_memo_parse(memo, line);
			continue;
		}
		p = line;
		if (!word(&p, id) || !pb_u64_read(&p, ' ', &size) ||
		    !pb_u64_read(&p, ' ', &mtime) || !pb_u64_read(&p, '\n', &ino))
			continue;
		e = (struct pb_manifest_entry *)list_get(m->files, m->nfiles,
		    m->sorted, id);
		if (e != NULL) {
			e->size = size;
			e->mtime = mtime;
			e->ino = ino;
		}
	}
	fclose(f);
}

void
pb_manifest_free(struct pb_manifest *m)
{
	size_t	 i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++) {
		free(m->v[i].id);
		free(m->v[i].tags);
		free(m->v[i].images);
		pb_diags_free(&m->v[i].warns);
	}
	pb_diags_free(&m->warns);
	m->warned = 0;
	free(m->valid);
	m->valid = NULL;
	m->nvalid = 0;
	free(m->v);
	m->v = NULL;
	m->n = 0;
	for (i = 0; i < m->nfiles; i++)
		free(m->files[i].id);
	free(m->files);
	m->files = NULL;
	m->nfiles = 0;
}

/*
 * Adds the input file path (indir/REL) to h by its name below the input
 * folder, so that how the folder was named does not change the hash.
 */
static void
add_input(struct pb_hasher *h, const char *indir, const char *path)
{
	size_t	 n = strlen(indir);

	if (strncmp(path, indir, n) == 0 && path[n] == '/')
		pb_hasher_add_file_as(h, path, path + n + 1);
	else
		pb_hasher_add_file(h, path);
}

/* A new hasher that reads files through memo. */
static struct pb_hasher *
hasher(struct pb_hash_memo *memo)
{
	struct pb_hasher	*h = pb_hasher_new();

	pb_hasher_memo(h, memo);
	return h;
}

/*
 * The files a packet shares with the packets of the same organizations:
 * the project, the references and each organization's files, in a fixed
 * order. Hashed once per build for each list of organizations (inc's
 * shared), not once per packet.
 */
static struct pb_hash
shared_hash(struct pb_increment *inc, const struct pb_model *m,
    const char *indir, const struct pb_packet *pk)
{
	struct pb_buf		 key = { NULL, 0, 0 };
	struct pb_hasher	*h;
	struct pb_hash		 v;
	char			*path;
	size_t			 i, j;

	for (i = 0; i < pk->norgs; i++) {
		pb_buf_puts(&key, pk->orgs[i].id);
		pb_buf_putc(&key, '\n');
	}
	pb_buf_putc(&key, '\0');
	for (i = 0; i < inc->nshared; i++)
		if (strcmp(inc->shared[i].id, key.data) == 0) {
			pb_buf_free(&key);
			return inc->shared[i].hash;
		}
	h = hasher(inc->memo);
	add_input(h, indir, m->project.file);
	if (m->works != NULL)
		add_input(h, indir, m->works->file);
	for (i = 0; i < pk->norgs; i++) {
		path = pb_xasprintf("%s/orgs/%s.xml", indir, pk->orgs[i].id);
		add_input(h, indir, path);
		free(path);
		for (j = 0; j < PB_ORGCSV__MAX; j++) {
			path = pb_xasprintf("%s/orgs/%s/%s", indir,
			    pk->orgs[i].id, pb_orgcsv_name(j));
			add_input(h, indir, path);
			free(path);
		}
	}
	v = pb_hasher_end(h);
	/* few lists, mostly one: looked up one by one */
	if (inc->nshared < 64)
		list_add(&inc->shared, &inc->nshared, key.data, v);
	pb_buf_free(&key);
	return v;
}

/* The files a packet's output is made from, in a fixed order. */
static struct pb_hash
packet_hash(struct pb_increment *inc, const struct pb_model *m,
    const char *indir, const struct pb_packet *pk, const char *images)
{
	struct pb_hasher	*h = hasher(inc->memo);
	char			*path;
	const char		*p, *nl;
	size_t			 i, j;

	pb_hasher_add_hash(h, inc->tool);
	pb_hasher_add_hash(h, shared_hash(inc, m, indir, pk));
	add_input(h, indir, pk->file);
	for (i = 0; i < pk->npositions; i++)
		if ((j = pb_model_position(m, pk->positions[i].id)) !=
		    (size_t)-1)
			add_input(h, indir, m->position_files[j]);
	/* the images its positions link, found or not */
	for (p = images; p != NULL && *p != '\0'; p = nl ? nl + 1 : "") {
		nl = strchr(p, '\n');
		path = pb_xasprintf("%s/%.*s", indir, nl ? (int)(nl - p) :
		    (int)strlen(p), p);
		add_input(h, indir, path);
		free(path);
	}
	return pb_hasher_end(h);
}

/* Hash of the program itself, its templates and its schemas. */
static struct pb_hash
tool_hash(const char *tdir, const char *schemadir, struct pb_hash_memo *memo)
{
	struct pb_hasher	*h = hasher(memo);

	pb_hasher_add_file(h, "/proc/self/exe");
	pb_hasher_add_tree(h, tdir);
	pb_hasher_add_tree(h, schemadir);
	return pb_hasher_end(h);
}

/*
 * Puts a packet's previous output into the stage; 0 if any file is
 * missing or was changed since the manifest recorded it.
 */
static int
packet_reuse(struct pb_stage *stage, const struct pb_manifest *old,
    const char *id, int pdf)
{
	struct pb_reuse_dir	 r = PB_REUSE_DIR_INIT;
	char		*rel;
	size_t		 o, len = strlen(id);
	int		 ok = 1;

	for (o = 0; ok && o < PB_OUT__MAX; o++) {
		if (o == PB_OUT_PDF && !pdf)
			continue;
		rel = pb_packet_output(id, (enum pb_output)o);
		ok = pb_stage_reuse_in(stage, &r, list_get(old->files,
		    old->nfiles, old->sorted, rel));
		free(rel);
	}
	/* and the charts beside its DocBook, ID/NAME.svg, and the images
	 * its positions link, ID/media/HASH.TYPE: sorted, the files under
	 * ID/ lie together, from the first not before "ID/" */
	o = 0;
	if (old->sorted) {
		size_t	 lo = 0, hi = old->nfiles, mid;

		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (strncmp(old->files[mid].id, id, len) < 0 ||
			    (strncmp(old->files[mid].id, id, len) == 0 &&
			    (unsigned char)old->files[mid].id[len] < '/'))
				lo = mid + 1;
			else
				hi = mid;
		}
		o = lo;
	}
	for (; ok && o < old->nfiles; o++) {
		rel = old->files[o].id;
		if (old->sorted && (strncmp(rel, id, len) != 0 ||
		    rel[len] != '/'))
			break;	/* past ID/ */
		if (strncmp(rel, id, len) == 0 && rel[len] == '/' &&
		    ((strchr(rel + len + 1, '/') == NULL &&
		    strlen(rel) > 4 && strcmp(rel + strlen(rel) - 4,
		    ".svg") == 0) || (strncmp(rel + len + 1, "media/", 6) == 0 &&
		    strchr(rel + len + 7, '/') == NULL)))
			ok = pb_stage_reuse_in(stage, &r, &old->files[o]);
	}
	pb_reuse_end(&r);
	return ok;
}

int
pb_increment_begin(struct pb_increment *inc, const char *indir,
    const char *outdir, const char *tdir, const char *schemadir, int pdf)
{
	struct pb_hasher	*h;
	struct pb_buf		 b = { NULL, 0, 0 };
	struct verify_job	 vj;
	int			 up;

	memset(inc, 0, sizeof(*inc));
	/* what the last build recorded first: it spares reading files */
	pb_manifest_read(outdir, &inc->old);
	inc->statpath = pb_out_sidecar(outdir, "stat");
	inc->memo = pb_hash_memo_new();
	pb_manifest_read_stat(&inc->old, inc->memo, inc->statpath);
	/* whether out/ is as inc->old records, found on the other core
	 * while this one hashes the input (worth a thread only for a large
	 * out/): it counts only when the input is unchanged, and is then
	 * most of a no-change rebuild */
	memset(&vj, 0, sizeof(vj));
	vj.m = &inc->old;
	vj.outdir = outdir;
	if (inc->old.warned && !pb_hash_eq(inc->old.all, none) &&
	    inc->old.nfiles >= 1024)
		vj.started = pthread_create(&vj.tid, NULL, verify_main,
		    &vj) == 0;
	inc->tool = tool_hash(tdir, schemadir, inc->memo);
	inc->pdf = pdf;
	if (pdf) {	/* the pages link to their PDF: another build */
		h = pb_hasher_new();
		pb_hasher_add_hash(h, inc->tool);
		pb_hasher_add(h, "pdf", 3);
		inc->tool = pb_hasher_end(h);
	}
	h = hasher(inc->memo);
	pb_hasher_add_hash(h, inc->tool);
	pb_hasher_add_tree(h, indir);
	inc->cur.all = pb_hasher_end(h);
	if (vj.started)
		pthread_join(vj.tid, NULL);
	up = !pb_hash_eq(inc->old.all, none) && inc->old.warned &&
	    pb_hash_eq(inc->old.all, inc->cur.all) && (vj.started ? vj.ok :
	    pb_manifest_verify(&inc->old, outdir));
	/* nothing to build: keep what the memo learned all the same */
	if (up && pb_hash_memo_changed(inc->memo)) {
		pb_manifest_format_stat(&inc->old, inc->memo, &b);
		pb_write_aside(inc->statpath, b.data, b.len);
		pb_buf_free(&b);
	}
	return up;
}

/* Copies the tags and images the last build recorded for packet id. */
static void
keep_record(struct pb_increment *inc, const char *id)
{
	const struct pb_manifest_entry	*o;
	struct pb_manifest_entry	*e;

	e = (struct pb_manifest_entry *)list_get(inc->cur.v, inc->cur.n,
	    inc->cur.sorted, id);
	if (e == NULL || (o = list_get(inc->old.v, inc->old.n,
	    inc->old.sorted, id)) == NULL)
		return;
	e->tags = record_dup(o->tags);
	e->images = record_dup(o->images);
}

char *
pb_increment_plan(struct pb_increment *inc, struct pb_stage *stage,
    const struct pb_model *m, const char *indir, const char *only,
    unsigned char *why)
{
	char		*reuse;
	struct pb_hash	 h;
	size_t		 i;
	int		 stale = 0;

	reuse = pb_xcalloc(m->npackets + 1, 1);
	for (i = 0; i < m->npackets; i++) {
		h = pb_manifest_get(&inc->old, m->packets[i].id);
		if (only != NULL && strcmp(m->packets[i].id, only) != 0 &&
		    !pb_hash_eq(h, none) && packet_reuse(stage, &inc->old,
		    m->packets[i].id, inc->pdf)) {
			pb_manifest_add(&inc->cur, m->packets[i].id, h);
			reuse[i] = PB_REUSE_DONE;
			why[i] = PB_WHY_KEPT;
			stale |= !pb_hash_eq(h, packet_hash(inc, m, indir,
			    &m->packets[i], manifest_images(&inc->old,
			    m->packets[i].id)));
			continue;
		}
		h = packet_hash(inc, m, indir, &m->packets[i],
		    manifest_images(&inc->old, m->packets[i].id));
		pb_manifest_add(&inc->cur, m->packets[i].id, h);
		if (pb_hash_eq(pb_manifest_get(&inc->old, m->packets[i].id),
		    none))
			why[i] = PB_WHY_NEW;
		else if (!pb_hash_eq(pb_manifest_get(&inc->old,
		    m->packets[i].id), h))
			why[i] = PB_WHY_CHANGED;
		else {
			why[i] = PB_WHY_SAME;
			reuse[i] = PB_REUSE_LINK;
		}
	}
	/* a partial build that kept an out-of-date packet: out/ no longer
	 * matches the whole input */
	if (stale)
		inc->cur.all = none;
	/* sorted, what is recorded of each packet next is found by binary
	 * search (no file is recorded before the stage's) */
	if (inc->cur.nfiles == 0) {
		if (inc->cur.n > 1)
			qsort(inc->cur.v, inc->cur.n, sizeof(*inc->cur.v),
			    entry_cmp);
		inc->cur.sorted = 1;
	}
	return reuse;
}

void
pb_increment_link(const struct pb_increment *inc, struct pb_stage *stage,
    const struct pb_model *m, char *reuse, unsigned char *why)
{
	size_t	 i;

	for (i = 0; i < m->npackets; i++) {
		if (reuse[i] != PB_REUSE_LINK)
			continue;
		if (packet_reuse(stage, &inc->old, m->packets[i].id,
		    inc->pdf))
			reuse[i] = PB_REUSE_DONE;
		else {
			reuse[i] = PB_REUSE_NONE;
			why[i] = PB_WHY_OUTPUT;
		}
	}
}

void
pb_increment_keep(struct pb_increment *inc, const struct pb_model *m,
    const char *reuse)
{
	size_t	 i;

	/* a reused packet is made of what it was made of */
	for (i = 0; i < m->npackets; i++)
		if (reuse[i] == PB_REUSE_DONE)
			keep_record(inc, m->packets[i].id);
}

void
pb_increment_record(struct pb_increment *inc, const char *id, char *tags,
    char *images)
{
	struct pb_manifest_entry	*e;

	e = (struct pb_manifest_entry *)list_get(inc->cur.v, inc->cur.n,
	    inc->cur.sorted, id);
	if (e != NULL) {
		free(e->tags);
		e->tags = record_dup(tags);
		free(e->images);
		e->images = record_dup(images);
	}
	free(tags);
	free(images);
}

void
pb_increment_rehash(struct pb_increment *inc, const struct pb_model *m,
    const char *indir, size_t i)
{
	struct pb_manifest_entry	*e;

	e = (struct pb_manifest_entry *)list_get(inc->cur.v, inc->cur.n,
	    inc->cur.sorted, m->packets[i].id);
	if (e != NULL)
		e->hash = packet_hash(inc, m, indir, &m->packets[i],
		    e->images);
}

struct pb_hash
pb_increment_site(const struct pb_increment *inc, const char *data,
    size_t len)
{
	struct pb_hasher	*h = pb_hasher_new();

	pb_hasher_add_hash(h, inc->tool);
	pb_hasher_add(h, "site", 4);
	pb_hasher_add(h, data, len);
	return pb_hasher_end(h);
}

int
pb_increment_reuse_site(struct pb_increment *inc, struct pb_stage *stage,
    struct pb_hash h, const char *const *files, size_t n)
{
	size_t	 i;

	if (pb_hash_eq(inc->old.site, none) || !pb_hash_eq(inc->old.site, h))
		return 0;
	for (i = 0; i < n; i++)
		if (!pb_stage_reuse(stage, list_get(inc->old.files,
		    inc->old.nfiles, inc->old.sorted, files[i])))
			return 0;
	inc->cur.site = h;
	return 1;
}

void
pb_increment_set_site(struct pb_increment *inc, struct pb_hash h)
{
	inc->cur.site = h;
}

void
pb_increment_write(struct pb_increment *inc, struct pb_stage *stage,
    struct pb_diags *d)
{
	struct pb_buf	 mb = { NULL, 0, 0 };

	pb_stage_files(stage, &inc->cur);
	pb_manifest_format(&inc->cur, &mb);
	pb_stage_write(stage, ".manifest", mb.data, mb.len, d);
	pb_buf_free(&mb);
}

void
pb_increment_commit(struct pb_increment *inc)
{
	struct pb_buf	 mb = { NULL, 0, 0 };

	pb_manifest_format_stat(&inc->cur, inc->memo, &mb);
	pb_write_aside(inc->statpath, mb.data, mb.len);
	pb_buf_free(&mb);
}

void
pb_increment_free(struct pb_increment *inc)
{
	size_t	 i;

	pb_manifest_free(&inc->old);
	pb_manifest_free(&inc->cur);
	pb_hash_memo_free(inc->memo);
	inc->memo = NULL;
	for (i = 0; i < inc->nshared; i++)
		free(inc->shared[i].id);
	free(inc->shared);
	inc->shared = NULL;
	inc->nshared = 0;
	free(inc->statpath);
	inc->statpath = NULL;
}
