/*
 * url.h - the URLs of links and images a position may carry into the
 * output: which are refused and how the others are escaped.
 */
#ifndef PB_URL_H
#define PB_URL_H

/*
 * Returns non-zero when url must not reach the output: after leading
 * whitespace and control characters, it starts (case-insensitively) with
 * javascript:, vbscript:, file: or data: other than data:image/png, gif,
 * jpeg or webp.
 */
int pb_url_unsafe(const char *url);

/*
 * Percent-encodes url the way cmark's HTML renderer does, into a new
 * string the caller frees.
 */
char *pb_url_escape(const char *url);

#endif /* PB_URL_H */
