# Bugs of the emitter's analyzer (generated/jit/jit_emit.c), planted by
# tests/pbt_mutants.sh and caught by the JIT's unit suite.
# E: a suffix entry given the whole run's length (a swapped pair of bounds)
s/entries\[e\] = (struct lbpf_jit_entry){(uint32_t)len, end - e};/entries[e] = (struct lbpf_jit_entry){(uint32_t)len, end - pc};/
# E: the next run's code overlapping the end of the previous one
s/      len += b.len;/      len += b.len - 2;/
# E: a jump's target taken one slot early (the entry in the wrong place)
s/mark(prog, entries, (int64_t)pc + 1 + (ja32 ? in.imm : in.offset));/mark(prog, entries, (int64_t)pc + (ja32 ? in.imm : in.offset));/
# E: the analyzer takes every run of more than one instruction for one of one
s/    if (next >= prog->ninsns || !(entries\[next\].offset \& SCAN_SLOTS)) {/    if (next >= prog->ninsns || (entries[next].offset \& SCAN_SLOTS)) {/
