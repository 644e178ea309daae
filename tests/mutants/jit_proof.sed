# A bug planted into the tangled JIT (generated/jit/jit_alu.c) by
# tests/pbt_mutants.sh for the per-form proof (make check-jit-proof): the
# proof of the named form must fail.  The carry bug is also in tests/mutants/jit.sed
# for the JIT's unit suite.
# a carry dropped in 64-bit addition: "add reg" must fail
s/LBPF_THUMB_ADC : LBPF_THUMB_SBC/LBPF_THUMB_ADD : LBPF_THUMB_SBC/
# a cross product of the 64-bit multiplication taking the high word of the
# destination for its low word (dh*sh for dl*sh): "mul reg" must fail, through
# the stepping stone of lit/jit-proof.nw
s/LBPF_THUMB_MLA, phi, dl, sh.r, phi/LBPF_THUMB_MLA, phi, dh, sh.r, phi/
# the dividend and the divisor of a 64-bit division exchanged at the routine's
# call: "div reg" must fail
s/mov(g, 0, dl);/mov(g, 2, dl);/;s/mov(g, 1, dh);/mov(g, 3, dh);/;s/mov(g, 2, sl);/mov(g, 0, sl);/;s/mov(g, 3, sh);/mov(g, 1, sh);/
