/*
 * pdf.h - a packet's HTML printed to PDF by headless Chromium (build
 * --pdf): the program found, started without a shell in a private
 * temporary profile with no network and a time limit, and its PDF given
 * the packet's metadata and fixed dates.
 */
#ifndef PB_PDF_H
#define PB_PDF_H

#include "pb.h"

/* What the driver says when no Chromium is found (one line, no newline). */
#define PB_PDF_NEED_CHROMIUM "build --pdf needs Chromium: install it " \
	"(Debian: apt-get install chromium) or set PEERBRIEF_CHROMIUM to " \
	"its path"

/*
 * Seconds one packet may take to print before Chromium is killed:
 * PEERBRIEF_PDF_TIMEOUT when it is a number from 1 to 3600, else 120.
 */
unsigned pb_pdf_timeout(void);

/*
 * Finds Chromium: PEERBRIEF_CHROMIUM when set (it must be an executable
 * file), else chromium or chromium-browser on PATH. Returns the path
 * (caller frees) or NULL when there is none.
 */
char *pb_pdf_chromium(void);

/* What one PDF is made from and what it says about itself. */
struct pb_pdf_job {
	const char	*chromium;	/* from pb_pdf_chromium */
	const char	*html;		/* the page to print (a file) */
	const char	*title;		/* the PDF's Title (the page's <title>) */
	const char	*author;	/* its Author, or NULL */
	const char	*date;		/* YYYY-MM-DD: its creation date */
	unsigned	 timeout;	/* seconds */
};

/*
 * Prints job->html to PDF and appends the file's bytes to out: Chromium
 * runs with a profile in a new temporary folder (removed afterwards), no
 * network, no header or footer of its own and an outline from the
 * headings; its output is kept and included in the diagnostic only when
 * it fails or times out (then it is killed). The PDF's Info dictionary is
 * replaced, by an incremental update, with the title, author and the
 * packet's date as creation and modification date, and the dates
 * Chromium wrote are overwritten with the same date, so that the same
 * page gives the same file. file names the packet in diagnostics.
 * Returns 0 with a system error recorded on failure.
 */
int pb_pdf_print(const struct pb_pdf_job *job, const char *file,
    struct pb_buf *out, struct pb_diags *d);

#endif /* PB_PDF_H */
