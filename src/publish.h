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
struct pb_spare;

/*
 * The spare of outdir (its lock held): the output the last build that
 * reused files of it replaced, kept beside it as ".OUT.spare" (most of
 * its files are hard links of out/'s own). A thread of its own lists its
 * files and folders and removes anything else (a symbolic link, a pipe)
 * while the input loads. NULL when there is none. pb_stage_begin takes
 * it; else free it with pb_spare_free, which waits for the thread.
 */
struct pb_spare *pb_spare_look(const char *outdir);
void pb_spare_free(struct pb_spare *sp);

/*
 * Starts a build of outdir (its lock held): refuses an outdir that is a
 * symbolic link, removes staging folders left by killed builds and
 * creates a new one of its own, ".OUT.staging.XXXXXX", made from the
 * spare sp (taken, may be NULL) when its look succeeded: a file reused
 * from the last output is then kept where the spare has that very file,
 * and what this build does not write is removed before the swap.
 * Returns the stage (free with pb_stage_commit or pb_stage_abort) or
 * NULL with the problem recorded.
 */
struct pb_stage *pb_stage_begin(const char *outdir, struct pb_spare *sp,
    struct pb_diags *d);

/* The staging folder's path (owned by the stage). */
const char *pb_stage_path(const struct pb_stage *s);

/*
 * Writes len bytes as relpath inside the stage, creating folders as
 * needed: a temporary file, fsync, rename. relpath must be made of
 * validated ids. Returns 0 with the problem recorded on failure.
 */
int pb_stage_write(struct pb_stage *s, const char *relpath,
    const char *data, size_t len, struct pb_diags *d);

struct pb_manifest_entry;

/*
 * Copies the output file e records (e->id, its path) from the previous
 * output folder into the stage when its content still hashes to e->hash,
 * opening every folder on the way without following a symbolic link. A
 * file whose size, modification time and inode are those e records (as
 * written or kept by the last build) is taken as unchanged without being
 * read. Returns 0 (nothing recorded) when e is NULL, there is no such
 * regular file or it was changed since.
 */
int pb_stage_reuse(struct pb_stage *s, const struct pb_manifest_entry *e);

/*
 * pb_stage_reuse for files one after another: r keeps the folder of out/
 * the last one lay in open for the next ones in it (a packet's files).
 * Start r as PB_REUSE_DIR_INIT; pb_reuse_end closes it.
 */
struct pb_reuse_dir {
	char	*dir;	/* its path in out/ */
	int	 fd;
};
#define PB_REUSE_DIR_INIT { NULL, -1 }
int pb_stage_reuse_in(struct pb_stage *s, struct pb_reuse_dir *r,
    const struct pb_manifest_entry *e);
void pb_reuse_end(struct pb_reuse_dir *r);

struct pb_manifest;

/*
 * Adds every file written into the stage so far, with its hash, to m;
 * a file written twice once, as last written.
 */
void pb_stage_files(struct pb_stage *s, struct pb_manifest *m);

/*
 * Removes the staging folders killed builds may have left beside outdir
 * (".OUT.staging.*"; nothing else is touched). Call it only while holding
 * the lock of outdir.
 */
void pb_stage_clean(const char *outdir);

/*
 * Takes outdir for a build that reads the folders indir and tdir. An
 * outdir that is one of them or lies inside one, or holds one, once
 * symbolic links are resolved, is refused: said with say, PB_EXIT_USAGE,
 * nothing touched. Else takes the lock of outdir, an flock on the file
 * ".OUT.lock" beside it, that every build holds from start to end: two
 * builds never work on one output folder at once. When another build
 * holds it, waits for that build to end, having said so with say when
 * tell is non-zero (on a terminal). Returns PB_EXIT_OK with *lock the
 * descriptor to give pb_out_unlock, or PB_EXIT_SYSTEM, said with say,
 * when the lock file cannot be opened or locked.
 */
int pb_out_take(const char *outdir, const char *indir, const char *tdir,
    int tell, void (*say)(const char *, ...), int *lock);

/* Releases a lock pb_out_take took; a negative fd is a no-op. */
void pb_out_unlock(int fd);

/* The path of what is kept beside outdir: ".NAME.WHAT" (caller frees). */
char *pb_out_sidecar(const char *outdir, const char *what);

/*
 * Writes data to path (beside the output folder) through a temporary file
 * and a rename. Returns 0 on failure; nothing is recorded: it is a cache.
 */
int pb_write_aside(const char *path, const char *data, size_t len);

/*
 * Reads what pb_write_aside wrote to path, at most max bytes, into a
 * NUL-terminated buffer the caller frees. Returns 0, recording nothing,
 * when there is no such regular file (a link is not followed) or it is
 * larger.
 */
int pb_read_aside(const char *path, size_t max, char **data, size_t *len);

/*
 * Replaces outdir with the stage atomically; the old output is kept as
 * the spare when the build reused files of it, else removed.
 * Frees the stage. Returns 0 (outdir untouched) with the problem recorded
 * on failure.
 */
int pb_stage_commit(struct pb_stage *s, struct pb_diags *d);

/* Removes the staging folder and frees the stage; NULL is a no-op. */
void pb_stage_abort(struct pb_stage *s);

/* Removes path and everything under it, never following links. */
int pb_rmtree(const char *path);

#endif /* PB_PUBLISH_H */
