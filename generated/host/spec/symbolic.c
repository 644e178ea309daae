#line 134 "spec/symbolic.nw"
/* The symbolic instance of the specification's arithmetic: alu_sem.h over
   Z3 terms (see spec/symbolic.nw). */
#include "lbpf_spec_sym.h"
#include "lbpf_isa.h"

#line 78 "spec/symbolic.nw"
static _Thread_local Z3_context z3;

typedef Z3_ast V;
typedef Z3_ast VB;
static Z3_ast bv64(uint64_t k) {
  return Z3_mk_unsigned_int64(z3, k, Z3_mk_bv_sort(z3, 64));
}
#define V_K(k) bv64((uint64_t)(k))
#define V_ADD(a, b) Z3_mk_bvadd(z3, (a), (b))
#define V_SUB(a, b) Z3_mk_bvsub(z3, (a), (b))
#define V_MUL(a, b) Z3_mk_bvmul(z3, (a), (b))
#define V_UDIV(a, b) Z3_mk_bvudiv(z3, (a), (b))
#define V_UREM(a, b) Z3_mk_bvurem(z3, (a), (b))
#define V_SDIV(a, b) Z3_mk_bvsdiv(z3, (a), (b))
#define V_SREM(a, b) Z3_mk_bvsrem(z3, (a), (b))
#define V_AND(a, b) Z3_mk_bvand(z3, (a), (b))
#define V_OR(a, b) Z3_mk_bvor(z3, (a), (b))
#define V_XOR(a, b) Z3_mk_bvxor(z3, (a), (b))
#define V_SHL(a, n) Z3_mk_bvshl(z3, (a), (n))
#define V_LSHR(a, n) Z3_mk_bvlshr(z3, (a), (n))
#define V_ASHR(a, n) Z3_mk_bvashr(z3, (a), (n))
#define V_EQ(a, b) Z3_mk_eq(z3, (a), (b))
#define V_ULT(a, b) Z3_mk_bvult(z3, (a), (b))
#define V_SLT(a, b) Z3_mk_bvslt(z3, (a), (b))
#define V_NOT(c) Z3_mk_not(z3, (c))
#define V_ITE(c, a, b) Z3_mk_ite(z3, (c), (a), (b))
#line 140 "spec/symbolic.nw"
#include "alu_sem.h"
#line 110 "spec/symbolic.nw"
Z3_ast lbpf_spec_sym_value(Z3_context ctx, uint64_t k) {
  z3 = ctx;
  return bv64(k);
}

Z3_ast lbpf_spec_sym_alu(Z3_context ctx, uint8_t opcode, int16_t offset, int32_t imm, Z3_ast dst,
                         Z3_ast src) {
  z3 = ctx;
  return alu_result(opcode, offset, imm, dst, src);
}

void lbpf_spec_sym_step_alu(Z3_context ctx, struct lbpf_insn insn, Z3_ast regs[LBPF_NREGS]) {
  z3 = ctx;
  regs[insn.dst] = alu_result(insn.opcode, insn.offset, insn.imm, regs[insn.dst],
                              second_operand(insn.opcode, insn.imm, regs[insn.src]));
}

Z3_ast lbpf_spec_sym_jump_taken(Z3_context ctx, uint8_t opcode, Z3_ast dst, Z3_ast src) {
  z3 = ctx;
  return jump_taken(opcode, dst, src);
}
