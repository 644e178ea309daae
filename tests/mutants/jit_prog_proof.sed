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
s/    case LBPF_JMP_JGT: return LBPF_THUMB_HI;/    case LBPF_JMP_JGT: return LBPF_THUMB_HS;/
# the flags of a jump: a 64-bit ordering compares the high words with the source's low word
s/    dp(g, LBPF_THUMB_SBC, 1, 1, 1, 3);/    dp(g, LBPF_THUMB_SBC, 1, 1, 1, 2);/
# the flags of a jump: 64-bit jsge ordered as unsigned
s/: op == LBPF_JMP_JSGE ? LBPF_THUMB_GE/: op == LBPF_JMP_JSGE ? LBPF_THUMB_HS/
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
# the access: a sign-extending load's high word filled with zeros (LSR for ASR)
s/.shift = LBPF_THUMB_SHIFT_ASR,/.shift = LBPF_THUMB_SHIFT_LSR,/
# the access: an 8-byte load's high word read from the low word's bytes
s/    mem(g, LBPF_THUMB_LDR, hi, 0, at + 4);/    mem(g, LBPF_THUMB_LDR, hi, 0, at);/
# the access: an 8-byte store writes its high word over the low one
s/  if (n == 8) mem(g, LBPF_THUMB_STR, hi, 0, at + 4);/  if (n == 8) mem(g, LBPF_THUMB_STR, hi, 0, at);/
# the access: stdw's high word of the wrong sign
s/    if (n == 8) constant(g, 3, in.imm < 0 ? 0xffffffffu : 0);/    if (n == 8) constant(g, 3, in.imm < 0 ? 0 : 0xffffffffu);/
# the access: a 64-bit atomic add without the carry into the high word
s/arm_op == LBPF_THUMB_ADD ? LBPF_THUMB_ADC : arm_op/arm_op/
# the access: a 32-bit atomic fetch leaves the source's high word
s/    hi_out(g, in.src, 3);/    if (wide) hi_out(g, in.src, 3);/
# the access: a 64-bit cmpxchg compares the low words only
s/dp(g, LBPF_THUMB_ORR, 1, 1, 1, IP);/dp(g, LBPF_THUMB_ORR, 1, 1, 1, 1);/
# the access: xchg stores the old value back
s/unsigned lo = sl, hi = sh;/unsigned lo = 2, hi = 3;/
# the access: cmpxchg leaves r0's high word
s/    hi_out(g, 0, 3);/    (void)0;/
# the analysis: a sign-extending load's high word taken as 0
s/LBPF_MODE(in.opcode) == LBPF_MODE_MEM && LBPF_SIZE(in.opcode) != LBPF_SIZE_DW/LBPF_SIZE(in.opcode) != LBPF_SIZE_DW/
