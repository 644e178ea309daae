#include "engines.h"

#include <string.h>

#include "lbpf_havm.h"
#include "lbpf_interp.h"

/* The specification keeps only the verified program and the environment. */
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

/* The interpreter's state, then its pre-decoded code, in one block. */
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

/* The hybrid VM's state, its pre-decoded code, then its JIT buffer, in one
   block.  On a Cortex-M the core calls the jitted code itself; on a host it
   runs on the Thumb-2 model (lit/havm.nw). */
#define HAVM_CODE_OFFSET                                                                           \
  ((sizeof(struct lbpf_havm) + sizeof(uint64_t) - 1) / sizeof(uint64_t) * sizeof(uint64_t))
#if LBPF_HAVM_NATIVE
#define HAVM_CALL NULL
#else
#define HAVM_CALL lbpf_havm_model_call
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
                        slots + lbpf_interp_code_size(n), lbpf_havm_jit_size(n), HAVM_CALL, NULL,
                        fault);
}

static void havm_run(void *state, void *mem, size_t mem_len, struct lbpf_result *result) {
  lbpf_havm_run(state, mem, mem_len, result);
}

const struct lbpf_engine lbpf_engines[] = {
    {"spec", spec_state_size, spec_load, spec_run},
    {"interp", interp_state_size, interp_load, interp_run},
    {"havm", havm_state_size, havm_load, havm_run},
};
const size_t lbpf_nengines = sizeof lbpf_engines / sizeof lbpf_engines[0];

const struct lbpf_engine *lbpf_engine_find(const char *name) {
  for (size_t i = 0; i < lbpf_nengines; i++)
    if (strcmp(lbpf_engines[i].name, name) == 0) return &lbpf_engines[i];
  return NULL;
}
