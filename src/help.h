/*
 * help.h - the words of the command line: each command's synopsis, what
 * it does and its options, the usage of every command, and --version.
 * Part of the driver, which alone prints.
 */
#ifndef PB_HELP_H
#define PB_HELP_H

#include <stdio.h>

/* What a command takes: the synopsis line and its options. */
struct pb_help {
	const char	*name;
	const char	*synopsis;
	const char	*what;
	const char	*options;
};

/*
 * The help of the command called name, from a static table (nobody
 * frees it), or NULL when there is no such command.
 */
const struct pb_help *pb_help_of(const char *name);

/*
 * Stores the names of every command into names (room for max) in the
 * order of the usage; returns how many there are.
 */
size_t pb_help_names(const char **names, size_t max);

/* Prints the synopsis of every command to f. */
void pb_usage(FILE *f);

/* Prints the help of command h on standard output; the exit status. */
int pb_help_print(const struct pb_help *h);

/*
 * peerbrief --version: prints the program's version and the libraries it
 * runs with on standard output; the exit status.
 */
int pb_version(void);

#endif /* PB_HELP_H */
