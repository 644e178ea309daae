#line 1555 "lit/thumb-isa.nw"
/* Thumb-2 instructions in ARM's unified assembler language. */
#include "lbpf_thumb.h"
#include <stdarg.h>
#include <stdio.h>
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
#line 1311 "lit/thumb-isa.nw"
static const char *const reg_names[16] = {"r0", "r1", "r2",  "r3",  "r4",  "r5", "r6", "r7",
                                          "r8", "r9", "r10", "r11", "r12", "sp", "lr", "pc"};
static const char *const cond_names[16] = {"eq", "ne", "hs", "lo", "mi", "pl", "vs", "vc",
                                           "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"};
static const char *op_name(unsigned op) {
  static const char *const names[LBPF_THUMB_NOPS] = {
      [LBPF_THUMB_AND] = "and",     [LBPF_THUMB_BIC] = "bic",     [LBPF_THUMB_ORR] = "orr",
      [LBPF_THUMB_ORN] = "orn",     [LBPF_THUMB_EOR] = "eor",     [LBPF_THUMB_ADD] = "add",
      [LBPF_THUMB_ADC] = "adc",     [LBPF_THUMB_SBC] = "sbc",     [LBPF_THUMB_SUB] = "sub",
      [LBPF_THUMB_RSB] = "rsb",     [LBPF_THUMB_MOV] = "mov",     [LBPF_THUMB_MVN] = "mvn",
      [LBPF_THUMB_TST] = "tst",     [LBPF_THUMB_TEQ] = "teq",     [LBPF_THUMB_CMN] = "cmn",
      [LBPF_THUMB_CMP] = "cmp",     [LBPF_THUMB_LSL] = "lsl",     [LBPF_THUMB_LSR] = "lsr",
      [LBPF_THUMB_ASR] = "asr",     [LBPF_THUMB_ROR] = "ror",     [LBPF_THUMB_MUL] = "mul",
      [LBPF_THUMB_MLA] = "mla",     [LBPF_THUMB_MLS] = "mls",     [LBPF_THUMB_SMULL] = "smull",
      [LBPF_THUMB_UMULL] = "umull", [LBPF_THUMB_UMLAL] = "umlal", [LBPF_THUMB_SDIV] = "sdiv",
      [LBPF_THUMB_UDIV] = "udiv",   [LBPF_THUMB_CLZ] = "clz",     [LBPF_THUMB_REV] = "rev",
      [LBPF_THUMB_REV16] = "rev16", [LBPF_THUMB_REVSH] = "revsh", [LBPF_THUMB_SXTB] = "sxtb",
      [LBPF_THUMB_SXTH] = "sxth",   [LBPF_THUMB_UXTB] = "uxtb",   [LBPF_THUMB_UXTH] = "uxth",
      [LBPF_THUMB_SBFX] = "sbfx",   [LBPF_THUMB_UBFX] = "ubfx",   [LBPF_THUMB_BFI] = "bfi",
      [LBPF_THUMB_BFC] = "bfc",     [LBPF_THUMB_MOVW] = "movw",   [LBPF_THUMB_MOVT] = "movt",
      [LBPF_THUMB_LDR] = "ldr",     [LBPF_THUMB_LDRB] = "ldrb",   [LBPF_THUMB_LDRH] = "ldrh",
      [LBPF_THUMB_LDRSB] = "ldrsb", [LBPF_THUMB_LDRSH] = "ldrsh", [LBPF_THUMB_STR] = "str",
      [LBPF_THUMB_STRB] = "strb",   [LBPF_THUMB_STRH] = "strh",   [LBPF_THUMB_LDRD] = "ldrd",
      [LBPF_THUMB_STRD] = "strd",   [LBPF_THUMB_LDM] = "ldm",     [LBPF_THUMB_LDMDB] = "ldmdb",
      [LBPF_THUMB_STM] = "stm",     [LBPF_THUMB_STMDB] = "stmdb", [LBPF_THUMB_PUSH] = "push",
      [LBPF_THUMB_POP] = "pop",     [LBPF_THUMB_B] = "b",         [LBPF_THUMB_BL] = "bl",
      [LBPF_THUMB_BX] = "bx",       [LBPF_THUMB_BLX] = "blx",     [LBPF_THUMB_CBZ] = "cbz",
      [LBPF_THUMB_CBNZ] = "cbnz",   [LBPF_THUMB_IT] = "it",       [LBPF_THUMB_NOP] = "nop"};
  return op < LBPF_THUMB_NOPS && names[op] ? names[op] : "?";
}
static const char *const shift_names[5] = {"lsl", "lsr", "asr", "ror", "rrx"};
#line 1348 "lit/thumb-isa.nw"
struct out {
  char *buf;
  size_t size, len;
};
static void put(struct out *o, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(o->len < o->size ? o->buf + o->len : NULL,
                    o->len < o->size ? o->size - o->len : 0, fmt, ap);
  va_end(ap);
  if (n > 0) o->len += (size_t)n;
}
static void put_reglist(struct out *o, unsigned list) {
  const char *sep = "{";
  for (unsigned r = 0; r < 16; r++)
    if (list >> r & 1) put(o, "%s%s", sep, reg_names[r]), sep = ", ";
  put(o, "}");
}
#line 1374 "lit/thumb-isa.nw"
static bool narrow_sets_flags(const struct lbpf_thumb_insn *i) {
  switch (i->form) {
  case LBPF_THUMB_F_SHIFT_IMM16:
  case LBPF_THUMB_F_ADDSUB_REG16:
  case LBPF_THUMB_F_ADDSUB_IMM3:
  case LBPF_THUMB_F_MOV_IMM8:
  case LBPF_THUMB_F_ADDSUB_IMM8: return true;
  case LBPF_THUMB_F_DP_REG16: return !is_compare(i->op);
  default: return false;
  }
}
static bool has_narrow_twin(const struct lbpf_thumb_insn *i) {
  switch (i->form) {
  case LBPF_THUMB_F_DP_IMM: return i->op != LBPF_THUMB_ADC && i->op != LBPF_THUMB_SBC;
  case LBPF_THUMB_F_SHIFT_REG:
  case LBPF_THUMB_F_EXTEND:
  case LBPF_THUMB_F_LDST_IMM12:
  case LBPF_THUMB_F_LDST_REG:
  case LBPF_THUMB_F_LDMSTM:
  case LBPF_THUMB_F_BCOND:
  case LBPF_THUMB_F_B:
  case LBPF_THUMB_F_NOP: return true;
  case LBPF_THUMB_F_DP_REG: return i->shift != LBPF_THUMB_SHIFT_RRX;
  case LBPF_THUMB_F_MISC: return i->op != LBPF_THUMB_CLZ;
  default: return false;
  }
}
static void put_mnemonic(struct out *o, const struct lbpf_thumb_insn *i, const char *name,
                         int itcond) {
  bool s = narrow_sets_flags(i)
               ? itcond < 0
               : i->form >= LBPF_THUMB_F_DP_IMM && !is_compare(i->op) && i->setflags;
  int cond = itcond >= 0 ? itcond : -1;
  if (i->form == LBPF_THUMB_F_BCOND16 || i->form == LBPF_THUMB_F_BCOND) cond = i->cond;
  put(o, "%s%s%s%s", name, s ? "s" : "", cond >= 0 ? cond_names[cond] : "",
      has_narrow_twin(i) ? ".w" : "");
}
#line 1406 "lit/thumb-isa.nw"
static void put_operands(struct out *o, const struct lbpf_thumb_insn *i) {
  const char *const *R = reg_names;
  switch (i->form) {
  case LBPF_THUMB_F_SHIFT_IMM16:
    if (i->shift == LBPF_THUMB_SHIFT_LSL && i->amount == 0)
      put(o, " %s, %s", R[i->rd], R[i->rm]);
    else
      put(o, " %s, %s, #%u", R[i->rd], R[i->rm], i->amount);
    break;
  case LBPF_THUMB_F_ADDSUB_REG16: put(o, " %s, %s, %s", R[i->rd], R[i->rn], R[i->rm]); break;
  case LBPF_THUMB_F_ADDSUB_IMM3: put(o, " %s, %s, #%d", R[i->rd], R[i->rn], i->imm); break;
  case LBPF_THUMB_F_MOV_IMM8:
  case LBPF_THUMB_F_ADDSUB_IMM8:
  case LBPF_THUMB_F_SP_IMM16: put(o, " %s, #%d", R[i->rd], i->imm); break;
  case LBPF_THUMB_F_CMP_IMM8: put(o, " %s, #%d", R[i->rn], i->imm); break;
  case LBPF_THUMB_F_DP_REG16:
    if (is_compare(i->op))
      put(o, " %s, %s", R[i->rn], R[i->rm]);
    else if (i->op == LBPF_THUMB_MVN)
      put(o, " %s, %s", R[i->rd], R[i->rm]);
    else if (i->op == LBPF_THUMB_RSB)
      put(o, " %s, %s, #0", R[i->rd], R[i->rn]);
    else if (i->op == LBPF_THUMB_MUL)
      put(o, " %s, %s, %s", R[i->rd], R[i->rn], R[i->rm]);
    else
      put(o, " %s, %s", R[i->rd], R[i->rm]);
    break;
  case LBPF_THUMB_F_ADD_HI:
  case LBPF_THUMB_F_MOV_HI: put(o, " %s, %s", R[i->rd], R[i->rm]); break;
  case LBPF_THUMB_F_CMP_HI: put(o, " %s, %s", R[i->rn], R[i->rm]); break;
  case LBPF_THUMB_F_BX: put(o, " %s", R[i->rm]); break;
  case LBPF_THUMB_F_LDST_REG16: put(o, " %s, [%s, %s]", R[i->rd], R[i->rn], R[i->rm]); break;
  case LBPF_THUMB_F_LDST_IMM16:
  case LBPF_THUMB_F_LDST_SP16:
  case LBPF_THUMB_F_LDST_IMM12: put(o, " %s, [%s, #%d]", R[i->rd], R[i->rn], i->imm); break;
  case LBPF_THUMB_F_LDST_NEG8: put(o, " %s, [%s, #-%d]", R[i->rd], R[i->rn], i->imm); break;
  case LBPF_THUMB_F_LDST_REG:
    put(o, " %s, [%s, %s", R[i->rd], R[i->rn], R[i->rm]);
    put(o, i->amount ? ", lsl #%u]" : "]", i->amount);
    break;
  case LBPF_THUMB_F_LDRD_STRD:
    put(o, " %s, %s, [%s, #%s%d]", R[i->rd], R[i->ra], R[i->rn], i->add ? "" : "-", i->imm);
    break;
  case LBPF_THUMB_F_CBZ: put(o, " %s, #%d", R[i->rn], i->imm); break;
  case LBPF_THUMB_F_EXTEND16:
  case LBPF_THUMB_F_REV16:
  case LBPF_THUMB_F_MISC: put(o, " %s, %s", R[i->rd], R[i->rm]); break;
  case LBPF_THUMB_F_EXTEND:
    put(o, " %s, %s", R[i->rd], R[i->rm]);
    if (i->amount) put(o, ", ror #%u", i->amount);
    break;
  case LBPF_THUMB_F_PUSHPOP16: put(o, " "), put_reglist(o, i->reglist); break;
  case LBPF_THUMB_F_LDMSTM16:
  case LBPF_THUMB_F_LDMSTM:
    if (i->form == LBPF_THUMB_F_LDMSTM && i->rn == 13 && i->writeback &&
        (i->op == LBPF_THUMB_LDM || i->op == LBPF_THUMB_STMDB))
      put(o, " "); /* printed as pop.w / push.w */
    else
      put(o, " %s%s, ", R[i->rn], i->writeback ? "!" : "");
    put_reglist(o, i->reglist);
    break;
  case LBPF_THUMB_F_BCOND16:
  case LBPF_THUMB_F_B16:
  case LBPF_THUMB_F_BCOND:
  case LBPF_THUMB_F_B:
  case LBPF_THUMB_F_BL: put(o, " #%d", i->imm); break;
  case LBPF_THUMB_F_DP_IMM:
    if (is_compare(i->op))
      put(o, " %s, #%u", R[i->rn], (uint32_t)i->imm);
    else if (is_move(i->op))
      put(o, " %s, #%u", R[i->rd], (uint32_t)i->imm);
    else
      put(o, " %s, %s, #%u", R[i->rd], R[i->rn], (uint32_t)i->imm);
    break;
  case LBPF_THUMB_F_ADDSUBW: put(o, " %s, %s, #%d", R[i->rd], R[i->rn], i->imm); break;
  case LBPF_THUMB_F_MOVWT: put(o, " %s, #%d", R[i->rd], i->imm); break;
  case LBPF_THUMB_F_BITFIELD:
    if (i->op == LBPF_THUMB_BFC)
      put(o, " %s, #%u, #%u", R[i->rd], i->amount, i->width);
    else
      put(o, " %s, %s, #%u, #%u", R[i->rd], R[i->rn], i->amount, i->width);
    break;
  case LBPF_THUMB_F_DP_REG:

#line 1493 "lit/thumb-isa.nw"
    if (i->op == LBPF_THUMB_MOV && !(i->shift == LBPF_THUMB_SHIFT_LSL && i->amount == 0)) {
      put(o, " %s, %s", R[i->rd], R[i->rm]);
      if (i->shift != LBPF_THUMB_SHIFT_RRX) put(o, ", #%u", i->amount);
    } else {
      if (is_compare(i->op))
        put(o, " %s, %s", R[i->rn], R[i->rm]);
      else if (is_move(i->op))
        put(o, " %s, %s", R[i->rd], R[i->rm]);
      else
        put(o, " %s, %s, %s", R[i->rd], R[i->rn], R[i->rm]);
      if (i->shift == LBPF_THUMB_SHIFT_RRX)
        put(o, ", rrx");
      else if (i->amount)
        put(o, ", %s #%u", shift_names[i->shift], i->amount);
    }
#line 1474 "lit/thumb-isa.nw"
    break;
  case LBPF_THUMB_F_SHIFT_REG:
  case LBPF_THUMB_F_DIV: put(o, " %s, %s, %s", R[i->rd], R[i->rn], R[i->rm]); break;
  case LBPF_THUMB_F_MUL:
    put(o, " %s, %s, %s", R[i->rd], R[i->rn], R[i->rm]);
    if (i->op != LBPF_THUMB_MUL) put(o, ", %s", R[i->ra]);
    break;
  case LBPF_THUMB_F_MULL: put(o, " %s, %s, %s, %s", R[i->rd], R[i->ra], R[i->rn], R[i->rm]); break;
  default: break;
  }
}
#line 1509 "lit/thumb-isa.nw"
int lbpf_thumb_print(const struct lbpf_thumb_insn *i, int itcond, char *buf, size_t size) {
  struct out o = {buf, size, 0};
  if (size) buf[0] = 0;
  if (!lbpf_thumb_valid(i)) {
    put(&o, "<invalid>");
  } else if (i->form == LBPF_THUMB_F_IT) {
    /* "then" for a mask bit equal to the first condition's low bit, "else" otherwise */
    put(&o, "it");
    unsigned n = i->mask & 1 ? 3 : i->mask & 2 ? 2 : i->mask & 4 ? 1 : 0;
    for (unsigned k = 0; k < n; k++)
      put(&o, "%s", (i->mask >> (3 - k) & 1) == (i->cond & 1u) ? "t" : "e");
    put(&o, " %s", cond_names[i->cond]);
  } else {
    const char *name = op_name(i->op);
    if (i->form == LBPF_THUMB_F_DP_REG && i->op == LBPF_THUMB_MOV &&
        !(i->shift == LBPF_THUMB_SHIFT_LSL && i->amount == 0))
      name = shift_names[i->shift];
    else if (i->form == LBPF_THUMB_F_ADDSUBW)
      name = i->op == LBPF_THUMB_ADD ? "addw" : "subw";
    else if (i->form == LBPF_THUMB_F_SHIFT_IMM16 && i->amount != 0)
      name = shift_names[i->shift];
    else if (i->form == LBPF_THUMB_F_LDMSTM && i->rn == 13 && i->writeback &&
             i->op == LBPF_THUMB_LDM)
      name = "pop";
    else if (i->form == LBPF_THUMB_F_LDMSTM && i->rn == 13 && i->writeback &&
             i->op == LBPF_THUMB_STMDB)
      name = "push";
    put_mnemonic(&o, i, name, itcond);
    put_operands(&o, i);
  }
  return (int)o.len;
}
