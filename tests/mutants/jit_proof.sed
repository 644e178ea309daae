# A bug planted into the tangled JIT (generated/jit/jit_alu.c) by
# tests/pbt_mutants.sh for the per-form proof (make check-jit-proof): the
# proof of the named form must fail.  The same bug is in tests/mutants/jit.sed
# for the JIT's unit suite.
# a carry dropped in 64-bit addition: "add reg" must fail
s/LBPF_THUMB_ADC : LBPF_THUMB_SBC/LBPF_THUMB_ADD : LBPF_THUMB_SBC/
