# Bugs planted into the tangled whole-program JIT (generated/jitprog/jit_prog.c)
# by tests/pbt_mutants.sh for the proofs of its cores (lit/jit-prog-proof.nw,
# make check-jit-proof): each must make a piece's proof fail with a
# counterexample.  The first two are also in tests/mutants/jit_prog.sed, for
# the chapter's suite and the property-based checker.  The line "#> NAME"
# before a bug names the pieces that must refute it (those whose name begins
# with NAME): only they are run on it.
# the region check: the end taken as inclusive (one byte past the region passes)
#> prog check input n=8
s/  branch(g, LBPF_THUMB_HS, label(g, L_SLOW, pc));/  branch(g, LBPF_THUMB_HI, label(g, L_SLOW, pc));/
# the region check: the high word of the difference ignored (the 64-bit comparison with the end cut to 32 bits)
#> prog check input n=8
s/  dp_imm(g, LBPF_THUMB_SBC, 1, 0, 3, 0);/  (void)0;/
# the region check: 2 bytes compared with the end of 1 byte, 8 with that of 4
#> prog check input n=8
s/OFF_FAST(k, at) + (uint32_t)sizeof(struct lbpf_jit_fast_end) \* size_index(n)/OFF_FAST(k, at) + (uint32_t)sizeof(struct lbpf_jit_fast_end) * (size_index(n) \/ 2)/
# the region check: the difference's high word without the borrow of the low word
#> prog check input n=8
s/  dp(g, LBPF_THUMB_SBC, 0, 3, hi, 3);/  dp(g, LBPF_THUMB_SUB, 0, 3, hi, 3);/
# the region check: the machine address from the access's own low word and the base's machine word
#> prog check input n=8
s/  put(g, PT(ADDSUB_REG16, ADD, .rd = 0, .rn = 2, .rm = 1));/  dp(g, LBPF_THUMB_ADD, 0, 0, lo, 1);/
# the flags of a jump: 32-bit jgt taken on equality too (HS for HI)
#> prog compare jgt32 homes low
s/  case LBPF_JMP_JGT: return LBPF_THUMB_HI;/  case LBPF_JMP_JGT: return LBPF_THUMB_HS;/
# the flags of a jump: a 64-bit ordering compares the high words with the source's low word
#> prog compare jsge file
s/    subtract_with_carry(g, 1, h, sh);/    subtract_with_carry(g, 1, h, sl);/
# the flags of a jump: jsge ordered as unsigned
#> prog compare jsge file
s/  case LBPF_JMP_JSGE: return LBPF_THUMB_GE;/  case LBPF_JMP_JSGE: return LBPF_THUMB_HS;/
# the budget: one unit short for every transfer whose cost is an immediate
#> prog compare jgt file backward
s/    adds_imm(g, LBPF_THUMB_SUB, 0, 0, cost);/    adds_imm(g, LBPF_THUMB_SUB, 0, 0, cost - 1);/
# the budget: one unit short for every transfer whose cost is a constant in r2
#> prog spend cost=0xffff pc=3
s/    constant(g, 2, cost);/    constant(g, 2, cost - 1);/
# the budget: stops when the budget left equals the cost (LS for LO)
#> prog compare jgt file backward
s/  branch(g, LBPF_THUMB_LO, label(g, L_FAIL_BUDGET, pc));/  branch(g, LBPF_THUMB_LS, label(g, L_FAIL_BUDGET, pc));/
# the budget: the high word left out (the low word's borrow decides alone)
#> prog compare jgt file backward
s/  dp_imm(g, LBPF_THUMB_SBC, 1, 1, 1, 0);/  (void)0;/
# the frame: r11 neither saved nor restored
#> prog frame
s/#define SAVED_LIST ((uint16_t)0x4ff8u)/#define SAVED_LIST ((uint16_t)0x47f8u)/
# the frame: the prologue keeps sp in the context's word, not entry_sp
#> prog frame
s/  st_st(g, LBPF_THUMB_SP, OFF(entry_sp));/  st_st(g, LBPF_THUMB_SP, OFF(ctx));/
# the frame: the failure path stores the pc as the status
#> prog frame
s/  st_st(g, 1, OFF(pc));/  st_st(g, 1, OFF(status));/
# fast_region: a base at or above 2^64 - 2^32 given the ends of any other
# (caught by the test of the check's precondition against fast_region)
#> prog fast_region
s/  size_t len = hi == UINT32_MAX ? 0 : length;/  size_t len = length;/
# fast_region: the end of an 8-byte access taken from the 4-byte one's (4 bytes too long)
#> prog fast_region
s/{region_end(len, 8), lo}/{region_end(len, 4), lo}/
# fast_region: every end one byte too long
#> prog fast_region
s/(uint32_t)(length - n + 1) : 0;/(uint32_t)(length - n + 2) : 0;/
# a helper call: BPF r1's words swapped in r2:r3
#> prog helper call 0x00e01001 file
s/  lo_to(g, 1, 2);/  lo_to(g, 1, 3);/;s/  hi_to(g, 1, 3);/  hi_to(g, 1, 2);/
# a helper call: r2-r5 stored one word low on the stack
#> prog helper call 0x00e01001 file
s/lo_in(g, r, 0), LBPF_THUMB_SP, (int32_t)(8 \* (r - 2))/lo_in(g, r, 0), LBPF_THUMB_SP, (int32_t)(8 * (r - 2) - 4)/;s/hi_in(g, r, 0), LBPF_THUMB_SP, (int32_t)(8 \* (r - 2) + 4)/hi_in(g, r, 0), LBPF_THUMB_SP, (int32_t)(8 * (r - 2))/
# a local call: its exit does not give r8-r9 back to the caller
#> prog local call and exit file
s/  multiple(g, LBPF_THUMB_STM, LBPF_THUMB_LR, false, FOUR_LIST);/  (void)FOUR_LIST;/
# a local call: a call that reaches the number of frames let through (HI for HS)
#> prog local call and exit file
s/  branch(g, LBPF_THUMB_HS, label(g, L_FAIL_DEPTH, pc));/  branch(g, LBPF_THUMB_HI, label(g, L_FAIL_DEPTH, pc));/
# a backward jump: the condition not inverted around the spending
#> prog compare jgt file backward
s/branch(g, cond ^ 1u, label(g, L_SKIP, pc));/branch(g, cond, label(g, L_SKIP, pc));/
# the slow path: the routine's answer read the wrong way round (NE for EQ)
#> prog slow path n=2 write
s/  struct lbpf_thumb_insn none = PT(BCOND16, B, .cond = LBPF_THUMB_EQ);/  struct lbpf_thumb_insn none = PT(BCOND16, B, .cond = LBPF_THUMB_NE);/
# the slow path: the permission passed one bit too low
#> prog slow path n=2 write
s/  small_constant(g, 0, n | perm << 4);/  small_constant(g, 0, n | perm << 3);/
# the slow path: the size and permission lost on the way to the routine (r3 given the access's pc)
#> prog slow path n=2 write
s/^  mov(g, 3, IP);$/  mov(g, 3, 1);/
# the slow path: the address rebuilt from the difference without the carry into the high word
#> prog slow path n=2 write
s/  dp(g, LBPF_THUMB_ADC, 0, 2, 1, 3);/  dp(g, LBPF_THUMB_ADD, 0, 2, 1, 3);/
# the slow path: the address rebuilt from the input's base whatever the access's region
#> prog slow path n=2 write stack
s/OFF_FAST(k, base_lo)); \/\* the address again/OFF_FAST(k \& 0u, base_lo)); \/* the address again/
# the slow path's stub: the input's slow path called for every access
#> prog slow path n=2 write stack
s/  call_label(g, global(g, G_SLOW + k));/  call_label(g, global(g, G_SLOW + 0));/
# the slow path's stub: the pc of the next access named
#> prog slow path n=2 write
s/  small_constant(g, 1, pc); \/\* the pc the memory stop names \*\//  small_constant(g, 1, pc + 1);/
# the slow path's stub: back to the next access (16-bit branch)
#> prog slow path n=2 write stack
s/  branch_back(g, label(g, L_BACK, pc));/  branch_back(g, label(g, L_BACK, pc + 1));/
# the slow path's stub: back to the next access (32-bit branch)
#> prog slow path n=2 write
s/  branch_back(g, label(g, L_BACK, pc));/  branch_back(g, label(g, L_BACK, pc + 1));/
# the slow path: the stub's return address not kept (r3 pushed in its place)
#> prog slow path n=2 write
s/^#define SLOW_PUSHED ((uint16_t)(1u << 1 | 1u << LBPF_THUMB_LR))/#define SLOW_PUSHED ((uint16_t)(1u << 1 | 1u << 3))/
# the slow path: back to the stub with the pc in r0 for the address
#> prog slow path n=2 write
s/^#define SLOW_RETURN ((uint16_t)(1u << 1 | 1u << LBPF_THUMB_PC))/#define SLOW_RETURN ((uint16_t)(1u << 0 | 1u << LBPF_THUMB_PC))/
# the memory stop: the pc taken from the return address's word
#> prog slow path n=2 write
s/^#define STOP_POPPED ((uint16_t)(1u << 1 | 1u << 2))/#define STOP_POPPED ((uint16_t)(1u << 0 | 1u << 1))/
# the memory stop: the budget's status
#> prog slow path n=2 write
s/  small_constant(g, 0, LBPF_ERR_MEMORY);/  small_constant(g, 0, LBPF_ERR_BUDGET);/
# the relation: a known high word read from its home, the fact ignored (hi_in, spill)
#> prog access stxdw homes-a
s/  if (hw_known(g->facts, r)) {/  if (0) {/
# the relation: a local call that does not settle the known high words first
#> prog local call and exit homes-a
s/  settle_to(g, g->facts, HW_ALL(HW_TOP), ALL_REGS);/  (void)0;/
# the relation: the prologue leaves the low homes of the other registers unset
#> prog frame
s/        small_constant(g, g->home\[h\], 0);/        (void)0;/
# a 64-bit jset narrowed to its low words when the high words are all ones
#> prog compare jset k=-42 high ones
s/(op != LBPF_JMP_JSET || dh == HW_ZERO)/(op != LBPF_JMP_JSET || dh != HW_NONE)/
# the settling of an edge: a known high word settled as the other constant (all ones for 0)
#> prog local call and exit homes-a
s/hw_get(out, r) == HW_ONES ? LBPF_THUMB_MVN : LBPF_THUMB_MOV/hw_get(out, r) == HW_ONES ? LBPF_THUMB_MOV : LBPF_THUMB_MVN/
# callx: the look-up given the register's low word twice
#> prog callx r1 0x00e01001 file
s/^  hi_to(g, in.dst, 2);$/  lo_to(g, in.dst, 2);/
# callx: the look-up's answer read the wrong way round (NE for EQ)
#> prog callx r1 0x00e01001 file
s/  branch(g, LBPF_THUMB_EQ, label(g, L_FAIL_CALLX, pc));/  branch(g, LBPF_THUMB_NE, label(g, L_FAIL_CALLX, pc));/
# callx: its stop with the depth's status
#> prog callx r1 0x00e01001 file
s/fail_stub(g, L_FAIL_CALLX, pc, LBPF_ERR_CALLX_TARGET);/fail_stub(g, L_FAIL_CALLX, pc, LBPF_ERR_CALL_DEPTH);/
# callx: spending 2 for the helper
#> prog callx r1 0x00e01001 file
s/^  spend(g, pc, 1);$/  spend(g, pc, 2);/
# a local call: its depth's stop with the budget's status
#> prog stops of a local call
s/fail_stub(g, L_FAIL_DEPTH, pc, LBPF_ERR_CALL_DEPTH);/fail_stub(g, L_FAIL_DEPTH, pc, LBPF_ERR_BUDGET);/
# exit: at depth 0 (with local calls) taken for a deeper one (EQ for NE)
#> prog local call and exit file
s/^  branch(g, LBPF_THUMB_NE, label(g, L_SKIP, pc));$/  branch(g, LBPF_THUMB_EQ, label(g, L_SKIP, pc));/
# exit (no local calls): r0 not written to the register file
#> prog exit at depth 0 homes-b
s/^    spill(g, 0);$/    (void)0;/
# 64-bit division: an immediate divisor not sign-extended
#> prog div64 sdiv r6 by -1 homes-c
s/^    constant(g, 3, in.imm < 0 ? 0xffffffffu : 0);$/    constant(g, 3, 0);/
# 64-bit division: the result's high word not written
#> prog div64 sdiv r6 by -1 homes-c
s/^  hi_out(g, in.dst, 1);$/  (void)0;/
# 64-bit division: the unsigned routine for the signed operation and back
#> prog div64 sdiv r6 by -1 homes-c
s/unsigned k = 2u \* (in.offset == 1) + /unsigned k = 2u * (in.offset == 0) + /
# a jump's operands: an immediate whose negation encodes compared with that negation (cmp for cmn)
#> prog compare jgt k=-42
s/return dp_imm(g, LBPF_THUMB_CMN, 1, 0, n, -m.k);/return dp_imm(g, LBPF_THUMB_CMP, 1, 0, n, -m.k);/
# a jump's operands: two low registers compared the wrong way round (16-bit cmp)
#> prog compare jgt32 homes low
s/    data(g, LBPF_THUMB_F_DP_REG16, op, 1, 0, n, m.reg, 0);/    data(g, LBPF_THUMB_F_DP_REG16, op, 1, 0, m.reg, n, 0);/
# a jump's operands: a high register compared the wrong way round (cmp of high registers)
#> prog compare jgt32 homes high
s/.rn = (uint8_t)n, .rm = (uint8_t)m.reg));/.rn = (uint8_t)m.reg, .rm = (uint8_t)n));/
# a jump's operands: a 64-bit equality with an immediate whose negation encodes subtracts that negation
#> prog compare jeq k=-42
s/return dp_imm(g, LBPF_THUMB_ADD, 0, 0, n, -m.k);/return dp_imm(g, LBPF_THUMB_SUB, 0, 0, n, -m.k);/
# a jump's operands: a jset immediate whose complement encodes and-ed with that complement (and for bic)
#> prog compare jset k=-42
s/return dp_imm(g, LBPF_THUMB_BIC, 0, 0, n, ~m.k);/return dp_imm(g, LBPF_THUMB_AND, 0, 0, n, ~m.k);/
# a jump's operands: a 64-bit equality with a high word of all ones or-ed, not or-ed complemented
#> prog compare jeq k=-42
s/!jset \&\& c ? LBPF_THUMB_ORN : LBPF_THUMB_ORR/jset \&\& c ? LBPF_THUMB_ORN : LBPF_THUMB_ORR/
# a jump's operands: jgt and jle of a 64-bit immediate compared with it, not with its successor
#> prog compare jgt k=7
s/| sl.k) + 1;/| sl.k);/
# a jump's operands: jle of 2^64 - 1 (no successor) compared with 0
#> prog compare jle k=-1
s/(op == LBPF_JMP_JGT || op == LBPF_JMP_JLE) \&\& sl.k == UINT32_MAX/op == LBPF_JMP_JGT \&\& sl.k == UINT32_MAX/
# a jump's operands: a known high word taken as 0 whatever the analysis knows
#> prog compare jset k=-42 high ones
s/  if (hw_known(g->facts, r)) return known(hw_word(hw_get(g->facts, r)));/  if (hw_known(g->facts, r)) return known(0);/
# an ALU instruction in place (gen_alu; caught by the pieces "prog alu ..."):
# an ALU instruction in place: a half without a home read from its scratch register unloaded
#> prog alu rsh imm
s/      ld_st(g, arm\[h\], 4u \* h);/      (void)0;/
# an ALU instruction in place: a known high word loaded as 0 whatever the fact
#> prog alu rsh imm
s/      constant(g, arm\[h\], hw_word(hw_get(g->facts, h \/ 2)));/      constant(g, arm[h], 0);/
# an ALU instruction in place: a high word's store skipped by the facts before it, not after
#> prog alu rsh imm
s/!(h % 2 \&\& hw_known(after, h \/ 2))/!(h % 2 \&\& hw_known(g->facts, h \/ 2))/
# an ALU instruction in place: a callee-saved register (r4, a home) among the scratch registers
#> prog alu rsh imm
s/scratch_pool\[6\] = {0, 1, 2, 3, IP, LBPF_THUMB_LR};/scratch_pool[6] = {4, 1, 2, 3, IP, LBPF_THUMB_LR};/
# only the low word: a 64-bit mov of a register whose high word is known loads the immediate
#> prog alu mov reg
s/  if (!lddw \&\& (in.opcode \& LBPF_SRC_X))/  if (0)/
# only the low word: taken for an lddw or a 64-bit mov whose high word the transfer does not know
#> prog alu mov reg
s/  if (!(lddw || mov64) || !hw_known(after, in.dst)) return false;/  if (!(lddw || mov64) || (after \& 0)) return false;/
# only the low word: a low word without a home not stored
#> prog alu mov reg
s/  lo_out(g, in.dst, d);/  (void)d;/
# the routine's call: the source's known high word not written to the register file
#> prog alu mul reg
s/  if (in.opcode \& LBPF_SRC_X) spill(g, in.src);/  (void)0;/
# the routine's call: given the next slot's first word, not the instruction's
#> prog alu mul reg
s/  constant(g, 1, first_word(g->prog, pc));/  constant(g, 1, first_word(g->prog, pc + 1));/
# the access: a sign-extending load's high word filled with zeros (LSR for ASR)
#> prog access ldxsw file
s/.shift = LBPF_THUMB_SHIFT_ASR,/.shift = LBPF_THUMB_SHIFT_LSR,/
# the access: an 8-byte load's high word read from the low word's bytes
#> prog access ldxdw file
s/    mem(g, LBPF_THUMB_LDR, hi, 0, at + 4);/    mem(g, LBPF_THUMB_LDR, hi, 0, at);/
# the access: an 8-byte store writes its high word over the low one
#> prog access stdw imm=-7903932 file
s/  if (n == 8) mem(g, LBPF_THUMB_STR, hi, 0, at + 4);/  if (n == 8) mem(g, LBPF_THUMB_STR, hi, 0, at);/
# the access: stdw's high word of the wrong sign
#> prog access stdw imm=-7903932 file
s/    if (n == 8) constant(g, 3, in.imm < 0 ? 0xffffffffu : 0);/    if (n == 8) constant(g, 3, in.imm < 0 ? 0 : 0xffffffffu);/
# the access: a 64-bit atomic add without the carry into the high word
#> prog access lock add file
s/arm_op == LBPF_THUMB_ADD ? LBPF_THUMB_ADC : arm_op/arm_op/
# the access: a 32-bit atomic fetch leaves the source's high word
#> prog access lock fetch add32 file
s/    hi_out(g, in.src, 3);/    if (wide) hi_out(g, in.src, 3);/
# the access: a 64-bit cmpxchg compares the low words only
#> prog access lock cmpxchg file
s/dp(g, LBPF_THUMB_ORR, 1, 1, 1, IP);/dp(g, LBPF_THUMB_ORR, 1, 1, 1, 1);/
# the access: xchg stores the old value back
#> prog access lock xchg file
s/unsigned lo = sl, hi = sh;/unsigned lo = 2, hi = 3;/
# the access: cmpxchg leaves r0's high word
#> prog access lock cmpxchg file
s/    hi_out(g, 0, 3);/    (void)0;/
# the analysis: a sign-extending load's high word taken as 0
#> prog access ldxsw file
s/LBPF_MODE(in.opcode) == LBPF_MODE_MEM && LBPF_SIZE(in.opcode) != LBPF_SIZE_DW/LBPF_SIZE(in.opcode) != LBPF_SIZE_DW/
