#ifndef PAPERGRAPH_CGRAPHVIZ_SHIM_H
#define PAPERGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// Swift 6 rejects mutable C globals such as Agdirected as not concurrency-safe;
// these accessors hand out copies instead.
static inline Agdesc_t pg_agdirected(void) { return Agdirected; }
static inline Agdesc_t pg_agundirected(void) { return Agundirected; }

// aghead/agtail are macros over the edge's in/out halves, which Swift cannot import.
static inline Agnode_t *pg_aghead(Agedge_t *e) { return aghead(e); }
static inline Agnode_t *pg_agtail(Agedge_t *e) { return agtail(e); }

// Exported by libcgraph but missing from its header: flushes the DOT scanner's input buffer.
// agmemread stops after the first graph and leaves the rest of the text (even a trailing
// newline) in the scanner, where the NEXT agmemread would read it first: after parsing
// "digraph A {} digraph B {}", agmemread("digraph C {}") returns B. Call after every parse.
extern void aglexbad(void);
static inline void pg_reset_dot_scanner(void) { aglexbad(); }
#endif
