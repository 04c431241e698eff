/*
 * fuzz_xmlpos.c - libFuzzer harness for the XML position reader: the
 * input is an XML position, read with pb_xmlpos_read and validated
 * against schema/position.rng (from $FUZZ_SCHEMA, else ../../schema
 * beside the binary, compiled once), as a build reads it.
 *
 * Besides crashes, leaks and undefined behaviour, the harness checks the
 * reader's promise that each figure reference is placed at its own start
 * tag: every recorded position lies inside the file, and unless it is a
 * line's first column (where a file whose encoding hides its markup is
 * placed) the byte there is the "<" of a tag.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "harness.h"
#include "pb.h"
#include "position.h"
#include "schema.h"
#include "xmlread.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct pb_schema	*posschema;

static void
fuzz_exit(void)
{
	pb_schema_free(posschema);
	posschema = NULL;
	pb_xml_cleanup();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct pb_diags	 d = { NULL, 0, 0, 0 };
	char		*sdir;

	(void)argc;
	(void)argv;
	xmlInitParser();
	pb_xml_init(NULL);
	sdir = fuzz_data_dir("FUZZ_SCHEMA", "schema");
	pb_xml_allow(sdir);
	if ((posschema = pb_schema_load(sdir, "position.rng", &d)) == NULL)
		fuzz_setup_failed("loading schema/position.rng", &d);
	pb_diags_free(&d);
	free(sdir);
	atexit(fuzz_exit);
	return 0;
}

/* Aborts unless line:col of the size bytes at data is a tag's "<". */
static void
check_ref(const struct pb_src *s, const uint8_t *data, size_t size)
{
	unsigned long	 line = 1;
	size_t		 i, start = 0;

	for (i = 0; i < size && line < s->line; i++)
		if (data[i] == '\n') {
			line++;
			start = i + 1;
		}
	if (s->line == 0 || line < s->line || start + s->col - 1 > size ||
	    (s->col > 1 && (start + s->col - 1 == size ||
	    data[start + s->col - 1] != '<'))) {
		fprintf(stderr, "fuzz_xmlpos: a reference placed at %lu:%lu, "
		    "not at a tag\n", s->line, s->col);
		abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pb_read_opts	 o = { 1, 0, NULL, NULL };
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_refs		 refs = { NULL, 0, NULL, 0, NULL, 0 };
	xmlDocPtr		 doc;
	size_t			 i;

	o.schema = posschema;
	doc = pb_xmlpos_read("fuzz.xml", (const char *)data, size, "fuzz", &o,
	    &refs, &d);
	if (doc != NULL)
		for (i = 0; i < refs.n; i++)
			check_ref(&refs.v[i], data, size);
	(void)fuzz_verbose("pb_xmlpos_read", &d);
	xmlFreeDoc(doc);
	pb_refs_free(&refs);
	pb_diags_free(&d);
	xmlResetLastError();
	return 0;
}
