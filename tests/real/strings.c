/* String handling as small programs do it: a table of keywords in .rodata,
   a formatting buffer in .bss, and a search of the input for every keyword.
   (A table of pointers to string literals would need R_BPF_64_ABS64
   relocations in .data, which litbpf links on the host but an image for the
   device cannot express; tests/elf_link.sh covers that case.) */
#include <stdint.h>

static const char keywords[][5] = {"temp", "hum", "co2", "lux", "err"};
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
