/* Running a program the way every host tool does: an engine from the
   table, the standard test environment (lit/engines.nw) and the standard
   helpers of lit/helpers.nw (output on stderr, the monotonic clock, a local
   store per runner and a global one per process), a zeroed
   stack of LBPF_MAX_CALL_DEPTH frames, and a fresh writable copy of the
   input memory for each run. */
#ifndef LBPF_RUNNER_H
#define LBPF_RUNNER_H
#include <stddef.h>
#include <stdint.h>

#include "lbpf_engines.h"
#include "lbpf.h"
#include "lbpf_helpers.h"

/* Entries of each key-value store: the program's, and the one the whole
   process shares (the device's). */
#define LBPF_RUNNER_KV_ENTRIES 64

/* Regions a runner lends a program besides its input and stack. */
#define LBPF_RUNNER_MAX_REGIONS 8

struct lbpf_runner {
  const struct lbpf_engine *engine;
  void *state;
  uint8_t *code; /* the runner's copy: the engine may keep a pointer to it */
  size_t code_size;
  struct lbpf_helper helpers[LBPF_TOOL_NHELPERS];
  struct lbpf_std_helpers std; /* env.user: the standard helpers' state */
  struct lbpf_kv local;        /* this program's store */
  struct lbpf_kv_entry local_entries[LBPF_RUNNER_KV_ENTRIES];
  struct lbpf_region regions[LBPF_RUNNER_MAX_REGIONS];
  struct lbpf_env env;
  uint8_t stack[LBPF_MAX_CALL_DEPTH * LBPF_STACK_SIZE];
};

/* Load (verify and prepare) code into a runner, which must stay at the same
   address until lbpf_runner_free, with the extra regions (at most
   LBPF_RUNNER_MAX_REGIONS; their memory is the caller's and outlives the
   runner).  Returns LBPF_OK or the refusal, with its pc in *fault. */
enum lbpf_status lbpf_runner_load(struct lbpf_runner *r, const struct lbpf_engine *engine,
                                  const uint8_t *code, size_t size,
                                  const struct lbpf_region *regions, size_t nregions,
                                  uint64_t budget, struct lbpf_fault *fault);
/* Run once on a fresh copy of mem_len bytes at mem, with a zeroed stack. */
void lbpf_runner_run(struct lbpf_runner *r, const uint8_t *mem, size_t mem_len,
                     struct lbpf_result *result);
void lbpf_runner_free(struct lbpf_runner *r);

/* "spec, interp, ..." : the engine names, for messages. */
void lbpf_engine_names(char *buf, size_t len);

#endif
