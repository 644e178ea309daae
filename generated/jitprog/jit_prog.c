#line 2655 "lit/jit.nw"
/* The whole-program JIT: model J and emitter E in one generator, and the engine. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lbpf_isa.h"
#include "lbpf_jit_prog.h"

#line 96 "lit/jit.nw"
#define OFF(field) ((uint32_t)offsetof(struct lbpf_jit_prog_state, field))
#define OFF_FAST(k, field)                                                                         \
  (OFF(fast) + (uint32_t)sizeof(struct lbpf_jit_fast_region) * (k) +                               \
   (uint32_t)offsetof(struct lbpf_jit_fast_region, field))
_Static_assert(offsetof(struct lbpf_jit_prog_state, regs) == 0, "ALU runs take r11 as regs");
_Static_assert(sizeof(struct lbpf_jit_prog_state) < 4096, "one ldr reaches every field");
_Static_assert(offsetof(struct lbpf_jit_prog_state, fast) % 4 == 0 &&
                   sizeof(struct lbpf_jit_prog_state) <= 1020,
               "one ldrd (word-aligned, offset up to 1020) reaches every pair of the fast regions");
#line 164 "lit/jit.nw"
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
#line 195 "lit/jit.nw"
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

/* The specification's 64-bit division routine k (lbpf_jit_div64_routines:
   2 * signed + is_mod), called at the ALU runs' gate on a host. */
static uint32_t div64_address(unsigned k) {
#if LBPF_HAVM_NATIVE
  return (uint32_t)(uintptr_t)lbpf_jit_div64_routines[k];
#else
  return (LBPF_JIT_MODEL_GATE + 4u * k) | 1u;
#endif
}

static uint32_t helper_address(const struct lbpf_env *env, size_t k) {
#if LBPF_HAVM_NATIVE
  return (uint32_t)(uintptr_t)env->helpers[k].fn;
#else
  (void)env;
  return (LBPF_JIT_PROG_GATE_HELPERS + 4u * (uint32_t)k) | 1u;
#endif
}
#line 250 "lit/jit.nw"
enum label_kind {
  L_PC,    /* the code of the instruction at pc */
  L_ENTRY, /* a local function's entry, out of line: saves lr, then L_PC */
  L_SKIP,  /* after an instruction's own inline branch */
  L_SLOW,  /* the region check's slow path of the access at pc */
  L_BACK,  /* where the slow path returns */
  L_FAIL_BUDGET,
  L_FAIL_DEPTH,
  L_FAIL_CALLX,
  L_EDGE,   /* out of line: a taken jump's edge that settles high words */
  L_FACTS,  /* not a label: the high-word facts on entry to pc */
  L_WEIGHT, /* not a label: the loop nesting of pc */
  L_LIVE,   /* not a label: the registers whose high word is live on entry to pc */
  L_KIND,   /* not a label: the kind of the instruction at pc, its form's */
  L_KINDS
};
/* The labels after the per-pc ones; G_SLOW + k: the slow path of likely region k, G_MEMORY + k:
   its memory stop. */
enum { G_EPILOGUE, G_FAIL, G_OUT_OF_LINE, G_SLOW, G_MEMORY = G_SLOW + 2, G_COUNT = G_MEMORY + 2 };
_Static_assert(G_OUT_OF_LINE == LBPF_JIT_PROG_OUT_OF_LINE, "the header names it");
#line 3146 "lit/jit.nw"
#if !LBPF_HAVM_NATIVE
int64_t lbpf_jit_prog_label_pc(uint32_t ninsns, size_t i) {
  if (i >= (size_t)L_KINDS * ninsns || i / ninsns >= L_FACTS) return -1; /* rows of data */
  return (int64_t)(i % ninsns);
}
#endif
#line 284 "lit/jit.nw"
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
#line 310 "lit/jit.nw"
struct pgen {
  struct lbpf_jit_buf *b;
  const struct lbpf_program *prog;
  const struct lbpf_env *env;
  uint8_t home[LBPF_JIT_NHALVES]; /* the ARM register of each half, 0: the state */
  uint32_t facts;                 /* what is known of the high words at this pc */
  bool local_calls;               /* does the program make any? */
  uint16_t initial;               /* registers whose initial value the program may read */
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
static uint32_t *row(const struct pgen *g, enum label_kind kind) {
  return g->b->labels + label(g, kind, 0);
}
/* The kind of the instruction at pc, as the first pass found it, and
   whether an edge backward (a loop's jump, a call to an earlier function)
   leads to it. */
#define KIND_MASK 0xffu
#define BACK_TARGET 0x100u
static unsigned kind_at(const struct pgen *g, uint32_t pc) {
  return row(g, L_KIND)[pc] & KIND_MASK;
}
static bool back_target(const struct pgen *g, uint32_t pc) {
  return row(g, L_KIND)[pc] & BACK_TARGET;
}
/* The index of the lowest bit set in x (not 0): a loop over a set of
   halves or registers visits those it names, in order, and no other. */
static unsigned lowest(uint32_t x) {
  return (unsigned)__builtin_ctz(x);
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
/* ldr/str (any single access op) rt, [rn, #offset], -255 <= offset < 4096:
   in 16 bits for low registers, an unsigned access, and an offset of 0 to
   31 times its size, a multiple of it */
static void mem(struct pgen *g, unsigned op, unsigned t, unsigned n, int32_t offset) {
  int32_t size = op == LBPF_THUMB_LDR || op == LBPF_THUMB_STR     ? 4
                 : op == LBPF_THUMB_LDRH || op == LBPF_THUMB_STRH ? 2
                 : op == LBPF_THUMB_LDRB || op == LBPF_THUMB_STRB ? 1
                                                                  : 0;
  bool narrow =
      size != 0 && t < 8 && n < 8 && offset >= 0 && offset % size == 0 && offset <= 31 * size;
  put(g, (struct lbpf_thumb_insn){.form = narrow       ? LBPF_THUMB_F_LDST_IMM16
                                          : offset < 0 ? LBPF_THUMB_F_LDST_NEG8
                                                       : LBPF_THUMB_F_LDST_IMM12,
                                  .op = (uint8_t)op,
                                  .rd = (uint8_t)t,
                                  .rn = (uint8_t)n,
                                  .imm = offset < 0 ? -offset : offset});
}
static void ld_st(struct pgen *g, unsigned t, uint32_t offset) {
  mem(g, LBPF_THUMB_LDR, t, ST, (int32_t)offset);
}
static void st_st(struct pgen *g, unsigned t, uint32_t offset) {
  mem(g, LBPF_THUMB_STR, t, ST, (int32_t)offset);
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
static void mov_to(struct pgen *g, unsigned d, unsigned m) {
  if (d != m) mov(g, d, m);
}
/* rd = k: movw, and movt when the top half is not zero; flags untouched */
static void constant(struct pgen *g, unsigned d, uint32_t k) {
  if (k == UINT32_MAX) return dp_imm(g, LBPF_THUMB_MVN, 0, d, 0, 0);
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
#line 587 "lit/jit.nw"
enum { HW_TOP, HW_ZERO, HW_ONES, HW_NONE };
#define HW_ALL(v) ((uint32_t)(v)*UINT32_C(0x155555)) /* v for every register */

static unsigned hw_get(uint32_t f, unsigned r) {
  return f >> (2 * r) & 3u;
}
static uint32_t hw_set(uint32_t f, unsigned r, unsigned v) {
  return (f & ~(UINT32_C(3) << (2 * r))) | (uint32_t)v << (2 * r);
}
static bool hw_known(uint32_t f, unsigned r) {
  return hw_get(f, r) == HW_ZERO || hw_get(f, r) == HW_ONES;
}
static uint32_t hw_word(unsigned v) {
  return v == HW_ONES ? UINT32_MAX : 0;
}
static unsigned hw_of(uint32_t word) {
  return word == 0 ? HW_ZERO : word == UINT32_MAX ? HW_ONES : HW_TOP;
}
/* Every register at once, two bits a field: a's where the two agree or b
   is none, b's where a is none, top (0) elsewhere. */
static uint32_t hw_join(uint32_t a, uint32_t b) {
  const uint32_t low = HW_ALL(1); /* the low bit of every field */
  uint32_t same = ~(a ^ b), take_a = ((same & same >> 1) | (b & b >> 1)) & low;
  uint32_t take_b = a & a >> 1 & low & ~take_a;
  return (a & take_a * 3u) | (b & take_b * 3u);
}
#line 615 "lit/jit.nw"
static unsigned hw_alu64(struct lbpf_insn in, uint32_t f) {
  unsigned d = hw_get(f, in.dst);
  bool x = in.opcode & LBPF_SRC_X, known = d == HW_ZERO || d == HW_ONES;
  unsigned k = in.imm < 0 ? HW_ONES : HW_ZERO; /* the immediate's high word */
  unsigned n = (uint32_t)in.imm & 63u;
  switch (LBPF_OP(in.opcode)) {
  case LBPF_ALU_MOV:
    if (in.offset != 0) return HW_TOP;
    return x ? (hw_known(f, in.src) ? hw_get(f, in.src) : HW_TOP) : k;
  case LBPF_ALU_AND:
    if (x)
      return d == HW_ZERO || hw_get(f, in.src) == HW_ZERO   ? HW_ZERO
             : d == HW_ONES && hw_get(f, in.src) == HW_ONES ? HW_ONES
                                                            : HW_TOP;
    return k == HW_ZERO ? HW_ZERO : known ? d : HW_TOP;
  case LBPF_ALU_OR: return x ? HW_TOP : k == HW_ONES ? HW_ONES : known ? d : HW_TOP;
  case LBPF_ALU_XOR:
    if (x || !known) return HW_TOP;
    return k == HW_ZERO ? d : d == HW_ZERO ? HW_ONES : HW_ZERO;
  case LBPF_ALU_RSH:
    return x ? HW_TOP : n >= 32 || d == HW_ZERO ? HW_ZERO : n == 0 && known ? d : HW_TOP;
  case LBPF_ALU_ARSH: return !x && known ? d : HW_TOP;
  case LBPF_ALU_LSH: return !x && n == 0 && known ? d : HW_TOP;
  default: return HW_TOP;
  }
}

/* The facts after the instruction at pc (for its successors in the program;
   a local call's are top). */
static uint32_t hw_after(const struct pgen *g, uint32_t pc, struct lbpf_insn in, unsigned kind,
                         uint32_t f) {
  uint8_t cls = LBPF_CLASS(in.opcode);
  switch (kind) {
  case LBPF_KIND_LDDW:
    return hw_set(f, in.dst, hw_of((uint32_t)lbpf_program_insn(g->prog, pc + 1).imm));
  case LBPF_KIND_ALU_K:
  case LBPF_KIND_ALU_X:
  case LBPF_KIND_NEG:
  case LBPF_KIND_END:
    if (LBPF_OP(in.opcode) == LBPF_ALU_END) {
      bool swap = cls == LBPF_CLASS_ALU64 || (in.opcode & LBPF_SRC_X);
      if ((uint32_t)in.imm != 64) return hw_set(f, in.dst, HW_ZERO);
      return swap ? hw_set(f, in.dst, HW_TOP) : f;
    }
    return hw_set(f, in.dst, cls == LBPF_CLASS_ALU ? HW_ZERO : hw_alu64(in, f));
  case LBPF_KIND_LDX:
    return hw_set(f, in.dst,
                  LBPF_MODE(in.opcode) == LBPF_MODE_MEM && LBPF_SIZE(in.opcode) != LBPF_SIZE_DW
                      ? HW_ZERO
                      : HW_TOP);
  case LBPF_KIND_ATOMIC:
    if (in.imm == LBPF_ATOMIC_CMPXCHG) return hw_set(f, 0, HW_TOP);
    return in.imm & LBPF_ATOMIC_FETCH ? hw_set(f, in.src, HW_TOP) : f;
  case LBPF_KIND_CALL:
    if (in.src == LBPF_CALL_LOCAL) return HW_ALL(HW_TOP);
    return hw_set(f, 0, HW_TOP);
  case LBPF_KIND_CALLX: return hw_set(f, 0, HW_TOP);
  default: return f;
  }
}

/* The successors of pc in the program, at most two; a local call's are
   its callee and its return slot; exit has none. */
static unsigned successors(const struct pgen *g, uint32_t pc, struct lbpf_insn in, unsigned kind,
                           uint32_t s[2]) {
  uint32_t next = pc + (kind == LBPF_KIND_LDDW ? 2u : 1u);
  unsigned k = 0;
  switch (kind) {
  case LBPF_KIND_EXIT: return 0;
  case LBPF_KIND_JA: s[k++] = (uint32_t)((int64_t)pc + 1 + in.offset); return k;
  case LBPF_KIND_JA32: s[k++] = (uint32_t)((int64_t)pc + 1 + in.imm); return k;
  case LBPF_KIND_JCOND_K:
  case LBPF_KIND_JCOND_X: s[k++] = (uint32_t)((int64_t)pc + 1 + in.offset); break;
  case LBPF_KIND_CALL:
    if (in.src == LBPF_CALL_LOCAL) s[k++] = (uint32_t)((int64_t)pc + 1 + in.imm);
    break;
  default: break;
  }
  if (next < g->prog->ninsns) s[k++] = next;
  return k;
}

/* Facts at pc t become top (a local function's first slot, a return
   slot); again is lowered to t if that changed a pc the sweep has passed. */
static void make_top(uint32_t *facts, uint32_t t, uint32_t pc, uint32_t *again) {
  if (facts[t] == HW_ALL(HW_TOP)) return;
  facts[t] = HW_ALL(HW_TOP);
  if (t <= pc && t < *again) *again = t;
}

static void analyse(struct pgen *g) {
  uint32_t n = g->prog->ninsns, *facts = row(g, L_FACTS);
  uint32_t *depth = row(g, L_WEIGHT), *kinds = row(g, L_KIND);
  for (uint32_t pc = 0; pc < n; pc++)
    facts[pc] = HW_ALL(HW_NONE), depth[pc] = 0, kinds[pc] = 0;
  facts[0] = hw_set(hw_set(hw_set(HW_ALL(HW_ZERO), 1, HW_TOP), 2, HW_TOP), 10, HW_TOP);
  for (uint32_t from = 0, first = 1; from < n; first = 0) {
    uint32_t again = n; /* the first pc an edge backward has changed */
    for (uint32_t pc = from; pc < n; pc++) {
      struct lbpf_insn in = lbpf_program_insn(g->prog, pc);
      if (first) { /* each pc's kind; local functions, return slots; loops */
        unsigned kind = lbpf_form_of(in)->kind;
        kinds[pc] |= kind;
        if (kind == LBPF_KIND_CALL && in.src == LBPF_CALL_LOCAL) {
          g->local_calls = true;
          make_top(facts, (uint32_t)((int64_t)pc + 1 + in.imm), pc, &again);
          if (pc + 1 < n) make_top(facts, pc + 1, pc, &again);
          if (in.imm < 0) kinds[pc + 1 + in.imm] |= BACK_TARGET;
        }
        int64_t delta = kind == LBPF_KIND_JA32 ? in.imm : in.offset;
        bool jump = kind == LBPF_KIND_JA || kind == LBPF_KIND_JA32 || kind == LBPF_KIND_JCOND_K ||
                    kind == LBPF_KIND_JCOND_X;
        if (jump && delta < 0) { /* the loop's nesting, a difference array */
          kinds[pc + 1 + delta] |= BACK_TARGET;
          depth[pc + 1 + delta]++;
          if (pc + 1 < n) depth[pc + 1]--;
        }
      }
      unsigned kind = kind_at(g, pc);
      if (facts[pc] != HW_ALL(HW_NONE)) {
        uint32_t out = hw_after(g, pc, in, kind, facts[pc]), s[2];
        for (unsigned k = successors(g, pc, in, kind, s); k-- > 0;) {
          uint32_t joined = hw_join(facts[s[k]], out);
          if (joined == facts[s[k]]) continue;
          facts[s[k]] = joined;
          if (s[k] <= pc && s[k] < again) again = s[k];
        }
      }
      if (kind == LBPF_KIND_LDDW) pc++;
    }
    from = again;
  }
  for (uint32_t pc = 0, d = 0; pc < n; pc++) { /* the nesting of each pc, at most 4 */
    d += depth[pc];
    depth[pc] = d > 4 ? 4 : d;
  }
}
#line 764 "lit/jit.nw"
#define ALL_REGS ((uint16_t)0x7ffu)
#define REG(r) ((uint16_t)(1u << (r)))

static bool in_frame(unsigned base, int16_t offset, unsigned n);
static unsigned access_size(uint8_t opcode);

/* The registers whose high word the instruction at pc reads, and those
   it writes. */
static void hw_use_def(const struct pgen *g, struct lbpf_insn in, unsigned kind, uint16_t *use,
                       uint16_t *def) {
  uint8_t cls = LBPF_CLASS(in.opcode), op = LBPF_OP(in.opcode);
  bool x = in.opcode & LBPF_SRC_X;
  uint16_t u = 0, d = 0;
  switch (kind) {
  case LBPF_KIND_LDDW: d = REG(in.dst); break;
  case LBPF_KIND_ALU_K:
  case LBPF_KIND_ALU_X:
  case LBPF_KIND_NEG:
  case LBPF_KIND_END:
    if (cls == LBPF_CLASS_ALU && op == LBPF_ALU_END && (uint32_t)in.imm == 64) {
      if (x) u = d = REG(in.dst); /* be64 swaps the halves; le64 does nothing */
    } else if (cls == LBPF_CLASS_ALU) {
      d = REG(in.dst);
    } else if (op == LBPF_ALU_MOV) {
      if (x && in.offset == 0) u = REG(in.src);
      d = REG(in.dst);
    } else {
      u = (uint16_t)(REG(in.dst) | (x ? REG(in.src) : 0));
      d = REG(in.dst);
    }
    break;
  case LBPF_KIND_LDX:
    if (!in_frame(in.src, in.offset, access_size(in.opcode))) u = REG(in.src);
    d = REG(in.dst);
    break;
  case LBPF_KIND_ST:
  case LBPF_KIND_STX:
    if (!in_frame(in.dst, in.offset, access_size(in.opcode))) u = REG(in.dst);
    if (kind == LBPF_KIND_STX && access_size(in.opcode) == 8) u |= REG(in.src);
    break;
  case LBPF_KIND_ATOMIC:
    u = (uint16_t)(REG(in.dst) | REG(in.src) | (in.imm == LBPF_ATOMIC_CMPXCHG ? REG(0) : 0));
    d = in.imm == LBPF_ATOMIC_CMPXCHG ? REG(0) : in.imm & LBPF_ATOMIC_FETCH ? REG(in.src) : 0;
    break;
  case LBPF_KIND_JCOND_K:
  case LBPF_KIND_JCOND_X:
    if (cls == LBPF_CLASS_JMP) u = (uint16_t)(REG(in.dst) | (x ? REG(in.src) : 0));
    break;
  case LBPF_KIND_CALL:
  case LBPF_KIND_CALLX:
    if (kind == LBPF_KIND_CALL && in.src == LBPF_CALL_LOCAL) {
      u = ALL_REGS;
    } else {
      u = (uint16_t)(0x3eu | (kind == LBPF_KIND_CALLX ? REG(in.dst) : 0)); /* r1-r5 */
      d = REG(0);
    }
    break;
  case LBPF_KIND_EXIT: u = g->local_calls ? 0x3fu : REG(0); break; /* r0-r5: the return slot */
  default: break;
  }
  *use = u, *def = d;
}

static void weigh(const struct pgen *g, uint32_t pc, struct lbpf_insn in, unsigned kind,
                  uint16_t use, uint16_t def, uint32_t weight[]);

/* The liveness, and in its first sweep the weights of the halves
   (choose_homes, below). */
static void liveness(struct pgen *g, uint32_t weight[]) {
  uint32_t n = g->prog->ninsns, *live = row(g, L_LIVE), *facts = row(g, L_FACTS);
  for (uint32_t pc = 0; pc < n; pc++)
    live[pc] = 0;
  for (bool again = true, first = true; again;
       first = false) { /* once more if an edge backward may have read too early */
    again = false;
    for (uint32_t pc = n; pc-- > 0;) {
      if (facts[pc] == HW_ALL(HW_NONE)) continue; /* unreached, or an lddw's second slot */
      struct lbpf_insn in = lbpf_program_insn(g->prog, pc);
      unsigned kind = kind_at(g, pc);
      uint32_t s[2], out = 0;
      for (unsigned k = successors(g, pc, in, kind, s); k-- > 0;)
        out |= live[s[k]];
      uint16_t use, def;
      hw_use_def(g, in, kind, &use, &def);
      if (first) weigh(g, pc, in, kind, use, def, weight);
      uint32_t now = use | (out & ~(uint32_t)def);
      if (now != live[pc]) live[pc] = now, again |= back_target(g, pc);
    }
  }
}
#line 439 "lit/jit.nw"
#define FIRST_HOME 4u
#define NHOMES 7u /* r4-r10 */

static unsigned lo_half(unsigned r) {
  return 2 * r;
}
static unsigned hi_half(unsigned r) {
  return 2 * r + 1;
}

/* Add the weight of the reached instruction at pc, whose high words used
   and defined are use and def, to the halves it touches: the low words of
   its operands, the high words it reads or writes that the analysis does
   not know; and 1 to r1-r5's for a helper's call, which reads them. */
static void weigh(const struct pgen *g, uint32_t pc, struct lbpf_insn in, unsigned kind,
                  uint16_t use, uint16_t def, uint32_t weight[]) {
  uint32_t facts = row(g, L_FACTS)[pc], w = UINT32_C(1) << (3 * row(g, L_WEIGHT)[pc]);
  bool dst = kind != LBPF_KIND_JA && kind != LBPF_KIND_JA32 && kind != LBPF_KIND_CALL &&
             kind != LBPF_KIND_EXIT;
  bool src = kind == LBPF_KIND_ALU_X || kind == LBPF_KIND_JCOND_X || kind == LBPF_KIND_LDX ||
             kind == LBPF_KIND_STX || kind == LBPF_KIND_ATOMIC;
  if (dst) weight[lo_half(in.dst)] += w;
  if (src) weight[lo_half(in.src)] += w;
  uint32_t after = hw_after(g, pc, in, kind, facts);
  for (uint32_t x = use; x; x &= x - 1)
    if (hw_get(facts, lowest(x)) == HW_TOP) weight[hi_half(lowest(x))] += w;
  for (uint32_t x = def; x; x &= x - 1)
    if (hw_get(after, lowest(x)) == HW_TOP) weight[hi_half(lowest(x))] += w;
  if (kind == LBPF_KIND_CALL || kind == LBPF_KIND_CALLX)
    for (unsigned r = 1; r <= 5; r++)
      weight[lo_half(r)] += 1, weight[hi_half(r)] += 1;
}

static void choose_homes(struct pgen *g, const uint32_t weight[]) {
  g->initial = 1u; /* r0: exit reads it */
  for (unsigned r = 0; r < LBPF_NREGS; r++)
    if (weight[lo_half(r)] || weight[hi_half(r)]) g->initial |= (uint16_t)(1u << r);
  memset(g->home, 0, sizeof g->home);
  for (unsigned k = 0; k < NHOMES; k++) {
    unsigned best = LBPF_JIT_NHALVES;
    for (unsigned h = 0; h < LBPF_JIT_NHALVES; h++)
      if (!g->home[h] && weight[h] && (best == LBPF_JIT_NHALVES || weight[h] > weight[best]))
        best = h;
    if (best == LBPF_JIT_NHALVES) break;
    g->home[best] = (uint8_t)(FIRST_HOME + k);
  }
}
#line 490 "lit/jit.nw"
static unsigned half_in(struct pgen *g, unsigned h, unsigned t) {
  if (g->home[h]) return g->home[h];
  ld_st(g, t, 4u * h);
  return t;
}
static unsigned lo_in(struct pgen *g, unsigned r, unsigned t) {
  return half_in(g, lo_half(r), t);
}
static unsigned hi_in(struct pgen *g, unsigned r, unsigned t) {
  if (hw_known(g->facts, r)) {
    constant(g, t, hw_word(hw_get(g->facts, r)));
    return t;
  }
  return half_in(g, hi_half(r), t);
}
static void lo_to(struct pgen *g, unsigned r, unsigned t) {
  mov_to(g, t, lo_in(g, r, t));
}
static void hi_to(struct pgen *g, unsigned r, unsigned t) {
  mov_to(g, t, hi_in(g, r, t));
}
static unsigned half_dst(const struct pgen *g, unsigned h, unsigned t) {
  return g->home[h] ? g->home[h] : t;
}
static unsigned lo_dst(const struct pgen *g, unsigned r, unsigned t) {
  return half_dst(g, lo_half(r), t);
}
static unsigned hi_dst(const struct pgen *g, unsigned r, unsigned t) {
  return half_dst(g, hi_half(r), t);
}
static void half_out(struct pgen *g, unsigned h, unsigned s) {
  if (g->home[h])
    mov_to(g, g->home[h], s);
  else
    st_st(g, s, 4u * h);
}
static void lo_out(struct pgen *g, unsigned r, unsigned s) {
  half_out(g, lo_half(r), s);
}
static void hi_out(struct pgen *g, unsigned r, unsigned s) {
  half_out(g, hi_half(r), s);
}
/* Half h takes its value from the state (after a routine wrote the register file). */
static void reload(struct pgen *g, unsigned r) {
  for (unsigned h = lo_half(r); h <= hi_half(r); h++)
    if (g->home[h]) ld_st(g, g->home[h], 4u * h);
}
/* The register file in the state takes register r's value. */
static void spill(struct pgen *g, unsigned r) {
  if (g->home[lo_half(r)]) st_st(g, g->home[lo_half(r)], LBPF_JIT_REG_LO(r));
  if (hw_known(g->facts, r)) {
    constant(g, IP, hw_word(hw_get(g->facts, r)));
    st_st(g, IP, LBPF_JIT_REG_HI(r));
  } else if (g->home[hi_half(r)]) {
    st_st(g, g->home[hi_half(r)], LBPF_JIT_REG_HI(r));
  }
}
#line 859 "lit/jit.nw"
/* The fields of the registers whose high word out knows and target does
   not: what an edge may have to settle (the low bit of each field). */
static uint32_t hw_unsettled(uint32_t out, uint32_t target) {
  return (out ^ out >> 1) & ~(target | target >> 1) & HW_ALL(1);
}
static void settle_to(struct pgen *g, uint32_t out, uint32_t target, uint32_t live) {
  if (!hw_unsettled(out, target)) return;
  for (unsigned r = 0; r < LBPF_NREGS; r++) {
    if (!hw_known(out, r) || hw_get(target, r) != HW_TOP || !(live >> r & 1)) continue;
    unsigned t = hi_dst(g, r, IP);
    dp_imm(g, hw_get(out, r) == HW_ONES ? LBPF_THUMB_MVN : LBPF_THUMB_MOV, 0, t, 0, 0);
    if (t == IP) st_st(g, IP, LBPF_JIT_REG_HI(r));
  }
}
/* Settle every edge out of pc, whose facts after it are out. */
static void settle(struct pgen *g, uint32_t pc, struct lbpf_insn in, unsigned kind, uint32_t out) {
  uint32_t s[2], *facts = row(g, L_FACTS), *live = row(g, L_LIVE), need = HW_ALL(HW_NONE), l = 0;
  for (unsigned k = successors(g, pc, in, kind, s); k-- > 0;)
    need = hw_join(need, facts[s[k]]), l |= live[s[k]];
  settle_to(g, out, need, l);
}
/* The edge from the current instruction (facts g->facts, unchanged by it)
   to pc t: does it settle anything, and settle it. */
static bool edge_settles(const struct pgen *g, uint32_t t) {
  uint32_t target = row(g, L_FACTS)[t], live = row(g, L_LIVE)[t];
  if (!hw_unsettled(g->facts, target)) return false;
  for (unsigned r = 0; r < LBPF_NREGS; r++)
    if (hw_known(g->facts, r) && hw_get(target, r) == HW_TOP && (live >> r & 1)) return true;
  return false;
}
static void settle_edge(struct pgen *g, uint32_t t) {
  settle_to(g, g->facts, row(g, L_FACTS)[t], row(g, L_LIVE)[t]);
}
#line 918 "lit/jit.nw"
/* rd = k, the flags clobbered: movs (16 bits) for a low register and k < 256 */
static void small_constant(struct pgen *g, unsigned d, uint32_t k) {
  if (d < 8 && k <= UINT8_MAX)
    put(g, PT(MOV_IMM8, MOV, .rd = (uint8_t)d, .imm = (int32_t)k));
  else
    constant(g, d, k);
}

static void branch_back(struct pgen *g, uint32_t l); /* with the region check */

static void fail_stub(struct pgen *g, enum label_kind kind, uint32_t pc, enum lbpf_status s) {
  bind(g, label(g, kind, pc));
  small_constant(g, 0, (uint32_t)s);
  small_constant(g, 1, pc);
  branch_back(g, global(g, G_FAIL));
}

#define SAVED_LIST ((uint16_t)0x4ff8u) /* r3-r11, lr: ten words, sp stays 8-aligned */

static bool set_by_run(unsigned r) {
  return r == 1 || r == 2 || r == 10;
}

static void prologue(struct pgen *g) {
  multiple(g, LBPF_THUMB_STMDB, LBPF_THUMB_SP, true, SAVED_LIST);
  mov(g, ST, 0);
  st_st(g, LBPF_THUMB_SP, OFF(entry_sp));
  uint32_t entry = hw_set(hw_set(hw_set(HW_ALL(HW_ZERO), 1, HW_TOP), 2, HW_TOP), 10, HW_TOP);
  bool zero = false;
  for (unsigned h = 0; h < LBPF_JIT_NHALVES; h++) {
    unsigned r = h / 2;
    if (set_by_run(r)) {
      if (g->home[h]) ld_st(g, g->home[h], 4u * h);
    } else if (h % 2 == 0 && (g->initial >> r & 1)) {
      if (g->home[h]) {
        small_constant(g, g->home[h], 0);
      } else {
        if (!zero) small_constant(g, 1, 0), zero = true;
        st_st(g, 1, 4u * h);
      }
    }
  }
  g->facts = entry;
  settle_to(g, entry, row(g, L_FACTS)[0], row(g, L_LIVE)[0]);
}

static void epilogue(struct pgen *g) {
  bind(g, global(g, G_FAIL));
  st_st(g, 0, OFF(status));
  st_st(g, 1, OFF(pc));
  bind(g, global(g, G_EPILOGUE));
  ld_st(g, LBPF_THUMB_SP, OFF(entry_sp));
  multiple(g, LBPF_THUMB_LDM, LBPF_THUMB_SP, true, (uint16_t)((SAVED_LIST & ~0x4000u) | 0x8000u));
}
#line 995 "lit/jit.nw"
/* ldrd/strd (op) t, t2, [r11, #offset]: two words of the state */
static void st_pair(struct pgen *g, unsigned op, unsigned t, unsigned t2, uint32_t offset) {
  put(g, (struct lbpf_thumb_insn){.form = LBPF_THUMB_F_LDRD_STRD,
                                  .op = (uint8_t)op,
                                  .rd = (uint8_t)t,
                                  .ra = (uint8_t)t2,
                                  .rn = ST,
                                  .imm = (int32_t)offset,
                                  .add = 1});
}

/* rd = rn + k or rn - k (op ADD or SUB), the flags set: adds/subs in 16
   bits for low registers and k < 8, or rd = rn and k < 256; k is a
   modified immediate */
static void adds_imm(struct pgen *g, unsigned op, unsigned d, unsigned n, uint32_t k) {
  if (d < 8 && n < 8 && k <= 7)
    data(g, LBPF_THUMB_F_ADDSUB_IMM3, op, 0, d, n, 0, k);
  else if (d < 8 && d == n && k <= UINT8_MAX)
    data(g, LBPF_THUMB_F_ADDSUB_IMM8, op, 0, d, n, 0, k);
  else
    dp_imm(g, op, 1, d, n, k);
}

static void spend(struct pgen *g, uint32_t pc, uint32_t cost) {
  uint32_t field;
  st_pair(g, LBPF_THUMB_LDRD, 0, 1, OFF(budget_lo));
  if (lbpf_thumb_modimm_encode(cost, &field)) {
    adds_imm(g, LBPF_THUMB_SUB, 0, 0, cost);
  } else {
    constant(g, 2, cost);
    dp(g, LBPF_THUMB_SUB, 1, 0, 0, 2);
  }
  dp_imm(g, LBPF_THUMB_SBC, 1, 1, 1, 0);
  branch(g, LBPF_THUMB_LO, label(g, L_FAIL_BUDGET, pc));
  st_pair(g, LBPF_THUMB_STRD, 0, 1, OFF(budget_lo));
}
#line 1083 "lit/jit.nw"
static const uint8_t scratch_pool[6] = {0, 1, 2, 3, IP, LBPF_THUMB_LR};
#define HI_HALVES UINT32_C(0x2aaaaa) /* every high word, for the ALU generator */

static uint32_t first_word(const struct lbpf_program *prog, uint32_t pc) {
  const uint8_t *p = prog->code + (size_t)LBPF_INSN_SIZE * pc;
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void gen_alu_call(struct pgen *g, uint32_t pc, struct lbpf_insn in) {
  spill(g, in.dst);
  if (in.opcode & LBPF_SRC_X) spill(g, in.src);
  mov(g, 0, ST);
  constant(g, 1, first_word(g->prog, pc));
  constant(g, 2, (uint32_t)in.imm);
  constant(g, IP, rt_address(LBPF_JIT_RT_ALU));
  blx_ip(g);
  reload(g, in.dst);
}

/* 64-bit div, mod, sdiv, smod: the specification's routine, the dividend in
   r1:r0, the divisor in r3:r2, the result from r1:r0. */
static void gen_div64(struct pgen *g, struct lbpf_insn in) {
  unsigned k = 2u * (in.offset == 1) + (LBPF_OP(in.opcode) == LBPF_ALU_MOD);
  lo_to(g, in.dst, 0);
  hi_to(g, in.dst, 1);
  if (in.opcode & LBPF_SRC_X) {
    lo_to(g, in.src, 2);
    hi_to(g, in.src, 3);
  } else {
    constant(g, 2, (uint32_t)in.imm);
    constant(g, 3, in.imm < 0 ? 0xffffffffu : 0);
  }
  constant(g, IP, div64_address(k));
  blx_ip(g);
  lo_out(g, in.dst, 0);
  hi_out(g, in.dst, 1);
}

/* Only the low word: a constant, or the low word of a register. */
static bool gen_low_only(struct pgen *g, uint32_t pc, struct lbpf_insn in, uint32_t after) {
  bool lddw = lbpf_is_lddw(in.opcode);
  bool mov64 = in.opcode == (LBPF_CLASS_ALU64 | LBPF_ALU_MOV | LBPF_SRC_K) ||
               (in.opcode == (LBPF_CLASS_ALU64 | LBPF_ALU_MOV | LBPF_SRC_X) && in.offset == 0);
  if (!(lddw || mov64) || !hw_known(after, in.dst)) return false;
  (void)pc;
  unsigned d = lo_dst(g, in.dst, 0);
  if (!lddw && (in.opcode & LBPF_SRC_X))
    mov_to(g, d, lo_in(g, in.src, d));
  else
    constant(g, d, (uint32_t)in.imm);
  lo_out(g, in.dst, d);
  return true;
}

static void gen_alu(struct pgen *g, uint32_t pc, struct lbpf_insn in, uint32_t after) {
  if (!lbpf_jit_alu_slots(g->prog, pc)) return gen_div64(g, in);
  if (gen_low_only(g, pc, in, after)) return;
  struct lbpf_jit_plan plan;
  struct lbpf_jit_record rec; /* the body, recorded while planning */
  lbpf_jit_plan_init(&plan);
  plan.zero = HI_HALVES;
  lbpf_jit_record_init(&rec);
  bool recorded = lbpf_jit_plan_record(&plan, &rec, g->prog, pc);
  if (!recorded) lbpf_jit_plan_insn(&plan, g->prog, pc);
  uint32_t touched = plan.read_first | plan.written;
  unsigned need = plan.nscratch, next = 0;
  for (uint32_t x = touched; x; x &= x - 1)
    need += !g->home[lowest(x)];
  if (need > sizeof scratch_pool) return gen_alu_call(g, pc, in);
  uint8_t arm[LBPF_JIT_NHALVES] = {0}, tmp[LBPF_JIT_MAX_SCRATCH] = {0};
  for (uint32_t x = touched; x; x &= x - 1) { /* each half touched, in order */
    unsigned h = lowest(x);
    arm[h] = g->home[h] ? g->home[h] : scratch_pool[next++];
  }
  for (unsigned k = 0; k < plan.nscratch; k++)
    tmp[k] = scratch_pool[next++];
  for (uint32_t x = plan.read_first; x; x &= x - 1) {
    unsigned h = lowest(x);
    if (h % 2 && hw_known(g->facts, h / 2))
      constant(g, arm[h], hw_word(hw_get(g->facts, h / 2)));
    else if (!g->home[h])
      ld_st(g, arm[h], 4u * h);
  }
  if (!(recorded ? lbpf_jit_alu_gen_insn_recorded(&rec, arm, tmp, g->b)
                 : lbpf_jit_alu_gen_insn(g->prog, pc, arm, tmp, HI_HALVES, g->b)) &&
      g->b->status == LBPF_JIT_BUF_OK)
    g->b->status = LBPF_JIT_BUF_INVALID;
  for (uint32_t x = plan.written; x; x &= x - 1) {
    unsigned h = lowest(x);
    if (!g->home[h] && !(h % 2 && hw_known(after, h / 2))) st_st(g, arm[h], 4u * h);
  }
}
#line 1268 "lit/jit.nw"
static unsigned size_index(unsigned n) {
  return n == 1 ? 0 : n == 2 ? 1 : n == 4 ? 2 : 3;
}

/* Does the access of n bytes at r10 + offset lie in r10's frame? */
static bool in_frame(unsigned base, int16_t offset, unsigned n) {
  return base == 10 && offset >= -(int32_t)LBPF_STACK_SIZE && offset + (int32_t)n <= 0;
}

/* r0 = the machine address of r10's frame top, and the displacement of
   the access at offset from it that the accesses can use */
static int32_t frame_address(struct pgen *g, int16_t offset) {
  unsigned top = lo_in(g, 10, 0), t = top == 0 ? 3 : 0; /* t: the stack's delta */
  ld_st(g, t, OFF_FAST(LBPF_JIT_PROG_FAST_STACK, delta));
  put(g, PT(ADD_HI, ADD, .rd = 0, .rn = 0, .rm = (uint8_t)(top == 0 ? t : top)));
  if (offset >= -255 + 4) return offset;
  put(g, PT(ADDSUBW, SUB, .rd = 0, .rn = 0, .imm = -(int32_t)offset));
  return 0;
}

/* The BPF address base + offset, in at[0] (low word) and at[1]: r0, r1,
   or for offset 0 wherever the halves of base already are */
static void address(struct pgen *g, unsigned base, int16_t offset, unsigned at[2]) {
  bool in_file = !g->home[lo_half(base)] && !g->home[hi_half(base)] && !hw_known(g->facts, base);
  if (in_file) st_pair(g, LBPF_THUMB_LDRD, 0, 1, 4u * lo_half(base)); /* both words, one load */
  unsigned lo = in_file ? 0 : lo_in(g, base, 0), hi = in_file ? 1 : hi_in(g, base, 1);
  uint32_t k = (uint32_t)(offset < 0 ? -(int32_t)offset : offset), field;
  at[0] = 0, at[1] = 1;
  if (offset == 0) {
    at[0] = lo, at[1] = hi;
    return;
  }
  if (lbpf_thumb_modimm_encode(k, &field)) { /* adds/subs, adc/sbc #0 */
    adds_imm(g, offset < 0 ? LBPF_THUMB_SUB : LBPF_THUMB_ADD, 0, lo, k);
    dp_imm(g, offset < 0 ? LBPF_THUMB_SBC : LBPF_THUMB_ADC, 0, 1, hi, 0);
    return;
  }
  mov_to(g, 0, lo);
  mov_to(g, 1, hi);
  constant(g, 2, (uint32_t)(int32_t)offset);
  dp(g, LBPF_THUMB_ADD, 1, 0, 0, 2);
  dp_imm(g, LBPF_THUMB_ADC, 0, 1, 1, offset < 0 ? 0xffffffffu : 0);
}

/* r0 = the machine address of the access at pc of n bytes at the BPF
   address in the registers lo (low word) and hi, checked against the
   likely region of base; or the slow path, with r3:r2 = the address minus
   that region's base */
static void check(struct pgen *g, uint32_t pc, unsigned base, unsigned n, unsigned lo,
                  unsigned hi) {
  unsigned k = base == 10 ? LBPF_JIT_PROG_FAST_STACK : LBPF_JIT_PROG_FAST_INPUT;
  st_pair(g, LBPF_THUMB_LDRD, 2, 3, OFF_FAST(k, base_lo));
  data(g, lo < 8 ? LBPF_THUMB_F_ADDSUB_REG16 : LBPF_THUMB_F_DP_REG, LBPF_THUMB_SUB, lo >= 8, 2, lo,
       2, 0); /* d = a - b, subs */
  dp(g, LBPF_THUMB_SBC, 0, 3, hi, 3);
  st_pair(g, LBPF_THUMB_LDRD, 0, 1,
          OFF_FAST(k, at) + (uint32_t)sizeof(struct lbpf_jit_fast_end) * size_index(n));
  data(g, LBPF_THUMB_F_DP_REG16, LBPF_THUMB_CMP, 1, 0, 2, 0, 0); /* d - e, in 64 bits */
  dp_imm(g, LBPF_THUMB_SBC, 1, 0, 3, 0);
  branch(g, LBPF_THUMB_HS, label(g, L_SLOW, pc));
  /* the machine address: the base's, plus d (adds: no flag is live) */
  put(g, PT(ADDSUB_REG16, ADD, .rd = 0, .rn = 2, .rm = 1));
  bind(g, label(g, L_BACK, pc));
}

/* r0 (+ the returned displacement) = the machine address of the access at
   pc of n bytes at base + offset: checked, or in r10's frame */
static int32_t locate(struct pgen *g, uint32_t pc, unsigned base, int16_t offset, unsigned n) {
  if (in_frame(base, offset, n)) return frame_address(g, offset);
  unsigned at[2];
  address(g, base, offset, at);
  check(g, pc, base, n, at[0], at[1]);
  return 0;
}

/* b to label l: in 16 bits when l is bound already, within their reach */
#define B16_MIN (-2048)
#define B16_MAX 2046
static void branch_back(struct pgen *g, uint32_t l) {
  uint32_t at = g->b->labels[l];
  int64_t offset = (int64_t)at - ((int64_t)g->b->len + 4);
  bool near = at != LBPF_JIT_UNBOUND && offset >= B16_MIN && offset <= B16_MAX;
  struct lbpf_thumb_insn i = near ? PT(B16, B, .imm = 0) : PT(B, B, .imm = 0);
  lbpf_jit_branch(g->b, &i, l);
}

#define SLOW_PUSHED ((uint16_t)(1u << 1 | 1u << LBPF_THUMB_LR)) /* r1 (the pc), lr (the stub) */
#define SLOW_RETURN ((uint16_t)(1u << 1 | 1u << LBPF_THUMB_PC)) /* r1, pc: back to the stub */
#define STOP_POPPED ((uint16_t)(1u << 1 | 1u << 2))             /* r1 (the pc), r2 */

/* The slow path of likely region k, entered by bl from an access's stub
   with n | perm << 4 in r0, the access's pc in r1 and its address minus
   the region's base in r3:r2: back to the stub with the machine address in
   r0; or its memory stop, which follows it. */
static void region_slow_path(struct pgen *g, unsigned k) {
  bind(g, global(g, G_SLOW + k));
  put(g, PT(PUSHPOP16, PUSH, .reglist = SLOW_PUSHED));
  mov(g, IP, 0);                                           /* n | perm << 4 */
  st_pair(g, LBPF_THUMB_LDRD, 0, 1, OFF_FAST(k, base_lo)); /* the address again: d + b */
  put(g, PT(ADDSUB_REG16, ADD, .rd = 0, .rn = 0, .rm = 2));
  dp(g, LBPF_THUMB_ADC, 0, 2, 1, 3);
  mov(g, 1, 0);
  mov(g, 3, IP);
  ld_st(g, 0, OFF(ctx));
  constant(g, IP, rt_address(LBPF_JIT_RT_LOCATE));
  blx_ip(g);
  put(g, PT(CMP_IMM8, CMP, .setflags = 1, .rn = 1, .imm = 0));
  struct lbpf_thumb_insn none = PT(BCOND16, B, .cond = LBPF_THUMB_EQ); /* to the next but one */
  lbpf_jit_branch(g->b, &none, global(g, G_MEMORY + k));
  put(g, PT(PUSHPOP16, POP, .reglist = SLOW_RETURN));
  bind(g, global(g, G_MEMORY + k));
  put(g, PT(PUSHPOP16, POP, .reglist = STOP_POPPED));
  small_constant(g, 0, LBPF_ERR_MEMORY);
  branch_back(g, global(g, G_FAIL));
}

/* Out of line: the stub of the access at pc of n bytes needing perm,
   through base, whose address minus the likely region's base is in r3:r2;
   after the first stub of a region, the region's slow path. */
static void slow_path(struct pgen *g, uint32_t pc, unsigned base, unsigned n, unsigned perm) {
  unsigned k = base == 10 ? LBPF_JIT_PROG_FAST_STACK : LBPF_JIT_PROG_FAST_INPUT;
  bind(g, label(g, L_SLOW, pc));
  small_constant(g, 0, n | perm << 4);
  small_constant(g, 1, pc); /* the pc the memory stop names */
  call_label(g, global(g, G_SLOW + k));
  branch_back(g, label(g, L_BACK, pc));
  if (g->b->labels[global(g, G_SLOW + k)] == LBPF_JIT_UNBOUND) region_slow_path(g, k);
}
#line 1414 "lit/jit.nw"
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
  int32_t at = locate(g, pc, in.src, in.offset, n);
  unsigned lo = lo_dst(g, in.dst, 2), hi = hi_dst(g, in.dst, 3);
  mem(g, sx ? load_sx_op[k] : load_op[k], lo, 0, at);
  if (n == 8)
    mem(g, LBPF_THUMB_LDR, hi, 0, at + 4);
  else if (sx)
    put(g, (struct lbpf_thumb_insn){.form = LBPF_THUMB_F_DP_REG,
                                    .op = LBPF_THUMB_MOV,
                                    .rd = (uint8_t)hi,
                                    .rm = (uint8_t)lo,
                                    .shift = LBPF_THUMB_SHIFT_ASR,
                                    .amount = 32});
  lo_out(g, in.dst, lo);
  if (n == 8 || sx) hi_out(g, in.dst, hi);
}

static void gen_store(struct pgen *g, uint32_t pc, struct lbpf_insn in) {
  unsigned n = access_size(in.opcode), lo = 2, hi = 3;
  int32_t at = locate(g, pc, in.dst, in.offset, n);
  if (LBPF_CLASS(in.opcode) == LBPF_CLASS_ST) {
    constant(g, 2, (uint32_t)in.imm);
    if (n == 8) constant(g, 3, in.imm < 0 ? 0xffffffffu : 0);
  } else {
    lo = lo_in(g, in.src, 2);
    if (n == 8) hi = hi_in(g, in.src, 3);
  }
  mem(g, store_op[size_index(n)], lo, 0, at);
  if (n == 8) mem(g, LBPF_THUMB_STR, hi, 0, at + 4);
}

/* old value in r2 (r3), source in sl (sh), new value in lr (r12) */
static void gen_atomic(struct pgen *g, uint32_t pc, struct lbpf_insn in) {
  bool wide = access_size(in.opcode) == 8;
  int32_t at = locate(g, pc, in.dst, in.offset, wide ? 8 : 4);
  if (at != 0)
    dp_imm(g, at < 0 ? LBPF_THUMB_SUB : LBPF_THUMB_ADD, 0, 0, 0, (uint32_t)(at < 0 ? -at : at));
  mem(g, LBPF_THUMB_LDR, 2, 0, 0);
  if (wide)
    mem(g, LBPF_THUMB_LDR, 3, 0, 4);
  else
    constant(g, 3, 0);
  int32_t op = in.imm & ~LBPF_ATOMIC_FETCH;
  if (in.imm == LBPF_ATOMIC_CMPXCHG) {
    unsigned e = lo_in(g, 0, 1);
    dp(g, LBPF_THUMB_EOR, 0, 1, e, 2);
    if (wide) {
      unsigned eh = hi_in(g, 0, IP);
      dp(g, LBPF_THUMB_EOR, 0, IP, eh, 3);
      dp(g, LBPF_THUMB_ORR, 1, 1, 1, IP);
    } else {
      put(g, PT(CMP_IMM8, CMP, .setflags = 1, .rn = 1, .imm = 0));
    }
    branch(g, LBPF_THUMB_NE, label(g, L_SKIP, pc));
    mem(g, LBPF_THUMB_STR, lo_in(g, in.src, 1), 0, 0);
    if (wide) mem(g, LBPF_THUMB_STR, hi_in(g, in.src, IP), 0, 4);
    bind(g, label(g, L_SKIP, pc));
    lo_out(g, 0, 2);
    hi_out(g, 0, 3);
    return;
  }
  unsigned sl = lo_in(g, in.src, 1), sh = hi_in(g, in.src, IP);
  unsigned arm_op = op == LBPF_ATOMIC_ADD   ? LBPF_THUMB_ADD
                    : op == LBPF_ATOMIC_OR  ? LBPF_THUMB_ORR
                    : op == LBPF_ATOMIC_AND ? LBPF_THUMB_AND
                    : op == LBPF_ATOMIC_XOR ? LBPF_THUMB_EOR
                                            : LBPF_THUMB_NONE;
  unsigned lo = sl, hi = sh; /* xchg stores the source */
  if (arm_op != LBPF_THUMB_NONE) {
    dp(g, arm_op, arm_op == LBPF_THUMB_ADD, LBPF_THUMB_LR, 2, sl);
    dp(g, arm_op == LBPF_THUMB_ADD ? LBPF_THUMB_ADC : arm_op, 0, IP, 3, sh);
    lo = LBPF_THUMB_LR, hi = IP;
  }
  mem(g, LBPF_THUMB_STR, lo, 0, 0);
  if (wide) mem(g, LBPF_THUMB_STR, hi, 0, 4);
  if (in.imm & LBPF_ATOMIC_FETCH) {
    lo_out(g, in.src, 2);
    hi_out(g, in.src, 3);
  }
}
#line 1560 "lit/jit.nw"
/* The condition that holds after the flags of dst - src (for jset, of
   dst & src) iff the jump of op is taken. */
static unsigned condition(uint8_t op) {
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

/* The ordering that holds of (src, dst) when op holds of (dst, src):
   jgt and jlt exchanged, jge and jle, and the signed ones alike. */
static uint8_t swapped(uint8_t op) {
  switch (op) {
  case LBPF_JMP_JGT: return LBPF_JMP_JLT;
  case LBPF_JMP_JLE: return LBPF_JMP_JGE;
  case LBPF_JMP_JSGT: return LBPF_JMP_JSLT;
  default: return LBPF_JMP_JSGE; /* jsle */
  }
}

/* One word of a comparison's operand: in ARM register reg, or, if reg is
   KNOWN, the constant k (an immediate's word, or a high word the analysis
   knows: 0 or all ones). */
#define KNOWN 16u
struct word {
  unsigned reg;
  uint32_t k;
};
static struct word in_reg(unsigned r) {
  return (struct word){r, 0};
}
static struct word known(uint32_t k) {
  return (struct word){KNOWN, k};
}
/* w's register: its own, or t loaded with its constant (flags untouched) */
static unsigned reg_of(struct pgen *g, struct word w, unsigned t) {
  if (w.reg != KNOWN) return w.reg;
  constant(g, t, w.k);
  return t;
}
/* The high word of BPF register r: known, or where it lives (t if loaded). */
static struct word high_word(struct pgen *g, unsigned r, unsigned t) {
  if (hw_known(g->facts, r)) return known(hw_word(hw_get(g->facts, r)));
  return in_reg(hi_in(g, r, t));
}

static bool modimm(uint32_t k) {
  uint32_t field;
  return lbpf_thumb_modimm_encode(k, &field);
}

/* The flags of n op m (op CMP or TST), in the shortest encoding: a
   register m as it is; a constant as cmp rn, #k (16 bits when it can),
   cmn rn, #-k or tst rn, #k, or loaded into r2 first. */
static void compare_word(struct pgen *g, unsigned op, unsigned n, struct word m) {
  if (m.reg == KNOWN) {
    if (op == LBPF_THUMB_CMP && n < 8 && m.k <= UINT8_MAX)
      return put(g, PT(CMP_IMM8, CMP, .setflags = 1, .rn = (uint8_t)n, .imm = (int32_t)m.k));
    if (modimm(m.k)) return dp_imm(g, op, 1, 0, n, m.k);
    if (op == LBPF_THUMB_CMP && modimm(-m.k)) return dp_imm(g, LBPF_THUMB_CMN, 1, 0, n, -m.k);
    m = in_reg(reg_of(g, m, 2));
  }
  if (n < 8 && m.reg < 8)
    data(g, LBPF_THUMB_F_DP_REG16, op, 1, 0, n, m.reg, 0);
  else if (op == LBPF_THUMB_CMP)
    put(g, PT(CMP_HI, CMP, .setflags = 1, .rn = (uint8_t)n, .rm = (uint8_t)m.reg));
  else
    dp(g, op, 1, 0, n, m.reg);
}

/* r0 = a word that is 0 iff n == m (for jset, iff n & m == 0): eor or and,
   with a constant: eor or and #k, add #-k, bic #~k, or k loaded into r2. */
static void combine(struct pgen *g, bool jset, unsigned n, struct word m) {
  unsigned op = jset ? LBPF_THUMB_AND : LBPF_THUMB_EOR;
  if (m.reg == KNOWN) {
    if (modimm(m.k)) return dp_imm(g, op, 0, 0, n, m.k);
    if (!jset && modimm(-m.k)) return dp_imm(g, LBPF_THUMB_ADD, 0, 0, n, -m.k);
    if (jset && modimm(~m.k)) return dp_imm(g, LBPF_THUMB_BIC, 0, 0, n, ~m.k);
  }
  dp(g, op, 0, 0, n, reg_of(g, m, 2));
}

/* rd = n - m - borrow, flags set (m a register, or a constant 0 or all ones) */
static void subtract_with_carry(struct pgen *g, unsigned d, unsigned n, struct word m) {
  if (m.reg == KNOWN)
    dp_imm(g, LBPF_THUMB_SBC, 1, d, n, m.k);
  else
    dp(g, LBPF_THUMB_SBC, 1, d, n, m.reg);
}

/* Set the flags from the destination dl:dh and the source sl:sh (for 32
   bits the low words only), each word where it lives, so that the
   returned condition holds iff the jump of operation op (64-bit if wide)
   is taken.  Only r0-r3 are written, each after the operand it holds is
   read. */
static unsigned compare_flags(struct pgen *g, uint8_t op, bool wide, unsigned dl, struct word dh,
                              struct word sl, struct word sh) {
  if (!wide) {
    compare_word(g, op == LBPF_JMP_JSET ? LBPF_THUMB_TST : LBPF_THUMB_CMP, dl, sl);
    return condition(op);
  }
  switch (op) {
  case LBPF_JMP_JEQ:
  case LBPF_JMP_JNE:
  case LBPF_JMP_JSET: { /* the low words combined, or-ed with the high words combined */
    bool jset = op == LBPF_JMP_JSET;
    if (dh.reg == KNOWN && sh.reg == KNOWN) dh = in_reg(reg_of(g, dh, 1));
    if (dh.reg != KNOWN && sh.reg != KNOWN) {
      combine(g, jset, dl, sl);
      dp(g, jset ? LBPF_THUMB_AND : LBPF_THUMB_EOR, 0, 1, dh.reg, sh.reg);
      dp(g, LBPF_THUMB_ORR, 1, 0, 0, 1);
      return condition(op);
    }
    uint32_t c = dh.reg == KNOWN ? dh.k : sh.k; /* one high word is c, 0 or all ones */
    unsigned other = dh.reg == KNOWN ? sh.reg : dh.reg;
    if (jset && c == 0) { /* the high words contribute nothing */
      compare_word(g, LBPF_THUMB_TST, dl, sl);
      return condition(op);
    }
    combine(g, jset, dl, sl); /* then or the other (jset, c all ones), or its complement (eq) */
    dp(g, !jset && c ? LBPF_THUMB_ORN : LBPF_THUMB_ORR, 1, 0, 0, other);
    return condition(op);
  }
  case LBPF_JMP_JGE:
  case LBPF_JMP_JLT:
  case LBPF_JMP_JSGE:
  case LBPF_JMP_JSLT: { /* dst - src */
    unsigned h = reg_of(g, dh, 1);
    compare_word(g, LBPF_THUMB_CMP, dl, sl);
    subtract_with_carry(g, 1, h, sh);
    return condition(op);
  }
  default: /* jgt, jle, jsgt, jsle */
    if (sl.reg == KNOWN &&
        !((op == LBPF_JMP_JGT || op == LBPF_JMP_JLE) && sl.k == UINT32_MAX &&
          sh.k == UINT32_MAX)) { /* as jge, jlt, jsge, jslt of the constant + 1 */
      uint64_t next = ((uint64_t)sh.k << 32 | sl.k) + 1; /* 2^64 - 1 has none: below */
      unsigned h = reg_of(g, dh, 1);
      compare_word(g, LBPF_THUMB_CMP, dl, known((uint32_t)next));
      subtract_with_carry(g, 1, h, known((uint32_t)(next >> 32)));
      return condition(op == LBPF_JMP_JGT    ? LBPF_JMP_JGE
                       : op == LBPF_JMP_JLE  ? LBPF_JMP_JLT
                       : op == LBPF_JMP_JSGT ? LBPF_JMP_JSGE
                                             : LBPF_JMP_JSLT);
    }
    unsigned l = reg_of(g, sl, 2), h = reg_of(g, sh, 3); /* src - dst */
    compare_word(g, LBPF_THUMB_CMP, l, in_reg(dl));
    subtract_with_carry(g, 3, h, dh);
    return condition(swapped(op));
  }
}

/* The unsigned ordering of a signed one (others unchanged). */
static uint8_t unsigned_op(uint8_t op) {
  switch (op) {
  case LBPF_JMP_JSGT: return LBPF_JMP_JGT;
  case LBPF_JMP_JSGE: return LBPF_JMP_JGE;
  case LBPF_JMP_JSLT: return LBPF_JMP_JLT;
  case LBPF_JMP_JSLE: return LBPF_JMP_JLE;
  default: return op;
  }
}

/* Do high words with the facts dh and sh let the 64-bit jump op compare
   its low words only (as unsigned_op, 32 bits)?  Both known and equal, and
   for jset both 0. */
static bool narrows(uint8_t op, unsigned dh, unsigned sh) {
  return sh == dh && (sh == HW_ZERO || sh == HW_ONES) && (op != LBPF_JMP_JSET || dh == HW_ZERO);
}

/* The flags of a conditional jump, its operands read where they live; its
   condition. */
static unsigned compare(struct pgen *g, struct lbpf_insn in) {
  bool wide = LBPF_CLASS(in.opcode) == LBPF_CLASS_JMP, x = in.opcode & LBPF_SRC_X;
  uint8_t op = LBPF_OP(in.opcode);
  unsigned dh = hw_get(g->facts, in.dst);
  unsigned sh = x ? hw_get(g->facts, in.src) : in.imm < 0 ? HW_ONES : HW_ZERO;
  if (wide && narrows(op, dh, sh)) {
    wide = false;
    op = unsigned_op(op);
  }
  unsigned dlo = lo_in(g, in.dst, 0);
  struct word dhi = wide ? high_word(g, in.dst, 1) : known(0);
  if (!x)
    return compare_flags(g, op, wide, dlo, dhi, known((uint32_t)in.imm),
                         known(in.imm < 0 ? UINT32_MAX : 0));
  struct word slo = in_reg(lo_in(g, in.src, 2));
  return compare_flags(g, op, wide, dlo, dhi, slo, wide ? high_word(g, in.src, 3) : known(0));
}

static void jump(struct pgen *g, uint32_t pc, int64_t delta, unsigned cond) {
  uint32_t target = (uint32_t)((int64_t)pc + 1 + delta);
  bool edge = edge_settles(g, target);
  if (delta >= 0 && edge && cond != LBPF_THUMB_AL) return branch(g, cond, label(g, L_EDGE, pc));
  if (delta >= 0 && edge) settle_edge(g, target);
  if (delta >= 0) return branch(g, cond, label(g, L_PC, target));
  if (cond != LBPF_THUMB_AL) branch(g, cond ^ 1u, label(g, L_SKIP, pc)); /* not taken */
  settle_edge(g, target);
  spend(g, pc, (uint32_t)-delta);
  branch(g, LBPF_THUMB_AL, label(g, L_PC, target));
  if (cond != LBPF_THUMB_AL) bind(g, label(g, L_SKIP, pc));
}
#line 1772 "lit/jit.nw"
/* the helper at address (or, if from_ip, at the address in r12) */
static void helper_call(struct pgen *g, bool from_ip, uint32_t address) {
  put(g, PT(SP_IMM16, SUB, .rd = LBPF_THUMB_SP, .rn = LBPF_THUMB_SP, .imm = 32));
  for (unsigned r = 2; r <= 5; r++) {
    mem(g, LBPF_THUMB_STR, lo_in(g, r, 0), LBPF_THUMB_SP, (int32_t)(8 * (r - 2)));
    mem(g, LBPF_THUMB_STR, hi_in(g, r, 0), LBPF_THUMB_SP, (int32_t)(8 * (r - 2) + 4));
  }
  lo_to(g, 1, 2);
  hi_to(g, 1, 3);
  ld_st(g, 0, OFF(ctx));
  if (!from_ip) constant(g, IP, address);
  blx_ip(g);
  put(g, PT(SP_IMM16, ADD, .rd = LBPF_THUMB_SP, .rn = LBPF_THUMB_SP, .imm = 32));
  lo_out(g, 0, 0);
  hi_out(g, 0, 1);
}

static void gen_callx(struct pgen *g, uint32_t pc, struct lbpf_insn in) {
  lo_to(g, in.dst, 1);
  hi_to(g, in.dst, 2);
  ld_st(g, 0, OFF(ctx));
  constant(g, IP, rt_address(LBPF_JIT_RT_CALLX));
  blx_ip(g);
  put(g, PT(CMP_IMM8, CMP, .setflags = 1, .rn = 1, .imm = 0));
  branch(g, LBPF_THUMB_EQ, label(g, L_FAIL_CALLX, pc));
  mov(g, IP, 0);
  spend(g, pc, 1);
  helper_call(g, true, 0);
}
#line 1825 "lit/jit.nw"
static void move_r10(struct pgen *g, unsigned op) {
  unsigned lo = lo_in(g, 10, 0), hi = hi_in(g, 10, 1);
  dp_imm(g, op, 1, lo_dst(g, 10, 0), lo, LBPF_STACK_SIZE);
  dp_imm(g, op == LBPF_THUMB_SUB ? LBPF_THUMB_SBC : LBPF_THUMB_ADC, 0, hi_dst(g, 10, 1), hi, 0);
  lo_out(g, 10, lo_dst(g, 10, 0));
  hi_out(g, 10, hi_dst(g, 10, 1));
}

#define FOUR_LIST ((uint16_t)0x000fu) /* r0-r3 */

static void gen_local_call(struct pgen *g, uint32_t pc, struct lbpf_insn in) {
  uint32_t target = (uint32_t)((int64_t)pc + 1 + in.imm);
  settle_to(g, g->facts, HW_ALL(HW_TOP), ALL_REGS);
  spend(g, pc, g->prog->ninsns - target);
  ld_st(g, 0, OFF(depth));
  ld_st(g, 1, OFF(max_depth));
  dp_imm(g, LBPF_THUMB_ADD, 0, 0, 0, 1);
  dp(g, LBPF_THUMB_CMP, 1, 0, 0, 1);
  branch(g, LBPF_THUMB_HS, label(g, L_FAIL_DEPTH, pc));
  st_st(g, 0, OFF(depth));
  for (unsigned h = lo_half(6); h <= hi_half(9); h++)
    if (g->home[h]) st_st(g, g->home[h], 4u * h);
  dp_imm(g, LBPF_THUMB_ADD, 0, IP, ST, LBPF_JIT_REG_LO(8));
  multiple(g, LBPF_THUMB_LDM, IP, false, FOUR_LIST);
  multiple(g, LBPF_THUMB_STMDB, LBPF_THUMB_SP, true, FOUR_LIST);
  dp_imm(g, LBPF_THUMB_ADD, 0, IP, ST, LBPF_JIT_REG_LO(6));
  multiple(g, LBPF_THUMB_LDM, IP, false, FOUR_LIST);
  multiple(g, LBPF_THUMB_STMDB, LBPF_THUMB_SP, true, FOUR_LIST);
  move_r10(g, LBPF_THUMB_SUB);
  call_label(g, label(g, L_ENTRY, target));
}

static void entry_stub(struct pgen *g, uint32_t target) {
  bind(g, label(g, L_ENTRY, target));
  multiple(g, LBPF_THUMB_STMDB, LBPF_THUMB_SP, true, (uint16_t)(1u | 1u << LBPF_THUMB_LR));
  branch(g, LBPF_THUMB_AL, label(g, L_PC, target));
}

static void gen_exit(struct pgen *g, uint32_t pc) {
  if (!g->local_calls) { /* always at depth 0 */
    spill(g, 0);
    return branch(g, LBPF_THUMB_AL, global(g, G_EPILOGUE));
  }
  ld_st(g, 0, OFF(depth));
  put(g, PT(CMP_IMM8, CMP, .setflags = 1, .rn = 0, .imm = 0));
  branch(g, LBPF_THUMB_NE, label(g, L_SKIP, pc));
  spill(g, 0);
  branch(g, LBPF_THUMB_AL, global(g, G_EPILOGUE));
  bind(g, label(g, L_SKIP, pc));
  dp_imm(g, LBPF_THUMB_SUB, 0, 0, 0, 1);
  st_st(g, 0, OFF(depth));
  uint32_t returned = g->facts;
  for (unsigned r = 6; r < LBPF_NREGS; r++)
    returned = hw_set(returned, r, HW_NONE);
  settle_to(g, returned, HW_ALL(HW_TOP), ALL_REGS);
  multiple(g, LBPF_THUMB_LDM, LBPF_THUMB_SP, true, (uint16_t)(1u | 1u << IP)); /* r12: return */
  dp_imm(g, LBPF_THUMB_ADD, 0, LBPF_THUMB_LR, ST, LBPF_JIT_REG_LO(6));
  multiple(g, LBPF_THUMB_LDM, LBPF_THUMB_SP, true, FOUR_LIST);
  multiple(g, LBPF_THUMB_STM, LBPF_THUMB_LR, true, FOUR_LIST);
  multiple(g, LBPF_THUMB_LDM, LBPF_THUMB_SP, true, FOUR_LIST);
  multiple(g, LBPF_THUMB_STM, LBPF_THUMB_LR, false, FOUR_LIST);
  for (unsigned r = 6; r <= 9; r++)
    reload(g, r);
  move_r10(g, LBPF_THUMB_ADD);
  put(g, PT(BX, BX, .rm = IP));
}
#line 1900 "lit/jit.nw"
static uint32_t gen_insn(struct pgen *g, uint32_t pc) {
  struct lbpf_insn in = lbpf_program_insn(g->prog, pc);
  unsigned kind = kind_at(g, pc);
  bind(g, label(g, L_PC, pc));
  g->facts = row(g, L_FACTS)[pc];
  if (g->facts == HW_ALL(HW_NONE)) g->facts = HW_ALL(HW_TOP); /* never reached */
  uint32_t after = hw_after(g, pc, in, kind, g->facts);
  switch (kind) {
  case LBPF_KIND_LDDW:
  case LBPF_KIND_ALU_K:
  case LBPF_KIND_ALU_X:
  case LBPF_KIND_NEG:
  case LBPF_KIND_END: gen_alu(g, pc, in, after); break;
  case LBPF_KIND_JA: jump(g, pc, in.offset, LBPF_THUMB_AL); return 1;
  case LBPF_KIND_JA32: jump(g, pc, in.imm, LBPF_THUMB_AL); return 1;
  case LBPF_KIND_JCOND_K:
  case LBPF_KIND_JCOND_X:
    jump(g, pc, in.offset, compare(g, in));
    if (pc + 1 < g->prog->ninsns) settle_edge(g, pc + 1); /* not taken */
    return 1;
  case LBPF_KIND_CALL:
    if (in.src == LBPF_CALL_LOCAL) {
      gen_local_call(g, pc, in);
      return 1;
    }
    spend(g, pc, 1);
    helper_call(g, false,
                helper_address(g->env, lbpf_jit_prog_helper_index(g->env, (uint32_t)in.imm)));
    break;
  case LBPF_KIND_CALLX: gen_callx(g, pc, in); break;
  case LBPF_KIND_EXIT: gen_exit(g, pc); return 1;
  case LBPF_KIND_LDX: gen_load(g, pc, in); break;
  case LBPF_KIND_ST:
  case LBPF_KIND_STX: gen_store(g, pc, in); break;
  default: gen_atomic(g, pc, in); break;
  }
  settle(g, pc, in, kind, after);
  return kind == LBPF_KIND_LDDW ? 2 : 1;
}

static uint32_t gen_out_of_line(struct pgen *g, uint32_t pc) {
  unsigned kind = kind_at(g, pc);
  if (kind == LBPF_KIND_LDDW) return 2;
  if (kind == LBPF_KIND_ALU_K || kind == LBPF_KIND_ALU_X || kind == LBPF_KIND_NEG ||
      kind == LBPF_KIND_END || kind == LBPF_KIND_EXIT)
    return 1; /* nothing out of line: not even decoded */
  struct lbpf_insn in = lbpf_program_insn(g->prog, pc);
  switch (kind) {
  case LBPF_KIND_JA:
  case LBPF_KIND_JA32:
  case LBPF_KIND_JCOND_K:
  case LBPF_KIND_JCOND_X: {
    int64_t delta = kind == LBPF_KIND_JA32 ? in.imm : in.offset;
    uint32_t target = (uint32_t)((int64_t)pc + 1 + delta);
    if (delta < 0) fail_stub(g, L_FAIL_BUDGET, pc, LBPF_ERR_BUDGET);
    g->facts = row(g, L_FACTS)[pc];
    bool conditional = kind == LBPF_KIND_JCOND_K || kind == LBPF_KIND_JCOND_X;
    if (delta >= 0 && conditional && g->facts != HW_ALL(HW_NONE) && edge_settles(g, target)) {
      bind(g, label(g, L_EDGE, pc));
      settle_edge(g, target);
      branch_back(g, label(g, L_PC, target));
    }
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
  case LBPF_KIND_LDX:
  case LBPF_KIND_ST:
  case LBPF_KIND_STX:
  case LBPF_KIND_ATOMIC: {
    unsigned n = access_size(in.opcode);
    unsigned perm = kind == LBPF_KIND_LDX      ? LBPF_PERM_READ
                    : kind == LBPF_KIND_ATOMIC ? LBPF_PERM_READ | LBPF_PERM_WRITE
                                               : LBPF_PERM_WRITE;
    int16_t offset = in.offset;
    unsigned base = kind == LBPF_KIND_LDX ? in.src : in.dst;
    if (!in_frame(base, offset, n)) slow_path(g, pc, base, n, perm);
    break;
  }
  default: break;
  }
  return kind == LBPF_KIND_LDDW ? 2 : 1;
}
#line 2008 "lit/jit.nw"
bool lbpf_jit_prog_gen(const struct lbpf_program *prog, const struct lbpf_env *env,
                       struct lbpf_jit_buf *b) {
  if (b->nlabels < lbpf_jit_prog_nlabels(prog->ninsns)) return false;
  struct pgen g = {b, prog, env, {0}, 0, false, 0};
  uint32_t weight[LBPF_JIT_NHALVES] = {0};
  analyse(&g);
  liveness(&g, weight);
  choose_homes(&g, weight);
  prologue(&g);
  for (uint32_t pc = 0; pc < prog->ninsns;)
    pc += gen_insn(&g, pc);
  bind(&g, global(&g, G_OUT_OF_LINE));
  epilogue(&g);
  for (uint32_t pc = 0; pc < prog->ninsns;)
    pc += gen_out_of_line(&g, pc);
  return lbpf_jit_resolve(b) == LBPF_JIT_BUF_OK;
}
#line 2100 "lit/jit.nw"
size_t lbpf_jit_prog_tables_size(uint32_t ninsns) {
  return lbpf_jit_prog_nlabels(ninsns) * sizeof(uint32_t) + 8u +
         lbpf_jit_prog_nfixups(ninsns) * sizeof(struct lbpf_jit_fixup);
}
size_t lbpf_jit_prog_work_size(uint32_t ninsns) {
  return (lbpf_jit_prog_code_bound(ninsns) + 7u) / 8u * 8u + lbpf_jit_prog_tables_size(ninsns);
}

static void run_entry(struct lbpf_jit_prog_entry *e, const struct lbpf_env *env);

enum lbpf_status lbpf_jit_prog_load(struct lbpf_jit_prog *vm, const uint8_t *code, size_t size,
                                    const struct lbpf_env *env, void *work, size_t work_size,
                                    lbpf_jit_prog_call_fn call, void *call_ctx,
                                    struct lbpf_fault *fault) {
  vm->loaded = 0;
  enum lbpf_status status = lbpf_verify(code, size, env, &vm->prog, fault);
  if (status != LBPF_OK) return status;
  uint32_t n = vm->prog.ninsns;
  size_t tables = lbpf_jit_prog_tables_size(n);
  if (work == NULL || (uintptr_t)work % 8 != 0 || work_size < tables ||
      (call == NULL) != LBPF_HAVM_NATIVE) {
    if (fault != NULL) *fault = (struct lbpf_fault){LBPF_ERR_ARGUMENT, 0};
    return LBPF_ERR_ARGUMENT;
  }
  size_t cap = (work_size - tables) / 8u * 8u; /* the code's; the tables after it */
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
  *vm = (struct lbpf_jit_prog){vm->prog, env, bytes, b.len, call, call_ctx, 1, {0}};
  if (env->stack != NULL && env->stack_size >= LBPF_STACK_SIZE) run_entry(&vm->entry, env);
  return LBPF_OK;
}
#line 2182 "lit/jit.nw"
/* length - n + 1 when n <= length and that fits a word, else 0 */
static uint32_t region_end(size_t length, size_t n) {
  return length >= n && (uint64_t)(length - n) < UINT32_MAX ? (uint32_t)(length - n + 1) : 0;
}

void lbpf_jit_prog_fast_delta(struct lbpf_jit_fast_region *f, uint32_t delta) {
  f->delta = delta;
  for (unsigned j = 0; j < 4; j++)
    f->at[j].machine = f->base_lo + delta;
}

/* The words of the region of base and length, delta 0: the machine word is
   the base's low word. */
static void fast_region(struct lbpf_jit_fast_region *f, const void *base, size_t length) {
  uint64_t b = (uint64_t)(uintptr_t)base;
  uint32_t lo = (uint32_t)b, hi = (uint32_t)(b >> 32);
  size_t len = hi == UINT32_MAX ? 0 : length; /* the lemma's exception */
  f->base_lo = lo, f->base_hi = hi, f->delta = 0;
  f->at[0] = (struct lbpf_jit_fast_end){region_end(len, 1), lo};
  f->at[1] = (struct lbpf_jit_fast_end){region_end(len, 2), lo};
  f->at[2] = (struct lbpf_jit_fast_end){region_end(len, 4), lo};
  f->at[3] = (struct lbpf_jit_fast_end){region_end(len, 8), lo};
}

static void run_entry(struct lbpf_jit_prog_entry *e, const struct lbpf_env *env) {
  e->stack = env->stack, e->stack_size = env->stack_size;
  lbpf_helper_ctx_init(&e->hctx, env, NULL, 0);
  e->top = (uint64_t)(uintptr_t)e->hctx.stack.base + e->hctx.stack.length;
  e->max_depth = (uint32_t)(e->hctx.stack.length / LBPF_STACK_SIZE);
  fast_region(&e->fast, e->hctx.stack.base, e->hctx.stack.length);
}

static void refused(struct lbpf_result *result) {
  *result = (struct lbpf_result){LBPF_ERR_ARGUMENT, 0, 0, 0, 0};
}

void lbpf_jit_prog_run(const struct lbpf_jit_prog *vm, void *mem, size_t mem_len,
                       struct lbpf_result *result) {
  const struct lbpf_env *env = vm->env;
  const struct lbpf_jit_prog_entry *e = &vm->entry;
  struct lbpf_jit_prog_entry fresh;
  if (!vm->loaded || env == NULL || (env->nregions != 0 && env->regions == NULL) ||
      (mem == NULL && mem_len != 0)) {
    refused(result);
    return;
  }
  if (env->stack != e->stack || env->stack_size != e->stack_size || e->stack == NULL) {
    if (env->stack == NULL || env->stack_size < LBPF_STACK_SIZE) {
      refused(result);
      return;
    }
    run_entry(&fresh, env);
    e = &fresh;
  }
  struct lbpf_helper_ctx hctx = e->hctx;
  hctx.input.base = mem, hctx.input.length = mem_len;
  struct lbpf_jit_prog_state st;
  st.regs[1] = (uint64_t)(uintptr_t)mem;
  st.regs[2] = mem_len;
  st.regs[10] = e->top;
  st.budget_lo = (uint32_t)env->budget;
  st.budget_hi = (uint32_t)(env->budget >> 32);
  st.status = LBPF_OK;
  st.pc = 0;
  st.depth = 0;
  st.max_depth = e->max_depth;
  st.ctx = (uint32_t)(uintptr_t)&hctx;
  fast_region(&st.fast[LBPF_JIT_PROG_FAST_INPUT], mem, mem_len);
  st.fast[LBPF_JIT_PROG_FAST_STACK] = e->fast;
#if LBPF_HAVM_NATIVE
  ((void (*)(struct lbpf_jit_prog_state *))(uintptr_t)((uintptr_t)vm->code | 1u))(&st);
#else
  if (!vm->call(vm->call_ctx, vm, &st, &hctx)) {
    refused(result);
    return;
  }
#endif
  uint64_t left = (uint64_t)st.budget_hi << 32 | st.budget_lo;
  result->status = (enum lbpf_status)st.status;
  result->pc = st.pc;
  result->r0 = st.status == LBPF_OK ? st.regs[0] : 0;
  result->insns = 0;
  result->budget_used = env->budget - left;
}
#line 147 "lit/jit-prog-proof.nw"
#if !LBPF_HAVM_NATIVE
static uint32_t exit_at(struct pgen *g, uint32_t l) {
  mov(g, 0, 0); /* a filler: never run */
  bind(g, l);
  return g->b->labels[l];
}

/* The program of a piece that compiles a real instruction: in at slot at,
   every other slot ja +0 (whose code no piece writes). */
#define PIECE_MAX_SLOTS 64u
static const uint8_t *piece_program(uint32_t ninsns, uint32_t at, struct lbpf_insn in) {
  static uint8_t code[LBPF_INSN_SIZE * PIECE_MAX_SLOTS];
  for (uint32_t k = 0; k < ninsns; k++)
    lbpf_encode(k == at ? in : (struct lbpf_insn){LBPF_CLASS_JMP | LBPF_JMP_JA, 0, 0, 0, 0},
                code + LBPF_INSN_SIZE * k);
  return code;
}

/* The generator g set up for a piece: the homes and facts of regs. */
static bool piece_start(struct pgen *g, const struct lbpf_jit_prog_regs *regs) {
  if (g->b->nlabels < lbpf_jit_prog_nlabels(g->prog->ninsns)) return false;
  memcpy(g->home, regs->home, sizeof g->home);
  for (unsigned r = 0; r < LBPF_NREGS; r++)
    if (regs->hi_zero >> r & 1)
      g->facts = hw_set(g->facts, r, HW_ZERO);
    else if (regs->hi_ones >> r & 1)
      g->facts = hw_set(g->facts, r, HW_ONES);
  for (uint32_t k = 0; k < g->prog->ninsns; k++) /* every pc: these facts, every high word live */
    row(g, L_FACTS)[k] = g->facts, row(g, L_LIVE)[k] = ALL_REGS, row(g, L_WEIGHT)[k] = 0;
  return true;
}

size_t lbpf_jit_prog_piece(enum lbpf_jit_prog_piece which, uint32_t pc, uint32_t x, uint32_t y,
                           const struct lbpf_jit_prog_regs *regs, struct lbpf_jit_buf *b,
                           uint32_t exits[6]) {
  struct lbpf_program prog = {NULL, pc + 2};
  bool calls = which == LBPF_JIT_PIECE_LOCAL || (which == LBPF_JIT_PIECE_EXIT && y);
  struct pgen g = {b, &prog, NULL, {0}, HW_ALL(HW_TOP), calls, ALL_REGS};
  if (!piece_start(&g, regs)) return 0;
  size_t n = 2;
  switch (which) {
  case LBPF_JIT_PIECE_CHECK:
    if (y & 16)
      check(&g, pc, x, y & 15, 6, 7);
    else
      check(&g, pc, x, y, 0, 1);
    exits[0] = b->labels[label(&g, L_BACK, pc)];
    exits[1] = exit_at(&g, label(&g, L_SLOW, pc));
    break;
  case LBPF_JIT_PIECE_COMPARE: {
    struct lbpf_insn in = {(uint8_t)y, (uint8_t)(y >> 8 & 15), (uint8_t)(y >> 12 & 15), 0,
                           (int32_t)x};
    if (y & LBPF_JIT_PIECE_BACKWARD) { /* to pc - 1: cost 2 */
      if (pc < 1) return 0;
      jump(&g, pc, -2, compare(&g, in));
      exits[0] = b->labels[label(&g, L_SKIP, pc)];
      exits[1] = exit_at(&g, label(&g, L_PC, pc - 1));
      exits[2] = exit_at(&g, label(&g, L_FAIL_BUDGET, pc));
      n = 3;
      break;
    }
    jump(&g, pc, 0, compare(&g, in));
    bind(&g, label(&g, L_SKIP, pc));
    exits[0] = b->labels[label(&g, L_SKIP, pc)];
    exits[1] = exit_at(&g, label(&g, L_PC, pc + 1));
    break;
  }
  case LBPF_JIT_PIECE_SPEND:
    spend(&g, pc, x);
    bind(&g, label(&g, L_SKIP, pc));
    exits[0] = b->labels[label(&g, L_SKIP, pc)];
    mov(&g, 0, 0);
    fail_stub(&g, L_FAIL_BUDGET, pc, LBPF_ERR_BUDGET);
    bind(&g, global(&g, G_FAIL));
    exits[1] = b->labels[global(&g, G_FAIL)];
    break;
  case LBPF_JIT_PIECE_HELPER:
    helper_call(&g, false, x);
    bind(&g, label(&g, L_SKIP, pc));
    exits[0] = b->labels[label(&g, L_SKIP, pc)];
    n = 1;
    break;
  case LBPF_JIT_PIECE_SLOW: {
    unsigned base = y >> 4, perm = y & 15, other = base == 10 ? 1 : 10;
    if (pc < 2 || perm == 0 || perm > 3) return 0;
    branch(&g, LBPF_THUMB_AL, label(&g, L_SLOW, pc)); /* as the check leaves */
    const uint32_t back[4] = {pc, pc - 1, pc - 2, pc + 1}, exit_of[4] = {0, 2, 3, 4};
    bool before = base == 10; /* the stack's accesses before the stubs, the input's after */
    for (unsigned k = 0; before && k < 4; k++)
      exits[exit_of[k]] = exit_at(&g, label(&g, L_BACK, back[k]));
    if (before)
      exits[1] = exit_at(&g, global(&g, G_FAIL));  /* the memory stop's branch in 16 bits */
    slow_path(&g, pc - 2, other, x, perm % 3 + 1); /* the other region's path follows */
    slow_path(&g, pc - 1, base, x, perm % 3 + 1);  /* this region's path follows */
    slow_path(&g, pc, base, x, perm);
    exits[5] =
        (uint32_t)b->len - (before ? 2u : 4u); /* not an exit: where pc's stub's call returns */
    for (unsigned k = 0; !before && k < 4; k++)
      exits[exit_of[k]] = exit_at(&g, label(&g, L_BACK, back[k]));
    if (!before) exits[1] = exit_at(&g, global(&g, G_FAIL));
    n = 5;
    break;
  }
  case LBPF_JIT_PIECE_ACCESS: {
    struct lbpf_insn in = {(uint8_t)x, (uint8_t)(x >> 8 & 15u), (uint8_t)(x >> 12 & 15u),
                           (int16_t)(uint16_t)(x >> 16), (int32_t)y};
    uint8_t cls = LBPF_CLASS(in.opcode);
    unsigned kind = cls == LBPF_CLASS_LDX                      ? LBPF_KIND_LDX
                    : cls == LBPF_CLASS_ST                     ? LBPF_KIND_ST
                    : LBPF_MODE(in.opcode) == LBPF_MODE_ATOMIC ? LBPF_KIND_ATOMIC
                                                               : LBPF_KIND_STX;
    if (kind == LBPF_KIND_LDX)
      gen_load(&g, pc, in);
    else if (kind == LBPF_KIND_ATOMIC)
      gen_atomic(&g, pc, in);
    else
      gen_store(&g, pc, in);
    bind(&g, label(&g, L_PC, pc + 1));
    exits[0] = b->labels[label(&g, L_PC, pc + 1)];
    exits[1] = exit_at(&g, label(&g, L_SLOW, pc));
    unsigned base = kind == LBPF_KIND_LDX ? in.src : in.dst;
    exits[2] =
        in_frame(base, in.offset, access_size(in.opcode)) ? 0 : b->labels[label(&g, L_BACK, pc)];
    exits[3] = hw_after(&g, pc, in, kind, g.facts);
    n = 3;
    break;
  }
  case LBPF_JIT_PIECE_LOCAL: {
    if (pc != 2) return 0;
    struct lbpf_insn call = {LBPF_CLASS_JMP | LBPF_JMP_CALL, 0, LBPF_CALL_LOCAL, 0, 1};
    gen_local_call(&g, 0, call);
    bind(&g, label(&g, L_PC, 1));
    exits[0] = b->labels[label(&g, L_PC, 1)];
    mov(&g, 0, 0);
    entry_stub(&g, 2);
    exits[1] = exit_at(&g, label(&g, L_PC, 2));
    exits[2] = exit_at(&g, label(&g, L_PC, 3));
    gen_exit(&g, 3);
    exits[3] = exit_at(&g, label(&g, L_FAIL_BUDGET, 0));
    exits[4] = exit_at(&g, label(&g, L_FAIL_DEPTH, 0));
    exits[5] = exit_at(&g, global(&g, G_EPILOGUE));
    n = 6;
    break;
  }
  case LBPF_JIT_PIECE_JA: {
    int32_t delta = (int32_t)x;
    uint32_t at = delta < 0 ? pc : pc - x;
    if (prog.ninsns > PIECE_MAX_SLOTS || (delta >= 0 && x > pc) || (int64_t)at + 1 + delta < 0)
      return 0;
    struct lbpf_insn in = {LBPF_CLASS_JMP | LBPF_JMP_JA, 0, 0, (int16_t)delta, 0};
    if (y & 1) in = (struct lbpf_insn){LBPF_CLASS_JMP32 | LBPF_JMP_JA, 0, 0, 0, delta};
    prog.code = piece_program(prog.ninsns, at, in);
    uint32_t target = (uint32_t)((int64_t)at + 1 + delta);
    row(&g, L_KIND)[at] = lbpf_form_of(in)->kind;
    if (y & 2) row(&g, L_FACTS)[target] = HW_ALL(HW_TOP);
    gen_insn(&g, at);
    exits[0] = exit_at(&g, label(&g, L_PC, target));
    mov(&g, 0, 0);
    gen_out_of_line(&g, at);
    exits[1] = exit_at(&g, global(&g, G_FAIL));
    break;
  }
  case LBPF_JIT_PIECE_CALLX: {
    struct lbpf_insn in = {LBPF_CLASS_JMP | LBPF_JMP_CALL | LBPF_SRC_X, (uint8_t)x, 0, 0, 0};
    if (prog.ninsns > PIECE_MAX_SLOTS || x >= LBPF_NREGS) return 0;
    prog.code = piece_program(prog.ninsns, pc, in);
    row(&g, L_KIND)[pc] = lbpf_form_of(in)->kind;
    gen_callx(&g, pc, in);
    exits[0] = y;
    exits[1] = exit_at(&g, label(&g, L_SKIP, pc));
    mov(&g, 0, 0);
    gen_out_of_line(&g, pc);
    exits[2] = exit_at(&g, global(&g, G_FAIL));
    n = 3;
    break;
  }
  case LBPF_JIT_PIECE_STUBS: {
    struct lbpf_insn in = {LBPF_CLASS_JMP | LBPF_JMP_CALL, 0, LBPF_CALL_LOCAL, 0, 0};
    if (prog.ninsns > PIECE_MAX_SLOTS) return 0;
    prog.code = piece_program(prog.ninsns, pc, in);
    row(&g, L_KIND)[pc] = lbpf_form_of(in)->kind;
    gen_out_of_line(&g, pc);
    exit_at(&g, label(&g, L_PC, pc + 1)); /* the callee, where the entry stub goes */
    exits[0] = exit_at(&g, global(&g, G_FAIL));
    exits[1] = b->labels[label(&g, L_FAIL_BUDGET, pc)];
    exits[2] = b->labels[label(&g, L_FAIL_DEPTH, pc)];
    n = 3;
    break;
  }
  case LBPF_JIT_PIECE_EXIT:
    gen_exit(&g, pc);
    exits[0] = exit_at(&g, global(&g, G_EPILOGUE));
    exits[1] = y ? b->labels[label(&g, L_SKIP, pc)] : exits[0];
    break;
  case LBPF_JIT_PIECE_DIV64: {
    static const uint8_t ops[2] = {LBPF_ALU_DIV, LBPF_ALU_MOD};
    uint8_t opcode = (uint8_t)(LBPF_CLASS_ALU64 | ops[x & 1] | (x & 4 ? LBPF_SRC_X : LBPF_SRC_K));
    struct lbpf_insn in = {opcode, (uint8_t)(x >> 4 & 15), (uint8_t)(x >> 8 & 15),
                           (int16_t)(x >> 1 & 1), (int32_t)y};
    if (prog.ninsns > PIECE_MAX_SLOTS || in.dst >= LBPF_NREGS || in.src >= LBPF_NREGS) return 0;
    prog.code = piece_program(prog.ninsns, pc, in);
    gen_alu(&g, pc, in, hw_after(&g, pc, in, lbpf_form_of(in)->kind, g.facts));
    exits[0] = exit_at(&g, label(&g, L_SKIP, pc));
    n = 1;
    break;
  }
  default:
    prologue(&g);
    bind(&g, label(&g, L_SKIP, pc));
    exits[0] = b->labels[label(&g, L_SKIP, pc)];
    mov(&g, 0, 0);
    epilogue(&g);
    exits[1] = b->labels[global(&g, G_FAIL)];
    exits[2] = b->labels[global(&g, G_EPILOGUE)];
    n = 3;
  }
  return lbpf_jit_resolve(b) == LBPF_JIT_BUF_OK ? n : 0;
}

size_t lbpf_jit_prog_alu_piece(const struct lbpf_program *prog, uint32_t pc,
                               const struct lbpf_jit_prog_regs *regs, struct lbpf_jit_buf *b,
                               uint32_t exits[6], struct lbpf_jit_prog_regs *after) {
  struct pgen g = {b, prog, NULL, {0}, HW_ALL(HW_TOP), false, ALL_REGS};
  if (pc >= prog->ninsns || !piece_start(&g, regs)) return 0;
  struct lbpf_insn in = lbpf_program_insn(prog, pc);
  unsigned kind = lbpf_form_of(in)->kind;
  if (kind != LBPF_KIND_LDDW && kind != LBPF_KIND_ALU_K && kind != LBPF_KIND_ALU_X &&
      kind != LBPF_KIND_NEG && kind != LBPF_KIND_END)
    return 0;
  uint32_t out = hw_after(&g, pc, in, kind, g.facts);
  gen_alu(&g, pc, in, out);
  exits[0] = exit_at(&g, label(&g, L_SKIP, pc));
  *after = *regs;
  after->hi_zero = after->hi_ones = 0;
  for (unsigned r = 0; r < LBPF_NREGS; r++)
    if (hw_get(out, r) == HW_ZERO)
      after->hi_zero |= (uint16_t)(1u << r);
    else if (hw_get(out, r) == HW_ONES)
      after->hi_ones |= (uint16_t)(1u << r);
  return lbpf_jit_resolve(b) == LBPF_JIT_BUF_OK ? 1 : 0;
}

void lbpf_jit_prog_fast_region_of(struct lbpf_jit_fast_region *f, uint64_t base, uint64_t length) {
  fast_region(f, (const void *)(uintptr_t)base, (size_t)length);
}
#endif
