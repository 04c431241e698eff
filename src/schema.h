/*
 * schema.h - validating an XML input against its RELAX NG schema, and
 * finding where in the file a node was written (libxml2 keeps lines, not
 * columns), so every problem is reported at FILE:LINE:COL.
 */
#ifndef PB_SCHEMA_H
#define PB_SCHEMA_H

#include <stddef.h>

#include <libxml/tree.h>

#include "hash.h"
#include "pb.h"

struct pb_xmlpos;

/*
 * An XML file's name and bytes, as parsed, and where each element of its
 * tree was written (pb_xmlfile_index).
 */
struct pb_xmlfile {
	const char		*file;
	const char		*data;
	size_t			 len;
	struct pb_xmlpos	*pos;
};

/*
 * Records where every element of doc (parsed from f's bytes) was written,
 * in one pass over the bytes, so that each lookup below takes constant
 * time (the line by binary search). The index belongs to f: free it with
 * pb_xmlfile_unindex, before or after doc. Elements added to doc later
 * are placed at the start of the line libxml2 gives them.
 */
void pb_xmlfile_index(struct pb_xmlfile *f, xmlDocPtr doc);

/* Frees f's index; f without one is left as it is. */
void pb_xmlfile_unindex(struct pb_xmlfile *f);

/* Where element n starts ("<name"), in f. */
struct pb_src pb_xmlfile_elem(const struct pb_xmlfile *f, xmlNodePtr n);

/* Where the text content of element n starts, after leading space. */
struct pb_src pb_xmlfile_text(const struct pb_xmlfile *f, xmlNodePtr n);

/* Where the value of attribute name of element n starts. */
struct pb_src pb_xmlfile_attr(const struct pb_xmlfile *f, xmlNodePtr n,
    const char *name);

struct pb_schema;

/*
 * Compiles dir/name. Returns the schema (free with pb_schema_free) or
 * NULL with the problem recorded in d.
 */
struct pb_schema *pb_schema_load(const char *dir, const char *name,
    struct pb_diags *d);

/* Frees a schema; NULL is a no-op. */
void pb_schema_free(struct pb_schema *s);

/*
 * What a build knows follows its schema: the hashes of contents that an
 * earlier build found valid against a schema of the same name, with the
 * same schemas and program (salt, the hash of both), and of those it
 * finds valid itself. A content is validated again whenever its file or
 * the schemas changed in any way. Safe to share between threads.
 */
struct pb_valid;

/* A new, empty set for schemas and program of hash salt. */
struct pb_valid *pb_valid_new(struct pb_hash salt);

/* Adds n hashes (as pb_valid_found listed them) known from an earlier build. */
void pb_valid_know(struct pb_valid *v, const struct pb_hash *known, size_t n);

/*
 * The hashes of the contents found valid in this build, known or
 * checked, sorted, each once (*n of them); the caller frees the array.
 */
struct pb_hash *pb_valid_found(struct pb_valid *v, size_t *n);

/* Frees the set; NULL is a no-op. */
void pb_valid_free(struct pb_valid *v);

/*
 * Makes pb_schema_check of s skip validating a content v knows to follow
 * s, and add to v each content it finds valid (v NULL: neither). v is
 * the caller's and must outlive s's checks.
 */
void pb_schema_trust(struct pb_schema *s, struct pb_valid *v);

/*
 * Validates doc (parsed from f) against s. Each violation is recorded in d
 * once, at the value it is about. Returns 0 when doc is invalid. Safe to
 * call from several threads on one schema.
 */
int pb_schema_check(const struct pb_schema *s, const struct pb_xmlfile *f,
    xmlDocPtr doc, struct pb_diags *d);

/*
 * pb_schema_check, which also sets *said to the *nsaid elements the
 * violations it recorded were about (in no order; one may repeat; an
 * element whose message was said of another covered by it is one of
 * them), for a caller that goes on checking what the schema did not
 * refuse. The caller frees *said; none when doc is valid.
 */
int pb_schema_check_said(const struct pb_schema *s,
    const struct pb_xmlfile *f, xmlDocPtr doc, struct pb_diags *d,
    xmlNodePtr **said, size_t *nsaid);

#endif /* PB_SCHEMA_H */
