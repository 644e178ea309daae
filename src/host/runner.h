/* Running a program the way every host tool does: an engine from the
   table, the standard test environment (lit/engines.nw) and the standard
   helpers of lit/helpers.nw (output on stderr, the monotonic clock, a local
   store per runner and a global one per process), a zeroed
   stack of LBPF_MAX_CALL_DEPTH frames, and a fresh writable copy of the
   input memory for each run. */
#ifndef LBPF_RUNNER_H
#define LBPF_RUNNER_H
#include <stdbool.h>
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

/* Extra regions a tool's command line may declare (--region). */
#define LBPF_RUN_MAX_REGIONS 4

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
/* The same run, through the specification whatever the runner's engine,
   calling watch(user, step) after each instruction (lbpf_spec_run_watched):
   litbpf run --trace and the tools' account of a memory violation. */
void lbpf_runner_run_watched(struct lbpf_runner *r, const uint8_t *mem, size_t mem_len,
                             struct lbpf_result *result, lbpf_watch_fn watch, void *user);
void lbpf_runner_free(struct lbpf_runner *r);

/* Instructions `litbpf run --trace` shows, unless --trace-limit says. */
#define LBPF_TRACE_LIMIT 1000

/* The command line of `litbpf run`, which build/m4run takes too (through
   m4prep), so that both tools take and refuse exactly the same. */
struct lbpf_run_options {
  const char *engine, *mem_hex, *mem_file, *program, *entry;
  uint64_t budget, repeat;
  uint64_t trace_limit; /* --trace-limit N (0: no limit) */
  bool stats, help, trace, json;
  struct lbpf_region regions[LBPF_RUN_MAX_REGIONS];
  size_t nregions;
};

/* Parse argv[1..argc-1] (argv[0] is the command's name) into *o, with the
   defaults of `litbpf run`.  A region's address and length must be at most
   max_address (UINTPTR_MAX for this machine, UINT32_MAX for a Cortex-M4).
   Returns true, or false with the usage error in err.  The engine's name is
   not checked here. */
bool lbpf_run_options_parse(int argc, char **argv, uint64_t max_address,
                            struct lbpf_run_options *o, char *err, size_t errlen);

/* If argv[*i] is option name: with value NULL the option must be exactly
   name; else it takes a value, as "--name VALUE" or "--name=VALUE", stored
   in *value.  Advances *i and returns 1 if matched, 0 if not, -1 if the
   value is missing. */
int lbpf_opt_match(int argc, char **argv, int *i, const char *name, const char **value);

/* A decimal number of at most 2^64 - 1, nothing else. */
bool lbpf_parse_u64(const char *s, uint64_t *out);

/* "spec, interp, ..." : the engine names, for messages. */
void lbpf_engine_names(char *buf, size_t len);

#endif
