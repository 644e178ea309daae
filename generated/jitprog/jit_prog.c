#line 1348 "lit/jit.nw"
/* The whole-program JIT: model J and emitter E in one generator, and the engine. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lbpf_isa.h"
#include "lbpf_jit_prog.h"

#line 77 "lit/jit.nw"
#define OFF(field) ((uint32_t)offsetof(struct lbpf_jit_prog_state, field))
#define OFF_FAST(k, field)                                                                         \
  (OFF(fast) + (uint32_t)sizeof(struct lbpf_jit_fast_region) * (k) +                               \
   (uint32_t)offsetof(struct lbpf_jit_fast_region, field))
_Static_assert(offsetof(struct lbpf_jit_prog_state, regs) == 0, "ALU runs take r11 as regs");
_Static_assert(sizeof(struct lbpf_jit_prog_state) < 4096, "one ldr reaches every field");
#line 135 "lit/jit.nw"
uint64_t lbpf_jit_rt_locate(const struct lbpf_helper_ctx *ctx, uint32_t a_lo, uint32_t a_hi,
                            uint32_t size_perm) {
  uint64_t a = (uint64_t)a_hi << 32 | a_lo;
  if (lbpf_helper_region(ctx, a, size_perm & 15u, size_perm >> 4) == NULL) return 0;
  return UINT64_C(1) << 32 | a_lo;
}

uint64_t lbpf_jit_rt_callx(const struct lbpf_helper_ctx *ctx, uint32_t id_lo, uint32_t id_hi) {
  lbpf_helper_fn fn = id_hi == 0 ? lbpf_env_helper(ctx->env, id_lo) : NULL;
  if (fn == NULL) return 0;
  return UINT64_C(1) << 32 | (uint32_t)(uintptr_t)fn;
}

void lbpf_jit_rt_alu(uint64_t regs[LBPF_NREGS], uint32_t word, int32_t imm) {
  uint8_t bytes[LBPF_INSN_SIZE];
  for (unsigned k = 0; k < 4; k++) {
    bytes[k] = (uint8_t)(word >> (8 * k));
    bytes[4 + k] = (uint8_t)((uint32_t)imm >> (8 * k));
  }
  struct lbpf_insn in = lbpf_decode(bytes);
  uint64_t s = (in.opcode & LBPF_SRC_X) ? regs[in.src] : (uint64_t)(int64_t)in.imm;
  regs[in.dst] = lbpf_spec_alu(in.opcode, in.offset, in.imm, regs[in.dst], s);
}
#line 166 "lit/jit.nw"
static uint32_t rt_address(enum lbpf_jit_rt rt) {
#if LBPF_HAVM_NATIVE
  switch (rt) {
  case LBPF_JIT_RT_LOCATE: return (uint32_t)(uintptr_t)lbpf_jit_rt_locate;
  case LBPF_JIT_RT_CALLX: return (uint32_t)(uintptr_t)lbpf_jit_rt_callx;
  default: return (uint32_t)(uintptr_t)lbpf_jit_rt_alu;
  }
#else
  return (LBPF_JIT_PROG_GATE + 4u * (uint32_t)rt) | 1u;
#endif
}

/* The index in env's table of the helper that call imm reaches. */
size_t lbpf_jit_prog_helper_index(const struct lbpf_env *env, uint32_t id) {
  lbpf_helper_fn fn = lbpf_env_helper(env, id);
  size_t k = 0;
  while (k < env->nhelpers && !(env->helpers[k].id == id && env->helpers[k].fn == fn))
    k++;
  return k;
}

static uint32_t helper_address(const struct lbpf_env *env, size_t k) {
#if LBPF_HAVM_NATIVE
  return (uint32_t)(uintptr_t)env->helpers[k].fn;
#else
  (void)env;
  return (LBPF_JIT_PROG_GATE_HELPERS + 4u * (uint32_t)k) | 1u;
#endif
}
#line 206 "lit/jit.nw"
enum label_kind {
  L_PC,       /* the code of the instruction at pc */
  L_ENTRY,    /* a local function's entry, out of line: saves lr, then L_PC */
  L_SKIP,     /* after an instruction's own inline branch */
  L_RUN,      /* the ALU run starting at pc */
  L_SLOW,     /* the region check's slow path of the access at pc */
  L_BACK,     /* where the slow path returns */
  L_FAIL_MEM, /* stop: memory violation at pc */
  L_FAIL_BUDGET,
  L_FAIL_DEPTH,
  L_FAIL_CALLX,
  L_TARGET, /* not a label: marks pc as a jump target (never bound) */
  L_KINDS
};
enum { G_EPILOGUE, G_FAIL, G_OUT_OF_LINE, G_COUNT }; /* the labels after the per-pc ones */
_Static_assert(G_OUT_OF_LINE == LBPF_JIT_PROG_OUT_OF_LINE, "the header names it");
#line 236 "lit/jit.nw"
size_t lbpf_jit_prog_nlabels(uint32_t ninsns) {
  return (size_t)LBPF_JIT_PROG_LABEL_KINDS * ninsns + G_COUNT;
}
size_t lbpf_jit_prog_nfixups(uint32_t ninsns) {
  return (size_t)LBPF_JIT_PROG_FIXUPS_PER_SLOT * ninsns + G_COUNT;
}
size_t lbpf_jit_prog_code_bound(uint32_t ninsns) {
  return (size_t)LBPF_JIT_PROG_MAX_SLOT_BYTES * ninsns + 64u;
}
_Static_assert(L_KINDS == LBPF_JIT_PROG_LABEL_KINDS, "the header counts the label kinds");
#line 255 "lit/jit.nw"
struct pgen {
  struct lbpf_jit_buf *b;
  const struct lbpf_program *prog;
  const struct lbpf_env *env;
};

#define ST LBPF_JIT_PROG_ST_REG
#define IP 12u
#define PT(f, o, ...)                                                                              \
  ((struct lbpf_thumb_insn){.form = LBPF_THUMB_F_##f, .op = LBPF_THUMB_##o, __VA_ARGS__})

static uint32_t label(const struct pgen *g, enum label_kind kind, uint32_t pc) {
  return (uint32_t)kind * g->prog->ninsns + pc;
}
static uint32_t global(const struct pgen *g, unsigned which) {
  return LBPF_JIT_PROG_LABEL_KINDS * g->prog->ninsns + which;
}
static void put(struct pgen *g, struct lbpf_thumb_insn i) {
  lbpf_jit_emit(g->b, &i);
}
static void bind(struct pgen *g, uint32_t l) {
  lbpf_jit_bind(g->b, l);
}
/* b<cond>.w (cond LBPF_THUMB_AL: b.w) to label l */
static void branch(struct pgen *g, unsigned cond, uint32_t l) {
  struct lbpf_thumb_insn i =
      cond == LBPF_THUMB_AL ? PT(B, B, .imm = 0) : PT(BCOND, B, .cond = (uint8_t)cond);
  lbpf_jit_branch(g->b, &i, l);
}
static void call_label(struct pgen *g, uint32_t l) {
  struct lbpf_thumb_insn i = PT(BL, BL, .imm = 0);
  lbpf_jit_branch(g->b, &i, l);
}
/* ldr/str (any single access op) rt, [rn, #offset], 0 <= offset < 4096 */
static void mem(struct pgen *g, unsigned op, unsigned t, unsigned n, uint32_t offset) {
  put(g, (struct lbpf_thumb_insn){.form = LBPF_THUMB_F_LDST_IMM12,
                                  .op = (uint8_t)op,
                                  .rd = (uint8_t)t,
                                  .rn = (uint8_t)n,
                                  .imm = (int32_t)offset});
}
static void ld_st(struct pgen *g, unsigned t, uint32_t offset) {
  mem(g, LBPF_THUMB_LDR, t, ST, offset);
}
static void st_st(struct pgen *g, unsigned t, uint32_t offset) {
  mem(g, LBPF_THUMB_STR, t, ST, offset);
}
/* data processing of the form (register or modified immediate): rd = rn op
   (rm or k), flags set when s */
static void data(struct pgen *g, unsigned form, unsigned op, unsigned s, unsigned d, unsigned n,
                 unsigned m, uint32_t k) {
  struct lbpf_thumb_insn i = {.form = (uint8_t)form, .op = (uint8_t)op, .setflags = (uint8_t)s};
  i.rd = (uint8_t)d, i.rn = (uint8_t)n, i.rm = (uint8_t)m, i.imm = (int32_t)k;
  put(g, i);
}
static void dp(struct pgen *g, unsigned op, unsigned s, unsigned d, unsigned n, unsigned m) {
  data(g, LBPF_THUMB_F_DP_REG, op, s, d, n, m, 0);
}
static void dp_imm(struct pgen *g, unsigned op, unsigned s, unsigned d, unsigned n, uint32_t k) {
  data(g, LBPF_THUMB_F_DP_IMM, op, s, d, n, 0, k);
}
static void mov(struct pgen *g, unsigned d, unsigned m) {
  put(g, PT(MOV_HI, MOV, .rd = (uint8_t)d, .rm = (uint8_t)m));
}
/* rd = k: movw, and movt when the top half is not zero */
static void constant(struct pgen *g, unsigned d, uint32_t k) {
  put(g, PT(MOVWT, MOVW, .rd = (uint8_t)d, .imm = (int32_t)(k & 0xffffu)));
  if (k >> 16) put(g, PT(MOVWT, MOVT, .rd = (uint8_t)d, .imm = (int32_t)(k >> 16)));
}
/* ldm/stm rn{!}, {list} (op LDM, STM, STMDB) */
static void multiple(struct pgen *g, unsigned op, unsigned n, bool wb, uint16_t list) {
  put(g, (struct lbpf_thumb_insn){.form = LBPF_THUMB_F_LDMSTM,
                                  .op = (uint8_t)op,
                                  .rn = (uint8_t)n,
                                  .writeback = wb,
                                  .reglist = list});
}
static void blx_ip(struct pgen *g) {
  put(g, PT(BX, BLX, .rm = IP));
}
/* the pair of BPF register r into ARM registers lo, hi */
static void load_pair(struct pgen *g, unsigned r, unsigned lo, unsigned hi) {
  ld_st(g, lo, LBPF_JIT_REG_LO(r));
  ld_st(g, hi, LBPF_JIT_REG_HI(r));
}
static void store_pair(struct pgen *g, unsigned r, unsigned lo, unsigned hi) {
  st_st(g, lo, LBPF_JIT_REG_LO(r));
  st_st(g, hi, LBPF_JIT_REG_HI(r));
}
#line 339 "lit/jit.nw"
static void fail_stub(struct pgen *g, enum label_kind kind, uint32_t pc, enum lbpf_status s) {
  bind(g, label(g, kind, pc));
  constant(g, 0, (uint32_t)s);
  constant(g, 1, pc);
  branch(g, LBPF_THUMB_AL, global(g, G_FAIL));
}

#define SAVED_LIST ((uint16_t)0x4ff8u) /* r3-r11, lr: ten words, sp stays 8-aligned */

static void prologue(struct pgen *g) {
  multiple(g, LBPF_THUMB_STMDB, LBPF_THUMB_SP, true, SAVED_LIST);
  mov(g, ST, 0);
  mov(g, 0, LBPF_THUMB_SP);
  st_st(g, 0, OFF(entry_sp));
}

static void epilogue(struct pgen *g) {
  bind(g, global(g, G_FAIL));
  st_st(g, 0, OFF(status));
  st_st(g, 1, OFF(pc));
  bind(g, global(g, G_EPILOGUE));
  ld_st(g, 0, OFF(entry_sp));
  mov(g, LBPF_THUMB_SP, 0);
  multiple(g, LBPF_THUMB_LDM, LBPF_THUMB_SP, true, (uint16_t)((SAVED_LIST & ~0x4000u) | 0x8000u));
}
#line 374 "lit/jit.nw"
static void spend(struct pgen *g, uint32_t pc, uint32_t cost) {
  ld_st(g, 0, OFF(budget_lo));
  ld_st(g, 1, OFF(budget_hi));
  constant(g, 2, cost);
  dp(g, LBPF_THUMB_SUB, 1, 0, 0, 2);
  dp_imm(g, LBPF_THUMB_SBC, 1, 1, 1, 0);
  branch(g, LBPF_THUMB_LO, label(g, L_FAIL_BUDGET, pc));
  st_st(g, 0, OFF(budget_lo));
  st_st(g, 1, OFF(budget_hi));
}
#line 399 "lit/jit.nw"
static bool is_target(const struct pgen *g, uint32_t pc) {
  return g->b->labels[label(g, L_TARGET, pc)] != LBPF_JIT_UNBOUND;
}

/* Compile the ALU run starting at pc; the slots it covers. */
static uint32_t gen_run(struct pgen *g, uint32_t pc) {
  struct lbpf_jit_plan plan;
  lbpf_jit_plan_init(&plan);
  uint32_t end = pc, slots;
  while (end < g->prog->ninsns && (end == pc || !is_target(g, end)) &&
         (slots = lbpf_jit_alu_slots(g->prog, end)) != 0 && lbpf_jit_plan_insn(&plan, g->prog, end))
    end += slots;
  mov(g, 0, ST);
  call_label(g, label(g, L_RUN, pc));
  branch(g, LBPF_THUMB_AL, label(g, L_SKIP, pc));
  bind(g, label(g, L_RUN, pc));
  if (!lbpf_jit_alu_gen_planned(g->prog, pc, end - pc, &plan, g->b) &&
      g->b->status == LBPF_JIT_BUF_OK)
    g->b->status = LBPF_JIT_BUF_INVALID;
  bind(g, label(g, L_SKIP, pc));
  return end - pc;
}

static uint32_t first_word(const struct lbpf_program *prog, uint32_t pc) {
  const uint8_t *p = prog->code + (size_t)LBPF_INSN_SIZE * pc;
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void gen_alu_call(struct pgen *g, uint32_t pc, struct lbpf_insn in) {
  mov(g, 0, ST);
  constant(g, 1, first_word(g->prog, pc));
  constant(g, 2, (uint32_t)in.imm);
  constant(g, IP, rt_address(LBPF_JIT_RT_ALU));
  blx_ip(g);
}
#line 466 "lit/jit.nw"
static unsigned size_index(unsigned n) {
  return n == 1 ? 0 : n == 2 ? 1 : n == 4 ? 2 : 3;
}

/* r1:r0 = the BPF address base + offset */
static void address(struct pgen *g, unsigned base, int16_t offset) {
  load_pair(g, base, 0, 1);
  if (offset == 0) return;
  constant(g, 2, (uint32_t)(int32_t)offset);
  dp(g, LBPF_THUMB_ADD, 1, 0, 0, 2);
  dp_imm(g, LBPF_THUMB_ADC, 0, 1, 1, offset < 0 ? 0xffffffffu : 0);
}

/* r0 = the machine address of the access of n bytes at r1:r0 with perm,
   or a stop at pc */
static void check(struct pgen *g, uint32_t pc, unsigned base, unsigned n) {
  unsigned k = base == 10 ? LBPF_JIT_PROG_FAST_STACK : LBPF_JIT_PROG_FAST_INPUT;
  ld_st(g, 2, OFF_FAST(k, base_lo));
  dp(g, LBPF_THUMB_SUB, 1, 2, 0, 2);
  ld_st(g, 3, OFF_FAST(k, base_hi));
  dp(g, LBPF_THUMB_SBC, 0, 3, 1, 3);
  put(g, PT(CMP_IMM8, CMP, .setflags = 1, .rn = 3, .imm = 0));
  branch(g, LBPF_THUMB_NE, label(g, L_SLOW, pc));
  ld_st(g, 3, OFF_FAST(k, end) + 4u * size_index(n));
  dp(g, LBPF_THUMB_CMP, 1, 0, 2, 3);
  branch(g, LBPF_THUMB_HS, label(g, L_SLOW, pc));
  ld_st(g, 3, OFF_FAST(k, delta));
  dp(g, LBPF_THUMB_ADD, 0, 0, 0, 3);
  bind(g, label(g, L_BACK, pc));
}

static void slow_path(struct pgen *g, uint32_t pc, unsigned n, unsigned perm) {
  bind(g, label(g, L_SLOW, pc));
  mov(g, 2, 1);
  mov(g, 1, 0);
  constant(g, 3, n | perm << 4);
  ld_st(g, 0, OFF(ctx));
  constant(g, IP, rt_address(LBPF_JIT_RT_LOCATE));
  blx_ip(g);
  put(g, PT(CMP_IMM8, CMP, .setflags = 1, .rn = 1, .imm = 0));
  branch(g, LBPF_THUMB_EQ, label(g, L_FAIL_MEM, pc));
  branch(g, LBPF_THUMB_AL, label(g, L_BACK, pc));
  fail_stub(g, L_FAIL_MEM, pc, LBPF_ERR_MEMORY);
}
#line 521 "lit/jit.nw"
static const uint8_t load_op[4] = {LBPF_THUMB_LDRB, LBPF_THUMB_LDRH, LBPF_THUMB_LDR,
                                   LBPF_THUMB_LDR};
static const uint8_t load_sx_op[4] = {LBPF_THUMB_LDRSB, LBPF_THUMB_LDRSH, LBPF_THUMB_LDR,
                                      LBPF_THUMB_LDR};
static const uint8_t store_op[4] = {LBPF_THUMB_STRB, LBPF_THUMB_STRH, LBPF_THUMB_STR,
                                    LBPF_THUMB_STR};

static unsigned access_size(uint8_t opcode) {
  switch (LBPF_SIZE(opcode)) {
  case LBPF_SIZE_B: return 1;
  case LBPF_SIZE_H: return 2;
  case LBPF_SIZE_W: return 4;
  default: return 8;
  }
}

static void gen_load(struct pgen *g, uint32_t pc, struct lbpf_insn in) {
  unsigned n = access_size(in.opcode), k = size_index(n);
  bool sx = LBPF_MODE(in.opcode) == LBPF_MODE_MEMSX;
  address(g, in.src, in.offset);
  check(g, pc, in.src, n);
  mem(g, sx ? load_sx_op[k] : load_op[k], 2, 0, 0);
  if (n == 8)
    mem(g, LBPF_THUMB_LDR, 3, 0, 4);
  else if (sx)
    put(g, (struct lbpf_thumb_insn){.form = LBPF_THUMB_F_DP_REG,
                                    .op = LBPF_THUMB_MOV,
                                    .rd = 3,
                                    .rm = 2,
                                    .shift = LBPF_THUMB_SHIFT_ASR,
                                    .amount = 32});
  else
    constant(g, 3, 0);
  store_pair(g, in.dst, 2, 3);
}

static void gen_store(struct pgen *g, uint32_t pc, struct lbpf_insn in) {
  unsigned n = access_size(in.opcode);
  address(g, in.dst, in.offset);
  check(g, pc, in.dst, n);
  if (LBPF_CLASS(in.opcode) == LBPF_CLASS_ST) {
    constant(g, 2, (uint32_t)in.imm);
    constant(g, 3, in.imm < 0 ? 0xffffffffu : 0);
  } else {
    load_pair(g, in.src, 2, 3);
  }
  mem(g, store_op[size_index(n)], 2, 0, 0);
  if (n == 8) mem(g, LBPF_THUMB_STR, 3, 0, 4);
}

/* old value in r2 (r3), source in r4 (r5), new value in r6 (r7) */
static void gen_atomic(struct pgen *g, uint32_t pc, struct lbpf_insn in) {
  bool wide = access_size(in.opcode) == 8;
  address(g, in.dst, in.offset);
  check(g, pc, in.dst, wide ? 8 : 4);
  mem(g, LBPF_THUMB_LDR, 2, 0, 0);
  if (wide)
    mem(g, LBPF_THUMB_LDR, 3, 0, 4);
  else
    constant(g, 3, 0);
  load_pair(g, in.src, 4, 5);
  int32_t op = in.imm & ~LBPF_ATOMIC_FETCH;
  if (in.imm == LBPF_ATOMIC_CMPXCHG) {
    load_pair(g, 0, 6, 7);
    dp(g, LBPF_THUMB_EOR, 0, 6, 6, 2);
    if (wide) {
      dp(g, LBPF_THUMB_EOR, 0, 7, 7, 3);
      dp(g, LBPF_THUMB_ORR, 1, 6, 6, 7);
    } else {
      put(g, PT(CMP_IMM8, CMP, .setflags = 1, .rn = 6, .imm = 0));
    }
    branch(g, LBPF_THUMB_NE, label(g, L_SKIP, pc));
    mem(g, LBPF_THUMB_STR, 4, 0, 0);
    if (wide) mem(g, LBPF_THUMB_STR, 5, 0, 4);
    bind(g, label(g, L_SKIP, pc));
    store_pair(g, 0, 2, 3);
    return;
  }
  unsigned arm_op = op == LBPF_ATOMIC_ADD   ? LBPF_THUMB_ADD
                    : op == LBPF_ATOMIC_OR  ? LBPF_THUMB_ORR
                    : op == LBPF_ATOMIC_AND ? LBPF_THUMB_AND
                    : op == LBPF_ATOMIC_XOR ? LBPF_THUMB_EOR
                                            : LBPF_THUMB_NONE;
  unsigned lo = 4, hi = 5; /* xchg stores the source */
  if (arm_op != LBPF_THUMB_NONE) {
    dp(g, arm_op, arm_op == LBPF_THUMB_ADD, 6, 2, 4);
    dp(g, arm_op == LBPF_THUMB_ADD ? LBPF_THUMB_ADC : arm_op, 0, 7, 3, 5);
    lo = 6, hi = 7;
  }
  mem(g, LBPF_THUMB_STR, lo, 0, 0);
  if (wide) mem(g, LBPF_THUMB_STR, hi, 0, 4);
  if (in.imm & LBPF_ATOMIC_FETCH) store_pair(g, in.src, 2, 3);
}
#line 621 "lit/jit.nw"
/* Set the flags from r1:r0 (dst) and r3:r2 (src) so that the returned
   condition holds iff the jump of operation op (64-bit if wide) is taken. */
static unsigned compare_flags(struct pgen *g, uint8_t op, bool wide) {
  if (!wide) {
    if (op == LBPF_JMP_JSET)
      dp(g, LBPF_THUMB_TST, 1, 0, 0, 2);
    else
      dp(g, LBPF_THUMB_CMP, 1, 0, 0, 2);
    switch (op) {
    case LBPF_JMP_JEQ: return LBPF_THUMB_EQ;
    case LBPF_JMP_JNE: return LBPF_THUMB_NE;
    case LBPF_JMP_JSET: return LBPF_THUMB_NE;
    case LBPF_JMP_JGT: return LBPF_THUMB_HI;
    case LBPF_JMP_JGE: return LBPF_THUMB_HS;
    case LBPF_JMP_JLT: return LBPF_THUMB_LO;
    case LBPF_JMP_JLE: return LBPF_THUMB_LS;
    case LBPF_JMP_JSGT: return LBPF_THUMB_GT;
    case LBPF_JMP_JSGE: return LBPF_THUMB_GE;
    case LBPF_JMP_JSLT: return LBPF_THUMB_LT;
    default: return LBPF_THUMB_LE; /* jsle */
    }
  }
  switch (op) {
  case LBPF_JMP_JEQ:
  case LBPF_JMP_JNE:
  case LBPF_JMP_JSET: {
    unsigned combine = op == LBPF_JMP_JSET ? LBPF_THUMB_AND : LBPF_THUMB_EOR;
    dp(g, combine, 0, 0, 0, 2);
    dp(g, combine, 0, 1, 1, 3);
    dp(g, LBPF_THUMB_ORR, 1, 0, 0, 1);
    return op == LBPF_JMP_JEQ ? LBPF_THUMB_EQ : LBPF_THUMB_NE;
  }
  case LBPF_JMP_JGE:
  case LBPF_JMP_JLT:
  case LBPF_JMP_JSGE:
  case LBPF_JMP_JSLT:
    dp(g, LBPF_THUMB_CMP, 1, 0, 0, 2); /* dst - src */
    dp(g, LBPF_THUMB_SBC, 1, 1, 1, 3);
    return op == LBPF_JMP_JGE    ? LBPF_THUMB_HS
           : op == LBPF_JMP_JLT  ? LBPF_THUMB_LO
           : op == LBPF_JMP_JSGE ? LBPF_THUMB_GE
                                 : LBPF_THUMB_LT;
  default: /* jgt, jle, jsgt, jsle: src - dst */
    dp(g, LBPF_THUMB_CMP, 1, 0, 2, 0);
    dp(g, LBPF_THUMB_SBC, 1, 3, 3, 1);
    return op == LBPF_JMP_JGT    ? LBPF_THUMB_LO
           : op == LBPF_JMP_JLE  ? LBPF_THUMB_HS
           : op == LBPF_JMP_JSGT ? LBPF_THUMB_LT
                                 : LBPF_THUMB_GE;
  }
}

/* The operands of a conditional jump into r1:r0 and r3:r2; its condition. */
static unsigned compare(struct pgen *g, struct lbpf_insn in) {
  bool wide = LBPF_CLASS(in.opcode) == LBPF_CLASS_JMP;
  ld_st(g, 0, LBPF_JIT_REG_LO(in.dst));
  if (wide) ld_st(g, 1, LBPF_JIT_REG_HI(in.dst));
  if (in.opcode & LBPF_SRC_X) {
    ld_st(g, 2, LBPF_JIT_REG_LO(in.src));
    if (wide) ld_st(g, 3, LBPF_JIT_REG_HI(in.src));
  } else {
    constant(g, 2, (uint32_t)in.imm);
    if (wide) constant(g, 3, in.imm < 0 ? 0xffffffffu : 0);
  }
  return compare_flags(g, LBPF_OP(in.opcode), wide);
}

static void jump(struct pgen *g, uint32_t pc, int64_t delta, unsigned cond) {
  uint32_t target = (uint32_t)((int64_t)pc + 1 + delta);
  if (delta >= 0) return branch(g, cond, label(g, L_PC, target));
  if (cond != LBPF_THUMB_AL) branch(g, cond ^ 1u, label(g, L_SKIP, pc)); /* not taken */
  spend(g, pc, (uint32_t)-delta);
  branch(g, LBPF_THUMB_AL, label(g, L_PC, target));
  if (cond != LBPF_THUMB_AL) bind(g, label(g, L_SKIP, pc));
}
#line 701 "lit/jit.nw"
/* the helper at address (or, if from_r9, at the address in r9) */
static void helper_call(struct pgen *g, bool from_r9, uint32_t address) {
  put(g, PT(SP_IMM16, SUB, .rd = LBPF_THUMB_SP, .rn = LBPF_THUMB_SP, .imm = 32));
  dp_imm(g, LBPF_THUMB_ADD, 0, 0, ST, LBPF_JIT_REG_LO(2));
  multiple(g, LBPF_THUMB_LDM, 0, false, 0x00ff); /* r0-r7 = r2..r5 */
  multiple(g, LBPF_THUMB_STM, LBPF_THUMB_SP, false, 0x00ff);
  load_pair(g, 1, 2, 3);
  ld_st(g, 0, OFF(ctx));
  if (from_r9)
    mov(g, IP, 9);
  else
    constant(g, IP, address);
  blx_ip(g);
  put(g, PT(SP_IMM16, ADD, .rd = LBPF_THUMB_SP, .rn = LBPF_THUMB_SP, .imm = 32));
  store_pair(g, 0, 0, 1);
}

static void gen_callx(struct pgen *g, uint32_t pc, struct lbpf_insn in) {
  load_pair(g, in.dst, 1, 2);
  ld_st(g, 0, OFF(ctx));
  constant(g, IP, rt_address(LBPF_JIT_RT_CALLX));
  blx_ip(g);
  put(g, PT(CMP_IMM8, CMP, .setflags = 1, .rn = 1, .imm = 0));
  branch(g, LBPF_THUMB_EQ, label(g, L_FAIL_CALLX, pc));
  mov(g, 9, 0);
  spend(g, pc, 1);
  helper_call(g, true, 0);
}
#line 745 "lit/jit.nw"
#define FRAME_LIST ((uint16_t)0x03fcu) /* r2-r9: the eight words of BPF r6-r9 */

static void move_r10(struct pgen *g, unsigned op) {
  load_pair(g, 10, 0, 1);
  dp_imm(g, op, 1, 0, 0, LBPF_STACK_SIZE);
  dp_imm(g, op == LBPF_THUMB_SUB ? LBPF_THUMB_SBC : LBPF_THUMB_ADC, 0, 1, 1, 0);
  store_pair(g, 10, 0, 1);
}

static void gen_local_call(struct pgen *g, uint32_t pc, struct lbpf_insn in) {
  uint32_t target = (uint32_t)((int64_t)pc + 1 + in.imm);
  spend(g, pc, g->prog->ninsns - target);
  ld_st(g, 0, OFF(depth));
  ld_st(g, 1, OFF(max_depth));
  dp_imm(g, LBPF_THUMB_ADD, 0, 0, 0, 1);
  dp(g, LBPF_THUMB_CMP, 1, 0, 0, 1);
  branch(g, LBPF_THUMB_HS, label(g, L_FAIL_DEPTH, pc));
  st_st(g, 0, OFF(depth));
  dp_imm(g, LBPF_THUMB_ADD, 0, 1, ST, LBPF_JIT_REG_LO(6));
  multiple(g, LBPF_THUMB_LDM, 1, false, FRAME_LIST);
  multiple(g, LBPF_THUMB_STMDB, LBPF_THUMB_SP, true, FRAME_LIST);
  move_r10(g, LBPF_THUMB_SUB);
  call_label(g, label(g, L_ENTRY, target));
}

static void entry_stub(struct pgen *g, uint32_t target) {
  bind(g, label(g, L_ENTRY, target));
  multiple(g, LBPF_THUMB_STMDB, LBPF_THUMB_SP, true, (uint16_t)(1u | 1u << LBPF_THUMB_LR));
  branch(g, LBPF_THUMB_AL, label(g, L_PC, target));
}

static void gen_exit(struct pgen *g) {
  ld_st(g, 0, OFF(depth));
  put(g, PT(CMP_IMM8, CMP, .setflags = 1, .rn = 0, .imm = 0));
  branch(g, LBPF_THUMB_EQ, global(g, G_EPILOGUE));
  dp_imm(g, LBPF_THUMB_SUB, 0, 0, 0, 1);
  st_st(g, 0, OFF(depth));
  multiple(g, LBPF_THUMB_LDM, LBPF_THUMB_SP, true, (uint16_t)(1u | 1u << IP)); /* r12: return */
  multiple(g, LBPF_THUMB_LDM, LBPF_THUMB_SP, true, FRAME_LIST);
  dp_imm(g, LBPF_THUMB_ADD, 0, 0, ST, LBPF_JIT_REG_LO(6));
  multiple(g, LBPF_THUMB_STM, 0, false, FRAME_LIST);
  move_r10(g, LBPF_THUMB_ADD);
  put(g, PT(BX, BX, .rm = IP));
}
#line 797 "lit/jit.nw"
static uint32_t gen_insn(struct pgen *g, uint32_t pc) {
  struct lbpf_insn in = lbpf_program_insn(g->prog, pc);
  const struct lbpf_form *form = lbpf_form_of(in);
  bind(g, label(g, L_PC, pc));
  if (lbpf_jit_alu_slots(g->prog, pc)) return gen_run(g, pc);
  switch (form->kind) {
  case LBPF_KIND_ALU_K:
  case LBPF_KIND_ALU_X: gen_alu_call(g, pc, in); break;
  case LBPF_KIND_JA: jump(g, pc, in.offset, LBPF_THUMB_AL); break;
  case LBPF_KIND_JA32: jump(g, pc, in.imm, LBPF_THUMB_AL); break;
  case LBPF_KIND_JCOND_K:
  case LBPF_KIND_JCOND_X: jump(g, pc, in.offset, compare(g, in)); break;
  case LBPF_KIND_CALL:
    if (in.src == LBPF_CALL_LOCAL) {
      gen_local_call(g, pc, in);
    } else {
      spend(g, pc, 1);
      helper_call(g, false,
                  helper_address(g->env, lbpf_jit_prog_helper_index(g->env, (uint32_t)in.imm)));
    }
    break;
  case LBPF_KIND_CALLX: gen_callx(g, pc, in); break;
  case LBPF_KIND_EXIT: gen_exit(g); break;
  case LBPF_KIND_LDX: gen_load(g, pc, in); break;
  case LBPF_KIND_ST:
  case LBPF_KIND_STX: gen_store(g, pc, in); break;
  default: gen_atomic(g, pc, in); break;
  }
  return 1;
}

static void gen_out_of_line(struct pgen *g, uint32_t pc) {
  struct lbpf_insn in = lbpf_program_insn(g->prog, pc);
  const struct lbpf_form *form = lbpf_form_of(in);
  switch (form->kind) {
  case LBPF_KIND_JA:
  case LBPF_KIND_JA32:
  case LBPF_KIND_JCOND_K:
  case LBPF_KIND_JCOND_X: {
    int64_t delta = form->kind == LBPF_KIND_JA32 ? in.imm : in.offset;
    if (delta < 0) fail_stub(g, L_FAIL_BUDGET, pc, LBPF_ERR_BUDGET);
    break;
  }
  case LBPF_KIND_CALL:
    fail_stub(g, L_FAIL_BUDGET, pc, LBPF_ERR_BUDGET);
    if (in.src == LBPF_CALL_LOCAL) {
      uint32_t target = (uint32_t)((int64_t)pc + 1 + in.imm);
      fail_stub(g, L_FAIL_DEPTH, pc, LBPF_ERR_CALL_DEPTH);
      if (g->b->labels[label(g, L_ENTRY, target)] == LBPF_JIT_UNBOUND) entry_stub(g, target);
    }
    break;
  case LBPF_KIND_CALLX:
    fail_stub(g, L_FAIL_BUDGET, pc, LBPF_ERR_BUDGET);
    fail_stub(g, L_FAIL_CALLX, pc, LBPF_ERR_CALLX_TARGET);
    break;
  case LBPF_KIND_LDX: slow_path(g, pc, access_size(in.opcode), LBPF_PERM_READ); break;
  case LBPF_KIND_ST:
  case LBPF_KIND_STX: slow_path(g, pc, access_size(in.opcode), LBPF_PERM_WRITE); break;
  case LBPF_KIND_ATOMIC:
    slow_path(g, pc, access_size(in.opcode), LBPF_PERM_READ | LBPF_PERM_WRITE);
    break;
  default: break;
  }
}
#line 872 "lit/jit.nw"
static void mark_targets(struct pgen *g) {
  for (uint32_t pc = 0; pc < g->prog->ninsns; pc++) {
    struct lbpf_insn in = lbpf_program_insn(g->prog, pc);
    const struct lbpf_form *form = lbpf_form_of(in);
    int64_t t = -1;
    if (form->kind == LBPF_KIND_LDDW)
      pc++;
    else if (form->kind == LBPF_KIND_JA || form->kind == LBPF_KIND_JCOND_K ||
             form->kind == LBPF_KIND_JCOND_X)
      t = (int64_t)pc + 1 + in.offset;
    else if (form->kind == LBPF_KIND_JA32)
      t = (int64_t)pc + 1 + in.imm;
    else if (form->kind == LBPF_KIND_CALL && in.src == LBPF_CALL_LOCAL) {
      t = (int64_t)pc + 1 + in.imm;
      g->b->labels[label(g, L_TARGET, pc + 1)] = 1;
    }
    if (t >= 0 && t < (int64_t)g->prog->ninsns) g->b->labels[label(g, L_TARGET, (uint32_t)t)] = 1;
  }
}

bool lbpf_jit_prog_gen(const struct lbpf_program *prog, const struct lbpf_env *env,
                       struct lbpf_jit_buf *b) {
  if (b->nlabels < lbpf_jit_prog_nlabels(prog->ninsns)) return false;
  struct pgen g = {b, prog, env};
  mark_targets(&g);
  prologue(&g);
  for (uint32_t pc = 0; pc < prog->ninsns;)
    pc += gen_insn(&g, pc);
  bind(&g, global(&g, G_OUT_OF_LINE));
  for (uint32_t pc = 0; pc < prog->ninsns; pc++) {
    gen_out_of_line(&g, pc);
    if (lbpf_is_lddw(lbpf_program_insn(prog, pc).opcode)) pc++;
  }
  epilogue(&g);
  return lbpf_jit_resolve(b) == LBPF_JIT_BUF_OK;
}
#line 954 "lit/jit.nw"
size_t lbpf_jit_prog_work_size(uint32_t ninsns) {
  size_t code = (lbpf_jit_prog_code_bound(ninsns) + 7u) / 8u * 8u;
  return code + lbpf_jit_prog_nlabels(ninsns) * sizeof(uint32_t) + 8u +
         lbpf_jit_prog_nfixups(ninsns) * sizeof(struct lbpf_jit_fixup);
}

enum lbpf_status lbpf_jit_prog_load(struct lbpf_jit_prog *vm, const uint8_t *code, size_t size,
                                    const struct lbpf_env *env, void *work, size_t work_size,
                                    lbpf_jit_prog_call_fn call, void *call_ctx,
                                    struct lbpf_fault *fault) {
  vm->loaded = 0;
  enum lbpf_status status = lbpf_verify(code, size, env, &vm->prog, fault);
  if (status != LBPF_OK) return status;
  uint32_t n = vm->prog.ninsns;
  if (work == NULL || (uintptr_t)work % 8 != 0 || work_size < lbpf_jit_prog_work_size(n) ||
      (call == NULL) != LBPF_HAVM_NATIVE) {
    if (fault != NULL) *fault = (struct lbpf_fault){LBPF_ERR_ARGUMENT, 0};
    return LBPF_ERR_ARGUMENT;
  }
  size_t cap = (lbpf_jit_prog_code_bound(n) + 7u) / 8u * 8u;
  uint8_t *bytes = work;
  uint32_t *labels = (uint32_t *)(void *)(bytes + cap);
  size_t nlabels = lbpf_jit_prog_nlabels(n);
  uintptr_t fix = ((uintptr_t)(labels + nlabels) + 7u) / 8u * 8u;
  struct lbpf_jit_buf b;
  lbpf_jit_buf_init(&b, bytes, cap, NULL, 0, labels, nlabels, (struct lbpf_jit_fixup *)fix,
                    lbpf_jit_prog_nfixups(n));
  if (!lbpf_jit_prog_gen(&vm->prog, env, &b)) {
    if (fault != NULL) *fault = (struct lbpf_fault){LBPF_ERR_ARGUMENT, 0};
    return LBPF_ERR_ARGUMENT;
  }
#if LBPF_HAVM_NATIVE
  __asm__ volatile("dsb\n\tisb" ::: "memory");
#endif
  *vm = (struct lbpf_jit_prog){vm->prog, env, bytes, b.len, call, call_ctx, 1};
  return LBPF_OK;
}
#line 1002 "lit/jit.nw"
static void fast_region(struct lbpf_jit_fast_region *f, const struct lbpf_region *r) {
  uint64_t base = (uint64_t)(uintptr_t)r->base;
  *f = (struct lbpf_jit_fast_region){(uint32_t)base, (uint32_t)(base >> 32), {0, 0, 0, 0}, 0, 0};
  if (f->base_hi == UINT32_MAX) return; /* above 2^64 - 2^32: the slow path only (the lemma) */
  for (unsigned k = 0; k < 4; k++) {
    uint64_t n = UINT64_C(1) << k;
    if (r->length >= n && r->length - n + 1 <= UINT32_MAX)
      f->end[k] = (uint32_t)(r->length - n + 1);
  }
}

void lbpf_jit_prog_run(const struct lbpf_jit_prog *vm, void *mem, size_t mem_len,
                       struct lbpf_result *result) {
  const struct lbpf_env *env = vm->env;
  *result = (struct lbpf_result){LBPF_ERR_ARGUMENT, 0, 0, 0, 0};
  if (!vm->loaded || env == NULL || env->stack == NULL || env->stack_size < LBPF_STACK_SIZE ||
      (env->nregions != 0 && env->regions == NULL) || (mem == NULL && mem_len != 0))
    return;
  struct lbpf_helper_ctx hctx;
  lbpf_helper_ctx_init(&hctx, env, mem, mem_len);
  struct lbpf_jit_prog_state st;
  memset(&st, 0, sizeof st);
  uint64_t top = (uint64_t)(uintptr_t)hctx.stack.base + hctx.stack.length;
  st.regs[1] = (uint64_t)(uintptr_t)mem;
  st.regs[2] = mem_len;
  st.regs[10] = top;
  st.budget_lo = (uint32_t)env->budget;
  st.budget_hi = (uint32_t)(env->budget >> 32);
  st.status = LBPF_OK;
  st.max_depth = (uint32_t)(hctx.stack.length / LBPF_STACK_SIZE);
  st.ctx = (uint32_t)(uintptr_t)&hctx;
  fast_region(&st.fast[LBPF_JIT_PROG_FAST_INPUT], &hctx.input);
  fast_region(&st.fast[LBPF_JIT_PROG_FAST_STACK], &hctx.stack);
#if LBPF_HAVM_NATIVE
  ((void (*)(struct lbpf_jit_prog_state *))(uintptr_t)((uintptr_t)vm->code | 1u))(&st);
#else
  if (!vm->call(vm->call_ctx, vm, &st, &hctx)) return;
#endif
  uint64_t left = (uint64_t)st.budget_hi << 32 | st.budget_lo;
  *result = (struct lbpf_result){(enum lbpf_status)st.status, st.pc,
                                 st.status == LBPF_OK ? st.regs[0] : 0, 0, env->budget - left};
}
