/* The native twin's driver and environment.

   The driver runs a test program, compiled for the host, on the bytes of a
   file (8-byte aligned, as the tools give the program) and prints r0 as
   litbpf run does:

     NATIVE MEMORY-FILE [--repeat N] [--digest]

   --repeat N runs the program N times, each on a fresh copy of the memory,
   with its globals and the helpers' stores kept, and prints the last r0, as
   `litbpf run --repeat N' does.  --digest adds a line mem=0x... with the
   64-bit FNV-1a digest of the memory after the (last) run, the digest the
   Cortex-M4 firmware prints.  The function run is entry() (a program run
   from another function is compiled with -DFUNCTION=entry).

   The environment is the standard helpers of lit/helpers.nw, implemented
   here once with their semantics for a native caller (tests/real/helpers.h
   declares them): bpf_printf understands exactly the helper's conversions
   and refuses, printing nothing and returning -1, what the helper refuses;
   its text goes to stderr, as litbpf run writes it.  The stores hold
   LBPF_RUNNER_KV_ENTRIES pairs each, as the host tools' do.  Native code has
   no regions: the programs never give a helper a pointer it would refuse. */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lbpf_helpers.h"
#include "runner.h" /* LBPF_RUNNER_KV_ENTRIES */

uint64_t entry(uint8_t *mem, uint64_t len);

/* ---- the standard helpers ---- */

struct native_text {
  char buf[LBPF_PRINTF_MAX];
  size_t len;
  int ok;
};

static void native_put(struct native_text *t, char c) {
  if (t->len < sizeof t->buf)
    t->buf[t->len++] = c;
  else
    t->ok = 0;
}

static void native_put_number(struct native_text *t, uint64_t v, int negative, unsigned base,
                              int upper) {
  char digits[20];
  int n = 0;
  const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  if (negative) native_put(t, '-');
  do {
    digits[n++] = set[v % base];
    v /= base;
  } while (v);
  while (n) native_put(t, digits[--n]);
}

int bpf_printf(const char *fmt, ...) {
  struct native_text t = {.len = 0, .ok = 1};
  unsigned used = 0;
  va_list ap;
  va_start(ap, fmt);
  for (size_t i = 0; t.ok; i++) {
    if (i >= LBPF_PRINTF_MAX) t.ok = 0;
    else if (fmt[i] == '\0') break;
    else if (fmt[i] != '%') native_put(&t, fmt[i]);
    else if (fmt[i + 1] == '%') native_put(&t, '%'), i++;
    else if (used == 4) t.ok = 0;
    else {
      int longs = 0;
      while (fmt[i + 1] == 'l' && longs < 2) longs++, i++;
      char c = fmt[++i];
      used++;
      if (c == 'd' || c == 'i') {
        int64_t s = longs ? (int64_t)va_arg(ap, long long) : (int64_t)va_arg(ap, int);
        native_put_number(&t, s < 0 ? 0 - (uint64_t)s : (uint64_t)s, s < 0, 10, 0);
      } else if (c == 'u' || c == 'x' || c == 'X') {
        uint64_t v = longs ? (uint64_t)va_arg(ap, unsigned long long) : va_arg(ap, unsigned);
        native_put_number(&t, v, 0, c == 'u' ? 10 : 16, c == 'X');
      } else if (c == 'c' && !longs) {
        native_put(&t, (char)va_arg(ap, int));
      } else if (c == 's' && !longs) {
        const char *s = va_arg(ap, const char *);
        for (size_t k = 0; t.ok && (k >= LBPF_PRINTF_MAX || s[k]); k++)
          if (k >= LBPF_PRINTF_MAX) t.ok = 0;
          else native_put(&t, s[k]);
      } else {
        t.ok = 0;
      }
    }
  }
  va_end(ap);
  if (!t.ok) return -1;
  fwrite(t.buf, 1, t.len, stderr);
  fflush(stderr);
  return (int)t.len;
}

void *bpf_memcpy(void *dst, const void *src, uint32_t n) { return memmove(dst, src, n); }

struct native_kv {
  uint32_t count, key[LBPF_RUNNER_KV_ENTRIES], value[LBPF_RUNNER_KV_ENTRIES];
};
static struct native_kv local_store, global_store;

static int native_store(struct native_kv *kv, uint32_t key, uint32_t value) {
  for (uint32_t i = 0; i < kv->count; i++)
    if (kv->key[i] == key) return kv->value[i] = value, 0;
  if (kv->count == LBPF_RUNNER_KV_ENTRIES) return -1;
  kv->key[kv->count] = key;
  kv->value[kv->count++] = value;
  return 0;
}

static int native_fetch(const struct native_kv *kv, uint32_t key, uint32_t *value) {
  for (uint32_t i = 0; i < kv->count; i++)
    if (kv->key[i] == key) return *value = kv->value[i], 0;
  return -1;
}

int bpf_store_local(uint32_t key, uint32_t value) { return native_store(&local_store, key, value); }
int bpf_store_global(uint32_t key, uint32_t value) {
  return native_store(&global_store, key, value);
}
int bpf_fetch_local(uint32_t key, uint32_t *value) { return native_fetch(&local_store, key, value); }
int bpf_fetch_global(uint32_t key, uint32_t *value) {
  return native_fetch(&global_store, key, value);
}

uint32_t bpf_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint32_t)((uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000);
}

/* ---- the driver ---- */

int main(int argc, char **argv) {
  unsigned long long repeat = 1;
  int digest = 0;
  const char *path = NULL;
  for (int i = 1; i < argc; i++) {
    char *end = NULL;
    if (strcmp(argv[i], "--digest") == 0) {
      digest = 1;
    } else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
      repeat = strtoull(argv[++i], &end, 10);
      if (repeat == 0 || *end != '\0') path = NULL, i = argc;
    } else if (!path && argv[i][0] != '-') {
      path = argv[i];
    } else {
      path = NULL, i = argc;
    }
  }
  if (!path) {
    fprintf(stderr, "usage: %s MEMORY-FILE [--repeat N] [--digest]\n", argv[0]);
    return 2;
  }
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    return 2;
  }
  static uint64_t pristine[1 << 16], buf[1 << 16];
  size_t len = fread(pristine, 1, sizeof pristine, f);
  fclose(f);
  uint64_t r0 = 0;
  for (unsigned long long k = 0; k < repeat; k++) {
    memcpy(buf, pristine, len);
    r0 = entry((uint8_t *)buf, len);
  }
  printf("0x%" PRIx64 "\n", r0);
  if (digest) {
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    for (size_t i = 0; i < len; i++) h = (h ^ ((uint8_t *)buf)[i]) * UINT64_C(0x100000001b3);
    printf("mem=0x%016" PRIx64 "\n", h);
  }
  return 0;
}
