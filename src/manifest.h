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
	struct pb_manifest_entry	*v;
	size_t				 n;
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

/* Serializes m into out, sorted by id, for writing as .manifest. */
void pb_manifest_format(const struct pb_manifest *m, struct pb_buf *out);

/* Frees the entries; the struct is the caller's. */
void pb_manifest_free(struct pb_manifest *m);

#endif /* PB_MANIFEST_H */
