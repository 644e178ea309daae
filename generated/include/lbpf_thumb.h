#line 1247 "lit/thumb-isa.nw"
/* The Thumb-2 (ARMv7-M) model of litbpf: instructions, encodings, semantics. */
#ifndef LBPF_THUMB_H
#define LBPF_THUMB_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#line 42 "lit/thumb-isa.nw"
enum lbpf_thumb_form {
  LBPF_THUMB_F_INVALID = 0, /* what the decoder returns for what we do not model */
  /* narrow (16-bit) forms */
  LBPF_THUMB_F_SHIFT_IMM16,  /* lsls/lsrs/asrs rd, rm, #n; movs rd, rm (LSL #0) */
  LBPF_THUMB_F_ADDSUB_REG16, /* adds/subs rd, rn, rm */
  LBPF_THUMB_F_ADDSUB_IMM3,  /* adds/subs rd, rn, #0..7 */
  LBPF_THUMB_F_MOV_IMM8,     /* movs rd, #0..255 */
  LBPF_THUMB_F_CMP_IMM8,     /* cmp rn, #0..255 */
  LBPF_THUMB_F_ADDSUB_IMM8,  /* adds/subs rdn, #0..255 */
  LBPF_THUMB_F_DP_REG16,     /* the sixteen two-register operations 010000 */
  LBPF_THUMB_F_ADD_HI,       /* add rdn, rm (any registers) */
  LBPF_THUMB_F_CMP_HI,       /* cmp rn, rm (a high register) */
  LBPF_THUMB_F_MOV_HI,       /* mov rd, rm (any registers) */
  LBPF_THUMB_F_BX,           /* bx rm / blx rm */
  LBPF_THUMB_F_LDST_REG16,   /* ldr/str{b,h,sb,sh} rt, [rn, rm] */
  LBPF_THUMB_F_LDST_IMM16,   /* ldr/str{b,h} rt, [rn, #imm5 * size] */
  LBPF_THUMB_F_LDST_SP16,    /* ldr/str rt, [sp, #imm8 * 4] */
  LBPF_THUMB_F_SP_IMM16,     /* add/sub sp, #imm7 * 4 */
  LBPF_THUMB_F_CBZ,          /* cbz/cbnz rn, #0..126 */
  LBPF_THUMB_F_EXTEND16,     /* sxtb/sxth/uxtb/uxth rd, rm */
  LBPF_THUMB_F_REV16,        /* rev/rev16/revsh rd, rm */
  LBPF_THUMB_F_PUSHPOP16,    /* push {r0-r7, lr} / pop {r0-r7, pc} */
  LBPF_THUMB_F_LDMSTM16,     /* ldm rn{!}, {r0-r7} / stm rn!, {r0-r7} */
  LBPF_THUMB_F_BCOND16,      /* b<c> #-256..254 */
  LBPF_THUMB_F_B16,          /* b #-2048..2046 */
  LBPF_THUMB_F_IT,           /* it{x{y{z}}} firstcond */
  LBPF_THUMB_F_NOP16,        /* nop */
  /* wide (32-bit) forms */
  LBPF_THUMB_F_DP_IMM,     /* data processing, modified immediate */
  LBPF_THUMB_F_ADDSUBW,    /* addw/subw rd, rn, #0..4095 */
  LBPF_THUMB_F_MOVWT,      /* movw/movt rd, #0..65535 */
  LBPF_THUMB_F_BITFIELD,   /* sbfx/ubfx/bfi/bfc */
  LBPF_THUMB_F_DP_REG,     /* data processing, shifted register */
  LBPF_THUMB_F_SHIFT_REG,  /* lsl/lsr/asr/ror{s}.w rd, rn, rm */
  LBPF_THUMB_F_EXTEND,     /* sxtb/sxth/uxtb/uxth.w rd, rm, ror #0/8/16/24 */
  LBPF_THUMB_F_MISC,       /* rev/rev16/revsh.w, clz */
  LBPF_THUMB_F_MUL,        /* mul/mla/mls */
  LBPF_THUMB_F_MULL,       /* smull/umull/umlal */
  LBPF_THUMB_F_DIV,        /* sdiv/udiv */
  LBPF_THUMB_F_LDST_IMM12, /* ldr/str{b,h,sb,sh}.w rt, [rn, #0..4095] */
  LBPF_THUMB_F_LDST_NEG8,  /* ldr/str{b,h,sb,sh} rt, [rn, #-0..-255] */
  LBPF_THUMB_F_LDST_REG,   /* ldr/str{b,h,sb,sh}.w rt, [rn, rm, lsl #0..3] */
  LBPF_THUMB_F_LDRD_STRD,  /* ldrd/strd rt, rt2, [rn, #+/-0..1020] */
  LBPF_THUMB_F_LDMSTM,     /* ldm/stm{db}.w rn{!}, {list}; push.w/pop.w */
  LBPF_THUMB_F_BCOND,      /* b<c>.w #+/-1MB */
  LBPF_THUMB_F_B,          /* b.w #+/-16MB */
  LBPF_THUMB_F_BL,         /* bl #+/-16MB */
  LBPF_THUMB_F_NOP,        /* nop.w */
  LBPF_THUMB_NFORMS
};
#line 100 "lit/thumb-isa.nw"
enum lbpf_thumb_op {
  LBPF_THUMB_NONE = 0,
  /* data processing: rd = rn OP operand2 (operand2 an immediate or a shifted rm) */
  LBPF_THUMB_AND,
  LBPF_THUMB_BIC,
  LBPF_THUMB_ORR,
  LBPF_THUMB_ORN,
  LBPF_THUMB_EOR,
  LBPF_THUMB_ADD,
  LBPF_THUMB_ADC,
  LBPF_THUMB_SBC,
  LBPF_THUMB_SUB,
  LBPF_THUMB_RSB,
  LBPF_THUMB_MOV,
  LBPF_THUMB_MVN,
  LBPF_THUMB_TST,
  LBPF_THUMB_TEQ,
  LBPF_THUMB_CMN,
  LBPF_THUMB_CMP,
  /* shifts by a register: rd = rn SHIFT rm[7:0] */
  LBPF_THUMB_LSL,
  LBPF_THUMB_LSR,
  LBPF_THUMB_ASR,
  LBPF_THUMB_ROR,
  /* multiplication and division */
  LBPF_THUMB_MUL,
  LBPF_THUMB_MLA,
  LBPF_THUMB_MLS,
  LBPF_THUMB_SMULL,
  LBPF_THUMB_UMULL,
  LBPF_THUMB_UMLAL,
  LBPF_THUMB_SDIV,
  LBPF_THUMB_UDIV,
  /* bit manipulation */
  LBPF_THUMB_CLZ,
  LBPF_THUMB_REV,
  LBPF_THUMB_REV16,
  LBPF_THUMB_REVSH,
  LBPF_THUMB_SXTB,
  LBPF_THUMB_SXTH,
  LBPF_THUMB_UXTB,
  LBPF_THUMB_UXTH,
  LBPF_THUMB_SBFX,
  LBPF_THUMB_UBFX,
  LBPF_THUMB_BFI,
  LBPF_THUMB_BFC,
  LBPF_THUMB_MOVW,
  LBPF_THUMB_MOVT,
  /* memory */
  LBPF_THUMB_LDR,
  LBPF_THUMB_LDRB,
  LBPF_THUMB_LDRH,
  LBPF_THUMB_LDRSB,
  LBPF_THUMB_LDRSH,
  LBPF_THUMB_STR,
  LBPF_THUMB_STRB,
  LBPF_THUMB_STRH,
  LBPF_THUMB_LDRD,
  LBPF_THUMB_STRD,
  LBPF_THUMB_LDM,
  LBPF_THUMB_LDMDB,
  LBPF_THUMB_STM,
  LBPF_THUMB_STMDB,
  LBPF_THUMB_PUSH,
  LBPF_THUMB_POP,
  /* control */
  LBPF_THUMB_B,
  LBPF_THUMB_BL,
  LBPF_THUMB_BX,
  LBPF_THUMB_BLX,
  LBPF_THUMB_CBZ,
  LBPF_THUMB_CBNZ,
  LBPF_THUMB_IT,
  LBPF_THUMB_NOP,
  LBPF_THUMB_NOPS
};
#line 154 "lit/thumb-isa.nw"
enum lbpf_thumb_shift {
  LBPF_THUMB_SHIFT_LSL = 0,
  LBPF_THUMB_SHIFT_LSR = 1,
  LBPF_THUMB_SHIFT_ASR = 2,
  LBPF_THUMB_SHIFT_ROR = 3,
  LBPF_THUMB_SHIFT_RRX = 4
};

/* Condition codes, as encoded. */
enum lbpf_thumb_cond {
  LBPF_THUMB_EQ,
  LBPF_THUMB_NE,
  LBPF_THUMB_HS,
  LBPF_THUMB_LO,
  LBPF_THUMB_MI,
  LBPF_THUMB_PL,
  LBPF_THUMB_VS,
  LBPF_THUMB_VC,
  LBPF_THUMB_HI,
  LBPF_THUMB_LS,
  LBPF_THUMB_GE,
  LBPF_THUMB_LT,
  LBPF_THUMB_GT,
  LBPF_THUMB_LE,
  LBPF_THUMB_AL
};

#define LBPF_THUMB_SP 13
#define LBPF_THUMB_LR 14
#define LBPF_THUMB_PC 15

struct lbpf_thumb_insn {
  uint8_t form; /* enum lbpf_thumb_form */
  uint8_t op;   /* enum lbpf_thumb_op */
  uint8_t setflags, cond;
  uint8_t rd, rn, rm, ra;
  uint8_t shift, amount, width, mask;
  uint8_t writeback, add;
  uint16_t reglist;
  int32_t imm;
};
#line 1225 "lit/thumb-isa.nw"
/* The value of a modified-immediate field, and the field of a value (false
   if the value has none). */
uint32_t lbpf_thumb_modimm_expand(uint32_t field);
bool lbpf_thumb_modimm_encode(uint32_t value, uint32_t *field);
/* Whether i is an instruction of the model. */
bool lbpf_thumb_valid(const struct lbpf_thumb_insn *i);
/* Write i into hw; the number of halfwords (1 or 2), 0 if i is not valid. */
int lbpf_thumb_encode(const struct lbpf_thumb_insn *i, uint16_t hw[2]);
/* Store i at buf (cap bytes available), little-endian; the number of bytes
   written (2 or 4), 0 if i is not valid or does not fit. */
size_t lbpf_thumb_emit(const struct lbpf_thumb_insn *i, uint8_t *buf, size_t cap);
/* 1 or 2: the size in halfwords of the instruction beginning with hw0. */
int lbpf_thumb_insn_size(uint16_t hw0);
/* Decode the instruction at hw (avail halfwords readable).  Returns its size
   in halfwords, 0 if avail is too short; out->form is LBPF_THUMB_F_INVALID for
   encodings outside the model. */
int lbpf_thumb_decode(const uint16_t *hw, size_t avail, struct lbpf_thumb_insn *out);
#line 1282 "lit/thumb-isa.nw"
/* ITSTATE after one instruction of an IT block (0: the block is over).
   After an IT instruction, ITSTATE = firstcond << 4 | mask. */
unsigned lbpf_thumb_it_advance(unsigned itstate);
#line 1544 "lit/thumb-isa.nw"
/* Print i in UAL into buf (at most size bytes, NUL-terminated); itcond is the
   condition of i's IT slot, or -1 outside an IT block.  Returns the length
   of the full text, like snprintf.  Host only (generated/host/thumb_print.c). */
int lbpf_thumb_print(const struct lbpf_thumb_insn *i, int itcond, char *buf, size_t size);
#line 1790 "lit/thumb-isa.nw"
/* One step of a xorshift64 generator (a zero state is replaced). */
uint64_t lbpf_thumb_rand(uint64_t *state);
/* A random valid instruction of the given form; false if none was found. */
bool lbpf_thumb_random_insn(uint64_t *state, unsigned form, struct lbpf_thumb_insn *out);
#line 72 "lit/thumb-sem.nw"
/* Permissions of a memory area. */
#define LBPF_THUMB_READ 1u
#define LBPF_THUMB_WRITE 2u
#define LBPF_THUMB_EXEC 4u

/* A declared memory area: size bytes at the machine address base, held at
   bytes on the host. */
struct lbpf_thumb_area {
  uint32_t base, size;
  unsigned perm;
  uint8_t *bytes;
};

/* The architectural state: r[15] is the pc; flags are 0 or 1; itstate is
   the IT state (0 outside an IT block). */
struct lbpf_thumb_state {
  uint32_t r[16];
  uint32_t n, z, c, v;
  uint32_t itstate;
};

enum lbpf_thumb_status {
  LBPF_THUMB_RETURNED = 0,        /* the pc reached the sentinel */
  LBPF_THUMB_FAULT_FETCH,         /* the pc left executable memory */
  LBPF_THUMB_FAULT_UNDEFINED,     /* an encoding outside the model */
  LBPF_THUMB_FAULT_UNPREDICTABLE, /* misuse: e.g. a branch inside an IT block */
  LBPF_THUMB_FAULT_MEMORY,        /* an access outside the areas or their permissions */
  LBPF_THUMB_FAULT_ALIGNMENT,     /* LDRD/STRD/LDM/STM at an unaligned address */
  LBPF_THUMB_FAULT_INTERWORKING,  /* a branch to an address with bit 0 clear */
  LBPF_THUMB_STEP_LIMIT,          /* the step limit was reached */
  LBPF_THUMB_SYMBOLIC             /* a value that must be known is symbolic */
};

struct lbpf_thumb_result {
  enum lbpf_thumb_status status;
  uint32_t pc;         /* the faulting instruction, or the sentinel */
  uint32_t fault_addr; /* the address a memory, fetch or alignment fault touched */
  uint64_t insns;      /* instructions executed (including the faulting one) */
  uint64_t cycles;     /* estimated Cortex-M4 cycles (see the cost model) */
};

/* The name of a status, for messages. */
const char *lbpf_thumb_status_name(enum lbpf_thumb_status s);

/* Run from state->r[15] until the pc equals sentinel (bit 0 ignored), a
   fault, or max_steps instructions.  On return state holds the final state
   (for a fault: the state before the faulting instruction, pc included). */
enum lbpf_thumb_status lbpf_thumb_run(struct lbpf_thumb_state *state,
                                      const struct lbpf_thumb_area *areas, size_t nareas,
                                      uint32_t sentinel, uint64_t max_steps,
                                      struct lbpf_thumb_result *result);
#line 1260 "lit/thumb-isa.nw"
#endif
