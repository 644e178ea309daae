#line 345 "lit/havm.nw"
/* The hybrid VM's call of a jitted run on a host: the Thumb-2 model. */
#include "lbpf_havm.h"

bool lbpf_havm_model_call(void *ctx, const uint8_t *code, size_t code_len, uint32_t offset,
                          uint64_t regs[LBPF_NREGS]) {
  struct lbpf_thumb_result result;
  enum lbpf_thumb_status status = lbpf_jit_model_call(code, code_len, offset, regs, &result);
  struct lbpf_havm_model_count *count = ctx;
  if (count != NULL) {
    count->runs++;
    count->insns += result.insns;
    count->cycles += result.cycles;
  }
  return status == LBPF_THUMB_RETURNED;
}
