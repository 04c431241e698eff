/*
 * cache.h - the positions of an input folder, each read and validated
 * once however many packets include it, kept only while a packet still
 * needs it, so memory follows the packets being built, not the corpus.
 * Safe to use from several threads.
 */
#ifndef PB_CACHE_H
#define PB_CACHE_H

#include <libxml/tree.h>

#include "model.h"
#include "pb.h"
#include "position.h"

struct pb_cache;

/*
 * Makes a cache of the positions m lists in indir/positions (a .md file,
 * else a .xml one), read with opts. Free with pb_cache_free.
 */
struct pb_cache *pb_cache_new(const struct pb_model *m, const char *indir,
    const struct pb_read_opts *opts);

/* Frees the cache and every tree still in it; NULL is a no-op. */
void pb_cache_free(struct pb_cache *c);

/* The index of position id, or (size_t)-1. */
size_t pb_cache_find(const struct pb_cache *c, const char *id);

/* The file of position i (owned by the cache). */
const char *pb_cache_file(const struct pb_cache *c, size_t i);

/* Announces one more future pb_cache_get of position i. */
void pb_cache_expect(struct pb_cache *c, size_t i);

/*
 * Returns the tree of position i, reading it on first use (problems go to
 * d, once; the result is then NULL for every user). The tree is shared:
 * read it, copy from it, never change it. Pair with pb_cache_put.
 */
xmlDocPtr pb_cache_get(struct pb_cache *c, size_t i, struct pb_diags *d);

/* Ends one use of position i; the tree is freed after its last use. */
void pb_cache_put(struct pb_cache *c, size_t i);

/*
 * Reads one position file as Markdown or XML (by xml). Returns its tree
 * (the caller frees it) or NULL with problems recorded in d.
 */
xmlDocPtr pb_position_read_file(const char *path, const char *id, int xml,
    const struct pb_read_opts *o, struct pb_diags *d);

#endif /* PB_CACHE_H */
