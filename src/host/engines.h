/* The engines as the host tools see them: a name, the memory one loaded
   program needs, a load step (verify and prepare) and a run step.  The
   command-line tool, the conformance runner, the differential checks and the
   benchmarks all drive engines through this table, so a new engine is one
   entry in engines.c. */
#ifndef LBPF_ENGINES_H
#define LBPF_ENGINES_H
#include "lbpf.h"

struct lbpf_engine {
  const char *name;
  /* Bytes of state that load() needs for a program of code_size bytes. */
  size_t (*state_size)(size_t code_size);
  /* Verify and prepare the program.  The engine may keep pointers to code
     and env, which must outlive the state.  On refusal fills fault. */
  enum lbpf_status (*load)(void *state, const uint8_t *code, size_t code_size,
                           const struct lbpf_env *env, struct lbpf_fault *fault);
  /* Run the loaded program with r1 = mem, r2 = mem_len. */
  void (*run)(void *state, void *mem, size_t mem_len, struct lbpf_result *result);
};

extern const struct lbpf_engine lbpf_engines[];
extern const size_t lbpf_nengines;

/* The engine called name, or NULL. */
const struct lbpf_engine *lbpf_engine_find(const char *name);

#endif
