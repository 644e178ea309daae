#line 496 "lit/jit-emit.nw"
/* Host only: a listing of the ALU-run JIT's code (litbpf jit --dump). */
#ifndef LBPF_JIT_DUMP_H
#define LBPF_JIT_DUMP_H
#include <stdio.h>

#include "lbpf_jit.h"

/* Print every entry's run of prog: the BPF instructions, each followed by
   its Thumb-2 code in code (code_len bytes) as entries say. */
void lbpf_jit_dump(FILE *out, const struct lbpf_program *prog, const uint8_t *code, size_t code_len,
                   const struct lbpf_jit_entry *entries);
/* Print count Thumb-2 instructions of code from byte *off (offset,
   halfwords, UAL), advancing *off; the whole-program JIT's listing too. */
void lbpf_jit_dump_thumb(FILE *out, const uint8_t *code, size_t code_len, size_t *off,
                         uint32_t count);
#endif
