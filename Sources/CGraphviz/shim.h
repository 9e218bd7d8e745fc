#ifndef PAPERGRAPH_CGRAPHVIZ_SHIM_H
#define PAPERGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// Swift 6 rejects mutable C globals such as Agdirected as not concurrency-safe;
// these accessors hand out copies instead.
static inline Agdesc_t pg_agdirected(void) { return Agdirected; }
static inline Agdesc_t pg_agundirected(void) { return Agundirected; }
#endif
