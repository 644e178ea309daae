#line 1542 "lit/jit-alu.nw"
/* The ALU-run JIT (levels J and E): one generator, two meanings. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lbpf_havm.h" /* LBPF_HAVM_NATIVE: is the code called natively? */
#include "lbpf_isa.h"
#include "lbpf_jit.h"

#line 75 "lit/jit-alu.nw"
const uint8_t lbpf_jit_pool[LBPF_JIT_POOL_SIZE] = {1, 2,  3,  12,           4, 5, 6, 7, 8,
                                                   9, 10, 11, LBPF_THUMB_LR};
#line 168 "lit/jit-alu.nw"
void lbpf_jit_buf_init(struct lbpf_jit_buf *b, uint8_t *code, size_t cap,
                       struct lbpf_thumb_insn *insns, size_t icap, uint32_t *labels, size_t nlabels,
                       struct lbpf_jit_fixup *fixups, size_t fcap) {
  b->code = code, b->cap = code ? cap : 0;
  b->insns = insns, b->icap = insns ? icap : 0;
  b->labels = labels, b->nlabels = labels ? nlabels : 0;
  b->fixups = fixups, b->fcap = fixups ? fcap : 0, b->nfixups = 0;
  b->len = b->n = 0;
  b->status = LBPF_JIT_BUF_OK;
  b->unchecked = false;
  for (size_t k = 0; k < b->nlabels; k++)
    labels[k] = LBPF_JIT_UNBOUND;
}

static size_t form_size(unsigned form) {
  return form < LBPF_THUMB_F_DP_IMM ? 2 : 4;
}

static void fail(struct lbpf_jit_buf *b, enum lbpf_jit_buf_status s) {
  if (b->status == LBPF_JIT_BUF_OK) b->status = s;
}

/* A branch's shape, what a fix-up keeps of it: the index of its form in
   branch_forms (bits 7-5), whether it is cbnz (bit 4), and its condition or
   its register (bits 3-0). A valid branch has no other field. */
static const uint8_t branch_forms[] = {LBPF_THUMB_F_B16, LBPF_THUMB_F_BCOND16, LBPF_THUMB_F_CBZ,
                                       LBPF_THUMB_F_B,   LBPF_THUMB_F_BCOND,   LBPF_THUMB_F_BL};
#define SHAPE_SHIFT 24u
#define NO_SHAPE 0x100u

static unsigned branch_shape(const struct lbpf_thumb_insn *i) {
  unsigned k = 0;
  while (k < sizeof branch_forms && branch_forms[k] != i->form)
    k++;
  if (k == sizeof branch_forms || i->cond > 15 || i->rn > 15) return NO_SHAPE;
  return k << 5 | (unsigned)(i->op == LBPF_THUMB_CBNZ) << 4 |
         (i->form == LBPF_THUMB_F_CBZ ? i->rn : i->cond);
}

static struct lbpf_thumb_insn shaped_branch(unsigned shape) {
  unsigned form = branch_forms[shape >> 5], field = shape & 15u;
  struct lbpf_thumb_insn i = {.form = (uint8_t)form, .op = LBPF_THUMB_B};
  if (form == LBPF_THUMB_F_BL) i.op = LBPF_THUMB_BL;
  if (form == LBPF_THUMB_F_CBZ)
    i.op = shape >> 4 & 1 ? LBPF_THUMB_CBNZ : LBPF_THUMB_CBZ, i.rn = (uint8_t)field;
  else if (form == LBPF_THUMB_F_BCOND16 || form == LBPF_THUMB_F_BCOND)
    i.cond = (uint8_t)field;
  return i;
}

void lbpf_jit_emit(struct lbpf_jit_buf *b, const struct lbpf_thumb_insn *i) {
  if (b->status != LBPF_JIT_BUF_OK) return;
  size_t size = form_size(i->form);
  /* the encoder checks validity in bytes mode */
  if (b->code) {
    uint16_t hw[2];
    if (2u * (size_t)lbpf_thumb_encode(i, hw) != size) return fail(b, LBPF_JIT_BUF_INVALID);
    if (b->cap - b->len < size) return fail(b, LBPF_JIT_BUF_FULL);
    uint8_t *at = b->code + b->len;
    at[0] = (uint8_t)hw[0], at[1] = (uint8_t)(hw[0] >> 8);
    if (size == 4) at[2] = (uint8_t)hw[1], at[3] = (uint8_t)(hw[1] >> 8);
  } else if (b->insns && !b->unchecked && !lbpf_thumb_valid(i)) {
    return fail(b, LBPF_JIT_BUF_INVALID);
  }
  if (b->insns) {
    if (b->n >= b->icap) return fail(b, LBPF_JIT_BUF_FULL);
    b->insns[b->n] = *i;
  }
  b->len += size;
  b->n++;
}

void lbpf_jit_branch(struct lbpf_jit_buf *b, const struct lbpf_thumb_insn *i, uint32_t label) {
  if (b->status != LBPF_JIT_BUF_OK) return;
  if (b->nfixups >= b->fcap) return fail(b, LBPF_JIT_BUF_FULL);
  if (label >= LBPF_JIT_FIXUP_LABELS) return fail(b, LBPF_JIT_BUF_UNBOUND);
  unsigned shape = branch_shape(i);
  if (shape == NO_SHAPE) return fail(b, LBPF_JIT_BUF_INVALID);
  struct lbpf_thumb_insn placeholder = *i;
  placeholder.imm = 0;
  b->fixups[b->nfixups] =
      (struct lbpf_jit_fixup){(uint32_t)b->len, label | (uint32_t)shape << SHAPE_SHIFT};
  lbpf_jit_emit(b, &placeholder);
  if (b->status == LBPF_JIT_BUF_OK) b->nfixups++;
}

void lbpf_jit_bind(struct lbpf_jit_buf *b, uint32_t label) {
  if (b->status != LBPF_JIT_BUF_OK) return;
  if (label >= b->nlabels) return fail(b, LBPF_JIT_BUF_UNBOUND);
  b->labels[label] = (uint32_t)b->len;
}
#line 265 "lit/jit-alu.nw"
enum lbpf_jit_buf_status lbpf_jit_resolve(struct lbpf_jit_buf *b) {
  size_t index = 0, at = 0; /* the instructions' walk (instructions mode) */
  for (size_t k = 0; k < b->nfixups && b->status == LBPF_JIT_BUF_OK; k++) {
    const struct lbpf_jit_fixup *f = &b->fixups[k];
    uint32_t label = f->label_shape & (LBPF_JIT_FIXUP_LABELS - 1u);
    if (label >= b->nlabels || b->labels[label] == LBPF_JIT_UNBOUND) {
      fail(b, LBPF_JIT_BUF_UNBOUND);
      break;
    }
    struct lbpf_thumb_insn i = shaped_branch(f->label_shape >> SHAPE_SHIFT);
    i.imm = (int32_t)((int64_t)b->labels[label] - ((int64_t)f->offset + 4));
    if (b->code ? lbpf_thumb_emit(&i, b->code + f->offset, b->cap - f->offset) == 0
                : !lbpf_thumb_valid(&i)) {
      fail(b, LBPF_JIT_BUF_RANGE);
      break;
    }
    if (b->insns) {
      while (at < f->offset)
        at += form_size(b->insns[index++].form);
      b->insns[index] = i;
    }
  }
  return b->status;
}
#line 318 "lit/jit-alu.nw"
struct gen {
  struct lbpf_jit_buf *b;
  uint32_t read_first; /* halves read before the run writes them */
  uint32_t written;    /* halves the run writes */
  uint32_t zero;       /* halves the run has set to 0 and not changed since */
  unsigned nscratch;   /* scratch registers needed */
  uint32_t calls;      /* calls of a run-time routine (64-bit division) */
  uint32_t used;       /* the ARM registers allocated (emitting pass; 0 while planning) */
  /* the ARM register of each half, then of each scratch register */
  uint8_t arm[LBPF_JIT_NHALVES + LBPF_JIT_MAX_SCRATCH];
};

/* A generator writing into b that has read and written nothing yet; its
   registers are the caller's to set. */
static void gen_start(struct gen *g, struct lbpf_jit_buf *b) {
  g->b = b;
  g->read_first = g->written = g->zero = 0;
  g->nscratch = 0;
  g->calls = g->used = 0;
}

static unsigned lo(unsigned r) {
  return 2 * r;
}
static unsigned hi(unsigned r) {
  return 2 * r + 1;
}

/* The ARM register of half h, which the instruction reads. */
static unsigned rd(struct gen *g, unsigned h) {
  if (!(g->written >> h & 1)) g->read_first |= UINT32_C(1) << h;
  return g->arm[h];
}
/* The ARM register of half h, which the instruction writes. */
static unsigned wr(struct gen *g, unsigned h) {
  g->written |= UINT32_C(1) << h;
  g->zero &= ~(UINT32_C(1) << h);
  return g->arm[h];
}
/* Scratch register k (0, 1 or 2). */
static unsigned scratch(struct gen *g, unsigned k) {
  if (k + 1 > g->nscratch) g->nscratch = k + 1;
  return g->arm[LBPF_JIT_NHALVES + k];
}
#line 372 "lit/jit-alu.nw"
#define THUMB(f, o, ...)                                                                           \
  ((struct lbpf_thumb_insn){.form = LBPF_THUMB_F_##f, .op = LBPF_THUMB_##o, __VA_ARGS__})

static void put(struct gen *g, struct lbpf_thumb_insn i) {
  lbpf_jit_emit(g->b, &i);
}

static bool modimm(uint32_t k) {
  uint32_t field;
  return lbpf_thumb_modimm_encode(k, &field);
}
/* rd = rn op (rm shifted by the immediate amount), flags set when s */
static void dp_shifted(struct gen *g, unsigned op, unsigned s, unsigned d, unsigned n, unsigned m,
                       unsigned shift, unsigned amount) {
  put(g, (struct lbpf_thumb_insn){.form = LBPF_THUMB_F_DP_REG,
                                  .op = (uint8_t)op,
                                  .setflags = (uint8_t)s,
                                  .rd = (uint8_t)d,
                                  .rn = (uint8_t)n,
                                  .rm = (uint8_t)m,
                                  .shift = (uint8_t)shift,
                                  .amount = (uint8_t)amount});
}
/* rd = rn op rm */
static void dp(struct gen *g, unsigned op, unsigned s, unsigned d, unsigned n, unsigned m) {
  dp_shifted(g, op, s, d, n, m, LBPF_THUMB_SHIFT_LSL, 0);
}
/* rd = rn op k, k a modified immediate */
static void dp_imm(struct gen *g, unsigned op, unsigned s, unsigned d, unsigned n, uint32_t k) {
  put(g, (struct lbpf_thumb_insn){.form = LBPF_THUMB_F_DP_IMM,
                                  .op = (uint8_t)op,
                                  .setflags = (uint8_t)s,
                                  .rd = (uint8_t)d,
                                  .rn = (uint8_t)n,
                                  .imm = (int32_t)k});
}
static void mov(struct gen *g, unsigned d, unsigned m) {
  if (d != m) put(g, THUMB(MOV_HI, MOV, .rd = (uint8_t)d, .rm = (uint8_t)m));
}
/* rd = rm shifted by the immediate n (LSL 0..31, LSR/ASR 1..32) */
static void shift_imm(struct gen *g, unsigned shift, unsigned d, unsigned m, unsigned amount) {
  dp_shifted(g, LBPF_THUMB_MOV, 0, d, 0, m, shift, amount);
}
/* rd = rn shifted by rm[7:0] (LSL, LSR, ASR) */
static void shift_reg(struct gen *g, unsigned op, unsigned d, unsigned n, unsigned m) {
  put(g, (struct lbpf_thumb_insn){.form = LBPF_THUMB_F_SHIFT_REG,
                                  .op = (uint8_t)op,
                                  .rd = (uint8_t)d,
                                  .rn = (uint8_t)n,
                                  .rm = (uint8_t)m});
}
/* rd = k, in one instruction when k or ~k is a modified immediate, else MOVW
   and, if the top half is not zero, MOVT */
static void load_const(struct gen *g, unsigned d, uint32_t k) {
  if (k <= 255 && (d < 8 || d >= LBPF_JIT_STAND_IN)) /* a stand-in: see the replay */
    put(g, THUMB(MOV_IMM8, MOV, .rd = (uint8_t)d, .imm = (int32_t)k));
  else if (modimm(k))
    dp_imm(g, LBPF_THUMB_MOV, 0, d, 0, k);
  else if (modimm(~k))
    dp_imm(g, LBPF_THUMB_MVN, 0, d, 0, ~k);
  else {
    put(g, THUMB(MOVWT, MOVW, .rd = (uint8_t)d, .imm = (int32_t)(k & 0xffffu)));
    if (k >> 16) put(g, THUMB(MOVWT, MOVT, .rd = (uint8_t)d, .imm = (int32_t)(k >> 16)));
  }
}
/* load or store word rt at [r0, #offset] */
static void ldst(struct gen *g, unsigned op, unsigned t, uint32_t offset) {
  bool narrow = t < 8;
  put(g,
      (struct lbpf_thumb_insn){.form = narrow ? LBPF_THUMB_F_LDST_IMM16 : LBPF_THUMB_F_LDST_IMM12,
                               .op = (uint8_t)op,
                               .rd = (uint8_t)t,
                               .rn = LBPF_JIT_BASE_REG,
                               .imm = (int32_t)offset});
}
static void other(struct gen *g, unsigned op, unsigned d, unsigned m) { /* rev, sxtb, ... */
  unsigned form = op == LBPF_THUMB_REV ? LBPF_THUMB_F_MISC : LBPF_THUMB_F_EXTEND;
  put(g, (struct lbpf_thumb_insn){
             .form = (uint8_t)form, .op = (uint8_t)op, .rd = (uint8_t)d, .rm = (uint8_t)m});
}
static void mul3(struct gen *g, unsigned op, unsigned d, unsigned n, unsigned m, unsigned a) {
  put(g, (struct lbpf_thumb_insn){.form = LBPF_THUMB_F_MUL,
                                  .op = (uint8_t)op,
                                  .rd = (uint8_t)d,
                                  .rn = (uint8_t)n,
                                  .rm = (uint8_t)m,
                                  .ra = (uint8_t)a});
}
#line 451 "lit/jit-alu.nw"
struct operand {
  bool is_imm;
  uint32_t k; /* the immediate, if is_imm */
  unsigned r; /* the register, if not */
};
/* The low word of the source: a register half, or the immediate (loaded
   into scratch 0 unless keep_imm and it is a modified immediate). */
static struct operand src_lo(struct gen *g, struct lbpf_insn in, bool keep_imm) {
  if (in.opcode & LBPF_SRC_X) return (struct operand){false, 0, rd(g, lo(in.src))};
  uint32_t k = (uint32_t)in.imm;
  if (keep_imm && modimm(k)) return (struct operand){true, k, 0};
  unsigned t = scratch(g, 0);
  load_const(g, t, k);
  return (struct operand){false, 0, t};
}
static struct operand src_hi(struct gen *g, struct lbpf_insn in) {
  if (in.opcode & LBPF_SRC_X) return (struct operand){false, 0, rd(g, hi(in.src))};
  return (struct operand){true, in.imm < 0 ? 0xffffffffu : 0, 0};
}
/* rd = rn op operand */
static void dp_op(struct gen *g, unsigned op, unsigned s, unsigned d, unsigned n,
                  struct operand o) {
  if (o.is_imm)
    dp_imm(g, op, s, d, n, o.k);
  else
    dp(g, op, s, d, n, o.r);
}
/* The high word of a 32-bit result is 0: one instruction, unless the run
   has already set it to 0 (a chain of 32-bit operations on one register
   clears it once). */
static void zero_hi(struct gen *g, unsigned r) {
  bool known = g->zero >> hi(r) & 1;
  unsigned rh = wr(g, hi(r));
  if (!known) load_const(g, rh, 0);
  g->zero |= UINT32_C(1) << hi(r);
}
#line 495 "lit/jit-alu.nw"
static unsigned thumb_op_of(uint8_t bpf_op) {
  switch (bpf_op) {
  case LBPF_ALU_ADD: return LBPF_THUMB_ADD;
  case LBPF_ALU_SUB: return LBPF_THUMB_SUB;
  case LBPF_ALU_OR: return LBPF_THUMB_ORR;
  case LBPF_ALU_AND: return LBPF_THUMB_AND;
  default: return LBPF_THUMB_EOR; /* LBPF_ALU_XOR */
  }
}

static void gen_binary(struct gen *g, struct lbpf_insn in, bool is64) {
  uint8_t bop = LBPF_OP(in.opcode);
  unsigned op = thumb_op_of(bop), d = in.dst;
  bool arith = bop == LBPF_ALU_ADD || bop == LBPF_ALU_SUB;
  unsigned dl = rd(g, lo(d));
  struct operand sl = src_lo(g, in, true);
  if (!is64) {
    dp_op(g, op, 0, wr(g, lo(d)), dl, sl);
    zero_hi(g, d);
    return;
  }
  struct operand sh = src_hi(g, in);
  if (arith) {
    unsigned dh = rd(g, hi(d));
    dp_op(g, op, 1, wr(g, lo(d)), dl, sl);
    dp_op(g, op == LBPF_THUMB_ADD ? LBPF_THUMB_ADC : LBPF_THUMB_SBC, 0, wr(g, hi(d)), dh, sh);
    return;
  }
  dp_op(g, op, 0, wr(g, lo(d)), dl, sl);
  if (!sh.is_imm) {
    unsigned dh = rd(g, hi(d));
    dp(g, op, 0, wr(g, hi(d)), dh, sh.r);
  } else if (sh.k == 0 && bop == LBPF_ALU_AND)
    dp_imm(g, LBPF_THUMB_MOV, 0, wr(g, hi(d)), 0, 0);
  else if (sh.k != 0 && bop == LBPF_ALU_OR)
    dp_imm(g, LBPF_THUMB_MOV, 0, wr(g, hi(d)), 0, sh.k);
  else if (sh.k != 0 && bop == LBPF_ALU_XOR) {
    unsigned dh = rd(g, hi(d));
    dp(g, LBPF_THUMB_MVN, 0, wr(g, hi(d)), 0, dh);
  }
}
#line 546 "lit/jit-alu.nw"
static void gen_mul(struct gen *g, struct lbpf_insn in, bool is64) {
  unsigned d = in.dst, dl = rd(g, lo(d));
  struct operand sl = src_lo(g, in, false);
  if (!is64) {
    mul3(g, LBPF_THUMB_MUL, wr(g, lo(d)), dl, sl.r, 0);
    zero_hi(g, d);
    return;
  }
  unsigned dh = rd(g, hi(d));
  struct operand sh = src_hi(g, in);
  unsigned plo = scratch(g, 1), phi = scratch(g, 2);
  put(g, THUMB(MULL, UMULL, .rd = (uint8_t)plo, .ra = (uint8_t)phi, .rn = (uint8_t)dl,
               .rm = (uint8_t)sl.r));
  if (!sh.is_imm) mul3(g, LBPF_THUMB_MLA, phi, dl, sh.r, phi);
  mul3(g, LBPF_THUMB_MLA, wr(g, hi(d)), dh, sl.r, phi);
  if (sh.is_imm && sh.k) dp(g, LBPF_THUMB_SUB, 0, wr(g, hi(d)), dh, dl); /* dh: the new high word */
  mov(g, wr(g, lo(d)), plo);
}
#line 574 "lit/jit-alu.nw"
static void gen_div(struct gen *g, struct lbpf_insn in) {
  unsigned d = in.dst, dl = rd(g, lo(d));
  struct operand s = src_lo(g, in, false);
  uint8_t div = in.offset == 1 ? LBPF_THUMB_SDIV : LBPF_THUMB_UDIV;
  if (LBPF_OP(in.opcode) == LBPF_ALU_DIV) {
    put(g, (struct lbpf_thumb_insn){.form = LBPF_THUMB_F_DIV,
                                    .op = div,
                                    .rd = (uint8_t)wr(g, lo(d)),
                                    .rn = (uint8_t)dl,
                                    .rm = (uint8_t)s.r});
  } else {
    unsigned q = scratch(g, 1);
    put(g, (struct lbpf_thumb_insn){.form = LBPF_THUMB_F_DIV,
                                    .op = div,
                                    .rd = (uint8_t)q,
                                    .rn = (uint8_t)dl,
                                    .rm = (uint8_t)s.r});
    mul3(g, LBPF_THUMB_MLS, wr(g, lo(d)), q, s.r, dl);
  }
  zero_hi(g, d);
}
#line 653 "lit/jit-alu.nw"
const lbpf_jit_routine lbpf_jit_div64_routines[LBPF_JIT_NROUTINES] = {
    lbpf_spec_udiv64, lbpf_spec_umod64, lbpf_spec_sdiv64, lbpf_spec_smod64};
#line 669 "lit/jit-alu.nw"
static uint32_t routine_address(unsigned k) {
#if LBPF_HAVM_NATIVE
  return (uint32_t)(uintptr_t)lbpf_jit_div64_routines[k]; /* its Thumb bit set */
#else
  return (LBPF_JIT_MODEL_GATE + 4u * k) | 1u;
#endif
}

static void frame(struct gen *g, uint32_t list, bool push);
static unsigned popcount32(uint32_t x);

#define CLOBBERED                                                                                  \
  (UINT32_C(1) << 1 | UINT32_C(1) << 2 | UINT32_C(1) << 3 | UINT32_C(1) << 12 |                    \
   UINT32_C(1) << LBPF_THUMB_LR)
/* Registers saved around a call: r0, those of the pool the call may
   clobber, and one more (the first free of r1-r3, r12, lr) if that keeps
   the count even. */
static uint32_t around_list(const struct gen *g) {
  uint32_t list = UINT32_C(1) << LBPF_JIT_BASE_REG | (g->used & CLOBBERED);
  for (unsigned r = 1; popcount32(list) % 2; r = r == 3 ? 12 : r == 12 ? LBPF_THUMB_LR : r + 1)
    list |= UINT32_C(1) << r;
  return list;
}
/* Copy ARM register r to a (a below 4) or a to r, through r's saved word
   when the call clobbers r (never a planning pass's stand-in, above lr). */
static void through(struct gen *g, uint32_t list, unsigned a, unsigned r, bool to_a) {
  if (r > LBPF_THUMB_LR || !(list >> r & 1)) {
    if (to_a)
      mov(g, a, r);
    else
      mov(g, r, a);
    return;
  }
  uint32_t slot = 4u * popcount32(list & ((UINT32_C(1) << r) - 1));
  put(g, (struct lbpf_thumb_insn){.form = LBPF_THUMB_F_LDST_SP16,
                                  .op = to_a ? LBPF_THUMB_LDR : LBPF_THUMB_STR,
                                  .rd = (uint8_t)a,
                                  .rn = LBPF_THUMB_SP,
                                  .imm = (int32_t)slot});
}

/* Save (push) or restore the registers of list around a call; the empty
   list, planning's placeholder, is a push or pop of nothing. */
static void around_frame(struct gen *g, uint32_t list, bool push) {
  if (list) return frame(g, list, push);
  put(g, (struct lbpf_thumb_insn){.form = LBPF_THUMB_F_PUSHPOP16,
                                  .op = push ? LBPF_THUMB_PUSH : LBPF_THUMB_POP});
}

/* The dividend's halves go to r0, r1, the divisor's to r2, r3. */
static void gen_div64(struct gen *g, struct lbpf_insn in) {
  const unsigned pairs[4] = {lo(in.dst), hi(in.dst), lo(in.src), hi(in.src)};
  unsigned k = 2u * (in.offset == 1) + (LBPF_OP(in.opcode) == LBPF_ALU_MOD);
  bool x = in.opcode & LBPF_SRC_X;
  /* planning (stand-ins): the placeholder, which the replay completes */
  uint32_t list = g->arm[lo(in.dst)] >= LBPF_JIT_STAND_IN ? 0 : around_list(g);
  around_frame(g, list, true);
  for (unsigned a = 0; a < (x ? 4u : 2u); a++)
    through(g, list, a, rd(g, pairs[a]), true);
  if (!x) {
    load_const(g, 2, (uint32_t)in.imm);
    load_const(g, 3, in.imm < 0 ? 0xffffffffu : 0);
  }
  load_const(g, 12, routine_address(k));
  put(g, THUMB(BX, BLX, .rm = 12));
  for (unsigned a = 0; a < 2; a++)
    through(g, list, a, wr(g, pairs[a]), false);
  around_frame(g, list, false);
  g->calls++;
}
#line 744 "lit/jit-alu.nw"
static void gen_shift64_imm(struct gen *g, uint8_t bop, unsigned d, unsigned n) {
  if (n == 0) return;
  unsigned dl = rd(g, lo(d)), dh;
  if (bop == LBPF_ALU_LSH) {
    if (n < 32) {
      dh = rd(g, hi(d));
      shift_imm(g, LBPF_THUMB_SHIFT_LSL, wr(g, hi(d)), dh, n);
      dp_shifted(g, LBPF_THUMB_ORR, 0, wr(g, hi(d)), dh, dl, LBPF_THUMB_SHIFT_LSR, 32 - n);
      shift_imm(g, LBPF_THUMB_SHIFT_LSL, wr(g, lo(d)), dl, n);
    } else {
      shift_imm(g, LBPF_THUMB_SHIFT_LSL, wr(g, hi(d)), dl, n - 32);
      dp_imm(g, LBPF_THUMB_MOV, 0, wr(g, lo(d)), 0, 0);
    }
    return;
  }
  unsigned right = bop == LBPF_ALU_RSH ? LBPF_THUMB_SHIFT_LSR : LBPF_THUMB_SHIFT_ASR;
  dh = rd(g, hi(d));
  if (n < 32) {
    shift_imm(g, LBPF_THUMB_SHIFT_LSR, wr(g, lo(d)), dl, n);
    dp_shifted(g, LBPF_THUMB_ORR, 0, wr(g, lo(d)), dl, dh, LBPF_THUMB_SHIFT_LSL, 32 - n);
    shift_imm(g, right, wr(g, hi(d)), dh, n);
  } else {
    if (n == 32)
      mov(g, wr(g, lo(d)), dh);
    else
      shift_imm(g, right, wr(g, lo(d)), dh, n - 32);
    if (right == LBPF_THUMB_SHIFT_LSR)
      dp_imm(g, LBPF_THUMB_MOV, 0, wr(g, hi(d)), 0, 0);
    else
      shift_imm(g, LBPF_THUMB_SHIFT_ASR, wr(g, hi(d)), dh, 32);
  }
}
#line 789 "lit/jit-alu.nw"
static void gen_shift64_reg(struct gen *g, uint8_t bop, unsigned d, unsigned amount) {
  unsigned dl = rd(g, lo(d)), dh = rd(g, hi(d)), t = scratch(g, 1);
  unsigned lsl = LBPF_THUMB_LSL, lsr = LBPF_THUMB_LSR;
  if (bop == LBPF_ALU_LSH) {
    shift_reg(g, lsl, wr(g, hi(d)), dh, amount);
    dp_imm(g, LBPF_THUMB_RSB, 0, t, amount, 32);
    shift_reg(g, lsr, t, dl, t);
    dp(g, LBPF_THUMB_ORR, 0, wr(g, hi(d)), dh, t);
    dp_imm(g, LBPF_THUMB_SUB, 0, t, amount, 32);
    shift_reg(g, lsl, t, dl, t);
    dp(g, LBPF_THUMB_ORR, 0, wr(g, hi(d)), dh, t);
    shift_reg(g, lsl, wr(g, lo(d)), dl, amount);
    return;
  }
  shift_reg(g, lsr, wr(g, lo(d)), dl, amount);
  dp_imm(g, LBPF_THUMB_RSB, 0, t, amount, 32);
  shift_reg(g, lsl, t, dh, t);
  dp(g, LBPF_THUMB_ORR, 0, wr(g, lo(d)), dl, t);
  dp_imm(g, LBPF_THUMB_SUB, 0, t, amount, 32);
  if (bop == LBPF_ALU_RSH) {
    shift_reg(g, lsr, t, dh, t);
    dp(g, LBPF_THUMB_ORR, 0, wr(g, lo(d)), dl, t);
    shift_reg(g, lsr, wr(g, hi(d)), dh, amount);
    return;
  }
  unsigned u = scratch(g, 2);
  shift_reg(g, LBPF_THUMB_ASR, u, dh, t);       /* dh asr (n - 32), or the sign */
  shift_imm(g, LBPF_THUMB_SHIFT_ASR, t, t, 31); /* m: all ones when n < 32 */
  dp(g, LBPF_THUMB_AND, 0, wr(g, lo(d)), dl, t);
  dp(g, LBPF_THUMB_BIC, 0, u, u, t);
  dp(g, LBPF_THUMB_ORR, 0, wr(g, lo(d)), dl, u);
  shift_reg(g, LBPF_THUMB_ASR, wr(g, hi(d)), dh, amount);
}

static void gen_shift(struct gen *g, struct lbpf_insn in, bool is64) {
  uint8_t bop = LBPF_OP(in.opcode);
  unsigned d = in.dst, width = is64 ? 64 : 32;
  bool x = in.opcode & LBPF_SRC_X;
  if (is64 && !x) return gen_shift64_imm(g, bop, d, (uint32_t)in.imm & 63);
  unsigned amount = 0;
  if (x) { /* read the source before the destination is written */
    unsigned s = rd(g, lo(in.src));
    amount = scratch(g, 0);
    dp_imm(g, LBPF_THUMB_AND, 0, amount, s, width - 1);
  }
  if (is64) return gen_shift64_reg(g, bop, d, amount);
  unsigned dl = rd(g, lo(d));
  unsigned op = bop == LBPF_ALU_LSH   ? LBPF_THUMB_LSL
                : bop == LBPF_ALU_RSH ? LBPF_THUMB_LSR
                                      : LBPF_THUMB_ASR;
  if (x)
    shift_reg(g, op, wr(g, lo(d)), dl, amount);
  else {
    unsigned n = (uint32_t)in.imm & 31;
    if (n == 0)
      mov(g, wr(g, lo(d)), dl);
    else
      shift_imm(g, op - LBPF_THUMB_LSL, wr(g, lo(d)), dl, n);
  }
  zero_hi(g, d);
}
#line 858 "lit/jit-alu.nw"
static void gen_neg(struct gen *g, struct lbpf_insn in, bool is64) {
  unsigned d = in.dst, dl = rd(g, lo(d));
  if (!is64) {
    dp_imm(g, LBPF_THUMB_RSB, 0, wr(g, lo(d)), dl, 0);
    zero_hi(g, d);
    return;
  }
  unsigned dh = rd(g, hi(d));
  dp_imm(g, LBPF_THUMB_RSB, 1, wr(g, lo(d)), dl, 0);
  dp(g, LBPF_THUMB_MVN, 0, wr(g, hi(d)), 0, dh);
  dp_imm(g, LBPF_THUMB_ADC, 0, wr(g, hi(d)), dh, 0);
}
#line 876 "lit/jit-alu.nw"
static void gen_mov(struct gen *g, struct lbpf_insn in, bool is64) {
  unsigned d = in.dst;
  if (!(in.opcode & LBPF_SRC_X)) {
    load_const(g, wr(g, lo(d)), (uint32_t)in.imm);
    if (is64)
      load_const(g, wr(g, hi(d)), in.imm < 0 ? 0xffffffffu : 0);
    else
      zero_hi(g, d);
    return;
  }
  unsigned s = in.src, sl = rd(g, lo(s));
  if (in.offset == 0 && is64) {
    unsigned sh = rd(g, hi(s));
    mov(g, wr(g, lo(d)), sl);
    mov(g, wr(g, hi(d)), sh);
    return;
  }
  unsigned dl = wr(g, lo(d));
  if (in.offset == 8)
    other(g, LBPF_THUMB_SXTB, dl, sl);
  else if (in.offset == 16)
    other(g, LBPF_THUMB_SXTH, dl, sl);
  else
    mov(g, dl, sl);
  if (is64)
    shift_imm(g, LBPF_THUMB_SHIFT_ASR, wr(g, hi(d)), dl, 32);
  else
    zero_hi(g, d);
}
#line 907 "lit/jit-alu.nw"
static void gen_end(struct gen *g, struct lbpf_insn in, bool is64) {
  unsigned d = in.dst, width = (uint32_t)in.imm;
  bool swap = is64 || (in.opcode & LBPF_SRC_X);
  if (!swap) {
    if (width == 64) return;
    if (width == 16) {
      unsigned dl = rd(g, lo(d));
      other(g, LBPF_THUMB_UXTH, wr(g, lo(d)), dl);
    }
    zero_hi(g, d);
    return;
  }
  unsigned dl = rd(g, lo(d));
  if (width == 64) {
    unsigned dh = rd(g, hi(d)), t = scratch(g, 0);
    other(g, LBPF_THUMB_REV, t, dl);
    other(g, LBPF_THUMB_REV, wr(g, lo(d)), dh);
    mov(g, wr(g, hi(d)), t);
    return;
  }
  other(g, LBPF_THUMB_REV, wr(g, lo(d)), dl);
  if (width == 16) shift_imm(g, LBPF_THUMB_SHIFT_LSR, wr(g, lo(d)), dl, 16);
  zero_hi(g, d);
}
#line 937 "lit/jit-alu.nw"
/* The code of the ALU-run instruction at pc; the slots it covers. */
static uint32_t gen_insn(struct gen *g, const struct lbpf_program *prog, uint32_t pc) {
  struct lbpf_insn in = lbpf_program_insn(prog, pc);
  if (lbpf_is_lddw(in.opcode)) {
    load_const(g, wr(g, lo(in.dst)), (uint32_t)in.imm);
    load_const(g, wr(g, hi(in.dst)), (uint32_t)lbpf_program_insn(prog, pc + 1).imm);
    return 2;
  }
  bool is64 = LBPF_CLASS(in.opcode) == LBPF_CLASS_ALU64;
  switch (LBPF_OP(in.opcode)) {
  case LBPF_ALU_MUL: gen_mul(g, in, is64); break;
  case LBPF_ALU_DIV:
  case LBPF_ALU_MOD:
    if (is64)
      gen_div64(g, in);
    else
      gen_div(g, in);
    break;
  case LBPF_ALU_LSH:
  case LBPF_ALU_RSH:
  case LBPF_ALU_ARSH: gen_shift(g, in, is64); break;
  case LBPF_ALU_NEG: gen_neg(g, in, is64); break;
  case LBPF_ALU_MOV: gen_mov(g, in, is64); break;
  case LBPF_ALU_END: gen_end(g, in, is64); break;
  default: gen_binary(g, in, is64); break; /* add, sub, or, and, xor */
  }
  return 1;
}
#line 976 "lit/jit-alu.nw"
static bool is_div64(struct lbpf_insn in) {
  uint8_t op = LBPF_OP(in.opcode);
  return LBPF_CLASS(in.opcode) == LBPF_CLASS_ALU64 && (op == LBPF_ALU_DIV || op == LBPF_ALU_MOD);
}

/* The slots of in, the instruction at pc, in a run; calls: may it call a
   routine?  Only the arithmetic classes and lddw have forms of a run (the
   test "run classes" checks the instruction table), so no other instruction
   is looked up in the table. */
static uint32_t insn_run_slots(const struct lbpf_program *prog, uint32_t pc, struct lbpf_insn in,
                               bool calls) {
  uint8_t cls = LBPF_CLASS(in.opcode);
  if (cls != LBPF_CLASS_ALU && cls != LBPF_CLASS_ALU64 && !lbpf_is_lddw(in.opcode)) return 0;
  const struct lbpf_form *form = lbpf_form_of(in);
  if (!form) return 0;
  if (lbpf_form_is_lddw(form)) return pc + 1 < prog->ninsns ? 2 : 0;
  if (!lbpf_form_in_alu_run(form)) return 0;
  return calls || !is_div64(in) ? 1 : 0;
}
static uint32_t run_slots(const struct lbpf_program *prog, uint32_t pc, bool calls) {
  return pc < prog->ninsns ? insn_run_slots(prog, pc, lbpf_program_insn(prog, pc), calls) : 0;
}

uint32_t lbpf_jit_insn_run_slots(const struct lbpf_program *prog, uint32_t pc,
                                 struct lbpf_insn in) {
  return insn_run_slots(prog, pc, in, true);
}

uint32_t lbpf_jit_alu_slots(const struct lbpf_program *prog, uint32_t pc) {
  return run_slots(prog, pc, false);
}

uint32_t lbpf_jit_run_slots(const struct lbpf_program *prog, uint32_t pc) {
  return run_slots(prog, pc, true);
}
#line 1028 "lit/jit-alu.nw"
static unsigned popcount32(uint32_t x) {
  x = x - (x >> 1 & 0x55555555u);
  x = (x & 0x33333333u) + (x >> 2 & 0x33333333u);
  x = (x + (x >> 4)) & 0x0f0f0f0fu;
  return (unsigned)((x * 0x01010101u) >> 24);
}
static unsigned registers_needed(const struct lbpf_jit_plan *p) {
  return popcount32(p->read_first | p->written) + p->nscratch;
}

void lbpf_jit_plan_init(struct lbpf_jit_plan *p) {
  *p = (struct lbpf_jit_plan){0};
}

/* One instruction more for the plan p; its body is counted, or recorded in
   rec when rec is not NULL.  False, p and rec unchanged, if the run no
   longer fits the pool (or the record). */
static bool plan_step(struct lbpf_jit_plan *p, struct lbpf_jit_record *rec,
                      const struct lbpf_program *prog, uint32_t pc) {
  /* distinct stand-ins for the registers not yet allocated, so that the
     shapes (a move of a register to itself is nothing) are those of the
     emitting pass; a counting or recording buffer checks no register */
  static const uint8_t stand_ins[LBPF_JIT_NHALVES + LBPF_JIT_MAX_SCRATCH] = {
      16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
      29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40};
  _Static_assert(LBPF_JIT_NHALVES == 22 && LBPF_JIT_MAX_SCRATCH == 3 && LBPF_JIT_STAND_IN == 16,
                 "one stand-in each, from LBPF_JIT_STAND_IN on, halves first");
  struct lbpf_jit_buf count; /* no arrays: it counts */
  struct lbpf_jit_buf *b = rec ? &rec->buf : &count;
  if (!rec) lbpf_jit_buf_init(&count, NULL, 0, NULL, 0, NULL, 0, NULL, 0);
  struct gen g;
  gen_start(&g, b);
  memcpy(g.arm, stand_ins, sizeof g.arm);
  g.read_first = p->read_first, g.written = p->written, g.zero = p->zero, g.nscratch = p->nscratch;
  g.calls = p->calls;
  size_t n = b->n, len = b->len;
  gen_insn(&g, prog, pc);
  struct lbpf_jit_plan next = {
      g.read_first, g.written, g.zero, g.nscratch, p->body + (uint32_t)(b->n - n),
      p->insns + 1, g.calls};
  if (b->status != LBPF_JIT_BUF_OK || registers_needed(&next) > LBPF_JIT_POOL_SIZE) {
    b->n = n, b->len = len, b->status = LBPF_JIT_BUF_OK; /* the record as it was */
    return false;
  }
  *p = next;
  return true;
}

bool lbpf_jit_plan_insn(struct lbpf_jit_plan *p, const struct lbpf_program *prog, uint32_t pc) {
  return plan_step(p, NULL, prog, pc);
}

void lbpf_jit_record_init(struct lbpf_jit_record *rec) {
  lbpf_jit_buf_init(&rec->buf, NULL, 0, rec->insns, LBPF_JIT_RECORD_MAX, NULL, 0, NULL, 0);
  rec->buf.unchecked = true;
}

bool lbpf_jit_plan_record(struct lbpf_jit_plan *p, struct lbpf_jit_record *rec,
                          const struct lbpf_program *prog, uint32_t pc) {
  return plan_step(p, rec, prog, pc);
}
#line 1097 "lit/jit-alu.nw"
static uint32_t saved_list(const struct lbpf_jit_plan *p) {
  uint32_t list = 0;
  for (unsigned k = registers_needed(p); k-- > LBPF_JIT_POOL_CLOBBERED;)
    list |= UINT32_C(1) << lbpf_jit_pool[k]; /* r4-r11, lr: callee-saved */
  if (p->calls) {
    list |= UINT32_C(1) << LBPF_THUMB_LR; /* the return address, which blx overwrites */
    if (popcount32(list) % 2) list |= UINT32_C(1) << 1; /* sp 8-byte aligned at the call */
  }
  return list;
}

bool lbpf_jit_plan_saves(const struct lbpf_jit_plan *p) {
  return saved_list(p) != 0;
}

uint32_t lbpf_jit_plan_cost(const struct lbpf_jit_plan *p) {
  uint32_t frame = saved_list(p) ? 2 : 0;
  return p->body + popcount32(p->read_first) + popcount32(p->written) + frame + 1;
}

bool lbpf_jit_plan_run(struct lbpf_jit_plan *p, const struct lbpf_program *prog, uint32_t pc,
                       uint32_t len) {
  lbpf_jit_plan_init(p);
  for (uint32_t k = 0; k < len;) {
    uint32_t slots = lbpf_jit_run_slots(prog, pc + k);
    if (slots == 0 || k + slots > len || !lbpf_jit_plan_insn(p, prog, pc + k)) return false;
    k += slots;
  }
  return true;
}
#line 1136 "lit/jit-alu.nw"
static void frame(struct gen *g, uint32_t list, bool push) {
  if (!list) return;
  uint32_t narrow = push ? 0xffu | UINT32_C(1) << LBPF_THUMB_LR : 0xffu;
  if (!(list & ~narrow))
    put(g, (struct lbpf_thumb_insn){.form = LBPF_THUMB_F_PUSHPOP16,
                                    .op = push ? LBPF_THUMB_PUSH : LBPF_THUMB_POP,
                                    .reglist = (uint16_t)list});
  else
    put(g, (struct lbpf_thumb_insn){.form = LBPF_THUMB_F_LDMSTM,
                                    .op = push ? LBPF_THUMB_STMDB : LBPF_THUMB_LDM,
                                    .rn = LBPF_THUMB_SP,
                                    .writeback = 1,
                                    .reglist = (uint16_t)list});
}

bool lbpf_jit_alu_gen(const struct lbpf_program *prog, uint32_t pc, uint32_t len,
                      struct lbpf_jit_buf *b) {
  struct lbpf_jit_plan p;
  if (len == 0 || !lbpf_jit_plan_run(&p, prog, pc, len)) return false;
  return lbpf_jit_alu_gen_planned(prog, pc, len, &p, b);
}

/* The index of the lowest bit set in x (not 0). */
static unsigned lowest_bit(uint32_t x) {
  return (unsigned)__builtin_ctz(x);
}

/* Allocate the pool to the plan's halves and scratch registers; save and
   load; the registers saved. */
static uint32_t prologue(struct gen *g, const struct lbpf_jit_plan *p) {
  unsigned next = 0;
  for (uint32_t x = p->read_first | p->written; x; x &= x - 1) /* each half touched, in order */
    g->arm[lowest_bit(x)] = lbpf_jit_pool[next++];
  for (unsigned k = 0; k < p->nscratch; k++)
    g->arm[LBPF_JIT_NHALVES + k] = lbpf_jit_pool[next++];
  for (unsigned k = 0; k < next; k++)
    g->used |= UINT32_C(1) << lbpf_jit_pool[k];
  uint32_t list = saved_list(p);
  frame(g, list, true);
  for (uint32_t x = p->read_first; x; x &= x - 1) {
    unsigned h = lowest_bit(x);
    ldst(g, LBPF_THUMB_LDR, g->arm[h], 4u * h);
  }
  return list;
}
/* Store, restore the registers saved (list), return. */
static bool epilogue(struct gen *g, const struct lbpf_jit_plan *p, uint32_t list) {
  for (uint32_t x = p->written; x; x &= x - 1) {
    unsigned h = lowest_bit(x);
    ldst(g, LBPF_THUMB_STR, g->arm[h], 4u * h);
  }
  frame(g, list, false);
  put(g, THUMB(BX, BX, .rm = LBPF_THUMB_LR));
  return g->b->status == LBPF_JIT_BUF_OK;
}

bool lbpf_jit_alu_gen_planned(const struct lbpf_program *prog, uint32_t pc, uint32_t len,
                              const struct lbpf_jit_plan *plan, struct lbpf_jit_buf *b) {
  struct gen g;
  gen_start(&g, b);
  uint32_t list = prologue(&g, plan);
  for (uint32_t k = 0; k < len;)
    k += gen_insn(&g, prog, pc + k);
  return epilogue(&g, plan, list);
}
#line 1234 "lit/jit-alu.nw"
/* Write the record out, each stand-in replaced by its register in g->arm. */
static void replay(struct gen *g, const struct lbpf_jit_record *rec) {
  const uint8_t *to = g->arm; /* stand-in LBPF_JIT_STAND_IN + x is allocated to[x] */
  uint32_t around = 0;        /* in a division's call: the registers saved around it */
  for (size_t k = 0; k < rec->buf.n; k++) {
    struct lbpf_thumb_insn i = rec->insns[k];
    if (i.form == LBPF_THUMB_F_PUSHPOP16 && i.reglist == 0) { /* a call's placeholder */
      bool push = i.op == LBPF_THUMB_PUSH;
      if (push) around = around_list(g);
      frame(g, around, push);
      if (!push) around = 0;
      continue;
    }
    if (around && i.form == LBPF_THUMB_F_MOV_HI) { /* an operand or the result */
      bool to_a = i.rm >= LBPF_JIT_STAND_IN;
      through(g, around, to_a ? i.rd : i.rm, to[(to_a ? i.rm : i.rd) - LBPF_JIT_STAND_IN], to_a);
      continue;
    }
    if (i.rd >= LBPF_JIT_STAND_IN) i.rd = to[i.rd - LBPF_JIT_STAND_IN];
    if (i.form == LBPF_THUMB_F_MOV_IMM8) {
      load_const(g, i.rd, (uint32_t)i.imm);
      continue;
    }
    if (i.rn >= LBPF_JIT_STAND_IN) i.rn = to[i.rn - LBPF_JIT_STAND_IN];
    if (i.rm >= LBPF_JIT_STAND_IN) i.rm = to[i.rm - LBPF_JIT_STAND_IN];
    if (i.ra >= LBPF_JIT_STAND_IN) i.ra = to[i.ra - LBPF_JIT_STAND_IN];
    lbpf_jit_emit(g->b, &i);
  }
}

bool lbpf_jit_alu_gen_recorded(const struct lbpf_jit_plan *plan, const struct lbpf_jit_record *rec,
                               struct lbpf_jit_buf *b) {
  if (rec->buf.n != plan->body) return false;
  struct gen g;
  gen_start(&g, b);
  uint32_t list = prologue(&g, plan);
  replay(&g, rec);
  return epilogue(&g, plan, list);
}
#line 1286 "lit/jit-alu.nw"
bool lbpf_jit_alu_gen_insn(const struct lbpf_program *prog, uint32_t pc,
                           const uint8_t arm[LBPF_JIT_NHALVES],
                           const uint8_t tmp[LBPF_JIT_MAX_SCRATCH], uint32_t zero,
                           struct lbpf_jit_buf *b) {
  struct gen g;
  gen_start(&g, b);
  g.zero = zero;
  memcpy(g.arm, arm, LBPF_JIT_NHALVES);
  memcpy(g.arm + LBPF_JIT_NHALVES, tmp, LBPF_JIT_MAX_SCRATCH);
  gen_insn(&g, prog, pc);
  return b->status == LBPF_JIT_BUF_OK;
}

bool lbpf_jit_alu_gen_insn_recorded(const struct lbpf_jit_record *rec,
                                    const uint8_t arm[LBPF_JIT_NHALVES],
                                    const uint8_t tmp[LBPF_JIT_MAX_SCRATCH],
                                    struct lbpf_jit_buf *b) {
  struct gen g;
  gen_start(&g, b);
  memcpy(g.arm, arm, LBPF_JIT_NHALVES);
  memcpy(g.arm + LBPF_JIT_NHALVES, tmp, LBPF_JIT_MAX_SCRATCH);
  replay(&g, rec);
  return b->status == LBPF_JIT_BUF_OK;
}
#line 1315 "lit/jit-alu.nw"
size_t lbpf_jit_alu_model(const struct lbpf_program *prog, uint32_t pc, uint32_t len,
                          struct lbpf_thumb_insn *out, size_t cap) {
  struct lbpf_jit_buf b;
  lbpf_jit_buf_init(&b, NULL, 0, out, cap, NULL, 0, NULL, 0);
  return lbpf_jit_alu_gen(prog, pc, len, &b) ? b.n : 0;
}
