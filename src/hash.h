/*
 * hash.h - the content hash that tells a build what changed: XXH3-128
 * (libxxhash), whose value and written form are the same on every
 * machine. For noticing changes, not for resisting attackers.
 */
#ifndef PB_HASH_H
#define PB_HASH_H

#include <stddef.h>
#include <stdint.h>

/* A hash value; all zero means "none". */
struct pb_hash {
	uint64_t	 hi;
	uint64_t	 lo;
};

/* The written form: 32 lowercase hex digits and a NUL. */
#define PB_HASH_HEX 33

/* A hash being computed over a sequence of pieces. */
struct pb_hasher;

/* Starts a hash; end it with pb_hasher_end, which frees it. */
struct pb_hasher *pb_hasher_new(void);

/* Adds len bytes of data. */
void pb_hasher_add(struct pb_hasher *h, const void *data, size_t len);

/* Adds the value of another hash (its canonical bytes). */
void pb_hasher_add_hash(struct pb_hasher *h, struct pb_hash v);

/*
 * Adds path's name and the content of the regular file path (following a
 * symbolic link). Returns 0 when it cannot be read: h then takes the
 * failure too, so nothing matches.
 */
int pb_hasher_add_file(struct pb_hasher *h, const char *path);

/* The same, adding name (the path as the build names it) for path's. */
int pb_hasher_add_file_as(struct pb_hasher *h, const char *path,
    const char *name);

/*
 * Adds everything under dir that a build could read, named relative to
 * dir (so where dir is does not matter), sorted: each entry's type, the
 * contents of regular files, each symbolic link's target and what it
 * leads to (a file's content, a folder, a pipe or other type, nothing,
 * a loop); pipes, sockets and devices by their type, never opened.
 */
void pb_hasher_add_tree(struct pb_hasher *h, const char *dir);

/* The hash of everything added; frees h. */
struct pb_hash pb_hasher_end(struct pb_hasher *h);

/* The hash of len bytes of data. */
struct pb_hash pb_hash_data(const void *data, size_t len);

/*
 * The hash of the content of the regular file path, not following a
 * symbolic link when nofollow is set. Returns 0 when it cannot be read.
 */
int pb_hash_content(const char *path, int nofollow, struct pb_hash *out);

/* Non-zero when a and b are the same hash. */
int pb_hash_eq(struct pb_hash a, struct pb_hash b);

/* Writes v as 32 hex digits into buf. */
void pb_hash_format(struct pb_hash v, char buf[PB_HASH_HEX]);

/* Reads 32 hex digits from s into *v; 0 when s is not one. */
int pb_hash_parse(const char *s, struct pb_hash *v);

#endif /* PB_HASH_H */
