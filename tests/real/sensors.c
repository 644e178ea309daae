/* A femto-container-style program: sensor readings (16-bit little-endian
   samples) checked against thresholds kept in a read-only table, counters
   and a running state kept in globals (.data and .bss), a string literal
   (.rodata.str1.1), and the work split over three sections: the program in
   its own section calling static functions in .text and a function in a
   third section, all linked by relocations. */
#include <stdint.h>

static const uint16_t thresholds[4] = {100, 1000, 20000, 60000};
static const char levels[] = "LMHX";
static uint32_t seen[5];      /* .bss: samples per level */
static uint64_t state = 0x5a; /* .data: a running digest */

static __attribute__((noinline)) unsigned level_of(uint32_t sample) {
  unsigned l = 0;
  while (l < 4 && sample >= thresholds[l])
    l++;
  return l;
}

static __attribute__((section("lib/digest"), noinline)) uint64_t digest(uint64_t h, uint64_t v) {
  return (h ^ v) * 0x100000001b3u;
}

__attribute__((section("fc/sensors"))) uint64_t entry(uint8_t *mem, uint64_t len) {
  for (uint64_t i = 0; i + 1 < len; i += 2) {
    uint32_t sample = (uint32_t)mem[i] | (uint32_t)mem[i + 1] << 8;
    unsigned l = level_of(sample);
    seen[l]++;
    state = digest(state, l < 4 ? (uint64_t)levels[l] : sample);
  }
  return state ^ ((uint64_t)seen[0] << 40 | (uint64_t)seen[1] << 30 | (uint64_t)seen[2] << 20 |
                  (uint64_t)seen[3] << 10 | seen[4]);
}
