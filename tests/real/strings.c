/* String handling as small programs do it: a table of keywords (pointers
   to string literals in .data, each an R_BPF_64_ABS64 relocation), a
   formatting buffer in .bss, and a search of the input for every keyword. */
#include <stdint.h>

static const char *const keywords[] = {"temp", "hum", "co2", "lux", "err"};
static char line[32];

static __attribute__((noinline)) uint64_t find(const uint8_t *mem, uint64_t len, const char *w) {
  uint64_t hits = 0;
  for (uint64_t i = 0; i < len; i++) {
    uint64_t k = 0;
    while (w[k] && i + k < len && mem[i + k] == (uint8_t)w[k])
      k++;
    if (!w[k]) hits++;
  }
  return hits;
}

static __attribute__((noinline)) uint64_t format_u(uint64_t v) {
  /* decimal digits of v into line, backwards; returns how many */
  uint64_t n = 0;
  do {
    line[31 - n] = (char)('0' + v % 10);
    v /= 10;
    n++;
  } while (v && n < 31);
  return n;
}

uint64_t entry(uint8_t *mem, uint64_t len) {
  uint64_t h = 0;
  for (unsigned k = 0; k < sizeof keywords / sizeof keywords[0]; k++) {
    uint64_t hits = find(mem, len, keywords[k]);
    uint64_t n = format_u(hits * 1000 + len);
    for (uint64_t i = 32 - n; i < 32; i++)
      h = h * 31 + (uint8_t)line[i];
  }
  return h;
}
