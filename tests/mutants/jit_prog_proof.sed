# Bugs planted into the tangled whole-program JIT (generated/jitprog/jit_prog.c)
# by tests/pbt_mutants.sh for the proofs of its cores (lit/jit-prog-proof.nw,
# make check-jit-proof): each must make a piece's proof fail with a
# counterexample.  The first two are also in tests/mutants/jit_prog.sed, for
# the chapter's suite and the property-based checker.
# the region check: the end taken as inclusive (one byte past the region passes)
s/  branch(g, LBPF_THUMB_HS, label(g, L_SLOW, pc));/  branch(g, LBPF_THUMB_HI, label(g, L_SLOW, pc));/
# the region check: the high word of the offset ignored
s/  branch(g, LBPF_THUMB_NE, label(g, L_SLOW, pc));/  (void)0;/
# the region check: 2 bytes compared with the end of 1 byte, 8 with that of 4
s/  ld_st(g, 3, OFF_FAST(k, end) + 4u \* size_index(n));/  ld_st(g, 3, OFF_FAST(k, end) + 4u * (size_index(n) \/ 2));/
# the flags of a jump: 32-bit jgt taken on equality too (HS for HI)
s/  case LBPF_JMP_JGT: return LBPF_THUMB_HI;/  case LBPF_JMP_JGT: return LBPF_THUMB_HS;/
# the flags of a jump: a 64-bit ordering compares the high words with the source's low word
s/    subtract_with_carry(g, 1, h, sh);/    subtract_with_carry(g, 1, h, sl);/
# the flags of a jump: jsge ordered as unsigned
s/  case LBPF_JMP_JSGE: return LBPF_THUMB_GE;/  case LBPF_JMP_JSGE: return LBPF_THUMB_HS;/
# the budget: one unit short for every transfer
s/  constant(g, 2, cost);/  constant(g, 2, cost - 1);/
# the budget: stops when the budget left equals the cost (LS for LO)
s/  branch(g, LBPF_THUMB_LO, label(g, L_FAIL_BUDGET, pc));/  branch(g, LBPF_THUMB_LS, label(g, L_FAIL_BUDGET, pc));/
# the frame: r11 neither saved nor restored
s/#define SAVED_LIST ((uint16_t)0x4ff8u)/#define SAVED_LIST ((uint16_t)0x47f8u)/
# the frame: the failure path stores the pc as the status
s/  st_st(g, 1, OFF(pc));/  st_st(g, 1, OFF(status));/
# fast_region: a base at or above 2^64 - 2^32 given the ends of any other
# (caught by the test of the check's precondition against fast_region)
s/  size_t len = (uint32_t)(base >> 32) == UINT32_MAX ? 0 : r->length;/  size_t len = r->length;/
# a helper call: BPF r1's words swapped in r2:r3
s/  lo_to(g, 1, 2);/  lo_to(g, 1, 3);/;s/  hi_to(g, 1, 3);/  hi_to(g, 1, 2);/
# a helper call: r2-r5 stored one word low on the stack
s/lo_in(g, r, 0), LBPF_THUMB_SP, (int32_t)(8 \* (r - 2))/lo_in(g, r, 0), LBPF_THUMB_SP, (int32_t)(8 * (r - 2) - 4)/;s/hi_in(g, r, 0), LBPF_THUMB_SP, (int32_t)(8 \* (r - 2) + 4)/hi_in(g, r, 0), LBPF_THUMB_SP, (int32_t)(8 * (r - 2))/
# a local call: its exit does not give r8-r9 back to the caller
s/  multiple(g, LBPF_THUMB_STM, LBPF_THUMB_LR, false, FOUR_LIST);/  (void)FOUR_LIST;/
# a local call: a call that reaches the number of frames let through (HI for HS)
s/  branch(g, LBPF_THUMB_HS, label(g, L_FAIL_DEPTH, pc));/  branch(g, LBPF_THUMB_HI, label(g, L_FAIL_DEPTH, pc));/
# a backward jump: the condition not inverted around the spending
s/branch(g, cond ^ 1u, label(g, L_SKIP, pc));/branch(g, cond, label(g, L_SKIP, pc));/
# the slow path: the routine's answer read the wrong way round (NE for EQ)
s/  branch(g, LBPF_THUMB_EQ, label(g, L_FAIL_MEM, pc));/  branch(g, LBPF_THUMB_NE, label(g, L_FAIL_MEM, pc));/
# the slow path: the permission passed one bit too low
s/  constant(g, 3, n | perm << 4);/  constant(g, 3, n | perm << 3);/
# the relation: a known high word read from its home, the fact ignored (hi_in, spill)
s/  if (hw_known(g->facts, r)) {/  if (0) {/
# the relation: a local call that does not settle the known high words first
s/  settle_to(g, g->facts, HW_ALL(HW_TOP), ALL_REGS);/  (void)0;/
# the relation: the prologue leaves the low homes of the other registers unset
s/        dp_imm(g, LBPF_THUMB_MOV, 0, g->home\[h\], 0, 0);/        (void)0;/
# a 64-bit jset narrowed to its low words when the high words are all ones
s/(op != LBPF_JMP_JSET || dh == HW_ZERO)/(op != LBPF_JMP_JSET || dh != HW_NONE)/
# a jump's operands: an immediate whose negation encodes compared with that negation (cmp for cmn)
s/return dp_imm(g, LBPF_THUMB_CMN, 1, 0, n, -m.k);/return dp_imm(g, LBPF_THUMB_CMP, 1, 0, n, -m.k);/
# a jump's operands: two low registers compared the wrong way round (16-bit cmp)
s/    data(g, LBPF_THUMB_F_DP_REG16, op, 1, 0, n, m.reg, 0);/    data(g, LBPF_THUMB_F_DP_REG16, op, 1, 0, m.reg, n, 0);/
# a jump's operands: a high register compared the wrong way round (cmp of high registers)
s/.rn = (uint8_t)n, .rm = (uint8_t)m.reg));/.rn = (uint8_t)m.reg, .rm = (uint8_t)n));/
# a jump's operands: a 64-bit equality with an immediate whose negation encodes subtracts that negation
s/return dp_imm(g, LBPF_THUMB_ADD, 0, 0, n, -m.k);/return dp_imm(g, LBPF_THUMB_SUB, 0, 0, n, -m.k);/
# a jump's operands: a jset immediate whose complement encodes and-ed with that complement (and for bic)
s/return dp_imm(g, LBPF_THUMB_BIC, 0, 0, n, ~m.k);/return dp_imm(g, LBPF_THUMB_AND, 0, 0, n, ~m.k);/
# a jump's operands: a 64-bit equality with a high word of all ones or-ed, not or-ed complemented
s/!jset \&\& c ? LBPF_THUMB_ORN : LBPF_THUMB_ORR/jset \&\& c ? LBPF_THUMB_ORN : LBPF_THUMB_ORR/
# a jump's operands: jgt and jle of a 64-bit immediate compared with it, not with its successor
s/| sl.k) + 1;/| sl.k);/
# a jump's operands: jle of 2^64 - 1 (no successor) compared with 0
s/(op == LBPF_JMP_JGT || op == LBPF_JMP_JLE) \&\& sl.k == UINT32_MAX/op == LBPF_JMP_JGT \&\& sl.k == UINT32_MAX/
# a jump's operands: a known high word taken as 0 whatever the analysis knows
s/  if (hw_known(g->facts, r)) return known(hw_word(hw_get(g->facts, r)));/  if (hw_known(g->facts, r)) return known(0);/
