/*
 * url.c - URL safety (DESIGN.md, Safety) and cmark-compatible escaping.
 * Every path that puts a URL into a document tree goes through here.
 */
#include <string.h>
#include <strings.h>

#include "pb.h"
#include "position.h"

static int
prefix(const char *s, const char *p)
{
	return strncasecmp(s, p, strlen(p)) == 0;
}

int
pb_url_unsafe(const char *url)
{
	const unsigned char	*s = (const unsigned char *)url;

	/* Browsers skip leading spaces and control characters. */
	while (*s != '\0' && *s <= 0x20)
		s++;
	url = (const char *)s;
	if (prefix(url, "javascript:") || prefix(url, "vbscript:") ||
	    prefix(url, "file:"))
		return 1;
	if (prefix(url, "data:"))
		return !(prefix(url, "data:image/png") ||
		    prefix(url, "data:image/gif") ||
		    prefix(url, "data:image/jpeg") ||
		    prefix(url, "data:image/webp"));
	return 0;
}

/* Characters cmark's renderer leaves as they are in an href. */
static int
href_safe(unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'))
		return 1;
	return c != '\0' && strchr("-_.+!*'(),%#@?=;:/&$~", c) != NULL;
}

char *
pb_url_escape(const char *url)
{
	static const char	 hex[] = "0123456789ABCDEF";
	struct pb_buf		 b = { NULL, 0, 0 };
	const unsigned char	*s;

	for (s = (const unsigned char *)url; *s != '\0'; s++) {
		if (href_safe(*s)) {
			pb_buf_putc(&b, (char)*s);
		} else {
			pb_buf_putc(&b, '%');
			pb_buf_putc(&b, hex[*s >> 4]);
			pb_buf_putc(&b, hex[*s & 15]);
		}
	}
	if (b.data == NULL)
		pb_buf_put(&b, "", 0);
	return b.data;
}
