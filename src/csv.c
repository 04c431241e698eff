/*
 * csv.c - a small RFC 4180 reader that knows where every cell starts.
 * libcsv's callbacks hand over a cell's bytes but not their place in the
 * file, so peerbrief reads CSV itself: one pass, linear in the input.
 */
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "pb.h"

/* The reader's place in the file. */
struct cur {
	const char		*file;
	const unsigned char	*p;
	size_t			 len;
	size_t			 i;
	unsigned long		 line;
	unsigned long		 col;
	struct pb_diags		*d;
};

/*
 * Length of the UTF-8 sequence at p (n bytes left), or 0 when it is not
 * UTF-8 (overlong forms, surrogates and code points past U+10FFFF are
 * not).
 */
static size_t
utf8_len(const unsigned char *p, size_t n)
{
	size_t		 k, j;
	unsigned long	 c;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		k = 2, c = p[0] & 0x1F;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		k = 3, c = p[0] & 0x0F;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		k = 4, c = p[0] & 0x07;
	else
		return 0;
	if (k > n)
		return 0;
	for (j = 1; j < k; j++) {
		if ((p[j] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (p[j] & 0x3F);
	}
	if ((k == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
	    (k == 4 && (c < 0x10000 || c > 0x10FFFF)))
		return 0;
	return k;
}

unsigned long
pb_csv_col(const char *s, size_t off, unsigned long col)
{
	size_t	 i;

	for (i = 0; i < off && s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			col++;
	return col;
}

/*
 * Appends the character at the cursor to b and steps over it; 0 (the
 * problem recorded) for a control character or bytes that are not UTF-8.
 */
static int
take(struct cur *r, struct pb_buf *b)
{
	unsigned char	 c = r->p[r->i];
	size_t		 k;

	if ((c < 0x20 && c != '\t') || c == 0x7F) {
		pb_diag_error(r->d, r->file, r->line, r->col, "a control "
		    "character (byte 0x%02X) in a cell; save the sheet as "
		    "plain CSV", c);
		return 0;
	}
	if ((k = utf8_len(r->p + r->i, r->len - r->i)) == 0) {
		pb_diag_error(r->d, r->file, r->line, r->col, "bytes that are "
		    "not UTF-8; save the sheet as \"CSV UTF-8\"");
		return 0;
	}
	pb_buf_put(b, (const char *)r->p + r->i, k);
	r->i += k;
	r->col++;
	return 1;
}

/* Steps over a line end (CRLF, LF or a lone CR) at the cursor. */
static void
line_end(struct cur *r)
{
	if (r->p[r->i] == '\r' && r->i + 1 < r->len && r->p[r->i + 1] == '\n')
		r->i++;
	r->i++;
	r->line++;
	r->col = 1;
}

static int
at_end_of_cell(const struct cur *r)
{
	return r->i >= r->len || r->p[r->i] == ',' || r->p[r->i] == '\r' ||
	    r->p[r->i] == '\n';
}

/* Reads one cell at the cursor into cell; 0 on a problem (recorded). */
static int
cell_read(struct cur *r, struct pb_csv_cell *cell)
{
	struct pb_buf	 b = { NULL, 0, 0 };

	cell->line = r->line;
	cell->col = r->col;
	cell->quoted = r->i < r->len && r->p[r->i] == '"';
	pb_buf_put(&b, "", 0);
	if (cell->quoted) {
		r->i++;
		r->col++;
		for (;;) {
			if (r->i >= r->len) {
				pb_diag_error(r->d, r->file, cell->line,
				    cell->col, "this quoted cell is never "
				    "closed: a '\"' is missing at its end");
				goto fail;
			}
			if (r->p[r->i] == '"') {
				if (r->i + 1 < r->len &&
				    r->p[r->i + 1] == '"') {
					pb_buf_putc(&b, '"');
					r->i += 2;
					r->col += 2;
					continue;
				}
				r->i++;
				r->col++;
				break;
			}
			if (r->p[r->i] == '\r' || r->p[r->i] == '\n') {
				pb_buf_putc(&b, '\n');
				line_end(r);
			} else if (!take(r, &b))
				goto fail;
		}
		if (!at_end_of_cell(r)) {
			pb_diag_error(r->d, r->file, r->line, r->col, "text "
			    "after the closing '\"' of a quoted cell; a '\"' "
			    "inside a quoted cell is written twice (\"\")");
			goto fail;
		}
	} else {
		while (!at_end_of_cell(r)) {
			if (r->p[r->i] == '"') {
				pb_diag_error(r->d, r->file, r->line, r->col,
				    "a '\"' inside a cell that does not start "
				    "with one; quote the whole cell and write "
				    "the '\"' twice (\"a \"\"b\"\"\")");
				goto fail;
			}
			if (!take(r, &b))
				goto fail;
		}
	}
	cell->text = b.data;
	return 1;
fail:
	pb_buf_free(&b);
	cell->text = NULL;
	return 0;
}

static void
row_free(struct pb_csv_row *row)
{
	size_t	 i;

	for (i = 0; i < row->n; i++)
		free(row->cells[i].text);
	free(row->cells);
}

/*
 * Non-zero when p (len bytes) starts with two ASCII characters in UTF-16
 * without a byte-order mark: a zero byte beside each, before or after.
 */
static int
utf16_ascii(const unsigned char *p, size_t len)
{
	if (len < 4)
		return 0;
	return (p[0] == 0 && p[2] == 0 && p[1] != 0 && p[3] != 0) ||
	    (p[1] == 0 && p[3] == 0 && p[0] != 0 && p[2] != 0);
}

int
pb_csv_parse(const char *file, const char *data, size_t len,
    struct pb_csv *c, struct pb_diags *d)
{
	struct cur		 r;
	struct pb_csv_row	 row;
	struct pb_csv_cell	 cell;

	memset(c, 0, sizeof(*c));
	r.file = file;
	r.p = (const unsigned char *)data;
	r.len = len;
	r.i = 0;
	r.line = 1;
	r.col = 1;
	r.d = d;
	/* Excel's "Unicode Text" is UTF-16, with a byte-order mark or
	 * (without one) a zero byte beside every ASCII character. */
	if (len >= 2 && ((r.p[0] == 0xFF && r.p[1] == 0xFE) ||
	    (r.p[0] == 0xFE && r.p[1] == 0xFF) || utf16_ascii(r.p, len))) {
		pb_diag_error(d, file, 0, 0, "the file is UTF-16 (as Excel's "
		    "\"Unicode Text\" saves it); save the sheet as \"CSV "
		    "UTF-8 (Comma delimited)\"");
		return 0;
	}
	/* a workbook saved or renamed as .csv: a ZIP (.xlsx, .ods) or an
	 * OLE compound file (.xls) */
	if (len >= 4 && (memcmp(data, "PK\x03\x04", 4) == 0 ||
	    memcmp(data, "\xD0\xCF\x11\xE0", 4) == 0)) {
		pb_diag_error(d, file, 0, 0, "the file is a workbook (.xlsx, "
		    ".ods or .xls), not CSV; save the sheet as \"CSV UTF-8 "
		    "(Comma delimited)\" (in LibreOffice: Text CSV)");
		return 0;
	}
	/* Excel's "CSV UTF-8" starts with a byte-order mark an editor
	 * does not show: the first cell is still column 1. */
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		r.i = 3;
	while (r.i < r.len) {
		memset(&row, 0, sizeof(row));
		row.line = r.line;
		for (;;) {
			if (!cell_read(&r, &cell)) {
				row_free(&row);
				return 0;
			}
			row.cells = pb_grow(row.cells, row.n,
			    sizeof(*row.cells));
			row.cells[row.n++] = cell;
			if (r.i < r.len && r.p[r.i] == ',') {
				r.i++;
				r.col++;
				continue;
			}
			if (r.i < r.len)
				line_end(&r);
			break;
		}
		if (row.n == 1 && !row.cells[0].quoted &&
		    row.cells[0].text[0] == '\0') {
			row_free(&row);		/* an empty line */
			continue;
		}
		c->rows = pb_grow(c->rows, c->n, sizeof(*c->rows));
		c->rows[c->n++] = row;
	}
	return 1;
}

void
pb_csv_free(struct pb_csv *c)
{
	size_t	 i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++)
		row_free(&c->rows[i]);
	free(c->rows);
	c->rows = NULL;
	c->n = 0;
}
