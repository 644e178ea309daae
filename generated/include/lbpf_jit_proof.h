#line 46 "lit/jit-proof.nw"
/* The per-form proof of the JIT (host only; link -lz3).  See lit/jit-proof.nw. */
#ifndef LBPF_JIT_PROOF_H
#define LBPF_JIT_PROOF_H
#include <stddef.h>
#include <stdint.h>
#include <z3.h>

#include "lbpf.h"

#line 60 "lit/jit-proof.nw"
/* Where the symbolic machine places things: the code, the register file and
   the frame (whose top is the initial sp), and the return address. */
#define LBPF_JIT_PROOF_CODE 0x08000000u
#define LBPF_JIT_PROOF_REGS 0x20000000u
#define LBPF_JIT_PROOF_STACK_TOP 0x20010000u
#define LBPF_JIT_PROOF_RETURN 0x0fff0000u
#define LBPF_JIT_PROOF_FRAME 256u

enum lbpf_jit_verdict {
  LBPF_JIT_PROVED,    /* the claim holds for all values */
  LBPF_JIT_REFUTED,   /* a counterexample (or, on samples, a wrong value) */
  LBPF_JIT_UNDECIDED, /* the solver gave up (its time limit) */
  LBPF_JIT_STOPPED    /* the machine did not return: a fault, a symbolic branch */
};

/* Run code (code_len bytes of Thumb-2, entered at its first byte) on the
   symbolic machine from the ARM state related to the BPF state regs (11
   64-bit terms of ctx), and decide whether it ends related to the state the
   specification gives after the n ALU instructions insns.  timeout_ms bounds
   the solver (0: no bound).  On anything but LBPF_JIT_PROVED, why (why_cap
   bytes) says what failed: the counterexample or the machine's status. */
enum lbpf_jit_verdict lbpf_jit_prove_code(Z3_context ctx, const struct lbpf_insn *insns, size_t n,
                                          const uint8_t *code, size_t code_len,
                                          Z3_ast const regs[LBPF_NREGS], unsigned timeout_ms,
                                          char *why, size_t why_cap);

/* The variable b<i> (64 bits) of ctx: BPF register i of the symbolic state. */
Z3_ast lbpf_jit_proof_reg(Z3_context ctx, unsigned i);
#line 56 "lit/jit-proof.nw"
#endif
