/*
 * help.c - the words of the command line: the synopsis, description and
 * options of every command, the usage, and --version.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <libxml/parser.h>
#include <libxml/xmlversion.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltutils.h>
#include <yaml.h>

#include "cli.h"
#include "help.h"
#include "pb.h"

#define OPT_QUIET \
	"  -q, --quiet           print only errors\n"
#define OPT_HELP \
	"  -h, --help            print this help and exit\n"
#define OPT_COMMON OPT_QUIET \
	"  -v, --verbose         print warnings and the summary (the default;\n" \
	"                        undoes an earlier -q)\n" \
	OPT_HELP

static const struct pb_help helps[] = {
	{ "init", "[DIR]",
	  "Writes a new project into DIR (default: the current folder), which\n"
	  "must be new or empty: input/ with an organization in XML and one as\n"
	  "CSV, a position, a packet, and a README.\n",
	  "  -q, --quiet           print only errors, not how to build the project\n"
	  "  -v, --verbose         say how to build the project (the default;\n"
	  "                        undoes an earlier -q)\n"
	  OPT_HELP },
	{ "build", "[-i input] [-o out] [-T templates] [-j N] [--packet ID] "
	  "[--pdf]",
	  "Validates the input folder, computes every figure and renders every\n"
	  "packet into the output folder, replacing it only when all succeeded.\n"
	  "Packets whose inputs did not change are reused.\n",
	  "  -i, --input DIR       the input folder (default: input)\n"
	  "  -o, --output DIR      the output folder (default: out); never the\n"
	  "                        input folder, inside it, or around it\n"
	  "  -T, --templates DIR   the templates folder (default: the installed\n"
	  "                        one); -t DIR is the same\n"
	  "  -j, --jobs N          N worker threads (default: the number of cores)\n"
	  "  -p, --packet ID       build packet ID only: the others keep their\n"
	  "                        output as it is (built when they have none);\n"
	  "                        the index, feed and sitemap list them all\n"
	  "      --pdf             also print each packet to ID/ID.pdf with headless\n"
	  "                        Chromium (PEERBRIEF_CHROMIUM, else chromium on\n"
	  "                        PATH; PEERBRIEF_PDF_TIMEOUT seconds per packet)\n"
	  OPT_QUIET
	  "  -v, --verbose         also say for each packet whether it was built or\n"
	  "                        its output reused, and why, and how long each\n"
	  "                        stage of the build took (undoes an earlier -q)\n"
	  OPT_HELP },
	{ "check", "[-i input]",
	  "Reads, validates and computes everything, as build does, and writes\n"
	  "nothing.\n",
	  "  -i, --input DIR       the input folder (default: input)\n"
	  OPT_QUIET
	  "  -v, --verbose         also say, when there is no error, how many\n"
	  "                        packets, organizations and positions were\n"
	  "                        checked (undoes an earlier -q)\n"
	  OPT_HELP },
	{ "figures", "[-i input] [--packet ID] [--as-of DATE] "
	  "[--format text|json|csv]",
	  "Prints every figure (of one packet with --packet): name, exact value,\n"
	  "unit and display.\n",
	  "  -i, --input DIR       the input folder (default: input)\n"
	  "  -p, --packet ID       the figures of packet ID, packet.* included\n"
	  "      --as-of DATE      date-relative figures on DATE (YYYY-MM-DD)\n"
	  "  -F, --format FORMAT   text (an aligned table, the default), json or csv\n"
	  OPT_COMMON },
	{ "explain", "NAME [-i input] [--packet ID] [--as-of DATE]",
	  "Prints one figure's value, formula and inputs, each with the file,\n"
	  "line and column it was read from. A packet.* figure needs --packet.\n",
	  "  -i, --input DIR       the input folder (default: input)\n"
	  "  -p, --packet ID       the packet whose figures NAME is among\n"
	  "      --as-of DATE      date-relative figures on DATE (YYYY-MM-DD)\n"
	  OPT_COMMON },
	{ "convert", "[-t html|docbook] [--standalone] [-o FILE] "
	  "[-i input --packet ID] [FILE|-]",
	  "Turns one position (Markdown, or XML by its .xml name) into an HTML\n"
	  "fragment, as cmark does, or DocBook; a whole document with\n"
	  "--standalone. Reads standard input without FILE or with -.\n"
	  "param.* figures show their values; other figures need --packet.\n",
	  "  -t, --to FORMAT       html (the default) or docbook\n"
	  "  -s, --standalone      a whole document, not a fragment\n"
	  "  -o, --output FILE     write to FILE instead of standard output\n"
	  "  -f, --from FORMAT     markdown or xml, whatever FILE's name says\n"
	  "  -i, --input DIR       param.* figures from DIR's project (default:\n"
	  "                        the defaults; with --packet: input)\n"
	  "  -p, --packet ID       the position as packet ID's page shows it: its\n"
	  "                        figures, tables, charts and citation numbers\n"
	  "                        (with --standalone, the whole page)\n"
	  "  -T, --templates DIR   the templates folder (default: the installed one)\n"
	  "      --max-input-size BYTES  refuse Markdown over BYTES (default\n"
	  "                        131072; 0: no limit)\n"
	  OPT_COMMON },
	{ "help", "[COMMAND]",
	  "Prints the usage of every command, or the help of one.\n"
	  "-q and -v may also be written before any command (peerbrief -q build).\n",
	  "  -q, --quiet           taken, as by every command: the help is printed\n"
	  "  -v, --verbose         taken, as by every command\n"
	  OPT_HELP },
	{ NULL, NULL, NULL, NULL }
};

const struct pb_help *
pb_help_of(const char *name)
{
	size_t	 i;

	for (i = 0; helps[i].name != NULL; i++)
		if (strcmp(helps[i].name, name) == 0)
			return &helps[i];
	return NULL;
}

size_t
pb_help_names(const char **names, size_t max)
{
	size_t	 i;

	for (i = 0; helps[i].name != NULL && i < max; i++)
		names[i] = helps[i].name;
	return i;
}

void
pb_usage(FILE *f)
{
	size_t	 i;

	for (i = 0; helps[i].name != NULL; i++)
		fprintf(f, "%s peerbrief %-7s %s\n", i == 0 ? "usage:" :
		    "      ", helps[i].name, helps[i].synopsis);
	fprintf(f, "       peerbrief --version\n"
	    "Run 'peerbrief help COMMAND' (or 'peerbrief COMMAND --help') for "
	    "a command's options.\n");
}

int
pb_help_print(const struct pb_help *h)
{
	printf("usage: peerbrief %s %s\n\n%s", h->name, h->synopsis, h->what);
	if (h->options[0] != '\0')
		printf("\nOptions:\n%s", h->options);
	return pb_flush_out();
}

int
pb_version(void)
{
	long	 x = strtol(xmlParserVersion, NULL, 10);
	long	 t = xsltLibxsltVersion;

	printf("peerbrief %s\n"
	    "libxml2 %ld.%ld.%ld, libxslt %ld.%ld.%ld, cmark %s, libyaml %s\n"
	    "Copyright (c) 2026 the peerbrief authors. ISC license.\n",
	    PB_VERSION, x / 10000, x / 100 % 100, x % 100, t / 10000,
	    t / 100 % 100, t % 100, cmark_version_string(),
	    yaml_get_version_string());
	return pb_flush_out();
}
