#line 270 "lit/jit-proof.nw"
/* The per-form proof of the JIT (see lit/jit-proof.nw). */
#include "lbpf_jit_proof.h"
#include <stdio.h>
#include <string.h>

#include "lbpf_spec_sym.h"
#include "lbpf_thumb.h"
#include "lbpf_thumb_sym.h"

#define MAX_STEPS 100000u
#line 96 "lit/jit-proof.nw"
#define FRAME_BYTES LBPF_JIT_PROOF_FRAME
#define FILE_BYTES (8u * LBPF_NREGS)

struct related {
  Z3_ast file[FILE_BYTES], frame[FRAME_BYTES];
  struct lbpf_thumb_sym_area areas[2];
  struct lbpf_thumb_sym_state arm;
};

Z3_ast lbpf_jit_proof_reg(Z3_context ctx, unsigned i) {
  char name[8];
  snprintf(name, sizeof name, "b%u", i);
  return Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), Z3_mk_bv_sort(ctx, 64));
}

static void relate(Z3_context ctx, Z3_ast const regs[LBPF_NREGS], struct related *s) {
  Z3_sort bv8 = Z3_mk_bv_sort(ctx, 8), bv32 = Z3_mk_bv_sort(ctx, 32);
  for (unsigned i = 0; i < LBPF_NREGS; i++)
    for (unsigned k = 0; k < 8; k++)
      s->file[8 * i + k] = Z3_simplify(ctx, Z3_mk_extract(ctx, 8 * k + 7, 8 * k, regs[i]));
  for (unsigned k = 0; k < FRAME_BYTES; k++) {
    char name[16];
    snprintf(name, sizeof name, "frame%u", k);
    s->frame[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), bv8);
  }
  s->areas[0] = (struct lbpf_thumb_sym_area){LBPF_JIT_PROOF_REGS, FILE_BYTES,
                                             LBPF_THUMB_READ | LBPF_THUMB_WRITE, s->file};
  s->areas[1] = (struct lbpf_thumb_sym_area){LBPF_JIT_PROOF_STACK_TOP - FRAME_BYTES, FRAME_BYTES,
                                             LBPF_THUMB_READ | LBPF_THUMB_WRITE, s->frame};
  lbpf_thumb_sym_init(&s->arm, ctx);
  s->arm.r[0] = Z3_mk_unsigned_int(ctx, LBPF_JIT_PROOF_REGS, bv32);
  s->arm.r[13] = Z3_mk_unsigned_int(ctx, LBPF_JIT_PROOF_STACK_TOP, bv32);
  s->arm.r[14] = Z3_mk_unsigned_int(ctx, LBPF_JIT_PROOF_RETURN | 1u, bv32);
  s->arm.pc = LBPF_JIT_PROOF_CODE;
}
#line 140 "lit/jit-proof.nw"
static Z3_ast file_value(Z3_context ctx, const struct related *s, unsigned i) {
  Z3_ast v = s->file[8 * i + 7];
  for (unsigned k = 7; k-- > 0;)
    v = Z3_mk_concat(ctx, v, s->file[8 * i + k]);
  return v;
}

/* The parts of the claim, each with the name a counterexample reports. */
struct part {
  Z3_ast holds;
  char name[40];
};

static size_t claim(Z3_context ctx, const struct lbpf_insn *insns, size_t n,
                    Z3_ast const regs[LBPF_NREGS], const struct related *s,
                    struct part parts[LBPF_NREGS + 9]) {
  Z3_ast want[LBPF_NREGS];
  for (unsigned i = 0; i < LBPF_NREGS; i++)
    want[i] = regs[i];
  for (size_t k = 0; k < n; k++) {
    struct lbpf_insn in = insns[k];
    want[in.dst] = lbpf_spec_sym_alu(ctx, in.opcode, in.offset, in.imm, want[in.dst],
                                     want[in.src < LBPF_NREGS ? in.src : 0]);
  }
  size_t m = 0;
  for (unsigned i = 0; i < LBPF_NREGS; i++, m++) {
    parts[m].holds = Z3_mk_eq(ctx, file_value(ctx, s, i), want[i]);
    snprintf(parts[m].name, sizeof parts[m].name, "BPF r%u", i);
  }
  Z3_sort bv32 = Z3_mk_bv_sort(ctx, 32);
  for (unsigned r = 4; r <= 11; r++, m++) {
    char name[8];
    snprintf(name, sizeof name, "r%02u", r);
    parts[m].holds =
        Z3_mk_eq(ctx, s->arm.r[r], Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), bv32));
    snprintf(parts[m].name, sizeof parts[m].name, "callee-saved r%u", r);
  }
  parts[m].holds =
      Z3_mk_eq(ctx, s->arm.r[13], Z3_mk_unsigned_int(ctx, LBPF_JIT_PROOF_STACK_TOP, bv32));
  snprintf(parts[m].name, sizeof parts[m].name, "sp");
  return m + 1;
}
#line 223 "lit/jit-proof.nw"
static void report_counterexample(Z3_context ctx, Z3_model model, const char *part, char *why,
                                  size_t why_cap) {
  Z3_model_inc_ref(ctx, model);
  size_t used = (size_t)snprintf(why, why_cap, "%s is wrong; counterexample:", part);
  for (unsigned i = 0; i < LBPF_NREGS && used < why_cap; i++) {
    Z3_ast value;
    uint64_t u = 0;
    if (Z3_model_eval(ctx, model, lbpf_jit_proof_reg(ctx, i), true, &value) &&
        Z3_get_numeral_uint64(ctx, value, &u))
      used += (size_t)snprintf(why + used, why_cap - used, " r%u=0x%llx", i, (unsigned long long)u);
  }
  Z3_model_dec_ref(ctx, model);
}
#line 190 "lit/jit-proof.nw"
static enum lbpf_jit_verdict decide(Z3_context ctx, const struct part *p, unsigned timeout_ms,
                                    char *why, size_t why_cap) {
  Z3_ast holds = Z3_simplify(ctx, p->holds);
  if (Z3_get_bool_value(ctx, holds) == Z3_L_TRUE) return LBPF_JIT_PROVED;
  Z3_solver solver = Z3_mk_solver_for_logic(ctx, Z3_mk_string_symbol(ctx, "QF_BV"));
  Z3_solver_inc_ref(ctx, solver);
  if (timeout_ms) {
    Z3_params params = Z3_mk_params(ctx);
    Z3_params_inc_ref(ctx, params);
    Z3_params_set_uint(ctx, params, Z3_mk_string_symbol(ctx, "timeout"), timeout_ms);
    Z3_solver_set_params(ctx, solver, params);
    Z3_params_dec_ref(ctx, params);
  }
  Z3_solver_assert(ctx, solver, Z3_mk_not(ctx, holds));
  Z3_lbool r = Z3_solver_check(ctx, solver);
  enum lbpf_jit_verdict v = r == Z3_L_FALSE  ? LBPF_JIT_PROVED
                            : r == Z3_L_TRUE ? LBPF_JIT_REFUTED
                                             : LBPF_JIT_UNDECIDED;
  if (v == LBPF_JIT_REFUTED)
    report_counterexample(ctx, Z3_solver_get_model(ctx, solver), p->name, why, why_cap);
  else if (v == LBPF_JIT_UNDECIDED)
    snprintf(why, why_cap, "%s: the solver gave up (%s)", p->name,
             Z3_solver_get_reason_unknown(ctx, solver));
  Z3_solver_dec_ref(ctx, solver);
  return v;
}
#line 241 "lit/jit-proof.nw"
enum lbpf_jit_verdict lbpf_jit_prove_code(Z3_context ctx, const struct lbpf_insn *insns, size_t n,
                                          const uint8_t *code, size_t code_len,
                                          Z3_ast const regs[LBPF_NREGS], unsigned timeout_ms,
                                          char *why, size_t why_cap) {
  static struct related s; /* large: the frame's terms */
  relate(ctx, regs, &s);
  struct lbpf_thumb_result result;
  enum lbpf_thumb_status status =
      lbpf_thumb_sym_run(&s.arm, code, code_len, LBPF_JIT_PROOF_CODE, s.areas, 2,
                         LBPF_JIT_PROOF_RETURN, MAX_STEPS, &result);
  if (status != LBPF_THUMB_RETURNED) {
    snprintf(why, why_cap, "the machine stopped (%s) at pc 0x%08x, fault address 0x%08x",
             lbpf_thumb_status_name(status), (unsigned)result.pc, (unsigned)result.fault_addr);
    return LBPF_JIT_STOPPED;
  }
  struct part parts[LBPF_NREGS + 9];
  size_t nparts = claim(ctx, insns, n, regs, &s, parts);
  for (size_t k = 0; k < nparts; k++) {
    enum lbpf_jit_verdict v = decide(ctx, &parts[k], timeout_ms, why, why_cap);
    if (v != LBPF_JIT_PROVED) return v;
  }
  return LBPF_JIT_PROVED;
}
