/*
 * position.h - reading one position paper (Markdown or XML) into the
 * document tree that the stylesheets transform (docs/tree.md), with where
 * each of its figure references was written. markdown.c and xmlpos.c
 * read each form; position.c picks one by the file's suffix.
 */
#ifndef PB_POSITION_H
#define PB_POSITION_H

#include <libxml/tree.h>

#include "image.h"
#include "pb.h"

struct pb_schema;

/* How strict reading is. */
struct pb_read_opts {
	int			 require_title;	/* missing title: error */
	size_t			 max_bytes;	/* larger Markdown: error;
						 * 0: no cap */
	const struct pb_schema	*schema;	/* XML positions: validate
						 * (schema/position.rng) */
	const char		*indir;		/* the input folder: find
						 * the images (image.h);
						 * NULL: leave them */
};

/*
 * Where each figure reference (pb:value, pb:directive) of a position's
 * tree was written, in document order: v[k] is the k-th; each citation
 * (pb:cite): cite[k] is the k-th; and each image of a Markdown body
 * (cm:image): image[k] is the k-th. The file is the tree root's @source
 * (the entries' file is NULL).
 */
struct pb_refs {
	struct pb_src	*v;
	size_t		 n;
	struct pb_src	*cite;
	size_t		 ncite;
	struct pb_src	*image;
	size_t		 nimage;
};

/* Appends the position of one figure reference to refs. */
void pb_refs_add(struct pb_refs *refs, unsigned long line, unsigned long col);

/* Appends the position of one citation to refs. */
void pb_refs_add_cite(struct pb_refs *refs, unsigned long line,
    unsigned long col);

/* Appends the position of one image to refs. */
void pb_refs_add_image(struct pb_refs *refs, unsigned long line,
    unsigned long col);

/*
 * Frees what refs holds and empties it.
 * Called by pb_position_free and by tests that call the readers below.
 */
void pb_refs_free(struct pb_refs *refs);

/*
 * A position as read: its tree and its references' positions. A broken
 * one had errors (its front matter, or an XML position's title, ids or
 * schema), but its tree is there to check its references and citations,
 * not to publish.
 */
struct pb_position {
	xmlDocPtr	 doc;
	struct pb_refs	 refs;
	struct pb_images images;	/* the images it links (opts' indir) */
	int		 broken;
};

/*
 * Reads one position file as XML (when xml is set) or Markdown into p,
 * with id the root's id attribute (may be NULL). Returns 0 with problems
 * recorded in d: p is empty, or broken when its tree could still be read.
 * Free with pb_position_free either way.
 */
int pb_position_read(const char *path, const char *id, int xml,
    const struct pb_read_opts *o, struct pb_position *p, struct pb_diags *d);

/* Non-zero when file names an XML position (ends in .xml). */
int pb_position_is_xml(const char *file);

/* Frees what p holds and empties it. */
void pb_position_free(struct pb_position *p);

/*
 * Reads a Markdown position (optional YAML front matter, then CommonMark)
 * from data/len. file names it in diagnostics; id becomes the root's id
 * attribute (may be NULL). Where each figure reference and citation was
 * written is appended to refs when it is not NULL. Returns a new document the caller
 * frees with xmlFreeDoc, or NULL with every problem recorded in d. When
 * the only problems are in the front matter (recorded in d), the body is
 * still read and its document returned, for its references to be checked.
 */
xmlDocPtr pb_markdown_read(const char *file, const char *data, size_t len,
    const char *id, const struct pb_read_opts *o, struct pb_refs *refs,
    struct pb_diags *d);

/*
 * Reads an XML position (a DocBook 5 article with pb:value and
 * pb:directive) the same way. Returns a new document or NULL. A file
 * that is well-formed and a DocBook <article> gives its document even
 * with problems (a missing title, an xml:id twice, schema violations,
 * all recorded in d), without the references the schema refused, for
 * the others to be checked.
 */
xmlDocPtr pb_xmlpos_read(const char *file, const char *data, size_t len,
    const char *id, const struct pb_read_opts *o, struct pb_refs *refs,
    struct pb_diags *d);

#endif /* PB_POSITION_H */
