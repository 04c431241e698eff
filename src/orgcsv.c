/*
 * orgcsv.c - an organization's spreadsheets (organization.csv,
 * programs.csv, staff.csv) built into the <organization> tree of
 * schema/organization.rng. Each element and attribute keeps the cell it
 * came from, so the schema's messages and the model's checks land on
 * FILE.csv:LINE:COL like they land on the XML file's own positions.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "csv.h"
#include "model.h"
#include "orgcsv.h"
#include "pb.h"
#include "tree.h"

static const char *const file_names[PB_ORGCSV__MAX] = {
	"organization.csv", "programs.csv", "staff.csv"
};

const char *
pb_orgcsv_name(enum pb_orgcsv_file f)
{
	return file_names[f];
}

/* A column of a sheet: its header name and whether every row needs it. */
struct col {
	const char	*name;
	int		 required;
};

static const struct col org_cols[] = {
	{ "field", 1 }, { "value", 1 }
};
enum { OC_FIELD, OC_VALUE, OC__MAX };

static const struct col program_cols[] = {
	{ "id", 1 }, { "contract", 1 }, { "fiscal-year", 1 },
	{ "enrolled-persons", 1 }, { "enrolled-days", 1 }, { "daily-rate", 1 },
	{ "staff-rdays", 1 }, { "peer-only-rdays", 1 }
};
enum { PC_ID, PC_CONTRACT, PC_FY, PC_PERSONS, PC_DAYS, PC_RATE, PC_STAFF,
	PC_PEER, PC__MAX };

static const struct col staff_cols[] = {
	{ "id", 1 }, { "role", 1 }, { "fte", 1 }, { "hired", 1 },
	{ "certified", 0 }, { "training", 0 }, { "lived-experience", 0 }
};
enum { SC__MAX = 7 };

/* One sheet being read. */
struct sheet {
	const char	*file;
	struct pb_csv	 csv;
	const struct col *cols;
	size_t		 ncols;
	size_t		 idx[8];	/* column of each spec, or (size_t)-1 */
	int		 ok;		/* header usable */
};

static struct pb_src *
src_new(const char *file, unsigned long line, unsigned long col)
{
	struct pb_src	*s = pb_xmalloc(sizeof(*s));

	s->file = file;
	s->line = line;
	s->col = col;
	return s;
}

/* Adds element name under parent (NULL: the root), placed at file:line:col. */
static xmlNodePtr
el(xmlDocPtr doc, xmlNodePtr parent, const char *name, const char *file,
    unsigned long line, unsigned long col)
{
	xmlNodePtr	 n;

	if (parent == NULL) {
		n = xmlNewDocNode(doc, NULL, BAD_CAST name, NULL);
		xmlDocSetRootElement(doc, n);
		xmlSetNs(n, xmlNewNs(n, BAD_CAST PB_NS, NULL));
	} else
		n = xmlNewChild(parent, parent->ns, BAD_CAST name, NULL);
	n->_private = src_new(file, line, col);
	n->line = line > 65535 ? 65535 : (unsigned short)line;
	return n;
}

/*
 * Adds element name for a whole sheet s (the organization, its staff, a
 * stand-in for a missing row), placed at the start of the sheet's header
 * line, or at the file alone when it has no line.
 */
static xmlNodePtr
el_sheet(xmlDocPtr doc, xmlNodePtr parent, const char *name,
    const struct sheet *s)
{
	unsigned long	 line = s->csv.n ? s->csv.rows[0].line : 0;

	return el(doc, parent, name, s->file, line, line ? 1 : 0);
}

/* Sets attribute name of n to value, placed at file:line:col. */
static void
at(xmlNodePtr n, const char *name, const char *value, const char *file,
    unsigned long line, unsigned long col)
{
	xmlAttrPtr	 a;

	pb_tree_set_prop(n, name, value);
	if ((a = xmlHasProp(n, BAD_CAST name)) != NULL) {
		free(a->_private);
		a->_private = src_new(file, line, col);
	}
}

/* A cell's text without surrounding blanks; caller frees. */
static char *
trimmed(const struct pb_csv_cell *c)
{
	const char	*s = c->text, *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n'))
		e--;
	return pb_xstrndup(s, (size_t)(e - s));
}

/* The cell of row r in spec column k, or NULL when the row lacks it. */
static const struct pb_csv_cell *
cell_of(const struct sheet *s, const struct pb_csv_row *r, size_t k)
{
	size_t	 i = s->idx[k];

	return i == (size_t)-1 || i >= r->n ? NULL : &r->cells[i];
}

/* The trimmed text of that cell, or NULL when it is absent or empty. */
static char *
value_of(const struct sheet *s, const struct pb_csv_row *r, size_t k)
{
	const struct pb_csv_cell *c = cell_of(s, r, k);
	char			 *v;

	if (c == NULL)
		return NULL;
	v = trimmed(c);
	if (*v == '\0') {
		free(v);
		return NULL;
	}
	return v;
}

static int
row_empty(const struct pb_csv_row *r)
{
	size_t	 i;
	char	*t;
	int	 empty = 1;

	for (i = 0; i < r->n && empty; i++) {
		t = trimmed(&r->cells[i]);
		empty = *t == '\0';
		free(t);
	}
	return empty;
}

/* The header names of a sheet, "id, contract, ...", for messages. */
static void
col_list(const struct sheet *s, struct pb_buf *b, int required)
{
	size_t	 i;

	pb_buf_put(b, "", 0);
	for (i = 0; i < s->ncols; i++)
		if (!required || s->cols[i].required)
			pb_buf_printf(b, "%s%s", b->len ? "," : "",
			    s->cols[i].name);
}

/* The index of the column named t in s's spec, or s->ncols. */
static size_t
col_find(const struct sheet *s, const char *t)
{
	size_t	 k;

	for (k = 0; k < s->ncols; k++)
		if (strcmp(t, s->cols[k].name) == 0)
			break;
	return k;
}

/*
 * Non-zero (the problem recorded once, at the file's first character)
 * when the first line of data (len bytes) has no comma but two or more
 * of the sheet's column names split by a semicolon or a tab: a sheet
 * saved with another separator (a European Excel's "CSV" writes
 * semicolons, "Text (Tab delimited)" tabs), every line of which would
 * otherwise be one wrong cell, or a quote in the middle of one.
 */
static int
other_separator(const struct sheet *s, const char *data, size_t len,
    struct pb_diags *d)
{
	static const char	 seps[] = ";\t";
	const char		*p;
	char			*line, *name, sep[2] = { '\0', '\0' };
	size_t			 i, n, known = 0;

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	for (n = 0; n < len && data[n] != '\r' && data[n] != '\n'; n++)
		;
	line = pb_xstrndup(data, n);
	for (i = 0; strchr(line, ',') == NULL && seps[i] != '\0' && known < 2;
	    i++) {
		sep[0] = seps[i];
		for (known = 0, p = line; *p != '\0';
		    p += n + (p[n] != '\0')) {
			n = strcspn(p, sep);
			name = pb_xstrndup(p, n);
			if (col_find(s, name) < s->ncols)
				known++;
			free(name);
		}
	}
	free(line);
	if (known < 2)
		return 0;
	pb_diag_error(d, s->file, 1, 1, "the cells are separated by %s, not "
	    "commas; save the sheet as \"CSV UTF-8 (Comma delimited)\" (in "
	    "LibreOffice: Text CSV, field delimiter ',')", sep[0] == ';' ?
	    "semicolons" : "tabs");
	return 1;
}

/*
 * Non-zero (the problem recorded once, at the cell) when the header cell
 * i of h, whose trimmed text t names no column, joins names by a
 * semicolon or a tab where a comma was meant ("id;role"), at least one
 * of them a column's: the message says what to write, each unknown
 * name replaced by the nearest column's. The columns it stands for are
 * marked in named, so that they are not also reported missing.
 */
static int
split_names(const struct sheet *s, const struct pb_csv_row *h, size_t i,
    const char *t, int *named, struct pb_diags *d)
{
	const char	*names[8], *p, *near;
	char		*name, sep[2] = { '\0', '\0' };
	struct pb_buf	 fixed = { NULL, 0, 0 };
	size_t		 n, k, known = 0, parts = 0;

	sep[0] = strchr(t, ';') != NULL ? ';' : strchr(t, '\t') != NULL ?
	    '\t' : '\0';
	if (sep[0] == '\0')
		return 0;
	for (k = 0; k < s->ncols; k++)
		names[k] = s->cols[k].name;
	for (p = t; *p != '\0'; p += n + (p[n] != '\0'), parts++) {
		n = strcspn(p, sep);
		name = pb_xstrndup(p, n);
		if (col_find(s, name) < s->ncols)
			known++;
		free(name);
	}
	if (known == 0)
		return 0;
	pb_buf_put(&fixed, "", 0);
	for (p = t; *p != '\0'; p += n + (p[n] != '\0')) {
		n = strcspn(p, sep);
		name = pb_xstrndup(p, n);
		near = col_find(s, name) < s->ncols ? name :
		    pb_nearest(name, names, s->ncols);
		if (near != NULL)
			named[col_find(s, near)] = 1;
		pb_buf_printf(&fixed, "%s%s", fixed.len ? "," : "",
		    near != NULL ? near : name);
		free(name);
	}
	pb_diag_error(d, s->file, h->cells[i].line, h->cells[i].col,
	    "'%s' joins %zu column names by a %s, but columns are separated "
	    "by commas: write %s", t, parts, sep[0] == ';' ? "semicolon" :
	    "tab", fixed.data);
	pb_buf_free(&fixed);
	return 1;
}

/*
 * Maps the header row of s to its columns: an unknown, repeated or
 * missing required column is an error at the header, once: an unknown
 * column that stands for a missing one (a typo, a renamed column) is one
 * problem, reported at the unknown one. Sets s->ok.
 */
static void
header_read(struct sheet *s, struct pb_diags *d)
{
	const struct pb_csv_row	*h;
	const char		*names[8], *near;
	struct pb_buf		 all = { NULL, 0, 0 };
	size_t			 i, k, errs = d->errors;
	int			 named[8];
	char			*t;

	for (k = 0; k < s->ncols; k++) {
		s->idx[k] = (size_t)-1;
		names[k] = s->cols[k].name;
		named[k] = 0;
	}
	col_list(s, &all, 0);
	if (s->csv.n == 0) {
		pb_diag_error(d, s->file, 0, 0, "the file is empty; its first "
		    "line names the columns: %s", all.data);
		goto out;
	}
	h = &s->csv.rows[0];
	for (i = 0; i < h->n; i++) {
		t = trimmed(&h->cells[i]);
		if ((k = col_find(s, t)) < s->ncols && s->idx[k] == (size_t)-1)
			s->idx[k] = i;
		free(t);
	}
	for (i = 0; i < h->n; i++) {
		t = trimmed(&h->cells[i]);
		k = col_find(s, t);
		if (*t == '\0') {
			/* a spreadsheet's trailing empty columns are fine */
			for (k = i + 1; k < h->n && h->cells[k].text[
			    strspn(h->cells[k].text, " \t")] == '\0'; k++)
				;
			if (k < h->n)
				pb_diag_error(d, s->file, h->cells[i].line,
				    h->cells[i].col, "a column without a name: "
				    "name it or remove it; the columns are %s",
				    all.data);
		} else if (k == s->ncols && split_names(s, h, i, t, named,
		    d))
			;
		else if (k == s->ncols) {
			near = pb_nearest(t, names, s->ncols);
			for (k = 0; near == NULL && k < s->ncols; k++)
				if (s->cols[k].required && !named[k] &&
				    s->idx[k] == (size_t)-1)
					near = names[k];
			if (near != NULL)
				named[col_find(s, near)] = 1;
			pb_diag_error(d, s->file, h->cells[i].line,
			    h->cells[i].col, "unknown column '%s'%s%s%s: %s "
			    "it; the columns are %s", t, near ? " (did you "
			    "mean '" : "", near ? near : "", near ? "'?)" : "",
			    near ? "rename or remove" : "remove or rename",
			    all.data);
		} else if (s->idx[k] != i)
			pb_diag_error(d, s->file, h->cells[i].line,
			    h->cells[i].col, "column '%s' appears twice "
			    "(first at %lu:%lu): keep one", t,
			    h->cells[s->idx[k]].line, h->cells[s->idx[k]].col);
		free(t);
	}
	pb_buf_free(&all);
	col_list(s, &all, 1);
	for (k = 0; k < s->ncols; k++)
		if (s->cols[k].required && s->idx[k] == (size_t)-1 &&
		    !named[k])
			pb_diag_error(d, s->file, h->line, 1, "no column '%s' "
			    "in the first line, which names the columns (%s "
			    "are required)", s->cols[k].name, all.data);
out:
	pb_buf_free(&all);
	s->ok = d->errors == errs;
}

/*
 * Reads file (NULL: the sheet is absent) into s and maps its header.
 * Returns s->ok: non-zero when its rows can be read.
 */
static int
sheet_load(struct sheet *s, const char *file, const struct col *cols,
    size_t ncols, struct pb_diags *d)
{
	char	*buf = NULL;
	size_t	 len;

	memset(s, 0, sizeof(*s));
	s->file = file;
	s->cols = cols;
	s->ncols = ncols;
	if (file == NULL)
		return 0;
	if (!pb_file_read(file, &buf, &len, d))
		return 0;
	if (!other_separator(s, buf, len, d) &&
	    pb_csv_parse(file, buf, len, &s->csv, d))
		header_read(s, d);
	free(buf);
	return s->ok;
}

/*
 * Checks the cells of data row r of s: a cell past the last named column
 * must be empty. Returns 0 when the row is to be left out (empty, or its
 * problem recorded).
 */
static int
row_usable(const struct sheet *s, const struct pb_csv_row *r,
    struct pb_diags *d)
{
	size_t	 i, width = s->csv.rows[0].n;
	char	*t;
	int	 ok = 1;

	if (row_empty(r))
		return 0;
	for (i = width; i < r->n && ok; i++) {
		t = trimmed(&r->cells[i]);
		if (*t != '\0') {
			pb_diag_error(d, s->file, r->cells[i].line,
			    r->cells[i].col, "a cell past the last column "
			    "(the first line names %zu)", width);
			ok = 0;
		}
		free(t);
	}
	return ok;
}

/* The column just after cell c, where the next cell of its line would
 * start; 0 when c spans lines. */
static unsigned long
col_after(const struct pb_csv_cell *c)
{
	const unsigned char	*p;
	unsigned long		 n = 0;

	for (p = (const unsigned char *)c->text; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\r')
			return 0;
		n += (*p & 0xc0) != 0x80;	/* characters, not bytes */
		n += c->quoted && *p == '"';	/* written twice */
	}
	return c->col + n + (c->quoted ? 2 : 0);
}

/*
 * Reports a required cell that row r leaves empty, at the cell; a row
 * that ends before its required cells is one problem, said once at its
 * end, with the names of all it lacks. Returns 0 when it is empty.
 */
static int
required(const struct sheet *s, const struct pb_csv_row *r, size_t k,
    const char *what, struct pb_diags *d)
{
	const struct pb_csv_cell *c = cell_of(s, r, k), *last;
	struct pb_buf		  b = { NULL, 0, 0 };
	size_t			  j, n = 0, m = 0;
	char			 *v;

	if ((v = value_of(s, r, k)) != NULL) {
		free(v);
		return 1;
	}
	if (c != NULL || r->n == 0) {
		pb_diag_error(d, s->file, c ? c->line : r->line, c ? c->col : 0,
		    "empty %s cell: every %s needs one", s->cols[k].name, what);
		return 0;
	}
	for (j = 0; j < s->ncols; j++)
		if (s->cols[j].required && s->idx[j] != (size_t)-1 &&
		    s->idx[j] >= r->n) {
			if (j < k)
				return 0;	/* said at the first */
			n++;
		}
	pb_buf_put(&b, "", 0);
	for (j = 0; j < s->ncols; j++)
		if (s->cols[j].required && s->idx[j] != (size_t)-1 &&
		    s->idx[j] >= r->n)
			pb_buf_printf(&b, "%s%s", m++ == 0 ? "" : m == n ?
			    " and " : ", ", s->cols[j].name);
	last = &r->cells[r->n - 1];
	pb_diag_error(d, s->file, last->line, col_after(last) ?
	    col_after(last) : last->col, "the row ends after %zu cell%s, "
	    "without its %s cell%s (the first line names %zu columns): every "
	    "%s needs %s", r->n, r->n == 1 ? "" : "s", b.data, n == 1 ? "" :
	    "s", s->csv.rows[0].n, what, n == 1 ? "one" : "them");
	pb_buf_free(&b);
	return 0;
}

/* Sets attribute name of n from column k of row r, when not empty. */
static void
at_cell(xmlNodePtr n, const char *name, const struct sheet *s,
    const struct pb_csv_row *r, size_t k)
{
	const struct pb_csv_cell *c = cell_of(s, r, k);
	char			 *v;

	if ((v = value_of(s, r, k)) != NULL)
		at(n, name, v, s->file, c->line, c->col);
	free(v);
}

/* Adds element name holding column k of row r, when not empty. */
static xmlNodePtr
el_cell(xmlDocPtr doc, xmlNodePtr parent, const char *name,
    const struct sheet *s, const struct pb_csv_row *r, size_t k)
{
	const struct pb_csv_cell *c = cell_of(s, r, k);
	xmlNodePtr		  n = NULL;
	char			 *v;

	if ((v = value_of(s, r, k)) != NULL) {
		n = el(doc, parent, name, s->file, c->line, c->col);
		pb_tree_add_text(n, v, strlen(v));
	}
	free(v);
	return n;
}

/* The fields of organization.csv other than the practices. */
enum { F_NAME, F_REGION, F_SOURCE, F_CONTRACT, F__PLAIN };

/* One row of organization.csv that was kept. */
struct field {
	size_t			 kind;	/* F_* or F__PLAIN + practice */
	const struct pb_csv_row	*row;
};

/*
 * Reads organization.csv's rows into fields (one per row kept, in the
 * file's order); an unknown or repeated field is an error at its cell.
 * Returns the count.
 */
static size_t
fields_read(const struct sheet *s, struct field *v, struct pb_diags *d)
{
	const char			*names[F__PLAIN + PB_PR__MAX], *near;
	const struct pb_csv_cell	*c;
	const struct pb_csv_row		*r;
	size_t				 i, k, j, n = 0, nn;
	char				*t, *val;

	names[F_NAME] = "name";
	names[F_REGION] = "region";
	names[F_SOURCE] = "source";
	names[F_CONTRACT] = "contract";
	for (k = 0; k < PB_PR__MAX; k++)
		names[F__PLAIN + k] = pb_practice_name((enum pb_practice)k);
	nn = F__PLAIN + PB_PR__MAX;
	for (i = 1; i < s->csv.n; i++) {
		r = &s->csv.rows[i];
		if (!row_usable(s, r, d))
			continue;
		c = cell_of(s, r, OC_FIELD);
		t = value_of(s, r, OC_FIELD);
		if (t == NULL) {
			pb_diag_error(d, s->file, c ? c->line : r->line,
			    c ? c->col : 1, "a value without a field name");
			continue;
		}
		for (k = 0; k < nn; k++)
			if (strcmp(t, names[k]) == 0)
				break;
		if (k == nn) {
			near = pb_nearest(t, names, nn);
			pb_diag_error(d, s->file, c->line, c->col, "unknown "
			    "field '%s'%s%s%s; the fields are name, region, "
			    "source, contract and the practice names", t,
			    near ? " (did you mean '" : "", near ? near : "",
			    near ? "'?)" : "");
			free(t);
			continue;
		}
		free(t);
		if ((val = value_of(s, r, OC_VALUE)) == NULL)
			continue;	/* an empty cell is an absent value */
		free(val);
		for (j = 0; j < n && k != F_CONTRACT; j++)
			if (v[j].kind == k)
				break;
		if (k != F_CONTRACT && j < n) {
			pb_diag_error(d, s->file, c->line, c->col, "field "
			    "'%s' given twice (first on line %lu)", names[k],
			    v[j].row->line);
			continue;
		}
		v[n].kind = k;
		v[n].row = r;
		n++;
	}
	return n;
}

/* The first kept row of kind k, or NULL. */
static const struct pb_csv_row *
field_row(const struct field *v, size_t n, size_t k)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (v[i].kind == k)
			return v[i].row;
	return NULL;
}

/*
 * Adds the element of a plain field (name, region, source); a required
 * one that is missing is an error on the header line, and stands in as
 * an empty value so the rest is still checked.
 */
static void
plain(xmlDocPtr doc, xmlNodePtr root, const struct sheet *s,
    const struct field *v, size_t n, size_t k, const char *name, int req,
    struct pb_diags *d)
{
	const struct pb_csv_row	*r = field_row(v, n, k);
	const struct pb_src	*at;
	xmlNodePtr		 e;

	if (r != NULL) {
		el_cell(doc, root, name, s, r, OC_VALUE);
		return;
	}
	if (!req)
		return;
	e = el_sheet(doc, root, name, s);	/* where the message is */
	at = e->_private;
	pb_diag_error(d, s->file, at->line, at->col, "no '%s' row: "
	    "organization.csv needs a row %s,VALUE", name, name);
	pb_tree_add_text(e, "?", 1);
}

/*
 * A contract row "ACCS 2018-07-01": its type and start date, in
 * <contracts> (*group, made on first use).
 */
static void
contract(xmlDocPtr doc, xmlNodePtr root, xmlNodePtr *group,
    const struct sheet *s, const struct pb_csv_row *r, struct pb_diags *d)
{
	const struct pb_csv_cell *c = cell_of(s, r, OC_VALUE);
	const char		 *p = c->text, *t0, *t1 = NULL;
	size_t			  l0, l1 = 0;
	unsigned long		  base = c->col + (c->quoted ? 1 : 0);
	xmlNodePtr		  e;
	char			 *type, *since;

	while (*p == ' ' || *p == '\t')
		p++;
	t0 = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	l0 = (size_t)(p - t0);
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p) {
		t1 = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
		l1 = (size_t)(p - t1);
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
	}
	if (t1 == NULL || *p != '\0') {
		pb_diag_error(d, s->file, c->line, c->col, "a contract is its "
		    "type (CBFS, ACCS, ES or other) and start date, as "
		    "\"ACCS 2018-07-01\"");
		return;
	}
	type = pb_xstrndup(t0, l0);
	since = pb_xstrndup(t1, l1);
	if (*group == NULL)
		*group = el(doc, root, "contracts", s->file, r->line, 1);
	e = el(doc, *group, "contract", s->file, c->line, c->col);
	at(e, "type", type, s->file, c->line,
	    pb_csv_col(c->text, (size_t)(t0 - c->text), base));
	at(e, "since", since, s->file, c->line,
	    pb_csv_col(c->text, (size_t)(t1 - c->text), base));
	free(type);
	free(since);
}

/* The <organization>'s own elements, from organization.csv. */
static void
org_sheet(xmlDocPtr doc, xmlNodePtr root, const struct sheet *s,
    const struct field *v, size_t n, struct pb_diags *d)
{
	const struct pb_csv_cell	*c;
	xmlNodePtr			 g, e;
	size_t				 i;

	plain(doc, root, s, v, n, F_NAME, "name", 1, d);
	plain(doc, root, s, v, n, F_REGION, "region", 0, d);
	for (g = NULL, i = 0; i < n; i++) {
		if (v[i].kind == F_CONTRACT)
			contract(doc, root, &g, s, v[i].row, d);
	}
	for (g = NULL, i = 0; i < n; i++) {
		if (v[i].kind < F__PLAIN)
			continue;
		if (g == NULL)
			g = el(doc, root, "practices", s->file, v[i].row->line,
			    1);
		e = el_cell(doc, g, "practice", s, v[i].row, OC_VALUE);
		c = cell_of(s, v[i].row, OC_FIELD);
		at(e, "name", pb_practice_name((enum pb_practice)(v[i].kind -
		    F__PLAIN)), s->file, c->line, c->col);
	}
}

/* One <program> per row of programs.csv. */
static void
programs(xmlDocPtr doc, xmlNodePtr root, const struct sheet *s,
    struct pb_diags *d)
{
	const struct pb_csv_cell	*c;
	const struct pb_csv_row		*r;
	xmlNodePtr			 p, e;
	size_t				 i, k;
	int				 ok;

	for (i = 1; i < s->csv.n; i++) {
		r = &s->csv.rows[i];
		if (!row_usable(s, r, d))
			continue;
		for (ok = 1, k = 0; k < PC__MAX; k++)
			ok &= required(s, r, k, "program", d);
		if (!ok)
			continue;
		c = cell_of(s, r, PC_ID);
		p = el(doc, root, "program", s->file, c->line, c->col);
		at_cell(p, "id", s, r, PC_ID);
		at_cell(p, "contract", s, r, PC_CONTRACT);
		at_cell(p, "fiscal-year", s, r, PC_FY);
		el_cell(doc, p, "enrolled-persons", s, r, PC_PERSONS);
		el_cell(doc, p, "enrolled-days", s, r, PC_DAYS);
		e = el_cell(doc, p, "daily-rate", s, r, PC_RATE);
		c = cell_of(s, r, PC_RATE);
		at(e, "currency", "USD", s->file, c->line, c->col);
		e = el_cell(doc, p, "rdays", s, r, PC_STAFF);
		c = cell_of(s, r, PC_STAFF);
		at(e, "documented-by", "staff", s->file, c->line, c->col);
		e = el_cell(doc, p, "rdays", s, r, PC_PEER);
		c = cell_of(s, r, PC_PEER);
		at(e, "documented-by", "peer-only", s->file, c->line, c->col);
	}
}

/* One <member> per row of staff.csv, in <staff>. */
static void
staff(xmlDocPtr doc, xmlNodePtr root, const struct sheet *s,
    struct pb_diags *d)
{
	const struct pb_csv_cell	*c;
	const struct pb_csv_row		*r;
	xmlNodePtr			 g, m;
	size_t				 i, k;
	int				 ok;

	g = el_sheet(doc, root, "staff", s);
	for (i = 1; i < s->csv.n; i++) {
		r = &s->csv.rows[i];
		if (!row_usable(s, r, d))
			continue;
		for (ok = 1, k = 0; k < SC__MAX; k++)
			if (s->cols[k].required)
				ok &= required(s, r, k, "staff member", d);
		if (!ok)
			continue;
		c = cell_of(s, r, 0);
		m = el(doc, g, "member", s->file, c->line, c->col);
		for (k = 0; k < SC__MAX; k++)
			at_cell(m, s->cols[k].name, s, r, k);
	}
}

xmlDocPtr
pb_orgcsv_read(char *const files[PB_ORGCSV__MAX], struct pb_diags *d)
{
	struct sheet	 so, sp, ss;
	struct field	*v = NULL;
	size_t		 n = 0;
	xmlDocPtr	 doc = NULL;
	xmlNodePtr	 root;
	int		 okp, oks;

	sheet_load(&so, files[PB_ORGCSV_ORGANIZATION], org_cols, OC__MAX, d);
	okp = sheet_load(&sp, files[PB_ORGCSV_PROGRAMS], program_cols,
	    PC__MAX, d);
	oks = sheet_load(&ss, files[PB_ORGCSV_STAFF], staff_cols, SC__MAX, d);
	if (so.ok) {
		v = pb_xcalloc(so.csv.n + 1, sizeof(*v));
		n = fields_read(&so, v, d);
	}
	if (so.ok) {
		doc = xmlNewDoc(BAD_CAST "1.0");
		root = el_sheet(doc, NULL, "organization", &so);
		org_sheet(doc, root, &so, v, n, d);
		if (okp)
			programs(doc, root, &sp, d);
		if (oks)
			staff(doc, root, &ss, d);
		plain(doc, root, &so, v, n, F_SOURCE, "source", 1, d);
	}
	free(v);
	pb_csv_free(&so.csv);
	pb_csv_free(&sp.csv);
	pb_csv_free(&ss.csv);
	return doc;
}

void
pb_orgcsv_free(xmlDocPtr doc)
{
	xmlNodePtr	 root, n;
	xmlAttrPtr	 a;

	if (doc == NULL)
		return;
	root = xmlDocGetRootElement(doc);
	for (n = root; n != NULL; n = pb_tree_next(n, root)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		free(n->_private);
		n->_private = NULL;
		for (a = n->properties; a != NULL; a = a->next) {
			free(a->_private);
			a->_private = NULL;
		}
	}
	xmlFreeDoc(doc);
}
