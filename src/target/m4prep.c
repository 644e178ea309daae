/* m4prep: the host half of running programs on the Cortex-M4 firmware.

   The firmware reads raw bytecode and raw memory through semihosting and
   knows nothing of .data test files or ELF objects.  This tool converts them
   on the host with the same loaders `litbpf run' uses, so that a program is
   read identically whichever side runs it, and writes the firmware's job
   files (the format is described in lit/target.nw).

     m4prep program PROGRAM CODE_OUT MEM_OUT
         Load PROGRAM (raw, .data, ELF or image); write its code to CODE_OUT
         (an ELF object with globals as a litbpf image, which the firmware
         places) and, if it is a .data file with a -- mem section, the memory
         to MEM_OUT.
         Prints "mem" or "nomem".  Errors as litbpf run (exit 4 or 5).

     m4prep run OUTDIR run ARGS...
         Read the command line ARGS of `litbpf run' with litbpf's own parser,
         and refuse what `litbpf run' refuses, with its messages (prefixed
         m4run) and exit codes; also refuse a region that is no Cortex-M4
         address or length (above 2^32 - 1), as litbpf on a 32-bit machine
         does.  Load the program and the input memory as litbpf does, write
         them to OUTDIR/code.bin and OUTDIR/mem.bin, and print one line:
         "ENGINE BUDGET REPEAT STATS REGION...", STATS 0 or 1, each REGION
         ADDR:LEN:PERM in hex, PERM r, w or rw, then the program's name on a
         line of its own.  --help prints the line "help" and exits 0.

     m4prep hex HEX MEM_OUT
         Decode HEX as `litbpf run --mem HEX' does and write the bytes to
         MEM_OUT.  Errors as litbpf run (exit 4 or 5).

     m4prep engine NAME
         Exit 0 if NAME is in the engine table (the firmware links the same
         table), else print litbpf's message naming the engines and exit 2.

     m4prep suite DIR OUTDIR ENGINE...
         For every .data file of DIR (in name order), write OUTDIR/NAME.bin
         and OUTDIR/NAME.mem and print one job line per engine that expects
         the file's result (or an error).  A malformed test file is reported
         on stderr and makes the exit status 1. */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lbpf_engines.h"
#include "loader.h"
#include "runner.h"

enum { EXIT_RUNTIME = 1, EXIT_USAGE = 2, EXIT_FORMAT = 4, EXIT_IO = 5 };

static int write_file(const char *path, const uint8_t *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f || (len && fwrite(data, 1, len, f) != len) || fclose(f) != 0) {
    fprintf(stderr, "m4prep: %s: cannot write: %s\n", path, strerror(errno));
    return -1;
  }
  return 0;
}

/* Write the program pf (read from path) as the firmware takes it: an image
   as the file is (the firmware checks and places it itself), an ELF object
   with globals as an image (their addresses are the firmware's), anything
   else as its code.  Returns 0, or an exit code with the message printed. */
static int write_program(const struct lbpf_program_file *pf, const char *path, const char *out,
                         const char *tool) {
  char err[512];
  uint8_t *bytes = NULL;
  size_t len = 0;
  int rc;
  if (pf->format == LBPF_FORMAT_IMAGE) {
    if (lbpf_read_file(path, LBPF_FILE_MAX, &bytes, &len, err, sizeof err)) {
      fprintf(stderr, "%s: %s\n", tool, err);
      return EXIT_IO;
    }
  } else if (pf->elf.nrelocs) {
    if (lbpf_elf_pack(&pf->elf, path, &bytes, &len, err, sizeof err)) {
      fprintf(stderr, "%s: %s\n", tool, err);
      return EXIT_FORMAT;
    }
  }
  rc = bytes ? write_file(out, bytes, len) : write_file(out, pf->code, pf->code_size);
  free(bytes);
  return rc ? EXIT_IO : 0;
}

static int cmd_program(char **argv) {
  char err[512];
  struct lbpf_program_file pf;
  enum lbpf_load_error le = lbpf_load_program_file(argv[0], NULL, &pf, err, sizeof err);
  if (le) {
    fprintf(stderr, "litbpf: %s\n", err);
    return le == LBPF_LOAD_IO ? EXIT_IO : EXIT_FORMAT;
  }
  int rc = write_program(&pf, argv[0], argv[1], "litbpf");
  if (rc == 0 && pf.has_mem && write_file(argv[2], pf.mem, pf.mem_len)) rc = EXIT_IO;
  if (rc == 0) printf("%s\n", pf.has_mem ? "mem" : "nomem");
  lbpf_program_file_free(&pf);
  return rc;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* One test file: its code and memory files, then its job lines. */
static int suite_file(const char *dir, const char *file, const char *outdir, char **engines,
                      int nengines) {
  char path[4096], bin[4096], mem[4096], err[512], name[256];
  size_t l = strlen(file) - 5; /* without .data */
  if (l >= sizeof name) return -1;
  memcpy(name, file, l);
  name[l] = '\0';
  snprintf(path, sizeof path, "%s/%s", dir, file);
  snprintf(bin, sizeof bin, "%s/%s.bin", outdir, name);
  snprintf(mem, sizeof mem, "%s/%s.mem", outdir, name);
  uint8_t *text;
  size_t len;
  if (lbpf_read_file(path, LBPF_FILE_MAX, &text, &len, err, sizeof err)) {
    fprintf(stderr, "m4prep: %s\n", err);
    return -1;
  }
  struct lbpf_testfile tf;
  int prc = lbpf_testfile_parse((const char *)text, len, path, &tf, err, sizeof err);
  free(text);
  if (prc) {
    fprintf(stderr, "m4prep: %s: malformed test file: %s\n", path, err);
    return -1;
  }
  int rc = write_file(bin, tf.code, tf.code_size);
  if (rc == 0) rc = write_file(mem, tf.mem, tf.has_mem ? tf.mem_len : 0);
  char expect[32];
  if (tf.has_result)
    snprintf(expect, sizeof expect, "0x%" PRIx64, tf.result);
  else
    snprintf(expect, sizeof expect, tf.has_error ? "error" : "nothing");
  for (int i = 0; rc == 0 && i < nengines; i++)
    printf("%s %s %s %s %s 0\n", name, engines[i], bin, mem, expect);
  lbpf_testfile_free(&tf);
  return rc;
}

static int cmd_suite(const char *dir, const char *outdir, char **engines, int nengines) {
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, "m4prep: %s: cannot open directory: %s\n", dir, strerror(errno));
    return EXIT_IO;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  int rc = 0;
  while ((e = readdir(d))) {
    size_t l = strlen(e->d_name);
    if (l < 6 || strcmp(e->d_name + l - 5, ".data") != 0) continue;
    if (strpbrk(e->d_name, " \t\n")) {
      fprintf(stderr, "m4prep: %s: blanks in a test name\n", e->d_name);
      rc = EXIT_RUNTIME;
      continue;
    }
    if (n == cap) {
      cap = cap ? cap * 2 : 64;
      char **more = realloc(names, cap * sizeof *names);
      if (!more) break;
      names = more;
    }
    if (!(names[n] = strdup(e->d_name))) break;
    n++;
  }
  closedir(d);
  if (n) qsort(names, n, sizeof *names, cmp_str);
  for (size_t i = 0; i < n; i++) {
    if (suite_file(dir, names[i], outdir, engines, nengines)) rc = EXIT_RUNTIME;
    free(names[i]);
  }
  free(names);
  return rc;
}

static int cmd_run(const char *outdir, int argc, char **argv) {
  struct lbpf_run_options o;
  char err[512], path[4096];
  /* the Cortex-M4's addresses are 32 bits wide */
  if (!lbpf_run_options_parse(argc, argv, UINT32_MAX, &o, err, sizeof err)) goto usage;
  if (o.help) return printf("help\n"), 0;
  if (o.trace || o.json) {
    /* the device reports r0 and its cost; the steps are the host's (litbpf run) */
    snprintf(err, sizeof err, "%s is litbpf run's: the emulated device reports r0 only",
             o.trace ? "--trace" : "--json");
    goto usage;
  }
  if (!lbpf_engine_find(o.engine)) {
    char names[256];
    lbpf_engine_names(names, sizeof names);
    snprintf(err, sizeof err, "unknown engine '%s'; available engines: %s", o.engine, names);
    goto usage;
  }
  struct lbpf_program_file pf;
  enum lbpf_load_error le = lbpf_load_program_file(o.program, o.entry, &pf, err, sizeof err);
  if (le) {
    fprintf(stderr, "m4run: %s\n", err);
    return le == LBPF_LOAD_IO ? EXIT_IO : EXIT_FORMAT;
  }
  uint8_t *mem = NULL;
  size_t mem_len = 0;
  int rc = 0;
  if (o.mem_hex && lbpf_hex_decode(o.mem_hex, strlen(o.mem_hex), &mem, &mem_len, err, sizeof err)) {
    fprintf(stderr, "m4run: --mem: %s\n", err);
    rc = EXIT_FORMAT;
  } else if (o.mem_file &&
             lbpf_read_file(o.mem_file, LBPF_FILE_MAX, &mem, &mem_len, err, sizeof err)) {
    fprintf(stderr, "m4run: --mem-file: %s\n", err);
    rc = EXIT_IO;
  }
  snprintf(path, sizeof path, "%s/code.bin", outdir);
  if (rc == 0) rc = write_program(&pf, o.program, path, "m4run");
  snprintf(path, sizeof path, "%s/mem.bin", outdir);
  if (rc == 0 && write_file(path, o.mem_hex || o.mem_file ? mem : pf.mem,
                            o.mem_hex || o.mem_file ? mem_len : pf.mem_len))
    rc = EXIT_IO;
  if (rc == 0) {
    printf("%s %" PRIu64 " %" PRIu64 " %d", o.engine, o.budget, o.repeat, o.stats);
    for (size_t i = 0; i < o.nregions; i++) {
      unsigned perm = o.regions[i].perm;
      printf(" 0x%" PRIxPTR ":0x%zx:%s", (uintptr_t)o.regions[i].base, o.regions[i].length,
             perm == LBPF_PERM_READ ? "r" : perm == LBPF_PERM_WRITE ? "w" : "rw");
    }
    printf("\n%s\n", o.program);
  }
  free(mem);
  lbpf_program_file_free(&pf);
  return rc;
usage:
  fprintf(stderr, "m4run: %s\n(see 'm4run --help')\n", err);
  return EXIT_USAGE;
}

static int cmd_hex(const char *hex, const char *out) {
  uint8_t *mem = NULL;
  size_t len = 0;
  char err[256];
  if (lbpf_hex_decode(hex, strlen(hex), &mem, &len, err, sizeof err)) {
    fprintf(stderr, "litbpf: --mem: %s\n", err);
    return EXIT_FORMAT;
  }
  int rc = write_file(out, mem, len) ? EXIT_IO : 0;
  free(mem);
  return rc;
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "engine") == 0) {
    if (lbpf_engine_find(argv[2])) return 0;
    char names[256];
    lbpf_engine_names(names, sizeof names);
    fprintf(stderr, "unknown engine '%s'; available engines: %s\n", argv[2], names);
    return EXIT_USAGE;
  }
  if (argc == 5 && strcmp(argv[1], "program") == 0) return cmd_program(argv + 2);
  if (argc == 4 && strcmp(argv[1], "hex") == 0) return cmd_hex(argv[2], argv[3]);
  if (argc >= 4 && strcmp(argv[1], "run") == 0) return cmd_run(argv[2], argc - 3, argv + 3);
  if (argc >= 5 && strcmp(argv[1], "suite") == 0)
    return cmd_suite(argv[2], argv[3], argv + 4, argc - 4);
  fprintf(stderr, "usage: m4prep program PROGRAM CODE_OUT MEM_OUT\n"
                  "       m4prep run OUTDIR run ARGS...\n"
                  "       m4prep hex HEX MEM_OUT\n"
                  "       m4prep engine NAME\n"
                  "       m4prep suite DIR OUTDIR ENGINE...\n");
  return EXIT_USAGE;
}
