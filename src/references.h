/*
 * references.h - input/references.xml, the works that positions cite, and
 * the citations of one packet: checked, numbered in order of first
 * citation, and listed once each in the packet's References.
 */
#ifndef PB_REFERENCES_H
#define PB_REFERENCES_H

#include <libxml/tree.h>

#include "pb.h"

struct pb_refs;

/* One work that may be cited; every string is owned by the set. */
struct pb_work {
	char		 *id;
	char		 *title;
	char		**authors;
	size_t		  nauthors;
	char		 *publisher;	/* NULL when not given */
	char		 *date;		/* YYYY, YYYY-MM or YYYY-MM-DD, or NULL */
	char		 *url;		/* http(s), or NULL */
	struct pb_src	  src;		/* the id attribute */
};

/* The works of references.xml, in the file's order. */
struct pb_works {
	char		*file;
	struct pb_work	*v;
	size_t		 n;
};

/*
 * Reads indir/references.xml, validated with schemadir/references.rng.
 * Returns a new set (free with pb_works_free); NULL when the file does
 * not exist (not an error: citations then are) or with the problems
 * recorded in d.
 */
struct pb_works *pb_works_read(const char *indir, const char *schemadir,
    struct pb_diags *d);

/* Frees a set; NULL is a no-op. */
void pb_works_free(struct pb_works *w);

/* The works one packet cites, in order of first citation. */
struct pb_cited {
	size_t		  work;		/* index into the set */
	char		**locs;		/* the distinct locators, first use first */
	size_t		  nlocs;
};

struct pb_citations {
	struct pb_cited	*v;
	size_t		 n;
};

/*
 * Checks every pb:cite under top (a position's tree, read from its
 * @source; the k-th written at refs->cite[k], refs may be NULL: then at
 * its parse line) against works (NULL: there is no references.xml, and every citation is an error
 * at its position; an unknown id is one too, with the nearest ids
 * suggested). With c not NULL, also numbers them: each pb:cite gets
 * n (the work's number in c, counting from 1 in order of first citation)
 * and anchor ("ref-ID"), and c records the work and its locator. Returns
 * 0 when there was any error.
 */
int pb_cite_resolve(xmlNodePtr top, const struct pb_refs *refs,
    const struct pb_works *works, struct pb_citations *c,
    struct pb_diags *d);

/*
 * Appends <pb:references> to parent: each work of c, in c's order, with
 * n, anchor, its title, authors, publisher, date (value attribute) and
 * URL, and a pb:locator for each locator used. Nothing when c is empty.
 */
void pb_cite_list(xmlNodePtr parent, const struct pb_works *works,
    const struct pb_citations *c);

/* Frees what c holds (not c itself); NULL is a no-op. */
void pb_citations_free(struct pb_citations *c);

#endif /* PB_REFERENCES_H */
