/* xorshift: Marsaglia's xorshift64* generator, iterated: 64-bit shifts,
   xors and a 64-bit multiply in a tight loop, the kind of arithmetic a
   32-bit VM would split into many instructions.  Input: u64 seed (nonzero),
   u32 rounds (500).  r0 = the xor of all outputs. */
#include <stdint.h>

uint64_t xorshift(uint8_t *mem, uint64_t len) {
  (void)len;
  uint64_t x = *(uint64_t *)mem;
  uint32_t rounds = *(uint32_t *)(mem + 8);
  uint64_t acc = 0;
  for (uint32_t i = 0; i < rounds; i++) {
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    acc ^= x * 0x2545f4914f6cdd1dull;
  }
  return acc;
}
