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
 * Appends every figure of f to out in the given format. dates, when not
 * NULL, holds the worded date of each date figure (pb_render_dates), its
 * display; without it a date's display is its YYYY-MM-DD value.
 */
void pb_report_figures(const struct pb_figures *f, const char *const *dates,
    enum pb_report_format fmt, struct pb_buf *out);

/* Appends the explanation of figure fig of set f: value, display (from
 * dates as above), formula, each input with its value and the places it
 * comes from. */
void pb_report_explain(const struct pb_figures *f, const char *const *dates,
    const struct pb_figure *fig, struct pb_buf *out);

/*
 * Appends the message for a figure name f does not have: "unknown figure
 * 'NAME'", with "; did you mean 'A' or 'B'?" when some names are near.
 */
void pb_report_unknown(const struct pb_figures *f, const char *name,
    struct pb_buf *out);

#endif /* PB_REPORT_H */
