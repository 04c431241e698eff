/*
 * test_figures.c - one test per formula of DESIGN.md on small models made
 * in memory, with the edges that matter: half-cent rounding, the state
 * average ceiling on and just over an integer, month-end and leap-day due
 * dates, both ends of the 60-day window, peer_fte of zero, a share exactly
 * at its threshold, the latest fiscal year, overflow refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arith.h"
#include "figures.h"
#include "model.h"
#include "pb.h"

static char	 file[] = "t.xml";

static struct pb_raw
raw(const char *text, unsigned long line)
{
	struct pb_raw	 r;

	r.text = (char *)text;
	r.src.file = file;
	r.src.line = line;
	r.src.col = 3;
	return r;
}

/* A project with DESIGN.md's defaults and as-of 2026-11-01. */
static void
project(struct pb_model *m)
{
	static const char *const def[PB_PARAM__MAX] = {
		"0.50", "0.25", "6", "2.00", "0.25", "0.34"
	};
	size_t	 i;

	m->project.file = file;
	for (i = 0; i < PB_PARAM__MAX; i++)
		m->project.param[i] = raw(def[i], 0);
	m->project.medicaid_share = (struct pb_ratio){ 1, 2 };
	m->project.state_average_rday_rate = (struct pb_ratio){ 1, 4 };
	m->project.certification_window_months = 6;
	m->project.peer_fte_per_100 = 200;
	m->project.max_family_partner_share = (struct pb_ratio){ 1, 4 };
	m->project.max_recovery_coach_share = (struct pb_ratio){ 17, 50 };
	m->project.as_of = (struct pb_date){ 2026, 11, 1 };
	m->project.as_of_raw = raw("2026-11-01", 7);
}

static struct pb_program
prog(const char *id, int64_t fy, int64_t persons, int64_t days,
    int64_t rate, int64_t staff, int64_t peer)
{
	struct pb_program	 p;

	memset(&p, 0, sizeof(p));
	p.id = (char *)id;
	p.src.file = file;
	p.src.line = 10;
	p.fiscal_year = fy;
	p.enrolled_persons = persons;
	p.enrolled_days = days;
	p.daily_rate = rate;
	p.rdays_staff = staff;
	p.rdays_peer = peer;
	p.raw_persons = raw("persons", 11);
	p.raw_days = raw("days", 12);
	p.raw_rate = raw("rate", 13);
	p.raw_staff = raw("staff", 14);
	p.raw_peer = raw("peer", 15);
	return p;
}

static struct pb_member
member(const char *id, enum pb_role role, int64_t fte, struct pb_date hired,
    int certified)
{
	struct pb_member	 mb;

	memset(&mb, 0, sizeof(mb));
	mb.id = (char *)id;
	mb.src.file = file;
	mb.src.line = 20;
	mb.role = role;
	mb.fte = fte;
	mb.hired = hired;
	mb.certified_set = certified;
	mb.certified = hired;
	mb.raw_fte = raw("fte", 21);
	mb.raw_hired = raw("hired", 22);
	return mb;
}

/* Computes the figures of one organization (and a packet of it). */
static struct pb_figures *
compute(struct pb_model *m, struct pb_org *o, int packet,
    struct pb_diags *d)
{
	static struct pb_packet	 pk;
	const struct pb_org	*orgs[1] = { o };

	memset(&pk, 0, sizeof(pk));
	pk.id = (char *)"p";
	pk.file = file;
	o->id = o->id ? o->id : (char *)"org";
	o->file = file;
	m->orgs = o;
	m->norgs = 1;
	return pb_figures_compute(m, orgs, 1, packet ? &pk : NULL,
	    m->project.as_of, d);
}

/* Figure name of f has value value and, when per_mille is not NULL (a
 * ratio), those tenths of a percent that numbers.xsl words ("260" as
 * "26.0%"; tests/figures.sh checks its words). */
static void
expect(const struct pb_figures *f, const char *name, const char *value,
    const char *per_mille)
{
	const struct pb_figure	*g = pb_figures_get(f, name);

	assert_non_null(g);
	assert_string_equal(g->value, value);
	if (per_mille != NULL)
		assert_string_equal(g->per_mille, per_mille);
}

/* DESIGN.md's example program. */
static void
test_program_example(void **state)
{
	struct pb_model		 m;
	struct pb_org		 o;
	struct pb_program	 p;
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_figures	*f;

	(void)state;
	memset(&m, 0, sizeof(m));
	memset(&o, 0, sizeof(o));
	project(&m);
	p = prog("accs", 2026, 120, 43800, 10425, 11200, 180);
	o.programs = &p;
	o.nprograms = 1;
	f = compute(&m, &o, 0, &d);
	assert_non_null(f);
	/* the templates' numbers.xsl words every display from the value
	 * (tests/figures.sh checks its words) */
	expect(f, "org.accs.enrolled_days", "43800", NULL);
	expect(f, "org.accs.dmh_payment", "4566150.00", NULL);
	expect(f, "org.accs.rdays", "11380", NULL);
	expect(f, "org.accs.rday_rate", "0.259817", "260");
	expect(f, "org.accs.medicaid_reimbursement", "593182.50", NULL);
	expect(f, "org.accs.dmh_net_cost", "3972967.50", NULL);
	expect(f, "org.accs.unreimbursed_share", "0.870091", NULL);
	expect(f, "org.accs.state_average_rdays", "10950", NULL);
	expect(f, "org.accs.rday_rate_without_peer_notes", "0.255708",
	    "256");
	expect(f, "org.accs.meets_state_average_without_peer_notes", "true",
	    NULL);
	expect(f, "org.accs.rday_shortfall_without_peer_notes", "0", NULL);
	expect(f, "org.accs.peer_note_reimbursement", "9382.50", NULL);
	expect(f, "org.accs.peer_note_share_of_payment", "0.002055", NULL);
	expect(f, "org.accs.zero_rdays", "false", NULL);
	expect(f, "org.accs.required_peer_fte", "2.40", NULL);
	pb_figures_free(f);
}

/* Half a cent rounds up once, at the end of the formula. */
static void
test_half_cent(void **state)
{
	struct pb_model		 m;
	struct pb_org		 o;
	struct pb_program	 p;
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_figures	*f;

	(void)state;
	memset(&m, 0, sizeof(m));
	memset(&o, 0, sizeof(o));
	project(&m);
	/* 3 R-days x $0.05 x 0.5 = 7.5 cents -> 8; 1 x $0.01 x 0.5 -> 1 */
	p = prog("a", 2026, 1, 10, 5, 3, 1);
	o.programs = &p;
	o.nprograms = 1;
	f = compute(&m, &o, 0, &d);
	assert_non_null(f);
	expect(f, "org.a.medicaid_reimbursement", "0.10", NULL); /* 4 x 5 / 2 */
	expect(f, "org.a.peer_note_reimbursement", "0.03", NULL); /* 2.5 -> 3 */
	expect(f, "org.a.dmh_net_cost", "0.40", NULL);
	pb_figures_free(f);
	p = prog("a", 2026, 1, 10, 5, 2, 1);
	f = compute(&m, &o, 0, &d);
	expect(f, "org.a.medicaid_reimbursement", "0.08", NULL); /* 7.5 -> 8 */
	pb_figures_free(f);
}

/* ceiling(0.25 x days): exactly on an integer, and just over it. */
static void
test_state_average_ceiling(void **state)
{
	struct pb_model		 m;
	struct pb_org		 o;
	struct pb_program	 p[2];
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_figures	*f;

	(void)state;
	memset(&m, 0, sizeof(m));
	memset(&o, 0, sizeof(o));
	project(&m);
	p[0] = prog("on", 2026, 2, 400, 100, 100, 0);
	p[1] = prog("over", 2026, 2, 401, 100, 100, 5);
	o.programs = p;
	o.nprograms = 2;
	f = compute(&m, &o, 1, &d);
	assert_non_null(f);
	expect(f, "org.on.state_average_rdays", "100", NULL);
	expect(f, "org.on.meets_state_average_without_peer_notes", "true",
	    NULL);
	expect(f, "org.on.rday_shortfall_without_peer_notes", "0", NULL);
	expect(f, "org.over.state_average_rdays", "101", NULL);
	expect(f, "org.over.meets_state_average_without_peer_notes", "false",
	    NULL);
	expect(f, "org.over.rday_shortfall_without_peer_notes", "1", NULL);
	expect(f, "packet.programs_meeting_state_average_without_peer_notes",
	    "1", NULL);
	expect(f, "packet.program_count", "2", NULL);
	expect(f, "packet.total_dmh_payment", "801.00", NULL);
	expect(f, "packet.total_peer_note_reimbursement", "2.50", NULL);
	expect(f, "packet.peer_note_share_of_payment", "0.003121", NULL);
	pb_figures_free(f);
}

/* A share too small for tenths of a percent carries its hundredths, so
 * that it never reads "0.0%": 10 and 1 R-days of 43800 are 0.02% and
 * below 0.01% (hundredths "0"); tenths are there for the rest. */
static void
test_small_share(void **state)
{
	struct pb_model		 m;
	struct pb_org		 o;
	struct pb_program	 p[2];
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_figures	*f;
	const struct pb_figure	*g;

	(void)state;
	memset(&m, 0, sizeof(m));
	memset(&o, 0, sizeof(o));
	project(&m);
	p[0] = prog("ten", 2026, 120, 43800, 100, 10, 0);
	p[1] = prog("one", 2026, 120, 43800, 100, 1, 0);
	o.programs = p;
	o.nprograms = 2;
	f = compute(&m, &o, 0, &d);
	assert_non_null(f);
	expect(f, "org.ten.rday_rate", "0.000228", "0");
	g = pb_figures_get(f, "org.ten.rday_rate");
	assert_string_equal(g->basis_points, "2");
	expect(f, "org.one.rday_rate", "0.000023", "0");
	g = pb_figures_get(f, "org.one.rday_rate");
	assert_string_equal(g->basis_points, "0");
	expect(f, "org.ten.unreimbursed_share", "0.999886", "1000");
	g = pb_figures_get(f, "org.ten.unreimbursed_share");
	assert_string_equal(g->basis_points, "");
	pb_figures_free(f);
}

/* Zero R-days, zero enrolled days: ratios are 0, not a division error. */
static void
test_zero(void **state)
{
	struct pb_model		 m;
	struct pb_org		 o;
	struct pb_program	 p;
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_figures	*f;

	(void)state;
	memset(&m, 0, sizeof(m));
	memset(&o, 0, sizeof(o));
	project(&m);
	p = prog("z", 2026, 0, 0, 100, 0, 0);
	o.programs = &p;
	o.nprograms = 1;
	f = compute(&m, &o, 1, &d);
	assert_non_null(f);
	expect(f, "org.z.zero_rdays", "true", NULL);
	expect(f, "org.z.rday_rate", "0.000000", "0");
	/* a zero share has no hundredths: it reads "0.0%" */
	assert_string_equal(pb_figures_get(f, "org.z.rday_rate")->basis_points,
	    "");
	expect(f, "org.z.unreimbursed_share", "0.000000", NULL);
	expect(f, "org.z.required_peer_fte", "0.00", NULL);
	expect(f, "packet.peer_note_share_of_payment", "0.000000", NULL);
	expect(f, "org.peer_fte", "0.00", NULL);
	expect(f, "org.family_partner_share", "0.000000", NULL);
	expect(f, "org.meets_peer_ratio", "true", NULL);
	pb_figures_free(f);
}

/* Required FTE rounds up to 0.01 and sums the latest fiscal year only. */
static void
test_required_fte(void **state)
{
	struct pb_model		 m;
	struct pb_org		 o;
	struct pb_program	 p[3];
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_figures	*f;

	(void)state;
	memset(&m, 0, sizeof(m));
	memset(&o, 0, sizeof(o));
	project(&m);
	m.project.peer_fte_per_100 = 150;	/* 1.50 per 100 */
	p[0] = prog("old", 2025, 500, 1000, 100, 0, 0);
	p[1] = prog("a", 2026, 33, 1000, 100, 0, 0);	/* 0.495 -> 0.50 */
	p[2] = prog("b", 2026, 101, 1000, 100, 0, 0);	/* 1.515 -> 1.52 */
	o.programs = p;
	o.nprograms = 3;
	f = compute(&m, &o, 0, &d);
	assert_non_null(f);
	expect(f, "org.a.required_peer_fte", "0.50", NULL);
	expect(f, "org.b.required_peer_fte", "1.52", NULL);
	expect(f, "org.old.required_peer_fte", "7.50", NULL);
	expect(f, "org.required_peer_fte", "2.02", NULL);
	expect(f, "org.meets_peer_ratio", "false", NULL);
	pb_figures_free(f);
}

/* Peer FTE, shares and their thresholds (exactly at: not over). */
static void
test_staffing(void **state)
{
	struct pb_model		 m;
	struct pb_org		 o;
	struct pb_member	 mb[4];
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_figures	*f;
	struct pb_date		 h = { 2020, 1, 1 };

	(void)state;
	memset(&m, 0, sizeof(m));
	memset(&o, 0, sizeof(o));
	project(&m);
	mb[0] = member("ps", PB_ROLE_PEER_SPECIALIST, 300, h, 1);
	mb[1] = member("fp", PB_ROLE_FAMILY_PARTNER, 100, h, 1);
	mb[2] = member("rc", PB_ROLE_RECOVERY_COACH, 0, h, 1);
	mb[3] = member("sup", PB_ROLE_PEER_SUPERVISOR, 100, h, 1);
	mb[0].fte = 200;
	mb[2].fte = 100;
	o.members = mb;
	o.nmembers = 4;
	f = compute(&m, &o, 0, &d);
	assert_non_null(f);
	expect(f, "org.peer_fte", "4.00", NULL);	/* supervisor out */
	expect(f, "org.family_partner_share", "0.250000", "250");
	expect(f, "org.family_partner_share_exceeds", "false", NULL);
	expect(f, "org.recovery_coach_share", "0.250000", NULL);
	pb_figures_free(f);
	mb[1].fte = 101;				/* 1.01 / 4.01 > 0.25 */
	f = compute(&m, &o, 0, &d);
	expect(f, "org.family_partner_share_exceeds", "true", NULL);
	pb_figures_free(f);
}

/* Due dates with month-end clamping; overdue and the 60-day window. */
static void
test_certifications(void **state)
{
	struct pb_model		 m;
	struct pb_org		 o;
	struct pb_member	 mb[7];
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_figures	*f;

	(void)state;
	memset(&m, 0, sizeof(m));
	memset(&o, 0, sizeof(o));
	project(&m);
	/* due 2027-02-28 (Aug 31 + 6, clamped): outside the window */
	mb[0] = member("a", PB_ROLE_PEER_SPECIALIST, 100,
	    (struct pb_date){ 2026, 8, 31 }, 0);
	/* due 2026-11-01 = as-of: within, not overdue */
	mb[1] = member("b", PB_ROLE_PEER_SPECIALIST, 100,
	    (struct pb_date){ 2026, 5, 1 }, 0);
	/* due 2026-10-30 (April 30 + 6): overdue */
	mb[2] = member("c", PB_ROLE_RECOVERY_COACH, 100,
	    (struct pb_date){ 2026, 4, 30 }, 0);
	/* due 2026-12-30: within */
	mb[3] = member("e", PB_ROLE_FAMILY_PARTNER, 100,
	    (struct pb_date){ 2026, 6, 30 }, 0);
	/* due 2027-01-01 = as-of + 61: not within */
	mb[4] = member("g", PB_ROLE_YOUNG_ADULT_PEER_MENTOR, 100,
	    (struct pb_date){ 2026, 7, 1 }, 0);
	/* overdue but certified: not counted */
	mb[5] = member("h", PB_ROLE_PEER_SPECIALIST, 100,
	    (struct pb_date){ 2020, 1, 1 }, 1);
	/* overdue supervisor: not a peer role, not counted */
	mb[6] = member("s", PB_ROLE_PEER_SUPERVISOR, 100,
	    (struct pb_date){ 2020, 1, 1 }, 0);
	o.members = mb;
	o.nmembers = 7;
	f = compute(&m, &o, 0, &d);
	assert_non_null(f);
	/* a date's display is its value: templates/dates.xsl words it */
	expect(f, "org.a.certification_due", "2027-02-28", NULL);
	expect(f, "org.b.certification_due", "2026-11-01", NULL);
	expect(f, "org.e.certification_due", "2026-12-30", NULL);
	expect(f, "org.certifications_overdue", "1", NULL);
	expect(f, "org.certifications_due_within_60_days", "2", NULL);
	pb_figures_free(f);
	/* as-of 2026-10-31: e is due exactly at as-of + 60, c the day
	 * before as-of */
	m.project.as_of = (struct pb_date){ 2026, 10, 31 };
	f = compute(&m, &o, 0, &d);
	expect(f, "org.c.certification_due", "2026-10-30", NULL);
	expect(f, "org.certifications_overdue", "1", NULL);
	expect(f, "org.certifications_due_within_60_days", "2", NULL);
	pb_figures_free(f);
	/* a leap day: 2023-08-29 + 6 months = 2024-02-29 */
	mb[0].hired = (struct pb_date){ 2023, 8, 31 };
	f = compute(&m, &o, 0, &d);
	expect(f, "org.a.certification_due", "2024-02-29", NULL);
	pb_figures_free(f);
}

/* The status behind the counts, for one member at a time. */
static void
test_cert_status(void **state)
{
	struct pb_member	 mb;
	struct pb_date		 asof = { 2026, 11, 1 };

	(void)state;
	mb = member("m", PB_ROLE_PEER_SPECIALIST, 100,
	    (struct pb_date){ 2026, 1, 1 }, 0);
	assert_int_equal(pb_cert_status(&mb, (struct pb_date){ 2026, 10, 31 },
	    asof), PB_CERT_OVERDUE);
	assert_int_equal(pb_cert_status(&mb, asof, asof), PB_CERT_DUE_SOON);
	assert_int_equal(pb_cert_status(&mb, (struct pb_date){ 2026, 12, 31 },
	    asof), PB_CERT_DUE_SOON);
	assert_int_equal(pb_cert_status(&mb, (struct pb_date){ 2027, 1, 1 },
	    asof), PB_CERT_PENDING);
	mb.certified_set = 1;
	mb.certified = (struct pb_date){ 2026, 7, 1 };
	assert_int_equal(pb_cert_status(&mb, (struct pb_date){ 2026, 7, 1 },
	    asof), PB_CERT_CERTIFIED);
	assert_int_equal(pb_cert_status(&mb, (struct pb_date){ 2026, 6, 30 },
	    asof), PB_CERT_CERTIFIED_LATE);
	assert_string_equal(pb_cert_name(PB_CERT_CERTIFIED_LATE),
	    "certified-late");
	assert_string_equal(pb_cert_name(PB_CERT_DUE_SOON), "due-soon");
}

/* Practice conflicts and the packet's counts of organizations. */
static void
test_practices(void **state)
{
	struct pb_model		 m;
	struct pb_org		 o;
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_figures	*f;

	(void)state;
	memset(&m, 0, sizeof(m));
	memset(&o, 0, sizeof(o));
	project(&m);
	o.practice_set[PB_PR_PROGRESS_NOTES] = 1;
	o.practice[PB_PR_PROGRESS_NOTES] = raw("no", 5);
	o.practice_set[PB_PR_MEDICATION] = 1;
	o.practice[PB_PR_MEDICATION] = raw("yes", 6);
	o.practice_set[PB_PR_TEAM_STRUCTURE] = 1;
	o.practice[PB_PR_TEAM_STRUCTURE] = raw("isolated", 7);
	f = compute(&m, &o, 1, &d);
	assert_non_null(f);
	expect(f, "org.practice_conflicts", "1", NULL);
	expect(f, "packet.orgs_without_peer_notes", "1", NULL);
	expect(f, "packet.orgs_with_practice_conflicts", "1", NULL);
	expect(f, "packet.org_count", "1", NULL);
	pb_figures_free(f);
}

/* Provenance: inputs name their figures and their files' lines. */
static void
test_provenance(void **state)
{
	struct pb_model		 m;
	struct pb_org		 o;
	struct pb_program	 p;
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_figures	*f;
	const struct pb_figure	*g;
	struct pb_buf		 b = { NULL, 0, 0 };

	(void)state;
	memset(&m, 0, sizeof(m));
	memset(&o, 0, sizeof(o));
	project(&m);
	p = prog("a", 2026, 1, 10, 5, 3, 1);
	o.programs = &p;
	o.nprograms = 1;
	f = compute(&m, &o, 0, &d);
	g = pb_figures_get(f, "org.a.medicaid_reimbursement");
	assert_non_null(g);
	assert_int_equal(g->ninputs, 3);
	assert_string_equal(g->inputs[0].name, "org.a.rdays");
	assert_string_equal(g->inputs[1].name, "org.a.daily-rate");
	assert_int_equal(g->inputs[1].src.line, 13);
	assert_string_equal(g->inputs[2].name, "param.medicaid_share");
	pb_figures_sources(f, (size_t)(g - f->v), " ", &b);
	assert_string_equal(b.data,
	    "t.xml (default) t.xml:13:3 t.xml:14:3 t.xml:15:3");
	pb_buf_free(&b);
	pb_figures_free(f);
}

/* Numbers too large for exact money are refused, never wrong. */
static void
test_overflow(void **state)
{
	struct pb_model		 m;
	struct pb_org		 o;
	struct pb_program	 p;
	struct pb_diags		 d = { NULL, 0, 0, 0 };

	(void)state;
	memset(&m, 0, sizeof(m));
	memset(&o, 0, sizeof(o));
	project(&m);
	p = prog("big", 2026, 1, INT64_MAX / 1000, INT64_MAX / 1000, 0, 0);
	o.programs = &p;
	o.nprograms = 1;
	assert_null(compute(&m, &o, 0, &d));
	assert_true(d.errors >= 1);
	assert_int_equal(d.v[0].line, 10);
	pb_diags_free(&d);
}

/* Suggestions for unknown names. */
static void
test_suggest(void **state)
{
	struct pb_model		 m;
	struct pb_org		 o;
	struct pb_program	 p;
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_figures	*f;
	struct pb_buf		 b = { NULL, 0, 0 };

	(void)state;
	memset(&m, 0, sizeof(m));
	memset(&o, 0, sizeof(o));
	project(&m);
	p = prog("a", 2026, 1, 10, 5, 3, 1);
	o.programs = &p;
	o.nprograms = 1;
	f = compute(&m, &o, 1, &d);
	pb_figures_suggest(f, "packet.org_cout", &b);
	assert_string_equal(b.data, "'packet.org_count'");
	b.len = 0;
	pb_figures_suggest(f, "param.medicaid_shar", &b);
	assert_string_equal(b.data, "'param.medicaid_share'");
	b.len = 0;
	pb_buf_put(&b, "", 0);
	pb_figures_suggest(f, "zzzzzzzzzzzz", &b);
	assert_string_equal(b.data, "");
	pb_buf_free(&b);
	pb_figures_free(f);
}

/* Whether sets a and b hold the same figures, inputs and all. */
static void
same_set(const struct pb_figures *a, const struct pb_figures *b)
{
	const struct pb_input	*x, *y;
	size_t			 i, k;

	assert_int_equal(a->n, b->n);
	for (i = 0; i < a->n; i++) {
		assert_string_equal(a->v[i].name, b->v[i].name);
		assert_string_equal(a->v[i].value, b->v[i].value);
		assert_string_equal(a->v[i].formula, b->v[i].formula);
		assert_int_equal(a->v[i].ninputs, b->v[i].ninputs);
		for (k = 0; k < a->v[i].ninputs; k++) {
			x = &a->v[i].inputs[k];
			y = &b->v[i].inputs[k];
			assert_string_equal(x->name, y->name);
			assert_string_equal(x->value, y->value);
			assert_int_equal(x->figure, y->figure);
			/* the input it names is the figure of that name */
			if (x->figure >= 0)
				assert_string_equal(x->name,
				    a->v[x->figure].name);
		}
		assert_ptr_equal(pb_figures_get(a, a->v[i].name), &a->v[i]);
	}
}

/* The names of figure name's figure inputs, in order, one a line. */
static char *
inputs_of(const struct pb_figures *f, const char *name)
{
	const struct pb_figure	*g = pb_figures_get(f, name);
	struct pb_buf		 b = { NULL, 0, 0 };
	size_t			 k;

	assert_non_null(g);
	pb_buf_put(&b, "", 0);
	for (k = 0; k < g->ninputs; k++)
		if (g->inputs[k].figure >= 0)
			pb_buf_printf(&b, "%s\n",
			    f->v[g->inputs[k].figure].name);
	return b.data;
}

/*
 * One base shared by packets whose years differ (2025 given; none, so the
 * latest, 2026; 2024, which no program has), whose visibility differs and
 * whose organizations come in another order: each packet's totals cover
 * its own year, each organization's figures (its required FTE from its
 * latest year) are the same in every packet, and each set is the one
 * computed for that packet alone.
 */
static void
test_shared_years(void **state)
{
	struct pb_model		 m;
	struct pb_org		 o[2];
	struct pb_program	 p[4];
	struct pb_member	 mb[1];
	struct pb_packet	 pk[3];
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_figures_base	*b;
	struct pb_figures	*f[3], *alone;
	const struct pb_org	*ab[2], *ba[2];
	static const char *const total[3] = {
		"1050.00", "2150.00", "0.00"
	};
	static const char *const year[3] = { "2025", "2026", "2024" };
	static const char *const count[3] = { "2", "2", "0" };
	char			*s;
	size_t			 i;

	(void)state;
	memset(&m, 0, sizeof(m));
	memset(o, 0, sizeof(o));
	memset(pk, 0, sizeof(pk));
	project(&m);
	p[0] = prog("y25", 2025, 500, 100, 1000, 10, 0);
	p[1] = prog("y26", 2026, 50, 200, 1000, 60, 0);
	p[2] = prog("y25", 2025, 300, 10, 500, 1, 0);
	p[3] = prog("y26", 2026, 100, 30, 500, 7, 0);
	mb[0] = member("ps", PB_ROLE_PEER_SPECIALIST, 100,
	    (struct pb_date){ 2026, 1, 1 }, 0);
	o[0].id = (char *)"one";
	o[0].programs = &p[0];
	o[0].nprograms = 2;
	o[0].members = mb;
	o[0].nmembers = 1;
	o[1].id = (char *)"two";
	o[1].programs = &p[2];
	o[1].nprograms = 2;
	o[0].file = o[1].file = file;
	m.orgs = o;
	m.norgs = 2;
	for (i = 0; i < 3; i++) {
		pk[i].id = (char *)"p";
		pk[i].file = file;
	}
	pk[0].fiscal_year_set = 1;	/* 2025, public */
	pk[0].fiscal_year = 2025;
	pk[0].raw_fiscal_year = raw("2025", 5);
	pk[1].internal = 1;		/* the latest year, internal */
	pk[2].fiscal_year_set = 1;	/* a year of no program */
	pk[2].fiscal_year = 2024;
	pk[2].raw_fiscal_year = raw("2024", 5);
	ab[0] = ba[1] = &o[0];
	ab[1] = ba[0] = &o[1];

	b = pb_figures_base_new(&m, m.project.as_of);
	for (i = 0; i < 2; i++) {
		pb_figures_base_add(b, &o[i], 0, &d);
		pb_figures_base_add(b, &o[i], 1, &d);
	}
	f[0] = pb_figures_of(b, ab, 2, &pk[0], &d);
	f[1] = pb_figures_of(b, ba, 2, &pk[1], &d);
	f[2] = pb_figures_of(b, ba, 2, &pk[2], &d);
	assert_int_equal(d.n, 0);
	for (i = 0; i < 3; i++) {
		assert_non_null(f[i]);
		expect(f[i], "packet.fiscal_year", year[i], NULL);
		expect(f[i], "packet.total_dmh_payment", total[i], NULL);
		expect(f[i], "packet.program_count", count[i], NULL);
		/* an organization's own figures: its latest year, always */
		expect(f[i], "one.required_peer_fte", "1.00", NULL);
		expect(f[i], "two.required_peer_fte", "2.00", NULL);
		expect(f[i], "one.y25.dmh_payment", "1000.00", NULL);
		expect(f[i], "two.y26.dmh_payment", "150.00", NULL);
		expect(f[i], "one.y25.meets_state_average_without_peer_notes",
		    "false", NULL);
		expect(f[i], "one.y26.meets_state_average_without_peer_notes",
		    "true", NULL);
		alone = pb_figures_compute(&m, i == 0 ? ab : ba, 2, &pk[i],
		    m.project.as_of, &d);
		assert_non_null(alone);
		same_set(f[i], alone);
		pb_figures_free(alone);
	}
	/* the totals name the programs of their year, in the packet's order
	 * of organizations */
	s = inputs_of(f[0], "packet.total_dmh_payment");
	assert_string_equal(s, "one.y25.dmh_payment\ntwo.y25.dmh_payment\n");
	free(s);
	s = inputs_of(f[1], "packet.total_dmh_payment");
	assert_string_equal(s, "two.y26.dmh_payment\none.y26.dmh_payment\n");
	free(s);
	s = inputs_of(f[1], "packet.programs_meeting_state_average_without_"
	    "peer_notes");
	assert_string_equal(s, "two.y26.meets_state_average_without_peer_"
	    "notes\none.y26.meets_state_average_without_peer_notes\n");
	free(s);
	expect(f[1], "packet.programs_meeting_state_average_without_peer_notes",
	    "1", NULL);
	s = inputs_of(f[1], "one.required_peer_fte");
	assert_string_equal(s, "one.y26.required_peer_fte\n");
	free(s);
	/* the public packet has no member's figure; the internal one has */
	assert_null(pb_figures_get(f[0], "one.ps.certification_due"));
	assert_non_null(pb_figures_get(f[1], "one.ps.certification_due"));
	for (i = 0; i < 3; i++)
		pb_figures_free(f[i]);
	pb_figures_base_free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_program_example),
		cmocka_unit_test(test_half_cent),
		cmocka_unit_test(test_state_average_ceiling),
		cmocka_unit_test(test_zero),
		cmocka_unit_test(test_small_share),
		cmocka_unit_test(test_required_fte),
		cmocka_unit_test(test_staffing),
		cmocka_unit_test(test_certifications),
		cmocka_unit_test(test_cert_status),
		cmocka_unit_test(test_practices),
		cmocka_unit_test(test_provenance),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_shared_years),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
