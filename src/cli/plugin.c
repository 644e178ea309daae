/* litbpf-plugin: an engine of litbpf behind the plugin protocol of the
   bpf_conformance suite, so that the suite's own runner can test litbpf.

   The protocol: the input memory, as hex bytes, is the first argument when
   there is one (an argument that does not start with "--"); the program, as
   hex bytes, comes on the standard input (or after --program); the plugin
   prints r0 in hexadecimal on stdout and exits 0, or prints a message on
   stderr and exits non-zero when the program is refused or fails. */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lbpf_engines.h"
#include "lbpf.h"
#include "loader.h"
#include "runner.h"

/* A program sent on stdin is hex text: 2 characters and a space per byte,
   so a program of LBPF_MAX_INSNS slots fits well within the file cap. */

static void usage(FILE *f) {
  char names[256];
  lbpf_engine_names(names, sizeof names);
  fprintf(f,
          "usage: litbpf-plugin [MEMORY-HEX] [--program HEX] [--engine NAME] [--elf]\n"
          "\n"
          "The bpf_conformance plugin protocol: MEMORY-HEX (optional first argument) is the\n"
          "input memory as hex bytes; the program, hex bytes, is read from the standard\n"
          "input unless --program gives it.  Prints r0 in hex.  --elf: the bytes are an\n"
          "ELF object.  Engines: %s (default spec).\n"
          "Exit status: 0 success, 1 the program was refused or failed, 2 usage error.\n",
          names);
}

int main(int argc, char **argv) {
  const char *mem_hex = NULL, *prog_hex = NULL, *engine_name = "spec";
  bool elf = false;
  int i = 1;
  if (i < argc && strncmp(argv[i], "--", 2) != 0) mem_hex = argv[i++];
  for (; i < argc; i++) {
    if (strcmp(argv[i], "--help") == 0) {
      usage(stdout);
      return 0;
    } else if (strcmp(argv[i], "--program") == 0 && i + 1 < argc) {
      prog_hex = argv[++i];
    } else if (strcmp(argv[i], "--engine") == 0 && i + 1 < argc) {
      engine_name = argv[++i];
    } else if (strcmp(argv[i], "--elf") == 0) {
      elf = true;
    } else if (strcmp(argv[i], "--interpret") == 0 || strcmp(argv[i], "--jit") == 0) {
      /* other plugins' engine switches: litbpf chooses with --engine */
    } else {
      fprintf(stderr, "litbpf-plugin: invalid argument '%s'\n", argv[i]);
      usage(stderr);
      return 2;
    }
  }
  const struct lbpf_engine *engine = lbpf_engine_find(engine_name);
  if (!engine) {
    char names[256];
    lbpf_engine_names(names, sizeof names);
    fprintf(stderr, "litbpf-plugin: unknown engine '%s'; available engines: %s\n", engine_name,
            names);
    return 2;
  }

  char err[512];
  uint8_t *text = NULL, *prog = NULL, *mem = NULL;
  size_t text_len = 0, prog_len = 0, mem_len = 0;
  int rc = 1;
  if (!prog_hex) {
    if (lbpf_read_file("-", LBPF_FILE_MAX, &text, &text_len, err, sizeof err)) {
      fprintf(stderr, "litbpf-plugin: program: %s\n", err);
      return 1;
    }
    prog_hex = (const char *)text;
    if (memchr(text, '\0', text_len)) {
      fprintf(stderr, "litbpf-plugin: program: NUL byte in the hex text\n");
      goto out;
    }
  } else {
    text_len = strlen(prog_hex);
  }
  if (lbpf_hex_decode(prog_hex, text_len, &prog, &prog_len, err, sizeof err)) {
    fprintf(stderr, "litbpf-plugin: program: %s\n", err);
    goto out;
  }
  if (mem_hex && lbpf_hex_decode(mem_hex, strlen(mem_hex), &mem, &mem_len, err, sizeof err)) {
    fprintf(stderr, "litbpf-plugin: memory: %s\n", err);
    goto out;
  }
  const uint8_t *code = prog;
  size_t code_size = prog_len;
  if (elf && lbpf_elf_code(prog, prog_len, "program", &code, &code_size, err, sizeof err)) {
    fprintf(stderr, "litbpf-plugin: %s\n", err);
    goto out;
  }
  struct lbpf_runner *r = malloc(sizeof *r);
  struct lbpf_fault fault;
  if (!r) {
    fprintf(stderr, "litbpf-plugin: out of memory\n");
    goto out;
  }
  if (lbpf_runner_load(r, engine, code, code_size, LBPF_DEFAULT_BUDGET, NULL, 0, &fault) != LBPF_OK) {
    fprintf(stderr, "litbpf-plugin: program refused at pc %" PRIu32 ": %s\n", fault.pc,
            lbpf_status_name(fault.status));
  } else {
    struct lbpf_result res;
    lbpf_runner_run(r, mem, mem_len, &res);
    if (res.status == LBPF_OK) {
      printf("%" PRIx64 "\n", res.r0);
      rc = 0;
    } else {
      fprintf(stderr, "litbpf-plugin: run-time error at pc %" PRIu32 ": %s\n", res.pc,
              lbpf_status_name(res.status));
    }
  }
  lbpf_runner_free(r);
  free(r);
out:
  free(text);
  free(prog);
  free(mem);
  return rc;
}
