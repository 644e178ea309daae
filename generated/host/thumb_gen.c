#line 1797 "lit/thumb-isa.nw"
/* Random valid Thumb-2 instructions, for the oracles. */
#include "lbpf_thumb.h"
#include <string.h>

#line 268 "lit/thumb-isa.nw"
static inline bool op_in(unsigned op, unsigned a, unsigned b) {
  return op >= a && op <= b;
}
static inline bool is_move(unsigned op) {
  return op == LBPF_THUMB_MOV || op == LBPF_THUMB_MVN;
}
static inline bool is_compare(unsigned op) {
  return op_in(op, LBPF_THUMB_TST, LBPF_THUMB_CMP);
}
#line 1578 "lit/thumb-isa.nw"
uint64_t lbpf_thumb_rand(uint64_t *state) {
  uint64_t x = *state ? *state : 0x9e3779b97f4a7c15u;
  x ^= x << 13, x ^= x >> 7, x ^= x << 17;
  return *state = x;
}
static unsigned pick(uint64_t *s, unsigned n) {
  return (unsigned)(lbpf_thumb_rand(s) % n);
}
/* An immediate in [lo, hi] that is a multiple of step, often an edge. */
static int32_t imm_in(uint64_t *s, int32_t lo_, int32_t hi, int32_t step) {
  uint32_t n = (uint32_t)((hi - lo_) / step) + 1;
  switch (pick(s, 8)) {
  case 0: return lo_;
  case 1: return hi;
  case 2: return lo_ + step * (int32_t)pick(s, n < 4 ? n : 4);
  case 3: return hi - step * (int32_t)pick(s, n < 4 ? n : 4);
  default: return lo_ + step * (int32_t)(lbpf_thumb_rand(s) % n);
  }
}
static unsigned pick_of(uint64_t *s, const uint8_t *ops, unsigned n) {
  return ops[pick(s, n)];
}
#define PICK(s, ...) pick_of(s, (const uint8_t[]){__VA_ARGS__}, sizeof((uint8_t[]){__VA_ARGS__}))
#line 1600 "lit/thumb-isa.nw"
static void draw(uint64_t *s, unsigned form, struct lbpf_thumb_insn *i) {
  memset(i, 0, sizeof *i);
  i->form = (uint8_t)form;
  unsigned r = pick(s, 16), r2 = pick(s, 16), r3 = pick(s, 16), r4 = pick(s, 16);
  unsigned l = pick(s, 8), l2 = pick(s, 8), l3 = pick(s, 8);
  switch (form) {

#line 1622 "lit/thumb-isa.nw"
  case LBPF_THUMB_F_SHIFT_IMM16:
    i->op = LBPF_THUMB_MOV, i->rd = (uint8_t)l, i->rm = (uint8_t)l2, i->shift = (uint8_t)pick(s, 3);
    i->amount = (uint8_t)(i->shift ? imm_in(s, 1, 32, 1) : imm_in(s, 0, 31, 1));
    break;
  case LBPF_THUMB_F_ADDSUB_REG16:
    i->op = (uint8_t)PICK(s, LBPF_THUMB_ADD, LBPF_THUMB_SUB), i->rd = (uint8_t)l,
    i->rn = (uint8_t)l2, i->rm = (uint8_t)l3;
    break;
  case LBPF_THUMB_F_ADDSUB_IMM3:
    i->op = (uint8_t)PICK(s, LBPF_THUMB_ADD, LBPF_THUMB_SUB), i->rd = (uint8_t)l,
    i->rn = (uint8_t)l2, i->imm = imm_in(s, 0, 7, 1);
    break;
  case LBPF_THUMB_F_MOV_IMM8:
    i->op = LBPF_THUMB_MOV, i->rd = (uint8_t)l, i->imm = imm_in(s, 0, 255, 1);
    break;
  case LBPF_THUMB_F_CMP_IMM8:
    i->op = LBPF_THUMB_CMP, i->setflags = 1, i->rn = (uint8_t)l, i->imm = imm_in(s, 0, 255, 1);
    break;
  case LBPF_THUMB_F_ADDSUB_IMM8:
    i->op = (uint8_t)PICK(s, LBPF_THUMB_ADD, LBPF_THUMB_SUB), i->rd = i->rn = (uint8_t)l,
    i->imm = imm_in(s, 0, 255, 1);
    break;
  case LBPF_THUMB_F_DP_REG16:
    i->op = (uint8_t)PICK(s, LBPF_THUMB_AND, LBPF_THUMB_EOR, LBPF_THUMB_LSL, LBPF_THUMB_LSR,
                          LBPF_THUMB_ASR, LBPF_THUMB_ADC, LBPF_THUMB_SBC, LBPF_THUMB_ROR,
                          LBPF_THUMB_TST, LBPF_THUMB_RSB, LBPF_THUMB_CMP, LBPF_THUMB_CMN,
                          LBPF_THUMB_ORR, LBPF_THUMB_MUL, LBPF_THUMB_BIC, LBPF_THUMB_MVN);
    i->rd = (uint8_t)l, i->rn = (uint8_t)l2, i->rm = (uint8_t)l3;
    if (is_compare(i->op))
      i->rd = 0, i->setflags = 1;
    else if (i->op == LBPF_THUMB_MVN)
      i->rn = 0;
    else if (i->op == LBPF_THUMB_RSB)
      i->rm = 0;
    else if (i->op == LBPF_THUMB_MUL)
      i->rm = i->rd;
    else
      i->rn = i->rd;
    break;
  case LBPF_THUMB_F_ADD_HI:
    i->op = LBPF_THUMB_ADD, i->rd = i->rn = (uint8_t)r, i->rm = (uint8_t)r2;
    break;
  case LBPF_THUMB_F_CMP_HI:
    i->op = LBPF_THUMB_CMP, i->setflags = 1, i->rn = (uint8_t)r, i->rm = (uint8_t)r2;
    break;
  case LBPF_THUMB_F_MOV_HI: i->op = LBPF_THUMB_MOV, i->rd = (uint8_t)r, i->rm = (uint8_t)r2; break;
  case LBPF_THUMB_F_BX:
    i->op = (uint8_t)PICK(s, LBPF_THUMB_BX, LBPF_THUMB_BLX), i->rm = (uint8_t)r;
    break;
  case LBPF_THUMB_F_LDST_REG16:
    i->op = (uint8_t)(LBPF_THUMB_LDR + pick(s, 8)), i->rd = (uint8_t)l, i->rn = (uint8_t)l2,
    i->rm = (uint8_t)l3;
    break;
  case LBPF_THUMB_F_LDST_IMM16: {
    i->op = (uint8_t)PICK(s, LBPF_THUMB_LDR, LBPF_THUMB_LDRB, LBPF_THUMB_LDRH, LBPF_THUMB_STR,
                          LBPF_THUMB_STRB, LBPF_THUMB_STRH);
    int32_t size = i->op == LBPF_THUMB_LDR || i->op == LBPF_THUMB_STR     ? 4
                   : i->op == LBPF_THUMB_LDRH || i->op == LBPF_THUMB_STRH ? 2
                                                                          : 1;
    i->rd = (uint8_t)l, i->rn = (uint8_t)l2, i->imm = imm_in(s, 0, 31 * size, size);
    break;
  }
  case LBPF_THUMB_F_LDST_SP16:
    i->op = (uint8_t)PICK(s, LBPF_THUMB_LDR, LBPF_THUMB_STR), i->rd = (uint8_t)l, i->rn = 13,
    i->imm = imm_in(s, 0, 1020, 4);
    break;
  case LBPF_THUMB_F_SP_IMM16:
    i->op = (uint8_t)PICK(s, LBPF_THUMB_ADD, LBPF_THUMB_SUB), i->rd = i->rn = 13,
    i->imm = imm_in(s, 0, 508, 4);
    break;
  case LBPF_THUMB_F_CBZ:
    i->op = (uint8_t)PICK(s, LBPF_THUMB_CBZ, LBPF_THUMB_CBNZ), i->rn = (uint8_t)l,
    i->imm = imm_in(s, 0, 126, 2);
    break;
  case LBPF_THUMB_F_EXTEND16:
  case LBPF_THUMB_F_EXTEND:
    i->op = (uint8_t)(LBPF_THUMB_SXTB + pick(s, 4)),
    i->rd = (uint8_t)(form == LBPF_THUMB_F_EXTEND ? r : l),
    i->rm = (uint8_t)(form == LBPF_THUMB_F_EXTEND ? r2 : l2);
    if (form == LBPF_THUMB_F_EXTEND) i->amount = (uint8_t)(8 * pick(s, 4));
    break;
  case LBPF_THUMB_F_REV16:
    i->op = (uint8_t)PICK(s, LBPF_THUMB_REV, LBPF_THUMB_REV16, LBPF_THUMB_REVSH),
    i->rd = (uint8_t)l, i->rm = (uint8_t)l2;
    break;
  case LBPF_THUMB_F_PUSHPOP16:
    i->op = (uint8_t)PICK(s, LBPF_THUMB_PUSH, LBPF_THUMB_POP);
    i->reglist =
        (uint16_t)(pick(s, 256) | (pick(s, 2) ? (i->op == LBPF_THUMB_PUSH ? 0x4000 : 0x8000) : 0));
    break;
  case LBPF_THUMB_F_LDMSTM16:
    i->op = (uint8_t)PICK(s, LBPF_THUMB_LDM, LBPF_THUMB_STM), i->rn = (uint8_t)l,
    i->reglist = (uint16_t)pick(s, 256);
    i->writeback = i->op == LBPF_THUMB_STM || !(i->reglist >> l & 1);
    break;
  case LBPF_THUMB_F_BCOND16:
    i->op = LBPF_THUMB_B, i->cond = (uint8_t)pick(s, 14), i->imm = imm_in(s, -256, 254, 2);
    break;
  case LBPF_THUMB_F_B16: i->op = LBPF_THUMB_B, i->imm = imm_in(s, -2048, 2046, 2); break;
  case LBPF_THUMB_F_IT:
    i->op = LBPF_THUMB_IT, i->cond = (uint8_t)pick(s, 15), i->mask = (uint8_t)(1 + pick(s, 15));
    break;
  case LBPF_THUMB_F_NOP16:
  case LBPF_THUMB_F_NOP: i->op = LBPF_THUMB_NOP; break;
#line 1607 "lit/thumb-isa.nw"

#line 1713 "lit/thumb-isa.nw"
  case LBPF_THUMB_F_DP_IMM:
  case LBPF_THUMB_F_DP_REG:
    i->op = (uint8_t)(LBPF_THUMB_AND + pick(s, 16));
    i->rd = (uint8_t)r, i->rn = (uint8_t)r2, i->setflags = (uint8_t)pick(s, 2);
    if (pick(s, 4) == 0) i->rd = i->rn = 13; /* the SP forms */
    if (is_compare(i->op)) i->rd = 0, i->setflags = 1;
    if (is_move(i->op)) i->rn = 0;
    if (form == LBPF_THUMB_F_DP_IMM) {
      i->imm = (int32_t)lbpf_thumb_modimm_expand(pick(s, 4) ? pick(s, 4096) : pick(s, 1024));
    } else {
      i->rm = (uint8_t)r3, i->shift = (uint8_t)pick(s, 5);
      i->amount = (uint8_t)(i->shift == LBPF_THUMB_SHIFT_RRX   ? 1
                            : i->shift == LBPF_THUMB_SHIFT_LSL ? imm_in(s, 0, 31, 1)
                            : i->shift == LBPF_THUMB_SHIFT_ROR ? imm_in(s, 1, 31, 1)
                                                               : imm_in(s, 1, 32, 1));
      if (pick(s, 3) == 0) i->shift = 0, i->amount = 0;
    }
    break;
  case LBPF_THUMB_F_ADDSUBW:
    i->op = (uint8_t)PICK(s, LBPF_THUMB_ADD, LBPF_THUMB_SUB), i->rd = (uint8_t)r,
    i->rn = (uint8_t)r2, i->imm = imm_in(s, 0, 4095, 1);
    break;
  case LBPF_THUMB_F_MOVWT:
    i->op = (uint8_t)PICK(s, LBPF_THUMB_MOVW, LBPF_THUMB_MOVT), i->rd = (uint8_t)r,
    i->imm = imm_in(s, 0, 65535, 1);
    break;
  case LBPF_THUMB_F_BITFIELD:
    i->op = (uint8_t)(LBPF_THUMB_SBFX + pick(s, 4)), i->rd = (uint8_t)r,
    i->rn = i->op == LBPF_THUMB_BFC ? 0 : (uint8_t)r2;
    i->amount = (uint8_t)imm_in(s, 0, 31, 1), i->width = (uint8_t)imm_in(s, 1, 32 - i->amount, 1);
    break;
  case LBPF_THUMB_F_SHIFT_REG:
    i->op = (uint8_t)(LBPF_THUMB_LSL + pick(s, 4)), i->setflags = (uint8_t)pick(s, 2),
    i->rd = (uint8_t)r, i->rn = (uint8_t)r2, i->rm = (uint8_t)r3;
    break;
  case LBPF_THUMB_F_MISC:
    i->op = (uint8_t)(LBPF_THUMB_CLZ + pick(s, 4)), i->rd = (uint8_t)r, i->rm = (uint8_t)r2;
    break;
  case LBPF_THUMB_F_MUL:
    i->op = (uint8_t)PICK(s, LBPF_THUMB_MUL, LBPF_THUMB_MLA, LBPF_THUMB_MLS), i->rd = (uint8_t)r,
    i->rn = (uint8_t)r2, i->rm = (uint8_t)r3, i->ra = i->op == LBPF_THUMB_MUL ? 0 : (uint8_t)r4;
    break;
  case LBPF_THUMB_F_MULL:
    i->op = (uint8_t)(LBPF_THUMB_SMULL + pick(s, 3)), i->rd = (uint8_t)r, i->ra = (uint8_t)r2,
    i->rn = (uint8_t)r3, i->rm = (uint8_t)r4;
    break;
  case LBPF_THUMB_F_DIV:
    i->op = (uint8_t)PICK(s, LBPF_THUMB_SDIV, LBPF_THUMB_UDIV), i->rd = (uint8_t)r,
    i->rn = (uint8_t)r2, i->rm = (uint8_t)r3;
    break;
  case LBPF_THUMB_F_LDST_IMM12:
  case LBPF_THUMB_F_LDST_NEG8:
  case LBPF_THUMB_F_LDST_REG:
    i->op = (uint8_t)(LBPF_THUMB_LDR + pick(s, 8)), i->rd = (uint8_t)r, i->rn = (uint8_t)r2;
    if (form == LBPF_THUMB_F_LDST_IMM12)
      i->imm = imm_in(s, 0, 4095, 1);
    else if (form == LBPF_THUMB_F_LDST_NEG8)
      i->imm = imm_in(s, 0, 255, 1);
    else
      i->rm = (uint8_t)r3, i->amount = (uint8_t)pick(s, 4);
    break;
  case LBPF_THUMB_F_LDRD_STRD:
    i->op = (uint8_t)PICK(s, LBPF_THUMB_LDRD, LBPF_THUMB_STRD), i->rd = (uint8_t)r,
    i->ra = (uint8_t)r2, i->rn = (uint8_t)r3, i->add = (uint8_t)pick(s, 2),
    i->imm = imm_in(s, 0, 1020, 4);
    break;
  case LBPF_THUMB_F_LDMSTM:
    i->op = (uint8_t)(LBPF_THUMB_LDM + pick(s, 4)), i->rn = (uint8_t)(pick(s, 3) ? r : 13),
    i->writeback = (uint8_t)pick(s, 2), i->reglist = (uint16_t)lbpf_thumb_rand(s);
    break;
  case LBPF_THUMB_F_BCOND:
    i->op = LBPF_THUMB_B, i->cond = (uint8_t)pick(s, 14),
    i->imm = imm_in(s, -(1 << 20), (1 << 20) - 2, 2);
    break;
  case LBPF_THUMB_F_B:
  case LBPF_THUMB_F_BL:
    i->op = form == LBPF_THUMB_F_B ? LBPF_THUMB_B : LBPF_THUMB_BL;
    i->imm = imm_in(s, -(1 << 24), (1 << 24) - 2, 2);
    break;
#line 1608 "lit/thumb-isa.nw"
  }
}

bool lbpf_thumb_random_insn(uint64_t *state, unsigned form, struct lbpf_thumb_insn *out) {
  for (int tries = 0; tries < 100000; tries++) {
    draw(state, form, out);
    if (lbpf_thumb_valid(out)) return true;
  }
  memset(out, 0, sizeof *out);
  return false;
}
