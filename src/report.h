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
 * Appends every figure of f to out in the given format. words, when not
 * NULL, holds the display of each date and fiscal year figure as the
 * templates word it (pb_render_displays); without it a date's display is
 * its YYYY-MM-DD value and a fiscal year's its number.
 */
void pb_report_figures(const struct pb_figures *f, const char *const *words,
    enum pb_report_format fmt, struct pb_buf *out);

/* Appends the explanation of figure fig of set f: value, display (from
 * words as above), formula, each input with its value and the places it
 * comes from. */
void pb_report_explain(const struct pb_figures *f, const char *const *words,
    const struct pb_figure *fig, struct pb_buf *out);

/*
 * Appends the message for a figure name f does not have: "unknown figure
 * 'NAME'", with "; did you mean 'A' or 'B'?" when some names are near.
 */
void pb_report_unknown(const struct pb_figures *f, const char *name,
    struct pb_buf *out);

#endif /* PB_REPORT_H */
