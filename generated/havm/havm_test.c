#line 1905 "lit/interp.nw"
#include <check.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lbpf.h"
#include "lbpf_compare.h"
#include "lbpf_engines.h"
#include "lbpf_havm.h"
#include "lbpf_interp.h"
#include "lbpf_isa.h"
#include "loader.h"

/* A variant is the interpreter's three entry points. */
struct variant {
  const char *name;
  bool compact; /* the compact shape (which clears registers on every run) */
  size_t (*code_size)(uint32_t);
  enum lbpf_status (*load)(struct lbpf_interp *, const uint8_t *, size_t, const struct lbpf_env *,
                           void *, size_t, struct lbpf_fault *);
  void (*run)(struct lbpf_interp *, void *, size_t, struct lbpf_result *);
};
#line 542 "lit/havm.nw"
/* The switch dispatch in the compact shape, beside the library (threaded, fast). */
#define LBPF_INTERP_SWITCH 1
#define LBPF_INTERP_COMPACT 1
#define lbpf_havm_jit_size lbpf_havm_other_jit_size
#define lbpf_havm_load lbpf_havm_other_load
#define lbpf_havm_interp_code_size lbpf_havm_other_interp_code_size
#define lbpf_havm_interp_load lbpf_havm_other_interp_load
#define lbpf_havm_interp_run lbpf_havm_other_interp_run
#include "havm.c"
#undef lbpf_havm_jit_size
#undef lbpf_havm_load
#undef lbpf_havm_interp_code_size
#undef lbpf_havm_interp_load
#undef lbpf_havm_interp_run
#line 575 "lit/havm.nw"
static _Alignas(8) uint8_t jit_buf[1u << 21];
static struct lbpf_havm_model_count model;

/* Load through one reading's entry points, with the JIT buffer and the model. */
static enum lbpf_status
havm_load_with(enum lbpf_status (*load)(struct lbpf_havm *, const uint8_t *, size_t,
                                        const struct lbpf_env *, void *, size_t, void *, size_t,
                                        lbpf_havm_call_fn, void *, struct lbpf_fault *),
               size_t (*jit_size)(uint32_t), struct lbpf_interp *vm, const uint8_t *code,
               size_t size, const struct lbpf_env *env, void *buf, size_t buf_size,
               struct lbpf_fault *fault) {
  ck_assert_uint_ge(sizeof jit_buf, jit_size((uint32_t)(size / 8)));
  return load((struct lbpf_havm *)vm, code, size, env, buf, buf_size, jit_buf, sizeof jit_buf,
              lbpf_havm_model_call, &model, fault);
}
static enum lbpf_status havm_fast_load(struct lbpf_interp *vm, const uint8_t *code, size_t size,
                                       const struct lbpf_env *env, void *buf, size_t buf_size,
                                       struct lbpf_fault *fault) {
  return havm_load_with(lbpf_havm_load, lbpf_havm_jit_size, vm, code, size, env, buf, buf_size,
                        fault);
}
static enum lbpf_status havm_compact_load(struct lbpf_interp *vm, const uint8_t *code, size_t size,
                                          const struct lbpf_env *env, void *buf, size_t buf_size,
                                          struct lbpf_fault *fault) {
  return havm_load_with(lbpf_havm_other_load, lbpf_havm_other_jit_size, vm, code, size, env, buf,
                        buf_size, fault);
}

static const struct variant variants[] = {
    {"havm, threaded, fast", false, lbpf_interp_code_size, havm_fast_load, lbpf_havm_interp_run},
    {"havm, switch, compact", true, lbpf_interp_code_size, havm_compact_load,
     lbpf_havm_other_interp_run},
};
#line 557 "lit/havm.nw"
#include "../interp/interp_cases.h"
#line 618 "lit/havm.nw"
START_TEST(runs_are_jitted_and_called) {
  const struct lbpf_insn p[] = {MOV64_K(0, 7),
                                INSN(0x15, 2, 0, 3, 0), /* no input: jump into the run */
                                MOV64_K(3, -3),
                                LDDW64(4, 0x123456789abcdefull),
                                ADD64_X(3, 4),
                                INSN(0x27, 3, 0, 0, 1000003),
                                INSN(0x3c, 3, 0, 0, 0) /* w3 /= w0 */,
                                INSN(0x04, 3, 0, 0, -1),
                                INSN(0x77, 3, 0, 0, 7),
                                INSN(0xdc, 3, 0, 0, 64),
                                INSN(0xaf, 0, 3, 0, 0),
                                INSN(0x87, 0, 0, 0, 0),
                                EXIT};
  const size_t n = sizeof p / sizeof p[0];
  struct lbpf_program prog;
  struct lbpf_fault f;
  ck_assert_int_eq(load_both(_i, encode(p, n), &prog, &f), LBPF_OK);
  const struct lbpf_havm *h = &state;
  /* the load's entry table is gone (the code was moved over it): the JIT,
     deterministic, gives it again, and the code it placed at the buffer's start */
  static struct lbpf_jit_entry entries[64];
  static uint8_t again[4096];
  size_t again_len = 0;
  ck_assert_uint_le(prog.ninsns, 64);
  ck_assert_int_eq(lbpf_jit_alu_compile(&prog, again, sizeof again, &again_len, entries), LBPF_OK);
  ck_assert_ptr_eq(h->code, h->jit);
  ck_assert_uint_eq(h->code_len, again_len);
  ck_assert(memcmp(h->code, again, again_len) == 0);
  uint32_t runs = 0;
  for (uint32_t pc = 0; pc < prog.ninsns; pc++) {
    if (entries[pc].len == 0) continue;
    uint32_t lddws = 0;
    for (uint32_t k = pc; k < pc + entries[pc].len; k++)
      lddws += lbpf_is_lddw(lbpf_program_insn(&prog, k).opcode) != 0;
    runs++;
    ck_assert_uint_eq(vm->code[pc].dst, lddws);
    ck_assert_int_eq(vm->code[pc].op, lddws ? H_JIT_RUN_LDDW : H_JIT_RUN);
    ck_assert_int_eq(vm->code[pc].off, (int16_t)entries[pc].len);
    ck_assert_int_eq(vm->code[pc].imm, (int32_t)entries[pc].offset);
    ck_assert_uint_lt(entries[pc].offset, h->code_len);
  }
  ck_assert_uint_gt(runs, 0);
  for (int k = 0; k < 2; k++) {
    static uint8_t mem[1];
    model = (struct lbpf_havm_model_count){0, 0, 0};
    run_loaded(_i, &prog, mem, (size_t)k);
    ck_assert_uint_gt(model.runs, 0);
    ck_assert_uint_gt(model.insns, 0);
  }
}
END_TEST
#line 670 "lit/havm.nw"
START_TEST(jit_buffer_refusals) {
  const struct lbpf_insn p[] = {MOV64_K(0, 1), ADD64_K(0, 2), EXIT};
  const size_t size = encode(p, 3);
  const size_t need = lbpf_havm_jit_size(3), slots = lbpf_interp_code_size(3);
  struct lbpf_fault f;
  struct {
    uint8_t *jit;
    size_t size;
    lbpf_havm_call_fn call;
  } bad[] = {{NULL, need, lbpf_havm_model_call},
             {jit_buf + 2, need, lbpf_havm_model_call},
             {jit_buf, need - 1, lbpf_havm_model_call},
             {jit_buf, need, NULL}};
  for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
    f = (struct lbpf_fault){LBPF_OK, 99};
    ck_assert_int_eq(lbpf_havm_load(&state, code_bytes, size, &env, slot_buf, slots, bad[k].jit,
                                    bad[k].size, bad[k].call, NULL, &f),
                     LBPF_ERR_ARGUMENT);
    ck_assert_int_eq(f.status, LBPF_ERR_ARGUMENT);
    ck_assert_uint_eq(f.pc, 0);
  }
  ck_assert_int_eq(
      lbpf_havm_load(&state, code_bytes, size - 1, &env, slot_buf, slots, NULL, 0, NULL, NULL, &f),
      LBPF_ERR_PROGRAM_SIZE);
  ck_assert_int_eq(lbpf_havm_load(&state, code_bytes, size, &env, slot_buf, slots, jit_buf, need,
                                  lbpf_havm_model_call, NULL, &f),
                   LBPF_OK);
}
END_TEST
#line 707 "lit/havm.nw"
static bool refuse_every_run(void *ctx, const uint8_t *code, size_t code_len, uint32_t offset,
                             uint64_t regs[LBPF_NREGS]) {
  (void)ctx, (void)code, (void)code_len, (void)offset, (void)regs;
  return false;
}

START_TEST(a_failing_call_stops_the_run) {
  const struct lbpf_insn p[] = {MOV64_K(0, 1), INSN(0x15, 1, 0, 0, 0), MOV64_K(3, 5),
                                ADD64_X(0, 3), INSN(0x2f, 0, 3, 0, 0), ADD64_K(0, 9),
                                EXIT};
  struct lbpf_fault f;
  ck_assert_int_eq(lbpf_havm_load(&state, code_bytes, encode(p, 7), &env, slot_buf, sizeof slot_buf,
                                  jit_buf, sizeof jit_buf, refuse_every_run, NULL, &f),
                   LBPF_OK);
  uint32_t first = UINT32_MAX;
  for (uint32_t pc = 0; pc < 7 && first == UINT32_MAX; pc++)
    if (vm->code[pc].op == H_JIT_RUN || vm->code[pc].op == H_JIT_RUN_LDDW) first = pc;
  ck_assert_msg(first != UINT32_MAX, "the JIT found no run");
  struct lbpf_result r;
  lbpf_havm_run(&state, NULL, 0, &r);
  ck_assert_int_eq(r.status, LBPF_ERR_ENGINE);
  ck_assert_uint_eq(r.pc, first);
  ck_assert_uint_eq(r.r0, 0);
  ck_assert_uint_eq(r.insns, first + 1);
  ck_assert_uint_eq(r.budget_used, 0);
}
END_TEST

#line 560 "lit/havm.nw"
Suite *havm_suite(void) {
  Suite *s = suite_create("havm");
  TCase *tc = tcase_create("havm");
  add_interp_tests(tc);

#line 743 "lit/havm.nw"
  tcase_add_loop_test(tc, runs_are_jitted_and_called, 0, NVARIANTS);
  tcase_add_test(tc, jit_buffer_refusals);
  tcase_add_test(tc, a_failing_call_stops_the_run);
#line 565 "lit/havm.nw"
  suite_add_tcase(s, tc);
  return s;
}
