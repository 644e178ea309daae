/* fnv1a: the 64-bit FNV-1a hash, a byte loop of xor and 64-bit multiply
   (the multiply is what a 32-bit-only VM cannot do in one instruction).
   Input: u32 n (256), then n bytes.  r0 = the hash. */
#include <stdint.h>

uint64_t fnv1a(uint8_t *mem, uint64_t len) {
  uint32_t n = *(uint32_t *)mem;
  const uint8_t *p = mem + 4;
  if (n > len - 4) return 0;
  uint64_t h = 0xcbf29ce484222325ull;
  for (uint32_t i = 0; i < n; i++) {
    h ^= p[i];
    h *= 0x100000001b3ull;
  }
  return h;
}
