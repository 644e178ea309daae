/* The Cortex-M4 in the differential loop (lit/target.nw, "The differential
   check on the Cortex-M4"): generated cases run on the host's specification
   and, in one boot of the emulated Cortex-M4, on every engine named, the
   whole outcomes compared by the engines chapter's comparator.

   m4diff M4RUN WORKDIR SEED COUNT ENGINE...

   The cases are the property-based checker's (lit/pbt.nw), generated from
   SEED, cases 0 to COUNT - 1, with accesses aimed past 2^32 (wide_aims)
   and, in every other case, long arithmetic runs; the arena lies where the
   board's PSRAM is, and every run declares four extra regions: a
   read-write one and a write-only one where the generator's far accesses
   land, a read-only one beside them, and a read-only one ending exactly at
   2^32.  WORKDIR receives the run stream and the outcome file.  The
   driver also checks itself (differences planted in one outcome per
   engine must be seen) and the firmware (three malformed streams must be
   refused).  Exit status: 0 all agree, the sample exercised the 32-bit
   concerns and both self-checks passed; 1 otherwise; 2 usage or set-up
   error. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>

#include "lbpf_compare.h"
#include "lbpf_engines.h"
#include "lbpf_pbt.h"

/* Where the runs' memory lies, on the host and on the Cortex-M4: the
   arena at the start of the board's PSRAM, the extra regions after it. */
#define ARENA_AT UINT64_C(0x21000000)
#define EXTRA_AT UINT64_C(0x21003000)
#define EXTRA_LEN 0x1000
#define TOP_AT UINT64_C(0xffffff00) /* a region ending exactly at 2^32 */
#define WIDE_AIMS 4                 /* percent of memory items aimed past 2^32 */
#define ALU_RUNS 30                 /* in odd cases: long arithmetic runs (havm jits them) */
#define MAX_ENGINES 8
#define OUTCOME_WORDS 10
#define SHOWN 3 /* differences described in full */

static struct lbpf_region extra[4];
static uint8_t *extra_mem;

static void die(const char *what) {
  fprintf(stderr, "m4diff: %s\n", what);
  exit(2);
}

static void put32(FILE *f, uint32_t v) {
  uint8_t b[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
  fwrite(b, 1, 4, f);
}

static void put_bytes(FILE *f, const void *p, uint32_t n) {
  static const uint8_t zeros[4];
  put32(f, n);
  fwrite(p, 1, n, f);
  fwrite(zeros, 1, (4 - n % 4) % 4, f);
}

static uint32_t addr32(const void *p) { return (uint32_t)(uintptr_t)p; }

/* Case k: the generator's, and the extra regions' initial bytes. */
static void make_case(uint64_t seed, uint64_t k, struct lbpf_pbt_case *c) {
  struct lbpf_pbt_rng rng;
  struct lbpf_pbt_config cfg;
  lbpf_pbt_default_config(&cfg);
  cfg.wide_aims = WIDE_AIMS;
  cfg.alu_runs = k % 2 ? ALU_RUNS : 0;
  lbpf_pbt_seed(&rng, seed, k);
  lbpf_pbt_gen(&rng, &cfg, c);
  lbpf_pbt_seed(&rng, ~seed, k);
  for (size_t i = 0; i < EXTRA_LEN; i++) extra_mem[i] = (uint8_t)lbpf_pbt_next(&rng);
}

/* One record of the run stream (lit/target.nw, "A stream of runs"). */
static void write_case(FILE *f, const struct lbpf_pbt_case *c, const struct lbpf_pbt_layout *l) {
  char *buf;
  size_t len;
  FILE *r = open_memstream(&buf, &len);
  if (r == NULL) die("out of memory");
  put_bytes(r, l->code, (uint32_t)l->code_size);
  put32(r, (uint32_t)c->budget), put32(r, (uint32_t)(c->budget >> 32));
  put32(r, addr32(l->mem)), put32(r, c->mem_len);
  put32(r, addr32(l->env.stack)), put32(r, (uint32_t)l->env.stack_size);
  put32(r, (uint32_t)l->env.nregions);
  for (size_t i = 0; i < l->env.nregions; i++) {
    const struct lbpf_region *g = &l->env.regions[i];
    put32(r, addr32(g->base)), put32(r, (uint32_t)g->length), put32(r, g->perm);
  }
  put32(r, 2);
  put32(r, addr32(l->arena)), put_bytes(r, l->arena, (uint32_t)l->arena_len);
  put32(r, addr32(extra_mem)), put_bytes(r, extra_mem, EXTRA_LEN);
  fclose(r);
  put32(f, (uint32_t)len);
  fwrite(buf, 1, len, f);
  free(buf);
}

static uint64_t word64(const uint32_t *w) { return w[0] | (uint64_t)w[1] << 32; }

/* Read one run's outcome: its words, the final arena and extra memory. */
static void read_outcome(FILE *f, size_t arena_len, uint32_t w[OUTCOME_WORDS], uint8_t *arena,
                         uint8_t *extras) {
  uint8_t b[4 * OUTCOME_WORDS];
  if (fread(b, 1, sizeof b, f) != sizeof b || fread(arena, 1, (arena_len + 3) & ~(size_t)3, f) !=
                                                  ((arena_len + 3) & ~(size_t)3) ||
      fread(extras, 1, EXTRA_LEN, f) != EXTRA_LEN)
    die("the outcome file is shorter than the stream asks");
  for (int i = 0; i < OUTCOME_WORDS; i++)
    w[i] = b[4 * i] | (uint32_t)b[4 * i + 1] << 8 | (uint32_t)b[4 * i + 2] << 16 |
           (uint32_t)b[4 * i + 3] << 24;
}

/* Where host address p lies in the Cortex-M4's copy of the blocks. */
static uint8_t *on_m4(uint8_t *p, const struct lbpf_pbt_layout *l, uint8_t *arena, uint8_t *extras) {
  if (p >= l->arena && p <= l->arena + l->arena_len) return arena + (p - l->arena);
  return extras + (p - extra_mem);
}

/* Outside the writable areas, did the Cortex-M4 leave every byte of a
   block as the host did (the guards, the read-only data)? */
static bool same_outside(const uint8_t *m4, const uint8_t *host, const uint8_t *at, size_t len,
                         const struct lbpf_area *areas, unsigned n) {
  if (memcmp(m4, host, len) == 0) return true;
  for (size_t i = 0; i < len; i++) {
    bool writable = false;
    for (unsigned a = 0; a < n && !writable; a++)
      writable = at + i >= areas[a].at && at + i < areas[a].at + areas[a].len;
    if (!writable && m4[i] != host[i]) return false;
  }
  return true;
}

/* The comparison's own sharpness, on one run the engines agree on: a
   difference planted in the Cortex-M4's outcome — r0, the budget used, the
   last byte of each writable area (the input, the stack, the two writable
   extra regions), a guard byte of the arena — must each be caught, in its
   own bit.  Returns how many were not. */
static int plant(struct lbpf_comparison *cmp, unsigned counters, uint8_t *arena,
                 const uint8_t *host_arena, const struct lbpf_pbt_layout *l,
                 const struct lbpf_area *areas, unsigned n) {
  int missed = 0;
  cmp->b.result.r0 ^= 1;
  missed += lbpf_compare_outcomes(cmp, counters) != LBPF_DIFF_R0;
  cmp->b.result.r0 ^= 1;
  cmp->b.result.budget_used++;
  missed += lbpf_compare_outcomes(cmp, counters) != (counters & LBPF_DIFF_BUDGET);
  cmp->b.result.budget_used--;
  for (unsigned a = 0; a < n; a++) {
    cmp->b.bytes[a][cmp->b.len[a] - 1] ^= 0x10;
    missed += lbpf_compare_outcomes(cmp, counters) != LBPF_DIFF_MEMORY;
    cmp->b.bytes[a][cmp->b.len[a] - 1] ^= 0x10;
  }
  arena[0] ^= 0x10; /* the first guard byte */
  cmp->check_b = same_outside(arena, host_arena, l->arena, l->arena_len, areas, n);
  missed += lbpf_compare_outcomes(cmp, counters) != LBPF_DIFF_CHECK;
  arena[0] ^= 0x10;
  cmp->check_b = true;
  missed += lbpf_compare_outcomes(cmp, counters) != 0;
  return missed;
}

/* The firmware refuses a malformed stream, with a message and exit status
   2, before running anything of it: a truncated case, a block outside the
   lent memory (it would overwrite the firmware's own RAM), an engine not
   in its table.  Returns how many it did not refuse so. */
static int refusals(const char *m4run, const char *work, const char *engine) {
  static const char *const what[] = {"a truncated case", "a block outside the lent memory",
                                     "an unknown engine"};
  static const uint8_t code[16] = {0xb7, 0, 0, 0, 0, 0, 0, 0, 0x95, 0, 0, 0, 0, 0, 0, 0};
  static const uint8_t block[16];
  char path[2048], out[2048], reply[2048], command[8192];
  int wrong = 0;
  snprintf(path, sizeof path, "%s/refused.bin", work);
  snprintf(out, sizeof out, "%s/refused.out", work);
  for (int kind = 0; kind < 3; kind++) {
    FILE *f = fopen(path, "wb");
    char *header, *record;
    size_t header_len, record_len;
    FILE *h = open_memstream(&header, &header_len), *r = open_memstream(&record, &record_len);
    if (f == NULL || h == NULL || r == NULL) die("cannot write a malformed stream");
    put32(h, 1);
    const char *name = kind == 2 ? "no-such-engine" : engine;
    put_bytes(h, name, (uint32_t)strlen(name));
    put_bytes(h, out, (uint32_t)strlen(out));
    fclose(h);
    put_bytes(r, code, sizeof code);
    put32(r, 10), put32(r, 0);                           /* the budget */
    put32(r, (uint32_t)ARENA_AT), put32(r, 0);           /* no input */
    put32(r, (uint32_t)ARENA_AT), put32(r, 512), put32(r, 0); /* a stack, no region */
    put32(r, 1), put32(r, kind == 1 ? 0x20000000u : (uint32_t)ARENA_AT);
    put_bytes(r, block, sizeof block);
    fclose(r);
    fwrite("LBPFRUNS", 1, 8, f);
    put32(f, (uint32_t)header_len), fwrite(header, 1, header_len, f);
    put32(f, (uint32_t)record_len + (kind == 0 ? 8 : 0)), fwrite(record, 1, record_len, f);
    if (kind != 0) put32(f, 0);
    fclose(f);
    free(header), free(record);
    snprintf(command, sizeof command, "%s --jobs %s > %s/refused.txt 2>&1", m4run, path, work);
    int status = system(command);
    snprintf(reply, sizeof reply, "%s/refused.txt", work);
    FILE *t = fopen(reply, "r");
    size_t n = t ? fread(reply, 1, sizeof reply - 1, t) : 0;
    if (t) fclose(t);
    reply[n] = '\0';
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 2 ||
        strstr(reply, "firmware: malformed or unwritable run stream after 0 cases") == NULL) {
      printf("FAIL m4diff: a stream with %s gives exit status %d and: %s\n", what[kind],
             WIFEXITED(status) ? WEXITSTATUS(status) : -1, reply);
      wrong++;
    }
  }
  return wrong;
}

static uint64_t number(const char *s) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 0);
  if (errno || *end || end == s || *s == '-') die("SEED and COUNT are numbers");
  return v;
}

struct tally {
  unsigned long agree, status[LBPF_STATUS_COUNT + 1], wide_region, wide_top, wrote_extra;
};

int main(int argc, char **argv) {
  if (argc < 6) {
    fprintf(stderr, "usage: m4diff M4RUN WORKDIR SEED COUNT ENGINE...\n");
    return 2;
  }
  const char *m4run = argv[1], *work = argv[2];
  const uint64_t seed = number(argv[3]), count = number(argv[4]);
  const int nengines = argc - 5;
  if (nengines > MAX_ENGINES || count == 0) die("at most 8 engines, at least one case");
  const struct lbpf_engine *spec = lbpf_engine_find("spec"), *engines[MAX_ENGINES];
  for (int e = 0; e < nengines; e++)
    if ((engines[e] = lbpf_engine_find(argv[5 + e])) == NULL) die("an engine is not in the table");

  /* the memory of the extra regions, at the address the board has it */
  extra_mem = mmap((void *)(uintptr_t)EXTRA_AT, EXTRA_LEN, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (extra_mem != (uint8_t *)(uintptr_t)EXTRA_AT) die("cannot map the extra regions at 0x21003000");
  extra[0] = (struct lbpf_region){extra_mem, 0x800, LBPF_PERM_READ | LBPF_PERM_WRITE};
  extra[1] = (struct lbpf_region){extra_mem + 0x800, 0x400, LBPF_PERM_WRITE};
  extra[2] = (struct lbpf_region){extra_mem + 0xc00, 0x400, LBPF_PERM_READ};
  extra[3] = (struct lbpf_region){(void *)(uintptr_t)TOP_AT, 0x100, LBPF_PERM_READ};
  lbpf_pbt_place((uintptr_t)ARENA_AT, extra, 4);

  int refused_wrongly = refusals(m4run, work, argv[5]);

  /* the run stream: its header, then one record per case */
  static struct lbpf_pbt_case c;
  static struct lbpf_pbt_layout l;
  char stream[2048], outcomes[2048], command[8192];
  snprintf(stream, sizeof stream, "%s/stream.bin", work);
  snprintf(outcomes, sizeof outcomes, "%s/outcomes.bin", work);
  FILE *f = fopen(stream, "wb");
  if (f == NULL) die("cannot write the run stream");
  fwrite("LBPFRUNS", 1, 8, f);
  char *header;
  size_t header_len;
  FILE *h = open_memstream(&header, &header_len);
  if (h == NULL) die("out of memory");
  put32(h, (uint32_t)nengines);
  for (int e = 0; e < nengines; e++) put_bytes(h, argv[5 + e], (uint32_t)strlen(argv[5 + e]));
  put_bytes(h, outcomes, (uint32_t)strlen(outcomes));
  fclose(h);
  put32(f, (uint32_t)header_len);
  fwrite(header, 1, header_len, f);
  free(header);
  for (uint64_t k = 0; k < count; k++) {
    make_case(seed, k, &c);
    if (!lbpf_pbt_lay_out(&c, 0, &l) || l.arena != (uint8_t *)(uintptr_t)ARENA_AT)
      die("cannot map the arena at 0x21000000");
    write_case(f, &c, &l);
  }
  put32(f, 0);
  if (fclose(f) != 0) die("cannot write the run stream");

  /* one boot runs them all */
  snprintf(command, sizeof command, "%s --jobs %s", m4run, stream);
  fflush(stdout);
  int status = system(command);
  if (status != 0) {
    fprintf(stderr, "m4diff: the firmware did not run the stream (%s: status %d)\n", command,
            status);
    return 1;
  }

  /* the host's specification on each case, against each engine's outcome */
  f = fopen(outcomes, "rb");
  if (f == NULL) die("no outcome file");
  static struct tally tally[MAX_ENGINES];
  unsigned long differences = 0;
  int planted = 0, missed = 0;
  const size_t arena_len = l.arena_len, padded = (arena_len + 3) & ~(size_t)3;
  uint8_t *arena = malloc(padded), *extras = malloc(EXTRA_LEN), *host_arena = malloc(arena_len);
  uint8_t host_extras[EXTRA_LEN], initial_extras[EXTRA_LEN];
  if (!arena || !extras || !host_arena) die("out of memory");
  for (uint64_t k = 0; k < count; k++) {
    struct lbpf_outcome host = {0};
    struct lbpf_area areas[LBPF_MAX_AREAS], m4_areas[LBPF_MAX_AREAS];
    make_case(seed, k, &c);
    memcpy(initial_extras, extra_mem, EXTRA_LEN);
    const bool guards = lbpf_pbt_run(spec, &c, 0, &host);
    memcpy(host_arena, (const void *)(uintptr_t)ARENA_AT, arena_len);
    memcpy(host_extras, extra_mem, EXTRA_LEN);
    lbpf_pbt_lay_out(&c, 0, &l); /* the environment again, for the areas' addresses */
    const unsigned n = lbpf_areas(&l.env, l.mem, c.mem_len, areas);
    for (int e = 0; e < nengines; e++) {
      uint32_t w[OUTCOME_WORDS];
      struct lbpf_comparison cmp = {0};
      read_outcome(f, arena_len, w, arena, extras);
      cmp.name_a = "spec";
      cmp.name_b = argv[5 + e];
      cmp.a = host;
      cmp.b.load = (enum lbpf_status)w[0];
      cmp.b.fault = (struct lbpf_fault){(enum lbpf_status)w[0], w[1]};
      cmp.b.result = (struct lbpf_result){(enum lbpf_status)w[2], w[3], word64(w + 4),
                                          word64(w + 6), word64(w + 8)};
      for (unsigned a = 0; a < n; a++)
        m4_areas[a] = (struct lbpf_area){on_m4(areas[a].at, &l, arena, extras), areas[a].len};
      lbpf_outcome_capture(&cmp.b, m4_areas, n);
      /* the check of the caller: the host's guards held, and the Cortex-M4
         changed no byte the host did not, outside the writable areas */
      cmp.check_a = guards;
      cmp.check_b = same_outside(arena, host_arena, l.arena, arena_len, areas, n) &&
                    same_outside(extras, host_extras, extra_mem, EXTRA_LEN, areas, n);
      const unsigned counters = lbpf_engine_counters(spec) & lbpf_engine_counters(engines[e]);
      unsigned diff = lbpf_compare_outcomes(&cmp, counters);
      if (planted <= e && diff == 0 && cmp.b.load == LBPF_OK && cmp.b.result.status == LBPF_OK &&
          c.mem_len > 0 && n == 4) {
        missed += plant(&cmp, counters, arena, host_arena, &l, areas, n);
        planted++;
      }
      struct tally *t = &tally[e];
      t->agree += diff == 0;
      const struct lbpf_result *r = &cmp.b.result;
      t->status[cmp.b.load != LBPF_OK ? LBPF_STATUS_COUNT : r->status < LBPF_STATUS_COUNT ? r->status : LBPF_STATUS_COUNT]++;
      for (uint32_t i = 0; cmp.b.load == LBPF_OK && r->status == LBPF_ERR_MEMORY &&
                           i < c.nwide && i < LBPF_PBT_MAX_WIDE;
           i++)
        if (c.wide[i] == r->pc) {
          if (c.insns[r->pc - 1].opcode == (LBPF_CLASS_ALU64 | LBPF_ALU_ADD | LBPF_SRC_X))
            t->wide_region++;
          else
            t->wide_top++;
        }
      t->wrote_extra += memcmp(extras, initial_extras, 0xc00) != 0;
      if (diff && ++differences <= SHOWN) {
        printf("FAIL seed %llu case %llu: %s on the Cortex-M4 differs from spec on the host\n",
               (unsigned long long)seed, (unsigned long long)k, argv[5 + e]);
        lbpf_comparison_describe(&cmp, stdout);
        lbpf_pbt_print_data(stdout, &c, "the case (m4diff also declares four extra regions)");
      }
      lbpf_outcome_free(&cmp.b);
    }
    lbpf_outcome_free(&host);
  }
  fclose(f);

  /* what the sample exercised */
  int unexercised = 0;
  for (int e = 0; e < nengines; e++) {
    const struct tally *t = &tally[e];
    printf("m4diff: %s on the Cortex-M4 agrees with spec on the host on %lu of %llu cases (ok %lu, "
           "memory error %lu, budget %lu, other errors %lu); %lu runs ended at an address 2^32 "
           "from a region, %lu across 2^32; %lu wrote an extra region\n",
           argv[5 + e], t->agree, (unsigned long long)count, t->status[LBPF_OK],
           t->status[LBPF_ERR_MEMORY], t->status[LBPF_ERR_BUDGET],
           count - t->status[LBPF_OK] - t->status[LBPF_ERR_MEMORY] - t->status[LBPF_ERR_BUDGET],
           t->wide_region, t->wide_top, t->wrote_extra);
    if (t->wide_region == 0 || t->wide_top == 0 || t->wrote_extra == 0) unexercised++;
  }
  if (unexercised)
    printf("FAIL m4diff: the sample does not exercise every 32-bit concern (see above)\n");
  if (planted == nengines && missed == 0)
    printf("m4diff: every difference planted in one outcome of each engine was seen (r0, budget, "
           "each writable area, a guard byte)\n");
  if (planted < nengines || missed)
    printf("FAIL m4diff: of the differences planted in %d outcomes, %d went unseen\n", planted,
           missed);
  if (refused_wrongly == 0)
    printf("m4diff: the firmware refuses a truncated case, a block outside the lent memory and "
           "an unknown engine\n");
  remove(outcomes);
  return differences != 0 || unexercised != 0 || planted < nengines || missed != 0 ||
         refused_wrongly != 0;
}
