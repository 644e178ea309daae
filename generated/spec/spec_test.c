#line 764 "spec/isa.nw"
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "lbpf.h"
#include "lbpf_engines.h"
#include "lbpf_isa.h"

#line 786 "spec/isa.nw"
#define INSN(op, d, s, off, k) ((struct lbpf_insn){(op), (d), (s), (off), (k)})
#define MOV64_K(d, k) INSN(0xb7, d, 0, 0, k)
#define MOV64_X(d, s) INSN(0xbf, d, s, 0, 0)
#define ADD64_K(d, k) INSN(0x07, d, 0, 0, k)
#define EXIT INSN(0x95, 0, 0, 0, 0)
#define JA(off) INSN(0x05, 0, 0, off, 0)
#define LDDW(d, lo, hi) INSN(0x18, d, 0, 0, lo), INSN(0, 0, 0, 0, hi)
#define CALL(id) INSN(0x85, 0, 0, 0, id)
#define CALL_LOCAL(off) INSN(0x85, 0, 1, 0, off)

static uint8_t code_buf[64 * 8];

static size_t encode(const struct lbpf_insn *insns, size_t n) {
  for (size_t i = 0; i < n; i++)
    lbpf_encode(insns[i], code_buf + 8 * i);
  return 8 * n;
}

/* Every test starts from the standard test environment of the engines
   chapter, with a budget of 1000. */
static uint8_t test_stack[LBPF_MAX_CALL_DEPTH * LBPF_STACK_SIZE];
static struct lbpf_env test_env;

static void standard_env(void) {
  lbpf_test_env(&test_env, test_stack, sizeof test_stack, 1000);
}

/* Verify a program and expect the given status at the given pc. */
#define VERIFY(want, at, ...)                                                                      \
  do {                                                                                             \
    const struct lbpf_insn p_[] = {__VA_ARGS__};                                                   \
    struct lbpf_fault f_;                                                                          \
    struct lbpf_program prog_;                                                                     \
    ck_assert_int_eq(                                                                              \
        lbpf_verify(code_buf, encode(p_, sizeof p_ / sizeof p_[0]), &test_env, &prog_, &f_),       \
        (want));                                                                                   \
    ck_assert_int_eq(f_.status, (want));                                                           \
    ck_assert_uint_eq(f_.pc, (at));                                                                \
  } while (0)
#line 828 "spec/isa.nw"
START_TEST(decode_inverts_encode) {
  const struct lbpf_insn cases[] = {INSN(0x07, 1, 0, 0, -1), INSN(0xbf, 10, 15, -32768, 0),
                                    INSN(0x63, 3, 4, 32767, INT32_MIN), INSN(0xff, 15, 15, -1, 1)};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    uint8_t b[8];
    lbpf_encode(cases[i], b);
    struct lbpf_insn d = lbpf_decode(b);
    ck_assert_int_eq(d.opcode, cases[i].opcode);
    ck_assert_int_eq(d.dst, cases[i].dst);
    ck_assert_int_eq(d.src, cases[i].src);
    ck_assert_int_eq(d.offset, cases[i].offset);
    ck_assert_int_eq(d.imm, cases[i].imm);
  }
  const uint8_t raw[8] = {0x61, 0x21, 0xfe, 0xff, 0x78, 0x56, 0x34, 0x12};
  struct lbpf_insn d = lbpf_decode(raw);
  ck_assert_int_eq(d.dst, 1);
  ck_assert_int_eq(d.src, 2);
  ck_assert_int_eq(d.offset, -2);
  ck_assert_int_eq(d.imm, 0x12345678);
}
END_TEST

START_TEST(status_names_are_distinct) {
  for (int a = 0; a < LBPF_STATUS_COUNT; a++) {
    ck_assert_ptr_nonnull(lbpf_status_name((enum lbpf_status)a));
    for (int b = 0; b < a; b++)
      ck_assert_str_ne(lbpf_status_name((enum lbpf_status)a),
                       lbpf_status_name((enum lbpf_status)b));
  }
  ck_assert_str_eq(lbpf_status_name(LBPF_STATUS_COUNT), "unknown status");
  ck_assert_str_eq(lbpf_status_name(LBPF_ERR_MEMORY), "memory access violation");
}
END_TEST
#line 866 "spec/isa.nw"
START_TEST(refuses_bad_sizes) {
  struct lbpf_fault f;
  ck_assert_int_eq(lbpf_verify(code_buf, 0, &test_env, NULL, &f), LBPF_ERR_EMPTY_PROGRAM);
  ck_assert_int_eq(lbpf_verify(code_buf, 12, &test_env, NULL, &f), LBPF_ERR_PROGRAM_SIZE);
  ck_assert_int_eq(lbpf_verify(code_buf, (size_t)(LBPF_MAX_INSNS + 1) * 8, &test_env, NULL, &f),
                   LBPF_ERR_PROGRAM_SIZE);
  ck_assert_int_eq(lbpf_verify(NULL, 8, &test_env, NULL, &f), LBPF_ERR_ARGUMENT);
  ck_assert_int_eq(lbpf_verify(code_buf, 0, &test_env, NULL, NULL), LBPF_ERR_EMPTY_PROGRAM);
}
END_TEST

/* A region ending at the top of the address space is accepted, one byte more
   wraps and is refused, whatever the host's pointer width. */
START_TEST(refuses_regions_that_wrap) {
  struct lbpf_fault f;
  struct lbpf_program prog;
  lbpf_encode((struct lbpf_insn){0x95, 0, 0, 0, 0}, code_buf);
  struct lbpf_region r[2] = {{NULL, 0, LBPF_PERM_READ},
                             {(void *)(UINTPTR_MAX - 0xff), 0x100, LBPF_PERM_READ}};
  struct lbpf_env env = test_env;
  env.regions = r;
  env.nregions = 2;
  ck_assert_int_eq(lbpf_verify(code_buf, 8, &env, &prog, &f), LBPF_OK);
  r[1].length = 0x101;
  ck_assert_int_eq(lbpf_verify(code_buf, 8, &env, &prog, &f), LBPF_ERR_ARGUMENT);
  ck_assert_uint_eq(f.pc, 0);
  r[1] = (struct lbpf_region){(void *)(uintptr_t)2, SIZE_MAX, LBPF_PERM_READ};
  ck_assert_int_eq(lbpf_verify(code_buf, 8, &env, &prog, &f), LBPF_ERR_ARGUMENT);
}
END_TEST

START_TEST(refuses_unknown_opcodes) {
  const uint8_t unknown[] = {0x00, 0x20, 0x28, 0x30, 0x40, 0x8c, 0x8f, 0xdf, 0xe5,       0xf5,
                             0x0d, 0x0e, 0x86, 0x8e, 0x96, 0x9d, 0x99, 0x82, 0xc3 - 0x40};
  for (size_t i = 0; i < sizeof unknown; i++)
    VERIFY(LBPF_ERR_UNKNOWN_OPCODE, 1, MOV64_K(0, 0), INSN(unknown[i], 0, 0, 0, 0), EXIT);
  VERIFY(LBPF_ERR_UNKNOWN_OPCODE, 0, INSN(0xd4, 1, 0, 0, 8), EXIT);    /* le8 */
  VERIFY(LBPF_ERR_UNKNOWN_OPCODE, 0, INSN(0xdb, 1, 2, 0, 0x02), EXIT); /* atomic op 2 */
  VERIFY(LBPF_ERR_UNKNOWN_OPCODE, 0, INSN(0x18, 1, 1, 0, 0), INSN(0, 0, 0, 0, 0), EXIT);
  VERIFY(LBPF_ERR_UNKNOWN_OPCODE, 0, INSN(0x85, 0, 2, 0, 0), EXIT); /* BTF call */
}
END_TEST

START_TEST(refuses_nonzero_unused_fields) {
  VERIFY(LBPF_ERR_UNUSED_FIELD, 0, INSN(0x07, 1, 1, 0, 1), EXIT);  /* add imm, src set */
  VERIFY(LBPF_ERR_UNUSED_FIELD, 0, INSN(0x07, 1, 0, 1, 1), EXIT);  /* add imm, offset set */
  VERIFY(LBPF_ERR_UNUSED_FIELD, 0, INSN(0x0f, 1, 2, 0, 1), EXIT);  /* add reg, imm set */
  VERIFY(LBPF_ERR_UNUSED_FIELD, 0, INSN(0x3f, 1, 2, 2, 0), EXIT);  /* div, offset 2 */
  VERIFY(LBPF_ERR_UNUSED_FIELD, 0, INSN(0xbc, 1, 2, 32, 0), EXIT); /* movsx32 from 32 */
  VERIFY(LBPF_ERR_UNUSED_FIELD, 0, INSN(0xb7, 1, 0, 8, 0), EXIT);  /* movsx needs X */
  VERIFY(LBPF_ERR_UNUSED_FIELD, 0, INSN(0x87, 1, 0, 0, 1), EXIT);  /* neg with imm */
  VERIFY(LBPF_ERR_UNUSED_FIELD, 0, INSN(0xd4, 1, 0, 1, 16), EXIT); /* le16, offset */
  VERIFY(LBPF_ERR_UNUSED_FIELD, 0, INSN(0x05, 1, 0, 0, 0), EXIT);  /* ja with dst */
  VERIFY(LBPF_ERR_UNUSED_FIELD, 0, INSN(0x06, 0, 0, 1, 0), EXIT);  /* ja32 with offset */
  VERIFY(LBPF_ERR_UNUSED_FIELD, 0, INSN(0x15, 1, 1, 0, 0), EXIT);  /* jeq imm, src set */
  VERIFY(LBPF_ERR_UNUSED_FIELD, 0, INSN(0x1d, 1, 1, 0, 3), EXIT);  /* jeq reg, imm set */
  VERIFY(LBPF_ERR_UNUSED_FIELD, 0, INSN(0x85, 1, 0, 0, 5), EXIT);  /* call with dst */
  VERIFY(LBPF_ERR_UNUSED_FIELD, 0, INSN(0x8d, 1, 0, 0, 5), EXIT);  /* callx with imm */
  VERIFY(LBPF_ERR_UNUSED_FIELD, 0, INSN(0x95, 0, 0, 0, 1));        /* exit with imm */
  VERIFY(LBPF_ERR_UNUSED_FIELD, 0, INSN(0x18, 1, 0, 1, 0), INSN(0, 0, 0, 0, 0), EXIT);
  VERIFY(LBPF_ERR_UNUSED_FIELD, 0, INSN(0x61, 1, 2, 0, 1), EXIT); /* ldxw with imm */
  VERIFY(LBPF_ERR_UNUSED_FIELD, 0, INSN(0x62, 1, 2, 0, 1), EXIT); /* stw with src */
  VERIFY(LBPF_ERR_UNUSED_FIELD, 0, INSN(0x63, 1, 2, 0, 1), EXIT); /* stxw with imm */
}
END_TEST

START_TEST(refuses_bad_registers) {
  VERIFY(LBPF_ERR_BAD_REGISTER, 1, MOV64_K(0, 0), MOV64_K(11, 1), EXIT);
  VERIFY(LBPF_ERR_BAD_REGISTER, 0, MOV64_X(1, 12), EXIT);
  VERIFY(LBPF_ERR_BAD_REGISTER, 0, INSN(0x87, 15, 0, 0, 0), EXIT);
  VERIFY(LBPF_ERR_BAD_REGISTER, 0, INSN(0xdc, 11, 0, 0, 16), EXIT);
  VERIFY(LBPF_ERR_BAD_REGISTER, 0, INSN(0x15, 11, 0, 0, 0), EXIT);
  VERIFY(LBPF_ERR_BAD_REGISTER, 0, INSN(0x1d, 1, 11, 0, 0), EXIT);
  VERIFY(LBPF_ERR_BAD_REGISTER, 0, INSN(0x8d, 11, 0, 0, 0), EXIT);
  VERIFY(LBPF_ERR_BAD_REGISTER, 0, INSN(0x18, 11, 0, 0, 0), INSN(0, 0, 0, 0, 0), EXIT);
  VERIFY(LBPF_ERR_BAD_REGISTER, 0, INSN(0x61, 1, 11, 0, 0), EXIT);
  VERIFY(LBPF_ERR_BAD_REGISTER, 0, INSN(0x62, 11, 0, 0, 0), EXIT);
  VERIFY(LBPF_ERR_BAD_REGISTER, 0, INSN(0x63, 1, 11, 0, 0), EXIT);
  VERIFY(LBPF_ERR_BAD_REGISTER, 0, INSN(0xdb, 1, 11, 0, 0), EXIT);
}
END_TEST

START_TEST(refuses_writes_to_r10) {
  VERIFY(LBPF_ERR_WRITE_R10, 0, MOV64_K(10, 0), EXIT);
  VERIFY(LBPF_ERR_WRITE_R10, 0, MOV64_X(10, 1), EXIT);
  VERIFY(LBPF_ERR_WRITE_R10, 0, INSN(0x87, 10, 0, 0, 0), EXIT);
  VERIFY(LBPF_ERR_WRITE_R10, 0, INSN(0xd7, 10, 0, 0, 64), EXIT);
  VERIFY(LBPF_ERR_WRITE_R10, 0, LDDW(10, 1, 2), EXIT);
  VERIFY(LBPF_ERR_WRITE_R10, 0, INSN(0x79, 10, 1, 0, 0), EXIT);
  VERIFY(LBPF_ERR_WRITE_R10, 0, INSN(0xdb, 1, 10, 0, 0x01), EXIT); /* fetch-add into r10 */
  VERIFY(LBPF_OK, 0, INSN(0xdb, 1, 10, 0, 0x00), EXIT);            /* plain add reads r10 */
  VERIFY(LBPF_OK, 0, INSN(0xdb, 1, 10, 0, 0xf1), EXIT);            /* cmpxchg writes r0 only */
  VERIFY(LBPF_OK, 0, INSN(0x7b, 10, 1, -8, 0), EXIT);              /* stores through r10 */
}
END_TEST
#line 968 "spec/isa.nw"
START_TEST(refuses_bad_targets) {
  VERIFY(LBPF_ERR_JUMP_TARGET, 0, JA(1), EXIT);
  VERIFY(LBPF_ERR_JUMP_TARGET, 0, JA(-2), EXIT);
  VERIFY(LBPF_ERR_JUMP_TARGET, 0, INSN(0x06, 0, 0, 0, 5), EXIT);
  VERIFY(LBPF_ERR_JUMP_TARGET, 0, INSN(0x15, 1, 0, 1, 0), LDDW(1, 1, 1), EXIT);
  VERIFY(LBPF_ERR_JUMP_TARGET, 0, CALL_LOCAL(-5), EXIT);
  VERIFY(LBPF_ERR_JUMP_TARGET, 4, LDDW(1, 1, 1), LDDW(2, 2, 2), JA(-2), EXIT);
  VERIFY(LBPF_OK, 0, INSN(0x15, 1, 0, 2, 0), LDDW(1, 1, 1), EXIT);
  VERIFY(LBPF_OK, 0, JA(0), EXIT);
  VERIFY(LBPF_ERR_INCOMPLETE_LDDW, 1, EXIT, INSN(0x18, 1, 0, 0, 0));
  VERIFY(LBPF_ERR_INCOMPLETE_LDDW, 0, INSN(0x18, 1, 0, 0, 0), INSN(0x07, 0, 0, 0, 0), EXIT);
  VERIFY(LBPF_ERR_INCOMPLETE_LDDW, 0, INSN(0x18, 1, 0, 0, 0), INSN(0, 1, 0, 0, 0), EXIT);
  VERIFY(LBPF_ERR_FALLS_OFF_END, 0, MOV64_K(0, 0));
  VERIFY(LBPF_ERR_FALLS_OFF_END, 1, MOV64_K(0, 0), INSN(0x15, 0, 0, -2, 0));
  VERIFY(LBPF_ERR_FALLS_OFF_END, 1, EXIT, CALL(5));
  VERIFY(LBPF_ERR_FALLS_OFF_END, 2, JA(0), LDDW(0, 0, 0));
  VERIFY(LBPF_OK, 0, EXIT, INSN(0x06, 0, 0, 0, -2));
}
END_TEST

START_TEST(checks_helper_ids) {
  VERIFY(LBPF_ERR_UNKNOWN_HELPER, 1, MOV64_K(1, 1), CALL(7), EXIT);
  VERIFY(LBPF_ERR_UNKNOWN_HELPER, 0, CALL(LBPF_TEST_HELPER_ABSENT), EXIT); /* no function */
  VERIFY(LBPF_OK, 0, CALL(5), EXIT);
  struct lbpf_fault f;
  struct lbpf_insn p[] = {CALL(5), EXIT};
  ck_assert_int_eq(lbpf_verify(code_buf, encode(p, 2), NULL, NULL, &f), LBPF_ERR_UNKNOWN_HELPER);
  ck_assert_ptr_null(lbpf_env_helper(NULL, 5));
  ck_assert_ptr_nonnull(lbpf_env_helper(&test_env, 5));
  ck_assert_ptr_null(lbpf_env_helper(&test_env, 7));
}
END_TEST
#line 1010 "spec/isa.nw"
static struct lbpf_insn insn_of_form(const struct lbpf_form *f) {
  struct lbpf_insn insn = INSN(f->opcode, 3, 4, 0, 0);
  switch (f->kind) {
  case LBPF_KIND_ALU_K:
  case LBPF_KIND_ALU_X: insn.offset = f->value; break;
  case LBPF_KIND_END:
  case LBPF_KIND_ATOMIC: insn.imm = f->value; break;
  case LBPF_KIND_CALL:
  case LBPF_KIND_LDDW: insn.src = f->value; break;
  default: break;
  }
  return insn;
}

/* The table's index against a walk of every row, for every opcode and the
   values a distinguishing field takes in the table (and one it never does). */
START_TEST(index_finds_what_a_walk_finds) {
  static const int32_t values[] = {0, 1, 8, 16, 32, 64, 0x01, 0x41, 0xe1, 0xf1, 2, 7};
  unsigned found = 0;
  for (unsigned op = 0; op < 256; op++)
    for (size_t v = 0; v < sizeof values / sizeof values[0]; v++)
      for (unsigned field = 0; field < 3; field++) {
        struct lbpf_insn insn = INSN(op, 0, 0, 0, 0);
        if (field == 0) insn.offset = (int16_t)values[v];
        if (field == 1) insn.imm = values[v];
        if (field == 2) insn.src = (uint8_t)(values[v] & 15);
        const struct lbpf_form *walked = NULL;
        bool known = false;
        for (size_t i = 0; i < LBPF_NFORMS; i++) {
          known |= lbpf_forms[i].opcode == op;
          if (walked == NULL && lbpf_form_matches(&lbpf_forms[i], insn)) walked = &lbpf_forms[i];
        }
        bool indexed_known = !known;
        ck_assert_ptr_eq(lbpf_form_lookup(insn, &indexed_known), walked);
        ck_assert_int_eq(indexed_known, known);
        found += walked != NULL;
      }
  ck_assert_uint_ge(found, LBPF_NFORMS);
}
END_TEST

START_TEST(instruction_table) {
  int alu = 0, jmp = 0, mem = 0;
  for (size_t i = 0; i < LBPF_NFORMS; i++) {
    const struct lbpf_form *f = &lbpf_forms[i];
    const uint8_t cls = LBPF_CLASS(f->opcode);
    const bool arith = cls == LBPF_CLASS_ALU || cls == LBPF_CLASS_ALU64;
    alu += arith;
    jmp += cls == LBPF_CLASS_JMP || cls == LBPF_CLASS_JMP32;
    mem += cls <= LBPF_CLASS_STX;
    ck_assert_ptr_eq(lbpf_form_of(insn_of_form(f)), f);
    ck_assert_int_eq(lbpf_form_in_alu_run(f), arith);
    ck_assert_int_eq(lbpf_form_is_lddw(f), lbpf_is_lddw(f->opcode));
    ck_assert(f->cpu >= 1 && f->cpu <= 4);
  }
  ck_assert_int_eq(alu, 72);
  ck_assert_int_eq(jmp, 50);
  ck_assert_int_eq(mem, 36);
  ck_assert_ptr_null(lbpf_form_of(INSN(0x3f, 1, 2, 2, 0))); /* div with offset 2 */
  ck_assert_ptr_null(lbpf_form_of(INSN(0xd4, 1, 0, 0, 8))); /* le8 */
  ck_assert_ptr_null(lbpf_form_of(INSN(0x00, 0, 0, 0, 0)));

  const struct lbpf_insn mov = MOV64_X(3, 4), cmpxchg = INSN(0xdb, 1, 2, 0, 0xf1);
  const struct lbpf_insn xadd = INSN(0xc3, 1, 2, 0, 0x01), call = CALL(5);
  ck_assert_uint_eq(lbpf_insn_reads(lbpf_form_of(mov), mov), 1u << 4);
  ck_assert_uint_eq(lbpf_insn_writes(lbpf_form_of(mov), mov), 1u << 3);
  ck_assert_uint_eq(lbpf_insn_reads(lbpf_form_of(cmpxchg), cmpxchg), 0x7);
  ck_assert_uint_eq(lbpf_insn_writes(lbpf_form_of(cmpxchg), cmpxchg), 0x1);
  ck_assert_uint_eq(lbpf_insn_writes(lbpf_form_of(xadd), xadd), 1u << 2);
  ck_assert_uint_eq(lbpf_insn_reads(lbpf_form_of(call), call), 0x3e);
  ck_assert_uint_eq(lbpf_insn_writes(lbpf_form_of(call), call), 0x1);

  ck_assert_str_eq(lbpf_form_name(lbpf_form_of(INSN(0x3c, 1, 2, 1, 0))), "sdiv32");
  ck_assert_str_eq(lbpf_form_name(lbpf_form_of(INSN(0xbf, 1, 2, 32, 0))), "movsx3264");
  ck_assert_str_eq(lbpf_form_name(lbpf_form_of(cmpxchg)), "lock cmpxchg");
  ck_assert_str_eq(lbpf_form_name(lbpf_form_of(INSN(0xc3, 1, 2, 0, 0x41))), "lock fetch or32");
  ck_assert_str_eq(lbpf_form_name(NULL), "?");
  ck_assert_uint_eq(lbpf_form_of(INSN(0xbc, 1, 2, 8, 0))->cpu, 4);
  ck_assert_uint_eq(lbpf_form_of(INSN(0xad, 1, 2, 0, 0))->cpu, 2);
  ck_assert_uint_eq(lbpf_form_of(INSN(0x16, 1, 0, 0, 0))->cpu, 3);
}
END_TEST
#line 814 "spec/semantics.nw"
static struct lbpf_result run_on(const struct lbpf_insn *insns, size_t n, void *mem, size_t mem_len,
                                 uint64_t budget) {
  struct lbpf_program prog;
  struct lbpf_fault f;
  struct lbpf_result r;
  test_env.budget = budget;
  ck_assert_int_eq(lbpf_verify(code_buf, encode(insns, n), &test_env, &prog, &f), LBPF_OK);
  memset(test_stack, 0, sizeof test_stack);
  lbpf_spec_run(&prog, &test_env, mem, mem_len, &r);
  test_env.budget = 1000;
  return r;
}

#define RUN(mem, len, budget, ...)                                                                 \
  ({                                                                                               \
    const struct lbpf_insn p_[] = {__VA_ARGS__};                                                   \
    run_on(p_, sizeof p_ / sizeof p_[0], (mem), (len), (budget));                                  \
  })
#define EXPECT_R0(value, ...)                                                                      \
  do {                                                                                             \
    struct lbpf_result r_ = RUN(NULL, 0, 1000, __VA_ARGS__);                                       \
    ck_assert_int_eq(r_.status, LBPF_OK);                                                          \
    ck_assert_uint_eq(r_.r0, (value));                                                             \
  } while (0)
#define EXPECT_ERROR(want, at, mem, len, budget, ...)                                              \
  do {                                                                                             \
    struct lbpf_result r_ = RUN((mem), (len), (budget), __VA_ARGS__);                              \
    ck_assert_int_eq(r_.status, (want));                                                           \
    ck_assert_uint_eq(r_.pc, (at));                                                                \
  } while (0)
#line 853 "spec/semantics.nw"
START_TEST(arithmetic_edges) {
  EXPECT_R0(0, MOV64_K(0, 7), MOV64_K(1, 0), INSN(0x3f, 0, 1, 0, 0), EXIT); /* div by 0 */
  EXPECT_R0(7, MOV64_K(0, 7), MOV64_K(1, 0), INSN(0x9f, 0, 1, 0, 0), EXIT); /* mod by 0 */
  EXPECT_R0(0xffffffffu, MOV64_K(0, -1), MOV64_K(1, 0), INSN(0x9c, 0, 1, 0, 0), EXIT);
  EXPECT_R0(0, MOV64_K(0, 7), INSN(0x37, 0, 0, 1, 0), EXIT); /* sdiv by 0 */
  EXPECT_R0(UINT64_C(1) << 63, LDDW(0, 0, INT32_MIN), INSN(0x37, 0, 0, 1, -1), EXIT);
  EXPECT_R0(0, LDDW(0, 0, INT32_MIN), INSN(0x97, 0, 0, 1, -1), EXIT);
  EXPECT_R0(0x80000000u, MOV64_K(0, INT32_MIN), INSN(0x34, 0, 0, 1, -1), EXIT);
  EXPECT_R0((uint64_t)-2, MOV64_K(0, -7), INSN(0x97, 0, 0, 1, 5), EXIT); /* smod sign */
  EXPECT_R0(2, MOV64_K(0, 7), INSN(0x97, 0, 0, 1, -5), EXIT);
  EXPECT_R0((uint64_t)-2, MOV64_K(0, 7), INSN(0x37, 0, 0, 1, -3), EXIT);
  EXPECT_R0(2, MOV64_K(0, 1), MOV64_K(1, 65), INSN(0x6f, 0, 1, 0, 0), EXIT); /* 65 & 63 */
  EXPECT_R0(2, MOV64_K(0, 1), MOV64_K(1, 33), INSN(0x6c, 0, 1, 0, 0), EXIT); /* 33 & 31 */
  EXPECT_R0((uint64_t)-1, MOV64_K(0, -1), INSN(0xc7, 0, 0, 0, 63), EXIT);
  EXPECT_R0(0xffffffffu, MOV64_K(0, -1), INSN(0xc4, 0, 0, 0, 0), EXIT); /* arsh32 by 0 */
  EXPECT_R0(0x3412, MOV64_K(0, 0x561234), INSN(0xdc, 0, 0, 0, 16), EXIT);
  EXPECT_R0(0x1234, MOV64_K(0, 0x561234), INSN(0xd4, 0, 0, 0, 16), EXIT);
  EXPECT_R0(0x78563412u, MOV64_K(0, 0x12345678), INSN(0xd7, 0, 0, 0, 32), EXIT);
  EXPECT_R0((uint64_t)-128, MOV64_K(1, 0x180), INSN(0xbf, 0, 1, 8, 0), EXIT); /* movsx */
  EXPECT_R0(0xffffff80u, MOV64_K(1, 0x180), INSN(0xbc, 0, 1, 8, 0), EXIT);
}
END_TEST
#line 883 "spec/semantics.nw"
START_TEST(memory_edges) {
  uint8_t mem[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  struct lbpf_result r = RUN(mem, 8, 10, INSN(0x61, 0, 1, 4, 0), EXIT);
  ck_assert_int_eq(r.status, LBPF_OK);
  ck_assert_uint_eq(r.r0, 0x08070605u);
  EXPECT_ERROR(LBPF_ERR_MEMORY, 1, mem, 8, 10, MOV64_K(0, 0), INSN(0x61, 0, 1, 5, 0), EXIT);
  EXPECT_ERROR(LBPF_ERR_MEMORY, 0, mem, 8, 10, INSN(0x71, 0, 1, -1, 0), EXIT);
  EXPECT_ERROR(LBPF_ERR_MEMORY, 2, mem, 8, 10, LDDW(1, -2, -1), INSN(0x61, 0, 1, 0, 0), EXIT);
  EXPECT_ERROR(LBPF_ERR_MEMORY, 0, NULL, 0, 10, INSN(0x71, 0, 1, 0, 0), EXIT);
  r = RUN(mem, 8, 10, INSN(0x91, 0, 1, 7, 0), EXIT); /* ldxsb of 8 */
  ck_assert_uint_eq(r.r0, 8);
  EXPECT_ERROR(LBPF_ERR_MEMORY, 0, mem, 8, 10, INSN(0x7a, 10, 0, 0, 1), EXIT); /* at r10 */
  r = RUN(mem, 8, 10, INSN(0x7a, 10, 0, -512, 7), INSN(0x79, 0, 10, -512, 0), EXIT);
  ck_assert_uint_eq(r.r0, 7);
}
END_TEST

START_TEST(region_permissions) {
  uint8_t table[4] = {0xaa, 0xbb, 0xcc, 0xdd};
  struct lbpf_region ro = {table, sizeof table, LBPF_PERM_READ};
  test_env.regions = &ro;
  test_env.nregions = 1;
  uint64_t a = (uint64_t)(uintptr_t)table;
  struct lbpf_result r =
      RUN(NULL, 0, 10, LDDW(1, (int32_t)(uint32_t)a, (int32_t)(uint32_t)(a >> 32)),
          INSN(0x69, 0, 1, 2, 0), EXIT);
  ck_assert_int_eq(r.status, LBPF_OK);
  ck_assert_uint_eq(r.r0, 0xddcc);
  r = RUN(NULL, 0, 10, LDDW(1, (int32_t)(uint32_t)a, (int32_t)(uint32_t)(a >> 32)),
          INSN(0x72, 1, 0, 0, 1), EXIT);
  ck_assert_int_eq(r.status, LBPF_ERR_MEMORY);
  ck_assert_uint_eq(r.pc, 2);
  r = RUN(NULL, 0, 10, LDDW(1, (int32_t)(uint32_t)a, (int32_t)(uint32_t)(a >> 32)), MOV64_K(2, 1),
          INSN(0xc3, 1, 2, 0, 0), EXIT);
  ck_assert_int_eq(r.status, LBPF_ERR_MEMORY);
  ck_assert_uint_eq(r.pc, 3);
  ck_assert_uint_eq(table[0], 0xaa);
  test_env.regions = NULL;
  test_env.nregions = 0;
}
END_TEST
#line 930 "spec/semantics.nw"
START_TEST(atomics) {
  uint8_t mem[8] = {0};
  struct lbpf_result r = RUN(mem, 8, 10, MOV64_K(2, 5), INSN(0x63, 1, 2, 0, 0), MOV64_K(3, 3),
                             INSN(0xc3, 1, 3, 0, 0x01), MOV64_X(0, 3), EXIT);
  ck_assert_uint_eq(r.r0, 5);
  ck_assert_uint_eq(mem[0], 8);
  r = RUN(mem, 8, 10, LDDW(0, 8, 1), MOV64_K(2, 9), INSN(0xc3, 1, 2, 0, 0xf1), EXIT);
  ck_assert_uint_eq(r.r0, 8); /* low half of r0 matched: swapped */
  ck_assert_uint_eq(mem[0], 9);
  r = RUN(mem, 8, 10, MOV64_K(0, 1), MOV64_K(2, 4), INSN(0xdb, 1, 2, 0, 0xf1), EXIT);
  ck_assert_uint_eq(r.r0, 9); /* no match: unchanged */
  ck_assert_uint_eq(mem[0], 9);
  r = RUN(mem, 8, 10, MOV64_K(2, 0x30), INSN(0xdb, 1, 2, 0, 0xe1), MOV64_X(0, 2), EXIT);
  ck_assert_uint_eq(r.r0, 9);
  ck_assert_uint_eq(mem[0], 0x30);
}
END_TEST
#line 956 "spec/semantics.nw"
START_TEST(budget_is_exact) {
  /* r0 counts down from 3: two taken backward jumps over two slots each. */
  struct lbpf_result r =
      RUN(NULL, 0, 4, MOV64_K(0, 3), ADD64_K(0, -1), INSN(0x55, 0, 0, -2, 0), EXIT);
  ck_assert_int_eq(r.status, LBPF_OK);
  ck_assert_uint_eq(r.budget_used, 4);
  ck_assert_uint_eq(r.insns, 8);
  r = RUN(NULL, 0, 3, MOV64_K(0, 3), ADD64_K(0, -1), INSN(0x55, 0, 0, -2, 0), EXIT);
  ck_assert_int_eq(r.status, LBPF_ERR_BUDGET);
  ck_assert_uint_eq(r.pc, 2);
  ck_assert_uint_eq(r.budget_used, 2); /* the refused jump spent nothing */
  EXPECT_ERROR(LBPF_ERR_BUDGET, 0, NULL, 0, 0, CALL(5), EXIT);
  EXPECT_ERROR(LBPF_ERR_BUDGET, 0, NULL, 0, 0, JA(-1), EXIT);
  EXPECT_ERROR(LBPF_ERR_BUDGET, 0, NULL, 0, 1000, JA(-1), EXIT);
  /* a local call spends the slots from its target to the end: here 2 */
  EXPECT_ERROR(LBPF_ERR_BUDGET, 0, NULL, 0, 1, CALL_LOCAL(1), EXIT, MOV64_K(0, 1), EXIT);
  r = RUN(NULL, 0, 2, CALL_LOCAL(1), EXIT, MOV64_K(0, 1), EXIT);
  ck_assert_int_eq(r.status, LBPF_OK);
  ck_assert_uint_eq(r.budget_used, 2);
}
END_TEST

/* The bound: n slots and budget b allow at most n + b instructions, on the
   worst programs for it: one long loop body jumped back over again and
   again, and recursion into a function at the start of the program. */
START_TEST(budget_bounds_the_instructions) {
  static struct lbpf_insn p[64]; /* code_buf holds 64 slots */
  for (uint32_t len = 1; len < 62; len += 3) {
    for (uint32_t i = 0; i < len; i++)
      p[i] = ADD64_K(0, 1);
    p[len] = JA(-(int16_t)(len + 1));
    p[len + 1] = EXIT;
    for (uint64_t b = 0; b < 500; b += 37) {
      struct lbpf_program prog;
      struct lbpf_result r;
      ck_assert_int_eq(lbpf_verify(code_buf, encode(p, len + 2), &test_env, &prog, NULL), LBPF_OK);
      test_env.budget = b;
      lbpf_spec_run(&prog, &test_env, NULL, 0, &r);
      ck_assert_int_eq(r.status, LBPF_ERR_BUDGET);
      ck_assert_uint_le(r.insns, len + 2 + b);
      /* b / (len + 1) jumps back are paid for, the next one is refused */
      ck_assert_uint_eq(r.budget_used, b / (len + 1) * (len + 1));
      ck_assert_uint_eq(r.insns, (b / (len + 1) + 1) * (len + 1));
    }
  }
  /* f: r0 += 1; call f (recursion to the frame limit, repeated by a loop) */
  struct lbpf_program prog;
  struct lbpf_result r;
  struct lbpf_insn q[] = {MOV64_K(6, 0), CALL_LOCAL(2),  ADD64_K(6, 1), JA(-3),
                          ADD64_K(0, 1), CALL_LOCAL(-2), EXIT};
  ck_assert_int_eq(lbpf_verify(code_buf, encode(q, 7), &test_env, &prog, NULL), LBPF_OK);
  for (uint64_t b = 0; b < 300; b++) {
    test_env.budget = b;
    lbpf_spec_run(&prog, &test_env, NULL, 0, &r);
    ck_assert_uint_le(r.insns, 7 + b);
  }
  test_env.budget = 1000;
}
END_TEST

START_TEST(local_calls) {
  /* main: r6 = 6; call f; r0 += r6; exit.   f: r6 = 100; store at r10-8; r0 = r10; exit */
  struct lbpf_result r = RUN(NULL, 0, 10, MOV64_K(6, 6), CALL_LOCAL(2), INSN(0x0f, 0, 6, 0, 0),
                             EXIT, MOV64_K(6, 100), INSN(0x7a, 10, 0, -8, 1), MOV64_X(0, 10), EXIT);
  ck_assert_int_eq(r.status, LBPF_OK);
  uint64_t top = (uint64_t)(uintptr_t)test_stack + sizeof test_stack;
  ck_assert_uint_eq(r.r0, top - LBPF_STACK_SIZE + 6);
  ck_assert_uint_eq(test_stack[sizeof test_stack - LBPF_STACK_SIZE - 8], 1);
  /* Unbounded recursion: the eighth frame is refused. */
  EXPECT_ERROR(LBPF_ERR_CALL_DEPTH, 0, NULL, 0, 100, CALL_LOCAL(-1), EXIT);
  size_t saved = test_env.stack_size;
  test_env.stack_size = 2 * LBPF_STACK_SIZE + 100;
  r = RUN(NULL, 0, 10, CALL_LOCAL(1), EXIT, CALL_LOCAL(1), EXIT, MOV64_K(0, 1), EXIT);
  ck_assert_int_eq(r.status, LBPF_ERR_CALL_DEPTH);
  ck_assert_uint_eq(r.pc, 2);
  r = RUN(NULL, 0, 10, CALL_LOCAL(1), EXIT, MOV64_K(0, 1), EXIT);
  ck_assert_int_eq(r.status, LBPF_OK);
  test_env.stack_size = saved;
}
END_TEST

START_TEST(helpers_and_callx) {
  EXPECT_R0(42, MOV64_K(1, 42), CALL(5), EXIT);
  EXPECT_R0(43, MOV64_K(1, 43), MOV64_K(2, 5), INSN(0x8d, 2, 0, 0, 0), EXIT);
  EXPECT_ERROR(LBPF_ERR_CALLX_TARGET, 1, NULL, 0, 10, MOV64_K(2, 7), INSN(0x8d, 2, 0, 0, 0), EXIT);
  EXPECT_ERROR(LBPF_ERR_CALLX_TARGET, 1, NULL, 0, 10, MOV64_K(2, LBPF_TEST_HELPER_ABSENT),
               INSN(0x8d, 2, 0, 0, 0), EXIT);
  /* the first entry of id 6 is the one called, never the shadowed second */
  EXPECT_R0(lbpf_test_helper_mix(NULL, 1, 2, 3, 4, 5), MOV64_K(1, 1), MOV64_K(2, 2), MOV64_K(3, 3),
            MOV64_K(4, 4), MOV64_K(5, 5), CALL(LBPF_TEST_HELPER_MIX), EXIT);
  EXPECT_ERROR(LBPF_ERR_CALLX_TARGET, 2, NULL, 0, 10, LDDW(2, 5, 1), INSN(0x8d, 2, 0, 0, 0), EXIT);
}
END_TEST

START_TEST(refuses_unusable_environments) {
  struct lbpf_insn p[] = {MOV64_K(0, 1), EXIT};
  struct lbpf_program prog;
  struct lbpf_result r;
  ck_assert_int_eq(lbpf_verify(code_buf, encode(p, 2), &test_env, &prog, NULL), LBPF_OK);
  lbpf_spec_run(&prog, NULL, NULL, 0, &r);
  ck_assert_int_eq(r.status, LBPF_ERR_ARGUMENT);
  struct lbpf_env small = test_env;
  small.stack_size = LBPF_STACK_SIZE - 1;
  lbpf_spec_run(&prog, &small, NULL, 0, &r);
  ck_assert_int_eq(r.status, LBPF_ERR_ARGUMENT);
  lbpf_spec_run(&prog, &test_env, NULL, 4, &r);
  ck_assert_int_eq(r.status, LBPF_ERR_ARGUMENT);
  lbpf_spec_run(&prog, &test_env, NULL, 0, &r);
  ck_assert_int_eq(r.status, LBPF_OK);
  ck_assert_uint_eq(r.r0, 1);
}
END_TEST
#line 1077 "spec/semantics.nw"
START_TEST(a_refused_program_never_runs) {
  struct lbpf_insn good[] = {MOV64_K(0, 1), EXIT}, bad[] = {MOV64_K(0, 2), INSN(0xff, 0, 0, 0, 0)};
  struct lbpf_program prog;
  struct lbpf_result r;
  ck_assert_int_eq(lbpf_verify(code_buf, encode(good, 2), &test_env, &prog, NULL), LBPF_OK);
  ck_assert_int_ne(lbpf_verify(code_buf + 16, 0, &test_env, &prog, NULL), LBPF_OK);
  lbpf_spec_run(&prog, &test_env, NULL, 0, &r);
  ck_assert_int_eq(r.status, LBPF_ERR_ARGUMENT);
  ck_assert_uint_eq(r.insns, 0);
  ck_assert_int_eq(lbpf_verify(code_buf, encode(good, 2), &test_env, &prog, NULL), LBPF_OK);
  ck_assert_int_ne(lbpf_verify(code_buf, encode(bad, 2), &test_env, &prog, NULL), LBPF_OK);
  lbpf_spec_run(&prog, &test_env, NULL, 0, &r);
  ck_assert_int_eq(r.status, LBPF_ERR_ARGUMENT);
  ck_assert_uint_eq(r.r0, 0);
  ck_assert_uint_eq(r.insns, 0);
}
END_TEST
#line 1101 "spec/semantics.nw"
struct watch_log {
  unsigned n;
  struct lbpf_step first, last;
};

static void log_step(void *user, const struct lbpf_step *st) {
  struct watch_log *l = user;
  if (l->n++ == 0) l->first = *st;
  l->last = *st;
}

static struct watch_log watched(const struct lbpf_insn *insns, size_t n, void *mem, size_t len) {
  struct lbpf_program prog;
  struct lbpf_result plain, seen;
  struct watch_log log = {0};
  ck_assert_int_eq(lbpf_verify(code_buf, encode(insns, n), &test_env, &prog, NULL), LBPF_OK);
  lbpf_spec_run(&prog, &test_env, mem, len, &plain);
  lbpf_spec_run_watched(&prog, &test_env, mem, len, &seen, log_step, &log);
  ck_assert_int_eq(seen.status, plain.status);
  ck_assert_uint_eq(seen.pc, plain.pc);
  ck_assert_uint_eq(seen.r0, plain.r0);
  ck_assert_uint_eq(seen.insns, plain.insns);
  ck_assert_uint_eq(log.n, plain.insns);
  ck_assert_int_eq(log.last.status, plain.status);
  return log;
}

START_TEST(watched_runs) {
  uint8_t mem[8] = {0};
  const struct lbpf_insn ok[] = {MOV64_K(0, 7), INSN(0x07, 0, 0, 0, 5), EXIT};
  struct watch_log log = watched(ok, 3, NULL, 0);
  ck_assert_uint_eq(log.first.before[0], 0);
  ck_assert_uint_eq(log.first.after[0], 7);
  ck_assert_uint_eq(log.first.size, 0);
  ck_assert_uint_eq(log.last.pc, 2);
  ck_assert_uint_eq(log.last.after[0], 12);
  /* ldxdw r0, [r1+4] on 8 bytes: the access is 8 bytes at mem + 4 */
  const struct lbpf_insn load[] = {MOV64_K(0, 7), INSN(0x79, 0, 1, 4, 0), EXIT};
  log = watched(load, 3, mem, sizeof mem);
  ck_assert_int_eq(log.last.status, LBPF_ERR_MEMORY);
  ck_assert_uint_eq(log.last.pc, 1);
  ck_assert_uint_eq(log.last.addr, (uint64_t)(uintptr_t)mem + 4);
  ck_assert_uint_eq(log.last.size, 8);
  ck_assert_uint_eq(log.last.perm, LBPF_PERM_READ);
  ck_assert_uint_eq(log.last.after[0], 7);
  /* an atomic add of a word at r1 - 2 needs both permissions */
  const struct lbpf_insn atomic[] = {INSN(0xc3, 1, 0, -2, LBPF_ATOMIC_ADD), EXIT};
  log = watched(atomic, 2, mem, sizeof mem);
  ck_assert_int_eq(log.last.status, LBPF_ERR_MEMORY);
  ck_assert_uint_eq(log.last.addr, (uint64_t)(uintptr_t)mem - 2);
  ck_assert_uint_eq(log.last.size, 4);
  ck_assert_uint_eq(log.last.perm, LBPF_PERM_READ | LBPF_PERM_WRITE);
}
END_TEST

#line 776 "spec/isa.nw"
Suite *spec_suite(void) {
  Suite *s = suite_create("spec");
  TCase *tc = tcase_create("spec");

#line 1095 "spec/isa.nw"
  tcase_add_checked_fixture(tc, standard_env, NULL);
  tcase_add_test(tc, decode_inverts_encode);
  tcase_add_test(tc, instruction_table);
  tcase_add_test(tc, index_finds_what_a_walk_finds);
  tcase_add_test(tc, status_names_are_distinct);
  tcase_add_test(tc, refuses_bad_sizes);
  tcase_add_test(tc, refuses_regions_that_wrap);
  tcase_add_test(tc, refuses_unknown_opcodes);
  tcase_add_test(tc, refuses_nonzero_unused_fields);
  tcase_add_test(tc, refuses_bad_registers);
  tcase_add_test(tc, refuses_writes_to_r10);
  tcase_add_test(tc, refuses_bad_targets);
  tcase_add_test(tc, checks_helper_ids);
#line 1158 "spec/semantics.nw"
  tcase_add_test(tc, watched_runs);
  tcase_add_test(tc, arithmetic_edges);
  tcase_add_test(tc, memory_edges);
  tcase_add_test(tc, region_permissions);
  tcase_add_test(tc, atomics);
  tcase_add_test(tc, budget_is_exact);
  tcase_add_test(tc, budget_bounds_the_instructions);
  tcase_add_test(tc, local_calls);
  tcase_add_test(tc, helpers_and_callx);
  tcase_add_test(tc, refuses_unusable_environments);
  tcase_add_test(tc, a_refused_program_never_runs);
#line 780 "spec/isa.nw"
  suite_add_tcase(s, tc);
  return s;
}
