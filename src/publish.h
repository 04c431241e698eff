/*
 * publish.h - writing a build into a staging folder beside out/ and
 * swapping it in only when everything succeeded.
 */
#ifndef PB_PUBLISH_H
#define PB_PUBLISH_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"
#include "pb.h"

struct pb_stage;

/*
 * Starts a build of outdir: refuses an outdir that is a symbolic link,
 * removes a staging folder left by a killed build and creates a new one.
 * Returns the stage (free with pb_stage_commit or pb_stage_abort) or
 * NULL with the problem recorded.
 */
struct pb_stage *pb_stage_begin(const char *outdir, struct pb_diags *d);

/* The staging folder's path (owned by the stage). */
const char *pb_stage_path(const struct pb_stage *s);

/*
 * Writes len bytes as relpath inside the stage, creating folders as
 * needed: a temporary file, fsync, rename. relpath must be made of
 * validated ids. Returns 0 with the problem recorded on failure.
 */
int pb_stage_write(struct pb_stage *s, const char *relpath,
    const char *data, size_t len, struct pb_diags *d);

/*
 * Copies the file relpath of the previous output folder into the stage
 * when its content still hashes to want, opening every folder on the way
 * without following a symbolic link. Returns 0 (nothing recorded) when
 * there is no such regular file or it was changed since.
 */
int pb_stage_reuse(struct pb_stage *s, const char *relpath,
    struct pb_hash want);

struct pb_manifest;

/* Adds every file written into the stage so far, with its hash, to m. */
void pb_stage_files(struct pb_stage *s, struct pb_manifest *m);

/*
 * Removes the staging folder a killed build may have left beside outdir
 * (nothing else is touched).
 */
void pb_stage_clean(const char *outdir);

/* The path of what is kept beside outdir: ".NAME.WHAT" (caller frees). */
char *pb_out_sidecar(const char *outdir, const char *what);

/*
 * Writes data to path (beside the output folder) through a temporary file
 * and a rename. Returns 0 on failure; nothing is recorded: it is a cache.
 */
int pb_write_aside(const char *path, const char *data, size_t len);

/*
 * Replaces outdir with the stage atomically and removes the old output.
 * Frees the stage. Returns 0 (outdir untouched) with the problem recorded
 * on failure.
 */
int pb_stage_commit(struct pb_stage *s, struct pb_diags *d);

/* Removes the staging folder and frees the stage; NULL is a no-op. */
void pb_stage_abort(struct pb_stage *s);

/* Removes path and everything under it, never following links. */
int pb_rmtree(const char *path);

#endif /* PB_PUBLISH_H */
