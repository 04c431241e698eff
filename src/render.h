/*
 * render.h - the stylesheets of a templates folder, compiled once per
 * run, and the transform of one tree into HTML or DocBook text.
 */
#ifndef PB_RENDER_H
#define PB_RENDER_H

#include <libxml/tree.h>

#include "figures.h"
#include "pb.h"

/* The outputs, each made by its own stylesheet in templates/. */
enum pb_format {
	PB_FMT_HTML,		/* html.xsl: a position or a packet */
	PB_FMT_DOCBOOK,		/* docbook.xsl: a position or a packet */
	PB_FMT_INDEX,		/* index.xsl: the site's index page */
	PB_FMT_FEED,		/* feed.xsl: the site's Atom feed */
	PB_FMT_SVG,		/* svg.xsl: one chart of a packet */
	PB_FMT_SITEMAP,		/* sitemap.xsl: the site's sitemap.xml */
	PB_FMT_NUMBERS,		/* numbers.xsl: figures worded, one a
				   line */
	PB_FMT__MAX
};

struct pb_styles;

/*
 * Compiles the stylesheet of every format from dir and reads
 * templates/style.css. Returns the set (free with pb_styles_free) or NULL
 * with the problems recorded in d.
 */
struct pb_styles *pb_styles_load(const char *dir, struct pb_diags *d);

/*
 * pb_styles_load in two steps, so that packets render while the
 * stylesheets they do not need yet compile: pb_styles_open reads
 * style.css and sets libxslt up (NULL on failure, problems in d), and
 * pb_styles_compile, in any one thread, compiles the stylesheets, each
 * one there for the transforms of other threads as soon as it compiles
 * (they wait for it). pb_styles_compile returns 0 when one failed; a
 * transform with one that failed renders nothing and says so in its d.
 * Free the set only once pb_styles_compile has returned.
 */
struct pb_styles *pb_styles_open(const char *dir, struct pb_diags *d);
int pb_styles_compile(struct pb_styles *s, struct pb_diags *d);

/*
 * For a build that knows, once it has planned, whether it reuses packets:
 * pb_styles_await_plan, before pb_styles_compile starts, makes it wait
 * for pb_styles_plan before the stylesheets a rebuild may not need (the
 * charts' SVG, the site's pages); with defer non-zero those compile only
 * when a render asks for one, until pb_styles_finish (call it before
 * waiting for pb_styles_compile to return).
 */
void pb_styles_await_plan(struct pb_styles *s);
void pb_styles_plan(struct pb_styles *s, int defer);
void pb_styles_finish(struct pb_styles *s);

/* Frees a set; NULL is a no-op. */
void pb_styles_free(struct pb_styles *s);

/*
 * The parts of packets that pb_render kept, for the next build: saved as
 * text in out (to be written beside the output), loaded from the text
 * that data holds (len bytes) into a set before its first transform.
 * stamp (printable, no spaces) must say everything but their keys that
 * the parts depend on: a text saved with another stamp loads nothing.
 */
void pb_styles_parts_save(struct pb_styles *s, const char *stamp,
    struct pb_buf *out);
void pb_styles_parts_load(struct pb_styles *s, const char *stamp,
    const char *data, size_t len);

/*
 * Tells every later transform whether the build writes PDFs (the
 * stylesheets' param pdf, 'yes' or 'no'), so the pages link to them.
 */
void pb_styles_set_pdf(struct pb_styles *s, int pdf);

/*
 * Removes from tree, in place, the whitespace-only text that the
 * stylesheet for fmt strips (its xsl:strip-space), in one walk. Call it
 * once on a tree, before rendering it: a packet's tree is stripped as
 * html.xsl says once it is assembled, so that its HTML, DocBook and
 * charts see the same tree whichever is rendered first.
 */
void pb_render_strip(struct pb_styles *s, enum pb_format fmt,
    xmlDocPtr tree);

/*
 * Transforms tree, stripped by pb_render_strip, with the stylesheet for
 * fmt and appends the serialized result to out (HTML pages as HTML5 in
 * XML syntax, the others as the stylesheet's xsl:output says). standalone
 * selects a whole document; figure_links links injected values to their
 * appendix entries. file names the tree in diagnostics. The tree is not
 * changed. Returns 0 with errors recorded on failure.
 */
int pb_render(struct pb_styles *s, enum pb_format fmt, xmlDocPtr tree,
    int standalone, int figure_links, const char *file, struct pb_buf *out,
    struct pb_diags *d);

/*
 * Draws chart name of packet tree with svg.xsl and appends the SVG file's
 * text to out. Returns 0 with errors recorded on failure.
 */
int pb_render_chart(struct pb_styles *s, xmlDocPtr tree, const char *name,
    const char *file, struct pb_buf *out, struct pb_diags *d);

/*
 * Words every figure of f with numbers.xsl's pb-display, from the
 * attributes the tree gives it (pb_inject_figure), so exactly as the
 * pages word it: returns an array of f->n strings, the display of each
 * figure, for the figures reports; free it with
 * pb_render_displays_free(v, f->n). NULL with errors recorded in d on
 * failure.
 */
char **pb_render_displays(struct pb_styles *s, const struct pb_figures *f,
    struct pb_diags *d);

/* pb_render_displays with numbers.xsl of the templates folder dir
 * compiled for it. */
char **pb_render_displays_in(const char *dir, const struct pb_figures *f,
    struct pb_diags *d);

/* Frees an array of n strings from pb_render_displays; NULL is a no-op. */
void pb_render_displays_free(char **v, size_t n);

#endif /* PB_RENDER_H */
