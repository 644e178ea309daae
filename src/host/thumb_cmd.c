/* litbpf thumb-disasm: list Thumb-2 code in UAL, one instruction per line:
   address (the code starts at 0), halfwords, text.  Encodings outside the
   model are printed as .inst.n/.inst.w directives, so the listing always
   reassembles to the bytes it came from; direct branches name their target
   address in an assembler comment. */
#include "thumb_cmd.h"
#include "lbpf_thumb.h"
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CODE (16u << 20)

/* The exit codes of litbpf (src/cli/litbpf.c), which this command is part of. */
enum { THUMB_EXIT_OK = 0, THUMB_EXIT_USAGE = 2, THUMB_EXIT_FORMAT = 4, THUMB_EXIT_IO = 5 };

static void thumb_disasm_help(void) {
  printf("usage: litbpf thumb-disasm HEX|FILE\n"
         "\n"
         "List Thumb-2 code in UAL, one instruction per line: its address (the code\n"
         "starts at 0), its halfwords, its text.  FILE holds raw code bytes in memory\n"
         "order.  HEX is groups separated by blanks, commas or colons, each optionally\n"
         "prefixed 0x: a group of four digits is one halfword written most significant\n"
         "digit first, as disassemblers print them ('f04f 0001' is mov.w r0, #1); any\n"
         "other even number of digits is bytes in memory order ('4ff00001' is the same).\n"
         "Encodings outside the model are listed as .inst.n/.inst.w, so the listing\n"
         "reassembles to the same bytes.\n"
         "\n"
         "Exit codes: 0 success, 2 usage error, 4 not hex, an odd number of bytes or a\n"
         "truncated 32-bit instruction, 5 the file could not be read (or is over 16 MiB).\n");
}

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = tolower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Parse text as hex into bytes; false (with a message) if it is not hex. */
static bool parse_hex(const char *text, uint8_t **out, size_t *len) {
  size_t cap = strlen(text) / 2 + 2, n = 0;
  uint8_t *buf = malloc(cap);
  if (!buf) return fprintf(stderr, "thumb-disasm: out of memory\n"), false;
  const char *p = text;
  while (*p) {
    while (*p && (isspace((unsigned char)*p) || *p == ',' || *p == ':')) p++;
    if (!*p) break;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) p += 2;
    const char *start = p;
    while (*p && hexval((unsigned char)*p) >= 0) p++;
    size_t digits = (size_t)(p - start);
    if (digits == 0 || digits % 2 || (*p && !isspace((unsigned char)*p) && *p != ',' && *p != ':')) {
      free(buf);
      fprintf(stderr, "thumb-disasm: '%s' is neither a file nor a hex string\n", text);
      return false;
    }
    if (digits == 4) { /* a halfword, written most significant digit first */
      buf[n++] = (uint8_t)(hexval(start[2]) << 4 | hexval(start[3]));
      buf[n++] = (uint8_t)(hexval(start[0]) << 4 | hexval(start[1]));
    } else {
      for (size_t k = 0; k < digits; k += 2)
        buf[n++] = (uint8_t)(hexval(start[k]) << 4 | hexval(start[k + 1]));
    }
  }
  *out = buf, *len = n;
  return true;
}

static bool read_file(FILE *f, const char *name, uint8_t **out, size_t *len) {
  size_t cap = 4096, n = 0;
  uint8_t *buf = malloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - n, f);
    if (ferror(f)) break;
    if (n < cap) {
      *out = buf, *len = n;
      return true;
    }
    if (cap >= MAX_CODE) {
      fprintf(stderr, "thumb-disasm: %s: larger than %u bytes\n", name, MAX_CODE);
      free(buf);
      return false;
    }
    uint8_t *bigger = realloc(buf, cap * 2);
    if (!bigger) break;
    buf = bigger, cap *= 2;
  }
  fprintf(stderr, "thumb-disasm: %s: %s\n", name, buf ? strerror(errno) : "out of memory");
  free(buf);
  return false;
}

int lbpf_cmd_thumb_disasm(int argc, char **argv) {
  if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
    thumb_disasm_help();
    return THUMB_EXIT_OK;
  }
  if (argc != 2) {
    fprintf(stderr, "litbpf thumb-disasm: expected one HEX or FILE\n"
                    "(see 'litbpf thumb-disasm --help')\n");
    return THUMB_EXIT_USAGE;
  }
  uint8_t *bytes = NULL;
  size_t len = 0;
  FILE *f = fopen(argv[1], "rb");
  if (f) {
    bool ok = read_file(f, argv[1], &bytes, &len);
    fclose(f);
    if (!ok) return THUMB_EXIT_IO;
  } else if (!parse_hex(argv[1], &bytes, &len)) {
    return THUMB_EXIT_FORMAT;
  }
  int status = 0;
  if (len % 2) {
    fprintf(stderr, "thumb-disasm: odd number of bytes (%zu): Thumb code is halfwords\n", len);
    free(bytes);
    return THUMB_EXIT_FORMAT;
  }
  size_t nhw = len / 2;
  uint16_t *hw = malloc((nhw + 1) * sizeof *hw);
  if (!hw) {
    fprintf(stderr, "thumb-disasm: out of memory\n");
    free(bytes);
    return THUMB_EXIT_IO;
  }
  for (size_t k = 0; k < nhw; k++) hw[k] = (uint16_t)(bytes[2 * k] | bytes[2 * k + 1] << 8);
  unsigned itstate = 0;
  for (size_t k = 0; k < nhw;) {
    struct lbpf_thumb_insn insn;
    int size = lbpf_thumb_decode(hw + k, nhw - k, &insn);
    if (size == 0) {
      fprintf(stderr, "thumb-disasm: truncated 32-bit instruction at 0x%08zx\n", 2 * k);
      status = THUMB_EXIT_FORMAT;
      break;
    }
    char text[128];
    int itcond = itstate & 15 ? (int)(itstate >> 4) : -1;
    if (insn.form == LBPF_THUMB_F_INVALID && size == 1)
      snprintf(text, sizeof text, ".inst.n 0x%04x", hw[k]);
    else if (insn.form == LBPF_THUMB_F_INVALID)
      snprintf(text, sizeof text, ".inst.w 0x%04x%04x", hw[k], hw[k + 1]);
    else
      lbpf_thumb_print(&insn, itcond, text, sizeof text);
    switch (insn.form) { /* name the target of a direct branch, in a comment */
    case LBPF_THUMB_F_B16: case LBPF_THUMB_F_BCOND16: case LBPF_THUMB_F_B: case LBPF_THUMB_F_BCOND:
    case LBPF_THUMB_F_BL: case LBPF_THUMB_F_CBZ: {
      size_t used = strlen(text);
      snprintf(text + used, sizeof text - used, " @ 0x%08x", (uint32_t)(2 * k + 4 + (uint32_t)insn.imm));
      break;
    }
    default: break;
    }
    if (size == 1) printf("%08zx:\t%04x     \t%s\n", 2 * k, hw[k], text);
    else printf("%08zx:\t%04x %04x\t%s\n", 2 * k, hw[k], hw[k + 1], text);
    itstate = insn.form == LBPF_THUMB_F_IT ? (unsigned)(insn.cond << 4 | insn.mask)
                                           : lbpf_thumb_it_advance(itstate);
    k += (size_t)size;
  }
  free(hw);
  free(bytes);
  return status;
}
