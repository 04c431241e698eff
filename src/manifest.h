/*
 * manifest.h - the content-hash manifest kept with out/ (out/.manifest):
 * what every packet was built from, so a rebuild skips what is unchanged.
 */
#ifndef PB_MANIFEST_H
#define PB_MANIFEST_H

#include <stddef.h>
#include <stdint.h>

#include "pb.h"

/* One packet's entry: its id and the hash of everything it was built from. */
struct pb_manifest_entry {
	char		*id;
	uint64_t	 hash;
};

struct pb_manifest {
	uint64_t			 all;	/* every input, templates, binary */
	struct pb_manifest_entry	*v;	/* packets: their inputs' hash */
	size_t				 n;
	struct pb_manifest_entry	*files;	/* outputs: relative path and
						 * content hash */
	size_t				 nfiles;
	int				 sorted; /* both lists, by id (as
						 * read from disk) */
};

/* FNV-1a over len bytes, continuing from h (start with PB_HASH_INIT). */
#define PB_HASH_INIT 0xcbf29ce484222325ULL
uint64_t pb_hash(uint64_t h, const void *data, size_t len);

/*
 * Hashes the contents of file path into h. Returns 0 when the file cannot
 * be read (h then also takes the failure, so nothing matches).
 */
int pb_hash_file(uint64_t *h, const char *path);

/*
 * Hashes every regular file under dir (names and contents, sorted, not
 * following symbolic links) into h.
 */
void pb_hash_tree(uint64_t *h, const char *dir);

/* Reads outdir/.manifest; an absent or damaged one reads as empty. */
void pb_manifest_read(const char *outdir, struct pb_manifest *m);

/* The hash recorded for packet id, or 0 when there is none. */
uint64_t pb_manifest_get(const struct pb_manifest *m, const char *id);

/* Adds an entry (id copied). */
void pb_manifest_add(struct pb_manifest *m, const char *id, uint64_t hash);

/* Adds an output file (path copied) with the hash of its content. */
void pb_manifest_add_file(struct pb_manifest *m, const char *rel,
    uint64_t hash);

/* The recorded hash of output file rel; 0 when there is none. */
uint64_t pb_manifest_file(const struct pb_manifest *m, const char *rel);

/*
 * Returns non-zero when outdir holds exactly the files m records (and
 * .manifest), each with its recorded content, and nothing else: no other
 * file, no symbolic link. A build may then leave outdir as it is.
 */
int pb_manifest_verify(const struct pb_manifest *m, const char *outdir);

/* Serializes m into out, sorted by id, for writing as .manifest. */
void pb_manifest_format(const struct pb_manifest *m, struct pb_buf *out);

/* Frees the entries; the struct is the caller's. */
void pb_manifest_free(struct pb_manifest *m);

#endif /* PB_MANIFEST_H */
