#line 1885 "lit/interp.nw"
/* The interpreter's test cases (lit/interp.nw), shared by its three suites. */
#line 1950 "lit/interp.nw"
#define INSN(op, d, s, off, k) ((struct lbpf_insn){(op), (d), (s), (off), (k)})
#define MOV64_K(d, k) INSN(0xb7, d, 0, 0, k)
#define MOV64_X(d, s) INSN(0xbf, d, s, 0, 0)
#define ADD64_K(d, k) INSN(0x07, d, 0, 0, k)
#define ADD64_X(d, s) INSN(0x0f, d, s, 0, 0)
#define EXIT INSN(0x95, 0, 0, 0, 0)
#define JA(off) INSN(0x05, 0, 0, off, 0)
#define LDDW(d, lo, hi) INSN(0x18, d, 0, 0, lo), INSN(0, 0, 0, 0, hi)
#define LDDW64(d, v)                                                                               \
  LDDW(d, (int32_t)(uint32_t)(uint64_t)(v), (int32_t)(uint32_t)((uint64_t)(v) >> 32))
#define CALL(id) INSN(0x85, 0, 0, 0, id)
#define CALL_LOCAL(off) INSN(0x85, 0, 1, 0, off)
#define CALLX(r) INSN(0x8d, r, 0, 0, 0)

static uint8_t stack_mem[LBPF_MAX_CALL_DEPTH * LBPF_STACK_SIZE];
static struct lbpf_env env;

static void reset_env(void) {
  lbpf_test_env(&env, stack_mem, sizeof stack_mem, 1000);
}
#line 1977 "lit/interp.nw"
#define NVARIANTS ((int)(sizeof variants / sizeof variants[0]))

static uint8_t code_bytes[LBPF_INSN_SIZE * 4096];
static _Alignas(8) uint8_t slot_buf[LBPF_INSN_SIZE * 4096];
/* The state is the interpreter's, as the first member of the hybrid VM's, so
   that the hybrid VM's suite (lit/havm.nw) drives these cases too. */
static struct lbpf_havm state;
static struct lbpf_interp *const vm = &state.interp;

static size_t encode(const struct lbpf_insn *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    lbpf_encode(p[i], code_bytes + LBPF_INSN_SIZE * i);
  return n * LBPF_INSN_SIZE;
}

/* Check's assertions record every passing check through a pipe; the sweeps
   below compare millions of values, so they test first and fail through
   Check only when something differs. */
#define REQUIRE(cond, ...)                                                                         \
  do {                                                                                             \
    if (!(cond)) ck_abort_msg(__VA_ARGS__);                                                        \
  } while (0)

/* Load size bytes of code_bytes in the spec and in variant v; both must agree. */
static enum lbpf_status load_both(int v, size_t size, struct lbpf_program *prog,
                                  struct lbpf_fault *fault) {
  struct lbpf_fault f2 = {LBPF_OK, 0};
  enum lbpf_status s1 = lbpf_verify(code_bytes, size, &env, prog, fault);
  enum lbpf_status s2 =
      variants[v].load(vm, code_bytes, size, &env, slot_buf, sizeof slot_buf, &f2);
  REQUIRE(s1 == s2, "verifier: %s, interp: %s", lbpf_status_name(s1), lbpf_status_name(s2));
  REQUIRE(s1 == LBPF_OK || (fault->status == f2.status && fault->pc == f2.pc),
          "faults differ: verifier %s at %u, interp %s at %u", lbpf_status_name(fault->status),
          fault->pc, lbpf_status_name(f2.status), f2.pc);
  return s1;
}

/* Run the loaded program on the spec, then, from the same initial memory,
   on variant v; mem and the regions keep what the variant left. */
static struct lbpf_result run_loaded(int v, const struct lbpf_program *prog, uint8_t *mem,
                                     size_t len) {
  static struct lbpf_comparison c;
  struct lbpf_outcome initial = {0};
  struct lbpf_area areas[LBPF_MAX_AREAS];
  const unsigned n = lbpf_areas(&env, mem, len, areas);
  lbpf_comparison_free(&c);
  c = (struct lbpf_comparison){
      .name_a = "spec", .name_b = variants[v].name, .check_a = true, .check_b = true};
  memset(stack_mem, 0, sizeof stack_mem);
  lbpf_outcome_capture(&initial, areas, n);
  lbpf_spec_run(prog, &env, mem, len, &c.a.result);
  lbpf_outcome_capture(&c.a, areas, n);
  lbpf_outcome_restore(&initial, areas);
  lbpf_outcome_free(&initial);
  /* a run must not rely on what it finds in the registers it does not keep */
  memset(vm->regs, 0xa5, 10 * sizeof vm->regs[0]);
  variants[v].run(vm, mem, len, &c.b.result);
  lbpf_outcome_capture(&c.b, areas, n);
  if (lbpf_compare_outcomes(&c, LBPF_DIFF_BUDGET | LBPF_DIFF_INSNS) != 0) {
    char text[2048];
    FILE *f = fmemopen(text, sizeof text, "w");
    lbpf_comparison_describe(&c, f);
    fclose(f);
    ck_abort_msg("%s", text);
  }
  return c.b.result;
}

static struct lbpf_result both(int v, const struct lbpf_insn *p, size_t n, uint8_t *mem,
                               size_t len) {
  struct lbpf_program prog;
  struct lbpf_fault fault;
  ck_assert_int_eq(load_both(v, encode(p, n), &prog, &fault), LBPF_OK);
  return run_loaded(v, &prog, mem, len);
}

#define RUN(mem, len, ...)                                                                         \
  ({                                                                                               \
    const struct lbpf_insn p_[] = {__VA_ARGS__};                                                   \
    both(_i, p_, sizeof p_ / sizeof p_[0], (mem), (len));                                          \
  })
#define EXPECT_R0(value, ...)                                                                      \
  do {                                                                                             \
    struct lbpf_result r_ = RUN(NULL, 0, __VA_ARGS__);                                             \
    ck_assert_int_eq(r_.status, LBPF_OK);                                                          \
    ck_assert_uint_eq(r_.r0, (uint64_t)(value));                                                   \
  } while (0)
#define EXPECT_ERROR(want, at, mem, len, ...)                                                      \
  do {                                                                                             \
    struct lbpf_result r_ = RUN((mem), (len), __VA_ARGS__);                                        \
    ck_assert_int_eq(r_.status, (want));                                                           \
    ck_assert_uint_eq(r_.pc, (at));                                                                \
    ck_assert_uint_eq(r_.r0, 0);                                                                   \
  } while (0)
#line 2088 "lit/interp.nw"
START_TEST(every_form_has_its_handler) {
  static const unsigned not_an_instruction[] = {
      H_HOLE_NEG64_X,  H_HOLE_END64_K,   H_HOLE_END64_X,  H_HOLE_NEG32_X, H_HOLE_END32_K,
      H_HOLE_END32_X,  H_HOLE_JA64_X,    H_HOLE_EXIT_X,   H_HOLE_JA32_X,  H_HOLE_CALL32_K,
      H_HOLE_CALL32_X, H_HOLE_EXIT32_K,  H_HOLE_EXIT32_X, H_HOLE_LDXS_DW, H_LDDW_HIGH,
      H_EXIT_TOP,      H_CLEAR_REGISTERS};
  bool reached[256] = {false};
  for (size_t i = 0; i < LBPF_NFORMS; i++) {
    unsigned h = lbpf_interp_handler_of[i];
    ck_assert_uint_lt(h, H_CLEAR_REGISTERS + 1u);
    for (size_t k = 0; k < sizeof not_an_instruction / sizeof not_an_instruction[0]; k++)
      ck_assert_msg(h != not_an_instruction[k], "row %zu (%s) has handler %u", i,
                    lbpf_form_name(&lbpf_forms[i]), h);
    reached[h] = true;
  }
  for (unsigned k = 0; k < sizeof not_an_instruction / sizeof not_an_instruction[0]; k++)
    reached[not_an_instruction[k]] = true;
  for (unsigned h = 0; h <= H_CLEAR_REGISTERS; h++)
    ck_assert_msg(reached[h], "handler %u is no row's", h);
}
END_TEST
#line 2123 "lit/interp.nw"
START_TEST(arithmetic_edges) {
  EXPECT_R0(0, MOV64_K(0, 7), MOV64_K(1, 0), INSN(0x3f, 0, 1, 0, 0), EXIT);
  EXPECT_R0(7, MOV64_K(0, 7), MOV64_K(1, 0), INSN(0x9f, 0, 1, 0, 0), EXIT);
  EXPECT_R0(0xffffffffu, MOV64_K(0, -1), MOV64_K(1, 0), INSN(0x9c, 0, 1, 0, 0), EXIT);
  EXPECT_R0(0, MOV64_K(0, -1), INSN(0x34, 0, 0, 0, 0), EXIT);
  EXPECT_R0(UINT64_C(1) << 63, LDDW(0, 0, INT32_MIN), INSN(0x37, 0, 0, 1, -1), EXIT);
  EXPECT_R0(0, LDDW(0, 0, INT32_MIN), INSN(0x97, 0, 0, 1, -1), EXIT);
  EXPECT_R0(0x80000000u, MOV64_K(0, INT32_MIN), INSN(0x34, 0, 0, 1, -1), EXIT);
  EXPECT_R0(0, MOV64_K(0, INT32_MIN), INSN(0x94, 0, 0, 1, -1), EXIT);
  EXPECT_R0(0xfffffffeu, MOV64_K(0, -7), INSN(0x94, 0, 0, 1, 5), EXIT);
  EXPECT_R0((uint64_t)-2, MOV64_K(0, -7), INSN(0x97, 0, 0, 1, 5), EXIT);
  EXPECT_R0(0, MOV64_K(0, 7), INSN(0x37, 0, 0, 1, 0), EXIT);
  EXPECT_R0(7, MOV64_K(0, 7), MOV64_K(1, 0), INSN(0x9f, 0, 1, 1, 0), EXIT);
  EXPECT_R0(2, MOV64_K(0, 1), MOV64_K(1, 65), INSN(0x6f, 0, 1, 0, 0), EXIT);
  EXPECT_R0(2, MOV64_K(0, 1), MOV64_K(1, 33), INSN(0x6c, 0, 1, 0, 0), EXIT);
  EXPECT_R0((uint64_t)-1, MOV64_K(0, -1), INSN(0xc7, 0, 0, 0, 63), EXIT);
  EXPECT_R0(0xffffffffu, MOV64_K(0, -1), INSN(0xc4, 0, 0, 0, 0), EXIT);
  EXPECT_R0(0xf0000000u, MOV64_K(0, INT32_MIN), MOV64_K(1, 35), INSN(0xcc, 0, 1, 0, 0), EXIT);
  EXPECT_R0(0xffffffffu, MOV64_K(0, -1), INSN(0x04, 0, 0, 0, 0), EXIT);
  EXPECT_R0(0x80000000u, MOV64_K(0, INT32_MIN), INSN(0x84, 0, 0, 0, 0), EXIT);
  EXPECT_R0((uint64_t)-5, MOV64_K(0, 5), INSN(0x87, 0, 0, 0, 0), EXIT);
  EXPECT_R0(0x3412, MOV64_K(0, 0x561234), INSN(0xdc, 0, 0, 0, 16), EXIT);
  EXPECT_R0(0x1234, MOV64_K(0, 0x561234), INSN(0xd4, 0, 0, 0, 16), EXIT);
  EXPECT_R0(0x78563412u, LDDW(0, 0x12345678, 0x9abc), INSN(0xdc, 0, 0, 0, 32), EXIT);
  EXPECT_R0(0x12345678u, LDDW(0, 0x12345678, 0x9abc), INSN(0xd4, 0, 0, 0, 32), EXIT);
  EXPECT_R0(UINT64_C(0x78563412bc9a0000), LDDW(0, 0x12345678, 0x9abc), INSN(0xd7, 0, 0, 0, 64),
            EXIT);
  EXPECT_R0(UINT64_C(0x9abc12345678), LDDW(0, 0x12345678, 0x9abc), INSN(0xd4, 0, 0, 0, 64), EXIT);
  EXPECT_R0((uint64_t)-128, MOV64_K(1, 0x180), INSN(0xbf, 0, 1, 8, 0), EXIT);
  EXPECT_R0(0xffffff80u, MOV64_K(1, 0x180), INSN(0xbc, 0, 1, 8, 0), EXIT);
  EXPECT_R0(0xffff8000u, MOV64_K(1, 0x18000), INSN(0xbc, 0, 1, 16, 0), EXIT);
  EXPECT_R0((uint64_t)INT32_MIN, LDDW(1, INT32_MIN, 5), INSN(0xbf, 0, 1, 32, 0), EXIT);
  EXPECT_R0(0xffffffffu, MOV64_K(0, -1), INSN(0xbc, 0, 0, 0, 0), EXIT);
}
END_TEST
#line 2184 "lit/interp.nw"
START_TEST(every_form_against_the_spec) {
  static const int16_t offsets[] = {0, 1, 2, 3, -1, 8, 16, 32, -3, 7};
  static const int32_t imms[] = {0,    1,    -1,   2,    3,    5,          7,         16,
                                 31,   32,   33,   63,   64,   65,         0x41,      0x50,
                                 0x51, 0xa0, 0xa1, 0xe1, 0xf1, 0x7fffffff, INT32_MIN, -32};
  static _Alignas(8) uint8_t mem[64];
  uint64_t base = (uint64_t)(uintptr_t)mem;
  const uint64_t values[] = {0,
                             1,
                             (uint64_t)-1,
                             5,
                             32,
                             63,
                             64,
                             0x7fffffff,
                             0x80000000u,
                             0xffffffffu,
                             UINT64_C(1) << 63,
                             (UINT64_C(1) << 63) - 1,
                             UINT64_C(0x8000000080000001),
                             base + 16,
                             base + 56,
                             base + 60,
                             base + 63,
                             base + 64,
                             base - 1,
                             (uint64_t)-4};
  const size_t nvalues = sizeof values / sizeof values[0];
  size_t accepted = 0;
  env.budget = 20;
  for (unsigned op = 0; op < 256; op++)
    for (unsigned src = 0; src < 3; src++)
      for (size_t o = 0; o < sizeof offsets / sizeof offsets[0]; o++)
        for (size_t k = 0; k < sizeof imms / sizeof imms[0]; k++) {
          struct lbpf_insn p[] = {INSN(0x79, 2, 1, 8, 0), INSN(0x79, 1, 1, 0, 0),
                                  MOV64_K(0, 0),          INSN(op, 1, src, offsets[o], imms[k]),
                                  MOV64_K(0, 1),          ADD64_X(0, 1),
                                  ADD64_X(0, 2),          EXIT};
          if (lbpf_is_lddw((uint8_t)op)) p[4] = INSN(0, 0, 0, 0, imms[k]);
          struct lbpf_program prog;
          struct lbpf_fault fault;
          if (load_both(_i, encode(p, 8), &prog, &fault) != LBPF_OK) continue;
          accepted++;
          for (size_t a = 0; a < nvalues; a++)
            for (size_t b = 0; b < nvalues; b += 3) {
              for (size_t j = 0; j < sizeof mem; j++)
                mem[j] = (uint8_t)(j * 37 + 11);
              memcpy(mem, &values[a], 8);
              memcpy(mem + 8, &values[(a + b) % nvalues], 8);
              run_loaded(_i, &prog, mem, sizeof mem);
            }
        }
  /* Every form of the ISA is among them (a few hundred programs). */
  ck_assert_uint_gt(accepted, 1000);
}
END_TEST
#line 2250 "lit/interp.nw"
START_TEST(memory_edges) {
  static const uint8_t sizes[] = {LBPF_SIZE_B, LBPF_SIZE_H, LBPF_SIZE_W, LBPF_SIZE_DW};
  static const unsigned bytes[] = {1, 2, 4, 8};
  static uint8_t mem[16];
  for (size_t len = 1; len <= 16; len++)
    for (size_t i = 0; i < 4; i++) {
      int n = (int)bytes[i];
      uint8_t ldx = LBPF_CLASS_LDX | LBPF_MODE_MEM | sizes[i];
      uint8_t stx = LBPF_CLASS_STX | LBPF_MODE_MEM | sizes[i];
      uint8_t st = LBPF_CLASS_ST | LBPF_MODE_MEM | sizes[i];
      for (size_t j = 0; j < sizeof mem; j++)
        mem[j] = (uint8_t)(0xa0 + j);
      int16_t last = (int16_t)((int)len - n); /* the last offset that fits */
      struct lbpf_result r = RUN(mem, len, MOV64_K(0, 0), INSN(ldx, 0, 1, last, 0), EXIT);
      ck_assert_int_eq(r.status, last >= 0 ? LBPF_OK : LBPF_ERR_MEMORY);
      EXPECT_ERROR(LBPF_ERR_MEMORY, 1, mem, len, MOV64_K(0, 0), INSN(ldx, 0, 1, last + 1, 0), EXIT);
      EXPECT_ERROR(LBPF_ERR_MEMORY, 0, mem, len, INSN(ldx, 0, 1, -1, 0), EXIT);
      r = RUN(mem, len, MOV64_K(2, -1), INSN(stx, 1, 2, last, 0), EXIT);
      ck_assert_int_eq(r.status, last >= 0 ? LBPF_OK : LBPF_ERR_MEMORY);
      EXPECT_ERROR(LBPF_ERR_MEMORY, 1, mem, len, MOV64_K(2, -1), INSN(stx, 1, 2, last + 1, 0),
                   EXIT);
      EXPECT_ERROR(LBPF_ERR_MEMORY, 0, mem, len, INSN(st, 1, 0, last + 1, 7), EXIT);
      r = RUN(mem, len, INSN(st, 1, 0, last, 7), EXIT);
      ck_assert_int_eq(r.status, last >= 0 ? LBPF_OK : LBPF_ERR_MEMORY);
      if (n >= 4) {
        uint8_t atomic = LBPF_CLASS_STX | LBPF_MODE_ATOMIC | sizes[i];
        r = RUN(mem, len, MOV64_K(2, 3), INSN(atomic, 1, 2, last, LBPF_ATOMIC_ADD), EXIT);
        ck_assert_int_eq(r.status, last >= 0 ? LBPF_OK : LBPF_ERR_MEMORY);
        EXPECT_ERROR(LBPF_ERR_MEMORY, 1, mem, len, MOV64_K(2, 3),
                     INSN(atomic, 1, 2, last + 1, LBPF_ATOMIC_CMPXCHG), EXIT);
      }
      /* Addresses near 2^64: a + n wraps; a + offset wraps to small numbers. */
      EXPECT_ERROR(LBPF_ERR_MEMORY, 2, mem, len, LDDW(1, -n + 1, -1), INSN(ldx, 0, 1, 0, 0), EXIT);
      EXPECT_ERROR(LBPF_ERR_MEMORY, 2, mem, len, LDDW(1, -1, -1), INSN(stx, 1, 1, 1, 0), EXIT);
      EXPECT_ERROR(LBPF_ERR_MEMORY, 2, mem, len, LDDW64(1, (uint64_t)(uintptr_t)mem + len - 1),
                   INSN(ldx, 0, 1, (int16_t)(2 - n), 0), EXIT);
    }
}
END_TEST
#line 2299 "lit/interp.nw"
START_TEST(region_permissions) {
  static uint8_t table[8] = {0xaa, 0xbb, 0xcc, 0xdd, 1, 2, 3, 4}, out[8];
  struct lbpf_region regions[] = {{table, sizeof table, LBPF_PERM_READ},
                                  {out, sizeof out, LBPF_PERM_WRITE},
                                  {(void *)(UINTPTR_MAX - 7), 8, LBPF_PERM_READ}};
  uint64_t t = (uint64_t)(uintptr_t)table, o = (uint64_t)(uintptr_t)out;
  env.regions = regions;
  env.nregions = 3;
  struct lbpf_insn p[] = {LDDW64(1, t), INSN(0x69, 0, 1, 6, 0), EXIT};
  struct lbpf_result r = both(_i, p, 4, NULL, 0);
  ck_assert_int_eq(r.status, LBPF_OK);
  ck_assert_uint_eq(r.r0, 0x0403);
  EXPECT_ERROR(LBPF_ERR_MEMORY, 2, NULL, 0, LDDW64(1, t), INSN(0x72, 1, 0, 0, 1), EXIT);
  EXPECT_ERROR(LBPF_ERR_MEMORY, 3, NULL, 0, LDDW64(1, t), MOV64_K(2, 1),
               INSN(0xc3, 1, 2, 0, LBPF_ATOMIC_ADD), EXIT);
  struct lbpf_insn w[] = {LDDW64(1, o), INSN(0x7a, 1, 0, 0, 0x55), MOV64_K(0, 1), EXIT};
  r = both(_i, w, 5, NULL, 0);
  ck_assert_int_eq(r.status, LBPF_OK);
  ck_assert_uint_eq(out[0], 0x55);
  EXPECT_ERROR(LBPF_ERR_MEMORY, 2, NULL, 0, LDDW64(1, o), INSN(0x79, 0, 1, 0, 0), EXIT);
  EXPECT_ERROR(LBPF_ERR_MEMORY, 2, NULL, 0, LDDW64(1, o), INSN(0xdb, 1, 1, 0, 0), EXIT);
  /* The region at the very end: nothing past it is inside (its bytes are, by
     the specification's test too, but there is no memory there to try it on). */
  EXPECT_ERROR(LBPF_ERR_MEMORY, 2, NULL, 0, LDDW(1, 0, 0), INSN(0x71, 0, 1, 0, 0), EXIT);
  EXPECT_ERROR(LBPF_ERR_MEMORY, 2, NULL, 0, LDDW(1, 16, 0), INSN(0x79, 0, 1, 0, 0), EXIT);
  EXPECT_ERROR(LBPF_ERR_MEMORY, 2, NULL, 0, LDDW64(1, UINTPTR_MAX - 3), INSN(0x79, 0, 1, 0, 0),
               EXIT);
  /* One byte more and it wraps: refused at load by both. */
  regions[2].length = 9;
  struct lbpf_program prog;
  struct lbpf_fault fault;
  ck_assert_int_eq(load_both(_i, encode(p, 4), &prog, &fault), LBPF_ERR_ARGUMENT);
  regions[2].length = 8;
  ck_assert_uint_eq(table[0], 0xaa);
  /* Below the reachable frames: a stack of 2.5 frames offers only 2. */
  env.regions = NULL;
  env.nregions = 0;
  env.stack_size = 2 * LBPF_STACK_SIZE + 256;
  EXPECT_R0(9, INSN(0x7a, 10, 0, -1024, 9), INSN(0x79, 0, 10, -1024, 0), EXIT);
  EXPECT_ERROR(LBPF_ERR_MEMORY, 0, NULL, 0, INSN(0x7a, 10, 0, -1025, 9), EXIT);
  EXPECT_ERROR(LBPF_ERR_MEMORY, 0, NULL, 0, INSN(0x72, 10, 0, 0, 9), EXIT);
}
END_TEST
#line 2350 "lit/interp.nw"
START_TEST(helper_context) {
  /* the input is 16 bytes in the middle of a larger buffer, so that the
     bytes around it belong to no region, wherever the linker puts table */
  static uint8_t buffer[48], table[8];
  uint8_t *mem = buffer + 16;
  struct lbpf_region ro = {table, sizeof table, LBPF_PERM_READ};
  uint64_t t = (uint64_t)(uintptr_t)table;
  env.regions = &ro;
  env.nregions = 1;
#define ASK(want, ...)                                                                             \
  do {                                                                                             \
    struct lbpf_insn p_[] = {__VA_ARGS__, CALL(8), EXIT};                                          \
    struct lbpf_result r_ = both(_i, p_, sizeof p_ / sizeof p_[0], mem, 16);                       \
    ck_assert_int_eq(r_.status, LBPF_OK);                                                          \
    ck_assert_uint_eq(r_.r0, (want));                                                              \
  } while (0)
  ASK(3, MOV64_K(2, 16));                                    /* the whole input */
  ASK(3, ADD64_K(1, 15), MOV64_K(2, 1));                     /* its last byte */
  ASK(0, MOV64_K(2, 17));                                    /* one byte more */
  ASK(0, ADD64_K(1, -1), MOV64_K(2, 1));                     /* the byte before */
  ASK(3, ADD64_K(1, 16), MOV64_K(2, 0));                     /* nothing, one past the end */
  ASK(0, ADD64_K(1, 17), MOV64_K(2, 0));                     /* nothing, further */
  ASK(0, MOV64_K(2, -1));                                    /* 2^64 - 1 bytes */
  ASK(3, MOV64_X(1, 10), ADD64_K(1, -512), MOV64_K(2, 512)); /* the entry frame */
  ASK(0, MOV64_X(1, 10), ADD64_K(1, -8), MOV64_K(2, 9));     /* past the stack's top */
  ASK(3, MOV64_X(1, 10), ADD64_K(1, -LBPF_MAX_CALL_DEPTH * LBPF_STACK_SIZE),
      MOV64_K(2, LBPF_MAX_CALL_DEPTH * LBPF_STACK_SIZE)); /* every frame */
  ASK(1, LDDW64(1, t), MOV64_K(2, 8));                    /* read-only */
  ASK(0, LDDW64(1, t), MOV64_K(2, 9));
  ASK(0, LDDW(1, 0, 0), MOV64_K(2, 1)); /* address 0 */
#undef ASK
  env.regions = NULL;
  env.nregions = 0;
}
END_TEST
#line 2393 "lit/interp.nw"
START_TEST(cache_switching) {
  static uint8_t mem[32], extra[16];
  struct lbpf_region region = {extra, sizeof extra, LBPF_PERM_READ | LBPF_PERM_WRITE};
  env.regions = &region;
  env.nregions = 1;
  for (size_t j = 0; j < sizeof mem; j++)
    mem[j] = (uint8_t)(3 * j + 1);
  uint64_t e = (uint64_t)(uintptr_t)extra;
  struct lbpf_insn p[] = {LDDW64(3, e),             /* r3 = extra */
                          MOV64_K(4, 0),            /* i = 0 */
                          MOV64_X(5, 1),            /* r5 = mem + i */
                          ADD64_X(5, 4),            /* loop: */
                          INSN(0x71, 6, 5, 0, 0),   /* r6 = mem[i] */
                          INSN(0x73, 10, 6, -1, 0), /* stack[-1] = r6 */
                          INSN(0x71, 7, 10, -1, 0), /* r7 = stack[-1] */
                          MOV64_X(8, 3),            /* r8 = extra + i % 16 */
                          MOV64_X(9, 4),
                          INSN(0x57, 9, 0, 0, 15),
                          ADD64_X(8, 9),
                          INSN(0x73, 8, 7, 0, 0), /* extra[i % 16] = r7 */
                          INSN(0x71, 0, 8, 0, 0), /* r0 = extra[i % 16] */
                          ADD64_K(4, 1),
                          MOV64_X(5, 1),
                          INSN(0xa5, 4, 0, -13, 32), /* while i < 32 */
                          EXIT};
  struct lbpf_result r = both(_i, p, sizeof p / sizeof p[0], mem, sizeof mem);
  ck_assert_int_eq(r.status, LBPF_OK);
  ck_assert_uint_eq(r.r0, mem[31]);
  ck_assert_uint_eq(extra[15], mem[31]);
  ck_assert_uint_eq(r.budget_used, 31 * 13); /* 31 jumps back over 13 slots */
}
END_TEST
#line 2433 "lit/interp.nw"
START_TEST(budget_is_exact) {
  env.budget = 4;
  struct lbpf_result r = RUN(NULL, 0, MOV64_K(0, 3), ADD64_K(0, -1), INSN(0x55, 0, 0, -2, 0), EXIT);
  ck_assert_int_eq(r.status, LBPF_OK);
  ck_assert_uint_eq(r.budget_used, 4);
  ck_assert_uint_eq(r.insns, 8);
  env.budget = 3;
  EXPECT_ERROR(LBPF_ERR_BUDGET, 2, NULL, 0, MOV64_K(0, 3), ADD64_K(0, -1), INSN(0x55, 0, 0, -2, 0),
               EXIT);
  env.budget = 1; /* a local call costs the slots from its target on: 2 */
  EXPECT_ERROR(LBPF_ERR_BUDGET, 0, NULL, 0, CALL_LOCAL(1), EXIT, MOV64_K(0, 1), EXIT);
  env.budget = 2;
  EXPECT_R0(1, CALL_LOCAL(1), EXIT, MOV64_K(0, 1), EXIT);
  env.budget = 0;
  EXPECT_R0(0, MOV64_K(0, 0), JA(1), JA(-1), EXIT); /* forward jumps are free */
  EXPECT_ERROR(LBPF_ERR_BUDGET, 1, NULL, 0, MOV64_K(1, 1), CALL(5), EXIT);
  EXPECT_ERROR(LBPF_ERR_BUDGET, 0, NULL, 0, CALL_LOCAL(1), EXIT, EXIT);
  EXPECT_ERROR(LBPF_ERR_BUDGET, 1, NULL, 0, MOV64_K(1, 5), CALLX(1), EXIT);
  EXPECT_ERROR(LBPF_ERR_CALLX_TARGET, 1, NULL, 0, MOV64_K(1, 7), CALLX(1), EXIT);
  EXPECT_ERROR(LBPF_ERR_BUDGET, 0, NULL, 0, INSN(0x06, 0, 0, 0, -1), EXIT); /* ja32 to itself */
  env.budget = 1000;
  EXPECT_ERROR(LBPF_ERR_BUDGET, 0, NULL, 0, JA(-1), EXIT);
  r = RUN(NULL, 0, JA(-1), EXIT);
  ck_assert_uint_eq(r.budget_used, 1000);
  ck_assert_uint_eq(r.insns, 1001);
  env.budget = UINT64_MAX;
  EXPECT_R0(0, MOV64_K(1, 100), ADD64_K(1, -1), INSN(0x55, 1, 0, -2, 0), MOV64_K(0, 0), EXIT);
}
END_TEST
#line 2472 "lit/interp.nw"
START_TEST(budget_in_chunks) {
  /* r0 = 0; count r1 down from 40, calling a function that adds 2 each time */
  const struct lbpf_insn p[] = {
      MOV64_K(0, 0), MOV64_K(1, 40), CALL_LOCAL(3), ADD64_K(1, -1), INSN(0x55, 1, 0, -3, 0), EXIT,
      ADD64_K(0, 2), JA(0),          EXIT};
  struct lbpf_program prog;
  struct lbpf_fault f;
  for (uint32_t chunk = 1; chunk <= 4; chunk++)
    for (uint64_t budget = 227; budget <= 247; budget++) {
      env.budget = budget;
      ck_assert_int_eq(load_both(_i, encode(p, 9), &prog, &f), LBPF_OK);
      vm->chunk_max = chunk;
      struct lbpf_result r = run_loaded(_i, &prog, NULL, 0);
      /* 40 calls and 39 jumps back, 3 slots each */
      ck_assert_int_eq(r.status, budget >= 237 ? LBPF_OK : LBPF_ERR_BUDGET);
    }
}
END_TEST
#line 2496 "lit/interp.nw"
START_TEST(local_calls) {
  struct lbpf_result r =
      RUN(NULL, 0, MOV64_K(6, 6), MOV64_K(9, 9), CALL_LOCAL(3), ADD64_X(0, 6), ADD64_X(0, 9), EXIT,
          MOV64_K(6, 100), MOV64_K(9, 100), INSN(0x7a, 10, 0, -8, 1), MOV64_X(0, 10), EXIT);
  ck_assert_int_eq(r.status, LBPF_OK);
  uint64_t top = (uint64_t)(uintptr_t)stack_mem + sizeof stack_mem;
  ck_assert_uint_eq(r.r0, top - LBPF_STACK_SIZE + 15);
  EXPECT_ERROR(LBPF_ERR_CALL_DEPTH, 0, NULL, 0, CALL_LOCAL(-1), EXIT);
  r = RUN(NULL, 0, CALL_LOCAL(-1), EXIT);
  /* each call costs the two slots from its target, the refused one too */
  ck_assert_uint_eq(r.budget_used, 2 * LBPF_MAX_CALL_DEPTH);
  ck_assert_uint_eq(r.insns, LBPF_MAX_CALL_DEPTH);
  env.stack_size = 2 * LBPF_STACK_SIZE + 100;
  EXPECT_ERROR(LBPF_ERR_CALL_DEPTH, 2, NULL, 0, CALL_LOCAL(1), EXIT, CALL_LOCAL(1), EXIT,
               MOV64_K(0, 1), EXIT);
  EXPECT_R0(1, CALL_LOCAL(1), EXIT, MOV64_K(0, 1), EXIT);
  env.stack_size = LBPF_STACK_SIZE;
  EXPECT_ERROR(LBPF_ERR_CALL_DEPTH, 0, NULL, 0, CALL_LOCAL(1), EXIT, MOV64_K(0, 1), EXIT);
  /* A callee writes into its caller's frame through a pointer. */
  env.stack_size = sizeof stack_mem;
  EXPECT_R0(77, MOV64_X(1, 10), ADD64_K(1, -8), CALL_LOCAL(2), INSN(0x79, 0, 10, -8, 0), EXIT,
            INSN(0x7a, 1, 0, 0, 77), EXIT);
}
END_TEST

START_TEST(helpers_and_callx) {
  EXPECT_R0(42, MOV64_K(1, 42), CALL(5), EXIT);
  EXPECT_R0(lbpf_test_helper_mix(NULL, 1, 2, 3, 4, 5), MOV64_K(1, 1), MOV64_K(2, 2), MOV64_K(3, 3),
            MOV64_K(4, 4), MOV64_K(5, 5), CALL(6), EXIT);
  EXPECT_R0(43, MOV64_K(1, 43), MOV64_K(2, 5), CALLX(2), EXIT);
  /* the first entry of id 6, not the shadowed second */
  EXPECT_R0(lbpf_test_helper_mix(NULL, 1, 6, 0, 0, 0), MOV64_K(1, 1), MOV64_K(2, 6), MOV64_K(3, 0),
            MOV64_K(4, 0), MOV64_K(5, 0), CALLX(2), EXIT);
  EXPECT_ERROR(LBPF_ERR_CALLX_TARGET, 1, NULL, 0, MOV64_K(2, 7), CALLX(2), EXIT);
  EXPECT_ERROR(LBPF_ERR_CALLX_TARGET, 1, NULL, 0, MOV64_K(2, 9), CALLX(2), EXIT);
  EXPECT_ERROR(LBPF_ERR_CALLX_TARGET, 2, NULL, 0, LDDW(2, 5, 1), CALLX(2), EXIT);
  /* Argument registers keep their values across a helper call. */
  EXPECT_R0(44, MOV64_K(1, 40), MOV64_K(2, 4), CALL(5), ADD64_X(0, 2), EXIT);
}
END_TEST

START_TEST(wide_loads) {
  EXPECT_R0(UINT64_C(0x1122334455667788), LDDW(0, 0x55667788, 0x11223344), EXIT);
  struct lbpf_result r = RUN(NULL, 0, LDDW(0, 1, 0), LDDW(1, 2, 0), LDDW(2, -1, -1), ADD64_X(0, 1),
                             ADD64_X(0, 2), JA(2), LDDW(0, 9, 9), EXIT);
  ck_assert_uint_eq(r.r0, 2);
  ck_assert_uint_eq(r.insns, 7);
  EXPECT_R0(5, MOV64_K(0, 5), JA(2), LDDW(0, 9, 9), EXIT);
}
END_TEST
#line 2559 "lit/interp.nw"
START_TEST(load_refusals) {
  struct {
    struct lbpf_insn p[3];
    size_t n;
    enum lbpf_status want;
    uint32_t pc;
  } cases[] = {
      {{MOV64_K(0, 0), INSN(0xff, 0, 0, 0, 0), EXIT}, 3, LBPF_ERR_UNKNOWN_OPCODE, 1},
      {{INSN(0xb7, 0, 1, 0, 0), EXIT}, 2, LBPF_ERR_UNUSED_FIELD, 0},
      {{INSN(0xb7, 11, 0, 0, 0), EXIT}, 2, LBPF_ERR_BAD_REGISTER, 0},
      {{MOV64_K(0, 0), INSN(0xb7, 10, 0, 0, 0), EXIT}, 3, LBPF_ERR_WRITE_R10, 1},
      {{JA(5), EXIT}, 2, LBPF_ERR_JUMP_TARGET, 0},
      {{JA(1), LDDW(0, 1, 2)}, 3, LBPF_ERR_JUMP_TARGET, 0},
      {{EXIT, INSN(0x18, 0, 0, 0, 0)}, 2, LBPF_ERR_INCOMPLETE_LDDW, 1},
      {{CALL(9), EXIT}, 2, LBPF_ERR_UNKNOWN_HELPER, 0},
      {{CALL(7), EXIT}, 2, LBPF_ERR_UNKNOWN_HELPER, 0},
      {{MOV64_K(0, 0)}, 1, LBPF_ERR_FALLS_OFF_END, 0},
      {{EXIT}, 0, LBPF_ERR_EMPTY_PROGRAM, 0},
  };
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    struct lbpf_program prog;
    struct lbpf_fault f;
    ck_assert_int_eq(load_both(_i, encode(cases[c].p, cases[c].n), &prog, &f), cases[c].want);
    ck_assert_int_eq(f.status, cases[c].want);
    ck_assert_uint_eq(f.pc, cases[c].pc);
  }
  struct lbpf_program prog;
  struct lbpf_fault f;
  encode((struct lbpf_insn[]){EXIT}, 1);
  ck_assert_int_eq(load_both(_i, 7, &prog, &f), LBPF_ERR_PROGRAM_SIZE);
  /* The code buffer: too small, misaligned, missing. */
  struct lbpf_insn p[] = {MOV64_K(0, 1), EXIT};
  size_t size = encode(p, 2), need = variants[_i].code_size(2);
  ck_assert_uint_eq(need, 2 * sizeof(struct lbpf_interp_slot));
  ck_assert_int_eq(variants[_i].load(vm, code_bytes, size, &env, slot_buf, need - 1, &f),
                   LBPF_ERR_ARGUMENT);
  ck_assert_int_eq(f.status, LBPF_ERR_ARGUMENT);
  ck_assert_uint_eq(f.pc, 0);
  ck_assert_int_eq(variants[_i].load(vm, code_bytes, size, &env, slot_buf + 1, need, &f),
                   LBPF_ERR_ARGUMENT);
  ck_assert_int_eq(variants[_i].load(vm, code_bytes, size, &env, NULL, need, &f),
                   LBPF_ERR_ARGUMENT);
  ck_assert_int_eq(variants[_i].load(vm, code_bytes, size, &env, slot_buf, need, &f), LBPF_OK);
}
END_TEST

START_TEST(a_refused_load_never_runs) {
  struct lbpf_insn p1[] = {MOV64_K(0, 1), EXIT}, p2[] = {MOV64_K(0, 2), MOV64_K(0, 3), EXIT};
  struct lbpf_insn bad[] = {MOV64_K(0, 4), INSN(0xff, 0, 0, 0, 0), EXIT};
  struct lbpf_fault f;
  struct lbpf_result r;
  for (int k = 0; k < 3; k++) {
    /* a never-loaded state holds anything; then a good load, then a refused one */
    memset(vm, k == 0 ? 0 : 0xff, sizeof *vm);
    if (k > 0) {
      ck_assert_int_eq(
          variants[_i].load(vm, code_bytes, encode(p1, 2), &env, slot_buf, sizeof slot_buf, &f),
          LBPF_OK);
      variants[_i].run(vm, NULL, 0, &r);
      ck_assert_int_eq(r.status, LBPF_OK);
    }
    if (k < 2) /* refused by the verifier */
      ck_assert_int_eq(
          variants[_i].load(vm, code_bytes, encode(bad, 3), &env, slot_buf, sizeof slot_buf, &f),
          LBPF_ERR_UNKNOWN_OPCODE);
    else /* refused for its code buffer: one slot too small */
      ck_assert_int_eq(variants[_i].load(vm, code_bytes, encode(p2, 3), &env, slot_buf,
                                         lbpf_interp_code_size(2), &f),
                       LBPF_ERR_ARGUMENT);
    variants[_i].run(vm, NULL, 0, &r);
    ck_assert_int_eq(r.status, LBPF_ERR_ARGUMENT);
    ck_assert_uint_eq(r.pc, 0);
    ck_assert_uint_eq(r.r0, 0);
    ck_assert_uint_eq(r.insns, 0);
  }
}
END_TEST

START_TEST(unusable_environments) {
  struct lbpf_insn p[] = {MOV64_K(0, 1), EXIT};
  struct lbpf_fault f;
  struct lbpf_result r;
  uint8_t byte;
  size_t size = encode(p, 2);
  struct lbpf_env good = env;
  struct lbpf_env bad[4] = {env, env, env, env};
  bad[0].stack = NULL;
  bad[1].stack_size = LBPF_STACK_SIZE - 1;
  bad[2].nregions = 1;
  for (int k = 0; k < 4; k++) {
    /* The verifier accepts the program whatever the stack; the run refuses. */
    env = bad[k];
    ck_assert_int_eq(variants[_i].load(vm, code_bytes, size, &env, slot_buf, sizeof slot_buf, &f),
                     LBPF_OK);
    variants[_i].run(vm, NULL, k == 3 ? 4 : 0, &r);
    ck_assert_int_eq(r.status, LBPF_ERR_ARGUMENT);
    ck_assert_uint_eq(r.pc, 0);
    ck_assert_uint_eq(r.r0, 0);
    ck_assert_uint_eq(r.insns, 0);
    ck_assert_uint_eq(r.budget_used, 0);
  }
  env = good;
  ck_assert_int_eq(variants[_i].load(vm, code_bytes, size, &env, slot_buf, sizeof slot_buf, &f),
                   LBPF_OK);
  variants[_i].run(vm, &byte, 0, &r);
  ck_assert_int_eq(r.status, LBPF_OK);
  ck_assert_uint_eq(r.r0, 1);
  /* A length without an input is refused whatever the runs before it. */
  void *const inputs[] = {NULL, &byte, NULL, NULL, &byte};
  const size_t lengths[] = {4, 1, 0, 4, 0};
  for (int k = 0; k < 5; k++) {
    variants[_i].run(vm, inputs[k], lengths[k], &r);
    ck_assert_int_eq(r.status, lengths[k] != 0 && inputs[k] == NULL ? LBPF_ERR_ARGUMENT : LBPF_OK);
    ck_assert_uint_eq(r.r0, r.status == LBPF_OK);
  }
}
END_TEST
#line 2683 "lit/interp.nw"
START_TEST(runs_are_independent) {
  static uint8_t mem[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  struct lbpf_insn p[] = {ADD64_X(0, 6), MOV64_K(6, 100), INSN(0x71, 1, 1, 0, 0), ADD64_X(0, 1),
                          EXIT};
  struct lbpf_program prog;
  struct lbpf_fault f;
  ck_assert_int_eq(load_both(_i, encode(p, 5), &prog, &f), LBPF_OK);
  for (int k = 0; k < 3; k++) {
    struct lbpf_result r = run_loaded(_i, &prog, mem, sizeof mem);
    ck_assert_uint_eq(r.r0, 1);
  }
}
END_TEST
#line 2707 "lit/interp.nw"
START_TEST(caches_follow_the_input) {
  static uint8_t a[16], b[16];
  struct lbpf_insn p[] = {LDDW64(2, (uintptr_t)a + 8), INSN(0x71, 0, 2, 0, 0),
                          INSN(0x73, 2, 0, 0, 0), EXIT};
  struct lbpf_program prog;
  struct lbpf_fault f;
  ck_assert_int_eq(load_both(_i, encode(p, 5), &prog, &f), LBPF_OK);
  a[8] = 42;
  struct {
    uint8_t *mem;
    size_t len;
    enum lbpf_status want;
  } runs[] = {{a, sizeof a, LBPF_OK}, {b, sizeof b, LBPF_ERR_MEMORY}, {a, 8, LBPF_ERR_MEMORY},
              {a, sizeof a, LBPF_OK}, {NULL, 0, LBPF_ERR_MEMORY},     {a, sizeof a, LBPF_OK}};
  for (size_t k = 0; k < sizeof runs / sizeof runs[0]; k++) {
    struct lbpf_result r = run_loaded(_i, &prog, runs[k].mem, runs[k].len);
    ck_assert_int_eq(r.status, runs[k].want);
    ck_assert_uint_eq(r.r0, runs[k].want == LBPF_OK ? 42 : 0);
  }
}
END_TEST
#line 2748 "lit/interp.nw"
START_TEST(registers_read_before_written) {
  static const struct {
    const char *what;
    int clear;
    size_t n;
    struct lbpf_insn p[8];
  } cases[] = {
      {"incr", 0, 3, {INSN(0x61, 0, 1, 0, 0), INSN(0x04, 0, 0, 0, 1), EXIT}},
      {"reads r6", 1, 2, {MOV64_X(0, 6), EXIT}},
      {"exit reads r0", 1, 1, {EXIT}},
      {"one branch", 1, 4, {INSN(0x15, 1, 0, 1, 0), MOV64_K(3, 1), MOV64_X(0, 3), EXIT}},
      {"both branches",
       0,
       6,
       {INSN(0x15, 1, 0, 2, 0), MOV64_K(3, 1), JA(1), MOV64_K(3, 2), MOV64_X(0, 3), EXIT}},
      {"loop",
       1,
       7,
       {MOV64_K(0, 0), INSN(0x15, 0, 0, 3, 3), ADD64_K(0, 1), MOV64_X(4, 0), JA(-4), MOV64_X(0, 4),
        EXIT}},
      {"helper reads r3", 1, 4, {MOV64_K(4, 0), MOV64_K(5, 0), CALL(5), EXIT}},
      {"helper", 0, 5, {MOV64_K(3, 0), MOV64_K(4, 0), MOV64_K(5, 0), CALL(5), EXIT}},
      {"callee reads r6",
       0,
       6,
       {MOV64_K(6, 7), CALL_LOCAL(2), MOV64_X(0, 6), EXIT, MOV64_X(0, 6), EXIT}},
      {"r7 after the return",
       1,
       6,
       {CALL_LOCAL(2), MOV64_X(0, 7), EXIT, MOV64_K(7, 1), MOV64_K(0, 0), EXIT}},
      {"lddw", 0, 3, {LDDW(0, 5, 0), EXIT}},
      {"be16", 0, 4, {MOV64_K(3, 1), INSN(0xdc, 3, 0, 0, 16), MOV64_X(0, 3), EXIT}},
      {"cmpxchg",
       1,
       4,
       {INSN(0x62, 10, 0, -8, 0), MOV64_K(2, 1), INSN(0xc3, 10, 2, -8, LBPF_ATOMIC_CMPXCHG), EXIT}},
      {"atomic add",
       0,
       5,
       {INSN(0x62, 10, 0, -8, 0), MOV64_K(2, 1), INSN(0xc3, 10, 2, -8, LBPF_ATOMIC_ADD),
        MOV64_K(0, 0), EXIT}},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    struct lbpf_program prog;
    struct lbpf_fault f;
    enum lbpf_status st = load_both(_i, encode(cases[k].p, cases[k].n), &prog, &f);
    ck_assert_msg(st == LBPF_OK, "%s: %s at %u", cases[k].what, lbpf_status_name(st), f.pc);
    ck_assert_msg(vm->clear_registers == (variants[_i].compact ? 1 : cases[k].clear),
                  "%s: clear_registers is %d", cases[k].what, vm->clear_registers);
    run_loaded(_i, &prog, NULL, 0);
  }
}
END_TEST
#line 2808 "lit/interp.nw"
START_TEST(an_error_in_a_callee_leaves_the_entry_frame) {
  static uint8_t mem[1];
  const struct lbpf_insn p[] = {
      INSN(0x71, 3, 1, 0, 0), CALL_LOCAL(2), MOV64_X(0, 10), EXIT, INSN(0x15, 3, 0, 1, 0),
      INSN(0x71, 4, 3, 0, 0), EXIT};
  struct lbpf_program prog;
  struct lbpf_fault f;
  ck_assert_int_eq(load_both(_i, encode(p, 7), &prog, &f), LBPF_OK);
  for (int k = 0; k < 4; k++) {
    mem[0] = (uint8_t)(k % 2 == 0);
    struct lbpf_result r = run_loaded(_i, &prog, mem, 1);
    ck_assert_int_eq(r.status, k % 2 == 0 ? LBPF_ERR_MEMORY : LBPF_OK);
    ck_assert_uint_eq(r.pc, k % 2 == 0 ? 5 : 3);
  }
}
END_TEST
#line 2834 "lit/interp.nw"
START_TEST(conformance_programs_against_the_spec) {
  const char *dir = getenv("LBPF_CONFORMANCE_TESTS");
  if (dir == NULL) dir = "../shared/conformance/tests";
  DIR *d = opendir(dir);
  ck_assert_msg(d != NULL, "cannot open the conformance suite at %s", dir);
  struct dirent *e;
  size_t compared = 0;
  static uint8_t mem[4096];
  char path[4096], err[256];
  while ((e = readdir(d)) != NULL) {
    size_t l = strlen(e->d_name);
    if (l < 5 || strcmp(e->d_name + l - 5, ".data") != 0) continue;
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    uint8_t *text;
    size_t len;
    struct lbpf_testfile tf;
    ck_assert_int_eq(lbpf_read_file(path, LBPF_FILE_MAX, &text, &len, err, sizeof err), 0);
    if (lbpf_testfile_parse((const char *)text, len, e->d_name, &tf, err, sizeof err) == 0 &&
        tf.code_size <= sizeof code_bytes && tf.mem_len <= sizeof mem) {
      struct lbpf_program prog;
      struct lbpf_fault f;
      memcpy(code_bytes, tf.code, tf.code_size);
      if (tf.mem_len) memcpy(mem, tf.mem, tf.mem_len);
      if (load_both(_i, tf.code_size, &prog, &f) == LBPF_OK) {
        run_loaded(_i, &prog, mem, tf.mem_len);
        compared++;
      }
      lbpf_testfile_free(&tf);
    }
    free(text);
  }
  closedir(d);
  ck_assert_uint_ge(compared, 300);
}
END_TEST

#line 1889 "lit/interp.nw"
static void add_interp_tests(TCase *tc) {

#line 2075 "lit/interp.nw"
  tcase_add_checked_fixture(tc, reset_env, NULL);
#line 2112 "lit/interp.nw"
  tcase_add_test(tc, every_form_has_its_handler);
#line 2878 "lit/interp.nw"
  tcase_set_timeout(tc, 120);
  tcase_add_loop_test(tc, arithmetic_edges, 0, NVARIANTS);
  tcase_add_loop_test(tc, every_form_against_the_spec, 0, NVARIANTS);
  tcase_add_loop_test(tc, memory_edges, 0, NVARIANTS);
  tcase_add_loop_test(tc, region_permissions, 0, NVARIANTS);
  tcase_add_loop_test(tc, helper_context, 0, NVARIANTS);
  tcase_add_loop_test(tc, cache_switching, 0, NVARIANTS);
  tcase_add_loop_test(tc, caches_follow_the_input, 0, NVARIANTS);
  tcase_add_loop_test(tc, an_error_in_a_callee_leaves_the_entry_frame, 0, NVARIANTS);
  tcase_add_loop_test(tc, registers_read_before_written, 0, NVARIANTS);
  tcase_add_loop_test(tc, budget_is_exact, 0, NVARIANTS);
  tcase_add_loop_test(tc, budget_in_chunks, 0, NVARIANTS);
  tcase_add_loop_test(tc, local_calls, 0, NVARIANTS);
  tcase_add_loop_test(tc, helpers_and_callx, 0, NVARIANTS);
  tcase_add_loop_test(tc, wide_loads, 0, NVARIANTS);
  tcase_add_loop_test(tc, load_refusals, 0, NVARIANTS);
  tcase_add_loop_test(tc, a_refused_load_never_runs, 0, NVARIANTS);
  tcase_add_loop_test(tc, unusable_environments, 0, NVARIANTS);
  tcase_add_loop_test(tc, runs_are_independent, 0, NVARIANTS);
  tcase_add_loop_test(tc, conformance_programs_against_the_spec, 0, NVARIANTS);
#line 1891 "lit/interp.nw"
}

/* The suite NAME: every test, once per variant of the file that includes this. */
#define LBPF_INTERP_SUITE(NAME)                                                                    \
  Suite *NAME##_suite(void) {                                                                      \
    Suite *s = suite_create(#NAME);                                                                \
    TCase *tc = tcase_create(#NAME);                                                               \
    add_interp_tests(tc);                                                                          \
    suite_add_tcase(s, tc);                                                                        \
    return s;                                                                                      \
  }
