#line 1477 "lit/jit-alu.nw"
/* J's code on unicorn's Cortex-M4 against the model and the specification. */
#include <check.h>
#include <stdio.h>
#include <string.h>
#include <unicorn/unicorn.h>

#include "bytecode.h"
#include "lbpf_isa.h"
#include "lbpf_jit.h"

#line 55 "spec/semantics.nw"
typedef uint64_t V;
typedef int VB;
#define V_K(k) ((uint64_t)(k))
#define V_ADD(a, b) ((a) + (b))
#define V_SUB(a, b) ((a) - (b))
#define V_MUL(a, b) ((a) * (b))
#define V_UDIV(a, b) ((a) / (b))
#define V_UREM(a, b) ((a) % (b))
#define V_SDIV(a, b) concrete_sdiv((a), (b))
#define V_SREM(a, b) concrete_srem((a), (b))
#define V_AND(a, b) ((a) & (b))
#define V_OR(a, b) ((a) | (b))
#define V_XOR(a, b) ((a) ^ (b))
#define V_SHL(a, n) ((a) << (n))
#define V_LSHR(a, n) ((a) >> (n))
#define V_ASHR(a, n) concrete_ashr((a), (n))
#define V_EQ(a, b) ((a) == (b))
#define V_ULT(a, b) ((a) < (b))
#define V_SLT(a, b) (concrete_signed(a) < concrete_signed(b))
#define V_NOT(c) (!(c))
#define V_ITE(c, a, b) ((c) ? (a) : (b))
#line 83 "spec/semantics.nw"
static int64_t concrete_signed(uint64_t a) {
  return a < (UINT64_C(1) << 63) ? (int64_t)a : -(int64_t)(~a) - 1;
}

static uint64_t magnitude(uint64_t a) {
  return (a >> 63) ? 0 - a : a;
}

static uint64_t concrete_sdiv(uint64_t a, uint64_t b) {
  uint64_t q = magnitude(a) / magnitude(b);
  return ((a ^ b) >> 63) ? 0 - q : q;
}

static uint64_t concrete_srem(uint64_t a, uint64_t b) {
  uint64_t r = magnitude(a) % magnitude(b);
  return (a >> 63) ? 0 - r : r; /* the remainder takes the dividend's sign */
}

static uint64_t concrete_ashr(uint64_t a, uint64_t n) {
  uint64_t fill = (a >> 63) ? ~UINT64_C(0) : 0;
  return n == 0 ? a : (a >> n) | (fill << (63 - n) << 1);
}
#line 1081 "lit/jit-alu.nw"
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function" /* jump_taken: not needed here */
#include "alu_sem.h"
#pragma GCC diagnostic pop

/* The specification's effect of the ALU-run instruction at pc on r. */
static void spec_insn(const struct lbpf_program *prog, uint32_t pc, uint64_t r[LBPF_NREGS]) {
  struct lbpf_insn in = lbpf_program_insn(prog, pc);
  if (lbpf_is_lddw(in.opcode)) {
    r[in.dst] = (uint32_t)in.imm | (uint64_t)(uint32_t)lbpf_program_insn(prog, pc + 1).imm << 32;
    return;
  }
  uint64_t s = (in.opcode & LBPF_SRC_X) ? r[in.src] : (uint64_t)(int64_t)in.imm;
  r[in.dst] = alu_result(in.opcode, in.offset, in.imm, r[in.dst], s);
}
#line 1164 "lit/jit-alu.nw"
struct jit_prog {
  uint8_t code[8 * 256];
  struct lbpf_program prog;
  uint32_t n;
};
static void jp_add(struct jit_prog *p, struct lbpf_insn in) {
  lbpf_encode(in, p->code + 8 * p->n++);
}
/* Verify the program (with exit appended); false if the verifier refuses. */
static bool jp_finish(struct jit_prog *p) {
  jp_add(p, (struct lbpf_insn){.opcode = LBPF_CLASS_JMP | LBPF_JMP_EXIT});
  struct lbpf_env env;
  memset(&env, 0, sizeof env);
  struct lbpf_fault fault;
  return lbpf_verify(p->code, 8u * p->n, &env, &p->prog, &fault) == LBPF_OK;
}
#line 1190 "lit/jit-alu.nw"
static const int32_t imm_classes[] = {
    0,      1,      7,          31,         32,         33, 63, 64,   255,      256,
    0x1234, 0xff00, 0x00ab0000, 0x12345678, 0x7fffffff, -1, -2, -256, -0x12345, INT32_MIN};
#define NIMM (sizeof imm_classes / sizeof imm_classes[0])

/* Does the verifier accept in (followed by exit) as an ALU-run instruction? */
static bool candidate(struct lbpf_insn in) {
  struct jit_prog p = {.n = 0};
  jp_add(&p, in);
  if (lbpf_is_lddw(in.opcode)) jp_add(&p, (struct lbpf_insn){.imm = 0x0badcafe});
  return jp_finish(&p) && lbpf_jit_alu_slots(&p.prog, 0) > 0;
}

static uint64_t jit_rng = 1;
static uint64_t pick(uint64_t n) {
  return lbpf_thumb_rand(&jit_rng) % n;
}
/* A random ALU-run instruction (r10 only as a source). */
static struct lbpf_insn random_alu(void) {
  for (;;) {
    const struct lbpf_form *form = &lbpf_forms[pick(LBPF_NFORMS)];
    if (!lbpf_form_in_alu_run(form) && !lbpf_form_is_lddw(form)) continue;
    struct lbpf_insn in = {.opcode = form->opcode, .dst = (uint8_t)pick(10)};
    switch (form->kind) {
    case LBPF_KIND_ALU_X:
      in.src = (uint8_t)pick(11);
      in.offset = form->value;
      break;
    case LBPF_KIND_END: in.imm = form->value; break;
    case LBPF_KIND_NEG: break;
    default: /* ALU_K, LDDW */
      in.offset = form->kind == LBPF_KIND_ALU_K ? form->value : 0;
      in.imm = pick(2) ? imm_classes[pick(NIMM)] : (int32_t)lbpf_thumb_rand(&jit_rng);
    }
    if (candidate(in)) return in;
  }
}

#line 1233 "lit/jit-alu.nw"
/* Register values: special ones, or random with a bias to small shifts. */
static void random_regs(uint64_t r[LBPF_NREGS]) {
  static const uint64_t special[] = {0,           1,
                                     UINT64_MAX,  0x80000000u,
                                     0xffffffffu, UINT64_C(1) << 63,
                                     0x7fffffffu, UINT64_C(0xffffffff80000000),
                                     32,          63};
  for (unsigned i = 0; i < LBPF_NREGS; i++) {
    unsigned k = (unsigned)pick(4);
    r[i] = k == 0   ? special[pick(sizeof special / sizeof special[0])]
           : k == 1 ? pick(70)
                    : lbpf_thumb_rand(&jit_rng);
  }
}

#line 1492 "lit/jit-alu.nw"
#define UC_CODE_SIZE 0x10000u
#define UC_PAGE 0x1000u

static void uc_ok(uc_err e, const char *what) {
  ck_assert_msg(e == UC_ERR_OK, "%s: %s", what, uc_strerror(e));
}

START_TEST(unicorn_runs) {
  uc_engine *uc;
  uc_ok(uc_open(UC_ARCH_ARM, UC_MODE_THUMB | UC_MODE_MCLASS, &uc), "uc_open");
  uc_ok(uc_ctl_set_cpu_model(uc, UC_CPU_ARM_CORTEX_M4), "cpu model");
  uc_ok(uc_mem_map(uc, LBPF_JIT_MODEL_CODE, UC_CODE_SIZE, UC_PROT_READ | UC_PROT_EXEC), "map code");
  uc_ok(uc_mem_map(uc, LBPF_JIT_MODEL_REGS, UC_PAGE, UC_PROT_READ | UC_PROT_WRITE), "map regs");
  uc_ok(uc_mem_map(uc, LBPF_JIT_MODEL_STACK_BASE, UC_PAGE, UC_PROT_READ | UC_PROT_WRITE),
        "map stack");
  uc_ok(uc_mem_map(uc, LBPF_JIT_MODEL_SENTINEL, UC_PAGE, UC_PROT_READ | UC_PROT_EXEC),
        "map sentinel");
  static uint8_t code[UC_CODE_SIZE];
  jit_rng = 0x4a49540003u;
  for (unsigned t = 0; t < 1500; t++) {
    struct jit_prog p = {.n = 0};
    unsigned want = 1 + (unsigned)pick(30);
    for (unsigned k = 0; k < want; k++) {
      struct lbpf_insn in = random_alu();
      jp_add(&p, in);
      if (lbpf_is_lddw(in.opcode)) jp_add(&p, (struct lbpf_insn){.imm = (int32_t)pick(1u << 31)});
    }
    ck_assert(jp_finish(&p));
    size_t len;
    /* the longest run from slot 0 */
    struct lbpf_jit_plan plan;
    lbpf_jit_plan_init(&plan);
    uint32_t run = 0;
    while (lbpf_jit_alu_slots(&p.prog, run) && lbpf_jit_plan_insn(&plan, &p.prog, run))
      run += lbpf_jit_alu_slots(&p.prog, run);
    struct lbpf_jit_buf b;
    lbpf_jit_buf_init(&b, code, sizeof code, NULL, 0, NULL, 0, NULL, 0);
    ck_assert(lbpf_jit_alu_gen(&p.prog, 0, run, &b));
    len = b.len;
    uint64_t model[LBPF_NREGS], want_regs[LBPF_NREGS];
    random_regs(model);
    memcpy(want_regs, model, sizeof model);
    for (uint32_t k = 0; k < run; k += lbpf_jit_alu_slots(&p.prog, k))
      spec_insn(&p.prog, k, want_regs);
    uint8_t file[8 * LBPF_NREGS];
    for (unsigned i = 0; i < LBPF_NREGS; i++)
      for (unsigned k = 0; k < 8; k++)
        file[8 * i + k] = (uint8_t)(model[i] >> (8 * k));
    struct lbpf_thumb_state in, out;
    struct lbpf_thumb_result res;
    ck_assert_int_eq(lbpf_jit_model_run(code, len, 0, model, &in, &out, &res), LBPF_THUMB_RETURNED);
    uc_ok(uc_mem_write(uc, LBPF_JIT_MODEL_CODE, code, len), "write code");
    uc_ok(uc_ctl_remove_cache(uc, LBPF_JIT_MODEL_CODE, LBPF_JIT_MODEL_CODE + UC_CODE_SIZE),
          "cache");
    uc_ok(uc_mem_write(uc, LBPF_JIT_MODEL_REGS, file, sizeof file), "write regs");
    for (int r = 0; r < 13; r++)
      uc_ok(uc_reg_write(uc, UC_ARM_REG_R0 + r, &in.r[r]), "reg");
    uc_ok(uc_reg_write(uc, UC_ARM_REG_SP, &in.r[LBPF_THUMB_SP]), "sp");
    uc_ok(uc_reg_write(uc, UC_ARM_REG_LR, &in.r[LBPF_THUMB_LR]), "lr");
    uc_ok(uc_emu_start(uc, LBPF_JIT_MODEL_CODE | 1u, LBPF_JIT_MODEL_SENTINEL, 0, 100000), "run");
    uint32_t ur[16];
    for (int r = 0; r < 13; r++)
      uc_reg_read(uc, UC_ARM_REG_R0 + r, &ur[r]);
    uc_reg_read(uc, UC_ARM_REG_SP, &ur[13]);
    uc_ok(uc_mem_read(uc, LBPF_JIT_MODEL_REGS, file, sizeof file), "read regs");
    for (unsigned i = 0; i < LBPF_NREGS; i++) {
      uint64_t v = 0;
      for (unsigned k = 0; k < 8; k++)
        v |= (uint64_t)file[8 * i + k] << (8 * k);
      ck_assert_msg(v == model[i] && v == want_regs[i],
                    "run %u: r%u unicorn 0x%016llx, model 0x%016llx, spec 0x%016llx", t, i,
                    (unsigned long long)v, (unsigned long long)model[i],
                    (unsigned long long)want_regs[i]);
    }
    for (int r = 4; r <= 11; r++)
      ck_assert_uint_eq(ur[r], in.r[r]);
    ck_assert_uint_eq(ur[13], in.r[LBPF_THUMB_SP]);
  }
  uc_close(uc);
}
END_TEST

Suite *jit_unicorn_suite(void) {
  Suite *s = suite_create("jit_unicorn");
  TCase *tc = tcase_create("unicorn");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, unicorn_runs);
  suite_add_tcase(s, tc);
  return s;
}
