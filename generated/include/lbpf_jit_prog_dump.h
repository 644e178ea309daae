#line 2513 "lit/jit.nw"
/* Host only: a listing of the whole-program JIT's code (litbpf jit --dump --whole). */
#ifndef LBPF_JIT_PROG_DUMP_H
#define LBPF_JIT_PROG_DUMP_H
#include <stdio.h>

#include "lbpf_jit_prog.h"

/* Compile prog for env and print it; false if it cannot be compiled. */
bool lbpf_jit_prog_dump(FILE *out, const struct lbpf_program *prog, const struct lbpf_env *env);
#endif
