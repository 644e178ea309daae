/* The per-form proof of the JIT (lit/jit-proof.nw): proves J's code for every
   ALU form, one line per form, then the whole-program JIT's pieces (region
   check, jump flags, budget, prologue and epilogue: lit/jit-prog-proof.nw),
   one line per piece, and exits non-zero if any fails.

   jit-proof [--all] [--hard] [--only NAME] [--timeout MS] [--other S]

   --all      every register pair and every (immediate, destination) choice
   --hard     also try the solver on the forms otherwise tested on samples
   --only     the forms and pieces whose name begins with NAME (every piece's
              begins with "prog")
   --timeout  Z3's limit per claim, in milliseconds (default none; 2000 on the
              forms also given to Boolector and cvc5)
   --other    Boolector's and cvc5's limit per claim, in CPU seconds (default 10) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lbpf_jit_proof.h"

int main(int argc, char **argv) {
  struct lbpf_jit_proof_options o = {false, false, NULL, 0, 0};
  for (int k = 1; k < argc; k++) {
    if (!strcmp(argv[k], "--all"))
      o.all = true;
    else if (!strcmp(argv[k], "--hard"))
      o.hard = true;
    else if (!strcmp(argv[k], "--only") && k + 1 < argc)
      o.only = argv[++k];
    else if (!strcmp(argv[k], "--timeout") && k + 1 < argc)
      o.timeout_ms = (unsigned)strtoul(argv[++k], NULL, 10);
    else if (!strcmp(argv[k], "--other") && k + 1 < argc)
      o.other_s = (unsigned)strtoul(argv[++k], NULL, 10);
    else {
      fprintf(stderr, "usage: jit-proof [--all] [--hard] [--only NAME] [--timeout MS] [--other S]\n");
      return 2;
    }
  }
  int failed = lbpf_jit_prove_forms(&o, stdout);
  failed += lbpf_jit_prog_prove_pieces(&o, stdout);
  printf("jit-proof: %d form%s or piece%s failed\n", failed, failed == 1 ? "" : "s", failed == 1 ? "" : "s");
  return failed ? 1 : 0;
}
