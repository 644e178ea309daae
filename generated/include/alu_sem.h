#line 121 "spec/semantics.nw"
/* The eBPF arithmetic over an abstract value V (see spec/semantics.nw).
   Include after defining V, VB and the V_ operations. */
#ifndef LBPF_ALU_SEM_H
#define LBPF_ALU_SEM_H

static V trunc32(V a) {
  return V_AND(a, V_K(0xffffffffu));
}
static V sext_from(V a, unsigned bits) {
  return V_ASHR(V_SHL(a, V_K(64 - bits)), V_K(64 - bits));
}

#line 145 "spec/semantics.nw"
static V divide(V a, V b, int is_signed, int is_mod) {
  VB zero = V_EQ(b, V_K(0));
  if (is_mod) return V_ITE(zero, a, is_signed ? V_SREM(a, b) : V_UREM(a, b));
  return V_ITE(zero, V_K(0), is_signed ? V_SDIV(a, b) : V_UDIV(a, b));
}
#line 159 "spec/semantics.nw"
static V swap_bytes(V a, unsigned bits) {
  V r = V_K(0);
  for (unsigned i = 0; i < bits / 8; i++) {
    V byte = V_AND(V_LSHR(a, V_K(8 * i)), V_K(0xff));
    r = V_OR(r, V_SHL(byte, V_K(bits - 8 - 8 * i)));
  }
  return r;
}

static V truncate_to(V a, unsigned bits) {
  return bits == 64 ? a : V_AND(a, V_K((UINT64_C(1) << bits) - 1));
}
#line 180 "spec/semantics.nw"
static V second_operand(uint8_t opcode, int32_t imm, V src) {
  return (opcode & LBPF_SRC_X) ? src : V_K((uint64_t)(int64_t)imm);
}

static V alu_result(uint8_t opcode, int16_t offset, int32_t imm, V d, V s) {
  int is64 = LBPF_CLASS(opcode) == LBPF_CLASS_ALU64;
  unsigned width = is64 ? 64 : 32;
  V dz = is64 ? d : trunc32(d), sz = is64 ? s : trunc32(s);
  V ds = is64 ? d : sext_from(d, 32), ss = is64 ? s : sext_from(s, 32);
  V shift = V_AND(s, V_K(width - 1));
  V r;
  switch (LBPF_OP(opcode)) {
  case LBPF_ALU_ADD: r = V_ADD(d, s); break;
  case LBPF_ALU_SUB: r = V_SUB(d, s); break;
  case LBPF_ALU_MUL: r = V_MUL(d, s); break;
  case LBPF_ALU_DIV: r = offset == 1 ? divide(ds, ss, 1, 0) : divide(dz, sz, 0, 0); break;
  case LBPF_ALU_MOD: r = offset == 1 ? divide(ds, ss, 1, 1) : divide(dz, sz, 0, 1); break;
  case LBPF_ALU_OR: r = V_OR(d, s); break;
  case LBPF_ALU_AND: r = V_AND(d, s); break;
  case LBPF_ALU_XOR: r = V_XOR(d, s); break;
  case LBPF_ALU_LSH: r = V_SHL(d, shift); break;
  case LBPF_ALU_RSH: r = V_LSHR(dz, shift); break;
  case LBPF_ALU_ARSH: r = V_ASHR(ds, shift); break;
  case LBPF_ALU_NEG: r = V_SUB(V_K(0), d); break;
  case LBPF_ALU_MOV: r = offset == 0 ? s : sext_from(s, (unsigned)offset); break;
  default:                             /* LBPF_ALU_END */
    if (is64 || (opcode & LBPF_SRC_X)) /* bswap, be */
      return swap_bytes(d, (unsigned)imm);
    return truncate_to(d, (unsigned)imm); /* le */
  }
  return is64 ? r : trunc32(r);
}
#line 224 "spec/semantics.nw"
static VB jump_taken(uint8_t opcode, V d, V s) {
  int is64 = LBPF_CLASS(opcode) == LBPF_CLASS_JMP;
  V du = is64 ? d : trunc32(d), su = is64 ? s : trunc32(s);
  V ds = is64 ? d : sext_from(d, 32), ss = is64 ? s : sext_from(s, 32);
  switch (LBPF_OP(opcode)) {
  case LBPF_JMP_JEQ: return V_EQ(du, su);
  case LBPF_JMP_JNE: return V_NOT(V_EQ(du, su));
  case LBPF_JMP_JGT: return V_ULT(su, du);
  case LBPF_JMP_JGE: return V_NOT(V_ULT(du, su));
  case LBPF_JMP_JLT: return V_ULT(du, su);
  case LBPF_JMP_JLE: return V_NOT(V_ULT(su, du));
  case LBPF_JMP_JSGT: return V_SLT(ss, ds);
  case LBPF_JMP_JSGE: return V_NOT(V_SLT(ds, ss));
  case LBPF_JMP_JSLT: return V_SLT(ds, ss);
  case LBPF_JMP_JSLE: return V_NOT(V_SLT(ss, ds));
  default: /* LBPF_JMP_JSET */ return V_NOT(V_EQ(V_AND(du, su), V_K(0)));
  }
}
#line 135 "spec/semantics.nw"
#endif
