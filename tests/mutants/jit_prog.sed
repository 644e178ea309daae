# Small bugs of the kinds a JIT author makes, planted into the tangled
# whole-program JIT (generated/jitprog/jit_prog.c) by tests/pbt_mutants.sh and
# caught by the chapter's unit suite or the property-based checker, spec
# against jit (make check-jit-prog-mutants).  On a host the jitted code runs on the Thumb-2
# model, so a region check that lets a bad access through makes the model
# fault, and the checker stops: that counts as caught.
# the region check: the end taken as inclusive (one byte past the region passes)
s/  branch(g, LBPF_THUMB_HS, label(g, L_SLOW, pc));/  branch(g, LBPF_THUMB_HI, label(g, L_SLOW, pc));/
# the region check: the high word of the difference ignored (the 64-bit comparison with the end cut to 32 bits)
s/  dp_imm(g, LBPF_THUMB_SBC, 1, 0, 3, 0);/  (void)0;/
# the budget: one unit short for every transfer whose cost is an immediate
s/    adds_imm(g, LBPF_THUMB_SUB, 0, 0, cost);/    adds_imm(g, LBPF_THUMB_SUB, 0, 0, cost - 1);/
# the budget: a backward jump of one slot spends nothing
s/  if (delta >= 0) return branch/  if (delta >= -1) return branch/
# a register pair: the low word of an address read from the high one
s/4u \* lo_half(base)); \/\* both words/4u * hi_half(base)); \/* both words/;s/in_file ? 0 : lo_in(g, base, 0)/in_file ? 0 : hi_in(g, base, 0)/
# a register pair: a 64-bit ordering takes the source's high word for the destination's
s/    unsigned h = reg_of(g, dh, 1);/    unsigned h = reg_of(g, sh, 1);/
# a local call that does not give r6-r9 back to its caller
s/  multiple(g, LBPF_THUMB_STM, LBPF_THUMB_LR, false, FOUR_LIST);/  (void)FOUR_LIST;/
# the high-word analysis: a 64-bit addition of two zero high words assumed to leave 0 (the carry forgotten)
s/  default: return HW_TOP;/  default: return d == HW_ZERO \&\& hw_get(f, in.src) == HW_ZERO ? HW_ZERO : HW_TOP;/
# the high-word analysis: where paths meet, the first path's fact kept
s/  uint32_t same = ~(a ^ b), take_a = ((same \& same >> 1) | (b \& b >> 1)) \& low;/  uint32_t same = ~(a ^ b), take_a = ((same \& same >> 1) | ~(a \& a >> 1)) \& low;/
# the frame of r10: an access reaching 8 bytes above the frame top taken as inside it
s/  return base == 10 \&\& offset >= -(int32_t)LBPF_STACK_SIZE \&\& offset + (int32_t)n <= 0;/  return base == 10 \&\& offset >= -(int32_t)LBPF_STACK_SIZE \&\& offset + (int32_t)n <= 8;/
# 64-bit division: the divisor's high word in the register of its low word (r3 left as it was)
s/^    hi_to(g, in.src, 3);$/    hi_to(g, in.src, 2);/
# the run's entry: an environment with no stack at the load and none at the run takes the load's entry (the stack's checks skipped)
s/ || env->stack_size != e->stack_size || e->stack == NULL) {/ || env->stack_size != e->stack_size) {/
# the run's entry: the helper context keeps the entry's empty input
s/  hctx.input.base = mem, hctx.input.length = mem_len;/  hctx.input.base = mem;/
# the run's entry: the entry of the load taken for a stack changed since (same address, shorter)
s/  if (env->stack != e->stack || env->stack_size != e->stack_size/  if (env->stack != e->stack/
