/*
 * model.h - the data model: the project (input/peerbrief.xml), the
 * organizations (input/orgs/ID.xml, or input/orgs/ID/ as spreadsheets) and
 * the packets (input/packets/ID.xml),
 * read, validated against schema/ and checked for values that cannot be
 * true. Every value keeps the file, line and column it came from.
 */
#ifndef PB_MODEL_H
#define PB_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "arith.h"
#include "pb.h"

/* A raw input value: its text as written and where it was written. */
struct pb_raw {
	char		*text;
	struct pb_src	 src;
};

enum pb_param {
	PB_PARAM_MEDICAID_SHARE,
	PB_PARAM_STATE_AVERAGE_RDAY_RATE,
	PB_PARAM_CERTIFICATION_WINDOW_MONTHS,
	PB_PARAM_PEER_FTE_PER_100,
	PB_PARAM_MAX_FAMILY_PARTNER_SHARE,
	PB_PARAM_MAX_RECOVERY_COACH_SHARE,
	PB_PARAM__MAX
};

struct pb_project {
	char		*file;
	struct pb_src	 root;		/* the <project> element, where a
					 * warning about the whole file goes */
	char		*title;
	char		*publisher;
	char		*base_url;	/* NULL: none, or an empty one */
	int		 no_address;	/* an empty <base-url/>: none yet, on
					 * purpose, so no warning of it */
	char		*language;
	char		*contact;	/* e-mail or URL, NULL when not given */
	char		*description;	/* for the index page, or NULL */
	struct pb_date	 as_of;
	struct pb_raw	 as_of_raw;
	/* Parameters: ratios exact; window a count; fte per 100 in hundredths. */
	struct pb_ratio	 medicaid_share;
	struct pb_ratio	 state_average_rday_rate;
	int64_t		 certification_window_months;
	int64_t		 peer_fte_per_100;
	struct pb_ratio	 max_family_partner_share;
	struct pb_ratio	 max_recovery_coach_share;
	struct pb_raw	 param[PB_PARAM__MAX];
	int		 broken;	/* read with errors */
};

enum pb_practice {
	PB_PR_PROGRESS_NOTES,
	PB_PR_TREATMENT_PLANS,
	PB_PR_MEDICATION,
	PB_PR_REP_PAYEE,
	PB_PR_TEAM_STRUCTURE,
	PB_PR_SUPERVISION,
	PB_PR_HUMAN_RIGHTS_OFFICER,
	PB_PR_HARM_REDUCTION,
	PB_PR__MAX
};

enum pb_role {
	PB_ROLE_PEER_SPECIALIST,
	PB_ROLE_RECOVERY_COACH,
	PB_ROLE_FAMILY_PARTNER,
	PB_ROLE_YOUNG_ADULT_PEER_MENTOR,
	PB_ROLE_OLDER_ADULT_PEER_SPECIALIST,
	PB_ROLE_PEER_SUPERVISOR,
	PB_ROLE__MAX
};

struct pb_program {
	char		*id;
	struct pb_src	 src;		/* the <program> element */
	char		*contract;
	int64_t		 fiscal_year;
	int64_t		 enrolled_persons;
	int64_t		 enrolled_days;
	int64_t		 daily_rate;	/* cents */
	int64_t		 rdays_staff;
	int64_t		 rdays_peer;
	struct pb_raw	 raw_fiscal_year;
	struct pb_raw	 raw_persons;
	struct pb_raw	 raw_days;
	struct pb_raw	 raw_rate;
	struct pb_raw	 raw_staff;
	struct pb_raw	 raw_peer;
};

struct pb_member {
	char		*id;
	struct pb_src	 src;
	enum pb_role	 role;
	int64_t		 fte;		/* hundredths */
	struct pb_date	 hired;
	int		 certified_set;
	struct pb_date	 certified;
	char		*training;	/* NULL when not given */
	int		 lived;		/* lived-experience: 1 yes, 0 no,
					 * -1 not given */
	struct pb_raw	 raw_role;
	struct pb_raw	 raw_fte;
	struct pb_raw	 raw_hired;
	struct pb_raw	 raw_certified;
	struct pb_raw	 raw_lived;
};

/* One contract of an organization, as written (the words are the
 * templates'). */
struct pb_contract {
	char		*type;		/* "ACCS" */
	char		*since;		/* YYYY-MM-DD */
};

struct pb_org {
	char		*id;
	char		*file;		/* orgs/ID.xml, or the folder orgs/ID */
	char		*csv[3];	/* the folder's organization.csv,
					 * programs.csv, staff.csv (NULL:
					 * absent, or an XML organization) */
	char		*name;
	char		*region;	/* NULL when not given */
	char		*source;
	struct pb_contract *contracts;	/* in the file's order */
	size_t		 ncontracts;
	int		 practice_set[PB_PR__MAX];
	struct pb_raw	 practice[PB_PR__MAX];
	struct pb_program *programs;
	size_t		 nprograms;
	struct pb_member *members;
	size_t		 nmembers;
	int		 broken;	/* read with errors: its figures are
					 * not known */
};

struct pb_ref {
	char		*id;
	struct pb_src	 src;
};

struct pb_packet {
	char		*id;
	char		*file;
	char		*title;
	char		*audience;
	char		*summary;
	struct pb_date	 date;
	struct pb_raw	 raw_date;
	int64_t		 edition;	/* 1 unless <edition> says otherwise */
	int		 internal;	/* visibility="internal" */
	int		 fiscal_year_set;	/* <fiscal-year> given */
	int64_t		 fiscal_year;
	struct pb_raw	 raw_fiscal_year;
	struct pb_ref	*orgs;
	size_t		 norgs;
	struct pb_ref	*positions;
	size_t		 npositions;
	struct pb_ref	*highlights;
	size_t		 nhighlights;
};

struct pb_works;

struct pb_model {
	struct pb_project  project;
	struct pb_org	  *orgs;
	size_t		   norgs;
	struct pb_packet  *packets;
	size_t		   npackets;
	char		 **positions;	/* ids of input/positions/ files */
	char		 **position_files; /* each one's file: ID.md or
					 * ID.xml */
	size_t		   npositions;
	struct pb_works	  *works;	/* references.xml; NULL: none */
	int		   broken;	/* read with errors: only its
					 * positions' list is to be used,
					 * and the parts below not broken */
	int		   orgs_broken;	/* orgs/ could not be listed in
					 * full: which are there is not known */
	int		   packets_broken; /* packets/ had errors: which
					 * positions each includes is not
					 * known */
	int		   works_broken; /* references.xml had errors */
};

/* The names used in files and figure names. */
const char *pb_practice_name(enum pb_practice p);
const char *pb_role_name(enum pb_role r);
const char *pb_param_name(enum pb_param p);	/* "medicaid_share" */

/*
 * Reads indir (peerbrief.xml, orgs/, packets/, references.xml; positions/
 * only listed) and validates it with the schemas in schemadir: only the
 * XML files (peerbrief.xml, orgs/ID.xml, packets/) whose content valid
 * does not know to follow its schema, adding to valid those found to
 * (pb_schema_trust); valid NULL: all. Returns a new model (free with
 * pb_model_free), broken when it had problems (each recorded in d), or
 * NULL when a schema could not be loaded.
 */
struct pb_valid;
struct pb_model *pb_model_read(const char *indir, const char *schemadir,
    struct pb_valid *valid, struct pb_diags *d);

/*
 * A model without an input folder: no organization, packet or position,
 * and a project whose parameters are the defaults (the param.* figures
 * convert shows). The caller frees it with pb_model_free.
 */
struct pb_model *pb_model_defaults(void);

/*
 * Sets *ids to the sorted ids of indir/packets/ID.xml that are valid ids,
 * saying nothing of the rest (for a hint; the read says the problems).
 * Returns the count; the caller frees each and *ids.
 */
size_t pb_model_packet_ids(const char *indir, char ***ids);

/* Frees a model; NULL is a no-op. */
void pb_model_free(struct pb_model *m);

/* The organization or packet with the id, or NULL. */
const struct pb_org *pb_model_org(const struct pb_model *m, const char *id);
/* The index of position id in m->positions, or (size_t)-1. */
size_t pb_model_position(const struct pb_model *m, const char *id);

const struct pb_packet *pb_model_packet(const struct pb_model *m,
    const char *id);

#endif /* PB_MODEL_H */
