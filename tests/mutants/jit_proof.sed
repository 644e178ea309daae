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
s/{lo(in.dst), hi(in.dst), lo(in.src), hi(in.src)}/{lo(in.src), hi(in.src), lo(in.dst), hi(in.dst)}/
