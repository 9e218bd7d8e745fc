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
#include <stdlib.h>
#include <string.h>

// ---------------------------------------------------------------------------------------------
// Deterministic parsing. cgraph's default ID discipline gives every named object the ADDRESS
// of its interned name string as its ID, and keeps subgraphs ordered by ID, so the order in
// which `dot` lays out and draws clusters followed malloc's heap layout. In a process that had
// done other work first (threads, earlier renders) that layout differed from run to run, and
// so did the SVG of every view with clusters. This ID discipline numbers names in the order
// the parser meets them (even IDs 2, 4, 6, ...; anonymous objects get odd IDs from a counter
// of their own graph), so cluster order is file order whatever the heap looks like.
// (A private memory arena would also work, but parts of Graphviz free dictionary memory with
// plain free() whatever the discipline, so the allocator must stay malloc.)

typedef struct {
    char **names;             // names[k] has ID 2 * (k + 1)
    size_t count, capacity;
    size_t *slots;            // open-addressing table of k + 1 (0 = empty)
    size_t slot_count;        // power of two
    IDTYPE next_anonymous;    // odd
} pg_name_ids;

static inline size_t pg_name_hash(const char *text) {
    size_t hash = (size_t)1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) hash = (hash ^ *p) * (size_t)1099511628211ULL;
    return hash;
}

static inline void *pg_ids_open(Agraph_t *g, Agdisc_t *disc) {
    (void)g;
    (void)disc;
    pg_name_ids *ids = (pg_name_ids *)calloc(1, sizeof(pg_name_ids));
    if (ids) ids->next_anonymous = 1;
    return ids;
}

// Slot of `name`, or of the empty slot where it would go.
static inline size_t pg_ids_slot(const pg_name_ids *ids, const char *name) {
    size_t mask = ids->slot_count - 1;
    size_t slot = pg_name_hash(name) & mask;
    while (ids->slots[slot] != 0 && strcmp(ids->names[ids->slots[slot] - 1], name) != 0) slot = (slot + 1) & mask;
    return slot;
}

static inline int pg_ids_grow(pg_name_ids *ids) {
    if (ids->count == ids->capacity) {
        size_t capacity = ids->capacity ? ids->capacity * 2 : 64;
        char **names = (char **)realloc(ids->names, capacity * sizeof(char *));
        if (!names) return 0;
        ids->names = names;
        ids->capacity = capacity;
    }
    if ((ids->count + 1) * 2 > ids->slot_count) {
        size_t slot_count = ids->slot_count ? ids->slot_count * 2 : 128;
        size_t *slots = (size_t *)calloc(slot_count, sizeof(size_t));
        if (!slots) return 0;
        free(ids->slots);
        ids->slots = slots;
        ids->slot_count = slot_count;
        for (size_t k = 0; k < ids->count; k++) ids->slots[pg_ids_slot(ids, ids->names[k])] = k + 1;
    }
    return 1;
}

static inline long pg_ids_map(void *state, int objtype, char *name, IDTYPE *id, int createflag) {
    (void)objtype;
    pg_name_ids *ids = (pg_name_ids *)state;
    if (!name) {
        *id = ids->next_anonymous;
        ids->next_anonymous += 2;
        return 1;
    }
    if (ids->slot_count > 0) {
        size_t slot = pg_ids_slot(ids, name);
        if (ids->slots[slot] != 0) {
            *id = (IDTYPE)(2 * ids->slots[slot]);
            return 1;
        }
    }
    if (!createflag) return 0;
    if (!pg_ids_grow(ids)) return 0;
    char *copy = strdup(name);
    if (!copy) return 0;
    ids->names[ids->count++] = copy;
    ids->slots[pg_ids_slot(ids, name)] = ids->count;
    *id = (IDTYPE)(2 * ids->count);
    return 1;
}

static inline long pg_ids_alloc(void *state, int objtype, IDTYPE request) {
    (void)state;
    (void)objtype;
    (void)request;
    return 0;  // like the default discipline: callers may not choose IDs
}

static inline void pg_ids_free(void *state, int objtype, IDTYPE id) {
    (void)state;
    (void)objtype;
    (void)id;  // names live until the graph closes
}

static inline char *pg_ids_print(void *state, int objtype, IDTYPE id) {
    (void)objtype;
    pg_name_ids *ids = (pg_name_ids *)state;
    if (id % 2 != 0 || id == 0 || id / 2 > ids->count) return NULL;
    return ids->names[id / 2 - 1];
}

static inline void pg_ids_close(void *state) {
    pg_name_ids *ids = (pg_name_ids *)state;
    if (!ids) return;
    for (size_t k = 0; k < ids->count; k++) free(ids->names[k]);
    free(ids->names);
    free(ids->slots);
    free(ids);
}

static inline void pg_ids_register(void *state, int objtype, void *object) {
    (void)state;
    (void)objtype;
    (void)object;
}

typedef struct {
    const char *data;
    size_t length;
    size_t position;
} pg_text_reader;

// agread's input callback: hands the parser one line (or bufsize bytes) at a time, like
// agmemread's own reader, but never reads past the end of the text.
static inline int pg_text_read(void *channel, char *buffer, int bufsize) {
    pg_text_reader *reader = (pg_text_reader *)channel;
    if (bufsize <= 0 || reader->position >= reader->length) return 0;
    int count = 0;
    char c;
    do {
        c = reader->data[reader->position++];
        buffer[count++] = c;
    } while (c != '\n' && count < bufsize && reader->position < reader->length);
    return count;
}

// Parses `length` bytes of DOT with the ID discipline above; flushes the scanner afterwards.
// NULL when the text holds no valid graph; Graphviz reports why through agerr.
static inline Agraph_t *pg_read_dot(const char *text, size_t length) {
    static Agiddisc_t ids = {pg_ids_open, pg_ids_map, pg_ids_alloc, pg_ids_free, pg_ids_print, pg_ids_close, pg_ids_register};
    static Agiodisc_t io;
    io.afread = pg_text_read;
    io.putstr = AgIoDisc.putstr;
    io.flush = AgIoDisc.flush;
    Agdisc_t disc = {&AgMemDisc, &ids, &io};
    pg_text_reader reader = {text, length, 0};
    agsetfile(NULL);  // line numbers in messages count from 1 for every parse
    Agraph_t *graph = agread(&reader, &disc);
    aglexbad();  // drop whatever the scanner buffered past the first graph
    return graph;
}
#endif
