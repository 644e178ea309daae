# Small bugs of the kinds a JIT author makes, planted into the tangled JIT
# (generated/jit/jit_alu.c) by tests/pbt_mutants.sh and caught by the JIT's
# unit suite (make check-jit-mutants).
# the generator (J and E alike): a carry dropped in 64-bit addition
s/LBPF_THUMB_ADC : LBPF_THUMB_SBC/LBPF_THUMB_ADD : LBPF_THUMB_SBC/
# a missing >= 32 case: a right shift by more than 32 taken as one by 32
s/    if (n == 32)$/    if (n >= 32)/
# the (n - 32) term of a 64-bit left shift by a register left out
s/    shift_reg(g, lsl, t, dl, t);/    shift_reg(g, lsl, t, dl, amount);/
# a swapped register pair: the low and high words exchanged when loading
s/ldst(g, LBPF_THUMB_LDR, g->arm\[h\], 4u \* h);/ldst(g, LBPF_THUMB_LDR, g->arm[h], 4u * (h ^ 1));/
# a swapped register pair: a 64-bit logical operation takes the source's low word for its high
s/dp(g, op, 0, wr(g, hi(d)), dh, sh.r);/dp(g, op, 0, wr(g, hi(d)), dh, sl.r);/
# J only: the instructions meaning loses the flag-setting bit (a wrong carry
# in J that E does not have)
s/    b->insns\[b->n\] = \*i;/    b->insns[b->n] = *i, b->insns[b->n].setflags = 0;/
# E only: a branch patched two bytes off in the bytes meaning
s/lbpf_thumb_emit(\&i, b->code + f->offset, b->cap - f->offset)/lbpf_thumb_emit(\&i, b->code + f->offset + 2, b->cap - f->offset - 2)/
# E only: the emitter's replay of a recorded body leaves the accumulator of
# a multiplication a stand-in
s/    if (i.ra >= LBPF_JIT_STAND_IN) i.ra = to\[i.ra - LBPF_JIT_STAND_IN\];//
# 64-bit division: the operand pairs exchanged at the call (the divisor in r0:r1)
s/{lo(in.dst), hi(in.dst), lo(in.src), hi(in.src)}/{lo(in.src), hi(in.src), lo(in.dst), hi(in.dst)}/
# 64-bit division: the signed forms call the unsigned routines
s/unsigned k = 2u \* (in.offset == 1) + /unsigned k = /
# 64-bit division: the registers saved around the call addressed one word off
s/.imm = (int32_t)slot});/.imm = (int32_t)slot + 4});/
# 64-bit division: the registers saved around the call not padded to an even count
s/for (unsigned r = 1; popcount32(list) % 2;/for (unsigned r = 1; 0;/
# 64-bit division: the run's frame not padded to an even count
s/if (popcount32(list) % 2) list/if (0) list/
# E only: the replay of a recorded division's call moves every operand from
# its register, even one the call clobbers (not through its saved word)
s/      through(g, around, to_a ? i.rd : i.rm,/      through(g, 0, to_a ? i.rd : i.rm,/
# the whole-program JIT's replay of one instruction gives its scratch registers in the wrong order
/^bool lbpf_jit_alu_gen_insn_recorded/,/^}/s/memcpy(g.arm + LBPF_JIT_NHALVES, tmp, LBPF_JIT_MAX_SCRATCH);/for (unsigned k = 0; k < LBPF_JIT_MAX_SCRATCH; k++) g.arm[LBPF_JIT_NHALVES + k] = tmp[LBPF_JIT_MAX_SCRATCH - 1 - k];/
# the analyzer's class filter leaves out lddw (a run never takes it in)
s/  if (cls != LBPF_CLASS_ALU \&\& cls != LBPF_CLASS_ALU64 \&\& !lbpf_is_lddw(in.opcode)) return 0;/  if (cls != LBPF_CLASS_ALU \&\& cls != LBPF_CLASS_ALU64) return 0;/
