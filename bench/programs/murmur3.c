/* murmur3: MurmurHash3's 32-bit variant: word loads, multiplies, rotates,
   a byte tail and the final avalanche.  Input: u32 seed, u32 n (250), then
   n bytes (n need not be a multiple of 4, so the tail runs).  r0 = the hash. */
#include <stdint.h>

static inline __attribute__((always_inline)) uint32_t rotl32(uint32_t x, uint32_t r) {
  return (x << r) | (x >> (32 - r));
}

uint64_t murmur3(uint8_t *mem, uint64_t len) {
  uint32_t h = *(uint32_t *)mem;
  uint32_t n = *(uint32_t *)(mem + 4);
  const uint8_t *p = mem + 8;
  if (n > len - 8) return 0;
  const uint32_t c1 = 0xcc9e2d51u, c2 = 0x1b873593u;
  uint32_t nblocks = n / 4;
  for (uint32_t i = 0; i < nblocks; i++) {
    const uint8_t *b = p + 4 * i;
    uint32_t k = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    k *= c1;
    k = rotl32(k, 15);
    k *= c2;
    h ^= k;
    h = rotl32(h, 13);
    h = h * 5 + 0xe6546b64u;
  }
  const uint8_t *tail = p + 4 * nblocks;
  uint32_t k = 0, rest = n & 3;
  if (rest >= 3) k ^= (uint32_t)tail[2] << 16;
  if (rest >= 2) k ^= (uint32_t)tail[1] << 8;
  if (rest >= 1) {
    k ^= tail[0];
    k *= c1;
    k = rotl32(k, 15);
    k *= c2;
    h ^= k;
  }
  h ^= n;
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}
