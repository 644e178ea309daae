#line 348 "lit/helpers.nw"
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "lbpf_helpers.h"
#include "lbpf_interp.h"
#include "lbpf_isa.h"

#line 369 "lit/helpers.nw"
#define INSN(op, d, s, off, imm) ((struct lbpf_insn){(op), (d), (s), (off), (imm)})
#define MOV64_K(d, k) INSN(0xb7, d, 0, 0, k)
#define MOV64_X(d, s) INSN(0xbf, d, s, 0, 0)
#define ADD64_K(d, k) INSN(0x07, d, 0, 0, k)
#define LDDW64(d, v)                                                                               \
  INSN(0x18, d, 0, 0, (int32_t)(uint32_t)(uint64_t)(v)),                                           \
      INSN(0, 0, 0, 0, (int32_t)(uint32_t)((uint64_t)(v) >> 32))
#define CALL(id) INSN(0x85, 0, 0, 0, id)
#define LDXW(d, s, off) INSN(0x61, d, s, off, 0)
#define EXIT INSN(0x95, 0, 0, 0, 0)

static char printed[2][1024];
static size_t nprinted[2];
static void output(void *out, const char *text, size_t len) {
  size_t *n = out == printed[0] ? &nprinted[0] : &nprinted[1];
  char *buf = out;
  if (*n + len < sizeof printed[0]) memcpy(buf + *n, text, len), *n += len;
}
static uint64_t clock_ms(void *clock) {
  return *(const uint64_t *)clock;
}

static struct lbpf_kv_entry global_entries[2][4], local_entries[2][2];
static struct lbpf_kv global[2], local[2];
static struct lbpf_std_helpers state[2];
static uint64_t now = 123456;
static uint8_t stack_mem[2][LBPF_MAX_CALL_DEPTH * LBPF_STACK_SIZE];
static const struct lbpf_region *extra;
static size_t nextra;

static void reset(void) {
  for (int e = 0; e < 2; e++) {
    global[e] = (struct lbpf_kv){global_entries[e], 4, 0};
    local[e] = (struct lbpf_kv){local_entries[e], 2, 0};
    state[e] =
        (struct lbpf_std_helpers){&global[e], &local[e], output, printed[e], clock_ms, &now, NULL};
    nprinted[e] = 0;
  }
  extra = NULL;
  nextra = 0;
}

/* Run p on the spec (e = 0) and the interpreter (e = 1), each with its own
   helper state and a copy of mem; both must agree on everything. */
static uint64_t run2(const struct lbpf_insn *p, size_t n, uint8_t *mem, size_t len) {
  static uint8_t code[64 * 8], copy[2][256];
  static _Alignas(8) uint8_t slots[64 * 8];
  static struct lbpf_interp vm;
  struct lbpf_result res[2];
  ck_assert_uint_le(len, sizeof copy[0]);
  for (size_t i = 0; i < n; i++)
    lbpf_encode(p[i], code + 8 * i);
  for (int e = 0; e < 2; e++) {
    struct lbpf_env env = {extra,     nextra, lbpf_std_helpers, lbpf_std_nhelpers,
                           &state[e], 1000,   stack_mem[e],     sizeof stack_mem[e]};
    struct lbpf_program prog;
    struct lbpf_fault f;
    if (len) memcpy(copy[e], mem, len);
    if (e == 0) {
      ck_assert_int_eq(lbpf_verify(code, n * 8, &env, &prog, &f), LBPF_OK);
      lbpf_spec_run(&prog, &env, copy[e], len, &res[e]);
    } else {
      ck_assert_int_eq(lbpf_interp_load(&vm, code, n * 8, &env, slots, sizeof slots, &f), LBPF_OK);
      lbpf_interp_run(&vm, copy[e], len, &res[e]);
    }
  }
  ck_assert_int_eq(res[0].status, LBPF_OK);
  ck_assert_int_eq(res[1].status, LBPF_OK);
  ck_assert_uint_eq(res[0].r0, res[1].r0);
  ck_assert_mem_eq(copy[0], copy[1], len);
  ck_assert_uint_eq(nprinted[0], nprinted[1]);
  ck_assert_mem_eq(printed[0], printed[1], nprinted[0]);
  ck_assert_uint_eq(global[0].count, global[1].count);
  ck_assert_uint_eq(local[0].count, local[1].count);
  if (len) memcpy(mem, copy[0], len);
  return res[0].r0;
}

#define RUN2(mem, len, ...)                                                                        \
  ({                                                                                               \
    const struct lbpf_insn p_[] = {__VA_ARGS__};                                                   \
    run2(p_, sizeof p_ / sizeof p_[0], (mem), (len));                                              \
  })
#line 458 "lit/helpers.nw"
START_TEST(memcpy_checks_both_ranges) {
  uint8_t mem[16] = {1, 2, 3, 4, 5, 6, 7, 8};
  static uint8_t table[8] = {9, 9, 9, 9};
  struct lbpf_region ro = {table, sizeof table, LBPF_PERM_READ};
  /* memcpy(mem + 8, mem, 8) */
  uint64_t r0 = RUN2(mem, 16, MOV64_X(6, 1), MOV64_X(2, 1), ADD64_K(1, 8), MOV64_K(3, 8),
                     CALL(LBPF_HELPER_MEMCPY), INSN(0x1f, 0, 6, 0, 0), EXIT);
  ck_assert_uint_eq(r0, 8); /* dst - mem */
  ck_assert_mem_eq(mem + 8, mem, 8);
  uint8_t before[16];
  memcpy(before, mem, 16);
  ck_assert_uint_eq(
      RUN2(mem, 16, MOV64_X(2, 1), ADD64_K(1, 9), MOV64_K(3, 8), CALL(LBPF_HELPER_MEMCPY), EXIT),
      LBPF_HELPER_FAILED);
  ck_assert_uint_eq(
      RUN2(mem, 16, MOV64_X(2, 1), ADD64_K(2, -1), MOV64_K(3, 2), CALL(LBPF_HELPER_MEMCPY), EXIT),
      LBPF_HELPER_FAILED);
  ck_assert_mem_eq(mem, before, 16);
  extra = &ro;
  nextra = 1;
  ck_assert_uint_eq(RUN2(mem, 16, MOV64_X(2, 1), LDDW64(1, (uintptr_t)table), MOV64_K(3, 4),
                         CALL(LBPF_HELPER_MEMCPY), EXIT),
                    LBPF_HELPER_FAILED);
  ck_assert_uint_eq(table[0], 9);
  /* from the read-only region into the input is fine */
  ck_assert_uint_eq(RUN2(mem, 16, LDDW64(2, (uintptr_t)table), MOV64_K(3, 4),
                         CALL(LBPF_HELPER_MEMCPY), MOV64_K(0, 0), EXIT),
                    0);
  ck_assert_uint_eq(mem[0], 9);
}
END_TEST
#line 498 "lit/helpers.nw"
START_TEST(key_value_stores) {
#define STORE(id, k, v) MOV64_K(1, k), MOV64_K(2, v), CALL(id)
#define FETCH(id, k) MOV64_K(1, k), MOV64_X(2, 10), ADD64_K(2, -4), CALL(id)
  ck_assert_uint_eq(RUN2(NULL, 0, STORE(LBPF_HELPER_STORE_GLOBAL, 7, 700), EXIT), 0);
  ck_assert_uint_eq(RUN2(NULL, 0, FETCH(LBPF_HELPER_FETCH_GLOBAL, 7), LDXW(0, 10, -4), EXIT), 700);
  ck_assert_uint_eq(RUN2(NULL, 0, FETCH(LBPF_HELPER_FETCH_LOCAL, 7), EXIT), LBPF_HELPER_FAILED);
  ck_assert_uint_eq(RUN2(NULL, 0, STORE(LBPF_HELPER_STORE_LOCAL, 1, 10), EXIT), 0);
  ck_assert_uint_eq(RUN2(NULL, 0, STORE(LBPF_HELPER_STORE_LOCAL, 2, 20), EXIT), 0);
  ck_assert_uint_eq(RUN2(NULL, 0, STORE(LBPF_HELPER_STORE_LOCAL, 3, 30), EXIT), LBPF_HELPER_FAILED);
  ck_assert_uint_eq(RUN2(NULL, 0, STORE(LBPF_HELPER_STORE_LOCAL, 2, 21), EXIT), 0);
  ck_assert_uint_eq(RUN2(NULL, 0, FETCH(LBPF_HELPER_FETCH_LOCAL, 2), LDXW(0, 10, -4), EXIT), 21);
  /* into r10 itself: past the stack's top */
  ck_assert_uint_eq(
      RUN2(NULL, 0, MOV64_K(1, 2), MOV64_X(2, 10), CALL(LBPF_HELPER_FETCH_LOCAL), EXIT),
      LBPF_HELPER_FAILED);
  ck_assert_uint_eq(RUN2(NULL, 0, CALL(LBPF_HELPER_NOW_MS), EXIT), 123456);
#undef STORE
#undef FETCH
}
END_TEST
#line 526 "lit/helpers.nw"
static uint64_t print(uint8_t *mem, size_t len, uint64_t a, uint64_t b, uint64_t c) {
  nprinted[0] = nprinted[1] = 0;
  return RUN2(mem, len, LDDW64(2, a), LDDW64(3, b), LDDW64(4, c), MOV64_X(5, 1), ADD64_K(5, 32),
              CALL(LBPF_HELPER_PRINTF), EXIT);
}

START_TEST(printf_checks_its_strings) {
  uint8_t mem[64] = {0};
  memcpy(mem + 32, "abc", 4);
  strcpy((char *)mem, "%d %u %x|");
  ck_assert_uint_eq(print(mem, 64, (uint64_t)-5, 0xffffffffu, 0xbeef), 19);
  ck_assert_mem_eq(printed[0], "-5 4294967295 beef|", 19);
  strcpy((char *)mem, "%ld %llu %X%%");
  ck_assert_uint_eq(print(mem, 64, (uint64_t)-5, UINT64_MAX, 0xab), 27);
  ck_assert_mem_eq(printed[0], "-5 18446744073709551615 AB%", 27);
  strcpy((char *)mem, "%c%i");
  ck_assert_uint_eq(print(mem, 64, 0x141, INT32_MIN, 0), 12);
  ck_assert_mem_eq(printed[0], "A-2147483648", 12);
  strcpy((char *)mem, "%x%x%x%s"); /* the fourth argument is r5 = mem + 32 */
  ck_assert_uint_eq(print(mem, 64, 1, 2, 3), 6);
  ck_assert_mem_eq(printed[0], "123abc", 6);
  const char *refused[] = {"%q", "%x%x%x%x%x", "%ls", "%"};
  for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
    memset(mem, 0, 32);
    strcpy((char *)mem, refused[i]);
    ck_assert_uint_eq(print(mem, 64, 1, 2, 3), LBPF_HELPER_FAILED);
    ck_assert_uint_eq(nprinted[0], 0);
  }
  memset(mem, 'a', sizeof mem); /* no NUL anywhere in the input */
  ck_assert_uint_eq(print(mem, 64, 1, 2, 3), LBPF_HELPER_FAILED);
  memset(mem, 0, sizeof mem);
  strcpy((char *)mem, "%x%x%x%s"); /* the string runs off the input */
  memset(mem + 32, 'b', 32);
  ck_assert_uint_eq(print(mem, 64, 1, 2, 3), LBPF_HELPER_FAILED);
  ck_assert_uint_eq(nprinted[0], 0);
}
END_TEST

#line 359 "lit/helpers.nw"
Suite *helpers_suite(void) {
  Suite *s = suite_create("helpers");
  TCase *tc = tcase_create("helpers");

#line 566 "lit/helpers.nw"
  tcase_add_checked_fixture(tc, reset, NULL);
  tcase_add_test(tc, memcpy_checks_both_ranges);
  tcase_add_test(tc, key_value_stores);
  tcase_add_test(tc, printf_checks_its_strings);
#line 363 "lit/helpers.nw"
  suite_add_tcase(s, tc);
  return s;
}
