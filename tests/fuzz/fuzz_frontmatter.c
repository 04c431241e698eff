/*
 * fuzz_frontmatter.c - libFuzzer harness for YAML front matter: the input
 * is put between "---\ntitle: T\n" and "\n---\nBody.\n", so every
 * iteration reaches the front matter reader (splitting, the size and
 * depth limits checked on events, libyaml's document, duplicate keys,
 * each key's type and value), then the Markdown body after it.
 *
 * Besides crashes, leaks and undefined behaviour, the harness checks that
 * every diagnostic is placed inside the file: a line between 1 and the
 * file's line count, and a column no further than that line's length
 * plus one.
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

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	xmlInitParser();
	return 0;
}

/* Aborts when diagnostic g lies outside the len bytes of text. */
static void
check_place(const struct pb_diag *g, const char *text, size_t len)
{
	unsigned long	 line = 1;
	size_t		 i, start = 0, width;

	if (g->line == 0)
		return;		/* the whole file */
	for (i = 0; i < len && line < g->line; i++)
		if (text[i] == '\n') {
			line++;
			start = i + 1;
		}
	if (line < g->line) {
		fprintf(stderr, "fuzz_frontmatter: '%s' at line %lu of a file "
		    "of %lu lines\n", g->msg, g->line, line);
		abort();
	}
	for (width = 0; start + width < len && text[start + width] != '\n';
	    width++)
		;
	if (g->col > width + 1) {
		fprintf(stderr, "fuzz_frontmatter: '%s' at %lu:%lu, a line "
		    "of %zu bytes\n", g->msg, g->line, g->col, width);
		abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char head[] = "---\ntitle: T\n", tail[] = "\n---\nBody.\n";
	struct pb_read_opts	 o = { 1, 0, NULL, NULL };
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_refs		 refs = { NULL, 0, NULL, 0, NULL, 0 };
	struct pb_buf		 b = { NULL, 0, 0 };
	xmlDocPtr		 doc;
	size_t			 i;

	pb_buf_put(&b, head, sizeof(head) - 1);
	pb_buf_put(&b, (const char *)data, size);
	pb_buf_put(&b, tail, sizeof(tail) - 1);
	doc = pb_markdown_read("fuzz.md", b.data, b.len, "fuzz", &o, &refs,
	    &d);
	for (i = 0; i < d.n; i++)
		check_place(&d.v[i], b.data, b.len);
	(void)fuzz_verbose("pb_markdown_read", &d);
	xmlFreeDoc(doc);
	pb_refs_free(&refs);
	pb_diags_free(&d);
	pb_buf_free(&b);
	xmlResetLastError();
	return 0;
}
