/* The property-based differential checker (lit/pbt.nw): generates random
   valid programs and inputs from seeds, runs each on two engines of the
   engine table, and reports, shrinks and prints any disagreement; or replays
   .data files (regression cases) on two engines.

   pbt [--seed S[,S...]] [--count N] [--engines A,B] [--max-slots N]
       [--ignore WHAT[,WHAT...]] [--features F[,F...]] [--mutate P]
       [--out DIR] [--show N] [--quiet]

   --ignore drops differences of the named kinds (load, status, pc, r0,
   memory, stack, guard, budget, insns), to look past a known bug.
   --mutate P perturbs P% of the programs after generation
   (lbpf_pbt_mutate): about two in three are then refused, and the engines
   must refuse them alike.
   --features restricts the generator to the named parts of the ISA (alu32,
   alu64, jmp, jmp32, loops, memory, atomics, lddw, helpers, callx, calls,
   v4; default all), for an engine that implements only some.
   pbt --replay [--engines A,B] FILE...                                      */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lbpf_engines.h"
#include "lbpf_pbt.h"

static void usage(void) {
  fprintf(stderr,
          "usage: pbt [--seed S[,S...]] [--count N] [--engines A,B] [--max-slots N]\n"
          "           [--ignore WHAT[,WHAT...]] [--features F[,F...]] [--mutate P]\n"
          "           [--out DIR]\n"
          "           [--show N] [--quiet]\n"
          "       pbt --replay [--engines A,B] FILE...\n");
  exit(2);
}

static unsigned long long number(const char *opt, const char *s) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 0);
  if (errno || *end || end == s || *s == '-') {
    fprintf(stderr, "pbt: %s wants a number, not '%s'\n", opt, s);
    exit(2);
  }
  return v;
}

static const struct lbpf_engine *engine(const char *name) {
  const struct lbpf_engine *e = lbpf_engine_find(name);
  if (e == NULL) {
    fprintf(stderr, "pbt: engine '%s' is not in the engine table (it has:", name);
    for (size_t i = 0; i < lbpf_nengines; i++) fprintf(stderr, " %s", lbpf_engines[i].name);
    fprintf(stderr, ")\n");
    exit(2);
  }
  return e;
}

static unsigned ignore_mask(const char *list) {
  static const char *const names[] = {"load",  "status", "pc",     "r0",   "memory",
                                      "stack", "guard",  "budget", "insns"};
  unsigned mask = 0;
  while (*list) {
    size_t n = strcspn(list, ",");
    unsigned k;
    for (k = 0; k < sizeof names / sizeof names[0]; k++)
      if (strlen(names[k]) == n && strncmp(names[k], list, n) == 0) break;
    if (k == sizeof names / sizeof names[0]) {
      fprintf(stderr, "pbt: --ignore: unknown difference '%.*s'\n", (int)n, list);
      exit(2);
    }
    mask |= 1u << k;
    list += n + (list[n] == ',');
  }
  return mask;
}

static unsigned features(const char *list) {
  static const struct {
    const char *name;
    unsigned bit;
  } names[] = {{"alu32", LBPF_PBT_ALU32},     {"alu64", LBPF_PBT_ALU64},
               {"jmp", LBPF_PBT_JMP},         {"jmp32", LBPF_PBT_JMP32},
               {"loops", LBPF_PBT_LOOPS},     {"memory", LBPF_PBT_MEMORY},
               {"atomics", LBPF_PBT_ATOMICS}, {"lddw", LBPF_PBT_LDDW},
               {"helpers", LBPF_PBT_HELPERS}, {"callx", LBPF_PBT_CALLX},
               {"calls", LBPF_PBT_LOCAL_CALLS}, {"v4", LBPF_PBT_V4},
               {"all", LBPF_PBT_ALL}};
  unsigned mask = 0;
  while (*list) {
    size_t n = strcspn(list, ","), k;
    for (k = 0; k < sizeof names / sizeof names[0]; k++)
      if (strlen(names[k].name) == n && strncmp(names[k].name, list, n) == 0) break;
    if (k == sizeof names / sizeof names[0]) {
      fprintf(stderr, "pbt: --features: unknown feature '%.*s'\n", (int)n, list);
      exit(2);
    }
    mask |= names[k].bit;
    list += n + (list[n] == ',');
  }
  if ((mask & (LBPF_PBT_ALU32 | LBPF_PBT_ALU64)) == 0) {
    fprintf(stderr, "pbt: --features needs alu32 or alu64\n");
    exit(2);
  }
  return mask;
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  size_t got;
  while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += got;
    if (n + 1 == cap) {
      char *bigger = cap < (1u << 24) ? realloc(buf, cap * 2) : NULL;
      if (bigger == NULL) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = bigger;
      cap *= 2;
    }
  }
  fclose(f);
  if (buf) buf[n] = 0;
  if (buf && strlen(buf) != n) { /* a NUL byte: not a text file */
    free(buf);
    return NULL;
  }
  return buf;
}

/* Replay regression files: the engines must agree with each other, and the
   first engine (normally spec) with the recorded outcome. */
static int replay(const struct lbpf_engine *a, const struct lbpf_engine *b, int argc, char **argv) {
  static struct lbpf_pbt_case c;
  static struct lbpf_comparison report;
  unsigned passed = 0, failed = 0;
  for (int i = 0; i < argc; i++) {
    char err[128];
    struct lbpf_pbt_expect expect;
    char *text = slurp(argv[i]);
    if (text == NULL) {
      fprintf(stderr, "pbt: cannot read %s\n", argv[i]);
      failed++;
      continue;
    }
    int bad = lbpf_pbt_parse_data(text, &c, &expect, err, sizeof err);
    free(text);
    if (bad) {
      fprintf(stderr, "pbt: %s: %s\n", argv[i], err);
      failed++;
      continue;
    }
    unsigned diff = lbpf_pbt_compare(a, b, &c, &report);
    const struct lbpf_result *r = &report.a.result;
    int expected = 1;
    if (expect.known && report.a.load == LBPF_OK)
      expected = r->status == expect.status &&
                 (expect.status == LBPF_OK ? r->r0 == expect.r0 : r->pc == expect.pc);
    if (diff == 0 && expected) {
      passed++;
      continue;
    }
    failed++;
    printf("FAIL %s\n", argv[i]);
    if (diff) lbpf_comparison_describe(&report, stdout);
    if (!expected)
      printf("  %s does not give the recorded outcome\n", a->name);
  }
  printf("pbt replay (%s vs %s): %u passed, %u failed\n", a->name, b->name, passed, failed);
  return failed ? 1 : 0;
}

int main(int argc, char **argv) {
  const char *engines = "spec,interp", *out = NULL, *seeds = "1";
  unsigned long long count = 1000, show = 3;
  int quiet = 0, replaying = 0, i;
  unsigned ignore = 0;
  unsigned long long mutate = 0;
  struct lbpf_pbt_config cfg;
  lbpf_pbt_default_config(&cfg);
  for (i = 1; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
    const char *opt = argv[i];
    int more = i + 1 < argc;
    if (strcmp(opt, "--seed") == 0 && more) seeds = argv[++i];
    else if (strcmp(opt, "--count") == 0 && more) count = number(opt, argv[++i]);
    else if (strcmp(opt, "--engines") == 0 && more) engines = argv[++i];
    else if (strcmp(opt, "--max-slots") == 0 && more) {
      cfg.max_slots = (uint32_t)number(opt, argv[++i]);
      if (cfg.max_slots < 4 || cfg.max_slots > LBPF_PBT_MAX_SLOTS) {
        fprintf(stderr, "pbt: --max-slots must be 4..%d\n", LBPF_PBT_MAX_SLOTS);
        return 2;
      }
    } else if (strcmp(opt, "--out") == 0 && more) out = argv[++i];
    else if (strcmp(opt, "--show") == 0 && more) show = number(opt, argv[++i]);
    else if (strcmp(opt, "--ignore") == 0 && more) ignore = ignore_mask(argv[++i]);
    else if (strcmp(opt, "--features") == 0 && more) cfg.features = features(argv[++i]);
    else if (strcmp(opt, "--mutate") == 0 && more) {
      mutate = number(opt, argv[++i]);
      if (mutate > 100) {
        fprintf(stderr, "pbt: --mutate wants a percentage, 0..100\n");
        return 2;
      }
    } else if (strcmp(opt, "--quiet") == 0) quiet = 1;
    else if (strcmp(opt, "--replay") == 0) replaying = 1;
    else if (strcmp(opt, "--") == 0) {
      i++;
      break;
    } else
      usage();
  }
  char names[64];
  const char *comma = strchr(engines, ',');
  if (comma == NULL || strlen(engines) >= sizeof names) {
    fprintf(stderr, "pbt: --engines wants two names, A,B\n");
    return 2;
  }
  snprintf(names, sizeof names, "%s", engines);
  names[comma - engines] = 0;
  const struct lbpf_engine *a = engine(names), *b = engine(names + (comma - engines) + 1);
  if (replaying) {
    if (i >= argc) usage();
    return replay(a, b, argc - i, argv + i);
  }
  if (i != argc) usage();

  static struct lbpf_pbt_case c, small;
  static struct lbpf_comparison report;
  static struct lbpf_pbt_stats stats;
  unsigned long long failed = 0, shown = 0;
  const char *s = seeds;
  while (*s) {
    char *end;
    errno = 0;
    unsigned long long seed = strtoull(s, &end, 0);
    if (errno || end == s || (*end && *end != ',')) {
      fprintf(stderr, "pbt: --seed wants numbers separated by commas\n");
      return 2;
    }
    s = *end ? end + 1 : end;
    for (unsigned long long k = 0; k < count; k++) {
      struct lbpf_pbt_rng rng;
      struct lbpf_fault fault;
      lbpf_pbt_seed(&rng, seed, k);
      lbpf_pbt_gen(&rng, &cfg, &c);
      int mutated = mutate > 0 && lbpf_pbt_below(&rng, 100) < mutate;
      if (mutated) {
        lbpf_pbt_mutate(&rng, &c);
        stats.mutated++;
        if (lbpf_pbt_verify(&c, &fault) != LBPF_OK) stats.mutated_refused++;
      } else if (lbpf_pbt_verify(&c, &fault) != LBPF_OK) {
        stats.rejected++;
        lbpf_pbt_stats_add(&stats, &c, NULL);
        if (shown++ < show) {
          printf("REFUSED seed %llu case %llu: %s at pc %u (a generator bug)\n", seed, k,
                 lbpf_status_name(fault.status), (unsigned)fault.pc);
          lbpf_pbt_print_data(stdout, &c, "refused by the verifier");
        }
        continue;
      }
      unsigned diff = lbpf_pbt_compare(a, b, &c, &report) & ~ignore;
      lbpf_pbt_stats_add(&stats, &c, report.a.load == LBPF_OK ? &report.a.result : NULL);
      if (report.a.load != LBPF_OK && report.a.load < LBPF_STATUS_COUNT)
        stats.refusals[report.a.load]++;
      if (diff == 0) continue;
      failed++;
      if (shown++ >= show) continue;
      printf("FAIL seed %llu case %llu (%s vs %s)%s, %u slots:\n", seed, k, a->name, b->name,
             mutated ? ", mutated" : "", (unsigned)c.nslots);
      lbpf_comparison_describe(&report, stdout);
      small = c;
      lbpf_pbt_shrink(a, b, &small, diff, 4000);
      lbpf_pbt_compare(a, b, &small, &report);
      printf("shrunk to %u slots and %u bytes of memory:\n", (unsigned)small.nslots,
             (unsigned)small.mem_len);
      lbpf_comparison_describe(&report, stdout);
      char comment[256];
      snprintf(comment, sizeof comment,
               "found by pbt --seed %llu (case %llu), %s vs %s, then shrunk", seed, k, a->name,
               b->name);
      lbpf_pbt_print_data(stdout, &small, comment);
      if (out) {
        char path[512];
        snprintf(path, sizeof path, "%s/pbt-%llu-%llu.data", out, seed, k);
        FILE *f = fopen(path, "w");
        if (f == NULL) {
          fprintf(stderr, "pbt: cannot write %s\n", path);
        } else {
          lbpf_pbt_print_data(f, &small, comment);
          fclose(f);
          printf("written to %s\n", path);
        }
      }
    }
  }
  if (!quiet) lbpf_pbt_stats_print(stdout, &stats);
  unsigned long long passed = stats.cases - failed - stats.rejected;
  printf("pbt %s vs %s, seeds %s: %llu passed, %llu failed", a->name, b->name, seeds, passed,
         failed);
  if (stats.rejected) printf(", %llu refused by the verifier", (unsigned long long)stats.rejected);
  printf("\n");
  return failed || stats.rejected ? 1 : 0;
}
