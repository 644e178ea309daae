#line 57 "lit/engines.nw"
#include "lbpf_engines.h"

#include <string.h>

#include "lbpf_interp.h"

#line 82 "lit/engines.nw"
struct spec_state {
  struct lbpf_program prog;
  const struct lbpf_env *env;
};

static size_t spec_state_size(size_t code_size) {
  (void)code_size;
  return sizeof(struct spec_state);
}

static enum lbpf_status spec_load(void *state, const uint8_t *code, size_t code_size,
                                  const struct lbpf_env *env, struct lbpf_fault *fault) {
  struct spec_state *s = state;
  s->env = env;
  return lbpf_verify(code, code_size, env, &s->prog, fault);
}

static void spec_run(void *state, void *mem, size_t mem_len, struct lbpf_result *result) {
  struct spec_state *s = state;
  lbpf_spec_run(&s->prog, s->env, mem, mem_len, result);
}
#line 109 "lit/engines.nw"
#define INTERP_CODE_OFFSET                                                                         \
  ((sizeof(struct lbpf_interp) + sizeof(uint64_t) - 1) / sizeof(uint64_t) * sizeof(uint64_t))

/* Slots for code_size bytes, capped where the verifier refuses longer code. */
static uint32_t interp_slots(size_t code_size) {
  size_t n = code_size / LBPF_INSN_SIZE;
  return n > LBPF_MAX_INSNS ? LBPF_MAX_INSNS : (uint32_t)n;
}

static size_t interp_state_size(size_t code_size) {
  return INTERP_CODE_OFFSET + lbpf_interp_code_size(interp_slots(code_size));
}

static enum lbpf_status interp_load(void *state, const uint8_t *code, size_t code_size,
                                    const struct lbpf_env *env, struct lbpf_fault *fault) {
  return lbpf_interp_load(state, code, code_size, env, (char *)state + INTERP_CODE_OFFSET,
                          lbpf_interp_code_size(interp_slots(code_size)), fault);
}

static void interp_run(void *state, void *mem, size_t mem_len, struct lbpf_result *result) {
  lbpf_interp_run(state, mem, mem_len, result);
}
#line 463 "lit/havm.nw"
#include "lbpf_havm.h"

#define HAVM_CODE_OFFSET                                                                           \
  ((sizeof(struct lbpf_havm) + sizeof(uint64_t) - 1) / sizeof(uint64_t) * sizeof(uint64_t))

#if LBPF_HAVM_NATIVE
static const lbpf_havm_call_fn havm_call = NULL;
#else
static const lbpf_havm_call_fn havm_call = lbpf_havm_model_call;
#endif

static size_t havm_state_size(size_t code_size) {
  uint32_t n = interp_slots(code_size);
  return HAVM_CODE_OFFSET + lbpf_interp_code_size(n) + lbpf_havm_jit_size(n);
}

static enum lbpf_status havm_load(void *state, const uint8_t *code, size_t code_size,
                                  const struct lbpf_env *env, struct lbpf_fault *fault) {
  uint32_t n = interp_slots(code_size);
  char *slots = (char *)state + HAVM_CODE_OFFSET;
  return lbpf_havm_load(state, code, code_size, env, slots, lbpf_interp_code_size(n),
                        slots + lbpf_interp_code_size(n), lbpf_havm_jit_size(n), havm_call, NULL,
                        fault);
}

static void havm_run(void *state, void *mem, size_t mem_len, struct lbpf_result *result) {
  lbpf_havm_run(state, mem, mem_len, result);
}
#line 2691 "lit/jit.nw"
#include "lbpf_jit_prog.h"

#define JIT_WORK_OFFSET                                                                            \
  ((sizeof(struct lbpf_jit_prog) + sizeof(uint64_t) - 1) / sizeof(uint64_t) * sizeof(uint64_t))

#if LBPF_HAVM_NATIVE
static const lbpf_jit_prog_call_fn jit_call = NULL;
#else
static const lbpf_jit_prog_call_fn jit_call = lbpf_jit_prog_model_call;
#endif

static size_t jit_state_size(size_t code_size) {
  return JIT_WORK_OFFSET + lbpf_jit_prog_work_size(interp_slots(code_size));
}

static enum lbpf_status jit_load(void *state, const uint8_t *code, size_t code_size,
                                 const struct lbpf_env *env, struct lbpf_fault *fault) {
  return lbpf_jit_prog_load(state, code, code_size, env, (char *)state + JIT_WORK_OFFSET,
                            lbpf_jit_prog_work_size(interp_slots(code_size)), jit_call, NULL,
                            fault);
}

static void jit_run(void *state, void *mem, size_t mem_len, struct lbpf_result *result) {
  lbpf_jit_prog_run(state, mem, mem_len, result);
}

#line 65 "lit/engines.nw"
const struct lbpf_engine lbpf_engines[] = {

#line 134 "lit/engines.nw"
    {"spec", spec_state_size, spec_load, spec_run},
    {"interp", interp_state_size, interp_load, interp_run},
#line 494 "lit/havm.nw"
    {"havm", havm_state_size, havm_load, havm_run},
#line 2719 "lit/jit.nw"
    {"jit", jit_state_size, jit_load, jit_run},
#line 67 "lit/engines.nw"
};
const size_t lbpf_nengines = sizeof lbpf_engines / sizeof lbpf_engines[0];

const struct lbpf_engine *lbpf_engine_find(const char *name) {
  for (size_t i = 0; i < lbpf_nengines; i++)
    if (strcmp(lbpf_engines[i].name, name) == 0) return &lbpf_engines[i];
  return NULL;
}

#line 209 "lit/engines.nw"
uint64_t lbpf_test_helper_identity(const struct lbpf_helper_ctx *ctx, uint64_t r1, uint64_t r2,
                                   uint64_t r3, uint64_t r4, uint64_t r5) {
  (void)ctx, (void)r2, (void)r3, (void)r4, (void)r5;
  return r1;
}

static uint64_t rotate(uint64_t x, unsigned k) {
  return (x << k) | (x >> (64 - k));
}

uint64_t lbpf_test_helper_mix(const struct lbpf_helper_ctx *ctx, uint64_t r1, uint64_t r2,
                              uint64_t r3, uint64_t r4, uint64_t r5) {
  (void)ctx;
  return r1 ^ rotate(r2, 13) ^ rotate(r3, 26) ^ rotate(r4, 39) ^ rotate(r5, 52) ^ 0x5bd1e995u;
}

static uint64_t helper_wrong(const struct lbpf_helper_ctx *ctx, uint64_t r1, uint64_t r2,
                             uint64_t r3, uint64_t r4, uint64_t r5) {
  (void)ctx, (void)r1, (void)r2, (void)r3, (void)r4, (void)r5;
  return LBPF_TEST_HELPER_WRONG;
}

static uint64_t helper_access(const struct lbpf_helper_ctx *ctx, uint64_t r1, uint64_t r2,
                              uint64_t r3, uint64_t r4, uint64_t r5) {
  (void)r3, (void)r4, (void)r5;
  return (uint64_t)lbpf_helper_may_read(ctx, r1, r2) | (uint64_t)lbpf_helper_may_write(ctx, r1, r2)
                                                           << 1;
}

const struct lbpf_helper lbpf_test_helpers[LBPF_TEST_NHELPERS] = {
    {LBPF_TEST_HELPER_ID, lbpf_test_helper_identity},
    {LBPF_TEST_HELPER_MIX, lbpf_test_helper_mix},
    {LBPF_TEST_HELPER_ACCESS, helper_access},
    {LBPF_TEST_HELPER_ABSENT, NULL},
    {LBPF_TEST_HELPER_MIX, helper_wrong},
};
const size_t lbpf_test_nhelpers = sizeof lbpf_test_helpers / sizeof lbpf_test_helpers[0];

void lbpf_test_env(struct lbpf_env *env, void *stack, size_t stack_size, uint64_t budget) {
  *env = (struct lbpf_env){0};
  env->helpers = lbpf_test_helpers;
  env->nhelpers = lbpf_test_nhelpers;
  env->budget = budget;
  env->stack = stack;
  env->stack_size = stack_size;
}

void lbpf_tool_helpers(struct lbpf_env *env, struct lbpf_helper helpers[LBPF_TOOL_NHELPERS],
                       struct lbpf_std_helpers *std) {
  memcpy(helpers, lbpf_test_helpers, sizeof lbpf_test_helpers);
  memcpy(helpers + LBPF_TEST_NHELPERS, lbpf_std_helpers, sizeof lbpf_std_helpers);
  env->helpers = helpers;
  env->nhelpers = LBPF_TOOL_NHELPERS;
  env->user = std;
}
