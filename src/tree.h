/*
 * tree.h - building the document tree of docs/tree.md with libxml2:
 * the pb:position root, its pb:meta, and text and attributes that are
 * always legal XML 1.0.
 */
#ifndef PB_TREE_H
#define PB_TREE_H

#include <libxml/tree.h>

/*
 * Makes a new document whose root is <pb:position id= source=> holding an
 * empty <pb:meta>. Sets *pb to the pb namespace and *meta to the meta
 * element. The caller frees the document with xmlFreeDoc.
 */
xmlDocPtr pb_tree_position_new(const char *file, const char *id,
    xmlNsPtr *pb, xmlNodePtr *meta);

/*
 * Puts pb:title first and pb:lang last in meta, with the given texts
 * (copied), so every stylesheet finds both.
 */
void pb_tree_meta_finish(xmlNodePtr meta, const char *title,
    const char *lang);

/*
 * Appends len bytes of UTF-8 text to node, replacing characters that
 * XML 1.0 forbids with U+FFFD. The text is copied.
 */
void pb_tree_add_text(xmlNodePtr node, const char *s, size_t len);

/* Non-zero when n is the element name of the peerbrief namespace. */
int pb_tree_is_pb(xmlNodePtr n, const char *name);

/*
 * Adds <name>text</name> under parent, in parent's namespace, the text
 * copied and cleaned like pb_tree_add_text; nothing when text is NULL.
 * Returns the new element (owned by the tree) or NULL.
 */
xmlNodePtr pb_tree_text_child(xmlNodePtr parent, const char *name,
    const char *text);

/* Sets attribute name to value (copied, cleaned like pb_tree_add_text). */
void pb_tree_set_prop(xmlNodePtr node, const char *name, const char *value);

/* Returns non-zero when s looks like a BCP 47 language tag. */
int pb_lang_valid(const char *s);

/*
 * The node after n in document order (a preorder walk) within the
 * subtree of top, or NULL when the walk is done: walks a tree without
 * recursion, `for (n = top; n != NULL; n = pb_tree_next(n, top))`. Only
 * elements are descended into; n must be top or a node under it.
 */
xmlNodePtr pb_tree_next(xmlNodePtr n, xmlNodePtr top);

/*
 * Like pb_tree_next but passes over everything under n: the node after
 * n's subtree within top's, or NULL when there is none.
 */
xmlNodePtr pb_tree_skip(xmlNodePtr n, xmlNodePtr top);

/*
 * Where element n starts in its file, as the tree has it: the line
 * libxml2 recorded when it parsed n, column 0. Returns 0, with *line and
 * *col 0, when n has no place in a file (an element made by the program,
 * as every element of a Markdown body is). The readers record the line
 * and column of each pb:value, pb:directive, pb:cite and cm:image in
 * struct pb_refs (position.h); this is where a caller turns when a node
 * has none there. No sourcepos string is read back.
 */
int pb_tree_pos(xmlNodePtr n, unsigned long *line, unsigned long *col);

/* The text content of n without surrounding white space; caller frees. */
char *pb_tree_text(xmlNodePtr n);

/* The value of attribute name of n, or NULL; the caller frees it. */
char *pb_tree_attr(xmlNodePtr n, const char *name);

/* Collapses runs of white space in s to one space and trims both ends, in
 * place; returns s. */
char *pb_tree_squeeze(char *s);

#endif /* PB_TREE_H */
