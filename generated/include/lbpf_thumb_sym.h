#line 309 "lit/thumb-symbolic.nw"
/* The symbolic instance of the Thumb-2 semantics (host only; link -lz3). */
#ifndef LBPF_THUMB_SYM_H
#define LBPF_THUMB_SYM_H
#include "lbpf_thumb.h"
#include <z3.h>

/* A memory area whose bytes are 8-bit terms (bytes[k] for base + k).  If
   at is not NULL, the area is placed at the symbolic address at instead
   (base unused): single loads and stores whose base register is at plus a
   known amount reach it, nothing else does; it overlaps no other area. */
struct lbpf_thumb_sym_area {
  uint32_t base, size;
  unsigned perm;
  Z3_ast *bytes;
  Z3_ast at;
};

/* The symbolic state: registers are 32-bit terms, flags Boolean terms (the
   convention of lbpf_spec_sym.h); the pc and the IT state are concrete. */
struct lbpf_thumb_sym_state {
  Z3_context ctx;
  Z3_ast r[16];
  Z3_ast n, z, c, v;
  uint32_t itstate;
  uint32_t pc;
  /* Following both sides of a branch (see the chapter): the k-th
     instruction whose condition is not known takes decisions[k] (1: it
     holds), for k < ndecisions; decided counts those taken and path (NULL:
     true) is the Boolean term they assumed.  lacks_decision: the run
     stopped with LBPF_THUMB_SYMBOLIC for want of one more. */
  const uint8_t *decisions;
  size_t ndecisions, decided;
  Z3_ast path;
  bool lacks_decision;
  /* Addresses where the run stops as at the sentinel (nstops of them). */
  const uint32_t *stops;
  size_t nstops;
};

/* Registers r0..r15 become the variables "r00".."r15", flags the Boolean
   variables "n", "z", "c", "v"; pc and IT state 0. */
void lbpf_thumb_sym_init(struct lbpf_thumb_sym_state *s, Z3_context ctx);

/* Run the code (code_len bytes at code_base) from s->pc, as lbpf_thumb_run
   does, on terms.  Stops with LBPF_THUMB_SYMBOLIC where an address, a branch
   condition or a branch target is not a known value.  No cost is computed. */
enum lbpf_thumb_status lbpf_thumb_sym_run(struct lbpf_thumb_sym_state *s, const uint8_t *code,
                                          size_t code_len, uint32_t code_base,
                                          struct lbpf_thumb_sym_area *areas, size_t nareas,
                                          uint32_t sentinel, uint64_t max_steps,
                                          struct lbpf_thumb_result *result);
#endif
