/*
 * csv.h - reading CSV files as spreadsheets export them (RFC 4180:
 * quoted cells, doubled quotes, CRLF or LF line ends, a UTF-8 byte-order
 * mark), every cell with the line and column where it starts, counted in
 * characters as an editor shows them.
 */
#ifndef PB_CSV_H
#define PB_CSV_H

#include <stddef.h>

#include "pb.h"

/* One cell: its text (unquoted, NUL-terminated) and where it starts (for
 * a quoted cell, its opening quote). */
struct pb_csv_cell {
	char		*text;
	unsigned long	 line;
	unsigned long	 col;
	int		 quoted;
};

/* One record; line is where it starts. */
struct pb_csv_row {
	struct pb_csv_cell	*cells;
	size_t			 n;
	unsigned long		 line;
};

/* A whole file's records, empty lines left out. */
struct pb_csv {
	struct pb_csv_row	*rows;
	size_t			 n;
};

/*
 * Parses data (len bytes) of file into c. Returns 1, or 0 with the first
 * problem (a quote left open, a stray quote, bytes that are not UTF-8, a
 * control character) recorded in d at its position; c holds the records
 * read before it either way. Free c with pb_csv_free.
 */
int pb_csv_parse(const char *file, const char *data, size_t len,
    struct pb_csv *c, struct pb_diags *d);

/* Frees the records of c and empties it; NULL is a no-op. */
void pb_csv_free(struct pb_csv *c);

/*
 * The column, counted in characters, of the byte off of s, s's first
 * byte standing at column col.
 */
unsigned long pb_csv_col(const char *s, size_t off, unsigned long col);

#endif /* PB_CSV_H */
