/* A xorshift-multiply mix of the input's 64-bit and 32-bit words: 64-bit
   loads, shifts in both directions, rotations and unsigned comparison. */
#include <stdint.h>

static inline uint64_t rotl(uint64_t x, unsigned k) {
  return x << k | x >> (64 - k);
}

uint64_t entry(uint8_t *mem, uint64_t len) {
  uint64_t h = len;
  uint64_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t w = *(const uint64_t *)(mem + i);
    h ^= w;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9u;
    h = rotl(h, 17);
  }
  if (i + 4 <= len) h += *(const uint32_t *)(mem + i);
  int64_t s = (int64_t)h;
  return s < 0 ? h >> 3 : h << 1;
}
