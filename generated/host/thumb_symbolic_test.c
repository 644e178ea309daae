#line 391 "lit/thumb-symbolic.nw"
#include "lbpf_thumb_sym.h"
#include <check.h>
#include <stdlib.h>
#include <string.h>

#line 415 "lit/thumb-symbolic.nw"
#define CODE 0x1000u
#define SENTINEL 0xfffffffeu
static uint8_t code[512];
static size_t code_len;

static void assemble(const struct lbpf_thumb_insn *insns, size_t n) {
  code_len = 0;
  for (size_t k = 0; k < n; k++) {
    uint16_t hw[2];
    int size = lbpf_thumb_encode(&insns[k], hw);
    ck_assert_int_gt(size, 0);
    for (int j = 0; j < size; j++)
      code[code_len++] = (uint8_t)hw[j], code[code_len++] = (uint8_t)(hw[j] >> 8);
  }
}
static Z3_context new_context(void) {
  Z3_config cfg = Z3_mk_config();
  Z3_context ctx = Z3_mk_context(cfg);
  Z3_del_config(cfg);
  return ctx;
}
/* Run the assembled code symbolically from fresh variables, with LR = sentinel. */
static void run_symbolic(Z3_context ctx, struct lbpf_thumb_sym_state *s) {
  lbpf_thumb_sym_init(s, ctx);
  s->r[14] = Z3_mk_unsigned_int(ctx, SENTINEL | 1, Z3_mk_bv_sort(ctx, 32));
  s->pc = CODE;
  struct lbpf_thumb_result r;
  ck_assert_int_eq(lbpf_thumb_sym_run(s, code, code_len, CODE, NULL, 0, SENTINEL, 100, &r),
                   LBPF_THUMB_RETURNED);
}
/* hi:lo as a 64-bit term */
static Z3_ast pair(Z3_context ctx, Z3_ast hi, Z3_ast lo) {
  return Z3_mk_concat(ctx, hi, lo);
}
static Z3_ast var(Z3_context ctx, const char *name) {
  return Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), Z3_mk_bv_sort(ctx, 32));
}
/* The 64-bit addition claim for the state after the run. */
static Z3_ast add64_claim(Z3_context ctx, const struct lbpf_thumb_sym_state *s) {
  Z3_ast sum = Z3_mk_bvadd(ctx, pair(ctx, var(ctx, "r01"), var(ctx, "r00")),
                           pair(ctx, var(ctx, "r03"), var(ctx, "r02")));
  return Z3_mk_eq(ctx, pair(ctx, s->r[1], s->r[0]), sum);
}
static const struct lbpf_thumb_insn bx_lr = {
    .form = LBPF_THUMB_F_BX, .op = LBPF_THUMB_BX, .rm = 14};
#line 459 "lit/thumb-symbolic.nw"
START_TEST(add64_is_proved) {
  struct lbpf_thumb_insn p[] = {
      {.form = LBPF_THUMB_F_DP_REG, .op = LBPF_THUMB_ADD, .setflags = 1, .rd = 0, .rn = 0, .rm = 2},
      {.form = LBPF_THUMB_F_DP_REG, .op = LBPF_THUMB_ADC, .rd = 1, .rn = 1, .rm = 3},
      bx_lr};
  assemble(p, 3);
  Z3_context ctx = new_context();
  struct lbpf_thumb_sym_state s;
  run_symbolic(ctx, &s);
  Z3_solver solver = Z3_mk_solver(ctx);
  Z3_solver_inc_ref(ctx, solver);
  Z3_solver_assert(ctx, solver, Z3_mk_not(ctx, add64_claim(ctx, &s)));
  ck_assert_int_eq(Z3_solver_check(ctx, solver), Z3_L_FALSE); /* no counterexample: proved */
  Z3_solver_dec_ref(ctx, solver);
  Z3_del_context(ctx);
}
END_TEST
#line 479 "lit/thumb-symbolic.nw"
START_TEST(add64_without_carry_is_refuted) {
  struct lbpf_thumb_insn p[] = {
      {.form = LBPF_THUMB_F_DP_REG, .op = LBPF_THUMB_ADD, .rd = 0, .rn = 0, .rm = 2},
      {.form = LBPF_THUMB_F_DP_REG, .op = LBPF_THUMB_ADC, .rd = 1, .rn = 1, .rm = 3},
      bx_lr};
  assemble(p, 3);
  Z3_context ctx = new_context();
  struct lbpf_thumb_sym_state s;
  run_symbolic(ctx, &s);
  Z3_solver solver = Z3_mk_solver(ctx);
  Z3_solver_inc_ref(ctx, solver);
  Z3_solver_assert(ctx, solver, Z3_mk_not(ctx, add64_claim(ctx, &s)));
  ck_assert_int_eq(Z3_solver_check(ctx, solver), Z3_L_TRUE); /* a counterexample exists */
  Z3_model model = Z3_solver_get_model(ctx, solver);
  Z3_model_inc_ref(ctx, model);
  /* read the counterexample: r0..r3 and the carry flag */
  struct lbpf_thumb_state cs;
  memset(&cs, 0, sizeof cs);
  static const char *const names[4] = {"r00", "r01", "r02", "r03"};
  for (int k = 0; k < 4; k++) {
    Z3_ast value;
    unsigned u = 0;
    ck_assert(Z3_model_eval(ctx, model, var(ctx, names[k]), true, &value));
    ck_assert(Z3_get_numeral_uint(ctx, value, &u));
    cs.r[k] = u;
  }
  Z3_ast carry;
  Z3_ast c_var = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, "c"), Z3_mk_bool_sort(ctx));
  ck_assert(Z3_model_eval(ctx, model, c_var, true, &carry));
  cs.c = Z3_get_bool_value(ctx, carry) == Z3_L_TRUE;
  Z3_model_dec_ref(ctx, model);
  Z3_solver_dec_ref(ctx, solver);
  Z3_del_context(ctx);
  /* the concrete machine, on Z3's counterexample, computes a wrong sum */
  uint64_t want = ((uint64_t)cs.r[1] << 32 | cs.r[0]) + ((uint64_t)cs.r[3] << 32 | cs.r[2]);
  struct lbpf_thumb_area area = {CODE, (uint32_t)code_len, LBPF_THUMB_READ | LBPF_THUMB_EXEC, code};
  struct lbpf_thumb_result r;
  cs.r[14] = SENTINEL | 1, cs.r[15] = CODE | 1;
  ck_assert_int_eq(lbpf_thumb_run(&cs, &area, 1, SENTINEL, 100, &r), LBPF_THUMB_RETURNED);
  ck_assert_uint_ne((uint64_t)cs.r[1] << 32 | cs.r[0], want);
}
END_TEST
#line 532 "lit/thumb-symbolic.nw"
START_TEST(symbolic_agrees_with_concrete) {
  static const unsigned forms[] = {
      LBPF_THUMB_F_SHIFT_IMM16, LBPF_THUMB_F_ADDSUB_REG16, LBPF_THUMB_F_ADDSUB_IMM3,
      LBPF_THUMB_F_MOV_IMM8,    LBPF_THUMB_F_CMP_IMM8,     LBPF_THUMB_F_ADDSUB_IMM8,
      LBPF_THUMB_F_DP_REG16,    LBPF_THUMB_F_DP_IMM,       LBPF_THUMB_F_ADDSUBW,
      LBPF_THUMB_F_MOVWT,       LBPF_THUMB_F_BITFIELD,     LBPF_THUMB_F_DP_REG,
      LBPF_THUMB_F_SHIFT_REG,   LBPF_THUMB_F_EXTEND16,     LBPF_THUMB_F_EXTEND,
      LBPF_THUMB_F_REV16,       LBPF_THUMB_F_MISC,         LBPF_THUMB_F_MUL,
      LBPF_THUMB_F_MULL,        LBPF_THUMB_F_DIV};
  uint64_t rng = 2024;
  Z3_context ctx = new_context();
  for (int prog = 0; prog < 60; prog++) {
    struct lbpf_thumb_insn p[9];
    int n = 0;
    while (n < 8) {
      struct lbpf_thumb_insn i;
      lbpf_thumb_random_insn(&rng, forms[lbpf_thumb_rand(&rng) % (sizeof forms / sizeof *forms)],
                             &i);
      if (i.rd >= 13 || i.rn == 13 || i.rm == 13 || i.ra >= 13) continue; /* keep sp, lr, pc out */
      p[n++] = i;
    }
    p[n++] = bx_lr;
    assemble(p, (size_t)n);
    struct lbpf_thumb_sym_state s;
    run_symbolic(ctx, &s);
    for (int trial = 0; trial < 4; trial++) {
      struct lbpf_thumb_state cs;
      memset(&cs, 0, sizeof cs);
      Z3_ast from[17], to[17];
      Z3_sort bv32 = Z3_mk_bv_sort(ctx, 32);
      for (int k = 0; k < 13; k++) {
        static const uint32_t edges[] = {
            0, 1, 2, 31, 32, 33, 255, 256, 0x7fffffffu, 0x80000000u, 0xffffffffu, 0xffffff00u};
        cs.r[k] = (uint32_t)lbpf_thumb_rand(&rng);
        if (trial == 0 && k % 3 == 0) cs.r[k] = 0; /* zeros: division by zero */
        if (trial == 1) cs.r[k] = edges[lbpf_thumb_rand(&rng) % (sizeof edges / sizeof *edges)];
        char name[4] = {'r', (char)('0' + k / 10), (char)('0' + k % 10), 0};
        from[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), bv32);
        to[k] = Z3_mk_unsigned_int(ctx, cs.r[k], bv32);
      }
      static const char *const flag_names[4] = {"n", "z", "c", "v"};
      uint32_t *cflags[4] = {&cs.n, &cs.z, &cs.c, &cs.v};
      for (int k = 0; k < 4; k++) {
        *cflags[k] = (uint32_t)(lbpf_thumb_rand(&rng) & 1);
        from[13 + k] =
            Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, flag_names[k]), Z3_mk_bool_sort(ctx));
        to[13 + k] = *cflags[k] ? Z3_mk_true(ctx) : Z3_mk_false(ctx);
      }
      cs.r[14] = SENTINEL | 1, cs.r[15] = CODE | 1;
      struct lbpf_thumb_area area = {CODE, (uint32_t)code_len, LBPF_THUMB_READ | LBPF_THUMB_EXEC,
                                     code};
      struct lbpf_thumb_result r;
      ck_assert_int_eq(lbpf_thumb_run(&cs, &area, 1, SENTINEL, 100, &r), LBPF_THUMB_RETURNED);
      Z3_ast finals[17];
      memcpy(finals, s.r, 13 * sizeof(Z3_ast));
      finals[13] = s.n, finals[14] = s.z, finals[15] = s.c, finals[16] = s.v;
      uint32_t want[17];
      memcpy(want, cs.r, 13 * sizeof(uint32_t));
      want[13] = cs.n, want[14] = cs.z, want[15] = cs.c, want[16] = cs.v;
      for (int k = 0; k < 17; k++) {
        Z3_ast value = Z3_simplify(ctx, Z3_substitute(ctx, finals[k], 17, from, to));
        unsigned u = 0;
        if (k < 13) {
          ck_assert(Z3_get_numeral_uint(ctx, value, &u));
        } else { /* a flag: a Boolean term */
          Z3_lbool truth = Z3_get_bool_value(ctx, value);
          ck_assert(truth != Z3_L_UNDEF);
          u = truth == Z3_L_TRUE;
        }
        ck_assert_msg(u == want[k], "program %d, trial %d, value %d: symbolic %08x concrete %08x",
                      prog, trial, k, u, want[k]);
      }
    }
  }
  Z3_del_context(ctx);
}
END_TEST
#line 616 "lit/thumb-symbolic.nw"
START_TEST(symbolic_memory) {
  enum { DATA = 0x20000000 };
  struct lbpf_thumb_insn p[] = {
      {.form = LBPF_THUMB_F_LDST_IMM16, .op = LBPF_THUMB_STR, .rd = 0, .rn = 1, .imm = 8},
      {.form = LBPF_THUMB_F_LDST_IMM12, .op = LBPF_THUMB_LDRB, .rd = 2, .rn = 1, .imm = 9},
      {.form = LBPF_THUMB_F_LDST_IMM12, .op = LBPF_THUMB_LDRSH, .rd = 3, .rn = 1, .imm = 10},
      {.form = LBPF_THUMB_F_PUSHPOP16, .op = LBPF_THUMB_PUSH, .reglist = 0x30},
      {.form = LBPF_THUMB_F_MOV_IMM8, .op = LBPF_THUMB_MOV, .rd = 4, .imm = 0},
      {.form = LBPF_THUMB_F_MOV_IMM8, .op = LBPF_THUMB_MOV, .rd = 5, .imm = 0},
      {.form = LBPF_THUMB_F_PUSHPOP16, .op = LBPF_THUMB_POP, .reglist = 0x30},
      bx_lr};
  assemble(p, sizeof p / sizeof *p);
  Z3_context ctx = new_context();
  Z3_sort bv8 = Z3_mk_bv_sort(ctx, 8), bv32 = Z3_mk_bv_sort(ctx, 32);
  Z3_ast bytes[64];
  for (int k = 0; k < 64; k++) {
    char name[8] = {'m', (char)('0' + k / 10), (char)('0' + k % 10), 0};
    bytes[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), bv8);
  }
  struct lbpf_thumb_sym_area area = {DATA, 64, LBPF_THUMB_READ | LBPF_THUMB_WRITE, bytes, NULL};
  struct lbpf_thumb_sym_state s;
  lbpf_thumb_sym_init(&s, ctx);
  s.r[1] = Z3_mk_unsigned_int(ctx, DATA, bv32);
  s.r[13] = Z3_mk_unsigned_int(ctx, DATA + 64, bv32);
  s.r[14] = Z3_mk_unsigned_int(ctx, SENTINEL | 1, bv32);
  s.pc = CODE;
  struct lbpf_thumb_result r;
  ck_assert_int_eq(lbpf_thumb_sym_run(&s, code, code_len, CODE, &area, 1, SENTINEL, 100, &r),
                   LBPF_THUMB_RETURNED);
  Z3_ast r0 = var(ctx, "r00");
  Z3_ast byte1 = Z3_mk_zero_ext(ctx, 24, Z3_mk_extract(ctx, 15, 8, r0));
  Z3_ast half1 = Z3_mk_sign_ext(ctx, 16, Z3_mk_extract(ctx, 31, 16, r0));
  Z3_ast claims[4] = {Z3_mk_eq(ctx, s.r[2], byte1), Z3_mk_eq(ctx, s.r[3], half1),
                      Z3_mk_eq(ctx, s.r[4], var(ctx, "r04")),
                      Z3_mk_eq(ctx, s.r[5], var(ctx, "r05"))};
  Z3_solver solver = Z3_mk_solver(ctx);
  Z3_solver_inc_ref(ctx, solver);
  Z3_solver_assert(ctx, solver, Z3_mk_not(ctx, Z3_mk_and(ctx, 4, claims)));
  ck_assert_int_eq(Z3_solver_check(ctx, solver), Z3_L_FALSE);
  Z3_solver_dec_ref(ctx, solver);
  /* an address that depends on a symbolic register is not guessed */
  struct lbpf_thumb_insn q[] = {
      {.form = LBPF_THUMB_F_LDST_IMM16, .op = LBPF_THUMB_LDR, .rd = 0, .rn = 2, .imm = 0}, bx_lr};
  assemble(q, 2);
  lbpf_thumb_sym_init(&s, ctx);
  s.r[14] = Z3_mk_unsigned_int(ctx, SENTINEL | 1, bv32);
  s.pc = CODE;
  ck_assert_int_eq(lbpf_thumb_sym_run(&s, code, code_len, CODE, &area, 1, SENTINEL, 100, &r),
                   LBPF_THUMB_SYMBOLIC);
  ck_assert_uint_eq(r.pc, CODE);
  Z3_del_context(ctx);
}
END_TEST
#line 678 "lit/thumb-symbolic.nw"
START_TEST(placed_memory) {
  struct lbpf_thumb_insn p[] = {
      {.form = LBPF_THUMB_F_LDST_IMM12, .op = LBPF_THUMB_STR, .rd = 0, .rn = 1, .imm = 4},
      {.form = LBPF_THUMB_F_LDST_IMM12, .op = LBPF_THUMB_LDRSH, .rd = 2, .rn = 1, .imm = 6},
      {.form = LBPF_THUMB_F_LDST_IMM12, .op = LBPF_THUMB_LDR, .rd = 3, .rn = 1, .imm = 8},
      {.form = LBPF_THUMB_F_LDST_IMM12, .op = LBPF_THUMB_LDR, .rd = 3, .rn = 1, .imm = 10},
      bx_lr};
  assemble(p, sizeof p / sizeof *p);
  Z3_context ctx = new_context();
  Z3_sort bv8 = Z3_mk_bv_sort(ctx, 8), bv32 = Z3_mk_bv_sort(ctx, 32);
  Z3_ast bytes[8], at = var(ctx, "p");
  for (int k = 0; k < 8; k++) {
    char name[4] = {'b', (char)('0' + k), 0};
    bytes[k] = Z3_mk_const(ctx, Z3_mk_string_symbol(ctx, name), bv8);
  }
  struct lbpf_thumb_sym_area area = {0, 8, LBPF_THUMB_READ | LBPF_THUMB_WRITE, bytes, at};
  struct lbpf_thumb_sym_state s;
  lbpf_thumb_sym_init(&s, ctx);
  s.r[1] = Z3_mk_bvsub(ctx, at, Z3_mk_unsigned_int(ctx, 4, bv32));
  s.r[14] = Z3_mk_unsigned_int(ctx, SENTINEL | 1, bv32);
  s.pc = CODE;
  struct lbpf_thumb_result r;
  ck_assert_int_eq(lbpf_thumb_sym_run(&s, code, code_len, CODE, &area, 1, SENTINEL, 100, &r),
                   LBPF_THUMB_FAULT_MEMORY);
  ck_assert_uint_eq(r.pc, CODE + 12);
  ck_assert_uint_eq(r.fault_addr, 6);
  Z3_ast r0 = var(ctx, "r00");
  Z3_ast stored = Z3_mk_concat(ctx, Z3_mk_concat(ctx, bytes[3], bytes[2]),
                               Z3_mk_concat(ctx, bytes[1], bytes[0]));
  Z3_ast claims[3] = {
      Z3_mk_eq(ctx, s.r[2], Z3_mk_sign_ext(ctx, 16, Z3_mk_extract(ctx, 31, 16, r0))),
      Z3_mk_eq(ctx, stored, r0),
      Z3_mk_eq(ctx, s.r[3],
               Z3_mk_concat(ctx, Z3_mk_concat(ctx, bytes[7], bytes[6]),
                            Z3_mk_concat(ctx, bytes[5], bytes[4])))};
  Z3_solver solver = Z3_mk_solver(ctx);
  Z3_solver_inc_ref(ctx, solver);
  Z3_solver_assert(ctx, solver, Z3_mk_not(ctx, Z3_mk_and(ctx, 3, claims)));
  ck_assert_int_eq(Z3_solver_check(ctx, solver), Z3_L_FALSE);
  Z3_solver_dec_ref(ctx, solver);
  struct lbpf_thumb_insn q[] = {{.form = LBPF_THUMB_F_LDRD_STRD,
                                 .op = LBPF_THUMB_LDRD,
                                 .rd = 2,
                                 .ra = 3,
                                 .rn = 1,
                                 .imm = 4,
                                 .add = 1},
                                bx_lr};
  assemble(q, 2);
  lbpf_thumb_sym_init(&s, ctx);
  s.r[1] = Z3_mk_bvsub(ctx, at, Z3_mk_unsigned_int(ctx, 4, bv32));
  s.r[14] = Z3_mk_unsigned_int(ctx, SENTINEL | 1, bv32);
  s.pc = CODE;
  ck_assert_int_eq(lbpf_thumb_sym_run(&s, code, code_len, CODE, &area, 1, SENTINEL, 100, &r),
                   LBPF_THUMB_SYMBOLIC);
  Z3_del_context(ctx);
}
END_TEST
#line 739 "lit/thumb-symbolic.nw"
START_TEST(both_sides_of_a_branch) {
  struct lbpf_thumb_insn p[] = {
      {.form = LBPF_THUMB_F_DP_REG16,
       .op = LBPF_THUMB_CMP,
       .setflags = 1,
       .rd = 0,
       .rn = 0,
       .rm = 1},
      {.form = LBPF_THUMB_F_BCOND16, .op = LBPF_THUMB_B, .cond = LBPF_THUMB_NE, .imm = 4},
      {.form = LBPF_THUMB_F_MOVWT, .op = LBPF_THUMB_MOVW, .rd = 2, .imm = 1},
      bx_lr,
      {.form = LBPF_THUMB_F_MOVWT, .op = LBPF_THUMB_MOVW, .rd = 2, .imm = 2},
      bx_lr};
  assemble(p, sizeof p / sizeof *p);
  Z3_context ctx = new_context();
  Z3_sort bv32 = Z3_mk_bv_sort(ctx, 32);
  Z3_ast equal = Z3_mk_eq(ctx, var(ctx, "r00"), var(ctx, "r01")), paths[2];
  struct lbpf_thumb_sym_state s;
  struct lbpf_thumb_result r;
  lbpf_thumb_sym_init(&s, ctx);
  s.r[14] = Z3_mk_unsigned_int(ctx, SENTINEL | 1, bv32);
  s.pc = CODE;
  ck_assert_int_eq(lbpf_thumb_sym_run(&s, code, code_len, CODE, NULL, 0, SENTINEL, 100, &r),
                   LBPF_THUMB_SYMBOLIC);
  ck_assert(s.lacks_decision);
  for (uint8_t d = 0; d < 2; d++) {
    lbpf_thumb_sym_init(&s, ctx);
    s.r[14] = Z3_mk_unsigned_int(ctx, SENTINEL | 1, bv32);
    s.pc = CODE;
    s.decisions = &d, s.ndecisions = 1;
    ck_assert_int_eq(lbpf_thumb_sym_run(&s, code, code_len, CODE, NULL, 0, SENTINEL, 100, &r),
                     LBPF_THUMB_RETURNED);
    ck_assert_uint_eq(s.decided, 1);
    paths[d] = s.path;
    Z3_ast claim = Z3_mk_implies(
        ctx, s.path,
        Z3_mk_and(ctx, 2,
                  (Z3_ast[]){d ? Z3_mk_not(ctx, equal) : equal,
                             Z3_mk_eq(ctx, s.r[2], Z3_mk_unsigned_int(ctx, 1u + d, bv32))}));
    Z3_solver solver = Z3_mk_solver(ctx);
    Z3_solver_inc_ref(ctx, solver);
    Z3_solver_assert(ctx, solver, Z3_mk_not(ctx, claim));
    ck_assert_int_eq(Z3_solver_check(ctx, solver), Z3_L_FALSE);
    Z3_solver_dec_ref(ctx, solver);
  }
  Z3_solver solver = Z3_mk_solver(ctx);
  Z3_solver_inc_ref(ctx, solver);
  Z3_solver_assert(ctx, solver, Z3_mk_not(ctx, Z3_mk_or(ctx, 2, paths)));
  ck_assert_int_eq(Z3_solver_check(ctx, solver), Z3_L_FALSE);
  Z3_solver_dec_ref(ctx, solver);
  Z3_del_context(ctx);
}
END_TEST

#line 399 "lit/thumb-symbolic.nw"
Suite *thumb_symbolic_suite(void) {
  Suite *s = suite_create("thumb_symbolic");
  TCase *tc = tcase_create("proofs");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, add64_is_proved);
  tcase_add_test(tc, add64_without_carry_is_refuted);
  tcase_add_test(tc, symbolic_agrees_with_concrete);
  tcase_add_test(tc, symbolic_memory);
  tcase_add_test(tc, placed_memory);
  tcase_add_test(tc, both_sides_of_a_branch);
  suite_add_tcase(s, tc);
  return s;
}
