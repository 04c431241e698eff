/*
 * manifest.h - the content-hash manifest kept with out/ (out/.manifest):
 * what every packet was built from, so a rebuild skips what is unchanged.
 */
#ifndef PB_MANIFEST_H
#define PB_MANIFEST_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "hash.h"
#include "pb.h"

/*
 * One entry: a packet's id and the hash of everything it was built from,
 * or an output file's path, the hash of its content, and its size,
 * modification time (ns) and inode when written (a quick check that
 * spares reading it again).
 */
struct pb_manifest_entry {
	char		*id;
	char		*tags;	/* a packet's tags, one a line, or NULL:
				 * what the site's pages list (the one
				 * record of them) */
	char		*images; /* a packet's images (files below the
				 * input folder), one a line, or NULL:
				 * hashed as its inputs */
	struct pb_diags	 warns;	/* the warnings building a packet gave,
				 * files relative to the input folder */
	struct pb_hash	 hash;
	uint64_t	 size;
	uint64_t	 mtime;
	uint64_t	 ino;
};

struct pb_manifest {
	struct pb_hash			 all;	/* every input, templates, binary */
	struct pb_hash			 site;	/* what the site's pages (index,
						 * feed, sitemap) were made from,
						 * or none */
	struct pb_hash			*valid;	/* inputs found to follow their
						 * schemas (pb_valid_found) */
	size_t				 nvalid;
	struct pb_manifest_entry	*v;	/* packets: their inputs' hash */
	size_t				 n;
	struct pb_manifest_entry	*files;	/* outputs: relative path and
						 * content hash */
	size_t				 nfiles;
	int				 sorted; /* both lists, by id (as
						 * read from disk) */
	struct pb_diags			 warns;	/* every warning of the
						 * whole build that wrote it */
	int				 warned; /* warns was recorded */
};

/*
 * The tags recorded for packet id (the tags of its positions, one a line,
 * owned by m), or NULL. The index and the feed take each packet's tags
 * from the record of the build (pb_increment_record).
 */
const char *pb_manifest_tags(const struct pb_manifest *m, const char *id);

/*
 * The warnings of a build, kept so that a build which reuses its output
 * prints exactly what a fresh one would. pb_manifest_keep_warnings copies
 * the warnings of d from index from on into the record of packet id (NULL:
 * the record of the whole build), each file named relative to indir;
 * pb_manifest_replay appends the warnings recorded for id (NULL: the whole
 * build) of m to d, each file under indir again. A packet without a
 * record, or a whole build, adds nothing.
 */
void pb_manifest_keep_warnings(struct pb_manifest *m, const char *id,
    const struct pb_diags *d, size_t from, const char *indir);
void pb_manifest_replay(const struct pb_manifest *m, const char *id,
    const char *indir, struct pb_diags *d);

/*
 * Adds an output file (path copied) with the hash of its content and, when
 * st is not NULL, its size, time and inode.
 */
struct stat;
void pb_manifest_add_file(struct pb_manifest *m, const char *rel,
    struct pb_hash hash, const struct stat *st);

/* Frees the entries; the struct is the caller's. */
void pb_manifest_free(struct pb_manifest *m);

struct pb_model;
struct pb_stage;

/*
 * An incremental build's bookkeeping: what the previous build of out/
 * recorded, and what this one records as it goes.
 */
struct pb_increment {
	struct pb_manifest	 old;	/* out/.manifest and .out.stat */
	struct pb_manifest	 cur;	/* this build's */
	struct pb_hash		 tool;	/* the program, templates, schemas */
	struct pb_hash_memo	*memo;	/* the hashes of the files read, by
					 * identity, kept in .out.stat */
	char			*statpath;	/* .out.stat beside out/ */
	struct pb_manifest_entry *shared; /* per list of organizations
					 * (ids, a newline after each):
					 * the hash of the files its
					 * packets share */
	size_t			 nshared;
	int			 pdf;	/* the build writes ID/ID.pdf too */
};

/*
 * Starts the bookkeeping of a build of indir into outdir with the
 * templates tdir and the schemas schemadir, with PDFs when pdf is
 * non-zero (a build with and one without differ in every packet: the
 * pages link to their PDF). Returns non-zero when nothing changed since
 * the last whole build, which recorded its warnings, and outdir holds
 * exactly what it wrote: outdir is then up to date and the build may
 * stop, printing the warnings recorded (pb_manifest_replay, id NULL).
 */
int pb_increment_begin(struct pb_increment *inc, const char *indir,
    const char *outdir, const char *tdir, const char *schemadir, int pdf);

/* Why a packet was built, or its previous output reused. */
enum pb_why {
	PB_WHY_NEW,		/* built: out/ held no output of it */
	PB_WHY_CHANGED,		/* built: what it is made from changed */
	PB_WHY_OUTPUT,		/* built: its output was changed or removed */
	PB_WHY_SAME,		/* reused: nothing it is made from changed */
	PB_WHY_KEPT		/* reused: build --packet named another */
};

/* What becomes of each packet's previous output (pb_increment_plan). */
enum pb_reuse {
	PB_REUSE_NONE,	/* the packet is to be built */
	PB_REUSE_DONE,	/* its previous output is in the stage */
	PB_REUSE_LINK	/* made from the same files: pb_increment_link is
			   to put its previous output in the stage */
};

/*
 * Records what each packet of m is made from (its files) and decides
 * what becomes of its previous output: every packet made from the same
 * files is to have it (PB_REUSE_LINK). With only (build --packet; NULL:
 * none), every other packet that has a previous output keeps it,
 * whatever it was made from, and keeps its previous record, so the next
 * whole build rebuilds it if it is out of date; when none is, out/
 * matches the whole input as after a whole build, and the next build
 * with nothing changed finds it up to date (these outputs are in the
 * stage on return: PB_REUSE_DONE). Sets why[i] (an enum pb_why) for each
 * packet i. Returns an enum pb_reuse per packet (the caller frees it).
 */
char *pb_increment_plan(struct pb_increment *inc, struct pb_stage *stage,
    const struct pb_model *m, const char *indir, const char *only,
    unsigned char *why);

/*
 * Puts the previous output of each packet whose flag in reuse is
 * PB_REUSE_LINK into the stage, each file linked after it is checked to
 * be as the last build left it: the flag becomes PB_REUSE_DONE, or
 * PB_REUSE_NONE and why[i] PB_WHY_OUTPUT when a file is not. It reads
 * only the previous manifest, and the stage takes its files under its
 * lock: it may run in a thread of its own while other packets are built
 * into the stage.
 */
void pb_increment_link(const struct pb_increment *inc,
    struct pb_stage *stage, const struct pb_model *m, char *reuse,
    unsigned char *why);

/*
 * Once every flag of reuse is final: each packet whose previous output
 * is in the stage (PB_REUSE_DONE) keeps the tags and images recorded
 * for it.
 */
void pb_increment_keep(struct pb_increment *inc, const struct pb_model *m,
    const char *reuse);

/*
 * Records what packet id, just built, is made of besides its files: the
 * tags of its positions and the images they link (files below the input
 * folder), each one a line or NULL for none; inc takes both. A packet
 * reused keeps what the last build recorded (pb_increment_keep). The
 * workers of a build call it at once, each for its own packets.
 */
void pb_increment_record(struct pb_increment *inc, const char *id,
    char *tags, char *images);

/*
 * Recomputes the hash of packet number i of m, just built, with the
 * images recorded for it, as its positions may link other images than
 * last time.
 */
void pb_increment_rehash(struct pb_increment *inc, const struct pb_model *m,
    const char *indir, size_t i);

/*
 * The site's pages (the index, the feed and the sitemap: files, n of
 * them, relative to the output folder) are made from the site's tree,
 * serialized as data (len bytes), by the templates. pb_increment_site
 * returns the hash of what they are made from; pb_increment_reuse_site
 * puts the previous build's pages into the stage and returns non-zero
 * when that build recorded the same hash (pb_increment_set_site) and left
 * every one of the files as it wrote it; else nothing of them is reused.
 * pb_increment_set_site records h for the next build (a build whose pages
 * gave a warning records none, so that the next one renders them again
 * and says it again).
 */
struct pb_hash pb_increment_site(const struct pb_increment *inc,
    const char *data, size_t len);
int pb_increment_reuse_site(struct pb_increment *inc, struct pb_stage *stage,
    struct pb_hash h, const char *const *files, size_t n);
void pb_increment_set_site(struct pb_increment *inc, struct pb_hash h);

/* Writes the manifest of every file in the stage, last, into it. */
void pb_increment_write(struct pb_increment *inc, struct pb_stage *stage,
    struct pb_diags *d);

/*
 * After the stage became outdir: keeps the size, time and inode of every
 * file beside it (.out.stat), so the next build can check outdir without
 * reading it, and the memo of the input files' hashes, so it can hash
 * input/ without reading what did not change.
 */
void pb_increment_commit(struct pb_increment *inc);

/* Frees the bookkeeping; the struct is the caller's. */
void pb_increment_free(struct pb_increment *inc);

#endif /* PB_MANIFEST_H */
