#line 669 "lit/target.nw"
#include <stdbool.h>
#include <string.h>

#include "lbpf.h"
#include "lbpf_engines.h"
#include "lbpf_image.h"
#include "lbpf_jit.h"
#include "lbpf_jit_prog.h"
#include "runner.h" /* LBPF_RUN_MAX_REGIONS, as litbpf run --region */
#include "target.h"

#line 699 "lit/target.nw"
extern uint8_t __arena_start[], __arena_end[];
static uint8_t *arena_next;

static void *arena_alloc(size_t size) {
  size_t room = (size_t)(__arena_end - arena_next);
  size = (size + 7) & ~(size_t)7;
  if (size > room) return NULL;
  void *p = arena_next;
  arena_next += size;
  return p;
}
#line 733 "lit/target.nw"
static uint64_t stack[LBPF_MAX_CALL_DEPTH * LBPF_STACK_SIZE / sizeof(uint64_t)];
static struct lbpf_region regions[LBPF_RUN_MAX_REGIONS + 2]; /* the job's, then an image's */
static struct lbpf_env env;

static char printed[4 * LBPF_PRINTF_MAX], shown[4 * LBPF_PRINTF_MAX];
static size_t nprinted, nshown;
static void print_to_job(void *out, const char *text, size_t len) {
  (void)out;
  if (len > sizeof printed - nprinted) len = sizeof printed - nprinted;
  memcpy(printed + nprinted, text, len);
  nprinted += len;
}

static uint64_t board_ms(void *clock) {
  (void)clock;
  return lbpf_m4_ticks_now() * 5 * 8 / 1000000; /* five instructions a tick, 8 ns each */
}

enum { KV_ENTRIES = 32 };
static struct lbpf_kv_entry global_entries[KV_ENTRIES], local_entries[KV_ENTRIES];
static struct lbpf_kv global_store = {global_entries, KV_ENTRIES, 0};
static struct lbpf_kv local_store = {local_entries, KV_ENTRIES, 0};
static struct lbpf_std_helpers std = {&global_store, &local_store, print_to_job, NULL,
                                      board_ms,      NULL,         NULL};

/* Keep what the run that just ended printed, for the job's output. */
static void keep_printed(void) {
  memcpy(shown, printed, nprinted);
  nshown = nprinted;
}

static void reset_helpers(void) {
  global_store.count = local_store.count = 0;
  nprinted = 0;
}

static struct lbpf_helper helpers[LBPF_TOOL_NHELPERS];
#line 819 "lit/target.nw"
typedef uint64_t (*native_fn)(uint8_t *mem, uint64_t len);
#define LBPF_NATIVE(name) uint64_t lbpf_native_##name(uint8_t *mem, uint64_t len);
#include "native.h"
#undef LBPF_NATIVE

static const struct {
  const char *name;
  native_fn fn;
} natives[] = {
#define LBPF_NATIVE(name) {#name, lbpf_native_##name},
#include "native.h"
#undef LBPF_NATIVE
    {0, 0}};

static native_fn native_find(const char *name) {
  for (size_t i = 0; natives[i].name != 0; i++)
    if (strcmp(natives[i].name, name) == 0) return natives[i].fn;
  return 0;
}
#line 1169 "lit/target.nw"
/* One timed compile: the program, the JIT's buffers, and where it reports. */
struct compile_job {
  struct lbpf_program prog;
  uint8_t *code;
  size_t cap;
  struct lbpf_jit_entry *entries;
  struct lbpf_result *result;
};

/* Slots covered by the entry table's runs (nested runs counted once). */
static uint64_t jitted_slots(const struct compile_job *c) {
  uint64_t covered = 0;
  uint32_t upto = 0;
  for (uint32_t pc = 0; pc < c->prog.ninsns; pc++) {
    uint32_t end = pc + c->entries[pc].len;
    if (c->entries[pc].len == 0 || end <= upto) continue;
    covered += end - (pc > upto ? pc : upto);
    upto = end;
  }
  return covered;
}

static void compile_program(struct compile_job *c) {
  size_t len = 0;
  enum lbpf_status st = lbpf_jit_alu_compile(&c->prog, c->code, c->cap, &len, c->entries);
  *c->result = (struct lbpf_result){st, 0, len, c->prog.ninsns, 0};
}
#line 1229 "lit/target.nw"
/* One timed compile by the whole-program JIT: the bytecode, the work
   memory, where it reports, and the verifier's own cost on the program. */
struct whole_job {
  const uint8_t *code;
  size_t size;
  const struct lbpf_env *env;
  void *work;
  size_t work_size;
  struct lbpf_result *result;
  uint64_t verify_cost;
  struct lbpf_jit_prog vm;
};

static void verify_whole(struct whole_job *j) {
  struct lbpf_fault f;
  lbpf_verify(j->code, j->size, j->env, &j->vm.prog, &f);
}

static void compile_whole(struct whole_job *j) {
  struct lbpf_fault f = {LBPF_OK, 0};
  enum lbpf_status st =
      lbpf_jit_prog_load(&j->vm, j->code, j->size, j->env, j->work, j->work_size, NULL, NULL, &f);
  *j->result = (struct lbpf_result){st, f.pc, j->vm.code_len, j->vm.prog.ninsns, 0};
}
#line 846 "lit/target.nw"
enum { JOB_FIELDS = 7 + LBPF_RUN_MAX_REGIONS };
struct job {
  char *name, *engine, *program, *mem, *expect, *repeat, *budget; /* budget: NULL if absent */
  char *region[LBPF_RUN_MAX_REGIONS];
  int nregions;
};

static bool parse_job(char *line, struct job *job) {
  char *field[JOB_FIELDS];
  int n = 0;
  for (char *p = line; *p;) {
    while (*p == ' ' || *p == '\t')
      *p++ = '\0';
    if (*p == '\0') break;
    if (n == JOB_FIELDS) return false;
    field[n++] = p;
    while (*p && *p != ' ' && *p != '\t')
      p++;
  }
  if (n < 6) return false;
  *job = (struct job){
      field[0], field[1],         field[2], field[3], field[4], field[5], n > 6 ? field[6] : NULL,
      {NULL},   n > 7 ? n - 7 : 0};
  for (int i = 7; i < n; i++)
    job->region[i - 7] = field[i];
  return true;
}

static bool parse_u64(const char *s, uint64_t *v) {
  int base = 10;
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) base = 16, s += 2;
  if (*s == '\0') return false;
  uint64_t x = 0;
  for (; *s; s++) {
    int d = *s >= '0' && *s <= '9'   ? *s - '0'
            : *s >= 'a' && *s <= 'f' ? *s - 'a' + 10
            : *s >= 'A' && *s <= 'F' ? *s - 'A' + 10
                                     : 99;
    if (d >= base) return false;
    x = x * (uint64_t)base + (uint64_t)d;
  }
  *v = x;
  return true;
}

/* ADDR:LEN:PERM into a region; false if malformed or above 2^32 - 1. */
static bool parse_region(char *s, struct lbpf_region *r) {
  char *len = s, *perm;
  uint64_t a, l;
  while (*len && *len != ':')
    len++;
  if (*len == '\0') return false;
  *len++ = '\0';
  for (perm = len; *perm && *perm != ':'; perm++)
    continue;
  if (*perm == '\0') return false;
  *perm++ = '\0';
  if (!parse_u64(s, &a) || !parse_u64(len, &l) || a > UINT32_MAX || l > UINT32_MAX) return false;
  r->base = (void *)(uintptr_t)a;
  r->length = (size_t)l;
  r->perm = strcmp(perm, "r") == 0    ? LBPF_PERM_READ
            : strcmp(perm, "w") == 0  ? LBPF_PERM_WRITE
            : strcmp(perm, "rw") == 0 ? LBPF_PERM_READ | LBPF_PERM_WRITE
                                      : 0;
  return r->perm != 0;
}

/* Read a host file into the arena; "-" is an empty file. */
static uint8_t *load_file(const char *path, size_t *len) {
  *len = 0;
  if (strcmp(path, "-") == 0) return arena_alloc(8);
  long n = lbpf_sh_file_length(path);
  if (n < 0) return NULL;
  uint8_t *buf = arena_alloc((size_t)n + 8);
  if (buf == NULL || lbpf_sh_read_file(path, buf, (size_t)n) != n) return NULL;
  *len = (size_t)n;
  return buf;
}
#line 935 "lit/target.nw"
struct outcome {
  bool refused;
  struct lbpf_result result;
  uint64_t cost;
  uint64_t digest; /* of the input memory after the (last) run */
};

/* FNV-1a, 64 bits: the fingerprint of the input memory that the host's
   benchmark harness prints too, so that the two can be compared. */
static uint64_t digest(const uint8_t *p, size_t n) {
  uint64_t h = UINT64_C(0xcbf29ce484222325);
  for (size_t i = 0; i < n; i++)
    h = (h ^ p[i]) * UINT64_C(0x100000001b3);
  return h;
}

/* What the five timed runs of one measurement share: the input memory and
   its pristine copy, and what the first run produced. */
struct runs {
  uint8_t *mem, *pristine;
  size_t len;
  struct lbpf_m4_call *call;
  struct lbpf_result *result;
  struct lbpf_result first;
  uint32_t first_ret[2];
  unsigned done;
  bool native; /* compare the returned registers too */
  bool differ;
  const struct lbpf_image *image; /* the program's image, or NULL */
  uint8_t *data;                  /* its data region */
};

static bool same_result(const struct lbpf_result *a, const struct lbpf_result *b) {
  return a->status == b->status && a->r0 == b->r0 && a->pc == b->pc && a->insns == b->insns;
}

/* Called before each timed run: compare what the previous run left with the
   first run, then put the input memory back. */
static void next_run(void *ctx) {
  struct runs *r = ctx;
  if (r->done == 1) {
    r->first = *r->result;
    memcpy(r->first_ret, r->call->ret, sizeof r->first_ret);
  } else if (r->done > 1) {
    r->differ |= !same_result(&r->first, r->result) ||
                 (r->native && memcmp(r->first_ret, r->call->ret, sizeof r->first_ret) != 0);
  }
  if (r->done > 0) keep_printed();
  r->done++;
  memcpy(r->mem, r->pristine, r->len);
  memset(stack, 0, sizeof stack);
  reset_helpers();
  if (r->image && r->image->data_len) memcpy(r->data, r->image->data, r->image->data_len);
}

/* What the program printed, one "print TEXT" line per line. */
static void print_printed(void) {
  for (size_t i = 0; i < nshown;) {
    char line[LBPF_PRINTF_MAX + 8] = "print ";
    size_t n = 6;
    while (i < nshown && shown[i] != '\n' && n < sizeof line - 2)
      line[n++] = shown[i++];
    if (i < nshown && shown[i] == '\n') i++;
    line[n++] = '\n';
    line[n] = '\0';
    lbpf_m4_puts(line);
  }
}

static void print_outcome(const struct job *job, const struct outcome *o, bool measured) {
  lbpf_m4_puts(job->name);
  lbpf_m4_puts(" ");
  lbpf_m4_puts(job->engine);
  if (o->refused) {
    lbpf_m4_puts(" refused ");
  } else if (o->result.status != LBPF_OK) {
    lbpf_m4_puts(" error ");
  } else {
    lbpf_m4_puts(" ok ");
    lbpf_m4_puthex(o->result.r0, 1);
    lbpf_m4_puts(" insns=");
    lbpf_m4_putu(o->result.insns);
  }
  if (o->refused || o->result.status != LBPF_OK) {
    /* one word: the name's blanks become underscores */
    for (const char *s = lbpf_status_name(o->result.status); *s; s++)
      lbpf_m4_puts(*s == ' ' ? "_" : (char[2]){*s, 0});
    lbpf_m4_puts(" pc=");
    lbpf_m4_putu(o->result.pc);
  }
  if (measured && !o->refused) {
    lbpf_m4_puts(" cost=");
    lbpf_m4_putu(o->cost);
  }
  if (!o->refused) {
    lbpf_m4_puts(" mem=");
    lbpf_m4_puthex(o->digest, 16);
    lbpf_m4_puts(" budget=");
    lbpf_m4_putu(o->result.budget_used);
  }
  if (!o->refused && o->result.status != LBPF_OK) {
    lbpf_m4_puts(" insns=");
    lbpf_m4_putu(o->result.insns);
  }
}

/* Print "NAME: why" and fail the job. */
static bool job_failed(const struct job *job, const char *why) {
  lbpf_m4_puts(job->name);
  lbpf_m4_puts(": ");
  lbpf_m4_puts(why);
  lbpf_m4_puts("\n");
  return false;
}

/* Run the job; false if it could not be run at all (message printed). */
static bool run_job(const struct job *job, struct outcome *o) {
  uint64_t repeat;
  struct runs r = {0};
  size_t code_size = 0;
  uint8_t *code = load_file(job->program, &code_size);
  if (code == NULL)
    return job_failed(job, "cannot read the program, or it does not fit in the free RAM");
  r.mem = load_file(job->mem, &r.len);
  r.pristine = r.mem ? arena_alloc(r.len + 8) : NULL;
  if (r.pristine == NULL && strcmp(job->mem, "-") != 0 && lbpf_sh_file_length(job->mem) >= 0)
    return job_failed(job, "the input memory does not fit in the free RAM");
  if (r.pristine == NULL) return job_failed(job, "cannot read the memory");
  lbpf_test_env(&env, stack, sizeof stack, LBPF_DEFAULT_BUDGET);
  lbpf_tool_helpers(&env, helpers, &std);
  if (!parse_u64(job->repeat, &repeat) ||
      (job->budget != NULL && !parse_u64(job->budget, &env.budget)))
    return job_failed(job, "cannot read the repeat count or the budget");
  env.regions = regions;
  env.nregions = (size_t)job->nregions;
  for (int i = 0; i < job->nregions; i++)
    if (!parse_region(job->region[i], &regions[i])) return job_failed(job, "malformed region");
  memcpy(r.pristine, r.mem, r.len);
  memset(o, 0, sizeof *o);
  struct lbpf_image image;
  if (code_size >= 4 && (memcmp(code, "LBPF", 4) == 0 || memcmp(code, "FPBr", 4) == 0)) {

#line 784 "lit/target.nw"
    struct lbpf_region *image_regions = regions + env.nregions;
    uint32_t bad = 0;
    enum lbpf_image_status s = lbpf_image_parse(code, code_size, &image);
    uint8_t *data = NULL, *rodata = NULL, *placed = NULL;
    if (s == LBPF_IMAGE_OK) {
      data = arena_alloc(image.data_len + 1);
      rodata = arena_alloc(image.rodata_len + 1);
      placed = arena_alloc(image.text_len);
      s = data && rodata && placed
              ? lbpf_image_place(&image, data, rodata, placed, image.text_len, image_regions, &bad)
              : LBPF_IMAGE_ERR_BUFFER;
    }
    if (s != LBPF_IMAGE_OK) {
      lbpf_m4_puts(job->name);
      lbpf_m4_puts(": image refused: ");
      lbpf_m4_puts(lbpf_image_status_name(s));
      lbpf_m4_puts("\n");
      return false;
    }
    code = placed;
    code_size = image.text_len;
    env.nregions += 2;
    r.image = &image;
    r.data = data;
#line 1074 "lit/target.nw"
  }
  struct lbpf_m4_call call = {0};
  struct compile_job *compile = NULL; /* the job of the pseudo-engine jit-alu */
  struct whole_job *whole = NULL;     /* the job of the pseudo-engine jit-compile */
  bool native = strcmp(job->engine, "native") == 0 || strcmp(job->engine, "nops") == 0;
  if (strcmp(job->engine, "nops") == 0) {

#line 608 "lit/target.nw"
    uint64_t k;
    uint16_t *code = NULL;
    if (parse_u64(job->name, &k) && k <= 1024) code = arena_alloc(2 * (size_t)k + 2);
    if (code == NULL) {
      lbpf_m4_puts(job->name);
      lbpf_m4_puts(": the nops self-test needs a count up to 1024\n");
      return false;
    }
    for (uint64_t i = 0; i < k; i++)
      code[i] = 0xbf00; /* nop */
    code[k] = 0x4770;   /* bx lr */
    call = (struct lbpf_m4_call){.fn = lbpf_m4_code_entry(code)};
#line 1081 "lit/target.nw"
  } else if (strcmp(job->engine, "jit-alu") == 0 || strcmp(job->engine, "jit-compile") == 0) {

#line 1158 "lit/target.nw"
    struct lbpf_program prog;
    struct lbpf_fault fault = {LBPF_OK, 0};
    if (lbpf_verify(code, code_size, &env, &prog, &fault) != LBPF_OK) {
      o->refused = true;
      o->result.status = fault.status;
      o->result.pc = fault.pc;
      return true;
    }
#line 1083 "lit/target.nw"
    if (strcmp(job->engine, "jit-alu") == 0) {

#line 1140 "lit/target.nw"
      compile = arena_alloc(sizeof *compile);
      size_t cap = lbpf_jit_alu_code_bound(prog.ninsns);
      uint8_t *jit_code = arena_alloc(cap);
      struct lbpf_jit_entry *entries = arena_alloc((size_t)prog.ninsns * sizeof *entries);
      if (compile == NULL || jit_code == NULL || entries == NULL) {
        lbpf_m4_puts(job->name);
        lbpf_m4_puts(": no memory for the JIT's buffers\n");
        return false;
      }
      *compile = (struct compile_job){prog, jit_code, cap, entries, &o->result};
      call = (struct lbpf_m4_call){.fn = (void *)(uintptr_t)compile_program,
                                   .a = {(uint32_t)(uintptr_t)compile, 0, 0, 0}};
#line 1085 "lit/target.nw"
    } else {

#line 1211 "lit/target.nw"
      whole = arena_alloc(sizeof *whole);
      size_t work_size = lbpf_jit_prog_work_size(prog.ninsns);
      void *work = arena_alloc(work_size);
      if (whole == NULL || work == NULL) {
        lbpf_m4_puts(job->name);
        lbpf_m4_puts(": the JIT's work memory does not fit\n");
        return false;
      }
      *whole = (struct whole_job){.code = code,
                                  .size = code_size,
                                  .env = &env,
                                  .work = work,
                                  .work_size = work_size,
                                  .result = &o->result};
      struct lbpf_m4_call verify = {.fn = (void *)(uintptr_t)verify_whole,
                                    .a = {(uint32_t)(uintptr_t)whole, 0, 0, 0}};
      whole->verify_cost = lbpf_m4_cost(&verify, NULL, NULL);
      call = (struct lbpf_m4_call){.fn = (void *)(uintptr_t)compile_whole,
                                   .a = {(uint32_t)(uintptr_t)whole, 0, 0, 0}};
#line 1087 "lit/target.nw"
    }
  } else if (native) {
    native_fn fn = native_find(job->name);
    if (fn == 0) {
      lbpf_m4_puts(job->name);
      lbpf_m4_puts(": no native benchmark of that name\n");
      return false;
    }
    call = (struct lbpf_m4_call){.fn = (void *)(uintptr_t)fn,
                                 .a = {(uint32_t)(uintptr_t)r.mem, 0, (uint32_t)r.len, 0}};
  } else {
    const struct lbpf_engine *engine = lbpf_engine_find(job->engine);
    void *state = engine ? arena_alloc(engine->state_size(code_size)) : NULL;
    if (state == NULL) {
      lbpf_m4_puts(job->name);
      lbpf_m4_puts(": unknown engine or no memory for its state\n");
      return false;
    }
    struct lbpf_fault fault = {LBPF_OK, 0};
    if (engine->load(state, code, code_size, &env, &fault) != LBPF_OK) {
      o->refused = true;
      o->result.status = fault.status;
      o->result.pc = fault.pc;
      return true;
    }
    call = (struct lbpf_m4_call){.fn = (void *)(uintptr_t)engine->run,
                                 .a = {(uint32_t)(uintptr_t)state, (uint32_t)(uintptr_t)r.mem,
                                       (uint32_t)r.len, (uint32_t)(uintptr_t)&o->result}};
  }
  r.call = &call;
  r.native = native;
  r.result = &o->result;
  nshown = 0;

#line 1262 "lit/target.nw"
  if (repeat) next_run(&r), lbpf_m4_ticks(&call, 0); /* the warm-up */
  struct lbpf_result first = {0};
  uint64_t first_cost = 0;
  for (uint64_t i = 0; i < (repeat ? repeat : 1); i++) {
    r.done = 0;
    if (repeat)
      o->cost = lbpf_m4_cost(&call, next_run, &r);
    else
      next_run(&r), lbpf_m4_ticks(&call, 0);
    if (repeat) next_run(&r); /* compares the fifth run */
    if (native) o->result.r0 = call.ret[0] | (uint64_t)call.ret[1] << 32;
    if (i == 0) first = o->result, first_cost = o->cost;
    if (r.differ || !same_result(&first, &o->result) || first_cost != o->cost) {
      lbpf_m4_puts(job->name);
      lbpf_m4_puts(": repeated runs differ\n");
      return false;
    }
  }
#line 1121 "lit/target.nw"
  if (compile != NULL) o->result.insns = jitted_slots(compile);
  if (whole != NULL) o->cost -= whole->verify_cost;
  if (!repeat) keep_printed();
  o->digest = digest(r.mem, r.len);
  return true;
}
#line 1395 "lit/target.nw"
extern uint8_t __lent_start[], __lent_end[];

enum { STREAM_MAX_ENGINES = 8, STREAM_MAX_REGIONS = 8, STREAM_MAX_BLOCKS = 8 };
enum { STREAM_OUTCOME_WORDS = 10 };
static const char stream_magic[8] = {'L', 'B', 'P', 'F', 'R', 'U', 'N', 'S'};

/* Does [addr, addr + len) lie in the memory lent to the runs? */
static bool lent(uint32_t addr, uint32_t len) {
  const uintptr_t lo = (uintptr_t)__lent_start, hi = (uintptr_t)__lent_end;
  return addr >= lo && addr <= hi && len <= hi - addr;
}

/* Words and padded byte strings of one record, bounds-checked. */
struct reader {
  const uint8_t *at, *end;
  bool bad;
};

static uint32_t take_u32(struct reader *r) {
  uint32_t v = 0;
  if (r->end - r->at < 4) {
    r->bad = true;
    return 0;
  }
  memcpy(&v, r->at, 4); /* the Cortex-M4 is little-endian */
  r->at += 4;
  return v;
}

static const uint8_t *take_bytes(struct reader *r, uint32_t n) {
  const uint8_t *p = r->at;
  const size_t padded = ((size_t)n + 3) & ~(size_t)3;
  if ((size_t)(r->end - r->at) < padded) {
    r->bad = true;
    return p;
  }
  r->at += padded;
  return p;
}

/* The next record into the arena; false if it cannot be read. */
static bool read_record(long fd, struct reader *r) {
  uint32_t len = 0;
  uint8_t *buf;
  if (!lbpf_sh_read(fd, &len, sizeof len)) return false;
  if ((buf = arena_alloc(len)) == NULL || !lbpf_sh_read(fd, buf, len)) return false;
  *r = (struct reader){buf, buf + len, false};
  return true;
}

static bool is_run_stream(const char *path) {
  char magic[sizeof stream_magic];
  long fd = lbpf_sh_open(path, SH_MODE_RB);
  if (fd < 0) return false;
  bool yes =
      lbpf_sh_read(fd, magic, sizeof magic) && memcmp(magic, stream_magic, sizeof magic) == 0;
  lbpf_sh_close(fd);
  return yes;
}

struct stream_case {
  const uint8_t *code;
  uint32_t code_size, mem, mem_len, stack, stack_size, nregions, nblocks;
  uint64_t budget;
  struct lbpf_region regions[STREAM_MAX_REGIONS];
  struct {
    uint32_t addr, len;
    const uint8_t *bytes;
  } blocks[STREAM_MAX_BLOCKS];
  size_t out_len; /* bytes of one run's outcome */
};

static bool parse_case(struct reader *r, struct stream_case *s) {
  s->code_size = take_u32(r);
  s->code = take_bytes(r, s->code_size);
  s->budget = take_u32(r);
  s->budget |= (uint64_t)take_u32(r) << 32;
  s->mem = take_u32(r), s->mem_len = take_u32(r);
  s->stack = take_u32(r), s->stack_size = take_u32(r);
  s->nregions = take_u32(r);
  if (s->nregions > STREAM_MAX_REGIONS) return false;
  for (uint32_t i = 0; i < s->nregions; i++) {
    uint32_t base = take_u32(r), len = take_u32(r);
    s->regions[i] = (struct lbpf_region){(void *)(uintptr_t)base, len, take_u32(r)};
  }
  s->nblocks = take_u32(r);
  if (s->nblocks > STREAM_MAX_BLOCKS) return false;
  s->out_len = 4 * STREAM_OUTCOME_WORDS;
  for (uint32_t i = 0; i < s->nblocks; i++) {
    s->blocks[i].addr = take_u32(r), s->blocks[i].len = take_u32(r);
    s->blocks[i].bytes = take_bytes(r, s->blocks[i].len);
    if (!lent(s->blocks[i].addr, s->blocks[i].len)) return false;
    s->out_len += ((size_t)s->blocks[i].len + 3) & ~(size_t)3;
  }
  return !r->bad && r->at == r->end && lent(s->mem, s->mem_len) && lent(s->stack, s->stack_size);
}

/* Lay the case's memory out, load and run it on e, write the outcome at
   out; false if the arena has no room for the engine's state. */
static bool run_streamed(const struct lbpf_engine *e, const struct stream_case *s, uint8_t *out) {
  struct lbpf_env senv;
  struct lbpf_fault fault = {LBPF_OK, 0};
  struct lbpf_result result = {LBPF_OK, 0, 0, 0, 0};
  uint8_t *mark = arena_next;
  size_t size = e->state_size(s->code_size);
  void *state = arena_alloc(size);
  if (state == NULL) return false;
  memset(state, 0xa5, size); /* no free zeros */
  for (uint32_t i = 0; i < s->nblocks; i++)
    memcpy((void *)(uintptr_t)s->blocks[i].addr, s->blocks[i].bytes, s->blocks[i].len);
  lbpf_test_env(&senv, (void *)(uintptr_t)s->stack, s->stack_size, s->budget);
  senv.regions = s->regions;
  senv.nregions = s->nregions;
  enum lbpf_status load = e->load(state, s->code, s->code_size, &senv, &fault);
  if (load == LBPF_OK) e->run(state, (void *)(uintptr_t)s->mem, s->mem_len, &result);
  arena_next = mark;
  const uint32_t words[STREAM_OUTCOME_WORDS] = {(uint32_t)load,
                                                fault.pc,
                                                (uint32_t)result.status,
                                                result.pc,
                                                (uint32_t)result.r0,
                                                (uint32_t)(result.r0 >> 32),
                                                (uint32_t)result.insns,
                                                (uint32_t)(result.insns >> 32),
                                                (uint32_t)result.budget_used,
                                                (uint32_t)(result.budget_used >> 32)};
  memcpy(out, words, sizeof words);
  out += sizeof words;
  for (uint32_t i = 0; i < s->nblocks; i++) {
    memcpy(out, (const void *)(uintptr_t)s->blocks[i].addr, s->blocks[i].len);
    out += ((size_t)s->blocks[i].len + 3) & ~(size_t)3;
  }
  return true;
}

/* The header: the engines, then the outcome file (opened); false if bad. */
static bool stream_header(struct reader *r, const struct lbpf_engine **engines, uint32_t *n,
                          long *out) {
  char name[256];
  *n = take_u32(r);
  if (*n == 0 || *n > STREAM_MAX_ENGINES) return false;
  for (uint32_t i = 0; i <= *n; i++) {
    uint32_t len = take_u32(r);
    const uint8_t *p = take_bytes(r, len);
    if (r->bad || len >= sizeof name) return false;
    memcpy(name, p, len);
    name[len] = '\0';
    if (i == *n) break;
    if ((engines[i] = lbpf_engine_find(name)) == NULL) {
      lbpf_m4_puts("firmware: no engine ");
      lbpf_m4_puts(name);
      lbpf_m4_puts(" in the table\n");
      return false;
    }
  }
  *out = lbpf_sh_open(name, SH_MODE_WB);
  return !r->bad && r->at == r->end && *out >= 0;
}

static int run_stream(const char *path) {
  const struct lbpf_engine *engines[STREAM_MAX_ENGINES];
  uint32_t nengines = 0;
  char magic[sizeof stream_magic];
  long in = lbpf_sh_open(path, SH_MODE_RB), out = -1;
  struct reader r;
  unsigned long cases = 0;
  bool ok = in >= 0 && lbpf_sh_read(in, magic, sizeof magic) && read_record(in, &r) &&
            stream_header(&r, engines, &nengines, &out);
  uint8_t *after_header = arena_next;
  while (ok) {
    struct stream_case s;
    arena_next = after_header;
    ok = read_record(in, &r);
    if (!ok || r.at == r.end) break; /* the end */
    uint8_t *outcome = NULL;
    ok = parse_case(&r, &s) && (outcome = arena_alloc(s.out_len)) != NULL;
    for (uint32_t e = 0; ok && e < nengines; e++)
      ok = run_streamed(engines[e], &s, outcome) && lbpf_sh_write(out, outcome, s.out_len);
    cases += ok;
  }
  if (in >= 0) lbpf_sh_close(in);
  if (out >= 0) lbpf_sh_close(out);
  lbpf_m4_puts(ok ? "stream: " : "firmware: malformed or unwritable run stream after ");
  lbpf_m4_putu(cases);
  lbpf_m4_puts(" cases, ");
  lbpf_m4_putu(cases * nengines);
  lbpf_m4_puts(" runs\n");
  lbpf_m4_flush();
  return ok ? 0 : 2;
}
#line 1290 "lit/target.nw"
static bool expectation_met(const struct job *job, const struct outcome *o, bool *checked) {
  uint64_t want;
  *checked = strcmp(job->expect, "-") != 0;
  if (!*checked) return true;
  if (strcmp(job->expect, "error") == 0) return o->refused || o->result.status != LBPF_OK;
  return parse_u64(job->expect, &want) && !o->refused && o->result.status == LBPF_OK &&
         o->result.r0 == want;
}

static char cmdline[512];

int lbpf_m4_main(void) {
  lbpf_m4_cost_init();
  uint32_t args[2] = {(uint32_t)(uintptr_t)cmdline, sizeof cmdline - 1};
  char *path = NULL;
  if (lbpf_sh_call(SYS_GET_CMDLINE, args) == 0) {
    for (char *p = cmdline; *p; p++)
      if (*p != ' ' && (p == cmdline || p[-1] == ' ')) path = p;
  }
  arena_next = __arena_start;
  if (path && is_run_stream(path)) return run_stream(path);
  size_t len;
  char *jobs = path ? (char *)load_file(path, &len) : NULL;
  if (jobs == NULL) {
    lbpf_m4_puts("firmware: cannot read the job file named on the command line\n");
    return 2;
  }
  jobs[len] = '\0';
  uint8_t *after_jobs = arena_next;
  unsigned passed = 0, failed = 0;
  for (char *line = jobs, *next; *line; line = next) {
    next = line;
    while (*next && *next != '\n')
      next++;
    if (*next) *next++ = '\0';
    struct job job;
    struct outcome o;
    bool checked;
    if (*line == '\0' || *line == '#') continue;
    arena_next = after_jobs;
    if (!parse_job(line, &job)) {
      lbpf_m4_puts("firmware: malformed job line\n");
      failed++;
      continue;
    }
    if (!run_job(&job, &o)) {
      failed++;
      continue;
    }
    bool ok = expectation_met(&job, &o, &checked);
    print_outcome(&job, &o, strcmp(job.repeat, "0") != 0);
    lbpf_m4_puts(checked ? (ok ? " PASS\n" : " FAIL\n") : "\n");
    print_printed();
    if (ok)
      passed++;
    else
      failed++;
  }
  lbpf_m4_putu(passed);
  lbpf_m4_puts(" passed, ");
  lbpf_m4_putu(failed);
  lbpf_m4_puts(" failed\n");
  lbpf_m4_flush();
  return failed ? 1 : 0;
}
