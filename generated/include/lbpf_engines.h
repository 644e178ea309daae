#line 24 "lit/engines.nw"
#ifndef LBPF_ENGINES_H
#define LBPF_ENGINES_H
#include "lbpf.h"
#include "lbpf_helpers.h"

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

#line 180 "lit/engines.nw"
#define LBPF_DEFAULT_BUDGET UINT64_C(100000)
#define LBPF_TEST_HELPER_ID 5        /* returns r1 */
#define LBPF_TEST_HELPER_MIX 6       /* mixes r1-r5 */
#define LBPF_TEST_HELPER_ACCESS 8    /* 1: [r1, r1+r2) readable, | 2: writable */
#define LBPF_TEST_HELPER_ABSENT 9    /* registered without a function */
#define LBPF_TEST_HELPER_WRONG 0xbad /* what the shadowed second entry 6 returns */

uint64_t lbpf_test_helper_identity(const struct lbpf_helper_ctx *ctx, uint64_t r1, uint64_t r2,
                                   uint64_t r3, uint64_t r4, uint64_t r5);
uint64_t lbpf_test_helper_mix(const struct lbpf_helper_ctx *ctx, uint64_t r1, uint64_t r2,
                              uint64_t r3, uint64_t r4, uint64_t r5);
#define LBPF_TEST_NHELPERS 5
extern const struct lbpf_helper lbpf_test_helpers[LBPF_TEST_NHELPERS];
extern const size_t lbpf_test_nhelpers;

/* The standard environment: the test helpers, no regions, the given stack
   and budget. */
void lbpf_test_env(struct lbpf_env *env, void *stack, size_t stack_size, uint64_t budget);

/* The tools' helpers (litbpf run, the conformance runner, the firmware):
   the standard test environment's helpers (above) first, then the
   standard ones, in helpers (LBPF_TOOL_NHELPERS entries); env->user
   becomes std.  Call after lbpf_test_env. */
#define LBPF_TOOL_NHELPERS (LBPF_TEST_NHELPERS + LBPF_STD_NHELPERS)
void lbpf_tool_helpers(struct lbpf_env *env, struct lbpf_helper helpers[LBPF_TOOL_NHELPERS],
                       struct lbpf_std_helpers *std);
#line 48 "lit/engines.nw"
#endif
