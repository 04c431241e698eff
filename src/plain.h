/*
 * plain.h - schema violations in plain words: what is missing, out of
 * order or not allowed, and for a bad value its allowed values or its
 * format, each at the value's own position. The RELAX NG schema stays the
 * judge of validity; this module only words its verdict.
 */
#ifndef PB_PLAIN_H
#define PB_PLAIN_H

#include <libxml/tree.h>

#include "pb.h"
#include "schema.h"

/*
 * Checks doc, which should be a root element of the given name
 * ("organization", "packet", "project", "references"), against a
 * description of that schema, recording each problem found in d once, in plain words, at its
 * position in f. Returns the number of problems recorded: 0 when the root
 * is not one of those described (a DocBook position), or when nothing the
 * description covers is wrong (the caller then reports the validator's
 * own messages).
 */
size_t pb_plain_check(const struct pb_xmlfile *f, xmlDocPtr doc,
    const char *root, struct pb_diags *d);

/*
 * Appends to b (the caller frees it) the description the checks above
 * work from, one line per fact: "element NAME [in PARENT]", then its
 * "attr NAME required|optional KIND [VALUE...]", "child NAME MIN MAX"
 * (MAX -1: any number) in order, and "text KIND [VALUE...]" (for
 * <practice>, one "text when name=NAME enum VALUE..." per practice).
 * tests/tools/rngdesc.py derives the same lines from the schemas in
 * schema/, so that the two cannot drift apart.
 * Called only by tests/unit/test_plain.c, which compares the two.
 */
void pb_plain_describe(struct pb_buf *b);

/*
 * Non-zero when v is a figure name as the schemas write one: one or two
 * ids ([a-z0-9][a-z0-9-]*), each followed by '.', then [a-z][a-z0-9_]*,
 * at most 200 characters ("param.medicaid_share").
 */
int pb_figname_valid(const char *v);

/*
 * Non-zero when v is of the predefined XML Schema type name ("anyURI",
 * "language", "NCName"), as libxml2's validator judges it.
 */
int pb_xsd_valid(const char *v, const char *name);

#endif /* PB_PLAIN_H */
