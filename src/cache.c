/*
 * cache.c - positions read on demand, shared and freed after last use.
 */
#include <sys/stat.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

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
	const char	*id;	/* the model's */
	char		*file;
	int		 xml;
	enum state	 state;
	unsigned long	 uses;	/* pb_cache_get calls still to come */
	xmlDocPtr	 doc;
};

struct pb_cache {
	struct entry		*v;
	size_t			 n;
	struct pb_read_opts	 opts;
	pthread_mutex_t		 lock;
	pthread_cond_t		 ready;
};

xmlDocPtr
pb_position_read_file(const char *path, const char *id, int xml,
    const struct pb_read_opts *o, struct pb_diags *d)
{
	char		*data;
	size_t		 len;
	xmlDocPtr	 doc;

	if (!pb_file_read(path, &data, &len, d))
		return NULL;
	doc = xml ? pb_xmlpos_read(path, data, len, id, o, d) :
	    pb_markdown_read(path, data, len, id, o, d);
	free(data);
	return doc;
}

struct pb_cache *
pb_cache_new(const struct pb_model *m, const char *indir,
    const struct pb_read_opts *opts)
{
	struct pb_cache	*c;
	struct stat	 st;
	size_t		 i;

	c = pb_xcalloc(1, sizeof(*c));
	c->n = m->npositions;
	c->v = pb_xcalloc(c->n + 1, sizeof(*c->v));
	c->opts = *opts;
	for (i = 0; i < c->n; i++) {
		c->v[i].id = m->positions[i];
		c->v[i].file = pb_xasprintf("%s/positions/%s.md", indir,
		    m->positions[i]);
		if (stat(c->v[i].file, &st) != 0) {
			free(c->v[i].file);
			c->v[i].file = pb_xasprintf("%s/positions/%s.xml",
			    indir, m->positions[i]);
			c->v[i].xml = 1;
		}
	}
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
	for (i = 0; i < c->n; i++) {
		free(c->v[i].file);
		xmlFreeDoc(c->v[i].doc);
	}
	free(c->v);
	pthread_mutex_destroy(&c->lock);
	pthread_cond_destroy(&c->ready);
	free(c);
}

size_t
pb_cache_find(const struct pb_cache *c, const char *id)
{
	size_t	 lo = 0, hi = c->n, mid;
	int	 r;

	/* the model lists positions sorted by id */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((r = strcmp(id, c->v[mid].id)) == 0)
			return mid;
		if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (size_t)-1;
}

const char *
pb_cache_file(const struct pb_cache *c, size_t i)
{
	return c->v[i].file;
}

void
pb_cache_expect(struct pb_cache *c, size_t i)
{
	pthread_mutex_lock(&c->lock);
	c->v[i].uses++;
	pthread_mutex_unlock(&c->lock);
}

xmlDocPtr
pb_cache_get(struct pb_cache *c, size_t i, struct pb_diags *d)
{
	struct entry	*e = &c->v[i];
	xmlDocPtr	 doc;

	pthread_mutex_lock(&c->lock);
	while (e->state == READING)
		pthread_cond_wait(&c->ready, &c->lock);
	if (e->state == READY) {
		doc = e->doc;
		pthread_mutex_unlock(&c->lock);
		return doc;
	}
	e->state = READING;
	pthread_mutex_unlock(&c->lock);
	doc = pb_position_read_file(e->file, e->id, e->xml, &c->opts, d);
	pthread_mutex_lock(&c->lock);
	e->doc = doc;
	e->state = READY;
	pthread_cond_broadcast(&c->ready);
	pthread_mutex_unlock(&c->lock);
	return doc;
}

void
pb_cache_put(struct pb_cache *c, size_t i)
{
	struct entry	*e = &c->v[i];
	xmlDocPtr	 doc = NULL;

	pthread_mutex_lock(&c->lock);
	if (e->uses > 0 && --e->uses == 0 && e->doc != NULL) {
		doc = e->doc;
		e->doc = NULL;
		e->state = UNREAD;	/* a failed read stays READY, once */
	}
	pthread_mutex_unlock(&c->lock);
	xmlFreeDoc(doc);
}
