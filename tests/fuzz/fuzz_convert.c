/*
 * fuzz_convert.c - libFuzzer harness for the convert path: one position
 * read (Markdown or XML), figure references refused, then rendered with
 * the repository's real stylesheets as an HTML fragment and as a
 * standalone DocBook document, the way `peerbrief convert` does it.
 *
 * Input: the first byte selects the reader; the rest is the file.
 *   bit 0 clear: Markdown (pb_markdown_read), as "0" starts the seeds;
 *   bit 0 set:   XML (pb_xmlpos_read), validated against
 *                schema/position.rng as convert does ("1"), or, with
 *                bit 1 also set, not validated ("3"): the reader's own
 *                cleaning is then all that stands between the input and
 *                the stylesheets, as for any caller that passes no schema.
 * The stylesheets and the schema are compiled once in
 * LLVMFuzzerInitialize, from $FUZZ_TEMPLATES and $FUZZ_SCHEMA, else
 * ../../templates and ../../schema beside the binary; everything else is
 * made and freed in each iteration, so LeakSanitizer sees any leak of the
 * path.
 *
 * Besides crashes, leaks and undefined behaviour, the harness checks one
 * promise of the design: no URL that a browser would run reaches the
 * HTML (and no script or event handler), and no such URL reaches the
 * DocBook output. A violation aborts with the offending output.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libexslt/exslt.h>

#include "harness.h"
#include "inject.h"
#include "pb.h"
#include "position.h"
#include "render.h"
#include "schema.h"
#include "xmlread.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Compiled once; freed by the exit handler. */
static struct pb_styles	*styles;
static struct pb_schema	*posschema;

static void
fuzz_exit(void)
{
	pb_styles_free(styles);
	styles = NULL;
	pb_schema_free(posschema);
	posschema = NULL;
	pb_xml_cleanup();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct pb_diags	 d = { NULL, 0, 0, 0 };
	char		*tdir, *sdir;

	(void)argc;
	(void)argv;
	xmlInitParser();
	exsltRegisterAll();
	pb_xml_init(NULL);
	tdir = fuzz_data_dir("FUZZ_TEMPLATES", "templates");
	if ((styles = pb_styles_load(tdir, &d)) == NULL)
		fuzz_setup_failed("loading the stylesheets", &d);
	sdir = fuzz_data_dir("FUZZ_SCHEMA", "schema");
	pb_xml_allow(sdir);
	if ((posschema = pb_schema_load(sdir, "position.rng", &d)) == NULL)
		fuzz_setup_failed("loading schema/position.rng", &d);
	pb_diags_free(&d);
	free(sdir);
	free(tdir);
	atexit(fuzz_exit);
	return 0;
}

/*
 * Returns non-zero when a browser would run url or read local files with
 * it: the URL is read the way the WHATWG URL parser reads it (leading and
 * trailing C0 controls and spaces dropped, tabs and newlines removed
 * everywhere), then its scheme is checked against the list of DESIGN.md.
 */
static int
browser_unsafe(const xmlChar *url)
{
	char		 s[64];
	size_t		 n = 0;
	const xmlChar	*p;

	for (p = url; *p != '\0' && *p <= 0x20; p++)
		;
	for (; *p != '\0' && n + 1 < sizeof(s); p++) {
		if (*p == '\t' || *p == '\n' || *p == '\r')
			continue;
		s[n++] = (char)tolower(*p);
	}
	s[n] = '\0';
	if (strncmp(s, "javascript:", 11) == 0 ||
	    strncmp(s, "vbscript:", 9) == 0 || strncmp(s, "file:", 5) == 0)
		return 1;
	if (strncmp(s, "data:", 5) == 0)
		return !(strncmp(s, "data:image/png", 14) == 0 ||
		    strncmp(s, "data:image/gif", 14) == 0 ||
		    strncmp(s, "data:image/jpeg", 15) == 0 ||
		    strncmp(s, "data:image/webp", 15) == 0);
	return 0;
}

/* Attributes whose value a browser or a DocBook tool follows as a URL. */
static int
url_attr(const xmlChar *name)
{
	static const char *const names[] = {
		"href", "src", "action", "formaction", "poster", "background",
		"cite", "data", "fileref", "url", "srcset"
	};
	size_t	 i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (xmlStrcasecmp(name, BAD_CAST names[i]) == 0)
			return 1;
	return 0;
}

/* Elements the stylesheets must never make from input. */
static int
bad_element(const xmlChar *name)
{
	static const char *const names[] = {
		"script", "iframe", "frame", "frameset", "object", "embed",
		"applet", "base", "form", "meta", "link"
	};
	size_t	 i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (xmlStrcasecmp(name, BAD_CAST names[i]) == 0)
			return 1;
	return 0;
}

/* Aborts with the output and the reason: libFuzzer saves the input. */
static void
violation(const char *what, const xmlChar *detail, const struct pb_buf *out)
{
	fprintf(stderr, "fuzz_convert: %s: '%s'\n--- output ---\n%.*s\n",
	    what, detail ? (const char *)detail : "",
	    (int)(out->len > 4096 ? 4096 : out->len),
	    out->data ? out->data : "");
	abort();
}

/* Checks every element and attribute of a parsed output, iteratively. */
static void
check_tree(xmlNodePtr top, int html, const struct pb_buf *out)
{
	xmlNodePtr	 n = top;
	xmlAttrPtr	 a;
	xmlChar		*v;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE) {
			if (html && bad_element(n->name))
				violation("forbidden element", n->name, out);
			for (a = n->properties; a != NULL; a = a->next) {
				if (html && xmlStrncasecmp(a->name,
				    BAD_CAST "on", 2) == 0)
					violation("event handler attribute",
					    a->name, out);
				if (!url_attr(a->name))
					continue;
				v = xmlNodeGetContent((xmlNodePtr)a);
				if (v != NULL && browser_unsafe(v))
					violation("unsafe URL", v, out);
				xmlFree(v);
			}
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != top && n->next == NULL)
			n = n->parent;
		if (n == top)
			break;
		n = n->next;
	}
}

/*
 * Parses the HTML fragment the way a browser would (libxml2's HTML
 * parser, which decodes character references in attribute values).
 */
static void
check_html(const struct pb_buf *out)
{
	htmlDocPtr	 doc;

	if (out->len == 0 || out->len > INT32_MAX)
		return;
	doc = htmlReadMemory(out->data, (int)out->len, "fragment.html",
	    "UTF-8", HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_NONET);
	if (doc == NULL)
		return;
	check_tree(xmlDocGetRootElement(doc), 1, out);
	xmlFreeDoc(doc);
}

/* The DocBook output must be well-formed XML with safe URLs. */
static void
check_docbook(const struct pb_buf *out)
{
	xmlDocPtr	 doc;

	if (out->len == 0 || out->len > INT32_MAX)
		return;
	doc = xmlReadMemory(out->data, (int)out->len, "out.dbk", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    XML_PARSE_HUGE);
	if (doc == NULL)
		violation("DocBook output is not well-formed", NULL, out);
	check_tree(xmlDocGetRootElement(doc), 0, out);
	xmlFreeDoc(doc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pb_read_opts	 o = { .require_title = 0,
				    .max_bytes = 128 * 1024 };
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_buf		 html = { NULL, 0, 0 }, dbk = { NULL, 0, 0 };
	xmlDocPtr		 doc;
	const char		*file, *text;
	size_t			 len;
	int			 xml;
	struct pb_refs		 refs = { NULL, 0, NULL, 0, NULL, 0 };

	if (size < 1)
		return 0;
	xml = data[0] & 1;
	if (xml && !(data[0] & 2))
		o.schema = posschema;
	text = (const char *)data + 1;
	len = size - 1;
	file = xml ? "fuzz.xml" : "fuzz.md";
	doc = xml ? pb_xmlpos_read(file, text, len, NULL, &o, &refs, &d) :
	    pb_markdown_read(file, text, len, NULL, &o, &refs, &d);
	if (doc != NULL && pb_inject(xmlDocGetRootElement(doc), &refs, NULL,
	    PB_INJECT_FORBID, NULL, &d)) {
		if (pb_render(styles, PB_FMT_HTML, doc, 0, 0, file, &html,
		    &d))
			check_html(&html);
		if (pb_render(styles, PB_FMT_DOCBOOK, doc, 1, 0, file, &dbk,
		    &d))
			check_docbook(&dbk);
	}
	if (fuzz_verbose(file, &d))
		fprintf(stderr, "html %zu bytes, docbook %zu bytes\n",
		    html.len, dbk.len);
	xmlFreeDoc(doc);
	pb_refs_free(&refs);
	pb_buf_free(&html);
	pb_buf_free(&dbk);
	pb_diags_free(&d);
	/* libxml2 keeps a copy of the last error until the next one: drop it,
	 * so every iteration frees all it allocates (libFuzzer's leak check
	 * compares counts and would re-run the input under LSan). */
	xmlResetLastError();
	return 0;
}
