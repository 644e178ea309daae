#line 1327 "lit/jit.nw"
/* The whole-program JIT (level F): a verified program to one Thumb-2 function. */
#ifndef LBPF_JIT_PROG_H
#define LBPF_JIT_PROG_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lbpf.h"
#include "lbpf_havm.h"
#include "lbpf_jit.h"

#line 49 "lit/jit.nw"
/* What the inline region check reads of one region. */
struct lbpf_jit_fast_region {
  uint32_t base_lo, base_hi; /* the region's BPF address */
  uint32_t end[4];           /* for 1, 2, 4, 8 bytes: length - n + 1, or 0 */
  uint32_t delta;            /* machine address - BPF address (mod 2^32) */
  uint32_t pad;
};

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
#line 111 "lit/jit.nw"
#define LBPF_JIT_PROG_GATE 0x00e00000u         /* the run-time routines, one word each */
#define LBPF_JIT_PROG_GATE_HELPERS 0x00e01000u /* helper k of the environment: + 4k */
#define LBPF_JIT_PROG_GATE_END 0x00e80000u
enum lbpf_jit_rt { LBPF_JIT_RT_LOCATE, LBPF_JIT_RT_CALLX, LBPF_JIT_RT_ALU, LBPF_JIT_RT_COUNT };
#line 118 "lit/jit.nw"
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
#line 225 "lit/jit.nw"
/* Labels and fix-ups the generator needs for a program of ninsns slots. */
#define LBPF_JIT_PROG_LABEL_KINDS 11u
#define LBPF_JIT_PROG_FIXUPS_PER_SLOT 10u
size_t lbpf_jit_prog_nlabels(uint32_t ninsns);
size_t lbpf_jit_prog_nfixups(uint32_t ninsns);
/* Bytes of code that always suffice for a program of ninsns slots. */
#define LBPF_JIT_PROG_MAX_SLOT_BYTES 256u
size_t lbpf_jit_prog_code_bound(uint32_t ninsns);
#line 908 "lit/jit.nw"
/* The generator: the code of the verified program prog for env into b (J
   with an instructions buffer, E with a bytes buffer); b must have
   lbpf_jit_prog_nlabels labels and room for lbpf_jit_prog_nfixups fix-ups.
   False if the buffer refused. */
bool lbpf_jit_prog_gen(const struct lbpf_program *prog, const struct lbpf_env *env,
                       struct lbpf_jit_buf *b);
/* The index in env's table of the helper that `call id' reaches. */
size_t lbpf_jit_prog_helper_index(const struct lbpf_env *env, uint32_t id);
#line 1240 "lit/jit.nw"
/* Byte offset of the code of the instruction at pc after lbpf_jit_prog_gen
   (the label array's first row), or LBPF_JIT_UNBOUND inside an ALU run. */
static inline uint32_t lbpf_jit_prog_pc_offset(const uint32_t *labels, uint32_t pc) {
  return labels[pc];
}
/* Byte offset where the out-of-line code begins, after lbpf_jit_prog_gen. */
#define LBPF_JIT_PROG_OUT_OF_LINE 2u
static inline uint32_t lbpf_jit_prog_out_of_line(const uint32_t *labels, uint32_t ninsns) {
  return labels[(size_t)LBPF_JIT_PROG_LABEL_KINDS * ninsns + LBPF_JIT_PROG_OUT_OF_LINE];
}
#line 926 "lit/jit.nw"
struct lbpf_jit_prog;
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
};

/* Bytes of work memory (code, labels, fix-ups) for a program of ninsns slots. */
size_t lbpf_jit_prog_work_size(uint32_t ninsns);
/* Verify and compile size bytes of code into work (aligned to 8). */
enum lbpf_status lbpf_jit_prog_load(struct lbpf_jit_prog *vm, const uint8_t *code, size_t size,
                                    const struct lbpf_env *env, void *work, size_t work_size,
                                    lbpf_jit_prog_call_fn call, void *call_ctx,
                                    struct lbpf_fault *fault);
/* Run with r1 = mem, r2 = mem_len.  Counts the budget, not instructions. */
void lbpf_jit_prog_run(const struct lbpf_jit_prog *vm, void *mem, size_t mem_len,
                       struct lbpf_result *result);
#line 1064 "lit/jit.nw"
#if !LBPF_HAVM_NATIVE
/* Host only (generated/host/jit_prog_model.c): an lbpf_jit_prog_call_fn on
   the Thumb-2 model, the isolation witness; ctx is NULL or a struct
   lbpf_havm_model_count. */
bool lbpf_jit_prog_model_call(void *ctx, const struct lbpf_jit_prog *vm,
                              struct lbpf_jit_prog_state *st, const struct lbpf_helper_ctx *hctx);
#endif
#line 1344 "lit/jit.nw"
#endif
