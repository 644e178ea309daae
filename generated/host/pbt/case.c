#line 244 "lit/pbt.nw"
#include <string.h>

#include "lbpf_isa.h"
#include "lbpf_pbt.h"

void lbpf_pbt_encode(const struct lbpf_pbt_case *c, uint8_t *code) {
  for (uint32_t i = 0; i < c->nslots; i++)
    lbpf_encode(c->insns[i], code + (size_t)i * 8);
}

enum lbpf_status lbpf_pbt_verify(const struct lbpf_pbt_case *c, struct lbpf_fault *fault) {
  uint8_t code[LBPF_PBT_MAX_SLOTS * 8];
  struct lbpf_env env;
  lbpf_test_env(&env, NULL, 0, 0);
  lbpf_pbt_encode(c, code);
  struct lbpf_program prog;
  return lbpf_verify(code, (size_t)c->nslots * 8, &env, &prog, fault);
}
