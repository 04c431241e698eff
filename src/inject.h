/*
 * inject.h - figure references (pb:value, pb:directive) in a position's
 * tree: the one walk that resolves them against figures, fills them in
 * and records which figures they used.
 */
#ifndef PB_INJECT_H
#define PB_INJECT_H

#include <libxml/tree.h>

#include "pb.h"

struct pb_figure;
struct pb_figures;
struct pb_refs;

/* What a walk does with the references it meets. */
enum pb_inject_mode {
	PB_INJECT_PACKET,	/* fill each in; packet.* names resolve */
	PB_INJECT_CHECK,	/* a position no packet includes: check
				 * each, change nothing; packet.* names and
				 * table directives are errors */
	PB_INJECT_FORBID	/* convert without a packet: a param.* name
				 * (figs may hold them) is filled in, every
				 * other reference is an error */
};

/*
 * Walks the position tree under top (its pb:position root, whose @source
 * names the file in diagnostics) once. The k-th reference met was written
 * at refs->v[k] (refs may be NULL: then at its parse line). Against figs
 * (may be NULL with PB_INJECT_FORBID), a pb:value or =figure directive gets
 * the attributes of pb_inject_figure (PB_INJECT_PACKET, and
 * PB_INJECT_FORBID for param.* names), and
 * when used is not NULL, used[i] is set for every figure i a reference
 * names. An unknown name or directive kind is an error at its position
 * with the nearest known names suggested. Returns 0 when there was any
 * error.
 */
int pb_inject(xmlNodePtr top, const struct pb_refs *refs,
    const struct pb_figures *figs, enum pb_inject_mode mode, char *used,
    struct pb_diags *d);

/*
 * pb_inject, where with PB_INJECT_FORBID a reference that needs a packet
 * says to preview it with how (as "'peerbrief convert -i input --packet
 * ID' (packets: a, b)"; NULL: with --packet and -i in general).
 */
int pb_inject_preview(xmlNodePtr top, const struct pb_refs *refs,
    const struct pb_figures *figs, enum pb_inject_mode mode, char *used,
    const char *how, struct pb_diags *d);

struct pb_model;
struct pb_packet;

/*
 * What can be checked of a position's references when input/ did not
 * load in full (m broken): each is checked as with PB_INJECT_CHECK,
 * nothing changed, against figs. With pk, the position is judged as
 * packet pk reads it: figs are pk's figures, of its organizations that
 * loaded and its own, and its packet.* names are not judged when one of
 * its organizations is broken. Without pk, figs are the parameters' and
 * the figures of all organizations that loaded, and in a position some
 * packet includes or may include (inpacket: packets/ broken), packet.*
 * names, charts and tables are not judged (they are errors in one no
 * packet includes). A name of an organization of m that is broken is not
 * judged, as its figures are not known. Returns 0 when there was any
 * error.
 */
int pb_inject_partial(xmlNodePtr top, const struct pb_refs *refs,
    const struct pb_figures *figs, const struct pb_model *m,
    const struct pb_packet *pk, int inpacket, struct pb_diags *d);

/*
 * Sets the value, unit and anchor attributes of n (a reference, a
 * highlight, an appendix entry, a figure for pb_render_displays) from
 * figure f, and a ratio's per-mille (and basis-points): what
 * templates/numbers.xsl's pb-display words. The tree holds no display
 * text.
 */
void pb_inject_figure(xmlNodePtr n, const struct pb_figure *f);

/*
 * Adds under parent a <pb:value ref="NAME"> filled from the figure NAME
 * (formatted from fmt...) of figs, and marks it in used (indexed like
 * figs->v; may be NULL). Returns the new element (owned by the tree), or
 * NULL and adds nothing when figs has no such figure.
 */
xmlNodePtr pb_inject_value(xmlNodePtr parent, const struct pb_figures *figs,
    char *used, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif /* PB_INJECT_H */
