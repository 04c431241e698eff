/*
 * position.h - reading one position paper (Markdown or XML) into the
 * document tree that the stylesheets transform (docs/tree.md).
 */
#ifndef PB_POSITION_H
#define PB_POSITION_H

#include <libxml/tree.h>

#include "pb.h"

struct pb_schema;

/* How strict reading is. */
struct pb_read_opts {
	int			 require_title;	/* missing title: error */
	size_t			 max_bytes;	/* larger Markdown: error;
						 * 0: no cap */
	const struct pb_schema	*schema;	/* XML positions: validate
						 * (schema/position.rng) */
};

/*
 * Reads a Markdown position (optional YAML front matter, then CommonMark)
 * from data/len. file names it in diagnostics; id becomes the root's id
 * attribute (may be NULL). Returns a new document the caller frees with
 * xmlFreeDoc, or NULL with every problem recorded in d.
 */
xmlDocPtr pb_markdown_read(const char *file, const char *data, size_t len,
    const char *id, const struct pb_read_opts *o, struct pb_diags *d);

/*
 * Reads an XML position (a DocBook 5 article with pb:value and
 * pb:directive) the same way. Returns a new document or NULL.
 */
xmlDocPtr pb_xmlpos_read(const char *file, const char *data, size_t len,
    const char *id, const struct pb_read_opts *o, struct pb_diags *d);

/*
 * Returns non-zero when url must not reach the output: after leading
 * whitespace and control characters, it starts (case-insensitively) with
 * javascript:, vbscript:, file: or data: other than data:image/png, gif,
 * jpeg or webp.
 */
int pb_url_unsafe(const char *url);

/*
 * Percent-encodes url the way cmark's HTML renderer does, into a new
 * string the caller frees.
 */
char *pb_url_escape(const char *url);

#endif /* PB_POSITION_H */
