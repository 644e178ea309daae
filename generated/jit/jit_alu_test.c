#line 2094 "lit/jit-alu.nw"
/* The JIT's checks: J against the specification on the Thumb-2 model, E
   against J, the code buffer, the analyzer. */
#include <check.h>
#include <stdio.h>
#include <string.h>
#include <unicorn/unicorn.h>

#include "bytecode.h"
#include "lbpf_isa.h"
#include "lbpf_jit.h"

#line 1598 "lit/jit-alu.nw"
/* The specification's effect of the ALU-run instruction at pc on r. */
static void spec_insn(const struct lbpf_program *prog, uint32_t pc, uint64_t r[LBPF_NREGS]) {
  struct lbpf_insn in = lbpf_program_insn(prog, pc);
  if (lbpf_is_lddw(in.opcode)) {
    r[in.dst] = (uint32_t)in.imm | (uint64_t)(uint32_t)lbpf_program_insn(prog, pc + 1).imm << 32;
    return;
  }
  uint64_t s = (in.opcode & LBPF_SRC_X) ? r[in.src] : (uint64_t)(int64_t)in.imm;
  r[in.dst] = lbpf_spec_alu(in.opcode, in.offset, in.imm, r[in.dst], s);
}
#line 1611 "lit/jit-alu.nw"
static void describe(const struct lbpf_program *prog, uint32_t pc, uint32_t len, char *buf,
                     size_t size) {
  size_t used = 0;
  buf[0] = 0;
  for (uint32_t k = 0; k < len && used + 1 < size;) {
    char one[64];
    unsigned slots = lbpf_disasm_insn(prog->code, prog->ninsns, pc + k, one, sizeof one);
    used += (size_t)snprintf(buf + used, size - used, "%s%s", k ? "; " : "", one);
    k += slots ? slots : 1;
  }
}

#define JIT_TEST_MAX_INSNS 1024
/* The whole-program JIT's way with one instruction: its body recorded while
   planning and replayed with the halves in the registers arm and the
   scratch registers in tmp is the generator's own body, instruction for
   instruction, with the high words taken as 0 or not, and the registers
   allocated from either end of the pool (low and high registers). */
static uint8_t pool_at(bool from_end, unsigned k) {
  return lbpf_jit_pool[from_end ? LBPF_JIT_POOL_SIZE - 1 - k : k];
}
static void check_insn_replay(const struct lbpf_program *prog, uint32_t pc, const char *what) {
  static struct lbpf_thumb_insn direct[64], replayed[64];
  static struct lbpf_jit_record rec;
  for (unsigned variant = 0; variant < 4; variant++) {
    uint32_t zero = variant & 1 ? UINT32_C(0x2aaaaa) : 0; /* every high word, or none */
    struct lbpf_jit_plan p;
    lbpf_jit_plan_init(&p);
    p.zero = zero;
    lbpf_jit_record_init(&rec);
    ck_assert_msg(lbpf_jit_plan_record(&p, &rec, prog, pc), "no record of: %s", what);
    uint8_t arm[LBPF_JIT_NHALVES] = {0}, tmp[LBPF_JIT_MAX_SCRATCH] = {0};
    unsigned next = 0;
    for (unsigned h = 0; h < LBPF_JIT_NHALVES; h++)
      if ((p.read_first | p.written) >> h & 1) arm[h] = pool_at(variant & 2, next++);
    for (unsigned k = 0; k < p.nscratch; k++)
      tmp[k] = pool_at(variant & 2, next++);
    struct lbpf_jit_buf d, r;
    lbpf_jit_buf_init(&d, NULL, 0, direct, 64, NULL, 0, NULL, 0);
    lbpf_jit_buf_init(&r, NULL, 0, replayed, 64, NULL, 0, NULL, 0);
    ck_assert_msg(lbpf_jit_alu_gen_insn(prog, pc, arm, tmp, zero, &d), "no body for: %s", what);
    ck_assert_msg(lbpf_jit_alu_gen_insn_recorded(&rec, arm, tmp, &r), "no replay of: %s", what);
    ck_assert_msg(d.n == r.n && memcmp(direct, replayed, d.n * sizeof direct[0]) == 0,
                  "the replayed body differs from the generator's (variant %u) for: %s", variant,
                  what);
  }
}
static const char *current_form = ""; /* the table's name of the form under test */
static unsigned replayed_calls;       /* runs with a routine's call whose replay was checked */
/* Check the run of len slots at pc from the register values r. */
static void check_run(const struct lbpf_program *prog, uint32_t pc, uint32_t len,
                      const uint64_t r[LBPF_NREGS]) {
  static struct lbpf_thumb_insn insns[JIT_TEST_MAX_INSNS];
  static uint8_t bytes[4 * JIT_TEST_MAX_INSNS], encoded[4 * JIT_TEST_MAX_INSNS];
  char what[2048];
  size_t used =
      (size_t)snprintf(what, sizeof what, "%s%s", current_form, *current_form ? ": " : "");
  describe(prog, pc, len, what + used, sizeof what - used);
  size_t n = lbpf_jit_alu_model(prog, pc, len, insns, JIT_TEST_MAX_INSNS);
  ck_assert_msg(n > 0, "J gives no code for: %s", what);
  /* E = encode(J) */
  struct lbpf_jit_buf b;
  lbpf_jit_buf_init(&b, bytes, sizeof bytes, NULL, 0, NULL, 0, NULL, 0);
  ck_assert_msg(lbpf_jit_alu_gen(prog, pc, len, &b), "E refuses: %s", what);
  size_t elen = 0;
  for (size_t k = 0; k < n; k++) {
    size_t sz = lbpf_thumb_emit(&insns[k], encoded + elen, sizeof encoded - elen);
    ck_assert_msg(sz > 0, "J's instruction %zu is not encodable: %s", k, what);
    elen += sz;
  }
  ck_assert_msg(b.len == elen && memcmp(bytes, encoded, elen) == 0,
                "E's bytes differ from encode(J) for: %s", what);
  /* E as the emitter writes it: the body recorded while planning, replayed */
  static struct lbpf_jit_record rec;
  struct lbpf_jit_plan rp;
  lbpf_jit_plan_init(&rp);
  lbpf_jit_record_init(&rec);
  bool recorded = true; /* a body too long for the record is not the emitter's */
  for (uint32_t k = 0; k < len && recorded; k += lbpf_jit_run_slots(prog, pc + k))
    recorded = lbpf_jit_plan_record(&rp, &rec, prog, pc + k);
  if (recorded) {
    replayed_calls += rp.calls != 0;
    static uint8_t replayed[4 * JIT_TEST_MAX_INSNS];
    lbpf_jit_buf_init(&b, replayed, sizeof replayed, NULL, 0, NULL, 0, NULL, 0);
    ck_assert_msg(lbpf_jit_alu_gen_recorded(&rp, &rec, &b), "E refuses its record: %s", what);
    ck_assert_msg(b.len == elen && memcmp(replayed, encoded, elen) == 0,
                  "E's replayed bytes differ from encode(J) for: %s", what);
  }
  for (uint32_t k = 0; k < len; k += lbpf_jit_run_slots(prog, pc + k))
    if (lbpf_jit_alu_slots(prog, pc + k)) check_insn_replay(prog, pc + k, what);
  /* the model: the spec's registers, callee-saved registers restored */
  uint64_t got[LBPF_NREGS], want[LBPF_NREGS];
  memcpy(got, r, sizeof got);
  memcpy(want, r, sizeof want);
  for (uint32_t k = 0; k < len; k += lbpf_jit_run_slots(prog, pc + k))
    spec_insn(prog, pc + k, want);
  struct lbpf_thumb_state in, out;
  struct lbpf_thumb_result res;
  enum lbpf_thumb_status st = lbpf_jit_model_run(bytes, b.len, 0, got, &in, &out, &res);
  ck_assert_msg(st == LBPF_THUMB_RETURNED, "the model stops with %s at 0x%x (address 0x%x) for: %s",
                lbpf_thumb_status_name(st), (unsigned)res.pc, (unsigned)res.fault_addr, what);
  for (unsigned i = 0; i < LBPF_NREGS; i++)
    ck_assert_msg(got[i] == want[i], "r%u = 0x%016llx, the spec says 0x%016llx, after: %s", i,
                  (unsigned long long)got[i], (unsigned long long)want[i], what);
  for (unsigned a = 4; a <= 11; a++)
    ck_assert_msg(out.r[a] == in.r[a], "ARM r%u not restored after: %s", a, what);
  ck_assert_msg(out.r[LBPF_THUMB_SP] == in.r[LBPF_THUMB_SP], "sp not restored after: %s", what);
  struct lbpf_jit_plan p;
  ck_assert(lbpf_jit_plan_run(&p, prog, pc, len));
  ck_assert_msg(res.insns == lbpf_jit_plan_cost(&p) && res.insns == n,
                "executed %llu instructions, the plan says %u, J has %zu: %s",
                (unsigned long long)res.insns, (unsigned)lbpf_jit_plan_cost(&p), n, what);
}
#line 1728 "lit/jit-alu.nw"
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
#line 1754 "lit/jit-alu.nw"
static const int32_t imm_classes[] = {
    0,      1,      7,          31,         32,         33, 63, 64,   255,      256,
    0x1234, 0xff00, 0x00ab0000, 0x12345678, 0x7fffffff, -1, -2, -256, -0x12345, INT32_MIN};
#define NIMM (sizeof imm_classes / sizeof imm_classes[0])

/* Does the verifier accept in (followed by exit) as an ALU-run instruction? */
static bool candidate(struct lbpf_insn in) {
  struct jit_prog p = {.n = 0};
  jp_add(&p, in);
  if (lbpf_is_lddw(in.opcode)) jp_add(&p, (struct lbpf_insn){.imm = 0x0badcafe});
  return jp_finish(&p) && lbpf_jit_run_slots(&p.prog, 0) > 0;
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

#line 1797 "lit/jit-alu.nw"
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
#line 1826 "lit/jit-alu.nw"
START_TEST(every_form) {
  static const uint8_t dsts[] = {0, 1, 5, 9}, srcs[] = {0, 1, 5, 9, 10};
  unsigned forms = 0, runs = 0;
  for (unsigned f = 0; f < LBPF_NFORMS; f++) {
    const struct lbpf_form *form = &lbpf_forms[f];
    if (!lbpf_form_in_alu_run(form) && !lbpf_form_is_lddw(form)) continue;
    bool x = form->kind == LBPF_KIND_ALU_X, k = form->kind == LBPF_KIND_ALU_K;
    struct lbpf_insn probe = {.opcode = form->opcode};
    if (x || k) probe.offset = form->value;
    if (form->kind == LBPF_KIND_END) probe.imm = form->value;
    bool compiled = false;
    for (unsigned ic = 0; ic < (k || lbpf_form_is_lddw(form) ? NIMM : 1); ic++)
      for (unsigned di = 0; di < sizeof dsts; di++)
        for (unsigned si = 0; si < (x ? sizeof srcs : 1); si++) {
          struct lbpf_insn in = probe;
          in.dst = dsts[di];
          if (x) in.src = srcs[si];
          if (k || lbpf_form_is_lddw(form)) in.imm = imm_classes[ic];
          struct jit_prog p = {.n = 0};
          jp_add(&p, in);
          if (lbpf_is_lddw(in.opcode))
            jp_add(&p, (struct lbpf_insn){.imm = imm_classes[(ic + 5) % NIMM]});
          if (!jp_finish(&p)) continue; /* e.g. a division by the constant 0 */
          uint32_t len = lbpf_jit_run_slots(&p.prog, 0);
          compiled = true;
          current_form = lbpf_form_name(form);
          struct lbpf_jit_plan plan;
          ck_assert(lbpf_jit_plan_run(&plan, &p.prog, 0, len));
          ck_assert_msg(4u * plan.body <= LBPF_JIT_MAX_INSN_BYTES * len,
                        "the body of %s exceeds LBPF_JIT_MAX_INSN_BYTES", current_form);
          for (unsigned v = 0; v < 4; v++) {
            uint64_t r[LBPF_NREGS];
            random_regs(r);
            check_run(&p.prog, 0, len, r);
            runs++;
          }
        }
    forms += compiled;
  }
  current_form = "";
  /* RFC 9669's 72 ALU forms and lddw */
  ck_assert_uint_eq(forms, 72 + 1);
  ck_assert_uint_gt(runs, 10000);
}
END_TEST
#line 1884 "lit/jit-alu.nw"
START_TEST(div64_values) {
  static const uint64_t values[] = {0,
                                    1,
                                    UINT64_MAX,
                                    UINT64_C(1) << 63,
                                    INT64_MAX,
                                    UINT64_C(1) << 32,
                                    0xffffffffu,
                                    UINT64_C(0xffffffff80000000),
                                    UINT64_C(0x123456789abcdef0),
                                    UINT64_C(0xfedcba9876543210),
                                    7,
                                    (uint64_t)-7};
  static const uint8_t pairs[][2] = {{1, 2}, {3, 3}, {4, 10}};
  const size_t nv = sizeof values / sizeof values[0];
  unsigned runs = 0, replayed_before = replayed_calls;
  for (unsigned f = 0; f < LBPF_NFORMS; f++) {
    const struct lbpf_form *form = &lbpf_forms[f];
    uint8_t op = LBPF_OP(form->opcode);
    if (!lbpf_form_in_alu_run(form) || LBPF_CLASS(form->opcode) != LBPF_CLASS_ALU64 ||
        (op != LBPF_ALU_DIV && op != LBPF_ALU_MOD))
      continue;
    bool x = form->kind == LBPF_KIND_ALU_X;
    current_form = lbpf_form_name(form);
    for (unsigned c = 0; c < (x ? sizeof pairs / sizeof pairs[0] : NIMM); c++) {
      struct lbpf_insn in = {.opcode = form->opcode,
                             .offset = form->value,
                             .dst = x ? pairs[c][0] : (uint8_t)(c % 10)};
      if (x)
        in.src = pairs[c][1];
      else
        in.imm = imm_classes[c];
      struct jit_prog p = {.n = 0};
      jp_add(&p, (struct lbpf_insn){
                     .opcode = LBPF_CLASS_ALU64 | LBPF_ALU_ADD | LBPF_SRC_X, .dst = 5, .src = 6});
      jp_add(&p, in);
      jp_add(&p, (struct lbpf_insn){
                     .opcode = LBPF_CLASS_ALU64 | LBPF_ALU_XOR | LBPF_SRC_X, .dst = 6, .src = 5});
      if (!jp_finish(&p)) continue; /* the constant divisor 0 */
      for (size_t i = 0; i < nv; i++)
        for (size_t k = 0; k < (x && in.src != in.dst ? nv : 1); k++) {
          uint64_t r[LBPF_NREGS];
          random_regs(r);
          r[in.dst] = values[i];
          if (x && in.src != in.dst) r[in.src] = values[k];
          check_run(&p.prog, 0, 3, r);
          runs++;
        }
    }
  }
  current_form = "";
  ck_assert_uint_gt(runs, 1000);
  ck_assert_uint_eq(replayed_calls - replayed_before, runs); /* each replayed too */
}
END_TEST
#line 1944 "lit/jit-alu.nw"
START_TEST(run_classes) {
  for (size_t k = 0; k < LBPF_NFORMS; k++) {
    const struct lbpf_form *form = &lbpf_forms[k];
    uint8_t cls = LBPF_CLASS(form->opcode);
    if (lbpf_form_in_alu_run(form) || lbpf_form_is_lddw(form))
      ck_assert_msg(cls == LBPF_CLASS_ALU || cls == LBPF_CLASS_ALU64 || lbpf_is_lddw(form->opcode),
                    "form %zu of a run is of class %u", k, cls);
  }
}
END_TEST
#line 1965 "lit/jit-alu.nw"
/* A program of up to 30 random ALU-run instructions; the slots of its
   longest run from slot 0. */
static uint32_t random_run(struct jit_prog *p) {
  p->n = 0;
  unsigned want = 1 + (unsigned)pick(30);
  for (unsigned k = 0; k < want; k++) {
    struct lbpf_insn in = random_alu();
    jp_add(p, in);
    if (lbpf_is_lddw(in.opcode)) jp_add(p, (struct lbpf_insn){.imm = (int32_t)pick(1u << 31)});
  }
  ck_assert(jp_finish(p));
  struct lbpf_jit_plan plan;
  lbpf_jit_plan_init(&plan);
  uint32_t len = 0;
  while (lbpf_jit_run_slots(&p->prog, len) && lbpf_jit_plan_insn(&plan, &p->prog, len))
    len += lbpf_jit_run_slots(&p->prog, len);
  ck_assert_uint_gt(len, 0);
  return len;
}

START_TEST(random_runs) {
  jit_rng = 0x4a49540001u;
  for (unsigned t = 0; t < 3000; t++) {
    struct jit_prog p;
    uint32_t len = random_run(&p);
    uint64_t r[LBPF_NREGS];
    random_regs(r);
    check_run(&p.prog, 0, len, r);
  }
}
END_TEST
#line 2003 "lit/jit-alu.nw"
START_TEST(code_buffer) {
  uint8_t code[64];
  struct lbpf_thumb_insn insns[32];
  uint32_t labels[2];
  struct lbpf_jit_fixup fixups[4];
  struct lbpf_jit_buf b;
  struct lbpf_thumb_insn nop = {.form = LBPF_THUMB_F_NOP16, .op = LBPF_THUMB_NOP};
  struct lbpf_thumb_insn b16 = {.form = LBPF_THUMB_F_B16, .op = LBPF_THUMB_B};
  struct lbpf_thumb_insn bw = {.form = LBPF_THUMB_F_B, .op = LBPF_THUMB_B};
  struct lbpf_thumb_insn cbz = {.form = LBPF_THUMB_F_CBZ, .op = LBPF_THUMB_CBZ, .rn = 1};
  lbpf_jit_buf_init(&b, code, sizeof code, insns, 32, labels, 2, fixups, 4);
  lbpf_jit_bind(&b, 0);         /* label 0 at 0 */
  lbpf_jit_emit(&b, &nop);      /* 0 */
  lbpf_jit_branch(&b, &cbz, 1); /* 2: forward */
  lbpf_jit_branch(&b, &bw, 1);  /* 4: forward, wide */
  lbpf_jit_emit(&b, &nop);      /* 8 */
  lbpf_jit_bind(&b, 1);         /* label 1 at 10 */
  lbpf_jit_branch(&b, &b16, 0); /* 10: backward */
  ck_assert_int_eq(lbpf_jit_resolve(&b), LBPF_JIT_BUF_OK);
  ck_assert_int_eq(insns[1].imm, 10 - (2 + 4));
  ck_assert_int_eq(insns[2].imm, 10 - (4 + 4));
  ck_assert_int_eq(insns[4].imm, 0 - (10 + 4));
  for (size_t k = 0, off = 0; k < b.n; k++) { /* the bytes are the patched instructions */
    uint8_t one[4];
    size_t sz = lbpf_thumb_emit(&insns[k], one, sizeof one);
    ck_assert(sz > 0 && memcmp(one, code + off, sz) == 0);
    off += sz;
  }
  /* out of range: cbz cannot go backwards */
  lbpf_jit_buf_init(&b, code, sizeof code, NULL, 0, labels, 2, fixups, 4);
  lbpf_jit_bind(&b, 0);
  lbpf_jit_emit(&b, &nop);
  lbpf_jit_branch(&b, &cbz, 0);
  ck_assert_int_eq(lbpf_jit_resolve(&b), LBPF_JIT_BUF_RANGE);
  /* unbound label; label outside the array */
  lbpf_jit_buf_init(&b, code, sizeof code, NULL, 0, labels, 2, fixups, 4);
  lbpf_jit_branch(&b, &b16, 1);
  ck_assert_int_eq(lbpf_jit_resolve(&b), LBPF_JIT_BUF_UNBOUND);
  lbpf_jit_buf_init(&b, code, sizeof code, NULL, 0, labels, 2, fixups, 4);
  lbpf_jit_bind(&b, 2);
  ck_assert_int_eq(lbpf_jit_resolve(&b), LBPF_JIT_BUF_UNBOUND);
  /* full: 6 bytes of room, four 2-byte instructions; nothing past the end */
  uint8_t small[8];
  memset(small, 0xee, sizeof small);
  lbpf_jit_buf_init(&b, small, 6, NULL, 0, NULL, 0, NULL, 0);
  for (int k = 0; k < 4; k++)
    lbpf_jit_emit(&b, &nop);
  ck_assert_int_eq(b.status, LBPF_JIT_BUF_FULL);
  ck_assert_uint_eq(b.len, 6);
  ck_assert_uint_eq(small[6], 0xee);
  ck_assert_uint_eq(small[7], 0xee);
  /* too many fix-ups; an invalid instruction */
  lbpf_jit_buf_init(&b, code, sizeof code, NULL, 0, labels, 2, fixups, 1);
  lbpf_jit_branch(&b, &b16, 0);
  lbpf_jit_branch(&b, &b16, 0);
  ck_assert_int_eq(b.status, LBPF_JIT_BUF_FULL);
  struct lbpf_thumb_insn bad = {.form = LBPF_THUMB_F_MOV_IMM8, .op = LBPF_THUMB_MOV, .rd = 9};
  lbpf_jit_buf_init(&b, NULL, 0, insns, 32, NULL, 0, NULL, 0);
  lbpf_jit_emit(&b, &bad);
  ck_assert_int_eq(b.status, LBPF_JIT_BUF_INVALID);
}
END_TEST
#line 2070 "lit/jit-alu.nw"
START_TEST(witness_faults) {
  struct lbpf_thumb_insn past[] = {
      {.form = LBPF_THUMB_F_LDST_IMM12, .op = LBPF_THUMB_LDR, .rd = 1, .imm = 8 * LBPF_NREGS},
      {.form = LBPF_THUMB_F_BX, .op = LBPF_THUMB_BX, .rm = LBPF_THUMB_LR}};
  struct lbpf_thumb_insn below[] = {
      {.form = LBPF_THUMB_F_LDST_NEG8,
       .op = LBPF_THUMB_STR,
       .rd = 1,
       .rn = LBPF_THUMB_SP,
       .imm = LBPF_JIT_MODEL_STACK + 4},
      {.form = LBPF_THUMB_F_BX, .op = LBPF_THUMB_BX, .rm = LBPF_THUMB_LR}};
  uint8_t code[16];
  uint64_t r[LBPF_NREGS] = {0};
  struct lbpf_thumb_result res;
  size_t n = lbpf_thumb_emit(&past[0], code, sizeof code);
  n += lbpf_thumb_emit(&past[1], code + n, sizeof code - n);
  ck_assert_int_eq(lbpf_jit_model_call(code, n, 0, r, &res), LBPF_THUMB_FAULT_MEMORY);
  ck_assert_uint_eq(res.fault_addr, LBPF_JIT_MODEL_REGS + 8 * LBPF_NREGS);
  n = lbpf_thumb_emit(&below[0], code, sizeof code);
  n += lbpf_thumb_emit(&below[1], code + n, sizeof code - n);
  ck_assert_int_eq(lbpf_jit_model_call(code, n, 0, r, &res), LBPF_THUMB_FAULT_MEMORY);
  ck_assert_int_eq(lbpf_jit_model_call(code, n, (uint32_t)n, r, &res), LBPF_THUMB_FAULT_FETCH);
}
END_TEST
#line 2139 "lit/jit-alu.nw"
#define UC_CODE_SIZE 0x10000u
#define UC_PAGE 0x1000u

static void uc_ok(uc_err e, const char *what) {
  ck_assert_msg(e == UC_ERR_OK, "%s: %s", what, uc_strerror(e));
}

/* At a word of the gate: the routine's call, on unicorn's registers (the
   bx lr there then returns); its count in *calls. */
static void uc_gate(uc_engine *uc, uint64_t address, uint32_t size, void *calls) {
  (void)size;
  uint32_t r[4], sp;
  for (int k = 0; k < 4; k++)
    uc_reg_read(uc, UC_ARM_REG_R0 + k, &r[k]);
  uc_reg_read(uc, UC_ARM_REG_SP, &sp);
  ck_assert_msg(sp % 8 == 0, "sp 0x%x not 8-byte aligned at a call", (unsigned)sp);
  uint32_t k = (uint32_t)(address - LBPF_JIT_MODEL_GATE) / 4;
  ck_assert(address % 4 == 0 && k < LBPF_JIT_NROUTINES);
  uint64_t ret =
      lbpf_jit_div64_routines[k]((uint64_t)r[1] << 32 | r[0], (uint64_t)r[3] << 32 | r[2]);
  uint32_t lo = (uint32_t)ret, hi = (uint32_t)(ret >> 32), spoil = 0xdeadbeefu;
  uc_reg_write(uc, UC_ARM_REG_R0, &lo);
  uc_reg_write(uc, UC_ARM_REG_R1, &hi);
  uc_reg_write(uc, UC_ARM_REG_R2, &spoil);
  uc_reg_write(uc, UC_ARM_REG_R3, &spoil);
  uc_reg_write(uc, UC_ARM_REG_R12, &spoil);
  ++*(unsigned *)calls;
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
  uc_ok(uc_mem_map(uc, LBPF_JIT_MODEL_GATE, UC_PAGE, UC_PROT_READ | UC_PROT_EXEC), "map gate");
  for (uint32_t k = 0; k < LBPF_JIT_NROUTINES; k++) /* bx lr at each word */
    uc_ok(uc_mem_write(uc, LBPF_JIT_MODEL_GATE + 4 * k, (const uint8_t[]){0x70, 0x47}, 2), "gate");
  unsigned calls = 0;
  uc_hook gate;
  uc_ok(uc_hook_add(uc, &gate, UC_HOOK_CODE, (void *)uc_gate, &calls, LBPF_JIT_MODEL_GATE,
                    LBPF_JIT_MODEL_GATE + 4 * LBPF_JIT_NROUTINES - 1),
        "hook gate");
  static uint8_t code[UC_CODE_SIZE];
  jit_rng = 0x4a49540003u;
  for (unsigned t = 0; t < 1500; t++) {
    struct jit_prog p;
    uint32_t run = random_run(&p);
    size_t len;
    struct lbpf_jit_buf b;
    lbpf_jit_buf_init(&b, code, sizeof code, NULL, 0, NULL, 0, NULL, 0);
    ck_assert(lbpf_jit_alu_gen(&p.prog, 0, run, &b));
    len = b.len;
    uint64_t model[LBPF_NREGS], want_regs[LBPF_NREGS];
    random_regs(model);
    memcpy(want_regs, model, sizeof model);
    for (uint32_t k = 0; k < run; k += lbpf_jit_run_slots(&p.prog, k))
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
  ck_assert_uint_gt(calls, 100); /* the 64-bit divisions were among the runs */
  uc_close(uc);
}
END_TEST
#line 337 "lit/jit-emit.nw"
START_TEST(compile_programs) {
  jit_rng = 0x4a49540002u;
  static uint8_t code[1 << 16];
  static struct lbpf_jit_entry entries[256];
  unsigned entered = 0;
  for (unsigned t = 0; t < 400; t++) {
    struct jit_prog p = {.n = 0};
    unsigned want = 2 + (unsigned)pick(60);
    while (p.n < want) {
      unsigned k = (unsigned)pick(10);
      if (k < 7) {
        struct lbpf_insn in = random_alu();
        jp_add(&p, in);
        if (lbpf_is_lddw(in.opcode)) jp_add(&p, (struct lbpf_insn){.imm = (int32_t)pick(1000)});
      } else if (k < 9) { /* a conditional jump, resolved below */
        jp_add(&p, (struct lbpf_insn){.opcode = LBPF_CLASS_JMP | LBPF_JMP_JEQ,
                                      .dst = (uint8_t)pick(11),
                                      .imm = (int32_t)pick(3)});
      } else {
        jp_add(&p, (struct lbpf_insn){.opcode = LBPF_CLASS_JMP | LBPF_JMP_EXIT});
      }
    }
    /* give every jump a target at an instruction boundary (not into lddw) */
    for (uint32_t pc = 0; pc < p.n; pc++) {
      struct lbpf_insn in = lbpf_decode(p.code + 8 * pc);
      if (lbpf_is_lddw(in.opcode)) {
        pc++;
        continue;
      }
      if (in.opcode != (LBPF_CLASS_JMP | LBPF_JMP_JEQ)) continue;
      for (;;) {
        uint32_t tgt = (uint32_t)pick(p.n + 1);
        if (tgt > 0 && tgt < p.n && lbpf_is_lddw(lbpf_decode(p.code + 8 * (tgt - 1)).opcode))
          continue;
        in.offset = (int16_t)((int32_t)tgt - (int32_t)pc - 1);
        break;
      }
      lbpf_encode(in, p.code + 8 * pc);
    }
    ck_assert(jp_finish(&p));
    size_t len = 0;
    ck_assert_int_eq(lbpf_jit_alu_compile(&p.prog, code, sizeof code, &len, entries), LBPF_OK);
    ck_assert_uint_le(len, lbpf_jit_alu_code_bound(p.prog.ninsns));
    for (uint32_t pc = 0; pc < p.prog.ninsns; pc++) {
      if (!entries[pc].len) continue;
      entered++;
      ck_assert(lbpf_jit_alu_worth(&p.prog, pc, entries[pc].len));
      static struct lbpf_thumb_insn insns[JIT_TEST_MAX_INSNS];
      size_t n = lbpf_jit_alu_model(&p.prog, pc, entries[pc].len, insns, JIT_TEST_MAX_INSNS);
      ck_assert_uint_gt(n, 0);
      size_t off = entries[pc].offset;
      for (size_t k = 0; k < n; k++) {
        uint8_t one[4];
        size_t sz = lbpf_thumb_emit(&insns[k], one, sizeof one);
        ck_assert_msg(off + sz <= len && memcmp(one, code + off, sz) == 0,
                      "E's bytes of the entry at %u differ from encode(J) at instruction %zu",
                      (unsigned)pc, k);
        off += sz;
      }
      uint64_t r[LBPF_NREGS], want[LBPF_NREGS];
      random_regs(r);
      memcpy(want, r, sizeof r);
      for (uint32_t k = 0; k < entries[pc].len; k += lbpf_jit_run_slots(&p.prog, pc + k))
        spec_insn(&p.prog, pc + k, want);
      struct lbpf_thumb_result res;
      ck_assert_int_eq(lbpf_jit_model_call(code, len, entries[pc].offset, r, &res),
                       LBPF_THUMB_RETURNED);
      ck_assert(memcmp(r, want, sizeof r) == 0);
    }
    if (len > 0) {
      ck_assert_int_eq(lbpf_jit_alu_compile(&p.prog, code, len - 1, &len, entries),
                       LBPF_ERR_ARGUMENT);
      for (uint32_t pc = 0; pc < p.prog.ninsns; pc++)
        ck_assert_uint_eq(entries[pc].len, 0);
    }
  }
  ck_assert_uint_gt(entered, 200);
}
END_TEST
#line 418 "lit/jit-emit.nw"
START_TEST(cost_model) {
  struct jit_prog p = {.n = 0};
  for (int k = 0; k < 3; k++)
    jp_add(&p, (struct lbpf_insn){
                   .opcode = LBPF_CLASS_ALU64 | LBPF_ALU_ADD | LBPF_SRC_X, .dst = 1, .src = 2});
  ck_assert(jp_finish(&p));
  struct lbpf_jit_plan plan;
  ck_assert(lbpf_jit_plan_run(&plan, &p.prog, 0, 1));
  ck_assert_uint_eq(lbpf_jit_plan_cost(&plan), 9);
  ck_assert(!lbpf_jit_alu_worth(&p.prog, 0, 1));
  ck_assert(!lbpf_jit_alu_worth(&p.prog, 0, 2));
  ck_assert(lbpf_jit_alu_worth(&p.prog, 0, 3));
  ck_assert(lbpf_jit_plan_run(&plan, &p.prog, 0, 3));
  ck_assert_uint_eq(lbpf_jit_plan_cost(&plan), 13);
  struct jit_prog q = {.n = 0};
  jp_add(&q, (struct lbpf_insn){.opcode = LBPF_CLASS_ALU | LBPF_ALU_ADD, .dst = 1, .imm = 7});
  jp_add(&q, (struct lbpf_insn){.opcode = LBPF_CLASS_ALU | LBPF_ALU_XOR, .dst = 1, .imm = 3});
  ck_assert(jp_finish(&q));
  ck_assert(lbpf_jit_plan_run(&plan, &q.prog, 0, 2));
  ck_assert_uint_eq(lbpf_jit_plan_cost(&plan), 7);
  ck_assert(lbpf_jit_alu_worth(&q.prog, 0, 2));
  /* a 64-bit division alone: push, four loads, the call's eleven
     instructions, two stores, pop, bx lr; with the routine, 10 + 20 + 10
     against 10 */
  struct jit_prog d = {.n = 0};
  jp_add(&d, (struct lbpf_insn){
                 .opcode = LBPF_CLASS_ALU64 | LBPF_ALU_DIV | LBPF_SRC_X, .dst = 1, .src = 2});
  ck_assert(jp_finish(&d));
  ck_assert(lbpf_jit_plan_run(&plan, &d.prog, 0, 1));
  ck_assert_uint_eq(plan.calls, 1);
  ck_assert_uint_eq(lbpf_jit_plan_cost(&plan), 20);
  ck_assert(!lbpf_jit_alu_worth(&d.prog, 0, 1));
}
END_TEST
#line 458 "lit/jit-emit.nw"
START_TEST(entries_at_targets) {
  struct jit_prog p = {.n = 0};
  jp_add(&p, (struct lbpf_insn){.opcode = LBPF_CLASS_JMP | LBPF_JMP_JA, .offset = 3}); /* to 4 */
  for (int k = 0; k < 8; k++) /* slots 1..8 */
    jp_add(&p, (struct lbpf_insn){
                   .opcode = LBPF_CLASS_ALU64 | LBPF_ALU_ADD | LBPF_SRC_X, .dst = 1, .src = 2});
  jp_add(&p, (struct lbpf_insn){
                 .opcode = LBPF_CLASS_JMP | LBPF_JMP_JEQ, .dst = 1, .offset = -6}); /* to 4 */
  ck_assert(jp_finish(&p));
  static uint8_t code[4096];
  struct lbpf_jit_entry entries[11];
  size_t len;
  ck_assert_int_eq(lbpf_jit_alu_compile(&p.prog, code, sizeof code, &len, entries), LBPF_OK);
  for (uint32_t pc = 0; pc < p.prog.ninsns; pc++)
    ck_assert_uint_eq(entries[pc].len, (pc == 1 ? 8u : pc == 4 ? 5u : 0u));
  ck_assert_uint_eq(entries[1].offset, 0);
  ck_assert_uint_gt(entries[4].offset, 0);
}
END_TEST

#line 2112 "lit/jit-alu.nw"
Suite *jit_alu_suite(void) {
  Suite *s = suite_create("jit_alu");
  TCase *tc = tcase_create("jit");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, every_form);
  tcase_add_test(tc, random_runs);
  tcase_add_test(tc, code_buffer);
  tcase_add_test(tc, witness_faults);

#line 1937 "lit/jit-alu.nw"
  tcase_add_test(tc, div64_values);
#line 1957 "lit/jit-alu.nw"
  tcase_add_test(tc, run_classes);
#line 2228 "lit/jit-alu.nw"
  tcase_add_test(tc, unicorn_runs);
#line 478 "lit/jit-emit.nw"
  tcase_add_test(tc, entries_at_targets);
  tcase_add_test(tc, compile_programs);
  tcase_add_test(tc, cost_model);
#line 2121 "lit/jit-alu.nw"
  suite_add_tcase(s, tc);
  return s;
}
