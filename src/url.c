/*
 * url.c - URL safety (DESIGN.md, Safety) and cmark-compatible escaping.
 * Every path that puts a URL into a document tree goes through here.
 */
#include <string.h>
#include <strings.h>

#include "pb.h"
#include "url.h"

static int
prefix(const char *s, const char *p)
{
	return strncasecmp(s, p, strlen(p)) == 0;
}

/* Non-zero when s is data:image/TYPE followed by ';' or ','. */
static int
data_image(const char *s)
{
	static const char *const types[] = {
		"data:image/png", "data:image/gif", "data:image/jpeg",
		"data:image/webp"
	};
	size_t	 i, n;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		n = strlen(types[i]);
		if (strncasecmp(s, types[i], n) == 0 &&
		    (s[n] == ';' || s[n] == ','))
			return 1;
	}
	return 0;
}

int
pb_url_unsafe(const char *url)
{
	const unsigned char	*s = (const unsigned char *)url;
	char			 buf[32];
	size_t			 n = 0;

	/* Read the start as browsers do (the WHATWG URL parser): leading
	 * spaces and control characters skipped, every tab, CR and LF
	 * removed wherever it stands. */
	while (*s != '\0' && *s <= 0x20)
		s++;
	for (; *s != '\0' && n < sizeof(buf) - 1; s++)
		if (*s != '\t' && *s != '\n' && *s != '\r')
			buf[n++] = (char)*s;
	buf[n] = '\0';
	if (prefix(buf, "javascript:") || prefix(buf, "vbscript:") ||
	    prefix(buf, "file:"))
		return 1;
	if (prefix(buf, "data:"))
		return !data_image(buf);
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
