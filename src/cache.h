/*
 * cache.h - the positions the packets of a build include, each read and
 * validated once however many packets include it, and kept only until
 * the last of those packets is done with it, so memory follows the
 * packets being built, not the corpus. The cache counts the uses itself
 * from the packets it serves. Safe to use from several threads.
 */
#ifndef PB_CACHE_H
#define PB_CACHE_H

#include "model.h"
#include "pb.h"
#include "position.h"

struct pb_cache;

/*
 * Makes a cache of m's positions for the packets of m whose skip flag is
 * not set (skip NULL: every packet), read with opts (kept by the cache).
 * Free with pb_cache_free.
 */
struct pb_cache *pb_cache_new(const struct pb_model *m,
    const struct pb_read_opts *opts, const char *skip);

/* Frees the cache and every position still in it; NULL is a no-op. */
void pb_cache_free(struct pb_cache *c);

/*
 * Sets v[i] to position pk->positions[i] for every i, reading each on its
 * first use (problems go to d, once; v[i] is then NULL for every packet,
 * or broken when its tree could be read all the same).
 * The positions are shared: read them, copy from them, never change
 * them. pk must be a packet the cache serves; end with pb_cache_close.
 */
void pb_cache_open(struct pb_cache *c, const struct pb_packet *pk,
    const struct pb_position **v, struct pb_diags *d);

/*
 * Non-zero when pk, open, is the last packet served to use its i-th
 * position, which was read without problems: no one reads that position's
 * tree after pk, and the caller may take the tree's nodes for its own in
 * place of a copy (pb_cache_close frees what is left).
 */
int pb_cache_last(struct pb_cache *c, const struct pb_packet *pk, size_t i);

/*
 * Ends packet pk's use of its positions: each is freed once the last
 * packet served that includes it is done.
 */
void pb_cache_close(struct pb_cache *c, const struct pb_packet *pk);

#endif /* PB_CACHE_H */
