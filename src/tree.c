/*
 * tree.c - helpers that build the document tree the stylesheets read.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "pb.h"
#include "tree.h"

xmlDocPtr
pb_tree_position_new(const char *file, const char *id, xmlNsPtr *pb,
    xmlNodePtr *meta)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root;

	doc = xmlNewDoc(BAD_CAST "1.0");
	root = xmlNewDocNode(doc, NULL, BAD_CAST "position", NULL);
	*pb = xmlNewNs(root, BAD_CAST PB_NS, BAD_CAST "pb");
	xmlSetNs(root, *pb);
	xmlDocSetRootElement(doc, root);
	if (id != NULL)
		pb_tree_set_prop(root, "id", id);
	pb_tree_set_prop(root, "source", file);
	*meta = xmlNewChild(root, *pb, BAD_CAST "meta", NULL);
	return doc;
}

void
pb_tree_meta_finish(xmlNodePtr meta, const char *title, const char *lang)
{
	xmlNodePtr	 t, l;

	t = xmlNewDocNode(meta->doc, meta->ns, BAD_CAST "title", NULL);
	pb_tree_add_text(t, title, strlen(title));
	if (meta->children != NULL)
		xmlAddPrevSibling(meta->children, t);
	else
		xmlAddChild(meta, t);
	l = xmlNewChild(meta, meta->ns, BAD_CAST "lang", NULL);
	pb_tree_add_text(l, lang, strlen(lang));
}

/* Length of the UTF-8 sequence at s (n bytes left), or 0 if invalid. */
static size_t
utf8_len(const unsigned char *s, size_t n, unsigned long *cp)
{
	size_t		 k, i;
	unsigned long	 c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if ((s[0] & 0xE0) == 0xC0) {
		k = 2;
		c = s[0] & 0x1F;
	} else if ((s[0] & 0xF0) == 0xE0) {
		k = 3;
		c = s[0] & 0x0F;
	} else if ((s[0] & 0xF8) == 0xF0) {
		k = 4;
		c = s[0] & 0x07;
	} else
		return 0;
	if (k > n)
		return 0;
	for (i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((k == 2 && c < 0x80) || (k == 3 && c < 0x800) ||
	    (k == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return k;
}

static int
xml_char(unsigned long c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	    (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/*
 * Returns a new string of the len bytes at s with the characters XML 1.0
 * forbids (and bytes that are not UTF-8) replaced by U+FFFD; the caller
 * frees it.
 */
/*
 * The length of the run of characters XML allows at the start of the len
 * bytes at s; *n is the length of the byte sequence that ends it (0 when
 * it is no UTF-8).
 */
static size_t
xml_run(const unsigned char *p, size_t len, size_t *n)
{
	size_t		 k = 0;
	unsigned long	 c;

	*n = 0;
	for (;;) {
		/* printable ASCII, the commonest, in a tight loop */
		while (k < len && p[k] >= 0x20 && p[k] < 0x80)
			k++;
		if (k == len)
			return k;
		if ((*n = utf8_len(p + k, len - k, &c)) == 0 || !xml_char(c))
			return k;
		k += *n;
	}
}

static char *
xml_clean(const char *s, size_t len)
{
	struct pb_buf		 b = { NULL, 0, 0 };
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, k, n = 0;

	pb_buf_put(&b, "", 0);
	while (i < len) {
		/* a run of characters XML allows, copied at once */
		k = i + xml_run(p + i, len - i, &n);
		pb_buf_put(&b, s + i, k - i);
		if ((i = k) < len) {
			pb_buf_puts(&b, "\xEF\xBF\xBD");
			i += n ? n : 1;
		}
	}
	return b.data;
}

void
pb_tree_add_text(xmlNodePtr node, const char *s, size_t len)
{
	char	*c;
	size_t	 n;

	if (len == 0)
		return;
	/* text XML allows as it is (nearly all): no copy to clean it */
	if (xml_run((const unsigned char *)s, len, &n) == len) {
		xmlNodeAddContentLen(node, BAD_CAST s, (int)len);
		return;
	}
	c = xml_clean(s, len);
	xmlNodeAddContent(node, BAD_CAST c);
	free(c);
}

void
pb_tree_set_prop(xmlNodePtr node, const char *name, const char *value)
{
	char	*c;
	size_t	 len = strlen(value), n;

	if (xml_run((const unsigned char *)value, len, &n) == len) {
		xmlSetProp(node, BAD_CAST name, BAD_CAST value);
		return;
	}
	c = xml_clean(value, len);
	xmlSetProp(node, BAD_CAST name, BAD_CAST c);
	free(c);
}

int
pb_lang_valid(const char *s)
{
	size_t	 i, run = 0;

	if (s == NULL || s[0] == '\0' || strlen(s) > 35)
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == '-') {
			if (run == 0)
				return 0;
			run = 0;
			continue;
		}
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (i > 0 && s[i] >= '0' && s[i] <= '9')))
			return 0;
		if (++run > 8)
			return 0;
	}
	return run > 0;
}

xmlNodePtr
pb_tree_next(xmlNodePtr n, xmlNodePtr top)
{
	if (n->type == XML_ELEMENT_NODE && n->children != NULL)
		return n->children;
	return pb_tree_skip(n, top);
}

xmlNodePtr
pb_tree_skip(xmlNodePtr n, xmlNodePtr top)
{
	while (n != top && n->next == NULL)
		n = n->parent;
	return n == top ? NULL : n->next;
}

int
pb_tree_pos(xmlNodePtr n, unsigned long *line, unsigned long *col)
{
	long	 l = xmlGetLineNo(n);

	*line = l > 0 ? (unsigned long)l : 0;
	*col = 0;
	return *line != 0;
}

char *
pb_tree_text(xmlNodePtr n)
{
	xmlChar	*t = xmlNodeGetContent(n);
	char	*s, *p;
	size_t	 len;

	p = (char *)(t ? t : BAD_CAST "");
	p += strspn(p, " \t\r\n");
	len = strlen(p);
	while (len > 0 && strchr(" \t\r\n", p[len - 1]) != NULL)
		len--;
	s = pb_xstrndup(p, len);
	xmlFree(t);
	return s;
}

char *
pb_tree_attr(xmlNodePtr n, const char *name)
{
	xmlChar	*v = xmlGetProp(n, BAD_CAST name);
	char	*s;

	if (v == NULL)
		return NULL;
	s = pb_xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

char *
pb_tree_squeeze(char *s)
{
	char	*r, *w = s;
	int	 sp = 0;

	for (r = s; *r != '\0'; r++) {
		if (strchr(" \t\r\n", *r) != NULL) {
			sp = w != s;
			continue;
		}
		if (sp)
			*w++ = ' ';
		sp = 0;
		*w++ = *r;
	}
	*w = '\0';
	return s;
}

int
pb_tree_is_pb(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    xmlStrEqual(n->ns->href, BAD_CAST PB_NS) &&
	    xmlStrEqual(n->name, BAD_CAST name);
}

xmlNodePtr
pb_tree_text_child(xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr	 n;

	if (text == NULL)
		return NULL;
	n = xmlNewChild(parent, parent->ns, BAD_CAST name, NULL);
	pb_tree_add_text(n, text, strlen(text));
	return n;
}
