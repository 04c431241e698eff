/*
 * plainpos.h - schema violations of XML positions in plain words (what
 * is unknown, misplaced, missing or out of order, and what a bad value
 * should look like), at each node's own position. The RELAX NG schema
 * stays the judge of validity; the validator's messages about anything
 * this module does not word are still shown.
 */
#ifndef PB_PLAINPOS_H
#define PB_PLAINPOS_H

#include <libxml/tree.h>

#include "pb.h"
#include "schema.h"

/*
 * Checks doc, an XML position that failed validation, recording each
 * problem found in d once, in plain words, at its position in f. Sets
 * *said to the *nsaid nodes the messages were about (the caller frees
 * the array; a node may repeat), so the validator's messages about them
 * and their ancestors can be dropped. Returns the number of problems.
 */
size_t pb_plainpos_check(const struct pb_xmlfile *f, xmlDocPtr doc,
    struct pb_diags *d, xmlNodePtr **said, size_t *nsaid);

/*
 * Appends to b (the caller frees it) the table the checks above work
 * from: "element NAME" per element, then one "attr NAME required|optional
 * [VALUE...] [int:LO..HI] [type:TYPE...]" per attribute it takes (the
 * values, bounds and types only where they are checked here), then one
 * "seq NAME[ in PARENT]: STEP, ..." per order of a structure (a table's,
 * an author's; STEP "NAMES MIN..MAX[ one]"). tests/tools/rngpos.py
 * derives the same lines from schema/position.rng, so that the two
 * cannot drift apart.
 * Called only by tests/unit/test_plain.c, which compares the two.
 */
void pb_plainpos_describe(struct pb_buf *b);

#endif /* PB_PLAINPOS_H */
