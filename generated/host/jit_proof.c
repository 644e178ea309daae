#line 506 "lit/jit-proof.nw"
/* The per-form proof of the JIT (see lit/jit-proof.nw). */
#define _POSIX_C_SOURCE 200809L /* fork, pipe, mkstemp: the other solvers */
#include "lbpf_jit_proof.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lbpf_isa.h"
#include "lbpf_jit.h"
#include "lbpf_spec_sym.h"
#include "lbpf_thumb.h"
#include "lbpf_thumb_sym.h"

#line 114 "lit/jit-proof.nw"
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
#line 159 "lit/jit-proof.nw"
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
                    Z3_ast const regs[LBPF_NREGS], const struct related *s, Z3_ast stone,
                    struct part parts[LBPF_NREGS + 9]) {
  Z3_ast want[LBPF_NREGS];
  for (unsigned i = 0; i < LBPF_NREGS; i++)
    want[i] = regs[i];
  for (size_t k = 0; k < n; k++)
    lbpf_spec_sym_step_alu(ctx, insns[k], want);
  if (stone) want[insns[0].dst] = stone; /* a one-instruction claim; see "Stepping stones" */
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
#line 215 "lit/jit-proof.nw"
enum solver_id { BY_Z3, BY_BOOLECTOR, BY_CVC5, NSOLVERS };
static const char *const solver_names[NSOLVERS] = {"z3", "boolector", "cvc5"};

struct solving {
  unsigned z3_ms;   /* Z3's limit per part, in milliseconds (0: none) */
  unsigned other_s; /* each other solver's limit per part, in CPU seconds (0: not tried) */
  unsigned proved_by[NSOLVERS];
};
#line 385 "lit/jit-proof.nw"
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
#line 296 "lit/jit-proof.nw"
static const struct other_solver {
  enum solver_id id;
  const char *program, *language;
} other_solvers[] = {{BY_BOOLECTOR, "boolector", "--smt2"}, {BY_CVC5, "cvc5", "--lang=smt2"}};

/* The query as SMT-LIB 2 text in a new temporary file (its name in path). */
static bool write_query(Z3_context ctx, Z3_ast negation, char *path, size_t path_cap) {
  static const char *const internal[] = {"(bvudiv_i ", "(bvsdiv_i ", "(bvurem_i ", "(bvsrem_i ",
                                         "(bvsmod_i "};
  char *text = strdup(
      Z3_benchmark_to_smtlib_string(ctx, "jit-proof", "QF_BV", "unknown", "", 0, NULL, negation));
  if (!text) return false;
  for (size_t k = 0; k < sizeof internal / sizeof internal[0]; k++)
    for (char *at = strstr(text, internal[k]); at; at = strstr(at, internal[k])) {
      char *suffix = at + strlen(internal[k]) - 3; /* "_i " */
      memmove(suffix, suffix + 2, strlen(suffix + 2) + 1);
    }
  const char *dir = getenv("TMPDIR");
  snprintf(path, path_cap, "%s/lbpf-jit-proof-XXXXXX", dir && *dir ? dir : "/tmp");
  int fd = mkstemp(path);
  bool ok = fd >= 0;
  size_t len = strlen(text);
  if (ok) ok = write(fd, text, len) == (ssize_t)len;
  if (fd >= 0 && close(fd)) ok = false;
  free(text);
  return ok;
}

/* Run one solver on the query in path, within cpu_s seconds of processor time. */
static Z3_lbool run_other(const struct other_solver *o, const char *path, unsigned cpu_s) {
  int out[2];
  if (pipe(out)) return Z3_L_UNDEF;
  pid_t pid = fork();
  if (pid == 0) {
    struct rlimit limit = {cpu_s, cpu_s + 1};
    int null = open("/dev/null", O_WRONLY);
    if (setrlimit(RLIMIT_CPU, &limit) || null < 0 || dup2(out[1], 1) < 0 || dup2(null, 2) < 0)
      _exit(127);
    close(out[0]);
    execlp(o->program, o->program, o->language, path, (char *)NULL);
    _exit(127);
  }
  close(out[1]);
  char answer[16] = "";
  size_t got = 0;
  ssize_t r;
  while (pid > 0 && got < sizeof answer - 1 &&
         (r = read(out[0], answer + got, sizeof answer - 1 - got)) > 0)
    got += (size_t)r;
  close(out[0]);
  int status;
  if (pid > 0) waitpid(pid, &status, 0);
  return !strncmp(answer, "unsat\n", 6) ? Z3_L_FALSE
         : !strncmp(answer, "sat\n", 4) ? Z3_L_TRUE
                                        : Z3_L_UNDEF;
}

static enum lbpf_jit_verdict decide_elsewhere(Z3_context ctx, Z3_ast negation, const char *part,
                                              struct solving *sv, char *why, size_t why_cap) {
  char path[256];
  if (!write_query(ctx, negation, path, sizeof path)) {
    snprintf(why, why_cap, "%s: Z3 gave up, and the query could not be written for the others",
             part);
    return LBPF_JIT_UNDECIDED;
  }
  enum lbpf_jit_verdict v = LBPF_JIT_UNDECIDED;
  snprintf(why, why_cap, "%s: Z3 gave up, and so did", part);
  for (size_t k = 0; k < sizeof other_solvers / sizeof other_solvers[0]; k++) {
    Z3_lbool r = run_other(&other_solvers[k], path, sv->other_s);
    if (r == Z3_L_FALSE) {
      sv->proved_by[other_solvers[k].id]++;
      v = LBPF_JIT_PROVED;
      break;
    }
    if (r == Z3_L_TRUE) {
      snprintf(why, why_cap, "%s is wrong: %s finds a counterexample (sat; Z3 gave up on it)", part,
               other_solvers[k].program);
      v = LBPF_JIT_REFUTED;
      break;
    }
    size_t used = strlen(why);
    snprintf(why + used, why_cap - used, " %s (%u s)", other_solvers[k].program, sv->other_s);
  }
  remove(path);
  return v;
}
#line 226 "lit/jit-proof.nw"
/* Does the simplifier (with som: sums of monomials) rewrite the equation to true? */
static bool rewrites_to_true(Z3_context ctx, Z3_ast equation, bool som) {
  Z3_params params = Z3_mk_params(ctx);
  Z3_params_inc_ref(ctx, params);
  Z3_params_set_bool(ctx, params, Z3_mk_string_symbol(ctx, "som"), som);
  Z3_lbool value = Z3_get_bool_value(ctx, Z3_simplify_ex(ctx, equation, params));
  Z3_params_dec_ref(ctx, params);
  return value == Z3_L_TRUE;
}

static enum lbpf_jit_verdict decide(Z3_context ctx, const struct part *p, struct solving *sv,
                                    char *why, size_t why_cap) {
  Z3_ast holds = Z3_simplify(ctx, p->holds);
  if (Z3_get_bool_value(ctx, holds) == Z3_L_TRUE || rewrites_to_true(ctx, holds, true)) {
    sv->proved_by[BY_Z3]++;
    return LBPF_JIT_PROVED;
  }
  Z3_solver solver = Z3_mk_solver_for_logic(ctx, Z3_mk_string_symbol(ctx, "QF_BV"));
  Z3_solver_inc_ref(ctx, solver);
  if (sv->z3_ms) {
    Z3_params params = Z3_mk_params(ctx);
    Z3_params_inc_ref(ctx, params);
    Z3_params_set_uint(ctx, params, Z3_mk_string_symbol(ctx, "timeout"), sv->z3_ms);
    Z3_solver_set_params(ctx, solver, params);
    Z3_params_dec_ref(ctx, params);
  }
  Z3_ast negation = Z3_mk_not(ctx, holds);
  Z3_solver_assert(ctx, solver, negation);
  Z3_lbool r = Z3_solver_check(ctx, solver);
  enum lbpf_jit_verdict v = r == Z3_L_FALSE  ? LBPF_JIT_PROVED
                            : r == Z3_L_TRUE ? LBPF_JIT_REFUTED
                                             : LBPF_JIT_UNDECIDED;
  if (v == LBPF_JIT_PROVED)
    sv->proved_by[BY_Z3]++;
  else if (v == LBPF_JIT_REFUTED)
    report_counterexample(ctx, Z3_solver_get_model(ctx, solver), p->name, why, why_cap);
  else if (sv->other_s)
    v = decide_elsewhere(ctx, negation, p->name, sv, why, why_cap);
  else
    snprintf(why, why_cap, "%s: the solver gave up (%s)", p->name,
             Z3_solver_get_reason_unknown(ctx, solver));
  Z3_solver_dec_ref(ctx, solver);
  return v;
}
#line 418 "lit/jit-proof.nw"
/* The routine's effect at a gate stop: true, or false (why set) if the
   stop is no call of a routine. */
static bool sym_gate(Z3_context ctx, struct lbpf_thumb_sym_state *m, uint32_t pc, char *why,
                     size_t why_cap) {
  uint32_t k = (pc - LBPF_JIT_MODEL_GATE) / 4;
  uint64_t lr, sp;
  if (pc < LBPF_JIT_MODEL_GATE || pc % 4 || k >= LBPF_JIT_NROUTINES) return false;
  Z3_ast sp_term = Z3_simplify(ctx, m->r[13]), lr_term = Z3_simplify(ctx, m->r[14]);
  if (!Z3_is_numeral_ast(ctx, sp_term) || !Z3_get_numeral_uint64(ctx, sp_term, &sp) || sp % 8 ||
      !Z3_is_numeral_ast(ctx, lr_term) || !Z3_get_numeral_uint64(ctx, lr_term, &lr)) {
    snprintf(why, why_cap, "a call with sp not known 8-byte aligned or lr unknown");
    return false;
  }
  Z3_ast args[LBPF_NREGS] = {0};
  for (unsigned i = 0; i < LBPF_NREGS; i++)
    args[i] = lbpf_spec_sym_value(ctx, 0);
  args[1] = Z3_mk_concat(ctx, m->r[1], m->r[0]);
  args[2] = Z3_mk_concat(ctx, m->r[3], m->r[2]);
  struct lbpf_insn op = {LBPF_CLASS_ALU64 | (k & 1 ? LBPF_ALU_MOD : LBPF_ALU_DIV) | LBPF_SRC_X, 1,
                         2, (int16_t)(k >> 1), 0};
  lbpf_spec_sym_step_alu(ctx, op, args);
  m->r[0] = Z3_simplify(ctx, Z3_mk_extract(ctx, 31, 0, args[1]));
  m->r[1] = Z3_simplify(ctx, Z3_mk_extract(ctx, 63, 32, args[1]));
  static unsigned calls;
  char name[32];
  Z3_sort bv32 = Z3_mk_bv_sort(ctx, 32);
  const unsigned spoiled[] = {2, 3, 12, 14};
  for (unsigned j = 0; j < 4; j++) {
    snprintf(name, sizeof name, "spoiled%u_r%u", calls, spoiled[j]);
    m->r[spoiled[j]] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), bv32);
  }
  Z3_ast *flags[4] = {&m->n, &m->z, &m->c, &m->v};
  for (unsigned j = 0; j < 4; j++) {
    snprintf(name, sizeof name, "spoiled%u_flag%u", calls, j);
    *flags[j] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), Z3_mk_bool_sort(ctx));
  }
  calls++;
  m->pc = (uint32_t)lr & ~1u;
  m->r[15] = Z3_mk_unsigned_int(ctx, m->pc, bv32);
  return true;
}

static enum lbpf_jit_verdict prove_code(Z3_context ctx, const struct lbpf_insn *insns, size_t n,
                                        const uint8_t *code, size_t code_len,
                                        Z3_ast const regs[LBPF_NREGS], Z3_ast stone,
                                        struct solving *sv, uint64_t *executed, char *why,
                                        size_t why_cap) {
  static struct related s; /* large: the frame's terms */
  relate(ctx, regs, &s);
  struct lbpf_thumb_result result;
  enum lbpf_thumb_status status;
  uint64_t ran = 0;
  *why = 0;
  for (;;) {
    status = lbpf_thumb_sym_run(&s.arm, code, code_len, LBPF_JIT_MODEL_CODE, s.areas, 2,
                                LBPF_JIT_MODEL_SENTINEL, LBPF_JIT_MODEL_MAX_STEPS, &result);
    ran += result.insns;
    if (status != LBPF_THUMB_FAULT_FETCH || !sym_gate(ctx, &s.arm, result.pc, why, why_cap)) break;
    ran--; /* the fetch at the gate: the call, no instruction of J's */
  }
  if (executed) *executed = ran;
  if (*why) return LBPF_JIT_STOPPED;
  if (status != LBPF_THUMB_RETURNED) {
    snprintf(why, why_cap, "the machine stopped (%s) at pc 0x%08x, fault address 0x%08x",
             lbpf_thumb_status_name(status), (unsigned)result.pc, (unsigned)result.fault_addr);
    return LBPF_JIT_STOPPED;
  }
  struct part parts[LBPF_NREGS + 9];
  size_t nparts = claim(ctx, insns, n, regs, &s, stone, parts);
  for (size_t k = 0; k < nparts; k++) {
    enum lbpf_jit_verdict v = decide(ctx, &parts[k], sv, why, why_cap);
    if (v != LBPF_JIT_PROVED) return v;
  }
  return LBPF_JIT_PROVED;
}

enum lbpf_jit_verdict lbpf_jit_prove_code(Z3_context ctx, const struct lbpf_insn *insns, size_t n,
                                          const uint8_t *code, size_t code_len,
                                          Z3_ast const regs[LBPF_NREGS], unsigned timeout_ms,
                                          uint64_t *executed, char *why, size_t why_cap) {
  struct solving sv = {timeout_ms, 0, {0}};
  return prove_code(ctx, insns, n, code, code_len, regs, NULL, &sv, executed, why, why_cap);
}
#line 674 "lit/jit-proof.nw"
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
#line 723 "lit/jit-proof.nw"
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
  return verified(f->insn, &prog) && lbpf_jit_run_slots(&prog, 0) == 1;
}
#line 784 "lit/jit-proof.nw"
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
#line 1014 "lit/jit-proof.nw"
static Z3_ast half(Z3_context ctx, Z3_ast x, unsigned high) {
  return Z3_mk_extract(ctx, high ? 63 : 31, high ? 32 : 0, x);
}

static Z3_ast word64(Z3_context ctx, Z3_ast x, unsigned high) {
  return Z3_mk_zero_ext(ctx, 32, half(ctx, x, high));
}

static Z3_ast times_c(Z3_context ctx, Z3_ast x) {
  return Z3_mk_bvmul(ctx, x, lbpf_spec_sym_value(ctx, UINT64_C(1) << 32));
}

static Z3_ast split64(Z3_context ctx, Z3_ast x) {
  return Z3_mk_bvadd(ctx, times_c(ctx, word64(ctx, x, 1)), word64(ctx, x, 0));
}

/* X c + Q as the concatenation of step 4. */
static Z3_ast shift_add(Z3_context ctx, Z3_ast x, Z3_ast q) {
  return Z3_mk_concat(ctx, Z3_mk_bvadd(ctx, half(ctx, q, 1), half(ctx, x, 0)), half(ctx, q, 0));
}

/* W'(d, s): the product as umull and its cross products compute it. */
static Z3_ast mul64_stone(Z3_context ctx, Z3_ast d, Z3_ast s) {
  Z3_ast p = Z3_mk_bvmul(ctx, word64(ctx, d, 0), word64(ctx, s, 0));
  Z3_ast cross = Z3_mk_bvadd(ctx, Z3_mk_bvmul(ctx, half(ctx, d, 0), half(ctx, s, 1)),
                             Z3_mk_bvmul(ctx, half(ctx, d, 1), half(ctx, s, 0)));
  return Z3_mk_concat(ctx, Z3_mk_bvadd(ctx, half(ctx, p, 1), cross),
                      Z3_mk_bvmul(ctx, half(ctx, d, 0), half(ctx, s, 0)));
}

/* The second operand of in: the source register's term or the sign-extended immediate. */
static Z3_ast operand(Z3_context ctx, struct lbpf_insn in, Z3_ast const regs[LBPF_NREGS]) {
  return (in.opcode & LBPF_SRC_X) ? regs[in.src]
                                  : lbpf_spec_sym_value(ctx, (uint64_t)(int64_t)in.imm);
}

static Z3_ast var64(Z3_context ctx, const char *name) {
  return Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), Z3_mk_bv_sort(ctx, 64));
}

/* Steps 1-5 of the chain, for all d and s; 1 when they hold, else 0 with why. */
static int mul64_lemmas(Z3_context ctx, struct solving *sv, char *why, size_t why_cap) {
  Z3_ast d = var64(ctx, "d"), s = var64(ctx, "s"), x = var64(ctx, "x"), q = var64(ctx, "q");
  Z3_ast regs[LBPF_NREGS];
  for (unsigned i = 0; i < LBPF_NREGS; i++)
    regs[i] = lbpf_jit_proof_reg(ctx, i);
  regs[1] = d, regs[2] = s;
  lbpf_spec_sym_step_alu(
      ctx, (struct lbpf_insn){LBPF_CLASS_ALU64 | LBPF_ALU_MUL | LBPF_SRC_X, 1, 2, 0, 0}, regs);
  if (!Z3_is_eq_ast(ctx, Z3_simplify(ctx, regs[1]), Z3_simplify(ctx, Z3_mk_bvmul(ctx, d, s)))) {
    snprintf(why, why_cap, "step 1: the specification's 64-bit mul is not the product d * s");
    return 0;
  }
  struct part split = {Z3_mk_eq(ctx, d, split64(ctx, d)), "step 2 (split)"};
  struct part add = {Z3_mk_eq(ctx, Z3_mk_bvadd(ctx, times_c(ctx, x), q), shift_add(ctx, x, q)),
                     "step 4 (shift and add)"};
  if (decide(ctx, &split, sv, why, why_cap) != LBPF_JIT_PROVED ||
      decide(ctx, &add, sv, why, why_cap) != LBPF_JIT_PROVED)
    return 0;
  Z3_ast p = Z3_mk_bvmul(ctx, word64(ctx, d, 0), word64(ctx, s, 0));
  Z3_ast cross = Z3_mk_bvadd(ctx, Z3_mk_bvmul(ctx, word64(ctx, d, 1), word64(ctx, s, 0)),
                             Z3_mk_bvmul(ctx, word64(ctx, d, 0), word64(ctx, s, 1)));
  Z3_ast w = Z3_mk_bvadd(ctx, times_c(ctx, cross), p);
  if (!rewrites_to_true(ctx, Z3_mk_eq(ctx, Z3_mk_bvmul(ctx, split64(ctx, d), split64(ctx, s)), w),
                        true)) {
    snprintf(why, why_cap, "step 3 (ring): the simplifier does not show it");
    return 0;
  }
  if (!rewrites_to_true(ctx, Z3_mk_eq(ctx, shift_add(ctx, cross, p), mul64_stone(ctx, d, s)),
                        false)) {
    snprintf(why, why_cap, "step 5 (halves): the simplifier does not show it");
    return 0;
  }
  return 1;
}

/* Processor time of this process and of the solvers it ran, in seconds. */
static double cpu_seconds(void) {
  struct rusage self, children;
  getrusage(RUSAGE_SELF, &self);
  getrusage(RUSAGE_CHILDREN, &children);
  return (double)(self.ru_utime.tv_sec + self.ru_stime.tv_sec + children.ru_utime.tv_sec +
                  children.ru_stime.tv_sec) +
         (double)(self.ru_utime.tv_usec + self.ru_stime.tv_usec + children.ru_utime.tv_usec +
                  children.ru_stime.tv_usec) /
             1e6;
}
#line 870 "lit/jit-proof.nw"
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

enum method { BY_SOLVER, BY_STONE, BY_SAMPLES };

static enum method how(const struct form *f) {
  uint8_t op = LBPF_OP(f->insn.opcode);
  bool is64 = LBPF_CLASS(f->insn.opcode) == LBPF_CLASS_ALU64;
  if (op == LBPF_ALU_MUL && is64) return BY_STONE;
  if (is64) return BY_SOLVER; /* 64-bit div and mod: the routine is the specification's */
  if (op == LBPF_ALU_MOD || (op == LBPF_ALU_DIV && f->insn.offset == 1)) return BY_SAMPLES;
  return BY_SOLVER;
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
                        struct solving *sv, char *why, size_t why_cap) {
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
    Z3_ast stone =
        how(f) == BY_STONE ? mul64_stone(ctx, regs[in.dst], operand(ctx, in, regs)) : NULL;
    if (prove_code(ctx, &in, 1, code, len, regs, stone, sv, &executed, why, why_cap) !=
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
      if (prove_code(ctx, &in, 1, code, len, regs, NULL, sv, NULL, why, why_cap) !=
          LBPF_JIT_PROVED) {
        size_t used = strlen(why);
        snprintf(why + used, why_cap - used, " (sample dst=0x%llx src=0x%llx)",
                 (unsigned long long)samples[i], (unsigned long long)samples[k]);
        return 0;
      }
    }
  return 1;
}
#line 1098 "lit/jit-proof.nw"
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
    enum method m = how(f);
    bool sample = m == BY_SAMPLES && !o->hard;
    bool pairs = sample && f->reg_source; /* an immediate form is sampled on every class */
    size_t n = pairs ? sizeof sampled_pairs / sizeof sampled_pairs[0]
                     : choices(f, o->all, cs, sizeof cs / sizeof cs[0]);
    const struct choice *c = pairs ? sampled_pairs : cs;
    struct solving sv = {o->timeout_ms, 0, {0}};
    if (m == BY_SAMPLES && o->hard) {
      sv.z3_ms = o->timeout_ms ? o->timeout_ms : LBPF_JIT_Z3_FIRST_MS;
      sv.other_s = o->other_s ? o->other_s : LBPF_JIT_OTHER_SECONDS;
    } else if (o->timeout_ms)
      sv.other_s = o->other_s ? o->other_s : LBPF_JIT_OTHER_SECONDS;
    Z3_config cfg = Z3_mk_config();
    Z3_context ctx = Z3_mk_context(cfg);
    Z3_del_config(cfg);
    double start = cpu_seconds();
    char why[1024] = "";
    size_t done = 0;
    if (m == BY_STONE && !mul64_lemmas(ctx, &sv, why, sizeof why)) done = SIZE_MAX;
    size_t sampled = 0; /* the negative immediates of mul64 (see the stepping stone) */
    for (; done < n; done++) {
      bool negative = m == BY_STONE && f->imm_source && c[done].imm < 0;
      sampled += negative;
      if (!check_choice(ctx, f, c[done], sample || negative, &sv, why, sizeof why)) break;
    }
    double seconds = cpu_seconds() - start;
    if (done == n) {
      char by[64] = "";
      for (size_t k2 = 0, used = 0; k2 < NSOLVERS && !sample; k2++)
        if (sv.proved_by[k2])
          used += (size_t)snprintf(by + used, sizeof by - used, "%s%s %u", used ? ", " : " (",
                                   solver_names[k2], sv.proved_by[k2]);
      if (*by) strncat(by, ")", sizeof by - strlen(by) - 1);
      char part[48] = "";
      if (sampled) snprintf(part, sizeof part, ", %zu of them on samples", sampled);
      fprintf(out, "%-7s %-18s %4zu choices%s%s%s%s  %.2f s\n", sample ? "tested" : "proved",
              f->name, n, sample ? " on samples" : "", m == BY_STONE ? " via W'" : "", by, part,
              seconds);
    } else if (done == SIZE_MAX) {
      fprintf(out, "FAILED  %-18s the lemmas of its stepping stone: %s\n", f->name, why);
      failed++;
    } else {
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
