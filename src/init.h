/*
 * init.h - `peerbrief init`: a new project written from the skeleton
 * folder that ships beside the templates.
 */
#ifndef PB_INIT_H
#define PB_INIT_H

#include "pb.h"

/*
 * Copies every file and folder under skel into dir, which must not exist
 * yet (its parent folders are made) or be an empty folder; no file is
 * overwritten. Returns PB_EXIT_OK, PB_EXIT_USAGE when dir is not an
 * empty folder, or PB_EXIT_SYSTEM, the problem recorded in d.
 */
int pb_init_project(const char *skel, const char *dir, struct pb_diags *d);

#endif /* PB_INIT_H */
