/*
 * harness.h - what the libFuzzer harnesses share: finding the
 * repository's data folders (templates/, schema/) and failing loudly when
 * the harness itself cannot start. Header-only: each harness is one
 * translation unit plus the project's objects.
 */
#ifndef PB_FUZZ_HARNESS_H
#define PB_FUZZ_HARNESS_H

#include <sys/stat.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pb.h"

/*
 * Returns a new string (caller frees) naming the folder sub of the
 * repository: the value of the environment variable env when set, else
 * the folder two levels above the running binary (tests/fuzz/../../sub).
 * Aborts when the folder does not exist: a harness without its data
 * would fuzz nothing.
 */
static inline char *
fuzz_data_dir(const char *env, const char *sub)
{
	char		 exe[PATH_MAX], *p, *slash;
	ssize_t		 n;
	struct stat	 st;

	if ((p = getenv(env)) != NULL && *p != '\0')
		p = pb_xstrdup(p);
	else {
		n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
		if (n <= 0) {
			fprintf(stderr, "fuzz: cannot find own binary; set "
			    "%s\n", env);
			abort();
		}
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		p = pb_xasprintf("%s/../../%s", exe, sub);
	}
	if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "fuzz: %s is not a folder; set %s\n", p, env);
		abort();
	}
	return p;
}

/* Prints every diagnostic of a failed setup and aborts. */
static inline void
fuzz_setup_failed(const char *what, struct pb_diags *d)
{
	size_t	 i;

	for (i = 0; i < d->n; i++)
		fprintf(stderr, "%s:%lu:%lu: %s\n", d->v[i].file,
		    d->v[i].line, d->v[i].col, d->v[i].msg);
	fprintf(stderr, "fuzz: %s failed\n", what);
	abort();
}

/*
 * With FUZZ_VERBOSE set in the environment, prints the diagnostics of an
 * iteration (what a reproducer does to the program, without gdb) and
 * returns non-zero; otherwise returns 0 and prints nothing.
 */
static inline int
fuzz_verbose(const char *stage, const struct pb_diags *d)
{
	static int	 on = -1;
	size_t		 i;

	if (on == -1)
		on = getenv("FUZZ_VERBOSE") != NULL;
	if (!on)
		return 0;
	fprintf(stderr, "[%s] %zu diagnostics, %zu errors\n", stage, d->n,
	    d->errors);
	for (i = 0; i < d->n; i++)
		fprintf(stderr, "  %s:%lu:%lu: %s\n", d->v[i].file,
		    d->v[i].line, d->v[i].col, d->v[i].msg);
	return 1;
}

#endif /* PB_FUZZ_HARNESS_H */
