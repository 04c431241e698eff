/*
 * cache.c - positions read on demand, shared and freed after last use.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "model.h"
#include "pb.h"
#include "position.h"

enum state {
	UNREAD,
	READING,
	READY
};

struct entry {
	const char		*id;	/* the model's */
	const char		*file;	/* the model's */
	enum state		 state;
	unsigned long		 uses;	/* packets still to use it */
	int			 ok;	/* read without problems */
	struct pb_position	 pos;
};

struct pb_cache {
	const struct pb_model	*m;
	struct entry		*v;
	size_t			 n;
	struct pb_read_opts	 opts;
	pthread_mutex_t		 lock;
	pthread_cond_t		 ready;
};

struct pb_cache *
pb_cache_new(const struct pb_model *m, const struct pb_read_opts *opts,
    const char *skip)
{
	struct pb_cache	*c;
	size_t		 i, k, j;

	c = pb_xcalloc(1, sizeof(*c));
	c->m = m;
	c->n = m->npositions;
	c->v = pb_xcalloc(c->n + 1, sizeof(*c->v));
	c->opts = *opts;
	for (i = 0; i < c->n; i++) {
		c->v[i].id = m->positions[i];
		c->v[i].file = m->position_files[i];
	}
	for (k = 0; k < m->npackets; k++)
		for (i = 0; (skip == NULL || !skip[k]) &&
		    i < m->packets[k].npositions; i++)
			if ((j = pb_model_position(m,
			    m->packets[k].positions[i].id)) != (size_t)-1)
				c->v[j].uses++;
	pthread_mutex_init(&c->lock, NULL);
	pthread_cond_init(&c->ready, NULL);
	return c;
}

void
pb_cache_free(struct pb_cache *c)
{
	size_t	 i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++)
		pb_position_free(&c->v[i].pos);
	free(c->v);
	pthread_mutex_destroy(&c->lock);
	pthread_cond_destroy(&c->ready);
	free(c);
}

/* The position of entry e, read on first use; NULL when unreadable. */
static const struct pb_position *
get(struct pb_cache *c, struct entry *e, struct pb_diags *d)
{
	struct pb_position	 pos;
	int			 ok;

	pthread_mutex_lock(&c->lock);
	while (e->state == READING)
		pthread_cond_wait(&c->ready, &c->lock);
	if (e->state == READY) {
		pthread_mutex_unlock(&c->lock);
		return e->pos.doc != NULL ? &e->pos : NULL;
	}
	e->state = READING;
	pthread_mutex_unlock(&c->lock);
	ok = pb_position_read(e->file, e->id, pb_position_is_xml(e->file), &c->opts, &pos,
	    d);
	pthread_mutex_lock(&c->lock);
	e->pos = pos;
	e->ok = ok;
	e->state = READY;
	pthread_cond_broadcast(&c->ready);
	pthread_mutex_unlock(&c->lock);
	return e->pos.doc != NULL ? &e->pos : NULL;
}

void
pb_cache_open(struct pb_cache *c, const struct pb_packet *pk,
    const struct pb_position **v, struct pb_diags *d)
{
	size_t	 i, j;

	for (i = 0; i < pk->npositions; i++)
		v[i] = (j = pb_model_position(c->m, pk->positions[i].id)) !=
		    (size_t)-1 ? get(c, &c->v[j], d) : NULL;
}

int
pb_cache_last(struct pb_cache *c, const struct pb_packet *pk, size_t i)
{
	struct entry	*e;
	size_t		 j;
	int		 last;

	if (i >= pk->npositions || (j = pb_model_position(c->m,
	    pk->positions[i].id)) == (size_t)-1)
		return 0;
	e = &c->v[j];
	pthread_mutex_lock(&c->lock);
	/* pk itself is one of the uses until it closes */
	last = e->state == READY && e->uses == 1 && e->ok &&
	    e->pos.doc != NULL;
	pthread_mutex_unlock(&c->lock);
	return last;
}

void
pb_cache_close(struct pb_cache *c, const struct pb_packet *pk)
{
	struct pb_position	 pos;
	struct entry		*e;
	size_t			 i, j;

	for (i = 0; i < pk->npositions; i++) {
		if ((j = pb_model_position(c->m, pk->positions[i].id)) ==
		    (size_t)-1)
			continue;
		e = &c->v[j];
		memset(&pos, 0, sizeof(pos));
		pthread_mutex_lock(&c->lock);
		if (e->uses > 0 && --e->uses == 0 && e->ok) {
			pos = e->pos;
			memset(&e->pos, 0, sizeof(e->pos));
			e->state = UNREAD;	/* a failed read stays READY */
		}
		pthread_mutex_unlock(&c->lock);
		pb_position_free(&pos);
	}
}
