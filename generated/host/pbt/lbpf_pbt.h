#line 33 "lit/pbt.nw"
/* Property-based differential checks: a seeded generator of valid eBPF
   programs and inputs, a comparison of two engines on one case, a shrinker,
   and .data output.  Host only, and single-threaded: runs share one arena
   mapped at a fixed address. */
#ifndef LBPF_PBT_H
#define LBPF_PBT_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "lbpf.h"
#include "lbpf_compare.h"
#include "lbpf_engines.h"
#include "lbpf_isa.h"

#line 68 "lit/pbt.nw"
#define LBPF_PBT_MAX_SLOTS 512 /* instruction slots of a generated program */
#define LBPF_PBT_MAX_MEM 256   /* bytes of input memory */
#define LBPF_PBT_MAX_FUNCTIONS 12
#define LBPF_PBT_MAX_RO 64   /* bytes of the read-only region */
#define LBPF_PBT_MAX_WIDE 16 /* accesses past 2^32 whose slots a case records */
#define LBPF_PBT_MAX_EXTRA 4 /* extra regions every run may declare */
#line 90 "lit/pbt.nw"
struct lbpf_pbt_rng {
  uint64_t s[4];
};

/* Seed the generator for case `index' of the run with seed `seed'. */
void lbpf_pbt_seed(struct lbpf_pbt_rng *rng, uint64_t seed, uint64_t index);
/* The next 64 random bits. */
uint64_t lbpf_pbt_next(struct lbpf_pbt_rng *rng);
/* A number in [0, n); n > 0. */
uint64_t lbpf_pbt_below(struct lbpf_pbt_rng *rng, uint64_t n);
#line 180 "lit/pbt.nw"
enum lbpf_pbt_aim {
  LBPF_PBT_AIM_INSIDE,  /* an access well inside a region */
  LBPF_PBT_AIM_EDGE,    /* touching the first or last byte of a region */
  LBPF_PBT_AIM_OUTSIDE, /* straddling an end, or wholly outside */
  LBPF_PBT_AIM_DYNAMIC, /* an address computed from data at run time */
  LBPF_PBT_AIM_COUNT
};

enum lbpf_pbt_shape {
  LBPF_PBT_SHAPE_IF,
  LBPF_PBT_SHAPE_IF_ELSE,
  LBPF_PBT_SHAPE_COUNTED_LOOP, /* ends after a few iterations */
  LBPF_PBT_SHAPE_LONG_LOOP,    /* a counted loop meant to exhaust the budget */
  LBPF_PBT_SHAPE_WILD_LOOP,    /* back edge on a data-dependent condition */
  LBPF_PBT_SHAPE_GOTO,         /* forward ja/ja32 over dead code */
  LBPF_PBT_SHAPE_EARLY_EXIT,
  LBPF_PBT_SHAPE_RECURSION, /* a function calling itself */
  LBPF_PBT_SHAPE_ESCAPE,    /* break or continue: a jump to an enclosing shape's label */
  LBPF_PBT_SHAPE_CROSS,     /* a jump into another function's code */
  LBPF_PBT_SHAPE_ALU_RUN,   /* with alu_runs: a long arithmetic run, a jump into it */
  LBPF_PBT_SHAPE_COUNT
};

enum lbpf_pbt_region { LBPF_PBT_INPUT, LBPF_PBT_STACK, LBPF_PBT_RO, LBPF_PBT_REGION_COUNT };

struct lbpf_pbt_case {
  struct lbpf_insn insns[LBPF_PBT_MAX_SLOTS];
  uint32_t nslots;
  uint8_t mem[LBPF_PBT_MAX_MEM];
  uint32_t mem_len;
  uint8_t ro[LBPF_PBT_MAX_RO]; /* the read-only region; none when ro_len is 0 */
  uint32_t ro_len;
  uint64_t budget;
  uint32_t frames;     /* stack frames, 1..LBPF_MAX_CALL_DEPTH */
  uint32_t nfunctions; /* subprograms besides the entry */
  /* what the generator aimed at: statistics only */
  uint32_t aims[LBPF_PBT_REGION_COUNT][LBPF_PBT_AIM_COUNT];
  uint32_t shapes[LBPF_PBT_SHAPE_COUNT];
  /* with wide_aims: the slots of the first accesses aimed past 2^32 */
  uint32_t wide[LBPF_PBT_MAX_WIDE];
  uint32_t nwide; /* how many were generated (may exceed LBPF_PBT_MAX_WIDE) */
};

/* Every pbt run has the standard test environment's helpers (see the
   engines chapter): id 5 returns r1, id 6 mixes all five arguments. */
#define LBPF_PBT_HELPER_IDENTITY LBPF_TEST_HELPER_ID
#define LBPF_PBT_HELPER_MIX LBPF_TEST_HELPER_MIX

/* Where the read-only region lies, relative to the input memory. */
#define LBPF_PBT_RO_OFFSET 4480
/* An lddw of this value is bound to the read-only region's address. */
#define LBPF_PBT_RO_ADDRESS UINT64_C(0x524f2d5245474e00)

/* Write the case's program as little-endian bytes: nslots * 8 of them. */
void lbpf_pbt_encode(const struct lbpf_pbt_case *c, uint8_t *code);
/* Does the case's program pass the verifier (with the standard helpers)? */
enum lbpf_status lbpf_pbt_verify(const struct lbpf_pbt_case *c, struct lbpf_fault *fault);
#line 322 "lit/pbt.nw"
enum {
  LBPF_PBT_ALU32 = 1u << 0,        /* 32-bit arithmetic */
  LBPF_PBT_ALU64 = 1u << 1,        /* 64-bit arithmetic */
  LBPF_PBT_JMP = 1u << 2,          /* 64-bit conditional jumps, ja */
  LBPF_PBT_JMP32 = 1u << 3,        /* 32-bit conditional jumps, ja32 */
  LBPF_PBT_LOOPS = 1u << 4,        /* backward jumps */
  LBPF_PBT_MEMORY = 1u << 5,       /* loads and stores */
  LBPF_PBT_ATOMICS = 1u << 6,      /* atomic read-modify-write */
  LBPF_PBT_LDDW = 1u << 7,         /* 64-bit immediates */
  LBPF_PBT_HELPERS = 1u << 8,      /* call imm */
  LBPF_PBT_CALLX = 1u << 9,        /* call through a register */
  LBPF_PBT_LOCAL_CALLS = 1u << 10, /* subprograms */
  LBPF_PBT_V4 = 1u << 11,          /* sdiv/smod, movsx, sign-extending loads, bswap, ja32 */
  LBPF_PBT_ALL = (1u << 12) - 1
};

struct lbpf_pbt_config {
  unsigned features;      /* LBPF_PBT_* */
  uint32_t max_slots;     /* program length, 4..LBPF_PBT_MAX_SLOTS */
  uint32_t max_mem;       /* input memory length, 0..LBPF_PBT_MAX_MEM */
  uint32_t max_functions; /* subprograms, 0..LBPF_PBT_MAX_FUNCTIONS */
  uint32_t alu_runs;      /* percent of items that are long arithmetic runs (0: none) */
  uint32_t wide_aims;     /* percent of memory items aimed past 2^32 (0: none) */
};

void lbpf_pbt_default_config(struct lbpf_pbt_config *cfg);
/* Generate one case.  Same rng state and config, same case. */
void lbpf_pbt_gen(struct lbpf_pbt_rng *rng, const struct lbpf_pbt_config *cfg,
                  struct lbpf_pbt_case *out);
#line 277 "lit/pbt.nw"
#define LBPF_PBT_NFORMS LBPF_NFORMS
/* The form of insn (its row in lbpf_forms), or -1 for a slot that is no
   instruction of its own (lddw's second half is classified by its caller). */
int lbpf_pbt_form(struct lbpf_insn insn);
const char *lbpf_pbt_form_name(int form);
#line 1437 "lit/pbt.nw"
/* Run case c on engine e; shift (0..63) moves the regions in memory.  out
   (zeroed, or filled by an earlier call) receives the outcome: the input
   memory is its area 0, the stack its area 1.  Returns whether every byte
   outside the two writable regions still holds what it held before. */
bool lbpf_pbt_run(const struct lbpf_engine *e, const struct lbpf_pbt_case *c, unsigned shift,
                  struct lbpf_outcome *out);
#line 1455 "lit/pbt.nw"
/* Every later run: the arena at arena_address (a hint to mmap; call
   before the first run) and the n regions of extra (n at most
   LBPF_PBT_MAX_EXTRA; the caller's memory, kept until the last run),
   declared after the read-only region. */
void lbpf_pbt_place(uintptr_t arena_address, const struct lbpf_region *extra, size_t n);

/* A case laid out for a run (its env points into the layout itself). */
struct lbpf_pbt_layout {
  uint8_t code[LBPF_PBT_MAX_SLOTS * 8];
  size_t code_size;
  struct lbpf_env env;
  struct lbpf_region regions[1 + LBPF_PBT_MAX_EXTRA];
  uint8_t *mem;   /* the input memory, c->mem_len bytes */
  uint8_t *arena; /* the whole arena: guards, input, stack, read-only region */
  size_t arena_len;
};

/* Lay c out in the arena as a run of it starts; false if the arena could
   not be mapped. */
bool lbpf_pbt_lay_out(const struct lbpf_pbt_case *c, unsigned shift, struct lbpf_pbt_layout *l);
#line 1659 "lit/pbt.nw"
/* Run c on a and b and compare (see lbpf_compare); report (zeroed, or
   filled by an earlier call) receives both outcomes.  Returns report->diff:
   LBPF_DIFF_CHECK when an engine changed a byte outside its regions. */
unsigned lbpf_pbt_compare(const struct lbpf_engine *a, const struct lbpf_engine *b,
                          const struct lbpf_pbt_case *c, struct lbpf_comparison *report);
#line 1720 "lit/pbt.nw"
/* Perturb the program of c in one to three places: a byte of a slot, a
   jump's offset, a register field, an opcode.  The result may or may not
   verify; see the chapter. */
void lbpf_pbt_mutate(struct lbpf_pbt_rng *rng, struct lbpf_pbt_case *c);

/* Shrink c (which must fail with the difference mask `diff' between a and b)
   to a smaller case that still shows one of those differences.  At most
   max_tries candidates are run.  Returns the number of simplifications kept. */
unsigned lbpf_pbt_shrink(const struct lbpf_engine *a, const struct lbpf_engine *b,
                         struct lbpf_pbt_case *c, unsigned diff, unsigned max_tries);
/* The slot a pc-relative instruction at slot pc goes to, or -1 if it has none. */
int64_t lbpf_pbt_target(const struct lbpf_insn *insn, uint32_t pc);
#line 2056 "lit/pbt.nw"
/* What a .data file says the specification does. */
struct lbpf_pbt_expect {
  bool known; /* false when the outcome depends on addresses */
  enum lbpf_status status;
  uint32_t pc; /* when status is an error */
  uint64_t r0; /* when status is LBPF_OK */
};

/* Print c as a .data file; comment (may be NULL or several lines) goes first. */
void lbpf_pbt_print_data(FILE *f, const struct lbpf_pbt_case *c, const char *comment);
/* Parse a .data file.  Returns 0, or -1 with a message in err. */
int lbpf_pbt_parse_data(const char *text, struct lbpf_pbt_case *c, struct lbpf_pbt_expect *expect,
                        char *err, size_t errlen);
#line 2240 "lit/pbt.nw"
struct lbpf_pbt_stats {
  uint64_t cases, rejected, failed, slots, functions;
  uint64_t mutated, mutated_refused;    /* with --mutate: how many, refused by the verifier */
  uint64_t refusals[LBPF_STATUS_COUNT]; /* the first engine's load refusals, by status */
  uint64_t forms[LBPF_PBT_NFORMS];
  uint64_t classes[8]; /* instructions per class, LBPF_CLASS(opcode) */
  uint64_t status[LBPF_STATUS_COUNT];
  uint64_t aims[LBPF_PBT_REGION_COUNT][LBPF_PBT_AIM_COUNT];
  uint64_t shapes[LBPF_PBT_SHAPE_COUNT];
  uint64_t insns; /* instructions executed by the first engine, when it counts */
};

/* Count a generated case, and (when result is not NULL) its first engine's result. */
void lbpf_pbt_stats_add(struct lbpf_pbt_stats *s, const struct lbpf_pbt_case *c,
                        const struct lbpf_result *result);
/* Print the statistics; returns the number of forms never generated. */
int lbpf_pbt_stats_print(FILE *f, const struct lbpf_pbt_stats *s);
#line 57 "lit/pbt.nw"
#endif
