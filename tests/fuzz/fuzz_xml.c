/*
 * fuzz_xml.c - libFuzzer harness for the XML readers: pb_xml_parse on the
 * raw bytes, then the model reader on an input folder that holds them.
 *
 * LLVMFuzzerInitialize makes a temporary input folder with a valid
 * peerbrief.xml, one packet (packets/pk.xml) naming organization "fuzz"
 * and position "pos", and positions/pos.md, and reads that position once
 * into a tree. Each iteration then writes the input as one of the
 * folder's files, chosen by what it looks like:
 *   - it contains "<project": peerbrief.xml;
 *   - else it contains "<packet": packets/pk.xml;
 *   - else (the common case): orgs/fuzz.xml,
 * with the valid version of the other files, and runs what `peerbrief
 * build` runs on the model: pb_model_read (schemas from $FUZZ_SCHEMA, else
 * ../../schema beside the binary), the figures of every organization
 * (src/main.c run_figures) and of every packet, their JSON, CSV and text
 * reports and every figure's explanation, and the packet's tree with the
 * position injected (pb_packet_assemble). Everything an iteration makes it
 * frees, so LeakSanitizer sees any leak of those paths.
 */
#define _GNU_SOURCE		/* memmem */
#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "figures.h"
#include "harness.h"
#include "model.h"
#include "packet.h"
#include "pb.h"
#include "position.h"
#include "report.h"
#include "xmlread.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char project_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<project xmlns=\"urn:peerbrief:1\">\n"
    "  <title>Fuzz series</title>\n"
    "  <publisher>Fuzz</publisher>\n"
    "  <base-url>https://example.org/</base-url>\n"
    "  <language>en</language>\n"
    "  <as-of>2026-11-01</as-of>\n"
    "  <parameters>\n"
    "    <medicaid-share>0.50</medicaid-share>\n"
    "    <state-average-rday-rate>0.25</state-average-rday-rate>\n"
    "    <certification-window-months>6</certification-window-months>\n"
    "    <peer-fte-per-100-enrolled>2.00</peer-fte-per-100-enrolled>\n"
    "    <max-family-partner-share>0.25</max-family-partner-share>\n"
    "    <max-recovery-coach-share>0.34</max-recovery-coach-share>\n"
    "  </parameters>\n"
    "</project>\n";

static const char packet_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<packet xmlns=\"urn:peerbrief:1\">\n"
    "  <title>Fuzz packet</title>\n"
    "  <date>2026-11-15</date>\n"
    "  <organizations><org ref=\"fuzz\"/></organizations>\n"
    "  <positions><position ref=\"pos\"/></positions>\n"
    "  <highlights><figure ref=\"packet.org_count\"/></highlights>\n"
    "</packet>\n";

static const char org_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<organization xmlns=\"urn:peerbrief:1\">\n"
    "  <name>Fuzz</name>\n"
    "  <source>Fuzz.</source>\n"
    "</organization>\n";

/* Every figure reference and every directive, for pb_packet_assemble. */
static const char position_md[] =
    "---\n"
    "title: Fuzz position\n"
    "---\n"
    "Payment `=packet.total_dmh_payment`, share "
    "`=packet.peer_note_share_of_payment`, orgs "
    "`=packet.org_count`, window `=param.certification_window_months`.\n"
    "\n"
    "```=funding\n```\n"
    "\n"
    "```=practices\n```\n"
    "\n"
    "```=staffing\n```\n"
    "\n"
    "```=certifications\n```\n"
    "\n"
    "```=figure packet.org_count\n```\n";

/* The files of the input folder and the tree of its position. */
enum { F_PROJECT, F_PACKET, F_ORG, F__MAX };
static const char *const rel[F__MAX] = {
	"peerbrief.xml", "packets/pk.xml", "orgs/fuzz.xml"
};
static const char *const good[F__MAX] = { project_xml, packet_xml, org_xml };
static char		*indir;
static char		*path[F__MAX];
static char		*pospath;
static int		 dirty[F__MAX];	/* holds fuzz input, not good[] */
static char		*schemadir;
static struct pb_position pos;

/* Writes len bytes to file p, replacing it; aborts on failure. */
static void
put(const char *p, const void *data, size_t len)
{
	FILE	*f;

	if ((f = fopen(p, "wb")) == NULL ||
	    (len > 0 && fwrite(data, 1, len, f) != len) || fclose(f) != 0) {
		fprintf(stderr, "fuzz_xml: %s: %s\n", p, strerror(errno));
		abort();
	}
}

static void
fuzz_exit(void)
{
	char	*p;
	size_t	 i;

	for (i = 0; i < F__MAX; i++) {
		unlink(path[i]);
		free(path[i]);
	}
	unlink(pospath);
	free(pospath);
	for (i = 0; i < 3; i++) {
		p = pb_xasprintf("%s/%s", indir, i == 0 ? "orgs" :
		    i == 1 ? "packets" : "positions");
		rmdir(p);
		free(p);
	}
	rmdir(indir);
	free(indir);
	free(schemadir);
	pb_position_free(&pos);
	pb_xml_cleanup();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct pb_read_opts	 o = { .require_title = 1, .max_bytes = 0 };
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	const char		*tmp, *roots[2] = { NULL, NULL };
	char			*p;
	size_t			 i;

	(void)argc;
	(void)argv;
	xmlInitParser();
	schemadir = fuzz_data_dir("FUZZ_SCHEMA", "schema");
	roots[0] = schemadir;
	pb_xml_init(roots);
	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = "/tmp";
	indir = pb_xasprintf("%s/pbfuzz.XXXXXX", tmp);
	if (mkdtemp(indir) == NULL) {
		fprintf(stderr, "fuzz_xml: %s: %s\n", indir, strerror(errno));
		abort();
	}
	for (i = 0; i < 3; i++) {
		p = pb_xasprintf("%s/%s", indir, i == 0 ? "orgs" :
		    i == 1 ? "packets" : "positions");
		if (mkdir(p, 0700) != 0) {
			fprintf(stderr, "fuzz_xml: %s: %s\n", p,
			    strerror(errno));
			abort();
		}
		free(p);
	}
	for (i = 0; i < F__MAX; i++) {
		path[i] = pb_xasprintf("%s/%s", indir, rel[i]);
		put(path[i], good[i], strlen(good[i]));
	}
	pospath = pb_xasprintf("%s/positions/pos.md", indir);
	put(pospath, position_md, strlen(position_md));
	if (!pb_position_read(pospath, "pos", 0, &o, &pos, &d))
		fuzz_setup_failed("reading the position", &d);
	pb_diags_free(&d);
	atexit(fuzz_exit);
	return 0;
}

/* Which file of the folder the input stands for. */
static int
role(const uint8_t *data, size_t size)
{
	if (memmem(data, size, "<project", 8) != NULL)
		return F_PROJECT;
	if (memmem(data, size, "<packet", 7) != NULL)
		return F_PACKET;
	return F_ORG;
}

/* Reports and explanations of a set of figures. */
static void
reports(const struct pb_figures *f)
{
	struct pb_buf	 b = { NULL, 0, 0 };
	struct pb_diags	 d = { NULL, 0, 0, 0 };
	size_t		 i;

	pb_report_figures(f, NULL, PB_REPORT_TEXT, &b);
	pb_report_figures(f, NULL, PB_REPORT_JSON, &b);
	pb_report_figures(f, NULL, PB_REPORT_CSV, &b);
	/* explain, with the words of the project's own templates (the
	 * fuzzers run in tests/fuzz) */
	for (i = 0; i < f->n; i++) {
		b.len = 0;
		(void)pb_report_write(f, &f->v[i], PB_REPORT_TEXT,
		    "../../templates", &b, &d);
	}
	pb_diags_free(&d);
	pb_buf_free(&b);
}

/* The figures and the tree of packet pk, as cmd_build makes them. */
static void
packet(const struct pb_model *m, const struct pb_packet *pk,
    struct pb_date as_of, struct pb_diags *d)
{
	const struct pb_org	**orgs;
	struct pb_figures	 *f;
	const struct pb_position **docs;
	xmlDocPtr		  doc;
	size_t			  i, n = 0;

	orgs = pb_xcalloc(m->norgs + 1, sizeof(*orgs));
	for (i = 0; i < pk->norgs; i++)
		if ((orgs[n] = pb_model_org(m, pk->orgs[i].id)) != NULL)
			n++;
	f = pb_figures_compute(m, orgs, n, pk, as_of, d);
	free(orgs);
	if (f == NULL)
		return;
	reports(f);
	docs = pb_xcalloc(pk->npositions + 1, sizeof(*docs));
	for (i = 0; i < pk->npositions; i++)
		if (strcmp(pk->positions[i].id, "pos") == 0)
			docs[i] = &pos;
	doc = pb_packet_assemble(m, pk, f, docs, as_of, d);
	xmlFreeDoc(doc);
	free(docs);
	pb_figures_free(f);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	struct pb_model		*m;
	struct pb_figures	*all;
	const struct pb_org	**orgs;
	xmlDocPtr		 doc;
	size_t			 i;
	int			 r;

	/* The one parser every XML input goes through. */
	doc = pb_xml_parse("fuzz.xml", (const char *)data, size, &d);
	xmlFreeDoc(doc);
	(void)fuzz_verbose("pb_xml_parse", &d);
	pb_diags_free(&d);
	memset(&d, 0, sizeof(d));

	/* The model reader on a folder holding the input. */
	r = role(data, size);
	for (i = 0; i < F__MAX; i++)
		if ((int)i == r) {
			put(path[i], data, size);
			dirty[i] = 1;
		} else if (dirty[i]) {
			put(path[i], good[i], strlen(good[i]));
			dirty[i] = 0;
		}
	if ((m = pb_model_read(indir, schemadir, NULL, &d)) != NULL &&
	    m->project.as_of_raw.text != NULL) {
		orgs = pb_xcalloc(m->norgs + 1, sizeof(*orgs));
		for (i = 0; i < m->norgs; i++)
			orgs[i] = &m->orgs[i];
		all = pb_figures_compute(m, orgs, m->norgs, NULL,
		    m->project.as_of, &d);
		free(orgs);
		if (all != NULL)
			reports(all);
		pb_figures_free(all);
		for (i = 0; i < m->npackets; i++)
			packet(m, &m->packets[i], m->project.as_of, &d);
	}
	(void)fuzz_verbose(rel[r], &d);
	pb_model_free(m);
	pb_diags_free(&d);
	/* libxml2 keeps a copy of the last error until the next one: drop it,
	 * so every iteration frees all it allocates (libFuzzer's leak check
	 * compares counts and would re-run the input under LSan). */
	xmlResetLastError();
	return 0;
}
