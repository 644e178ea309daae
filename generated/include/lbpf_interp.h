#line 57 "lit/interp.nw"
/* The production interpreter: verify once, pre-decode, run with every check. */
#ifndef LBPF_INTERP_H
#define LBPF_INTERP_H
#include "lbpf.h"

#line 95 "lit/interp.nw"
struct lbpf_interp_slot {
  uint8_t op;  /* handler index (see the interpreter chapter) */
  uint8_t dst; /* destination register, 0..10 */
  int16_t off; /* offset of memory accesses and jumps */
  int32_t imm; /* immediate, or the source register of register forms */
};
#line 636 "lit/interp.nw"
struct lbpf_interp_cache {
  uintptr_t lo;
  uintptr_t count[4]; /* indexed by the size field >> 3: W, H, B, DW */
};
#line 136 "lit/interp.nw"
struct lbpf_interp_frame {
  uint64_t saved[4]; /* the caller's r6..r9 */
  uint32_t ret;      /* slot to return to */
};

struct lbpf_interp {
  const struct lbpf_interp_slot *code;
  uint32_t ninsns;
  const struct lbpf_env *env;

#line 161 "lit/interp.nw"
  uint32_t nframes;                     /* call frames the stack holds; 0: env unusable */
  struct lbpf_region stack;             /* the top nframes frames of env->stack */
  struct lbpf_interp_cache stack_cache; /* the stack region, as numbers */
  uint64_t stack_top;                   /* r10 at the start of a run */
#line 146 "lit/interp.nw"

#line 172 "lit/interp.nw"
  uint8_t clear_registers; /* 1: the program may read a register before writing it */
  uint8_t entry;           /* the handler a run starts with: CLEAR_REGISTERS or slot 0's */
  uint32_t chunk_max;      /* budget handed out at a time, besides the spend at hand (2^30) */
#line 147 "lit/interp.nw"

#line 181 "lit/interp.nw"
  struct lbpf_region input;              /* this run's input memory */
  struct lbpf_interp_cache read, write;  /* the last regions that answered */
  uint32_t depth;                        /* frames called; 0 between runs */
  uint64_t budget_handed_out, bias_base; /* the run's counters, on a 32-bit host */
  int32_t budget_chunk;                  /* what is left of the chunk; below 0 only inside SPEND */
  uint32_t bias_part;
#line 148 "lit/interp.nw"
  uint64_t regs[LBPF_NREGS];
  struct lbpf_interp_frame frames[LBPF_MAX_CALL_DEPTH];
};

#line 66 "lit/interp.nw"
/* Bytes of code buffer that a program of ninsns slots needs. */
size_t lbpf_interp_code_size(uint32_t ninsns);

/* Verify size bytes of code against env and pre-decode it into buf, which
   must hold lbpf_interp_code_size(size / 8) bytes, aligned to 4.  env and buf
   must outlive vm; code need not.  Returns LBPF_OK or fills fault. */
enum lbpf_status lbpf_interp_load(struct lbpf_interp *vm, const uint8_t *code, size_t size,
                                  const struct lbpf_env *env, void *buf, size_t buf_size,
                                  struct lbpf_fault *fault);

/* Run the loaded program with r1 = mem and r2 = mem_len.  The registers
   live in vm: a helper must not run the same vm again (another vm is fine). */
void lbpf_interp_run(struct lbpf_interp *vm, void *mem, size_t mem_len, struct lbpf_result *result);
#endif
