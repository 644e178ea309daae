#line 280 "lit/jit-proof.nw"
/* The per-form proof of the JIT (see lit/jit-proof.nw). */
#include "lbpf_jit_proof.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "lbpf_isa.h"
#include "lbpf_jit.h"
#include "lbpf_spec_sym.h"
#include "lbpf_thumb.h"
#include "lbpf_thumb_sym.h"

#line 108 "lit/jit-proof.nw"
#define FRAME_BYTES LBPF_JIT_MODEL_STACK
#define STACK_TOP (LBPF_JIT_MODEL_STACK_BASE + LBPF_JIT_MODEL_STACK)
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
  s->areas[0] = (struct lbpf_thumb_sym_area){LBPF_JIT_MODEL_REGS, FILE_BYTES,
                                             LBPF_THUMB_READ | LBPF_THUMB_WRITE, s->file};
  s->areas[1] = (struct lbpf_thumb_sym_area){LBPF_JIT_MODEL_STACK_BASE, FRAME_BYTES,
                                             LBPF_THUMB_READ | LBPF_THUMB_WRITE, s->frame};
  lbpf_thumb_sym_init(&s->arm, ctx);
  s->arm.r[0] = Z3_mk_unsigned_int(ctx, LBPF_JIT_MODEL_REGS, bv32);
  s->arm.r[13] = Z3_mk_unsigned_int(ctx, STACK_TOP, bv32);
  s->arm.r[14] = Z3_mk_unsigned_int(ctx, LBPF_JIT_MODEL_SENTINEL | 1u, bv32);
  s->arm.pc = LBPF_JIT_MODEL_CODE;
}
#line 153 "lit/jit-proof.nw"
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
  for (size_t k = 0; k < n; k++)
    lbpf_spec_sym_step_alu(ctx, insns[k], want);
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
  parts[m].holds = Z3_mk_eq(ctx, s->arm.r[13], Z3_mk_unsigned_int(ctx, STACK_TOP, bv32));
  snprintf(parts[m].name, sizeof parts[m].name, "sp");
  return m + 1;
}
#line 232 "lit/jit-proof.nw"
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
#line 199 "lit/jit-proof.nw"
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
#line 250 "lit/jit-proof.nw"
enum lbpf_jit_verdict lbpf_jit_prove_code(Z3_context ctx, const struct lbpf_insn *insns, size_t n,
                                          const uint8_t *code, size_t code_len,
                                          Z3_ast const regs[LBPF_NREGS], unsigned timeout_ms,
                                          uint64_t *executed, char *why, size_t why_cap) {
  static struct related s; /* large: the frame's terms */
  relate(ctx, regs, &s);
  struct lbpf_thumb_result result;
  enum lbpf_thumb_status status =
      lbpf_thumb_sym_run(&s.arm, code, code_len, LBPF_JIT_MODEL_CODE, s.areas, 2,
                         LBPF_JIT_MODEL_SENTINEL, LBPF_JIT_MODEL_MAX_STEPS, &result);
  if (executed) *executed = result.insns;
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
#line 439 "lit/jit-proof.nw"
#define MAX_THUMB 512u
enum jitted { REFUSED, JITTED, NO_CODE };

/* The program insn; exit in prog (its code in a static buffer), if verified. */
static bool verified(struct lbpf_insn insn, struct lbpf_program *prog) {
  static uint8_t text[2 * 8], stack[LBPF_STACK_SIZE];
  const struct lbpf_insn exit_insn = {LBPF_CLASS_JMP | LBPF_JMP_EXIT, 0, 0, 0, 0};
  lbpf_encode(insn, text);
  lbpf_encode(exit_insn, text + 8);
  struct lbpf_env env = {NULL, 0, NULL, 0, NULL, 10, stack, sizeof stack};
  return lbpf_verify(text, sizeof text, &env, prog, NULL) == LBPF_OK;
}

static enum jitted jit_one(struct lbpf_insn insn, uint8_t *code, size_t cap, size_t *len,
                           size_t *ninsns, char *why, size_t why_cap) {
  static struct lbpf_thumb_insn out[MAX_THUMB];
  struct lbpf_program prog;
  if (!verified(insn, &prog)) return REFUSED;
  size_t n = lbpf_jit_alu_model(&prog, 0, 1, out, MAX_THUMB);
  *ninsns = n;
  if (n == 0) {
    snprintf(why, why_cap, "J gave no code");
    return NO_CODE;
  }
  *len = 0;
  for (size_t k = 0; k < n; k++) {
    size_t size = lbpf_thumb_emit(&out[k], code + *len, cap - *len);
    if (size == 0) {
      snprintf(why, why_cap, "J's instruction %zu has no encoding", k);
      return NO_CODE;
    }
    *len += size;
  }
  return JITTED;
}
#line 486 "lit/jit-proof.nw"
struct form {
  char name[24];
  struct lbpf_insn insn; /* the opcode, offset and (byte swaps) imm of the form */
  bool reg_source, imm_source;
};

static size_t alu_forms(struct form *out, size_t cap) {
  size_t n = 0;
  for (size_t k = 0; k < LBPF_NFORMS && n < cap; k++) {
    const struct lbpf_form *row = &lbpf_forms[k];
    if (!lbpf_form_in_alu_run(row)) continue;
    bool x = row->kind == LBPF_KIND_ALU_X, imm = row->kind == LBPF_KIND_ALU_K;
    struct lbpf_insn in = {row->opcode, 1, x ? 2 : 0, 0, imm ? 1 : 0};
    if (x || imm) in.offset = row->value;
    if (row->kind == LBPF_KIND_END) in.imm = row->value;
    out[n] = (struct form){"", in, x, imm};
    snprintf(out[n].name, sizeof out[n].name, "%s%s", lbpf_form_name(row),
             x     ? " reg"
             : imm ? " imm"
                   : "");
    n++;
  }
  return n;
}

/* Does J compile f (a run of one instruction of f)? */
static bool compiled(const struct form *f) {
  struct lbpf_program prog;
  return verified(f->insn, &prog) && lbpf_jit_alu_slots(&prog, 0) == 1;
}
#line 547 "lit/jit-proof.nw"
struct choice {
  uint8_t dst, src;
  int32_t imm;
};

static const int32_t immediates[] = {
    0,         1,      2,       7,          255,       256, 4095, 4096, 0xff00, 0x00ff00ff,
    INT32_MIN, 0xffff, 0x10000, 0x12345678, INT32_MAX, -1,  -2,   -256, -4096,  -0x12345678};

static bool is_shift(const struct form *f) {
  uint8_t op = LBPF_OP(f->insn.opcode);
  return op == LBPF_ALU_LSH || op == LBPF_ALU_RSH || op == LBPF_ALU_ARSH;
}

/* The choices for f; every pair and every (immediate, destination) when all. */
static size_t choices(const struct form *f, bool all, struct choice *out, size_t cap) {
  int32_t imms[64];
  size_t nimm = 0;
  if (!f->imm_source)
    imms[nimm++] = f->insn.imm;
  else if (is_shift(f))
    for (int32_t k = 0; k < (LBPF_CLASS(f->insn.opcode) == LBPF_CLASS_ALU64 ? 64 : 32); k++)
      imms[nimm++] = k;
  else
    for (size_t k = 0; k < sizeof immediates / sizeof immediates[0]; k++)
      imms[nimm++] = immediates[k];
  size_t n = 0;
  for (size_t k = 0; k < nimm; k++)
    for (uint8_t dst = 0; dst < LBPF_NREGS - 1; dst++) {
      if (!all && f->imm_source && dst != k % (LBPF_NREGS - 1)) continue;
      for (uint8_t src = 0; src < (f->reg_source ? LBPF_NREGS : 1) && n < cap; src++)
        if (all || !f->reg_source || src == dst || src == dst + 1 || src == LBPF_NREGS - 1)
          out[n++] = (struct choice){dst, src, imms[k]};
    }
  return n;
}
#line 610 "lit/jit-proof.nw"
static const uint64_t samples[] = {0,
                                   1,
                                   2,
                                   31,
                                   32,
                                   63,
                                   64,
                                   0x7fffffff,
                                   0x80000000,
                                   0xffffffff,
                                   UINT64_C(0x100000000),
                                   UINT64_C(0xffffffff80000000),
                                   INT64_MAX,
                                   (uint64_t)INT64_MIN,
                                   UINT64_MAX - 1,
                                   UINT64_MAX,
                                   UINT64_C(0x9e3779b97f4a7c15),
                                   UINT64_C(0x00000003a5a5a5a5),
                                   UINT64_C(0xfffffffd12345678),
                                   UINT64_C(0x0123456789abcdef)};
#define NSAMPLES (sizeof samples / sizeof samples[0])

static const struct choice sampled_pairs[] = {{1, 2, 0}, {3, 3, 0}, {0, 10, 0}, {9, 0, 0}};

static bool tested_only(const struct form *f) {
  uint8_t op = LBPF_OP(f->insn.opcode);
  bool is64 = LBPF_CLASS(f->insn.opcode) == LBPF_CLASS_ALU64;
  return (op == LBPF_ALU_MUL && is64) || op == LBPF_ALU_MOD ||
         (op == LBPF_ALU_DIV && f->insn.offset == 1);
}

static struct lbpf_insn instance(const struct form *f, struct choice c) {
  struct lbpf_insn in = f->insn;
  in.dst = c.dst;
  if (f->reg_source) in.src = c.src;
  if (f->imm_source) in.imm = c.imm;
  return in;
}

/* Prove (or test) f for one choice; 1 when it holds, else 0 with why. */
static int check_choice(Z3_context ctx, const struct form *f, struct choice c, bool sample,
                        unsigned timeout_ms, char *why, size_t why_cap) {
  static uint8_t code[4 * MAX_THUMB];
  size_t len = 0, ninsns = 0;
  struct lbpf_insn in = instance(f, c);
  enum jitted j = jit_one(in, code, sizeof code, &len, &ninsns, why, why_cap);
  if (j == REFUSED) return 1; /* not a program: nothing to prove */
  if (j == NO_CODE) return 0;
  Z3_ast regs[LBPF_NREGS];
  if (!sample) {
    for (unsigned i = 0; i < LBPF_NREGS; i++)
      regs[i] = lbpf_jit_proof_reg(ctx, i);
    uint64_t executed = 0;
    if (lbpf_jit_prove_code(ctx, &in, 1, code, len, regs, timeout_ms, &executed, why, why_cap) !=
        LBPF_JIT_PROVED)
      return 0;
    if (executed != ninsns) {
      snprintf(why, why_cap,
               "the code ran %llu instructions; J gave %zu (straight-line code runs each once)",
               (unsigned long long)executed, ninsns);
      return 0;
    }
    return 1;
  }
  for (size_t i = 0; i < NSAMPLES; i++)
    for (size_t k = 0; k < (in.dst == in.src || !f->reg_source ? 1 : NSAMPLES); k++) {
      for (unsigned r = 0; r < LBPF_NREGS; r++)
        regs[r] = lbpf_spec_sym_value(ctx, UINT64_C(0x0101010101010101) * (r + 1));
      regs[in.src] = lbpf_spec_sym_value(ctx, samples[k]);
      regs[in.dst] = lbpf_spec_sym_value(ctx, samples[i]);
      if (lbpf_jit_prove_code(ctx, &in, 1, code, len, regs, timeout_ms, NULL, why, why_cap) !=
          LBPF_JIT_PROVED) {
        size_t used = strlen(why);
        snprintf(why + used, why_cap - used, " (sample dst=0x%llx src=0x%llx)",
                 (unsigned long long)samples[i], (unsigned long long)samples[k]);
        return 0;
      }
    }
  return 1;
}
#line 691 "lit/jit-proof.nw"
int lbpf_jit_prove_forms(const struct lbpf_jit_proof_options *o, FILE *out) {
  static struct form forms[LBPF_NFORMS];
  static struct choice cs[64 * LBPF_NREGS * LBPF_NREGS];
  size_t nforms = alu_forms(forms, LBPF_NFORMS);
  int failed = 0;
  for (size_t k = 0; k < nforms; k++) {
    const struct form *f = &forms[k];
    if (o->only && strncmp(f->name, o->only, strlen(o->only))) continue;
    if (!compiled(f)) {
      fprintf(out, "%-7s %-18s not compiled by J (the interpreter executes it)\n", "-", f->name);
      continue;
    }
    bool sample = tested_only(f) && !o->hard;
    size_t n = sample ? sizeof sampled_pairs / sizeof sampled_pairs[0]
                      : choices(f, o->all, cs, sizeof cs / sizeof cs[0]);
    const struct choice *c = sample ? sampled_pairs : cs;
    Z3_config cfg = Z3_mk_config();
    Z3_context ctx = Z3_mk_context(cfg);
    Z3_del_config(cfg);
    clock_t start = clock();
    char why[1024] = "";
    size_t done = 0;
    while (done < n && check_choice(ctx, f, c[done], sample, o->timeout_ms, why, sizeof why))
      done++;
    double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
    if (done == n)
      fprintf(out, "%-7s %-18s %4zu choices%s  %.2f s\n", sample ? "tested" : "proved", f->name, n,
              sample ? " on samples" : "", seconds);
    else {
      struct lbpf_insn in = instance(f, c[done]);
      fprintf(out, "FAILED  %-18s dst r%u src r%u imm %d: %s\n", f->name, in.dst, in.src, in.imm,
              why);
      failed++;
    }
    Z3_del_context(ctx);
    fflush(out);
  }
  return failed;
}
