/*
 * report.c - writing figures as JSON, CSV or a table, and explaining one:
 * the output of `peerbrief figures` and `peerbrief explain`, every
 * display worded as the pages word it (templates/numbers.xsl, through
 * pb_render_displays).
 */
#include <stdio.h>
#include <string.h>

#include "figures.h"
#include "pb.h"
#include "render.h"
#include "report.h"

/* Appends s as a JSON string. */
static void
json_str(struct pb_buf *b, const char *s)
{
	const unsigned char	*p, *run;

	pb_buf_putc(b, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		/* a run that needs no escape, put at once */
		for (run = p; *p >= 0x20 && *p != '"' && *p != '\\'; p++)
			;
		if (p > run)
			pb_buf_put(b, (const char *)run, (size_t)(p - run));
		if (*p == '\0')
			break;
		if (*p == '"' || *p == '\\') {
			pb_buf_putc(b, '\\');
			pb_buf_putc(b, (char)*p);
		} else if (*p == '\n')
			pb_buf_puts(b, "\\n");
		else
			pb_buf_printf(b, "\\u%04x", *p);
	}
	pb_buf_putc(b, '"');
}

/* The sources of input k of figure fig, separated by sep. */
static void
input_sources(const struct pb_figures *f, const struct pb_figure *fig,
    size_t k, const char *sep, struct pb_buf *out)
{
	const struct pb_input	*in = &fig->inputs[k];
	size_t			 j;

	if (in->figure >= 0) {
		pb_figures_sources(f, (size_t)in->figure, sep, out);
		return;
	}
	pb_src_format(&in->src, out);
	for (j = 0; j < in->nmore; j++) {
		pb_buf_puts(out, sep);
		pb_src_format(&in->more[j], out);
	}
}

/* Figure i's display: its words from words, or its value without them. */
static const char *
shown(const struct pb_figures *f, const char *const *words, size_t i)
{
	return words != NULL && words[i] != NULL ? words[i] : f->v[i].value;
}

static void
json(const struct pb_figures *f, const char *const *words, struct pb_buf *b)
{
	const struct pb_figure	*g;
	struct pb_buf		 s = { NULL, 0, 0 };
	size_t			 i, k;
	char			*p, *q;

	pb_buf_puts(b, "{\"figures\": [");
	for (i = 0; i < f->n; i++) {
		g = &f->v[i];
		pb_buf_puts(b, i ? ",\n  {" : "\n  {");
		pb_buf_puts(b, "\"name\": ");
		json_str(b, g->name);
		pb_buf_puts(b, ", \"value\": ");
		json_str(b, g->value);
		pb_buf_puts(b, ", \"unit\": ");
		json_str(b, pb_unit_name(g->unit));
		pb_buf_puts(b, ", \"display\": ");
		json_str(b, shown(f, words, i));
		pb_buf_puts(b, ", \"formula\": ");
		json_str(b, g->formula);
		pb_buf_puts(b, ", \"inputs\": [");
		for (k = 0; k < g->ninputs; k++) {
			pb_buf_puts(b, k ? ", {\"name\": " : "{\"name\": ");
			json_str(b, g->inputs[k].name);
			pb_buf_puts(b, ", \"value\": ");
			json_str(b, g->inputs[k].value);
			pb_buf_puts(b, ", \"sources\": [");
			s.len = 0;
			input_sources(f, g, k, "\n", &s);
			for (p = s.data; p != NULL && s.len > 0; p = q) {
				if ((q = strchr(p, '\n')) != NULL)
					*q++ = '\0';
				json_str(b, p);
				if (q != NULL)
					pb_buf_puts(b, ", ");
			}
			pb_buf_puts(b, "]}");
		}
		pb_buf_puts(b, "]}");
	}
	pb_buf_puts(b, "\n]}\n");
	pb_buf_free(&s);
}

/* Appends s as one CSV field (RFC 4180). */
static void
csv_field(struct pb_buf *b, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		pb_buf_puts(b, s);
		return;
	}
	pb_buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			pb_buf_putc(b, '"');
		pb_buf_putc(b, *s);
	}
	pb_buf_putc(b, '"');
}

static void
csv(const struct pb_figures *f, const char *const *words, struct pb_buf *b)
{
	const struct pb_figure	*g;
	struct pb_buf		 s = { NULL, 0, 0 };
	size_t			 i, k;

	pb_buf_puts(b, "name,value,unit,display,formula,inputs\r\n");
	for (i = 0; i < f->n; i++) {
		g = &f->v[i];
		csv_field(b, g->name);
		pb_buf_putc(b, ',');
		csv_field(b, g->value);
		pb_buf_putc(b, ',');
		csv_field(b, pb_unit_name(g->unit));
		pb_buf_putc(b, ',');
		csv_field(b, shown(f, words, i));
		pb_buf_putc(b, ',');
		csv_field(b, g->formula);
		pb_buf_putc(b, ',');
		s.len = 0;
		pb_buf_put(&s, "", 0);
		for (k = 0; k < g->ninputs; k++)
			pb_buf_printf(&s, "%s%s=%s", k ? "; " : "",
			    g->inputs[k].name, g->inputs[k].value);
		csv_field(b, s.data);
		pb_buf_puts(b, "\r\n");
	}
	pb_buf_free(&s);
}

static void
table(const struct pb_figures *f, const char *const *words, struct pb_buf *b)
{
	size_t	 i, wn = 4, wv = 5, wu = 4, n;

	for (i = 0; i < f->n; i++) {
		if ((n = strlen(f->v[i].name)) > wn)
			wn = n;
		if ((n = strlen(f->v[i].value)) > wv)
			wv = n;
		if ((n = strlen(pb_unit_name(f->v[i].unit))) > wu)
			wu = n;
	}
	pb_buf_printf(b, "%-*s  %*s  %-*s  %s\n", (int)wn, "NAME", (int)wv,
	    "VALUE", (int)wu, "UNIT", "DISPLAY");
	for (i = 0; i < f->n; i++)
		pb_buf_printf(b, "%-*s  %*s  %-*s  %s\n", (int)wn,
		    f->v[i].name, (int)wv, f->v[i].value, (int)wu,
		    pb_unit_name(f->v[i].unit), shown(f, words, i));
}

void
pb_report_figures(const struct pb_figures *f, const char *const *words,
    enum pb_report_format fmt, struct pb_buf *out)
{
	switch (fmt) {
	case PB_REPORT_JSON:
		json(f, words, out);
		break;
	case PB_REPORT_CSV:
		csv(f, words, out);
		break;
	case PB_REPORT_TEXT:
		table(f, words, out);
		break;
	}
}

/* Appends the explanation of figure fig of set f: value, display (from
 * words as in pb_report_figures), formula, each input with its value and
 * the places it comes from. */
static void
explain(const struct pb_figures *f, const char *const *words,
    const struct pb_figure *fig, struct pb_buf *out)
{
	struct pb_buf	 s = { NULL, 0, 0 };
	size_t		 k, w = 0, n;

	pb_buf_printf(out, "%s\n  value:   %s %s\n  display: %s\n"
	    "  formula: %s\n", fig->name, fig->value, pb_unit_name(fig->unit),
	    shown(f, words, (size_t)(fig - f->v)), fig->formula);
	if (fig->ninputs == 0)
		return;
	pb_buf_puts(out, "  inputs:\n");
	for (k = 0; k < fig->ninputs; k++)
		if ((n = strlen(fig->inputs[k].name) +
		    strlen(fig->inputs[k].value) + 3) > w)
			w = n;
	for (k = 0; k < fig->ninputs; k++) {
		s.len = 0;
		pb_buf_put(&s, "", 0);
		input_sources(f, fig, k, ", ", &s);
		n = strlen(fig->inputs[k].name) + strlen(fig->inputs[k].value)
		    + 3;
		pb_buf_printf(out, "    %s = %s%*s  %s%s\n",
		    fig->inputs[k].name, fig->inputs[k].value, (int)(w - n), "",
		    fig->inputs[k].figure >= 0 ? "from " : "", s.data);
	}
	pb_buf_free(&s);
}

int
pb_report_write(const struct pb_figures *f, const struct pb_figure *fig,
    enum pb_report_format fmt, const char *tdir, struct pb_buf *out,
    struct pb_diags *d)
{
	char	**words;

	if ((words = pb_render_displays_in(tdir, f, d)) == NULL)
		return 0;
	if (fig != NULL)
		explain(f, (const char *const *)words, fig, out);
	else
		pb_report_figures(f, (const char *const *)words, fmt, out);
	pb_render_displays_free(words, f->n);
	return 1;
}

void
pb_report_unknown(const struct pb_figures *f, const char *name,
    struct pb_buf *out)
{
	struct pb_buf	 s = { NULL, 0, 0 };

	pb_figures_suggest(f, name, &s);
	pb_buf_printf(out, "unknown figure '%s'%s%s%s", name,
	    s.len ? "; did you mean " : "", s.len ? s.data : "",
	    s.len ? "?" : "");
	pb_buf_free(&s);
}

void
pb_report_unexplained(const struct pb_figures *f, const char *name,
    const char *packets, struct pb_buf *out)
{
	size_t	 from = out->len;
	int	 near;

	if (packets != NULL && (f == NULL || pb_figures_get(f, name) != NULL)) {
		pb_buf_printf(out, "%s is a packet's figure: add --packet ID to "
		    "say which packet (packets: %s)", name, packets);
		return;
	}
	pb_report_unknown(f, name, out);
	near = strstr(out->data + from, "did you mean") != NULL;
	if (packets == NULL)
		pb_buf_puts(out, near ? "" :
		    "; 'peerbrief figures' lists every name");
	else if (near)
		pb_buf_printf(out, " A packet's figure also needs --packet ID "
		    "(packets: %s)", packets);
	else
		pb_buf_printf(out, "; a packet's figure also needs --packet ID "
		    "(packets: %s), and 'peerbrief figures --packet ID' lists "
		    "every name", packets);
}
