/*
 * packet.h - assembling one briefing packet into the tree the packet
 * stylesheets read (docs/tree.md): its meta, highlights, organizations'
 * data for the tables, the positions with figures injected, and the
 * appendix of every figure used.
 */
#ifndef PB_PACKET_H
#define PB_PACKET_H

#include <libxml/tree.h>

#include "figures.h"
#include "model.h"
#include "pb.h"

struct pb_position;

/*
 * Builds the packet tree of pk from the model, its figures and its
 * positions (positions[i] is pk->positions[i], NULL when it could not be
 * read; each tree is copied, then injected), with as_of the date of
 * date-relative figures. Returns a new document the caller frees, or
 * NULL with every problem recorded in d.
 */
xmlDocPtr pb_packet_assemble(const struct pb_model *m,
    const struct pb_packet *pk, const struct pb_figures *figs,
    const struct pb_position *const *positions, struct pb_date as_of,
    struct pb_diags *d);

/*
 * As pb_packet_assemble, but where take[i] is non-zero (take may be
 * NULL), positions[i]'s tree is no one's after this packet: its nodes
 * are moved into the packet tree rather than copied, when they can be
 * (a tree built without a dictionary or the xml namespace of its
 * document), and its document is left empty, for its owner to free.
 */
xmlDocPtr pb_packet_assemble_taking(const struct pb_model *m,
    const struct pb_packet *pk, const struct pb_figures *figs,
    const struct pb_position *const *positions, const unsigned char *take,
    struct pb_date as_of, struct pb_diags *d);

/*
 * Builds the tree of the site's index page, feed and sitemap: the project
 * and its public packets, newest first (date, then id), each with its
 * tags: tags[i] those of packet i, one a line, or NULL (tags itself may
 * be NULL); an internal packet is never in it. The caller frees it.
 */
xmlDocPtr pb_site_assemble(const struct pb_model *m,
    const char *const *tags);

#endif /* PB_PACKET_H */
