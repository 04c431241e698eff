/*
 * figures.h - every figure of DESIGN.md, computed exactly from the model,
 * each with its formula, its inputs and where each input was written.
 * All the formulas live in figures.c. A figure holds its exact value (and
 * a ratio its rounding); its display, the words the documents show, is
 * made by templates/numbers.xsl (pb-display) on the page and, for the
 * figures reports, by pb_render_displays.
 */
#ifndef PB_FIGURES_H
#define PB_FIGURES_H

#include <stddef.h>
#include <stdint.h>

#include "arith.h"
#include "model.h"
#include "pb.h"

enum pb_unit {
	PB_UNIT_USD,
	PB_UNIT_RATIO,
	PB_UNIT_DAYS,
	PB_UNIT_COUNT,
	PB_UNIT_FTE,
	PB_UNIT_BOOL,
	PB_UNIT_DATE,
	PB_UNIT_YEAR		/* a fiscal year: "2026", shown "FY2026" by the
				   templates */
};

/* One input of a figure: another figure, or a value from an input file. */
struct pb_input {
	char		*name;		/* figure name or input value's name */
	char		*value;		/* exact text */
	long		 figure;	/* index in the set, or -1: a raw value */
	struct pb_src	 src;		/* raw values: where written (line 0:
					 * a default of DESIGN.md) */
	struct pb_src	*more;		/* a sum of raw values (a public
					 * packet's staff by role): where each
					 * other summed value was written */
	size_t		 nmore;
};

struct pb_figure {
	char		*name;
	enum pb_unit	 unit;
	int64_t		 n;	/* usd cents, days, count, fte/100, bool,
				 * year */
	struct pb_ratio	 r;	/* ratio */
	struct pb_date	 date;	/* date */
	char		 value[PB_NUMBUF];	/* exact text (JSON value) */
	/* a ratio as the pages round it, half up from the exact fraction
	 * (pb_ratio_round): tenths of a percent, and hundredths only when
	 * the tenths round a share that is not zero to "0" (else empty);
	 * templates/numbers.xsl words them "25.6%", "0.04%", "<0.01%" */
	char		 per_mille[PB_NUMBUF];
	char		 basis_points[PB_NUMBUF];
	char		*formula;
	struct pb_input	*inputs;
	size_t		 ninputs;
};

struct pb_figures_base;

/*
 * A set of figures in a fixed order, with lookup by name: the parameters,
 * each organization's figures (its programs' first) in the order given,
 * then the packet's.
 */
struct pb_figures {
	struct pb_figure *v;
	size_t		  n;
	size_t		 *sorted;	/* indexes sorted by name */
	size_t		  nshared;	/* v[0..nshared) share their strings
					 * (name, formula, inputs' name, value
					 * and more) with a pb_figures_base;
					 * each inputs array is the set's */
	struct pb_figures_base *base;	/* NULL, or the base the set owns */
};

/*
 * Computes the figures of the organizations orgs[0..norgs) and, when
 * packet is not NULL, the packet.* figures, with as_of for date-relative
 * figures. The packet totals cover the programs of the packet's year
 * (pb_packet_year). A public packet (the default) has no ORG.MEMBER.*
 * figure and no input named after a member: staff inputs are summed by
 * role. Without a packet every figure is computed. Returns a new set (free
 * with pb_figures_free) or NULL with the problems (overflow) recorded in d.
 * A set for one use: pb_figures_of makes many from one base.
 */
struct pb_figures *pb_figures_compute(const struct pb_model *m,
    const struct pb_org *const *orgs, size_t norgs,
    const struct pb_packet *packet, struct pb_date as_of,
    struct pb_diags *d);

/*
 * The figures of a build, computed once and shared by the sets made from
 * them: the parameters, and each organization's figures as an internal
 * set has them, as a public one does, or both. An organization's figures
 * do not depend on the packet (the packet's year chooses which programs
 * its totals cover, not the organization's figures). Returns a new base
 * of m's parameters with as_of for date-relative figures (free with
 * pb_figures_base_free, after every set made from it).
 */
struct pb_figures_base *pb_figures_base_new(const struct pb_model *m,
    struct pb_date as_of);

/*
 * Computes the figures of organization o (one of the base's model's) as
 * a public (non-zero) or internal set has them, unless b has them;
 * problems (overflow) go to d, once. Not while sets are made from b.
 */
void pb_figures_base_add(struct pb_figures_base *b, const struct pb_org *o,
    int public, struct pb_diags *d);

/*
 * The set pb_figures_compute gives for orgs[0..norgs) and packet, made
 * from b, which must have each organization's figures as the packet
 * (public unless internal; NULL: internal) has them: only the packet's
 * figures are computed, into d; a set of an organization whose figures
 * overflowed (said by pb_figures_base_add) is NULL too. The set shares
 * b's strings (free it before b). b is only read: threads may share it.
 */
struct pb_figures *pb_figures_of(const struct pb_figures_base *b,
    const struct pb_org *const *orgs, size_t norgs,
    const struct pb_packet *packet, struct pb_diags *d);

/* Frees a set (and the base it owns); NULL is a no-op. */
void pb_figures_free(struct pb_figures *f);

/* Frees a base; NULL is a no-op. */
void pb_figures_base_free(struct pb_figures_base *b);

/* The figure named name, or NULL. */
const struct pb_figure *pb_figures_get(const struct pb_figures *f,
    const char *name);

/* The unit's name as DESIGN.md writes it: "usd", "ratio", ... */
const char *pb_unit_name(enum pb_unit u);

/*
 * Appends to out, as "file:line:col" strings separated by sep, every
 * input-file position that figure i ultimately comes from, each once.
 */
void pb_figures_sources(const struct pb_figures *f, size_t i,
    const char *sep, struct pb_buf *out);

/*
 * "Did you mean" among the set's figures: pb_suggest, where a figure of
 * another owner with the same last part is near too (not for a name of
 * packet.*).
 */
void pb_figures_suggest(const struct pb_figures *f, const char *name,
    struct pb_buf *out);

/* Where a staff member stands with certification on the as-of date. */
enum pb_cert {
	PB_CERT_CERTIFIED,	/* certified by the due date */
	PB_CERT_CERTIFIED_LATE,	/* certified after it */
	PB_CERT_OVERDUE,	/* not certified, due before as-of */
	PB_CERT_DUE_SOON,	/* not certified, due as-of .. as-of + 60 days */
	PB_CERT_PENDING		/* not certified, due later */
};

/*
 * The certification status of mb, whose certification_due is due, on
 * as_of: the rule behind certifications_overdue and
 * certifications_due_within_60_days.
 */
enum pb_cert pb_cert_status(const struct pb_member *mb, struct pb_date due,
    struct pb_date as_of);

/* "certified", "certified-late", "overdue", "due-soon", "pending". */
const char *pb_cert_name(enum pb_cert c);

/* How a practice's value stands (DESIGN.md, Practice assessments). */
enum pb_assess {
	PB_ASSESS_CONFLICT,	/* against the CPS Code of Ethics or ACCS 7.5 */
	PB_ASSESS_CONCERN,	/* against what the source articles advise */
	PB_ASSESS_OPPORTUNITY,	/* an opening the articles point to */
	PB_ASSESS_CONSISTENT,
	PB_ASSESS_NOT_REPORTED	/* the organization did not say */
};

/* The assessment of value (NULL: not reported) for practice p. */
enum pb_assess pb_practice_assess(enum pb_practice p, const char *value);

/* "conflict", "concern", "opportunity", "consistent", "not-reported". */
const char *pb_assess_name(enum pb_assess a);

/*
 * Counts o's members in role r into *members and sums their FTE exactly
 * (hundredths) into *fte; returns 0 on overflow (it cannot happen with
 * validated inputs: each FTE is at most 1.00).
 */
int pb_org_role_fte(const struct pb_org *o, enum pb_role r,
    int64_t *members, int64_t *fte);

/* The certification due date of member mb: hired + window months. Returns
 * 0 when it overflows. */
int pb_member_cert_due(const struct pb_project *pj,
    const struct pb_member *mb, struct pb_date *due);

/* Whether r is one of the five peer roles (peer supervisors are not). */
int pb_role_is_peer(enum pb_role r);

/* The anchor id of a figure in documents: "fig-" + name. */
char *pb_figure_anchor(const char *name);

#endif /* PB_FIGURES_H */
