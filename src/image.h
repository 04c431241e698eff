/*
 * image.h - the images a Markdown position links by relative path: each
 * found inside the input folder, its type told by its first bytes, and
 * the name it takes in the packet's folder, media/HASH.TYPE, beside the
 * HTML and the DocBook.
 */
#ifndef PB_IMAGE_H
#define PB_IMAGE_H

#include <libxml/tree.h>

#include "pb.h"

/* The largest image a packet copies. */
#define PB_MAX_IMAGE (10u * 1024 * 1024)

/* One image a position links. */
struct pb_image {
	char	*name;	/* its file below the input folder */
	char	*path;	/* the file as the run names it; NULL: missing */
	char	*out;	/* its name in the packet's folder; NULL: missing */
};

struct pb_images {
	struct pb_image	*v;
	size_t		 n;
};

struct pb_refs;

/*
 * Finds the file of every cm:image under root whose destination is a
 * relative path, resolved against the folder of file (a position inside
 * indir), and points the image at its copy (media/HASH.TYPE). A missing
 * file is a warning and keeps its destination; a path out of indir, a
 * file over PB_MAX_IMAGE, or one that is not PNG, JPEG, GIF, WebP or a
 * plain SVG, is an error at the image: the k-th, where refs->image[k]
 * says (position.h; refs NULL, or an image past those, at its parse
 * line). Each image found goes to im (the caller frees it with
 * pb_images_free). Returns 0 when there was an error.
 */
int pb_images_resolve(xmlNodePtr root, const struct pb_refs *refs,
    const char *file, const char *indir, struct pb_images *im,
    struct pb_diags *d);

/*
 * Checks the images under root as pb_images_resolve does, with the same
 * warnings and errors, but leaves every destination as it was written
 * (convert's output is the position as written). below, when not NULL,
 * is the position's folder below indir ("positions"), for a file named
 * from elsewhere; NULL: found from file. Returns 0 when there was an
 * error.
 */
int pb_images_check(xmlNodePtr root, const struct pb_refs *refs,
    const char *file, const char *indir, const char *below,
    struct pb_diags *d);

/* Frees what im holds and empties it; NULL is a no-op. */
void pb_images_free(struct pb_images *im);

#endif /* PB_IMAGE_H */
