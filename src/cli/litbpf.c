/* litbpf: the command-line tool.  Runs, assembles and disassembles eBPF
   programs and runs the conformance suite, through any engine of the
   engine table (lit/engines.nw).

   Each subcommand is a function int cmd(int argc, char **argv) with argv[0]
   the subcommand's name, listed in the table [[commands]] below: adding a
   subcommand is one line there. */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bytecode.h"
#include "lbpf_engines.h"
#include "lbpf.h"
#include "lbpf_image.h"
#include "lbpf_jit_dump.h"
#include "lbpf_jit_prog_dump.h"
#include "loader.h"
#include "runner.h"
#include "thumb_cmd.h"

/* Exit codes, the same for every subcommand (documented in --help). */
enum {
  EXIT_OK = 0,
  EXIT_RUNTIME = 1, /* the program stopped with an error; a conformance test failed */
  EXIT_USAGE = 2,   /* bad command line */
  EXIT_REFUSED = 3, /* the loader (verifier) refused the program */
  EXIT_FORMAT = 4,  /* the file is not a well-formed program (.data, assembly, ELF, hex) */
  EXIT_IO = 5       /* a file could not be read or written */
};

static const char *const exit_code_help =
    "Exit codes:\n"
    "  0  success\n"
    "  1  the program stopped with a run-time error (conformance: a test failed)\n"
    "  2  usage error\n"
    "  3  the program was refused by the loader (verifier)\n"
    "  4  the input is not a well-formed program (.data file, assembly, ELF, hex)\n"
    "  5  a file could not be read or written (missing, unreadable, larger than 16 MiB)\n";

static int usage_error(const char *cmd, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "litbpf%s%s: ", cmd ? " " : "", cmd ? cmd : "");
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, "\n(see 'litbpf %s%s--help')\n", cmd ? cmd : "", cmd ? " " : "");
  return EXIT_USAGE;
}

/* ---- option parsing: lbpf_opt_match and lbpf_parse_u64 (src/host/runner.c) ---- */

struct opt_state {
  int argc, i;
  char **argv;
  const char *cmd;
};

/* lbpf_opt_match, with the usage message on a missing value. */
static int opt_match(struct opt_state *o, const char *name, const char **value) {
  int m = lbpf_opt_match(o->argc, o->argv, &o->i, name, value);
  if (m < 0) usage_error(o->cmd, "option %s needs a value", name);
  return m;
}

static const struct lbpf_engine *engine_or_complain(const char *cmd, const char *name) {
  const struct lbpf_engine *e = lbpf_engine_find(name);
  if (!e) {
    char names[256];
    lbpf_engine_names(names, sizeof names);
    usage_error(cmd, "unknown engine '%s'; available engines: %s", name, names);
  }
  return e;
}

static int load_error_exit(enum lbpf_load_error e) {
  return e == LBPF_LOAD_IO ? EXIT_IO : EXIT_FORMAT;
}

/* Read a whole file (at most LBPF_FILE_MAX bytes): 0, or the exit code
   after the message. */
static int read_whole(const char *path, uint8_t **data, size_t *len) {
  char err[1024];
  enum lbpf_load_error le = lbpf_read_file(path, LBPF_FILE_MAX, data, len, err, sizeof err);
  if (le) fprintf(stderr, "litbpf: %s\n", err);
  return le ? load_error_exit(le) : 0;
}

static bool is_help(const char *a) { return strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0; }

/* ---- --json: one object on stdout (the schema: JSON_SCHEMA_HELP) ---- */

/* Every object has "litbpf" (the schema's version), "command" and "exit"
   (the exit code); 64-bit values are strings "0x...", counts and pcs are
   numbers.  Usage errors (exit 2) stay plain text on stderr; every other
   message also goes to stderr as without --json. */
#define LBPF_JSON_VERSION 1
static const char *const json_help =
    "With --json, stdout is one JSON object (schema version 1):\n"
    "  every command: \"litbpf\": 1, \"command\", \"exit\" (the exit code),\n"
    "    \"message\" when the program could not be read or loaded;\n"
    "  run: \"program\", \"engine\", \"outcome\" (ok, runtime-error, refused, malformed,\n"
    "    unreadable), \"r0\", \"insns\", \"budget_used\", \"budget\", \"error\" {\"status\",\n"
    "    \"pc\", \"insn\", \"helper\", \"access\" {\"address\", \"size\", \"perm\"}},\n"
    "    with --trace \"trace\" [{\"run\", \"pc\", \"depth\", \"insn\", \"set\" {\"rN\": value},\n"
    "    \"access\"}] and \"trace_steps\", \"trace_shown\";\n"
    "  verify: \"program\", \"outcome\" (accepted, refused, malformed, unreadable),\n"
    "    \"slots\", \"error\" as run's, \"context\" [{\"pc\", \"insn\"}];\n"
    "  conformance: \"engine\", \"cpu\", \"tests\" [{\"file\", \"outcome\" (pass, fail,\n"
    "    skip), \"expected\", \"got\", \"detail\"}], \"passed\", \"failed\", \"skipped\".\n"
    "Values of 64 bits (r0, addresses, register values) are strings \"0x...\".\n";

#define JSON_MAX_DEPTH 8

struct json {
  FILE *f;
  unsigned depth;
  bool comma[JSON_MAX_DEPTH];
};

static void json_string(FILE *f, const char *s) {
  fputc('"', f);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\')
      fprintf(f, "\\%c", *p);
    else if (*p < 0x20 || *p >= 0x7f)
      fprintf(f, "\\u%04x", *p);
    else
      fputc(*p, f);
  }
  fputc('"', f);
}

static void json_key(struct json *j, const char *key) {
  if (j->comma[j->depth]) fputc(',', j->f);
  j->comma[j->depth] = true;
  if (key) {
    json_string(j->f, key);
    fputc(':', j->f);
  }
}

/* open '{' or '[' under key (NULL inside an array) */
static void json_open(struct json *j, const char *key, char bracket) {
  json_key(j, key);
  fputc(bracket, j->f);
  if (j->depth + 1 < JSON_MAX_DEPTH) j->comma[++j->depth] = false;
}

static void json_close(struct json *j, char bracket) {
  fputc(bracket, j->f);
  if (j->depth) j->depth--;
}

static void json_str(struct json *j, const char *key, const char *v) {
  json_key(j, key);
  json_string(j->f, v);
}

static void json_num(struct json *j, const char *key, uint64_t v) {
  json_key(j, key);
  fprintf(j->f, "%" PRIu64, v);
}

static void json_hex(struct json *j, const char *key, uint64_t v) {
  json_key(j, key);
  fprintf(j->f, "\"0x%" PRIx64 "\"", v);
}

static void json_start(struct json *j, const char *command) {
  *j = (struct json){.f = stdout};
  json_open(j, NULL, '{');
  json_num(j, "litbpf", LBPF_JSON_VERSION);
  json_str(j, "command", command);
}

static int json_finish(struct json *j, int rc) {
  if (j->f) {
    json_num(j, "exit", (uint64_t)rc);
    json_close(j, '}');
    fputc('\n', j->f);
    fflush(j->f);
  }
  return rc;
}

/* A load failure: the message on stderr, and in the JSON object. */
static int load_failed(struct json *j, const char *err, int rc) {
  fprintf(stderr, "litbpf: %s\n", err);
  if (j->f) {
    json_str(j, "outcome", rc == EXIT_IO ? "unreadable" : "malformed");
    json_str(j, "message", err);
  }
  return rc;
}

/* ---- what the user needs to know about a refusal or a fault ---- */

/* The code a reader sees: an ELF object's before its data addresses are
   bound (they would differ from run to run), else the program's. */
static const uint8_t *shown_code(const struct lbpf_program_file *pf) {
  return pf->format == LBPF_FORMAT_ELF ? pf->elf.code : pf->code;
}

static uint32_t insn_imm(const uint8_t *code, size_t size, uint32_t pc) {
  if ((size_t)pc >= size / LBPF_INSN_SIZE) return 0;
  const uint8_t *p = code + (size_t)pc * LBPF_INSN_SIZE;
  return (uint32_t)p[4] | (uint32_t)p[5] << 8 | (uint32_t)p[6] << 16 | (uint32_t)p[7] << 24;
}

/* For an unknown helper: its id, the ids registered, and the advice. */
static void helper_advice(char *buf, size_t len, uint32_t id, const struct lbpf_env *env) {
  size_t n = (size_t)snprintf(buf, len, "helper id %" PRIu32 " (0x%" PRIx32 ") is not registered; "
                              "registered ids:", id, id);
  for (size_t i = 0; i < env->nhelpers && n < len; i++)
    if (env->helpers[i].fn && lbpf_env_helper(env, env->helpers[i].id) == env->helpers[i].fn)
      n += (size_t)snprintf(buf + n, len - n, " %" PRIu32, env->helpers[i].id);
  if (n < len)
    snprintf(buf + n, len - n, " (an embedder registers its own in lbpf_env.helpers)");
}

/* The context of slot pc: the instructions from a few before to a few
   after, pc marked "=>", on stdout or into the JSON array "context". */
#define CONTEXT_BEFORE 4
#define CONTEXT_AFTER 3
static void code_context(const uint8_t *code, size_t size, uint32_t pc, struct json *j) {
  size_t n = size / LBPF_INSN_SIZE, starts[CONTEXT_BEFORE + 1] = {0}, k = 0, at = 0;
  char text[160];
  /* the instruction starts up to pc (an lddw takes two slots) */
  while (at < n && at < pc) {
    starts[k++ % (CONTEXT_BEFORE + 1)] = at;
    at += lbpf_disasm_insn(code, n, at, text, sizeof text);
  }
  size_t first = k > CONTEXT_BEFORE ? starts[(k - CONTEXT_BEFORE) % (CONTEXT_BEFORE + 1)]
                 : k ? starts[0] : at;
  if (j->f) json_open(j, "context", '[');
  unsigned after = 0;
  for (size_t q = first; q < n && after <= CONTEXT_AFTER;) {
    unsigned slots = lbpf_disasm_insn(code, n, q, text, sizeof text);
    if (j->f) {
      json_open(j, NULL, '{');
      json_num(j, "pc", q);
      json_str(j, "insn", text);
      json_close(j, '}');
    } else {
      printf("%s %5zu  %s\n", q == pc ? "=>" : "  ", q, text);
    }
    if (q >= pc) after++;
    q += slots;
  }
  if (j->f) json_close(j, ']');
}

static const char *perm_name(unsigned perm) {
  return perm == LBPF_PERM_READ    ? "read"
         : perm == LBPF_PERM_WRITE ? "write"
                                   : "read and write (atomic)";
}

/* ---- litbpf run ---- */

static void run_help(void) {
  char names[256];
  lbpf_engine_names(names, sizeof names);
  printf("usage: litbpf run [--engine NAME] [--mem HEX | --mem-file FILE] [--budget N]\n"
         "                  [--repeat N] [--region ADDR:LEN[:PERM]]... [--stats] [--entry NAME]\n"
         "                  [--trace] [--trace-limit N] [--json] PROGRAM\n"
         "\n"
         "Load PROGRAM (raw bytecode, a .data test file, an ELF object from clang\n"
         "-target bpf, or an image: litbpf pack's or RIOT's rBPF) and run it with r1 = a\n"
         "writable copy of the input memory and r2 = its length.  Prints r0 as 0x... on\n"
         "stdout.  On a run-time error prints 'litbpf: run-time error at pc N: <error>' on\n"
         "stderr, with the instruction; a memory violation also names the address, the\n"
         "size and the direction of the access and the regions the program may use\n"
         "(through the spec engine; another engine reports the pc only).  A refused\n"
         "program is reported as 'litbpf verify' reports it, without the listing.\n"
         "\n"
         "  --engine NAME    engine to run (default spec; available: %s)\n"
         "  --mem HEX        input memory as hex bytes (default: the .data file's -- mem,\n"
         "                   else empty)\n"
         "  --mem-file FILE  input memory: the bytes of FILE\n"
         "  --budget N       the run's budget (default %" PRIu64 "): a run executes at most\n"
         "                   N instructions more than the program has; a taken backward\n"
         "                   jump spends the slots it jumps back over, a local call the\n"
         "                   slots from its target to the end, a helper call 1\n"
         "  --repeat N       run N times, each on a fresh copy of the memory; print the\n"
         "                   last r0 (default 1)\n"
         "  --region ADDR:LEN[:PERM]\n"
         "                   an extra region of LEN bytes at address ADDR (decimal or 0x...)\n"
         "                   with permission r, w or rw (default rw), at most %d; the memory\n"
         "                   must exist on this machine, as memory an embedder declares does;\n"
         "                   a region that wraps around the address space is refused at load\n"
         "  --stats          print the instructions executed and the budget used on stderr\n"
         "  --entry NAME     the function (symbol) or code section of an ELF object to run\n"
         "  --trace          print each executed instruction on stdout before r0: its pc,\n"
         "                   its text, the registers it set (rN=0x...) and the memory it\n"
         "                   accesses ([read 8 @ 0x...]); a call's callee is indented.\n"
         "                   The steps are the specification's (lbpf_spec_run_watched):\n"
         "                   --trace runs the spec engine, and refuses another --engine\n"
         "  --trace-limit N  show at most N instructions (default %d; 0: all) over all\n"
         "                   the runs; the run goes on unshown past the limit, and a\n"
         "                   failing instruction is always shown.  Implies --trace\n"
         "  --json           print one JSON object on stdout instead of text (below)\n"
         "\n"
         "An ELF object is linked whole: every code section, local calls between them,\n"
         "globals in .data, .bss and .rodata (regions kept across the runs of --repeat;\n"
         ".rodata read-only).  Without --entry the program is the only global function,\n"
         "else the only function, else the only code section; anything else is refused\n"
         "with the list of candidates.\n"
         "\n"
         "The stack is %d frames of %d bytes, zeroed before each run.  Helper %d returns r1,\n"
         "helper %d mixes r1-r5, helper %d answers what the program may read (1) and write\n"
         "(2) of r2 bytes at r1; helper %d is registered without a function.  The standard\n"
         "helpers are registered: 0x01 printf (to stderr), 0x02 memcpy, 0x10/0x11 store\n"
         "local/global, 0x12/0x13 fetch local/global, 0x20 now_ms.\n"
         "\n%s\n%s",
         names, LBPF_DEFAULT_BUDGET, LBPF_RUN_MAX_REGIONS, LBPF_TRACE_LIMIT, LBPF_MAX_CALL_DEPTH,
         LBPF_STACK_SIZE, LBPF_TEST_HELPER_ID, LBPF_TEST_HELPER_MIX, LBPF_TEST_HELPER_ACCESS,
         LBPF_TEST_HELPER_ABSENT, json_help, exit_code_help);
}

/* The regions a run lends the program: the object's globals, then those of
   --region. */
static void combine_regions(const struct lbpf_program_file *pf, const struct lbpf_run_options *opt,
                            struct lbpf_region *regions, size_t *n) {
  *n = 0;
  for (size_t i = 0; i < pf->nregions; i++) regions[(*n)++] = pf->regions[i];
  for (size_t i = 0; i < opt->nregions; i++) regions[(*n)++] = opt->regions[i];
}

/* The "error" object (left open for more fields): status, pc, instruction,
   and the id of an unknown helper. */
static void json_error(struct json *j, enum lbpf_status st, uint32_t pc, const uint8_t *code,
                       size_t size) {
  char text[160];
  json_open(j, "error", '{');
  json_str(j, "status", lbpf_status_name(st));
  json_num(j, "pc", pc);
  if ((size_t)pc < size / LBPF_INSN_SIZE) {
    lbpf_disasm_insn(code, size / LBPF_INSN_SIZE, pc, text, sizeof text);
    json_str(j, "insn", text);
  }
  if (st == LBPF_ERR_UNKNOWN_HELPER) json_num(j, "helper", insn_imm(code, size, pc));
}

/* A refusal at load, as run and verify report it: the reason and the pc,
   and for an unknown helper its id and the registered ones.  Returns
   EXIT_REFUSED. */
static int report_refusal(const char *program, const struct lbpf_program_file *pf,
                          const struct lbpf_fault *fault, const struct lbpf_env *env,
                          struct json *j) {
  char detail[512] = "";
  if (fault->status == LBPF_ERR_UNKNOWN_HELPER)
    helper_advice(detail, sizeof detail, insn_imm(pf->code, pf->code_size, fault->pc), env);
  fprintf(stderr, "litbpf: %s: program refused at pc %" PRIu32 ": %s%s%s\n", program, fault->pc,
          lbpf_status_name(fault->status), detail[0] ? ": " : "", detail);
  if (j->f) {
    json_str(j, "outcome", "refused");
    json_num(j, "slots", pf->code_size / LBPF_INSN_SIZE);
    json_error(j, fault->status, fault->pc, shown_code(pf), pf->code_size);
    if (detail[0]) json_str(j, "detail", detail);
    json_close(j, '}');
  }
  return EXIT_REFUSED;
}

/* What a watched run shows: --trace's lines (text or JSON), and the
   failing step of a memory violation. */
struct tracer {
  const uint8_t *code; /* the code that runs (addresses bound) */
  size_t ninsns;
  bool show;           /* --trace */
  uint64_t limit, steps, shown, run;
  struct json *j;
  bool starting;              /* the next step is the first of a run */
  uint64_t first[LBPF_NREGS]; /* the registers at the start: r1 the input, r10 the stack */
  bool failed;
  struct lbpf_step fault;
};

static void trace_line(struct tracer *t, const struct lbpf_step *st) {
  char text[160];
  lbpf_disasm_insn(t->code, t->ninsns, st->pc, text, sizeof text);
  if (t->j->f) {
    json_open(t->j, NULL, '{');
    json_num(t->j, "run", t->run);
    json_num(t->j, "pc", st->pc);
    json_num(t->j, "depth", st->depth);
    json_str(t->j, "insn", text);
    json_open(t->j, "set", '{');
    for (int i = 0; i < LBPF_NREGS; i++)
      if (st->after[i] != st->before[i]) {
        char reg[4];
        snprintf(reg, sizeof reg, "r%d", i);
        json_hex(t->j, reg, st->after[i]);
      }
    json_close(t->j, '}');
    if (st->size) {
      json_open(t->j, "access", '{');
      json_hex(t->j, "address", st->addr);
      json_num(t->j, "size", st->size);
      json_str(t->j, "perm", perm_name(st->perm));
      json_close(t->j, '}');
    }
    if (st->status != LBPF_OK) json_str(t->j, "error", lbpf_status_name(st->status));
    json_close(t->j, '}');
    return;
  }
  printf("%6" PRIu32 "  %*s%-*s", st->pc, (int)(2 * st->depth), "", 30 - (int)(2 * st->depth),
         text);
  for (int i = 0; i < LBPF_NREGS; i++)
    if (st->after[i] != st->before[i]) printf(" r%d=0x%" PRIx64, i, st->after[i]);
  if (st->size)
    printf(" [%s %u @ 0x%" PRIx64 "]", st->perm == LBPF_PERM_READ ? "read" : "write", st->size,
           st->addr);
  if (st->status != LBPF_OK) printf("  !! %s", lbpf_status_name(st->status));
  printf("\n");
}

static void trace_step(void *user, const struct lbpf_step *st) {
  struct tracer *t = user;
  t->steps++;
  if (t->starting) memcpy(t->first, st->before, sizeof t->first);
  t->starting = false;
  if (st->status != LBPF_OK) {
    t->failed = true;
    t->fault = *st;
  }
  if (!t->show) return;
  if (t->limit == 0 || t->shown < t->limit || st->status != LBPF_OK) {
    if (t->limit && t->shown == t->limit && !t->j->f)
      printf("   ...  (the trace limit of %" PRIu64 " instructions was reached; --trace-limit N)\n",
             t->limit);
    t->shown++;
    trace_line(t, st);
  }
}

/* A memory violation as the watched run saw it: the access, and where the
   program may read and write. */
static void memory_fault(const struct tracer *t, const struct lbpf_env *env, char *buf,
                         size_t len) {
  const struct lbpf_step *st = &t->fault;
  size_t n = (size_t)snprintf(buf, len, "%s of %u byte%s at 0x%" PRIx64, perm_name(st->perm),
                              st->size, st->size == 1 ? "" : "s", st->addr);
  /* the input and the stack are those of the run: r1, r2 and r10 at its start */
  uint64_t stack_len = (uint64_t)LBPF_MAX_CALL_DEPTH * LBPF_STACK_SIZE;
  if (n < len)
    n += (size_t)snprintf(buf + n, len - n,
                          "; the program may use: input 0x%" PRIx64 "+%" PRIu64
                          " (rw), stack 0x%" PRIx64 "+%" PRIu64 " (rw)",
                          t->first[1], t->first[2], t->first[10] - stack_len, stack_len);
  for (size_t i = 0; i < env->nregions && n < len; i++)
    n += (size_t)snprintf(buf + n, len - n, ", 0x%" PRIxPTR "+%zu (%s%s)",
                          (uintptr_t)env->regions[i].base, env->regions[i].length,
                          env->regions[i].perm & LBPF_PERM_READ ? "r" : "",
                          env->regions[i].perm & LBPF_PERM_WRITE ? "w" : "");
  /* advice where a simple change fixes it */
  const char *advice = NULL;
  for (size_t i = 0; i < env->nregions; i++) {
    uint64_t b = (uint64_t)(uintptr_t)env->regions[i].base;
    if (st->addr >= b && st->addr - b < env->regions[i].length &&
        (env->regions[i].perm & st->perm) != st->perm)
      advice = (env->regions[i].perm & LBPF_PERM_WRITE) == 0
                   ? "the address is in a read-only region (a const global is in .rodata)"
                   : "the address is in a write-only region";
  }
  if (!advice && st->addr < 4096)
    advice = "an address this small is a null pointer plus an offset";
  if (!advice && st->addr >= t->first[1] && st->addr - t->first[1] <= t->first[2] + 64)
    advice = "the access runs past the end of the input: check the length in r2";
  if (advice && n < len) snprintf(buf + n, len - n, " (%s)", advice);
}

static int cmd_run(int argc, char **argv) {
  struct lbpf_run_options opt;
  char err[1024];
  if (!lbpf_run_options_parse(argc, argv, UINTPTR_MAX, &opt, err, sizeof err)) return usage_error("run", "%s", err);
  if (opt.help) {
    run_help();
    return EXIT_OK;
  }
  if (opt.trace && strcmp(opt.engine, "spec") != 0)
    return usage_error("run", "--trace shows the specification's steps: it runs the spec engine "
                              "(drop --engine %s)", opt.engine);
  const char *program = opt.program, *mem_hex = opt.mem_hex, *mem_file = opt.mem_file;
  struct lbpf_region regions[LBPF_ELF_NREGIONS + LBPF_RUN_MAX_REGIONS];
  size_t nregions;
  uint64_t budget = opt.budget, repeat = opt.repeat;
  const struct lbpf_engine *engine = engine_or_complain("run", opt.engine);
  if (!engine) return EXIT_USAGE;

  struct json j = {0};
  if (opt.json) {
    json_start(&j, "run");
    json_str(&j, "program", program);
    json_str(&j, "engine", engine->name);
  }
  struct lbpf_program_file pf;
  enum lbpf_load_error le = lbpf_load_program_file(program, opt.entry, &pf, err, sizeof err);
  if (le) return json_finish(&j, load_failed(&j, err, load_error_exit(le)));
  uint8_t *mem = pf.mem;
  size_t mem_len = pf.mem_len;
  uint8_t *own_mem = NULL;
  if (mem_hex) {
    if (lbpf_hex_decode(mem_hex, strlen(mem_hex), &own_mem, &mem_len, err, sizeof err)) {
      lbpf_program_file_free(&pf);
      char msg[1100];
      snprintf(msg, sizeof msg, "--mem: %s", err);
      return json_finish(&j, load_failed(&j, msg, EXIT_FORMAT));
    }
    mem = own_mem;
  } else if (mem_file) {
    if ((le = lbpf_read_file(mem_file, LBPF_FILE_MAX, &own_mem, &mem_len, err, sizeof err))) {
      lbpf_program_file_free(&pf);
      char msg[1100];
      snprintf(msg, sizeof msg, "--mem-file: %s", err);
      return json_finish(&j, load_failed(&j, msg, EXIT_IO));
    }
    mem = own_mem;
  }

  combine_regions(&pf, &opt, regions, &nregions);
  int rc = EXIT_OK;
  struct lbpf_runner *r = malloc(sizeof *r);
  struct lbpf_fault fault;
  if (!r) {
    fprintf(stderr, "litbpf: out of memory\n");
    rc = EXIT_IO;
  } else if (lbpf_runner_load(r, engine, pf.code, pf.code_size, regions, nregions, budget,
                              &fault) != LBPF_OK) {
    rc = report_refusal(program, &pf, &fault, &r->env, &j);
  } else {
    struct lbpf_result res = {0};
    /* the spec engine runs watched: --trace, and the account of a fault */
    bool watched = strcmp(engine->name, "spec") == 0;
    struct tracer t = {.code = r->code,
                       .ninsns = r->code_size / LBPF_INSN_SIZE,
                       .show = opt.trace,
                       .limit = opt.trace_limit,
                       .j = &j};
    if (t.show && j.f) json_open(&j, "trace", '[');
    for (uint64_t k = 0; k < repeat; k++) {
      t.run = k;
      t.starting = true;
      t.failed = false;
      if (watched)
        lbpf_runner_run_watched(r, mem, mem_len, &res, trace_step, &t);
      else
        lbpf_runner_run(r, mem, mem_len, &res);
    }
    if (t.show && j.f) {
      json_close(&j, ']');
      json_num(&j, "trace_steps", t.steps);
      json_num(&j, "trace_shown", t.shown);
    } else if (t.show && t.limit && t.steps > t.shown) {
      printf("   ...  %" PRIu64 " instructions executed, %" PRIu64 " shown\n", t.steps, t.shown);
    }
    if (j.f) json_str(&j, "outcome", res.status == LBPF_OK ? "ok" : "runtime-error");
    if (res.status == LBPF_OK) {
      if (j.f)
        json_hex(&j, "r0", res.r0);
      else
        printf("0x%" PRIx64 "\n", res.r0);
    } else {
      char text[160], detail[768] = "";
      if ((size_t)res.pc < r->code_size / LBPF_INSN_SIZE)
        lbpf_disasm_insn(r->code, r->code_size / LBPF_INSN_SIZE, res.pc, text, sizeof text);
      else
        snprintf(text, sizeof text, "?");
      if (res.status == LBPF_ERR_MEMORY && t.failed && t.fault.size)
        memory_fault(&t, &r->env, detail, sizeof detail);
      else if (res.status == LBPF_ERR_MEMORY)
        snprintf(detail, sizeof detail, "the address: run it with --engine spec");
      else if (res.status == LBPF_ERR_BUDGET)
        snprintf(detail, sizeof detail, "the budget was %" PRIu64 "; a longer run needs --budget N",
                 budget);
      fprintf(stderr, "litbpf: run-time error at pc %" PRIu32 ": %s (%s)%s%s\n", res.pc,
              lbpf_status_name(res.status), text, detail[0] ? ": " : "", detail);
      rc = EXIT_RUNTIME;
      if (j.f) {
        json_error(&j, res.status, res.pc, r->code, r->code_size);
        if (res.status == LBPF_ERR_MEMORY && t.failed && t.fault.size) {
          json_open(&j, "access", '{');
          json_hex(&j, "address", t.fault.addr);
          json_num(&j, "size", t.fault.size);
          json_str(&j, "perm", perm_name(t.fault.perm));
          json_close(&j, '}');
        }
        if (detail[0]) json_str(&j, "detail", detail);
        json_close(&j, '}');
      }
    }
    if (j.f) {
      json_num(&j, "insns", res.insns);
      json_num(&j, "budget_used", res.budget_used);
      json_num(&j, "budget", budget);
    }
    if (opt.stats)
      fprintf(stderr,
              "litbpf: %" PRIu64 " instructions executed, budget used %" PRIu64 " of %" PRIu64 "\n",
              res.insns, res.budget_used, budget);
  }
  if (r) lbpf_runner_free(r);
  free(r);
  free(own_mem);
  lbpf_program_file_free(&pf);
  return json_finish(&j, rc);
}

/* ---- litbpf verify ---- */

static void verify_help(void) {
  printf("usage: litbpf verify [--entry NAME] [--json] PROGRAM\n"
         "\n"
         "Load PROGRAM (any format 'litbpf run' takes) and verify it, as 'run' would\n"
         "before running it, with the same helpers, without running it.  Prints 'ok: N\n"
         "slots' when it is accepted.  When it is refused, prints the reason and the pc\n"
         "on stderr ('litbpf: PROGRAM: program refused at pc N: <reason>'; for an unknown\n"
         "helper its id and the ids registered) and the instructions around the pc on\n"
         "stdout, the culprit marked '=>' (an ELF object's as 'litbpf disasm' shows them).\n"
         "\n"
         "  --entry NAME  the function (symbol) or code section of an ELF object\n"
         "  --json        print one JSON object on stdout instead of text (below)\n"
         "\n"
         "Exits 0 if the program is accepted, 3 if it is refused, 4 if it is not a\n"
         "well-formed program, 5 if it cannot be read, 2 on a usage error.\n"
         "\n%s",
         json_help);
}

static int cmd_verify(int argc, char **argv) {
  const char *entry = NULL, *program = NULL;
  bool json = false;
  struct opt_state o = {argc, 1, argv, "verify"};
  while (o.i < argc) {
    int m;
    if (is_help(argv[o.i])) {
      verify_help();
      return EXIT_OK;
    }
    if ((m = opt_match(&o, "--entry", &entry))) {
      if (m < 0) return EXIT_USAGE;
    } else if (lbpf_opt_match(argc, argv, &o.i, "--json", NULL)) {
      json = true;
    } else if (argv[o.i][0] == '-' && argv[o.i][1] != '\0') {
      return usage_error("verify", "unknown option '%s'", argv[o.i]);
    } else {
      if (program) return usage_error("verify", "more than one program ('%s', '%s')", program,
                                      argv[o.i]);
      program = argv[o.i++];
    }
  }
  if (!program) return usage_error("verify", "expected one PROGRAM");
  struct json j = {0};
  if (json) {
    json_start(&j, "verify");
    json_str(&j, "program", program);
  }
  char err[1024];
  struct lbpf_program_file pf;
  enum lbpf_load_error le = lbpf_load_program_file(program, entry, &pf, err, sizeof err);
  if (le) return json_finish(&j, load_failed(&j, err, load_error_exit(le)));
  struct lbpf_runner *r = malloc(sizeof *r);
  struct lbpf_fault fault;
  int rc = EXIT_OK;
  /* the spec engine's load is the verifier, with the tools' helpers */
  if (!r) {
    fprintf(stderr, "litbpf: out of memory\n");
    rc = EXIT_IO;
  } else if (lbpf_runner_load(r, lbpf_engine_find("spec"), pf.code, pf.code_size, pf.regions,
                              pf.nregions, LBPF_DEFAULT_BUDGET, &fault) != LBPF_OK) {
    rc = report_refusal(program, &pf, &fault, &r->env, &j);
    code_context(shown_code(&pf), pf.code_size, fault.pc, &j);
  } else if (j.f) {
    json_str(&j, "outcome", "accepted");
    json_num(&j, "slots", pf.code_size / LBPF_INSN_SIZE);
  } else {
    printf("ok: %zu slots\n", pf.code_size / LBPF_INSN_SIZE);
  }
  if (r) lbpf_runner_free(r);
  free(r);
  lbpf_program_file_free(&pf);
  return json_finish(&j, rc);
}

/* ---- litbpf asm / disasm ---- */

static int cmd_asm(int argc, char **argv) {
  if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
    printf("usage: litbpf asm IN OUT\n"
           "\n"
           "Assemble IN (assembly text in the conformance suite's syntax, or a .data test\n"
           "file) into raw bytecode written to OUT ('-' for stdout).  Errors name the line.\n"
           "\n%s",
           exit_code_help);
    return EXIT_OK;
  }
  if (argc != 3) return usage_error("asm", "expected IN and OUT");
  char err[512];
  uint8_t *text, *code = NULL;
  size_t len, size = 0;
  enum lbpf_load_error le = lbpf_read_file(argv[1], LBPF_FILE_MAX, &text, &len, err, sizeof err);
  if (le) {
    fprintf(stderr, "litbpf: %s\n", err);
    return EXIT_IO;
  }
  int rc = EXIT_OK;
  if (lbpf_is_elf(text, len)) {
    fprintf(stderr, "litbpf: %s: is an ELF file, not assembly text\n", argv[1]);
    rc = EXIT_FORMAT;
  } else if (lbpf_is_testfile(argv[1], text, len)) {
    struct lbpf_testfile tf;
    if (lbpf_testfile_parse((const char *)text, len, argv[1], &tf, err, sizeof err)) {
      fprintf(stderr, "litbpf: %s\n", err);
      rc = EXIT_FORMAT;
    } else {
      code = tf.code;
      size = tf.code_size;
      tf.code = NULL;
      lbpf_testfile_free(&tf);
    }
  } else if (lbpf_assemble((const char *)text, len, 1, &code, &size, err, sizeof err)) {
    fprintf(stderr, "litbpf: %s: %s\n", argv[1], err);
    rc = EXIT_FORMAT;
  }
  free(text);
  if (rc == EXIT_OK) {
    bool to_stdout = strcmp(argv[2], "-") == 0;
    FILE *f = to_stdout ? stdout : fopen(argv[2], "wb");
    if (!f || fwrite(code, 1, size, f) != size || (to_stdout ? fflush(f) : fclose(f)) != 0) {
      fprintf(stderr, "litbpf: %s: cannot write: %s\n", argv[2], strerror(errno));
      rc = EXIT_IO;
    }
  }
  free(code);
  return rc;
}

/* An image's code as the file holds it (each LDDWD and LDDWR with its
   offset, not yet an address), its header as comments. */
static int disasm_image(const char *program, const uint8_t *data, size_t len) {
  struct lbpf_image img;
  enum lbpf_image_status s = lbpf_image_parse(data, len, &img);
  if (s != LBPF_IMAGE_OK) {
    fprintf(stderr, "litbpf: %s: image refused: %s\n", program, lbpf_image_status_name(s));
    return EXIT_FORMAT;
  }
  size_t n = img.text_len / LBPF_INSN_SIZE;
  const char **notes = calloc(n ? n : 1, sizeof *notes);
  char (*texts)[48] = malloc((n ? n : 1) * sizeof *texts);
  if (!notes || !texts) {
    free(notes);
    free(texts);
    fprintf(stderr, "litbpf: out of memory\n");
    return EXIT_IO;
  }
  printf("# %s image: %" PRIu32 " bytes of data, %" PRIu32 " of read-only data, %" PRIu32
         " slots of code, %" PRIu32 " function%s\n",
         img.rbpf ? "RIOT rBPF" : "litbpf", img.data_len, img.rodata_len, img.text_len / LBPF_INSN_SIZE,
         img.nfunctions, img.nfunctions == 1 ? "" : "s");
  for (size_t pc = 0; pc + 1 < n; pc++) {
    const uint8_t *insn = img.text + pc * LBPF_INSN_SIZE;
    if (insn[0] != LBPF_OP_LDDWD && insn[0] != LBPF_OP_LDDWR) continue;
    uint64_t off = (uint64_t)insn_imm(img.text, img.text_len, (uint32_t)pc) |
                   (uint64_t)insn_imm(img.text, img.text_len, (uint32_t)pc + 1) << 32;
    snprintf(texts[pc], sizeof texts[pc], "%s %%r%u, %s+0x%" PRIx64,
             insn[0] == LBPF_OP_LDDWD ? "LDDWD" : "LDDWR", insn[1] & 0xf,
             insn[0] == LBPF_OP_LDDWD ? "data" : "rodata", off);
    notes[pc] = texts[pc];
    pc++;
  }
  int rc = lbpf_disassemble_noted(stdout, img.text, img.text_len, notes);
  free(notes);
  free(texts);
  return rc ? EXIT_FORMAT : EXIT_OK;
}

static int cmd_disasm(int argc, char **argv) {
  if (argc == 2 && is_help(argv[1])) {
    printf("usage: litbpf disasm [--entry NAME] PROGRAM\n"
           "\n"
           "Disassemble PROGRAM (raw bytecode, .data test file, ELF object or image) into\n"
           "the conformance suite's assembly syntax; the output reassembles to the same\n"
           "bytes.  Instructions with no assembly form are written '.raw 0x<64-bit word>'.\n"
           "An ELF object is shown linked, as 'litbpf run' runs it (--entry as there), the\n"
           "addresses of its data still zero; each relocation the linker applied is a\n"
           "comment after its instruction: its type, its symbol and addend, and what it\n"
           "points to ('# R_BPF_64_64 '.rodata'+8 -> rodata+0x8', a call '-> L9'), and\n"
           "those of the data follow the code.  An image (litbpf pack's or RIOT's rBPF) is\n"
           "shown as its file holds it: a header comment, then the code, each LDDWD or\n"
           "LDDWR a '.raw' pair with its meaning as a comment ('# LDDWD %%r1, data+0x8').\n"
           "\n%s",
           exit_code_help);
    return EXIT_OK;
  }
  const char *entry = NULL, *program = NULL;
  struct opt_state o = {argc, 1, argv, "disasm"};
  while (o.i < argc) {
    int m = opt_match(&o, "--entry", &entry);
    if (m < 0) return EXIT_USAGE;
    if (m) continue;
    if (argv[o.i][0] == '-' && argv[o.i][1] != '\0')
      return usage_error("disasm", "unknown option '%s'", argv[o.i]);
    if (program) return usage_error("disasm", "expected one PROGRAM");
    program = argv[o.i++];
  }
  if (!program) return usage_error("disasm", "expected one PROGRAM");
  char err[1024];
  uint8_t *data;
  size_t len;
  int read_rc = read_whole(program, &data, &len);
  if (read_rc) return read_rc;
  bool image = !entry && !lbpf_is_elf(data, len) && lbpf_is_image(data, len);
  int rc = image ? disasm_image(program, data, len) : EXIT_OK;
  free(data);
  if (image) return rc;
  struct lbpf_program_file pf;
  enum lbpf_load_error le = lbpf_load_program_file(program, entry, &pf, err, sizeof err);
  if (le) {
    fprintf(stderr, "litbpf: %s\n", err);
    return load_error_exit(le);
  }
  size_t n = pf.code_size / LBPF_INSN_SIZE;
  const char **notes = calloc(n ? n : 1, sizeof *notes);
  if (!notes) {
    lbpf_program_file_free(&pf);
    fprintf(stderr, "litbpf: out of memory\n");
    return EXIT_IO;
  }
  for (size_t i = 0; i < pf.elf.nnotes; i++)
    if (pf.elf.notes[i].in == LBPF_ELF_IN_CODE && pf.elf.notes[i].at < n)
      notes[pf.elf.notes[i].at] = pf.elf.notes[i].text;
  if (lbpf_disassemble_noted(stdout, shown_code(&pf), pf.code_size, notes)) {
    fprintf(stderr, "litbpf: %s: %zu bytes is not a whole number of instructions\n", program,
            pf.code_size);
    rc = EXIT_FORMAT;
  }
  for (size_t i = 0; i < pf.elf.nnotes; i++)
    if (pf.elf.notes[i].in != LBPF_ELF_IN_CODE)
      printf("# %s+0x%" PRIx64 ": %s\n", pf.elf.notes[i].in == LBPF_ELF_DATA ? "data" : "rodata",
             pf.elf.notes[i].at, pf.elf.notes[i].text);
  free(notes);
  lbpf_program_file_free(&pf);
  return rc;
}

/* ---- litbpf jit --dump ---- */

static int cmd_jit(int argc, char **argv) {
  if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
    printf("usage: litbpf jit --dump [--whole] PROGRAM\n"
           "\n"
           "Compile the ALU runs of PROGRAM (raw bytecode, .data test file or ELF object)\n"
           "to Thumb-2 as the hybrid VM does, and print each compiled run: its BPF\n"
           "instructions, each followed by its Thumb-2 code (offset, halfwords, UAL),\n"
           "between the run's entry and exit code.  Runs the cost model leaves to the\n"
           "interpreter are not listed.\n"
           "\n"
           "  --whole   compile the whole program as the engine jit does, and print every\n"
           "            BPF instruction followed by its Thumb-2 code, then the out-of-line\n"
           "            code (the epilogue, local functions' entries, slow paths, stubs)\n"
           "\n%s",
           exit_code_help);
    return EXIT_OK;
  }
  bool whole = argc == 4 && strcmp(argv[2], "--whole") == 0;
  if ((argc != 3 && !whole) || strcmp(argv[1], "--dump") != 0)
    return usage_error("jit", "expected --dump [--whole] PROGRAM");
  if (whole) argv[2] = argv[3];
  char err[512];
  struct lbpf_program_file pf;
  enum lbpf_load_error le = lbpf_load_program_file(argv[2], NULL, &pf, err, sizeof err);
  if (le) {
    fprintf(stderr, "litbpf: %s\n", err);
    return load_error_exit(le);
  }
  struct lbpf_runner *r = malloc(sizeof *r);
  struct lbpf_fault fault;
  struct lbpf_program prog;
  /* the tools' environment (helpers) for the verifier, as every command has */
  enum lbpf_status st = r ? lbpf_runner_load(r, lbpf_engine_find("spec"), pf.code, pf.code_size,
                                             pf.regions, pf.nregions, LBPF_DEFAULT_BUDGET, &fault)
                          : LBPF_ERR_ARGUMENT;
  if (st == LBPF_OK) st = lbpf_verify(r->code, r->code_size, &r->env, &prog, &fault);
  int rc = EXIT_OK;
  if (st != LBPF_OK) {
    fprintf(stderr, "litbpf: %s: refused at pc %u: %s\n", argv[2], (unsigned)fault.pc,
            lbpf_status_name(st));
    rc = EXIT_REFUSED;
  } else if (whole) {
    if (!lbpf_jit_prog_dump(stdout, &prog, &r->env)) {
      fprintf(stderr, "litbpf: %s: cannot compile\n", argv[2]);
      rc = EXIT_RUNTIME;
    }
  } else {
    size_t cap = lbpf_jit_alu_code_bound(prog.ninsns), len = 0;
    uint8_t *code = malloc(cap ? cap : 1);
    struct lbpf_jit_entry *entries = malloc(prog.ninsns * sizeof *entries);
    if (!code || !entries || lbpf_jit_alu_compile(&prog, code, cap, &len, entries) != LBPF_OK) {
      fprintf(stderr, "litbpf: %s: cannot compile\n", argv[2]);
      rc = EXIT_RUNTIME;
    } else {
      lbpf_jit_dump(stdout, &prog, code, len, entries);
    }
    free(code);
    free(entries);
  }
  if (r) lbpf_runner_free(r);
  free(r);
  lbpf_program_file_free(&pf);
  return rc;
}

/* ---- litbpf pack ---- */

static int cmd_pack(int argc, char **argv) {
  const char *entry = NULL, *program = NULL, *out = NULL;
  struct opt_state o = {argc, 1, argv, "pack"};
  while (o.i < argc) {
    const char *a = argv[o.i];
    int m;
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      printf("usage: litbpf pack [--entry NAME] OBJECT -o IMAGE\n"
             "\n"
             "Link OBJECT (an ELF object from clang -target bpf) as 'litbpf run' does and write\n"
             "it as a litbpf image (version 1) for the device: header, data, read-only data,\n"
             "code whose lddw of a global is an LDDWD or LDDWR, the entry's record and a\n"
             "checksum (the format is in the book's chapter on images).  'litbpf run',\n"
             "'disasm' and the firmware load images, and RIOT's femto-container files too.\n"
             "An object whose data holds addresses of globals is refused.\n"
             "\n%s",
             exit_code_help);
      return EXIT_OK;
    }
    if ((m = opt_match(&o, "--entry", &entry)) || (m = opt_match(&o, "-o", &out))) {
      if (m < 0) return EXIT_USAGE;
    } else if (a[0] == '-' && a[1] != '\0') {
      return usage_error("pack", "unknown option '%s'", a);
    } else {
      if (program) return usage_error("pack", "more than one object ('%s', '%s')", program, a);
      program = argv[o.i++];
    }
  }
  if (!program || !out) return usage_error("pack", "expected OBJECT and -o IMAGE");
  char err[1024];
  uint8_t *data;
  size_t len;
  int read_rc = read_whole(program, &data, &len);
  if (read_rc) return read_rc;
  if (!lbpf_is_elf(data, len)) {
    free(data);
    fprintf(stderr, "litbpf: %s: not an ELF object\n", program);
    return EXIT_FORMAT;
  }
  struct lbpf_elf_program p;
  uint8_t *image = NULL;
  size_t image_len = 0;
  int rc = EXIT_OK;
  if (lbpf_elf_link(data, len, program, entry, &p, err, sizeof err) ||
      lbpf_elf_pack(&p, program, &image, &image_len, err, sizeof err)) {
    fprintf(stderr, "litbpf: %s\n", err);
    rc = EXIT_FORMAT;
  } else {
    FILE *f = fopen(out, "wb");
    if (!f || fwrite(image, 1, image_len, f) != image_len || fclose(f) != 0) {
      fprintf(stderr, "litbpf: %s: cannot write: %s\n", out, strerror(errno));
      rc = EXIT_IO;
    }
  }
  free(image);
  lbpf_elf_program_free(&p);
  free(data);
  return rc;
}

/* ---- litbpf conformance ---- */

struct tally {
  unsigned passed, failed, skipped;
  struct json *j; /* --json: each test an object of "tests" */
};

/* One test's outcome: a line PASS/FAIL/SKIP, or an object of "tests". */
static void report_test(struct tally *t, const char *path, const char *outcome,
                        const char *expected, const char *got, const char *detail) {
  if (strcmp(outcome, "pass") == 0) t->passed++;
  else if (strcmp(outcome, "fail") == 0) t->failed++;
  else t->skipped++;
  if (t->j->f) {
    json_open(t->j, NULL, '{');
    json_str(t->j, "file", path);
    json_str(t->j, "outcome", outcome);
    if (expected) json_str(t->j, "expected", expected);
    if (got) json_str(t->j, "got", got);
    if (detail) json_str(t->j, "detail", detail);
    json_close(t->j, '}');
  } else if (strcmp(outcome, "pass") == 0) {
    printf("PASS %s\n", path);
  } else if (strcmp(outcome, "skip") == 0) {
    printf("SKIP %s: %s\n", path, detail);
  } else if (expected) {
    printf("FAIL %s: expected %s, got %s\n", path, expected, got);
  } else {
    printf("FAIL %s: %s\n", path, detail);
  }
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* One test file: prints PASS, FAIL or SKIP and counts it.  Returns -1 if
   the file could not be read (it also counts as failed), else 0. */
static int conformance_file(const char *path, const struct lbpf_engine *engine, unsigned cpu,
                            uint64_t budget, struct tally *t) {
  char err[512];
  uint8_t *text;
  size_t len;
  if (lbpf_read_file(path, LBPF_FILE_MAX, &text, &len, err, sizeof err)) {
    report_test(t, path, "fail", NULL, NULL, err);
    return -1;
  }
  struct lbpf_testfile tf;
  int prc = lbpf_testfile_parse((const char *)text, len, path, &tf, err, sizeof err);
  free(text);
  if (prc) {
    size_t pl = strlen(path);
    const char *detail = strncmp(err, path, pl) == 0 ? err + pl : err;
    if (*detail == ':') detail++;
    while (*detail == ' ')
      detail++;
    char msg[600];
    snprintf(msg, sizeof msg, "malformed test file: %s", detail);
    report_test(t, path, "fail", NULL, NULL, msg);
    return 0;
  }
  unsigned need = lbpf_cpu_version(tf.code, tf.code_size);
  if (need > cpu) {
    char msg[32];
    snprintf(msg, sizeof msg, "needs --cpu v%u", need);
    report_test(t, path, "skip", NULL, NULL, msg);
    lbpf_testfile_free(&tf);
    return 0;
  }
  char expected[64];
  if (tf.has_result)
    snprintf(expected, sizeof expected, "0x%" PRIx64, tf.result);
  else
    snprintf(expected, sizeof expected, "an error");
  struct lbpf_runner *r = malloc(sizeof *r);
  struct lbpf_fault fault;
  bool pass = false;
  char got[160];
  if (!r) {
    snprintf(got, sizeof got, "out of memory");
  } else if (lbpf_runner_load(r, engine, tf.code, tf.code_size, NULL, 0, budget, &fault) != LBPF_OK) {
    snprintf(got, sizeof got, "refused by the loader at pc %" PRIu32 ": %s", fault.pc,
             lbpf_status_name(fault.status));
    pass = tf.has_error;
  } else {
    struct lbpf_result res;
    lbpf_runner_run(r, tf.mem, tf.mem_len, &res);
    if (res.status != LBPF_OK) {
      snprintf(got, sizeof got, "run-time error at pc %" PRIu32 ": %s", res.pc,
               lbpf_status_name(res.status));
      pass = tf.has_error;
    } else {
      snprintf(got, sizeof got, "0x%" PRIx64, res.r0);
      pass = tf.has_result && res.r0 == tf.result;
    }
  }
  if (r) lbpf_runner_free(r);
  free(r);
  report_test(t, path, pass ? "pass" : "fail", expected, got, NULL);
  lbpf_testfile_free(&tf);
  return 0;
}

/* A directory: its .data files in name order.  Returns -1 if the directory
   could not be read, -2 if one of its files could not be read (that file
   counts as failed), 1 if it holds no .data file, else 0. */
static int conformance_dir(const char *dir, const struct lbpf_engine *engine, unsigned cpu,
                           uint64_t budget, struct tally *t) {
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, "litbpf: %s: cannot open directory: %s\n", dir, strerror(errno));
    return -1;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t l = strlen(e->d_name);
    if (l < 5 || strcmp(e->d_name + l - 5, ".data") != 0) continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 64;
      char **nn = realloc(names, cap * sizeof *names);
      if (!nn) break;
      names = nn;
    }
    size_t pl = strlen(dir) + 1 + l + 1;
    names[n] = malloc(pl);
    if (!names[n]) break;
    snprintf(names[n], pl, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
    n++;
  }
  closedir(d);
  if (n == 0) {
    fprintf(stderr, "litbpf: %s: no .data files in the directory\n", dir);
    free(names);
    return 1;
  }
  int rc = 0;
  if (n) qsort(names, n, sizeof *names, cmp_str);
  for (size_t i = 0; i < n; i++) {
    if (conformance_file(names[i], engine, cpu, budget, t)) rc = -2;
    free(names[i]);
  }
  free(names);
  return rc;
}

static void conformance_help(void) {
  char names[256];
  lbpf_engine_names(names, sizeof names);
  printf("usage: litbpf conformance [--engine NAME] [--cpu v1|v2|v3|v4] [--budget N] [--json]\n"
         "                          PATH...\n"
         "\n"
         "Run conformance test files (.data), or every .data file of a directory in name\n"
         "order.  Prints PASS, FAIL (with the expected and the obtained outcome) or SKIP\n"
         "(the test needs a newer ISA version than --cpu) per file, then the line\n"
         "'N passed, M failed' (', K skipped' when some were skipped).  A test with\n"
         "'-- error' passes if the program is refused at load time or fails at run time.\n"
         "A malformed test file fails.\n"
         "\n"
         "  --engine NAME   engine (default spec; available: %s)\n"
         "  --cpu vN        ISA version: v1 base, v2 adds 64-bit jlt/jle/jslt/jsle, v3 adds\n"
         "                  jmp32, atomics and local calls, v4 adds sdiv/smod, movsx,\n"
         "                  sign-extending loads, bswap, ja32 and callx (default v4)\n"
         "  --budget N      budget of each run (default %" PRIu64 ")\n"
         "  --json          print one JSON object on stdout instead of the lines (below)\n"
         "\n"
         "Exits 0 if no test failed, 1 otherwise, 2 on a usage error, 5 if a PATH (or a\n"
         "directory's list) could not be read.\n\n%s",
         names, LBPF_DEFAULT_BUDGET, json_help);
}

static int cmd_conformance(int argc, char **argv) {
  struct opt_state o = {argc, 1, argv, "conformance"};
  const char *engine_name = "spec", *cpu_name = "v4", *v;
  uint64_t budget = LBPF_DEFAULT_BUDGET;
  bool json = false;
  char **paths = calloc((size_t)argc, sizeof *paths);
  size_t npaths = 0;
  int rc = EXIT_OK;
  if (!paths) return EXIT_IO;
  while (o.i < argc) {
    int m;
    const char *a = argv[o.i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      conformance_help();
      free(paths);
      return EXIT_OK;
    }
    if ((m = opt_match(&o, "--engine", &engine_name)) || (m = opt_match(&o, "--cpu", &cpu_name))) {
      if (m < 0) rc = EXIT_USAGE;
    } else if ((m = opt_match(&o, "--budget", &v))) {
      if (m < 0)
        rc = EXIT_USAGE;
      else if (!lbpf_parse_u64(v, &budget))
        rc = usage_error("conformance", "invalid budget '%s'", v);
    } else if (lbpf_opt_match(argc, argv, &o.i, "--json", NULL)) {
      json = true;
    } else if (a[0] == '-' && a[1] != '\0') {
      rc = usage_error("conformance", "unknown option '%s'", a);
    } else {
      paths[npaths++] = argv[o.i++];
    }
    if (rc) break;
  }
  unsigned cpu = 0;
  if (!rc) {
    if (strlen(cpu_name) == 2 && cpu_name[0] == 'v' && cpu_name[1] >= '1' && cpu_name[1] <= '4')
      cpu = (unsigned)(cpu_name[1] - '0');
    else
      rc = usage_error("conformance", "invalid --cpu '%s' (v1, v2, v3 or v4)", cpu_name);
  }
  if (!rc && npaths == 0) rc = usage_error("conformance", "no test file or directory given");
  const struct lbpf_engine *engine = rc ? NULL : engine_or_complain("conformance", engine_name);
  if (!rc && !engine) rc = EXIT_USAGE;
  if (rc) {
    free(paths);
    return rc;
  }
  struct json j = {0};
  struct tally t = {0, 0, 0, &j};
  bool unreadable = false;
  if (json) {
    json_start(&j, "conformance");
    json_str(&j, "engine", engine->name);
    json_str(&j, "cpu", cpu_name);
    json_open(&j, "tests", '[');
  }
  for (size_t i = 0; i < npaths; i++) {
    struct stat st;
    if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
      int drc = conformance_dir(paths[i], engine, cpu, budget, &t);
      if (drc == 1 || drc == -1) /* counted as a failure, its message on stderr */
        report_test(&t, paths[i], "fail", NULL, NULL,
                    drc == 1 ? "no .data files in the directory" : "cannot open the directory");
      if (drc < 0) unreadable = true;
    } else if (conformance_file(paths[i], engine, cpu, budget, &t)) {
      unreadable = true;
    }
    fflush(stdout);
  }
  free(paths);
  rc = unreadable ? EXIT_IO : t.failed ? EXIT_RUNTIME : EXIT_OK;
  if (json) {
    json_close(&j, ']');
    json_num(&j, "passed", t.passed);
    json_num(&j, "failed", t.failed);
    json_num(&j, "skipped", t.skipped);
    return json_finish(&j, rc);
  }
  printf("%u passed, %u failed", t.passed, t.failed);
  if (t.skipped) printf(", %u skipped", t.skipped);
  printf("\n");
  return rc;
}

/* ---- the subcommand table ---- */

static int cmd_help(int argc, char **argv);

struct command {
  const char *name;
  int (*main)(int argc, char **argv);
  const char *summary;
};

static const struct command commands[] = {
    {"run", cmd_run, "run a program (raw, .data, ELF or image) and print r0"},
    {"verify", cmd_verify, "load and verify a program without running it"},
    {"asm", cmd_asm, "assemble text into raw bytecode"},
    {"disasm", cmd_disasm, "disassemble a program"},
    {"pack", cmd_pack, "write an ELF object as an image for the device"},
    {"conformance", cmd_conformance, "run conformance test files"},
    {"thumb-disasm", lbpf_cmd_thumb_disasm, "disassemble Thumb-2 code (HEX or FILE)"},
    {"jit", cmd_jit, "show the Thumb-2 code of a program's ALU runs (--dump)"},
    {"help", cmd_help, "this help; 'litbpf help COMMAND' is 'litbpf COMMAND --help'"},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void help(FILE *f) {
  fprintf(f, "usage: litbpf COMMAND [OPTIONS] ...\n"
             "\n"
             "litbpf runs eBPF programs in a safe virtual machine.  Commands:\n");
  for (size_t i = 0; i < NCOMMANDS; i++)
    fprintf(f, "  %-14s %s\n", commands[i].name, commands[i].summary);
  fprintf(f, "\n'litbpf COMMAND --help' describes a command.\n\n%s", exit_code_help);
}

static int cmd_help(int argc, char **argv) {
  if (argc >= 2 && !is_help(argv[1]) && strcmp(argv[1], "help") != 0) {
    for (size_t i = 0; i < NCOMMANDS; i++)
      if (strcmp(argv[1], commands[i].name) == 0) {
        char *args[] = {argv[1], "--help", NULL};
        return commands[i].main(2, args);
      }
    return usage_error("help", "unknown command '%s'", argv[1]);
  }
  help(stdout);
  return EXIT_OK;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "litbpf: no command given\n\n");
    help(stderr);
    return EXIT_USAGE;
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) return cmd_help(argc, argv);
  for (size_t i = 0; i < NCOMMANDS; i++)
    if (strcmp(argv[1], commands[i].name) == 0) return commands[i].main(argc - 1, argv + 1);
  return usage_error(NULL, "unknown command '%s'", argv[1]);
}
