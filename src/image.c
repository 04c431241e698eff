/*
 * image.c - finding, checking and naming the images a position links by
 * relative path, so that a build copies them beside the packet's HTML
 * and DocBook (build.c) and rebuilds the packet when one changes
 * (manifest.c).
 */
#include <sys/stat.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "hash.h"
#include "image.h"
#include "pb.h"
#include "position.h"
#include "tree.h"
#include "xmlread.h"

#define SVG_NS "http://www.w3.org/2000/svg"

/* Decodes %XX escapes of s (the destination as written) into a new string. */
static char *
unescape(const char *s)
{
	struct pb_buf	 b = { NULL, 0, 0 };
	unsigned int	 c;

	for (; *s != '\0'; s++) {
		if (s[0] == '%' && isxdigit((unsigned char)s[1]) &&
		    isxdigit((unsigned char)s[2]) &&
		    sscanf(s + 1, "%2x", &c) == 1 && c != 0) {
			pb_buf_putc(&b, (char)c);
			s += 2;
		} else
			pb_buf_putc(&b, *s);
	}
	pb_buf_putc(&b, '\0');
	return b.data;
}

/* Non-zero when url names a scheme ("https:", "mailto:") or a host ("//"). */
static int
remote(const char *url)
{
	const char	*p = url;

	if (url[0] == '/' && url[1] == '/')
		return 1;
	if (!isalpha((unsigned char)*p))
		return 0;
	while (isalnum((unsigned char)*p) || *p == '+' || *p == '-' ||
	    *p == '.')
		p++;
	return *p == ':';
}

/*
 * Joins the folder dir (below the input folder, "" for it) and the
 * relative path rel, with "." and ".." taken away; NULL when ".." leaves
 * the input folder. The caller frees the result.
 */
static char *
join(const char *dir, const char *rel)
{
	char	*s, *seg, *save, **v;
	size_t	 n = 0, i;
	struct pb_buf b = { NULL, 0, 0 };

	s = pb_xasprintf("%s/%s", dir, rel);
	v = pb_xcalloc(strlen(s) + 1, sizeof(*v));
	for (seg = strtok_r(s, "/", &save); seg != NULL;
	    seg = strtok_r(NULL, "/", &save)) {
		if (strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			if (n == 0) {
				free(v);
				free(s);
				return NULL;
			}
			n--;
			continue;
		}
		v[n++] = seg;
	}
	for (i = 0; i < n; i++) {
		if (i > 0)
			pb_buf_putc(&b, '/');
		pb_buf_puts(&b, v[i]);
	}
	pb_buf_putc(&b, '\0');
	free(v);
	free(s);
	return b.data;
}

/* Non-zero when s holds "href" in any case. */
static int
has_href(const char *s)
{
	for (; *s != '\0'; s++)
		if (strncasecmp(s, "href", 4) == 0)
			return 1;
	return 0;
}

/*
 * Non-zero when the SVG element top and everything under it can do
 * nothing but draw: no script or foreignObject element, no on* event
 * attribute, no link (href) other than to a fragment of itself, no
 * animation that sets one.
 */
static int
svg_plain(xmlNodePtr top)
{
	xmlNodePtr	 n;
	xmlAttrPtr	 a;
	xmlChar		*v;
	int		 ok = 1;

	for (n = top; ok && n != NULL; n = pb_tree_next(n, top)) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcasecmp((const char *)n->name, "script") == 0 ||
		    strcasecmp((const char *)n->name, "foreignObject") == 0)
			return 0;
		for (a = n->properties; ok && a != NULL; a = a->next) {
			v = xmlNodeGetContent((xmlNodePtr)a);
			if (strncasecmp((const char *)a->name, "on", 2) == 0)
				ok = 0;
			else if (strcmp((const char *)a->name, "href") == 0 &&
			    (v == NULL || v[0] != '#'))
				ok = 0;
			else if (strcmp((const char *)a->name,
			    "attributeName") == 0 && v != NULL &&
			    (has_href((const char *)v) ||
			    strncasecmp((const char *)v, "on", 2) == 0))
				ok = 0;
			xmlFree(v);
		}
	}
	return ok;
}

/*
 * The type of the image data (len bytes) by its first bytes: "png",
 * "jpg", "gif", "webp" or "svg" (well-formed XML whose root is an SVG
 * svg element that can only draw, see svg_plain); NULL for anything else.
 * *unsafe is set for an SVG that could do more.
 */
static const char *
sniff(const char *file, const char *data, size_t len, int *unsafe)
{
	const unsigned char	*u = (const unsigned char *)data;
	struct pb_diags		 d = { NULL, 0, 0, 0 };
	xmlDocPtr		 doc;
	xmlNodePtr		 root;
	const char		*type = NULL;
	size_t			 i = 0;

	*unsafe = 0;
	if (len >= 8 && memcmp(u, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "png";
	if (len >= 3 && u[0] == 0xff && u[1] == 0xd8 && u[2] == 0xff)
		return "jpg";
	if (len >= 6 && (memcmp(u, "GIF87a", 6) == 0 ||
	    memcmp(u, "GIF89a", 6) == 0))
		return "gif";
	if (len >= 12 && memcmp(u, "RIFF", 4) == 0 &&
	    memcmp(u + 8, "WEBP", 4) == 0)
		return "webp";
	if (len >= 3 && memcmp(u, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && isspace(u[i]))
		i++;
	if (i >= len || u[i] != '<')
		return NULL;
	if ((doc = pb_xml_parse(file, data, len, &d)) != NULL &&
	    (root = xmlDocGetRootElement(doc)) != NULL && root->ns != NULL &&
	    xmlStrEqual(root->ns->href, BAD_CAST SVG_NS) &&
	    xmlStrEqual(root->name, BAD_CAST "svg")) {
		type = "svg";
		*unsafe = !svg_plain(root);
	}
	xmlFreeDoc(doc);
	pb_diags_free(&d);
	return type;
}

/* Appends an image to im. */
static struct pb_image *
add(struct pb_images *im, const char *name)
{
	struct pb_image	*e;

	im->v = pb_grow(im->v, im->n, sizeof(*im->v));
	e = &im->v[im->n++];
	memset(e, 0, sizeof(*e));
	e->name = pb_xstrdup(name);
	return e;
}

/*
 * Resolves one cm:image x, written at line:col (see pb_images_resolve);
 * the image is pointed at its copy only when point is set
 * (pb_images_check leaves it).
 */
static void
resolve(xmlNodePtr x, unsigned long line, unsigned long col,
    const char *file, const char *dir, const char *indir, int point,
    struct pb_images *im, struct pb_diags *d)
{
	xmlChar		*dest;
	char		*rel = NULL, *name = NULL, *path = NULL, *data = NULL, *what;
	const char	*type;
	struct pb_image	*e;
	struct pb_hash	 h;
	struct stat	 st;
	size_t		 len;
	int		 unsafe;
	char		 hex[PB_HASH_HEX];

	dest = xmlGetProp(x, BAD_CAST "destination");
	if (dest == NULL || dest[0] == '\0' || dest[0] == '#' ||
	    remote((const char *)dest))
		goto out;
	rel = unescape((const char *)dest);
	rel[strcspn(rel, "?#")] = '\0';
	if (rel[0] == '\0')
		goto out;
	if (rel[0] == '/') {
		pb_diag_error(d, file, line, col, "image '%s' is an absolute "
		    "path: give it relative to the position's folder, inside "
		    "the input folder", rel);
		goto out;
	}
	if ((name = join(dir, rel)) == NULL || name[0] == '\0') {
		pb_diag_error(d, file, line, col, "image '%s' lies outside "
		    "the input folder: keep images inside it", rel);
		goto out;
	}
	path = pb_xasprintf("%s/%s", indir, name);
	if (lstat(path, &st) != 0) {
		pb_diag_warning(d, file, line, col, "image '%s' not found (no "
		    "file %s in the input folder): put the file there or "
		    "correct the path; until then the packet links to a "
		    "missing file", rel, name);
		add(im, name);
		goto out;
	}
	if (!pb_path_inside(path, indir)) {
		pb_diag_error(d, file, line, col, "image '%s' leads outside "
		    "the input folder (a symbolic link): keep images inside it",
		    rel);
		goto out;
	}
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		what = pb_xasprintf("image '%s'", rel);
		pb_diag_not_regular(d, file, line, col, what);
		free(what);
		goto out;
	}
	if ((unsigned long long)st.st_size > PB_MAX_IMAGE) {
		pb_diag_error(d, file, line, col, "image '%s' is %llu bytes, "
		    "over the limit of %u (10 MiB): make it smaller", rel,
		    (unsigned long long)st.st_size, PB_MAX_IMAGE);
		goto out;
	}
	if (!pb_file_read(path, &data, &len, d))
		goto out;
	if ((type = sniff(path, data, len, &unsafe)) == NULL) {
		pb_diag_error(d, file, line, col, "image '%s' is not a PNG, "
		    "JPEG, GIF, WebP or SVG file (by its content)", rel);
		goto out;
	}
	if (unsafe) {
		pb_diag_error(d, file, line, col, "image '%s' is an SVG with a "
		    "script, an event handler, a foreignObject or a link to "
		    "another file: only SVG that draws is copied", rel);
		goto out;
	}
	h = pb_hash_data(data, len);
	pb_hash_format(h, hex);
	e = add(im, name);
	e->path = path;
	path = NULL;
	e->out = pb_xasprintf("media/%s.%s", hex, type);
	if (point)
		xmlSetProp(x, BAD_CAST "destination", BAD_CAST e->out);
out:
	free(data);
	free(path);
	free(name);
	free(rel);
	xmlFree(dest);
}

/*
 * pb_images_resolve, and with point 0 pb_images_check; below, when not
 * NULL, is the position's folder below indir (else found from file).
 */
static int
images(xmlNodePtr root, const struct pb_refs *refs, const char *file,
    const char *indir, const char *below, int point, struct pb_images *im,
    struct pb_diags *d)
{
	xmlNodePtr	 x;
	struct pb_src	 at;
	size_t		 errs = d->errors, n = strlen(indir), k = 0;
	char		*dir;
	const char	*slash;

	/* the position's folder below the input folder */
	if (below != NULL)
		dir = pb_xstrdup(below);
	else {
		if (strncmp(file, indir, n) == 0 && file[n] == '/')
			dir = pb_xstrdup(file + n + 1);
		else
			dir = pb_xstrdup(file);
		if ((slash = strrchr(dir, '/')) != NULL)
			dir[slash - dir] = '\0';
		else
			dir[0] = '\0';
	}
	/* every element in document order, without recursion; the k-th
	 * image written where the reader recorded it */
	for (x = root; x != NULL; x = pb_tree_next(x, root)) {
		if (x->type != XML_ELEMENT_NODE || x->ns == NULL ||
		    !xmlStrEqual(x->ns->href, BAD_CAST PB_CM_NS) ||
		    !xmlStrEqual(x->name, BAD_CAST "image"))
			continue;
		if (refs != NULL && k < refs->nimage)
			at = refs->image[k];
		else
			pb_tree_pos(x, &at.line, &at.col);
		k++;
		resolve(x, at.line, at.col, file, dir, indir, point, im, d);
	}
	free(dir);
	return d->errors == errs;
}

int
pb_images_resolve(xmlNodePtr root, const struct pb_refs *refs,
    const char *file, const char *indir, struct pb_images *im,
    struct pb_diags *d)
{
	return images(root, refs, file, indir, NULL, 1, im, d);
}

int
pb_images_check(xmlNodePtr root, const struct pb_refs *refs,
    const char *file, const char *indir, const char *below,
    struct pb_diags *d)
{
	struct pb_images	 im = { NULL, 0 };
	int			 ok;

	ok = images(root, refs, file, indir, below, 0, &im, d);
	pb_images_free(&im);
	return ok;
}

void
pb_images_free(struct pb_images *im)
{
	size_t	 i;

	if (im == NULL)
		return;
	for (i = 0; i < im->n; i++) {
		free(im->v[i].name);
		free(im->v[i].path);
		free(im->v[i].out);
	}
	free(im->v);
	im->v = NULL;
	im->n = 0;
}
