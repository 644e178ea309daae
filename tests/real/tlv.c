/* A type-length-value decoder, as a device reads a configuration or a
   telemetry record: each record is a type byte, a length byte and the
   value; 16- and 32-bit values are big-endian.  Known types update the
   settings kept in .data (their defaults), unknown ones are counted in
   .bss, a record running past the input ends the decoding. */
#include <stdint.h>

enum { T_INTERVAL = 1, T_THRESHOLD = 2, T_NAME = 3, T_FLAGS = 4 };

static uint32_t interval = 60, threshold = 2500; /* .data: defaults */
static uint8_t flags = 0x81;                     /* .data */
static uint32_t unknown, truncated;              /* .bss */
static uint64_t name_hash;                       /* .bss */

static __attribute__((noinline)) uint32_t be(const uint8_t *p, uint32_t n) {
  uint32_t v = 0;
  for (uint32_t i = 0; i < n && i < 4; i++) v = v << 8 | p[i];
  return v;
}

static __attribute__((noinline)) void apply(uint32_t type, const uint8_t *v, uint32_t n) {
  switch (type) {
  case T_INTERVAL: interval = be(v, n); break;
  case T_THRESHOLD: threshold = be(v, n) & 0xffff; break;
  case T_NAME:
    name_hash = 0;
    for (uint32_t i = 0; i < n; i++) name_hash = name_hash * 131 + v[i];
    break;
  case T_FLAGS: flags = n ? (uint8_t)(flags ^ v[0]) : flags; break;
  default: unknown++;
  }
}

uint64_t entry(uint8_t *mem, uint64_t len) {
  uint64_t i = 0, records = 0;
  while (i + 2 <= len) {
    uint32_t type = mem[i], n = mem[i + 1];
    if (n > len - i - 2) {
      truncated++;
      break;
    }
    apply(type, mem + i + 2, n);
    i += 2 + n;
    records++;
  }
  return records << 56 ^ (uint64_t)interval << 32 ^ (uint64_t)threshold << 16 ^
         (uint64_t)flags << 8 ^ unknown << 4 ^ truncated ^ name_hash;
}
