#line 279 "lit/engines.nw"
#ifndef LBPF_COMPARE_H
#define LBPF_COMPARE_H
#include <stdbool.h>
#include <stdio.h>

#include "lbpf_engines.h"

#define LBPF_MAX_AREAS 8 /* the input, the stack, and up to six writable regions */

struct lbpf_area {
  uint8_t *at;
  size_t len;
};

/* The writable areas of a run of env on mem: returns how many. */
unsigned lbpf_areas(const struct lbpf_env *env, uint8_t *mem, size_t mem_len,
                    struct lbpf_area areas[LBPF_MAX_AREAS]);

/* Everything a run can change. */
struct lbpf_outcome {
  enum lbpf_status load;   /* LBPF_OK when the engine accepted the program */
  struct lbpf_fault fault; /* its refusal otherwise */
  struct lbpf_result result;
  unsigned nareas;
  size_t len[LBPF_MAX_AREAS];
  uint8_t *bytes[LBPF_MAX_AREAS]; /* final contents of each area (allocated) */
};

/* Record the final contents of the areas into out (after a run). */
void lbpf_outcome_capture(struct lbpf_outcome *out, const struct lbpf_area *areas, unsigned nareas);
void lbpf_outcome_free(struct lbpf_outcome *out);
/* Write the recorded contents back into the areas they were taken from. */
void lbpf_outcome_restore(const struct lbpf_outcome *o, const struct lbpf_area *areas);

#line 375 "lit/engines.nw"
enum {
  LBPF_DIFF_LOAD = 1u << 0,
  LBPF_DIFF_STATUS = 1u << 1,
  LBPF_DIFF_PC = 1u << 2,
  LBPF_DIFF_R0 = 1u << 3,
  LBPF_DIFF_MEMORY = 1u << 4,
  LBPF_DIFF_BUDGET = 1u << 5,
  LBPF_DIFF_INSNS = 1u << 6,
  LBPF_DIFF_CHECK = 1u << 7
};

struct lbpf_comparison {
  unsigned diff; /* LBPF_DIFF_* bits; 0 when the engines agree */
  const char *name_a, *name_b;
  struct lbpf_outcome a, b;
  bool check_a, check_b;         /* the caller's check after each run held */
  int64_t first[LBPF_MAX_AREAS]; /* first differing byte of each area, or -1 */
};

/* Which counters each engine fills (LBPF_DIFF_BUDGET, LBPF_DIFF_INSNS). */
unsigned lbpf_engine_counters(const struct lbpf_engine *e);

/* Compare c->a with c->b, comparing the counters in `counters'; sets and
   returns c->diff. */
unsigned lbpf_compare_outcomes(struct lbpf_comparison *c, unsigned counters);

/* Load and run code on engines a and b, one after the other on the same
   memory: env's stack and writable regions and mem, each restored to its
   initial contents before each run and after the last.  Each engine's state
   is filled with a pattern, not zeroed.  check (may be NULL) is called after
   each run.  Returns c->diff; free c with lbpf_comparison_free. */
unsigned lbpf_compare(const struct lbpf_engine *a, const struct lbpf_engine *b, const uint8_t *code,
                      size_t size, const struct lbpf_env *env, uint8_t *mem, size_t mem_len,
                      bool (*check)(void *ctx), void *ctx, struct lbpf_comparison *c);
void lbpf_comparison_free(struct lbpf_comparison *c);

/* Print what differs, one line per difference. */
void lbpf_comparison_describe(const struct lbpf_comparison *c, FILE *f);
#line 315 "lit/engines.nw"
#endif
