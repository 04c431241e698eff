/*
 * charts.h - the charts a position may place (=chart NAME, or
 * <pb:directive kind="chart" name="NAME"/>): their names, and the figures
 * each one shows, put into the directive for the stylesheets to draw.
 */
#ifndef PB_CHARTS_H
#define PB_CHARTS_H

#include <libxml/tree.h>

#include "pb.h"

struct pb_figures;
struct pb_model;
struct pb_packet;

/* Returns non-zero when name is a chart: "rday-rates" or "peer-staff". */
int pb_chart_known(const char *name);

/*
 * Appends to out the charts nearest to name ("'rday-rates'"), else every
 * chart's name ("'rday-rates' or 'peer-staff'").
 */
void pb_chart_suggest(const char *name, struct pb_buf *out);

/*
 * Fills every chart directive under top (already checked by pb_inject)
 * with what it shows, from the organizations of pk in m and their figures
 * figs:
 *   rday-rates  one <pb:item org= program=> per program of the packet's
 *               year (all programs when figs has no packet.fiscal_year),
 *               holding the pb:values of its rday_rate and
 *               rday_rate_without_peer_notes; then the pb:value of
 *               param.state_average_rday_rate
 *   peer-staff  one <pb:item org=> per organization holding a
 *               <pb:role name= fte=> per peer role it staffs (FTE summed
 *               exactly) and the pb:values of its peer_fte and
 *               required_peer_fte
 * Each pb:value carries what pb_inject_figure sets, like the
 * injected ones, and when used is not NULL, used[i] is set for each
 * figure i shown. The tree owns what is added.
 */
void pb_charts_fill(xmlNodePtr top, const struct pb_model *m,
    const struct pb_packet *pk, const struct pb_figures *figs, char *used);

/*
 * The distinct chart names under top, in order of first use, as a new
 * array of n new strings; the caller frees each and the array.
 */
char **pb_charts_used(xmlNodePtr top, size_t *n);

#endif /* PB_CHARTS_H */
