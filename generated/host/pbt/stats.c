#line 2260 "lit/pbt.nw"
#include "lbpf_isa.h"
#include "lbpf_pbt.h"

void lbpf_pbt_stats_add(struct lbpf_pbt_stats *s, const struct lbpf_pbt_case *c,
                        const struct lbpf_result *result) {
  s->cases++;
  s->slots += c->nslots;
  s->functions += c->nfunctions;
  for (uint32_t i = 0; i < c->nslots; i++) {
    int f = lbpf_pbt_form(c->insns[i]);
    if (f >= 0) s->forms[f]++;
    s->classes[LBPF_CLASS(c->insns[i].opcode)]++;
    if (lbpf_is_lddw(c->insns[i].opcode)) i++;
  }
  for (int r = 0; r < LBPF_PBT_REGION_COUNT; r++)
    for (int a = 0; a < LBPF_PBT_AIM_COUNT; a++)
      s->aims[r][a] += c->aims[r][a];
  for (int k = 0; k < LBPF_PBT_SHAPE_COUNT; k++)
    s->shapes[k] += c->shapes[k];
  if (result) {
    if (result->status < LBPF_STATUS_COUNT) s->status[result->status]++;
    s->insns += result->insns;
  }
}

static double pct(uint64_t part, uint64_t whole) {
  return whole ? 100.0 * (double)part / (double)whole : 0.0;
}

int lbpf_pbt_stats_print(FILE *f, const struct lbpf_pbt_stats *s) {
  static const char *const aim_names[] = {"inside", "edge", "outside", "dynamic"};
  static const char *const shape_names[] = {"if",
                                            "if-else",
                                            "counted loop",
                                            "long loop",
                                            "wild loop",
                                            "goto",
                                            "early exit",
                                            "recursion",
                                            "break/continue",
                                            "jump into another function",
                                            "arithmetic run"};
  uint64_t ran = 0;
  for (int k = 0; k < LBPF_STATUS_COUNT; k++)
    ran += s->status[k];
  fprintf(f,
          "generator: %llu cases, %.1f slots and %.2f subprograms per program on average, %llu "
          "refused by the verifier\n",
          (unsigned long long)s->cases, s->cases ? (double)s->slots / (double)s->cases : 0.0,
          s->cases ? (double)s->functions / (double)s->cases : 0.0,
          (unsigned long long)s->rejected);
  if (s->mutated)
    fprintf(f, "mutated: %llu programs, %.1f%% of them refused by the verifier\n",
            (unsigned long long)s->mutated, pct(s->mutated_refused, s->mutated));
  uint64_t refused = 0;
  for (int k = 0; k < LBPF_STATUS_COUNT; k++)
    refused += s->refusals[k];
  if (refused) {
    fprintf(f, "refusals (first engine):");
    for (int k = 0; k < LBPF_STATUS_COUNT; k++)
      if (s->refusals[k])
        fprintf(f, " %s %.1f%%;", lbpf_status_name((enum lbpf_status)k),
                pct(s->refusals[k], refused));
    fprintf(f, "\n");
  }
  fprintf(f, "outcomes (first engine):");
  for (int k = 0; k < LBPF_STATUS_COUNT; k++)
    if (s->status[k])
      fprintf(f, " %s %.1f%%;", lbpf_status_name((enum lbpf_status)k), pct(s->status[k], ran));
  fprintf(f, " %.0f instructions per run\n", ran ? (double)s->insns / (double)ran : 0.0);
  /* The errors a program can cause at run time (LBPF_ERR_ARGUMENT is the
     embedding's mistake, never the program's). */
  static const enum lbpf_status runtime[] = {LBPF_ERR_MEMORY, LBPF_ERR_CALLX_TARGET,
                                             LBPF_ERR_CALL_DEPTH, LBPF_ERR_BUDGET};
  int unreached = 0;
  fprintf(f, "run-time errors never reached:");
  for (size_t k = 0; k < sizeof runtime / sizeof runtime[0]; k++)
    if (s->status[runtime[k]] == 0)
      fprintf(f, "%s %s", unreached++ ? "," : "", lbpf_status_name(runtime[k]));
  fprintf(f, "%s\n", unreached ? "" : " none");
  static const char *const region_names[] = {"input memory", "stack", "read-only region"};
  for (int r = 0; r < LBPF_PBT_REGION_COUNT; r++) {
    uint64_t all = 0;
    for (int a = 0; a < LBPF_PBT_AIM_COUNT; a++)
      all += s->aims[r][a];
    fprintf(f, "accesses to the %s: %llu;", region_names[r], (unsigned long long)all);
    for (int a = 0; a < LBPF_PBT_AIM_COUNT; a++)
      fprintf(f, " %s %.1f%%", aim_names[a], pct(s->aims[r][a], all));
    fprintf(f, "\n");
  }
  fprintf(f, "control shapes:");
  for (int k = 0; k < LBPF_PBT_SHAPE_COUNT; k++)
    fprintf(f, " %s %llu;", shape_names[k], (unsigned long long)s->shapes[k]);
  fprintf(f, "\n");
  uint64_t total = 0;
  for (int k = 0; k < LBPF_PBT_NFORMS; k++)
    total += s->forms[k];
  int missing = 0, hit = 0;
  for (int k = 0; k < LBPF_PBT_NFORMS; k++)
    hit += s->forms[k] != 0;
  static const char *const class_names[8] = {"ld (lddw)", "ldx", "st",    "stx",
                                             "alu32",     "jmp", "jmp32", "alu64"};
  fprintf(f, "instruction classes:");
  for (int k = 0; k < 8; k++)
    fprintf(f, " %s %.1f%%%s", class_names[k], pct(s->classes[k], total), k < 7 ? ";" : "\n");
  fprintf(f, "instruction forms: %d of %d generated (%llu instructions)", hit, LBPF_PBT_NFORMS,
          (unsigned long long)total);
  for (int k = 0; k < LBPF_PBT_NFORMS; k++)
    if (s->forms[k] == 0) fprintf(f, "%s%s", missing++ ? ", " : "; never: ", lbpf_pbt_form_name(k));
  fprintf(f, "\n");
  /* The rarest forms show how thin the coverage is at its thinnest. */
  uint64_t rarest = UINT64_MAX;
  int which = -1;
  for (int k = 0; k < LBPF_PBT_NFORMS; k++)
    if (s->forms[k] && s->forms[k] < rarest) rarest = s->forms[k], which = k;
  if (which >= 0)
    fprintf(f, "rarest form: %s, %llu times\n", lbpf_pbt_form_name(which),
            (unsigned long long)rarest);
  return missing;
}
