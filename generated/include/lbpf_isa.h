#line 28 "spec/isa.nw"
#ifndef LBPF_ISA_H
#define LBPF_ISA_H
#include "lbpf.h"

/* Decode the 8 bytes at p; encode into 8 bytes at p. */
struct lbpf_insn lbpf_decode(const uint8_t *p);
void lbpf_encode(struct lbpf_insn insn, uint8_t *p);

/* The instruction in slot pc of a verified program. */
struct lbpf_insn lbpf_program_insn(const struct lbpf_program *prog, uint32_t pc);

/* Does opcode start a two-slot lddw?  */
int lbpf_is_lddw(uint8_t opcode);
#endif
