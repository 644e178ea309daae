#line 2526 "lit/jit.nw"
/* The listing of the whole-program JIT's code. */
#include "lbpf_jit_prog_dump.h"

#include <stdlib.h>

#include "bytecode.h"
#include "lbpf_jit_dump.h"

/* Print the instructions of code from *off up to end. */
static void lines_to(FILE *out, const uint8_t *code, size_t len, size_t *off, size_t end) {
  while (*off < end)
    lbpf_jit_dump_thumb(out, code, len, off, 1);
}

bool lbpf_jit_prog_dump(FILE *out, const struct lbpf_program *prog, const struct lbpf_env *env) {
  uint32_t n = prog->ninsns;
  size_t cap = lbpf_jit_prog_code_bound(n), nlabels = lbpf_jit_prog_nlabels(n);
  uint8_t *code = malloc(cap);
  uint32_t *labels = malloc(nlabels * sizeof *labels);
  struct lbpf_jit_fixup *fixups = malloc(lbpf_jit_prog_nfixups(n) * sizeof *fixups);
  struct lbpf_jit_buf b;
  bool ok = code && labels && fixups;
  if (ok) {
    lbpf_jit_buf_init(&b, code, cap, NULL, 0, labels, nlabels, fixups, lbpf_jit_prog_nfixups(n));
    ok = lbpf_jit_prog_gen(prog, env, &b);
  }
  if (ok) {
    size_t off = 0, main_end = lbpf_jit_prog_out_of_line(labels, n);
    fprintf(out, "whole program: %u slots, %zu bytes of Thumb-2\n    (prologue)\n", (unsigned)n,
            b.len);
    lines_to(out, code, b.len, &off, lbpf_jit_prog_pc_offset(labels, 0));
    for (uint32_t pc = 0; pc < n;) {
      uint32_t next = pc + 1;
      while (next < n && lbpf_jit_prog_pc_offset(labels, next) == LBPF_JIT_UNBOUND)
        next++;
      for (uint32_t k = pc; k < next;) {
        char text[96];
        unsigned slots = lbpf_disasm_insn(prog->code, n, k, text, sizeof text);
        fprintf(out, "    %5u: %s\n", (unsigned)k, text);
        k += slots ? slots : 1;
      }
      lines_to(out, code, b.len, &off, next < n ? lbpf_jit_prog_pc_offset(labels, next) : main_end);
      pc = next;
    }
    fprintf(out, "    (out of line: the epilogue; entries, slow paths, stubs)\n");
    lines_to(out, code, b.len, &off, b.len);
  }
  free(code);
  free(labels);
  free(fixups);
  return ok;
}
