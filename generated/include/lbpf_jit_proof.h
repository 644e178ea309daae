#line 50 "lit/jit-proof.nw"
/* The per-form proof of the JIT (host only; link -lz3).  See lit/jit-proof.nw. */
#ifndef LBPF_JIT_PROOF_H
#define LBPF_JIT_PROOF_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <z3.h>

#include "lbpf.h"

#line 3065 "lit/jit-prog-proof.nw"
/* Prove the whole-program JIT's pieces (region check, jump flags, budget,
   prologue and epilogue, helper and local calls, slow path, ja, callx,
   stops, exit at depth 0, 64-bit division, ALU instructions in place, the
   accesses and the lemma of r10's frame:
   lit/jit-prog-proof.nw), one line per piece to out; only:
   the pieces whose name begins with it (all begin with "prog").  Returns
   the number of pieces not proved.  (The options are those of
   lbpf_jit_prove_forms; this chapter is tangled before that one.) */
struct lbpf_jit_proof_options;
int lbpf_jit_prog_prove_pieces(const struct lbpf_jit_proof_options *o, FILE *out);
#line 66 "lit/jit-proof.nw"
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
   bytes) says what failed: the counterexample or the machine's status.
   executed (if not NULL) receives the number of instructions run. */
enum lbpf_jit_verdict lbpf_jit_prove_code(Z3_context ctx, const struct lbpf_insn *insns, size_t n,
                                          const uint8_t *code, size_t code_len,
                                          Z3_ast const regs[LBPF_NREGS], unsigned timeout_ms,
                                          uint64_t *executed, char *why, size_t why_cap);

/* The variable b<i> (64 bits) of ctx: BPF register i of the symbolic state. */
Z3_ast lbpf_jit_proof_reg(Z3_context ctx, unsigned i);

/* Prove (or, for the forms the note lists as tested, test on samples) J's
   code for every ALU form, writing one line per form to out.  all: every
   register pair and every (immediate, destination); otherwise the subset
   lit/jit-proof.nw describes.  only: the forms whose name begins with it
   (NULL: all).  hard: try the solvers on the tested forms too (Z3 with
   timeout_ms, then Boolector and cvc5 with other_s each).
   Returns the number of forms not proved or tested as they should be. */
struct lbpf_jit_proof_options {
  bool all, hard;
  const char *only;
  unsigned timeout_ms; /* Z3's limit per claim (0: none, or LBPF_JIT_Z3_FIRST_MS before others) */
  unsigned other_s;    /* Boolector's and cvc5's limit per claim, CPU seconds (0: the default) */
};
/* Z3's time before the other solvers are tried, and theirs, on the forms
   lit/jit-proof.nw gives to them. */
#define LBPF_JIT_Z3_FIRST_MS 2000u
#define LBPF_JIT_OTHER_SECONDS 10u
int lbpf_jit_prove_forms(const struct lbpf_jit_proof_options *o, FILE *out);
#line 62 "lit/jit-proof.nw"
#endif
