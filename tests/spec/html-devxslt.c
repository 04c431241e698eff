/*
 * html-devxslt - development helper: applies an HTML stylesheet to a tree
 * file and serializes the result the way the program does (src/render.c:
 * libxml2's XHTML serializer, no XML declaration, UTF-8), so the output of
 * templates/html.xsl can be checked before `peerbrief convert` exists.
 * xsltproc is not enough for that: its HTML serializer writes <br>, and
 * it %-escapes href/src values again.
 *
 * Usage: html-devxslt STYLESHEET TREE [NAME=VALUE...]   (TREE "-": stdin)
 * Each NAME=VALUE is passed as a string parameter.
 *
 * Build: cc -std=c11 -W -Wall -Wextra -pedantic html-devxslt.c \
 *          $(pkg-config --cflags --libs libxslt libxml-2.0)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlsave.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

int
main(int argc, char **argv)
{
	xsltStylesheetPtr	 st;
	xsltTransformContextPtr	 ctxt;
	xmlDocPtr		 tree, res;
	xmlBufferPtr		 b;
	xmlSaveCtxtPtr		 sv;
	int			 i, rc = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: html-devxslt STYLESHEET TREE "
		    "[NAME=VALUE...]\n");
		return 2;
	}
	if ((st = xsltParseStylesheetFile(BAD_CAST argv[1])) == NULL)
		return 3;
	tree = xmlReadFile(argv[2], NULL, XML_PARSE_NONET);
	if (tree == NULL)
		return 3;
	ctxt = xsltNewTransformContext(st, tree);
	for (i = 3; i < argc; i++) {
		char *eq = strchr(argv[i], '=');

		if (eq == NULL) {
			fprintf(stderr, "html-devxslt: %s: not NAME=VALUE\n",
			    argv[i]);
			return 2;
		}
		*eq = '\0';
		xsltQuoteOneUserParam(ctxt, BAD_CAST argv[i], BAD_CAST (eq + 1));
	}
	res = xsltApplyStylesheetUser(st, tree, NULL, NULL, NULL, ctxt);
	if (res == NULL || ctxt->state != XSLT_STATE_OK)
		return 3;

	/* As save_html() in src/render.c. */
	b = xmlBufferCreate();
	sv = xmlSaveToBuffer(b, "UTF-8", XML_SAVE_XHTML | XML_SAVE_NO_DECL |
	    XML_SAVE_NO_EMPTY);
	if (sv == NULL || xmlSaveDoc(sv, res) < 0)
		rc = 3;
	if (sv != NULL && xmlSaveClose(sv) < 0)
		rc = 3;
	if (rc == 0)
		fwrite(xmlBufferContent(b), 1, (size_t)xmlBufferLength(b),
		    stdout);
	xmlBufferFree(b);
	xmlFreeDoc(res);
	xsltFreeTransformContext(ctxt);
	xmlFreeDoc(tree);
	xsltFreeStylesheet(st);
	return rc;
}
