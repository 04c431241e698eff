/*
 * xmlread.h - the one way peerbrief parses XML: no network, no external
 * entities, no DTD, every load attempt refused and reported, every
 * problem reported at its file:line:col.
 */
#ifndef PB_XMLREAD_H
#define PB_XMLREAD_H

#include <libxml/tree.h>

#include "pb.h"

/*
 * Sets up libxml2 for the process: the refusing external-entity loader.
 * Call once before any parsing. roots are the folders (NULL-terminated
 * list) from which stylesheets may load files; copied.
 */
void pb_xml_init(const char *const *roots);

/* Adds a folder from which loads are allowed (e.g. the staging folder). */
void pb_xml_allow(const char *dir);

/*
 * Returns non-zero when url (a file name or file:// URL) lies inside one
 * of the allowed folders once symbolic links are resolved.
 */
int pb_xml_allowed(const char *url);

/* Frees what pb_xml_init set up. */
void pb_xml_cleanup(void);

/*
 * Parses data (len bytes) named file. Returns a new document the caller
 * frees with xmlFreeDoc, or NULL with every problem recorded in d.
 * A DOCTYPE, an entity declaration or any load attempt is an error.
 */
xmlDocPtr pb_xml_parse(const char *file, const char *data, size_t len,
    struct pb_diags *d);

/*
 * pb_xml_parse, where known (prefix, URI, ..., NULL) lists the prefixes
 * a file of its kind uses: one that no xmlns: declares is an error, said
 * once at its first use, but when it is the file's only problem the
 * document is returned, read as if it were declared on the root, so the
 * file's other problems can still be found. The caller then has errors
 * in d beside a document.
 */
xmlDocPtr pb_xml_parse_ns(const char *file, const char *data, size_t len,
    const char *const *known, struct pb_diags *d);

#endif /* PB_XMLREAD_H */
