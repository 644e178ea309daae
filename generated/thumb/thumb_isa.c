#line 1214 "lit/thumb-isa.nw"
/* Thumb-2 (ARMv7-M) instructions: validity, encoder, decoder. */
#include "lbpf_thumb.h"
#include <stddef.h>
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
#line 251 "lit/thumb-isa.nw"
static bool lo(unsigned r) {
  return r < 8;
}
static bool bad(unsigned r) {
  return r == 13 || r == 15;
} /* the manual's BadReg */
static bool fits(int32_t v, int32_t lo_, int32_t hi, int32_t step) {
  return v >= lo_ && v <= hi && v % step == 0;
}
static unsigned popcount16(unsigned x) {
  unsigned n = 0;
  for (; x; x &= x - 1)
    n++;
  return n;
}
#line 274 "lit/thumb-isa.nw"
static bool is_dp(unsigned op) {
  return op_in(op, LBPF_THUMB_AND, LBPF_THUMB_CMP);
}
static bool is_addsub(unsigned op) {
  return op == LBPF_THUMB_ADD || op == LBPF_THUMB_SUB;
}

/* Register rules shared by the wide data-processing forms: rd is unused by a
   comparison and rn by a move; SP may be the first operand of ADD, SUB, CMP
   and CMN, and the destination of ADD/SUB only when it is also the source. */
static bool dp_regs_ok(const struct lbpf_thumb_insn *i) {
  bool sp_ok = is_addsub(i->op) || i->op == LBPF_THUMB_CMP || i->op == LBPF_THUMB_CMN;
  if (is_compare(i->op)) {
    if (i->rd != 0 || !i->setflags) return false;
  } else if (i->rd == 15 || (i->rd == 13 && !(is_addsub(i->op) && i->rn == 13)))
    return false;
  if (is_move(i->op)) return i->rn == 0;
  return i->rn != 15 && (i->rn != 13 || sp_ok);
}

/* A shift of a register operand by an immediate, in canonical form. */
static bool shift_ok(unsigned shift, unsigned n) {
  switch (shift) {
  case LBPF_THUMB_SHIFT_LSL: return n <= 31;
  case LBPF_THUMB_SHIFT_LSR:
  case LBPF_THUMB_SHIFT_ASR: return n >= 1 && n <= 32;
  case LBPF_THUMB_SHIFT_ROR: return n >= 1 && n <= 31;
  case LBPF_THUMB_SHIFT_RRX: return n == 1;
  default: return false;
  }
}
#line 307 "lit/thumb-isa.nw"
struct ldst_info {
  uint8_t size, is_signed, is_load;
};
static bool is_single_ldst(unsigned op) {
  return op_in(op, LBPF_THUMB_LDR, LBPF_THUMB_STRH);
}
static struct ldst_info ldst(unsigned op) {
#define LDST(o) [LBPF_THUMB_##o - LBPF_THUMB_LDR]
  static const struct ldst_info table[LBPF_THUMB_STRH - LBPF_THUMB_LDR + 1] = {
      LDST(LDR) = {4, 0, 1},   LDST(LDRB) = {1, 0, 1},  LDST(LDRH) = {2, 0, 1},
      LDST(LDRSB) = {1, 1, 1}, LDST(LDRSH) = {2, 1, 1}, LDST(STR) = {4, 0, 0},
      LDST(STRB) = {1, 0, 0},  LDST(STRH) = {2, 0, 0}};
#undef LDST
  return is_single_ldst(op) ? table[op - LBPF_THUMB_LDR] : (struct ldst_info){0, 0, 0};
}
/* The registers of a wide load or store of one register: Rt = SP is allowed
   for word accesses only; Rt = PC would be a branch or a hint. */
static bool ldst_regs_ok(const struct lbpf_thumb_insn *i) {
  return is_single_ldst(i->op) && i->rn != 15 && i->rd != 15 &&
         (i->rd != 13 || ldst(i->op).size == 4);
}
#line 368 "lit/thumb-isa.nw"
_Static_assert(sizeof(struct lbpf_thumb_insn) == 20 && _Alignof(struct lbpf_thumb_insn) == 4,
               "the validity check reads the instruction as five words");
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the validity check places a field's bits in its word in little-endian order"
#endif
#define FIELD_SIZE(f) sizeof(((const struct lbpf_thumb_insn *)0)->f)
#define FIELD_BITS(f)                                                                              \
  ((FIELD_SIZE(f) == 4 ? UINT32_MAX : ((UINT32_C(1) << (8 * FIELD_SIZE(f))) - 1u))                 \
   << (8 * (offsetof(struct lbpf_thumb_insn, f) % 4)))
#define FIELD_WORD(f) (offsetof(struct lbpf_thumb_insn, f) / 4)
/* The used bits, per word: form and op are always used. */
#define USED_FIELDS                                                                                \
  uint32_t used0 = FIELD_BITS(form) | FIELD_BITS(op), used1 = 0, used2 = 0, used3 = 0, used4 = 0
#define USE(f)                                                                                     \
  (used0 |= FIELD_WORD(f) == 0 ? FIELD_BITS(f) : 0,                                                \
   used1 |= FIELD_WORD(f) == 1 ? FIELD_BITS(f) : 0,                                                \
   used2 |= FIELD_WORD(f) == 2 ? FIELD_BITS(f) : 0,                                                \
   used3 |= FIELD_WORD(f) == 3 ? FIELD_BITS(f) : 0,                                                \
   used4 |= FIELD_WORD(f) == 4 ? FIELD_BITS(f) : 0)
/* Word k of the instruction, in the machine's byte order. */
static inline uint32_t word(const struct lbpf_thumb_insn *i, unsigned k) {
  uint32_t w;
  memcpy(&w, (const uint8_t *)i + 4 * k, sizeof w);
  return w;
}
/* Whether every bit outside the used fields is 0, and every register is
   one of the sixteen (the four register fields are word 1's bytes). */
_Static_assert(FIELD_WORD(rd) == 1 && FIELD_WORD(rn) == 1 && FIELD_WORD(rm) == 1 &&
                   FIELD_WORD(ra) == 1,
               "the registers are word 1");
#define REGISTER_HIGH_BITS UINT32_C(0xf0f0f0f0)
#define ONLY_USED(i)                                                                               \
  (((word(i, 0) & ~used0) | (word(i, 1) & (~used1 | REGISTER_HIGH_BITS)) | (word(i, 2) & ~used2) | \
    (word(i, 3) & ~used3) | (word(i, 4) & ~used4)) == 0)
#line 615 "lit/thumb-isa.nw"
/* The opcode field of wide data processing (modified immediate and shifted
   register), with the register forced to 15 for moves and comparisons. */
static unsigned dp32_opcode(unsigned op) {
  switch (op) {
  case LBPF_THUMB_AND:
  case LBPF_THUMB_TST: return 0;
  case LBPF_THUMB_BIC: return 1;
  case LBPF_THUMB_ORR:
  case LBPF_THUMB_MOV: return 2;
  case LBPF_THUMB_ORN:
  case LBPF_THUMB_MVN: return 3;
  case LBPF_THUMB_EOR:
  case LBPF_THUMB_TEQ: return 4;
  case LBPF_THUMB_ADD:
  case LBPF_THUMB_CMN: return 8;
  case LBPF_THUMB_ADC: return 10;
  case LBPF_THUMB_SBC: return 11;
  case LBPF_THUMB_SUB:
  case LBPF_THUMB_CMP: return 13;
  case LBPF_THUMB_RSB: return 14;
  default: return 16;
  }
}
/* The inverse: an opcode field and the S bit and registers give the operation. */
static unsigned dp32_op(unsigned opcode, unsigned s, unsigned rd, unsigned rn) {
  static const uint8_t ops[16] = {LBPF_THUMB_AND,
                                  LBPF_THUMB_BIC,
                                  LBPF_THUMB_ORR,
                                  LBPF_THUMB_ORN,
                                  LBPF_THUMB_EOR,
                                  0,
                                  0,
                                  0,
                                  LBPF_THUMB_ADD,
                                  0,
                                  LBPF_THUMB_ADC,
                                  LBPF_THUMB_SBC,
                                  0,
                                  LBPF_THUMB_SUB,
                                  LBPF_THUMB_RSB,
                                  0};
  unsigned op = ops[opcode & 15];
  if (rd == 15 && s) {
    if (op == LBPF_THUMB_AND) return LBPF_THUMB_TST;
    if (op == LBPF_THUMB_EOR) return LBPF_THUMB_TEQ;
    if (op == LBPF_THUMB_ADD) return LBPF_THUMB_CMN;
    if (op == LBPF_THUMB_SUB) return LBPF_THUMB_CMP;
  }
  if (rn == 15 && op == LBPF_THUMB_ORR) return LBPF_THUMB_MOV;
  if (rn == 15 && op == LBPF_THUMB_ORN) return LBPF_THUMB_MVN;
  return op;
}

/* The narrow two-register operations, in the order of their opcode field. */
static const uint8_t dp16_ops[16] = {
    LBPF_THUMB_AND, LBPF_THUMB_EOR, LBPF_THUMB_LSL, LBPF_THUMB_LSR, LBPF_THUMB_ASR, LBPF_THUMB_ADC,
    LBPF_THUMB_SBC, LBPF_THUMB_ROR, LBPF_THUMB_TST, LBPF_THUMB_RSB, LBPF_THUMB_CMP, LBPF_THUMB_CMN,
    LBPF_THUMB_ORR, LBPF_THUMB_MUL, LBPF_THUMB_BIC, LBPF_THUMB_MVN};
static unsigned index_of(const uint8_t *table, unsigned n, unsigned op) {
  for (unsigned k = 0; k < n; k++)
    if (table[k] == op) return k;
  return n;
}
/* Operation orders of the other opcode fields. */
static const uint8_t ldst16_ops[8] = {LBPF_THUMB_STR,   LBPF_THUMB_STRH, LBPF_THUMB_STRB,
                                      LBPF_THUMB_LDRSB, LBPF_THUMB_LDR,  LBPF_THUMB_LDRH,
                                      LBPF_THUMB_LDRB,  LBPF_THUMB_LDRSH};
static const uint8_t ext16_ops[4] = {LBPF_THUMB_SXTH, LBPF_THUMB_SXTB, LBPF_THUMB_UXTH,
                                     LBPF_THUMB_UXTB};
static const uint8_t ext32_ops[8] = {LBPF_THUMB_SXTH, LBPF_THUMB_UXTH, 0, 0,
                                     LBPF_THUMB_SXTB, LBPF_THUMB_UXTB, 0, 0};
static const uint8_t rev16_ops[4] = {LBPF_THUMB_REV, LBPF_THUMB_REV16, 0, LBPF_THUMB_REVSH};
#line 675 "lit/thumb-isa.nw"
static unsigned ldst32_hw1(unsigned op) {
  struct ldst_info m = ldst(op);
  unsigned sz = m.size == 1 ? 0 : m.size == 2 ? 1 : 2;
  return 0xf800u | m.is_signed << 8 | sz << 5 | m.is_load << 4;
}
#line 687 "lit/thumb-isa.nw"
static void enc_branch24(uint32_t imm, uint16_t *hw) {
  uint32_t s = imm >> 24 & 1, i1 = imm >> 23 & 1, i2 = imm >> 22 & 1;
  uint32_t j1 = !(i1 ^ s), j2 = !(i2 ^ s);
  hw[0] |= (uint16_t)(s << 10 | (imm >> 12 & 0x3ff));
  hw[1] |= (uint16_t)(j1 << 13 | j2 << 11 | (imm >> 1 & 0x7ff));
}
static int32_t dec_branch24(uint16_t h1, uint16_t h2) {
  uint32_t s = h1 >> 10 & 1, j1 = h2 >> 13 & 1, j2 = h2 >> 11 & 1;
  uint32_t i1 = !(j1 ^ s), i2 = !(j2 ^ s);
  uint32_t v = s << 24 | i1 << 23 | i2 << 22 | (h1 & 0x3ffu) << 12 | (h2 & 0x7ffu) << 1;
  return (int32_t)(v << 7) >> 7;
}
static void enc_branch20(uint32_t imm, uint16_t *hw) {
  hw[0] |= (uint16_t)((imm >> 20 & 1) << 10 | (imm >> 12 & 0x3f));
  hw[1] |= (uint16_t)((imm >> 18 & 1) << 13 | (imm >> 19 & 1) << 11 | (imm >> 1 & 0x7ff));
}
static int32_t dec_branch20(uint16_t h1, uint16_t h2) {
  uint32_t v = (h1 >> 10 & 1u) << 20 | (h2 >> 11 & 1u) << 19 | (h2 >> 13 & 1u) << 18 |
               (h1 & 0x3fu) << 12 | (h2 & 0x7ffu) << 1;
  return (int32_t)(v << 11) >> 11;
}
/* The 12-bit i:imm3:imm8 field of the wide immediate forms. */
static void enc_imm12(uint32_t f, uint16_t *hw) {
  hw[0] |= (uint16_t)((f >> 11 & 1) << 10);
  hw[1] |= (uint16_t)((f >> 8 & 7) << 12 | (f & 0xff));
}
static uint32_t dec_imm12(uint16_t h1, uint16_t h2) {
  return (h1 >> 10 & 1u) << 11 | (h2 >> 12 & 7u) << 8 | (h2 & 0xffu);
}
#line 729 "lit/thumb-isa.nw"
/* The halfwords of a common form (1 or 2), 0 if i is not valid, -1 if its
   form is not a common one. */
static int encode_common(const struct lbpf_thumb_insn *i, uint16_t out[2]) {
  USED_FIELDS;
  uint32_t imm = (uint32_t)i->imm;
  uint16_t hw[2] = {0, 0};
  bool ok;
  int size = 2;
  switch (i->form) {

#line 748 "lit/thumb-isa.nw"
  case LBPF_THUMB_F_MOV_HI:
    USE(rd), USE(rm);
    ok = i->op == LBPF_THUMB_MOV && i->rd != 15 && i->rm != 15;
    hw[0] = (uint16_t)(0x4600 | (i->rd >> 3) << 7 | i->rm << 3 | (i->rd & 7));
    size = 1;
    break;
  case LBPF_THUMB_F_DP_IMM:
  case LBPF_THUMB_F_DP_REG: {
    USE(rd), USE(rn), USE(setflags);
    ok = is_dp(i->op) && i->setflags <= 1 && dp_regs_ok(i);
    unsigned rd = is_compare(i->op) ? 15 : i->rd, rn = is_move(i->op) ? 15 : i->rn;
    unsigned head = i->form == LBPF_THUMB_F_DP_IMM ? 0xf000 : 0xea00;
    hw[0] = (uint16_t)(head | dp32_opcode(i->op) << 5 | i->setflags << 4 | rn);
    if (i->form == LBPF_THUMB_F_DP_IMM) {
      USE(imm);
      uint32_t field = 0;
      ok = ok && lbpf_thumb_modimm_encode(imm, &field);
      hw[1] = (uint16_t)(rd << 8);
      enc_imm12(field, hw);
    } else {
      USE(rm), USE(shift), USE(amount);
      ok = ok && !bad(i->rm) && shift_ok(i->shift, i->amount) &&
           /* ADD/SUB may write SP only with a small left shift */
           (i->rd != 13 || (i->shift == LBPF_THUMB_SHIFT_LSL && i->amount <= 3));
      unsigned type = i->shift == LBPF_THUMB_SHIFT_RRX ? 3 : i->shift;
      unsigned n = i->shift == LBPF_THUMB_SHIFT_RRX ? 0 : i->amount & 31;
      hw[1] = (uint16_t)((n >> 2) << 12 | rd << 8 | (n & 3) << 6 | type << 4 | i->rm);
    }
    break;
  }
  case LBPF_THUMB_F_MOVWT:
    USE(rd), USE(imm);
    ok = (i->op == LBPF_THUMB_MOVW || i->op == LBPF_THUMB_MOVT) && !bad(i->rd) &&
         fits(i->imm, 0, 65535, 1);
    hw[0] = (uint16_t)((i->op == LBPF_THUMB_MOVT ? 0xf2c0 : 0xf240) | (imm >> 12));
    hw[1] = (uint16_t)(i->rd << 8);
    enc_imm12(imm & 0xfff, hw);
    break;
  case LBPF_THUMB_F_LDST_IMM12:
    USE(rd), USE(rn), USE(imm); /* rm and amount are 0 */
    ok = ldst_regs_ok(i) && fits(i->imm, 0, 4095, 1);
    hw[0] = (uint16_t)(ldst32_hw1(i->op) | 0x80 | i->rn);
    hw[1] = (uint16_t)(i->rd << 12 | imm);
    break;
  case LBPF_THUMB_F_LDRD_STRD:
    USE(rd), USE(ra), USE(rn), USE(imm), USE(add);
    ok = (i->op == LBPF_THUMB_LDRD || i->op == LBPF_THUMB_STRD) && !bad(i->rd) && !bad(i->ra) &&
         i->rn != 15 && (i->op == LBPF_THUMB_STRD || i->rd != i->ra) && i->add <= 1 &&
         fits(i->imm, 0, 1020, 4);
    hw[0] = (uint16_t)(0xe940 | i->add << 7 | (i->op == LBPF_THUMB_LDRD) << 4 | i->rn);
    hw[1] = (uint16_t)(i->rd << 12 | i->ra << 8 | imm / 4);
    break;
  case LBPF_THUMB_F_BCOND:
    USE(cond), USE(imm);
    ok = i->op == LBPF_THUMB_B && i->cond < LBPF_THUMB_AL &&
         fits(i->imm, -(1 << 20), (1 << 20) - 2, 2);
    hw[0] = (uint16_t)(0xf000 | i->cond << 6);
    hw[1] = 0x8000;
    enc_branch20(imm, hw);
    break;
  case LBPF_THUMB_F_B:
  case LBPF_THUMB_F_BL:
    USE(imm);
    ok = i->op == (i->form == LBPF_THUMB_F_B ? LBPF_THUMB_B : LBPF_THUMB_BL) &&
         fits(i->imm, -(1 << 24), (1 << 24) - 2, 2);
    hw[0] = 0xf000;
    hw[1] = i->form == LBPF_THUMB_F_BL ? 0xd000 : 0x9000;
    enc_branch24(imm, hw);
    break;
#line 739 "lit/thumb-isa.nw"
  default: return -1;
  }
  if (!ok || !ONLY_USED(i)) return 0;
  out[0] = hw[0], out[1] = hw[1];
  return size;
}
#line 1021 "lit/thumb-isa.nw"
static void set(struct lbpf_thumb_insn *i, unsigned form, unsigned op) {
  i->form = (uint8_t)form;
  i->op = (uint8_t)op;
}
#define F(x) LBPF_THUMB_F_##x
#define O(x) LBPF_THUMB_##x
#line 200 "lit/thumb-isa.nw"
uint32_t lbpf_thumb_modimm_expand(uint32_t field) {
  uint32_t b = field & 0xff;
  if ((field >> 10) == 0) {
    switch ((field >> 8) & 3) {
    case 0: return b;
    case 1: return b << 16 | b;
    case 2: return b << 24 | b << 8;
    default: return b << 24 | b << 16 | b << 8 | b;
    }
  }
  uint32_t unrotated = 0x80 | (field & 0x7f), rot = field >> 7; /* 8..31 */
  return unrotated >> rot | unrotated << (32 - rot);
}

bool lbpf_thumb_modimm_encode(uint32_t value, uint32_t *field) {
  uint32_t b = value & 0xff;
  if (value <= 0xff) return *field = value, true;
  if (b != 0 && value == (b << 16 | b)) return *field = 0x100 | b, true;
  uint32_t h = (value >> 8) & 0xff;
  if (h != 0 && value == (h << 24 | h << 8)) return *field = 0x200 | h, true;
  if (b != 0 && value == (b << 24 | b << 16 | b << 8 | b)) return *field = 0x300 | b, true;
  /* rotated: the leading one (bit p, 8 <= p <= 31 here) is the top bit of the
     8-bit value, rotated right by 39 - p */
  uint32_t rot = 39u - (31u - (uint32_t)__builtin_clz(value));
  uint32_t unrotated = value << rot | value >> (32 - rot); /* rotate left */
  if (unrotated >= 0x80 && unrotated <= 0xff) return *field = rot << 7 | (unrotated & 0x7f), true;
  return false;
}
#line 335 "lit/thumb-isa.nw"
/* The forms but the common ones (see the encoder). */
static bool valid_other(const struct lbpf_thumb_insn *i) {
  USED_FIELDS;
  bool ok = true;
  switch (i->form) {

#line 407 "lit/thumb-isa.nw"
  case LBPF_THUMB_F_SHIFT_IMM16:
    USE(rd), USE(rm), USE(shift), USE(amount);
    ok = i->op == LBPF_THUMB_MOV && lo(i->rd) && lo(i->rm) && i->shift <= LBPF_THUMB_SHIFT_ASR &&
         shift_ok(i->shift, i->amount);
    break;
  case LBPF_THUMB_F_ADDSUB_REG16:
    USE(rd), USE(rn), USE(rm);
    ok = is_addsub(i->op) && lo(i->rd) && lo(i->rn) && lo(i->rm);
    break;
  case LBPF_THUMB_F_ADDSUB_IMM3:
    USE(rd), USE(rn), USE(imm);
    ok = is_addsub(i->op) && lo(i->rd) && lo(i->rn) && fits(i->imm, 0, 7, 1);
    break;
  case LBPF_THUMB_F_MOV_IMM8:
    USE(rd), USE(imm);
    ok = i->op == LBPF_THUMB_MOV && lo(i->rd) && fits(i->imm, 0, 255, 1);
    break;
  case LBPF_THUMB_F_CMP_IMM8:
    USE(rn), USE(imm), USE(setflags);
    ok = i->op == LBPF_THUMB_CMP && i->setflags == 1 && lo(i->rn) && fits(i->imm, 0, 255, 1);
    break;
  case LBPF_THUMB_F_ADDSUB_IMM8:
    USE(rd), USE(rn), USE(imm);
    ok = is_addsub(i->op) && lo(i->rd) && i->rn == i->rd && fits(i->imm, 0, 255, 1);
    break;
  case LBPF_THUMB_F_DP_REG16:

#line 519 "lit/thumb-isa.nw"
    USE(rd), USE(rn), USE(rm), USE(imm), USE(setflags);
    ok = lo(i->rd) && lo(i->rn) && lo(i->rm) && i->imm == 0;
    switch (i->op) {
    case LBPF_THUMB_AND:
    case LBPF_THUMB_EOR:
    case LBPF_THUMB_ADC:
    case LBPF_THUMB_SBC:
    case LBPF_THUMB_ORR:
    case LBPF_THUMB_BIC:
    case LBPF_THUMB_LSL:
    case LBPF_THUMB_LSR:
    case LBPF_THUMB_ASR:
    case LBPF_THUMB_ROR: ok = ok && i->rd == i->rn && !i->setflags; break;
    case LBPF_THUMB_TST:
    case LBPF_THUMB_CMP:
    case LBPF_THUMB_CMN: ok = ok && i->rd == 0 && i->setflags == 1; break;
    case LBPF_THUMB_MVN: ok = ok && i->rn == 0 && !i->setflags; break;
    case LBPF_THUMB_RSB: ok = ok && i->rm == 0 && !i->setflags; break;
    case LBPF_THUMB_MUL: ok = ok && i->rd == i->rm && !i->setflags; break;
    default: ok = false;
    }
#line 434 "lit/thumb-isa.nw"
    break;
  case LBPF_THUMB_F_ADD_HI:
    USE(rd), USE(rn), USE(rm);
    ok = i->op == LBPF_THUMB_ADD && i->rd == i->rn && i->rd != 15 && i->rm != 15;
    break;
  case LBPF_THUMB_F_CMP_HI:
    USE(rn), USE(rm), USE(setflags);
    ok = i->op == LBPF_THUMB_CMP && i->setflags == 1 && !(lo(i->rn) && lo(i->rm)) && i->rn != 15 &&
         i->rm != 15;
    break;
  case LBPF_THUMB_F_BX:
    USE(rm);
    ok = (i->op == LBPF_THUMB_BX || i->op == LBPF_THUMB_BLX) && i->rm != 15;
    break;
  case LBPF_THUMB_F_LDST_REG16:
    USE(rd), USE(rn), USE(rm);
    ok = is_single_ldst(i->op) && lo(i->rd) && lo(i->rn) && lo(i->rm);
    break;
  case LBPF_THUMB_F_LDST_IMM16: {
    USE(rd), USE(rn), USE(imm);
    struct ldst_info m = ldst(i->op);
    ok = is_single_ldst(i->op) && !m.is_signed && lo(i->rd) && lo(i->rn) &&
         fits(i->imm, 0, 31 * m.size, m.size);
    break;
  }
  case LBPF_THUMB_F_LDST_SP16:
    USE(rd), USE(rn), USE(imm);
    ok = (i->op == LBPF_THUMB_LDR || i->op == LBPF_THUMB_STR) && lo(i->rd) && i->rn == 13 &&
         fits(i->imm, 0, 1020, 4);
    break;
  case LBPF_THUMB_F_SP_IMM16:
    USE(rd), USE(rn), USE(imm);
    ok = is_addsub(i->op) && i->rd == 13 && i->rn == 13 && fits(i->imm, 0, 508, 4);
    break;
  case LBPF_THUMB_F_CBZ:
    USE(rn), USE(imm);
    ok = (i->op == LBPF_THUMB_CBZ || i->op == LBPF_THUMB_CBNZ) && lo(i->rn) &&
         fits(i->imm, 0, 126, 2);
    break;
  case LBPF_THUMB_F_EXTEND16:
    USE(rd), USE(rm);
    ok = op_in(i->op, LBPF_THUMB_SXTB, LBPF_THUMB_UXTH) && lo(i->rd) && lo(i->rm);
    break;
  case LBPF_THUMB_F_REV16:
    USE(rd), USE(rm);
    ok = op_in(i->op, LBPF_THUMB_REV, LBPF_THUMB_REVSH) && lo(i->rd) && lo(i->rm);
    break;
  case LBPF_THUMB_F_PUSHPOP16:
    USE(reglist);
    ok = (i->op == LBPF_THUMB_PUSH && i->reglist != 0 && (i->reglist & ~0x40ffu) == 0) ||
         (i->op == LBPF_THUMB_POP && i->reglist != 0 && (i->reglist & ~0x80ffu) == 0);
    break;
  case LBPF_THUMB_F_LDMSTM16:
    USE(rn), USE(reglist), USE(writeback);
    /* LDM writes back unless the base is loaded; STM always writes back, and a
       base in its list would store an UNKNOWN value unless it is the lowest. */
    ok = lo(i->rn) && i->reglist != 0 && i->reglist <= 0xff &&
         ((i->op == LBPF_THUMB_LDM && i->writeback == !(i->reglist >> i->rn & 1)) ||
          (i->op == LBPF_THUMB_STM && i->writeback == 1 && !(i->reglist >> i->rn & 1)));
    break;
  case LBPF_THUMB_F_BCOND16:
    USE(cond), USE(imm);
    ok = i->op == LBPF_THUMB_B && i->cond < LBPF_THUMB_AL && fits(i->imm, -256, 254, 2);
    break;
  case LBPF_THUMB_F_B16:
    USE(imm);
    ok = i->op == LBPF_THUMB_B && fits(i->imm, -2048, 2046, 2);
    break;
  case LBPF_THUMB_F_IT:
    USE(cond), USE(mask);
    /* AL may only begin a block of one; NV (15) is not a condition */
    ok = i->op == LBPF_THUMB_IT && i->mask != 0 && i->mask <= 15 && i->cond < 15 &&
         (i->cond != LBPF_THUMB_AL || i->mask == 8);
    break;
  case LBPF_THUMB_F_NOP16: ok = i->op == LBPF_THUMB_NOP; break;
#line 341 "lit/thumb-isa.nw"

#line 545 "lit/thumb-isa.nw"
  case LBPF_THUMB_F_ADDSUBW:
    USE(rd), USE(rn), USE(imm);
    ok = is_addsub(i->op) && i->rn != 15 && i->rd != 15 && (i->rd != 13 || i->rn == 13) &&
         fits(i->imm, 0, 4095, 1);
    break;
  case LBPF_THUMB_F_BITFIELD:
    USE(rd), USE(rn), USE(amount), USE(width);
    ok = op_in(i->op, LBPF_THUMB_SBFX, LBPF_THUMB_BFC) && !bad(i->rd) && i->amount <= 31 &&
         i->width >= 1 && i->amount + i->width <= 32 &&
         (i->op == LBPF_THUMB_BFC ? i->rn == 0 : !bad(i->rn));
    break;
  case LBPF_THUMB_F_SHIFT_REG:
    USE(rd), USE(rn), USE(rm), USE(setflags);
    ok = op_in(i->op, LBPF_THUMB_LSL, LBPF_THUMB_ROR) && i->setflags <= 1 && !bad(i->rd) &&
         !bad(i->rn) && !bad(i->rm);
    break;
  case LBPF_THUMB_F_EXTEND:
    USE(rd), USE(rm), USE(amount);
    ok = op_in(i->op, LBPF_THUMB_SXTB, LBPF_THUMB_UXTH) && !bad(i->rd) && !bad(i->rm) &&
         i->amount % 8 == 0 && i->amount <= 24;
    break;
  case LBPF_THUMB_F_MISC:
    USE(rd), USE(rm);
    ok = op_in(i->op, LBPF_THUMB_CLZ, LBPF_THUMB_REVSH) && !bad(i->rd) && !bad(i->rm);
    break;
  case LBPF_THUMB_F_MUL:
    USE(rd), USE(rn), USE(rm), USE(ra);
    ok = !bad(i->rd) && !bad(i->rn) && !bad(i->rm) &&
         (i->op == LBPF_THUMB_MUL
              ? i->ra == 0
              : (i->op == LBPF_THUMB_MLA || i->op == LBPF_THUMB_MLS) && !bad(i->ra));
    break;
  case LBPF_THUMB_F_MULL:
    USE(rd), USE(rn), USE(rm), USE(ra);
    ok = op_in(i->op, LBPF_THUMB_SMULL, LBPF_THUMB_UMLAL) && !bad(i->rd) && !bad(i->ra) &&
         !bad(i->rn) && !bad(i->rm) && i->rd != i->ra;
    break;
  case LBPF_THUMB_F_DIV:
    USE(rd), USE(rn), USE(rm);
    ok = (i->op == LBPF_THUMB_SDIV || i->op == LBPF_THUMB_UDIV) && !bad(i->rd) && !bad(i->rn) &&
         !bad(i->rm);
    break;
  case LBPF_THUMB_F_LDST_NEG8:
  case LBPF_THUMB_F_LDST_REG:
    USE(rd), USE(rn), USE(rm), USE(imm), USE(amount);
    ok = ldst_regs_ok(i);
    if (i->form == LBPF_THUMB_F_LDST_NEG8)
      ok = ok && fits(i->imm, 0, 255, 1) && !i->rm && !i->amount;
    if (i->form == LBPF_THUMB_F_LDST_REG) ok = ok && !bad(i->rm) && i->amount <= 3 && i->imm == 0;
    break;
  case LBPF_THUMB_F_LDMSTM: {
    USE(rn), USE(reglist), USE(writeback);
    bool load = i->op == LBPF_THUMB_LDM || i->op == LBPF_THUMB_LDMDB;
    ok = op_in(i->op, LBPF_THUMB_LDM, LBPF_THUMB_STMDB) && i->rn != 15 && i->writeback <= 1 &&
         popcount16(i->reglist) >= 2 && !(i->reglist & 0x2000) &&
         (load ? (i->reglist & 0xc000) != 0xc000 : !(i->reglist & 0x8000)) &&
         /* a base beyond the sixteen is refused below, by the register rule */
         !(i->writeback && i->rn < 16 && (i->reglist >> i->rn & 1));
    break;
  }
  case LBPF_THUMB_F_NOP: ok = i->op == LBPF_THUMB_NOP; break;
#line 342 "lit/thumb-isa.nw"
  default: return false;
  }
  return ok && ONLY_USED(i);
}
bool lbpf_thumb_valid(const struct lbpf_thumb_insn *i) {
  uint16_t hw[2];
  int n = encode_common(i, hw);
  return n < 0 ? valid_other(i) : n > 0;
}
#line 823 "lit/thumb-isa.nw"
int lbpf_thumb_encode(const struct lbpf_thumb_insn *i, uint16_t hw[2]) {
  int n = encode_common(i, hw);
  if (n >= 0) return n;
  if (!valid_other(i)) return 0;
  uint32_t imm = (uint32_t)i->imm;
  hw[0] = hw[1] = 0;
  switch (i->form) {

#line 838 "lit/thumb-isa.nw"
  case LBPF_THUMB_F_SHIFT_IMM16:
    hw[0] = (uint16_t)(i->shift << 11 | (i->amount & 31) << 6 | i->rm << 3 | i->rd);
    return 1;
  case LBPF_THUMB_F_ADDSUB_REG16:
    hw[0] = (uint16_t)(0x1800 | (i->op == LBPF_THUMB_SUB) << 9 | i->rm << 6 | i->rn << 3 | i->rd);
    return 1;
  case LBPF_THUMB_F_ADDSUB_IMM3:
    hw[0] = (uint16_t)(0x1c00 | (i->op == LBPF_THUMB_SUB) << 9 | imm << 6 | i->rn << 3 | i->rd);
    return 1;
  case LBPF_THUMB_F_MOV_IMM8: hw[0] = (uint16_t)(0x2000 | i->rd << 8 | imm); return 1;
  case LBPF_THUMB_F_CMP_IMM8: hw[0] = (uint16_t)(0x2800 | i->rn << 8 | imm); return 1;
  case LBPF_THUMB_F_ADDSUB_IMM8:
    hw[0] = (uint16_t)(0x3000 | (i->op == LBPF_THUMB_SUB) << 11 | i->rd << 8 | imm);
    return 1;
  case LBPF_THUMB_F_DP_REG16: {
    /* the register in bits 2-0 is the one written (or the first compared) */
    unsigned rdn = is_compare(i->op) ? i->rn : i->rd;
    unsigned other = (i->op == LBPF_THUMB_RSB || i->op == LBPF_THUMB_MUL) ? i->rn : i->rm;
    hw[0] = (uint16_t)(0x4000 | index_of(dp16_ops, 16, i->op) << 6 | other << 3 | rdn);
    return 1;
  }
  case LBPF_THUMB_F_ADD_HI:
    hw[0] = (uint16_t)(0x4400 | (i->rd >> 3) << 7 | i->rm << 3 | (i->rd & 7));
    return 1;
  case LBPF_THUMB_F_CMP_HI:
    hw[0] = (uint16_t)(0x4500 | (i->rn >> 3) << 7 | i->rm << 3 | (i->rn & 7));
    return 1;
  case LBPF_THUMB_F_BX:
    hw[0] = (uint16_t)(0x4700 | (i->op == LBPF_THUMB_BLX) << 7 | i->rm << 3);
    return 1;
  case LBPF_THUMB_F_LDST_REG16:
    hw[0] =
        (uint16_t)(0x5000 | index_of(ldst16_ops, 8, i->op) << 9 | i->rm << 6 | i->rn << 3 | i->rd);
    return 1;
  case LBPF_THUMB_F_LDST_IMM16: {
    struct ldst_info m = ldst(i->op);
    unsigned base = m.size == 4 ? 0x6000 : m.size == 1 ? 0x7000 : 0x8000;
    hw[0] = (uint16_t)(base | m.is_load << 11 | (imm / m.size) << 6 | i->rn << 3 | i->rd);
    return 1;
  }
  case LBPF_THUMB_F_LDST_SP16:
    hw[0] = (uint16_t)(0x9000 | (i->op == LBPF_THUMB_LDR) << 11 | i->rd << 8 | imm / 4);
    return 1;
  case LBPF_THUMB_F_SP_IMM16:
    hw[0] = (uint16_t)(0xb000 | (i->op == LBPF_THUMB_SUB) << 7 | imm / 4);
    return 1;
  case LBPF_THUMB_F_CBZ:
    hw[0] = (uint16_t)(0xb100 | (i->op == LBPF_THUMB_CBNZ) << 11 | (imm >> 6) << 9 |
                       (imm >> 1 & 31) << 3 | i->rn);
    return 1;
  case LBPF_THUMB_F_EXTEND16:
    hw[0] = (uint16_t)(0xb200 | index_of(ext16_ops, 4, i->op) << 6 | i->rm << 3 | i->rd);
    return 1;
  case LBPF_THUMB_F_REV16:
    hw[0] = (uint16_t)(0xba00 | index_of(rev16_ops, 4, i->op) << 6 | i->rm << 3 | i->rd);
    return 1;
  case LBPF_THUMB_F_PUSHPOP16:
    hw[0] = (uint16_t)((i->op == LBPF_THUMB_PUSH ? 0xb400 : 0xbc00) | (i->reglist >> 14 != 0) << 8 |
                       (i->reglist & 0xff));
    return 1;
  case LBPF_THUMB_F_LDMSTM16:
    hw[0] = (uint16_t)(0xc000 | (i->op == LBPF_THUMB_LDM) << 11 | i->rn << 8 | i->reglist);
    return 1;
  case LBPF_THUMB_F_BCOND16:
    hw[0] = (uint16_t)(0xd000 | i->cond << 8 | (imm >> 1 & 0xff));
    return 1;
  case LBPF_THUMB_F_B16: hw[0] = (uint16_t)(0xe000 | (imm >> 1 & 0x7ff)); return 1;
  case LBPF_THUMB_F_IT: hw[0] = (uint16_t)(0xbf00 | i->cond << 4 | i->mask); return 1;
  case LBPF_THUMB_F_NOP16: hw[0] = 0xbf00; return 1;
#line 831 "lit/thumb-isa.nw"

#line 909 "lit/thumb-isa.nw"
  case LBPF_THUMB_F_ADDSUBW:
    hw[0] = (uint16_t)((i->op == LBPF_THUMB_SUB ? 0xf2a0 : 0xf200) | i->rn);
    hw[1] = (uint16_t)(i->rd << 8);
    enc_imm12(imm, hw);
    break;
  case LBPF_THUMB_F_BITFIELD: {
    static const uint16_t heads[4] = {0xf340, 0xf3c0, 0xf360, 0xf360}; /* sbfx ubfx bfi bfc */
    unsigned k = i->op - LBPF_THUMB_SBFX;
    unsigned last = k < 2 ? i->width - 1u : i->amount + i->width - 1u; /* widthm1 or msb */
    hw[0] = (uint16_t)(heads[k] | (i->op == LBPF_THUMB_BFC ? 15 : i->rn));
    hw[1] = (uint16_t)((i->amount >> 2) << 12 | i->rd << 8 | (i->amount & 3) << 6 | last);
    break;
  }
  case LBPF_THUMB_F_SHIFT_REG:
    hw[0] = (uint16_t)(0xfa00 | (i->op - LBPF_THUMB_LSL) << 5 | i->setflags << 4 | i->rn);
    hw[1] = (uint16_t)(0xf000 | i->rd << 8 | i->rm);
    break;
  case LBPF_THUMB_F_EXTEND:
    hw[0] = (uint16_t)(0xfa0f | index_of(ext32_ops, 8, i->op) << 4);
    hw[1] = (uint16_t)(0xf080 | i->rd << 8 | (i->amount / 8) << 4 | i->rm);
    break;
  case LBPF_THUMB_F_MISC: {
    static const uint16_t low[4] = {0xf080, 0xf080, 0xf090, 0xf0b0}; /* clz rev rev16 revsh */
    hw[0] = (uint16_t)((i->op == LBPF_THUMB_CLZ ? 0xfab0 : 0xfa90) | i->rm);
    hw[1] = (uint16_t)(low[i->op - LBPF_THUMB_CLZ] | i->rd << 8 | i->rm);
    break;
  }
  case LBPF_THUMB_F_MUL:
    hw[0] = (uint16_t)(0xfb00 | i->rn);
    hw[1] = (uint16_t)((i->op == LBPF_THUMB_MUL ? 15 : i->ra) << 12 | i->rd << 8 |
                       (i->op == LBPF_THUMB_MLS) << 4 | i->rm);
    break;
  case LBPF_THUMB_F_MULL: {
    static const uint16_t heads[3] = {0xfb80, 0xfba0, 0xfbe0}; /* smull umull umlal */
    hw[0] = (uint16_t)(heads[i->op - LBPF_THUMB_SMULL] | i->rn);
    hw[1] = (uint16_t)(i->rd << 12 | i->ra << 8 | i->rm);
    break;
  }
  case LBPF_THUMB_F_DIV:
    hw[0] = (uint16_t)((i->op == LBPF_THUMB_UDIV ? 0xfbb0 : 0xfb90) | i->rn);
    hw[1] = (uint16_t)(0xf0f0 | i->rd << 8 | i->rm);
    break;
  case LBPF_THUMB_F_LDST_NEG8:
    hw[0] = (uint16_t)(ldst32_hw1(i->op) | i->rn);
    hw[1] = (uint16_t)(i->rd << 12 | 0xc00 | imm);
    break;
  case LBPF_THUMB_F_LDST_REG:
    hw[0] = (uint16_t)(ldst32_hw1(i->op) | i->rn);
    hw[1] = (uint16_t)(i->rd << 12 | i->amount << 4 | i->rm);
    break;
  case LBPF_THUMB_F_LDMSTM: {
    bool db = i->op == LBPF_THUMB_LDMDB || i->op == LBPF_THUMB_STMDB;
    bool load = i->op == LBPF_THUMB_LDM || i->op == LBPF_THUMB_LDMDB;
    hw[0] = (uint16_t)((db ? 0xe900 : 0xe880) | i->writeback << 5 | load << 4 | i->rn);
    hw[1] = i->reglist;
    break;
  }
  case LBPF_THUMB_F_NOP:
    hw[0] = 0xf3af;
    hw[1] = 0x8000;
    break;
#line 832 "lit/thumb-isa.nw"
  }
  return 2;
}
#line 978 "lit/thumb-isa.nw"
size_t lbpf_thumb_emit(const struct lbpf_thumb_insn *i, uint8_t *buf, size_t cap) {
  uint16_t hw[2];
  int n = lbpf_thumb_encode(i, hw);
  if (n == 0 || cap < 2u * (size_t)n) return 0;
  for (int k = 0; k < n; k++)
    buf[2 * k] = (uint8_t)hw[k], buf[2 * k + 1] = (uint8_t)(hw[k] >> 8);
  return 2u * (size_t)n;
}
#line 998 "lit/thumb-isa.nw"
int lbpf_thumb_insn_size(uint16_t hw0) {
  return (hw0 >> 11) >= 0x1d ? 2 : 1;
}

int lbpf_thumb_decode(const uint16_t *hw, size_t avail, struct lbpf_thumb_insn *out) {
  memset(out, 0, sizeof *out);
  if (avail == 0) return 0;
  int size = lbpf_thumb_insn_size(hw[0]);
  if ((size_t)size > avail) return 0;
  struct lbpf_thumb_insn *i = out;
  if (size == 1) {
    uint16_t h = hw[0];

#line 1033 "lit/thumb-isa.nw"
    unsigned r0 = h & 7, r3 = h >> 3 & 7, r6 = h >> 6 & 7, r8 = h >> 8 & 7, imm8 = h & 0xff;
    if ((h >> 13) == 0 && (h >> 11) != 3) { /* 000xx: shift by an immediate */
      set(i, F(SHIFT_IMM16), O(MOV));
      i->shift = h >> 11 & 3, i->amount = h >> 6 & 31, i->rm = (uint8_t)r3, i->rd = (uint8_t)r0;
      if (i->amount == 0 && i->shift != LBPF_THUMB_SHIFT_LSL) i->amount = 32;
    } else if ((h >> 11) == 3) { /* 00011: add/sub, register or 3-bit immediate */
      set(i, (h >> 10 & 1) ? F(ADDSUB_IMM3) : F(ADDSUB_REG16), (h >> 9 & 1) ? O(SUB) : O(ADD));
      i->rd = (uint8_t)r0, i->rn = (uint8_t)r3;
      if (h >> 10 & 1)
        i->imm = (int32_t)r6;
      else
        i->rm = (uint8_t)r6;
    } else if ((h >> 13) == 1) { /* 001xx: mov/cmp/add/sub with an 8-bit immediate */
      unsigned k = h >> 11 & 3;
      static const uint8_t forms[4] = {F(MOV_IMM8), F(CMP_IMM8), F(ADDSUB_IMM8), F(ADDSUB_IMM8)};
      static const uint8_t ops[4] = {O(MOV), O(CMP), O(ADD), O(SUB)};
      set(i, forms[k], ops[k]);
      i->imm = (int32_t)imm8;
      if (k == 1)
        i->rn = (uint8_t)r8, i->setflags = 1;
      else
        i->rd = (uint8_t)r8, i->rn = k >= 2 ? (uint8_t)r8 : 0;
    } else if ((h >> 10) == 0x10) { /* 010000: two-register operations */
      unsigned op = dp16_ops[h >> 6 & 15];
      set(i, F(DP_REG16), op);
      if (is_compare(op))
        i->rn = (uint8_t)r0, i->rm = (uint8_t)r3, i->setflags = 1;
      else if (op == O(MVN))
        i->rd = (uint8_t)r0, i->rm = (uint8_t)r3;
      else if (op == O(RSB))
        i->rd = (uint8_t)r0, i->rn = (uint8_t)r3;
      else if (op == O(MUL))
        i->rd = i->rm = (uint8_t)r0, i->rn = (uint8_t)r3;
      else
        i->rd = i->rn = (uint8_t)r0, i->rm = (uint8_t)r3;
    } else if ((h >> 10) == 0x11) { /* 010001: high registers and branch-exchange */
      unsigned rdn = (h >> 4 & 8) | r0, rm = h >> 3 & 15;
      switch (h >> 8 & 3) {
      case 0: set(i, F(ADD_HI), O(ADD)), i->rd = i->rn = (uint8_t)rdn, i->rm = (uint8_t)rm; break;
      case 1:
        set(i, F(CMP_HI), O(CMP)), i->rn = (uint8_t)rdn, i->rm = (uint8_t)rm, i->setflags = 1;
        break;
      case 2: set(i, F(MOV_HI), O(MOV)), i->rd = (uint8_t)rdn, i->rm = (uint8_t)rm; break;
      default:
        if ((h & 7) == 0) set(i, F(BX), (h >> 7 & 1) ? O(BLX) : O(BX)), i->rm = (uint8_t)rm;
      }
    } else if ((h >> 12) == 5) { /* 0101: register offset */
      set(i, F(LDST_REG16), ldst16_ops[h >> 9 & 7]);
      i->rd = (uint8_t)r0, i->rn = (uint8_t)r3, i->rm = (uint8_t)r6;
    } else if ((h >> 13) == 3 || (h >> 12) == 8) { /* 011xx, 1000x: immediate offset */
      bool load = h >> 11 & 1;
      unsigned size = (h >> 12) == 8 ? 2 : (h >> 12 & 1) ? 1 : 4;
      set(i, F(LDST_IMM16),
          size == 4   ? (load ? O(LDR) : O(STR))
          : size == 2 ? (load ? O(LDRH) : O(STRH))
                      : (load ? O(LDRB) : O(STRB)));
      i->rd = (uint8_t)r0, i->rn = (uint8_t)r3, i->imm = (int32_t)((h >> 6 & 31) * size);
    } else if ((h >> 12) == 9) { /* 1001x: SP-relative */
      set(i, F(LDST_SP16), (h >> 11 & 1) ? O(LDR) : O(STR));
      i->rd = (uint8_t)r8, i->rn = 13, i->imm = (int32_t)(imm8 * 4);
    } else if ((h >> 8) == 0xb0) { /* 1011 0000: add/sub sp, #imm */
      set(i, F(SP_IMM16), (h >> 7 & 1) ? O(SUB) : O(ADD));
      i->rd = i->rn = 13, i->imm = (int32_t)((h & 0x7f) * 4);
    } else if ((h >> 12) == 0xb && (h >> 8 & 5) == 1) { /* 1011 x0x1: cbz/cbnz */
      set(i, F(CBZ), (h >> 11 & 1) ? O(CBNZ) : O(CBZ));
      i->rn = (uint8_t)r0, i->imm = (int32_t)(((h >> 9 & 1) << 6) | ((h >> 3 & 31) << 1));
    } else if ((h >> 8) == 0xb2) {
      set(i, F(EXTEND16), ext16_ops[h >> 6 & 3]), i->rd = (uint8_t)r0, i->rm = (uint8_t)r3;
    } else if ((h >> 8) == 0xba) {
      set(i, F(REV16), rev16_ops[h >> 6 & 3]), i->rd = (uint8_t)r0, i->rm = (uint8_t)r3;
    } else if ((h >> 9) == 0x5a || (h >> 9) == 0x5e) { /* 1011 x10x: push/pop */
      bool pop = h >> 11 & 1;
      set(i, F(PUSHPOP16), pop ? O(POP) : O(PUSH));
      i->reglist = (uint16_t)(imm8 | ((h >> 8 & 1) ? (pop ? 0x8000 : 0x4000) : 0));
    } else if ((h >> 8) == 0xbf) { /* 1011 1111: IT and hints */
      if ((h & 0xf) != 0)
        set(i, F(IT), O(IT)), i->cond = h >> 4 & 15, i->mask = h & 15;
      else if (h == 0xbf00)
        set(i, F(NOP16), O(NOP));
    } else if ((h >> 12) == 0xc) { /* 1100: ldm/stm */
      bool load = h >> 11 & 1;
      set(i, F(LDMSTM16), load ? O(LDM) : O(STM));
      i->rn = (uint8_t)r8, i->reglist = (uint16_t)imm8;
      i->writeback = load ? !(imm8 >> r8 & 1) : 1;
    } else if ((h >> 12) == 0xd) { /* 1101: conditional branch, UDF, SVC */
      set(i, F(BCOND16), O(B));
      i->cond = (uint8_t)(h >> 8 & 15), i->imm = (int8_t)imm8 * 2;
    } else if ((h >> 11) == 0x1c) {
      set(i, F(B16), O(B)), i->imm = (int32_t)((uint32_t)(h & 0x7ff) << 21) >> 20;
    }
#line 1009 "lit/thumb-isa.nw"
  } else {
    uint16_t h1 = hw[0], h2 = hw[1];

#line 1113 "lit/thumb-isa.nw"
    unsigned rn = h1 & 15, rd = h2 >> 8 & 15, rm = h2 & 15, rt = h2 >> 12;
    if ((h1 & 0xfa00) == 0xf000 && !(h2 & 0x8000)) { /* modified immediate */
      unsigned s = h1 >> 4 & 1, opcode = h1 >> 5 & 15, op = dp32_op(opcode, s, rd, rn);
      uint32_t field = dec_imm12(h1, h2), canonical = ~0u;
      set(i, F(DP_IMM), op);
      i->setflags = (uint8_t)s, i->imm = (int32_t)lbpf_thumb_modimm_expand(field);
      /* a replicated pattern of a zero byte is UNPREDICTABLE: only the plain 0 encodes 0 */
      if (!lbpf_thumb_modimm_encode((uint32_t)i->imm, &canonical) || canonical != field) op = 0;
      if (!is_compare(op)) i->rd = (uint8_t)rd;
      if (!is_move(op)) i->rn = (uint8_t)rn;
      if (op == 0) i->form = 0;
    } else if ((h1 & 0xfa00) == 0xf200 && !(h2 & 0x8000)) { /* plain binary immediate */
      unsigned kind = h1 >> 4 & 0x1f;
      if (kind == 0x00 || kind == 0x0a) {
        set(i, F(ADDSUBW), kind ? O(SUB) : O(ADD));
        i->rd = (uint8_t)rd, i->rn = (uint8_t)rn, i->imm = (int32_t)dec_imm12(h1, h2);
      } else if (kind == 0x04 || kind == 0x0c) {
        set(i, F(MOVWT), kind == 4 ? O(MOVW) : O(MOVT));
        i->rd = (uint8_t)rd, i->imm = (int32_t)(rn << 12 | dec_imm12(h1, h2));
      } else if ((kind == 0x14 || kind == 0x1c || kind == 0x16) && !(h1 >> 10 & 1) &&
                 !(h2 & 0x20)) {
        unsigned lsb = (h2 >> 12 & 7) << 2 | (h2 >> 6 & 3), last = h2 & 31;
        i->rd = (uint8_t)rd, i->amount = (uint8_t)lsb;
        if (kind == 0x16) {
          set(i, F(BITFIELD), rn == 15 ? O(BFC) : O(BFI));
          i->rn = rn == 15 ? 0 : (uint8_t)rn;
          i->width = last >= lsb ? (uint8_t)(last - lsb + 1) : 0;
        } else {
          set(i, F(BITFIELD), kind == 0x14 ? O(SBFX) : O(UBFX));
          i->rn = (uint8_t)rn, i->width = (uint8_t)(last + 1);
        }
      }
    } else if ((h1 & 0xf800) == 0xf000 && (h2 & 0x8000)) { /* branches and hints */
      if ((h2 & 0x5000) == 0x1000)
        set(i, F(B), O(B)), i->imm = dec_branch24(h1, h2);
      else if ((h2 & 0x5000) == 0x5000)
        set(i, F(BL), O(BL)), i->imm = dec_branch24(h1, h2);
      else if ((h2 & 0x5000) == 0 && (h1 >> 7 & 7) != 7)
        set(i, F(BCOND), O(B)), i->cond = h1 >> 6 & 15, i->imm = dec_branch20(h1, h2);
      else if (h1 == 0xf3af && h2 == 0x8000)
        set(i, F(NOP), O(NOP));
    } else if ((h1 & 0xfe00) == 0xea00 && !(h2 & 0x8000)) { /* shifted register */
      unsigned s = h1 >> 4 & 1, opcode = h1 >> 5 & 15, op = dp32_op(opcode, s, rd, rn);
      unsigned type = h2 >> 4 & 3, n = (h2 >> 12 & 7) << 2 | (h2 >> 6 & 3);
      set(i, F(DP_REG), op);
      i->setflags = (uint8_t)s, i->rm = (uint8_t)rm, i->shift = (uint8_t)type,
      i->amount = (uint8_t)n;
      if (type == 3 && n == 0)
        i->shift = LBPF_THUMB_SHIFT_RRX, i->amount = 1;
      else if ((type == 1 || type == 2) && n == 0)
        i->amount = 32;
      if (!is_compare(op)) i->rd = (uint8_t)rd;
      if (!is_move(op)) i->rn = (uint8_t)rn;
      if (op == 0) i->form = 0;
    } else if ((h1 & 0xff80) == 0xfa00 && (h2 & 0xf0f0) == 0xf000) {
      set(i, F(SHIFT_REG), O(LSL) + (h1 >> 5 & 3));
      i->setflags = h1 >> 4 & 1, i->rd = (uint8_t)rd, i->rn = (uint8_t)rn, i->rm = (uint8_t)rm;
    } else if ((h1 & 0xff8f) == 0xfa0f && (h2 & 0xf0c0) == 0xf080) {
      unsigned op = ext32_ops[h1 >> 4 & 7];
      if (op)
        set(i, F(EXTEND), op), i->rd = (uint8_t)rd, i->rm = (uint8_t)rm,
                               i->amount = (h2 >> 4 & 3) * 8;
    } else if ((h1 & 0xffc0) == 0xfa80 && (h2 & 0xf0c0) == 0xf080 && rn == rm) {
      unsigned k = (h1 >> 4 & 3) << 2 | (h2 >> 4 & 3);
      static const uint8_t ops[16] = {[4] = O(REV), [5] = O(REV16), [7] = O(REVSH), [12] = O(CLZ)};
      if (ops[k]) set(i, F(MISC), ops[k]), i->rd = (uint8_t)rd, i->rm = (uint8_t)rm;
    } else if ((h1 & 0xfff0) == 0xfb00 && (h2 & 0xe0) == 0) {
      unsigned ra = rt;
      set(i, F(MUL), (h2 & 0x10) ? O(MLS) : ra == 15 ? O(MUL) : O(MLA));
      i->rd = (uint8_t)rd, i->rn = (uint8_t)rn, i->rm = (uint8_t)rm,
      i->ra = ra == 15 ? 0 : (uint8_t)ra;
      if ((h2 & 0x10) && ra == 15) i->form = 0;
    } else if ((h1 & 0xff80) == 0xfb80 && (h2 & 0xf0) == 0 && (h1 >> 4 & 7) != 1 &&
               (h1 >> 4 & 7) != 3) {
      unsigned k = h1 >> 4 & 7;
      set(i, F(MULL), k == 0 ? O(SMULL) : k == 2 ? O(UMULL) : k == 6 ? O(UMLAL) : 0);
      i->rd = (uint8_t)rt, i->ra = (uint8_t)rd, i->rn = (uint8_t)rn, i->rm = (uint8_t)rm;
    } else if ((h1 & 0xffd0) == 0xfb90 && (h2 & 0xf0) == 0xf0 && (h2 >> 12) == 15) {
      set(i, F(DIV), (h1 >> 5 & 1) ? O(UDIV) : O(SDIV));
      i->rd = (uint8_t)rd, i->rn = (uint8_t)rn, i->rm = (uint8_t)rm;
    } else if ((h1 & 0xfe00) == 0xf800 && (h1 & 0x60) != 0x60) { /* single loads and stores */

#line 1199 "lit/thumb-isa.nw"
      bool load = h1 >> 4 & 1, sgn = h1 >> 8 & 1;
      unsigned sz = h1 >> 5 & 3;
      static const uint8_t loads[2][3] = {{O(LDRB), O(LDRH), O(LDR)}, {O(LDRSB), O(LDRSH), 0}};
      static const uint8_t stores[3] = {O(STRB), O(STRH), O(STR)};
      unsigned op = load ? loads[sgn][sz] : sgn ? 0 : stores[sz];
      i->rd = (uint8_t)rt, i->rn = (uint8_t)rn;
      if (h1 & 0x80)
        set(i, F(LDST_IMM12), op), i->imm = h2 & 0xfff;
      else if ((h2 & 0xf00) == 0xc00)
        set(i, F(LDST_NEG8), op), i->imm = h2 & 0xff;
      else if ((h2 & 0xfc0) == 0)
        set(i, F(LDST_REG), op), i->rm = (uint8_t)rm, i->amount = h2 >> 4 & 3;
      if (op == 0) i->form = 0;
#line 1184 "lit/thumb-isa.nw"
    } else if ((h1 & 0xff60) == 0xe940) { /* ldrd/strd, offset form */
      set(i, F(LDRD_STRD), (h1 >> 4 & 1) ? O(LDRD) : O(STRD));
      i->rd = (uint8_t)rt, i->ra = (uint8_t)rd, i->rn = (uint8_t)rn, i->add = h1 >> 7 & 1;
      i->imm = (int32_t)((h2 & 0xff) * 4);
    } else if ((h1 & 0xffc0) == 0xe880 || (h1 & 0xffc0) == 0xe900) { /* ldm/stm ia/db */
      bool load = h1 >> 4 & 1, db = h1 >> 8 & 1;
      set(i, F(LDMSTM), db ? (load ? O(LDMDB) : O(STMDB)) : (load ? O(LDM) : O(STM)));
      i->rn = (uint8_t)rn, i->writeback = h1 >> 5 & 1, i->reglist = h2;
    }
#line 1012 "lit/thumb-isa.nw"
  }
  if (!lbpf_thumb_valid(out)) memset(out, 0, sizeof *out);
  return size;
}
#line 1275 "lit/thumb-isa.nw"
unsigned lbpf_thumb_it_advance(unsigned itstate) {
  if ((itstate & 7) == 0) return 0;
  return (itstate & 0xe0) | ((itstate << 1) & 0x1f);
}
