/*
 * hash.h - the content hash that tells a build what changed: XXH3-128
 * (libxxhash), whose value and written form are the same on every
 * machine. For noticing changes, not for resisting attackers.
 */
#ifndef PB_HASH_H
#define PB_HASH_H

#include <stddef.h>
#include <stdint.h>

struct pb_buf;

/* A hash value; all zero means "none". */
struct pb_hash {
	uint64_t	 hi;
	uint64_t	 lo;
};

/* The written form: 32 lowercase hex digits and a NUL. */
#define PB_HASH_HEX 33

/* A hash being computed over a sequence of pieces. */
struct pb_hasher;

/*
 * What a build remembers of the files it hashed, kept beside the output
 * folder from one build to the next so that a file that did not change
 * is not read again: the hash of each file's content under the file's
 * identity, its device, inode, size, modification time and status-change
 * time. The change time moves with every write, rename, link or change
 * of mode, and no program can set it back, so a file whose identity is
 * as remembered has the content remembered. A file that changed shortly
 * before it was read (after the memo's settled time: see
 * pb_hash_memo_settle) could change again within the same tick of the
 * file system's clock and keep its times; it is hashed but not
 * remembered, and the next build reads it again. Not safe to share
 * between threads.
 */
struct pb_hash_memo;

/* A new, empty memo whose settled time is now less PB_MEMO_SETTLE. */
struct pb_hash_memo *pb_hash_memo_new(void);

/* Seconds a file must have been left alone before it is remembered. */
#define PB_MEMO_SETTLE 2

/*
 * Sets the time (nanoseconds since the epoch) before which a file's last
 * change must lie for the memo to remember its hash.
 * Called by pb_hash_memo_new and by tests/unit/test_manifest.c.
 */
void pb_hash_memo_settle(struct pb_hash_memo *m, int64_t ns);

/*
 * Makes an empty memo's table big enough for n entries at once, where
 * growing it entry by entry would copy it at each doubling.
 */
void pb_hash_memo_reserve(struct pb_hash_memo *m, size_t n);

/*
 * Reads back one line as pb_hash_memo_format wrote it (its leading '='
 * included); returns 0 and remembers nothing when line is not one.
 */
int pb_hash_memo_parse(struct pb_hash_memo *m, const char *line);

/*
 * Writes the entries this memo was asked for or learned since it was
 * made, one a line, each starting with '=' (files the build no longer
 * hashes are forgotten).
 */
void pb_hash_memo_format(const struct pb_hash_memo *m, struct pb_buf *out);

/*
 * Non-zero when the memo learned an entry it did not have when read, or
 * was not asked for one it had: what it would write differs from what
 * it read (a build that writes nothing else may still keep it).
 */
int pb_hash_memo_changed(const struct pb_hash_memo *m);

/* Frees the memo; NULL is a no-op. */
void pb_hash_memo_free(struct pb_hash_memo *m);

/* Starts a hash; end it with pb_hasher_end, which frees it. */
struct pb_hasher *pb_hasher_new(void);

/*
 * Makes h hash files through memo (owned by the caller, who keeps it
 * until h ends): each file's content counts by its hash, which the memo
 * remembers by the file's identity.
 */
void pb_hasher_memo(struct pb_hasher *h, struct pb_hash_memo *memo);

/* Adds len bytes of data. */
void pb_hasher_add(struct pb_hasher *h, const void *data, size_t len);

/* Adds the value of another hash (its canonical bytes). */
void pb_hasher_add_hash(struct pb_hasher *h, struct pb_hash v);

/*
 * Adds path's name and the hash of the content of the regular file path
 * (following a symbolic link). Returns 0 when it cannot be read: h then
 * takes the failure too, so nothing matches.
 */
int pb_hasher_add_file(struct pb_hasher *h, const char *path);

/* The same, adding name (the path as the build names it) for path's. */
int pb_hasher_add_file_as(struct pb_hasher *h, const char *path,
    const char *name);

/*
 * Adds everything under dir that a build could read, named relative to
 * dir (so where dir is does not matter), sorted: each entry's type, the
 * hash of each regular file's content, each symbolic link's target and
 * what it leads to (a file's content, a folder, a pipe or other type,
 * nothing, a loop); pipes, sockets and devices by their type, never
 * opened.
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
