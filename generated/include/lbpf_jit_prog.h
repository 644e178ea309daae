#line 2633 "lit/jit.nw"
/* The whole-program JIT (level F): a verified program to one Thumb-2 function. */
#ifndef LBPF_JIT_PROG_H
#define LBPF_JIT_PROG_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lbpf.h"
#include "lbpf_havm.h"
#include "lbpf_jit.h"

#line 59 "lit/jit.nw"
/* The end of one access size in a region, and beside it the region's
   machine address, as the inline check loads them (one ldrd). */
struct lbpf_jit_fast_end {
  uint32_t end;     /* length - n + 1, or 0 */
  uint32_t machine; /* base_lo + delta (mod 2^32) */
};
/* What the inline region check reads of one region. */
struct lbpf_jit_fast_region {
  uint32_t base_lo, base_hi;      /* the region's BPF address */
  struct lbpf_jit_fast_end at[4]; /* for 1, 2, 4, 8 bytes */
  uint32_t delta;                 /* machine address - BPF address (mod 2^32) */
  uint32_t pad;
};
/* Set f's delta, and its machine words with it. */
void lbpf_jit_prog_fast_delta(struct lbpf_jit_fast_region *f, uint32_t delta);

/* The state jitted code works on (its address stays in r11). */
struct lbpf_jit_prog_state {
  uint64_t regs[LBPF_NREGS];           /* the BPF registers, as ALU runs see them */
  uint32_t budget_lo, budget_hi;       /* budget left */
  uint32_t status, pc;                 /* how and where the run stopped */
  uint32_t depth, max_depth;           /* local calls in progress; frames available */
  uint32_t entry_sp;                   /* the machine sp after the prologue */
  uint32_t ctx;                        /* first argument of helpers and run-time routines */
  struct lbpf_jit_fast_region fast[2]; /* the input, the stack */
};
#define LBPF_JIT_PROG_ST_REG 11u /* the ARM register holding the state's address */
#define LBPF_JIT_PROG_FAST_INPUT 0u
#define LBPF_JIT_PROG_FAST_STACK 1u
#line 140 "lit/jit.nw"
#define LBPF_JIT_PROG_GATE 0x00e00000u         /* the run-time routines, one word each */
#define LBPF_JIT_PROG_GATE_HELPERS 0x00e01000u /* helper k of the environment: + 4k */
#define LBPF_JIT_PROG_GATE_END 0x00e80000u
enum lbpf_jit_rt { LBPF_JIT_RT_LOCATE, LBPF_JIT_RT_CALLX, LBPF_JIT_RT_ALU, LBPF_JIT_RT_COUNT };
#line 147 "lit/jit.nw"
/* The slow path of the region check: the machine address of the access of
   size_perm & 15 bytes at a_hi:a_lo needing the permissions size_perm >> 4,
   in the low word, and 1 in the high word; 0 there if no region grants it. */
uint64_t lbpf_jit_rt_locate(const struct lbpf_helper_ctx *ctx, uint32_t a_lo, uint32_t a_hi,
                            uint32_t size_perm);
/* callx: the address of the helper whose id is id_hi:id_lo in the low
   word, 1 in the high word; 0 there if there is none. */
uint64_t lbpf_jit_rt_callx(const struct lbpf_helper_ctx *ctx, uint32_t id_lo, uint32_t id_hi);
/* The ALU instruction whose first word is word and immediate imm, on regs. */
void lbpf_jit_rt_alu(uint64_t regs[LBPF_NREGS], uint32_t word, int32_t imm);
#line 273 "lit/jit.nw"
/* Labels and fix-ups the generator needs for a program of ninsns slots. */
#define LBPF_JIT_PROG_LABEL_KINDS 13u
#define LBPF_JIT_PROG_FIXUPS_PER_SLOT 8u
size_t lbpf_jit_prog_nlabels(uint32_t ninsns);
size_t lbpf_jit_prog_nfixups(uint32_t ninsns);
/* Bytes of code that always suffice for a program of ninsns slots. */
#define LBPF_JIT_PROG_MAX_SLOT_BYTES 256u
size_t lbpf_jit_prog_code_bound(uint32_t ninsns);
#line 2026 "lit/jit.nw"
/* The generator: the code of the verified program prog for env into b (J
   with an instructions buffer, E with a bytes buffer); b must have
   lbpf_jit_prog_nlabels labels and room for lbpf_jit_prog_nfixups fix-ups.
   False if the buffer refused. */
bool lbpf_jit_prog_gen(const struct lbpf_program *prog, const struct lbpf_env *env,
                       struct lbpf_jit_buf *b);
/* The index in env's table of the helper that `call id' reaches. */
size_t lbpf_jit_prog_helper_index(const struct lbpf_env *env, uint32_t id);
#line 2500 "lit/jit.nw"
/* Byte offset of the code of the instruction at pc after lbpf_jit_prog_gen
   (the label array's first row), or LBPF_JIT_UNBOUND for the second slot of an lddw. */
static inline uint32_t lbpf_jit_prog_pc_offset(const uint32_t *labels, uint32_t pc) {
  return labels[pc];
}
/* Byte offset where the out-of-line code begins, after lbpf_jit_prog_gen. */
#define LBPF_JIT_PROG_OUT_OF_LINE 2u
static inline uint32_t lbpf_jit_prog_out_of_line(const uint32_t *labels, uint32_t ninsns) {
  return labels[(size_t)LBPF_JIT_PROG_LABEL_KINDS * ninsns + LBPF_JIT_PROG_OUT_OF_LINE];
}
#line 3155 "lit/jit.nw"
#if !LBPF_HAVM_NATIVE
/* Host only: the BPF pc whose code label i (below
   lbpf_jit_prog_nlabels(ninsns)) marks, or -1 for a label of the whole
   program or a row that marks no code. */
int64_t lbpf_jit_prog_label_pc(uint32_t ninsns, size_t i);
#endif
#line 2055 "lit/jit.nw"
struct lbpf_jit_prog;
/* What a run takes from the environment alone (its stack, and the
   environment itself), made at load for the stack the environment had. */
struct lbpf_jit_prog_entry {
  const void *stack; /* the environment's stack this is for; NULL: none */
  size_t stack_size;
  struct lbpf_helper_ctx hctx;      /* lbpf_helper_ctx_init's, with an empty input */
  uint64_t top;                     /* r10's first value: the stack region's end */
  uint32_t max_depth;               /* the frames the stack region holds */
  struct lbpf_jit_fast_region fast; /* the stack's words of the inline check */
};
/* Run the code where the core cannot (a host): true if it returned. */
typedef bool (*lbpf_jit_prog_call_fn)(void *call_ctx, const struct lbpf_jit_prog *vm,
                                      struct lbpf_jit_prog_state *st,
                                      const struct lbpf_helper_ctx *hctx);
struct lbpf_jit_prog {
  struct lbpf_program prog;
  const struct lbpf_env *env;
  uint8_t *code;
  size_t code_len;
  lbpf_jit_prog_call_fn call; /* NULL where the core calls the code itself */
  void *call_ctx;
  int loaded;
  struct lbpf_jit_prog_entry entry; /* for the environment's stack at load */
};

/* Bytes of work memory (code, labels, fix-ups) that always suffice for a
   program of ninsns slots. */
size_t lbpf_jit_prog_work_size(uint32_t ninsns);
/* Bytes of the labels and fix-ups, at the end of the work memory during the
   compile; the code takes the rest, from its start.  A work memory of these
   and the code's bytes rounded up to 8 suffices; one whose rest the code
   does not fit is refused. */
size_t lbpf_jit_prog_tables_size(uint32_t ninsns);
/* Verify and compile size bytes of code into work (aligned to 8). */
enum lbpf_status lbpf_jit_prog_load(struct lbpf_jit_prog *vm, const uint8_t *code, size_t size,
                                    const struct lbpf_env *env, void *work, size_t work_size,
                                    lbpf_jit_prog_call_fn call, void *call_ctx,
                                    struct lbpf_fault *fault);
/* Run with r1 = mem, r2 = mem_len.  Counts the budget, not instructions. */
void lbpf_jit_prog_run(const struct lbpf_jit_prog *vm, void *mem, size_t mem_len,
                       struct lbpf_result *result);
#line 2294 "lit/jit.nw"
#if !LBPF_HAVM_NATIVE
/* Host only (generated/host/jit_prog_model.c): an lbpf_jit_prog_call_fn on
   the Thumb-2 model, the isolation witness; ctx is NULL or a struct
   lbpf_havm_model_count. */
bool lbpf_jit_prog_model_call(void *ctx, const struct lbpf_jit_prog *vm,
                              struct lbpf_jit_prog_state *st, const struct lbpf_helper_ctx *hctx);

/* A machine runs code under lbpf_thumb_run's contract (from s->r[15] until
   the sentinel, a fault or max_steps instructions, touching only the areas
   given, each as its permission allows); machine is its own context. */
typedef enum lbpf_thumb_status (*lbpf_jit_prog_machine_fn)(
    void *machine, struct lbpf_thumb_state *s, const struct lbpf_thumb_area *areas, size_t nareas,
    uint32_t sentinel, uint64_t max_steps, struct lbpf_thumb_result *r);

/* lbpf_jit_prog_model_call on any machine: the same areas, gate and step
   limit; count is NULL or adds up what the machine reports. */
bool lbpf_jit_prog_machine_call(lbpf_jit_prog_machine_fn run, void *machine,
                                struct lbpf_havm_model_count *count, const struct lbpf_jit_prog *vm,
                                struct lbpf_jit_prog_state *st, const struct lbpf_helper_ctx *hctx);
#endif
#line 80 "lit/jit-prog-proof.nw"
#if !LBPF_HAVM_NATIVE
/* Host only, for the proofs of lit/jit-prog-proof.nw: one core of the
   generator alone.  b needs lbpf_jit_prog_nlabels(pc + 2) labels.  exits[k]
   receives the byte offset of the k-th place the core leaves by (the
   chapter lists them per piece); the number of exits, or 0 if b refused. */
enum lbpf_jit_prog_piece {
  LBPF_JIT_PIECE_CHECK,   /* check(pc, base register x, n = y & 15) of the address in r1:r0,
                             or if y & 16 in r7:r6 (halves at home): back, slow */
  LBPF_JIT_PIECE_COMPARE, /* compare() of the jump whose opcode, dst and src are y's bits 0-7,
                             8-11 and 12-15 and whose immediate is x, and its jump, forward (not
                             taken, taken) or if y & LBPF_JIT_PIECE_BACKWARD backward by 2 slots
                             (not taken, taken, budget stop) */
  LBPF_JIT_PIECE_SPEND,   /* spend(pc, cost x) and its stub: paid, the failure path */
  LBPF_JIT_PIECE_FRAME,   /* prologue, then epilogue: the body, the failure path, the epilogue */
  LBPF_JIT_PIECE_HELPER,  /* helper_call of the helper at address x: its end */
  LBPF_JIT_PIECE_LOCAL,   /* pc 2: slot 0 calls slot 2, whose exit is slot 3: after the call,
                             the callee, (an entry) the exit, the budget's and the depth's
                             stops, the epilogue */
  LBPF_JIT_PIECE_SLOW,    /* a branch to the stub of slow_path(pc, base register y >> 4, n = x,
                             perm = y & 15), after those of pc - 2 (the other region) and pc - 1
                             (another permission), each followed by its region's slow path; the
                             accesses' returns and the failure path before the stubs for the
                             stack, after them for the input: back, the failure path, the returns of pc
                             - 1, pc - 2 and    pc + 1; exits[5]: not an exit but where pc's stub's call
                             returns */
  LBPF_JIT_PIECE_JA,      /* gen_insn of ja (ja32 if y & 1) by delta x, at pc if x < 0 (with its
                             budget stub), else at pc - x (target pc + 1); if y & 2 the target's
                             facts know no high word: the target, the failure path */
  LBPF_JIT_PIECE_CALLX,   /* gen_callx at pc of callx x and its stubs: the helper (exits[0] is
                             the address y the look-up answers, not an offset), the end, the
                             failure path */
  LBPF_JIT_PIECE_STUBS,   /* the out-of-line code of a local call at pc (to pc + 1): the failure
                             path, then two entries: the budget's stop, the depth's */
  LBPF_JIT_PIECE_EXIT,    /* gen_exit at pc, in a program with local calls if y: the epilogue,
                             (with local calls) where a deeper exit goes on */
  LBPF_JIT_PIECE_DIV64,   /* gen_alu of the 64-bit division x & 3 (2 signed + mod), by a register
                             if x & 4, dst (x >> 4) & 15, src (x >> 8) & 15, or the immediate y:
                             its end */
  LBPF_JIT_PIECE_ACCESS   /* the load, store or atomic x = opcode | dst << 8 | src << 12 |
                             (uint16_t)offset << 16, imm y, at pc: its end, the slow path, its
                             entry (after the check; in r10's frame, its start); exits[3]: not an
                             offset but the facts after it (hw_after) */
};
#define LBPF_JIT_PIECE_BACKWARD 0x10000u
/* The relation a piece's code is written for: the ARM home of each half (0:
   the state's register file) and the registers whose high word the facts
   know to be 0 or all ones (the same facts at every pc of the piece). */
struct lbpf_jit_prog_regs {
  uint8_t home[LBPF_JIT_NHALVES];
  uint16_t hi_zero, hi_ones;
};
size_t lbpf_jit_prog_piece(enum lbpf_jit_prog_piece which, uint32_t pc, uint32_t x, uint32_t y,
                           const struct lbpf_jit_prog_regs *regs, struct lbpf_jit_buf *b,
                           uint32_t exits[6]);
/* The code gen_alu writes for the ALU instruction (or lddw) at pc of the
   verified program prog, for the homes and facts of regs at pc; exits[0]
   receives its end, *after the relation after it (the homes, and the facts
   of the analysis's transfer).  1, or 0 if b refused or pc is no ALU
   instruction.  b needs lbpf_jit_prog_nlabels(prog->ninsns) labels. */
size_t lbpf_jit_prog_alu_piece(const struct lbpf_program *prog, uint32_t pc,
                               const struct lbpf_jit_prog_regs *regs, struct lbpf_jit_buf *b,
                               uint32_t exits[6], struct lbpf_jit_prog_regs *after);
/* What fast_region fills for a region of base and length (any permission). */
void lbpf_jit_prog_fast_region_of(struct lbpf_jit_fast_region *f, uint64_t base, uint64_t length);
#endif
#line 2651 "lit/jit.nw"
#endif
