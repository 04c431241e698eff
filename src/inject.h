/*
 * inject.h - resolving figure references (pb:value, pb:directive) in a
 * position's tree against the figures of its packet.
 */
#ifndef PB_INJECT_H
#define PB_INJECT_H

#include <libxml/tree.h>

#include "pb.h"

/*
 * For trees rendered outside a packet (convert): every figure reference
 * is an error at its position. Returns 0 when there was any.
 */
int pb_inject_forbid(xmlDocPtr doc, const char *file, struct pb_diags *d);



struct pb_figures;

/*
 * Resolves every figure reference and directive under top against figs (the
 * figures of the packet being built; in_packet says whether packet.*
 * names may be used). A pb:value gets value, display, unit and anchor
 * attributes; an unknown name or directive kind is an error at its
 * file:line:col with the nearest known names suggested. Returns 0 when
 * there was any error.
 */
int pb_inject(xmlNodePtr top, const char *file, const struct pb_figures *figs,
    int in_packet, struct pb_diags *d);

/* Returns non-zero when kind names a block directive. */
int pb_directive_known(const char *kind);
#endif /* PB_INJECT_H */
