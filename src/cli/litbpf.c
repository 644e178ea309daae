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

/* ---- litbpf run ---- */

static void run_help(void) {
  char names[256];
  lbpf_engine_names(names, sizeof names);
  printf("usage: litbpf run [--engine NAME] [--mem HEX | --mem-file FILE] [--budget N]\n"
         "                  [--repeat N] [--region ADDR:LEN[:PERM]]... [--stats] [--entry NAME]\n"
         "                  PROGRAM\n"
         "\n"
         "Load PROGRAM (raw bytecode, a .data test file, an ELF object from clang\n"
         "-target bpf, or an image: litbpf pack's or RIOT's rBPF) and run it with r1 = a writable copy of the input memory\n"
         "and r2 = its length.  Prints r0 as 0x... on stdout.  On a run-time error prints\n"
         "'litbpf: run-time error at pc N: <error>' on stderr.\n"
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
         "\n%s",
         names, LBPF_DEFAULT_BUDGET, LBPF_RUN_MAX_REGIONS, LBPF_MAX_CALL_DEPTH, LBPF_STACK_SIZE,
         LBPF_TEST_HELPER_ID, LBPF_TEST_HELPER_MIX, LBPF_TEST_HELPER_ACCESS, LBPF_TEST_HELPER_ABSENT,
         exit_code_help);
}

/* The regions a run lends the program: the object's globals, then those of
   --region. */
static void combine_regions(const struct lbpf_program_file *pf, const struct lbpf_run_options *opt,
                            struct lbpf_region *regions, size_t *n) {
  *n = 0;
  for (size_t i = 0; i < pf->nregions; i++) regions[(*n)++] = pf->regions[i];
  for (size_t i = 0; i < opt->nregions; i++) regions[(*n)++] = opt->regions[i];
}

static int cmd_run(int argc, char **argv) {
  struct lbpf_run_options opt;
  char err[1024];
  if (!lbpf_run_options_parse(argc, argv, UINTPTR_MAX, &opt, err, sizeof err)) return usage_error("run", "%s", err);
  if (opt.help) {
    run_help();
    return EXIT_OK;
  }
  const char *program = opt.program, *mem_hex = opt.mem_hex, *mem_file = opt.mem_file;
  const char *entry = opt.entry;
  struct lbpf_region regions[LBPF_ELF_NREGIONS + LBPF_RUN_MAX_REGIONS];
  size_t nregions;
  uint64_t budget = opt.budget, repeat = opt.repeat;
  const struct lbpf_engine *engine = engine_or_complain("run", opt.engine);
  if (!engine) return EXIT_USAGE;

  struct lbpf_program_file pf;
  enum lbpf_load_error le = lbpf_load_program_file(program, entry, &pf, err, sizeof err);
  if (le) {
    fprintf(stderr, "litbpf: %s\n", err);
    return load_error_exit(le);
  }
  uint8_t *mem = pf.mem;
  size_t mem_len = pf.mem_len;
  uint8_t *own_mem = NULL;
  if (mem_hex) {
    if (lbpf_hex_decode(mem_hex, strlen(mem_hex), &own_mem, &mem_len, err, sizeof err)) {
      fprintf(stderr, "litbpf: --mem: %s\n", err);
      lbpf_program_file_free(&pf);
      return EXIT_FORMAT;
    }
    mem = own_mem;
  } else if (mem_file) {
    if ((le = lbpf_read_file(mem_file, LBPF_FILE_MAX, &own_mem, &mem_len, err, sizeof err))) {
      fprintf(stderr, "litbpf: --mem-file: %s\n", err);
      lbpf_program_file_free(&pf);
      return EXIT_IO;
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
    fprintf(stderr, "litbpf: %s: program refused at pc %" PRIu32 ": %s\n", program, fault.pc,
            lbpf_status_name(fault.status));
    rc = EXIT_REFUSED;
  } else {
    struct lbpf_result res = {0};
    for (uint64_t k = 0; k < repeat; k++)
      lbpf_runner_run(r, mem, mem_len, &res);
    if (res.status == LBPF_OK) {
      printf("0x%" PRIx64 "\n", res.r0);
    } else {
      fprintf(stderr, "litbpf: run-time error at pc %" PRIu32 ": %s\n", res.pc,
              lbpf_status_name(res.status));
      rc = EXIT_RUNTIME;
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
  return rc;
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

static int cmd_disasm(int argc, char **argv) {
  if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
    printf("usage: litbpf disasm [--entry NAME] PROGRAM\n"
           "\n"
           "Disassemble PROGRAM (raw bytecode, .data test file or ELF object) into the\n"
           "conformance suite's assembly syntax; the output reassembles to the same bytes.\n"
           "Instructions with no assembly form are written '.raw 0x<64-bit word>'.\n"
           "An ELF object is shown linked, as 'litbpf run' runs it (--entry as there), the\n"
           "addresses of its data still zero.\n"
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
  struct lbpf_program_file pf;
  enum lbpf_load_error le = lbpf_load_program_file(program, entry, &pf, err, sizeof err);
  if (le) {
    fprintf(stderr, "litbpf: %s\n", err);
    return load_error_exit(le);
  }
  /* an ELF object: the linked code before its data addresses are bound */
  const uint8_t *code = pf.format == LBPF_FORMAT_ELF ? pf.elf.code : pf.code;
  int rc = lbpf_disassemble(stdout, code, pf.code_size);
  if (rc)
    fprintf(stderr, "litbpf: %s: %zu bytes is not a whole number of instructions\n", program,
            pf.code_size);
  lbpf_program_file_free(&pf);
  return rc ? EXIT_FORMAT : EXIT_OK;
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
           "            code (local functions' entries, slow paths, stubs, the epilogue)\n"
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
  enum lbpf_load_error le = lbpf_read_file(program, LBPF_FILE_MAX, &data, &len, err, sizeof err);
  if (le) {
    fprintf(stderr, "litbpf: %s\n", err);
    return load_error_exit(le);
  }
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
};

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
    printf("FAIL %s: %s\n", path, err);
    t->failed++;
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
    printf("FAIL %s: malformed test file: %s\n", path, detail);
    t->failed++;
    return 0;
  }
  unsigned need = lbpf_cpu_version(tf.code, tf.code_size);
  if (need > cpu) {
    printf("SKIP %s: needs --cpu v%u\n", path, need);
    t->skipped++;
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
  if (pass) {
    printf("PASS %s\n", path);
    t->passed++;
  } else {
    printf("FAIL %s: expected %s, got %s\n", path, expected, got);
    t->failed++;
  }
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
  printf("usage: litbpf conformance [--engine NAME] [--cpu v1|v2|v3|v4] [--budget N] PATH...\n"
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
         "\n"
         "Exits 0 if no test failed, 1 otherwise, 2 on a usage error, 5 if a PATH (or a\n"
         "directory's list) could not be read.\n",
         names, LBPF_DEFAULT_BUDGET);
}

static int cmd_conformance(int argc, char **argv) {
  struct opt_state o = {argc, 1, argv, "conformance"};
  const char *engine_name = "spec", *cpu_name = "v4", *v;
  uint64_t budget = LBPF_DEFAULT_BUDGET;
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
  struct tally t = {0, 0, 0};
  bool unreadable = false;
  for (size_t i = 0; i < npaths; i++) {
    struct stat st;
    if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
      int drc = conformance_dir(paths[i], engine, cpu, budget, &t);
      if (drc == 1 || drc == -1) t.failed++;
      if (drc < 0) unreadable = true;
    } else if (conformance_file(paths[i], engine, cpu, budget, &t)) {
      unreadable = true;
    }
    fflush(stdout);
  }
  free(paths);
  printf("%u passed, %u failed", t.passed, t.failed);
  if (t.skipped) printf(", %u skipped", t.skipped);
  printf("\n");
  return unreadable ? EXIT_IO : t.failed ? EXIT_RUNTIME : EXIT_OK;
}

/* ---- the subcommand table ---- */

static int cmd_help(int argc, char **argv);

struct command {
  const char *name;
  int (*main)(int argc, char **argv);
  const char *summary;
};

static const struct command commands[] = {
    {"run", cmd_run, "run a program (raw, .data or ELF) and print r0"},
    {"asm", cmd_asm, "assemble text into raw bytecode"},
    {"disasm", cmd_disasm, "disassemble a program"},
    {"pack", cmd_pack, "write an ELF object as an image for the device"},
    {"conformance", cmd_conformance, "run conformance test files"},
    {"thumb-disasm", lbpf_cmd_thumb_disasm, "disassemble Thumb-2 code (HEX or FILE)"},
    {"jit", cmd_jit, "show the Thumb-2 code of a program's ALU runs (--dump)"},
    {"help", cmd_help, "this help"},
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
  (void)argc, (void)argv;
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
