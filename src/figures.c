/*
 * figures.c - the figures of DESIGN.md and nothing else: every formula is
 * here, in exact arithmetic (arith.c), with its provenance.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arith.h"
#include "figures.h"
#include "model.h"
#include "pb.h"

/* What one computation is building. */
struct fx {
	struct pb_figures	*set;
	const struct pb_model	*m;
	struct pb_diags		*d;
	int			 public;	/* no member figure or name */
};

static const char *const unit_names[] = {
	"usd", "ratio", "days", "count", "fte", "bool", "date", "year"
};

const char *
pb_unit_name(enum pb_unit u)
{
	return unit_names[u];
}

char *
pb_figure_anchor(const char *name)
{
	return pb_xasprintf("fig-%s", name);
}

/* ------------------------------------------------------------- the set */

/* Adds a figure named by fmt with its unit and formula; returns its index. */
static size_t
add(struct fx *x, enum pb_unit u, const char *formula, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static size_t
add(struct fx *x, enum pb_unit u, const char *formula, const char *fmt, ...)
{
	struct pb_figures	*s = x->set;
	struct pb_figure	*f;
	va_list			 ap;
	char			 name[512];

	va_start(ap, fmt);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	s->v = pb_grow(s->v, s->n, sizeof(*s->v));
	f = &s->v[s->n];
	memset(f, 0, sizeof(*f));
	f->name = pb_xstrdup(name);
	f->unit = u;
	f->r.den = 1;
	f->formula = pb_xstrdup(formula);
	return s->n++;
}

static struct pb_figure *
F(struct fx *x, size_t i)
{
	return &x->set->v[i];
}

static struct pb_input *
input_new(struct pb_figure *f)
{
	struct pb_input	*in;

	f->inputs = pb_grow(f->inputs, f->ninputs, sizeof(*f->inputs));
	in = &f->inputs[f->ninputs++];
	memset(in, 0, sizeof(*in));
	return in;
}

/* Adds the figure at index j as an input of figure i. */
static void
in_fig(struct fx *x, size_t i, size_t j)
{
	struct pb_input	*in = input_new(F(x, i));

	in->name = pb_xstrdup(F(x, j)->name);
	in->value = pb_xstrdup(F(x, j)->value);
	in->figure = (long)j;
}

/* Adds a value written in an input file as an input of figure i. */
static void
in_raw(struct fx *x, size_t i, const struct pb_raw *raw, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
in_raw(struct fx *x, size_t i, const struct pb_raw *raw, const char *fmt, ...)
{
	struct pb_input	*in = input_new(F(x, i));
	va_list		 ap;
	char		 name[512];

	va_start(ap, fmt);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	in->name = pb_xstrdup(name);
	in->value = pb_xstrdup(raw->text ? raw->text : "");
	in->figure = -1;
	in->src = raw->src;
}

/* Adds src to the sources of figure i's last input (a raw sum), unless it
 * is the one added last (summed values come in document order). */
static void
in_more(struct fx *x, size_t i, struct pb_src src)
{
	struct pb_figure	*f = F(x, i);
	struct pb_input		*in = &f->inputs[f->ninputs - 1];
	const struct pb_src	*last = in->nmore > 0 ?
				    &in->more[in->nmore - 1] : &in->src;

	if (src.line == last->line && src.col == last->col &&
	    strcmp(src.file, last->file) == 0)
		return;
	in->more = pb_grow(in->more, in->nmore, sizeof(*in->more));
	in->more[in->nmore++] = src;
}

/*
 * Fills value (and a ratio's rounded per mille and basis points) from the
 * figure's number, ratio or date. Every display is worded by
 * templates/numbers.xsl from these (pb-display).
 */
static void
finish(struct fx *x, size_t i)
{
	struct pb_figure	*f = F(x, i);

	switch (f->unit) {
	case PB_UNIT_USD:
		pb_money_format(f->n, f->value);
		break;
	case PB_UNIT_RATIO:
		pb_ratio_format(f->r, f->value);
		pb_ratio_round(f->r, 1000, f->per_mille);
		f->basis_points[0] = '\0';
		/* a share too small for tenths must not read as zero */
		if (strcmp(f->per_mille, "0") == 0 && f->r.num != 0)
			pb_ratio_round(f->r, 10000, f->basis_points);
		break;
	case PB_UNIT_DAYS:
	case PB_UNIT_COUNT:
	case PB_UNIT_YEAR:
		pb_int_format(f->n, f->value);
		break;
	case PB_UNIT_FTE:
		pb_fte_format(f->n, f->value);
		break;
	case PB_UNIT_BOOL:
		snprintf(f->value, sizeof(f->value), "%s",
		    pb_bool_format((int)f->n));
		break;
	case PB_UNIT_DATE:
		pb_date_format(f->date, f->value);
		break;
	}
}

/* Records that figure i cannot be computed without overflow. */
static void
overflow(struct fx *x, size_t i, struct pb_src at)
{
	pb_diag_error(x->d, at.file, at.line, at.col, "%s cannot be "
	    "computed: the numbers are too large (overflow)", F(x, i)->name);
}

/* a / b exactly, 0 when b is 0. */
static int
share(int64_t a, int64_t b, struct pb_ratio *out)
{
	if (b == 0) {
		*out = pb_ratio_from_int(0);
		return 1;
	}
	return pb_ratio_make(a, b, out);
}

/* ------------------------------------------------------------ parameters */

/* Indexes of the parameter figures, always first in a set. */
static void
params(struct fx *x, size_t *pi)
{
	const struct pb_project	*p = &x->m->project;
	size_t			 i, k;
	static const enum pb_unit units[PB_PARAM__MAX] = {
		PB_UNIT_RATIO, PB_UNIT_RATIO, PB_UNIT_COUNT, PB_UNIT_FTE,
		PB_UNIT_RATIO, PB_UNIT_RATIO
	};

	for (k = 0; k < PB_PARAM__MAX; k++) {
		i = add(x, units[k], "parameter (peerbrief.xml, or "
		    "the default)", "param.%s", pb_param_name((enum pb_param)k));
		in_raw(x, i, &p->param[k], "peerbrief.parameters.%s",
		    pb_param_name((enum pb_param)k));
		pi[k] = i;
	}
	F(x, pi[PB_PARAM_MEDICAID_SHARE])->r = p->medicaid_share;
	F(x, pi[PB_PARAM_STATE_AVERAGE_RDAY_RATE])->r =
	    p->state_average_rday_rate;
	F(x, pi[PB_PARAM_CERTIFICATION_WINDOW_MONTHS])->n =
	    p->certification_window_months;
	F(x, pi[PB_PARAM_PEER_FTE_PER_100])->n = p->peer_fte_per_100;
	F(x, pi[PB_PARAM_MAX_FAMILY_PARTNER_SHARE])->r =
	    p->max_family_partner_share;
	F(x, pi[PB_PARAM_MAX_RECOVERY_COACH_SHARE])->r =
	    p->max_recovery_coach_share;
	for (k = 0; k < PB_PARAM__MAX; k++)
		finish(x, pi[k]);
}

/* -------------------------------------------------------------- programs */

/* Indexes of one program's figures that org and packet figures use. */
struct progfig {
	size_t	 payment, medicaid, net, peer_note, meets, required_fte;
};

/* Indexes of one program's figures that its later figures use. */
struct progix {
	size_t	 days, rd;
};

/*
 * Adds program p's enrolled days, DMH payment, R-days and their rate,
 * Medicaid reimbursement, DMH net cost and unreimbursed share.
 */
static void
program_money(struct fx *x, const struct pb_org *o,
    const struct pb_program *p, const size_t *pi, struct progix *ix,
    struct progfig *out)
{
	const struct pb_project	*pj = &x->m->project;
	const char		*q = o->id, *g = p->id;
	size_t			 days, pay, rd, rate, med, net, i;

	days = add(x, PB_UNIT_DAYS, "input", "%s.%s.enrolled_days", q, g);
	in_raw(x, days, &p->raw_days, "%s.%s.enrolled-days", q, g);
	F(x, days)->n = p->enrolled_days;
	finish(x, days);

	pay = add(x, PB_UNIT_USD, "enrolled_days x daily_rate",
	    "%s.%s.dmh_payment", q, g);
	in_fig(x, pay, days);
	in_raw(x, pay, &p->raw_rate, "%s.%s.daily-rate", q, g);
	if (!pb_money_mul(p->enrolled_days, p->daily_rate, &F(x, pay)->n))
		overflow(x, pay, p->src);
	finish(x, pay);

	rd = add(x, PB_UNIT_DAYS, "staff R-days + peer-only R-days",
	    "%s.%s.rdays", q, g);
	in_raw(x, rd, &p->raw_staff, "%s.%s.rdays[staff]", q, g);
	in_raw(x, rd, &p->raw_peer, "%s.%s.rdays[peer-only]", q, g);
	if (!pb_int_add(p->rdays_staff, p->rdays_peer, &F(x, rd)->n))
		overflow(x, rd, p->src);
	finish(x, rd);

	rate = add(x, PB_UNIT_RATIO, "rdays / enrolled_days (0 when "
	    "enrolled_days is 0)", "%s.%s.rday_rate", q, g);
	in_fig(x, rate, rd);
	in_fig(x, rate, days);
	share(F(x, rd)->n, p->enrolled_days, &F(x, rate)->r);
	finish(x, rate);

	med = add(x, PB_UNIT_USD, "rdays x daily_rate x medicaid_share, "
	    "rounded half up to the cent", "%s.%s.medicaid_reimbursement",
	    q, g);
	in_fig(x, med, rd);
	in_raw(x, med, &p->raw_rate, "%s.%s.daily-rate", q, g);
	in_fig(x, med, pi[PB_PARAM_MEDICAID_SHARE]);
	if (!pb_money_mul_ratio(F(x, rd)->n, p->daily_rate,
	    pj->medicaid_share, &F(x, med)->n))
		overflow(x, med, p->src);
	finish(x, med);

	net = add(x, PB_UNIT_USD, "dmh_payment - medicaid_reimbursement",
	    "%s.%s.dmh_net_cost", q, g);
	in_fig(x, net, pay);
	in_fig(x, net, med);
	if (!pb_money_sub(F(x, pay)->n, F(x, med)->n, &F(x, net)->n))
		overflow(x, net, p->src);
	finish(x, net);

	i = add(x, PB_UNIT_RATIO, "dmh_net_cost / dmh_payment (0 when "
	    "dmh_payment is 0)", "%s.%s.unreimbursed_share", q, g);
	in_fig(x, i, net);
	in_fig(x, i, pay);
	share(F(x, net)->n, F(x, pay)->n, &F(x, i)->r);
	finish(x, i);

	ix->days = days;
	ix->rd = rd;
	out->payment = pay;
	out->medicaid = med;
	out->net = net;
}

/*
 * Adds program p's state-average R-days, its rate, whether it meets the
 * state average and its shortfall without peer notes, the peer notes'
 * reimbursement and share of the payment, and whether it has no R-days.
 */
static void
program_rdays(struct fx *x, const struct pb_org *o,
    const struct pb_program *p, const size_t *pi, const struct progix *ix,
    struct progfig *out)
{
	const struct pb_project	*pj = &x->m->project;
	const char		*q = o->id, *g = p->id;
	size_t			 days = ix->days, rd = ix->rd;
	size_t			 pay = out->payment;
	size_t			 sa, wo, meets, gap, pn, i;

	sa = add(x, PB_UNIT_DAYS, "ceiling(state_average_rday_rate x "
	    "enrolled_days)", "%s.%s.state_average_rdays", q, g);
	in_fig(x, sa, pi[PB_PARAM_STATE_AVERAGE_RDAY_RATE]);
	in_fig(x, sa, days);
	if (!pb_ratio_mul_int_ceil(pj->state_average_rday_rate,
	    p->enrolled_days, &F(x, sa)->n))
		overflow(x, sa, p->src);
	finish(x, sa);

	wo = add(x, PB_UNIT_RATIO, "staff R-days / enrolled_days (0 when "
	    "enrolled_days is 0)", "%s.%s.rday_rate_without_peer_notes", q, g);
	in_raw(x, wo, &p->raw_staff, "%s.%s.rdays[staff]", q, g);
	in_fig(x, wo, days);
	share(p->rdays_staff, p->enrolled_days, &F(x, wo)->r);
	finish(x, wo);

	meets = add(x, PB_UNIT_BOOL, "staff R-days >= state_average_rdays",
	    "%s.%s.meets_state_average_without_peer_notes", q, g);
	in_raw(x, meets, &p->raw_staff, "%s.%s.rdays[staff]", q, g);
	in_fig(x, meets, sa);
	F(x, meets)->n = p->rdays_staff >= F(x, sa)->n;
	finish(x, meets);

	gap = add(x, PB_UNIT_DAYS, "max(0, state_average_rdays - staff "
	    "R-days)", "%s.%s.rday_shortfall_without_peer_notes", q, g);
	in_fig(x, gap, sa);
	in_raw(x, gap, &p->raw_staff, "%s.%s.rdays[staff]", q, g);
	F(x, gap)->n = F(x, sa)->n > p->rdays_staff ?
	    F(x, sa)->n - p->rdays_staff : 0;
	finish(x, gap);

	pn = add(x, PB_UNIT_USD, "peer-only R-days x daily_rate x "
	    "medicaid_share, rounded half up to the cent",
	    "%s.%s.peer_note_reimbursement", q, g);
	in_raw(x, pn, &p->raw_peer, "%s.%s.rdays[peer-only]", q, g);
	in_raw(x, pn, &p->raw_rate, "%s.%s.daily-rate", q, g);
	in_fig(x, pn, pi[PB_PARAM_MEDICAID_SHARE]);
	if (!pb_money_mul_ratio(p->rdays_peer, p->daily_rate,
	    pj->medicaid_share, &F(x, pn)->n))
		overflow(x, pn, p->src);
	finish(x, pn);

	i = add(x, PB_UNIT_RATIO, "peer_note_reimbursement / dmh_payment "
	    "(0 when dmh_payment is 0)", "%s.%s.peer_note_share_of_payment",
	    q, g);
	in_fig(x, i, pn);
	in_fig(x, i, pay);
	share(F(x, pn)->n, F(x, pay)->n, &F(x, i)->r);
	finish(x, i);

	i = add(x, PB_UNIT_BOOL, "rdays = 0 (zero R-days over time may put "
	    "enrollment in question)", "%s.%s.zero_rdays", q, g);
	in_fig(x, i, rd);
	F(x, i)->n = F(x, rd)->n == 0;
	finish(x, i);

	out->peer_note = pn;
	out->meets = meets;
}

/* Adds the figures of program p of organization o into out. */
static void
program(struct fx *x, const struct pb_org *o, const struct pb_program *p,
    const size_t *pi, struct progfig *out)
{
	const struct pb_project	*pj = &x->m->project;
	const char		*q = o->id, *g = p->id;
	struct progix		 ix;
	int64_t			 v;

	program_money(x, o, p, pi, &ix, out);
	program_rdays(x, o, p, pi, &ix, out);
	out->required_fte = add(x, PB_UNIT_FTE, "enrolled_persons x "
	    "peer_fte_per_100_enrolled / 100, rounded up to 0.01",
	    "%s.%s.required_peer_fte", q, g);
	in_raw(x, out->required_fte, &p->raw_persons,
	    "%s.%s.enrolled-persons", q, g);
	in_fig(x, out->required_fte, pi[PB_PARAM_PEER_FTE_PER_100]);
	/* persons x (h/100 FTE)/100 = persons x h / 100 hundredths */
	if (!pb_ratio_mul_int_ceil((struct pb_ratio){ pj->peer_fte_per_100,
	    100 }, p->enrolled_persons, &v))
		overflow(x, out->required_fte, p->src);
	F(x, out->required_fte)->n = v;
	finish(x, out->required_fte);
}

/* ------------------------------------------------------------------ orgs */

int
pb_role_is_peer(enum pb_role r)
{
	return r != PB_ROLE_PEER_SUPERVISOR;
}

int
pb_org_role_fte(const struct pb_org *o, enum pb_role r, int64_t *members,
    int64_t *fte)
{
	size_t	 i;
	int	 ok = 1;

	*members = 0;
	*fte = 0;
	for (i = 0; i < o->nmembers; i++) {
		if (o->members[i].role != r)
			continue;
		(*members)++;
		if (!pb_int_add(*fte, o->members[i].fte, fte))
			ok = 0;
	}
	return ok;
}

int
pb_member_cert_due(const struct pb_project *pj, const struct pb_member *mb,
    struct pb_date *due)
{
	return pb_date_add_months(mb->hired, pj->certification_window_months,
	    due);
}

enum pb_cert
pb_cert_status(const struct pb_member *mb, struct pb_date due,
    struct pb_date as_of)
{
	struct pb_date	 end;

	if (mb->certified_set)
		return pb_date_cmp(mb->certified, due) <= 0 ?
		    PB_CERT_CERTIFIED : PB_CERT_CERTIFIED_LATE;
	if (pb_date_cmp(due, as_of) < 0)
		return PB_CERT_OVERDUE;
	if (!pb_date_add_days(as_of, 60, &end) || pb_date_cmp(due, end) <= 0)
		return PB_CERT_DUE_SOON;
	return PB_CERT_PENDING;
}

const char *
pb_cert_name(enum pb_cert c)
{
	static const char *const names[] = {
		"certified", "certified-late", "overdue", "due-soon", "pending"
	};

	return names[c];
}

/*
 * The practice assessments of DESIGN.md: for each practice, the values
 * that are a conflict, a concern, an opportunity or consistent, as
 * space-separated lists. The one place this rule is written.
 */
static const struct {
	enum pb_practice	 p;
	const char		*level[PB_ASSESS_NOT_REPORTED];
} assessments[PB_PR__MAX] = {
	{ PB_PR_PROGRESS_NOTES,	{ "yes", "shared", "", "no" } },
	{ PB_PR_TREATMENT_PLANS, { "yes", "", "", "no" } },
	{ PB_PR_MEDICATION,	{ "yes", "", "", "no" } },
	{ PB_PR_REP_PAYEE,	{ "yes", "", "", "no" } },
	{ PB_PR_TEAM_STRUCTURE,	{ "", "isolated embedded", "", "centralized" } },
	{ PB_PR_SUPERVISION,	{ "", "none", "clinical", "peer" } },
	{ PB_PR_HUMAN_RIGHTS_OFFICER, { "", "", "no", "yes" } },
	{ PB_PR_HARM_REDUCTION,	{ "", "", "substances", "broad" } },
};

/* Whether word is one of the space-separated words of list. */
static int
in_list(const char *list, const char *word)
{
	size_t	 n = strlen(word);
	const char *p = list;

	while (n > 0 && (p = strstr(p, word)) != NULL) {
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' ||
		    p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

enum pb_assess
pb_practice_assess(enum pb_practice p, const char *value)
{
	size_t	 k;

	if (value == NULL)
		return PB_ASSESS_NOT_REPORTED;
	for (k = 0; k < PB_ASSESS_NOT_REPORTED; k++)
		if (in_list(assessments[p].level[k], value))
			return (enum pb_assess)k;
	return PB_ASSESS_NOT_REPORTED;	/* the schema allows no other */
}

const char *
pb_assess_name(enum pb_assess a)
{
	static const char *const names[] = {
		"conflict", "concern", "opportunity", "consistent",
		"not-reported"
	};

	return names[a];
}

/* Indexes of one organization's figures that packet figures use. */
struct orgfig {
	size_t	 conflicts, concerns;
};

/*
 * Adds the FTE of o's members in role r (all of them, or with want_lived
 * 0 only those whose lived-experience is no) as inputs of figure i: one
 * input per member, or in a public packet one per role, named after the
 * role and sourced at every summed member's fte (and lived-experience).
 * Returns the sum.
 */
static int64_t
in_staff_fte(struct fx *x, size_t i, const struct pb_org *o, enum pb_role r,
    int want_lived)
{
	const struct pb_member	*mb;
	struct pb_raw		 raw;
	char			 buf[PB_NUMBUF];
	int64_t			 sum = 0;
	size_t			 k, n = 0;

	for (k = 0; k < o->nmembers; k++) {
		mb = &o->members[k];
		if (mb->role != r || (want_lived == 0 && mb->lived != 0))
			continue;
		if (!pb_int_add(sum, mb->fte, &sum))
			overflow(x, i, mb->src);
		n++;
		if (!x->public) {
			in_raw(x, i, &mb->raw_fte, "%s.%s.fte", o->id, mb->id);
			if (want_lived == 0)
				in_raw(x, i, &mb->raw_lived,
				    "%s.%s.lived-experience", o->id, mb->id);
		}
	}
	if (!x->public || n == 0)
		return sum;
	raw.text = pb_fte_format(sum, buf);
	raw.src = (struct pb_src){ NULL, 0, 0 };
	for (k = 0; k < o->nmembers; k++) {
		mb = &o->members[k];
		if (mb->role != r || (want_lived == 0 && mb->lived != 0))
			continue;
		if (raw.src.file == NULL) {
			raw.src = mb->raw_fte.src;
			in_raw(x, i, &raw, want_lived == 0 ?
			    "%s.staff[%s, lived-experience no].fte" :
			    "%s.staff[%s].fte", o->id, pb_role_name(r));
		} else
			in_more(x, i, mb->raw_fte.src);
		if (want_lived == 0)
			in_more(x, i, mb->raw_lived.src);
	}
	return sum;
}

/*
 * Adds o's peer FTE (the five peer roles' sum) and its part without
 * lived experience; returns the index of the first, with the family
 * partners' and recovery coaches' FTE in *fp and *rc.
 */
static size_t
org_peer_fte(struct fx *x, const struct pb_org *o, int64_t *fp, int64_t *rc)
{
	size_t	 peer, i, k;
	int64_t	 sum, v;

	peer = add(x, PB_UNIT_FTE, "sum of fte over the five peer roles "
	    "(supervisors excluded)", "%s.peer_fte", o->id);
	sum = 0;
	for (k = 0; k < PB_ROLE__MAX; k++) {
		if (!pb_role_is_peer((enum pb_role)k))
			continue;
		v = in_staff_fte(x, peer, o, (enum pb_role)k, 1);
		if (!pb_int_add(sum, v, &sum))
			overflow(x, peer, o->members[0].src);
		if (k == PB_ROLE_FAMILY_PARTNER)
			*fp = v;
		else if (k == PB_ROLE_RECOVERY_COACH)
			*rc = v;
	}
	F(x, peer)->n = sum;
	finish(x, peer);

	i = add(x, PB_UNIT_FTE, "fte of peer-role members whose "
	    "lived-experience is no", "%s.peer_fte_without_lived_experience",
	    o->id);
	sum = 0;
	for (k = 0; k < PB_ROLE__MAX; k++) {
		if (!pb_role_is_peer((enum pb_role)k))
			continue;
		v = in_staff_fte(x, i, o, (enum pb_role)k, 0);
		if (!pb_int_add(sum, v, &sum))
			overflow(x, i, o->members[0].src);
	}
	F(x, i)->n = sum;
	finish(x, i);
	return peer;
}

/*
 * Adds o's required peer FTE (over the programs of its latest fiscal
 * year, whose figures are pf) and whether peer FTE (figure peer) meets it.
 */
static void
org_required(struct fx *x, const struct pb_org *o, const struct progfig *pf,
    size_t peer)
{
	size_t	 req, i, k;
	int64_t	 latest = -1, sum;

	for (k = 0; k < o->nprograms; k++)
		if (o->programs[k].fiscal_year > latest)
			latest = o->programs[k].fiscal_year;
	req = add(x, PB_UNIT_FTE, "sum of required_peer_fte over the "
	    "programs of the latest fiscal year", "%s.required_peer_fte",
	    o->id);
	sum = 0;
	for (k = 0; k < o->nprograms; k++) {
		if (o->programs[k].fiscal_year != latest)
			continue;
		in_fig(x, req, pf[k].required_fte);
		if (!pb_int_add(sum, F(x, pf[k].required_fte)->n, &sum))
			overflow(x, req, o->programs[k].src);
	}
	F(x, req)->n = sum;
	finish(x, req);

	i = add(x, PB_UNIT_BOOL, "peer_fte >= required_peer_fte",
	    "%s.meets_peer_ratio", o->id);
	in_fig(x, i, peer);
	in_fig(x, i, req);
	F(x, i)->n = F(x, peer)->n >= F(x, req)->n;
	finish(x, i);
}

/*
 * Adds o's family partner and recovery coach shares of peer FTE (figure
 * peer; fp and rc their FTE) and whether each exceeds its maximum.
 */
static void
org_shares(struct fx *x, const struct pb_org *o, const size_t *pi,
    size_t peer, int64_t fp, int64_t rc)
{
	const struct pb_project	*pj = &x->m->project;
	size_t			 k;

	for (k = 0; k < 2; k++) {
		const char *role = k == 0 ? "family-partner" : "recovery-coach";
		size_t sh, ex;
		char formula[128];

		snprintf(formula, sizeof(formula), "%s fte / peer_fte (0 "
		    "when peer_fte is 0)", role);
		sh = add(x, PB_UNIT_RATIO, formula, "%s.%s_share", o->id,
		    k == 0 ? "family_partner" : "recovery_coach");
		in_staff_fte(x, sh, o, k == 0 ? PB_ROLE_FAMILY_PARTNER :
		    PB_ROLE_RECOVERY_COACH, 1);
		in_fig(x, sh, peer);
		share(k == 0 ? fp : rc, F(x, peer)->n, &F(x, sh)->r);
		finish(x, sh);

		ex = add(x, PB_UNIT_BOOL, k == 0 ?
		    "family_partner_share > max_family_partner_share" :
		    "recovery_coach_share > max_recovery_coach_share",
		    "%s.%s_share_exceeds", o->id,
		    k == 0 ? "family_partner" : "recovery_coach");
		in_fig(x, ex, sh);
		in_fig(x, ex, pi[k == 0 ? PB_PARAM_MAX_FAMILY_PARTNER_SHARE :
		    PB_PARAM_MAX_RECOVERY_COACH_SHARE]);
		F(x, ex)->n = pb_ratio_cmp(F(x, sh)->r, k == 0 ?
		    pj->max_family_partner_share :
		    pj->max_recovery_coach_share) > 0;
		finish(x, ex);
	}
}

/*
 * Stores each member's certification due date in dd[] and, unless the
 * packet is public, adds it as a figure whose index goes in due[].
 */
static void
org_cert_due(struct fx *x, const struct pb_org *o, const size_t *pi,
    size_t *due, struct pb_date *dd)
{
	const struct pb_project	*pj = &x->m->project;
	const struct pb_member	*mb;
	size_t			 k;

	for (k = 0; k < o->nmembers; k++) {
		mb = &o->members[k];
		if (!pb_member_cert_due(pj, mb, &dd[k]))
			pb_diag_error(x->d, mb->src.file, mb->src.line,
			    mb->src.col, "the certification due date of %s "
			    "cannot be computed (overflow)", mb->id);
		if (x->public)
			continue;
		due[k] = add(x, PB_UNIT_DATE, "hired + "
		    "certification_window_months (a day past the month's end "
		    "becomes its last day)", "%s.%s.certification_due", o->id,
		    mb->id);
		in_raw(x, due[k], &mb->raw_hired, "%s.%s.hired", o->id,
		    mb->id);
		in_fig(x, due[k], pi[PB_PARAM_CERTIFICATION_WINDOW_MONTHS]);
		F(x, due[k])->date = dd[k];
		finish(x, due[k]);
	}
}

/*
 * Adds o's count of peer-role members not certified whose due date
 * (dd[], figures due[]) is past as-of (i 0) or within 60 days of it (1).
 */
static void
org_cert_count(struct fx *x, const struct pb_org *o, const size_t *pi,
    const struct pb_raw *as_of, struct pb_date asof, const size_t *due,
    const struct pb_date *dd, size_t i)
{
	const struct pb_member	*mb;
	size_t			 c, k;
	int64_t			 n;

	c = add(x, PB_UNIT_COUNT, i == 0 ?
	    "peer-role members with no certified date whose "
	    "certification_due is before as-of" :
	    "peer-role members with no certified date whose "
	    "certification_due is between as-of and as-of + 60 days, "
	    "inclusive", i == 0 ? "%s.certifications_overdue" :
	    "%s.certifications_due_within_60_days", o->id);
	in_raw(x, c, as_of, "peerbrief.as-of");
	if (x->public)
		in_fig(x, c, pi[PB_PARAM_CERTIFICATION_WINDOW_MONTHS]);
	n = 0;
	for (k = 0; k < PB_ROLE__MAX; k++) {
		const struct pb_member *first = NULL;
		int64_t count = 0;
		size_t j;

		if (!pb_role_is_peer((enum pb_role)k))
			continue;
		for (j = 0; j < o->nmembers; j++) {
			mb = &o->members[j];
			if (mb->role != (enum pb_role)k ||
			    mb->certified_set)
				continue;
			if (!x->public)
				in_fig(x, c, due[j]);
			else if (first == NULL)
				first = mb;
			count++;
			n += pb_cert_status(mb, dd[j], asof) ==
			    (i == 0 ? PB_CERT_OVERDUE :
			    PB_CERT_DUE_SOON);
		}
		if (first != NULL) {
			struct pb_raw raw;
			char buf[PB_NUMBUF];

			raw.text = pb_int_format(count, buf);
			raw.src = first->raw_hired.src;
			in_raw(x, c, &raw, "%s.staff[%s].not_certified",
			    o->id, pb_role_name((enum pb_role)k));
			for (j = 0; j < o->nmembers; j++) {
				mb = &o->members[j];
				if (mb->role == (enum pb_role)k &&
				    !mb->certified_set)
					in_more(x, c, mb->raw_hired.src);
			}
		}
	}
	F(x, c)->n = n;
	finish(x, c);
}

/*
 * Adds o's count of practices assessed as conflicts (i 0) or concerns
 * (1); returns the figure's index.
 */
static size_t
org_practices(struct fx *x, const struct pb_org *o, size_t i)
{
	enum pb_assess	 want = i == 0 ? PB_ASSESS_CONFLICT :
			    PB_ASSESS_CONCERN;
	size_t		 c, k;
	int64_t		 n;

	c = add(x, PB_UNIT_COUNT, i == 0 ?
	    "practices whose assessment is conflict" :
	    "practices whose assessment is concern", i == 0 ?
	    "%s.practice_conflicts" : "%s.practice_concerns", o->id);
	n = 0;
	for (k = 0; k < PB_PR__MAX; k++) {
		/* inputs: the practices that can be at this level */
		if (!o->practice_set[k] ||
		    assessments[k].level[want][0] == '\0')
			continue;
		in_raw(x, c, &o->practice[k], "%s.practice[%s]",
		    o->id, pb_practice_name((enum pb_practice)k));
		n += pb_practice_assess((enum pb_practice)k,
		    o->practice[k].text) == want;
	}
	F(x, c)->n = n;
	finish(x, c);
	return c;
}

/*
 * Adds the figures of organization o, after those of its programs (their
 * indexes in pf), and the indexes packet figures use into of.
 */
static void
org(struct fx *x, const struct pb_org *o, const size_t *pi,
    const struct pb_raw *as_of, struct pb_date asof,
    const struct progfig *pf, struct orgfig *of)
{
	size_t		 peer, i, *due;
	int64_t		 fp = 0, rc = 0;
	struct pb_date	*dd;

	peer = org_peer_fte(x, o, &fp, &rc);
	org_required(x, o, pf, peer);
	org_shares(x, o, pi, peer, fp, rc);

	/* Certification due dates: a figure per member unless the packet is
	 * public; the counts: peer roles without a certified date. */
	due = pb_xcalloc(o->nmembers + 1, sizeof(*due));
	dd = pb_xcalloc(o->nmembers + 1, sizeof(*dd));
	org_cert_due(x, o, pi, due, dd);
	for (i = 0; i < 2; i++)
		org_cert_count(x, o, pi, as_of, asof, due, dd, i);
	free(due);
	free(dd);

	of->conflicts = org_practices(x, o, 0);
	of->concerns = org_practices(x, o, 1);
}

/* --------------------------------------------------------------- packets */

/*
 * The year the totals of packet pk over orgs[0..norgs) cover: its
 * <fiscal-year>, else the latest fiscal year among the organizations'
 * programs; 0 when it has neither.
 */
static int64_t
pb_packet_year(const struct pb_packet *pk, const struct pb_org *const *orgs,
    size_t norgs)
{
	int64_t	 y = 0;
	size_t	 i, k;

	if (pk != NULL && pk->fiscal_year_set)
		return pk->fiscal_year;
	for (i = 0; i < norgs; i++)
		for (k = 0; k < orgs[i]->nprograms; k++)
			if (orgs[i]->programs[k].fiscal_year > y)
				y = orgs[i]->programs[k].fiscal_year;
	return y;
}

/*
 * Adds packet.fiscal_year, the year the packet's totals cover (its own
 * fiscal-year, else the programs' latest); returns its index.
 */
static size_t
packet_year_fig(struct fx *x, const struct pb_packet *pk,
    const struct pb_org *const *orgs, size_t norgs, int64_t year)
{
	const struct pb_program	*p;
	size_t			 fy, i, k;

	fy = add(x, PB_UNIT_YEAR, pk->fiscal_year_set ?
	    "the packet's fiscal-year" : "the latest fiscal year "
	    "among the organizations' programs", "packet.fiscal_year");
	if (pk->fiscal_year_set)
		in_raw(x, fy, &pk->raw_fiscal_year, "packet.fiscal-year");
	else
		for (i = 0; i < norgs; i++)
			for (k = 0; k < orgs[i]->nprograms; k++) {
				p = &orgs[i]->programs[k];
				if (p->fiscal_year == year)
					in_raw(x, fy, &p->raw_fiscal_year,
					    "%s.%s.fiscal-year", orgs[i]->id,
					    p->id);
			}
	F(x, fy)->n = year;
	finish(x, fy);
	return fy;
}

/*
 * Adds the counts of the packet's programs of the year (figure fy, or
 * (size_t)-1 when there is none) and of those meeting the state average
 * without peer notes (their figures in pf).
 */
static void
packet_programs(struct fx *x, const struct pb_org *const *orgs,
    size_t norgs, struct progfig **pf, int64_t year, size_t fy)
{
	const struct pb_program	*p;
	size_t			 c, i, k;
	int64_t			 n;

	c = add(x, PB_UNIT_COUNT, "programs of the packet's organizations "
	    "whose fiscal year is packet.fiscal_year",
	    "packet.program_count");
	if (fy != (size_t)-1)
		in_fig(x, c, fy);
	for (n = 0, i = 0; i < norgs; i++)
		for (k = 0; k < orgs[i]->nprograms; k++) {
			p = &orgs[i]->programs[k];
			if (p->fiscal_year != year)
				continue;
			in_raw(x, c, &p->raw_fiscal_year, "%s.%s.fiscal-year",
			    orgs[i]->id, p->id);
			n++;
		}
	F(x, c)->n = n;
	finish(x, c);

	c = add(x, PB_UNIT_COUNT, "the packet's programs whose "
	    "meets_state_average_without_peer_notes is true",
	    "packet.programs_meeting_state_average_without_peer_notes");
	for (n = 0, i = 0; i < norgs; i++)
		for (k = 0; k < orgs[i]->nprograms; k++) {
			if (orgs[i]->programs[k].fiscal_year != year)
				continue;
			in_fig(x, c, pf[i][k].meets);
			n += F(x, pf[i][k].meets)->n;
		}
	F(x, c)->n = n;
	finish(x, c);
}

/*
 * Adds the counts of the packet's organizations without peer notes and
 * with practice conflicts or concerns (their figures in of).
 */
static void
packet_orgs(struct fx *x, const struct pb_org *const *orgs, size_t norgs,
    const struct orgfig *of)
{
	size_t	 c, i, j, k;
	int64_t	 n;

	c = add(x, PB_UNIT_COUNT, "organizations whose peer-progress-notes "
	    "is no", "packet.orgs_without_peer_notes");
	for (n = 0, i = 0; i < norgs; i++) {
		const struct pb_raw *pr = &orgs[i]->practice[PB_PR_PROGRESS_NOTES];

		if (!orgs[i]->practice_set[PB_PR_PROGRESS_NOTES])
			continue;
		in_raw(x, c, pr, "%s.practice[peer-progress-notes]",
		    orgs[i]->id);
		n += strcmp(pr->text, "no") == 0;
	}
	F(x, c)->n = n;
	finish(x, c);

	for (j = 0; j < 2; j++) {
		c = add(x, PB_UNIT_COUNT, j == 0 ?
		    "organizations with practice_conflicts > 0" :
		    "organizations with practice_concerns > 0", j == 0 ?
		    "packet.orgs_with_practice_conflicts" :
		    "packet.orgs_with_practice_concerns");
		for (n = 0, i = 0; i < norgs; i++) {
			k = j == 0 ? of[i].conflicts : of[i].concerns;
			in_fig(x, c, k);
			n += F(x, k)->n > 0;
		}
		F(x, c)->n = n;
		finish(x, c);
	}
}

/*
 * Adds the packet's totals over the programs of the year (their figures
 * in pf) and the shares of payment they give; an overflow is said once
 * per total, at at.
 */
static void
packet_totals(struct fx *x, const struct pb_org *const *orgs, size_t norgs,
    struct progfig **pf, int64_t year, struct pb_src at)
{
	size_t	 c, i, j, k, tp, tm, tnet, tn;
	int	 bad[4] = { 0, 0, 0, 0 };	/* each total's overflow
						 * said once */

	tp = add(x, PB_UNIT_USD, "sum of dmh_payment over the packet's "
	    "programs", "packet.total_dmh_payment");
	tm = add(x, PB_UNIT_USD, "sum of medicaid_reimbursement over the "
	    "packet's programs", "packet.total_medicaid_reimbursement");
	tnet = add(x, PB_UNIT_USD, "sum of dmh_net_cost over the packet's "
	    "programs", "packet.total_dmh_net_cost");
	tn = add(x, PB_UNIT_USD, "sum of peer_note_reimbursement over the "
	    "packet's programs", "packet.total_peer_note_reimbursement");
	for (i = 0; i < norgs; i++)
		for (k = 0; k < orgs[i]->nprograms; k++) {
			const size_t from[4] = { pf[i][k].payment,
			    pf[i][k].medicaid, pf[i][k].net,
			    pf[i][k].peer_note };
			const size_t to[4] = { tp, tm, tnet, tn };

			if (orgs[i]->programs[k].fiscal_year != year)
				continue;
			for (j = 0; j < 4; j++) {
				in_fig(x, to[j], from[j]);
				if (!bad[j] && !pb_money_add(F(x, to[j])->n,
				    F(x, from[j])->n, &F(x, to[j])->n)) {
					bad[j] = 1;
					overflow(x, to[j], at);
				}
			}
		}
	finish(x, tp);
	finish(x, tm);
	finish(x, tnet);
	finish(x, tn);

	c = add(x, PB_UNIT_RATIO, "total_dmh_net_cost / total_dmh_payment "
	    "(0 when total_dmh_payment is 0)", "packet.unreimbursed_share");
	in_fig(x, c, tnet);
	in_fig(x, c, tp);
	share(F(x, tnet)->n, F(x, tp)->n, &F(x, c)->r);
	finish(x, c);

	c = add(x, PB_UNIT_RATIO, "total_peer_note_reimbursement / "
	    "total_dmh_payment (0 when total_dmh_payment is 0)",
	    "packet.peer_note_share_of_payment");
	in_fig(x, c, tn);
	in_fig(x, c, tp);
	share(F(x, tn)->n, F(x, tp)->n, &F(x, c)->r);
	finish(x, c);
}

/*
 * Adds the packet.* figures of packet pk over orgs[0..norgs), whose
 * programs' and organizations' figures are pf and of.
 */
static void
packet(struct fx *x, const struct pb_packet *pk,
    const struct pb_org *const *orgs, size_t norgs, struct progfig **pf,
    struct orgfig *of)
{
	size_t	 c, fy = (size_t)-1;
	int64_t	 year = pb_packet_year(pk, orgs, norgs);
	struct pb_src at = { pk->file, 0, 0 };	/* a total: no one line */

	c = add(x, PB_UNIT_COUNT, "organizations in the packet",
	    "packet.org_count");
	F(x, c)->n = (int64_t)norgs;
	finish(x, c);

	if (year > 0)
		fy = packet_year_fig(x, pk, orgs, norgs, year);
	packet_programs(x, orgs, norgs, pf, year, fy);
	packet_orgs(x, orgs, norgs, of);
	packet_totals(x, orgs, norgs, pf, year, at);
}

/* ------------------------------------------------------------------ sets */

/*
 * One organization's figures, computed once for every set that has them:
 * per variant (0 internal, 1 public: no member figure, staff summed by
 * role), a set of the parameters then the organization's figures, or
 * NULL when no set needs it. The programs' figures come first and are the
 * same in both variants, so the second variant shares them from the
 * first and computes only the organization's own.
 */
struct orgblock {
	struct pb_figures	*set[2];
	struct progfig		*pf;	/* per program: its indexes, the
					 * same in both variants */
	size_t			 progs_end; /* where the org's own begin */
	struct orgfig		 of[2];
	int			 broken[2]; /* an overflow was recorded */
	int			 progs_broken;
};

struct pb_figures_base {
	const struct pb_model	*m;
	struct pb_date		 as_of;
	struct pb_raw		 as_of_raw;	/* as-of, where written */
	char			 as_of_text[PB_NUMBUF];
	struct pb_figures	*params;	/* the parameters alone */
	struct orgblock		*blocks;	/* per organization of m */
};

static _Thread_local const struct pb_figures *sort_set;

static int
idx_cmp(const void *a, const void *b)
{
	return strcmp(sort_set->v[*(const size_t *)a].name,
	    sort_set->v[*(const size_t *)b].name);
}

/* Fills s->sorted: s's figures' indexes in the order of their names. */
static void
sort_names(struct pb_figures *s)
{
	size_t	 i;

	s->sorted = pb_xcalloc(s->n + 1, sizeof(size_t));
	for (i = 0; i < s->n; i++)
		s->sorted[i] = i;
	sort_set = s;
	qsort(s->sorted, s->n, sizeof(size_t), idx_cmp);
	sort_set = NULL;
}

/*
 * Appends src's figures [from, to) to dst, sharing their strings (dst's
 * own figures so far must all be shared): each copied figure's inputs
 * that name a figure past the parameters (which every set holds first)
 * move by delta, the offset of src's figure from in dst less from.
 */
static void
borrow(struct pb_figures *dst, const struct pb_figures *src, size_t from,
    size_t to, size_t delta)
{
	struct pb_figure	*f;
	size_t			 j, k;

	for (j = from; j < to; j++) {
		dst->v = pb_grow(dst->v, dst->n, sizeof(*dst->v));
		f = &dst->v[dst->n++];
		*f = src->v[j];
		f->inputs = pb_xcalloc(f->ninputs + 1, sizeof(*f->inputs));
		if (f->ninputs > 0)	/* a parameter has none, and NULL */
			memcpy(f->inputs, src->v[j].inputs,
			    f->ninputs * sizeof(*f->inputs));
		for (k = 0; k < f->ninputs; k++)
			if (f->inputs[k].figure >= PB_PARAM__MAX)
				f->inputs[k].figure += (long)delta;
	}
	dst->nshared = dst->n;
}

struct pb_figures_base *
pb_figures_base_new(const struct pb_model *m, struct pb_date as_of)
{
	struct pb_figures_base	*b;
	struct fx		 x;
	size_t			 pi[PB_PARAM__MAX];

	b = pb_xcalloc(1, sizeof(*b));
	b->m = m;
	b->as_of = as_of;
	b->as_of_raw = m->project.as_of_raw;
	b->as_of_raw.text = pb_date_format(as_of, b->as_of_text);
	if (b->as_of_raw.src.file == NULL)
		b->as_of_raw.src.file = m->project.file;
	b->blocks = pb_xcalloc(m->norgs + 1, sizeof(*b->blocks));
	x.set = b->params = pb_xcalloc(1, sizeof(*b->params));
	x.m = m;
	x.d = NULL;		/* the parameters cannot overflow */
	x.public = 0;
	params(&x, pi);
	return b;
}

/* The block of organization o, which must be one of b's model's. */
static struct orgblock *
block_of(const struct pb_figures_base *b, const struct pb_org *o)
{
	if (o < b->m->orgs || o >= b->m->orgs + b->m->norgs)
		abort();	/* not an organization of the model */
	return &b->blocks[o - b->m->orgs];
}

void
pb_figures_base_add(struct pb_figures_base *b, const struct pb_org *o,
    int public, struct pb_diags *d)
{
	struct orgblock	*k = block_of(b, o);
	struct fx	 x;
	size_t		 pi[PB_PARAM__MAX], i, errs = d->errors;
	int		 v = public != 0;

	if (k->set[v] != NULL)
		return;
	x.set = k->set[v] = pb_xcalloc(1, sizeof(*x.set));
	x.m = b->m;
	x.d = d;
	x.public = v;
	for (i = 0; i < PB_PARAM__MAX; i++)
		pi[i] = i;
	if (k->set[!v] != NULL)	/* the programs' figures: the other's */
		borrow(x.set, k->set[!v], 0, k->progs_end, 0);
	else {
		borrow(x.set, b->params, 0, PB_PARAM__MAX, 0);
		k->pf = pb_xcalloc(o->nprograms + 1, sizeof(*k->pf));
		for (i = 0; i < o->nprograms; i++)
			program(&x, o, &o->programs[i], pi, &k->pf[i]);
		k->progs_end = x.set->n;
		k->progs_broken = d->errors != errs;
	}
	org(&x, o, pi, &b->as_of_raw, b->as_of, k->pf, &k->of[v]);
	k->broken[v] = k->progs_broken || d->errors != errs;
}

/* Moves every index of a program's figures by delta. */
static struct progfig
progfig_moved(struct progfig p, size_t delta)
{
	p.payment += delta;
	p.medicaid += delta;
	p.net += delta;
	p.peer_note += delta;
	p.meets += delta;
	p.required_fte += delta;
	return p;
}

struct pb_figures *
pb_figures_of(const struct pb_figures_base *b,
    const struct pb_org *const *orgs, size_t norgs,
    const struct pb_packet *pk, struct pb_diags *d)
{
	const struct orgblock	*k;
	const struct pb_figures	*s;
	struct fx		 x;
	struct progfig		**pf;
	struct orgfig		*of;
	size_t			 i, j, delta, errs = d->errors;
	int			 v = pk != NULL && !pk->internal, broken = 0;

	x.set = pb_xcalloc(1, sizeof(*x.set));
	x.m = b->m;
	x.d = d;
	x.public = v;
	borrow(x.set, b->params, 0, PB_PARAM__MAX, 0);
	pf = pb_xcalloc(norgs + 1, sizeof(*pf));
	of = pb_xcalloc(norgs + 1, sizeof(*of));
	for (i = 0; i < norgs; i++) {
		k = block_of(b, orgs[i]);
		if ((s = k->set[v]) == NULL)
			abort();	/* not added: pb_figures_base_add */
		delta = x.set->n - PB_PARAM__MAX;
		borrow(x.set, s, PB_PARAM__MAX, s->n, delta);
		pf[i] = pb_xcalloc(orgs[i]->nprograms + 1, sizeof(**pf));
		for (j = 0; j < orgs[i]->nprograms; j++)
			pf[i][j] = progfig_moved(k->pf[j], delta);
		of[i].conflicts = k->of[v].conflicts + delta;
		of[i].concerns = k->of[v].concerns + delta;
		broken |= k->broken[v];
	}
	/* the packet's own figures: its programs' year, its totals */
	if (pk != NULL)
		packet(&x, pk, orgs, norgs, pf, of);
	for (i = 0; i < norgs; i++)
		free(pf[i]);
	free(pf);
	free(of);
	sort_names(x.set);
	if (broken || d->errors != errs) {
		pb_figures_free(x.set);
		return NULL;
	}
	return x.set;
}

void
pb_figures_base_free(struct pb_figures_base *b)
{
	size_t	 i;

	if (b == NULL)
		return;
	for (i = 0; i < b->m->norgs; i++) {
		pb_figures_free(b->blocks[i].set[0]);
		pb_figures_free(b->blocks[i].set[1]);
		free(b->blocks[i].pf);
	}
	free(b->blocks);
	pb_figures_free(b->params);
	free(b);
}

struct pb_figures *
pb_figures_compute(const struct pb_model *m,
    const struct pb_org *const *orgs, size_t norgs,
    const struct pb_packet *pk, struct pb_date as_of, struct pb_diags *d)
{
	struct pb_figures_base	*b;
	struct pb_figures	*f;
	size_t			 i;

	b = pb_figures_base_new(m, as_of);
	for (i = 0; i < norgs; i++)
		pb_figures_base_add(b, orgs[i], pk != NULL && !pk->internal,
		    d);
	if ((f = pb_figures_of(b, orgs, norgs, pk, d)) == NULL)
		pb_figures_base_free(b);
	else
		f->base = b;	/* what its figures' strings are */
	return f;
}

void
pb_figures_free(struct pb_figures *f)
{
	size_t	 i, k;

	if (f == NULL)
		return;
	for (i = 0; i < f->n; i++) {
		/* a shared figure's strings are another set's */
		for (k = 0; i >= f->nshared && k < f->v[i].ninputs; k++) {
			free(f->v[i].inputs[k].name);
			free(f->v[i].inputs[k].value);
			free(f->v[i].inputs[k].more);
		}
		if (i >= f->nshared) {
			free(f->v[i].name);
			free(f->v[i].formula);
		}
		free(f->v[i].inputs);
	}
	free(f->v);
	free(f->sorted);
	pb_figures_base_free(f->base);
	free(f);
}

const struct pb_figure *
pb_figures_get(const struct pb_figures *f, const char *name)
{
	size_t	 lo = 0, hi = f->n, mid;
	int	 c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(name, f->v[f->sorted[mid]].name);
		if (c == 0)
			return &f->v[f->sorted[mid]];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static int
src_cmp(const void *a, const void *b)
{
	const struct pb_src	*x = *(const struct pb_src *const *)a;
	const struct pb_src	*y = *(const struct pb_src *const *)b;
	int			 c = strcmp(x->file, y->file);

	if (c != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

/*
 * Adds figure i to the set seen (open addressing, *cap slots, indices
 * stored plus one, grown as it fills); returns 0 when it was there.
 */
static int
seen_add(size_t **seen, size_t *cap, size_t *n, size_t i)
{
	size_t	*old = *seen, oldcap = *cap, k, j;

	if (2 * (*n + 1) > *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*seen = pb_xcalloc(*cap, sizeof(**seen));
		for (k = 0; k < oldcap; k++) {
			if (old[k] == 0)
				continue;
			for (j = old[k] * 0x9e3779b97f4a7c15ULL % *cap;
			    (*seen)[j] != 0; j = (j + 1) % *cap)
				;
			(*seen)[j] = old[k];
		}
		free(old);
	}
	for (j = (i + 1) * 0x9e3779b97f4a7c15ULL % *cap; (*seen)[j] != 0;
	    j = (j + 1) % *cap)
		if ((*seen)[j] == i + 1)
			return 0;
	(*seen)[j] = i + 1;
	(*n)++;
	return 1;
}

void
pb_figures_sources(const struct pb_figures *f, size_t i, const char *sep,
    struct pb_buf *out)
{
	size_t			 *stack = NULL, top = 0, k, j, ns = 0;
	size_t			 *seen = NULL, seencap = 0, nseen = 0;
	const struct pb_src	**srcs = NULL;
	const struct pb_input	 *in;

	/* The work is proportional to the figures reached, not to all of
	 * them: this runs once per input of every figure in an appendix. */
	stack = pb_grow(stack, top, sizeof(*stack));
	stack[top++] = i;
	seen_add(&seen, &seencap, &nseen, i);
	while (top > 0) {
		const struct pb_figure *g = &f->v[stack[--top]];

		for (k = 0; k < g->ninputs; k++) {
			in = &g->inputs[k];
			if (in->figure >= 0) {
				if (seen_add(&seen, &seencap, &nseen,
				    (size_t)in->figure)) {
					stack = pb_grow(stack, top,
					    sizeof(*stack));
					stack[top++] = (size_t)in->figure;
				}
				continue;
			}
			srcs = pb_grow(srcs, ns, sizeof(*srcs));
			srcs[ns++] = &in->src;
			for (j = 0; j < in->nmore; j++) {
				srcs = pb_grow(srcs, ns, sizeof(*srcs));
				srcs[ns++] = &in->more[j];
			}
		}
	}
	if (ns > 1)
		qsort(srcs, ns, sizeof(*srcs), src_cmp);
	for (j = k = 0; j < ns; j++) {
		if (j > 0 && src_cmp(&srcs[j - 1], &srcs[j]) == 0)
			continue;
		if (k++ > 0)
			pb_buf_puts(out, sep);
		pb_src_format(srcs[j], out);
	}
	free(srcs);
	free(stack);
	free(seen);
}

void
pb_figures_suggest(const struct pb_figures *f, const char *name,
    struct pb_buf *out)
{
	const char	**names;
	size_t		  i;

	names = pb_xcalloc(f->n ? f->n : 1, sizeof(*names));
	for (i = 0; i < f->n; i++)
		names[i] = f->v[i].name;
	/* the same last part under another owner is near too, except
	 * among the packet's own figures */
	pb_suggest(name, names, f->n, strncmp(name, "packet.", 7) == 0 ?
	    0 : PB_SUGGEST_TAIL, out);
	free(names);
}
