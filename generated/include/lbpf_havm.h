#line 41 "lit/havm.nw"
/* The hybrid VM (level H): the interpreter, with ALU runs jitted to Thumb-2. */
#ifndef LBPF_HAVM_H
#define LBPF_HAVM_H
#include <stdbool.h>

#include "lbpf_interp.h"
#include "lbpf_jit.h"

#line 120 "lit/havm.nw"
#ifndef LBPF_HAVM_NATIVE
#if defined(__arm__) && defined(__thumb2__)
#define LBPF_HAVM_NATIVE 1
#else
#define LBPF_HAVM_NATIVE 0
#endif
#endif
#line 130 "lit/havm.nw"
/* Run the jitted function at code + offset on regs, where the core cannot;
   true if it returned normally.  ctx is the call_ctx given to load. */
typedef bool (*lbpf_havm_call_fn)(void *ctx, const uint8_t *code, size_t code_len, uint32_t offset,
                                  uint64_t regs[LBPF_NREGS]);
/* A jitted run, called natively (LBPF_HAVM_NATIVE). */
typedef void (*lbpf_havm_native_fn)(uint64_t regs[LBPF_NREGS]);

#line 52 "lit/havm.nw"
struct lbpf_havm {
  struct lbpf_interp interp; /* first: the interpreter's run function sees it */
  uint8_t *jit; /* the caller's JIT buffer: during load the entry table, then the code */
  size_t jit_size;
  const uint8_t *code; /* the jitted runs, code_len bytes: after load, the buffer's start */
  size_t code_len;
  lbpf_havm_call_fn call; /* NULL where the core calls the code itself */
  void *call_ctx;
};

/* Bytes of JIT buffer that a program of ninsns slots needs. */
size_t lbpf_havm_jit_size(uint32_t ninsns);

/* Verify, pre-decode and compile size bytes of code.  buf is the
   interpreter's code buffer (lbpf_interp_code_size(size / 8) bytes, aligned
   to 4); jit holds lbpf_havm_jit_size(size / 8) bytes, aligned to 4.  call
   runs a jitted run where the core cannot (it must be NULL where
   LBPF_HAVM_NATIVE is 1, and not NULL elsewhere); call_ctx is passed to it.
   env, buf and jit must outlive vm; of jit, only the first vm->code_len
   bytes are in use after load.  Returns LBPF_OK or fills fault. */
enum lbpf_status lbpf_havm_load(struct lbpf_havm *vm, const uint8_t *code, size_t size,
                                const struct lbpf_env *env, void *buf, size_t buf_size, void *jit,
                                size_t jit_size, lbpf_havm_call_fn call, void *call_ctx,
                                struct lbpf_fault *fault);

/* The interpreter's run function, compiled in the hybrid VM's reading. */
void lbpf_havm_interp_run(struct lbpf_interp *vm, void *mem, size_t mem_len,
                          struct lbpf_result *result);

/* Run the loaded program with r1 = mem and r2 = mem_len, as lbpf_interp_run. */
static inline void lbpf_havm_run(struct lbpf_havm *vm, void *mem, size_t mem_len,
                                 struct lbpf_result *result) {
  lbpf_havm_interp_run(&vm->interp, mem, mem_len, result);
}

#line 332 "lit/havm.nw"
#if !LBPF_HAVM_NATIVE
/* What the model executed (the call's context, optional). */
struct lbpf_havm_model_count {
  uint64_t runs, insns, cycles;
};
/* Host only (generated/host/havm_model.c): an lbpf_havm_call_fn that runs the
   code on the Thumb-2 model, with only the code, regs and a stack mapped. */
bool lbpf_havm_model_call(void *ctx, const uint8_t *code, size_t code_len, uint32_t offset,
                          uint64_t regs[LBPF_NREGS]);
#endif
#line 88 "lit/havm.nw"
#endif
