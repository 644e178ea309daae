#line 34 "spec/symbolic.nw"
/* The symbolic instance of the specification's arithmetic (host only; link
   -lz3).  Values are 64-bit bit-vector terms, conditions Boolean terms, all
   in the caller's context (see spec/symbolic.nw). */
#ifndef LBPF_SPEC_SYM_H
#define LBPF_SPEC_SYM_H
#include <stdint.h>
#include <z3.h>

#include "lbpf.h"

/* The 64-bit constant k. */
Z3_ast lbpf_spec_sym_value(Z3_context ctx, uint64_t k);

/* The new value of the destination register of the ALU or ALU64
   instruction (opcode, offset, imm), from the destination's value dst and
   the source register's value src: alu_result of alu_sem.h. */
Z3_ast lbpf_spec_sym_alu(Z3_context ctx, uint8_t opcode, int16_t offset, int32_t imm, Z3_ast dst,
                         Z3_ast src);

/* The ALU or ALU64 instruction insn applied to the register file regs
   (LBPF_NREGS 64-bit terms): regs[insn.dst] becomes alu_result of the
   destination and the second operand (the source register or the
   sign-extended immediate), as the specification's step does. */
void lbpf_spec_sym_step_alu(Z3_context ctx, struct lbpf_insn insn, Z3_ast regs[LBPF_NREGS]);

/* Whether the JMP or JMP32 instruction's condition holds, a Boolean term:
   jump_taken of alu_sem.h. */
Z3_ast lbpf_spec_sym_jump_taken(Z3_context ctx, uint8_t opcode, Z3_ast dst, Z3_ast src);
#endif
