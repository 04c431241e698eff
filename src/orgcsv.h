/*
 * orgcsv.h - an organization as spreadsheets (input/orgs/ID/ with
 * organization.csv, programs.csv and staff.csv), turned into the same
 * <organization> tree an orgs/ID.xml file parses to, so that one schema
 * and one set of checks serve both forms.
 */
#ifndef PB_ORGCSV_H
#define PB_ORGCSV_H

#include <libxml/tree.h>

#include "pb.h"

/* The files of the folder, in this order. */
enum pb_orgcsv_file {
	PB_ORGCSV_ORGANIZATION,
	PB_ORGCSV_PROGRAMS,
	PB_ORGCSV_STAFF,
	PB_ORGCSV__MAX
};

/* "organization.csv", "programs.csv", "staff.csv". */
const char *pb_orgcsv_name(enum pb_orgcsv_file f);

/*
 * Reads the CSV files named by files (organization.csv must exist; a
 * NULL or absent programs.csv or staff.csv means none) and returns the
 * <organization> document they describe, every element and attribute
 * carrying in its _private the struct pb_src of the cell it came from
 * (whose file points into files, which must outlive the document). On a
 * problem of the files' shape (a quote left open, an unknown or missing
 * column, an unknown field) it is recorded in d and NULL is returned
 * when nothing useful could be built. Free with pb_orgcsv_free.
 */
xmlDocPtr pb_orgcsv_read(char *const files[PB_ORGCSV__MAX],
    struct pb_diags *d);

/* Frees a document of pb_orgcsv_read and its positions; NULL: no-op. */
void pb_orgcsv_free(xmlDocPtr doc);

#endif /* PB_ORGCSV_H */
