#line 3072 "lit/jit.nw"
#include <check.h>
#include <string.h>

#include "../host/pbt/lbpf_pbt.h"
#include "lbpf_engines.h"
#include "lbpf_isa.h"
#include "lbpf_jit_prog.h"

#line 2740 "lit/jit.nw"
static struct lbpf_thumb_insn insns[1u << 18];
static uint32_t labels[1u << 18];
static struct lbpf_jit_fixup fixups[1u << 16];
static uint8_t code[1u << 20];

static bool gen_into(const struct lbpf_program *prog, const struct lbpf_env *env, uint8_t *bytes,
                     size_t cap, struct lbpf_thumb_insn *out, size_t icap, struct lbpf_jit_buf *b) {
  lbpf_jit_buf_init(b, bytes, cap, out, icap, labels, lbpf_jit_prog_nlabels(prog->ninsns), fixups,
                    sizeof fixups / sizeof fixups[0]);
  return lbpf_jit_prog_gen(prog, env, b);
}

START_TEST(j_and_e_agree) {
  struct lbpf_pbt_config cfg;
  lbpf_pbt_default_config(&cfg);
  static struct lbpf_pbt_case c;
  static uint8_t bpf[8 * LBPF_PBT_MAX_SLOTS];
  static uint8_t stack[LBPF_STACK_SIZE * LBPF_MAX_CALL_DEPTH];
  struct lbpf_env env;
  lbpf_test_env(&env, stack, sizeof stack, LBPF_DEFAULT_BUDGET);
  bool seen[LBPF_PBT_NFORMS] = {false};
  unsigned compiled = 0;
  for (uint64_t k = 0; k < 400; k++) {
    struct lbpf_pbt_rng rng;
    lbpf_pbt_seed(&rng, 0x4a495450u, k);
    lbpf_pbt_gen(&rng, &cfg, &c);
    lbpf_pbt_encode(&c, bpf);
    struct lbpf_program prog;
    struct lbpf_fault f;
    if (lbpf_verify(bpf, 8u * c.nslots, &env, &prog, &f) != LBPF_OK) continue;
    compiled++;
    for (uint32_t pc = 0; pc < c.nslots; pc++) {
      int form = lbpf_pbt_form(c.insns[pc]);
      if (form >= 0) seen[form] = true;
    }
    struct lbpf_jit_buf j, e;
    ck_assert(gen_into(&prog, &env, NULL, 0, insns, sizeof insns / sizeof insns[0], &j));
    ck_assert(gen_into(&prog, &env, code, sizeof code, NULL, 0, &e));
    ck_assert_uint_eq(j.len, e.len);
    ck_assert_uint_le(e.len, lbpf_jit_prog_code_bound(prog.ninsns));
    size_t off = 0;
    for (size_t i = 0; i < j.n; i++) {
      uint8_t one[4];
      size_t size = lbpf_thumb_emit(&insns[i], one, sizeof one);
      ck_assert_msg(size > 0 && memcmp(one, code + off, size) == 0,
                    "case %u: E's bytes differ from encode(J) at instruction %zu", (unsigned)k, i);
      off += size;
    }
    ck_assert_uint_eq(off, e.len);
    static uint8_t short_code[1u << 20];
    memset(short_code, 0xa5, e.len + 16);
    struct lbpf_jit_buf s;
    ck_assert(!gen_into(&prog, &env, short_code, e.len - 1, NULL, 0, &s));
    ck_assert_int_eq(s.status, LBPF_JIT_BUF_FULL);
    for (size_t i = e.len - 1; i < e.len + 16; i++)
      ck_assert_uint_eq(short_code[i], 0xa5);
  }
  ck_assert_uint_gt(compiled, 300);
  for (int form = 0; form < LBPF_PBT_NFORMS; form++)
    ck_assert_msg(seen[form], "no program had the form %s", lbpf_pbt_form_name(form));
}
END_TEST
#line 2815 "lit/jit.nw"
START_TEST(bound_per_slot) {
  static uint8_t stack[LBPF_STACK_SIZE * LBPF_MAX_CALL_DEPTH];
  struct lbpf_env env;
  lbpf_test_env(&env, stack, sizeof stack, LBPF_DEFAULT_BUDGET);
  const struct lbpf_insn heavy[] = {
      {LBPF_CLASS_STX | LBPF_MODE_ATOMIC | LBPF_SIZE_DW, 1, 2, -300, LBPF_ATOMIC_CMPXCHG},
      {LBPF_CLASS_JMP | LBPF_JMP_CALL, 0, LBPF_CALL_LOCAL, 0, -1},
      {LBPF_CLASS_JMP | LBPF_JMP_JSLE | LBPF_SRC_K, 3, 0, -1, -123456789},
      {LBPF_CLASS_ALU64 | LBPF_ALU_ARSH | LBPF_SRC_X, 3, 4, 0, 0},
      {LBPF_CLASS_ALU64 | LBPF_ALU_DIV | LBPF_SRC_K, 3, 0, 1, -77777},
      {LBPF_CLASS_JMP | LBPF_JMP_CALL | LBPF_SRC_X, 2, 0, 0, 0},
      {LBPF_CLASS_LDX | LBPF_MODE_MEMSX | LBPF_SIZE_H, 1, 2, -32768, 0},
  };
  static uint8_t bpf[8 * 64];
  for (size_t h = 0; h < sizeof heavy / sizeof heavy[0]; h++) {
    const uint32_t n = 63;
    for (uint32_t pc = 0; pc < n; pc++)
      lbpf_encode(heavy[h], bpf + 8 * pc);
    lbpf_encode((struct lbpf_insn){LBPF_CLASS_JMP | LBPF_JMP_EXIT, 0, 0, 0, 0}, bpf + 8 * n);
    if (heavy[h].opcode == (LBPF_CLASS_JMP | LBPF_JMP_CALL)) /* each calls the exit */
      for (uint32_t pc = 0; pc < n; pc++)
        lbpf_encode((struct lbpf_insn){LBPF_CLASS_JMP | LBPF_JMP_CALL, 0, LBPF_CALL_LOCAL, 0,
                                       (int32_t)(n - pc - 1)},
                    bpf + 8 * pc);
    struct lbpf_program prog;
    struct lbpf_fault f;
    ck_assert_int_eq(lbpf_verify(bpf, 8u * (n + 1), &env, &prog, &f), LBPF_OK);
    struct lbpf_jit_buf e;
    ck_assert(gen_into(&prog, &env, code, sizeof code, NULL, 0, &e));
    ck_assert_uint_le(e.nfixups, (size_t)(LBPF_JIT_PROG_FIXUPS_PER_SLOT - 2u) * prog.ninsns);
    ck_assert_msg(e.len <= lbpf_jit_prog_code_bound(prog.ninsns),
                  "form %zu: %zu bytes for %u slots", h, e.len, (unsigned)prog.ninsns);
  }
}
END_TEST
#line 2857 "lit/jit.nw"
static bool never_called(void *ctx, const struct lbpf_jit_prog *vm, struct lbpf_jit_prog_state *st,
                         const struct lbpf_helper_ctx *hctx) {
  (void)ctx, (void)vm, (void)st, (void)hctx;
  ck_abort_msg("a refused load ran");
  return false;
}

START_TEST(refusals) {
  static uint8_t stack[LBPF_STACK_SIZE];
  static _Alignas(8) uint8_t work[1u << 16];
  struct lbpf_env env;
  lbpf_test_env(&env, stack, sizeof stack, LBPF_DEFAULT_BUDGET);
  uint8_t bpf[16];
  lbpf_encode((struct lbpf_insn){LBPF_CLASS_ALU64 | LBPF_ALU_MOV, 0, 0, 0, 7}, bpf);
  lbpf_encode((struct lbpf_insn){LBPF_CLASS_JMP | LBPF_JMP_EXIT, 0, 0, 0, 0}, bpf + 8);
  const size_t need = lbpf_jit_prog_work_size(2), tables = lbpf_jit_prog_tables_size(2);
  struct {
    void *work;
    size_t size;
    lbpf_jit_prog_call_fn call;
  } bad[] = {{NULL, need, lbpf_jit_prog_model_call},
             {work + 4, need, lbpf_jit_prog_model_call},
             {work, tables - 1, lbpf_jit_prog_model_call},
             {work, tables + 8, lbpf_jit_prog_model_call}, /* the code does not fit */
             {work, need, NULL}};
  struct lbpf_jit_prog vm;
  struct lbpf_result r;
  for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
    struct lbpf_fault f = {LBPF_OK, 99};
    ck_assert_int_eq(lbpf_jit_prog_load(&vm, bpf, sizeof bpf, &env, bad[k].work, bad[k].size,
                                        bad[k].call, NULL, &f),
                     LBPF_ERR_ARGUMENT);
    ck_assert_int_eq(f.status, LBPF_ERR_ARGUMENT);
    ck_assert_uint_eq(f.pc, 0);
  }
  struct lbpf_fault f;
  ck_assert_int_eq(lbpf_jit_prog_load(&vm, bpf, 12, &env, work, need, never_called, NULL, &f),
                   LBPF_ERR_PROGRAM_SIZE);
  lbpf_jit_prog_run(&vm, NULL, 0, &r);
  ck_assert_int_eq(r.status, LBPF_ERR_ARGUMENT);
  ck_assert_int_eq(lbpf_jit_prog_load(&vm, bpf, sizeof bpf, &env, work, need,
                                      lbpf_jit_prog_model_call, NULL, &f),
                   LBPF_OK);
  lbpf_jit_prog_run(&vm, NULL, 0, &r);
  ck_assert_int_eq(r.status, LBPF_OK);
  ck_assert_uint_eq(r.r0, 7);
  const size_t fit = tables + (vm.code_len + 7u) / 8u * 8u; /* the tables and the code: enough */
  ck_assert_int_eq(
      lbpf_jit_prog_load(&vm, bpf, sizeof bpf, &env, work, fit, lbpf_jit_prog_model_call, NULL, &f),
      LBPF_OK);
  lbpf_jit_prog_run(&vm, NULL, 0, &r);
  ck_assert_int_eq(r.status, LBPF_OK);
  ck_assert_uint_eq(r.r0, 7);
}
END_TEST
#line 2925 "lit/jit.nw"
struct entry_seen {
  const struct lbpf_env *env;
  void *mem;
  size_t mem_len;
  unsigned calls;
};

static void same_fast(const struct lbpf_jit_fast_region *got, const struct lbpf_region *r) {
  struct lbpf_jit_fast_region want;
  lbpf_jit_prog_fast_region_of(&want, (uint64_t)(uintptr_t)r->base, r->length);
  ck_assert(got->base_lo == want.base_lo && got->base_hi == want.base_hi && got->delta == 0);
  for (unsigned j = 0; j < 4; j++)
    ck_assert(got->at[j].end == want.at[j].end && got->at[j].machine == want.at[j].machine);
}

static bool entry_checked(void *ctx, const struct lbpf_jit_prog *vm, struct lbpf_jit_prog_state *st,
                          const struct lbpf_helper_ctx *hctx) {
  struct entry_seen *seen = ctx;
  struct lbpf_helper_ctx want;
  lbpf_helper_ctx_init(&want, seen->env, seen->mem, seen->mem_len);
  ck_assert(hctx->env == want.env);
  ck_assert(hctx->input.base == want.input.base && hctx->input.length == want.input.length &&
            hctx->input.perm == want.input.perm);
  ck_assert(hctx->stack.base == want.stack.base && hctx->stack.length == want.stack.length &&
            hctx->stack.perm == want.stack.perm);
  ck_assert_uint_eq(st->regs[1], (uint64_t)(uintptr_t)seen->mem);
  ck_assert_uint_eq(st->regs[2], seen->mem_len);
  ck_assert_uint_eq(st->regs[10], (uint64_t)(uintptr_t)want.stack.base + want.stack.length);
  ck_assert_uint_eq((uint64_t)st->budget_hi << 32 | st->budget_lo, seen->env->budget);
  ck_assert(st->status == LBPF_OK && st->pc == 0 && st->depth == 0);
  ck_assert_uint_eq(st->max_depth, want.stack.length / LBPF_STACK_SIZE);
  ck_assert_uint_eq(st->ctx, (uint32_t)(uintptr_t)hctx);
  same_fast(&st->fast[LBPF_JIT_PROG_FAST_INPUT], &want.input);
  same_fast(&st->fast[LBPF_JIT_PROG_FAST_STACK], &want.stack);
  seen->calls++;
  return lbpf_jit_prog_model_call(NULL, vm, st, hctx);
}

START_TEST(run_entry) {
  static uint8_t stack_a[LBPF_STACK_SIZE * 3], stack_b[LBPF_STACK_SIZE * LBPF_MAX_CALL_DEPTH + 40];
  static _Alignas(8) uint8_t work[1u << 16];
  uint8_t mem[9] = {0};
  uint8_t bpf[16];
  lbpf_encode((struct lbpf_insn){LBPF_CLASS_ALU64 | LBPF_ALU_MOV, 0, 0, 0, 7}, bpf);
  lbpf_encode((struct lbpf_insn){LBPF_CLASS_JMP | LBPF_JMP_EXIT, 0, 0, 0, 0}, bpf + 8);
  struct {
    void *load_stack; /* the environment's stack at load, then at the run */
    size_t load_size;
    void *run_stack;
    size_t run_size;
  } cases[] = {
      {stack_a, sizeof stack_a, stack_a, sizeof stack_a},           /* the entry of the load */
      {stack_a, sizeof stack_a, stack_b, sizeof stack_b},           /* another stack since */
      {stack_a, sizeof stack_a, stack_a, LBPF_STACK_SIZE},          /* the same, shorter */
      {NULL, 0, stack_b, sizeof stack_b},                           /* none at the load */
      {stack_a, LBPF_STACK_SIZE - 1, stack_a, LBPF_STACK_SIZE - 1}, /* unusable, still */
      {NULL, 0, NULL, 0},                                           /* none, still */
      {stack_a, sizeof stack_a, NULL, sizeof stack_a},              /* none since */
      {stack_a, sizeof stack_a, stack_a, LBPF_STACK_SIZE - 1},      /* too short since */
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    struct lbpf_env env;
    lbpf_test_env(&env, cases[k].load_stack, cases[k].load_size, 1000);
    struct entry_seen seen = {&env, mem, sizeof mem, 0};
    struct lbpf_jit_prog vm;
    struct lbpf_fault f;
    ck_assert_int_eq(
        lbpf_jit_prog_load(&vm, bpf, sizeof bpf, &env, work, sizeof work, entry_checked, &seen, &f),
        LBPF_OK);
    env.stack = cases[k].run_stack, env.stack_size = cases[k].run_size;
    bool usable = env.stack != NULL && env.stack_size >= LBPF_STACK_SIZE;
    for (unsigned run = 0; run < 2; run++) {
      struct lbpf_result r;
      seen.mem = run ? NULL : mem, seen.mem_len = run ? 0 : sizeof mem;
      lbpf_jit_prog_run(&vm, seen.mem, seen.mem_len, &r);
      ck_assert_msg(r.status == (usable ? LBPF_OK : LBPF_ERR_ARGUMENT) &&
                        r.r0 == (usable ? 7u : 0u),
                    "case %zu, run %u: %s", k, run, lbpf_status_name(r.status));
      ck_assert_uint_eq(seen.calls, usable ? run + 1 : 0);
    }
  }
}
END_TEST
#line 3017 "lit/jit.nw"
START_TEST(region_edges) {
  static uint8_t stack[LBPF_STACK_SIZE * 2];
  static uint8_t rom[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
  static _Alignas(8) uint8_t work[1u << 16];
  struct lbpf_region regions[1] = {{rom, sizeof rom, LBPF_PERM_READ}};
  struct lbpf_env env;
  lbpf_test_env(&env, stack, sizeof stack, LBPF_DEFAULT_BUDGET);
  env.regions = regions, env.nregions = 1;
  static const uint8_t sizes[4] = {LBPF_SIZE_B, LBPF_SIZE_H, LBPF_SIZE_W, LBPF_SIZE_DW};
  uint8_t mem[13];
  for (int target = 0; target < 4; target++) /* input, read-only, input + 2^32, input - 2^32 */
    for (unsigned s = 0; s < 4; s++)
      for (int off = -9; off <= 14; off++) {
        /* r1 = the input (0) or the read-only region (1); load, then store */
        uint8_t bpf[6 * 8];
        uint64_t base = target == 1   ? (uint64_t)(uintptr_t)rom
                        : target == 2 ? UINT64_C(1) << 32
                        : target == 3 ? (uint64_t)0 - (UINT64_C(1) << 32)
                                      : 0;
        lbpf_encode((struct lbpf_insn){LBPF_CLASS_LD | LBPF_MODE_IMM | LBPF_SIZE_DW, 3, 0, 0,
                                       (int32_t)(uint32_t)base},
                    bpf);
        lbpf_encode((struct lbpf_insn){0, 0, 0, 0, (int32_t)(uint32_t)(base >> 32)}, bpf + 8);
        uint8_t op = target == 1 ? LBPF_CLASS_ALU64 | LBPF_ALU_MOV | LBPF_SRC_X
                                 : LBPF_CLASS_ALU64 | LBPF_ALU_ADD | LBPF_SRC_X;
        lbpf_encode((struct lbpf_insn){op, 1, 3, 0, 0}, bpf + 16);
        lbpf_encode((struct lbpf_insn){(uint8_t)(LBPF_CLASS_LDX | LBPF_MODE_MEM | sizes[s]), 0, 1,
                                       (int16_t)off, 0},
                    bpf + 24);
        lbpf_encode((struct lbpf_insn){(uint8_t)(LBPF_CLASS_STX | LBPF_MODE_MEM | sizes[s]), 1, 0,
                                       (int16_t)(off + 1), 0},
                    bpf + 32);
        lbpf_encode((struct lbpf_insn){LBPF_CLASS_JMP | LBPF_JMP_EXIT, 0, 0, 0, 0}, bpf + 40);
        struct lbpf_program prog;
        struct lbpf_fault f;
        ck_assert_int_eq(lbpf_verify(bpf, sizeof bpf, &env, &prog, &f), LBPF_OK);
        struct lbpf_result want, got;
        for (unsigned k = 0; k < sizeof mem; k++)
          mem[k] = (uint8_t)(0x40 + k);
        lbpf_spec_run(&prog, &env, mem, sizeof mem, &want);
        uint8_t after_spec[sizeof mem];
        memcpy(after_spec, mem, sizeof mem);
        for (unsigned k = 0; k < sizeof mem; k++)
          mem[k] = (uint8_t)(0x40 + k);
        struct lbpf_havm_model_count count = {0, 0, 0};
        struct lbpf_jit_prog vm;
        ck_assert_int_eq(lbpf_jit_prog_load(&vm, bpf, sizeof bpf, &env, work, sizeof work,
                                            lbpf_jit_prog_model_call, &count, &f),
                         LBPF_OK);
        lbpf_jit_prog_run(&vm, mem, sizeof mem, &got);
        ck_assert_uint_eq(count.runs, 1);
        bool ok = want.status == LBPF_OK;
        ck_assert_msg(got.status == want.status && (ok || got.pc == want.pc) && got.r0 == want.r0 &&
                          got.budget_used == want.budget_used &&
                          memcmp(mem, after_spec, sizeof mem) == 0,
                      "region %d, size index %u, offset %d: jit %s at %u, spec %s at %u", target, s,
                      off, lbpf_status_name(got.status), (unsigned)got.pc,
                      lbpf_status_name(want.status), (unsigned)want.pc);
      }
}
END_TEST

#line 3086 "lit/jit.nw"
Suite *jit_prog_suite(void) {
  Suite *s = suite_create("jit_prog");
  TCase *tc = tcase_create("jit_prog");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, j_and_e_agree);
  tcase_add_test(tc, bound_per_slot);
  tcase_add_test(tc, refusals);
  tcase_add_test(tc, run_entry);
  tcase_add_test(tc, region_edges);
  suite_add_tcase(s, tc);
  return s;
}
