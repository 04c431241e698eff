/*
 * report.h - figures as text: the JSON, CSV and aligned-table forms of
 * `peerbrief figures`, and the explanation of one figure.
 */
#ifndef PB_REPORT_H
#define PB_REPORT_H

#include "figures.h"
#include "pb.h"

enum pb_report_format {
	PB_REPORT_TEXT,
	PB_REPORT_JSON,
	PB_REPORT_CSV
};

/*
 * Appends every figure of f to out in the given format. words holds the
 * display of each figure as the templates word it (pb_render_displays);
 * NULL shows each figure's value in its place.
 */
void pb_report_figures(const struct pb_figures *f, const char *const *words,
    enum pb_report_format fmt, struct pb_buf *out);

/*
 * Appends to out the output of `peerbrief figures`, every figure of f in
 * format fmt, or with fig (a figure of f) that of `peerbrief explain`:
 * fig's value, display, formula, each input with its value and the
 * places it comes from. Each display is worded by numbers.xsl of the
 * templates folder tdir. Returns 0, with the problem recorded in d, when
 * that stylesheet cannot be compiled or run.
 */
int pb_report_write(const struct pb_figures *f, const struct pb_figure *fig,
    enum pb_report_format fmt, const char *tdir, struct pb_buf *out,
    struct pb_diags *d);

/*
 * Appends the message for a figure name f does not have: "unknown figure
 * 'NAME'", with "; did you mean 'A' or 'B'?" when some names are near.
 */
void pb_report_unknown(const struct pb_figures *f, const char *name,
    struct pb_buf *out);

/*
 * Appends the message of explain for a name it cannot explain. Without
 * packets (NULL), NAME is not a figure of f: pb_report_unknown's message
 * and, when no name is near, where every name is listed. With packets
 * (the run's, as "a, b" or "none"), NAME is a packet.* name given without
 * --packet and f the figures of the run's first packet (NULL: it has
 * none): that such a figure needs --packet ID, after pb_report_unknown's
 * message when f does not have NAME either.
 */
void pb_report_unexplained(const struct pb_figures *f, const char *name,
    const char *packets, struct pb_buf *out);

#endif /* PB_REPORT_H */
