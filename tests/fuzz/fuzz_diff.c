/* Fuzz target: the engines against each other on structured programs.

   The input seeds the property-based checker's generator (lit/pbt.nw), the
   project's one program generator: the case (program, input memory,
   read-only region, budget, frames) is generated from the input's digest;
   an odd first byte also mutates the program (lbpf_pbt_mutate); the input's
   remaining bytes become the input memory.  Every engine of the engine
   table after the first (the specification) is compared with it by the
   project's one comparator (lbpf_pbt_compare, lit/engines.nw): load
   refusal, status, pc, r0, budget used, instructions executed and every
   byte of every writable region; a difference aborts with both outcomes
   and the case as a .data file.  Every run also keeps the budget's bound:
   at most ninsns + budget instructions. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lbpf_compare.h"
#include "lbpf_engines.h"
#include "lbpf_pbt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct lbpf_pbt_case c;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint64_t digest = UINT64_C(0xcbf29ce484222325); /* FNV-1a */
  for (size_t i = 0; i < size && i < 8; i++) digest = (digest ^ data[i]) * UINT64_C(0x100000001b3);
  struct lbpf_pbt_rng rng;
  struct lbpf_pbt_config cfg;
  lbpf_pbt_default_config(&cfg);
  lbpf_pbt_seed(&rng, digest, size);
  lbpf_pbt_gen(&rng, &cfg, &c);
  if (size > 0 && (data[0] & 1)) lbpf_pbt_mutate(&rng, &c);
  if (size > 8) memcpy(c.mem, data + 8, size - 8 < c.mem_len ? size - 8 : c.mem_len);
  for (size_t e = 1; e < lbpf_nengines || e == 1; e++) {
    const struct lbpf_engine *b = &lbpf_engines[e < lbpf_nengines ? e : 0];
    struct lbpf_comparison report = {0};
    unsigned diff = lbpf_pbt_compare(&lbpf_engines[0], b, &c, &report);
    for (int k = 0; k < 2 && !diff; k++) {
      const struct lbpf_outcome *o = k ? &report.b : &report.a;
      if (o->load == LBPF_OK && o->result.insns > (uint64_t)c.nslots + c.budget) {
        fprintf(stderr, "%s: %llu instructions, above %u slots + budget %llu\n",
                k ? report.name_b : report.name_a, (unsigned long long)o->result.insns, c.nslots,
                (unsigned long long)c.budget);
        diff = LBPF_DIFF_INSNS;
      }
    }
    if (diff) {
      lbpf_comparison_describe(&report, stderr);
      lbpf_pbt_print_data(stderr, &c, "fuzz_diff: the engines differ on this case");
      abort();
    }
    lbpf_comparison_free(&report);
  }
  return 0;
}
