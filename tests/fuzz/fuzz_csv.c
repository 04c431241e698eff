/*
 * fuzz_csv.c - libFuzzer harness for organizations as spreadsheets:
 * pb_csv_parse on the raw bytes (every cell's position checked against
 * the input), then the model reader on an input folder whose
 * orgs/fuzz/ holds the bytes as one of its three files.
 *
 * Input: the first byte picks the file (its value modulo 3:
 * organization.csv, programs.csv, staff.csv); the rest is its content.
 * The other two files hold a valid sheet. LLVMFuzzerInitialize makes the
 * folder (peerbrief.xml and orgs/fuzz/); schemas come from
 * $FUZZ_SCHEMA, else ../../schema beside the binary. Everything an
 * iteration makes it frees, so LeakSanitizer sees any leak.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "csv.h"
#include "harness.h"
#include "model.h"
#include "pb.h"
#include "xmlread.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char project_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<project xmlns=\"urn:peerbrief:1\">\n"
    "  <title>Fuzz series</title>\n"
    "  <as-of>2026-11-01</as-of>\n"
    "</project>\n";

static const char *const rel[3] = {
	"organization.csv", "programs.csv", "staff.csv"
};
static const char *const good[3] = {
	"\xEF\xBB\xBF" "field,value\r\nname,Fuzz\r\ncontract,ACCS 2018-07-01\r\n"
	"peer-progress-notes,no\r\nsource,\"Made up, \"\"for\"\" fuzzing\"\r\n",
	"id,contract,fiscal-year,enrolled-persons,enrolled-days,daily-rate,"
	"staff-rdays,peer-only-rdays\nfy,ACCS,2026,10,3650,100.50,900,10\n",
	"id,role,fte,hired,certified\nps1,peer-specialist,1.0,2026-01-05,"
	"2026-03-01\n"
};
static char	*indir, *orgdir, *projpath, *path[3], *schemadir;

/* Writes len bytes to file p, replacing it; aborts on failure. */
static void
put(const char *p, const void *data, size_t len)
{
	FILE	*f;

	if ((f = fopen(p, "wb")) == NULL ||
	    (len > 0 && fwrite(data, 1, len, f) != len) || fclose(f) != 0) {
		fprintf(stderr, "fuzz_csv: %s: %s\n", p, strerror(errno));
		abort();
	}
}

static void
fuzz_exit(void)
{
	char	*p;
	size_t	 i;

	for (i = 0; i < 3; i++) {
		unlink(path[i]);
		free(path[i]);
	}
	unlink(projpath);
	free(projpath);
	rmdir(orgdir);
	free(orgdir);
	p = pb_xasprintf("%s/orgs", indir);
	rmdir(p);
	free(p);
	rmdir(indir);
	free(indir);
	free(schemadir);
	pb_xml_cleanup();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct pb_diags	 d = { NULL, 0, 0, 0 };
	struct pb_model	*m;
	const char	*tmp, *roots[2] = { NULL, NULL };
	char		*p;
	size_t		 i;

	(void)argc;
	(void)argv;
	xmlInitParser();
	schemadir = fuzz_data_dir("FUZZ_SCHEMA", "schema");
	roots[0] = schemadir;
	pb_xml_init(roots);
	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = "/tmp";
	indir = pb_xasprintf("%s/pbfuzzcsv.XXXXXX", tmp);
	if (mkdtemp(indir) == NULL) {
		fprintf(stderr, "fuzz_csv: %s: %s\n", indir, strerror(errno));
		abort();
	}
	p = pb_xasprintf("%s/orgs", indir);
	orgdir = pb_xasprintf("%s/orgs/fuzz", indir);
	if (mkdir(p, 0700) != 0 || mkdir(orgdir, 0700) != 0) {
		fprintf(stderr, "fuzz_csv: %s: %s\n", orgdir, strerror(errno));
		abort();
	}
	free(p);
	projpath = pb_xasprintf("%s/peerbrief.xml", indir);
	put(projpath, project_xml, strlen(project_xml));
	for (i = 0; i < 3; i++) {
		path[i] = pb_xasprintf("%s/%s", orgdir, rel[i]);
		put(path[i], good[i], strlen(good[i]));
	}
	/* the valid sheets must read without a problem, or the harness
	 * fuzzes the wrong thing */
	if ((m = pb_model_read(indir, schemadir, NULL, &d)) == NULL ||
	    d.n != 0)
		fuzz_setup_failed("reading the valid sheets", &d);
	pb_model_free(m);
	pb_diags_free(&d);
	atexit(fuzz_exit);
	return 0;
}

/* Checks that every cell of c starts inside the input. */
static void
cells_check(const struct pb_csv *c, const uint8_t *data, size_t size)
{
	unsigned long	 lines = 1;
	size_t		 i, j;

	for (i = 0; i < size; i++)
		lines += data[i] == '\n' || (data[i] == '\r' &&
		    (i + 1 == size || data[i + 1] != '\n'));
	for (i = 0; i < c->n; i++)
		for (j = 0; j < c->rows[i].n; j++)
			if (c->rows[i].cells[j].line < 1 ||
			    c->rows[i].cells[j].line > lines ||
			    c->rows[i].cells[j].col < 1 ||
			    c->rows[i].cells[j].col > size + 1 ||
			    c->rows[i].cells[j].text == NULL) {
				fprintf(stderr, "fuzz_csv: cell %zu,%zu at "
				    "%lu:%lu outside the input\n", i, j,
				    c->rows[i].cells[j].line,
				    c->rows[i].cells[j].col);
				abort();
			}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pb_diags	 d = { NULL, 0, 0, 0 };
	struct pb_csv	 c;
	struct pb_model	*m;
	size_t		 i, which;

	if (size == 0)
		return 0;
	which = data[0] % 3;
	pb_csv_parse("fuzz.csv", (const char *)data + 1, size - 1, &c, &d);
	cells_check(&c, data + 1, size - 1);
	pb_csv_free(&c);
	(void)fuzz_verbose("pb_csv_parse", &d);
	pb_diags_free(&d);

	for (i = 0; i < 3; i++)
		if (i == which)
			put(path[i], data + 1, size - 1);
		else
			put(path[i], good[i], strlen(good[i]));
	m = pb_model_read(indir, schemadir, NULL, &d);
	(void)fuzz_verbose(rel[which], &d);
	pb_model_free(m);
	pb_diags_free(&d);
	xmlResetLastError();
	return 0;
}
