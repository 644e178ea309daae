#line 534 "lit/jit-proof.nw"
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
#include "lbpf_jit_prog.h"
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
                                             LBPF_THUMB_READ | LBPF_THUMB_WRITE, s->file, NULL};
  s->areas[1] = (struct lbpf_thumb_sym_area){LBPF_JIT_MODEL_STACK_BASE, FRAME_BYTES,
                                             LBPF_THUMB_READ | LBPF_THUMB_WRITE, s->frame, NULL};
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
#line 389 "lit/jit-proof.nw"
static bool is_memory_name(const char *name) {
  if (!strncmp(name, "body_", 5)) name += 5;
  return !strncmp(name, "state", 5) || !strncmp(name, "stack", 5) || !strncmp(name, "frame", 5);
}

static void report_counterexample(Z3_context ctx, Z3_model model, const char *part, char *why,
                                  size_t why_cap) {
  Z3_model_inc_ref(ctx, model);
  size_t used = (size_t)snprintf(why, why_cap, "%s is wrong; counterexample:", part);
  unsigned nconsts = Z3_model_get_num_consts(ctx, model);
  bool about_bpf = false;
  for (unsigned k = 0; k < nconsts && !about_bpf; k++) {
    const char *name =
        Z3_get_symbol_string(ctx, Z3_get_decl_name(ctx, Z3_model_get_const_decl(ctx, model, k)));
    about_bpf = name[0] == 'b' && name[1] >= '0' && name[1] <= '9';
  }
  for (unsigned i = 0; about_bpf && i < LBPF_NREGS && used < why_cap; i++) {
    Z3_ast value;
    uint64_t u = 0;
    if (Z3_model_eval(ctx, model, lbpf_jit_proof_reg(ctx, i), true, &value) &&
        Z3_get_numeral_uint64(ctx, value, &u))
      used += (size_t)snprintf(why + used, why_cap - used, " r%u=0x%llx", i, (unsigned long long)u);
  }
  for (unsigned k = 0; !about_bpf && k < nconsts && used < why_cap; k++) {
    Z3_func_decl d = Z3_model_get_const_decl(ctx, model, k);
    char name[32];
    snprintf(name, sizeof name, "%s", Z3_get_symbol_string(ctx, Z3_get_decl_name(ctx, d)));
    Z3_ast value = Z3_model_get_const_interp(ctx, model, d);
    uint64_t u = 0;
    if (is_memory_name(name) || !value) continue;
    if (Z3_get_numeral_uint64(ctx, value, &u))
      used +=
          (size_t)snprintf(why + used, why_cap - used, " %s=0x%llx", name, (unsigned long long)u);
    else
      used += (size_t)snprintf(why + used, why_cap - used, " %s=%s", name,
                               Z3_get_bool_value(ctx, value) == Z3_L_TRUE ? "true" : "false");
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
#line 446 "lit/jit-proof.nw"
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
#line 704 "lit/jit-proof.nw"
#define MAX_THUMB 512u
enum jitted { REFUSED, JITTED, NO_CODE };

/* The program of the n (1 or 2: lddw's two slots) instructions insns and
   exit in prog (its code in a static buffer), if verified. */
static bool verified_slots(const struct lbpf_insn *insns, size_t n, struct lbpf_program *prog) {
  static uint8_t text[3 * 8], stack[LBPF_STACK_SIZE];
  const struct lbpf_insn exit_insn = {LBPF_CLASS_JMP | LBPF_JMP_EXIT, 0, 0, 0, 0};
  for (size_t k = 0; k < n; k++)
    lbpf_encode(insns[k], text + 8 * k);
  lbpf_encode(exit_insn, text + 8 * n);
  struct lbpf_env env = {NULL, 0, NULL, 0, NULL, 10, stack, sizeof stack};
  return lbpf_verify(text, 8 * (n + 1), &env, prog, NULL) == LBPF_OK;
}
static bool verified(struct lbpf_insn insn, struct lbpf_program *prog) {
  return verified_slots(&insn, 1, prog);
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
#line 757 "lit/jit-proof.nw"
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
#line 818 "lit/jit-proof.nw"
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
#line 1048 "lit/jit-proof.nw"
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
#line 904 "lit/jit-proof.nw"
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
#line 1132 "lit/jit-proof.nw"
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
#line 392 "lit/jit-prog-proof.nw"
#define PIECE_CODE 0x00010000u
#define PIECE_STATE 0x20000000u
#define PIECE_STACK_TOP 0x20002000u
#define PIECE_STACK_BYTES 256u
#define PIECE_STACK (PIECE_STACK_TOP - PIECE_STACK_BYTES)
#define PIECE_SENTINEL 0x00f00000u /* the return address a run starts with */
#define PIECE_MAX_STEPS 200u
#define STATE_BYTES ((uint32_t)sizeof(struct lbpf_jit_prog_state))
#define MAX_DECISIONS 8u

#define STATE_AT(field) ((uint32_t)offsetof(struct lbpf_jit_prog_state, field))
static uint32_t fast_at(unsigned k, size_t field_offset) {
  return STATE_AT(fast) + (uint32_t)(k * sizeof(struct lbpf_jit_fast_region) + field_offset);
}

struct world {
  Z3_ast state[sizeof(struct lbpf_jit_prog_state)], stack[PIECE_STACK_BYTES];
  Z3_ast region[8]; /* the bytes of an access, placed at its machine address */
  struct lbpf_thumb_sym_area areas[3];
  size_t nareas; /* the state and the stack; and the access's bytes */
  struct lbpf_thumb_sym_state arm;
  Z3_ast initial[16]; /* the registers the run started from */
};

static Z3_ast bv(Z3_context ctx, const char *name, unsigned bits) {
  return Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), Z3_mk_bv_sort(ctx, bits));
}
static Z3_ast k32(Z3_context ctx, uint32_t k) {
  return Z3_mk_unsigned_int(ctx, k, Z3_mk_bv_sort(ctx, 32));
}

/* The bytes at off of an area, little-endian, as one term of 8 * n bits; and back. */
static Z3_ast bytes_value(Z3_context ctx, Z3_ast const *bytes, uint32_t off, unsigned n) {
  Z3_ast v = bytes[off + n - 1];
  for (unsigned k = n - 1; k-- > 0;)
    v = Z3_mk_concat(ctx, v, bytes[off + k]);
  return v;
}
static void set_bytes(Z3_context ctx, Z3_ast *bytes, uint32_t off, unsigned n, Z3_ast v) {
  for (unsigned k = 0; k < n; k++)
    bytes[off + k] = Z3_simplify(ctx, Z3_mk_extract(ctx, 8 * k + 7, 8 * k, v));
}
static Z3_ast word_at(Z3_context ctx, const struct world *w, uint32_t off) {
  return bytes_value(ctx, w->state, off, 4);
}
#line 449 "lit/jit-prog-proof.nw"
static bool hi_known(const struct lbpf_jit_prog_regs *m, unsigned i) {
  return ((m->hi_zero | m->hi_ones) >> i & 1) != 0;
}
static Z3_ast hi_fact(Z3_context ctx, const struct lbpf_jit_prog_regs *m, unsigned i) {
  return k32(ctx, m->hi_ones >> i & 1 ? UINT32_MAX : 0);
}
static Z3_ast half_value(Z3_context ctx, const struct world *w, const struct lbpf_jit_prog_regs *m,
                         unsigned h) {
  return m->home[h] ? w->arm.r[m->home[h]] : word_at(ctx, w, STATE_AT(regs) + 4 * h);
}
/* BPF register i of the machine state w, through the relation m. */
static Z3_ast bpf_value(Z3_context ctx, const struct world *w, const struct lbpf_jit_prog_regs *m,
                        unsigned i) {
  Z3_ast hi = hi_known(m, i) ? hi_fact(ctx, m, i) : half_value(ctx, w, m, 2 * i + 1);
  return Z3_mk_concat(ctx, hi, half_value(ctx, w, m, 2 * i));
}
/* What the relation m reads of a register set to v. */
static Z3_ast expected(Z3_context ctx, const struct lbpf_jit_prog_regs *m, unsigned i, Z3_ast v) {
  return hi_known(m, i) ? Z3_mk_concat(ctx, hi_fact(ctx, m, i), Z3_mk_extract(ctx, 31, 0, v)) : v;
}
static void put_half(Z3_context ctx, struct world *w, const struct lbpf_jit_prog_regs *m,
                     unsigned h, Z3_ast word) {
  if (m->home[h])
    w->arm.r[m->home[h]] = word;
  else
    set_bytes(ctx, w->state, STATE_AT(regs) + 4 * h, 4, word);
}
/* w holds v[i] for every register i through m (v NULL: the variables b0...). */
static void related(Z3_context ctx, struct world *w, const struct lbpf_jit_prog_regs *m,
                    Z3_ast const *v) {
  for (unsigned i = 0; i < LBPF_NREGS; i++) {
    Z3_ast value = v ? v[i] : lbpf_jit_proof_reg(ctx, i);
    char name[24];
    snprintf(name, sizeof name, "unread_hi%u", i);
    put_half(ctx, w, m, 2 * i, Z3_mk_extract(ctx, 31, 0, value));
    put_half(ctx, w, m, 2 * i + 1,
             hi_known(m, i) ? bv(ctx, name, 32) : Z3_mk_extract(ctx, 63, 32, value));
  }
}

/* The setting before a core's own inputs: state bytes and stack unknown,
   r11 the state, sp the stack's top, lr the sentinel. */
static void setting(Z3_context ctx, struct world *w, unsigned state_perm) {
  Z3_sort bv8 = Z3_mk_bv_sort(ctx, 8);
  for (uint32_t k = 0; k < STATE_BYTES; k++) {
    char name[24];
    snprintf(name, sizeof name, "state%u", (unsigned)k);
    w->state[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), bv8);
  }
  for (uint32_t k = 0; k < PIECE_STACK_BYTES; k++) {
    char name[24];
    snprintf(name, sizeof name, "stack%u", (unsigned)k);
    w->stack[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), bv8);
  }
  w->areas[0] = (struct lbpf_thumb_sym_area){PIECE_STATE, STATE_BYTES, state_perm, w->state, NULL};
  w->areas[1] = (struct lbpf_thumb_sym_area){PIECE_STACK, PIECE_STACK_BYTES,
                                             LBPF_THUMB_READ | LBPF_THUMB_WRITE, w->stack, NULL};
  w->nareas = 2;
  lbpf_thumb_sym_init(&w->arm, ctx);
  w->arm.r[LBPF_JIT_PROG_ST_REG] = k32(ctx, PIECE_STATE);
  w->arm.r[13] = k32(ctx, PIECE_STACK_TOP);
  w->arm.r[14] = k32(ctx, PIECE_SENTINEL | 1u);
}
#line 523 "lit/jit-prog-proof.nw"
struct core {
  const char *name;
  uint8_t code[512];
  size_t len;
  uint32_t exits[6];
  size_t nexits;
  uint32_t pc, x, y;
  struct lbpf_jit_prog_regs regs; /* the relation the piece is written for */
};

/* The claim of one path, as parts; and the path's ending (the exit reached, or -1). */
typedef int (*setup_fn)(Z3_context ctx, const struct core *c, struct world *w);
typedef int (*judge_fn)(Z3_context ctx, const struct core *c, const struct world *w, int exit,
                        Z3_ast path, struct solving *sv, char *why, size_t why_cap);

static int ending(const struct core *c, const struct lbpf_thumb_result *r) {
  for (size_t k = 0; k < c->nexits; k++)
    if (r->pc == PIECE_CODE + c->exits[k]) return (int)k;
  return -1;
}

static int every_path(Z3_context ctx, const struct core *c, uint32_t entry, setup_fn setup,
                      judge_fn judge, struct solving *sv, size_t *npaths, char *why,
                      size_t why_cap) {
  static struct world w;
  struct {
    uint8_t d[MAX_DECISIONS];
    size_t n;
  } todo[2 * MAX_DECISIONS + 2];
  size_t ntodo = 1;
  todo[0].n = 0;
  uint32_t stops[6];
  for (size_t k = 0; k < c->nexits; k++) /* an exit that is the entry is not a stop */
    stops[k] = c->exits[k] == entry ? PIECE_SENTINEL : PIECE_CODE + c->exits[k];
  while (ntodo > 0) {
    ntodo--;
    uint8_t d[MAX_DECISIONS];
    size_t n = todo[ntodo].n;
    memcpy(d, todo[ntodo].d, n);
    if (!setup(ctx, c, &w)) {
      snprintf(why, why_cap, "the setting could not be built");
      return 0;
    }
    memcpy(w.initial, w.arm.r, sizeof w.initial);
    w.arm.pc = PIECE_CODE + entry;
    w.arm.decisions = d, w.arm.ndecisions = n;
    w.arm.stops = stops, w.arm.nstops = c->nexits;
    struct lbpf_thumb_result r;
    enum lbpf_thumb_status st = lbpf_thumb_sym_run(&w.arm, c->code, c->len, PIECE_CODE, w.areas,
                                                   w.nareas, PIECE_SENTINEL, PIECE_MAX_STEPS, &r);
    if (st == LBPF_THUMB_SYMBOLIC && w.arm.lacks_decision && n < MAX_DECISIONS) {
      for (uint8_t side = 0; side < 2; side++) {
        memcpy(todo[ntodo].d, d, n);
        todo[ntodo].d[n] = side;
        todo[ntodo++].n = n + 1;
      }
      continue;
    }
    ++*npaths;
    int e = st == LBPF_THUMB_RETURNED ? ending(c, &r) : -1;
    if (st != LBPF_THUMB_RETURNED || (e < 0 && r.pc != PIECE_SENTINEL)) {
      snprintf(why, why_cap,
               "a path stopped (%s) at pc 0x%08x, fault address 0x%08x, not at an exit",
               lbpf_thumb_status_name(st), (unsigned)r.pc, (unsigned)r.fault_addr);
      return 0;
    }
    Z3_ast path = w.arm.path ? w.arm.path : Z3_mk_true(ctx);
    if (!judge(ctx, c, &w, e, path, sv, why, why_cap)) return 0;
  }
  return 1;
}

/* Decide "path implies holds", named. */
static int on_path(Z3_context ctx, Z3_ast path, Z3_ast holds, const char *name, struct solving *sv,
                   char *why, size_t why_cap) {
  struct part p;
  p.holds = Z3_mk_implies(ctx, path, holds);
  snprintf(p.name, sizeof p.name, "%s", name);
  return decide(ctx, &p, sv, why, why_cap) == LBPF_JIT_PROVED;
}

/* Registers r4-r12 and sp as the path started (r0-r3 and the flags are the
   cores' scratch; lr is not touched by any). */
static int kept(Z3_context ctx, const struct world *w, Z3_ast path, struct solving *sv, char *why,
                size_t why_cap) {
  Z3_ast same[10];
  for (unsigned r = 4; r <= 13; r++)
    same[r - 4] = Z3_mk_eq(ctx, w->arm.r[r], w->initial[r]);
  return on_path(ctx, path, Z3_mk_and(ctx, 10, same), "r4-r12 and sp kept", sv, why, why_cap);
}
#line 655 "lit/jit-prog-proof.nw"
/* fast_region's end for an access of n bytes, from base and length. */
static Z3_ast fast_end(Z3_context ctx, Z3_ast base, Z3_ast length, unsigned n) {
  Z3_ast k = lbpf_spec_sym_value(ctx, n),
         end = Z3_mk_bvadd(ctx, Z3_mk_bvsub(ctx, length, k), lbpf_spec_sym_value(ctx, 1));
  Z3_ast fits = Z3_mk_and(ctx, 2,
                          (Z3_ast[]){Z3_mk_bvuge(ctx, length, k),
                                     Z3_mk_bvule(ctx, end, lbpf_spec_sym_value(ctx, UINT32_MAX))});
  Z3_ast high_ones = Z3_mk_eq(ctx, Z3_mk_extract(ctx, 63, 32, base), k32(ctx, UINT32_MAX));
  return Z3_mk_ite(ctx, high_ones, k32(ctx, 0),
                   Z3_mk_ite(ctx, fits, Z3_mk_extract(ctx, 31, 0, end), k32(ctx, 0)));
}

/* The specification's region_holds for a region granting both permissions. */
static Z3_ast region_holds_sym(Z3_context ctx, Z3_ast a, Z3_ast base, Z3_ast length, unsigned n) {
  Z3_ast k = lbpf_spec_sym_value(ctx, n);
  Z3_ast parts[3] = {Z3_mk_bvule(ctx, k, length), Z3_mk_bvuge(ctx, a, base),
                     Z3_mk_bvule(ctx, Z3_mk_bvsub(ctx, a, base), Z3_mk_bvsub(ctx, length, k))};
  return Z3_mk_and(ctx, 3, parts);
}

static unsigned fast_kind(uint32_t base_reg) {
  return base_reg == 10 ? LBPF_JIT_PROG_FAST_STACK : LBPF_JIT_PROG_FAST_INPUT;
}

/* fast_region's machine word: the base's low word plus the delta. */
static Z3_ast fast_machine(Z3_context ctx, Z3_ast base, Z3_ast delta) {
  return Z3_mk_bvadd(ctx, Z3_mk_extract(ctx, 31, 0, base), delta);
}

/* The words of region kind k as fast_region and the delta fill them, from
   the variables base, length and delta. */
static void fast_words(Z3_context ctx, struct world *w, unsigned k) {
  Z3_ast base = bv(ctx, "base", 64), length = bv(ctx, "length", 64), delta = bv(ctx, "delta", 32);
  set_bytes(ctx, w->state, fast_at(k, offsetof(struct lbpf_jit_fast_region, base_lo)), 8, base);
  for (unsigned j = 0; j < 4; j++) {
    uint32_t at = fast_at(k, offsetof(struct lbpf_jit_fast_region, at) +
                                 j * sizeof(struct lbpf_jit_fast_end));
    set_bytes(ctx, w->state, at + (uint32_t)offsetof(struct lbpf_jit_fast_end, end), 4,
              fast_end(ctx, base, length, 1u << j));
    set_bytes(ctx, w->state, at + (uint32_t)offsetof(struct lbpf_jit_fast_end, machine), 4,
              fast_machine(ctx, base, delta));
  }
  set_bytes(ctx, w->state, fast_at(k, offsetof(struct lbpf_jit_fast_region, delta)), 4, delta);
}

/* The registers the check reads the address from: r1:r0, or r7:r6. */
static unsigned check_lo(const struct core *c) {
  return c->y & 16 ? 6 : 0;
}

static int check_setup(Z3_context ctx, const struct core *c, struct world *w) {
  setting(ctx, w, LBPF_THUMB_READ);
  Z3_ast a = bv(ctx, "a", 64);
  fast_words(ctx, w, fast_kind(c->x));
  w->arm.r[check_lo(c)] = Z3_mk_extract(ctx, 31, 0, a);
  w->arm.r[check_lo(c) + 1] = Z3_mk_extract(ctx, 63, 32, a);
  return 1;
}

static int check_judge(Z3_context ctx, const struct core *c, const struct world *w, int exit,
                       Z3_ast path, struct solving *sv, char *why, size_t why_cap) {
  Z3_ast a = bv(ctx, "a", 64), base = bv(ctx, "base", 64), length = bv(ctx, "length", 64);
  Z3_ast holds = region_holds_sym(ctx, a, base, length, c->y & 15);
  Z3_ast low_base =
      Z3_mk_not(ctx, Z3_mk_eq(ctx, Z3_mk_extract(ctx, 63, 32, base), k32(ctx, UINT32_MAX)));
  if (exit == 0) {
    Z3_ast address = Z3_mk_bvadd(ctx, Z3_mk_extract(ctx, 31, 0, a), bv(ctx, "delta", 32));
    return on_path(ctx, path, holds, "fast path: the access is in the region", sv, why, why_cap) &&
           on_path(ctx, path, Z3_mk_eq(ctx, w->arm.r[0], address),
                   "fast path: r0 = the machine address", sv, why, why_cap) &&
           on_path(ctx, path, low_base, "fast path: base below 2^64 - 2^32", sv, why, why_cap) &&
           kept(ctx, w, path, sv, why, why_cap);
  }
  if (exit == 1) {
    Z3_ast k = lbpf_spec_sym_value(ctx, c->y & 15);
    Z3_ast small =
        Z3_mk_bvult(ctx, Z3_mk_bvsub(ctx, length, k), lbpf_spec_sym_value(ctx, UINT32_MAX));
    Z3_ast could = Z3_mk_and(ctx, 3, (Z3_ast[]){holds, low_base, small});
    return on_path(ctx, path,
                   Z3_mk_eq(ctx, Z3_mk_concat(ctx, w->arm.r[3], w->arm.r[2]),
                            Z3_mk_bvsub(ctx, a, base)),
                   "slow path: r3:r2 = the address - base", sv, why, why_cap) &&
           on_path(ctx, path, Z3_mk_not(ctx, could), "slow path: not one the fast path takes", sv,
                   why, why_cap) &&
           kept(ctx, w, path, sv, why, why_cap);
  }
  snprintf(why, why_cap, "a path returned instead of reaching an exit");
  return 0;
}

/* The lemma: b < 2^64 - 2^32 and a < b give a - b a nonzero high word. */
static int no_borrow_lemma(Z3_context ctx, struct solving *sv, char *why, size_t why_cap) {
  Z3_ast a = bv(ctx, "a", 64), base = bv(ctx, "base", 64);
  Z3_ast low = Z3_mk_bvult(ctx, base, lbpf_spec_sym_value(ctx, UINT64_C(0xffffffff00000000)));
  Z3_ast high = Z3_mk_extract(ctx, 63, 32, Z3_mk_bvsub(ctx, a, base));
  return on_path(ctx, Z3_mk_and(ctx, 2, (Z3_ast[]){low, Z3_mk_bvult(ctx, a, base)}),
                 Z3_mk_not(ctx, Z3_mk_eq(ctx, high, k32(ctx, 0))), "the no-borrow lemma", sv, why,
                 why_cap);
}
#line 802 "lit/jit-prog-proof.nw"
static bool compare_backward(const struct core *c) {
  return (c->y & LBPF_JIT_PIECE_BACKWARD) != 0;
}

static int compare_setup(Z3_context ctx, const struct core *c, struct world *w) {
  setting(ctx, w, compare_backward(c) ? LBPF_THUMB_READ | LBPF_THUMB_WRITE : LBPF_THUMB_READ);
  set_bytes(ctx, w->state, STATE_AT(budget_lo), 8, bv(ctx, "budget", 64));
  related(ctx, w, &c->regs, NULL);
  return 1;
}

static int compare_judge(Z3_context ctx, const struct core *c, const struct world *w, int exit,
                         Z3_ast path, struct solving *sv, char *why, size_t why_cap) {
  uint8_t opcode = (uint8_t)c->y;
  unsigned dst = c->y >> 8 & 15, src = c->y >> 12 & 15;
  Z3_ast d = expected(ctx, &c->regs, dst, lbpf_jit_proof_reg(ctx, dst));
  Z3_ast s = opcode & LBPF_SRC_X ? expected(ctx, &c->regs, src, lbpf_jit_proof_reg(ctx, src))
                                 : lbpf_spec_sym_value(ctx, (uint64_t)(int64_t)(int32_t)c->x);
  Z3_ast taken = lbpf_spec_sym_jump_taken(ctx, opcode, d, s);
  if (exit < 0) {
    snprintf(why, why_cap, "a path returned instead of reaching an exit");
    return 0;
  }
  if (compare_backward(c)) { /* the budget too */
    Z3_ast budget = bv(ctx, "budget", 64), cost = lbpf_spec_sym_value(ctx, 2);
    Z3_ast now = bytes_value(ctx, w->state, STATE_AT(budget_lo), 8);
    Z3_ast want =
        exit == 0 ? Z3_mk_and(ctx, 2, (Z3_ast[]){Z3_mk_not(ctx, taken), Z3_mk_eq(ctx, now, budget)})
        : exit == 1 ? Z3_mk_and(ctx, 3,
                                (Z3_ast[]){taken, Z3_mk_bvuge(ctx, budget, cost),
                                           Z3_mk_eq(ctx, now, Z3_mk_bvsub(ctx, budget, cost))})
                    : Z3_mk_and(ctx, 3,
                                (Z3_ast[]){taken, Z3_mk_bvult(ctx, budget, cost),
                                           Z3_mk_eq(ctx, now, budget)});
    static const char *const names[3] = {"not taken: fails, nothing spent", "taken: holds, paid",
                                         "stopped: holds, budget short"};
    return on_path(ctx, path, want, names[exit], sv, why, why_cap) &&
           kept(ctx, w, path, sv, why, why_cap);
  }
  return on_path(ctx, path, exit == 1 ? taken : Z3_mk_not(ctx, taken),
                 exit == 1 ? "taken: the condition holds" : "not taken: the condition fails", sv,
                 why, why_cap) &&
         kept(ctx, w, path, sv, why, why_cap);
}
#line 872 "lit/jit-prog-proof.nw"
static const uint32_t costs[] = {1, 2, 0xffff, 0x10000, 0x12345678, 0xffffffff};
static const uint32_t cost_pcs[] = {3, 0x10005};

static int spend_setup(Z3_context ctx, const struct core *c, struct world *w) {
  (void)c;
  setting(ctx, w, LBPF_THUMB_READ | LBPF_THUMB_WRITE);
  set_bytes(ctx, w->state, STATE_AT(budget_lo), 8, bv(ctx, "budget", 64));
  return 1;
}

static int spend_judge(Z3_context ctx, const struct core *c, const struct world *w, int exit,
                       Z3_ast path, struct solving *sv, char *why, size_t why_cap) {
  Z3_ast budget = bv(ctx, "budget", 64), cost = lbpf_spec_sym_value(ctx, c->x);
  Z3_ast now = bytes_value(ctx, w->state, STATE_AT(budget_lo), 8);
  Z3_ast status_pc = bytes_value(ctx, w->state, STATE_AT(status), 8);
  Z3_ast was[8];
  for (unsigned k = 0; k < 8; k++) {
    char name[24];
    snprintf(name, sizeof name, "state%u", (unsigned)(STATE_AT(status) + k));
    was[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), Z3_mk_bv_sort(ctx, 8));
  }
  if (!on_path(ctx, path, Z3_mk_eq(ctx, status_pc, bytes_value(ctx, was, 0, 8)),
               "status and pc untouched", sv, why, why_cap) ||
      !kept(ctx, w, path, sv, why, why_cap))
    return 0;
  if (exit == 0)
    return on_path(ctx, path, Z3_mk_bvuge(ctx, budget, cost), "paid: the budget sufficed", sv, why,
                   why_cap) &&
           on_path(ctx, path, Z3_mk_eq(ctx, now, Z3_mk_bvsub(ctx, budget, cost)),
                   "paid: the budget is down by the cost", sv, why, why_cap);
  if (exit == 1)
    return on_path(ctx, path, Z3_mk_bvult(ctx, budget, cost), "stopped: the budget was short", sv,
                   why, why_cap) &&
           on_path(ctx, path, Z3_mk_eq(ctx, now, budget), "stopped: nothing spent", sv, why,
                   why_cap) &&
           on_path(ctx, path,
                   Z3_mk_and(ctx, 2,
                             (Z3_ast[]){Z3_mk_eq(ctx, w->arm.r[0], k32(ctx, LBPF_ERR_BUDGET)),
                                        Z3_mk_eq(ctx, w->arm.r[1], k32(ctx, c->pc))}),
                   "stopped: r0 = budget status, r1 = pc", sv, why, why_cap);
  snprintf(why, why_cap, "a path returned instead of reaching an exit");
  return 0;
}
#line 943 "lit/jit-prog-proof.nw"
static int frame_setup(Z3_context ctx, const struct core *c, struct world *w) {
  (void)c;
  setting(ctx, w, LBPF_THUMB_READ | LBPF_THUMB_WRITE);
  w->arm.r[0] = k32(ctx, PIECE_STATE);
  w->arm.r[LBPF_JIT_PROG_ST_REG] = bv(ctx, "r11", 32); /* the caller's */
  return 1;
}

static int frame_prove(Z3_context ctx, const struct core *c, struct solving *sv, char *why,
                       size_t why_cap) {
  static struct world w;
  Z3_ast caller[16], run_set[LBPF_NREGS];
  frame_setup(ctx, c, &w);
  for (unsigned i = 0; i < LBPF_NREGS; i++) /* what the run wrote into the register file */
    run_set[i] = bytes_value(ctx, w.state, STATE_AT(regs) + 8 * i, 8);
  caller[LBPF_JIT_PROG_ST_REG] = w.arm.r[LBPF_JIT_PROG_ST_REG];
  for (unsigned r = 4; r <= 10; r++)
    caller[r] = w.arm.r[r];
  uint32_t body = PIECE_CODE + c->exits[0];
  w.arm.pc = PIECE_CODE;
  w.arm.stops = &body, w.arm.nstops = 1;
  struct lbpf_thumb_result r;
  if (lbpf_thumb_sym_run(&w.arm, c->code, c->len, PIECE_CODE, w.areas, 2, PIECE_SENTINEL,
                         PIECE_MAX_STEPS, &r) != LBPF_THUMB_RETURNED ||
      r.pc != body) {
    snprintf(why, why_cap, "the prologue did not reach the body (pc 0x%08x)", (unsigned)r.pc);
    return 0;
  }
  uint32_t entry_sp;
  Z3_ast saved_sp = Z3_simplify(ctx, bytes_value(ctx, w.state, STATE_AT(entry_sp), 4));
  Z3_ast true_ = Z3_mk_true(ctx);
  if (!on_path(ctx, true_, Z3_mk_eq(ctx, w.arm.r[LBPF_JIT_PROG_ST_REG], k32(ctx, PIECE_STATE)),
               "prologue: r11 = the state", sv, why, why_cap) ||
      !on_path(ctx, true_, Z3_mk_eq(ctx, saved_sp, w.arm.r[13]), "prologue: entry_sp = sp", sv, why,
               why_cap))
    return 0;
  if (!Z3_get_numeral_uint(ctx, saved_sp, &entry_sp) || entry_sp < PIECE_STACK ||
      entry_sp > PIECE_STACK_TOP) {
    snprintf(why, why_cap, "prologue: entry_sp is not a known address in the stack");
    return 0;
  }
  Z3_ast at_pc0[LBPF_NREGS];
  for (unsigned i = 0; i < LBPF_NREGS; i++)
    at_pc0[i] = Z3_mk_eq(ctx, bpf_value(ctx, &w, &c->regs, i),
                         i == 1 || i == 2 || i == 10 ? run_set[i] : lbpf_spec_sym_value(ctx, 0));
  if (!on_path(ctx, true_, Z3_mk_and(ctx, LBPF_NREGS, at_pc0),
               "prologue: r1 r2 r10 the run's, others 0", sv, why, why_cap))
    return 0;
  static struct world body_end;
  body_end = w;
  Z3_sort bv8 = Z3_mk_bv_sort(ctx, 8);
  for (unsigned k = 0; k < 16; k++) {
    char name[24];
    snprintf(name, sizeof name, "body_r%u", k);
    if (k != LBPF_JIT_PROG_ST_REG && k != 15) body_end.arm.r[k] = bv(ctx, name, 32);
  }
  static const char *const flag_names[4] = {"body_n", "body_z", "body_c", "body_v"};
  Z3_ast *flags[4] = {&body_end.arm.n, &body_end.arm.z, &body_end.arm.c, &body_end.arm.v};
  for (unsigned k = 0; k < 4; k++)
    *flags[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, flag_names[k]), Z3_mk_bool_sort(ctx));
  for (uint32_t k = 0; k < STATE_BYTES; k++)
    if (k - STATE_AT(entry_sp) >= 4) {
      char name[24];
      snprintf(name, sizeof name, "body_state%u", (unsigned)k);
      body_end.state[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), bv8);
    }
  for (uint32_t k = 0; k < entry_sp - PIECE_STACK; k++) {
    char name[24];
    snprintf(name, sizeof name, "body_stack%u", (unsigned)k);
    body_end.stack[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), bv8);
  }
  for (int from_fail = 1; from_fail >= 0; from_fail--) {
    w = body_end;
    w.areas[0].bytes = w.state, w.areas[1].bytes = w.stack;
    Z3_ast status_in = w.arm.r[0], pc_in = w.arm.r[1];
    Z3_ast status_was = bytes_value(ctx, w.state, STATE_AT(status), 4);
    Z3_ast pc_was = bytes_value(ctx, w.state, STATE_AT(pc), 4);
    w.arm.pc = PIECE_CODE + c->exits[from_fail ? 1 : 2];
    w.arm.stops = NULL, w.arm.nstops = 0;
    enum lbpf_thumb_status st = lbpf_thumb_sym_run(&w.arm, c->code, c->len, PIECE_CODE, w.areas, 2,
                                                   PIECE_SENTINEL, PIECE_MAX_STEPS, &r);
    if (st != LBPF_THUMB_RETURNED || r.pc != PIECE_SENTINEL) {
      snprintf(why, why_cap, "%s: did not return to the caller (%s at pc 0x%08x)",
               from_fail ? "failure path" : "epilogue", lbpf_thumb_status_name(st), (unsigned)r.pc);
      return 0;
    }
    Z3_ast same[9];
    for (unsigned k = 4; k <= 11; k++)
      same[k - 4] = Z3_mk_eq(ctx, w.arm.r[k], caller[k]);
    same[8] = Z3_mk_eq(ctx, w.arm.r[13], k32(ctx, PIECE_STACK_TOP));
    Z3_ast status_now = bytes_value(ctx, w.state, STATE_AT(status), 4);
    Z3_ast pc_now = bytes_value(ctx, w.state, STATE_AT(pc), 4);
    Z3_ast stored =
        Z3_mk_and(ctx, 2,
                  (Z3_ast[]){Z3_mk_eq(ctx, status_now, from_fail ? status_in : status_was),
                             Z3_mk_eq(ctx, pc_now, from_fail ? pc_in : pc_was)});
    if (!on_path(ctx, true_, Z3_mk_and(ctx, 9, same),
                 from_fail ? "failure path: r4-r11 and sp restored"
                           : "epilogue: r4-r11 and sp restored",
                 sv, why, why_cap) ||
        !on_path(ctx, true_, stored,
                 from_fail ? "failure path: status and pc stored"
                           : "epilogue: status and pc untouched",
                 sv, why, why_cap))
      return 0;
  }
  return 1;
}
#line 1061 "lit/jit-prog-proof.nw"
static const uint64_t region_bases[] = {0,
                                        0x1000,
                                        0x20000000,
                                        UINT64_C(0x00000001fffffff0),
                                        UINT64_C(0xfffffffe00000000),
                                        UINT64_C(0xfffffffeffffffff),
                                        UINT64_C(0xffffffff00000000),
                                        UINT64_C(0xfffffffffffffff0)};
static const uint64_t region_lengths[] = {0,
                                          1,
                                          2,
                                          3,
                                          4,
                                          7,
                                          8,
                                          9,
                                          512,
                                          0xfffffffe,
                                          0xffffffff,
                                          UINT64_C(0x100000000),
                                          UINT64_C(0x100000006),
                                          UINT64_C(0x100000007),
                                          UINT64_C(0x100000008),
                                          UINT64_MAX};

static int fast_region_agrees(Z3_context ctx, size_t *samples, char *why, size_t why_cap) {
  for (size_t i = 0; i < sizeof region_bases / sizeof region_bases[0]; i++)
    for (size_t k = 0; k < sizeof region_lengths / sizeof region_lengths[0]; k++) {
      uint64_t base = region_bases[i], length = region_lengths[k];
      if ((uint64_t)(size_t)length != length) continue; /* a host whose sizes are narrower */
      struct lbpf_jit_fast_region f;
      lbpf_jit_prog_fast_region_of(&f, base, length);
      ++*samples;
      bool same = f.base_lo == (uint32_t)base && f.base_hi == (uint32_t)(base >> 32);
      for (unsigned d = 0; d < 2 && same; d++) { /* the run's delta, 0, then the model's */
        uint32_t delta = d ? 0x40000000u - (uint32_t)base : 0;
        if (d) lbpf_jit_prog_fast_delta(&f, delta);
        same = f.delta == delta;
        for (unsigned j = 0; j < 4 && same; j++) {
          Z3_ast e = Z3_simplify(ctx, fast_end(ctx, lbpf_spec_sym_value(ctx, base),
                                               lbpf_spec_sym_value(ctx, length), 1u << j));
          Z3_ast m =
              Z3_simplify(ctx, fast_machine(ctx, lbpf_spec_sym_value(ctx, base), k32(ctx, delta)));
          unsigned u, v;
          same = Z3_get_numeral_uint(ctx, e, &u) && u == f.at[j].end &&
                 Z3_get_numeral_uint(ctx, m, &v) && v == f.at[j].machine;
        }
      }
      if (!same) {
        snprintf(
            why, why_cap,
            "fast_region differs from the precondition; counterexample: base=0x%llx length=0x%llx",
            (unsigned long long)base, (unsigned long long)length);
        return 0;
      }
    }
  return 1;
}
#line 1147 "lit/jit-prog-proof.nw"
static const uint32_t helper_addresses[] = {LBPF_JIT_PROG_GATE_HELPERS | 1u, 0x0800abcdu};

static void helper_setting(Z3_context ctx, const struct core *c, struct world *w) {
  setting(ctx, w, LBPF_THUMB_READ | LBPF_THUMB_WRITE);
  related(ctx, w, &c->regs, NULL);
  set_bytes(ctx, w->state, STATE_AT(ctx), 4, bv(ctx, "ctx", 32));
}

/* w stopped at the branch to a helper, on path: the AAPCS arguments; then
   any AAPCS function, and the code after it up to end: BPF r0 the result,
   the others kept. */
static int helper_called(Z3_context ctx, const struct core *c, struct world *w, Z3_ast path,
                         uint32_t end, struct solving *sv, char *why, size_t why_cap) {
  const struct lbpf_jit_prog_regs *m = &c->regs;
  uint32_t stops[2] = {0, end};
  struct lbpf_thumb_result r;
  enum lbpf_thumb_status st;
  uint32_t sp, lr;
  if (!Z3_get_numeral_uint(ctx, Z3_simplify(ctx, w->arm.r[13]), &sp) ||
      !Z3_get_numeral_uint(ctx, Z3_simplify(ctx, w->arm.r[14]), &lr) || sp < PIECE_STACK ||
      sp + 32 > PIECE_STACK_TOP) {
    snprintf(why, why_cap, "the call did not reach the helper with a known sp and lr");
    return 0;
  }
  Z3_ast at_call[6];
  at_call[0] = Z3_mk_eq(ctx, w->arm.r[0], bv(ctx, "ctx", 32));
  at_call[1] = Z3_mk_eq(ctx, Z3_mk_concat(ctx, w->arm.r[3], w->arm.r[2]),
                        expected(ctx, m, 1, lbpf_jit_proof_reg(ctx, 1)));
  for (unsigned i = 2; i <= 5; i++)
    at_call[i] = Z3_mk_eq(ctx, bytes_value(ctx, w->stack, sp - PIECE_STACK + 8 * (i - 2), 8),
                          expected(ctx, m, i, lbpf_jit_proof_reg(ctx, i)));
  if (!on_path(ctx, path, Z3_mk_and(ctx, 6, at_call), "call: ctx, r1-r5 as the AAPCS puts them", sv,
               why, why_cap))
    return 0;
  if (sp % 8 != 0 || !(lr & 1u)) {
    snprintf(why, why_cap, "call: sp 0x%08x not 8-aligned or lr 0x%08x not a Thumb address",
             (unsigned)sp, (unsigned)lr);
    return 0;
  }
  Z3_ast result = bv(ctx, "result", 64);
  w->arm.r[0] = Z3_mk_extract(ctx, 31, 0, result), w->arm.r[1] = Z3_mk_extract(ctx, 63, 32, result);
  w->arm.r[2] = bv(ctx, "helper_r2", 32), w->arm.r[3] = bv(ctx, "helper_r3", 32);
  w->arm.r[12] = bv(ctx, "helper_r12", 32), w->arm.r[14] = bv(ctx, "helper_lr", 32);
  static const char *const flag_names[4] = {"helper_n", "helper_z", "helper_c", "helper_v"};
  Z3_ast *flags[4] = {&w->arm.n, &w->arm.z, &w->arm.c, &w->arm.v};
  for (unsigned k = 0; k < 4; k++)
    *flags[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, flag_names[k]), Z3_mk_bool_sort(ctx));
  for (uint32_t k = 0; k < sp + 32 - PIECE_STACK; k++) {
    char name[24];
    snprintf(name, sizeof name, "body_stack%u", (unsigned)k);
    w->stack[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), Z3_mk_bv_sort(ctx, 8));
  }
  w->arm.pc = lr & ~1u;
  w->arm.stops = stops + 1, w->arm.nstops = 1;
  st = lbpf_thumb_sym_run(&w->arm, c->code, c->len, PIECE_CODE, w->areas, 2, PIECE_SENTINEL,
                          PIECE_MAX_STEPS, &r);
  if (st != LBPF_THUMB_RETURNED || r.pc != stops[1]) {
    snprintf(why, why_cap, "after the helper: did not reach the end (%s at pc 0x%08x)",
             lbpf_thumb_status_name(st), (unsigned)r.pc);
    return 0;
  }
  struct lbpf_jit_prog_regs m_after = *m; /* the result's high word is not known */
  m_after.hi_zero &= (uint16_t)~1u, m_after.hi_ones &= (uint16_t)~1u;
  Z3_ast after[LBPF_NREGS + 9];
  after[0] = Z3_mk_eq(ctx, bpf_value(ctx, w, &m_after, 0), result);
  for (unsigned i = 1; i < LBPF_NREGS; i++)
    after[i] = Z3_mk_eq(ctx, bpf_value(ctx, w, &m_after, i),
                        expected(ctx, m, i, lbpf_jit_proof_reg(ctx, i)));
  size_t nkept = 0;
  for (unsigned k = 4; k <= 11; k++)
    if (k != m->home[0] && k != m->home[1])
      after[LBPF_NREGS + nkept++] = Z3_mk_eq(ctx, w->arm.r[k], w->initial[k]);
  after[LBPF_NREGS + nkept++] = Z3_mk_eq(ctx, w->arm.r[13], w->initial[13]);
  return on_path(ctx, path, after[0], "after: BPF r0 = the result", sv, why, why_cap) &&
         on_path(ctx, path, Z3_mk_and(ctx, LBPF_NREGS - 1, after + 1), "after: BPF r1-r10 kept", sv,
                 why, why_cap) &&
         on_path(ctx, path, Z3_mk_and(ctx, (unsigned)nkept, after + LBPF_NREGS),
                 "after: r4-r11 (not r0's homes), sp kept", sv, why, why_cap);
}

static int helper_prove(Z3_context ctx, const struct core *c, struct solving *sv, char *why,
                        size_t why_cap) {
  static struct world w;
  helper_setting(ctx, c, &w);
  memcpy(w.initial, w.arm.r, sizeof w.initial);
  uint32_t stops[2] = {c->x, PIECE_CODE + c->exits[0]};
  w.arm.pc = PIECE_CODE;
  w.arm.stops = stops, w.arm.nstops = 2;
  struct lbpf_thumb_result r;
  enum lbpf_thumb_status st = lbpf_thumb_sym_run(&w.arm, c->code, c->len, PIECE_CODE, w.areas, 2,
                                                 PIECE_SENTINEL, PIECE_MAX_STEPS, &r);
  if (st != LBPF_THUMB_RETURNED || r.pc != (c->x & ~1u)) {
    snprintf(why, why_cap, "the call did not reach the helper (%s at pc 0x%08x)",
             lbpf_thumb_status_name(st), (unsigned)r.pc);
    return 0;
  }
  return helper_called(ctx, c, &w, Z3_mk_true(ctx), stops[1], sv, why, why_cap);
}
#line 1285 "lit/jit-prog-proof.nw"
#define LOCAL_COST 2u        /* n - t: slots 2 and 3 */
static Z3_ast local_assumed; /* the precondition, and the call's path for the return */
static uint8_t callee_decisions[MAX_DECISIONS];
static size_t callee_ndecisions;
static bool callee_reached;

/* The relation at the callee's first slot and after the call: the same
   homes, no high word known. */
static struct lbpf_jit_prog_regs unknown_highs(const struct lbpf_jit_prog_regs *m) {
  struct lbpf_jit_prog_regs top = *m;
  top.hi_zero = top.hi_ones = 0;
  return top;
}

/* The state writable, related by c's relation to free BPF registers; a
   free budget, context word and depth (the setting of the pieces that
   read BPF registers). */
static int related_setup(Z3_context ctx, const struct core *c, struct world *w) {
  setting(ctx, w, LBPF_THUMB_READ | LBPF_THUMB_WRITE);
  related(ctx, w, &c->regs, NULL);
  set_bytes(ctx, w->state, STATE_AT(budget_lo), 8, bv(ctx, "budget", 64));
  set_bytes(ctx, w->state, STATE_AT(ctx), 4, bv(ctx, "ctx", 32));
  set_bytes(ctx, w->state, STATE_AT(depth), 4, bv(ctx, "depth", 32));
  return 1;
}

static int local_setup(Z3_context ctx, const struct core *c, struct world *w) {
  related_setup(ctx, c, w);
  set_bytes(ctx, w->state, STATE_AT(max_depth), 4, bv(ctx, "frames", 32));
  local_assumed = Z3_mk_bvult(ctx, bv(ctx, "depth", 32), bv(ctx, "frames", 32));
  return 1;
}

static int local_call_judge(Z3_context ctx, const struct core *c, const struct world *w, int exit,
                            Z3_ast path, struct solving *sv, char *why, size_t why_cap) {
  Z3_ast p = Z3_mk_and(ctx, 2, (Z3_ast[]){local_assumed, path});
  Z3_ast budget = bv(ctx, "budget", 64), cost = lbpf_spec_sym_value(ctx, LOCAL_COST);
  Z3_ast depth = bv(ctx, "depth", 32), frames = bv(ctx, "frames", 32);
  Z3_ast deeper = Z3_mk_bvadd(ctx, depth, k32(ctx, 1));
  Z3_ast budget_now = bytes_value(ctx, w->state, STATE_AT(budget_lo), 8);
  Z3_ast depth_now = word_at(ctx, w, STATE_AT(depth));
  if (exit == 1) {
    struct lbpf_jit_prog_regs top = unknown_highs(&c->regs);
    Z3_ast file[LBPF_NREGS];
    for (unsigned i = 0; i < LBPF_NREGS; i++) {
      Z3_ast v = expected(ctx, &c->regs, i, lbpf_jit_proof_reg(ctx, i));
      if (i == 10) v = Z3_mk_bvsub(ctx, v, lbpf_spec_sym_value(ctx, LBPF_STACK_SIZE));
      file[i] = Z3_mk_eq(ctx, bpf_value(ctx, w, &top, i), v);
    }
    Z3_ast regs[2];
    regs[0] = Z3_mk_eq(ctx, w->arm.r[LBPF_JIT_PROG_ST_REG], w->initial[LBPF_JIT_PROG_ST_REG]);
    regs[1] = Z3_mk_eq(ctx, w->arm.r[13], Z3_mk_bvsub(ctx, w->initial[13], k32(ctx, 40)));
    memcpy(callee_decisions, w->arm.decisions, w->arm.ndecisions);
    callee_ndecisions = w->arm.ndecisions, callee_reached = true;
    return on_path(ctx, p, Z3_mk_bvuge(ctx, budget, cost), "call: the budget sufficed", sv, why,
                   why_cap) &&
           on_path(ctx, p, Z3_mk_eq(ctx, budget_now, Z3_mk_bvsub(ctx, budget, cost)),
                   "call: the budget is down by n - t", sv, why, why_cap) &&
           on_path(ctx, p, Z3_mk_bvult(ctx, deeper, frames), "call: depth + 1 < frames", sv, why,
                   why_cap) &&
           on_path(ctx, p, Z3_mk_eq(ctx, depth_now, deeper), "call: the depth one higher", sv, why,
                   why_cap) &&
           on_path(ctx, p, Z3_mk_and(ctx, LBPF_NREGS, file), "call: r0-r9 kept, r10 down 512", sv,
                   why, why_cap) &&
           on_path(ctx, p, Z3_mk_and(ctx, 2, regs), "call: r11 kept, sp 40 lower", sv, why,
                   why_cap);
  }
  if (exit == 3)
    return on_path(ctx, p, Z3_mk_bvult(ctx, budget, cost), "budget stop: the budget was short", sv,
                   why, why_cap) &&
           on_path(ctx, p, Z3_mk_eq(ctx, budget_now, budget), "budget stop: nothing spent", sv, why,
                   why_cap);
  if (exit == 4)
    return on_path(ctx, p, Z3_mk_bvuge(ctx, deeper, frames), "depth stop: no frame left", sv, why,
                   why_cap) &&
           on_path(ctx, p,
                   Z3_mk_and(ctx, 2,
                             (Z3_ast[]){Z3_mk_eq(ctx, budget_now, Z3_mk_bvsub(ctx, budget, cost)),
                                        Z3_mk_eq(ctx, depth_now, depth)}),
                   "depth stop: spent, depth kept", sv, why, why_cap);
  snprintf(why, why_cap, "the call ended at exit %d", exit);
  return 0;
}

/* The callee's end: the call's path run again, then what a callee may change forgotten. */
static int local_return_setup(Z3_context ctx, const struct core *c, struct world *w) {
  local_setup(ctx, c, w);
  uint32_t callee = PIECE_CODE + c->exits[1];
  w->arm.pc = PIECE_CODE;
  w->arm.decisions = callee_decisions, w->arm.ndecisions = callee_ndecisions;
  w->arm.stops = &callee, w->arm.nstops = 1;
  struct lbpf_thumb_result r;
  if (lbpf_thumb_sym_run(&w->arm, c->code, c->len, PIECE_CODE, w->areas, 2, PIECE_SENTINEL,
                         PIECE_MAX_STEPS, &r) != LBPF_THUMB_RETURNED ||
      r.pc != callee)
    return 0;
  uint32_t sp;
  if (!Z3_get_numeral_uint(ctx, Z3_simplify(ctx, w->arm.r[13]), &sp) || sp < PIECE_STACK) return 0;
  Z3_ast both[2] = {local_assumed, w->arm.path ? w->arm.path : Z3_mk_true(ctx)};
  local_assumed = Z3_mk_and(ctx, 2, both);
  struct lbpf_jit_prog_regs top = unknown_highs(&c->regs);
  Z3_ast callee_v[LBPF_NREGS]; /* what the callee leaves: r10 as it found it */
  callee_v[10] = bpf_value(ctx, w, &top, 10);
  for (unsigned k = 0; k < 15; k++) {
    char name[24];
    snprintf(name, sizeof name, "callee_r%u", k);
    if (k != LBPF_JIT_PROG_ST_REG && k != 13) w->arm.r[k] = bv(ctx, name, 32);
  }
  static const char *const flag_names[4] = {"callee_n", "callee_z", "callee_c", "callee_v"};
  Z3_ast *flags[4] = {&w->arm.n, &w->arm.z, &w->arm.c, &w->arm.v};
  for (unsigned k = 0; k < 4; k++)
    *flags[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, flag_names[k]), Z3_mk_bool_sort(ctx));
  for (unsigned i = 0; i < 10; i++) {
    char name[24];
    snprintf(name, sizeof name, "callee_file%u", i);
    set_bytes(ctx, w->state, STATE_AT(regs) + 8 * i, 8, bv(ctx, name, 64));
    snprintf(name, sizeof name, "callee_b%u", i);
    callee_v[i] = bv(ctx, name, 64);
  }
  related(ctx, w, &c->regs, callee_v); /* the exit's relation: the facts of the piece */
  set_bytes(ctx, w->state, STATE_AT(budget_lo), 8, bv(ctx, "callee_budget", 64));
  for (uint32_t k = 0; k < sp - PIECE_STACK; k++) {
    char name[24];
    snprintf(name, sizeof name, "body_stack%u", (unsigned)k);
    w->stack[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), Z3_mk_bv_sort(ctx, 8));
  }
  w->arm.decisions = NULL, w->arm.ndecisions = 0, w->arm.path = NULL;
  return 1;
}

static Z3_ast caller_r[16]; /* the registers the call started from */

static int local_return_judge(Z3_context ctx, const struct core *c, const struct world *w, int exit,
                              Z3_ast path, struct solving *sv, char *why, size_t why_cap) {
  Z3_ast p = Z3_mk_and(ctx, 2, (Z3_ast[]){local_assumed, path});
  if (exit == 5)
    return on_path(ctx, p, Z3_mk_false(ctx), "exit: the epilogue's path infeasible", sv, why,
                   why_cap);
  if (exit != 0) {
    snprintf(why, why_cap, "the return ended at exit %d", exit);
    return 0;
  }
  struct lbpf_jit_prog_regs top = unknown_highs(&c->regs);
  Z3_ast file[LBPF_NREGS];
  for (unsigned i = 0; i < LBPF_NREGS; i++) {
    char name[24];
    snprintf(name, sizeof name, "callee_b%u", i);
    file[i] = Z3_mk_eq(
        ctx, bpf_value(ctx, w, &top, i),
        expected(ctx, &c->regs, i, i < 6 ? bv(ctx, name, 64) : lbpf_jit_proof_reg(ctx, i)));
  }
  Z3_ast back[3] = {Z3_mk_eq(ctx, word_at(ctx, w, STATE_AT(depth)), bv(ctx, "depth", 32)),
                    Z3_mk_eq(ctx, w->arm.r[13], caller_r[13]),
                    Z3_mk_eq(ctx, w->arm.r[LBPF_JIT_PROG_ST_REG], caller_r[LBPF_JIT_PROG_ST_REG])};
  return on_path(ctx, p, Z3_mk_and(ctx, LBPF_NREGS, file),
                 "return: r0-r5 callee's, r6-r10 caller's", sv, why, why_cap) &&
         on_path(ctx, p, Z3_mk_and(ctx, 3, back), "return: depth, sp, r11 back", sv, why, why_cap);
}

static int local_prove(Z3_context ctx, const struct core *c, struct solving *sv, size_t *paths,
                       char *why, size_t why_cap) {
  static struct world w;
  local_setup(ctx, c, &w);
  memcpy(caller_r, w.arm.r, sizeof caller_r);
  callee_reached = false;
  if (!every_path(ctx, c, 0, local_setup, local_call_judge, sv, paths, why, why_cap)) return 0;
  if (!callee_reached) {
    snprintf(why, why_cap, "no path of the call reaches the callee");
    return 0;
  }
  return every_path(ctx, c, c->exits[2], local_return_setup, local_return_judge, sv, paths, why,
                    why_cap);
}
#line 1495 "lit/jit-prog-proof.nw"
static uint32_t slow_lr; /* where the routine returns */

/* Run the piece from its start to the call of run-time routine rt; false
   unless it gets there with a known Thumb return address (*lr, without
   its Thumb bit). */
static int run_to_routine(Z3_context ctx, const struct core *c, struct world *w,
                          enum lbpf_jit_rt rt, uint32_t *lr) {
  uint32_t routine = LBPF_JIT_PROG_GATE + 4u * (uint32_t)rt;
  w->arm.pc = PIECE_CODE;
  w->arm.stops = &routine, w->arm.nstops = 1;
  struct lbpf_thumb_result r;
  if (lbpf_thumb_sym_run(&w->arm, c->code, c->len, PIECE_CODE, w->areas, 2, PIECE_SENTINEL,
                         PIECE_MAX_STEPS, &r) != LBPF_THUMB_RETURNED ||
      r.pc != routine || !Z3_get_numeral_uint(ctx, Z3_simplify(ctx, w->arm.r[14]), lr) ||
      !(*lr & 1u))
    return 0;
  *lr &= ~1u;
  w->arm.stops = NULL, w->arm.nstops = 0;
  return 1;
}

/* What a routine may do besides its result: r2, r3, r12, lr and the flags anything. */
static void routine_spoils(Z3_context ctx, struct world *w) {
  w->arm.r[2] = bv(ctx, "routine_r2", 32), w->arm.r[3] = bv(ctx, "routine_r3", 32);
  w->arm.r[12] = bv(ctx, "routine_r12", 32), w->arm.r[14] = bv(ctx, "routine_lr", 32);
  static const char *const flag_names[4] = {"routine_n", "routine_z", "routine_c", "routine_v"};
  Z3_ast *flags[4] = {&w->arm.n, &w->arm.z, &w->arm.c, &w->arm.v};
  for (unsigned k = 0; k < 4; k++)
    *flags[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, flag_names[k]), Z3_mk_bool_sort(ctx));
}

static int slow_setup(Z3_context ctx, const struct core *c, struct world *w) {
  setting(ctx, w, LBPF_THUMB_READ);
  set_bytes(ctx, w->state, STATE_AT(ctx), 4, bv(ctx, "ctx", 32));
  fast_words(ctx, w, fast_kind(c->y >> 4));
  Z3_ast d = bv(ctx, "d", 64);
  w->arm.r[2] = Z3_mk_extract(ctx, 31, 0, d), w->arm.r[3] = Z3_mk_extract(ctx, 63, 32, d);
  return run_to_routine(ctx, c, w, LBPF_JIT_RT_LOCATE, &slow_lr);
}

/* What the routine may do: r0:r1 its result, the rest as routine_spoils. */
static int slow_return_setup(Z3_context ctx, const struct core *c, struct world *w) {
  if (!slow_setup(ctx, c, w)) return 0;
  Z3_ast located = bv(ctx, "located", 64);
  w->arm.r[0] = Z3_mk_extract(ctx, 31, 0, located),
  w->arm.r[1] = Z3_mk_extract(ctx, 63, 32, located);
  routine_spoils(ctx, w);
  return 1;
}

/* r4-r12 as the routine returned them, and sp as the piece was entered:
   what the shared path pushed is popped on both ways out. */
static int slow_kept(Z3_context ctx, const struct world *w, Z3_ast path, struct solving *sv,
                     char *why, size_t why_cap) {
  Z3_ast same[10];
  for (unsigned r = 4; r <= 12; r++)
    same[r - 4] = Z3_mk_eq(ctx, w->arm.r[r], w->initial[r]);
  same[9] = Z3_mk_eq(ctx, w->arm.r[13], k32(ctx, PIECE_STACK_TOP));
  return on_path(ctx, path, Z3_mk_and(ctx, 10, same), "r4-r12 kept, sp as entered", sv, why,
                 why_cap);
}

static int slow_judge(Z3_context ctx, const struct core *c, const struct world *w, int exit,
                      Z3_ast path, struct solving *sv, char *why, size_t why_cap) {
  Z3_ast located = bv(ctx, "located", 64);
  Z3_ast found = Z3_mk_not(ctx, Z3_mk_eq(ctx, Z3_mk_extract(ctx, 63, 32, located), k32(ctx, 0)));
  if (exit == 0)
    return on_path(ctx, path,
                   Z3_mk_and(ctx, 2,
                             (Z3_ast[]){found, Z3_mk_eq(ctx, w->arm.r[0],
                                                        Z3_mk_extract(ctx, 31, 0, located))}),
                   "back: found, r0 = the address", sv, why, why_cap) &&
           slow_kept(ctx, w, path, sv, why, why_cap);
  if (exit == 1)
    return on_path(ctx, path,
                   Z3_mk_and(ctx, 3,
                             (Z3_ast[]){Z3_mk_not(ctx, found),
                                        Z3_mk_eq(ctx, w->arm.r[0], k32(ctx, LBPF_ERR_MEMORY)),
                                        Z3_mk_eq(ctx, w->arm.r[1], k32(ctx, c->pc))}),
                   "stopped: none, memory status, pc", sv, why, why_cap) &&
           slow_kept(ctx, w, path, sv, why, why_cap);
  if (exit >= 2) /* another access's return: refuted if the path is feasible */
    return on_path(ctx, path, Z3_mk_false(ctx), "back: to its own access", sv, why, why_cap);
  snprintf(why, why_cap, "a path returned instead of reaching an exit");
  return 0;
}

static int slow_prove(Z3_context ctx, const struct core *c, struct solving *sv, size_t *paths,
                      char *why, size_t why_cap) {
  static struct world w;
  if (!slow_setup(ctx, c, &w)) {
    snprintf(why, why_cap, "the slow path did not call the routine with a Thumb return address");
    return 0;
  }
  Z3_ast a = Z3_mk_bvadd(ctx, bv(ctx, "d", 64), bv(ctx, "base", 64)),
         args[4] = {Z3_mk_eq(ctx, w.arm.r[0], bv(ctx, "ctx", 32)),
                    Z3_mk_eq(ctx, w.arm.r[1], Z3_mk_extract(ctx, 31, 0, a)),
                    Z3_mk_eq(ctx, w.arm.r[2], Z3_mk_extract(ctx, 63, 32, a)),
                    Z3_mk_eq(ctx, w.arm.r[3], k32(ctx, c->x | (c->y & 15) << 4))};
  if (!on_path(ctx, Z3_mk_true(ctx), Z3_mk_and(ctx, 4, args), "call: ctx, d + base, size and perm",
               sv, why, why_cap))
    return 0;
  uint32_t sp;
  if (!Z3_get_numeral_uint(ctx, Z3_simplify(ctx, w.arm.r[13]), &sp) || sp % 8 || sp < PIECE_STACK ||
      sp + 8 > PIECE_STACK_TOP) {
    snprintf(why, why_cap, "call: sp not known 8-byte aligned in the stack");
    return 0;
  }
  Z3_ast pushed[2] = {
      Z3_mk_eq(ctx, bytes_value(ctx, w.stack, sp - PIECE_STACK, 4), k32(ctx, c->pc)),
      Z3_mk_eq(ctx, bytes_value(ctx, w.stack, sp - PIECE_STACK + 4, 4),
               k32(ctx, (PIECE_CODE + c->exits[5]) | 1u))};
  if (!on_path(ctx, Z3_mk_true(ctx), Z3_mk_and(ctx, 2, pushed), "call: the pc, the return pushed",
               sv, why, why_cap))
    return 0;
  return every_path(ctx, c, slow_lr - PIECE_CODE, slow_return_setup, slow_judge, sv, paths, why,
                    why_cap);
}
#line 1636 "lit/jit-prog-proof.nw"
/* r0's, r1's and r4's high words known (0, all ones, 0), r0's and r1's in ARM homes. */
static const struct lbpf_jit_prog_regs settle_relation = {
    {[0] = 4, [1] = 5, [2] = 6, [3] = 7, [6] = 8, [8] = 9, [20] = 10}, 0x11, 0x02};

/* BPF registers through the relation at, each the value the relation m read at the start. */
static Z3_ast all_kept(Z3_context ctx, const struct world *w, const struct lbpf_jit_prog_regs *m,
                       const struct lbpf_jit_prog_regs *at) {
  Z3_ast same[LBPF_NREGS];
  for (unsigned i = 0; i < LBPF_NREGS; i++)
    same[i] =
        Z3_mk_eq(ctx, bpf_value(ctx, w, at, i), expected(ctx, m, i, lbpf_jit_proof_reg(ctx, i)));
  return Z3_mk_and(ctx, LBPF_NREGS, same);
}

static int ja_judge(Z3_context ctx, const struct core *c, const struct world *w, int exit,
                    Z3_ast path, struct solving *sv, char *why, size_t why_cap) {
  int32_t delta = (int32_t)c->x;
  struct core spent = *c; /* the budget piece's core: the jump's cost and pc */
  spent.x = delta < 0 ? (uint32_t)-delta : 0;
  spent.pc = delta < 0 ? c->pc : c->pc - c->x;
  struct lbpf_jit_prog_regs target = c->y & 2 ? unknown_highs(&c->regs) : c->regs;
  if (exit == 0 && !on_path(ctx, path, all_kept(ctx, w, &c->regs, &target),
                            "target: BPF registers kept", sv, why, why_cap))
    return 0;
  static struct world as_spent;
  as_spent = *w;
  if (c->y & 2) { /* the settled homes and r12: claimed through the relation */
    Z3_ast same[10];
    unsigned n = 0;
    for (unsigned r = 4; r <= 11; r++) {
      bool settled = false;
      for (unsigned i = 0; i < LBPF_NREGS; i++)
        settled |= hi_known(&c->regs, i) && c->regs.home[2 * i + 1] == r;
      if (settled)
        as_spent.arm.r[r] = w->initial[r];
      else
        same[n++] = Z3_mk_eq(ctx, w->arm.r[r], w->initial[r]);
    }
    same[n++] = Z3_mk_eq(ctx, w->arm.r[13], w->initial[13]);
    as_spent.arm.r[12] = w->initial[12];
    if (!on_path(ctx, path, Z3_mk_and(ctx, n, same), "r4-r11 but the settled homes, sp kept", sv,
                 why, why_cap))
      return 0;
  }
  return spend_judge(ctx, &spent, &as_spent, exit, path, sv, why, why_cap);
}
#line 1708 "lit/jit-prog-proof.nw"
static uint32_t callx_lr; /* where the look-up returns */

static int callx_setup(Z3_context ctx, const struct core *c, struct world *w) {
  related_setup(ctx, c, w);
  return run_to_routine(ctx, c, w, LBPF_JIT_RT_CALLX, &callx_lr);
}

/* The look-up's answer: a free high word, the helper's address c->y in the low word. */
static int callx_answer_setup(Z3_context ctx, const struct core *c, struct world *w) {
  if (!callx_setup(ctx, c, w)) return 0;
  w->arm.r[0] = k32(ctx, c->y), w->arm.r[1] = bv(ctx, "answer_hi", 32);
  routine_spoils(ctx, w);
  return 1;
}

/* r4-r11 and sp as the path started. */
static Z3_ast callee_saved_kept(Z3_context ctx, const struct world *w) {
  Z3_ast same[9];
  for (unsigned r = 4; r <= 11; r++)
    same[r - 4] = Z3_mk_eq(ctx, w->arm.r[r], w->initial[r]);
  same[8] = Z3_mk_eq(ctx, w->arm.r[13], w->initial[13]);
  return Z3_mk_and(ctx, 9, same);
}

static int callx_judge(Z3_context ctx, const struct core *c, const struct world *w, int exit,
                       Z3_ast path, struct solving *sv, char *why, size_t why_cap) {
  Z3_ast budget = bv(ctx, "budget", 64), one = lbpf_spec_sym_value(ctx, 1);
  Z3_ast now = bytes_value(ctx, w->state, STATE_AT(budget_lo), 8);
  Z3_ast none = Z3_mk_eq(ctx, bv(ctx, "answer_hi", 32), k32(ctx, 0));
  if (exit == 2) {
    Z3_ast status =
        Z3_mk_ite(ctx, none, k32(ctx, LBPF_ERR_CALLX_TARGET), k32(ctx, LBPF_ERR_BUDGET));
    Z3_ast stop = Z3_mk_and(
        ctx, 4,
        (Z3_ast[]){Z3_mk_or(ctx, 2, (Z3_ast[]){none, Z3_mk_bvult(ctx, budget, one)}),
                   Z3_mk_eq(ctx, w->arm.r[0], status), Z3_mk_eq(ctx, w->arm.r[1], k32(ctx, c->pc)),
                   Z3_mk_eq(ctx, now, budget)});
    return on_path(ctx, path, stop, "stopped: callx or budget status, pc", sv, why, why_cap) &&
           on_path(ctx, path, callee_saved_kept(ctx, w), "stopped: r4-r11, sp kept", sv, why,
                   why_cap);
  }
  if (exit != 0) {
    snprintf(why, why_cap, "a path reached exit %d, not the helper or a stop", exit);
    return 0;
  }
  Z3_ast paid = Z3_mk_and(ctx, 3,
                          (Z3_ast[]){Z3_mk_not(ctx, none), Z3_mk_bvuge(ctx, budget, one),
                                     Z3_mk_eq(ctx, now, Z3_mk_bvsub(ctx, budget, one))});
  if (!on_path(ctx, path, paid, "helper: found, the budget down by 1", sv, why, why_cap)) return 0;
  static struct world at_helper;
  at_helper = *w;
  at_helper.areas[0].bytes = at_helper.state, at_helper.areas[1].bytes = at_helper.stack;
  return helper_called(ctx, c, &at_helper, path, PIECE_CODE + c->exits[1], sv, why, why_cap);
}

static int callx_prove(Z3_context ctx, const struct core *c, struct solving *sv, size_t *paths,
                       char *why, size_t why_cap) {
  static struct world w;
  if (!callx_setup(ctx, c, &w)) {
    snprintf(why, why_cap, "callx did not call the look-up with a Thumb return address");
    return 0;
  }
  uint32_t sp;
  Z3_ast id = expected(ctx, &c->regs, c->x, lbpf_jit_proof_reg(ctx, c->x));
  Z3_ast args[3] = {Z3_mk_eq(ctx, w.arm.r[0], bv(ctx, "ctx", 32)),
                    Z3_mk_eq(ctx, w.arm.r[1], Z3_mk_extract(ctx, 31, 0, id)),
                    Z3_mk_eq(ctx, w.arm.r[2], Z3_mk_extract(ctx, 63, 32, id))};
  if (!on_path(ctx, Z3_mk_true(ctx), Z3_mk_and(ctx, 3, args), "look-up: ctx, the register's words",
               sv, why, why_cap))
    return 0;
  if (!Z3_get_numeral_uint(ctx, Z3_simplify(ctx, w.arm.r[13]), &sp) || sp % 8) {
    snprintf(why, why_cap, "look-up: sp not known 8-byte aligned");
    return 0;
  }
  return every_path(ctx, c, callx_lr - PIECE_CODE, callx_answer_setup, callx_judge, sv, paths, why,
                    why_cap);
}
#line 1809 "lit/jit-prog-proof.nw"
static uint32_t stub_status; /* the status of the stub a run enters */

static int stub_setup(Z3_context ctx, const struct core *c, struct world *w) {
  (void)c;
  setting(ctx, w, LBPF_THUMB_READ);
  return 1;
}

static int stub_judge(Z3_context ctx, const struct core *c, const struct world *w, int exit,
                      Z3_ast path, struct solving *sv, char *why, size_t why_cap) {
  if (exit != 0) {
    snprintf(why, why_cap, "a stop did not reach the failure path");
    return 0;
  }
  return on_path(ctx, path,
                 Z3_mk_and(ctx, 2,
                           (Z3_ast[]){Z3_mk_eq(ctx, w->arm.r[0], k32(ctx, stub_status)),
                                      Z3_mk_eq(ctx, w->arm.r[1], k32(ctx, c->pc))}),
                 stub_status == LBPF_ERR_BUDGET ? "budget stop: its status, pc"
                                                : "depth stop: its status, pc",
                 sv, why, why_cap);
}

static int stubs_prove(Z3_context ctx, const struct core *c, struct solving *sv, size_t *paths,
                       char *why, size_t why_cap) {
  stub_status = LBPF_ERR_BUDGET;
  if (!every_path(ctx, c, c->exits[1], stub_setup, stub_judge, sv, paths, why, why_cap)) return 0;
  stub_status = LBPF_ERR_CALL_DEPTH;
  return every_path(ctx, c, c->exits[2], stub_setup, stub_judge, sv, paths, why, why_cap);
}

static int exit_judge(Z3_context ctx, const struct core *c, const struct world *w, int exit,
                      Z3_ast path, struct solving *sv, char *why, size_t why_cap) {
  Z3_ast at_zero = Z3_mk_eq(ctx, bv(ctx, "depth", 32), k32(ctx, 0));
  if (exit == 1 && c->y)
    return on_path(ctx, path, Z3_mk_not(ctx, at_zero), "deeper: depth not 0", sv, why, why_cap);
  if (exit != 0) {
    snprintf(why, why_cap, "a path returned instead of reaching an exit");
    return 0;
  }
  Z3_ast file_r0 = bytes_value(ctx, w->state, STATE_AT(regs), 8);
  return (!c->y || on_path(ctx, path, at_zero, "epilogue: depth 0", sv, why, why_cap)) &&
         on_path(ctx, path,
                 Z3_mk_eq(ctx, file_r0, expected(ctx, &c->regs, 0, lbpf_jit_proof_reg(ctx, 0))),
                 "epilogue: the file holds r0", sv, why, why_cap) &&
         on_path(ctx, path, all_kept(ctx, w, &c->regs, &c->regs),
                 "epilogue: every BPF register kept", sv, why, why_cap) &&
         on_path(ctx, path, callee_saved_kept(ctx, w), "epilogue: r4-r11, sp kept", sv, why,
                 why_cap);
}
#line 1885 "lit/jit-prog-proof.nw"
static const struct {
  const char *relation;
  uint8_t dst, src; /* src 16: the immediate */
  int32_t imm;
} div_cases[] = {{"file", 1, 2, 0},    {"homes-a", 3, 5, 0},   {"homes-a", 4, 4, 0},
                 {"homes-b", 0, 3, 0}, {"homes-c", 6, 16, -1}, {"homes-c", 6, 16, 0}};
#define NDIV_CASES (sizeof div_cases / sizeof div_cases[0])

static struct lbpf_insn div_insn(const struct core *c) {
  static const uint8_t ops[2] = {LBPF_ALU_DIV, LBPF_ALU_MOD};
  return (struct lbpf_insn){
      (uint8_t)(LBPF_CLASS_ALU64 | ops[c->x & 1] | (c->x & 4 ? LBPF_SRC_X : LBPF_SRC_K)),
      (uint8_t)(c->x >> 4 & 15), (uint8_t)(c->x >> 8 & 15), (int16_t)(c->x >> 1 & 1),
      (int32_t)c->y};
}

static int div_prove(Z3_context ctx, const struct core *c, struct solving *sv, char *why,
                     size_t why_cap) {
  static struct world w;
  const struct lbpf_jit_prog_regs *m = &c->regs;
  struct lbpf_insn in = div_insn(c);
  related_setup(ctx, c, &w);
  memcpy(w.initial, w.arm.r, sizeof w.initial);
  uint32_t end = PIECE_CODE + c->exits[0];
  w.arm.pc = PIECE_CODE;
  w.arm.stops = &end, w.arm.nstops = 1;
  struct lbpf_thumb_result r;
  enum lbpf_thumb_status st = lbpf_thumb_sym_run(&w.arm, c->code, c->len, PIECE_CODE, w.areas, 2,
                                                 PIECE_SENTINEL, PIECE_MAX_STEPS, &r);
  if (st != LBPF_THUMB_FAULT_FETCH) { /* a call leaves the code: a fetch outside it */
    snprintf(why, why_cap, "the code called no routine (%s at pc 0x%08x)",
             lbpf_thumb_status_name(st), (unsigned)r.pc);
    return 0;
  }
  Z3_ast v[LBPF_NREGS];
  for (unsigned i = 0; i < LBPF_NREGS; i++)
    v[i] = expected(ctx, m, i, lbpf_jit_proof_reg(ctx, i));
  Z3_ast divisor =
      in.opcode & LBPF_SRC_X ? v[in.src] : lbpf_spec_sym_value(ctx, (uint64_t)(int64_t)in.imm);
  Z3_ast args[2] = {Z3_mk_eq(ctx, Z3_mk_concat(ctx, w.arm.r[1], w.arm.r[0]), v[in.dst]),
                    Z3_mk_eq(ctx, Z3_mk_concat(ctx, w.arm.r[3], w.arm.r[2]), divisor)};
  Z3_ast true_ = Z3_mk_true(ctx);
  if (!on_path(ctx, true_, Z3_mk_and(ctx, 2, args), "call: dividend r1:r0, divisor r3:r2", sv, why,
               why_cap))
    return 0;
  if (!sym_gate(ctx, &w.arm, r.pc, why, why_cap)) {
    if (!*why) snprintf(why, why_cap, "a call at 0x%08x, no routine's gate word", (unsigned)r.pc);
    return 0;
  }
  st = lbpf_thumb_sym_run(&w.arm, c->code, c->len, PIECE_CODE, w.areas, 2, PIECE_SENTINEL,
                          PIECE_MAX_STEPS, &r);
  if (st != LBPF_THUMB_RETURNED || r.pc != end) {
    snprintf(why, why_cap, "after the routine: did not reach the end (%s at pc 0x%08x)",
             lbpf_thumb_status_name(st), (unsigned)r.pc);
    return 0;
  }
  lbpf_spec_sym_step_alu(ctx, in, v);
  struct lbpf_jit_prog_regs m_after = *m; /* the result's high word is not known */
  m_after.hi_zero &= (uint16_t) ~(1u << in.dst), m_after.hi_ones &= (uint16_t) ~(1u << in.dst);
  Z3_ast others[LBPF_NREGS], saved[10];
  unsigned n = 0, nsaved = 0;
  for (unsigned i = 0; i < LBPF_NREGS; i++)
    if (i != in.dst) others[n++] = Z3_mk_eq(ctx, bpf_value(ctx, &w, &m_after, i), v[i]);
  for (unsigned k = 4; k <= 11; k++)
    if (k != m->home[2 * in.dst] && k != m->home[2 * in.dst + 1])
      saved[nsaved++] = Z3_mk_eq(ctx, w.arm.r[k], w.initial[k]);
  saved[nsaved++] = Z3_mk_eq(ctx, w.arm.r[13], w.initial[13]);
  return on_path(ctx, true_, Z3_mk_eq(ctx, bpf_value(ctx, &w, &m_after, in.dst), v[in.dst]),
                 "after: dst = the spec's result", sv, why, why_cap) &&
         on_path(ctx, true_, Z3_mk_and(ctx, n, others), "after: the other BPF registers kept", sv,
                 why, why_cap) &&
         on_path(ctx, true_, Z3_mk_and(ctx, nsaved, saved),
                 "after: r4-r11 but dst's homes, sp kept", sv, why, why_cap);
}
#line 2025 "lit/jit-prog-proof.nw"
static const struct {
  uint8_t relation, dst, src;
} alu_places[] = {
    {0, 1, 2},  /* both in the file */
    {1, 1, 2},  /* both at home */
    {0, 1, 1},  /* one register in the file */
    {1, 2, 2},  /* one register at home */
    {1, 3, 5},  /* dst: low home, high known 0; src: low in the file, high known all ones */
    {2, 1, 2},  /* dst: low in the file, high known all ones; src: low in the file, high known 0 */
    {2, 3, 6},  /* dst: low in the file, high at home; src: low at home, high in the file */
    {3, 7, 6},  /* dst: low in the file, high at home; src: low at home, high known all ones */
    {3, 6, 0},  /* dst: low at home, high known all ones; src: low at home, high in the file */
    {2, 5, 5},  /* one register at home (homes-b) */
    {3, 1, 1},  /* one register, low in the file, high known 0 */
    {2, 4, 10}, /* dst at home; src r10: low at home, high in the file */
};
#define NALU_PLACES (sizeof alu_places / sizeof alu_places[0])
#define ALU_ROUTINE_AT (LBPF_JIT_PROG_GATE + 4u * LBPF_JIT_RT_ALU)
#line 2049 "lit/jit-prog-proof.nw"
static void alu_spec(Z3_context ctx, const struct lbpf_insn *insns, Z3_ast v[LBPF_NREGS]) {
  if (lbpf_is_lddw(insns[0].opcode))
    v[insns[0].dst] = lbpf_spec_sym_value(ctx, (uint64_t)(uint32_t)insns[0].imm |
                                                   (uint64_t)(uint32_t)insns[1].imm << 32);
  else
    lbpf_spec_sym_step_alu(ctx, insns[0], v);
}

/* The routine's call, if the code makes one: its arguments, then its effect
   on the register file and the registers it may change. 1 when it holds. */
static int alu_routine(Z3_context ctx, struct world *w, struct lbpf_insn in, struct solving *sv,
                       char *why, size_t why_cap) {
  uint8_t word[8];
  lbpf_encode(in, word);
  Z3_ast args[3] = {Z3_mk_eq(ctx, w->arm.r[0], k32(ctx, PIECE_STATE)),
                    Z3_mk_eq(ctx, w->arm.r[1],
                             k32(ctx, (uint32_t)word[0] | (uint32_t)word[1] << 8 |
                                          (uint32_t)word[2] << 16 | (uint32_t)word[3] << 24)),
                    Z3_mk_eq(ctx, w->arm.r[2], k32(ctx, (uint32_t)in.imm))};
  if (!on_path(ctx, Z3_mk_true(ctx), Z3_mk_and(ctx, 3, args), "routine: the file, the instruction",
               sv, why, why_cap))
    return 0;
  Z3_ast file[LBPF_NREGS];
  for (unsigned i = 0; i < LBPF_NREGS; i++)
    file[i] = bytes_value(ctx, w->state, STATE_AT(regs) + 8 * i, 8);
  lbpf_spec_sym_step_alu(ctx, in, file);
  set_bytes(ctx, w->state, STATE_AT(regs) + 8 * in.dst, 8, file[in.dst]);
  static const unsigned changed[] = {0, 1, 2, 3, 12};
  for (size_t k = 0; k < sizeof changed / sizeof changed[0]; k++) {
    char name[24];
    snprintf(name, sizeof name, "routine_r%u", changed[k]);
    w->arm.r[changed[k]] = bv(ctx, name, 32);
  }
  static const char *const flag_names[4] = {"routine_n", "routine_z", "routine_c", "routine_v"};
  Z3_ast *flags[4] = {&w->arm.n, &w->arm.z, &w->arm.c, &w->arm.v};
  for (unsigned k = 0; k < 4; k++)
    *flags[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, flag_names[k]), Z3_mk_bool_sort(ctx));
  for (uint32_t k = 0; k < PIECE_STACK_BYTES; k++) {
    char name[24];
    snprintf(name, sizeof name, "routine_stack%u", (unsigned)k);
    w->stack[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), Z3_mk_bv_sort(ctx, 8));
  }
  return 1;
}
#line 2098 "lit/jit-prog-proof.nw"
static int alu_prove(Z3_context ctx, const struct core *c, const struct lbpf_insn *insns,
                     const struct lbpf_jit_prog_regs *after, Z3_ast const *v, Z3_ast stone,
                     struct solving *sv, char *why, size_t why_cap) {
  static struct world w;
  static Z3_ast state0[STATE_BYTES], stack0[PIECE_STACK_BYTES];
  const struct lbpf_jit_prog_regs *m = &c->regs;
  unsigned dst = insns[0].dst;
  setting(ctx, &w, LBPF_THUMB_READ | LBPF_THUMB_WRITE);
  related(ctx, &w, m, v);
  memcpy(state0, w.state, sizeof state0);
  memcpy(stack0, w.stack, sizeof stack0);
  memcpy(w.initial, w.arm.r, sizeof w.initial);
  uint32_t stops[2] = {PIECE_CODE + c->exits[0], ALU_ROUTINE_AT};
  w.arm.pc = PIECE_CODE;
  w.arm.stops = stops, w.arm.nstops = 2;
  struct lbpf_thumb_result r;
  enum lbpf_thumb_status st = lbpf_thumb_sym_run(&w.arm, c->code, c->len, PIECE_CODE, w.areas, 2,
                                                 PIECE_SENTINEL, PIECE_MAX_STEPS, &r);
  bool called = st == LBPF_THUMB_RETURNED && r.pc == ALU_ROUTINE_AT;
  if (called) {
    uint32_t lr;
    if (!Z3_get_numeral_uint(ctx, Z3_simplify(ctx, w.arm.r[14]), &lr) || !(lr & 1u)) {
      snprintf(why, why_cap, "the routine's call has no Thumb return address");
      return 0;
    }
    if (!alu_routine(ctx, &w, insns[0], sv, why, why_cap)) return 0;
    w.arm.pc = lr & ~1u, w.arm.nstops = 1;
    st = lbpf_thumb_sym_run(&w.arm, c->code, c->len, PIECE_CODE, w.areas, 2, PIECE_SENTINEL,
                            PIECE_MAX_STEPS, &r);
  }
  if (st != LBPF_THUMB_RETURNED || r.pc != stops[0]) {
    snprintf(why, why_cap, "the code did not reach its end (%s at pc 0x%08x, fault address 0x%08x)",
             lbpf_thumb_status_name(st), (unsigned)r.pc, (unsigned)r.fault_addr);
    return 0;
  }
  Z3_ast want[LBPF_NREGS], true_ = Z3_mk_true(ctx);
  for (unsigned i = 0; i < LBPF_NREGS; i++)
    want[i] = expected(ctx, m, i, v ? v[i] : lbpf_jit_proof_reg(ctx, i));
  alu_spec(ctx, insns, want);
  if (stone && !called) want[dst] = stone; /* W' for the 64-bit product: see the per-form proof */
  for (unsigned i = 0; i < LBPF_NREGS; i++) {
    char name[40];
    snprintf(name, sizeof name, "BPF r%u through the relation after", i);
    if (!on_path(ctx, true_, Z3_mk_eq(ctx, bpf_value(ctx, &w, after, i), want[i]), name, sv, why,
                 why_cap))
      return 0;
  }
  Z3_ast same[STATE_BYTES + PIECE_STACK_BYTES + 10];
  unsigned n = 0;
  for (unsigned k = 4; k <= 13; k++) /* r12 is a scratch register */
    if (k != 12 && k != m->home[2 * dst] && k != m->home[2 * dst + 1])
      same[n++] = Z3_mk_eq(ctx, w.arm.r[k], w.initial[k]);
  if (!on_path(ctx, true_, Z3_mk_and(ctx, n, same), "r4-r11 (not dst's homes), sp kept", sv, why,
               why_cap))
    return 0;
  n = 0;
  for (uint32_t k = 8 * LBPF_NREGS; k < STATE_BYTES; k++) /* the file begins the state */
    same[n++] = Z3_mk_eq(ctx, w.state[k], state0[k]);
  for (uint32_t k = 0; k < PIECE_STACK_BYTES && !called; k++)
    same[n++] = Z3_mk_eq(ctx, w.stack[k], stack0[k]);
  return on_path(ctx, true_, Z3_mk_and(ctx, n, same), "state but the file, stack kept", sv, why,
                 why_cap);
}
#line 2234 "lit/jit-prog-proof.nw"
static struct lbpf_insn access_insn(const struct core *c) {
  return (struct lbpf_insn){(uint8_t)c->x, (uint8_t)(c->x >> 8 & 15u), (uint8_t)(c->x >> 12 & 15u),
                            (int16_t)(uint16_t)(c->x >> 16), (int32_t)c->y};
}
static unsigned access_bytes(struct lbpf_insn in) {
  static const uint8_t bytes[4] = {4, 2, 1, 8}; /* LBPF_SIZE_W, _H, _B, _DW, in that order */
  _Static_assert(LBPF_SIZE_W == 0 && LBPF_SIZE_H == 1 * 8 && LBPF_SIZE_B == 2 * 8 &&
                     LBPF_SIZE_DW == 3 * 8,
                 "the sizes' order");
  return bytes[LBPF_SIZE(in.opcode) >> 3];
}
static bool access_in_frame(const struct core *c) {
  return c->exits[2] == 0;
}

/* The specification's step of the access on the bytes mem at its address and the registers v:
   the bytes after into mem (n of them), the registers after into v. */
static void access_outcome(Z3_context ctx, struct lbpf_insn in, Z3_ast *mem, Z3_ast *v) {
  unsigned n = access_bytes(in);
  Z3_ast old = Z3_mk_zero_ext(ctx, 64 - 8 * n, bytes_value(ctx, mem, 0, n)),
         zero = lbpf_spec_sym_value(ctx, 0);
  uint8_t cls = LBPF_CLASS(in.opcode);
  if (cls == LBPF_CLASS_LDX) { /* step_load */
    v[in.dst] = LBPF_MODE(in.opcode) == LBPF_MODE_MEMSX
                    ? lbpf_spec_sym_alu(ctx, LBPF_CLASS_ALU64 | LBPF_ALU_MOV | LBPF_SRC_X,
                                        (int16_t)(8 * n), 0, zero, old)
                    : old;
    return;
  }
  if (LBPF_MODE(in.opcode) != LBPF_MODE_ATOMIC) { /* step_store */
    Z3_ast value =
        cls == LBPF_CLASS_ST ? lbpf_spec_sym_value(ctx, (uint64_t)(int64_t)in.imm) : v[in.src];
    set_bytes(ctx, mem, 0, n, Z3_mk_extract(ctx, 8 * n - 1, 0, value));
    return;
  }
  Z3_ast src = v[in.src], value; /* step_atomic */
  if (in.imm == LBPF_ATOMIC_CMPXCHG) {
    Z3_ast mask = lbpf_spec_sym_value(ctx, n == 8 ? UINT64_MAX : 0xffffffffu);
    value = Z3_mk_ite(ctx, Z3_mk_eq(ctx, Z3_mk_bvand(ctx, v[0], mask), old), src, old);
    v[0] = old;
  } else {
    int32_t op = in.imm & ~LBPF_ATOMIC_FETCH;
    value =
        op == (LBPF_ATOMIC_XCHG & ~LBPF_ATOMIC_FETCH)
            ? src
            : lbpf_spec_sym_alu(ctx, (uint8_t)(LBPF_CLASS_ALU64 | LBPF_SRC_X | op), 0, 0, old, src);
    if (in.imm & LBPF_ATOMIC_FETCH) v[in.src] = old;
  }
  set_bytes(ctx, mem, 0, n, Z3_mk_extract(ctx, 8 * n - 1, 0, value));
}

/* The BPF register the access writes, or LBPF_NREGS. */
static unsigned access_written(struct lbpf_insn in) {
  if (LBPF_CLASS(in.opcode) == LBPF_CLASS_LDX) return in.dst;
  if (LBPF_MODE(in.opcode) != LBPF_MODE_ATOMIC) return LBPF_NREGS;
  if (in.imm == LBPF_ATOMIC_CMPXCHG) return 0;
  return in.imm & LBPF_ATOMIC_FETCH ? in.src : LBPF_NREGS;
}

/* The machine address the code must reach: the check's r0, or in r10's frame its low word plus
   the offset and the stack's delta. */
static Z3_ast access_address(Z3_context ctx, const struct core *c, struct lbpf_insn in) {
  if (!access_in_frame(c)) return bv(ctx, "address", 32);
  Z3_ast r10_lo = Z3_mk_extract(ctx, 31, 0, lbpf_jit_proof_reg(ctx, 10));
  return Z3_mk_bvadd(ctx, Z3_mk_bvadd(ctx, r10_lo, k32(ctx, (uint32_t)(int32_t)in.offset)),
                     bv(ctx, "delta", 32));
}

static int access_setup(Z3_context ctx, const struct core *c, struct world *w) {
  struct lbpf_insn in = access_insn(c);
  unsigned n = access_bytes(in);
  setting(ctx, w, LBPF_THUMB_READ | LBPF_THUMB_WRITE);
  related(ctx, w, &c->regs, NULL);
  for (unsigned k = 0; k < n; k++) {
    char name[24];
    snprintf(name, sizeof name, "region%u", k);
    w->region[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), Z3_mk_bv_sort(ctx, 8));
  }
  unsigned perm = LBPF_CLASS(in.opcode) == LBPF_CLASS_LDX    ? LBPF_THUMB_READ
                  : LBPF_MODE(in.opcode) == LBPF_MODE_ATOMIC ? LBPF_THUMB_READ | LBPF_THUMB_WRITE
                                                             : LBPF_THUMB_WRITE;
  Z3_ast at = access_address(ctx, c, in);
  w->areas[2] = (struct lbpf_thumb_sym_area){0, n, perm, w->region, at};
  w->nareas = 3;
  if (access_in_frame(c))
    set_bytes(ctx, w->state,
              fast_at(LBPF_JIT_PROG_FAST_STACK, offsetof(struct lbpf_jit_fast_region, delta)), 4,
              bv(ctx, "delta", 32));
  else
    w->arm.r[0] = at;
  return 1;
}

static int access_judge(Z3_context ctx, const struct core *c, const struct world *w, int exit,
                        Z3_ast path, struct solving *sv, char *why, size_t why_cap) {
  if (exit != 0) {
    snprintf(why, why_cap, "a path ended at exit %d, not at the access's end", exit);
    return 0;
  }
  static struct world was; /* the path's start: the setting builds the same terms */
  access_setup(ctx, c, &was);
  struct lbpf_insn in = access_insn(c);
  unsigned n = access_bytes(in), written = access_written(in);
  const struct lbpf_jit_prog_regs *m = &c->regs;
  Z3_ast v[LBPF_NREGS], mem[8];
  for (unsigned i = 0; i < LBPF_NREGS; i++)
    v[i] = expected(ctx, m, i, lbpf_jit_proof_reg(ctx, i));
  memcpy(mem, was.region, sizeof mem);
  access_outcome(ctx, in, mem, v);
  struct lbpf_jit_prog_regs after = *m; /* the facts the analysis gives after the access */
  after.hi_zero = after.hi_ones = 0;
  for (unsigned i = 0; i < LBPF_NREGS; i++) {
    unsigned f = c->exits[3] >> (2 * i) & 3u;
    if (f == 1) after.hi_zero |= (uint16_t)(1u << i);
    if (f == 2) after.hi_ones |= (uint16_t)(1u << i);
  }
  Z3_ast bytes[8], regs[LBPF_NREGS], same[16 + STATE_BYTES + PIECE_STACK_BYTES];
  for (unsigned k = 0; k < n; k++)
    bytes[k] = Z3_mk_eq(ctx, w->region[k], mem[k]);
  for (unsigned i = 0; i < LBPF_NREGS; i++)
    regs[i] =
        Z3_mk_eq(ctx, bpf_value(ctx, w, &after, i), v[i]); /* a fact after must be the value's */
  unsigned nsame = 0;
  for (unsigned r = 4; r <= 13; r++)
    if (r != 12 &&
        (written == LBPF_NREGS || (r != m->home[2 * written] && r != m->home[2 * written + 1])))
      same[nsame++] = Z3_mk_eq(ctx, w->arm.r[r], w->initial[r]);
  for (uint32_t k = 0; k < STATE_BYTES; k++)
    if (written == LBPF_NREGS || k - STATE_AT(regs) - 8 * written >= 8)
      same[nsame++] = Z3_mk_eq(ctx, w->state[k], was.state[k]);
  for (uint32_t k = 0; k < PIECE_STACK_BYTES; k++)
    same[nsame++] = Z3_mk_eq(ctx, w->stack[k], was.stack[k]);
  return on_path(ctx, path, Z3_mk_and(ctx, n, bytes), "memory: the spec's n bytes", sv, why,
                 why_cap) &&
         on_path(ctx, path, Z3_mk_and(ctx, LBPF_NREGS, regs), "registers: the spec's, related", sv,
                 why, why_cap) &&
         on_path(ctx, path, Z3_mk_and(ctx, nsame, same), "kept: r4-r11, sp, state, stack", sv, why,
                 why_cap);
}

/* The lemma of r10's frame, for an access of n bytes at any offset of the frame. */
_Static_assert(LBPF_STACK_SIZE == 1u << 9, "the lemma's shift is the frame's size");
static int frame_lemma(Z3_context ctx, unsigned n, struct solving *sv, char *why, size_t why_cap) {
  Z3_ast top = bv(ctx, "top", 64), frames = Z3_mk_zero_ext(ctx, 32, bv(ctx, "frames", 32));
  Z3_ast depth = Z3_mk_zero_ext(ctx, 32, bv(ctx, "depth", 32));
  Z3_ast o = Z3_mk_sign_ext(ctx, 48, bv(ctx, "offset", 16));
  Z3_ast shift =
      lbpf_spec_sym_value(ctx, 9); /* 512 = LBPF_STACK_SIZE: a shift, cheaper than a product */
  Z3_ast length = Z3_mk_bvshl(ctx, frames, shift),
         r10 = Z3_mk_bvsub(ctx, top, Z3_mk_bvshl(ctx, depth, shift));
  Z3_ast assumed[4] = {
      Z3_mk_bvule(ctx, length, top), Z3_mk_bvult(ctx, depth, frames),
      Z3_mk_bvsge(ctx, o, lbpf_spec_sym_value(ctx, (uint64_t) - (int64_t)LBPF_STACK_SIZE)),
      Z3_mk_bvsle(ctx, Z3_mk_bvadd(ctx, o, lbpf_spec_sym_value(ctx, n)),
                  lbpf_spec_sym_value(ctx, 0))};
  return on_path(
      ctx, Z3_mk_and(ctx, 4, assumed),
      region_holds_sym(ctx, Z3_mk_bvadd(ctx, r10, o), Z3_mk_bvsub(ctx, top, length), length, n),
      "frame lemma: in the stack region", sv, why, why_cap);
}

static int access_prove(Z3_context ctx, const struct core *c, struct solving *sv, size_t *paths,
                        char *why, size_t why_cap) {
  struct lbpf_insn in = access_insn(c);
  if (access_in_frame(c)) {
    Z3_ast a = Z3_mk_bvadd(ctx, lbpf_jit_proof_reg(ctx, 10),
                           lbpf_spec_sym_value(ctx, (uint64_t)(int64_t)in.offset));
    Z3_ast checked = Z3_mk_bvadd(ctx, Z3_mk_extract(ctx, 31, 0, a), bv(ctx, "delta", 32));
    if (!on_path(ctx, Z3_mk_true(ctx), Z3_mk_eq(ctx, access_address(ctx, c, in), checked),
                 "frame: the checked path's address", sv, why, why_cap))
      return 0;
  }
  return every_path(ctx, c, c->exits[2], access_setup, access_judge, sv, paths, why, why_cap);
}
#line 2480 "lit/jit-prog-proof.nw"
static const struct {
  const char *name;
  struct lbpf_jit_prog_regs regs;
} relations[] = {
    /* every half in the register file, no fact */
    {"file", {{0}, 0, 0}},
    /* r0-r2 and r3's low word at home; r3's and r4's high words known 0, r5's all ones */
    {"homes-a", {{[0] = 4, [1] = 5, [2] = 6, [3] = 7, [4] = 8, [5] = 9, [6] = 10}, 0x18, 0x20}},
    /* r3's high word, r4, r5, r6's and r10's low words at home; r2's high word known 0, r0's and
       r1's all ones */
    {"homes-b", {{[7] = 4, [8] = 5, [9] = 6, [10] = 7, [11] = 8, [12] = 9, [20] = 10}, 0x04, 0x03}},
    /* r6-r10's halves at home (r7's and r9's high words, r10's both); r1's high word known 0, r6's
       all ones */
    {"homes-c",
     {{[12] = 4, [15] = 5, [16] = 6, [19] = 7, [20] = 8, [21] = 9, [0] = 10}, 0x02, 0x40}},
};
#define NRELATIONS (sizeof relations / sizeof relations[0])
/* The relation at pc 0: r1's and r10's words, r2's and r0's low words and r3's high word at
   home; the analysis's entry facts (every high word 0 but r1's, r2's and r10's). */
static const struct lbpf_jit_prog_regs entry_relation = {
    {[2] = 4, [3] = 5, [4] = 6, [20] = 7, [21] = 8, [0] = 9, [7] = 10}, 0x7ff & ~0x406, 0};

static int piece_code(struct core *c, enum lbpf_jit_prog_piece which) {
  size_t nlabels = lbpf_jit_prog_nlabels(c->pc + 2);
  uint32_t *labels = malloc(nlabels * sizeof *labels);
  struct lbpf_jit_fixup fixups[16];
  if (!labels) return 0;
  struct lbpf_jit_buf b;
  lbpf_jit_buf_init(&b, c->code, sizeof c->code, NULL, 0, labels, nlabels, fixups, 16);
  c->nexits = lbpf_jit_prog_piece(which, c->pc, c->x, c->y, &c->regs, &b, c->exits);
  c->len = b.len;
  free(labels);
  return c->nexits != 0;
}

static const struct {
  uint8_t op;
  const char *name;
} conditions[] = {{LBPF_JMP_JEQ, "jeq"},   {LBPF_JMP_JNE, "jne"},   {LBPF_JMP_JSET, "jset"},
                  {LBPF_JMP_JGT, "jgt"},   {LBPF_JMP_JGE, "jge"},   {LBPF_JMP_JLT, "jlt"},
                  {LBPF_JMP_JLE, "jle"},   {LBPF_JMP_JSGT, "jsgt"}, {LBPF_JMP_JSGE, "jsge"},
                  {LBPF_JMP_JSLT, "jslt"}, {LBPF_JMP_JSLE, "jsle"}};
#define NCONDITIONS (sizeof conditions / sizeof conditions[0])

/* Where the operands of the compare pieces live: BPF r2 is the destination
   (halves 4 and 5), r3 the source (halves 6 and 7) or the immediate k,
   through the relation regs; each in the widths (bits) listed. */
static const struct placement {
  const char *name;
  bool imm;
  int32_t k;
  unsigned widths;
  bool backward;
  struct lbpf_jit_prog_regs regs;
} placements[] = {
    /* both in the register file: loaded into scratch registers */
    {"file", false, 0, 32 | 64, false, {{0}, 0, 0}},
    {"file backward", false, 0, 32 | 64, true, {{0}, 0, 0}},
    /* at home in low registers (16-bit compares), in high ones and the file */
    {"homes low", false, 0, 32 | 64, false, {{[4] = 4, [5] = 5, [6] = 6, [7] = 7}, 0, 0}},
    {"homes high", false, 0, 32 | 64, false, {{[4] = 8, [5] = 9, [6] = 10}, 0, 0}},
    /* one high word known (0 for the destination, all ones for the source), the other not: no
       narrowing, the known word as an immediate or a constant */
    {"dst high 0", false, 0, 64, false, {{[4] = 4, [7] = 8}, 0x04, 0}},
    {"src high ones", false, 0, 64, false, {{[4] = 10, [5] = 6}, 0, 0x08}},
    /* both high words known equal: the narrowing lemma (jset with all ones is not narrowed) */
    {"high 0", false, 0, 64, false, {{0}, 0x0c, 0}},
    {"high ones", false, 0, 64, false, {{[4] = 9, [6] = 5}, 0, 0x0c}},
    /* immediates k: cmp #imm8, a modified immediate, its negation (cmn), a constant load, -1
       (2^64 - 1 has no successor), a negative constant load */
    {"k=7", true, 7, 32 | 64, false, {{0}, 0, 0}},
    {"k=0x2a00", true, 0x2a00, 32 | 64, false, {{[4] = 8, [5] = 9}, 0, 0}},
    {"k=-42", true, -42, 32 | 64, false, {{[4] = 4, [5] = 5}, 0, 0}},
    {"k=0x12345", true, 0x12345, 32 | 64, false, {{[4] = 10}, 0, 0}},
    {"k=-1", true, -1, 32 | 64, false, {{0}, 0, 0}},
    {"k=-0x12345", true, -0x12345, 32 | 64, false, {{[4] = 5, [5] = 4}, 0, 0}},
    /* the destination's high word known equal to the immediate's: narrowed */
    {"k=42 high 0", true, 42, 64, false, {{[4] = 9}, 0x04, 0}},
    {"k=-42 high ones", true, -42, 64, false, {{[4] = 4}, 0, 0x04}},
};
#define NPLACEMENTS (sizeof placements / sizeof placements[0])

/* The k-th compare piece (a placement, a width, a condition), or false
   with k less the number of them. */
static bool compare_piece(size_t *k, struct core *c, char *name, size_t name_cap) {
  for (size_t p = 0; p < NPLACEMENTS; p++)
    for (unsigned bits = 32; bits <= 64; bits += 32) {
      const struct placement *q = &placements[p];
      if (!(q->widths & bits)) continue;
      if (*k >= NCONDITIONS) {
        *k -= NCONDITIONS;
        continue;
      }
      unsigned opcode = (bits == 64 ? LBPF_CLASS_JMP : LBPF_CLASS_JMP32) | conditions[*k].op |
                        (q->imm ? LBPF_SRC_K : LBPF_SRC_X);
      c->pc = 2, c->x = (uint32_t)q->k, c->regs = q->regs;
      c->y = opcode | 2u << 8 | 3u << 12 | (q->backward ? LBPF_JIT_PIECE_BACKWARD : 0);
      snprintf(name, name_cap, "prog compare %s%s %s", conditions[*k].name, bits == 32 ? "32" : "",
               q->name);
      return true;
    }
  return false;
}

/* The k-th access piece: each memory form of the instruction table (a store of an immediate
   with each of two), after the check for every relation, and in r10's frame at two offsets
   for two relations. */
static const int32_t store_immediates[] = {-7903932, 2147357236};
static const int16_t frame_offsets[] = {-8, -512};
static const unsigned frame_relations[] = {0, 3}; /* file, homes-c */
#define ACCESS_VARIANTS (NRELATIONS + 4u)
static bool access_piece(size_t k, struct core *c, char *name, size_t name_cap) {
  for (size_t f = 0; f < LBPF_NFORMS; f++) {
    const struct lbpf_form *row = &lbpf_forms[f];
    if (row->kind != LBPF_KIND_LDX && row->kind != LBPF_KIND_ST && row->kind != LBPF_KIND_STX &&
        row->kind != LBPF_KIND_ATOMIC)
      continue;
    size_t nimm = row->kind == LBPF_KIND_ST ? 2 : 1;
    if (k >= nimm * ACCESS_VARIANTS) {
      k -= nimm * ACCESS_VARIANTS;
      continue;
    }
    size_t variant = k % ACCESS_VARIANTS;
    bool frame = variant >= NRELATIONS;
    unsigned relation = frame ? frame_relations[(variant - NRELATIONS) / 2] : (unsigned)variant;
    int16_t offset = frame ? frame_offsets[(variant - NRELATIONS) % 2] : 0;
    unsigned base = frame ? 10 : 1, dst = row->kind == LBPF_KIND_LDX ? 3 : base;
    unsigned src = row->kind == LBPF_KIND_LDX ? base : row->kind == LBPF_KIND_ST ? 0 : 5;
    int32_t imm = row->kind == LBPF_KIND_ST       ? store_immediates[k / ACCESS_VARIANTS]
                  : row->kind == LBPF_KIND_ATOMIC ? row->value
                                                  : 0;
    c->pc = 2, c->regs = relations[relation].regs;
    c->x = row->opcode | dst << 8 | src << 12 | (uint32_t)(uint16_t)offset << 16,
    c->y = (uint32_t)imm;
    char imm_name[24] = "", at[16] = "";
    if (row->kind == LBPF_KIND_ST) snprintf(imm_name, sizeof imm_name, " imm=%d", (int)imm);
    if (frame) snprintf(at, sizeof at, " frame%d", (int)offset);
    snprintf(name, name_cap, "prog access %s%s%s %s", lbpf_form_name(row), imm_name, at,
             relations[relation].name);
    return true;
  }
  return false;
}

/* The k-th piece (false past the last): its code and how it is proved. */
static bool nth_piece(size_t k, struct core *c, enum lbpf_jit_prog_piece *which, char *name,
                      size_t name_cap) {
  memset(c, 0, sizeof *c);
  if (k < 10) { /* the region check: input (base r1) and stack (r10), 1 2 4 8 bytes, the
                   address in r1:r0 (after an offset); and at home in r7:r6 (offset 0), for
                   the input's 1 byte and the stack's 8 */
    static const uint8_t at_home[2][2] = {{1, 0}, {10, 3}}; /* base register, log2 n */
    bool home = k >= 8;
    unsigned base = home    ? at_home[k - 8][0]
                    : k < 4 ? 1
                            : 10,
             size = home ? at_home[k - 8][1] : k % 4;
    *which = LBPF_JIT_PIECE_CHECK;
    c->pc = 2, c->x = base, c->y = 1u << size | (home ? 16u : 0u);
    snprintf(name, name_cap, "prog check %s n=%u%s", base == 1 ? "input" : "stack",
             (unsigned)c->y & 15, home ? " at home" : "");
    return true;
  }
  k -= 10;
  if (compare_piece(&k, c, name, name_cap)) {
    *which = LBPF_JIT_PIECE_COMPARE;
    return true;
  }
  size_t ncosts = sizeof costs / sizeof costs[0], npcs = sizeof cost_pcs / sizeof cost_pcs[0];
  if (k < ncosts * npcs) {
    *which = LBPF_JIT_PIECE_SPEND;
    c->pc = cost_pcs[k % npcs], c->x = costs[k / npcs];
    snprintf(name, name_cap, "prog spend cost=0x%x pc=%u", (unsigned)c->x, (unsigned)c->pc);
    return true;
  }
  k -= ncosts * npcs;
  if (k == 0) {
    *which = LBPF_JIT_PIECE_FRAME;
    c->pc = 0, c->regs = entry_relation;
    snprintf(name, name_cap, "prog frame");
    return true;
  }
  k -= 1;
  size_t naddresses = sizeof helper_addresses / sizeof helper_addresses[0];
  if (k < naddresses * NRELATIONS) {
    *which = LBPF_JIT_PIECE_HELPER;
    c->pc = 0, c->x = helper_addresses[k % naddresses], c->regs = relations[k / naddresses].regs;
    snprintf(name, name_cap, "prog helper call 0x%08x %s", (unsigned)c->x,
             relations[k / naddresses].name);
    return true;
  }
  k -= naddresses * NRELATIONS;
  if (k < NRELATIONS) {
    *which = LBPF_JIT_PIECE_LOCAL;
    c->pc = 2, c->regs = relations[k].regs;
    snprintf(name, name_cap, "prog local call and exit %s", relations[k].name);
    return true;
  }
  k -= NRELATIONS;
  if (k < 24) { /* the slow path: 1 2 4 8 bytes, reading, writing, both; input, stack */
    static const char *const perms[3] = {"read", "write", "read+write"};
    *which = LBPF_JIT_PIECE_SLOW;
    c->pc = 3, c->x = 1u << (k % 12 / 3), c->y = ((uint32_t)(k % 3) + 1) | (k < 12 ? 1u : 10u) << 4;
    snprintf(name, name_cap, "prog slow path n=%u %s%s", (unsigned)c->x, perms[k % 3],
             k < 12 ? "" : " stack");
    return true;
  }
  k -= 24;
  if (k < 6) { /* ja, ja32 forward and backward; the settling of an edge */
    static const struct {
      int32_t delta;
      uint32_t y;
      const char *name;
    } jas[6] = {{5, 0, "ja forward"},         {-4, 0, "ja backward"},
                {5, 1, "ja32 forward"},       {-3, 1, "ja32 backward"},
                {5, 2, "ja forward settles"}, {-4, 2, "ja backward settles"}};
    *which = LBPF_JIT_PIECE_JA;
    c->pc = 5, c->x = (uint32_t)jas[k].delta, c->y = jas[k].y;
    c->regs = jas[k].y & 2 ? settle_relation : relations[2].regs; /* homes-b */
    snprintf(name, name_cap, "prog %s", jas[k].name);
    return true;
  }
  k -= 6;
  if (k < 2 * naddresses) { /* callx r3 under homes-a, r1 under file; each helper address */
    *which = LBPF_JIT_PIECE_CALLX;
    c->pc = 3, c->x = k < naddresses ? 3 : 1, c->y = helper_addresses[k % naddresses];
    c->regs = relations[k < naddresses ? 1 : 0].regs;
    snprintf(name, name_cap, "prog callx r%u 0x%08x %s", (unsigned)c->x, (unsigned)c->y,
             relations[k < naddresses ? 1 : 0].name);
    return true;
  }
  k -= 2 * naddresses;
  if (k == 0) {
    *which = LBPF_JIT_PIECE_STUBS;
    c->pc = 3;
    snprintf(name, name_cap, "prog stops of a local call");
    return true;
  }
  k -= 1;
  if (k < 4) { /* exit at depth 0: homes-a, homes-b; without and with local calls */
    *which = LBPF_JIT_PIECE_EXIT;
    c->pc = 3, c->y = (uint32_t)(k % 2), c->regs = relations[1 + k / 2].regs;
    snprintf(name, name_cap, "prog exit at depth 0 %s%s", relations[1 + k / 2].name,
             k % 2 ? " local calls" : "");
    return true;
  }
  k -= 4;
  if (k < 4 * NDIV_CASES) { /* div, mod, sdiv, smod: each case */
    static const char *const ops[4] = {"div", "mod", "sdiv", "smod"};
    unsigned op = (unsigned)(k / NDIV_CASES);
    size_t j = k % NDIV_CASES, r = 0;
    while (strcmp(relations[r].name, div_cases[j].relation))
      r++;
    bool x = div_cases[j].src < 16;
    *which = LBPF_JIT_PIECE_DIV64;
    c->pc = 3, c->regs = relations[r].regs, c->y = (uint32_t)div_cases[j].imm;
    c->x = op | (x ? 4u : 0u) | (uint32_t)div_cases[j].dst << 4 |
           (uint32_t)(div_cases[j].src & 15) << 8;
    if (x)
      snprintf(name, name_cap, "prog div64 %s r%u by r%u %s", ops[op], (unsigned)div_cases[j].dst,
               (unsigned)div_cases[j].src, relations[r].name);
    else
      snprintf(name, name_cap, "prog div64 %s r%u by %d %s", ops[op], (unsigned)div_cases[j].dst,
               (int)div_cases[j].imm, relations[r].name);
    return true;
  }
  k -= 4 * NDIV_CASES;
  *which = LBPF_JIT_PIECE_ACCESS;
  return access_piece(k, c, name, name_cap);
}

#line 2409 "lit/jit-prog-proof.nw"
static const uint64_t outcome_samples[3][3] =
    {/* r0, r3, r5 */
     {UINT64_C(0x0123456789abcdef), UINT64_C(0xfedcba9876543210), UINT64_C(0x8000000180000001)},
     {UINT64_C(0x8899aabbccddeeff), UINT64_C(0x7f7f7f7f7f7f7f7f), UINT64_C(0xfffffffffffffffe)},
     {0, UINT64_C(0x00000000ffffffff), UINT64_C(0x1122334455667788)}};
static const uint8_t outcome_bytes[3][8] = {{0x11, 0x92, 0x33, 0xf4, 0x55, 0x66, 0x77, 0x08},
                                            {0x80, 0xff, 0x01, 0x80, 0xfe, 0x02, 0x03, 0x84},
                                            {0, 0, 0, 0, 0, 0, 0, 0}}; /* r0 = the old value */

static void put_insn(uint8_t *code, uint32_t *pc, struct lbpf_insn in) {
  lbpf_encode(in, code + 8 * (*pc)++);
}
static void put_lddw(uint8_t *code, uint32_t *pc, uint8_t dst, uint64_t k) {
  put_insn(code, pc,
           (struct lbpf_insn){LBPF_CLASS_LD | LBPF_MODE_IMM | LBPF_SIZE_DW, dst, 0, 0,
                              (int32_t)(uint32_t)k});
  put_insn(code, pc, (struct lbpf_insn){0, 0, 0, 0, (int32_t)(uint32_t)(k >> 32)});
}

static int access_outcome_agrees(Z3_context ctx, size_t *samples, char *why, size_t why_cap) {
  static struct core c;
  char name[64];
  for (size_t k = 0; access_piece(k, &c, name, sizeof name); k += ACCESS_VARIANTS) {
    struct lbpf_insn in = access_insn(&c);
    unsigned written = access_written(in);
    for (unsigned s = 0; s < 3; s++) {
      uint64_t r0 = outcome_samples[s][0], r3 = outcome_samples[s][1], r5 = outcome_samples[s][2];
      uint8_t mem[8], code[8 * 10], stack[LBPF_STACK_SIZE];
      memcpy(mem, outcome_bytes[s], sizeof mem);
      uint32_t pc = 0;
      put_lddw(code, &pc, 0, r0), put_lddw(code, &pc, 3, r3), put_lddw(code, &pc, 5, r5);
      put_insn(code, &pc, in);
      if (written < LBPF_NREGS)
        put_insn(code, &pc,
                 (struct lbpf_insn){LBPF_CLASS_ALU64 | LBPF_ALU_MOV | LBPF_SRC_X, 0,
                                    (uint8_t)written, 0, 0});
      put_insn(code, &pc, (struct lbpf_insn){LBPF_CLASS_JMP | LBPF_JMP_EXIT, 0, 0, 0, 0});
      struct lbpf_program prog = {code, pc};
      struct lbpf_env env = {NULL, 0, NULL, 0, NULL, 100, stack, sizeof stack};
      struct lbpf_result res;
      lbpf_spec_run(&prog, &env, mem, sizeof mem, &res);
      Z3_ast v[LBPF_NREGS], bytes[8];
      for (unsigned i = 0; i < LBPF_NREGS; i++)
        v[i] = lbpf_spec_sym_value(ctx, 0);
      v[0] = lbpf_spec_sym_value(ctx, r0), v[3] = lbpf_spec_sym_value(ctx, r3),
      v[5] = lbpf_spec_sym_value(ctx, r5);
      for (unsigned j = 0; j < 8; j++)
        bytes[j] = Z3_mk_unsigned_int(ctx, outcome_bytes[s][j], Z3_mk_bv_sort(ctx, 8));
      access_outcome(ctx, in, bytes, v);
      bool same = res.status == LBPF_OK;
      for (unsigned j = 0; j < 8 && same; j++) {
        unsigned u;
        same = Z3_get_numeral_uint(ctx, Z3_simplify(ctx, bytes[j]), &u) && u == mem[j];
      }
      uint64_t want = 0;
      if (same && written < LBPF_NREGS)
        same = Z3_get_numeral_uint64(ctx, Z3_simplify(ctx, v[written]), &want) && want == res.r0;
      ++*samples;
      if (!same) {
        snprintf(why, why_cap, "the statement differs from the specification's run: %s, sample %u",
                 name, s);
        return 0;
      }
    }
  }
  return 1;
}

#line 2744 "lit/jit-prog-proof.nw"
/* A test on samples of what a proof states (unless only excludes it): 1 if it failed. */
static int sample_test(const char *name, const char *what,
                       int (*test)(Z3_context ctx, size_t *samples, char *why, size_t why_cap),
                       const struct lbpf_jit_proof_options *o, FILE *out) {
  if (o->only && strncmp(name, o->only, strlen(o->only))) return 0;
  Z3_config cfg = Z3_mk_config();
  Z3_context ctx = Z3_mk_context(cfg);
  Z3_del_config(cfg);
  char why[256] = "";
  size_t samples = 0;
  double start = cpu_seconds();
  int ok = test(ctx, &samples, why, sizeof why);
  if (ok)
    fprintf(out, "%-7s %-32s %zu samples: %s  %.2f s\n", "tested", name, samples, what,
            cpu_seconds() - start);
  else
    fprintf(out, "FAILED  %-32s %s\n", name, why);
  Z3_del_context(ctx);
  return !ok;
}

#line 2871 "lit/jit-prog-proof.nw"
/* A piece's own Z3 context, and its solvers' limits. */
static Z3_context piece_context(void) {
  Z3_config cfg = Z3_mk_config();
  Z3_context ctx = Z3_mk_context(cfg);
  Z3_del_config(cfg);
  return ctx;
}
static struct solving piece_solving(const struct lbpf_jit_proof_options *o) {
  return (struct solving){
      o->timeout_ms, o->timeout_ms ? (o->other_s ? o->other_s : LBPF_JIT_OTHER_SECONDS) : 0, {0}};
}

static size_t alu_immediates(const struct form *f, bool all, int32_t out[64]) {
  bool is64 = LBPF_CLASS(f->insn.opcode) == LBPF_CLASS_ALU64;
  size_t n = 0;
  if (!f->imm_source) {
    out[n++] = f->insn.imm;
  } else if (is_shift(f) && all) {
    for (int32_t k = 0; k < (is64 ? 64 : 32); k++)
      out[n++] = k;
  } else if (is_shift(f)) {
    out[n++] = 0, out[n++] = 7, out[n++] = is64 ? 63 : 31;
    if (is64) out[n++] = 32;
  } else if (all) {
    for (size_t k = 0; k < sizeof immediates / sizeof immediates[0]; k++)
      out[n++] = immediates[k];
  } else {
    out[n++] = 7, out[n++] = -0x12345678;
  }
  return n;
}

/* The placements of a form (NULL: lddw). */
static size_t alu_placements(const struct form *f, size_t out[NALU_PLACES]) {
  bool reg = f && f->reg_source;
  size_t n = 0;
  for (size_t p = 0; p < NALU_PLACES; p++) {
    bool seen = false; /* no source register: one placement per destination */
    for (size_t q = 0; q < n && !reg; q++)
      seen |= alu_places[out[q]].relation == alu_places[p].relation &&
              alu_places[out[q]].dst == alu_places[p].dst;
    if (!seen) out[n++] = p;
  }
  return n;
}

/* The 32-bit quotient or remainder of in as the Cortex-M4 computes it (SDIV or UDIV, by 0 giving
   0, INT_MIN / -1 giving INT_MIN; then MLS), zero-extended, from the registers vin: the
   stepping stone Q of the 32-bit divisions the per-form proof tests on samples. */
static Z3_ast div32_stone(Z3_context ctx, struct lbpf_insn in, Z3_ast const vin[LBPF_NREGS]) {
  Z3_ast d = half(ctx, vin[in.dst], 0), zero = k32(ctx, 0);
  Z3_ast s = (in.opcode & LBPF_SRC_X) ? half(ctx, vin[in.src], 0) : k32(ctx, (uint32_t)in.imm);
  Z3_ast q;
  if (in.offset == 1) {
    Z3_ast both[2] = {Z3_mk_eq(ctx, d, k32(ctx, UINT32_C(0x80000000))),
                      Z3_mk_eq(ctx, s, k32(ctx, UINT32_MAX))};
    q = Z3_mk_ite(ctx, Z3_mk_eq(ctx, s, zero), zero,
                  Z3_mk_ite(ctx, Z3_mk_and(ctx, 2, both), d, Z3_mk_bvsdiv(ctx, d, s)));
  } else {
    q = Z3_mk_ite(ctx, Z3_mk_eq(ctx, s, zero), zero, Z3_mk_bvudiv(ctx, d, s));
  }
  Z3_ast r = LBPF_OP(in.opcode) == LBPF_ALU_DIV ? q : Z3_mk_bvsub(ctx, d, Z3_mk_bvmul(ctx, q, s));
  return Z3_mk_concat(ctx, zero, r);
}

/* Q against the specification's result, on every sample of the destination (and of a distinct
   source register): constants, so each comparison is an evaluation. 1 when all agree. */
static int div32_lemma(Z3_context ctx, struct lbpf_insn in, char *why, size_t why_cap) {
  bool pair = (in.opcode & LBPF_SRC_X) && in.src != in.dst;
  for (size_t i = 0; i < NSAMPLES; i++)
    for (size_t k = 0; k < (pair ? NSAMPLES : 1); k++) {
      Z3_ast v[LBPF_NREGS];
      for (unsigned r = 0; r < LBPF_NREGS; r++)
        v[r] = lbpf_spec_sym_value(ctx, 0);
      v[in.src] = lbpf_spec_sym_value(ctx, samples[k]);
      v[in.dst] = lbpf_spec_sym_value(ctx, samples[i]);
      Z3_ast stone = div32_stone(ctx, in, v);
      lbpf_spec_sym_step_alu(ctx, in, v);
      if (!Z3_is_eq_ast(ctx, Z3_simplify(ctx, stone), Z3_simplify(ctx, v[in.dst]))) {
        snprintf(why, why_cap, "Q is not the specification's result (sample dst=0x%llx src=0x%llx)",
                 (unsigned long long)samples[i], (unsigned long long)samples[k]);
        return 0;
      }
    }
  return 1;
}

/* Prove (or, for the product by a negative immediate, test on samples) one choice. 1 when it
   holds. */
static int alu_choice(Z3_context ctx, const struct form *f, const struct lbpf_insn *insns,
                      size_t nslots, size_t p, struct solving *sv, bool *sampled, char *why,
                      size_t why_cap) {
  static struct core c;
  static uint32_t labels[64];
  struct lbpf_jit_fixup fixups[16];
  struct lbpf_program prog;
  memset(&c, 0, sizeof c);
  c.regs = relations[alu_places[p].relation].regs;
  if (!verified_slots(insns, nslots, &prog)) {
    snprintf(why, why_cap, "the verifier refused the instruction");
    return 0;
  }
  struct lbpf_jit_buf b;
  struct lbpf_jit_prog_regs after;
  lbpf_jit_buf_init(&b, c.code, sizeof c.code, NULL, 0, labels, lbpf_jit_prog_nlabels(prog.ninsns),
                    fixups, 16);
  c.nexits = lbpf_jit_prog_alu_piece(&prog, 0, &c.regs, &b, c.exits, &after);
  c.len = b.len;
  if (c.nexits == 0) {
    snprintf(why, why_cap, "the generator refused the piece");
    return 0;
  }
  struct lbpf_insn in = insns[0];
  enum method m = f ? how(f) : BY_SOLVER;
  *sampled = m == BY_STONE && f->imm_source && in.imm < 0;
  if (!*sampled) {
    Z3_ast stone = NULL, vin[LBPF_NREGS];
    for (unsigned i = 0; i < LBPF_NREGS; i++)
      vin[i] = expected(ctx, &c.regs, i, lbpf_jit_proof_reg(ctx, i));
    if (m == BY_STONE) stone = mul64_stone(ctx, vin[in.dst], operand(ctx, in, vin));
    if (m == BY_SAMPLES) {
      if (!div32_lemma(ctx, in, why, why_cap)) return 0;
      stone = div32_stone(ctx, in, vin);
    }
    return alu_prove(ctx, &c, insns, &after, NULL, stone, sv, why, why_cap);
  }
  for (size_t i = 0; i < NSAMPLES; i++) { /* the product by a negative immediate: no source */
    Z3_ast v[LBPF_NREGS];
    for (unsigned r = 0; r < LBPF_NREGS; r++)
      v[r] = lbpf_spec_sym_value(ctx, UINT64_C(0x0101010101010101) * (r + 1));
    v[in.dst] = lbpf_spec_sym_value(ctx, samples[i]);
    if (!alu_prove(ctx, &c, insns, &after, v, NULL, sv, why, why_cap)) {
      size_t used = strlen(why);
      snprintf(why + used, why_cap - used, " (sample dst=0x%llx)", (unsigned long long)samples[i]);
      return 0;
    }
  }
  return 1;
}

/* One line per form (and lddw); the number that failed. */
static int alu_pieces(const struct lbpf_jit_proof_options *o, FILE *out) {
  static struct form forms[LBPF_NFORMS];
  size_t nforms = alu_forms(forms, LBPF_NFORMS);
  int failed = 0;
  for (size_t index = 0; index <= nforms; index++) {
    const struct form *f = index < nforms ? &forms[index] : NULL; /* NULL: lddw */
    char name[64];
    snprintf(name, sizeof name, "prog alu %.24s", f ? f->name : "lddw");
    if (o->only && strncmp(name, o->only, strlen(o->only))) continue;
    if (f && LBPF_CLASS(f->insn.opcode) == LBPF_CLASS_ALU64 &&
        (LBPF_OP(f->insn.opcode) == LBPF_ALU_DIV || LBPF_OP(f->insn.opcode) == LBPF_ALU_MOD))
      continue; /* always the routine's call: not compiled in place */
    Z3_context ctx = piece_context();
    struct solving sv = piece_solving(o);
    double start = cpu_seconds();
    char why[1024] = "";
    int32_t imms[64];
    static const int32_t lddw_words[3][2] = {{0x12345678, 0}, {-2, -1}, {7, 0x12345678}};
    size_t nimm = f ? alu_immediates(f, o->all, imms) : 3, n = 0, nsampled = 0, p[NALU_PLACES];
    int ok = !f || how(f) != BY_STONE || mul64_lemmas(ctx, &sv, why, sizeof why);
    if (!ok)
      snprintf(why + strlen(why), sizeof why - strlen(why), " (the stepping stone's lemmas)");
    for (size_t k = 0; ok && k < nimm; k++) {
      size_t np = alu_placements(f, p);
      for (size_t q = 0; ok && q < np; q++) {
        size_t pl = p[q];
        struct lbpf_insn insns[2] = {{0}, {0}};
        if (f) {
          insns[0] = f->insn, insns[0].dst = alu_places[pl].dst;
          if (f->reg_source) insns[0].src = alu_places[pl].src;
          if (f->imm_source) insns[0].imm = imms[k];
        } else {
          insns[0] = (struct lbpf_insn){LBPF_CLASS_LD | LBPF_MODE_IMM | LBPF_SIZE_DW,
                                        alu_places[pl].dst, 0, 0, lddw_words[k][0]};
          insns[1].imm = lddw_words[k][1];
        }
        bool sampled = false;
        ok = alu_choice(ctx, f, insns, f ? 1 : 2, pl, &sv, &sampled, why, sizeof why);
        if (!ok) {
          size_t used = strlen(why);
          snprintf(why + used, sizeof why - used, " [%s dst r%u src r%u imm %d]",
                   relations[alu_places[pl].relation].name, insns[0].dst, insns[0].src,
                   insns[0].imm);
        }
        n++, nsampled += sampled;
      }
    }
    double seconds = cpu_seconds() - start;
    if (ok) {
      char part[48] = "";
      if (nsampled && nsampled < n)
        snprintf(part, sizeof part, ", %zu of them on samples", nsampled);
      const char *via = !f                     ? ""
                        : how(f) == BY_STONE   ? " via W'"
                        : how(f) == BY_SAMPLES ? " via Q"
                                               : "";
      fprintf(out, "%-7s %-40s %3zu choices%s%s%s  %.2f s\n", nsampled == n ? "tested" : "proved",
              name, n, nsampled == n ? " on samples" : "", via, part, seconds);
    } else
      fprintf(out, "FAILED  %-40s %s\n", name, why), failed++;
    Z3_del_context(ctx);
    fflush(out);
  }
  return failed;
}

#line 2766 "lit/jit-prog-proof.nw"
int lbpf_jit_prog_prove_pieces(const struct lbpf_jit_proof_options *o, FILE *out) {
  int failed = 0;
  static struct core c;
  char name[64];
  enum lbpf_jit_prog_piece which;
  for (unsigned n = 1; n <= 8; n *= 2) { /* the lemma of r10's frame */
    char lemma[40];
    snprintf(lemma, sizeof lemma, "prog r10 lemma n=%u", n);
    if (o->only && strncmp(lemma, o->only, strlen(o->only))) continue;
    Z3_config cfg = Z3_mk_config();
    Z3_context ctx = Z3_mk_context(cfg);
    Z3_del_config(cfg);
    struct solving sv = {
        o->timeout_ms, o->timeout_ms ? (o->other_s ? o->other_s : LBPF_JIT_OTHER_SECONDS) : 0, {0}};
    char why[1024] = "";
    double start = cpu_seconds();
    if (frame_lemma(ctx, n, &sv, why, sizeof why))
      fprintf(out, "%-7s %-40s %.2f s\n", "proved", lemma, cpu_seconds() - start);
    else
      fprintf(out, "FAILED  %-40s %s\n", lemma, why), failed++;
    Z3_del_context(ctx);
  }
  failed += sample_test("prog access statement", "the specification's run", access_outcome_agrees,
                        o, out);
  failed += sample_test("prog fast_region", "the check's precondition", fast_region_agrees, o, out);
  for (size_t k = 0; nth_piece(k, &c, &which, name, sizeof name); k++) {
    if (o->only && strncmp(name, o->only, strlen(o->only))) continue;
    Z3_context ctx = piece_context();
    struct solving sv = piece_solving(o);
    double start = cpu_seconds();
    char why[1024] = "";
    size_t paths = 0;
    int ok = piece_code(&c, which);
    if (!ok)
      snprintf(why, sizeof why, "the generator refused the piece");
    else if (which == LBPF_JIT_PIECE_CHECK)
      ok = no_borrow_lemma(ctx, &sv, why, sizeof why) &&
           every_path(ctx, &c, 0, check_setup, check_judge, &sv, &paths, why, sizeof why);
    else if (which == LBPF_JIT_PIECE_COMPARE)
      ok = every_path(ctx, &c, 0, compare_setup, compare_judge, &sv, &paths, why, sizeof why);
    else if (which == LBPF_JIT_PIECE_SPEND)
      ok = every_path(ctx, &c, 0, spend_setup, spend_judge, &sv, &paths, why, sizeof why);
    else if (which == LBPF_JIT_PIECE_FRAME)
      ok = frame_prove(ctx, &c, &sv, why, sizeof why), paths = 2;
    else if (which == LBPF_JIT_PIECE_HELPER)
      ok = helper_prove(ctx, &c, &sv, why, sizeof why), paths = 1;
    else if (which == LBPF_JIT_PIECE_LOCAL)
      ok = local_prove(ctx, &c, &sv, &paths, why, sizeof why);
    else if (which == LBPF_JIT_PIECE_ACCESS)
      ok = access_prove(ctx, &c, &sv, &paths, why, sizeof why);
    else if (which == LBPF_JIT_PIECE_SLOW)
      ok = slow_prove(ctx, &c, &sv, &paths, why, sizeof why);
    else if (which == LBPF_JIT_PIECE_JA)
      ok = every_path(ctx, &c, 0, related_setup, ja_judge, &sv, &paths, why, sizeof why);
    else if (which == LBPF_JIT_PIECE_CALLX) {
      c.exits[0] = (c.y & ~1u) - PIECE_CODE; /* the helper's address, as an offset from the code */
      ok = callx_prove(ctx, &c, &sv, &paths, why, sizeof why);
    } else if (which == LBPF_JIT_PIECE_STUBS)
      ok = stubs_prove(ctx, &c, &sv, &paths, why, sizeof why);
    else if (which == LBPF_JIT_PIECE_EXIT)
      ok = every_path(ctx, &c, 0, related_setup, exit_judge, &sv, &paths, why, sizeof why);
    else
      ok = div_prove(ctx, &c, &sv, why, sizeof why), paths = 1;
    double seconds = cpu_seconds() - start;
    if (ok) {
      char by[64] = "";
      for (size_t s = 0, used = 0; s < NSOLVERS; s++)
        if (sv.proved_by[s])
          used += (size_t)snprintf(by + used, sizeof by - used, "%s%s %u", used ? ", " : " (",
                                   solver_names[s], sv.proved_by[s]);
      if (*by) strncat(by, ")", sizeof by - strlen(by) - 1);
      fprintf(out, "%-7s %-40s %zu paths%s  %.2f s\n", "proved", name, paths, by, seconds);
    } else {
      fprintf(out, "FAILED  %-40s %s\n", name, why);
      failed++;
    }
    Z3_del_context(ctx);
    fflush(out);
  }
  return failed + alu_pieces(o, out);
}
