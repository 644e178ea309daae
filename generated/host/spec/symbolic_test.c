#line 151 "spec/symbolic.nw"
#include <check.h>
#include <stdint.h>
#include <z3.h>

#include "lbpf.h"
#include "lbpf_isa.h"
#include "lbpf_spec_sym.h"

#line 179 "spec/symbolic.nw"
static Z3_context z3;
static Z3_solver solver;
static Z3_ast d, s;

static Z3_ast bv64(uint64_t k) {
  return lbpf_spec_sym_value(z3, k);
}
static Z3_ast alu_result(uint8_t opcode, int16_t offset, int32_t imm, Z3_ast dv, Z3_ast sv) {
  return lbpf_spec_sym_alu(z3, opcode, offset, imm, dv, sv);
}

static void open_solver(void) {
  Z3_config cfg = Z3_mk_config();
  z3 = Z3_mk_context(cfg);
  Z3_del_config(cfg);
  solver = Z3_mk_solver(z3);
  Z3_solver_inc_ref(z3, solver);
  d = Z3_mk_const(z3, Z3_mk_string_symbol(z3, "d"), Z3_mk_bv_sort(z3, 64));
  s = Z3_mk_const(z3, Z3_mk_string_symbol(z3, "s"), Z3_mk_bv_sort(z3, 64));
}

static void close_solver(void) {
  Z3_solver_dec_ref(z3, solver);
  Z3_del_context(z3);
}

static int valid(Z3_ast claim, const char *what) {
  Z3_solver_push(z3, solver);
  Z3_solver_assert(z3, solver, Z3_mk_not(z3, claim));
  Z3_lbool r = Z3_solver_check(z3, solver);
  if (r == Z3_L_TRUE)
    fprintf(stderr, "counterexample to %s:\n%s\n", what,
            Z3_model_to_string(z3, Z3_solver_get_model(z3, solver)));
  Z3_solver_pop(z3, solver, 1);
  return r == Z3_L_FALSE;
}
#line 227 "spec/symbolic.nw"
static Z3_ast lo(Z3_ast a) {
  return Z3_mk_extract(z3, 31, 0, a);
}
static Z3_ast zext(Z3_ast a32) {
  return Z3_mk_zero_ext(z3, 32, a32);
}
static Z3_ast bv32(uint32_t k) {
  return Z3_mk_unsigned_int(z3, k, Z3_mk_bv_sort(z3, 32));
}

/* RFC 9669's 32-bit operations, on 32-bit vectors a and b. */
static Z3_ast reference32(uint8_t op, int16_t offset, Z3_ast a, Z3_ast b) {
  Z3_ast zero = Z3_mk_eq(z3, b, bv32(0)), amount = Z3_mk_bvand(z3, b, bv32(31));
  switch (op) {
  case LBPF_ALU_ADD: return Z3_mk_bvadd(z3, a, b);
  case LBPF_ALU_SUB: return Z3_mk_bvsub(z3, a, b);
  case LBPF_ALU_MUL: return Z3_mk_bvmul(z3, a, b);
  case LBPF_ALU_DIV:
    return Z3_mk_ite(z3, zero, bv32(0), offset ? Z3_mk_bvsdiv(z3, a, b) : Z3_mk_bvudiv(z3, a, b));
  case LBPF_ALU_MOD:
    return Z3_mk_ite(z3, zero, a, offset ? Z3_mk_bvsrem(z3, a, b) : Z3_mk_bvurem(z3, a, b));
  case LBPF_ALU_OR: return Z3_mk_bvor(z3, a, b);
  case LBPF_ALU_AND: return Z3_mk_bvand(z3, a, b);
  case LBPF_ALU_XOR: return Z3_mk_bvxor(z3, a, b);
  case LBPF_ALU_LSH: return Z3_mk_bvshl(z3, a, amount);
  case LBPF_ALU_RSH: return Z3_mk_bvlshr(z3, a, amount);
  case LBPF_ALU_ARSH: return Z3_mk_bvashr(z3, a, amount);
  case LBPF_ALU_NEG: return Z3_mk_bvneg(z3, a);
  default: /* MOV, or MOVSX from offset bits */
    return offset ? Z3_mk_sign_ext(z3, 32 - offset, Z3_mk_extract(z3, offset - 1, 0, b)) : b;
  }
}

struct alu_case {
  uint8_t op;
  int16_t offset;
  int proved; /* decided by Z3 for all operands, or checked on sample values */
};

static const struct alu_case alu32_cases[] = {
    {LBPF_ALU_ADD, 0, 1},  {LBPF_ALU_SUB, 0, 1}, {LBPF_ALU_MUL, 0, 1}, {LBPF_ALU_DIV, 0, 0},
    {LBPF_ALU_DIV, 1, 0},  {LBPF_ALU_MOD, 0, 0}, {LBPF_ALU_MOD, 1, 0}, {LBPF_ALU_OR, 0, 1},
    {LBPF_ALU_AND, 0, 1},  {LBPF_ALU_XOR, 0, 1}, {LBPF_ALU_LSH, 0, 1}, {LBPF_ALU_RSH, 0, 1},
    {LBPF_ALU_ARSH, 0, 1}, {LBPF_ALU_NEG, 0, 1}, {LBPF_ALU_MOV, 0, 1}, {LBPF_ALU_MOV, 8, 1},
    {LBPF_ALU_MOV, 16, 1}};

START_TEST(alu32_is_32bit_arithmetic) {
  const struct alu_case c = alu32_cases[_i];
  if (!c.proved) return; /* see the sampled check below */
  uint8_t opcode = (uint8_t)(LBPF_CLASS_ALU | LBPF_SRC_X | c.op);
  Z3_ast result = alu_result(opcode, c.offset, 0, d, s);
  char what[64];
  snprintf(what, sizeof what, "alu32 op 0x%02x offset %d", c.op, c.offset);
  ck_assert_msg(valid(Z3_mk_eq(z3, Z3_mk_extract(z3, 63, 32, result), bv32(0)), what),
                "%s: upper half not zero", what);
  ck_assert_msg(valid(Z3_mk_eq(z3, result, zext(reference32(c.op, c.offset, lo(d), lo(s)))), what),
                "%s differs from 32-bit arithmetic", what);
}
END_TEST
#line 291 "spec/symbolic.nw"
static uint64_t constant(Z3_ast t) {
  uint64_t k = 0;
  ck_assert(Z3_get_numeral_uint64(z3, Z3_simplify(z3, t), &k));
  return k;
}

#line 423 "spec/symbolic.nw"
#define NSAMPLES 24
static uint64_t sample[NSAMPLES] = {0,          1,
                                    2,          7,
                                    31,         32,
                                    63,         64,
                                    0x7fffffff, 0x80000000,
                                    0xffffffff, UINT64_C(0x100000000),
                                    INT64_MAX,  (uint64_t)INT64_MIN,
                                    UINT64_MAX, UINT64_MAX - 1};

static void fill_samples(void) {
  uint64_t x = UINT64_C(0x9e3779b97f4a7c15);
  for (unsigned i = 16; i < NSAMPLES; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    sample[i] = x;
  }
}

#line 299 "spec/symbolic.nw"
START_TEST(alu32_division_on_samples) {
  for (size_t c = 0; c < sizeof alu32_cases / sizeof alu32_cases[0]; c++) {
    if (alu32_cases[c].proved) continue;
    uint8_t opcode = (uint8_t)(LBPF_CLASS_ALU | LBPF_SRC_X | alu32_cases[c].op);
    for (unsigned i = 0; i < NSAMPLES; i++)
      for (unsigned j = 0; j < NSAMPLES; j++) {
        Z3_ast dv = bv64(sample[i]), sv = bv64(sample[j]);
        ck_assert_uint_eq(
            constant(alu_result(opcode, alu32_cases[c].offset, 0, dv, sv)),
            constant(zext(reference32(alu32_cases[c].op, alu32_cases[c].offset, lo(dv), lo(sv)))));
      }
  }
}
END_TEST
#line 320 "spec/symbolic.nw"
static Z3_ast reference_cond32(uint8_t op, Z3_ast a, Z3_ast b) {
  switch (op) {
  case LBPF_JMP_JEQ: return Z3_mk_eq(z3, a, b);
  case LBPF_JMP_JNE: return Z3_mk_not(z3, Z3_mk_eq(z3, a, b));
  case LBPF_JMP_JGT: return Z3_mk_bvugt(z3, a, b);
  case LBPF_JMP_JGE: return Z3_mk_bvuge(z3, a, b);
  case LBPF_JMP_JLT: return Z3_mk_bvult(z3, a, b);
  case LBPF_JMP_JLE: return Z3_mk_bvule(z3, a, b);
  case LBPF_JMP_JSGT: return Z3_mk_bvsgt(z3, a, b);
  case LBPF_JMP_JSGE: return Z3_mk_bvsge(z3, a, b);
  case LBPF_JMP_JSLT: return Z3_mk_bvslt(z3, a, b);
  case LBPF_JMP_JSLE: return Z3_mk_bvsle(z3, a, b);
  default: return Z3_mk_not(z3, Z3_mk_eq(z3, Z3_mk_bvand(z3, a, b), bv32(0))); /* JSET */
  }
}

static const uint8_t conditions[] = {LBPF_JMP_JEQ,  LBPF_JMP_JNE,  LBPF_JMP_JGT,  LBPF_JMP_JGE,
                                     LBPF_JMP_JLT,  LBPF_JMP_JLE,  LBPF_JMP_JSGT, LBPF_JMP_JSGE,
                                     LBPF_JMP_JSLT, LBPF_JMP_JSLE, LBPF_JMP_JSET};

START_TEST(jmp32_compares_32bit_values) {
  uint8_t op = conditions[_i];
  Z3_ast taken = lbpf_spec_sym_jump_taken(z3, (uint8_t)(LBPF_CLASS_JMP32 | LBPF_SRC_X | op), d, s);
  ck_assert_msg(valid(Z3_mk_eq(z3, taken, reference_cond32(op, lo(d), lo(s))), "jmp32"),
                "jmp32 condition 0x%02x differs from the 32-bit comparison", op);
}
END_TEST
#line 354 "spec/symbolic.nw"
START_TEST(byte_swaps) {
  for (int32_t w = 16; w <= 64; w *= 2) {
    Z3_ast once = alu_result(LBPF_CLASS_ALU64 | LBPF_ALU_END, 0, w, d, s);
    Z3_ast twice = alu_result(LBPF_CLASS_ALU64 | LBPF_ALU_END, 0, w, once, s);
    Z3_ast be = alu_result(LBPF_CLASS_ALU | LBPF_SRC_X | LBPF_ALU_END, 0, w, d, s);
    Z3_ast low = w == 64 ? d : Z3_mk_zero_ext(z3, 64 - w, Z3_mk_extract(z3, w - 1, 0, d));
    ck_assert(valid(Z3_mk_eq(z3, twice, low), "bswap involution"));
    ck_assert(valid(Z3_mk_eq(z3, be, once), "be = bswap"));
  }
}
END_TEST
#line 377 "spec/symbolic.nw"
static uint64_t concrete_run(uint8_t opcode, int16_t offset, int32_t imm, uint64_t dv,
                             uint64_t sv) {
  /* r0 = dv; r1 = sv; op r0, r1; exit — run by the spec engine. */
  uint8_t code[6 * 8], stack[LBPF_STACK_SIZE];
  const struct lbpf_insn p[] = {{0x18, 0, 0, 0, (int32_t)(uint32_t)dv},
                                {0, 0, 0, 0, (int32_t)(uint32_t)(dv >> 32)},
                                {0x18, 1, 0, 0, (int32_t)(uint32_t)sv},
                                {0, 0, 0, 0, (int32_t)(uint32_t)(sv >> 32)},
                                {opcode, 0, LBPF_OP(opcode) == LBPF_ALU_NEG ? 0 : 1, offset, imm},
                                {0x95, 0, 0, 0, 0}};
  for (int i = 0; i < 6; i++)
    lbpf_encode(p[i], code + 8 * i);
  struct lbpf_env env = {NULL, 0, NULL, 0, NULL, 10, stack, sizeof stack};
  struct lbpf_program prog;
  struct lbpf_result r;
  ck_assert_int_eq(lbpf_verify(code, sizeof code, &env, &prog, NULL), LBPF_OK);
  lbpf_spec_run(&prog, &env, NULL, 0, &r);
  ck_assert_int_eq(r.status, LBPF_OK);
  return r.r0;
}

static uint64_t symbolic_value(uint8_t opcode, int16_t offset, int32_t imm, uint64_t dv,
                               uint64_t sv) {
  uint64_t k = 0;
  Z3_ast t = Z3_simplify(z3, alu_result(opcode, offset, imm, bv64(dv), bv64(sv)));
  ck_assert(Z3_get_numeral_uint64(z3, t, &k));
  return k;
}

START_TEST(instances_agree) {
  for (unsigned i = 0; i < NSAMPLES; i++)
    for (unsigned j = 0; j < NSAMPLES; j++)
      for (size_t c = 0; c < sizeof alu32_cases / sizeof alu32_cases[0]; c++)
        for (int cls = 0; cls < 2; cls++) {
          uint8_t op = alu32_cases[c].op;
          uint8_t opcode = (uint8_t)((cls ? LBPF_CLASS_ALU64 : LBPF_CLASS_ALU) | op |
                                     (op == LBPF_ALU_NEG ? 0 : LBPF_SRC_X));
          int16_t off = alu32_cases[c].offset;
          ck_assert_uint_eq(symbolic_value(opcode, off, 0, sample[i], sample[j]),
                            concrete_run(opcode, off, 0, sample[i], sample[j]));
        }
}
END_TEST

#line 163 "spec/symbolic.nw"
Suite *symbolic_suite(void) {
  Suite *s = suite_create("symbolic");
  TCase *tc = tcase_create("symbolic");
  tcase_set_timeout(tc, 120);
  tcase_add_checked_fixture(tc, open_solver, close_solver);

#line 440 "spec/symbolic.nw"
  fill_samples();
  tcase_add_loop_test(tc, alu32_is_32bit_arithmetic, 0,
                      (int)(sizeof alu32_cases / sizeof alu32_cases[0]));
  tcase_add_test(tc, alu32_division_on_samples);
  tcase_add_loop_test(tc, jmp32_compares_32bit_values, 0, (int)sizeof conditions);
  tcase_add_test(tc, byte_swaps);
  tcase_add_test(tc, instances_agree);
#line 169 "spec/symbolic.nw"
  suite_add_tcase(s, tc);
  return s;
}
