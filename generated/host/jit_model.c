#line 1450 "lit/jit-alu.nw"
/* The isolation witness: jitted code on the Thumb-2 model (host only). */
#include <string.h>

#include "lbpf_jit.h"

bool lbpf_jit_model_gate(struct lbpf_thumb_state *s) {
  uint32_t pc = s->r[LBPF_THUMB_PC] & ~1u, k = (pc - LBPF_JIT_MODEL_GATE) / 4;
  if (pc < LBPF_JIT_MODEL_GATE || pc % 4 || k >= LBPF_JIT_NROUTINES) return false;
  if (s->r[LBPF_THUMB_SP] % 8) return false; /* the AAPCS: sp 8-byte aligned at a call */
  uint64_t ret = lbpf_jit_div64_routines[k]((uint64_t)s->r[1] << 32 | s->r[0],
                                            (uint64_t)s->r[3] << 32 | s->r[2]);
  s->r[0] = (uint32_t)ret;
  s->r[1] = (uint32_t)(ret >> 32);
  s->r[2] = s->r[3] = s->r[12] = 0xdeadbeefu; /* the AAPCS lets a callee clobber them */
  s->n = s->z = s->c = s->v = 1;
  s->r[LBPF_THUMB_PC] = s->r[LBPF_THUMB_LR];
  s->r[LBPF_THUMB_LR] = 0xdeadbeefu;
  return true;
}

enum lbpf_thumb_status lbpf_jit_model_run(const uint8_t *code, size_t code_len, uint32_t offset,
                                          uint64_t regs[LBPF_NREGS], struct lbpf_thumb_state *in,
                                          struct lbpf_thumb_state *out,
                                          struct lbpf_thumb_result *result) {
  uint8_t file[8 * LBPF_NREGS], stack[LBPF_JIT_MODEL_STACK];
  for (unsigned i = 0; i < LBPF_NREGS; i++)
    for (unsigned k = 0; k < 8; k++)
      file[8 * i + k] = (uint8_t)(regs[i] >> (8 * k));
  memset(stack, 0, sizeof stack);
  struct lbpf_thumb_area areas[3] = {
      {LBPF_JIT_MODEL_CODE, (uint32_t)code_len, LBPF_THUMB_EXEC, (uint8_t *)code},
      {LBPF_JIT_MODEL_REGS, sizeof file, LBPF_THUMB_READ | LBPF_THUMB_WRITE, file},
      {LBPF_JIT_MODEL_STACK_BASE, sizeof stack, LBPF_THUMB_READ | LBPF_THUMB_WRITE, stack}};
  struct lbpf_thumb_state s;
  memset(&s, 0, sizeof s);
  for (unsigned r = 1; r < 13; r++)
    s.r[r] = 0x5a5a0000u + 0x0101u * r; /* marks */
  s.r[0] = LBPF_JIT_MODEL_REGS;
  s.r[LBPF_THUMB_SP] = LBPF_JIT_MODEL_STACK_BASE + LBPF_JIT_MODEL_STACK;
  s.r[LBPF_THUMB_LR] = LBPF_JIT_MODEL_SENTINEL | 1u;
  s.r[LBPF_THUMB_PC] = (LBPF_JIT_MODEL_CODE + offset) | 1u;
  if (in) *in = s;
  struct lbpf_thumb_result r = {.status = LBPF_THUMB_FAULT_FETCH};
  enum lbpf_thumb_status status = LBPF_THUMB_FAULT_FETCH;
  uint64_t insns = 0, cycles = 0;
  while (offset < code_len && insns < LBPF_JIT_MODEL_MAX_STEPS) {
    status =
        lbpf_thumb_run(&s, areas, 3, LBPF_JIT_MODEL_SENTINEL, LBPF_JIT_MODEL_MAX_STEPS - insns, &r);
    insns += r.insns, cycles += r.cycles;
    if (status != LBPF_THUMB_FAULT_FETCH || !lbpf_jit_model_gate(&s)) break;
    insns--; /* the fetch at the gate is the call, no instruction of the code */
  }
  r.insns = insns, r.cycles = cycles;
  if (out) *out = s;
  if (result) *result = r;
  for (unsigned i = 0; i < LBPF_NREGS; i++) {
    uint64_t v = 0;
    for (unsigned k = 0; k < 8; k++)
      v |= (uint64_t)file[8 * i + k] << (8 * k);
    regs[i] = v;
  }
  return status;
}

enum lbpf_thumb_status lbpf_jit_model_call(const uint8_t *code, size_t code_len, uint32_t offset,
                                           uint64_t regs[LBPF_NREGS],
                                           struct lbpf_thumb_result *result) {
  return lbpf_jit_model_run(code, code_len, offset, regs, NULL, NULL, result);
}
