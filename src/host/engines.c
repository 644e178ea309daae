#include "engines.h"

#include <string.h>

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

static size_t interp_state_size(size_t code_size) {
  return INTERP_CODE_OFFSET + lbpf_interp_code_size((uint32_t)(code_size / LBPF_INSN_SIZE));
}

static enum lbpf_status interp_load(void *state, const uint8_t *code, size_t code_size,
                                    const struct lbpf_env *env, struct lbpf_fault *fault) {
  size_t ninsns = code_size / LBPF_INSN_SIZE;
  if (ninsns > LBPF_MAX_INSNS) ninsns = LBPF_MAX_INSNS; /* the verifier refuses it anyway */
  return lbpf_interp_load(state, code, code_size, env, (char *)state + INTERP_CODE_OFFSET,
                          lbpf_interp_code_size((uint32_t)ninsns), fault);
}

static void interp_run(void *state, void *mem, size_t mem_len, struct lbpf_result *result) {
  lbpf_interp_run(state, mem, mem_len, result);
}

const struct lbpf_engine lbpf_engines[] = {
    {"spec", spec_state_size, spec_load, spec_run},
    {"interp", interp_state_size, interp_load, interp_run},
};
const size_t lbpf_nengines = sizeof lbpf_engines / sizeof lbpf_engines[0];

const struct lbpf_engine *lbpf_engine_find(const char *name) {
  for (size_t i = 0; i < lbpf_nengines; i++)
    if (strcmp(lbpf_engines[i].name, name) == 0) return &lbpf_engines[i];
  return NULL;
}
