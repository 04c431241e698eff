/*
 * position.c - reading a position file in the form its suffix names.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "pb.h"
#include "position.h"

/*
 * Appends a position to the array *v of *n, which doubles (pb_grow), so
 * that 50,000 references cost 17 reallocations, not 50,000 copies.
 */
static void
src_push(struct pb_src **v, size_t *n, unsigned long line, unsigned long col)
{
	*v = pb_grow(*v, *n, sizeof(**v));
	(*v)[*n].file = NULL;
	(*v)[*n].line = line;
	(*v)[*n].col = col;
	(*n)++;
}

void
pb_refs_add(struct pb_refs *refs, unsigned long line, unsigned long col)
{
	src_push(&refs->v, &refs->n, line, col);
}

void
pb_refs_add_cite(struct pb_refs *refs, unsigned long line, unsigned long col)
{
	src_push(&refs->cite, &refs->ncite, line, col);
}

void
pb_refs_add_image(struct pb_refs *refs, unsigned long line,
    unsigned long col)
{
	src_push(&refs->image, &refs->nimage, line, col);
}

void
pb_refs_free(struct pb_refs *refs)
{
	free(refs->v);
	free(refs->cite);
	free(refs->image);
	memset(refs, 0, sizeof(*refs));
}

int
pb_position_is_xml(const char *file)
{
	size_t	 n = strlen(file);

	return n > 4 && strcmp(file + n - 4, ".xml") == 0;
}

int
pb_position_read(const char *path, const char *id, int xml,
    const struct pb_read_opts *o, struct pb_position *p, struct pb_diags *d)
{
	char	*data;
	size_t	 len, errs = d->errors;

	memset(p, 0, sizeof(*p));
	if (!pb_file_read(path, &data, &len, d))
		return 0;
	p->doc = xml ? pb_xmlpos_read(path, data, len, id, o, &p->refs, d) :
	    pb_markdown_read(path, data, len, id, o, &p->refs, d);
	free(data);
	if (p->doc != NULL && o->indir != NULL)
		pb_images_resolve(xmlDocGetRootElement(p->doc), &p->refs, path,
		    o->indir, &p->images, d);
	if (p->doc == NULL)
		pb_position_free(p);
	else if (d->errors != errs)
		p->broken = 1;
	return p->doc != NULL && !p->broken;
}

void
pb_position_free(struct pb_position *p)
{
	xmlFreeDoc(p->doc);
	pb_refs_free(&p->refs);
	pb_images_free(&p->images);
	memset(p, 0, sizeof(*p));
}
