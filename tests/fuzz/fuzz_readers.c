/* Fuzz targets for every reader of the host tools, one per reader, chosen
   at compile time with -DLBPF_FUZZ_READER=N (see tests/fuzz/README.md):

     1 elf    lbpf_elf_code: an ELF relocatable object from clang -target bpf
     2 data   lbpf_testfile_parse: a conformance .data test file
     3 hex    lbpf_hex_decode: hex bytes (--mem, the plugin's stdin)
     4 asm    lbpf_assemble, then lbpf_disassemble of what it produced

   A reader must return a result or an error with a message, never crash,
   read or write out of bounds, leak or hit undefined behaviour (ASan and
   UBSan watch); an accepted input must give a well-formed result. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytecode.h"
#include "loader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A reader's error message is one non-empty line of text. */
static void message_is_text(int rc, const char *err) {
  if (rc == 0) return;
  if (err[0] == '\0') abort(); /* a long message may be cut at the buffer's end */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char err[512] = "";
  /* the text readers get a NUL-terminated copy, as the tools give them */
  char *text = malloc(size + 1);
  if (!text) return 0;
  memcpy(text, data, size);
  text[size] = '\0';
#if LBPF_FUZZ_READER == 1
  struct lbpf_elf_program p;
  int rc = lbpf_elf_link(data, size, "fuzz.o", NULL, &p, err, sizeof err);
  message_is_text(rc, err);
  /* the linked code is whole instructions */
  if (rc == 0 && (p.code_size % 8 != 0 || (p.code_size > 0 && p.code == NULL))) abort();
  lbpf_elf_program_free(&p);
#elif LBPF_FUZZ_READER == 2
  struct lbpf_testfile tf;
  int rc = lbpf_testfile_parse(text, size, "fuzz.data", &tf, err, sizeof err);
  message_is_text(rc, err);
  if (rc == 0) {
    /* (the code may be any number of bytes: -- raw takes single bytes, and
       the verifier refuses a size that is not whole instructions) */
    if ((tf.code_size > 0 && tf.code == NULL) || (tf.has_result && tf.has_error)) abort();
    lbpf_testfile_free(&tf);
  }
#elif LBPF_FUZZ_READER == 3
  uint8_t *out = NULL;
  size_t len = 0;
  int rc = lbpf_hex_decode(text, size, &out, &len, err, sizeof err);
  message_is_text(rc, err);
  if (rc == 0 && len > size / 2 + 1) abort();
  free(out);
#elif LBPF_FUZZ_READER == 4
  uint8_t *code = NULL;
  size_t code_size = 0;
  int rc = lbpf_assemble(text, size, 1, &code, &code_size, err, sizeof err);
  message_is_text(rc, err);
  if (rc == 0) {
    if (code_size % 8 != 0) abort();
    FILE *devnull = fopen("/dev/null", "w");
    if (devnull) {
      if (lbpf_disassemble(devnull, code, code_size) != 0) abort();
      fclose(devnull);
    }
  }
  free(code);
#else
#error "define LBPF_FUZZ_READER to 1 (elf), 2 (data), 3 (hex) or 4 (asm)"
#endif
  free(text);
  return 0;
}
