# Small bugs of the kinds an engine author makes, planted into the tangled
# interpreter (generated/interp/interp.c) by tests/pbt_mutants.sh.
# bounds checks: off by one at the end, a zero-length corner, the fast path
s/a - lo <= len - n;/a - lo < len - n;/
s/len >= n \&\& a >= lo/len > n \&\& a >= lo/
s/(uint64_t)h == a \&\& (h - c->lo < c->count\[size\]/(uint64_t)h == a \&\& (h - c->lo <= c->count[size]/
# signed and unsigned comparisons, strict and not
s/COND(JSGT, W, U, (S)d > (S)t, TAKE)/COND(JSGT, W, U, d > t, TAKE)/
s/COND(JSLE, W, U, (S)d <= (S)t, TAKE)/COND(JSLE, W, U, (S)d < (S)t, TAKE)/
# a jump of offset -1 (to itself) taken as forward: never spends budget
s/(h == H_JA32 ? imm : off) < 0)/(h == H_JA32 ? imm : off) < -1)/
# call depth, callx ids wider than 32 bits
s/if (vm->depth + 1 >= nframes) goto error_depth;/if (vm->depth + 1 > nframes) goto error_depth;/
s/id <= UINT32_MAX ? lbpf_env_helper/1 ? lbpf_env_helper/
# byte swaps, shifts, signed division and modulo, sign extension
s/return (uint16_t)(v >> 8 | v << 8);/return (uint16_t)(v >> 8 | v << 7);/
s/ALU64(ARSH, (uint64_t)((int64_t)d >> (s \& 63)))/ALU64(ARSH, (uint64_t)((int64_t)d >> (s \& 31)))/
s/ALU64(SDIV, s == 0 ? 0 : s == UINT64_MAX ? 0 - d :/ALU64(SDIV, s == 0 ? 0 : s == UINT64_MAX ? d :/
s/ALU32(SMOD, t == 0 ? d : t == UINT32_MAX ? 0 :/ALU32(SMOD, t == 0 ? 0 : t == UINT32_MAX ? 0 :/
s/HANDLER(MOVSX32_8) r\[ip->dst\] = (uint32_t)(int32_t)(int8_t)r\[ip->imm\];/HANDLER(MOVSX32_8) r[ip->dst] = (uint64_t)(int32_t)(int8_t)r[ip->imm];/
s/HANDLER(LE16) r\[ip->dst\] = (uint16_t)r\[ip->dst\];/HANDLER(LE16) r[ip->dst] = (uint32_t)r[ip->dst];/
# permissions: a store to the read-only region allowed
s/return (r->perm \& perm) == perm \&\& len >= n/return ((r->perm | LBPF_PERM_WRITE) \& perm) == perm \&\& len >= n/
# atomics: a 32-bit cmpxchg comparing 64 bits; fetch returning the new value
s/if (((r\[0\] ^ old) \& mask) != 0) v = old;/if (((r[0] ^ old) \& (mask | mask << 32)) != 0) v = old;/
s/if (aop \& LBPF_ATOMIC_FETCH) r\[src\] = old;/if (aop \& LBPF_ATOMIC_FETCH) r[src] = v;/
# local calls: r9 not preserved
s/memcpy(f->saved, \&r\[6\], sizeof f->saved);/memcpy(f->saved, \&r[6], 3 * sizeof f->saved[0]);/
# sign-extending loads: a halfword zero-extended
s/HANDLER(LDXS_H) LOAD_SIGNED(int16_t, ip->imm);/HANDLER(LDXS_H) LOAD_SIGNED(uint16_t, ip->imm);/
# the register analysis: the source of a register-form ALU instruction not a use;
# a local call's return edge adding the callee's writes
s/lbpf_insn_reads(form, in), lbpf_insn_writes/(uint16_t)(lbpf_insn_reads(form, in) \& ~(form->kind == LBPF_KIND_ALU_X ? 1u << in.src : 0u)), lbpf_insn_writes/
s/f.succ\[1\] = pc + 1 + (uint32_t)in.imm;/f.succ[1] = pc + 1 + (uint32_t)in.imm; f.defs = 0x3ff;/
# every exit ending the run, local calls or not
s/pc < prog.ninsns \&\& !calls \&\& !LBPF_INTERP_COMPACT/pc < prog.ninsns \&\& !LBPF_INTERP_COMPACT/
