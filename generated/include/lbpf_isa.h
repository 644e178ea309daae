#line 28 "spec/isa.nw"
#ifndef LBPF_ISA_H
#define LBPF_ISA_H
#include <stdbool.h>

#include "lbpf.h"

/* Decode the 8 bytes at p; encode into 8 bytes at p. */
struct lbpf_insn lbpf_decode(const uint8_t *p);
void lbpf_encode(struct lbpf_insn insn, uint8_t *p);

/* The instruction in slot pc of a verified program. */
struct lbpf_insn lbpf_program_insn(const struct lbpf_program *prog, uint32_t pc);

/* Does opcode start a two-slot lddw?  */
int lbpf_is_lddw(uint8_t opcode);

/* The instruction table (see "The instruction table"). */
#line 176 "spec/isa.nw"
/* What an instruction of each kind uses, and which field tells apart the
   forms that share its opcode. */
enum lbpf_kind {
  LBPF_KIND_ALU_K,   /* dst op= imm; by the offset (sdiv, smod: 1) */
  LBPF_KIND_ALU_X,   /* dst op= src; by the offset (sdiv, smod: 1; movsx: the width) */
  LBPF_KIND_NEG,     /* dst = -dst */
  LBPF_KIND_END,     /* byte swap of dst; by the immediate: 16, 32 or 64 */
  LBPF_KIND_JA,      /* pc += offset */
  LBPF_KIND_JA32,    /* pc += imm */
  LBPF_KIND_JCOND_K, /* if dst op imm: pc += offset */
  LBPF_KIND_JCOND_X, /* if dst op src: pc += offset */
  LBPF_KIND_CALL,    /* by the source: helper imm (0) or local call to pc + 1 + imm (1) */
  LBPF_KIND_CALLX,   /* helper whose id is in dst */
  LBPF_KIND_EXIT,    /* return */
  LBPF_KIND_LDDW,    /* dst = 64-bit immediate from two slots; by the source, which is 0 */
  LBPF_KIND_LDX,     /* dst = *(src + offset) */
  LBPF_KIND_ST,      /* *(dst + offset) = imm */
  LBPF_KIND_STX,     /* *(dst + offset) = src */
  LBPF_KIND_ATOMIC   /* atomic op on *(dst + offset) with src; by the immediate: the op */
};

/* The registers a form reads or writes, by their role in the instruction. */
#define LBPF_ROLE_DST 0x1u  /* the register named by dst */
#define LBPF_ROLE_SRC 0x2u  /* the register named by src */
#define LBPF_ROLE_R0 0x4u   /* r0 */
#define LBPF_ROLE_ARGS 0x8u /* r1-r5, the arguments of a helper */

/* One row of the table: four bytes. */
struct lbpf_form {
  uint8_t opcode;
  uint8_t value;      /* the distinguishing field's value (see enum lbpf_kind) */
  uint8_t kind : 4;   /* enum lbpf_kind */
  uint8_t cpu : 4;    /* 1..4: the -mcpu version that introduced the form */
  uint8_t reads : 4;  /* LBPF_ROLE_* */
  uint8_t writes : 4; /* LBPF_ROLE_*: surely written by the instruction itself */
};
#line 231 "spec/isa.nw"
/* X(name, opcode, kind, value, reads, writes, cpu) */
#define LBPF_FORM_ALU(X, name, op, value, reads, cpu)                                              \
  X(name, LBPF_CLASS_ALU64 | (op) | LBPF_SRC_K, LBPF_KIND_ALU_K, value, (reads), LBPF_ROLE_DST,    \
    cpu)                                                                                           \
  X(name, LBPF_CLASS_ALU64 | (op) | LBPF_SRC_X, LBPF_KIND_ALU_X, value, (reads) | LBPF_ROLE_SRC,   \
    LBPF_ROLE_DST, cpu)                                                                            \
  X(name "32", LBPF_CLASS_ALU | (op) | LBPF_SRC_K, LBPF_KIND_ALU_K, value, (reads), LBPF_ROLE_DST, \
    cpu)                                                                                           \
  X(name "32", LBPF_CLASS_ALU | (op) | LBPF_SRC_X, LBPF_KIND_ALU_X, value,                         \
    (reads) | LBPF_ROLE_SRC, LBPF_ROLE_DST, cpu)
#define LBPF_FORM_BINOP(X, name, op, value, cpu)                                                   \
  LBPF_FORM_ALU(X, name, op, value, LBPF_ROLE_DST, cpu)
#define LBPF_FORM_MOVSX(X, name, cls, width)                                                       \
  X(name, (cls) | LBPF_ALU_MOV | LBPF_SRC_X, LBPF_KIND_ALU_X, width, LBPF_ROLE_SRC, LBPF_ROLE_DST, \
    4)
#define LBPF_FORM_END(X, name, opcode, width, cpu)                                                 \
  X(name, opcode, LBPF_KIND_END, width, LBPF_ROLE_DST, LBPF_ROLE_DST, cpu)

#define LBPF_FORMS_ALU(X)                                                                          \
  LBPF_FORM_BINOP(X, "add", LBPF_ALU_ADD, 0, 1)                                                    \
  LBPF_FORM_BINOP(X, "sub", LBPF_ALU_SUB, 0, 1)                                                    \
  LBPF_FORM_BINOP(X, "mul", LBPF_ALU_MUL, 0, 1)                                                    \
  LBPF_FORM_BINOP(X, "div", LBPF_ALU_DIV, 0, 1)                                                    \
  LBPF_FORM_BINOP(X, "sdiv", LBPF_ALU_DIV, 1, 4)                                                   \
  LBPF_FORM_BINOP(X, "or", LBPF_ALU_OR, 0, 1)                                                      \
  LBPF_FORM_BINOP(X, "and", LBPF_ALU_AND, 0, 1)                                                    \
  LBPF_FORM_BINOP(X, "lsh", LBPF_ALU_LSH, 0, 1)                                                    \
  LBPF_FORM_BINOP(X, "rsh", LBPF_ALU_RSH, 0, 1)                                                    \
  LBPF_FORM_BINOP(X, "mod", LBPF_ALU_MOD, 0, 1)                                                    \
  LBPF_FORM_BINOP(X, "smod", LBPF_ALU_MOD, 1, 4)                                                   \
  LBPF_FORM_BINOP(X, "xor", LBPF_ALU_XOR, 0, 1)                                                    \
  LBPF_FORM_ALU(X, "mov", LBPF_ALU_MOV, 0, 0, 1)                                                   \
  LBPF_FORM_BINOP(X, "arsh", LBPF_ALU_ARSH, 0, 1)                                                  \
  X("neg", LBPF_CLASS_ALU64 | LBPF_ALU_NEG, LBPF_KIND_NEG, 0, LBPF_ROLE_DST, LBPF_ROLE_DST, 1)     \
  X("neg32", LBPF_CLASS_ALU | LBPF_ALU_NEG, LBPF_KIND_NEG, 0, LBPF_ROLE_DST, LBPF_ROLE_DST, 1)     \
  LBPF_FORM_MOVSX(X, "movsx832", LBPF_CLASS_ALU, 8)                                                \
  LBPF_FORM_MOVSX(X, "movsx1632", LBPF_CLASS_ALU, 16)                                              \
  LBPF_FORM_MOVSX(X, "movsx864", LBPF_CLASS_ALU64, 8)                                              \
  LBPF_FORM_MOVSX(X, "movsx1664", LBPF_CLASS_ALU64, 16)                                            \
  LBPF_FORM_MOVSX(X, "movsx3264", LBPF_CLASS_ALU64, 32)                                            \
  LBPF_FORM_END(X, "le16", LBPF_CLASS_ALU | LBPF_ALU_END | LBPF_SRC_K, 16, 1)                      \
  LBPF_FORM_END(X, "le32", LBPF_CLASS_ALU | LBPF_ALU_END | LBPF_SRC_K, 32, 1)                      \
  LBPF_FORM_END(X, "le64", LBPF_CLASS_ALU | LBPF_ALU_END | LBPF_SRC_K, 64, 1)                      \
  LBPF_FORM_END(X, "be16", LBPF_CLASS_ALU | LBPF_ALU_END | LBPF_SRC_X, 16, 1)                      \
  LBPF_FORM_END(X, "be32", LBPF_CLASS_ALU | LBPF_ALU_END | LBPF_SRC_X, 32, 1)                      \
  LBPF_FORM_END(X, "be64", LBPF_CLASS_ALU | LBPF_ALU_END | LBPF_SRC_X, 64, 1)                      \
  LBPF_FORM_END(X, "bswap16", LBPF_CLASS_ALU64 | LBPF_ALU_END, 16, 4)                              \
  LBPF_FORM_END(X, "bswap32", LBPF_CLASS_ALU64 | LBPF_ALU_END, 32, 4)                              \
  LBPF_FORM_END(X, "bswap64", LBPF_CLASS_ALU64 | LBPF_ALU_END, 64, 4)
#line 291 "spec/isa.nw"
#define LBPF_FORM_JCOND(X, name, op, cpu)                                                          \
  X(name, LBPF_CLASS_JMP | (op) | LBPF_SRC_K, LBPF_KIND_JCOND_K, 0, LBPF_ROLE_DST, 0, cpu)         \
  X(name, LBPF_CLASS_JMP | (op) | LBPF_SRC_X, LBPF_KIND_JCOND_X, 0, LBPF_ROLE_DST | LBPF_ROLE_SRC, \
    0, cpu)                                                                                        \
  X(name "32", LBPF_CLASS_JMP32 | (op) | LBPF_SRC_K, LBPF_KIND_JCOND_K, 0, LBPF_ROLE_DST, 0, 3)    \
  X(name "32", LBPF_CLASS_JMP32 | (op) | LBPF_SRC_X, LBPF_KIND_JCOND_X, 0,                         \
    LBPF_ROLE_DST | LBPF_ROLE_SRC, 0, 3)

#define LBPF_FORMS_JMP(X)                                                                          \
  LBPF_FORM_JCOND(X, "jeq", LBPF_JMP_JEQ, 1)                                                       \
  LBPF_FORM_JCOND(X, "jgt", LBPF_JMP_JGT, 1)                                                       \
  LBPF_FORM_JCOND(X, "jge", LBPF_JMP_JGE, 1)                                                       \
  LBPF_FORM_JCOND(X, "jset", LBPF_JMP_JSET, 1)                                                     \
  LBPF_FORM_JCOND(X, "jne", LBPF_JMP_JNE, 1)                                                       \
  LBPF_FORM_JCOND(X, "jsgt", LBPF_JMP_JSGT, 1)                                                     \
  LBPF_FORM_JCOND(X, "jsge", LBPF_JMP_JSGE, 1)                                                     \
  LBPF_FORM_JCOND(X, "jlt", LBPF_JMP_JLT, 2)                                                       \
  LBPF_FORM_JCOND(X, "jle", LBPF_JMP_JLE, 2)                                                       \
  LBPF_FORM_JCOND(X, "jslt", LBPF_JMP_JSLT, 2)                                                     \
  LBPF_FORM_JCOND(X, "jsle", LBPF_JMP_JSLE, 2)                                                     \
  X("ja", LBPF_CLASS_JMP | LBPF_JMP_JA, LBPF_KIND_JA, 0, 0, 0, 1)                                  \
  X("ja32", LBPF_CLASS_JMP32 | LBPF_JMP_JA, LBPF_KIND_JA32, 0, 0, 0, 4)                            \
  X("call", LBPF_CLASS_JMP | LBPF_JMP_CALL, LBPF_KIND_CALL, LBPF_CALL_HELPER, LBPF_ROLE_ARGS,      \
    LBPF_ROLE_R0, 1)                                                                               \
  X("call local", LBPF_CLASS_JMP | LBPF_JMP_CALL, LBPF_KIND_CALL, LBPF_CALL_LOCAL, 0, 0, 3)        \
  X("callx", LBPF_CLASS_JMP | LBPF_JMP_CALL | LBPF_SRC_X, LBPF_KIND_CALLX, 0,                      \
    LBPF_ROLE_DST | LBPF_ROLE_ARGS, LBPF_ROLE_R0, 4)                                               \
  X("exit", LBPF_CLASS_JMP | LBPF_JMP_EXIT, LBPF_KIND_EXIT, 0, LBPF_ROLE_R0, 0, 1)
#line 331 "spec/isa.nw"
#define LBPF_FORM_SIZES(X, name, cls, mode, kind, reads, writes, cpu)                              \
  X(name "w", (cls) | (mode) | LBPF_SIZE_W, kind, 0, reads, writes, cpu)                           \
  X(name "h", (cls) | (mode) | LBPF_SIZE_H, kind, 0, reads, writes, cpu)                           \
  X(name "b", (cls) | (mode) | LBPF_SIZE_B, kind, 0, reads, writes, cpu)
#define LBPF_FORM_ATOMIC(X, name, op, reads, writes)                                               \
  X("lock " name, LBPF_CLASS_STX | LBPF_MODE_ATOMIC | LBPF_SIZE_DW, LBPF_KIND_ATOMIC, op,          \
    LBPF_ROLE_DST | LBPF_ROLE_SRC | (reads), writes, 3)                                            \
  X("lock " name "32", LBPF_CLASS_STX | LBPF_MODE_ATOMIC | LBPF_SIZE_W, LBPF_KIND_ATOMIC, op,      \
    LBPF_ROLE_DST | LBPF_ROLE_SRC | (reads), writes, 3)
#define LBPF_FORM_ATOMIC_OP(X, name, op)                                                           \
  LBPF_FORM_ATOMIC(X, name, op, 0, 0)                                                              \
  LBPF_FORM_ATOMIC(X, "fetch " name, (op) | LBPF_ATOMIC_FETCH, 0, LBPF_ROLE_SRC)

#define LBPF_FORMS_MEM(X)                                                                          \
  X("lddw", LBPF_CLASS_LD | LBPF_MODE_IMM | LBPF_SIZE_DW, LBPF_KIND_LDDW, 0, 0, LBPF_ROLE_DST, 1)  \
  LBPF_FORM_SIZES(X, "ldx", LBPF_CLASS_LDX, LBPF_MODE_MEM, LBPF_KIND_LDX, LBPF_ROLE_SRC,           \
                  LBPF_ROLE_DST, 1)                                                                \
  X("ldxdw", LBPF_CLASS_LDX | LBPF_MODE_MEM | LBPF_SIZE_DW, LBPF_KIND_LDX, 0, LBPF_ROLE_SRC,       \
    LBPF_ROLE_DST, 1)                                                                              \
  LBPF_FORM_SIZES(X, "ldxs", LBPF_CLASS_LDX, LBPF_MODE_MEMSX, LBPF_KIND_LDX, LBPF_ROLE_SRC,        \
                  LBPF_ROLE_DST, 4)                                                                \
  LBPF_FORM_SIZES(X, "st", LBPF_CLASS_ST, LBPF_MODE_MEM, LBPF_KIND_ST, LBPF_ROLE_DST, 0, 1)        \
  X("stdw", LBPF_CLASS_ST | LBPF_MODE_MEM | LBPF_SIZE_DW, LBPF_KIND_ST, 0, LBPF_ROLE_DST, 0, 1)    \
  LBPF_FORM_SIZES(X, "stx", LBPF_CLASS_STX, LBPF_MODE_MEM, LBPF_KIND_STX,                          \
                  LBPF_ROLE_DST | LBPF_ROLE_SRC, 0, 1)                                             \
  X("stxdw", LBPF_CLASS_STX | LBPF_MODE_MEM | LBPF_SIZE_DW, LBPF_KIND_STX, 0,                      \
    LBPF_ROLE_DST | LBPF_ROLE_SRC, 0, 1)                                                           \
  LBPF_FORM_ATOMIC_OP(X, "add", LBPF_ATOMIC_ADD)                                                   \
  LBPF_FORM_ATOMIC_OP(X, "or", LBPF_ATOMIC_OR)                                                     \
  LBPF_FORM_ATOMIC_OP(X, "and", LBPF_ATOMIC_AND)                                                   \
  LBPF_FORM_ATOMIC_OP(X, "xor", LBPF_ATOMIC_XOR)                                                   \
  LBPF_FORM_ATOMIC(X, "xchg", LBPF_ATOMIC_XCHG, 0, LBPF_ROLE_SRC)                                  \
  LBPF_FORM_ATOMIC(X, "cmpxchg", LBPF_ATOMIC_CMPXCHG, LBPF_ROLE_R0, LBPF_ROLE_R0)

#define LBPF_FORMS(X) LBPF_FORMS_ALU(X) LBPF_FORMS_JMP(X) LBPF_FORMS_MEM(X)
#define LBPF_NFORMS 158
#line 440 "spec/isa.nw"
/* No row: the end of a chain of the index. */
#define LBPF_FORM_NONE 255u
_Static_assert(LBPF_NFORMS < LBPF_FORM_NONE, "a row's index fits a byte of the index");
#line 47 "spec/isa.nw"
extern const struct lbpf_form lbpf_forms[LBPF_NFORMS];
#line 496 "spec/isa.nw"
#define LBPF_REGS_R0 ((uint16_t)0x0001)   /* r0 */
#define LBPF_REGS_ARGS ((uint16_t)0x003e) /* r1-r5 */

/* The row of insn's form, or NULL if insn is no instruction of RFC 9669.
   lbpf_form_lookup also says whether some form has insn's opcode. */
const struct lbpf_form *lbpf_form_of(struct lbpf_insn insn);
const struct lbpf_form *lbpf_form_lookup(struct lbpf_insn insn, bool *opcode_known);
/* Is insn of this form: its opcode, and the form's value in its distinguishing field? */
bool lbpf_form_matches(const struct lbpf_form *form, struct lbpf_insn insn);

/* The registers (bit i: ri) that the roles name in insn. */
uint16_t lbpf_form_registers(unsigned roles, struct lbpf_insn insn);

static inline uint16_t lbpf_insn_reads(const struct lbpf_form *form, struct lbpf_insn insn) {
  return lbpf_form_registers(form->reads, insn);
}
static inline uint16_t lbpf_insn_writes(const struct lbpf_form *form, struct lbpf_insn insn) {
  return lbpf_form_registers(form->writes, insn);
}

/* Can an instruction of this form belong to an ALU run? */
static inline bool lbpf_form_in_alu_run(const struct lbpf_form *form) {
  return form->kind <= LBPF_KIND_END;
}
static inline bool lbpf_form_is_lddw(const struct lbpf_form *form) {
  return form->kind == LBPF_KIND_LDDW;
}

/* The form's name as the assembler spells it (host library only). */
const char *lbpf_form_name(const struct lbpf_form *form);
#line 49 "spec/isa.nw"
#endif
