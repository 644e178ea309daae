#line 2558 "lit/pbt.nw"
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lbpf_isa.h"
#include "lbpf_pbt.h"

#line 2748 "lit/pbt.nw"
struct wrapped {
  uint8_t code[LBPF_PBT_MAX_SLOTS * 8];
  size_t size;
};
#define WRAPPED_HEAD ((sizeof(struct wrapped) + 15) & ~(size_t)15)

static const struct lbpf_engine *spec_engine(void) {
  return lbpf_engine_find("spec");
}

static size_t wrapped_state_size(size_t code_size) {
  return WRAPPED_HEAD + spec_engine()->state_size(code_size);
}

static enum lbpf_status signedness_load(void *state, const uint8_t *code, size_t size,
                                        const struct lbpf_env *env, struct lbpf_fault *fault) {
  struct wrapped *w = state;
  if (size > sizeof w->code) return LBPF_ERR_PROGRAM_SIZE;
  memcpy(w->code, code, size);
  w->size = size;
  for (size_t i = 0; i < size; i += 8) {
    if (w->code[i] == (LBPF_CLASS_JMP32 | LBPF_JMP_JSGT | LBPF_SRC_K))
      w->code[i] = LBPF_CLASS_JMP32 | LBPF_JMP_JGT | LBPF_SRC_K;
    else if (lbpf_is_lddw(w->code[i]))
      i += 8;
  }
  return spec_engine()->load((char *)state + WRAPPED_HEAD, w->code, size, env, fault);
}

static void wrapped_run(void *state, void *mem, size_t mem_len, struct lbpf_result *result) {
  spec_engine()->run((char *)state + WRAPPED_HEAD, mem, mem_len, result);
}

static enum lbpf_status plain_load(void *state, const uint8_t *code, size_t size,
                                   const struct lbpf_env *env, struct lbpf_fault *fault) {
  return spec_engine()->load((char *)state + WRAPPED_HEAD, code, size, env, fault);
}

static void stray_write_run(void *state, void *mem, size_t mem_len, struct lbpf_result *result) {
  ((uint8_t *)mem)[mem_len] ^= 1; /* one byte past the input: in the arena's guard */
  wrapped_run(state, mem, mem_len, result);
}

static void no_counters_run(void *state, void *mem, size_t mem_len, struct lbpf_result *result) {
  wrapped_run(state, mem, mem_len, result);
  result->insns = result->budget_used = 0;
}

static void budget_plus_one_run(void *state, void *mem, size_t mem_len,
                                struct lbpf_result *result) {
  wrapped_run(state, mem, mem_len, result);
  result->budget_used++;
}

static const struct lbpf_engine no_counters = {"no-counters", wrapped_state_size, plain_load,
                                               no_counters_run};
static const struct lbpf_engine budget_plus_one = {"budget+1", wrapped_state_size, plain_load,
                                                   budget_plus_one_run};
static const struct lbpf_engine signedness_bug = {"jsgt32-bug", wrapped_state_size, signedness_load,
                                                  wrapped_run};
static const struct lbpf_engine stray_write = {"stray-write", wrapped_state_size, plain_load,
                                               stray_write_run};
#line 2584 "lit/pbt.nw"
START_TEST(rng_is_xoshiro256starstar) {
  struct lbpf_pbt_rng rng = {{1, 2, 3, 4}};
  ck_assert_uint_eq(lbpf_pbt_next(&rng), 11520u);
  ck_assert_uint_eq(lbpf_pbt_next(&rng), 0u);
  ck_assert_uint_eq(lbpf_pbt_next(&rng), 1509978240u);
  ck_assert_uint_eq(lbpf_pbt_next(&rng), 1215971899390074240u);
  struct lbpf_pbt_rng a, b, c;
  lbpf_pbt_seed(&a, 7, 1234);
  lbpf_pbt_seed(&b, 7, 1234);
  lbpf_pbt_seed(&c, 7, 1235);
  ck_assert(memcmp(&a, &b, sizeof a) == 0);
  ck_assert(memcmp(&a, &c, sizeof a) != 0);
  for (int i = 0; i < 10000; i++)
    ck_assert_uint_lt(lbpf_pbt_below(&a, 7), 7);
  ck_assert_uint_eq(lbpf_pbt_below(&a, 1), 0);
}
END_TEST
#line 2613 "lit/pbt.nw"
static struct lbpf_pbt_case case_a, case_b;

/* Field by field: a struct's padding bytes are not part of its value. */
static int same_insn(struct lbpf_insn x, struct lbpf_insn y) {
  return x.opcode == y.opcode && x.dst == y.dst && x.src == y.src && x.offset == y.offset &&
         x.imm == y.imm;
}

START_TEST(generator_is_deterministic) {
  struct lbpf_pbt_config cfg;
  lbpf_pbt_default_config(&cfg);
  for (uint64_t k = 0; k < 50; k++) {
    struct lbpf_pbt_rng r1, r2;
    lbpf_pbt_seed(&r1, 99, k);
    lbpf_pbt_seed(&r2, 99, k);
    lbpf_pbt_gen(&r1, &cfg, &case_a);
    lbpf_pbt_gen(&r2, &cfg, &case_b);
    ck_assert_uint_eq(case_a.nslots, case_b.nslots);
    for (uint32_t i = 0; i < case_a.nslots; i++)
      ck_assert(same_insn(case_a.insns[i], case_b.insns[i]));
    ck_assert_uint_eq(case_a.mem_len, case_b.mem_len);
    ck_assert(memcmp(case_a.mem, case_b.mem, case_a.mem_len) == 0);
    ck_assert_uint_eq(case_a.budget, case_b.budget);
    ck_assert_uint_eq(case_a.frames, case_b.frames);
  }
}
END_TEST

START_TEST(generated_programs_are_valid_and_cover_the_isa) {
  static struct lbpf_pbt_stats stats;
  static struct lbpf_outcome out;
  struct lbpf_pbt_config cfg;
  lbpf_pbt_default_config(&cfg);
  const struct lbpf_engine *spec = lbpf_engine_find("spec");
  ck_assert_ptr_nonnull(spec);
  memset(&stats, 0, sizeof stats);
  for (uint64_t k = 0; k < 3000; k++) {
    struct lbpf_pbt_rng rng;
    struct lbpf_fault fault;
    lbpf_pbt_seed(&rng, 1, k);
    lbpf_pbt_gen(&rng, &cfg, &case_a);
    ck_assert_int_eq(lbpf_pbt_verify(&case_a, &fault), LBPF_OK);
    ck_assert_uint_le(case_a.nslots, cfg.max_slots);
    for (uint32_t i = 0; i < case_a.nslots; i++) {
      ck_assert_int_ge(lbpf_pbt_form(case_a.insns[i]), 0);
      if (lbpf_is_lddw(case_a.insns[i].opcode)) i++;
    }
    ck_assert(lbpf_pbt_run(spec, &case_a, 0, &out));
    ck_assert_int_eq(out.load, LBPF_OK);
    lbpf_pbt_stats_add(&stats, &case_a, &out.result);
  }
  for (int f = 0; f < LBPF_PBT_NFORMS; f++)
    ck_assert_uint_gt(stats.forms[f], 0);
  ck_assert_uint_gt(stats.status[LBPF_OK], 0);
  ck_assert_uint_gt(stats.status[LBPF_ERR_MEMORY], 0);
  ck_assert_uint_gt(stats.status[LBPF_ERR_CALLX_TARGET], 0);
  ck_assert_uint_gt(stats.status[LBPF_ERR_CALL_DEPTH], 0);
  ck_assert_uint_gt(stats.status[LBPF_ERR_BUDGET], 0);
  /* Success stays the most common outcome: the errors must not drown the
     programs that run to the end. */
  ck_assert_uint_gt(stats.status[LBPF_OK], 3000 / 2);
}
END_TEST

START_TEST(form_table_names_are_distinct) {
  for (int i = 0; i < LBPF_PBT_NFORMS; i++) {
    ck_assert_str_ne(lbpf_pbt_form_name(i), "?");
    for (int j = 0; j < i; j++)
      ck_assert_str_ne(lbpf_pbt_form_name(i), lbpf_pbt_form_name(j));
  }
  ck_assert_str_eq(lbpf_pbt_form_name(LBPF_PBT_NFORMS), "?");
  struct lbpf_insn sdiv = {LBPF_CLASS_ALU64 | LBPF_ALU_DIV | LBPF_SRC_X, 1, 2, 1, 0};
  ck_assert_str_eq(lbpf_pbt_form_name(lbpf_pbt_form(sdiv)), "sdiv reg");
  struct lbpf_insn bad = {LBPF_CLASS_ALU64 | LBPF_ALU_DIV | LBPF_SRC_X, 1, 2, 2, 0};
  ck_assert_int_eq(lbpf_pbt_form(bad), -1);
}
END_TEST

START_TEST(features_restrict_the_generator) {
  /* Only 32-bit arithmetic and 32-bit jumps, as the paper's hybrid VM jits. */
  struct lbpf_pbt_config cfg;
  lbpf_pbt_default_config(&cfg);
  cfg.features = LBPF_PBT_ALU32 | LBPF_PBT_JMP32;
  for (uint64_t k = 0; k < 300; k++) {
    struct lbpf_pbt_rng rng;
    struct lbpf_fault fault;
    lbpf_pbt_seed(&rng, 3, k);
    lbpf_pbt_gen(&rng, &cfg, &case_a);
    ck_assert_int_eq(lbpf_pbt_verify(&case_a, &fault), LBPF_OK);
    for (uint32_t i = 0; i < case_a.nslots; i++) {
      uint8_t op = case_a.insns[i].opcode, cls = LBPF_CLASS(op);
      int prologue = i < 2 && op == (LBPF_CLASS_ALU64 | LBPF_ALU_MOV | LBPF_SRC_X);
      ck_assert_msg(cls == LBPF_CLASS_ALU || cls == LBPF_CLASS_JMP32 || prologue ||
                        op == (LBPF_CLASS_JMP | LBPF_JMP_EXIT) ||
                        op == (LBPF_CLASS_JMP | LBPF_JMP_JA),
                    "opcode 0x%02x at %u", op, i);
    }
  }
  /* Arithmetic alone: straight-line code, one exit. */
  cfg.features = LBPF_PBT_ALU32 | LBPF_PBT_ALU64 | LBPF_PBT_V4;
  for (uint64_t k = 0; k < 300; k++) {
    struct lbpf_pbt_rng rng;
    struct lbpf_fault fault;
    lbpf_pbt_seed(&rng, 4, k);
    lbpf_pbt_gen(&rng, &cfg, &case_a);
    ck_assert_int_eq(lbpf_pbt_verify(&case_a, &fault), LBPF_OK);
    for (uint32_t i = 0; i + 1 < case_a.nslots; i++) {
      uint8_t cls = LBPF_CLASS(case_a.insns[i].opcode);
      ck_assert(cls == LBPF_CLASS_ALU || cls == LBPF_CLASS_ALU64);
    }
    ck_assert_uint_eq(case_a.insns[case_a.nslots - 1].opcode, LBPF_CLASS_JMP | LBPF_JMP_EXIT);
  }
}
END_TEST
#line 2811 "lit/pbt.nw"
static struct lbpf_comparison report;

START_TEST(comparison_sees_a_stray_write) {
  struct lbpf_pbt_config cfg;
  struct lbpf_pbt_rng rng;
  lbpf_pbt_default_config(&cfg);
  lbpf_pbt_seed(&rng, 5, 0);
  lbpf_pbt_gen(&rng, &cfg, &case_a);
  ck_assert_uint_eq(lbpf_pbt_compare(spec_engine(), spec_engine(), &case_a, &report), 0);
  ck_assert(report.check_a && report.check_b);
  unsigned d = lbpf_pbt_compare(spec_engine(), &stray_write, &case_a, &report);
  ck_assert(d & LBPF_DIFF_CHECK);
  ck_assert(report.check_a);
  ck_assert(!report.check_b);
}
END_TEST

START_TEST(counters_are_compared_between_counting_engines) {
  struct lbpf_pbt_config cfg;
  lbpf_pbt_default_config(&cfg);
  for (uint64_t k = 0; k < 200; k++) {
    struct lbpf_pbt_rng rng;
    lbpf_pbt_seed(&rng, 6, k);
    lbpf_pbt_gen(&rng, &cfg, &case_a);
    ck_assert_uint_eq(lbpf_pbt_compare(spec_engine(), &no_counters, &case_a, &report), 0);
    ck_assert_uint_eq(lbpf_pbt_compare(spec_engine(), &budget_plus_one, &case_a, &report),
                      LBPF_DIFF_BUDGET);
  }
}
END_TEST

START_TEST(shrinker_isolates_a_planted_bug) {
  struct lbpf_pbt_config cfg;
  lbpf_pbt_default_config(&cfg);
  unsigned diff = 0;
  uint64_t k;
  for (k = 0; k < 5000 && diff == 0; k++) {
    struct lbpf_pbt_rng rng;
    lbpf_pbt_seed(&rng, 11, k);
    lbpf_pbt_gen(&rng, &cfg, &case_a);
    diff = lbpf_pbt_compare(spec_engine(), &signedness_bug, &case_a, &report);
  }
  ck_assert_msg(diff != 0, "no generated program exposes the planted bug");
  uint32_t before = case_a.nslots;
  unsigned kept = lbpf_pbt_shrink(spec_engine(), &signedness_bug, &case_a, diff, 4000);
  struct lbpf_fault fault;
  ck_assert_int_eq(lbpf_pbt_verify(&case_a, &fault), LBPF_OK);
  ck_assert(lbpf_pbt_compare(spec_engine(), &signedness_bug, &case_a, &report) & diff);
  ck_assert_uint_gt(kept, 0);
  ck_assert_uint_le(case_a.nslots, before);
  ck_assert_uint_le(case_a.nslots, 6);
  int has_jsgt32 = 0;
  for (uint32_t i = 0; i < case_a.nslots; i++)
    has_jsgt32 |= case_a.insns[i].opcode == (LBPF_CLASS_JMP32 | LBPF_JMP_JSGT | LBPF_SRC_K);
  ck_assert(has_jsgt32);
  /* The two engines agree on every program without jsgt32 imm: the bug is
     exactly what the shrunk case shows. */
  ck_assert_uint_eq(lbpf_pbt_compare(spec_engine(), spec_engine(), &case_a, &report), 0);
}
END_TEST
#line 2878 "lit/pbt.nw"
START_TEST(read_only_region_is_where_the_generator_aims) {
  static struct lbpf_outcome out;
  memset(&case_a, 0, sizeof case_a);
  case_a.frames = 1;
  case_a.budget = 10;
  case_a.mem_len = 4;
  case_a.ro_len = 8;
  for (int i = 0; i < 8; i++)
    case_a.ro[i] = (uint8_t)(0x10 + i);
  struct lbpf_insn load = {LBPF_CLASS_LDX | LBPF_MODE_MEM | LBPF_SIZE_H, 0, 1,
                           LBPF_PBT_RO_OFFSET + 6, 0};
  struct lbpf_insn store = {LBPF_CLASS_ST | LBPF_MODE_MEM | LBPF_SIZE_B, 1, 0, LBPF_PBT_RO_OFFSET,
                            1};
  struct lbpf_insn exit_ = {LBPF_CLASS_JMP | LBPF_JMP_EXIT, 0, 0, 0, 0};
  case_a.insns[0] = load;
  case_a.insns[1] = exit_;
  case_a.nslots = 2;
  lbpf_pbt_run(spec_engine(), &case_a, 0, &out);
  ck_assert_int_eq(out.result.status, LBPF_OK);
  ck_assert_uint_eq(out.result.r0, 0x1716);
  case_a.insns[0] = store;
  ck_assert(lbpf_pbt_run(spec_engine(), &case_a, 0, &out));
  ck_assert_int_eq(out.result.status, LBPF_ERR_MEMORY);
  ck_assert_uint_eq(out.result.pc, 0);
  case_a.insns[0] = load;
  case_a.insns[0].offset = LBPF_PBT_RO_OFFSET + 7; /* straddles the end */
  lbpf_pbt_run(spec_engine(), &case_a, 0, &out);
  ck_assert_int_eq(out.result.status, LBPF_ERR_MEMORY);
}
END_TEST
#line 2917 "lit/pbt.nw"
START_TEST(wide_aims_and_extra_regions) {
  static struct lbpf_outcome out;
  static struct lbpf_pbt_layout layout;
  static uint8_t extra[16];
  struct lbpf_pbt_config cfg;
  struct lbpf_pbt_rng rng;
  struct lbpf_fault fault;
  unsigned recorded = 0, ended = 0;
  lbpf_pbt_default_config(&cfg);
  cfg.wide_aims = 50;
  for (uint64_t k = 0; k < 300; k++) {
    lbpf_pbt_seed(&rng, 5, k);
    lbpf_pbt_gen(&rng, &cfg, &case_a);
    ck_assert_int_eq(lbpf_pbt_verify(&case_a, &fault), LBPF_OK);
    recorded += case_a.nwide > 0;
    for (size_t e = 0; e < lbpf_nengines; e++) {
      lbpf_pbt_run(&lbpf_engines[e], &case_a, 0, &out);
      for (uint32_t i = 0; i < case_a.nwide && i < LBPF_PBT_MAX_WIDE; i++)
        if (out.load == LBPF_OK && out.result.status != LBPF_OK &&
            out.result.pc == case_a.wide[i]) {
          ck_assert(out.result.status == LBPF_ERR_MEMORY || out.result.status == LBPF_ERR_BUDGET);
          ended += out.result.status == LBPF_ERR_MEMORY;
        }
    }
  }
  ck_assert_uint_gt(recorded, 100);
  ck_assert_uint_gt(ended, 30);
  const struct lbpf_region region = {extra, sizeof extra, LBPF_PERM_READ | LBPF_PERM_WRITE};
  const uint64_t at = (uint64_t)(uintptr_t)(extra + 3);
  lbpf_pbt_place((uintptr_t)0x20000000u, &region, 1);
  memset(&case_a, 0, sizeof case_a);
  case_a.frames = 1;
  case_a.budget = 10;
  case_a.insns[0] = (struct lbpf_insn){LBPF_CLASS_LD | LBPF_MODE_IMM | LBPF_SIZE_DW, 1, 0, 0,
                                       (int32_t)(uint32_t)at};
  case_a.insns[1] = (struct lbpf_insn){0, 0, 0, 0, (int32_t)(uint32_t)(at >> 32)};
  case_a.insns[2] = (struct lbpf_insn){LBPF_CLASS_ST | LBPF_MODE_MEM | LBPF_SIZE_B, 1, 0, 0, 0x7f};
  case_a.insns[3] = (struct lbpf_insn){LBPF_CLASS_ALU64 | LBPF_ALU_MOV | LBPF_SRC_K, 0, 0, 0, 0};
  case_a.insns[4] = (struct lbpf_insn){LBPF_CLASS_JMP | LBPF_JMP_EXIT, 0, 0, 0, 0};
  case_a.nslots = 5;
  lbpf_pbt_run(spec_engine(), &case_a, 0, &out);
  ck_assert_int_eq(out.result.status, LBPF_OK);
  ck_assert_uint_eq(out.nareas, 3); /* the input, the stack, the extra region */
  ck_assert_uint_eq(out.bytes[2][3], 0x7f);
  ck_assert(lbpf_pbt_lay_out(&case_a, 0, &layout));
  ck_assert_uint_eq(layout.env.nregions, 1);
  ck_assert_ptr_eq(layout.env.regions[0].base, extra);
  lbpf_pbt_place((uintptr_t)0x20000000u, NULL, 0);
  lbpf_outcome_free(&out);
}
END_TEST
#line 2983 "lit/pbt.nw"
START_TEST(targets_of_jumps_and_calls) {
  struct lbpf_insn jeq = {LBPF_CLASS_JMP | LBPF_JMP_JEQ, 1, 0, 3, 0};
  struct lbpf_insn ja32 = {LBPF_CLASS_JMP32 | LBPF_JMP_JA, 0, 0, 0, -5};
  struct lbpf_insn call = {LBPF_CLASS_JMP | LBPF_JMP_CALL, 0, LBPF_CALL_LOCAL, 0, 7};
  struct lbpf_insn helper = {LBPF_CLASS_JMP | LBPF_JMP_CALL, 0, LBPF_CALL_HELPER, 0, 5};
  struct lbpf_insn callx = {LBPF_CLASS_JMP | LBPF_JMP_CALL | LBPF_SRC_X, 3, 0, 0, 0};
  struct lbpf_insn exit_ = {LBPF_CLASS_JMP | LBPF_JMP_EXIT, 0, 0, 0, 0};
  ck_assert_int_eq(lbpf_pbt_target(&jeq, 10), 14);
  ck_assert_int_eq(lbpf_pbt_target(&ja32, 10), 6);
  ck_assert_int_eq(lbpf_pbt_target(&call, 10), 18);
  ck_assert_int_eq(lbpf_pbt_target(&helper, 10), -1);
  ck_assert_int_eq(lbpf_pbt_target(&callx, 10), -1);
  ck_assert_int_eq(lbpf_pbt_target(&exit_, 10), -1);
}
END_TEST
#line 3004 "lit/pbt.nw"
static char *print_to_string(const struct lbpf_pbt_case *c) {
  FILE *f = tmpfile();
  ck_assert_ptr_nonnull(f);
  lbpf_pbt_print_data(f, c, "a test\nof two lines");
  long n = ftell(f);
  char *text = malloc((size_t)n + 1);
  rewind(f);
  ck_assert_uint_eq(fread(text, 1, (size_t)n, f), (size_t)n);
  text[n] = 0;
  fclose(f);
  return text;
}

START_TEST(data_files_round_trip) {
  static struct lbpf_outcome out;
  struct lbpf_pbt_config cfg;
  lbpf_pbt_default_config(&cfg);
  for (uint64_t k = 0; k < 40; k++) {
    struct lbpf_pbt_rng rng;
    struct lbpf_pbt_expect expect;
    char err[128];
    lbpf_pbt_seed(&rng, 2, k);
    lbpf_pbt_gen(&rng, &cfg, &case_a);
    char *text = print_to_string(&case_a);
    ck_assert_int_eq(lbpf_pbt_parse_data(text, &case_b, &expect, err, sizeof err), 0);
    free(text);
    ck_assert_uint_eq(case_b.nslots, case_a.nslots);
    for (uint32_t i = 0; i < case_a.nslots; i++)
      ck_assert(same_insn(case_a.insns[i], case_b.insns[i]));
    ck_assert_uint_eq(case_b.mem_len, case_a.mem_len);
    ck_assert(memcmp(case_b.mem, case_a.mem, case_a.mem_len) == 0);
    ck_assert_uint_eq(case_b.budget, case_a.budget);
    ck_assert_uint_eq(case_b.frames, case_a.frames);
    ck_assert_uint_eq(case_b.ro_len, case_a.ro_len);
    ck_assert(memcmp(case_b.ro, case_a.ro, case_a.ro_len) == 0);
    lbpf_pbt_run(spec_engine(), &case_a, 0, &out);
    if (!expect.known) continue; /* depends on addresses */
    ck_assert_int_eq(expect.status, out.result.status);
    if (expect.status == LBPF_OK)
      ck_assert_uint_eq(expect.r0, out.result.r0);
    else
      ck_assert_uint_eq(expect.pc, out.result.pc);
  }
}
END_TEST

START_TEST(malformed_data_files_are_refused) {
  static const char *const bad[] = {"-- raw\n0xzz\n",
                                    "-- raw\n0x0000000000000095\n-- mem\n100\n",
                                    "-- raw\n0x0000000000000095\n-- result\nfoo\n",
                                    "-- raw\n0x0000000000000095\n-- error\nno such error at pc 3\n",
                                    "# pbt: budget 3 frames 9\n-- raw\n0x0000000000000095\n",
                                    "-- mem\n00\n",
                                    ""};
  struct lbpf_pbt_expect expect;
  char err[128];
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    err[0] = 0;
    ck_assert_int_eq(lbpf_pbt_parse_data(bad[i], &case_a, &expect, err, sizeof err), -1);
    ck_assert_msg(strlen(err) > 10, "message '%s'", err);
  }
}
END_TEST
#line 3073 "lit/pbt.nw"
START_TEST(mutated_programs_are_checked_too) {
  struct lbpf_pbt_config cfg;
  lbpf_pbt_default_config(&cfg);
  unsigned refused = 0;
  for (uint64_t k = 0; k < 500; k++) {
    struct lbpf_pbt_rng rng, again;
    struct lbpf_fault fault;
    lbpf_pbt_seed(&rng, 8, k);
    lbpf_pbt_gen(&rng, &cfg, &case_a);
    again = rng;
    case_b = case_a;
    lbpf_pbt_mutate(&rng, &case_a);
    lbpf_pbt_mutate(&again, &case_b);
    for (uint32_t i = 0; i < case_a.nslots; i++)
      ck_assert(same_insn(case_a.insns[i], case_b.insns[i]));
    refused += lbpf_pbt_verify(&case_a, &fault) != LBPF_OK;
    ck_assert_uint_eq(lbpf_pbt_compare(spec_engine(), spec_engine(), &case_a, &report), 0);
  }
  ck_assert_uint_gt(refused, 500 / 5);
  ck_assert_uint_lt(refused, 500 - 500 / 10);
}
END_TEST

#line 2568 "lit/pbt.nw"
Suite *pbt_suite(void) {
  Suite *s = suite_create("pbt");
  TCase *tc = tcase_create("pbt");
  tcase_set_timeout(tc, 120);

#line 2603 "lit/pbt.nw"
  tcase_add_test(tc, rng_is_xoshiro256starstar);
#line 2727 "lit/pbt.nw"
  tcase_add_test(tc, generator_is_deterministic);
  tcase_add_test(tc, generated_programs_are_valid_and_cover_the_isa);
  tcase_add_test(tc, form_table_names_are_distinct);
  tcase_add_test(tc, features_restrict_the_generator);
#line 2970 "lit/pbt.nw"
  tcase_add_test(tc, wide_aims_and_extra_regions);
  tcase_add_test(tc, read_only_region_is_where_the_generator_aims);
  tcase_add_test(tc, comparison_sees_a_stray_write);
  tcase_add_test(tc, counters_are_compared_between_counting_engines);
  tcase_add_test(tc, shrinker_isolates_a_planted_bug);
#line 3097 "lit/pbt.nw"
  tcase_add_test(tc, mutated_programs_are_checked_too);
  tcase_add_test(tc, targets_of_jumps_and_calls);
  tcase_add_test(tc, data_files_round_trip);
  tcase_add_test(tc, malformed_data_files_are_refused);
#line 2573 "lit/pbt.nw"
  suite_add_tcase(s, tc);
  return s;
}
