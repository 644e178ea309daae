#include "runner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void write_stderr(void *out, const char *text, size_t len) {
  (void)out;
  fwrite(text, 1, len, stderr);
  fflush(stderr);
}

static uint64_t monotonic_ms(void *clock) {
  (void)clock;
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* The device's store: one for the whole process. */
static struct lbpf_kv_entry global_entries[LBPF_RUNNER_KV_ENTRIES];
static struct lbpf_kv global_store = {global_entries, LBPF_RUNNER_KV_ENTRIES, 0};

enum lbpf_status lbpf_runner_load(struct lbpf_runner *r, const struct lbpf_engine *engine,
                                  const uint8_t *code, size_t size,
                                  const struct lbpf_region *regions, size_t nregions,
                                  uint64_t budget, struct lbpf_fault *fault) {
  memset(r, 0, sizeof *r);
  r->engine = engine;
  lbpf_test_env(&r->env, r->stack, sizeof r->stack, budget);
  r->local = (struct lbpf_kv){r->local_entries, LBPF_RUNNER_KV_ENTRIES, 0};
  r->std = (struct lbpf_std_helpers){&global_store, &r->local, write_stderr, NULL,
                                     monotonic_ms, NULL, NULL};
  lbpf_tool_helpers(&r->env, r->helpers, &r->std);
  fault->status = LBPF_OK;
  fault->pc = 0;
  if (nregions > LBPF_RUNNER_MAX_REGIONS) {
    fault->status = LBPF_ERR_ARGUMENT;
    return LBPF_ERR_ARGUMENT;
  }
  if (nregions) memcpy(r->regions, regions, nregions * sizeof *regions);
  r->env.regions = r->regions;
  r->env.nregions = nregions;
  /* a private copy (never NULL), so the caller's buffer may go away */
  r->code = malloc(size ? size : 1);
  r->state = malloc(engine->state_size(size) ? engine->state_size(size) : 1);
  if (!r->code || !r->state) {
    fault->status = LBPF_ERR_ARGUMENT;
    return LBPF_ERR_ARGUMENT;
  }
  if (size) memcpy(r->code, code, size);
  r->code_size = size;
  enum lbpf_status st = engine->load(r->state, r->code, size, &r->env, fault);
  if (st != LBPF_OK && fault->status == LBPF_OK) fault->status = st;
  return st;
}

/* A fresh copy of the input and a zeroed stack, for one run. */
static uint8_t *fresh_run(struct lbpf_runner *r, const uint8_t *mem, size_t mem_len,
                          struct lbpf_result *result) {
  uint8_t *copy = malloc(mem_len ? mem_len : 1);
  memset(result, 0, sizeof *result);
  if (!copy) {
    result->status = LBPF_ERR_ARGUMENT;
    return NULL;
  }
  if (mem_len) memcpy(copy, mem, mem_len);
  memset(r->stack, 0, sizeof r->stack);
  return copy;
}

void lbpf_runner_run(struct lbpf_runner *r, const uint8_t *mem, size_t mem_len,
                     struct lbpf_result *result) {
  uint8_t *copy = fresh_run(r, mem, mem_len, result);
  if (!copy) return;
  r->engine->run(r->state, copy, mem_len, result);
  free(copy);
}

void lbpf_runner_run_watched(struct lbpf_runner *r, const uint8_t *mem, size_t mem_len,
                             struct lbpf_result *result, lbpf_watch_fn watch, void *user) {
  struct lbpf_program prog;
  struct lbpf_fault fault;
  uint8_t *copy = fresh_run(r, mem, mem_len, result);
  if (!copy) return;
  if (lbpf_verify(r->code, r->code_size, &r->env, &prog, &fault) != LBPF_OK)
    result->status = LBPF_ERR_ARGUMENT; /* a loaded runner's code is verified */
  else
    lbpf_spec_run_watched(&prog, &r->env, copy, mem_len, result, watch, user);
  free(copy);
}

void lbpf_runner_free(struct lbpf_runner *r) {
  free(r->state);
  free(r->code);
  r->state = NULL;
  r->code = NULL;
}

int lbpf_opt_match(int argc, char **argv, int *i, const char *name, const char **value) {
  const char *a = argv[*i];
  size_t n = strlen(name);
  if (strncmp(a, name, n) != 0) return 0;
  if (!value) {
    if (a[n] != '\0') return 0;
    ++*i;
    return 1;
  }
  if (a[n] == '=') {
    *value = a + n + 1;
    ++*i;
    return 1;
  }
  if (a[n] != '\0') return 0;
  if (*i + 1 >= argc) return -1;
  *value = argv[*i + 1];
  *i += 2;
  return 1;
}

bool lbpf_parse_u64(const char *s, uint64_t *out) {
  if (!*s) return false;
  uint64_t v = 0;
  for (; *s; s++) {
    if (*s < '0' || *s > '9') return false;
    unsigned d = (unsigned)(*s - '0');
    if (v > (UINT64_MAX - d) / 10) return false;
    v = v * 10 + d;
  }
  *out = v;
  return true;
}

/* A number as the region option writes it: decimal, or hex after 0x. */
static bool parse_number(const char *s, const char *end, uint64_t *out) {
  uint64_t v = 0;
  unsigned base = 10;
  if (end - s > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) base = 16, s += 2;
  if (s == end) return false;
  for (; s < end; s++) {
    unsigned d = *s >= '0' && *s <= '9'   ? (unsigned)(*s - '0')
                 : *s >= 'a' && *s <= 'f' ? (unsigned)(*s - 'a' + 10)
                 : *s >= 'A' && *s <= 'F' ? (unsigned)(*s - 'A' + 10)
                                          : 99;
    if (d >= base || v > (UINT64_MAX - d) / base) return false;
    v = v * base + d;
  }
  *out = v;
  return true;
}

/* ADDR:LEN[:PERM], PERM one of r, w, rw (default rw); ADDR and LEN at most
   max_address. */
static bool parse_region(const char *s, uint64_t max_address, struct lbpf_region *r) {
  const char *c1 = strchr(s, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
  const char *len_end = c2 ? c2 : s + strlen(s);
  uint64_t addr, len;
  if (!c1 || !parse_number(s, c1, &addr) || !parse_number(c1 + 1, len_end, &len)) return false;
  if (addr > max_address || len > max_address || addr > UINTPTR_MAX || len > SIZE_MAX)
    return false;
  unsigned perm = LBPF_PERM_READ | LBPF_PERM_WRITE;
  if (c2) {
    if (strcmp(c2 + 1, "r") == 0)
      perm = LBPF_PERM_READ;
    else if (strcmp(c2 + 1, "w") == 0)
      perm = LBPF_PERM_WRITE;
    else if (strcmp(c2 + 1, "rw") != 0)
      return false;
  }
  *r = (struct lbpf_region){(void *)(uintptr_t)addr, (size_t)len, perm};
  return true;
}

bool lbpf_run_options_parse(int argc, char **argv, uint64_t max_address,
                            struct lbpf_run_options *o, char *err, size_t errlen) {
  *o = (struct lbpf_run_options){
      .engine = "spec", .budget = LBPF_DEFAULT_BUDGET, .repeat = 1, .trace_limit = LBPF_TRACE_LIMIT};
  const char *v;
  int i = 1;
  while (i < argc) {
    int m;
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      o->help = true;
      return true;
    }
    if ((m = lbpf_opt_match(argc, argv, &i, "--engine", &o->engine)) ||
        (m = lbpf_opt_match(argc, argv, &i, "--mem", &o->mem_hex)) ||
        (m = lbpf_opt_match(argc, argv, &i, "--mem-file", &o->mem_file)) ||
        (m = lbpf_opt_match(argc, argv, &i, "--entry", &o->entry))) {
      if (m < 0) goto missing;
    } else if ((m = lbpf_opt_match(argc, argv, &i, "--budget", &v))) {
      if (m < 0) goto missing;
      if (!lbpf_parse_u64(v, &o->budget))
        return snprintf(err, errlen, "invalid budget '%s'", v), false;
    } else if ((m = lbpf_opt_match(argc, argv, &i, "--repeat", &v))) {
      if (m < 0) goto missing;
      if (!lbpf_parse_u64(v, &o->repeat) || o->repeat == 0)
        return snprintf(err, errlen, "invalid repeat count '%s'", v), false;
    } else if ((m = lbpf_opt_match(argc, argv, &i, "--region", &v))) {
      if (m < 0) goto missing;
      if (o->nregions == LBPF_RUN_MAX_REGIONS)
        return snprintf(err, errlen, "more than %d regions", LBPF_RUN_MAX_REGIONS), false;
      if (!parse_region(v, max_address, &o->regions[o->nregions]))
        return snprintf(err, errlen, "invalid region '%s' (ADDR:LEN[:r|w|rw])", v), false;
      o->nregions++;
    } else if ((m = lbpf_opt_match(argc, argv, &i, "--trace-limit", &v))) {
      if (m < 0) goto missing;
      if (!lbpf_parse_u64(v, &o->trace_limit))
        return snprintf(err, errlen, "invalid trace limit '%s'", v), false;
      o->trace = true;
    } else if (lbpf_opt_match(argc, argv, &i, "--trace", NULL)) {
      o->trace = true;
    } else if (lbpf_opt_match(argc, argv, &i, "--json", NULL)) {
      o->json = true;
    } else if (lbpf_opt_match(argc, argv, &i, "--stats", NULL)) {
      o->stats = true;
    } else if (a[0] == '-' && a[1] != '\0') {
      return snprintf(err, errlen, "unknown option '%s'", a), false;
    } else {
      if (o->program)
        return snprintf(err, errlen, "more than one program ('%s', '%s')", o->program, a), false;
      o->program = a;
      i++;
    }
  }
  if (!o->program) return snprintf(err, errlen, "no program given"), false;
  if (o->mem_hex && o->mem_file)
    return snprintf(err, errlen, "--mem and --mem-file exclude each other"), false;
  return true;
missing:
  snprintf(err, errlen, "option %s needs a value", argv[i]);
  return false;
}

void lbpf_engine_names(char *buf, size_t len) {
  size_t n = 0;
  if (len) buf[0] = '\0';
  for (size_t i = 0; i < lbpf_nengines && n < len; i++) {
    int k = snprintf(buf + n, len - n, "%s%s", i ? ", " : "", lbpf_engines[i].name);
    if (k < 0) break;
    n += (size_t)k;
  }
}
