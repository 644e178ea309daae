/* Reading a benchmark's input memory: the whole file into an 8-byte aligned
   heap buffer (the programs read 32- and 64-bit fields at aligned offsets). */
#ifndef LBPF_BENCH_IO_H
#define LBPF_BENCH_IO_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* FNV-1a, 64 bits, of n bytes: a fingerprint of the input memory after a run,
   so that the engines and the native build can be compared on what they
   wrote as well as on r0. */
static inline uint64_t lbpf_bench_digest(const uint8_t *p, size_t n) {
  uint64_t h = UINT64_C(0xcbf29ce484222325);
  for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * UINT64_C(0x100000001b3);
  return h;
}

/* The file's bytes, or NULL after printing why.  The caller frees. */
static inline uint8_t *lbpf_bench_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    fprintf(stderr, "cannot open %s\n", path);
    return NULL;
  }
  size_t cap = 4096, n = 0;
  uint8_t *buf = malloc(cap);
  while (buf != NULL) {
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap) break;
    uint8_t *bigger = realloc(buf, cap * 2);
    if (bigger == NULL) {
      free(buf);
      buf = NULL;
      break;
    }
    buf = bigger;
    cap *= 2;
  }
  int bad = buf == NULL || ferror(f);
  fclose(f);
  if (bad) {
    fprintf(stderr, "cannot read %s\n", path);
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}
#endif
