#line 718 "lit/engines.nw"
#include <check.h>
#include <string.h>

#include "lbpf_compare.h"
#include "lbpf_isa.h"

static const struct lbpf_engine *spec(void) {
  return lbpf_engine_find("spec");
}

static enum lbpf_status spec_load(void *state, const uint8_t *code, size_t size,
                                  const struct lbpf_env *env, struct lbpf_fault *fault) {
  return spec()->load(state, code, size, env, fault);
}
static size_t spec_size(size_t size) {
  return spec()->state_size(size);
}

static void run_r0(void *s, void *mem, size_t len, struct lbpf_result *r) {
  spec()->run(s, mem, len, r);
  r->r0 ^= 1;
}
static void run_mem(void *s, void *mem, size_t len, struct lbpf_result *r) {
  spec()->run(s, mem, len, r);
  ((uint8_t *)mem)[len - 1] ^= 0x10;
}
static void run_budget(void *s, void *mem, size_t len, struct lbpf_result *r) {
  spec()->run(s, mem, len, r);
  r->budget_used++;
}
static void run_status(void *s, void *mem, size_t len, struct lbpf_result *r) {
  spec()->run(s, mem, len, r);
  r->status = LBPF_ERR_MEMORY;
}
static enum lbpf_status load_refuse(void *state, const uint8_t *code, size_t size,
                                    const struct lbpf_env *env, struct lbpf_fault *fault) {
  (void)state, (void)code, (void)size, (void)env;
  *fault = (struct lbpf_fault){LBPF_ERR_UNKNOWN_OPCODE, 0};
  return LBPF_ERR_UNKNOWN_OPCODE;
}

START_TEST(comparison_sees_each_difference) {
  const struct lbpf_insn p[] = {{0x72, 1, 0, 3, 0x7f},   /* *(u8 *)(r1 + 3) = 0x7f */
                                {0x7a, 10, 0, -8, 0x55}, /* *(u64 *)(r10 - 8) = 0x55 */
                                {0xb7, 1, 0, 0, 1},      {0xb7, 2, 0, 0, 2},
                                {0xb7, 3, 0, 0, 3},      {0xb7, 4, 0, 0, 4},
                                {0xb7, 5, 0, 0, 5},      {0x85, 0, 0, 0, LBPF_TEST_HELPER_MIX},
                                {0x95, 0, 0, 0, 0}};
  uint8_t code[sizeof p / sizeof p[0] * 8];
  for (size_t i = 0; i < sizeof p / sizeof p[0]; i++)
    lbpf_encode(p[i], code + 8 * i);
  static uint8_t stack[LBPF_MAX_CALL_DEPTH * LBPF_STACK_SIZE];
  uint8_t mem[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  struct lbpf_env env;
  lbpf_test_env(&env, stack, sizeof stack, 100);
  static const struct lbpf_engine planted[] = {{"r0", spec_size, spec_load, run_r0},
                                               {"mem", spec_size, spec_load, run_mem},
                                               {"budget", spec_size, spec_load, run_budget},
                                               {"status", spec_size, spec_load, run_status},
                                               {"refuse", spec_size, load_refuse, run_r0}};
  const unsigned want[] = {LBPF_DIFF_R0, LBPF_DIFF_MEMORY, LBPF_DIFF_BUDGET, LBPF_DIFF_STATUS,
                           LBPF_DIFF_LOAD};
  struct lbpf_comparison c;
  ck_assert_uint_eq(
      lbpf_compare(spec(), spec(), code, sizeof code, &env, mem, sizeof mem, NULL, NULL, &c), 0);
  ck_assert_uint_eq(c.a.result.r0, lbpf_test_helper_mix(NULL, 1, 2, 3, 4, 5));
  ck_assert_uint_eq(c.a.bytes[0][3], 0x7f);
  ck_assert_uint_eq(c.a.bytes[1][c.a.len[1] - 8], 0x55);
  ck_assert_uint_eq(mem[3], 4); /* restored */
  lbpf_comparison_free(&c);
  for (size_t i = 0; i < sizeof planted / sizeof planted[0]; i++) {
    ck_assert_uint_eq(
        lbpf_compare(spec(), &planted[i], code, sizeof code, &env, mem, sizeof mem, NULL, NULL, &c),
        want[i]);
    if (want[i] == LBPF_DIFF_MEMORY) ck_assert_int_eq(c.first[0], 7);
    char text[1024];
    FILE *f = fmemopen(text, sizeof text, "w");
    lbpf_comparison_describe(&c, f);
    fclose(f);
    ck_assert_ptr_nonnull(strstr(text, planted[i].name));
    lbpf_comparison_free(&c);
  }
}
END_TEST

START_TEST(standard_environment) {
  struct lbpf_env env;
  uint8_t stack[LBPF_STACK_SIZE];
  lbpf_test_env(&env, stack, sizeof stack, 7);
  ck_assert_ptr_eq(lbpf_env_helper(&env, LBPF_TEST_HELPER_ID), lbpf_test_helper_identity);
  ck_assert_ptr_eq(lbpf_env_helper(&env, LBPF_TEST_HELPER_MIX), lbpf_test_helper_mix);
  ck_assert_ptr_null(lbpf_env_helper(&env, LBPF_TEST_HELPER_ABSENT));
  ck_assert_uint_eq(env.budget, 7);
  ck_assert_uint_eq(env.nregions, 0);
  for (size_t i = 0; i < lbpf_nengines; i++)
    ck_assert_ptr_eq(lbpf_engine_find(lbpf_engines[i].name), &lbpf_engines[i]);
  ck_assert_ptr_null(lbpf_engine_find("no such engine"));
}
END_TEST

Suite *compare_suite(void) {
  Suite *s = suite_create("compare");
  TCase *tc = tcase_create("compare");
  tcase_add_test(tc, comparison_sees_each_difference);
  tcase_add_test(tc, standard_environment);
  suite_add_tcase(s, tc);
  return s;
}
