#line 240 "lit/pbt.nw"
#include <string.h>

#include "lbpf_isa.h"
#include "lbpf_pbt.h"

static uint64_t helper_identity(const struct lbpf_helper_ctx *ctx, uint64_t r1, uint64_t r2,
                                uint64_t r3, uint64_t r4, uint64_t r5) {
  (void)ctx, (void)r2, (void)r3, (void)r4, (void)r5;
  return r1;
}

static uint64_t rot(uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}

static uint64_t helper_mix(const struct lbpf_helper_ctx *ctx, uint64_t r1, uint64_t r2, uint64_t r3,
                           uint64_t r4, uint64_t r5) {
  (void)ctx;
  return r1 ^ rot(r2, 13) ^ rot(r3, 26) ^ rot(r4, 39) ^ rot(r5, 52) ^ 0x5bd1e995u;
}

const struct lbpf_helper lbpf_pbt_helpers[] = {
    {LBPF_PBT_HELPER_IDENTITY, helper_identity},
    {LBPF_PBT_HELPER_MIX, helper_mix},
};
const size_t lbpf_pbt_nhelpers = sizeof lbpf_pbt_helpers / sizeof lbpf_pbt_helpers[0];

void lbpf_pbt_encode(const struct lbpf_pbt_case *c, uint8_t *code) {
  for (uint32_t i = 0; i < c->nslots; i++)
    lbpf_encode(c->insns[i], code + (size_t)i * 8);
}

enum lbpf_status lbpf_pbt_verify(const struct lbpf_pbt_case *c, struct lbpf_fault *fault) {
  uint8_t code[LBPF_PBT_MAX_SLOTS * 8];
  struct lbpf_env env;
  memset(&env, 0, sizeof env);
  env.helpers = lbpf_pbt_helpers;
  env.nhelpers = lbpf_pbt_nhelpers;
  lbpf_pbt_encode(c, code);
  struct lbpf_program prog;
  return lbpf_verify(code, (size_t)c->nslots * 8, &env, &prog, fault);
}
